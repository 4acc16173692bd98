package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/jwtlab/jwtlab/jwtcore"
)

// maxLineBytes is the longest input line read from stdin. A token larger
// than this is rejected with an error that names the limit.
const maxLineBytes = 16 << 20

// tokenInputHints lists the ways to pass a token.
var tokenInputHints = []string{
	"pass the token as an argument, or pipe it in: 'jwtlab decode - < token.txt'",
}

// tokenRecord is one token to process.
type tokenRecord struct {
	text string
	// line is the number of the stdin line where the token starts, or 0
	// for a token given as an argument.
	line int
	// batch is set when stdin holds more than one token.
	batch bool
	// err is set instead of text when the line could not be read, such
	// as a line longer than maxLineBytes.
	err error
}

// readTokens calls handle once for every token given on the command line:
// the argument itself, or each record read from stdin when the argument is
// "-" or missing. Without an argument, a stdin that is a terminal
// (stdinIsTerminal) is a usage error rather than a wait for typed input.
// It stops at the first error that handle returns.
func readTokens(args []string, in io.Reader, stdinIsTerminal bool, handle func(tokenRecord) error) error {
	if len(args) == 1 && args[0] != "-" {
		if err := checkNotFileName(args[0]); err != nil {
			return err
		}
		return handle(tokenRecord{text: args[0]})
	}
	if len(args) == 0 && stdinIsTerminal {
		return usageErrorf(tokenInputHints, "missing token")
	}
	return scanRecords(in, handle)
}

// readWholeInput returns the argument, or all of stdin when the argument
// is "-" or missing.
func readWholeInput(args []string, in io.Reader) (string, error) {
	if len(args) == 1 && args[0] != "-" {
		if err := checkNotFileName(args[0]); err != nil {
			return "", err
		}
		return args[0], nil
	}
	if len(args) == 0 && isTerminal(in) {
		return "", usageErrorf(tokenInputHints, "missing token")
	}
	data, err := io.ReadAll(io.LimitReader(in, maxLineBytes+1))
	if err != nil {
		return "", inputErrorf(nil, "reading standard input failed: %v", err)
	}
	if len(data) > maxLineBytes {
		return "", inputErrorf(nil, "standard input is larger than %d MiB", maxLineBytes>>20)
	}
	return string(data), nil
}

// checkNotFileName returns a usage error when arg, given where a token
// belongs, names an existing file: the argument is the token itself, so
// decoding the file name would only report a damaged token. Text that
// starts like a JOSE header ("eyJ") is always taken as a token.
func checkNotFileName(arg string) error {
	if strings.HasPrefix(arg, "eyJ") || len(arg) > 4096 {
		return nil
	}
	if _, err := os.Stat(arg); err != nil {
		return nil
	}
	return usageErrorf([]string{
		"the argument is the token itself; to read tokens from a file, " +
			"give - and redirect the file, such as: jwtlab decode - < " + jwtcore.Printable(arg),
	}, "%s is a file name, not a token", strconv.Quote(jwtcore.Printable(arg)))
}

// isTerminal reports whether stream is an *os.File open on a terminal.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// scanRecords splits stdin into tokens, one per line, and calls handle for
// each. Blank lines are skipped. A token wrapped across several lines (by a
// terminal, a log or an RFC's display form) is joined back into one record:
// see record.continues. When stdin holds a single record, handle gets it
// exactly as read, line breaks included, so the decoder reports what it
// removed. In a batch each record loses its final line break.
//
// A record is handed on once the next line shows where it ends. In a batch
// a one-line token with both dots cannot be continued, so it is handed on
// as soon as it is read, and 'tail -f' output lags by the first token only.
func scanRecords(in io.Reader, handle func(tokenRecord) error) error {
	reader := bufio.NewReaderSize(in, 64<<10)
	split := recordSplitter{handle: handle}
	for lineNumber := 1; ; lineNumber++ {
		line, tooLong, err := readLine(reader)
		if err != nil && !errors.Is(err, io.EOF) {
			return scanError(err)
		}
		if tooLong {
			if err := split.addTooLong(lineNumber); err != nil {
				return err
			}
		} else if line != "" {
			if err := split.addLine(line, lineNumber); err != nil {
				return err
			}
		}
		if err != nil {
			return split.finish()
		}
	}
}

// readLine returns the next line with its line break, or the error that
// ended it (io.EOF after the last line). A line longer than maxLineBytes
// is read to its end and dropped, and tooLong is set, so memory stays
// bounded and the lines after it are still read.
func readLine(reader *bufio.Reader) (line string, tooLong bool, err error) {
	chunk, err := reader.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		// The usual case: the whole line fits the buffer and is copied once.
		return string(chunk), false, err
	}
	buf := append([]byte(nil), chunk...)
	for {
		chunk, err := reader.ReadSlice('\n')
		if !tooLong && len(buf)+len(chunk) > maxLineBytes {
			tooLong, buf = true, nil
		}
		if !tooLong {
			buf = append(buf, chunk...)
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return string(buf), tooLong, err
		}
	}
}

// errLineTooLong is the result of a stdin line longer than maxLineBytes.
var errLineTooLong = fmt.Errorf(
	"the line is longer than %d MiB, the limit for one token, so it was skipped", maxLineBytes>>20)

