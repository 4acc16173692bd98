//go:build unix

package fileio

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	if err := os.WriteFile(small, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := ReadFile(small, 6)
	if err != nil {
		t.Fatalf("ReadFile at the limit: %v", err)
	}
	if string(data) != "secret" {
		t.Errorf("data = %q, want %q", data, "secret")
	}
}

func TestReadFileRejects(t *testing.T) {
	dir := t.TempDir()
	large := filepath.Join(dir, "large")
	if err := os.WriteFile(large, make([]byte, 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	socket := filepath.Join(dir, "sock")
	listener, err := net.Listen("unix", socket)
	if err != nil {
		t.Fatal(err)
	}
	defer listener.Close()

	tests := map[string]struct {
		path    string
		wantErr error
		wantMsg string
	}{
		"too large":  {path: large, wantErr: ErrTooLarge, wantMsg: "larger than the 1 KiB limit"},
		"directory":  {path: dir, wantErr: ErrNotRegular, wantMsg: "is a directory"},
		"device":     {path: "/dev/zero", wantErr: ErrNotRegular, wantMsg: "is a device"},
		"named pipe": {path: fifo, wantErr: ErrNotRegular, wantMsg: "is a named pipe"},
		"socket":     {path: socket, wantErr: ErrNotRegular, wantMsg: "is a socket"},
		"missing":    {path: filepath.Join(dir, "none"), wantErr: os.ErrNotExist, wantMsg: "no such file"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := ReadFile(tt.path, 1024)
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadFile blocked")
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name the path", err)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not contain %q", err, tt.wantMsg)
			}
		})
	}
}
