package onet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
)

func TestEmbedded(t *testing.T) {
	d := embeddedDataset(t)
	if d.Release != "29.3" || len(d.Occupations) != 1016 {
		t.Errorf("release %q, %d occupations; want 29.3, 1016", d.Release, len(d.Occupations))
	}
	if again, _ := Embedded(); again != d {
		t.Error("Embedded decoded twice")
	}
	rated := 0
	for i := range d.Occupations {
		if d.Rated(&d.Occupations[i], DomainSkills) {
			rated++
		}
	}
	if rated != 879 {
		t.Errorf("%d occupations with Skills ratings, want 879 (README)", rated)
	}
}

// TestEmbeddedMatchesSource regenerates the embedded file from the O*NET
// folder next to the repository, when it is there, and wants the same bytes:
// it catches a stale data/onet.bin after a change to the parser or codec.
func TestEmbeddedMatchesSource(t *testing.T) {
	if _, err := os.Stat(filepath.Join(sourceDir, fileSkills)); err != nil {
		t.Skipf("no O*NET source folder %s: %v", sourceDir, err)
	}
	d, err := ParseDir(sourceDir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encode(t, d), embedded) {
		t.Error("data/onet.bin is stale: run go generate ./internal/onet")
	}
}

func TestLoad(t *testing.T) {
	imported := parseExcerpt(t)
	imported.Release = "31.0"
	tests := []struct {
		name        string
		file        []byte // dataDir/onet.bin; nil for none
		wantRelease string
		wantCode    string
	}{
		{"NoFile", nil, "29.3", ""},
		{"Imported", encode(t, imported), "31.0", ""},
		{"ErrDamaged", []byte("LDR-ONET broken"), "", ladder.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != nil {
				if err := os.WriteFile(filepath.Join(dir, FileName), tt.file, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			d, err := Load(dir)
			if code := ladder.ErrorCode(err); code != tt.wantCode {
				t.Fatalf("error %v, want code %q", err, tt.wantCode)
			}
			if err == nil && d.Release != tt.wantRelease {
				t.Errorf("release %q, want %q", d.Release, tt.wantRelease)
			}
		})
	}
}

func TestAttribution(t *testing.T) {
	// The texts as the O*NET README quotes them.
	short := "This page includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
	long := short + " Ladder has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications."
	if Attribution != short || AttributionModified != long {
		t.Errorf("attribution texts differ from the README")
	}
	d := &Dataset{Release: "29.3"}
	if d.Attribution(false) != short || d.Attribution(true) != long {
		t.Error("Attribution of 29.3 differs from the constants")
	}
	d.Release = "31.0"
	if got := d.Attribution(true); got != strings.Replace(long, "29.3", "31.0", 1) {
		t.Errorf("Attribution of 31.0 = %q", got)
	}
}
