// Package docgen writes small, varied documents for claimgraph's
// reliability tests (crash safety, concurrency, soak): short wire reports,
// monitor statements and letters about strikes at different places and
// dates, with tolls in every bound and different sources and perpetrators.
// The same seed gives the same documents; every text is distinct, since a
// document's identity is its text.
package docgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Doc is one generated document.
type Doc struct {
	Name string // file name, e.g. doc-0007.txt
	Text string
}

var (
	places = []string{"Aleppo", "Idlib", "Raqqa", "Deir ez-Zor", "Dayr al-Zawr", "Homs", "Hama", "Douma",
		"Maarat al-Numan", "Saraqib", "Jisr al-Shughur", "Mayadin", "Albu Kamal", "Ariha", "Khan Shaykhun"}
	sources = []string{"the Syrian Observatory for Human Rights", "a local activist network", "the Syrian Civil Defence",
		"state television", "a military source", "residents", "a medical source", "the Ministry of Defence"}
	perps = []string{"Russian warplanes", "Syrian government aircraft", "the US-led coalition", "unidentified aircraft",
		"government artillery", "Islamic State fighters"}
	tolls = []string{"%d civilians were killed", "at least %d people were killed", "more than %d people died",
		"about %d civilians were killed", "%d people, including children, were killed", "dozens were wounded and %d killed"}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"}
	kinds = []string{"wire", "monitor", "letter"}
)

// Generate returns n documents from seed.
func Generate(n int, seed uint64) []Doc {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	docs := make([]Doc, 0, n)
	for i := range n {
		place := places[r.IntN(len(places))]
		day, month, year := 1+r.IntN(28), months[r.IntN(12)], 2013+r.IntN(7)
		toll := fmt.Sprintf(tolls[r.IntN(len(tolls))], 2+r.IntN(60))
		src, perp := sources[r.IntN(len(sources))], perps[r.IntN(len(perps))]
		var b strings.Builder
		switch kinds[i%len(kinds)] {
		case "wire":
			fmt.Fprintf(&b, "Strike on %s, report %d\n\n", place, i)
			fmt.Fprintf(&b, "Beirut, %d %s %d. %s when %s struck %s, %s said.",
				day, month, year, upper(toll), perp, place, src)
			if r.IntN(2) == 0 {
				fmt.Fprintf(&b, " %s denied any involvement in the attack.", upper(perps[r.IntN(len(perps))]))
			}
		case "monitor":
			fmt.Fprintf(&b, "Statement %d\n\n", i)
			fmt.Fprintf(&b, "%s said on %d %s %d that %s in %s after %s carried out raids on the town.",
				upper(src), day, month, year, toll, place, perp)
			if r.IntN(3) == 0 {
				fmt.Fprintf(&b, " The toll was later raised to %d.", 60+r.IntN(40))
			}
		default:
			fmt.Fprintf(&b, "Letter %d dated %d %s %d\n\n", i, day, month, year)
			fmt.Fprintf(&b, "I have the honour to inform you that on %d %s %d %s attacked %s. According to %s, %s.",
				day, month, year, perp, place, src, toll)
		}
		fmt.Fprintf(&b, "\n\nReference %d-%d.\n", seed, i)
		docs = append(docs, Doc{Name: fmt.Sprintf("doc-%04d.txt", i), Text: b.String()})
	}
	return docs
}

// Write writes n documents from seed into dir as .txt files.
func Write(dir string, n int, seed uint64) ([]Doc, error) {
	docs := Generate(n, seed)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("docgen: %w", err)
	}
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, d.Name), []byte(d.Text), 0o644); err != nil {
			return nil, fmt.Errorf("docgen: %w", err)
		}
	}
	return docs, nil
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
