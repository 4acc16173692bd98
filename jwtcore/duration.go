package jwtcore

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// ErrInvalidDuration is returned (wrapped) by ParseDuration.
var ErrInvalidDuration = errors.New("invalid duration")

// ParseDuration reads a token lifetime such as "15m", "24h", "7d" or
// "1d12h". It accepts everything time.ParseDuration does (ns, us, µs, ms,
// s, m, h, fractions, a leading sign) plus the units d and w. Units go
// from largest to smallest, each at most once: "15m1h", which
// time.ParseDuration reads as 1h15m, is rejected, because it is usually
// a typo such as text typed after a default value. A day is always 24 hours and a week 7 days, because
// NumericDate claims count seconds and ignore daylight saving changes. A
// bare number other than 0 is rejected, because "15" could mean minutes
// or seconds.
func ParseDuration(s string) (time.Duration, error) {
	text := strings.TrimSpace(s)
	if text == "" {
		return 0, fmt.Errorf("%w: empty; write a number and a unit, "+
			"such as 15m, 24h or 7d", ErrInvalidDuration)
	}
	sign, body := splitSign(text)
	if body == "0" {
		return 0, nil
	}
	var total time.Duration
	previousRank := len(unitRanks) + 1
	for body != "" {
		part, unit, rest, err := nextDurationPart(s, body)
		if err != nil {
			return 0, err
		}
		rank := unitRanks[unit]
		if rank >= previousRank {
			return 0, durationError(s, fmt.Sprintf("the unit %q follows a unit "+
				"that is not larger; write units from largest to smallest, each once", unit))
		}
		previousRank = rank
		if total, err = addDuration(s, total, part); err != nil {
			return 0, err
		}
		body = rest
	}
	return sign * total, nil
}

func splitSign(text string) (time.Duration, string) {
	switch text[0] {
	case '-':
		return -1, text[1:]
	case '+':
		return 1, text[1:]
	}
	return 1, text
}

// unitRanks orders the duration units from smallest to largest; the
// three spellings of microseconds share a rank.
var unitRanks = map[string]int{
	"ns": 1, "us": 2, "µs": 2, "μs": 2, "ms": 3, "s": 4, "m": 5, "h": 6, "d": 7, "w": 8,
}

// nextDurationPart reads one number and unit from the start of body and
// returns its duration, its unit and the text after it.
func nextDurationPart(input, body string) (time.Duration, string, string, error) {
	numberEnd := strings.IndexFunc(body, func(r rune) bool {
		return (r < '0' || r > '9') && r != '.'
	})
	if numberEnd == 0 {
		return 0, "", "", durationError(input, fmt.Sprintf(
			"expected a number at %q", body))
	}
	if numberEnd < 0 {
		return 0, "", "", durationError(input, fmt.Sprintf(
			"the number %s has no unit", body))
	}
	unitEnd := strings.IndexFunc(body[numberEnd:], func(r rune) bool {
		return (r >= '0' && r <= '9') || r == '.'
	})
	if unitEnd < 0 {
		unitEnd = len(body) - numberEnd
	}
	number := body[:numberEnd]
	unit := body[numberEnd : numberEnd+unitEnd]
	part, err := durationPart(input, number, unit)
	return part, unit, body[numberEnd+unitEnd:], err
}

// durationPart converts one number and unit. time.ParseDuration handles
// the Go units exactly; d and w are read as hours and then multiplied.
func durationPart(input, number, unit string) (time.Duration, error) {
	factor := time.Duration(1)
	switch unit {
	case "d":
		factor, unit = 24, "h"
	case "w":
		factor, unit = 7*24, "h"
	case "ns", "us", "µs", "μs", "ms", "s", "m", "h":
	default:
		return 0, durationError(input, fmt.Sprintf("unknown unit %q "+
			"(use ns, us, ms, s, m, h, d or w)", unit))
	}
	if number == "." || strings.Count(number, ".") > 1 {
		return 0, durationError(input, fmt.Sprintf("invalid number %q",
			number))
	}
	// A well-formed number fails only when it overflows.
	part, err := time.ParseDuration(number + unit)
	if err != nil {
		return 0, tooLongError(input)
	}
	if part > math.MaxInt64/factor {
		return 0, tooLongError(input)
	}
	return part * factor, nil
}

func addDuration(input string, total, part time.Duration) (time.Duration, error) {
	if total > math.MaxInt64-part {
		return 0, tooLongError(input)
	}
	return total + part, nil
}

func tooLongError(input string) error {
	return durationError(input, "longer than the maximum of about 292 "+
		"years (2^63 nanoseconds)")
}

func durationError(input, reason string) error {
	return fmt.Errorf("%w %q: %s; write a number and a unit, such as "+
		"15m, 24h, 7d or 1d12h", ErrInvalidDuration, input, reason)
}
