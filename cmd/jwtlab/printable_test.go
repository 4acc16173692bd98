package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
)

// hostileText is what a token can carry to take over a terminal: an OSC 52
// clipboard write, a title change, a clear screen, a bell, a C1 CSI (as a
// raw byte and as UTF-8) and a right-to-left override.
const hostileText = "\x1b]52;c;Y3VybCBldmlsfHNo\x07\x1b]0;PWNED\x07\x1b[2J\x07\x9b2J\u009b2J txt.\u202eexe"

// signHS256 returns a compact HS256 JWS over the raw header and payload.
func signHS256(header, payload, secret string) string {
	input := base64.RawURLEncoding.EncodeToString([]byte(header)) + "." +
		base64.RawURLEncoding.EncodeToString([]byte(payload))
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(input))
	return input + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// unsafeOutput returns the first character of out that a terminal would
// act on, or "" when there is none. Escapes from the style code are not
// made, because NO_COLOR is set by runInProcess's empty environment.
func unsafeOutput(out string) string {
	for _, bad := range []string{"\x1b", "\x07", "\x9b", "\u009b", "\u202e"} {
		if strings.Contains(out, bad) {
			return bad
		}
	}
	return ""
}

func TestOutputEscapesTerminalControls(t *testing.T) {
	jsonPayload, _ := json.Marshal(map[string]string{"sub": hostileText, "name\u202e": "x"})
	tokens := map[string]string{
		"text payload":   signHS256(`{"alg":"HS256"}`, hostileText, "s"),
		"json payload":   signHS256(`{"alg":"HS256"}`, string(jsonPayload), "s"),
		"raw c1 in json": signHS256(`{"alg":"HS256","kid":"`+"\u009b\u202e"+`"}`, `{"sub":"`+"\u009b2J"+`"}`, "s"),
		"text header":    signHS256(hostileText, `{"sub":"a"}`, "s"),
		"alg escape":     signHS256(`{"alg":"`+"\u009b\u202e"+`"}`, `{}`, "s"),
	}
	commands := map[string][]string{
		"decode":      {"decode"},
		"decode json": {"decode", "--json"},
		"verify":      {"verify", "--secret", "s"},
		"verify json": {"verify", "--secret", "s", "--json"},
		"verify bad":  {"verify", "--secret", "wrong"},
	}
	for tokenName, token := range tokens {
		for commandName, args := range commands {
			t.Run(tokenName+"/"+commandName, func(t *testing.T) {
				r := runInProcess(append(args, token), "")
				if bad := unsafeOutput(r.stdout); bad != "" {
					t.Errorf("stdout contains %q:\n%s", bad, r.stdout)
				}
				if bad := unsafeOutput(r.stderr); bad != "" {
					t.Errorf("stderr contains %q:\n%s", bad, r.stderr)
				}
			})
		}
	}
}

func TestBatchEscapesTerminalControls(t *testing.T) {
	token := signHS256(`{"alg":"HS256"}`, `{"sub":"`+"\u202e\u009b"+`"}`, "s")
	stdin := token + "\n" + "eyJ\x1b]0;x\x07.a.b\n"
	for _, args := range [][]string{{"decode"}, {"verify", "--secret", "s"}} {
		r := runInProcess(args, stdin)
		if bad := unsafeOutput(r.stdout); bad != "" {
			t.Errorf("%s: stdout contains %q:\n%s", args[0], bad, r.stdout)
		}
	}
}

func TestJSONOutputKeepsValues(t *testing.T) {
	token := signHS256(`{"alg":"HS256"}`, `{"sub":"`+"\u009b\u202e\u2028"+`"}`, "s")
	r := runInProcess([]string{"decode", "--json", token}, "")
	if bad := unsafeOutput(r.stdout); bad != "" {
		t.Fatalf("stdout contains %q", bad)
	}
	var report struct {
		Payload struct {
			Sub string `json:"sub"`
		} `json:"payload"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if want := "\u009b\u202e\u2028"; report.Payload.Sub != want {
		t.Errorf("payload sub = %q, want %q", report.Payload.Sub, want)
	}
}

func TestErrorEscapesQuotedInput(t *testing.T) {
	r := runInProcess([]string{"verify", "--secret", "s", "--key", "x\x1b[2J\u202e"}, "")
	if bad := unsafeOutput(r.stderr); bad != "" {
		t.Errorf("stderr contains %q:\n%s", bad, r.stderr)
	}
}

func TestEscapeUnsafeJSON(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"plain kept":         {in: `{"a":"b"}` + "\r\n", want: `{"a":"b"}` + "\r\n"},
		"utf-8 kept":         {in: `{"a":"Zoë 名前"}`, want: `{"a":"Zoë 名前"}`},
		"c1 escaped":         {in: `{"a":"` + "\u009b" + `"}`, want: `{"a":"\u009b"}`},
		"bidi escaped":       {in: `{"a":"` + "\u202e\u2066" + `"}`, want: `{"a":"\u202e\u2066"}`},
		"separators escaped": {in: `{"a":"` + "\u2028" + `"}`, want: `{"a":"\u2028"}`},
		"delete escaped":     {in: `{"a":"` + "\x7f" + `"}`, want: `{"a":"\u007f"}`},
		"raw escape byte":    {in: "\x1b", want: `\u001b`},
		"invalid utf-8":      {in: "\xff", want: `\ufffd`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := string(escapeUnsafeJSON([]byte(tt.in))); got != tt.want {
				t.Errorf("escapeUnsafeJSON(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
