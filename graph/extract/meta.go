package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// symbolPattern matches UN document symbols: S/2017/893, A/72/555,
// S/RES/2254 (2015), A/HRC/36/55, S/2017/893/Add.1.
var symbolPattern = regexp.MustCompile(`^(?:S|A|E)(?:/[A-Z]{2,5})*/\d{1,4}(?:/\d+)?(?:/Add\.\d+|/Rev\.\d+)?$`)

// metaKind says why a segment is metadata.
type metaKind uint8

const (
	metaNone metaKind = iota
	metaHeading
	metaSymbol
	metaDateline
	metaByline
	metaHeader // "Colonel X, spokesman of Y, in answers to ..."
	metaSignature
	metaSalutation
	metaFormula // "On instructions from my Government, I wish to inform you ..."
)

// clash records a disagreement between the caller and the text, or takes
// the text's value when the caller gave none. It returns the value kept.
func (d *docState) clash(field, caller, text string, s, e int) string {
	if text == "" {
		return caller
	}
	if caller == "" {
		return text
	}
	if sameValue(field, caller, text) {
		return caller
	}
	d.doc.Clashes = append(d.doc.Clashes, graph.MetadataClash{Field: field, Caller: caller, Text: text, Span: d.ri.span(s, e)})
	return caller
}

// sameValue compares metadata leniently: case, punctuation and articles do
// not matter, and one name containing the other ("Security Council" in
// "President of the Security Council") is not a clash.
func sameValue(field, a, b string) bool {
	fa, fb := gazetteer.FoldKey(a), gazetteer.FoldKey(b)
	if fa == fb {
		return true
	}
	switch field {
	case "author", "on_behalf_of", "addressed_to", "title":
		return strings.Contains(fa, fb) || strings.Contains(fb, fa)
	}
	return false
}

// readMetadata reads what the text says about itself and marks metadata
// segments.
func (d *docState) readMetadata() {
	var textTitle, textSymbol, textDate, textAuthor, dateline string
	var titleSpan, symSpan, dateSpan, authorSpan [2]int
	for i := range d.segs {
		sg := &d.segs[i]
		toks := sg.toks
		if len(toks) == 0 {
			sg.meta = metaHeading
			continue
		}
		// UN symbols anywhere in a short line, or at the start of a long one.
		for k := range toks {
			if toks[k].kind == tWord && symbolPattern.MatchString(toks[k].text) && strings.HasPrefix(toks[k].text, "S/") || toks[k].kind == tWord && symbolPattern.MatchString(toks[k].text) && len(toks) <= 8 {
				if textSymbol == "" {
					textSymbol = toks[k].text
					symSpan = [2]int{toks[k].s, toks[k].e}
				}
				if len(toks) <= 8 {
					sg.meta = metaSymbol
				}
				break
			}
		}
		// A meeting record's symbol opens its first line: "S/PV.8705, 14
		// January 2020, 10 a.m.".
		if sg.meta == metaNone && sg.para < 4 && recordSymbol(toks) {
			sg.meta = metaSymbol
			if textSymbol == "" {
				textSymbol = d.text[toks[0].s:toks[2].e]
				symSpan = [2]int{toks[0].s, toks[2].e}
			}
		}
		if sg.meta == metaNone && (chairLine(toks) || phatic(toks)) {
			sg.meta = metaFormula
		}
		if sg.meta != metaNone {
			continue
		}
		if sg.heading && len(toks) < 40 {
			sg.meta = metaHeading
			if textTitle == "" && sg.para == 0 {
				textTitle = d.text[sg.s:sg.e]
				titleSpan = [2]int{sg.s, sg.e}
			}
			// "Letter dated ... from ... addressed to ..." headings.
			d.letterHeading(sg, &textDate, &dateSpan, &textAuthor, &authorSpan)
			continue
		}
		if sg.first && sg.para < 4 {
			if k, name, date, ok := d.datelineAt(sg); ok {
				if textDate == "" && date.From != "" {
					textDate = date.From
					dateSpan = [2]int{toks[k].s, toks[len(toks)-1].e}
				}
				if name != nil {
					nm := d.text[name[0]:name[1]]
					if d.isPlaceName(nm) {
						sg.meta = metaDateline
						if dateline == "" {
							dateline = nm
						}
					} else {
						sg.meta = metaByline
						if textAuthor == "" {
							textAuthor = nm
							authorSpan = [2]int{name[0], name[1]}
						}
					}
				} else {
					sg.meta = metaDateline
				}
				// The sentence after a dateline that only introduces who
				// speaks ("Colonel Ryan Dillon, spokesman of ...") is a header.
				// So is one that only names who issues the document
				// ("Combined Joint Task Force - Operation Inherent Resolve.").
				d.headerNotes(i)
				continue
			}
			// "Local news digest, Maiduguri, 1 December 2020."
			if bylineAt(toks) {
				sg.meta = metaByline
				d.headerNotes(i)
				continue
			}
		}
		switch {
		case len(toks) >= 2 && isPunct(&toks[0], "(") && toks[1].low == "signed":
			sg.meta = metaSignature
		case len(toks) <= 4 && (toks[0].low == "excellency" || toks[0].low == "dear" || toks[0].low == "sir" || toks[0].low == "madam"):
			sg.meta = metaSalutation
		case len(toks) <= 3 && (toks[0].low == "annex" || toks[0].low == "enclosure"):
			sg.meta = metaHeading
		case sg.para < 4 && documentTitleLine(toks):
			sg.meta = metaHeading
		case i == len(d.segs)-1 && sg.first && signatureLine(toks):
			sg.meta = metaSignature
		}
		d.letterFormulas(sg, &textDate, &dateSpan)
	}
	d.doc.Title = d.clash("title", d.doc.Title, textTitle, titleSpan[0], titleSpan[1])
	d.doc.Symbol = d.clash("symbol", d.doc.Symbol, textSymbol, symSpan[0], symSpan[1])
	d.doc.Date = d.clash("date", d.doc.Date, textDate, dateSpan[0], dateSpan[1])
	d.doc.Author = d.clash("author", d.doc.Author, textAuthor, authorSpan[0], authorSpan[1])
	d.doc.Dateline = dateline
}

