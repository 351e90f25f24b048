package cli

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journal"
)

// journalJSON is a journal entry in `ladder journal ... --json`.
type journalJSON struct {
	ID           int64           `json:"id"`
	Date         string          `json:"date"`
	Kind         string          `json:"kind"`
	Title        string          `json:"title"`
	Body         string          `json:"body,omitempty"`
	Mood         int             `json:"mood,omitempty"`
	Confidence   int             `json:"confidence,omitempty"`
	Challenge    string          `json:"challenge,omitempty"`
	Tags         []string        `json:"tags"`
	Competencies []string        `json:"competencies"`
	Reflection   *reflectionJSON `json:"reflection,omitempty"`
}

type reflectionJSON struct {
	Description string `json:"description"`
	Feelings    string `json:"feelings"`
	Evaluation  string `json:"evaluation"`
	Analysis    string `json:"analysis"`
	Conclusion  string `json:"conclusion"`
	ActionPlan  string `json:"action_plan"`
}

func newJournalJSON(j *ladder.JournalEntry) journalJSON {
	out := journalJSON{ID: j.ID, Date: j.Date.Format("2006-01-02"), Kind: j.Kind, Title: j.Title, Body: j.Body, Mood: j.Mood,
		Confidence: j.Confidence, Challenge: j.Challenge, Tags: append([]string{}, j.Tags...),
		Competencies: append([]string{}, j.Competencies...)}
	if !j.Reflection.Empty() {
		r := reflectionJSON(j.Reflection)
		out.Reflection = &r
	}
	return out
}

func newJournalCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "journal",
		Short: "Your reflection journal: wins, challenges, lessons, mood and confidence",
	}
	cmd.AddCommand(newJournalAddCmd(e), newJournalListCmd(e), newJournalBragCmd(e), newJournalDeleteCmd(e),
		newJournalPromptCmd(e), newJournalChallengesCmd(e))
	return cmd
}

func newJournalAddCmd(e *env) *cobra.Command {
	var en ladder.JournalEntry
	var date string
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Add an entry",
		Long: `Add a journal entry, for example:

  ladder journal add --kind win --title "Ran my first retro" --mood 4 --confidence 3 --tag retro --competency team-dynamics
  ladder journal add --kind challenge --challenge deadlines --title "Two urgent requests, one afternoon"
  ladder journal add --kind reflection --title "Week 17" --description "..." --feelings "..." --next-time "..."`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			en.PersonID = p.ID
			if en.Date, err = parseDay(date, j.DB.Now()); err != nil {
				return err
			}
			if err := j.Journal.CreateJournalEntry(ctx, &en); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(newJournalJSON(&en))
			}
			fmt.Fprintf(e.stdout, "Saved %s #%d of %s.\n", en.Kind, en.ID, en.Date.Format("2006-01-02"))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&en.Kind, "kind", ladder.JournalWin, "win, challenge, lesson or reflection")
	f.StringVar(&en.Title, "title", "", "a short title (required)")
	f.StringVar(&en.Body, "body", "", "what you want to remember")
	f.StringVar(&date, "date", "", "the day it is about, YYYY-MM-DD (default today)")
	f.IntVar(&en.Mood, "mood", 0, "your mood, 1 (low) to 5 (high)")
	f.IntVar(&en.Confidence, "confidence", 0, "your confidence in the new role, 1 to 5")
	f.StringVar(&en.Challenge, "challenge", "", "for a challenge: "+strings.Join(ladder.ChallengeAreas, ", "))
	f.StringArrayVar(&en.Tags, "tag", nil, "a tag; repeat for more")
	f.StringArrayVar(&en.Competencies, "competency", nil, "a competency key it is about; repeat for more")
	r := &en.Reflection
	f.StringVar(&r.Description, "description", "", "reflection: what happened")
	f.StringVar(&r.Feelings, "feelings", "", "reflection: what you felt")
	f.StringVar(&r.Evaluation, "evaluation", "", "reflection: what went well and badly")
	f.StringVar(&r.Analysis, "analysis", "", "reflection: why")
	f.StringVar(&r.Conclusion, "conclusion", "", "reflection: what you conclude")
	f.StringVar(&r.ActionPlan, "next-time", "", "reflection: what you will do next time")
	return cmd
}

