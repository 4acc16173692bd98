package jwtcore

import (
	"math"
	"time"
)

// Explain describes every header parameter and claim of t in token order,
// with NumericDate claims read as times relative to now. A nil or
// undecoded token gives an empty Explanation.
func Explain(t *Token, now time.Time) Explanation {
	var e Explanation
	if t == nil {
		return e
	}
	for _, m := range t.Header.Members {
		e.Header = append(e.Header, newField(m, describeHeader(m.Name)))
	}
	if t.Payload.Object == nil {
		return e
	}
	for _, m := range t.Payload.Object.Members {
		field := newField(m, describeClaim(m.Name))
		if isTimeClaim(m.Name) {
			field.Time = explainTime(m.Name, m.Value, now)
		}
		e.Claims = append(e.Claims, field)
	}
	e.Lifetime, e.HasLifetime = lifetime(t.Payload.Object)
	return e
}

func newField(m Member, info nameInfo) Field {
	return Field{Name: m.Name, Value: m.Value, Category: info.category, Description: info.description}
}

func explainTime(name string, raw []byte, now time.Time) *TimeValue {
	tv := parseNumericDate(raw)
	if tv.OK {
		tv.Relative = relativeFor(name, tv.At, now)
	}
	return &tv
}

// lifetime returns exp - iat when both are readable NumericDates.
// NOTE: time.Duration holds about 292 years, so a longer lifetime is
// clamped to the largest Duration; lifetimeSeconds has the exact value.
func lifetime(payload *Object) (time.Duration, bool) {
	seconds, ok := lifetimeSeconds(payload)
	if !ok {
		return 0, false
	}
	if math.Abs(seconds) >= float64(math.MaxInt64)/1e9 {
		return time.Duration(math.Copysign(math.MaxInt64, seconds)), true
	}
	return time.Duration(seconds * 1e9), true
}

// lifetimeSeconds returns exp - iat in seconds.
func lifetimeSeconds(payload *Object) (float64, bool) {
	exp, okExp := claimTime(payload, "exp")
	iat, okIat := claimTime(payload, "iat")
	if !okExp || !okIat {
		return 0, false
	}
	return float64(exp.Unix()-iat.Unix()) + float64(exp.Nanosecond()-iat.Nanosecond())/1e9, true
}

// claimTime returns the time of a NumericDate claim when it is readable.
func claimTime(payload *Object, name string) (time.Time, bool) {
	if payload == nil {
		return time.Time{}, false
	}
	raw, ok := payload.Get(name)
	if !ok {
		return time.Time{}, false
	}
	tv := parseNumericDate(raw)
	return tv.At, tv.OK
}
