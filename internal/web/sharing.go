package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
)

// sharingViewsShown bounds the entries of "Who looked at your data".
const sharingViewsShown = 50

// SharingPage is the member's choice of what their mentors, manager and
// programme admins may see, and who looked at it.
type SharingPage struct {
	Base
	// None is true for a person in no organisation: nobody to share with.
	None    bool
	OrgName string
	Parts   []SharingPart
	Rows    []SharingRow
	Changed string // the date of the last change, "" when never
	Views   []SharingSeen
	// ViewsTotal counts every recorded view; Views holds the newest.
	ViewsTotal int
	State      FormState
}

// SharingPart is one column of the grid: a part of the member's data.
type SharingPart struct{ Key, Label string }

// SharingRow is one audience of the grid with who is in it now.
type SharingRow struct {
	Audience string
	Label    string
	Who      string
	Cells    []SharingCell
}

// SharingCell is one checkbox: share Part with the row's audience.
type SharingCell struct {
	ID, Name, Value, Label, Part string
	Checked                      bool
}

// SharingSeen is one recorded view of the member's data.
type SharingSeen struct{ At, Who, What string }

// SharingSettings shows the sharing grid and the recent views.
func (wb *Web) SharingSettings(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.sharingPage(w, r, nil)
	if err != nil {
		return err
	}
	return wb.render(w, r, "sharing", page)
}

// sharingPage builds the page; chosen, when set, is the grid as posted.
func (wb *Web) sharingPage(w http.ResponseWriter, r *http.Request, chosen map[string]ladder.ShareSet) (*SharingPage, error) {
	ctx := r.Context()
	page := &SharingPage{Base: wb.base(w, r, "Sharing", "sharing")}
	s, err := wb.J.SharingSettings(ctx, ladder.PersonFromContext(ctx), sharingViewsShown)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		page.None = true
		return page, nil
	} else if err != nil {
		return nil, err
	}
	if chosen == nil {
		chosen = s.Sharing.With
	}
	page.OrgName, page.ViewsTotal = s.Org.Name, s.ViewsTotal
	if !s.Sharing.UpdatedAt.IsZero() {
		page.Changed = s.Sharing.UpdatedAt.Format("2 Jan 2006")
	}
	for _, p := range ladder.ShareParts {
		page.Parts = append(page.Parts, SharingPart{Key: p, Label: ladder.SharePartLabel(p)})
	}
	for _, a := range ladder.Audiences {
		row := SharingRow{Audience: a, Label: ladder.AudienceLabel(a), Who: sharingWho(a, s.Who[a], s.Org.Name)}
		for _, p := range ladder.ShareParts {
			row.Cells = append(row.Cells, SharingCell{ID: "share-" + a + "-" + p, Name: "share." + a, Value: p, Part: ladder.SharePartLabel(p),
				Label:   "Share " + strings.ToLower(ladder.SharePartLabel(p)) + " with " + strings.ToLower(ladder.AudienceLabel(a)),
				Checked: chosen[a].Has(p)})
		}
		page.Rows = append(page.Rows, row)
	}
	for _, e := range s.Views {
		who := e.ActorName
		if who == "" {
			who = "someone since deleted"
		}
		page.Views = append(page.Views, SharingSeen{At: e.At.UTC().Format("2 Jan 2006 15:04"), Who: who, What: sharingSeenWhat(e)})
	}
	return page, nil
}

// sharingWho says who is in an audience now.
func sharingWho(audience string, names []string, org string) string {
	list := strings.Join(names, ", ")
	switch audience {
	case ladder.AudienceMentor:
		if list == "" {
			return "No mentor is assigned to you yet."
		}
		return list
	case ladder.AudienceManager:
		if list == "" {
			return "No manager is set for you yet."
		}
		return list
	}
	if list == "" {
		return "The programme admins and owners of " + org + ": nobody but you."
	}
	return "The programme admins and owners of " + org + ": " + list
}

// sharingSeenWhat says what a view showed, in words: the detail of a
// look at what the member shares says it already ("saw readiness, plan
// as manager").
func sharingSeenWhat(e *ladder.AuditEntry) string {
	if e.Action == ladder.AuditViewMember && e.Detail != "" {
		return strings.ToUpper(e.Detail[:1]) + e.Detail[1:]
	}
	if e.Detail != "" {
		return e.Action + ": " + e.Detail
	}
	return e.Action
}

// SaveSharing replaces what the member shares with the grid as posted:
// each ticked box is a field share.AUDIENCE with the part as its value.
func (wb *Web) SaveSharing(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := r.ParseForm(); err != nil {
		return ladder.Errorf(ladder.EINVALID, "The form could not be read.")
	}
	with := map[string]ladder.ShareSet{}
	for k, vs := range r.PostForm {
		if a, ok := strings.CutPrefix(k, "share."); ok {
			with[a] = append(with[a], vs...)
		}
	}
	if _, err := wb.J.SetSharing(ctx, ladder.PersonFromContext(ctx), with); err != nil {
		// The grid shows again as posted, with the problems.
		page, perr := wb.sharingPage(w, r, with)
		if perr != nil {
			return perr
		}
		if page.None {
			return err
		}
		return wb.formError(w, r, "sharing", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/settings/sharing", "Saved: your choices apply from now on.")
}

// OrgPeoplePage lists the members the viewer supports, as a mentor or a
// manager, with what each shares with them.
type OrgPeoplePage struct {
	Base
	Org    OrgHeader
	People []OrgPersonRow
	// Admin is true for programme admins and owners, who see the whole
	// membership on the members page.
	Admin bool
}

// OrgPersonRow is one member the viewer supports.
type OrgPersonRow struct {
	URL, Name, Title, As, Shared string
	SharesNothing                bool
}

// OrgPeople shows the people the viewer supports.
func (wb *Web) OrgPeople(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	ss, admin, err := wb.J.PeopleISupport(ctx, actor)
	if err != nil {
		return err
	}
	page := &OrgPeoplePage{Base: wb.base(w, r, "People I support", "org"), Admin: admin}
	if page.Org, err = wb.orgHeader(ctx, actor, "people"); err != nil {
		return err
	}
	for _, s := range ss {
		page.People = append(page.People, OrgPersonRow{URL: "/org/people/" + strconv.FormatInt(s.Member.PersonID, 10), Name: s.Member.Name,
			Title: s.Member.Title, As: ladder.AudienceRoles(s.Audiences), Shared: sharedText(s.Shared), SharesNothing: len(s.Shared) == 0})
	}
	return wb.render(w, r, "org_people", page)
}

// sharedText lists shared parts in words, "nothing" for none.
func sharedText(s ladder.ShareSet) string {
	if len(s) == 0 {
		return "nothing"
	}
	var out []string
	for _, p := range s {
		out = append(out, strings.ToLower(ladder.SharePartLabel(p)))
	}
	return strings.Join(out, ", ")
}

// OrgPerson shows what a member shares with the viewer, and records the
// look in the audit log.
func (wb *Web) OrgPerson(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Member")
	if err != nil {
		return err
	}
	v, err := wb.J.MemberView(ctx, actor, id)
	if ladder.ErrorCode(err) == ladder.EINVALID {
		return redirect(w, r, "/", "That is you: your own pages show all of your data, and Settings → Sharing what others see of it.")
	} else if err != nil {
		return err
	}
	page := newOrgPersonPage(wb.base(w, r, v.Relation.Member.Name, "org"), v)
	if page.Org, err = wb.orgHeader(ctx, actor, "people"); err != nil {
		return err
	}
	return wb.render(w, r, "org_person", page)
}
