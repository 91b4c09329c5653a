package extract

import (
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
)

// A transcript (an interview on the radio, a press conference, a
// briefing) gives each turn to its speaker with a tag that opens the
// paragraph: "PRESENTER:", "SPOKESMAN:", "DR YARED:", "MS. PSAKI:",
// "Presenter:". The turn runs, paragraph after paragraph, until the next
// tag, and every sentence of it is the tag's speaker's, as a meeting
// record's turn is the delegation's. The speaker is who the tag names,
// read where the text introduces them ("Guests: the spokesman of the
// command post, and Dr Yared Mekonnen, a surgeon"): a spokesman's words
// are the party's he speaks for, and a party the document speaks for is
// its own voice. The presenter's and the interviewer's turns are the
// document's own voice; their questions assert nothing.

// talk is the transcript turn the text is in.
type talk struct {
	on   bool          // inside a tagged turn
	ent  *graph.Entity // its speaker; nil for the document's own voice
	s, e int           // byte span of the tag
	// tags caches each tag's speaker (nil: the voice) by its words.
	tags map[string]*graph.Entity
	// is: the document is a transcript (several tagged turns, one tag
	// at least twice); read once, before the claims.
	is bool
}

// maxTalkTags bounds the tags whose speaker is looked for in the text
// before them, and maxTalkIntro the sentences looked in.
const (
	maxTalkTags  = 32
	maxTalkIntro = 400
)

// interviewerTags are the tags of the one who asks: the document's voice.
var interviewerTags = set("presenter", "host", "interviewer", "anchor", "moderator", "journalist",
	"reporter", "correspondent", "question", "questioner", "q")

// talkRoles are the offices a tag may name instead of a name.
var talkRoles = set("spokesman", "spokeswoman", "spokesperson", "minister", "commander", "governor",
	"ambassador", "representative", "envoy", "director", "mayor", "president", "prosecutor",
	"chairman", "chairperson", "chair", "official", "coordinator", "secretary", "chief", "head",
	"officer", "doctor", "witness", "resident", "guest")

// talkTitles are the titles a tag puts before a name or an office.
var talkTitles = set("the", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "gen", "general",
	"col", "colonel", "maj", "major", "capt", "captain", "lt", "brig", "brigadier", "sheikh",
	"father", "h.e", "amb", "sen", "rep", "hon")

// notTalkTags are the words of a line's tag that is no speaker: a note, a
// heading, a field of a form.
var notTalkTags = set("note", "notes", "update", "updated", "correction", "corrections", "breaking",
	"urgent", "source", "sources", "editor", "editors", "summary", "background", "context", "flash",
	"alert", "warning", "date", "time", "subject", "re", "to", "from", "cc", "location", "place",
	"end", "ends", "photo", "video", "caption", "watch", "read", "live", "latest", "ref",
	"reference", "annex", "enclosure", "attachment", "title", "symbol", "distr", "original",
	"agenda", "item", "items", "key", "points", "highlights", "figures", "toll")

// talkTag returns the index of the colon that closes a transcript turn's
// tag opening toks, or -1: one to five words in capitals ("DR YARED",
// "MS. PSAKI", "THE MINISTER", "Q"), or one office or interviewer's word
// with a capital ("Presenter", "Spokesperson").
func talkTag(toks []token) int {
	words := 0
	for k := 0; k < len(toks) && k < 8; k++ {
		t := &toks[k]
		switch {
		case isPunct(t, ":"):
			if words == 0 || k+1 >= len(toks) {
				return -1
			}
			return k
		case t.kind == tWord && allCaps(t.text) && !notTalkTags[t.low] && words < 5:
			words++
		case isPunct(t, ".") && k > 0 && toks[k-1].e == t.s && abbreviations[toks[k-1].low]:
		case k == 0 && t.kind == tWord && t.cap && (interviewerTags[t.low] || talkRoles[t.low]) && len(toks) > 2 && isPunct(&toks[1], ":"):
			return 1
		default:
			return -1
		}
	}
	return -1
}

// allCaps reports whether w has a letter and no lower-case one.
func allCaps(w string) bool {
	letter := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letter = true
		}
	}
	return letter
}

// tagWords are a tag's words, lower-case, without titles.
func tagWords(toks []token) []string {
	var ws []string
	for k := range toks {
		if toks[k].kind == tWord && !talkTitles[toks[k].low] {
			ws = append(ws, toks[k].low)
		}
	}
	return ws
}

