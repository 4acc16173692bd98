package main

import (
	"fmt"
	"strings"

	"github.com/jwtlab/jwtlab/jwtcore"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// verifyFlags are the options of jwtlab verify.
type verifyFlags struct {
	keys        keyFlags
	algs        []string
	issuer      string
	audience    string
	leeway      durationValue
	at          timeValue
	payloadFile string
	asJSON      bool
}

func newVerifyCmd(std stdio) *cobra.Command {
	var f verifyFlags
	cmd := &cobra.Command{
		Use:   "verify [TOKEN | -] (--secret S | --secret-base64 S | --secret-file FILE | --key FILE)",
		Short: "Check a token's signature and claims with a key you give",
		Long: "Verify the signature of a compact JWS with exactly one key, then check\n" +
			"its claims: exp, nbf and iat against the clock (or --at) with --leeway,\n" +
			"and iss and aud when --iss and --aud are given. The algorithm is pinned\n" +
			"to the key type, alg none is never reported as verified, and the token\n" +
			"is never re-signed.\n\n" +
			"The token is the argument, or standard input when the argument is '-'\n" +
			"or missing; standard input may hold many tokens, one per line.\n\n" +
			"Exit status: 0 when the signature and the claims are valid, 1 when a\n" +
			"token is invalid, 2 for a usage error or unreadable input or keys.",
		Example: "  jwtlab verify --secret 'your-256-bit-secret' TOKEN\n" +
			"  jwtlab verify --key public.pem --alg RS256 --iss https://issuer.example TOKEN\n" +
			"  jwtlab verify --key jwks.json --at 2020-02-15T00:00:00Z --json - < tokens.txt",
		Args: atMostOneToken,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := f.options(cmd)
			if err != nil {
				return err
			}
			return runVerify(std, args, opts, f.asJSON)
		},
	}
	f.register(cmd.Flags())
	return cmd
}

// register defines the flags of verify on flags.
func (f *verifyFlags) register(flags *pflag.FlagSet) {
	f.keys.register(flags)
	flags.StringSliceVar(&f.algs, "alg", nil,
		"accept only these alg values (repeat the flag or give a comma-separated list); "+
			"default: any alg that fits the key type")
	flags.StringVar(&f.issuer, "iss", "", "require the iss claim to equal this issuer")
	flags.StringVar(&f.audience, "aud", "", "require the aud claim to equal or contain this audience")
	flags.Var(&f.leeway, "leeway",
		"allowed clock skew for exp, nbf and iat, such as 30s, 2m, 1h or 7d (d is 24 hours)")
	flags.Var(&f.at, "at",
		"check time claims at this moment instead of now: RFC 3339 (2020-02-15T00:00:00Z) or Unix seconds")
	flags.StringVar(&f.payloadFile, "payload-file", "",
		"read the content of a detached payload (empty middle segment) from `FILE`, byte for byte")
	flags.BoolVar(&f.asJSON, "json", false,
		"print one JSON object per token, one per line: the decode output plus signature_valid, valid and checks")
}

// options turns the flags into verification options.
func (f *verifyFlags) options(cmd *cobra.Command) (jwtcore.VerifyOptions, error) {
	keys, err := f.keys.load(cmd.Flags())
	if err != nil {
		return jwtcore.VerifyOptions{}, err
	}
	algs, err := checkAlgorithms(f.algs)
	if err != nil {
		return jwtcore.VerifyOptions{}, err
	}
	if f.leeway.d < 0 {
		return jwtcore.VerifyOptions{}, usageErrorf([]string{helpHint("jwtlab verify")},
			"invalid --leeway %s: the leeway cannot be negative", f.leeway.d)
	}
	opts := jwtcore.VerifyOptions{
		Keys:       keys,
		Algorithms: algs,
		Issuer:     f.issuer,
		Audience:   f.audience,
		Leeway:     f.leeway.d,
	}
	if f.at.set {
		opts.Now = f.at.at
	}
	if f.payloadFile != "" {
		opts.DetachedPayload, err = readLimitedFile(f.payloadFile, "--payload-file")
	}
	return opts, err
}

