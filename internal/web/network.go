package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/firstdays"
	"github.com/ladderhq/ladder/internal/journey"
)

// NetworkPage shows contacts (follow-ups due first), professional
// organisations and events, with a form for each.
type NetworkPage struct {
	Base
	Contacts    []ContactView
	Due         int // follow-ups due today or before
	Memberships []MembershipView
	Events      []EventView
	Contact     ContactForm
	ContactErr  FormState
	Membership  MembershipForm
	MemberErr   FormState
	Event       EventForm
	EventErr    FormState
	Orgs        []Option
	MemberOpts  []Option
	EventOpts   []Option
	People      []Option // contacts to pick as met at a new event
	Suggestions []firstdays.Organisation
}

// ContactForm holds the values of the contact form.
type ContactForm struct {
	Name, Organisation, Title, WhereMet, HowHelp, Reach, LastContact, NextContact, Notes string
}

// MembershipForm holds the values of the membership form.
type MembershipForm struct {
	Org, Name, Status, Since, Renewal, Notes string
}

// EventForm holds the values of the event form.
type EventForm struct {
	Name, Date, Location, Status, Notes string
	Contacts                            []string
}

// ContactView is one contact with its forms.
type ContactView struct {
	ID                                                  int64
	Name, Organisation, Title, WhereMet, HowHelp, Reach string
	Notes                                               string
	LastContact, NextContact                            string
	Form                                                ContactForm // the edit form's values
	Due, Overdue                                        bool
	Error                                               string
}

// MembershipView is one membership with its form.
type MembershipView struct {
	ID                             int64
	Name, Purpose, Website, Status string
	Since, Renewal                 string
	Notes                          string
	Form                           MembershipForm // the edit form's values
	Statuses                       []Option
	Error                          string
}

// EventView is one event with its form.
type EventView struct {
	ID                   int64
	Name, Date, Location string
	Status, Notes        string
	Met                  string
	Form                 EventForm // the edit form's values
	Statuses, People     []Option
	Error                string
}

var (
	membershipLabels = map[string]string{ladder.MembershipConsidering: "Considering", ladder.MembershipMember: "Member",
		ladder.MembershipLapsed: "Lapsed"}
	eventLabels = map[string]string{ladder.EventPlanned: "Planned", ladder.EventAttended: "Attended", ladder.EventSkipped: "Skipped"}
)

func dayValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func dayLabel(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("Mon 2 Jan 2006")
}

// Network shows the network page.
func (wb *Web) Network(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.networkPage(w, r)
	if err != nil {
		return err
	}
	return wb.render(w, r, "network", page)
}

