package jwtcore

import (
	"crypto"
	"slices"
	"strconv"

	"github.com/golang-jwt/jwt/v5"
)

// KeyNone is the key type of alg "none", which takes no key at all.
const KeyNone KeyType = -1

// Algorithm families, used in Algorithm.Family.
const (
	FamilyHMAC     = "HMAC"
	FamilyRSAPKCS1 = "RSASSA-PKCS1-v1_5"
	FamilyRSAPSS   = "RSASSA-PSS"
	FamilyECDSA    = "ECDSA"
	FamilyEdDSA    = "EdDSA"
	FamilyNone     = "none"
)

// Algorithm describes one JWS alg value in the jwtlab catalogue.
type Algorithm struct {
	// Name is the alg header value, which is case-sensitive.
	Name string
	// KeyType is the only key type this alg may be used with.
	KeyType KeyType
	// Hash is the hash over the signing input. For EdDSA and Ed25519 it is
	// the SHA-512 that Ed25519 applies internally (RFC 8032 5.1).
	Hash crypto.Hash
	// Family is one of the Family constants.
	Family string
	// Curve is the elliptic curve for ECDSA and EdDSA, else "".
	Curve string
	// MinKeyBits is the smallest key size the specification allows:
	// the hash size for HMAC (RFC 7518 3.2), 2048 for RSA (RFC 7518 3.3
	// and 3.5), and the curve size for ECDSA and EdDSA.
	MinKeyBits int
	// SignatureSize is the fixed signature length in bytes, or 0 when it
	// depends on the key (RSA: the modulus size) or there is no signature.
	SignatureSize int
	// Deterministic reports whether signing the same input with the same
	// key always gives the same signature.
	Deterministic bool
	// Unsafe marks an alg that provides no integrity at all ("none").
	Unsafe bool
	// Spec is the defining specification and section.
	Spec string
	// Summary is a one-line description: symmetric or asymmetric, hash,
	// key size, deterministic or randomised.
	Summary string
}

// algorithmTable is the catalogue. Callers get copies through Algorithms
// and LookupAlgorithm, so the table is never changed after start-up.
var algorithmTable = [...]Algorithm{
	hmacAlgorithm("HS256", crypto.SHA256),
	hmacAlgorithm("HS384", crypto.SHA384),
	hmacAlgorithm("HS512", crypto.SHA512),
	rsaAlgorithm("RS256", FamilyRSAPKCS1, crypto.SHA256),
	rsaAlgorithm("RS384", FamilyRSAPKCS1, crypto.SHA384),
	rsaAlgorithm("RS512", FamilyRSAPKCS1, crypto.SHA512),
	rsaAlgorithm("PS256", FamilyRSAPSS, crypto.SHA256),
	rsaAlgorithm("PS384", FamilyRSAPSS, crypto.SHA384),
	rsaAlgorithm("PS512", FamilyRSAPSS, crypto.SHA512),
	ecdsaAlgorithm("ES256", "P-256", crypto.SHA256, 256),
	ecdsaAlgorithm("ES384", "P-384", crypto.SHA384, 384),
	ecdsaAlgorithm("ES512", "P-521", crypto.SHA512, 521),
	eddsaAlgorithm("EdDSA", "RFC 8037 3.1",
		"asymmetric EdDSA, here with an Ed25519 (OKP) key"),
	eddsaAlgorithm("Ed25519", "RFC 9864",
		"asymmetric Ed25519, the fully specified name for EdDSA with "+
			"Ed25519, so its signatures equal those of EdDSA"),
	{
		Name: "none", KeyType: KeyNone, Family: FamilyNone,
		Deterministic: true, Unsafe: true, Spec: "RFC 7518 3.6",
		Summary: "unsigned: no key and no signature, so anyone can " +
			"write such a token; never accept it",
	},
}

