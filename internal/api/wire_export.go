package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// The export format: all of one person's data as one JSON document (GET
// /api/v1/export, the settings page's download, `ladder export`), read back
// by `ladder import`. Version grows when a change would make an older Ladder
// misread a file; readers refuse versions they do not know.
const (
	ExportFormat  = "ladder.person"
	ExportVersion = 1
)

// MaxExportBytes bounds the size of a file to import.
const MaxExportBytes = 64 << 20

// Export is all of a person's data. Lists are never null and come in a
// stable order (see journey.ExportPerson); times are UTC, RFC 3339. Ids are
// those of the exporting database: an import gives new ones. The account
// and the tokens are listed for the record only: their secrets never leave
// the database, and an import does not recreate them.
type Export struct {
	Format         string                `json:"format" enum:"ladder.person"`
	Version        int                   `json:"version" doc:"the version of the format; this Ladder writes and reads 1"`
	ExportedAt     time.Time             `json:"exported_at"`
	Person         ExportPerson          `json:"person"`
	Account        *ExportAccount        `json:"account" doc:"null for a person without a password (command line only); not imported"`
	Tokens         []Token               `json:"tokens" doc:"names and dates only, never a secret; not imported"`
	Assessments    []ExportAssessment    `json:"assessments"`
	Evidence       []ExportEvidence      `json:"evidence"`
	Journal        []ExportJournalEntry  `json:"journal"`
	Plan           *ExportPlan           `json:"plan" doc:"null when there is no plan"`
	Certifications []ExportCertification `json:"certifications"`
	Learning       []ExportLearningItem  `json:"learning"`
	Weeks          []ExportWeek          `json:"weeks" doc:"the weekly split of working hours"`
	Mentors        []ExportMentor        `json:"mentors"`
	Sessions       []ExportSession       `json:"mentoring_sessions" doc:"oldest first, with their agreed actions"`
	Contacts       []ExportContact       `json:"contacts"`
	Memberships    []ExportMembership    `json:"memberships"`
	Events         []ExportEvent         `json:"events"`
	// The first 90 days as a manager; older exports lack them.
	Manager        *ExportManager        `json:"manager" doc:"null until the person records becoming a manager"`
	First90        []ExportFirst90Step   `json:"first90" doc:"the 30/60/90-day plan"`
	Team           []ExportTeamMember    `json:"team" doc:"team members with their one-to-ones"`
	Stakeholders   []ExportStakeholder   `json:"stakeholders"`
	Trust          []ExportTrustWeek     `json:"trust" doc:"the trust habits ticked per week"`
	Delegations    []ExportDelegation    `json:"delegations"`
	Opportunities  []ExportOpportunity   `json:"opportunities" doc:"with their stage history"`
	SupervisorTalk *ExportSupervisorTalk `json:"supervisor_talk" doc:"null until the person records a talk with their supervisor"`
	Resume         []ExportResumeBullet  `json:"resume" doc:"resume bullets in resume order"`
	Practice       []ExportPractice      `json:"practice" doc:"interview practice answers, oldest first"`
	// 360 feedback: closed rounds with only what they show; older exports lack them.
	FeedbackRounds []ExportFeedbackRound `json:"feedback_rounds" doc:"closed rounds of 360 feedback with counts and the results shown; no rater's email or answer"`
}

