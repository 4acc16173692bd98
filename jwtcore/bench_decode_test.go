package jwtcore_test

import (
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jwtlab/jwtlab/jwtcore"
)

// benchTokens returns the jwt.io HS256 token and the 100 KB case token.
func benchTokens(b *testing.B) map[string]string {
	b.Helper()
	cases := loadDecodeCases(b)
	long := cases["very_long_token_100kb"].Token
	if long == nil {
		b.Fatal("case very_long_token_100kb has no token")
	}
	return map[string]string{"jwtio_hs256": jwtioToken, "100kb": *long}
}

// BenchmarkDecode and BenchmarkGolangJWTParseUnverified decode the same
// tokens, so the two can be compared within one run.
func BenchmarkDecode(b *testing.B) {
	for name, token := range benchTokens(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(token)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := jwtcore.Decode(token); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGolangJWTParseUnverified(b *testing.B) {
	for name, token := range benchTokens(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(token)))
			b.ReportAllocs()
			parser := jwt.NewParser()
			for b.Loop() {
				if _, _, err := parser.ParseUnverified(token, jwt.MapClaims{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInspect adds explaining and linting to decoding, for scale.
func BenchmarkInspect(b *testing.B) {
	for name, token := range benchTokens(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(token)))
			b.ReportAllocs()
			for b.Loop() {
				jwtcore.Inspect(token, jwtcore.InspectOptions{Now: testNow})
			}
		})
	}
}
