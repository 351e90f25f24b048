package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

// OrgImportPage uploads a CSV of people and reports on it.
type OrgImportPage struct {
	Base
	Org      OrgHeader
	CSV      string // the pasted text, kept after an error
	State    FormState
	Problems []ladder.OrgImportProblem
	Columns  string
}

// orgImportMax caps an uploaded file: 10,000 people fit in far less.
const orgImportMax = 4 << 20

// OrgImport shows the import form.
func (wb *Web) OrgImport(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.orgImportPage(w, r)
	if err != nil {
		return err
	}
	return wb.render(w, r, "org_import", page)
}

func (wb *Web) orgImportPage(w http.ResponseWriter, r *http.Request) (*OrgImportPage, error) {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	if err := wb.orgAllowed(ctx, actor, ladder.ActOrgImport); err != nil {
		return nil, err
	}
	h, err := wb.orgHeader(ctx, actor, "import")
	if err != nil {
		return nil, err
	}
	return &OrgImportPage{Base: wb.base(w, r, "Import people", "org"), Org: h, Columns: "name,email,title,manager_email"}, nil
}

// ImportOrgPeople reads an uploaded file (or pasted text) and imports it,
// or shows every problem with nothing written.
func (wb *Web) ImportOrgPeople(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.orgImportPage(w, r)
	if err != nil {
		return err
	}
	data, err := orgUpload(w, r)
	if err == nil && len(data) == 0 {
		err = fieldError("Choose a file or paste the people.", "file", "choose a CSV file or paste its text")
	}
	var res *ladder.OrgImportResult
	if err == nil {
		res, err = wb.J.ImportOrgPeople(r.Context(), ladder.PersonFromContext(r.Context()), data)
	}
	if err != nil {
		if res != nil {
			page.Problems = res.Problems
		}
		if len(data) <= 64<<10 {
			page.CSV = string(data)
		}
		return wb.formError(w, r, "org_import", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/org/members", "Imported: "+strconv.Itoa(len(res.Added))+" added, "+strconv.Itoa(len(res.Updated))+
		" updated. Invite the new people from their row to give them an account.")
}

// orgUpload returns the uploaded file, else the pasted text.
func orgUpload(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, orgImportMax+64<<10)
	if err := r.ParseMultipartForm(orgImportMax); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, fieldError("The file is too large.", "file", "must be at most 4 MB: split it")
		}
		return nil, fieldError("The upload could not be read.", "file", "could not be read: try again")
	}
	if f, _, err := r.FormFile("file"); err == nil {
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, orgImportMax+1))
		if err != nil {
			return nil, err
		}
		if len(data) > orgImportMax {
			return nil, fieldError("The file is too large.", "file", "must be at most 4 MB: split it")
		}
		if len(data) > 0 {
			return data, nil
		}
	}
	return []byte(r.FormValue("csv")), nil
}

// OrgAuditPage shows the audit log with filters.
type OrgAuditPage struct {
	Base
	Org     OrgHeader
	Entries []*ladder.AuditEntry
	Total   int
	Actions []Option
	People  []Option
	From    string
	To      string
	Query   string // the filter as a query string, for the export links
	Limit   int
}

// orgAuditKinds are the filters by kind of action.
var orgAuditKinds = []Option{{Value: "org.", Label: "Organisation"}, {Value: "member.", Label: "Members"},
	{Value: "mentor.", Label: "Mentors"}, {Value: "invitation.", Label: "Invitations"}, {Value: "import.", Label: "Imports"},
	{Value: "programme.", Label: "Programmes"}, {Value: "cohort.", Label: "Cohorts"}, {Value: "view.", Label: "Views of members' data"}}

// orgAuditFilter reads the filter of the audit pages.
func orgAuditFilter(r *http.Request) (ladder.AuditFilter, error) {
	q := r.URL.Query()
	f := ladder.AuditFilter{Action: q.Get("action")}
	fe := ladder.FieldErrors{}
	if v := q.Get("person"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			fe.Add("person", "must be a member")
		}
		f.PersonID = id
	}
	for _, d := range []struct {
		name string
		dst  *time.Time
		add  int
	}{{"from", &f.From, 0}, {"to", &f.To, 1}} {
		if v := q.Get(d.name); v != "" {
			t, err := time.Parse("2006-01-02", v)
			if err != nil {
				fe.Add(d.name, "must be a date (YYYY-MM-DD)")
			}
			// "to" is the last day shown: the filter's bound is the next.
			*d.dst = t.AddDate(0, 0, d.add)
		}
	}
	return f, fe.Err("The filter is not valid.")
}

// OrgAudit shows the audit log, newest first.
func (wb *Web) OrgAudit(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	f, ferr := orgAuditFilter(r)
	if err := wb.orgAllowed(ctx, actor, ladder.ActOrgViewAudit); err != nil {
		return err
	}
	if ferr != nil {
		return ferr
	}
	f.Limit = 200
	es, n, err := wb.J.OrgAudit(ctx, actor, f)
	if err != nil {
		return err
	}
	ms, err := wb.J.OrgMembers(ctx, actor)
	if err != nil {
		return err
	}
	h, err := wb.orgHeader(ctx, actor, "audit")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	page := OrgAuditPage{Base: wb.base(w, r, "Audit log", "org"), Org: h, Entries: es, Total: n, From: q.Get("from"), To: q.Get("to"),
		Query: q.Encode(), Limit: f.Limit}
	for _, k := range orgAuditKinds {
		k.Selected = k.Value == f.Action
		page.Actions = append(page.Actions, k)
	}
	for _, m := range ms {
		page.People = append(page.People, Option{Value: strconv.FormatInt(m.PersonID, 10), Label: m.Name, Selected: m.PersonID == f.PersonID})
	}
	return wb.render(w, r, "org_audit", page)
}

// OrgAuditCSV exports the filtered log as CSV.
func (wb *Web) OrgAuditCSV(w http.ResponseWriter, r *http.Request) error {
	es, err := wb.orgAuditExport(r)
	if err != nil {
		return err
	}
	orgAttachment(w, "text/csv; charset=utf-8", "audit-log.csv")
	return api.WriteAuditCSV(w, es)
}

// OrgAuditJSON exports the filtered log as JSON.
func (wb *Web) OrgAuditJSON(w http.ResponseWriter, r *http.Request) error {
	es, err := wb.orgAuditExport(r)
	if err != nil {
		return err
	}
	out := make([]api.AuditEntry, 0, len(es))
	for _, e := range es {
		out = append(out, api.NewAuditEntry(e))
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	orgAttachment(w, "application/json; charset=utf-8", "audit-log.json")
	_, err = w.Write(append(b, '\n'))
	return err
}

func (wb *Web) orgAuditExport(r *http.Request) ([]*ladder.AuditEntry, error) {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	if err := wb.orgAllowed(ctx, actor, ladder.ActOrgViewAudit); err != nil {
		return nil, err
	}
	f, err := orgAuditFilter(r)
	if err != nil {
		return nil, err
	}
	es, _, err := wb.J.OrgAudit(ctx, actor, f)
	return es, err
}

func orgAttachment(w http.ResponseWriter, contentType, name string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
}
