package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/cli"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestCLIContract holds the API to the CLI's --json output on the same
// database: a script may switch between `ladder gaps --json` and GET
// /api/v1/gaps without noticing. The API may add an attribution field
// where the CLI prints the credit as text; nothing else may differ.
func TestCLIContract(t *testing.T) {
	for _, engine := range []string{sqldb.SQLite, sqldb.Postgres} {
		t.Run(engine, func(t *testing.T) {
			dsn := sqldbtest.DSN(t, engine)
			db, err := sqldb.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			if _, err := db.Migrate(context.Background()); err != nil {
				t.Fatal(err)
			}
			e := newEnv(t, db)
			t.Setenv("LADDER_DATA_DIR", t.TempDir())
			p := api.Prefix
			tests := []struct {
				name, path string
				token      string
				args       []string
			}{
				{"Gaps", p + "/gaps", e.aliceToken, []string{"gaps"}},
				{"GapsEstimated", p + "/gaps", e.bobToken, []string{"gaps"}},
				{"GapsTarget", p + "/gaps?target=cio", e.aliceToken, []string{"gaps", "--target", "cio"}},
				{"Readiness", p + "/readiness", e.aliceToken, []string{"readiness"}},
				{"ReadinessEstimated", p + "/readiness", e.bobToken, []string{"readiness"}},
				{"ReadinessTargets", p + "/readiness/targets", e.bobToken, []string{"readiness", "--all-targets"}},
				{"Roles", p + "/roles", e.aliceToken, []string{"roles"}},
				{"RolesTarget", p + "/roles?kind=target", e.aliceToken, []string{"roles", "--kind", "target"}},
				{"Role", p + "/roles/it-manager", e.aliceToken, []string{"roles", "it-manager"}},
				{"Competencies", p + "/competencies", e.aliceToken, []string{"competencies"}},
				{"CompetenciesArea", p + "/competencies?area=leadership", e.aliceToken, []string{"competencies", "--area", "leadership"}},
				{"Competency", p + "/competencies/delegation", e.aliceToken, []string{"competencies", "delegation"}},
				{"ONETSearch", p + "/onet/search?q=network+admin", e.aliceToken, []string{"onet", "search", "network", "admin"}},
				{"ONETShow", p + "/onet/occupations/11-3021.00", e.aliceToken, []string{"onet", "show", "11-3021.00"}},
				{"ONETCompare", p + "/onet/compare?from=15-1244.00&to=11-3021.00", e.aliceToken, []string{"onet", "compare", "15-1244.00", "11-3021.00"}},
				{"ONETCompareDomain", p + "/onet/compare?from=15-1241.00&to=11-1011.00&domain=knowledge", e.aliceToken,
					[]string{"onet", "compare", "15-1241.00", "11-1011.00", "--domain", "knowledge"}},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					who := e.alice.Email
					if tt.token == e.bobToken {
						who = e.bob.Email
					}
					var out, errOut bytes.Buffer
					args := append(tt.args, "--json", "--db", dsn, "--person", who)
					if code := cli.Execute(context.Background(), args, strings.NewReader(""), &out, &errOut); code != 0 {
						t.Fatalf("ladder %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
					}
					var fromCLI, fromAPI any
					if err := json.Unmarshal(out.Bytes(), &fromCLI); err != nil {
						t.Fatal(err)
					}
					e.with(t).as(tt.token, "GET", tt.path, "").want(t, 200).decode(t, &fromAPI)
					if diff := cmp.Diff(fromCLI, withoutAttribution(fromAPI, fromCLI)); diff != "" {
						t.Errorf("ladder %s (-) against GET %s (+):\n%s", strings.Join(tt.args, " "), tt.path, diff)
					}
				})
			}
		})
	}
}

// withoutAttribution drops the attribution fields the API adds to objects
// whose CLI counterpart has none.
func withoutAttribution(api, cli any) any {
	switch a := api.(type) {
	case map[string]any:
		c, _ := cli.(map[string]any)
		if _, ok := c["attribution"]; !ok {
			delete(a, "attribution")
		}
	case []any:
		c, _ := cli.([]any)
		for i := range a {
			if i < len(c) {
				withoutAttribution(a[i], c[i])
			}
		}
	}
	return api
}
