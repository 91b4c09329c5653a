package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// event is what one claim says about an event.
type event struct {
	typ      graph.EventType
	specific bool // a cue more specific than "attack"
	cueI     int  // token index of the type cue, -1 without one
	cueJ     int
	plural   bool // "strikes", "massacres": a campaign rather than one incident
	place    *mention
	date     *dateFound
	perps    []*graph.Attribution
	target   string
	anaph    bool // refers back: "they", "that attack", "the raid", "the toll"
	casualty bool // gives killed or injured figures
	typeCue  []bool
	// possessed: the cue is owned ("its strikes", "the coalition's
	// raids"): talk of a party's action in general unless a place, a date
	// or a toll makes it an event.
	possessed bool
}

// typeCueFor reports whether token i is a cue of event type t (or a verb
// any event shares: "carried out", "fired", "killed").
func typeCueFor(t graph.EventType, toks []token, i int) bool {
	w := toks[i].low
	switch w {
	case "fired", "carried", "conducted", "killed", "launched", "dropped", "perpetrated", "committed", "caused", "staged", "staging", "used", "use", "carry", "conduct", "launch", "flown", "flew":
		return true
	}
	if fabricationVerb(toks, i) {
		return true
	}
	switch t {
	case graph.EventAirstrike:
		return airCues[w] || strikeCues[w] || w == "power" && i > 0 && toks[i-1].low == "air" || airMission(toks, i)
	case graph.EventBombingCampaign:
		return airCues[w] || strikeCues[w] || campaignCues[w] || massacreCues[w] || destroyCues[w]
	case graph.EventShelling:
		return shellingCues[w]
	case graph.EventMassacre:
		return massacreCues[w] || executionCues[w]
	case graph.EventEvacuation:
		return evacuationCues[w]
	case graph.EventSiege:
		return siegeCues[w]
	case graph.EventCapture:
		// (and the verb of "established full control over")
		return captureCues[w] || takesControl(toks, i)
	case graph.EventProhibitedArms:
		return prohibitedCues[w] || airCues[w] || strikeCues[w]
	case graph.EventExplosion:
		return explosionCues[w]
	case graph.EventDestruction:
		return destroyCues[w] || strikeCues[w] || campaignCues[w]
	case graph.EventAttack:
		return attackCues[w] || killingCues[w]
	}
	return false
}

// aircraftNotStriking reports whether a claim tells of aircraft downed,
// crashing, dropping aid or carrying people: "was shot down", "crashed",
// "air drops of food", "helicopters evacuated".
func aircraftNotStriking(toks []token) bool {
	for i := range toks {
		switch toks[i].low {
		case "crashed", "crash", "downed", "airdrop", "airdrops", "airdropped", "airlifted", "evacuated", "airlift":
			return true
		case "flown", "flew", "flying":
			// "its helicopters had flown 18 wounded villagers to
			// hospital", "flying the worst injured out".
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if toks[k].low == "wounded" || toks[k].low == "injured" || toks[k].low == "casualties" {
					return true
				}
			}
		case "shot", "shoot", "shooting":
			if i+1 < len(toks) && toks[i+1].low == "down" || i+2 < len(toks) && toks[i+2].low == "down" {
				return true
			}
		case "drops", "drop", "dropped", "deliveries":
			if i > 0 && toks[i-1].low == "air" {
				return true
			}
		}
	}
	return false
}

// stormedBuilding reports whether what "stormed" at i took is a building
// ("stormed a maternity ward", "stormed the hotel"), not a place.
func stormedBuilding(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if facilityWords[toks[k].low] || toks[k].low == "ward" || toks[k].low == "compound" {
			// ("stormed the centre of Tikrit": the town's centre, a place.)
			return !(k+1 < len(toks) && toks[k+1].low == "of" && (toks[k].low == "centre" || toks[k].low == "center"))
		}
		if toks[k].kind == tPunct || toks[k].cap && k > i+1 && toks[k-1].low != "the" {
			return false
		}
	}
	return false
}

// wordCampaign reports whether token i is a campaign of words, not of
// arms: "the campaign of lies waged by satellite channels", "a media
// campaign", "a smear campaign".
func wordCampaign(toks []token, i int) bool {
	if toks[i].low != "campaign" && toks[i].low != "campaigns" {
		return false
	}
	if i > 0 && wordsOfCampaign[toks[i-1].low] {
		return true
	}
	return i+2 < len(toks) && toks[i+1].low == "of" && wordsOfCampaign[toks[i+2].low]
}

// warReferred reports whether the campaign word at i is a battle, or an
// offensive told by the ground it is for, that the claim only refers back
// to, with the definite article and no verb waging it: "killed in the
// 134-day battle for the town", "the offensive to retake the town". Such a claim
// counts its toll against, or tells of, a fight on the ground; it reports
// no bombing campaign (a claim with an air or strike word never reaches
// this test).
func warReferred(toks []token, i int) bool {
	// An offensive alone is often the name a text gives an air campaign
	// ("500 killed in the offensive since it began on Monday"); one told
	// by its ground aim is not ("the offensive to retake the town").
	if toks[i].low == "offensive" && !(i+2 < len(toks) && toks[i+1].low == "to" && takingVerbs[toks[i+2].low]) {
		return false
	}
	if toks[i].low != "offensive" && toks[i].low != "battle" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].low == "the" {
			return k == 0 || !wagingVerbs[toks[k-1].low]
		}
		if verbLike(toks[k].low) {
			return false
		}
	}
	return false
}

// takingVerbs name the ground an offensive is for: "to retake the town".
var takingVerbs = set("take", "retake", "capture", "recapture", "seize", "storm", "enter", "reach", "liberate", "regain")

// wagingVerbs begin or conduct a fight: "launched the offensive".
var wagingVerbs = set("launched", "launch", "launches", "launching", "began", "begin", "begins", "started", "start",
	"starts", "waged", "wage", "waging", "wages", "conducted", "conducting", "led", "leading", "announced", "resumed", "renewed")

var wordsOfCampaign = set("lies", "disinformation", "misinformation", "incitement", "slander",
	"defamation", "propaganda", "media", "smear", "fabrications", "fabrication", "falsification",
	"deception", "vilification", "lying", "vaccination", "awareness", "fundraising")

// defusedBefore reports whether a verb of making safe stands just before
// token i, in its clause: "dismantling the explosive devices", "defused a
// booby-trapped car", "cleared it of mines and explosive devices", "to
// remove mines and explosive devices": devices that did not go off.
func defusedBefore(toks []token, i int) bool { return setBefore(toks, i, 6, defuseVerbs) }

// repelled reports whether the attack named at token i was beaten off
// by its target: "repelled an attack by 150 militants", "foiled
// yesterday a desperate attack", "the attack was repulsed". Told with no
// day and no toll of its own, the writer tells of the defence, and the
// attack it beat off is no event of its own; one told with its day or its
// dead ("repelled an attack on Monday, killing 25") is an incident
// reported, and stays an attack.
func repelled(toks []token, i int) bool {
	if setBefore(toks, i, 4, repelVerbs) {
		return true
	}
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		if toks[k].kind == tPunct {
			break
		}
		if (toks[k-1].low == "was" || toks[k-1].low == "were") && repelVerbs[toks[k].low] {
			return true
		}
	}
	return false
}

var repelVerbs = set("repelled", "repel", "repels", "repelling", "repulsed", "repulse", "repulsing",
	"foiled", "foil", "foiling", "thwarted", "thwart", "thwarting", "fended")

var defuseVerbs = set("dismantled", "dismantling", "dismantle", "defused", "defusing", "defuse",
	"disarmed", "disarming", "cleared", "clearing", "clear", "seized", "found", "removed", "removing", "remove",
	"intercepted", "intercepting", "intercept", "foiled", "foiling", "thwarted", "thwarting")

var instrumentWords = set("with", "using", "by", "in")

// stoppedBomb reports whether the ground bomb named at token i (its
// "car", "truck", ...) was stopped before it went off: defused, seized or
// intercepted before it ("intercepted a car bomb", "destroyed their
// fortifications and a car bomb"), or destroyed, intercepted or defused
// after it in the passive ("two car bombs were destroyed before they
// reached our lines"). A car bomb that "destroyed six shops" went off.
func stoppedBomb(toks []token, i int) bool {
	if defusedBefore(toks, i) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		// "destroyed a checkpoint with a car bomb": the bomb's work.
		if toks[k].kind == tPunct || instrumentWords[toks[k].low] {
			break
		}
		if toks[k].low == "destroyed" || toks[k].low == "destroying" {
			return true
		}
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if toks[k].kind == tPunct {
			return false
		}
		if (toks[k].low == "was" || toks[k].low == "were") && k+1 < len(toks) &&
			(defuseVerbs[toks[k+1].low] || toks[k+1].low == "destroyed") {
			return true
		}
	}
	return false
}

// airMission reports whether token i ends a name of air action other than
// a strike: "combat missions", "bombing missions", "combat flights",
// "military flights". A ministry that "did not carry out any combat
// missions in the area" denies an air strike there.
func airMission(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i].low {
	case "missions", "mission", "flights", "flight":
	default:
		return false
	}
	switch toks[i-1].low {
	case "combat", "bombing", "strike", "air", "military":
		return true
	}
	return false
}

// ownForces reports whether "its fighters", "their troops" at i follow the
// claim's speech verb and act: "IS said its fighters had carried out the
// bombing".
func ownForces(toks []token, i int, c *claimInfo) bool {
	if c.speech == nil || i+1 >= len(toks) || !forcesNouns[toks[i+1].base] && !oppositionNouns[toks[i+1].base] || airCues[toks[i+1].low] {
		return false
	}
	v := c.speech.verb
	// "denied that any of their groups had used": a quantifier before
	// the possessive.
	q := i
	if q >= 3 && toks[q-1].low == "of" && (toks[q-2].low == "any" || toks[q-2].low == "none" || toks[q-2].low == "one" || toks[q-2].low == "some") {
		q -= 2
	}
	// "said on Monday that none of its units": the day the words were
	// said may stand between the verb and "that".
	w := v + 1
	for w < q-1 && speechDateWord(&toks[w]) {
		w++
	}
	if v >= q || w < q && (q-w > 1 || toks[w].low != "that") {
		return false
	}
	for k := i + 2; k < len(toks) && k < i+6; k++ {
		if eventVerbs[toks[k].low] || tookPart(toks, k) {
			return true
		}
		if !(negAux[toks[k].low] || toks[k].low == "not" || toks[k].low == "never" || toks[k].low == "had" || toks[k].low == "also" || toks[k].low == "did") {
			return false
		}
	}
	return false
}

// speechDateWord reports whether t may be part of the date of a speech act
// before its "that": "said on Monday that", "said late on 3 May that".
func speechDateWord(t *token) bool {
	switch t.low {
	case "on", "late", "early", "yesterday", "today", "last", "night", "morning", "afternoon", "evening":
		return true
	}
	return t.kind == tNum || isWeekday(t.low) || monthTok(t) > 0
}

// tookPart reports whether the words at k tell of taking part in what the
// claim is about: "had taken part in the strike", "participated in",
// "were involved in" ("IS said its fighters had taken part", "the army
// said none of its units had taken part").
func tookPart(toks []token, k int) bool {
	switch toks[k].low {
	case "participated", "participate":
		return true
	case "involved":
		return k+1 < len(toks) && toks[k+1].low == "in"
	case "taken", "took", "take":
		return k+1 < len(toks) && toks[k+1].low == "part"
	}
	return false
}

// oneOf reports whether the plural at i is counted out as one: "one of its
// strikes", "one of the raids".
func oneOf(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].low == "of" && k > 0 && (toks[k-1].low == "one" || toks[k-1].low == "first" || toks[k-1].low == "last") {
			return true
		}
	}
	return false
}

// possessedCue reports whether w names military action a party can own:
// "its strikes", "their shelling", "its aircraft".
func possessedCue(w string) bool {
	return airCues[w] || strikeCues[w] || shellingCues[w] || campaignCues[w] || w == "attacks" || w == "attack" || w == "assault"
}

// frame is one event the document talks about.
type frame struct {
	typ      graph.EventType
	place    *graph.Entity
	from     string
	to       string
	placeRef *graph.PlaceRef // where the text names the place
	dateRef  *graph.Date
	// target is the object struck, as the first account of the frame
	// that names one gives it ("the Military College").
	target string
	// captors: the sides named as taking the place in a capture frame,
	// by the kind of party (sideState: a state's forces; sideGroup: an
	// armed group).
	captors int
}

// Sides of a capture, as bits of frame.captors.
const (
	sideState = 1 << iota
	sideGroup
)

// captorSides returns the sides of the parties an event names as taking
// a place (positive perpetrators of a capture). An armed group affiliated
// with a state's forces ("pro-government forces"), or a member of such a
// group ("Hezbollah"), is on the state's side.
func (d *docState) captorSides(ev event) int {
	if ev.typ != graph.EventCapture {
		return 0
	}
	s := 0
	for _, p := range ev.perps {
		if p.Polarity != graph.Affirmed {
			continue
		}
		switch p.Entity.Kind {
		case graph.KindArmy, graph.KindState, graph.KindGovernment, graph.KindCoalition:
			s |= sideState
		case graph.KindArmedGroup:
			if d.stateSide(p.Entity.ID, 0) {
				s |= sideState
				continue
			}
			s |= sideGroup
		}
	}
	return s
}

// stateSide reports whether an armed group fights on a state's side:
// affiliated with a state's army, state or government, or a member of a
// party that is ("Hezbollah", a member of the pro-government forces).
func (d *docState) stateSide(id uuid.UUID, depth int) bool {
	e, ok := d.g.Entity(id)
	if !ok || depth > 4 {
		return false
	}
	switch e.Kind {
	case graph.KindArmy, graph.KindState, graph.KindGovernment:
		return true
	}
	if e.Affiliation != nil && d.stateSide(*e.Affiliation, depth+1) {
		return true
	}
	for _, m := range d.g.MemberOf(id) {
		if d.stateSide(m, depth+1) {
			return true
		}
	}
	return false
}

// acc is an account under construction.
type acc struct {
	frame   int
	speaker *graph.Entity
	a       graph.Account
	claims  []*claimInfo
	neg     bool
	pos     bool

	weakUnknown bool // the perpetrator is unknown only because the text says "a warplane"
	vals        map[graph.Span]bool
}

// Event cue words.
var (
	airCues = set("warplane", "warplanes", "jet", "jets", "aircraft", "airstrike",
		"airstrikes", "air-strike", "air-strikes", "helicopter", "helicopters", "drone",
		"drones", "bombers", "bomber", "sorties", "sortie", "airplanes", "planes", "plane")
	strikeCues = set("strike", "strikes", "struck", "raid", "raids", "missile", "missiles",
		"bombed", "bombing", "bombings", "bombardment", "bombarded")
	// groundMissile are the words before "missile" for one fired from the
	// ground.
	groundMissile = set("ballistic", "surface-to-surface", "ground-to-ground", "anti-tank", "scud", "tochka", "katyusha", "grad")
	shellingCues  = set("shelling", "shelled", "artillery", "mortar", "mortars", "rockets", "rocket", "shells", "shell", "shellings")
	massacreCues  = set("massacre", "massacres", "massacred")
	// killingCues name harm to people in a party's hands that the labels
	// type as an attack: mass graves, abductions.
	killingCues = set("grave", "graves", "abducted", "abduction", "abductions", "kidnapped", "kidnapping", "kidnappings")
	// executionCues name the deliberate killing of captives or civilians,
	// a massacre (issue 3: "the Shaitat massacre"); see executionCue.
	executionCues = set("executed", "execution", "executions", "executing", "beheaded", "beheading", "beheadings", "summarily")
	// executionGuards after an execution word make it the carrying out of
	// something else: "executed an attack", "the execution of the plan".
	executionGuards = set("operation", "operations", "plan", "plans", "order", "orders", "strike", "strikes", "attack", "attacks", "mission", "missions", "raid", "raids", "agreement", "deal", "task", "tasks", "manoeuvre", "maneuver", "programme", "program", "project", "contract", "ambush")
	// judicialWords in the sentence make an execution a sentence carried
	// out, no massacre: "executed after a court sentenced him to death".
	judicialWords  = set("court", "courts", "tribunal", "sentence", "sentenced", "sentences", "verdict", "convicted", "judge", "judicial", "conviction", "penalty")
	campaignCues   = set("campaign", "battle", "offensive", "bombing", "bombings", "bombardment")
	evacuationCues = set("evacuation", "evacuated", "evacuate", "evacuating", "exit", "passage", "bused", "buses", "withdrawal", "bussed", "evacuees", "departed", "departure", "evacuations")
	siegeCues      = set("siege", "besieged", "blockade", "encircled", "besieging", "besiege", "encircle", "encircling", "encirclement", "blockaded", "sieges", "surrounded")
	captureCues    = set("captured", "seized", "recaptured", "retook", "liberated", "liberation", "took", "capture", "control", "overran", "stormed",
		"fell", "fall", "entered", "enter", "entering", "regained", "wrested", "overrun", "recapture", "retake", "retaken", "seize", "retaking", "recapturing", "capturing", "seizing", "taken", "taking", "take", "storming", "recapturing", "liberating", "overrunning", "restored", "drove", "driven", "pushed")
	prohibitedCues = set("chemical", "chlorine", "sarin", "phosphorus", "cluster", "toxic", "nerve", "incendiary", "napalm", "prohibited", "banned", "forbidden")
	explosionCues  = set("explosion", "explosions", "blast", "blasts", "exploded", "detonated", "ied", "car-bomb", "suicide")
	destroyCues    = set("destroyed", "destruction", "razed", "flattened", "rubble", "ruins", "wiped")
	attackCues     = set("attack", "attacks", "attacked", "assault", "targeted", "ambush", "ambushed", "ambushes", "ambushing", "raided", "targeting", "violated", "violation", "violations", "breach", "breached", "breaches", "violating")
	anaphorCues    = set("they", "it")
	targetNouns    = set("building", "buildings", "house", "houses", "home", "homes",
		"hospital", "hospitals", "school", "schools", "mosque", "market", "bakery",
		"neighbourhood", "neighborhood", "village", "convoy", "camp", "shelter",
		"clinic", "church", "district", "bridge", "checkpoint", "vehicle", "car",
		"bus", "station", "factory", "farm", "positions", "headquarters", "base",
		"college", "academy", "university")
	// baseEventVerbs are event verbs after "to": "continued to shell".
	baseEventVerbs = set("shell", "bomb", "pound", "strike", "hit", "attack",
		"target", "storm", "capture", "besiege", "bombard", "raid", "seize", "fire")
	eventVerbs = set("resorted", "struck", "launched", "carried", "conducted", "bombed", "shelled",
		"attacked", "hit", "targeted", "perpetrated", "killed", "took", "captured",
		"besieged", "fired", "dropped", "raided", "destroyed", "wiped", "committed",
		"guaranteeing", "guaranteed", "struck", "strike", "bombing", "used", "seized",
		"stormed", "broke", "hitting", "targeting", "striking", "pounded", "recaptured",
		"retook", "retaken", "regained", "taken", "liberated", "entered", "overran", "staged", "staging", "fabricated",
		"shelling", "besieging", "besieged", "killing", "executed", "detonated", "use",
		"using", "dropping", "firing", "attacking", "bombarded", "shot", "downed",
		"carry", "conduct", "launch", "fly", "flew", "flown", "performed", "perform",
		"neutralised", "neutralized", "eliminated", "ambushed", "encircled", "regained",
		"wrested", "laid", "tightened", "imposed", "blockaded", "surrounded", "stormed", "seizing",
		"capturing", "recapturing", "retaking", "storming", "encircling", "shot", "beheaded",
		"abducted", "kidnapped", "abducting", "kidnapping", "initiated", "mounted", "waging", "waged", "continued", "continues",
		"completed", "completes", "drove")
)

// blameVerbs put an event on the party named after them, past or present:
// "blamed X for", "State television blames X for the attack". (Not the
// infinitive or the gerund: "in order to accuse the army", "in
// preparation for accusing the army" tell of a plan to blame, not a
// blame.)
var blameVerbs = set("blamed", "blames", "accused", "accuses")

// partNouns name a party's part in an event, as the object of its denial
// or admission: "denied any involvement", "rejected any connection to".
var partNouns = set("involvement", "role", "connection", "link", "links", "part")

// ownPartDenied reports whether the claim is its speaker's denial of its
// own part in something: "The PMU denied any involvement", "the group
// denied any connection to the explosions". The speaker must be a party.
func ownPartDenied(toks []token, c *claimInfo) bool {
	if c.speech == nil || c.speech.ent == nil || !actorKind(c.speech.ent.Kind) || c.claim.Polarity != graph.Denied {
		return false
	}
	v := c.speech.verb
	if v >= len(toks) || !denialVerbs[toks[v].low] {
		return false
	}
	for k := v + 1; k < len(toks) && k < v+4; k++ {
		if partNouns[toks[k].low] {
			return true
		}
	}
	return false
}

// stagingCues accuse a party of staging an event or fabricating it.
var stagingCues = set("staged", "stage", "staging", "fabricated", "fabricate", "fabricating", "faked", "fake", "faking")

// falsehoodNouns name a made-up account: "false stories", "lies",
// "propaganda".
var falsehoodNouns = set("lies", "lie", "news", "stories", "story", "propaganda", "fabrications",
	"fabrication", "falsehoods", "allegations", "claims", "reports", "footage", "videos", "video")

// falsehoodMarks make a report noun a falsehood: "fake news", "false reports".
var falsehoodMarks = set("fake", "false", "fabricated", "staged", "lies", "lie", "propaganda", "fabrications", "falsehoods")

// fabricationVerb reports whether token i is the verb of a fabrication
// whose maker an agent phrase after it names: "was fabricated by X",
// "faked by X", and "false stories produced by X", "propaganda invented
// by X", where a falsehood noun, or a report noun marked false, comes
// just before the verb. "figures produced by X" cites a source instead.
func fabricationVerb(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].low != "by" {
		return false
	}
	switch toks[i].low {
	case "fabricated", "faked", "concocted":
		return true
	case "produced", "invented", "spread", "circulated", "made", "manufactured", "promoted":
	default:
		return false
	}
	// The two words before the verb, across quotation marks: "calling the
	// reports "fake news" produced by X".
	var prev []string
	for k := i - 1; k >= 0 && len(prev) < 2; k-- {
		if !isQuote(&toks[k]) {
			prev = append(prev, toks[k].low)
		}
	}
	if len(prev) == 0 || !falsehoodNouns[prev[0]] {
		return false
	}
	return falsehoodMarks[prev[0]] || len(prev) > 1 && falsehoodMarks[prev[1]]
}

// demonyms map adjectives to gazetteer names, for "believed to be Russian".
var demonyms = map[string]string{
	"russian": "Russia", "american": "United States", "syrian": "Syrian government",
	"turkish": "Turkish Armed Forces", "iraqi": "Iraqi Security Forces", "iranian": "Iran",
	"israeli": "Israel Defense Forces", "british": "United Kingdom", "french": "France",
	"anglo-american": "US-led coalition", "us": "United States", "u.s": "United States",
	"jordanian": "Jordan",
}

// aidDrop reports whether the aircraft at n carry aid, not arms: "British,
// French and Australian aircraft had also dropped aid".
func aidDrop(toks []token, n int) bool {
	for k := n + 1; k < len(toks) && k <= n+5; k++ {
		switch toks[k].low {
		case "dropped", "delivered", "airdropped", "flew", "carried", "brought":
			for j := k + 1; j < len(toks) && j <= k+3; j++ {
				switch toks[j].low {
				case "aid", "supplies", "food", "relief", "water", "medicine", "medicines":
					return true
				}
			}
		}
	}
	return false
}

// demonymParty is the gazetteer name of the party a demonym names when it
// qualifies aircraft or forces ("a Turkish drone"): demonyms' own, else
// the state whose demonym the gazetteer gives ("an Emirati drone": the
// United Arab Emirates).
func (d *docState) demonymParty(t *token) (string, bool) {
	if !t.cap {
		return "", false
	}
	if dn, ok := demonyms[t.low]; ok {
		return dn, true
	}
	if e, ok := d.g.Demonym(t.low); ok && e.Kind == graph.KindState {
		return e.Name, true
	}
	return "", false
}

// attributedBefore reports whether "to" at p closes "attributed X to", its
// object a few words long ("attributed the shelling of the town to"): the
// party after "to" is blamed, unless the attribution is only wished for.
func attributedBefore(toks []token, p int) bool {
	for k := p - 1; k >= 0 && k >= p-7; k-- {
		switch toks[k].low {
		case "attributed", "attributes", "attribute", "attributing", "ascribed", "ascribes":
			// "so that the crime could be attributed to the army": an
			// attribution wished for, not made.
			return !(k >= 2 && toks[k-1].low == "be" && modals[toks[k-2].low])
		}
		if toks[k].kind == tPunct || finiteVerb(toks[k].low) {
			return false
		}
	}
	return false
}

// modals before "be" make a passive hypothetical.
var modals = set("could", "would", "might", "may", "can", "will", "should")

// pastBrackets returns the index after a short bracketed aside at k (an
// acronym: "(YPG)", "(PMF)"), else k.
func pastBrackets(toks []token, k int) int {
	if k >= len(toks) || !isPunct(&toks[k], "(") {
		return k
	}
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		if isPunct(&toks[j], ")") {
			return j + 1
		}
	}
	return k
}

// parenMask marks tokens inside parentheticals that do not carry the
// event ("supported by Russian air power", "which was empty of ...").
func parenMask(toks []token) []bool {
	mask := make([]bool, len(toks))
	for i := range toks {
		if !isPunct(&toks[i], ",") || i+1 >= len(toks) {
			continue
		}
		switch toks[i+1].low {
		case "supported", "backed", "helped", "aided", "who", "which", "whose", "most", "among", "including", "after", "citing", "quoting", "where":
		default:
			continue
		}
		j := i + 1
		for j < len(toks) && !isPunct(&toks[j], ",") && !isPunct(&toks[j], ".") && !isPunct(&toks[j], ";") {
			mask[j] = true
			j++
		}
	}
	return mask
}

// relativeEvent returns mask with a relative clause unmasked when the
// clause tells an event by a passive verb with its agent ("Moadamiyeh,
// which has been encircled by the army since 2013", "the camp, which was
// shelled by government forces") and the rest of the claim tells no other
// kind of event: the clause is then the claim's event, and its agent the
// party. Otherwise it returns nil: a relative clause beside an event of
// another kind or beside a toll is background ("killed in Zabadani, which
// was besieged by ...").
func relativeEvent(toks []token, mask []bool, toll bool) []bool {
	if toll {
		return nil
	}
	// Every such clause of the first one's kind is unmasked: "Zabadani,
	// which has been encircled by X since July, and the two villages,
	// which rebels have besieged since March".
	type span struct{ from, to int }
	var spans []span
	kind := -1
	for i := 0; i+1 < len(toks); i++ {
		if !isPunct(&toks[i], ",") || toks[i+1].low != "which" && toks[i+1].low != "that" || !mask[i+1] {
			continue
		}
		j := i + 1
		for j < len(toks) && mask[j] {
			j++
		}
		n := -1
		for k := i + 2; k+1 < j && n < 0; k++ {
			if toks[k+1].low == "by" && k >= 1 && passiveAux[toks[k-1].low] {
				n = cueKind(toks[k].low)
			}
		}
		if n < 0 && toks[i+1].low == "which" {
			n = activeRelative(toks, i+2, j)
		}
		if n >= 0 && (kind < 0 || n == kind) {
			kind = n
			spans = append(spans, span{i + 1, j})
		}
	}
	if kind < 0 {
		return nil
	}
	for i := range toks {
		if !mask[i] {
			if n := cueKind(toks[i].low); n >= 0 && n != kind {
				return nil
			}
		}
	}
	m := append([]bool(nil), mask...)
	for _, sp := range spans {
		for k := sp.from; k < sp.to; k++ {
			m[k] = false
		}
	}
	return m
}

// activeRelative reads a relative clause whose subject is a party and
// whose verb is an event's, the place it tells of before "which": "Qalaat
// al-Madiq, which government forces retook on 9 May", "the villages, which
// rebels led by X have besieged since March". The clause runs from i to j;
// the subject is a few words, the verb a past form of an event word. It
// returns the event's kind, or -1.
func activeRelative(toks []token, i, j int) int {
	if i >= j || toks[i].kind != tWord || eventVerbs[toks[i].low] || passiveAux[toks[i].low] {
		return -1
	}
	for k := i + 1; k < j && k <= i+8; k++ {
		w := toks[k].low
		if toks[k].kind == tPunct || passiveAux[w] {
			return -1
		}
		if w == "have" || w == "has" || w == "had" {
			continue
		}
		if n := cueKind(w); n >= 0 && eventVerbs[w] && verbLike(w) && (strings.HasSuffix(w, "ed") || w == "took" || w == "retook" || w == "overran") {
			return n
		}
	}
	return -1
}

