package cli

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

func newOrgPipelineCmd(e *env) *cobra.Command {
	var cohort, sort string
	var asCSV bool
	cmd := &cobra.Command{
		Use:   "pipeline PROGRAMME",
		Short: "A programme's pipeline: bench strength for its target role and where each member stands",
		Long: `Show a programme's pipeline (programme admins and owners): for each member of
its cohorts, readiness for the programme's target role with when they are
projected to be ready, and plan progress, as far as they share them with
programme admins ("not shared" otherwise). PROGRAMME is the programme's id or
name. Every view is written to the organisation's audit log.

  ladder org pipeline "Future IT managers" --cohort Spring
  ladder org pipeline 3 --csv > pipeline.csv`,
		Args: onetArgs(1, 1, "one programme: its id or name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, me, err := e.me(ctx)
			if err != nil {
				return err
			}
			q := journey.PipelineQuery{Sort: sort, Via: "cli"}
			if q.ProgrammeID, q.CohortID, err = orgPipelineArgs(ctx, j, me, args[0], cohort); err != nil {
				return err
			}
			switch {
			case asCSV && e.json:
				return usageError{fmt.Errorf("choose --csv or --json, not both")}
			case asCSV:
				q.Via = "cli csv"
			case e.json:
				q.Via = "cli json"
			}
			v, err := j.ProgrammePipelineFor(ctx, me, q)
			if err != nil {
				return err
			}
			switch {
			case asCSV:
				return api.WritePipelineCSV(e.stdout, v)
			case e.json:
				return e.printJSON(api.NewOrgPipeline(v))
			}
			return e.printPipeline(v)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cohort, "cohort", "", "only this cohort of the programme (its id or name)")
	f.StringVar(&sort, "sort", journey.PipelineByReadiness, "order of the rows: readiness (highest first) or name")
	f.BoolVar(&asCSV, "csv", false, "print CSV (the columns of the web export)")
	return cmd
}

// orgPipelineArgs finds the programme by id or name among those whose
// pipelines the person may see, and the cohort by id or name among its
// cohorts.
func orgPipelineArgs(ctx context.Context, j *journey.Journey, me *ladder.Person, programme, cohort string) (int64, int64, error) {
	progID, err := strconv.ParseInt(programme, 10, 64)
	if err != nil {
		ps, err := j.PipelineProgrammes(ctx, me)
		if err != nil {
			return 0, 0, err
		}
		i := slices.IndexFunc(ps, func(p *ladder.OrgProgramme) bool { return strings.EqualFold(p.Name, strings.TrimSpace(programme)) })
		if i < 0 {
			return 0, 0, ladder.Errorf(ladder.ENOTFOUND, "No programme named %q: see `ladder org programme list`.", programme)
		}
		progID = ps[i].ID
	}
	if cohort == "" {
		return progID, 0, nil
	}
	if id, err := strconv.ParseInt(cohort, 10, 64); err == nil {
		return progID, id, nil
	}
	v, err := j.Programme(ctx, me, progID)
	if err != nil {
		return 0, 0, err
	}
	for _, c := range v.Cohorts {
		if strings.EqualFold(c.Name, strings.TrimSpace(cohort)) {
			return progID, c.ID, nil
		}
	}
	return 0, 0, ladder.Errorf(ladder.ENOTFOUND, "No cohort named %q in %s.", cohort, v.Programme.Name)
}

// printPipeline prints the bench strength and a table of the rows.
func (e *env) printPipeline(v *journey.PipelineView) error {
	what := "all cohorts"
	if v.Cohort != nil {
		what = "cohort " + v.Cohort.Name
	}
	b := v.Bench
	fmt.Fprintf(e.stdout, "%s (%d): towards %s, %s, %d %s\n", v.Programme.Name, v.Programme.ID, v.Target.Title, what, b.Total,
		map[bool]string{true: "person", false: "people"}[b.Total == 1])
	if b.Total == 0 {
		fmt.Fprintln(e.stdout, "Nobody in the cohorts yet: add people with `ladder org cohort`.")
		return nil
	}
	var counts []string
	for _, h := range slices.Concat(readiness.Horizons, []string{journey.PipelineNotShared}) {
		label := strings.ToLower(readiness.HorizonLabel(h))
		if h == journey.PipelineNotShared {
			label = "not shared"
		}
		counts = append(counts, fmt.Sprintf("%s %d", label, b.Count(h)))
	}
	fmt.Fprintf(e.stdout, "Bench: %s; not started %d\n", strings.Join(counts, " · "), b.NotStarted)
	fmt.Fprintf(e.stdout, "Ready now means a readiness score of %d or more; the rest are projected from the last 12 months.\n\n",
		readiness.ReadyNowScore)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tCOHORTS\tACCOUNT\tREADINESS\tCONFIDENCE\tREADY\tPLAN\tSTATUS")
	for _, r := range v.Rows {
		ready, conf, when, plan := "not shared", "", "not shared", "not shared"
		if rd := r.Readiness; rd != nil {
			ready, when = "not assessed", strings.ToLower(readiness.HorizonLabel(rd.Projection.Horizon))
			if rd.Assessed {
				ready, conf = charts.Num(rd.Score, 1), rd.ConfidenceLabel
			}
		}
		if pl := r.Plan; pl != nil {
			plan = "no plan"
			if pl.HasPlan {
				plan = fmt.Sprintf("%d/%d done", pl.Done, pl.Total)
				if pl.Overdue > 0 {
					plan += fmt.Sprintf(", %d overdue", pl.Overdue)
				}
			}
		}
		account := map[bool]string{true: "yes", false: "not yet"}[r.HasAccount]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, orDash(strings.Join(r.Cohorts, ", ")), account, ready, orDash(conf), when, plan,
			strings.ReplaceAll(r.Status, "-", " "))
	}
	return tw.Flush()
}
