package ladder

import (
	"context"
	"math"
	"regexp"
	"strings"
	"time"
)

// Certification is one entry of the certification catalogue: the facts a
// candidate needs, each section with the sources it rests on and the date
// they were checked. Facts that could not be confirmed are left empty and
// listed under Unconfirmed, telling the reader to confirm with the issuer.
type Certification struct {
	Key    string // e.g. "pmp"
	Name   string
	Abbrev string // e.g. "PMP"
	Issuer string
	// Shows says, in Ladder's words, what holding it tells an employer.
	Shows         string
	Link          Link
	Prerequisites Prerequisites
	Exam          Exam
	Cost          Cost
	StudyHours    StudyHours
	Renewal       Renewal
	// Competencies are competency keys of the model it helps build.
	Competencies []string
	// Roles are target role slugs it suits.
	Roles []string
	// Supersedes lists certifications it makes redundant to recommend
	// (holding PMP, nobody needs CAPM suggested).
	Supersedes []string
}

// Source is where a fact comes from. SecondHand marks a summary by someone
// other than the issuer: the user is pointed to the issuer's page.
type Source struct {
	ID         string
	Name       string
	URL        string
	Checked    time.Time
	SecondHand bool
}

// Link is the issuer's page for a certification.
type Link struct {
	URL     string
	Checked time.Time
	Note    string
}

// Degree is a person's highest completed education, as certification
// bodies distinguish it.
type Degree string

// Degrees, lowest first. DegreeBachelor stands for a four-year degree or its
// equivalent; an empty Degree means unknown.
const (
	DegreeNone      Degree = "none"
	DegreeSecondary Degree = "secondary"
	DegreeBachelor  Degree = "bachelor"
)

// Rank orders degrees: -1 unknown, 0 none, 1 secondary, 2 bachelor.
func (d Degree) Rank() int {
	switch d {
	case DegreeNone:
		return 0
	case DegreeSecondary:
		return 1
	case DegreeBachelor:
		return 2
	}
	return -1
}

// Prerequisites are what a candidate needs before sitting the exam or being
// certified.
type Prerequisites struct {
	Summary string
	// Education is the minimum degree; empty means none is asked.
	Education Degree
	Training  TrainingRequirement
	// Held lists certifications that must be held (and valid) first.
	Held        []string
	Experience  []ExperienceRequirement
	Sources     []Source
	Unconfirmed []string
}

// TrainingRequirement is a number of course or contact hours. Hours 0
// means none is asked.
type TrainingRequirement struct {
	Hours float64
	// Kinds are the Experience kinds whose Hours count.
	Kinds []string
	// Describe names the hours in plain words ("project-management
	// education").
	Describe string
	// Substitutes are certifications that, held and valid, stand in for
	// the hours (CAPM for PMP).
	Substitutes []string
}

// ExperienceRequirement is an amount of work experience of some kinds.
// Months are counted on the calendar with overlapping periods merged, so
// two projects run at once count once.
type ExperienceRequirement struct {
	Kinds []string
	// Describe names the experience in plain words ("leading projects").
	Describe string
	// Months is what is asked without a four-year degree.
	Months float64
	// MonthsWithDegree, when set, is what is asked with one.
	MonthsWithDegree float64
	// WithinMonths limits counting to the months before the check; 0
	// counts a whole career.
	WithinMonths int
	// Domains, when set, are the fields the experience must spread over,
	// at least MinDomains of them; DomainSet names them ("CISSP domains").
	Domains    []Domain
	MinDomains int
	DomainSet  string
	// WaiverMonths are taken off Months for a four-year degree (when
	// WaiverByDegree) or for holding one of WaiverCerts. One waiver at most.
	WaiverMonths   float64
	WaiverByDegree bool
	WaiverCerts    []string
	// IfShort is another route to suggest when the experience falls short.
	IfShort string
}

// Domain is one field of a body of knowledge.
type Domain struct {
	Key  string
	Name string
}

// Exam is the exam's format. Zero numbers are unknown; QuestionsMax is set
// for adaptive exams whose length varies.
type Exam struct {
	Questions    int
	QuestionsMax int
	Minutes      int
	PassMark     string
	Format       string
	Sources      []Source
	Unconfirmed  []string
}

// Cost is a typical price range in one currency. Max 0 means unknown.
type Cost struct {
	Min         float64
	Max         float64
	Currency    string // ISO 4217, e.g. USD
	Covers      string // what the price includes
	Sources     []Source
	Unconfirmed []string
}

// StudyHours is an estimate of preparation time, never a promise.
type StudyHours struct {
	Min         float64
	Max         float64
	Note        string
	Sources     []Source
	Unconfirmed []string
}

// Renewal says how a certification is kept. EveryMonths 0 means it does not
// expire.
type Renewal struct {
	Summary     string
	EveryMonths int
	Units       float64 // continuing-education units per cycle
	UnitName    string  // e.g. PDUs, CPE hours
	Sources     []Source
	Unconfirmed []string
}

// CertStatus is where a person stands with a certification.
type CertStatus string

// Certification statuses.
const (
	CertConsidering CertStatus = "considering"
	CertStudying    CertStatus = "studying"
	CertBooked      CertStatus = "booked"
	CertPassed      CertStatus = "passed"
	CertExpired     CertStatus = "expired"
)

// Valid reports whether s is a known status.
func (s CertStatus) Valid() bool {
	switch s {
	case CertConsidering, CertStudying, CertBooked, CertPassed, CertExpired:
		return true
	}
	return false
}

