package extract

import (
	"strings"
	"unicode"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// Parties named by common nouns rather than names. Rebels, armed groups,
// "terrorist groups" and unnamed militants are one party for an analyst:
// the armed opposition. "The army", "the regime", "a government
// helicopter" are the armed forces of the country the document is about.
var (
	oppositionHeads = set("rebels", "militants", "insurgents", "gunmen", "jihadists",
		"terrorists", "extremists")
	oppositionMods = set("rebel", "armed", "terrorist", "opposition", "militant",
		"insurgent", "jihadist", "extremist", "islamist", "islamic")
	oppositionNouns = set("groups", "group", "fighters", "factions", "faction",
		"organizations", "organisations", "formations", "gangs", "units", "battalions",
		"brigades")
	// "rebel shelling", "opposition rocket fire": the action names its party.
	oppositionActionMods = set("rebel", "opposition", "militant", "insurgent", "jihadist")
	oppositionActions    = set("shelling", "fire", "rocket", "rockets", "mortar", "mortars",
		"shells", "bombardment", "attack", "attacks", "offensive", "assault", "missiles",
		"siege", "blockade")
	forcesNouns = set("forces", "troops", "units", "soldiers", "helicopter",
		"helicopters", "aircraft", "warplane", "warplanes", "jets", "jet", "planes",
		"artillery", "positions", "army", "shelling", "bombardment", "strikes",
		"airstrikes", "attacks", "attack", "offensive", "militias", "fighters",
		"commandos", "servicemen")
)

// jihadistGroups are the groups "the militants" and "the jihadists" refer
// back to when the text named one last; kurdishForces the nouns after
// "Kurdish" that name a Kurdish armed force.
var (
	jihadistGroups = set("Islamic State in Iraq and the Levant", "Hayat Tahrir al-Sham")
	kurdishForces  = set("fighters", "forces", "militia", "militias", "militiamen", "troops", "units")
)

// backRefGroupNouns are the nouns after "the terrorist" that refer back
// to the jihadist group the text named last.
var backRefGroupNouns = set("group", "gangs", "organisation", "organization")

// oppositionName is the name of the armed opposition as one party.
const oppositionName = "armed opposition groups"

// oppositionEntity is the armed opposition as one party.
func (d *docState) oppositionEntity() *graph.Entity {
	e := d.newEntity(graph.KindArmedGroup, oppositionName, []string{"rebels", "armed groups", "terrorist groups", "militants", "opposition fighters"}, false)
	if e.Description == "" {
		e.Description = "armed groups opposed to the government, named by a common noun (rebels, militants, terrorist groups)"
	}
	return e
}

// armyOf is the armed forces of a state: the army entity closest to it
// along affiliations.
func (x *Extractor) buildArmies() {
	x.armyOf = make(map[uuid.UUID]*graph.Entity)
	hops := map[uuid.UUID]int{}
	for _, e := range x.g.Entities() {
		if e.Kind != graph.KindArmy {
			continue
		}
		n, id := 0, e.ID
		for {
			ent, ok := x.g.Entity(id)
			if !ok || ent.Affiliation == nil || n > 8 {
				break
			}
			id = *ent.Affiliation
			n++
		}
		root, ok := x.g.Entity(id)
		if !ok || root.Kind != graph.KindState {
			continue
		}
		if cur, ok := x.armyOf[root.ID]; !ok || n < hops[root.ID] || n == hops[root.ID] && len(e.Name) < len(cur.Name) {
			ge, _ := x.g.Entity(e.ID)
			x.armyOf[root.ID] = ge
			hops[root.ID] = n
		}
	}
}

// buildCoalitions maps each state to the coalition it leads: the
// gazetteer coalition whose affiliation chain ends at the state.
func (x *Extractor) buildCoalitions() {
	x.coalitionOf = make(map[uuid.UUID]*graph.Entity)
	for _, e := range x.g.Entities() {
		if e.Kind != graph.KindCoalition {
			continue
		}
		root := x.g.Root(e.ID)
		if st, ok := x.g.Entity(root); ok && st.Kind == graph.KindState {
			if _, dup := x.coalitionOf[root]; !dup {
				ce, _ := x.g.Entity(e.ID)
				x.coalitionOf[root] = ce
			}
		}
	}
}

// forcesOf returns the armed forces acting for an entity: a state's or
// government's army; other entities act for themselves.
func (d *docState) forcesOf(e *graph.Entity) *graph.Entity {
	if e == nil || e.Kind != graph.KindState && e.Kind != graph.KindGovernment {
		return e
	}
	// A ministry the gazetteer lacks ("Ministry of National Defence",
	// made from "the Turkish defence ministry") is affiliated with a
	// gazetteer government: climb the document's entities to it first.
	id := e.ID
	for n := 0; n < 8; n++ {
		if _, ok := d.g.Entity(id); ok {
			break
		}
		x := d.entity(id)
		if x == nil || x.Affiliation == nil {
			break
		}
		id = *x.Affiliation
	}
	root := d.g.Root(id)
	if a := d.x.armyOf[root]; a != nil {
		return a
	}
	return e
}

// ledCoalitions turns "the United States-led coalition" (a state's name
// fused to "-led", then "coalition") into the coalition that state leads.
func (d *docState) ledCoalitions(toks []token, ms []mention) {
	for k := range ms {
		m := &ms[k]
		if m.ent.Kind != graph.KindState || m.tj >= len(toks) || !strings.HasPrefix(d.text[m.e:], "-led") && !strings.HasPrefix(d.text[m.e:], ".-led") {
			continue
		}
		// the word after "-led" (".-led" after "U.S")
		n := m.tj
		for n < len(toks) && toks[n].s < m.e+strings.Index(d.text[m.e:], "led")+3 {
			n++
		}
		if n >= len(toks) {
			continue
		}
		c := d.x.coalitionOf[m.ent.ID]
		if m.s > 0 && d.text[m.s-1] == '/' {
			// "the Saudi/UAE-led coalition": the state named first leads.
			j := strings.LastIndexAny(d.text[:m.s-1], " \n\t(\"") + 1
			first := d.text[j : m.s-1]
			st := d.lookup(first, graph.KindState)
			if st == nil {
				if n := d.stateOfAdjective(fold(first)); n != "" {
					st = d.lookup(n, graph.KindState)
				}
			}
			if st != nil && d.x.coalitionOf[st.ID] != nil {
				c, m.s = d.x.coalitionOf[st.ID], j
			}
		}
		if c == nil {
			// "the Turkish-led offensive", "Russian-led forces": a state
			// that leads no coalition leads with its own armed forces.
			w := toks[n].low
			if ledNoun(w) {
				if f := d.forcesOf(m.ent); f != nil {
					m.ent = f
				}
			}
			continue
		}
		switch {
		case toks[n].base == "coalition":
			m.ent, m.e, m.tj = c, toks[n].e, n+1
		case airCues[toks[n].low] || strikeCues[toks[n].low] || toks[n].low == "air" || campaignCues[toks[n].low]:
			// "U.S.-led air strikes", "the US-led bombing": the
			// coalition's action; the cue stays the event's.
			m.ent = c
		}
	}
}

// stateOfAdjective returns the state whose adjective w is ("Syrian" ->
// "Syria"), "" if none.
func (d *docState) stateOfAdjective(w string) string {
	return d.x.stateOfAdj[strings.ToLower(w)]
}

// coordinatedAdjective reads the first adjective of "Syrian and Russian
// jets" or "No Syrian or Russian aircraft": the noun the second party
// shares ("Russian jets", a name or an adjective before a noun of forces)
// makes the first's forces of that kind ("Syrian jets"), else its armed
// forces.
func (d *docState) coordinatedAdjective(toks []token, ms []mention, i int) *graph.Entity {
	if !toks[i].cap || i+3 >= len(toks) || toks[i+1].low != "and" && toks[i+1].low != "or" {
		return nil
	}
	state := d.stateOfAdjective(toks[i].text)
	// ("French and Australian aircraft had also dropped aid": no party
	// of the event.)
	if state == "" || aidDrop(toks, i+3) {
		return nil
	}
	var rest string
	if k := coveredBy(ms, i+2); k >= 0 && ms[k].ti == i+2 && ms[k].tj >= i+4 && actorKind(ms[k].ent.Kind) {
		rest = d.text[toks[i+3].s:ms[k].e]
	} else if k < 0 && toks[i+2].cap && d.stateOfAdjective(toks[i+2].text) != "" && (airCues[toks[i+3].low] || forcesNouns[toks[i+3].base]) {
		rest = toks[i+3].text
	} else {
		return nil
	}
	if g := d.lookup(toks[i].text + " " + rest); g != nil && actorKind(g.Kind) {
		return g
	}
	if st := d.lookup(state, graph.KindState); st != nil {
		return d.forcesOf(st)
	}
	return nil
}

// backedGroup reads "Turkish-backed factions", "Iranian-backed militias":
// armed groups named by their backer. A name the gazetteer knows is that
// group ("Turkish-backed rebels"); another is a party of its own, named as
// written.
func (d *docState) backedGroup(toks []token, i int) (*graph.Entity, int) {
	w := toks[i].low
	if !strings.HasSuffix(w, "-backed") || i+1 >= len(toks) {
		return nil, 0
	}
	pre := strings.TrimSuffix(w, "-backed")
	// "Ankara-backed factions": a capital names its state as the backer.
	for c, st := range capitals {
		if strings.EqualFold(c, pre) && d.x.adjOf[st] != "" {
			pre = d.x.adjOf[st]
			w = strings.ToLower(pre) + "-backed"
		}
	}
	known := d.stateOfAdjective(pre) != ""
	// "Iran-backed militias": the state's name for its adjective.
	if st := d.x.stateNamed[strings.ToLower(pre)]; st != "" {
		known, pre = true, d.x.adjOf[st]
	}
	// "U.S.-backed": a name the gazetteer knows for a state.
	if e := d.lookup(pre, graph.KindState); !known && e != nil && d.x.adjOf[e.Name] != "" {
		known, pre = true, d.x.adjOf[e.Name]
	}
	if !known {
		return nil, 0
	}
	// "Turkish-backed Syrian rebels", "Iranian-backed Iraqi militias": the
	// nationality of the backed fighters between is no part of the party.
	h := i + 1
	if h+1 < len(toks) && toks[h].cap && d.stateOfAdjective(toks[h].text) != "" {
		h++
	}
	n := toks[h].base
	if !oppositionNouns[n] && !oppositionHeads[n] && n != "militias" && n != "militia" && n != "forces" {
		return nil, 0
	}
	name := d.text[toks[i].s:toks[h].e]
	if w != toks[i].low {
		name = pre + "-backed " + d.text[toks[i+1].s:toks[h].e]
	}
	if g := d.lookup(name); g != nil && actorKind(g.Kind) {
		return g, h + 1
	}
	if g := d.lookup(pre + "-backed " + toks[h].text); h > i+1 && g != nil && actorKind(g.Kind) {
		return g, h + 1
	}
	if g := d.knownBacked(pre, n); g != nil {
		return g, h + 1
	}
	name = strings.ToUpper(name[:1]) + name[1:]
	e := d.newEntity(graph.KindArmedGroup, name, nil, false)
	if e.Description == "" {
		e.Description = "armed groups named by the state that backs them"
	}
	return e, h + 1
}

// backedAlternates are the nouns the gazetteer may know a backed group by:
// "Turkish-backed groups" are the group it knows as "Turkish-backed
// factions" or "Turkish-backed rebels".
var backedAlternates = []string{"factions", "rebels", "groups", "fighters"}

// knownBacked returns the gazetteer's group backed by the state whose
// adjective is adj, named by another of the nouns for rebel groups than
// noun; and militias a foreign state backs in Syria ("Iranian-backed
// militias", "militias backed by Russia") are the militias fighting for
// the government there, in Iraq Iran's the Popular Mobilisation. Nil when
// the gazetteer knows no such group.
func (d *docState) knownBacked(adj, noun string) *graph.Entity {
	if oppositionNouns[noun] || oppositionHeads[noun] {
		for _, alt := range backedAlternates {
			if alt == noun {
				continue
			}
			if g := d.lookup(adj+"-backed "+alt, graph.KindArmedGroup); g != nil {
				return g
			}
		}
	}
	// Fighters a state backs that the gazetteer does not name: Iran's and
	// Russia's in Syria fight for the government, whatever the noun
	// ("Iranian-backed fighters", "Iran-backed groups").
	if (noun == "militias" || noun == "militia" || noun == "militiamen" || oppositionNouns[noun]) && d.country != nil {
		switch {
		case d.country.Name == "Syria" && (strings.EqualFold(adj, "Iranian") || strings.EqualFold(adj, "Russian")):
			return d.lookup("pro-government forces", graph.KindArmedGroup)
		case d.country.Name == "Iraq" && strings.EqualFold(adj, "Iranian"):
			return d.lookup("Popular Mobilization Forces", graph.KindArmedGroup)
		}
	}
	return nil
}

// backedAfter reads a group of fighters named by the state that backs it,
// the backer after the noun ("Syrian rebels backed by Turkish tanks",
// "militias backed by Russia", "factions supported by the Turkish army"):
// the group the gazetteer knows as that state's backed group. The noun is
// at i; it returns the group and the end of the noun, or nil.
func (d *docState) backedAfter(toks []token, ms []mention, i int) (*graph.Entity, int) {
	n := toks[i].base
	if toks[i].cap && i > 0 && toks[i-1].kind != tPunct || i+3 >= len(toks) {
		return nil, 0
	}
	if !oppositionNouns[n] && !oppositionHeads[n] && n != "militias" && n != "militia" && n != "militiamen" {
		return nil, 0
	}
	if toks[i+1].low != "backed" && toks[i+1].low != "supported" || toks[i+2].low != "by" {
		return nil, 0
	}
	adj := d.backerAdjective(toks, ms, i+3)
	if adj == "" {
		return nil, 0
	}
	if g := d.lookup(adj+"-backed "+toks[i].low, graph.KindArmedGroup); g != nil {
		return g, i + 1
	}
	if g := d.knownBacked(adj, n); g != nil {
		return g, i + 1
	}
	return nil, 0
}

// backerAdjective returns the adjective of the state named at k after
// "backed by" or "supported by": "the Turkish army", "Turkish tanks",
// "the Turkish Armed Forces", "Russia"; "" if none.
func (d *docState) backerAdjective(toks []token, ms []mention, k int) string {
	if k < len(toks) && toks[k].low == "the" && k+1 < len(toks) {
		k++
	}
	if k >= len(toks) {
		return ""
	}
	st := ""
	if toks[k].cap {
		st = d.stateOfAdjective(toks[k].text)
	}
	if c := coveredBy(ms, k); st == "" && c >= 0 {
		if root, ok := d.g.Entity(d.g.Root(ms[c].ent.ID)); ok && root.Kind == graph.KindState && (ms[c].ent.Kind == graph.KindState || ms[c].ent.Kind == graph.KindArmy) {
			st = root.Name
		}
	}
	return d.x.adjOf[st]
}

// backedNamedGroup reads a rebel group named and then said to be backed
// by a state that has a backed group of its own in the gazetteer: "Free
// Syrian Army units supported by the Turkish Armed Forces" are the
// factions Turkey backs. The named group's mention ends at k-1 and its
// noun ("units", "elements") is at k; it returns that backed group, or nil
// (a state the gazetteer knows no backed rebels of leaves the name).
func (d *docState) backedNamedGroup(toks []token, ms []mention, named *mention, k int) *graph.Entity {
	if named.ent.Kind != graph.KindArmedGroup || k+3 >= len(toks) || toks[k].cap {
		return nil
	}
	if !oppositionNouns[toks[k].base] && toks[k].low != "elements" {
		return nil
	}
	if toks[k+1].low != "backed" && toks[k+1].low != "supported" || toks[k+2].low != "by" {
		return nil
	}
	adj := d.backerAdjective(toks, ms, k+3)
	if adj == "" {
		return nil
	}
	for _, alt := range backedAlternates {
		if g := d.lookup(adj+"-backed "+alt, graph.KindArmedGroup); g != nil && g.ID != named.ent.ID {
			return g
		}
	}
	return nil
}

// ledNoun reports whether w is what a state may lead with its own forces:
// "the Turkish-led offensive", "Russian-led forces".
func ledNoun(w string) bool {
	return campaignCues[w] || attackCues[w] || w == "operation" || w == "forces" || w == "troops" || w == "incursion"
}

// ledByAdjective reads "the Turkish-led offensive", "Iraqi-led troops": a
// state's adjective fused to "-led" before a word of forces or of a
// military campaign names the state's armed forces as the party.
func (d *docState) ledByAdjective(toks []token, i int) *graph.Entity {
	w := toks[i].text
	if !strings.HasSuffix(toks[i].low, "-led") || i+1 >= len(toks) {
		return nil
	}
	st := d.stateOfAdjective(w[:len(w)-len("-led")])
	if st == "" {
		return nil
	}
	if !ledNoun(toks[i+1].low) {
		return nil
	}
	if s := d.lookup(st, graph.KindState); s != nil {
		return d.forcesOf(s)
	}
	return nil
}

// namesUSCoalition reports whether the words of a coalition's mention
// name the US-led coalition against the Islamic State ("US-led", "U.S.",
// "international", "Inherent Resolve", "CJTF", "anti-ISIS"), word by word.
func namesUSCoalition(text string) bool {
	for _, w := range strings.FieldsFunc(fold(text), func(r rune) bool { return r != '.' && !unicode.IsLetter(r) }) {
		switch strings.Trim(w, ".") {
		case "us", "u.s", "american", "international", "inherent", "cjtf", "isis", "isil":
			return true
		}
	}
	return false
}

// yemeniCommittees reads the Houthis' words in a document about Yemen:
// "the army and the popular committees" are their own forces (the army
// units that sided with them and their committees), one party, not the
// government's army and Syria's pro-government militias; "the
// aggression" is the Saudi-led coalition.
func (d *docState) yemeniCommittees(toks []token, ms []mention) []mention {
	if d.country == nil || d.country.Name != "Yemen" {
		return ms
	}
	// "the coalition", "coalition aircraft": in Yemen, the Saudi-led
	// coalition, unless the words name the US-led one.
	for k := range ms {
		m := &ms[k]
		if m.ent.Kind != graph.KindCoalition || m.ent.Name != "international coalition" {
			continue
		}
		if namesUSCoalition(d.text[m.s:m.e]) {
			continue
		}
		if c := d.lookup("Saudi-led coalition", graph.KindCoalition); c != nil {
			m.ent = c
		}
	}
	for i := 0; i < len(toks); i++ {
		// "the aggression's warplanes", "the forces of aggression", "the
		// Saudi-American aggression": the Houthis' word for the
		// Saudi-led coalition.
		if toks[i].base == "aggression" && !toks[i].cap && coveredBy(ms, i) < 0 && i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "of" || strings.Contains(toks[i-1].low, "saudi")) {
			if c := d.lookup("Saudi-led coalition", graph.KindCoalition); c != nil {
				s := i
				if strings.Contains(toks[i-1].low, "saudi") {
					s = i - 1
				}
				ms = replaceRange(ms, mention{ent: c, s: toks[s].s, e: toks[i].e, ti: s, tj: i + 1}, toks)
			}
			continue
		}
		if i+3 >= len(toks) || toks[i].low != "army" || toks[i+1].low != "and" {
			continue
		}
		j := i + 2
		if toks[j].low == "the" {
			j++
		}
		if j+1 >= len(toks) || toks[j].low != "popular" || toks[j+1].base != "committees" {
			continue
		}
		h := d.lookup("Houthis", graph.KindArmedGroup)
		if h == nil {
			return ms
		}
		s := i
		if s > 0 && toks[s-1].low == "the" {
			s--
		}
		ms = replaceRange(ms, mention{ent: h, s: toks[s].s, e: toks[j+1].e, ti: s, tj: j + 2}, toks)
		i = j + 1
	}
	return ms
}

