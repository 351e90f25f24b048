package charts

import (
	"strings"
	"unicode/utf8"
)

// box is an axis-aligned rectangle in user units.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func pad(a box, d float64) box { return box{a.x0 - d, a.y0 - d, a.x1 + d, a.y1 + d} }

func (a box) union(b box) box {
	return box{min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1)}
}

// textWidth estimates the advance of s at font size fs.
func textWidth(s string, fs float64) float64 {
	return float64(utf8.RuneCountInString(s)) * fs * charWidth
}

// blockBox is the box of lines of text whose block top is top, anchored at x.
func blockBox(x, top, fs float64, anchor string, lines []string) box {
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, fs))
	}
	x0 := x
	switch anchor {
	case "middle":
		x0 = x - w/2
	case "end":
		x0 = x - w
	}
	return box{x0, top, x0 + w, top + float64(len(lines))*fs*lineHeight}
}

// wrap breaks s into lines of at most maxChars runes, at spaces and after
// hyphens, splitting words longer than a line. Past maxLines the last line
// ends in "…" and cut is true. Lines are substrings of s with its
// whitespace tidied, so wrapping allocates little.
func wrap(s string, maxChars, maxLines int) (lines []string, cut bool) {
	s = tidy(s)
	if s == "" {
		return nil, false
	}
	if utf8.RuneCountInString(s) <= maxChars {
		return []string{s}, false
	}
	start, end, n := 0, 0, 0 // the line so far is s[start:end], n runes
	for i := 0; i < len(s); {
		j := partEnd(s, i)
		k := utf8.RuneCountInString(s[i:j])
		sep := 0
		if n > 0 && s[i-1] == ' ' {
			sep = 1
		}
		if n > 0 && n+sep+k > maxChars {
			lines = append(lines, s[start:end])
			start, n, sep = i, 0, 0
		}
		for k > maxChars { // a word longer than a line
			b := i + byteIndexOfRune(s[i:j], maxChars)
			lines = append(lines, s[i:b])
			i, start, k = b, b, k-maxChars
		}
		n, end = n+sep+k, j
		i = j
		if i < len(s) && s[i] == ' ' {
			i++
		}
	}
	lines = append(lines, s[start:end])
	if len(lines) <= maxLines {
		return lines, false
	}
	lines = lines[:maxLines:maxLines]
	last := lines[maxLines-1]
	last = last[:byteIndexOfRune(last, maxChars-1)]
	lines[maxLines-1] = strings.TrimRight(last, " ") + "…"
	return lines, true
}

// partEnd returns the end of the unbreakable part of s starting at i: up
// to a space, or just after a hyphen inside a word.
func partEnd(s string, i int) int {
	for j := i; j < len(s); j++ {
		switch {
		case s[j] == ' ':
			return j
		case s[j] == '-' && j > i && j+1 < len(s) && s[j+1] != ' ':
			return j + 1
		}
	}
	return len(s)
}

func byteIndexOfRune(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// truncate shortens s to at most maxChars runes, ending in "…" when cut.
func truncate(s string, maxChars int) (string, bool) {
	s = tidy(s)
	if utf8.RuneCountInString(s) <= maxChars {
		return s, false
	}
	return strings.TrimRight(s[:byteIndexOfRune(s, max(maxChars-1, 0))], " ") + "…", true
}

// tidy trims ASCII whitespace and turns each run of it into one space.
// Other spaces, such as U+00A0, are left alone: they are meant not to break.
func tidy(s string) string {
	if isTidy(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		if asciiSpace(s[i]) {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, s[i])
	}
	return string(b)
}

func isTidy(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSpace(c) && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
