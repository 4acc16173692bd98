package jwtcore

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// millisecondYear is the year after which a NumericDate is taken to be
// milliseconds by mistake: seconds that large are over 8,000 years away,
// while Date.now() in JavaScript gives such values for today.
const millisecondYear = 10000

// isTimeClaim reports whether the claim name is a NumericDate
// (RFC 7519 section 2; auth_time from OpenID Connect Core section 2).
func isTimeClaim(name string) bool {
	switch name {
	case "exp", "nbf", "iat", "auth_time":
		return true
	}
	return false
}

// parseNumericDate reads a raw JSON value as a NumericDate: seconds since
// 1970-01-01T00:00:00Z, possibly fractional.
func parseNumericDate(raw []byte) TimeValue {
	kind := jsonKind(raw)
	if kind == "string" {
		return stringDate(raw)
	}
	if kind != "number" {
		return TimeValue{Problem: fmt.Sprintf("not a number (JSON %s): a NumericDate must be "+
			"a JSON number of seconds since 1970", kind)}
	}
	at, ok := numberToTime(string(raw))
	if !ok {
		return TimeValue{Problem: fmt.Sprintf("%s seconds is outside the range of dates "+
			"jwtlab can show", raw)}
	}
	tv := TimeValue{OK: true, At: at}
	tv.Problem = dateProblem(string(raw), at)
	return tv
}

// stringDate explains a NumericDate written as a JSON string, and what it
// would mean as a number.
func stringDate(raw []byte) TimeValue {
	problem := "not a number (JSON string): invalid NumericDate, which must be a JSON number " +
		"of seconds since 1970"
	text, _ := unquoteJSON(raw)
	if at, ok := numberToTime(strings.TrimSpace(text)); ok {
		problem += "; as a number it would be " + FormatTime(at)
	}
	return TimeValue{Problem: problem}
}

// dateProblem notes values that are valid NumericDates but likely mistakes.
func dateProblem(literal string, at time.Time) string {
	switch {
	case isZeroLiteral(literal):
		return "0 is the Unix epoch, 1970-01-01T00:00:00Z: a moment long past, not \"no value\""
	case strings.HasPrefix(literal, "-"):
		return "negative: a date before 1970, which no issuer means"
	case at.Year() >= millisecondYear:
		return millisecondProblem(literal, at)
	case strings.ContainsAny(literal, ".eE") && at.Nanosecond() != 0:
		return "has a fractional part: RFC 7519 allows it, but some libraries round, " +
			"truncate or reject it"
	}
	return ""
}

func millisecondProblem(literal string, at time.Time) string {
	message := fmt.Sprintf("looks like milliseconds: read as seconds (the standard) it is in "+
		"the year %d", at.Year())
	if ms, ok := numberToTime(divideBy1000(literal)); ok {
		message += "; divided by 1000 it would be " + FormatTime(ms)
	}
	return message
}

// divideBy1000 moves the decimal point of an integer literal three places
// left, so the division is exact. Other literals go through float64.
func divideBy1000(literal string) string {
	digits := strings.TrimPrefix(literal, "-")
	if strings.ContainsAny(digits, ".eE") || len(digits) <= 3 {
		f, _ := strconv.ParseFloat(literal, 64)
		return strconv.FormatFloat(f/1000, 'f', -1, 64)
	}
	return literal[:len(literal)-3] + "." + literal[len(literal)-3:]
}

func isZeroLiteral(literal string) bool {
	f, err := strconv.ParseFloat(literal, 64)
	return err == nil && f == 0
}

// numberToTime converts a JSON number of seconds to a UTC time. Plain
// decimals are split at the point, so fractions keep nanosecond precision.
// Numbers with an exponent go through float64.
func numberToTime(literal string) (time.Time, bool) {
	if strings.ContainsAny(literal, "eE") {
		f, err := strconv.ParseFloat(literal, 64)
		if err != nil {
			return time.Time{}, false
		}
		return floatToTime(f)
	}
	whole, fraction, _ := strings.Cut(literal, ".")
	seconds, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || !inTimeRange(float64(seconds)) {
		return time.Time{}, false
	}
	nanos, ok := fractionNanos(fraction)
	if !ok {
		return time.Time{}, false
	}
	if strings.HasPrefix(whole, "-") {
		nanos = -nanos
	}
	return time.Unix(seconds, nanos).UTC(), true
}

