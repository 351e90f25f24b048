package web

// NavItem is one page of the navigation: Key matches Base.Nav.
type NavItem struct{ Key, Href, Label string }

// NavSection groups pages: the header lists sections, and the section of the
// page shown lists its pages below. Eighteen flat links wrapped into three
// rows on a phone; six sections fit on one.
type NavSection struct {
	Name  string
	Items []NavItem
}

// Href is where the section's link goes: its first page.
func (s NavSection) Href() string { return s.Items[0].Href }

// Has reports whether the page with nav key is in the section.
func (s NavSection) Has(key string) bool {
	for _, it := range s.Items {
		if it.Key == key {
			return true
		}
	}
	return false
}

var navSections = []NavSection{
	{"Home", []NavItem{{"home", "/", "Dashboard"}, {"agenda", "/agenda", "Agenda"}}},
	{"Assess", []NavItem{{"assess", "/assess", "Assess"}, {"gaps", "/gaps", "Gaps"}, {"readiness", "/readiness", "Readiness"},
		{"compare", "/compare", "Compare"}, {"shift", "/shift", "Doing → leading"}, {"feedback", "/feedback", "Feedback (360)"}}},
	{"Grow", []NavItem{{"plan", "/plan", "Plan"}, {"evidence", "/evidence", "Evidence"}, {"learning", "/learning", "Learning"},
		{"certs", "/certs", "Certifications"}, {"journal", "/journal", "Journal"}}},
	{"Connect", []NavItem{{"mentors", "/mentors", "Mentors"}, {"network", "/network", "Network"}}},
	{"Land", []NavItem{{"opportunities", "/opportunities", "Opportunities"}, {"resume", "/resume", "Resume"}, {"interview", "/interview", "Interviews"}}},
	{"Lead", []NavItem{{"first90", "/first90", "First 90 days"}, {"team", "/team", "Team"}, {"stakeholders", "/stakeholders", "Stakeholders"},
		{"trust", "/trust", "Trust"}, {"delegation", "/delegation", "Delegation"}}},
	{"Organisation", []NavItem{{"org", "/org", "Organisation"}}},
	{"Report", []NavItem{{"report", "/report", "Report"}}},
	{"Settings", []NavItem{{"settings", "/settings", "Settings"}, {"sharing", "/settings/sharing", "Sharing"}}},
}

// navSection returns the section holding the page with nav key, if any.
func navSection(key string) *NavSection {
	for i := range navSections {
		if navSections[i].Has(key) {
			return &navSections[i]
		}
	}
	return nil
}
