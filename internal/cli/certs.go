package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/certs"
	"github.com/ladderhq/ladder/internal/journey"
)

// certJSON is one certification in `ladder certs ... --json`.
type certJSON struct {
	Key         string          `json:"key"`
	Name        string          `json:"name"`
	Abbrev      string          `json:"abbrev"`
	Issuer      string          `json:"issuer"`
	Status      string          `json:"status"`
	StudyHours  float64         `json:"study_hours"`
	Started     string          `json:"started,omitempty"`
	ExamBooked  string          `json:"exam_booked,omitempty"`
	Passed      string          `json:"passed,omitempty"`
	Expires     string          `json:"expires,omitempty"`
	Eligibility eligibilityJSON `json:"eligibility"`
}

type eligibilityJSON struct {
	Eligible     bool     `json:"eligible"`
	Met          []string `json:"met"`
	Missing      []string `json:"missing"`
	Alternatives []string `json:"alternatives,omitempty"`
	Notes        []string `json:"notes,omitempty"`
}

// certDetailJSON adds the catalogue facts to certJSON for `certs show`.
type certDetailJSON struct {
	certJSON
	Shows   string           `json:"shows"`
	Link    string           `json:"link"`
	Facts   []certFactJSON   `json:"facts"`
	Counted []experienceJSON `json:"counted"`
}

type certFactJSON struct {
	Section     string       `json:"section"`
	Summary     string       `json:"summary"`
	Sources     []sourceJSON `json:"sources"`
	Unconfirmed []string     `json:"unconfirmed,omitempty"`
}

type sourceJSON struct {
	Name       string `json:"name"`
	URL        string `json:"url"`
	Checked    string `json:"checked"`
	SecondHand bool   `json:"second_hand,omitempty"`
}

type experienceJSON struct {
	Kind  string `json:"kind"`
	Start string `json:"start"`
	End   string `json:"end"`
	From  string `json:"from"`
}

type recommendationJSON struct {
	Key      string   `json:"key"`
	Name     string   `json:"name"`
	Score    float64  `json:"score"`
	FitsRole bool     `json:"fits_role"`
	Covers   []string `json:"covers"`
	Reason   string   `json:"reason"`
	NextStep string   `json:"next_step,omitempty"`
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func newCertJSON(v *journey.CertView) certJSON {
	el := v.Eligibility
	out := certJSON{Key: v.Cert.Key, Name: v.Cert.Name, Abbrev: v.Cert.Abbrev, Issuer: v.Cert.Issuer, Status: "none",
		Eligibility: eligibilityJSON{Eligible: el.Eligible, Met: append([]string{}, el.Met...),
			Missing: append([]string{}, el.Missing...), Alternatives: el.Alternatives, Notes: el.Notes}}
	if r := v.Record; r != nil {
		out.Status, out.StudyHours = string(r.Status), r.StudyHours
		out.Started, out.ExamBooked, out.Passed, out.Expires = dateOrEmpty(r.Started), dateOrEmpty(r.ExamBooked),
			dateOrEmpty(r.Passed), dateOrEmpty(r.Expires)
	}
	return out
}

func newCertsCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "certs",
		Short: "Certifications: the catalogue with your status and eligibility",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o, err := e.certOverview(cmd.Context())
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, o.Certs, func(v journey.CertView) certJSON { return newCertJSON(&v) })
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "KEY\tCERTIFICATION\tISSUER\tSTATUS\tELIGIBLE")
			for i := range o.Certs {
				c := newCertJSON(&o.Certs[i])
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", c.Key, c.Abbrev, c.Issuer, c.Status, yesNo(c.Eligibility.Eligible))
			}
			if err := w.Flush(); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, "\nDetails: `ladder certs show KEY`. Suggestions for your target: `ladder certs recommend`.")
			return nil
		},
	}
	cmd.AddCommand(newCertsShowCmd(e), newCertsSetCmd(e), newCertsRecommendCmd(e), newCertsDegreeCmd(e))
	return cmd
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (e *env) certOverview(ctx context.Context) (*journey.CertOverview, error) {
	j, p, err := e.me(ctx)
	if err != nil {
		return nil, err
	}
	return j.CertificationOverview(ctx, p)
}

func newCertsShowCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "show KEY",
		Short: "One certification: its facts with sources, your status and eligibility",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := e.certOverview(cmd.Context())
			if err != nil {
				return err
			}
			v, err := o.Certification(args[0])
			if err != nil {
				return err
			}
			d := newCertDetailJSON(v)
			if e.json {
				return e.printJSON(d)
			}
			printCertDetail(e.stdout, &d)
			return nil
		},
	}
}

func newCertDetailJSON(v *journey.CertView) certDetailJSON {
	c := v.Cert
	d := certDetailJSON{certJSON: newCertJSON(v), Shows: c.Shows, Link: c.Link.URL, Counted: []experienceJSON{}}
	add := func(section, summary string, srcs []ladder.Source, unconfirmed []string) {
		f := certFactJSON{Section: section, Summary: summary, Sources: []sourceJSON{}, Unconfirmed: unconfirmed}
		for _, s := range srcs {
			f.Sources = append(f.Sources, sourceJSON{Name: s.Name, URL: s.URL, Checked: dateOrEmpty(s.Checked), SecondHand: s.SecondHand})
		}
		d.Facts = append(d.Facts, f)
	}
	p := c.Prerequisites
	add("Prerequisites", p.Summary, p.Sources, p.Unconfirmed)
	add("Exam", certs.ExamSummary(c.Exam), c.Exam.Sources, c.Exam.Unconfirmed)
	add("Cost", certs.CostSummary(c.Cost), c.Cost.Sources, c.Cost.Unconfirmed)
	add("Study hours", certs.StudySummary(c.StudyHours), c.StudyHours.Sources, c.StudyHours.Unconfirmed)
	add("Renewal", c.Renewal.Summary, c.Renewal.Sources, c.Renewal.Unconfirmed)
	for _, x := range v.Counted {
		d.Counted = append(d.Counted, experienceJSON{Kind: x.Kind, Start: dateOrEmpty(x.Start), End: dateOrEmpty(x.End), From: x.Note})
	}
	return d
}

