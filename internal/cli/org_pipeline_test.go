package cli

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// TestOrgPipelineCommand: the owner sees Ana's readiness (she shares it)
// and "not shared" for Ben (who shares nothing), as a table, JSON or CSV;
// Ben, a plain member, is refused.
func TestOrgPipelineCommand(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "Olga Owner", "--email", "olga@example.com", "--role", "system-administrator", "--target", "it-manager")
		c.ok(nil, "org", "create", "Northwind IT")
		c.ok(nil, "org", "import", orgPipelineCSVFile(t, "name,email,title\nAna,ana@example.com,Team lead\nBen,ben@example.com,=cmd|' /C calc'!A0\n"))
		c.ok(nil, "org", "programme", "add", "--name", "Future IT managers", "--target", "it-manager", "--start", "2026-01-05", "--end", "2027-12-17")
		c.ok(nil, "org", "cohort", "add", "--programme", "1", "--name", "Spring", "--start", "2026-03-01", "--end", "2026-06-30",
			"--member", "ana@example.com", "--member", "ben@example.com")
		orgPipelineShare(t, c, "ana@example.com")

		out := c.ok(nil, "org", "pipeline", "Future IT managers")
		for _, w := range []string{"Future IT managers (1): towards IT manager, all cohorts, 2 people", "Bench: ready now 0",
			"not shared 1; not started 0", "NAME", "Ana", "Spring", "within", "Ben"} {
			if !strings.Contains(out, w) && !(w == "within" && strings.Contains(out, "not enough history")) {
				t.Errorf("pipeline lacks %q:\n%s", w, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "Ben ") && strings.Count(line, "not shared") != 4 {
				t.Errorf("Ben's line: %q", line)
			}
		}

		var v struct {
			Cohort  *struct{ Name string }
			Members []struct {
				Name      string
				Status    string
				Readiness *struct{ Score float64 }
				Plan      *struct{ HasPlan bool } `json:"plan"`
			}
		}
		c.ok(&v, "org", "pipeline", "1", "--cohort", "spring", "--sort", "name", "--json")
		if v.Cohort == nil || v.Cohort.Name != "Spring" || len(v.Members) != 2 || v.Members[0].Name != "Ana" || v.Members[0].Readiness == nil ||
			v.Members[0].Plan == nil || v.Members[1].Readiness != nil || v.Members[1].Status != "not-shared" {
			t.Errorf("JSON %+v", v)
		}

		recs, err := csv.NewReader(strings.NewReader(c.ok(nil, "org", "pipeline", "1", "--csv", "--sort", "name"))).ReadAll()
		if err != nil || len(recs) != 3 || recs[0][0] != "name" || recs[2][0] != "Ben" || recs[2][1] != "'=cmd|' /C calc'!A0" || recs[2][5] != "not shared" {
			t.Errorf("CSV %v %q", err, recs)
		}

		c.fail(1, []string{"Only programme admins and owners"}, "org", "pipeline", "1", "--person", "ben@example.com")
		c.fail(1, []string{`No programme named "Nope"`}, "org", "pipeline", "Nope")
		c.fail(1, []string{`No cohort named "Autumn"`}, "org", "pipeline", "1", "--cohort", "Autumn")
		c.fail(1, []string{"Cohort not found"}, "org", "pipeline", "1", "--cohort", "99")
		c.fail(1, []string{"sort must be readiness or name"}, "org", "pipeline", "1", "--sort", "age")
		c.fail(2, []string{"--csv or --json"}, "org", "pipeline", "1", "--csv", "--json")
		c.fail(2, []string{"want one programme"}, "org", "pipeline")
	})
}

func orgPipelineCSVFile(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// orgPipelineShare makes the member share readiness and plan with
// programme admins and gives them a finished self-assessment: the
// command line has no sharing command, the member chooses on the web.
func orgPipelineShare(t *testing.T, c *cliEnv, email string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	j := journey.New(db, onet.Embedded)
	p, err := j.Persons.FindPersonByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := j.SetSharing(ctx, p, map[string]ladder.ShareSet{ladder.AudienceAdmins: {ladder.ShareReadiness, ladder.SharePlan}}); err != nil {
		t.Fatal(err)
	}
	done := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	if err := j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: "it-manager",
		StartedAt: done.Add(-time.Hour), CompletedAt: done, Ratings: []ladder.Rating{{Competency: "delegation", Level: 3}}}); err != nil {
		t.Fatal(err)
	}
}
