package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journal"
)

// JournalPage lists the journal, offers the form and this week's prompt.
type JournalPage struct {
	Base
	Entries    []JournalView
	Kind       string // the ?kind= filter
	Kinds      []Option
	Challenges []Option
	Steps      []journal.Step
	Prompt     string
	Mood       template.HTML
	Form       JournalForm
	State      FormState
}

// Option is a value and its label for selects and filters.
type Option struct {
	Value, Label string
	Selected     bool
}

// JournalForm holds the values of the entry form, kept after an error.
type JournalForm struct {
	Kind, Title, Body, Date, Mood, Confidence, Challenge, Tags string
	Reflection                                                 map[string]string
}

// JournalView is one entry, formatted.
type JournalView struct {
	ID         int64
	Date       string
	Kind       string
	Title      string
	Body       string
	Mood       string
	Confidence string
	Challenge  string
	Tags       string
	Steps      []StepView
}

// StepView is one written step of a reflection.
type StepView struct{ Title, Text string }

var kindLabels = map[string]string{ladder.JournalWin: "Win", ladder.JournalChallenge: "Challenge",
	ladder.JournalLesson: "Lesson", ladder.JournalReflection: "Reflection"}

// Journal shows the journal page.
func (wb *Web) Journal(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.journalPage(w, r, JournalForm{Kind: ladder.JournalWin, Date: wb.J.DB.Now().Format("2006-01-02")})
	if err != nil {
		return err
	}
	return wb.render(w, r, "journal", page)
}

func (wb *Web) journalPage(w http.ResponseWriter, r *http.Request, form JournalForm) (*JournalPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	c, err := journal.Load()
	if err != nil {
		return nil, err
	}
	kind := r.URL.Query().Get("kind")
	if kind != "" && kindLabels[kind] == "" {
		return nil, fieldError(fmt.Sprintf("Unknown kind of entry %q: use win, challenge, lesson or reflection.", kind), "kind", "is not a kind of entry")
	}
	es, _, err := wb.J.Journal.FindJournal(ctx, ladder.JournalFilter{PersonID: p.ID, Kind: kind, Limit: 200})
	if err != nil {
		return nil, err
	}
	_, week := wb.J.DB.Now().ISOWeek()
	page := &JournalPage{Base: wb.base(w, r, "Journal", "journal"), Kind: kind, Steps: c.ReflectionSteps,
		Prompt: c.PromptFor(week), Form: form}
	for _, k := range ladder.JournalKinds {
		page.Kinds = append(page.Kinds, Option{Value: k, Label: kindLabels[k], Selected: k == form.Kind})
	}
	for _, ch := range c.Challenges {
		page.Challenges = append(page.Challenges, Option{Value: ch.Key, Label: ch.Title, Selected: ch.Key == form.Challenge})
	}
	for _, e := range es {
		page.Entries = append(page.Entries, journalView(c, e))
	}
	page.Mood = moodChart(es)
	return page, nil
}

func journalView(c *journal.Content, e *ladder.JournalEntry) JournalView {
	v := JournalView{ID: e.ID, Date: e.Date.Format("2 Jan 2006"), Kind: kindLabels[e.Kind], Title: e.Title, Body: e.Body,
		Mood: outOfFive(e.Mood), Confidence: outOfFive(e.Confidence), Tags: strings.Join(e.Tags, ", ")}
	if ch, ok := c.Challenge(e.Challenge); ok {
		v.Challenge = ch.Title
	}
	texts := []string{e.Reflection.Description, e.Reflection.Feelings, e.Reflection.Evaluation,
		e.Reflection.Analysis, e.Reflection.Conclusion, e.Reflection.ActionPlan}
	for i, t := range texts {
		if t != "" && i < len(c.ReflectionSteps) {
			v.Steps = append(v.Steps, StepView{Title: c.ReflectionSteps[i].Title, Text: t})
		}
	}
	return v
}

func outOfFive(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v) + "/5"
}

// moodChart draws mood over time, oldest first, from the entries that
// record one.
func moodChart(es []*ladder.JournalEntry) template.HTML {
	l := charts.Line{ID: "mood", Title: "Mood over time", YMin: 1, YMax: 5, YLabel: "Mood (1-5)"}
	for i := len(es) - 1; i >= 0; i-- {
		if es[i].Mood > 0 {
			l.Points = append(l.Points, charts.Point{At: es[i].Date, Value: float64(es[i].Mood), Label: es[i].Title})
		}
	}
	if len(l.Points) == 0 {
		return charts.Empty("mood", "Mood over time", "Record your mood with an entry to see it here")
	}
	return l.HTML()
}

