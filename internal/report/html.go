package report

import (
	"bytes"
	_ "embed"
	"html/template"
)

//go:embed report.html
var htmlSource string

// tmpl is parsed at start-up so a broken template fails every test.
var tmpl = template.Must(template.New("report").Parse(htmlSource))

// HTML renders the report as a standalone printable document with its own
// small stylesheet, for a downloaded file. The app shows Body instead,
// inside its own layout, because its content security policy allows no
// inline style.
func (r *Report) HTML() ([]byte, error) {
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "document", r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Body renders the report's content without document or style, for a
// page of the app.
func (r *Report) Body() (template.HTML, error) {
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "body", r); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