// epithetNouns are the words a text calls a party by in place of its
// name: "the aggressor Haftar", "the usurper", "the invaders".
var epithetNouns = set("aggressor", "aggressors", "invader", "invaders", "occupier", "occupiers",
	"usurper", "usurpers", "putschist", "putschists", "warlord", "criminal", "enemy")

// armedParty returns the party an entity fights as: itself for a party,
// the army, armed group or coalition a person belongs to; nil otherwise.
func (d *docState) armedParty(e *graph.Entity) *graph.Entity {
	if actorKind(e.Kind) && e.Kind != graph.KindPerson {
		return e
	}
	if e.Kind != graph.KindPerson || e.Affiliation == nil {
		return nil
	}
	if p := d.entity(*e.Affiliation); p != nil && (p.Kind == graph.KindArmy || p.Kind == graph.KindArmedGroup || p.Kind == graph.KindCoalition) {
		return p
	}
	return nil
}

// ownArmy is the army the document speaks for: its voice or author, or
// the first army along their affiliations ("General Command of the Libyan
// Arab Armed Forces", "its spokesman"); nil for a document of no army.
func (d *docState) ownArmy() *graph.Entity {
	for _, e := range []*graph.Entity{d.voice, d.author} {
		for n := 0; e != nil && n < 6; n++ {
			if e.Kind == graph.KindArmy {
				return e
			}
			if e.Affiliation == nil {
				break
			}
			e = d.entity(*e.Affiliation)
		}
	}
	return nil
}

