package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/resume"
)

func newResumeCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "resume",
		Short: "Resume bullets from your evidence log, ranked for your target role",
		Long: `Without a subcommand, list your resume bullets in order with why each is
where it is. Generate them from your evidence log first: ladder resume generate.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			bs, err := j.Resume.FindResumeBullets(ctx, p.ID)
			if err != nil {
				return err
			}
			return e.printBullets(bs)
		},
	}
	cmd.AddCommand(newResumeGenerateCmd(e), newResumeEditCmd(e), newResumeExportCmd(e))
	return cmd
}

func (e *env) printBullets(bs []*ladder.ResumeBullet) error {
	if e.json {
		return printJSONList(e, bs, api.NewResumeBullet)
	}
	if len(bs) == 0 {
		fmt.Fprintln(e.stdout, "No resume bullets yet: log evidence (ladder log add), then run `ladder resume generate`.")
		return nil
	}
	for _, b := range bs {
		flags := ""
		if b.Edited {
			flags += " (edited)"
		}
		if b.Hidden {
			flags += " (hidden)"
		}
		fmt.Fprintf(e.stdout, "%d. #%d %s%s\n   Why here: %s\n", b.Position, b.ID, b.Text, flags, b.Why)
	}
	return nil
}

func newResumeGenerateCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "generate",
		Short: "Make your bullets from your evidence log; your edits and hidden bullets are kept",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			bs, err := j.GenerateResume(ctx, p)
			if err != nil {
				return err
			}
			return e.printBullets(bs)
		},
	}
}

func newResumeEditCmd(e *env) *cobra.Command {
	var ed struct{ situation, task, action, result, text string }
	var hide, show bool
	var position int
	cmd := &cobra.Command{
		Use:   "edit ID",
		Short: "Reword, hide, show or move a bullet",
		Long: `Change the flags given, for example:

  ladder resume edit 12 --text "Led a 40 TB storage migration with a team of 4, no data lost."
  ladder resume edit 12 --result "No data lost and one weekend of downtime."
  ladder resume edit 14 --hide
  ladder resume edit 15 --position 1

Reworded bullets keep your words when you generate again.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := idArg(args[0], "ladder resume")
			if err != nil {
				return err
			}
			if hide && show {
				return usageError{fmt.Errorf("--hide and --show together: choose one")}
			}
			f := cmd.Flags()
			var edit journey.BulletEdit
			for _, x := range []struct {
				name string
				v    *string
				dst  **string
			}{{"situation", &ed.situation, &edit.Situation}, {"task", &ed.task, &edit.Task}, {"action", &ed.action, &edit.Action},
				{"result", &ed.result, &edit.Result}, {"text", &ed.text, &edit.Text}} {
				if f.Changed(x.name) {
					*x.dst = x.v
				}
			}
			if hide || show {
				edit.Hidden = &hide
			}
			if edit == (journey.BulletEdit{}) && !f.Changed("position") {
				return usageError{fmt.Errorf("nothing to change: give --text, --situation, --task, --action, --result, --hide, --show or --position")}
			}
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			b, err := j.EditBullet(ctx, p, id, edit)
			if err != nil {
				return err
			}
			if f.Changed("position") {
				if position < 1 {
					return &ladder.Error{Code: ladder.EINVALID, Message: "--position must be 1 or more.", Fields: map[string]string{"position": "must be 1 or more"}}
				}
				bs, err := j.MoveBullet(ctx, p, id, position)
				if err != nil {
					return err
				}
				for _, x := range bs {
					if x.ID == id {
						b = x
					}
				}
			}
			if e.json {
				return e.printJSON(api.NewResumeBullet(b))
			}
			fmt.Fprintf(e.stdout, "Saved bullet #%d (now %d.): %s\n", b.ID, b.Position, b.Text)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&ed.situation, "situation", "", "the situation")
	f.StringVar(&ed.task, "task", "", "the task")
	f.StringVar(&ed.action, "action", "", "what you did")
	f.StringVar(&ed.result, "result", "", "the result, ideally with a figure")
	f.StringVar(&ed.text, "text", "", "the one line that goes on the resume")
	f.BoolVar(&hide, "hide", false, "leave it out of the exports")
	f.BoolVar(&show, "show", false, "put a hidden bullet back")
	f.IntVar(&position, "position", 0, "move it to this place (1 is first)")
	return cmd
}

func newResumeExportCmd(e *env) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write your bullets (not the hidden ones) as Markdown or plain text",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "md" && format != "text" {
				return usageError{fmt.Errorf("--format %q: choose md or text", format)}
			}
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			d, err := j.ResumeDocument(ctx, p)
			if err != nil {
				return err
			}
			s := resume.Markdown(d)
			if format == "text" {
				s = resume.Text(d)
			}
			return e.writeOut(out, s)
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "md or text")
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (default standard output)")
	return cmd
}

// writeOut writes s to the file out, or to standard output for "" or "-".
func (e *env) writeOut(out, s string) error {
	if out == "" || out == "-" {
		_, err := fmt.Fprint(e.stdout, s)
		return err
	}
	if err := os.WriteFile(out, []byte(s), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %s.\n", out)
	return nil
}

func newCoverLetterCmd(e *env) *cobra.Command {
	var oppID int64
	var out string
	cmd := &cobra.Command{
		Use:   "cover-letter",
		Short: "Outline a cover letter for your target role or one of your opportunities (Markdown)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			in, secs, err := j.CoverLetter(ctx, p, oppID)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(newCoverJSON(secs))
			}
			return e.writeOut(out, resume.CoverLetterMarkdown(in, secs))
		},
	}
	cmd.Flags().Int64Var(&oppID, "opportunity", 0, "an opportunity's id (ladder opportunity list) to write it for")
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (default standard output)")
	return cmd
}

