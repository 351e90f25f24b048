package journey_test

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

var portNow = time.Date(2025, 6, 11, 9, 30, 15, 123456000, time.UTC)

// openJourney returns a journey on a fresh database of engine whose clock is
// frozen at portNow.
func openJourney(t *testing.T, engine string) *journey.Journey {
	db := sqldbtest.Open(t, engine)
	db.Now = func() time.Time { return portNow }
	return journey.New(db, onet.Embedded)
}

// fullPerson loads the demo person and gives them something of every kind.
func fullPerson(t *testing.T, j *journey.Journey) *ladder.Person {
	t.Helper()
	p, err := demo.Load(ctx, j, portNow)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 12})
	if err != nil {
		t.Fatal(err)
	}
	acts := pl.Goals[0].Actions
	if err := j.Plans().SetActionDone(ctx, p.ID, acts[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := j.Plans().DropAction(ctx, p.ID, acts[len(acts)-1].ID); err != nil {
		t.Fatal(err)
	}
	if err := j.Plans().SetGoalDone(ctx, p.ID, pl.Goals[len(pl.Goals)-1].ID, true); err != nil {
		t.Fatal(err)
	}
	addNetworkData(t, j, p)
	if err := j.Journal.CreateJournalEntry(ctx, &ladder.JournalEntry{PersonID: p.ID, Date: portNow.AddDate(0, 0, -3).Truncate(24 * time.Hour),
		Kind: ladder.JournalChallenge, Title: "Two leads disagreed on the rollout", Body: "I let both speak first.", Mood: 3,
		Confidence: 4, Challenge: "team-dynamics", Tags: []string{"rollout", "Conflict"}, Competencies: []string{"conflict-resolution"},
		Reflection: ladder.Reflection{Description: "A tense stand-up", ActionPlan: "Book a retro"}}); err != nil {
		t.Fatal(err)
	}
	if err := j.Certifications.SetPersonCertification(ctx, &ladder.PersonCertification{PersonID: p.ID, Key: "pmp",
		Status: ladder.CertStudying, Started: portNow.AddDate(0, -2, 0), StudyHours: 12.5, Notes: "Chapter 4"}); err != nil {
		t.Fatal(err)
	}
	if err := j.Certifications.SetDegree(ctx, p.ID, ladder.DegreeBachelor); err != nil {
		t.Fatal(err)
	}
	if err := j.Learning.CreateLearningItem(ctx, &ladder.LearningItem{PersonID: p.ID, Title: "The Manager's Path", Kind: "book",
		Competencies: []string{"developing-people", "delegation"}, Status: ladder.LearningInProgress, Progress: 40,
		Link: "https://example.com/book", Notes: "Lend to Priya"}); err != nil {
		t.Fatal(err)
	}
	if err := j.Learning.LogWeek(ctx, &ladder.TimeLog{PersonID: p.ID, Week: ladder.WeekOf(portNow), TechnicalHours: 30,
		ManagerialHours: 8, LearningHours: 2, Note: "Release week"}); err != nil {
		t.Fatal(err)
	}
	addFirst90(t, j, p)
	addFeedbackRounds(t, j, p)
	p, err = j.Persons.FindPersonByID(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func exportBytes(t *testing.T, j *journey.Journey, p *ladder.Person) []byte {
	t.Helper()
	x, err := api.NewExport(ctx, j, sqldb.NewAuthService(j.DB), p)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := api.EncodeExport(&b, x); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var idRE = regexp.MustCompile(`"id": [0-9]+`)

// refRE finds references to evidence ids, which an import maps to the new
// ids (TestImportKeepsEvidenceReferences checks that they still point to
// the same entries).
var refRE = regexp.MustCompile(`"evidence_ids?": (\[[0-9,\s]*\]|[0-9]+)`)

// normaliseIDs replaces every id by 0: an import gives new ones.
func normaliseIDs(b []byte) string {
	s := idRE.ReplaceAllString(string(b), `"id": 0`)
	return refRE.ReplaceAllStringFunc(s, func(m string) string { return regexp.MustCompile(`[0-9]+`).ReplaceAllString(m, "0") })
}

func importBytes(t *testing.T, j *journey.Journey, b []byte, as string) (*ladder.Person, error) {
	t.Helper()
	x, err := api.DecodeExport(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	d := x.PersonData()
	if as != "" {
		d.Person.Email = as
	}
	return j.ImportPerson(ctx, d)
}

// TestExportImportRoundTrip: export -> import -> export gives the same
// bytes but for ids, on each engine and from each engine to the other.
func TestExportImportRoundTrip(t *testing.T) {
	engines := []string{sqldb.SQLite, sqldb.Postgres}
	for _, from := range engines {
		for _, to := range engines {
			t.Run(from+"-to-"+to, func(t *testing.T) {
				src, dst := openJourney(t, from), openJourney(t, to)
				p := fullPerson(t, src)
				first := exportBytes(t, src, p)
				for _, want := range []string{`"format": "ladder.person"`, `"version": 1`, `"degree": "bachelor"`,
					`"key": "pmp"`, `"dropped": true`, `"done": true`, `"Book a retro"`, `"Release week"`, `"The Manager's Path"`,
					`"note": "I let my manager talk to vendors."`} {
					if !strings.Contains(string(first), want) {
						t.Errorf("the export lacks %s", want)
					}
				}
				q, err := importBytes(t, dst, first, "")
				if err != nil {
					t.Fatal(err)
				}
				second := exportBytes(t, dst, q)
				if a, b := normaliseIDs(first), normaliseIDs(second); a != b {
					t.Fatalf("the round trip changed the export:\n%s", firstDiff(a, b))
				}
				// The imported person is usable: a snapshot computes.
				if _, err := dst.Snapshot(ctx, q, ""); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}

// rowCounts counts the rows of every table a person's data lives in.
func rowCounts(t *testing.T, j *journey.Journey) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range append([]string{"persons", "assessments", "ratings", "evidence", "evidence_competencies", "journal_entries",
		"journal_tags", "journal_competencies", "plans", "plan_goals", "plan_actions", "person_certifications",
		"learning_items", "learning_item_competencies", "time_logs",
		"mentors", "mentor_strengths", "mentor_criteria", "mentoring_sessions", "mentoring_actions", "contacts", "memberships",
		"network_events", "network_event_contacts",
		"opportunities", "opportunity_stages", "supervisor_talks", "resume_bullets", "practice_answers", "practice_evidence"}, first90Tables...) {
		var n int
		if err := j.DB.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func sameCounts(t *testing.T, before, after map[string]int) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %d rows before, %d after a failed import", k, v, after[k])
		}
	}
}

// TestImportFailsWritesNothing: a bad record, a taken email or a failure in
// the database's last write leave every table as it was.
func TestImportFailsWritesNothing(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		db.Now = func() time.Time { return portNow }
		j := journey.New(db, onet.Embedded)
		p := fullPerson(t, j)
		good := exportBytes(t, j, p)
		before := rowCounts(t, j)

		t.Run("EmailTaken", func(t *testing.T) {
			_, err := importBytes(t, j, good, "")
			if ladder.ErrorCode(err) != ladder.ECONFLICT || !strings.Contains(err.Error(), "--as EMAIL") {
				t.Fatalf("got %v", err)
			}
			sameCounts(t, before, rowCounts(t, j))
		})
		t.Run("InvalidLastRating", func(t *testing.T) {
			x, err := api.DecodeExport(bytes.NewReader(good))
			if err != nil {
				t.Fatal(err)
			}
			last := &x.Assessments[len(x.Assessments)-1]
			last.Ratings[len(last.Ratings)-1].Level = 9
			d := x.PersonData()
			d.Person.Email = "copy@example.com"
			_, err = j.ImportPerson(ctx, d)
			if ladder.ErrorCode(err) != ladder.EINVALID || !strings.Contains(err.Error(), "assessments[1]") ||
				!strings.Contains(err.Error(), "level 9") {
				t.Fatalf("got %v", err)
			}
			sameCounts(t, before, rowCounts(t, j))
		})
		t.Run("InvalidLastWeek", func(t *testing.T) {
			x, _ := api.DecodeExport(bytes.NewReader(good))
			x.Weeks[len(x.Weeks)-1].TechnicalHours = 200
			d := x.PersonData()
			d.Person.Email = "copy@example.com"
			if _, err := j.ImportPerson(ctx, d); ladder.ErrorCode(err) != ladder.EINVALID || !strings.Contains(err.Error(), "weeks[0]") {
				t.Fatalf("got %v", err)
			}
			sameCounts(t, before, rowCounts(t, j))
		})
		t.Run("LastWriteFails", func(t *testing.T) {
			// Past validation, the store's last insert breaks a unique
			// key: the transaction takes everything before it back.
			x, _ := api.DecodeExport(bytes.NewReader(good))
			d := x.PersonData()
			d.Person.Email = "copy@example.com"
			d.Weeks = append(d.Weeks, d.Weeks[len(d.Weeks)-1])
			if err := j.DB.ImportPerson(ctx, d); ladder.ErrorCode(err) != ladder.ECONFLICT {
				t.Fatalf("got %v", err)
			}
			sameCounts(t, before, rowCounts(t, j))
		})
		t.Run("As", func(t *testing.T) {
			q, err := importBytes(t, j, good, "copy@example.com")
			if err != nil {
				t.Fatal(err)
			}
			if q.Email != "copy@example.com" || q.ID == p.ID {
				t.Fatalf("imported %+v", q)
			}
		})
	})
}
