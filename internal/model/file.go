package model

import (
	"fmt"
	"sort"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// The file format. These types carry the YAML and JSON tags so the domain
// types in package ladder stay free of them.
type fileModel struct {
	Version    string      `yaml:"version" json:"version"`
	Name       string      `yaml:"name" json:"name"`
	LevelNames levelMap    `yaml:"level_names" json:"level_names"`
	Areas      []fileArea  `yaml:"areas" json:"areas"`
	Roles      []fileRole  `yaml:"roles" json:"roles"`
	ONETMap    []fileLink  `yaml:"onet_map" json:"onet_map"`
	Shift      []fileShift `yaml:"shift" json:"shift"`
}

type fileArea struct {
	Key          string           `yaml:"key" json:"key"`
	Name         string           `yaml:"name" json:"name"`
	Description  string           `yaml:"description" json:"description"`
	Competencies []fileCompetency `yaml:"competencies" json:"competencies"`
}

type fileCompetency struct {
	Key         string   `yaml:"key" json:"key"`
	Name        string   `yaml:"name" json:"name"`
	Description string   `yaml:"description" json:"description"`
	Levels      levelMap `yaml:"levels" json:"levels"`
}

type fileRole struct {
	Slug         string            `yaml:"slug" json:"slug"`
	Title        string            `yaml:"title" json:"title"`
	Kind         string            `yaml:"kind" json:"kind"`
	ONETCode     string            `yaml:"onet_code" json:"onet_code"`
	ONETProxy    string            `yaml:"onet_proxy,omitempty" json:"onet_proxy,omitempty"`
	Summary      string            `yaml:"summary" json:"summary"`
	Duties       []string          `yaml:"duties" json:"duties"`
	Requirements []fileRequirement `yaml:"requirements" json:"requirements"`
}

type fileRequirement struct {
	Competency string `yaml:"competency" json:"competency"`
	Level      int    `yaml:"level" json:"level"`
	Importance int    `yaml:"importance" json:"importance"`
}

type fileLink struct {
	Element      string       `yaml:"element" json:"element"`
	Name         string       `yaml:"name" json:"name"`
	Competencies []fileWeight `yaml:"competencies" json:"competencies"`
}

type fileWeight struct {
	Key    string  `yaml:"key" json:"key"`
	Weight float64 `yaml:"weight" json:"weight"`
}

type fileShift struct {
	Topic      string `yaml:"topic" json:"topic"`
	Specialist string `yaml:"specialist" json:"specialist"`
	Manager    string `yaml:"manager" json:"manager"`
}

// levelMap maps level numbers to text. Keys arrive as integers from YAML and
// as strings from JSON ("1"), so decoding converts them itself; a key that is
// not a number is recorded as 0 for the validator to report.
type levelMap map[int]string

func (l *levelMap) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: expected a mapping of levels 1-5", n.Line)
	}
	m := levelMap{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		level, err := strconv.Atoi(k.Value)
		if err != nil || level < 1 || level > 5 {
			return fmt.Errorf("line %d: level %q must be a number from 1 to 5", k.Line, k.Value)
		}
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: level %d must be text", v.Line, level)
		}
		m[level] = v.Value
	}
	*l = m
	return nil
}

// MarshalYAML writes the levels in order with integer keys.
func (l levelMap) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	keys := make([]int, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(k)},
			&yaml.Node{Kind: yaml.ScalarNode, Value: l[k]})
	}
	return n, nil
}
