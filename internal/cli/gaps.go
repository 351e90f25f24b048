package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

func newGapsCmd(e *env) *cobra.Command {
	var target string
	var all bool
	var top int
	cmd := &cobra.Command{
		Use:   "gaps",
		Short: "Your gaps to the target role, the largest weighted gap first",
		Long: `Show each competency the target role needs: the required level, your current
level and where it comes from, the gap (required minus current, never below 0)
and the weighted gap (gap x importance), largest first. --json prints every
requirement; the table shows those with a gap unless --all.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := e.snapshot(cmd, target)
			if err != nil {
				return err
			}
			gaps := s.Gaps()
			if e.json {
				return e.printJSON(api.NewGaps(gaps))
			}
			fmt.Fprintf(e.stdout, "Gaps of %s to %s (weighted gap = gap x importance)\n\n", s.Person.Name, s.Target.Title)
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "#\tCOMPETENCY\tAREA\tREQUIRED\tCURRENT\tGAP\tIMPORTANCE\tWEIGHTED\tFROM")
			shown := 0
			var bases []string
			seen := map[string]bool{}
			for _, g := range gaps {
				if (g.Gap == 0 && !all) || (top > 0 && shown == top) {
					continue
				}
				shown++
				from := g.Basis
				if g.Source == readiness.SourcePrior {
					from = "estimate*"
					if !seen[g.Basis] {
						seen[g.Basis] = true
						bases = append(bases, g.Basis)
					}
				}
				fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\t%s\t%d\t%s\t%s\n", shown, g.Name, g.AreaName, g.Required,
					num(g.Current), num(g.Gap), g.Importance, num(g.WeightedGap), from)
			}
			w.Flush()
			for _, b := range bases {
				fmt.Fprintf(e.stdout, "* %s\n", b)
			}
			if len(bases) > 0 && s.Attribution != "" {
				fmt.Fprintf(e.stdout, "\n%s\n", s.Attribution)
			}
			if shown == 0 {
				fmt.Fprintln(e.stdout, "No gaps: your current levels meet every requirement of the role.")
			}
			fmt.Fprintln(e.stdout, "\nCurrent levels come from your latest self-rating, else an estimate from your start role,")
			fmt.Fprintln(e.stdout, "plus at most half a level from your evidence log (`ladder log`); see docs/readiness.md.")
			return nil
		},
	}
	cmd.Flags().StringVar(&target, "target", "", "another target role than your profile's")
	cmd.Flags().BoolVar(&all, "all", false, "include requirements you already meet")
	cmd.Flags().IntVar(&top, "top", 0, "show only the N largest gaps")
	return cmd
}

func newReadinessCmd(e *env) *cobra.Command {
	var target string
	var allTargets bool
	cmd := &cobra.Command{
		Use:   "readiness",
		Short: "How ready you are for the target role (0-100), how sure that is, and the trend",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := e.snapshot(cmd, target)
			if err != nil {
				return err
			}
			if allTargets {
				return printAllTargets(e, s)
			}
			r := api.NewReadiness(s.Readiness(), s.Trend())
			if e.json {
				return e.printJSON(r)
			}
			printReadiness(e, s, r)
			return nil
		},
	}
	cmd.Flags().StringVar(&target, "target", "", "another target role than your profile's")
	cmd.Flags().BoolVar(&allTargets, "all-targets", false, "compare every target role: which is the shortest climb")
	return cmd
}

func printReadiness(e *env, s *journey.Snapshot, r api.Readiness) {
	fmt.Fprintf(e.stdout, "Readiness of %s for %s: %s / 100\n", s.Person.Name, r.TargetTitle, num(r.Score))
	built := sourceSummary(r.Sources)
	if n := s.Readiness().Evidence; n > 0 {
		built += fmt.Sprintf("; %d backed by your evidence log", n)
	}
	fmt.Fprintf(e.stdout, "Confidence: %s (%s / 100). Built from %s.\n", r.ConfidenceLabel, num(r.Confidence), built)
	if n := len(r.Trend); n > 1 {
		var pts []string
		for _, p := range r.Trend {
			pts = append(pts, fmt.Sprintf("%s %s", p.At.Format("2006-01-02"), num(p.Score)))
		}
		fmt.Fprintf(e.stdout, "Trend: %s\n", strings.Join(pts, " -> "))
	}
	fmt.Fprintln(e.stdout)
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "AREA\tREADINESS\tWEIGHTED GAP\tCOMPETENCIES")
	for _, a := range r.Areas {
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\n", a.Name, num(a.Score), num(a.WeightedGap), a.Requirements)
	}
	w.Flush()
	fmt.Fprintf(e.stdout, "\nHow it is computed: %s\n", api.ReadinessMethod)
	if r.Sources["prior"] > 0 && s.Attribution != "" {
		fmt.Fprintf(e.stdout, "\nEstimates use O*NET data. %s\n", s.Attribution)
	}
}

func printAllTargets(e *env, s *journey.Snapshot) error {
	rs := s.AllTargets()
	if e.json {
		out := make([]api.Readiness, 0, len(rs))
		for _, r := range rs {
			out = append(out, api.NewReadiness(r, nil))
		}
		return e.printJSON(out)
	}
	fmt.Fprintf(e.stdout, "Readiness of %s for every target role, the shortest climb first\n\n", s.Person.Name)
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "#\tROLE\tREADINESS\tCONFIDENCE\tREMAINING WEIGHTED GAP")
	for i, r := range rs {
		mark := ""
		if r.Target == s.Person.TargetRole {
			mark = "  (your target)"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s%s\n", i+1, r.TargetTitle, num(r.Score), r.ConfidenceLabel, num(r.TotalGap), mark)
	}
	return w.Flush()
}

func sourceSummary(src map[string]int) string {
	var parts []string
	for _, k := range []struct{ key, label string }{{"360", "others' feedback (360)"}, {"self", "your self-rating"}, {"prior", "an estimate from your start role"}, {"none", "nothing yet (counted as level 1)"}} {
		if n := src[k.key]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s on %s", n, plural(n, "competency", "competencies"), k.label))
		}
	}
	if len(parts) == 0 {
		return "no requirements"
	}
	return strings.Join(parts, ", ")
}

// num prints a number without trailing zeros: 3, 2.5, 47.4.
func num(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// snapshot loads the current person's levels.
func (e *env) snapshot(cmd *cobra.Command, target string) (*journey.Snapshot, error) {
	ctx := cmd.Context()
	j, p, err := e.me(ctx)
	if err != nil {
		return nil, err
	}
	return j.Snapshot(ctx, p, target)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
