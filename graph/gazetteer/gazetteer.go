package gazetteer

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

//go:embed gazetteer.json
var embedded []byte

// supplement is geonames.json: populated places from GeoNames that the
// curated file lacks, written by scripts/geonames. Its entries may name
// the curated file's entries (their governorates) by key.
//
//go:embed geonames.json
var supplement []byte

// Entry is one gazetteer record as gazetteer.json writes it. Within and
// Affiliation name other entries by key.
type Entry struct {
	Key         string           `json:"key"`
	Name        string           `json:"name"`
	Kind        graph.EntityKind `json:"kind"`
	Aliases     []string         `json:"aliases,omitempty"`
	PlaceType   string           `json:"place_type,omitempty"`
	Within      string           `json:"within,omitempty"`
	Lat         *float64         `json:"lat,omitempty"`
	Lon         *float64         `json:"lon,omitempty"`
	Affiliation string           `json:"affiliation,omitempty"`
	Description string           `json:"description,omitempty"`
	// Demonyms are adjectives that name the entry ("Russian" for Russia).
	// They are not aliases: Find does not match them; Demonym does.
	Demonyms []string `json:"demonyms,omitempty"`
	// MemberOf names the armed parties this one is part of beside its
	// affiliation: the alliances a faction joined (Ahrar al-Sham in Jaysh
	// al-Fatah), the coalition a state's forces fight in. An entry may be
	// a member of several; being on the same side is not membership.
	MemberOf []string `json:"member_of,omitempty"`
	// InOffice is the day a government took office (YYYY-MM-DD): of a
	// state's governments that give one, a document speaks of the last to
	// take office by its date (the Government of National Accord in 2020,
	// the Government of National Unity after March 2021).
	InOffice string `json:"in_office,omitempty"`
	// ActiveIn names the states (keys) where an armed group that is a
	// member of a wider movement is that movement's branch: "Daesh" in a
	// report about Afghanistan is the Islamic State Khorasan Province.
	ActiveIn []string `json:"active_in,omitempty"`
	// LocalNameOf names the armed parties (keys) whose names prose uses,
	// in the states of ActiveIn, for this party: "al-Shabaab" in a report
	// about Mozambique is Cabo Delgado's insurgency, not the Somali group.
	LocalNameOf []string `json:"local_name_of,omitempty"`
}

// file is the JSON document: a version and the entries.
type file struct {
	Version int `json:"version"`
	// Source says where a supplement's entries come from.
	Source  string  `json:"source,omitempty"`
	Entries []Entry `json:"entries"`
}

// placeTypes are the place_type values an entry may carry.
var placeTypes = map[string]bool{
	"country": true, "region": true, "governorate": true, "district": true,
	"subdistrict": true, "city": true, "town": true, "village": true,
	"neighbourhood": true, "camp": true, "landmark": true, "river": true,
	"lake": true, "mountain": true, "border_crossing": true, "airbase": true,
}

// kinds an entry may have; document-scoped and placeholder kinds are not
// gazetteer material.
var kinds = map[graph.EntityKind]bool{
	graph.KindPlace: true, graph.KindState: true, graph.KindGovernment: true,
	graph.KindArmy: true, graph.KindArmedGroup: true, graph.KindCoalition: true,
	graph.KindOrg: true, graph.KindIntlBody: true, graph.KindOutlet: true,
	graph.KindMonitor: true, graph.KindPerson: true,
}

var keyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Gazetteer is a parsed gazetteer with its indexes. It is immutable after
// Load and safe for concurrent use. Entities it returns by pointer are
// shared: callers must not modify them.
type Gazetteer struct {
	ents  []graph.Entity // sorted by key
	keys  []string       // keys[i] is the gazetteer key of ents[i]
	byID  map[uuid.UUID]int
	byKey map[string]int
	fold  map[string][]ranked // FoldKey -> entities, best first
	skel  map[string][]ranked // Skeleton -> entities, best first
	forms map[string][]form   // Skeleton -> the plain forms of the names that have it
	// scripted holds the entities with a name in Arabic script.
	scripted map[int]bool
	dems     map[string]int // FoldKey of a demonym -> entity
	// adjective maps an entity to its first demonym, the adjective prose
	// names it by ("Malian" for Mali).
	adjective map[uuid.UUID]string
	// member maps an entity to the parties it is a member of (MemberOf).
	member map[uuid.UUID][]uuid.UUID
	// inOffice maps a government to the day it took office (InOffice).
	inOffice map[uuid.UUID]string
	// branch maps a movement and a state to its branch active there
	// (ActiveIn).
	branch map[[2]uuid.UUID]uuid.UUID
	// fingerprint identifies the entries Load read (Fingerprint).
	fingerprint string
	find        findIndex
	// divided are the countries the gazetteer divides into governorates:
	// the ones it knows place by place (see localPlace).
	divided map[uuid.UUID]bool
}

// form is a name's plain letters (PlainForm) under its skeleton, used to
// check that a skeleton match is also close in spelling.
type form struct {
	ent   int
	plain string
	// script is true for a name written in Arabic script, whose plain form
	// lacks the short vowels: only a name in Arabic script compares with
	// it ("Samra" is not سامراء, Samarra).
	script bool
	// arabic is the ArabicKey of a name in Arabic script, "" for others.
	arabic string
}

// ranked is an entity index with the rank of the name that matched it:
// 0 for its canonical name, 1 for an alias.
type ranked struct {
	ent  int
	rank int
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the embedded gazetteer (the curated gazetteer.json and
// its GeoNames supplement, geonames.json), parsed once. It panics only if
// the embedded data is broken, which the package's tests guard against.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := Load(bytes.NewReader(embedded), bytes.NewReader(supplement))
		if err != nil {
			panic(fmt.Sprintf("gazetteer: embedded data: %v", err))
		}
		defaultGaz = g
	})
	return defaultGaz
}

// Load parses and validates a gazetteer in the gazetteer.json format and
// builds its indexes; further readers add their entries to the first's
// (a supplement, which may name the first's entries by key). Invalid data
// gives an EINVALID error naming the offending entry.
func Load(r io.Reader, more ...io.Reader) (*Gazetteer, error) {
	var entries []Entry
	for i, r := range append([]io.Reader{r}, more...) {
		var f file
		dec := json.NewDecoder(r)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			return nil, graph.Errorf(graph.EINVALID, "gazetteer: decode file %d: %v", i+1, err)
		}
		entries = append(entries, f.Entries...)
	}
	g, err := build(entries)
	if err != nil {
		return nil, err
	}
	// The entries as read, whatever their files' layout: a store seeded
	// from a gazetteer with this fingerprint holds all of it.
	enc, err := json.Marshal(entries)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: fingerprint: %w", err)
	}
	sum := sha256.Sum256(enc)
	g.fingerprint = hex.EncodeToString(sum[:16])
	return g, nil
}

// Fingerprint identifies the gazetteer's entries: two gazetteers loaded
// from the same entries have the same one, any change to an entry gives
// another. A gazetteer not made by Load has none ("").
func (g *Gazetteer) Fingerprint() string { return g.fingerprint }

