package jwtcore

import (
	"bytes"
	"fmt"

	"golang.org/x/crypto/ssh"
)

// sshKeyPrefixes start the key types of OpenSSH public key lines that
// have a JWS counterpart.
var sshKeyPrefixes = [...]string{"ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-"}

// isSSHPublicKeyLine reports whether data starts like an OpenSSH public
// key line, as in a key.pub or an authorized_keys file.
func isSSHPublicKeyLine(data []byte) bool {
	for _, prefix := range sshKeyPrefixes {
		if bytes.HasPrefix(data, []byte(prefix)) {
			return true
		}
	}
	return false
}

// hasKeyLine reports whether data has a line that is neither blank nor a
// # comment.
func hasKeyLine(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '#' {
			return true
		}
	}
	return false
}

// parseSSHPublicKeys reads OpenSSH public key lines, one key per line;
// blank lines and # comments are skipped. RSA, ECDSA (P-256, P-384,
// P-521) and Ed25519 keys become verification keys. Comments after the
// key are dropped, because they often hold an e-mail address.
func parseSSHPublicKeys(data []byte) ([]Key, error) {
	var keys []Key
	for rest := data; hasKeyLine(rest); {
		public, _, _, next, err := ssh.ParseAuthorizedKey(rest)
		if err != nil {
			return nil, fmt.Errorf("%w: OpenSSH public key %d cannot be read: %v",
				ErrKeyFormat, len(keys)+1, err)
		}
		rest = next
		cryptoKey, ok := public.(ssh.CryptoPublicKey)
		if !ok {
			return nil, fmt.Errorf("%w: OpenSSH public key %d has type %s, "+
				"which has no JWS algorithm", ErrKeyFormat, len(keys)+1, public.Type())
		}
		key, err := keyFromCrypto(cryptoKey.CryptoPublicKey(), "OpenSSH public key")
		if err != nil {
			return nil, err
		}
		keys = append(keys, key)
	}
	return keys, nil
}
