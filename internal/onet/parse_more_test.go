package onet

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// copyExcerpt copies testdata/raw to a temporary folder that a test may
// change.
func copyExcerpt(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir(excerptDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(excerptDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, e.Name(), string(b))
	}
	return dir
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reshape reverses the columns of a tab-separated file, adds a column a
// newer release might bring, and writes CRLF line ends with a BOM.
func reshape(content string) string {
	var out []string
	for i, line := range strings.Split(strings.TrimSuffix(content, "\n"), "\n") {
		f := strings.Split(line, "\t")
		slices.Reverse(f)
		extra := "x"
		if i == 0 {
			extra = "Added In 31.0"
		}
		out = append(out, strings.Join(append(f, extra), "\t"))
	}
	return "\ufeff" + strings.Join(out, "\r\n") + "\r\n"
}

func TestParseDirReorderedColumns(t *testing.T) {
	want := parseExcerpt(t)
	dir := copyExcerpt(t)
	for _, f := range append(excerptFiles, fileContentModel, fileEducationLabels) {
		writeFile(t, dir, f, reshape(readFile(t, dir, f)))
	}
	got, err := ParseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reordered columns (-want +got):\n%s", diff)
	}
}

func TestParseDirErrors(t *testing.T) {
	tests := []struct {
		name    string
		change  func(t *testing.T, dir string)
		wantErr string
	}{
		{"ErrDataValue", replaceIn(fileSkills, "\tIM\t4.12\t", "\tIM\tx\t"), `Skills.txt:2: Data Value "x": not a number`},
		{"ErrSuppressFlag", replaceIn(fileKnowledge, "\tN\tn/a\t", "\tmaybe\tn/a\t"), `Knowledge.txt:2: Recommend Suppress "maybe": want Y, N or n/a`},
		{"ErrUnknownCode", replaceIn(fileTasks, "11-1011.00\t", "99-9999.00\t"), `Task Statements.txt:2: O*NET-SOC Code "99-9999.00" is not in Occupation Data.txt`},
		{"ErrMissingColumn", replaceIn(fileSkills, "Data Value", "Value"), `Skills.txt:1: no column "Data Value" in the header`},
		{"ErrJobZone", replaceIn(fileJobZones, "11-1011.00\t5", "11-1011.00\t9"), `Job Zones.txt:2: column Job Zone: 9 is not 1 to 5`},
		{"ErrNoSkills", remove(fileSkills), "O*NET Skills.txt: open"},
		{"ErrNoOccupations", remove(fileOccupations), "O*NET Occupation Data.txt: open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyExcerpt(t)
			tt.change(t, dir)
			_, err := ParseDir(dir)
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

// replaceIn changes the first occurrence of old in file name.
func replaceIn(name, old, new string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		s := readFile(t, dir, name)
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		writeFile(t, dir, name, strings.Replace(s, old, new, 1))
	}
}

func remove(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestParseDirOptionalFiles(t *testing.T) {
	dir := copyExcerpt(t)
	for _, f := range []string{fileWorkActivitiesSubset, fileKnowledge, fileReadMe, fileAltTitles, fileEducation} {
		remove(f)(t, dir)
	}
	d, err := ParseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	o, _ := d.Occupation("15-1244.00")
	if d.Release != "" || d.Rated(o, DomainWorkActivities) || d.Rated(o, DomainKnowledge) || !d.Rated(o, DomainSkills) {
		t.Errorf("release %q, work activities %v, knowledge %v, skills %v",
			d.Release, d.Rated(o, DomainWorkActivities), d.Rated(o, DomainKnowledge), d.Rated(o, DomainSkills))
	}
	if _, err := Compare(d, "15-1244.00", "11-3021.00"); err != nil {
		t.Errorf("Compare without optional files: %v", err)
	}
}

// TestParseDirPrefersFullWorkActivities checks that the official file wins
// over the bundled subset when both are present.
func TestParseDirPrefersFullWorkActivities(t *testing.T) {
	dir := copyExcerpt(t)
	full := readFile(t, dir, fileWorkActivitiesSubset)
	full = strings.Replace(full, "\tIM\t4.56\t", "\tIM\t1.11\t", 1)
	writeFile(t, dir, fileWorkActivities, full)
	d, err := ParseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	o, _ := d.Occupation("11-1011.00")
	if r, _ := o.Rating("4.A.1.a.1"); r.Importance != 111 {
		t.Errorf("4.A.1.a.1 importance %v, want 1.11 from %s", r.Importance, fileWorkActivities)
	}
}
