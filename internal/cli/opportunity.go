package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/opportunity"
)

func newOpportunityCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "opportunity",
		Aliases: []string{"opportunities", "opp"},
		Short:   "Management opportunities and stretch assignments as a pipeline",
	}
	cmd.AddCommand(newOppAddCmd(e), newOppListCmd(e), newOppMoveCmd(e), newOppShowCmd(e), newOppEditCmd(e),
		newOppDeleteCmd(e), newOppTalkedCmd(e))
	return cmd
}

// dayFlag reads an optional YYYY-MM-DD flag value; empty is the zero time.
func dayFlag(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, &ladder.Error{Code: ladder.EINVALID, Message: fmt.Sprintf("--%s %q: write YYYY-MM-DD", name, s),
			Fields: map[string]string{name: "must be a date (YYYY-MM-DD)"}}
	}
	return t, nil
}

// oppID reads an opportunity's id argument.
func oppID(s string) (int64, error) { return idArg(s, "ladder opportunity list") }

// idArg reads a positive id argument; list is the command that shows ids.
func idArg(s, list string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{fmt.Errorf("%q is not an id: give the number `%s` shows", s, list)}
	}
	return id, nil
}

func stageLabel(s string) string {
	l, _ := ladder.ChoiceLabel(ladder.OpportunityStages(), s)
	return l
}

func oppKindLabel(k string) string {
	l, _ := ladder.ChoiceLabel(ladder.OpportunityKinds(), k)
	return l
}

func newOppAddCmd(e *env) *cobra.Command {
	var o ladder.Opportunity
	var since, next string
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add an opportunity",
		Long: `Add an opportunity you follow, for example:

  ladder opportunity add --title "Team lead, infrastructure" --org "Our IT" --internal --kind management-role
  ladder opportunity add --title "IT manager" --org Northwind --stage applied --since 2026-04-20 \
      --next-step "Prepare the budget story" --next-date 2026-05-12`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			day, err := dayFlag("since", since)
			if err != nil {
				return err
			}
			if o.NextStepDate, err = dayFlag("next-date", next); err != nil {
				return err
			}
			o.PersonID = p.ID
			if err := j.Opportunities.CreateOpportunity(ctx, &o, day); err != nil {
				return err
			}
			return e.printResult(api.NewOpportunity(&o), "Added opportunity #%d: %s (%s).\n", o.ID, o.Title, stageLabel(o.Stage))
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Title, "title", "", "the role or assignment (required)")
	f.StringVar(&o.Organisation, "org", "", "the organisation")
	f.BoolVar(&o.Internal, "internal", false, "inside your own organisation")
	f.StringVar(&o.Kind, "kind", ladder.OpportunityManagementRole, "management-role, stretch-assignment, acting-role, lead-project or other")
	f.StringVar(&o.Stage, "stage", ladder.StageSpotted, "spotted, discussed, applied, interviewing, offered, taken or declined")
	f.StringVar(&since, "since", "", "the day it reached that stage, YYYY-MM-DD (default today)")
	f.StringVar(&o.Notes, "notes", "", "notes")
	f.StringVar(&o.Link, "link", "", "a link to the posting")
	f.StringVar(&o.NextStep, "next-step", "", "what to do next")
	f.StringVar(&next, "next-date", "", "when, YYYY-MM-DD: it becomes a reminder")
	return cmd
}

func newOppListCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List your opportunities by stage",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			pl, err := j.Pipeline(ctx, p.ID)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewPipeline(pl))
			}
			if pl.Prompt {
				fmt.Fprintf(e.stdout, "%s\n%s\n", pl.Guide.Title, opportunity.PromptText(pl.PromptReason))
				for i, s := range pl.Guide.Steps {
					fmt.Fprintf(e.stdout, "  %d. %s: %s\n", i+1, s.Title, s.Text)
				}
				fmt.Fprint(e.stdout, "When you have talked: ladder opportunity talked\n\n")
			}
			if len(pl.Opportunities) == 0 {
				fmt.Fprintln(e.stdout, "No opportunities yet: add one with `ladder opportunity add --title ...`.")
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, col := range pl.Board {
				for _, o := range col.Items {
					where := "outside"
					if o.Internal {
						where = "inside"
					}
					next := o.NextStep
					if !o.NextStepDate.IsZero() {
						next = strings.TrimSpace(o.NextStepDate.Format(time.DateOnly) + " " + next)
					}
					fmt.Fprintf(tw, "%s\t#%d\t%s\t%s\t%s\t%s\n", col.Label, o.ID, o.Title, o.Organisation, where, next)
				}
			}
			return tw.Flush()
		},
	}
}

