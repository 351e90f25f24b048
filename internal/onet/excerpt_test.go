package onet

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The excerpt in testdata/raw holds every row of a few occupations from the
// O*NET text release, under the official file names. Tests parse it and
// check the result against the embedded dataset, which proves the embedded
// file says what O*NET's files say. Rebuild it with
//
//	go test ./internal/onet -run TestUpdateExcerpt -update-excerpt
var updateExcerpt = flag.Bool("update-excerpt", false, "rewrite testdata/raw from "+sourceDir)

const (
	sourceDir  = "../../../shared/data/onet"
	excerptDir = "testdata/raw"
)

// excerptCodes are the occupations in the excerpt: the README's sanity-check
// pairs, an unrated occupation (15-1252.00) and the rated neighbours its
// error message suggests.
var excerptCodes = []string{
	"11-1011.00", "11-3021.00", "15-1212.00", "15-1232.00", "15-1244.00",
	"15-1251.00", "15-1252.00", "15-1299.08", "15-1299.09",
}

// excerptFiles are copied row by row, keeping rows of excerptCodes.
var excerptFiles = []string{
	fileOccupations, fileSkills, fileKnowledge, fileWorkActivitiesSubset, fileWorkStyles,
	fileJobZones, fileTasks, fileTechnology, fileRelated, fileAltTitles, fileEducation,
}

func TestUpdateExcerpt(t *testing.T) {
	if !*updateExcerpt {
		t.Skip("run with -update-excerpt to rebuild testdata/raw")
	}
	codes := map[string]bool{}
	for _, c := range excerptCodes {
		codes[c] = true
	}
	for _, f := range excerptFiles {
		copyRows(t, f, func(row string) bool { return codes[strings.SplitN(row, "\t", 2)[0]] })
	}
	copyRows(t, fileReadMe, func(string) bool { return true })
	copyRows(t, fileEducationLabels, func(string) bool { return true })
	copyRows(t, fileContentModel, func(row string) bool {
		for _, p := range []string{"1.C.", "2.A.", "2.B.", "2.C.", "4.A."} {
			if strings.HasPrefix(row, p) {
				return true
			}
		}
		return false
	})
}

// copyRows copies the header and the rows keep accepts from the source
// folder to the excerpt, byte for byte.
func copyRows(t *testing.T, name string, keep func(row string) bool) {
	t.Helper()
	in, err := os.Open(filepath.Join(sourceDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var b strings.Builder
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 1<<20)
	for i := 0; sc.Scan(); i++ {
		if i == 0 || keep(sc.Text()) {
			b.WriteString(sc.Text() + "\n")
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(excerptDir, name), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// parseExcerpt parses testdata/raw once per test binary.
func parseExcerpt(t testing.TB) *Dataset {
	t.Helper()
	d, err := ParseDir(excerptDir)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func embeddedDataset(t testing.TB) *Dataset {
	t.Helper()
	d, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
