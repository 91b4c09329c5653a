package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is 4,000 characters of letter-like text: the seed letter and
// the corpus's wire report, repeated as needed and cut at 4,000 runes.
func benchText(b *testing.B) string {
	b.Helper()
	var sb strings.Builder
	for sb.Len() < 8000 {
		for _, f := range []string{"s-2017-893.txt", "wire-2017-10-24.txt"} {
			data, err := os.ReadFile(filepath.Join("..", "..", "examples", "corpus", f))
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	r := []rune(sb.String())
	return string(r[:4000])
}

func BenchmarkFind4000(b *testing.B) {
	g := Default()
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(g.Find(text))
	}
	b.ReportMetric(float64(n), "mentions")
}

func BenchmarkLookup(b *testing.B) {
	g := Default()
	names := []string{"Deir ez-Zor", "Al-Qusor", "Deir Ez-Zour", "Syrian Observatory for Human Rights", "no such name"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			g.Lookup(n)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(strings.NewReader(string(embedded))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDefault loads what Default loads: the curated file and its
// GeoNames supplement (BenchmarkLoad reads the curated file alone).
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(strings.NewReader(string(embedded)), strings.NewReader(string(supplement))); err != nil {
			b.Fatal(err)
		}
	}
}
