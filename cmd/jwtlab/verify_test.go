package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyPayloadFile verifies RFC 7520 section 4.5, an HS256 signature
// over detached content, with the content given by --payload-file.
func TestVerifyPayloadFile(t *testing.T) {
	data, err := os.ReadFile("../../jwtcore/testdata/cases/vectors/rfc7520_4_5_detached_hs256.json")
	if err != nil {
		t.Fatal(err)
	}
	var vector struct {
		Token           string `json:"token"`
		DetachedPayload string `json:"detached_payload"`
		Key             struct {
			SecretB64 string `json:"secret_b64"`
		} `json:"key"`
	}
	if err := json.Unmarshal(data, &vector); err != nil {
		t.Fatal(err)
	}

	tests := map[string]struct {
		content    string
		wantStatus int
		wantValid  string
	}{
		"exact content":    {content: vector.DetachedPayload, wantStatus: exitOK, wantValid: `"signature_valid":true`},
		"trailing newline": {content: vector.DetachedPayload + "\n", wantStatus: exitInvalid, wantValid: `"signature_valid":false`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "payload")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			args := []string{"verify", "--json", "--secret-base64", vector.Key.SecretB64, "--payload-file", path, vector.Token}
			result := runInProcess(args, "")
			if result.status != tt.wantStatus {
				t.Errorf("exit status %d, want %d; stderr %s", result.status, tt.wantStatus, result.stderr)
			}
			if !strings.Contains(result.stdout, tt.wantValid) {
				t.Errorf("stdout lacks %s: %s", tt.wantValid, result.stdout)
			}
		})
	}
}

func TestVerifyPayloadFileMissing(t *testing.T) {
	args := []string{"verify", "--secret", "s3cret-value", "--payload-file", "does-not-exist", "a.b.c"}
	result := runInProcess(args, "")
	if result.status != exitUsage {
		t.Errorf("exit status %d, want %d", result.status, exitUsage)
	}
	if !strings.HasPrefix(result.stderr, "jwtlab: error: cannot read --payload-file: ") {
		t.Errorf("stderr = %q, want a house-style error about the payload file", result.stderr)
	}
	if !strings.Contains(result.stderr, "\nhint: check the path given to --payload-file\n") {
		t.Errorf("stderr = %q, want a hint about the path", result.stderr)
	}
}