// build validates entries and makes the gazetteer.
func build(entries []Entry) (*Gazetteer, error) {
	byKey := make(map[string]*Entry, len(entries))
	for i := range entries {
		e := &entries[i]
		if err := checkEntry(e); err != nil {
			return nil, err
		}
		if _, dup := byKey[e.Key]; dup {
			return nil, graph.Errorf(graph.EINVALID, "gazetteer: duplicate key %q", e.Key)
		}
		byKey[e.Key] = e
	}
	for _, e := range entries {
		if e.Within != "" {
			w, ok := byKey[e.Within]
			if !ok {
				return nil, graph.Errorf(graph.EINVALID, "gazetteer: %s: within %q is not a key", e.Key, e.Within)
			}
			if w.Kind != graph.KindPlace && w.Kind != graph.KindState {
				return nil, graph.Errorf(graph.EINVALID, "gazetteer: %s: within %q is a %s, not a place", e.Key, e.Within, w.Kind)
			}
		}
		if e.Affiliation != "" {
			if _, ok := byKey[e.Affiliation]; !ok {
				return nil, graph.Errorf(graph.EINVALID, "gazetteer: %s: affiliation %q is not a key", e.Key, e.Affiliation)
			}
		}
		if err := checkMembers(byKey, &e); err != nil {
			return nil, err
		}
	}
	if err := checkPartCycles(byKey, entries); err != nil {
		return nil, err
	}
	for _, e := range entries {
		if err := checkChain(byKey, e.Key, func(x *Entry) string { return x.Within }, "within"); err != nil {
			return nil, err
		}
		if err := checkChain(byKey, e.Key, func(x *Entry) string { return x.Affiliation }, "affiliation"); err != nil {
			return nil, err
		}
	}

	sorted := make([]*Entry, 0, len(entries))
	for i := range entries {
		sorted = append(sorted, &entries[i])
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Key < sorted[j].Key })

	g := &Gazetteer{
		ents:      make([]graph.Entity, len(sorted)),
		keys:      make([]string, len(sorted)),
		byID:      make(map[uuid.UUID]int, len(sorted)),
		byKey:     make(map[string]int, len(sorted)),
		fold:      make(map[string][]ranked),
		skel:      make(map[string][]ranked),
		forms:     make(map[string][]form),
		scripted:  make(map[int]bool),
		dems:      make(map[string]int),
		adjective: make(map[uuid.UUID]string),
		member:    make(map[uuid.UUID][]uuid.UUID),
		inOffice:  make(map[uuid.UUID]string),
		branch:    make(map[[2]uuid.UUID]uuid.UUID),
	}
	ids := make(map[string]uuid.UUID, len(sorted))
	for _, e := range sorted {
		ids[e.Key] = graph.EntityID(e.Kind, e.Key, uuid.Nil)
	}
	for i, e := range sorted {
		ent := graph.Entity{
			ID:          ids[e.Key],
			Name:        e.Name,
			Kind:        e.Kind,
			Aliases:     e.Aliases,
			PlaceType:   e.PlaceType,
			Lat:         e.Lat,
			Lon:         e.Lon,
			Description: e.Description,
			Gazetteer:   true,
		}
		if e.Within != "" {
			id := ids[e.Within]
			ent.Within = &id
		}
		if e.Affiliation != "" {
			id := ids[e.Affiliation]
			ent.Affiliation = &id
		}
		for _, m := range e.MemberOf {
			g.member[ent.ID] = append(g.member[ent.ID], ids[m])
		}
		if e.InOffice != "" {
			g.inOffice[ent.ID] = e.InOffice
		}
		for _, st := range e.ActiveIn {
			for _, m := range slices.Concat(e.MemberOf, e.LocalNameOf) {
				k := [2]uuid.UUID{ids[m], ids[st]}
				if _, two := g.branch[k]; two {
					// Two branches of one movement in a state (the
					// Islamic State's West Africa and Sahel provinces in
					// Niger): neither is the movement there.
					g.branch[k] = uuid.Nil
					continue
				}
				g.branch[k] = ent.ID
			}
		}
		for _, d := range e.Demonyms {
			f := FoldKey(d)
			if prev, dup := g.dems[f]; dup {
				return nil, graph.Errorf(graph.EINVALID, "gazetteer: %s: demonym %q is also %s's", e.Key, d, sorted[prev].Key)
			}
			g.dems[f] = i
			if g.adjective[ent.ID] == "" {
				g.adjective[ent.ID] = d
			}
		}
		g.ents[i] = ent
		g.keys[i] = e.Key
		g.byID[ent.ID] = i
		g.byKey[e.Key] = i
		for j, name := range names(&ent) {
			rank := 1
			if j == 0 {
				rank = 0
			}
			addRanked(g.fold, FoldKey(name), i, rank)
			// (A State's, a government's or an army's name of two words
			// or more is looked up as written: "Syrian My Government" is
			// not the "Suriname government"; one word is looked up by
			// skeleton too, "Irak".)
			if s := Skeleton(name); s != "" && !(writtenOnly(&ent) && strings.Contains(strings.TrimSpace(name), " ")) {
				addRanked(g.skel, s, i, rank)
				// Lookup matches an acronym as written, never by its
				// consonants (as the running-text matcher does): "al-Hri"
				// is not HRW.
				if !acronymName(name) {
					g.forms[s] = append(g.forms[s], form{i, PlainForm(name), hasArabic(name), ArabicKey(name)})
					if hasArabic(name) {
						g.scripted[i] = true
					}
				}
			}
		}
	}
	for _, m := range []map[string][]ranked{g.fold, g.skel} {
		for k, rs := range m {
			sort.SliceStable(rs, func(a, b int) bool { return g.better(rs[a], rs[b]) })
			m[k] = rs
		}
	}
	g.find = buildFindIndex(g)
	g.divided = make(map[uuid.UUID]bool)
	for i := range g.ents {
		if g.ents[i].PlaceType == "governorate" {
			if c := g.Country(&g.ents[i]); c != nil {
				g.divided[c.ID] = true
			}
		}
	}
	return g, nil
}

