package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/first90"
)

func newTeamCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "team",
		Short: "Your team: members, one-to-one notes and their follow-ups",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return e.teamList(cmd) },
	}
	list := &cobra.Command{Use: "list", Short: "Your team members with their next one-to-one", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.teamList(cmd) }}
	cmd.AddCommand(newTeamAddCmd(e), list, newTeamShowCmd(e), newTeamOneToOneCmd(e), newTeamFollowUpCmd(e))
	return cmd
}

func (e *env) teamList(cmd *cobra.Command) error {
	ctx := cmd.Context()
	j, p, err := e.me(ctx)
	if err != nil {
		return err
	}
	ms, err := j.Team.FindTeamMembers(ctx, p.ID)
	if err != nil {
		return err
	}
	if e.json {
		return printJSONList(e, ms, api.NewTeamMember)
	}
	if len(ms) == 0 {
		fmt.Fprintln(e.stdout, "No team members yet. Add one with `ladder team add --name NAME --role ROLE`.")
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tROLE\tNEXT ONE-TO-ONE")
	for _, m := range ms {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", m.ID, m.Name, m.Role, dayOrDash(m.NextOneToOne))
	}
	return w.Flush()
}

func newTeamAddCmd(e *env) *cobra.Command {
	var b api.TeamMemberInput
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add a team member",
		Long: `Add a team member with what you know of them:

  ladder team add --name "Sam Okafor" --role "Network engineer" --goals "Lead a project" --next 2026-03-10`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			m, err := b.Member(p.ID, 0)
			if err != nil {
				return err
			}
			if err := j.Team.CreateTeamMember(ctx, m); err != nil {
				return err
			}
			return e.printResult(api.NewTeamMember(m), "Added %s (#%d) to your team.\n", m.Name, m.ID)
		},
	}
	f := cmd.Flags()
	f.StringVar(&b.Name, "name", "", "their name")
	f.StringVar(&b.Role, "role", "", "their role")
	f.StringVar(&b.Strengths, "strengths", "", "what they are good at")
	f.StringVar(&b.Goals, "goals", "", "what they want to achieve")
	f.StringVar(&b.Concerns, "concerns", "", "what worries them")
	f.StringVar(&b.Notes, "notes", "", "anything else")
	f.StringVar(&b.NextOneToOne, "next", "", "the next one-to-one, YYYY-MM-DD")
	return cmd
}

func newTeamShowCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "A team member with their one-to-ones and follow-ups",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parseID)
			if err != nil {
				return err
			}
			m, err := j.Team.FindTeamMember(ctx, p.ID, id)
			if err != nil {
				return err
			}
			os, err := j.Team.FindOneToOnes(ctx, p.ID, id)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.TeamMemberDetail{TeamMember: api.NewTeamMember(m), OneToOnes: wireAll(os, api.NewOneToOne)})
			}
			fmt.Fprintf(e.stdout, "%s, %s (#%d)\n", m.Name, m.Role, m.ID)
			for _, f := range [][2]string{{"Strengths", m.Strengths}, {"Goals", m.Goals}, {"Concerns", m.Concerns}, {"Notes", m.Notes}} {
				if f[1] != "" {
					fmt.Fprintf(e.stdout, "%s: %s\n", f[0], f[1])
				}
			}
			fmt.Fprintf(e.stdout, "Next one-to-one: %s\n", dayOrDash(m.NextOneToOne))
			for _, o := range os {
				fmt.Fprintf(e.stdout, "\n%s  %s\n", o.Date.Format("2 Jan 2006"), o.Notes)
				for _, fu := range o.FollowUps {
					mark := "[ ]"
					if fu.Done {
						mark = "[x]"
					}
					due := ""
					if !fu.Due.IsZero() {
						due = " (by " + fu.Due.Format("2 Jan") + ")"
					}
					fmt.Fprintf(e.stdout, "  %s #%d %s%s\n", mark, fu.ID, fu.Text, due)
				}
			}
			return nil
		},
	}
}

