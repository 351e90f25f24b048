// Package certs holds Ladder's certification catalogue and the pure logic
// around it: checking a person's eligibility from their experience and
// recommending certifications for a target role and gaps. No I/O, no clock:
// callers pass the day to judge on.
package certs

import (
	"bytes"
	_ "embed"
	"errors"
	"io"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
)

//go:embed data/certifications.yaml
var catalogYAML []byte

// Catalog is a validated set of certifications in file order.
type Catalog struct {
	Version string
	certs   []ladder.Certification
	index   map[string]int
	model   *ladder.Model
}

var loadDefault = sync.OnceValues(func() (*Catalog, error) {
	return Parse("certifications.yaml", catalogYAML, model.Default())
})

// Load returns the built-in catalogue, checked against the built-in
// competency model. It is parsed once; callers must not modify it.
func Load() (*Catalog, error) { return loadDefault() }

// Parse reads a catalogue and validates it against m: every competency and
// target role must exist in m, every fact section must name its sources and
// each source its date checked. Every problem names its certification; an
// invalid file yields no catalogue.
func Parse(name string, data []byte, m *ladder.Model) (*Catalog, error) {
	var f fileCatalog
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, invalid(name, []string{strings.TrimPrefix(err.Error(), "yaml: ")})
	}
	v := &validator{comps: map[string]bool{}, roles: map[string]bool{}}
	for _, c := range m.Competencies() {
		v.comps[c.Key] = true
	}
	for _, r := range m.Roles {
		if r.Kind == ladder.RoleTarget {
			v.roles[r.Slug] = true
		}
	}
	v.catalog(&f)
	if len(v.problems) > 0 {
		return nil, invalid(name, v.problems)
	}
	srcs := map[string]ladder.Source{}
	for _, s := range f.Sources {
		srcs[s.ID] = ladder.Source{ID: s.ID, Name: s.Name, URL: s.URL, Checked: date(s.Checked), SecondHand: s.SecondHand}
	}
	c := &Catalog{Version: f.Version, index: map[string]int{}, model: m}
	for i := range f.Certifications {
		c.certs = append(c.certs, toDomain(&f.Certifications[i], srcs))
		c.index[f.Certifications[i].Key] = i
	}
	return c, nil
}

func invalid(name string, problems []string) error {
	var b strings.Builder
	b.WriteString(name + " is not a valid certification catalogue:")
	for _, p := range problems {
		b.WriteString("\n  " + p)
	}
	return &ladder.Error{Code: ladder.EINVALID, Message: b.String()}
}

// All returns every certification in catalogue order.
func (c *Catalog) All() []ladder.Certification { return c.certs }

// Find returns the certification with key k.
func (c *Catalog) Find(k string) (ladder.Certification, bool) {
	i, ok := c.index[k]
	if !ok {
		return ladder.Certification{}, false
	}
	return c.certs[i], true
}

// name returns a certification's short name for sentences, or the key.
func (c *Catalog) name(k string) string {
	if cert, ok := c.Find(k); ok {
		return cert.Abbrev
	}
	return k
}
