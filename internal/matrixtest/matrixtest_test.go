package matrixtest

import (
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		row string
		ok  bool
	}{
		{"L A O O O O O O", true},
		{"422 422 422 422 422 422 422 422", true},
		{"L A O O O O O", false},   // seven cells
		{"L A O O O O O X", false}, // no such code
		{"L A O O O O O 42", false},
	} {
		if _, err := Parse(tt.row); (err == nil) != tt.ok {
			t.Errorf("Parse(%q) = %v", tt.row, err)
		}
	}
}

func TestWantAndMismatch(t *testing.T) {
	for _, tt := range []struct {
		code     string
		got      int
		mismatch bool
	}{
		{"A", 303, false}, {"A", 404, true}, {"O", 404, false}, {"O", 422, false}, {"O", 403, true}, {"O", 401, true},
		{"O", 500, true}, {"L", 401, false}, {"N", 404, false}, {"N", 403, true}, {"F", 403, false}, {"C", 409, false},
		{"422", 422, false}, {"422", 200, true},
	} {
		if got := Mismatch(tt.code, Want(tt.code, 303, 401), tt.got); (got != "") != tt.mismatch {
			t.Errorf("%s with %d: %q", tt.code, tt.got, got)
		}
	}
}

func TestOrder(t *testing.T) {
	keys := []string{"POST /mentors/{id}/delete", "POST /plan", "POST /mentoring/sessions/{id}/delete", "POST /evidence",
		"POST /mentoring/actions/{id}/delete", "POST /logout", "DELETE /api/v1/org/cohorts/{id}/members/{person}",
		"DELETE /api/v1/org/cohorts/{id}", "POST /journal"}
	got := Order(keys, func(k string) string { return k }, []string{"POST /plan", "POST /logout"})
	want := []string{"POST /evidence", "POST /journal", "POST /plan", "POST /logout",
		"DELETE /api/v1/org/cohorts/{id}/members/{person}", "DELETE /api/v1/org/cohorts/{id}",
		"POST /mentoring/actions/{id}/delete", "POST /mentoring/sessions/{id}/delete", "POST /mentors/{id}/delete"}
	if !slices.Equal(got, want) {
		t.Errorf("Order:\n%q\nwant\n%q", got, want)
	}
}

func TestShows(t *testing.T) {
	if got := Shows(`<p>Alice&#39;s book</p> and Bob's`, []string{"Alice's book", "Bob's", "Carol"}); !slices.Equal(got, []string{"Alice's book", "Bob's"}) {
		t.Errorf("Shows = %q", got)
	}
}
