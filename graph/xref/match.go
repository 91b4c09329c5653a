package xref

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// MatchThreshold is the least score at which Match accepts a pair.
const MatchThreshold = 0.5

// Weights of the evidence Match adds up.
const (
	wType        = 0.30 // times the type affinity
	wSamePlace   = 0.35
	wNestedPlace = 0.25
	wSameDay     = 0.30
	wOverlap     = 0.20
	wUndated     = 0.10
	wRecent      = 0.20
	wPerpetrator = 0.10
	wDenial      = 0.10
	wFigures     = 0.05
	wSameSpeaker = 0.10
	wContext     = 0.25
	wMaybePlace  = 0.15
	wDocPlace    = 0.20
)

// wellConfused is the type affinity from which sources often call one
// kind of happening the other (an attack, an air strike).
const wellConfused = 0.8

// minContextAffinity is the least type affinity at which an account
// without a place joins an account of its own document.
const minContextAffinity = 0.5

// Type families: types in one family can describe one happening (a source
// calls an airstrike a massacre or an attack). A type belongs to one or
// more families; two types are compatible when they share one. Match
// also takes a pair of assaults (assaults, below) for one happening.
var families = map[graph.EventType][]string{
	graph.EventAirstrike:       {"strike"},
	graph.EventMassacre:        {"strike", "campaign"},
	graph.EventAttack:          {"strike"},
	graph.EventExplosion:       {"strike"},
	graph.EventShelling:        {"strike"},
	graph.EventProhibitedArms:  {"strike"},
	graph.EventBombingCampaign: {"campaign"},
	graph.EventDestruction:     {"campaign"},
	graph.EventEvacuation:      {"evacuation"},
	graph.EventSiege:           {"siege"},
	graph.EventCapture:         {"capture"},
}

// affinities grade compatible pairs below 1 where sources rarely confuse
// them; pairs absent here score 0.8 when their families meet.
var affinities = map[[2]graph.EventType]float64{
	{graph.EventAirstrike, graph.EventShelling}:       0.4,
	{graph.EventExplosion, graph.EventShelling}:       0.6,
	{graph.EventAirstrike, graph.EventExplosion}:      0.7,
	{graph.EventExplosion, graph.EventMassacre}:       0.7,
	{graph.EventMassacre, graph.EventShelling}:        0.7,
	{graph.EventMassacre, graph.EventProhibitedArms}:  0.6,
	{graph.EventBombingCampaign, graph.EventMassacre}: 0.6,
	{graph.EventDestruction, graph.EventMassacre}:     0.5,
	{graph.EventExplosion, graph.EventProhibitedArms}: 0.5,
}

// assaults pair types of two families that one happening may still take:
// a town stormed and taken is "an attack on the town" in one report and
// "the town fell" in another. The pair matches only on a day both give
// (as written, no tolerance), at the same or a nested place the
// gazetteer knows (an attack on a town the day before it falls, or on a town it does not know, is not thereby
// its capture), and only when the attackers are the captors: the same
// party, one part of the other, or one account naming none (the
// defenders' counter-attack on the day the town falls is another
// happening); blocking meets it through its place keys, which carry no
// type.
var assaults = map[[2]graph.EventType]float64{
	{graph.EventAttack, graph.EventCapture}: 0.5,
}

// assault reports whether a and b are a pair of assaults.
func assault(a, b graph.EventType) bool { return assaultAffinity(a, b) > 0 }

// assaultAffinity is the type affinity of a pair of assaults, 0 for any
// other pair. It is not TypeAffinity's: an attack is not a kind of
// capture, only the storming of a town may be told as either.
func assaultAffinity(a, b graph.EventType) float64 {
	if a > b {
		a, b = b, a
	}
	return assaults[[2]graph.EventType{a, b}]
}

// assaultDays reports whether two accounts' dates, each a day or a few
// days (at most DayKeyMaxDays), share a day as written: no reporting
// tolerance, since the attack the day before a town falls is the battle
// for it, not its fall.
func assaultDays(a, b graph.Account) bool {
	af, at, oka := dateRange(a.Date)
	bf, bt, okb := dateRange(b.Date)
	if !oka || !okb {
		return false
	}
	short := func(f, t time.Time) bool { return int(t.Sub(f)/day)+1 <= DayKeyMaxDays }
	return short(af, at) && short(bf, bt) && !at.Before(bf) && !bt.Before(af)
}

// discrete reports whether t is a happening of a day (a strike, an
// attack, an explosion): of the strike family only, not of a campaign's.
func discrete(t graph.EventType) bool {
	f := families[t]
	return len(f) == 1 && f[0] == "strike"
}

