package jwtcore_test

import (
	"errors"
	"testing"

	"github.com/jwtlab/jwtlab/jwtcore"
)

func TestDocumentEdits(t *testing.T) {
	tests := []struct {
		name string
		text string
		edit func(d *jwtcore.Document) error
		want string
	}{
		{name: "set keeps place", text: `{"a":1,"b":2,"c":3}`,
			edit: func(d *jwtcore.Document) error { return d.Set("b", []byte(`"x"`)) },
			want: `{"a":1,"b":"x","c":3}`},
		{name: "set appends new", text: `{"a":1}`,
			edit: func(d *jwtcore.Document) error { return d.Set("z", []byte(`[1, 2]`)) },
			want: `{"a":1,"z":[1,2]}`},
		{name: "set collapses duplicates", text: `{"a":1,"b":2,"a":3}`,
			edit: func(d *jwtcore.Document) error { return d.Set("a", []byte(`4`)) },
			want: `{"a":4,"b":2}`},
		{name: "remove all duplicates", text: `{"a":1,"b":2,"a":3}`,
			edit: func(d *jwtcore.Document) error { d.Remove("a"); return nil },
			want: `{"b":2}`},
		{name: "append keeps duplicate", text: `{"a":1}`,
			edit: func(d *jwtcore.Document) error { return d.Append("a", []byte(`2`)) },
			want: `{"a":1,"a":2}`},
		{name: "number digits kept", text: `{"n":1.50e10,"big":12345678901234567890}`,
			edit: func(d *jwtcore.Document) error { return nil },
			want: `{"n":1.50e10,"big":12345678901234567890}`},
		{name: "string escapes kept", text: `{"s":"a\/b\u00e9"}`,
			edit: func(d *jwtcore.Document) error { return nil },
			want: `{"s":"a\/b\u00e9"}`},
		{name: "whitespace removed", text: "{\r\n \"iss\" : \"joe\" ,\n \"exp\":1}",
			edit: func(d *jwtcore.Document) error { return nil },
			want: `{"iss":"joe","exp":1}`},
		{name: "set string escapes", text: `{}`,
			edit: func(d *jwtcore.Document) error { d.SetString("q", "say \"hi\"\n"); return nil },
			want: `{"q":"say \"hi\"\n"}`},
		{name: "set strings", text: `{}`,
			edit: func(d *jwtcore.Document) error { d.SetStrings("aud", []string{"a", "b"}); return nil },
			want: `{"aud":["a","b"]}`},
		{name: "set int", text: `{}`,
			edit: func(d *jwtcore.Document) error { d.SetInt("exp", -5); return nil },
			want: `{"exp":-5}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := jwtcore.ParseDocument([]byte(tt.text))
			if err != nil {
				t.Fatalf("ParseDocument: %v", err)
			}
			if err := tt.edit(d); err != nil {
				t.Fatalf("edit: %v", err)
			}
			if got := string(d.JSON()); got != tt.want {
				t.Errorf("JSON() = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDocumentSetRejectsInvalidValue(t *testing.T) {
	d := &jwtcore.Document{}
	err := d.Set("roles", []byte(`[admin]`))
	var serr *jwtcore.JSONSyntaxError
	if !errors.As(err, &serr) {
		t.Fatalf("err = %v, want a *JSONSyntaxError", err)
	}
	if serr.Column != 2 {
		t.Errorf("column = %d, want 2", serr.Column)
	}
	if d.Len() != 0 {
		t.Errorf("document has %d members after a rejected Set", d.Len())
	}
}

func TestParseDocumentErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want error
	}{
		{name: "array", text: `[1]`, want: jwtcore.ErrNotObject},
		{name: "string", text: `"x"`, want: jwtcore.ErrNotObject},
		{name: "two objects", text: `{}{}`, want: jwtcore.ErrInvalidJSON},
		{name: "trailing comma", text: `{"a":1},`, want: jwtcore.ErrInvalidJSON},
		{name: "trailing word", text: "{\"a\":1}\n x", want: jwtcore.ErrInvalidJSON},
		{name: "truncated", text: `{"a":`, want: jwtcore.ErrInvalidJSON},
		{name: "empty", text: ``, want: jwtcore.ErrInvalidJSON},
		{name: "invalid UTF-8", text: "{\"a\":\"\xff\"}", want: jwtcore.ErrInvalidJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := jwtcore.ParseDocument([]byte(tt.text))
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParseDocumentTrailingDataPosition(t *testing.T) {
	_, err := jwtcore.ParseDocument([]byte("{\"a\":1}\n  x"))
	var serr *jwtcore.JSONSyntaxError
	if !errors.As(err, &serr) {
		t.Fatalf("err = %v, want a *JSONSyntaxError", err)
	}
	if serr.Line != 2 {
		t.Errorf("line = %d, want 2", serr.Line)
	}
	if serr.Column != 3 {
		t.Errorf("column = %d, want 3", serr.Column)
	}
}

func TestParseDocumentAllowsTrailingSpace(t *testing.T) {
	if _, err := jwtcore.ParseDocument([]byte("{\"a\":1}\n\t ")); err != nil {
		t.Errorf("err = %v, want nil", err)
	}
}

func TestDocumentCloneIsIndependent(t *testing.T) {
	d, _ := jwtcore.ParseDocument([]byte(`{"a":1,"b":2}`))
	c := d.Clone()
	if err := d.Set("a", []byte(`9`)); err != nil {
		t.Fatal(err)
	}
	if got := string(c.JSON()); got != `{"a":1,"b":2}` {
		t.Errorf("clone changed to %s", got)
	}
}

func TestDocumentObject(t *testing.T) {
	d, _ := jwtcore.ParseDocument([]byte(`{"a":1,"b":2,"a":3}`))
	o := d.Object()
	if string(o.Text) != `{"a":1,"b":2,"a":3}` {
		t.Errorf("Text = %s", o.Text)
	}
	if len(o.Duplicates) != 1 || o.Duplicates[0] != "a" {
		t.Errorf("Duplicates = %v, want [a]", o.Duplicates)
	}
	if v, _ := o.Get("a"); string(v) != "3" {
		t.Errorf(`Get("a") = %s, want the last value 3`, v)
	}
}

func TestDocumentIndent(t *testing.T) {
	d, _ := jwtcore.ParseDocument([]byte(`{"a":1,"b":[1,2]}`))
	want := "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}"
	if got := string(d.Indent()); got != want {
		t.Errorf("Indent() =\n%s\nwant\n%s", got, want)
	}
}

func FuzzParseDocument(f *testing.F) {
	for _, seed := range []string{`{}`, `{"a":1,"a":2}`, `{"s":"\u00e9\/"}`, `[1]`, `{"a":`, "{\"a\":\"\xff\"}", `{"n":1e400}`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := jwtcore.ParseDocument([]byte(text))
		if err != nil {
			return
		}
		again, err := jwtcore.ParseDocument(d.JSON())
		if err != nil {
			t.Fatalf("JSON() output %s does not parse: %v", d.JSON(), err)
		}
		if string(again.JSON()) != string(d.JSON()) {
			t.Fatalf("JSON() is not stable: %s then %s", d.JSON(), again.JSON())
		}
		if again.Len() != d.Len() {
			t.Fatalf("member count %d then %d", d.Len(), again.Len())
		}
	})
}
