package ladder

// PersonData is all of one person's data as export and import move it
// between databases: the profile with its degree, every assessment with its
// ratings and notes, the evidence log, the journal, the plan, certification
// records, learning items and weekly time logs, opportunities, the resume
// and interview practice. Accounts, sessions and
// tokens are not part of it: their secrets never leave the database, so an
// imported person signs in after `ladder password` and makes new tokens.
type PersonData struct {
	Person         Person
	Assessments    []*Assessment
	Evidence       []*Evidence
	Journal        []*JournalEntry
	Plan           *Plan // nil when the person has no plan
	Certifications []*PersonCertification
	Learning       []*LearningItem
	Weeks          []*TimeLog
	// Mentors, their sessions (with agreed actions), contacts, memberships
	// and events: the person's mentoring and network.
	Mentors     []*Mentor
	Sessions    []*MentoringSession
	Contacts    []*Contact
	Memberships []*Membership
	Events      []*NetworkEvent
	// The first 90 days as a manager: the record (nil until one is
	// recorded) and its plan, the team with the one-to-ones (whose
	// MemberID is the ID of one of Team), stakeholders, the trust
	// checklist and the delegation list.
	Manager      *ManagerRole
	First90      []*First90Step
	Team         []*TeamMember
	OneToOnes    []*OneToOne
	Stakeholders []*Stakeholder
	Trust        []*TrustWeek
	Delegations  []*Delegation
	// Opportunities with their stage history, and the talk with the
	// supervisor (nil when none).
	Opportunities  []*Opportunity
	SupervisorTalk *SupervisorTalk
	// Resume bullets in order and interview practice answers. Their
	// EvidenceID and EvidenceIDs name entries of Evidence by their ID
	// there; an import maps them to the entries' new ids.
	Resume   []*ResumeBullet
	Practice []*PracticeAnswer
	// FeedbackRounds are the closed rounds of 360 feedback with what they
	// show: counts per category and the results the anonymity rule let
	// through. No rater travels: not their emails, not their answers, and
	// open rounds (whose answers are shown nowhere yet) stay behind.
	FeedbackRounds []*FeedbackRound
}
