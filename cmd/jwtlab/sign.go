package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// signFlags are the options of jwtlab sign.
type signFlags struct {
	keys     keyFlags
	alg      string
	claims   []string
	headers  []string
	payload  string
	exp, nbf string
	iat, jti bool
	iss, sub string
	aud      []string
}

// maxPayloadBytes bounds a payload read from a file or stdin.
const maxPayloadBytes = maxKeyFileBytes

func newSignCmd(std stdio) *cobra.Command {
	var f signFlags
	cmd := &cobra.Command{
		Use:   "sign --alg ALG (--secret S | --secret-base64 S | --secret-file FILE | --key FILE) [claims]",
		Short: "Build and sign a token from claims you give",
		Long: "Sign a JWT and print it, with a newline, on standard output.\n\n" +
			"The payload starts from --payload (a JSON object), then --iss, --sub,\n" +
			"--aud, --iat, --nbf, --exp and --jti are set, then each --claim in order.\n" +
			"A later value replaces an earlier one in place. A --claim value that is\n" +
			"valid JSON keeps its type (42, true, [\"a\",\"b\"], {\"k\":1}, \"quoted\").\n" +
			"Other text is a string, but text that starts with [, { or \" must be\n" +
			"valid JSON. The value is everything after the first '=', so values may\n" +
			"contain '='.\n\n" +
			"The header is {\"alg\":ALG,\"typ\":\"JWT\"}, plus \"kid\" when the key file\n" +
			"is a JWK with a kid, then each --header. When a JWKS has several keys\n" +
			"for the algorithm, --header kid=ID picks one. The key type must match\n" +
			"the algorithm: an HMAC secret for HS*, an RSA key for RS* and PS*, an EC\n" +
			"key on the matching curve for ES*, an Ed25519 key for EdDSA and Ed25519.\n\n" +
			"--alg none takes no key and writes a token with an empty signature,\n" +
			"which any verifier must reject. jwtlab prints a warning for it.\n\n" +
			"Exit status: 0 when the token was printed, 2 for a usage error or\n" +
			"unreadable input or keys.",
		Example: "  jwtlab sign --alg HS256 --secret-file secret.txt --sub alice --exp 15m --iat\n" +
			"  jwtlab sign --alg RS256 --key private.pem --claim roles='[\"admin\"]' --claim note=a=b\n" +
			"  jwtlab sign --alg ES256 --key ec.jwk --payload @claims.json --aud api --aud web --jti",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSign(std, cmd.Flags(), &f)
		},
	}
	f.register(cmd.Flags())
	return cmd
}

func (f *signFlags) register(flags *pflag.FlagSet) {
	flags.StringVar(&f.alg, "alg", "",
		"signing algorithm `ALG`: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, "+
			"ES256, ES384, ES512, EdDSA, Ed25519 or none")
	f.keys.register(flags)
	flags.Lookup("key").Usage =
		"read the private key from `FILE`: PEM (PKCS#8, PKCS#1, SEC1), DER, JWK or JWKS"
	flags.StringArrayVar(&f.claims, "claim", nil,
		"set a claim as `NAME=VALUE` (repeatable); VALUE is JSON when it parses as JSON, else a string")
	flags.StringArrayVar(&f.headers, "header", nil,
		"set a header parameter as `NAME=VALUE` (repeatable), such as kid=key-1 or typ=at+jwt")
	flags.StringVar(&f.payload, "payload", "",
		"start from this payload: a `JSON` object, @FILE to read it from a file, or - for standard input")
	flags.StringVar(&f.exp, "exp", "",
		"set exp to now plus this `DURATION`, such as 15m, 24h, 7d or 1d12h")
	flags.StringVar(&f.nbf, "nbf", "",
		"set nbf to now plus this `DURATION` (0 for now, -5m for five minutes ago)")
	flags.BoolVar(&f.iat, "iat", false, "set iat to now")
	flags.BoolVar(&f.jti, "jti", false, "set jti to a random 128-bit ID (22 base64url characters)")
	flags.StringVar(&f.iss, "iss", "", "set the iss claim to this `ISSUER`")
	flags.StringVar(&f.sub, "sub", "", "set the sub claim to this `SUBJECT`")
	flags.StringArrayVar(&f.aud, "aud", nil,
		"set the aud claim to this `AUDIENCE`; repeat for several, which makes aud a JSON array")
}

