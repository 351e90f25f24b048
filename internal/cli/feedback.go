package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
)

// feedbackMail is how the feedback commands (and ladder serve) reach raters.
type feedbackMail struct {
	smtp      string // --smtp or LADDER_SMTP_URL
	publicURL string // --public-url or LADDER_PUBLIC_URL
}

// addFeedbackMailFlags adds --smtp and --public-url to a command.
func addFeedbackMailFlags(cmd *cobra.Command, m *feedbackMail, persistent bool) {
	f := cmd.Flags()
	if persistent {
		f = cmd.PersistentFlags()
	}
	f.StringVar(&m.smtp, "smtp", "", "mail server for invitations, rater links and reminders, as smtp://user:pass@host:587?from=ladder@example.com (default $LADDER_SMTP_URL; none: links are shown to copy)")
	f.StringVar(&m.publicURL, "public-url", "", "the address people reach Ladder at, which rater links start with (default $LADDER_PUBLIC_URL)")
}

// sender returns the mail sender, nil when mail is not set up.
func (m feedbackMail) sender() (mail.Sender, error) {
	raw := m.smtp
	if raw == "" {
		raw = os.Getenv("LADDER_SMTP_URL")
	}
	if raw == "" {
		return nil, nil
	}
	cfg, err := mail.ParseURL(raw)
	if err != nil {
		return nil, usageError{fmt.Errorf("--smtp: %v", err)}
	}
	return mail.NewSMTP(cfg), nil
}

// url returns the public address, "" when not set.
func (m feedbackMail) url() string {
	if m.publicURL != "" {
		return m.publicURL
	}
	return os.Getenv("LADDER_PUBLIC_URL")
}

// setUp gives j the sender and the public address.
func (m feedbackMail) setUp(j *journey.Journey) error {
	s, err := m.sender()
	if err != nil {
		return err
	}
	j.Mail, j.PublicURL = s, m.url()
	return nil
}

// feedbackDefaultURL is where `ladder serve` listens by default, for links
// made on the command line without --public-url.
const feedbackDefaultURL = "http://127.0.0.1:8080"

// linkBase sets up mail like setUp and returns the address the links of a
// command start with: the public URL, else where `ladder serve` listens.
func (m feedbackMail) linkBase(j *journey.Journey) (string, error) {
	if err := m.setUp(j); err != nil {
		return "", err
	}
	if j.PublicURL == "" {
		return feedbackDefaultURL, nil
	}
	return j.PublicURL, nil
}

func newFeedbackCmd(e *env) *cobra.Command {
	var fm feedbackMail
	cmd := &cobra.Command{
		Use:   "feedback",
		Short: "360 feedback: ask others how they see you, anonymously, and compare with your own view",
		Long: `Ask your manager, peers, direct reports and stakeholders how they see you on the
competencies of your target role. Each rater gets a personal link (mailed with
--smtp, else printed for you to pass on); answers are shown only as group
averages once enough people of a group answered (docs/anonymity.md), and only
after you close the round.

  ladder feedback start --title "Spring 2026" --closes 2026-06-15
  ladder feedback add-rater 1 --category peer --email priya@example.com
  ladder feedback raters 1
  ladder feedback close 1
  ladder feedback results 1`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.listFeedbackRounds(cmd.Context()) },
	}
	addFeedbackMailFlags(cmd, &fm, true)
	list := &cobra.Command{Use: "list", Short: "List your feedback rounds, newest first", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.listFeedbackRounds(cmd.Context()) }}
	cmd.AddCommand(list, newFeedbackStartCmd(e), newFeedbackRatersCmd(e), newFeedbackAddRaterCmd(e, &fm),
		newFeedbackRevokeCmd(e), newFeedbackCloseCmd(e), newFeedbackRemindCmd(e, &fm), newFeedbackResultsCmd(e))
	return cmd
}