func printCertDetail(w io.Writer, d *certDetailJSON) {
	fmt.Fprintf(w, "%s (%s), %s\n%s\n%s\n\nYour status: %s", d.Name, d.Abbrev, d.Issuer, d.Shows, d.Link, d.Status)
	if d.StudyHours > 0 {
		fmt.Fprintf(w, ", %g hours of study", d.StudyHours)
	}
	fmt.Fprintln(w)
	for _, f := range d.Facts {
		fmt.Fprintf(w, "\n%s: %s\n", f.Section, f.Summary)
		for _, s := range f.Sources {
			fmt.Fprintf(w, "  source: %s <%s>, checked %s\n", s.Name, s.URL, s.Checked)
		}
		for _, u := range f.Unconfirmed {
			fmt.Fprintf(w, "  unconfirmed: %s\n", u)
		}
	}
	el := d.Eligibility
	fmt.Fprintf(w, "\nEligible: %s\n", yesNo(el.Eligible))
	for _, m := range el.Met {
		fmt.Fprintf(w, "  met: %s\n", m)
	}
	for _, m := range el.Missing {
		fmt.Fprintf(w, "  missing: %s\n", m)
	}
	for _, a := range el.Alternatives {
		fmt.Fprintf(w, "  another route: %s\n", a)
	}
	for _, n := range el.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	for _, x := range d.Counted {
		fmt.Fprintf(w, "  counted: %s %s to %s, from evidence %s\n", x.Kind, x.Start, x.End, x.From)
	}
}

func newCertsSetCmd(e *env) *cobra.Command {
	var status, started, booked, passed, expires, notes string
	var hours float64
	cmd := &cobra.Command{
		Use:   "set KEY",
		Short: "Record where you stand with a certification",
		Long: `Record your status with a certification, for example:

  ladder certs set pmp --status studying --hours 12 --started 2026-04-01
  ladder certs set capm --status passed --passed 2026-05-01 --expires 2029-05-01`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			c := &ladder.PersonCertification{PersonID: p.ID, Key: args[0], Status: ladder.CertStatus(status), StudyHours: hours, Notes: notes}
			for _, d := range []struct {
				flag, v string
				dst     *time.Time
			}{{"--started", started, &c.Started}, {"--booked", booked, &c.ExamBooked}, {"--passed", passed, &c.Passed}, {"--expires", expires, &c.Expires}} {
				if d.v == "" {
					continue
				}
				if *d.dst, err = time.Parse(time.DateOnly, d.v); err != nil {
					return ladder.Errorf(ladder.EINVALID, "%s %q: write YYYY-MM-DD", d.flag, d.v)
				}
			}
			if err := j.Certifications.SetPersonCertification(ctx, c); err != nil {
				return err
			}
			if e.json {
				o, err := j.CertificationOverview(ctx, p)
				if err != nil {
					return err
				}
				v, err := o.Certification(c.Key)
				if err != nil {
					return err
				}
				return e.printJSON(newCertJSON(v))
			}
			fmt.Fprintf(e.stdout, "Saved: %s is %s.\n", c.Key, c.Status)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&status, "status", string(ladder.CertConsidering), "considering, studying, booked, passed or expired")
	f.Float64Var(&hours, "hours", 0, "hours of study logged so far")
	f.StringVar(&started, "started", "", "when study began, YYYY-MM-DD")
	f.StringVar(&booked, "booked", "", "the date of the booked exam, YYYY-MM-DD")
	f.StringVar(&passed, "passed", "", "the date you passed, YYYY-MM-DD")
	f.StringVar(&expires, "expires", "", "the end of validity, YYYY-MM-DD")
	f.StringVar(&notes, "notes", "", "anything to remember")
	return cmd
}

func newCertsRecommendCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "recommend",
		Short: "Certifications that fit your target role and biggest gaps",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o, err := e.certOverview(cmd.Context())
			if err != nil {
				return err
			}
			out := make([]recommendationJSON, 0, len(o.Recommendations))
			for _, r := range o.Recommendations {
				out = append(out, recommendationJSON{Key: r.Key, Name: r.Name, Score: r.Score, FitsRole: r.FitsRole,
					Covers: append([]string{}, r.Covers...), Reason: r.Reason, NextStep: r.NextStep})
			}
			if e.json {
				return e.printJSON(out)
			}
			if len(out) == 0 {
				fmt.Fprintln(e.stdout, "No suggestions: choose a target role with `ladder init --target SLUG` and assess yourself.")
				return nil
			}
			for i, r := range out {
				fmt.Fprintf(e.stdout, "%d. %s (%s)\n   %s\n", i+1, r.Name, r.Key, r.Reason)
				if r.NextStep != "" {
					fmt.Fprintf(e.stdout, "   %s\n", r.NextStep)
				}
			}
			return nil
		},
	}
}

func newCertsDegreeCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "degree bachelor|secondary|none",
		Short: "Record your highest degree, which some prerequisites depend on",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			d := ladder.Degree(strings.ToLower(strings.TrimSpace(args[0])))
			if err := j.Certifications.SetDegree(ctx, p.ID, d); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(struct {
					Degree string `json:"degree"`
				}{string(d)})
			}
			fmt.Fprintf(e.stdout, "Saved: your degree is %s.\n", d)
			return nil
		},
	}
}