func runVerify(std stdio, args []string, opts jwtcore.VerifyOptions, asJSON bool) error {
	if opts.Now.IsZero() {
		opts.Now = std.clock.Now()
	}
	return runTokens(std, args, asJSON, tokenCommand{
		inspect: func(text string) jwtcore.Report {
			verifyOpts := opts
			return jwtcore.Inspect(text, jwtcore.InspectOptions{Now: opts.Now, Verify: &verifyOpts})
		},
		ok: reportValid,
		printFull: func(p humanPrinter, r jwtcore.Report) {
			p.printDecoded(r)
			p.printVerified(r)
		},
		printLine: humanPrinter.printVerifiedSummary,
	})
}

// reportValid reports whether the token decoded and both its signature
// and its claims are valid.
func reportValid(r jwtcore.Report) bool {
	return r.Err == nil && r.Verify != nil && r.Verify.Valid()
}

// badge names the signature verdict.
func (p humanPrinter) badge(status jwtcore.Status) string {
	switch status {
	case jwtcore.StatusVerified:
		return p.st.good("✔ verified")
	case jwtcore.StatusInvalid:
		return p.st.bad("✘ invalid signature")
	case jwtcore.StatusUnsigned:
		return p.st.bad("✘ unsigned (alg none)")
	case jwtcore.StatusUnsupported:
		return p.st.warn("? unsupported")
	case jwtcore.StatusRejected:
		return p.st.bad("✘ rejected")
	default:
		return p.st.warn("? not checked")
	}
}

// verdict names the signature verdict. A rejected token also gives the
// message of its first failed signature check as the reason.
func (p humanPrinter) verdict(result jwtcore.Result) string {
	if result.Status != jwtcore.StatusRejected {
		return p.badge(result.Status)
	}
	for _, c := range result.Checks {
		if c.Group == jwtcore.GroupSignature && !c.OK {
			return p.st.bad("✘ rejected: " + safe(c.Message))
		}
	}
	return p.badge(result.Status)
}

// claimsVerdict names the claims verdict, or reports that the claims were not
// checked, as for a payload that is not a JSON object.
func (p humanPrinter) claimsVerdict(result jwtcore.Result) string {
	switch {
	case !result.ClaimsChecked():
		return p.st.warn("? claims not checked")
	case !result.ClaimsValid():
		return p.st.bad("✘ claims invalid")
	}
	return p.st.good("✔ claims valid")
}

// printVerified writes the verdicts, every check and the findings about
// the key.
func (p humanPrinter) printVerified(r jwtcore.Report) {
	result := r.Verify
	if result == nil {
		printf(p.w, "\n%s %s\n", p.st.heading("Verify"), p.badge(jwtcore.StatusNotChecked))
		return
	}
	printf(p.w, "\n%s  %s   %s\n", p.st.heading("Verify"), p.verdict(*result), p.claimsVerdict(*result))
	if result.Key != "" {
		printf(p.w, "  %s %s\n", p.st.faint("key:"), safe(result.Key))
	}
	for _, c := range result.Checks {
		mark := p.st.good("✔")
		if !c.OK {
			mark = p.st.bad("✘")
		}
		printf(p.w, "  %s %s %s\n", mark, p.st.name(safe(c.Name)+":"), safe(c.Message))
	}
	p.printFindings("Key and verification notes", result.Findings)
}

// printVerifiedSummary writes one line for a token of a batch.
func (p humanPrinter) printVerifiedSummary(line int, r jwtcore.Report) {
	prefix := p.st.faint(fmt.Sprintf("line %d:", line))
	if r.Err != nil {
		printf(p.w, "%s %s %s\n", prefix, p.st.bad("✘ not decoded:"), safe(r.Err.Error()))
		return
	}
	if r.Verify == nil {
		printf(p.w, "%s %s\n", prefix, p.badge(jwtcore.StatusNotChecked))
		return
	}
	verdict := p.verdict(*r.Verify)
	for _, c := range r.Verify.Checks {
		// The verdict of a rejected token already quotes one failed check.
		if !c.OK && !strings.Contains(verdict, safe(c.Message)) {
			verdict += " · " + p.st.bad("✘ "+safe(c.Name)+":") + " " + safe(c.Message)
		}
	}
	printf(p.w, "%s %s %s\n", prefix, verdict, p.st.faint("· "+p.summarize(r)))
}
