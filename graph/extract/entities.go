package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// mention is an entity named in a segment: by name, or by a reference
// resolved within the document ("the city").
type mention struct {
	ent    *graph.Entity
	s, e   int // bytes
	ti, tj int // token range in the segment
	ref    bool
	dl     bool // the place of a wire dateline: where the reporter is
}

// orgCueKind says what kind of entity a name ending in (or followed by)
// word is: "network", "Post", "TV" -> outlet; "Observatory" -> monitor.
func orgCueKind(w string) graph.EntityKind {
	switch w {
	case "network", "post", "agency", "tv", "television", "channel", "radio",
		"news", "newspaper", "times", "media", "press", "website", "broadcaster",
		"gazette", "daily", "outlet", "herald", "tribune", "telegraph", "journal",
		"magazine", "station", "online", "page", "24", "sana", "reuters", "afp",
		// The words of outlets named in French, Spanish and Portuguese:
		// "Agence d'Information du Burkina", "Radiodiffusion Télévision
		// du Burkina", "Agencia de Noticias".
		"agence", "agencia", "agência", "presse", "prensa", "imprensa", "radiodiffusion",
		"télévision", "televisión", "televisão", "jornal", "diario", "noticias", "notícias":
		return graph.KindOutlet
	case "observatory", "monitor", "airwars", "observatoire", "observatorio":
		return graph.KindMonitor
	case "command", "headquarters":
		return graph.KindArmy
	case "brigade", "brigades", "front", "battalion", "battalions", "movement",
		"forces", "units", "militia", "militias", "division", "regiment", "corps",
		"jaish", "liwa", "faylaq", "harakat", "hayat", "ahrar", "legion", "guard",
		"guards", "jaysh", "jabhat", "kataib", "ansar", "saraya", "firqa", "fatah",
		"tajammu", "quwat", "junud", "hizb", "ajnad", "jund":
		return graph.KindArmedGroup
	case "committee", "council", "centre", "center", "foundation", "organisation",
		"organization", "institute", "association", "union", "federation",
		"ministry", "office", "commission", "department", "directorate", "helmets",
		"defence", "defense", "society", "crescent", "cross", "watch", "amnesty",
		"alliance", "bloc", "party", "gathering", "congress", "league", "assembly",
		// ... and of bodies: "Collectif contre l'impunité", "Comité
		// international", "Ministère de la Défense".
		"collectif", "comité", "conseil", "ministère", "ministerio", "ministério", "ligue",
		"fondation", "fundación", "fundação", "coordination", "coordinadora":
		return graph.KindOrg
	}
	return ""
}

// countryBody resolves a body's name the gazetteer lacks, after "the", to
// the body of the document's country that the gazetteer knows by the
// country's adjective: "the Civil Defence" in a report about Syria is the
// Syrian Civil Defence. Nil when there is none, or the name already opens
// with a nationality.
func (d *docState) countryBody(toks []token, start int, name string) *graph.Entity {
	if d.country == nil || start == 0 || toks[start-1].low != "the" || nationality[toks[start].low] {
		return nil
	}
	adj := d.x.adjOf[d.country.Name]
	if adj == "" {
		return nil
	}
	if g := d.lookup(adj + " " + name); g != nil && g.Kind != graph.KindPlace && g.Kind != graph.KindState {
		return g
	}
	return nil
}

// unitNouns name military formations.
var unitNouns = set("division", "brigade", "regiment", "battalion", "corps", "company", "squadron")

// unitName reports whether the capitalised run toks[start:j] is a
// formation of a party named before it, only by its number and kind ("the
// army's 7th Division", "the Iraqi army's 9th Armoured Division"); "The
// Eighth Brigade, which is backed by Russia" names a party of its own.
func unitName(toks []token, i, start, j int) bool {
	if j-start > 3 || !unitNouns[toks[j-1].low] {
		return false
	}
	p := min(i, start)
	if p > 0 && !ordinalWord(toks[p].low) && ordinalWord(toks[p-1].low) {
		p--
	}
	if p == 0 || !strings.HasSuffix(toks[p-1].low, "'s") && !strings.HasSuffix(toks[p-1].low, "’s") {
		return false
	}
	ordinal := false
	for k := max(i-1, 0); k < j-1; k++ {
		w := toks[k].low
		if ordinalWord(w) {
			ordinal = true
			continue
		}
		if k >= start && w != "armoured" && w != "armored" && w != "mechanised" && w != "mechanized" && w != "infantry" && w != "special" && w != "rapid" {
			return false
		}
	}
	return ordinal
}

// ordinalWord reports "7th", "21st", "fourth".
func ordinalWord(w string) bool {
	if n := len(w); n > 2 && w[0] >= '0' && w[0] <= '9' {
		suf := w[n-2:]
		return suf == "th" || suf == "st" || suf == "nd" || suf == "rd"
	}
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "twentieth":
		return true
	}
	return false
}

// nationality adjectives may begin a name: "Syrian Salvation Government".
var nationality = set("syrian", "russian", "american", "iraqi", "turkish", "british",
	"french", "iranian", "kurdish", "israeli", "arab", "lebanese", "jordanian")

// communityAdjectives name a faith, a people or a nation; before a place
// noun they say who lives there ("a mostly Christian town", "the
// Palestinian camp", "the mostly Sunni Arab town"), not its name.
var communityAdjectives = set("christian", "muslim", "sunni", "shia", "shiite", "shi'ite", "alawite",
	"druze", "yazidi", "ismaili", "assyrian", "armenian", "chaldean", "syriac", "turkmen",
	"kurdish", "arab", "palestinian", "circassian", "bedouin",
	// Libya's peoples: "a mainly Tebu town", "A Tebu member of the
	// municipal council".
	"tebu", "toubou", "tuareg", "amazigh", "berber")

// communityWords reports whether toks[s:e] are only community adjectives
// and nationalities.
func communityWords(toks []token, s, e int) bool {
	for k := s; k < e; k++ {
		if !communityAdjectives[toks[k].low] && !nationality[toks[k].low] {
			return false
		}
	}
	return e > s
}

// govNouns end the names of governments and administrations.
var govNouns = set("government", "administration", "authority")

// orgCue is orgCueKind as a string, "" for none.
func orgCue(w string) string { return string(orgCueKind(w)) }

// lowerOutletCues follow a name in lower case: "the Deir Ezzor 24 network".
var lowerOutletCues = set("network", "channel", "agency", "website", "tv",
	"television", "radio", "page", "newspaper", "outlet", "news", "station", "broadcaster")

// Titles before a person's name.
var personTitles = set("colonel", "col", "lieutenant", "lt", "general", "gen",
	"major", "maj", "brigadier", "captain", "capt", "sergeant", "sgt", "admiral",
	"adm", "commander", "president", "minister", "ambassador", "mr", "mrs", "ms",
	"dr", "sheikh", "prince", "king", "deputy", "prime", "foreign", "defence", "interior",
	"defense", "secretary", "lt-gen", "lt-col", "maj-gen", "brig-gen", "spokesman",
	"spokeswoman", "spokesperson", "envoy", "governor", "mayor", "director",
	"chief", "head", "official", "representative", "correspondent", "reporter",
	"activist", "journalist", "doctor", "emir", "imam", "father", "bishop", "judge",
	"senator", "special", "staff", "lieutenant-general", "major-general",
	"brigadier-general", "lieutenant-colonel", "air", "vice", "marshal", "first",
	"vice-president", "vice-chairman")

var notNames = set("the", "a", "an", "on", "in", "at", "of", "for", "and", "but",
	"he", "she", "they", "it", "we", "i", "this", "that", "these", "those", "there",
	"while", "when", "after", "before", "since", "according", "however", "meanwhile",
	"reports", "sources", "government", "coalition", "warplanes", "comparisons",
	"responsibility", "such", "nor", "his", "her", "its", "their", "our", "my",
	"among", "some", "many", "most", "all", "both", "statement", "local", "death",
	"battle", "civilian", "pro-government", "monitor", "source", "western",
	"russian", "american", "syrian", "iraqi", "turkish", "british", "french",
	"iranian", "kurdish", "israeli", "arab", "islamic", "state", "letter",
	"identical", "annex", "excellency", "source:", "un", "un:", "no", "not", "none",
	"any", "every", "each", "neither", "either")

// officeOwners are the office holders whose office is a body of its own:
// "the Attorney General's Office", "the Ombudsman's Office".
var officeOwners = set("attorney", "general", "ombudsman", "prosecutor", "auditor", "inspector", "public", "defender", "solicitor", "registrar", "coroner")

// titleOffice reports whether the capitalised run toks[s:e] is an office
// holder's title in the possessive and the office ("Attorney General's
// Office", "Ombudsman's Office"): one body's name, not an owner and a
// name.
func titleOffice(toks []token, s, e int) bool {
	last := toks[e-1].low
	if last != "office" && last != "bureau" && last != "chambers" {
		return false
	}
	for k := s; k < e-1; k++ {
		w := strings.TrimSuffix(toks[k].low, "'s")
		if w == "'s" {
			continue
		}
		if !officeOwners[w] {
			return false
		}
	}
	return e-s >= 2
}

// redCross reports whether a name is the movement's bare name: "Red
// Cross", "Red Crescent".
func redCross(name string) bool {
	switch gazetteer.FoldKey(name) {
	case "red cross", "red crescent", "the red cross", "the red crescent":
		return true
	}
	return false
}

// segMentions returns the entity mentions of a segment: gazetteer matches
// (from the document-wide list, advancing *gi), names the gazetteer lacks,
// and references to earlier places.
func (d *docState) segMentions(sg *segment, gi *int) []mention {
	toks := sg.toks
	var ms []mention
	for *gi < len(d.gaz) && d.gaz[*gi].Start < sg.s {
		*gi++
	}
	for k := *gi; k < len(d.gaz) && d.gaz[k].Start < sg.e; k++ {
		m := d.gaz[k]
		if m.End > sg.e {
			break
		}
		ti, tj := tokRange(toks, m.Start, m.End)
		if ti >= tj {
			continue
		}
		ent := m.Entity
		// A single word of the author's own name ("the Coalition" in a
		// statement by the National Coalition) is the author.
		if tj == ti+1 && ti > 0 && toks[ti-1].low == "the" && d.author != nil && ent.ID != d.author.ID && ent.Kind != graph.KindPlace {
			if e := d.shortReference(toks[ti].text); e != nil && (e == d.author || e.Kind == graph.KindMonitor && ent.Kind == graph.KindMonitor) {
				// ("the Observatory" after the Iraqi Observatory for
				// Human Rights has spoken is that monitor, not the
				// Syrian one the word names elsewhere.)
				ent = e
			}
		}
		// "the Haitian Red Cross", "the Mozambique Red Cross": a national
		// society, named by its people or State before the movement's
		// name, is no name of the International Committee.
		if k := ti - 1; k >= 0 && toks[k].cap && toks[k].kind == tWord && (ent.Kind == graph.KindIntlBody || ent.Kind == graph.KindOrg) && redCross(d.text[m.Start:m.End]) {
			if nationality[toks[k].low] || d.stateOfAdjective(toks[k].text) != "" || len(ms) > 0 && ms[len(ms)-1].tj == ti && ms[len(ms)-1].ent.Kind == graph.KindState {
				name := d.text[toks[k].s:m.End]
				e := d.lookup(name)
				if e == nil || e.Kind == graph.KindPlace || e.Kind == graph.KindState {
					e = d.newEntity(graph.KindOrg, name, nil, false)
				}
				if len(ms) > 0 && ms[len(ms)-1].tj == ti {
					ms = ms[:len(ms)-1]
				}
				ms = append(ms, mention{ent: e, s: toks[k].s, e: m.End, ti: k, tj: tj})
				continue
			}
		}
		// "government forces" in a report about Iraq are Iraq's: the
		// gazetteer gives the words to the Syrian army, whose they are
		// in most reports.
		if e := d.countryGovernmentForces(d.text[m.Start:m.End], ent); e != nil {
			ent = e
		}
		// "PKK/YPG", "PYD/YPG": non-state groups fused by a slash name one
		// armed group, the last, characterised by the ones before it (a
		// state's usage that equates the group with its parent). States and
		// armies so fused ("US/UK strikes") stay two parties.
		if n := len(ms); n > 0 && ms[n-1].e+1 == m.Start && d.text[ms[n-1].e:m.Start] == "/" && ent.Kind == graph.KindArmedGroup && (ms[n-1].ent.Kind == graph.KindArmedGroup || ms[n-1].ent.Kind == graph.KindOrg) {
			ms[n-1] = mention{ent: ent, s: ms[n-1].s, e: m.End, ti: ms[n-1].ti, tj: tj}
			continue
		}
		ms = append(ms, mention{ent: ent, s: m.Start, e: m.End, ti: ti, tj: tj})
	}
	ms = d.dropBased(ms)
	d.loyalToCapital(toks, ms)
	ms = dropNamePrefixes(toks, ms)
	ms = d.unknownNames(sg, ms)
	if sg.meta == metaNone {
		ms = d.genericActors(toks, ms)
	}
	ms = d.governorates(toks, ms)
	d.cityQuarters(toks, ms)
	if sg.meta == metaNone && sg.first {
		sort.Slice(ms, func(i, j int) bool { return ms[i].s < ms[j].s })
		ms = d.inlineDateline(toks, ms)
	}
	ms = d.placeRefs(sg, ms)
	ms = scriptGlosses(toks, ms)
	sort.Slice(ms, func(i, j int) bool { return ms[i].s < ms[j].s })
	return ms
}

