package main

import (
	"io"
	"os"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// stdio is the process's standard streams, replaced in tests.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

func newStdio() stdio { return stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr} }

// newRootCmd builds the command tree. Each subcommand lives in its own file.
func newRootCmd(std stdio) *cobra.Command {
	root := &cobra.Command{
		Use:           "jwtlab",
		Short:         "Learn how JSON Web Tokens work and take real tokens apart",
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(std.in)
	root.SetOut(std.out)
	root.SetErr(std.err)
	root.AddCommand(
		newDecodeCmd(std),
		newVerifyCmd(std),
		newInspectCmd(std),
		newSignCmd(std),
		newKeygenCmd(std),
	)
	return root
}

// run executes the command line and returns the process exit status.
func run(args []string, std stdio) int {
	root := newRootCmd(std)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		return reportError(std.err, err)
	}
	return 0
}
