package cli

import (
	"fmt"
	"os"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// planJSON is a plan in `ladder plan ... --json`.
type planJSON struct {
	ID            int64      `json:"id"`
	TargetRole    string     `json:"target_role"`
	Start         string     `json:"start"`
	End           string     `json:"end"`
	HoursPerMonth int        `json:"hours_per_month"`
	GeneratedAt   time.Time  `json:"generated_at"`
	Mix           mixJSON    `json:"mix"`
	Goals         []goalJSON `json:"goals"`
}

type mixJSON struct {
	Experience int `json:"experience"`
	Others     int `json:"others"`
	Formal     int `json:"formal"`
}

type goalJSON struct {
	ID          int64        `json:"id"`
	Competency  string       `json:"competency"`
	Specific    string       `json:"specific"`
	Measure     string       `json:"measure"`
	TargetLevel int          `json:"target_level"`
	TargetDate  string       `json:"target_date"`
	Why         string       `json:"why"`
	Achievable  string       `json:"achievable"`
	Done        bool         `json:"done"`
	Edited      bool         `json:"edited"`
	Actions     []actionJSON `json:"actions"`
}

type actionJSON struct {
	ID           int64    `json:"id"`
	Key          string   `json:"key,omitempty"`
	Title        string   `json:"title"`
	Kind         string   `json:"kind"`
	Category     string   `json:"category,omitempty"`
	Competencies []string `json:"competencies"`
	EffortHours  int      `json:"effort_hours"`
	DoneWhen     string   `json:"done_when"`
	Start        string   `json:"start,omitempty"`
	Due          string   `json:"due"`
	Why          string   `json:"why,omitempty"`
	After        []string `json:"after"`
	Done         bool     `json:"done"`
	Edited       bool     `json:"edited"`
	Dropped      bool     `json:"dropped"`
}

func dateJSON(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

func newPlanJSON(p *ladder.Plan) planJSON {
	m := p.Mix()
	out := planJSON{ID: p.ID, TargetRole: p.TargetRole, Start: dateJSON(p.Start), End: dateJSON(p.End),
		HoursPerMonth: p.HoursPerMonth, GeneratedAt: p.GeneratedAt.UTC(), Mix: mixJSON(m), Goals: []goalJSON{}}
	for _, g := range p.Goals {
		gj := goalJSON{ID: g.ID, Competency: g.Competency, Specific: g.Specific, Measure: g.Measure,
			TargetLevel: g.TargetLevel, TargetDate: dateJSON(g.TargetDate), Why: g.Why, Achievable: g.Achievable,
			Done: g.Done, Edited: g.Edited, Actions: []actionJSON{}}
		for _, a := range g.Actions {
			gj.Actions = append(gj.Actions, actionJSON{ID: a.ID, Key: a.Key, Title: a.Title, Kind: a.Kind,
				Category: a.Category, Competencies: append([]string{}, a.Competencies...), EffortHours: a.EffortHours,
				DoneWhen: a.DoneWhen, Start: dateJSON(a.Start), Due: dateJSON(a.Due), Why: a.Why,
				After: append([]string{}, a.After...), Done: a.Done, Edited: a.Edited, Dropped: a.Dropped})
		}
		out.Goals = append(out.Goals, gj)
	}
	return out
}

func newPlanCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Your development plan: SMART goals for your biggest gaps, with 70-20-10 actions",
		Long: `Show your development plan: each goal with its actions, their kind (70-20-10:
experience, learning from others, formal learning), effort and due date.
Generate one with ` + "`ladder plan generate`" + `.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			pl, err := j.Plans().FindPlan(cmd.Context(), p.ID)
			if err != nil {
				return err
			}
			return e.showPlan(cmd, j, pl)
		},
	}
	cmd.AddCommand(newPlanGenerateCmd(e), newPlanDoneCmd(e), newPlanDropCmd(e), newPlanICSCmd(e),
		newPlanEditCmd(e), newPlanAddCmd(e), newPlanMoveCmd(e), newPlanGoalCmd(e))
	return cmd
}

func (e *env) showPlan(cmd *cobra.Command, j *journey.Journey, pl *ladder.Plan) error {
	if e.json {
		return e.printJSON(newPlanJSON(pl))
	}
	m, err := j.Model(cmd.Context())
	if err != nil {
		return err
	}
	role := pl.TargetRole
	if r, ok := m.Role(role); ok {
		role = r.Title
	}
	fmt.Fprintf(e.stdout, "Development plan to %s, %s to %s", role, pl.Start.UTC().Format("2 Jan 2006"), pl.End.UTC().Format("2 Jan 2006"))
	if pl.HoursPerMonth > 0 {
		fmt.Fprintf(e.stdout, ", %d hours a month", pl.HoursPerMonth)
	}
	mix := pl.Mix()
	fmt.Fprintf(e.stdout, "\nMix: %d experience (%.0f%%), %d from others (%.0f%%), %d formal (%.0f%%); 70-20-10 is a rule of thumb\n",
		mix.Experience, 100*mix.Share(ladder.Kind70), mix.Others, 100*mix.Share(ladder.Kind20), mix.Formal, 100*mix.Share(ladder.Kind10))
	for _, g := range pl.Goals {
		name := g.Competency
		if c, ok := m.Competency(name); ok {
			name = c.Name
		}
		fmt.Fprintf(e.stdout, "\nGoal #%d (%s): %s, level %d by %s\n  %s\n", g.ID, status(g.Done, false), name, g.TargetLevel,
			g.TargetDate.UTC().Format("2 Jan 2006"), g.Specific)
		w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "  ID\tKIND\tDUE\tHOURS\tSTATUS\tACTION")
		for _, a := range g.Actions {
			fmt.Fprintf(w, "  %d\t%s\t%s\t%d\t%s\t%s\n", a.ID, kindLabel(a.Kind), a.Due.UTC().Format(time.DateOnly),
				a.EffortHours, status(a.Done, a.Dropped), a.Title)
		}
		w.Flush()
	}
	fmt.Fprintln(e.stdout, "\nMark an action done with `ladder plan done ID`; change it with `ladder plan edit ID`, a goal with\n`ladder plan goal GOAL_ID`; add your own with `ladder plan add --goal GOAL_ID`; export the dates\nwith `ladder plan ics -o plan.ics`.")
	return nil
}

func status(done, dropped bool) string {
	switch {
	case dropped:
		return "dropped"
	case done:
		return "done"
	}
	return "open"
}

func kindLabel(kind string) string {
	switch kind {
	case ladder.Kind70:
		return "70 experience"
	case ladder.Kind20:
		return "20 others"
	case ladder.Kind10:
		return "10 formal"
	}
	return kind
}

func newPlanGenerateCmd(e *env) *cobra.Command {
	var o journey.PlanOptions
	var until string
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Generate your plan from your current gaps (keeps completed and edited items)",
		Long: `Generate a development plan from today over 6, 12 or 18 months (--months) or
until a date (--until), at a monthly load of --hours. Regenerating after a new
assessment keeps the goals and actions you completed or edited.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if until != "" {
				t, err := time.Parse(time.DateOnly, until)
				if err != nil {
					return ladder.Errorf(ladder.EINVALID, "--until %q: write YYYY-MM-DD", until)
				}
				o.Until = t
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			pl, err := j.GeneratePlan(cmd.Context(), p, o)
			if err != nil {
				return err
			}
			return e.showPlan(cmd, j, pl)
		},
	}
	cmd.Flags().IntVar(&o.Months, "months", 0, "the horizon: 6, 12 or 18 months (default 12)")
	cmd.Flags().StringVar(&until, "until", "", "the last day of the plan, YYYY-MM-DD, instead of --months")
	cmd.Flags().IntVar(&o.HoursPerMonth, "hours", 12, "hours a month you can give to the plan")
	return cmd
}

