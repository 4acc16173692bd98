package jwtcore

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

func TestParseKeysOpenSSHPublicKeys(t *testing.T) {
	edPublic, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		public   crypto.PublicKey
		keyType  KeyType
		contains string
	}{
		"Ed25519": {public: edPublic, keyType: KeyEd25519, contains: "Ed25519"},
		"ECDSA":   {public: &ecKey.PublicKey, keyType: KeyEC, contains: "P-256"},
		"RSA":     {public: &rsaKey.PublicKey, keyType: KeyRSA, contains: "2048"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			sshKey, err := ssh.NewPublicKey(tt.public)
			if err != nil {
				t.Fatal(err)
			}
			// MarshalAuthorizedKey ends the line with "\n"; add a comment.
			line := ssh.MarshalAuthorizedKey(sshKey)
			line = append(line[:len(line)-1], " user@example.invalid\n"...)
			keys, err := ParseKeys(line)
			if err != nil {
				t.Fatalf("ParseKeys: %v", err)
			}
			if len(keys) != 1 {
				t.Fatalf("got %d keys, want 1", len(keys))
			}
			if keys[0].Type != tt.keyType {
				t.Errorf("Type = %v, want %v", keys[0].Type, tt.keyType)
			}
			equal, ok := keys[0].Public.(interface{ Equal(crypto.PublicKey) bool })
			if !ok || !equal.Equal(tt.public) {
				t.Error("the parsed public key differs from the original")
			}
			if !strings.Contains(keys[0].Format, "OpenSSH public key") ||
				!strings.Contains(keys[0].Format, tt.contains) {
				t.Errorf("Format = %q, want the container and %q", keys[0].Format, tt.contains)
			}
			if strings.Contains(keys[0].Format, "user@example.invalid") {
				t.Errorf("Format %q repeats the key comment", keys[0].Format)
			}
		})
	}
}

func TestParseKeysOpenSSHSeveralLines(t *testing.T) {
	first, _, _ := ed25519.GenerateKey(rand.Reader)
	second, _, _ := ed25519.GenerateKey(rand.Reader)
	var text []byte
	for _, public := range []ed25519.PublicKey{first, second} {
		sshKey, err := ssh.NewPublicKey(public)
		if err != nil {
			t.Fatal(err)
		}
		text = append(text, ssh.MarshalAuthorizedKey(sshKey)...)
		text = append(text, "# a comment line\n\n"...)
	}
	keys, err := ParseKeys(text)
	if err != nil {
		t.Fatalf("ParseKeys: %v", err)
	}
	if len(keys) != 2 {
		t.Fatalf("got %d keys, want 2", len(keys))
	}
}