// afterEvent returns mask with an aside opened by ", after" unmasked when
// the claim counts casualties, tells no event outside its asides, and the
// aside tells one by a party's verb: in "documented the death of 19
// civilians in al-Zarah, after Nusra fighters stormed the village" the
// storming is the event the toll belongs to, and its subject the party.
// Otherwise it returns nil.
func afterEvent(toks []token, mask []bool, toll bool) []bool {
	if !toll {
		return nil
	}
	from, to := -1, -1
	for i := 0; i+1 < len(toks); i++ {
		if !isPunct(&toks[i], ",") || toks[i+1].low != "after" || !mask[i+1] {
			continue
		}
		j := i + 1
		for j < len(toks) && mask[j] {
			j++
		}
		// The aside's own subject and verb: a word after "after" that
		// is no verb, then a finite event verb within a few words.
		if i+2 >= j || eventVerbs[toks[i+2].low] || strings.HasSuffix(toks[i+2].low, "ing") {
			continue
		}
		for k := i + 3; k < j && k <= i+10; k++ {
			if eventVerbs[toks[k].low] && verbLike(toks[k].low) && cueKind(toks[k].low) >= 0 && strings.HasSuffix(toks[k].low, "ed") {
				from, to = i+1, j
				break
			}
		}
		if from >= 0 {
			break
		}
	}
	if from < 0 {
		return nil
	}
	for i := range toks {
		if !mask[i] && cueKind(toks[i].low) >= 0 && !killingCues[toks[i].low] && !executionCues[toks[i].low] {
			return nil
		}
	}
	m := append([]bool(nil), mask...)
	for k := from; k < to; k++ {
		m[k] = false
	}
	return m
}

// sameMask reports whether two masks mark the same tokens.
func sameMask(a, b []bool) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// deathToll reports whether the claim's own words, outside its masked
// asides, tell of deaths: "documented the death of 19 civilians", "32
// people were killed". A figure of fighters ("after thousands of
// terrorists stormed the city") is no toll.
func deathToll(toks []token, mask []bool) bool {
	for i := range toks {
		if mask[i] {
			continue
		}
		switch toks[i].low {
		case "death", "deaths", "dead", "killed", "killing", "bodies":
			return true
		}
	}
	return false
}

// casualtyValues reports whether the claim counts killed or injured.
func casualtyValues(c *claimInfo) bool {
	for _, v := range c.claim.Values {
		if v.Attribute == "killed" || v.Attribute == "injured" {
			return true
		}
	}
	return false
}

// cueFamilies are the families of event words, in cueKind's order.
var cueFamilies = []map[string]bool{siegeCues, captureCues, shellingCues, strikeCues, attackCues, destroyCues, airCues, massacreCues, harmCues, explosionCues, evacuationCues}

// harmCues are the killing and execution words, one family for cueKind.
var harmCues = union(killingCues, executionCues)

// union returns the words of all the sets.
func union(sets ...map[string]bool) map[string]bool {
	u := map[string]bool{}
	for _, m := range sets {
		for w := range m {
			u[w] = true
		}
	}
	return u
}

// cueKind returns which family of event words w belongs to (sieges,
// captures, shelling, strikes, attacks, destruction), or -1.
func cueKind(w string) int {
	for n, cues := range cueFamilies {
		if cues[w] {
			return n
		}
	}
	return -1
}

// eventOf reads the event a claim describes, if any.
func (d *docState) eventOf(c *claimInfo) (event, bool) {
	toks := c.sg.toks
	ev := event{cueI: -1}
	mask := parenMask(toks)
	if m := relativeEvent(toks, mask, casualtyValues(c)); m != nil {
		mask = m
	}
	afterAside := false
	if m := afterEvent(toks, mask, casualtyValues(c)); m != nil && !sameMask(m, mask) {
		mask, afterAside = m, true
	}
	var air, strike, shell, massacre, killing, campaign, evac, siege, capture, prohib, expl, destroy, attack = -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1
	starved := -1 // "we were starved and bombed": the bombing of a siege
	first := func(p *int, i int) {
		if *p < 0 {
			*p = i
		}
	}
	sub := subordinateMask(toks)
	if afterAside {
		// The aside unmasked above is the claim's event, not background.
		for k := range sub {
			if !mask[k] && sub[k] {
				sub[k] = false
			}
		}
	}
	many := false // many strikes or a period of weeks: a campaign even on one town
	// "bombings" with no aircraft in the claim, in a text that tells of
	// car bombs or suicide bombers, or by an armed group with no air force
	// ("ISIL carried out a series of bombings"), are explosions.
	airWord := airborneWord(toks)
	airborne, groupOnly := airWord, false
	for k := range c.ms {
		switch c.ms[k].ent.Kind {
		case graph.KindArmedGroup:
			groupOnly = true
		case graph.KindArmy, graph.KindState, graph.KindCoalition, graph.KindGovernment:
			airborne = true
		}
	}
	bombingBlast := !airborne && (groupOnly || d.explosiveText())
	scan := func(skip []bool) {
		air, strike, shell, massacre, killing, campaign, evac, siege, capture, prohib, expl, destroy, attack = -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1
		starved = -1
		ev.plural, many = false, false
		for i := range toks {
			if mask[i] || skip != nil && skip[i] {
				continue
			}
			w := toks[i].low
			if requested(toks, i) {
				// "called on the coalition to intensify air strikes":
				// what a speaker asks for is no event reported.
				continue
			}
			if captureCues[w] && heldGround(toks, i) {
				// "returned to the liberated settlements", "areas
				// liberated from terrorists": who holds the ground, no
				// report of its taking.
				continue
			}
			// "fearing new strikes": what people fear is no event.
			if wordBefore(toks, i, 3, "fearing") {
				continue
			}
			if (captureCues[w] || evacuationCues[w]) && unrealised(toks, i) {
				// "prepared to enter the city", "talks on the departure
				// of the fighters": an event still to come, not a report.
				continue
			}
			switch {
			case (w == "bomber" || w == "bombers") && i > 0 && toks[i-1].low == "suicide":
				// "a suicide bomber": an explosion, read below.
			case (w == "bomber" || w == "bombers") && i > 0 && toks[i-1].low == "the" && !(i+1 < len(toks) && airCues[toks[i+1].low]) && d.explosiveText():
				// "the bomber, whom it named as X, had targeted" in a text
				// of a truck bomb: the man who set it off, no aircraft.
			case airCues[w] && airTransport(toks, i):
				// "flown to Bunia by helicopter", "arrived by helicopter":
				// a journey, no strike.
			case airCues[w]:
				first(&air, i)
			case w == "air" && i+1 < len(toks) && (strikeCues[toks[i+1].low] || toks[i+1].low == "power" || airForceAt(toks, i) && !(i+2 < len(toks) && airForceNouns[toks[i+2].low]) || toks[i+1].low == "operation" || toks[i+1].low == "campaign" || toks[i+1].low == "attack" || toks[i+1].low == "attacks"):
				first(&air, i)
			case airMission(toks, i):
				first(&air, i-1)
			}
			// "a truck bombing", "car bombings", "a suicide bombing": a
			// bomb that went off on the ground, not from the air.
			// So is a place "bombed" in a text of car bombs: "Karrada has
			// been bombed repeatedly" (not "the Russians bombed
			// everything", told by an armed group).
			if (w == "bombing" || w == "bombings") && (bombingBlast || i > 0 && groundBomb[toks[i-1].low]) || w == "bombed" && !airborne && d.explosiveText() {
				first(&expl, i)
				continue
			}
			// "dropped hundreds of barrel bombs", "in the weeks that
			// preceded": many air strikes over a period are a campaign.
			if (w == "bombs" || w == "missiles" || w == "strikes" || w == "raids" || w == "airstrikes") && manyBefore(toks, i) || (w == "weeks" || w == "months") && i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "for" || toks[i-1].low == "several") {
				ev.plural, many = true, true
			}
			// "a ballistic missile fired at Jizan", "an anti-tank missile":
			// fired from the ground, as shells and rockets are.
			if (w == "missile" || w == "missiles") && i > 0 && groundMissile[toks[i-1].low] {
				first(&shell, i)
				continue
			}
			if (w == "raid" || w == "raids") && !airborne && groundRaiders(toks, groupOnly) {
				// "the Macomia raid was the largest insurgent operation",
				// "a raid by gunmen on the village": fighters on the ground.
				first(&attack, i)
				continue
			}
			if strikeCues[w] && !(w == "strike" && i > 0 && toks[i-1].low == "to") {
				if strike < 0 && (w == "strikes" || w == "raids" || w == "bombings") && !oneOf(toks, i) {
					ev.plural = true
				}
				first(&strike, i)
			}
			if shellingCues[w] {
				first(&shell, i)
			}
			if massacreCues[w] && massacreCue(toks, i) {
				if massacre < 0 && w == "massacres" {
					ev.plural = true
				}
				first(&massacre, i)
			}
			if killingCues[w] && massacreCue(toks, i) || shootingCue(toks, i) {
				first(&killing, i)
			}
			if executionCue(toks, i) || burnedAlive(toks, i) {
				first(&massacre, i)
			}
			if campaignCues[w] && !wordCampaign(toks, i) {
				first(&campaign, i)
			}
			if (evacuationCues[w] || (w == "left" || w == "transferred") && peopleLeave(toks, i, c.ms)) && !medicalEvacuation(toks, i) {
				if w == "exit" || w == "passage" {
					if i > 0 && toks[i-1].low == "safe" {
						first(&evac, i-1)
					}
				} else {
					first(&evac, i)
				}
			}
			if siegeCues[w] {
				first(&siege, i)
			}
			if w == "starved" && starved < 0 {
				starved = i
			}
			if captureCues[w] {
				ok := true
				switch w {
				case "took":
					ok = i+1 < len(toks) && (toks[i+1].low == "control" || toks[i+1].low == "most" || toks[i+1].low == "over" || toks[i+1].cap) || groundTaken(toks, i, c.ms) || fullControl(toks, i)
				case "take", "taken", "taking":
					ok = i+1 < len(toks) && (toks[i+1].low == "control" || toks[i+1].low == "over") || groundTaken(toks, i, c.ms) || fullControl(toks, i)
				case "control":
					// The verb is the cue ("today established full control
					// over"), nearer its subject than the noun.
					v := controlVerb(toks, i)
					if ok = v >= 0; ok && !captureCues[toks[v].low] {
						first(&capture, v)
					}
				case "fell", "fall":
					ok = fellTo(toks, i, c.ms)
				case "entered", "enter", "entering":
					ok = placeWithin(c.ms, i+1, 4) && forcesBefore(toks, i, c.ms)
				case "drove", "driven", "pushed":
					// "drove the militants out of the town": the town taken.
					ok = outOf(toks, i, c.ms)
				case "restored":
					// "restored security and stability to the town", state
					// media's words for its retaking.
					ok = restoredTo(toks, i)
				case "stormed", "storming":
					// "Gunmen stormed a maternity ward": a building
					// stormed is attacked, not a place taken.
					if stormedBuilding(toks, i) {
						ok = false
						first(&attack, i)
					}
				case "recapture", "seize", "retake":
					// the noun: "the recapture of", "the army's recapture of"
					ok = i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "its" || toks[i-1].low == "their" || strings.HasSuffix(toks[i-1].low, "'s"))
				}
				if ok {
					first(&capture, i)
				}
			}
			if prohibitedCues[w] && i+1 < len(toks) {
				nx := toks[i+1].low
				if w == "chemical" && chemicalHeads[nx] ||
					w == "cluster" && (nx == "munitions" || nx == "bombs") || (w == "toxic" || w == "poison" || w == "poisonous" || w == "mustard") && gasHeads[nx] || w == "nerve" && nx == "agent" ||
					w == "chlorine" || w == "sarin" || w == "phosphorus" || w == "incendiary" || w == "napalm" ||
					// "internationally prohibited weapons", "banned munitions"
					(w == "prohibited" || w == "banned" || w == "forbidden") && (nx == "weapons" || nx == "munitions" || nx == "arms" || nx == "ammunition") {
					first(&prohib, i)
				}
			}
			if w == "bomb" || w == "bombs" {
				// "a car bomb", "a roadside bomb": an explosion; "barrel
				// bombs", "cluster bombs": dropped from the air.
				if i > 0 {
					switch prev := toks[i-1].low; {
					case groundBomb[prev]:
						if !stoppedBomb(toks, i-1) {
							first(&expl, i-1)
						}
					case prev == "barrel" || prev == "vacuum" || prev == "bunker-buster":
						first(&air, i-1)
					default:
						// "a bomb ripped through the market", "the bomb
						// went off": a bomb that bursts is an explosion.
						if bombBursts(toks, i) {
							first(&expl, i)
						}
					}
				}
			}
			if explosionCues[w] {
				if w != "suicide" || i+1 < len(toks) && (toks[i+1].low == "bomber" || toks[i+1].low == "bombers" || toks[i+1].low == "attack" || toks[i+1].low == "attacks" || toks[i+1].low == "bombing" || toks[i+1].low == "attacker" || toks[i+1].low == "car") {
					first(&expl, i)
				}
			}
			// "an improvised explosive device", "an explosive belt", "a
			// booby-trapped car", "explosives-laden vehicles", "blew
			// himself up", "attacked the plant, blowing up a compressor".
			if (w == "explosive" || w == "booby-trapped" || w == "explosive-laden" || w == "explosives-laden") && i+1 < len(toks) && explosiveHeads[toks[i+1].low] && !defusedBefore(toks, i) || (w == "blew" || w == "blowing") && i+2 < len(toks) && (toks[i+1].low == "up" || toks[i+2].low == "up") {
				first(&expl, i)
			}
			if burning(toks, i) {
				first(&destroy, i)
			}
			if destroyCues[w] && destroyedPlace(toks, i, c.ms) {
				if w != "wiped" || strings.Contains(c.low, " face of the earth ") || strings.Contains(c.low, " wiped out ") {
					first(&destroy, i)
				}
			}
			// "gunmen opened fire on a checkpoint": an attack.
			if (attackCues[w] || (w == "opened" || w == "opening" || w == "open") && i+1 < len(toks) && toks[i+1].low == "fire") && !(repelled(toks, i) && !casualtyValues(c) && len(c.dates) == 0) {
				first(&attack, i)
			}
		}
	}
	// The event the main clause's verb reports first: "recaptured the
	// town after a week-long assault backed by Russian air strikes" is a
	// capture. A main clause that names its event by a noun only ("the
	// liberation of the city comes after the coalition's warplanes
	// perpetrated massacres") gives no such precedence.
	scan(sub)
	mainVerb := false
	for _, k := range []int{air, strike, shell, massacre, killing, campaign, evac, siege, capture, prohib, expl, destroy, attack} {
		// A burning is told beside the event it follows ("after the army
		// recaptured the town, militias burned homes"): that event, read
		// in its clause, is the account's.
		if k >= 0 && verbLike(toks[k].low) && !(k == destroy && burnWords[toks[k].low]) {
			mainVerb = true
		}
	}
	if !mainVerb {
		scan(nil)
	}
	if afterAside && capture >= 0 && massacre < 0 && (toks[capture].low == "stormed" || toks[capture].low == "storming") && deathToll(toks, mask) {
		// "documented the death of 19 civilians in the village, after
		// fighters stormed it": the toll is of the people the stormers
		// killed there, a massacre; the storming told in its own clause
		// ("stormed the town, killing 9") stays the capture.
		massacre, capture = capture, -1
	}
	if air >= 0 && strike < 0 && !strings.HasPrefix(toks[air].low, "airstrike") && !strings.HasPrefix(toks[air].low, "air-strike") && toks[air].low != "air" && aircraftNotStriking(toks) {
		// "a MiG-23 was shot down", "a helicopter crashed", "aircraft
		// carried out air drops of food", "helicopters evacuated 1,000
		// people": aircraft named with no strike of theirs.
		air = -1
	}
	dayDated := false
	for k := range c.dates {
		if (c.dates[k].d.Precision == graph.PrecisionDay || c.dates[k].days) && !c.dates[k].since {
			dayDated = true
		}
	}
	set := func(t graph.EventType, i int, specific bool) {
		ev.typ, ev.cueI, ev.specific = t, i, specific
		ev.cueJ = i + 1
		if i+1 < len(toks) && (toks[i].low == "air" || toks[i].low == "safe" || toks[i+1].low == "bomb" || toks[i+1].low == "bombs" || toks[i].low == "suicide") {
			ev.cueJ = i + 2
		}
	}
	// Strikes on one town or village are one event, however many, and so
	// are strikes or raids on one city ("carried out intensive air strikes
	// on the city", "7 strikes near Ramadi since Saturday"; not "warplanes
	// perpetrated massacres in the city"): a campaign has a wider place, a
	// campaign word, or none of these.
	// Strikes that name no place, no period and no toll ("the Coalition
	// conducted strikes against the attacking forces", "air strikes
	// around the prison") are one event too; "since 20 January",
	// "continues its strikes" or a toll with no place ("1,117 civilians
	// killed by strikes of the coalition", counted over a battle) make
	// them a campaign.
	local, wide := false, false
	period := len(c.dates) > 0
	for _, v := range c.claim.Values {
		if v.Attribute == "killed" || v.Attribute == "injured" {
			period = true
		}
	}
	for i := range toks {
		switch toks[i].low {
		case "continue", "continues", "continued", "continuing", "ongoing", "daily", "repeated":
			period = true
		}
	}
	for k := range c.ms {
		m := &c.ms[k]
		if m.ent.Kind != graph.KindPlace || m.dl || m.ti < len(mask) && mask[m.ti] {
			continue
		}
		if r := rankOf(m.ent); r <= placeRank["town"] || r == placeRank["city"] && strike >= 0 {
			local = true
		} else {
			wide = true
		}
	}
	pluralOnly := ev.plural && campaign < 0
	// "continued their ground offensive, supported by air strikes", "on
	// 27 February, units of the group launched an offensive against the
	// positions of the army": an offensive on the ground, or one that
	// began on a given day with no air or strike word, is an attack; a
	// campaign is an offensive over a period.
	// A capture the clause's verb reports before the offensive is the
	// offensive's end ("seized the town on Wednesday, ending a 17-day
	// offensive"): the capture.
	groundOffensive := campaign >= 0 && toks[campaign].low == "offensive" &&
		(campaign > 0 && (toks[campaign-1].low == "ground" || toks[campaign-1].low == "land") || dayDated && air < 0 && strike < 0) &&
		!(capture >= 0 && capture < campaign && verbLike(toks[capture].low))
	// "Government troops struck the village", "a Turkish-led offensive
	// struck X": a ground force that strikes, with no aircraft, bomb or
	// shell in the claim, attacks.
	groundStrike := strike >= 0 && air < 0 && shell < 0 && expl < 0 && !airWord && groundSubject(toks, strike)
	// "We were starved and bombed for four years", "we were besieged
	// and starved and then bombed until we had to sign": bombing told in
	// one breath with starving, by those who lived through it, is the
	// siege's.
	starvedBombed := false
	if k := max(strike, air, shell); starved >= 0 && k > starved && k-starved <= 4 {
		for q := starved + 1; q < k; q++ {
			if toks[q].low == "and" {
				starvedBombed = true
			}
		}
	}
	switch {
	case starvedBombed:
		i := siege
		if i < 0 {
			i = starved
		}
		set(graph.EventSiege, i, true)
	case prohib >= 0:
		set(graph.EventProhibitedArms, prohib, true)
	case groundOffensive:
		set(graph.EventAttack, campaign, true)
	case groundStrike:
		set(graph.EventAttack, strike, true)
	case (air >= 0 || strike >= 0) && (ev.plural || campaign >= 0 && (strike < 0 || toks[strike].low == "bombing" || toks[strike].low == "bombardment")) && !dayDated && !(expl >= 0) && !(pluralOnly && (local || !wide && !period) && !many):
		i := campaign
		if i < 0 || air >= 0 && air < i {
			i = air
		}
		if i < 0 {
			i = strike
		}
		set(graph.EventBombingCampaign, i, true)
	case expl >= 0 && air < 0 && (strike < 0 || verbLike(toks[strike].low)):
		// "a double car bombing struck a checkpoint": the verb any
		// explosion shares.
		set(graph.EventExplosion, expl, true)
	case shell >= 0 && air < 0 && strike >= 0 && verbLike(toks[strike].low):
		// "rockets fired by the YPG struck the town": the verb any
		// projectile shares.
		set(graph.EventShelling, shell, true)
	case air >= 0 || strike >= 0 && toks[strike].low != "bombing":
		i := air
		if i < 0 || strike >= 0 && strike < i {
			i = strike
		}
		set(graph.EventAirstrike, i, true)
	case shell >= 0:
		set(graph.EventShelling, shell, true)
	case expl >= 0:
		set(graph.EventExplosion, expl, true)
	case massacre >= 0 && ev.plural && !dayDated:
		set(graph.EventBombingCampaign, massacre, false)
	case massacre >= 0:
		set(graph.EventMassacre, massacre, false)
	case killing >= 0 && (toks[killing].low == "grave" || toks[killing].low == "graves") && d.executionText():
		// A mass grave in a text that tells of executions holds their
		// dead: the massacre's ("the men, who were executed in August").
		set(graph.EventMassacre, killing, false)
	case killing >= 0:
		set(graph.EventAttack, killing, true)
	case evac >= 0:
		set(graph.EventEvacuation, evac, true)
	case capture >= 0:
		set(graph.EventCapture, capture, true)
	case siege >= 0:
		set(graph.EventSiege, siege, true)
	case strike >= 0:
		set(graph.EventBombingCampaign, strike, true)
	case campaign >= 0 && (toks[campaign].low == "battle" || toks[campaign].low == "battles") && !warReferred(toks, campaign):
		// "after a battle that lasted less than three hours": a fight on
		// the ground, told with no air or strike word, is no bombing
		// campaign.
		set(graph.EventAttack, campaign, true)
	case campaign >= 0 && !dayDated && !warReferred(toks, campaign):
		set(graph.EventBombingCampaign, campaign, true)
	case destroy >= 0:
		set(graph.EventDestruction, destroy, false)
	case attack >= 0:
		set(graph.EventAttack, attack, false)
	}
	// "1,430 people, 280 of them fighters, had left the town between 29
	// and 31 December": people counted as leaving a place (the figures
	// read them as evacuated) tell of an evacuation, though the place is
	// only referred to.
	if ev.typ == "" {
		if i := leftWord(toks, mask); i >= 0 && evacuatedFigure(c.claim.Values) && (placeWithin(c.ms, i+1, 3) || len(c.dates) > 0) && !civiliansFleeing(toks, i) {
			set(graph.EventEvacuation, i, false)
		}
	}
	if k := ev.cueI - 1; k >= 0 && k < len(toks) {
		ev.possessed = toks[k].low == "its" || toks[k].low == "their" || strings.HasSuffix(toks[k].low, "'s")
	}
	// Reference back to an event already described.
	for i := range toks {
		w := toks[i].low
		// "The footage was staged by the White Helmets": a staging
		// accusation with no event word of its own is about the event
		// reported.
		if ev.typ == "" && stagingCues[w] && !prospective(toks) {
			ev.anaph = true
		}
		// "No Russian servicemen were in the area": a denial of presence,
		// with no event word of its own, is about the event reported.
		if ev.typ == "" && absenceClause(toks, i) {
			ev.anaph = true
		}
		if i < 4 && anaphorCues[w] && i+1 < len(toks) && eventVerbs[toks[i+1].low] {
			ev.anaph = true
		}
		// "The group denied any involvement", "rejected any link to it": a
		// party's denial of its own part, with no event word, is about the
		// event reported.
		if ev.typ == "" && ownPartDenied(toks, c) {
			ev.anaph = true
		}
		// "the gunmen were members of Asaib Ahl al-Haq": who the
		// attackers of the event reported were.
		if ev.typ == "" && i > 0 && toks[i-1].low == "the" && attackerNoun(w) && i+1 < len(toks) && (toks[i+1].low == "were" || toks[i+1].low == "belonged") && partyAfter(toks, c.ms, i+2, 4) {
			ev.anaph = true
		}
		// "The GNA blamed forces loyal to Khalifa Haftar": a blame with no
		// event word of its own puts the event reported on the party (not
		// one that says what for: "accused Turkey of sending weapons").
		if ev.typ == "" && blameVerbs[w] && i > 0 && partyAfter(toks, c.ms, i+1, 8) && !blamedFor(toks, i) {
			ev.anaph = true
		}
		if (w == "that" || w == "this" || w == "the" || w == "these" || w == "those") && i+1 < len(toks) {
			n := toks[i+1].low
			// (and "the shells", "the rockets": the projectiles of the
			// shelling reported)
			if attackCues[n] || strikeCues[n] || massacreCues[n] || killingCues[n] || executionCues[n] || shellingCues[n] || n == "toll" || n == "incident" || n == "crime" || n == "crimes" || n == "bombing" || n == "explosion" || n == "blast" || n == "blasts" || n == "explosions" || n == "killings" {
				ev.anaph = true
			}
			// "the deliberate bombing", "the Turkish bombardment": a noun
			// of bombing after one or two modifiers.
			for j := i + 2; j < len(toks) && j <= i+4; j++ {
				if m := toks[j-1]; m.kind != tWord || verbLike(m.low) || m.low == "of" || m.low == "and" || eventVerbs[m.low] {
					break
				}
				if n := toks[j].low; n == "bombing" || n == "bombardment" || n == "blasts" || n == "explosions" || n == "shelling" {
					ev.anaph = true
					break
				}
				// "This cowardly criminal act", "this heinous crime": the
				// event the text told, judged.
				if n := toks[j].low; (w == "this" || w == "that") && (n == "act" || n == "crime" || n == "atrocity" || n == "attack") {
					ev.anaph = true
					break
				}
			}
		}
	}
	// "the Sayyida Zaynab attack", "the Homs bombing": the event reported
	// at that place.
	for k := range c.ms {
		m := &c.ms[k]
		if m.ent.Kind == graph.KindPlace && m.ti > 0 && toks[m.ti-1].low == "the" && m.tj < len(toks) {
			n := toks[m.tj].low
			if attackCues[n] || strikeCues[n] || killingCues[n] || executionCues[n] || n == "explosion" || n == "blast" || n == "bombing" {
				ev.anaph = true
			}
		}
	}
	// Place: the most specific place named, outside parentheticals. A
	// place named in passing ("buses bound for Idlib in the countryside
	// of Aleppo", "withdrew towards Azaz") only when no other is named,
	// and never an evacuation's: it is where people leave from, and "the
	// buses are heading to Idlib" is about the evacuation reported.
	passing := make([]bool, len(c.ms))
	origin := make([]bool, len(c.ms))
	for k := range c.ms {
		m := &c.ms[k]
		origin[k] = m.ent.Kind == graph.KindPlace && firedFrom(toks, m.ti)
		for p := 0; p < k && !origin[k] && m.ent.Kind == graph.KindPlace; p++ {
			// the place that holds the firing position: "from regime
			// positions in the Jurin area in the Hama countryside"
			e := c.ms[p].tj
			if e < len(toks) && originNouns[toks[e].low] {
				e++
			}
			// or a second firing position: "from the Jobar and Ain Tarma
			// sector"
			origin[k] = origin[p] && e <= m.ti && m.ti-e <= 5 && e < len(toks) && (toks[e].low == "in" || toks[e].low == "near" || isPunct(&toks[e], ",") || toks[e].low == "and" && m.ti == e+1)
		}
		passing[k] = inPassing(toks, m.ti)
		for p := 0; p < k && !passing[k]; p++ {
			// the place that holds the destination: "towards Jarablus in
			// the northern countryside of Aleppo"
			passing[k] = passing[p] && c.ms[p].tj <= m.ti && m.ti-c.ms[p].tj <= 6 && (toks[c.ms[p].tj].low == "in" || isPunct(&toks[c.ms[p].tj], ","))
		}
	}
	for _, allowPassing := range []bool{false, true} {
		if allowPassing && (ev.place != nil || ev.typ == graph.EventEvacuation) {
			break
		}
		for k := range c.ms {
			m := &c.ms[k]
			// (A place in the speaker's words describes the speaker: "Homs
			// governor Talal Barazi said".)
			inSpeaker := c.speech != nil && m.ti >= c.speech.npS && m.tj <= c.speech.npE
			// Nor is where fire came from the event's place, even alone:
			// "the shelling came from regime positions in the Jurin area"
			// tells where the guns stood, and the account takes its
			// place from its document as one that names none.
			if m.ent.Kind != graph.KindPlace || m.dl || m.ti < len(mask) && mask[m.ti] || passing[k] && !allowPassing || inSpeaker || origin[k] || calledFrom(c.sg.toks, m.ti) || inPurpose(toks, ev.cueJ, m.ti) {
				continue
			}
			if ev.place == nil || rankOf(m.ent) < rankOf(ev.place.ent) {
				ev.place = m
			}
		}
	}
	for k := range c.dates {
		if !d.eventDate(&c.dates[k]) {
			continue
		}
		// "The GNA blamed X, whose army has been trying to take the
		// capital since April": a relative clause's date is its own, not
		// that of the event referred back to.
		if ev.typ == "" && ev.anaph && c.dates[k].i < len(mask) && mask[c.dates[k].i] {
			continue
		}
		// "the attack of the night of 20 to 21 April", "the attack of 15
		// April": the date the event's word takes is its own, before a
		// day the sentence gives something else ("were charged on 16
		// July in connection with the attack of ...").
		if ownDate(toks, ev.cueJ, c.dates[k].i) {
			ev.date = &c.dates[k]
			break
		}
		if ev.date == nil || c.dates[k].d.Precision == graph.PrecisionDay && ev.date.d.Precision != graph.PrecisionDay {
			ev.date = &c.dates[k]
		}
	}
	for _, v := range c.claim.Values {
		if v.Attribute == "killed" || v.Attribute == "injured" {
			ev.casualty = true
		}
	}
	ev.typeCue = make([]bool, len(toks))
	for i := range toks {
		ev.typeCue[i] = typeCueFor(ev.typ, toks, i)
	}
	ev.perps = d.perpetrators(c, ev, mask, sub)
	ev.target = target(d.text, toks, ev.cueI)
	if ev.typ == "" && !ev.casualty && !ev.anaph && !(len(ev.perps) > 0 && ev.place != nil && hasAttackVerb(toks)) {
		return ev, false
	}
	return ev, true
}