// ofADay reports whether t happens on a day, so that a report weeks
// later without a date may tell of another such happening at the place:
// a discrete strike, or a capture (a town falls on a day, and towns
// change hands again: taken, lost to a counter-attack, retaken).
func ofADay(t graph.EventType) bool {
	return discrete(t) || t == graph.EventCapture
}

// dayTold reports whether a dated account tells of a happening of a day:
// of a type that happens on a day, or a massacre (a strike's or a
// campaign's) dated to a day or a few as written. An undated report
// weeks later of a strike at the place may tell of any strike there
// since, whichever name the dated one gives the killing.
func dayTold(a graph.Account) bool {
	if ofADay(a.Type) {
		return true
	}
	if a.Type != graph.EventMassacre {
		return false
	}
	from, to, ok := dateRange(a.Date)
	return ok && int(to.Sub(from)/day)+1 <= DayKeyMaxDays
}

// typeFamilies returns the families of t; an unknown or empty type is in a
// family of its own name.
func typeFamilies(t graph.EventType) []string {
	if f, ok := families[t]; ok {
		return f
	}
	if t == "" {
		return []string{"unknown"}
	}
	return []string{string(t)}
}

// TypeAffinity returns how well two event types can describe one
// happening: 1 for the same type, 0 for types that cannot.
func TypeAffinity(a, b graph.EventType) float64 {
	if a == b {
		return 1
	}
	shared := false
	for _, fa := range typeFamilies(a) {
		for _, fb := range typeFamilies(b) {
			if fa == fb {
				shared = true
			}
		}
	}
	if !shared {
		return 0
	}
	if a > b {
		a, b = b, a
	}
	if v, ok := affinities[[2]graph.EventType{a, b}]; ok {
		return v
	}
	return 0.8
}

// groundDevices are words of an explosion's type text that name a bomb
// set off on the ground: such an explosion is never an air strike (a car
// bomb and an air strike in one town on one day are two happenings),
// while "an explosion" or "a blast" may be a strike's.
var groundDevices = []string{"car bomb", "booby-trapped", "booby trapped", "bomb-laden", "vbied", "ied",
	"roadside", "explosive device", "suicide", "landmine", "land mine", "motorcycle bomb", "truck bomb"}

// groundBomb reports whether an account's explosion is a bomb set off on
// the ground, from the words that name its type.
func groundBomb(a graph.Account) bool {
	if a.Type != graph.EventExplosion {
		return false
	}
	t := " " + strings.ToLower(a.TypeText) + " "
	for _, d := range groundDevices {
		if d == "ied" {
			if strings.Contains(t, " ied ") || strings.Contains(t, " ieds ") {
				return true
			}
			continue
		}
		if strings.Contains(t, d) {
			return true
		}
	}
	return false
}

// groundlessStrike reports whether an account of an air strike asserts
// it of an armed group no state stands behind (the Islamic State, an
// opposition faction): such groups fly no aircraft, and the account is
// more likely a bombing's, misread, than a strike from the air, so it
// does not keep a ground bomb's account apart as an air strike would.
// Forces a state stands behind ("pro-government forces" of an army) may
// strike from the air.
func groundlessStrike(a graph.Account, w *World) bool {
	if a.Type != graph.EventAirstrike || !blamed(a, w) {
		return false
	}
	root := w.Root(a.Perpetrator.Entity.ID)
	kind := a.Perpetrator.Entity.Kind
	if root != a.Perpetrator.Entity.ID {
		kind = ""
	}
	if e, ok := w.Entity(root); ok && e.Kind != "" {
		kind = e.Kind
	}
	return kind == graph.KindArmedGroup
}

// verdict is Match's full answer: the score, the reasons, whether the pair
// is accepted, and whether it is clearly different (types, places or dates
// that cannot be one happening), which keeps the two apart in any event.
type verdict struct {
	score     float64
	reasons   []string
	ok        bool
	different bool
	// answer is set when the pair is accepted as a late denial's answer
	// to an earlier account (answersLate), weeksApart when two accounts
	// of happenings of a day are not matched because one's report came
	// weeks after the other's date or report: resolution lets no late
	// answer join what such a pair keeps apart.
	answer, weeksApart bool
	// lasting is set when the pair's dates meet only by the lasting
	// rule (siegeJoins): resolution keeps it apart when what ended a
	// siege lies between them (siegeEnded).
	lasting bool
}

// Match says whether two accounts describe the same event, with a score in
// [0, 1] and the evidence for and against in words. Accounts match when
// their types are compatible, their dates overlap (allowing for precision
// and reporting delay), their places are the same or nested, and the
// evidence adds up to MatchThreshold. An account without a usable place
// matches only on the same day (or, undated, reported within
// ReportingDelay days) and the same (asserted or denied) perpetrator, or
// an account of its own document.
func Match(a, b graph.Account, w *World) (score float64, reasons []string, ok bool) {
	v := match(a, b, w)
	return v.score, v.reasons, v.ok
}

