package main

import (
	"context"
	"encoding/base64"
	"errors"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/jwtlab/jwtlab/internal/fileio"
	"github.com/jwtlab/jwtlab/jwtcore"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// keygenFlags are the options of jwtlab keygen.
type keygenFlags struct {
	alg    string
	bits   int
	out    string
	format string
	force  bool
}

func newKeygenCmd(std stdio) *cobra.Command {
	var f keygenFlags
	cmd := &cobra.Command{
		Use:   "keygen --alg ALG [--bits N] [--out PREFIX] [--format pem|jwk] [--force]",
		Short: "Generate a signing key for an algorithm",
		Long: "Generate a new random key for ALG with the operating system's secure\n" +
			"random source.\n\n" +
			"With --out, the private key goes to PREFIX (mode 0600) and the public key\n" +
			"to PREFIX.pub (mode 0644), as ssh-keygen does, and the public key's\n" +
			"RFC 7638 thumbprint is printed on standard error. Files are written to a\n" +
			"temporary file and renamed into place, and an existing file is never\n" +
			"replaced without --force. Without --out both keys are printed on\n" +
			"standard output, the private key first.\n\n" +
			"Formats: pem writes PKCS#8 (private) and SPKI (public) PEM; jwk writes\n" +
			"JWKs whose kid is the thumbprint. For HS256, HS384 and HS512 there is\n" +
			"no public key: pem writes the secret as base64url text with no\n" +
			"newline, and jwk writes an \"oct\" JWK that --key PREFIX reads. The\n" +
			"text file works two ways: --secret-file PREFIX uses the text itself as\n" +
			"the secret, and --secret-base64 \"$(cat PREFIX)\" uses the decoded\n" +
			"bytes. sign and verify must use the same one.\n\n" +
			"Sizes: HMAC secrets default to the hash size (256, 384 or 512 bits, the\n" +
			"minimum RFC 7518 allows); RSA keys are 2048 (default), 3072 or 4096\n" +
			"bits; EC and Ed25519 keys have the size of their curve.",
		Example: "  jwtlab keygen --alg RS256 --out rs256            # rs256 and rs256.pub\n" +
			"  jwtlab keygen --alg ES256 --format jwk --out ec  # ec and ec.pub as JWK\n" +
			"  jwtlab keygen --alg HS256                        # print a 256-bit secret",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runKeygen(std, cmd.Flags(), f)
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&f.alg, "alg", "",
		"algorithm the key is for: HS256, HS384, HS512, RS256 ... PS512, ES256, ES384, ES512, EdDSA or Ed25519")
	flags.IntVar(&f.bits, "bits", 0,
		"key size in bits: RSA 2048, 3072 or 4096; "+
			"HMAC a multiple of 8 from the hash size up to 4096 (default: the usual size)")
	flags.StringVar(&f.out, "out", "",
		"write the private key to `PREFIX` and the public key to PREFIX.pub instead of standard output")
	flags.StringVar(&f.format, "format", "pem", "key file format: pem or jwk")
	flags.BoolVar(&f.force, "force", false, "replace existing key files")
	return cmd
}

// keyFiles is the output of keygen: the private key (or secret) and the
// public key, which is nil for an HMAC secret.
type keyFiles struct {
	private, public []byte
}

func runKeygen(std stdio, flags *pflag.FlagSet, f keygenFlags) error {
	if err := f.validate(flags); err != nil {
		return err
	}
	key, err := jwtcore.GenerateKey(f.alg, f.bits)
	if err != nil {
		return usageErrorf([]string{helpHint("jwtlab keygen")}, "%s", lowerFirst(err.Error()))
	}
	files, err := encodeKeyFiles(key, f.format)
	if err != nil {
		return inputErrorf(nil, "%v", err)
	}
	if f.out == "" {
		printf(std.out, "%s", withNewline(files.private))
		printf(std.out, "%s", files.public)
		return nil
	}
	return writeKeyFiles(std, f, key, files)
}

// validate checks the flags that GenerateKey does not.
func (f keygenFlags) validate(flags *pflag.FlagSet) error {
	if !flags.Changed("alg") {
		return usageErrorf([]string{"supported values: " + strings.Join(verifiableAlgorithms(), ", ")},
			"missing --alg: keygen makes a key for one algorithm, such as --alg ES256")
	}
	if alg, ok := jwtcore.LookupAlgorithm(f.alg); !ok || alg.Unsafe {
		return usageErrorf([]string{"supported values: " + strings.Join(verifiableAlgorithms(), ", ")},
			"unsupported --alg %q", f.alg)
	}
	if f.format != "pem" && f.format != "jwk" {
		return usageErrorf([]string{"use --format pem or --format jwk"},
			"invalid --format %q", f.format)
	}
	if flags.Changed("out") && strings.TrimSpace(f.out) == "" {
		return usageErrorf([]string{"give a file name prefix, such as --out mykey"}, "empty --out")
	}
	return nil
}

func encodeKeyFiles(key jwtcore.Key, format string) (keyFiles, error) {
	if key.Type == jwtcore.KeyHMAC {
		if format == "jwk" {
			private, err := jwtcore.PrivateJWK(key)
			return keyFiles{private: private}, err
		}
		// The file has no trailing newline, so --secret-file reads exactly
		// the text that --secret-base64 "$(cat FILE)" decodes.
		text := base64.RawURLEncoding.EncodeToString(key.Secret)
		return keyFiles{private: []byte(text)}, nil
	}
	if format == "jwk" {
		return encodePair(key, jwtcore.PrivateJWK, jwtcore.PublicJWK)
	}
	return encodePair(key, jwtcore.PrivatePEM, jwtcore.PublicPEM)
}

func encodePair(key jwtcore.Key, private, public func(jwtcore.Key) ([]byte, error)) (keyFiles, error) {
	var files keyFiles
	var err error
	if files.private, err = private(key); err != nil {
		return keyFiles{}, err
	}
	if files.public, err = public(key); err != nil {
		return keyFiles{}, err
	}
	return files, nil
}

// writeKeyFiles writes PREFIX and PREFIX.pub and reports them on stderr.
// SIGINT and SIGTERM are caught while the files are written, so an
// interrupted keygen removes its temporary files and leaves both paths as
// they were.
func writeKeyFiles(std stdio, f keygenFlags, key jwtcore.Key, files keyFiles) error {
	ctx, stop := interruptContext()
	defer stop()
	return writeKeyFilesContext(ctx, std, f, key, files)
}

// writeKeyFilesContext is writeKeyFiles with the context that stops the
// write.
func writeKeyFilesContext(ctx context.Context, std stdio, f keygenFlags, key jwtcore.Key, files keyFiles) error {
	targets := []fileio.File{{Path: f.out, Data: files.private, Mode: 0o600}}
	if files.public != nil {
		targets = append(targets, fileio.File{Path: f.out + ".pub", Data: files.public, Mode: 0o644})
	}
	if err := fileio.WriteFilesOnce(ctx, targets, f.force); err != nil {
		return keyWriteError(err)
	}
	if key.Type == jwtcore.KeyHMAC {
		printSecretNote(std, f, key)
		return nil
	}
	printf(std.err, "wrote private key to %s (mode 0600)\n", safe(f.out))
	printf(std.err, "wrote public key to %s.pub\n", safe(f.out))
	printf(std.err, "thumbprint (RFC 7638, SHA-256): %s\n", key.ID)
	return nil
}

// interruptContext returns a context canceled by SIGINT or SIGTERM. Until
// stop is called the signals no longer end the process.
func interruptContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// keyWriteError words an error from fileio.WriteFilesOnce.
func keyWriteError(err error) error {
	var pathErr *fs.PathError
	switch {
	case errors.Is(err, fileio.ErrInterrupted):
		return &cliError{msg: "keygen interrupted: no key file was written or changed", status: exitInterrupted}
	case errors.Is(err, fs.ErrExist) && errors.As(err, &pathErr):
		return inputErrorf([]string{"pass --force to replace it, or choose another --out prefix"},
			"%s already exists", pathErr.Path)
	case errors.Is(err, fileio.ErrNotRegular):
		return inputErrorf([]string{"choose another --out prefix; --force replaces files, never directories"},
			"cannot write the key: %v", err)
	}
	return inputErrorf([]string{"check that the directory exists and is writable"},
		"cannot write the key: %v", err)
}

// printSecretNote reports an HMAC secret file on stderr and how sign and
// verify read it.
func printSecretNote(std stdio, f keygenFlags, key jwtcore.Key) {
	f.out = safe(f.out)
	printf(std.err, "wrote %d-bit HMAC secret to %s (mode 0600)\n", len(key.Secret)*8, f.out)
	if f.format == "jwk" {
		printf(std.err, "use it with: --key %s\n", f.out)
		return
	}
	printf(std.err, "use it with: --secret-file %s (the base64url text itself is the secret), or\n", f.out)
	printf(std.err, "             --secret-base64 \"$(cat %s)\" (the %d decoded bytes are the secret)\n",
		f.out, len(key.Secret))
	printf(std.err, "sign and verify must use the same one\n")
}

// withNewline returns data ending in one line feed.
func withNewline(data []byte) []byte {
	if len(data) > 0 && data[len(data)-1] != '\n' {
		return append(data, '\n')
	}
	return data
}
