package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/sqldb"
)

// exportIDs finds ids, the export time and references to evidence ids,
// which an import maps to new ids (journey's
// TestImportKeepsEvidenceReferences checks that they stay right).
var exportIDs = regexp.MustCompile(`"id": [0-9]+|"exported_at": "[^"]*"|"evidence_ids?": (\[[0-9,\s]*\]|[0-9]+)`)

func normaliseExport(s string) string { return exportIDs.ReplaceAllString(s, "") }

// TestExportImport: export to a file, import it into the other engine
// under --use, export again: the same file but for ids.
func TestExportImport(t *testing.T) {
	engines := []string{sqldb.SQLite, sqldb.Postgres}
	for i, from := range engines {
		to := engines[1-i]
		t.Run(from+"-to-"+to, func(t *testing.T) {
			src, dst := newCLIEnv(t, from), newCLIEnv(t, to)
			src.ok(nil, "demo")
			src.ok(nil, "journal", "add", "--kind", "win", "--title", "Ran the first retro")
			file := filepath.Join(t.TempDir(), "alex.json")
			src.ok(nil, "export", "-o", file)
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), `"format": "ladder.person"`) {
				t.Fatalf("export:\n%.400s", b)
			}
			stdout := src.ok(nil, "export")
			if normaliseExport(stdout) != normaliseExport(string(b)) {
				t.Error("export to stdout and to a file differ")
			}
			src.fail(1, []string{"exists already", "--as EMAIL"}, "import", file)

			out := dst.ok(nil, "import", file, "--use")
			if !strings.Contains(out, "Imported Alex Moreno") {
				t.Errorf("import said %q", out)
			}
			again := dst.ok(nil, "export")
			if normaliseExport(again) != normaliseExport(string(b)) {
				t.Error("export -> import -> export changed the file")
			}
			var p struct{ Email string }
			dst.ok(&p, "import", file, "--as", "alex2@example.com", "--json")
			if p.Email != "alex2@example.com" {
				t.Errorf("imported as %q", p.Email)
			}
		})
	}
}

// TestImportBadInput: bad files exit 1 with a clear message and write
// nothing.
func TestImportBadInput(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "demo")
		file := filepath.Join(c.dir, "alex.json")
		c.ok(nil, "export", "-o", file)
		good, _ := os.ReadFile(file)
		write := func(name, s string) string {
			p := filepath.Join(c.dir, name)
			if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}
		invalid := regexp.MustCompile(`"level": [0-9]`).ReplaceAllString(string(good), `"level": 7`)
		for _, tt := range []struct {
			name, body string
			want       []string
		}{
			{"malformed", `{"format": "ladder.person", "version": 1,`, []string{"not valid JSON"}},
			{"format", `{"format": "something-else", "version": 1}`, []string{"Not a Ladder person export"}},
			{"version", `{"format": "ladder.person", "version": 99}`, []string{"version 99", "reads version 1"}},
			{"rating", invalid, []string{"Nothing was imported", "assessments[0]", "level 7"}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c.fail(1, tt.want, "import", write(tt.name+".json", tt.body), "--as", "new@example.com")
				c.fail(1, []string{"No person with email"}, "export", "--person", "new@example.com")
			})
		}
		c.fail(1, []string{"cannot read"}, "import", filepath.Join(c.dir, "missing.json"))
	})
}
