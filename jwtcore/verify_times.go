package jwtcore

import (
	"bytes"
	"math"
	"strconv"
	"time"
)

// The time checks pass a claim that is on the wrong side of the check
// time by no more than the leeway, and their messages then state which
// side it is on and that the leeway let it pass. They build each message in
// one reused buffer with strconv appends, because Verify builds them on
// every call.

func (c *claimsChecker) checkExpiry() {
	exp, present, ok := c.numericDate("exp")
	switch {
	case !present:
		c.add(CheckExpiry, true, "there is no exp claim, so the token never "+
			"expires")
	case !ok:
	case c.now < exp:
		message := c.startMessage("token expires at ", exp)
		c.addMessage(CheckExpiry, true, appendMillisecondHint(message, exp))
	case c.now < exp+c.leeway:
		message := c.appendNow(c.startMessage("token expired at ", exp))
		message = c.appendLeeway(append(message, ", within the "...))
		c.addMessage(CheckExpiry, true, appendMillisecondHint(message, exp))
	default:
		message := c.appendNow(c.startMessage("token expired at ", exp))
		message = c.appendBeyondLeeway(message)
		c.addMessage(CheckExpiry, false, appendMillisecondHint(message, exp))
	}
}

func (c *claimsChecker) checkNotBefore() {
	nbf, present, ok := c.numericDate("nbf")
	switch {
	case !present || !ok:
	case nbf <= c.now:
		message := append(c.scratch[:0], "token is valid since "...)
		message = appendNumericDate(message, nbf)
		message = c.appendOffset(append(message, " (nbf), "...), nbf)
		c.addMessage(CheckNotBefore, true, message)
	case nbf <= c.now+c.leeway:
		message := c.appendNow(c.startMessage("token is not valid before ", nbf))
		message = c.appendLeeway(append(message, ", within the "...))
		c.addMessage(CheckNotBefore, true, message)
	default:
		message := c.appendNow(c.startMessage("token is not valid before ", nbf))
		c.addMessage(CheckNotBefore, false, c.appendBeyondLeeway(message))
	}
}

func (c *claimsChecker) checkIssuedAt() {
	iat, present, ok := c.numericDate("iat")
	switch {
	case !present || !ok:
	case iat <= c.now:
		c.addMessage(CheckIssuedAt, true, c.startMessage("token was issued at ", iat))
	case iat <= c.now+c.leeway:
		message := c.appendNow(c.startMessage("token was issued at ", iat))
		message = append(message, ", in the future but within the "...)
		c.addMessage(CheckIssuedAt, true, c.appendLeeway(message))
	default:
		message := append(c.scratch[:0], "token was issued at "...)
		message = appendNumericDate(message, iat)
		message = c.appendNow(c.appendOffset(append(message, ", which is "...), iat))
		message = append(message, ", so it is in the future"...)
		c.addMessage(CheckIssuedAt, false, c.appendBeyondLeeway(message))
	}
}

// startMessage starts a message in the scratch buffer with prefix, the
// date of seconds and its offset from the check time, as in "token
// expires at 2026-01-02 03:04:05 UTC, 10 seconds after the check time".
func (c *claimsChecker) startMessage(prefix string, seconds float64) []byte {
	message := append(c.scratch[:0], prefix...)
	message = appendNumericDate(message, seconds)
	return c.appendOffset(append(message, ", "...), seconds)
}

// addMessage adds a check with the text of message and keeps its buffer
// for the next message.
func (c *claimsChecker) addMessage(name string, ok bool, message []byte) {
	c.scratch = message
	c.add(name, ok, string(message))
}

// appendOffset appends how far seconds lies from the check time and on
// which side, such as "10 seconds before the check time".
func (c *claimsChecker) appendOffset(dst []byte, seconds float64) []byte {
	switch {
	case seconds < c.now:
		return append(appendSpan(dst, c.now-seconds), " before the check time"...)
	case seconds > c.now:
		return append(appendSpan(dst, seconds-c.now), " after the check time"...)
	}
	return append(dst, "at the check time"...)
}

// appendNow appends a space and the check time in whole seconds.
func (c *claimsChecker) appendNow(dst []byte) []byte {
	return appendDate(append(dst, ' '), c.nowUTC, false)
}

// appendLeeway appends the leeway as "leeway of 60 seconds".
func (c *claimsChecker) appendLeeway(dst []byte) []byte {
	dst = append(dst, "leeway of "...)
	if c.leeway == math.Trunc(c.leeway) {
		return appendPlural(dst, int64(c.leeway), "second")
	}
	return append(dst, time.Duration(c.leeway*1e9).String()...)
}

// appendBeyondLeeway appends ", beyond the leeway of 60 seconds", or
// nothing when there is no leeway.
func (c *claimsChecker) appendBeyondLeeway(dst []byte) []byte {
	if c.leeway == 0 {
		return dst
	}
	return c.appendLeeway(append(dst, ", beyond the "...))
}

