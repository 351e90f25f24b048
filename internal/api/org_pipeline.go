package api

import (
	"net/http"
	"strconv"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// pipelineOperations are the pipeline views of a programme (programme
// admins and owners; journey.Journey.ProgrammePipelineFor decides).
func (a *API) pipelineOperations() []Operation {
	p := Prefix + "/org/programmes/{id}/pipeline"
	query := []Param{
		{Name: "cohort", Integer: true, Description: "only the members of this cohort of the programme (its id)"},
		{Name: "sort", Enum: journey.PipelineSorts, Description: "readiness (highest first; the default) or name"},
	}
	denied := []int{http.StatusForbidden, http.StatusNotFound}
	const desc = "One member of the programme's cohorts a row, with only what each shares with programme admins: " +
		"readiness for the programme's target role with when they are projected to be ready, plan progress, or null " +
		"(\"not shared\" in the CSV). Bench strength counts each member once. Every call is written to the audit log " +
		"(view.pipeline). Programme admins and owners only."
	return []Operation{
		{ID: "getOrgPipeline", Method: http.MethodGet, Path: p, Tag: "organisation",
			Summary: "A programme's pipeline: bench strength for its target role and where each member stands", Description: desc,
			PathParams: []Param{idParam}, Query: query, Status: http.StatusOK, Response: OrgPipeline{}, Errors: denied, Handler: a.getOrgPipeline},
		{ID: "getOrgPipelineCSV", Method: http.MethodGet, Path: p + ".csv", Tag: "organisation",
			Summary: "A programme's pipeline as CSV, the rows of the JSON", Description: desc,
			PathParams: []Param{idParam}, Query: query, Status: http.StatusOK, Response: "", ContentType: "text/csv", Errors: denied,
			Handler: a.getOrgPipelineCSV},
	}
}

func (a *API) pipeline(r *http.Request, via string) (*journey.PipelineView, error) {
	p, id, err := personAndID(r)
	if err != nil {
		return nil, err
	}
	q := journey.PipelineQuery{ProgrammeID: id, Sort: r.URL.Query().Get("sort"), Via: via}
	if c := r.URL.Query().Get("cohort"); c != "" {
		if q.CohortID, err = strconv.ParseInt(c, 10, 64); err != nil || q.CohortID <= 0 {
			return nil, &ladder.Error{Code: ladder.EINVALID, Message: "The cohort must be one of the programme's cohorts.",
				Fields: map[string]string{"cohort": "must be a cohort's id"}}
		}
	}
	return a.J.ProgrammePipelineFor(r.Context(), p, q)
}

func (a *API) getOrgPipeline(w http.ResponseWriter, r *http.Request) error {
	v, err := a.pipeline(r, "api")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOrgPipeline(v))
}

func (a *API) getOrgPipelineCSV(w http.ResponseWriter, r *http.Request) error {
	v, err := a.pipeline(r, "api csv")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return WritePipelineCSV(w, v)
}
