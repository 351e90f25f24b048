package anonymity

import (
	"math"
	"strings"
	"testing"
)

func TestRestoreRoundTrip(t *testing.T) {
	answers := append(round("x", "m1:5", "p1:2", "p2:3", "p3:3", "r1:1", "r2:2", "s1:4", "s2:4"),
		round("y", "p1:4", "p2:4", "p3:5")...)
	comments := []Comment{{Rater: "p1", Category: Peer, Text: "a"}, {Rater: "p2", Category: Peer, Text: "b"},
		{Rater: "p3", Category: Peer, Text: "c"}}
	d := Disclose(DefaultMinimums(), answers, comments, "salt")
	got, err := Restore(d.Minimums, d.Shown(), d.Comments, d.Responded)
	if err != nil {
		t.Fatal(err)
	}
	for _, comp := range []string{"x", "y"} {
		if shown(got, comp) != shown(d, comp) {
			t.Errorf("%s: restored %q, disclosed %q", comp, shown(got, comp), shown(d, comp))
		}
		m1, n1, _ := d.OthersView(comp)
		m2, n2, _ := got.OthersView(comp)
		if n1 != n2 || math.Abs(m1-m2) > 1e-12 {
			t.Errorf("%s: others view %v/%d, want %v/%d", comp, m2, n2, m1, n1)
		}
	}
	if len(got.Comments) != 1 || strings.Join(got.Comments[0].Texts, "") != strings.Join(d.Comments[0].Texts, "") {
		t.Errorf("comments %+v", got.Comments)
	}
	if got.Responded[Peer] != 3 || got.Responded[Manager] != 1 {
		t.Errorf("responded %v", got.Responded)
	}
}

func TestRestoreRefusesWhatDiscloseCannotShow(t *testing.T) {
	def := DefaultMinimums()
	tests := []struct {
		name  string
		m     Minimums
		cells []Shown
		want  string
	}{
		{"UnderMinimum", def, []Shown{{Competency: "x", Group: Peer, N: 2, Sum: 6}}, "under its minimum"},
		{"OneAnonymousManager", Minimums{Manager: 2, Peer: 3, Report: 3, Stakeholder: 3, Others: 4}, []Shown{{Competency: "x", Group: Manager, N: 1, Sum: 4}}, "under its minimum"},
		{"SumTooHigh", def, []Shown{{Competency: "x", Group: Peer, N: 3, Sum: 16}}, "levels of 1-5"},
		{"SumTooLow", def, []Shown{{Competency: "x", Group: Peer, N: 3, Sum: 2}}, "levels of 1-5"},
		{"UnknownGroup", def, []Shown{{Competency: "x", Group: "friends", N: 9, Sum: 20}}, "unknown group"},
		{"Twice", def, []Shown{{Competency: "x", Group: Peer, N: 3, Sum: 9}, {Competency: "x", Group: Peer, N: 4, Sum: 9}}, "twice"},
		{"NoCompetency", def, []Shown{{Group: Peer, N: 3, Sum: 9}}, "no competency"},
		{"BadMinimums", Minimums{Manager: 1, Peer: 1, Report: 3, Stakeholder: 3, Others: 4, NameManager: true}, nil, "peer"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Restore(tc.m, tc.cells, nil, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one about %q", err, tc.want)
			}
		})
	}
	if _, err := Restore(def, nil, []CommentGroup{{Competency: "x", Group: Peer}}, nil); err == nil {
		t.Error("an empty comment group was restored")
	}
	if _, err := Restore(def, nil, nil, map[Category]int{"friend": 2}); err == nil {
		t.Error("a count of an unknown category was restored")
	}
}
