package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

// sharingFlags are the audiences' flags of `ladder sharing set`.
var sharingFlags = []struct{ flag, audience, help string }{
	{"mentor", ladder.AudienceMentor, "what your mentors may see"},
	{"manager", ladder.AudienceManager, "what your manager may see"},
	{"admins", ladder.AudienceAdmins, "what the programme admins and owners may see"},
}

func newSharingCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sharing",
		Short: "What you share with your mentors, manager and programme admins, and who looked",
		Long: `Show what the people around you in your organisation may see of your own data:
readiness, gaps, plan, evidence and journal. Nothing is shared until you choose
with ` + "`ladder sharing set`" + `. Every look at what you share is recorded; this lists the
newest. Your 360 feedback results are never shared this way.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			return e.printSharing(cmd.Context(), j, p)
		},
	}
	cmd.AddCommand(newSharingSetCmd(e))
	return cmd
}

func newSharingSetCmd(e *env) *cobra.Command {
	parts := map[string]*[]string{}
	cmd := &cobra.Command{
		Use:   "set",
		Short: "Choose what each audience may see (flags left out keep their choice)",
		Example: `  ladder sharing set --mentor readiness,gaps,plan --manager readiness
  ladder sharing set --admins none`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			cur, err := j.Sharing(ctx, p)
			if err != nil {
				return err
			}
			with := map[string]ladder.ShareSet{}
			changed := false
			for _, f := range sharingFlags {
				with[f.audience] = cur.For(f.audience)
				if cmd.Flags().Changed(f.flag) {
					with[f.audience] = sharingParts(*parts[f.flag])
					changed = true
				}
			}
			if !changed {
				return usageError{fmt.Errorf("give --mentor, --manager or --admins (a list of %s, or none)", strings.Join(ladder.ShareParts, ", "))}
			}
			if _, err := j.SetSharing(ctx, p, with); err != nil {
				return sharingFlagError(err)
			}
			return e.printSharing(ctx, j, p)
		},
	}
	for _, f := range sharingFlags {
		parts[f.flag] = cmd.Flags().StringSlice(f.flag, nil, f.help+": "+strings.Join(ladder.ShareParts, ",")+", or none")
	}
	return cmd
}

// sharingParts reads a flag's list; "none" (or nothing) shares nothing.
func sharingParts(vs []string) ladder.ShareSet {
	var out ladder.ShareSet
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" && v != "none" {
			out = append(out, v)
		}
	}
	return out
}

// sharingFlagError names the flags in the store's field errors.
func sharingFlagError(err error) error {
	e, ok := err.(*ladder.Error)
	if !ok || len(e.Fields) == 0 {
		return err
	}
	out := &ladder.Error{Code: e.Code, Message: e.Message, Fields: map[string]string{}}
	for k, v := range e.Fields {
		for _, f := range sharingFlags {
			if f.audience == k {
				k = "--" + f.flag
			}
		}
		out.Fields[k] = v
	}
	return out
}

func (e *env) printSharing(ctx context.Context, j *journey.Journey, p *ladder.Person) error {
	s, err := j.SharingSettings(ctx, p, 20)
	if err != nil {
		return err
	}
	if e.json {
		return e.printJSON(api.NewSharing(s))
	}
	w := e.stdout
	fmt.Fprintf(w, "What you share in %s", s.Org.Name)
	if at := s.Sharing.UpdatedAt; at.IsZero() {
		fmt.Fprintln(w, " (you have not chosen yet: nothing is shared)")
	} else {
		fmt.Fprintf(w, " (last changed %s)\n", at.Format("2 Jan 2006"))
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nWHO\tSHARED\tWHO IT IS NOW")
	for _, f := range sharingFlags {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", ladder.AudienceLabel(f.audience), sharingText(s.Sharing.For(f.audience)), orDash(strings.Join(s.Who[f.audience], ", ")))
	}
	tw.Flush()
	fmt.Fprintln(w, "\nYour journal is personal: share it only with someone you trust with it.")
	fmt.Fprintf(w, "\nWho looked at your data: %d %s", s.ViewsTotal, map[bool]string{true: "time", false: "times"}[s.ViewsTotal == 1])
	if len(s.Views) < s.ViewsTotal {
		fmt.Fprintf(w, ", the newest %d", len(s.Views))
	}
	fmt.Fprintln(w)
	for _, v := range s.Views {
		fmt.Fprintf(w, "  %s  %s  %s\n", v.At.UTC().Format("2006-01-02 15:04"), orDash(v.ActorName), v.Detail)
	}
	return nil
}

// sharingText lists parts, "nothing" for none.
func sharingText(s ladder.ShareSet) string { return s.String() }

func newOrgPeopleCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "people [ID]",
		Short: "The people you mentor or manage, or what one of them shares with you",
		Long: `Without ID, list the members you mentor or manage with what each shares with you.
