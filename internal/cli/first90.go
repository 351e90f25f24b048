package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/first90"
	"github.com/ladderhq/ladder/internal/firstdays"
	"github.com/ladderhq/ladder/internal/journey"
)

// The first 90 days as a manager: `ladder manager`, `ladder first90`,
// `ladder team`, `ladder stakeholders`, `ladder trust`, `ladder delegate`.
// --json prints the API's wire types, so scripts see the same shapes.

// loadManagerDemo loads Priya Shah, the manager demo (`ladder demo --manager`).
func (e *env) loadManagerDemo(ctx context.Context, j *journey.Journey, keep bool) error {
	p, err := demo.LoadManager(ctx, j, j.DB.Now())
	if err != nil {
		return err
	}
	if !keep {
		if err := e.usePerson(ctx, j, p); err != nil {
			return err
		}
	}
	if e.json {
		return e.printJSON(api.NewPerson(p))
	}
	fmt.Fprintf(e.stdout, "Loaded the demo manager %s <%s>: IT manager for 40 days, with her 30/60/90-day plan, team, stakeholders, trust checklist and delegation list.\n", p.Name, p.Email)
	if keep {
		fmt.Fprintf(e.stdout, "Your current profile is unchanged; add --person %s to a command to look at the demo.\n", p.Email)
	} else {
		fmt.Fprintln(e.stdout, "Try: ladder first90, ladder team list, ladder stakeholders, ladder trust, ladder delegate")
	}
	return nil
}

func newManagerCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "manager",
		Short: "Record that you have become a manager, and see where you are in your first 90 days",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return e.showManager(cmd.Context()) },
	}
	show := &cobra.Command{Use: "show", Short: "Your manager record and today's day of the 90", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.showManager(cmd.Context()) }}
	cmd.AddCommand(newManagerStartCmd(e), show)
	return cmd
}

func newManagerStartCmd(e *env) *cobra.Command {
	var b api.ManagerUpdate
	cmd := &cobra.Command{
		Use:   "start",
		Short: "Record your new role (or change it): your 30/60/90-day plan is made from it",
		Long: `Record the date you became a manager, your team and the situation you
inherited; the 30/60/90-day plan is made for that situation. Run it again to
change the date or the situation: done steps are kept.

Situations: ` + strings.Join(ladder.ManagerSituations, ", ") + `

  ladder manager start --date 2026-03-02 --team Infrastructure --size 5 --title "IT manager" --situation turnaround`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			if b.Start == "" {
				b.Start = j.DB.Now().Format(time.DateOnly)
			}
			role, err := b.Role(p.ID)
			if err != nil {
				return err
			}
			steps, err := j.BecomeManager(ctx, role)
			if err != nil {
				return err
			}
			if e.json {
				return e.showManager(ctx)
			}
			fmt.Fprintf(e.stdout, "Recorded: %s of %s (%d people) since %s, a %s situation. Your plan has %d steps: see `ladder first90`.\n",
				role.Title, role.TeamName, role.TeamSize, role.Start.Format("2 Jan 2006"), role.Situation, len(steps))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&b.Start, "date", "", "the first day of the role, YYYY-MM-DD (default today)")
	f.StringVar(&b.TeamName, "team", "", "the team's name")
	f.IntVar(&b.TeamSize, "size", 0, "how many people are on the team")
	f.StringVar(&b.Title, "title", "", "your title")
	f.StringVar(&b.Situation, "situation", "", strings.Join(ladder.ManagerSituations, ", "))
	return cmd
}

func (e *env) showManager(ctx context.Context) error {
	j, p, err := e.me(ctx)
	if err != nil {
		return err
	}
	v, err := j.First90(ctx, p.ID, j.DB.Now())
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return ladder.Errorf(ladder.ENOTFOUND, "no manager record yet: run `ladder manager start` when you take the role")
	} else if err != nil {
		return err
	}
	if e.json {
		return e.printJSON(api.NewManager(v.Role, v.Position))
	}
	fmt.Fprintf(e.stdout, "%s of %s (%d people) since %s: %s.\n", v.Role.Title, v.Role.TeamName, v.Role.TeamSize,
		v.Role.Start.Format("2 Jan 2006"), v.Situation.Name)
	fmt.Fprintln(e.stdout, positionText(v.Position))
	fmt.Fprintf(e.stdout, "%d of %d steps done, %d overdue.\n", v.Done, len(v.Steps), len(v.Overdue))
	return nil
}

// positionText says where the person is, in a sentence.
func positionText(p first90.Position) string {
	switch {
	case p.Before():
		return fmt.Sprintf("Your role starts in %d %s.", 1-p.Day, plural(1-p.Day, "day", "days"))
	case p.After():
		return fmt.Sprintf("Day %d: your first %d days are behind you.", p.Day, p.Days)
	}
	return fmt.Sprintf("Day %d of %d: %s.", p.Day, p.Days, p.Phase.Name)
}

func newFirst90Cmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "first90",
		Short: "Your 30/60/90-day plan as a new manager, by phase",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			v, err := j.First90(ctx, p.ID, j.DB.Now())
			if ladder.ErrorCode(err) == ladder.ENOTFOUND {
				return ladder.Errorf(ladder.ENOTFOUND, "no plan yet: run `ladder manager start` when you take the role")
			} else if err != nil {
				return err
			}
			if e.json {
				weeks, err := j.SplitSince(ctx, p.ID, v.Role.Start)
				if err != nil {
					return err
				}
				return e.printJSON(api.NewFirst90(v, weeks))
			}
			return printFirst90(e, v, j.DB.Now())
		},
	}
	cmd.AddCommand(newFirst90DoneCmd(e))
	return cmd
}

