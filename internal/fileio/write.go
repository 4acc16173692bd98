package fileio

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is one file for WriteFilesOnce to write.
type File struct {
	Path string
	Data []byte
	Mode fs.FileMode
}

// ErrInterrupted marks a write that stopped because its context was
// canceled, such as by SIGINT. Nothing was changed.
var ErrInterrupted = errors.New("interrupted")

// WriteFileAtomic writes data to path through a synced temporary file in
// the same directory, renamed into place, so a reader sees the old file or
// the whole new one. It replaces an existing file but not a directory.
func WriteFileAtomic(path string, data []byte, mode fs.FileMode) error {
	return WriteFilesOnce(context.Background(), []File{{Path: path, Data: data, Mode: mode}}, true)
}

// WriteFilesOnce writes every file or, when it returns an error, leaves
// every path as it was. Without replace it fails when a path exists. A
// path that is a directory is an error either way. Every file is first
// written and synced to a temporary file next to its path. Only then are
// the temporary files moved into place. A replaced file is kept as a hard
// link until every move has succeeded, so a failure puts the old file
// back. ctx is checked between the steps, so a caller that cancels it on
// SIGINT or SIGTERM gets ErrInterrupted with nothing changed and no
// temporary file left.
func WriteFilesOnce(ctx context.Context, files []File, replace bool) error {
	for _, f := range files {
		if err := checkTarget(f.Path, replace); err != nil {
			return err
		}
	}
	temps, err := createTemps(files)
	defer removeAll(temps)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return interrupted(err)
	}
	return moveIntoPlace(ctx, files, temps, replace)
}

// checkTarget rejects a path that is a directory, or that exists when it
// must not be replaced.
func checkTarget(path string, replace bool) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.IsDir():
		return fmt.Errorf("%s is a directory (%w): remove it or choose another path", path, ErrNotRegular)
	case !replace:
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	return nil
}

// createTemps writes each file's data to a temporary file in its
// directory. It returns the names created so far even on error, so the
// caller can remove them.
func createTemps(files []File) ([]string, error) {
	var temps []string
	for _, f := range files {
		dir, base := filepath.Split(f.Path)
		tmp, err := os.CreateTemp(dirOrDot(dir), "."+base+".tmp-*")
		if err != nil {
			return temps, &fs.PathError{Op: "write", Path: f.Path, Err: unwrapPath(err)}
		}
		temps = append(temps, tmp.Name())
		if err := fill(tmp, f); err != nil {
			return temps, &fs.PathError{Op: "write", Path: f.Path, Err: unwrapPath(err)}
		}
	}
	return temps, nil
}

func fill(tmp *os.File, f File) error {
	err := tmp.Chmod(f.Mode)
	if err == nil {
		_, err = tmp.Write(f.Data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	return err
}

// placed is a path moved into place, with the hard link that keeps the
// file it replaced, if any.
type placed struct {
	path, backup string
}

// moveIntoPlace renames (replace) or hard-links (no replace, which fails
// on a path created since checkTarget) each temporary file to its path.
// On any failure it undoes the moves already made.
func moveIntoPlace(ctx context.Context, files []File, temps []string, replace bool) error {
	var done []placed
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			undo(done)
			return interrupted(err)
		}
		p, err := place(temps[i], f.Path, replace)
		if err != nil {
			undo(done)
			return err
		}
		done = append(done, p)
	}
	for _, p := range done {
		if p.backup != "" {
			_ = os.Remove(p.backup)
		}
		syncDir(filepath.Dir(p.path))
	}
	return nil
}

func place(temp, path string, replace bool) (placed, error) {
	if !replace {
		if err := os.Link(temp, path); err != nil {
			return placed{}, &fs.PathError{Op: "create", Path: path, Err: unwrapPath(err)}
		}
		return placed{path: path}, nil
	}
	backup, err := keepOld(path)
	if err != nil {
		return placed{}, err
	}
	if err := os.Rename(temp, path); err != nil {
		restore(placed{path: path, backup: backup})
		return placed{}, &fs.PathError{Op: "replace", Path: path, Err: unwrapPath(err)}
	}
	return placed{path: path, backup: backup}, nil
}

// keepOld makes a hard link to the file at path under a hidden name in
// the same directory and returns that name, or "" when path does not
// exist. Where hard links are not supported it moves the file instead,
// which restore moves back.
func keepOld(path string) (string, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	dir, base := filepath.Split(path)
	tmp, err := os.CreateTemp(dirOrDot(dir), "."+base+".old-*")
	if err != nil {
		return "", &fs.PathError{Op: "replace", Path: path, Err: unwrapPath(err)}
	}
	backup := tmp.Name()
	_ = tmp.Close()
	_ = os.Remove(backup)
	if err := os.Link(path, backup); err == nil {
		return backup, nil
	}
	if err := os.Rename(path, backup); err != nil {
		return "", &fs.PathError{Op: "replace", Path: path, Err: unwrapPath(err)}
	}
	return backup, nil
}

// undo restores the paths in done, last first.
func undo(done []placed) {
	for i := len(done) - 1; i >= 0; i-- {
		restore(done[i])
	}
}

// restore puts back the file that p replaced, or removes p's path when it
// did not exist before.
func restore(p placed) {
	if p.backup == "" {
		_ = os.Remove(p.path)
		return
	}
	_ = os.Rename(p.backup, p.path)
}

func removeAll(paths []string) {
	for _, path := range paths {
		_ = os.Remove(path)
	}
}

func interrupted(cause error) error {
	return fmt.Errorf("%w (%v) before any file was changed", ErrInterrupted, cause)
}

// syncDir flushes a directory entry to disk. Some file systems cannot sync
// a directory and the file is already in place, so errors are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

func dirOrDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// unwrapPath drops a temporary file name from err so a message names only
// the target path.
func unwrapPath(err error) error {
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
