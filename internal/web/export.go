package web

import (
	"encoding/json"
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

// SettingsExport downloads all of the person's data as JSON, the same file
// as GET /api/v1/export and `ladder export` (see api.Export): profile,
// every record of the person, and the tokens' names (never secrets).
func (wb *Web) SettingsExport(w http.ResponseWriter, r *http.Request) error {
	out, err := api.NewExport(r.Context(), wb.J, wb.Auth, ladder.PersonFromContext(r.Context()))
	if err != nil {
		return err
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
