package jwtcore

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"encoding/binary"
	"math/big"
	"slices"
	"strconv"

	"github.com/golang-jwt/jwt/v5"
)

// RSASSA-PSS methods that sign and verify with a salt as long as the
// hash (RFC 7518 3.5).
var (
	strictPS256 = strictPSSMethod(jwt.SigningMethodPS256)
	strictPS384 = strictPSSMethod(jwt.SigningMethodPS384)
	strictPS512 = strictPSSMethod(jwt.SigningMethodPS512)
)

func strictPSSMethod(base *jwt.SigningMethodRSAPSS) *jwt.SigningMethodRSAPSS {
	options := &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}
	return &jwt.SigningMethodRSAPSS{SigningMethodRSA: base.SigningMethodRSA,
		Options: options, VerifyOptions: options}
}

// pssSaltNote names the salt length of a PS signature that verifies with
// key only when any salt length is accepted. It returns "" for another
// alg or for a signature that does not verify at all.
func (v *signatureVerifier) pssSaltNote(input string, key Key) string {
	public, ok := key.Public.(*rsa.PublicKey)
	if v.alg.Family != FamilyRSAPSS || !ok {
		return ""
	}
	digest := v.alg.Hash.New()
	digest.Write([]byte(input))
	auto := &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto}
	if rsa.VerifyPSS(public, v.alg.Hash, digest.Sum(nil), v.token.Signature, auto) != nil {
		return ""
	}
	length, ok := pssSaltLength(public, v.alg.Hash, v.token.Signature)
	if !ok {
		return ""
	}
	return "the salt is " + pluralize(float64(length), "byte") +
		", and RFC 7518 3.5 requires " + strconv.Itoa(v.alg.Hash.Size()) +
		" (the " + v.alg.Hash.String() + " size)"
}

// pssSaltLength recovers the salt length of an RSASSA-PSS signature that
// verifies. crypto/rsa cannot verify a given salt length of 0, because 0
// means any length there, so this decodes EMSA-PSS (RFC 8017 9.1.2).
func pssSaltLength(public *rsa.PublicKey, hash crypto.Hash, signature []byte) (int, bool) {
	emBits := public.N.BitLen() - 1
	emLength := (emBits + 7) / 8
	hashLength := hash.Size()
	message := new(big.Int).Exp(new(big.Int).SetBytes(signature),
		big.NewInt(int64(public.E)), public.N)
	if emLength < hashLength+2 || (message.BitLen()+7)/8 > emLength {
		return 0, false
	}
	encoded := message.FillBytes(make([]byte, emLength))
	maskedLength := emLength - hashLength - 1
	block := mgf1(hash, encoded[maskedLength:emLength-1], maskedLength)
	for i := range block {
		block[i] ^= encoded[i]
	}
	block[0] &= 0xff >> (8*emLength - emBits)

	// The data block is zero bytes, one 0x01 byte, then the salt.
	separator := bytes.IndexByte(block, 1)
	if separator < 0 || slices.ContainsFunc(block[:separator], func(b byte) bool { return b != 0 }) {
		return 0, false
	}
	return len(block) - separator - 1, true
}

// mgf1 is the mask generation function of RFC 8017 B.2.1.
func mgf1(hash crypto.Hash, seed []byte, length int) []byte {
	mask := make([]byte, 0, length+hash.Size())
	var counter [4]byte
	for len(mask) < length {
		digest := hash.New()
		digest.Write(seed)
		digest.Write(counter[:])
		mask = digest.Sum(mask)
		binary.BigEndian.PutUint32(counter[:], binary.BigEndian.Uint32(counter[:])+1)
	}
	return mask[:length]
}