// headerNotes marks the sentences after the dateline or byline at i, in
// its paragraph, that only introduce who speaks ("Colonel Ryan Dillon,
// spokesman of ..."), name who issues the document ("Combined Joint Task
// Force - Operation Inherent Resolve.") or say what it is ("Communiqué
// (translated from French).", "Situation as of 6 p.m."): header lines.
func (d *docState) headerNotes(i int) {
	for j := i + 1; j < len(d.segs) && d.segs[j].para == d.segs[i].para; j++ {
		t := d.segs[j].toks
		if !(j == i+1 && (isHeaderIntro(t) || signatureLine(t)) || headerNote(t)) {
			return
		}
		d.segs[j].meta = metaHeader
	}
}

// documentNouns name a document of the kinds a body issues.
var documentNouns = set("statement", "communique", "communiqué", "bulletin", "announcement", "declaration", "briefing")

// documentTitleLine reports a sentence that only names the document and
// who issues it: "Statement No. 41 of the Joint Operations Command.",
// "Statement of the Counter-Terrorism Service.", "Press release by the
// Ministry of Health." No finite verb.
func documentTitleLine(toks []token) bool {
	k := 0
	if k < len(toks) && toks[k].low == "press" {
		k++
	}
	if k >= len(toks) || !toks[k].cap || !(documentNouns[toks[k].low] || toks[k].low == "release" && k == 1) {
		return false
	}
	k++
	if k+1 < len(toks) && toks[k].low == "no" {
		k += 2 // "No. 41": the number (the full stop is part of "No.")
		for k < len(toks) && (isPunct(&toks[k], ".") || toks[k].kind == tNum) {
			k++
		}
	}
	if k >= len(toks) || toks[k].low != "of" && toks[k].low != "by" && toks[k].low != "from" {
		return false
	}
	if len(toks) > 16 {
		return false
	}
	for j := k; j < len(toks); j++ {
		if finiteVerb(toks[j].low) {
			return false
		}
	}
	return true
}

// signatureLine reports the closing line of a statement that only names
// who issued it: "Combined Joint Task Force - Operation Inherent
// Resolve.", "The General Command of the Army and the Armed Forces." Only
// names (capitalised words and their joiners), no finite verb.
func signatureLine(toks []token) bool {
	if len(toks) > 14 || len(toks) < 2 {
		return false
	}
	words := 0
	for k := range toks {
		t := &toks[k]
		switch {
		case t.kind == tPunct:
			if t.text != "-" && t.text != "–" && t.text != "," && t.text != "." && t.text != "(" && t.text != ")" {
				return false
			}
		case t.kind == tWord && t.cap:
			if finiteVerb(t.low) {
				return false
			}
			words++
		case t.kind == tWord && npJoiner(t.low):
		default:
			return false
		}
	}
	return words >= 2
}

// isPlaceName reports whether a dateline name is a place: a gazetteer
// place, or one or two capitalised words with no organisation word.
func (d *docState) isPlaceName(nm string) bool {
	for _, e := range d.g.Lookup(nm) {
		if e.Kind == graph.KindPlace || e.Kind == graph.KindState {
			return true
		}
		return false
	}
	ws := strings.Fields(nm)
	if len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || orgCue(fold(w)) != "" {
			return false
		}
	}
	return true
}

