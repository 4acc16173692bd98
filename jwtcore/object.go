package jwtcore

// Object is a JSON object kept exactly as received: its text, and its
// top-level members in order with their raw value literals.
type Object struct {
	// Text is the exact JSON text.
	Text []byte
	// Members are the top-level members in the order they appear,
	// duplicates included.
	Members []Member
	// Duplicates lists member names that appear more than once.
	Duplicates []string
}

// Member is one top-level member of an Object.
type Member struct {
	Name string
	// Value is the raw JSON literal, byte for byte as in Text
	// (a number keeps its exact digits).
	Value []byte
}

// Get returns the raw value of the last member called name. The last one
// wins, as in most JSON parsers, when a name is duplicated.
func (o Object) Get(name string) ([]byte, bool) {
	for i := len(o.Members) - 1; i >= 0; i-- {
		if o.Members[i].Name == name {
			return o.Members[i].Value, true
		}
	}
	return nil, false
}

// String returns the value of member name when it is a JSON string.
func (o Object) String(name string) (string, bool) {
	return objectString(o, name)
}
