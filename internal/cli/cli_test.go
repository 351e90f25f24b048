package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// cliEnv runs ladder commands against one database of an engine.
type cliEnv struct {
	t   *testing.T
	dir string
	db  string
}

func newCLIEnv(t *testing.T, engine string) *cliEnv {
	dir := t.TempDir()
	db := filepath.Join(dir, "ladder.db")
	if engine == sqldb.Postgres {
		db = sqldbtest.DSN(t, engine)
	}
	return &cliEnv{t: t, dir: dir, db: db}
}

func (c *cliEnv) run(args ...string) (int, string, string) {
	c.t.Helper()
	c.t.Setenv("LADDER_DATA_DIR", c.dir)
	var out, errOut bytes.Buffer
	code := Execute(context.Background(), append(args, "--db", c.db), strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// ok runs a command that must succeed and decodes its JSON into v if given.
func (c *cliEnv) ok(v any, args ...string) string {
	c.t.Helper()
	code, out, errOut := c.run(args...)
	if code != 0 {
		c.t.Fatalf("ladder %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(out), v); err != nil {
			c.t.Fatalf("ladder %s: bad JSON %v:\n%s", strings.Join(args, " "), err, out)
		}
	}
	return out
}

// fail runs a command that must fail with code and mention each of want.
func (c *cliEnv) fail(code int, want []string, args ...string) {
	c.t.Helper()
	got, out, errOut := c.run(args...)
	if got != code {
		c.t.Fatalf("ladder %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), got, code, out, errOut)
	}
	for _, w := range want {
		if !strings.Contains(errOut, w) {
			c.t.Errorf("ladder %s: stderr lacks %q:\n%s", strings.Join(args, " "), w, errOut)
		}
	}
}

func eachEngine(t *testing.T, f func(t *testing.T, c *cliEnv)) {
	for _, engine := range []string{sqldb.SQLite, sqldb.Postgres} {
		t.Run(engine, func(t *testing.T) { f(t, newCLIEnv(t, engine)) })
	}
}

func TestContractCatalog(t *testing.T) {
	c := newCLIEnv(t, sqldb.SQLite)
	var roles []struct{ Slug, Title, Kind, ONETCode string }
	c.ok(&roles, "roles", "--json")
	kinds := map[string]int{}
	for _, r := range roles {
		kinds[r.Kind]++
		if r.Slug == "" || r.Title == "" {
			t.Errorf("role without slug or title: %+v", r)
		}
	}
	if kinds["start"] < 8 || kinds["target"] < 5 || len(kinds) != 2 {
		t.Errorf("kinds %v", kinds)
	}
	var raw []map[string]any
	c.ok(&raw, "roles", "--json")
	for _, k := range []string{"slug", "title", "kind", "onet_code"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("roles --json lacks %q", k)
		}
	}
	c.ok(&raw, "competencies", "--json")
	if len(raw) < 35 {
		t.Errorf("%d competencies", len(raw))
	}
	for _, k := range []string{"key", "name", "area"} {
		if _, ok := raw[0][k].(string); !ok {
			t.Errorf("competencies --json lacks %q", k)
		}
	}
}

type gapRow struct {
	Competency  string  `json:"competency"`
	Required    int     `json:"required"`
	Importance  int     `json:"importance"`
	Current     float64 `json:"current"`
	WeightedGap float64 `json:"weighted_gap"`
}

func TestJourney(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.fail(1, []string{"no profile yet", "ladder init"}, "gaps")
		c.ok(nil, "init", "--name", "Sam Okafor", "--email", "sam@example.com", "--role", "system-administrator", "--target", "it-manager")

		var gaps []gapRow
		c.ok(&gaps, "gaps", "--json")
		if len(gaps) != 38 {
			t.Fatalf("%d gap rows", len(gaps))
		}
		if !sort.SliceIsSorted(gaps, func(i, j int) bool { return gaps[i].WeightedGap > gaps[j].WeightedGap }) {
			t.Error("gaps not sorted by weighted_gap descending")
		}
		for _, g := range gaps {
			want := max(0, float64(g.Required)-g.Current) * float64(g.Importance)
			if d := want - g.WeightedGap; d > 0.02 || d < -0.02 {
				t.Errorf("%s: weighted_gap %v, want (required - current) x importance = %v", g.Competency, g.WeightedGap, want)
			}
		}

		c.ok(nil, "assess", "--set", "budgeting=1", "--set", "delegation=4", "--set", "negotiation=not sure")
		c.ok(&gaps, "gaps", "--json")
		if gaps[0].Competency != "budgeting" || gaps[0].Current != 1 {
			t.Errorf("budgeting rated 1 should lead the gaps: %+v", gaps[0])
		}

		var r struct {
			Target     string
			Score      float64
			Confidence float64
			Areas      []struct{ Area string }
		}
		c.ok(&r, "readiness", "--json")
		if r.Target != "it-manager" || r.Score <= 0 || r.Score >= 100 || r.Confidence <= 0 || len(r.Areas) != 8 {
			t.Errorf("readiness %+v", r)
		}
		var all []struct{ Target string }
		c.ok(&all, "readiness", "--all-targets", "--json")
		if len(all) < 5 {
			t.Errorf("all targets: %+v", all)
		}
	})
}

