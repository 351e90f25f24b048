package onet

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// na is how O*NET's text release writes a missing value.
const na = "n/a"

// tableError is a parse error located in a file, like a compiler's.
type tableError struct {
	File string
	Line int // 0 when the error is about the file as a whole
	Msg  string
}

func (e *tableError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// columns names the columns a reader wants. Columns are found by header
// name, so a release that adds or reorders columns still loads; a missing
// Required column is an error, a missing Optional one reads as "n/a".
type columns struct {
	Required []string
	Optional []string
}

// readTable reads one O*NET tab-separated file from r and calls fn for each
// data row with the wanted columns' values in the order of cols (Required,
// then Optional). name is the file name used in errors. It accepts a UTF-8
// byte-order mark and CRLF line ends, and skips blank lines.
func readTable(name string, r io.Reader, cols columns, fn func(line int, rec []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	line := 0
	var idx []int
	need := 0 // fields a row must have to hold every required column
	rec := make([]string, len(cols.Required)+len(cols.Optional))
	for sc.Scan() {
		line++
		b := bytes.TrimSuffix(sc.Bytes(), []byte("\r"))
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
			var err error
			if idx, need, err = headerIndex(name, string(b), cols); err != nil {
				return err
			}
			continue
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		fields := strings.Split(string(b), "\t")
		if len(fields) < need {
			return &tableError{name, line, fmt.Sprintf("%d fields, want at least %d", len(fields), need)}
		}
		for i, j := range idx {
			rec[i] = na
			if j >= 0 && j < len(fields) {
				rec[i] = strings.TrimSpace(fields[j])
			}
		}
		if err := fn(line, rec); err != nil {
			return &tableError{name, line, err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		return &tableError{name, line + 1, err.Error()}
	}
	if line == 0 {
		return &tableError{name, 0, "empty file, want a header row"}
	}
	return nil
}

// headerIndex maps the wanted columns to their positions in header.
func headerIndex(name, header string, cols columns) (idx []int, need int, err error) {
	pos := map[string]int{}
	for i, h := range strings.Split(header, "\t") {
		h = strings.TrimSpace(h)
		if _, dup := pos[h]; dup {
			return nil, 0, &tableError{name, 1, fmt.Sprintf("column %q appears twice", h)}
		}
		pos[h] = i
	}
	for _, c := range cols.Required {
		i, ok := pos[c]
		if !ok {
			return nil, 0, &tableError{name, 1, fmt.Sprintf("no column %q in the header", c)}
		}
		idx = append(idx, i)
		need = max(need, i+1)
	}
	for _, c := range cols.Optional {
		i, ok := pos[c]
		if !ok {
			i = -1
		}
		idx = append(idx, i)
	}
	return idx, need, nil
}
