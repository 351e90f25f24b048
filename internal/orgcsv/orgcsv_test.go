package orgcsv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

type orgcsvWant struct {
	line  int
	field string
	msg   string // part of the message
}

func TestParse(t *testing.T) {
	const header = "name,email,title,manager_email\n"
	for _, tc := range []struct {
		name string
		in   string
		rows int
		want []orgcsvWant
	}{
		{name: "OK", in: header + "Ana Diaz,Ana@Example.com,Head of IT,\nBen Cho,ben@example.com,Sysadmin,ana@example.com\n", rows: 2},
		{name: "OKColumnsAnyOrderOptionalLeftOut", in: "Email, Name\nana@example.com,Ana\n", rows: 1},
		{name: "OKBOMAndCRLFAndQuotes", in: "\uFEFF" + strings.ReplaceAll(header, "\n", "\r\n") + "\"Diaz, Ana\",ana@example.com,\"Lead \"\"ops\"\"\",\r\n", rows: 1},
		{name: "OKBlankLinesSkipped", in: header + "\n,,,\nAna,ana@example.com,,\n", rows: 1},
		{name: "ErrEmpty", in: "", want: []orgcsvWant{{1, "", "empty"}}},
		{name: "ErrHeaderOnly", in: header, want: []orgcsvWant{{1, "", "no people"}}},
		{name: "ErrHeaderUnknownAndMissing", in: "name,mail\nAna,ana@example.com\n",
			want: []orgcsvWant{{1, "", `unknown column "mail"`}, {1, "", `lacks the column "email"`}}},
		{name: "ErrHeaderTwice", in: "name,email,email\n", want: []orgcsvWant{{1, "", "appears twice"}}},
		{name: "ErrEveryBadRow", in: header +
			",ana@example.com,,\n" + // 2: missing name
			"Ben,not-an-email,,\n" + // 3: bad email
			"Cleo,ana@example.com,,\n" + // 4: duplicate
			"Dev,dev@example.com,,dev@example.com\n" + // 5: manages themselves
			"Eve,eve@example.com,,boss@\n" + // 6: bad manager email
			"Fay,fay@example.com\n" + // 7: too few fields
			"Gus\x01,gus@example.com,,\n" + // 8: control character
			"Hal,,,\n", // 9: missing email
			want: []orgcsvWant{{2, "name", "required"}, {3, "email", "not an email"}, {4, "email", "line 2"},
				{5, "manager_email", "own email"}, {6, "manager_email", "not an email"}, {7, "", "2 fields"},
				{8, "name", "control"}, {9, "email", "required"}}},
		{name: "ErrQuoteReportsLine", in: header + "Ana,ana@example.com,,\n\"Ben,ben@example.com,,\n",
			rows: 1, want: []orgcsvWant{{3, "", "quote"}}},
		{name: "ErrNotUTF8", in: header + "Ana\xff,ana@example.com,,\n", want: []orgcsvWant{{0, "", "UTF-8"}}},
		{name: "ErrTitleTooLong", in: header + "Ana,ana@example.com," + strings.Repeat("x", 201) + ",\n", rows: 1,
			want: []orgcsvWant{{2, "title", "200"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, probs := Parse([]byte(tc.in))
			if tc.rows != 0 && len(rows) != tc.rows {
				t.Errorf("%d rows, want %d: %+v", len(rows), tc.rows, rows)
			}
			orgcsvMatch(t, probs, tc.want)
		})
	}
}

func orgcsvMatch(t *testing.T, got []ladder.OrgImportProblem, want []orgcsvWant) {
	t.Helper()
	Sort(got)
	if len(got) != len(want) {
		t.Fatalf("problems %+v, want %d: %+v", got, len(want), want)
	}
	for i, w := range want {
		g := got[i]
		if g.Line != w.line || g.Field != w.field || !strings.Contains(g.Message, w.msg) {
			t.Errorf("problem %d = %+v, want line %d field %q message with %q", i, g, w.line, w.field, w.msg)
		}
	}
}

func TestParseRowValues(t *testing.T) {
	rows, probs := Parse([]byte("name,email,title,manager_email\n  Ana Diaz , ANA@Example.com ,Head of IT, Boss@Example.com\n"))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	want := []ladder.OrgImportRow{{Line: 2, Name: "Ana Diaz", Email: "ana@example.com", Title: "Head of IT", ManagerEmail: "boss@example.com"}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Error(diff)
	}
}

func TestCheck(t *testing.T) {
	row := func(line int, email, manager string) ladder.OrgImportRow {
		return ladder.OrgImportRow{Line: line, Name: "N", Email: email, ManagerEmail: manager}
	}
	known := map[string]Known{
		"boss@example.com":     {Member: true},
		"lead@example.com":     {Member: true, ManagerEmail: "boss@example.com"},
		"outsider@example.com": {},
		// An existing member whose manager is in the file: a cycle can go
		// through people the file does not list.
		"mid@example.com": {Member: true, ManagerEmail: "a@example.com"},
	}
	for _, tc := range []struct {
		name string
		rows []ladder.OrgImportRow
		want []orgcsvWant
	}{
		{name: "OKManagersInFileAndMembers", rows: []ladder.OrgImportRow{row(2, "a@example.com", "lead@example.com"),
			row(3, "b@example.com", "a@example.com"), row(4, "lead@example.com", "boss@example.com")}},
		{name: "ErrUnknownManager", rows: []ladder.OrgImportRow{row(2, "a@example.com", "ghost@example.com"),
			row(3, "b@example.com", "outsider@example.com")},
			want: []orgcsvWant{{2, "manager_email", "neither"}, {3, "manager_email", "neither"}}},
		{name: "ErrOutsider", rows: []ladder.OrgImportRow{row(2, "outsider@example.com", "")},
			want: []orgcsvWant{{2, "email", "invite them"}}},
		{name: "ErrCycleInFile", rows: []ladder.OrgImportRow{row(2, "a@example.com", "b@example.com"),
			row(3, "b@example.com", "c@example.com"), row(4, "c@example.com", "a@example.com"), row(5, "d@example.com", "a@example.com")},
			want: []orgcsvWant{{2, "manager_email", "a@example.com → b@example.com → c@example.com → a@example.com"},
				{3, "manager_email", "circle"}, {4, "manager_email", "circle"}}},
		{name: "ErrCycleThroughMember", rows: []ladder.OrgImportRow{row(2, "a@example.com", "mid@example.com")},
			want: []orgcsvWant{{2, "manager_email", "a@example.com → mid@example.com → a@example.com"}}},
		{name: "ErrCycleChangedMember", rows: []ladder.OrgImportRow{row(2, "boss@example.com", "lead@example.com")},
			want: []orgcsvWant{{2, "manager_email", "boss@example.com → lead@example.com → boss@example.com"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orgcsvMatch(t, Check(tc.rows, known), tc.want)
		})
	}
}

// FuzzParse feeds the parser anything: it must not panic, every problem
// must point at a line of the file and a known field, and rows it accepts
// must survive a round trip through encoding/csv unchanged.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"name,email,title,manager_email\nAna,ana@example.com,Lead,boss@example.com\n",
		"name,email\n\"A\nB\",a@example.com\n",
		"\uFEFFemail,name\r\nx@y.z,X\r\n",
		"name,email\n\"unclosed,a@b.c\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, probs := Parse(data)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range probs {
			if p.Line < 0 || p.Line > lines {
				t.Fatalf("problem on line %d of a %d-line file: %+v", p.Line, lines, p)
			}
			switch p.Field {
			case "", "name", "email", "title", "manager_email":
			default:
				t.Fatalf("unknown field %q", p.Field)
			}
			if p.Message == "" {
				t.Fatalf("problem without a message: %+v", p)
			}
		}
		_ = Check(rows, map[string]Known{})
		if len(probs) > 0 {
			return
		}
		for _, r := range rows {
			if r.Name == "" || r.Email == "" || r.Line < 2 || r.Line > lines {
				t.Fatalf("accepted a bad row %+v", r)
			}
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Write(Columns)
		for _, r := range rows {
			w.Write([]string{r.Name, r.Email, r.Title, r.ManagerEmail})
		}
		w.Flush()
		again, probs2 := Parse(buf.Bytes())
		if len(probs2) > 0 || len(again) != len(rows) {
			t.Fatalf("round trip: %v, %d rows, want %d\n%q", probs2, len(again), len(rows), buf.String())
		}
		for i := range rows {
			a, b := rows[i], again[i]
			a.Line, b.Line = 0, 0
			if a != b {
				t.Fatalf("round trip changed a row: %s", fmt.Sprint(a, " -> ", b))
			}
		}
	})
}