// Bad input is refused with a clear message, a non-zero exit and nothing
// saved.
func TestBadInput(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.fail(1, []string{`unknown start role "sysadmn"`, "system-administrator"},
			"init", "--name", "A", "--email", "a@example.com", "--role", "sysadmn", "--target", "it-manager")
		c.fail(1, []string{"unknown target role", "it-manager"},
			"init", "--name", "A", "--email", "a@example.com", "--role", "15-1244.00", "--target", "it-manger")
		c.fail(1, []string{"email: is not an email address"},
			"init", "--name", "A", "--email", "nope", "--role", "15-1244.00", "--target", "it-manager")
		c.fail(2, []string{"missing --role, --target", "no terminal"}, "init", "--name", "A", "--email", "a@example.com")
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "15-1244.00", "--target", "it-manager")

		c.fail(1, []string{`level "7" must be 1-5`}, "assess", "--set", "delegation=7")
		c.fail(1, []string{"unknown competency \"juggling\""}, "assess", "--set", "delegation=3", "--set", "juggling=2")
		c.fail(1, []string{"KEY=LEVEL"}, "assess", "--set", "delegation")
		bad := filepath.Join(c.dir, "bad.json")
		os.WriteFile(bad, []byte(`{"delegation": 3, "budgeting": 9}`), 0o644)
		c.fail(1, []string{"budgeting", "must be 1-5"}, "assess", "--file", bad)
		c.fail(1, []string{"cannot read the ratings file"}, "assess", "--file", filepath.Join(c.dir, "missing.json"))
		c.fail(2, []string{"no terminal"}, "assess")

		// None of the refused ratings was saved: delegation is still an estimate.
		var gaps []struct {
			Competency, Source string
		}
		c.ok(&gaps, "gaps", "--json")
		for _, g := range gaps {
			if g.Source == "self" {
				t.Errorf("%s was saved from a refused command", g.Competency)
			}
		}
		c.fail(1, []string{"unknown role"}, "roles", "no-such-role")
		c.fail(2, []string{"unknown flag"}, "gaps", "--colour")
	})
}

func TestDemo(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "demo")
		c.ok(nil, "demo") // loading twice resets, never duplicates
		var r struct {
			Target string
			Score  float64
			Trend  []struct{ Score float64 }
		}
		c.ok(&r, "readiness", "--json")
		if r.Target != "it-manager" || len(r.Trend) != 2 || r.Trend[1].Score <= r.Trend[0].Score {
			t.Errorf("demo readiness %+v", r)
		}
		out := c.ok(nil, "readiness")
		for _, w := range []string{"Alex Moreno", "IT manager", "Trend:", "Confidence: low"} {
			if !strings.Contains(out, w) {
				t.Errorf("readiness output lacks %q:\n%s", w, out)
			}
		}
	})
}

func TestModelImportExport(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		yml := filepath.Join(c.dir, "model.yaml")
		c.ok(nil, "model", "export", "-o", yml)
		b, err := os.ReadFile(yml)
		if err != nil {
			t.Fatal(err)
		}
		// An organisation renames a competency and imports its model.
		changed := strings.Replace(string(b), "name: Delegation\n", "name: Handing work over\n", 1)
		changed = strings.Replace(changed, `version: 1.0.0`, `version: org-1`, 1)
		os.WriteFile(yml, []byte(changed), 0o644)
		c.ok(nil, "model", "import", yml)
		var comps []struct{ Key, Name string }
		c.ok(&comps, "competencies", "--json")
		if comps[0].Name != "Handing work over" {
			t.Errorf("import not in use: %+v", comps[0])
		}
		// A broken file names the line and changes nothing.
		broken := strings.Replace(changed, "importance: 5", "importance: 9", 1)
		os.WriteFile(yml, []byte(broken), 0o644)
		c.fail(1, []string{"model.yaml:", "importance: 9 is outside 1-5"}, "model", "import", yml)
		c.ok(&comps, "competencies", "--json")
		if comps[0].Name != "Handing work over" {
			t.Error("a rejected import changed the model in use")
		}
		jsonOut := c.ok(nil, "model", "export", "--format", "json")
		if !strings.Contains(jsonOut, `"Handing work over"`) {
			t.Error("JSON export lacks the imported name")
		}
		c.ok(nil, "model", "reset")
		c.ok(&comps, "competencies", "--json")
		if comps[0].Name != "Delegation" {
			t.Error("reset did not restore the default")
		}
	})
}

func TestDataDirCreated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "deep", "er")
	t.Setenv("LADDER_DATA_DIR", dir)
	var out, errOut bytes.Buffer
	if code := Execute(context.Background(), []string{"migrate"}, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "ladder.db")); err != nil {
		t.Fatal(err)
	}
}
