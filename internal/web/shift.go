package web

import (
	"fmt"
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/onet"
)

// shiftTasks is how many core tasks of each occupation the shift page lists.
const shiftTasks = 8

// ShiftPage shows how the work changes from doing to overseeing.
type ShiftPage struct {
	Base
	StartTitle   string
	TargetTitle  string
	Items        []ladder.ShiftItem
	StartDuties  []string
	TargetDuties []string
	StartNote    string
	StartTasks   *TaskList
	TargetTasks  *TaskList
}

// TaskList is the core tasks of one O*NET occupation.
type TaskList struct {
	Code  string
	Title string
	Tasks []string
}

// Shift shows the model's shift items side by side, the duties of the start
// and target roles, and the core tasks of both O*NET occupations.
func (wb *Web) Shift(w http.ResponseWriter, r *http.Request) error {
	roles, ok, err := wb.roles(w, r)
	if !ok {
		return err
	}
	d, err := wb.J.ONET()
	if err != nil {
		return err
	}
	page := ShiftPage{Base: wb.base(w, r, "From doing to leading", "shift"), TargetTitle: roles.target.Title,
		Items: roles.m.Shift, TargetDuties: roles.target.Duties}
	page.TargetTasks = taskList(d, roles.target.ONETCode)
	switch st := roles.start; {
	case st == nil:
		page.StartNote = "Choose your start role to see your duties beside the target's."
	case st.Role != nil:
		page.StartTitle, page.StartDuties = st.Title, st.Role.Duties
		page.StartTasks = taskList(d, st.Role.ONETCode)
	default:
		page.StartTitle = st.Title
		page.StartNote = fmt.Sprintf("%s is an O*NET occupation, not one of Ladder's role profiles, so Ladder lists no duties for it: its O*NET tasks are below.", st.Title)
		// The occupation itself, not its proxy: O*NET lists tasks even for
		// occupations it has not rated.
		page.StartTasks = taskList(d, st.Value)
	}
	if page.StartTasks != nil || page.TargetTasks != nil {
		page.Attribution = d.Attribution(false)
	}
	return wb.render(w, r, "shift", page)
}

// taskList returns the core tasks of the occupation with code, or nil when
// there is no such occupation or it lists no core tasks.
func taskList(d *onet.Dataset, code string) *TaskList {
	o, ok := d.Occupation(code)
	if !ok {
		return nil
	}
	ts := coreTasks(o, shiftTasks)
	if len(ts) == 0 {
		return nil
	}
	return &TaskList{Code: o.Code, Title: o.Title, Tasks: ts}
}
