package resume

import (
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

// Document is a person's resume bullets to write out.
type Document struct {
	Name string
	// Role is the title of the role the bullets are ranked for.
	Role string
	// Bullets in resume order; hidden ones are left out of the output.
	Bullets []*ladder.ResumeBullet
}

// Visible returns the bullets not hidden, in order.
func (d Document) Visible() []*ladder.ResumeBullet {
	var out []*ladder.ResumeBullet
	for _, b := range d.Bullets {
		if !b.Hidden {
			out = append(out, b)
		}
	}
	return out
}

// Markdown writes the bullets as a list to paste into a resume, then each
// one in STAR detail to prepare the interview that follows.
func Markdown(d Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Resume bullets: %s\n\n", mdEscape(d.Name))
	if d.Role != "" {
		fmt.Fprintf(&b, "Ranked for the role of %s: the most relevant first.\n\n", mdEscape(d.Role))
	}
	vis := d.Visible()
	if len(vis) == 0 {
		b.WriteString("No bullets yet: log evidence of what you have led, then generate them.\n")
		return b.String()
	}
	for _, bl := range vis {
		fmt.Fprintf(&b, "- %s\n", mdEscape(bl.Text))
	}
	b.WriteString("\n## In detail (situation, task, action, result)\n")
	for i, bl := range vis {
		fmt.Fprintf(&b, "\n### %d. %s\n\n", i+1, mdEscape(bl.Text))
		for _, p := range starParts(bl) {
			fmt.Fprintf(&b, "- **%s:** %s\n", p[0], mdEscape(p[1]))
		}
	}
	return b.String()
}

// Text writes the same as plain text, for forms that take no formatting.
func Text(d Document) string {
	var b strings.Builder
	title := "RESUME BULLETS: " + d.Name
	fmt.Fprintf(&b, "%s\n%s\n\n", title, strings.Repeat("=", len([]rune(title))))
	if d.Role != "" {
		fmt.Fprintf(&b, "Ranked for the role of %s: the most relevant first.\n\n", d.Role)
	}
	vis := d.Visible()
	if len(vis) == 0 {
		b.WriteString("No bullets yet: log evidence of what you have led, then generate them.\n")
		return b.String()
	}
	for _, bl := range vis {
		fmt.Fprintf(&b, "* %s\n", bl.Text)
	}
	b.WriteString("\nIN DETAIL (SITUATION, TASK, ACTION, RESULT)\n")
	for i, bl := range vis {
		fmt.Fprintf(&b, "\n%d. %s\n", i+1, bl.Text)
		for _, p := range starParts(bl) {
			fmt.Fprintf(&b, "   %s: %s\n", p[0], p[1])
		}
	}
	return b.String()
}

// starParts lists the written STAR steps of a bullet with their names.
func starParts(bl *ladder.ResumeBullet) [][2]string {
	var out [][2]string
	for _, p := range [][2]string{{"Situation", bl.Situation}, {"Task", bl.Task}, {"Action", bl.Action}, {"Result", bl.Result}} {
		if strings.TrimSpace(p[1]) != "" {
			out = append(out, p)
		}
	}
	return out
}

// mdEscape keeps text from turning into Markdown it was not meant to be:
// a leading "#" or "-" and emphasis characters are escaped, and line
// breaks fold into spaces so a list item stays one item.
func mdEscape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`)
	s = r.Replace(s)
	if s != "" && strings.ContainsRune("#-+|", rune(s[0])) {
		s = `\` + s
	}
	return s
}
