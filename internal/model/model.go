// Package model reads, validates and writes competency models (YAML or JSON)
// and holds Ladder's built-in default model.
package model

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder"
)

//go:generate go run ./gen

// defaultYAML is the model as written; defaultJSON is generated from it
// (go generate) because decoding JSON at start-up is an order of magnitude
// faster. TestDefaultJSONInSync keeps the two equal.
var (
	//go:embed data/model.yaml
	defaultYAML []byte
	//go:embed data/model.json
	defaultJSON []byte
)

var defaultModel = sync.OnceValues(func() (*ladder.Model, error) {
	var f fileModel
	if err := json.Unmarshal(defaultJSON, &f); err != nil {
		return nil, err
	}
	return toDomain(&f), nil
})

// Default returns the built-in competency model. Callers must not modify it.
func Default() *ladder.Model {
	m, err := defaultModel()
	if err != nil {
		// The embedded file is validated by the package tests; reaching this
		// means the binary was built from a broken tree.
		panic("built-in competency model: " + err.Error())
	}
	return m
}

// DefaultYAML returns the built-in model file as shipped.
func DefaultYAML() []byte { return bytes.Clone(defaultYAML) }

// Parse reads a model from YAML or JSON (JSON is read as YAML, which gives
// line numbers for both) and validates it. Every problem is reported with its
// line and field path, as "name:line: path: message". The result is all or
// nothing: an invalid file yields no model.
func Parse(name string, data []byte) (*ladder.Model, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, invalid(name, []problem{{msg: yamlMessage(err)}})
	}
	if len(root.Content) == 0 {
		return nil, invalid(name, []problem{{line: 1, msg: "the file is empty"}})
	}
	var f fileModel
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, invalid(name, []problem{{msg: yamlMessage(err)}})
	}
	lines := map[string]int{}
	indexLines(root.Content[0], "", lines)
	v := &validator{lines: lines}
	v.model(&f)
	if len(v.problems) > 0 {
		return nil, invalid(name, v.problems)
	}
	return toDomain(&f), nil
}

// Marshal writes m as "yaml" or "json".
func Marshal(m *ladder.Model, format string) ([]byte, error) {
	f := fromDomain(m)
	switch format {
	case "yaml", "yml", "":
		var b bytes.Buffer
		fmt.Fprintf(&b, "# %s, version %s. Written by the Ladder project.\n", m.Name, m.Version)
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(f); err != nil {
			return nil, err
		}
		return b.Bytes(), enc.Close()
	case "json":
		b, err := json.MarshalIndent(f, "", "  ")
		return append(b, '\n'), err
	}
	return nil, ladder.Errorf(ladder.EINVALID, "unknown format %q: use yaml or json", format)
}

// problem is one validation failure.
type problem struct {
	line int
	path string
	msg  string
}

func invalid(name string, ps []problem) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is not a valid competency model (%d problem", name, len(ps))
	if len(ps) != 1 {
		b.WriteString("s")
	}
	b.WriteString("):")
	for _, p := range ps {
		b.WriteString("\n  ")
		b.WriteString(name)
		if p.line > 0 {
			fmt.Fprintf(&b, ":%d", p.line)
		}
		b.WriteString(": ")
		if p.path != "" {
			b.WriteString(p.path + ": ")
		}
		b.WriteString(p.msg)
	}
	return &ladder.Error{Code: ladder.EINVALID, Message: b.String()}
}

// yamlMessage tidies the decoder's errors ("yaml: line 3: ...") so they read
// as our own.
func yamlMessage(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return strings.Join(te.Errors, "; ")
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// indexLines records the line of every node by its field path
// (areas[0].competencies[2].key), so semantic errors can name a line.
func indexLines(n *yaml.Node, path string, out map[string]int) {
	out[path] = n.Line
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := n.Content[i].Value
			if path != "" {
				p = path + "." + p
			}
			out[p] = n.Content[i].Line
			indexLines(n.Content[i+1], p, out)
			out[p] = n.Content[i].Line
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			indexLines(c, fmt.Sprintf("%s[%d]", path, i), out)
		}
	}
}
