package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// runAuth runs ladder on c's database with stdin, through a root that has
// the token and password commands whether or not root.go registers them
// yet. It returns the command's error rather than an exit code.
func (c *cliEnv) runAuth(stdin string, args ...string) (string, string, error) {
	c.t.Helper()
	c.t.Setenv("LADDER_DATA_DIR", c.dir)
	var out, errOut bytes.Buffer
	e := &env{ctx: context.Background(), stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	root := newRootCmd(e)
	have := map[string]bool{}
	for _, sub := range root.Commands() {
		have[sub.Name()] = true
	}
	for _, sub := range []*cobra.Command{newTokenCmd(e), newPasswordCmd(e)} {
		if !have[sub.Name()] {
			root.AddCommand(sub)
		}
	}
	root.SetArgs(append(args, "--db", c.db))
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.ExecuteContext(e.ctx)
	e.close()
	return out.String(), errOut.String(), err
}

// authOK runs a command that must succeed and decodes its JSON into v if
// given.
func (c *cliEnv) authOK(v any, stdin string, args ...string) (string, string) {
	c.t.Helper()
	out, errOut, err := c.runAuth(stdin, args...)
	if err != nil {
		c.t.Fatalf("ladder %s: %v\nstderr: %s", strings.Join(args, " "), err, errOut)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(out), v); err != nil {
			c.t.Fatalf("ladder %s: bad JSON %v:\n%s", strings.Join(args, " "), err, out)
		}
	}
	return out, errOut
}

// authFail runs a command that must fail with code, or as a usage error
// when code is "usage".
func (c *cliEnv) authFail(code, stdin string, args ...string) error {
	c.t.Helper()
	_, _, err := c.runAuth(stdin, args...)
	var ue usageError
	got := ladder.ErrorCode(err)
	if errors.As(err, &ue) {
		got = "usage"
	}
	if got != code {
		c.t.Fatalf("ladder %s: %q (%v), want %q", strings.Join(args, " "), got, err, code)
	}
	return err
}

// store opens the test's database the way the web app will.
func (c *cliEnv) store() *sqldb.AuthService {
	c.t.Helper()
	db, err := sqldb.Open(context.Background(), c.db)
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { db.Close() })
	return sqldb.NewAuthService(db)
}

func initPerson(c *cliEnv, name, email string) {
	c.t.Helper()
	c.ok(nil, "init", "--name", name, "--email", email, "--role", "system-administrator", "--target", "it-manager")
}

