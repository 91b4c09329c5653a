package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// Extractor extracts claims from documents. It is safe for concurrent use.
type Extractor struct {
	g     *gazetteer.Gazetteer
	keys  map[uuid.UUID][]string      // gazetteer entity -> its match keys
	govOf map[uuid.UUID]*graph.Entity // state -> its government
	// inOffice lists, by state, its governments that say when they took
	// office (see governmentOf).
	inOffice map[uuid.UUID][]*graph.Entity
	armyOf   map[uuid.UUID]*graph.Entity // state -> its armed forces

	coalitionOf map[uuid.UUID]*graph.Entity // state -> the coalition it leads

	// adjOf gives a state's adjective by the state's name ("Mali" ->
	// "Malian"); stateOfAdj and stateNamed give the state's name by its
	// adjective and by its name, lower-cased. They hold adjectiveOf and
	// every other state's first demonym in the gazetteer.
	adjOf      map[string]string
	stateOfAdj map[string]string
	stateNamed map[string]string
}

// New returns an extractor that names entities through g; nil means the
// embedded default gazetteer.
func New(g *gazetteer.Gazetteer) *Extractor {
	if g == nil {
		g = gazetteer.Default()
	}
	x := &Extractor{g: g, govOf: make(map[uuid.UUID]*graph.Entity), inOffice: make(map[uuid.UUID][]*graph.Entity), keys: make(map[uuid.UUID][]string)}
	for _, e := range g.Entities() {
		x.keys[e.ID] = g.Keys(&e)
	}
	for _, e := range g.Entities() {
		if e.Kind != graph.KindGovernment || e.Affiliation == nil {
			continue
		}
		st, ok := g.Entity(*e.Affiliation)
		if !ok || st.Kind != graph.KindState {
			continue
		}
		// The state's main government is the one affiliated directly with
		// it whose name is shortest ("Government of the Syrian Arab
		// Republic" rather than a ministry, which is affiliated with the
		// government, not the state).
		ge, _ := g.Entity(e.ID)
		if cur, ok := x.govOf[st.ID]; !ok || len(ge.Name) < len(cur.Name) {
			x.govOf[st.ID] = ge
		}
		if g.InOffice(ge.ID) != "" {
			x.inOffice[st.ID] = append(x.inOffice[st.ID], ge)
		}
	}
	x.buildArmies()
	x.buildCoalitions()
	x.buildAdjectives()
	return x
}

// buildAdjectives fills adjOf, stateOfAdj and stateNamed: adjectiveOf's
// pairs first (they say "US", not "American", for the United States), then
// the gazetteer's states by their first demonym.
func (x *Extractor) buildAdjectives() {
	x.adjOf = make(map[string]string)
	x.stateOfAdj = make(map[string]string)
	x.stateNamed = make(map[string]string)
	add := func(st, adj string) {
		if _, ok := x.adjOf[st]; !ok {
			x.adjOf[st] = adj
			x.stateNamed[strings.ToLower(st)] = st
		}
		if _, ok := x.stateOfAdj[strings.ToLower(adj)]; !ok {
			x.stateOfAdj[strings.ToLower(adj)] = st
		}
	}
	for st, adj := range adjectiveOf {
		add(st, adj)
	}
	for _, e := range x.g.Entities() {
		if e.Kind == graph.KindState {
			if adj := x.g.Adjective(e.ID); adj != "" {
				add(e.Name, adj)
			}
		}
	}
}

