package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// A meeting record (a Security Council verbatim record, "S/PV.8705")
// gives the floor in turns: a paragraph opened by the speaker's title,
// name and delegation before a colon, "Mr. Elsonni (Libya): On 4 January
// ...", "Mrs. Nusseibeh (United Arab Emirates): My delegation ...". What
// follows is the delegation's, for every sentence of the paragraph that
// names no other speaker: a representative speaks for his Government.

// recordTitles open a speaker's turn in a meeting record.
var recordTitles = set("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "sheikh", "prince", "archbishop", "monsignor")

// recordTurn reads the opening of a turn in toks, the first segment of a
// paragraph: it returns the token ranges of the speaker's name and of the
// delegation in brackets, and the index of the colon that ends the
// opening; ok is false for any other opening. A bracket that only says
// the language spoken ("(spoke in French)") is passed over.
func recordTurn(toks []token) (name, deleg [2]int, colon int, ok bool) {
	k := 0
	if k >= len(toks) || !recordTitles[toks[k].low] || !toks[k].cap {
		return name, deleg, 0, false
	}
	k++
	if k < len(toks) && isPunct(&toks[k], ".") && toks[k].s == toks[k-1].e {
		k++
	}
	name[0] = k
	for k < len(toks) && k-name[0] < 5 && toks[k].kind == tWord && (toks[k].cap || strings.Contains(toks[k].low, "-") || nameParticles[toks[k].low]) {
		k++
	}
	name[1] = k
	if name[1] == name[0] {
		return name, deleg, 0, false
	}
	for k < len(toks) && isPunct(&toks[k], "(") {
		e := k + 1
		for e < len(toks) && e-k <= 10 && !isPunct(&toks[e], ")") && !isPunct(&toks[e], "(") && !isPunct(&toks[e], ":") {
			e++
		}
		if e >= len(toks) || !isPunct(&toks[e], ")") || e == k+1 {
			return name, deleg, 0, false
		}
		if !(toks[k+1].low == "spoke" || toks[k+1].low == "speaking" && toks[k+2].low == "in") && deleg[1] == 0 {
			deleg = [2]int{k + 1, e}
		}
		k = e + 1
	}
	if deleg[1] == 0 || k >= len(toks) || !isPunct(&toks[k], ":") {
		return name, deleg, 0, false
	}
	return name, deleg, k, true
}

// nameParticles are the lower-case words inside a person's name.
var nameParticles = set("al", "el", "bin", "ibn", "de", "da", "di", "del", "van", "von", "der", "le", "la", "abu", "bint")

// turnSpeaker resolves the speaker of a meeting record's turn: the
// Government of the State whose delegation speaks (the state itself when
// the gazetteer knows no government for it, which is then named as the
// records name it); a body the gazetteer knows ("European Union"); or the
// person named, for any other bracket ("Special Envoy of the
// Secretary-General").
func (d *docState) turnSpeaker(toks []token, name, deleg [2]int) *graph.Entity {
	dt := d.text[toks[deleg[0]].s:toks[deleg[1]-1].e]
	if st := d.lookup(dt, graph.KindState); st != nil {
		if gov := d.governmentOf(st); gov != nil {
			return gov
		}
		for _, n := range []string{"Government of " + dt, "Government of the " + dt, "Government of " + st.Name, "Government of the " + st.Name} {
			if g := d.lookup(n, graph.KindGovernment); g != nil {
				return g
			}
		}
		gov := d.newEntity(graph.KindGovernment, "Government of "+theName(st.Name), []string{"Government of " + dt}, false)
		if gov.Affiliation == nil {
			id := st.ID
			gov.Affiliation = &id
		}
		return gov
	}
	if b := d.lookup(dt); b != nil && b.Kind != graph.KindPlace && b.Kind != graph.KindPerson {
		return b
	}
	nt := d.text[toks[name[0]].s:toks[name[1]-1].e]
	if p := d.lookup(nt, graph.KindPerson); p != nil {
		return p
	}
	return d.newEntity(graph.KindPerson, nt, nil, false)
}

// theName puts the article before a state's name where English writes it
// ("the United Kingdom", "the Russian Federation", "the Netherlands").
func theName(n string) string {
	for _, w := range []string{"United", "Republic", "Kingdom", "Federation", "Emirates", "States", "Netherlands", "Islands", "Philippines", "Gambia", "Holy See"} {
		if strings.Contains(n, w) {
			return "the " + n
		}
	}
	return n
}

// chairLine reports the record's line that says who presides: "The
// President (Viet Nam) in the chair.", "President: Mr. X ...... (France)".
func chairLine(toks []token) bool {
	n := len(toks)
	for n > 0 && toks[n-1].kind == tPunct {
		n--
	}
	return n >= 4 && n <= 14 && toks[n-3].low == "in" && toks[n-2].low == "the" && toks[n-1].low == "chair"
}

// phaticOpenings open the sentences a live blog, a thread or a bulletin
// says to its readers, not about the world: greetings, sign-offs, the
// page's own conventions ("Good morning.", "That's it for today.", "All
// times are local time.", "This update will be revised as ...").
var phaticOpenings = [][]string{
	{"good", "morning"}, {"good", "afternoon"}, {"good", "evening"}, {"welcome", "to"},
	{"thank", "you", "for"}, {"thanks", "for"}, {"that's", "it", "for"}, {"that", "is", "it", "for"},
	{"that's", "all", "for"}, {"we", "will", "be", "back"}, {"we'll", "be", "back"}, {"stay", "with", "us"},
	{"all", "times"},
	// A briefer's turn to a subject: "I will start with the Congo."
	{"i", "will", "start", "with"}, {"i'll", "start", "with"}, {"let", "me", "start", "with"},
	{"i", "will", "begin", "with"}, {"let", "me", "begin", "with"},
}

// phatic reports a sentence of a page to its readers (phaticOpenings),
// after an entry's time ("08:05 - Good morning.") or a speaker's tag
// ("Spokesperson: Good afternoon."), or one that says the
// document itself will be revised or updated ("This Flash Update will be
// revised as information becomes available."): no claim.
func phatic(toks []token) bool {
	k := 0
	// "08:05 -", "17:45 –": an entry's time and its dash.
	for k < len(toks) && k < 4 && (toks[k].kind == tNum || isPunct(&toks[k], ":")) {
		k++
	}
	if k > 0 && k < len(toks) && toks[k].kind == tPunct {
		k++
	}
	// "Spokesperson: Good afternoon.": a transcript's tag.
	if k == 0 {
		for n := 0; n < 3 && n+1 < len(toks) && toks[n].kind == tWord && toks[n].cap; n++ {
			if isPunct(&toks[n+1], ":") {
				k = n + 2
				break
			}
		}
	}
	for _, o := range phaticOpenings {
		if k+len(o) > len(toks) {
			continue
		}
		ok := true
		for n, w := range o {
			if toks[k+n].low != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	// "This Flash Update will be revised", "This page will be updated".
	if k+4 < len(toks) && toks[k].low == "this" {
		for n := k + 1; n < len(toks) && n <= k+4; n++ {
			if toks[n].low == "will" && n+2 < len(toks) && toks[n+1].low == "be" && (toks[n+2].low == "revised" || toks[n+2].low == "updated") {
				return true
			}
		}
	}
	return false
}

// recordSymbol reports a segment that opens with a verbatim record's
// symbol ("S/PV.8705", "A/75/PV.12") and has no verb: the record's
// heading line.
func recordSymbol(toks []token) bool {
	if len(toks) < 3 || len(toks) > 20 || !strings.HasSuffix(toks[0].text, "/PV") || !isPunct(&toks[1], ".") || toks[2].kind != tNum {
		return false
	}
	if toks[1].s != toks[0].e || toks[2].s != toks[1].e {
		return false
	}
	for k := 3; k < len(toks); k++ {
		if finiteVerb(toks[k].low) {
			return false
		}
	}
	return true
}
