package certs

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

var asOf = d("2026-11-22")

// work is a period of experience; end "" is ongoing.
func work(kind, start, end string, domains ...string) ladder.Experience {
	x := ladder.Experience{Kind: kind, Start: d(start), Domains: domains}
	if end != "" {
		x.End = d(end)
	}
	return x
}

// course is a dated course of some hours.
func course(kind, on string, hours float64) ladder.Experience {
	return ladder.Experience{Kind: kind, Start: d(on), End: d(on), Hours: hours}
}

func passed(key, on string) ladder.PersonCertification {
	return ladder.PersonCertification{Key: key, Status: ladder.CertPassed, Passed: d(on)}
}

func projects(xs ...ladder.Experience) []ladder.Experience { return xs }

const assocISC2 = "Pass the CISSP exam now and become an Associate of ISC2; you then have six years to gain the experience."

type eligCase struct {
	name        string
	key         string
	in          EligibilityInput
	eligible    bool
	months      float64 // -1: not checked
	missing     []string
	met         []string // each must be among Met
	alternative []string
	notes       []string // each must be among Notes
}

func runElig(t *testing.T, cases []eligCase) {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.in.AsOf.IsZero() {
				tc.in.AsOf = asOf
			}
			e, err := c.Check(tc.key, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if e.Eligible != tc.eligible {
				t.Errorf("eligible = %v, want %v (missing %q)", e.Eligible, tc.eligible, e.Missing)
			}
			if tc.months >= 0 && math.Abs(e.Months-tc.months) > 1e-6 {
				t.Errorf("months = %v, want %v", e.Months, tc.months)
			}
			if diff := cmp.Diff(tc.missing, e.Missing); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.alternative, e.Alternatives); diff != "" {
				t.Errorf("alternatives (-want +got):\n%s", diff)
			}
			for _, m := range tc.met {
				if !slices.Contains(e.Met, m) {
					t.Errorf("met %q not in %q", m, e.Met)
				}
			}
			for _, n := range tc.notes {
				if !slices.Contains(e.Notes, n) {
					t.Errorf("note %q not in %q", n, e.Notes)
				}
			}
		})
	}
}