// PersonCertification is a person's record of one certification.
type PersonCertification struct {
	ID       int64
	PersonID int64
	Key      string // catalogue key
	Status   CertStatus
	// Started is when study began; ExamBooked the date of the booked
	// exam; Passed the date of the pass; Expires the end of validity (zero
	// when it does not expire or is unknown).
	Started    time.Time
	ExamBooked time.Time
	Passed     time.Time
	Expires    time.Time
	StudyHours float64
	Notes      string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

var certKeyRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Validate checks the record's fields and dates. It does not check that the
// key is in the catalogue; services do that.
func (c *PersonCertification) Validate() error {
	f := FieldErrors{}
	c.Key = strings.TrimSpace(c.Key)
	c.Notes = strings.TrimSpace(c.Notes)
	switch {
	case c.Key == "":
		f.Add("key", "is required")
	case !certKeyRE.MatchString(c.Key):
		f.Add("key", "is not a certification key")
	}
	if !c.Status.Valid() {
		f.Add("status", "must be considering, studying, booked, passed or expired")
	}
	switch {
	case math.IsNaN(c.StudyHours) || c.StudyHours < 0:
		f.Add("study_hours", "must be zero or more")
	case c.StudyHours > 10000:
		f.Add("study_hours", "must be at most 10000")
	}
	if len(c.Notes) > 4000 {
		f.Add("notes", "must be at most 4000 characters")
	}
	c.validateDates(f)
	return f.Err("The certification record is not valid.")
}

func (c *PersonCertification) validateDates(f FieldErrors) {
	switch c.Status {
	case CertBooked:
		if c.ExamBooked.IsZero() {
			f.Add("exam_booked", "is required when the exam is booked")
		}
	case CertPassed:
		if c.Passed.IsZero() {
			f.Add("passed", "is required when the certification is passed")
		}
	case CertExpired:
		if c.Expires.IsZero() {
			f.Add("expires", "is required when the certification has expired")
		}
	}
	if !c.Passed.IsZero() && !c.Started.IsZero() && c.Passed.Before(c.Started) {
		f.Add("passed", "must not be before the study started")
	}
	if !c.Expires.IsZero() {
		switch {
		case c.Passed.IsZero():
			f.Add("passed", "is required when an expiry date is given")
		case !c.Expires.After(c.Passed):
			f.Add("expires", "must be after the date passed")
		}
	}
}

// CertificationService stores people's certification records and their
// degree. Every call acts on one person's rows only.
//
// Errors: EINVALID for a bad field or a key that is not in the catalogue,
// ENOTFOUND for an unknown person or a record the person does not have.
type CertificationService interface {
	// FindPersonCertifications returns the person's records by key.
	FindPersonCertifications(ctx context.Context, personID int64) ([]*PersonCertification, error)
	// SetPersonCertification creates or replaces the person's record of
	// c.Key, setting c's ID and times.
	SetPersonCertification(ctx context.Context, c *PersonCertification) error
	DeletePersonCertification(ctx context.Context, personID int64, key string) error
	// SetDegree records the person's highest degree; empty means unknown.
	SetDegree(ctx context.Context, personID int64, d Degree) error
}

// HeldAt reports whether the certification counts as held on day t: passed
// and not past its expiry. An expired certification is not held.
func (c *PersonCertification) HeldAt(t time.Time) bool {
	if c.Status != CertPassed {
		return false
	}
	return c.Expires.IsZero() || t.Before(c.Expires)
}

// Experience kinds that certification eligibility counts. The evidence log
// maps its entries onto them.
const (
	ExperienceProjectLead        = "project-lead"
	ExperienceSecurity           = "security"
	ExperienceSecurityManagement = "security-management"
	ExperienceITGovernance       = "it-governance"
	ExperiencePMEducation        = "pm-education"
	ExperienceScrumCourse        = "scrum-course"
)

// Experience is a period of work or study offered as evidence for
// certification eligibility. Start and End are days; End is the last day
// (inclusive) and zero while ongoing. Hours are education or contact hours
// (a course) rather than time at work.
type Experience struct {
	Start   time.Time
	End     time.Time
	Kind    string
	Domains []string // fields of a body of knowledge, e.g. CISSP domains
	Hours   float64
	Note    string
}

// Validate checks that the period makes sense.
func (e *Experience) Validate() error {
	f := FieldErrors{}
	if strings.TrimSpace(e.Kind) == "" {
		f.Add("kind", "is required")
	}
	if e.Start.IsZero() {
		f.Add("start", "is required")
	}
	if !e.End.IsZero() && e.End.Before(e.Start) {
		f.Add("end", "must not be before the start")
	}
	if math.IsNaN(e.Hours) || e.Hours < 0 {
		f.Add("hours", "must be zero or more")
	}
	return f.Err("The experience is not valid.")
}

// Eligibility is the result of checking a person against a certification's
// prerequisites. Met and Missing are plain sentences; Missing is empty
// exactly when Eligible. Issuers judge the real application: this is a
// guide, and Notes say where the issuer's judgement matters.
type Eligibility struct {
	Key      string
	AsOf     time.Time
	Eligible bool
	Met      []string
	Missing  []string
	// Months counted toward the first experience requirement and the
	// months it asks after any waiver; Experience has every requirement.
	Months         float64
	MonthsRequired float64
	Experience     []ExperienceTally
	// Hours of training counted and asked (0 when none is asked).
	Hours         float64
	HoursRequired float64
	// Alternatives are other routes worth knowing (Associate of ISC2).
	Alternatives []string
	Notes        []string
}

// ExperienceTally is the count for one experience requirement.
type ExperienceTally struct {
	Describe string
	Months   float64
	Required float64 // after any waiver
	Waived   float64
	Domains  []string // domain keys found, when domains are asked
	Met      bool
}
