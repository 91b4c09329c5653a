package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Reporting verbs: their subject is the speaker of the claim.
var reportVerbs = set("said", "says", "say", "told", "tells", "reported", "reports",
	"stated", "states", "announced", "announces", "added", "adds", "claimed",
	"claims", "confirmed", "confirms", "denied", "denies", "rejected", "rejects",
	"blamed", "blames", "accused", "accuses", "alleged", "alleges", "insisted",
	"insists", "noted", "notes", "warned", "warns", "explained", "explains",
	"estimated", "estimates", "documented", "documents", "described", "describes",
	"wrote", "writes", "tweeted", "posted", "recorded", "put", "puts", "counted",
	"maintained", "asserted", "acknowledged", "admitted", "dismissed", "disputed",
	"affirmed", "indicated", "revealed", "published", "quoted", "cited", "disclosed",
	"broadcast", "aired", "showed", "shows", "refuted", "gave", "gives", "raised",
	"raises", "updated", "updates", "report", "estimate", "describe",
	"attributed", "attributes", "ascribed", "repeated", "repeats", "reiterated", "reiterates",
	"boasted", "boasts", "bragged", "brags",
	"called", "calls", "termed", "terms", "branded", "brands", "labelled", "labeled")

// outletKindNouns name an outlet by its kind: "the agency", "the digest".
var outletKindNouns = set("agency", "digest", "channel", "network", "newspaper", "paper", "site", "website", "station", "broadcaster", "outlet", "service", "bulletin")

// namingVerbs report by naming what the speaker holds a thing to be: "The
// monitor called it a deliberate attack", "the ministry termed the reports
// a provocation". Their subject is the speaker only with such an object
// after them, not in "called for", "called on", "a village called Kafr
// Zita" or "the so-called White Helmets" (see namingObject).
var namingVerbs = set("called", "calls", "termed", "terms", "branded", "brands", "labelled", "labeled")

// namingObjects start the object of a naming verb: a pronoun or a
// determiner ("called it", "termed the reports", "branded this").
var namingObjects = set("it", "this", "that", "them", "these", "those", "the", "such", "both", "all", "his", "her", "their", "its")

// namingObject reports whether the naming verb at v names its object as
// something: the object word after it, and no "so-" or hyphen before it.
func namingObject(toks []token, v int) bool {
	if v+2 >= len(toks) || !namingObjects[toks[v+1].low] {
		return false
	}
	if v > 0 && (toks[v-1].low == "so" || toks[v-1].kind == tPunct && toks[v-1].text == "-") {
		return false
	}
	return true
}

// bareReportVerbs are reporting verbs whose plain form is also a noun ("the
// report", "an estimate"): verbs only with a plural subject before them
// and "that" after ("Local sources report that").
var bareReportVerbs = set("report", "estimate", "describe")

// restateVerbs report only with "that" after them: "al-Mismari repeated
// that the strike had hit ...", not "repeated strikes".
var restateVerbs = set("repeated", "repeats", "reiterated", "reiterates")

// determiners before a word make it a noun: "the report that".
var determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "their",
	"his", "her", "our", "my", "your", "any", "no", "each", "every", "initial", "latest", "new")

// nounUse reports whether a present-tense reporting verb at v is the
// plural noun ("fabricated reports of an air strike", "the claims", "media
// reports"): after a determiner, a possessive or a past-tense verb, which a
// verb of the same clause cannot follow.
func nounUse(toks []token, v int) bool {
	w := toks[v].low
	if v == 0 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	p := toks[v-1].low
	switch p {
	case "the", "these", "those", "such", "its", "their", "his", "her", "our", "media", "press", "news", "false", "fabricated", "of", "by", "and", "or", "any", "no", "unconfirmed", "initial", "conflicting":
		return true
	}
	return toks[v-1].kind == tWord && strings.HasSuffix(p, "ed") && !copulas[p] && len(p) > 3
}

// passiveAux before a reporting verb and passiveEnd after its agent: "was
// blamed by X on Y", "were reported by X in ...".
var (
	passiveAux = set("was", "were", "been", "is", "are", "being")
	passiveEnd = set("on", "for", "as", "that", "in", "after", "to", "and", "who", "which", "with", "at", "against")
)

// tollNouns are what "put", "gave", "raised" and "updated" report: "put the
// death toll at 11", "gave a toll of nine", "raised its tally to 21".
var tollNouns = set("toll", "tally", "figure", "figures", "number", "count", "estimate")