func TestCheckPMP(t *testing.T) {
	hours35 := course(ladder.ExperiencePMEducation, "2025-03-01", 35)
	bachelor := func(xs ...ladder.Experience) EligibilityInput {
		return EligibilityInput{Degree: ladder.DegreeBachelor, Experience: xs}
	}
	overlapping := projects(
		work(ladder.ExperienceProjectLead, "2020-01-01", "2021-12-31"),
		work(ladder.ExperienceProjectLead, "2021-01-01", "2022-12-31"),
	)
	runElig(t, []eligCase{
		{name: "OverlappingProjectsCountOnce", key: "pmp",
			in: bachelor(append(overlapping, hours35)...), eligible: true, months: 36,
			met: []string{"36 months of leading projects in the last 8 years (you have 36)",
				"35 hours of project-management education (you logged 35)",
				"Education: a secondary school diploma (or its equivalent) or higher"}},
		{name: "OverlapWithoutDegreeNeeds60", key: "pmp",
			in:      EligibilityInput{Degree: ladder.DegreeSecondary, Experience: append(overlapping, hours35)},
			months:  36,
			missing: []string{"24 more months of leading projects in the last 8 years (you have 36 of 60)"}},
		{name: "FourteenMoreMonths", key: "pmp",
			in:      bachelor(work(ladder.ExperienceProjectLead, "2024-01-01", "2025-10-31"), hours35),
			months:  22,
			missing: []string{"14 more months of leading projects in the last 8 years (you have 22 of 36)"}},
		{name: "Exactly36Months", key: "pmp",
			in: bachelor(work(ladder.ExperienceProjectLead, "2023-11-23", ""), hours35), eligible: true, months: 36},
		{name: "OneDayShortOf36Months", key: "pmp",
			in:      bachelor(work(ladder.ExperienceProjectLead, "2023-11-24", ""), hours35),
			months:  35 + 30.0/31, // 24 Oct to 23 Nov is 30 of 31 days
			missing: []string{"0.1 more months of leading projects in the last 8 years (you have 35.9 of 36)"}},
		{name: "OlderThanEightYearsIgnored", key: "pmp",
			in:      bachelor(work(ladder.ExperienceProjectLead, "2010-01-01", "2018-11-22"), hours35),
			months:  0,
			missing: []string{"36 more months of leading projects in the last 8 years (you have 0 of 36)"}},
		{name: "PartlyCountedAtWindowEdge", key: "pmp",
			// The window opens on 2018-11-23: only the last 12 months count.
			in:      bachelor(work(ladder.ExperienceProjectLead, "2017-11-23", "2019-11-22"), hours35),
			months:  12,
			missing: []string{"24 more months of leading projects in the last 8 years (you have 12 of 36)"}},
		{name: "FutureProjectIgnored", key: "pmp",
			in:      bachelor(work(ladder.ExperienceProjectLead, "2027-01-01", "2030-01-01"), hours35),
			months:  0,
			missing: []string{"36 more months of leading projects in the last 8 years (you have 0 of 36)"}},
		{name: "OtherKindsDoNotCount", key: "pmp",
			in:      bachelor(work(ladder.ExperienceSecurity, "2020-01-01", ""), hours35),
			months:  0,
			missing: []string{"36 more months of leading projects in the last 8 years (you have 0 of 36)"}},
		{name: "Exactly35HoursFromTwoCourses", key: "pmp",
			in: bachelor(work(ladder.ExperienceProjectLead, "2020-01-01", ""),
				course(ladder.ExperiencePMEducation, "2024-01-10", 20), course(ladder.ExperiencePMEducation, "2024-06-10", 15)),
			eligible: true, months: -1},
		{name: "HalfAnHourShort", key: "pmp",
			in:      bachelor(work(ladder.ExperienceProjectLead, "2020-01-01", ""), course(ladder.ExperiencePMEducation, "2024-01-10", 34.5)),
			months:  -1,
			missing: []string{"0.5 more hours of project-management education (you logged 34.5 of 35)"}},
		{name: "FutureCourseNotCounted", key: "pmp",
			in:      bachelor(work(ladder.ExperienceProjectLead, "2020-01-01", ""), course(ladder.ExperiencePMEducation, "2026-12-01", 35)),
			months:  -1,
			missing: []string{"35 more hours of project-management education (you logged 0 of 35)"}},
		{name: "CAPMStandsInForHours", key: "pmp",
			in: EligibilityInput{Degree: ladder.DegreeBachelor, Held: []ladder.PersonCertification{passed("capm", "2024-05-01")},
				Experience: projects(work(ladder.ExperienceProjectLead, "2020-01-01", ""))},
			eligible: true, months: -1,
			met: []string{"Your valid CAPM stands in for the 35 hours of project-management education."}},
		{name: "ExpiredCAPMDoesNotStandIn", key: "pmp",
			in: EligibilityInput{Degree: ladder.DegreeBachelor,
				Held: []ladder.PersonCertification{{Key: "capm", Status: ladder.CertExpired,
					Passed: d("2020-05-01"), Expires: d("2023-05-01")}},
				Experience: projects(work(ladder.ExperienceProjectLead, "2020-01-01", ""))},
			months: -1,
			missing: []string{"35 more hours of project-management education (you logged 0 of 35); " +
				"your CAPM has expired, so it no longer stands in for them"}},
		{name: "CAPMPastItsExpiryDate", key: "pmp",
			in: EligibilityInput{Degree: ladder.DegreeBachelor,
				Held: []ladder.PersonCertification{{Key: "capm", Status: ladder.CertPassed,
					Passed: d("2023-05-01"), Expires: d("2026-05-01")}},
				Experience: projects(work(ladder.ExperienceProjectLead, "2020-01-01", ""))},
			months: -1,
			missing: []string{"35 more hours of project-management education (you logged 0 of 35); " +
				"your CAPM has expired, so it no longer stands in for them"}},
		{name: "CAPMBookedIsNotHeld", key: "pmp",
			in: EligibilityInput{Degree: ladder.DegreeBachelor,
				Held:       []ladder.PersonCertification{{Key: "capm", Status: ladder.CertBooked, ExamBooked: d("2026-12-01")}},
				Experience: projects(work(ladder.ExperienceProjectLead, "2020-01-01", ""))},
			months:  -1,
			missing: []string{"35 more hours of project-management education (you logged 0 of 35)"}},
		{name: "NoSecondaryDiploma", key: "pmp",
			in: EligibilityInput{Degree: ladder.DegreeNone,
				Experience: projects(work(ladder.ExperienceProjectLead, "2019-01-01", ""), hours35)},
			months:  -1,
			missing: []string{"a secondary school diploma (or its equivalent)"}},
		{name: "DegreeUnknownAssumesNone", key: "pmp",
			in:     EligibilityInput{Experience: projects(work(ladder.ExperienceProjectLead, "2022-01-01", ""), hours35)},
			months: -1,
			missing: []string{
				"your highest education: record it so Ladder can check for a secondary school diploma (or its equivalent)",
				"1.3 more months of leading projects in the last 8 years (you have 58.7 of 60)"},
			notes: []string{"Ladder assumed no four-year degree: with one, PMP asks 36 months of leading projects instead of 60."}},
	})
}

