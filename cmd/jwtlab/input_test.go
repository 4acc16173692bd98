package main

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// Tokens for the splitter tests. Only their shape matters.
const (
	tokenA = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlQQ"
	tokenB = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiIn0.c2lnbmF0dXJlQg"
)

// collectRecords runs scanRecords over input and returns what it handed on.
func collectRecords(t *testing.T, input string) ([]tokenRecord, error) {
	t.Helper()
	var records []tokenRecord
	err := scanRecords(strings.NewReader(input), func(r tokenRecord) error {
		records = append(records, r)
		return nil
	})
	return records, err
}

func TestScanRecords(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		wantTexts []string
		wantLines []int
		wantBatch bool
	}{
		{
			name:      "single token keeps its newline",
			input:     tokenA + "\n",
			wantTexts: []string{tokenA + "\n"},
			wantLines: []int{1},
		},
		{
			name:      "single token without newline",
			input:     tokenA,
			wantTexts: []string{tokenA},
			wantLines: []int{1},
		},
		{
			name:      "batch drops line breaks",
			input:     tokenA + "\r\n" + tokenB + "\n",
			wantTexts: []string{tokenA, tokenB},
			wantLines: []int{1, 2},
			wantBatch: true,
		},
		{
			name:      "blank lines skipped",
			input:     "\n" + tokenA + "\n\n   \n" + tokenB + "\n\n",
			wantTexts: []string{tokenA, tokenB},
			wantLines: []int{2, 5},
			wantBatch: true,
		},
		{
			name:      "bad line is its own record",
			input:     tokenA + "\nnot a token\n" + tokenB + "\n",
			wantTexts: []string{tokenA, "not a token", tokenB},
			wantLines: []int{1, 2, 3},
			wantBatch: true,
		},
		{
			name:      "wrapped token joined",
			input:     tokenA[:20] + "\n" + tokenA[20:40] + "\n" + tokenA[40:] + "\n",
			wantTexts: []string{tokenA[:20] + "\n" + tokenA[20:40] + "\n" + tokenA[40:] + "\n"},
			wantLines: []int{1},
		},
		{
			name:      "wrapped CRLF token joined",
			input:     tokenA[:30] + "\r\n" + tokenA[30:] + "\r\n",
			wantTexts: []string{tokenA[:30] + "\r\n" + tokenA[30:] + "\r\n"},
			wantLines: []int{1},
		},
		{
			name:      "wrapped token in a batch",
			input:     tokenA + "\n" + tokenB[:25] + "\n" + tokenB[25:] + "\n",
			wantTexts: []string{tokenA, tokenB[:25] + "\n" + tokenB[25:]},
			wantLines: []int{1, 2},
			wantBatch: true,
		},
		{
			name: "RFC display form joined",
			input: "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9\n.\neyJpc3MiOiJqb2UiLA0K\n" +
				"ICJleHAiOjEzMDA4MTkzODB9\n.\ndBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
			wantTexts: []string{"eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9\n.\neyJpc3MiOiJqb2UiLA0K\n" +
				"ICJleHAiOjEzMDA4MTkzODB9\n.\ndBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"},
			wantLines: []int{1},
		},
		{
			name:      "header-like line starts a token",
			input:     "eyJoaSI6ImZmZHMifQ\neyJoaSI6ImZmZHMifQ\n",
			wantTexts: []string{"eyJoaSI6ImZmZHMifQ", "eyJoaSI6ImZmZHMifQ"},
			wantLines: []int{1, 2},
			wantBatch: true,
		},
		{
			name:      "indented wrapped tokens",
			input:     "    " + tokenA[:20] + "\n    " + tokenA[20:40] + "\n    " + tokenA[40:] + "\n\n  " + tokenB[:30] + "\n  " + tokenB[30:] + "\n",
			wantTexts: []string{"    " + tokenA[:20] + "\n    " + tokenA[20:40] + "\n    " + tokenA[40:], "  " + tokenB[:30] + "\n  " + tokenB[30:]},
			wantLines: []int{1, 5},
			wantBatch: true,
		},
		{
			name:      "indented one-line tokens stay apart",
			input:     "  " + tokenA + "\n  " + tokenB + "\n",
			wantTexts: []string{"  " + tokenA, "  " + tokenB},
			wantLines: []int{1, 2},
			wantBatch: true,
		},
		{
			name:      "backslash continues a command",
			input:     "curl https://api.example \\\n  -H 'Authorization: Bearer " + tokenA + "' \\\n  --compressed\n",
			wantTexts: []string{"curl https://api.example \\\n  -H 'Authorization: Bearer " + tokenA + "' \\\n  --compressed\n"},
			wantLines: []int{1},
		},
		{
			name:      "two commands in a batch",
			input:     "curl -H 'Authorization: Bearer " + tokenA + "' \\\n  https://a\ncurl -H 'Authorization: Bearer " + tokenB + "' \\\n  https://b\n",
			wantTexts: []string{"curl -H 'Authorization: Bearer " + tokenA + "' \\\n  https://a", "curl -H 'Authorization: Bearer " + tokenB + "' \\\n  https://b"},
			wantLines: []int{1, 3},
			wantBatch: true,
		},
		{
			name:      "Bearer line starts a token",
			input:     "Bearer " + tokenA + "\nBearer " + tokenB + "\n",
			wantTexts: []string{"Bearer " + tokenA, "Bearer " + tokenB},
			wantLines: []int{1, 2},
			wantBatch: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records, err := collectRecords(t, tt.input)
			if err != nil {
				t.Fatalf("scanRecords: %v", err)
			}
			var texts []string
			var lines []int
			for _, r := range records {
				texts = append(texts, r.text)
				lines = append(lines, r.line)
				if r.batch != tt.wantBatch {
					t.Errorf("record at line %d: batch = %v, want %v", r.line, r.batch, tt.wantBatch)
				}
			}
			if !slices.Equal(texts, tt.wantTexts) {
				t.Errorf("texts = %q, want %q", texts, tt.wantTexts)
			}
			if !slices.Equal(lines, tt.wantLines) {
				t.Errorf("lines = %v, want %v", lines, tt.wantLines)
			}
		})
	}
}

