package jwtcore

import "strings"

// sensitiveFragments are parts of claim names that suggest secrets or
// personal data. A name matches when, lower-cased with '-' and '_'
// removed, it contains a fragment.
var sensitiveFragments = []string{
	"password", "passwd", "secret", "socialsecurity", "creditcard",
	"cardnumber", "ccnumber", "iban", "apikey", "privatekey", "accesskey",
}

// sensitiveWords are short claim names that match only as the whole name,
// so that "spin" does not match "pin".
var sensitiveWords = []string{"pwd", "pin", "ssn", "cvv", "cvc"}

// nameSeparators removes the separators that vary between spellings such
// as api_key, api-key and apiKey.
var nameSeparators = strings.NewReplacer("_", "", "-", "")

// isSensitiveName reports whether a claim name suggests a secret or
// personal data.
func isSensitiveName(name string) bool {
	folded := nameSeparators.Replace(strings.ToLower(name))
	for _, word := range sensitiveWords {
		if folded == word {
			return true
		}
	}
	for _, fragment := range sensitiveFragments {
		if strings.Contains(folded, fragment) {
			return true
		}
	}
	return false
}

// looksLikeCardNumber reports whether s is 13 to 19 digits, with optional
// spaces or dashes between groups, that pass the Luhn check payment card
// numbers use.
func looksLikeCardNumber(s string) bool {
	digits := make([]byte, 0, 19)
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c-'0')
		case (c == ' ' || c == '-') && i > 0 && i < len(s)-1:
		default:
			return false
		}
		if len(digits) > 19 {
			return false
		}
	}
	return len(digits) >= 13 && luhnValid(digits)
}

func luhnValid(digits []byte) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i])
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// looksLikeSSN reports whether s has the US social security number form
// 123-45-6789.
func looksLikeSSN(s string) bool {
	if len(s) != 11 || s[3] != '-' || s[6] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 3 && i != 6 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}
