package onet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ladderhq/ladder"
)

// SearchResult is an occupation found by Search or Suggest.
type SearchResult struct {
	Code  string
	Title string
	// Match says what matched: "code", "title", or the alternate title.
	Match string
	rank  int
}

// Match ranks, best first.
const (
	rankCode = 6 - iota
	rankCodePrefix
	rankExactTitle
	rankTitlePrefix
	rankTitleWords
	rankAltTitle
)

// Search finds occupations by code prefix ("15-12"), title or alternate
// title, ignoring case. Every word of the query must begin a word of the
// title ("network admin" finds Network and Computer Systems
// Administrators). Results rank exact code, code prefix, exact title, title
// prefix, title words, alternate titles, then by code; limit <= 0 means all.
func (d *Dataset) Search(query string, limit int) []SearchResult {
	query = strings.TrimSpace(query)
	words := stemmed(tokens(query))
	if len(words) == 0 {
		return nil
	}
	phrase := strings.Join(tokens(query), " ")
	isCode := looksLikeCode(query)
	var res []SearchResult
	for i := range d.Occupations {
		o := &d.Occupations[i]
		r := SearchResult{Code: o.Code, Title: o.Title}
		switch {
		case isCode && o.Code == normalizeCode(query):
			r.rank, r.Match = rankCode, "code"
		case isCode && strings.HasPrefix(o.Code, query):
			r.rank, r.Match = rankCodePrefix, "code"
		default:
			r.rank, r.Match = matchTitles(o, phrase, words)
		}
		if r.rank > 0 {
			res = append(res, r)
		}
	}
	slices.SortFunc(res, func(a, b SearchResult) int {
		return cmp.Or(cmp.Compare(b.rank, a.rank), strings.Compare(a.Code, b.Code))
	})
	if limit > 0 && len(res) > limit {
		res = res[:limit]
	}
	return res
}

// matchTitles ranks o's title and alternate titles against the query.
func matchTitles(o *Occupation, phrase string, words []string) (int, string) {
	title := strings.Join(tokens(o.Title), " ")
	switch {
	case title == phrase:
		return rankExactTitle, "title"
	case strings.HasPrefix(title, phrase):
		return rankTitlePrefix, "title"
	case hasAllWords(o.Title, words):
		return rankTitleWords, "title"
	}
	for _, a := range o.AltTitles {
		if hasAllWords(a, words) {
			return rankAltTitle, a
		}
	}
	return 0, ""
}

// tokens splits s into lower-case words of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isAlnum(r) })
}

// stemmed drops a plural "s" so that "managers" matches "Manager"; the
// words are matched as prefixes, so "manager" still matches "Managers".
func stemmed(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		if len(w) > 3 && strings.HasSuffix(w, "s") {
			w = w[:len(w)-1]
		}
		out[i] = w
	}
	return out
}

// hasAllWords reports whether every word begins a word of s. It does not
// allocate: Search runs it over some 56,000 alternate titles.
func hasAllWords(s string, words []string) bool {
	for _, w := range words {
		if !hasWordPrefix(s, w) {
			return false
		}
	}
	return true
}

// hasWordPrefix reports whether a word of s starts with w (lower case),
// folding ASCII case.
func hasWordPrefix(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if i > 0 && isAlnum(rune(s[i-1])) {
			continue
		}
		if foldPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

func foldPrefix(s, w string) bool {
	for j := 0; j < len(w); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
	}
	return true
}

func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r >= 0x80
}

func looksLikeCode(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	return strings.Trim(s, "0123456789-.") == ""
}

// Lookup returns the occupation with the given code, or an ENOTFOUND error
// that lists the closest codes and titles.
func (d *Dataset) Lookup(code string) (*Occupation, error) {
	if o, ok := d.Occupation(code); ok {
		return o, nil
	}
	msg := fmt.Sprintf("no O*NET occupation %q", strings.TrimSpace(code))
	if s := d.Suggest(code, 3); len(s) > 0 {
		var alts []string
		for _, r := range s {
			alts = append(alts, r.Code+" "+r.Title)
		}
		msg += "; did you mean " + strings.Join(alts, ", or ") + "?"
	}
	return nil, ladder.Errorf(ladder.ENOTFOUND, "%s", msg)
}
