package jwtcore_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"strconv"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// benchAlgorithms are the algorithms whose rebuild cost is measured, each
// with the size of the key generated for it (0 for the default).
var benchAlgorithms = []struct {
	name string
	alg  string
	bits int
}{
	{name: "HS256", alg: "HS256"},
	{name: "RS256", alg: "RS256"},
	{name: "PS512", alg: "PS512"},
	{name: "ES256", alg: "ES256"},
	{name: "EdDSA", alg: "EdDSA"},
	{name: "RS256-4096", alg: "RS256", bits: 4096},
}

// benchClaims builds the claims both benchmarks sign: a typical access
// token with seven members.
func benchClaims(name string) jwt.MapClaims {
	return jwt.MapClaims{
		"iss":   "https://issuer.example",
		"sub":   "1234567890",
		"name":  name,
		"aud":   []string{"api", "web"},
		"iat":   1767323045,
		"exp":   1767324045,
		"roles": []string{"admin", "editor"},
	}
}

func benchDocument(b *testing.B) *jwtcore.Document {
	b.Helper()
	doc, err := jwtcore.ParseDocument([]byte(`{"iss":"https://issuer.example",` +
		`"sub":"1234567890","name":"John Doe","aud":["api","web"],` +
		`"iat":1767323045,"exp":1767324045,"roles":["admin","editor"]}`))
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkRebuild measures one keystroke in the claims editor: the
// edited text is typed as JSON, set in the document, and the header and
// claims are serialized and signed.
func BenchmarkRebuild(b *testing.B) {
	for _, bench := range benchAlgorithms {
		b.Run(bench.name, func(b *testing.B) {
			key, err := jwtcore.GenerateKey(bench.alg, bench.bits)
			if err != nil {
				b.Fatal(err)
			}
			header := &jwtcore.Document{}
			header.SetString("alg", bench.alg)
			header.SetString("typ", "JWT")
			claims := benchDocument(b)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				value, err := jwtcore.ParseClaimValue("John Doe " + strconv.Itoa(i))
				if err != nil {
					b.Fatal(err)
				}
				if err := claims.Set("name", value); err != nil {
					b.Fatal(err)
				}
				if _, err := jwtcore.Sign(header.JSON(), claims.JSON(), key); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSignedString is the baseline of BenchmarkRebuild: golang-jwt
// marshals the same claims and signs them with the same kind of key.
func BenchmarkSignedString(b *testing.B) {
	for _, bench := range benchAlgorithms {
		b.Run(bench.name, func(b *testing.B) {
			key, err := jwtcore.GenerateKey(bench.alg, bench.bits)
			if err != nil {
				b.Fatal(err)
			}
			alg, _ := jwtcore.LookupAlgorithm(bench.alg)
			method := alg.SigningMethod()
			var signingKey any = key.Private
			if key.Type == jwtcore.KeyHMAC {
				signingKey = key.Secret
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				claims := benchClaims("John Doe " + strconv.Itoa(i))
				if _, err := jwt.NewWithClaims(method, claims).SignedString(signingKey); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// keygenTypes are the key types whose generation is measured, with the
// alg GenerateKey takes and the standard library call it wraps.
var keygenTypes = []struct {
	name   string
	alg    string
	bits   int
	stdlib func() error
}{
	{name: "HMAC-256", alg: "HS256", stdlib: func() error {
		_, err := rand.Read(make([]byte, 32))
		return err
	}},
	{name: "RSA-2048", alg: "RS256", bits: 2048, stdlib: rsaKey(2048)},
	{name: "RSA-3072", alg: "RS256", bits: 3072, stdlib: rsaKey(3072)},
	{name: "RSA-4096", alg: "RS256", bits: 4096, stdlib: rsaKey(4096)},
	{name: "EC-P256", alg: "ES256", stdlib: ecKey(elliptic.P256())},
	{name: "EC-P384", alg: "ES384", stdlib: ecKey(elliptic.P384())},
	{name: "EC-P521", alg: "ES512", stdlib: ecKey(elliptic.P521())},
	{name: "Ed25519", alg: "EdDSA", stdlib: func() error {
		_, _, err := ed25519.GenerateKey(rand.Reader)
		return err
	}},
}

func rsaKey(bits int) func() error {
	return func() error {
		_, err := rsa.GenerateKey(rand.Reader, bits)
		return err
	}
}

func ecKey(curve elliptic.Curve) func() error {
	return func() error {
		_, err := ecdsa.GenerateKey(curve, rand.Reader)
		return err
	}
}

// BenchmarkGenerateKey measures GenerateKey, which also computes the
// RFC 7638 thumbprint of asymmetric keys. RSA times vary from run to run
// because prime search is random, so run RSA with -benchtime=10x or more.
func BenchmarkGenerateKey(b *testing.B) {
	for _, kt := range keygenTypes {
		b.Run(kt.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := jwtcore.GenerateKey(kt.alg, kt.bits); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGenerateKeyStdlib is the baseline of BenchmarkGenerateKey: the
// crypto/rsa, crypto/ecdsa, crypto/ed25519 or crypto/rand call alone.
func BenchmarkGenerateKeyStdlib(b *testing.B) {
	for _, kt := range keygenTypes {
		b.Run(kt.name, func(b *testing.B) {
			for b.Loop() {
				if err := kt.stdlib(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