// CreateJournalEntry saves an entry from the form.
func (wb *Web) CreateJournalEntry(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := JournalForm{Kind: r.PostFormValue("kind"), Title: r.PostFormValue("title"), Body: r.PostFormValue("body"),
		Date: r.PostFormValue("date"), Mood: r.PostFormValue("mood"), Confidence: r.PostFormValue("confidence"),
		Challenge: r.PostFormValue("challenge"), Tags: r.PostFormValue("tags"), Reflection: map[string]string{}}
	for _, k := range []string{"description", "feelings", "evaluation", "analysis", "conclusion", "action_plan"} {
		form.Reflection[k] = r.PostFormValue("r_" + k)
	}
	e, err := form.entry(p.ID)
	if err == nil {
		err = wb.J.Journal.CreateJournalEntry(ctx, e)
	}
	if err != nil {
		page, perr := wb.journalPage(w, r, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "journal", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/journal", "Saved: "+e.Title+".")
}

// entry parses the form into an entry; numbers and dates that do not parse
// are field errors, the rest is the domain's validation.
func (f JournalForm) entry(personID int64) (*ladder.JournalEntry, error) {
	e := &ladder.JournalEntry{PersonID: personID, Kind: f.Kind, Title: f.Title, Body: f.Body, Challenge: f.Challenge,
		Reflection: ladder.Reflection{Description: f.Reflection["description"], Feelings: f.Reflection["feelings"],
			Evaluation: f.Reflection["evaluation"], Analysis: f.Reflection["analysis"], Conclusion: f.Reflection["conclusion"],
			ActionPlan: f.Reflection["action_plan"]}}
	if e.Kind != ladder.JournalChallenge {
		e.Challenge = ""
	}
	fe := ladder.FieldErrors{}
	d, err := time.Parse("2006-01-02", f.Date)
	if err != nil {
		fe.Add("date", "must be a date (YYYY-MM-DD)")
	}
	e.Date = d
	for _, n := range []struct {
		field, v string
		dst      *int
	}{{"mood", f.Mood, &e.Mood}, {"confidence", f.Confidence, &e.Confidence}} {
		if n.v == "" {
			continue
		}
		v, err := strconv.Atoi(n.v)
		if err != nil {
			fe.Add(n.field, "must be 1-5 (or empty)")
		}
		*n.dst = v
	}
	for _, t := range strings.Split(f.Tags, ",") {
		if t = strings.TrimSpace(t); t != "" {
			e.Tags = append(e.Tags, t)
		}
	}
	if len(fe) > 0 {
		addDomainErrors(fe, e.Validate())
		return nil, fe.Err("The journal entry is not valid.")
	}
	return e, nil
}

// DeleteJournalEntry removes one of the person's entries.
func (wb *Web) DeleteJournalEntry(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Journal entry")
	if err != nil {
		return err
	}
	p := ladder.PersonFromContext(r.Context())
	if err := wb.J.Journal.DeleteJournalEntry(r.Context(), p.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/journal", "Entry deleted.")
}

// BragPage is the printable list of wins.
type BragPage struct {
	Base
	Wins []JournalView
}

// Brag shows every win, for reviews.
func (wb *Web) Brag(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	c, err := journal.Load()
	if err != nil {
		return err
	}
	es, _, err := wb.J.Journal.FindJournal(r.Context(), ladder.JournalFilter{PersonID: p.ID, Kind: ladder.JournalWin})
	if err != nil {
		return err
	}
	page := BragPage{Base: wb.base(w, r, "Brag document", "journal")}
	for _, e := range es {
		page.Wins = append(page.Wins, journalView(c, e))
	}
	return wb.render(w, r, "brag", page)
}

// ChallengesPage lists the common challenges with strategies.
type ChallengesPage struct {
	Base
	Challenges []journal.Challenge
}

// Challenges shows the challenges of the move and what helps.
func (wb *Web) Challenges(w http.ResponseWriter, r *http.Request) error {
	c, err := journal.Load()
	if err != nil {
		return err
	}
	return wb.render(w, r, "challenges", ChallengesPage{Base: wb.base(w, r, "Challenges of the move", "journal"), Challenges: c.Challenges})
}
