package api

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// orgOperations are the operations of the caller's organisation. Every
// one goes through journey.Journey.Can: another organisation's ids are 404,
// a role too low is 403.
func (a *API) orgOperations() []Operation {
	const get, post, put, patch, del = http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete
	ok, created, none := http.StatusOK, http.StatusCreated, http.StatusNoContent
	p := Prefix + "/org"
	denied := []int{http.StatusForbidden, http.StatusNotFound}
	conflict := []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict}
	mentorParam := Param{Name: "mentor", Integer: true, Required: true, Description: "the mentor's person_id"}
	auditQuery := []Param{
		{Name: "action", Description: "only this action, or those starting with it when it ends in a dot (member.)"},
		{Name: "person", Integer: true, Description: "only entries about this member (person_id)"},
		{Name: "from", Description: "from this day (YYYY-MM-DD)"},
		{Name: "to", Description: "up to and including this day (YYYY-MM-DD)"},
		{Name: "limit", Integer: true, Description: "at most this many, 1-10000 (default 1000)"},
	}
	return []Operation{
		{ID: "getOrg", Method: get, Path: p, Tag: "organisation", Summary: "Your organisation and your role in it (404 when you belong to none)",
			Status: ok, Response: Organisation{}, Errors: denied, Handler: a.getOrg},
		{ID: "createOrg", Method: post, Path: p, Tag: "organisation", Summary: "Create an organisation; you become its owner",
			Description: "A person belongs to at most one organisation: 409 when you belong to one. The anonymity minimums start at the defaults.",
			Body:        OrgCreate{}, Status: created, Response: Organisation{}, Errors: []int{http.StatusConflict}, Handler: a.createOrg},
		{ID: "updateOrg", Method: put, Path: p, Tag: "organisation", Summary: "Replace the name, slug, domains, 360 anonymity minimums and outside raters setting (owners)",
			Description: "Anonymous groups need at least 2 raters, a named manager 1 (docs/anonymity.md); a domain of another organisation is 409. " +
				"With outside_raters false, a rater must be a member or have an address in one of the domains.",
			Body: OrgSettings{}, Status: ok, Response: Organisation{}, Errors: conflict, Handler: a.updateOrg},

		{ID: "listOrgMembers", Method: get, Path: p + "/members", Tag: "organisation",
			Summary: "The members with role, title, manager and mentors (programme admins and owners)",
			Status:  ok, Response: []OrgMember{}, Errors: denied, Handler: a.listOrgMembers},
		{ID: "updateOrgMember", Method: patch, Path: p + "/members/{id}", Tag: "organisation",
			Summary:     "Change a member's title or manager (programme admins and owners) or role (owners)",
			Description: "The last owner cannot step down (409). A manager must be another member and must not close a circle of managers.",
			PathParams:  []Param{idParam}, Body: OrgMemberPatch{}, Status: ok, Response: OrgMember{}, Errors: conflict, Handler: a.updateOrgMember},
		{ID: "removeOrgMember", Method: del, Path: p + "/members/{id}", Tag: "organisation",
			Summary:     "Take a member out of the organisation (owners); their own data stays theirs",
			Description: "Their manager links, mentor assignments and cohort places go; the last owner cannot be removed (409).",
			PathParams:  []Param{idParam}, Status: none, Errors: conflict, Handler: a.removeOrgMember},
		{ID: "addOrgMentor", Method: post, Path: p + "/members/{id}/mentors", Tag: "organisation",
			Summary:    "Assign a member as the member's mentor (programme admins and owners)",
			PathParams: []Param{idParam}, Body: OrgMentorAdd{}, Status: ok, Response: OrgMember{}, Errors: conflict, Handler: a.addOrgMentor},
		{ID: "removeOrgMentor", Method: del, Path: p + "/members/{id}/mentors/{mentor}", Tag: "organisation",
			Summary:    "End a mentor assignment (programme admins and owners)",
			PathParams: []Param{idParam, mentorParam}, Status: none, Errors: denied, Handler: a.removeOrgMentor},

		{ID: "listOrgInvitations", Method: get, Path: p + "/invitations", Tag: "organisation",
			Summary: "The invitations, newest first, with their state (programme admins and owners)",
			Status:  ok, Response: []OrgInvitation{}, Errors: denied, Handler: a.listOrgInvitations},
		{ID: "createOrgInvitation", Method: post, Path: p + "/invitations", Tag: "organisation",
			Summary: "Invite an email with a role; the link is in this response only (and in the mail, when the server sends mail)",
			Description: "The link works once, for 7 days; the server keeps only a hash of its token. A member with an account, or a pending " +
				"invitation for the email, is 409. Only owners invite owners.",
			Body: OrgInvitationCreate{}, Status: created, Response: OrgInvited{}, Errors: conflict, Handler: a.createOrgInvitation},
		{ID: "revokeOrgInvitation", Method: del, Path: p + "/invitations/{id}", Tag: "organisation",
			Summary:    "Revoke a pending invitation: its link stops working (409 when it is no longer pending)",
			PathParams: []Param{idParam}, Status: none, Errors: conflict, Handler: a.revokeOrgInvitation},

		{ID: "importOrgPeople", Method: post, Path: p + "/import", Tag: "organisation",
			Summary: "Import people from CSV, all rows or none (programme admins and owners)",
			Description: "When any row is wrong nothing is written and the answer is 400 with every problem in `errors`, keyed " +
				"`line N: field`. New people become members without an account; members get the file's title and manager.",
			Body: OrgImport{}, Status: ok, Response: OrgImportResult{}, Errors: denied, Handler: a.importOrgPeople},

		{ID: "listOrgProgrammes", Method: get, Path: p + "/programmes", Tag: "organisation",
			Summary: "The programmes, latest start first (programme admins and owners)",
			Status:  ok, Response: []OrgProgramme{}, Errors: denied, Handler: a.listOrgProgrammes},
		{ID: "createOrgProgramme", Method: post, Path: p + "/programmes", Tag: "organisation", Summary: "Add a programme (programme admins and owners)",
			Body: OrgProgrammeBody{}, Status: created, Response: OrgProgramme{}, Errors: conflict,
			Headers: map[string]string{"Location": "the new programme's URL"}, Handler: a.createOrgProgramme},
		{ID: "getOrgProgramme", Method: get, Path: p + "/programmes/{id}", Tag: "organisation", Summary: "A programme with its cohorts and their members",
			PathParams: []Param{idParam}, Status: ok, Response: OrgProgramme{}, Errors: denied, Handler: a.getOrgProgramme},
		{ID: "updateOrgProgramme", Method: put, Path: p + "/programmes/{id}", Tag: "organisation",
			Summary:    "Replace a programme; its cohorts must still fit its dates",
			PathParams: []Param{idParam}, Body: OrgProgrammeBody{}, Status: ok, Response: OrgProgramme{}, Errors: conflict, Handler: a.updateOrgProgramme},
		{ID: "deleteOrgProgramme", Method: del, Path: p + "/programmes/{id}", Tag: "organisation", Summary: "Delete a programme and its cohorts",
			PathParams: []Param{idParam}, Status: none, Errors: denied, Handler: a.deleteOrgProgramme},
		{ID: "createOrgCohort", Method: post, Path: p + "/programmes/{id}/cohorts", Tag: "organisation",
			Summary:    "Add a cohort to a programme, with its first members",
			PathParams: []Param{idParam}, Body: OrgCohortCreate{}, Status: created, Response: OrgCohort{}, Errors: conflict, Handler: a.createOrgCohort},
		{ID: "deleteOrgCohort", Method: del, Path: p + "/cohorts/{id}", Tag: "organisation", Summary: "Delete a cohort",
			PathParams: []Param{idParam}, Status: none, Errors: denied, Handler: a.deleteOrgCohort},
		{ID: "addOrgCohortMember", Method: post, Path: p + "/cohorts/{id}/members", Tag: "organisation", Summary: "Put a member into a cohort",
			PathParams: []Param{idParam}, Body: OrgCohortMemberAdd{}, Status: ok, Response: OrgCohort{}, Errors: conflict, Handler: a.addOrgCohortMember},
		{ID: "removeOrgCohortMember", Method: del, Path: p + "/cohorts/{id}/members/{person}", Tag: "organisation", Summary: "Take a member out of a cohort",
			PathParams: []Param{idParam, {Name: "person", Integer: true, Required: true, Description: "the member's person_id"}},
			Status:     none, Errors: denied, Handler: a.removeOrgCohortMember},

		{ID: "listOrgAudit", Method: get, Path: p + "/audit", Tag: "organisation",
			Summary:     "The audit log, newest first (owners): who did what to whom, and when",
			Description: "It never holds feedback answers or anything that identifies a rater.",
			Query:       auditQuery, Status: ok, Response: []AuditEntry{}, Errors: denied, Handler: a.listOrgAudit},
		{ID: "getOrgAuditCSV", Method: get, Path: p + "/audit.csv", Tag: "organisation", Summary: "The audit log as CSV, the columns of the JSON",
			Query: auditQuery, Status: ok, Response: "", ContentType: "text/csv", Errors: denied, Handler: a.getOrgAuditCSV},
	}
}

