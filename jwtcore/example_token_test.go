package jwtcore_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestExampleTokenVerifies(t *testing.T) {
	now := time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)
	token, secret := jwtcore.ExampleToken(now)
	if len(secret) < 32 {
		t.Errorf("example secret is %d bytes, want at least 32 for HS256", len(secret))
	}

	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return []byte(secret), nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithTimeFunc(func() time.Time { return now }))
	if err != nil {
		t.Fatalf("golang-jwt rejects the example token: %v", err)
	}
	wantNumbers := map[string]int64{
		"iat":     now.Unix(),
		"exp":     now.Add(jwtcore.ExampleLifetime).Unix(),
		"user_id": 42,
	}
	for name, want := range wantNumbers {
		if got, _ := claims[name].(float64); int64(got) != want {
			t.Errorf("claim %s = %v, want %d", name, claims[name], want)
		}
	}
	for _, name := range []string{"sub", "name", "token_type", "jti"} {
		if s, _ := claims[name].(string); s == "" {
			t.Errorf("claim %s is missing or not a string: %v", name, claims[name])
		}
	}
}

func TestExampleTokenExpiresOnTime(t *testing.T) {
	now := time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)
	token, secret := jwtcore.ExampleToken(now)
	later := now.Add(jwtcore.ExampleLifetime + time.Second)
	_, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return []byte(secret), nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithTimeFunc(func() time.Time { return later }))
	if err == nil {
		t.Error("example token still valid after ExampleLifetime")
	}
}

func TestExampleTokenDeterministic(t *testing.T) {
	now := time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)
	first, _ := jwtcore.ExampleToken(now)
	second, _ := jwtcore.ExampleToken(now)
	if first != second {
		t.Errorf("equal times gave different tokens:\n%s\n%s", first, second)
	}
	other, _ := jwtcore.ExampleToken(now.Add(time.Second))
	if other == first {
		t.Error("different times gave the same token")
	}
}

func ExampleExampleToken() {
	now := time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)
	token, secret := jwtcore.ExampleToken(now)
	tok, err := jwtcore.Decode(token)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tok.Alg())
	fmt.Println(string(tok.Payload.Bytes))
	fmt.Println(secret == jwtcore.PublicExampleSecret)
	// Output:
	// HS256
	// {"sub":"1234567890","name":"Ada Lovelace","token_type":"access","jti":"2e425a0f08e0ded1f692f10c262353eb","user_id":42,"iat":1796400000,"exp":1796400300}
	// true
}
