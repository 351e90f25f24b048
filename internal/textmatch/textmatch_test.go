package textmatch

import "testing"

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"it-manger", "it-manager", 1}} {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSubsequence(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{{"sysadmn", "system-administrator", true}, {"dba", "database-administrator", true}, {"xyz", "system", false}, {"", "x", true}} {
		if got := Subsequence(tt.a, tt.b); got != tt.want {
			t.Errorf("Subsequence(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}