func newOppMoveCmd(e *env) *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:   "move ID STAGE",
		Short: "Move an opportunity to a stage (kept in its history)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := idArg(args[0], "ladder opportunity list")
			if err != nil {
				return err
			}
			day, err := dayFlag("date", date)
			if err != nil {
				return err
			}
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			o, err := j.Opportunities.MoveOpportunity(ctx, p.ID, id, args[1], day)
			if err != nil {
				return err
			}
			return e.printResult(api.NewOpportunity(o), "Moved #%d %s to %s.\n", o.ID, o.Title, stageLabel(o.Stage))
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the day it happened, YYYY-MM-DD (default today)")
	return cmd
}

func newOppShowCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show an opportunity with its stage history",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], oppID)
			if err != nil {
				return err
			}
			o, err := j.Opportunities.FindOpportunity(ctx, p.ID, id)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewOpportunity(o))
			}
			w := e.stdout
			fmt.Fprintf(w, "#%d %s\n", o.ID, o.Title)
			if o.Organisation != "" {
				fmt.Fprintf(w, "Organisation: %s\n", o.Organisation)
			}
			where := "outside your organisation"
			if o.Internal {
				where = "inside your organisation"
			}
			fmt.Fprintf(w, "Kind: %s, %s\nStage: %s\n", oppKindLabel(o.Kind), where, stageLabel(o.Stage))
			if o.NextStep != "" || !o.NextStepDate.IsZero() {
				fmt.Fprintf(w, "Next step: %s", o.NextStep)
				if !o.NextStepDate.IsZero() {
					fmt.Fprintf(w, " (by %s)", o.NextStepDate.Format(time.DateOnly))
				}
				fmt.Fprintln(w)
			}
			if o.Link != "" {
				fmt.Fprintf(w, "Link: %s\n", o.Link)
			}
			if o.Notes != "" {
				fmt.Fprintf(w, "Notes: %s\n", o.Notes)
			}
			fmt.Fprintln(w, "History:")
			for _, c := range o.History {
				fmt.Fprintf(w, "  %s  %s\n", c.Date.Format(time.DateOnly), stageLabel(c.Stage))
			}
			return nil
		},
	}
}

func newOppEditCmd(e *env) *cobra.Command {
	var o ladder.Opportunity
	var next string
	cmd := &cobra.Command{
		Use:   "edit ID",
		Short: "Change an opportunity's details (the flags given); move changes its stage",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, id, err := e.meAndID(ctx, args[0], oppID)
			if err != nil {
				return err
			}
			cur, err := j.Opportunities.FindOpportunity(ctx, p.ID, id)
			if err != nil {
				return err
			}
			f := cmd.Flags()
			set := func(name string, dst *string, v string) {
				if f.Changed(name) {
					*dst = v
				}
			}
			set("title", &cur.Title, o.Title)
			set("org", &cur.Organisation, o.Organisation)
			set("kind", &cur.Kind, o.Kind)
			set("notes", &cur.Notes, o.Notes)
			set("link", &cur.Link, o.Link)
			set("next-step", &cur.NextStep, o.NextStep)
			if f.Changed("internal") {
				cur.Internal = o.Internal
			}
			if f.Changed("next-date") {
				if cur.NextStepDate, err = dayFlag("next-date", next); err != nil {
					return err
				}
			}
			if err := j.Opportunities.UpdateOpportunity(ctx, cur); err != nil {
				return err
			}
			return e.printResult(api.NewOpportunity(cur), "Saved #%d %s.\n", cur.ID, cur.Title)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Title, "title", "", "the role or assignment")
	f.StringVar(&o.Organisation, "org", "", "the organisation")
	f.BoolVar(&o.Internal, "internal", false, "inside your own organisation (--internal=false for outside)")
	f.StringVar(&o.Kind, "kind", "", "management-role, stretch-assignment, acting-role, lead-project or other")
	f.StringVar(&o.Notes, "notes", "", "notes")
	f.StringVar(&o.Link, "link", "", "a link to the posting")
	f.StringVar(&o.NextStep, "next-step", "", "what to do next")
	f.StringVar(&next, "next-date", "", "when, YYYY-MM-DD (empty to clear)")
	return cmd
}

func newOppDeleteCmd(e *env) *cobra.Command {
	return newDeleteCmd(e, "Delete an opportunity and its history", oppID,
		func(j *journey.Journey) func(context.Context, int64, int64) error {
			return j.Opportunities.DeleteOpportunity
		},
		"Deleted opportunity #%d.\n")
}

func newOppTalkedCmd(e *env) *cobra.Command {
	var date, note string
	cmd := &cobra.Command{
		Use:   "talked",
		Short: "Record that you talked to your supervisor about moving into management",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			t := &ladder.SupervisorTalk{PersonID: p.ID, Note: note}
			if t.Date, err = parseDay(date, j.DB.Now()); err != nil {
				return err
			}
			if err := j.Opportunities.SetSupervisorTalk(ctx, t); err != nil {
				return err
			}
			day := t.Date.Format(time.DateOnly)
			return e.printResult(api.SupervisorTalk{Date: day, Note: t.Note}, "Recorded your talk with your supervisor on %s.\n", day)
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the day of the talk, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&note, "note", "", "what you agreed")
	return cmd
}