func (a *API) orgJSON(w http.ResponseWriter, r *http.Request, status int, p *ladder.Person) error {
	o, m, err := a.J.Organisation(r.Context(), p)
	if err != nil {
		return err
	}
	_, n, err := a.J.Orgs.FindOrgMembers(r.Context(), ladder.OrgMemberFilter{OrgID: o.ID, Limit: 1})
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/org")
	}
	return writeJSON(w, status, NewOrganisation(o, m.Role, n))
}

func (a *API) getOrg(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	return a.orgJSON(w, r, http.StatusOK, p)
}

func (a *API) createOrg(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var b OrgCreate
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	if err := a.J.CreateOrganisation(r.Context(), p, &ladder.Organisation{Name: b.Name, Slug: b.Slug, Domains: b.Domains}); err != nil {
		return err
	}
	return a.orgJSON(w, r, http.StatusCreated, p)
}

func (a *API) updateOrg(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var b OrgSettings
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	o := &ladder.Organisation{Name: b.Name, Slug: b.Slug, Domains: b.Domains, Anonymity: ladder.OrgAnonymity(b.Anonymity)}
	if b.OutsideRaters != nil {
		o.OutsideRaters = *b.OutsideRaters
	} else {
		cur, _, err := a.J.Organisation(r.Context(), p)
		if err != nil {
			return err
		}
		o.OutsideRaters = cur.OutsideRaters
	}
	if err := a.J.UpdateOrganisation(r.Context(), p, o); err != nil {
		return err
	}
	return a.orgJSON(w, r, http.StatusOK, p)
}

