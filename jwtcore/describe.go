package jwtcore

// ClaimMeaning returns a one-line description of a claim name, such as
// "Expiration time: ..." for exp, or a note that the claim is private.
func ClaimMeaning(name string) string { return describeClaim(name).description }

// HeaderMeaning returns a one-line description of a header parameter.
func HeaderMeaning(name string) string { return describeHeader(name).description }