func newTeamOneToOneCmd(e *env) *cobra.Command {
	var b api.OneToOneCreate
	var followUps []string
	cmd := &cobra.Command{
		Use:   "one-to-one ID",
		Short: "Record a one-to-one with a team member, with follow-ups",
		Long: `Record a one-to-one; each --follow-up is an item to tick off later, with an
optional due date after "@":

  ladder team one-to-one 3 --notes "Talked about on-call" --follow-up "Share the rota draft@2026-03-13" --next 2026-03-24`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parseID)
			if err != nil {
				return err
			}
			for _, f := range followUps {
				text, due, _ := strings.Cut(f, "@")
				b.FollowUps = append(b.FollowUps, api.FollowUpCreate{Text: text, Due: due})
			}
			o, err := b.OneToOne(p.ID, id, j.DB.Now())
			if err != nil {
				return err
			}
			if err := j.Team.CreateOneToOne(ctx, o); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewOneToOne(o))
			}
			fmt.Fprintf(e.stdout, "Recorded the one-to-one of %s with %d %s.\n", o.Date.Format("2 Jan 2006"),
				len(o.FollowUps), plural(len(o.FollowUps), "follow-up", "follow-ups"))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&b.Date, "date", "", "the day of the meeting, YYYY-MM-DD (default today)")
	f.StringVar(&b.Notes, "notes", "", "what you talked about")
	f.StringArrayVar(&followUps, "follow-up", nil, `a follow-up, "TEXT" or "TEXT@YYYY-MM-DD"; repeat for more`)
	f.StringVar(&b.Next, "next", "", "book the next one-to-one, YYYY-MM-DD")
	return cmd
}

func newTeamFollowUpCmd(e *env) *cobra.Command {
	var undo bool
	cmd := &cobra.Command{
		Use:   "follow-up ID",
		Short: "Tick a one-to-one follow-up off (or open it again with --undo)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parseID)
			if err != nil {
				return err
			}
			fu, err := j.Team.SetFollowUpDone(ctx, p.ID, id, !undo)
			if err != nil {
				return err
			}
			return e.printResult(api.NewFollowUp(fu), "#%d %s: %s.\n", fu.ID, fu.Text, map[bool]string{true: "done", false: "open"}[fu.Done])
		},
	}
	cmd.Flags().BoolVar(&undo, "undo", false, "open the follow-up again")
	return cmd
}

func newStakeholdersCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "stakeholders",
		Short: "Your stakeholder map, grouped by quadrant of influence and interest",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			ss, err := j.Stakeholders.FindStakeholders(ctx, p.ID)
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, ss, api.NewStakeholder)
			}
			if len(ss) == 0 {
				fmt.Fprintln(e.stdout, "No stakeholders yet. Add one with `ladder stakeholders add --name NAME --influence 1-5 --interest 1-5`.")
				return nil
			}
			for _, q := range ladder.Quadrants {
				fmt.Fprintf(e.stdout, "%s:\n", quadrantNames[q])
				n := 0
				for _, s := range ss {
					if s.Quadrant() == q {
						n++
						fmt.Fprintf(e.stdout, "  #%d %s, %s (influence %d, interest %d)\n", s.ID, s.Name, s.Role, s.Influence, s.Interest)
					}
				}
				if n == 0 {
					fmt.Fprintln(e.stdout, "  none")
				}
			}
			return nil
		},
	}
	cmd.AddCommand(newStakeholdersAddCmd(e))
	return cmd
}

// quadrantNames are the quadrants' names for people.
var quadrantNames = map[string]string{ladder.QuadrantManageClosely: "Manage closely", ladder.QuadrantKeepSatisfied: "Keep satisfied",
	ladder.QuadrantKeepInformed: "Keep informed", ladder.QuadrantMonitor: "Monitor"}

