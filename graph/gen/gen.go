package gen

import (
	"crypto/sha256"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// Options says what to generate.
type Options struct {
	// Docs is the number of documents.
	Docs int
	// Seed makes the corpus: the same seed, the same documents.
	Seed uint64
	// Events is the size of the event pool; 0 means Docs/MeanWeight (at
	// least 1). How many documents tell of an event does not depend on
	// the pool's size: each event has a weight drawn from a Pareto law
	// bounded to [1, MaxWeight], and documents pick events in proportion
	// to their weights. With the default pool an event is told by about
	// its weight in documents: 2 for half of them, 6 or fewer for nine in
	// ten, a few dozen for the most reported, whatever Docs.
	Events int
	// Days is the span of the events' dates, from 1 January 2012; 0
	// means nine years. A shorter span packs a small corpus as densely
	// as a large one over nine years (tests of blocking at scale).
	Days int
	// Gazetteer supplies places, parties and sources; nil means the
	// shipped gazetteer.
	Gazetteer *gazetteer.Gazetteer
}

// Document is one generated document: the input a caller would ingest
// (text and manifest metadata) and what it was written about.
type Document struct {
	// File is the document's file name in a written corpus.
	File string
	// Input is the text with the caller's metadata, as in manifest.json.
	Input graph.DocumentInput
	// Template names the kind of text: letter, wire, statement, monitor,
	// digest or broadcast.
	Template string
	// Event is the index of the event it tells of, in Generator.Events.
	Event int
}

// Event is one invented happening that documents tell of: the truth
// behind their accounts.
type Event struct {
	Type        graph.EventType
	Place       *graph.Entity // a neighbourhood, town or city
	City        *graph.Entity // the place's city, or the governorate of a town; nil for a city
	Date        time.Time
	Perpetrator *graph.Entity
	Killed      int
	Injured     int
}

// Generator produces a corpus document by document.
type Generator struct {
	opt    Options
	g      *gazetteer.Gazetteer
	rng    *rand.Rand
	events []Event
	n      int
	seen   map[[16]byte]bool
	// counts remembers the last figure each monitor gave for an event, so
	// that its next report revises it upwards.
	counts map[[2]int]int
	roles  roles
	// cum holds the cumulative weights of the events (pickEvent).
	cum []float64
}

// The law of event weights: Pareto with exponent weightAlpha bounded to
// [1, MaxWeight]; MeanWeight is its mean, (a/(a-1)) (1-H^(1-a)) / (1-H^-a).
const (
	MaxWeight   = 40
	weightAlpha = 1.5
	MeanWeight  = 2.536
)

// New returns a generator for opt.
func New(opt Options) (*Generator, error) {
	if opt.Docs < 0 {
		return nil, graph.Errorf(graph.EINVALID, "docs must not be negative")
	}
	if opt.Events < 0 {
		return nil, graph.Errorf(graph.EINVALID, "events must not be negative")
	}
	if opt.Days < 0 {
		return nil, graph.Errorf(graph.EINVALID, "days must not be negative")
	}
	if opt.Days == 0 {
		opt.Days = spanDays
	}
	if opt.Events == 0 {
		opt.Events = max(1, int(float64(opt.Docs)/MeanWeight))
	}
	g := opt.Gazetteer
	if g == nil {
		g = gazetteer.Default()
	}
	r, err := newRoles(g)
	if err != nil {
		return nil, err
	}
	gen := &Generator{
		opt:    opt,
		g:      g,
		rng:    rand.New(rand.NewPCG(opt.Seed, 0x636c61696d677261)),
		seen:   make(map[[16]byte]bool, opt.Docs),
		counts: map[[2]int]int{},
		roles:  r,
	}
	gen.events = make([]Event, opt.Events)
	gen.cum = make([]float64, opt.Events)
	total := 0.0
	for i := range gen.events {
		gen.events[i] = gen.newEvent()
		total += gen.weight()
		gen.cum[i] = total
	}
	return gen, nil
}

// Events returns the event pool.
func (gen *Generator) Events() []Event { return gen.events }

// Len is the number of documents the generator makes in all.
func (gen *Generator) Len() int { return gen.opt.Docs }

// Next returns the next document, or false when all are made.
func (gen *Generator) Next() (Document, bool) {
	if gen.n >= gen.opt.Docs {
		return Document{}, false
	}
	i := gen.n
	gen.n++
	for attempt := 0; ; attempt++ {
		d := gen.document(i, attempt)
		h := sha256.Sum256([]byte(graph.NormaliseText(d.Input.Text)))
		var k [16]byte
		copy(k[:], h[:])
		if !gen.seen[k] {
			gen.seen[k] = true
			return d, true
		}
	}
}

// All generates every document of opt.
func All(opt Options) ([]Document, []Event, error) {
	gen, err := New(opt)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Document, 0, opt.Docs)
	for d, ok := gen.Next(); ok; d, ok = gen.Next() {
		out = append(out, d)
	}
	return out, gen.Events(), nil
}

