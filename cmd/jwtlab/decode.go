package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/jwtlab/jwtlab/jwtcore"
	"github.com/spf13/cobra"
)

// outputBufferBytes is the size of the buffer in front of stdout, so a
// batch of many tokens is not one write system call per line.
const outputBufferBytes = 64 << 10

func newDecodeCmd(std stdio) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "decode [TOKEN | -]",
		Short: "Decode and explain a token without checking its signature",
		Long: "Decode a compact JWS or JWE and explain its header, payload and claims.\n" +
			"The signature is NOT checked; use 'jwtlab verify' for that.\n\n" +
			"The token is the argument, or standard input when the argument is '-'\n" +
			"or missing. Pasted clutter such as 'Bearer ', quotes, whitespace and\n" +
			"line breaks is removed, and the output says what was removed.\n" +
			"Standard input may hold many tokens, one per line; each gives one\n" +
			"result line.\n\n" +
			"Exit status: 0 when every token decoded, 1 when any did not, 2 for a\n" +
			"usage error.",
		Example: "  jwtlab decode eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\n" +
			"  pbpaste | jwtlab decode\n" +
			"  jwtlab decode --json - < tokens.txt",
		Args: atMostOneToken,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDecode(std, args, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false,
		"print one JSON object per token, one per line (JSON Lines)")
	return cmd
}

func runDecode(std stdio, args []string, asJSON bool) error {
	now := std.clock.Now()
	return runTokens(std, args, asJSON, tokenCommand{
		inspect: func(text string) jwtcore.Report {
			return jwtcore.Inspect(text, jwtcore.InspectOptions{Now: now})
		},
		ok: func(r jwtcore.Report) bool { return r.Err == nil },
		printFull: func(p humanPrinter, r jwtcore.Report) {
			p.printDecoded(r)
			p.printNotChecked(r)
		},
		printLine: humanPrinter.printDecodedSummary,
	})
}

// tokenCommand is the per-token behaviour of decode or verify.
type tokenCommand struct {
	inspect func(text string) jwtcore.Report
	// ok reports whether the token counts as a success for the exit status.
	ok        func(jwtcore.Report) bool
	printFull func(humanPrinter, jwtcore.Report)
	// printLine writes the one-line result for a token of a batch.
	printLine func(p humanPrinter, line int, r jwtcore.Report)
}

// runTokens runs c on every token of the command line and prints each
// result as JSON, as a full human report, or as one line in a batch.
func runTokens(std stdio, args []string, asJSON bool, c tokenCommand) error {
	out := bufio.NewWriterSize(std.out, outputBufferBytes)
	printer := humanPrinter{w: out, st: newStyles(std.out, std.getenv)}
	failed := false

	in := flushBeforeRead{in: std.in, out: out}
	err := readTokens(args, in, isTerminal(std.in), func(rec tokenRecord) error {
		report := jwtcore.Report{Err: rec.err}
		if rec.err == nil {
			report = c.inspect(rec.text)
		}
		if !c.ok(report) {
			failed = true
		}
		switch {
		case asJSON:
			writeJSONReport(out, report, rec)
		case rec.batch:
			c.printLine(printer, rec.line, report)
		default:
			c.printFull(printer, report)
		}
		return nil
	})
	return finish(out, err, failed)
}

// flushBeforeRead flushes out before each read from in. Output of a batch
// then appears before jwtlab waits for more input, as in 'tail -f log |
// jwtlab decode', while a large file still gets one write per chunk read.
type flushBeforeRead struct {
	in  io.Reader
	out *bufio.Writer
}

func (f flushBeforeRead) Read(p []byte) (int, error) {
	if f.out.Buffered() > 0 {
		// A failed flush is sticky in out and reported by finish.
		_ = f.out.Flush()
	}
	return f.in.Read(p)
}

// finish flushes out and turns the outcome into the command's error.
func finish(out *bufio.Writer, err error, failed bool) error {
	if flushErr := out.Flush(); flushErr != nil && err == nil {
		err = inputErrorf(nil, "writing the output failed: %v", flushErr)
	}
	if err != nil {
		return err
	}
	if failed {
		return &statusError{status: exitInvalid}
	}
	return nil
}

// writeJSONReport writes the report as one line of JSON. The report keeps
// header and payload as received, and some payloads contain CR LF between
// members (RFC 7519's example does). Such output is compacted with
// json.Compact, which removes only whitespace between JSON tokens and
// keeps member order, number literals and strings byte for byte. A report
// that cannot be encoded becomes an object with an error, so a batch goes
// on. In a batch the object starts with "line", the stdin line number where
// the token starts, because blank lines are skipped and a wrapped token
// spans several lines.
func writeJSONReport(w io.Writer, report jwtcore.Report, rec tokenRecord) {
	data, err := report.MarshalJSON()
	if err == nil && bytes.ContainsAny(data, "\r\n") {
		var compact bytes.Buffer
		if err = json.Compact(&compact, data); err == nil {
			data = compact.Bytes()
		}
	}
	if err != nil {
		data, _ = json.Marshal(map[string]any{
			"error": map[string]string{"message": "encoding the report failed: " + err.Error()},
		})
	}
	data = escapeUnsafeJSON(data)
	if rec.batch && len(data) > 2 && data[0] == '{' {
		_, _ = fmt.Fprintf(w, `{"line":%d,`, rec.line)
		data = data[1:]
	}
	_, _ = w.Write(data)
	_, _ = io.WriteString(w, "\n")
}

// printDecodedSummary writes one line for a token of a batch.
func (p humanPrinter) printDecodedSummary(line int, r jwtcore.Report) {
	prefix := p.st.faint(fmt.Sprintf("line %d:", line))
	if r.Err != nil {
		printf(p.w, "%s %s %s\n", prefix, p.st.bad("✘ not decoded:"), safe(r.Err.Error()))
		return
	}
	notChecked := p.st.faint(" · signature not checked")
	printf(p.w, "%s %s %s%s\n", prefix, p.st.good("✔ decoded"), p.summarize(r), notChecked)
}

// summarize describes a token in one line: form, alg, sub, exp and the
// number of warnings.
func (p humanPrinter) summarize(r jwtcore.Report) string {
	t := r.Token
	text := formName(t.Form)
	if alg := t.Alg(); alg != "" {
		text += " " + safe(alg)
	}
	for _, c := range r.Explanation.Claims {
		switch {
		case c.Name == "sub":
			text += " · sub " + shorten(safe(string(c.Value)), 40)
		case c.Name == "exp" && c.Time != nil && c.Time.OK:
			text += " · exp " + c.Time.At.UTC().Format("2006-01-02T15:04:05Z") + " (" + c.Time.Relative + ")"
		}
	}
	switch n := len(tokenWarnings(r)); n {
	case 0:
	case 1:
		text += p.st.warn(" · 1 warning")
	default:
		text += p.st.warn(fmt.Sprintf(" · %d warnings", n))
	}
	return text
}
