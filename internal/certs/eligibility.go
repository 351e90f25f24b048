package certs

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// EligibilityInput is what Check judges a person on. AsOf is the day of the
// check: experience after it is ignored and certifications must be valid on
// it.
type EligibilityInput struct {
	Degree     ladder.Degree // empty when unknown
	Experience []ladder.Experience
	Held       []ladder.PersonCertification
	AsOf       time.Time
}

func (in *EligibilityInput) validate() error {
	f := ladder.FieldErrors{}
	if in.AsOf.IsZero() {
		f.Add("as_of", "is required")
	}
	if in.Degree != "" && in.Degree.Rank() < 0 {
		f.Add("degree", "must be none, secondary or bachelor")
	}
	for i := range in.Experience {
		var e *ladder.Error
		if errors.As(in.Experience[i].Validate(), &e) {
			for k, msg := range e.Fields {
				f.Add(fmt.Sprintf("experience[%d].%s", i, k), "%s", msg)
			}
		}
	}
	return f.Err("The eligibility check cannot run on this input.")
}

// Check reports whether the person in in meets the prerequisites of the
// certification key, what is met and what is missing in plain words.
// Experience months are counted on the calendar with overlapping periods
// merged, and only within the certification's window. It returns ENOTFOUND
// for an unknown key and EINVALID for bad input.
func (c *Catalog) Check(key string, in EligibilityInput) (ladder.Eligibility, error) {
	cert, ok := c.Find(key)
	if !ok {
		return ladder.Eligibility{}, ladder.Errorf(ladder.ENOTFOUND, "Ladder has no certification %q.", key)
	}
	if err := in.validate(); err != nil {
		return ladder.Eligibility{}, err
	}
	asOf := day(in.AsOf)
	ch := &checker{cat: c, cert: cert, in: in, cutoff: asOf.AddDate(0, 0, 1),
		held: map[string]bool{}, lapsed: map[string]bool{}}
	ch.e = ladder.Eligibility{Key: key, AsOf: asOf}
	for i := range in.Held {
		h := &in.Held[i]
		if h.HeldAt(asOf) {
			ch.held[h.Key] = true
		} else if h.Status == ladder.CertPassed || h.Status == ladder.CertExpired {
			ch.lapsed[h.Key] = true
		}
	}
	ch.run()
	return ch.e, nil
}

// checker holds one run of Check. cutoff is the day after AsOf: periods
// are half-open [start, end) so a period ending on AsOf counts that day.
type checker struct {
	cat    *Catalog
	cert   ladder.Certification
	in     EligibilityInput
	cutoff time.Time
	held   map[string]bool // valid on AsOf
	lapsed map[string]bool // passed once, no longer valid
	e      ladder.Eligibility
}

func (ch *checker) run() {
	p := ch.cert.Prerequisites
	ch.education(p.Education)
	for _, k := range p.Held {
		ch.heldFirst(k)
	}
	ch.training(p.Training)
	for i := range p.Experience {
		ch.experience(i, &p.Experience[i])
	}
	if len(ch.e.Met) == 0 && len(ch.e.Missing) == 0 {
		ch.e.Met = append(ch.e.Met, "No prerequisites: anyone can book the exam.")
	}
	ch.e.Eligible = len(ch.e.Missing) == 0
	if ch.held[ch.cert.Key] {
		ch.e.Notes = append(ch.e.Notes, fmt.Sprintf("You already hold a valid %s.", ch.cert.Abbrev))
	}
	if len(p.Experience) > 0 {
		ch.e.Notes = append(ch.e.Notes, fmt.Sprintf(
			"%s judges the experience itself from your application; Ladder counts what you logged, with overlapping periods counted once.",
			ch.cert.Issuer))
	}
	ch.e.Notes = append(ch.e.Notes, p.Unconfirmed...)
}

func (ch *checker) education(req ladder.Degree) {
	if req.Rank() <= 0 {
		return
	}
	switch {
	case ch.in.Degree == "":
		ch.e.Missing = append(ch.e.Missing, fmt.Sprintf(
			"your highest education: record it so Ladder can check for %s", degreePhrase(req)))
	case ch.in.Degree.Rank() < req.Rank():
		ch.e.Missing = append(ch.e.Missing, degreePhrase(req))
	default:
		ch.e.Met = append(ch.e.Met, "Education: "+degreePhrase(req)+" or higher")
	}
}

