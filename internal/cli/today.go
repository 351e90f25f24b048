package cli

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

func newTodayCmd(e *env) *cobra.Command {
	var days int
	cmd := &cobra.Command{
		Use:   "today",
		Short: "What is due this week: plan actions, follow-ups, sessions, one-to-ones, and what is overdue",
		Long: `List what is due from today for the next days (7 by default), after
anything overdue: plan actions, contact follow-ups, mentoring sessions,
events, membership renewals, opportunity next steps, one-to-ones and the
steps of your first 90 days as a manager. ` + "`ladder calendar`" + ` writes the
same items, and everything later, as an .ics file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if days < 1 || days > 366 {
				return usageError{fmt.Errorf("--days must be 1-366")}
			}
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			today := ladder.Day(j.DB.Now())
			rs, err := j.Agenda(ctx, p.ID, today, today.AddDate(0, 0, days))
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, rs, api.NewReminder)
			}
			if len(rs) == 0 {
				fmt.Fprintf(e.stdout, "Nothing due in the next %d days and nothing overdue.\n", days)
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			heading := ""
			for _, r := range rs {
				h := fmt.Sprintf("Due in the next %d days", days)
				if r.Overdue {
					h = "Overdue"
				}
				if h != heading {
					if heading != "" {
						fmt.Fprintln(tw)
					}
					fmt.Fprintln(tw, h)
					heading = h
				}
				when := r.Date.Format("Mon 2 Jan")
				if r.Date.Equal(today) {
					when = "today"
				}
				line := r.Title
				if r.Detail != "" {
					line += " (" + oneLine(r.Detail, 60) + ")"
				}
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", when, ladder.ReminderLabels[r.Kind], line)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().IntVar(&days, "days", 7, "how many days ahead, from today")
	return cmd
}

// oneLine shortens s to one line of at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func newCalendarCmd(e *env) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "calendar",
		Short: "Export everything dated (plan, follow-ups, sessions, one-to-ones...) as an iCalendar (.ics) file",
		Long: `Write one .ics file with your plan's goals and actions and every other dated
item: follow-ups, mentoring sessions, events, renewals, opportunity next
steps, one-to-ones and first-90-days steps. Event ids are stable, so
importing a newer file updates the events instead of duplicating them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, p, err := e.me(cmd.Context())
			if err != nil {
				return err
			}
			b, err := j.CalendarICS(cmd.Context(), p.ID)
			if err != nil {
				return err
			}
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
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	return cmd
}
