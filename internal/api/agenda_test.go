package api

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
)

// TestReminderKindsDocumented keeps the documented kinds of the agenda in
// step with the kinds reminders have: a new source must be documented.
func TestReminderKindsDocumented(t *testing.T) {
	f, _ := reflect.TypeFor[Reminder]().FieldByName("Kind")
	documented := strings.Split(f.Tag.Get("enum"), ",")
	for kind := range ladder.ReminderLabels {
		if !slices.Contains(documented, kind) {
			t.Errorf("reminder kind %q is not in Reminder.Kind's enum", kind)
		}
	}
	if len(documented) != len(ladder.ReminderLabels) {
		t.Errorf("enum %v, kinds %v", documented, ladder.ReminderLabels)
	}
}
