package jwtcore

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Names of the claims checks, used in Check.Name.
const (
	CheckExpiry    = "exp"
	CheckNotBefore = "nbf"
	CheckIssuedAt  = "iat"
	CheckIssuer    = "iss"
	CheckAudience  = "aud"
)

// millisecondThreshold is a NumericDate above which the value is probably
// in milliseconds: 1e11 seconds is in the year 5138.
const millisecondThreshold = 1e11

// claimsChecker evaluates the registered claims of one payload.
type claimsChecker struct {
	payload Object
	// now and leeway are in seconds since the Unix epoch.
	now    float64
	leeway float64
	nowUTC time.Time
	checks []Check
	// scratch is reused to build each time check message.
	scratch []byte
}

// appendClaimChecks appends the claims checks of t to checks: exp, nbf
// and iat at opts.Now with opts.Leeway, and iss and aud when opts sets
// Issuer or Audience. RFC 7519 4.1.4 accepts a token only before exp, so
// now >= exp + leeway is expired.
func appendClaimChecks(checks []Check, t *Token, opts VerifyOptions) []Check {
	payload := claimsObject(t, opts)
	if payload == nil {
		// No check runs, so none can pass. Verify adds a finding that
		// explains why the claims were not checked.
		return checks
	}
	checker := claimsChecker{
		// 160 bytes fit the usual time check messages, so the buffer
		// is allocated once.
		scratch: make([]byte, 0, 160),
		payload: *payload,
		// Unix and Nanosecond, unlike UnixNano, work for any year.
		now:    float64(opts.Now.Unix()) + float64(opts.Now.Nanosecond())/1e9,
		leeway: opts.Leeway.Seconds(),
		nowUTC: opts.Now.UTC(),
		checks: checks,
	}
	checker.checkAll(opts)
	return checker.checks
}

// checkClaims returns the claims checks of t.
func checkClaims(t *Token, opts VerifyOptions) []Check {
	return appendClaimChecks(nil, t, opts)
}

func (c *claimsChecker) checkAll(opts VerifyOptions) {
	c.checkExpiry()
	c.checkNotBefore()
	c.checkIssuedAt()
	if opts.Issuer != "" {
		c.checkIssuer(opts.Issuer)
	}
	if opts.Audience != "" {
		c.checkAudience(opts.Audience)
	}
}

// claimsObject returns the payload object, read from opts.DetachedPayload
// for a detached payload, or nil when the payload is not a JSON object.
func claimsObject(t *Token, opts VerifyOptions) *Object {
	switch {
	case t == nil:
		return nil
	case t.Payload.Object != nil:
		return t.Payload.Object
	case t.Payload.Detached && opts.DetachedPayload != nil:
		if object, err := parseObject(opts.DetachedPayload); err == nil {
			return &object
		}
	}
	return nil
}

// CodeClaimsNotChecked is the finding Verify adds when the payload has no
// claims it can read.
const CodeClaimsNotChecked = "claims_not_checked"

func skippedClaimsMessage(t *Token, opts VerifyOptions) string {
	switch {
	case t == nil || t.Form == FormJWE:
		return "the payload is encrypted, so no claims were checked"
	case t.Payload.Detached && opts.DetachedPayload == nil:
		return "the payload is detached and was not given, so no claims " +
			"were checked"
	case t.Payload.Bytes == nil:
		return "the token has no readable payload, so no claims were checked"
	}
	return "the payload is not a JSON object, so no claims were checked"
}

func (c *claimsChecker) add(name string, ok bool, message string) {
	c.checks = append(c.checks, Check{Group: GroupClaims, Name: name, OK: ok, Message: message})
}

// numericDate reads a claim as a NumericDate from its exact literal.
// It returns ok false after adding a failed check when the claim is not a
// finite JSON number, and present false when the claim is absent.
func (c *claimsChecker) numericDate(name string) (seconds float64, present, ok bool) {
	raw, present := c.payload.Get(name)
	if !present {
		return 0, false, false
	}
	if c.rejectDuplicateClaim(name) {
		return 0, true, false
	}
	literal := strings.TrimSpace(string(raw))
	if literal == "" || !strings.ContainsAny(literal[:1], "-0123456789") {
		c.add(name, false, fmt.Sprintf("%s is %s, not a number; RFC 7519 "+
			"requires a NumericDate, a JSON number of seconds since "+
			"1970-01-01 UTC", name, describeJSONValue(literal)))
		return 0, true, false
	}
	seconds, err := strconv.ParseFloat(literal, 64)
	if err != nil || math.IsInf(seconds, 0) || math.IsNaN(seconds) {
		c.add(name, false, fmt.Sprintf("%s is %s, which is out of range for "+
			"a time", name, shortenLiteral(literal)))
		return 0, true, false
	}
	return seconds, true, true
}

func (c *claimsChecker) checkIssuer(expected string) {
	raw, present := c.payload.Get("iss")
	var issuer string
	switch {
	case present && c.rejectDuplicateClaim("iss"):
	case !present:
		c.add(CheckIssuer, false, fmt.Sprintf("there is no iss claim; "+
			"expected %q", expected))
	case json.Unmarshal(raw, &issuer) != nil:
		c.add(CheckIssuer, false, fmt.Sprintf("iss is %s, not a string; "+
			"expected %q", describeJSONValue(string(raw)), expected))
	case issuer != expected:
		c.add(CheckIssuer, false, fmt.Sprintf("iss is %q; expected %q",
			issuer, expected))
	default:
		c.add(CheckIssuer, true, fmt.Sprintf("iss is %q as expected", issuer))
	}
}

// checkAudience accepts aud as one string or an array of strings that
// contains the expected audience (RFC 7519 4.1.3).
func (c *claimsChecker) checkAudience(expected string) {
	raw, present := c.payload.Get("aud")
	if !present {
		c.add(CheckAudience, false, fmt.Sprintf("there is no aud claim; "+
			"expected %q", expected))
		return
	}
	if c.rejectDuplicateClaim("aud") {
		return
	}
	var single string
	var list []string
	switch {
	case json.Unmarshal(raw, &single) == nil:
		list = []string{single}
	case json.Unmarshal(raw, &list) == nil:
	default:
		c.add(CheckAudience, false, fmt.Sprintf("aud is %s, neither a "+
			"string nor an array of strings; expected %q",
			describeJSONValue(string(raw)), expected))
		return
	}
	for _, audience := range list {
		if audience == expected {
			c.add(CheckAudience, true, fmt.Sprintf("aud contains %q as "+
				"expected", expected))
			return
		}
	}
	c.add(CheckAudience, false, fmt.Sprintf("aud is %s, which does not "+
		"contain %q", shortenLiteral(strings.TrimSpace(string(raw))), expected))
}

// describeJSONValue names the JSON type of a literal and, when short,
// quotes it.
func describeJSONValue(literal string) string {
	kind := "a JSON value"
	switch {
	case strings.HasPrefix(literal, `"`):
		kind = "a string"
	case strings.HasPrefix(literal, "{"):
		kind = "an object"
	case strings.HasPrefix(literal, "["):
		kind = "an array"
	case literal == "true" || literal == "false":
		kind = "a boolean"
	case literal == "null":
		return "null"
	}
	if len(literal) <= maxQuotedLiteral {
		return kind + " (" + literal + ")"
	}
	return kind
}

// maxQuotedLiteral is the longest JSON literal a message quotes whole.
const maxQuotedLiteral = 40

func shortenLiteral(literal string) string {
	if len(literal) <= maxQuotedLiteral {
		return literal
	}
	return literal[:maxQuotedLiteral] + "..."
}
