package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"time"
)

//go:embed templates
var templateFS embed.FS

// Templates holds one parsed template set per page: the layout, the shared
// partials and the page. Parsed once at start-up so a broken template stops
// the server before it serves anything.
type Templates struct {
	pages map[string]*template.Template
}

// NewTemplates parses every page under templates/pages.
func NewTemplates(assets *Assets) (*Templates, error) {
	funcs := template.FuncMap{
		"asset":       assets.URL,
		"navSections": func() []NavSection { return navSections },
		"navSection":  navSection,
		"date":        func(t time.Time) string { return t.Format("2 Jan 2006") },
		"isodate": func(t time.Time) string {
			return t.Format("2006-01-02")
		},
	}
	shared, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	t := &Templates{pages: map[string]*template.Template{}}
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/pages/"), ".html")
		set, err := shared.Clone()
		if err != nil {
			return nil, err
		}
		if t.pages[name], err = set.ParseFS(templateFS, f); err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
	}
	return t, nil
}

// Names lists the parsed pages, for the test that executes every one.
func (t *Templates) Names() []string {
	var out []string
	for n := range t.pages {
		out = append(out, n)
	}
	return out
}

// Render executes the named template of a page ("layout" for a whole page,
// a fragment's name for htmx) into a buffer first, so a failing template
// never sends half a page.
func (t *Templates) Render(w http.ResponseWriter, status int, page, name string, data any) error {
	set, ok := t.pages[page]
	if !ok {
		return fmt.Errorf("no page template %q", page)
	}
	b := bufPool.Get().(*bytes.Buffer)
	defer putBuf(b)
	if err := set.ExecuteTemplate(b, name, data); err != nil {
		return fmt.Errorf("render %s/%s: %w", page, name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := w.Write(b.Bytes())
	return err
}

// Fragment executes one named template of a page into w, for pieces that
// are rendered once and kept (see progressPanel).
func (t *Templates) Fragment(w io.Writer, page, name string, data any) error {
	set, ok := t.pages[page]
	if !ok {
		return fmt.Errorf("no page template %q", page)
	}
	return set.ExecuteTemplate(w, name, data)
}

// bufPool reuses render buffers: growing a fresh one was an eighth of a
// dashboard render (bench/README.md).
var bufPool = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 32<<10)) }}

func putBuf(b *bytes.Buffer) {
	if b.Cap() > 256<<10 {
		return // an outsized page should not pin its memory
	}
	b.Reset()
	bufPool.Put(b)
}
