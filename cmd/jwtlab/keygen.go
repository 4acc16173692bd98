package main

import (
	"encoding/base64"
	"fmt"
	"strings"

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
			"no public key: pem writes the secret as one line of base64url text,\n" +
			"which 'jwtlab sign --secret-base64 \"$(cat PREFIX)\"' reads, and jwk\n" +
			"writes an \"oct\" JWK that 'jwtlab sign --key PREFIX' reads.\n\n" +
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
		"key size in bits: RSA 2048, 3072 or 4096; HMAC a multiple of 8 from the hash size up to 4096 (default: the usual size)")
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
		printf(std.out, "%s", files.private)
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
		text := base64.RawURLEncoding.EncodeToString(key.Secret) + "\n"
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
func writeKeyFiles(std stdio, f keygenFlags, key jwtcore.Key, files keyFiles) error {
	targets := []fileWrite{{path: f.out, data: files.private, mode: 0o600}}
	if files.public != nil {
		targets = append(targets, fileWrite{path: f.out + ".pub", data: files.public, mode: 0o644})
	}
	if err := writeFilesOnce(targets, f.force); err != nil {
		return err
	}
	written := "private key"
	if key.Type == jwtcore.KeyHMAC {
		written = fmt.Sprintf("%d-bit HMAC secret", len(key.Secret)*8)
	}
	printf(std.err, "wrote %s to %s (mode 0600)\n", written, f.out)
	if files.public == nil {
		return nil
	}
	printf(std.err, "wrote public key to %s.pub\n", f.out)
	printf(std.err, "thumbprint (RFC 7638, SHA-256): %s\n", key.ID)
	return nil
}
