package model

import "github.com/ladderhq/ladder"

func toDomain(f *fileModel) *ladder.Model {
	m := &ladder.Model{Version: f.Version, Name: f.Name}
	for i := range m.LevelNames {
		m.LevelNames[i] = f.LevelNames[i+1]
	}
	for _, a := range f.Areas {
		da := ladder.Area{Key: a.Key, Name: a.Name, Description: a.Description}
		for _, c := range a.Competencies {
			dc := ladder.Competency{Key: c.Key, Name: c.Name, Area: a.Key, Description: c.Description}
			for i := range dc.Levels {
				dc.Levels[i] = c.Levels[i+1]
			}
			da.Competencies = append(da.Competencies, dc)
		}
		m.Areas = append(m.Areas, da)
	}
	for _, r := range f.Roles {
		dr := ladder.Role{Slug: r.Slug, Title: r.Title, Kind: r.Kind, ONETCode: r.ONETCode,
			ONETProxy: r.ONETProxy, Summary: r.Summary, Duties: r.Duties}
		for _, q := range r.Requirements {
			dr.Requirements = append(dr.Requirements, ladder.Requirement(q))
		}
		m.Roles = append(m.Roles, dr)
	}
	for _, l := range f.ONETMap {
		dl := ladder.ONETLink{Element: l.Element, Name: l.Name}
		for _, c := range l.Competencies {
			dl.Competencies = append(dl.Competencies, ladder.WeightedCompetency(c))
		}
		m.ONETMap = append(m.ONETMap, dl)
	}
	for _, s := range f.Shift {
		m.Shift = append(m.Shift, ladder.ShiftItem(s))
	}
	return m
}

func fromDomain(m *ladder.Model) *fileModel {
	f := &fileModel{Version: m.Version, Name: m.Name, LevelNames: levelMap{}}
	for i, n := range m.LevelNames {
		f.LevelNames[i+1] = n
	}
	for _, a := range m.Areas {
		fa := fileArea{Key: a.Key, Name: a.Name, Description: a.Description}
		for _, c := range a.Competencies {
			fc := fileCompetency{Key: c.Key, Name: c.Name, Description: c.Description, Levels: levelMap{}}
			for i, l := range c.Levels {
				fc.Levels[i+1] = l
			}
			fa.Competencies = append(fa.Competencies, fc)
		}
		f.Areas = append(f.Areas, fa)
	}
	for _, r := range m.Roles {
		fr := fileRole{Slug: r.Slug, Title: r.Title, Kind: r.Kind, ONETCode: r.ONETCode,
			ONETProxy: r.ONETProxy, Summary: r.Summary, Duties: r.Duties}
		for _, q := range r.Requirements {
			fr.Requirements = append(fr.Requirements, fileRequirement(q))
		}
		f.Roles = append(f.Roles, fr)
	}
	for _, l := range m.ONETMap {
		fl := fileLink{Element: l.Element, Name: l.Name}
		for _, c := range l.Competencies {
			fl.Competencies = append(fl.Competencies, fileWeight(c))
		}
		f.ONETMap = append(f.ONETMap, fl)
	}
	for _, s := range m.Shift {
		f.Shift = append(f.Shift, fileShift(s))
	}
	return f
}