// datelineAt reads "Beirut, 24 October 2017." / "Syrian Observatory for
// Human Rights, 24 October 2017." / "25 October 2017." / "Damascus, 23
// October 2017 (late evening)." It returns the index of the date's first
// token, the name's byte range (nil when there is none) and the date.
// headEnd is where a head line's words end: before its closing stop,
// colon or dash and a trailing parenthesis ("(late evening)", "(AFP)").
func headEnd(toks []token) int {
	end := len(toks)
	if end > 0 && (isPunct(&toks[end-1], ".") || isPunct(&toks[end-1], ":") || isPunct(&toks[end-1], "-") || isPunct(&toks[end-1], "—")) {
		end--
	}
	if end > 0 && isPunct(&toks[end-1], ")") {
		for k := end - 1; k >= 0; k-- {
			if isPunct(&toks[k], "(") {
				end = k
				break
			}
		}
	}
	return end
}

// bylineAt reports a head sentence that only says who issues the document,
// where and when, its last part a day's date: "Local news digest,
// Maiduguri, 1 December 2020.", "Statement by Garba Shehu, Senior Special
// Assistant to the President, Abuja, 30 November 2020.", "Zabihullah
// Mujahid, spokesman of the Islamic Emirate, 13 May 2020 (translated from
// Pashto)." It has no verb of its own (a wire's lead may end with a
// date). Who it names is not read as the author: the parts are too many
// kinds of thing (a body, a person and his office, a unit).
func bylineAt(toks []token) bool {
	n := len(toks)
	if n < 4 || n > 40 || !toks[0].cap {
		return false
	}
	end := headEnd(toks)
	last, part := -1, 0
	for k := 1; k < end; k++ {
		if isPunct(&toks[k], ",") {
			last, part = k, k
		}
		// Each part is a short name, an office or a place, not a clause
		// ("The Government ... categorically rejects the false allegations
		// ... regarding an air strike in Maarat Misrin on Sunday, 16 June
		// 2019.").
		// (The date's month is no verb: "4 May 2022".)
		if k-part > 14 || monthTok(&toks[k]) == 0 && (finiteVerb(toks[k].low) || eventVerbs[toks[k].low] && verbLike(toks[k].low)) {
			return false
		}
	}
	if last < 0 {
		return false
	}
	f, ok := absoluteAt(toks, last+1, &dateCtx{})
	return ok && f.j == end && f.d.Precision == graph.PrecisionDay
}

// headerNote reports a short verbless sentence after a dateline or a
// byline, in its paragraph, that says what the document is: "Communiqué
// (translated from French).", "Situation as of 6 p.m.", "Excerpt:
// paragraphs 1 to 3 and 15 to 21.", "Radio Television Afghanistan, evening
// news (translated from Dari)."
func headerNote(toks []token) bool {
	if len(toks) == 0 || len(toks) > 20 || !toks[0].cap {
		return false
	}
	for k := range toks {
		if finiteVerb(toks[k].low) || eventVerbs[toks[k].low] || captureCues[toks[k].low] {
			return false
		}
	}
	return true
}

func (d *docState) datelineAt(sg *segment) (int, []int, graph.Date, bool) {
	toks := sg.toks
	n := len(toks)
	if n < 2 || n > 30 {
		return 0, nil, graph.Date{}, false
	}
	end := headEnd(toks)
	var c dateCtx
	try := func(k int) (graph.Date, bool) {
		f, ok := absoluteAt(toks, k, &c)
		if !ok || f.j != end || f.d.Precision != graph.PrecisionDay {
			return graph.Date{}, false
		}
		return f.d, true
	}
	if dt, ok := try(0); ok {
		return 0, nil, dt, true
	}
	// "Baquba, Iraq, 12 January 2016.": a country (or a second place)
	// after the place, then the date; the name is the place. "Near
	// Bartella, Iraq, ...": the reporter was near the place, and the
	// dateline names none.
	first := 0
	if toks[0].low == "near" || toks[0].low == "outside" {
		first = 1
	}
	nameEnd := -1
	for k := 1; k < end; k++ {
		if !isPunct(&toks[k], ",") {
			continue
		}
		if nameEnd < 0 {
			nameEnd = k
		}
		k2 := k + 1
		if k > nameEnd && !(k-nameEnd <= 3 && d.countryBetween(toks, nameEnd+1, k)) {
			break
		}
		// A weekday before the date: "Beirut, Tuesday, 24 October 2017".
		if k2+1 < end && weekdays[toks[k2].low] != 0 || k2 < end && toks[k2].low == "sunday" {
			k2++
			if k2 < end && isPunct(&toks[k2], ",") {
				k2++
			}
		}
		if dt, ok := try(k2); ok {
			for j := 0; j < k; j++ {
				if toks[j].kind == tWord && !toks[j].cap && !npJoiner(toks[j].low) {
					// A lower-case word: a sentence, not a name ("local
					// news digest" is allowed through its capital).
					if j == 0 {
						return 0, nil, graph.Date{}, false
					}
				}
			}
			if first > 0 {
				// Near the place, not at it: no dateline place.
				return k2, nil, dt, true
			}
			return k2, []int{toks[0].s, toks[nameEnd-1].e}, dt, true
		}
		if k+1 < end && toks[k+1].cap && toks[k+1].kind == tWord {
			continue // perhaps a country, then the date
		}
		break
	}
	return 0, nil, graph.Date{}, false
}