func hmacAlgorithm(name string, hash crypto.Hash) Algorithm {
	return Algorithm{
		Name: name, KeyType: KeyHMAC, Hash: hash, Family: FamilyHMAC,
		MinKeyBits: hash.Size() * 8, SignatureSize: hash.Size(),
		Deterministic: true, Spec: "RFC 7518 3.2",
		Summary: "symmetric HMAC with " + hash.String() +
			"; shared secret of at least " + strconv.Itoa(hash.Size()) +
			" bytes; deterministic",
	}
}

func rsaAlgorithm(name, family string, hash crypto.Hash) Algorithm {
	alg := Algorithm{
		Name: name, KeyType: KeyRSA, Hash: hash, Family: family,
		MinKeyBits: 2048, Deterministic: family == FamilyRSAPKCS1,
		Spec: "RFC 7518 3.3",
		Summary: "asymmetric RSA PKCS#1 v1.5 with " + hash.String() +
			"; RSA key of at least 2048 bits; deterministic",
	}
	if family == FamilyRSAPSS {
		alg.Spec = "RFC 7518 3.5"
		alg.Summary = "asymmetric RSA-PSS with " + hash.String() +
			" and MGF1; RSA key of at least 2048 bits; " +
			"randomised (random salt)"
	}
	return alg
}

func ecdsaAlgorithm(name, curve string, hash crypto.Hash, bits int) Algorithm {
	size := 2 * ((bits + 7) / 8)
	return Algorithm{
		Name: name, KeyType: KeyEC, Hash: hash, Family: FamilyECDSA,
		Curve: curve, MinKeyBits: bits, SignatureSize: size,
		Spec: "RFC 7518 3.4",
		Summary: "asymmetric ECDSA on " + curve + " with " + hash.String() +
			"; randomised " + strconv.Itoa(size) + "-byte r||s signature",
	}
}

func eddsaAlgorithm(name, spec, description string) Algorithm {
	return Algorithm{
		Name: name, KeyType: KeyEd25519, Hash: crypto.SHA512,
		Family: FamilyEdDSA, Curve: "Ed25519", MinKeyBits: 256,
		SignatureSize: 64, Deterministic: true, Spec: spec,
		Summary: description + "; SHA-512 inside the signature scheme; " +
			"256-bit key; deterministic 64-byte signature",
	}
}

// Algorithms returns the catalogue, in a fresh slice the caller may change.
func Algorithms() []Algorithm {
	return slices.Clone(algorithmTable[:])
}

// LookupAlgorithm returns the catalogue entry for an alg value. The match
// is exact, because alg values are case-sensitive (RFC 7515 4.1.1).
func LookupAlgorithm(name string) (Algorithm, bool) {
	if i := algorithmIndex(name); i >= 0 {
		return algorithmTable[i], true
	}
	return Algorithm{}, false
}

// algorithmIndex returns the position of name in algorithmTable, or -1.
func algorithmIndex(name string) int {
	for i := range algorithmTable {
		if algorithmTable[i].Name == name {
			return i
		}
	}
	return -1
}

// SigningMethod returns the golang-jwt signing method that computes this
// alg. Ed25519 maps to jwt.SigningMethodEdDSA, which has the same math.
// The PS methods verify only a salt as long as the hash, as RFC 7518 3.5
// requires, where golang-jwt's own accept any salt length.
// It returns nil for an Algorithm that is not in the catalogue.
func (a Algorithm) SigningMethod() jwt.SigningMethod {
	switch a.Name {
	case "Ed25519":
		return jwt.SigningMethodEdDSA
	case "none":
		return jwt.SigningMethodNone
	case "PS256":
		return strictPS256
	case "PS384":
		return strictPS384
	case "PS512":
		return strictPS512
	}
	if _, ok := LookupAlgorithm(a.Name); !ok {
		return nil
	}
	return jwt.GetSigningMethod(a.Name)
}

// String returns a short name of the key type, as used in messages.
func (k KeyType) String() string {
	switch k {
	case KeyHMAC:
		return "HMAC secret"
	case KeyRSA:
		return "RSA"
	case KeyEC:
		return "EC"
	case KeyEd25519:
		return "Ed25519"
	case KeyNone:
		return "no key"
	default:
		return "unknown key type"
	}
}
