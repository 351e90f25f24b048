package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
)

// newOrgFeedbackCmd is `ladder org feedback`: 360 rounds a programme admin
// starts for a cohort, and their progress (counts only).
func newOrgFeedbackCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feedback",
		Short: "360 rounds for a cohort: raters proposed from the organisation chart, start, progress (programme admins)",
		Long: `Start a round of 360 feedback for the members of a cohort, asking about the
programme's target role, with raters proposed from the organisation chart
(manager, direct reports, peers, mentors as stakeholders). Each rater gets a
personal link by mail, so mail must be set up (--smtp or LADDER_SMTP_URL).
Afterwards you see each round's progress: how many were asked and answered
and the closing day, never results, answers or who answered; the results are
the member's own.

  ladder org feedback show --cohort 3
  ladder org feedback start --cohort 3 --title "Spring 360" --closes 2026-06-15 \
      --add lea@example.com=stakeholder:cfo@example.com --remove lea@example.com=tom@example.com
  ladder org feedback remind --cohort 3`,
	}
	cmd.AddCommand(newOrgFeedbackShowCmd(e), newOrgFeedbackStartCmd(e), newOrgFeedbackRemindCmd(e))
	return cmd
}

func newOrgFeedbackShowCmd(e *env) *cobra.Command {
	var cohort int64
	cmd := &cobra.Command{
		Use:   "show",
		Short: "The cohort's members with their proposed raters and the progress of their rounds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			v, err := j.CohortFeedback(ctx, p, cohort)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewCohortFeedback(v))
			}
			return e.printCohortFeedback(v)
		},
	}
	cmd.Flags().Int64Var(&cohort, "cohort", 0, "the cohort's id (ladder org programme show ID lists them) (required)")
	cmd.MarkFlagRequired("cohort")
	return cmd
}

func (e *env) printCohortFeedback(v *journey.CohortFeedbackView) error {
	fmt.Fprintf(e.stdout, "%s (%s): rounds ask about the %d competencies %s requires.\n", v.Cohort.Name, v.Programme.Name,
		len(v.Competencies), v.TargetTitle)
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "MEMBER\tROUND\tSTATUS\tASKED\tANSWERED\tCLOSES")
	for _, m := range v.Members {
		if len(m.Rounds) == 0 {
			status := "not started"
			if m.Open {
				status = "has a round of their own open"
			}
			fmt.Fprintf(w, "%s\t–\t%s\t–\t–\t–\n", m.Name, status)
		}
		for _, r := range m.Rounds {
			status := "open"
			if r.Closed() {
				status = "closed " + r.ClosedAt.Format(time.DateOnly)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%s\n", m.Name, r.Title, status, r.Invited, r.Answered, r.ClosesOn.Format(time.DateOnly))
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "\nProposed raters (for members without an open round):")
	for _, m := range v.Members {
		if m.Open {
			continue
		}
		fmt.Fprintf(e.stdout, "  %s <%s>:", m.Name, m.Email)
		if len(m.Proposed) == 0 {
			fmt.Fprint(e.stdout, " nobody (add raters with --add)")
		}
		fmt.Fprintln(e.stdout)
		for _, r := range m.Proposed {
			fmt.Fprintf(e.stdout, "    %-12s %s <%s>\n", r.Category, r.Name, r.Email)
		}
	}
	if !v.MailOn {
		fmt.Fprintln(e.stdout, "\nMail is not set up: give --smtp (or LADDER_SMTP_URL) to start rounds, so that links go straight to raters.")
	}
	return nil
}

func newOrgFeedbackStartCmd(e *env) *cobra.Command {
	var cohort int64
	var title, closes string
	var members, adds, removes []string
	var fm feedbackMail
	cmd := &cobra.Command{
		Use:   "start",
		Short: "Start a round for members of the cohort and mail each rater their link",
		Long: `Start a round for every member of the cohort who has none open (or only the
--member ones), with the raters the organisation chart proposes, less those
--remove'd and plus those --add'ed. Everything is checked first: one bad
address and nothing starts. Members with a round open are skipped and said so.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			base, err := fm.linkBase(j)
			if err != nil {
				return err
			}
			day, err := time.Parse(time.DateOnly, closes)
			if err != nil {
				return usageError{fmt.Errorf("--closes: %q is not a date (YYYY-MM-DD)", closes)}
			}
			in := journey.CohortStart{Title: title, ClosesOn: day}
			if len(members)+len(adds)+len(removes) > 0 {
				if in.Rounds, err = cohortRoundsFromFlags(ctx, j, p, cohort, members, adds, removes); err != nil {
					return err
				}
			}
			res, err := j.StartCohortFeedback(ctx, p, cohort, in, base)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewCohortFeedbackStarted(res))
			}
			for _, r := range res {
				switch {
				case r.Skipped != "":
					fmt.Fprintf(e.stdout, "%s: skipped, %s\n", r.Name, r.Skipped)
				default:
					fmt.Fprintf(e.stdout, "%s: round %d, %d raters asked, %d mailed\n", r.Name, r.RoundID, r.Raters, r.Mailed)
					if r.Problem != "" {
						fmt.Fprintf(e.stderr, "%s: %d mails not sent: %s\n", r.Name, r.Failed, r.Problem)
					}
				}
			}
			fmt.Fprintln(e.stdout, journey.CohortFeedbackStarted(res))
			return nil
		},
	}
	f := cmd.Flags()
	f.Int64Var(&cohort, "cohort", 0, "the cohort's id (required)")
	f.StringVar(&title, "title", "", "what the round is for, such as \"Spring 360\" (required)")
	f.StringVar(&closes, "closes", "", "the closing day, YYYY-MM-DD: links work to its end (required)")
	f.StringArrayVar(&members, "member", nil, "start only for this member (email); repeat for more")
	f.StringArrayVar(&adds, "add", nil, "MEMBER_EMAIL=CATEGORY:RATER_EMAIL, a rater to ask beside the proposed ones; repeat for more")
	f.StringArrayVar(&removes, "remove", nil, "MEMBER_EMAIL=RATER_EMAIL, a proposed rater not to ask; repeat for more")
	addFeedbackMailFlags(cmd, &fm, false)
	for _, name := range []string{"cohort", "title", "closes"} {
		cmd.MarkFlagRequired(name)
	}
	return cmd
}

func newOrgFeedbackRemindCmd(e *env) *cobra.Command {
	var cohort int64
	var fm feedbackMail
	cmd := &cobra.Command{
		Use:   "remind",
		Short: "Remind the raters who have not answered in the cohort's open rounds (fresh links by mail)",
		Long: `Mail a fresh link to every rater of the cohort's open rounds who has not
answered (the earlier link stops working). You learn how many, not who.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			base, err := fm.linkBase(j)
			if err != nil {
				return err
			}
			rounds, rem, err := j.RemindCohortFeedback(ctx, p, cohort, base)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.CohortFeedbackReminders{Rounds: rounds, Sent: rem.Sent, Failed: rem.Failed})
			}
			fmt.Fprintf(e.stdout, "Reminders sent: %d, in %d open rounds.\n", rem.Sent, rounds)
			if rem.Failed > 0 {
				fmt.Fprintf(e.stderr, "%d reminders not sent: %s\n", rem.Failed, rem.Problem)
			}
			return nil
		},
	}
	cmd.Flags().Int64Var(&cohort, "cohort", 0, "the cohort's id (required)")
	addFeedbackMailFlags(cmd, &fm, false)
	cmd.MarkFlagRequired("cohort")
	return cmd
}