func degreePhrase(d ladder.Degree) string {
	if d == ladder.DegreeBachelor {
		return "a four-year degree (or its equivalent)"
	}
	return "a secondary school diploma (or its equivalent)"
}

func (ch *checker) heldFirst(k string) {
	name := ch.cat.name(k)
	switch {
	case ch.held[k]:
		ch.e.Met = append(ch.e.Met, fmt.Sprintf("You hold a valid %s.", name))
	case ch.lapsed[k]:
		ch.e.Missing = append(ch.e.Missing, fmt.Sprintf("a valid %s: yours has expired", name))
	default:
		ch.e.Missing = append(ch.e.Missing, fmt.Sprintf("the %s first", name))
	}
}

func (ch *checker) training(t ladder.TrainingRequirement) {
	if t.Hours <= 0 {
		return
	}
	var hours float64
	for _, x := range ch.in.Experience {
		if slices.Contains(t.Kinds, x.Kind) && day(x.Start).Before(ch.cutoff) {
			hours += x.Hours
		}
	}
	ch.e.Hours, ch.e.HoursRequired = hours, t.Hours
	for _, k := range t.Substitutes {
		if ch.held[k] {
			ch.e.Met = append(ch.e.Met, fmt.Sprintf("Your valid %s stands in for the %s hours of %s.",
				ch.cat.name(k), num(t.Hours), t.Describe))
			return
		}
	}
	if hours+eps >= t.Hours {
		ch.e.Met = append(ch.e.Met, fmt.Sprintf("%s hours of %s (you logged %s)", num(t.Hours), t.Describe, floor1(hours)))
		return
	}
	msg := fmt.Sprintf("%s more hours of %s (you logged %s of %s)",
		ceil1(t.Hours-hours), t.Describe, floor1(hours), num(t.Hours))
	for _, k := range t.Substitutes {
		if ch.lapsed[k] {
			msg += fmt.Sprintf("; your %s has expired, so it no longer stands in for them", ch.cat.name(k))
		}
	}
	ch.e.Missing = append(ch.e.Missing, msg)
}

func (ch *checker) experience(i int, r *ladder.ExperienceRequirement) {
	required := r.Months
	if ch.in.Degree == ladder.DegreeBachelor && r.MonthsWithDegree > 0 {
		required = r.MonthsWithDegree
	}
	waived, why := ch.waiver(r)
	need := max(required-waived, 0)
	months, domains := ch.count(r)
	t := ladder.ExperienceTally{Describe: r.Describe, Months: months, Required: need, Waived: waived, Domains: domains}
	window := within(r.WithinMonths)
	if waived > 0 {
		ch.e.Met = append(ch.e.Met, fmt.Sprintf("%s of the %s of %s waived for %s",
			duration(waived), duration(required), r.Describe, why))
	}
	monthsOK := months+eps >= need
	if monthsOK {
		ch.e.Met = append(ch.e.Met, fmt.Sprintf("%s months of %s%s (you have %s)", num(need), r.Describe, window, floor1(months)))
	} else {
		ch.e.Missing = append(ch.e.Missing, fmt.Sprintf("%s more months of %s%s (you have %s of %s)",
			ceil1(need-months), r.Describe, window, floor1(months), num(need)))
		ch.waiverHint(r, waived)
	}
	if ch.in.Degree == "" && r.MonthsWithDegree > 0 {
		ch.e.Notes = append(ch.e.Notes, fmt.Sprintf(
			"Ladder assumed no four-year degree: with one, %s asks %s months of %s instead of %s.",
			ch.cert.Abbrev, num(r.MonthsWithDegree), r.Describe, num(r.Months)))
	}
	domainsOK := ch.domains(r, domains)
	t.Met = monthsOK && domainsOK
	if !t.Met && r.IfShort != "" && !slices.Contains(ch.e.Alternatives, r.IfShort) {
		ch.e.Alternatives = append(ch.e.Alternatives, r.IfShort)
	}
	ch.e.Experience = append(ch.e.Experience, t)
	if i == 0 {
		ch.e.Months, ch.e.MonthsRequired = months, need
	}
}