// Heads after cue adjectives: "chemical weapons", "toxic gas", "an
// improvised explosive device".
var (
	groundBomb    = set("car", "truck", "roadside", "motorcycle", "suicide", "vehicle", "booby-trapped", "truck-borne", "terrorist")
	chemicalHeads = set("weapons", "weapon", "attack", "attacks", "agents", "agent",
		"munitions", "strike", "strikes", "bombs", "shells", "substances", "substance",
		"materials", "barrel", "barrels", "gas", "rockets", "projectiles")
	gasHeads       = set("gas", "gases", "substance", "substances", "chemicals", "fumes")
	explosiveHeads = set("device", "devices", "belt", "belts", "vest", "vests", "car", "cars",
		"vehicle", "vehicles", "motorcycle", "truck", "trucks", "charge", "charges")
)

// subordinateMask marks the words of phrases that give an event's
// background or support rather than the event the clause reports: "after
// a week-long assault", "following days of shelling", "amid air strikes",
// "before the ground assault", "backed by Russian air strikes", "with
// Russian air support", each to the end of its clause.
func subordinateMask(toks []token) []bool {
	m := make([]bool, len(toks))
	for i := range toks {
		start := false
		switch toks[i].low {
		case "after", "following", "amid", "amidst", "before", "despite", "ahead":
			start = true
		case "by":
			start = i > 0 && supportWords[toks[i-1].low]
		case "of", "from":
			start = i > 0 && (toks[i-1].low == "support" || toks[i-1].low == "cover" || toks[i-1].low == "help" || toks[i-1].low == "backing")
		case "with":
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if toks[k].low == "support" || toks[k].low == "cover" || toks[k].low == "backing" {
					start = true
				}
			}
		}
		if !start {
			continue
		}
		// Support ("backed by U.S.-led air strikes") ends where the main
		// verb begins, commas or not: "Kurdish fighters backed by
		// U.S.-led air strikes recaptured the town".
		support := toks[i].low != "after" && toks[i].low != "following" && toks[i].low != "amid" && toks[i].low != "amidst" && toks[i].low != "before" && toks[i].low != "despite" && toks[i].low != "ahead"
		for j := i; j < len(toks) && !isPunct(&toks[j], ",") && !(isPunct(&toks[j], ".") && !(support && glued(toks, j))) && !isPunct(&toks[j], ";"); j++ {
			if support && j > i+1 && eventVerbs[toks[j].low] && verbLike(toks[j].low) && !supportWords[toks[j].low] {
				break
			}
			// "government forces backed by Russian air power have been
			// waging an offensive": an auxiliary after the supporter's
			// noun opens the main verb.
			if support && j > i+2 && supportAux[toks[j].low] && toks[j-1].kind == tWord && !isQuote(&toks[j-1]) {
				break
			}
			m[j] = true
		}
	}
	return m
}

// explosiveText reports whether the document tells of bombs that explode
// on the ground: car bombs, suicide bombers, explosive devices, blasts.
func (d *docState) explosiveText() bool {
	if d.explosive == 0 {
		d.explosive = 2
		low := strings.ToLower(d.text)
		for _, w := range []string{"car bomb", "suicide bomb", "blew himself up", "blew themselves up", "explosive device", "explosion", "blast", "booby-trapped", "truck bomb", "explosive belt", "explosive vest"} {
			if strings.Contains(low, w) {
				d.explosive = 1
				break
			}
		}
	}
	return d.explosive == 1
}

// executionText reports whether the text tells of an execution anywhere
// (executionCue), read once.
func (d *docState) executionText() bool {
	if d.executions == 0 {
		d.executions = 2
	scan:
		for k := range d.segs {
			toks := d.segs[k].toks
			for i := range toks {
				if executionCue(toks, i) {
					d.executions = 1
					break scan
				}
			}
		}
	}
	return d.executions == 1
}

// manyBefore reports whether "dozens of", "hundreds of" or a large number
// counts the plural at i, a word or two before it ("hundreds of barrel
// bombs").
func manyBefore(toks []token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-3; k-- {
		if toks[k].low == "of" {
			switch toks[k-1].low {
			case "dozens", "hundreds", "thousands", "scores":
				return true
			}
		}
		if toks[k].kind == tNum {
			v, _ := parseDigits(toks[k].text)
			return v >= 10
		}
	}
	return false
}

// appositive reports whether the name at ti follows a comma ("..., the
// Nusra Front,"): in apposition to what comes before.
func appositive(toks []token, ti int) bool {
	k := ti - 1
	if k >= 0 && toks[k].low == "the" {
		k--
	}
	return k >= 1 && isPunct(&toks[k], ",")
}

// praiseWords qualify a speaker's own forces ("our heroic forces"), and
// forceKinds name a branch before the forces noun ("our security forces").
var (
	praiseWords = set("heroic", "brave", "valiant", "courageous", "gallant", "glorious", "heroes")
	forceKinds  = set("security", "armed", "special", "ground", "air", "naval", "military")
)

// affiliatedWords before "to" or "with" tie a group to the party named
// after them: "groups affiliated to X", "fighters loyal to X", "militias
// allied with X".
var affiliatedWords = set("affiliated", "linked", "belonging", "loyal", "allied", "aligned")

// affiliatedTo reports whether the party at ti is named as the one a group
// belongs to: "armed groups affiliated with the so-called "X"".
func affiliatedTo(toks []token, ti int) bool {
	k := ti - 1
	// ("loyal to the regime's Air Force Intelligence": past the owner.)
	for k >= 0 && (toks[k].low == "the" || toks[k].low == "so-called" || isQuote(&toks[k]) || k < ti-1 && strings.HasSuffix(toks[k].low, "'s") && toks[k+1].cap) {
		k--
	}
	if k < 1 || toks[k].low != "to" && toks[k].low != "with" || !affiliatedWords[toks[k-1].low] {
		return false
	}
	// "the regime and the militias allied with it": the allies are
	// another party than the one the pronoun refers to.
	return !(toks[k-1].low == "allied" || toks[k-1].low == "aligned") || toks[ti].cap
}

// positionsOf reports whether the party at ti is named as "fire from the
// positions of (the) X".
func positionsOf(toks []token, ti int) bool {
	k := ti - 1
	if k >= 0 && toks[k].low == "the" {
		k--
	}
	if k < 3 || toks[k].low != "of" || toks[k-1].low != "positions" && toks[k-1].low != "position" {
		return false
	}
	k -= 2
	if toks[k].low == "the" {
		k--
	}
	return k >= 0 && toks[k].low == "from" && fireBefore(toks, k)
}

// gatheringOf reports whether the party whose phrase starts at h is named
// after a noun of people or places an attack is aimed at, with an
// indefinite or a preposition before it: "into a gathering of the
// militias", "struck a convoy of", "on a checkpoint of". Whose gathering
// it is tells the target, not who attacked.
func gatheringOf(toks []token, h int) bool {
	k := h - 1
	if k >= 0 && toks[k].low == "the" {
		k--
	}
	if k < 2 || toks[k].low != "of" || !aimNouns[toks[k-1].base] {
		return false
	}
	switch toks[k-2].low {
	case "a", "an", "into", "on", "at", "against", "targeting", "targeted", "struck", "hit":
		return true
	}
	return false
}

// inPurpose reports whether the place word at ti stands in a purpose
// clause after the event's cue (which ends at from): "The bombing is an
// attempt by Daesh to compensate for the defeats it suffers on the
// battlefields of Anbar" tells where the defeats were, not the bombing.
func inPurpose(toks []token, from, ti int) bool {
	for k := max(from, 0); k+1 < ti && k < len(toks)-1; k++ {
		if isPunct(&toks[k], ",") || isPunct(&toks[k], ";") {
			return false
		}
		if toks[k].low == "to" && k > 0 && toks[k-1].kind == tWord && purposeVerbs[toks[k+1].low] {
			return true
		}
	}
	return false
}

// purposeVerbs open a purpose clause after "to".
var purposeVerbs = set("compensate", "cover", "divert", "distract", "avenge", "make", "undermine", "terrorise", "terrorize", "sow", "spread", "obstruct", "sabotage", "derail", "hide", "conceal", "justify", "pressure", "punish", "intimidate", "weaken", "break")

// attemptNouns, before "by" or "of" and a party, make the party the
// one whose act the sentence's event was: "a desperate attempt by",
// "the work of", "the hallmarks of".
var attemptNouns = set("attempt", "work", "hallmarks", "hallmark", "handiwork", "doing")

// eventSubject reports whether the noun phrase at n is the complement of
// "is" or "was" whose subject, a few words before, is an event's noun:
// "The bombing is a desperate attempt", "This cowardly act was the work".
func eventSubject(toks []token, n int) bool {
	for k := n - 1; k >= 0 && k >= n-4; k-- {
		if toks[k].low != "is" && toks[k].low != "was" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if subjectEventNouns[toks[j].low] {
				return true
			}
			if toks[j].kind != tWord {
				break
			}
		}
		return false
	}
	return false
}

// subjectEventNouns name an event as a sentence's subject.
var subjectEventNouns = set("bombing", "attack", "blast", "explosion", "act", "crime", "massacre", "strike", "shelling", "assault", "operation", "killing", "killings", "atrocity")

// aimNouns are gatherings and posts an attack may be aimed at.
var aimNouns = set("gathering", "gatherings", "convoy", "convoys", "checkpoint", "checkpoints", "headquarters", "meeting", "rally", "funeral", "camp", "barracks", "post", "posts")

// launchWords are what is fired from somewhere, and the firing itself.
var launchWords = set("fired", "firing", "fire", "launched", "launching", "shelled", "shelling",
	"shells", "rounds", "rockets", "rocket", "missiles", "missile", "mortars", "mortar",
	"projectiles", "artillery", "drones", "drone", "shots")

// originNouns and originMods name a firing position before its place:
// "from regime positions in", "from the direction of", "from the area of".
var (
	originNouns = set("positions", "position", "area", "direction", "outskirts", "camp", "base", "bases",
		"posts", "post", "checkpoint", "checkpoints", "side")
	originMods = set("the", "its", "their", "regime", "government", "army", "militant", "militants'",
		"rebel", "terrorist", "terrorists'", "enemy", "military")
	stationedWords = set("stationed", "based", "positioned", "deployed", "entrenched")
)

// firedFrom reports whether the place at token ti is where fire came from
// ("fired 12 mortar rounds from Tal Rifat at Marea", "rockets launched
// from the town of Idlib hit ...", "the shelling came from regime
// positions in the Jurin area", "artillery stationed in the Jurin camp
// shelled ..."): a firing position, named in passing beside the place the
// fire hit, which is the event's.
func firedFrom(toks []token, ti int) bool {
	k := ti - 1
	if k >= 0 && toks[k].low == "the" {
		k--
	}
	if k >= 2 && toks[k].low == "of" && placeNouns[toks[k-1].low] != "" {
		k -= 2
		if k >= 0 && toks[k].low == "the" {
			k--
		}
	}
	// "stationed in (the) X", "based at X": where the guns stand.
	if k >= 1 && (toks[k].low == "in" || toks[k].low == "at" || toks[k].low == "near") && stationedWords[toks[k-1].low] {
		return true
	}
	// "from (regime) positions in", "from the direction of"
	if k >= 2 && (toks[k].low == "in" || toks[k].low == "of" || toks[k].low == "near") && originNouns[toks[k-1].low] {
		k -= 2
		for k >= 0 && originMods[toks[k].low] {
			k--
		}
	}
	return k >= 1 && toks[k].low == "from" && setBefore(toks, k, 5, launchWords)
}

// fireBefore reports whether "fire" or an attack word ends a few words
// before token k: "came under fire from".
func fireBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if toks[j].low == "fire" || attackCues[toks[j].low] || shellingCues[toks[j].low] {
			return true
		}
	}
	return false
}

// weaponBefore reports whether an aircraft, artillery or strike word lies
// within n words before token k: "artillery of the coalition".
func weaponBefore(toks []token, k, n int) bool {
	for j := k - 1; j >= 0 && j >= k-n; j-- {
		w := toks[j].low
		if airCues[w] || shellingCues[w] || strikeCues[w] {
			return true
		}
	}
	return false
}

// actorBefore reports whether a party is named before token i.
func actorBefore(ms []mention, i int) bool {
	for k := range ms {
		if actorKind(ms[k].ent.Kind) && ms[k].ti < i {
			return true
		}
	}
	return false
}

// blamedFor reports whether the blame at i says in its clause what the
// party is blamed for: "accused Turkey of sending weapons", "blamed the
// army for the shortages".
func blamedFor(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+12 && toks[k].kind != tPunct; k++ {
		if toks[k].low == "of" || toks[k].low == "for" {
			return true
		}
	}
	return false
}

// partyAfter reports whether a party, or a person who stands for one, is
// named within n tokens from i, in the same clause: the object of a blame
// ("blamed the army", "blamed forces loyal to eastern-based commander
// Khalifa Haftar").
func partyAfter(toks []token, ms []mention, i, n int) bool {
	for k := range ms {
		m := &ms[k]
		if m.ti < i || m.ti > i+n || !actorKind(m.ent.Kind) && m.ent.Kind != graph.KindPerson {
			continue
		}
		clause := true
		for j := i; j < m.ti; j++ {
			if toks[j].kind == tPunct && toks[j].text != "-" {
				clause = false
			}
		}
		if clause {
			return true
		}
	}
	return false
}

// absenceAt reports whether the copula at j says that the party whose
// name starts at ti was not there: "No Russian aircraft were in the area",
// "no army unit was present", "X were not present over the village". The
// denial of presence denies the party's part in the event reported; a
// presence affirmed ("were in the area") says nothing of it.
func absenceAt(toks []token, j, ti int) bool {
	if j >= len(toks) || !copulas[toks[j].low] {
		return false
	}
	k := j + 1
	neg := k < len(toks) && (toks[k].low == "not" || toks[k].low == "never")
	if neg {
		k++
	}
	if !neg {
		h := memberHead(toks, ti)
		neg = h > 0 && toks[h-1].low == "no" || ti > 0 && toks[ti-1].low == "no"
	}
	if !neg || k >= len(toks) {
		return false
	}
	switch toks[k].low {
	case "present", "deployed", "stationed":
		return true
	case "in":
		return k+2 < len(toks) && toks[k+1].low == "the" && (toks[k+2].low == "area" || toks[k+2].low == "vicinity" || toks[k+2].low == "region" || toks[k+2].low == "airspace")
	}
	return false
}

// ownSide reports whether party e belongs to the same state or party as
// the speaker or the document's voice: "No Russian servicemen were in the
// area" from the Russian ministry denies its own part, while "No Daesh
// fighters were present" from their enemy refutes a pretext.
func (d *docState) ownSide(e, speaker *graph.Entity) bool {
	if e == nil {
		return false
	}
	r := d.g.Root(e.ID)
	for _, v := range []*graph.Entity{speaker, d.voice} {
		if v != nil && d.g.Root(v.ID) == r {
			return true
		}
	}
	return false
}

// absenceClause reports whether the copula at j denies a party's presence
// (absenceAt), the party's name starting after a "no" a few words before
// it or right before the copula.
func absenceClause(toks []token, j int) bool {
	if j < 1 || !copulas[toks[j].low] {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		if toks[k].low == "no" {
			return absenceAt(toks, j, k+1)
		}
	}
	return absenceAt(toks, j, j-1)
}

// reliefVerb reports whether the verb at j ends a siege or retakes a place
// in words that are no event verb elsewhere: "restored security and
// stability to the town" (state media's words for its retaking) and
// "lifted the siege of", "lifted the blockade on"; its subject is the
// party that acted.
func reliefVerb(toks []token, j int) bool {
	switch toks[j].low {
	case "restored":
		return restoredTo(toks, j)
	case "lifted", "lifting":
		for k := j + 1; k < len(toks) && k <= j+3; k++ {
			if toks[k].low == "siege" || toks[k].low == "blockade" {
				return true
			}
		}
	}
	return false
}

// bombBursts reports whether the bomb named at token i bursts in its
// clause: "ripped through", "tore through", "went off" within a few words,
// after an aside if need be ("a bomb set off by the Front ripped
// through"). A bomb that is dropped, found or defused is none.
func bombBursts(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+9; j++ {
		switch toks[j].low {
		case "ripped", "tore":
			return j+1 < len(toks) && toks[j+1].low == "through"
		case "went":
			return j+1 < len(toks) && toks[j+1].low == "off"
		case "dropped", "found", "defused", "dismantled", "seized":
			return false
		}
		if toks[j].kind == tPunct && toks[j].text != "," {
			return false
		}
	}
	return false
}

// gasVerb reports whether the verb at j releases a toxic agent: "released
// a toxic gas", "brought cylinders of chlorine into the town".
func gasVerb(toks []token, j int) bool {
	switch toks[j].low {
	case "released", "brought", "smuggled", "planted":
	default:
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+4; k++ {
		if prohibitedCues[toks[k].low] || gasHeads[toks[k].low] || toks[k].low == "cylinders" || toks[k].low == "canisters" {
			return true
		}
	}
	return false
}

// glued reports whether the token at j runs into the next with no space:
// the dots of "U.S.-led".
func glued(toks []token, j int) bool {
	return j+1 < len(toks) && toks[j+1].s == toks[j].e
}

// verbLike reports whether a cue word is a verb in the past (the verb of a
// clause that reports an event), not a noun.
func verbLike(w string) bool {
	switch w {
	case "took", "fell", "left", "overran", "retook", "struck", "hit", "blew", "shot", "overrun", "taken", "drove", "driven", "broke":
		return true
	}
	return strings.HasSuffix(w, "ed") && len(w) > 4
}

// supportWords before "by" make a supporting party: "backed by", "supported
// by", "covered by".
var supportWords = set("backed", "supported", "covered", "aided", "assisted", "helped", "escorted")

// supportAux are auxiliaries that, after a support phrase's noun, begin the
// clause's main verb: "X backed by Russian air strikes have retaken".
var supportAux = set("have", "has", "had")

// imposedBy reports whether the "by" at b closes "<cue> imposed on the
// city by": the agent of imposing the event named a few words before.
func imposedBy(toks []token, b int, isCue func(int) bool) bool {
	for k := b - 1; k >= 1 && k >= b-5; k-- {
		if toks[k].kind == tPunct {
			return false
		}
		if toks[k].low == "imposed" || toks[k].low == "laid" {
			return isCue(k-1) || k >= 2 && isCue(k-2)
		}
	}
	return false
}

// fullControl reports whether "control" follows the verb at i across a
// word of degree: "took full control of", "has taken complete control".
// The verb, not the noun, is then the capture's cue, so the main clause
// keeps it over strikes in a phrase of support.
func fullControl(toks []token, i int) bool {
	if i+2 >= len(toks) || toks[i+2].low != "control" {
		return false
	}
	switch toks[i+1].low {
	case "full", "complete", "total", "effective":
		return true
	}
	return false
}

// controlTaken reports whether "control" at i is taken: "took control",
// "seized full control", "gained complete control", "regained control".
func controlTaken(toks []token, i int) bool { return controlVerb(toks, i) >= 0 }

// takesControl reports whether the word at i is the verb that takes
// "control" a few words after it ("established full control").
func takesControl(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].low == "control" {
			return controlVerb(toks, j) == i
		}
	}
	return false
}

// controlVerb returns the index of the verb that takes "control" at i
// ("established" in "established full control over"), or -1.
func controlVerb(toks []token, i int) int {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].low {
		case "took", "take", "taken", "taking", "seized", "seize", "seizing", "gained", "gain", "regained", "regain", "assumed", "wrested", "established", "extended", "restored", "imposed":
			return k
		case "full", "complete", "total", "effective", "military", "the":
			continue
		}
		return -1
	}
	return -1
}

// outOf reports whether the verb at i drives a party out of a place:
// "drove Islamic State fighters out of the town of X", "pushed the
// militants out of most of their enclave" ("out of" within eight words,
// then a place or ground taken).
func outOf(toks []token, i int, ms []mention) bool {
	party := false
	for k := i + 1; k+1 < len(toks) && k <= i+8; k++ {
		if isPunct(&toks[k], ",") || isPunct(&toks[k], ";") {
			return false
		}
		if toks[k].low == "out" && toks[k+1].low == "of" {
			return party && (placeWithin(ms, k+2, 7) || groundTaken(toks, k+1, ms))
		}
		// the driven are fighters: "the militants", "Islamic State
		// fighters", not "a truck"
		if forcesNouns[toks[k].base] || oppositionHeads[toks[k].base] || coveredBy(ms, k) >= 0 && actorKind(ms[coveredBy(ms, k)].ent.Kind) {
			party = true
		}
	}
	return false
}

// restoredTo reports whether "restored" at i restores security or
// stability to a place ("restored security and stability to the town of
// X"), the words state media use for a place retaken; "restored power to
// the city" is no capture.
func restoredTo(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].low != "security" && toks[i+1].low != "stability" && toks[i+1].low != "calm" {
		return false
	}
	for k := i + 2; k < len(toks) && k <= i+5; k++ {
		switch toks[k].low {
		case "to":
			return true
		case "and", "security", "stability", "calm", "order", "safety":
			continue
		}
		return false
	}
	return false
}

// fellTo reports whether "fell" or "fall" at i is a place's capture: "fell
// to government forces", "fell into the hands of", "the fall of Saraqib".
func fellTo(toks []token, i int, ms []mention) bool {
	if i+1 >= len(toks) {
		return false
	}
	switch toks[i+1].low {
	case "to", "into", "under":
		for k := i + 2; k < len(toks) && k <= i+5; k++ {
			if toks[k].low == "hands" || toks[k].low == "control" || forcesNouns[toks[k].base] || oppositionHeads[toks[k].base] || coveredBy(ms, k) >= 0 && actorKind(ms[coveredBy(ms, k)].ent.Kind) {
				return true
			}
		}
	case "of":
		return toks[i].low == "fall" && placeWithin(ms, i+2, 4)
	}
	return false
}

// forcesBefore reports whether the subject of the verb at i is a fighting
// party ("Turkish troops entered the town"), not aid or its carriers ("an
// aid convoy entered Madaya").
func forcesBefore(toks []token, i int, ms []mention) bool {
	found := false
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		t := &toks[k]
		if isPunct(t, ".") || isPunct(t, ";") {
			break
		}
		switch t.base {
		case "convoy", "convoys", "aid", "trucks", "inspectors", "journalists", "team", "teams", "delegation", "ambulances", "buses", "supplies", "crescent", "un", "icrc":
			return false
		}
		if forcesNouns[t.base] || oppositionHeads[t.base] || coveredBy(ms, k) >= 0 && actorKind(ms[coveredBy(ms, k)].ent.Kind) {
			found = true
		}
	}
	return found
}

// placeWithin reports whether a place (named or referred to) begins in
// tokens [k, k+n).
// memberNouns name the people of a party: "soldiers of", "members of".
var memberNouns = set("soldiers", "commandos", "members", "elements", "militiamen", "troops", "fighters", "mercenaries", "element", "member", "unit", "soldier", "volunteers")

// memberHead returns where the phrase naming the party at ti begins when
// the party follows a noun for its people and "of" ("the fighters of X",
// "remnants of the X organisation", "members of X"): the noun's index;
// else ti.
func memberHead(toks []token, ti int) int {
	k := ti - 1
	for k >= 0 && (toks[k].low == "the" || isQuote(&toks[k]) || toks[k].low == "so-called") {
		k--
	}
	if k < 1 || toks[k].low != "of" {
		return ti
	}
	// (and "factions of X", "large groups of terrorists": the nouns for
	// armed groups name the party after "of" too.)
	if n := toks[k-1].low; memberNouns[n] || remnantNouns[n] || kurdishForces[n] || oppositionHeads[n] || oppositionNouns[n] && n != "organizations" && n != "organisations" {
		return k - 1
	}
	return ti
}

// remnantNouns name a party's people or cells, before "of" and the party.
var remnantNouns = set("remnants", "cells", "mercenaries", "operatives", "units", "detachments", "gunmen", "militants", "gangs", "elements")

// objectBefore reports whether the party at ti is an object: of a
// preposition ("against", "on", "with" ...) or of a verb ("killed").
func objectBefore(toks []token, ti int) bool {
	k := ti - 1
	for k >= 0 && (toks[k].low == "the" || toks[k].low == "a" || isQuote(&toks[k])) {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].low {
	case "against", "on", "at", "targeting", "targeted", "with", "from", "to", "for", "into", "by", "between", "of":
		// "of" only after a forces noun: "fighters of X" is X acting.
		return toks[k].low != "of" || k == 0 || !(kurdishForces[toks[k-1].base] || oppositionNouns[toks[k-1].base] || oppositionHeads[toks[k-1].base] || memberNouns[toks[k-1].low])
	}
	return eventVerbs[toks[k].low] || toks[k].kind == tNum
}

// airForceNouns, after "air force", name its people and places, not its
// strikes: "air force cadets massacred", "the Air Force Intelligence".
var airForceNouns = set("cadets", "cadet", "officers", "officer", "pilots", "personnel",
	"recruits", "academy", "college", "base", "intelligence", "headquarters", "members", "students")

// groundNouns name ground that forces take: "took the hills overlooking
// the town", "taken the airbase".
var groundNouns = set("hill", "hills", "heights", "ridge", "ridges", "mountain", "mountains",
	"hilltop", "hilltops", "summit", "peak", "base", "airbase", "airport", "crossing",
	"checkpoint", "checkpoints", "outskirts", "positions", "outpost", "outposts")

// groundTaken reports whether "took"/"taken" at i has ground or a place
// for its object ("took the hills overlooking Yabroud", "took the
// village"), not "took the decision", "took part".
func groundTaken(toks []token, i int, ms []mention) bool {
	k := i + 1
	for k < len(toks) && k < i+4 && (toks[k].low == "the" || toks[k].low == "its" || toks[k].low == "their" || toks[k].low == "strategic" || toks[k].low == "nearby" || toks[k].low == "surrounding") {
		k++
	}
	if k >= len(toks) || k == i+1 && !toks[k].cap {
		return placeWithin(ms, i+1, 1)
	}
	w := toks[k].low
	_, pn := placeNouns[w]
	_, ppn := pluralPlaceNouns[w]
	return groundNouns[w] || pn && w != "area" || ppn || placeWithin(ms, k, 1)
}

func placeWithin(ms []mention, k, n int) bool {
	for _, m := range ms {
		if m.ent.Kind == graph.KindPlace && m.ti >= k && m.ti < k+n {
			return true
		}
	}
	return false
}

// massacreCue reports whether a killing word at i names killings: "a
// mass grave", not a grave concern.
func massacreCue(toks []token, i int) bool {
	switch toks[i].low {
	case "grave", "graves":
		return i > 0 && toks[i-1].low == "mass"
	}
	return true
}

// shootingCue reports whether the word at i tells of people shot or
// assassinated: "unknown gunmen assassinated a council member", "the
// assassination of a commander", "two soldiers were shot dead", "gunned
// down", "shot and killed". An attack; shootings of captives are
// executions (executionCue), read before.
func shootingCue(toks []token, i int) bool {
	switch toks[i].low {
	case "assassinated", "assassination", "assassinations", "assassinating":
		return true
	case "shot":
		return i+1 < len(toks) && (toks[i+1].low == "dead" || toks[i+1].low == "and" && i+2 < len(toks) && toks[i+2].low == "killed")
	case "gunned":
		return i+1 < len(toks) && toks[i+1].low == "down"
	}
	return false
}

