package report

import (
	"bytes"
	"fmt"
	"strings"
)

// Markdown renders the report as GitHub-flavoured Markdown. The output
// depends only on the report, so it is stable for the same data.
func (r *Report) Markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Development report: %s\n\n", md(r.Name))
	fmt.Fprintf(&b, "- Target role: %s\n", md(r.TargetRole))
	if r.StartRole != "" {
		fmt.Fprintf(&b, "- Start role: %s\n", md(r.StartRole))
	}
	fmt.Fprintf(&b, "- Date: %s\n", r.Date)

	rd := r.Readiness
	fmt.Fprintf(&b, "\n## Readiness\n\nReadiness for %s: **%s of 100**, confidence %s of 100 (%s).\n",
		md(r.TargetRole), rd.Score, rd.Confidence, md(rd.ConfidenceLabel))
	if len(rd.Basis) > 0 {
		b.WriteString("\nBuilt from:\n\n")
		for _, s := range rd.Basis {
			fmt.Fprintf(&b, "- %s\n", md(s))
		}
	}
	if len(rd.Trend) > 0 {
		b.WriteString("\nTrend after each self-assessment:\n\n")
		table(&b, []string{"Date", "Readiness", "Confidence"}, len(rd.Trend), func(i int) []string {
			t := rd.Trend[i]
			return []string{t.Date, t.Score, t.Confidence}
		})
	}

	b.WriteString("\n## Top gaps\n\n")
	if len(r.Gaps) == 0 {
		b.WriteString("No gaps: every requirement of the target role is met.\n")
	} else {
		table(&b, []string{"Competency", "Area", "Required", "Current", "Gap", "Importance", "Weighted gap"}, len(r.Gaps), func(i int) []string {
			g := r.Gaps[i]
			return []string{g.Competency, g.Area, g.Required, g.Current, g.Gap, g.Importance, g.Weighted}
		})
		if r.GapsMore > 0 {
			fmt.Fprintf(&b, "\nAnd %d smaller %s.\n", r.GapsMore, plural(r.GapsMore, "gap", "gaps"))
		}
	}

	r.planMarkdown(&b)
	r.evidenceMarkdown(&b)
	r.certsMarkdown(&b)
	if r.Attribution != "" {
		fmt.Fprintf(&b, "\n---\n\n%s (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/)\n", md(r.Attribution))
	}
	return b.Bytes()
}

func (r *Report) planMarkdown(b *bytes.Buffer) {
	b.WriteString("\n## Development plan\n\n")
	p := r.Plan
	if p == nil {
		b.WriteString("No plan yet.\n")
		return
	}
	fmt.Fprintf(b, "%s; %s", p.Horizon, p.Done)
	if p.Mix != "" {
		fmt.Fprintf(b, "; %s", p.Mix)
	}
	b.WriteString(".\n")
	for _, g := range p.Goals {
		fmt.Fprintf(b, "\n### %s: %s (%s)\n\n%s\n", md(g.Competency), g.Target, g.Status, md(g.Specific))
		if len(g.Actions) == 0 {
			continue
		}
		b.WriteString("\n")
		table(b, []string{"Action", "Kind", "Due", "Status"}, len(g.Actions), func(i int) []string {
			a := g.Actions[i]
			return []string{a.Title, a.Kind, a.Due, a.Status}
		})
	}
}

func (r *Report) evidenceMarkdown(b *bytes.Buffer) {
	b.WriteString("\n## Evidence\n\n")
	if len(r.Evidence) == 0 {
		b.WriteString("No evidence logged yet.\n")
		return
	}
	table(b, []string{"Date", "Kind", "Title", "Competencies", "Figures"}, len(r.Evidence), func(i int) []string {
		e := r.Evidence[i]
		return []string{e.Date, e.Kind, e.Title, e.Competencies, e.Figures}
	})
}

func (r *Report) certsMarkdown(b *bytes.Buffer) {
	b.WriteString("\n## Certifications\n\n")
	if len(r.Certifications) == 0 {
		b.WriteString("No certifications recorded or recommended.\n")
		return
	}
	table(b, []string{"Certification", "Issuer", "Status", "Eligibility"}, len(r.Certifications), func(i int) []string {
		c := r.Certifications[i]
		return []string{c.Name, c.Issuer, c.Status, c.Eligibility}
	})
}

// table writes a Markdown table of n rows.
func table(b *bytes.Buffer, head []string, n int, row func(int) []string) {
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	for range head {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for i := range n {
		cells := row(i)
		for j, c := range cells {
			cells[j] = cell(c)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
}

// cell makes text safe in a table cell: no pipes, no line breaks.
func cell(s string) string {
	if s == "" {
		return "-"
	}
	return strings.ReplaceAll(md(strings.Join(strings.Fields(s), " ")), "|", `\|`)
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, "[", `\[`, "]", `\]`)

// md escapes the characters that would turn a user's words into markup.
func md(s string) string { return mdEscaper.Replace(s) }