func fractionNanos(fraction string) (int64, bool) {
	if fraction == "" {
		return 0, true
	}
	if len(fraction) > 9 {
		fraction = fraction[:9]
	}
	fraction += strings.Repeat("0", 9-len(fraction))
	nanos, err := strconv.ParseInt(fraction, 10, 64)
	return nanos, err == nil
}

func floatToTime(f float64) (time.Time, bool) {
	if math.IsNaN(f) || !inTimeRange(f) {
		return time.Time{}, false
	}
	seconds, fraction := math.Modf(f)
	return time.Unix(int64(seconds), int64(math.Round(fraction*1e9))).UTC(), true
}

// inTimeRange reports whether seconds is within about a million years of
// 1970, which keeps every later date computation far from overflow.
func inTimeRange(seconds float64) bool {
	const limit = 31_556_952 * 1_000_000 // about a million years
	return seconds > -limit && seconds < limit
}

// FormatTime formats t as RFC 3339 in UTC with only the fractional digits
// it needs, such as 2023-11-14T22:13:20.5Z.
func FormatTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}

// FormatRelative describes at against now, such as "in 4m 12s",
// "3h ago" or "now".
func FormatRelative(at, now time.Time) string {
	d := at.Sub(now)
	switch {
	case d > -time.Second && d < time.Second:
		return "now"
	case d >= 365*24*time.Hour:
		return "in " + calendarSpan(now, at)
	case d <= -365*24*time.Hour:
		return calendarSpan(at, now) + " ago"
	case d > 0:
		return "in " + FormatDuration(d)
	default:
		return FormatDuration(-d) + " ago"
	}
}

// calendarSpan writes the time from one instant to a later one in
// calendar years and days, such as "56y" or "7y 348d". Counting calendar
// years keeps leap days out of the result, and it also works past the
// 292 years a time.Duration can hold.
func calendarSpan(from, to time.Time) string {
	years := to.Year() - from.Year()
	if from.AddDate(years, 0, 0).After(to) {
		years--
	}
	days := int(to.Sub(from.AddDate(years, 0, 0)) / (24 * time.Hour))
	if days == 0 || years >= 100 {
		return fmt.Sprintf("%dy", years)
	}
	return fmt.Sprintf("%dy %dd", years, days)
}

// relativeFor phrases at against now for a time claim, such as "expires
// in 4m 12s", "expired 3h ago" or "issued 2d ago".
func relativeFor(claim string, at, now time.Time) string {
	rel := FormatRelative(at, now)
	future := at.After(now)
	switch claim {
	case "exp":
		return pick(future, "expires "+rel, "expired "+rel)
	case "nbf":
		return pick(future, "valid from "+rel, "valid since "+rel)
	case "iat":
		return pick(future, "issued "+rel+" (in the future)", "issued "+rel)
	case "auth_time":
		return "authenticated " + rel
	}
	return rel
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

// FormatDuration writes d in its two largest units, such as "4m 12s",
// "3h", "2d 5h" or "7982y". A duration under a second is "0s".
func FormatDuration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	units := []struct {
		size   time.Duration
		suffix string
	}{
		{365 * 24 * time.Hour, "y"},
		{24 * time.Hour, "d"},
		{time.Hour, "h"},
		{time.Minute, "m"},
		{time.Second, "s"},
	}
	for i, u := range units {
		if d < u.size {
			continue
		}
		first := d / u.size
		text := fmt.Sprintf("%d%s", first, u.suffix)
		if i+1 < len(units) && first < 100 {
			if second := (d % u.size) / units[i+1].size; second > 0 {
				text += fmt.Sprintf(" %d%s", second, units[i+1].suffix)
			}
		}
		return text
	}
	return "0s"
}
