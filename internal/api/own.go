package api

import (
	"context"
	"net/http"
)

// The handlers below serve the signed-in person's own records, like
// deleteOwn. The store functions they call take the person's id and find or
// change only that person's records, so that another's is not found (404),
// exactly as a missing one.

// listOwn answers the person's records found by find, each converted by
// wire.
func listOwn[T, W any](w http.ResponseWriter, r *http.Request, find func(ctx context.Context, personID int64) ([]T, error), wire func(T) W) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ts, err := find(r.Context(), p.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, wireEach(ts, wire))
}

// getOwn answers the person's record with the path id.
func getOwn[T, W any](w http.ResponseWriter, r *http.Request, find func(ctx context.Context, personID, id int64) (T, error), wire func(T) W) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	t, err := find(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, wire(t))
}

// createOwn decodes a body, makes the person's new record of it with
// record, stores it with create and answers 201 with it and its Location,
// Prefix/path/id. id points at the record's ID, which create sets.
func createOwn[B, T, W any](a *API, w http.ResponseWriter, r *http.Request, path string,
	record func(b B, personID int64) (*T, error), create func(context.Context, *T) error, id func(*T) *int64, wire func(*T) W) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	t, err := decodeRecord(a, w, r, p.ID, record)
	if err != nil {
		return err
	}
	if err := create(r.Context(), t); err != nil {
		return err
	}
	return writeCreated(w, path, *id(t), wire(t))
}

// decodeRecord decodes the body and makes the person's record of it.
func decodeRecord[B, T any](a *API, w http.ResponseWriter, r *http.Request, personID int64, record func(b B, personID int64) (*T, error)) (*T, error) {
	var body B
	if err := a.decode(w, r, &body); err != nil {
		return nil, err
	}
	return record(body, personID)
}

// updateOwn replaces the person's record with the path id by one made of
// the body, as createOwn makes it, with the path id set through id.
func updateOwn[B, T, W any](a *API, w http.ResponseWriter, r *http.Request,
	record func(b B, personID int64) (*T, error), update func(context.Context, *T) error, id func(*T) *int64, wire func(*T) W) error {
	p, pid, err := personAndID(r)
	if err != nil {
		return err
	}
	t, err := decodeRecord(a, w, r, p.ID, record)
	if err != nil {
		return err
	}
	*id(t) = pid
	if err := update(r.Context(), t); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, wire(t))
}

// listOwnUnder answers the records under the person's record with the path
// id (a mentor's sessions, say), found by find and converted by wire. The
// parent is looked up first so that another person's is a 404, not an
// empty list.
func listOwnUnder[P, T, W any](w http.ResponseWriter, r *http.Request, parent func(ctx context.Context, personID, id int64) (P, error),
	find func(ctx context.Context, personID, id int64) ([]T, error), wire func(T) W) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := parent(ctx, p.ID, id); err != nil {
		return err
	}
	ts, err := find(ctx, p.ID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, wireEach(ts, wire))
}

// wireEach converts each record; none is an empty array, not null.
func wireEach[T, W any](ts []T, wire func(T) W) []W {
	out := make([]W, 0, len(ts))
	for _, t := range ts {
		out = append(out, wire(t))
	}
	return out
}