// weight draws an event's weight: most events are told a few times, a
// few many times (median 1.6, nine in ten below 4.6, one in a hundred
// above 17).
func (gen *Generator) weight() float64 {
	u := gen.rng.Float64()
	return math.Pow(1-u*(1-math.Pow(MaxWeight, -weightAlpha)), -1/weightAlpha)
}

// pickEvent chooses an event in proportion to its weight.
func (gen *Generator) pickEvent() int {
	x := gen.rng.Float64() * gen.cum[len(gen.cum)-1]
	return min(len(gen.cum)-1, sort.SearchFloat64s(gen.cum, x))
}

var (
	firstDay = time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	spanDays = 9 * 365
)

func (gen *Generator) newEvent() Event {
	r := gen.rng
	pl := gen.roles.places[r.IntN(len(gen.roles.places))]
	e := Event{
		Place: pl.place,
		City:  pl.city,
		Date:  firstDay.AddDate(0, 0, r.IntN(gen.opt.Days)),
	}
	switch x := r.IntN(10); {
	case x < 6:
		e.Type = graph.EventAirstrike
		e.Perpetrator = gen.roles.air[r.IntN(len(gen.roles.air))]
	case x < 9:
		e.Type = graph.EventShelling
		e.Perpetrator = gen.roles.ground[r.IntN(len(gen.roles.ground))]
	default:
		e.Type = graph.EventExplosion
		e.Perpetrator = gen.roles.bombers[r.IntN(len(gen.roles.bombers))]
	}
	e.Killed = 4 + int(math.Exp(r.Float64()*4.2))
	e.Injured = e.Killed + r.IntN(2*e.Killed+5)
	return e
}

// document writes document i; attempt > 0 varies a text that came out
// the same as an earlier one.
func (gen *Generator) document(i, attempt int) Document {
	ev := gen.pickEvent()
	e := &gen.events[ev]
	var d Document
	switch x := gen.rng.IntN(100); {
	case x < 10:
		d = gen.letter(i, e)
	case x < 35:
		d = gen.wire(e)
	case x < 47:
		d = gen.statement(e)
	case x < 72:
		d = gen.monitor(ev, e)
	case x < 88:
		d = gen.digest(e)
	default:
		d = gen.broadcast(e)
	}
	if attempt > 0 {
		// The same source telling the same thing twice: a follow-up line
		// keeps the texts apart.
		d.Input.Text += fmt.Sprintf("\n\nThis report was updated %d times.", attempt+1)
	}
	d.Event = ev
	d.File = fmt.Sprintf("%06d-%s.txt", i, d.Template)
	d.Input.File = d.File
	d.Input.Language = "en"
	return d
}