func match(a, b graph.Account, w *World) verdict {
	var v verdict
	if a.ID == b.ID && a.ID != uuid.Nil {
		return verdict{score: 1, reasons: []string{"same account"}, ok: true}
	}
	// Type.
	aff := TypeAffinity(a.Type, b.Type)
	if aff == 0 {
		aff = assaultAffinity(a.Type, b.Type)
	}
	if aff == 0 && (undatedBombing(a) && discrete(b.Type) || undatedBombing(b) && discrete(a.Type)) {
		// "The bombing of the camp" told without a date is read as a
		// campaign for want of a day; its own document's strike at the
		// same place, told by the same speaker, is what it means. Another
		// document's strike there may be it too: not matched, but not
		// kept apart.
		if a.DocumentID != b.DocumentID || a.Speaker.ID != b.Speaker.ID || a.DocumentID == uuid.Nil ||
			a.Place == nil || b.Place == nil || w.Relate(a.Place.Entity.ID, b.Place.Entity.ID) != PlacesSame {
			v.reasons = append(v.reasons, fmt.Sprintf("an undated bombing and a strike of a day (%s): one only as the same speaker's strike at the same place in its document", discreteType(a, b)))
			return v
		}
		aff = undatedBombingAffinity
	}
	if aff == 0 {
		v.different = true
		v.reasons = append(v.reasons, fmt.Sprintf("types %s and %s cannot be one happening", a.Type, b.Type))
		return v
	}
	if groundBomb(a) && b.Type == graph.EventAirstrike && !groundlessStrike(b, w) || groundBomb(b) && a.Type == graph.EventAirstrike && !groundlessStrike(a, w) {
		v.different = true
		v.reasons = append(v.reasons, "a bomb set off on the ground and an air strike are two happenings")
		return v
	}
	v.score += wType * aff
	if a.Type == b.Type {
		v.reasons = append(v.reasons, fmt.Sprintf("same type (%s)", a.Type))
	} else {
		v.reasons = append(v.reasons, fmt.Sprintf("compatible types (%s, %s)", a.Type, b.Type))
	}

	// Date.
	wa, oka := eventWindow(a)
	wb, okb := eventWindow(b)
	sameDay, recent, answer := false, false, false
	siege := false // one siege by the lasting rule only (lasting.go)
	switch {
	case oka && okb && !wa.overlaps(wb) && siegeJoins(a, b):
		// Two accounts of a siege, their windows apart but their spans
		// (to each report) within SiegeGapMonths: the place must be one
		// the gazetteer knows, the same or nested (below), and
		// resolution keeps them apart when a capture or an evacuation
		// there is dated between them (siegeEnded).
		siege, v.lasting = true, true
		v.score += wOverlap
		v.reasons = append(v.reasons, siegeReason(a, b))
	case oka && okb && !wa.overlaps(wb):
		v.different = true
		v.reasons = append(v.reasons, fmt.Sprintf("dates differ (%s, %s)", dateText(a, wa), dateText(b, wb)))
		return v
	case oka && okb && wa.dated && wb.dated && wa.precise && wb.precise:
		sameDay = true
		v.score += wSameDay
		v.reasons = append(v.reasons, fmt.Sprintf("same day (%s, %s)", dateText(a, wa), dateText(b, wb)))
	case oka && okb && wa.dated && wb.dated:
		v.score += wOverlap
		v.reasons = append(v.reasons, fmt.Sprintf("dates overlap (%s, %s)", dateText(a, wa), dateText(b, wb)))
	case oka && okb && ofADay(a.Type) && ofADay(b.Type) && (answersLate(a, b) || answersLate(b, a)):
		// A denial without a date, weeks after an allegation at the
		// place: the answer to it (the place must be firm, below). Two
		// dated accounts it answers on different days stay apart, being
		// different, and resolution lets it join no group holding a
		// report weeks apart from the other (weeksApart).
		answer, v.answer = true, true
		v.score += wUndated
		v.reasons = append(v.reasons, fmt.Sprintf("an undated denial, reported more than %d and within %d days after the other's date (or report), may answer it", UndatedApart, ResponseWindow))
	case oka && okb && (ofADay(a.Type) && dayTold(b) && reportedLate(a, b) || ofADay(b.Type) && dayTold(a) && reportedLate(b, a)):
		// One gives no date, and its report came out weeks after the
		// other's date: it may tell of any strike there since.
		v.weeksApart = true
		v.reasons = append(v.reasons, fmt.Sprintf("an account without a date, reported more than %d days after the other's date", UndatedApart))
		return v
	case oka && okb && (reportedWithin(a, b) || reportedWithin(b, a)):
		recent = true
		v.score += wRecent
		v.reasons = append(v.reasons, fmt.Sprintf("an undated account reported within %d days (%s, %s)", ReportingDelay, dateText(a, wa), dateText(b, wb)))
	case oka && okb && !wa.dated && !wb.dated && ofADay(a.Type) && ofADay(b.Type) && publishedApart(a, b) > UndatedApart:
		// Neither gives a date, and their reports are weeks apart: a
		// place and a type in common say nothing of which strike each
		// tells of (a campaign or a siege lasts; a strike does not).
		v.weeksApart = true
		v.reasons = append(v.reasons, fmt.Sprintf("neither account gives a date, and their reports are %d days apart", publishedApart(a, b)))
		return v
	case oka && okb && (ofADay(a.Type) && dayTold(b) && wb.precise && reportedDaysAfter(a, b) || ofADay(b.Type) && dayTold(a) && wa.precise && reportedDaysAfter(b, a)):
		// One gives no date, and its report came out days after the
		// other's day, later than news of a strike comes: it is as
		// likely of a strike there since (a daily bulletin's undated
		// shelling, a week after a letter's dated one).
		v.weeksApart = true
		v.reasons = append(v.reasons, fmt.Sprintf("an account without a date, reported more than %d days after the other's day", ReportingDelay))
		return v
	case oka && okb:
		v.score += wUndated
		v.reasons = append(v.reasons, "an undated account published in the other's time frame")
	default:
		v.reasons = append(v.reasons, "no date to compare")
	}

	// Place.
	// An account placed only in a governorate or a region, whose document
	// tells of its happening at one place inside it, is at that place
	// (Account.InnerPlace): the governorate alone does not join it to
	// another place's event there.
	pa, pb := matchFamily(a, w), matchFamily(b, w)
	placed := len(pa) > 0 && len(pb) > 0
	maybe, ctxPlaced := false, false
	wide := false // nested in a district, governorate or region
	// wideSame: both placed only in one district, governorate or region.
	wideSame := false
	if placed {
		ia, ib := pa[0], pb[0]
		rel := w.Relate(ia, ib)
		if inner := a.InnerPlace != nil || b.InnerPlace != nil; inner && rel != PlacesSame && rel != PlacesNested {
			v.reasons = append(v.reasons, fmt.Sprintf("placed only in a governorate or a region, and its document tells of it at %s, not at %s", w.Name(ia), w.Name(ib)))
			if b.InnerPlace != nil && a.InnerPlace == nil {
				v.reasons[len(v.reasons)-1] = fmt.Sprintf("placed only in a governorate or a region, and its document tells of it at %s, not at %s", w.Name(ib), w.Name(ia))
			}
			return v
		}
		// An evacuation read at the town it leaves (Account.Origin),
		// where the other evacuation is placed: the journey's two ends.
		journey := (rel == PlacesDisjoint || rel == PlacesNear) && a.Type == graph.EventEvacuation && b.Type == graph.EventEvacuation &&
			(fromOrigin(a, ib, w) || fromOrigin(b, ia, w))
		switch {
		case journey:
			x := a
			if !fromOrigin(a, ib, w) {
				x = b
			}
			v.score += wNestedPlace
			v.reasons = append(v.reasons, "an evacuation's two ends: the document of the account at "+placeName(x, w)+" tells of it leaving "+w.Name(*x.Origin))
		case rel == PlacesSame:
			v.score += wSamePlace
			if ea, ok := w.Entity(ia); ok && rankOf(ea) >= placeRank["district"] {
				wideSame = true
			}
			if ia == ib {
				v.reasons = append(v.reasons, "same place ("+matchPlaceName(a, w)+")")
			} else {
				v.reasons = append(v.reasons, "same place, spelt "+matchPlaceName(a, w)+" and "+matchPlaceName(b, w))
			}
		case rel == PlacesNested:
			v.score += wNestedPlace
			if ea, ok := w.Entity(ia); ok && rankOf(ea) >= placeRank["district"] {
				wide = true
			} else if eb, ok := w.Entity(ib); ok && rankOf(eb) >= placeRank["district"] {
				wide = true
			}
			if w.Within(ia, ib) {
				v.reasons = append(v.reasons, matchPlaceName(a, w)+" lies within "+matchPlaceName(b, w))
			} else {
				v.reasons = append(v.reasons, matchPlaceName(b, w)+" lies within "+matchPlaceName(a, w))
			}
		case rel == PlacesMaybeNested && (outsideArea(a, ib, w) || outsideArea(b, ia, w)):
			// The place the gazetteer lacks lies in the governorate its
			// sentence names (Account.PlaceArea), and the other place is
			// outside it: a town of another governorate, a foreign
			// capital. Not matched on the name; not kept apart either
			// (as with PlacesNear), so that a misread place (a spokesman's
			// city) does not split what a third account joins.
			x, y := a, b
			if !outsideArea(a, ib, w) {
				x, y = b, a
			}
			v.reasons = append(v.reasons, placeName(x, w)+", which its document places in "+w.Name(*x.PlaceArea)+", does not lie within "+placeName(y, w))
			return v
		case rel == PlacesMaybeNested:
			maybe = true
			v.score += wMaybePlace
			v.reasons = append(v.reasons, "one of "+placeName(a, w)+" and "+placeName(b, w)+" may lie within the other (the gazetteer does not know where the first is)")
		case rel == PlacesNear:
			// A siege's accounts apart in time stay different.
			v.different = siege
			// Not evidence: blocking does not meet such pairs, and two
			// places beside each other are as often two happenings. Not
			// different either, so that accounts of the city and of the
			// place beside it may join through a third.
			v.reasons = append(v.reasons, fmt.Sprintf("%s and %s are places the gazetteer knows within %d km of each other, the lesser perhaps what a report at the larger means: neither one happening's place nor two", placeName(a, w), placeName(b, w), CountrysideKm))
			return v
		case rel == PlacesMaybeSame:
			maybe = true
			v.score += wMaybePlace
			if na, nb := w.Name(ia), w.Name(ib); qualifiedPlace(na, nb) || qualifiedPlace(nb, na) {
				v.reasons = append(v.reasons, placeName(a, w)+" and "+placeName(b, w)+" may be one place the gazetteer lacks and a part of it named after it")
			} else {
				v.reasons = append(v.reasons, placeName(a, w)+" and "+placeName(b, w)+" may be two spellings of one place the gazetteer lacks")
			}
		case heldByText(a, ib, w) || heldByText(b, ia, w):
			// "al-Raqah village in Bani Qais district": the document of
			// one account puts its place inside the other's.
			x, y := a, b
			if !heldByText(a, ib, w) {
				x, y = b, a
			}
			v.score += wNestedPlace
			v.reasons = append(v.reasons, placeName(x, w)+" lies within "+placeName(y, w)+", as the document of the account at "+placeName(x, w)+" says")
		case rel == PlacesDisjoint && spelledInArea(a, b, w):
			// "al-Jineh" and "Jinah", each put by its document in one
			// governorate: perhaps one place, weak evidence.
			maybe = true
			v.score += wMaybePlace
			v.reasons = append(v.reasons, placeName(a, w)+" and "+placeName(b, w)+" may be two spellings of one place the gazetteer lacks, in "+w.Name(docArea(a, w))+" as their documents say")
		default:
			v.different = true
			v.reasons = append(v.reasons, "places differ ("+placeName(a, w)+", "+placeName(b, w)+")")
			return v
		}
	} else if ca, cb := contextFamily(a, w), contextFamily(b, w); len(ca) > 0 && len(pb) > 0 || len(cb) > 0 && len(pa) > 0 {
		// One account names no place, but its document speaks of one
		// place only: weak evidence, that counts with a close date.
		y, px, py := b, ca, pb
		if len(cb) > 0 {
			y, px, py = a, cb, pa
		}
		rel := w.Relate(px[0], py[0])
		if rel != PlacesSame && rel != PlacesNested && a.Type == graph.EventEvacuation && b.Type == graph.EventEvacuation && fromOrigin(y, px[0], w) {
			// Read at the town the placed evacuation leaves.
			rel = PlacesSame
			v.reasons = append(v.reasons, "an evacuation's two ends: the document of the account at "+placeName(y, w)+" tells of it leaving "+w.Name(*y.Origin))
		}
		switch rel {
		case PlacesSame, PlacesNested:
			ctxPlaced = true
			v.score += wDocPlace
			v.reasons = append(v.reasons, "the document of the account without a place speaks of "+w.Name(px[0])+", where the other is placed ("+placeName(y, w)+")")
		default:
			v.reasons = append(v.reasons, "the document of the account without a place speaks of "+w.Name(px[0])+", not of "+placeName(y, w))
		}
	} else {
		v.reasons = append(v.reasons, "no place to compare")
	}

	sameDocSpeaker := a.DocumentID == b.DocumentID && a.Speaker.ID == b.Speaker.ID && a.DocumentID != uuid.Nil

	// One speaker dating two accounts of its document to two days, each
	// as written to the day, at two places, tells of two happenings ("the
	// attack on the camp in the province late on Monday"; "separately,
	// ... near the town on Sunday"), though the town lies in the province
	// and the days are within the tolerance two reports of one day have.
	if sameDocSpeaker && twoDays(a, b) && a.Place != nil && b.Place != nil && a.Place.Entity.ID != b.Place.Entity.ID {
		v.reasons = append(v.reasons, "one speaker dates the two accounts of its document to two days")
		return v
	}

	// Perpetrator: the same party blamed, or one denies what the other
	// alleges, both say the accounts are about the same allegation. But
	// one speaker denying a party's responsibility in one account and
	// asserting it in another of the same document speaks of two events
	// ("we did not strike the city; our only strike was on 16 September").
	// On one day and at one place, though, a denial and an assertion are
	// one speaker's version of one event ("our aircraft did not bomb the
	// market; they struck terrorist positions in the city").
	samePerp := false
	if a.Perpetrator != nil && b.Perpetrator != nil {
		ra, rb := w.Root(a.Perpetrator.Entity.ID), w.Root(b.Perpetrator.Entity.ID)
		if ra == rb && ra != uuid.Nil && identifying(a.Perpetrator, w) {
			samePerp = true
			if sameDocSpeaker && perpPolarity(a) != perpPolarity(b) && !sameDay {
				v.different = true
				v.reasons = append(v.reasons, "the same speaker denies "+a.Perpetrator.Entity.Name+"'s responsibility in one account and asserts it in the other")
				return v
			}
			if polarityOf(a.Perpetrator.Polarity) == polarityOf(b.Perpetrator.Polarity) {
				v.score += wPerpetrator
				v.reasons = append(v.reasons, "same party held responsible ("+a.Perpetrator.Entity.Name+")")
			} else {
				v.score += wDenial
				v.reasons = append(v.reasons, "one account denies the other's attribution to "+a.Perpetrator.Entity.Name)
			}
		}
	}

	// Within a district or a governorate many happenings of a kind fall on
	// one day: a report placing one only there, blaming a party, says
	// nothing of a report of that day at a town in it blaming another
	// party, neither part of the other (a monitor's siege of one town by
	// one side, a news agency's siege lifted in the province from the
	// other). Two reports both placed only in one governorate say as
	// little (one side's air strike in the province, the other side's
	// attack in it, that day). At one town, two blames are the conflict
	// this tool shows, and stay one event.
	if (wide || wideSame) && !samePerp && blamed(a, w) && blamed(b, w) && !w.nestedParties(a.Perpetrator.Entity.ID, b.Perpetrator.Entity.ID) {
		v.reasons = append(v.reasons, fmt.Sprintf("one placed only in a district or larger, and two parties blamed (%s, %s), neither part of the other", a.Perpetrator.Entity.Name, b.Perpetrator.Entity.Name))
		return v
	}

	// Two kinds of happening of a day, each asserted of a different party (an
	// attack by one side, an air strike by another), on no common day:
	// two events, though one town and one week hold both; and even on
	// one day when sources rarely call one kind the other (rebel mortar
	// fire and a government air strike on one city). (One kind
	// blamed on two parties is the conflict of blame this tool exists to
	// show, and stays one event.) On no common day the two are clearly
	// different: an account that gives neither date nor party ("the
	// abductions", "the raids") may match each, but must not chain them
	// into one event. On one day they are only not matched, since two
	// sides blaming each other for one massacre often name two kinds
	// (the opposition's shelling, the government's terrorist attack).
	if !samePerp && (!sameDay || aff < wellConfused) && a.Type != b.Type && discrete(a.Type) && discrete(b.Type) && blamed(a, w) && blamed(b, w) &&
		w.Root(a.Perpetrator.Entity.ID) != w.Root(b.Perpetrator.Entity.ID) {
		when := "on no common day"
		if sameDay {
			when = "kinds sources rarely confuse"
		}
		v.different = !sameDay
		v.reasons = append(v.reasons, fmt.Sprintf("a %s blamed on %s and a %s blamed on %s, %s", a.Type, a.Perpetrator.Entity.Name, b.Type, b.Perpetrator.Entity.Name, when))
		return v
	}

	// Figures.
	if n := compatibleFigures(a, b); n > 0 {
		v.score += wFigures
		v.reasons = append(v.reasons, fmt.Sprintf("%d compatible figure(s)", n))
	}

	if sameDocSpeaker {
		v.score += wSameSpeaker
		v.reasons = append(v.reasons, "same speaker in the same document")
	}
	// An account that names no place ("pro-government media put the
	// toll at 25", "Russia's defence ministry denied it") is read in its
	// document's context: it joins an account of the same document of a
	// like type, when it gives no date or both give one (and they agree,
	// or the pair would be different already). A country named as the
	// place is a statement of scope, not a missing place.
	contextual := false
	if !placed && a.DocumentID == b.DocumentID && a.DocumentID != uuid.Nil && aff >= minContextAffinity &&
		(a.Place == nil && (a.Date == nil || wb.dated) || b.Place == nil && (b.Date == nil || wa.dated)) {
		contextual = true
		v.score += wContext
		v.reasons = append(v.reasons, "same document, and one account gives no place of its own")
	}

	if v.score > 1 {
		v.score = 1
	}
	v.score = float64(int(v.score*1000+0.5)) / 1000
	// A date spanning weeks ("since 18 October", "in March") and a day
	// overlap loosely: with another type of happening and no party in
	// common, that overlap says nothing ("no flights over the city since
	// October" is not the shelling of the city on one day of it).
	if oka && okb && wa.dated && wb.dated && !sameDay && a.Type != b.Type && !samePerp && !sameDocSpeaker &&
		(wa.longerThan(DayKeyMaxDays) || wb.longerThan(DayKeyMaxDays)) {
		v.reasons = append(v.reasons, fmt.Sprintf("a date spanning more than %d days and another type of happening, with no party in common", DayKeyMaxDays))
		return v
	}
	// A place the gazetteer cannot locate is weak evidence: it counts
	// only on the same day, with the same type or perpetrator, and only
	// between two sources. One speaker placing two accounts of its
	// document at two places, one the gazetteer lacks, names two places
	// (a briefing's numbered incidents of one day: shelling of a village
	// it lacks, then of a city's district): such a pair joins only as
	// any placeless pair does, through the same party blamed that day.
	ownTwoPlaces := maybe && sameDocSpeaker
	firm := placed && (!maybe || sameDay && (samePerp || a.Type == b.Type) && !ownTwoPlaces)
	if assault(a.Type, b.Type) {
		if !(assaultDays(a, b) && placed && !maybe) {
			v.reasons = append(v.reasons, fmt.Sprintf("an %s and a %s are one assault only on the same day at the same or a nested known place", a.Type, b.Type))
			return v
		}
		if blamed(a, w) && blamed(b, w) && !samePerp && !w.nestedParties(a.Perpetrator.Entity.ID, b.Perpetrator.Entity.ID) {
			v.reasons = append(v.reasons, fmt.Sprintf("an %s by %s and a %s by %s: the attackers are not the captors", a.Type, a.Perpetrator.Entity.Name, b.Type, b.Perpetrator.Entity.Name))
			return v
		}
		// A denial of an attack ("our forces did not target the
		// convoy") answers an allegation of an attack; it does not tell
		// of the storming of the town, which is what lets an attack be
		// a capture: a side's report that the town fell and the other
		// side's denial of a strike that day are two happenings.
		if perpPolarity(a) == graph.Denied || perpPolarity(b) == graph.Denied {
			v.reasons = append(v.reasons, fmt.Sprintf("an %s and a %s are one assault only as told, not denied", a.Type, b.Type))
			return v
		}
	}
	if siege && (!placed || maybe || wide || len(lastingPlaces(a, w)) == 0 || len(lastingPlaces(b, w)) == 0) {
		// Without such a place, their dates still differ.
		v.different = true
		v.reasons = append(v.reasons, "a siege's accounts apart in time are one siege only at the same or a nested town the gazetteer knows")
		return v
	}
	if answer && !firm {
		v.weeksApart = true
		v.reasons = append(v.reasons, fmt.Sprintf("a late denial answers an account only at the same or a nested place the gazetteer knows, and this one was reported more than %d days after the other's date or report", UndatedApart))
		return v
	}
	// Two places named, one the gazetteer cannot locate, two kinds of
	// strike and no common day: a side that both shells and bombs every
	// day is blamed for each, and a report within days of the other's
	// date says nothing of which strike it tells of (a village's air
	// strike, a town's shelling the same week).
	if !firm && placed && maybe && recent && a.Type != b.Type {
		v.reasons = append(v.reasons, "a place the gazetteer cannot locate, two kinds of happening and no common day: one party's two strikes that week, not one")
		return v
	}
	// An account read at its document's place joins on the same day, or
	// a night of two days that meets the other's day or night.
	if !firm && !(samePerp && (sameDay || recent)) && !contextual && !(ctxPlaced && (sameDay || recent || nightOrDay(a, b))) {
		if ownTwoPlaces {
			v.reasons = append(v.reasons, "one speaker names two places in one document, one the gazetteer cannot locate")
		}
		v.reasons = append(v.reasons, "without a place, only the same perpetrator on the same day (or reported within days) can match")
		return v
	}
	v.ok = v.score >= MatchThreshold
	if !v.ok {
		v.reasons = append(v.reasons, fmt.Sprintf("score %.2f below %.2f", v.score, MatchThreshold))
	}
	return v
}

