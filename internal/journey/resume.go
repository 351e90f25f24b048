package journey

import (
	"context"
	"slices"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/interview"
	"github.com/ladderhq/ladder/internal/resume"
)

// knownQuestion reports whether key names a question of the built-in bank.
func knownQuestion(key string) bool {
	b, err := interview.Load()
	if err != nil {
		return false
	}
	return slices.ContainsFunc(b.Questions, func(q interview.Question) bool { return q.Key == key })
}

// ResumeTarget returns what the person's bullets are ranked for: their
// target role's requirements and their gaps to it.
//
// Errors: EINVALID when the person has no target role.
func (j *Journey) ResumeTarget(ctx context.Context, p *ladder.Person) (resume.Target, *Snapshot, error) {
	s, err := j.Snapshot(ctx, p, "")
	if err != nil {
		return resume.Target{}, nil, err
	}
	t := resume.Target{Slug: s.Target.Slug, Title: s.Target.Title, Importance: map[string]int{},
		Gap: map[string]float64{}, Names: map[string]string{}}
	for _, q := range s.Target.Requirements {
		t.Importance[q.Competency] = q.Importance
	}
	for _, g := range s.Gaps() {
		t.Gap[g.Competency] = g.Gap
	}
	for _, c := range s.Model.Competencies() {
		t.Names[c.Key] = c.Name
	}
	return t, s, nil
}

// GenerateResume makes the person's resume from their evidence log, ranked
// for their target role. An edited bullet keeps its words, and any bullet
// keeps being hidden, when its entry is still there; an edited bullet
// whose entry was deleted stays, at the end; an unedited one goes. The
// order is the ranking's: regenerating re-ranks (for a new target role,
// say), so a hand-made order gives way to it.
//
// Errors: EINVALID when the person has no target role.
func (j *Journey) GenerateResume(ctx context.Context, p *ladder.Person) ([]*ladder.ResumeBullet, error) {
	t, s, err := j.ResumeTarget(ctx, p)
	if err != nil {
		return nil, err
	}
	old, err := j.Resume.FindResumeBullets(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	byEvidence := map[int64]*ladder.ResumeBullet{}
	for _, b := range old {
		if b.EvidenceID > 0 {
			byEvidence[b.EvidenceID] = b
		}
	}
	gen := make([]resume.Bullet, 0, len(s.Evidence))
	live := map[int64]bool{}
	for _, e := range s.Evidence {
		gen = append(gen, resume.Generate(e))
		live[e.ID] = true
	}
	var out []*ladder.ResumeBullet
	for _, r := range resume.Rank(gen, t) {
		b := byEvidence[r.EvidenceID]
		if b == nil {
			b = &ladder.ResumeBullet{EvidenceID: r.EvidenceID}
		}
		if !b.Edited {
			b.Situation, b.Task, b.Action, b.Result, b.Text = r.Situation, r.Task, r.Action, r.Result, r.Text
		}
		b.Competencies, b.TargetRole, b.Why = r.Competencies, t.Slug, r.Why
		out = append(out, b)
	}
	for _, b := range old {
		if b.Edited && !live[b.EvidenceID] {
			b.EvidenceID = 0
			b.Why = "Kept because you edited it; the evidence entry it came from was deleted."
			out = append(out, b)
		}
	}
	if err := j.Resume.SaveResume(ctx, p.ID, out); err != nil {
		return nil, err
	}
	return out, nil
}

// BulletEdit is a change to a bullet; nil fields stay as they are.
type BulletEdit struct {
	Situation, Task, Action, Result, Text *string
	Hidden                                *bool
}

// EditBullet changes a bullet of the person. A change of wording marks it
// edited, so regenerating keeps it; hiding alone does not.
//
// Errors: ENOTFOUND for another person's bullet; EINVALID naming the field.
func (j *Journey) EditBullet(ctx context.Context, p *ladder.Person, id int64, e BulletEdit) (*ladder.ResumeBullet, error) {
	b, err := j.Resume.FindResumeBullet(ctx, p.ID, id)
	if err != nil {
		return nil, err
	}
	for _, f := range []struct{ dst, v *string }{
		{&b.Situation, e.Situation}, {&b.Task, e.Task}, {&b.Action, e.Action}, {&b.Result, e.Result}, {&b.Text, e.Text},
	} {
		if f.v != nil && *f.v != *f.dst {
			*f.dst, b.Edited = *f.v, true
		}
	}
	if e.Hidden != nil {
		b.Hidden = *e.Hidden
	}
	if err := j.Resume.UpdateResumeBullet(ctx, b); err != nil {
		return nil, err
	}
	return b, nil
}

// MoveBullet puts a bullet of the person at position (1-based; clamped to
// the list) and returns the resume in its new order.
//
// Errors: ENOTFOUND for another person's bullet.
func (j *Journey) MoveBullet(ctx context.Context, p *ladder.Person, id int64, position int) ([]*ladder.ResumeBullet, error) {
	bs, err := j.Resume.FindResumeBullets(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(bs, func(b *ladder.ResumeBullet) bool { return b.ID == id })
	if i < 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Resume bullet not found.")
	}
	b := bs[i]
	bs = slices.Delete(bs, i, i+1)
	to := min(max(position, 1), len(bs)+1) - 1
	bs = slices.Insert(bs, to, b)
	if err := j.Resume.SaveResume(ctx, p.ID, bs); err != nil {
		return nil, err
	}
	return bs, nil
}

// ResumeDocument returns the person's resume to write out, with the title
// of the role it was ranked for.
func (j *Journey) ResumeDocument(ctx context.Context, p *ladder.Person) (resume.Document, error) {
	bs, err := j.Resume.FindResumeBullets(ctx, p.ID)
	if err != nil {
		return resume.Document{}, err
	}
	m, err := j.Model(ctx)
	if err != nil {
		return resume.Document{}, err
	}
	d := resume.Document{Name: p.Name, Bullets: bs}
	slug := p.TargetRole
	if len(bs) > 0 && bs[0].TargetRole != "" {
		slug = bs[0].TargetRole
	}
	if r, ok := m.Role(slug); ok {
		d.Role = r.Title
	}
	return d, nil
}

// CoverLetter outlines a cover letter for the person's target role, or
// for one of their opportunities when opportunityID is not 0.
//
// Errors: EINVALID without a target role; ENOTFOUND for another person's
// opportunity.
func (j *Journey) CoverLetter(ctx context.Context, p *ladder.Person, opportunityID int64) (resume.CoverInput, []resume.Section, error) {
	_, s, err := j.ResumeTarget(ctx, p)
	if err != nil {
		return resume.CoverInput{}, nil, err
	}
	bs, err := j.Resume.FindResumeBullets(ctx, p.ID)
	if err != nil {
		return resume.CoverInput{}, nil, err
	}
	in := resume.CoverInput{Name: p.Name, Role: s.Target.Title, Bullets: bs}
	if opportunityID != 0 {
		if in.Opportunity, err = j.Opportunities.FindOpportunity(ctx, p.ID, opportunityID); err != nil {
			return resume.CoverInput{}, nil, err
		}
	}
	for _, g := range s.Gaps() {
		if len(in.Priorities) == 2 || g.Gap <= 0 {
			break
		}
		in.Priorities = append(in.Priorities, g.Name)
	}
	secs, err := resume.CoverLetter(in)
	return in, secs, err
}
