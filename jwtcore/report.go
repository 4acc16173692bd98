package jwtcore

import "time"

// Report holds everything known about one input: the decoded token (as far
// as it decoded), the decode error, the explanation, the lint findings and,
// when keys were given, the verification result. The CLI prints it and the
// TUI renders it.
type Report struct {
	Token *Token
	// Err is the decode error, nil when the token decoded completely.
	Err         error
	Explanation Explanation
	// Findings are the token's own findings (from Decode and Lint).
	Findings []Finding
	// Verify is nil when no key was given.
	Verify *Result
}

// InspectOptions are the inputs of Inspect.
type InspectOptions struct {
	// Now is the moment relative times and time warnings refer to.
	Now time.Time
	// Verify, when not nil, is run after decoding. Its Now defaults to
	// InspectOptions.Now when zero.
	Verify *VerifyOptions
}
