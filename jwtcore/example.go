package jwtcore

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// PublicExampleSecret is the HMAC secret of the built-in example token. It
// is published in jwtlab's source, so anyone can forge tokens with it:
// never use it, or any secret shown in a tutorial, for real tokens.
const PublicExampleSecret = "jwtlab-public-example-secret-do-not-reuse"

// ExampleLifetime is how long the example token is valid after now.
const ExampleLifetime = 5 * time.Minute

// exampleClaims fixes the claim order of the example payload: the struct
// field order is the JSON member order.
type exampleClaims struct {
	Subject   string `json:"sub"`
	Name      string `json:"name"`
	TokenType string `json:"token_type"`
	ID        string `json:"jti"`
	UserID    int    `json:"user_id"`
	IssuedAt  int64  `json:"iat"`
	ExpiresAt int64  `json:"exp"`
}

// ExampleToken returns an HS256 token issued at now and expiring
// ExampleLifetime later, signed with PublicExampleSecret, so relative times
// in a demo are live. Besides sub, name, iat and exp it carries the
// token_type, jti and user_id claims that Django REST framework SimpleJWT
// issues. The jti is derived from now, so equal times give equal tokens.
func ExampleToken(now time.Time) (token, secret string) {
	sum := sha256.Sum256([]byte(strconv.FormatInt(now.UnixNano(), 10)))
	claims := exampleClaims{
		Subject:   "1234567890",
		Name:      "Ada Lovelace",
		TokenType: "access",
		ID:        hex.EncodeToString(sum[:16]),
		UserID:    42,
		IssuedAt:  now.Unix(),
		ExpiresAt: now.Add(ExampleLifetime).Unix(),
	}
	header := `{"alg":"HS256","typ":"JWT"}`
	payload, err := json.Marshal(claims)
	if err != nil {
		panic(fmt.Sprintf("jwtcore: marshal example claims: %v", err)) // a struct of strings and ints always marshals
	}

	enc := base64.RawURLEncoding
	signingInput := enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString(payload)
	sig, err := jwt.SigningMethodHS256.Sign(signingInput, []byte(PublicExampleSecret))
	if err != nil {
		// golang-jwt v5.3.1 fails an HMAC signature only for a key that is
		// not []byte or a hash that is not linked in, and SHA-256 is.
		panic(fmt.Sprintf("jwtcore: sign example token: %v", err))
	}
	return signingInput + "." + enc.EncodeToString(sig), PublicExampleSecret
}
