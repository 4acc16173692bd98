package jwtcore

import (
	"strings"
	"testing"
	"time"
)

func TestTimeClaimDirections(t *testing.T) {
	// The check time is 2023-11-14 22:13:30 UTC.
	now := time.Unix(1700000010, 0).UTC()
	const at = " the check time 2023-11-14 22:13:30 UTC"
	tests := map[string]struct {
		claim   string
		value   string
		leeway  time.Duration
		ok      bool
		message string
	}{
		"exp ahead": {"exp", "1700000020", 0, true,
			"token expires at 2023-11-14 22:13:40 UTC, 10 seconds after the check time"},
		"exp ahead with leeway": {"exp", "1700000020", time.Minute, true,
			"token expires at 2023-11-14 22:13:40 UTC, 10 seconds after the check time"},
		"exp passed within leeway": {"exp", "1700000000", time.Minute, true,
			"token expired at 2023-11-14 22:13:20 UTC, 10 seconds before" + at +
				", within the leeway of 60 seconds"},
		"exp at check time within leeway": {"exp", "1700000010", time.Minute, true,
			"token expired at 2023-11-14 22:13:30 UTC, at" + at + ", within the leeway of 60 seconds"},
		"exp passed beyond leeway": {"exp", "1700000000", 5 * time.Second, false,
			"token expired at 2023-11-14 22:13:20 UTC, 10 seconds before" + at +
				", beyond the leeway of 5 seconds"},
		"exp passed no leeway": {"exp", "1700000000", 0, false,
			"token expired at 2023-11-14 22:13:20 UTC, 10 seconds before" + at},
		"nbf passed": {"nbf", "1700000000", 0, true,
			"token is valid since 2023-11-14 22:13:20 UTC (nbf), 10 seconds before the check time"},
		"nbf at check time": {"nbf", "1700000010", 0, true,
			"token is valid since 2023-11-14 22:13:30 UTC (nbf), at the check time"},
		"nbf ahead within leeway": {"nbf", "1700000050", time.Minute, true,
			"token is not valid before 2023-11-14 22:14:10 UTC, 40 seconds after" + at +
				", within the leeway of 60 seconds"},
		"nbf ahead beyond leeway": {"nbf", "1700000050", 30 * time.Second, false,
			"token is not valid before 2023-11-14 22:14:10 UTC, 40 seconds after" + at +
				", beyond the leeway of 30 seconds"},
		"nbf ahead no leeway": {"nbf", "1700000050", 0, false,
			"token is not valid before 2023-11-14 22:14:10 UTC, 40 seconds after" + at},
		"iat passed": {"iat", "1700000000", 0, true,
			"token was issued at 2023-11-14 22:13:20 UTC, 10 seconds before the check time"},
		"iat ahead within leeway": {"iat", "1700000040", time.Minute, true,
			"token was issued at 2023-11-14 22:14:00 UTC, 30 seconds after" + at +
				", in the future but within the leeway of 60 seconds"},
		"iat ahead beyond leeway": {"iat", "1700000040", 10 * time.Second, false,
			"token was issued at 2023-11-14 22:14:00 UTC, which is 30 seconds after" + at +
				", so it is in the future, beyond the leeway of 10 seconds"},
		"iat ahead no leeway": {"iat", "1700000040", 0, false,
			"token was issued at 2023-11-14 22:14:00 UTC, which is 30 seconds after" + at +
				", so it is in the future"},
		"fractional leeway": {"exp", "1700000009", 1500 * time.Millisecond, true,
			"within the leeway of 1.5s"},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			result := Result{Checks: checkClaims(claimsToken(test.claim, test.value),
				VerifyOptions{Now: now, Leeway: test.leeway})}
			check := findCheck(result, test.claim)
			if check == nil {
				t.Fatalf("no %s check in %+v", test.claim, result.Checks)
			}
			if check.OK != test.ok {
				t.Errorf("OK = %v, want %v", check.OK, test.ok)
			}
			if !strings.Contains(check.Message, test.message) {
				t.Errorf("message = %q, want it to contain %q", check.Message, test.message)
			}
		})
	}
}
