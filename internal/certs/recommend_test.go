package certs

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

func keys(rs []Recommendation) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Key)
	}
	return out
}

func TestRecommend(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	gaps := []string{"scope-management", "risk-management"}
	expiredPMP := ladder.PersonCertification{Key: "pmp", Status: ladder.CertExpired, Passed: d("2020-01-01"), Expires: d("2023-01-01")}
	for _, tc := range []struct {
		name string
		in   RecommendInput
		want []string
	}{
		// Fitting the role weighs 2, the first gap 2 and the second 1.5;
		// ties go by key.
		{"ProjectManagerWithGaps", RecommendInput{TargetRole: "it-project-manager", Gaps: gaps},
			[]string{"comptia-project-plus", "pmp", "prince2-foundation", "prince2-practitioner", "capm",
				"csm", "psm-1", "cgeit", "cism", "cissp"}},
		{"HeldPMPSkipsPMPAndCAPM", RecommendInput{TargetRole: "it-project-manager", Gaps: gaps,
			Held: []ladder.PersonCertification{passed("pmp", "2024-01-01")}},
			[]string{"comptia-project-plus", "prince2-foundation", "prince2-practitioner",
				"csm", "psm-1", "cgeit", "cism", "cissp"}},
		{"ExpiredPMPIsRecommendedAgain", RecommendInput{TargetRole: "it-project-manager", Gaps: gaps,
			Held: []ladder.PersonCertification{expiredPMP}},
			[]string{"comptia-project-plus", "pmp", "prince2-foundation", "prince2-practitioner", "capm",
				"csm", "psm-1", "cgeit", "cism", "cissp"}},
		{"PractitionerSupersedesFoundation", RecommendInput{TargetRole: "it-project-manager", Gaps: gaps,
			Held: []ladder.PersonCertification{passed("prince2-practitioner", "2024-01-01")}},
			[]string{"comptia-project-plus", "pmp", "capm", "csm", "psm-1", "cgeit", "cism", "cissp"}},
		{"RoleOnly", RecommendInput{TargetRole: "cio"},
			[]string{"cgeit", "cism", "cobit-2019-foundation", "itil-4-strategic-leader", "togaf-ea-practitioner"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.AsOf = asOf
			got, err := c.Recommend(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, keys(got)); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRecommendReasons(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Recommend(RecommendInput{TargetRole: "it-manager",
		Gaps: []string{"service-management", "risk-management"}, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]Recommendation{}
	for _, r := range got {
		byKey[r.Key] = r
	}
	for _, tc := range []struct{ key, reason, next string }{
		{"itil-4-managing-professional", "Fits the IT manager role and works on one of your gaps: IT service management.", "Hold a valid ITIL 4 Foundation first."},
		{"cissp", "Fits the IT manager role and works on one of your gaps: risk management.", ""},
		{"pmp", "Fits the IT manager role and works on one of your gaps: risk management.", ""},
		{"cobit-2019-foundation", "Fits the IT manager role, though it does not target your current gaps.", ""},
		{"itil-4-strategic-leader", "Works on one of your gaps: IT service management, though it is not a usual credential for the IT manager role.", "Hold a valid ITIL 4 Foundation first."},
		{"cgeit", "Works on one of your gaps: risk management, though it is not a usual credential for the IT manager role.", ""},
	} {
		r, ok := byKey[tc.key]
		if !ok {
			t.Errorf("%s not recommended", tc.key)
			continue
		}
		if r.Reason != tc.reason || r.NextStep != tc.next {
			t.Errorf("%s: reason %q, next %q; want %q, %q", tc.key, r.Reason, r.NextStep, tc.reason, tc.next)
		}
	}
	two, err := c.Recommend(RecommendInput{TargetRole: "it-project-manager",
		Gaps: []string{"scope-management", "schedule-management"}, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Fits the IT project manager role and works on 2 of your gaps: scope management and schedule management."; two[0].Reason != want {
		t.Errorf("reason %q, want %q", two[0].Reason, want)
	}
}

// The same input gives the same list, whatever order held certifications
// come in.
func TestRecommendDeterministic(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	held := []ladder.PersonCertification{passed("csm", "2024-01-01"), passed("itil-4-foundation", "2024-02-01"),
		passed("capm", "2023-01-01"), {Key: "cissp", Status: ladder.CertStudying}}
	in := RecommendInput{TargetRole: "it-director",
		Gaps: []string{"strategic-planning", "vendor-management", "risk-management", "budgeting"}, Held: held, AsOf: asOf}
	want, err := c.Recommend(in)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		h := append([]ladder.PersonCertification(nil), held...)
		r.Shuffle(len(h), func(i, j int) { h[i], h[j] = h[j], h[i] })
		in.Held = h
		got, err := c.Recommend(in)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("result changed with held order:\n%s", diff)
		}
	}
}

func TestRecommendErrors(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		in    RecommendInput
		field string
	}{
		{"ErrUnknownRole", RecommendInput{TargetRole: "astronaut", AsOf: asOf}, "target_role"},
		{"ErrStartRole", RecommendInput{TargetRole: "help-desk", AsOf: asOf}, "target_role"},
		{"ErrUnknownGap", RecommendInput{TargetRole: "cio", Gaps: []string{"juggling"}, AsOf: asOf}, "gaps[0]"},
		{"ErrNoDate", RecommendInput{TargetRole: "cio"}, "as_of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Recommend(tc.in)
			var e *ladder.Error
			if !asError(err, &e) || e.Code != ladder.EINVALID || e.Fields[tc.field] == "" {
				t.Errorf("got %v, want EINVALID on %s", err, tc.field)
			}
		})
	}
}
