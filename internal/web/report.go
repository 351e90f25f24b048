package web

import (
	"html/template"
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/report"
)

// ReportPage shows the development report inside the app's layout, so it
// prints with the app's print stylesheet and keeps its content security
// policy (the report's body carries no style of its own).
type ReportPage struct {
	Base
	Body template.HTML
}

// Report shows the development report.
func (wb *Web) Report(w http.ResponseWriter, r *http.Request) error {
	rep, _, ok, err := wb.report(w, r)
	if !ok {
		return err
	}
	body, err := rep.Body()
	if err != nil {
		return err
	}
	page := ReportPage{Base: wb.base(w, r, "Development report", "report"), Body: body}
	page.Attribution = rep.Attribution
	return wb.render(w, r, "report", page)
}

// ReportMarkdown downloads the report as Markdown.
func (wb *Web) ReportMarkdown(w http.ResponseWriter, r *http.Request) error {
	rep, _, ok, err := wb.report(w, r)
	if !ok {
		return err
	}
	return download(w, "text/markdown; charset=utf-8", "ladder-report.md", rep.Markdown())
}

// ReportPDF downloads the report as a PDF.
func (wb *Web) ReportPDF(w http.ResponseWriter, r *http.Request) error {
	rep, in, ok, err := wb.report(w, r)
	if !ok {
		return err
	}
	b, err := rep.PDF(in.Now)
	if err != nil {
		return err
	}
	return download(w, "application/pdf", "ladder-report.pdf", b)
}

// report builds the signed-in person's report; without a target role it
// sends them to onboarding and ok is false.
func (wb *Web) report(w http.ResponseWriter, r *http.Request) (rep *report.Report, in report.Input, ok bool, err error) {
	p := ladder.PersonFromContext(r.Context())
	if p.TargetRole == "" {
		return nil, in, false, redirect(w, r, "/onboarding", "Choose your start and target roles first.")
	}
	in, err = report.Load(r.Context(), wb.J, p)
	if err != nil {
		return nil, in, false, err
	}
	return report.Build(in), in, true, nil
}

// download sends b as an attachment named name.
func download(w http.ResponseWriter, contentType, name string, b []byte) error {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	_, err := w.Write(b)
	return err
}
