package jwtcore

import (
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// benchmarkPayload has the usual claims, with an exp far ahead of
// benchmarkTime so both verifiers accept it.
const benchmarkPayload = `{"sub":"1234567890","name":"John Doe","iat":1516239022,"exp":4102444800}`

var benchmarkTime = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

// benchmarkCase is one token with its key, parsed once outside the loop.
type benchmarkCase struct {
	alg    string
	token  string
	key    Key
	public any
}

func benchmarkCases(b *testing.B) []benchmarkCase {
	b.Helper()
	keys := generatedKeys
	secret := []byte("benchmark-secret-0123456789-0123")
	cases := []struct {
		method  jwt.SigningMethod
		signing any
		public  any
	}{
		{jwt.SigningMethodHS256, secret, secret},
		{jwt.SigningMethodRS256, keys.rsa, &keys.rsa.PublicKey},
		{jwt.SigningMethodES256, keys.ec, &keys.ec.PublicKey},
		{jwt.SigningMethodEdDSA, keys.ed25519, keys.ed25519.Public()},
	}
	var result []benchmarkCase
	for _, c := range cases {
		token := signBenchmarkToken(b, c.method, c.signing)
		result = append(result, benchmarkCase{c.method.Alg(), token,
			benchmarkKey(b, c.public), c.public})
	}
	return result
}

func signBenchmarkToken(b *testing.B, method jwt.SigningMethod, key any) string {
	b.Helper()
	var claims jwt.MapClaims
	if err := jsonUnmarshalForBenchmark(benchmarkPayload, &claims); err != nil {
		b.Fatal(err)
	}
	token, err := jwt.NewWithClaims(method, claims).SignedString(key)
	if err != nil {
		b.Fatal(err)
	}
	return token
}

// benchmarkKey reads the key through the same path a user's key takes:
// ParseKeys for PEM, SecretFromText for a secret.
func benchmarkKey(b *testing.B, public any) Key {
	b.Helper()
	if secret, ok := public.([]byte); ok {
		return SecretFromText(string(secret))
	}
	der, err := x509.MarshalPKIXPublicKey(public)
	if err != nil {
		b.Fatal(err)
	}
	keys, err := ParseKeys(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
	if err != nil {
		b.Fatal(err)
	}
	return keys[0]
}

func BenchmarkDecodeVerify(b *testing.B) {
	for _, c := range benchmarkCases(b) {
		opts := VerifyOptions{Keys: []Key{c.key}, Algorithms: []string{c.alg}, Now: benchmarkTime}
		b.Run(c.alg, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				token, err := Decode(c.token)
				if err != nil {
					b.Fatal(err)
				}
				if result := Verify(token, opts); !result.Valid() {
					b.Fatalf("not valid: %+v", result.Checks)
				}
			}
		})
	}
}

// BenchmarkVerify measures Verify alone on a token decoded once, to
// separate its cost from Decode's.
func BenchmarkVerify(b *testing.B) {
	for _, c := range benchmarkCases(b) {
		opts := VerifyOptions{Keys: []Key{c.key}, Algorithms: []string{c.alg}, Now: benchmarkTime}
		token, err := Decode(c.token)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.alg, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if result := Verify(token, opts); !result.Valid() {
					b.Fatalf("not valid: %+v", result.Checks)
				}
			}
		})
	}
}

func BenchmarkGolangJWTParse(b *testing.B) {
	for _, c := range benchmarkCases(b) {
		keyFunc := func(*jwt.Token) (any, error) { return c.public, nil }
		b.Run(c.alg, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, err := jwt.Parse(c.token, keyFunc, jwt.WithValidMethods([]string{c.alg}),
					jwt.WithTimeFunc(func() time.Time { return benchmarkTime }))
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func jsonUnmarshalForBenchmark(text string, claims *jwt.MapClaims) error {
	return json.Unmarshal([]byte(text), claims)
}
