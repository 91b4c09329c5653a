package gazetteer

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// Match is one mention of a gazetteer entity in free text. Start and End
// are BYTE offsets into the text given to Find, half open; Text is
// text[Start:End]. A leading English "the" is not part of the match; a
// leading Arabic article ("al-Qusur") is.
type Match struct {
	Entity *graph.Entity
	Text   string
	Start  int
	End    int
}

// maxSkeletonTokens bounds how many words a skeleton match may span.
const maxSkeletonTokens = 6

// minSkeleton is the shortest skeleton Find matches on: shorter ones
// ("dr", "hm") collide with too many words.
const minSkeleton = 3

// findIndex is what Find matches against, built once at load time.
type findIndex struct {
	// byFirst maps the fold of an alias's first word to the aliases that
	// start with it, longest first, best entity first among equals.
	byFirst map[string][]*alias
	// skel maps a skeleton to the one entity that has it; skeletons two
	// entities share are left out (ambiguous).
	skel map[string]int
	// articled holds the entities one of whose names starts with the
	// Arabic article ("al-Bab", "الباب").
	articled map[int]bool
}

// alias is one name of an entity, prepared for matching word by word.
type alias struct {
	toks     []string // folded words
	caps     []bool   // words written in capitals: the text's word must be too
	capFirst bool     // the name starts with a capital: so must the text
	short    bool     // one word of at most three capitals ("IS", "US")
	ent      int
	rank     int
}

// buildFindIndex indexes every name and alias of g's entities.
func buildFindIndex(g *Gazetteer) findIndex {
	ix := findIndex{byFirst: make(map[string][]*alias), skel: make(map[string]int), articled: make(map[int]bool)}
	seen := make(map[string]bool)
	for i := range g.ents {
		for j, name := range names(&g.ents[i]) {
			rank := 1
			if j == 0 {
				rank = 0
			}
			toks, keepThe := nameTokens(name)
			if len(toks) == 0 {
				continue
			}
			a := newAlias(name, toks, i, rank)
			ix.add(a, seen)
			if len(toks) > 1 && isArticle(toks[0].fold) {
				ix.add(newAlias(name, toks[1:], i, rank), seen)
				ix.articled[i] = true
			}
			if acronym(a) || keepThe {
				continue // acronyms and article-bound names match only as written
			}
			if writtenOnly(&g.ents[i]) {
				continue
			}
			if s := Skeleton(name); len(s) >= minSkeleton {
				// a skeleton shared with another entity's name is ambiguous
				if prev, ok := ix.skel[s]; ok && prev != i {
					ix.skel[s] = -1
				} else if !ok {
					ix.skel[s] = i
				}
			}
		}
	}
	for k, as := range ix.byFirst {
		sort.SliceStable(as, func(x, y int) bool {
			if len(as[x].toks) != len(as[y].toks) {
				return len(as[x].toks) > len(as[y].toks)
			}
			return g.better(ranked{as[x].ent, as[x].rank}, ranked{as[y].ent, as[y].rank})
		})
		ix.byFirst[k] = as
	}
	return ix
}

// writtenOnly reports whether an entity's names match only as written,
// never by skeleton: a State's, its government's and its army's names are
// written one way in English, in any of their aliases, and their
// skeletons are words and names ("Angela" for Angola, "Hungry" for
// Hungary, "Surname" for Suriname, "al-Tunisi" for Tunisia).
func writtenOnly(e *graph.Entity) bool {
	switch e.Kind {
	case graph.KindState, graph.KindGovernment, graph.KindArmy:
		return true
	}
	return false
}

// nameTokens splits a name into the words Find matches. A leading "the" is
// dropped, except where it makes a common word a name ("The Guardian",
// "The Independent"): then it is kept and keepThe is set.
func nameTokens(name string) (toks []token, keepThe bool) {
	toks = tokenize(name)
	if len(toks) == 0 || toks[0].fold != "the" {
		return toks, false
	}
	if len(toks) == 2 && toks[0].upper && commonOrTitle(toks[1].fold) {
		return toks, true
	}
	return toks[1:], false
}

// commonOrTitle reports whether a word, alone, is too common to be a name
// without its article.
func commonOrTitle(fold string) bool {
	return commonWords[fold] || articleNames[fold]
}

