package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/onet"
)

// newONETCmd is `ladder onet`: O*NET occupations, their ratings and how far
// apart two of them are.
func newONETCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "onet",
		Short: "Search, show and compare O*NET occupations",
		Long: "Search, show and compare occupations in the O*NET® database (USDOL/ETA, CC BY 4.0).\n" +
			"Ladder ships O*NET 29.3; `ladder onet import` loads a newer text release.",
	}
	cmd.AddCommand(newONETSearchCmd(e), newONETShowCmd(e), newONETCompareCmd(e), newONETImportCmd(e))
	return cmd
}

// onetArgs checks the count of positional arguments and reports a mistake as a
// usage error (exit code 2), like a bad flag.
func onetArgs(min, max int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, a []string) error {
		if len(a) < min || (max >= 0 && len(a) > max) {
			return usageError{fmt.Errorf("want %s", what)}
		}
		return nil
	}
}

func newONETSearchCmd(e *env) *cobra.Command {
	var limit int
	cmd := &cobra.Command{
		Use:   "search TEXT...",
		Short: "Find occupations by code, title or alternate title",
		Args:  onetArgs(1, -1, "search words or a code prefix"),
		RunE: func(cmd *cobra.Command, a []string) error {
			d, err := e.onet()
			if err != nil {
				return err
			}
			q := strings.Join(a, " ")
			res := d.Search(q, limit)
			if e.json {
				return e.printJSON(api.NewONETSearch(d, res))
			}
			var b bytes.Buffer
			if len(res) == 0 {
				fmt.Fprintf(&b, "No O*NET occupation matches %q.\n", q)
				writeONETSuggestions(&b, d.Suggest(q, 5))
			} else {
				tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "CODE\tTITLE\tMATCHED")
				for _, r := range res {
					fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Code, r.Title, onetMatchNote(r.Match))
				}
				tw.Flush()
			}
			return e.writeONET(&b, d.Attribution(false))
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "show at most this many occupations (0 for all)")
	return cmd
}

func onetMatchNote(m string) string {
	if m == "code" || m == "title" {
		return ""
	}
	return "also called " + m
}

func writeONETSuggestions(b *bytes.Buffer, s []onet.SearchResult) {
	if len(s) == 0 {
		return
	}
	fmt.Fprintln(b, "Did you mean:")
	for _, r := range s {
		fmt.Fprintf(b, "  %s  %s\n", r.Code, r.Title)
	}
}

// write prints b and the O*NET attribution that must follow O*NET data.
func (e *env) writeONET(b *bytes.Buffer, attribution string) error {
	fmt.Fprintf(b, "\n%s\n", attribution)
	_, err := e.stdout.Write(b.Bytes())
	return err
}

func newONETShowCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "show CODE",
		Short: "Show an occupation: ratings, tasks, technology, education, related occupations",
		Args:  onetArgs(1, 1, "one O*NET-SOC code, e.g. 11-3021.00"),
		RunE: func(cmd *cobra.Command, a []string) error {
			d, err := e.onet()
			if err != nil {
				return err
			}
			o, err := d.Lookup(a[0])
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewONETOccupation(d, o))
			}
			var b bytes.Buffer
			writeONETOccupation(&b, d, o)
			return e.writeONET(&b, d.Attribution(false))
		},
	}
}

