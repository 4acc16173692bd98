//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestFlagFilesRejectSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	const token = "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"
	commands := map[string]func(path string) []string{
		"verify --key": func(p string) []string { return []string{"verify", "--key", p, token} },
		"verify --secret-file": func(p string) []string {
			return []string{"verify", "--secret-file", p, token}
		},
		"verify --payload-file": func(p string) []string {
			return []string{"verify", "--secret", "s", "--payload-file", p, token}
		},
		"sign --payload": func(p string) []string {
			return []string{"sign", "--alg", "HS256", "--secret", "s", "--payload", "@" + p}
		},
		"sign --key": func(p string) []string { return []string{"sign", "--alg", "ES256", "--key", p} },
	}
	paths := map[string]string{"device": "/dev/zero", "named pipe": fifo, "directory": dir}
	for commandName, args := range commands {
		for kind, path := range paths {
			t.Run(commandName+"/"+kind, func(t *testing.T) {
				done := make(chan checkResult, 1)
				go func() { done <- runInProcess(args(path), "") }()
				var r checkResult
				select {
				case r = <-done:
				case <-time.After(10 * time.Second):
					t.Fatal("command blocked on the file")
				}
				if r.status != exitUsage {
					t.Errorf("exit status %d, want %d", r.status, exitUsage)
				}
				if !strings.Contains(r.stderr, path+" is a") {
					t.Errorf("stderr = %q, want it to name %s and what it is", r.stderr, path)
				}
				if strings.Contains(r.stderr, "goroutine") {
					t.Errorf("stderr holds a stack trace: %q", r.stderr)
				}
			})
		}
	}
}
