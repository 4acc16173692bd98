package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jwtlab/jwtlab/jwtcore"
)

// batchTokens is the size of the batch in BenchmarkDecodeJSONBatch.
const batchTokens = 100_000

// benchSecret signs the generated tokens; it is a throwaway test value.
var benchSecret = []byte("bench-secret-of-thirty-two-bytes!")

// makeTokenBatch returns n HS256 tokens, one per line, whose claims vary
// in count, type and length from token to token.
func makeTokenBatch(tb testing.TB, n int) []byte {
	tb.Helper()
	issued := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	for i := range n {
		claims := jwt.MapClaims{
			"sub": fmt.Sprintf("user-%d", i),
			"iat": issued.Unix() + int64(i),
			"exp": issued.Unix() + int64(i) + int64(60*(1+i%120)),
		}
		if i%3 == 0 {
			claims["aud"] = []string{"api", fmt.Sprintf("svc-%d", i%7)}
		}
		if i%5 == 0 {
			claims["scope"] = "read write admin"[:4+i%12]
			claims["user_id"] = 100002348117421473 + int64(i)
		}
		token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(benchSecret)
		if err != nil {
			tb.Fatal(err)
		}
		buf.WriteString(token)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// BenchmarkDecodeJSONBatch measures "jwtlab decode --json" over stdin with
// 100,000 tokens, through run with in-memory stdio, and reports tokens per
// second.
func BenchmarkDecodeJSONBatch(b *testing.B) {
	input := makeTokenBatch(b, batchTokens)
	clock := jwtcore.FixedClock(time.Date(2026, 1, 1, 0, 30, 0, 0, time.UTC))
	b.SetBytes(int64(len(input)))
	b.ResetTimer()
	for b.Loop() {
		std := stdio{
			in:     bytes.NewReader(input),
			out:    io.Discard,
			err:    io.Discard,
			clock:  clock,
			getenv: func(string) string { return "" },
		}
		if status := run([]string{"decode", "--json"}, std); status != exitOK {
			b.Fatalf("exit status %d", status)
		}
	}
	b.ReportMetric(float64(batchTokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkGolangJWTBatch is the baseline for BenchmarkDecodeJSONBatch:
// the same 100,000 lines through golang-jwt's ParseUnverified, each header
// and claims set written back as one JSON line. It does none of jwtlab's
// clean-up, explaining or linting, so it is the floor a batch decoder
// built on golang-jwt alone would reach.
func BenchmarkGolangJWTBatch(b *testing.B) {
	input := makeTokenBatch(b, batchTokens)
	parser := jwt.NewParser()
	b.SetBytes(int64(len(input)))
	b.ResetTimer()
	for b.Loop() {
		out := bufio.NewWriter(io.Discard)
		encoder := json.NewEncoder(out)
		lines := bufio.NewScanner(bytes.NewReader(input))
		for lines.Scan() {
			token, _, err := parser.ParseUnverified(lines.Text(), jwt.MapClaims{})
			if err != nil {
				b.Fatal(err)
			}
			record := map[string]any{"header": token.Header, "payload": token.Claims}
			if err := encoder.Encode(record); err != nil {
				b.Fatal(err)
			}
		}
		if err := out.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(batchTokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestDecodeJSONBatchLines checks the benchmark's input and output on a
// small batch: one JSON line per token and exit status 0.
func TestDecodeJSONBatchLines(t *testing.T) {
	input := makeTokenBatch(t, 50)
	var out, errOut bytes.Buffer
	std := stdio{
		in:     bytes.NewReader(input),
		out:    &out,
		err:    &errOut,
		clock:  jwtcore.FixedClock(time.Date(2026, 1, 1, 0, 30, 0, 0, time.UTC)),
		getenv: func(string) string { return "" },
	}
	if status := run([]string{"decode", "--json"}, std); status != exitOK {
		t.Fatalf("exit status %d, stderr %s", status, errOut.String())
	}
	if got := bytes.Count(out.Bytes(), []byte("\n")); got != 50 {
		t.Errorf("output has %d lines, want 50", got)
	}
	if got := bytes.Count(out.Bytes(), []byte(`"error"`)); got != 0 {
		t.Errorf("output has %d error objects, want 0", got)
	}
}
