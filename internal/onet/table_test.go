package onet

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadTable(t *testing.T) {
	cols := columns{Required: []string{"A", "B"}, Optional: []string{"C"}}
	tests := []struct {
		name    string
		in      string
		want    [][]string
		wantErr string
	}{
		{name: "OK", in: "A\tB\tC\n1\t2\t3\n", want: [][]string{{"1", "2", "3"}}},
		{name: "Reordered", in: "C\tX\tB\tA\n3\tx\t2\t1\n", want: [][]string{{"1", "2", "3"}}},
		{name: "OptionalMissing", in: "B\tA\n2\t1\n", want: [][]string{{"1", "2", "n/a"}}},
		{name: "BOMAndCRLF", in: "\ufeffA\tB\r\n1\t2\r\n\r\n", want: [][]string{{"1", "2", "n/a"}}},
		{name: "ShortOptional", in: "A\tB\tC\n1\t2\n", want: [][]string{{"1", "2", "n/a"}}},
		{name: "ErrMissingColumn", in: "A\tC\n1\t3\n", wantErr: `t.txt:1: no column "B" in the header`},
		{name: "ErrDuplicateColumn", in: "A\tB\tA\n", wantErr: `t.txt:1: column "A" appears twice`},
		{name: "ErrShortRow", in: "A\tB\n1\t2\n1\n", wantErr: "t.txt:3: 1 fields, want at least 2"},
		{name: "ErrEmpty", in: "", wantErr: "t.txt: empty file, want a header row"},
		{name: "ErrRow", in: "A\tB\n1\tbad\n", wantErr: `t.txt:2: B "bad": not an integer`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			err := readTable("t.txt", strings.NewReader(tt.in), cols, func(_ int, rec []string) error {
				if rec[1] == "bad" {
					_, err := parseInt("B", rec[1])
					return err
				}
				got = append(got, append([]string(nil), rec...))
				return nil
			})
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		in      string
		want    Value
		wantErr bool
	}{
		{"3.62", 362, false},
		{"0.00", 0, false},
		{"7", 700, false},
		{"4.125", 413, false},
		{"100.00", 10000, false},
		{"x", 0, true},
		{"NaN", 0, true},
		{"-1.00", 0, true},
		{"655.36", 0, true},
	}
	for _, tt := range tests {
		got, err := parseValue("Data Value", tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("parseValue(%q) = %v, %v; want %v, err %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestValueString(t *testing.T) {
	for v, want := range map[Value]string{0: "0.00", 5: "0.05", 362: "3.62", 700: "7.00", 10000: "100.00"} {
		if got := v.String(); got != want {
			t.Errorf("Value(%d).String() = %q, want %q", v, got, want)
		}
	}
	if got := Value(362).Float(); got != 3.62 {
		t.Errorf("Float = %v, want 3.62", got)
	}
}

// FuzzParseTable checks that the reader never panics and that every row it
// hands over has one value per wanted column.
func FuzzParseTable(f *testing.F) {
	f.Add("O*NET-SOC Code\tElement ID\tData Value\n11-1011.00\t2.A.1.a\t4.12\n")
	f.Add("\ufeffA\tB\r\n1\t2\r\n")
	f.Add("Data Value\tO*NET-SOC Code\n\n\tx\t\t\n")
	cols := columns{Required: []string{"O*NET-SOC Code"}, Optional: []string{"Data Value", "Element ID"}}
	f.Fuzz(func(t *testing.T, in string) {
		err := readTable("f.txt", strings.NewReader(in), cols, func(line int, rec []string) error {
			if len(rec) != 3 || line < 2 {
				t.Fatalf("line %d: %d values", line, len(rec))
			}
			_, err := parseValue(colValue, rec[1])
			return err
		})
		var te *tableError
		if err != nil && !errors.As(err, &te) {
			t.Fatalf("error %v is not a tableError", err)
		}
	})
}