func runSign(std stdio, flags *pflag.FlagSet, f *signFlags) error {
	alg, err := f.algorithm(flags)
	if err != nil {
		return err
	}
	key, err := f.signingKey(flags, alg)
	if err != nil {
		return err
	}
	payload, err := f.payloadDocument(std.in, std.clock.Now())
	if err != nil {
		return err
	}
	header, err := f.headerDocument(alg, key)
	if err != nil {
		return err
	}
	signed, err := jwtcore.Sign(header.JSON(), payload.JSON(), key)
	if err != nil {
		return signError(alg, err)
	}
	printWarnings(std.err, append(key.Findings, signed.Findings...))
	printTimeClaimWarnings(std.err, signed.Token, std.clock.Now())
	printf(std.out, "%s\n", signed.Token)
	return nil
}

// printTimeClaimWarnings warns on stderr about each exp, nbf or iat in the
// signed token that is not a usable NumericDate, such as 1e999999, "NaN"
// or a time in milliseconds. It reads the claims with jwtcore.Explain, so
// sign and decode judge them alike.
func printTimeClaimWarnings(w io.Writer, token string, now time.Time) {
	decoded, err := jwtcore.Decode(token)
	if err != nil {
		return
	}
	for _, claim := range jwtcore.Explain(decoded, now).Claims {
		if claim.Time != nil && claim.Time.Problem != "" {
			printf(w, "jwtlab: warning: claim %s: %s\n", safe(claim.Name), safe(claim.Time.Problem))
		}
	}
}

// algorithm checks --alg against the catalogue.
func (f *signFlags) algorithm(flags *pflag.FlagSet) (jwtcore.Algorithm, error) {
	names := "supported values: " + strings.Join(algorithmNames(), ", ")
	if !flags.Changed("alg") {
		return jwtcore.Algorithm{}, usageErrorf([]string{names},
			"missing --alg: sign needs the signing algorithm, such as --alg HS256")
	}
	alg, ok := jwtcore.LookupAlgorithm(f.alg)
	if !ok {
		return jwtcore.Algorithm{}, usageErrorf([]string{names,
			"alg values are case-sensitive"}, "unsupported --alg %q", f.alg)
	}
	return alg, nil
}

func algorithmNames() []string {
	var names []string
	for _, alg := range jwtcore.Algorithms() {
		names = append(names, alg.Name)
	}
	return names
}

// printWarnings writes findings about the key and the token on stderr,
// so stdout holds only the token.
func printWarnings(w io.Writer, findings []jwtcore.Finding) {
	for _, finding := range findings {
		printf(w, "jwtlab: warning: %s\n", safe(finding.Message))
	}
}

// signError words an error from jwtcore.Sign. A key of the wrong type is
// a usage error, so it exits with status 2 like every other bad option.
func signError(alg jwtcore.Algorithm, err error) error {
	switch {
	case errors.Is(err, jwtcore.ErrKeyMismatch):
		return usageErrorf([]string{keyHintFor(alg)}, "%v", err)
	case errors.Is(err, jwtcore.ErrNoPrivateKey):
		return usageErrorf([]string{keyHintFor(alg)}, "%v", err)
	case errors.Is(err, jwtcore.ErrInvalidHeader):
		return usageErrorf([]string{"check the --header values"}, "%v", err)
	}
	return inputErrorf(nil, "%v", err)
}

// keyHintFor returns how to give or make a key that fits alg.
func keyHintFor(alg jwtcore.Algorithm) string {
	if alg.KeyType == jwtcore.KeyHMAC {
		return fmt.Sprintf("%s takes an HMAC secret: --secret, --secret-base64 or --secret-file", alg.Name)
	}
	return fmt.Sprintf("make an %s key with 'jwtlab keygen --alg %s --out key' and sign with --key key",
		alg.KeyType, alg.Name)
}