// executionCue reports whether the word at i tells of an execution, the
// deliberate killing of captives or civilians: "executed 25 men", "the
// execution of 40 prisoners", "summarily killed", "beheaded", "shot dead
// after capturing them". Not the carrying out of something else
// ("executed an attack", "the execution of the plan"), nor a death
// sentence carried out ("executed after a court sentenced him").
func executionCue(toks []token, i int) bool {
	w := toks[i].low
	switch {
	case w == "summarily":
		if i+1 >= len(toks) {
			return false
		}
		switch toks[i+1].low {
		case "executed", "killed", "shot", "murdered", "killing", "shooting", "executing":
		default:
			return false
		}
	case executionCues[w]:
		if i > 0 && toks[i-1].low == "summarily" {
			return false // read at "summarily"
		}
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if executionGuards[toks[k].low] {
				return false
			}
		}
	case w == "shot" || w == "killed":
		if !afterCapture(toks, i) && !abductedBefore(toks, i) {
			return false
		}
	default:
		return false
	}
	lo, hi := i, i
	for lo > 0 && i-lo < 15 && !isPunct(&toks[lo-1], ".") {
		lo--
	}
	for hi+1 < len(toks) && hi-i < 15 && !isPunct(&toks[hi+1], ".") {
		hi++
	}
	for k := lo; k <= hi; k++ {
		if judicialWords[toks[k].low] {
			return false
		}
	}
	return true
}

// abductedBefore reports whether a killing at i is told, in the same
// sentence, of people the same subject had abducted before: "Gunmen
// abducted a group of men from the village ... and killed at least eight
// of them". Taking a town is no abduction.
func abductedBefore(toks []token, i int) bool {
	if i == 0 || toks[i-1].low != "and" && toks[i-1].low != "then" && toks[i-1].low != "later" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-24; k-- {
		if isPunct(&toks[k], ".") || isPunct(&toks[k], ";") {
			return false
		}
		switch toks[k].low {
		case "abducted", "kidnapped", "abducting", "kidnapping", "detained", "arrested":
			return true
		}
	}
	return false
}

// afterCapture reports whether a killing at i ("shot", "killed") is told
// as done to people already taken: "shot dead after capturing them",
// "killed after they surrendered".
func afterCapture(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		if isPunct(&toks[k], ".") || isPunct(&toks[k], ";") {
			return false
		}
		if toks[k].low != "after" {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+4; j++ {
			switch toks[j].low {
			case "capturing", "captured", "capture", "surrendered", "surrendering", "surrender", "arresting", "arrested", "detaining", "detained", "abducting", "abducted":
				return true
			}
		}
		return false
	}
	return false
}

// leftWord returns the index of the first unmasked word of leaving
// ("left", "departed", "transferred") in toks, or -1. (The place left,
// named or referred to, must follow it, "had left the town", or the claim
// must give a date.)
func leftWord(toks []token, mask []bool) int {
	for i := range toks {
		if i < len(mask) && mask[i] {
			continue
		}
		switch toks[i].low {
		case "left", "departed", "transferred":
			return i
		}
	}
	return -1
}

// evacuatedFigure reports whether a claim's values count people evacuated.
func evacuatedFigure(vs []graph.Value) bool {
	for _, v := range vs {
		if v.Attribute == "evacuated" {
			return true
		}
	}
	return false
}

// peopleLeave reports whether "left" or "transferred" at i is people
// leaving a place: "1,200 fighters and their families left the town",
// "civilians were transferred from Madaya": people before it and a place
// (or "the town") after it.
func peopleLeave(toks []token, i int, ms []mention) bool {
	people := false
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		switch toks[k].base {
		case "fighters", "families", "civilians", "people", "residents", "rebels", "militants", "gunmen", "wounded", "patients", "evacuees", "inhabitants", "members", "combatants", "dependants", "relatives":
			people = true
		}
		if isPunct(&toks[k], ".") || isPunct(&toks[k], ";") {
			break
		}
	}
	if !people || civiliansFleeing(toks, i) {
		return false
	}
	k := i + 1
	if k < len(toks) && toks[k].low == "from" {
		k++
	}
	for _, m := range ms {
		// a place named, not referred to: "left the town" may be any
		if m.ent.Kind == graph.KindPlace && !m.ref && m.ti >= k && m.ti < k+4 {
			return true
		}
	}
	return false
}

// civiliansFleeing reports whether the leaving at i is civilians fleeing
// ("Hundreds of families have left the village for the city since
// Saturday", "... fearing new strikes", "gunmen killed two farmers, and
// 300 families left the area"), not an evacuation: civilians leave, the
// sentence tells of flight (fear, an exodus going on since a day, harm
// done before they leave) and of nothing organised for them (buses, a
// convoy, a deal) nor of fighters leaving with them.
func civiliansFleeing(toks []token, i int) bool {
	civilians := false
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		switch toks[k].base {
		case "families", "civilians", "people", "residents", "inhabitants":
			civilians = true
		}
		if isPunct(&toks[k], ".") || isPunct(&toks[k], ";") {
			break
		}
	}
	if !civilians || organisedDeparture(toks) {
		return false
	}
	flight := false
	for k := range toks {
		switch toks[k].base {
		case "fighters", "rebels", "gunmen", "terrorists", "militants", "combatants":
			// Fighters leaving with them ("fighters and their families
			// left"); not the attackers of a clause before ("gunmen
			// killed two farmers, and 300 families left the area").
			if k > i-8 && k < i+5 {
				return false
			}
		case "fearing", "fear", "fleeing", "fled", "displaced", "since", "escaping":
			flight = true
		case "killed", "attacked", "burned", "burnt", "shelled", "raided", "stormed", "looted":
			// People leaving after the harm their sentence tells of.
			if k < i {
				flight = true
			}
		}
	}
	return flight
}

// organisedDeparture reports whether a sentence tells of a departure
// organised for people: buses, a convoy, a deal, an evacuation.
func organisedDeparture(toks []token) bool {
	for k := range toks {
		switch toks[k].base {
		case "bus", "buses", "convoy", "deal", "agreement", "evacuation", "evacuated", "evacuees", "corridor", "corridors", "truce", "ceasefire", "escorted", "guarantees", "surrendered":
			return true
		}
	}
	return false
}

// attackVerbs are verbs of an attack that name no weapon: "fired on the
// town", "attacked the checkpoint".
var attackVerbs = set("fired", "attacked", "struck", "hit", "targeted", "shot", "raided", "stormed", "opened")

// prospective reports whether a claim speaks of what may come ("the
// militants are preparing a staged incident", "plan to stage"), not of an
// event that happened.
func prospective(toks []token) bool {
	for i := range toks {
		switch toks[i].low {
		case "preparing", "prepare", "prepares", "plan", "plans", "planning", "intend", "intends", "intending", "will", "going":
			return true
		}
	}
	return false
}

// intentWords before "to" make the verb after it an act intended, not
// done: "prepared to enter", "poised to retake".
var intentWords = set("prepared", "preparing", "prepare", "prepares", "planned", "planning", "plan", "plans", "ready", "poised", "intend", "intends", "intended", "intending", "expected")

// unrealised reports whether the event word at i tells of an event not
// (yet) done: the verb of an intent ("army units prepared to enter the
// city"), or the noun that talks are about or people wait for
// ("negotiations on the departure of the militants", "patients waiting
// for medical evacuation").
func unrealised(toks []token, i int) bool {
	if i >= 2 && toks[i-1].low == "to" && intentWords[toks[i-2].low] {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].low {
		case "negotiations", "negotiation", "talks", "negotiate", "negotiating":
			return k+1 < i && (toks[k+1].low == "on" || toks[k+1].low == "over" || toks[k+1].low == "about" || toks[k+1].low == "for")
		case "awaiting", "awaited", "waiting", "await", "awaits":
			return true
		}
		if toks[k].kind == tPunct || verbLike(toks[k].low) {
			return false
		}
	}
	return false
}

// bareBlast reports whether the explosion word at i is a blast with no
// bomb named: "the blasts", "the explosion", not "the car bomb
// explosion" nor "the explosive device".
func bareBlast(toks []token, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	switch toks[i].low {
	case "blast", "blasts", "explosion", "explosions":
	default:
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if groundBomb[toks[k].low] || toks[k].low == "bomb" || toks[k].low == "bombs" || toks[k].low == "mine" || toks[k].low == "landmine" {
			return false
		}
	}
	return true
}

// hasAttackVerb reports whether a claim holds a verb of attack.
func hasAttackVerb(toks []token) bool {
	for i := range toks {
		if attackVerbs[toks[i].low] {
			return true
		}
	}
	return false
}

// callWords ask another party to act: "called on the coalition to",
// "urged the Council to".
var callWords = set("called", "calls", "call", "calling", "urged", "urges", "urging", "appealed", "appeals", "demanded", "demands", "asked", "asks")

// requested reports whether the word at i is what a speaker calls on
// another to do or to stop: "called on the coalition to intensify air
// strikes", "calls on the Security Council to act to stop the
// bombardment". A call word, then "to" and a verb before the word, in
// one clause.
func requested(toks []token, i int) bool {
	to := false
	for k := i - 1; k >= 0 && k >= i-14; k-- {
		if toks[k].kind == tPunct && toks[k].text != "-" && toks[k].text != "'" {
			return false
		}
		if !to && (verbLike(toks[k].low) || reportVerbs[toks[k].low]) {
			// "who asked not to be named said warplanes struck": a
			// clause of its own before the word.
			return false
		}
		if toks[k].low == "to" && k+1 < i && toks[k+1].kind == tWord && toks[k+1].low != "be" {
			to = true
		}
		if to && callWords[toks[k].low] && k+1 < len(toks) && (toks[k+1].low == "on" || toks[k+1].low == "upon" || toks[k].low != "called" && toks[k].low != "calls" && toks[k].low != "call" && toks[k].low != "calling") {
			return true
		}
	}
	return false
}

// heldAreas are plural nouns of ground in general: "the liberated areas",
// "territories captured from".
var heldAreas = set("areas", "settlements", "territories", "regions", "lands", "parts", "zones",
	"villages", "towns", "neighbourhoods", "neighborhoods", "districts", "cities", "localities")

// heldGround reports whether the participle of taking at i describes
// ground as held, not its taking told: an adjective before a plural noun
// of ground ("the liberated areas", "in the newly liberated villages") or
// a participle after a general noun of ground ("areas liberated from
// terrorists", "the areas liberated south of Mosul").
func heldGround(toks []token, i int) bool {
	switch toks[i].low {
	case "liberated", "captured", "recaptured", "seized", "retaken", "regained":
	default:
		return false
	}
	if i+1 < len(toks) && heldAreas[toks[i+1].low] {
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			switch toks[k].low {
			case "the", "newly", "recently", "already", "its", "their", "all", "other":
				return true
			}
		}
	}
	if i > 0 && toks[i].low == "liberated" {
		switch toks[i-1].low {
		case "areas", "settlements", "territories", "regions", "lands", "parts", "zones":
			return true
		}
	}
	return false
}

