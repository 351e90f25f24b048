package onet

import "strings"

// pools hold all items of one kind for the whole dataset; each occupation
// gets a capacity-capped window, so an append by a caller cannot overwrite
// its neighbour's items.
type pools struct {
	ratings   []Rating
	tasks     []Task
	tech      []TechSkill
	related   []string
	alt       []string
	education []EducationShare
}

func decodePayload(b []byte) (*Dataset, error) {
	r := &reader{b: b}
	r.stringTable()
	d := &Dataset{Release: r.str()}
	// The totals share one byte budget, so that together they cannot
	// announce more items than the rest of the input can hold.
	budget := len(b) - r.off
	total := func(minSize int) int {
		n := r.count(minSize)
		if n*minSize > budget {
			r.fail("item totals exceed the data left")
			return 0
		}
		budget -= n * minSize
		return n
	}
	p := pools{
		ratings:   make([]Rating, 0, total(6)),
		tasks:     make([]Task, 0, total(2)),
		tech:      make([]TechSkill, 0, total(3)),
		related:   make([]string, 0, total(1)),
		alt:       make([]string, 0, total(1)),
		education: make([]EducationShare, 0, total(5)),
	}
	d.Elements = r.elements()
	if n := r.count(10); n > 0 {
		d.Occupations = make([]Occupation, n)
	}
	for i := range d.Occupations {
		if r.err != nil {
			break
		}
		o := &d.Occupations[i]
		r.occupation(o, d.Elements, &p)
		if i > 0 && r.err == nil && d.Occupations[i-1].Code >= o.Code {
			r.fail("occupation %q out of order", o.Code)
		}
	}
	switch {
	case r.err != nil:
		return nil, r.err
	case r.off != len(b):
		return nil, r.errorf("%d bytes left over", len(b)-r.off)
	case len(p.ratings) != cap(p.ratings) || len(p.tasks) != cap(p.tasks) || len(p.tech) != cap(p.tech) ||
		len(p.related) != cap(p.related) || len(p.alt) != cap(p.alt) || len(p.education) != cap(p.education):
		return nil, r.errorf("item totals do not match the occupations")
	}
	return d, nil
}

func (r *reader) errorf(format string, args ...any) error {
	r.fail(format, args...)
	return r.err
}

func (r *reader) elements() []Element {
	n := r.count(4)
	if n == 0 {
		return nil
	}
	els := make([]Element, n)
	for i := range els {
		e := &els[i]
		e.ID, e.Name, e.Description = r.str(), r.str(), r.str()
		dom := int(r.u8())
		if r.err != nil {
			return nil
		}
		if dom >= len(domainCodes) {
			r.fail("element %q: domain %d", e.ID, dom)
			return nil
		}
		e.Domain = domainCodes[dom]
		if i > 0 && CompareIDs(els[i-1].ID, e.ID) >= 0 {
			r.fail("element %q out of order", e.ID)
			return nil
		}
	}
	return els
}

func (r *reader) occupation(o *Occupation, els []Element, p *pools) {
	o.Code, o.Title, o.Description = r.str(), r.str(), r.str()
	o.JobZone = int(r.u8())
	o.Ratings = r.ratings(els, p)
	n := r.window(len(p.tasks), cap(p.tasks), 2)
	for range n {
		p.tasks = append(p.tasks, Task{Statement: r.str(), Core: r.flags(1) == 1})
	}
	o.Tasks = tail(p.tasks, n)
	n = r.window(len(p.tech), cap(p.tech), 3)
	for range n {
		t := TechSkill{Example: r.str(), Category: r.str()}
		f := r.flags(3)
		t.Hot, t.InDemand = f&1 != 0, f&2 != 0
		p.tech = append(p.tech, t)
	}
	o.Technology = tail(p.tech, n)
	o.Related = r.strList(&p.related)
	o.AltTitles = r.strList(&p.alt)
	n = r.window(len(p.education), cap(p.education), 5)
	for range n {
		s := EducationShare{Category: int(r.u8()), Label: r.str(), Percent: Value(r.u16())}
		s.Suppressed = r.flags(1) == 1
		p.education = append(p.education, s)
	}
	o.Education = tail(p.education, n)
	if r.err == nil && strings.TrimSpace(o.Code) == "" {
		r.fail("empty occupation code")
	}
}

// window reads how many items of a kind the next occupation has and checks
// they fit in what is left of that kind's pool (used of capacity).
func (r *reader) window(used, capacity, minSize int) int {
	n := r.count(minSize)
	if n > capacity-used {
		r.fail("more items than the totals announce")
		return 0
	}
	return n
}

// flags reads a flag byte and rejects bits outside mask, so that every
// accepted file has one meaning.
func (r *reader) flags(mask byte) byte {
	f := r.u8()
	if f&^mask != 0 {
		r.fail("flags %#x", f)
	}
	return f
}

func (r *reader) ratings(els []Element, p *pools) []Rating {
	n := r.window(len(p.ratings), cap(p.ratings), 6)
	prev := -1
	for range n {
		i := r.uv()
		if r.err == nil && (i >= uint64(len(els)) || int(i) <= prev) {
			r.fail("rating element %d out of range or order", i)
		}
		if r.err != nil {
			return nil
		}
		prev = int(i)
		rt := Rating{Element: els[i].ID, Importance: Value(r.u16()), Level: Value(r.u16())}
		f := r.flags(ratingFlags)
		rt.HasImportance, rt.HasLevel = f&flagHasIM != 0, f&flagHasLV != 0
		rt.ImportanceSuppressed, rt.LevelSuppressed = f&flagIMSuppressed != 0, f&flagLVSuppressed != 0
		rt.NotRelevant = f&flagNotRelevant != 0
		p.ratings = append(p.ratings, rt)
	}
	return tail(p.ratings, n)
}

func (r *reader) strList(pool *[]string) []string {
	n := r.window(len(*pool), cap(*pool), 1)
	for range n {
		*pool = append(*pool, r.str())
	}
	return tail(*pool, n)
}

// tail returns the last n items of pool, capacity-capped; nil when n is 0,
// as ParseDir leaves an occupation without items.
func tail[T any](pool []T, n int) []T {
	if n == 0 {
		return nil
	}
	return pool[len(pool)-n : len(pool) : len(pool)]
}
