package fileio

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// readOrMissing returns the content of path, or "<missing>".
func readOrMissing(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "<missing>"
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// assertEntries fails unless dir holds exactly the names given, so no
// temporary or backup file is left behind.
func assertEntries(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(want) {
		t.Fatalf("directory holds %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("directory holds %q, want %q", got, want)
		}
	}
}

func pair(dir string) []File {
	return []File{
		{Path: filepath.Join(dir, "k"), Data: []byte("NEW"), Mode: 0o600},
		{Path: filepath.Join(dir, "k.pub"), Data: []byte("NEW PUB"), Mode: 0o644},
	}
}

func TestWriteFilesOnceWritesBoth(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFilesOnce(context.Background(), pair(dir), false); err != nil {
		t.Fatal(err)
	}
	if got := readOrMissing(t, filepath.Join(dir, "k.pub")); got != "NEW PUB" {
		t.Errorf("k.pub = %q, want %q", got, "NEW PUB")
	}
	info, err := os.Stat(filepath.Join(dir, "k"))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("k mode = %v, want 0600", info.Mode().Perm())
	}
	assertEntries(t, dir, "k", "k.pub")
}

func TestWriteFilesOnceKeepsExisting(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "k.pub"), []byte("OLD PUB"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFilesOnce(context.Background(), pair(dir), false)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want fs.ErrExist", err)
	}
	if got := readOrMissing(t, filepath.Join(dir, "k.pub")); got != "OLD PUB" {
		t.Errorf("k.pub = %q, want the old content", got)
	}
	assertEntries(t, dir, "k.pub")
}

func TestWriteFilesOnceReplaces(t *testing.T) {
	dir := t.TempDir()
	for _, f := range pair(dir) {
		if err := os.WriteFile(f.Path, []byte("OLD"), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFilesOnce(context.Background(), pair(dir), true); err != nil {
		t.Fatal(err)
	}
	if got := readOrMissing(t, filepath.Join(dir, "k")); got != "NEW" {
		t.Errorf("k = %q, want %q", got, "NEW")
	}
	assertEntries(t, dir, "k", "k.pub")
}

func TestWriteFilesOnceDirectoryTarget(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "k"), []byte("OLD"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "k.pub", "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	err := WriteFilesOnce(context.Background(), pair(dir), true)
	if !errors.Is(err, ErrNotRegular) {
		t.Fatalf("err = %v, want ErrNotRegular", err)
	}
	if got := readOrMissing(t, filepath.Join(dir, "k")); got != "OLD" {
		t.Errorf("k = %q, want the old content", got)
	}
	assertEntries(t, dir, "k", "k.pub")
}

func TestWriteFilesOnceMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	files := pair(dir)
	files[1].Path = filepath.Join(dir, "missing", "k.pub")
	err := WriteFilesOnce(context.Background(), files, false)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want fs.ErrNotExist", err)
	}
	assertEntries(t, dir)
}

// cancelAfter is a context whose Err turns non-nil on its n-th call, as
// if SIGINT arrived between two steps of a write.
type cancelAfter struct {
	context.Context
	n int
}

func (c *cancelAfter) Err() error {
	c.n--
	if c.n <= 0 {
		return context.Canceled
	}
	return nil
}

func TestWriteFilesOnceInterrupted(t *testing.T) {
	// Err is called once after the temporary files are written and once
	// before each of the two moves. n = 1 and 2 stop before the first
	// move, and n = 3 stops after k has been replaced, before k.pub.
	for n := 1; n <= 3; n++ {
		dir := t.TempDir()
		for _, f := range pair(dir) {
			if err := os.WriteFile(f.Path, []byte("OLD"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		ctx := &cancelAfter{Context: context.Background(), n: n}
		err := WriteFilesOnce(ctx, pair(dir), true)
		if !errors.Is(err, ErrInterrupted) {
			t.Fatalf("n=%d: err = %v, want ErrInterrupted", n, err)
		}
		for _, f := range pair(dir) {
			if got := readOrMissing(t, f.Path); got != "OLD" {
				t.Errorf("n=%d: %s = %q, want the old content", n, filepath.Base(f.Path), got)
			}
		}
		assertEntries(t, dir, "k", "k.pub")
	}
}

func TestWriteFilesOnceInterruptedNew(t *testing.T) {
	dir := t.TempDir()
	// n = 3 stops after k has been created, before k.pub.
	ctx := &cancelAfter{Context: context.Background(), n: 3}
	err := WriteFilesOnce(ctx, pair(dir), false)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	assertEntries(t, dir)
}

func TestWriteFileAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.jwk")
	for _, content := range []string{"first", "second"} {
		if err := WriteFileAtomic(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := readOrMissing(t, path); got != content {
			t.Errorf("file = %q, want %q", got, content)
		}
	}
	assertEntries(t, filepath.Dir(path), "export.jwk")
}
