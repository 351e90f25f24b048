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
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/learning"
)

// learningJSON is a learning item in `ladder learn ... --json`.
type learningJSON struct {
	ID           int64    `json:"id"`
	Title        string   `json:"title"`
	Kind         string   `json:"kind"`
	Competencies []string `json:"competencies"`
	Link         string   `json:"link,omitempty"`
	Status       string   `json:"status"`
	Progress     int      `json:"progress"`
	StartedAt    string   `json:"started_at,omitempty"`
	FinishedAt   string   `json:"finished_at,omitempty"`
	Notes        string   `json:"notes,omitempty"`
	FromCatalog  string   `json:"from_catalog,omitempty"`
}

func newLearningJSON(it *ladder.LearningItem) learningJSON {
	out := learningJSON{ID: it.ID, Title: it.Title, Kind: it.Kind, Competencies: append([]string{}, it.Competencies...),
		Link: it.Link, Status: it.Status, Progress: it.Progress, Notes: it.Notes, FromCatalog: it.FromCatalog}
	if !it.StartedAt.IsZero() {
		out.StartedAt = it.StartedAt.Format("2006-01-02")
	}
	if !it.FinishedAt.IsZero() {
		out.FinishedAt = it.FinishedAt.Format("2006-01-02")
	}
	return out
}

// weekJSON is a week's time log in `ladder learn week --json`.
type weekJSON struct {
	Week            string  `json:"week"`
	TechnicalHours  float64 `json:"technical_hours"`
	ManagerialHours float64 `json:"managerial_hours"`
	LearningHours   float64 `json:"learning_hours"`
	Note            string  `json:"note,omitempty"`
}

func newLearnCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "learn",
		Short: "Your learning: resources per competency, progress, streak, and the weekly technical/managerial split",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, _, its, err := e.learningItems(cmd.Context())
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, its, newLearningJSON)
			}
			if len(its) == 0 {
				fmt.Fprintln(e.stdout, "Nothing on your list yet. Add a resource with `ladder learn add --title ... --kind book`,\nor a starter one with `ladder learn add --from KEY` (see `ladder learn resources`).")
				return nil
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tKIND\tTITLE\tSTATUS\tPROGRESS\tCOMPETENCIES")
			for _, it := range its {
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d%%\t%s\n", it.ID, it.Kind, it.Title, it.Status, it.Progress, strings.Join(it.Competencies, ", "))
			}
			return w.Flush()
		},
	}
	cmd.AddCommand(newLearnAddCmd(e), newLearnProgressCmd(e), newLearnDoneCmd(e), newLearnWeekCmd(e),
		newLearnStreakCmd(e), newLearnResourcesCmd(e))
	return cmd
}

// learningItems opens the store and returns the current profile with its
// learning items.
func (e *env) learningItems(ctx context.Context) (*journey.Journey, *ladder.Person, []*ladder.LearningItem, error) {
	j, p, err := e.me(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	its, err := j.Learning.FindLearningItems(ctx, p.ID)
	return j, p, its, err
}

func newLearnAddCmd(e *env) *cobra.Command {
	var it ladder.LearningItem
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add a resource to your list",
		Long: `Add a resource of your own, or one of the starter set by its key:

  ladder learn add --title "Crucial Conversations" --kind book --competency conflict-resolution
  ladder learn add --from managers-path`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			if it.FromCatalog != "" {
				if err := fromCatalog(&it, cmd.Flags().Changed); err != nil {
					return err
				}
			}
			it.PersonID = p.ID
			if err := j.Learning.CreateLearningItem(ctx, &it); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(newLearningJSON(&it))
			}
			fmt.Fprintf(e.stdout, "Added %s #%d: %s.\n", it.Kind, it.ID, it.Title)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&it.Title, "title", "", "the title (required unless --from)")
	f.StringVar(&it.Kind, "kind", "", strings.Join(ladder.LearningKinds, ", "))
	f.StringArrayVar(&it.Competencies, "competency", nil, "a competency key it builds; repeat for more")
	f.StringVar(&it.Link, "link", "", "where to find it (https://...)")
	f.StringVar(&it.Notes, "notes", "", "your notes")
	f.StringVar(&it.FromCatalog, "from", "", "the key of a starter resource (see `ladder learn resources`)")
	return cmd
}

// fromCatalog fills the fields not given on the command line from the
// starter resource it.FromCatalog.
func fromCatalog(it *ladder.LearningItem, changed func(string) bool) error {
	c, err := learning.Load()
	if err != nil {
		return err
	}
	r, ok := c.Resource(it.FromCatalog)
	if !ok {
		return ladder.Errorf(ladder.EINVALID, "--from %q: no such starter resource (see `ladder learn resources`)", it.FromCatalog)
	}
	if !changed("title") {
		it.Title = r.Title
	}
	if !changed("kind") {
		it.Kind = r.Kind
	}
	if !changed("competency") {
		it.Competencies = append([]string{}, r.Competencies...)
	}
	if !changed("link") {
		it.Link = r.Link
	}
	return nil
}

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, usageError{fmt.Errorf("ID must be a number")}
	}
	return id, nil
}