func newStakeholdersAddCmd(e *env) *cobra.Command {
	var b api.StakeholderInput
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add a stakeholder with their influence and interest (1-5)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			s, err := b.Stakeholder(p.ID, 0)
			if err != nil {
				return err
			}
			if err := j.Stakeholders.CreateStakeholder(ctx, s); err != nil {
				return err
			}
			return e.printResult(api.NewStakeholder(s), "Added %s (#%d): %s.\n", s.Name, s.ID, strings.ToLower(quadrantNames[s.Quadrant()]))
		},
	}
	f := cmd.Flags()
	f.StringVar(&b.Name, "name", "", "their name")
	f.StringVar(&b.Role, "role", "", "their role and organisation")
	f.IntVar(&b.Influence, "influence", 0, "how much they can affect your work, 1-5")
	f.IntVar(&b.Interest, "interest", 0, "how much your work affects them, 1-5")
	f.StringVar(&b.Needs, "needs", "", "what they need from your team")
	f.StringVar(&b.Notes, "notes", "", "anything else")
	f.StringVar(&b.NextContact, "next", "", "when you will next talk, YYYY-MM-DD")
	return cmd
}

func newDelegateCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "delegate",
		Short: "What you still do yourself that someone else should own, and the hours freed",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			ds, err := j.Delegations.FindDelegations(ctx, p.ID)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewDelegationList(ds))
			}
			if len(ds) == 0 {
				fmt.Fprintln(e.stdout, "Nothing on your delegation list. Add a task with `ladder delegate add --task TASK --owner WHO --hours H`.")
				return nil
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tTASK\tOWNER\tSTATUS\tH/WEEK")
			for _, d := range ds {
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%g\n", d.ID, d.Task, d.Owner, d.Status, d.HoursPerWeek)
			}
			if err := w.Flush(); err != nil {
				return err
			}
			h := first90.DelegationHours(ds)
			fmt.Fprintf(e.stdout, "Freed: %g h a week. Being handed over: %g h. Still yours: %g h.\n", h.Freed, h.HandingOver, h.Mine)
			return nil
		},
	}
	cmd.AddCommand(newDelegateAddCmd(e), newDelegateSetCmd(e))
	return cmd
}

func delegationFlags(cmd *cobra.Command, b *api.DelegationInput) {
	f := cmd.Flags()
	f.StringVar(&b.Task, "task", "", "what you still do")
	f.StringVar(&b.Owner, "owner", "", "who should own it")
	f.StringVar(&b.Status, "status", "", strings.Join(ladder.DelegationStatuses, ", ")+" (default mine)")
	f.Float64Var(&b.HoursPerWeek, "hours", 0, "hours a week it takes")
	f.StringVar(&b.Notes, "notes", "", "notes on the hand-over")
}

func newDelegateAddCmd(e *env) *cobra.Command {
	var b api.DelegationInput
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add a task you should hand over",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			d := b.Delegation(p.ID, 0)
			if err := j.Delegations.CreateDelegation(ctx, d); err != nil {
				return err
			}
			return e.printResult(api.NewDelegation(d), "Added #%d: %s (%s).\n", d.ID, d.Task, d.Status)
		},
	}
	delegationFlags(cmd, &b)
	return cmd
}

func newDelegateSetCmd(e *env) *cobra.Command {
	var b api.DelegationInput
	cmd := &cobra.Command{
		Use:   "set ID",
		Short: "Change a delegation item: its status, owner, hours or notes",
		Long: `Change the fields given; the others stay:

  ladder delegate set 4 --status delegated --owner "Tomasz Nowak"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parseID)
			if err != nil {
				return err
			}
			d, err := changeOwn(ctx, p.ID, id, j.Delegations.FindDelegation, func(d *ladder.Delegation) error {
				for flag, apply := range map[string]func(){
					"task": func() { d.Task = b.Task }, "owner": func() { d.Owner = b.Owner }, "status": func() { d.Status = b.Status },
					"hours": func() { d.HoursPerWeek = b.HoursPerWeek }, "notes": func() { d.Notes = b.Notes },
				} {
					if cmd.Flags().Changed(flag) {
						apply()
					}
				}
				return nil
			}, j.Delegations.UpdateDelegation)
			if err != nil {
				return err
			}
			return e.printResult(api.NewDelegation(d), "#%d %s: %s, %s.\n", d.ID, d.Task, d.Status, ownerOrNobody(d.Owner))
		},
	}
	delegationFlags(cmd, &b)
	return cmd
}

func ownerOrNobody(s string) string {
	if s == "" {
		return "no owner yet"
	}
	return "owner " + s
}

// dayOrDash formats an optional day.
func dayOrDash(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Format("2 Jan 2006")
}
