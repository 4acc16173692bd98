// Package demo will hold the simulated clock and the SimpleJWT-like issuer
// used by the lifecycle simulation. It imports no terminal code.
package demo
