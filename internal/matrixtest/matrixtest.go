// Package matrixtest holds what the authorisation matrices of the web app
// (internal/server) and of the JSON API (internal/api) share: the roles of
// the columns, what a cell may say, the check of the rows against the
// route table, the order in which allowed changes run, and a fingerprint
// of the stored data that a refused request must leave as it was.
package matrixtest

import (
	"fmt"
	"html"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/sqldb"
)

// Roles are the columns of a row, in order: logged out; the subject
// herself (a plain member of her organisation); a member assigned as her
// mentor; her manager; a programme admin of her organisation who is
// neither; its owner; the owner of another organisation; a signed-in
// person in no organisation.
var Roles = []string{"out", "self", "mentor", "manager", "admin", "owner", "other", "none"}

// Codes are what a cell may say, besides a three-digit status (for public
// routes that answer everyone the same).
var Codes = map[string]string{
	"A": "allowed: the answer of the route's successful request",
	"O": "allowed on the viewer's own data only: not refused, and nothing of the subject's shown or changed",
	"L": "sign in first: a page redirects to /login, anything else is 401",
	"N": "404: someone else's resource, another organisation's, or no organisation",
	"F": "403: the role is too low",
	"C": "409: the viewer's own state forbids it (a second organisation)",
}

// Parse splits a row into its cells.
func Parse(row string) ([]string, error) {
	cells := strings.Fields(row)
	if len(cells) != len(Roles) {
		return nil, fmt.Errorf("%d cells, want %d (%s)", len(cells), len(Roles), strings.Join(Roles, " "))
	}
	for _, c := range cells {
		if _, ok := Codes[c]; ok {
			continue
		}
		if n, err := strconv.Atoi(c); err != nil || n < 100 || n > 599 {
			return nil, fmt.Errorf("cell %q is neither a code (%s) nor a status", c, strings.Join(slices.Sorted(maps.Keys(Codes)), " "))
		}
	}
	return cells, nil
}

// CheckRows fails for every route (a "METHOD PATTERN" key) without a row
// and every row without a route, saying which line to add or delete;
// guess proposes a new route's row.
func CheckRows(t testing.TB, routes []string, guess func(key string) string, rows map[string]string, table, file string) {
	t.Helper()
	for _, key := range routes {
		if _, ok := rows[key]; !ok {
			t.Errorf("%s has no row for the route %s: add this row to %s in %s and decide each cell (columns: %s; these are a guess)\n\t%q: %q,",
				table, key, table, file, strings.Join(Roles, " "), key, guess(key))
		}
	}
	for _, key := range slices.Sorted(maps.Keys(rows)) {
		if !slices.Contains(routes, key) {
			t.Errorf("%s has a row for %s, which is no route: delete it from %s", table, key, file)
		}
		if _, err := Parse(rows[key]); err != nil {
			t.Errorf("%s row %s: %v", table, key, err)
		}
	}
}

// Want returns the status a cell expects, or 0 for O (any answer that is
// not a refusal): ok is the status of the route's successful request,
// signIn what a logged-out request gets.
func Want(code string, ok, signIn int) int {
	switch code {
	case "A":
		return ok
	case "O":
		return 0
	case "L":
		return signIn
	case "N":
		return 404
	case "F":
		return 403
	case "C":
		return 409
	}
	n, _ := strconv.Atoi(code)
	return n
}

// Mismatch returns why a status is not what the cell expects, or "".
func Mismatch(code string, want, got int) string {
	switch {
	case want == 0 && (got == 401 || got == 403 || got >= 500):
		return fmt.Sprintf("%d, want an answer on the viewer's own data (O)", got)
	case want != 0 && got != want:
		return fmt.Sprintf("%d, want %d (%s)", got, want, code)
	}
	return ""
}

// Removal reports whether a change removes something.
func Removal(key string) bool {
	if strings.HasPrefix(key, "DELETE ") {
		return true
	}
	for _, suffix := range []string{"/delete", "/remove", "/revoke", "/close"} {
		if strings.HasSuffix(key, suffix) {
			return true
		}
	}
	return false
}

// Order sorts one role's changes so that each stays possible: first, in
// route order, those that take nothing away; then those of late, in its
// order (changes that take away what others need: a plan's ids, a rater's
// link, a session); then the removals, deepest path first (a record's
// parts before the record) and the later route first among equals.
func Order[T any](cells []T, key func(T) string, late []string) []T {
	var early, last, removals []T
	for _, c := range cells {
		switch k := key(c); {
		case slices.Contains(late, k):
			last = append(last, c)
		case Removal(k):
			removals = append(removals, c)
		default:
			early = append(early, c)
		}
	}
	slices.SortStableFunc(last, func(a, b T) int { return slices.Index(late, key(a)) - slices.Index(late, key(b)) })
	slices.Reverse(removals)
	slices.SortStableFunc(removals, func(a, b T) int { return strings.Count(key(b), "/") - strings.Count(key(a), "/") })
	return slices.Concat(early, last, removals)
}

// Shows returns the strings of forbidden that body shows, as they are or
// as HTML writes them.
func Shows(body string, forbidden []string) []string {
	var out []string
	for _, s := range forbidden {
		if strings.Contains(body, s) || strings.Contains(body, html.EscapeString(s)) {
			out = append(out, s)
		}
	}
	return out
}

// Fingerprint summarises the stored data cheaply: the row count of every
// table but those that signing in writes (sessions, failed attempts,
// single sign-on attempts), and the sum of every person's data version,
// which every change to a person's data raises. Organisation changes
// write an audit entry, which the counts see.
type Fingerprint struct {
	db    *sqldb.DB
	query string
}

// NewFingerprint lists the tables of db once.
func NewFingerprint(t testing.TB, db *sqldb.DB) *Fingerprint {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if db.Engine() == sqldb.Postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := db.SQL().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var parts []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains([]string{"sessions", "auth_failures", "sso_attempts", "goose_db_version"}, name) {
			parts = append(parts, fmt.Sprintf(`SELECT '%s', COUNT(*) FROM %s`, name, name))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(parts)
	parts = append(parts, `SELECT 'persons.data_version', COALESCE(SUM(data_version), 0) FROM persons`)
	return &Fingerprint{db: db, query: strings.Join(parts, " UNION ALL ")}
}

// Take returns the fingerprint now, one "table=count" per line.
func (fp *Fingerprint) Take(t testing.TB) string {
	t.Helper()
	rows, err := fp.db.SQL().Query(fp.query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s=%d", name, n))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// Subject returns the fingerprint of one person's data and of her
// organisation's: her data version and the organisation's audit entries,
// but those about another person: a member changing their own settings
// (their sharing, say) writes one about themselves in the same log.
func (fp *Fingerprint) Subject(t testing.TB, personID, orgID int64) string {
	t.Helper()
	var version, audit int64
	err := fp.db.SQL().QueryRow(`SELECT data_version, (SELECT COUNT(*) FROM org_audit WHERE org_id = $2
		AND NOT (subject_kind = 'person' AND subject_id <> $1)) FROM persons WHERE id = $1`,
		personID, orgID).Scan(&version, &audit)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("data_version=%d\naudit=%d", version, audit)
}

// Diff lists what differs between two fingerprints.
func Diff(before, after string) string {
	b, a := strings.Split(before, "\n"), strings.Split(after, "\n")
	var out []string
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			out = append(out, b[i]+" -> "+a[i])
		}
	}
	return strings.Join(out, "\n")
}