// countryBetween reports whether toks[s:e] names a state or a governorate
// the gazetteer knows: the "Iraq" of "Baquba, Iraq, 12 January 2016".
func (d *docState) countryBetween(toks []token, s, e int) bool {
	if s >= e {
		return false
	}
	nm := d.text[toks[s].s:toks[e-1].e]
	for _, ent := range d.g.Lookup(nm) {
		return ent.Kind == graph.KindState || ent.Kind == graph.KindPlace
	}
	return false
}

func npJoiner(w string) bool {
	switch w {
	case "of", "for", "the", "and", "on", "in", "al", "el", "news", "digest":
		return true
	}
	return false
}

// isHeaderIntro reports a sentence that only introduces a speaker: a name
// with titles and an apposition, without a finite verb ("Colonel Ryan
// Dillon, spokesman of the US-led coalition against ISIS, in answers to
// questions from a Russian news agency.").
func isHeaderIntro(toks []token) bool {
	// (A long sentence is a report whose verb the list below lacks:
	// "Buses carrying the first batch of terrorists ... left the towns of
	// al-Ruhaiba and Jairoud in the eastern countryside of Damascus today
	// towards Jarablus, under the agreement ...".)
	if len(toks) < 3 || len(toks) > 30 || !toks[0].cap {
		return false
	}
	comma := false
	for k := range toks {
		if isPunct(&toks[k], ",") {
			comma = true
		}
		// "pro-regime forces initiated an attack": a verb of an event.
		// (And "Army units, in cooperation with ..., today restored
		// security and stability to the town", "established full control
		// over": a capture's verb.)
		if finiteVerb(toks[k].low) || (eventVerbs[toks[k].low] || captureCues[toks[k].low]) && verbLike(toks[k].low) || toks[k].low == "control" && controlTaken(toks, k) {
			return false
		}
	}
	return comma
}

// finiteVerb reports common finite verbs; a sentence without one is a
// heading or a header line.
func finiteVerb(w string) bool {
	switch w {
	case "is", "are", "was", "were", "has", "have", "had", "said", "says", "did",
		"does", "do", "will", "would", "can", "could", "may", "might", "must",
		"shall", "should", "killed", "reported", "struck", "told", "stated",
		"announced", "denied", "rejected", "blamed", "accused", "claimed", "hit",
		"launched", "took", "lies", "remain", "lived", "comes", "considers",
		"finds", "expresses", "renews", "protests", "added", "described", "put":
		return true
	}
	return false
}

// letterHeading reads "Identical letters dated 24 October 2017 from the
// Permanent Representative of X to the United Nations addressed to the
// Secretary-General and the President of the Security Council".
func (d *docState) letterHeading(sg *segment, textDate *string, dateSpan *[2]int, textAuthor *string, authorSpan *[2]int) {
	toks := sg.toks
	k := findSeq(toks, 0, len(toks), "dated")
	if k < 0 || k > 3 {
		return
	}
	if f, ok := absoluteAt(toks, k+1, &dateCtx{}); ok && f.d.Precision == graph.PrecisionDay {
		if *textDate == "" {
			*textDate = f.d.From
			*dateSpan = [2]int{toks[k+1].s, toks[f.j-1].e}
		}
		if f.j < len(toks) && toks[f.j].low == "from" {
			e := f.j + 1
			for e < len(toks) && toks[e].low != "addressed" {
				e++
			}
			if e > f.j+1 && *textAuthor == "" {
				s := f.j + 1
				if toks[s].low == "the" {
					s++
				}
				if s < e {
					// "from the" and nothing after: no author.
					*textAuthor = d.text[toks[s].s:toks[e-1].e]
					*authorSpan = [2]int{toks[s].s, toks[e-1].e}
				}
			}
		}
	}
	d.addressees(toks)
}

