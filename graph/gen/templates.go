package gen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Templates. Each writes one kind of document about event e, with the
// metadata a caller would give in a manifest.

// attack is what happened, as a noun: "strike", "shelling", "car bomb".
func (gen *Generator) attack(e *Event) string {
	switch e.Type {
	case graph.EventShelling:
		return pick(gen.rng, "shelling", "bombardment", "artillery attack")
	case graph.EventExplosion:
		return pick(gen.rng, "car bomb", "explosion", "bombing")
	}
	return pick(gen.rng, "strike", "air strike", "raid", "airstrike")
}

// perpName names the perpetrator, with "the" where its name needs it.
func (gen *Generator) perpName(p *graph.Entity) string {
	n := gen.name(p)
	if needsThe(p, n) {
		return "the " + n
	}
	return n
}

// did says the perpetrator did it: "aircraft of the X struck", "X
// shelled", "a car bomb planted by X exploded in".
func (gen *Generator) did(e *Event, perp string) string {
	switch e.Type {
	case graph.EventShelling:
		return pick(gen.rng, perp+" shelled", "artillery fire by "+perp+" hit", "shells fired by "+perp+" hit")
	case graph.EventExplosion:
		return pick(gen.rng, "a car bomb planted by "+perp+" exploded in", "a bomb set off by "+perp+" ripped through")
	}
	return pick(gen.rng, "aircraft of "+perp+" struck", "warplanes of "+perp+" struck", "missiles fired by "+perp+" hit")
}

// denier is someone who speaks for the perpetrator's side.
func (gen *Generator) denier(p *graph.Entity) *graph.Entity {
	side := gen.rootOf(p)
	if ps := gen.roles.spokesmen[side]; len(ps) > 0 && gen.rng.IntN(3) > 0 {
		return ps[gen.rng.IntN(len(ps))]
	}
	if bs := gen.roles.bodies[side]; len(bs) > 0 {
		return bs[gen.rng.IntN(len(bs))]
	}
	return p
}

// accuser is an outlet of a side other than the perpetrator's.
func (gen *Generator) accuser(p *graph.Entity) *graph.Entity {
	side := gen.rootOf(p)
	sides := make([]uuid.UUID, 0, len(gen.roles.media))
	for s := range gen.roles.media {
		if s != side {
			sides = append(sides, s)
		}
	}
	sort.Slice(sides, func(i, j int) bool { return sides[i].String() < sides[j].String() })
	ms := gen.roles.media[sides[gen.rng.IntN(len(sides))]]
	return ms[gen.rng.IntN(len(ms))]
}

// otherPerp is a party of another side that someone blames instead.
func (gen *Generator) otherPerp(e *Event) *graph.Entity {
	pool := gen.roles.air
	if e.Type == graph.EventShelling {
		pool = gen.roles.ground
	}
	side := gen.rootOf(e.Perpetrator)
	for range 8 {
		p := pool[gen.rng.IntN(len(pool))]
		if gen.rootOf(p) != side {
			return p
		}
	}
	return e.Perpetrator
}

func title(words string) string {
	if words == "" {
		return words
	}
	return strings.ToUpper(words[:1]) + words[1:]
}

func paragraphs(ps ...string) string { return strings.Join(ps, "\n\n") }

// letter is a letter to the Security Council from a state's permanent
// representative, accusing the perpetrator; often undated in the manifest.
func (gen *Generator) letter(i int, e *Event) Document {
	r := gen.rng
	var m mission
	side := gen.rootOf(e.Perpetrator)
	for range 8 {
		m = gen.roles.missions[r.IntN(len(gen.roles.missions))]
		if m.side != side {
			break
		}
	}
	pub := gen.pub(e, 10)
	symbol := fmt.Sprintf("S/%d/%d", pub.Year(), 100+i%900)
	perp := gen.perpName(e.Perpetrator)
	if m.side == side { // no state accuses itself: it blames another party
		perp = gen.perpName(gen.otherPerp(e))
	}
	body := paragraphs(
		pick(r,
			"On instructions from my Government, and further to our previous letters, I should like to draw to your attention the following:",
			"On instructions from my Government, I wish to inform you of the following:"),
		fmt.Sprintf("On %s, %s %s, killing %s and injuring %s others, most of them women and children.",
			longDate(e.Date), gen.did(e, perp), gen.placePhrase(e), gen.people(gen.jitter(e.Killed), "civilians"), gen.figure(gen.jitter(e.Injured))),
		pick(r,
			"This crime is added to the long record of violations committed against civilians, in flagrant violation of international humanitarian law.",
			"The Government condemns this heinous crime and holds its perpetrators fully responsible.",
			"Such attacks constitute war crimes and crimes against humanity."),
		"I should be grateful if the present letter could be issued as a document of the Security Council.",
		"Source: UN "+symbol,
	)
	in := graph.DocumentInput{
		Text:        body,
		Symbol:      symbol,
		Kind:        "letter",
		Title:       "Letter dated " + longDate(pub) + " from the Permanent Representative of the " + m.country + " to the United Nations addressed to the Secretary-General and the President of the Security Council",
		Author:      "Permanent Representative of the " + m.country + " to the United Nations",
		OnBehalfOf:  "Government of the " + m.country,
		AddressedTo: graph.StringList{"Secretary-General of the United Nations", "President of the Security Council"},
	}
	if r.IntN(2) == 0 {
		in.Date = day(pub)
	}
	return Document{Template: "letter", Input: in}
}