func TestCheckCISSP(t *testing.T) {
	sec := func(start, end string, domains ...string) ladder.Experience {
		return work(ladder.ExperienceSecurity, start, end, domains...)
	}
	runElig(t, []eligCase{
		{name: "FiveYearsInTwoDomains", key: "cissp",
			in: EligibilityInput{Degree: ladder.DegreeSecondary, Experience: projects(
				sec("2021-11-23", "", "Security Operations", "identity-access-management"))},
			eligible: true, months: 60,
			met: []string{"60 months of paid security work (you have 60)",
				"Experience in 2 of the 8 CISSP domains: Identity and Access Management, Security Operations"}},
		{name: "OneDomainOnly", key: "cissp",
			in: EligibilityInput{Degree: ladder.DegreeSecondary, Experience: projects(
				sec("2015-01-01", "", "security operations"))},
			months:      -1,
			missing:     []string{"experience in at least 2 of the 8 CISSP domains (you have 1: Security Operations)"},
			alternative: []string{assocISC2}},
		{name: "NoDomainsRecorded", key: "cissp",
			in:          EligibilityInput{Degree: ladder.DegreeSecondary, Experience: projects(sec("2015-01-01", ""))},
			months:      -1,
			missing:     []string{"experience in at least 2 of the 8 CISSP domains (you have none recorded)"},
			alternative: []string{assocISC2}},
		{name: "DegreeWaivesOneYear", key: "cissp",
			in: EligibilityInput{Degree: ladder.DegreeBachelor, Experience: projects(
				sec("2022-11-23", "", "Asset Security", "Security and Risk Management"))},
			eligible: true, months: 48,
			met: []string{"1 year of the 5 years of paid security work waived for your four-year degree",
				"48 months of paid security work (you have 48)"}},
		{name: "ShortWithoutWaiverSaysAssociate", key: "cissp",
			in: EligibilityInput{Degree: ladder.DegreeSecondary, Experience: projects(
				sec("2022-11-23", "", "Asset Security", "Security and Risk Management"))},
			months:      48,
			missing:     []string{"12 more months of paid security work (you have 48 of 60)"},
			alternative: []string{assocISC2},
			notes:       []string{"A four-year degree or a valid CISM would waive 1 year of the 5 years of paid security work."}},
		{name: "ApprovedCredentialWaivesOneYear", key: "cissp",
			in: EligibilityInput{Degree: ladder.DegreeSecondary, Held: []ladder.PersonCertification{passed("cism", "2024-01-01")},
				Experience: projects(sec("2022-11-23", "", "Asset Security", "Security and Risk Management"))},
			eligible: true, months: 48,
			met: []string{"1 year of the 5 years of paid security work waived for your valid CISM"}},
		{name: "TwoJobsAtOnceCountOnce", key: "cissp",
			in: EligibilityInput{Degree: ladder.DegreeSecondary, Experience: projects(
				sec("2022-11-23", "", "Asset Security"),
				work(ladder.ExperienceSecurityManagement, "2022-11-23", "", "Security Operations"))},
			months:      48,
			missing:     []string{"12 more months of paid security work (you have 48 of 60)"},
			alternative: []string{assocISC2}},
	})
}

