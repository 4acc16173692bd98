package jwtcore

// nameInfo is the category and description of a header parameter or
// claim name.
type nameInfo struct {
	category    Category
	description string
}

// headerCatalog describes JOSE header parameters from RFC 7515 (JWS),
// RFC 7516 (JWE), RFC 7518 (algorithm parameters), RFC 7797 (b64) and
// RFC 8555 (url, nonce).
var headerCatalog = map[string]nameInfo{
	"alg": {CategoryRegistered, "Algorithm: how the token is signed (HS256, RS256, " +
		"ES256, EdDSA...) or, in a JWE, how the content key is managed"},
	"typ": {CategoryRegistered, "Type of the whole token, usually \"JWT\"; \"at+jwt\" " +
		"marks an OAuth access token"},
	"cty": {CategoryRegistered, "Content type of the payload; \"JWT\" means the payload " +
		"is itself a nested token"},
	"kid": {CategoryRegistered, "Key ID: a hint naming which of the issuer's keys " +
		"signed the token"},
	"jku": {CategoryRegistered, "JWK Set URL: where the signing key could be fetched; " +
		"trusting it lets an attacker choose the key"},
	"jwk": {CategoryRegistered, "Public key embedded in the header; trusting it lets " +
		"anyone sign with their own key"},
	"x5u": {CategoryRegistered, "X.509 certificate URL: where a certificate for the key " +
		"could be fetched"},
	"x5c": {CategoryRegistered, "X.509 certificate chain for the signing key, base64 " +
		"DER, leaf first"},
	"x5t": {CategoryRegistered, "SHA-1 thumbprint of the signing key's X.509 certificate"},
	"x5t#S256": {CategoryRegistered, "SHA-256 thumbprint of the signing key's X.509 " +
		"certificate"},
	"crit": {CategoryRegistered, "Critical: header parameters the receiver must " +
		"understand, or else reject the token"},
	"b64": {CategoryRegistered, "false means the payload is not base64url-encoded (RFC " +
		"7797); it must be listed in crit"},
	"zip": {CategoryRegistered, "Compression applied to the plaintext before encryption " +
		"(JWE); \"DEF\" is DEFLATE"},
	"enc": {CategoryRegistered, "Content encryption algorithm of a JWE, such as A256GCM"},
	"epk": {CategoryRegistered, "Ephemeral public key of the sender for ECDH key " +
		"agreement (JWE)"},
	"apu": {CategoryRegistered, "Agreement PartyUInfo: information about the sender for " +
		"ECDH key agreement (JWE)"},
	"apv": {CategoryRegistered, "Agreement PartyVInfo: information about the recipient " +
		"for ECDH key agreement (JWE)"},
	"iv":  {CategoryRegistered, "Initialization vector for AES-GCM key wrapping (JWE)"},
	"tag": {CategoryRegistered, "Authentication tag from AES-GCM key wrapping (JWE)"},
	"p2s": {CategoryRegistered, "Salt input for PBES2 password-based key wrapping (JWE)"},
	"p2c": {CategoryRegistered, "Iteration count for PBES2 password-based key wrapping " +
		"(JWE)"},
	"url":   {CategoryPublic, "Request URL the token is bound to (ACME, RFC 8555)"},
	"nonce": {CategoryPublic, "Server nonce that prevents replay (ACME, RFC 8555)"},
	"ppt":   {CategoryPublic, "PASSporT extension type (RFC 8225)"},
	"svt":   {CategoryPublic, "Signature validation token (RFC 9321)"},
}