// genericActors adds mentions of parties named by common nouns.
func (d *docState) genericActors(toks []token, ms []mention) []mention {
	var add []mention
	// "Units of the Armed Forces" in an army's own statement: that army.
	if own := d.ownArmy(); own != nil {
		for k := range ms {
			if !ms[k].ent.Gazetteer && (ms[k].ent.Kind == graph.KindArmy || ms[k].ent.Kind == graph.KindArmedGroup) && gazetteer.FoldKey(ms[k].ent.Name) == "armed forces" {
				ms[k].ent = own
			}
		}
	}
	d.ledCoalitions(toks, ms)
	ms = d.yemeniCommittees(toks, ms)
	covered := func(i int) bool { return coveredBy(ms, i) >= 0 }
	for i := 0; i < len(toks); i++ {
		// "US-backed fighters": the gazetteer reads the backer's name in
		// the fused word; the fighters it backs are the party.
		if k := coveredBy(ms, i); k >= 0 && ms[k].ti == i && ms[k].tj == i+1 && (ms[k].ent.Kind == graph.KindState || ms[k].ent.Kind == graph.KindPlace && capitals[ms[k].ent.Name] != "") && strings.HasSuffix(toks[i].low, "-backed") {
			if e, j := d.backedGroup(toks, i); e != nil {
				ms[k] = mention{ent: e, s: toks[i].s, e: toks[j-1].e, ti: i, tj: j}
				i = j - 1
				continue
			}
		}
		if covered(i) || toks[i].kind != tWord {
			continue
		}
		w := toks[i].base
		// "The militia boasted", "rockets fired by the militia": the party
		// the text named last with that word ("the Iranian-backed Houthi
		// militia").
		if (w == "militia" || w == "militias") && i > 0 && toks[i-1].low == "the" && !toks[i].cap && (i+1 == len(toks) || !toks[i+1].cap && toks[i+1].low != "of") {
			if e := d.lastNamedWith(toks[i].low); e != nil {
				add = append(add, mention{ent: e, s: toks[i-1].s, e: toks[i].e, ti: i - 1, tj: i + 1, ref: true})
				continue
			}
		}
		// A modifier of a named party ("ISIL terrorists") is that party;
		// a named party's units a state backs are the group it backs.
		if i > 0 && covered(i-1) {
			if k := coveredBy(ms, i-1); k >= 0 && ms[k].tj == i {
				if g := d.backedNamedGroup(toks, ms, &ms[k], i); g != nil {
					ms[k] = mention{ent: g, s: ms[k].s, e: toks[i].e, ti: ms[k].ti, tj: i + 1}
				}
			}
			continue
		}
		// "terrorists of Hayat Tahrir al-Sham", "terrorists of the so-called
		// ISIL": the named party.
		if i+2 < len(toks) && (toks[i+1].low == "of" || toks[i+1].low == "from") {
			k := i + 2
			for k < len(toks) && k < i+5 && (toks[k].low == "the" || toks[k].low == "so-called" || isQuote(&toks[k])) {
				k++
			}
			if k < len(toks) && covered(k) {
				continue
			}
		}
		if e, j, drop := d.loyalProxy(toks, append(ms, add...), i); e != nil {
			// "militias loyal to the regime", "armed groups loyal to the
			// Turkish regime": the patron's fighters are the party, not
			// the patron.
			ms = dropMentions(ms, drop, j)
			add = append(add, mention{ent: e, s: toks[i].s, e: toks[j-1].e, ti: i, tj: j})
			i = j - 1
			continue
		}
		if e := d.coordinatedAdjective(toks, ms, i); e != nil {
			add = append(add, mention{ent: e, s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1})
			continue
		}
		if e, j := d.backedGroup(toks, i); e != nil {
			add = append(add, mention{ent: e, s: toks[i].s, e: toks[j-1].e, ti: i, tj: j})
			i = j - 1
			continue
		}
		if e := d.ledByAdjective(toks, i); e != nil {
			add = append(add, mention{ent: e, s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1})
			continue
		}
		if e, j := d.backedAfter(toks, ms, i); e != nil {
			add = append(add, mention{ent: e, s: toks[i].s, e: toks[j-1].e, ti: i, tj: j})
			continue
		}
		// "the aggressor Haftar" ... "The aggressor claims": an epithet
		// the text gives a party by name is that party when it comes
		// again alone.
		if epithetNouns[w] && !toks[i].cap && i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "war" || i > 1 && toks[i-2].low == "the") {
			if i+1 < len(toks) && covered(i+1) {
				if k := coveredBy(ms, i+1); k >= 0 && ms[k].ti == i+1 {
					if p := d.armedParty(ms[k].ent); p != nil {
						if d.epithets == nil {
							d.epithets = map[string]*graph.Entity{}
						}
						d.epithets[w] = p
					}
				}
				continue
			}
			if p := d.epithets[w]; p != nil && toks[i-1].low == "the" && !(i+1 < len(toks) && toks[i+1].cap) {
				add = append(add, mention{ent: p, s: toks[i-1].s, e: toks[i].e, ti: i - 1, tj: i + 1, ref: true})
				continue
			}
		}
		switch {
		case (w == "group" || w == "organisation" || w == "organization") && !toks[i].cap && i > 0 && toks[i-1].low == "the" && d.lastGroup != nil && !(i+1 < len(toks) && covered(i+1)):
			// "the group": the armed group named last ("Islamic State
			// militants attacked ... The group claimed the attack").
			add = append(add, mention{ent: d.lastGroup, s: toks[i-1].s, e: toks[i].e, ti: i - 1, tj: i + 1, ref: true})
		case (w == "militants" || w == "jihadists" || w == "terrorists") && !toks[i].cap && i > 0 && toks[i-1].low == "the" && d.lastJihadist != nil:
			// "abducted by the militants", "the jihadists", "the
			// terrorists": the jihadist group the text named last
			// ("Islamic State ... the militants"), not the armed
			// opposition at large.
			add = append(add, mention{ent: d.lastJihadist, s: toks[i-1].s, e: toks[i].e, ti: i - 1, tj: i + 1, ref: true})
		case w == "terrorist" && !toks[i].cap && i > 0 && toks[i-1].low == "the" && i+1 < len(toks) && backRefGroupNouns[toks[i+1].low] && d.lastJihadist != nil && !(i+3 < len(toks) && toks[i+2].low == "of" && toks[i+3].kind == tWord):
			// "executed by the terrorist group", "The terrorist gangs
			// also detonated": a definite description after a jihadist
			// group was named refers back to it, as "the terrorists"
			// does; with no jihadist group named it stays the armed
			// opposition, and "the terrorist gangs of X" is X.
			add = append(add, mention{ent: d.lastJihadist, s: toks[i-1].s, e: toks[i+1].e, ti: i - 1, tj: i + 2, ref: true})
			i++
		case (w == "kurdish" || w == "kurdish-led") && toks[i].cap && i+1 < len(toks) && kurdishForces[toks[i+1].base] && d.country != nil:
			// "Kurdish fighters", "Kurdish-led forces": in Syria the
			// People's Protection Units, in Iraq the Peshmerga.
			var e *graph.Entity
			switch d.country.Name {
			case "Syria":
				e = d.lookup("People's Protection Units", graph.KindArmedGroup)
			case "Iraq":
				e = d.lookup("Peshmerga", graph.KindArmy)
			}
			if e != nil {
				add = append(add, mention{ent: e, s: toks[i].s, e: toks[i+1].e, ti: i, tj: i + 2})
				i++
			}
		case shiaWords[w] && i+1 < len(toks) && shiaForces[toks[i+1].base] && d.country != nil && (d.country.Name == "Iraq" || d.country.Name == "Syria"):
			// "Shi'ite paramilitaries", "Shia militias": in Iraq the
			// Popular Mobilisation, in Syria the militias fighting for the
			// government.
			name := "Popular Mobilization Forces"
			if d.country.Name == "Syria" {
				name = "pro-government forces"
			}
			if e := d.lookup(name, graph.KindArmedGroup); e != nil {
				add = append(add, mention{ent: e, s: toks[i].s, e: toks[i+1].e, ti: i, tj: i + 2})
				i++
			}
		case (w == "allied" && i+1 < len(toks) && (toks[i+1].base == "militias" || toks[i+1].base == "militia") || (w == "militias" || w == "militia") && i+2 < len(toks) && toks[i+1].low == "allied" && toks[i+2].low == "with") && d.country != nil && d.country.Name == "Syria":
			// "the army and allied militias", "the militias allied with
			// it": the militias fighting alongside the Syrian army.
			if e := d.lookup("pro-government forces", graph.KindArmedGroup); e != nil {
				add = append(add, mention{ent: e, s: toks[i].s, e: toks[i+1].e, ti: i, tj: i + 2})
				i++
			}
		case w == "air" && !toks[i].cap && i+1 < len(toks) && toks[i+1].low == "force" && !toks[i+1].cap && i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "its") && d.country != nil && !ofParty(toks, i+2, covered):
			// "the air force had struck": the air force of the country the
			// document is about, else its army. ("The air force of the
			// Libyan Arab Armed Forces" is the party named after it.)
			a := d.lookup(d.x.adjOf[d.country.Name]+" Air Force", graph.KindArmy)
			if d.x.adjOf[d.country.Name] == "" || a == nil {
				a = d.x.armyOf[d.country.ID]
			}
			if a != nil {
				add = append(add, mention{ent: a, s: toks[i].s, e: toks[i+1].e, ti: i, tj: i + 2})
				i++
			}
		case (w == "junta" || w == "regime" && i > 0 && toks[i-1].low == "military") && !toks[i].cap && i > 0 && d.country != nil && d.juntaOf(d.country) != nil:
			// "the junta", "the military regime": the military government
			// of the country the text is about.
			add = append(add, mention{ent: d.juntaOf(d.country), s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1})
		case oppositionHeads[w]:
			add = append(add, mention{ent: d.oppositionEntity(), s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1})
		case w == "opposition" && !toks[i].cap && i > 0 && toks[i-1].low == "the" && (i+1 == len(toks) || toks[i+1].kind == tPunct || finiteVerb(toks[i+1].low) || !toks[i+1].cap && strings.HasSuffix(toks[i+1].low, "ed")):
			// "the opposition staged it", "the opposition was involved":
			// the noun alone, as a clause's subject or object, is the armed
			// opposition; "the opposition delegation" is not.
			add = append(add, mention{ent: d.oppositionEntity(), s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1})
		case oppositionMods[w] && i+1 < len(toks) && (oppositionNouns[toks[i+1].base] || oppositionMods[toks[i+1].base] && i+2 < len(toks) && oppositionNouns[toks[i+2].base]):
			j := i + 2
			if !oppositionNouns[toks[i+1].base] {
				j = i + 3
			}
			if w == "armed" && toks[i+1].base == "forces" {
				continue
			}
			if j < len(toks) && covered(j) && toks[j].cap {
				// "the terrorist group Jaysh al-Islam": the named group,
				// described.
				i = j - 1
				continue
			}
			if k := j + 1; k < len(toks) && toks[j].low == "of" && (covered(k) && toks[k].cap || toks[k].low == "the" && k+1 < len(toks) && covered(k+1) && toks[k+1].cap) {
				// "the terrorist gangs of Daesh": that group's people.
				i = j - 1
				continue
			}
			if j+1 < len(toks) && (toks[j].low == "affiliated" || toks[j].low == "linked" || toks[j].low == "belonging" || toks[j].low == "loyal") && (toks[j+1].low == "with" || toks[j+1].low == "to") {
				// "armed terrorist groups affiliated with the so-called
				// Islamic Front": that front.
				k := j + 2
				for k < len(toks) && k < j+5 && (toks[k].low == "the" || toks[k].low == "so-called" || isQuote(&toks[k])) {
					k++
				}
				if k < len(toks) && covered(k) {
					i = j - 1
					continue
				}
			}
			add = append(add, mention{ent: d.oppositionEntity(), s: toks[i].s, e: toks[j-1].e, ti: i, tj: j})
			i = j - 1
		case oppositionActionMods[w] && (!toks[i].cap || i == 0 || toks[i-1].kind == tPunct) && i+1 < len(toks) && oppositionActions[toks[i+1].base]:
			add = append(add, mention{ent: d.oppositionEntity(), s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1})
		case (w == "army" || w == "regime") && (!toks[i].cap || sentenceStart(toks, i) && i+1 < len(toks) && armyMembers[toks[i+1].base]) || (w == "government" || w == "regime" || w == "pro-government" || w == "pro-regime") && i+1 < len(toks) && (forcesNouns[toks[i+1].base] || airStrikeAt(toks, i+1)) ||
			// "the security forces", "the heroic security forces": the
			// state's forces, as a government's statement calls them.
			w == "security" && (!toks[i].cap || sentenceStart(toks, i)) && i+1 < len(toks) && toks[i+1].base == "forces" ||
			// "Military helicopters fired", "federal troops", "the
			// (federal) defence forces": the state's own forces, in a
			// text about it.
			stateForcesAt(toks, i) > i:
			country := d.country
			// "the Turkish occupation army", "the Israeli regime": a state's
			// adjective a word or two before names whose army it is.
			for k := i - 1; k >= 0 && k >= i-2 && toks[k].kind == tWord; k-- {
				if st := d.stateOfAdjective(toks[k].text); st != "" && toks[k].cap {
					if e := d.lookup(st, graph.KindState); e != nil {
						country = e
					}
					break
				}
			}
			if country == nil {
				continue
			}
			a := d.x.armyOf[country.ID]
			// "The army has never besieged Derna" in a statement of the
			// Libyan National Army: the army that speaks, not the one the
			// gazetteer gives the country.
			if own := d.ownArmy(); own != nil && w == "army" && country == d.country {
				a = own
			}
			if a == nil {
				continue
			}
			j := i + 1
			if w == "security" && d.x.armyOf[country.ID] != nil {
				// "security forces": the gazetteer's name for the
				// state's security forces when it has one ("Iraqi
				// Security Forces"), else its army.
				if e := d.lookup(d.x.adjOf[country.Name]+" Security Forces", graph.KindArmy); e != nil && d.x.adjOf[country.Name] != "" {
					a = e
				}
			}
			if k := stateForcesAt(toks, i); k > i {
				j = k
			} else if j < len(toks) && (w != "army" && forcesNouns[toks[j].base] || w == "army" && armyMembers[toks[j].base]) {
				j++ // "government forces", "the army units"
			} else if w != "army" && airStrikeAt(toks, j) {
				j += 2 // "government air strikes", "regime air raids"
			}
			if w == "regime" && j == i+1 && i+1 < len(toks) && (toks[i+1].base == "change" || toks[i+1].base == "media") {
				continue
			}
			add = append(add, mention{ent: a, s: toks[i].s, e: toks[j-1].e, ti: i, tj: j})
			i = j - 1
		}
	}
	return d.leaderForces(toks, append(ms, add...))
}