// burnedAlive reports whether the word at i burns people to death:
// "burned at least 30 people alive", "were burned to death": a massacre.
func burnedAlive(toks []token, i int) bool {
	switch toks[i].low {
	case "burned", "burnt", "burning":
	default:
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+7 && toks[k].kind != tPunct; k++ {
		if toks[k].low == "alive" || toks[k].low == "death" && toks[k-1].low == "to" {
			return true
		}
	}
	return false
}

// burnWords burn: "burned houses", "torched the market", "the burning of
// the wells"; "set" burns with "fire" or "ablaze" ("set fire to", "set on
// fire").
var burnWords = set("burned", "burnt", "burn", "burning", "torched", "torch", "torching", "set", "setting")

// burnedProperty nouns are what a burning destroys: buildings, homes,
// shops, crops and wells, not people, bodies or vehicles.
var burnedProperty = set("house", "houses", "home", "homes", "shop", "shops", "building", "buildings",
	"property", "properties", "well", "wells", "field", "fields", "crop", "crops", "farm", "farms",
	"market", "markets", "mosque", "mosques", "church", "churches", "store", "stores", "school", "schools",
	"village", "villages", "office", "offices", "tent", "tents", "harvest", "orchards", "groves")

// burning reports whether the word at i tells of property burned, a
// destruction: "militiamen burned dozens of houses", "set fire to six oil
// wells", "several homes had been set on fire", "no house was burned by
// our fighters", "the burning of shops". The burned thing stands in the
// clause after the verb (active) or before it (passive), a few words off.
// People burned ("burned alive"), bodies and vehicles are no destruction
// of a place; "burning eyes" and "a burning smell" burn nothing.
func burning(toks []token, i int) bool {
	w := toks[i].low
	if !burnWords[w] {
		return false
	}
	if w == "set" || w == "setting" {
		// "set fire to", "set on fire", "set ablaze", "set the houses on fire"
		ok := false
		for k := i + 1; k < len(toks) && k <= i+6 && toks[k].kind != tPunct; k++ {
			if toks[k].low == "fire" || toks[k].low == "ablaze" || toks[k].low == "alight" {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	lo, hi := i, i
	for lo > 0 && i-lo < 8 && toks[lo-1].kind != tPunct {
		lo--
	}
	for hi+1 < len(toks) && hi-i < 8 && toks[hi+1].kind != tPunct {
		hi++
	}
	for k := lo; k <= hi; k++ {
		switch toks[k].low {
		case "alive", "bodies", "body", "corpses", "eyes", "smell", "vehicle", "vehicles", "car", "cars", "tyres", "tires":
			return false
		}
	}
	passive := i > 0 && (toks[i-1].low == "been" || toks[i-1].low == "was" || toks[i-1].low == "were" || toks[i-1].low == "be")
	for k := lo; k <= hi; k++ {
		if !burnedProperty[toks[k].low] {
			continue
		}
		if k > i || passive {
			return true
		}
	}
	return false
}

// destroyedPlace reports whether the destruction at token i is of a place
// or of buildings ("the destruction of Raqqa", "80 percent of the city has
// been destroyed", "destroyed homes"), not of vehicles, positions or
// stockpiles, which are figures of a military event.
func destroyedPlace(toks []token, i int, ms []mention) bool {
	lo, hi := i-8, i+8
	if lo < 0 {
		lo = 0
	}
	if hi > len(toks) {
		hi = len(toks)
	}
	for k := lo; k < hi; k++ {
		switch toks[k].base {
		case "vehicles", "vehicle", "positions", "position", "stockpiles", "stockpile", "weapons", "tanks", "tank", "depot", "depots", "launchers", "ammunition", "equipment", "drones", "boats":
			return false
		}
	}
	for k := lo; k < hi; k++ {
		switch toks[k].base {
		case "city", "town", "village", "neighbourhood", "neighborhood", "district", "homes", "houses", "buildings", "infrastructure", "hospitals", "schools", "percent", "earth", "cities", "towns", "villages", "mosques", "markets":
			return true
		}
	}
	for _, m := range ms {
		if m.ent.Kind == graph.KindPlace && m.ti >= lo && m.tj <= hi {
			return true
		}
	}
	return false
}

// eventDate reports whether a date can date an event the document
// reports: not a bare year, not a window a toll is counted over ("since
// the start of the month"), and not years before the document ("Dresden
// in 1945").
func (d *docState) eventDate(df *dateFound) bool {
	if df.d.Precision == graph.PrecisionYear || df.tally {
		return false
	}
	if ref, ok := d.docDate(); ok {
		if t, ok := parseISODay(df.d.To); ok && t.Before(ref.AddDate(-3, 0, 0)) {
			return false
		}
	}
	return true
}

// actorKinds are the kinds that can perpetrate an event.
func actorKind(k graph.EntityKind) bool {
	switch k {
	case graph.KindState, graph.KindGovernment, graph.KindArmy, graph.KindArmedGroup, graph.KindCoalition, graph.KindUnknown, graph.KindOrg:
		return true
	}
	return false
}

// perpetrators finds who the claim says carried out the event, best
// first: the parties in a relation to the event the rules recognise ("by
// X", "X's warplanes", "X struck", "blamed X", "responsibility lies with
// X"), or the explicit unknown.
func (d *docState) perpetrators(c *claimInfo, ev event, mask, sub []bool) []*graph.Attribution {
	toks := c.sg.toks
	// "After government forces recaptured Tikrit on 31 March, militias
	// looted homes": when the event's cue stands in a subordinate clause,
	// that clause tells the event, and its parties are the event's.
	mask, sub = clauseOfCue(mask, ev.cueI), clauseOfCue(sub, ev.cueI)
	// An explicit unknown: "unidentified aircraft", "could not tell which
	// aircraft".
	for i := range toks {
		w := toks[i].low
		if (w == "unidentified" || w == "unknown" || w == "unidentifiable") && i+1 < len(toks) && (airCues[toks[i+1].low] || strikeCues[toks[i+1].low] || agentNouns[toks[i+1].low] || unknownAgents[toks[i+1].low] && i > 0 && toks[i-1].low == "by") {
			return []*graph.Attribution{d.attribution(d.unknownEntity(), toks, i, i+2, c)}
		}
		// "Unidentified armed men attacked", "by unidentified armed
		// individuals": people armed and unidentified are the attackers
		// nobody names.
		if (w == "unidentified" || w == "unknown") && i+2 < len(toks) && toks[i+1].low == "armed" && (agentNouns[toks[i+2].low] || unknownAgents[toks[i+2].low] && toks[i+2].low != "people" || toks[i+2].low == "elements" || toks[i+2].low == "groups") {
			return []*graph.Attribution{d.attribution(d.unknownEntity(), toks, i, i+3, c)}
		}
		// "could not determine whether Russian or Syrian jets": the
		// alternatives are not attributed; the source cannot say which.
		// "was unable to identify the aircraft that carried out": the
		// same, the aircraft named.
		if (w == "identify" || w == "determine" || w == "establish") && i > 1 && toks[i-1].low == "to" && (toks[i-2].low == "unable" || toks[i-2].low == "impossible") && i+2 < len(toks) && toks[i+1].low == "the" && airCues[toks[i+2].low] {
			return []*graph.Attribution{d.attribution(d.unknownEntity(), toks, i-2, i+3, c)}
		}
		// "has not been able to determine the identity of the warplanes".
		if (w == "identify" || w == "determine" || w == "establish" || w == "confirm") && i > 3 && toks[i-1].low == "to" && toks[i-2].low == "able" && (toks[i-3].low == "not" || toks[i-4].low == "not") {
			j := i + 1
			if j < len(toks) && toks[j].low == "the" {
				j++
			}
			if j+1 < len(toks) && (toks[j].low == "identity" || toks[j].low == "nationality" || toks[j].low == "owner") && toks[j+1].low == "of" {
				j += 2
				if j < len(toks) && toks[j].low == "the" {
					j++
				}
			}
			if j < len(toks) && airCues[toks[j].low] {
				return []*graph.Attribution{d.attribution(d.unknownEntity(), toks, i-3, j+1, c)}
			}
		}
		if (w == "tell" || w == "identify" || w == "determine" || w == "say" || w == "clear" || w == "known" || w == "confirm" || w == "establish") && i > 1 && toks[i-1].low == "not" && i+1 < len(toks) && (toks[i+1].low == "which" || toks[i+1].low == "who" || toks[i+1].low == "whose" || toks[i+1].low == "whether") ||
			(w == "unclear" || w == "unknown") && i > 0 && i+1 < len(toks) && (toks[i+1].low == "who" || toks[i+1].low == "which" || toks[i+1].low == "whether") {
			j := i + 2
			for j < len(toks) && j < i+8 && !airCues[toks[j].low] && !strikeCues[toks[j].low] && !shellingCues[toks[j].low] {
				j++
			}
			if j < len(toks) && j < i+8 {
				return []*graph.Attribution{d.attribution(d.unknownEntity(), toks, i-2, j+1, c)}
			}
		}
	}
	type cand struct {
		ent   *graph.Entity
		ti    int
		tj    int
		score int
		subj  bool // read as the subject of the event verb
	}
	var cands []cand
	// Actors named in the claim, including "that coalition" references.
	var actors []mention
	for _, m := range c.ms {
		if actorKind(m.ent.Kind) {
			actors = append(actors, m)
		} else if p := d.personsForces(toks, m); p != nil {
			actors = append(actors, mention{ent: p, s: m.s, e: m.e, ti: m.ti, tj: m.tj, ref: true})
		} else if p := d.armedParty(m.ent); p != nil && m.ent.Kind == graph.KindPerson && commanderSubject(toks, m, ev.typeCue) && (c.speech == nil || c.speech.ent != m.ent) {
			// "the aggressor Haftar, using a drone ..., bombed the
			// college": a commander who acts does so with his forces.
			actors = append(actors, mention{ent: p, s: m.s, e: m.e, ti: m.ti, tj: m.tj, ref: true})
		}
	}
	speaker := d.entity(c.claim.Speaker.ID)
	// believed marks a state's adjective after "believed to be": the
	// party, even in a relative clause ("warplanes, which we believe to be
	// Russian, fired").
	believed := map[int]bool{}
	// "X denied carrying out the strike", "X claimed responsibility": the
	// speaker is the party, denied or asserted. (The claim's speaker is the
	// document's copy of a gazetteer entity: compare ids, not pointers.)
	// A state's outlet denying ("state media denied any use of chemical
	// weapons") speaks for the state's forces.
	stateOutlet := speaker != nil && speaker.Kind == graph.KindOutlet && speaker.Affiliation != nil && d.entity(*speaker.Affiliation) != nil && (d.entity(*speaker.Affiliation).Kind == graph.KindState || d.entity(*speaker.Affiliation).Kind == graph.KindGovernment)
	if c.speech != nil && speaker != nil && (actorKind(speaker.Kind) || stateOutlet && c.claim.Polarity == graph.Denied) && c.speech.ent != nil && c.speech.ent.ID == speaker.ID {
		v := c.speech.verb
		denies := v < len(toks) && (denialVerbs[toks[v].low] || toks[v].low == "admitted" || toks[v].low == "acknowledged")
		party := speaker
		if !actorKind(speaker.Kind) {
			party = d.forcesOf(d.entity(*speaker.Affiliation))
			denies = denies && toks[v].low != "admitted" && toks[v].low != "acknowledged"
		}
		// "rejects with the utmost firmness the accusations levelled
		// against it", "denied the allegations": the speaker's own part
		// in the event, denied.
		if denies && toks[v].low != "admitted" && toks[v].low != "acknowledged" {
			for k := v + 1; k < len(toks) && k < v+8; k++ {
				if w := toks[k].low; (w == "accusations" || w == "allegations" || w == "charges" || w == "accusation" || w == "allegation") && toks[k-1].low == "the" {
					actors = append(actors, mention{ent: party, s: c.speech.s, e: c.speech.e, ti: c.speech.npS, tj: c.speech.npE, ref: true})
					break
				}
				if isPunct(&toks[k], ".") || isPunct(&toks[k], ";") {
					break
				}
			}
		}
		for k := v + 1; k < len(toks) && k < v+4; k++ {
			w := toks[k].low
			// "denied shelling civilians", "admitted bombing the bridge":
			// the gerund of an event verb right after a denial or an
			// admission is the speaker's own act.
			gerund := denies && k == v+1 && strings.HasSuffix(w, "ing") && (eventVerbs[w] || typeCueFor(ev.typ, toks, k))
			// "denied any use of chemical weapons", "denies any strike
			// on the town": the event's own word after "any".
			gerund = gerund || denies && k == v+1 && w == "any" && k+1 < len(toks) && (toks[k+1].low == "use" || typeCueFor(ev.typ, toks, k+1))
			// "The group claimed the attack", "the army announced the
			// liberation of Palmyra": the speaker's own act.
			claimed := claimVerbs[toks[v].low] && (attackCues[w] || explosionCues[w] || strikeCues[w] || w == "operation" || w == "ambush" || w == "assassination" || w == "killing") ||
				announceVerbs[toks[v].low] && ev.typ == graph.EventCapture && captureCues[w]
			if !actorKind(speaker.Kind) && !(denies && (gerund || partNouns[w])) {
				continue
			}
			if gerund || claimed || w == "responsibility" || partNouns[w] || w == "carrying" || w == "conducting" || w == "launching" {
				actors = append(actors, mention{ent: party, s: c.speech.s, e: c.speech.e, ti: c.speech.npS, tj: c.speech.npE, ref: true})
				break
			}
		}
	}
	for i := range toks {
		w := toks[i].low
		// "the coalition" refers back; "a coalition of rebel groups" is
		// an alliance the text describes; "the Jaysh al-Fatah coalition"
		// is the named group's own word for itself.
		if toks[i].base == "coalition" && !toks[i].cap && coveredBy(c.ms, i) < 0 && !(i > 0 && (toks[i-1].low == "a" || toks[i-1].low == "an") && i+1 < len(toks) && toks[i+1].low == "of") && !namedAlliance(c.ms, i) {
			if e := d.recentCoalition(); e != nil {
				actors = append(actors, mention{ent: e, s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1, ref: true})
			}
		}
		if dn, ok := d.demonymParty(&toks[i]); ok && coveredBy(c.ms, i) < 0 {
			// "believed to be Russian", "Anglo-American bombing"; "Russian
			// aviation" is the state's air force (the word alone, "civil
			// aviation", tells no strike).
			prevBelieved := i >= 2 && toks[i-1].low == "be" || w == "anglo-american"
			// "a Turkish occupation drone", "the Turkish occupation army":
			// the word its opponents use for the state's forces.
			n := i + 1
			if n+1 < len(toks) && toks[n].low == "occupation" && !toks[n].cap {
				n++
			}
			// "Russian Su-34 bombers", "Turkish fixed-wing aircraft": a
			// model or a kind of aircraft before the aircraft.
			for k := n; k < len(toks) && k < n+2 && craftModifier(&toks[k]); k++ {
				if k+1 < len(toks) && (airCues[toks[k+1].low] || toks[k+1].low == "helicopters" || toks[k+1].low == "helicopter") {
					n = k + 1
					break
				}
			}
			nextCue := n < len(toks) && (airCues[toks[n].low] || toks[n].low == "air" || toks[n].low == "aviation" || strikeCues[toks[n].low] || campaignCues[toks[n].low] || shellingCues[toks[n].low] || attackCues[toks[n].low] || forcesNouns[toks[n].base])
			// "Iranian militias" in Syria: the militias a foreign state
			// backs, not its own armed forces.
			if n < len(toks) && (toks[n].low == "militias" || toks[n].low == "militia" || toks[n].low == "militiamen") && toks[i].cap {
				if g := d.knownBacked(toks[i].text, toks[n].low); g != nil {
					actors = append(actors, mention{ent: g, s: toks[i].s, e: toks[n].e, ti: i, tj: n + 1})
					continue
				}
			}
			if prevBelieved || nextCue && !aidDrop(toks, n) {
				if e := d.lookup(dn); e != nil {
					if prevBelieved {
						believed[i] = true
					}
					actors = append(actors, mention{ent: e, s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1})
				}
			}
		}
		// "it had not carried out", "we did not target": a pronoun subject
		// of an event verb is the speaker, or whom the discourse points to.
		if (w == "it" || w == "we" || w == "they") && i+1 < len(toks) && speaker != nil {
			for k := i + 1; k < len(toks) && k < i+5; k++ {
				// "we did not fire", "they never target": the base form after a negation.
				// ("We have taken note of the reports": no act.)
				if eventVerbs[toks[k].low] && !(k+1 < len(toks) && idiomObjects[toks[k+1].low]) || attackCues[toks[k].low] && k > i+1 || baseEventVerbs[toks[k].low] && (toks[k-1].low == "not" || toks[k-1].low == "never") {
					var e *graph.Entity
					switch {
					case w == "we" || actorKind(speaker.Kind) && (w == "it" || w == "they" && speakerSubject(c, i)):
						// ("The SDF said on Wednesday they had taken the
						// dam": the speaker's own act.)
						e = speaker
						if w == "we" {
							e = d.voice
							// '"We struck a militia gathering," a coalition
							// spokesman said': in a quotation "we" is its
							// speaker's party, not the document's voice.
							if c.speech != nil && quotedAt(toks, i) {
								if p := d.speakersParty(speaker); p != nil {
									e = p
								}
							}
						}
					case w == "they":
						e = d.theyParty(c, i)
					}
					if e != nil && actorKind(e.Kind) {
						actors = append(actors, mention{ent: e, s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1, ref: true})
					}
					break
				}
				// "it had no record of a strike there": a party that
				// keeps no record of the strike denies its own.
				if noRecordOf(toks, k) && actorKind(speaker.Kind) && w == "it" {
					actors = append(actors, mention{ent: speaker, s: toks[i].s, e: toks[i].e, ti: i, tj: i + 1, ref: true})
					break
				}
				if !(negAux[toks[k].low] || toks[k].low == "not" || toks[k].low == "never" || toks[k].low == "had" || toks[k].low == "also" || toks[k].low == "did" || isQuote(&toks[k])) {
					break
				}
			}
		}
		// "A spokesman for Kata'ib Hezbollah said the group had not entered
		// al-Dur": "the group" opening the reported clause is the
		// speaker's own.
		if (w == "group" || w == "movement" || w == "organisation" || w == "organization") && i > 0 && toks[i-1].low == "the" && speakerSubject(c, i-1) && i+1 < len(toks) {
			if p := d.partyOf(speaker); p != nil && p.Kind != graph.KindState {
				actors = append(actors, mention{ent: p, s: toks[i-1].s, e: toks[i].e, ti: i - 1, tj: i + 1, ref: true})
			}
		}
		// "its aircraft", "our forces": the speaker's own forces; "said its
		// fighters had carried out": the speaker's fighters acting.
		if (w == "its" || w == "our" || w == "their") && i+1 < len(toks) && (airCues[toks[i+1].low] || airForceAt(toks, i+1) || w == "our" && forcesNouns[toks[i+1].base] || ownForces(toks, i, c)) {
			// "The regime committed a massacre when its warplanes struck":
			// another party named as the sentence's subject owns them.
			if w != "our" && d.leadingParty(c, i, speaker) != nil {
				continue
			}
			if p := d.partyOf(speaker); p != nil {
				actors = append(actors, mention{ent: p, s: toks[i].s, e: toks[i+1].e, ti: i, tj: i + 2, ref: true})
			}
		} else if w == "our" && i+2 < len(toks) && (praiseWords[toks[i+1].low] || forceKinds[toks[i+1].low]) {
			// "Our heroic forces", "our brave security forces": the speaker's
			// own forces, praised.
			j := i + 2
			if j+1 < len(toks) && !forcesNouns[toks[j].base] && (praiseWords[toks[j].low] || forceKinds[toks[j].low]) {
				j++
			}
			if forcesNouns[toks[j].base] {
				if p := d.partyOf(speaker); p != nil {
					actors = append(actors, mention{ent: p, s: toks[i].s, e: toks[j].e, ti: i, tj: j + 1, ref: true})
				}
			}
		}
	}
	isCue := func(k int) bool {
		return k >= 0 && k < len(toks) && ev.typeCue[k] && !(k > 0 && toks[k-1].low == "to")
	}
	cueBefore := func(k, n int) bool {
		for j := k - 1; j >= 0 && j >= k-n; j-- {
			if isCue(j) {
				return true
			}
		}
		return false
	}
	// "fighters of Lebanon's Hezbollah": a state in the possessive right
	// before an armed group names the group's country; the phrase is the
	// group, read where the state's name stands.
	for k := range actors {
		if actors[k].ent.Kind == graph.KindState {
			if g := groupAfterPossessive(toks, c.ms, actors[k]); g != nil {
				actors[k] = mention{ent: g.ent, s: actors[k].s, e: g.e, ti: actors[k].ti, tj: g.tj}
			}
		}
	}
	for _, m := range actors {
		if m.ti < len(mask) && mask[m.ti] && believed[m.ti] && m.ti >= 2 && toks[m.ti-2].low == "to" {
			cands = append(cands, cand{m.ent, m.ti, m.tj, 5, false})
			continue
		}
		// "warplanes that we believe belong to the US-led coalition",
		// "aircraft belonging to the coalition": the owner of the aircraft.
		if aircraftOwner(toks, m.ti) {
			cands = append(cands, cand{m.ent, m.ti, m.tj, 5, false})
			continue
		}
		if m.ti < len(mask) && mask[m.ti] {
			// "Iraqi forces, supported by the PMF, liberated": a supporting
			// party takes part in the act.
			// (An organisation acts only in plain words, as below.)
			if ev.typ != "" && m.ent.Kind != graph.KindOrg && (supportedBy(toks, m.ti) || m.ti >= 2 && toks[m.ti-1].low == "and" && supportedBy(toks, m.ti-2)) {
				cands = append(cands, cand{m.ent, m.ti, m.tj, 4, false})
			}
			continue
		}
		// (A short reference to a speaking ministry, "The Ministry said
		// the bombing left 60 wounded", is the speaker too, not the
		// state's forces.)
		if c.speech != nil && (!m.ref || m.ent == speaker && m.ent.Kind == graph.KindGovernment) && m.ti >= c.speech.npS && m.tj <= c.speech.npE && c.speech.verb < len(toks) && !denialVerbs[toks[c.speech.verb].low] && !(claimVerbs[toks[c.speech.verb].low] && c.speech.npS > c.speech.verb) {
			// The speaker that blames or reports is not the party: "The
			// Salvation Government blamed cells of ISIS for the bombing".
			continue
		}
		score, subj := 0, false
		// The two words before the name, skipping quotation marks; before
		// "fighters of", "remnants of the" when the name follows such a
		// noun, which is the party's own people: "captured by the fighters
		// of X" is captured by X.
		h := memberHead(toks, m.ti)
		if m.ref && m.ent.Kind != graph.KindPerson && h == m.ti {
			// "blamed forces loyal to X": the forces' noun stands where
			// the party would.
			if fh := forcesHead(toks, m.ti); fh >= 0 {
				h = fh
			}
		}
		pre, pre2 := "", ""
		for k, n := h-1, 0; k >= 0 && n < 2; k-- {
			if isQuote(&toks[k]) {
				continue
			}
			if n == 0 {
				pre = toks[k].low
			} else {
				pre2 = toks[k].low
			}
			n++
		}
		byAt := -1
		switch {
		case pre == "by":
			byAt = h - 1
		case pre2 == "by":
			byAt = h - 2
		case h > 2 && toks[h-3].low == "by" && (pre2 == "the" || pre2 == "a" || pre2 == "an"):
			byAt = h - 3
		}
		possessive := strings.HasSuffix(toks[m.tj-1].low, "'s")
		// "armed groups affiliated to X committed": the named group acts,
		// not the object of a preposition; it is scored as the subject its
		// head noun is.
		affiliated := affiliatedTo(toks, m.ti)
		blamedOn := false
		if affiliated && byAt < 0 {
			// "was struck by aircraft belonging to the Syrian government":
			// the agent's head noun, after "by", is the party's.
			j := m.ti - 1
			for j >= 0 && toks[j].low != "to" && toks[j].low != "with" {
				j--
			}
			for b := j - 2; b >= 0 && b >= j-5; b-- {
				if toks[b].low == "by" {
					byAt = b
					break
				}
				// "blamed the kidnapping on a cell loyal to X": the
				// head noun is blamed, and X with it.
				if toks[b].low == "on" && blamedBefore(toks, b) {
					blamedOn = true
					break
				}
				if toks[b].kind != tWord || verbLike(toks[b].low) {
					break
				}
			}
		}
		responsible := false
		for j := m.tj; j < len(toks) && j < m.tj+3; j++ {
			if toks[j].low == "responsible" {
				responsible = true
			}
		}
		switch {
		case possessive && m.ent.Kind == graph.KindState && placeWithin(c.ms, m.tj, 1):
			score = 0 // "in Iraq's Salahuddin province": the country a place lies in
		case pre == "in" && m.ent.Kind == graph.KindState && (m.tj >= len(toks) || toks[m.tj].kind == tPunct || toks[m.tj].low == "and" || toks[m.tj].low == "since"):
			score = 0 // "any military operation in Libya": where, not who
		case fabricator(toks, m.ti, c):
			score = 6 // "reports fabricated by the White Helmets"
		case relativeSubject(toks, m.tj, isCue):
			score, subj = 4, true // "clashed with armed groups who had attacked the village"
		case pre == "of" && (pre2 == "hallmarks" || pre2 == "hallmark" || pre2 == "signature" || pre2 == "fingerprints"):
			score = 5 // "the killings bore the hallmarks of Islamic State sleeper cells"
		case identifiedAgents(toks, h, pre, pre2):
			score = 6 // "the gunmen were members of X", "the attackers belonged to X"
		case blamedOn, pre == "on" && blamedBefore(toks, h-1), (pre == "the" || pre == "a" || pre == "an") && pre2 == "on" && h >= 2 && blamedBefore(toks, h-2), pre == "to" && (attributedBefore(toks, h-1) || blamedBefore(toks, h-1) && toks[h-2].low == "it"),
			pre == "the" && pre2 == "to" && h >= 2 && attributedBefore(toks, h-2):
			score = 6 // "was blamed by activists on government forces"
		case pre == "to" && fallBefore(toks, h-1):
			score = 5 // "Khan Shaykhun fell to government forces", "the fall of Saraqib to regime forces"
		case supportedBy(toks, m.ti) && ev.typ != "":
			score = 4 // "recaptured the town ... backed by Russian air strikes"
		case pre == "with" && (pre2 == "lies" || pre2 == "entirely" || pre2 == "rests"), pre == "entirely" || pre == "squarely":
			score = 6 // "responsibility lies with X"
		case blameVerbs[pre] || blameVerbs[pre2] || blameTo(toks, m.ti) || pre == "held" || pre == "holds" || pre2 == "holds" || pre2 == "held" || pre == "be" && pre2 == "to":
			score = 6
		case m.ref && c.speech != nil && m.ti == c.speech.npS && m.ent == speaker:
			score = 6 // the speaker's own denial or claim of responsibility
		case responsible:
			score = 6
		case ev.typ == graph.EventCapture && (pre == "from" && captureCues[pre2] || pre == "the" && pre2 == "from" && h >= 3 && captureCues[toks[h-3].low] || (pre == "from" || pre == "the" && pre2 == "from") && captureCueBefore(toks, h, 6)):
			score = 0 // "was liberated from terrorists by X", "captured from Daesh": whom the place was taken from
		case pre == "from" && (cueBefore(h-1, 2) || pre2 == "fire" || attackCues[pre2] || shellingCues[pre2]),
			pre == "the" && pre2 == "from" && h >= 3 && (cueBefore(h-2, 2) || toks[h-3].low == "fire" || attackCues[toks[h-3].low] || shellingCues[toks[h-3].low]):
			score = 5 // "came under attack from regime helicopters", "from the Syrian army"
		case positionsOf(toks, m.ti):
			score = 5 // "came under fire from the positions of the SDF"
		case (pre == "of" || pre2 == "of" && (pre == "the" || pre == "a")) && m.ti >= 2 && weaponBefore(toks, m.ti, 3):
			score = 5 // "strikes by aircraft, helicopters and artillery of the US-led coalition"
		case pre == "against" || pre == "on" || pre == "at" || pre == "targeting" || pre == "targeted" || pre2 == "against" || pre == "with" && !affiliated || pre2 == "control" || pre == "from" || pre == "to" && !affiliated || pre == "for" || pre == "into" || pre == "of" && pre2 == "positions":
			score = 0
		case gatheringOf(toks, h):
			score = 0 // "drove his car bomb into a gathering of the militias of X": the target
		case byAt >= 1 && fabricationVerb(toks, byAt-1) && !toks[m.ti].cap:
			score = 0 // "fabricated by terrorists": an epithet in a denial, not a party named
		case byAt >= 1 && toks[byAt-1].low == "led" && ledCoalition(toks, c.ms, byAt-1):
			score = 0 // "the coalition led by the United States bombed": the coalition acts
		case byAt >= 1 && toks[byAt-1].low == "led" && cueBefore(byAt-1, 12):
			score = 5 // "The offensive on X, which began on Monday, was led by Y": Y wages it
		case byAt >= 0 && (cueBefore(byAt, 4) || isCue(m.tj)):
			score = 5
		case byAt >= 1 && attemptNouns[toks[byAt-1].low] && eventSubject(toks, byAt-1), pre == "of" && h >= 2 && attemptNouns[toks[h-2].low] && eventSubject(toks, h-2), pre == "the" && pre2 == "of" && h >= 3 && attemptNouns[toks[h-3].low] && eventSubject(toks, h-3):
			score = 5 // "The bombing is a desperate attempt by X", "the attack was the work of X"
		case byAt >= 1 && toks[byAt-1].low != "imposed" && imposedBy(toks, byAt, isCue):
			score = 5 // "the siege imposed on the city by X"
		case byAt >= 0:
			score = 2
		case (pre == "of" || pre2 == "of" && (pre == "the" || pre == "a")) && m.ti >= 2 && cueBefore(m.ti, 3):
			score = 5
		case m.tj < len(toks) && (isCue(m.tj) || possessive && (isCue(m.tj) || m.tj+1 < len(toks) && isCue(m.tj+1)) || toks[m.tj].low == "air" && isCue(m.tj+1)):
			// ("Russian air strikes": the party's adjective before "air".)
			score = 5
			// "X shelled": the subject of the verb right after it.
			subj = !possessive && eventVerbs[toks[m.tj].low] && verbLike(toks[m.tj].low)
		case h > 0 && (eventVerbs[pre] || toks[h-1].kind == tNum || pre == "expelling" || pre == "killing" || pre == "against"),
			// "eliminated dozens of terrorists": the people a toll counts.
			pre == "of" && (pre2 == "dozens" || pre2 == "hundreds" || pre2 == "scores" || pre2 == "thousands" || h >= 2 && toks[h-2].kind == tNum):
			score = 0 // the object of the verb: "killed 85 terrorists"
		default:
			// Subject of an event verb within a few words, across a
			// parenthetical ("Government forces, supported by ..., took")
			// and a coordinated subject ("X and Y recaptured").
			limit := m.tj + 8
			// The aside may open after the party's acronym or a noun for
			// its people: "the YPJ (YPJ), together with X, liberated",
			// "Hezbollah fighters, in cooperation with Y, took".
			asideAt := pastBrackets(toks, m.tj)
			// "armed groups led by Hay'at Tahrir al-Sham (HTS), together
			// with ..., launched": the leader's name and acronym are part
			// of the subject, and the leader shares its act.
			var leader *mention
			if p := m.tj + 2; p < len(toks) && toks[m.tj].low == "led" && toks[m.tj+1].low == "by" {
				if toks[p].low == "the" && p+1 < len(toks) {
					p++
				}
				// (Only before an aside: "Rebels led by X captured" reads
				// its subject as it always did.)
				if k := coveredBy(c.ms, p); k >= 0 && c.ms[k].ti == p && actorKind(c.ms[k].ent.Kind) {
					if a := pastBrackets(toks, c.ms[k].tj); a < len(toks) && isPunct(&toks[a], ",") {
						leader = &c.ms[k]
						asideAt = a
						limit = asideAt + 8
					}
				}
			}
			if asideAt+3 < len(toks) && toks[asideAt].low == "and" && toks[asideAt+1].low == "armed" && toks[asideAt+2].low == "forces" && isPunct(&toks[asideAt+3], ",") {
				asideAt += 2 // "Units of the army and armed forces, ...": state media's one name for the army
			}
			if asideAt+1 < len(toks) && (memberNouns[toks[asideAt].low] || toks[asideAt].low == "forces" || toks[asideAt].low == "units") && isPunct(&toks[asideAt+1], ",") {
				asideAt++
			}
			bound := m.tj + 14
			for j := m.tj; j < len(toks) && j < bound; j++ {
				// "Armed groups, among them A of B and C, seized": a
				// list of the subject's members, however long, before
				// the verb.
				if j == asideAt && memberAside(toks, j) {
					if k := asideEnd(toks, j); k > 0 {
						j, limit = k, max(k+2, asideVerb(toks, k))
						bound = max(bound, k+3, limit+1)
						continue
					}
				}
				if j < len(mask) && mask[j] || isPunct(&toks[j], ",") && (j+1 < len(mask) && mask[j+1] || j > 0 && mask[j-1]) {
					// A masked phrase of support ("supported by the
					// aircraft of the international coalition") takes none
					// of the words the verb may stand after the party.
					if j < len(sub) && sub[j] {
						limit++
						bound++
					}
					continue
				}
				// "Kurdish fighters backed by U.S.-led air strikes
				// recaptured": the support between subject and verb.
				if sub[j] || supportWords[toks[j].low] && j+1 < len(toks) && toks[j+1].low == "by" {
					limit++
					continue
				}
				// "Government forces, advancing from the south, shelled":
				// a phrase between commas right after the party, with the
				// event verb right after the second comma.
				if j == asideAt && isPunct(&toks[j], ",") {
					if k := asideEnd(toks, j); k > 0 {
						j, limit = k, max(k+2, asideVerb(toks, k))
						bound = max(bound, k+3, limit+1)
						continue
					}
				}
				// "An alliance of insurgents including al Qaeda's Syrian
				// wing, the Nusra Front, captured the town": a party in
				// apposition to the subject, with the verb after it.
				if j == m.tj && isPunct(&toks[j], ",") && j+1 < len(toks) && eventVerbs[toks[j+1].low] && verbLike(toks[j+1].low) && appositive(toks, m.ti) {
					score = 4
					break
				}
				if eventVerbs[toks[j].low] || takesControl(toks, j) || toks[j].low == "opened" && j+1 < len(toks) && toks[j+1].low == "fire" && (ev.typ == graph.EventAttack || ev.typ == graph.EventShelling) || gasVerb(toks, j) || reliefVerb(toks, j) || absenceAt(toks, j, m.ti) && d.ownSide(m.ent, speaker) || noFlights(toks, j) || toks[j].low == "to" && j+1 < len(toks) && baseEventVerbs[toks[j+1].low] || negAux[toks[j].low] && j+2 < len(toks) && (toks[j+1].low == "not" || toks[j+1].low == "never") && (eventVerbs[toks[j+2].low] || baseEventVerbs[toks[j+2].low]) || negAux[toks[j].low] && j+1 < len(toks) && eventVerbs[toks[j+1].low] {
					// "120 militants were killed": the subject of a passive
					// verb is what it happened to.
					// "have been waging an offensive" is progressive, not passive.
					if j > 0 && copulas[toks[j-1].low] && eventVerbs[toks[j].low] && !strings.HasSuffix(toks[j].low, "ing") || copulas[toks[j].low] && j+1 < len(toks) && eventVerbs[toks[j+1].low] && !strings.HasSuffix(toks[j+1].low, "ing") {
						break
					}
					score, subj = 4, true
					switch toks[j].low {
					case "staged", "fabricated", "faked", "staging":
						score = 5 // "the White Helmets staged the attack"
					}
					if leader != nil {
						cands = append(cands, cand{leader.ent, leader.ti, leader.tj, score, false})
						// "Rebels led by the Nusra Front": the group that
						// leads them names the party the common noun does
						// not.
						if m.ent.Name == oppositionName {
							score = 0
						}
					}
					break
				}
				if isPunct(&toks[j], ",") || isPunct(&toks[j], ".") || j >= limit {
					break
				}
				// "Nine members of the security forces were martyred when
				// a terrorist group attacked": the party is the subject of
				// a passive and the event verb is another clause's.
				if copulas[toks[j].low] && j+1 < len(toks) && strings.HasSuffix(toks[j+1].low, "ed") || clauseOpeners[toks[j].low] {
					break
				}
				// "The Centre has established that the footage of the
				// strike": a complement clause, not the party's act.
				if toks[j].low == "that" && j > m.tj && j+1 < len(toks) && (toks[j+1].low == "the" || toks[j+1].low == "a" || toks[j+1].low == "an" || toks[j+1].cap) {
					break
				}
			}
		}
		if m.ent.Kind == graph.KindOrg && score < 5 {
			score = 0 // an organisation acts only in plain words: "staged by X"
		}
		if score > 0 {
			cands = append(cands, cand{m.ent, m.ti, m.tj, score, subj})
		}
	}
	// "Fighters of the Nusra Front, the Islam Army and other battalions
	// stormed": the parties listed before the one read as the subject
	// share its act.
	for changed := true; changed; {
		changed = false
		for _, m := range actors {
			if m.ref || m.ti < len(mask) && mask[m.ti] || m.tj >= len(toks) {
				continue
			}
			known := false
			for _, cd := range cands {
				if cd.ti == m.ti {
					known = true
				}
			}
			// ("groups affiliated to X, Y and Z committed": X after "to"
			// is the party the groups belong to, not an object.)
			if known || objectBefore(toks, m.ti) && !affiliatedTo(toks, m.ti) {
				continue
			}
			k := m.tj
			// "the People's Protection Units (YPG) and the Women's
			// Protection Units (YPJ) captured": past the party's acronym.
			k = pastBrackets(toks, k)
			named := k
			if k < len(toks) && isPunct(&toks[k], ",") {
				k++
			}
			if k < len(toks) && toks[k].low == "and" {
				k++
			}
			if k == named {
				continue
			}
			// ("The Turkish army and its mercenaries of the so-called
			// Syrian National Army have resorted to": past a possessive
			// and a noun for the second party's people.)
			for k < len(toks) && (toks[k].low == "the" || toks[k].low == "other" || toks[k].low == "so-called" || toks[k].low == "its" || toks[k].low == "their" || isQuote(&toks[k])) {
				k++
			}
			for _, cd := range cands {
				if cd.subj && (cd.ti == k || memberHead(toks, cd.ti) == k) && cd.ent.ID != m.ent.ID {
					cands = append(cands, cand{m.ent, m.ti, m.tj, cd.score, true})
					changed = true
					break
				}
			}
		}
	}
	// "besieged by Hezbollah and regime forces": a party coordinated with a
	// party in a strong relation to the event shares it.
	// "Rebel factions, including Ahrar al-Sham and Jaysh al-Islam,
	// shelled", "armed groups, among them X and Y, seized": the parties
	// an aside lists as members of the subject share its act.
	for _, m := range actors {
		// (The aside is masked as a subordinate phrase: read it anyway.)
		if m.ref || m.ti < 3 {
			continue
		}
		k := m.ti - 1
		for k > 0 && (toks[k].low == "the" || toks[k].low == "and" || isQuote(&toks[k]) || isPunct(&toks[k], ",") || coveredBy(c.ms, k) >= 0 && actorKind(c.ms[coveredBy(c.ms, k)].ent.Kind)) {
			k--
		}
		intro := k
		switch {
		case k >= 1 && toks[k].low == "including":
		case k >= 2 && toks[k].low == "them" && toks[k-1].low == "among":
			intro = k - 1
		default:
			continue
		}
		if intro < 2 || !isPunct(&toks[intro-1], ",") {
			continue
		}
		for _, cd := range cands {
			if cd.subj && cd.tj == intro-1 && cd.ent.ID != m.ent.ID {
				cands = append(cands, cand{m.ent, m.ti, m.tj, cd.score, false})
				break
			}
		}
	}
	staged := map[int]bool{}
	// "besieged by Ahrar al-Sham and the Jaysh al-Islam group", "backed by
	// Hezbollah and the National Defence Forces": past an article or a
	// quotation mark after "and" (not after a comma: ", the Red Crescent
	// said" is the speaker).
	for _, m := range actors {
		// "the assault of the regime and the militias of Hezbollah": past
		// a noun for the party's people.
		k := memberHead(toks, m.ti) - 1
		for k > 0 && (toks[k].low == "the" || toks[k].low == "so-called" || isQuote(&toks[k])) {
			k--
		}
		if k < 1 || toks[k].low != "and" && !(k == m.ti-1 && isPunct(&toks[k], ",")) {
			continue
		}
		// ("staged by the Nusra Front (HTS) and the White Helmets": past
		// the first party's acronym.)
		for _, cd := range cands {
			if (cd.tj == k || pastBrackets(toks, cd.tj) == k) && cd.score >= 4 && cd.ent.ID != m.ent.ID {
				cands = append(cands, cand{m.ent, m.ti, m.tj, cd.score, false})
				// The second agent of a staging a denial names is
				// asserted as the first is.
				if fabricationAgent(toks, cd.ti) || fabricator(toks, cd.ti, c) {
					staged[m.ti] = true
				}
				break
			}
		}
	}
	strong := false
	for _, cd := range cands {
		if cd.score >= 4 {
			strong = true
		}
	}
	if !strong {
		// "Militants had brought containers of chlorine into the town to
		// stage an attack": the subject of a clause that stages or
		// fabricates the event, however far the staging word.
		if m := stagingSubject(toks, actors, c, mask); m != nil {
			cands = append(cands, cand{m.ent, m.ti, m.tj, 4, false})
			strong = true
		}
	}
	helpedEnd := -1 // where the last helper named ends
	for _, m := range actors {
		if m.ti < len(mask) && mask[m.ti] || m.ref {
			continue
		}
		// "with the participation of X and the Y forces": a party
		// coordinated with a helper helps too.
		k := m.ti - 1
		if k > 0 && toks[k].low == "the" {
			k--
		}
		coHelper := helpedEnd >= 0 && k >= 0 && toks[k].low == "and" && (k == helpedEnd || k == helpedEnd+1 && toks[helpedEnd].low == "forces")
		switch {
		case strong && (helpedBy(toks, m.ti) || coHelper):
			// "staged by the White Helmets with the help of the militants
			// of Jaysh al-Izza": the helper takes part.
			cands = append(cands, cand{m.ent, m.ti, m.tj, 4, false})
			helpedEnd = m.tj
		case praisedFor(toks, m.ti, m.tj, isCue):
			// "The Coalition congratulates the Iraqi Security Forces on
			// the liberation of al-Qaim": the party praised for the act.
			cands = append(cands, cand{m.ent, m.ti, m.tj, 5, false})
		}
	}
	// "The coalition continues its strikes", "Its strikes have killed":
	// a possessive before the event's cue stands for the party named last
	// before it in the sentence, else for the party the previous sentence
	// named. The speaker's own aircraft are read above.
	for i := 0; i+1 < len(toks); i++ {
		w := toks[i].low
		// "its units struck": forces of the party, acting.
		forces := forcesNouns[toks[i+1].base] && !airCues[toks[i+1].low] && i+2 < len(toks) && (eventVerbs[toks[i+2].low] || i+3 < len(toks) && (toks[i+2].low == "had" || toks[i+2].low == "have" || toks[i+2].low == "also") && eventVerbs[toks[i+3].low])
		if w != "its" && w != "their" || !possessedCue(toks[i+1].low) && !forces || mask[i] {
			continue
		}
		lead := d.leadingParty(c, i, speaker)
		if airCues[toks[i+1].low] && speaker != nil && actorKind(speaker.Kind) && lead == nil {
			continue
		}
		// The party is the subject of the possessive's own clause: a few
		// words before it, no punctuation or "that" between.
		var ref *graph.Entity
		for k := range c.ms {
			m := &c.ms[k]
			if m.tj > i || !actorKind(m.ent.Kind) || m.ti < len(mask) && mask[m.ti] {
				continue
			}
			// "The Nusra Front, which is entrenched in Jobar, has stepped
			// up its shelling": past a relative clause between commas.
			from := m.tj
			if k := relativeAside(toks, m.tj); k > 0 && k < i {
				from = k + 1
			}
			if i-from > 4 {
				continue
			}
			clause := true
			for j := from; j < i; j++ {
				if toks[j].kind == tPunct || toks[j].low == "that" || toks[j].low == "and" || toks[j].low == "against" || toks[j].low == "on" {
					clause = false
				}
			}
			if clause {
				ref = m.ent
			}
		}
		if ref == nil {
			ref = lead
		}
		if ref == nil && (i <= 1 || forces && !actorBefore(c.ms, i)) {
			ref = d.prevActor
		}
		if ref != nil {
			cands = append(cands, cand{ref, i, i + 2, 5, false})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score > cands[b].score
		}
		return cands[a].ti < cands[b].ti
	})
	var out []*graph.Attribution
	seen := map[uuid.UUID]bool{}
	for k, cd := range cands {
		// Weak readings only stand alone; strong ones may be several.
		if cd.score < 4 && (k > 0 || len(cands) > 1) {
			continue
		}
		e := d.forcesOf(cd.ent)
		// (An armed group that blames "terrorists" counter-blames its
		// enemy, a party: kept.)
		if seen[e.ID] || e.Name == oppositionName && !d.oppositionTheatre() && !(speaker != nil && speaker.Kind == graph.KindArmedGroup) {
			continue
		}
		seen[e.ID] = true
		a := d.attribution(e, toks, cd.ti, cd.tj, c)
		if staged[cd.ti] {
			a.Polarity = graph.Affirmed
		}
		out = append(out, a)
	}
	if len(out) == 0 && ev.typ == graph.EventAirstrike {
		// "a warplane struck": an aircraft the source does not identify.
		for i := 0; i+1 < len(toks); i++ {
			if (toks[i].low == "a" || toks[i].low == "an") && airCues[toks[i+1].low] && !(i+1 < len(mask) && mask[i+1]) {
				a := d.attribution(d.unknownEntity(), toks, i, i+2, c)
				a.Hedge = ""
				return []*graph.Attribution{a}
			}
		}
	}
	return out
}

// agentNouns name people by what they did ("unidentified gunmen");
// unknownAgents are people an explicit unknown names only as the agent
// ("shot dead by unknown persons"), since "unidentified men" may be the
// dead.
var (
	agentNouns    = set("gunmen", "assailants", "attackers", "groups")
	unknownAgents = set("persons", "men", "individuals", "people")
)

// craftMods are the words that say what kind of aircraft follows:
// "combat jets", "fixed-wing aircraft".
var craftMods = set("combat", "fighter", "fixed-wing", "rotary-wing", "unmanned", "military", "attack", "strategic", "sukhoi", "mig", "tupolev")

// craftModifier reports whether the token says which kind or model of
// aircraft follows: a word of craftMods, or a model's designation, letters
// then a hyphen and a number ("Su-34", "MiG-23", "F-16", "Tu-22M3").
func craftModifier(t *token) bool {
	if t.kind != tWord {
		return false
	}
	if craftMods[t.low] {
		return true
	}
	k := strings.IndexByte(t.text, '-')
	if k < 1 || k > 4 || k+1 >= len(t.text) || t.text[0] < 'A' || t.text[0] > 'Z' {
		return false
	}
	for _, r := range t.text[:k] {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return t.text[k+1] >= '0' && t.text[k+1] <= '9'
}

// claimVerbs claim an act as the speaker's own: "IS claimed the attack";
// announceVerbs announce a capture: "the army announced the liberation of".
var (
	claimVerbs    = set("claimed", "claims", "claim", "claiming", "adopted")
	announceVerbs = set("announced", "announces", "declared", "declares", "confirmed", "confirms", "completed", "completes", "claimed")
)

// blameTo reports whether the party at ti is the object of "to blame"
// ("were quick to blame "terrorists" for"), across an article and
// quotation marks; not "in order to blame", which tells a motive.
func blameTo(toks []token, ti int) bool {
	k := ti - 1
	for k >= 0 && (isQuote(&toks[k]) || toks[k].low == "the") {
		k--
	}
	if k < 1 || toks[k].low != "blame" || toks[k-1].low != "to" {
		return false
	}
	return k < 2 || toks[k-2].low != "order" && toks[k-2].low != "as"
}

// blamedBefore reports whether the preposition at p ("on", "to") closes a
// blame: "blamed the attack on X", "was blamed by activists on X", "pinned
// it on X": a verb of blame a few words before, in the same clause.
func blamedBefore(toks []token, p int) bool {
	for k := p - 1; k >= 0 && k >= p-8; k-- {
		switch toks[k].low {
		case "blamed", "blames", "blame", "blaming", "pin", "pinned", "pins", "pinning":
			return true
		}
		if toks[k].kind == tPunct && toks[k].text != "\"" {
			return false
		}
	}
	return false
}

// framedBlame reports whether the party at ti is the one others try to
// blame, by the speaker's account: "were trying to pin it on the army",
// "in an attempt to blame the Kurdish forces", "seeking to blame it on
// the regime". The speaker clears the party the blame is wished on.
func framedBlame(toks []token, ti int) bool {
	k := ti - 1
	for k >= 0 && (isQuote(&toks[k]) || toks[k].low == "the") {
		k--
	}
	if k < 0 {
		return false
	}
	b := -1
	switch toks[k].low {
	case "blame", "frame":
		b = k
	case "on", "to":
		for j := k - 1; j >= 0 && j >= k-6; j-- {
			if w := toks[j].low; w == "pin" || w == "blame" || w == "attribute" {
				b = j
				break
			}
			if toks[j].kind == tPunct && !isQuote(&toks[j]) {
				return false
			}
		}
	}
	if b < 2 || toks[b-1].low != "to" {
		return false
	}
	switch toks[b-2].low {
	case "trying", "tried", "try", "tries", "attempt", "attempting", "attempted", "seeking", "sought", "seek", "order", "wanted", "want", "wants", "aim", "aimed", "aiming", "bid":
		return true
	}
	return false
}

// fallBefore reports whether "to" at p ends a fall: "fell to X", "the fall
// of Saraqib to X", "surrendered the town to X".
func fallBefore(toks []token, p int) bool {
	return wordBefore(toks, p, 6, "fell", "fall", "falls", "falling", "surrendered", "handed", "lost", "ceded")
}

// supportedBy reports whether the party at ti is named as supporting an
// act: "backed by Russian air strikes", "supported by the PMF", "with
// the support of Russian aircraft", "with Russian air cover" (up to two
// words between the support word and the party).
// remoteSupport reports whether the support word at i is qualified as help
// given from afar ("logistical", "intelligence", "financial", "political"
// support, or two of them joined by "and").
func remoteSupport(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].low {
		case "logistical", "logistic", "intelligence", "financial", "political", "diplomatic", "media", "material":
			return true
		case "and", ",":
			continue
		}
		return false
	}
	return false
}

func supportedBy(toks []token, ti int) bool {
	k := ti - 1
	for k >= 0 && (toks[k].low == "the" || toks[k].low == "a" || toks[k].low == "heavy" || toks[k].low == "intense") {
		k--
	}
	if k < 1 {
		return false
	}
	switch toks[k].low {
	case "by":
		return supportWords[toks[k-1].low]
	case "of", "from":
		switch toks[k-1].low {
		case "support", "backing", "cover", "help", "assistance":
			// "with the logistical and intelligence support of the Turkish
			// authorities": a backer far from the act, not a party to it.
			return !remoteSupport(toks, k-1)
		}
		// "supported by fighters of Hezbollah", "backed by units of the
		// Republican Guard": the party whose people back the act.
		// ("supported by the aircraft of the international coalition".)
		if toks[k].low == "of" && (memberNouns[toks[k-1].low] || remnantNouns[toks[k-1].low] || airCues[toks[k-1].low] || toks[k-1].low == "artillery") {
			j := k - 2
			// "the helicopters and aircraft of": weapons coordinated.
			for j >= 1 && toks[j].low == "and" && (airCues[toks[j-1].low] || toks[j-1].low == "artillery" || toks[j-1].low == "helicopters") {
				j -= 2
			}
			for j >= 0 && (toks[j].low == "the" || toks[j].low == "a") {
				j--
			}
			return j >= 1 && toks[j].low == "by" && supportWords[toks[j-1].low]
		}
	case "with":
		for j := ti + 1; j < len(toks) && j <= ti+3; j++ {
			if toks[j].low == "support" || toks[j].low == "cover" || toks[j].low == "backing" {
				return true
			}
		}
	}
	return false
}

// helpedBy reports whether the party at ti is named as helping: "with the
// help of (the militants of) X", "with the support of X", "in cooperation
// with X", "together with X", "assisted by X".
func helpedBy(toks []token, ti int) bool {
	k := ti - 1
	skip := func() {
		for k >= 0 && (toks[k].low == "the" || toks[k].low == "so-called" || toks[k].low == "a") {
			k--
		}
	}
	skip()
	// "the militants of X", "fighters from X".
	if k >= 1 && (toks[k].low == "of" || toks[k].low == "from") && (oppositionHeads[toks[k-1].base] || oppositionNouns[toks[k-1].base] || forcesNouns[toks[k-1].base]) {
		k -= 2
		skip()
	}
	if k < 1 {
		return false
	}
	switch {
	case toks[k].low == "of" && k >= 2 && (toks[k-2].low == "with" || k >= 3 && toks[k-2].low == "the" && toks[k-3].low == "with"):
		switch toks[k-1].low {
		case "help", "support", "assistance", "participation", "complicity", "backing", "cooperation":
			return true
		}
	case toks[k].low == "with":
		switch toks[k-1].low {
		case "cooperation", "coordination", "together", "collusion", "conjunction", "alongside":
			return true
		}
	case toks[k].low == "by":
		switch toks[k-1].low {
		case "assisted", "helped", "aided", "joined":
			return true
		}
	}
	return false
}

// praisedFor reports whether the party at [ti, tj) is praised for an act
// of the event: "congratulates X on the liberation of", "commended X for
// its capture of".
func praisedFor(toks []token, ti, tj int, isCue func(int) bool) bool {
	k := ti - 1
	for k >= 0 && toks[k].low == "the" {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].low {
	case "congratulates", "congratulated", "congratulate", "commends", "commended", "praised", "praises", "hailed", "hails", "thanked", "thanks":
	default:
		return false
	}
	if tj+1 >= len(toks) || toks[tj].low != "on" && toks[tj].low != "for" {
		return false
	}
	for j := tj + 1; j < len(toks) && j <= tj+3; j++ {
		if isCue(j) {
			return true
		}
	}
	return false
}

// stagingSubject returns the party that is the subject of a clause
// accusing it of staging or fabricating the event ("Militants had brought
// chlorine into the town to stage an attack", "The terrorist group X,
// which ..., brought cylinders in preparation for a staged attack"): the
// first party of the claim outside the speaker's words, neither the object
// of a preposition nor of a verb, before a staging word in the same
// sentence. Nil if none.
func stagingSubject(toks []token, actors []mention, c *claimInfo, mask []bool) *mention {
	stage := -1
	for i := range toks {
		if stagingCues[toks[i].low] {
			stage = i
			break
		}
	}
	if stage < 0 {
		return nil
	}
	for k := range actors {
		m := &actors[k]
		if m.ref || m.ti >= stage || m.ti < len(mask) && mask[m.ti] {
			continue
		}
		if c.speech != nil && m.ti >= c.speech.npS && m.tj <= c.speech.npE {
			continue
		}
		// The clause's subject: at the start of the claim or of the
		// reported clause ("said (that) X ..."), after an article or a
		// descriptive noun ("The terrorist group X").
		k0 := m.ti - 1
		for k0 >= 0 && toks[k0].kind == tWord && !toks[k0].cap && (toks[k0].low == "the" || toks[k0].low == "a" || toks[k0].low == "so-called" || oppositionMods[toks[k0].low] || oppositionNouns[toks[k0].base] || toks[k0].low == "terrorist") {
			k0--
		}
		for k0 >= 0 && toks[k0].cap && (toks[k0].low == "the" || toks[k0].low == "a") {
			k0--
		}
		if k0 >= 0 && !(c.speech != nil && (k0 == c.speech.verb || k0 == c.speech.verb+1 && toks[k0].low == "that")) && !isPunct(&toks[k0], ",") {
			return nil
		}
		// The next word after the party (past an aside) is a verb, not
		// the end of a noun phrase.
		j := m.tj
		if j < len(toks) && isPunct(&toks[j], ",") {
			if k := asideClose(toks, j); k > 0 {
				j = k + 1
			}
		}
		if j < len(toks) && toks[j].kind == tWord && !toks[j].cap {
			switch toks[j].low {
			case "are", "is", "am", "will", "would", "may", "might", "could", "plan", "plans", "planning", "intend", "intends", "want", "wants", "seek", "seeks":
				// "the militants are preparing a staged incident": a
				// warning of what may come, not an account of an event.
				return nil
			}
			return m
		}
		return nil
	}
	return nil
}

// asideClose returns the comma that closes an aside opened by the comma at
// i, within 14 words and no other punctuation; 0 if none.
func asideClose(toks []token, i int) int {
	for k := i + 1; k < len(toks) && k <= i+15; k++ {
		if toks[k].kind == tPunct {
			if isPunct(&toks[k], ",") && k > i+1 {
				return k
			}
			return 0
		}
	}
	return 0
}

// aircraftOwner reports whether the party named at i owns the aircraft or
// forces named shortly before: "warplanes that we believe belong to X",
// "drones belonging to X".
func aircraftOwner(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && (toks[k].low == "the" || toks[k].low == "so-called") {
		k--
	}
	// "belonged to the forces of Khalifa Haftar": the forces' owner.
	if k >= 2 && toks[k].low == "of" && forcesNouns[toks[k-1].base] {
		k -= 2
		for k >= 0 && (toks[k].low == "the" || toks[k].low == "so-called") {
			k--
		}
	}
	if k < 1 || toks[k].low != "to" {
		return false
	}
	switch toks[k-1].low {
	case "belong", "belongs", "belonged", "belonging":
	default:
		return false
	}
	for j := k - 2; j >= 0 && j >= k-8; j-- {
		if toks[j].kind == tPunct && toks[j].text != "," {
			return false
		}
		if airCues[toks[j].low] || forcesNouns[toks[j].base] {
			return true
		}
	}
	return false
}

// airForceAt reports whether the words from i are "air force(s)": a
// party's aircraft ("Our air force carried out precise strikes").
func airForceAt(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i].low == "air" && (toks[i+1].low == "force" || toks[i+1].low == "forces")
}

// identifiedAgents reports whether the party whose phrase starts at h is
// named as who the attackers were: "the gunmen were members of Asaib Ahl
// al-Haq" (h at "members", after "were" and the agents), "the attackers
// belonged to X", "the killers were X fighters".
func identifiedAgents(toks []token, h int, pre, pre2 string) bool {
	switch {
	case (pre == "were" || pre == "was") && attackerNoun(pre2):
		return true
	case pre == "to" && (pre2 == "belonged" || pre2 == "belong") && h >= 3 && attackerNoun(toks[h-3].low):
		return true
	}
	return false
}

// attackerNoun reports a noun for those who carried out an attack:
// "gunmen", "assailants", "attackers", "killers", "kidnappers".
func attackerNoun(w string) bool {
	return agentNouns[w] || w == "killers" || w == "attackers" || w == "kidnappers" || w == "abductors"
}

// commanderSubject reports whether the person mentioned by m is the
// subject of the event told after the name: "the aggressor Haftar, using
// a drone supplied by a foreign State, bombed the Military College". The
// name opens the clause (after an article and an epithet at most) and an
// event word follows within twenty words; a person in a prepositional
// phrase ("talks with Haftar") or in the possessive is not the subject.
func commanderSubject(toks []token, m mention, cue []bool) bool {
	if m.tj < len(toks) && (strings.HasSuffix(toks[m.tj-1].low, "'s") || toks[m.tj].low == "'s") {
		return false
	}
	k := m.ti - 1
	for k >= 0 && k >= m.ti-3 && toks[k].kind == tWord && !toks[k].cap && (toks[k].low == "the" || epithetNouns[toks[k].low] || toks[k].low == "war") {
		k--
	}
	if k >= 0 && !(toks[k].kind == tPunct && toks[k].text != "(") && !toks[k].cap {
		return false
	}
	for j := m.tj; j < len(toks) && j < m.tj+20 && j < len(cue); j++ {
		if cue[j] {
			return true
		}
	}
	return false
}

// personsForces returns the armed party of a person named as the owner of
// forces ("the forces of the war criminal Khalifa Haftar", "aircraft of
// General Haftar", "Hadi's troops", "fighters loyal to X"): the person's
// affiliation when it is an army, an armed group or a coalition; nil for
// any other mention.
func (d *docState) personsForces(toks []token, m mention) *graph.Entity {
	if m.ent.Kind != graph.KindPerson || m.ent.Affiliation == nil {
		return nil
	}
	p := d.entity(*m.ent.Affiliation)
	if p == nil || p.Kind != graph.KindArmy && p.Kind != graph.KindArmedGroup && p.Kind != graph.KindCoalition {
		return nil
	}
	// "Hadi's troops": the person in the possessive before forces.
	if j := m.tj; j < len(toks) && j > 0 && (strings.HasSuffix(toks[j-1].low, "'s") || strings.HasSuffix(toks[j-1].low, "’s")) && forcesNouns[toks[j].base] {
		return p
	}
	if forcesHead(toks, m.ti) >= 0 {
		return p
	}
	return nil
}

// forcesHead returns the index of the word that names a person's forces
// before his name at ti, "forces" in "forces of [the war criminal] X" and
// in "forces loyal to eastern-based commander X", or -1: back over a few
// words of description to "of" after forces, or "to" after a word of
// allegiance.
func forcesHead(toks []token, ti int) int {
	for k := ti - 1; k > 0 && k >= ti-5; k-- {
		if toks[k].kind == tPunct {
			return -1
		}
		if toks[k].low == "of" && forcesNouns[toks[k-1].base] {
			return k - 1
		}
		if toks[k].low == "to" && affiliatedWords[toks[k-1].low] {
			if k >= 2 && toks[k-2].kind == tWord {
				return k - 2
			}
			return k - 1
		}
		if toks[k].low == "of" || toks[k].low == "to" {
			return -1
		}
	}
	return -1
}

// partyOf is the party a speaker's "its fighters" belong to: the speaker
// when it can act, or the party whose outlet it is ("Islamic State's Amaq
// news agency said its fighters had ..."); nil otherwise.
func (d *docState) partyOf(speaker *graph.Entity) *graph.Entity {
	if speaker == nil {
		return nil
	}
	if actorKind(speaker.Kind) {
		return speaker
	}
	if speaker.Kind == graph.KindOutlet && speaker.Affiliation != nil {
		if p := d.entity(*speaker.Affiliation); p != nil && p.Kind != graph.KindState && actorKind(p.Kind) {
			return p
		}
	}
	return nil
}

// quotedAt reports whether token i lies inside a quotation of the
// sentence: an odd number of quotation marks stand before it.
func quotedAt(toks []token, i int) bool {
	n := 0
	for k := 0; k < i && k < len(toks); k++ {
		if isQuote(&toks[k]) {
			n++
		}
	}
	return n%2 == 1
}

// speakersParty is the party a speaker acts for: itself when it can act,
// the party of a person or an unnamed source affiliated with one ("a
// coalition spokesman"), or the party whose outlet it is (partyOf).
func (d *docState) speakersParty(sp *graph.Entity) *graph.Entity {
	if p := d.partyOf(sp); p != nil {
		return p
	}
	if sp != nil && (sp.Kind == graph.KindPerson || sp.Kind == graph.KindAnonymous) && sp.Affiliation != nil {
		if p := d.entity(*sp.Affiliation); p != nil && actorKind(p.Kind) {
			return p
		}
	}
	return nil
}

// speakerSubject reports whether the pronoun at i opens the clause the
// claim's speech verb reports, with nothing but a few words of time or
// "that" between: "X said on Wednesday (that) they had".
func speakerSubject(c *claimInfo, i int) bool {
	if c.speech == nil || c.speech.verb >= i || i-c.speech.verb > 6 {
		return false
	}
	toks := c.sg.toks
	for k := c.speech.verb + 1; k < i; k++ {
		// ("told Human Rights Watch the group had": past the addressee.)
		if m := coveredBy(c.ms, k); toks[k].kind == tPunct || m >= 0 && !(c.speech.toldTo != nil && c.ms[m].ent.ID == c.speech.toldTo.ID) {
			return false
		}
	}
	// "they" wants a plural speaker ("the Syrian Democratic Forces"),
	// "it" a singular one: "the army said they had fired" points
	// elsewhere.
	if e := c.speech.npE; toks[i].low == "they" && (e < 1 || e > len(toks) || !strings.HasSuffix(toks[e-1].low, "s")) {
		return false
	}
	return true
}

// clauseOpeners open a clause of their own after a party: the event verb
// beyond them is not the party's.
var clauseOpeners = set("when", "while", "whereas", "because", "where", "whom")

// clauseOfCue returns the mask with the masked run that holds the cue at
// i cleared (a copy), or the mask itself when the cue is not masked.
func clauseOfCue(mask []bool, i int) []bool {
	if i < 0 || i >= len(mask) || !mask[i] {
		return mask
	}
	m := append([]bool(nil), mask...)
	for k := i; k >= 0 && m[k]; k-- {
		m[k] = false
	}
	for k := i + 1; k < len(m) && m[k]; k++ {
		m[k] = false
	}
	return m
}

// captureCueBefore reports whether a word of capture stands within n
// words before the "from" that precedes the party at h: "recaptured
// Tikrit from the Islamic State" names whom the town was taken from.
func captureCueBefore(toks []token, h, n int) bool {
	for k := h - 1; k >= 0 && k >= h-n; k-- {
		if captureCues[toks[k].low] {
			return true
		}
		if toks[k].kind == tPunct {
			return false
		}
	}
	return false
}

// idiomObjects make an event verb an idiom of no act: "taken note of",
// "took measures", "taken steps".
var idiomObjects = set("note", "notice", "measures", "steps", "care", "account", "refuge", "shelter")

// ledCoalition reports whether the word before "led" at l closes the
// name of a coalition: "the international coalition led by the United
// States" is the coalition's act, not also its leader's.
func ledCoalition(toks []token, ms []mention, l int) bool {
	e := l
	if e >= 2 && isQuote(&toks[e-1]) {
		e-- // "the so-called "international coalition" led by"
	}
	k := coveredBy(ms, e-1)
	return k >= 0 && ms[k].tj == e && ms[k].ent.Kind == graph.KindCoalition
}

// relativeSubject reports whether the party ending at tj is the subject of
// a relative clause whose verb is the event's cue: "armed groups who had
// attacked the village", "the militants, who stormed the town".
func relativeSubject(toks []token, tj int, isCue func(int) bool) bool {
	k := tj
	for k < len(toks) && (isQuote(&toks[k]) || isPunct(&toks[k], ",")) {
		k++
	}
	if k >= len(toks) || toks[k].low != "who" && toks[k].low != "which" {
		return false
	}
	k++
	for k < len(toks) && (toks[k].low == "had" || toks[k].low == "have" || toks[k].low == "has" || toks[k].low == "also" || timeAdverbs[toks[k].low]) {
		k++
	}
	return k < len(toks) && isCue(k) && eventVerbs[toks[k].low] && verbLike(toks[k].low)
}

// relativeAside returns the index of the comma that closes a relative
// clause opened by the comma at i (", which is entrenched in Jobar,"),
// with no other punctuation and at most 14 words inside; otherwise 0.
func relativeAside(toks []token, i int) int {
	if i+1 >= len(toks) || !isPunct(&toks[i], ",") {
		return 0
	}
	switch toks[i+1].low {
	case "which", "who", "whose":
	default:
		return 0
	}
	for k := i + 2; k < len(toks) && k < i+16; k++ {
		if isPunct(&toks[k], ",") {
			return k
		}
		if toks[k].kind == tPunct && !isQuote(&toks[k]) {
			return 0
		}
	}
	return 0
}

// leadingParty returns the party named as the subject at the head of the
// claim ("The criminal regime committed a massacre ..., when its
// warplanes struck"), when it stands before token i and is neither the
// speaker nor the speaker's party: a possessive "its" or "their" after it
// is that party's, not the speaker's. Only articles and adjectives may
// precede the name, and the speaker's own words are not the subject.
func (d *docState) leadingParty(c *claimInfo, i int, speaker *graph.Entity) *graph.Entity {
	toks := c.sg.toks
	for k := range c.ms {
		m := &c.ms[k]
		if m.tj > i || !actorKind(m.ent.Kind) || c.speech != nil && m.ti >= c.speech.npS && m.tj <= c.speech.npE {
			continue
		}
		if m.ti > 3 {
			break
		}
		for j := 0; j < m.ti; j++ {
			if toks[j].kind != tWord || toks[j].cap && j > 0 || verbLike(toks[j].low) || toks[j].low == "that" {
				return nil
			}
		}
		if speaker != nil && (m.ent.ID == speaker.ID || d.partyOf(speaker) != nil && d.partyOf(speaker).ID == m.ent.ID) {
			return nil
		}
		if m.tj < len(toks) && toks[m.tj].kind == tPunct {
			return nil
		}
		// "its" wants one party: "the last rebel fighters ... a suburb
		// its forces besieged" are not what "its" stands for.
		if last := toks[m.tj-1]; toks[i].low == "its" && !last.cap && strings.HasSuffix(last.low, "s") && !strings.HasSuffix(last.low, "ss") {
			return nil
		}
		return m.ent
	}
	return nil
}

// theyParty is the party "they" at token i stands for as the subject of an
// event verb: the party named last before it in the same claim, outside
// the speaker's words and not as a target ("The armed groups breached the
// truce when they fired mortars"); else the party the previous claim named
// first ("Rebels shelled the town. They also fired ..."); else the last
// party that spoke.
func (d *docState) theyParty(c *claimInfo, i int) *graph.Entity {
	toks := c.sg.toks
	var e *graph.Entity
	for k := range c.ms {
		m := &c.ms[k]
		if m.tj > i || !actorKind(m.ent.Kind) || c.speech != nil && m.ti >= c.speech.npS && m.tj <= c.speech.npE {
			continue
		}
		if m.ti > 0 {
			switch toks[m.ti-1].low {
			case "against", "on", "at", "targeting", "targeted", "of", "from":
				continue
			}
		}
		e = m.ent
	}
	if e != nil {
		return e
	}
	if d.prevActor != nil {
		return d.prevActor
	}
	return d.discourse.find(func(r *speakerRec) bool { return actorKind(r.ent.Kind) })
}

// asideEnd returns the index of the comma that closes an aside opened by
// the comma at i ("X, advancing from the south, shelled"), when an event
// verb follows it, possibly after "have" or an adverb; otherwise 0. The aside holds
// no other punctuation and at most 12 words.
func asideEnd(toks []token, i int) int {
	// A partner or supporter in the aside may take more words: "X, with
	// the participation of Y and Z and with the support of W, completed".
	n := 13
	if i+1 < len(toks) && comitativeOpeners[toks[i+1].low] || memberAside(toks, i) {
		n = 26
	} else if i+1 < len(toks) && strings.HasSuffix(toks[i+1].low, "ing") && !eventVerbs[toks[i+1].low] {
		// "The army, exercising the right and duty of the State to
		// protect its citizens, liberated": a participle's phrase.
		n = 18
	}
	for k := i + 1; k < len(toks) && k <= i+n; k++ {
		if toks[k].kind != tPunct {
			continue
		}
		// A member's acronym in brackets: "among them the Revolutionary
		// Guards (IRGC) and ...".
		if isPunct(&toks[k], "(") && memberAside(toks, i) {
			if b := pastBrackets(toks, k); b > k {
				k = b - 1
				continue
			}
		}
		if !isPunct(&toks[k], ",") || k == i+1 {
			return 0
		}
		if asideVerb(toks, k) > 0 {
			return k
		}
		return 0
	}
	return 0
}

// memberAside reports whether the comma at i opens an aside that lists
// members of the party before it: "X, including A and B, shelled", "X,
// among them A and B, seized". A list takes more words than other asides.
func memberAside(toks []token, i int) bool {
	if i+1 >= len(toks) || !isPunct(&toks[i], ",") {
		return false
	}
	return toks[i+1].low == "including" || i+2 < len(toks) && toks[i+1].low == "among" && toks[i+2].low == "them"
}

// asideVerb returns the index of the event verb right after the comma at
// k that closes an aside, or 0: "X, together with Y, have taken", "...,
// today liberated", "..., on Thursday restored security to".
func asideVerb(toks []token, k int) int {
	v := k + 1
	if v < len(toks) && (toks[v].low == "have" || toks[v].low == "has" || toks[v].low == "had") {
		v++ // "X, together with Y, have taken"
	}
	if v < len(toks) && (strings.HasSuffix(toks[v].low, "ly") || timeAdverbs[toks[v].low]) && !eventVerbs[toks[v].low] {
		v++ // "..., today liberated", "..., finally took"
		// "..., today completely liberated", "..., yesterday finally
		// took": a time and a manner adverb.
		if v < len(toks) && (strings.HasSuffix(toks[v].low, "ly") || timeAdverbs[toks[v].low]) && !eventVerbs[toks[v].low] {
			v++
		}
	} else if v+1 < len(toks) && toks[v].low == "on" && isWeekday(toks[v+1].low) {
		v += 2 // "..., on Thursday restored"
	}
	if v < len(toks) && (eventVerbs[toks[v].low] || reliefVerb(toks, v) || takesControl(toks, v)) && !strings.HasSuffix(toks[v].low, "ing") {
		return v
	}
	return 0
}

// comitativeOpeners open an aside that names a partner or a supporter of
// the subject: "together with", "in cooperation with", "with the support
// of", "backed by".
var comitativeOpeners = set("with", "together", "in", "alongside", "supported", "backed", "aided", "assisted", "joined", "helped")

// timeAdverbs may stand between a subject's aside and its verb.
var timeAdverbs = set("today", "yesterday", "tonight", "now", "then", "also", "later", "again", "overnight")

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// attribution makes the perpetrator record: its polarity follows the
// claim's (a denial denies the attribution it names), its hedge the words
// just before it ("believed to be Russian").
func (d *docState) attribution(e *graph.Entity, toks []token, ti, tj int, c *claimInfo) *graph.Attribution {
	if tj > len(toks) {
		tj = len(toks)
	}
	a := &graph.Attribution{Entity: d.use(e), Polarity: graph.Affirmed, Text: d.text[toks[ti].s:toks[tj-1].e], Span: d.ri.span(toks[ti].s, toks[tj-1].e)}
	if (c.claim.Polarity == graph.Denied && ti >= c.negFrom && ti < c.negTo || framedBlame(toks, ti)) && !fabricationAgent(toks, ti) && !fabricator(toks, ti, c) {
		a.Polarity = graph.Denied
	}
	lo := ti - 6
	if lo < 0 {
		lo = 0
	}
	win := lowJoin(toks[lo:ti])
	for k, h := range hedgesP {
		if strings.Contains(win, h) {
			a.Hedge = hedges[k]
			break
		}
	}
	if a.Hedge == "" && e.Kind != graph.KindUnknown {
		for k, h := range perpHedgesP {
			if strings.Contains(c.low, h) {
				a.Hedge = perpHedges[k]
				break
			}
		}
	}
	return a
}

// fabricationAgent reports whether the party at ti is the agent of a
// fabrication ("was fabricated by the so-called White Helmets", "false
// stories produced by X"): the claim that denies the event asserts that
// party's part in making it up, so the party is not denied with it.
func fabricationAgent(toks []token, ti int) bool {
	k := ti - 1
	for k >= 0 && (toks[k].low == "the" || toks[k].low == "so-called" || isQuote(&toks[k])) {
		k--
	}
	return k >= 1 && toks[k].low == "by" && (fabricationVerb(toks, k-1) || toks[k-1].low == "staged")
}

// makingVerbs make or spread the footage and reports a denial calls false;
// madeUp the ones that are false by themselves ("staged", "filmed in
// advance").
var (
	makingVerbs = set("spread", "circulated", "disseminated", "published", "fabricated", "staged", "filmed", "prepared", "produced", "invented", "faked", "concocted", "manufactured", "promoted", "made")
	madeUp      = set("fabricated", "staged", "faked", "concocted", "filmed", "prepared", "invented")
)

// fabricator reports whether the named party at ti is who made or spread
// what the claim calls false: "reports ... fabricated by the White
// Helmets", "the information spread by some media and by the so-called
// White Helmets ... does not correspond to reality", "footage filmed in
// advance by X", "attempts by X to stage provocations", "lies spread by
// the terrorists' media arm, the so-called White Helmets". The labels of
// every writer read such a party as the staging's perpetrator, asserted.
func fabricator(toks []token, ti int, c *claimInfo) bool {
	if !toks[ti].cap {
		return false // "fabricated by terrorists": an epithet
	}
	k := ti - 1
	for k >= 0 && (toks[k].low == "the" || toks[k].low == "so-called" || toks[k].low == "terrorist" || isQuote(&toks[k])) {
		k--
	}
	// "the terrorists' media arm, the so-called White Helmets": an
	// apposition to the agent.
	if k >= 2 && isPunct(&toks[k], ",") {
		for j := k - 1; j >= 1 && j >= k-6; j-- {
			if toks[j].low == "by" {
				k = j
				break
			}
			if toks[j].kind == tPunct && !isQuote(&toks[j]) && toks[j].text != "'" {
				break
			}
		}
	}
	if k < 1 || toks[k].low != "by" {
		return false
	}
	v := k - 1
	// "spread by some media and by X": the first agent's verb.
	for j := k - 1; j >= 1 && j >= k-8; j-- {
		if toks[j].low == "by" && toks[j-1].low != "and" {
			v = j - 1
			break
		}
		if toks[j].kind == tPunct {
			break
		}
	}
	// "filmed in advance by X".
	if v >= 2 && toks[v].low == "advance" && toks[v-1].low == "in" {
		v -= 2
	}
	if v >= 1 && toks[v].low == "attempts" || v >= 0 && toks[v].low == "attempts" {
		// "Attempts by X to stage provocations".
		for j := k + 1; j < len(toks) && j <= ti+6; j++ {
			if toks[j].low == "to" && j+1 < len(toks) && (stagingCues[toks[j+1].low] || madeUp[toks[j+1].low]) {
				return true
			}
		}
		return false
	}
	if v < 0 || !makingVerbs[toks[v].low] {
		return false
	}
	if madeUp[toks[v].low] {
		return true
	}
	// Spreading is fabricating when the claim calls it false.
	return c.claim.Polarity == graph.Denied || hasFalsehood(toks)
}

// hasFalsehood reports whether the claim calls something false: "lies",
// "another fake", "fabrications".
func hasFalsehood(toks []token) bool {
	for i := range toks {
		if falsehoodMarks[toks[i].low] || toks[i].low == "fabrication" || toks[i].low == "fiction" {
			return true
		}
	}
	return false
}

// namedAlliance reports whether the word at ti ("coalition") follows the
// name of an armed group or a coalition: "the Jaysh al-Fatah coalition".
func namedAlliance(ms []mention, ti int) bool {
	if ti < 1 {
		return false
	}
	k := coveredBy(ms, ti-1)
	if k < 0 || ms[k].tj != ti {
		return false
	}
	kind := ms[k].ent.Kind
	return kind == graph.KindArmedGroup || kind == graph.KindCoalition
}

// recentCoalition is the coalition "the coalition" refers to: the last
// coalition the document named, else the gazetteer's "Coalition".
func (d *docState) recentCoalition() *graph.Entity {
	if e := d.discourse.find(func(r *speakerRec) bool { return r.ent.Kind == graph.KindCoalition }); e != nil {
		return e
	}
	return d.lookup("Coalition", graph.KindCoalition)
}

// target is the object struck: the noun phrase of a target noun after the
// event cue ("a residential building", "the crowded residential
// neighbourhood").
func target(text string, toks []token, cue int) string {
	if cue < 0 {
		return ""
	}
	for i := cue; i < len(toks) && i < cue+14; i++ {
		if isPunct(&toks[i], ".") || isPunct(&toks[i], ";") {
			break
		}
		if !targetNouns[toks[i].low] {
			continue
		}
		s := i
		// (Capitalised in a name, "the Military College", "the Police
		// Academy", as well.)
		for s > cue+1 && s > i-3 && toks[s-1].kind == tWord && (targetAdjs[toks[s-1].low] || toks[i].cap && toks[s-1].cap && !targetLead[toks[s-1].low]) {
			s--
		}
		if s > 0 && !targetLead[toks[s-1].low] {
			continue
		}
		return text[toks[s].s:toks[i].e]
	}
	return ""
}

var targetAdjs = set("residential", "crowded", "populated", "densely", "civilian",
	"field", "government-held", "rebel-held", "makeshift", "local", "main", "public",
	"popular", "busy", "medical", "primary", "secondary", "displacement", "refugee",
	"military", "industrial", "commercial", "residential-commercial", "old", "vegetable",
	"police", "naval", "cadet", "training")

// targetLead are the words before a target's noun phrase.
var targetLead = set("a", "an", "the", "at", "on", "hit", "struck", "targeted",
	"targeting", "near", "hitting", "striking", "into", "against", "its", "two",
	"three", "several")

// buildAccounts groups claims into accounts: one per speaker and event.
func (d *docState) buildAccounts() {
	var frames []frame
	var accs []*acc
	d.readInside()
	lastFrame := map[uuid.UUID]int{} // speaker -> last frame it spoke about
	var prevEv event                 // the event of the last claim that told one
	prevOK := false
	// Figures the document's voice gives before it tells any event ("KEY
	// FIGURES - At least 23 people killed, 9 of them children" atop a
	// flash update): they are the first event's it then tells.
	type heldFigures struct {
		c  *claimInfo
		ev event
	}
	var held []heldFigures
	for _, c := range d.claims {
		if c.claim.Kind == graph.ClaimMetadata || c.claim.Kind == graph.ClaimRequest && !c.question {
			continue
		}
		ev, ok := d.eventOf(c)
		d.notePrevActor(c)
		if !ok && prevOK {
			// "He said the Taliban were not involved", "the group's
			// fighters were not involved": the party named, or the
			// speaker's, denied the event told before.
			if p, i, j := d.involvementDenial(c); p != nil {
				a := d.attribution(p, c.sg.toks, i, j, c)
				a.Polarity = graph.Denied
				ev = event{cueI: -1, cueJ: -1, anaph: true, perps: []*graph.Attribution{a}}
				ok = true
			}
		}
		if !ok && c.rebuts && prevOK {
			// (Only the accused's rebuttal tells an account of its own: a
			// dismissal by the side that suffered it, "a claim the army
			// dismissed as lies", is the claim's.)
			ev = d.rebuttalEvent(c, prevEv)
			ok = len(ev.perps) > 0
		}
		if !ok {
			continue
		}
		prevEv, prevOK = ev, true
		speaker := d.entity(c.claim.Speaker.ID)
		if c.toldAuth && d.voice != nil {
			speaker = d.voice
		}
		if speaker == nil {
			continue
		}
		hasPlace := ev.place != nil && !ev.place.ref || ev.place != nil && ev.place.ref
		hasDate := ev.date != nil
		// Which event: the latest compatible frame; for an event referred
		// back to by what it struck ("The attack on the military
		// college"), the latest that struck it.
		fi := -1
		if ev.anaph && ev.target != "" && !hasPlace && !hasDate {
			for k := len(frames) - 1; k >= 0; k-- {
				if strings.EqualFold(frames[k].target, ev.target) && d.compatible(&frames[k], ev) {
					fi = k
					break
				}
			}
		}
		for k := len(frames) - 1; k >= 0 && fi < 0; k-- {
			if d.compatible(&frames[k], ev) {
				if hasPlace || hasDate || ev.anaph || !ev.specific || ev.typ == "" || k == len(frames)-1 {
					fi = k
				}
				break
			}
		}
		if ev.typ == graph.EventAttack && definiteAssault(c.sg.toks, ev.cueI) && (fi < 0 || frames[fi].typ == graph.EventCapture) {
			// "led the final assault", "killed in the two-day assault"
			// after a capture: the storming of the place captured, one
			// event with it. (An assault on another place stays its own.)
			for k := len(frames) - 1; k >= 0; k-- {
				if frames[k].typ != graph.EventCapture {
					continue
				}
				if f := &frames[k]; ev.place == nil || f.place == nil || d.within(ev.place.ent.ID, f.place.ID) || d.within(f.place.ID, ev.place.ent.ID) {
					fi = k
					ev.typ = graph.EventCapture
				}
				break
			}
		}
		if fi < 0 && ev.anaph && ev.typ == graph.EventBombingCampaign && len(frames) > 0 && family(frames[len(frames)-1].typ) == 1 {
			// "the strikes", "the raids" after one strike was reported:
			// that event, not a campaign.
			if f := &frames[len(frames)-1]; ev.place == nil || f.place == nil || d.within(ev.place.ent.ID, f.place.ID) || d.within(f.place.ID, ev.place.ent.ID) {
				fi = len(frames) - 1
				ev.typ = f.typ
			}
		}
		if fi < 0 && ev.typ == "" {
			// Figures without an event: they belong to the speaker's last one.
			if k, ok := lastFrame[speaker.ID]; ok && ev.anaph {
				fi = k
			} else if len(frames) > 0 && (ev.anaph || ev.casualty || len(ev.perps) > 0 && hasPlace) && d.compatible(&frames[len(frames)-1], ev) {
				// Also a party acting on a place with no event word of its
				// own ("denied that its fighters had fired on the town"):
				// the event reported.
				fi = len(frames) - 1
			}
		}
		// "executed 23 villagers after storming the village ... The
		// Observatory had earlier documented the deaths of 9": the dead of
		// a killing told with the storming it followed are the killing's,
		// not the capture's, whose frame came last.
		if ev.typ == "" && fi > 0 && ev.casualty && frames[fi].typ == graph.EventCapture && frames[fi-1].typ == graph.EventMassacre && d.compatible(&frames[fi-1], ev) {
			fi--
		}
		if fi < 0 && ev.typ == "" && ev.casualty && len(ev.perps) > 0 && ev.perps[0].Entity.Kind == graph.KindArmedGroup && hasPlace {
			// "its fighters had killed 45 Iraqi soldiers in al-Qaim": an
			// armed group that kills people at a place, with no other
			// word of the event, attacked them there. (A state's forces
			// that "neutralised" fighters tell of their campaign.)
			ev.typ = graph.EventAttack
		}
		if fi < 0 && len(frames) == 0 && ev.typ == "" && ev.casualty && !hasPlace && !hasDate && len(ev.perps) == 0 && d.voice != nil && speaker.ID == d.voice.ID && c.claim.Kind == graph.ClaimFact && !c.claim.Reported {
			held = append(held, heldFigures{c, ev})
			continue
		}
		if fi < 0 {
			// A new event needs substance: a specific type, or a place or a
			// date with it; characterisation alone does not start one.
			if ev.typ == "" || !ev.specific && !hasPlace && !hasDate && !ev.casualty && len(ev.perps) == 0 {
				continue
			}
			// (A judged event that says who did it and where, "condemns the
			// barbaric attack perpetrated by the Gran Grif gang against the
			// population of Pont-Sondé", is one told.)
			if c.claim.Kind == graph.ClaimCharacterisation && !ev.specific && !(hasPlace && len(ev.perps) > 0 && agentPhrase(c.sg.toks)) {
				continue
			}
			if (ev.typ == graph.EventBombingCampaign || ev.typ == graph.EventAirstrike && ev.plural) && ev.possessed && !hasPlace && !hasDate && !ev.casualty {
				// "the coalition's claims that its strikes target only
				// terrorists": a party's strikes in general, no event.
				continue
			}
			if c.claim.Kind == graph.ClaimCharacterisation && ev.place == nil && len(ev.perps) == 0 {
				continue
			}
			frames = append(frames, frame{})
			fi = len(frames) - 1
		}
		if ev.anaph && !ev.specific && frames[fi].typ != "" && frames[fi].typ != ev.typ && ev.typ != "" && family(ev.typ) == family(frames[fi].typ) {
			// "the attack", "the crime" after a car bomb: that event.
			ev.typ = frames[fi].typ
		}
		if ev.typ == graph.EventDestruction && frames[fi].typ != "" && family(frames[fi].typ) == 1 {
			// "rescuers searched the rubble of two buildings", "the
			// monitors saw burned homes" after a strike or a massacre
			// was told: the damage it did, no event of its own, whoever
			// tells it.
			ev.typ = frames[fi].typ
		}
		if ev.anaph && ev.typ == graph.EventExplosion && means(frames[fi].typ) != 0 && bareBlast(c.sg.toks, ev.cueI) {
			// "the generator was damaged by the blasts" after an air
			// strike or shelling: the blasts of those strikes, no bomb of
			// their own.
			ev.typ = frames[fi].typ
		}
		// "executed at least 23 citizens after storming the village of
		// Ishtabraq ..., in western Idlib": killings told after the
		// storming of a place happened there, not only somewhere in the
		// governorate the claim also names.
		captureAt := backgroundCapture(c.sg.toks, ev, c.ms)
		if captureAt >= 0 && (ev.place == nil || rankOf(ev.place.ent) >= placeRank["governorate"]) {
			if m := capturedPlace(c, captureAt); m != nil && (ev.place == nil || rankOf(m.ent) < rankOf(ev.place.ent)) {
				ev.place = m
			}
		}
		d.extendFrame(&frames[fi], ev, c)
		lastFrame[speaker.ID] = fi
		var a *acc
		a, accs = d.accountOf(accs, fi, speaker)
		if fi == 0 && len(held) > 0 && d.voice != nil && speaker.ID == d.voice.ID && family(frames[0].typ) == 1 {
			for _, h := range held {
				d.addToAccount(a, h.c, h.ev)
			}
			held = nil
		}
		d.addToAccount(a, c, ev)
		if k := backgroundSiege(c.sg.toks, ev, c.ms); k >= 0 && c.claim.Polarity != graph.Denied {
			accs = d.addSiege(c, ev, k, speaker, &frames, accs, fi)
		}
		if captureAt >= 0 && c.claim.Polarity != graph.Denied {
			accs = d.addCapture(c, ev, captureAt, speaker, &frames, accs)
		}
	}
	d.accs = accs
	for n, a := range accs {
		a.a.ID = graph.AccountID(d.docID, n)
		if a.a.Type == "" {
			a.a.Type = frames[a.frame].typ
		}
		if a.a.Type == "" {
			a.a.Type = graph.EventAttack
		}
		// An account that refers back to an event takes the event's place
		// and date where it names none itself.
		if a.a.Place == nil && frames[a.frame].placeRef != nil {
			p := *frames[a.frame].placeRef
			a.a.Place = &p
		}
		if a.a.Date == nil && frames[a.frame].dateRef != nil {
			dt := *frames[a.frame].dateRef
			a.a.Date = &dt
		}
		a.a.Polarity = graph.Affirmed
		if a.neg && !a.pos {
			a.a.Polarity = graph.Denied
		}
		for _, c := range a.claims {
			c.claim.Accounts = append(c.claim.Accounts, a.a.ID)
		}
	}
}

// involvementDenial returns the party a claim says was not involved in
// what was told ("the Taliban were not involved", "the group's fighters
// had no involvement", "played no part"), with the tokens that name it:
// a party named just before the words, else the speaker's own for "its",
// "our" or "the group's" fighters. Nil when the claim says nothing so.
func (d *docState) involvementDenial(c *claimInfo) (*graph.Entity, int, int) {
	toks := c.sg.toks
	at := -1
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].low == "not" && toks[k+1].low == "involved" || toks[k].low == "no" && (toks[k+1].low == "involvement" || toks[k+1].low == "part" && k > 0 && (toks[k-1].low == "played" || toks[k-1].low == "had")) {
			at = k
			break
		}
	}
	if at < 1 {
		return nil, 0, 0
	}
	for _, m := range c.ms {
		if m.tj <= at && at-m.tj <= 3 && actorKind(m.ent.Kind) {
			return d.forcesOf(m.ent), m.ti, m.tj
		}
	}
	for k := at - 1; k >= 0 && k >= at-4; k-- {
		if w := toks[k].low; w == "fighters" || w == "members" || w == "forces" || w == "units" || w == "elements" {
			if k > 0 && (toks[k-1].low == "its" || toks[k-1].low == "our" || strings.HasSuffix(toks[k-1].low, "'s") && !toks[k-1].cap) {
				if sp := d.entity(c.claim.Speaker.ID); sp != nil {
					if p := d.partyOf(sp); p != nil {
						return d.forcesOf(p), k - 1, k + 1
					}
				}
			}
		}
	}
	return nil, 0, 0
}

