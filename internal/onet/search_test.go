package onet

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSearch(t *testing.T) {
	d := embeddedDataset(t)
	tests := []struct {
		name  string
		query string
		limit int
		want  []SearchResult
	}{
		{"ExactCode", "15-1244.00", 1, []SearchResult{{"15-1244.00", "Network and Computer Systems Administrators", "code", rankCode}}},
		{"CodeWithoutSuffix", "15-1244", 1, []SearchResult{{"15-1244.00", "Network and Computer Systems Administrators", "code", rankCode}}},
		{"CodePrefix", "15-124", 2, []SearchResult{
			{"15-1241.00", "Computer Network Architects", "code", rankCodePrefix},
			{"15-1241.01", "Telecommunications Engineering Specialists", "code", rankCodePrefix},
		}},
		{"ExactTitleFirst", "computer and INFORMATION systems managers", 1, []SearchResult{{"11-3021.00", "Computer and Information Systems Managers", "title", rankExactTitle}}},
		{"TitlePrefix", "Computer and Information Research", 1, []SearchResult{{"15-1221.00", "Computer and Information Research Scientists", "title", rankTitlePrefix}}},
		{"TitleWords", "network admin", 0, []SearchResult{{"15-1244.00", "Network and Computer Systems Administrators", "title", rankTitleWords}}},
		{"Plural", "database administrators", 1, []SearchResult{{"15-1242.00", "Database Administrators", "title", rankExactTitle}}},
		{"AltTitle", "CIO", 1, []SearchResult{{"11-1011.00", "Chief Executives", "Chief Information Officer (CIO)", rankAltTitle}}},
		{"NoMatch", "zzzzqx", 5, nil},
		{"Empty", "  ", 5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Search(tt.query, tt.limit)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(SearchResult{})); diff != "" {
				t.Errorf("Search(%q) (-want +got):\n%s", tt.query, diff)
			}
		})
	}
}

func TestSearchRanking(t *testing.T) {
	got := embeddedDataset(t).Search("computer systems", 0)
	if len(got) < 3 {
		t.Fatalf("%d results", len(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].rank > got[i-1].rank || got[i].rank == got[i-1].rank && got[i].Code < got[i-1].Code {
			t.Fatalf("results out of order at %d: %+v then %+v", i, got[i-1], got[i])
		}
	}
}

func TestSuggest(t *testing.T) {
	d := embeddedDataset(t)
	tests := []struct {
		input string
		want  string // first suggestion
	}{
		{"15-1244.01", "15-1244.00"},
		{"15-1244.0", "15-1244.00"},
		{"netwrok adminstrator", "15-1244.00"},
		{"Computer Information Systems Manager", "11-3021.00"},
		{"informaton securty analist", "15-1212.00"},
	}
	for _, tt := range tests {
		got := d.Suggest(tt.input, 3)
		if len(got) == 0 || got[0].Code != tt.want {
			t.Errorf("Suggest(%q) = %+v, want %s first", tt.input, got, tt.want)
		}
	}
	if got := d.Suggest("99-9999.99", 3); len(got) != 0 {
		t.Errorf("Suggest(far code) = %+v, want none", got)
	}
}

func TestLookup(t *testing.T) {
	d := embeddedDataset(t)
	for _, code := range []string{"15-1244.00", " 15-1244 "} {
		if o, ok := d.Occupation(code); !ok || o.Code != "15-1244.00" {
			t.Errorf("Occupation(%q) = %v, %v", code, o, ok)
		}
	}
	if _, ok := d.Element("2.B.5.d"); !ok {
		t.Error("no element 2.B.5.d")
	}
	if _, ok := d.Element("9.Z"); ok {
		t.Error("element 9.Z found")
	}
}

func TestCompareIDs(t *testing.T) {
	if CompareIDs("01", "1") == 0 {
		t.Error("CompareIDs(\"01\", \"1\") = 0, want a tie-break")
	}
	ordered := []string{"1.C.1.a", "2", "2.A.1.a", "2.A.1.b", "2.B.1.a", "2.C.2.a", "2.C.10", "4.A.1.a.1", "4.A.1.a.2", "4.A.1.b.1"}
	for i := 0; i+1 < len(ordered); i++ {
		a, b := ordered[i], ordered[i+1]
		if CompareIDs(a, b) >= 0 || CompareIDs(b, a) <= 0 || CompareIDs(a, a) != 0 {
			t.Errorf("CompareIDs(%q, %q) = %d", a, b, CompareIDs(a, b))
		}
	}
}