// waiver returns the months waived and why; one waiver at most.
func (ch *checker) waiver(r *ladder.ExperienceRequirement) (float64, string) {
	if r.WaiverMonths <= 0 {
		return 0, ""
	}
	if r.WaiverByDegree && ch.in.Degree == ladder.DegreeBachelor {
		return r.WaiverMonths, "your four-year degree"
	}
	for _, k := range r.WaiverCerts {
		if ch.held[k] {
			return r.WaiverMonths, "your valid " + ch.cat.name(k)
		}
	}
	return 0, ""
}

// waiverHint tells someone short of experience what would waive some.
func (ch *checker) waiverHint(r *ladder.ExperienceRequirement, waived float64) {
	if r.WaiverMonths <= 0 || waived > 0 {
		return
	}
	var ways []string
	if r.WaiverByDegree {
		ways = append(ways, "a four-year degree")
	}
	for _, k := range r.WaiverCerts {
		ways = append(ways, "a valid "+ch.cat.name(k))
	}
	ch.e.Notes = append(ch.e.Notes, fmt.Sprintf("%s would waive %s of the %s of %s.",
		capitalise(orList(ways)), duration(r.WaiverMonths), duration(r.Months), r.Describe))
}

func (ch *checker) domains(r *ladder.ExperienceRequirement, found []string) bool {
	if r.MinDomains <= 0 {
		return true
	}
	names := make([]string, 0, len(found))
	for _, k := range found {
		for _, d := range r.Domains {
			if d.Key == k {
				names = append(names, d.Name)
			}
		}
	}
	if len(found) >= r.MinDomains {
		ch.e.Met = append(ch.e.Met, fmt.Sprintf("Experience in %d of the %d %s: %s",
			len(found), len(r.Domains), r.DomainSet, strings.Join(names, ", ")))
		return true
	}
	have := "none recorded"
	if len(names) > 0 {
		have = fmt.Sprintf("%d: %s", len(names), strings.Join(names, ", "))
	}
	ch.e.Missing = append(ch.e.Missing, fmt.Sprintf("experience in at least %d of the %d %s (you have %s)",
		r.MinDomains, len(r.Domains), r.DomainSet, have))
	return false
}

// count returns the merged months of experience of the rule's kinds within
// its window, and the rule's domains that experience covers, sorted.
func (ch *checker) count(r *ladder.ExperienceRequirement) (float64, []string) {
	var from time.Time
	if r.WithinMonths > 0 {
		from = addMonths(ch.cutoff, -r.WithinMonths)
	}
	var spans []span
	seen := map[string]bool{}
	for _, x := range ch.in.Experience {
		if !slices.Contains(r.Kinds, x.Kind) {
			continue
		}
		s, e := day(x.Start), ch.cutoff
		if end := day(x.End).AddDate(0, 0, 1); !x.End.IsZero() && end.Before(e) {
			e = end
		}
		if s.Before(from) {
			s = from
		}
		if !s.Before(e) {
			continue
		}
		spans = append(spans, span{s, e})
		for _, d := range x.Domains {
			if k := domainKey(r.Domains, d); k != "" {
				seen[k] = true
			}
		}
	}
	var found []string
	for _, d := range r.Domains {
		if seen[d.Key] {
			found = append(found, d.Key)
		}
	}
	return mergedMonths(spans), found
}

// domainKey matches what a person wrote against a domain's key or name,
// ignoring case, punctuation and "and".
func domainKey(domains []ladder.Domain, s string) string {
	n := normalise(s)
	for _, d := range domains {
		if n == normalise(d.Key) || n == normalise(d.Name) {
			return d.Key
		}
	}
	return ""
}

func normalise(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
	words = slices.DeleteFunc(words, func(w string) bool { return w == "and" })
	return strings.Join(words, "-")
}

func within(months int) string {
	switch {
	case months <= 0:
		return ""
	case months%12 == 0:
		return fmt.Sprintf(" in the last %d years", months/12)
	}
	return fmt.Sprintf(" in the last %d months", months)
}

func orList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
