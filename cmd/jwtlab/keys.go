package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jwtlab/jwtlab/internal/fileio"
	"github.com/jwtlab/jwtlab/jwtcore"
	"github.com/spf13/pflag"
)

// maxKeyFileBytes bounds what --key, --secret-file and --payload-file read,
// so a wrong path such as a disk image fails fast instead of filling memory.
const maxKeyFileBytes = 64 << 20

// keyFlags are the mutually exclusive ways to give verify a key.
type keyFlags struct {
	secret       string
	secretBase64 string
	secretFile   string
	keyFile      string
}

// keySourceFlags names the key flags in the order help lists them.
var keySourceFlags = []string{"secret", "secret-base64", "secret-file", "key"}

func (k *keyFlags) register(flags *pflag.FlagSet) {
	flags.StringVar(&k.secret, "secret", "",
		"HMAC secret as text, used byte for byte as UTF-8 (HS256, HS384, HS512)")
	flags.StringVar(&k.secretBase64, "secret-base64", "",
		"HMAC secret as base64 or base64url, padded or not, for secrets that are raw bytes")
	flags.StringVar(&k.secretFile, "secret-file", "",
		"read the HMAC secret from `FILE`, every byte including a trailing newline")
	flags.StringVar(&k.keyFile, "key", "",
		"read the public (or private) key from `FILE`: PEM, DER, a PEM body without its BEGIN/END lines, JWK or JWKS")
}

// keySourceHints lists the key options, for errors that ask for a key.
var keySourceHints = []string{
	"give one key: --secret TEXT, --secret-base64 B64, --secret-file FILE (HMAC) " +
		"or --key FILE (RSA, EC, Ed25519: PEM, DER, JWK or JWKS)",
}

// load reads the one key source that was set. It returns a usage error
// when none or several were set, and an input error when the key material
// cannot be read.
func (k *keyFlags) load(flags *pflag.FlagSet) ([]jwtcore.Key, error) {
	var set []string
	for _, name := range keySourceFlags {
		if flags.Changed(name) {
			set = append(set, "--"+name)
		}
	}
	switch {
	case len(set) == 0:
		return nil, usageErrorf(keySourceHints,
			"missing key: verify needs --secret, --secret-base64, --secret-file or --key")
	case len(set) > 1:
		return nil, usageErrorf(keySourceHints,
			"%s cannot be used together: give one key source", strings.Join(set, " and "))
	}
	switch set[0] {
	case "--secret":
		return k.loadSecret()
	case "--secret-base64":
		return k.loadSecretBase64()
	case "--secret-file":
		return k.loadSecretFile()
	default:
		return k.loadKeyFile()
	}
}

func (k *keyFlags) loadSecret() ([]jwtcore.Key, error) {
	if k.secret == "" {
		return nil, usageErrorf(keySourceHints,
			"empty --secret: an HMAC secret cannot be empty; give its text, such as --secret 'my secret'")
	}
	return []jwtcore.Key{jwtcore.SecretFromText(k.secret)}, nil
}

func (k *keyFlags) loadSecretBase64() ([]jwtcore.Key, error) {
	if strings.TrimSpace(k.secretBase64) == "" {
		return nil, usageErrorf(keySourceHints,
			"empty --secret-base64: an HMAC secret cannot be empty; give its bytes as base64")
	}
	key, err := jwtcore.SecretFromBase64(k.secretBase64)
	if err != nil {
		return nil, usageErrorf(
			[]string{"--secret-base64 takes base64 (A-Z a-z 0-9 + /) or base64url (- _), " +
				"with or without = padding; give a text secret with --secret"},
			"invalid --secret-base64 value: %v", err)
	}
	return []jwtcore.Key{key}, nil
}

func (k *keyFlags) loadSecretFile() ([]jwtcore.Key, error) {
	data, err := readLimitedFile(k.secretFile, "--secret-file")
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, inputErrorf(keySourceHints, "secret file %q is empty", k.secretFile)
	}
	return []jwtcore.Key{jwtcore.SecretFromFile(data)}, nil
}

func (k *keyFlags) loadKeyFile() ([]jwtcore.Key, error) {
	data, err := readLimitedFile(k.keyFile, "--key")
	if err != nil {
		return nil, err
	}
	keys, err := jwtcore.ParseKeys(data)
	if err != nil {
		return nil, inputErrorf([]string{
			"--key reads PEM (SPKI, PKCS#1, PKCS#8, SEC1, X.509 certificate), DER, " +
				"a PEM body without its BEGIN/END lines, a JWK or a JWKS",
			"for an HMAC secret use --secret, --secret-base64 or --secret-file instead",
		}, "cannot read key file %q: %v", k.keyFile, err)
	}
	return keys, nil
}