// proxyNouns are the fighters a patron may have loyal to it; proxyMods the
// words that may stand before them ("shabiha militias", "armed terrorist
// groups"). Troops and forces loyal to a leader are his army instead.
var (
	proxyNouns = set("militias", "militia", "militiamen", "fighters", "factions", "groups", "gangs", "brigades", "battalions")
	proxyMods  = set("shabiha", "shabbiha", "armed", "terrorist", "rebel", "opposition", "local", "foreign", "sectarian")
)

// loyalProxy reads fighters named by the patron they are loyal to:
// "militias loyal to the regime", "armed terrorist groups loyal to the
// Turkish regime", "the regime and the militias allied to it". A patron
// that is the government of the document's country makes them the
// militias fighting for it (in Syria the pro-government forces, in Iraq
// the Popular Mobilisation); a foreign state makes them the group it
// backs, as "<adjective>-backed <noun>" would. It returns the party, the
// token after the patron and the token where the patron begins (whose
// mentions are no party of their own), or nil; a named group as patron
// ("groups affiliated to the Nusra Front") is left to the names.
func (d *docState) loyalProxy(toks []token, ms []mention, i int) (*graph.Entity, int, int) {
	n := i
	lower := func(k int) bool { return !toks[k].cap || k == i && sentenceStart(toks, k) }
	for n < len(toks) && n < i+2 && proxyMods[toks[n].low] && lower(n) {
		n++
	}
	if n+3 >= len(toks) || !proxyNouns[toks[n].low] || !lower(n) {
		return nil, 0, 0
	}
	if toks[n+1].low != "loyal" && toks[n+1].low != "allied" || toks[n+2].low != "to" && toks[n+2].low != "with" {
		return nil, 0, 0
	}
	k := n + 3
	for k < len(toks) && (toks[k].low == "the" || toks[k].low == "president") {
		k++
	}
	if k >= len(toks) {
		return nil, 0, 0
	}
	var st *graph.Entity
	end := k + 1
	stateOf := func(e *graph.Entity) *graph.Entity {
		if r, ok := d.g.Entity(d.g.Root(e.ID)); ok && r.Kind == graph.KindState {
			return r
		}
		return nil
	}
	switch c := coveredBy(ms, k); {
	case c >= 0:
		if ms[c].ent.Kind == graph.KindArmedGroup || ms[c].ent.Kind == graph.KindCoalition {
			return nil, 0, 0
		}
		st, end = stateOf(ms[c].ent), ms[c].tj
	case toks[k].cap && d.stateOfAdjective(toks[k].text) != "" && k+1 < len(toks) && (toks[k+1].low == "regime" || toks[k+1].low == "government" || toks[k+1].low == "state"):
		st, end = d.lookup(d.stateOfAdjective(toks[k].text), graph.KindState), k+2
	case !toks[k].cap && (toks[k].low == "regime" || toks[k].low == "government"):
		st = d.country
	case toks[k].low == "it" || toks[k].low == "them":
		// the state of the party named last before the fighters, within
		// their sentence: "the regime and militias loyal to it"
		for b := i - 1; b >= 0 && b >= i-6 && !isPunct(&toks[b], "."); b-- {
			if c := coveredBy(ms, b); c >= 0 {
				if ms[c].ent.Kind == graph.KindArmedGroup || ms[c].ent.Kind == graph.KindCoalition {
					return nil, 0, 0
				}
				st = stateOf(ms[c].ent)
				break
			}
		}
	}
	if st == nil || d.country == nil {
		return nil, 0, 0
	}
	var e *graph.Entity
	switch {
	case st.ID == d.country.ID && d.country.Name == "Syria":
		e = d.lookup("pro-government forces", graph.KindArmedGroup)
	case st.ID == d.country.ID && d.country.Name == "Iraq" && strings.HasPrefix(toks[n].low, "militia"):
		// in Iraq the militias the government has are the Popular
		// Mobilisation; its other fighters (tribal, local) are not
		e = d.lookup("Popular Mobilization Forces", graph.KindArmedGroup)
	case st.ID != d.country.ID && d.x.adjOf[st.Name] != "":
		e = d.knownBacked(d.x.adjOf[st.Name], toks[n].low)
	}
	if e == nil {
		return nil, 0, 0
	}
	return e, end, k
}

