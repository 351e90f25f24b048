package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/charts"
)

// StakeholdersPage is the stakeholder map: the influence/interest grid
// with its table, the list by quadrant and the forms.
type StakeholdersPage struct {
	Base
	Map       template.HTML
	Table     charts.Table
	Quadrants []QuadrantView
	Add       StakeholderFormView
}

// QuadrantView is one quadrant with its stakeholders and what to do.
type QuadrantView struct {
	Key, Name, Advice string
	Items             []StakeholderView
}

// StakeholderView is a stakeholder with its edit form.
type StakeholderView struct {
	ID                  int64
	Number              int // the marker's number on the map
	Name, Role, Needs   string
	Notes, NextContact  string
	Influence, Interest int
	Edit                StakeholderFormView
}

// StakeholderFormView is a stakeholder form with its values and errors.
type StakeholderFormView struct {
	Action, Button, Prefix string // Prefix keeps element ids unique on the page
	Form                   StakeholderForm
	State                  FormState
}

// StakeholderForm holds the values of a stakeholder form.
type StakeholderForm struct {
	Name, Role, Influence, Interest, Needs, Notes, Next string
}

// quadrantNames and quadrantAdvice say what each quadrant means.
var (
	quadrantNames = map[string]string{ladder.QuadrantManageClosely: "Manage closely", ladder.QuadrantKeepSatisfied: "Keep satisfied",
		ladder.QuadrantKeepInformed: "Keep informed", ladder.QuadrantMonitor: "Monitor"}
	quadrantAdvice = map[string]string{
		ladder.QuadrantManageClosely: "High influence, high interest: meet them often, involve them in decisions.",
		ladder.QuadrantKeepSatisfied: "High influence, lower interest: keep them content without burying them in detail.",
		ladder.QuadrantKeepInformed:  "Lower influence, high interest: tell them regularly what is happening; they often spot problems early.",
		ladder.QuadrantMonitor:       "Lower influence, lower interest: keep an eye on them with little effort.",
	}
)

// Stakeholders shows the map.
func (wb *Web) Stakeholders(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.stakeholdersPage(w, r, StakeholderForm{Influence: "3", Interest: "3"})
	if err != nil {
		return err
	}
	return wb.render(w, r, "stakeholders", page)
}

