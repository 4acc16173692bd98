package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFilesOnceRollsBack(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "key")
	files := []fileWrite{
		{path: first, data: []byte("private"), mode: 0o600},
		{path: filepath.Join(dir, "missing", "key.pub"), data: []byte("public"), mode: 0o644},
	}
	if err := writeFilesOnce(files, false); err == nil {
		t.Fatal("err = nil, want a write error for the missing directory")
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("%s is left behind after the second file failed", first)
	}
}

func TestWriteAtomicKeepsExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := writeAtomic(fileWrite{path: path, data: []byte("new"), mode: 0o600}, false)
	if err == nil {
		t.Fatal("err = nil, want an error for the existing file")
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("file content = %q, want the old content", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory has %d entries, want 1 (no temporary file left)", len(entries))
	}
}

func TestWriteAtomicReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(fileWrite{path: path, data: []byte("new"), mode: 0o600}, true); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("file content = %q, want the new content", data)
	}
	assertMode(t, path, 0o600)
}