// glossAt returns the index after the closing parenthesis when toks[j:]
// is a parenthesis holding only words in a script other than Latin ("
// (المقدادية)", "(ፍኖተ ሰላም)", "(ပဇီကြီး)"), else j.
func glossAt(toks []token, j int) int {
	if j+2 >= len(toks) || !isPunct(&toks[j], "(") {
		return j
	}
	k := j + 1
	for k < len(toks) && toks[k].kind == tWord && otherScript(toks[k].text) {
		k++
	}
	if k == j+1 || k >= len(toks) || !isPunct(&toks[k], ")") {
		return j
	}
	return k + 1
}

// otherScript reports whether w is written in a script other than Latin:
// its letters are all of one non-Latin script or marks.
func otherScript(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Latin, r) || unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters > 0
}

// scriptGlosses adds, for a place named right before a parenthesis in
// another script ("al-Muqdadiyah (المقدادية)", "Togoga (ቶጎጋ)"), the gloss
// as a mention of the same place.
func scriptGlosses(toks []token, ms []mention) []mention {
	n := len(ms)
	for k := 0; k < n; k++ {
		m := ms[k]
		if m.ent.Kind != graph.KindPlace {
			continue
		}
		end := glossAt(toks, m.tj)
		if end == m.tj || overlapsAny(ms, m.tj+1, end-1) {
			continue
		}
		ms = append(ms, mention{ent: m.ent, s: toks[m.tj+1].s, e: toks[end-2].e, ti: m.tj + 1, tj: end - 1})
	}
	return ms
}

// countryGovernmentForces returns the forces of the document's country
// when text names a state's forces only as the government's ("government
// forces", "government troops") and the gazetteer gives those words to
// another state's army (ent); else nil.
func (d *docState) countryGovernmentForces(text string, ent *graph.Entity) *graph.Entity {
	if d.country == nil || ent.Kind != graph.KindArmy {
		return nil
	}
	low := strings.ToLower(text)
	if low != "government forces" && low != "government troops" {
		return nil
	}
	army := d.x.armyOf[d.country.ID]
	if army == nil || army.ID == ent.ID {
		return nil
	}
	if adj := d.x.adjOf[d.country.Name]; adj != "" {
		if e := d.lookup(adj+" Security Forces", graph.KindArmy); e != nil {
			return e
		}
	}
	return army
}

// dropBased drops a place that only describes a party: "the
// Aleppo-based group", "a Damascus-based official" say where a party sits,
// not where anything happened.
func (d *docState) dropBased(ms []mention) []mention {
	out := ms[:0]
	for _, m := range ms {
		if m.ent.Kind == graph.KindPlace && strings.HasPrefix(d.text[m.e:], "-based") {
			continue
		}
		out = append(out, m)
	}
	return out
}

// loyalToCapital makes a capital that stands for its state's government
// that government: a party, not a place the claim names. The capital is
// the party a force answers to ("militiamen loyal to Damascus", "fighters
// allied with Ankara", "loyal to Moscow more than to Damascus"), the one
// that judges or speaks ("that Baghdad had deemed illegal", "which Moscow
// has not confirmed", "Ankara was angered"), the one a comment is awaited
// from ("no comment from Damascus") or the one others sway ("did not stop
// Washington from approving").
func (d *docState) loyalToCapital(toks []token, ms []mention) {
	for k := range ms {
		m := &ms[k]
		if m.ent.Kind != graph.KindPlace || capitals[m.ent.Name] == "" || m.tj != m.ti+1 {
			continue
		}
		if !capitalAsParty(toks, m.ti) {
			continue
		}
		if state := d.lookup(capitals[m.ent.Name], graph.KindState); state != nil {
			if gov := d.x.govOf[state.ID]; gov != nil {
				m.ent = gov
			}
		}
	}
}

// Words around a capital that make it its government: the stances it
// takes as a subject, the moods it is in, the nouns of an answer from it
// and the verbs that sway it.
var (
	capitalStanceVerbs = set("deemed", "deems", "called", "calls", "considered", "considers",
		"condemned", "condemns", "welcomed", "welcomes", "demanded", "demands", "refused",
		"refuses", "opposed", "opposes", "wants", "wanted", "responded", "reacted", "urged",
		"acknowledged", "declined", "vowed", "threatened", "backed", "supports", "supported")
	capitalAux      = set("has", "had", "have", "did", "does", "would", "will", "could", "also", "not", "never", "repeatedly", "quickly", "publicly", "officially", "yet")
	capitalMoods    = set("concerned", "angered", "angry", "furious", "worried", "wary", "keen", "eager", "determined", "unwilling", "reluctant", "silent", "opposed")
	capitalAnswers  = set("comment", "response", "reaction", "reply", "word", "confirmation")
	capitalSwayVerb = set("stop", "stopped", "prevent", "prevented", "deter", "deterred", "pressed", "pressing", "urged", "urging", "persuade", "persuaded", "convince", "convinced", "push", "pushed")
)

// capitalAsParty reports whether the one-word capital at ti is named as a
// party rather than as a place (see loyalToCapital).
func capitalAsParty(toks []token, ti int) bool {
	if ti >= 2 && (toks[ti-1].low == "to" || toks[ti-1].low == "with") {
		if affiliatedWords[toks[ti-2].low] {
			return true
		}
		// "loyal to Moscow more than to Damascus".
		if toks[ti-1].low == "to" && toks[ti-2].low == "than" {
			for n := ti - 3; n >= 0 && n >= ti-8; n-- {
				if affiliatedWords[toks[n].low] {
					return true
				}
			}
		}
	}
	// "no comment from Damascus", "no immediate response from Ankara".
	if ti >= 2 && toks[ti-1].low == "from" && capitalAnswers[toks[ti-2].low] {
		return true
	}
	// "did not stop Washington from approving", "pressed Ankara to".
	if ti >= 1 && ti+1 < len(toks) && capitalSwayVerb[toks[ti-1].low] && (toks[ti+1].low == "from" || toks[ti+1].low == "to") {
		return true
	}
	// "Baghdad had deemed", "Moscow has not confirmed", "Ankara was
	// angered": up to three auxiliaries, then a stance, a report verb or
	// "was"/"is" and a mood.
	n := ti + 1
	for n < len(toks) && n <= ti+3 && capitalAux[toks[n].low] {
		n++
	}
	if n >= len(toks) {
		return false
	}
	if w := toks[n].low; capitalStanceVerbs[w] || n > ti+1 && reportVerbs[w] && !bareReportVerbs[w] {
		return true
	}
	if w := toks[n].low; (w == "was" || w == "is") && n+1 < len(toks) {
		m := n + 1
		if toks[m].low == "more" || toks[m].low == "most" || toks[m].low == "also" || toks[m].low == "not" {
			m++
		}
		return m < len(toks) && capitalMoods[toks[m].low]
	}
	return false
}

