package api

import (
	"net/http"

	"github.com/ladderhq/ladder"
)

func (a *API) listJournal(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	kind, err := queryEnum(r, "kind", ladder.JournalKinds...)
	if err != nil {
		return err
	}
	es, _, err := a.J.Journal.FindJournal(r.Context(), ladder.JournalFilter{PersonID: p.ID, Kind: kind,
		Tag: r.URL.Query().Get("tag")})
	if err != nil {
		return err
	}
	out := make([]JournalEntry, 0, len(es))
	for _, e := range es {
		out = append(out, NewJournalEntry(e))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createJournalEntry(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body JournalCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	e, err := body.Entry(p.ID, a.J.DB.Now().UTC())
	if err != nil {
		return err
	}
	if err := a.J.Journal.CreateJournalEntry(r.Context(), e); err != nil {
		return err
	}
	return writeCreated(w, "journal", e.ID, NewJournalEntry(e))
}

func (a *API) deleteJournalEntry(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Journal.DeleteJournalEntry)
}