// checkEntry validates one entry on its own.
func checkEntry(e *Entry) error {
	if !keyPattern.MatchString(e.Key) {
		return graph.Errorf(graph.EINVALID, "gazetteer: key %q is not a lower-case slug", e.Key)
	}
	if FoldKey(e.Name) == "" {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: empty name", e.Key)
	}
	if !kinds[e.Kind] {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: kind %q is not a gazetteer kind", e.Key, e.Kind)
	}
	for _, a := range e.Aliases {
		if FoldKey(a) == "" {
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: alias %q folds to nothing", e.Key, a)
		}
	}
	for _, d := range e.Demonyms {
		if FoldKey(d) == "" {
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: demonym %q folds to nothing", e.Key, d)
		}
	}
	if e.PlaceType != "" && !placeTypes[e.PlaceType] {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: unknown place_type %q", e.Key, e.PlaceType)
	}
	if e.Kind == graph.KindPlace && e.PlaceType == "" {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: a place needs a place_type", e.Key)
	}
	if e.PlaceType != "" && e.Kind != graph.KindPlace && e.Kind != graph.KindState {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: a %s cannot have a place_type", e.Key, e.Kind)
	}
	if e.Within != "" && e.PlaceType == "" {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: within set on an entry that is not a place", e.Key)
	}
	if e.InOffice != "" {
		if e.Kind != graph.KindGovernment {
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: in_office set on a %s, not a government", e.Key, e.Kind)
		}
		if _, err := time.Parse(time.DateOnly, e.InOffice); err != nil {
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: in_office %q is not YYYY-MM-DD", e.Key, e.InOffice)
		}
	}
	if (e.Lat == nil) != (e.Lon == nil) {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: lat and lon must be given together", e.Key)
	}
	if e.Lat != nil && (math.IsNaN(*e.Lat) || *e.Lat < -90 || *e.Lat > 90 || math.IsNaN(*e.Lon) || *e.Lon < -180 || *e.Lon > 180) {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: coordinates %v, %v out of range", e.Key, *e.Lat, *e.Lon)
	}
	return nil
}

// checkChain rejects cycles along the within or affiliation links.
func checkChain(byKey map[string]*Entry, start string, next func(*Entry) string, what string) error {
	seen := map[string]bool{start: true}
	for k := next(byKey[start]); k != ""; k = next(byKey[k]) {
		if seen[k] {
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: %s chain has a cycle through %q", start, what, k)
		}
		seen[k] = true
	}
	return nil
}

// armedParty are the kinds member_of may join: forces and their alliances.
var armedParty = map[graph.EntityKind]bool{graph.KindArmy: true, graph.KindArmedGroup: true, graph.KindCoalition: true}

