//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestInterruptContextCatchesSIGINT(t *testing.T) {
	ctx, stop := interruptContext()
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("SIGINT did not cancel the context")
	}
}

func TestKeyWriteInterruptedLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "k")
	key, err := jwtcore.GenerateKey("ES256", 0)
	if err != nil {
		t.Fatal(err)
	}
	files, err := encodeKeyFiles(key, "pem")
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	std := stdio{err: &stderr}
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	err = writeKeyFilesContext(canceled, std, keygenFlags{out: out}, key, files)
	if got := reportError(&stderr, err); got != exitInterrupted {
		t.Errorf("exit status %d, want %d", got, exitInterrupted)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("directory holds %d entries after the interrupt, want none", len(entries))
	}
	if err := writeKeyFilesContext(context.Background(), std, keygenFlags{out: out}, key, files); err != nil {
		t.Fatalf("rerun failed: %v", err)
	}
	for _, path := range []string{out, out + ".pub"} {
		if _, err := os.Stat(path); err != nil {
			t.Errorf("rerun did not write %s: %v", path, err)
		}
	}
}
