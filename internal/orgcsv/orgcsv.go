// Package orgcsv reads a people import: a CSV file with the header
// name,email,title,manager_email (title and manager_email may be left out,
// columns in any order). It reports every bad row with its line and field,
// so an admin fixes the file in one go; the store writes nothing unless
// nothing is wrong.
package orgcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ladderhq/ladder"
)

// MaxRows bounds one import; bigger organisations import in parts.
const MaxRows = 10000

// Columns are the columns a file may have; name and email are required.
var Columns = []string{"name", "email", "title", "manager_email"}

type problems []ladder.OrgImportProblem

func (p *problems) add(line int, field, format string, args ...any) {
	*p = append(*p, ladder.OrgImportProblem{Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Parse reads the file and checks each row on its own and against the other
// rows: required fields, email syntax, lengths, duplicate emails, a person
// managing themselves. It returns the rows that were read and every
// problem; a row with a problem is returned too, so Check can add what it
// finds about the others.
func Parse(data []byte) ([]ladder.OrgImportRow, []ladder.OrgImportProblem) {
	var probs problems
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // spreadsheet exports often start with a BOM
	if !utf8.Valid(data) {
		probs.add(0, "", "the file is not UTF-8 text: save it as CSV UTF-8")
		return nil, probs
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		probs.add(1, "", "the file is empty: the first line must be the header %s", strings.Join(Columns, ","))
		return nil, probs
	} else if err != nil {
		probs.add(parseLine(err, 1), "", "%s", parseMessage(err))
		return nil, probs
	}
	col, ok := readHeader(header, &probs)
	if !ok {
		return nil, probs
	}
	var rows []ladder.OrgImportRow
	firstLine := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			probs.add(parseLine(err, 0), "", "%s; the lines after it were not read", parseMessage(err))
			break
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(rows) == MaxRows {
			probs.add(line, "", "more than %d people: split the file", MaxRows)
			break
		}
		if len(rec) != len(header) {
			probs.add(line, "", "has %d fields, the header %d", len(rec), len(header))
		}
		row := ladder.OrgImportRow{Line: line, Name: field(rec, col["name"]), Email: strings.ToLower(field(rec, col["email"])),
			Title: field(rec, col["title"]), ManagerEmail: strings.ToLower(field(rec, col["manager_email"]))}
		checkRow(row, &probs)
		if row.Email != "" {
			if first, dup := firstLine[row.Email]; dup {
				probs.add(line, "email", "%s is on line %d already", row.Email, first)
			} else {
				firstLine[row.Email] = line
			}
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 && len(probs) == 0 {
		probs.add(1, "", "no people after the header")
	}
	return rows, probs
}

func readHeader(header []string, probs *problems) (map[string]int, bool) {
	col := map[string]int{"title": -1, "manager_email": -1}
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case !slices.Contains(Columns, h):
			probs.add(1, "", "unknown column %q: the columns are %s", clip(h), strings.Join(Columns, ", "))
		case seen[h]:
			probs.add(1, "", "column %q appears twice", h)
		default:
			col[h] = i
		}
		seen[h] = true
	}
	for _, need := range []string{"name", "email"} {
		if !seen[need] {
			probs.add(1, "", "the header lacks the column %q (the header is %s)", need, strings.Join(Columns, ","))
		}
	}
	return col, len(*probs) == 0
}

func checkRow(row ladder.OrgImportRow, probs *problems) {
	p := ladder.Person{Name: row.Name, Email: row.Email}
	var fields map[string]string
	if e, ok := p.Validate().(*ladder.Error); ok {
		fields = e.Fields
	}
	if m := fields["name"]; m != "" {
		probs.add(row.Line, "name", "%s", m)
	} else if !printable(row.Name) {
		probs.add(row.Line, "name", "must not hold control characters")
	}
	if m := fields["email"]; m != "" {
		probs.add(row.Line, "email", "%q %s", clip(row.Email), m)
	}
	if len(row.Title) > 200 {
		probs.add(row.Line, "title", "must be at most 200 characters")
	} else if !printable(row.Title) {
		probs.add(row.Line, "title", "must not hold control characters")
	}
	switch {
	case row.ManagerEmail == "":
	case !validEmail(row.ManagerEmail):
		probs.add(row.Line, "manager_email", "%q is not an email address", clip(row.ManagerEmail))
	case row.ManagerEmail == row.Email:
		probs.add(row.Line, "manager_email", "is the person's own email: a person cannot manage themselves")
	}
}

func validEmail(s string) bool {
	p := ladder.Person{Name: "x", Email: s}
	return p.Validate() == nil
}

// printable reports whether s has no control characters, which no name
// or title needs and which some databases refuse (NUL).
func printable(s string) bool {
	return !strings.ContainsFunc(s, unicode.IsControl)
}

func field(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func parseLine(err error, def int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line
	}
	return def
}

func parseMessage(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			return "a quote is not closed or stands inside an unquoted field"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// clip shortens what a message echoes from the file.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:60]) + "…"
}

// Known is what the store knows about an email of the file: the person
// exists, is (or is not) a member of the organisation importing, and has
// this manager (an email, "" for none) when a member.
type Known struct {
	Member       bool
	ManagerEmail string
}

// Check checks the rows against the organisation: a person who exists but
// is not a member cannot be imported (they join by invitation), a
// manager must be in the file or a member, and managers must not form a
// cycle, counting the managers the file does not change. known holds
// every email of the file (rows and managers) that belongs to a person.
func Check(rows []ladder.OrgImportRow, known map[string]Known) []ladder.OrgImportProblem {
	var probs problems
	inFile := map[string]ladder.OrgImportRow{}
	for _, r := range rows {
		if _, dup := inFile[r.Email]; !dup && r.Email != "" {
			inFile[r.Email] = r
		}
	}
	for _, r := range rows {
		if k, ok := known[r.Email]; ok && !k.Member {
			probs.add(r.Line, "email", "%s has an account outside this organisation: invite them instead", r.Email)
		}
		if m := r.ManagerEmail; m != "" && m != r.Email && validEmail(m) {
			if _, ok := inFile[m]; !ok && !known[m].Member {
				probs.add(r.Line, "manager_email", "%s is neither in the file nor a member of the organisation", m)
			}
		}
	}
	managerOf := func(email string) string {
		if r, ok := inFile[email]; ok {
			return r.ManagerEmail
		}
		return known[email].ManagerEmail
	}
	for _, r := range rows {
		if inFile[r.Email].Line != r.Line || r.ManagerEmail == "" || r.ManagerEmail == r.Email {
			continue
		}
		if path, ok := cycle(r.Email, managerOf, len(inFile)+len(known)+1); ok {
			probs.add(r.Line, "manager_email", "managers go round in a circle: %s", strings.Join(path, " → "))
		}
	}
	return probs
}

// cycle follows managers from email and reports the path when it comes
// back to email. limit bounds the walk (the number of people).
func cycle(email string, managerOf func(string) string, limit int) ([]string, bool) {
	path := []string{email}
	seen := map[string]bool{email: true}
	for at := managerOf(email); at != "" && len(path) <= limit; at = managerOf(at) {
		path = append(path, at)
		if at == email {
			return path, true
		}
		if seen[at] {
			return nil, false // a circle further up that does not include email
		}
		seen[at] = true
	}
	return nil, false
}

// Sort orders problems by line, then field, for reading.
func Sort(ps []ladder.OrgImportProblem) {
	slices.SortStableFunc(ps, func(a, b ladder.OrgImportProblem) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return strings.Compare(a.Field, b.Field)
	})
}