// addressees reads "addressed to the Secretary-General and the President
// of the Security Council".
func (d *docState) addressees(toks []token) {
	k := findSeq(toks, 0, len(toks), "addressed to")
	if k < 0 {
		return
	}
	s := k + 2
	var list []string
	var spans [][2]int
	for s < len(toks) {
		for s < len(toks) && toks[s].low == "the" {
			s++
		}
		e := s
		for e < len(toks) && toks[e].low != "and" && !isPunct(&toks[e], ",") && !isPunct(&toks[e], ".") && toks[e].low != "by" && toks[e].low != "concerning" && toks[e].low != "on" {
			e++
		}
		if e > s {
			list = append(list, d.text[toks[s].s:toks[e-1].e])
			spans = append(spans, [2]int{toks[s].s, toks[e-1].e})
		}
		if e >= len(toks) || toks[e].low != "and" && !isPunct(&toks[e], ",") {
			break
		}
		s = e + 1
	}
	d.setAddressees(list, spans)
}

func (d *docState) setAddressees(list []string, spans [][2]int) {
	if len(list) == 0 {
		return
	}
	if len(d.in.AddressedTo) == 0 {
		if len(d.doc.AddressedTo) == 0 {
			d.doc.AddressedTo = list
		}
		return
	}
	for i, a := range list {
		found := false
		for _, c := range d.in.AddressedTo {
			if sameValue("addressed_to", c, a) {
				found = true
				break
			}
		}
		if !found {
			d.doc.Clashes = append(d.doc.Clashes, graph.MetadataClash{Field: "addressed_to", Caller: strings.Join(d.in.AddressedTo, "; "), Text: a, Span: d.ri.span(spans[i][0], spans[i][1])})
		}
	}
}

// letterFormulas reads the formulas of a letter in its body: "On
// instructions from my Government", "addressed to ...", "Letter dated ...",
// and the closing request to circulate it as a document of an organ.
func (d *docState) letterFormulas(sg *segment, textDate *string, dateSpan *[2]int) {
	toks := sg.toks
	if findSeq(toks, 0, 6, "on instructions from my government") >= 0 || findSeq(toks, 0, 8, "upon instructions from my government") >= 0 || findSeq(toks, 0, 8, "on the instructions of my government") >= 0 {
		sg.onInstructions = true
		// The opening formula announces what follows; it asserts nothing.
		low := lowJoin(toks)
		substance := false
		for k := range toks {
			if toks[k].kind == tNum || monthTok(&toks[k]) > 0 {
				substance = true
			}
		}
		// "... the crimes committed by armed terrorist groups in Homs
		// governorate", "... restored security to the town of X": a
		// formula that names a place below a country tells where.
		if d.namesPlaceIn(sg.s, sg.e) {
			substance = true
		}
		for _, f := range []string{" the following ", " the following: ", " your attention ", " to inform you ", " to transmit ", " i have the honour ", " to bring to your attention "} {
			if strings.Contains(low, f) && (!substance || strings.Contains(low, " the following")) {
				sg.meta = metaFormula
				break
			}
		}
	}
	if findSeq(toks, 0, len(toks), "addressed to") >= 0 {
		d.addressees(toks)
	}
	if k := findSeq(toks, 0, 4, "letter dated"); k >= 0 {
		if f, ok := absoluteAt(toks, k+2, &dateCtx{}); ok && f.d.Precision == graph.PrecisionDay && *textDate == "" {
			*textDate = f.d.From
			*dateSpan = [2]int{toks[k+2].s, toks[f.j-1].e}
		}
	}
	// "... could be circulated / issued as a document of the Security
	// Council": a request, and says to whom the letter goes.
	if k := findSeq(toks, 0, len(toks), "as a document of the"); k >= 0 {
		sg.circulation = true
		s := k + 5
		e := s
		for e < len(toks) && (toks[e].cap || toks[e].low == "of") {
			e++
		}
		if e > s && len(d.in.AddressedTo) == 0 && len(d.doc.AddressedTo) == 0 {
			d.doc.AddressedTo = []string{d.text[toks[s].s:toks[e-1].e]}
		}
	}
}

// namesPlaceIn reports whether the gazetteer finds a place below a
// country (a governorate, a city, a town) between byte offsets s and e.
func (d *docState) namesPlaceIn(s, e int) bool {
	k := sort.Search(len(d.gaz), func(i int) bool { return d.gaz[i].Start >= s })
	for ; k < len(d.gaz) && d.gaz[k].End <= e; k++ {
		if ent := d.gaz[k].Entity; ent.Kind == graph.KindPlace && ent.PlaceType != "country" && ent.PlaceType != "" {
			return true
		}
	}
	return false
}

