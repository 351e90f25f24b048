package onet

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ladderhq/ladder/internal/textmatch"
)

// Suggest returns up to n occupations close to input, for "did you mean"
// messages. A code-like input is matched to codes by edit distance; text is
// searched, and when nothing matches, titles are ranked by how well their
// words match the input's words allowing typos.
func (d *Dataset) Suggest(input string, n int) []SearchResult {
	input = strings.TrimSpace(input)
	if n <= 0 || input == "" {
		return nil
	}
	if looksLikeCode(input) {
		return d.closest(n, -20, "code", func(o *Occupation) int { return codeScore(input, o.Code) })
	}
	if res := d.Search(input, n); len(res) > 0 {
		return res
	}
	words := tokens(input)
	return d.closest(n, 1, "title", func(o *Occupation) int { return typoScore(words, tokens(o.Title)) })
}

// closest returns the n occupations with the highest score of at least
// minScore, ties by code.
func (d *Dataset) closest(n, minScore int, match string, score func(*Occupation) int) []SearchResult {
	type scored struct {
		o *Occupation
		s int
	}
	all := make([]scored, 0, len(d.Occupations))
	for i := range d.Occupations {
		all = append(all, scored{&d.Occupations[i], score(&d.Occupations[i])})
	}
	slices.SortFunc(all, func(a, b scored) int { return cmp.Or(cmp.Compare(b.s, a.s), strings.Compare(a.o.Code, b.o.Code)) })
	var res []SearchResult
	for _, s := range all {
		if len(res) == n || s.s < minScore {
			break
		}
		res = append(res, SearchResult{Code: s.o.Code, Title: s.o.Title, Match: match})
	}
	return res
}

// codeScore is minus ten per edit between input and code, plus a point for
// each leading character of the SOC part (before the dot) they share, so
// 15-1244.01 suggests 15-1244.00 before 15-1241.01. Scores below -20 (more
// than two edits) are not suggested: that is another occupation, not a typo.
func codeScore(input, code string) int {
	input = normalizeCode(input)
	s := -10 * textmatch.EditDistance(input, code)
	for i := 0; i < len(input) && i < len(code) && i < 7 && input[i] == code[i]; i++ {
		s++
	}
	return s
}

// typoScore sums, over the query words, how closely the best title word
// matches: 100 for the same word, less for each edit, 0 past a third of
// the word.
func typoScore(query, title []string) int {
	total := 0
	for _, q := range query {
		best := 0
		for _, t := range title {
			dist := textmatch.EditDistance(q, t)
			if len(t) > len(q) && strings.HasPrefix(t, q) {
				dist = 0
			}
			if s := 100 - 300*dist/max(len(q), 1); s > best {
				best = s
			}
		}
		total += best
	}
	return total
}