// rebuttalEvent is the event a rebuttal ("..., a charge the Turkish
// defence ministry denies") denies: the one the claim before it tells,
// referred back to, with the denier's own party denied as its
// perpetrator when that claim names it as one (no perpetrator else).
func (d *docState) rebuttalEvent(c *claimInfo, prev event) event {
	ev := event{cueI: -1, cueJ: -1, anaph: true}
	sp := d.entity(c.claim.Speaker.ID)
	if sp == nil || c.speech == nil {
		return ev
	}
	p := d.partyOf(sp)
	if p == nil {
		return ev
	}
	for _, pp := range prev.perps {
		if pp.Polarity != graph.Affirmed || pp.Entity.ID != p.ID && pp.Entity.ID != d.forcesOf(p).ID {
			continue
		}
		a := d.attribution(d.entity(pp.Entity.ID), c.sg.toks, c.speech.npS, c.speech.npE, c)
		a.Polarity = graph.Denied
		ev.perps = append(ev.perps, a)
	}
	return ev
}

// backgroundSiege finds a siege a claim tells beside its own event, of
// another kind, at that event's place: in a clause of a besieging that has
// lasted ("the village, which they have besieged since March", "soldiers
// who had been besieged for a month") or as the siege the event ends
// ("entered the town, ending a siege that had lasted four years"). It
// returns the siege word's token, or -1. "The besieged town" is a name of
// the place, no event.
func backgroundSiege(toks []token, ev event, ms []mention) int {
	if ev.typ == "" || family(ev.typ) == family(graph.EventSiege) {
		return -1
	}
	for k := range toks {
		if ev.cueI >= 0 && k >= ev.cueI && k < ev.cueJ {
			continue
		}
		if ev.place == nil && !siegedPlaceAfter(toks, ms, k) && !siegedBy(toks, ms, k) {
			// An event of no place of its own: the siege must name
			// one ("who have besieged the town of X since October").
			continue
		}
		switch w := toks[k].low; {
		case siegeVerbs[w]:
			for b := k - 1; b >= 0 && b >= k-4 && toks[b].kind != tPunct; b-- {
				if w := toks[b].low; w == "have" || w == "has" || w == "had" {
					return k
				}
			}
		case w == "siege" || w == "blockade" || w == "encirclement":
			for b := k - 1; b >= 0 && b >= k-5 && toks[b].kind != tPunct; b-- {
				if siegeEnders[toks[b].low] {
					return k
				}
			}
			if sieged(toks, k) {
				return k
			}
		case w == "besieging" && k > 0 && k+1 < len(toks) && besiegers[toks[k-1].low] && (toks[k+1].low == "the" || toks[k+1].cap):
			// "the groups besieging the neighbourhood have fired ...".
			return k
		}
	}
	return -1
}

