package jwtcore_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/jwtlab/jwtlab/jwtcore"
)

// reportJSON is the shape of Report.MarshalJSON output that tests read.
type reportJSON struct {
	Form        string          `json:"form"`
	Header      json.RawMessage `json:"header"`
	HeaderText  *string         `json:"header_text"`
	Payload     json.RawMessage `json:"payload"`
	PayloadText *string         `json:"payload_text"`
	PayloadHex  *string         `json:"payload_hex"`
	Signature   *string         `json:"signature"`
	Claims      []struct {
		Name     string          `json:"name"`
		Value    json.RawMessage `json:"value"`
		Category string          `json:"category"`
		Time     string          `json:"time"`
		Relative string          `json:"relative"`
		Problem  string          `json:"problem"`
	} `json:"claims"`
	Warnings []struct {
		Code     string `json:"code"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	} `json:"warnings"`
	Error *struct {
		Code    string  `json:"code"`
		Message string  `json:"message"`
		Segment *string `json:"segment"`
		Offset  *int    `json:"offset"`
	} `json:"error"`
	SignatureChecked bool   `json:"signature_checked"`
	ClaimsChecked    *bool  `json:"claims_checked"`
	SignatureMessage string `json:"signature_message"`
	SignatureValid   *bool  `json:"signature_valid"`
	Valid            *bool  `json:"valid"`
	Status           string `json:"status"`
	Key              string `json:"key"`
	Checks           []struct {
		Name  string `json:"name"`
		Group string `json:"group"`
		OK    bool   `json:"ok"`
	} `json:"checks"`
}

func marshalReport(t *testing.T, r jwtcore.Report) (string, reportJSON) {
	t.Helper()
	data, err := r.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	var out reportJSON
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("output is not valid JSON: %v\n%s", err, data)
	}
	return string(data), out
}

func TestReportJSONKeepsExactPayload(t *testing.T) {
	payload := "{\"sub\":100002348117421473,\r\n \"id\":12345678901234567890,\"n\":1.5e400,\"exp\":1717243452}"
	raw, out := marshalReport(t, jwtcore.Inspect(tokenWith(payload), jwtcore.InspectOptions{Now: testNow}))
	if !strings.Contains(raw, `"payload":`+payload) {
		t.Errorf("payload not embedded byte for byte:\n%s", raw)
	}
	for _, literal := range []string{"100002348117421473", "12345678901234567890", "1.5e400"} {
		if !strings.Contains(raw, `"value":`+literal) {
			t.Errorf("claim value %s not kept exactly", literal)
		}
	}
	if out.Form != "jws" {
		t.Errorf("form = %q, expected jws", out.Form)
	}
	if out.Signature == nil || *out.Signature != "c2lnbmF0dXJl" {
		t.Errorf("signature = %v, expected c2lnbmF0dXJl", out.Signature)
	}
	if out.SignatureChecked || !strings.Contains(out.SignatureMessage, "did not check the signature") {
		t.Errorf("signature_checked = %v, message %q", out.SignatureChecked, out.SignatureMessage)
	}
	exp := out.Claims[len(out.Claims)-1]
	if exp.Name != "exp" || exp.Time != "2024-06-01T12:04:12Z" || exp.Relative != "expires in 4m 12s" {
		t.Errorf("exp claim = %+v", exp)
	}
}

func TestReportJSONNonJSONPayload(t *testing.T) {
	tests := map[string]struct {
		payload string
		text    string
		hex     string
	}{
		"text":       {payload: "hello\n", text: "hello\n"},
		"binary":     {payload: "\xff\x00\x01", hex: "ff0001"},
		"json array": {payload: "[1]", text: "[1]"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			input := encodeSegment(`{"alg":"HS256"}`) + "." + encodeSegment(tt.payload) + ".c2ln"
			_, out := marshalReport(t, jwtcore.Inspect(input, jwtcore.InspectOptions{Now: testNow}))
			if out.Payload != nil {
				t.Errorf("payload = %s, expected it absent", out.Payload)
			}
			if tt.text != "" && (out.PayloadText == nil || *out.PayloadText != tt.text) {
				t.Errorf("payload_text = %v, expected %q", out.PayloadText, tt.text)
			}
			if tt.hex != "" && (out.PayloadHex == nil || *out.PayloadHex != tt.hex) {
				t.Errorf("payload_hex = %v, expected %q", out.PayloadHex, tt.hex)
			}
		})
	}
}

func TestReportJSONDecodeError(t *testing.T) {
	input := encodeSegment(`{"alg":"HS256"}`) + ".eyJz*WIiOiIxIn0.c2ln"
	_, out := marshalReport(t, jwtcore.Inspect(input, jwtcore.InspectOptions{Now: testNow}))
	if out.Error == nil {
		t.Fatal("no error object")
	}
	if out.Error.Code != "invalid_base64url" {
		t.Errorf("error code = %q", out.Error.Code)
	}
	if out.Error.Segment == nil || *out.Error.Segment != "payload" {
		t.Errorf("error segment = %v, expected payload", out.Error.Segment)
	}
	if out.Error.Offset == nil || *out.Error.Offset != 4 {
		t.Errorf("error offset = %v, expected 4", out.Error.Offset)
	}
	if string(out.Header) != `{"alg":"HS256"}` {
		t.Errorf("header = %s, expected the decoded header", out.Header)
	}
}

func TestReportJSONEmptyInput(t *testing.T) {
	_, out := marshalReport(t, jwtcore.Inspect("", jwtcore.InspectOptions{Now: testNow}))
	if out.Error == nil || out.Error.Code != "empty_input" {
		t.Fatalf("error = %+v, expected empty_input", out.Error)
	}
	if out.Error.Segment != nil || out.Error.Offset != nil {
		t.Errorf("segment and offset = %v, %v, expected null", out.Error.Segment, out.Error.Offset)
	}
}

func TestReportJSONHeaderNotJSON(t *testing.T) {
	input := encodeSegment("this is not json") + "." + encodeSegment(`{"sub":"1"}`) + ".c2ln"
	_, out := marshalReport(t, jwtcore.Inspect(input, jwtcore.InspectOptions{Now: testNow}))
	if string(out.Header) != "null" {
		t.Errorf("header = %s, expected null", out.Header)
	}
	if out.HeaderText == nil || *out.HeaderText != "this is not json" {
		t.Errorf("header_text = %v", out.HeaderText)
	}
	if string(out.Payload) != `{"sub":"1"}` {
		t.Errorf("payload = %s, expected it still shown", out.Payload)
	}
}

func TestReportJSONVerifyResult(t *testing.T) {
	tok, _ := jwtcore.Decode(jwtioToken)
	r := jwtcore.Report{Token: tok, Verify: &jwtcore.Result{
		Status: jwtcore.StatusVerified,
		Key:    "secret text (19 bytes)",
		Checks: []jwtcore.Check{{
			Group: jwtcore.GroupSignature, Name: "signature", OK: true,
			Message: "HS256 signature verified",
		}},
		Findings: []jwtcore.Finding{{Code: "weak_secret", Severity: jwtcore.SeverityWarning,
			Message: "the secret is 19 bytes, under 32 for HS256"}},
	}}
	raw, out := marshalReport(t, r)
	if out.SignatureValid == nil || !*out.SignatureValid {
		t.Errorf("signature_valid = %v, expected true", out.SignatureValid)
	}
	if out.Status != "verified" || !out.SignatureChecked {
		t.Errorf("status = %q, signature_checked = %v", out.Status, out.SignatureChecked)
	}
	if len(out.Checks) != 1 || out.Checks[0].Group != "signature" || !out.Checks[0].OK {
		t.Errorf("checks = %+v", out.Checks)
	}
	if len(out.Warnings) == 0 || out.Warnings[len(out.Warnings)-1].Code != "weak_secret" {
		t.Errorf("verify findings not appended to warnings: %+v", out.Warnings)
	}
	if strings.Contains(raw, "your-256-bit-secret") {
		t.Error("output contains the secret")
	}
}

func TestReportJSONJWE(t *testing.T) {
	input := "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..ZHVtbXlfaXZfMTIzNDU2.eyJ0ZXN0IjoiandlIn0.ZHVtbXlfdGFn"
	raw, out := marshalReport(t, jwtcore.Inspect(input, jwtcore.InspectOptions{Now: testNow}))
	if out.Form != "jwe" {
		t.Errorf("form = %q, expected jwe", out.Form)
	}
	if out.Payload != nil || out.PayloadText != nil {
		t.Errorf("the ciphertext is shown as a payload")
	}
	if !strings.Contains(raw, `{"name":"initialization vector","bytes":15}`) {
		t.Errorf("jwe_parts missing the IV size:\n%s", raw)
	}
}

func TestReportJSONRejectedStatus(t *testing.T) {
	tok, _ := jwtcore.Decode(jwtioToken)
	tests := map[string]struct {
		keys          []jwtcore.Key
		status        string
		checked       bool
		claimsChecked bool
	}{
		"wrong key type": {[]jwtcore.Key{{Type: jwtcore.KeyEd25519}}, "rejected", false, true},
		"wrong secret":   {[]jwtcore.Key{jwtcore.SecretFromText("another-secret-0123456789-012345")}, "invalid", true, true},
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			result := jwtcore.Verify(tok, jwtcore.VerifyOptions{Keys: test.keys, Now: time.Unix(1516239022, 0)})
			_, out := marshalReport(t, jwtcore.Report{Token: tok, Verify: &result})
			if out.Status != test.status {
				t.Errorf("status = %q, want %q", out.Status, test.status)
			}
			if out.SignatureChecked != test.checked {
				t.Errorf("signature_checked = %v, want %v", out.SignatureChecked, test.checked)
			}
			if out.ClaimsChecked == nil || *out.ClaimsChecked != test.claimsChecked {
				t.Errorf("claims_checked = %v, want %v", out.ClaimsChecked, test.claimsChecked)
			}
		})
	}
}