// articleNames are words that name an outlet only with "The" before them.
var articleNames = map[string]bool{
	"guardian": true, "independent": true, "national": true, "times": true,
	"telegraph": true, "economist": true, "observer": true, "sun": true,
}

// newAlias prepares the words toks of name.
func newAlias(name string, toks []token, ent, rank int) *alias {
	a := &alias{ent: ent, rank: rank, toks: make([]string, len(toks)), caps: make([]bool, len(toks))}
	for k, t := range toks {
		a.toks[k] = t.fold
		a.caps[k] = t.caps
	}
	a.capFirst = toks[0].upper && toks[0].cased && toks[0].fold != "the"
	a.short = len(toks) == 1 && toks[0].caps && toks[0].end-toks[0].start <= 3
	return a
}

// add indexes a, once per (words, entity).
func (ix *findIndex) add(a *alias, seen map[string]bool) {
	id := strings.Join(a.toks, " ") + "\x00" + string(rune(a.ent)) + "\x00" + boolString(a.caps)
	if seen[id] {
		return
	}
	seen[id] = true
	ix.byFirst[a.toks[0]] = append(ix.byFirst[a.toks[0]], a)
}

func boolString(bs []bool) string {
	b := make([]byte, len(bs))
	for i, v := range bs {
		b[i] = '0'
		if v {
			b[i] = '1'
		}
	}
	return string(b)
}

// acronym reports whether every word of a is written in capitals ("ISIL",
// "U.S."): such names match only as written, never by skeleton.
func acronym(a *alias) bool {
	for _, c := range a.caps {
		if !c {
			return false
		}
	}
	return true
}

// token is one word of a text.
type token struct {
	start, end int // byte offsets
	fold       string
	cased      bool // has at least one upper- or lower-case letter
	upper      bool // starts with an upper-case letter or an uncased character
	caps       bool // has cased letters, none of them lower case
	sentence   bool // first word of a sentence, a line or the text
	shouting   bool // on a line written mostly in capitals (a headline)
	joinNext   bool // only spaces or hyphens (or the dot of an initial) separate it from the next word
	spaceNext  bool // only white space separates it from the next word
	skel       []skelToken
	skelDone   bool
}

// tokenize splits text into words: runs of letters, digits and marks, with
// apostrophes inside a word kept ("Dar'a") except a possessive "'s".
func tokenize(text string) []token {
	var toks []token
	sentence := true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '.':
				// the dot of an initial or a title ("U.S.", "Col.") ends no sentence
				sentence = len(toks) == 0 || toks[len(toks)-1].end != i || !abbreviation(text[toks[len(toks)-1].start:i])
			case '!', '?', '\n', ':':
				sentence = true
			}
			i += size
			continue
		}
		start := i
		t := token{start: start, sentence: sentence}
		sentence = false
		first := true
		lower := false
		skip := 0 // bytes of a possessive "'s" after the word
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					t.cased = true
					if first {
						t.upper = true
					}
				} else if unicode.IsLower(r) {
					t.cased = true
					lower = true
				} else if first && !unicode.Is(unicode.Mn, r) {
					t.upper = true // digit or uncased script
				}
				first = false
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(text) {
				nr, nsize := utf8.DecodeRuneInString(text[i+size:])
				if !isWordRune(nr) {
					break
				}
				if (nr == 's' || nr == 'S') && (i+size+nsize == len(text) || !isWordRuneAt(text, i+size+nsize)) {
					skip = size + nsize // possessive: "coalition's"
					break
				}
				i += size
				continue
			}
			break
		}
		t.end = i
		t.caps = t.cased && !lower
		t.fold = foldWord(text[start:i])
		toks = append(toks, t)
		i += skip
	}
	for k := 0; k+1 < len(toks); k++ {
		sep := text[toks[k].end:toks[k+1].start]
		toks[k].joinNext = joins(sep, abbreviation(text[toks[k].start:toks[k].end]))
		toks[k].spaceNext = strings.TrimSpace(sep) == ""
	}
	markShouting(text, toks)
	return toks
}