func TestScanRecordsEmptyInput(t *testing.T) {
	for _, input := range []string{"", "\n", " \n\t\n"} {
		_, err := collectRecords(t, input)
		var ce *cliError
		if !errors.As(err, &ce) || ce.status != exitUsage {
			t.Errorf("input %q: error %v, want a cliError with status %d", input, err, exitUsage)
		}
	}
}

func TestScanRecordsLineTooLong(t *testing.T) {
	input := tokenA + "\n" + strings.Repeat("a", maxLineBytes+1) + "\n" + tokenB + "\n"
	records, err := collectRecords(t, input)
	if err != nil {
		t.Fatalf("scanRecords: %v", err)
	}
	if len(records) != 3 {
		t.Fatalf("got %d records, want 3", len(records))
	}
	if records[0].text != tokenA || records[0].err != nil {
		t.Errorf("record 1 = %q, %v; want %q", records[0].text, records[0].err, tokenA)
	}
	if !errors.Is(records[1].err, errLineTooLong) || records[1].line != 2 {
		t.Errorf("record 2 = line %d, err %v; want line 2 with errLineTooLong", records[1].line, records[1].err)
	}
	if records[2].text != tokenB || records[2].line != 3 {
		t.Errorf("record 3 = line %d %q, want line 3 %q", records[2].line, records[2].text, tokenB)
	}
}

func TestDecodeBatchLineTooLong(t *testing.T) {
	input := tokenA + "\n" + tokenB + "\n" + strings.Repeat("A", maxLineBytes+1) + "\n" + tokenA + "\n"
	human := runInProcess([]string{"decode"}, input)
	if human.status != exitInvalid {
		t.Errorf("exit status %d, want %d", human.status, exitInvalid)
	}
	for _, want := range []string{"line 1: ✔ decoded", "line 2: ✔ decoded", "line 3: ✘ not decoded: the line is longer than 16 MiB", "line 4: ✔ decoded"} {
		if !strings.Contains(human.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, human.stdout)
		}
	}

	asJSON := runInProcess([]string{"decode", "--json"}, input)
	lines := strings.Split(strings.TrimSpace(asJSON.stdout), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d JSON lines, want 4", len(lines))
	}
	if !strings.HasPrefix(lines[2], `{"line":3,`) || !strings.Contains(lines[2], `"error":{`) {
		t.Errorf("JSON line 3 = %.200s, want an error object for line 3", lines[2])
	}
	if asJSON.status != exitInvalid {
		t.Errorf("--json exit status %d, want %d", asJSON.status, exitInvalid)
	}
}

