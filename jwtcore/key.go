package jwtcore

import (
	"crypto"
	"errors"
)

// KeyType is the family of a key, which pins the algorithms it may verify.
type KeyType int

// Key types.
const (
	KeyHMAC KeyType = iota
	KeyRSA
	KeyEC
	KeyEd25519
)

// ErrKeyFormat is returned (wrapped) when key material cannot be read in
// any supported format.
var ErrKeyFormat = errors.New("unrecognised key format")

// Key is one key a caller supplies for verifying or signing.
type Key struct {
	Type KeyType
	// Secret is the HMAC secret, byte for byte (KeyHMAC only).
	Secret []byte
	// Public is *rsa.PublicKey, *ecdsa.PublicKey or ed25519.PublicKey.
	Public crypto.PublicKey
	// Private is set when the key material included the private key.
	Private crypto.Signer
	// ID is the JWK kid, when the key came from a JWK.
	ID string
	// Alg is the JWK alg, when the key came from a JWK.
	Alg string
	// Use is the JWK use ("sig" or "enc"), when the key came from a JWK.
	Use string
	// Operations is the JWK key_ops, nil when the JWK has none.
	Operations []string
	// Format describes where the key came from, such as
	// "PEM PKCS#8 private key" or "secret text (6 bytes)".
	Format string
	// Findings about the key material itself, such as a trailing newline
	// in a secret file.
	Findings []Finding
}