func (wb *Web) networkPage(w http.ResponseWriter, r *http.Request) (*NetworkPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	cs, err := wb.J.Network.FindContacts(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	ms, err := wb.J.Network.FindMemberships(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	es, err := wb.J.Network.FindNetworkEvents(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	today := ladder.Day(wb.J.DB.Now())
	page := &NetworkPage{Base: wb.base(w, r, "Network", "network"), Membership: MembershipForm{Status: ladder.MembershipConsidering},
		Event: EventForm{Status: ladder.EventPlanned}}
	names := map[int64]string{}
	for _, ct := range cs {
		v := ContactView{ID: ct.ID, Name: ct.Name, Organisation: ct.Organisation, Title: ct.Title, WhereMet: ct.WhereMet,
			HowHelp: ct.HowHelp, Reach: ct.Reach, Notes: ct.Notes, LastContact: dayLabel(ct.LastContact), NextContact: dayLabel(ct.NextContact),
			Due: !ct.NextContact.IsZero() && !ct.NextContact.After(today.AddDate(0, 0, 7)), Overdue: !ct.NextContact.IsZero() && ct.NextContact.Before(today),
			Form: ContactForm{Name: ct.Name, Organisation: ct.Organisation, Title: ct.Title, WhereMet: ct.WhereMet, HowHelp: ct.HowHelp,
				Reach: ct.Reach, LastContact: dayValue(ct.LastContact), NextContact: dayValue(ct.NextContact), Notes: ct.Notes}}
		if !ct.NextContact.IsZero() && !ct.NextContact.After(today) {
			page.Due++
		}
		page.Contacts = append(page.Contacts, v)
		page.People = append(page.People, Option{Value: strconv.FormatInt(ct.ID, 10), Label: ct.Name})
		names[ct.ID] = ct.Name
	}
	held := map[string]bool{}
	for _, m := range ms {
		v := MembershipView{ID: m.ID, Name: journey.MembershipName(m), Status: membershipLabels[m.Status], Since: dayLabel(m.Since),
			Renewal: dayLabel(m.Renewal), Notes: m.Notes}
		if o, ok := journey.Organisation(m.OrgKey); ok {
			v.Purpose, v.Website = o.Purpose, o.Website
			held[o.Key] = true
		}
		v.setForm(MembershipForm{Status: m.Status, Since: dayValue(m.Since), Renewal: dayValue(m.Renewal), Notes: m.Notes})
		page.Memberships = append(page.Memberships, v)
	}
	for _, o := range c.Organisations {
		page.Orgs = append(page.Orgs, Option{Value: o.Key, Label: o.Name})
		if !held[o.Key] {
			page.Suggestions = append(page.Suggestions, o)
		}
	}
	for _, e := range es {
		v := EventView{ID: e.ID, Name: e.Name, Date: dayLabel(e.Date), Location: e.Location,
			Status: eventLabels[e.Status], Notes: e.Notes}
		var met, ids []string
		for _, id := range e.ContactIDs {
			met = append(met, names[id])
			ids = append(ids, strconv.FormatInt(id, 10))
		}
		v.Met = strings.Join(met, ", ")
		v.setForm(EventForm{Name: e.Name, Date: dayValue(e.Date), Location: e.Location, Status: e.Status, Notes: e.Notes, Contacts: ids},
			page.People)
		page.Events = append(page.Events, v)
	}
	page.setOptions()
	return page, nil
}

// setForm fills the edit form of a membership and marks its status.
func (v *MembershipView) setForm(f MembershipForm) {
	v.Form, v.Statuses = f, nil
	for _, s := range ladder.MembershipStatuses {
		v.Statuses = append(v.Statuses, Option{Value: s, Label: membershipLabels[s], Selected: s == f.Status})
	}
}

// setForm fills the edit form of an event and marks its status and the
// contacts met among people.
func (v *EventView) setForm(f EventForm, people []Option) {
	v.Form, v.Statuses, v.People = f, nil, nil
	for _, s := range ladder.EventStatuses {
		v.Statuses = append(v.Statuses, Option{Value: s, Label: eventLabels[s], Selected: s == f.Status})
	}
	for _, o := range people {
		v.People = append(v.People, Option{Value: o.Value, Label: o.Label, Selected: slices.Contains(f.Contacts, o.Value)})
	}
}

// setOptions marks the choices of the membership and event forms.
func (page *NetworkPage) setOptions() {
	page.MemberOpts, page.EventOpts = nil, nil
	for _, s := range ladder.MembershipStatuses {
		page.MemberOpts = append(page.MemberOpts, Option{Value: s, Label: membershipLabels[s], Selected: s == page.Membership.Status})
	}
	for _, s := range ladder.EventStatuses {
		page.EventOpts = append(page.EventOpts, Option{Value: s, Label: eventLabels[s], Selected: s == page.Event.Status})
	}
	for i := range page.Orgs {
		page.Orgs[i].Selected = page.Orgs[i].Value == page.Membership.Org
	}
	for i := range page.People {
		page.People[i].Selected = slices.Contains(page.Event.Contacts, page.People[i].Value)
	}
}

// networkError re-renders the network page after a failed form; fill
// puts the message where it belongs. Another person's id is a 404.
func (wb *Web) networkError(w http.ResponseWriter, r *http.Request, err error, fill func(*NetworkPage, string, map[string]string)) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return err
	}
	page, perr := wb.networkPage(w, r)
	if perr != nil {
		return perr
	}
	return wb.formError(w, r, "network", &page.Base, err, func(msg string, f map[string]string) any {
		fill(page, msg, f)
		page.setOptions()
		return page
	})
}

func contactForm(r *http.Request) ContactForm {
	return ContactForm{Name: r.PostFormValue("name"), Organisation: r.PostFormValue("organisation"), Title: r.PostFormValue("title"),
		WhereMet: r.PostFormValue("where_met"), HowHelp: r.PostFormValue("how_help"), Reach: r.PostFormValue("reach"),
		LastContact: r.PostFormValue("last_contact"), NextContact: r.PostFormValue("next_contact"), Notes: r.PostFormValue("notes")}
}

// contact parses the form; dates that do not parse are field errors.
func (f ContactForm) contact(personID int64) (*ladder.Contact, error) {
	fe := ladder.FieldErrors{}
	c := &ladder.Contact{PersonID: personID, Name: f.Name, Organisation: f.Organisation, Title: f.Title, WhereMet: f.WhereMet,
		HowHelp: f.HowHelp, Reach: f.Reach, Notes: f.Notes}
	if t := formDate(fe, "last_contact", f.LastContact); t != nil {
		c.LastContact = *t
	}
	if t := formDate(fe, "next_contact", f.NextContact); t != nil {
		c.NextContact = *t
	}
	if len(fe) > 0 {
		addDomainErrors(fe, c.Validate())
		return nil, fe.Err("The contact is not valid.")
	}
	return c, nil
}

// CreateContact adds a contact from the form.
func (wb *Web) CreateContact(w http.ResponseWriter, r *http.Request) error {
	form := contactForm(r)
	c, err := form.contact(ladder.PersonFromContext(r.Context()).ID)
	if err == nil {
		err = wb.J.Network.CreateContact(r.Context(), c)
	}
	if err != nil {
		return wb.networkError(w, r, err, func(page *NetworkPage, msg string, f map[string]string) {
			page.Contact, page.ContactErr = form, FormState{Error: fieldSentences(msg, f), Fields: f}
		})
	}
	return redirect(w, r, "/network#contacts", "Added "+c.Name+" to your network.")
}

// itemError puts msg on the item id of views.
func itemError[T any](views []T, id int64, get func(*T) (int64, *string), msg string) {
	for i := range views {
		if vid, e := get(&views[i]); vid == id {
			*e = msg
		}
	}
}

func contactItem(v *ContactView) (int64, *string) { return v.ID, &v.Error }

// UpdateContact saves the edit form of a contact.
func (wb *Web) UpdateContact(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Contact")
	if err != nil {
		return err
	}
	form := contactForm(r)
	c, err := form.contact(ladder.PersonFromContext(r.Context()).ID)
	if err == nil {
		c.ID = id
		err = wb.J.Network.UpdateContact(r.Context(), c)
	}
	if err != nil {
		return wb.networkError(w, r, err, func(page *NetworkPage, msg string, f map[string]string) {
			itemError(page.Contacts, id, contactItem, fieldSentences(msg, f))
			for i := range page.Contacts {
				if page.Contacts[i].ID == id {
					page.Contacts[i].Form = form
				}
			}
		})
	}
	return redirect(w, r, "/network#contacts", "Saved "+c.Name+".")
}

// ContactedToday records contact today and the next follow-up.
func (wb *Web) ContactedToday(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Contact")
	if err != nil {
		return err
	}
	fe := ladder.FieldErrors{}
	var next time.Time
	if t := formDate(fe, "next", r.PostFormValue("next")); t != nil {
		next = *t
	}
	var c *ladder.Contact
	if err = fe.Err("The follow-up date is not valid."); err == nil {
		c, err = wb.J.ContactedToday(r.Context(), ladder.PersonFromContext(r.Context()).ID, id, next)
	}
	if err != nil {
		return wb.networkError(w, r, err, func(page *NetworkPage, msg string, f map[string]string) {
			itemError(page.Contacts, id, contactItem, fieldSentences(msg, f))
		})
	}
	msg := "In touch with " + c.Name + " today."
	if !next.IsZero() {
		msg += " Next follow-up: " + next.Format("2 Jan 2006") + "."
	}
	return redirect(w, r, "/network#contacts", msg)
}

// DeleteContact removes a contact.
func (wb *Web) DeleteContact(w http.ResponseWriter, r *http.Request) error {
	return wb.deleteNetwork(w, r, "Contact", wb.J.Network.DeleteContact, "/network#contacts")
}

func (wb *Web) deleteNetwork(w http.ResponseWriter, r *http.Request, what string, del func(ctx context.Context, personID, id int64) error, to string) error {
	id, err := pathID(r, what)
	if err != nil {
		return err
	}
	if err := del(r.Context(), ladder.PersonFromContext(r.Context()).ID, id); err != nil {
		return err
	}
	return redirect(w, r, to, what+" deleted.")
}

// membership parses the membership form.
func (f MembershipForm) membership(personID int64) (*ladder.Membership, error) {
	fe := ladder.FieldErrors{}
	m := &ladder.Membership{PersonID: personID, OrgKey: f.Org, Name: f.Name, Status: f.Status, Notes: f.Notes}
	if t := formDate(fe, "since", f.Since); t != nil {
		m.Since = *t
	}
	if t := formDate(fe, "renewal", f.Renewal); t != nil {
		m.Renewal = *t
	}
	if len(fe) > 0 {
		addDomainErrors(fe, m.Validate())
		return nil, fe.Err("The membership is not valid.")
	}
	return m, nil
}

func membershipForm(r *http.Request) MembershipForm {
	return MembershipForm{Org: r.PostFormValue("organisation"), Name: r.PostFormValue("name"), Status: r.PostFormValue("status"),
		Since: r.PostFormValue("since"), Renewal: r.PostFormValue("renewal"), Notes: r.PostFormValue("notes")}
}

// CreateMembership records a professional organisation.
func (wb *Web) CreateMembership(w http.ResponseWriter, r *http.Request) error {
	form := membershipForm(r)
	m, err := form.membership(ladder.PersonFromContext(r.Context()).ID)
	if err == nil {
		err = wb.J.Network.CreateMembership(r.Context(), m)
	}
	if err != nil {
		return wb.networkError(w, r, err, func(page *NetworkPage, msg string, f map[string]string) {
			page.Membership, page.MemberErr = form, FormState{Error: msg, Fields: f}
		})
	}
	return redirect(w, r, "/network#organisations", "Saved: "+journey.MembershipName(m)+".")
}

// UpdateMembership changes a membership's status, dates and notes; the
// organisation stays.
func (wb *Web) UpdateMembership(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Membership")
	if err != nil {
		return err
	}
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	old, err := wb.J.Network.FindMembership(ctx, p.ID, id)
	if err != nil {
		return err
	}
	form := membershipForm(r)
	form.Org, form.Name = old.OrgKey, old.Name
	m, err := form.membership(p.ID)
	if err == nil {
		m.ID = id
		err = wb.J.Network.UpdateMembership(ctx, m)
	}
	if err != nil {
		return wb.networkError(w, r, err, func(page *NetworkPage, msg string, f map[string]string) {
			itemError(page.Memberships, id, func(v *MembershipView) (int64, *string) { return v.ID, &v.Error }, fieldSentences(msg, f))
			for i := range page.Memberships {
				if page.Memberships[i].ID == id {
					page.Memberships[i].setForm(form)
				}
			}
		})
	}
	return redirect(w, r, "/network#organisations", "Saved: "+journey.MembershipName(m)+".")
}

// DeleteMembership removes a membership.
func (wb *Web) DeleteMembership(w http.ResponseWriter, r *http.Request) error {
	return wb.deleteNetwork(w, r, "Membership", wb.J.Network.DeleteMembership, "/network#organisations")
}

// event parses the event form.
func (f EventForm) event(personID int64) (*ladder.NetworkEvent, error) {
	fe := ladder.FieldErrors{}
	e := &ladder.NetworkEvent{PersonID: personID, Name: f.Name, Location: f.Location, Status: f.Status, Notes: f.Notes,
		Date: parseFormDay(fe, "date", f.Date)}
	for _, s := range f.Contacts {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			fe.Add("contacts", "must be your contacts")
		}
		e.ContactIDs = append(e.ContactIDs, id)
	}
	if len(fe) > 0 {
		addDomainErrors(fe, e.Validate())
		return nil, fe.Err("The event is not valid.")
	}
	return e, nil
}

