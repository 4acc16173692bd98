package jwtcore

// Stubs replaced by the key and verification implementation.

// Temporary stubs so every package compiles while the real code lands.
// Each is replaced by its implementation file.

// Verify checks t's signature with opts.Keys and its claims at opts.Now.
func Verify(t *Token, opts VerifyOptions) Result { return Result{} }

// ParseKeys reads PEM, DER, a bare PEM body, a JWK or a JWKS.
func ParseKeys(data []byte) ([]Key, error) { return nil, ErrKeyFormat }

// SecretFromText returns an HMAC key whose bytes are the UTF-8 text s.
func SecretFromText(s string) Key { return Key{Type: KeyHMAC, Secret: []byte(s)} }

// SecretFromBase64 decodes s as base64 or base64url, padded or not.
func SecretFromBase64(s string) (Key, error) { return Key{Type: KeyHMAC}, nil }

// SecretFromFile returns an HMAC key with data's bytes unchanged, with a
// finding when data ends in a newline.
func SecretFromFile(data []byte) Key { return Key{Type: KeyHMAC, Secret: data} }

// SignatureValid reports whether a key verified the signature.
func (r Result) SignatureValid() bool { return r.Status == StatusVerified }

// ClaimsValid reports whether every claim check passed.
func (r Result) ClaimsValid() bool { return true }

// Valid reports whether the signature verified and every check passed.
func (r Result) Valid() bool { return r.SignatureValid() && r.ClaimsValid() }
