package jwtcore_test

import (
	"fmt"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func ExampleSign() {
	claims := &jwtcore.Document{}
	claims.SetString("sub", "1234567890")
	claims.SetString("name", "John Doe")
	claims.SetInt("iat", 1516239022)

	// The public example secret of jwt.io's classic token: never reuse it.
	key := jwtcore.Key{
		Type:   jwtcore.KeyHMAC,
		Secret: []byte("your-256-bit-secret"),
	}
	signed, err := jwtcore.Sign([]byte(`{"alg":"HS256","typ":"JWT"}`),
		claims.JSON(), key)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(signed.HeaderB64)
	fmt.Println(string(signed.PayloadJSON))
	fmt.Println(signed.SignatureB64)
	// Output:
	// eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9
	// {"sub":"1234567890","name":"John Doe","iat":1516239022}
	// SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c
}

func ExampleGenerateKey() {
	key, err := jwtcore.GenerateKey("ES256", 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	public, _ := jwtcore.PublicPEM(key)
	fmt.Println(key.Format)
	fmt.Println(len(key.ID), "character thumbprint as kid")
	fmt.Printf("%s", public[:26])
	// Output:
	// generated EC key (P-256)
	// 43 character thumbprint as kid
	// -----BEGIN PUBLIC KEY-----
}

func ExampleParseClaimValue() {
	for _, typed := range []string{"42", "admin", `["a","b"]`, "true", "007"} {
		value, _ := jwtcore.ParseClaimValue(typed)
		fmt.Println(string(value))
	}
	// Output:
	// 42
	// "admin"
	// ["a","b"]
	// true
	// "007"
}

func ExampleDocument_Set() {
	claims, _ := jwtcore.ParseDocument([]byte(`{"sub":"alice", "exp":1700000000.0}`))
	roles, _ := jwtcore.ParseClaimValue(`["admin", "editor"]`)
	_ = claims.Set("roles", roles)
	_ = claims.Set("sub", []byte(`"bob"`))
	fmt.Println(string(claims.JSON()))
	// Output:
	// {"sub":"bob","exp":1700000000.0,"roles":["admin","editor"]}
}

func ExampleParseDuration() {
	for _, text := range []string{"15m", "7d", "1d12h"} {
		d, _ := jwtcore.ParseDuration(text)
		fmt.Println(text, "=", d)
	}
	// Output:
	// 15m = 15m0s
	// 7d = 168h0m0s
	// 1d12h = 36h0m0s
}
