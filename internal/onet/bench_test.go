package onet

import "testing"

func BenchmarkDecodeEmbedded(b *testing.B) {
	b.SetBytes(int64(len(embedded)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	d := embeddedDataset(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compare(d, "15-1244.00", "11-3021.00"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	d := embeddedDataset(b)
	b.ReportAllocs()
	for b.Loop() {
		if len(d.Search("network administrator", 10)) == 0 {
			b.Fatal("no results")
		}
	}
}