// readTalk reads whether the document is a transcript: at least three
// paragraphs open with a tag, one tag at least twice.
func (d *docState) readTalk() {
	n := 0
	var seen map[string]int // made at the first tag: most documents have none
	twice := false
	for i := range d.segs {
		sg := &d.segs[i]
		if !sg.first || sg.meta != metaNone {
			continue
		}
		if c := talkTag(sg.toks); c > 0 {
			n++
			if seen == nil {
				seen = map[string]int{}
			}
			k := strings.Join(tagWords(sg.toks[:c]), " ")
			seen[k]++
			twice = twice || seen[k] >= 2
		} else if questionTurn(d.text, sg.s) {
			n++
		}
	}
	d.talk.is = n >= 3 && twice
}

// openTalk starts or ends a transcript turn at the first segment of a
// paragraph, and returns the colon that closes the tag (-1 if none).
func (d *docState) openTalk(sg *segment, i int) int {
	if !d.talk.is || !sg.first || sg.meta != metaNone {
		return -1
	}
	if questionTurn(d.text, sg.s) {
		d.talk.on, d.talk.ent = false, nil
		return -1
	}
	c := talkTag(sg.toks)
	if c < 0 {
		return -1
	}
	ws := tagWords(sg.toks[:c])
	key := strings.Join(ws, " ")
	if d.talk.tags == nil {
		d.talk.tags = map[string]*graph.Entity{}
	}
	ent, ok := d.talk.tags[key]
	if !ok {
		// A transcript has a handful of speakers, introduced near its
		// top; a text of thousands of tags is read without looking
		// back, so that the work stays linear in the text.
		if len(d.talk.tags) < maxTalkTags {
			ent = d.talkSpeaker(ws, i)
		} else {
			ent = d.talkSpeaker(ws, 0)
		}
		d.talk.tags[key] = ent
	}
	d.talk.on, d.talk.ent = true, ent
	d.talk.s, d.talk.e = sg.toks[0].s, sg.toks[c].e
	if ent != nil {
		d.discourse.note(ent, ws...)
	}
	return c
}

// talkSpeaker resolves a tag's words to its speaker, reading the text
// before segment i for where it introduces them; nil is the document's
// own voice.
func (d *docState) talkSpeaker(ws []string, i int) *graph.Entity {
	if len(ws) == 0 || len(ws) == 1 && interviewerTags[ws[0]] {
		return nil
	}
	role := true
	for _, w := range ws {
		role = role && talkRoles[w]
	}
	// own: the document speaks for a party (not an outlet reporting), so
	// its own officials' turns are its voice.
	own := d.voice != nil && d.voice.Kind != graph.KindOutlet && d.voice.Kind != graph.KindAnonymous
	var ent *graph.Entity
	for j := 0; j < i && j < maxTalkIntro && j < len(d.segMS) && ent == nil; j++ {
		toks := d.segs[j].toks
		if d.segs[j].first && talkTag(toks) > 0 {
			continue
		}
		for k := 0; k+len(ws) <= len(toks) && ent == nil; k++ {
			if !matchWords(toks[k:], ws) {
				continue
			}
			if role {
				ent = d.officeHolder(toks, d.segMS[j], k+len(ws)-1)
				continue
			}
			if !toks[k].cap && !strings.Contains(toks[k].low, "-") {
				continue
			}
			s, e := nameRun(toks, k, k+len(ws))
			// "the Department Spokesperson, Jen Psaki", "Ahmed
			// al-Mismari, official spokesman of the General Command": an
			// office holder speaks for the party he serves, and at his
			// own party's press conference for the document's voice.
			if h := officeNear(toks, s, e); h >= 0 {
				if body := d.officeHolder(toks, d.segMS[j], h); body != nil {
					ent = body
					continue
				}
				if own {
					return nil
				}
			}
			if sp, ok := d.speakerNP(toks, d.segMS[j], s, e); ok && sp.ent != nil && sp.ent.Kind != graph.KindPlace {
				ent = sp.ent
			}
		}
	}
	switch {
	case ent != nil && (d.isVoice(ent) || d.sameSide(ent)):
		return nil
	case ent != nil && own && ent.Kind == graph.KindOrg && !ent.Gazetteer:
		// "official spokesman of the General Command" at the press
		// conference of the party the document speaks for: a body the
		// gazetteer lacks, named by its office words, is the party's.
		return nil
	case ent != nil:
		return ent
	case role && own:
		// "THE MINISTER:" at the Government's own press conference.
		return nil
	case role:
		return d.newEntity(graph.KindAnonymous, strings.Join(ws, " "), nil, true)
	case own:
		// "AL-ZAWI:", named nowhere else, in the transcript of a
		// briefing the party publishes: its own official.
		return nil
	}
	name := make([]string, len(ws))
	for k, w := range ws {
		name[k] = titleWord(w)
	}
	return d.newEntity(graph.KindPerson, strings.Join(name, " "), nil, false)
}