func TestCheckCISM(t *testing.T) {
	runElig(t, []eligCase{
		{name: "FiveYearsThreeManaging", key: "cism",
			in: EligibilityInput{Degree: ladder.DegreeSecondary, Experience: projects(
				work(ladder.ExperienceSecurity, "2019-11-23", "2021-11-22"),
				work(ladder.ExperienceSecurityManagement, "2021-11-23", ""))},
			eligible: true, months: 84,
			met: []string{"60 months of information-security work in the last 10 years (you have 84)",
				"36 months of managing information security in the last 10 years (you have 60)"}},
		{name: "NoManagementYears", key: "cism",
			in: EligibilityInput{Degree: ladder.DegreeSecondary, Experience: projects(
				work(ladder.ExperienceSecurity, "2019-11-23", ""))},
			months:  84,
			missing: []string{"36 more months of managing information security in the last 10 years (you have 0 of 36)"}},
		{name: "DegreeWaiverButNotForManagement", key: "cism",
			in: EligibilityInput{Degree: ladder.DegreeBachelor, Experience: projects(
				work(ladder.ExperienceSecurityManagement, "2024-11-23", ""))},
			months: 24,
			missing: []string{"12 more months of information-security work in the last 10 years (you have 24 of 36)",
				"12 more months of managing information security in the last 10 years (you have 24 of 36)"},
			met: []string{"2 years of the 5 years of information-security work waived for your four-year degree"}},
		{name: "ExperienceOlderThanTenYears", key: "cism",
			in: EligibilityInput{Degree: ladder.DegreeSecondary, Experience: projects(
				work(ladder.ExperienceSecurityManagement, "2008-01-01", "2016-11-22"))},
			months: 0,
			missing: []string{"60 more months of information-security work in the last 10 years (you have 0 of 60)",
				"36 more months of managing information security in the last 10 years (you have 0 of 36)"}},
	})
}

func TestCheckCoursesAndHeld(t *testing.T) {
	expiredFoundation := ladder.PersonCertification{Key: "itil-4-foundation", Status: ladder.CertExpired,
		Passed: d("2020-01-01"), Expires: d("2023-01-01")}
	runElig(t, []eligCase{
		{name: "CSMSixteenHours", key: "csm",
			in:       EligibilityInput{Experience: projects(course(ladder.ExperienceScrumCourse, "2026-10-01", 16))},
			eligible: true, months: -1,
			met: []string{"16 hours of live CSM course with a Certified Scrum Trainer (you logged 16)"}},
		{name: "CSMFourteenHours", key: "csm",
			in:      EligibilityInput{Experience: projects(course(ladder.ExperienceScrumCourse, "2026-10-01", 14))},
			months:  -1,
			missing: []string{"2 more hours of live CSM course with a Certified Scrum Trainer (you logged 14 of 16)"}},
		{name: "CSMOtherCoursesDoNotCount", key: "csm",
			in:      EligibilityInput{Experience: projects(course(ladder.ExperiencePMEducation, "2026-10-01", 40))},
			months:  -1,
			missing: []string{"16 more hours of live CSM course with a Certified Scrum Trainer (you logged 0 of 16)"}},
		{name: "NoPrerequisites", key: "itil-4-foundation", in: EligibilityInput{}, eligible: true, months: -1,
			met: []string{"No prerequisites: anyone can book the exam."}},
		{name: "FoundationHeld", key: "itil-4-managing-professional",
			in:       EligibilityInput{Held: []ladder.PersonCertification{passed("itil-4-foundation", "2025-02-01")}},
			eligible: true, months: -1,
			met: []string{"You hold a valid ITIL 4 Foundation."}},
		{name: "FoundationMissing", key: "itil-4-managing-professional", in: EligibilityInput{}, months: -1,
			missing: []string{"the ITIL 4 Foundation first"}},
		{name: "FoundationExpired", key: "itil-4-managing-professional",
			in:      EligibilityInput{Held: []ladder.PersonCertification{expiredFoundation}},
			months:  -1,
			missing: []string{"a valid ITIL 4 Foundation: yours has expired"}},
		{name: "AlreadyHeld", key: "psm-1",
			in:       EligibilityInput{Held: []ladder.PersonCertification{passed("psm-1", "2025-02-01")}},
			eligible: true, months: -1,
			notes: []string{"You already hold a valid PSM I."}},
	})
}