// wire is a news agency report with several speakers: a monitor's toll, a
// source blaming one party, and that party's denial.
func (gen *Generator) wire(e *Event) Document {
	r := gen.rng
	pub := gen.pub(e, 3)
	mon := gen.roles.monitors[r.IntN(len(gen.roles.monitors))]
	wire := gen.roles.wires[r.IntN(len(gen.roles.wires))]
	city := gen.cityName(e)
	killed := gen.jitter(e.Killed)
	monName := gen.perpName(mon)
	dateline := pick(r, "Beirut", "Amman", "Istanbul", "Damascus", "Moscow")
	headline := fmt.Sprintf("Monitor says %d killed in %s; %s rejects blame", killed, city, gen.name(e.Perpetrator))
	p1 := fmt.Sprintf("%s, %s. %s were killed %s, when %s %s, %s said.",
		dateline, longDate(pub), title(gen.people(killed, "people")), gen.eventDate(e, pub), gen.did(e, "unidentified forces"), gen.placePhrase(e), monName)
	if r.IntN(2) == 0 {
		p1 = fmt.Sprintf("%s, %s. %s said %s were killed and %s wounded in %s on %s %s.",
			dateline, longDate(pub), title(monName), gen.people(killed, "people"), gen.figure(gen.jitter(e.Injured)), a(gen.attack(e)), gen.placePhrase(e), gen.eventDate(e, pub))
	}
	accused := e.Perpetrator
	if r.IntN(4) == 0 {
		accused = gen.otherPerp(e)
	}
	p2 := fmt.Sprintf("A %s source in the city, who asked not to be named, blamed %s. The source said %s were killed and %s were injured in the %s on %s.",
		pick(r, "government", "security", "local"), gen.perpName(accused), gen.people(gen.jitter(e.Killed), "civilians"),
		fmt.Sprintf("more than %d", gen.jitter(e.Injured)), gen.attack(e), gen.shortPlace(e))
	den := gen.denier(accused)
	p3 := fmt.Sprintf("%s said the allegation that %s killed %d civilians in %s was false.",
		title(gen.perpName(den)), gen.perpName(accused), gen.jitter(e.Killed), city)
	if r.IntN(3) == 0 {
		p3 = fmt.Sprintf("%s denied that %s had carried out any %s in %s %s.", title(gen.perpName(den)), gen.perpName(accused), gen.attack(e), city, gen.eventDate(e, pub))
	}
	in := graph.DocumentInput{
		Text:   paragraphs(headline, p1, p2, p3),
		Kind:   "news report",
		Title:  headline,
		Author: gen.name(wire),
		Date:   day(pub),
	}
	return Document{Template: "wire", Input: in}
}

// statement is the perpetrator's side denying the event outright.
func (gen *Generator) statement(e *Event) Document {
	r := gen.rng
	pub := gen.pub(e, 4)
	body := gen.denier(e.Perpetrator)
	if body.Kind == graph.KindPerson {
		if bs := gen.roles.bodies[gen.rootOf(e.Perpetrator)]; len(bs) > 0 {
			body = bs[r.IntN(len(bs))]
		}
	}
	head := "Statement by " + gen.perpName(body)
	perp := gen.perpName(e.Perpetrator)
	deny := fmt.Sprintf("Reports that %s conducted %s on %s %s are false.",
		perp, pick(r, "air strikes", "strikes", "attacks"), gen.placePhrase(e), gen.eventDate(e, pub))
	if r.IntN(2) == 0 {
		deny = fmt.Sprintf("%s did not carry out any %s in %s %s, contrary to what some media claimed.",
			title(perp), gen.attack(e), gen.shortPlace(e), gen.eventDate(e, pub))
	}
	other := gen.otherPerp(e)
	blame := fmt.Sprintf("%s are operating in and around %s.", title(gen.perpName(other)), gen.cityName(e))
	if r.IntN(2) == 0 {
		blame = fmt.Sprintf("The casualties reported in %s were caused by %s.", gen.shortPlace(e), gen.perpName(other))
	}
	in := graph.DocumentInput{
		Text:   paragraphs(head, longDate(pub)+".", deny, blame, "We take every allegation of civilian casualties seriously and review each one."),
		Kind:   "statement",
		Title:  head,
		Author: body.Name,
		Date:   day(pub),
	}
	return Document{Template: "statement", Input: in}
}

