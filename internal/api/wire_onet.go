package api

import (
	"github.com/ladderhq/ladder/internal/onet"
)

// O*NET wire types. They have the shapes of `ladder onet search|show|compare
// --json` (a fixed contract scripts rely on: add fields only with care,
// never rename); a test holds the API's answers to the CLI's. Lists are
// never null. Values are O*NET's Data Values as numbers (1.88). Every
// response with O*NET data carries its attribution.

// ONETRef names an occupation.
type ONETRef struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// ONETGap compares one element between two occupations.
type ONETGap struct {
	ElementID    string  `json:"element_id"`
	Name         string  `json:"name"`
	Domain       string  `json:"domain" enum:"skills,knowledge,work_activities"`
	FromLevel    float64 `json:"from_level"`
	ToLevel      float64 `json:"to_level"`
	ToImportance float64 `json:"to_importance"`
	WeightedGap  float64 `json:"weighted_gap"`
}

// ONETClosest is a management occupation close to the start occupation.
type ONETClosest struct {
	Code      string  `json:"code"`
	Title     string  `json:"title"`
	Closeness float64 `json:"closeness" doc:"0-100; 100 is no climb at all"`
	Related   bool    `json:"related" doc:"O*NET lists it among the start occupation's related occupations"`
}

// ONETComparison is `ladder onet compare --json` and GET
// /api/v1/onet/compare.
type ONETComparison struct {
	From        ONETRef       `json:"from"`
	To          ONETRef       `json:"to"`
	Gaps        []ONETGap     `json:"gaps"`
	Transfers   []ONETGap     `json:"transfers"`
	Closest     []ONETClosest `json:"closest_management"`
	Attribution string        `json:"attribution"`
}

// NewONETComparison converts a comparison; attribution is the modified form,
// since every value in it is derived.
func NewONETComparison(c *onet.Comparison, attribution string) ONETComparison {
	gap := func(g onet.ElementGap) ONETGap { return ONETGap(g) }
	return ONETComparison{
		From:        ONETRef(c.From),
		To:          ONETRef(c.To),
		Gaps:        convert(c.Gaps, gap),
		Transfers:   convert(c.Transfers, gap),
		Closest:     convert(c.Closest, func(cl onet.Closeness) ONETClosest { return ONETClosest(cl) }),
		Attribution: attribution,
	}
}

// ONETSearchResult is one occupation found.
type ONETSearchResult struct {
	Code  string `json:"code"`
	Title string `json:"title"`
	Match string `json:"match" doc:"what matched: code, title, or the alternate title that did"`
}

// ONETSearch is `ladder onet search --json` and GET /api/v1/onet/search.
type ONETSearch struct {
	Results     []ONETSearchResult `json:"results"`
	Attribution string             `json:"attribution"`
}

// NewONETSearch converts search results.
func NewONETSearch(d *onet.Dataset, res []onet.SearchResult) ONETSearch {
	return ONETSearch{
		Results: convert(res, func(r onet.SearchResult) ONETSearchResult {
			return ONETSearchResult{r.Code, r.Title, r.Match}
		}),
		Attribution: d.Attribution(false),
	}
}

// ONETRating gives an absent value as null. Level is O*NET's Data Value even
// when not_relevant is true.
type ONETRating struct {
	ElementID            string   `json:"element_id"`
	Name                 string   `json:"name"`
	Importance           *float64 `json:"importance"`
	Level                *float64 `json:"level"`
	ImportanceSuppressed bool     `json:"importance_suppressed"`
	LevelSuppressed      bool     `json:"level_suppressed"`
	NotRelevant          bool     `json:"not_relevant"`
}

// ONETTask is one task statement.
type ONETTask struct {
	Statement string `json:"statement"`
	Core      bool   `json:"core"`
}

// ONETTech is one technology skill.
type ONETTech struct {
	Example  string `json:"example"`
	Category string `json:"category"`
	Hot      bool   `json:"hot"`
	InDemand bool   `json:"in_demand"`
}

// ONETEducation is the share of respondents naming one level of education.
type ONETEducation struct {
	Category   int     `json:"category"`
	Label      string  `json:"label"`
	Percent    float64 `json:"percent"`
	Suppressed bool    `json:"suppressed"`
}

// ONETOccupation is `ladder onet show --json` and GET
// /api/v1/onet/occupations/{code}.
type ONETOccupation struct {
	Code        string `json:"code"`
	Title       string `json:"title"`
	Description string `json:"description"`
	JobZone     int    `json:"job_zone" doc:"1-5; 0 when O*NET gives none"`
	// Ratings by domain, most important first.
	Ratings     map[string][]ONETRating `json:"ratings" doc:"by domain (skills, knowledge, work_activities, work_styles), most important first"`
	Tasks       []ONETTask              `json:"tasks"`
	Technology  []ONETTech              `json:"technology"`
	Related     []ONETRef               `json:"related"`
	AltTitles   []string                `json:"alternate_titles"`
	Education   []ONETEducation         `json:"education"`
	Attribution string                  `json:"attribution"`
}

// NewONETOccupation converts an occupation.
func NewONETOccupation(d *onet.Dataset, o *onet.Occupation) ONETOccupation {
	out := ONETOccupation{
		Code: o.Code, Title: o.Title, Description: o.Description, JobZone: o.JobZone,
		Ratings:    map[string][]ONETRating{},
		Tasks:      convert(o.Tasks, func(t onet.Task) ONETTask { return ONETTask(t) }),
		Technology: convert(o.Technology, func(t onet.TechSkill) ONETTech { return ONETTech(t) }),
		Related: convert(o.Related, func(c string) ONETRef {
			return ONETRef{c, relatedTitle(d, c)}
		}),
		AltTitles: append([]string{}, o.AltTitles...),
		Education: convert(o.Education, func(s onet.EducationShare) ONETEducation {
			return ONETEducation{s.Category, s.Label, s.Percent.Float(), s.Suppressed}
		}),
		Attribution: d.Attribution(false),
	}
	for _, dom := range onet.Domains {
		out.Ratings[dom] = convert(d.RatingsIn(o, dom), func(r onet.ElementRating) ONETRating {
			return ONETRating{
				ElementID: r.Element.ID, Name: r.Element.Name,
				Importance: onetValue(r.Importance, r.HasImportance), Level: onetValue(r.Level, r.HasLevel),
				ImportanceSuppressed: r.ImportanceSuppressed, LevelSuppressed: r.LevelSuppressed, NotRelevant: r.NotRelevant,
			}
		})
	}
	return out
}

func relatedTitle(d *onet.Dataset, code string) string {
	if r, ok := d.Occupation(code); ok {
		return r.Title
	}
	return "(not in this O*NET copy)"
}

func onetValue(v onet.Value, has bool) *float64 {
	if !has {
		return nil
	}
	f := v.Float()
	return &f
}

// convert maps a slice, giving an empty (not nil) slice for JSON's sake.
func convert[T, U any](in []T, f func(T) U) []U {
	out := make([]U, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	return out
}