// undatedBombingAffinity is the type affinity of an undated bombing and
// its own document's strike (undatedBombing).
const undatedBombingAffinity = 0.5

// undatedBombing reports whether an account is of a bombing campaign told
// as one bombing ("the bombing of a dissident camp": the word alone, not
// "bombings" nor a campaign) with no date of its own.
func undatedBombing(a graph.Account) bool {
	return a.Type == graph.EventBombingCampaign && a.Date == nil && strings.EqualFold(strings.TrimSpace(a.TypeText), "bombing")
}

// discreteType is the type of whichever of a and b is not the undated
// bombing.
func discreteType(a, b graph.Account) graph.EventType {
	if undatedBombing(a) {
		return b.Type
	}
	return a.Type
}

// nightOrDay reports whether two accounts are dated, each to a day or to
// the night of one day to the next ("during the night of 11 to 12
// December", "Monday to Tuesday"), and those dates share a day: a night
// is as close a date as a day is.
func nightOrDay(a, b graph.Account) bool {
	af, at, oka := dateRange(a.Date)
	bf, bt, okb := dateRange(b.Date)
	if !oka || !okb || at.Sub(af) > day || bt.Sub(bf) > day {
		return false
	}
	return !at.Before(bf) && !bt.Before(af)
}

// twoDays reports whether two accounts are each dated to one day, as
// written, and the days differ.
func twoDays(a, b graph.Account) bool {
	af, at, oka := dateRange(a.Date)
	bf, bt, okb := dateRange(b.Date)
	return oka && okb && af.Equal(at) && bf.Equal(bt) && !af.Equal(bf)
}

