// Package opportunity holds the pure logic of the opportunities pipeline
// (PRODUCT.md C12): grouping a person's opportunities by stage, deciding
// whether to prompt them to talk to their supervisor before looking
// outside, and the guide for that conversation.
package opportunity

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder"
)

//go:embed data/supervisor.yaml
var guideYAML []byte

// Guide is the short guide to the conversation with a supervisor.
type Guide struct {
	Title string `yaml:"title"`
	Why   string `yaml:"why"`
	Steps []Step `yaml:"steps"`
}

// Step is one step of the guide.
type Step struct {
	Title string `yaml:"title"`
	Text  string `yaml:"text"`
}

var loadGuide = sync.OnceValues(func() (*Guide, error) { return parseGuide(guideYAML) })

// LoadGuide returns the built-in guide. Callers must not modify it.
func LoadGuide() (*Guide, error) { return loadGuide() }

func parseGuide(data []byte) (*Guide, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var g Guide
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("supervisor.yaml: %w", err)
	}
	var errs []error
	if strings.TrimSpace(g.Title) == "" || strings.TrimSpace(g.Why) == "" {
		errs = append(errs, errors.New("title and why are required"))
	}
	if len(g.Steps) < 3 {
		errs = append(errs, fmt.Errorf("%d steps: a guide needs at least 3", len(g.Steps)))
	}
	for i, s := range g.Steps {
		if strings.TrimSpace(s.Title) == "" || strings.TrimSpace(s.Text) == "" {
			errs = append(errs, fmt.Errorf("steps[%d]: title and text are required", i))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("supervisor.yaml: %w", err)
	}
	return &g, nil
}

// Column is one stage of the pipeline with its opportunities.
type Column struct {
	Stage string
	Label string
	Items []*ladder.Opportunity
}

// Board groups opportunities by stage, in pipeline order, every stage
// present (an empty column shows where things can go). The order of os
// is kept within a column.
func Board(os []*ladder.Opportunity) []Column {
	stages := ladder.OpportunityStages()
	out := make([]Column, len(stages))
	at := map[string]int{}
	for i, s := range stages {
		out[i] = Column{Stage: s.Key, Label: s.Label}
		at[s.Key] = i
	}
	for _, o := range os {
		if i, ok := at[o.Stage]; ok {
			out[i].Items = append(out[i].Items, o)
		}
	}
	return out
}

// Prompt reasons.
const (
	// ReasonNoneDiscussed: no opportunity was ever discussed with the
	// supervisor.
	ReasonNoneDiscussed = "none-discussed"
	// ReasonOutsideFirst: the person follows outside openings but has
	// discussed no inside one.
	ReasonOutsideFirst = "outside-first"
)

// Prompt says whether to show the prompt to talk to one's supervisor, and
// why. It is shown until the person records the talk (talked), while no
// opportunity has reached "discussed with supervisor", or while they
// follow outside openings without having discussed an inside one.
func Prompt(os []*ladder.Opportunity, talked bool) (show bool, reason string) {
	if talked {
		return false, ""
	}
	var discussed, discussedInside, outside bool
	for _, o := range os {
		if !o.Internal {
			outside = true
		}
		if o.Reached(ladder.StageDiscussed) {
			discussed = true
			discussedInside = discussedInside || o.Internal
		}
	}
	switch {
	case !discussed:
		return true, ReasonNoneDiscussed
	case outside && !discussedInside:
		return true, ReasonOutsideFirst
	}
	return false, ""
}

// PromptText is the sentence that opens the prompt for a reason.
func PromptText(reason string) string {
	switch reason {
	case ReasonOutsideFirst:
		return "You are looking at openings outside, but you have not discussed one inside with your supervisor yet. " +
			"Talk to them first: the first management role is most often found where people already know your work."
	case ReasonNoneDiscussed:
		return "None of your opportunities has been discussed with your supervisor yet. Before you look outside, " +
			"tell them you want to move into management and ask what they would need to see."
	}
	return ""
}
