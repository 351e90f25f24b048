package api

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// Schema is the subset of JSON Schema (draft 2020-12, as OpenAPI 3.1 uses
// it) that the document emits and Validate checks. Keeping the two to one
// subset is what lets the tests hold real responses to the document.
type Schema struct {
	Ref         string             `json:"$ref,omitempty"`
	Type        any                `json:"type,omitempty"` // a type name, or a list of them ("null" for nullable)
	Format      string             `json:"format,omitempty"`
	Description string             `json:"description,omitempty"`
	Enum        []any              `json:"enum,omitempty"`
	Properties  map[string]*Schema `json:"properties,omitempty"`
	Required    []string           `json:"required,omitempty"`
	// AdditionalProperties is false (no other properties) or a *Schema
	// every other property must match.
	AdditionalProperties any       `json:"additionalProperties,omitempty"`
	Items                *Schema   `json:"items,omitempty"`
	MinItems             *int      `json:"minItems,omitempty"`
	MaxItems             *int      `json:"maxItems,omitempty"`
	OneOf                []*Schema `json:"oneOf,omitempty"`
}

// refPrefix starts every reference to a named schema.
const refPrefix = "#/components/schemas/"

// Schemas builds JSON Schemas from Go wire types by reflection, following
// encoding/json's rules: a field without omitempty is always present, so it
// is required; a pointer may be null; a named struct becomes a component
// referred to by $ref. Struct tags `enum:"a,b"` and `doc:"..."` add an
// enumeration and a description.
type Schemas struct {
	// Components are the named schemas, by name.
	Components map[string]*Schema
	types      map[string]reflect.Type
}

// NewSchemas returns an empty set of components.
func NewSchemas() *Schemas {
	return &Schemas{Components: map[string]*Schema{}, types: map[string]reflect.Type{}}
}

var timeType = reflect.TypeFor[time.Time]()

// For returns the schema of t, registering the named structs it uses.
func (s *Schemas) For(t reflect.Type) *Schema {
	switch {
	case t == timeType:
		return &Schema{Type: "string", Format: "date-time"}
	case t.Kind() == reflect.Pointer:
		return nullable(s.For(t.Elem()))
	case t.Kind() == reflect.Struct && t.Name() != "":
		return s.named(t)
	}
	switch t.Kind() {
	case reflect.Struct:
		return s.object(t)
	case reflect.String:
		return &Schema{Type: "string"}
	case reflect.Bool:
		return &Schema{Type: "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &Schema{Type: "integer"}
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: "number"}
	case reflect.Slice:
		return &Schema{Type: "array", Items: s.For(t.Elem())}
	case reflect.Array:
		n := t.Len()
		return &Schema{Type: "array", Items: s.For(t.Elem()), MinItems: &n, MaxItems: &n}
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			panic(fmt.Sprintf("api: schema of %s: map keys must be strings", t))
		}
		return &Schema{Type: "object", AdditionalProperties: s.For(t.Elem())}
	case reflect.Interface:
		return &Schema{} // anything
	}
	panic(fmt.Sprintf("api: no schema for %s", t))
}

// nullable lets s also be null.
func nullable(s *Schema) *Schema {
	if name, ok := s.Type.(string); ok && s.Ref == "" {
		c := *s
		c.Type = []string{name, "null"}
		return &c
	}
	return &Schema{OneOf: []*Schema{s, {Type: "null"}}}
}

// named registers a struct as a component and returns a reference to it.
func (s *Schemas) named(t reflect.Type) *Schema {
	name := t.Name()
	ref := &Schema{Ref: refPrefix + name}
	if prev, ok := s.types[name]; ok {
		if prev != t {
			panic(fmt.Sprintf("api: two wire types named %s: %s and %s", name, prev, t))
		}
		return ref
	}
	s.types[name] = t
	s.Components[name] = nil // reserved, for recursive types
	s.Components[name] = s.object(t)
	return ref
}

// object describes a struct's encoded fields.
func (s *Schemas) object(t reflect.Type) *Schema {
	o := &Schema{Type: "object", Properties: map[string]*Schema{}, AdditionalProperties: false}
	s.fields(t, o)
	return o
}

// fields adds t's fields to o, flattening embedded structs as encoding/json
// does.
func (s *Schemas) fields(t reflect.Type, o *Schema) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			s.fields(f.Type, o)
			continue
		}
		if name == "" {
			name = f.Name
		}
		p := s.For(f.Type)
		if e := f.Tag.Get("enum"); e != "" {
			p = withEnum(p, strings.Split(e, ","))
		}
		if d := f.Tag.Get("doc"); d != "" {
			p = withDoc(p, d)
		}
		o.Properties[name] = p
		if !strings.Contains(","+opts+",", ",omitempty,") {
			o.Required = append(o.Required, name)
		}
	}
}

func withEnum(p *Schema, values []string) *Schema {
	c := *p
	for _, v := range values {
		c.Enum = append(c.Enum, v)
	}
	return &c
}

// withDoc describes p. JSON Schema 2020-12 lets a $ref have siblings.
func withDoc(p *Schema, doc string) *Schema {
	c := *p
	c.Description = doc
	return &c
}
