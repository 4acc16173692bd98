package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/jwtlab/jwtlab/jwtcore"
	"github.com/jwtlab/jwtlab/tui"
)

func inspectStdio(stdin string) stdio {
	return stdio{
		in:     strings.NewReader(stdin),
		out:    io.Discard,
		err:    io.Discard,
		clock:  jwtcore.SystemClock{},
		getenv: func(string) string { return "" },
	}
}

func TestInspectConfigArgument(t *testing.T) {
	cfg, closeInput, err := inspectConfig(inspectStdio(""), []string{tokenA})
	if err != nil {
		t.Fatalf("inspectConfig: %v", err)
	}
	defer closeInput()
	if cfg.Screen != tui.ScreenInspect {
		t.Errorf("Screen = %q, want %q", cfg.Screen, tui.ScreenInspect)
	}
	if cfg.Token != tokenA {
		t.Errorf("Token = %q, want %q", cfg.Token, tokenA)
	}
	if cfg.Input != nil {
		t.Errorf("Input is set for a token given as an argument")
	}
	if cfg.Now == nil {
		t.Errorf("Now is nil")
	}
}

// TestInspectConfigPipe reads the token from a piped stdin. Key presses
// must then come from /dev/tty, which exists only when the test runs in a
// terminal. Without one the error must name the terminal.
func TestInspectConfigPipe(t *testing.T) {
	for _, args := range [][]string{{"-"}, nil} {
		cfg, closeInput, err := inspectConfig(inspectStdio(tokenA+"\n"), args)
		if cfg.Token != tokenA+"\n" {
			t.Errorf("args %q: Token = %q, want the whole of stdin", args, cfg.Token)
		}
		if err != nil {
			var ce *cliError
			if !errors.As(err, &ce) || !strings.Contains(ce.msg, "cannot open the terminal") {
				t.Errorf("args %q: error %v, want one about the terminal", args, err)
			}
			continue
		}
		if cfg.Input == nil {
			t.Errorf("args %q: Input is nil for a piped token", args)
		}
		closeInput()
	}
}
