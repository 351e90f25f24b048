package api

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// Validate checks v, a JSON value decoded with json.Decoder.UseNumber, against
// sc and returns the problems by field path ("name", "ratings[0].level";
// "body" for the value itself), or nil. It understands exactly the subset of
// JSON Schema that For emits: $ref, type (with "null"), enum, properties,
// required, additionalProperties, items, minItems, maxItems, oneOf and the
// date-time format. Requests are checked with it before they are decoded,
// and the tests check every response with it, so the document describes
// what the server does.
func (s *Schemas) Validate(sc *Schema, v any) ladder.FieldErrors {
	f := ladder.FieldErrors{}
	s.check(sc, v, "", f)
	if len(f) == 0 {
		return nil
	}
	return f
}

func (s *Schemas) check(sc *Schema, v any, path string, f ladder.FieldErrors) {
	if sc.Ref != "" {
		target := s.Components[strings.TrimPrefix(sc.Ref, refPrefix)]
		if target == nil {
			f.Add(fieldKey(path), "refers to the undefined schema %s", sc.Ref)
			return
		}
		s.check(target, v, path, f)
	}
	if len(sc.OneOf) > 0 && !s.oneOf(sc.OneOf, v, path, f) {
		return
	}
	if sc.Type != nil && !typeMatches(sc.Type, v) {
		f.Add(fieldKey(path), "must be %s", typeWords(sc.Type))
		return
	}
	if len(sc.Enum) > 0 && !slices.Contains(sc.Enum, v) {
		f.Add(fieldKey(path), "must be one of %s", enumWords(sc.Enum))
		return
	}
	switch v := v.(type) {
	case map[string]any:
		s.checkObject(sc, v, path, f)
	case []any:
		s.checkArray(sc, v, path, f)
	case string:
		if sc.Format == "date-time" {
			if _, err := time.Parse(time.RFC3339Nano, v); err != nil {
				f.Add(fieldKey(path), "must be a date and time as in RFC 3339")
			}
		}
	}
}

// oneOf reports whether v matches exactly one alternative, recording the
// problems of the first alternative when it matches none.
func (s *Schemas) oneOf(alts []*Schema, v any, path string, f ladder.FieldErrors) bool {
	matched := 0
	var first ladder.FieldErrors
	for _, alt := range alts {
		g := ladder.FieldErrors{}
		s.check(alt, v, path, g)
		if len(g) == 0 {
			matched++
		} else if first == nil {
			first = g
		}
	}
	switch matched {
	case 1:
		return true
	case 0:
		for k, msg := range first {
			f.Add(k, "%s", msg)
		}
	default:
		f.Add(fieldKey(path), "matches more than one alternative")
	}
	return false
}

func (s *Schemas) checkObject(sc *Schema, v map[string]any, path string, f ladder.FieldErrors) {
	for _, name := range sc.Required {
		if _, ok := v[name]; !ok {
			f.Add(join(path, name), "is required")
		}
	}
	for name, val := range v {
		if p, ok := sc.Properties[name]; ok {
			s.check(p, val, join(path, name), f)
			continue
		}
		switch ap := sc.AdditionalProperties.(type) {
		case bool:
			if !ap {
				f.Add(join(path, name), "is not a known field")
			}
		case *Schema:
			s.check(ap, val, join(path, name), f)
		}
	}
}

func (s *Schemas) checkArray(sc *Schema, v []any, path string, f ladder.FieldErrors) {
	if sc.MinItems != nil && len(v) < *sc.MinItems {
		f.Add(fieldKey(path), "must have at least %d items", *sc.MinItems)
	}
	if sc.MaxItems != nil && len(v) > *sc.MaxItems {
		f.Add(fieldKey(path), "must have at most %d items", *sc.MaxItems)
	}
	if sc.Items == nil {
		return
	}
	for i, item := range v {
		s.check(sc.Items, item, path+"["+strconv.Itoa(i)+"]", f)
	}
}

// typeMatches reports whether v has the type t (a name or a list of names).
func typeMatches(t any, v any) bool {
	switch t := t.(type) {
	case string:
		return isType(t, v)
	case []string:
		return slices.ContainsFunc(t, func(name string) bool { return isType(name, v) })
	}
	return true
}

func isType(name string, v any) bool {
	switch name {
	case "null":
		return v == nil
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "number":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := n.Float64()
		return err == nil
	case "integer":
		// encoding/json refuses 1.0 or 1e3 for an int, so the schema does.
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := strconv.ParseInt(n.String(), 10, 64)
		return err == nil
	}
	return false
}

var typeArticle = map[string]string{"null": "null", "boolean": "true or false", "string": "a string",
	"object": "an object", "array": "an array", "number": "a number", "integer": "an integer"}

func typeWords(t any) string {
	switch t := t.(type) {
	case string:
		return typeArticle[t]
	case []string:
		words := make([]string, len(t))
		for i, n := range t {
			words[i] = typeArticle[n]
		}
		return strings.Join(words, " or ")
	}
	return fmt.Sprint(t)
}

func enumWords(values []any) string {
	words := make([]string, len(values))
	for i, v := range values {
		words[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(words, ", ")
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// fieldKey names the value at path in an error: "body" for the whole value.
func fieldKey(path string) string {
	if path == "" {
		return "body"
	}
	return path
}