// dropNamePrefixes drops a one-word place match that is only the start of
// a longer capitalised name the gazetteer does not know ("Bab" in "Bab
// Tuma" or "Bab al-Sharqi" is not al-Bab), and a place match that is only
// its end ("Sousa" in "Kafr Sousa").
func dropNamePrefixes(toks []token, ms []mention) []mention {
	out := ms[:0]
	for _, m := range ms {
		// "Aleppo's Sukkari": a place in the possessive owns the name
		// after it; it does not begin it.
		if m.ent.Kind == graph.KindPlace && m.tj == m.ti+1 && m.tj < len(toks) && !strings.HasSuffix(toks[m.ti].low, "'s") && toks[m.tj].low != "'s" {
			n := &toks[m.tj]
			if n.kind == tWord && (n.cap || articleName(n)) && coveredBy(ms, m.tj) < 0 && monthTok(n) == 0 && !isWeekday(n.low) && orgCueKind(n.low) == "" && !directions[n.low] && placeRefNouns[n.low] == nil && n.low != "governorate" && n.low != "province" {
				continue
			}
		}
		// "Kafr Sousa": a place match after an uncovered Arabic word for a
		// kind of place ("Kafr", "Tal", "Deir", "Ain", "Beit") is only the
		// end of a longer name the gazetteer does not know (Sousa is not
		// al-Susah on the Euphrates); the whole name is read as an unknown
		// place.
		if m.ent.Kind == graph.KindPlace && m.ti > 0 {
			p := &toks[m.ti-1]
			if p.kind == tWord && p.cap && toponymHeads[p.low] != "" && coveredBy(ms, m.ti-1) < 0 {
				continue
			}
			// "the Omar ibn al-Khattab mosque": after "ibn" or "bin" the
			// name is a father's, not a place (Khattab near Hama).
			if p.low == "ibn" || p.low == "bin" || p.low == "bint" {
				continue
			}
		}
		// "the Iraqi Forces Alliance": a party's name of two words or more
		// followed by the head of a body's name is only the start of that
		// body's name, which the gazetteer does not know.
		if m.ent.Kind != graph.KindPlace && m.ent.Kind != graph.KindState && m.tj > m.ti+1 && m.tj < len(toks) {
			n := &toks[m.tj]
			if n.kind == tWord && n.cap && bodyHeads[n.low] && coveredBy(ms, m.tj) < 0 {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// bodyHeads end the name of a political body: "Alliance", "Bloc", "Party".
var bodyHeads = set("alliance", "bloc", "party", "coalition", "gathering", "congress", "league", "assembly")

// nationalBodyHeads head the names of national bodies that keep the
// nation's adjective: "Iraqi High Commission for Human Rights", "Libyan
// Red Crescent" is read by its cue.
var nationalBodyHeads = set("commission", "council", "committee", "authority", "directorate", "organisation", "organization", "association", "federation", "union", "society", "centre", "center", "institute", "observatory", "network")

// nationalBody reports whether the capitalised run toks[s:e] after a
// nation's adjective is a body's name: its head ("Commission" in "High
// Commission for Human Rights") before "for" or "of", or at its end.
func nationalBody(toks []token, s, e int) bool {
	for k := s; k < e; k++ {
		if toks[k].low == "for" || toks[k].low == "of" {
			return k > s && nationalBodyHeads[toks[k-1].low]
		}
	}
	return nationalBodyHeads[toks[e-1].low]
}

// tokRange maps a byte range to the tokens it covers.
func tokRange(toks []token, s, e int) (int, int) {
	ti := sort.Search(len(toks), func(i int) bool { return toks[i].e > s })
	tj := ti
	for tj < len(toks) && toks[tj].s < e {
		tj++
	}
	return ti, tj
}

// officeTitles are titles a portfolio or body may come before:
// "Information Minister", "Parliament Speaker", "Army Commander".
var officeTitles = set("minister", "speaker", "spokesman", "spokeswoman", "spokesperson",
	"governor", "mayor", "commander", "ambassador", "envoy", "director", "secretary", "chairman", "chief")

// portfolioTitle returns where the person's name starts in the capitalised
// run [start, j) when the run opens with one to three words of a portfolio
// the gazetteer does not know, then an office title, then at least two
// words of a name; else start.
func portfolioTitle(toks []token, ms []mention, start, j int) int {
	for p := start + 1; p < j && p <= start+3; p++ {
		if coveredBy(ms, p-1) >= 0 || toks[p-1].kind != tWord || !toks[p-1].cap {
			return start
		}
		if officeTitles[toks[p].low] && toks[p].cap && j-(p+1) >= 2 {
			return p + 1
		}
	}
	return start
}

func coveredBy(ms []mention, ti int) int {
	for k, m := range ms {
		if ti >= m.ti && ti < m.tj {
			return k
		}
	}
	return -1
}

// runHasJoiner reports whether a capitalised run holds "of" or "for":
// an organisation's name that may go on with "and".
func runHasJoiner(toks []token) bool {
	for k := range toks {
		if toks[k].low == "of" || toks[k].low == "for" {
			return true
		}
	}
	return false
}

// unknownNames finds proper names the gazetteer lacks: outlets and
// organisations by their cue word, persons after titles, and other runs of
// two or more capitalised words (unclassified).
func (d *docState) unknownNames(sg *segment, ms []mention) []mention {
	toks := sg.toks
	if sg.meta == metaHeading || sg.meta == metaSymbol {
		return ms
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tWord || !toks[i].cap && !articleName(&toks[i]) {
			continue
		}
		// Extend a run of capitalised words, joiners and numbers.
		j := i + 1
		for j < len(toks) {
			t := &toks[j]
			// "Jaysh al-Muhajireen wal-Ansar": "wal-" ("and the") joins
			// two halves of one Arabic name.
			if t.kind == tWord && (t.cap || articleName(t) || strings.HasPrefix(t.text, "wal-") && len(t.text) > 4 && t.text[4] >= 'A' && t.text[4] <= 'Z') {
				j++
				continue
			}
			if (t.low == "of" || t.low == "for") && j+1 < len(toks) && toks[j+1].cap && toks[j+1].kind == tWord && toks[j+1].low != "the" {
				j += 2
				continue
			}
			// "the Defence and Security Forces": one name with its "and".
			if t.low == "and" && j+2 < len(toks) && (toks[j-1].low == "defence" || toks[j-1].low == "defense") && toks[j+1].low == "security" && toks[j+2].low == "forces" && toks[j+1].cap && toks[j+2].cap {
				j += 3
				continue
			}
			// "Ministry of Foreign Affairs and Expatriates", "Ministry of
			// Health and Population": after "of" or "for", one capitalised
			// word joined by "and" that ends the name belongs to it.
			if t.low == "and" && j+1 < len(toks) && toks[j+1].cap && toks[j+1].kind == tWord && coveredBy(ms, j+1) < 0 &&
				(j+2 >= len(toks) || !toks[j+2].cap) && runHasJoiner(toks[i:j]) {
				j += 2
				continue
			}
			if t.kind == tNum && len(t.text) <= 3 && j+1 < len(toks) && (toks[j+1].cap || lowerOutletCues[toks[j+1].low]) {
				j++
				continue
			}
			break
		}
		// "the Defence and Security Forces", "the Military Forces", "the
		// Armed Forces": a state's forces by a generic name, in a text
		// about the state, are its forces (not "the Armed Forces of X",
		// named with whose they are).
		g := i
		if toks[i].low == "the" {
			g++
		}
		if g < j && (g > i || i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "our")) && genericForces[gazetteer.FoldKey(d.text[toks[g].s:toks[j-1].e])] && !(j < len(toks) && toks[j].low == "of") && d.country != nil && d.x.armyOf[d.country.ID] != nil && !overlapsActor(ms, g, j) {
			a := d.x.armyOf[d.country.ID]
			if own := d.ownArmy(); own != nil {
				a = own // "the Armed Forces" in an army's own statement
			}
			ms = replaceRange(ms, mention{ent: a, s: toks[g].s, e: toks[j-1].e, ti: g, tj: j}, toks)
			i = j - 1
			continue
		}
		start := i
		// "the village of Arab Hasan": a name the text gives a kind of
		// place keeps a first word that elsewhere is an adjective.
		marked := i >= 2 && toks[i-1].low == "of" && placeNouns[toks[i-2].low] != "" && !toks[i-2].cap
		for start < j && !(marked && nationality[toks[start].low] && start+1 < j) && (notNames[toks[start].low] || personTitles[toks[start].low] && start+1 < j) {
			if nationality[toks[start].low] && j-start >= 3 && (orgCueKind(toks[j-1].low) != "" || govNouns[toks[j-1].low] || bodyHeads[toks[j-1].low] || nationalBody(toks, start+1, j)) {
				// "Syrian Salvation Government", "Kurdish Red Crescent",
				// "Iraqi Forces Alliance": the adjective is part of the name.
				break
			}
			start++
		}
		office := titleOffice(toks, start, j)
		// "Aleppo's Sukkari district", "Raqqa's Old Mosque": the owner in
		// the possessive is a name of its own; the run's name follows it.
		// ("the Attorney General's Office" is one name: titleOffice.)
		for k := start; k < j-1 && !office; k++ {
			if strings.HasSuffix(toks[k].low, "'s") || toks[k+1].low == "'s" {
				start = k + 1
				if toks[k+1].low == "'s" {
					start = k + 2
				}
			}
		}
		if start >= j {
			i = j - 1
			continue
		}
		// "Units of the Syrian Arab Army carried out": a common noun
		// capitalised at the start of a sentence names no group.
		// (Also after a dateline's dash: "Moscow - Units of the ...".)
		if j-start == 1 && sentenceStart(toks, start) && (forcesNouns[toks[start].low] || oppositionNouns[toks[start].low]) {
			i = j - 1
			continue
		}
		// "Residents of Sunni villages said", "Witnesses of the attack": a
		// plural common noun of people capitalised at the start of a
		// sentence, then "of", names nobody; a name may follow "of".
		if start == 0 && j-start >= 3 && toks[start+1].low == "of" && speakerNouns[toks[start].low] == graph.KindAnonymous && strings.HasSuffix(toks[start].low, "s") {
			i = start + 1
			continue
		}
		// "Witness A", "Interviewee 3", "Source B": a witness a report
		// keeps anonymous by a letter or a number.
		if end := j; start < j && speakerNouns[toks[start].low] == graph.KindAnonymous && !strings.HasSuffix(toks[start].low, "s") {
			if j-start == 1 && j < len(toks) && toks[j].kind == tNum && len(toks[j].text) <= 3 {
				end = j + 1
			}
			if end-start == 2 && (len(toks[start+1].text) == 1 && toks[start+1].cap || toks[start+1].kind == tNum) {
				e := d.newEntity(graph.KindAnonymous, d.text[toks[start].s:toks[end-1].e], nil, true)
				ms = replaceRange(ms, mention{ent: e, s: toks[start].s, e: toks[end-1].e, ti: start, tj: end}, toks)
				i = end - 1
				continue
			}
		}
		cue := ""
		cueEnd := j
		for k := j; k < len(toks) && k < j+2 && lowerOutletCues[toks[k].low] && !toks[k].cap; k++ {
			cue = toks[k].low
			cueEnd = k + 1
		}
		// "The Health Ministry's news website": an owner's outlet, not
		// named; the owner is the name.
		if cue != "" && toks[j-1].base != toks[j-1].low {
			cue = ""
		}
		kind := graph.EntityKind("")
		// "Al-Shabaab fighters", "M23 rebels": a name the gazetteer lacks
		// before a noun for fighters is an armed group's.
		if cue == "" && j < len(toks) && groupCueNouns[toks[j].low] && !toks[j].cap && d.namedGroupRun(toks, ms, start, j) && !(toks[j].low == "militia" && peopleRun(toks, start, j)) {
			cue, cueEnd = toks[j].low, j+1
			kind = graph.KindArmedGroup
		} else if cue == "" && j-start >= 2 && claimsAttack(toks, j) && d.namedGroupRun(toks, ms, start, j) {
			// "Jama'atu Ahlis Sunna claimed responsibility for the
			// attack": who claims an attack is an armed group.
			kind = graph.KindArmedGroup
		} else if cue != "" {
			kind = graph.KindOutlet
		} else if j > start && govNouns[toks[j-1].low] {
			kind = graph.KindGovernment
		} else if j > start {
			kind = orgCueKind(toks[j-1].low)
			// Arabic names put the kind first: "Jaysh al-Izza", "Liwa al-Quds".
			if k := orgCueKind(toks[start].low); kind == "" && j-start >= 2 && k == graph.KindArmedGroup {
				kind = k
			}
		}
		// "The Ministry of Interior of Afghanistan", "the News Agency of
		// Nigeria", "Radio Television Afghanistan": a ministry's, an
		// outlet's or a body's name that ends with a state's name is the
		// body's; the state is only its owner.
		ownsState := false
		if kind == "" && cue == "" && j-start >= 2 {
			if k := coveredBy(ms, j-1); k >= 0 && ms[k].ent.Kind == graph.KindState && ms[k].ti > start && ms[k].tj == j {
				if e := d.stateBody(d.text[toks[start].s:toks[j-1].e]); e != nil {
					ms = replaceRange(ms, mention{ent: e, s: toks[start].s, e: toks[j-1].e, ti: start, tj: j}, toks)
					i = j - 1
					continue
				}
				words := make([]string, 0, ms[k].ti-start)
				for p := start; p < ms[k].ti; p++ {
					words = append(words, toks[p].low)
				}
				if c := bodyKind(words); c != "" {
					kind, ownsState = c, true
				}
			}
		}
		// "the Sudan Doctors Network", "the Yemen Data Project Monitor": a
		// body's name that begins with a state's name (not its adjective)
		// is the body's, as one that ends with it.
		if !ownsState && (kind == graph.KindOrg || kind == graph.KindOutlet || kind == graph.KindMonitor) && cue == "" && j-start >= 2 {
			if k := coveredBy(ms, start); k >= 0 && ms[k].ent.Kind == graph.KindState && ms[k].ti == start && ms[k].tj < j && !overlapsActor(ms, ms[k].tj, j) {
				ownsState = true
			}
		}
		// A unit of an army named by number and kind ("the army's 7th
		// Division", "9th Armoured Division"): the army's, named by the
		// words before it, not a party of its own.
		if kind == graph.KindArmedGroup && unitName(toks, i, start, j) {
			i = j - 1
			continue
		}
		// A title right before the run: a person.
		titled := false
		for p := i; p < j && personTitles[toks[p].low]; p++ {
			titled = true
		}
		if i > 0 && personTitles[toks[i-1].low] {
			titled = true
		}
		// "Information Minister Omran al-Zoubi", "Parliament Speaker Salim
		// al-Jabouri": a portfolio of one to three capitalised words before
		// a title is part of the title, and the name after it the person's.
		if !titled {
			if p := portfolioTitle(toks, ms, start, j); p > start {
				titled, start = true, p
			}
		}
		if start >= j {
			i = j - 1
			continue
		}
		// A surname alone refers to the person named before: "Yarallah said".
		if j-start == 1 && coveredBy(ms, start) < 0 {
			if p := d.personBySurname(toks[start].text); p != nil {
				ms = append(ms, mention{ent: p, s: toks[start].s, e: toks[start].e, ti: start, tj: start + 1, ref: true})
				i = j - 1
				continue
			}
		}
		// A place the gazetteer lacks, named with its kind: "the village of
		// Kafr Zita", "the Bab Tuma neighbourhood"; or with an Arabic
		// article after a preposition of place: "in al-Lataminah".
		// A name the text gave as a place before ("the town of Ghranij"
		// ... "families returned to Ghranij") is that place again.
		if e := d.newPlaces[keyOf(d.text[toks[start].s:toks[j-1].e])]; e != nil && !overlapsAny(ms, start, j) {
			ms = append(ms, mention{ent: e, s: toks[start].s, e: toks[j-1].e, ti: start, tj: j})
			i = j - 1
			continue
		}
		pt := d.placeNounAround(toks, start, j)
		if pt == "" && articleName(&toks[start]) && start > 0 && locative[toks[start-1].low] && orgCueKind(fold(toks[j-1].text)) == "" {
			pt = "town"
		}
		if pt == "" && d.eventPlaceSlot(toks, start, j) {
			pt = "town"
		}
		// "a mosque in Maiduguri", "the main market in Bentiu": a name
		// after a building or site and "in" is the place it stands in.
		if pt == "" && kind == "" && cue == "" && start >= 2 && toks[start-1].low == "in" && siteBefore(toks, start-1) && d.plainNameRun(toks, start, j) {
			pt = "town"
		}
		// "a market in Bentiu, in Unity State", "a base in Afgooye in the
		// Lower Shabelle region": a name after a preposition of place,
		// placed in turn in an area, is a place.
		if pt == "" && kind == "" && cue == "" && start > 0 && locative[toks[start-1].low] && !facilityWords[toks[j-1].low] && d.placedInArea(toks, ms, j) {
			pt = "town"
		}
		if pt == "" && kind == "" && cue == "" && d.fallenAfter(toks, start, j) {
			pt = "town"
		}
		// "the area south of Karkamis", "5 km west of Tal Hamis": a name
		// after a bearing is a place.
		if pt == "" && kind == "" && start >= 2 && toks[start-1].low == "of" && compassPoints[toks[start-2].low] && !toks[start-2].cap {
			pt = "town"
		}
		// "Wadi al-Kheil", "Dahr al-Hawa", "Beir Kusa": a name of two or
		// more words whose first is an Arabic word for a kind of place
		// (valley, ridge, well, village, hill, spring) is a place.
		if pt == "" && kind == "" && cue == "" && j-start >= 2 && toponymHeads[toks[start].low] != "" && orgCueKind(fold(toks[j-1].text)) == "" {
			pt = toponymHeads[toks[start].low]
		}
		if pt == "" && d.listedWithPlace(toks, ms, start, j) {
			pt = "town"
		}
		// "the centre of Haritan (حريتان)": a name the text glosses in
		// another script is a place (writers gloss places, not parties).
		if pt == "" && kind == "" && cue == "" && glossAt(toks, j) > j {
			pt = "town"
		}
		if pt == "" && sg.first && sg.meta == metaNone && datelineSlot(toks, start, j) {
			pt = "town"
		}
		if pt != "" && !overlapsAny(ms, start, j) {
			name := unshout(d.text[toks[start].s:toks[j-1].e])
			// "Jere LGA" is "Jere Local Government Area", one place.
			if bare, ok := strings.CutSuffix(name, " LGA"); ok && bare != "" {
				name = bare + " Local Government Area"
			}
			// A spelling the gazetteer's running-text matcher leaves alone
			// ("the town of Diban" for Dhiban) is the known place once the
			// text marks it as a place.
			e := d.knownPlace(name)
			if e == nil {
				e = d.newEntity(graph.KindPlace, name, nil, false)
				if d.newPlaces == nil {
					d.newPlaces = map[string]*graph.Entity{}
				}
				d.newPlaces[keyOf(name)] = e
			}
			if e.PlaceType == "" {
				e.PlaceType = pt
			}
			ms = append(ms, mention{ent: e, s: toks[start].s, e: toks[j-1].e, ti: start, tj: j})
			i = j - 1
			continue
		}
		if !ownsState && overlapsActor(ms, i, j) {
			i = j - 1
			continue
		}
		if j-start == 1 && kind != "" && cue == "" && start > 0 && toks[start-1].low == "the" {
			if e := d.shortReference(toks[start].text); e != nil {
				ms = append(ms, mention{ent: e, s: toks[start].s, e: toks[start].e, ti: start, tj: start + 1, ref: true})
				i = j - 1
				continue
			}
		}
		switch {
		case kind != "":
			name := d.text[toks[start].s:toks[j-1].e]
			full := d.text[toks[start].s:toks[cueEnd-1].e]
			e := d.lookup(name)
			if e == nil || e.Kind == graph.KindPlace {
				e = d.lookup(full)
			}
			if (e == nil || e.Kind == graph.KindPlace) && d.isAuthorName(name) {
				e = d.author
			}
			if e == nil || e.Kind == graph.KindPlace {
				e = d.countryBody(toks, start, name)
			}
			if e == nil || e.Kind == graph.KindPlace {
				e = d.newEntity(kind, name, []string{full}, false)
			}
			ms = replaceRange(ms, mention{ent: e, s: toks[start].s, e: toks[cueEnd-1].e, ti: start, tj: cueEnd}, toks)
			i = cueEnd - 1
		case titled:
			// Person: up to three capitalised words after the titles.
			ps := start
			for ps < j && personTitles[toks[ps].low] {
				ps++
			}
			pe := ps
			for pe < j && pe < ps+3 && toks[pe].kind == tWord {
				pe++
			}
			if pe > ps && coveredBy(ms, ps) < 0 && (pe-ps >= 2 || i > 0 && toks[i-1].cap || personTitles[toks[i].low]) {
				name := d.text[toks[ps].s:toks[pe-1].e]
				e := d.lookup(name, graph.KindPerson)
				if e == nil {
					e = d.newEntity(graph.KindPerson, name, []string{d.text[toks[i].s:toks[pe-1].e]}, false)
				}
				ms = replaceRange(ms, mention{ent: e, s: toks[ps].s, e: toks[pe-1].e, ti: ps, tj: pe}, toks)
			}
			i = j - 1
		case j-start >= 2 && !(start == 0 && sg.first && sg.para == 0):
			anyCovered := false
			for p := start; p < j; p++ {
				if coveredBy(ms, p) >= 0 || monthTok(&toks[p]) > 0 && !givenNameJan(toks, p) || isWeekday(toks[p].low) {
					anyCovered = true
					break
				}
			}
			if !anyCovered {
				name := d.text[toks[start].s:toks[j-1].e]
				e := d.newEntity(graph.KindUnclassified, name, nil, false)
				ms = append(ms, mention{ent: e, s: toks[start].s, e: toks[j-1].e, ti: start, tj: j})
			}
			i = j - 1
		default:
			i = j - 1
		}
	}
	return ms
}

// givenNameJan reports whether "Jan" at p is a given name ("Jan Kubis",
// "Jan Egeland"), not January cut short: no number beside it, a
// capitalised word after it.
func givenNameJan(toks []token, p int) bool {
	if toks[p].low != "jan" || p+1 >= len(toks) || !toks[p+1].cap || toks[p+1].kind != tWord || monthTok(&toks[p+1]) > 0 {
		return false
	}
	return !(p > 0 && toks[p-1].kind == tNum) && !(p+2 < len(toks) && toks[p+2].kind == tNum)
}

// claimsAttack reports whether the words from j claim an attack for the
// name before them: "claimed responsibility", "claimed the attack",
// "claimed credit", "has claimed responsibility".
func claimsAttack(toks []token, j int) bool {
	if j < len(toks) && (toks[j].low == "has" || toks[j].low == "have" || toks[j].low == "later") {
		j++
	}
	if j+1 >= len(toks) || toks[j].low != "claimed" && toks[j].low != "claims" {
		return false
	}
	switch toks[j+1].low {
	case "responsibility", "credit":
		return true
	case "the", "this", "that":
		return j+2 < len(toks) && (attackCues[toks[j+2].low] || strikeCues[toks[j+2].low] || toks[j+2].low == "bombing" || toks[j+2].low == "killing" || toks[j+2].low == "killings")
	}
	return false
}

// genericForces are the names a state's text gives its own forces without
// saying whose (folded).
var genericForces = set("defence and security forces", "defense and security forces", "military forces",
	"armed forces", "defence forces", "defense forces", "national defence forces", "national defense forces")

// peoples are communities that militias are named after ("a Dogon
// militia", "Hema militias"): a people's militia is no group of that name.
var peoples = set("dogon", "fulani", "peul", "peuhl", "bambara", "hema", "lendu", "nande", "hunde", "hutu", "tutsi",
	"banyamulenge", "nuer", "dinka", "murle", "shilluk", "hausa", "kanuri", "tiv", "berom", "masalit", "zaghawa",
	"fur", "amhara", "oromo", "tigrayan", "afar", "somali", "karen", "kachin", "shan", "rohingya", "pashtun",
	"hazara", "tajik", "uzbek", "baloch", "mossi", "songhai", "zarma")

// peopleRun reports whether toks[s:e] name a people, a community or a
// nationality (communityWords, word by word, with peoples).
func peopleRun(toks []token, s, e int) bool {
	for k := s; k < e; k++ {
		if !peoples[toks[k].low] && !communityWords(toks, k, k+1) {
			return false
		}
	}
	return e > s
}

// groupCueNouns name an armed group's people after its name: "M23
// rebels", "Al-Shabaab fighters".
var groupCueNouns = set("fighters", "militants", "rebels", "insurgents", "jihadists", "militiamen", "gunmen", "combatants",
	// "the Kraze Baryè gang", "the Twirwaneho militia": a gang or militia
	// named by its name.
	"gang", "militia")

// groupWords are capitalised words before a noun for fighters that name
// no group: kinds, creeds, sides and offices ("Opposition fighters",
// "Sunni militants", "Government troops", "Islamist rebels").
var groupWords = set("government", "opposition", "rebel", "rebels", "islamist", "islamists", "jihadist", "jihadi", "sunni", "shia", "shiite", "shi'ite", "tribal", "local", "foreign", "armed", "pro-government", "anti-government", "regime", "militia", "syrian", "kurdish", "arab", "druze", "alawite", "christian", "turkmen", "yazidi", "muslim", "allied", "enemy", "loyalist", "separatist", "insurgent", "terrorist", "terrorists", "militant", "hardline", "suspected", "unidentified", "unknown", "masked", "some", "several", "many", "dozens", "hundreds", "thousands", "the", "these", "those", "other", "more", "two", "three", "four", "five")

// namedGroupRun reports whether toks[s:e], before a noun for fighters, is
// a name the gazetteer lacks: capitalised words, none a kind, a creed, a
// side, a nationality, a place or an entity already found.
func (d *docState) namedGroupRun(toks []token, ms []mention, s, e int) bool {
	if e-s > 4 {
		return false
	}
	for k := s; k < e; k++ {
		t := &toks[k]
		if t.kind != tWord || !t.cap || groupWords[t.low] || e-s == 1 && demonymLike(t.low) || strings.Contains(t.low, "-") && demonymLike(t.low) || notNames[t.low] || personTitles[t.low] || monthTok(t) > 0 || isWeekday(t.low) || d.stateOfAdjective(t.text) != "" || nationality[t.low] || coveredBy(ms, k) >= 0 || strings.HasSuffix(t.low, "'s") {
			return false
		}
	}
	return true
}

// facilityWords end the names of buildings and sites, not places: "the
// Lataminah Surgical Hospital, in Hama".
var facilityWords = set("hospital", "school", "mosque", "market", "clinic", "university", "college",
	"academy", "prison", "base", "airport", "station", "centre", "center", "building", "church",
	"bakery", "hotel", "stadium", "factory", "camp", "office", "headquarters", "court", "bank", "port")

// siteWords are the buildings and sites an attack is told at, with the
// town after them: "a mosque in Maiduguri". (Not a hospital or a clinic:
// "taken to a hospital in Antakya" tells where the wounded went.)
var siteWords = set("mosque", "market", "school", "church", "bakery", "camp")

// siteBefore reports whether a building or a site (siteWords, in lower
// case) stands within three words before p: "a mosque in", "the crowded
// market in", "a camp for displaced people in".
func siteBefore(toks []token, p int) bool {
	for k := p - 1; k >= 0 && k >= p-5; k-- {
		if toks[k].kind == tPunct {
			return false
		}
		if siteWords[toks[k].low] && !toks[k].cap {
			return true
		}
	}
	return false
}

// demonymLike reports whether a single capitalised word has the shape of
// a people's adjective the gazetteer may lack ("Chadian", "Sudanese",
// "Somali"), or joins one to a word of allegiance ("Iranian-backed",
// "Turkish-affiliated"): no group's name.
func demonymLike(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i > 0 {
		switch w[i+1:] {
		case "backed", "affiliated", "led", "aligned", "allied", "supported", "linked", "based", "held", "funded", "trained", "sponsored", "controlled":
			return true
		}
	}
	for _, suf := range []string{"ian", "ean", "ese", "ish"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return strings.HasSuffix(w, "i") && !strings.Contains(w, "-")
}

// placedInArea reports whether the words from e place what comes before
// them in an area: ", in" or "in", an article, then a place's mention or
// an administrative area's name ("in Unity State", "in the Lower
// Shabelle region", ", North Kivu province").
func (d *docState) placedInArea(toks []token, ms []mention, e int) bool {
	k := e
	if k < len(toks) && isPunct(&toks[k], ",") {
		k++
	}
	if k < len(toks) && toks[k].low == "in" {
		k++
	} else if k == e {
		return false
	}
	if k < len(toks) && toks[k].low == "the" {
		k++
	}
	if placeWithin(ms, k, 1) {
		return true
	}
	n := k
	for n < len(toks) && n < k+4 && toks[n].kind == tWord && toks[n].cap {
		n++
	}
	if n > k && n < len(toks) && !toks[n].cap && (toks[n].low == "region" || toks[n].low == "district") {
		return true // "in the Lower Shabelle region"
	}
	return n > k && d.adminUnit(toks, k, n) != ""
}

// knownPlace returns the gazetteer's place of a name the text marks as a
// place, written in another transliteration, or nil. States and
// governorates are left out: a village's name that folds to one is
// another place. So is a place far from the local places the text names
// (gazetteer.OutOfContext): "al-Rawda" in a report on Wadi Barada is not
// Rada'a in Yemen.
func (d *docState) knownPlace(name string) *graph.Entity {
	for _, e := range d.g.Lookup(name) {
		if e.Kind != graph.KindPlace || d.g.OutOfContext(e, d.gaz) {
			continue
		}
		switch e.PlaceType {
		case "country", "governorate", "region", "":
			return nil
		}
		return e
	}
	return nil
}

// listedWithPlace reports whether the capitalised run toks[s:e], which the
// gazetteer lacks, is listed with a town or a smaller place it knows:
// "in Hajin and al-Bahrah", "the shelter centres of al-Kiswah and
// Harjalleh", "Kafr Nabl, Maarshurin and Khan Sheikhoun". A comma alone
// lists it only inside a list ("In Douma, Abu Adnan said" names a
// person); a name that is no place (a month, a title, a state's
// adjective, a kind of organisation, a common noun at a sentence's start)
// is never listed.
func (d *docState) listedWithPlace(toks []token, ms []mention, s, e int) bool {
	if s == 0 && e-s == 1 && !articleName(&toks[s]) {
		return false
	}
	if !d.plainNameRun(toks, s, e) {
		return false
	}
	// "Liwa Shuhada al-Islam", "Jaysh al-Izza": Arabic names of groups put
	// their kind first.
	if orgCueKind(toks[e-1].low) != "" || orgCueKind(toks[s].low) != "" {
		return false
	}
	if e < len(toks) && toks[e].kind == tWord && !toks[e].cap && (forcesNouns[toks[e].base] || oppositionNouns[toks[e].base] || oppositionHeads[toks[e].base] || targetNouns[toks[e].low] || notPlaceAfter[toks[e].low]) {
		return false
	}
	sep := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		if toks[k].low == "and" || isPunct(&toks[k], ",") {
			return toks[k].text
		}
		return ""
	}
	// A place matched inside a longer name ("al-Sham" in "Ajnad al-Sham")
	// lists nothing.
	whole := func(ti int) bool {
		return ti == 0 || toks[ti-1].kind != tWord || !toks[ti-1].cap && !articleName(&toks[ti-1])
	}
	listed := func(ti, tj int) bool {
		for _, m := range ms {
			if m.ti == ti && m.tj == tj && m.ent.Kind == graph.KindPlace && settlementTypes[m.ent.PlaceType] && whole(ti) {
				return true
			}
		}
		return false
	}
	placeAt := func(ti int) (int, bool) {
		for _, m := range ms {
			if m.ti == ti && m.ent.Kind == graph.KindPlace && settlementTypes[m.ent.PlaceType] && (m.tj >= len(toks) || toks[m.tj].kind != tWord || !toks[m.tj].cap) {
				return m.tj, true
			}
		}
		return 0, false
	}
	// Before a known place: "X and Y", "X, Y and Z".
	if sp := sep(e); sp != "" {
		k := e + 1
		if k < len(toks) && toks[k].low == "nearby" {
			k++
		}
		if tj, ok := placeAt(k); ok && (sp == "and" || sep(tj) != "") {
			return true
		}
	}
	// After a known place: "Y and X", "Y, X and Z".
	if sp := sep(s - 1); sp != "" || s >= 2 && toks[s-1].low == "nearby" && sep(s-2) == "and" {
		k := s - 1
		if sp == "" {
			k--
			sp = "and"
		}
		for _, m := range ms {
			if m.tj == k && listed(m.ti, m.tj) && (sp == "and" || sep(e) != "") {
				return true
			}
		}
	}
	return false
}

// settlementTypes are the kinds of place a list of unknown names shares
// with: towns and smaller, not states or provinces ("Turkey and Rojava").
var settlementTypes = set("city", "town", "village", "neighbourhood", "district", "camp")

// articleName reports a word written with an Arabic article before a
// capital: "al-Izza", "ash-Sham", "el-Kusur".
func articleName(t *token) bool {
	if t.kind != tWord || t.cap {
		return false
	}
	i := strings.IndexByte(t.text, '-')
	if i < 1 || i > 3 || i+1 >= len(t.text) {
		return false
	}
	switch t.text[:i] {
	case "al", "el", "ad", "ash", "as", "ar", "at", "az", "an", "adh", "ath", "ed", "es", "et":
	default:
		return false
	}
	c := t.text[i+1]
	return c >= 'A' && c <= 'Z'
}

// plainNameRun reports whether every token of toks[s:e] is a word that
// may be part of a place's name: no function word, title, month,
// weekday, possessive or state's adjective.
func (d *docState) plainNameRun(toks []token, s, e int) bool {
	for k := s; k < e; k++ {
		t := &toks[k]
		if t.kind != tWord || notNames[t.low] || personTitles[t.low] || monthTok(t) > 0 || isWeekday(t.low) || strings.HasSuffix(t.low, "'s") || d.stateOfAdjective(t.text) != "" {
			return false
		}
	}
	return true
}

// eventPlaceSlot reports whether the capitalised run toks[s:e], which the
// gazetteer lacks, stands where an event's place stands: after an event
// word and a preposition of place ("a chlorine attack on Kabani", "the
// siege of Tal Hadiya", "clashes near Umm Batinah") or as the object of a
// verb of capture or attack ("seized Kabani", "shelled Tal Hadiya"). An
// adjective before a noun ("an attack on Kurdish positions"), a state's
// adjective, a month or a weekday is no place.
func (d *docState) eventPlaceSlot(toks []token, s, e int) bool {
	if s < 1 {
		return false
	}
	if !d.plainNameRun(toks, s, e) {
		return false
	}
	if orgCueKind(toks[e-1].low) != "" || e-s == 1 && strings.HasSuffix(toks[s].low, "s") {
		return false
	}
	if e < len(toks) && toks[e].kind == tWord && !toks[e].cap && (forcesNouns[toks[e].base] || oppositionNouns[toks[e].base] || oppositionHeads[toks[e].base] || targetNouns[toks[e].low] || notPlaceAfter[toks[e].low]) {
		return false
	}
	prev := toks[s-1].low
	if placeObjectVerbs[prev] {
		return true
	}
	// "a roadside bomb planted near Suleiman Beg", "strikes around
	// Mishtenur": prepositions of nearness take places only.
	if nearness[prev] && !toks[s-1].cap {
		return true
	}
	if !locative[prev] && prev != "of" || s < 2 {
		return false
	}
	w := toks[s-2].low
	return airCues[w] || strikeCues[w] || shellingCues[w] || siegeCues[w] || captureCues[w] || attackCues[w] || explosionCues[w] || evacuationCues[w] || campaignCues[w] || eventNouns[w] || harmVerbs[w]
}

// harmVerbs, before "in" or "at" and a name, make the name the place of
// the harm: "51 people had been killed in Dahian", "missiles fired at
// Jizan".
var harmVerbs = set("killed", "wounded", "injured", "died", "fired", "launched", "massacred", "executed")

// fallenAfter reports whether the capitalised run toks[s:e] is the subject
// of a fall in war: "Qarqour fell to the insurgents", "denied that Furaykah
// had fallen". A name at a sentence's start, a month, a weekday, a state's
// adjective or a title is none.
func (d *docState) fallenAfter(toks []token, s, e int) bool {
	if s < 1 || e >= len(toks) {
		return false
	}
	if !d.plainNameRun(toks, s, e) {
		return false
	}
	if orgCueKind(toks[e-1].low) != "" {
		return false
	}
	switch toks[e].low {
	case "fell":
		return e+1 < len(toks) && (toks[e+1].low == "to" || toks[e+1].low == "on" || toks[e+1].low == "after")
	case "had", "has":
		return e+1 < len(toks) && toks[e+1].low == "fallen"
	}
	return false
}

var (
	// placeObjectVerbs take a place as their object: "seized Kabani".
	placeObjectVerbs = set("captured", "seized", "recaptured", "retook", "retaken", "besieged", "encircled",
		"stormed", "entered", "shelled", "bombed", "overran", "liberated", "bombarded", "pounded",
		// "the alliance has taken Furaykah", "it took Hulaysah".
		"taken", "took")
	// eventNouns name fighting without a type of their own.
	eventNouns = set("fighting", "clashes", "advance", "push", "incursion", "battles", "assault", "offensive")
	// notPlaceAfter follow a capitalised adjective, not a place name.
	notPlaceAfter = set("areas", "villages", "towns", "targets", "posts", "militia", "militias",
		"civilians", "families", "residents", "cells", "side", "regime", "government", "group",
		"people", "population", "communities", "forces", "territory", "territories")
)

// nearness are prepositions of place that take places only: "near X",
// "outside X", "around X" (not "in", "at", "from": "in March", "at
// Reuters", "from Moscow's point of view").
var nearness = set("near", "outside", "around", "nearby")

var locative = set("in", "near", "at", "from", "on", "to", "outside", "around", "into", "towards", "toward")

// toponymHeads are Arabic words for kinds of place that begin place names,
// with the place type they give: "Kafr Zita", "Tal Rifaat", "Deir Hafer",
// "Ain al-Fijah", "Wadi Barada", "Jabal al-Zawiya", "Bir Ajam".
var toponymHeads = map[string]string{
	"kafr": "village", "kfar": "village", "tal": "village", "tell": "village", "tall": "village",
	"deir": "village", "dayr": "village", "ain": "village", "ayn": "village",
	"khirbet": "village", "khirbat": "village", "bir": "village", "beir": "village",
	"beit": "village", "bayt": "village", "marj": "village", "maarat": "town", "maaret": "town",
	"wadi": "landmark", "jabal": "landmark", "jebel": "landmark", "dahr": "landmark",
	"jurud": "landmark", "qalaat": "town", "qal'at": "town", "ras": "town",
	"bab": "neighbourhood", "souq": "neighbourhood", "suq": "neighbourhood",
}

// placeNouns name kinds of place, with the place type they give.
var placeNouns = map[string]string{
	"village": "village", "town": "town", "city": "city", "neighbourhood": "neighbourhood",
	"neighborhood": "neighbourhood", "district": "district", "camp": "camp",
	// Mali's and Nigeria's districts: "the cercle of Douentza", "Jere
	// LGA".
	"cercle": "district", "lga": "district",
	"quarter": "neighbourhood", "suburb": "town", "area": "town", "hamlet": "village",
	"settlement": "village", "locality": "village",
	// Landmarks named by their kind after the name: "the Maryam Beg
	// bridge", "Mishtenur hill", "the Baba Gurgur oilfield".
	"bridge": "landmark", "hill": "landmark", "oilfield": "landmark",
	// "the Beir Kusa farms", "the heights of Dahr al-Hawa".
	"farms": "village", "heights": "landmark",
	// Front lines and checkpoints named after the place they hold ("the
	// Atshan front", "the al-Ta'ala checkpoint"), and a region named by its
	// town ("the region of Rawa").
	"front": "village", "checkpoint": "landmark", "region": "town",
	// The Congo's territories, francophone communes and departments,
	// counties and municipalities, in lower case: "Kamonia territory",
	// "the commune of Toucountouna", "Lofa county".
	"territory": "district", "commune": "district", "department": "governorate",
	"county": "district", "municipality": "district",
}

// campKinds, before "camp" or "site" and "at" or "of" a name, make the
// name a camp for displaced people or refugees: "the displacement site at
// Plaine Savo". (A name before "displacement camp" is left as it was: a
// camp the gazetteer lacks, placed in no town, kept accounts that name its
// town apart.)
var campKinds = set("displacement", "idp", "idps", "refugee", "refugees", "displaced")

// flightVerbs, before "to" or "towards" and a name, make the name where
// people fled or were moved: "families fled towards Bagasola".
var flightVerbs = set("fled", "flee", "flees", "fleeing", "displaced", "evacuated", "relocated", "returned", "returning")

// roadNouns, before "between" and two names, make the names the road's
// two ends: "the road between Ngouboua and Kaiga".
var roadNouns = set("road", "route", "highway", "axis", "stretch", "track")

// adminSuffixes end the name of an administrative area the gazetteer may
// lack: "Unity State", "Rakhine State", and, in lower case after the
// name, "North Kivu province". ("Region" names commands and zones as often:
// "the Euphrates Region"; a lower-case "region" is read as before.)
var adminSuffixes = map[string]string{
	"state": "governorate", "province": "governorate", "lga": "district",
	"governorate": "governorate", "prefecture": "governorate",
}

// adminWords open names that end in "State" and are no area: "Islamic
// State", "Member State", "Arab State".
var adminWords = set("islamic", "member", "arab", "union", "united", "sovereign", "secretary", "head", "minister", "ministry", "department", "security", "deep", "jewish", "caliphate", "federal", "nation", "police")

// unitWords make an area's name a military or security command's.
var unitWords = set("military", "operations", "operational", "command", "security", "police", "sector", "naval", "air")

// adminUnit returns the place type of an administrative area named by a
// name and its kind, "Unity State", "North Kivu province": capitalised
// words, then the kind (capitalised inside the run, or in lower case right
// after it); "" for anything else.
func (d *docState) adminUnit(toks []token, s, e int) string {
	if e-s < 1 || e-s > 4 || adminWords[toks[s].low] {
		return ""
	}
	for k := s; k < e; k++ {
		if unitWords[toks[k].low] {
			return "" // "the Western Military Region", "Operations Region"
		}
	}
	last := e - 1
	kind := ""
	// "Jere Local Government Area", Nigeria's district.
	if e-s >= 4 && toks[e-3].low == "local" && toks[e-2].low == "government" && toks[e-1].low == "area" {
		return "district"
	}
	if e-s >= 2 && toks[last].cap && adminSuffixes[toks[last].low] != "" {
		kind = adminSuffixes[toks[last].low]
		last--
	} else if e < len(toks) && !toks[e].cap {
		// (A lower-case "region" or "district" after a town names the
		// area around it, and is no kind here: read as before.)
		kind = adminSuffixes[toks[e].low]
		if toks[e].low == "state" && (e+1 < len(toks) && (toks[e+1].low == "of" || toks[e+1].kind == tWord && !toks[e+1].cap)) {
			kind = "" // "the Islamist state of", "a state media report"
		}
	}
	if kind == "" {
		return ""
	}
	for k := s; k <= last; k++ {
		if toks[k].kind != tWord || !toks[k].cap || notNames[toks[k].low] || personTitles[toks[k].low] || monthTok(&toks[k]) > 0 || isWeekday(toks[k].low) || d.stateOfAdjective(toks[k].text) != "" {
			return ""
		}
	}
	return kind
}

// placeNounAround returns the place type of a name the text gives a kind:
// "the village of X", "the town of X", "X neighbourhood" (lower case).
func (d *docState) placeNounAround(toks []token, s, e int) string {
	if pt := d.adminUnit(toks, s, e); pt != "" {
		return pt
	}
	if s >= 2 && toks[s-1].low == "of" {
		if pt, ok := placeNouns[toks[s-2].low]; ok && !toks[s-2].cap {
			return pt
		}
	}
	// "the outskirts of X", "the checkpoint at X", "from the direction of
	// X": nouns of a place's edge or a post in it, before "of" or "at".
	if s >= 2 && (toks[s-1].low == "of" || toks[s-1].low == "at") && !toks[s-2].cap {
		switch toks[s-2].low {
		case "population", "inhabitants", "residents":
			// "against the population of Pont-Sondé": where people live.
			if toks[s-1].low == "of" && !communityWords(toks, s, e) && d.plainNameRun(toks, s, e) {
				return "town"
			}
		case "outskirts", "checkpoint", "outpost":
			return "town"
		case "market":
			// "the crowded market of Dahyan": the town whose market it is.
			if toks[s-1].low == "of" {
				return "village"
			}
		case "direction":
			if toks[s-1].low == "of" && s >= 4 && toks[s-3].low == "the" && toks[s-4].low == "from" {
				return "town"
			}
		}
	}
	if e < len(toks) && !toks[e].cap && !communityWords(toks, s, e) {
		// "the al-Kashef neighbourhood of Daraa": a part of a city named
		// with the city it lies in.
		if pt, ok := placeNouns[toks[e].low]; ok && (e+1 >= len(toks) || toks[e+1].low != "of" || pt == "neighbourhood" || pt == "district") {
			return pt
		}
		// "the al-Hadhba area of Tripoli": an articled name given as an
		// area of a place is a quarter of it.
		if toks[e].low == "area" && e+1 < len(toks) && toks[e+1].low == "of" && articleName(&toks[s]) {
			return "neighbourhood"
		}
	}
	if pt := appositivePlace(toks, e); pt != "" {
		return pt
	}
	if s >= 3 && (toks[s-1].low == "at" || toks[s-1].low == "of") && (toks[s-2].low == "site" || toks[s-2].low == "camp") && campKinds[toks[s-3].low] {
		return "camp" // "the displacement site at Plaine Savo"
	}
	if s >= 2 && (toks[s-1].low == "to" || toks[s-1].low == "towards" || toks[s-1].low == "toward") && flightVerbs[toks[s-2].low] && !communityWords(toks, s, e) {
		return "town" // "families fled towards Bagasola"
	}
	if s >= 2 && toks[s-1].low == "between" && roadNouns[toks[s-2].low] && e+1 < len(toks) && toks[e].low == "and" && toks[e+1].cap {
		return "town" // "the road between Ngouboua and Kaiga"
	}
	if s >= 4 && toks[s-1].low == "and" && toks[s-2].cap {
		// The road's other end: "between Ngouboua and Kaiga".
		for k := s - 2; k >= 1 && k >= s-5 && toks[k].cap && toks[k].kind == tWord; k-- {
			if toks[k-1].low == "between" && k >= 2 && roadNouns[toks[k-2].low] {
				return "town"
			}
		}
	}
	// A list under a plural kind: "the neighbourhoods of al-Midan,
	// al-Sulaymaniyah and al-Jamiliyah", "the al-Hamidiyah and al-Arfi
	// neighbourhoods".
	k := s - 1
	for n := 0; n < 6 && k >= 1 && (isPunct(&toks[k], ",") || toks[k].low == "and"); n++ {
		k--
		for k >= 0 && toks[k].kind == tWord && (toks[k].cap || articleName(&toks[k])) {
			k--
		}
	}
	if k >= 1 && toks[k].low == "of" {
		if pt, ok := pluralPlaceNouns[toks[k-1].low]; ok {
			return pt
		}
	}
	k = e
	for n := 0; n < 6 && k+1 < len(toks) && (isPunct(&toks[k], ",") || toks[k].low == "and"); n++ {
		k++
		for k < len(toks) && toks[k].kind == tWord && (toks[k].cap || articleName(&toks[k])) {
			k++
		}
	}
	if k < len(toks) && k > e {
		if pt, ok := pluralPlaceNouns[toks[k].low]; ok {
			return pt
		}
	}
	if s >= 2 && toks[s-1].low == "of" {
		if pt, ok := pluralPlaceNouns[toks[s-2].low]; ok {
			return pt
		}
	}
	if e < len(toks) {
		if pt, ok := pluralPlaceNouns[toks[e].low]; ok && s >= 2 && (toks[s-1].low == "and" || isPunct(&toks[s-1], ",")) {
			return pt
		}
	}
	// Examples of a plural kind: "the Turkmen villages of the region,
	// including Gammam", "several towns such as Kafr Nabl".
	if s >= 2 && (toks[s-1].low == "including" || toks[s-1].low == "as" && toks[s-2].low == "such") {
		for k := s - 2; k >= 0 && k >= s-10; k-- {
			if pt, ok := pluralPlaceNouns[toks[k].low]; ok {
				return pt
			}
			if isPunct(&toks[k], ".") || isPunct(&toks[k], ";") || toks[k].kind == tWord && finiteVerb(toks[k].low) {
				break
			}
		}
	}
	return ""
}

// appositivePlace returns the place type of a name placed by what follows
// it after a comma: a bearing from another place ("Tal Hamis, south of
// Qamishli", "Umm Rumman, 12 km east of the city") or a kind of place
// with where it lies ("Khirbet Ghazaleh, a village near Daraa"). A kind
// that goes on as a noun phrase ("Ahmad, a town councillor") is no
// apposition of place.
func appositivePlace(toks []token, e int) string {
	if e+2 >= len(toks) || !isPunct(&toks[e], ",") {
		return ""
	}
	k := e + 1
	if toks[k].kind == tNum && k+2 < len(toks) && distanceUnits[toks[k+1].low] {
		k += 2
	}
	if compassPoints[toks[k].low] && k+1 < len(toks) && toks[k+1].low == "of" {
		return "town"
	}
	if toks[k].low != "a" && toks[k].low != "an" {
		return ""
	}
	for n := k + 1; n < len(toks) && n <= k+3; n++ {
		pt, ok := placeNouns[toks[n].low]
		if !ok || toks[n].cap {
			continue
		}
		if n+1 == len(toks) || toks[n+1].kind == tPunct || locative[toks[n+1].low] || compassPoints[toks[n+1].low] || toks[n+1].low == "of" {
			return pt
		}
		return ""
	}
	return ""
}

var (
	// compassPoints are bearings that take "of": "south of Kobani".
	compassPoints = set("north", "south", "east", "west", "northeast", "northwest", "southeast",
		"southwest", "north-east", "north-west", "south-east", "south-west")
	// distanceUnits measure a bearing: "20 km south of".
	distanceUnits = set("km", "kilometres", "kilometers", "miles", "kilometre", "kilometer", "mile")
)

// pluralPlaceNouns name kinds of place over a list of names.
var pluralPlaceNouns = map[string]string{
	"villages": "village", "towns": "town", "neighbourhoods": "neighbourhood",
	"neighborhoods": "neighbourhood", "districts": "district", "quarters": "neighbourhood",
	"cities": "city", "camps": "camp", "fronts": "neighbourhood", "farms": "village",
}

func overlapsAny(ms []mention, s, e int) bool {
	for _, m := range ms {
		if m.ti < e && m.tj > s {
			return true
		}
	}
	return false
}

// personBySurname returns the person already named in the document whose
// last name is w.
func (d *docState) personBySurname(w string) *graph.Entity {
	fw := gazetteer.FoldKey(w)
	if len(fw) < 3 {
		return nil
	}
	return d.surnames[fw]
}

// notePerson records a person's surname for later references.
func (d *docState) notePerson(e *graph.Entity) {
	if e.Kind != graph.KindPerson {
		return
	}
	ws := splitWords(gazetteer.FoldKey(e.Name))
	if len(ws) > 1 {
		if d.surnames == nil {
			d.surnames = map[string]*graph.Entity{}
		}
		d.surnames[ws[len(ws)-1]] = e
	}
}

// isAuthorName reports whether a name of two or more words is the
// author's name or part of it ("the Joint Operations Command" in a
// statement by the "Iraqi Joint Operations Command").
func (d *docState) isAuthorName(name string) bool {
	if d.author == nil {
		return false
	}
	fn := gazetteer.FoldKey(name)
	if len(splitWords(fn)) < 2 {
		return false
	}
	for _, n := range append([]string{d.author.Name}, d.author.Aliases...) {
		fa := gazetteer.FoldKey(n)
		// An author the caller describes in common words ("news agency")
		// is no part of a name ("the News Agency of Nigeria").
		if n == strings.ToLower(n) {
			if fa == fn {
				return true
			}
			continue
		}
		if strings.Contains(" "+fa+" ", " "+fn+" ") || strings.Contains(" "+fn+" ", " "+fa+" ") {
			return true
		}
	}
	return false
}

// overlapsActor reports whether a gazetteer mention other than a place
// lies within tokens [s, e): the gazetteer's name wins over a guess.
func overlapsActor(ms []mention, s, e int) bool {
	for _, m := range ms {
		if m.ent.Kind != graph.KindPlace && m.ti < e && m.tj > s {
			return true
		}
	}
	return false
}

// replaceRange adds m, dropping mentions inside it (the place "Deir Ezzor"
// inside the outlet "Deir Ezzor 24 network").
func replaceRange(ms []mention, m mention, toks []token) []mention {
	out := ms[:0]
	for _, x := range ms {
		if x.ti >= m.ti && x.tj <= m.tj {
			continue
		}
		out = append(out, x)
	}
	return append(out, m)
}

var directions = set("northern", "southern", "eastern", "western", "north", "south",
	"east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
	"north-eastern", "north-western", "south-eastern", "south-western",
	"central")

// partOfCityBefore reports whether the city at ms[k], after a direction,
// places a part of it named just before: "Yarmouk, in southern Damascus",
// "the camp of Yarmouk in southern Damascus" is the south of the city, not
// of its governorate.
func partOfCityBefore(g *gazetteer.Gazetteer, ms []mention, k int, toks []token) bool {
	m := &ms[k]
	for p := k - 1; p >= 0; p-- {
		q := &ms[p]
		if q.ent.Kind != graph.KindPlace || q.tj > m.ti {
			continue
		}
		if m.ti-q.tj > 5 {
			return false
		}
		for n := q.tj; n < m.ti; n++ {
			if isPunct(&toks[n], ".") || isPunct(&toks[n], ";") {
				return false
			}
		}
		return q.ent.ID != m.ent.ID && g.Within(q.ent.ID, m.ent.ID)
	}
	return false
}

// govAround are the nouns for the land around a city: "the countryside of
// Hama", "the desert of Deir ez-Zor", "the Kessab region of Latakia".
var govAround = set("countryside", "countrysides", "desert", "region")

// governorates reads "the northern countryside of Hama", "southern Idlib",
// "rural Damascus": a city named with a direction or "countryside" stands
// for its governorate.
func (d *docState) governorates(toks []token, ms []mention) []mention {
	for k := range ms {
		m := &ms[k]
		// "the western Ghouta": the region the gazetteer names with the
		// direction ("Western Ghouta"), not the one the bare word stands
		// for.
		if m.ent.Kind == graph.KindPlace && m.ti > 0 && directions[toks[m.ti-1].low] && !toks[m.ti-1].cap {
			w := toks[m.ti-1].low
			if e := d.lookup(strings.ToUpper(w[:1])+w[1:]+" "+d.text[m.s:m.e], graph.KindPlace); e != nil && e.ID != m.ent.ID && e.PlaceType == "region" {
				m.ent, m.s, m.ti = e, toks[m.ti-1].s, m.ti-1
				continue
			}
		}
		if m.ent.Kind != graph.KindPlace || m.ent.PlaceType != "city" || m.ent.Within == nil {
			continue
		}
		gov, ok := d.g.Entity(*m.ent.Within)
		if !ok || gov.PlaceType != "governorate" {
			continue
		}
		// Only the city a governorate is named after stands for it: "the
		// Idlib countryside" is the governorate's, "the Kobani countryside"
		// the town's own.
		if !strings.Contains(gazetteer.FoldKey(gov.Name), gazetteer.FoldKey(m.ent.Name)) {
			continue
		}
		// "Idlib:" opening a line, a round-up's section head: the
		// governorate, when the governorate is the city's countryside
		// (Damascus's countryside is another governorate, Rif Dimashq).
		if m.ti == 0 && m.tj < len(toks) && isPunct(&toks[m.tj], ":") && (m.s == 0 || d.text[m.s-1] == '\n') && countrysideOf(gov) {
			m.ent = gov
			continue
		}
		if m.ti == 0 {
			continue
		}
		p := m.ti - 1
		if toks[p].low == "of" && p > 0 && govAround[toks[p-1].low] {
			m.ent = d.countryside(m.ent, gov, toks[p-1].low)
			continue
		}
		if toks[p].low == "rural" {
			m.ent = d.countryside(m.ent, gov, "countryside")
			continue
		}
		// ("central Baghdad" is the city's centre, not its governorate;
		// so is "the Dasht-e-Barchi neighbourhood of western Kabul".)
		if directions[toks[p].low] && toks[p].low != "central" && !toks[p].cap && !partOfCityBefore(d.g, ms, k, toks) && !(p >= 2 && toks[p-1].low == "of" && cityQuarterNouns[toks[p-2].low]) {
			m.ent = gov
			continue
		}
		// "the Idlib countryside", "Idlib's southern countryside", "the
		// Deir ez-Zor desert".
		n := m.tj
		if n < len(toks) && directions[toks[n].low] && (strings.HasSuffix(toks[m.tj-1].low, "'s") || n+1 < len(toks) && toks[n+1].low == "countryside") {
			// "Idlib's southern countryside"; state media's "Daraa
			// western countryside".
			n++
		}
		// "the Idlib de-escalation zone" spans the governorate too.
		if n < len(toks) && (toks[n].low == "countryside" || toks[n].low == "desert" || toks[n].low == "de-escalation") {
			m.ent = d.countryside(m.ent, gov, toks[n].low)
			continue
		}
		// "the provinces of Hama, Idlib and Raqqa", "the countryside of
		// Latakia and Hama": cities listed after a plural governorate
		// word, or the land around them, and "of".
		listed := false
		for n := m.ti - 1; n > 0 && n >= m.ti-12; n-- {
			if toks[n].low == "of" && (toks[n-1].low == "governorates" || toks[n-1].low == "provinces" || govAround[toks[n-1].low]) {
				listed = true
				break
			}
			if !(isPunct(&toks[n], ",") || toks[n].low == "and" || toks[n].kind == tWord && (toks[n].cap || articleName(&toks[n]))) {
				break
			}
		}
		if listed {
			m.ent = gov
			continue
		}
		// "in Idlib and Hama governorates", "Hama and Latakia provinces":
		// cities listed under a plural governorate word.
		for n := m.tj; n < len(toks) && n < m.tj+8; n++ {
			if toks[n].low == "governorates" || toks[n].low == "provinces" {
				m.ent = gov
				break
			}
			if !(isPunct(&toks[n], ",") || toks[n].low == "and" || toks[n].kind == tWord && (toks[n].cap || articleName(&toks[n]))) {
				break
			}
		}
	}
	return ms
}

// quarterNouns name a part of a city.
// cityQuarterNouns name only a part of a city: "the X neighbourhood of
// western Kabul" is in the city ("the Balyun area of southern Idlib" is in
// the governorate).
var cityQuarterNouns = set("neighbourhood", "neighborhood", "quarter")

var quarterNouns = set("neighbourhood", "neighborhood", "district", "quarter", "area")

// namesakeCity returns the city the gazetteer knows by name inside
// governorate gov, the city a governorate is named after; nil if none.
func (d *docState) namesakeCity(name string, gov *graph.Entity) *graph.Entity {
	for _, e := range d.g.Lookup(name) {
		if e.Kind == graph.KindPlace && (e.PlaceType == "city" || e.PlaceType == "town") && d.g.Within(e.ID, gov.ID) {
			return e
		}
	}
	return nil
}

// cityQuarters reads "the al-Hal neighbourhood of Maarat al-Nu'man", "the
// al-Zahraa neighbourhood of Homs city": a name given as a quarter of the
// city named after it is a place in that city. When the gazetteer's place
// of that name lies elsewhere (al-Hol camp in Hasakah, the town of
// al-Zahraa near Aleppo), it is a homonym, and the quarter is a place of
// its own within the city.
func (d *docState) cityQuarters(toks []token, ms []mention) {
	for k := range ms {
		m := &ms[k]
		n := m.tj
		// (Not "the Homs neighbourhood of al-Zahraa": a city is no quarter.)
		if m.ent.Kind != graph.KindPlace || m.ent.PlaceType == "city" || m.ent.PlaceType == "governorate" {
			continue
		}
		// "Baghdad's Karrada district", "Aleppo's Sukkari": a place named
		// in the possessive of the city before it lies in that city.
		city := possessiveCity(toks, ms, m.ti)
		// "the Kafr Sousa and Bab Touma districts of Damascus": places
		// listed before a plural quarter noun and the city.
		if city == nil && !m.ent.Gazetteer {
			city = listQuarterCity(toks, ms, m.tj)
		}
		if city == nil && (n >= len(toks) || !quarterNouns[toks[n].low]) {
			continue
		}
		if city != nil {
			// Read below, as a quarter of the city, when the gazetteer
			// lacks it (a known place's homonym is read elsewhere).
			if m.ent.Gazetteer {
				continue
			}
		} else if n+2 < len(toks) && toks[n+1].low == "of" {
			ci := n + 2
			if toks[ci].low == "the" {
				ci++
			}
			// "the Karrada district of central Baghdad".
			if ci+1 < len(toks) && directions[toks[ci].low] && !toks[ci].cap {
				ci++
			}
			for q := range ms {
				if ms[q].ti == ci && ms[q].ent.Kind == graph.KindPlace && (ms[q].ent.PlaceType == "city" || ms[q].ent.PlaceType == "town") {
					city = ms[q].ent
				}
				// "the al-Hadba district of southern Tripoli": a
				// governorate read for a bearing is its city of the same
				// name when a quarter lies in it.
				if ms[q].ti == ci && ms[q].ent.Kind == graph.KindPlace && ms[q].ent.PlaceType == "governorate" {
					city = d.namesakeCity(d.text[ms[q].s:ms[q].e], ms[q].ent)
				}
			}
		} else if m.ent.Gazetteer {
			// "the Homs attack, in which car bombs hit the al-Zahra
			// district": the one city the sentence names, when the
			// gazetteer's place of the quarter's name lies outside its
			// governorate (a homonym; checked below).
			for q := range ms {
				e := ms[q].ent
				if q == k || e.Kind != graph.KindPlace || e.PlaceType != "city" || !e.Gazetteer {
					continue
				}
				if city != nil && city.ID != e.ID {
					city = nil
					break
				}
				city = e
			}
			if city != nil && d.sameGovernorate(m.ent, city) {
				continue
			}
		}
		if city == nil || !city.Gazetteer || m.ent.ID == city.ID {
			continue
		}
		id := city.ID
		if !m.ent.Gazetteer {
			// A quarter the gazetteer lacks lies in the city; a "district"
			// of a city is one of its quarters, below the city, not an
			// administrative district above it.
			if m.ent.Within == nil {
				m.ent.Within = &id
				if m.ent.PlaceType == "district" {
					m.ent.PlaceType = "neighbourhood"
				}
			}
			continue
		}
		if d.g.Within(m.ent.ID, city.ID) {
			continue
		}
		name := d.text[m.s:m.e]
		// Its id is the homonym's name with the city's, apart from the
		// homonym's, one for every spelling that finds the homonym
		// ("al-Zahraa", "al-Zahra"); its name is the homonym's, in the
		// gazetteer's spelling (the mention keeps the text's).
		e := d.newEntity(graph.KindPlace, m.ent.Name+", "+city.Name, nil, false)
		e.Name = m.ent.Name
		if name != m.ent.Name {
			e.Aliases = append(e.Aliases, name)
		}
		e.PlaceType = "neighbourhood"
		e.Within = &id
		m.ent = e
	}
}

// pluralQuarterNouns name parts of a city in the plural.
var pluralQuarterNouns = set("neighbourhoods", "neighborhoods", "districts", "quarters")

// listQuarterCity returns the city in "X and Y districts of Z", "X, Y and
// W neighbourhoods of Z" for a place of the list ending at token n:
// the places listed lie in the city (or town) Z. nil otherwise.
func listQuarterCity(toks []token, ms []mention, n int) *graph.Entity {
	for steps := 0; steps < 8 && n+1 < len(toks) && (toks[n].low == "and" || isPunct(&toks[n], ",")); steps++ {
		next := -1
		for q := range ms {
			if ms[q].ti == n+1 && ms[q].ent.Kind == graph.KindPlace {
				next = ms[q].tj
			}
		}
		if next < 0 {
			return nil
		}
		n = next
	}
	if n+2 >= len(toks) || !pluralQuarterNouns[toks[n].low] || toks[n+1].low != "of" {
		return nil
	}
	ci := n + 2
	if toks[ci].low == "the" {
		ci++
	}
	for q := range ms {
		if e := ms[q].ent; ms[q].ti == ci && e.Kind == graph.KindPlace && (e.PlaceType == "city" || e.PlaceType == "town") {
			return e
		}
	}
	return nil
}

// possessiveCity returns the city or town named in the possessive right
// before token ti ("Baghdad's" or "Baghdad 's"), else nil.
func possessiveCity(toks []token, ms []mention, ti int) *graph.Entity {
	for q := range ms {
		e := ms[q].ent
		if e.Kind == graph.KindPlace && (e.PlaceType == "city" || e.PlaceType == "town") && afterPossessive(toks, ms[q].tj) == ti {
			return e
		}
	}
	return nil
}

// afterPossessive returns the token after a name ending at token tj (its
// last token toks[tj-1]) in the possessive, "Baghdad's" or "Baghdad 's";
// -1 when the name is not in the possessive.
func afterPossessive(toks []token, tj int) int {
	switch {
	case tj < len(toks) && (toks[tj].low == "'s" || toks[tj].low == "\u2019s"):
		return tj + 1
	case tj > 0 && tj <= len(toks) && (strings.HasSuffix(toks[tj-1].low, "'s") || strings.HasSuffix(toks[tj-1].low, "\u2019s")):
		return tj
	}
	return -1
}

// countryside returns the governorate that "the countryside of" a city
// names: the city's own governorate, unless that governorate is the city
// alone and the gazetteer names another "<city> countryside" (Damascus's
// countryside is Rif Dimashq, not Damascus Governorate).
func (d *docState) countryside(city, gov *graph.Entity, word string) *graph.Entity {
	if word != "countryside" && word != "countrysides" || countrysideOf(gov) {
		return gov
	}
	if e := d.lookup(city.Name+" countryside", graph.KindPlace); e != nil && e.PlaceType == "governorate" && e.ID != gov.ID {
		return e
	}
	return gov
}

// sameGovernorate reports whether two gazetteer places lie in one
// governorate (or one is the other's).
func (d *docState) sameGovernorate(a, b *graph.Entity) bool {
	gov := func(e *graph.Entity) string {
		for n := 0; e != nil && n < 8; n++ {
			if e.PlaceType == "governorate" {
				return e.ID.String()
			}
			if e.Within == nil {
				return ""
			}
			w, ok := d.g.Entity(*e.Within)
			if !ok {
				return ""
			}
			e = w
		}
		return ""
	}
	ga := gov(a)
	return ga != "" && ga == gov(b)
}

// countrysideOf reports whether a governorate is named as a city's
// countryside ("Idlib countryside"), the land around the city that names
// it, not the city itself.
func countrysideOf(gov *graph.Entity) bool {
	for _, a := range gov.Aliases {
		if strings.HasSuffix(a, " countryside") {
			return true
		}
	}
	return false
}

// Place nouns that refer back to a place of that type.
var placeRefNouns = map[string][]string{
	"city":          {"city", "town"},
	"town":          {"town", "city"},
	"neighbourhood": {"neighbourhood", "district", "subdistrict"},
	"neighborhood":  {"neighbourhood", "district", "subdistrict"},
	"district":      {"neighbourhood", "district", "subdistrict"},
	"quarter":       {"neighbourhood", "district"},
	"village":       {"village", "town"},
	"governorate":   {"governorate"},
	"province":      {"governorate"},
	"camp":          {"camp"},
	"area":          {"city", "town", "village", "district", "neighbourhood"},
}

// spokenAt are the words just before "in" or "at" and a place that make it
// where someone spoke: "told reporters in Washington", "a news conference
// in Ankara", "speaking in Geneva".
var spokenAt = set("reporters", "journalists", "conference", "briefing", "speaking", "interview")

// spokenFrom reports whether the place at token ti is where a speaker
// spoke: no antecedent of "the area" or "the town", which tell of what
// happened.
func spokenFrom(toks []token, ti int) bool {
	if ti < 2 {
		return false
	}
	if calledFrom(toks, ti) {
		return true
	}
	if toks[ti-1].low != "in" && toks[ti-1].low != "at" {
		return false
	}
	return spokenAt[toks[ti-2].low]
}

// calledFrom reports whether the place at token ti is where a speaker
// called or spoke from: "he told the agency by telephone from Riyadh",
// "speaking from Geneva". It is never the place of what he tells of.
func calledFrom(toks []token, ti int) bool {
	if ti < 2 || toks[ti-1].low != "from" {
		return false
	}
	switch toks[ti-2].low {
	case "telephone", "phone", "speaking", "videolink":
		return true
	}
	return false
}

// placeRefs resolves "the city", "that city", "the neighbourhood" to the
// most recent place of that type, and records the places the segment names
// for later references.
func (d *docState) placeRefs(sg *segment, ms []mention) []mention {
	toks := sg.toks
	sort.Slice(ms, func(i, j int) bool { return ms[i].s < ms[j].s })
	next := 0
	var added []mention
	for i := 0; i+1 < len(toks); i++ {
		// Places named before this token become antecedents.
		for next < len(ms) && ms[next].ti <= i {
			if ms[next].ent.Kind == graph.KindPlace && !ms[next].ref && !ms[next].dl && !spokenFrom(toks, ms[next].ti) {
				d.notePlace(sg, ms[next].ent)
				d.notePassing(ms[next].ent, inPassing(toks, ms[next].ti) || betweenPlaces(toks, ms[next].ti))
			}
			next++
		}
		det := toks[i].low
		if det != "the" && det != "that" && det != "this" {
			continue
		}
		// "the Old City": the old city of the city the text is about,
		// when the gazetteer knows it ("Homs Old City").
		if det == "the" && i+2 < len(toks) && toks[i+1].text == "Old" && toks[i+2].text == "City" && !(i+3 < len(toks) && toks[i+3].low == "of") {
			k := coveredBy(ms, i+1)
			if k >= 0 && !((ms[k].ent.Kind == graph.KindUnclassified || d.newPlaces[keyOf(ms[k].ent.Name)] == ms[k].ent) && ms[k].ti == i+1 && ms[k].tj == i+3) {
				continue
			}
			if c := d.recentPlace(placeRefNouns["city"], false); c != nil {
				if e := d.lookup(c.Name+" Old City", graph.KindPlace); e != nil {
					m := mention{ent: e, s: toks[i+1].s, e: toks[i+2].e, ti: i + 1, tj: i + 3}
					if k >= 0 {
						ms[k] = m
					} else {
						added = append(added, m)
					}
				}
			}
			continue
		}
		n := i + 1
		types, ok := placeRefNouns[toks[n].low]
		if !ok {
			continue
		}
		if n+1 < len(toks) && toks[n+1].low == "of" || coveredBy(ms, n) >= 0 {
			continue // "the city of Raqqah": the name follows
		}
		if e := d.recentPlace(types, toks[n].low == "area"); e != nil {
			added = append(added, mention{ent: e, s: toks[i].s, e: toks[n].e, ti: i, tj: n + 1, ref: true})
		}
	}
	for ; next < len(ms); next++ {
		if ms[next].ent.Kind == graph.KindPlace && !ms[next].ref && !ms[next].dl && !spokenFrom(toks, ms[next].ti) {
			d.notePlace(sg, ms[next].ent)
			d.notePassing(ms[next].ent, inPassing(toks, ms[next].ti) || betweenPlaces(toks, ms[next].ti))
		}
	}
	return append(ms, added...)
}

// datelineDash returns the index of the dash that may end a wire dateline
// in the first words of a sentence, or -1.
func datelineDash(toks []token) int {
	for k := 1; k < len(toks) && k < 14; k++ {
		if t := &toks[k]; t.kind == tPunct && (t.text == "-" || t.text == "—" || t.text == "–") {
			return k
		}
	}
	return -1
}

// datelineSlot reports whether the capitalised run toks[s:e], which the
// gazetteer lacks, is the place of a wire dateline that opens a paragraph:
// "KHAN TOUMAN, Syria, May 6 (AFP) -", "Kafr Hamra, Aleppo province
// (Reuters) —". After the name comes a comma or a parenthesis, and before
// the dash only capitalised words, a date and an agency: no verb.
func datelineSlot(toks []token, s, e int) bool {
	dash := datelineDash(toks)
	if s != 0 || dash < 0 || e >= dash || e-s > 4 {
		return false
	}
	if t := &toks[e]; t.kind != tPunct || t.text != "," && t.text != "(" {
		return false
	}
	for k := s; k < e; k++ {
		if notNames[toks[k].low] || personTitles[toks[k].low] || monthTok(&toks[k]) > 0 || isWeekday(toks[k].low) {
			return false
		}
	}
	for k := e; k < dash; k++ {
		if toks[k].kind == tWord && !toks[k].cap && toks[k].low != "province" && placeNouns[toks[k].low] == "" {
			return false
		}
	}
	return true
}

// unshout writes a name set in capitals ("KHAN TOUMAN", a dateline's
// style) with initial capitals ("Khan Touman"); other names are kept.
func unshout(name string) string {
	if len(name) < 4 || strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return name
	}
	words := strings.Fields(strings.ToLower(name))
	for k, w := range words {
		// "AL-BAB" -> "al-Bab" inside a name, "Al-Bab" at its start.
		art, rest := "", w
		if h := strings.IndexByte(w, '-'); h >= 1 && h <= 3 && h+1 < len(w) {
			art, rest = w[:h+1], w[h+1:]
			if k == 0 {
				art = upperFirst(art)
			}
		} else if k > 0 && (w == "al" || w == "el") {
			continue
		}
		words[k] = art + upperFirst(rest)
	}
	return strings.Join(words, " ")
}

func upperFirst(w string) string {
	r := []rune(w)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// inlineDateline marks the place of a wire dateline that opens a sentence
// ("BEIRUT, March 15 (Reuters) - Air strikes ...", "Idlib (AFP) —"): it
// says where the reporter is, not where the event happened. The mention
// stays, marked; the place is the dateline, which "the city" may still
// refer to.
func (d *docState) inlineDateline(toks []token, ms []mention) []mention {
	dash := datelineDash(toks)
	if dash < 0 || len(ms) == 0 || ms[0].ti != 0 || ms[0].ent.Kind != graph.KindPlace {
		return ms
	}
	// Between the place and the dash only a date and an agency in
	// parentheses: no verb.
	for k := ms[0].tj; k < dash; k++ {
		if toks[k].kind == tWord && !toks[k].cap && finiteVerb(toks[k].low) {
			return ms
		}
	}
	if d.dateline == nil {
		d.dateline = ms[0].ent
		if d.doc.Dateline == "" {
			d.doc.Dateline = d.text[ms[0].s:ms[0].e]
		}
	}
	// The country after the city ("MANBIJ, Syria -") places the reporter
	// too: it is no party to what the sentence reports, so it is dropped,
	// or a state's name would stand for its army as the perpetrator.
	out := ms[:0]
	for k := range ms {
		if ms[k].ti < dash && ms[k].ent.Kind == graph.KindState && k > 0 {
			continue
		}
		if ms[k].ti < dash && ms[k].ent.Kind == graph.KindPlace {
			ms[k].dl = true
		}
		out = append(out, ms[k])
	}
	return out
}

func (d *docState) notePlace(sg *segment, e *graph.Entity) {
	if sg.meta == metaDateline {
		// Where the writer is: an antecedent only when nothing else is.
		if d.dateline == nil {
			d.dateline = e
		}
		return
	}
	for k, p := range d.lastPlaces {
		if p.ID == e.ID {
			d.lastPlaces = append(d.lastPlaces[:k], d.lastPlaces[k+1:]...)
			break
		}
	}
	d.lastPlaces = append(d.lastPlaces, e)
	if len(d.lastPlaces) > 16 {
		d.lastPlaces = d.lastPlaces[1:]
	}
}

// notePassing records whether a place was last named only in passing.
func (d *docState) notePassing(e *graph.Entity, passing bool) {
	if d.passing == nil {
		d.passing = map[uuid.UUID]bool{}
	}
	d.passing[e.ID] = passing
}

// betweenPlaces reports whether the place at ti is one end of "between X
// and Y": a landmark for what lies between, which "the town" later does
// not refer to (an event "on the road between Idlib and Binnish" still
// has its place).
func betweenPlaces(toks []token, ti int) bool { return wordBefore(toks, ti, 6, "between") }

// inPassing reports whether the place named at token ti is named in
// passing, as a direction or a destination rather than where things
// happen: "withdrew towards (the town of) Azaz", "10 km north of Azaz",
// "buses bound for Idlib" (but "in the east of al-Mayadin" is in it).
func inPassing(toks []token, ti int) bool {
	k := ti - 1
	if k >= 2 && toks[k].low == "of" && placeNouns[toks[k-1].low] != "" {
		k -= 2
	}
	for k >= 0 && (toks[k].low == "the" || toks[k].low == "rebel-held" || toks[k].low == "government-held" || directions[toks[k].low]) {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].low {
	case "to", "towards", "toward", "via", "past", "reach", "reached", "for":
		return true
	case "of":
		return k > 1 && (directions[toks[k-1].low] && toks[k-2].low != "the" || toks[k-1].low == "km" || toks[k-1].low == "kilometres" || toks[k-1].low == "kilometers" || toks[k-1].low == "miles")
	}
	return false
}

// recentPlace returns the most recently named place of one of the types,
// preferring the types in order unless anyType ("the area": whichever was
// named last), and places named where things happen over places named in
// passing ("towards Azaz"); the dateline's place only when the text named
// none.
func (d *docState) recentPlace(types []string, anyType bool) *graph.Entity {
	for _, allowPassing := range []bool{false, true} {
		if anyType {
			for k := len(d.lastPlaces) - 1; k >= 0; k-- {
				for _, t := range types {
					if d.lastPlaces[k].PlaceType == t && (allowPassing || !d.passing[d.lastPlaces[k].ID]) {
						return d.lastPlaces[k]
					}
				}
			}
			continue
		}
		for _, t := range types {
			for k := len(d.lastPlaces) - 1; k >= 0; k-- {
				if d.lastPlaces[k].PlaceType == t && (allowPassing || !d.passing[d.lastPlaces[k].ID]) {
					return d.lastPlaces[k]
				}
			}
		}
	}
	if d.dateline != nil {
		for _, t := range types {
			if d.dateline.PlaceType == t {
				return d.dateline
			}
		}
	}
	return nil
}

// placeRank orders place types from most to least specific.
var placeRank = map[string]int{
	"camp": 2, "neighbourhood": 3, "landmark": 4, "village": 4, "subdistrict": 5,
	"town": 6, "airbase": 6, "border_crossing": 6, "city": 7, "district": 8,
	"governorate": 9, "region": 10, "river": 11, "lake": 11, "mountain": 11,
	"country": 12,
}

func rankOf(e *graph.Entity) int {
	if e.Kind == graph.KindState {
		return 12
	}
	if r, ok := placeRank[e.PlaceType]; ok {
		return r
	}
	return 13
}

// keyOf is the key a document remembers the places it named by, outside
// the gazetteer: the identity newEntity gives such a place
// (gazetteer.PlaceKey), so that "the town of al-Hameh" ... "families
// returned to Hameh" is one place, as it is across documents.
func keyOf(name string) string { return gazetteer.PlaceKey(name) }

// governorateOf returns the governorate a place lies in (itself for a
// governorate), or nil.
func (d *docState) governorateOf(e *graph.Entity) *graph.Entity {
	for n := 0; e != nil && n < 8; n++ {
		if e.PlaceType == "governorate" {
			return e
		}
		if e.Within == nil {
			return nil
		}
		w, ok := d.g.Entity(*e.Within)
		if !ok {
			return nil
		}
		e = w
	}
	return nil
}

// resolveHomonyms gives a town or village the gazetteer knows under a
// near spelling in more than one governorate to the one the document
// places it in: when no other place the document names lies in the
// governorate of the place found, and the places it names lie in the
// governorate of exactly one homonym ("Suran" in an account of the
// northern Hama countryside is Souran, Hama, not Suran near Aleppo).
func (d *docState) resolveHomonyms() {
	named := map[uuid.UUID]int{} // governorate -> matches of places in it
	own := map[uuid.UUID]int{}   // entity -> its own matches
	for _, m := range d.gaz {
		if m.Entity.Kind != graph.KindPlace {
			continue
		}
		own[m.Entity.ID]++
		if gv := d.governorateOf(m.Entity); gv != nil {
			named[gv.ID]++
		}
	}
	for k := range d.gaz {
		e := d.gaz[k].Entity
		if e.Kind != graph.KindPlace || !settlementTypes[e.PlaceType] || e.PlaceType == "city" {
			continue
		}
		gv := d.governorateOf(e)
		if gv == nil || named[gv.ID] > own[e.ID] {
			continue
		}
		var pick *graph.Entity
		for _, h := range d.g.Homonyms(d.gaz[k].Text, e.ID) {
			if !settlementTypes[h.PlaceType] {
				continue
			}
			if hg := d.governorateOf(h); hg != nil && hg.ID != gv.ID && named[hg.ID] > 0 {
				if pick != nil && pick.ID != h.ID {
					pick = nil
					break
				}
				pick = h
			}
		}
		if pick != nil {
			d.gaz[k].Entity = pick
		}
	}
}

// resolveCoalition gives a bare "coalition" ("the Coalition's air forces",
// "coalition aircraft"), which the gazetteer reads as the US-led
// coalition against the Islamic State, to the coalition the text is
// about: in a text about Yemen (d.country, read by resolveParties before
// it calls this), or one that names the Saudi-led coalition and not the
// US-led one by a name of its own, it is the Saudi-led coalition.
func (d *docState) resolveCoalition() {
	intl, ok := d.g.ByKey("international-coalition")
	saudi, ok2 := d.g.ByKey("saudi-led-coalition")
	if !ok || !ok2 {
		return
	}
	var bare []int
	named := false
	for k, m := range d.gaz {
		switch m.Entity.ID {
		case intl.ID:
			if bareCoalition(m.Text) {
				bare = append(bare, k)
			} else {
				return // the US-led coalition by a name of its own
			}
		case saudi.ID:
			named = true
		}
	}
	if len(bare) == 0 {
		return
	}
	if !named {
		if d.country == nil {
			return
		}
		if y, ok := d.g.ByKey("yemen"); !ok || d.country.ID != y.ID {
			return
		}
	}
	for _, k := range bare {
		d.gaz[k].Entity = saudi
	}
}

// resolveBranches gives a movement's name ("Daesh", "the Islamic State",
// "al-Qaeda") in a text about a state where the movement has one branch
// to that branch: the Islamic State Khorasan Province in Afghanistan, the
// Islamic State West Africa Province in Nigeria (d.country, read by
// resolveParties before it calls this).
func (d *docState) resolveBranches() {
	if d.country == nil {
		return
	}
	for k, m := range d.gaz {
		if m.Entity.Kind != graph.KindArmedGroup {
			continue
		}
		if b, ok := d.g.Branch(m.Entity.ID, d.country.ID); ok {
			d.gaz[k].Entity = b
		}
	}
}

// bareCoalition reports whether a name of the US-led coalition is the
// word "coalition" with at most what it has or does ("Coalition",
// "coalition aircraft"), not a name that says whose it is.
func bareCoalition(text string) bool {
	f := strings.Fields(gazetteer.FoldKey(text))
	return len(f) > 0 && f[0] == "coalition"
}

// headingPlace returns the place a section heading consists of ("Idlib
// governorate" on a line of its own in a round-up): the accounts of the
// paragraphs under it are within that place. A heading that says more than
// a place (a title, a date, a second name) gives none; a section's letter
// or number before it ("B. Raqqa governorate") is no more.
func headingPlace(sg segment, ms []mention) *mention {
	if len(ms) != 1 || ms[0].ent == nil || ms[0].ent.Kind != graph.KindPlace || ms[0].ent.PlaceType == "country" {
		return nil
	}
	for k, t := range sg.toks {
		if k >= ms[0].ti && k < ms[0].tj {
			continue
		}
		if k == 0 && sectionLabel(t.text) {
			continue
		}
		if t.kind == tWord && t.low != "governorate" && t.low != "province" {
			return nil
		}
	}
	m := ms[0]
	return &m
}

// sectionLabel reports whether w numbers a section: "B", "IV", "3".
func sectionLabel(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	for _, r := range w {
		if r != 'I' && r != 'V' && r != 'X' && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// underHeading gives the claims made since index from the place of the
// section heading above them, unless they name it themselves.
func (d *docState) underHeading(from int, head mention) {
	for _, c := range d.claims[from:] {
		named := false
		for _, mn := range c.claim.Mentions {
			if mn.Entity.ID == head.ent.ID {
				named = true
			}
		}
		if !named {
			c.claim.Mentions = append(c.claim.Mentions, graph.Mention{Entity: d.use(head.ent), Text: d.text[head.s:head.e], Span: d.ri.span(head.s, head.e)})
		}
	}
}