// resolveParties resolves the author, the party spoken for, the voice of
// the document's own claims and the country it is about.
func (d *docState) resolveParties() {
	d.country = d.mainCountry()
	d.resolveCoalition()
	d.resolveBranches()
	if d.doc.Author != "" {
		d.author = d.resolveParty(d.doc.Author)
	}
	instructed := false
	for i := range d.segs {
		if d.segs[i].onInstructions {
			instructed = true
			break
		}
	}
	if instructed {
		// "On instructions from my Government": the government of the
		// letter's state speaks.
		state := d.letterState()
		var gov *graph.Entity
		if state != nil {
			gov = d.governmentOf(state)
		}
		if gov != nil {
			d.doc.OnBehalfOf = d.clash("on_behalf_of", d.doc.OnBehalfOf, gov.Name, 0, 0)
			if d.in.OnBehalfOf == "" || sameValue("on_behalf_of", d.in.OnBehalfOf, gov.Name) {
				d.onBehalf = gov
			}
		}
		if d.author == nil && state != nil {
			d.author = state
		}
	}
	if d.onBehalf == nil && d.doc.OnBehalfOf != "" {
		d.onBehalf = d.resolveParty(d.doc.OnBehalfOf)
	}
	if d.author != nil {
		r := d.use(d.author)
		d.doc.AuthorEntity = &r
		d.authorWord = d.authorHead()
	}
	if d.onBehalf != nil {
		r := d.use(d.onBehalf)
		d.doc.OnBehalfOfEntity = &r
	}
	d.voice = d.onBehalf
	if d.voice == nil {
		d.voice = d.author
	}
	if d.voice != nil && d.voice.Kind == graph.KindState && instructed {
		if gov := d.governmentOf(d.voice); gov != nil {
			d.voice = gov
		}
	}
}

// resolveParty finds the entity a metadata name stands for: a gazetteer
// entity by the whole name, else the first actor the name mentions ("the
// Permanent Representative of the Syrian Arab Republic to the United
// Nations" -> the Syrian Arab Republic; not a state a body's name begins
// with, "Sudan Doctors Network"), else a new entity of the kind its words
// suggest. Generic lower-case names ("news agency") are scoped to the
// document: they do not identify one source across documents.
func (d *docState) resolveParty(name string) *graph.Entity {
	if e := d.lookup(name); e != nil && e.Kind != graph.KindPlace {
		return e
	}
	// (A state's ministry before the state its name ends with: "Ministry
	// of Interior of the Republic of Iraq" is the ministry, not Iraq.)
	if e := d.stateBody(name); e != nil {
		return e
	}
	for _, m := range d.g.Find(name) {
		if m.Entity.Kind != graph.KindPlace && m.End-m.Start >= len(name)/3 && !bodyHeadAfter(name, m.End) &&
			!(m.Entity.Kind == graph.KindState && bodyOfState(name[:m.Start])) {
			return m.Entity
		}
	}
	for _, m := range d.g.Find(name) {
		if (m.Entity.Kind == graph.KindState || m.Entity.Kind == graph.KindGovernment) && !bodyOfState(name[:m.Start]) && !(m.Start == 0 && bodyKind(strings.Fields(fold(name[m.End:]))) != "") {
			return m.Entity
		}
	}
	kind := graph.KindUnclassified
	low := fold(name)
	for _, w := range strings.Fields(low) {
		if k := orgCueKind(w); k != "" {
			kind = k
		}
	}
	generic := low == name
	if generic && kind == graph.KindUnclassified {
		kind = graph.KindOutlet
		if strings.Contains(low, "source") {
			kind = graph.KindAnonymous
		}
	}
	e := d.newEntity(kind, name, nil, generic)
	return e
}

// bodyOfState reports whether the words of an author's name before a
// state's name make it a body of its own, which the state owns or hosts:
// an outlet's or an organisation's word ("News Agency of Nigeria", "Radio
// Television Afghanistan"), "in" ("... Stabilization Mission in Mali") or
// "on" ("Group of Experts on the Democratic Republic of the Congo").
// A state's representation ("Permanent Mission of Nigeria") is not.
func bodyOfState(before string) bool {
	ws := strings.Fields(fold(before))
	// "Panel of Experts on the Sudan", "Commission of Inquiry on Burundi":
	// a body on a state reports about it ("the" before the state's name
	// aside).
	if n := len(ws); n >= 2 && ws[n-1] == "the" {
		ws = ws[:n-1]
	}
	return len(ws) > 0 && (ws[len(ws)-1] == "in" || ws[len(ws)-1] == "on") || bodyKind(ws) != ""
}

// bodyKind is the kind of body the words before a state's name make of a
// name that ends with it: an outlet's or an organisation's word among them
// (the last one), "" for none. Used on an author's name (bodyOfState) and
// on a run of capitalised words in the text (unknownNames).
func bodyKind(words []string) graph.EntityKind {
	kind := graph.EntityKind("")
	for _, w := range words {
		if k := orgCueKind(w); k == graph.KindOutlet || k == graph.KindOrg {
			kind = k
		}
	}
	return kind
}