func (a *API) listOrgMembers(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ms, err := a.J.OrgMembers(r.Context(), p)
	if err != nil {
		return err
	}
	out := make([]OrgMember, 0, len(ms))
	for _, m := range ms {
		out = append(out, NewOrgMember(m))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) updateOrgMember(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var b OrgMemberPatch
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	m, err := a.J.UpdateOrgMember(r.Context(), p, id, ladder.OrgMemberUpdate{Role: b.Role, Title: b.Title, ManagerID: b.ManagerID})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgMember(m))
}

func (a *API) removeOrgMember(w http.ResponseWriter, r *http.Request) error {
	return a.orgDelete(w, r, func(p *ladder.Person, id int64) error { return a.J.RemoveOrgMember(r.Context(), p, id) })
}

// orgDelete runs del with the caller and the path id and answers 204.
func (a *API) orgDelete(w http.ResponseWriter, r *http.Request, del func(p *ladder.Person, id int64) error) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	if err := del(p, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) addOrgMentor(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var b OrgMentorAdd
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	if err := a.J.SetOrgMentor(r.Context(), p, b.MentorID, id, false); err != nil {
		return err
	}
	m, err := a.J.Orgs.FindOrgMember(r.Context(), p.OrgID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgMember(m))
}

func (a *API) removeOrgMentor(w http.ResponseWriter, r *http.Request) error {
	mentor, err := pathID(r, "mentor")
	if err != nil {
		return err
	}
	return a.orgDelete(w, r, func(p *ladder.Person, id int64) error { return a.J.SetOrgMentor(r.Context(), p, mentor, id, true) })
}