func (wb *Web) stakeholdersPage(w http.ResponseWriter, r *http.Request, form StakeholderForm) (*StakeholdersPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	ss, err := wb.J.Stakeholders.FindStakeholders(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	page := &StakeholdersPage{Base: wb.base(w, r, "Stakeholders", "stakeholders"),
		Add: StakeholderFormView{Action: "/stakeholders", Button: "Add", Prefix: "new", Form: form}}
	g := stakeholderGrid(ss)
	page.Map, page.Table = g.HTML(), g.Table()
	for _, q := range ladder.Quadrants {
		qv := QuadrantView{Key: q, Name: quadrantNames[q], Advice: quadrantAdvice[q]}
		for i, s := range ss {
			if s.Quadrant() == q {
				v := stakeholderView(s)
				v.Number = i + 1
				qv.Items = append(qv.Items, v)
			}
		}
		page.Quadrants = append(page.Quadrants, qv)
	}
	return page, nil
}

// stakeholderGrid places the stakeholders by influence (up) and interest
// (across), numbered in the order of the list.
func stakeholderGrid(ss []*ladder.Stakeholder) charts.Grid {
	g := charts.Grid{ID: "stakeholder-map", Title: "Stakeholders by influence and interest", XLabel: "Interest", YLabel: "Influence",
		Max: 5, High: ladder.HighScore, Quadrants: [4]string{quadrantNames[ladder.QuadrantKeepSatisfied],
			quadrantNames[ladder.QuadrantManageClosely], quadrantNames[ladder.QuadrantMonitor], quadrantNames[ladder.QuadrantKeepInformed]}}
	for _, s := range ss {
		label := s.Name
		if s.Role != "" {
			label += ", " + s.Role
		}
		g.Points = append(g.Points, charts.GridPoint{Label: label, X: s.Interest, Y: s.Influence})
	}
	return g
}

func stakeholderView(s *ladder.Stakeholder) StakeholderView {
	id := strconv.FormatInt(s.ID, 10)
	return StakeholderView{ID: s.ID, Name: s.Name, Role: s.Role, Needs: s.Needs, Notes: s.Notes, NextContact: dayText(s.NextContact),
		Influence: s.Influence, Interest: s.Interest,
		Edit: StakeholderFormView{Action: "/stakeholders/" + id, Button: "Save", Prefix: "s" + id,
			Form: StakeholderForm{Name: s.Name, Role: s.Role, Influence: strconv.Itoa(s.Influence), Interest: strconv.Itoa(s.Interest),
				Needs: s.Needs, Notes: s.Notes, Next: isoDay(s.NextContact)}}}
}

func stakeholderForm(r *http.Request) StakeholderForm {
	return StakeholderForm{Name: r.PostFormValue("name"), Role: r.PostFormValue("role"), Influence: r.PostFormValue("influence"),
		Interest: r.PostFormValue("interest"), Needs: r.PostFormValue("needs"), Notes: r.PostFormValue("notes"),
		Next: r.PostFormValue("next_contact")}
}

// stakeholder parses the form.
func (f StakeholderForm) stakeholder(personID, id int64) (*ladder.Stakeholder, error) {
	s := &ladder.Stakeholder{ID: id, PersonID: personID, Name: f.Name, Role: f.Role, Needs: f.Needs, Notes: f.Notes}
	fe := ladder.FieldErrors{}
	for _, n := range []struct {
		field, v string
		dst      *int
	}{{"influence", f.Influence, &s.Influence}, {"interest", f.Interest, &s.Interest}} {
		v, err := strconv.Atoi(strings.TrimSpace(n.v))
		if err != nil {
			fe.Add(n.field, "must be 1-5")
		}
		*n.dst = v
	}
	if t := formDate(fe, "next_contact", strings.TrimSpace(f.Next)); t != nil {
		s.NextContact = *t
	}
	if len(fe) > 0 {
		addDomainErrors(fe, s.Validate())
		return nil, fe.Err("The stakeholder is not valid.")
	}
	return s, nil
}

// CreateStakeholder adds a stakeholder from the form.
func (wb *Web) CreateStakeholder(w http.ResponseWriter, r *http.Request) error {
	return wb.saveStakeholder(w, r, 0)
}

// UpdateStakeholder saves a stakeholder's edit form.
func (wb *Web) UpdateStakeholder(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Stakeholder")
	if err != nil {
		return err
	}
	p := ladder.PersonFromContext(r.Context())
	if _, err := wb.J.Stakeholders.FindStakeholder(r.Context(), p.ID, id); err != nil {
		return err
	}
	return wb.saveStakeholder(w, r, id)
}

func (wb *Web) saveStakeholder(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := stakeholderForm(r)
	s, err := form.stakeholder(p.ID, id)
	switch {
	case err != nil:
	case id == 0:
		err = wb.J.Stakeholders.CreateStakeholder(ctx, s)
	default:
		err = wb.J.Stakeholders.UpdateStakeholder(ctx, s)
	}
	if err != nil {
		blank := StakeholderForm{Influence: "3", Interest: "3"}
		if id == 0 {
			blank = form
		}
		page, perr := wb.stakeholdersPage(w, r, blank)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "stakeholders", &page.Base, err, func(msg string, f map[string]string) any {
			state := FormState{Error: msg, Fields: f}
			if id == 0 {
				page.Add.State = state
			}
			for qi := range page.Quadrants {
				for i := range page.Quadrants[qi].Items {
					if it := &page.Quadrants[qi].Items[i]; it.ID == id {
						it.Edit.Form, it.Edit.State = form, state
					}
				}
			}
			return page
		})
	}
	return redirect(w, r, "/stakeholders", "Saved "+s.Name+": "+strings.ToLower(quadrantNames[s.Quadrant()])+".")
}

// DeleteStakeholder removes a stakeholder.
func (wb *Web) DeleteStakeholder(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	id, err := pathID(r, "Stakeholder")
	if err != nil {
		return err
	}
	if err := wb.J.Stakeholders.DeleteStakeholder(r.Context(), p.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/stakeholders", "Removed the stakeholder.")
}