func newCoverJSON(secs []resume.Section) []api.CoverSection {
	out := make([]api.CoverSection, 0, len(secs))
	for _, s := range secs {
		out = append(out, api.NewCoverSection(s))
	}
	return out
}

func newInterviewCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "interview",
		Short: "Management interview questions and your practice answers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return e.printQuestions(cmd.Context(), "")
		},
	}
	var category string
	questions := &cobra.Command{
		Use:   "questions",
		Short: "List the questions, those for your target role and gaps first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return e.printQuestions(cmd.Context(), category)
		},
	}
	questions.Flags().StringVar(&category, "category", "", "only this category, such as budget or why-management")
	cmd.AddCommand(questions, newPracticeCmd(e), newPracticeHistoryCmd(e))
	return cmd
}

func (e *env) printQuestions(ctx context.Context, category string) error {
	j, p, err := e.me(ctx)
	if err != nil {
		return err
	}
	iv, err := j.Interview(ctx, p)
	if err != nil {
		return err
	}
	qs := interviewList(iv, category)
	if category != "" && len(qs) == 0 {
		var keys []string
		for _, c := range iv.Categories {
			keys = append(keys, c.Key)
		}
		return &ladder.Error{Code: ladder.EINVALID, Message: fmt.Sprintf("--category %q: choose one of %s", category, strings.Join(keys, ", ")),
			Fields: map[string]string{"category": "is not a category"}}
	}
	if e.json {
		return e.printJSON(qs)
	}
	for _, q := range qs {
		mark := " "
		if q.Suggested {
			mark = "*"
		}
		practice := ""
		if q.Attempts > 0 {
			practice = fmt.Sprintf(" [%d attempts, last %d/5]", q.Attempts, q.LastRating)
		}
		fmt.Fprintf(e.stdout, "%s %-14s %-34s %s%s\n", mark, q.Category, q.Key, q.Question, practice)
	}
	if category == "" {
		fmt.Fprintln(e.stdout, "\n* suggested for your target role and largest gaps. Practise: ladder interview practice KEY --answer ... --rating N")
	}
	return nil
}

// interviewList flattens the bank: the suggested questions first, then the
// rest by category (those for the role first within each).
func interviewList(iv *journey.Interview, category string) []api.InterviewQuestion {
	out := []api.InterviewQuestion{}
	seen := map[string]bool{}
	for _, q := range iv.Suggested {
		if category == "" || q.Category == category {
			out = append(out, api.NewInterviewQuestion(q, true))
			seen[q.Key] = true
		}
	}
	for _, c := range iv.Categories {
		for _, q := range c.Questions {
			if !seen[q.Key] && (category == "" || c.Key == category) {
				out = append(out, api.NewInterviewQuestion(q, false))
			}
		}
	}
	return out
}

func newPracticeCmd(e *env) *cobra.Command {
	var a ladder.PracticeAnswer
	var date string
	cmd := &cobra.Command{
		Use:   "practice KEY",
		Short: "Save a practice answer to a question, with your rating and the evidence it uses",
		Long: `Save an attempt, for example:

  ladder interview practice budget-built --answer "When we replaced the backup system..." --rating 3 --evidence 4

Run without --answer to see the question, what it probes and what a strong answer shows.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			q, err := journey.InterviewQuestionByKey(args[0])
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("answer") {
				fmt.Fprintf(e.stdout, "%s\n\nWhat it probes: %s\nA strong answer: %s\n", q.Question, q.WhatItProbes, q.StrongAnswer)
				return nil
			}
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			a.PersonID, a.Question = p.ID, q.Key
			if a.Date, err = parseDay(date, j.DB.Now()); err != nil {
				return err
			}
			if err := j.Resume.CreatePracticeAnswer(ctx, &a); err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewPracticeAnswer(&a))
			}
			fmt.Fprintf(e.stdout, "Saved attempt #%d at %s, rated %d/5.\n", a.ID, q.Key, a.Rating)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&a.Answer, "answer", "", "your answer, as you would say it")
	f.IntVar(&a.Rating, "rating", 0, "how well it went, 1-5")
	f.Int64SliceVar(&a.EvidenceIDs, "evidence", nil, "an evidence entry's id (ladder log list) it uses; repeat for more")
	f.StringVar(&date, "date", "", "the day, YYYY-MM-DD (default today)")
	return cmd
}

func newPracticeHistoryCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "history [KEY]",
		Short: "Your practice answers, newest first (all, or one question's)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			key := ""
			if len(args) == 1 {
				q, err := journey.InterviewQuestionByKey(args[0])
				if err != nil {
					return err
				}
				key = q.Key
			}
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			as, err := j.Resume.FindPracticeAnswers(ctx, p.ID, key)
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, as, api.NewPracticeAnswer)
			}
			if len(as) == 0 {
				fmt.Fprintln(e.stdout, "No practice answers yet: ladder interview practice KEY --answer ... --rating N")
			}
			for _, a := range as {
				fmt.Fprintf(e.stdout, "#%d %s %s %d/5\n   %s\n", a.ID, a.Date.Format("2006-01-02"), a.Question, a.Rating, a.Answer)
			}
			return nil
		},
	}
}
