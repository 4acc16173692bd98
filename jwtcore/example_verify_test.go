package jwtcore_test

import (
	"fmt"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// Verify keeps the signature verdict apart from the claims checks and
// reports findings about the key, here the jwt.io example secret.
func ExampleVerify() {
	token, err := jwtcore.Decode("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
		"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." +
		"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
	if err != nil {
		fmt.Println(err)
		return
	}
	result := jwtcore.Verify(token, jwtcore.VerifyOptions{
		Keys:       []jwtcore.Key{jwtcore.SecretFromText("your-256-bit-secret")},
		Algorithms: []string{"HS256"},
		Now:        time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC),
	})
	fmt.Println("signature:", result.Status)
	fmt.Println("key:", result.Key)
	for _, check := range result.Checks {
		if check.Group == jwtcore.GroupClaims {
			fmt.Printf("%s ok=%v: %s\n", check.Name, check.OK, check.Message)
		}
	}
	for _, finding := range result.Findings {
		fmt.Println("finding:", finding.Code)
	}
	// Output:
	// signature: verified
	// key: key 1: secret text (19 bytes)
	// exp ok=true: there is no exp claim, so the token never expires
	// iat ok=true: token was issued at 2018-01-18 01:30:22 UTC, 8 years before the check time
	// finding: weak_secret
	// finding: weak_or_public_secret
}
