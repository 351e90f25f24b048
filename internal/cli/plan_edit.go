package cli

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// dateFlag reads a YYYY-MM-DD flag value.
func dateFlag(name, s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, &ladder.Error{Code: ladder.EINVALID, Message: fmt.Sprintf("--%s %q: write YYYY-MM-DD.", name, s),
			Fields: map[string]string{name: "must be a date (YYYY-MM-DD)"}}
	}
	return t, nil
}

// goalArg reads a GOAL_ID.
func goalArg(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{fmt.Errorf("GOAL_ID must be a number, as `ladder plan` shows it after Goal #")}
	}
	return id, nil
}

// planChanged reports a changed plan: as JSON with --json, else in a line.
func (e *env) planChanged(pl *ladder.Plan, format string, args ...any) error {
	if e.json {
		return e.printJSON(newPlanJSON(pl))
	}
	fmt.Fprintf(e.stdout, format+"\n", args...)
	return nil
}

func newPlanEditCmd(e *env) *cobra.Command {
	var title, due, doneWhen string
	cmd := &cobra.Command{
		Use:   "edit ACTION_ID",
		Short: "Change an action's title, due date or done-when criterion (regeneration keeps it)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := actionArg(args[0])
			if err != nil {
				return err
			}
			var ed journey.ActionEdit
			if cmd.Flags().Changed("title") {
				ed.Title = &title
			}
			if cmd.Flags().Changed("done-when") {
				ed.DoneWhen = &doneWhen
			}
			if cmd.Flags().Changed("due") {
				t, err := dateFlag("due", due)
				if err != nil {
					return err
				}
				ed.Due = &t
			}
			if ed == (journey.ActionEdit{}) {
				return usageError{fmt.Errorf("give at least one of --title, --due, --done-when")}
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			pl, err := j.EditAction(cmd.Context(), p, id, ed)
			if err != nil {
				return err
			}
			return e.planChanged(pl, "Action #%d changed.", id)
		},
	}
	cmd.Flags().StringVar(&title, "title", "", "the new title")
	cmd.Flags().StringVar(&due, "due", "", "the new due date, YYYY-MM-DD")
	cmd.Flags().StringVar(&doneWhen, "done-when", "", "the new observable criterion of done")
	return cmd
}

func newPlanAddCmd(e *env) *cobra.Command {
	var goal int64
	var title, kind, due, doneWhen string
	cmd := &cobra.Command{
		Use:   "add --goal GOAL_ID --title TITLE --kind experience|others|formal --due YYYY-MM-DD",
		Short: "Add your own action to a goal (regeneration keeps it)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if goal <= 0 {
				return usageError{fmt.Errorf("--goal GOAL_ID is required, as `ladder plan` shows it after Goal #")}
			}
			var t time.Time
			if due != "" {
				var err error
				if t, err = dateFlag("due", due); err != nil {
					return err
				}
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			pl, err := j.AddAction(cmd.Context(), p, goal, title, kind, t, doneWhen)
			if err != nil {
				return err
			}
			var id int64
			for _, g := range pl.Goals {
				if g.ID == goal && len(g.Actions) > 0 {
					id = g.Actions[len(g.Actions)-1].ID
				}
			}
			return e.planChanged(pl, "Action #%d added to goal #%d.", id, goal)
		},
	}
	cmd.Flags().Int64Var(&goal, "goal", 0, "the goal's id")
	cmd.Flags().StringVar(&title, "title", "", "what you will do")
	cmd.Flags().StringVar(&kind, "kind", "", "experience (70), others (20) or formal (10)")
	cmd.Flags().StringVar(&due, "due", "", "the due date, YYYY-MM-DD")
	cmd.Flags().StringVar(&doneWhen, "done-when", "", "an observable criterion of done (optional)")
	return cmd
}

func newPlanMoveCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "move ACTION_ID up|down",
		Short: "Move an action up or down within its goal",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := actionArg(args[0])
			if err != nil {
				return err
			}
			delta := 0
			switch args[1] {
			case "up":
				delta = -1
			case "down":
				delta = 1
			default:
				return usageError{fmt.Errorf("the direction must be up or down, not %q", args[1])}
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			pl, err := j.MoveAction(cmd.Context(), p, id, delta)
			if err != nil {
				return err
			}
			return e.planChanged(pl, "Action #%d moved %s.", id, args[1])
		},
	}
}

func newPlanGoalCmd(e *env) *cobra.Command {
	var specific, measure, target string
	var level int
	cmd := &cobra.Command{
		Use:   "goal GOAL_ID",
		Short: "Change a goal's behaviour, measure, target date or level (regeneration keeps it)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := goalArg(args[0])
			if err != nil {
				return err
			}
			var ed journey.GoalEdit
			if cmd.Flags().Changed("specific") {
				ed.Specific = &specific
			}
			if cmd.Flags().Changed("measure") {
				ed.Measure = &measure
			}
			if cmd.Flags().Changed("level") {
				ed.TargetLevel = &level
			}
			if cmd.Flags().Changed("target-date") {
				t, err := dateFlag("target-date", target)
				if err != nil {
					return err
				}
				ed.TargetDate = &t
			}
			if ed == (journey.GoalEdit{}) {
				return usageError{fmt.Errorf("give at least one of --specific, --measure, --target-date, --level")}
			}
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			pl, err := j.EditGoal(cmd.Context(), p, id, ed)
			if err != nil {
				return err
			}
			return e.planChanged(pl, "Goal #%d changed.", id)
		},
	}
	cmd.Flags().StringVar(&specific, "specific", "", "the behaviour to show")
	cmd.Flags().StringVar(&measure, "measure", "", "how you and others will know it is reached")
	cmd.Flags().StringVar(&target, "target-date", "", "the target date, YYYY-MM-DD")
	cmd.Flags().IntVar(&level, "level", 0, "the target level, 1 to 5")
	return cmd
}