// bodyHeadAfter reports whether the word of name after byte offset end
// heads a body's name: "Iraqi Forces" in "Iraqi Forces Alliance" begins
// the name of another body, not the forces.
func bodyHeadAfter(name string, end int) bool {
	if end >= len(name) {
		return false
	}
	rest := strings.Fields(name[end:])
	return len(rest) > 0 && bodyHeads[fold(rest[0])]
}

// stateBody resolves an author named as a ministry or the presidency of a
// state ("Ministry of Foreign Affairs of Turkey", "Ministry of Defence of
// Iraq"): the gazetteer's body when it knows it by the state's adjective
// ("Iraqi Ministry of Defence") or canonical name ("... of the Republic of
// Turkiye" for "... of Turkey"), else the body as named, of the state's
// government; not the state, which speaks through many bodies.
func (d *docState) stateBody(name string) *graph.Entity {
	low := fold(name)
	if !strings.HasPrefix(low, "ministry of ") && !strings.HasPrefix(low, "presidency of ") {
		return nil
	}
	for _, m := range d.g.Find(name) {
		if m.Entity.Kind != graph.KindState && m.Entity.Kind != graph.KindGovernment || m.End != len(name) {
			continue
		}
		// The body's own words, before "of (the Republic of) <state>".
		body := strings.TrimSpace(name[:m.Start])
		for {
			b := body
			for _, w := range []string{" of", " the", " Republic"} {
				b = strings.TrimSuffix(b, w)
			}
			if b == body {
				break
			}
			body = b
		}
		if body == "" {
			continue
		}
		owner := m.Entity.Name
		names := []string{body + " of " + owner}
		if m.Entity.Kind == graph.KindGovernment {
			// A government that is not a state's own ("Ministry of
			// Interior of the Government of National Accord").
			owner = "the " + owner
			names = []string{body + " of " + owner}
		} else if adj := d.x.adjOf[m.Entity.Name]; adj != "" {
			names = []string{adj + " " + body, body + " of " + owner}
		}
		for _, n := range names {
			if g := d.lookup(n); g != nil && g.Kind != graph.KindPlace && g.Kind != graph.KindState {
				return g
			}
		}
		// Named as the text names such a body ("Ministry of Interior of
		// Iraq", as "the Iraqi interior ministry" is read), so that the
		// ministry's own statements and others' reports of it meet; the
		// state's adjective before the body ("Iraqi Ministry of Health")
		// is another of its names.
		aliases := []string{name}
		if adj := d.x.adjOf[m.Entity.Name]; adj != "" && m.Entity.Kind == graph.KindState {
			aliases = append(aliases, adj+" "+body)
		}
		e := d.newEntity(graph.KindGovernment, body+" of "+owner, aliases, false)
		if e.Affiliation == nil {
			aff := m.Entity.ID
			if gov := d.x.govOf[m.Entity.ID]; gov != nil {
				aff = gov.ID
			}
			e.Affiliation = &aff
		}
		return e
	}
	return nil
}

// letterState is the state a letter speaks for: named in "Permanent
// Representative of X" (title, author or text), in "the Government of X",
// or the state the text names most.
func (d *docState) letterState() *graph.Entity {
	for _, src := range []string{d.doc.Title, d.doc.Author, d.text} {
		low := fold(src)
		for _, cue := range []string{"permanent representative of ", "chargé d'affaires a.i. of ", "charge d'affaires a.i. of ", "permanent mission of ", "government of "} {
			i := strings.Index(low, cue)
			if i < 0 {
				continue
			}
			rest := src[i+len(cue):]
			if len(rest) > 80 {
				rest = rest[:80]
			}
			for _, m := range d.g.Find(rest) {
				if m.Start < 6 && m.Entity.Kind == graph.KindState {
					return m.Entity
				}
			}
		}
	}
	counts := map[*graph.Entity]int{}
	var best *graph.Entity
	for _, m := range d.gaz {
		if m.Entity.Kind == graph.KindState {
			counts[m.Entity]++
			if best == nil || counts[m.Entity] > counts[best] {
				best = m.Entity
			}
		}
	}
	return best
}

// governmentOf returns the gazetteer's government of a state: an entity of
// kind government affiliated with it.
func (d *docState) governmentOf(state *graph.Entity) *graph.Entity {
	if state.Kind == graph.KindGovernment {
		return state
	}
	// A document dated after a government took office speaks of it, the
	// last of the state's governments to do so by that date: the
	// Government of National Accord in January 2020, not the Government
	// of National Unity formed in 2021.
	var best *graph.Entity
	if day := d.doc.Date; day != "" {
		for _, g := range d.x.inOffice[state.ID] {
			if from := d.g.InOffice(g.ID); from <= day && (best == nil || from > d.g.InOffice(best.ID)) {
				best = g
			}
		}
	}
	if best != nil {
		return best
	}
	return d.x.govOf[state.ID]
}