// blamed reports whether an account asserts (does not deny) that a named
// party did it.
func blamed(a graph.Account, w *World) bool {
	return a.Perpetrator != nil && identifying(a.Perpetrator, w) && polarityOf(a.Perpetrator.Polarity) == graph.Affirmed
}

// identifying reports whether an attribution names a party: "unidentified
// aircraft" names none, and two accounts blaming it are not thereby linked.
func identifying(p *graph.Attribution, w *World) bool {
	if p == nil || p.Entity.ID == uuid.Nil {
		return false
	}
	kind := p.Entity.Kind
	if e, ok := w.Entity(p.Entity.ID); ok && e.Kind != "" {
		kind = e.Kind
	}
	return kind != graph.KindUnknown
}

// perpPolarity is the polarity an account gives its perpetrator: denied
// when the attribution or the whole account is negative.
func perpPolarity(a graph.Account) graph.Polarity {
	if a.Polarity == graph.Denied || a.Perpetrator != nil && a.Perpetrator.Polarity == graph.Denied {
		return graph.Denied
	}
	return graph.Affirmed
}

func polarityOf(p graph.Polarity) graph.Polarity {
	if p == graph.Denied {
		return graph.Denied
	}
	return graph.Affirmed
}

// compatibleFigures counts attributes both accounts give with compatible
// values.
func compatibleFigures(a, b graph.Account) int {
	n := 0
	seen := map[string]bool{}
	for _, va := range a.Values {
		if seen[AttrKey(va)] {
			continue
		}
		for _, vb := range b.Values {
			if AttrKey(va) == AttrKey(vb) && Compatible(va, vb) {
				seen[AttrKey(va)] = true
				n++
				break
			}
		}
	}
	return n
}

func placeName(a graph.Account, w *World) string {
	if a.Place == nil {
		return "no place"
	}
	if a.Place.Entity.Name != "" {
		return a.Place.Entity.Name
	}
	if n := w.Name(a.Place.Entity.ID); n != "" {
		return n
	}
	return a.Place.Text
}

// matchPlaceName is placeName of the place Match compares: an account
// placed only in a governorate or a region is at the place inside it its
// document tells of (Account.InnerPlace).
func matchPlaceName(a graph.Account, w *World) string {
	if a.InnerPlace != nil {
		if n := w.Name(*a.InnerPlace); n != "" {
			return n + " (placed in " + placeName(a, w) + ", its document's place there)"
		}
	}
	return placeName(a, w)
}

func dateText(a graph.Account, w window) string {
	if a.Date != nil {
		if a.Date.From == a.Date.To || a.Date.To == "" {
			return a.Date.From
		}
		return a.Date.From + ".." + a.Date.To
	}
	if p := pubOf(a); p != "" {
		return "undated, published " + p
	}
	return w.to.Format("undated, before 2006-01-02")
}

func sortedIDs(ids []uuid.UUID) []uuid.UUID {
	out := append([]uuid.UUID(nil), ids...)
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}
