package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
	"github.com/spf13/pflag"
)

// signingKey loads the one key source given and picks the key that can
// sign with alg. alg none takes no key at all.
func (f *signFlags) signingKey(flags *pflag.FlagSet, alg jwtcore.Algorithm) (jwtcore.Key, error) {
	keySources := changedFlags(flags, keySourceFlags)
	if alg.KeyType == jwtcore.KeyNone {
		if len(keySources) > 0 {
			return jwtcore.Key{}, usageErrorf([]string{"leave out the key, or pick a signing alg such as HS256"},
				"--alg none signs nothing, so %s has no use", strings.Join(keySources, " and "))
		}
		return jwtcore.Key{}, nil
	}
	if len(keySources) == 0 {
		return jwtcore.Key{}, usageErrorf([]string{keyHintFor(alg)},
			"missing key: sign needs --secret, --secret-base64, --secret-file or --key")
	}
	keys, err := f.keys.load(flags)
	if err != nil {
		return jwtcore.Key{}, err
	}
	return pickSigningKey(keys, alg, f.headerValue("kid"))
}

// pickSigningKey returns the key that can sign with alg. When a JWKS has
// several such keys, kid chooses one.
func pickSigningKey(keys []jwtcore.Key, alg jwtcore.Algorithm, kid string) (jwtcore.Key, error) {
	var fit []jwtcore.Key
	var firstErr error
	for _, key := range keys {
		err := jwtcore.CheckSigningKey(alg, key)
		if err == nil {
			fit = append(fit, key)
		} else if firstErr == nil {
			firstErr = err
		}
	}
	if len(fit) == 0 {
		return jwtcore.Key{}, signError(alg, firstErr)
	}
	if len(fit) == 1 {
		return fit[0], nil
	}
	if kid == "" {
		return jwtcore.Key{}, usageErrorf([]string{"choose one with --header kid=ID"},
			"the key file has %d keys that can sign %s", len(fit), alg.Name)
	}
	for _, key := range fit {
		if key.ID == kid {
			return key, nil
		}
	}
	return jwtcore.Key{}, usageErrorf([]string{"check the kid given with --header kid=ID"},
		"the key file has no key with kid %q that can sign %s", kid, alg.Name)
}

func changedFlags(flags *pflag.FlagSet, names []string) []string {
	var set []string
	for _, name := range names {
		if flags.Changed(name) {
			set = append(set, "--"+name)
		}
	}
	return set
}

// headerValue returns the string value of the last --header NAME=VALUE,
// or "" when there is none or its value is not a JSON string.
func (f *signFlags) headerValue(name string) string {
	value := ""
	for _, assignment := range f.headers {
		n, raw, err := parseAssignment("--header", assignment)
		if err != nil || n != name {
			continue
		}
		value = ""
		_ = json.Unmarshal(raw, &value)
	}
	return value
}

// headerDocument builds the protected header: alg, typ, the key's kid,
// then each --header.
func (f *signFlags) headerDocument(alg jwtcore.Algorithm, key jwtcore.Key) (*jwtcore.Document, error) {
	header := &jwtcore.Document{}
	header.SetString("alg", alg.Name)
	header.SetString("typ", "JWT")
	if key.ID != "" {
		header.SetString("kid", key.ID)
	}
	for _, assignment := range f.headers {
		name, value, err := parseAssignment("--header", assignment)
		if err != nil {
			return nil, err
		}
		if name == "alg" {
			return nil, usageErrorf([]string{"set the algorithm with --alg, which also checks the key"},
				"--header cannot set alg")
		}
		if err := header.Set(name, value); err != nil {
			return nil, usageErrorf(nil, "invalid --header %s: %v", name, err)
		}
	}
	return header, nil
}

// payloadDocument builds the claims in the documented order: --payload,
// the registered-claim flags, then each --claim.
func (f *signFlags) payloadDocument(in io.Reader, now time.Time) (*jwtcore.Document, error) {
	payload, err := f.basePayload(in)
	if err != nil {
		return nil, err
	}
	if err := f.setRegisteredClaims(payload, now); err != nil {
		return nil, err
	}
	for _, assignment := range f.claims {
		name, value, err := parseAssignment("--claim", assignment)
		if err != nil {
			return nil, err
		}
		if err := payload.Set(name, value); err != nil {
			return nil, usageErrorf(nil, "invalid --claim %s: %v", name, err)
		}
	}
	return payload, nil
}

