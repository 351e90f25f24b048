package cli

import (
	"fmt"
	"os"
	"strings"

	"charm.land/huh/v2"
	"github.com/spf13/cobra"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
)

// stopHere is the level option that saves and leaves the form.
const stopHere = -1

func newAssessCmd(e *env) *cobra.Command {
	var sets []string
	var file, area string
	var all bool
	cmd := &cobra.Command{
		Use:   "assess",
		Short: "Rate yourself on the competencies of your target role",
		Long: `Rate yourself, one competency at a time, with the level descriptors in view.
"Not sure" is always allowed. Every answer is saved as you go: stop at any
point and run 'ladder assess' again to carry on where you left off.

Without a terminal, give the ratings as flags or a file; each run is kept as
one assessment with its date:

  ladder assess --set delegation=3 --set budgeting=2 --set negotiation="not sure"
  ladder assess --file ratings.json   # {"delegation": 3, "budgeting": 2}`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			j, p, err := e.me(ctx)
			if err != nil {
				return err
			}
			rs, err := ratingsFromFlags(sets, file)
			if err != nil {
				return err
			}
			if len(rs) > 0 {
				a := &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: p.TargetRole, Ratings: rs}
				a.CompletedAt = j.DB.Now()
				a.StartedAt = a.CompletedAt
				if err := j.Assessments.CreateAssessment(ctx, a); err != nil {
					return err
				}
				if e.json {
					return e.printJSON(api.NewAssessment(a))
				}
				fmt.Fprintf(e.stdout, "Saved %d rating(s) as assessment #%d of %s. See `ladder gaps` and `ladder readiness`.\n",
					len(rs), a.ID, a.CompletedAt.Format("2006-01-02"))
				return nil
			}
			if !e.interactive() {
				return usageError{fmt.Errorf("no ratings given and no terminal for the form: use --set KEY=LEVEL or --file FILE")}
			}
			return assessForm(e, j, p, area, all)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&sets, "set", nil, "rate a competency: KEY=LEVEL (1-5 or \"not sure\"); repeat for more")
	f.StringVar(&file, "file", "", "read ratings from a JSON file")
	f.StringVar(&area, "area", "", "rate only the competencies of this area")
	f.BoolVar(&all, "all", false, "rate every competency of the model, not only those of your target role")
	return cmd
}

func ratingsFromFlags(sets []string, file string) ([]ladder.Rating, error) {
	rs, err := parseSets(sets)
	if err != nil {
		return nil, err
	}
	if file == "" {
		return rs, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, ladder.Errorf(ladder.EINVALID, "cannot read the ratings file: %v", err)
	}
	more, err := parseRatingsFile(b)
	if err != nil {
		return nil, err
	}
	return append(rs, more...), nil
}

// assessForm walks the person through the competencies, saving each answer
// into the assessment in progress (resumed if one exists).
func assessForm(e *env, j *journey.Journey, p *ladder.Person, area string, all bool) error {
	ctx := e.ctx
	m, err := j.Model(ctx)
	if err != nil {
		return err
	}
	comps, err := competenciesToRate(j, m, p, area, all)
	if err != nil {
		return err
	}
	a, err := draftAssessment(e, j, p)
	if err != nil {
		return err
	}
	done := map[string]bool{}
	for _, r := range a.Ratings {
		done[r.Competency] = true
	}
	// One form per area: within a form the questions follow each other
	// without handing the terminal over, so no keystroke is lost, and each
	// area's answers are saved as soon as it is done.
	for _, group := range byArea(comps) {
		var todo []ladder.Competency
		for _, c := range group {
			if !done[c.Key] {
				todo = append(todo, c)
			}
		}
		if len(todo) == 0 {
			continue
		}
		rs, stopped, err := askArea(e, m, todo, len(done), len(comps))
		if err != nil {
			return err
		}
		if len(rs) > 0 {
			if err := j.Assessments.SaveRatings(ctx, a.PersonID, a.ID, rs); err != nil {
				return err
			}
		}
		for _, r := range rs {
			done[r.Competency] = true
		}
		if stopped {
			fmt.Fprintf(e.stdout, "Saved. %d of %d rated; run `ladder assess` to carry on.\n", len(done), len(comps))
			return nil
		}
	}
	if err := j.Assessments.CompleteAssessment(ctx, a.PersonID, a.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Assessment #%d complete. See `ladder gaps` and `ladder readiness`.\n", a.ID)
	return nil
}

// byArea splits competencies (in model order) into runs of one area.
func byArea(cs []ladder.Competency) [][]ladder.Competency {
	var out [][]ladder.Competency
	for i, c := range cs {
		if i == 0 || c.Area != cs[i-1].Area {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], c)
	}
	return out
}

