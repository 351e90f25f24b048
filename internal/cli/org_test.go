package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/mail/mailtest"
)

func TestOrgCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "Olga Owner", "--email", "olga@example.com", "--role", "system-administrator", "--target", "it-manager")
		c.fail(1, []string{"do not belong to an organisation"}, "org", "show")
		var o struct {
			ID      int64
			Slug    string
			Role    string
			Domains []string
			Members int
		}
		c.ok(&o, "org", "create", "Northwind IT", "--domain", "Northwind.example", "--json")
		if o.Slug != "northwind-it" || o.Role != "owner" || o.Members != 1 || len(o.Domains) != 1 || o.Domains[0] != "northwind.example" {
			t.Fatalf("%+v", o)
		}
		c.fail(1, []string{"belong to an organisation already"}, "org", "create", "Second")
		if out := c.ok(nil, "org", "show"); !strings.Contains(out, "Your role: Owner") || !strings.Contains(out, "peers 3") {
			t.Errorf("show:\n%s", out)
		}

		dir := t.TempDir()
		bad := filepath.Join(dir, "bad.csv")
		os.WriteFile(bad, []byte("name,email,title,manager_email\nAna,ana@example.com,,ghost@example.com\n,ben@example.com,,\nCy,not-an-email,,\n"), 0o644)
		code, _, errOut := c.run("org", "import", bad)
		for _, w := range []string{"line 2, manager_email: ghost@example.com is neither", "line 3, name: is required", "line 4, email:", "Nothing was imported"} {
			if !strings.Contains(errOut, w) {
				t.Errorf("import errors lack %q:\n%s", w, errOut)
			}
		}
		if code != 1 {
			t.Errorf("exit %d", code)
		}
		good := filepath.Join(dir, "good.csv")
		os.WriteFile(good, []byte("name,email,title,manager_email\nAna,ana@example.com,Team lead,olga@example.com\nBen,ben@example.com,Sysadmin,ana@example.com\n"), 0o644)
		if out := c.ok(nil, "org", "import", good); !strings.Contains(out, "2 added, 0 updated") {
			t.Errorf("import:\n%s", out)
		}
		out := c.ok(nil, "org", "members")
		if !strings.Contains(out, "Ben") || !strings.Contains(out, "Sysadmin") || !strings.Contains(out, "not yet") {
			t.Errorf("members:\n%s", out)
		}
		var m struct {
			Role      string
			ManagerID *int64 `json:"manager_id"`
		}
		c.ok(&m, "org", "role", "ana@example.com", "programme_admin", "--json")
		if m.Role != "programme_admin" {
			t.Errorf("role %+v", m)
		}
		c.fail(1, []string{"role: must be one of"}, "org", "role", "ana@example.com", "boss")
		c.fail(1, []string{"needs an owner"}, "org", "role", "olga@example.com", "member")
		c.fail(1, []string{"circle of managers"}, "org", "manager", "olga@example.com", "ben@example.com")
		c.ok(&m, "org", "manager", "ben@example.com", "--json")
		if m.ManagerID != nil {
			t.Errorf("manager not removed: %+v", m)
		}

		// Invitations: the link on standard output, or by mail through a real SMTP server.
		out = c.ok(nil, "org", "invite", "dee@example.com", "--base-url", "https://ladder.example.com")
		if !strings.Contains(out, "https://ladder.example.com/invite/") {
			t.Errorf("invite:\n%s", out)
		}
		sink := mailtest.Start(t)
		out = c.ok(nil, "org", "invite", "eve@example.com", "--smtp", "smtp://"+sink.Addr+"?from=ladder@example.com&tls=none")
		if msg := sink.Wait(t, 1)[0]; !strings.Contains(out, "mailed to eve@example.com") || !strings.Contains(msg.Text(), "/invite/") {
			t.Errorf("mailed invite: %s\n%s", out, msg.Text())
		}
		c.fail(2, []string{"--smtp"}, "org", "invite", "fay@example.com", "--smtp", "http://nope")

		var p struct{ ID int64 }
		c.ok(&p, "org", "programme", "add", "--name", "Future IT managers", "--target", "it-manager", "--start", "2027-01-11", "--end", "2027-12-17", "--json")
		c.fail(1, []string{"target_role"}, "org", "programme", "add", "--name", "X", "--target", "astronaut", "--start", "2027-01-11", "--end", "2027-12-17")
		id := itoaOrgTest(p.ID)
		c.ok(nil, "org", "cohort", "add", "--programme", id, "--name", "Spring", "--start", "2027-03-01", "--end", "2027-06-30", "--member", "ben@example.com")
		c.fail(1, []string{"end:"}, "org", "cohort", "add", "--programme", id, "--name", "Late", "--start", "2027-03-01", "--end", "2028-06-30")
		if out := c.ok(nil, "org", "programme", "show", id); !strings.Contains(out, "Spring") || !strings.Contains(out, "Ben") {
			t.Errorf("programme:\n%s", out)
		}

		out = c.ok(nil, "org", "audit", "--format", "csv")
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(recs) < 8 || strings.Join(recs[0], ",") != "id,at,actor_id,actor_name,action,subject_kind,subject_id,subject_name,detail" {
			t.Fatalf("audit CSV %v:\n%s", err, out)
		}
		var entries []struct {
			Action    string
			ActorName string `json:"actor_name"`
		}
		c.ok(&entries, "org", "audit", "--format", "json", "--action", "member.")
		if len(entries) == 0 || entries[0].ActorName != "Olga Owner" {
			t.Errorf("audit JSON %+v", entries)
		}
		c.fail(2, []string{"--format"}, "org", "audit", "--format", "xml")

		// Ana is a programme admin: no audit log, no role changes.
		c.ok(nil, "org", "members", "--person", "ana@example.com")
		c.fail(1, []string{"Only owners"}, "org", "audit", "--person", "ana@example.com")
		c.fail(1, []string{"Only owners"}, "org", "role", "ben@example.com", "owner", "--person", "ana@example.com")
		c.fail(1, []string{"Only programme admins and owners"}, "org", "members", "--person", "ben@example.com")
	})
}

func itoaOrgTest(n int64) string { return strconv.FormatInt(n, 10) }