// markShouting flags the words of lines written mostly in capitals: at
// least four cased words, more than half of them all capitals. On such a
// line "US" or "IS" may be an ordinary word.
func markShouting(text string, toks []token) {
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && !strings.Contains(text[toks[b-1].end:toks[b].start], "\n") {
			b++
		}
		cased, caps := 0, 0
		for k := a; k < b; k++ {
			if toks[k].cased {
				cased++
				if toks[k].caps && toks[k].end-toks[k].start > 1 {
					caps++
				}
			}
		}
		if cased >= 4 && caps*2 > cased {
			for k := a; k < b; k++ {
				toks[k].shouting = true
			}
		}
		a = b
	}
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isWordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// foldWord is FoldKey for one word, with a fast path for ASCII.
func foldWord(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || c == '\'' {
			return strings.ReplaceAll(FoldKey(w), " ", "")
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// titles are abbreviations written with a dot before a name.
var titles = map[string]bool{
	"Col": true, "Gen": true, "Lt": true, "Maj": true, "Brig": true, "Capt": true,
	"Sgt": true, "Adm": true, "Cmdr": true, "Dr": true, "Mr": true, "Mrs": true,
	"Ms": true, "Prof": true, "St": true, "Sen": true, "Rep": true, "Gov": true,
	"Pres": true, "Amb": true,
}

// abbreviation reports whether a word followed by a dot is an initial or
// a title: a single letter, or one of titles.
func abbreviation(w string) bool {
	return utf8.RuneCountInString(w) == 1 || titles[w]
}

// joins reports whether a separator keeps two words in one name: spaces,
// hyphens, dashes, "&" and double quotes, at most one line break, an apostrophe or a
// possessive "'s" ("People's Protection Units", "Workers' Party"), and a
// dot after an initial or a title ("U.S.", "Col. Dillon").
func joins(sep string, initial bool) bool {
	newlines := 0
	apostrophe := false
	for _, r := range sep {
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '&' || r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—':
		case r == '\n':
			newlines++
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»' || r == '„':
		case r == '.' && initial:
		case isApostrophe(r):
			apostrophe = true
			continue
		case (r == 's' || r == 'S') && apostrophe:
		default:
			return false
		}
		apostrophe = false
	}
	return newlines <= 1
}

// Find returns every mention of a gazetteer entity in text, in text order,
// without overlaps: at each word the longest match wins. Names match by
// their FoldKey word by word; names written in capitals ("IS", "US") match
// only words written in capitals, and names that start with a capital only
// words that do. Transliteration variants not listed as aliases match by
// Skeleton, but only for runs of capitalised words (with Arabic articles)
// that are not at the start of a sentence unless they carry an article,
// are not common English words, and whose skeleton is long enough and
// names one entity only.
func (g *Gazetteer) Find(text string) []Match {
	toks := tokenize(text)
	var out, loose []Match
	var near []bool
	for i := 0; i < len(toks); {
		ent, s, e, cl, runs := g.matchAt(toks, i)
		if ent < 0 {
			if n, xs := g.looseMatch(toks, i, &runs); xs != nil {
				start, end := toks[i].start, toks[i+n-1].end
				for _, x := range xs {
					loose = append(loose, Match{Entity: &g.ents[x], Text: text[start:end], Start: start, End: end})
				}
			}
			i++
			continue
		}
		// "the so-called Islamic State in the Greater Sahara": a longer
		// name that starts inside the match and runs past its end is
		// the one the text writes, not the shorter name before it.
		if k := g.longerInside(toks, s, e); k > s {
			i = k
			continue
		}
		start, end := toks[s].start, toks[e-1].end
		out = append(out, Match{Entity: &g.ents[ent], Text: text[start:end], Start: start, End: end})
		near = append(near, cl)
		i = e
	}
	out = g.dropStray(out, near)
	if loose != nil {
		out = g.addEnclosed(text, out, loose)
	}
	return out
}

// longerInside returns the word inside the match [s, e) where a longer
// name starts that runs past e, or s if none does. Only a name written as
// the gazetteer writes it counts (no close spelling), and only when a word
// follows the match with nothing but white space between: the look-ahead
// costs a few index lookups per match, no skeletons.
func (g *Gazetteer) longerInside(toks []token, s, e int) int {
	if e >= len(toks) || !toks[e-1].spaceNext {
		return s
	}
	for k := s + 1; k < e; k++ {
		if n, x := g.foldMatch(toks, k); x >= 0 && k+n > e && n > e-s {
			return k
		}
	}
	return s
}

// addEnclosed adds to the matches ms the places spelt too far from their
// names to match alone (a vowel changed in a short name, "Mastaba" for
// Mustaba'; a vowel dropped and another added, "al-Rhaibeh" for
// al-Ruhaybah) where the same sentence of text also names, by its name, a
// place that encloses them ("in Mastaba, in Yemen's northern Hajjah
// province") or another place of their governorate ("the towns of
// al-Rhaibeh and Jayroud"): the spelling with a place around it is
// evidence enough.
// loose holds the candidates in text order; one that overlaps a match is
// dropped.
func (g *Gazetteer) addEnclosed(text string, ms, loose []Match) []Match {
	var add []Match
	// A spelling taken for a place once is that place wherever else the
	// text writes it ("on the outskirts of al-Rhaibeh" a paragraph on).
	taken := map[string]bool{}
	key := func(c Match) string { return text[c.Start:c.End] + "\x00" + c.Entity.ID.String() }
	for pass := 0; pass < 2; pass++ {
		for _, c := range loose {
			if c.Entity.Kind != graph.KindPlace || partOfName(text, c.Start) {
				continue
			}
			switch {
			case pass == 0 && g.placeAround(text, ms, c):
				add = addLoose(ms, add, c)
				taken[key(c)] = true
			case pass == 1 && taken[key(c)]:
				add = addLoose(ms, add, c)
			}
		}
	}
	if add == nil {
		return ms
	}
	ms = append(ms, add...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}

// placeAround reports whether the sentence of candidate c names, by its
// name, a place that encloses it or another place of its governorate.
func (g *Gazetteer) placeAround(text string, ms []Match, c Match) bool {
	for _, m := range ms {
		if m.Entity.Kind == graph.KindPlace && m.Entity.ID != c.Entity.ID && (g.Within(c.Entity.ID, m.Entity.ID) || g.sameGovernorate(c.Entity.ID, m.Entity.ID)) && oneSentence(text, c, m) {
			return true
		}
	}
	return false
}

// partOfName reports whether the text right before offset i is a
// capitalised word joined to what starts there by a space: "al-Kabira" in
// "Dar al-Kabira" is the end of a longer name, no name of its own.
func partOfName(text string, i int) bool {
	if i < 2 || text[i-1] != ' ' {
		return false
	}
	k := i - 1
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			break
		}
		k -= n
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return k < i-1 && unicode.IsUpper(r)
}

// addLoose appends candidate c to add unless it overlaps a match of ms
// or add.
func addLoose(ms, add []Match, c Match) []Match {
	for _, m := range ms {
		if c.Start < m.End && m.Start < c.End {
			return add
		}
	}
	for _, m := range add {
		if c.Start < m.End && m.Start < c.End {
			return add
		}
	}
	return append(add, c)
}

// sameGovernorate reports whether a and b are two places of one
// governorate, neither of them the governorate: a town named beside
// another of its governorate ("the towns of al-Rhaibeh and Jayroud") is
// as much a place around it as the governorate itself.
func (g *Gazetteer) sameGovernorate(a, b uuid.UUID) bool {
	gov := func(id uuid.UUID) uuid.UUID {
		for _, e := range g.Ancestors(id) {
			if e.PlaceType == "governorate" {
				return e.ID
			}
		}
		return uuid.Nil
	}
	ga := gov(a)
	return ga != uuid.Nil && ga == gov(b)
}

// dropStray drops the places matched only by a close spelling that are
// namesakes elsewhere, not the place the text means (see OutOfContext).
func (g *Gazetteer) dropStray(out []Match, near []bool) []Match {
	var exact []Match
	some := false
	for k, m := range out {
		if near[k] {
			some = some || m.Entity.Kind == graph.KindPlace
		} else {
			exact = append(exact, m)
		}
	}
	if !some {
		return out
	}
	kept := out[:0]
	for k, m := range out {
		if near[k] && g.OutOfContext(m.Entity, exact) {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// OutOfContext reports whether place e, found by a close spelling in a
// text whose matches by name are ms, is a namesake elsewhere rather than
// the place the text means. It is not when the text names its country (a
// place in it, or the state), nor when it lies within strayKm of a local
// place the text names ("Jinderes" beside "Tuz Khurmatu" is the Syrian
// town across the border), nor when the text names no local place. It is
// when all the local places it names lie far from it: in a report on the
// Hama countryside "al-Zara" is an unknown village, not Zuwara in Libya,
// and "al-Mansurah" in a coalition release on Raqqa is not al-Mansuriyah
// in Yemen. A place named by its own name is never tested: "at Husaybah"
// in a Syrian report is Husaybah.
func (g *Gazetteer) OutOfContext(e *graph.Entity, ms []Match) bool {
	if e.Kind != graph.KindPlace {
		return false
	}
	c := g.Country(e)
	if c == nil {
		return false
	}
	lat, lon, hasPos := g.position(e)
	local := false
	for _, m := range ms {
		if mc := g.Country(m.Entity); mc != nil && mc.ID == c.ID {
			return false
		}
		if !g.localPlace(m.Entity) {
			continue
		}
		local = true
		if la, lo, ok := g.position(m.Entity); ok && hasPos && DistanceKm(lat, lon, la, lo) <= strayKm {
			return false
		}
	}
	return local
}

// strayKm is how far from every local place a text names a place found by
// a close spelling may lie before it is taken for a namesake elsewhere:
// the span of the region a report covers (Syria and Iraq's border towns
// lie within it of each other; Yemen and Libya do not).
const strayKm = 1000

// position returns the coordinates of a place, or of the nearest place it
// lies within that has them.
func (g *Gazetteer) position(e *graph.Entity) (lat, lon float64, ok bool) {
	if e.Lat != nil && e.Lon != nil {
		return *e.Lat, *e.Lon, true
	}
	for _, a := range g.Ancestors(e.ID) {
		if a.Lat != nil && a.Lon != nil && a.PlaceType != "country" {
			return *a.Lat, *a.Lon, true
		}
	}
	return 0, 0, false
}

// DistanceKm is the great-circle distance in kilometres between two
// points given in degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// localPlace reports whether e is a place that tells where a text
// reports from: a country the gazetteer divides into governorates (the
// countries it covers place by place) or a place in one, not a river. A
// city elsewhere (Geneva where talks were held, Tehran behind a militia)
// tells nothing of where the text's other places lie.
func (g *Gazetteer) localPlace(e *graph.Entity) bool {
	if e.Kind != graph.KindPlace && e.Kind != graph.KindState || e.PlaceType == "river" {
		return false
	}
	c := g.Country(e)
	return c != nil && g.divided[c.ID]
}

// Country returns the country a place or state lies in (a country is its
// own), or nil for an entity that is not a place or lies in none.
func (g *Gazetteer) Country(e *graph.Entity) *graph.Entity {
	if e.Kind != graph.KindPlace && e.Kind != graph.KindState {
		return nil
	}
	if e.PlaceType == "country" {
		return e
	}
	anc := g.Ancestors(e.ID)
	if len(anc) == 0 || anc[len(anc)-1].PlaceType != "country" {
		return nil
	}
	return anc[len(anc)-1]
}

// matchAt returns the best match starting at word i: the entity and the
// word range [s, e), or ent -1, whether the match is by a close spelling
// (a skeleton) rather than a name, and the runs of words it read by
// skeleton.
func (g *Gazetteer) matchAt(toks []token, i int) (ent, s, e int, near bool, runs skelRunList) {
	ent, s, e = -1, i, i
	if prepositionArticle(toks, i) {
		return ent, s, e, false, runs
	}
	if n, x := g.foldMatch(toks, i); x >= 0 && !(i > 0 && isArticle(toks[i-1].fold) && toks[i-1].joinNext && !prepositionArticle(toks, i-1) && g.bareShort(toks[i:i+n], x)) {
		ent, e = x, i+n
	}
	if isArticle(toks[i].fold) && toks[i].joinNext && i+1 < len(toks) {
		if n, x := g.foldMatch(toks, i+1); x >= 0 && i+1+n > e && !g.bareShort(toks[i+1:i+1+n], x) {
			ent, e = x, i+1+n
		}
	}
	n, x := g.skelMatch(toks, i, &runs)
	if x >= 0 && i+n > e {
		ent, e, near = x, i+n, true
	}
	return ent, s, e, near, runs
}

// bareShort reports whether words written after the Arabic article match
// entity x only without it, by a short name: "al-Hameh" and "الهامة"
// (al-Hameh, a town of Rif Dimashq) are not Hama (حماة), a name no one
// writes with the article. A name of two consonants or fewer is told
// apart by its article; a longer one keeps matching ("al-Mayadin").
func (g *Gazetteer) bareShort(words []token, x int) bool {
	if g.find.articled[x] || g.ents[x].Kind != graph.KindPlace {
		return false
	}
	var st []skelToken
	for k := range words {
		st = append(st, skeletonTokens(words[k].fold)...)
	}
	return len(joinSkeleton(st)) <= 2
}

// prepositionArticle reports whether word i is "at", "as" or "an" in lower
// case, set apart by a space before a capitalised word: in English prose a
// preposition or an article ("at Husaybah", "as Damascus", "an Iraqi"), not
// the Arabic article, which is hyphenated ("as-Safira") or capitalised
// ("As Safira"). The name, if any, starts at the next word.
func prepositionArticle(toks []token, i int) bool {
	t := &toks[i]
	return englishArticleLike[t.fold] && t.cased && !t.upper && t.spaceNext && i+1 < len(toks) && toks[i+1].upper
}

// englishArticleLike are forms of the Arabic article that are also English
// words.
var englishArticleLike = map[string]bool{"at": true, "as": true, "an": true}

// foldMatch returns the word count and entity of the longest name that
// matches the words from i, or entity -1.
func (g *Gazetteer) foldMatch(toks []token, i int) (int, int) {
	for _, a := range g.find.byFirst[toks[i].fold] {
		n := len(a.toks)
		if i+n > len(toks) {
			continue
		}
		if a.capFirst && !toks[i].upper {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			t := &toks[i+k]
			ok = t.fold == a.toks[k] && (!a.caps[k] || t.caps) && (k == n-1 || t.joinNext)
		}
		if ok && a.short && toks[i].shouting {
			continue // "US" in "TELL US THE TRUTH"
		}
		if ok {
			return n, a.ent
		}
	}
	return 0, -1
}

// skelMatch returns the word count and entity of the longest run of
// capitalised words from i whose skeleton names exactly one entity and
// whose spelling is close to that entity's name, or entity -1.
func (g *Gazetteer) skelMatch(toks []token, i int, runs *skelRunList) (int, int) {
	bestN, bestEnt := 0, -1
	g.skelRuns(toks, i, func(n int, s string) {
		runs.add(n, s)
		if x, ok := g.find.skel[s]; ok && x >= 0 && g.closeTo(toks[i:i+n], s, x) {
			bestN, bestEnt = n, x
		}
	})
	return bestN, bestEnt
}

// skelRunList holds the runs skelMatch read from a word (their word counts
// and skeletons, shortest first), for looseMatch to read them again
// without spelling them out twice. It lives on the stack.
type skelRunList struct {
	n     int
	words [maxSkeletonTokens]int
	skel  [maxSkeletonTokens]string
}

func (r *skelRunList) add(n int, s string) {
	if r.n < len(r.words) {
		r.words[r.n], r.skel[r.n] = n, s
		r.n++
	}
}

// looseMatch returns the word count of the longest of the runs from word i
// that is a name of some entities spelt with other vowels (see looseTo),
// and those entities; their skeleton may be shared.
func (g *Gazetteer) looseMatch(toks []token, i int, runs *skelRunList) (int, []int) {
	bestN := 0
	var best []int
	for k := 0; k < runs.n; k++ {
		n, s := runs.words[k], runs.skel[k]
		var ents []int
		for _, f := range g.forms[s] {
			if !slices.Contains(ents, f.ent) && g.looseTo(toks[i:i+n], s, f.ent) {
				ents = append(ents, f.ent)
			}
		}
		if ents != nil {
			bestN, best = n, ents
		}
	}
	return bestN, best
}

// skelRuns calls fn with the word count and skeleton of each run of
// capitalised words from i that may be matched by skeleton, shortest
// first: runs of capitalised words (with Arabic articles), not a lone
// word at a sentence's start or an English word, with a skeleton long
// enough, and a lone word of a short skeleton only with a sign of Arabic.
func (g *Gazetteer) skelRuns(toks []token, i int, fn func(n int, s string)) {
	if len(g.find.skel) == 0 {
		return
	}
	articleStart := isArticle(toks[i].fold)
	if toks[i].fold == "the" || !articleStart && (!toks[i].upper || !toks[i].cased || toks[i].caps) {
		return
	}
	var st []skelToken
	content := 0
	for j := i; j < len(toks) && j < i+maxSkeletonTokens; j++ {
		t := &toks[j]
		art := isArticle(t.fold)
		if !art && (!t.upper || !t.cased || t.caps) {
			break
		}
		if j > i && !toks[j-1].joinNext {
			break
		}
		if !t.skelDone {
			t.skel = skeletonTokens(t.fold)
			t.skelDone = true
		}
		if len(t.skel) == 0 {
			break
		}
		st = append(st, t.skel...)
		if art {
			continue
		}
		content++
		if content == 1 && !articleStart && (toks[i].sentence || commonWords[t.fold]) {
			continue // a lone capitalised word: sentence start or English word
		}
		s := joinSkeleton(st)
		if len(s) < minSkeleton {
			continue
		}
		if content == 1 && !articleStart && len(s) == minSkeleton && !translitHint(t.fold) {
			continue // "Hamas" is not Homs: a short lone word needs a sign of Arabic
		}
		fn(j-i+1, s)
	}
}

// translitHint reports whether a word shows a sign of being transliterated
// from Arabic: a q, a kh, gh or dh, an "ou" or doubled vowel, or a
// non-Latin script.
func translitHint(fold string) bool {
	for i := 0; i < len(fold); i++ {
		c := fold[i]
		if c >= utf8.RuneSelf || c == 'q' {
			return true
		}
		if i+1 < len(fold) {
			switch fold[i : i+2] {
			case "kh", "gh", "dh", "ou", "aa", "ee", "oo", "ii", "uu":
				return true
			}
		}
	}
	return false
}

// nisba reports whether plain is a place's name with the Arabic adjective
// ending -i: "al-Halabi" (of Aleppo, Halab), "al-Tikriti" (of Tikrit), a
// surname in a person's name, not the place.
func nisba(plain, place string) bool {
	return len(plain) == len(place)+1 && strings.HasPrefix(plain, place) && (plain[len(place)] == 'i' || plain[len(place)] == 'y')
}

// oneSentence reports whether no sentence ends between matches a and b.
func oneSentence(text string, a, b Match) bool {
	from, to := a.End, b.Start
	if b.Start < a.Start {
		from, to = b.End, a.Start
	}
	if from > to {
		return true
	}
	between := text[from:to]
	return !strings.Contains(between, ". ") && !strings.Contains(between, ".\n") && !strings.Contains(between, "\n")
}

// looseTo reports whether the words' spelling is one of entity ent's names
// with skeleton s spelt with other vowels, at most half its letters
// changed, and not its nisba ("al-Halabi"): a variant only where the text
// names a place around it (see addEnclosed).
func (g *Gazetteer) looseTo(toks []token, s string, ent int) bool {
	folds := make([]string, len(toks))
	for k := range toks {
		folds[k] = toks[k].fold
		if hasArabic(folds[k]) {
			return false
		}
	}
	plain := PlainForm(strings.Join(folds, " "))
	for _, f := range g.forms[s] {
		if f.ent == ent && !f.script && !nisba(plain, f.plain) && 2*distance(plain, f.plain) <= max(len(plain), len(f.plain)) {
			return true
		}
	}
	return false
}

// closeTo reports whether the words' spelling is close to one of entity
// ent's names with skeleton s.
func (g *Gazetteer) closeTo(toks []token, s string, ent int) bool {
	folds := make([]string, len(toks))
	for k := range toks {
		folds[k] = toks[k].fold
		if hasArabic(folds[k]) {
			return true // no short vowels to compare
		}
	}
	plain := PlainForm(strings.Join(folds, " "))
	exact := false
	for _, f := range g.forms[s] {
		exact = exact || f.ent == ent && f.plain == plain
	}
	for _, f := range g.forms[s] {
		if !exact && f.ent == ent && nisba(plain, f.plain) {
			return false
		}
		if f.ent == ent && !f.script && closeEnough(distance(plain, f.plain), plain, f.plain) {
			return true
		}
	}
	return false
}
