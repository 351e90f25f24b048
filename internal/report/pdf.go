package report

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// A4 portrait in millimetres, with the margins used.
const (
	pageWidth  = 210.0
	margin     = 15.0
	textWidth  = pageWidth - 2*margin
	lineHeight = 5.0
)

// PDF renders the report as a PDF with the core Helvetica font. Text goes
// through fpdf's cp1252 translator, so Western European names ("Zoë
// Müller") come out right; characters outside cp1252 would not, and the
// report's own words keep to it. created stamps the file, so the same
// report and time give the same bytes.
func (r *Report) PDF(created time.Time) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	w := &pdfWriter{pdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor("")}
	pdf.SetTitle("Development report: "+r.Name, true)
	pdf.SetCreator("Ladder", true)
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("Helvetica", "", 8)
		pdf.CellFormat(0, 4, w.tr(r.Name+" · "+r.Date), "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 4, "page "+itoa(pdf.PageNo())+" of {nb}", "", 0, "R", false, 0, "")
	})
	pdf.AddPage()
	r.pdfContent(w)
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (r *Report) pdfContent(w *pdfWriter) {
	w.heading(16, "Development report: "+r.Name)
	w.para("Target role: " + r.TargetRole)
	if r.StartRole != "" {
		w.para("Start role: " + r.StartRole)
	}
	w.para("Date: " + r.Date)

	rd := r.Readiness
	w.heading(13, "Readiness")
	w.para("Readiness for " + r.TargetRole + ": " + rd.Score + " of 100, confidence " + rd.Confidence + " of 100 (" + rd.ConfidenceLabel + ").")
	for _, s := range rd.Basis {
		w.para("- " + s)
	}
	if len(rd.Trend) > 0 {
		w.para("Trend after each self-assessment:")
		rows := make([][]string, len(rd.Trend))
		for i, t := range rd.Trend {
			rows[i] = []string{t.Date, t.Score, t.Confidence}
		}
		w.table([]float64{40, 30, 30}, []string{"Date", "Readiness", "Confidence"}, rows)
	}

	w.heading(13, "Top gaps")
	if len(r.Gaps) == 0 {
		w.para("No gaps: every requirement of the target role is met.")
	} else {
		rows := make([][]string, len(r.Gaps))
		for i, g := range r.Gaps {
			rows[i] = []string{g.Competency, g.Area, g.Required, g.Current, g.Gap, g.Importance, g.Weighted}
		}
		w.table([]float64{45, 40, 18, 18, 15, 22, 22}, []string{"Competency", "Area", "Required", "Current", "Gap", "Importance", "Weighted"}, rows)
		if r.GapsMore > 0 {
			w.para("And " + itoa(r.GapsMore) + " smaller " + plural(r.GapsMore, "gap.", "gaps."))
		}
	}
	r.pdfPlan(w)
	r.pdfRest(w)
}

func (r *Report) pdfPlan(w *pdfWriter) {
	w.heading(13, "Development plan")
	p := r.Plan
	if p == nil {
		w.para("No plan yet.")
		return
	}
	line := p.Horizon + "; " + p.Done
	if p.Mix != "" {
		line += "; " + p.Mix
	}
	w.para(line + ".")
	for _, g := range p.Goals {
		w.heading(11, g.Competency+": "+g.Target+" ("+g.Status+")")
		w.para(g.Specific)
		if len(g.Actions) == 0 {
			continue
		}
		rows := make([][]string, len(g.Actions))
		for i, a := range g.Actions {
			rows[i] = []string{a.Title, a.Kind, a.Due, a.Status}
		}
		w.table([]float64{95, 35, 30, 20}, []string{"Action", "Kind", "Due", "Status"}, rows)
	}
}

func (r *Report) pdfRest(w *pdfWriter) {
	w.heading(13, "Evidence")
	if len(r.Evidence) == 0 {
		w.para("No evidence logged yet.")
	} else {
		rows := make([][]string, len(r.Evidence))
		for i, e := range r.Evidence {
			rows[i] = []string{e.Date, e.Kind, e.Title, e.Competencies, e.Figures}
		}
		w.table([]float64{28, 32, 50, 40, 30}, []string{"Date", "Kind", "Title", "Competencies", "Figures"}, rows)
	}
	w.heading(13, "Certifications")
	if len(r.Certifications) == 0 {
		w.para("No certifications recorded or recommended.")
	} else {
		rows := make([][]string, len(r.Certifications))
		for i, c := range r.Certifications {
			rows[i] = []string{c.Name, c.Issuer, c.Status, c.Eligibility}
		}
		w.table([]float64{50, 30, 25, 75}, []string{"Certification", "Issuer", "Status", "Eligibility"}, rows)
	}
	if r.Attribution != "" {
		w.pdf.Ln(4)
		w.pdf.SetFont("Helvetica", "", 8)
		w.pdf.MultiCell(textWidth, 4, w.tr(r.Attribution+" CC BY 4.0, https://creativecommons.org/licenses/by/4.0/"), "", "L", false)
	}
}

// pdfWriter writes translated text in the report's few styles.
type pdfWriter struct {
	pdf *fpdf.Fpdf
	tr  func(string) string
}

func (w *pdfWriter) heading(size float64, s string) {
	w.pdf.Ln(2)
	w.pdf.SetFont("Helvetica", "B", size)
	w.pdf.MultiCell(textWidth, size*0.5, w.tr(s), "", "L", false)
	w.pdf.Ln(1)
}

func (w *pdfWriter) para(s string) {
	w.pdf.SetFont("Helvetica", "", 10)
	w.pdf.MultiCell(textWidth, lineHeight, w.tr(s), "", "L", false)
}

// table draws a table whose cells wrap; a row that would cross the page
// end starts a new page, with the header repeated.
func (w *pdfWriter) table(widths []float64, head []string, rows [][]string) {
	w.pdf.SetFont("Helvetica", "B", 9)
	w.row(widths, head, true)
	w.pdf.SetFont("Helvetica", "", 9)
	for _, r := range rows {
		if w.rowHeight(widths, r)+w.pdf.GetY() > 297-margin-5 {
			w.pdf.AddPage()
			w.pdf.SetFont("Helvetica", "B", 9)
			w.row(widths, head, true)
			w.pdf.SetFont("Helvetica", "", 9)
		}
		w.row(widths, r, false)
	}
	w.pdf.Ln(2)
}

const cellLine = 4.5

func (w *pdfWriter) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for i, c := range cells {
		if n := len(w.pdf.SplitText(w.tr(c), widths[i]-2)); n > lines {
			lines = n
		}
	}
	return float64(lines) * cellLine
}

func (w *pdfWriter) row(widths []float64, cells []string, header bool) {
	h := w.rowHeight(widths, cells)
	x, y := w.pdf.GetX(), w.pdf.GetY()
	for i, c := range cells {
		if header {
			w.pdf.SetFillColor(230, 232, 238)
			w.pdf.Rect(x, y, widths[i], h, "FD")
		} else {
			w.pdf.Rect(x, y, widths[i], h, "D")
		}
		w.pdf.SetXY(x+1, y)
		w.pdf.MultiCell(widths[i]-2, cellLine, w.tr(strings.TrimSpace(c)), "", "L", false)
		x += widths[i]
	}
	w.pdf.SetXY(margin, y+h)
}

func itoa(n int) string { return strconv.Itoa(n) }