// ExportPerson is the profile with what the export adds to it.
type ExportPerson struct {
	Person
	Degree    string    `json:"degree" doc:"none, secondary or bachelor; empty while unknown"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ExportAccount is the account of an exported person; the password hash is
// never exported.
type ExportAccount struct {
	Role      string    `json:"role" enum:"owner,member"`
	CreatedAt time.Time `json:"created_at"`
}

// ExportAssessment is an assessment with the time of each rating.
type ExportAssessment struct {
	ID          int64          `json:"id"`
	Kind        string         `json:"kind" enum:"self"`
	TargetRole  string         `json:"target_role"`
	StartedAt   time.Time      `json:"started_at"`
	CompletedAt *time.Time     `json:"completed_at"`
	Ratings     []ExportRating `json:"ratings"`
}

// ExportRating is a rating with its time.
type ExportRating struct {
	Competency string    `json:"competency"`
	Level      int       `json:"level" doc:"1-5, or 0 for not sure"`
	Note       string    `json:"note"`
	RatedAt    time.Time `json:"rated_at"`
}

// ExportEvidence is an evidence entry as stored: Months as the person gave
// it (0: computed from the dates).
type ExportEvidence struct {
	ID           int64      `json:"id"`
	Kind         string     `json:"kind"`
	Title        string     `json:"title"`
	Description  string     `json:"description"`
	Start        time.Time  `json:"start"`
	End          *time.Time `json:"end" doc:"null for a single date"`
	Competencies []string   `json:"competencies" doc:"in the order given: the first is the one the entry shows best"`
	MoneySaved   *Money     `json:"money_saved" doc:"null when not given"`
	HoursSaved   float64    `json:"hours_saved"`
	People       int        `json:"people"`
	Months       float64    `json:"months" doc:"as given; 0 means computed from the dates"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// ExportJournalEntry is a journal entry.
type ExportJournalEntry struct {
	ID           int64            `json:"id"`
	Date         time.Time        `json:"date"`
	Kind         string           `json:"kind" enum:"win,challenge,lesson,reflection"`
	Title        string           `json:"title"`
	Body         string           `json:"body"`
	Mood         int              `json:"mood" doc:"1-5, 0 when not given"`
	Confidence   int              `json:"confidence" doc:"1-5, 0 when not given"`
	Challenge    string           `json:"challenge"`
	Tags         []string         `json:"tags"`
	Competencies []string         `json:"competencies"`
	Reflection   ExportReflection `json:"reflection"`
	CreatedAt    time.Time        `json:"created_at"`
	UpdatedAt    time.Time        `json:"updated_at"`
}

// ExportReflection is the six steps of a structured reflection.
type ExportReflection struct {
	Description string `json:"description"`
	Feelings    string `json:"feelings"`
	Evaluation  string `json:"evaluation"`
	Analysis    string `json:"analysis"`
	Conclusion  string `json:"conclusion"`
	ActionPlan  string `json:"action_plan"`
}

// ExportPlan is the development plan with its goals and actions in order.
type ExportPlan struct {
	ID            int64        `json:"id"`
	TargetRole    string       `json:"target_role"`
	Start         time.Time    `json:"start"`
	End           time.Time    `json:"end"`
	HoursPerMonth int          `json:"hours_per_month"`
	GeneratedAt   time.Time    `json:"generated_at"`
	Goals         []ExportGoal `json:"goals"`
}

// ExportGoal is a SMART goal with its actions in order.
type ExportGoal struct {
	ID          int64          `json:"id"`
	Competency  string         `json:"competency"`
	Specific    string         `json:"specific"`
	Measure     string         `json:"measure"`
	TargetLevel int            `json:"target_level"`
	TargetDate  time.Time      `json:"target_date"`
	Why         string         `json:"why"`
	Achievable  string         `json:"achievable"`
	Done        bool           `json:"done"`
	Edited      bool           `json:"edited"`
	Actions     []ExportAction `json:"actions"`
}

// ExportAction is one action of a goal with its flags.
type ExportAction struct {
	ID           int64      `json:"id"`
	Key          string     `json:"key" doc:"the catalogue key; empty for an action the person wrote"`
	Title        string     `json:"title"`
	Kind         string     `json:"kind" enum:"experience,others,formal"`
	Category     string     `json:"category"`
	Competencies []string   `json:"competencies"`
	EffortHours  int        `json:"effort_hours"`
	DoneWhen     string     `json:"done_when"`
	Start        *time.Time `json:"start"`
	Due          time.Time  `json:"due"`
	Why          string     `json:"why"`
	After        []string   `json:"after" doc:"keys of actions to finish first"`
	Done         bool       `json:"done"`
	Edited       bool       `json:"edited"`
	Dropped      bool       `json:"dropped"`
}

// ExportCertification is a certification record.
type ExportCertification struct {
	ID         int64      `json:"id"`
	Key        string     `json:"key"`
	Status     string     `json:"status" enum:"considering,studying,booked,passed,expired"`
	Started    *time.Time `json:"started"`
	ExamBooked *time.Time `json:"exam_booked"`
	Passed     *time.Time `json:"passed"`
	Expires    *time.Time `json:"expires"`
	StudyHours float64    `json:"study_hours"`
	Notes      string     `json:"notes"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// ExportLearningItem is a learning item.
type ExportLearningItem struct {
	ID           int64      `json:"id"`
	Title        string     `json:"title"`
	Kind         string     `json:"kind"`
	Competencies []string   `json:"competencies"`
	Link         string     `json:"link"`
	Status       string     `json:"status" enum:"planned,in-progress,done"`
	Progress     int        `json:"progress" doc:"0-100"`
	StartedAt    *time.Time `json:"started_at"`
	FinishedAt   *time.Time `json:"finished_at"`
	ProgressedAt *time.Time `json:"progressed_at"`
	Notes        string     `json:"notes"`
	FromCatalog  string     `json:"from_catalog"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// ExportWeek is one week's split of working hours.
type ExportWeek struct {
	ID              int64     `json:"id"`
	Week            time.Time `json:"week" doc:"the Monday, 00:00 UTC"`
	TechnicalHours  float64   `json:"technical_hours"`
	ManagerialHours float64   `json:"managerial_hours"`
	LearningHours   float64   `json:"learning_hours"`
	Note            string    `json:"note"`
}

// NewExport gathers all of p's data: profile, account, tokens' names and
// dates (never a secret or a hash), and everything of journey.ExportPerson.
// The API, the settings page and `ladder export` give the same file.
func NewExport(ctx context.Context, j *journey.Journey, auth ladder.AuthService, p *ladder.Person) (Export, error) {
	d, err := j.ExportPerson(ctx, p)
	if err != nil {
		return Export{}, err
	}
	out := NewExportData(d, j.DB.Now())
	acc, err := auth.FindAccount(ctx, p.ID)
	switch ladder.ErrorCode(err) {
	case "":
		out.Account = &ExportAccount{Role: acc.Role, CreatedAt: acc.CreatedAt.UTC()}
	case ladder.ENOTFOUND:
	default:
		return Export{}, err
	}
	ts, err := auth.FindTokens(ctx, p.ID)
	if err != nil {
		return Export{}, err
	}
	for _, t := range ts {
		w := NewToken(t)
		w.CreatedAt = w.CreatedAt.UTC()
		if w.LastUsedAt != nil {
			*w.LastUsedAt = w.LastUsedAt.UTC()
		}
		out.Tokens = append(out.Tokens, w)
	}
	return out, nil
}

// NewExportData converts a person's data, exported at now; it leaves
// the account and the tokens empty.
func NewExportData(d *ladder.PersonData, now time.Time) Export {
	p := &d.Person
	out := Export{Format: ExportFormat, Version: ExportVersion, ExportedAt: now.UTC().Truncate(time.Second),
		Person: ExportPerson{Person: Person{ID: p.ID, Name: p.Name, Email: p.Email, StartRole: p.StartRole,
			TargetRole: p.TargetRole, CreatedAt: p.CreatedAt.UTC()}, Degree: string(p.Degree), UpdatedAt: p.UpdatedAt.UTC()},
		Tokens: []Token{}, Assessments: []ExportAssessment{}, Evidence: []ExportEvidence{}, Journal: []ExportJournalEntry{},
		Certifications: []ExportCertification{}, Learning: []ExportLearningItem{}, Weeks: []ExportWeek{}}
	out.addNetwork(d)
	for _, a := range d.Assessments {
		out.Assessments = append(out.Assessments, NewExportAssessment(a))
	}
	for _, e := range d.Evidence {
		w := ExportEvidence{ID: e.ID, Kind: e.Kind, Title: e.Title, Description: e.Description, Start: e.Start.UTC(),
			End: optTime(e.End), Competencies: strs(e.Competencies), HoursSaved: e.HoursSaved, People: e.PeopleCount,
			Months: e.Months, CreatedAt: e.CreatedAt.UTC(), UpdatedAt: e.UpdatedAt.UTC()}
		if !e.MoneySaved.IsZero() {
			w.MoneySaved = &Money{Amount: e.MoneySaved.Amount, Currency: e.MoneySaved.Currency}
		}
		out.Evidence = append(out.Evidence, w)
	}
	for _, e := range d.Journal {
		r := e.Reflection
		out.Journal = append(out.Journal, ExportJournalEntry{ID: e.ID, Date: e.Date.UTC(), Kind: e.Kind, Title: e.Title,
			Body: e.Body, Mood: e.Mood, Confidence: e.Confidence, Challenge: e.Challenge, Tags: strs(e.Tags),
			Competencies: strs(e.Competencies), Reflection: ExportReflection(r), CreatedAt: e.CreatedAt.UTC(), UpdatedAt: e.UpdatedAt.UTC()})
	}
	if pl := d.Plan; pl != nil {
		w := &ExportPlan{ID: pl.ID, TargetRole: pl.TargetRole, Start: pl.Start.UTC(), End: pl.End.UTC(),
			HoursPerMonth: pl.HoursPerMonth, GeneratedAt: pl.GeneratedAt.UTC(), Goals: []ExportGoal{}}
		for _, g := range pl.Goals {
			wg := ExportGoal{ID: g.ID, Competency: g.Competency, Specific: g.Specific, Measure: g.Measure,
				TargetLevel: g.TargetLevel, TargetDate: g.TargetDate.UTC(), Why: g.Why, Achievable: g.Achievable,
				Done: g.Done, Edited: g.Edited, Actions: []ExportAction{}}
			for _, a := range g.Actions {
				wg.Actions = append(wg.Actions, ExportAction{ID: a.ID, Key: a.Key, Title: a.Title, Kind: a.Kind,
					Category: a.Category, Competencies: strs(a.Competencies), EffortHours: a.EffortHours, DoneWhen: a.DoneWhen,
					Start: optTime(a.Start), Due: a.Due.UTC(), Why: a.Why, After: strs(a.After), Done: a.Done,
					Edited: a.Edited, Dropped: a.Dropped})
			}
			w.Goals = append(w.Goals, wg)
		}
		out.Plan = w
	}
	for _, c := range d.Certifications {
		out.Certifications = append(out.Certifications, ExportCertification{ID: c.ID, Key: c.Key, Status: string(c.Status),
			Started: optTime(c.Started), ExamBooked: optTime(c.ExamBooked), Passed: optTime(c.Passed), Expires: optTime(c.Expires),
			StudyHours: c.StudyHours, Notes: c.Notes, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()})
	}
	for _, it := range d.Learning {
		out.Learning = append(out.Learning, ExportLearningItem{ID: it.ID, Title: it.Title, Kind: it.Kind,
			Competencies: strs(it.Competencies), Link: it.Link, Status: it.Status, Progress: it.Progress,
			StartedAt: optTime(it.StartedAt), FinishedAt: optTime(it.FinishedAt), ProgressedAt: optTime(it.ProgressedAt),
			Notes: it.Notes, FromCatalog: it.FromCatalog, CreatedAt: it.CreatedAt.UTC(), UpdatedAt: it.UpdatedAt.UTC()})
	}
	for _, l := range d.Weeks {
		out.Weeks = append(out.Weeks, ExportWeek{ID: l.ID, Week: l.Week.UTC(), TechnicalHours: l.TechnicalHours,
			ManagerialHours: l.ManagerialHours, LearningHours: l.LearningHours, Note: l.Note})
	}
	exportFirst90(&out, d)
	addLandingExport(&out, d)
	addFeedbackExport(&out, d)
	return out
}

// NewExportAssessment converts an assessment for export.
func NewExportAssessment(a *ladder.Assessment) ExportAssessment {
	out := ExportAssessment{ID: a.ID, Kind: a.Kind, TargetRole: a.TargetRole, StartedAt: a.StartedAt.UTC(),
		CompletedAt: optTime(a.CompletedAt), Ratings: make([]ExportRating, 0, len(a.Ratings))}
	for _, r := range a.Ratings {
		out.Ratings = append(out.Ratings, ExportRating{r.Competency, r.Level, r.Note, r.RatedAt.UTC()})
	}
	return out
}

// PersonData converts an export back for import. Ids, the account and the
// tokens are left out, but for the evidence entries' ids, which resume
// bullets and practice answers refer to (the import maps them to new ones); times are kept to the microsecond, as both engines
// store them. Records are checked by journey.ImportPerson.
func (x *Export) PersonData() *ladder.PersonData {
	p := x.Person
	d := &ladder.PersonData{Person: ladder.Person{Name: p.Name, Email: p.Email, StartRole: p.StartRole,
		TargetRole: p.TargetRole, Degree: ladder.Degree(p.Degree), CreatedAt: us(p.CreatedAt), UpdatedAt: us(p.UpdatedAt)}}
	for _, a := range x.Assessments {
		da := &ladder.Assessment{Kind: a.Kind, TargetRole: a.TargetRole, StartedAt: us(a.StartedAt), CompletedAt: deref(a.CompletedAt)}
		for _, r := range a.Ratings {
			da.Ratings = append(da.Ratings, ladder.Rating{Competency: r.Competency, Level: r.Level, Note: r.Note, RatedAt: us(r.RatedAt)})
		}
		d.Assessments = append(d.Assessments, da)
	}
	for _, e := range x.Evidence {
		de := &ladder.Evidence{ID: e.ID, Kind: e.Kind, Title: e.Title, Description: e.Description, Start: us(e.Start), End: deref(e.End),
			Competencies: strs(e.Competencies), HoursSaved: e.HoursSaved, PeopleCount: e.People, Months: e.Months,
			CreatedAt: us(e.CreatedAt), UpdatedAt: us(e.UpdatedAt)}
		if e.MoneySaved != nil {
			de.MoneySaved = ladder.Money{Amount: e.MoneySaved.Amount, Currency: e.MoneySaved.Currency}
		}
		d.Evidence = append(d.Evidence, de)
	}
	for _, e := range x.Journal {
		d.Journal = append(d.Journal, &ladder.JournalEntry{Date: us(e.Date), Kind: e.Kind, Title: e.Title, Body: e.Body,
			Mood: e.Mood, Confidence: e.Confidence, Challenge: e.Challenge, Tags: strs(e.Tags), Competencies: strs(e.Competencies),
			Reflection: ladder.Reflection(e.Reflection), CreatedAt: us(e.CreatedAt), UpdatedAt: us(e.UpdatedAt)})
	}
	if pl := x.Plan; pl != nil {
		dp := &ladder.Plan{TargetRole: pl.TargetRole, Start: us(pl.Start), End: us(pl.End), HoursPerMonth: pl.HoursPerMonth,
			GeneratedAt: us(pl.GeneratedAt)}
		for _, g := range pl.Goals {
			dg := ladder.Goal{Competency: g.Competency, Specific: g.Specific, Measure: g.Measure, TargetLevel: g.TargetLevel,
				TargetDate: us(g.TargetDate), Why: g.Why, Achievable: g.Achievable, Done: g.Done, Edited: g.Edited}
			for i, a := range g.Actions {
				dg.Actions = append(dg.Actions, ladder.PlanAction{Key: a.Key, Title: a.Title, Kind: a.Kind, Category: a.Category,
					Competencies: strs(a.Competencies), EffortHours: a.EffortHours, DoneWhen: a.DoneWhen, Start: deref(a.Start),
					Due: us(a.Due), Why: a.Why, After: strs(a.After), Done: a.Done, Edited: a.Edited, Dropped: a.Dropped, Order: i + 1,
					ID: a.ID})
			}
			dp.Goals = append(dp.Goals, dg)
		}
		d.Plan = dp
	}
	for _, c := range x.Certifications {
		d.Certifications = append(d.Certifications, &ladder.PersonCertification{Key: c.Key, Status: ladder.CertStatus(c.Status),
			Started: deref(c.Started), ExamBooked: deref(c.ExamBooked), Passed: deref(c.Passed), Expires: deref(c.Expires),
			StudyHours: c.StudyHours, Notes: c.Notes, CreatedAt: us(c.CreatedAt), UpdatedAt: us(c.UpdatedAt)})
	}
	for _, it := range x.Learning {
		d.Learning = append(d.Learning, &ladder.LearningItem{Title: it.Title, Kind: it.Kind, Competencies: strs(it.Competencies),
			Link: it.Link, Status: it.Status, Progress: it.Progress, StartedAt: deref(it.StartedAt), FinishedAt: deref(it.FinishedAt),
			ProgressedAt: deref(it.ProgressedAt), Notes: it.Notes, FromCatalog: it.FromCatalog,
			CreatedAt: us(it.CreatedAt), UpdatedAt: us(it.UpdatedAt)})
	}
	for _, l := range x.Weeks {
		d.Weeks = append(d.Weeks, &ladder.TimeLog{Week: us(l.Week), TechnicalHours: l.TechnicalHours,
			ManagerialHours: l.ManagerialHours, LearningHours: l.LearningHours, Note: l.Note})
	}
	x.networkData(d)
	first90Data(x, d)
	x.landingPersonData(d)
	x.feedbackPersonData(d)
	return d
}

// EncodeExport writes x as indented JSON with a final newline: the same
// data always gives the same bytes.
func EncodeExport(w io.Writer, x Export) error {
	b, err := json.MarshalIndent(x, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// DecodeExport reads an export. It checks the format and version before
// anything else, then reads strictly: unknown fields and trailing data are
// errors, so a mistyped field is not silently dropped. Errors are EINVALID
// with a message for people.
func DecodeExport(r io.Reader) (*Export, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxExportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxExportBytes {
		return nil, ladder.Errorf(ladder.EINVALID, "The file is larger than %d MiB: not a Ladder export.", MaxExportBytes>>20)
	}
	var head struct {
		Format  *string         `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, jsonErr(b, err)
	}
	if head.Format == nil || *head.Format != ExportFormat {
		got := "none"
		if head.Format != nil {
			got = fmt.Sprintf("%q", *head.Format)
		}
		return nil, ladder.Errorf(ladder.EINVALID, "Not a Ladder person export: the format is %s, want %q.", got, ExportFormat)
	}
	var v int
	if err := json.Unmarshal(head.Version, &v); err != nil || v < 1 {
		return nil, ladder.Errorf(ladder.EINVALID, "The export has no valid version number (got %s).", string(head.Version))
	}
	if v != ExportVersion {
		return nil, ladder.Errorf(ladder.EINVALID, "The export is version %d; this Ladder reads version %d: use the Ladder that wrote it, or a newer one.", v, ExportVersion)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	x := &Export{}
	if err := dec.Decode(x); err != nil {
		return nil, jsonErr(b, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, ladder.Errorf(ladder.EINVALID, "The file has data after the export.")
	}
	return x, nil
}

// jsonErr turns a decoding error into a message with the line it is on.
func jsonErr(b []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return ladder.Errorf(ladder.EINVALID, "The file is not valid JSON: %v (line %d).", se, lineOf(b, se.Offset))
	case errors.As(err, &te):
		return ladder.Errorf(ladder.EINVALID, "The export is not valid: %s must be %s, not %s (line %d).",
			te.Field, te.Type, te.Value, lineOf(b, te.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return ladder.Errorf(ladder.EINVALID, "The file is not valid JSON: it ends too soon.")
	}
	return ladder.Errorf(ladder.EINVALID, "The export is not valid: %v.", err)
}

func lineOf(b []byte, off int64) int {
	off = min(max(off, 0), int64(len(b)))
	return bytes.Count(b[:off], []byte("\n")) + 1
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return us(*t)
}

// us is t in UTC to the microsecond, the precision both engines keep.
func us(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Microsecond)
}

// strs returns a copy of s that is never nil, so lists encode as [].
func strs(s []string) []string { return append([]string{}, s...) }