// siegedPlaceAfter reports whether a place is named a few words after the
// siege word at k, in its clause: "besieged the sub-district of X".
func siegedPlaceAfter(toks []token, ms []mention, k int) bool {
	for q := range ms {
		if m := &ms[q]; m.ent.Kind == graph.KindPlace && !m.dl && !m.ref && m.ti > k && m.ti <= k+6 && !punctBetween(toks, k, m.ti) {
			return true
		}
	}
	return false
}

// siegedBy reports whether the siege verb at k names its besieger after
// "by": "the enclave, which had been besieged by regime forces since
// 2012". A siege with a party of its own is one even where the event the
// claim tells names no place.
func siegedBy(toks []token, ms []mention, k int) bool {
	if !siegeVerbs[toks[k].low] || k+1 >= len(toks) || toks[k+1].low != "by" {
		return false
	}
	for q := range ms {
		if m := &ms[q]; actorKind(m.ent.Kind) && (m.ti == k+2 || m.ti == k+3 && toks[k+2].low == "the") {
			return true
		}
	}
	return false
}

// sieged reports whether the siege word at k is a siege the event came
// after: "seized the air base after a siege of nearly two years", "after
// a ten-month siege". The event ends it at its own place.
func sieged(toks []token, k int) bool {
	for b := k - 1; b >= 0 && b >= k-3 && toks[b].kind != tPunct; b-- {
		if toks[b].low == "after" {
			return b+1 < k && (toks[b+1].low == "a" || toks[b+1].low == "an")
		}
	}
	return false
}

// besiegers are the parties a participle of besieging follows: "the
// groups besieging the town".
var besiegers = set("groups", "forces", "factions", "militias", "troops", "fighters", "rebels", "militants", "units", "army", "gangs")

// punctBetween reports whether a punctuation token lies between tokens i
// and j.
func punctBetween(toks []token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if toks[k].kind == tPunct {
			return true
		}
	}
	return false
}

// siegeVerbs are the past forms of besieging a lasting siege is told by.
var siegeVerbs = set("besieged", "encircled", "blockaded")

// siegeEnders are the verbs that end a siege: "breaking a siege", "ended
// the blockade".
var siegeEnders = set("breaking", "broke", "broken", "break", "breaks", "ending", "ended", "end", "ends", "lifting", "lifted", "lift", "lifts")

// accountOf returns the speaker's account of the event of frame fi,
// starting it (and adding it to accs) if the speaker has none yet.
func (d *docState) accountOf(accs []*acc, fi int, speaker *graph.Entity) (*acc, []*acc) {
	for _, x := range accs {
		if x.frame == fi && x.speaker.ID == speaker.ID {
			return x, accs
		}
	}
	a := &acc{frame: fi, speaker: speaker, vals: map[graph.Span]bool{}}
	a.a = graph.Account{DocumentID: d.docID, Speaker: d.use(speaker), Published: d.doc.Date}
	return a, append(accs, a)
}

// addSiege gives the speaker an account of the siege a claim tells at
// token k beside its event ev: at the place the siege word names, else
// ev's, else that of ev's frame (home), with no figures of its own (those
// are ev's) and the besiegers it names. A siege frame of a compatible
// place takes it; otherwise it starts one.
func (d *docState) addSiege(c *claimInfo, ev event, k int, speaker *graph.Entity, frames *[]frame, accs []*acc, home int) []*acc {
	// The place the siege word names ("the siege of the town of X",
	// "have besieged X"), else the event's.
	place := ev.place
	for q := range c.ms {
		m := &c.ms[q]
		if m.ti > k && m.ti <= k+6 && m.ent.Kind == graph.KindPlace && !m.dl && !punctBetween(c.sg.toks, k, m.ti) {
			place = m
			break
		}
	}
	if place == ev.place && !siegeVerbs[c.sg.toks[k].low] && c.sg.toks[k].low != "besieging" && !sieged(c.sg.toks, k) && len(besiegersOf(c, k)) == 0 {
		// A siege ended ("ending the siege") of no named place and no
		// named besieger: the event's own place may be one step of the
		// relief only ("took the villages of X and Y, ending the
		// siege"), its date the siege's last day. A besieger named ("a
		// rebel siege", "a siege of its old quarter by the army") makes
		// it the siege of the event's place.
		return accs
	}
	sv := event{typ: graph.EventSiege, specific: true, cueI: k, cueJ: k + 1, place: place}
	fi := d.sideFrame(frames, sv, c)
	if place == nil && (*frames)[fi].place == nil && (*frames)[home].placeRef != nil {
		// "the enclave, which had been besieged by X" where the claim
		// names no place: the place of the event it is told beside.
		f, h := &(*frames)[fi], (*frames)[home]
		f.place, f.placeRef = h.place, h.placeRef
	}
	a, accs, added := d.sideAccount(accs, fi, speaker, c)
	if !added {
		return accs
	}
	if a.a.Type == "" {
		toks := c.sg.toks
		a.a.Type = graph.EventSiege
		a.a.TypeText = d.text[toks[k].s:toks[k].e]
		sp := d.ri.span(toks[k].s, toks[k].e)
		a.a.TypeSpan = &sp
	}
	if a.a.Place == nil && place != nil {
		p := place
		a.a.Place = &graph.PlaceRef{Entity: d.use(p.ent), Text: d.text[p.s:p.e], Span: d.ri.span(p.s, p.e)}
	}
	if a.a.Date == nil {
		a.a.Date = d.siegeDate(c, ev, k)
	}
	if a.a.Perpetrator == nil {
		for _, m := range besiegersOf(c, k) {
			at := d.attribution(m.ent, c.sg.toks, m.ti, m.tj, c)
			if a.a.Perpetrator == nil {
				a.a.Perpetrator = at
			} else if at.Entity.ID != a.a.Perpetrator.Entity.ID {
				a.a.CoPerpetrators = append(a.a.CoPerpetrators, *at)
			}
		}
	}
	return accs
}

// backgroundCapture finds the taking of a place that a claim tells
// beside a killing, in a clause of its own: "executed 45 of its sons after
// storming the town on Thursday", "documented the death of 90 guards
// after Islamic State fighters stormed the field". It returns the verb's
// token, or -1. The killing stays the claim's event;
// the taking is a second one, at the place the clause names or the
// killing's.
func backgroundCapture(toks []token, ev event, ms []mention) int {
	if ev.typ != graph.EventMassacre && ev.typ != graph.EventAttack {
		return -1
	}
	for k := range toks {
		switch toks[k].low {
		case "stormed", "storming", "captured", "capturing", "seized", "seizing", "overran", "overrunning", "recaptured", "recapturing", "retook":
		default:
			continue
		}
		if k > 0 && (toks[k-1].low == "were" || toks[k-1].low == "was" || toks[k-1].low == "been" || toks[k-1].low == "being") {
			continue // "executed after they were captured": people taken
		}
		if k+1 < len(toks) && (takenPeople[toks[k+1].low] || toks[k+1].low == "them" || toks[k+1].low == "him" || toks[k+1].low == "her") {
			continue // "shot dead 11 soldiers after capturing them"
		}
		if k == ev.cueI {
			// "documented the deaths of 11 civilians, after fighters
			// stormed the village": the storming is the killing's own
			// word, the one event (afterEvent).
			continue
		}
		// The thing taken is a place, ground or a definite site ("stormed
		// the field"), not people ("captured the soldiers").
		site := k+2 < len(toks) && toks[k+1].low == "the" && toks[k+2].kind == tWord && !takenPeople[toks[k+2].low]
		for b := k - 1; b >= 0 && b >= k-5 && toks[b].kind != tPunct; b-- {
			if toks[b].low != "after" {
				continue
			}
			if (placeWithin(ms, k+1, 4) || groundTaken(toks, k, ms) || site) && (ev.place != nil || placeWithin(ms, k+1, 4)) {
				return k
			}
			break
		}
	}
	return -1
}

// takenPeople are the people a verb of taking may take instead of a place.
var takenPeople = set("men", "soldiers", "fighters", "civilians", "people", "women", "children", "residents",
	"guards", "workers", "journalists", "hostages", "prisoners", "policemen", "officers", "pilot", "crew", "staff")