With a member's ID (as listed), show what they share with you as their mentor,
manager or programme admin; the parts they keep to themselves show as not
shared. Every look is recorded in the organisation's audit log, which they read.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if len(args) == 1 {
				j, p, id, err := e.meAndID(ctx, args[0], parseID)
				if err != nil {
					return err
				}
				v, err := j.MemberView(ctx, p, id)
				if err != nil {
					return err
				}
				if e.json {
					return e.printJSON(api.NewMemberView(v))
				}
				printMemberView(e.stdout, v)
				return nil
			}
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			ss, admin, err := j.PeopleISupport(ctx, p)
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, ss, api.NewSupportedPerson)
			}
			if len(ss) == 0 {
				fmt.Fprintln(e.stdout, "Nobody yet: people appear here when an admin makes you someone's mentor or manager.")
			} else {
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tNAME\tTITLE\tYOU ARE THEIR\tTHEY SHARE")
				for _, s := range ss {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", s.Member.PersonID, s.Member.Name, orDash(s.Member.Title),
						ladder.AudienceRoles(s.Audiences), sharingText(s.Shared))
				}
				tw.Flush()
			}
			if admin {
				fmt.Fprintln(e.stdout, "\nAs a programme admin you may also look at any member (`ladder org members` lists them).")
			}
			return nil
		},
	}
}

// sharingSources name where a level comes from.
var sharingSources = map[string]string{readiness.SourceFeedback: "360 feedback", readiness.SourceSelf: "self-rating",
	readiness.SourcePrior: "estimate", readiness.SourceNone: "nothing yet"}

// printMemberView prints what a member shares, part by part.
func printMemberView(w io.Writer, v *journey.MemberView) {
	rel := v.Relation
	fmt.Fprintf(w, "%s", rel.Member.Name)
	if rel.Member.Title != "" {
		fmt.Fprintf(w, " (%s)", rel.Member.Title)
	}
	fmt.Fprintf(w, "\nYou see them as: %s\nThey share with you: %s\n", ladder.AudienceRoles(rel.Audiences), sharingText(rel.Shared))
	part := func(p, title string, count int) bool {
		if !rel.Shared.Has(p) {
			fmt.Fprintf(w, "\n%s\n  Not shared.\n", title)
			return false
		}
		if count >= 0 {
			title += fmt.Sprintf(" (%d)", count)
		}
		fmt.Fprintf(w, "\n%s\n", title)
		if (p == ladder.ShareReadiness || p == ladder.ShareGaps) && v.NoTarget != "" {
			fmt.Fprintf(w, "  %s %s.\n", rel.Member.Name, v.NoTarget)
			return false
		}
		return true
	}
	if part(ladder.ShareReadiness, "READINESS", -1) {
		r := v.Readiness
		fmt.Fprintf(w, "  %s for %s, confidence %s (%s)\n", num(r.Score), r.TargetTitle, num(r.Confidence), r.ConfidenceLabel)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, a := range r.Areas {
			fmt.Fprintf(tw, "  %s\t%s\n", a.Name, num(a.Score))
		}
		tw.Flush()
	}
	if part(ladder.ShareGaps, "GAPS, largest weighted gap first", -1) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  COMPETENCY\tREQUIRED\tCURRENT\tWEIGHTED\tFROM")
		for _, g := range v.Gaps {
			if g.Gap > 0 {
				fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\n", g.Name, g.Required, num(g.Current), num(g.WeightedGap), sharingSources[g.Source])
			}
		}
		tw.Flush()
	}
	if part(ladder.SharePlan, "PLAN", -1) {
		if v.Plan == nil {
			fmt.Fprintln(w, "  No plan yet.")
		} else {
			t := v.Progress
			fmt.Fprintf(w, "  %d of %d actions done, %d overdue; %d of %d goals reached\n", t.Done, t.Total, t.Overdue, t.GoalsDone, t.Goals)
			for _, g := range v.Plan.Goals {
				name := g.Competency
				if c, ok := v.Model.Competency(g.Competency); ok {
					name = c.Name
				}
				fmt.Fprintf(w, "  %s: level %d by %s\n", name, g.TargetLevel, g.TargetDate.Format("2 Jan 2006"))
			}
		}
	}
	if part(ladder.ShareEvidence, "EVIDENCE", v.EvidenceTotal) {
		for _, ev := range v.Evidence {
			fmt.Fprintf(w, "  %s  %s\n", ev.Start.Format("2006-01-02"), ev.Title)
		}
	}
	if part(ladder.ShareJournal, "JOURNAL", v.JournalTotal) {
		for _, je := range v.Journal {
			fmt.Fprintf(w, "  %s  %s: %s\n", je.Date.Format("2006-01-02"), je.Kind, je.Title)
		}
	}
	if v.Attribution != "" {
		fmt.Fprintf(w, "\nEstimates: %s\n", v.Attribution)
	}
}
