package api

import (
	"net/http"

	"github.com/ladderhq/ladder"
)

// sharingOperations are what a member shares with their mentors, manager
// and programme admins, and what those see of it (docs/organisations.md).
func (a *API) sharingOperations() []Operation {
	const get, put = http.MethodGet, http.MethodPut
	ok := http.StatusOK
	denied := []int{http.StatusForbidden, http.StatusNotFound}
	return []Operation{
		{ID: "getSharing", Method: get, Path: Prefix + "/sharing", Tag: "organisation",
			Summary: "What you share with your mentors, manager and programme admins, who they are, and who looked at your data",
			Description: "Nothing is shared until you choose. 404 when you belong to no organisation: there is nobody to share with. " +
				"360 feedback results are never shared this way.",
			Status: ok, Response: Sharing{}, Errors: notFound, Handler: a.getSharing},
		{ID: "setSharing", Method: put, Path: Prefix + "/sharing", Tag: "organisation",
			Summary:     "Replace what you share with each audience",
			Description: "Give every audience, each with the parts it may see ([] for none). An unknown part is a 400 naming the audience; nothing is written.",
			Body:        SharingChoice{}, Status: ok, Response: Sharing{}, Errors: notFound, Handler: a.setSharing},
		{ID: "listOrgPeople", Method: get, Path: Prefix + "/org/people", Tag: "organisation",
			Summary: "The members you mentor or manage, with what each shares with you",
			Status:  ok, Response: []SupportedPerson{}, Errors: notFound, Handler: a.listOrgPeople},
		{ID: "getOrgPerson", Method: get, Path: Prefix + "/org/people/{id}", Tag: "organisation",
			Summary: "What a member shares with you as their mentor, manager or programme admin",
			Description: "Only the parts the member shares with one of your audiences are present; `shared` lists them. Every call is " +
				"recorded in the audit log (view.member), which the member can read. 403 when you are none of their mentors, manager " +
				"or programme admins; 404 for someone outside your organisation; 400 for yourself.",
			PathParams: []Param{idParam}, Status: ok, Response: MemberView{}, Errors: denied, Handler: a.getOrgPerson},
	}
}

func (a *API) sharingJSON(w http.ResponseWriter, r *http.Request, p *ladder.Person) error {
	s, err := a.J.SharingSettings(r.Context(), p, 50)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewSharing(s))
}

func (a *API) getSharing(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	return a.sharingJSON(w, r, p)
}

func (a *API) setSharing(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var b SharingChoice
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	if _, err := a.J.SetSharing(r.Context(), p, b.with()); err != nil {
		return err
	}
	return a.sharingJSON(w, r, p)
}

func (a *API) listOrgPeople(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ss, _, err := a.J.PeopleISupport(r.Context(), p)
	if err != nil {
		return err
	}
	out := make([]SupportedPerson, 0, len(ss))
	for _, s := range ss {
		out = append(out, NewSupportedPerson(s))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) getOrgPerson(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	v, err := a.J.MemberView(r.Context(), p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewMemberView(v))
}
