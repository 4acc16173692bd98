package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/jwtlab/jwtlab/jwtcore"

	"github.com/spf13/pflag"
)

// Exit statuses of every subcommand.
const (
	exitOK      = 0
	exitInvalid = 1 // a token did not decode, or did not verify
	exitUsage   = 2 // bad command line, unreadable input or unreadable keys

	// exitInterrupted is the shell's status for a process stopped by
	// SIGINT (128 + 2), used when keygen stops cleanly after the signal.
	exitInterrupted = 130
)

// cliError is an error in the house style that every subcommand reports
// on stderr:
//
//	jwtlab: error: <message>
//	hint: <what to do>
//
// The message is lowercase, names the offending value and has no trailing
// period. Hints are whole sentences without a trailing period either. A
// message never contains a secret or a whole token.
type cliError struct {
	msg    string
	hints  []string
	status int
}

func (e *cliError) Error() string { return e.msg }

// usageErrorf returns a cliError for a bad command line (exit status 2).
func usageErrorf(hints []string, format string, args ...any) *cliError {
	return &cliError{msg: fmt.Sprintf(format, args...), hints: hints, status: exitUsage}
}

// inputErrorf returns a cliError for input or key material that cannot be
// read (exit status 2).
func inputErrorf(hints []string, format string, args ...any) *cliError {
	return &cliError{msg: fmt.Sprintf(format, args...), hints: hints, status: exitUsage}
}

// statusError carries an exit status for a result that was already
// printed, such as a token that did not verify. reportError prints nothing
// for it.
type statusError struct{ status int }

func (e *statusError) Error() string { return fmt.Sprintf("exit status %d", e.status) }

// reportError prints err in the house style and returns the exit status.
func reportError(w io.Writer, err error) int {
	var status *statusError
	if errors.As(err, &status) {
		return status.status
	}
	var ce *cliError
	if !errors.As(err, &ce) {
		ce = rewriteCobraError(err)
	}
	fmt.Fprintf(w, "jwtlab: error: %s\n", jwtcore.Printable(ce.msg))
	for _, hint := range ce.hints {
		fmt.Fprintf(w, "hint: %s\n", jwtcore.Printable(hint))
	}
	return ce.status
}

// helpHint points at the help of a command, given by its full path such
// as "jwtlab verify".
func helpHint(commandPath string) string {
	return fmt.Sprintf("run '%s --help' for the options", commandPath)
}

// rewriteFlagError turns pflag's errors into usage errors in the house
// style. It is installed as every command's flag error function.
func rewriteFlagError(commandPath string, err error) *cliError {
	hints := []string{helpHint(commandPath)}
	var notExist *pflag.NotExistError
	var required *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &notExist):
		return usageErrorf(hints, "unknown flag %q", flagSpelling(notExist.GetSpecifiedName()))
	case errors.As(err, &required):
		return usageErrorf(hints, "flag %s needs a value", flagSpelling(required.GetSpecifiedName()))
	case errors.As(err, &invalid):
		return invalidFlagValue(invalid, hints)
	case errors.As(err, &syntax):
		return usageErrorf(hints, "invalid flag syntax %q", syntax.GetSpecifiedFlag())
	}
	return usageErrorf(hints, "%s", lowerFirst(err.Error()))
}

// invalidFlagValue words a rejected flag value. The value of a flag that
// holds a secret is never echoed.
func invalidFlagValue(e *pflag.InvalidValueError, hints []string) *cliError {
	name := e.GetFlag().Name
	if errors.Is(e, errRepeated) {
		return usageErrorf(hints, "--%s given more than once: it takes one value, so give it once", name)
	}
	value := fmt.Sprintf("%q", e.GetValue())
	if isSecretFlag(name) {
		value = "(value hidden)"
	}
	cause := "invalid"
	if e.Unwrap() != nil {
		cause = lowerFirst(e.Unwrap().Error())
	}
	return usageErrorf(hints, "invalid value %s for --%s: %s", value, name, cause)
}

// isSecretFlag reports whether a flag's value is key material.
func isSecretFlag(name string) bool {
	return name == "secret" || name == "secret-base64"
}

// flagSpelling adds the dashes pflag strips from a flag name.
func flagSpelling(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// rewriteCobraError wraps an error that cobra returned as text (unknown
// command, argument count) into a usage error.
func rewriteCobraError(err error) *cliError {
	msg := lowerFirst(err.Error())
	hints := []string{"run 'jwtlab --help' for the commands and options"}
	if before, _, found := strings.Cut(msg, "\n\ndid you mean"); found {
		msg = before
	}
	return usageErrorf(hints, "%s", msg)
}

// lowerFirst lowercases the first letter of s unless s starts with an
// acronym such as "RSA" or "JWE".
func lowerFirst(s string) string {
	if len(s) >= 2 && unicode.IsUpper(rune(s[0])) && unicode.IsUpper(rune(s[1])) {
		return s
	}
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
