package tui

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/jwtlab/jwtlab/internal/fileio"
	"github.com/jwtlab/jwtlab/jwtcore"
)

// exportFormat is one way to write the key out.
type exportFormat struct {
	label   string
	private bool
	encode  func(jwtcore.Key) ([]byte, error)
}

// exportFormats are the key exports the key panel offers, in cycle order.
var exportFormats = [...]exportFormat{
	{label: "private key, PEM (PKCS#8)", private: true, encode: jwtcore.PrivatePEM},
	{label: "public key, PEM (SPKI)", encode: jwtcore.PublicPEM},
	{label: "private key, JWK", private: true, encode: jwtcore.PrivateJWK},
	{label: "public key, JWK", encode: jwtcore.PublicJWK},
	{label: "public key, JWKS", encode: func(k jwtcore.Key) ([]byte, error) { return jwtcore.PublicJWKS(k) }},
	{label: "HMAC secret, base64url text", private: true, encode: secretBase64},
}

// secretBase64 encodes an HMAC secret as one line of unpadded base64url,
// the form the secret input and jwtlab's --secret-base64 read back.
func secretBase64(k jwtcore.Key) ([]byte, error) {
	if k.Type != jwtcore.KeyHMAC {
		return nil, fmt.Errorf("%w: only an HMAC secret is exported as base64url text; "+
			"pick a PEM or JWK format", jwtcore.ErrNotExportable)
	}
	return []byte(base64.RawURLEncoding.EncodeToString(k.Secret) + "\n"), nil
}

// defaultExportForm returns the first format that can encode k: the
// private JWK for an HMAC secret, which has no PEM form.
func defaultExportForm(k jwtcore.Key) int {
	for i, f := range exportFormats {
		if _, err := f.encode(k); err == nil {
			return i
		}
	}
	return 0
}

// fileMode returns the permissions of an exported file: 0600 for private
// keys and HMAC secrets, 0644 for public keys.
func (f exportFormat) fileMode() fs.FileMode {
	if f.private {
		return 0o600
	}
	return 0o644
}

// keyExportedMsg reports where an export went, or why it failed.
type keyExportedMsg struct {
	path  string
	label string
	err   error
	// exists is set when the file was there already and nothing was
	// written, so the panel can ask before replacing it.
	exists bool
}

// exportCmd writes data to path off the UI loop. It replaces an existing
// file only when replace is set.
func exportCmd(path string, data []byte, mode fs.FileMode, label string, replace bool) tea.Cmd {
	return func() tea.Msg {
		file := fileio.File{Path: expandHome(path), Data: data, Mode: mode}
		err := fileio.WriteFilesOnce(context.Background(), []fileio.File{file}, replace)
		return keyExportedMsg{path: path, label: label, err: err, exists: errors.Is(err, fs.ErrExist)}
	}
}

// expandHome turns a leading ~/ into the home directory, as a shell does.
func expandHome(path string) string {
	rest, ok := strings.CutPrefix(path, "~/")
	if !ok {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return filepath.Join(home, rest)
}
