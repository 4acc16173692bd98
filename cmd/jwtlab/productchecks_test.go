package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// The cases rebuilt from bug reports against other JWT tools carry
// "product_checks": command lines for jwtlab with the exit status and the
// output they expect (format in jwtcore/testdata/cases/README.md). This
// test runs every one through run, in process, and turns each written
// expectation into the assertions in productExpectations.

const bugCasesDir = "../../jwtcore/testdata/cases/bugs"

// productClock is the time the checks run at. Every token in the bug cases
// that expires does so before it.
var productClock = jwtcore.FixedClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))

// bugCase is the part of a case file that the product checks use.
type bugCase struct {
	Token         string                     `json:"token"`
	Key           map[string]json.RawMessage `json:"key"`
	Extra         map[string]json.RawMessage `json:"extra"`
	Expect        map[string]json.RawMessage `json:"expect"`
	ProductChecks []productCheck             `json:"product_checks"`
}

type productCheck struct {
	Run    string          `json:"run"`
	Exit   json.RawMessage `json:"exit"`
	Expect []string        `json:"expect"`
}

// checkResult is the outcome of one run.
type checkResult struct {
	status         int
	stdout, stderr string
	// object is the first line of stdout parsed as JSON, nil when it is
	// not JSON.
	object map[string]any
}

func TestProductChecksOfBugCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(bugCasesDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no bug cases in %s: %v", bugCasesDir, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		c := loadBugCase(t, file)
		var previous *checkResult
		for i, check := range c.ProductChecks {
			key := fmt.Sprintf("%s/%d", name, i)
			t.Run(key, func(t *testing.T) {
				args, stdin := productCommand(t, c, check.Run)
				result := runInProcess(args, stdin)
				t.Logf("run %q\nexit %d\nstdout %s\nstderr %s", check.Run, result.status, result.stdout, result.stderr)
				checkExit(t, check.Exit, result.status)
				checkNoSecretPrinted(t, c, result)
				assertions, ok := productExpectations[key]
				if !ok {
					t.Fatalf("no assertions written for %s: %q", key, check.Expect)
				}
				for _, assert := range assertions {
					assert(t, c, result, previous)
				}
				previous = &result
			})
		}
	}
}

func loadBugCase(t *testing.T, file string) bugCase {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var c bugCase
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return c
}

// runInProcess runs the command line through run with in-memory stdio.
func runInProcess(args []string, stdin string) checkResult {
	var stdout, stderr bytes.Buffer
	std := stdio{
		in:     strings.NewReader(stdin),
		out:    &stdout,
		err:    &stderr,
		clock:  productClock,
		getenv: func(string) string { return "" },
	}
	result := checkResult{status: run(args, std), stdout: stdout.String(), stderr: stderr.String()}
	firstLine, _, _ := strings.Cut(result.stdout, "\n")
	decoder := json.NewDecoder(strings.NewReader(firstLine))
	decoder.UseNumber()
	if err := decoder.Decode(&result.object); err != nil {
		result.object = nil
	}
	return result
}

var (
	noteRE       = regexp.MustCompile(`\s{2,}\((.*)\)\s*$`)
	fieldRefRE   = regexp.MustCompile(`\b(key|extra)\.([a-z0-9_]+)`)
	printfFileRE = regexp.MustCompile(`printf '([^']*)'`)
)

// productCommand turns a "run" line into arguments and stdin. TOKEN and
// SECRET are the case's token and key.secret. KEYFILE*, F and G name files
// whose content the note in brackets gives, as a field such as key.pem or
// extra.pem_spki, or as a printf format. Other names in capitals are the
// field the note names. "printf ... | jwtlab ..." pipes the token to stdin.
func productCommand(t *testing.T, c bugCase, line string) (args []string, stdin string) {
	t.Helper()
	note := ""
	if m := noteRE.FindStringSubmatchIndex(line); m != nil {
		note = line[m[2]:m[3]]
		line = line[:m[0]]
	}
	if before, after, piped := strings.Cut(line, "|"); piped {
		if !strings.Contains(before, "$TOKEN") {
			t.Fatalf("cannot read the piped input of %q", line)
		}
		stdin, line = c.Token, after
	}
	words := shellWords(line)
	if len(words) == 0 || words[0] != "jwtlab" {
		t.Fatalf("not a jwtlab command: %q", line)
	}
	for _, word := range words[1:] {
		args = append(args, resolvePlaceholder(t, c, word, note))
	}
	return args, stdin
}

// shellWords splits a command line at spaces, treating ” as an empty word.
func shellWords(line string) []string {
	var words []string
	for _, w := range strings.Fields(line) {
		if w == "''" {
			w = ""
		}
		words = append(words, w)
	}
	return words
}

func resolvePlaceholder(t *testing.T, c bugCase, word, note string) string {
	t.Helper()
	switch {
	case word == "TOKEN":
		return c.Token
	case word == "SECRET":
		return stringField(t, c.Key, "secret")
	case strings.HasPrefix(word, "KEYFILE") || word == "F" || word == "G":
		return writeTempFile(t, fileContent(t, c, note))
	case word != strings.ToUpper(word) || strings.HasPrefix(word, "-"):
		return word
	}
	m := fieldRefRE.FindStringSubmatch(note)
	if m == nil {
		return word
	}
	return stringField(t, fieldGroup(c, m[1]), m[2])
}

func fileContent(t *testing.T, c bugCase, note string) string {
	if m := printfFileRE.FindStringSubmatch(note); m != nil {
		return strings.ReplaceAll(m[1], `\n`, "\n")
	}
	m := fieldRefRE.FindStringSubmatch(note)
	if m == nil {
		t.Fatalf("the note %q names no file content", note)
	}
	return stringField(t, fieldGroup(c, m[1]), m[2])
}

func fieldGroup(c bugCase, group string) map[string]json.RawMessage {
	if group == "key" {
		return c.Key
	}
	return c.Extra
}

func stringField(t *testing.T, fields map[string]json.RawMessage, name string) string {
	t.Helper()
	var s string
	if err := json.Unmarshal(fields[name], &s); err != nil {
		t.Fatalf("field %s is not a string: %v", name, err)
	}
	return s
}

func writeTempFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "input")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkExit compares the status with "exit": a number, or a text that
// lists the acceptable numbers ("1 or 2", "0 if ...; otherwise 1 or 2").
func checkExit(t *testing.T, exit json.RawMessage, got int) {
	t.Helper()
	var allowed []int
	var text string
	if err := json.Unmarshal(exit, &text); err != nil {
		text = string(exit)
	}
	for _, digits := range regexp.MustCompile(`\b\d\b`).FindAllString(text, -1) {
		n, _ := strconv.Atoi(digits)
		allowed = append(allowed, n)
	}
	if !slices.Contains(allowed, got) {
		t.Errorf("exit status %d, want %s", got, text)
	}
}

// checkNoSecretPrinted asserts that the case's secret appears in no output.
func checkNoSecretPrinted(t *testing.T, c bugCase, r checkResult) {
	t.Helper()
	var secret string
	if json.Unmarshal(c.Key["secret"], &secret) != nil || len(secret) < 6 {
		return
	}
	if strings.Contains(r.stdout, secret) || strings.Contains(r.stderr, secret) {
		t.Errorf("the secret %q appears in the output", secret)
	}
}