// updateItem loads the person's item idArg, applies change and saves it.
func (e *env) updateItem(cmd *cobra.Command, idArg string, change func(*ladder.LearningItem)) error {
	id, err := parseID(idArg)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	j, p, err := e.me(ctx)
	if err != nil {
		return err
	}
	it, err := j.Learning.FindLearningItem(ctx, p.ID, id)
	if err != nil {
		return err
	}
	change(it)
	if err := j.Learning.UpdateLearningItem(ctx, it); err != nil {
		return err
	}
	if e.json {
		return e.printJSON(newLearningJSON(it))
	}
	fmt.Fprintf(e.stdout, "#%d %s: %s, %d%%.\n", it.ID, it.Title, it.Status, it.Progress)
	return nil
}

func newLearnProgressCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "progress ID PERCENT",
		Short: "Record how far you are through an item (0-100)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			pct, err := strconv.Atoi(strings.TrimSuffix(args[1], "%"))
			if err != nil {
				return usageError{fmt.Errorf("PERCENT must be a whole number 0-100")}
			}
			return e.updateItem(cmd, args[0], func(it *ladder.LearningItem) {
				it.Progress = pct
				switch {
				case pct == 100:
					it.Status = ladder.LearningDone
				case it.Status == ladder.LearningDone || pct > 0:
					it.Status = ladder.LearningInProgress
				}
			})
		},
	}
}

func newLearnDoneCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "done ID",
		Short: "Mark an item as finished",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.updateItem(cmd, args[0], func(it *ladder.LearningItem) { it.Status = ladder.LearningDone })
		},
	}
}

func newLearnWeekCmd(e *env) *cobra.Command {
	var l ladder.TimeLog
	var week string
	cmd := &cobra.Command{
		Use:   "week",
		Short: "Log how a week's hours split between technical work, managerial work and learning",
		Long: `Log a week (logging it again replaces it), for example:

  ladder learn week --technical 25 --managerial 12 --learning 3
  ladder learn week --technical 30 --managerial 8 --week 2026-04-27`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			day, err := parseDay(week, j.DB.Now())
			if err != nil {
				return ladder.Errorf(ladder.EINVALID, "--week %q: write YYYY-MM-DD", week)
			}
			l.PersonID, l.Week = p.ID, ladder.WeekOf(day)
			if err := j.Learning.LogWeek(ctx, &l); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(weekJSON{Week: l.Week.Format("2006-01-02"), TechnicalHours: l.TechnicalHours,
					ManagerialHours: l.ManagerialHours, LearningHours: l.LearningHours, Note: l.Note})
			}
			fmt.Fprintf(e.stdout, "Week of %s: %g h technical, %g h managerial, %g h learning.\n",
				l.Week.Format("2 Jan 2006"), l.TechnicalHours, l.ManagerialHours, l.LearningHours)
			return nil
		},
	}
	f := cmd.Flags()
	f.Float64Var(&l.TechnicalHours, "technical", 0, "hours of hands-on technical work")
	f.Float64Var(&l.ManagerialHours, "managerial", 0, "hours of managerial work (people, planning, stakeholders)")
	f.Float64Var(&l.LearningHours, "learning", 0, "hours of learning")
	f.StringVar(&l.Note, "note", "", "a note on the week")
	f.StringVar(&week, "week", "", "a day of the week, YYYY-MM-DD (default this week); its Monday is stored")
	return cmd
}

func newLearnStreakCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "streak",
		Short: "Your continuous-learning streak in weeks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, its, err := e.learningItems(ctx)
			if err != nil {
				return err
			}
			logs, err := j.Learning.FindWeeks(ctx, p.ID, time.Time{}, time.Time{})
			if err != nil {
				return err
			}
			n := learning.Streak(its, logs, j.DB.Now())
			if e.json {
				return e.printJSON(struct {
					Weeks int `json:"weeks"`
				}{n})
			}
			fmt.Fprintf(e.stdout, "Learning streak: %d %s.\n", n, plural(n, "week", "weeks"))
			return nil
		},
	}
}

func newLearnResourcesCmd(e *env) *cobra.Command {
	var competency string
	cmd := &cobra.Command{
		Use:   "resources",
		Short: "The starter set of resources, per competency",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := learning.Load()
			if err != nil {
				return err
			}
			rs := c.Resources
			if competency != "" {
				rs = c.ForCompetencies([]string{competency}, len(c.Resources))
			}
			if e.json {
				return e.printJSON(rs)
			}
			for _, r := range rs {
				fmt.Fprintf(e.stdout, "%s (%s, %s)\n  %s\n  Builds: %s\n", r.Title, r.Kind, r.Key, r.Why, strings.Join(r.Competencies, ", "))
				if r.Link != "" {
					fmt.Fprintf(e.stdout, "  %s\n", r.Link)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&competency, "competency", "", "only resources for this competency key")
	return cmd
}
