package onet

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Official O*NET text-release file names.
const (
	fileReadMe          = "Read Me.txt"
	fileOccupations     = "Occupation Data.txt"
	fileContentModel    = "Content Model Reference.txt"
	fileSkills          = "Skills.txt"
	fileKnowledge       = "Knowledge.txt"
	fileWorkActivities  = "Work Activities.txt"
	fileWorkStyles      = "Work Styles.txt"
	fileJobZones        = "Job Zones.txt"
	fileTasks           = "Task Statements.txt"
	fileTechnology      = "Technology Skills.txt"
	fileRelated         = "Related Occupations.txt"
	fileAltTitles       = "Alternate Titles.txt"
	fileEducation       = "Education, Training, and Experience.txt"
	fileEducationLabels = "Education, Training, and Experience Categories.txt"
)

// fileWorkActivitiesSubset is the partial Work Activities file of Ladder's
// bundled copy (see its README); it is named apart so that nobody takes it
// for the full file, and read only when the full file is absent.
const fileWorkActivitiesSubset = "Work Activities (IT and management subset).txt"

// parser accumulates a Dataset while the files are read.
type parser struct {
	dir      string
	release  string
	occ      map[string]*Occupation
	ratings  map[string]map[string]int // code -> element ID -> index in Ratings
	elements map[string]*Element
	model    map[string]Element // Content Model Reference, by ID
	eduLabel map[int]string     // RL category -> label
}

// ParseDir reads an O*NET text release (the files of db_XX_X_text.zip) from
// dir. Occupation Data.txt and Skills.txt are required; the other files are
// read when present. The release number comes from Read Me.txt; when it
// cannot be found, Release is left empty for the caller to fill in.
func ParseDir(dir string) (*Dataset, error) {
	p := &parser{
		dir:      dir,
		occ:      map[string]*Occupation{},
		ratings:  map[string]map[string]int{},
		elements: map[string]*Element{},
		model:    map[string]Element{},
		eduLabel: map[int]string{},
	}
	wa := fileWorkActivities
	if _, err := os.Stat(filepath.Join(dir, wa)); errors.Is(err, fs.ErrNotExist) {
		wa = fileWorkActivitiesSubset
	}
	steps := []struct {
		file     string
		required bool
		read     func(name string, r io.Reader) error
	}{
		{fileReadMe, false, p.readReadMe},
		{fileOccupations, true, p.readOccupations},
		{fileContentModel, false, p.readContentModel},
		{fileSkills, true, p.ratingReader(DomainSkills)},
		{fileKnowledge, false, p.ratingReader(DomainKnowledge)},
		{wa, false, p.ratingReader(DomainWorkActivities)},
		{fileWorkStyles, false, p.ratingReader(DomainWorkStyles)},
		{fileJobZones, false, p.readJobZones},
		{fileTasks, false, p.readTasks},
		{fileTechnology, false, p.readTechnology},
		{fileRelated, false, p.readRelated},
		{fileAltTitles, false, p.readAltTitles},
		{fileEducationLabels, false, p.readEducationLabels},
		{fileEducation, false, p.readEducation},
	}
	for _, s := range steps {
		if err := p.readFile(s.file, s.required, s.read); err != nil {
			return nil, err
		}
	}
	return p.dataset(), nil
}

// readFile opens dir/name and hands it to read; a missing optional file is
// skipped because O*NET's download is often trimmed to the files needed.
func (p *parser) readFile(name string, required bool, read func(string, io.Reader) error) error {
	f, err := os.Open(filepath.Join(p.dir, name))
	if errors.Is(err, fs.ErrNotExist) && !required {
		return nil
	}
	if err != nil {
		return fmt.Errorf("O*NET %s: %w", name, err)
	}
	defer f.Close()
	return read(name, f)
}

var releaseRE = regexp.MustCompile(`O\*NET\s+(\d+\.\d+)\s+Database`)

func (p *parser) readReadMe(_ string, r io.Reader) error {
	b, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return err
	}
	if m := releaseRE.FindSubmatch(b); m != nil {
		p.release = string(m[1])
	}
	return nil
}

// dataset assembles the parsed data in the Dataset's sort orders.
func (p *parser) dataset() *Dataset {
	d := &Dataset{Release: p.release}
	for _, e := range p.elements {
		d.Elements = append(d.Elements, *e)
	}
	sort.Slice(d.Elements, func(i, j int) bool { return CompareIDs(d.Elements[i].ID, d.Elements[j].ID) < 0 })
	for _, o := range p.occ {
		sort.Slice(o.Ratings, func(i, j int) bool { return CompareIDs(o.Ratings[i].Element, o.Ratings[j].Element) < 0 })
		sort.SliceStable(o.Education, func(i, j int) bool { return o.Education[i].Category < o.Education[j].Category })
		d.Occupations = append(d.Occupations, *o)
	}
	sort.Slice(d.Occupations, func(i, j int) bool { return d.Occupations[i].Code < d.Occupations[j].Code })
	return d
}

// occupation returns the occupation a data row refers to; every code must
// be listed in Occupation Data.txt, which O*NET guarantees.
func (p *parser) occupation(code string) (*Occupation, error) {
	o, ok := p.occ[code]
	if !ok {
		return nil, fmt.Errorf("O*NET-SOC Code %q is not in %s", code, fileOccupations)
	}
	return o, nil
}

// parseValue reads a Data Value. O*NET writes two decimals; more are
// rounded to hundredths.
func parseValue(col, s string) (Value, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) {
		return 0, fmt.Errorf("%s %q: not a number", col, s)
	}
	h := math.Round(f * 100)
	if h < 0 || h > math.MaxUint16 {
		return 0, fmt.Errorf("%s %q: out of range 0 to 655.35", col, s)
	}
	return Value(h), nil
}

// parseFlag reads a Y/N column; "n/a" reads as N.
func parseFlag(col, s string) (bool, error) {
	switch s {
	case "Y":
		return true, nil
	case "N", na, "":
		return false, nil
	}
	return false, fmt.Errorf("%s %q: want Y, N or n/a", col, s)
}

func parseInt(col, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%s %q: not an integer", col, s)
	}
	return n, nil
}

func requireCode(code string) error {
	if code == "" || code == na || strings.ContainsAny(code, " \t") {
		return fmt.Errorf("O*NET-SOC Code %q: not a code", code)
	}
	return nil
}
