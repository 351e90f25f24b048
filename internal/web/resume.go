package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/resume"
)

// ResumePage lists the person's bullets with their forms.
type ResumePage struct {
	Base
	Role    string // the title of the role the bullets are ranked for
	Target  string // the person's target role's title
	Stale   bool   // ranked for another role than the current target
	Bullets []BulletView
	// Evidence counts the person's entries, to say what generating does.
	Evidence int
	// State is a failed move or hide, which has no form of its own.
	State FormState
}

// BulletView is one bullet with what the page needs around it.
type BulletView struct {
	ID       int64
	Position int
	// Up and Down are the positions the move buttons send.
	Up, Down                              int
	Text, Situation, Task, Action, Result string
	Why                                   string
	Hidden, Edited, First, Last           bool
	// Missing says what the entry lacks to make the bullet stronger.
	Missing string
	Source  string // the evidence entry's title, "" once deleted
	State   FormState
}

// Resume shows the bullets.
func (wb *Web) Resume(w http.ResponseWriter, r *http.Request) error {
	page, ok, err := wb.resumePage(w, r)
	if !ok {
		return err
	}
	return wb.render(w, r, "resume", page)
}

// resumePage builds the page; ok is false when the person was sent to
// onboarding for want of a target role.
func (wb *Web) resumePage(w http.ResponseWriter, r *http.Request) (*ResumePage, bool, error) {
	s, ok, err := wb.snapshot(w, r, "")
	if !ok {
		return nil, false, err
	}
	p := ladder.PersonFromContext(r.Context())
	bs, err := wb.J.Resume.FindResumeBullets(r.Context(), p.ID)
	if err != nil {
		return nil, true, err
	}
	d, err := wb.J.ResumeDocument(r.Context(), p)
	if err != nil {
		return nil, true, err
	}
	page := &ResumePage{Base: wb.base(w, r, "Resume", "resume"), Role: d.Role, Target: s.Target.Title, Evidence: len(s.Evidence)}
	byID := map[int64]*ladder.Evidence{}
	for _, e := range s.Evidence {
		byID[e.ID] = e
	}
	for i, b := range bs {
		v := BulletView{ID: b.ID, Position: b.Position, Text: b.Text, Situation: b.Situation, Task: b.Task, Action: b.Action,
			Result: b.Result, Why: b.Why, Hidden: b.Hidden, Edited: b.Edited, First: i == 0, Last: i == len(bs)-1,
			Up: b.Position - 1, Down: b.Position + 1}
		if e := byID[b.EvidenceID]; e != nil {
			v.Source = e.Title
			if m := resume.Generate(e).Missing; len(m) > 0 && !b.Edited {
				v.Missing = strings.Join(m, ", ")
			}
		}
		if b.TargetRole != "" && b.TargetRole != s.Target.Slug {
			page.Stale = true
		}
		page.Bullets = append(page.Bullets, v)
	}
	return page, true, nil
}

// GenerateResume makes (or remakes) the bullets from the evidence log.
func (wb *Web) GenerateResume(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	if p.TargetRole == "" {
		return redirect(w, r, "/onboarding", "Choose your start and target roles first.")
	}
	bs, err := wb.J.GenerateResume(r.Context(), p)
	if err != nil {
		return err
	}
	return redirect(w, r, "/resume", fmt.Sprintf("Generated %d bullets from your evidence log; your edits are kept.", len(bs)))
}

// EditBullet saves a bullet's wording.
func (wb *Web) EditBullet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Resume bullet")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return fieldError("The form could not be read.", "text", "could not be read")
	}
	p := ladder.PersonFromContext(r.Context())
	var e journey.BulletEdit
	for _, f := range []struct {
		name string
		dst  **string
	}{{"situation", &e.Situation}, {"task", &e.Task}, {"action", &e.Action}, {"result", &e.Result}, {"text", &e.Text}} {
		*f.dst = formText(r, f.name)
	}
	if _, err := wb.J.EditBullet(r.Context(), p, id, e); err != nil {
		if ladder.ErrorCode(err) != ladder.EINVALID {
			return err
		}
		return wb.resumeError(w, r, err, func(page *ResumePage, msg string, f map[string]string) {
			for i := range page.Bullets {
				if b := &page.Bullets[i]; b.ID == id {
					b.State = FormState{Error: msg, Fields: f}
					b.Text, b.Situation, b.Task, b.Action, b.Result = r.PostFormValue("text"), r.PostFormValue("situation"),
						r.PostFormValue("task"), r.PostFormValue("action"), r.PostFormValue("result")
				}
			}
		})
	}
	return redirect(w, r, fmt.Sprintf("/resume#bullet-%d", id), "Saved your wording: generating again keeps it.")
}

// MoveBullet moves a bullet to a position.
func (wb *Web) MoveBullet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Resume bullet")
	if err != nil {
		return err
	}
	pos, err := strconv.Atoi(r.PostFormValue("position"))
	if err != nil || pos < 1 {
		return wb.resumeError(w, r, fieldError("The position is not valid.", "position", "must be a whole number from 1"), nil)
	}
	p := ladder.PersonFromContext(r.Context())
	if _, err := wb.J.MoveBullet(r.Context(), p, id, pos); err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/resume#bullet-%d", id), "")
}