// appendMillisecondHint explains a NumericDate that is probably in
// milliseconds, and appends nothing for any other.
func appendMillisecondHint(dst []byte, seconds float64) []byte {
	if math.Abs(seconds) < millisecondThreshold {
		return dst
	}
	dst = append(dst, "; the value looks like milliseconds ("...)
	dst = appendNumericDate(dst, seconds/1000)
	return append(dst, " if read as such), but a NumericDate counts seconds"...)
}

// Bounds of the times appendNumericDate prints as dates (years 1 to 9999).
const (
	minDateSeconds = -62135596800
	maxDateSeconds = 253402300799
)

// appendNumericDate appends seconds since the Unix epoch as a UTC date,
// with the fraction when there is one.
func appendNumericDate(dst []byte, seconds float64) []byte {
	if seconds < minDateSeconds || seconds > maxDateSeconds {
		dst = strconv.AppendFloat(dst, seconds, 'g', -1, 64)
		return append(dst, " seconds from 1970-01-01 UTC (outside the years 1 to 9999)"...)
	}
	whole := math.Floor(seconds)
	nanos := math.Round((seconds - whole) * 1e9)
	return appendDate(dst, time.Unix(int64(whole), int64(nanos)), true)
}

// appendDate appends t in UTC as "2006-01-02 15:04:05 UTC", with the
// fraction of a second, without trailing zeros, when fraction is set and
// t has one. It writes the digits itself, because time.Format parses its
// layout on every call.
func appendDate(dst []byte, t time.Time, fraction bool) []byte {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.AppendFormat(dst, "2006-01-02 15:04:05.999999999 UTC")
	}
	hour, minute, second := t.Clock()
	dst = appendDigits(dst, year, 4)
	dst = append(dst, '-')
	dst = appendDigits(dst, int(month), 2)
	dst = append(dst, '-')
	dst = appendDigits(dst, day, 2)
	dst = append(dst, ' ')
	dst = appendDigits(dst, hour, 2)
	dst = append(dst, ':')
	dst = appendDigits(dst, minute, 2)
	dst = append(dst, ':')
	dst = appendDigits(dst, second, 2)
	if nanos := t.Nanosecond(); fraction && nanos != 0 {
		var buf [9]byte
		digits := appendDigits(buf[:0], nanos, 9)
		dst = append(dst, '.')
		dst = append(dst, bytes.TrimRight(digits, "0")...)
	}
	return append(dst, " UTC"...)
}

// appendDigits appends the non-negative n with at least width digits,
// padded with leading zeros.
func appendDigits(dst []byte, n, width int) []byte {
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], int64(n), 10)
	for range width - len(digits) {
		dst = append(dst, '0')
	}
	return append(dst, digits...)
}

// spanUnits are the units describeSpan uses, largest first.
var spanUnits = [...]struct {
	name    string
	seconds float64
}{
	{"year", 365.25 * 86400},
	{"month", 30.44 * 86400},
	{"day", 86400},
	{"hour", 3600},
	{"minute", 60},
}

// describeSpan writes a non-negative number of seconds in the largest
// fitting unit, such as "15 years" or "3 hours".
func describeSpan(seconds float64) string {
	return string(appendSpan(nil, seconds))
}

func appendSpan(dst []byte, seconds float64) []byte {
	seconds = math.Abs(seconds)
	for _, unit := range spanUnits {
		if count := math.Floor(seconds / unit.seconds); count >= 2 ||
			(count >= 1 && unit.name != "month" && unit.name != "year") {
			return appendCount(dst, count, unit.name)
		}
	}
	return appendCount(dst, math.Floor(seconds), "second")
}

// appendCount appends a whole count that may exceed int64, as the span
// between two far-apart NumericDates does.
func appendCount(dst []byte, count float64, unit string) []byte {
	if count < math.MaxInt64 {
		return appendPlural(dst, int64(count), unit)
	}
	dst = strconv.AppendFloat(dst, count, 'g', 3, 64)
	return append(append(append(dst, ' '), unit...), 's')
}

// pluralize writes a count with its unit, in the plural unless the count
// is 1, such as "1 byte" or "3 bytes".
func pluralize(count float64, unit string) string {
	if count == 1 {
		return "1 " + unit
	}
	return strconv.FormatFloat(count, 'f', 0, 64) + " " + unit + "s"
}

// pluralCount writes n with its unit, in the plural unless n is 1, such
// as "1 byte" or "3 bytes".
func pluralCount(n int, unit string) string {
	return string(appendPlural(nil, int64(n), unit))
}

func appendPlural(dst []byte, count int64, unit string) []byte {
	dst = strconv.AppendInt(dst, count, 10)
	dst = append(dst, ' ')
	dst = append(dst, unit...)
	if count != 1 {
		dst = append(dst, 's')
	}
	return dst
}