// docState is everything known while extracting one document.
type docState struct {
	x *Extractor
	g *gazetteer.Gazetteer
	// inside holds where the text puts places the gazetteer lacks ("Beit
	// Sadan, a village in the Arhab district"): this document's reading
	// only, never written on the entity, which other documents share.
	inside map[uuid.UUID]uuid.UUID
	in     graph.DocumentInput
	text   string
	ri     *runeIndex
	docID  uuid.UUID
	doc    graph.Document
	segs   []segment
	dc     dateCtx

	ents     map[uuid.UUID]*graph.Entity
	entOrder []uuid.UUID

	gaz    []gazetteer.Match // every gazetteer match in the text, in order
	claims []*claimInfo
	accs   []*acc

	author       *graph.Entity // the document's author entity, if known
	authorWord   string        // the head word the text may call the author by (authorHead), read once
	onBehalf     *graph.Entity // the entity the document speaks for
	voice        *graph.Entity // who asserts the document's own claims
	country      *graph.Entity // the country the document is about
	discourse    discourse
	lastPlaces   []*graph.Entity
	passing      map[uuid.UUID]bool       // places last named only in passing ("towards Azaz")
	dateline     *graph.Entity            // the dateline's place: where the writer is
	prevActor    *graph.Entity            // the party the last claim named first, for "Its strikes"
	lastGroup    *graph.Entity            // the armed group the text named last, for "the group"
	lastJihadist *graph.Entity            // the jihadist group the text named last, for "the militants"
	epithets     map[string]*graph.Entity // an epithet the text gave a party by name ("the aggressor Haftar") -> the party
	explosive    int8                     // explosiveText: 0 not yet read, 1 yes, 2 no
	executions   int8                     // executionText: 0 not yet read, 1 yes, 2 no
	surnames     map[string]*graph.Entity // fold key of a person's last name -> the person
	newPlaces    map[string]*graph.Entity // fold key -> a place the gazetteer lacks that the text named as one

	// the last party said to speak in a statement, for "the statement said"
	lastStatement *graph.Entity

	// turn is the speaker of the meeting record's turn in paragraph
	// turnPara, whose opening ("Mr. X (Libya):") spans turnS:turnE.
	turn                   *graph.Entity
	turnPara, turnS, turnE int
	// talk is the transcript turn the text is in ("SPOKESMAN: ...").
	talk talk
	// segMS holds the mentions of each segment read so far, by index.
	segMS [][]mention
}

// Extract extracts everything it can from one document. Invalid input
// (invalid UTF-8, NUL bytes, empty or white-space-only text) is an EINVALID
// error; extraction itself never fails on valid text.
func (x *Extractor) Extract(in graph.DocumentInput) (out *graph.Extraction, err error) {
	if err := validate(in.Text); err != nil {
		return nil, err
	}
	if in.Date != "" {
		if _, ok := parseISODay(in.Date); !ok {
			return nil, graph.Errorf(graph.EINVALID, "document date %q is not YYYY-MM-DD", in.Date)
		}
	}
	text := graph.NormaliseText(in.Text)
	if text == "" {
		return nil, graph.Errorf(graph.EINVALID, "document text is empty")
	}
	defer func() {
		// Extraction is written not to panic; should a rule still do so on
		// some input, the caller gets an internal error, not a crash.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("extract document: internal fault: %v (at %s)", r, panicSite())
		}
	}()
	d := &docState{
		x:    x,
		g:    x.g,
		in:   in,
		text: text,
		ri:   newRuneIndex(text),
		ents: make(map[uuid.UUID]*graph.Entity),
	}
	d.docID = graph.DocumentID(text)
	d.doc = graph.Document{
		ID:         d.docID,
		Title:      in.Title,
		Symbol:     in.Symbol,
		Kind:       in.Kind,
		Author:     in.Author,
		OnBehalfOf: in.OnBehalfOf,
		Date:       in.Date,
		Language:   in.Language,
		SourceURL:  in.SourceURL,
		File:       in.File,
		Hash:       graph.TextHash(text),
		Length:     d.ri.at(len(text)),
		Text:       text,
	}
	if len(in.AddressedTo) > 0 {
		d.doc.AddressedTo = append([]string(nil), in.AddressedTo...)
	}
	d.segs = segments(text)
	for i := range d.segs {
		d.segs[i].toks = tokenize(text, d.segs[i].s, d.segs[i].e)
	}
	d.gaz = x.g.Find(text)
	d.resolveHomonyms()
	d.readMetadata()
	if t, ok := parseISODay(d.doc.Date); ok {
		d.dc.ref, d.dc.hasRef = t, true
	}
	d.resolveParties()
	d.readClaims()
	d.inferKind()
	d.buildAccounts()
	return d.result(), nil
}

// result assembles the extraction.
func (d *docState) result() *graph.Extraction {
	out := &graph.Extraction{Document: d.doc}
	out.Claims = make([]graph.Claim, 0, len(d.claims))
	for _, c := range d.claims {
		out.Claims = append(out.Claims, c.claim)
	}
	out.Accounts = d.accounts()
	// Entities that referenced entities point to are referenced too.
	for k := 0; k < len(d.entOrder); k++ {
		e := d.ents[d.entOrder[k]]
		for _, id := range []*uuid.UUID{e.Within, e.Affiliation} {
			if id == nil {
				continue
			}
			if _, ok := d.ents[*id]; !ok {
				if ge, ok := d.g.Entity(*id); ok {
					d.use(ge)
				}
			}
		}
		if len(e.Keys) == 0 {
			e.Keys = d.g.Keys(e)
		}
	}
	out.Entities = make([]graph.Entity, 0, len(d.entOrder))
	for _, id := range d.entOrder {
		out.Entities = append(out.Entities, *d.ents[id])
	}
	// Byte order of the ids is the order of their strings.
	sort.SliceStable(out.Entities, func(i, j int) bool { return bytes.Compare(out.Entities[i].ID[:], out.Entities[j].ID[:]) < 0 })
	return out
}

