package jwtcore

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"slices"
)

// RSAKeySizes returns the RSA modulus sizes, in bits, that GenerateKey
// makes. The first, 2048, is the minimum RFC 7518 3.3 allows and the
// default.
func RSAKeySizes() []int { return []int{2048, 3072, 4096} }

// maxSecretBits caps a generated HMAC secret. HMAC hashes a secret longer
// than the hash block (512 or 1024 bits) first, so more than this adds
// nothing.
const maxSecretBits = 4096

// GenerateKey makes a new random key for alg, with crypto/rand.
//
// bits is the key size; 0 picks the default. For HS256, HS384 and HS512
// the default is the hash size (256, 384 or 512 bits), which is also the
// minimum RFC 7518 3.2 allows, and any multiple of 8 up to 4096 is
// accepted. RSA algorithms take 2048 (default), 3072 or 4096. ECDSA and
// EdDSA keys have the curve's size, so bits must be 0 or that size
// (256, 384 or 521 for ES256, ES384 and ES512; 256 for EdDSA).
//
// The key's Alg is set to alg. An asymmetric key gets its RFC 7638
// thumbprint as ID, so exported JWKs carry a stable kid.
//
// RSA generation takes from tens of milliseconds (2048 bits) to seconds
// (4096 bits), so interactive callers run it off the UI loop.
func GenerateKey(alg string, bits int) (Key, error) {
	a, ok := LookupAlgorithm(alg)
	if !ok {
		return Key{}, fmt.Errorf("%w %q: use one of %s",
			ErrUnknownAlgorithm, alg, algorithmNames())
	}
	key, err := generateForAlgorithm(a, bits)
	if err != nil {
		return Key{}, err
	}
	key.Alg = a.Name
	if key.Type != KeyHMAC {
		if key.ID, err = Thumbprint(key); err != nil {
			return Key{}, err
		}
	}
	return key, nil
}

func generateForAlgorithm(a Algorithm, bits int) (Key, error) {
	switch a.KeyType {
	case KeyHMAC:
		return generateSecret(a, bits)
	case KeyRSA:
		return generateRSA(a, bits)
	case KeyEC:
		return generateEC(a, bits)
	case KeyEd25519:
		return generateEd25519(a, bits)
	default:
		return Key{}, fmt.Errorf("alg %s takes no key, so there is "+
			"nothing to generate; pick a signing alg such as HS256", a.Name)
	}
}

func generateSecret(a Algorithm, bits int) (Key, error) {
	if bits == 0 {
		bits = a.MinKeyBits
	}
	switch {
	case bits%8 != 0:
		return Key{}, fmt.Errorf("invalid secret size %d bits: "+
			"use a multiple of 8, such as %d", bits, a.MinKeyBits)
	case bits < a.MinKeyBits:
		return Key{}, fmt.Errorf("invalid secret size %d bits: %s needs "+
			"at least %d bits (%s)", bits, a.Name, a.MinKeyBits, a.Spec)
	case bits > maxSecretBits:
		return Key{}, fmt.Errorf("invalid secret size %d bits: the "+
			"maximum is %d", bits, maxSecretBits)
	}
	secret := make([]byte, bits/8)
	// crypto/rand.Read never returns an error (Go 1.24 and later).
	_, _ = rand.Read(secret)
	return Key{
		Type:   KeyHMAC,
		Secret: secret,
		Format: fmt.Sprintf("generated HMAC secret (%d bits)", bits),
	}, nil
}

func generateRSA(a Algorithm, bits int) (Key, error) {
	if bits == 0 {
		bits = RSAKeySizes()[0]
	}
	if !slices.Contains(RSAKeySizes(), bits) {
		return Key{}, fmt.Errorf("invalid RSA key size %d bits: "+
			"use 2048, 3072 or 4096", bits)
	}
	private, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		return Key{}, fmt.Errorf("generating an RSA %d key failed: %w",
			bits, err)
	}
	return Key{
		Type:    KeyRSA,
		Public:  &private.PublicKey,
		Private: private,
		Format:  fmt.Sprintf("generated RSA key (%d bits)", bits),
	}, nil
}

func generateEC(a Algorithm, bits int) (Key, error) {
	curve, size := ellipticCurve(a.Curve)
	if curve == nil {
		return Key{}, fmt.Errorf("%s names no supported curve", a.Name)
	}
	if bits != 0 && bits != size {
		return Key{}, fmt.Errorf("invalid key size %d bits: %s uses %s, "+
			"whose keys are %d bits; leave the size out", bits, a.Name,
			a.Curve, size)
	}
	private, err := ecdsa.GenerateKey(curve, rand.Reader)
	if err != nil {
		return Key{}, fmt.Errorf("generating an EC %s key failed: %w",
			a.Curve, err)
	}
	return Key{
		Type:    KeyEC,
		Public:  &private.PublicKey,
		Private: private,
		Format:  "generated EC key (" + a.Curve + ")",
	}, nil
}

// ellipticCurve returns the curve for a JOSE curve name and its size in
// bits.
func ellipticCurve(name string) (elliptic.Curve, int) {
	switch name {
	case "P-256":
		return elliptic.P256(), 256
	case "P-384":
		return elliptic.P384(), 384
	case "P-521":
		return elliptic.P521(), 521
	}
	return nil, 0
}

func generateEd25519(a Algorithm, bits int) (Key, error) {
	if bits != 0 && bits != 256 {
		return Key{}, fmt.Errorf("invalid key size %d bits: %s keys are "+
			"always 256 bits; leave the size out", bits, a.Name)
	}
	public, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return Key{}, fmt.Errorf("generating an Ed25519 key failed: %w", err)
	}
	return Key{
		Type:    KeyEd25519,
		Public:  public,
		Private: private,
		Format:  "generated Ed25519 key",
	}, nil
}

// NewJTI returns a random JWT ID: 128 bits from crypto/rand as 22
// characters of unpadded base64url.
func NewJTI() string {
	var id [16]byte
	_, _ = rand.Read(id[:])
	return base64.RawURLEncoding.EncodeToString(id[:])
}

// NewUUID returns a random version 4 UUID (RFC 9562 5.4) in the usual
// 8-4-4-4-12 hex form, for a jti where a UUID is expected.
func NewUUID() string {
	var id [16]byte
	_, _ = rand.Read(id[:])
	id[6] = id[6]&0x0f | 0x40 // version 4
	id[8] = id[8]&0x3f | 0x80 // variant 10
	h := hex.EncodeToString(id[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
