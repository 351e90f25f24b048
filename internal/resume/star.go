// Package resume turns a person's evidence log into resume bullets in STAR
// shape (situation, task, action, result) with the figures they logged,
// ranks them for a target role, writes them out as Markdown or plain text,
// and outlines a cover letter (PRODUCT.md C15). It does no I/O: the
// journey layer feeds it evidence, the role and the gaps.
package resume

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/ladderhq/ladder"
)

// Bullet is a bullet generated from one evidence entry.
type Bullet struct {
	EvidenceID int64
	// Date is the entry's last day; recent work ranks first among equals.
	Date                            time.Time
	Situation, Task, Action, Result string
	// Text is the one line that goes on the resume.
	Text         string
	Competencies []string
	// HasFigures says the entry logged a measurable result (money or
	// hours saved); such bullets rank a little higher.
	HasFigures bool
	// Missing lists what the entry lacks to make a strong bullet, in words
	// for people: "a result with a figure", "the team size", "dates".
	Missing []string
}

// kindText is what the generator says for one kind of evidence: the verb
// that opens a line whose title is not a verb phrase, the situation and
// task in our words, and how the people count reads.
type kindText struct {
	verb      string
	situation string
	task      string
	people    func(n int) string
}

func team(n int) string {
	if n == 1 {
		return "with one colleague"
	}
	return "with a team of " + strconv.Itoa(n)
}

var kinds = map[string]kindText{
	ladder.EvidenceLedProject: {"Led", "a project needed someone to own it", "Lead the work from plan to delivery", team},
	ladder.EvidenceMentored: {"Mentored", "a colleague needed support to grow in their role", "Help them build skills and confidence",
		func(n int) string {
			if n == 1 {
				return ""
			}
			return "mentoring " + strconv.Itoa(n) + " people"
		}},
	ladder.EvidenceFacilitated: {"Facilitated", "a team needed a meeting or routine that worked", "Run it so that people could decide and move on",
		func(n int) string { return "for a group of " + strconv.Itoa(n) }},
	ladder.EvidenceResolvedConflict: {"Resolved", "a disagreement was holding the work back", "Settle it so the team could work together again",
		func(n int) string { return "between " + strconv.Itoa(n) + " people" }},
	ladder.EvidenceBudget: {"Managed", "money had to be planned, justified or controlled", "Own the figures and keep spending on plan", team},
	ladder.EvidenceVendor: {"Managed", "a supplier or contract needed handling", "Get the right terms and service for the organisation", team},
	ladder.EvidenceExecPresentation: {"Presented", "executives needed to understand the work to decide", "Explain it in business terms and get a decision",
		func(n int) string { return "to " + strconv.Itoa(n) + " decision makers" }},
	ladder.EvidenceIncidentLead: {"Led the response to", "an incident disrupted service", "Restore service and keep the business informed", team},
	ladder.EvidenceHiring: {"Led hiring for", "the team needed new people", "Find and choose the right people",
		func(n int) string { return "for a team of " + strconv.Itoa(n) }},
	ladder.EvidenceProcessImprovement: {"Improved", "a process was slower or less reliable than it should be", "Make it faster and more dependable", team},
	ladder.EvidenceCostSaving:         {"Reduced the cost of", "costs were higher than they needed to be", "Cut what the work costs without hurting the service", team},
	ladder.EvidenceOther:              {"Led", "there was a chance to take the lead", "Take charge and see it through", team},
}

// teamKinds are the kinds where the size of the team led is part of the
// story; for a vendor deal or a presentation it is not worth asking.
var teamKinds = map[string]bool{ladder.EvidenceLedProject: true, ladder.EvidenceIncidentLead: true,
	ladder.EvidenceFacilitated: true, ladder.EvidenceProcessImprovement: true, ladder.EvidenceOther: true}

// pastVerbs are common irregular past tenses a title may start with; a
// title that starts with one (or with a word ending in -ed) is used as it
// stands rather than behind the kind's verb.
var pastVerbs = map[string]bool{
	"led": true, "ran": true, "built": true, "won": true, "set": true, "cut": true, "made": true, "took": true,
	"gave": true, "drove": true, "wrote": true, "began": true, "brought": true, "taught": true, "held": true,
	"kept": true, "sold": true, "spoke": true, "chose": true, "found": true, "grew": true, "met": true, "put": true,
	"sent": true, "spent": true, "stood": true, "told": true, "oversaw": true, "undertook": true, "rebuilt": true,
	"rewrote": true, "shut": true, "saved": true, "hired": true,
}

// Generate makes the bullet of one evidence entry.
func Generate(e *ladder.Evidence) Bullet {
	k, ok := kinds[e.Kind]
	if !ok {
		k = kinds[ladder.EvidenceOther]
	}
	b := Bullet{EvidenceID: e.ID, Date: e.LastDay(), Competencies: append([]string(nil), e.Competencies...),
		HasFigures: e.MoneySaved.Amount > 0 || e.HoursSaved > 0}
	parts := splitSTAR(e.Description)
	scope := joinNonEmpty(" ", peopleText(k, e.PeopleCount), duration(e))
	results := resultText(e)

	b.Situation = firstNonEmpty(parts.situation, sentence(periodText(e)+", "+k.situation))
	b.Task = firstNonEmpty(parts.task, sentence(joinNonEmpty(" ", k.task, peopleText(k, e.PeopleCount))))
	b.Action = firstNonEmpty(parts.action, sentence(joinNonEmpty(" ", headline(e.Title, k), scope)))
	b.Result = parts.result
	if results != "" {
		b.Result = joinNonEmpty(" ", b.Result, sentence(upperFirst(results)))
	}
	line := joinNonEmpty(" ", headline(e.Title, k), scope)
	if results != "" {
		line += ", saving " + strings.TrimPrefix(results, "Saved ")
	}
	b.Text = sentence(line)

	if !b.HasFigures && parts.result == "" {
		b.Missing = append(b.Missing, "a result with a figure (money or hours saved)")
	}
	if e.PeopleCount == 0 && teamKinds[e.Kind] {
		b.Missing = append(b.Missing, "the team size")
	}
	if e.End.IsZero() && e.Months == 0 && (e.Kind == ladder.EvidenceLedProject || e.Kind == ladder.EvidenceProcessImprovement) {
		b.Missing = append(b.Missing, "how long it ran (an end date or months)")
	}
	return b
}