func printFirst90(e *env, v *journey.First90View, now time.Time) error {
	fmt.Fprintf(e.stdout, "%s — %s\n", positionText(v.Position), v.Situation.Name)
	overdue := map[int64]bool{}
	for _, s := range v.Overdue {
		overdue[s.ID] = true
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, ph := range v.Phases {
		fmt.Fprintf(w, "\n%s (%d of %d done)\n", ph.Phase.Name, ph.Done, len(ph.Steps))
		for _, s := range ph.Steps {
			mark := "[ ]"
			switch {
			case s.Done:
				mark = "[x]"
			case overdue[s.ID]:
				mark = "[!]"
			}
			star := ""
			if s.Emphasised {
				star = " *"
			}
			fmt.Fprintf(w, "%s\t%d\t%s\t%s%s\n", mark, s.ID, s.Due.Format("2 Jan"), s.Title, star)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\n[!] overdue, * stressed by your situation. Mark a step with `ladder first90 done ID`.\n")
	return nil
}

func newFirst90DoneCmd(e *env) *cobra.Command {
	var note string
	var undo bool
	cmd := &cobra.Command{
		Use:   "done ID",
		Short: "Mark a step of your plan done (or not done with --undo), with an optional note",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parseID)
			if err != nil {
				return err
			}
			st, err := j.Manager.FindFirst90Step(ctx, p.ID, id)
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("note") {
				note = st.Note
			}
			if st, err = j.Manager.MarkFirst90Step(ctx, p.ID, id, !undo, note); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewFirst90Step(st))
			}
			state := "done"
			if !st.Done {
				state = "not done"
			}
			fmt.Fprintf(e.stdout, "#%d %s: %s.\n", st.ID, st.Title, state)
			return nil
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "a note: what you did or found")
	cmd.Flags().BoolVar(&undo, "undo", false, "mark the step not done")
	return cmd
}

func newTrustCmd(e *env) *cobra.Command {
	var week string
	cmd := &cobra.Command{
		Use:   "trust",
		Short: "Your weekly trust-building checklist: this week's ticks and the weeks before",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return e.trust(cmd.Context(), week, nil, nil)
		},
	}
	cmd.PersistentFlags().StringVar(&week, "week", "", "a day of the week, YYYY-MM-DD (default this week)")
	tick := &cobra.Command{Use: "tick KEY...", Short: "Tick habits of the week by key", Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return e.trust(cmd.Context(), week, args, nil) }}
	untick := &cobra.Command{Use: "untick KEY...", Short: "Take ticks of the week back", Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return e.trust(cmd.Context(), week, nil, args) }}
	cmd.AddCommand(tick, untick)
	return cmd
}

// trust ticks and unticks habits of a week, then prints the checklist.
func (e *env) trust(ctx context.Context, weekArg string, tick, untick []string) error {
	j, p, err := e.me(ctx)
	if err != nil {
		return err
	}
	day, err := parseDay(weekArg, j.DB.Now())
	if err != nil {
		return ladder.Errorf(ladder.EINVALID, "--week %q: write YYYY-MM-DD", weekArg)
	}
	week := ladder.WeekOf(day)
	ws, err := j.Manager.FindTrustWeeks(ctx, p.ID, time.Time{}, time.Time{})
	if err != nil {
		return err
	}
	ticked := map[string]bool{}
	for _, w := range ws {
		if w.Week.Equal(week) {
			for _, h := range w.Habits {
				ticked[h] = true
			}
		}
	}
	if len(tick)+len(untick) > 0 {
		for _, h := range tick {
			ticked[h] = true
		}
		for _, h := range untick {
			delete(ticked, h)
		}
		tw := &ladder.TrustWeek{PersonID: p.ID, Week: week}
		for h := range ticked {
			tw.Habits = append(tw.Habits, h)
		}
		if err := j.Manager.SetTrustWeek(ctx, tw); err != nil {
			return err
		}
		if ws, err = j.Manager.FindTrustWeeks(ctx, p.ID, time.Time{}, time.Time{}); err != nil {
			return err
		}
	}
	if e.json {
		out := api.TrustWeek{Week: week.Format(time.DateOnly), Habits: []string{}}
		for _, w := range ws {
			if w.Week.Equal(week) {
				out.Habits = append(out.Habits, w.Habits...)
			}
		}
		return e.printJSON(out)
	}
	return printTrust(e, week, ticked, ws)
}

func printTrust(e *env, week time.Time, ticked map[string]bool, ws []*ladder.TrustWeek) error {
	c, err := firstdays.Load()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Trust-building habits, week of %s:\n", week.Format("2 Jan 2006"))
	for _, a := range c.TrustHabits {
		fmt.Fprintf(e.stdout, "\n%s\n", a.Name)
		for _, h := range a.Habits {
			mark := "[ ]"
			if ticked[h.Key] {
				mark = "[x]"
			}
			fmt.Fprintf(e.stdout, "  %s %s (%s)\n", mark, h.Text, h.Key)
		}
	}
	if len(ws) > 0 {
		fmt.Fprintln(e.stdout, "\nWeeks so far:")
		for _, w := range ws {
			fmt.Fprintf(e.stdout, "  %s  %d habits\n", w.Week.Format("2 Jan 2006"), len(w.Habits))
		}
	}
	return nil
}
