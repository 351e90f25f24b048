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

func newLogCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "log",
		Short: "Your evidence log: what you did that shows management practice",
		Long: `Log what you did on the way to management: projects led, people mentored,
meetings run, conflicts resolved, budgets and vendors handled, presentations to
executives, incidents led, hiring, process improvements, costs saved. Each
entry links to competencies and may carry outcome figures.

Entries feed your readiness by a capped rule (docs/readiness.md): one entry
confirms a competency's level, each further one adds 0.25, at most 0.5, and
they raise the confidence of that level.`,
	}
	cmd.AddCommand(newLogAddCmd(e), newLogListCmd(e), newLogDeleteCmd(e))
	return cmd
}

// logFlags are the values of `ladder log add`, as typed.
type logFlags struct {
	kind, title, description     string
	from, to                     string
	competencies                 []string
	people, money, hours, months string
}

func newLogAddCmd(e *env) *cobra.Command {
	var lf logFlags
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Log an entry",
		Long: `Log an entry. Dates are YYYY-MM-DD or YYYY-MM; --to YYYY-MM means the last
day of that month (today, for the current month). Leave out --to for a single
date.

  ladder log add --kind led-project --title "Storage migration" \
    --from 2025-01 --to 2025-06 --competency delegation --competency scope-management \
    --people 5 --money 12000EUR --hours-saved 40 --description "Moved 40 TB to the new array"

Kinds: ` + kindList(),
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			ev, err := lf.evidence(p.ID, j.DB.Now())
			if err != nil {
				return err
			}
			if err := j.Evidence.CreateEvidence(ctx, ev); err != nil {
				return flagNames(err)
			}
			if e.json {
				return e.printJSON(api.NewEvidence(ev))
			}
			printLogged(e, ev)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&lf.kind, "kind", "", "what you did: "+strings.Join(kindKeys(), ", "))
	f.StringVar(&lf.title, "title", "", "a short title")
	f.StringVar(&lf.description, "description", "", "what happened: situation, task, action, result")
	f.StringVar(&lf.from, "from", "", "the date, or the first day (YYYY-MM-DD or YYYY-MM)")
	f.StringVar(&lf.to, "to", "", "the last day of a range (YYYY-MM-DD or YYYY-MM)")
	f.StringArrayVar(&lf.competencies, "competency", nil, "a competency the entry shows (see `ladder competencies`); repeat for more")
	f.StringVar(&lf.people, "people", "", "team size: people led, mentored or involved")
	f.StringVar(&lf.money, "money", "", "money saved, with its currency: 12000EUR")
	f.StringVar(&lf.hours, "hours-saved", "", "hours saved")
	f.StringVar(&lf.months, "months", "", "project months (default: computed from --from and --to)")
	return cmd
}

// evidence builds the entry from the flags. Every problem is reported at
// once, by flag name: those of the values as typed, then those of the entry.
func (lf *logFlags) evidence(personID int64, now time.Time) (*ladder.Evidence, error) {
	bad := ladder.FieldErrors{}
	ev := &ladder.Evidence{PersonID: personID, Kind: lf.kind, Title: lf.title, Description: lf.description}
	var err error
	if lf.from != "" {
		if ev.Start, err = parseLogDay(lf.from, false, now); err != nil {
			bad.Add("--from", "%v", err)
		}
	}
	if lf.to != "" {
		if ev.End, err = parseLogDay(lf.to, true, now); err != nil {
			bad.Add("--to", "%v", err)
		}
	}
	for _, c := range lf.competencies {
		ev.Competencies = append(ev.Competencies, strings.Split(c, ",")...)
	}
	if lf.money != "" {
		if ev.MoneySaved, err = ladder.ParseMoney(lf.money); err != nil {
			bad.Add("--money", "%v", err)
		}
	}
	number := func(flag, s string, whole bool) float64 {
		if s == "" {
			return 0
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || whole && v != float64(int64(v)) {
			kind := "a number"
			if whole {
				kind = "a whole number"
			}
			bad.Add(flag, "%q is not %s", s, kind)
		}
		return v
	}
	ev.PeopleCount = int(number("--people", lf.people, true))
	ev.HoursSaved = number("--hours-saved", lf.hours, false)
	ev.Months = number("--months", lf.months, false)
	if len(bad) == 0 {
		return ev, nil
	}
	if err := flagNames(ev.Validate(now)); err != nil {
		for k, v := range err.(*ladder.Error).Fields {
			bad.Add(k, "%s", v)
		}
	}
	return nil, bad.Err("The evidence entry is not valid.")
}

// parseLogDay reads YYYY-MM-DD or YYYY-MM. A month alone means its first day,
// or with end its last day, but never after today.
func parseLogDay(s string, end bool, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD or YYYY-MM", s)
	}
	if end {
		t = t.AddDate(0, 1, -1)
		if today := ladder.Day(now.UTC()); t.After(today) && !t.AddDate(0, 0, 1-t.Day()).After(today) {
			t = today
		}
	}
	return t, nil
}

