package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// 360 rounds that a programme admin starts for a cohort (PRODUCT.md C4:
// "or an admin does it for a cohort"). The admin picks the raters, proposed
// from the organisation chart, and afterwards sees each round's progress:
// how many were asked and answered, and the closing day. The results stay
// the member's own, exactly as in a round they started themselves.

// CohortGroupCap is how many peers, and how many direct reports, are
// proposed at most (by name): enough for the minimum of three to answer,
// few enough not to flood a team with requests. The admin adds others.
const CohortGroupCap = 6

// CohortFeedbackMember is one member of a cohort as its admins see them.
type CohortFeedbackMember struct {
	PersonID           int64
	Name, Email, Title string
	// Open says the member has a round open already (theirs or one
	// started for them): no new one starts until they close it.
	Open bool
	// Proposed are the raters the organisation chart suggests.
	Proposed []ladder.CohortRater
	// Rounds are the rounds started for this cohort, newest first: their
	// progress, nothing else.
	Rounds []ladder.CohortRoundProgress
}

// CohortFeedbackView is a cohort's 360 feedback as its admins see it.
type CohortFeedbackView struct {
	Org          *ladder.Organisation
	Programme    *ladder.OrgProgramme
	Cohort       *ladder.OrgCohort
	TargetTitle  string
	Competencies []string // asked: every requirement of the programme's target role
	Members      []CohortFeedbackMember
	// MailOn says mail is set up; rounds start only then (see
	// StartCohortFeedback).
	MailOn bool
}

// Member returns the member with personID, or nil.
func (v *CohortFeedbackView) Member(personID int64) *CohortFeedbackMember {
	for i := range v.Members {
		if v.Members[i].PersonID == personID {
			return &v.Members[i]
		}
	}
	return nil
}

// CohortFeedback returns a cohort of the actor's organisation with, for
// each member, the raters the organisation chart proposes and the progress
// of the rounds started for the cohort.
func (j *Journey) CohortFeedback(ctx context.Context, actor *ladder.Person, cohortID int64) (*CohortFeedbackView, error) {
	orgID, err := j.orgFor(ctx, actor, ladder.ActOrgCohortFeedback)
	if err != nil {
		return nil, err
	}
	c, err := j.OrgProgrammes.FindCohort(ctx, orgID, cohortID)
	if err != nil {
		return nil, err
	}
	v := &CohortFeedbackView{Cohort: c, MailOn: j.Mail != nil}
	if v.Programme, err = j.OrgProgrammes.FindProgramme(ctx, orgID, c.ProgrammeID); err != nil {
		return nil, err
	}
	if v.Org, err = j.Orgs.FindOrganisation(ctx, orgID); err != nil {
		return nil, err
	}
	if v.TargetTitle, v.Competencies, err = j.programmeCompetencies(ctx, v.Programme); err != nil {
		return nil, err
	}
	all, _, err := j.Orgs.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: orgID})
	if err != nil {
		return nil, err
	}
	open, err := j.CohortRounds.FindOpenFeedbackRounds(ctx, c.MemberIDs)
	if err != nil {
		return nil, err
	}
	progress, err := j.CohortRounds.FindCohortFeedback(ctx, orgID, cohortID)
	if err != nil {
		return nil, err
	}
	for _, m := range all {
		if !slices.Contains(c.MemberIDs, m.PersonID) {
			continue
		}
		cm := CohortFeedbackMember{PersonID: m.PersonID, Name: m.Name, Email: m.Email, Title: m.Title, Open: open[m.PersonID],
			Proposed: ProposeCohortRaters(m, all)}
		for _, p := range progress {
			if p.PersonID == m.PersonID {
				cm.Rounds = append(cm.Rounds, p)
			}
		}
		v.Members = append(v.Members, cm)
	}
	slices.SortStableFunc(v.Members, func(a, b CohortFeedbackMember) int { return cmp.Compare(a.Name, b.Name) })
	return v, nil
}

// programmeCompetencies returns the title of the programme's target role
// and its requirements, which the cohort's rounds ask about.
func (j *Journey) programmeCompetencies(ctx context.Context, p *ladder.OrgProgramme) (string, []string, error) {
	m, err := j.Model(ctx)
	if err != nil {
		return "", nil, err
	}
	role, ok := m.Role(p.TargetRole)
	if !ok || len(role.Requirements) == 0 {
		return "", nil, ladder.Errorf(ladder.EINVALID, "The programme's target role %q is not in the competency model: choose another for the programme first.", p.TargetRole)
	}
	comps := make([]string, 0, len(role.Requirements))
	for _, q := range role.Requirements {
		comps = append(comps, q.Competency)
	}
	return role.Title, comps, nil
}