func newONETCompareCmd(e *env) *cobra.Command {
	var top int
	var domain string
	cmd := &cobra.Command{
		Use:   "compare FROM TO",
		Short: "Compare two occupations: gaps to close, what transfers, closest management roles",
		Long: "Compare two O*NET occupations over Skills, Knowledge and (when both have them) Work Activities.\n" +
			"A gap is an element where TO needs a higher level than FROM, weighted by TO's importance:\n" +
			"(TO level - FROM level) x TO importance. Values O*NET recommends suppressing are left out.\n" +
			"Work activity levels spread wider than skill levels, so they tend to lead the combined\n" +
			"table; --domain shows one domain. --top limits the text tables; --json prints every gap.",
		Args: onetArgs(2, 2, "two O*NET-SOC codes: FROM and TO"),
		RunE: func(cmd *cobra.Command, a []string) error {
			d, err := e.onet()
			if err != nil {
				return err
			}
			c, err := onet.Compare(d, a[0], a[1])
			if err != nil {
				return err
			}
			if domain != "" {
				if !slices.Contains([]string{onet.DomainSkills, onet.DomainKnowledge, onet.DomainWorkActivities}, domain) {
					return usageError{fmt.Errorf("--domain %q: want skills, knowledge or work_activities", domain)}
				}
				other := func(g onet.ElementGap) bool { return g.Domain != domain }
				c.Gaps, c.Transfers = slices.DeleteFunc(c.Gaps, other), slices.DeleteFunc(c.Transfers, other)
			}
			if e.json {
				return e.printJSON(api.NewONETComparison(c, d.Attribution(true)))
			}
			var b bytes.Buffer
			writeONETComparison(&b, c, top)
			return e.writeONET(&b, d.Attribution(true))
		},
	}
	cmd.Flags().IntVar(&top, "top", 10, "rows per table in the text output (0 for all)")
	cmd.Flags().StringVar(&domain, "domain", "", "only gaps and transfers of one domain: skills, knowledge or work_activities")
	return cmd
}

func newONETImportCmd(e *env) *cobra.Command {
	var release string
	cmd := &cobra.Command{
		Use:   "import DIR",
		Short: "Load an O*NET text release (the files of db_XX_X_text.zip) for Ladder to use",
		Long: "Read an O*NET text release from DIR and store it as onet.bin in Ladder's data folder,\n" +
			"where it replaces the built-in O*NET 29.3 data. Delete that file to go back.",
		Args: onetArgs(1, 1, "the folder holding the O*NET text files"),
		RunE: func(cmd *cobra.Command, a []string) error {
			d, err := onet.ParseDir(a[0])
			if err != nil {
				return ladder.Errorf(ladder.EINVALID, "%v", err)
			}
			if release != "" {
				d.Release = release
			}
			if d.Release == "" {
				return ladder.Errorf(ladder.EINVALID, "%s has no Read Me.txt naming the O*NET release; pass --release", a[0])
			}
			if err := os.MkdirAll(e.dataDir, 0o755); err != nil {
				return err
			}
			path := filepath.Join(e.dataDir, onet.FileName)
			if err := d.WriteFile(path); err != nil {
				return err
			}
			sum := onetImportWire(d, path)
			if e.json {
				return e.printJSON(sum)
			}
			var b bytes.Buffer
			writeONETImport(&b, sum)
			_, err = e.stdout.Write(b.Bytes())
			return err
		},
	}
	cmd.Flags().StringVar(&release, "release", "", "O*NET release number (e.g. 30.1) when Read Me.txt does not give it")
	return cmd
}

// onetDomainLabel names a domain in text output.
var onetDomainLabel = map[string]string{
	onet.DomainSkills:         "skill",
	onet.DomainKnowledge:      "knowledge",
	onet.DomainWorkActivities: "work activity",
	onet.DomainWorkStyles:     "work style",
}

func writeONETComparison(b *bytes.Buffer, c *onet.Comparison, top int) {
	fmt.Fprintf(b, "From  %s  %s\nTo    %s  %s\n", c.From.Code, c.From.Title, c.To.Code, c.To.Title)
	fmt.Fprintf(b, "\nGaps: where the target needs a higher level (gap = level difference x target importance)\n")
	writeONETGaps(b, c.Gaps, top, true)
	fmt.Fprintf(b, "\nWhat transfers: important to the target (IM >= 3), level already met\n")
	writeONETGaps(b, c.Transfers, top, false)
	fmt.Fprintf(b, "\nManagement occupations closest to %s (closeness 0-100)\n", c.From.Code)
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  CODE\tTITLE\tCLOSENESS\tO*NET RELATED")
	for _, cl := range c.Closest {
		fmt.Fprintf(tw, "  %s\t%s\t%9.1f\t%s\n", cl.Code, cl.Title, cl.Closeness, onetYes(cl.Related))
	}
	tw.Flush()
	if len(c.Notes) > 0 {
		fmt.Fprintln(b, "\nNotes:")
		for _, n := range c.Notes {
			fmt.Fprintf(b, "  - %s\n", n)
		}
	}
}

