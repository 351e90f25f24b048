package ladder

// Level bounds of the competency scale. Level 1 is the floor every adult
// working in IT reaches; level 5 is what the best in the field do.
const (
	MinLevel = 1
	MaxLevel = 5
)

// Model is a competency model: areas of competencies with behaviourally
// anchored level descriptors, role profiles, and the mapping from O*NET
// elements to competencies. The default ships in the binary; an
// organisation may import its own.
type Model struct {
	Version string
	Name    string
	// LevelNames names the five levels (index 0 is level 1).
	LevelNames [5]string
	Areas      []Area
	Roles      []Role
	ONETMap    []ONETLink
	// Shift lists what changes from doing to overseeing, for the role
	// differences view.
	Shift []ShiftItem
}

// Area groups related competencies.
type Area struct {
	Key          string
	Name         string
	Description  string
	Competencies []Competency
}

// Competency is one observable capability with five level descriptors.
type Competency struct {
	Key         string
	Name        string
	Area        string // area key
	Description string
	// Levels[i] describes what a person at level i+1 observably does.
	Levels [5]string
}

// Role kinds.
const (
	RoleStart  = "start"
	RoleTarget = "target"
)

// Role is a role profile: where people start or where they want to go.
type Role struct {
	Slug     string
	Title    string
	Kind     string // RoleStart or RoleTarget
	ONETCode string
	// ONETProxy is a rated O*NET occupation that stands in for ONETCode
	// when O*NET has published no ratings for it (labelled as a proxy).
	ONETProxy    string
	Summary      string
	Duties       []string
	Requirements []Requirement
}

// Requirement is what a role needs of one competency.
type Requirement struct {
	Competency string // competency key
	Level      int    // 1-5
	Importance int    // 1-5
}

// ONETLink maps one O*NET element to the competencies it informs, with a
// weight (0-1] saying how directly the element measures each competency.
type ONETLink struct {
	Element      string // O*NET element ID, e.g. 2.B.5.d
	Name         string // O*NET element name, for readers of the data file
	Competencies []WeightedCompetency
}

// WeightedCompetency is one target of an ONETLink.
type WeightedCompetency struct {
	Key    string
	Weight float64
}

// ShiftItem contrasts what a specialist does with what a manager does in one
// domain of work.
type ShiftItem struct {
	Topic      string
	Specialist string
	Manager    string
}

// Competency returns the competency with key k.
func (m *Model) Competency(k string) (Competency, bool) {
	for _, a := range m.Areas {
		for _, c := range a.Competencies {
			if c.Key == k {
				return c, true
			}
		}
	}
	return Competency{}, false
}

// Role returns the role with slug s.
func (m *Model) Role(s string) (Role, bool) {
	for _, r := range m.Roles {
		if r.Slug == s {
			return r, true
		}
	}
	return Role{}, false
}

// Area returns the area with key k.
func (m *Model) Area(k string) (Area, bool) {
	for _, a := range m.Areas {
		if a.Key == k {
			return a, true
		}
	}
	return Area{}, false
}

// Competencies returns every competency in model order.
func (m *Model) Competencies() []Competency {
	var out []Competency
	for _, a := range m.Areas {
		out = append(out, a.Competencies...)
	}
	return out
}