// ProposeCohortRaters proposes raters for member m from the organisation
// chart all: their manager (category manager), their direct reports
// (report), the members with the same manager (peer) and their assigned
// mentors. Mentors are asked as stakeholders: the rater categories are
// manager, peer, direct report and stakeholder ("others" is only the group
// small categories fold into). Someone who fits several is asked once, in
// the first of that order; peers and reports are capped at CohortGroupCap,
// by name.
func ProposeCohortRaters(m *ladder.OrgMember, all []*ladder.OrgMember) []ladder.CohortRater {
	byID := map[int64]*ladder.OrgMember{}
	for _, o := range all {
		byID[o.PersonID] = o
	}
	sorted := slices.Clone(all)
	slices.SortStableFunc(sorted, func(a, b *ladder.OrgMember) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.PersonID, b.PersonID))
	})
	var out []ladder.CohortRater
	seen := map[int64]bool{m.PersonID: true}
	add := func(o *ladder.OrgMember, category string) bool {
		if o == nil || seen[o.PersonID] || o.Email == "" || strings.EqualFold(o.Email, m.Email) {
			return false
		}
		seen[o.PersonID] = true
		out = append(out, ladder.CohortRater{Category: category, Email: strings.ToLower(o.Email), Name: o.Name})
		return true
	}
	add(byID[m.ManagerID], ladder.FeedbackManager)
	reports, peers := 0, 0
	for _, o := range sorted {
		if o.ManagerID == m.PersonID && reports < CohortGroupCap && add(o, ladder.FeedbackReport) {
			reports++
		}
	}
	for _, o := range sorted {
		if m.ManagerID != 0 && o.ManagerID == m.ManagerID && peers < CohortGroupCap && add(o, ladder.FeedbackPeer) {
			peers++
		}
	}
	for _, id := range m.MentorIDs {
		add(byID[id], ladder.FeedbackStakeholder)
	}
	return out
}

// CohortStart is what a programme admin starts for a cohort.
type CohortStart struct {
	Title    string
	ClosesOn time.Time
	// Rounds lists the members to ask for, with their raters as reviewed;
	// a member with nil Raters gets the proposal. When Rounds is empty,
	// every member who has no open round gets the proposal.
	Rounds []ladder.CohortRound
}

// CohortStarted is the outcome for one member: counts and why not, never
// an address.
type CohortStarted struct {
	PersonID int64
	Name     string
	RoundID  int64
	Raters   int
	// Mailed and Failed count the rater mails; Problem is the first
	// sending error, without any address.
	Mailed, Failed int
	Problem        string
	// Skipped says why no round was started for the member.
	Skipped string
}

func errCohortNoMail() error {
	return ladder.Errorf(ladder.ECONFLICT, "Rounds for a cohort send each rater their link by mail, and mail is not set up "+
		"(ladder serve --smtp). Set it up first: the links must go to the raters, not through you.")
}

// StartCohortFeedback starts a round for each chosen member of the cohort,
// asking about the programme's target role, and mails each rater their
// link as AddFeedbackRater does. Everything is checked first and written
// in one transaction (all rounds or none); mail goes out after it commits.
// Members with a round open are skipped and said so. It needs mail: without
// it the links would end in the admin's hands, who could then tell whether
// each was used (docs/anonymity.md).
func (j *Journey) StartCohortFeedback(ctx context.Context, actor *ladder.Person, cohortID int64, in CohortStart, baseURL string) ([]CohortStarted, error) {
	v, err := j.CohortFeedback(ctx, actor, cohortID)
	if err != nil {
		return nil, err
	}
	if j.Mail == nil {
		return nil, errCohortNoMail()
	}
	mins, err := j.FeedbackMinimums(ctx, actor.ID)
	if err != nil {
		return nil, err
	}
	st := &ladder.CohortFeedbackStart{OrgID: v.Org.ID, CohortID: cohortID, ActorID: actor.ID, Title: in.Title,
		Competencies: v.Competencies, ClosesOn: in.ClosesOn, Minimums: feedbackMinimumsOf(mins)}
	var out []CohortStarted
	rounds := in.Rounds
	if len(rounds) == 0 {
		for _, m := range v.Members {
			rounds = append(rounds, ladder.CohortRound{PersonID: m.PersonID})
		}
	}
	scope := j.orgRaterScope(v.Org)
	f := ladder.FieldErrors{}
	for _, cr := range rounds {
		m := v.Member(cr.PersonID)
		if m == nil {
			f.Add(cr.RatersField(), "is not a member of the cohort")
			continue
		}
		switch {
		case m.Open:
			out = append(out, CohortStarted{PersonID: m.PersonID, Name: m.Name,
				Skipped: "has a feedback round open already: they close it before a new one starts"})
			continue
		case cr.Raters == nil && len(m.Proposed) == 0 && len(in.Rounds) == 0:
			out = append(out, CohortStarted{PersonID: m.PersonID, Name: m.Name,
				Skipped: "the organisation chart proposes nobody (no manager, reports, peers or mentors): add raters by email"})
			continue
		case cr.Raters == nil:
			cr.Raters = m.Proposed
		}
		cr.Raters = slices.Clone(cr.Raters)
		if e, ok := cr.Validate().(*ladder.Error); ok {
			for k, v := range e.Fields {
				f.Add(k, "%s", v)
			}
			continue
		}
		for _, r := range cr.Raters {
			if msg, err := scope.problem(ctx, r.Email); err != nil {
				return nil, err
			} else if msg != "" {
				f.Add(cr.RatersField(), "%s %s", r.Email, msg)
			}
		}
		st.Rounds = append(st.Rounds, cr)
	}
	if err := f.Err("Some raters need another look: nothing was started."); err != nil {
		return nil, err
	}
	if len(st.Rounds) == 0 {
		return nil, ladder.Errorf(ladder.ECONFLICT, "No round to start: every member of the cohort has a round open or nobody to ask.")
	}
	started, err := j.CohortRounds.StartCohortFeedback(ctx, st)
	if err != nil {
		return nil, err
	}
	for _, s := range started {
		out = append(out, j.mailCohortRound(ctx, v.Member(s.PersonID), s, baseURL))
	}
	slices.SortStableFunc(out, func(a, b CohortStarted) int { return cmp.Compare(a.Name, b.Name) })
	return out, nil
}