// checkMembers validates an entry's member_of: known keys of armed
// parties, none twice, not itself, and only on an armed party.
func checkMembers(byKey map[string]*Entry, e *Entry) error {
	if len(e.MemberOf) > 0 && !armedParty[e.Kind] {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: member_of set on a %s, not an armed party", e.Key, e.Kind)
	}
	if len(e.ActiveIn) > 0 && len(e.MemberOf) == 0 && len(e.LocalNameOf) == 0 {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: active_in set on a party that is no movement's member and goes by no other party's name", e.Key)
	}
	if len(e.LocalNameOf) > 0 && (len(e.ActiveIn) == 0 || !armedParty[e.Kind]) {
		return graph.Errorf(graph.EINVALID, "gazetteer: %s: local_name_of needs an armed party and active_in", e.Key)
	}
	for _, k := range e.LocalNameOf {
		if m, ok := byKey[k]; !ok || !armedParty[m.Kind] || k == e.Key {
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: local_name_of %q is not another armed party's key", e.Key, k)
		}
	}
	for _, k := range e.ActiveIn {
		if st, ok := byKey[k]; !ok || st.Kind != graph.KindState {
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: active_in %q is not a state's key", e.Key, k)
		}
	}
	seen := map[string]bool{}
	for _, k := range e.MemberOf {
		m, ok := byKey[k]
		switch {
		case !ok:
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: member_of %q is not a key", e.Key, k)
		case k == e.Key:
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: member of itself", e.Key)
		case seen[k]:
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: member_of %q twice", e.Key, k)
		case !armedParty[m.Kind]:
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: member_of %q is a %s, not an armed party", e.Key, k, m.Kind)
		}
		seen[k] = true
	}
	return nil
}

// checkPartCycles rejects a cycle through member_of and affiliation links
// together: no party is, by any path, part of itself.
func checkPartCycles(byKey map[string]*Entry, entries []Entry) error {
	const (
		open = 1
		done = 2
	)
	state := map[string]int{}
	var visit func(k string) error
	visit = func(k string) error {
		switch state[k] {
		case open:
			return graph.Errorf(graph.EINVALID, "gazetteer: %s: member_of and affiliation links make a cycle", k)
		case done:
			return nil
		}
		state[k] = open
		e := byKey[k]
		next := append([]string(nil), e.MemberOf...)
		if e.Affiliation != "" {
			next = append(next, e.Affiliation)
		}
		for _, n := range next {
			if err := visit(n); err != nil {
				return err
			}
		}
		state[k] = done
		return nil
	}
	for _, e := range entries {
		if len(e.MemberOf) == 0 {
			continue
		}
		if err := visit(e.Key); err != nil {
			return err
		}
	}
	return nil
}

// names returns an entity's canonical name followed by its aliases.
func names(e *graph.Entity) []string {
	out := make([]string, 0, 1+len(e.Aliases))
	out = append(out, e.Name)
	return append(out, e.Aliases...)
}

// addRanked adds (ent, rank) under key, keeping the best rank per entity.
func addRanked(m map[string][]ranked, key string, ent, rank int) {
	if key == "" {
		return
	}
	rs := m[key]
	for i := range rs {
		if rs[i].ent == ent {
			if rank < rs[i].rank {
				rs[i].rank = rank
			}
			return
		}
	}
	m[key] = append(rs, ranked{ent, rank})
}

// kindOrder ranks kinds for ambiguous names: concrete actors and places
// before umbrella entities.
var kindOrder = map[graph.EntityKind]int{
	graph.KindPlace: 0, graph.KindState: 1, graph.KindPerson: 2,
	graph.KindArmedGroup: 3, graph.KindArmy: 4, graph.KindGovernment: 5,
	graph.KindCoalition: 6, graph.KindMonitor: 7, graph.KindOutlet: 8,
	graph.KindIntlBody: 9, graph.KindOrg: 10,
}

// better orders two candidates for the same key: canonical-name matches
// first, then by kind, then by key.
func (g *Gazetteer) better(a, b ranked) bool {
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	ka, kb := kindOrder[g.ents[a.ent].Kind], kindOrder[g.ents[b.ent].Kind]
	if ka != kb {
		return ka < kb
	}
	return g.keys[a.ent] < g.keys[b.ent]
}

// Entities returns every entity, ordered by gazetteer key. The slice is a
// copy; the aliases inside it are shared and must not be modified.
func (g *Gazetteer) Entities() []graph.Entity {
	return append([]graph.Entity(nil), g.ents...)
}

