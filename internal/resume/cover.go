package resume

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder"
)

//go:embed data/cover_letter.yaml
var coverYAML []byte

// Section is one part of the cover-letter outline: what it is for and a
// draft drawn from the person's own material.
type Section struct {
	Key     string `yaml:"key"`
	Heading string `yaml:"heading"`
	Guide   string `yaml:"guide"`
	// Draft is filled by CoverLetter; the file has none.
	Draft  string   `yaml:"-"`
	Points []string `yaml:"-"`
}

// sectionKeys are the sections the generator knows how to draft, in order.
var sectionKeys = []string{"opening", "why-management", "proof", "first-steps", "close"}

var loadSections = sync.OnceValues(func() ([]Section, error) { return parseSections(coverYAML) })

func parseSections(data []byte) ([]Section, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f struct {
		Sections []Section `yaml:"sections"`
	}
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("cover_letter.yaml: %w", err)
	}
	if len(f.Sections) != len(sectionKeys) {
		return nil, fmt.Errorf("cover_letter.yaml: %d sections, want %d (%s)", len(f.Sections), len(sectionKeys), strings.Join(sectionKeys, ", "))
	}
	var errs []error
	for i, s := range f.Sections {
		if s.Key != sectionKeys[i] {
			errs = append(errs, fmt.Errorf("sections[%d]: key %q, want %q", i, s.Key, sectionKeys[i]))
		}
		if strings.TrimSpace(s.Heading) == "" || strings.TrimSpace(s.Guide) == "" {
			errs = append(errs, fmt.Errorf("sections[%d] (%s): heading and guide are required", i, s.Key))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("cover_letter.yaml: %w", err)
	}
	return f.Sections, nil
}

// CoverInput is what a cover letter is drawn from.
type CoverInput struct {
	Name string
	Role string // the target role's title
	// Opportunity, when set, is the opening the letter is for.
	Opportunity *ladder.Opportunity
	// Bullets are the resume in order; the first visible ones are the
	// proof points.
	Bullets []*ladder.ResumeBullet
	// Priorities are the names of what the role depends on most, most
	// important first.
	Priorities []string
}

// MaxProofPoints is how many stories a letter carries: more and none is
// remembered.
const MaxProofPoints = 3

// CoverLetter returns the outline with drafts for in.
func CoverLetter(in CoverInput) ([]Section, error) {
	base, err := loadSections()
	if err != nil {
		return nil, err
	}
	out := append([]Section(nil), base...)
	role, where := in.Role, ""
	if o := in.Opportunity; o != nil {
		role = o.Title
		if o.Organisation != "" {
			where = " at " + o.Organisation
		}
	}
	if role == "" {
		role = "this management role"
	}
	for i := range out {
		s := &out[i]
		switch s.Key {
		case "opening":
			s.Draft = fmt.Sprintf("I would like to be considered for the %s role%s. [Where you saw it, or who suggested you apply.] "+
				"[Your strongest reason in one sentence.]", role, where)
			if o := in.Opportunity; o != nil && o.Internal {
				s.Draft += " Having worked here, I know the team and the services it runs."
			}
		case "why-management":
			s.Draft = "[A moment when helping the team deliver mattered more to you than delivering yourself.] " +
				"Since then I have taken on leading work on purpose, as the examples below show."
		case "proof":
			for _, b := range (Document{Bullets: in.Bullets}).Visible() {
				if len(s.Points) == MaxProofPoints {
					break
				}
				s.Points = append(s.Points, b.Text)
			}
			if len(s.Points) == 0 {
				s.Draft = "[No resume bullets yet: generate them from your evidence log and the best two or three appear here.]"
			}
		case "first-steps":
			s.Draft = "In my first weeks I would meet each person in the team, learn how the services run and where they are " +
				"fragile, and agree with you what success looks like at three and six months."
			if len(in.Priorities) > 0 {
				names := make([]string, len(in.Priorities))
				for i, n := range in.Priorities {
					names[i] = lowerFirst(n)
				}
				s.Draft += fmt.Sprintf(" I would make sure of %s early, because the role depends on it.", list(names))
			}
		case "close":
			s.Draft = fmt.Sprintf("Thank you for reading. I would welcome a conversation about how I could lead the team as %s.", article(role))
		}
	}
	return out, nil
}

// article puts "a" or "an" before a role title.
func article(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune("AEIOUaeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// CoverLetterMarkdown writes the outline as Markdown.
func CoverLetterMarkdown(in CoverInput, sections []Section) string {
	var b strings.Builder
	role := in.Role
	if o := in.Opportunity; o != nil {
		role = o.Title
		if o.Organisation != "" {
			role += " at " + o.Organisation
		}
	}
	fmt.Fprintf(&b, "# Cover letter outline: %s\n\n", mdEscape(in.Name))
	if role != "" {
		fmt.Fprintf(&b, "For: %s\n", mdEscape(role))
	}
	for _, s := range sections {
		fmt.Fprintf(&b, "\n## %s\n\n_%s_\n", s.Heading, mdEscape(s.Guide))
		if s.Draft != "" {
			fmt.Fprintf(&b, "\n%s\n", mdEscape(s.Draft))
		}
		if len(s.Points) > 0 {
			b.WriteString("\n")
			for _, p := range s.Points {
				fmt.Fprintf(&b, "- %s\n", mdEscape(p))
			}
		}
	}
	return b.String()
}
