package jwtcore

import (
	"fmt"
	"strings"
	"time"
)

// lintClaims checks the registered claims of a JSON payload.
func (l *linter) lintClaims() {
	payload := l.token.Payload.Object
	if _, ok := payload.Get("exp"); !ok {
		l.add(CodeExpMissing, SeverityWarning, "there is no exp claim: the token never "+
			"expires, so a leaked copy works forever unless the server revokes it")
	}
	for _, m := range payload.Members {
		if isTimeClaim(m.Name) {
			l.lintTime(m.Name, m.Value)
		}
	}
	l.lintTypes(payload)
	l.lintLifetime(payload)
}

// lintTime checks one NumericDate claim against now and for likely
// mistakes in how it was written.
func (l *linter) lintTime(name string, raw []byte) {
	tv := parseNumericDate(raw)
	if !tv.OK {
		message := fmt.Sprintf("%s is %s: %s", name, truncate(string(raw), 40), tv.Problem)
		l.add(name+"_"+CodeTimeClaimNotNumber, SeverityWarning, message)
		return
	}
	l.lintDateForm(name, string(raw), tv)
	switch {
	case name == "exp" && !l.now.Before(tv.At):
		l.add(CodeExpired, SeverityWarning, fmt.Sprintf("the token expired at %s (%s)",
			FormatTime(tv.At), relativeFor(name, tv.At, l.now)))
	case name == "nbf" && l.now.Before(tv.At):
		l.add(CodeNotYetValid, SeverityWarning, fmt.Sprintf("the token is not valid before "+
			"%s (%s)", FormatTime(tv.At), relativeFor(name, tv.At, l.now)))
	case name == "iat" && l.now.Before(tv.At):
		l.add(CodeIatInFuture, SeverityWarning, fmt.Sprintf("iat says the token was issued "+
			"at %s, in the future; the issuer's clock may be wrong, or the token was made by "+
			"hand", FormatTime(tv.At)))
	}
}

// lintDateForm flags NumericDates that are valid but probably not what the
// issuer meant.
func (l *linter) lintDateForm(name, literal string, tv TimeValue) {
	switch {
	case isZeroLiteral(literal):
		message := fmt.Sprintf("%s is 0, the Unix epoch (1970-01-01T00:00:00Z): "+
			"a moment long past, not \"no value\"", name)
		l.add(name+"_"+CodeTimeClaimZero, SeverityWarning, message)
	case strings.HasPrefix(literal, "-"):
		message := fmt.Sprintf("%s is negative, %s: a date before 1970", name, FormatTime(tv.At))
		l.add(name+"_"+CodeTimeClaimNegative, SeverityWarning, message)
	case tv.At.Year() >= millisecondYear:
		message := fmt.Sprintf("%s %s %s", name, literal, tv.Problem)
		l.add(name+"_"+CodeTimeClaimMillisecond, SeverityWarning, message)
	case strings.Contains(tv.Problem, "fractional"):
		l.add(CodeFractionalDate, SeverityInfo, fmt.Sprintf("%s %s has a fractional part: "+
			"RFC 7519 allows it, but some libraries round, truncate or reject "+
			"it", name, literal))
	}
}

// lintTypes checks the JSON types RFC 7519 section 4.1 gives the
// registered claims that are not NumericDates.
func (l *linter) lintTypes(payload *Object) {
	for _, name := range []string{"iss", "sub", "jti"} {
		raw, ok := payload.Get(name)
		if !ok || jsonKind(raw) == "string" {
			continue
		}
		code := CodeSubNotString
		switch name {
		case "iss":
			code = CodeIssNotString
		case "jti":
			code = "jti_not_string"
		}
		l.add(code, SeverityWarning, fmt.Sprintf("%s is a JSON %s (%s), but RFC 7519 defines "+
			"it as a string; libraries that follow the RFC reject the token or fail to "+
			"compare it", name, jsonKind(raw), truncate(string(raw), 40)))
	}
	if raw, ok := payload.Get("aud"); ok && !audTypeValid(raw) {
		l.add(CodeAudWrongType, SeverityWarning, fmt.Sprintf("aud is a JSON %s, but RFC 7519 "+
			"allows only a string or an array of strings", jsonKind(raw)))
	}
}

func audTypeValid(raw []byte) bool {
	switch jsonKind(raw) {
	case "string":
		return true
	case "array":
		return onlyStringsArray(raw)
	}
	return false
}

// onlyStringsArray reports whether raw is a JSON array of strings.
func onlyStringsArray(raw []byte) bool {
	values, err := arrayValues(raw)
	if err != nil {
		return false
	}
	for _, v := range values {
		if jsonKind(v) != "string" {
			return false
		}
	}
	return true
}

// lintLifetime flags exp - iat below zero or above the limit for the
// token's kind.
func (l *linter) lintLifetime(payload *Object) {
	seconds, ok := lifetimeSeconds(payload)
	if !ok {
		return
	}
	if seconds < 0 {
		l.add(CodeNegativeLifetime, SeverityWarning, "exp is "+describeSpan(-seconds)+
			" earlier than iat, so the token expired before it was issued and "+
			"every verifier rejects it; check whether the issuer swapped the "+
			"two or wrote one of them in milliseconds")
		return
	}
	limit, kind := maxAccessLifetime, "an access token"
	if tokenType, _ := payload.String("token_type"); tokenType == "refresh" {
		limit, kind = maxRefreshLifetime, "a refresh token"
	}
	if seconds <= limit.Seconds() {
		return
	}
	l.add(CodeVeryLongLifetime, SeverityWarning, fmt.Sprintf("the token lives %s from iat to "+
		"exp; for %s more than %s means a leaked copy stays useful for long, so prefer short "+
		"lifetimes with refresh", formatSeconds(seconds), kind, FormatDuration(limit)))
}

// formatSeconds writes a number of seconds like FormatDuration, counting
// in years past the range of time.Duration.
func formatSeconds(seconds float64) string {
	const year = 365 * 24 * 3600
	if seconds >= 200*year {
		return fmt.Sprintf("about %.0f years", seconds/year)
	}
	return FormatDuration(time.Duration(seconds * float64(time.Second)))
}
