package jwtcore

import "time"

// Category is where a header parameter or claim name is defined.
type Category int

// Categories of names.
const (
	// CategoryRegistered is a claim registered in RFC 7519 section 4.1, or
	// a JOSE header parameter from RFC 7515.
	CategoryRegistered Category = iota
	// CategoryPublic is a widely used public claim (IANA JWT registry,
	// OpenID Connect).
	CategoryPublic
	// CategorySimpleJWT is a claim that Django REST framework SimpleJWT
	// issues (token_type, user_id).
	CategorySimpleJWT
	// CategoryPrivate is a name jwtlab does not know: an application's own.
	CategoryPrivate
)

// Field is one explained header parameter or claim.
type Field struct {
	Name string
	// Value is the raw JSON literal, exactly as in the token.
	Value       []byte
	Category    Category
	Description string
	// Time is set for NumericDate claims (exp, nbf, iat, auth_time).
	Time *TimeValue
}

// TimeValue is a NumericDate claim read as a time.
type TimeValue struct {
	// OK is false when the value cannot be read as a time; Problem explains why.
	OK bool
	// At is the instant in UTC.
	At time.Time
	// Relative describes At against the clock, such as "expires in 4m 12s"
	// or "expired 3h ago".
	Relative string
	// Problem is set for a value that is not a usable NumericDate: a
	// string, 0, a negative number, or one that looks like milliseconds.
	Problem string
}

// Explanation describes every header parameter and claim of a token.
type Explanation struct {
	Header []Field
	Claims []Field
	// Lifetime is exp - iat; HasLifetime is false without both claims.
	Lifetime    time.Duration
	HasLifetime bool
}
