package jwtcore

import "time"

// Status is the outcome of checking a signature.
type Status int

// Signature statuses.
const (
	// StatusNotChecked means no key was given.
	StatusNotChecked Status = iota
	// StatusVerified means a key verified the signature.
	StatusVerified
	// StatusInvalid means the signature did not verify with the keys
	// tried, or the token is malformed (wrong segment count, undecodable
	// header or payload), so there is no signature to check.
	StatusInvalid
	// StatusUnsigned means alg is none: there is nothing to verify, and the
	// token is never reported as verified.
	StatusUnsigned
	// StatusUnsupported means jwtlab cannot verify this alg (ES256K, say)
	// or this form (JWE).
	StatusUnsupported
	// StatusRejected means the token must not be accepted for a reason
	// other than wrong signature bytes: a repeated header parameter, a
	// missing alg or one outside the accepted list, a crit problem, or no
	// key of the type alg needs. The failed signature check names the
	// reason. The signature may not have been computed at all.
	StatusRejected
)

// VerifyOptions are the inputs of Verify. The zero value checks nothing
// but the time claims at the zero time, so set Now.
type VerifyOptions struct {
	// Keys are the candidate keys. With several, the one whose ID matches
	// the token's kid is tried first, then each other in turn.
	Keys []Key
	// Algorithms restricts the accepted alg values; empty accepts any alg
	// that matches the key type.
	Algorithms []string
	// Issuer and Audience, when not empty, must match iss and aud.
	Issuer   string
	Audience string
	// Leeway is allowed clock skew for exp, nbf and iat.
	Leeway time.Duration
	// Now is the moment time claims are evaluated at.
	Now time.Time
	// DetachedPayload is the content of a detached payload, used when the
	// payload segment is empty.
	DetachedPayload []byte
}

// Check is one named check that ran during verification.
type Check struct {
	// Group is GroupSignature or GroupClaims.
	Group   string
	Name    string
	OK      bool
	Message string
}

// Result is the outcome of Verify. The signature verdict and the claims
// verdict are kept apart.
type Result struct {
	Status Status
	// Key describes the key that verified the signature, or the keys tried.
	Key string
	// Checks lists every check that ran, passed or failed, in order.
	Checks []Check
	// Findings about the keys and the verification, such as a secret that
	// is too short or a near miss with a trailing newline.
	Findings []Finding
}

// Check groups, used in Check.Group.
const (
	GroupSignature = "signature"
	GroupClaims    = "claims"
)