// parseDay reads YYYY-MM-DD; empty means today.
func parseDay(s string, now time.Time) (time.Time, error) {
	if s == "" {
		y, m, d := now.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, ladder.Errorf(ladder.EINVALID, "--date %q: write YYYY-MM-DD", s)
	}
	return t, nil
}

func newJournalListCmd(e *env) *cobra.Command {
	var kind, tag string
	var limit int
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List entries, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			es, err := e.journalEntries(cmd, ladder.JournalFilter{Kind: kind, Tag: tag, Limit: limit})
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, es, newJournalJSON)
			}
			if len(es) == 0 {
				fmt.Fprintln(e.stdout, "No entries yet. Add one with `ladder journal add --kind win --title ...`.")
				return nil
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tDATE\tKIND\tTITLE\tMOOD\tCONFIDENCE\tTAGS")
			for _, en := range es {
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", en.ID, en.Date.Format("2006-01-02"), en.Kind, en.Title,
					scale(en.Mood), scale(en.Confidence), strings.Join(en.Tags, ", "))
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only this kind")
	cmd.Flags().StringVar(&tag, "tag", "", "only entries with this tag")
	cmd.Flags().IntVar(&limit, "limit", 50, "at most this many")
	return cmd
}

func scale(v int) string {
	if v == 0 {
		return "-"
	}
	return strconv.Itoa(v) + "/5"
}

func (e *env) journalEntries(cmd *cobra.Command, f ladder.JournalFilter) ([]*ladder.JournalEntry, error) {
	ctx := cmd.Context()
	j, p, err := e.me(ctx)
	if err != nil {
		return nil, err
	}
	f.PersonID = p.ID
	es, _, err := j.Journal.FindJournal(ctx, f)
	return es, err
}

func newJournalBragCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "brag",
		Short: "Your brag document: every win, as Markdown to bring to a review",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			es, err := e.journalEntries(cmd, ladder.JournalFilter{Kind: ladder.JournalWin})
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, es, newJournalJSON)
			}
			fmt.Fprintln(e.stdout, "# Wins")
			fmt.Fprintln(e.stdout)
			for _, en := range es {
				fmt.Fprintf(e.stdout, "- **%s** (%s)", en.Title, en.Date.Format("2 Jan 2006"))
				if en.Body != "" {
					fmt.Fprintf(e.stdout, ": %s", strings.ReplaceAll(en.Body, "\n", " "))
				}
				fmt.Fprintln(e.stdout)
			}
			if len(es) == 0 {
				fmt.Fprintln(e.stdout, "No wins logged yet: add one with `ladder journal add --kind win --title ...`.")
			}
			return nil
		},
	}
}

func newJournalDeleteCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: "Delete an entry",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			if err := j.Journal.DeleteJournalEntry(ctx, p.ID, id); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Deleted entry #%d.\n", id)
			return nil
		},
	}
}

func newJournalPromptCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "prompt",
		Short: "This week's reflection question and the steps of a structured reflection",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := journal.Load()
			if err != nil {
				return err
			}
			_, week := time.Now().ISOWeek()
			fmt.Fprintf(e.stdout, "This week: %s\n\nA structured reflection, step by step:\n", c.PromptFor(week))
			for i, s := range c.ReflectionSteps {
				fmt.Fprintf(e.stdout, "  %d. %s: %s\n", i+1, s.Title, s.Prompt)
			}
			fmt.Fprintln(e.stdout, "\nWrite it with `ladder journal add --kind reflection --title ... --description ... --next-time ...`.")
			return nil
		},
	}
}

func newJournalChallengesCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "challenges",
		Short: "The common challenges of the move into management, with strategies",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := journal.Load()
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(c.Challenges)
			}
			for _, ch := range c.Challenges {
				fmt.Fprintf(e.stdout, "%s (%s)\n  %s\n", ch.Title, ch.Key, ch.Summary)
				for _, s := range ch.Strategies {
					fmt.Fprintf(e.stdout, "  - %s\n", s)
				}
				fmt.Fprintln(e.stdout)
			}
			return nil
		},
	}
}
