package api

import (
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// Wire types of the API that the CLI does not print (yet).

// Me is the signed-in person's profile with the roles resolved.
type Me struct {
	Person
	Start  *StartRole `json:"start" doc:"the resolved start role; null when none is chosen or it is no longer known"`
	Target *Role      `json:"target" doc:"the resolved target role; null when none is chosen"`
	// Attribution credits O*NET when the start is an O*NET occupation.
	Attribution string `json:"attribution,omitempty"`
}

// StartRole is a resolved start: one of the model's roles or any O*NET
// occupation.
type StartRole struct {
	Value     string `json:"value" doc:"what is stored: a role slug or an O*NET-SOC code"`
	Title     string `json:"title"`
	Kind      string `json:"kind" enum:"role,onet"`
	ONETCode  string `json:"onet_code" doc:"the occupation whose O*NET data informs the estimates; empty when there is none"`
	ONETProxy bool   `json:"onet_proxy" doc:"onet_code stands in for an occupation O*NET has not rated"`
}

// NewStartRole converts a resolved start role.
func NewStartRole(s *journey.StartRole) *StartRole {
	out := &StartRole{Value: s.Value, Title: s.Title, Kind: "onet", ONETCode: s.ONETCode, ONETProxy: s.Proxy}
	if s.Role != nil {
		out.Kind = "role"
	}
	return out
}

// PersonPatch is the body of PATCH /api/v1/me: absent fields stay as they
// are.
type PersonPatch struct {
	Name       *string `json:"name,omitempty"`
	Email      *string `json:"email,omitempty"`
	StartRole  *string `json:"start_role,omitempty" doc:"a start role's slug or title, or any O*NET-SOC code; empty to clear"`
	TargetRole *string `json:"target_role,omitempty" doc:"a target role's slug or title"`
}

// RoleDetail is a role profile with its requirements (`ladder roles SLUG
// --json`).
type RoleDetail struct {
	Role
	Summary      string        `json:"summary"`
	Duties       []string      `json:"duties"`
	Requirements []Requirement `json:"requirements"`
}

// Requirement is what a role needs of one competency.
type Requirement struct {
	Competency string `json:"competency"`
	Name       string `json:"name"`
	Level      int    `json:"level"`
	Importance int    `json:"importance"`
}

// NewRoleDetail converts a role with its requirements.
func NewRoleDetail(m *ladder.Model, r ladder.Role) RoleDetail {
	d := RoleDetail{Role: NewRole(r), Summary: r.Summary, Duties: append([]string{}, r.Duties...),
		Requirements: make([]Requirement, 0, len(r.Requirements))}
	for _, q := range r.Requirements {
		c, _ := m.Competency(q.Competency)
		d.Requirements = append(d.Requirements, Requirement{q.Competency, c.Name, q.Level, q.Importance})
	}
	return d
}

// AssessmentPage is one page of assessments, newest first.
type AssessmentPage struct {
	Items []Assessment `json:"items"`
	Next  *string      `json:"next" doc:"the cursor of the next page; null on the last page"`
}

// RatingInput is one rating sent by a client.
type RatingInput struct {
	Competency string  `json:"competency"`
	Level      int     `json:"level" doc:"1-5, or 0 for not sure"`
	Note       *string `json:"note,omitempty" doc:"left out or null: a rating replaced keeps its note; empty: no note"`
}

// AssessmentCreate is the body of POST /api/v1/assessments. A person has
// at most one draft: the browser and the command line resume it.
type AssessmentCreate struct {
	TargetRole string        `json:"target_role,omitempty" doc:"the role whose competencies are rated; default: the person's target role"`
	Ratings    []RatingInput `json:"ratings,omitempty"`
	Complete   bool          `json:"complete,omitempty" doc:"true saves a finished assessment; false (the default) a draft to add ratings to"`
}

// RatingsUpdate is the body of PUT /api/v1/assessments/{id}/ratings.
type RatingsUpdate struct {
	Ratings []RatingInput `json:"ratings" doc:"ratings to add or replace; competencies not listed keep their rating"`
}

// Ratings converts ratings sent by a client. A rating without a note keeps
// the note of the rating it replaces in old (if any), so that changing a
// level from the browser does not erase what the command line recorded.
func Ratings(in []RatingInput, old []ladder.Rating) []ladder.Rating {
	notes := make(map[string]string, len(old))
	for _, r := range old {
		notes[r.Competency] = r.Note
	}
	out := make([]ladder.Rating, 0, len(in))
	for _, r := range in {
		note := notes[r.Competency]
		if r.Note != nil {
			note = *r.Note
		}
		out = append(out, ladder.Rating{Competency: r.Competency, Level: r.Level, Note: note})
	}
	return out
}

// Token is a personal access token, without its secret.
type Token struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix" doc:"the start of the token, to tell tokens apart"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at" doc:"null if never used"`
}

// NewToken converts a token.
func NewToken(t *ladder.Token) Token {
	out := Token{ID: t.ID, Name: t.Name, Prefix: t.Prefix, CreatedAt: t.CreatedAt}
	if !t.LastUsedAt.IsZero() {
		u := t.LastUsedAt
		out.LastUsedAt = &u
	}
	return out
}

// TokenCreate is the body of POST /api/v1/tokens.
type TokenCreate struct {
	Name string `json:"name" doc:"what the token is for, unique among your tokens"`
}

// TokenCreated is a new token with its secret, shown this once.
type TokenCreated struct {
	Token
	Secret string `json:"token" doc:"the token to send as Authorization: Bearer; shown only in this response"`
}