// dropMentions removes the mentions inside tokens [from, to).
func dropMentions(ms []mention, from, to int) []mention {
	out := ms[:0]
	for _, m := range ms {
		if m.ti >= from && m.tj <= to {
			continue
		}
		out = append(out, m)
	}
	return out
}

// shiaWords and shiaForces: "Shi'ite paramilitaries", "Shia militias".
var (
	shiaWords  = set("shi'ite", "shiite", "shia", "shi'a", "shi’ite")
	shiaForces = set("paramilitaries", "paramilitary", "militias", "militia", "militiamen", "fighters", "volunteers", "forces")
)

// sentenceStart reports whether the word at i begins its sentence or a
// dateline's story ("Rif Dimashq, SANA - Army units entered"), where a
// capital tells nothing of a name.
func sentenceStart(toks []token, i int) bool {
	return i == 0 || toks[i-1].kind == tPunct && (isPunct(&toks[i-1], "-") || isPunct(&toks[i-1], "—") || isPunct(&toks[i-1], "–") || isPunct(&toks[i-1], ".") || isQuote(&toks[i-1]))
}

// armyMembers, after "army", are its people and units, one party with it:
// "the army units", "army troops".
var armyMembers = set("units", "unit", "troops", "soldiers", "forces", "formations", "detachments")

