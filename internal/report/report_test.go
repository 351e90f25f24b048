package report

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/certs"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/readiness"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// sampleInput is a person with two self-assessments, two evidence entries,
// a plan and one certification record, built in Go so the golden file
// follows the model and the catalogue.
func sampleInput(t *testing.T) Input {
	t.Helper()
	m := model.Default()
	role, ok := m.Role("it-manager")
	if !ok {
		t.Fatal("no it-manager role")
	}
	now := day("2026-06-01")
	as := []*ladder.Assessment{
		{ID: 1, Kind: ladder.AssessSelf, CompletedAt: day("2026-01-10"), Ratings: []ladder.Rating{
			{Competency: "delegation", Level: 2, RatedAt: day("2026-01-10")}, {Competency: "motivating-teams", Level: 2, RatedAt: day("2026-01-10")}}},
		{ID: 2, Kind: ladder.AssessSelf, CompletedAt: day("2026-04-10"), Ratings: []ladder.Rating{
			{Competency: "delegation", Level: 3, RatedAt: day("2026-04-10")}, {Competency: "conflict-resolution", Level: 3, RatedAt: day("2026-04-10")}}},
	}
	ev := []*ladder.Evidence{
		{ID: 2, Kind: ladder.EvidenceLedProject, Title: "Led the | mail migration", Start: day("2025-03-01"), End: day("2025-08-31"),
			Competencies: []string{"delegation"}, PeopleCount: 5, MoneySaved: ladder.Money{Amount: 12000, Currency: "EUR"}},
		{ID: 1, Kind: ladder.EvidenceMentored, Title: "Mentored a *new* colleague", Start: day("2024-11-04"), Competencies: []string{"developing-people"}, HoursSaved: 4},
	}
	s := &journey.Snapshot{Person: &ladder.Person{ID: 7, Name: "Zoë Müller", TargetRole: "it-manager"}, Model: m, Target: role,
		Start:       &journey.StartRole{Value: "system-administrator", Title: "System administrator"},
		Assessments: as, Evidence: ev, EvidencePoints: readiness.EvidencePoints(ev), AsOf: now,
		Prior: map[string]readiness.Prior{"team-dynamics": {Level: 2, Basis: "O*NET data for 15-1244.00"}}, Attribution: "O*NET 30.0 credit line."}
	s.Levels = readiness.CurrentLevels(m, readiness.Inputs{Self: readiness.LatestSelf(as, now), Prior: s.Prior, Evidence: s.EvidencePoints, AsOf: now})
	pl := &ladder.Plan{Start: day("2026-06-01"), End: day("2027-05-31"), Goals: []ladder.Goal{{Competency: "delegation", TargetLevel: 4,
		TargetDate: day("2027-03-31"), Specific: "Hand over whole outcomes.", Actions: []ladder.PlanAction{
			{Title: "Delegate the backup rota", Kind: ladder.Kind70, Due: day("2026-09-30"), Done: true},
			{Title: "Ask your team for feedback", Kind: ladder.Kind20, Due: day("2026-11-30")},
			{Title: "Dropped course", Kind: ladder.Kind10, Due: day("2026-12-31"), Dropped: true}}}}}
	return Input{Snapshot: s, Plan: pl, Certs: sampleCerts(t, now), Now: now}
}

func sampleCerts(t *testing.T, now time.Time) *journey.CertOverview {
	cat, err := certs.Load()
	if err != nil {
		t.Fatal(err)
	}
	o := &journey.CertOverview{AsOf: now}
	rec := &ladder.PersonCertification{Key: "pmp", Status: ladder.CertStudying, StudyHours: 12}
	for _, c := range cat.All() {
		if c.Key != "pmp" && c.Key != "capm" {
			continue
		}
		el, err := cat.Check(c.Key, certs.EligibilityInput{AsOf: now})
		if err != nil {
			t.Fatal(err)
		}
		v := journey.CertView{Cert: c, Eligibility: el}
		if c.Key == "pmp" {
			v.Record = rec
		}
		o.Certs = append(o.Certs, v)
	}
	o.Recommendations = []certs.Recommendation{{Key: "capm"}, {Key: "pmp"}}
	return o
}

func TestMarkdownGolden(t *testing.T) {
	got := Build(sampleInput(t)).Markdown()
	golden(t, "report.md", got)
}

func TestMarkdownEmpty(t *testing.T) {
	in := sampleInput(t)
	in.Plan, in.Certs, in.Snapshot.Evidence = nil, nil, nil
	out := string(Build(in).Markdown())
	for _, want := range []string{"No plan yet.", "No evidence logged yet.", "No certifications recorded or recommended."} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run with -update if the change is intended:\n%s", name, got)
	}
}

func TestHTML(t *testing.T) {
	r := Build(sampleInput(t))
	doc, err := r.HTML()
	if err != nil {
		t.Fatal(err)
	}
	body, err := r.Body()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<style>", "@media print", "Zoë Müller", "Led the | mail migration", "Delegation", "12000 EUR saved"} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("document lacks %q", want)
		}
	}
	if strings.Contains(string(body), "<style") || strings.Contains(string(body), "style=") {
		t.Error("the body must carry no style: the app's CSP forbids inline style")
	}
}

// RequirePDFToText returns pdftotext's path. Without it the test fails
// under CI=true and is skipped, loudly, elsewhere.
func RequirePDFToText(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing: install poppler-utils (.ci/run does)")
		}
		t.Skip("SKIPPED: pdftotext is missing; install poppler-utils to check the PDF")
	}
	return p
}

// PDFText extracts a PDF's text with pdftotext.
func PDFText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin := RequirePDFToText(t)
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPDF(t *testing.T) {
	in := sampleInput(t)
	r := Build(in)
	b, err := r.PDF(in.Now)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", b[:min(len(b), 20)])
	}
	again, err := r.PDF(in.Now)
	if err != nil || !bytes.Equal(b, again) {
		t.Errorf("the same report gave different PDFs (err %v)", err)
	}
	// Cells wrap, so words are compared with the line breaks folded.
	text := strings.Join(strings.Fields(PDFText(t, b)), " ")
	for _, want := range []string{"Zoë Müller", "IT manager", "Delegation", "Led the | mail migration", "Project Management Professional"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}
