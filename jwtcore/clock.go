package jwtcore

import "time"

// Clock returns the current time. Every check of whether a token is
// expired takes a Clock (or a time) from its caller, so tests and the
// simulated lifecycle can control time.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns time.Now().
func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock is a clock that is stopped at one instant.
type FixedClock time.Time

// Now returns the fixed instant.
func (c FixedClock) Now() time.Time { return time.Time(c) }