// juntaOf is the military government of a state: the gazetteer's junta of
// it ("Myanmar junta"), else its government.
func (d *docState) juntaOf(st *graph.Entity) *graph.Entity {
	for _, n := range []string{st.Name + " junta", d.x.adjOf[st.Name] + " junta"} {
		if e := d.lookup(n); e != nil && e.Kind != graph.KindPlace && e.Kind != graph.KindState {
			return e
		}
	}
	return d.x.govOf[st.ID]
}

// stateForcesAt returns the end of a state's forces named by what they are
// rather than whose ("Military helicopters", "military aircraft",
// "federal troops", "the federal defence forces", "the defence forces")
// starting at i, or i.
func stateForcesAt(toks []token, i int) int {
	w := toks[i].low
	if toks[i].cap && !sentenceStart(toks, i) || i+1 >= len(toks) {
		return i
	}
	next := toks[i+1].low
	switch {
	case (w == "military" || w == "federal") && (armyMembers[next] || militaryCraft[next]):
		return i + 2
	case w == "military" && i > 0 && (toks[i-1].low == "a" || toks[i-1].low == "the") && (airStrikeAt(toks, i+1) || next == "bombing" || next == "bombardment"):
		// "a military air strike on a camp", "the military bombing": the
		// state's, as "a Russian air strike" is Russia's (the word alone).
		return i + 1
	case w == "federal" && (next == "defence" || next == "defense") && i+2 < len(toks) && toks[i+2].low == "forces":
		return i + 3
	case (w == "defence" || w == "defense") && next == "forces" && i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "our" || toks[i-1].low == "its"):
		return i + 2
	}
	return i
}