// cohortRoundsFromFlags builds the rounds to start from the proposal and
// the --member, --add and --remove flags.
func cohortRoundsFromFlags(ctx context.Context, j *journey.Journey, p *ladder.Person, cohort int64, members, adds, removes []string) ([]ladder.CohortRound, error) {
	v, err := j.CohortFeedback(ctx, p, cohort)
	if err != nil {
		return nil, err
	}
	byEmail := map[string]*journey.CohortFeedbackMember{}
	for i := range v.Members {
		byEmail[strings.ToLower(v.Members[i].Email)] = &v.Members[i]
	}
	member := func(flag, email string) (*journey.CohortFeedbackMember, error) {
		m := byEmail[strings.ToLower(strings.TrimSpace(email))]
		if m == nil {
			return nil, usageError{fmt.Errorf("%s: %s is not a member of the cohort %q", flag, email, v.Cohort.Name)}
		}
		return m, nil
	}
	chosen := map[int64][]ladder.CohortRater{}
	var order []int64
	pick := func(m *journey.CohortFeedbackMember) {
		if _, ok := chosen[m.PersonID]; !ok {
			chosen[m.PersonID] = slices.Clone(m.Proposed)
			order = append(order, m.PersonID)
		}
	}
	for _, email := range members {
		m, err := member("--member", email)
		if err != nil {
			return nil, err
		}
		pick(m)
	}
	if len(members) == 0 {
		for i := range v.Members {
			if !v.Members[i].Open {
				pick(&v.Members[i])
			}
		}
	}
	for _, r := range removes {
		who, rater, ok := strings.Cut(r, "=")
		if !ok {
			return nil, usageError{fmt.Errorf("--remove %q: write MEMBER_EMAIL=RATER_EMAIL", r)}
		}
		m, err := member("--remove", who)
		if err != nil {
			return nil, err
		}
		pick(m)
		chosen[m.PersonID] = slices.DeleteFunc(chosen[m.PersonID], func(c ladder.CohortRater) bool {
			return strings.EqualFold(c.Email, strings.TrimSpace(rater))
		})
	}
	for _, a := range adds {
		who, rest, ok := strings.Cut(a, "=")
		cat, rater, ok2 := strings.Cut(rest, ":")
		if !ok || !ok2 {
			return nil, usageError{fmt.Errorf("--add %q: write MEMBER_EMAIL=CATEGORY:RATER_EMAIL", a)}
		}
		m, err := member("--add", who)
		if err != nil {
			return nil, err
		}
		pick(m)
		chosen[m.PersonID] = append(chosen[m.PersonID], ladder.CohortRater{Category: strings.TrimSpace(cat), Email: strings.TrimSpace(rater)})
	}
	out := make([]ladder.CohortRound, 0, len(order))
	for _, id := range order {
		out = append(out, ladder.CohortRound{PersonID: id, Raters: append([]ladder.CohortRater{}, chosen[id]...)})
	}
	return out, nil
}