// recordSplitter groups lines into records. It keeps one finished record
// pending until the next one starts, because only a second record shows
// that stdin is a batch.
type recordSplitter struct {
	handle           func(tokenRecord) error
	current, pending *record
	emitted          bool // a record was handed on, so this is a batch
}

func (s *recordSplitter) addLine(line string, number int) error {
	if strings.TrimSpace(line) == "" {
		return s.endCurrent()
	}
	if s.current != nil && s.current.continues(line) {
		s.current.add(line)
	} else {
		if err := s.endCurrent(); err != nil {
			return err
		}
		s.current = newRecord(line, number)
	}
	return s.emitIfClosed()
}

// addTooLong adds a line that was too long to read as a record of its
// own, which carries errLineTooLong.
func (s *recordSplitter) addTooLong(number int) error {
	if err := s.endCurrent(); err != nil {
		return err
	}
	s.current = &record{first: number, err: errLineTooLong}
	return s.emitIfClosed()
}

// emitIfClosed hands on the pending record and the current one when this
// is a batch and nothing can continue the current record.
func (s *recordSplitter) emitIfClosed() error {
	batch := s.pending != nil || s.emitted
	if !batch || !s.current.closed() {
		return nil
	}
	if err := s.endCurrent(); err != nil {
		return err
	}
	return s.emitPending()
}

// endCurrent makes the current record pending, handing on the one that
// was pending before as part of a batch.
func (s *recordSplitter) endCurrent() error {
	if s.current == nil {
		return nil
	}
	if s.pending != nil {
		if err := s.emitPending(); err != nil {
			return err
		}
	}
	s.pending, s.current = s.current, nil
	return nil
}

func (s *recordSplitter) emitPending() error {
	s.emitted = true
	record := s.pending
	s.pending = nil
	return s.handle(record.toToken(true))
}

// finish hands on the last record. It is a batch record unless it is the
// only one.
func (s *recordSplitter) finish() error {
	if err := s.endCurrent(); err != nil {
		return err
	}
	if s.pending != nil {
		return s.handle(s.pending.toToken(s.emitted))
	}
	if !s.emitted {
		return inputErrorf(tokenInputHints, "missing token: standard input is empty")
	}
	return nil
}

func scanError(err error) error {
	return inputErrorf(nil, "reading standard input failed: %v", err)
}

// record is the lines of one token as read, line breaks included.
type record struct {
	lines []string
	dots  int
	first int // number of the first line
	// err is set, and lines is empty, for a line that could not be read.
	err error
}

func newRecord(line string, number int) *record {
	r := &record{first: number}
	r.add(line)
	return r
}

// closed reports whether no further line can continue the record: it
// could not be read, or it is one line that already contains both dots of
// a JWS and does not end in a backslash.
func (r *record) closed() bool {
	if r.err != nil {
		return true
	}
	return len(r.lines) == 1 && r.dots >= 2 && !endsInBackslash(r.lines[0])
}

func (r *record) add(line string) {
	r.lines = append(r.lines, line)
	r.dots += strings.Count(line, ".")
}

// toToken joins the lines. In a batch the last line break is dropped.
func (r *record) toToken(batch bool) tokenRecord {
	s := strings.Join(r.lines, "")
	if batch {
		s = strings.TrimRight(s, "\r\n")
	}
	return tokenRecord{text: s, line: r.first, batch: batch, err: r.err}
}

// continues reports whether line is the next piece of a token wrapped
// across lines rather than a token of its own. A line continues the record
// when the record's last line ends in a backslash, as in a shell command
// such as a browser's "Copy as cURL". Otherwise three things must be true.
// The line contains only base64 characters and dots, after any
// indentation. The record and the line together contain at most the two
// dots of a JWS. The record still lacks one of those dots, or it already
// spans several lines. A line that begins like a JOSE header ("eyJ")
// starts a new token unless the record ends in a dot.
//
// NOTE: the rule is a heuristic. A wrapped compact JWE (four dots) is split
// after its second dot. A single line that holds both dots is never
// continued unless it ends in a backslash. A stray base64-only line right
// after a wrapped token is joined to it.
func (r *record) continues(line string) bool {
	if r.err != nil {
		return false
	}
	last := strings.TrimRight(r.lines[len(r.lines)-1], "\r\n")
	if endsInBackslash(last) {
		return true
	}
	body := strings.TrimLeft(strings.TrimRight(line, "\r\n"), " \t")
	if !isTokenText(body) {
		return false
	}
	if strings.HasPrefix(body, "eyJ") && !strings.HasSuffix(last, ".") {
		return false
	}
	if r.dots+strings.Count(body, ".") > 2 {
		return false
	}
	return r.dots < 2 || len(r.lines) > 1
}

// endsInBackslash reports whether line, without its line break, ends in
// the backslash that continues a shell command on the next line.
func endsInBackslash(line string) bool {
	return strings.HasSuffix(strings.TrimRight(line, "\r\n"), "\\")
}

// isTokenText reports whether s holds only characters of base64, base64url
// and dots.
func isTokenText(s string) bool {
	for _, c := range []byte(s) {
		isAlnum := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !isAlnum && !strings.ContainsRune("-_+/=.", rune(c)) {
			return false
		}
	}
	return s != ""
}
