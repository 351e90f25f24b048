package cli

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

func newOrgProgrammeCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{Use: "programme", Short: "Programmes: people growing towards a target role between two dates"}
	var b api.OrgProgrammeBody
	add := &cobra.Command{
		Use:   "add",
		Short: "Add a programme",
		Long:  "Add a programme, for example:\n\n  ladder org programme add --name \"Future IT managers\" --target it-manager --start 2027-01-11 --end 2027-12-17",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := b.Programme(0)
			if err != nil {
				return err
			}
			j, me, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			if err := j.SaveProgramme(cmd.Context(), me, p); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewOrgProgramme(p, nil))
			}
			fmt.Fprintf(e.stdout, "Added programme %d: %s.\n", p.ID, p.Name)
			return nil
		},
	}
	f := add.Flags()
	f.StringVar(&b.Name, "name", "", "the programme's name")
	f.StringVar(&b.Description, "description", "", "what it is for")
	f.StringVar(&b.TargetRole, "target", "", "the target role's slug, such as it-manager")
	f.StringVar(&b.Start, "start", "", "first day (YYYY-MM-DD)")
	f.StringVar(&b.End, "end", "", "last day (YYYY-MM-DD)")
	list := &cobra.Command{
		Use:   "list",
		Short: "List the programmes, latest start first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, me, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			ps, err := j.Programmes(cmd.Context(), me)
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, ps, func(p *ladder.OrgProgramme) api.OrgProgramme { return api.NewOrgProgramme(p, nil) })
			}
			if len(ps) == 0 {
				fmt.Fprintln(e.stdout, "No programmes yet. Add one with `ladder org programme add`.")
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tTARGET\tSTART\tEND")
			for _, p := range ps {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", p.ID, p.Name, p.TargetRole, p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly))
			}
			return tw.Flush()
		},
	}
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Show a programme with its cohorts and their members",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := orgArgID(args[0])
			if err != nil {
				return err
			}
			j, me, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			v, err := j.Programme(cmd.Context(), me, id)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewOrgProgramme(v.Programme, v.Cohorts))
			}
			p := v.Programme
			fmt.Fprintf(e.stdout, "%s (%d): towards %s, %s to %s\n", p.Name, p.ID, p.TargetRole, p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly))
			ms, err := j.OrgMembers(cmd.Context(), me)
			if err != nil {
				return err
			}
			names := map[int64]string{}
			for _, m := range ms {
				names[m.PersonID] = m.Name
			}
			for _, c := range v.Cohorts {
				var who []string
				for _, id := range c.MemberIDs {
					who = append(who, names[id])
				}
				fmt.Fprintf(e.stdout, "  cohort %d %s, %s to %s: %s\n", c.ID, c.Name, c.Start.Format(time.DateOnly), c.End.Format(time.DateOnly),
					orDash(strings.Join(who, ", ")))
			}
			return nil
		},
	}
	del := &cobra.Command{
		Use:   "delete ID",
		Short: "Delete a programme and its cohorts",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := orgArgID(args[0])
			if err != nil {
				return err
			}
			j, me, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			if err := j.DeleteProgramme(cmd.Context(), me, id); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Deleted programme %d.\n", id)
			return nil
		},
	}
	cmd.AddCommand(add, list, show, del)
	return cmd
}

func orgArgID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{fmt.Errorf("ID must be a positive number, not %q", s)}
	}
	return id, nil
}

func newOrgCohortCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{Use: "cohort", Short: "Cohorts of a programme and their members"}
	var programme int64
	var b api.OrgCohortCreate
	var members []string
	add := &cobra.Command{
		Use:   "add",
		Short: "Add a cohort to a programme",
		Long:  "Add a cohort, for example:\n\n  ladder org cohort add --programme 1 --name Spring --start 2027-03-01 --end 2027-06-30 --member ana@example.com",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, me, err := e.me(ctx)
			if err != nil {
				return err
			}
			fe := ladder.FieldErrors{}
			c := &ladder.OrgCohort{ProgrammeID: programme, Name: b.Name}
			for _, d := range []struct {
				flag, v string
				dst     *time.Time
			}{{"start", b.Start, &c.Start}, {"end", b.End, &c.End}} {
				t, err := time.Parse(time.DateOnly, d.v)
				if err != nil {
					fe.Add(d.flag, "--%s must be a date (YYYY-MM-DD)", d.flag)
				}
				*d.dst = t
			}
			if err := fe.Err("The cohort is not valid."); err != nil {
				return err
			}
			for _, email := range members {
				m, err := orgMemberByEmail(ctx, j, me, email)
				if err != nil {
					return err
				}
				c.MemberIDs = append(c.MemberIDs, m.PersonID)
			}
			if err := j.CreateCohort(ctx, me, c); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewOrgCohort(c))
			}
			fmt.Fprintf(e.stdout, "Added cohort %d: %s, %d members.\n", c.ID, c.Name, len(c.MemberIDs))
			return nil
		},
	}
	f := add.Flags()
	f.Int64Var(&programme, "programme", 0, "the programme's id")
	f.StringVar(&b.Name, "name", "", "the cohort's name")
	f.StringVar(&b.Start, "start", "", "first day (YYYY-MM-DD), within the programme")
	f.StringVar(&b.End, "end", "", "last day (YYYY-MM-DD), within the programme")
	f.StringArrayVar(&members, "member", nil, "a member's email; repeat for more")
	member := func(remove bool) *cobra.Command {
		use, short := "add-member COHORT EMAIL", "Put a member into a cohort"
		if remove {
			use, short = "remove-member COHORT EMAIL", "Take a member out of a cohort"
		}
		return &cobra.Command{Use: use, Short: short, Args: cobra.ExactArgs(2), RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := orgArgID(args[0])
			if err != nil {
				return err
			}
			j, me, err := e.me(ctx)
			if err != nil {
				return err
			}
			m, err := orgMemberByEmail(ctx, j, me, args[1])
			if err != nil {
				return err
			}
			if err := j.SetCohortMember(ctx, me, id, m.PersonID, remove); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Saved: cohort %d.\n", id)
			return nil
		}}
	}
	cmd.AddCommand(add, member(false), member(true))
	return cmd
}

func newOrgAuditCmd(e *env) *cobra.Command {
	var format, action string
	var limit int
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "The audit log, newest first (owners): who did what to whom, and when",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if e.json && format == "" {
				format = "json"
			}
			switch format {
			case "", "text", "csv", "json":
			default:
				return usageError{fmt.Errorf("--format must be text, csv or json")}
			}
			j, me, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			es, _, err := j.OrgAudit(cmd.Context(), me, ladder.AuditFilter{Action: action, Limit: limit})
			if err != nil {
				return err
			}
			switch format {
			case "csv":
				return api.WriteAuditCSV(e.stdout, es)
			case "json":
				return printJSONList(e, es, api.NewAuditEntry)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "WHEN\tWHO\tACTION\tSUBJECT\tDETAIL")
			for _, a := range es {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.At.UTC().Format("2006-01-02 15:04"), a.ActorName, a.Action,
					a.SubjectKind+" "+a.SubjectName, a.Detail)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "text (default), csv or json")
	cmd.Flags().StringVar(&action, "action", "", "only this action, or a prefix ending in a dot (member.)")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many entries (0: all)")
	return cmd
}