// basePayload reads --payload: inline JSON, @FILE or - for stdin.
func (f *signFlags) basePayload(in io.Reader) (*jwtcore.Document, error) {
	text, source := f.payload, "--payload"
	switch {
	case f.payload == "":
		return &jwtcore.Document{}, nil
	case f.payload == "-":
		data, err := io.ReadAll(io.LimitReader(in, maxPayloadBytes+1))
		if err != nil {
			return nil, inputErrorf(nil, "cannot read the payload from standard input: %v", err)
		}
		if len(data) > maxPayloadBytes {
			return nil, inputErrorf(nil,
				"the payload on standard input is larger than the %d MiB limit", maxPayloadBytes>>20)
		}
		text, source = string(data), "the payload on standard input"
	case strings.HasPrefix(f.payload, "@"):
		data, err := readLimitedFile(f.payload[1:], "--payload")
		if err != nil {
			return nil, err
		}
		text, source = string(data), fmt.Sprintf("payload file %q", f.payload[1:])
	}
	doc, err := jwtcore.ParseDocument([]byte(text))
	if err != nil {
		hints := []string{`the payload is a JSON object such as {"sub":"alice"}; use @FILE to read a file`}
		return nil, usageErrorf(hints,
			"invalid %s: %v", source, err)
	}
	return doc, nil
}

// setRegisteredClaims applies --iss, --sub, --aud, --iat, --nbf, --exp
// and --jti. Times are whole seconds (NumericDate, RFC 7519 2).
func (f *signFlags) setRegisteredClaims(payload *jwtcore.Document, now time.Time) error {
	if f.iss != "" {
		payload.SetString("iss", f.iss)
	}
	if f.sub != "" {
		payload.SetString("sub", f.sub)
	}
	switch len(f.aud) {
	case 0:
	case 1:
		payload.SetString("aud", f.aud[0])
	default:
		payload.SetStrings("aud", f.aud)
	}
	if f.iat {
		payload.SetInt("iat", now.Unix())
	}
	if err := setRelativeTime(payload, "nbf", f.nbf, now); err != nil {
		return err
	}
	if err := setRelativeTime(payload, "exp", f.exp, now); err != nil {
		return err
	}
	if f.jti {
		payload.SetString("jti", jwtcore.NewJTI())
	}
	return nil
}

func setRelativeTime(payload *jwtcore.Document, name, duration string, now time.Time) error {
	if duration == "" {
		return nil
	}
	d, err := jwtcore.ParseDuration(duration)
	if err != nil {
		return usageErrorf([]string{"d is 24 hours and w is 7 days; a leading - gives a time in the past"},
			"invalid --%s: %v", name, trimSentinel(err, jwtcore.ErrInvalidDuration))
	}
	payload.SetInt(name, now.Add(d).Unix())
	return nil
}

// trimSentinel removes the sentinel text from the front of an error
// message whose context already states it.
func trimSentinel(err, sentinel error) string {
	return strings.TrimPrefix(err.Error(), sentinel.Error()+" ")
}

// parseAssignment splits NAME=VALUE at the first '=' and types VALUE with
// jwtcore.ParseClaimValue.
func parseAssignment(flag, assignment string) (string, []byte, error) {
	name, text, ok := strings.Cut(assignment, "=")
	if !ok || name == "" {
		hints := []string{flag + ` takes NAME=VALUE, such as ` + flag + ` role=admin or ` + flag + ` 'n=42'`}
		return "", nil, usageErrorf(hints,
			"invalid %s %q: missing NAME=", flag, assignment)
	}
	value, err := jwtcore.ParseClaimValue(text)
	if err != nil {
		var syntax *jwtcore.JSONSyntaxError
		hint := `quote JSON strings inside the value, as in roles='["admin"]'`
		if errors.As(err, &syntax) {
			hint = "fix the JSON, or write a plain string without a leading [, { or \""
		}
		return "", nil, usageErrorf([]string{hint}, "invalid %s %s: %v", flag, name, err)
	}
	return name, value, nil
}
