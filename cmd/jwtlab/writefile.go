package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// fileWrite is one file to create.
type fileWrite struct {
	path string
	data []byte
	mode fs.FileMode
}

// writeFilesOnce writes every file atomically, or none of them. Unless
// force is set, it fails before writing anything when one of the files
// exists. A file written in this call is removed again when a later one
// fails.
func writeFilesOnce(files []fileWrite, force bool) error {
	if !force {
		for _, f := range files {
			if _, err := os.Lstat(f.path); err == nil {
				return existsError(f.path)
			}
		}
	}
	for i, f := range files {
		if err := writeAtomic(f, force); err != nil {
			for _, done := range files[:i] {
				_ = os.Remove(done.path)
			}
			return err
		}
	}
	return nil
}

func existsError(path string) error {
	return inputErrorf([]string{
		"pass --force to replace it, or choose another --out prefix",
	}, "%s already exists", path)
}

// writeAtomic writes f.data to a temporary file in the same directory with
// f.mode, syncs it, and moves it into place, so a reader never sees a
// partial key file. Without replace, os.Link moves it, which fails when
// the target appeared after the check.
func writeAtomic(f fileWrite, replace bool) error {
	dir, base := filepath.Split(f.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return writeError(f.path, err)
	}
	defer os.Remove(tmp.Name())
	if err := fillFile(tmp, f); err != nil {
		return writeError(f.path, err)
	}
	if replace {
		err = os.Rename(tmp.Name(), f.path)
	} else {
		err = os.Link(tmp.Name(), f.path)
	}
	if errors.Is(err, fs.ErrExist) {
		return existsError(f.path)
	}
	if err != nil {
		return writeError(f.path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir flushes the directory entry of a renamed file to disk. Some
// file systems cannot sync a directory, and the file is already in place,
// so an error is ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

func fillFile(tmp *os.File, f fileWrite) error {
	err := tmp.Chmod(f.mode)
	if err == nil {
		_, err = tmp.Write(f.data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	return err
}

func writeError(path string, err error) error {
	return inputErrorf([]string{"check that the directory exists and is writable"},
		"cannot write %s: %v", path, unwrapPathError(err))
}

// unwrapPathError drops the temporary file name from an *fs.PathError so
// the message names only the target.
func unwrapPathError(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	var linkErr *os.LinkError
	if errors.As(err, &linkErr) {
		return linkErr.Err
	}
	return err
}