// evidenceFlags names the flag of each field of an evidence entry.
var evidenceFlags = map[string]string{
	"kind": "--kind", "title": "--title", "description": "--description", "start": "--from", "end": "--to",
	"competencies": "--competency", "money_saved": "--money", "hours_saved": "--hours-saved",
	"people": "--people", "months": "--months",
}

// flagNames renames the fields of a validation error to the flags that set
// them, so the message points at what to retype.
func flagNames(err error) error {
	le, ok := err.(*ladder.Error)
	if !ok || len(le.Fields) == 0 {
		return err
	}
	out := &ladder.Error{Code: le.Code, Message: le.Message, Fields: map[string]string{}}
	for k, v := range le.Fields {
		if f, ok := evidenceFlags[k]; ok {
			k = f
		}
		out.Fields[k] = v
	}
	return out
}

func printLogged(e *env, ev *ladder.Evidence) {
	fmt.Fprintf(e.stdout, "Logged #%d: %s, %s (%s).\n", ev.ID, ev.Title, evidenceDates(ev), ev.Kind)
	if len(ev.Competencies) == 0 {
		fmt.Fprintln(e.stdout, "It names no competency, so it does not count toward readiness; add --competency KEY to the next one.")
		return
	}
	fmt.Fprintf(e.stdout, "Counts toward: %s. See `ladder gaps` for what it adds.\n", strings.Join(ev.Competencies, ", "))
}

func newLogListCmd(e *env) *cobra.Command {
	var f ladder.EvidenceFilter
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List your entries, newest first",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			f.PersonID = p.ID
			es, total, err := j.Evidence.FindEvidence(ctx, f)
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, es, api.NewEvidence)
			}
			return printLog(e, p.Name, es, total)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Kind, "kind", "", "only entries of this kind")
	fl.StringVar(&f.Competency, "competency", "", "only entries linked to this competency")
	fl.IntVar(&f.Limit, "limit", 0, "show at most N entries")
	fl.IntVar(&f.Offset, "offset", 0, "skip the first N entries")
	return cmd
}

func printLog(e *env, name string, es []*ladder.Evidence, total int) error {
	if total == 0 {
		fmt.Fprintln(e.stdout, "No entries yet. Log one with `ladder log add --kind KIND --title TITLE --from DATE --competency KEY`.")
		return nil
	}
	fmt.Fprintf(e.stdout, "Evidence log of %s: %d %s, newest first\n\n", name, total, plural(total, "entry", "entries"))
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tDATES\tKIND\tTITLE\tCOMPETENCIES\tOUTCOME")
	for _, ev := range es {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", ev.ID, evidenceDates(ev), ev.Kind, ev.Title,
			strings.Join(ev.Competencies, ", "), outcome(ev))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(es) < total {
		fmt.Fprintf(e.stdout, "\n%d of %d shown; see --limit and --offset.\n", len(es), total)
	}
	return nil
}

func evidenceDates(ev *ladder.Evidence) string {
	if ev.End.IsZero() || ev.End.Equal(ev.Start) {
		return ev.Start.Format(time.DateOnly)
	}
	return ev.Start.Format(time.DateOnly) + " to " + ev.End.Format(time.DateOnly)
}

// outcome says the figures of an entry in words.
func outcome(ev *ladder.Evidence) string {
	var parts []string
	if !ev.MoneySaved.IsZero() {
		parts = append(parts, ev.MoneySaved.String()+" saved")
	}
	if ev.HoursSaved > 0 {
		parts = append(parts, num(ev.HoursSaved)+" h saved")
	}
	if ev.PeopleCount > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", ev.PeopleCount, plural(ev.PeopleCount, "person", "people")))
	}
	if m := ev.ProjectMonths(); m > 0 {
		unit := "months"
		if m == 1 {
			unit = "month"
		}
		parts = append(parts, num(m)+" "+unit)
	}
	return strings.Join(parts, ", ")
}

func newLogDeleteCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: "Delete an entry (see `ladder log list` for the ids)",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("log delete takes one entry id, got %d arguments", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return ladder.Errorf(ladder.EINVALID, "%q is not an entry id: see `ladder log list`", args[0])
			}
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			ev, err := j.Evidence.FindEvidenceByID(ctx, p.ID, id)
			if ladder.ErrorCode(err) == ladder.ENOTFOUND {
				return ladder.Errorf(ladder.ENOTFOUND, "no entry #%d in the evidence log of %s: see `ladder log list`", id, p.Name)
			} else if err != nil {
				return err
			}
			if err := j.Evidence.DeleteEvidence(ctx, p.ID, id); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewEvidence(ev))
			}
			fmt.Fprintf(e.stdout, "Deleted #%d: %s, %s.\n", ev.ID, ev.Title, evidenceDates(ev))
			return nil
		},
	}
}

// noArgs refuses arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args)}
	}
	return nil
}

func kindKeys() []string {
	var out []string
	for _, k := range ladder.EvidenceKinds() {
		out = append(out, k.Key)
	}
	return out
}

func kindList() string {
	var b strings.Builder
	for _, k := range ladder.EvidenceKinds() {
		fmt.Fprintf(&b, "\n  %-20s %s", k.Key, k.Label)
	}
	return b.String()
}
