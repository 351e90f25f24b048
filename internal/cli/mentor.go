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
	"github.com/ladderhq/ladder/internal/firstdays"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mentoring"
)

func newMentorCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "mentor",
		Short: "Your mentors: the good-mentor checklist, sessions, agreed actions and a suggested agenda",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return e.listMentors(cmd.Context()) },
	}
	list := &cobra.Command{Use: "list", Short: "List your mentors", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.listMentors(cmd.Context()) }}
	cmd.AddCommand(newMentorAddCmd(e), list, newMentorShowCmd(e), newMentorSessionCmd(e), newMentorAgendaCmd(e),
		newMentorPlanCmd(e), newMentorDeleteCmd(e))
	return cmd
}

func (e *env) listMentors(ctx context.Context) error {
	j, p, err := e.me(ctx)
	if err != nil {
		return err
	}
	c, err := firstdays.Load()
	if err != nil {
		return err
	}
	ms, err := j.Mentors.FindMentors(ctx, p.ID)
	if err != nil {
		return err
	}
	if e.json {
		return printJSONList(e, ms, func(m *ladder.Mentor) api.Mentor { return api.NewMentor(m, c) })
	}
	if len(ms) == 0 {
		fmt.Fprintln(e.stdout, "No mentors yet. Record one with `ladder mentor add --name NAME`.")
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tORGANISATION\tSTATUS\tCRITERIA MET\tSTRENGTHS")
	for _, m := range ms {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d of %d\t%s\n", m.ID, m.Name, m.Organisation, m.Status, len(m.Criteria),
			len(c.MentorCriteria), strings.Join(m.Strengths, ", "))
	}
	return w.Flush()
}

func newMentorAddCmd(e *env) *cobra.Command {
	var m ladder.Mentor
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Record a mentor, inside or outside your organisation",
		Long: `Record a mentor, for example:

  ladder mentor add --name "Dana Ruiz" --org Northwind --role "Head of IT" \
    --strength budgeting --strength vendor-management --criterion approachable

Criteria are the good-mentor criteria you judge met (see ` + "`ladder mentor show`" + `).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			m.PersonID = p.ID
			if err := j.Mentors.CreateMentor(ctx, &m); err != nil {
				return err
			}
			if e.json {
				c, err := firstdays.Load()
				if err != nil {
					return err
				}
				return e.printJSON(api.NewMentor(&m, c))
			}
			fmt.Fprintf(e.stdout, "Added mentor #%d: %s.\n", m.ID, m.Name)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&m.Name, "name", "", "their name (required)")
	f.StringVar(&m.Organisation, "org", "", "their organisation")
	f.StringVar(&m.Role, "role", "", "their role")
	f.BoolVar(&m.Inside, "inside", false, "they work in your own organisation")
	f.StringVar(&m.Background, "background", "", "their background in IT management")
	f.StringArrayVar(&m.Strengths, "strength", nil, "a competency key they are strong in; repeat for more")
	f.StringVar(&m.Contact, "contact", "", "how to reach them")
	f.StringVar(&m.Status, "status", "", strings.Join(ladder.MentorStatuses, ", ")+" (default active)")
	f.StringVar(&m.Notes, "notes", "", "your notes")
	f.StringArrayVar(&m.Criteria, "criterion", nil, "a good-mentor criterion you judge met; repeat for more")
	return cmd
}

// mentorArg loads the person's mentor named by the ID argument.
func (e *env) mentorArg(ctx context.Context, arg string) (*journey.Journey, *ladder.Person, *ladder.Mentor, error) {
	j, p, id, err := e.meAndID(ctx, arg, parseID)
	if err != nil {
		return nil, nil, nil, err
	}
	m, err := j.Mentors.FindMentor(ctx, p.ID, id)
	return j, p, m, err
}

func newMentorShowCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "A mentor with the good-mentor checklist, your sessions and the actions agreed",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, m, err := e.mentorArg(ctx, args[0])
			if err != nil {
				return err
			}
			c, err := firstdays.Load()
			if err != nil {
				return err
			}
			ss, err := j.Mentors.FindMentoringSessions(ctx, p.ID, m.ID)
			if err != nil {
				return err
			}
			w := api.MentorDetail{Mentor: api.NewMentor(m, c), Sessions: wireAll(ss, api.NewMentoringSession)}
			if e.json {
				return e.printJSON(w)
			}
			printMentor(e, w)
			return nil
		},
	}
}

func printMentor(e *env, m api.MentorDetail) {
	out := e.stdout
	fmt.Fprintf(out, "#%d %s (%s)\n", m.ID, m.Name, m.Status)
	if s := strings.Trim(m.Role+", "+m.Organisation, ", "); s != "" {
		fmt.Fprintf(out, "  %s\n", s)
	}
	if m.Contact != "" {
		fmt.Fprintf(out, "  Reach: %s\n", m.Contact)
	}
	if len(m.Strengths) > 0 {
		fmt.Fprintf(out, "  Strengths: %s\n", strings.Join(m.Strengths, ", "))
	}
	fmt.Fprintln(out, "\nWhat makes a good mentor:")
	for _, c := range m.Checklist {
		mark := "[ ]"
		if c.Met {
			mark = "[x]"
		}
		fmt.Fprintf(out, "  %s %s: ask \"%s\"\n", mark, c.Name, c.Question)
	}
	fmt.Fprintln(out, "\nSessions:")
	if len(m.Sessions) == 0 {
		fmt.Fprintf(out, "  none yet: plan one with `ladder mentor session %d --date YYYY-MM-DD --suggest`\n", m.ID)
	}
	for _, s := range m.Sessions {
		fmt.Fprintf(out, "  #%d %s, %s\n", s.ID, s.Date, s.Status)
		for _, l := range strings.Split(strings.TrimSpace(s.Agenda), "\n") {
			if l != "" {
				fmt.Fprintf(out, "      %s\n", l)
			}
		}
		for _, a := range s.Actions {
			state := fmt.Sprintf("add with `ladder mentor plan %d`", a.ID)
			if a.PlanActionID != nil {
				state = "in your plan"
			}
			fmt.Fprintf(out, "    action #%d %s (%s)\n", a.ID, a.Text, state)
		}
	}
}

func newMentorSessionCmd(e *env) *cobra.Command {
	var date, agenda, notes, status string
	var actions []string
	var suggest bool
	cmd := &cobra.Command{
		Use:   "session MENTOR-ID",
		Short: "Plan or record a session with a mentor, with the actions agreed",
		Long: `Plan or record a session. Each --action is one agreed action; start it with a
competency key and a colon to tie it to that competency:

  ladder mentor session 3 --date 2026-06-02 --suggest
  ladder mentor session 3 --date 2026-05-12 --status held --notes "..." \
    --action "budgeting: Draft next year's licence budget" --action "Ask finance for the template"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, m, err := e.mentorArg(ctx, args[0])
			if err != nil {
				return err
			}
			if date == "" {
				return ladder.Errorf(ladder.EINVALID, "--date is required (YYYY-MM-DD)")
			}
			day, err := parseDay(date, j.DB.Now())
			if err != nil {
				return err
			}
			if suggest && agenda == "" {
				ts, err := j.SuggestAgenda(ctx, p, m)
				if err != nil {
					return err
				}
				agenda = mentoring.AgendaText(ts)
			}
			model, err := j.Model(ctx)
			if err != nil {
				return err
			}
			s := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: day, Agenda: agenda, Notes: notes, Status: status}
			for _, a := range actions {
				s.Actions = append(s.Actions, journey.ParseAgreedAction(model, a))
			}
			if err := j.Mentors.CreateMentoringSession(ctx, s); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewMentoringSession(s))
			}
			fmt.Fprintf(e.stdout, "Session #%d with %s on %s (%s), %d agreed actions.\n", s.ID, m.Name,
				s.Date.Format("2 Jan 2006"), s.Status, len(s.Actions))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&date, "date", "", "the day (YYYY-MM-DD, required)")
	f.StringVar(&agenda, "agenda", "", "the agenda")
	f.BoolVar(&suggest, "suggest", false, "use the suggested agenda when --agenda is not given")
	f.StringVar(&notes, "notes", "", "your notes")
	f.StringVar(&status, "status", "", strings.Join(ladder.SessionStatuses, ", ")+" (default planned)")
	f.StringArrayVar(&actions, "action", nil, "an agreed action, optionally \"competency-key: text\"; repeat for more")
	return cmd
}

func newMentorAgendaCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "agenda MENTOR-ID",
		Short: "A suggested agenda for your next session: your top gaps, the mentor's strengths first",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, m, err := e.mentorArg(ctx, args[0])
			if err != nil {
				return err
			}
			ts, err := j.SuggestAgenda(ctx, p, m)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewAgenda(ts))
			}
			if len(ts) == 0 {
				fmt.Fprintln(e.stdout, "No gaps to suggest topics from: choose a target role with `ladder init --target SLUG`, or you have met it.")
				return nil
			}
			fmt.Fprintf(e.stdout, "Suggested agenda with %s:\n", m.Name)
			for _, t := range ts {
				mark := ""
				if t.Strength {
					mark = " (their strength)"
				}
				fmt.Fprintf(e.stdout, "- %s%s\n", t.Line(), mark)
			}
			return nil
		},
	}
}

func newMentorPlanCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "plan AGREED-ACTION-ID",
		Short: "Add an agreed action to your plan as an action of your own",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], parseID)
			if err != nil {
				return err
			}
			a, err := j.AddAgreedActionToPlan(ctx, p, id)
			if err != nil {
				return err
			}
			return e.printResult(api.NewPlanAction(*a), "Added to your plan as action #%d: %s, due %s.\n", a.ID, a.Title, a.Due.Format("2 Jan 2006"))
		},
	}
}

func newMentorDeleteCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: "Delete a mentor with their sessions (plan actions made from agreed actions stay)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, m, err := e.mentorArg(ctx, args[0])
			if err != nil {
				return err
			}
			if err := j.Mentors.DeleteMentor(ctx, p.ID, m.ID); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Deleted mentor #%d %s.\n", m.ID, m.Name)
			return nil
		},
	}
}

// optionalDay parses an optional --flag date; "" is none.
func optionalDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, ladder.Errorf(ladder.EINVALID, "--%s %q: write YYYY-MM-DD", flag, s)
	}
	return t, nil
}