// use records that the extraction refers to e and returns its reference.
// Gazetteer entities and entities created from the text are copied once.
func (d *docState) use(e *graph.Entity) graph.EntityRef {
	if e == nil {
		return graph.EntityRef{}
	}
	if _, ok := d.ents[e.ID]; !ok {
		cp := e
		if e.Gazetteer {
			c := *e
			cp = &c
		}
		if len(cp.Keys) == 0 {
			if k, ok := d.x.keys[cp.ID]; ok {
				cp.Keys = append([]string(nil), k...)
			} else {
				cp.Keys = d.g.Keys(cp)
			}
		}
		d.ents[e.ID] = cp
		d.entOrder = append(d.entOrder, e.ID)
		d.notePerson(cp)
		// The places enclosing a place, and what an entity is affiliated
		// with, are referenced too: the store writes their edges.
		if e.Within != nil {
			if w, ok := d.g.Entity(*e.Within); ok {
				d.use(w)
			}
		}
		if e.Affiliation != nil {
			if a, ok := d.g.Entity(*e.Affiliation); ok {
				d.use(a)
			} else if a, ok := d.ents[*e.Affiliation]; ok {
				d.use(a)
			}
		}
	}
	return e.Ref()
}

// entity returns the entity with id, from the document or the gazetteer.
func (d *docState) entity(id uuid.UUID) *graph.Entity {
	if e, ok := d.ents[id]; ok {
		return e
	}
	if e, ok := d.g.Entity(id); ok {
		return e
	}
	return nil
}

// newEntity makes an entity the gazetteer lacks: kind and name as found,
// id from kind and fold key (scoped to the document for anonymous sources).
func (d *docState) newEntity(kind graph.EntityKind, name string, aliases []string, scoped bool) *graph.Entity {
	key := gazetteer.FoldKey(name)
	if kind == graph.KindPlace {
		key = gazetteer.PlaceKey(name)
	}
	if key == "" {
		key = name
	}
	scope := uuid.Nil
	if scoped {
		scope = d.docID
	}
	id := graph.EntityID(kind, key, scope)
	if e, ok := d.ents[id]; ok {
		for _, a := range aliases {
			addAlias(e, a)
		}
		return e
	}
	e := &graph.Entity{ID: id, Name: name, Kind: kind}
	for _, a := range aliases {
		addAlias(e, a)
	}
	if scoped {
		s := d.docID
		e.Scope = &s
	}
	d.ents[id] = e
	d.entOrder = append(d.entOrder, id)
	d.notePerson(e)
	return e
}

func addAlias(e *graph.Entity, a string) {
	if a == "" || gazetteer.FoldKey(a) == gazetteer.FoldKey(e.Name) {
		return
	}
	for _, x := range e.Aliases {
		if gazetteer.FoldKey(x) == gazetteer.FoldKey(a) {
			return
		}
	}
	e.Aliases = append(e.Aliases, a)
}

// lookup returns the best gazetteer entity for name, preferring the given
// kinds when there are several; nil if none.
func (d *docState) lookup(name string, kinds ...graph.EntityKind) *graph.Entity {
	es := d.g.Lookup(name)
	if len(es) == 0 {
		return nil
	}
	if len(kinds) == 0 {
		return es[0]
	}
	for _, k := range kinds {
		for _, e := range es {
			if e.Kind == k {
				return e
			}
		}
	}
	return nil
}

// unknownEntity is the explicit unknown perpetrator: "unidentified aircraft".
func (d *docState) unknownEntity() *graph.Entity {
	id := graph.EntityID(graph.KindUnknown, "unknown", uuid.Nil)
	if e, ok := d.ents[id]; ok {
		return e
	}
	e := &graph.Entity{ID: id, Name: "unknown", Kind: graph.KindUnknown, Description: "an actor the source says it cannot identify"}
	d.ents[id] = e
	d.entOrder = append(d.entOrder, id)
	return e
}

// docDate returns the document date, or the zero time.
func (d *docState) docDate() (time.Time, bool) { return d.dc.ref, d.dc.hasRef }

// panicSite names the function, file and line where a recovered panic
// began, for the internal fault's message: a user who reports it gives
// the maintainers the place to look. Called from the deferred recover,
// it skips the runtime's frames above the faulting one.
func panicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") && f.Function != "" {
			fn := f.Function[strings.LastIndex(f.Function, "/")+1:]
			return fmt.Sprintf("%s %s:%d", fn, filepath.Base(f.File), f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}
