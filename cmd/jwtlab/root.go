package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/jwtlab/jwtlab/jwtcore"
	"github.com/jwtlab/jwtlab/tui"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// stdio is the process's standard streams and environment, replaced in
// tests.
type stdio struct {
	in       io.Reader
	out, err io.Writer
	// clock is the time that relative times and time claims are read
	// against, unless verify --at overrides it.
	clock jwtcore.Clock
	// getenv reads an environment variable, such as NO_COLOR.
	getenv func(string) string
}

func newStdio() stdio {
	return stdio{
		in:     os.Stdin,
		out:    os.Stdout,
		err:    os.Stderr,
		clock:  jwtcore.SystemClock{},
		getenv: os.Getenv,
	}
}

// newRootCmd builds the command tree. Each subcommand lives in its own file.
func newRootCmd(std stdio) *cobra.Command {
	root := &cobra.Command{
		Use:   "jwtlab",
		Short: "Learn how JSON Web Tokens work and take real tokens apart",
		Long: "jwtlab decodes, explains and verifies JSON Web Tokens.\n\n" +
			"Without a subcommand it opens the terminal UI on a built-in example\n" +
			"token and secret. The subcommands print plain text, or JSON with --json,\n" +
			"for scripts. jwtlab never fetches a URL named in a token (jku, x5u).\n\n" +
			"Exit status: 0 success, 1 a token did not decode or verify, 2 usage\n" +
			"error or unreadable input or keys.",
		Version:       resolvedVersion(),
		Args:          rejectUnknownCommand,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUI(std, tui.Config{Now: std.clock.Now})
		},
	}
	root.SetIn(std.in)
	root.SetOut(std.out)
	root.SetErr(std.err)
	root.SetVersionTemplate("jwtlab {{.Version}}\n")
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return rewriteFlagError(cmd.CommandPath(), err)
	})
	root.AddCommand(
		newDecodeCmd(std),
		newVerifyCmd(std),
		newInspectCmd(std),
		newSignCmd(std),
		newKeygenCmd(std),
		newBuildCmd(std),
	)
	rejectRepeatedFlags(root)
	return root
}

// run executes the command line and returns the process exit status.
func run(args []string, std stdio) int {
	root := newRootCmd(std)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		return reportError(std.err, err)
	}
	return exitOK
}

// resolvedVersion returns the version set at build time, else the module
// version that 'go install' records, else "dev".
func resolvedVersion() string {
	if version != "dev" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return version
}

// rejectUnknownCommand is the root's argument check: the root takes no
// arguments, so any argument is a misspelt subcommand, or a token given
// without one.
func rejectUnknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if strings.Count(args[0], ".") >= 2 || len(args[0]) > maxEchoedArgument {
		return usageErrorf(
			[]string{"to decode a token run 'jwtlab decode TOKEN', to verify it 'jwtlab verify --secret S TOKEN'"},
			"unknown command %s", abbreviate(args[0]))
	}
	hints := []string{"run 'jwtlab --help' for the commands"}
	if suggestions := cmd.SuggestionsFor(args[0]); len(suggestions) > 0 {
		hints = append([]string{"did you mean '" + strings.Join(suggestions, "' or '") + "'?"}, hints...)
	}
	return usageErrorf(hints, "unknown command %q", args[0])
}

// maxEchoedArgument is the longest argument an error quotes in full. A
// longer one may be a token, and errors never print a whole token.
const maxEchoedArgument = 24

// abbreviate quotes the start of a long argument and gives its length.
func abbreviate(arg string) string {
	if len(arg) <= maxEchoedArgument {
		return fmt.Sprintf("%q", arg)
	}
	return fmt.Sprintf("%q (an argument of %d bytes)", shorten(arg, 12), len(arg))
}

// atMostOneToken is the argument check of decode, verify and inspect.
func atMostOneToken(cmd *cobra.Command, args []string) error {
	if len(args) <= 1 {
		return nil
	}
	return usageErrorf(
		[]string{
			"quote the token if the shell split it: jwtlab " + cmd.Name() + " 'eyJ...'",
			helpHint(cmd.CommandPath()),
		},
		"too many arguments: %s takes one token or '-', got %d arguments", cmd.Name(), len(args))
}

// printf writes to w and drops the error: a failed write to stdout shows
// up when the buffered writer is flushed.
func printf(w io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(w, format, args...)
}