func writeONETGaps(b *bytes.Buffer, gs []onet.ElementGap, top int, weighted bool) {
	if len(gs) == 0 {
		fmt.Fprintln(b, "  (none)")
		return
	}
	if top <= 0 {
		top = len(gs)
	}
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  ELEMENT\tDOMAIN\tFROM LV\tTO LV\tTO IM%s\n", map[bool]string{true: "\tGAP x IM"}[weighted])
	for _, g := range gs[:min(top, len(gs))] {
		w := ""
		if weighted {
			w = fmt.Sprintf("\t%8.2f", g.WeightedGap)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%7.2f\t%5.2f\t%5.2f%s\n", g.Name, onetDomainLabel[g.Domain], g.FromLevel, g.ToLevel, g.ToImportance, w)
	}
	tw.Flush()
	if len(gs) > top {
		fmt.Fprintf(b, "  ... and %d more (--top or --json for all)\n", len(gs)-top)
	}
}

func onetYes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// writeONETImport prints what `ladder onet import` loaded.
func writeONETImport(b *bytes.Buffer, s onetImportSummary) {
	fmt.Fprintf(b, "Imported O*NET %s into %s\n", s.Release, s.Path)
	fmt.Fprintf(b, "  occupations       %d\n", s.Occupations)
	for _, dom := range onet.Domains {
		fmt.Fprintf(b, "  %-17s %d elements, %d occupations rated\n", onetDomainLabel[dom], s.Elements[dom], s.Rated[dom])
	}
	fmt.Fprintf(b, "  tasks             %d\n  technology        %d\n  alternate titles  %d\n", s.Tasks, s.Technology, s.AltTitles)
	if s.Rated[onet.DomainWorkActivities] == 0 {
		fmt.Fprintln(b, "  (no Work Activities ratings: work activities will not be compared)")
	}
}

// Caps on the text output of `ladder onet show`.
const (
	onetShowRatings    = 10
	onetShowStyles     = 5
	onetShowTasks      = 10
	onetShowTechGroups = 8
	onetShowTechEach   = 5
)

func writeONETOccupation(b *bytes.Buffer, d *onet.Dataset, o *onet.Occupation) {
	fmt.Fprintf(b, "%s (%s)\n", o.Title, o.Code)
	if o.JobZone > 0 {
		fmt.Fprintf(b, "Job Zone %d of 5\n", o.JobZone)
	}
	if o.Description != "" {
		fmt.Fprintf(b, "\n%s\n", o.Description)
	}
	if !d.Rated(o, onet.DomainSkills) {
		fmt.Fprintf(b, "\nO*NET %s has no skill or knowledge ratings for this occupation yet.\n", d.Release)
	}
	marked := false
	for _, sec := range []struct {
		domain, heading string
		n               int
	}{
		{onet.DomainSkills, "Top skills by importance (IM 1-5, LV 0-7)", onetShowRatings},
		{onet.DomainKnowledge, "Top knowledge areas by importance (IM 1-5, LV 0-7)", onetShowRatings},
		{onet.DomainWorkActivities, "Top work activities by importance (IM 1-5, LV 0-7)", onetShowRatings},
		{onet.DomainWorkStyles, "Top work styles by importance (IM 1-5)", onetShowStyles},
	} {
		marked = writeONETRatings(b, d.RatingsIn(o, sec.domain), sec.heading, sec.n) || marked
	}
	writeONETTasks(b, o.Tasks)
	writeONETTechnology(b, o.TechnologyGroups())
	if len(o.Related) > 0 {
		fmt.Fprintln(b, "\nRelated occupations")
		for _, rc := range o.Related {
			fmt.Fprintf(b, "  %s  %s\n", rc, onetRelatedTitle(d, rc))
		}
	}
	if writeONETEducation(b, o.Education) || marked {
		fmt.Fprintln(b, "\n* O*NET recommends suppressing this value (imprecise). NR: level not relevant to the job.")
	}
}

// writeONETRatings prints the top n ratings and reports whether it marked a
// value as suppressed or not relevant.
func writeONETRatings(b *bytes.Buffer, rs []onet.ElementRating, heading string, n int) (marked bool) {
	if len(rs) == 0 {
		return false
	}
	fmt.Fprintf(b, "\n%s\n", heading)
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	for _, r := range rs[:min(n, len(rs))] {
		im, lv := onetMark(r.Importance, r.HasImportance, r.ImportanceSuppressed), onetMark(r.Level, r.HasLevel, r.LevelSuppressed)
		if r.HasLevel && r.NotRelevant {
			lv += " NR"
		}
		marked = marked || strings.ContainsAny(im+lv, "*N")
		if r.HasLevel {
			im += "\tLV " + lv
		}
		fmt.Fprintf(tw, "  %s\tIM %s\n", r.Element.Name, im)
	}
	tw.Flush()
	return marked
}

func onetMark(v onet.Value, has, suppressed bool) string {
	switch {
	case !has:
		return "-"
	case suppressed:
		return v.String() + "*"
	}
	return v.String()
}

func writeONETTasks(b *bytes.Buffer, ts []onet.Task) {
	var core []string
	for _, t := range ts {
		if t.Core && len(core) < onetShowTasks {
			core = append(core, t.Statement)
		}
	}
	if len(core) == 0 {
		return
	}
	fmt.Fprintf(b, "\nCore tasks (%d of %d tasks)\n", len(core), len(ts))
	for _, t := range core {
		fmt.Fprintf(b, "  - %s\n", t)
	}
}

func writeONETTechnology(b *bytes.Buffer, gs []onet.TechGroup) {
	if len(gs) == 0 {
		return
	}
	fmt.Fprintln(b, "\nTechnology skills (hot technologies first)")
	for _, g := range gs[:min(onetShowTechGroups, len(gs))] {
		var ex []string
		for _, t := range g.Skills[:min(onetShowTechEach, len(g.Skills))] {
			ex = append(ex, t.Example+onetTechNote(t))
		}
		if more := len(g.Skills) - onetShowTechEach; more > 0 {
			ex = append(ex, fmt.Sprintf("+%d more", more))
		}
		fmt.Fprintf(b, "  %s: %s\n", g.Category, strings.Join(ex, ", "))
	}
	if more := len(gs) - onetShowTechGroups; more > 0 {
		fmt.Fprintf(b, "  ... and %d more categories (--json for all)\n", more)
	}
}

func onetTechNote(t onet.TechSkill) string {
	switch {
	case t.Hot && t.InDemand:
		return " (hot, in demand)"
	case t.Hot:
		return " (hot)"
	case t.InDemand:
		return " (in demand)"
	}
	return ""
}

func onetRelatedTitle(d *onet.Dataset, code string) string {
	if r, ok := d.Occupation(code); ok {
		return r.Title
	}
	return "(not in this O*NET copy)"
}

// writeONETEducation prints the education shares and reports whether it
// marked one as suppressed.
func writeONETEducation(b *bytes.Buffer, es []onet.EducationShare) (marked bool) {
	if len(es) == 0 {
		return false
	}
	es = slices.Clone(es)
	slices.SortStableFunc(es, func(x, y onet.EducationShare) int { return int(y.Percent) - int(x.Percent) })
	fmt.Fprintln(b, "\nRequired education (share of respondents)")
	for _, s := range es {
		fmt.Fprintf(b, "  %6s%%%s  %s\n", s.Percent.String(), map[bool]string{true: "*", false: " "}[s.Suppressed], onetShortLabel(s.Label))
		marked = marked || s.Suppressed
	}
	return marked
}

// onetShortLabel cuts O*NET's category description to its name: "Post-Secondary
// Certificate - awarded for ..." becomes "Post-Secondary Certificate".
func onetShortLabel(s string) string {
	name, _, _ := strings.Cut(s, " - ")
	return name
}

// onetImportSummary is what `ladder onet import` reports, in text or JSON.
type onetImportSummary struct {
	Release     string         `json:"release"`
	Path        string         `json:"path"`
	Occupations int            `json:"occupations"`
	Elements    map[string]int `json:"elements"` // by domain
	Rated       map[string]int `json:"rated"`    // occupations with ratings, by domain
	Tasks       int            `json:"tasks"`
	Technology  int            `json:"technology"`
	AltTitles   int            `json:"alternate_titles"`
}

func onetImportWire(d *onet.Dataset, path string) onetImportSummary {
	st := d.Stats()
	return onetImportSummary{d.Release, path, st.Occupations, st.Elements, st.Rated, st.Tasks, st.Technology, st.AltTitles}
}