// Len is the number of entities.
func (g *Gazetteer) Len() int { return len(g.ents) }

// Entity returns the entity with the given id.
func (g *Gazetteer) Entity(id uuid.UUID) (*graph.Entity, bool) {
	i, ok := g.byID[id]
	if !ok {
		return nil, false
	}
	return &g.ents[i], true
}

// ByKey returns the entity with the given gazetteer key.
func (g *Gazetteer) ByKey(key string) (*graph.Entity, bool) {
	i, ok := g.byKey[key]
	if !ok {
		return nil, false
	}
	return &g.ents[i], true
}

// Key returns the gazetteer key of the entity with the given id.
func (g *Gazetteer) Key(id uuid.UUID) (string, bool) {
	i, ok := g.byID[id]
	if !ok {
		return "", false
	}
	return g.keys[i], true
}

// Lookup returns the entities whose name or an alias matches name: exact
// FoldKey matches if there are any, best first (canonical-name matches
// before alias matches, then places, states and persons before
// organisations). Otherwise Skeleton matches whose spelling is also close
// (see Close), nearest first.
func (g *Gazetteer) Lookup(name string) []*graph.Entity {
	if rs := g.fold[FoldKey(name)]; len(rs) > 0 {
		out := make([]*graph.Entity, len(rs))
		for i, r := range rs {
			out[i] = &g.ents[r.ent]
		}
		return out
	}
	s := Skeleton(name)
	if len(s) < 2 {
		return nil
	}
	plain, arabic := PlainForm(name), hasArabic(name)
	ak := ""
	if arabic {
		ak = ArabicKey(name)
	}
	// "al-Hameh" is not Hama: a short name after the article is one
	// written with it.
	articleShort := !arabic && len(s) <= 2 && stripArticle(FoldKey(name)) != ""
	best := map[int]int{} // entity -> smallest distance
	for _, f := range g.forms[s] {
		// A name in Arabic script compares letter by letter with the
		// entity's names in that script, where it has any.
		if f.script && !arabic || f.script && f.arabic != ak || arabic && !f.script && g.scripted[f.ent] {
			continue
		}
		if articleShort && !g.find.articled[f.ent] && g.ents[f.ent].Kind == graph.KindPlace {
			continue
		}
		d := distance(plain, f.plain)
		if !arabic && !closeEnough(d, plain, f.plain) {
			continue
		}
		if old, ok := best[f.ent]; !ok || d < old {
			best[f.ent] = d
		}
	}
	if len(best) == 0 {
		return nil
	}
	ents := make([]int, 0, len(best))
	for e := range best {
		ents = append(ents, e)
	}
	sort.Slice(ents, func(a, b int) bool {
		if best[ents[a]] != best[ents[b]] {
			return best[ents[a]] < best[ents[b]]
		}
		return g.better(ranked{ents[a], 1}, ranked{ents[b], 1})
	})
	out := make([]*graph.Entity, len(ents))
	for i, e := range ents {
		out[i] = &g.ents[e]
	}
	return out
}

// Demonym returns the entity an adjective names ("Russian" -> Russia,
// "Syrian" -> Syria), matched by FoldKey.
func (g *Gazetteer) Demonym(word string) (*graph.Entity, bool) {
	i, ok := g.dems[FoldKey(word)]
	if !ok {
		return nil, false
	}
	return &g.ents[i], true
}

// Branch returns the member of a movement that is its branch in a state
// (ActiveIn): the Islamic State Khorasan Province for the Islamic State in
// Afghanistan; or the party that goes by another's name there
// (LocalNameOf): Ahlu Sunna wal-Jama'a for al-Shabaab in Mozambique. False
// when the gazetteer gives none.
func (g *Gazetteer) Branch(movement, state uuid.UUID) (*graph.Entity, bool) {
	id, ok := g.branch[[2]uuid.UUID{movement, state}]
	if !ok || id == uuid.Nil {
		return nil, false
	}
	return g.Entity(id)
}