// readLimitedFile reads a regular file named by a flag, of at most
// maxKeyFileBytes, with errors in the house style.
func readLimitedFile(path, flag string) ([]byte, error) {
	data, err := fileio.ReadFile(path, maxKeyFileBytes)
	if err != nil {
		return nil, inputErrorf([]string{fmt.Sprintf("check the path given to %s", flag)},
			"cannot read %s: %v", flag, err)
	}
	return data, nil
}

// checkAlgorithms validates --alg values, which may be repeated or given
// as a comma-separated list.
func checkAlgorithms(values []string) ([]string, error) {
	var algs []string
	for _, v := range values {
		name := strings.TrimSpace(v)
		if name == "" {
			continue
		}
		alg, ok := jwtcore.LookupAlgorithm(name)
		if !ok || alg.Unsafe {
			return nil, usageErrorf([]string{"supported values: " + strings.Join(verifiableAlgorithms(), ", ")},
				"unsupported --alg %q", name)
		}
		algs = append(algs, name)
	}
	return algs, nil
}

// verifiableAlgorithms lists the alg values --alg accepts: every one in the
// catalogue except none.
func verifiableAlgorithms() []string {
	var names []string
	for _, alg := range jwtcore.Algorithms() {
		if !alg.Unsafe {
			names = append(names, alg.Name)
		}
	}
	return names
}

// timeValue is a pflag.Value for --at: RFC 3339 or Unix seconds.
type timeValue struct {
	at  time.Time
	set bool
}

func (v *timeValue) String() string {
	if !v.set {
		return ""
	}
	return v.at.UTC().Format(time.RFC3339)
}

func (v *timeValue) Type() string { return "TIME" }

func (v *timeValue) Set(s string) error {
	at, err := parseTime(s)
	if err != nil {
		return err
	}
	v.at, v.set = at, true
	return nil
}

// maxUnixSeconds bounds --at to about 34,800 years either side of 1970,
// far beyond any real NumericDate, so time.Unix never overflows.
const maxUnixSeconds = 1 << 40

// parseTime reads RFC 3339 (2020-02-15T00:00:00Z) or Unix seconds, whole
// or with a decimal fraction (1581724800, 1581724800.5). Exponents such as
// 1e3, hexadecimal, NaN and infinities are rejected.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if at, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return at, nil
	}
	if !isDecimal(s) {
		return time.Time{}, errors.New(
			"want RFC 3339 such as 2020-02-15T00:00:00Z or Unix seconds such as 1581724800 or 1581724800.5")
	}
	whole, fraction, _ := strings.Cut(s, ".")
	seconds, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || seconds <= -maxUnixSeconds || seconds >= maxUnixSeconds {
		return time.Time{}, fmt.Errorf(
			"%s seconds is out of range for a Unix time: give seconds since 1970 such as 1581724800", s)
	}
	nanos, _ := strconv.ParseInt((fraction + "000000000")[:9], 10, 64)
	if strings.HasPrefix(whole, "-") {
		nanos = -nanos
	}
	return time.Unix(seconds, nanos).UTC(), nil
}

// isDecimal reports whether s is an integer or decimal number: an
// optional minus sign, digits, and optionally a dot and more digits. It
// rejects exponents, a plus sign, hexadecimal, NaN and infinities, which
// strconv.ParseFloat accepts.
func isDecimal(s string) bool {
	whole, fraction, hasDot := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	return isDigits(whole) && (!hasDot || isDigits(fraction))
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// durationValue is a pflag.Value for --leeway, read with
// jwtcore.ParseDuration so that it takes the units of sign --exp (d, w).
type durationValue struct{ d time.Duration }

// String returns "" for zero, so help shows no default.
func (v *durationValue) String() string {
	if v.d == 0 {
		return ""
	}
	return v.d.String()
}

func (v *durationValue) Type() string { return "DURATION" }

func (v *durationValue) Set(s string) error {
	d, err := jwtcore.ParseDuration(s)
	if err != nil {
		return errors.New(trimSentinel(err, jwtcore.ErrInvalidDuration))
	}
	v.d = d
	return nil
}