// claimCatalog describes registered claims (RFC 7519 section 4.1), common
// public claims (IANA JWT Claims registry, OpenID Connect Core, RFC 8693,
// RFC 7800, RFC 9068) and the claims Django REST framework SimpleJWT adds.
var claimCatalog = map[string]nameInfo{
	"iss": {CategoryRegistered, "Issuer: who created and signed the token"},
	"sub": {CategoryRegistered, "Subject: who the token is about, usually a user ID"},
	"aud": {CategoryRegistered, "Audience: who the token is meant for; a receiver must find " +
		"itself here"},
	"exp": {CategoryRegistered, "Expiration time: the token must be rejected from this " +
		"moment on"},
	"nbf": {CategoryRegistered, "Not before: the token must be rejected before this moment"},
	"iat": {CategoryRegistered, "Issued at: when the token was created"},
	"jti": {CategoryRegistered, "JWT ID: a unique ID for this token, used to block replays " +
		"or to revoke it"},

	"name":        {CategoryPublic, "Full name of the user"},
	"given_name":  {CategoryPublic, "Given (first) name of the user"},
	"family_name": {CategoryPublic, "Family (last) name of the user"},
	"middle_name": {CategoryPublic, "Middle name of the user"},
	"nickname":    {CategoryPublic, "Casual name of the user"},
	"preferred_username": {CategoryPublic, "Username the user prefers to be shown; not " +
		"guaranteed unique"},
	"profile": {CategoryPublic, "URL of the user's profile page"},
	"picture": {CategoryPublic, "URL of the user's profile picture"},
	"website": {CategoryPublic, "URL of the user's web page"},
	"email":   {CategoryPublic, "Email address of the user"},
	"email_verified": {CategoryPublic, "Whether the issuer has verified the email " +
		"address"},
	"gender":       {CategoryPublic, "Gender of the user"},
	"birthdate":    {CategoryPublic, "Birthday of the user"},
	"zoneinfo":     {CategoryPublic, "Time zone of the user, such as Europe/Paris"},
	"locale":       {CategoryPublic, "Language and region of the user, such as en-US"},
	"phone_number": {CategoryPublic, "Phone number of the user"},
	"phone_number_verified": {CategoryPublic, "Whether the issuer has verified the phone " +
		"number"},
	"address": {CategoryPublic, "Postal address of the user"},
	"updated_at": {CategoryPublic, "When the user's profile was last changed, in " +
		"seconds since 1970"},
	"azp": {CategoryPublic, "Authorized party: the client the token was " +
		"issued to"},
	"nonce": {CategoryPublic, "Value from the login request that ties this " +
		"ID token to it and blocks replay"},
	"auth_time": {CategoryPublic, "When the user last authenticated"},
	"at_hash": {CategoryPublic, "Hash of the access token issued together with " +
		"this ID token"},
	"c_hash": {CategoryPublic, "Hash of the authorization code issued " +
		"together with this ID token"},
	"acr": {CategoryPublic, "Authentication context class: how strongly " +
		"the user was authenticated"},
	"amr": {CategoryPublic, "Authentication methods used, such as pwd, otp " +
		"or mfa"},
	"sid":   {CategoryPublic, "Session ID of the user's login session"},
	"scope": {CategoryPublic, "Space-separated OAuth scopes the token grants"},
	"scp": {CategoryPublic, "OAuth scopes the token grants (a common " +
		"variant of scope)"},
	"client_id": {CategoryPublic, "OAuth client the token was issued to"},
	"cnf": {CategoryPublic, "Confirmation: the key the holder must prove " +
		"it has (proof of possession)"},
	"act": {CategoryPublic, "Actor: who acts on behalf of the subject " +
		"(token exchange)"},
	"may_act": {CategoryPublic, "Who may act on behalf of the subject (token " +
		"exchange)"},
	"roles":        {CategoryPublic, "Roles granted to the user"},
	"groups":       {CategoryPublic, "Groups the user belongs to"},
	"entitlements": {CategoryPublic, "Entitlements granted to the user"},
	"events": {CategoryPublic, "Security events this token reports (security " +
		"event token)"},
	"txn": {CategoryPublic, "Transaction ID that ties related tokens " +
		"together"},
	"sub_jwk": {CategoryPublic, "Public key of the subject (self-issued ID " +
		"token)"},
	"tid":             {CategoryPublic, "Tenant ID (Microsoft Entra ID)"},
	"oid":             {CategoryPublic, "Object ID of the user (Microsoft Entra ID)"},
	"upn":             {CategoryPublic, "User principal name (Microsoft Entra ID)"},
	"realm_access":    {CategoryPublic, "Realm roles of the user (Keycloak)"},
	"resource_access": {CategoryPublic, "Client roles of the user (Keycloak)"},
	"typ": {CategoryPublic, "Token type (Keycloak), such as Bearer, ID or " +
		"Refresh"},
	"session_state": {CategoryPublic, "Session ID of the login session (Keycloak)"},
	"hd": {CategoryPublic, "Hosted domain of the user's Google Workspace " +
		"account"},

	"token_type": {CategorySimpleJWT, "Kind of token: \"access\" or \"refresh\" (Django REST " +
		"framework SimpleJWT)"},
	"user_id": {CategorySimpleJWT, "ID of the user the token belongs to (Django REST " +
		"framework SimpleJWT)"},
}

const privateDescription = "private claim: defined by the application"

// describeHeader returns the category and description of a header name.
func describeHeader(name string) nameInfo {
	if info, ok := headerCatalog[name]; ok {
		return info
	}
	return nameInfo{CategoryPrivate, "private header parameter: defined by the application"}
}

// describeClaim returns the category and description of a claim name.
func describeClaim(name string) nameInfo {
	if info, ok := claimCatalog[name]; ok {
		return info
	}
	return nameInfo{CategoryPrivate, privateDescription}
}

// String returns "registered", "public", "simplejwt" or "private".
func (c Category) String() string {
	switch c {
	case CategoryRegistered:
		return "registered"
	case CategoryPublic:
		return "public"
	case CategorySimpleJWT:
		return "simplejwt"
	default:
		return "private"
	}
}
