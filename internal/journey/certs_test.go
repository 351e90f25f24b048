package journey

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func ymd(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEvidenceExperience(t *testing.T) {
	es := []*ladder.Evidence{
		{ID: 1, Kind: ladder.EvidenceLedProject, Title: "Mail move", Start: ymd("2024-01-01"), End: ymd("2024-06-30")},
		{ID: 2, Kind: ladder.EvidenceLedProject, Title: "Backup", Start: ymd("2024-03-01"), Months: 2},
		{ID: 3, Kind: ladder.EvidenceLedProject, Title: "Kick-off", Start: ymd("2024-05-05")},
		{ID: 4, Kind: ladder.EvidenceIncidentLead, Title: "Phishing wave", Start: ymd("2025-02-01"), End: ymd("2025-02-03")},
		{ID: 5, Kind: ladder.EvidenceMentored, Title: "Mentored Jo", Start: ymd("2025-01-01")},
		{ID: 6, Kind: ladder.EvidenceBudget, Title: "Budget", Start: ymd("2025-01-01")},
	}
	want := []ladder.Experience{
		{Kind: ladder.ExperienceProjectLead, Start: ymd("2024-01-01"), End: ymd("2024-06-30"), Note: "#1 Mail move"},
		{Kind: ladder.ExperienceProjectLead, Start: ymd("2024-03-01"), End: ymd("2024-04-30"), Note: "#2 Backup"},
		{Kind: ladder.ExperienceProjectLead, Start: ymd("2024-05-05"), End: ymd("2024-05-05"), Note: "#3 Kick-off"},
		{Kind: ladder.ExperienceSecurity, Domains: []string{CISSPSecurityOperations}, Start: ymd("2025-02-01"), End: ymd("2025-02-03"),
			Note: "#4 Phishing wave"},
	}
	if diff := cmp.Diff(want, EvidenceExperience(es)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, x := range EvidenceExperience(es) {
		if err := x.Validate(); err != nil {
			t.Errorf("%+v: %v", x, err)
		}
	}
}

func TestCertificationOverview(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		db.Now = func() time.Time { return ymd("2026-05-01").Add(9 * time.Hour) }
		j := New(db, onet.Embedded)
		p := &ladder.Person{Name: "Sam", Email: "sam@example.com", StartRole: "system-administrator", TargetRole: "it-project-manager"}
		if err := j.Persons.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		// 36 months of projects, two of them overlapping: 40 months counted once.
		for _, e := range []*ladder.Evidence{
			{PersonID: p.ID, Kind: ladder.EvidenceLedProject, Title: "A", Start: ymd("2022-01-01"), End: ymd("2024-12-31")},
			{PersonID: p.ID, Kind: ladder.EvidenceLedProject, Title: "B", Start: ymd("2024-06-01"), End: ymd("2025-04-30")},
		} {
			if err := j.Evidence.CreateEvidence(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		if err := j.Certifications.SetPersonCertification(ctx, &ladder.PersonCertification{PersonID: p.ID, Key: "capm",
			Status: ladder.CertPassed, Passed: ymd("2025-01-10"), Expires: ymd("2028-01-10")}); err != nil {
			t.Fatal(err)
		}
		if err := j.Certifications.SetDegree(ctx, p.ID, ladder.DegreeBachelor); err != nil {
			t.Fatal(err)
		}
		p, _ = j.Persons.FindPersonByID(ctx, p.ID)
		o, err := j.CertificationOverview(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if o.Degree != ladder.DegreeBachelor || len(o.Certs) < 10 || len(o.GapKeys) == 0 {
			t.Fatalf("degree %q, %d certs, gaps %v", o.Degree, len(o.Certs), o.GapKeys)
		}
		pmp, err := o.Certification("pmp")
		if err != nil {
			t.Fatal(err)
		}
		if !pmp.Eligibility.Eligible || pmp.Eligibility.Months != 40 || len(pmp.Counted) != 2 {
			t.Errorf("PMP: eligible %v months %v counted %d: %v", pmp.Eligibility.Eligible, pmp.Eligibility.Months,
				len(pmp.Counted), pmp.Eligibility.Missing)
		}
		capm, _ := o.Certification("capm")
		if capm.Record == nil || capm.Record.Status != ladder.CertPassed {
			t.Errorf("CAPM record %+v", capm.Record)
		}
		var recs []string
		for _, r := range o.Recommendations {
			recs = append(recs, r.Key)
		}
		if !slices.Contains(recs, "pmp") || slices.Contains(recs, "capm") {
			t.Errorf("recommendations %v", recs)
		}
		if _, err := o.Certification("ccna"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("unknown key: %v", err)
		}

		t.Run("NoTarget", func(t *testing.T) {
			q := &ladder.Person{Name: "Q", Email: "q@example.com"}
			if err := j.Persons.CreatePerson(ctx, q); err != nil {
				t.Fatal(err)
			}
			o, err := j.CertificationOverview(ctx, q)
			if err != nil || len(o.Recommendations) != 0 || len(o.Certs) == 0 {
				t.Fatalf("%v %+v", err, o)
			}
			if pmp, _ := o.Certification("pmp"); pmp.Eligibility.Eligible || len(pmp.Counted) != 0 {
				t.Errorf("Q sees Sam's projects: %+v", pmp.Eligibility)
			}
		})
	})
}
