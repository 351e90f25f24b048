package web

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

// SettingsExport downloads all of the person's data as JSON, in the API's
// export format: profile, account, every assessment with its ratings, and
// the tokens' names and dates (never their hashes).
func (wb *Web) SettingsExport(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	out := api.Export{Format: api.ExportFormat, ExportedAt: wb.J.DB.Now().UTC().Truncate(time.Second), Person: api.NewPerson(p),
		Assessments: []api.ExportAssessment{}, Tokens: []api.Token{}}
	acc, err := wb.Auth.FindAccount(ctx, p.ID)
	switch {
	case err == nil:
		out.Account = &api.ExportAccount{Role: acc.Role, CreatedAt: acc.CreatedAt}
	case ladder.ErrorCode(err) != ladder.ENOTFOUND:
		return err
	}
	as, err := wb.J.Assessments.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID})
	if err != nil {
		return err
	}
	for _, a := range as {
		out.Assessments = append(out.Assessments, api.NewExportAssessment(a))
	}
	ts, err := wb.Auth.FindTokens(ctx, p.ID)
	if err != nil {
		return err
	}
	for _, t := range ts {
		out.Tokens = append(out.Tokens, api.NewToken(t))
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="ladder-export-`+out.ExportedAt.Format("2006-01-02")+`.json"`)
	h.Set("Cache-Control", "no-store")
	_, err = w.Write(append(b, '\n'))
	return err
}