// competenciesToRate lists the target role's competencies (or all, or one
// area's) in model order.
func competenciesToRate(j *journey.Journey, m *ladder.Model, p *ladder.Person, area string, all bool) ([]ladder.Competency, error) {
	want := map[string]bool{}
	if !all {
		tr, err := j.ResolveTarget(m, p.TargetRole)
		if err != nil {
			return nil, err
		}
		for _, q := range tr.Requirements {
			want[q.Competency] = true
		}
	}
	if area != "" {
		if _, ok := m.Area(area); !ok {
			return nil, ladder.Errorf(ladder.ENOTFOUND, "unknown area %q: see `ladder competencies`", area)
		}
	}
	var out []ladder.Competency
	for _, c := range m.Competencies() {
		if (all || want[c.Key]) && (area == "" || c.Area == area) {
			out = append(out, c)
		}
	}
	return out, nil
}

func draftAssessment(e *env, j *journey.Journey, p *ladder.Person) (*ladder.Assessment, error) {
	open := false
	drafts, err := j.Assessments.FindAssessments(e.ctx, ladder.AssessmentFilter{PersonID: p.ID, Kind: ladder.AssessSelf, Completed: &open})
	if err != nil {
		return nil, err
	}
	if n := len(drafts); n > 0 {
		a := drafts[n-1]
		fmt.Fprintf(e.stdout, "Carrying on with the assessment started %s (%d answered).\n", a.StartedAt.Format("2006-01-02"), len(a.Ratings))
		return a, nil
	}
	a := &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: p.TargetRole}
	return a, j.Assessments.CreateAssessment(e.ctx, a)
}

// askArea asks for a level for each competency, one screen each. Choosing
// "Stop here" hides the remaining questions; the answers before it count.
func askArea(e *env, m *ladder.Model, cs []ladder.Competency, answered, total int) ([]ladder.Rating, bool, error) {
	levels := make([]int, len(cs))
	stopped := func(upTo int) bool {
		for _, l := range levels[:upTo] {
			if l == stopHere {
				return true
			}
		}
		return false
	}
	var groups []*huh.Group
	for i, c := range cs {
		levels[i] = ladder.NotSure
		groups = append(groups, huh.NewGroup(levelSelect(m, c, answered+i+1, total, &levels[i])).
			WithHideFunc(func() bool { return stopped(i) }))
	}
	if err := e.runForm(huh.NewForm(groups...)); err != nil {
		return nil, false, err
	}
	var rs []ladder.Rating
	for i, c := range cs {
		if levels[i] == stopHere {
			return rs, true, nil
		}
		rs = append(rs, ladder.Rating{Competency: c.Key, Level: levels[i]})
	}
	return rs, false, nil
}

// levelSelect shows one competency with its five level descriptors.
func levelSelect(m *ladder.Model, c ladder.Competency, n, total int, level *int) *huh.Select[int] {
	area, _ := m.Area(c.Area)
	var desc strings.Builder
	desc.WriteString(c.Description + "\n\nLevel descriptors:")
	var opts []huh.Option[int]
	for i, d := range c.Levels {
		fmt.Fprintf(&desc, "\n%d %s: %s", i+1, m.LevelNames[i], d)
		opts = append(opts, huh.NewOption(fmt.Sprintf("%d %s", i+1, m.LevelNames[i]), i+1))
	}
	opts = append(opts, huh.NewOption("Not sure", ladder.NotSure), huh.NewOption("Stop here (answers so far are saved; carry on later)", stopHere))
	return huh.NewSelect[int]().
		Title(fmt.Sprintf("[%d/%d] %s: %s", n, total, area.Name, c.Name)).
		Description(desc.String()).
		Options(opts...).
		Value(level)
}