// mailCohortRound mails each rater of a round just started their link.
func (j *Journey) mailCohortRound(ctx context.Context, m *CohortFeedbackMember, s ladder.CohortRoundStarted, baseURL string) CohortStarted {
	out := CohortStarted{PersonID: s.PersonID, Name: m.Name, Skipped: s.Skipped}
	if s.Round == nil {
		return out
	}
	out.RoundID, out.Raters = s.Round.ID, len(s.Raters)
	p := &ladder.Person{ID: m.PersonID, Name: m.Name, Email: m.Email}
	for i, r := range s.Raters {
		if err := j.Mail.Send(ctx, feedbackRequestMail(p, s.Round, r, FeedbackLink(baseURL, s.Tokens[i]), false)); err != nil {
			out.Failed++
			if out.Problem == "" {
				out.Problem = feedbackMailProblem(err, r.Email)
			}
			continue
		}
		out.Mailed++
	}
	return out
}

// CohortFeedbackStarted says, for a page or the command line, what
// starting did: how many rounds, mails and problems.
func CohortFeedbackStarted(res []CohortStarted) string {
	var started, skipped, mailed, failed int
	for _, r := range res {
		if r.Skipped != "" {
			skipped++
			continue
		}
		started++
		mailed += r.Mailed
		failed += r.Failed
	}
	msg := fmt.Sprintf("Started %d %s; %d %s mailed", started, plural(started, "round", "rounds"), mailed, plural(mailed, "rater was", "raters were"))
	if skipped > 0 {
		msg += fmt.Sprintf("; %d %s skipped", skipped, plural(skipped, "member", "members"))
	}
	if failed > 0 {
		msg += fmt.Sprintf("; %d %s could not be sent: the members can send reminders from their rounds", failed, plural(failed, "mail", "mails"))
	}
	return msg + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// FeedbackStartedBy says who started a round for the person and for which
// cohort, "" for a round of their own.
func FeedbackStartedBy(r *ladder.FeedbackRound) string {
	if r.StartedBy == 0 && r.CohortID == 0 {
		return ""
	}
	who := "A programme admin"
	if r.StartedByName != "" {
		who = r.StartedByName + ", a programme admin,"
	}
	s := who + " started “" + r.Title + "” for you"
	if r.CohortName != "" {
		s += " as part of the cohort “" + r.CohortName + "”"
	}
	return s + "."
}

// FeedbackAdminSees says what the programme admins see of a round started
// for a cohort, and that the results stay the person's.
const FeedbackAdminSees = "Programme admins see only how many people were asked, how many have answered and the closing day. " +
	"The results are yours alone: nobody else sees them, the admin who started the round included. " +
	"You may ask more people and you close the round when you are ready; once you do, others' view counts in your current levels, " +
	"so readiness or gaps you choose to share reflect it."

// cohortCategoryWords are the words a rater line may start with.
var cohortCategoryWords = map[string]string{
	"manager": ladder.FeedbackManager, "peer": ladder.FeedbackPeer, "report": ladder.FeedbackReport,
	"direct report": ladder.FeedbackReport, "stakeholder": ladder.FeedbackStakeholder,
}

// ParseCohortRaters reads raters typed one per line as "category email"
// ("peer lee@example.com", "direct report: kim@example.com"), skipping
// empty lines. Addresses are checked later, with the rest; problems here
// are lines without a known category or an address.
func ParseCohortRaters(text string) ([]ladder.CohortRater, []string) {
	var out []ladder.CohortRater
	var problems []string
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		cut := strings.LastIndexAny(line, " \t:,;")
		word := strings.ToLower(strings.Trim(strings.TrimSpace(line[:max(cut, 0)]), ":,;"))
		cat, ok := cohortCategoryWords[strings.Join(strings.Fields(word), " ")]
		if cut < 0 || !ok {
			problems = append(problems, fmt.Sprintf("line %d (%q): write a category (manager, peer, direct report or stakeholder) "+
				"and an address, such as “peer lee@example.com”", i+1, line))
			continue
		}
		out = append(out, ladder.CohortRater{Category: cat, Email: strings.TrimSpace(line[cut+1:])})
	}
	return out, problems
}

