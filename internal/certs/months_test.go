package certs

import (
	"math"
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2024-01-31", 1, "2024-02-29"},
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-01-31", 2, "2024-03-31"},
		{"2026-11-23", -96, "2018-11-23"},
		{"2026-01-15", -1, "2025-12-15"},
		{"2026-01-15", -13, "2024-12-15"},
		{"2026-03-31", -1, "2026-02-28"},
	} {
		if got := addMonths(d(tc.from), tc.n); !got.Equal(d(tc.want)) {
			t.Errorf("addMonths(%s, %d) = %s, want %s", tc.from, tc.n, got.Format(dateLayout), tc.want)
		}
	}
}

func TestMonthsBetween(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"2020-01-01", "2022-01-01", 24},
		{"2023-11-23", "2026-11-23", 36},
		{"2024-02-01", "2024-02-15", 14.0 / 29},
		{"2024-01-31", "2024-02-29", 1},
		{"2024-01-15", "2024-03-01", 1 + 15.0/29},
		{"2024-05-01", "2024-05-01", 0},
		{"2024-05-02", "2024-05-01", 0},
	} {
		if got := monthsBetween(d(tc.a), d(tc.b)); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("monthsBetween(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMergedMonths(t *testing.T) {
	sp := func(a, b string) span { return span{d(a), d(b)} }
	for _, tc := range []struct {
		name  string
		spans []span
		want  float64
	}{
		{"Empty", nil, 0},
		// Two 24-month projects overlapping by 12 months are 36 months, not 48.
		{"Overlap", []span{sp("2020-01-01", "2022-01-01"), sp("2021-01-01", "2023-01-01")}, 36},
		{"OverlapUnsorted", []span{sp("2021-01-01", "2023-01-01"), sp("2020-01-01", "2022-01-01")}, 36},
		{"Contained", []span{sp("2020-01-01", "2023-01-01"), sp("2021-01-01", "2021-07-01")}, 36},
		{"Touching", []span{sp("2020-01-01", "2021-01-01"), sp("2021-01-01", "2022-01-01")}, 24},
		{"Gap", []span{sp("2020-01-01", "2021-01-01"), sp("2022-01-01", "2023-01-01")}, 24},
		{"Identical", []span{sp("2020-01-01", "2021-01-01"), sp("2020-01-01", "2021-01-01")}, 12},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mergedMonths(tc.spans); math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("got %v months, want %v", got, tc.want)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{num(36), "36"}, {num(35.96), "36"}, {ceil1(0.03), "0.1"}, {ceil1(14), "14"},
		{floor1(35.97), "35.9"}, {floor1(36), "36"}, {duration(12), "1 year"}, {duration(24), "2 years"},
		{duration(18), "18 months"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
