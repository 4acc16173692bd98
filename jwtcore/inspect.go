package jwtcore

import "slices"

// Inspect decodes input, explains and lints the token at opts.Now, and
// verifies it when opts.Verify is set (its Now defaults to opts.Now).
// The Report holds the token as far as it decoded, even when Err is set.
func Inspect(input string, opts InspectOptions) Report {
	t, err := Decode(input)
	r := Report{Token: t, Err: err}
	if t != nil {
		r.Explanation = Explain(t, opts.Now)
		r.Findings = append(slices.Clone(t.Findings), Lint(t, opts.Now)...)
	}
	if opts.Verify == nil {
		return r
	}
	if t == nil {
		r.Verify = &Result{Status: StatusInvalid, Checks: []Check{{
			Group: GroupSignature, Name: "decode", OK: false,
			Message: "there is no token to verify: " + err.Error(),
		}}}
		return r
	}
	verifyOpts := *opts.Verify
	if verifyOpts.Now.IsZero() {
		verifyOpts.Now = opts.Now
	}
	result := Verify(t, verifyOpts)
	r.Verify = &result
	return r
}