// raterScope decides which addresses may rate members of an organisation
// that refuses raters from outside: members, and addresses in its domains.
type raterScope struct {
	j   *Journey
	org *ladder.Organisation
}

func (j *Journey) orgRaterScope(o *ladder.Organisation) *raterScope {
	return &raterScope{j: j, org: o}
}

// problem returns what is wrong with email as a rater ("" when nothing):
// a message to follow the address.
func (s *raterScope) problem(ctx context.Context, email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if s.org == nil || s.org.OutsideRaters || s.org.HasDomain(email) {
		return "", nil
	}
	p, err := s.j.Persons.FindPersonByEmail(ctx, email)
	if err == nil {
		if _, err = s.j.Orgs.FindOrgMember(ctx, s.org.ID, p.ID); err == nil {
			return "", nil
		}
	}
	if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return "", err
	}
	where := "members of " + s.org.Name
	if len(s.org.Domains) > 0 {
		where += " or have an address at " + strings.Join(s.org.Domains, ", ")
	}
	return "is outside " + s.org.Name + ": raters must be " + where +
		" (an owner can allow raters from outside in the organisation's settings)", nil
}

// checkRaterInOrg refuses a rater of personID's round who is outside their
// organisation when it refuses outsiders; a person in no organisation asks
// anyone.
func (j *Journey) checkRaterInOrg(ctx context.Context, personID int64, email string) error {
	m, err := j.Orgs.FindOrgMember(ctx, 0, personID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	o, err := j.Orgs.FindOrganisation(ctx, m.OrgID)
	if err != nil {
		return err
	}
	msg, err := j.orgRaterScope(o).problem(ctx, email)
	if err != nil || msg == "" {
		return err
	}
	return &ladder.Error{Code: ladder.EINVALID, Message: "The rater is not valid.", Fields: map[string]string{"email": msg}}
}

// RemindCohortFeedback reminds, for every open round of the cohort, the
// raters who have not answered, as each member can from their own round
// (fresh links by mail). The admin learns counts only, as on the progress
// page; the reminder is written to the audit log against the cohort.
// ECONFLICT when no round of the cohort is open, or without mail.
func (j *Journey) RemindCohortFeedback(ctx context.Context, actor *ladder.Person, cohortID int64, baseURL string) (rounds int, _ FeedbackReminders, _ error) {
	var out FeedbackReminders
	orgID, err := j.orgFor(ctx, actor, ladder.ActOrgCohortFeedback)
	if err != nil {
		return 0, out, err
	}
	c, err := j.OrgProgrammes.FindCohort(ctx, orgID, cohortID)
	if err != nil {
		return 0, out, err
	}
	if j.Mail == nil {
		return 0, out, errCohortNoMail()
	}
	progress, err := j.CohortRounds.FindCohortFeedback(ctx, orgID, c.ID)
	if err != nil {
		return 0, out, err
	}
	for _, pr := range progress {
		if !pr.ClosedAt.IsZero() {
			continue
		}
		p, err := j.Persons.FindPersonByID(ctx, pr.PersonID)
		if err != nil {
			return 0, out, err
		}
		rem, err := j.RemindFeedbackRaters(ctx, p, pr.RoundID, baseURL)
		if err != nil {
			return 0, out, err
		}
		rounds++
		out.Sent += rem.Sent
		out.Failed += rem.Failed
		if out.Problem == "" {
			out.Problem = rem.Problem
		}
	}
	if rounds == 0 {
		return 0, out, ladder.Errorf(ladder.ECONFLICT, "No round of this cohort is open: there is nobody to remind.")
	}
	err = j.Audit(ctx, ladder.AuditEntry{OrgID: orgID, ActorID: actor.ID, Action: "feedback.remind", SubjectKind: ladder.AuditCohort,
		SubjectID: c.ID, SubjectName: c.Name, Detail: fmt.Sprintf("%d open rounds, %d reminders sent", rounds, out.Sent)})
	return rounds, out, err
}