// Adjective returns the adjective prose names an entity by, its first
// demonym ("Malian" for Mali); "" when the gazetteer gives none.
func (g *Gazetteer) Adjective(id uuid.UUID) string { return g.adjective[id] }

// Ancestors returns the places enclosing the entity, nearest first; none for
// an unknown id or an entity that is not within anything.
func (g *Gazetteer) Ancestors(id uuid.UUID) []*graph.Entity {
	var out []*graph.Entity
	e, ok := g.Entity(id)
	for ok && e.Within != nil {
		e, ok = g.Entity(*e.Within)
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// Within reports whether a is b or lies inside b.
func (g *Gazetteer) Within(a, b uuid.UUID) bool {
	if a == b {
		return true
	}
	for _, e := range g.Ancestors(a) {
		if e.ID == b {
			return true
		}
	}
	return false
}

// Root returns the root of the entity's affiliation chain: the side it
// speaks for (state television -> government -> state). It returns id
// itself for an entity with no affiliation or unknown to the gazetteer.
// Sources with the same root are not independent.
func (g *Gazetteer) Root(id uuid.UUID) uuid.UUID {
	root := id
	e, ok := g.Entity(id)
	for ok && e.Affiliation != nil {
		root = *e.Affiliation
		e, ok = g.Entity(root)
	}
	return root
}

// MemberOf returns the parties the entity is a member of, as
// gazetteer.json's member_of lists them (not its affiliation), or nil.
// The slice is shared: callers must not modify it.
func (g *Gazetteer) MemberOf(id uuid.UUID) []uuid.UUID { return g.member[id] }

// Keys returns the match keys to index an entity by: the FoldKey and the
// Skeleton of its name and each alias, and the FoldKey without a leading
// Arabic article, deduplicated and sorted. It works for any entity, in the
// gazetteer or not.
func (g *Gazetteer) Keys(e *graph.Entity) []string {
	set := make(map[string]bool)
	for _, n := range names(e) {
		f := FoldKey(n)
		if f == "" {
			continue
		}
		set[f] = true
		if bare := stripArticle(f); bare != "" {
			set[bare] = true
		}
		if s := Skeleton(n); s != "" {
			set[s] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// stripArticle returns a fold key without its leading Arabic article
// ("al qusur" -> "qusur"), or "" if it has none.
func stripArticle(fold string) string {
	for i := 0; i < len(fold); i++ {
		if fold[i] == ' ' {
			if isArticle(fold[:i]) {
				return fold[i+1:]
			}
			return ""
		}
	}
	return ""
}

// acronymName reports whether name is an acronym: two to six capital
// Latin letters ("HRW", "SOHR", "YPG").
func acronymName(name string) bool {
	if len(name) < 2 || len(name) > 6 {
		return false
	}
	for _, r := range name {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// Homonyms returns the places, other than the entity not, whose name or an
// alias is spelt close to name (the same skeleton, a near plain form; Latin
// script only): the other places a place's name may stand for ("Suran"
// in Aleppo's countryside, "Souran" in Hama's), ordered by key.
func (g *Gazetteer) Homonyms(name string, not uuid.UUID) []*graph.Entity {
	if hasArabic(name) {
		return nil
	}
	s := Skeleton(name)
	if len(s) < 2 {
		return nil
	}
	plain := PlainForm(name)
	seen := map[int]bool{}
	var ents []int
	for _, f := range g.forms[s] {
		if f.script || seen[f.ent] || g.ents[f.ent].ID == not || g.ents[f.ent].Kind != graph.KindPlace {
			continue
		}
		if !closeEnough(distance(plain, f.plain), plain, f.plain) {
			continue
		}
		seen[f.ent] = true
		ents = append(ents, f.ent)
	}
	sort.Slice(ents, func(a, b int) bool { return g.keys[ents[a]] < g.keys[ents[b]] })
	out := make([]*graph.Entity, len(ents))
	for i, e := range ents {
		out[i] = &g.ents[e]
	}
	return out
}

// InOffice returns the day the government id took office, YYYY-MM-DD, or
// "" when the gazetteer does not say.
func (g *Gazetteer) InOffice(id uuid.UUID) string { return g.inOffice[id] }
