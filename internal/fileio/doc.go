// Package fileio reads and writes the small files jwtlab works with: keys,
// secrets and payloads.
//
// [ReadFile] reads only regular files, up to a size limit, so a path such
// as /dev/zero, a named pipe or a directory fails at once with an error
// that names the path. [WriteFilesOnce] writes a set of files, such as a
// private key and its public key, so that either every file is written or
// none changes.
package fileio