// actionArg reads an ACTION_ID argument.
func actionArg(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{fmt.Errorf("ACTION_ID must be a number, as `ladder plan` shows it")}
	}
	return id, nil
}

func newPlanDoneCmd(e *env) *cobra.Command {
	var undo bool
	cmd := &cobra.Command{
		Use:   "done ACTION_ID",
		Short: "Mark an action of your plan done (or not done with --undo)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := actionArg(args[0])
			if err != nil {
				return err
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			if err := j.Plans().SetActionDone(cmd.Context(), p.ID, id, !undo); err != nil {
				return err
			}
			if undo {
				fmt.Fprintf(e.stdout, "Action #%d is open again.\n", id)
			} else {
				fmt.Fprintf(e.stdout, "Action #%d done. Log what it showed with `ladder log add`.\n", id)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&undo, "undo", false, "mark the action not done")
	return cmd
}

func newPlanDropCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "drop ACTION_ID",
		Short: "Drop an action from your plan; regeneration will not offer it again",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := actionArg(args[0])
			if err != nil {
				return err
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			if err := j.Plans().DropAction(cmd.Context(), p.ID, id); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Action #%d dropped.\n", id)
			return nil
		},
	}
}

func newPlanICSCmd(e *env) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "ics",
		Short: "Export the plan's due dates as an iCalendar (.ics) file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			pl, err := j.Plans().FindPlan(cmd.Context(), p.ID)
			if err != nil {
				return err
			}
			b := journey.PlanICS(pl)
			if out == "" || out == "-" {
				_, err := e.stdout.Write(b)
				return err
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Wrote %s.\n", out)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (default standard output)")
	return cmd
}