// tollObject reports whether a toll noun follows the verb at v closely.
func tollObject(toks []token, v int) bool {
	for k := v + 1; k < len(toks) && k <= v+4; k++ {
		if tollNouns[toks[k].low] {
			return true
		}
		if toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// Nouns that head a speaker description and what they refer to.
var speakerNouns = map[string]graph.EntityKind{
	"source": graph.KindAnonymous, "sources": graph.KindAnonymous,
	"official": graph.KindAnonymous, "officials": graph.KindAnonymous,
	"activist": graph.KindAnonymous, "activists": graph.KindAnonymous,
	"resident": graph.KindAnonymous, "residents": graph.KindAnonymous,
	"witness": graph.KindAnonymous, "witnesses": graph.KindAnonymous,
	"medic": graph.KindAnonymous, "medics": graph.KindAnonymous,
	"doctor": graph.KindAnonymous, "doctors": graph.KindAnonymous,
	"correspondent": graph.KindAnonymous, "reporter": graph.KindAnonymous,
	"commander": graph.KindAnonymous, "rescuers": graph.KindAnonymous,
	"rebels": graph.KindAnonymous, "negotiator": graph.KindAnonymous,
	"negotiators": graph.KindAnonymous, "locals": graph.KindAnonymous,
	"volunteers": graph.KindAnonymous, "paramedics": graph.KindAnonymous,
	"paramedic": graph.KindAnonymous, "eyewitness": graph.KindAnonymous,
	"eyewitnesses": graph.KindAnonymous, "survivors": graph.KindAnonymous,
	"survivor": graph.KindAnonymous, "nurse": graph.KindAnonymous,
	"interviewee": graph.KindAnonymous, "interviewees": graph.KindAnonymous,
	"relatives": graph.KindAnonymous, "partners": graph.KindAnonymous,
	"relative": graph.KindAnonymous, "member": graph.KindAnonymous,
	"members": graph.KindAnonymous, "student": graph.KindAnonymous,
	"students": graph.KindAnonymous, "nurses": graph.KindAnonymous,
	"journalist": graph.KindAnonymous, "journalists": graph.KindAnonymous,
	"villager": graph.KindAnonymous, "villagers": graph.KindAnonymous,
	"neighbour": graph.KindAnonymous, "neighbours": graph.KindAnonymous,
	"woman": graph.KindAnonymous, "women": graph.KindAnonymous,
	"man": graph.KindAnonymous, "men": graph.KindAnonymous,
	"teacher": graph.KindAnonymous, "teachers": graph.KindAnonymous,
	"farmer": graph.KindAnonymous, "farmers": graph.KindAnonymous,
	"detainee": graph.KindAnonymous, "detainees": graph.KindAnonymous,
	"defector": graph.KindAnonymous, "inhabitants": graph.KindAnonymous,
	"opposition": graph.KindAnonymous, "officer": graph.KindAnonymous,
	"officers": graph.KindAnonymous, "diplomat": graph.KindAnonymous,
	"diplomats": graph.KindAnonymous, "mediator": graph.KindAnonymous,
	"staff": graph.KindAnonymous, "workers": graph.KindAnonymous,
	"personnel": graph.KindAnonymous, "team": graph.KindAnonymous,
	"worker": graph.KindAnonymous, "rescuer": graph.KindAnonymous,
	"teams": graph.KindAnonymous, "observers": graph.KindAnonymous,
	"council": graph.KindAnonymous, "committee": graph.KindAnonymous,
	"hospital": graph.KindAnonymous, "directorate": graph.KindAnonymous,
	"office": graph.KindAnonymous, "head": graph.KindAnonymous,
	"director": graph.KindAnonymous, "governor": graph.KindAnonymous,
	"mayor": graph.KindAnonymous, "police": graph.KindAnonymous,
	// "the Macomia district administrator", "the sub-prefect": a local
	// official by office.
	"administrator": graph.KindAnonymous, "administrators": graph.KindAnonymous,
	"prefect": graph.KindAnonymous, "sub-prefect": graph.KindAnonymous,
	"leader": graph.KindAnonymous, "leaders": graph.KindAnonymous,
	"elder": graph.KindAnonymous, "elders": graph.KindAnonymous,
	"sheikh": graph.KindAnonymous, "cleric": graph.KindAnonymous,
	"priest": graph.KindAnonymous, "imam": graph.KindAnonymous,
	"lawyer": graph.KindAnonymous, "surgeon": graph.KindAnonymous,
	"lawmaker": graph.KindAnonymous, "lawmakers": graph.KindAnonymous,
	"legislator": graph.KindAnonymous, "legislators": graph.KindAnonymous,
	"parliamentarian": graph.KindAnonymous, "guard": graph.KindAnonymous,
	"guards": graph.KindAnonymous, "policeman": graph.KindAnonymous,
	"physician": graph.KindAnonymous, "pharmacist": graph.KindAnonymous,
	"driver": graph.KindAnonymous, "shopkeeper": graph.KindAnonymous,
	"volunteer": graph.KindAnonymous, "shopkeepers": graph.KindAnonymous,
	"employee": graph.KindAnonymous, "employees": graph.KindAnonymous,
	"colonel": graph.KindAnonymous, "captain": graph.KindAnonymous,
	"lieutenant": graph.KindAnonymous, "brigadier": graph.KindAnonymous,
	"spokesman": graph.KindPerson, "spokeswoman": graph.KindPerson,
	"spokesperson": graph.KindPerson,
	"monitor":      graph.KindMonitor, "observatory": graph.KindMonitor,
	"channel": graph.KindOutlet, "broadcaster": graph.KindOutlet,
	"television": graph.KindOutlet, "tv": graph.KindOutlet, "network": graph.KindOutlet,
	"agency": graph.KindOutlet, "media": graph.KindOutlet, "newspaper": graph.KindOutlet,
	"station": graph.KindOutlet, "outlet": graph.KindOutlet, "website": graph.KindOutlet,
	"broadcast": graph.KindOutlet,
	"ministry":  graph.KindGovernment, "government": graph.KindGovernment,
	"authorities": graph.KindGovernment, "military": graph.KindArmy, "army": graph.KindArmy,
	"coalition": graph.KindCoalition, "group": graph.KindArmedGroup,
	"statement": "", "report": "", "communique": "", "briefing": "",
}

// speakerRec is an entity that has spoken, or been introduced as able to,
// with the nouns the text used for it.
type speakerRec struct {
	ent   *graph.Entity
	roles []string
}

// discourse keeps the speakers a document has introduced, most recent
// last, to resolve "he", "the source", "the monitor", "the channel".
type discourse struct {
	recent []speakerRec
}

func (ds *discourse) note(e *graph.Entity, roles ...string) {
	for k := range ds.recent {
		if ds.recent[k].ent.ID == e.ID {
			r := ds.recent[k]
			r.roles = append(r.roles, roles...)
			ds.recent = append(ds.recent[:k], ds.recent[k+1:]...)
			ds.recent = append(ds.recent, r)
			return
		}
	}
	ds.recent = append(ds.recent, speakerRec{ent: e, roles: roles})
	if len(ds.recent) > 32 {
		ds.recent = ds.recent[1:]
	}
}

func (ds *discourse) find(ok func(*speakerRec) bool) *graph.Entity {
	for k := len(ds.recent) - 1; k >= 0; k-- {
		if ok(&ds.recent[k]) {
			return ds.recent[k].ent
		}
	}
	return nil
}

func hasRole(r *speakerRec, role string) bool {
	for _, x := range r.roles {
		if x == role {
			return true
		}
	}
	return false
}

// speech is a report found in a segment: who speaks, where it is named,
// and the verb.
type speech struct {
	ent       *graph.Entity
	s, e      int // byte range of the speaker's words
	verb      int // token index of the verb (or "according")
	npS, npE  int // token range of the speaker phrase
	toldTo    *graph.Entity
	pronoun   bool
	anonymous bool
}

// findSpeech returns the reports in a segment, in order.
func (d *docState) findSpeech(toks []token, ms []mention) []speech {
	var out []speech
	if len(toks) == 0 || !d.talk.on || toks[0].s != d.talk.s {
		// (A transcript's tag is read as its turn's speaker.)
		if sp, ok := d.flashSpeaker(toks, ms); ok {
			return append(out, sp)
		}
	}
	// A report inside a quotation ('"The coalition kills the people it
	// claims to liberate," he wrote') is the quoted speaker's words, not
	// the attribution of the sentence, when the quotation closes in the
	// sentence.
	inQuote := make([]bool, len(toks))
	open, last := false, -1
	for k := range toks {
		if isQuote(&toks[k]) {
			open = !open
			if !open {
				last = k
			}
			continue
		}
		inQuote[k] = open
	}
	for k := last + 1; k < len(inQuote); k++ {
		inQuote[k] = false
	}
	for v := 0; v < len(toks); v++ {
		w := toks[v].low
		if inQuote[v] && last > v {
			continue
		}
		if w == "according" && v+1 < len(toks) && toks[v+1].low == "to" {
			s := v + 2
			e := s
			for e < len(toks) && !isPunct(&toks[e], ",") && !isPunct(&toks[e], ".") && !isPunct(&toks[e], ";") && e-s < 12 {
				e++
			}
			if sp, ok := d.speakerNP(toks, ms, s, e); ok {
				sp.verb = v
				out = append(out, sp)
			}
			v = e
			continue
		}
		// "Our humanitarian colleagues now tell us that": the plural
		// present only with whom it tells and "that".
		tellUs := w == "tell" && v+2 < len(toks) && (toks[v+1].low == "us" || toks[v+1].low == "me" || toks[v+1].low == "reporters") && toks[v+2].low == "that" && v > 0 && toks[v-1].low != "to"
		if !reportVerbs[w] && !tellUs || toks[v].cap {
			continue
		}
		if nounUse(toks, v) {
			continue
		}
		if bareReportVerbs[w] && (v == 0 || v+1 >= len(toks) || toks[v+1].low != "that" || toks[v-1].kind != tWord || determiners[toks[v-1].low] || toks[v-1].low == "to") {
			continue
		}
		if restateVerbs[w] && (v == 0 || v+1 >= len(toks) || toks[v+1].low != "that" || determiners[toks[v-1].low]) {
			continue
		}
		if namingVerbs[w] && !namingObject(toks, v) {
			continue
		}
		if (w == "added" || w == "adds" || w == "noted" || w == "notes" || w == "recorded" || w == "documented" || w == "described" || w == "showed" || w == "shows" || w == "counted" || w == "estimated") && !reportComplement(toks, v) {
			continue
		}
		switch w {
		case "put", "puts", "gave", "gives", "raised", "raises", "updated", "updates":
			if !tollObject(toks, v) {
				continue
			}
		}
		if w == "showed" || w == "shows" || w == "broadcast" || w == "aired" || w == "quoted" || w == "cited" || w == "published" {
			// "footage showed", "reports that show": only with a clear
			// speaker, checked below.
			if v == 0 {
				continue
			}
		}
		// Inverted: ", said the Observatory."
		// A closing quotation mark may stand between: '..., " said X.'
		if v > 1 && isQuote(&toks[v-1]) && (isPunct(&toks[v-2], ",") || isPunct(&toks[v-2], "?") || isPunct(&toks[v-2], "!")) && (w == "said" || w == "says" || w == "added") {
			e := v + 1
			for e < len(toks) && !isPunct(&toks[e], ",") && !isPunct(&toks[e], ".") && e-v < 12 {
				e++
			}
			if e > v+1 {
				if sp, ok := d.speakerNP(toks, ms, v+1, e); ok {
					sp.verb = v
					d.apposition(toks, ms, sp.ent, e, len(toks))
					out = append(out, sp)
					continue
				}
			}
		}
		if v > 0 && isPunct(&toks[v-1], ",") && (w == "said" || w == "says" || w == "added" || w == "reported") {
			e := v + 1
			for e < len(toks) && !isPunct(&toks[e], ",") && !isPunct(&toks[e], ".") && e-v < 12 {
				e++
			}
			if e > v+1 && (e >= len(toks) || isPunct(&toks[e], ".") || isPunct(&toks[e], ",")) {
				if sp, ok := d.speakerNP(toks, ms, v+1, e); ok {
					sp.verb = v
					d.apposition(toks, ms, sp.ent, e, len(toks))
					out = append(out, sp)
					continue
				}
			}
		}
		// Passive: "a chlorine attack was blamed by opposition activists
		// on government forces", "the figures were confirmed by the
		// health directorate".
		if v > 0 && v+2 < len(toks) && passiveAux[toks[v-1].low] && toks[v+1].low == "by" {
			e := v + 2
			for e < len(toks) && e-v < 12 && !passiveEnd[toks[e].low] && toks[e].kind != tPunct {
				e++
			}
			if sp, ok := d.speakerNP(toks, ms, v+2, e); ok && sp.ent != nil {
				sp.verb = v
				out = append(out, sp)
				continue
			}
		}
		s, e := subjectBefore(toks, v)
		if v > 0 && toks[v-1].low == "and" && (w == "said" || w == "says" || w == "told" || w == "added") {
			// "X condemned the strike and said ...", "X called the
			// statement a lie and said ...": the subject of the verb
			// before "and", in the same clause.
			if cs, ce := coordinatedSubject(toks, v-1); cs >= 0 {
				s, e = cs, ce
			}
		}
		if s < 0 {
			continue
		}
		sp, ok := d.speakerNP(toks, ms, s, e)
		if !ok {
			if sp, ok = d.describedSource(toks, ms, s, e, v); !ok {
				// "The speaker of parliament, Salim al-Jabouri, called
				// it": a description of one person by office, and his
				// name in apposition.
				if sp, ok = d.appositeName(toks, ms, s, e, v); !ok {
					continue
				}
			}
		}
		sp.verb = v
		// "Major General Abbas Ibrahim, the head of General Security, (who
		// ...,) told reporters": the description stands in apposition to
		// the person named before it, who speaks.
		if s >= 2 && isPunct(&toks[s-1], ",") && sp.ent != nil && sp.ent.Kind == graph.KindAnonymous && personDescription(toks, s, e) {
			for k := range ms {
				m := &ms[k]
				b := m.ti
				for b > 0 && personTitles[toks[b-1].low] && toks[b-1].cap {
					b--
				}
				if m.tj != s-1 || !(b == 0 || toks[b-1].kind == tPunct) {
					continue
				}
				if m.ent.Kind == graph.KindUnclassified && !m.ent.Gazetteer && m.tj-m.ti >= 2 {
					m.ent.Kind = graph.KindPerson
				}
				if m.ent.Kind == graph.KindPerson {
					sp.name(m, false)
				}
				break
			}
		}
		d.apposition(toks, ms, sp.ent, e, v)
		// "Tamim al-Shami, a spokesman for the Health Ministry run by the
		// Houthi movement in Sanaa, said": the apposition describes the
		// speaker; its places and parties are not the claim's.
		if e < v-1 && isPunct(&toks[e], ",") && isPunct(&toks[v-1], ",") && sp.npE == e && descriptiveAside(toks, e+1, v-1) {
			sp.npE = v - 1
		}
		// "Amin al-Hashemi, a ministry spokesman, said": the spokesman of
		// the ministry that spoke last.
		if sp.ent != nil && !sp.ent.Gazetteer && (sp.ent.Kind == graph.KindUnclassified || sp.ent.Kind == graph.KindPerson) && sp.ent.Affiliation == nil && ministrySpokesman(toks, e, v) {
			if m := d.discourse.find(func(r *speakerRec) bool {
				return r.ent.Kind == graph.KindGovernment && strings.HasPrefix(r.ent.Name, "Ministry")
			}); m != nil {
				sp.ent.Kind = graph.KindPerson
				id := m.ID
				sp.ent.Affiliation = &id
			}
		}
		// "A relative of the groom, who gave his name only as Abu Ahmed,
		// said": the one described, by the name he gave.
		if sp.ent != nil && sp.ent.Kind == graph.KindAnonymous {
			if p := d.givenName(toks, ms, sp.npE, v); p != nil {
				sp.ent, sp.anonymous = p, false
			}
		}
		// "The Commander of the Operations, Lieutenant General X, said":
		// the name in apposition is the speaker.
		if e < v && isPunct(&toks[e], ",") {
			for _, m := range ms {
				// "the city's governor, Mohammed Akkad, said", "a commander
				// in X, Abu Omar, said": a name the gazetteer lacks, filling
				// the apposition to a description of one person, is that
				// person (of the party the description names).
				if m.ent.Kind == graph.KindUnclassified && !m.ent.Gazetteer && m.ti == e+1 && m.tj+1 == v && isPunct(&toks[m.tj], ",") && sp.ent != nil && personDescription(toks, s, e) {
					m.ent.Kind = graph.KindPerson
					sp.name(&m, actorKind(sp.ent.Kind) && m.ent.Affiliation == nil)
					break
				}
				if m.ent.Kind == graph.KindPerson && m.ti > e && m.tj < v && (sp.ent == nil || sp.ent.Kind != graph.KindPerson || !sp.ent.Gazetteer && personDescription(toks, s, e)) {
					sp.name(&m, sp.ent != nil && sp.ent.Kind != graph.KindAnonymous && m.ent.Affiliation == nil && !m.ent.Gazetteer)
					break
				}
			}
		}
		// "SANA, quoting a military source, said": the source speaks, the
		// agency carries its words.
		if q, ok := d.quotedSource(toks, ms, e, v); ok {
			sp = q
			sp.verb = v
		}
		// "X quoted a military source as saying": likewise.
		if w == "quoted" || w == "cited" {
			qe := v + 1
			for qe < len(toks) && toks[qe].low != "as" && !isPunct(&toks[qe], ",") && qe-v < 10 {
				qe++
			}
			if qe < len(toks) && toks[qe].low == "as" && qe > v+1 {
				if q, ok := d.speakerNP(toks, ms, v+1, qe); ok && q.ent != nil && q.ent.Kind == graph.KindAnonymous {
					q.verb = v
					sp = q
				}
			}
		}
		if w == "told" || w == "tells" {
			// "Sources told the Observatory that ..."
			te := v + 1
			for te < len(toks) && toks[te].low != "that" && !isPunct(&toks[te], ",") && te-v < 8 {
				te++
			}
			if k := firstMention(ms, v+1, te); k >= 0 {
				sp.toldTo = ms[k].ent
			}
		}
		out = append(out, sp)
	}
	return out
}

// flashSpeaker reads the attributions of an agency flash's lines: a speaker
// before a colon that opens the line ("Shami: clashes continue ...") or
// after a dash that closes it ("... killed so far - SDF spokesman Farhad
// Shami"). The speaker phrase is short, has no finite verb, and must
// resolve to a speaker.
func (d *docState) flashSpeaker(toks []token, ms []mention) (speech, bool) {
	npOnly := func(s, e int) bool {
		if e <= s || e-s > 10 {
			return false
		}
		for k := s; k < e; k++ {
			if toks[k].kind == tPunct && toks[k].text != "-" && toks[k].text != "." || finiteVerb(toks[k].low) || reportVerbs[toks[k].low] {
				return false
			}
			// "Daesh terrorists suffered heavy losses: 2,000 of them
			// were killed" opens with a clause, not a speaker.
			if k > s && toks[k].kind == tWord && !toks[k].cap && verbLike(toks[k].low) {
				return false
			}
		}
		return true
	}
	st := lineLead(toks)
	if len(toks) > st+3 && toks[st].cap {
		for k := st + 1; k < len(toks)-2 && k <= st+10; k++ {
			if isPunct(&toks[k], ":") {
				if npOnly(st, k) {
					if sp, ok := d.speakerNP(toks, ms, st, k); ok && sp.ent != nil {
						sp.verb = k
						return sp, true
					}
				}
				break
			}
		}
	}
	for k := len(toks) - 2; k > 2 && k >= len(toks)-11; k-- {
		if toks[k].kind == tPunct && (toks[k].text == "-" || toks[k].text == "–" || toks[k].text == "—") && toks[k-1].e < toks[k].s && toks[k].e < toks[k+1].s {
			if npOnly(k+1, len(toks)) {
				if sp, ok := d.speakerNP(toks, ms, k+1, len(toks)); ok && sp.ent != nil {
					sp.verb = k
					return sp, true
				}
			}
			break
		}
	}
	return speech{}, false
}

// lineLead returns the number of tokens that open a live-feed line before
// its text: a clock time ("09:58") and a bracketed tag ("[URGENT]"), in
// either order.
func lineLead(toks []token) int {
	st := 0
	for st < len(toks) {
		switch {
		case st+2 < len(toks) && toks[st].kind == tNum && isPunct(&toks[st+1], ":") && toks[st+2].kind == tNum &&
			len(toks[st].text) <= 2 && len(toks[st+2].text) == 2 && toks[st].e == toks[st+1].s && toks[st+1].e == toks[st+2].s:
			st += 3
		case st+2 < len(toks) && isPunct(&toks[st], "[") && toks[st+1].kind == tWord && isPunct(&toks[st+2], "]"):
			st += 3
		default:
			return st
		}
	}
	return st
}

// name makes the person mentioned by m the speaker, in place of the
// description that introduced them; with affiliate, the person is
// affiliated with the party that description named (sp.ent).
func (sp *speech) name(m *mention, affiliate bool) {
	if affiliate {
		id := sp.ent.ID
		m.ent.Affiliation = &id
	}
	sp.ent = m.ent
	sp.s, sp.e = m.s, m.e
	// The noun phrase keeps the description set after the name ("Omar
	// Shami, a spokesman for the health directorate in Idlib, said"): its
	// words are the speaker's, not the claim's.
	sp.npS, sp.npE = m.ti, max(sp.npE, m.tj)
	sp.anonymous = false
}

// describedPersons reads a person's name set in apposition after a
// description of one person by office that names a party: "The spokesman
// of the Ministry of Defence, Brigadier General X, held a briefing", "a
// coalition spokesman, Colonel Y, told reporters", "the head of the
// Centre, Major General Z, said". The person is of that party. It runs on
// every segment, before speech is read: a person is often introduced in a
// sentence where he does not speak, and quoted later as "the spokesman"
// or "he". A name the gazetteer lacks and a person it knows with a party
// already are left as they are; a place is no party.
func (d *docState) describedPersons(toks []token, ms []mention) {
	for k := range ms {
		m := &ms[k]
		if m.ent.Gazetteer || m.ent.Affiliation != nil || m.ent.Kind != graph.KindPerson && m.ent.Kind != graph.KindUnclassified {
			continue
		}
		if m.ent.Kind == graph.KindUnclassified && m.tj-m.ti < 2 {
			continue
		}
		b := m.ti
		for b > 0 && personTitles[toks[b-1].low] && toks[b-1].cap {
			b--
		}
		// The name closes the apposition: a comma or the clause's end.
		if b < 3 || !isPunct(&toks[b-1], ",") || m.tj < len(toks) && !isPunct(&toks[m.tj], ",") && !isPunct(&toks[m.tj], ".") {
			continue
		}
		e := b - 1
		s := e - 1
		for s > 0 && !(toks[s-1].kind == tPunct && toks[s-1].text != "&" && toks[s-1].text != ".") && e-s < 16 {
			s--
		}
		for s < e && isQuote(&toks[s]) {
			s++
		}
		if s >= e || !personDescription(toks, s, e) {
			continue
		}
		// The office: the description's head, before any preposition.
		h := e - 1
		for q := s + 1; q < e; q++ {
			if w := toks[q].low; w == "of" || w == "for" || w == "in" || w == "at" || w == "from" || w == "with" {
				h = q - 1
				break
			}
		}
		if hw := toks[h].low; !officeTitles[hw] && speakerNouns[hw] != graph.KindAnonymous && speakerNouns[hw] != graph.KindPerson {
			continue
		}
		var party *mention
		for q := range ms {
			p := &ms[q]
			if p.ti >= s && p.tj <= e && p.ent.Kind != graph.KindPlace && p.ent.Kind != graph.KindPerson && p.ent.ID != m.ent.ID && !backerOf(toks, *p) {
				party = p
				break
			}
		}
		a := d.affiliationOf(toks[s:e], party)
		if party == nil && (toks[s].low == "its" || toks[s].low == "their") {
			// "The PMU denied any involvement. Its spokesman, X, said":
			// the party that spoke last.
			a = d.discourse.find(func(r *speakerRec) bool {
				switch r.ent.Kind {
				case graph.KindPerson, graph.KindAnonymous, graph.KindPlace, graph.KindUnclassified, graph.KindUnknown:
					return false
				}
				return !d.isVoice(r.ent)
			})
		}
		if a == nil || a.Kind == graph.KindPlace || a.Kind == graph.KindPerson || a.ID == m.ent.ID {
			continue
		}
		id := a.ID
		m.ent.Affiliation = &id
		if m.ent.Kind == graph.KindUnclassified {
			m.ent.Kind = graph.KindPerson
			d.notePerson(m.ent)
		}
	}
}

// backerOf reports whether mention m only modifies the name after it, joined
// to it by a hyphen: "the U.S.-backed Syrian Democratic Forces", "the
// U.S.-led coalition". The party is the name it modifies.
func backerOf(toks []token, m mention) bool {
	k := m.tj
	for k < len(toks) && toks[k].text == "." && toks[k].s == toks[k-1].e {
		k++
	}
	return k < len(toks) && toks[k].text == "-" && toks[k].s == toks[k-1].e
}

// apposition reads ", spokesman for the Joint Operations Command," after a
// person's name: the person speaks for that party.
//
// A capitalised name the gazetteer lacks ("Ahmad al-Khatib, the director
// of the Health Directorate,") is a person when such a role follows it.
// The apposition ends at the next comma or full stop.
func (d *docState) apposition(toks []token, ms []mention, ent *graph.Entity, e, v int) {
	if ent == nil || ent.Kind != graph.KindPerson && ent.Kind != graph.KindUnclassified || ent.Gazetteer || ent.Affiliation != nil {
		return
	}
	if e >= len(toks) || !isPunct(&toks[e], ",") {
		return
	}
	for k := e + 1; k < v; k++ {
		if isPunct(&toks[k], ",") || isPunct(&toks[k], ".") && (k+1 >= len(toks) || toks[k].e < toks[k+1].s) || isPunct(&toks[k], ";") {
			v = k
			break
		}
	}
	role := false
	for k := e + 1; k < v && k < e+4; k++ {
		if personTitles[toks[k].low] || speakerNouns[toks[k].low] != "" {
			role = true
		}
	}
	if !role {
		return
	}
	for _, m := range ms {
		if m.ti > e && m.tj <= v && m.ent.Kind != graph.KindPlace && m.ent.Kind != graph.KindPerson && m.ent.ID != ent.ID && !backerOf(toks, m) {
			id := m.ent.ID
			ent.Affiliation = &id
			ent.Kind = graph.KindPerson
			return
		}
	}
}

// quotedSource reads a parenthetical ", quoting a military source," or ",
// citing officials," between a subject ending at e and its verb at v: an
// anonymous source there is the speaker (a correspondent or reporter is the
// carrier's own staff, and speaks for it).
func (d *docState) quotedSource(toks []token, ms []mention, e, v int) (speech, bool) {
	if e >= len(toks) || !isPunct(&toks[e], ",") || e+2 >= v {
		return speech{}, false
	}
	w := toks[e+1].low
	if w != "quoting" && w != "citing" {
		return speech{}, false
	}
	end := v - 1
	for end > e+2 && isPunct(&toks[end-1], ",") {
		end--
	}
	if isPunct(&toks[end], ",") {
		// end is the closing comma
	} else {
		end = v
	}
	head := ""
	for k := e + 2; k < end; k++ {
		if speakerNouns[toks[k].low] == graph.KindAnonymous {
			head = toks[k].low
		}
	}
	if head == "" || head == "correspondent" || head == "reporter" {
		return speech{}, false
	}
	return d.speakerNP(toks, ms, e+2, end)
}

// reportComplement reports whether the verb at v introduces reported
// words: "that", a quotation, a colon, a comma, the end of the sentence, or
// (for "documented", "recorded", "counted", "estimated", "described") a
// figure or an object that the speaker vouches for.
func reportComplement(toks []token, v int) bool {
	if v+1 >= len(toks) {
		return true
	}
	n := &toks[v+1]
	if n.low == "that" || isQuote(n) || n.kind == tPunct && (n.text == ":" || n.text == "," || n.text == ".") {
		return true
	}
	switch toks[v].low {
	case "documented", "recorded", "counted", "estimated", "described", "noted":
		return true
	}
	return false
}

// subjectBefore returns the token range of the subject of the verb at v:
// back over auxiliaries, and over a parenthetical set off by commas (", who
// asked not to be named,", ", citing its correspondent in the city,"), to
// the start of the clause. -1 when there is none.
func subjectBefore(toks []token, v int) (int, int) {
	e := v
	for e > 0 {
		w := toks[e-1].low
		if w == "has" || w == "have" || w == "had" || w == "also" || w == "later" || w == "earlier" || w == "previously" || w == "further" || w == "then" || w == "again" || w == "separately" || w == "now" || w == "still" || w == "would" || w == "will" || w == "did" || strings.HasSuffix(w, "ly") && len(w) > 4 && toks[e-1].kind == tWord && !toks[e-1].cap {
			e--
			continue
		}
		break
	}
	if e == 0 {
		return -1, -1
	}
	// "SNHR spoke to Abu Ahmad, a teacher at the school, who said:": the
	// relative's subject is the one it describes.
	if toks[e-1].low == "who" {
		if as, ae := relativeAntecedent(toks, e-1); as >= 0 {
			return as, ae
		}
	}
	// A statement's time or place: "said on Tuesday", "said in a statement"
	// come after the verb; before it may stand ", on Tuesday,".
	if isPunct(&toks[e-1], ",") {
		// Find the opening comma of the parenthetical.
		// A full stop inside an abbreviation ("the U.S.-led coalition")
		// has a word right after it, and ends nothing.
		o := e - 2
		for o >= 0 && !isPunct(&toks[o], ",") && !(isPunct(&toks[o], ".") && toks[o].e < toks[o+1].s) && !isPunct(&toks[o], ";") {
			o--
		}
		if o < 0 || !isPunct(&toks[o], ",") {
			return -1, -1
		}
		pw := toks[o+1].low
		switch pw {
		case "who", "which", "citing", "quoting", "speaking", "in", "on", "a", "an", "the", "its", "his", "her", "their", "whose", "itself", "however", "meanwhile", "for", "from", "based", "echoing", "referring", "responding", "asked", "contacted", "reached", "also", "too":
		default:
			if toks[o+1].kind != tWord {
				return -1, -1
			}
		}
		e = o
		if e == 0 {
			// The text opens with the parenthetical: ", citing its
			// correspondent, reported that ...". No subject is left.
			return -1, -1
		}
		// "X, head of the Badr Organisation, whose fighters led the
		// assault, told": a relative clause after an apposition; the
		// apposition is a parenthetical too.
		if pw == "who" || pw == "whose" || pw == "which" {
			o2 := e - 1
			for o2 >= 0 && o2 > e-10 && toks[o2].kind != tPunct {
				o2--
			}
			if o2 > 0 && o2 < e-2 && isPunct(&toks[o2], ",") && toks[o2-1].kind == tWord {
				switch a := toks[o2+1].low; {
				case a == "the" || a == "a" || a == "an" || toks[o2+1].kind == tWord && !toks[o2+1].cap && speakerNouns[a] != "":
					e = o2
				}
			}
		}
	}
	s := e - 1
	for s > 0 {
		t := &toks[s-1]
		// "A diplomat at the Organisation for the Prohibition of Chemical
		// Weapons (OPCW), who ..., said": a bracketed acronym that closes
		// the subject is part of it.
		if isPunct(t, "(") && s >= 2 && toks[s-2].kind == tWord && isPunct(&toks[e-1], ")") && e-s <= 4 {
			s--
			continue
		}
		if t.kind == tPunct && t.text != "&" {
			// ")" and dashes end a wire dateline: "BEIRUT (Reuters) -";
			// markup left in a text ("</script> The Observatory said")
			// is not part of the speaker's words.
			break
		}
		if t.low == "and" && !toks[s].cap {
			// "Kurdish officials and a monitoring group said": speakers
			// coordinated; the claim is the first one's.
			if fs := firstConjunct(toks, s-1); fs >= 0 {
				return fs, s - 1
			}
			break
		}
		if t.low == "that" || t.low == "but" || t.low == "while" || t.low == "whereas" || t.low == "as" || t.low == "when" {
			break
		}
		s--
		if e-s > 24 {
			return -1, -1
		}
	}
	// A subject is short, unless a relative clause after its first words
	// describes it: "A resident of Tabqa who fled to the village of
	// Jarniyah in the north-western countryside of Raqqa said".
	if e-s > 14 && !describedByRelative(toks, s, e) {
		return -1, -1
	}
	// Leading connectives are not part of the subject.
	for s < e && (toks[s].low == "but" || toks[s].low == "and" || toks[s].low == "meanwhile" || toks[s].low == "however" || toks[s].low == "separately" || toks[s].low == "also" || isQuote(&toks[s])) {
		s++
	}
	if s >= e {
		return -1, -1
	}
	return s, e
}

// relativeAntecedent returns the token range of the noun phrase a
// relative "who" at w describes after a comma: the name before an
// apposition ("Abu Ahmad, a teacher at the school, who"), else the phrase
// right before the comma, back to the verb or preposition that governs it
// ("spoke to Umm Khaled, who", "interviewed a farmer from the village,
// who"). -1 when there is none.
func relativeAntecedent(toks []token, w int) (int, int) {
	if w < 2 || !isPunct(&toks[w-1], ",") {
		return -1, -1
	}
	c := w - 1
	// An apposition set off by commas: ", a teacher at the school,".
	for o := c - 1; o > 0 && o >= c-10; o-- {
		if toks[o].kind == tPunct {
			if isPunct(&toks[o], ",") && o+1 < c {
				switch toks[o+1].low {
				case "a", "an", "the":
					if o > 0 && toks[o-1].kind == tWord && toks[o-1].cap {
						c = o
					}
				}
			}
			break
		}
	}
	s := c
	for s > 0 && c-s < 6 {
		t := &toks[s-1]
		if t.kind == tPunct || antecedentStops[t.low] || verbLike(t.low) && !t.cap {
			break
		}
		s--
	}
	if s == c || s == 0 && c-s >= 6 {
		return -1, -1
	}
	// Only a phrase a governing word opens: the object of "spoke to".
	if s == 0 || !antecedentStops[toks[s-1].low] && !verbLike(toks[s-1].low) {
		return -1, -1
	}
	return s, c
}

// antecedentStops govern the noun phrase a relative "who" describes.
var antecedentStops = set("to", "with", "interviewed", "quoted", "met", "contacted", "reached", "by", "and", "told", "asked", "visited")

// coordinatedSubject returns the subject of the first past-tense verb of
// the clause that "and" at a closes: "A ministry official, quoted by the
// agency, called the statement a lie and said ...". -1 when there is none.
func coordinatedSubject(toks []token, a int) (int, int) {
	for k := 1; k < a; k++ {
		t := &toks[k]
		if isPunct(t, ";") || isPunct(t, ":") || isQuote(t) {
			return -1, -1
		}
		if t.kind != tWord || t.cap || !strings.HasSuffix(t.low, "ed") || len(t.low) < 5 {
			continue
		}
		if s, e := subjectBefore(toks, k); s >= 0 {
			return s, e
		}
	}
	return -1, -1
}

// describedByRelative reports whether toks[s:e] is a description opened by an
// article or a numeral whose noun phrase, within its first eight words, is
// followed by "who" or "whose".
func describedByRelative(toks []token, s, e int) bool {
	switch toks[s].low {
	case "a", "an", "the", "one", "two", "three", "several", "some":
	default:
		return false
	}
	for k := s + 2; k < e && k <= s+8; k++ {
		if (toks[k].low == "who" || toks[k].low == "whose") && toks[k-1].kind == tWord {
			return true
		}
	}
	return false
}

// firstConjunct returns where the first of two coordinated speakers
// begins, "and" at a: the phrase before it ends in a plural speaker noun
// ("Kurdish officials", "local activists") or a name, starts the clause
// (after punctuation or the claim's start) and is a bare noun phrase of at
// most four words. -1 otherwise: "fighting went on in Kobani and a
// monitor said" joins clauses, not speakers.
func firstConjunct(toks []token, a int) int {
	if a < 1 {
		return -1
	}
	last := &toks[a-1]
	if last.kind != tWord || !(speakerNouns[last.low] != "" && strings.HasSuffix(last.low, "s") || last.cap) {
		return -1
	}
	s := a - 1
	for s > 0 && toks[s-1].kind == tWord && a-s < 4 {
		s--
	}
	if s > 0 && toks[s-1].kind == tWord {
		return -1
	}
	for k := s; k < a; k++ {
		w := toks[k].low
		if locative[w] || w == "of" || w == "and" || w == "that" || finiteVerb(w) || !toks[k].cap && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
			return -1
		}
	}
	return s
}

func firstMention(ms []mention, s, e int) int {
	for k, m := range ms {
		if m.ti >= s && m.tj <= e && m.ent.Kind != graph.KindPlace {
			return k
		}
	}
	return -1
}

// speakerNP resolves the speaker phrase toks[s:e] to an entity.
func (d *docState) speakerNP(toks []token, ms []mention, s, e int) (speech, bool) {
	// The speaker's words begin and end with a word: no stray punctuation
	// or markup at either end.
	for s < e && e <= len(toks) && toks[s].kind == tPunct {
		s++
	}
	for e > s && e <= len(toks) && toks[e-1].kind == tPunct && toks[e-1].text != ")" {
		e--
	}
	// "A resident of Tikrit who returned in May said", "according to a
	// relative of one of the victims who took part in ...": the relative
	// clause describes the speaker; the phrase before it names them.
	for k := s + 1; k < e && k < len(toks); k++ {
		if w := toks[k].low; (w == "who" || w == "whose") && toks[k-1].kind == tWord {
			e = k
			break
		}
	}
	sp := speech{npS: s, npE: e}
	if s >= e || e > len(toks) {
		return sp, false
	}
	sp.s, sp.e = toks[s].s, toks[e-1].e
	for k := s; k < e; k++ {
		// A figure is no speaker's; "a relative of one of the victims"
		// is one.
		if toks[k].kind == tNum && coveredBy(ms, k) < 0 && !(k > s && k+1 < e && toks[k+1].low == "of" && toks[k-1].low == "of") {
			return sp, false
		}
		if finiteVerb(toks[k].low) && toks[k].low != "put" {
			return sp, false
		}
	}
	first := toks[s].low
	if first == "no" || first == "none" || first == "nobody" || first == "neither" {
		return sp, false
	}
	// "..., contrary to what some media claimed", "unlike what the
	// ministry said": the verb is in a free relative that the claim sets
	// itself against, not an attribution of it.
	for k := s; k < e; k++ {
		if toks[k].low == "what" {
			return sp, false
		}
	}
	// "The Health Ministry's news website said", "the coalition's official
	// news agency said": an owner's own outlet, not named, speaks for its
	// owner (an outlet named after it, "its channel al-Masirah", is that
	// outlet).
	if p := ownOutlet(toks, s, e); p > s {
		cp := append([]token(nil), toks...)
		cp[p].low, cp[p].text = cp[p].base, trimPossessive(cp[p].text)
		if o, ok := d.speakerNP(cp, ms, s, p+1); ok {
			o.npE = e
			return o, true
		}
	}
	// Pronouns and definite descriptions resolve through the discourse.
	if e-s == 1 {
		switch first {
		case "he", "she":
			// A name the gazetteer lacks that has spoken ("Abu Khaled, a
			// resident of the town, told ...") is the person "he" is.
			sp.pronoun = true
			sp.ent = d.discourse.find(func(r *speakerRec) bool {
				return r.ent.Kind == graph.KindPerson || r.ent.Kind == graph.KindAnonymous && !plural(r) ||
					r.ent.Kind == graph.KindUnclassified && !r.ent.Gazetteer && len(strings.Fields(r.ent.Name)) >= 2
			})
			return sp, sp.ent != nil
		case "they":
			sp.pronoun = true
			sp.ent = d.discourse.find(func(r *speakerRec) bool {
				return plural(r) || r.ent.Kind != graph.KindPerson && r.ent.Kind != graph.KindAnonymous
			})
			return sp, sp.ent != nil
		case "it":
			sp.pronoun = true
			sp.ent = d.discourse.find(func(r *speakerRec) bool {
				return r.ent.Kind != graph.KindPerson && r.ent.Kind != graph.KindAnonymous
			})
			return sp, sp.ent != nil
		case "i", "we":
			// (In a meeting record's turn, the delegation that has the
			// floor.)
			sp.ent = d.voice
			if d.turn != nil {
				sp.ent = d.turn
			} else if d.talk.on && d.talk.ent != nil {
				sp.ent = d.talk.ent
			}
			return sp, sp.ent != nil
		}
	}
	// "His office described the bombing as", "her spokesman said": the
	// person the text named last speaks through them.
	if (first == "his" || first == "her") && e-s == 2 && (toks[s+1].low == "office" || spokesNouns[toks[s+1].low] || toks[s+1].low == "aides") {
		if p := d.discourse.find(func(r *speakerRec) bool { return r.ent.Kind == graph.KindPerson }); p != nil {
			sp.ent = p
			return sp, true
		}
	}
	// "Its spokesman in Geneva said", "their representative told": an
	// unnamed spokesman of the party that spoke last speaks for it.
	if (first == "its" || first == "their") && s+1 < e && spokesNouns[toks[s+1].low] {
		if a := d.discourse.find(func(r *speakerRec) bool {
			switch r.ent.Kind {
			case graph.KindPerson, graph.KindAnonymous, graph.KindPlace, graph.KindUnclassified, graph.KindUnknown:
				return false
			}
			return !d.isVoice(r.ent)
		}); a != nil {
			sp.ent = a
			return sp, true
		}
	}
	// "Moscow denied", "Ankara said": a capital that speaks is its
	// state's government, not a place the claim names.
	for k := range ms {
		m := &ms[k]
		if m.ti == s && m.tj == e && m.ent.Kind == graph.KindPlace {
			if st, ok := capitals[m.ent.Name]; ok {
				if state := d.lookup(st, graph.KindState); state != nil {
					if gov := d.x.govOf[state.ID]; gov != nil {
						m.ent = gov
						sp.ent = gov
						return sp, true
					}
				}
			}
		}
	}
	// "Qasioun reported that ...": a name that is a place and also a
	// speaking party's (an outlet, a monitor, an organisation) is the
	// party when it speaks; places do not report.
	for k := range ms {
		m := &ms[k]
		if m.ti == s && m.tj == e && m.ent.Kind == graph.KindPlace {
			if o := d.lookup(d.text[m.s:m.e], graph.KindOutlet, graph.KindMonitor, graph.KindOrg); o != nil {
				m.ent = o
				sp.ent = o
				return sp, true
			}
		}
	}
	// Named entities in the phrase.
	var person, actor, ppActor *mention
	for k := range ms {
		m := &ms[k]
		if m.ti < s || m.tj > e || m.ent.Kind == graph.KindPlace {
			continue
		}
		// "a diplomat at the OPCW" is one of its staff, as "a commander
		// in X" is one of X's.
		inPP := false
		for k := s; k < m.ti; k++ {
			if w := toks[k].low; w == "of" || w == "in" || w == "by" || w == "from" || w == "with" || w == "against" || w == "at" {
				inPP = true
			}
		}
		if m.ent.Kind == graph.KindPerson {
			person = m
		} else if !inPP && (actor == nil || m.ent.Kind != graph.KindState) {
			actor = m
		} else if inPP && ppActor == nil {
			ppActor = m
		}
	}
	head := ""
	for k := e - 1; k >= s; k-- {
		if _, ok := speakerNouns[toks[k].low]; ok {
			head = toks[k].low
			break
		}
		if toks[k].low == "in" || toks[k].low == "of" || toks[k].low == "for" || toks[k].low == "at" || toks[k].low == "from" {
			// the head comes before a post-modifier: "a source in the city"
			continue
		}
	}
	headAt := -1
	for k := s; k < e; k++ {
		if toks[k].low == head {
			headAt = k
			break
		}
	}
	// "the True News Information Team of the State Administration
	// Council", "the Media Office of the Kachin Independence Army": a
	// unit of a party, named, speaks for the party.
	if ppActor != nil && person == nil {
		us := s
		for us < e && (toks[us].low == "the" || toks[us].low == "a" || toks[us].low == "its") {
			us++
		}
		if u := partyUnit(toks, us, e); u > us && (actor == nil || !actor.ent.Gazetteer && actor.ti >= us && actor.tj <= u+1) {
			switch ppActor.ent.Kind {
			case graph.KindGovernment, graph.KindArmy, graph.KindArmedGroup, graph.KindCoalition:
				sp.ent = ppActor.ent
				return sp, true
			}
		}
	}
	if person != nil {
		sp.ent = person.ent
		if actor != nil && person.ent.Affiliation == nil && !person.ent.Gazetteer {
			a := actor.ent.ID
			person.ent.Affiliation = &a
		}
		// "Interior ministry spokesman Tariq Arian": he speaks for the
		// ministry.
		if actor == nil && person.ent.Affiliation == nil && !person.ent.Gazetteer {
			d.spokesmanOf(toks, s, person.ti, person.ent)
		}
		roles := []string{"person"}
		if head != "" {
			roles = append(roles, head)
		}
		d.discourse.note(person.ent, roles...)
		return sp, true
	}
	// "our correspondent", "our team": the document's own staff speak for
	// it; so does their count ("according to a preliminary count by our
	// ambulance teams").
	if first == "our" && head != "" && speakerNouns[head] == graph.KindAnonymous && d.voice != nil {
		sp.ent = d.voice
		return sp, true
	}
	for k := s + 2; k < e; k++ {
		if toks[k].low == "our" && countHead(toks, s, k) && d.voice != nil && actor == nil && person == nil {
			sp.ent = d.voice
			return sp, true
		}
	}
	// "the digest's correspondent", "the agency's reporter": an outlet
	// named by its kind, not its name, is the one that carries the text.
	if first == "the" && s+1 < e && (head == "correspondent" || head == "reporter" || head == "correspondents" || head == "reporters") && d.voice != nil {
		w := trimPossessive(toks[s+1].low)
		if outletKindNouns[w] && (w != toks[s+1].low || s+2 < e && (toks[s+2].low == "'s" || toks[s+2].low == "’s")) {
			sp.ent = d.voice
			return sp, true
		}
	}
	// "the health ministry of the internationally recognised Government
	// of National Accord": a government's ministry, by the government's
	// name.
	if m := d.governmentMinistry(toks, ms, s, e); m != nil {
		sp.ent = m
		return sp, true
	}
	// "the Turkish defence ministry", "Turkey's defence ministry": a
	// state's ministry the gazetteer lacks is the ministry of that state.
	if e := d.stateMinistry(toks, s, e); e != nil {
		sp.ent = e
		return sp, true
	}
	// "The ministry, which had announced ...": the state's ministry the
	// text named last ("as Iraq's Health Ministry raised the toll").
	if e-s == 2 && first == "the" && toks[s+1].low == "ministry" {
		if m := d.lastStateMinistry(toks[s].s); m != nil {
			sp.ent = m
			return sp, true
		}
		// The ministry that spoke last; in a government's own statement
		// that names none speaking, its own ministry.
		if m := d.resolveDescription("ministry"); m != nil {
			sp.ent = m
			return sp, true
		}
		if d.voice != nil && d.voice.Kind == graph.KindGovernment {
			sp.ent = d.voice
			return sp, true
		}
	}
	// "The Ministry of Foreign Affairs" with no state named, in a document
	// about a country: that country's ministry, when the gazetteer knows it
	// by the adjective ("Syrian Ministry of Foreign Affairs").
	if actor != nil && !actor.ent.Gazetteer && d.country != nil && strings.HasPrefix(actor.ent.Name, "Ministry of ") {
		if adj := d.x.adjOf[d.country.Name]; adj != "" {
			name := actor.ent.Name
			if i := strings.Index(name, " and "); i > 0 {
				name = name[:i]
			}
			if g := d.lookup(adj + " " + name); g != nil && g.Kind != graph.KindPlace && g.Kind != graph.KindState {
				sp.ent = g
				return sp, true
			}
		}
	}
	// "Russia's defence ministry", "Syria's foreign ministry": the body of
	// that state, when the gazetteer knows it by the adjective.
	if actor != nil && actor.ent.Kind == graph.KindState && actor.tj < e && strings.HasSuffix(toks[actor.tj-1].low, "'s") {
		if adj := d.x.adjOf[actor.ent.Name]; adj != "" {
			if g := d.lookup(adj + " " + d.text[toks[actor.tj].s:toks[e-1].e]); g != nil && g.Kind != graph.KindPlace && g.Kind != graph.KindState {
				sp.ent = g
				return sp, true
			}
		}
	}
	// "a count by the Network", "figures from the monitor": whose count.
	if actor == nil && person == nil && ppActor != nil && countHead(toks, s, ppActor.ti) {
		sp.ent = ppActor.ent
		return sp, true
	}
	anonHead := head != "" && speakerNouns[head] == graph.KindAnonymous
	// "Rebels said", "armed groups in the valley say", "militants and a
	// monitor said": the opposition named by a plural common noun is one
	// party when it acts, but as a source it names nobody in particular:
	// unnamed sources described by those words.
	if actor != nil && person == nil && actor.ent.Name == oppositionName && commonWords(toks, actor.ti, actor.tj) {
		ds := s
		for ds < actor.ti && (toks[ds].low == "the" || toks[ds].low == "some" || toks[ds].low == "several") {
			ds++
		}
		ne := actor.tj
		if anonHead && headAt >= ne {
			ne = headAt + 1
		}
		ent := d.newEntity(graph.KindAnonymous, d.text[toks[ds].s:toks[ne-1].e], []string{d.text[toks[s].s:toks[e-1].e]}, true)
		sp.anonymous = true
		d.discourse.note(ent, toks[ne-1].low)
		sp.ent = ent
		return sp, true
	}
	if actor != nil && !(anonHead && headAt > actor.tj-1) {
		if b := d.placedBody(toks, ms, actor, e); b != nil {
			sp.ent = b
			return sp, true
		}
		sp.ent = actor.ent
		// "the Observatory", "the Britain-based monitor": a name.
		return sp, true
	}
	// "Our humanitarian colleagues now tell us", in a United Nations
	// briefing: the Office for the Coordination of Humanitarian Affairs,
	// as the Organization's spokespeople call it.
	if e-s >= 2 && toks[e-1].low == "colleagues" && toks[e-2].low == "humanitarian" && d.voice != nil && d.voice.Kind == graph.KindIntlBody {
		if o := d.lookup("OCHA", graph.KindIntlBody); o != nil {
			sp.ent = o
			return sp, true
		}
	}
	if head == "" {
		// "the civil defence" in a report about Syria is the Syrian Civil
		// Defence: the country's adjective makes a name the gazetteer knows.
		if g := d.countryNamed(toks, s, e); g != nil {
			sp.ent = g
			return sp, true
		}
		return sp, false
	}
	definite := first == "the" || first == "this" || first == "that"
	if definite && !anonHead || definite && anonHead && e-s <= 3 {
		if e := d.resolveDescription(head); e != nil {
			sp.ent = e
			return sp, true
		}
	}
	switch head {
	case "statement", "report", "communique", "briefing", "broadcast":
		// "X said in a statement that ... . The statement said ...":
		// X's statement, not the document's.
		if definite && (head == "statement" || head == "communique") && d.lastStatement != nil {
			sp.ent = d.lastStatement
			return sp, true
		}
		if definite && d.voice != nil {
			sp.ent = d.voice
			return sp, true
		}
		return sp, false
	}
	// "the Government said", "the authorities said": the government of
	// the country the text is about, a party, not a source unnamed.
	if definite && headAt == s+1 && e == s+2 && (head == "government" || head == "authorities") && d.country != nil {
		if gov := d.x.govOf[d.country.ID]; gov != nil {
			sp.ent = gov
			return sp, true
		}
	}
	// A new source described, not named: "a government source in the
	// city", "Pro-government media", "Syrian state television".
	ne := headAt + 1
	if ne <= s {
		ne = e
	}
	ds := s
	for ds < ne && (toks[ds].low == "a" || toks[ds].low == "an" || toks[ds].low == "the" || toks[ds].low == "one" || toks[ds].low == "two" || toks[ds].low == "several" || toks[ds].low == "some" || toks[ds].low == "other") {
		ds++
	}
	if ds >= ne {
		return sp, false
	}
	name := d.text[toks[ds].s:toks[ne-1].e]
	full := d.text[toks[s].s:toks[e-1].e]
	if g := d.lookup(name); g != nil && g.Kind != graph.KindPlace && !(ne-ds == 1 && !toks[ds].cap) {
		// (A bare common noun, "a monitor", names no outlet.)
		sp.ent = g
		return sp, true
	}
	// "state television" in a report about Syria is Syrian state television,
	// capitalised or not at the start of a sentence or a flash line.
	if d.country != nil && (!toks[ds].cap || ds == 0 || toks[ds-1].kind == tPunct) {
		if adj := d.x.adjOf[d.country.Name]; adj != "" {
			if g := d.lookup(adj + " " + name); g != nil && g.Kind != graph.KindPlace {
				sp.ent = g
				return sp, true
			}
		}
	}
	if b := d.localBody(toks, ms, s, ds, headAt, full); b != nil {
		sp.ent = b
		return sp, true
	}
	// "The Group documented", "testimony which the Group heard", in a
	// report of the Group of Experts: the author by the capitalised head
	// of its name.
	if toks[headAt].cap && headAt > 0 && (definite || toks[headAt-1].low == "the") && d.authorWord != "" && d.authorWord == head {
		sp.ent = d.author
		return sp, true
	}
	kind := speakerNouns[head]
	// "a Yemeni rights group", "a monitoring group": a monitor, not an
	// armed group.
	if head == "group" && headAt > ds && monitorGroupWords[toks[headAt-1].low] {
		kind = graph.KindMonitor
	}
	// "a war monitor said" in a lede, in a report that names one monitor
	// (later: "The Syrian Observatory for Human Rights, a Britain-based war
	// monitor, said"): that monitor.
	if kind == graph.KindMonitor && !definite && !toks[ds].cap {
		if m := d.onlyMonitor(); m != nil {
			sp.ent = m
			return sp, true
		}
	}
	scoped := true
	if kind != graph.KindAnonymous {
		// A specific description with a proper adjective ("Syrian state
		// television") names one source; a bare one is anonymous.
		if toks[ds].cap && !definite {
			scoped = false
		} else {
			kind = graph.KindAnonymous
		}
	}
	if kind == "" {
		return sp, false
	}
	ent := d.newEntity(kind, name, []string{full}, scoped)
	if actor == nil {
		actor = ppActor // "a spokesman for the group"
	}
	if ent.Affiliation == nil {
		if a := d.affiliationOf(toks[s:e], actor); a != nil {
			id := a.ID
			ent.Affiliation = &id
		}
	}
	sp.anonymous = kind == graph.KindAnonymous
	d.discourse.note(ent, head)
	sp.ent = ent
	return sp, true
}

// authorHead is the first word of the author's name, folded, when the
// author is a body whose text may call it by that word ("the Group", "the
// Panel", "the Commission"): "" for none, a person or a State. Read once
// per document, into d.authorWord, when the author is resolved.
func (d *docState) authorHead() string {
	if d.author == nil || d.author.Kind == graph.KindPerson || d.author.Kind == graph.KindState || d.author.Name == strings.ToLower(d.author.Name) {
		return ""
	}
	ws := strings.Fields(fold(d.author.Name))
	if len(ws) < 3 || ws[1] != "of" && ws[1] != "for" && ws[1] != "on" {
		return ""
	}
	return ws[0]
}

// partyUnits are the heads of the names of a party's units that speak for
// it.
var partyUnits = set("team", "office", "cell", "unit", "department", "directorate", "bureau", "centre", "center", "wing")

// partyUnit returns the index of the head of a unit's name that opens
// toks[s:e] and is followed by "of" ("True News Information Team of
// ..."), or -1.
func partyUnit(toks []token, s, e int) int {
	for k := s; k+1 < e && k < s+6; k++ {
		if !toks[k].cap || toks[k].kind != tWord {
			return -1
		}
		if partyUnits[toks[k].low] && toks[k+1].low == "of" {
			return k
		}
	}
	return -1
}

// monitorGroupWords before "group" make a monitor of it.
var monitorGroupWords = set("rights", "monitoring", "watchdog", "advocacy", "campaign")

// spokesNouns are the nouns of those who speak for a body by office.
var spokesNouns = set("spokesman", "spokeswoman", "spokesperson", "representative", "envoy")

// descriptiveAside reports whether toks[s:e] is a noun phrase that
// describes who someone is ("a spokesman for the Health Ministry run by
// the Houthi movement in Sanaa"), not a clause ("who spoke on condition of
// anonymity because he was not authorised").
func descriptiveAside(toks []token, s, e int) bool {
	if s >= e {
		return false
	}
	switch toks[s].low {
	case "a", "an", "the":
	default:
		return false
	}
	for k := s; k < e; k++ {
		switch toks[k].low {
		case "who", "which", "whose", "because", "when", "while", "after", "as":
			return false
		}
		if toks[k].kind == tPunct && toks[k].text != "-" && toks[k].text != "'" {
			return false
		}
	}
	return true
}

// localBodies are the nouns of a town's or a province's own bodies.
var localBodies = set("council", "committee", "directorate", "municipality", "administration")

// localBody reads a local body named by its place, "The Murzuq municipal
// council", "the town's municipal council" (the town the text named last),
// "the Hajjah health directorate": that place's body, one organisation the
// texts can name again, not an unnamed source. toks[ds:headAt+1] is the
// description without its determiner; nil when it is no such body.
func (d *docState) localBody(toks []token, ms []mention, s, ds, headAt int, full string) *graph.Entity {
	if headAt < 0 || headAt <= ds || !localBodies[toks[headAt].low] {
		return nil
	}
	var place *graph.Entity
	from := ds
	if k := coveredBy(ms, ds); k >= 0 && ms[k].ent.Kind == graph.KindPlace && ms[k].tj <= headAt && !ms[k].ref {
		place, from = ms[k].ent, ms[k].tj
	} else if w := trimPossessive(toks[ds].low); w != toks[ds].low && ds > s && toks[ds-1].low == "the" {
		if types, ok := placeRefNouns[w]; ok && w != "area" {
			place, from = d.recentPlace(types, false), ds+1
		}
	}
	if place == nil || from > headAt {
		return nil
	}
	// Only adjectives between the place and the noun: "municipal",
	// "local", "health"; no other name, no preposition.
	for k := from; k < headAt; k++ {
		if toks[k].kind != tWord || toks[k].cap || coveredBy(ms, k) >= 0 || toks[k].low == "of" || speakerNouns[toks[k].low] != "" {
			return nil
		}
	}
	name := place.Name + " " + d.text[toks[from].s:toks[headAt].e]
	ent := d.newEntity(graph.KindOrg, name, []string{full}, false)
	d.discourse.note(ent, toks[headAt].low)
	return ent
}

// placedBody reads a local body named by its kind and its place, "The
// Directorate of Education in Idlib", "the Local Council in Saraqib", "The
// Local Council of Saraqib": that place's body ("Idlib Directorate of
// Education", "Saraqib Local Council"), one organisation however the text
// words it, as localBody reads "the Hajjah health directorate". actor is
// a name the gazetteer lacks, and the place ends it or follows it ("in",
// "of") to the phrase's end e; nil when the phrase is no such body.
func (d *docState) placedBody(toks []token, ms []mention, actor *mention, e int) *graph.Entity {
	if actor.ent.Gazetteer {
		return nil
	}
	// "Local" and "Municipal" start the body's name though a run of
	// capitalised words leaves them out.
	bs := actor.ti
	for bs > 0 && toks[bs-1].cap && bodyAdjectives[toks[bs-1].low] {
		bs--
	}
	var place *graph.Entity
	be := actor.tj
	if actor.tj+2 <= e && (toks[actor.tj].low == "in" || toks[actor.tj].low == "of") {
		k := coveredBy(ms, actor.tj+1)
		if k < 0 || ms[k].ti != actor.tj+1 || ms[k].tj != e || ms[k].ent.Kind != graph.KindPlace || ms[k].ref {
			return nil
		}
		place = ms[k].ent
	} else {
		for k := actor.ti + 1; k+1 < actor.tj; k++ {
			if toks[k].low == "of" {
				place = d.lookup(d.text[toks[k+1].s:toks[actor.tj-1].e], graph.KindPlace)
				if place == nil {
					place = d.newPlaces[keyOf(d.text[toks[k+1].s:toks[actor.tj-1].e])]
				}
				be = k
				break
			}
		}
	}
	if place == nil || be <= bs || !localBodies[toks[bs].low] && !localBodies[toks[be-1].low] && !localBodies[toks[actor.ti].low] {
		return nil
	}
	name := place.Name + " " + d.text[toks[bs].s:toks[be-1].e]
	ent := d.newEntity(graph.KindOrg, name, []string{d.text[toks[bs].s:toks[max(e, actor.tj)-1].e]}, false)
	d.discourse.note(ent, toks[actor.ti].low, toks[be-1].low)
	return ent
}

// bodyAdjectives start the names of local bodies: "Local Council".
var bodyAdjectives = set("local", "municipal", "provincial", "city", "town", "village")

// interviewParticiples after a description of someone say that the
// writer spoke with a person: "a trader interviewed by the Commission".
var interviewParticiples = set("interviewed", "contacted", "reached", "questioned", "speaking", "quoted")

// describedSource reads an unnamed person introduced by an indefinite
// description as the subject of a verb of saying, where the description's
// noun is not one the rules know as a source: "A former municipal employee
// said", "A trader interviewed by the Commission said", "A vendor in the
// market told the Commission". The description must say it is a person:
// a relative "who" after its noun, a participle of interviewing, a noun of
// a person's occupation (-ee, -ist, -ian), or an agent noun (-er, -or) as
// the subject of "told". The new source is anonymous, scoped to the
// document, affiliated with a party its words name.
func (d *docState) describedSource(toks []token, ms []mention, s, e, v int) (speech, bool) {
	if s >= e || e > len(toks) || v >= len(toks) {
		return speech{}, false
	}
	switch toks[s].low {
	case "a", "an", "one", "another":
	default:
		return speech{}, false
	}
	human := false
	end, interview := e, e
	for k := s + 1; k < e; k++ {
		if w := toks[k].low; w == "who" || w == "whose" {
			human, end = true, k
			break
		}
	}
	// The noun: the last word before a post-modifier (a preposition, a
	// participle) or the phrase's end.
	h := -1
	for k := s + 1; k < end; k++ {
		t := &toks[k]
		w := t.low
		if t.kind != tWord || t.cap || coveredBy(ms, k) >= 0 && h < 0 {
			return speech{}, false
		}
		if h >= 0 && (locative[w] || w == "of" || w == "from" || w == "in" || w == "at" || w == "with" || w == "for" || w == "on" || interviewParticiples[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
			if interviewParticiples[w] {
				human, interview = true, k
			}
			break
		}
		h = k
	}
	if h < 0 {
		return speech{}, false
	}
	head := toks[h].low
	if strings.HasSuffix(head, "s") || len(head) < 4 || speakerNouns[head] != "" || countNouns[head] {
		return speech{}, false
	}
	occupation := strings.HasSuffix(head, "ee") || strings.HasSuffix(head, "ist") || strings.HasSuffix(head, "ian")
	agent := strings.HasSuffix(head, "er") || strings.HasSuffix(head, "or")
	told := toks[v].low == "told" || toks[v].low == "tells"
	if !human && !occupation && !(agent && told) {
		return speech{}, false
	}
	for k := s; k < end; k++ {
		if toks[k].kind == tNum || finiteVerb(toks[k].low) {
			return speech{}, false
		}
	}
	sp := speech{npS: s, npE: end, s: toks[s].s, e: toks[end-1].e, anonymous: true}
	name := d.text[toks[s+1].s:toks[h].e]
	ent := d.newEntity(graph.KindAnonymous, name, []string{d.text[toks[s].s:toks[end-1].e]}, true)
	if ent.Affiliation == nil {
		var party *mention
		for q := range ms {
			// Not the interviewer: "a trader interviewed by the Commission".
			if m := &ms[q]; m.ti > h && m.tj <= end && m.tj <= interview && m.ent.Kind != graph.KindPlace && m.ent.Kind != graph.KindPerson {
				party = m
				break
			}
		}
		if party != nil {
			id := party.ent.ID
			ent.Affiliation = &id
		}
	}
	d.discourse.note(ent, head)
	sp.ent = ent
	return sp, true
}

// onlyMonitor returns the one monitoring group the gazetteer finds in the
// document's text, nil when it names none or several.
func (d *docState) onlyMonitor() *graph.Entity {
	var one *graph.Entity
	for _, m := range d.gaz {
		if m.Entity == nil || m.Entity.Kind != graph.KindMonitor {
			continue
		}
		if one != nil && one.ID != m.Entity.ID {
			return nil
		}
		one = m.Entity
	}
	return one
}

// countNouns head a phrase that stands for its author's findings.
var countNouns = set("count", "tally", "figures", "figure", "data", "toll", "tolls",
	"estimate", "estimates", "records", "report", "reports", "statement", "documentation")

// countHead reports whether toks[s:at] is a count noun and the preposition
// that introduces its author: "a count by", "figures from", "a report of".
func countHead(toks []token, s, at int) bool {
	p := at - 1
	for p > s && (toks[p].low == "the" || toks[p].low == "a") {
		p--
	}
	if p <= s || (toks[p].low != "by" && toks[p].low != "from" && toks[p].low != "of") {
		return false
	}
	for k := s; k < p; k++ {
		if countNouns[toks[k].low] {
			return true
		}
	}
	return false
}

// countryNamed resolves a short lower-case description after "the" to the
// gazetteer entity the document's country adjective names, or nil.
func (d *docState) countryNamed(toks []token, s, e int) *graph.Entity {
	if d.country == nil || e-s < 2 || e-s > 4 || toks[s].low != "the" {
		return nil
	}
	for k := s + 1; k < e; k++ {
		if toks[k].kind != tWord || toks[k].cap {
			return nil
		}
	}
	adj := d.x.adjOf[d.country.Name]
	if adj == "" {
		return nil
	}
	if g := d.lookup(adj + " " + d.text[toks[s+1].s:toks[e-1].e]); g != nil && g.Kind != graph.KindPlace && g.Kind != graph.KindState {
		return g
	}
	return nil
}

// personDescription reports whether toks[s:e] describes one person by an
// office or role: it opens with an article or a possessive ("the city's
// governor", "a commander in X", "its spokesman") and its head, before any
// preposition, is a singular common noun.
func personDescription(toks []token, s, e int) bool {
	switch toks[s].low {
	case "a", "an", "the", "its", "his", "her", "their", "our", "one":
	default:
		// "Haditha's mayor": a possessive name opens it too.
		if !(strings.HasSuffix(toks[s].low, "'s") && toks[s].cap && s+2 == e) {
			return false
		}
	}
	h := e - 1
	for k := s + 1; k < e; k++ {
		if w := toks[k].low; w == "of" || w == "in" || w == "for" || w == "at" || w == "from" || w == "with" {
			h = k - 1
			break
		}
	}
	t := &toks[h]
	// An office may be capitalised: "The Governor of Rif Dimashq".
	return h > s && t.kind == tWord && (!t.cap || officeTitles[t.low]) && !strings.HasSuffix(t.low, "'s") && !strings.HasSuffix(t.low, "s")
}

func plural(r *speakerRec) bool {
	for _, x := range r.roles {
		if strings.HasSuffix(x, "s") && x != "news" || x == "media" {
			return true
		}
	}
	return false
}

// resolveDescription resolves "the source", "the monitor", "the channel",
// "the spokesman" to the latest speaker that fits.
func (d *docState) resolveDescription(head string) *graph.Entity {
	kind := speakerNouns[head]
	e := d.discourse.find(func(r *speakerRec) bool {
		if hasRole(r, head) {
			return true
		}
		switch kind {
		case graph.KindMonitor, graph.KindOutlet, graph.KindGovernment, graph.KindArmy, graph.KindCoalition, graph.KindArmedGroup:
			// ("The group said" after a rights group spoke: that group.)
			return r.ent.Kind == kind || head == "group" && (r.ent.Kind == graph.KindMonitor || r.ent.Kind == graph.KindOrg)
		case graph.KindPerson:
			return r.ent.Kind == graph.KindPerson
		}
		return false
	})
	if e != nil {
		return e
	}
	// The document's own author: "according to the broadcast", "the
	// channel said" in a broadcaster's report.
	if d.author != nil && (kind == d.author.Kind || kind == graph.KindOutlet && head == "broadcast") {
		return d.author
	}
	return nil
}

// affiliationOf says whom an anonymous source speaks for: an actor named
// in its description ("a coalition official"), or the government of the
// country the document is about for "government", "regime", "official",
// "military" and "pro-government" sources.
func (d *docState) affiliationOf(toks []token, actor *mention) *graph.Entity {
	if actor != nil {
		return actor.ent
	}
	for k := range toks {
		switch toks[k].low {
		case "government", "pro-government", "regime", "pro-regime", "official", "state", "military", "security", "army", "loyalist":
			if d.country != nil {
				if g := d.governmentOf(d.country); g != nil {
					return g
				}
			}
		}
		if toks[k].low == "coalition" {
			if c := d.lookup("Coalition", graph.KindCoalition); c != nil {
				return c
			}
		}
	}
	return nil
}

// adjectiveOf gives the adjective of a country's name, to resolve "state
// television" or "the defence ministry" in a report about that country.
var adjectiveOf = map[string]string{
	"Syria": "Syrian", "Russia": "Russian", "Iraq": "Iraqi", "Turkey": "Turkish",
	"Iran": "Iranian", "Israel": "Israeli", "United States": "US",
	"United Kingdom": "British", "France": "French", "Lebanon": "Lebanese",
	"Jordan": "Jordanian", "Saudi Arabia": "Saudi", "United Arab Emirates": "Emirati",
	"Yemen": "Yemeni", "Libya": "Libyan", "Egypt": "Egyptian", "Qatar": "Qatari",
	"Bahrain": "Bahraini", "Kuwait": "Kuwaiti", "Sudan": "Sudanese",
}

// capitals stand for their states' governments when they speak.
var capitals = map[string]string{
	"Moscow": "Russia", "Damascus": "Syria", "Ankara": "Turkey", "Washington": "United States",
	"Tehran": "Iran", "Baghdad": "Iraq", "London": "United Kingdom", "Paris": "France",
	"Beirut": "Lebanon", "Amman": "Jordan", "Riyadh": "Saudi Arabia", "Doha": "Qatar",
	"Cairo": "Egypt", "Berlin": "Germany",
}

// ministryNames are the official names of ministries by the word that
// names them in news style ("the Turkish defence ministry"); officialMinistry
// the names that differ for some states.
var ministryNames = map[string]string{
	"defence": "Ministry of Defence", "defense": "Ministry of Defence",
	"foreign": "Ministry of Foreign Affairs", "interior": "Ministry of Interior",
	// Ministries that count the dead and wounded, or speak for the
	// state: "the Health Ministry said the toll had risen".
	"health": "Ministry of Health", "information": "Ministry of Information",
	"justice": "Ministry of Justice",
}

var officialMinistry = map[string]map[string]string{
	"Turkey": {"defence": "Ministry of National Defence"},
	"Greece": {"defence": "Ministry of National Defence"},
}

// stateMinistry resolves "the Turkish defence ministry", "Turkey's defence
// ministry", "the Turkish Ministry of Defence" to the ministry of that
// state: the gazetteer's entity when it knows one by the adjective, else a
// new government body "Ministry of Defence of Turkey" affiliated with the
// state's government.
// lastStateMinistry returns the state's ministry the text names last
// before byte offset at ("Iraq's Health Ministry", "the Iraqi interior
// ministry"), or nil.
func (d *docState) lastStateMinistry(at int) *graph.Entity {
	for si := len(d.segs) - 1; si >= 0; si-- {
		sg := &d.segs[si]
		if sg.s >= at {
			continue
		}
		toks := sg.toks
		for k := len(toks) - 1; k >= 0; k-- {
			if toks[k].s >= at || toks[k].low != "ministry" {
				continue
			}
			// The ministry's name ends here ("Health Ministry") or runs
			// on ("Ministry of Health").
			for _, end := range []int{k + 1, k + 3, k + 4} {
				if end > len(toks) {
					continue
				}
				for s := k - 2; s <= k; s++ {
					if s < 0 {
						continue
					}
					if m := d.stateMinistry(toks, s, end); m != nil {
						return m
					}
				}
			}
		}
	}
	return nil
}

// governmentMinistry reads a ministry named by its field and the
// government it belongs to, when the government is not a State's own
// ("the health ministry of the internationally recognised Government of
// National Accord", "the Ministry of Health of the GNA"): the ministry of
// that government, named as the government's ministries are ("Ministry of
// Health of the Government of National Accord"). nil for any other phrase.
func (d *docState) governmentMinistry(toks []token, ms []mention, s, e int) *graph.Entity {
	k := s
	if k < e && toks[k].low == "the" {
		k++
	}
	field := ""
	switch {
	case k+2 < e && ministryNames[toks[k].low] != "" && toks[k+1].low == "ministry" && toks[k+2].low == "of":
		field, k = toks[k].low, k+3
	case k+4 < e && toks[k].low == "ministry" && toks[k+1].low == "of" && ministryNames[toks[k+2].low] != "" && toks[k+3].low == "of":
		field, k = toks[k+2].low, k+4
	default:
		return nil
	}
	for q := range ms {
		g := ms[q].ent
		if ms[q].ti < k || ms[q].ti > k+4 || ms[q].tj > e || g.Kind != graph.KindGovernment || !strings.HasPrefix(g.Name, "Government") {
			continue
		}
		if field == "defense" {
			field = "defence"
		}
		name := ministryNames[field] + " of the " + g.Name
		if m := d.lookup(name); m != nil && m.Kind != graph.KindPlace {
			return m
		}
		m := d.newEntity(graph.KindGovernment, name, nil, false)
		if m.Affiliation == nil {
			id := g.ID
			m.Affiliation = &id
		}
		return m
	}
	return nil
}

func (d *docState) stateMinistry(toks []token, s, e int) *graph.Entity {
	k := s
	if k < e && toks[k].low == "the" {
		k++
	}
	if k >= e {
		return nil
	}
	// The state: an adjective or a possessive name.
	var state *graph.Entity
	w := strings.TrimSuffix(toks[k].text, "'s")
	if st := d.stateOfAdjective(w); st != "" {
		state = d.lookup(st, graph.KindState)
	} else if st := d.x.stateNamed[strings.ToLower(w)]; st != "" {
		state = d.lookup(st, graph.KindState)
	}
	if state == nil {
		// "The Interior Ministry", "the Ministry of Defence", capitalised
		// and with no state named, in a document about a country: that
		// country's ministry.
		// (A ministry's own statement names itself so: "the Ministry of
		// Defence said" in a Russian briefing about Syria is its author.)
		if k == s || d.country == nil || !toks[k].cap || toks[e-1].low != "ministry" && toks[k].low != "ministry" ||
			d.author != nil && strings.HasPrefix(d.author.Name, "Ministry") {
			return nil
		}
		state = d.country
		k--
	}
	if field := ministryField(toks, k+1, e); field != "" {
		return d.ministryOf(state, field)
	}
	return nil
}

// ministryField returns the field of a ministry named by toks[k:e] and
// nothing else: "defence ministry", "Ministry of Defence", "Ministry of
// National Defence" give "defence"; "" for other words.
func ministryField(toks []token, k, e int) string {
	switch {
	case k+2 == e && ministryNames[toks[k].low] != "" && toks[k+1].low == "ministry":
		return toks[k].low
	case k+3 == e && toks[k].low == "ministry" && toks[k+1].low == "of" && ministryNames[toks[k+2].low] != "":
		return toks[k+2].low
	case k+4 == e && toks[k].low == "ministry" && toks[k+1].low == "of" && toks[k+2].low == "national" && ministryNames[toks[k+3].low] != "":
		return toks[k+3].low
	}
	return ""
}

// spokesmanOf makes the person p, described by toks[s:e], speak for the
// ministry the description names when it is a ministry's spokesman's
// title ("Interior ministry spokesman", "a health ministry spokesman").
func (d *docState) spokesmanOf(toks []token, s, e int, p *graph.Entity) {
	for h := s; h < e; h++ {
		if spokesNouns[toks[h].low] {
			if m := d.spokesmansMinistry(toks, s, h); m != nil {
				a := m.ID
				p.Affiliation = &a
			}
			return
		}
	}
}

// spokesmansMinistry resolves the ministry a spokesman's title names before
// his name, toks[s:h] with the title word at h: "Interior ministry
// spokesman Tariq Arian", "a health ministry spokesman, Wahidullah Mayar",
// "The Iraqi defence ministry spokesman, X": that state's ministry, else
// the document's country's. Nil for any other title.
func (d *docState) spokesmansMinistry(toks []token, s, h int) *graph.Entity {
	k := s
	for k < h && (toks[k].low == "a" || toks[k].low == "an" || toks[k].low == "the") {
		k++
	}
	if k >= h {
		return nil
	}
	state := d.country
	w := strings.TrimSuffix(toks[k].text, "'s")
	if st := d.stateOfAdjective(w); st != "" {
		state, k = d.lookup(st, graph.KindState), k+1
	} else if st := d.x.stateNamed[strings.ToLower(w)]; st != "" {
		state, k = d.lookup(st, graph.KindState), k+1
	}
	if state == nil {
		return nil
	}
	if field := ministryField(toks, k, h); field != "" {
		return d.ministryOf(state, field)
	}
	return nil
}

// ministryOf is a state's ministry of a field ("defence", "interior"): the
// gazetteer's when it knows it by the state's adjective, else one named
// as the text names such a body ("Ministry of Interior of Iraq"), of the
// state's government.
func (d *docState) ministryOf(state *graph.Entity, field string) *graph.Entity {
	adj := d.x.adjOf[state.Name]
	if g := d.lookup(adj + " " + field + " ministry"); g != nil && g.Kind != graph.KindPlace && g.Kind != graph.KindState {
		return g
	}
	if field == "defense" {
		field = "defence"
	}
	base := ministryNames[field]
	if o := officialMinistry[state.Name][field]; o != "" {
		base = o
	}
	name := base + " of " + state.Name
	if g := d.lookup(name); g != nil && g.Kind != graph.KindPlace {
		return g
	}
	ent := d.newEntity(graph.KindGovernment, name, []string{adj + " " + field + " ministry", adj + " " + base}, false)
	if ent.Affiliation == nil {
		aff := state.ID
		if gov := d.x.govOf[state.ID]; gov != nil {
			aff = gov.ID
		}
		ent.Affiliation = &aff
	}
	return ent
}

// commonWords reports whether toks[i:j] are common words, capitalised at
// most where a sentence or a line starts: "Rebels", "armed groups", not a
// name ("Free Syrian Army").
func commonWords(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].kind != tWord {
			return false
		}
		if toks[k].cap && !(k == i && sentenceStart(toks, k)) {
			return false
		}
	}
	return true
}

