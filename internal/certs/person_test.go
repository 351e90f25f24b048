package certs

import (
	"math"
	"testing"

	"github.com/ladderhq/ladder"
)

// PersonCertification lives in package ladder; its rules are tested here
// with the rest of the certification logic.
func TestPersonCertificationValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pc    ladder.PersonCertification
		field string // "" when valid
	}{
		{"OK", ladder.PersonCertification{Key: "pmp", Status: ladder.CertStudying, Started: d("2026-01-01"), StudyHours: 12.5}, ""},
		{"OKPassed", ladder.PersonCertification{Key: "pmp", Status: ladder.CertPassed, Passed: d("2026-06-01"), Expires: d("2029-06-01")}, ""},
		{"ErrKeyRequired", ladder.PersonCertification{Status: ladder.CertConsidering}, "key"},
		{"ErrKeyShape", ladder.PersonCertification{Key: "PMP!", Status: ladder.CertConsidering}, "key"},
		{"ErrStatus", ladder.PersonCertification{Key: "pmp", Status: "dreaming"}, "status"},
		{"ErrNegativeHours", ladder.PersonCertification{Key: "pmp", Status: ladder.CertStudying, StudyHours: -1}, "study_hours"},
		{"ErrNaNHours", ladder.PersonCertification{Key: "pmp", Status: ladder.CertStudying, StudyHours: math.NaN()}, "study_hours"},
		{"ErrBookedWithoutDate", ladder.PersonCertification{Key: "pmp", Status: ladder.CertBooked}, "exam_booked"},
		{"ErrPassedWithoutDate", ladder.PersonCertification{Key: "pmp", Status: ladder.CertPassed}, "passed"},
		{"ErrExpiredWithoutDate", ladder.PersonCertification{Key: "pmp", Status: ladder.CertExpired, Passed: d("2020-01-01")}, "expires"},
		{"ErrPassedBeforeStarted", ladder.PersonCertification{Key: "pmp", Status: ladder.CertPassed,
			Started: d("2026-01-01"), Passed: d("2025-01-01")}, "passed"},
		{"ErrExpiresBeforePassed", ladder.PersonCertification{Key: "pmp", Status: ladder.CertPassed,
			Passed: d("2026-01-01"), Expires: d("2025-01-01")}, "expires"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.pc.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var e *ladder.Error
			if !asError(err, &e) || e.Code != ladder.EINVALID || e.Fields[tc.field] == "" {
				t.Errorf("got %v, want EINVALID on %s", err, tc.field)
			}
		})
	}
}

func TestHeldAt(t *testing.T) {
	day := d("2026-11-22")
	for _, tc := range []struct {
		name string
		pc   ladder.PersonCertification
		want bool
	}{
		{"PassedNoExpiry", ladder.PersonCertification{Status: ladder.CertPassed, Passed: d("2020-01-01")}, true},
		{"PassedValid", ladder.PersonCertification{Status: ladder.CertPassed, Expires: d("2026-11-23")}, true},
		{"PassedExpiresToday", ladder.PersonCertification{Status: ladder.CertPassed, Expires: day}, false},
		{"Expired", ladder.PersonCertification{Status: ladder.CertExpired, Expires: d("2030-01-01")}, false},
		{"Booked", ladder.PersonCertification{Status: ladder.CertBooked}, false},
	} {
		if got := tc.pc.HeldAt(day); got != tc.want {
			t.Errorf("%s: HeldAt = %v, want %v", tc.name, got, tc.want)
		}
	}
}
