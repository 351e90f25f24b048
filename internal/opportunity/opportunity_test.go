package opportunity

import (
	"testing"
	"time"

	"github.com/ladderhq/ladder"
)

func opp(internal bool, stages ...string) *ladder.Opportunity {
	o := &ladder.Opportunity{Internal: internal, Stage: stages[len(stages)-1]}
	for i, s := range stages {
		o.History = append(o.History, ladder.StageChange{Stage: s, Date: time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC)})
	}
	return o
}

func TestPrompt(t *testing.T) {
	tests := []struct {
		name   string
		os     []*ladder.Opportunity
		talked bool
		show   bool
		reason string
	}{
		{"Nothing yet", nil, false, true, ReasonNoneDiscussed},
		{"Talked retires it", nil, true, false, ""},
		{"Only spotted", []*ladder.Opportunity{opp(true, "spotted")}, false, true, ReasonNoneDiscussed},
		{"Inside discussed", []*ladder.Opportunity{opp(true, "spotted", "discussed", "applied")}, false, false, ""},
		{"Inside discussed and outside", []*ladder.Opportunity{opp(true, "discussed"), opp(false, "applied")}, false, false, ""},
		{"Outside without inside", []*ladder.Opportunity{opp(false, "spotted", "applied")}, false, true, ReasonNoneDiscussed},
		{"Outside discussed, none inside", []*ladder.Opportunity{opp(false, "spotted", "discussed")}, false, true, ReasonOutsideFirst},
		{"Outside discussed, inside not", []*ladder.Opportunity{opp(false, "discussed"), opp(true, "applied")}, false, true, ReasonOutsideFirst},
		{"Skipped discussed inside", []*ladder.Opportunity{opp(true, "spotted", "applied", "taken")}, false, true, ReasonNoneDiscussed},
		{"Talked with outside", []*ladder.Opportunity{opp(false, "applied")}, true, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			show, reason := Prompt(tt.os, tt.talked)
			if show != tt.show || reason != tt.reason {
				t.Errorf("got %v %q, want %v %q", show, reason, tt.show, tt.reason)
			}
			if show && PromptText(reason) == "" {
				t.Errorf("no text for %q", reason)
			}
		})
	}
}

func TestBoard(t *testing.T) {
	a, b, c := opp(true, "applied"), opp(false, "spotted"), opp(false, "spotted", "applied")
	cols := Board([]*ladder.Opportunity{a, b, c})
	if len(cols) != len(ladder.OpportunityStages()) || cols[0].Stage != "spotted" || cols[6].Stage != "declined" {
		t.Fatalf("%+v", cols)
	}
	if len(cols[0].Items) != 1 || cols[0].Items[0] != b || len(cols[2].Items) != 2 || cols[2].Items[0] != a || cols[2].Items[1] != c {
		t.Errorf("%+v", cols)
	}
	if cols[1].Label != "Discussed with supervisor" || len(cols[1].Items) != 0 {
		t.Errorf("%+v", cols[1])
	}
}

func TestGuide(t *testing.T) {
	g, err := LoadGuide()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Steps) < 3 {
		t.Errorf("%d steps", len(g.Steps))
	}
	for name, y := range map[string]string{
		"Empty":    "title: x\nwhy: y\nsteps: []\n",
		"NoTitle":  "why: y\nsteps:\n  - {title: a, text: b}\n  - {title: a, text: b}\n  - {title: a, text: b}\n",
		"StepText": "title: x\nwhy: y\nsteps:\n  - {title: a}\n  - {title: a, text: b}\n  - {title: a, text: b}\n",
		"Unknown":  "title: x\nwhy: y\nextra: 1\n",
	} {
		if _, err := parseGuide([]byte(y)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