// capturedPlace returns the place named as taken by the capture verb at
// token k ("after storming the village of X"), or nil.
func capturedPlace(c *claimInfo, k int) *mention {
	for q := range c.ms {
		if m := &c.ms[q]; m.ent.Kind == graph.KindPlace && !m.dl && m.ti > k && m.ti <= k+5 && !punctBetween(c.sg.toks, k, m.ti) {
			return m
		}
	}
	return nil
}

// addCapture gives the speaker an account of the taking a claim tells at
// token k beside its killing ev (see backgroundCapture): at the place
// named after the verb, else ev's, on ev's date, by ev's parties.
func (d *docState) addCapture(c *claimInfo, ev event, k int, speaker *graph.Entity, frames *[]frame, accs []*acc) []*acc {
	place := ev.place
	if m := capturedPlace(c, k); m != nil {
		place = m
	}
	if place == nil {
		return accs
	}
	cv := event{typ: graph.EventCapture, specific: true, cueI: k, cueJ: k + 1, place: place, date: ev.date, perps: ev.perps}
	fi := d.sideFrame(frames, cv, c)
	a, accs, added := d.sideAccount(accs, fi, speaker, c)
	if !added {
		return accs
	}
	toks := c.sg.toks
	if a.a.Type == "" {
		a.a.Type = graph.EventCapture
		a.a.TypeText = d.text[toks[k].s:toks[k].e]
		sp := d.ri.span(toks[k].s, toks[k].e)
		a.a.TypeSpan = &sp
	}
	if a.a.Place == nil {
		a.a.Place = &graph.PlaceRef{Entity: d.use(place.ent), Text: d.text[place.s:place.e], Span: d.ri.span(place.s, place.e)}
	}
	if a.a.Date == nil && ev.date != nil {
		dt := ev.date.d
		dt.Text = d.text[toks[ev.date.i].s:toks[ev.date.j-1].e]
		dt.Span = d.ri.span(toks[ev.date.i].s, toks[ev.date.j-1].e)
		a.a.Date = &dt
	}
	if a.a.Perpetrator == nil {
		for _, p := range ev.perps {
			if p.Polarity != graph.Affirmed {
				continue
			}
			if a.a.Perpetrator == nil {
				a.a.Perpetrator = p
			} else if p.Entity.ID != a.a.Perpetrator.Entity.ID {
				a.a.CoPerpetrators = append(a.a.CoPerpetrators, *p)
			}
		}
	}
	return accs
}

// besiegersOf returns the parties the siege word at k names as besieging,
// in the siege's own words: "the Islamic State's siege", "a rebel siege",
// "a siege of the old quarter by the army", "rebels who had encircled
// it", "which rebels led by X and Y have besieged since March". Those are
// the siege's parties, not the event's it is told beside; the besieged
// ("soldiers who had been besieged") are none.
func besiegersOf(c *claimInfo, k int) []mention {
	toks := c.sg.toks
	actor := func(m *mention) bool {
		return actorKind(m.ent.Kind) && m.ent.Kind != graph.KindUnknown && !(c.speech != nil && m.ti >= c.speech.npS && m.tj <= c.speech.npE)
	}
	var out []mention
	within := func(from, to int) {
		for q := range c.ms {
			if m := &c.ms[q]; m.ti >= from && m.tj <= to && actor(m) {
				out = append(out, *m)
			}
		}
	}
	endingAt := func(e int) {
		for q := range c.ms {
			if m := &c.ms[q]; m.tj == e && actor(m) {
				out = append(out, *m)
				return
			}
		}
	}
	switch w := toks[k].low; {
	case siegeVerbs[w]:
		b := k - 1
		for b >= 0 && (toks[b].low == "have" || toks[b].low == "has" || toks[b].low == "had" || toks[b].low == "long" || toks[b].low == "also") {
			b--
		}
		if b >= 0 && (toks[b].low == "been" || toks[b].low == "being") && k+1 < len(toks) && toks[k+1].low == "by" {
			// "which had been besieged by regime forces and the militias
			// loyal to them since 2012": the agent after "by".
			e := k + 2
			for e < len(toks) && e <= k+10 && toks[e].kind != tPunct && !finiteVerb(toks[e].low) && toks[e].low != "since" && toks[e].low != "for" {
				e++
			}
			within(k+2, e)
			return out
		}
		if b == k-1 || b < 0 || toks[b].low == "been" || toks[b].low == "being" {
			return nil // "had been besieged": the besieged
		}
		if toks[b].low == "who" || toks[b].low == "that" {
			endingAt(b)
			return out
		}
		// "which rebels led by X and Y have besieged"
		for r := b; r >= 0 && r >= b-12 && toks[r].kind != tPunct; r-- {
			if toks[r].low == "which" || toks[r].low == "that" {
				within(r+1, b+1)
				return out
			}
		}
	case w == "siege" || w == "blockade" || w == "encirclement":
		p := k - 1
		if p >= 0 && toks[p].low == "'s" {
			p--
		}
		if p >= 0 {
			endingAt(p + 1)
			if len(out) > 0 {
				return out
			}
		}
		// "a siege of the old quarter by the army": the agent after "by"
		// within the siege's phrase.
		for b := k + 1; b < len(toks) && b <= k+10 && toks[b].kind != tPunct; b++ {
			if toks[b].low == "by" {
				e := b + 1
				for e < len(toks) && e <= b+8 && toks[e].kind != tPunct && !finiteVerb(toks[e].low) {
					e++
				}
				within(b+1, e)
				return out
			}
		}
	}
	return out
}

// siegeDate dates a siege told beside an event: from the start a "since"
// after the siege word gives ("which they have besieged since March",
// "ending a blockade that had cut the town off since June") to the event's
// day or the report's, or else the event's own date, when the siege held
// (or ended). Nil without either.
func (d *docState) siegeDate(c *claimInfo, ev event, k int) *graph.Date {
	toks := c.sg.toks
	var at *graph.Date
	if ev.date != nil {
		dt := ev.date.d
		dt.Text = d.text[toks[ev.date.i].s:toks[ev.date.j-1].e]
		dt.Span = d.ri.span(toks[ev.date.i].s, toks[ev.date.j-1].e)
		at = &dt
	}
	for _, df := range c.dates {
		if !df.since || df.i <= k {
			continue
		}
		end := d.doc.Date
		if at != nil && !ev.date.since {
			end = at.To
		}
		if end == "" || end < df.d.From {
			break
		}
		dt := df.d
		dt.To, dt.Precision = end, graph.PrecisionRange
		dt.Text = d.text[toks[df.i].s:toks[df.j-1].e]
		dt.Span = d.ri.span(toks[df.i].s, toks[df.j-1].e)
		return &dt
	}
	return at
}

// notePrevActor remembers the party a claim names first outside its
// speaker, for "Its strikes ..." in the next sentence.
func (d *docState) notePrevActor(c *claimInfo) {
	for k := range c.ms {
		m := &c.ms[k]
		if !actorKind(m.ent.Kind) || c.speech != nil && m.ti >= c.speech.npS && m.tj <= c.speech.npE {
			continue
		}
		d.prevActor = m.ent
		return
	}
}

// compatible reports whether a claim's event can be the frame's event.
// definiteAssault reports whether the cue at i is "assault" named by a
// definite article, with at most three modifiers between ("the assault",
// "the final assault", "the two-day assault"): an assault already told.
func definiteAssault(toks []token, i int) bool {
	if i < 1 || i >= len(toks) || toks[i].low != "assault" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch {
		case toks[k].low == "the" || toks[k].low == "that" || toks[k].low == "this":
			return true
		case toks[k].kind == tPunct && toks[k].text != "-":
			return false
		case toks[k].kind == tWord && (toks[k].cap || attackCues[toks[k].low] || strikeCues[toks[k].low]):
			return false
		}
	}
	return false
}

func (d *docState) compatible(f *frame, ev event) bool {
	// Strikes from the air and shelling are two events even on one place
	// and day ("warplanes carried out strikes on the town, and regime
	// forces shelled its western neighbourhoods"), unless the claim refers
	// back to one.
	if ev.specific && !ev.anaph && means(ev.typ) != 0 && means(f.typ) != 0 && means(ev.typ) != means(f.typ) {
		return false
	}
	if ev.typ != "" && f.typ != "" && family(ev.typ) != family(f.typ) && !(ev.typ == graph.EventAttack && !ev.specific && ev.place == nil) {
		fa, fb := family(ev.typ), family(f.typ)
		if !(fa == 6 && fb <= 2 || fb == 6 && fa <= 2) {
			return false
		}
	}
	if ev.place != nil && f.place != nil {
		p := ev.place.ent
		if !d.within(p.ID, f.place.ID) && !d.within(f.place.ID, p.ID) {
			return false
		}
	}
	// "The army recaptured Khanasir ... The Islamic State seized Khanasir
	// on 23 October": a place taken by an armed group and a place taken
	// by a state's forces are its capture and its recapture, two events.
	if s := d.captorSides(ev); s != 0 && f.captors != 0 && f.typ == graph.EventCapture && s&f.captors == 0 {
		return false
	}
	if ev.date != nil && f.from != "" {
		from, to := ev.date.d.From, ev.date.d.To
		if ev.date.since {
			to = "9999-12-31"
		}
		if to < f.from || from > f.to {
			return false
		}
	}
	return true
}

// readInside reads where the text puts places the gazetteer lacks: a
// place of the kind named, then "in" a larger place, in one phrase ("Beit
// Sadan, a village in the Arhab district", "the village of Beit Saadan in
// Arhab district"). The reading holds for this document only (d.inside).
func (d *docState) readInside() {
	for _, c := range d.claims {
		toks, ms := c.sg.toks, c.ms
		for k := range ms {
			a := &ms[k]
			if a.ent.Kind != graph.KindPlace || a.ent.Gazetteer || a.ref {
				continue
			}
			j := a.tj
			// ", a village", ", a town in": an apposition of its kind.
			if j+2 < len(toks) && isPunct(&toks[j], ",") && (toks[j+1].low == "a" || toks[j+1].low == "an") && placeNouns[toks[j+2].low] != "" {
				j += 3
			}
			if j >= len(toks) || toks[j].low != "in" {
				continue
			}
			j++
			if j < len(toks) && toks[j].low == "the" {
				j++
			}
			q := coveredBy(ms, j)
			if q < 0 || ms[q].ti != j || ms[q].ent.Kind != graph.KindPlace || ms[q].ent.ID == a.ent.ID || rankOf(ms[q].ent) <= rankOf(a.ent) {
				continue
			}
			if _, ok := d.inside[a.ent.ID]; !ok {
				if d.inside == nil {
					d.inside = map[uuid.UUID]uuid.UUID{}
				}
				d.inside[a.ent.ID] = ms[q].ent.ID
			}
		}
	}
}

// within reports whether place a is b or lies inside it, as the
// gazetteer, the places the text put somewhere (d.inside) and the
// entities' own enclosing places say.
func (d *docState) within(a, b uuid.UUID) bool {
	for n := 0; n < 8; n++ {
		if a == b || d.g.Within(a, b) {
			return true
		}
		next, ok := d.inside[a]
		if !ok {
			e := d.entity(a)
			if e == nil || e.Gazetteer || e.Within == nil {
				return false
			}
			next = *e.Within
		}
		a = next
	}
	return false
}

// ownDate reports whether the date found at token i is the one the event
// word ending at cueJ takes: "of" or "on" and at most "the night of"
// between them.
func ownDate(toks []token, cueJ, i int) bool {
	if cueJ <= 0 || i < cueJ || i-cueJ > 4 || i >= len(toks) {
		return false
	}
	if toks[cueJ].low != "of" && toks[cueJ].low != "on" {
		return false
	}
	for k := cueJ + 1; k < i; k++ {
		switch toks[k].low {
		case "the", "night", "of", "during":
		default:
			return false
		}
	}
	return true
}

// groundRaiders reports whether a sentence that tells of a raid and of no
// aircraft or state's forces names raiders on the ground: an armed group,
// or fighters by a common word ("insurgent", "gunmen", "bandits").
func groundRaiders(toks []token, groupOnly bool) bool {
	if groupOnly {
		return true
	}
	for k := range toks {
		switch toks[k].low {
		case "insurgent", "insurgents", "gunmen", "bandits", "militants", "jihadist", "jihadists", "rebels", "rebel", "gang", "gangs", "militiamen", "fighters":
			return true
		}
	}
	return false
}

// oppositionTheatre reports whether the document is about a war in which
// "armed groups", "terrorists" and "rebels" name one side, the armed
// opposition to the government (Syria, Iraq, Yemen, Libya: the curated
// gazetteer's wars). Elsewhere "gunmen", "terrorists" or "insurgents"
// name attackers the source does not identify, and blame no party.
func (d *docState) oppositionTheatre() bool {
	if d.country == nil {
		return true
	}
	switch d.country.Name {
	case "Syria", "Iraq", "Yemen", "Libya":
		return true
	}
	return false
}

// agentPhrase reports whether a sentence names who did the act by a verb
// of doing and "by": "perpetrated by", "carried out by", "committed by".
func agentPhrase(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		switch toks[k].low {
		case "perpetrated", "committed", "conducted":
			if toks[k+1].low == "by" {
				return true
			}
		case "carried":
			if k+2 < len(toks) && toks[k+1].low == "out" && toks[k+2].low == "by" {
				return true
			}
		}
	}
	return false
}

// transportVerbs move people or goods: "flown to Bunia by helicopter".
var transportVerbs = set("flown", "flew", "fly", "arrived", "arrives", "travelled", "traveled", "transported", "taken",
	"airlifted", "evacuated", "brought", "carried", "moved", "transferred", "ferried", "delivered", "came", "went", "visited")

// airTransport reports whether the aircraft word at i is the means of a
// journey: "by helicopter" after a verb of moving people or goods in its
// clause ("the most serious cases were flown to Bunia by helicopter",
// "The minister arrived in the town by helicopter").
func airTransport(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && (toks[k].low == "a" || toks[k].low == "an" || toks[k].low == "military" || toks[k].low == "army" || toks[k].low == "un" || toks[k].low == "private") {
		k--
	}
	if k < 0 || toks[k].low != "by" {
		return false
	}
	for b := k - 1; b >= 0 && b >= k-8; b-- {
		if toks[b].kind == tPunct {
			return false
		}
		if transportVerbs[toks[b].low] {
			return true
		}
	}
	return false
}

// medicalEvacuation reports whether the evacuation word at i takes the
// wounded for care ("were evacuated for treatment", "evacuated to
// hospital", "the medical evacuation of"): no evacuation of a place.
func medicalEvacuation(toks []token, i int) bool {
	if i > 0 && toks[i-1].low == "medical" {
		return true
	}
	// "an evacuation flight to the city", "evacuated by helicopter":
	// the wounded flown out.
	if i+1 < len(toks) && (toks[i+1].base == "flight" || toks[i+1].low == "helicopter" || toks[i+1].low == "helicopters") {
		return true
	}
	for k := i + 1; k+1 < len(toks) && k <= i+3; k++ {
		if toks[k].low == "by" && (toks[k+1].low == "air" || toks[k+1].low == "ambulance" || toks[k+1].low == "ambulances" || strings.HasPrefix(toks[k+1].low, "helicopter")) {
			return true
		}
		if toks[k].low == "by" && k+2 < len(toks) && strings.HasPrefix(toks[k+2].low, "helicopter") {
			return true
		}
	}
	if i+2 >= len(toks) {
		return false
	}
	switch n := toks[i+1].low; {
	case n == "for" && (toks[i+2].low == "treatment" || toks[i+2].low == "medical"):
		return true
	case n == "to" && (toks[i+2].low == "hospital" || toks[i+2].low == "hospitals" || i+3 < len(toks) && (toks[i+2].low == "a" || toks[i+2].low == "the") && (toks[i+3].low == "hospital" || toks[i+3].low == "hospitals")):
		return true
	}
	// "the seven wounded soldiers had been evacuated to Kandi": the hurt,
	// the subject of the passive, taken somewhere.
	// "31 people injured, 12 of them evacuated to Bunia": a part of the
	// hurt.
	if i >= 3 && toks[i-1].low == "them" && toks[i-2].low == "of" {
		for k := i - 3; k >= 0 && k >= i-10; k-- {
			if w := toks[k].low; w == "injured" || w == "wounded" || w == "casualties" {
				return true
			}
			if isPunct(&toks[k], ".") || isPunct(&toks[k], ";") {
				break
			}
		}
	}
	// ("We withdrew with all our fighters, and the wounded were
	// evacuated": the town's evacuation, no destination for care.)
	if i > 0 && (toks[i-1].low == "been" || toks[i-1].low == "were" || toks[i-1].low == "was") && i+1 < len(toks) && toks[i+1].low == "to" {
		for k := i - 2; k >= 0 && k >= i-7; k-- {
			w := toks[k].low
			if toks[k].kind == tPunct {
				break
			}
			if w == "injured" || w == "wounded" || w == "casualties" || w == "patients" {
				return true
			}
		}
	}
	// "evacuated more than 100 injured people", "evacuated the wounded":
	// the people moved are the hurt.
	for k := i + 1; k < len(toks) && k <= i+5; k++ {
		w := toks[k].low
		if w == "injured" || w == "wounded" || w == "casualties" || w == "bodies" {
			return true
		}
		if toks[k].kind == tPunct || w == "from" || w == "to" {
			break
		}
	}
	return false
}

// groupAfterPossessive returns the armed group's mention that follows
// the mention m at once when m is in the possessive ("Lebanon's
// Hezbollah", "Lebanon 's Hezbollah"), else nil.
func groupAfterPossessive(toks []token, ms []mention, m mention) *mention {
	n := afterPossessive(toks, m.tj)
	if n < 0 {
		return nil
	}
	for k := range ms {
		if ms[k].ti == n && ms[k].ent.Kind == graph.KindArmedGroup {
			return &ms[k]
		}
	}
	return nil
}

// means tells an event by what struck: from the air (1) or from guns
// and launchers on the ground (2); other events 0.
func means(t graph.EventType) int {
	switch t {
	case graph.EventAirstrike:
		return 1
	case graph.EventShelling:
		return 2
	}
	return 0
}

func family(t graph.EventType) int {
	switch t {
	case graph.EventAirstrike, graph.EventShelling, graph.EventMassacre, graph.EventAttack, graph.EventExplosion, graph.EventProhibitedArms:
		return 1
	case graph.EventBombingCampaign:
		return 2
	case graph.EventEvacuation:
		return 3
	case graph.EventSiege:
		return 4
	case graph.EventCapture:
		return 5
	}
	return 6
}

var typeRank = map[graph.EventType]int{
	graph.EventProhibitedArms: 1, graph.EventAirstrike: 2, graph.EventBombingCampaign: 2,
	graph.EventShelling: 3, graph.EventExplosion: 4, graph.EventEvacuation: 5,
	graph.EventCapture: 5, graph.EventSiege: 6, graph.EventMassacre: 7,
	graph.EventDestruction: 8, graph.EventAttack: 9,
}

// extendFrame narrows a frame with what a claim adds.
func (d *docState) extendFrame(f *frame, ev event, c *claimInfo) {
	if f.target == "" {
		f.target = ev.target
	}
	if ev.place != nil && (f.place == nil || rankOf(ev.place.ent) < rankOf(f.place)) {
		p := ev.place
		f.placeRef = &graph.PlaceRef{Entity: d.use(p.ent), Text: d.text[p.s:p.e], Span: d.ri.span(p.s, p.e)}
	}
	if ev.date != nil && !ev.date.since && (f.from == "" || ev.date.d.Precision == graph.PrecisionDay) {
		toks := c.sg.toks
		dt := ev.date.d
		dt.Text = d.text[toks[ev.date.i].s:toks[ev.date.j-1].e]
		dt.Span = d.ri.span(toks[ev.date.i].s, toks[ev.date.j-1].e)
		f.dateRef = &dt
	}
	if ev.typ != "" && (f.typ == "" || typeRank[ev.typ] < typeRank[f.typ]) {
		f.typ = ev.typ
	}
	if ev.place != nil && (f.place == nil || rankOf(ev.place.ent) < rankOf(f.place)) {
		f.place = ev.place.ent
	}
	if ev.date != nil && !ev.date.since && (f.from == "" || ev.date.d.Precision == graph.PrecisionDay) {
		f.from, f.to = ev.date.d.From, ev.date.d.To
	}
	f.captors |= d.captorSides(ev)
}

// affirmedOnly reports whether there are perpetrators and none is denied.
func affirmedOnly(ps []*graph.Attribution) bool {
	for _, p := range ps {
		if p.Polarity != graph.Affirmed {
			return false
		}
	}
	return len(ps) > 0
}

// addToAccount adds a claim's contribution to an account.
func (d *docState) addToAccount(a *acc, c *claimInfo, ev event) {
	a.claims = append(a.claims, c)
	a.a.Claims = append(a.a.Claims, c.claim.ID)
	switch {
	case c.claim.Polarity == graph.Denied && ev.cueI < 0 && affirmedOnly(ev.perps):
		// "said that none of its units were in the area and that the
		// killings bore the hallmarks of X": the event referred back is
		// blamed outside what the claim denies.
		a.pos = true
	case c.claim.Polarity == graph.Denied && (ev.cueI < 0 || ev.cueI >= c.negFrom && ev.cueI < c.negTo):
		a.neg = true
	case c.claim.Polarity == graph.Denied:
		a.pos = true // the event is outside what the claim denies
	case ev.specific && ev.typ != "":
		a.pos = true
	}
	if ev.typ != "" && (a.a.Type == "" || typeRank[ev.typ] < typeRank[a.a.Type]) {
		a.a.Type = ev.typ
		if ev.cueI >= 0 {
			toks := c.sg.toks
			a.a.TypeText = d.text[toks[ev.cueI].s:toks[ev.cueJ-1].e]
			sp := d.ri.span(toks[ev.cueI].s, toks[ev.cueJ-1].e)
			a.a.TypeSpan = &sp
		}
	}
	if ev.date != nil {
		dt := ev.date.d
		toks := c.sg.toks
		dt.Text = d.text[toks[ev.date.i].s:toks[ev.date.j-1].e]
		dt.Span = d.ri.span(toks[ev.date.i].s, toks[ev.date.j-1].e)
		if ev.date.since && d.doc.Date != "" && d.doc.Date > dt.From {
			dt.To = d.doc.Date
			dt.Precision = graph.PrecisionRange
		}
		if a.a.Date == nil || dt.Precision == graph.PrecisionDay && a.a.Date.Precision != graph.PrecisionDay {
			a.a.Date = &dt
		}
	}
	if ev.place != nil {
		var cur *graph.Entity
		if a.a.Place != nil {
			cur = d.entity(a.a.Place.Entity.ID)
		}
		if cur == nil || rankOf(ev.place.ent) < rankOf(cur) && !settledElsewhere(d.g, cur, ev.place.ent) {
			p := ev.place
			a.a.Place = &graph.PlaceRef{Entity: d.use(p.ent), Text: d.text[p.s:p.e], Span: d.ri.span(p.s, p.e)}
		}
	}
	for _, p := range ev.perps {
		if a.a.Perpetrator == nil || a.a.Perpetrator.Entity.Kind == graph.KindUnknown && p.Entity.Kind != graph.KindUnknown && a.weakUnknown {
			a.weakUnknown = p.Entity.Kind == graph.KindUnknown && (strings.HasPrefix(fold(p.Text), "a ") || strings.HasPrefix(fold(p.Text), "an "))
			a.a.Perpetrator = p
			continue
		}
		dup := a.a.Perpetrator.Entity.ID == p.Entity.ID && a.a.Perpetrator.Polarity == p.Polarity
		for _, q := range a.a.CoPerpetrators {
			if q.Entity.ID == p.Entity.ID && q.Polarity == p.Polarity {
				dup = true
			}
		}
		if !dup && p.Entity.Kind != graph.KindUnknown {
			a.a.CoPerpetrators = append(a.a.CoPerpetrators, *p)
		}
	}
	if a.a.Target == "" {
		a.a.Target = ev.target
	}
	if ev.typ == graph.EventEvacuation || ev.typ == "" && a.a.Type == graph.EventEvacuation {
		// People counted in an account of an evacuation are the evacuees:
		// "more than 1,400 people on the buses".
		for k := range c.claim.Values {
			if v := &c.claim.Values[k]; v.Attribute == "count" && evacueeWho[v.Who] {
				v.Attribute = "evacuated"
			}
		}
	}
	if c.claim.Polarity != graph.Denied {
		for _, v := range c.claim.Values {
			if !a.vals[v.Span] {
				a.vals[v.Span] = true
				a.a.Values = append(a.a.Values, v)
			}
		}
	}
}

// evacueeWho are the people an evacuation's bare count counts.
var evacueeWho = set("people", "civilians", "fighters", "families", "children", "women")

// accounts returns the built accounts.
func (d *docState) accounts() []graph.Account {
	out := make([]graph.Account, 0, len(d.accs))
	for _, a := range d.accs {
		out = append(out, a.a)
	}
	return out
}

// groundSubject reports whether the verb of striking at toks[v] ("struck",
// "strike") has a force on the ground for its subject, in the words just
// before it: "government troops struck", "a Turkish-led offensive struck",
// "rebel fighters struck".
func groundSubject(toks []token, v int) bool {
	if w := toks[v].low; w != "struck" && w != "strike" && w != "striking" {
		return false
	}
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		t := &toks[k]
		if t.kind == tPunct {
			return false
		}
		switch t.low {
		case "troops", "soldiers", "fighters", "rebels", "militants", "insurgents", "gunmen",
			"jihadists", "militias", "militiamen", "offensive", "assault", "infantry", "commandos":
			return true
		}
	}
	return false
}

// airborneWord reports whether a claim names the air: "air", "aerial",
// "barrel" bombs, or an aircraft.
func airborneWord(toks []token) bool {
	for i := range toks {
		if airCues[toks[i].low] || toks[i].low == "air" || toks[i].low == "aerial" || toks[i].low == "barrel" {
			return true
		}
	}
	return false
}

// noRecordOf reports whether "no record(s) of" starts at k: "it had no
// record of a strike at that location".
func noRecordOf(toks []token, k int) bool {
	return k+2 < len(toks) && toks[k].low == "no" && (toks[k+1].low == "record" || toks[k+1].low == "records") && toks[k+2].low == "of"
}

// noFlights reports whether the verb at j says its subject flew nothing:
// "Russian aircraft had made no flights over the area", "carried out no
// sorties". The aircraft's party is denied its part in the strike
// reported.
func noFlights(toks []token, j int) bool {
	switch toks[j].low {
	case "made", "make", "makes", "carried", "conducted", "performed", "flew":
	default:
		return false
	}
	k := j + 1
	if k < len(toks) && toks[k].low == "out" {
		k++
	}
	if k >= len(toks) || toks[k].low != "no" {
		return false
	}
	for n := k + 1; n < len(toks) && n <= k+2; n++ {
		switch toks[n].low {
		case "flights", "flight", "sorties", "sortie", "missions":
			return true
		}
	}
	return false
}

// sideFrame files a second event a claim tells beside its own (a siege in
// a relative clause, a taking in an "after" clause) in the latest frame of
// its type it is compatible with, or a new one, and returns the frame's
// index.
func (d *docState) sideFrame(frames *[]frame, ev event, c *claimInfo) int {
	fi := -1
	for x := len(*frames) - 1; x >= 0; x-- {
		if (*frames)[x].typ == ev.typ && d.compatible(&(*frames)[x], ev) {
			fi = x
			break
		}
	}
	if fi < 0 {
		*frames = append(*frames, frame{})
		fi = len(*frames) - 1
	}
	d.extendFrame(&(*frames)[fi], ev, c)
	return fi
}

// sideAccount is the speaker's account of frame fi, with the claim that
// tells the side event added to it; added is false when the claim was
// there already.
func (d *docState) sideAccount(accs []*acc, fi int, speaker *graph.Entity, c *claimInfo) (*acc, []*acc, bool) {
	var a *acc
	a, accs = d.accountOf(accs, fi, speaker)
	for _, x := range a.claims {
		if x == c {
			return a, accs, false
		}
	}
	a.claims = append(a.claims, c)
	a.a.Claims = append(a.a.Claims, c.claim.ID)
	a.pos = true
	return a, accs, true
}

// settledElsewhere reports whether an account placed at a town or a village
// (cur) is told of again at a smaller place that does not lie in it (next):
// "Russian aircraft did not carry out any flights in the area of the
// settlement of Haas ... We regard the accusations as a fabrication
// intended to distract attention from the crimes of the terrorists in
// eastern Aleppo" stays at Haas.
func settledElsewhere(g *gazetteer.Gazetteer, cur, next *graph.Entity) bool {
	r := rankOf(cur)
	if r < placeRank["village"] || r > placeRank["town"] || cur.ID == next.ID {
		return false
	}
	if next.Within != nil && (*next.Within == cur.ID || g.Within(*next.Within, cur.ID)) {
		return false
	}
	return !g.Within(next.ID, cur.ID)
}
