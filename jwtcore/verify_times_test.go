package jwtcore

import (
	"testing"
	"time"
)

func TestAppendDateMatchesFormat(t *testing.T) {
	const layout = "2006-01-02 15:04:05.999999999 UTC"
	times := []time.Time{
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 4, 17, 4, 45, 627185245, time.UTC),
		time.Date(2011, 3, 22, 18, 43, 0, 500000000, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 1, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-5, 6, 7, 8, 9, 10, 0, time.UTC),
		time.Date(2026, 12, 4, 18, 0, 0, 0, time.FixedZone("CET", 3600)),
	}
	for _, date := range times {
		want := date.UTC().Format(layout)
		if got := string(appendDate(nil, date, true)); got != want {
			t.Errorf("appendDate(%v) = %q, want %q", date, got, want)
		}
	}
}

func TestAppendDateWithoutFraction(t *testing.T) {
	date := time.Date(2026, 12, 4, 17, 4, 45, 627185245, time.UTC)
	if got, want := string(appendDate(nil, date, false)), "2026-12-04 17:04:45 UTC"; got != want {
		t.Errorf("appendDate = %q, want %q", got, want)
	}
}

func TestAppendCountHuge(t *testing.T) {
	if got, want := string(appendSpan(nil, 1e300)), "3.17e+292 years"; got != want {
		t.Errorf("appendSpan(1e300) = %q, want %q", got, want)
	}
}

func TestDuplicateNamesBothPaths(t *testing.T) {
	var members []Member
	for _, name := range []string{"a", "b", "a", "c", "a", "b"} {
		members = append(members, Member{Name: name})
	}
	want := []string{"a", "b"}
	short := duplicateNames(members)
	for len(members) <= maxMembersScanned {
		members = append(members, Member{Name: string(rune('d' + len(members)))})
	}
	long := duplicateNames(members)
	for _, got := range [][]string{short, long} {
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("duplicateNames = %q, want %q", got, want)
		}
	}
}

func TestMemberNameEscaped(t *testing.T) {
	object, err := parseObject([]byte(`{"al\u0067":"HS256","k\"d":1}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := object.String("alg"); !ok || got != "HS256" {
		t.Errorf(`String("alg") = %q, %v, want "HS256"`, got, ok)
	}
	if _, ok := object.Get(`k"d`); !ok {
		t.Errorf(`Get("k\"d") found nothing in %+v`, object.Members)
	}
}