// monitor is a casualty monitor's report; a monitor's second report on an
// event revises its own toll upwards.
func (gen *Generator) monitor(ev int, e *Event) Document {
	r := gen.rng
	mi := r.IntN(len(gen.roles.monitors))
	mon := gen.roles.monitors[mi]
	key := [2]int{ev, mi}
	last, revised := gen.counts[key]
	n := gen.jitter(e.Killed)
	if revised {
		n = last + 1 + r.IntN(max(1, last/3))
	}
	gen.counts[key] = n
	pub := gen.pub(e, 2)
	if revised {
		pub = pub.AddDate(0, 0, 1+r.IntN(3))
	}
	place := gen.shortPlace(e)
	head := fmt.Sprintf("%d killed in %s on %s", n, gen.attack(e), place)
	if revised {
		head = fmt.Sprintf("Death toll in %s rises to %d", place, n)
	}
	children := max(1, n/4)
	kids := fmt.Sprintf("%d children", children)
	if children == 1 {
		kids = "a child"
	}
	p1 := fmt.Sprintf("%s has documented the death of at least %d people, among them %s, in the %s that hit %s %s.",
		title(gen.perpName(mon)), n, kids, gen.attack(e), gen.placePhrase(e), gen.eventDate(e, pub))
	belief := pick(r, "believed to be", "thought to belong to")
	p2 := fmt.Sprintf("Sources told the monitor that the attack was carried out by forces %s %s.", belief, gen.perpName(e.Perpetrator))
	if e.Type == graph.EventAirstrike {
		p2 = fmt.Sprintf("Sources told the monitor that the missile was fired by a warplane %s %s.", belief, gen.perpName(e.Perpetrator))
	}
	p3 := pick(r,
		"The toll is expected to rise because dozens of people were wounded, some of them seriously.",
		fmt.Sprintf("About %d people were wounded.", roundTo(gen.jitter(e.Injured), 5)),
		fmt.Sprintf("More than %d others were injured.", gen.jitter(e.Injured)))
	in := graph.DocumentInput{
		Text:   paragraphs(head, gen.name(mon)+", "+longDate(pub)+".", p1, p2, p3),
		Kind:   "monitor report",
		Title:  head,
		Author: mon.Name,
		Date:   day(pub),
	}
	return Document{Template: "monitor", Input: in}
}

// digest is a local news digest quoting several local networks that give
// different tolls and blame different parties.
func (gen *Generator) digest(e *Event) Document {
	r := gen.rng
	pub := gen.pub(e, 2)
	src1 := gen.roles.local[r.IntN(len(gen.roles.local))]
	src2 := gen.roles.local[r.IntN(len(gen.roles.local))]
	head := fmt.Sprintf("Civilian casualties after %s on %s", gen.attack(e), gen.shortPlace(e))
	p1 := fmt.Sprintf("%s reported that %s %s %s, killing %s.",
		title(gen.perpName(src1)), gen.did(e, gen.perpName(e.Perpetrator)), gen.placePhrase(e), gen.eventDate(e, pub), gen.people(gen.jitter(e.Killed), "civilians"))
	p2 := fmt.Sprintf("%s said %s were killed and about %d wounded when %s hit the area.",
		title(gen.perpName(src2)), gen.people(gen.jitter(e.Killed), "people"), roundTo(gen.jitter(e.Injured), 5), a(gen.attack(e)))
	media := gen.accuser(e.Perpetrator)
	p3 := fmt.Sprintf("%s put the toll at %d dead and %d wounded and blamed %s for the %s.",
		title(gen.perpName(media)), gen.jitter(e.Killed), gen.jitter(e.Injured), gen.perpName(gen.otherPerp(e)), gen.attack(e))
	in := graph.DocumentInput{
		Text:   paragraphs(head, "Local news digest, "+longDate(pub)+".", p1, p2, p3),
		Kind:   "news digest",
		Title:  head,
		Author: "local news digest",
		Date:   day(pub),
	}
	return Document{Template: "digest", Input: in}
}

// broadcast is a state broadcaster's report on the evening of the event.
func (gen *Generator) broadcast(e *Event) Document {
	r := gen.rng
	pub := gen.pub(e, 1)
	media := gen.accuser(e.Perpetrator)
	name := gen.perpName(media)
	blamed := e.Perpetrator
	if gen.rootOf(media) == gen.rootOf(blamed) {
		blamed = gen.otherPerp(e)
	}
	head := fmt.Sprintf("%s: %s on %s", title(name), gen.attack(e), gen.shortPlace(e))
	place := gen.cityName(e)
	p1 := fmt.Sprintf("%s, %s (%s). %s, citing its correspondent, reported that %s %s %s.",
		place, longDate(pub), pick(r, "late evening", "evening", "night"), title(name), gen.did(e, gen.perpName(blamed)), gen.placePhrase(e), gen.eventDate(e, pub))
	p2 := fmt.Sprintf("According to the broadcast, the %s killed %s and wounded %d others.",
		gen.attack(e), gen.people(gen.jitter(e.Killed), "civilians"), gen.jitter(e.Injured))
	p3 := "The channel said the toll was expected to rise because several of the wounded were in a critical condition."
	in := graph.DocumentInput{
		Text:   paragraphs(head, p1, p2, p3),
		Kind:   "broadcast report",
		Title:  head,
		Author: media.Name,
		Date:   day(pub),
	}
	return Document{Template: "broadcast", Input: in}
}
