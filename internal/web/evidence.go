package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/certs"
)

// EvidencePage is the evidence log: what the person did, with its figures.
type EvidencePage struct {
	Base
	Entries      []EvidenceView
	Kinds        []Option
	Competencies []Option
	Form         EvidenceForm
	State        FormState
	Led          int    // projects led
	LedMonths    string // months leading projects, overlaps merged
	Total        int
}

// EvidenceForm keeps the form's values after an error.
type EvidenceForm struct {
	Kind, Title, Description, Start, End, Money, Hours, People string
}

// EvidenceView is one entry, formatted.
type EvidenceView struct {
	ID           int64
	Kind         string
	Title        string
	Description  string
	Dates        string
	Competencies string
	Figures      string
}

// Evidence shows the evidence log and the form to add to it.
func (wb *Web) Evidence(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.evidencePage(w, r, EvidenceForm{Kind: ladder.EvidenceLedProject}, nil)
	if err != nil {
		return err
	}
	return wb.render(w, r, "evidence", page)
}

func (wb *Web) evidencePage(w http.ResponseWriter, r *http.Request, form EvidenceForm, chosen map[string]bool) (*EvidencePage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	m, err := wb.J.Model(ctx)
	if err != nil {
		return nil, err
	}
	es, total, err := wb.J.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: p.ID, Limit: 500})
	if err != nil {
		return nil, err
	}
	page := &EvidencePage{Base: wb.base(w, r, "Evidence", "evidence"), Form: form, Total: total}
	for _, k := range ladder.EvidenceKinds() {
		page.Kinds = append(page.Kinds, Option{Value: k.Key, Label: k.Label, Selected: k.Key == form.Kind})
	}
	for _, c := range m.Competencies() {
		page.Competencies = append(page.Competencies, Option{Value: c.Key, Label: c.Name, Selected: chosen[c.Key]})
	}
	var led [][2]time.Time
	for _, e := range es {
		page.Entries = append(page.Entries, evidenceView(m, e))
		if e.Kind == ladder.EvidenceLedProject {
			led = append(led, [2]time.Time{e.Start, e.LastDay()})
		}
	}
	page.Led = len(led)
	page.LedMonths = strconv.FormatFloat(certs.CoveredMonths(led), 'f', 0, 64)
	return page, nil
}

func evidenceView(m *ladder.Model, e *ladder.Evidence) EvidenceView {
	label, _ := ladder.EvidenceKindLabel(e.Kind)
	v := EvidenceView{ID: e.ID, Kind: label, Title: e.Title, Description: e.Description, Dates: e.Start.Format("Jan 2006")}
	if !e.End.IsZero() && !e.End.Equal(e.Start) {
		v.Dates += " – " + e.End.Format("Jan 2006")
	}
	var names []string
	for _, k := range e.Competencies {
		if c, ok := m.Competency(k); ok {
			names = append(names, c.Name)
		}
	}
	v.Competencies = strings.Join(names, ", ")
	var figs []string
	if !e.MoneySaved.IsZero() {
		figs = append(figs, e.MoneySaved.String()+" saved")
	}
	if e.HoursSaved > 0 {
		figs = append(figs, strconv.FormatFloat(e.HoursSaved, 'f', -1, 64)+" hours saved")
	}
	if e.PeopleCount > 0 {
		figs = append(figs, fmt.Sprintf("%d people", e.PeopleCount))
	}
	if mo := e.ProjectMonths(); mo >= 1 {
		figs = append(figs, strconv.FormatFloat(mo, 'f', 0, 64)+" months")
	}
	v.Figures = strings.Join(figs, " · ")
	return v
}

// CreateEvidence adds an entry from the form.
func (wb *Web) CreateEvidence(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	if err := r.ParseForm(); err != nil {
		return ladder.Errorf(ladder.EINVALID, "The form could not be read.")
	}
	form := EvidenceForm{Kind: r.PostFormValue("kind"), Title: r.PostFormValue("title"), Description: r.PostFormValue("description"),
		Start: r.PostFormValue("start"), End: r.PostFormValue("end"), Money: r.PostFormValue("money"),
		Hours: r.PostFormValue("hours_saved"), People: r.PostFormValue("people")}
	chosen := map[string]bool{}
	for _, k := range r.PostForm["competencies"] {
		chosen[k] = true
	}
	e, err := form.entry(p.ID, r.PostForm["competencies"], wb.J.DB.Now())
	if err == nil {
		err = wb.J.Evidence.CreateEvidence(ctx, e)
	}
	if err != nil {
		page, perr := wb.evidencePage(w, r, form, chosen)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "evidence", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/evidence", "Logged: "+e.Title+".")
}

// entry parses the form; the domain validates the rest.
func (f EvidenceForm) entry(personID int64, comps []string, now time.Time) (*ladder.Evidence, error) {
	e := &ladder.Evidence{PersonID: personID, Kind: f.Kind, Title: f.Title, Description: f.Description, Competencies: comps}
	fe := ladder.FieldErrors{}
	var err error
	if e.Start, err = time.Parse("2006-01-02", f.Start); err != nil {
		fe.Add("start", "must be a date (YYYY-MM-DD)")
	}
	if f.End != "" {
		if e.End, err = time.Parse("2006-01-02", f.End); err != nil {
			fe.Add("end", "must be a date (YYYY-MM-DD) or empty")
		}
	}
	if strings.TrimSpace(f.Money) != "" {
		if e.MoneySaved, err = ladder.ParseMoney(f.Money); err != nil {
			fe.Add("money", "%s", ladder.ErrorMessage(err))
		}
	}
	if f.Hours != "" {
		if e.HoursSaved, err = strconv.ParseFloat(f.Hours, 64); err != nil {
			fe.Add("hours_saved", "must be a number")
		}
	}
	if f.People != "" {
		if e.PeopleCount, err = strconv.Atoi(f.People); err != nil {
			fe.Add("people", "must be a whole number")
		}
	}
	if len(fe) > 0 {
		addDomainErrors(fe, e.Validate(now))
		return nil, fe.Err("The evidence entry is not valid.")
	}
	return e, nil
}

// DeleteEvidence removes one of the person's entries.
func (wb *Web) DeleteEvidence(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Evidence entry")
	if err != nil {
		return err
	}
	p := ladder.PersonFromContext(r.Context())
	if err := wb.J.Evidence.DeleteEvidence(r.Context(), p.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/evidence", "Entry deleted.")
}