// matchWords reports whether toks open with the words ws.
func matchWords(toks []token, ws []string) bool {
	for k, w := range ws {
		if k >= len(toks) || toks[k].kind != tWord || toks[k].low != w {
			return false
		}
	}
	return true
}

// officeHolder resolves the office named at h to the party it serves:
// the body named in its noun phrase ("the army spokesman", "the spokesman
// of the Ministry of Defence"), or a body the gazetteer lacks named by the
// capitalised words after "of" or "for" ("the spokesman of the State of
// Emergency Command Post for the Amhara region"); nil if the phrase names
// none.
func (d *docState) officeHolder(toks []token, ms []mention, h int) *graph.Entity {
	s, e := roleNP(toks, h)
	var named *mention
	for k := range ms {
		m := &ms[k]
		if m.ti >= s && m.tj <= e && (m.ti > h || m.tj <= h) && m.ent.Kind != graph.KindPlace && m.ent.Kind != graph.KindPerson && m.ent.Kind != graph.KindAnonymous {
			named = m
			break
		}
	}
	if named != nil && named.ent.Gazetteer {
		return named.ent
	}
	// The capitalised words after "of" or "for", which the text's names
	// may cut short ("State of Emergency Command Post" read from "State").
	k := h + 1
	if k < e && (toks[k].low == "of" || toks[k].low == "for") {
		k++
		if k < e && toks[k].low == "the" {
			k++
		}
		b := k
		for k < e && (toks[k].cap || (toks[k].low == "of" || toks[k].low == "and") && k+1 < e && toks[k+1].cap) {
			k++
		}
		if k-b >= 2 && (named == nil || named.ti >= b && named.tj <= k) {
			name := d.text[toks[b].s:toks[k-1].e]
			if o := d.lookup(name); o != nil && o.Kind != graph.KindPlace {
				return o
			}
			return d.newEntity(graph.KindOrg, name, nil, false)
		}
	}
	if named != nil {
		return named.ent
	}
	return nil
}

// officeNear returns the office word set in apposition to the name at
// [s, e) ("the Department Spokesperson, Jen Psaki", "Jen Psaki, the
// spokesperson"), or -1.
func officeNear(toks []token, s, e int) int {
	for k := s - 1; k >= 0 && k >= s-4; k-- {
		if officeTitles[toks[k].low] || spokesNouns[toks[k].low] {
			return k
		}
		if toks[k].kind == tPunct && !isPunct(&toks[k], ",") {
			break
		}
	}
	for k := e; k < len(toks) && k < e+5; k++ {
		if officeTitles[toks[k].low] || spokesNouns[toks[k].low] {
			return k
		}
		if toks[k].kind == tPunct && !isPunct(&toks[k], ",") {
			break
		}
	}
	return -1
}

// roleNP returns the noun phrase around the office word at h: the words
// before it back to a determiner or a punctuation mark ("the army
// spokesman", "Amhara's spokesman") and the "of"/"for" phrase after it up
// to a punctuation mark ("the spokesman of the State of Emergency Command
// Post for the Amhara region").
func roleNP(toks []token, h int) (int, int) {
	s := h
	for s > 0 && h-s < 6 && toks[s-1].kind == tWord && !finiteVerb(toks[s-1].low) && toks[s-1].low != "and" && toks[s-1].low != "by" && toks[s-1].low != "with" {
		s--
		if w := toks[s].low; w == "the" || w == "a" || w == "an" {
			break
		}
	}
	e := h + 1
	if e < len(toks) && (toks[e].low == "of" || toks[e].low == "for") {
		for e < len(toks) && e-h < 14 && (toks[e].kind == tWord || isPunct(&toks[e], "'") || isPunct(&toks[e], "-")) && toks[e].low != "and" && toks[e].low != "who" && !finiteVerb(toks[e].low) {
			e++
		}
	}
	return s, e
}

// nameRun widens the words [s, e) of a name to the capitalised run they
// stand in: "Yared" in "Dr Yared Mekonnen", "Psaki" in "Jen Psaki".
func nameRun(toks []token, s, e int) (int, int) {
	for s > 0 && toks[s-1].kind == tWord && toks[s-1].cap && !sentenceStart(toks, s-1) && e-s < 6 {
		s--
	}
	for e < len(toks) && toks[e].kind == tWord && (toks[e].cap || nameParticles[toks[e].low]) && e-s < 6 {
		e++
	}
	return s, e
}

// titleWord writes a tag's word as a name writes it: "YARED" -> "Yared",
// "AL-MISMARI" -> "Al-Mismari".
func titleWord(w string) string {
	rs := []rune(w)
	up := true
	for k, r := range rs {
		if up {
			rs[k] = unicode.ToUpper(r)
		}
		up = r == '-' || r == '\''
	}
	return string(rs)
}
