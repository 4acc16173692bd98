package jwtcore

import "time"

// Stubs replaced by the decoding implementation.

func decodeErrorMessage(e *DecodeError) string { return e.Segment + ": " + e.Err.Error() }

// Normalize finds a compact token in pasted text and returns it with a
// finding for each thing it removed.
func Normalize(input string) (string, []Finding) { return input, nil }

// Decode normalizes input and decodes it as far as it goes. It returns a
// non-nil Token whenever anything could be decoded, together with an error
// describing the first fatal problem.
func Decode(input string) (*Token, error) { return &Token{Compact: input}, nil }

// Explain describes every header parameter and claim of t, with times
// relative to now.
func Explain(t *Token, now time.Time) Explanation { return Explanation{} }

// Lint returns warnings about the token itself (not about any key).
func Lint(t *Token, now time.Time) []Finding { return nil }

// Inspect decodes, explains and lints input, and verifies it when
// opts.Verify is set.
func Inspect(input string, opts InspectOptions) Report { return Report{} }

// MarshalJSON encodes the report in the documented JSON output format.
func (r Report) MarshalJSON() ([]byte, error) { return []byte("{}"), nil }

func objectString(o Object, name string) (string, bool) { return "", false }
