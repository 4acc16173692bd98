package jwtcore_test

import (
	"fmt"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func ExampleDecode() {
	pasted := "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
		"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." +
		"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	tok, err := jwtcore.Decode(pasted)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tok.Alg())
	fmt.Println(string(tok.Payload.Bytes))
	for _, f := range tok.Findings {
		fmt.Println(f.Code)
	}
	// Output:
	// HS256
	// {"sub":"1234567890","name":"John Doe","iat":1516239022}
	// input_normalized_bearer_prefix
}

func ExampleDecode_damaged() {
	_, err := jwtcore.Decode("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln.")
	fmt.Println(err)
	// Output:
	// expected 3 dot-separated parts (JWS) or 5 (JWE), found 4; the input ends with an extra "."
}

func ExampleInspect() {
	// {"alg":"HS256"} . {"sub":"u1","iat":1717070400,"exp":1717243452}
	token := "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSIsImlhdCI6MTcxNzA3MDQwMCwiZXhwIjoxNzE3MjQzNDUyfQ.c2ln"
	now := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	report := jwtcore.Inspect(token, jwtcore.InspectOptions{Now: now})
	for _, claim := range report.Explanation.Claims {
		if claim.Time != nil {
			fmt.Printf("%s %s %s\n", claim.Name, jwtcore.FormatTime(claim.Time.At), claim.Time.Relative)
		} else {
			fmt.Printf("%s %s\n", claim.Name, claim.Value)
		}
	}
	for _, f := range report.Findings {
		fmt.Println(f.Severity, f.Code)
	}
	// Output:
	// sub "u1"
	// iat 2024-05-30T12:00:00Z issued 2d ago
	// exp 2024-06-01T12:04:12Z expires in 4m 12s
	// warning very_long_lifetime
}

func ExamplePrettyJSON() {
	pretty, err := jwtcore.PrettyJSON([]byte(`{"sub":100002348117421473,"aud":["a","b"],"n":1.5e400}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(pretty))
	// Output:
	// {
	//   "sub": 100002348117421473,
	//   "aud": [
	//     "a",
	//     "b"
	//   ],
	//   "n": 1.5e400
	// }
}