// HideBullet hides or shows a bullet.
func (wb *Web) HideBullet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Resume bullet")
	if err != nil {
		return err
	}
	var hidden bool
	switch r.PostFormValue("hidden") {
	case "1":
		hidden = true
	case "0":
	default:
		return wb.resumeError(w, r, fieldError("The change is not valid.", "hidden", "must be 1 (hide) or 0 (show)"), nil)
	}
	p := ladder.PersonFromContext(r.Context())
	if _, err := wb.J.EditBullet(r.Context(), p, id, journey.BulletEdit{Hidden: &hidden}); err != nil {
		return err
	}
	msg := "Shown again."
	if hidden {
		msg = "Hidden: it stays here but leaves the downloads."
	}
	return redirect(w, r, fmt.Sprintf("/resume#bullet-%d", id), msg)
}

// resumeError re-renders the resume page with err (422 for a bad field);
// fill, when given, puts the message on one bullet instead of the page.
func (wb *Web) resumeError(w http.ResponseWriter, r *http.Request, err error, fill func(*ResumePage, string, map[string]string)) error {
	page, ok, perr := wb.resumePage(w, r)
	if !ok || perr != nil {
		return perr
	}
	return wb.formError(w, r, "resume", &page.Base, err, func(msg string, f map[string]string) any {
		if fill != nil {
			fill(page, msg, f)
		} else {
			page.State = FormState{Error: msg, Fields: f}
		}
		return page
	})
}

// ResumeMarkdown downloads the visible bullets as Markdown.
func (wb *Web) ResumeMarkdown(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	d, err := wb.J.ResumeDocument(r.Context(), p)
	if err != nil {
		return err
	}
	return download(w, "text/markdown; charset=utf-8", "ladder-resume.md", []byte(resume.Markdown(d)))
}

// ResumeText downloads the visible bullets as plain text.
func (wb *Web) ResumeText(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	d, err := wb.J.ResumeDocument(r.Context(), p)
	if err != nil {
		return err
	}
	return download(w, "text/plain; charset=utf-8", "ladder-resume.txt", []byte(resume.Text(d)))
}

// CoverLetterPage is the outline of a cover letter.
type CoverLetterPage struct {
	Base
	For           string // the role, and the organisation when for an opportunity
	Sections      []resume.Section
	Opportunities []Option
	// Query is the ?opportunity= of the download link, "" for none.
	Query string
}

// coverLetter reads ?opportunity= and builds the outline; ok is false
// when the person was sent to onboarding.
func (wb *Web) coverLetter(w http.ResponseWriter, r *http.Request) (resume.CoverInput, []resume.Section, int64, bool, error) {
	p := ladder.PersonFromContext(r.Context())
	if p.TargetRole == "" {
		return resume.CoverInput{}, nil, 0, false, redirect(w, r, "/onboarding", "Choose your start and target roles first.")
	}
	var oppID int64
	if s := r.URL.Query().Get("opportunity"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return resume.CoverInput{}, nil, 0, true, fieldError("The opportunity is not valid.", "opportunity", "must be an opportunity's id")
		}
		oppID = id
	}
	in, secs, err := wb.J.CoverLetter(r.Context(), p, oppID)
	return in, secs, oppID, true, err
}

// CoverLetter shows the outline.
func (wb *Web) CoverLetter(w http.ResponseWriter, r *http.Request) error {
	in, secs, oppID, ok, err := wb.coverLetter(w, r)
	if !ok || err != nil {
		return err
	}
	page := CoverLetterPage{Base: wb.base(w, r, "Cover letter", "resume"), For: in.Role, Sections: secs}
	if o := in.Opportunity; o != nil {
		page.For = o.Title
		if o.Organisation != "" {
			page.For += " at " + o.Organisation
		}
		page.Query = "?opportunity=" + strconv.FormatInt(o.ID, 10)
	}
	os, err := wb.J.Opportunities.FindOpportunities(r.Context(), ladder.PersonFromContext(r.Context()).ID)
	if err != nil {
		return err
	}
	for _, o := range os {
		label := o.Title
		if o.Organisation != "" {
			label += " (" + o.Organisation + ")"
		}
		page.Opportunities = append(page.Opportunities, Option{Value: strconv.FormatInt(o.ID, 10), Label: label, Selected: o.ID == oppID})
	}
	return wb.render(w, r, "cover_letter", page)
}

// CoverLetterMarkdown downloads the outline.
func (wb *Web) CoverLetterMarkdown(w http.ResponseWriter, r *http.Request) error {
	in, secs, _, ok, err := wb.coverLetter(w, r)
	if !ok || err != nil {
		return err
	}
	return download(w, "text/markdown; charset=utf-8", "ladder-cover-letter.md", []byte(resume.CoverLetterMarkdown(in, secs)))
}