// militaryCraft are the aircraft a state's forces fly.
var militaryCraft = set("helicopter", "helicopters", "aircraft", "warplane", "warplanes", "jet", "jets", "plane", "planes", "drone", "drones", "gunships")

// airStrikeAt reports whether "air" and a strike noun stand at i: "air
// strikes", "air raids".
func airStrikeAt(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i].low == "air" && (toks[i+1].base == "strike" || toks[i+1].base == "raid" || toks[i+1].low == "strikes" || toks[i+1].low == "raids")
}

// leaderForces turns "Assad's warplanes", "Putin's jets" (a person of a
// government, in the possessive, before a forces or aircraft noun) into
// the armed forces of that government's state.
func (d *docState) leaderForces(toks []token, ms []mention) []mention {
	for k := range ms {
		m := &ms[k]
		if m.ent.Kind != graph.KindPerson || m.ent.Affiliation == nil {
			continue
		}
		// "forces loyal to (President) Bashar al-Assad": the leader a
		// force answers to names his government's armed forces.
		loyal := false
		if t := m.ti - 1; t >= 0 {
			if toks[t].cap && (toks[t].low == "president" || toks[t].low == "leader") {
				t--
			}
			loyal = t >= 1 && (toks[t].low == "to" || toks[t].low == "with") && affiliatedWords[toks[t-1].low]
		}
		n := m.tj
		if !loyal {
			if m.tj >= len(toks) || !strings.HasSuffix(toks[m.tj-1].low, "'s") && !(m.tj < len(toks) && toks[m.tj].low == "'s") {
				continue
			}
			if n < len(toks) && toks[n].low == "'s" {
				n++
			}
			if n >= len(toks) || !forcesNouns[toks[n].base] && !airCues[toks[n].low] {
				continue
			}
		}
		gov := d.entity(*m.ent.Affiliation)
		if gov == nil {
			if e, ok := d.g.Entity(*m.ent.Affiliation); ok {
				gov = e
			}
		}
		if gov == nil || gov.Kind != graph.KindGovernment {
			continue
		}
		if a := d.forcesOf(gov); a != nil && a != gov {
			if loyal {
				m.ent = a
				continue
			}
			*m = mention{ent: a, s: m.s, e: toks[n].e, ti: m.ti, tj: n + 1}
		}
	}
	return ms
}