// ownOutletWords may stand between an owner's possessive and the outlet
// noun: "the ministry's official news website".
var ownOutletWords = set("official", "own", "state", "state-run", "news", "media", "online", "satellite", "television", "tv", "radio")

// ownOutlet returns the index of the owner's possessive in
// toks[s:e] = "OWNER's [official news] OUTLET" (an outlet its owner runs,
// not named), -1 if the phrase is not one.
func ownOutlet(toks []token, s, e int) int {
	if e-s < 3 || !outletKindNouns[toks[e-1].low] && !lowerOutletCues[toks[e-1].low] {
		return -1
	}
	for k := e - 2; k > s; k-- {
		t := &toks[k]
		if t.base != t.low {
			if t.kind != tWord || t.base == "" {
				return -1
			}
			return k
		}
		if t.cap || !ownOutletWords[t.low] && !outletKindNouns[t.low] && !lowerOutletCues[t.low] {
			return -1
		}
	}
	return -1
}

// trimPossessive drops a possessive 's from a word.
func trimPossessive(w string) string {
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(strings.ToLower(w), p) {
			return w[:len(w)-len(p)]
		}
	}
	return w
}

// givenName reads the name a described speaker gave in a relative clause
// between tokens from and to: "who gave his name only as Abu Ahmed", "who
// gave her name as Umm Ali". The person is known by that name in this
// document only (a first name or a kunya names many).
func (d *docState) givenName(toks []token, ms []mention, from, to int) *graph.Entity {
	for k := from; k+3 < to; k++ {
		if toks[k].low != "gave" && toks[k].low != "gives" || toks[k+2].low != "name" {
			continue
		}
		j := k + 3
		if j < to && toks[j].low == "only" {
			j++
		}
		if j >= to || toks[j].low != "as" {
			return nil
		}
		j++
		n := j
		for n < to && toks[n].kind == tWord && (toks[n].cap || nameParticles[toks[n].low] || strings.Contains(toks[n].low, "-")) {
			n++
		}
		if n == j || n-j > 4 {
			return nil
		}
		for q := range ms {
			if ms[q].ti == j && ms[q].tj == n && ms[q].ent.Kind == graph.KindPerson {
				return ms[q].ent
			}
		}
		return d.newEntity(graph.KindPerson, d.text[toks[j].s:toks[n-1].e], nil, true)
	}
	return nil
}

