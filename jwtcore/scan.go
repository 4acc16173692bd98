package jwtcore

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// jsonScan is the result of walking every token of a JSON text: names at
// any depth, string values, and number literals that ordinary JSON
// consumers cannot represent.
type jsonScan struct {
	names   []string
	strings []string
	// impreciseInts are integers beyond 2^53, which float64 (JavaScript
	// numbers, Go's any) rounds, each as "name = literal".
	impreciseInts []string
	// overflowing are numbers beyond the float64 range, each as
	// "name = literal".
	overflowing []string
}

// maxSafeInteger is 2^53: float64 holds every integer up to it exactly,
// and not all integers beyond it.
const maxSafeInteger = 1 << 53

// scanJSON walks every token of text. It stops quietly at the first
// syntax error, because Decode has already reported bad JSON.
func scanJSON(text []byte) jsonScan {
	var scan jsonScan
	reader := getTextDecoder(text)
	defer reader.release()
	dec := &reader.dec
	name := "" // the member name a value belongs to, for messages
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			return scan
		}
		kind, length := dec.StackIndex(dec.StackDepth())
		isName := kind == '{' && length%2 == 1
		switch tok.Kind() {
		case '"':
			if isName {
				name = tok.String()
			}
			scan.addString(tok.String(), isName)
		case '0':
			scan.addNumber(name, tok.String())
		}
	}
}

func (s *jsonScan) addString(value string, isName bool) {
	if isName {
		s.names = append(s.names, value)
		return
	}
	s.strings = append(s.strings, value)
}

// addNumber records a number literal that float64 cannot hold exactly,
// as "name = literal".
func (s *jsonScan) addNumber(name, literal string) {
	labelled := fmt.Sprintf("%s = %s", name, literal)
	f, err := strconv.ParseFloat(literal, 64)
	if errors.Is(err, strconv.ErrRange) && math.IsInf(f, 0) {
		s.overflowing = append(s.overflowing, labelled)
		return
	}
	if strings.ContainsAny(literal, ".eE") {
		return
	}
	n, err := strconv.ParseInt(literal, 10, 64)
	if err != nil || n > maxSafeInteger || n < -maxSafeInteger {
		s.impreciseInts = append(s.impreciseInts, labelled)
	}
}
