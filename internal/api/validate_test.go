package api_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

// The validator is what holds the document to the server's answers, so it
// must be seen to reject what it should.

type vInner struct {
	Key string `json:"key" enum:"a,b"`
}

type vOuter struct {
	ID      int64             `json:"id"`
	Score   float64           `json:"score"`
	Name    string            `json:"name,omitempty"`
	Done    *time.Time        `json:"done"`
	Inner   *vInner           `json:"inner"`
	List    []vInner          `json:"list"`
	Five    [2]string         `json:"five"`
	Counts  map[string]int    `json:"counts"`
	Flag    bool              `json:"flag"`
	Note    *string           `json:"note,omitempty"`
	Extra   map[string]string `json:"extra,omitempty"`
	ignored int
}

func TestValidate(t *testing.T) {
	_ = vOuter{}.ignored
	s := api.NewSchemas()
	sc := s.For(reflect.TypeFor[vOuter]())
	valid := `{"id":1,"score":2.5,"done":null,"inner":{"key":"a"},"list":[],"five":["x","y"],"counts":{"n":3},"flag":true}`
	tests := []struct {
		name, json string
		want       ladder.FieldErrors
	}{
		{"OK", valid, nil},
		{"OKOptionalAndNullable", `{"id":1,"score":2,"name":"n","done":"2026-01-02T03:04:05Z","inner":null,"list":[{"key":"b"}],` +
			`"five":["x","y"],"counts":{},"flag":false,"note":null,"extra":{"k":"v"}}`, nil},
		{"ErrRequired", `{"score":2.5,"done":null,"inner":null,"list":[],"five":["x","y"],"counts":{},"flag":true}`,
			ladder.FieldErrors{"id": "is required"}},
		{"ErrUnknownField", strings.Replace(valid, `"id":1`, `"id":1,"other":1`, 1), ladder.FieldErrors{"other": "is not a known field"}},
		{"ErrInteger", strings.Replace(valid, `"id":1`, `"id":1.5`, 1), ladder.FieldErrors{"id": "must be an integer"}},
		{"ErrNumber", strings.Replace(valid, `"score":2.5`, `"score":"2.5"`, 1), ladder.FieldErrors{"score": "must be a number"}},
		{"ErrNull", strings.Replace(valid, `"flag":true`, `"flag":null`, 1), ladder.FieldErrors{"flag": "must be true or false"}},
		{"ErrNullList", strings.Replace(valid, `"list":[]`, `"list":null`, 1), ladder.FieldErrors{"list": "must be an array"}},
		{"ErrDateTime", strings.Replace(valid, `"done":null`, `"done":"yesterday"`, 1),
			ladder.FieldErrors{"done": "must be a date and time as in RFC 3339"}},
		{"ErrEnum", strings.Replace(valid, `{"key":"a"}`, `{"key":"c"}`, 1), ladder.FieldErrors{"inner.key": `must be one of "a", "b"`}},
		{"ErrNested", strings.Replace(valid, `"list":[]`, `"list":[{"key":"a"},{}]`, 1), ladder.FieldErrors{"list[1].key": "is required"}},
		{"ErrMinItems", strings.Replace(valid, `["x","y"]`, `["x"]`, 1), ladder.FieldErrors{"five": "must have at least 2 items"}},
		{"ErrMaxItems", strings.Replace(valid, `["x","y"]`, `["x","y","z"]`, 1), ladder.FieldErrors{"five": "must have at most 2 items"}},
		{"ErrMapValue", strings.Replace(valid, `{"n":3}`, `{"n":"3"}`, 1), ladder.FieldErrors{"counts.n": "must be an integer"}},
		{"ErrNotObject", `[]`, ladder.FieldErrors{"body": "must be an object"}},
		{"ErrNullableWrongType", strings.Replace(valid, `"done":null`, `"done":5`, 1), ladder.FieldErrors{"done": "must be a string or null"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec := json.NewDecoder(strings.NewReader(tt.json))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, s.Validate(sc, v)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSchemaRoundTrip checks that a schema read back from the document
// validates as the one it was written from.
func TestSchemaRoundTrip(t *testing.T) {
	s := api.NewSchemas()
	sc := s.For(reflect.TypeFor[vOuter]())
	b, err := json.Marshal(s.Components)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]*api.Schema
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(again) {
		t.Errorf("round trip changed the schemas:\n%s\n%s", b, again)
	}
	read := &api.Schemas{Components: back}
	var v any
	dec := json.NewDecoder(strings.NewReader(`{"id":"x"}`))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.Validate(sc, v), read.Validate(sc, v)); diff != "" {
		t.Errorf("read-back schemas judge differently:\n%s", diff)
	}
}