// TestScanRecordsStreams checks that in a batch a complete one-line token
// is handed on before the next line arrives.
func TestScanRecordsStreams(t *testing.T) {
	reader, writer := io.Pipe()
	records := make(chan tokenRecord, 4)
	done := make(chan error, 1)
	go func() {
		done <- scanRecords(reader, func(r tokenRecord) error {
			records <- r
			return nil
		})
	}()

	if _, err := io.WriteString(writer, tokenA+"\n"+tokenB+"\n"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{tokenA, tokenB} {
		select {
		case r := <-records:
			if r.text != want {
				t.Errorf("record = %q, want %q", r.text, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("record %q not handed on while stdin stays open", want)
		}
	}

	writer.Close()
	if err := <-done; err != nil {
		t.Errorf("scanRecords: %v", err)
	}
}

func TestScanRecordsManyLines(t *testing.T) {
	input := strings.Repeat(tokenA+"\n", 100_000)
	records, err := collectRecords(t, input)
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 100_000 {
		t.Errorf("got %d records, want 100000", len(records))
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		input string
		want  time.Time
	}{
		{input: "2020-02-15T00:00:00Z", want: time.Date(2020, 2, 15, 0, 0, 0, 0, time.UTC)},
		{input: "2020-02-15T01:00:00+01:00", want: time.Date(2020, 2, 15, 0, 0, 0, 0, time.UTC)},
		{input: "2020-02-15T00:00:00.5Z", want: time.Date(2020, 2, 15, 0, 0, 0, 5e8, time.UTC)},
		{input: "1581724800", want: time.Date(2020, 2, 15, 0, 0, 0, 0, time.UTC)},
		{input: " 1581724800 ", want: time.Date(2020, 2, 15, 0, 0, 0, 0, time.UTC)},
		{input: "1581724800.25", want: time.Date(2020, 2, 15, 0, 0, 0, 25e7, time.UTC)},
		{input: "0", want: time.Unix(0, 0).UTC()},
		{input: "-86400", want: time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			got, err := parseTime(tt.input)
			if err != nil {
				t.Fatalf("parseTime: %v", err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("parseTime = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseTimeRejects(t *testing.T) {
	for _, input := range []string{"", "yesterday", "2020-02-15", "1e3", "1e300", "1e400", "NaN", "Inf", "0x10", "+5", "1.", ".5", "99999999999999999999", "1581724800ms"} {
		if got, err := parseTime(input); err == nil {
			t.Errorf("parseTime(%q) = %v, want an error", input, got)
		}
	}
}

// FuzzScanRecords checks that splitting never panics, never loses a
// non-space byte and hands on only non-blank records.
func FuzzScanRecords(f *testing.F) {
	f.Add(tokenA + "\n" + tokenB + "\n")
	f.Add(tokenA[:20] + "\r\n" + tokenA[20:] + "\n\n" + "Bearer x\n")
	f.Add("eyJ\n.\n.\n..\n\n")
	f.Fuzz(func(t *testing.T, input string) {
		records, err := collectRecords(t, input)
		if err != nil {
			if strings.TrimSpace(input) != "" {
				t.Fatalf("error for non-blank input: %v", err)
			}
			return
		}
		var joined strings.Builder
		for _, r := range records {
			if strings.TrimSpace(r.text) == "" {
				t.Errorf("blank record at line %d", r.line)
			}
			joined.WriteString(removeSpace(r.text))
		}
		if joined.String() != removeSpace(input) {
			t.Errorf("records %q lose bytes of %q", joined.String(), input)
		}
	})
}

// removeSpace drops Unicode whitespace and keeps invalid UTF-8 bytes as
// they are, so two invalid bytes from separate lines are not read as one
// character.
func removeSpace(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size > 1 || r != utf8.RuneError {
			if !unicode.IsSpace(r) {
				b.WriteString(s[i : i+size])
			}
		} else {
			b.WriteByte(s[i])
		}
		i += size
	}
	return b.String()
}

// FuzzParseTime checks that --at parsing never panics and that an input
// it accepts as whole Unix seconds gives that second.
func FuzzParseTime(f *testing.F) {
	for _, seed := range []string{"2020-02-15T00:00:00Z", "1581724800", "1.5", "-1", "9e18"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		got, err := parseTime(input)
		if err != nil {
			return
		}
		seconds, convErr := strconv.ParseInt(strings.TrimSpace(input), 10, 64)
		if convErr == nil && got.Unix() != seconds {
			t.Errorf("parseTime(%q) = %v, Unix %d", input, got, got.Unix())
		}
	})
}
