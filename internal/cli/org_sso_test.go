package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/sso/ssotest"
)

// ssoCLIRun runs ladder with stdin, like cliEnv.run.
func ssoCLIRun(c *cliEnv, stdin string, args ...string) (int, string, string) {
	c.t.Helper()
	c.t.Setenv("LADDER_DATA_DIR", c.dir)
	var out, errOut bytes.Buffer
	code := Execute(context.Background(), append(args, "--db", c.db), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestOrgSSOCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		op := ssotest.Start(t, "https://ladder.example.com/sso/callback")
		c.ok(nil, "init", "--name", "Olga Owner", "--email", "olga@example.com", "--role", "system-administrator", "--target", "it-manager")
		c.fail(1, []string{"do not belong to an organisation"}, "org", "sso", "show")
		c.ok(nil, "org", "create", "Northwind IT", "--domain", "northwind.example")
		out := c.ok(nil, "org", "sso", "show", "--base-url", "https://ladder.example.com/")
		if !strings.Contains(out, "not set up") || !strings.Contains(out, "https://ladder.example.com/sso/callback") {
			t.Errorf("show before set-up:\n%s", out)
		}
		c.fail(1, []string{"not set up"}, "org", "sso", "remove")

		// A new set-up needs the issuer and client id; discovery must pass.
		c.fail(1, []string{"client_id: is required"}, "org", "sso", "set", "--issuer", op.URL)
		c.fail(1, []string{"issuer: discovery failed"}, "org", "sso", "set", "--issuer", op.URL+"/nowhere", "--client-id", op.ClientID)
		c.fail(1, []string{"issuer: must use https"}, "org", "sso", "set", "--issuer", "http://login.example.com", "--client-id", "x")
		if code, _, errOut := ssoCLIRun(c, "", "org", "sso", "set", "--issuer", op.URL, "--client-id", op.ClientID, "--client-secret-stdin"); code != 2 ||
			!strings.Contains(errOut, "standard input is empty") {
			t.Errorf("empty secret: %d %s", code, errOut)
		}
		code, out, errOut := ssoCLIRun(c, op.ClientSecret+"\n", "org", "sso", "set", "--issuer", op.URL, "--client-id", op.ClientID,
			"--client-secret-stdin", "--provision")
		if code != 0 || !strings.Contains(out, "Client secret: set") || !strings.Contains(out, "Sign-in: on") ||
			!strings.Contains(out, "New accounts: on, for verified emails in northwind.example") || strings.Contains(out, op.ClientSecret) {
			t.Fatalf("set: %d\n%s\n%s", code, out, errOut)
		}

		// Flags left out keep their values; the secret never shows.
		var cfg struct {
			Issuer          string `json:"issuer"`
			ClientID        string `json:"client_id"`
			ClientSecretSet bool   `json:"client_secret_set"`
			Enabled         bool   `json:"enabled"`
			Provision       bool   `json:"provision"`
			CallbackURL     string `json:"callback_url"`
		}
		out = c.ok(&cfg, "org", "sso", "set", "--enabled=false", "--json")
		if cfg.Issuer != op.URL || cfg.ClientID != op.ClientID || !cfg.ClientSecretSet || cfg.Enabled || !cfg.Provision ||
			cfg.CallbackURL != "http://127.0.0.1:8080/sso/callback" || strings.Contains(out, op.ClientSecret) {
			t.Errorf("set --enabled=false: %+v\n%s", cfg, out)
		}
		out = c.ok(&cfg, "org", "sso", "show", "--json")
		if strings.Contains(out, op.ClientSecret) || !cfg.ClientSecretSet {
			t.Errorf("show --json: %s", out)
		}
		// Switched off, a broken issuer saves: owners can turn sign-in off
		// while the provider is down.
		c.ok(nil, "org", "sso", "set", "--issuer", "https://login.invalid")
		c.fail(1, []string{"issuer: discovery failed"}, "org", "sso", "set", "--enabled")
		c.ok(nil, "org", "sso", "set", "--issuer", op.URL, "--enabled")

		// The audit log has every change, never the secret.
		out = c.ok(nil, "org", "audit", "--format", "csv")
		for _, w := range []string{"sso.create", "sso.update", "secret set", "enabled true → false"} {
			if !strings.Contains(out, w) {
				t.Errorf("audit lacks %q:\n%s", w, out)
			}
		}
		if strings.Contains(out, op.ClientSecret) {
			t.Error("the secret is in the audit log")
		}

		// A member may not.
		c.ok(nil, "org", "import", ssoCLICSV(t, c))
		c.fail(1, []string{"Only owners may do that"}, "org", "sso", "show", "--person", "mia@northwind.example")
		c.fail(1, []string{"Only owners may do that"}, "org", "sso", "remove", "--person", "mia@northwind.example")

		if out := c.ok(nil, "org", "sso", "remove"); !strings.Contains(out, "Single sign-on removed") {
			t.Errorf("remove: %s", out)
		}
		if out := c.ok(nil, "org", "sso", "show"); !strings.Contains(out, "not set up") {
			t.Errorf("after removal: %s", out)
		}
	})
}

// ssoCLICSV writes a people file with one member, Mia.
func ssoCLICSV(t *testing.T, c *cliEnv) string {
	t.Helper()
	path := filepath.Join(c.dir, "people.csv")
	if err := os.WriteFile(path, []byte("name,email\nMia,mia@northwind.example\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
