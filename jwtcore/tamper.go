package jwtcore

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Tampered describes a token with one character changed by Tamper.
type Tampered struct {
	// Token is the changed compact token.
	Token string
	// Segment is SegmentHeader, SegmentPayload or SegmentSignature.
	Segment string
	// Index is the position of the changed character in Token.
	Index int
	// Old and New are the character before and after the change.
	Old, New byte
	// Explanation describes the change and its effect on the decoded bytes.
	Explanation string
}

// Tamper flips one character of the named segment of a compact token, the
// smallest change an attacker can make.
//
// In the header and payload it picks the last character of a base64url
// group whose decoded byte is a letter or digit inside a JSON string, and
// flips the lowest bit of that byte. The byte stays a letter or digit
// ("1" becomes "0"), so the JSON still parses and the token still
// decodes. In the signature it flips the lowest bit of a character near
// the middle. It returns an error when the
// token does not have three segments or the segment has no such
// character.
func Tamper(token, segment string) (Tampered, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return Tampered{}, fmt.Errorf("tamper: the token has %d segments, "+
			"want 3 (header.payload.signature)", len(parts))
	}
	roles := []string{SegmentHeader, SegmentPayload, SegmentSignature}
	i := indexOf(roles, segment)
	if i < 0 {
		return Tampered{}, fmt.Errorf("tamper: unknown segment %q: use %s, "+
			"%s or %s", segment, SegmentHeader, SegmentPayload, SegmentSignature)
	}
	offset, err := tamperOffset(parts[i], segment)
	if err != nil {
		return Tampered{}, err
	}
	start := 0
	for _, p := range parts[:i] {
		start += len(p) + 1
	}
	return flipAt(token, segment, start+offset)
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// tamperOffset returns the position within seg of the character to flip.
func tamperOffset(seg, segment string) (int, error) {
	if segment == SegmentSignature {
		if seg == "" {
			return 0, fmt.Errorf("tamper: the signature is empty (alg none), " +
				"so there is nothing to change; tamper with the payload instead")
		}
		return len(seg) / 2, nil
	}
	decoded, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return 0, fmt.Errorf("tamper: the %s is not base64url: %w", segment, err)
	}
	// The fourth character of a group holds the low 6 bits of the group's
	// third byte, so flipping its lowest bit flips bit 0 of that byte.
	// Search from the middle, where the claims values are.
	inString := jsonStringBytes(decoded)
	n := len(decoded) / 3
	for k := range n {
		group := (n/2 + k) % n
		i := group*3 + 2
		if inString[i] && isAlphanumeric(decoded[i]) && isAlphanumeric(decoded[i]^1) {
			return group*4 + 3, nil
		}
	}
	return 0, fmt.Errorf("tamper: the %s has no letter or digit in a JSON "+
		"string to change", segment)
}

// jsonStringBytes marks the bytes of text that lie inside a JSON string, the
// only place where changing a letter or digit keeps JSON valid: in a
// number it could make a leading zero, and in true it makes truf.
func jsonStringBytes(text []byte) []bool {
	marks := make([]bool, len(text))
	inside, escaped := false, false
	for i, b := range text {
		switch {
		case escaped:
			escaped = false
		case inside && b == '\\':
			escaped = true
		case b == '"':
			inside = !inside
			continue
		}
		marks[i] = inside
	}
	return marks
}

func isAlphanumeric(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// flipAt flips the lowest bit of the base64url value of token[i].
func flipAt(token, segment string, i int) (Tampered, error) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	value := strings.IndexByte(alphabet, token[i])
	if value < 0 {
		return Tampered{}, fmt.Errorf("tamper: character %d of the token, %q, "+
			"is not base64url", i+1, token[i])
	}
	t := Tampered{
		Segment: segment,
		Index:   i,
		Old:     token[i],
		New:     alphabet[value^1],
	}
	t.Token = token[:i] + string(t.New) + token[i+1:]
	t.Explanation = fmt.Sprintf("changed character %d of the token, in the %s, "+
		"from %q to %q", i+1, segment, t.Old, t.New)
	if segment != SegmentSignature {
		t.Explanation += tamperedByteNote(token, t.Token, segment)
	}
	return t, nil
}

// tamperedByteNote describes the decoded byte that the flip changed.
func tamperedByteNote(before, after, segment string) string {
	i := 0
	if segment == SegmentPayload {
		i = 1
	}
	old, err1 := base64.RawURLEncoding.DecodeString(strings.Split(before, ".")[i])
	changed, err2 := base64.RawURLEncoding.DecodeString(strings.Split(after, ".")[i])
	if err1 != nil || err2 != nil || len(old) != len(changed) {
		return ""
	}
	for k := range old {
		if old[k] != changed[k] {
			return fmt.Sprintf(", so the decoded %s reads %q where it read %q",
				segment, changed[k], old[k])
		}
	}
	return ""
}