func TestToken(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		ctx := context.Background()
		c.authFail(ladder.ENOTFOUND, "", "token", "list")
		initPerson(c, "Sam Okafor", "sam@example.com")
		c.authFail("usage", "", "token", "create")

		var created map[string]any
		c.authOK(&created, "", "token", "create", "--name", "laptop", "--json")
		keys := make([]string, 0, len(created))
		for k := range created {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if diff := cmp.Diff([]string{"created_at", "id", "last_used_at", "name", "prefix", "token"}, keys); diff != "" {
			t.Fatalf("create --json keys (-want +got):\n%s", diff)
		}
		laptop, _ := created["token"].(string)
		laptopID := strconv.FormatFloat(created["id"].(float64), 'f', -1, 64)
		if !strings.HasPrefix(laptop, "ldr_") || created["prefix"] != laptop[:8] || created["name"] != "laptop" {
			t.Fatalf("create --json: %v", created)
		}

		out, errOut := c.authOK(nil, "", "token", "create", "--name", "ci")
		ci := strings.TrimSuffix(out, "\n")
		if !strings.HasPrefix(ci, "ldr_") || strings.Contains(ci, "\n") {
			t.Fatalf("stdout must hold the token alone, for TOKEN=$(...): %q", out)
		}
		if !strings.Contains(errOut, "will not be shown again") {
			t.Errorf("no warning to store the token:\n%s", errOut)
		}
		c.authFail(ladder.ECONFLICT, "", "token", "create", "--name", "ci")

		auth := c.store()
		if p, err := auth.AuthenticateToken(ctx, laptop); err != nil || p.Email != "sam@example.com" {
			t.Fatalf("the created token does not sign in: %v", err)
		}

		var list []map[string]any
		c.authOK(&list, "", "token", "list", "--json")
		if len(list) != 2 || list[0]["name"] != "laptop" || list[1]["name"] != "ci" {
			t.Fatalf("list --json: %v", list)
		}
		for _, tok := range list {
			if _, ok := tok["token"]; ok {
				t.Errorf("list shows a secret: %v", tok)
			}
		}
		if list[0]["last_used_at"] == nil {
			t.Errorf("laptop was used but has no last_used_at: %v", list[0])
		}
		if list[1]["last_used_at"] != nil {
			t.Errorf("ci was never used but has last_used_at: %v", list[1])
		}
		out, _ = c.authOK(nil, "", "token", "list")
		for _, want := range []string{"laptop", laptop[:8] + "...", "never"} {
			if !strings.Contains(out, want) {
				t.Errorf("list lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, laptop) || strings.Contains(out, ci) {
			t.Errorf("list shows a secret:\n%s", out)
		}

		// Kim becomes the current profile and cannot revoke Sam's token.
		initPerson(c, "Kim Lee", "kim@example.com")
		c.authFail(ladder.ENOTFOUND, "", "token", "delete", laptopID)
		if _, err := auth.AuthenticateToken(ctx, laptop); err != nil {
			t.Fatalf("another person revoked the token: %v", err)
		}
		c.authFail("usage", "", "token", "delete", "laptop")
		c.authOK(nil, "", "token", "delete", laptopID, "--person", "sam@example.com")
		if _, err := auth.AuthenticateToken(ctx, laptop); ladder.ErrorCode(err) != ladder.EUNAUTHORIZED {
			t.Fatalf("a deleted token still signs in: %v", err)
		}
		if _, err := auth.AuthenticateToken(ctx, ci); err != nil {
			t.Fatalf("deleting one token revoked another: %v", err)
		}
	})
}

func TestPassword(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		ctx := context.Background()
		initPerson(c, "Sam Okafor", "sam@example.com")
		c.authFail("usage", "", "password")
		if err := c.authFail(ladder.EINVALID, "too short\n", "password"); !strings.Contains(err.Error(), "password: must be at least 10") {
			t.Errorf("the message does not say what is wrong: %v", err)
		}

		type result struct {
			Email   string `json:"email"`
			Role    string `json:"role"`
			Created bool   `json:"created"`
		}
		var got result
		// Only the first line counts, and a Windows line end is not part of it.
		c.authOK(&got, "correct horse battery\r\nignored\n", "password", "--json")
		if diff := cmp.Diff(result{"sam@example.com", ladder.AccountOwner, true}, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		auth := c.store()
		sam, err := auth.Authenticate(ctx, "sam@example.com", "correct horse battery", "cli-test")
		if err != nil {
			t.Fatal(err)
		}

		initPerson(c, "Kim Lee", "kim@example.com")
		out, _ := c.authOK(nil, "kims own password", "password")
		if !strings.Contains(out, "Created the member account of Kim Lee") {
			t.Errorf("second account:\n%s", out)
		}

		session, _, err := auth.CreateSession(ctx, sam.ID)
		if err != nil {
			t.Fatal(err)
		}
		c.authOK(&got, "a better password\n", "password", "--person", "sam@example.com", "--json")
		if diff := cmp.Diff(result{"sam@example.com", ladder.AccountOwner, false}, got); diff != "" {
			t.Errorf("change (-want +got):\n%s", diff)
		}
		if _, _, err := auth.FindSession(ctx, session); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("the session survived a password change: %v", err)
		}
		if _, err := auth.Authenticate(ctx, "sam@example.com", "a better password", "cli-test"); err != nil {
			t.Errorf("new password: %v", err)
		}
	})
}