// star holds the parts of a description written as labelled STAR steps.
type star struct{ situation, task, action, result string }

var labelRE = regexp.MustCompile(`(?i)\b(situation|task|action|result)\s*:\s*`)

// splitSTAR reads "Situation: ... Task: ... Action: ... Result: ..." (any
// subset, any order). A description without labels of two or more
// sentences gives its first sentence as the situation and the rest as the
// action; one sentence is the action.
func splitSTAR(desc string) star {
	desc = strings.TrimSpace(desc)
	var s star
	locs := labelRE.FindAllStringSubmatchIndex(desc, -1)
	if len(locs) == 0 {
		if desc == "" {
			return s
		}
		if i := sentenceEnd(desc); i > 0 && i < len(desc) {
			s.situation, s.action = strings.TrimSpace(desc[:i]), strings.TrimSpace(desc[i:])
		} else {
			s.action = desc
		}
		return s
	}
	if lead := strings.TrimSpace(desc[:locs[0][0]]); lead != "" {
		s.situation = sentence(lead)
	}
	for i, l := range locs {
		end := len(desc)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		text := sentence(strings.TrimSpace(desc[l[1]:end]))
		switch strings.ToLower(desc[l[2]:l[3]]) {
		case "situation":
			s.situation = joinNonEmpty(" ", s.situation, text)
		case "task":
			s.task = text
		case "action":
			s.action = text
		case "result":
			s.result = text
		}
	}
	return s
}

// sentenceEnd returns the index just after the first sentence of s, or -1.
func sentenceEnd(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			return i + 1
		}
	}
	return -1
}

// headline is the title as an action: as it stands when it starts with a
// past-tense verb, else behind the kind's verb.
func headline(title string, k kindText) string {
	title = strings.TrimRight(strings.TrimSpace(title), ".")
	first, _, _ := strings.Cut(title, " ")
	low := strings.ToLower(first)
	if pastVerbs[low] || (strings.HasSuffix(low, "ed") && len(low) > 4) {
		return upperFirst(title)
	}
	return k.verb + " " + lowerFirst(title)
}

func peopleText(k kindText, n int) string {
	if n <= 0 {
		return ""
	}
	return k.people(n)
}

// duration says how long the entry ran. A range shorter than four weeks
// is counted in weeks from its days, which months to one decimal would
// blur.
func duration(e *ladder.Evidence) string {
	if e.Months == 0 && !e.End.IsZero() {
		switch days := int(e.End.Sub(e.Start).Hours()/24) + 1; {
		case days <= 1:
			return ""
		case days < 7:
			return "over " + plural(float64(days), "day")
		case days < 28:
			return "over " + plural(math.Round(float64(days)/7), "week")
		}
	}
	return durationText(e.ProjectMonths())
}

// durationText says how long the work ran: months, or weeks under a month.
func durationText(months float64) string {
	switch {
	case months <= 0:
		return ""
	case months < 1:
		w := max(1, int(math.Round(months*30.44/7)))
		return "over " + plural(float64(w), "week")
	}
	return "over " + plural(months, "month")
}

// resultText gives the measurable results, such as "Saved 12,000 EUR and
// 110 hours"; "" when none were logged.
func resultText(e *ladder.Evidence) string {
	var figs []string
	if e.MoneySaved.Amount > 0 {
		figs = append(figs, Money(e.MoneySaved))
	}
	if e.HoursSaved > 0 {
		figs = append(figs, plural(e.HoursSaved, "hour"))
	}
	if len(figs) == 0 {
		return ""
	}
	return "Saved " + strings.Join(figs, " and ")
}

// periodText dates the entry: "In March 2025", "From January to June
// 2025", "From November 2024 to February 2025".
func periodText(e *ladder.Evidence) string {
	s, end := e.Start, e.End
	switch {
	case s.IsZero():
		return "Recently"
	case end.IsZero() || (end.Year() == s.Year() && end.Month() == s.Month()):
		return "In " + s.Format("January 2006")
	case end.Year() == s.Year():
		return "From " + s.Format("January") + " to " + end.Format("January 2006")
	}
	return "From " + s.Format("January 2006") + " to " + end.Format("January 2006")
}

// Money formats an amount with thousands separators: "12,000 EUR".
func Money(m ladder.Money) string {
	digits := strconv.FormatInt(m.Amount, 10)
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String() + " " + m.Currency)
}

// plural formats a count with its unit: "1 hour", "12.5 hours", "6 months".
func plural(v float64, unit string) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if s != "1" {
		unit += "s"
	}
	return s + " " + unit
}

func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	s = upperFirst(s)
	if last := s[len(s)-1]; last != '.' && last != '!' && last != '?' {
		s += "."
	}
	return s
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// lowerFirst lowers the first letter unless the word is an acronym or a
// code ("SAN", "ITIL", "P1").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 || (len(r) > 1 && (unicode.IsUpper(r[1]) || unicode.IsDigit(r[1]))) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
