// Package jwtcore decodes, explains, lints, verifies and signs JSON Web
// Tokens. It has no terminal code, so the CLI, the TUI, the demo issuer and
// the tests share one implementation.
//
// An inspection runs in steps. [Normalize] finds the token in pasted text.
// [Decode] splits it and keeps the header and payload as their exact
// bytes. [Explain] and [Lint] describe it. [Verify] checks the signature
// and claims against keys the caller supplies. [Inspect] runs all of them and
// returns one [Report].
//
// jwtcore never fetches a URL named in a token (jku, x5u): keys come only
// from the caller.
package jwtcore
