package jwtcore

import (
	"crypto"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/go-jose/go-jose/v4"
)

// ErrNotExportable is returned (wrapped) when a key has no form for the
// requested export, such as a public PEM of an HMAC secret.
var ErrNotExportable = errors.New("key cannot be exported in this form")

// PrivatePEM encodes the private key as a PKCS#8 "PRIVATE KEY" PEM block.
// An HMAC secret has no PEM form.
func PrivatePEM(key Key) ([]byte, error) {
	if err := needPrivate(key, "a private PEM"); err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key.Private)
	if err != nil {
		return nil, fmt.Errorf("%w: PKCS#8: %w", ErrNotExportable, err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// PublicPEM encodes the public key as an SPKI "PUBLIC KEY" PEM block, the
// form `openssl pkey -pubout` writes.
func PublicPEM(key Key) ([]byte, error) {
	if err := needPublic(key, "a public PEM"); err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKIXPublicKey(key.Public)
	if err != nil {
		return nil, fmt.Errorf("%w: SPKI: %w", ErrNotExportable, err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), nil
}

// PrivateJWK encodes the key with its private members as an indented JWK
// (RFC 7517) ending in a newline. An HMAC secret becomes an "oct" JWK
// whose "k" is the secret. "kid" and "alg" are the key's ID and Alg when
// set, and "use" is "sig".
func PrivateJWK(key Key) ([]byte, error) {
	if key.Type != KeyHMAC {
		if err := needPrivate(key, "a private JWK"); err != nil {
			return nil, err
		}
	}
	return marshalJWK(privateJWK(key))
}

// PublicJWK encodes the public key as an indented JWK ending in a newline.
func PublicJWK(key Key) ([]byte, error) {
	jwk, err := publicJWK(key)
	if err != nil {
		return nil, err
	}
	return marshalJWK(jwk)
}

// PublicJWKS encodes the public keys as an indented JWK Set
// ({"keys": [...]}, RFC 7517 5) ending in a newline, the document a
// verifier fetches from a jwks_uri.
func PublicJWKS(keys ...Key) ([]byte, error) {
	set := jose.JSONWebKeySet{Keys: make([]jose.JSONWebKey, 0, len(keys))}
	for _, key := range keys {
		jwk, err := publicJWK(key)
		if err != nil {
			return nil, err
		}
		set.Keys = append(set.Keys, jwk)
	}
	return marshalJWK(set)
}

// Thumbprint returns the RFC 7638 JWK thumbprint of the key: the SHA-256
// of its required public members in canonical JSON, as unpadded base64url.
// For an HMAC secret it is computed over the "oct" members, which include
// the secret itself.
func Thumbprint(key Key) (string, error) {
	jwk := privateJWK(key)
	if key.Type != KeyHMAC {
		var err error
		if jwk, err = publicJWK(key); err != nil {
			return "", err
		}
	}
	sum, err := jwk.Thumbprint(crypto.SHA256)
	if err != nil {
		return "", fmt.Errorf("%w: thumbprint: %w", ErrNotExportable, err)
	}
	return base64.RawURLEncoding.EncodeToString(sum), nil
}

func privateJWK(key Key) jose.JSONWebKey {
	jwk := jose.JSONWebKey{KeyID: key.ID, Algorithm: key.Alg, Use: "sig"}
	if key.Type == KeyHMAC {
		jwk.Key = key.Secret
	} else {
		jwk.Key = key.Private
	}
	return jwk
}

func publicJWK(key Key) (jose.JSONWebKey, error) {
	if err := needPublic(key, "a public JWK"); err != nil {
		return jose.JSONWebKey{}, err
	}
	return jose.JSONWebKey{
		Key: key.Public, KeyID: key.ID, Algorithm: key.Alg, Use: "sig",
	}, nil
}

func marshalJWK(v any) ([]byte, error) {
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("%w: JWK: %w", ErrNotExportable, err)
	}
	return append(out, '\n'), nil
}

func needPrivate(key Key, form string) error {
	if key.Type == KeyHMAC {
		return fmt.Errorf("%w: an HMAC secret has no PEM form; "+
			"export it as a JWK or as base64url text", ErrNotExportable)
	}
	if key.Private == nil {
		return fmt.Errorf("%w: %s needs the private key, and this %s key "+
			"is public only", ErrNotExportable, form, key.Type)
	}
	return nil
}

func needPublic(key Key, form string) error {
	if key.Type == KeyHMAC {
		return fmt.Errorf("%w: an HMAC secret is symmetric and has no "+
			"public key, so there is no %s; share the secret itself only "+
			"with the verifier", ErrNotExportable, form)
	}
	if key.Public == nil {
		return fmt.Errorf("%w: the %s key has no public part", ErrNotExportable,
			key.Type)
	}
	return nil
}