// mainCountry is the country the document is about: the state its places
// lie in most often, or the state it names most.
func (d *docState) mainCountry() *graph.Entity {
	counts := map[*graph.Entity]int{}
	var best *graph.Entity
	add := func(e *graph.Entity, w int) {
		counts[e] += w
		if best == nil || counts[e] > counts[best] {
			best = e
		}
	}
	si := 0
	for _, m := range d.gaz {
		// Datelines say where the writer is, not what the text is about.
		for si < len(d.segs) && d.segs[si].e <= m.Start {
			si++
		}
		if si < len(d.segs) && d.segs[si].s <= m.Start && (d.segs[si].meta == metaDateline || d.segs[si].meta == metaByline) {
			continue
		}
		// So does a dateline that opens a paragraph's first sentence
		// ("BEIRUT, 14 March (AFP) - Air strikes on Idlib ..."): a report
		// filed from Beirut is no more about Lebanon than one filed from
		// Amman is about Jordan, and "the army" of it is not Lebanon's.
		if si < len(d.segs) && d.segs[si].s <= m.Start && m.Start < inlineDatelineEnd(&d.segs[si]) {
			continue
		}
		e := m.Entity
		if e.Kind == graph.KindState {
			add(e, 1)
			continue
		}
		if e.Kind == graph.KindPlace {
			for _, a := range d.g.Ancestors(e.ID) {
				if a.Kind == graph.KindState || a.PlaceType == "country" {
					add(a, 2)
					break
				}
			}
		}
	}
	return best
}

// inlineDatelineEnd returns the byte offset of the dash that ends a wire
// dateline opening the segment ("BEIRUT, 14 March 2018 (News agency) -",
// "MANBIJ, Syria -"), or -1: the segment is a paragraph's first ordinary
// sentence, and before the dash stand capitalised words, a date and an
// agency in parentheses, no finite verb.
func inlineDatelineEnd(sg *segment) int {
	if sg.meta != metaNone || !sg.first {
		return -1
	}
	toks := sg.toks
	dash := datelineDash(toks)
	if dash < 1 || toks[0].kind != tWord || !toks[0].cap {
		return -1
	}
	for k := 0; k < dash; k++ {
		if toks[k].kind == tWord && !toks[k].cap && finiteVerb(toks[k].low) {
			return -1
		}
	}
	return toks[dash].s
}

// inferKind names the kind of a document whose caller gave none, from the
// way it is written: the formulas of a letter to a UN organ ("On
// instructions from my Government", "I should be grateful if ... circulated
// as a document of the Security Council", a "Letter dated ..." heading); a
// wire dateline and reported speech for a news report; the title's own word
// for a briefing, a statement or a digest; a monitor's byline for a monitor
// report. Documents that show none of these stay without a kind.
func (d *docState) inferKind() {
	if d.doc.Kind != "" {
		return
	}
	// The title, and the headings and bylines that open the text.
	title := strings.ToLower(d.doc.Title)
	letter := strings.HasPrefix(title, "letter dated") || strings.HasPrefix(title, "identical letters dated")
	for i := range d.segs {
		sg := &d.segs[i]
		if sg.onInstructions || sg.circulation {
			letter = true
		}
		if sg.para < 3 && (sg.meta == metaHeading || sg.meta == metaByline) {
			h := strings.ToLower(d.text[sg.s:sg.e])
			title += " | " + h
			if strings.HasPrefix(h, "letter dated") || strings.HasPrefix(h, "identical letters dated") {
				letter = true
			}
		}
	}
	low := strings.ToLower(d.text)
	reported := strings.Contains(low, " said") || strings.Contains(low, " told ") || strings.Contains(low, "according to ")
	switch {
	case letter:
		d.doc.Kind = "letter"
	case strings.Contains(title, "briefing"):
		d.doc.Kind = "briefing"
	case strings.HasPrefix(title, "statement") || strings.Contains(title, " statement") || strings.Contains(title, "press release"):
		d.doc.Kind = "statement"
	case strings.Contains(title, "digest") || strings.Contains(strings.ToLower(d.doc.Author), "digest"):
		d.doc.Kind = "news digest"
	case d.doc.Dateline != "" && reported:
		d.doc.Kind = "news report"
	case d.author != nil && d.author.Kind == graph.KindMonitor:
		d.doc.Kind = "monitor report"
	}
}