func TestCheckErrors(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, key string
		in        EligibilityInput
		code      string
		field     string
	}{
		{"ErrUnknownKey", "pilot-licence", EligibilityInput{AsOf: asOf}, ladder.ENOTFOUND, ""},
		{"ErrNoDate", "pmp", EligibilityInput{}, ladder.EINVALID, "as_of"},
		{"ErrBadDegree", "pmp", EligibilityInput{AsOf: asOf, Degree: "phd"}, ladder.EINVALID, "degree"},
		{"ErrEndBeforeStart", "pmp", EligibilityInput{AsOf: asOf,
			Experience: projects(work(ladder.ExperienceProjectLead, "2024-01-01", "2023-01-01"))}, ladder.EINVALID, "experience[0].end"},
		{"ErrNoKind", "pmp", EligibilityInput{AsOf: asOf,
			Experience: projects(work("", "2024-01-01", ""))}, ladder.EINVALID, "experience[0].kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Check(tc.key, tc.in)
			if got := ladder.ErrorCode(err); got != tc.code {
				t.Fatalf("code %q (%v), want %q", got, err, tc.code)
			}
			if tc.field == "" {
				return
			}
			var e *ladder.Error
			if !asError(err, &e) || e.Fields[tc.field] == "" {
				t.Errorf("no message for field %s in %v", tc.field, err)
			}
		})
	}
}

func asError(err error, target **ladder.Error) bool {
	e, ok := err.(*ladder.Error)
	*target = e
	return ok
}

// Eligibility must not depend on the order experience is logged in.
func TestCheckOrderIndependent(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	xs := projects(
		work(ladder.ExperienceProjectLead, "2019-03-01", "2020-06-30"),
		work(ladder.ExperienceProjectLead, "2020-01-01", "2021-02-28"),
		work(ladder.ExperienceProjectLead, "2022-05-01", ""),
		course(ladder.ExperiencePMEducation, "2023-01-01", 20),
	)
	first, err := c.Check("pmp", EligibilityInput{Degree: ladder.DegreeBachelor, Experience: xs, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(xs)
	second, err := c.Check("pmp", EligibilityInput{Degree: ladder.DegreeBachelor, Experience: xs, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("order changed the result:\n%s", diff)
	}
}

func BenchmarkCheckPMP(b *testing.B) {
	c, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	var xs []ladder.Experience
	start := d("2018-01-01")
	for i := range 300 {
		s := start.AddDate(0, 0, i*9)
		xs = append(xs, ladder.Experience{Kind: ladder.ExperienceProjectLead, Start: s, End: s.AddDate(0, 2, 0),
			Note: fmt.Sprint(i)})
	}
	in := EligibilityInput{Degree: ladder.DegreeBachelor, Experience: xs, AsOf: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Check("pmp", in); err != nil {
			b.Fatal(err)
		}
	}
}