// appositeName reads the speaker of "The speaker of parliament, Salim
// al-Jabouri, called it": the subject toks[s:e] describes one person by
// office and resolves to no party, and the name between the commas after
// it, up to the verb at v, is the person's.
func (d *docState) appositeName(toks []token, ms []mention, s, e, v int) (speech, bool) {
	if e >= v || !isPunct(&toks[e], ",") || !personDescription(toks, s, e) {
		return speech{}, false
	}
	for k := range ms {
		m := &ms[k]
		if m.ti != e+1 || m.tj+1 != v || !isPunct(&toks[m.tj], ",") {
			continue
		}
		if m.ent.Kind == graph.KindUnclassified && !m.ent.Gazetteer && m.tj-m.ti >= 2 {
			m.ent.Kind = graph.KindPerson
		}
		if m.ent.Kind != graph.KindPerson {
			return speech{}, false
		}
		return speech{ent: m.ent, s: m.s, e: m.e, npS: s, npE: m.tj}, true
	}
	return speech{}, false
}

// ministrySpokesman reports whether the words from from to to describe a
// ministry's unnamed spokesman: ", a ministry spokesman,", ", the
// ministry's spokesman,", ", a spokesman for the ministry,".
func ministrySpokesman(toks []token, from, to int) bool {
	if from >= to || !isPunct(&toks[from], ",") {
		return false
	}
	words := []string{}
	for k := from + 1; k < to && k < from+8; k++ {
		if toks[k].kind == tWord {
			words = append(words, toks[k].base)
		}
	}
	j := strings.Join(words, " ")
	for _, p := range []string{"a ministry spokesman", "the ministry spokesman", "the ministry spokesperson", "a ministry spokesperson", "a spokesman for the ministry", "the spokesman for the ministry", "a spokeswoman for the ministry", "the ministry spokeswoman", "a ministry spokeswoman"} {
		if j == p {
			return true
		}
	}
	return false
}