// shortReference resolves "the Network", "the Observatory", "the
// Ministry": a single organisation word standing for the author or a party
// named before whose name holds it.
func (d *docState) shortReference(word string) *graph.Entity {
	fw := gazetteer.FoldKey(word)
	has := func(e *graph.Entity) bool {
		if e == nil {
			return false
		}
		if hasWord(gazetteer.FoldKey(e.Name), fw) {
			return true
		}
		for _, n := range e.Aliases {
			if hasWord(gazetteer.FoldKey(n), fw) {
				return true
			}
		}
		return false
	}
	if has(d.author) {
		return d.author
	}
	return d.discourse.find(func(r *speakerRec) bool { return has(r.ent) })
}

// hasWord reports whether w is one of the space-separated words of s.
func hasWord(s, w string) bool {
	for len(s) > 0 {
		k := strings.IndexByte(s, ' ')
		if k < 0 {
			return s == w
		}
		if s[:k] == w {
			return true
		}
		s = s[k+1:]
	}
	return false
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

// ofParty reports whether toks[k:] is "of" and a name a mention covers
// ("of the Libyan Arab Armed Forces", "of Haftar's forces").
func ofParty(toks []token, k int, covered func(int) bool) bool {
	if k >= len(toks) || toks[k].low != "of" {
		return false
	}
	k++
	if k < len(toks) && toks[k].low == "the" {
		k++
	}
	return k < len(toks) && covered(k)
}

// lastNamedWith is the armed party that the text's claims so far named
// last by a name with the word w in it ("the Houthi Militia") or with
// "militia" just after it ("the Houthi militia", "Houthi militias"), or
// nil.
func (d *docState) lastNamedWith(w string) *graph.Entity {
	for n := len(d.claims) - 1; n >= 0; n-- {
		c := d.claims[n]
		toks := c.sg.toks
		for k := len(c.ms) - 1; k >= 0; k-- {
			m := &c.ms[k]
			if m.ref || m.ent.Kind != graph.KindArmedGroup && m.ent.Kind != graph.KindArmy {
				continue
			}
			after := m.tj < len(toks) && (toks[m.tj].low == "militia" || toks[m.tj].low == "militias")
			if after || strings.Contains(strings.ToLower(d.text[m.s:m.e]), w) {
				return m.ent
			}
		}
	}
	return nil
}
