package jwtcore

// Severity ranks a finding.
type Severity int

// Severities, from least to most serious.
const (
	// SeverityInfo is a fact worth knowing, such as input clean-up.
	SeverityInfo Severity = iota
	// SeverityWarning is a risk or a deviation from the standards.
	SeverityWarning
	// SeverityDanger is a finding that makes the token unsafe to accept.
	SeverityDanger
)

// String returns "info", "warning" or "danger".
func (s Severity) String() string {
	switch s {
	case SeverityWarning:
		return "warning"
	case SeverityDanger:
		return "danger"
	default:
		return "info"
	}
}

// Finding is one observation about the input, the token or the key, with a
// stable machine-readable code and a plain-language message.
type Finding struct {
	Code     string
	Severity Severity
	Message  string
}
