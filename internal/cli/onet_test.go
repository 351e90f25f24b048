package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder/internal/onet"
)

// runONET executes ladder with args in a fresh data folder (or dataDir when
// given) and returns the exit code and the two streams.
func runONET(t *testing.T, dataDir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	t.Setenv("LADDER_DATA_DIR", dataDir)
	var out, errOut bytes.Buffer
	code = Execute(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestONETCompareJSON(t *testing.T) {
	code, out, stderr := runONET(t, "", "onet", "compare", "15-1244.00", "11-3021.00", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &top); err != nil {
		t.Fatal(err)
	}
	wantKeys := []string{"attribution", "closest_management", "from", "gaps", "to", "transfers"}
	if diff := cmp.Diff(wantKeys, onetSortedKeys(top)); diff != "" {
		t.Errorf("top-level keys (-want +got):\n%s", diff)
	}
	var c struct {
		From, To    map[string]any
		Gaps        []map[string]any
		Transfers   []map[string]any
		Closest     []map[string]any `json:"closest_management"`
		Attribution string
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	wantRef := map[string]any{"code": "15-1244.00", "title": "Network and Computer Systems Administrators"}
	if diff := cmp.Diff(wantRef, c.From); diff != "" {
		t.Errorf("from (-want +got):\n%s", diff)
	}
	if c.To["code"] != "11-3021.00" || c.Attribution != onet.AttributionModified {
		t.Errorf("to %v, attribution %q", c.To, c.Attribution)
	}
	gapKeys := []string{"domain", "element_id", "from_level", "name", "to_importance", "to_level", "weighted_gap"}
	for i, g := range append(slices.Clone(c.Gaps), c.Transfers...) {
		if diff := cmp.Diff(gapKeys, onetSortedKeys(g)); diff != "" {
			t.Fatalf("gap %d keys (-want +got):\n%s", i, diff)
		}
	}
	for i := 1; i < len(c.Gaps); i++ {
		if c.Gaps[i]["weighted_gap"].(float64) > c.Gaps[i-1]["weighted_gap"].(float64) {
			t.Fatalf("gaps not sorted by weighted_gap at %d", i)
		}
	}
	// README sanity check: Management of Financial Resources 1.88 -> 3.38, IM 3.00.
	want := map[string]any{"element_id": "2.B.5.b", "name": "Management of Financial Resources", "domain": "skills",
		"from_level": 1.88, "to_level": 3.38, "to_importance": 3.0, "weighted_gap": 4.5}
	i := slices.IndexFunc(c.Gaps, func(g map[string]any) bool { return g["element_id"] == "2.B.5.b" })
	if i < 0 {
		t.Fatal("no gap 2.B.5.b")
	}
	if diff := cmp.Diff(want, c.Gaps[i]); diff != "" {
		t.Errorf("gap 2.B.5.b (-want +got):\n%s", diff)
	}
	if len(c.Closest) == 0 || c.Closest[0]["code"] != "11-3021.00" || c.Closest[0]["related"] != true {
		t.Errorf("closest_management = %v, want 11-3021.00 first, related", c.Closest)
	}
	for _, cl := range c.Closest {
		if diff := cmp.Diff([]string{"closeness", "code", "related", "title"}, onetSortedKeys(cl)); diff != "" {
			t.Errorf("closest keys (-want +got):\n%s", diff)
		}
	}
}

func onetSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestONETErrors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"ErrUnknownCode", []string{"onet", "compare", "15-1244.01", "11-3021.00"}, 1, "did you mean 15-1244.00 Network and Computer Systems Administrators"},
		{"ErrUnknownCodeJSON", []string{"onet", "compare", "15-1244.00", "11-3021.09", "--json"}, 1, "did you mean 11-3021.00"},
		{"ErrUnknownShow", []string{"onet", "show", "15-1244.01"}, 1, "did you mean 15-1244.00"},
		{"ErrUnrated", []string{"onet", "compare", "15-1252.00", "11-3021.00"}, 1, "15-1251.00 Computer Programmers"},
		{"ErrArgs", []string{"onet", "compare", "15-1244.00"}, 2, "want two O*NET-SOC codes"},
		{"ErrDomain", []string{"onet", "compare", "15-1244.00", "11-3021.00", "--domain", "work_styles"}, 2, "--domain"},
		{"ErrImportMissing", []string{"onet", "import", "/nonexistent"}, 1, "Occupation Data.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runONET(t, "", tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.wantCode, tt.want)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}

func TestONETText(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
		attr string
	}{
		{"Search", []string{"onet", "search", "network", "admin"}, []string{"15-1244.00  Network and Computer Systems Administrators"}, onet.Attribution},
		{"SearchAltTitle", []string{"onet", "search", "CIO"}, []string{"11-1011.00", "also called Chief Information Officer (CIO)"}, onet.Attribution},
		{"Show", []string{"onet", "show", "15-1244"}, []string{"Network and Computer Systems Administrators (15-1244.00)", "Job Zone 4 of 5", "Top skills", "Core tasks", "Technology skills", "11-3021.00  Computer and Information Systems Managers", "Bachelor's Degree"}, onet.Attribution},
		{"ShowUnrated", []string{"onet", "show", "15-1252.00"}, []string{"has no skill or knowledge ratings"}, onet.Attribution},
		{"Compare", []string{"onet", "compare", "15-1244.00", "11-3021.00", "--top", "0"}, []string{"Staffing Organizational Units", "Management of Financial Resources", "What transfers", "11-3021.00  Computer and Information Systems Managers"}, onet.AttributionModified},
		{"CompareSkills", []string{"onet", "compare", "15-1244.00", "11-3021.00", "--domain", "skills", "--top", "1"},
			[]string{"Management of Financial Resources", "1.88   3.38   3.00      4.50\n  ... and 14 more"}, onet.AttributionModified},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runONET(t, "", tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if !strings.HasSuffix(out, "\n"+tt.attr+"\n") {
				t.Errorf("output does not end with the attribution:\n%s", out)
			}
		})
	}
}

func TestONETImport(t *testing.T) {
	dir := t.TempDir() + "/data" // created by import
	code, out, stderr := runONET(t, dir, "onet", "import", "../onet/testdata/raw", "--release", "99.9", "--json")
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	var sum onetImportSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Release != "99.9" || sum.Occupations != 9 || sum.Rated[onet.DomainSkills] != 8 || sum.Elements[onet.DomainSkills] != 35 {
		t.Errorf("import summary %+v", sum)
	}
	// The imported dataset replaces the embedded one.
	code, out, _ = runONET(t, dir, "onet", "show", "15-1232.00")
	if code != 0 || !strings.Contains(out, "O*NET 99.9 Database") {
		t.Errorf("show after import: exit %d, output lacks the 99.9 attribution:\n%s", code, out)
	}
	if code, _, _ := runONET(t, dir, "onet", "show", "11-2021.00"); code != 1 {
		t.Errorf("occupation outside the import: exit %d, want 1", code)
	}
}

func TestWriteRatingsMarks(t *testing.T) {
	el := &onet.Element{ID: "2.C.4.b", Name: "Physics"}
	rs := []onet.ElementRating{{Element: el, Rating: onet.Rating{Element: el.ID, Importance: 161, Level: 120,
		HasImportance: true, HasLevel: true, LevelSuppressed: true, NotRelevant: true}}}
	var b bytes.Buffer
	if !writeONETRatings(&b, rs, "Knowledge", 10) {
		t.Error("writeRatings reported no marks")
	}
	if want := "Physics  IM 1.61  LV 1.20* NR"; !strings.Contains(b.String(), want) {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
