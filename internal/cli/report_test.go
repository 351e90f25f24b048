package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "demo")
		md := c.ok(nil, "report")
		for _, w := range []string{"# Development report: Alex Moreno", "## Readiness", "## Top gaps", "## Evidence", "## Certifications"} {
			if !strings.Contains(md, w) {
				t.Errorf("markdown lacks %q:\n%s", w, md)
			}
		}
		c.fail(2, []string{"choose html, md or pdf"}, "report", "--format", "doc")

		html := filepath.Join(c.dir, "report.html")
		c.ok(nil, "report", "--format", "html", "-o", html)
		if b, err := os.ReadFile(html); err != nil || !strings.Contains(string(b), "@media print") || !strings.Contains(string(b), "Alex Moreno") {
			t.Errorf("html report: %v\n%s", err, b)
		}
		pdf := filepath.Join(c.dir, "report.pdf")
		c.ok(nil, "report", "--format", "pdf", "-o", pdf)
		b, err := os.ReadFile(pdf)
		if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
			t.Fatalf("pdf report: %v", err)
		}
		// Standard output in tests is a buffer, not a terminal.
		if out := c.ok(nil, "report", "--format", "pdf"); !strings.HasPrefix(out, "%PDF-") {
			t.Errorf("pdf to a pipe: %.20q", out)
		}
	})
}