func (a *API) listOrgInvitations(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	is, err := a.J.OrgInvitations(r.Context(), p)
	if err != nil {
		return err
	}
	now := a.J.DB.Now()
	out := make([]OrgInvitation, 0, len(is))
	for _, i := range is {
		out = append(out, NewOrgInvitation(i, now))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createOrgInvitation(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var b OrgInvitationCreate
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	inv, err := a.J.Invite(r.Context(), p, b.Email, b.Role, a.feedbackBaseURL(r))
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return writeCreated(w, "org/invitations", inv.Invitation.ID, OrgInvited{Invitation: NewOrgInvitation(inv.Invitation, a.J.DB.Now()),
		Link: inv.Link, Mailed: inv.Mailed, MailError: inv.MailError})
}

func (a *API) revokeOrgInvitation(w http.ResponseWriter, r *http.Request) error {
	return a.orgDelete(w, r, func(p *ladder.Person, id int64) error { return a.J.RevokeInvitation(r.Context(), p, id) })
}

func (a *API) importOrgPeople(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var b OrgImport
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	res, err := a.J.ImportOrgPeople(r.Context(), p, []byte(b.CSV))
	if err != nil {
		if res != nil && len(res.Problems) > 0 {
			return orgImportError(err, res.Problems)
		}
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgImportResult(res))
}

// orgImportError puts every problem of an import into the error's fields,
// keyed "line N: field".
func orgImportError(err error, ps []ladder.OrgImportProblem) error {
	fields := map[string]string{}
	for _, p := range ps {
		k := fmt.Sprintf("line %d", p.Line)
		if p.Field != "" {
			k += ": " + p.Field
		}
		if old := fields[k]; old != "" {
			fields[k] = old + "; " + p.Message
		} else {
			fields[k] = p.Message
		}
	}
	return &ladder.Error{Code: ladder.EINVALID, Message: ladder.ErrorMessage(err), Fields: fields}
}

func (a *API) listOrgProgrammes(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ps, err := a.J.Programmes(r.Context(), p)
	if err != nil {
		return err
	}
	out := make([]OrgProgramme, 0, len(ps))
	for _, pr := range ps {
		out = append(out, NewOrgProgramme(pr, nil))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) saveOrgProgramme(w http.ResponseWriter, r *http.Request, id int64) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var b OrgProgrammeBody
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	pr, err := b.Programme(id)
	if err != nil {
		return err
	}
	if err := a.J.SaveProgramme(r.Context(), p, pr); err != nil {
		return err
	}
	if id == 0 {
		return writeCreated(w, "org/programmes", pr.ID, NewOrgProgramme(pr, nil))
	}
	v, err := a.J.Programme(r.Context(), p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgProgramme(v.Programme, v.Cohorts))
}

func (a *API) createOrgProgramme(w http.ResponseWriter, r *http.Request) error {
	return a.saveOrgProgramme(w, r, 0)
}

func (a *API) updateOrgProgramme(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return a.saveOrgProgramme(w, r, id)
}

func (a *API) getOrgProgramme(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	v, err := a.J.Programme(r.Context(), p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgProgramme(v.Programme, v.Cohorts))
}

func (a *API) deleteOrgProgramme(w http.ResponseWriter, r *http.Request) error {
	return a.orgDelete(w, r, func(p *ladder.Person, id int64) error { return a.J.DeleteProgramme(r.Context(), p, id) })
}

func (a *API) createOrgCohort(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var b OrgCohortCreate
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	f := ladder.FieldErrors{}
	c := &ladder.OrgCohort{ProgrammeID: id, Name: b.Name, Start: orgDay(f, "start", b.Start), End: orgDay(f, "end", b.End),
		MemberIDs: b.MemberIDs}
	if err := f.Err("The cohort is not valid."); err != nil {
		return err
	}
	if err := a.J.CreateCohort(r.Context(), p, c); err != nil {
		return err
	}
	return writeCreated(w, "org/cohorts", c.ID, NewOrgCohort(c))
}

func (a *API) deleteOrgCohort(w http.ResponseWriter, r *http.Request) error {
	return a.orgDelete(w, r, func(p *ladder.Person, id int64) error { return a.J.DeleteCohort(r.Context(), p, id) })
}

func (a *API) addOrgCohortMember(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var b OrgCohortMemberAdd
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	if err := a.J.SetCohortMember(r.Context(), p, id, b.PersonID, false); err != nil {
		return err
	}
	c, err := a.J.FindCohort(r.Context(), p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgCohort(c))
}

func (a *API) removeOrgCohortMember(w http.ResponseWriter, r *http.Request) error {
	person, err := pathID(r, "person")
	if err != nil {
		return err
	}
	return a.orgDelete(w, r, func(p *ladder.Person, id int64) error { return a.J.SetCohortMember(r.Context(), p, id, person, true) })
}

// orgAudit reads the audit filter of the query and returns the entries.
func (a *API) orgAudit(r *http.Request) ([]*ladder.AuditEntry, error) {
	p, err := person(r)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	f := ladder.AuditFilter{Action: strings.TrimSpace(q.Get("action"))}
	fe := ladder.FieldErrors{}
	if v := q.Get("person"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			fe.Add("person", "must be a positive integer")
		}
		f.PersonID = id
	}
	if v := q.Get("from"); v != "" {
		f.From = orgDay(fe, "from", v)
	}
	if v := q.Get("to"); v != "" {
		f.To = orgDay(fe, "to", v).Add(24 * time.Hour)
	}
	if f.Limit, err = queryInt(r, "limit", 1000, 1, 10000); err != nil {
		return nil, err
	}
	if err := fe.Err("A query parameter is not valid."); err != nil {
		return nil, err
	}
	es, _, err := a.J.OrgAudit(r.Context(), p, f)
	return es, err
}

func (a *API) listOrgAudit(w http.ResponseWriter, r *http.Request) error {
	es, err := a.orgAudit(r)
	if err != nil {
		return err
	}
	out := make([]AuditEntry, 0, len(es))
	for _, e := range es {
		out = append(out, NewAuditEntry(e))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) getOrgAuditCSV(w http.ResponseWriter, r *http.Request) error {
	es, err := a.orgAudit(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return WriteAuditCSV(w, es)
}
