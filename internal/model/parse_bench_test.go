package model

import (
	"encoding/json"
	"testing"
)

func BenchmarkParseYAML(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("m", defaultYAML); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDefault is what every start of the binary pays.
func BenchmarkLoadDefault(b *testing.B) {
	for b.Loop() {
		var f fileModel
		if err := json.Unmarshal(defaultJSON, &f); err != nil {
			b.Fatal(err)
		}
		toDomain(&f)
	}
}
