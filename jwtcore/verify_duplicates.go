package jwtcore

import "strings"

// CheckHeaderUnique is the name of the signature check that rejects a
// header with a repeated parameter name.
const CheckHeaderUnique = "header parameters unique"

// checkHeaderUnique rejects a header that repeats a parameter name. RFC
// 7515 section 4 lets a parser either reject such a header or use the
// last value. jwtlab rejects it, because a library that reads the first
// value would verify a different token from the same bytes.
func (v *signatureVerifier) checkHeaderUnique() bool {
	duplicates := v.token.Header.Duplicates
	if len(duplicates) == 0 {
		return true
	}
	messages := make([]string, len(duplicates))
	for i, name := range duplicates {
		messages[i] = describeDuplicate(v.token.Header, "header parameter", name)
	}
	v.result.fail(GroupSignature, CheckHeaderUnique, strings.Join(messages, "; ")+
		"; jwtlab rejects a header with a repeated parameter name, because "+
		"another library may read the first value where jwtlab reads the "+
		"last, so the same token means different things to different parsers")
	return false
}

// describeDuplicate names a repeated member of object with its first and
// last values, such as `header parameter "alg" appears 2 times (first
// value "none", last value "HS256")`.
func describeDuplicate(object Object, kind, name string) string {
	var first, last []byte
	count := 0
	for _, member := range object.Members {
		if member.Name != name {
			continue
		}
		if count == 0 {
			first = member.Value
		}
		last = member.Value
		count++
	}
	return kind + " " + quoteName(name) + " appears " + pluralize(float64(count), "time") +
		" (first value " + shortenLiteral(string(first)) + ", last value " +
		shortenLiteral(string(last)) + ")"
}

func quoteName(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `\"`) + `"`
}

// rejectDuplicateClaim adds a failed check when the payload repeats the
// claim name and reports whether it did. jwtlab reads the last value, as
// Object.Get does, but a checked claim must mean one thing to every
// parser.
func (c *claimsChecker) rejectDuplicateClaim(name string) bool {
	for _, duplicate := range c.payload.Duplicates {
		if duplicate == name {
			c.add(name, false, describeDuplicate(c.payload, "claim", name)+
				"; jwtlab does not accept a checked claim that is repeated, "+
				"because another library may read the first value where "+
				"jwtlab reads the last, so the same token means different "+
				"things to different parsers")
			return true
		}
	}
	return false
}
