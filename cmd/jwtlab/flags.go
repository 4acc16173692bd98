package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// errRepeated is the error of a single-value flag given a second time.
var errRepeated = errors.New("given more than once")

// onceValue is a pflag.Value that accepts one Set only, so a repeated
// flag such as --secret a --secret b is an error rather than a silent
// choice of the last value.
type onceValue struct {
	pflag.Value
	set bool
}

func (v *onceValue) Set(s string) error {
	if v.set {
		return errRepeated
	}
	v.set = true
	return v.Value.Set(s)
}

// rejectRepeatedFlags wraps every single-value flag of cmd and its
// subcommands in onceValue. Booleans and list flags (stringSlice,
// stringArray), which may be repeated, keep their value.
func rejectRepeatedFlags(cmd *cobra.Command) {
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		kind := f.Value.Type()
		if f.NoOptDefVal != "" || strings.HasSuffix(kind, "Slice") || strings.HasSuffix(kind, "Array") {
			return
		}
		f.Value = &onceValue{Value: f.Value}
	})
	for _, sub := range cmd.Commands() {
		rejectRepeatedFlags(sub)
	}
}