func eventForm(r *http.Request) EventForm {
	return EventForm{Name: r.PostFormValue("name"), Date: r.PostFormValue("date"), Location: r.PostFormValue("location"),
		Status: r.PostFormValue("status"), Notes: r.PostFormValue("notes"), Contacts: r.PostForm["contacts"]}
}

// CreateEvent records an event.
func (wb *Web) CreateEvent(w http.ResponseWriter, r *http.Request) error {
	form := eventForm(r)
	e, err := form.event(ladder.PersonFromContext(r.Context()).ID)
	if err == nil {
		err = wb.J.Network.CreateNetworkEvent(r.Context(), e)
	}
	if err != nil {
		return wb.networkError(w, r, err, func(page *NetworkPage, msg string, f map[string]string) {
			page.Event, page.EventErr = form, FormState{Error: msg, Fields: f}
		})
	}
	return redirect(w, r, "/network#events", "Saved: "+e.Name+".")
}

// UpdateEvent saves an event's edit form.
func (wb *Web) UpdateEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Event")
	if err != nil {
		return err
	}
	form := eventForm(r)
	e, err := form.event(ladder.PersonFromContext(r.Context()).ID)
	if err == nil {
		e.ID = id
		err = wb.J.Network.UpdateNetworkEvent(r.Context(), e)
	}
	if err != nil {
		return wb.networkError(w, r, err, func(page *NetworkPage, msg string, f map[string]string) {
			itemError(page.Events, id, func(v *EventView) (int64, *string) { return v.ID, &v.Error }, fieldSentences(msg, f))
			for i := range page.Events {
				if page.Events[i].ID == id {
					page.Events[i].setForm(form, page.People)
				}
			}
		})
	}
	return redirect(w, r, "/network#events", "Saved: "+e.Name+".")
}

// DeleteEvent removes an event.
func (wb *Web) DeleteEvent(w http.ResponseWriter, r *http.Request) error {
	return wb.deleteNetwork(w, r, "Event", wb.J.Network.DeleteNetworkEvent, "/network#events")
}
