package jwtcore

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestSecretFromBase64(t *testing.T) {
	tests := map[string]struct {
		input string
		want  []byte
	}{
		"url unpadded":        {"c29tZXNlY3JldAo", []byte("somesecret\n")},
		"standard padded":     {"c29tZXNlY3JldAo=", []byte("somesecret\n")},
		"url alphabet":        {"-_-_", []byte{0xfb, 0xff, 0xbf}},
		"standard alphabet":   {"+/+/", []byte{0xfb, 0xff, 0xbf}},
		"surrounding space":   {"  c2VjcmV0\n", []byte("secret")},
		"two padding":         {"YQ==", []byte("a")},
		"two padding removed": {"YQ", []byte("a")},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			key, err := SecretFromBase64(test.input)
			if err != nil {
				t.Fatalf("SecretFromBase64(%q): %v", test.input, err)
			}
			if !bytes.Equal(key.Secret, test.want) {
				t.Errorf("Secret = %q, want %q", key.Secret, test.want)
			}
			if key.Type != KeyHMAC {
				t.Errorf("Type = %v, want HMAC", key.Type)
			}
		})
	}
}

func TestSecretFromBase64Errors(t *testing.T) {
	tests := map[string]struct {
		input    string
		mentions string
	}{
		"empty":          {"   ", "empty"},
		"bad character":  {"abc*def", `'*' at position 3`},
		"inner space":    {"abc def", `' ' at position 3`},
		"mixed alphabet": {"ab+c-d", "mixes"},
		"bad length":     {"abcde", "5 base64 characters"},
		"three padding":  {"ab===", "3 '='"},
		"inner padding":  {"ab=c", `'=' at position 2`},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := SecretFromBase64(test.input)
			if err == nil {
				t.Fatalf("SecretFromBase64(%q) returned no error", test.input)
			}
			if !errors.Is(err, ErrSecretEncoding) {
				t.Errorf("error does not wrap ErrSecretEncoding: %v", err)
			}
			if !strings.Contains(err.Error(), test.mentions) {
				t.Errorf("error does not mention %q: %v", test.mentions, err)
			}
		})
	}
}

func TestSecretFromFileTrailingNewline(t *testing.T) {
	tests := map[string]struct {
		data    string
		finding bool
		newline string
	}{
		"no newline": {"somesecret", false, ""},
		"LF":         {"somesecret\n", true, "(LF)"},
		"CRLF":       {"somesecret\r\n", true, "(CRLF)"},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			key := SecretFromFile([]byte(test.data))
			if string(key.Secret) != test.data {
				t.Errorf("Secret = %q, want the file bytes unchanged", key.Secret)
			}
			found := findingByCode(key.Findings, "secret_trailing_newline")
			if (found != nil) != test.finding {
				t.Fatalf("secret_trailing_newline present = %v, want %v",
					found != nil, test.finding)
			}
			if found == nil {
				return
			}
			if !strings.Contains(found.Message, test.newline) {
				t.Errorf("message does not name %s: %s", test.newline, found.Message)
			}
			if !strings.Contains(found.Message, "printf or echo -n") {
				t.Errorf("message gives no fix: %s", found.Message)
			}
		})
	}
}

func TestSecretFromTextPEMNote(t *testing.T) {
	key := SecretFromText("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n")
	if findingByCode(key.Findings, "secret_looks_like_pem") == nil {
		t.Errorf("Findings = %+v, want secret_looks_like_pem", key.Findings)
	}
	if plain := SecretFromText("secret"); len(plain.Findings) != 0 {
		t.Errorf("plain secret has findings %+v", plain.Findings)
	}
}

func TestSecretStrengthFindings(t *testing.T) {
	hs256, _ := LookupAlgorithm("HS256")
	hs512, _ := LookupAlgorithm("HS512")
	long := strings.Repeat("k", 64)
	tests := map[string]struct {
		secret string
		alg    Algorithm
		codes  []string
	}{
		"short and well known": {"secret", hs256, []string{"weak_secret", "weak_or_public_secret"}},
		"jwt.io secret":        {"a-string-secret-at-least-256-bits-long", hs256, []string{"weak_or_public_secret"}},
		"long enough":          {long[:32], hs256, nil},
		"short for HS512":      {long[:32], hs512, []string{"weak_secret"}},
		"long for HS512":       {long, hs512, nil},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			findings := secretStrengthFindings([]byte(test.secret), test.alg)
			if len(findings) != len(test.codes) {
				t.Fatalf("findings = %+v, want codes %v", findings, test.codes)
			}
			for i, code := range test.codes {
				if findings[i].Code != code {
					t.Errorf("finding %d = %s, want %s", i, findings[i].Code, code)
				}
			}
		})
	}
}

func findingByCode(findings []Finding, code string) *Finding {
	for i := range findings {
		if findings[i].Code == code {
			return &findings[i]
		}
	}
	return nil
}

func FuzzSecretFromBase64(f *testing.F) {
	for _, seed := range []string{"c29tZXNlY3JldAo", "YQ==", "-_+/", "abc*", "", "===="} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		key, err := SecretFromBase64(input)
		if err != nil {
			if !errors.Is(err, ErrSecretEncoding) {
				t.Errorf("error does not wrap ErrSecretEncoding: %v", err)
			}
			return
		}
		if key.Type != KeyHMAC {
			t.Errorf("Type = %v, want HMAC", key.Type)
		}
	})
}
