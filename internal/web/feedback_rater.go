package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// FeedbackRaterPage is the public page a rater's link opens: no account,
// no navigation, and never the rater's email. Pages for links that no
// longer work say why without saying whose link it was.
type FeedbackRaterPage struct {
	Base
	Asker     string
	Round     string
	Category  string
	Named     bool
	Privacy   string
	Expires   string
	Action    string
	Questions []FeedbackQuestion
	General   string
	State     FormState
	// Done thanks the rater; Gone explains a link that does not work.
	Done      bool
	Gone      bool
	GoneTitle string
	GoneText  string
}

// FeedbackQuestion is one competency with its five level descriptors.
type FeedbackQuestion struct {
	Key, Name, Description string
	Options                []FeedbackLevelOption
	NotObserved            bool
	Comment                string
	Error, CommentError    string
}

// FeedbackLevelOption is one level a rater may pick.
type FeedbackLevelOption struct {
	ID, Value, Label, Descriptor string
	Checked                      bool
}

// feedbackGone names the states of a link that no longer works.
var feedbackGone = map[string][2]string{
	ladder.FeedbackLinkUsed:    {"Answers already sent", "Thank you: answers were sent with this link already. Each link can be used once, so they cannot be changed now."},
	ladder.FeedbackLinkExpired: {"This link has expired", "The feedback round is closed or the link's time ran out. If you still want to answer, ask the person who sent it for a new link."},
	ladder.FeedbackLinkRevoked: {"This link was withdrawn", "The person who sent this link withdrew it. Nothing you do here is recorded."},
}

// raterBase is the Base of a rater page: nobody is signed in as far as the
// page is concerned, so it shows no navigation and no name.
func (wb *Web) raterBase(title string) Base { return Base{Title: title} }

// renderFeedbackGone answers a link that does not work: 404 for an unknown
// one, 410 for one that is used, expired or withdrawn.
func (wb *Web) renderFeedbackGone(w http.ResponseWriter, r *http.Request, state string) error {
	page := FeedbackRaterPage{Base: wb.raterBase("Feedback link"), Gone: true}
	st := http.StatusGone
	if g, ok := feedbackGone[state]; ok {
		page.GoneTitle, page.GoneText = g[0], g[1]
	} else {
		st = http.StatusNotFound
		page.GoneTitle = "This link is not known"
		page.GoneText = "Check that the whole link was copied from the mail. A reminder's link replaces the earlier one: use the latest."
	}
	page.Title = page.GoneTitle
	w.Header().Set("Referrer-Policy", "no-referrer")
	return wb.Tmpl.Render(w, st, "feedback_rater", "layout", page)
}

// FeedbackRater shows the rater page of a link.
func (wb *Web) FeedbackRater(w http.ResponseWriter, r *http.Request) error {
	return wb.feedbackRater(w, r, nil, http.StatusOK, FormState{})
}

func (wb *Web) feedbackRater(w http.ResponseWriter, r *http.Request, form map[string][]string, status int, state FormState) error {
	ctx := r.Context()
	token := r.PathValue("token")
	inv, err := wb.J.Feedback.FindFeedbackInvitation(ctx, token)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return wb.renderFeedbackGone(w, r, "")
	} else if err != nil {
		return err
	}
	if inv.State != ladder.FeedbackLinkOpen {
		return wb.renderFeedbackGone(w, r, inv.State)
	}
	m, err := wb.J.Model(ctx)
	if err != nil {
		return err
	}
	page := FeedbackRaterPage{Base: wb.raterBase("Feedback for " + inv.PersonName), Asker: inv.PersonName, Round: inv.Round.Title,
		Category: journey.FeedbackCategoryName(inv.Category, false), Named: inv.Category == ladder.FeedbackManager && inv.Round.Minimums.NameManager,
		Privacy: journey.FeedbackPrivacy(inv.Round.Minimums, inv.Category, inv.PersonName),
		Expires: inv.ExpiresAt.UTC().Format("2 January 2006, 15:04 UTC"), Action: "/feedback/r/" + token, State: state,
		General: feedbackFirst(form["comment_general"])}
	page.State.Fields = state.Fields
	for _, key := range inv.Round.Competencies {
		c, ok := m.Competency(key)
		if !ok {
			continue
		}
		q := FeedbackQuestion{Key: c.Key, Name: c.Name, Description: c.Description, Comment: feedbackFirst(form["comment_"+c.Key]),
			Error: state.Fields["levels."+c.Key], CommentError: state.Fields["comments."+c.Key]}
		chosen := feedbackFirst(form["level_"+c.Key])
		q.NotObserved = chosen == "0"
		for i, d := range c.Levels {
			v := strconv.Itoa(i + 1)
			q.Options = append(q.Options, FeedbackLevelOption{ID: "level-" + c.Key + "-" + v, Value: v, Label: "Level " + v, Descriptor: d,
				Checked: chosen == v})
		}
		page.Questions = append(page.Questions, q)
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	return wb.Tmpl.Render(w, status, "feedback_rater", "layout", page)
}

func feedbackFirst(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

// SubmitFeedback takes a rater's answers. A competency left unanswered
// counts as "not observed".
func (wb *Web) SubmitFeedback(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return ladder.Errorf(ladder.EINVALID, "The form could not be read.")
	}
	resp := ladder.FeedbackResponse{Levels: map[string]int{}, Comments: map[string]string{}}
	fe := ladder.FieldErrors{}
	for name, vs := range r.PostForm {
		switch {
		case strings.HasPrefix(name, "level_"):
			key := strings.TrimPrefix(name, "level_")
			lv, err := strconv.Atoi(feedbackFirst(vs))
			if err != nil {
				fe.Add("levels."+key, "must be 1-5, or not observed")
			}
			resp.Levels[key] = lv
		case name == "comment_general":
			resp.Comments[""] = feedbackFirst(vs)
		case strings.HasPrefix(name, "comment_"):
			resp.Comments[strings.TrimPrefix(name, "comment_")] = feedbackFirst(vs)
		}
	}
	err := fe.Err("Some answers need another look.")
	if err == nil {
		err = wb.J.Feedback.SubmitFeedback(r.Context(), r.PathValue("token"), resp)
	}
	switch ladder.ErrorCode(err) {
	case "":
		w.Header().Set("Referrer-Policy", "no-referrer")
		return wb.Tmpl.Render(w, http.StatusOK, "feedback_rater", "layout", FeedbackRaterPage{Base: wb.raterBase("Thank you"), Done: true})
	case ladder.EINVALID:
		e, _ := err.(*ladder.Error)
		var fields map[string]string
		if e != nil {
			fields = e.Fields
		}
		return wb.feedbackRater(w, r, r.PostForm, http.StatusUnprocessableEntity, FormState{Error: ladder.ErrorMessage(err), Fields: fields})
	case ladder.ENOTFOUND, ladder.ECONFLICT:
		// The link is unknown or no longer works: the same pages as GET.
		return wb.feedbackRater(w, r, nil, http.StatusOK, FormState{})
	}
	return err
}
