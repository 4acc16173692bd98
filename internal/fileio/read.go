package fileio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

var (
	// ErrNotRegular marks a path that is a directory, a device, a named
	// pipe or a socket rather than a regular file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge marks a file larger than the caller's limit.
	ErrTooLarge = errors.New("file too large")
)

// ReadFile reads the regular file at path, which must be at most max
// bytes. The file is opened with O_NONBLOCK, so opening a named pipe
// returns at once, and its mode is checked on the open descriptor before
// any byte is read. Every error names path. A file that grows past max
// while it is read is reported as too large rather than read on.
func ReadFile(path string, max int64) ([]byte, error) {
	if info, err := os.Stat(path); err != nil {
		return nil, err
	} else if err := checkRegular(path, info); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkRegular(path, info); err != nil {
		return nil, err
	}
	if info.Size() > max {
		return nil, tooLarge(path, max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if int64(len(data)) > max {
		return nil, tooLarge(path, max)
	}
	return data, nil
}

// checkRegular returns an error wrapping ErrNotRegular that names what
// path is instead of a regular file.
func checkRegular(path string, info fs.FileInfo) error {
	mode := info.Mode()
	if mode.IsRegular() {
		return nil
	}
	kind := "a special file"
	switch {
	case mode.IsDir():
		kind = "a directory"
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("%s is %s, %w: give the path of a file", path, kind, ErrNotRegular)
}

func tooLarge(path string, max int64) error {
	return fmt.Errorf("%s is larger than the %s limit for this file (%w): check that the path names the intended file",
		path, FormatSize(max), ErrTooLarge)
}

// FormatSize writes a byte count in the largest binary unit that divides
// it, such as "64 MiB" or "1500 bytes".
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}