// pub is a publication date 0 to 6 days after the event.
func (gen *Generator) pub(e *Event, maxDays int) time.Time {
	return e.Date.AddDate(0, 0, gen.rng.IntN(maxDays+1))
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// longDate is "23 October 2017".
func longDate(t time.Time) string { return t.Format("2 January 2006") }

// eventDate writes the event's date as a document published on pub would:
// absolute, or relative to the publication date with the day named.
func (gen *Generator) eventDate(e *Event, pub time.Time) string {
	gap := int(pub.Sub(e.Date).Hours() / 24)
	switch gen.rng.IntN(5) {
	case 0:
		return "on " + longDate(e.Date)
	case 1:
		if gap >= 1 && gap <= 5 {
			return fmt.Sprintf("late on %s, %s", e.Date.Weekday(), e.Date.Format("2 January"))
		}
		return "late on " + longDate(e.Date)
	case 2:
		return "on the night of " + longDate(e.Date)
	case 3:
		if gap >= 1 && gap <= 5 {
			return fmt.Sprintf("on %s, %s", e.Date.Weekday(), e.Date.Format("2 January"))
		}
		return "on " + longDate(e.Date)
	}
	return "on " + e.Date.Format("2 January 2006")
}

// pick returns one of xs.
func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// name is a spelling of the entity: for places, its name or any
// Latin-script alias (every spelling variant); for parties and sources,
// its name or an alias that names it rather than describing its weapons
// or its side.
func (gen *Generator) name(e *graph.Entity) string {
	names := []string{e.Name}
	for _, a := range e.Aliases {
		if !latin(a) || len(strings.Fields(a)) > 4 || allCaps(a) {
			continue
		}
		if e.Kind != graph.KindPlace && descriptive(a) {
			continue
		}
		names = append(names, a)
	}
	return names[gen.rng.IntN(len(names))]
}

// descriptive aliases describe a party ("regime helicopters", "Syrian
// jets") or are web addresses: they read wrongly in the templates.
func descriptive(a string) bool {
	l := strings.ToLower(a)
	for _, w := range []string{"jet", "warplane", "helicopter", "aircraft", "plane", "regime", ".org", ".com", "daesh", "global"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && r > 0x24F {
			return false
		}
	}
	return true
}

func allCaps(s string) bool {
	return strings.ToUpper(s) == s && len(s) <= 6
}

// placePhrase names the event's place in context: "the al-Qusur
// neighbourhood of Deir Ezzor", "the town of X in Y", "X city".
func (gen *Generator) placePhrase(e *Event) string {
	p := gen.name(e.Place)
	switch e.Place.PlaceType {
	case "neighbourhood":
		c := gen.name(e.City)
		return pick(gen.rng,
			fmt.Sprintf("the %s neighbourhood of %s", p, c),
			fmt.Sprintf("the residential neighbourhood of %s in the city of %s", p, c),
			fmt.Sprintf("the %s district of %s city", p, c))
	case "town":
		if e.City != nil {
			return pick(gen.rng,
				fmt.Sprintf("the town of %s in %s", p, gen.name(e.City)),
				fmt.Sprintf("the town of %s", p))
		}
		return "the town of " + p
	}
	return pick(gen.rng, "the city of "+p, p+" city", p)
}

// shortPlace names the place alone.
func (gen *Generator) shortPlace(e *Event) string { return gen.name(e.Place) }

// cityName names the city the place is in, or the place.
func (gen *Generator) cityName(e *Event) string {
	if e.City != nil {
		return gen.name(e.City)
	}
	return gen.name(e.Place)
}

// figure writes n with a bound: the text and whether it is written as an
// exact number.
func (gen *Generator) figure(n int) string {
	r := gen.rng
	switch r.IntN(9) {
	case 0:
		if n >= 2 && n <= 20 {
			return numberWords[n]
		}
		return fmt.Sprint(n)
	case 1, 2:
		return fmt.Sprintf("at least %d", n)
	case 3:
		return fmt.Sprintf("more than %d", max(2, n-r.IntN(5)))
	case 4:
		return fmt.Sprintf("about %d", roundTo(n, 5))
	case 5:
		return fmt.Sprintf("no more than %d", n+r.IntN(10))
	case 6:
		if n >= 24 {
			return "dozens of"
		}
		return fmt.Sprintf("at least %d", n)
	case 7:
		return fmt.Sprintf("over %d", max(2, roundTo(n, 10)-10))
	}
	return fmt.Sprint(n)
}

func roundTo(n, step int) int { return max(step, (n+step/2)/step*step) }

var numberWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}

// people writes "<figure> civilians" (or people), handling "dozens of".
func (gen *Generator) people(n int, who ...string) string {
	w := pick(gen.rng, "civilians", "people")
	if len(who) > 0 {
		w = who[0]
	}
	f := gen.figure(n)
	return f + " " + w
}

// jitter moves a toll as another source might give it.
func (gen *Generator) jitter(n int) int {
	switch gen.rng.IntN(4) {
	case 0:
		return n
	case 1:
		return max(1, n-1-gen.rng.IntN(max(1, n/3)))
	}
	return n + 1 + gen.rng.IntN(max(1, n/2))
}

// rootOf is the side an entity speaks for.
func (gen *Generator) rootOf(e *graph.Entity) uuid.UUID { return gen.g.Root(e.ID) }

// a puts "a" or "an" before a noun.
func a(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// needsThe says whether a name reads with "the" before it.
func needsThe(e *graph.Entity, n string) bool {
	if e.Kind == graph.KindPerson || strings.HasPrefix(n, "the ") || strings.HasPrefix(n, "The ") {
		return false
	}
	if n != "" && unicode.IsLower(rune(n[0])) {
		return true
	}
	for _, w := range []string{"Observatory", "Network", "Committee", "Center", "Centre", "Forces", "Army", "Force",
		"Coalition", "coalition", "Government", "government", "Ministry", "Guard", "Corps", "Command", "Council", "Units",
		"Mission", "Department", "Party", "Movement", "Division", "force", "ministry", "military", "Military", "army", "forces", "Group", "Organisation", "Organization"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