func (e *env) listFeedbackRounds(ctx context.Context) error {
	j, p, err := e.me(ctx)
	if err != nil {
		return err
	}
	rs, err := j.Feedback.FindFeedbackRounds(ctx, p.ID)
	if err != nil {
		return err
	}
	if e.json {
		return printJSONList(e, rs, api.NewFeedbackRound)
	}
	if len(rs) == 0 {
		fmt.Fprintln(e.stdout, "No feedback rounds yet. Start one with `ladder feedback start --title TITLE --closes YYYY-MM-DD`.")
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tTITLE\tSTATUS\tCLOSES\tANSWERED")
	var started []string
	for _, r := range rs {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", r.ID, r.Title, feedbackStatus(r), r.ClosesOn.Format(time.DateOnly), feedbackCountsText(r))
		if s := journey.FeedbackStartedBy(r); s != "" {
			started = append(started, fmt.Sprintf("Round %d: %s", r.ID, s))
		}
	}
	if err := w.Flush(); err != nil || len(started) == 0 {
		return err
	}
	fmt.Fprintf(e.stdout, "\n%s\n%s\n", strings.Join(started, "\n"), journey.FeedbackAdminSees)
	return nil
}

func feedbackStatus(r *ladder.FeedbackRound) string {
	if r.Closed() {
		return "closed"
	}
	return "open"
}

// feedbackCountsText is "2 of 3 peers, 1 of 1 manager".
func feedbackCountsText(r *ladder.FeedbackRound) string {
	var parts []string
	for _, c := range ladder.FeedbackCategories {
		if n, ok := r.Counts[c]; ok {
			parts = append(parts, fmt.Sprintf("%d of %d %s", n.Answered, n.Invited, journey.FeedbackCategoryName(c, n.Invited != 1)))
		}
	}
	if len(parts) == 0 {
		return "nobody asked yet"
	}
	return strings.Join(parts, ", ")
}

func newFeedbackStartCmd(e *env) *cobra.Command {
	var title, closes string
	var comps []string
	cmd := &cobra.Command{
		Use:   "start",
		Short: "Start a feedback round (default: every competency your target role requires)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			body := api.FeedbackRoundCreate{Title: title, Competencies: comps, ClosesOn: closes}
			in, err := body.Start()
			if err != nil {
				return err
			}
			r, err := j.StartFeedbackRound(ctx, p, in)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewFeedbackRound(r))
			}
			fmt.Fprintf(e.stdout, "Started feedback round #%d: %s, %d competencies, closing %s.\nAsk raters with `ladder feedback add-rater %d --category peer --email ADDRESS`.\n",
				r.ID, r.Title, len(r.Competencies), r.ClosesOn.Format(time.DateOnly), r.ID)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&title, "title", "", "what the round is for (required)")
	f.StringVar(&closes, "closes", "", "the closing day, YYYY-MM-DD (required)")
	f.StringArrayVar(&comps, "competency", nil, "a competency key to ask about; repeat for more")
	return cmd
}

// feedbackRoundArg loads the person's round named by the ID argument.
func (e *env) feedbackRoundArg(ctx context.Context, arg string) (*journey.Journey, *ladder.Person, *ladder.FeedbackRound, error) {
	id, err := parseID(arg)
	if err != nil {
		return nil, nil, nil, err
	}
	j, p, err := e.me(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	r, err := j.Feedback.FindFeedbackRound(ctx, p.ID, id)
	return j, p, r, err
}

func newFeedbackRatersCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "raters ROUND_ID",
		Short: "The raters you asked, and how many of each category answered (never who)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, r, err := e.feedbackRoundArg(ctx, args[0])
			if err != nil {
				return err
			}
			rs, err := j.Feedback.FindFeedbackRaters(ctx, p.ID, r.ID)
			if err != nil {
				return err
			}
			if e.json {
				return printJSONList(e, rs, api.NewFeedbackRater)
			}
			fmt.Fprintf(e.stdout, "%s (%s): %s.\n", r.Title, feedbackStatus(r), feedbackCountsText(r))
			if len(rs) == 0 {
				return nil
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tCATEGORY\tEMAIL\tLINK")
			for _, rt := range rs {
				link := "works until " + rt.ExpiresAt.UTC().Format("2006-01-02 15:04")
				if rt.Revoked {
					link = "revoked"
				}
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", rt.ID, rt.Category, rt.Email, link)
			}
			return w.Flush()
		},
	}
}

func newFeedbackAddRaterCmd(e *env, fm *feedbackMail) *cobra.Command {
	var category, email string
	var days int
	cmd := &cobra.Command{
		Use:   "add-rater ROUND_ID",
		Short: "Ask someone for feedback: mails their personal link (with --smtp) or prints it once",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, r, err := e.feedbackRoundArg(ctx, args[0])
			if err != nil {
				return err
			}
			base, err := fm.linkBase(j)
			if err != nil {
				return err
			}
			inv, err := j.AddFeedbackRater(ctx, p, r.ID, category, email, days, base)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.FeedbackRaterCreated{FeedbackRater: api.NewFeedbackRater(inv.Rater), Link: inv.Link,
					Mailed: inv.Mailed, MailError: inv.MailError})
			}
			if inv.Mailed {
				fmt.Fprintf(e.stdout, "Asked %s (%s): their link went out by mail.\n", inv.Rater.Email, inv.Rater.Category)
				return nil
			}
			if inv.MailError != "" {
				fmt.Fprintln(e.stderr, inv.MailError)
			}
			fmt.Fprintf(e.stdout, "Asked %s (%s). Send them this link; it is shown only now and works once:\n%s\n",
				inv.Rater.Email, inv.Rater.Category, inv.Link)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&category, "category", "", strings.Join(ladder.FeedbackCategories, ", ")+" (required)")
	f.StringVar(&email, "email", "", "their email address (required)")
	f.IntVar(&days, "days", 0, "the link works this many days (default: until the round closes)")
	return cmd
}

func newFeedbackRevokeCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "revoke RATER_ID",
		Short: "Withdraw a rater's link (an answer already sent stays: nothing links it to them)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			if err := j.Feedback.RevokeFeedbackRater(ctx, p.ID, id); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Rater #%d's link no longer works.\n", id)
			return nil
		},
	}
}

func newFeedbackCloseCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "close ROUND_ID",
		Short: "Close a round: links stop working and the results show",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, r, err := e.feedbackRoundArg(ctx, args[0])
			if err != nil {
				return err
			}
			if err := j.CloseFeedbackRound(ctx, p, r.ID); err != nil {
				return err
			}
			r, err = j.Feedback.FindFeedbackRound(ctx, p.ID, r.ID)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewFeedbackRound(r))
			}
			fmt.Fprintf(e.stdout, "Closed %s: %s. See the results with `ladder feedback results %d`.\n", r.Title, feedbackCountsText(r), r.ID)
			return nil
		},
	}
}

func newFeedbackRemindCmd(e *env, fm *feedbackMail) *cobra.Command {
	return &cobra.Command{
		Use:   "remind ROUND_ID",
		Short: "Mail a reminder, with a fresh link, to everyone asked who has not answered (needs --smtp)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, r, err := e.feedbackRoundArg(ctx, args[0])
			if err != nil {
				return err
			}
			base, err := fm.linkBase(j)
			if err != nil {
				return err
			}
			rem, err := j.RemindFeedbackRaters(ctx, p, r.ID, base)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.FeedbackReminders{Sent: rem.Sent, Failed: rem.Failed})
			}
			fmt.Fprintf(e.stdout, "Reminders sent: %d.\n", rem.Sent)
			if rem.Failed > 0 {
				return ladder.Errorf(ladder.EINVALID, "%d reminders could not be sent: %s", rem.Failed, rem.Problem)
			}
			return nil
		},
	}
}

func newFeedbackResultsCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "results ROUND_ID",
		Short: "Self against others per competency, blind spots, hidden strengths and comments of a closed round",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			j, p, r, err := e.feedbackRoundArg(ctx, args[0])
			if err != nil {
				return err
			}
			v, err := j.FeedbackResults(ctx, p, r.ID)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(api.NewFeedbackResults(v))
			}
			return e.printFeedbackResults(v)
		},
	}
}

func (e *env) printFeedbackResults(v *journey.FeedbackResultsView) error {
	fmt.Fprintf(e.stdout, "%s (closed %s): %s.\n\n", v.Round.Title, v.Round.ClosedAt.Format(time.DateOnly), feedbackCountsText(v.Round))
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "COMPETENCY\tSELF\tOTHERS\tBY GROUP\tTARGET\tNOTE")
	for _, r := range v.Rows {
		self, others, target := "–", "not shown", "–"
		if r.Self > 0 {
			self = fmt.Sprint(r.Self)
		}
		if r.HasOthers {
			others = fmt.Sprintf("%s (%d)", charts.Num(r.Others, 1), r.Raters)
		}
		if lv, ok := v.TargetLevels[r.Competency]; ok {
			target = fmt.Sprint(lv)
		}
		var groups []string
		for _, g := range r.Groups {
			groups = append(groups, fmt.Sprintf("%s %s (%d)", journey.FeedbackCategoryName(g.Group, g.N != 1), charts.Num(g.Mean, 1), g.N))
		}
		note := map[string]string{journey.FeedbackBlindSpot: "blind spot", journey.FeedbackHiddenStrength: "hidden strength"}[r.Kind]
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, self, others, strings.Join(groups, ", "), target, note)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "\nA group shows only with enough raters; hidden groups fold into \"others\" when together they are enough.")
	for _, g := range v.Comments {
		fmt.Fprintf(e.stdout, "\n%s, %s:\n", g.Name, journey.FeedbackCategoryName(g.Group, true))
		for _, t := range g.Texts {
			fmt.Fprintf(e.stdout, "  - %s\n", strings.ReplaceAll(t, "\n", "\n    "))
		}
	}
	return nil
}
