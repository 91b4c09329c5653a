package extract

import (
	"strings"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// claimInfo is a claim with what account building needs from its analysis.
type claimInfo struct {
	claim graph.Claim
	sg    segment
	// question marks a claim of a journalist's turn in a transcript: a
	// request, whose events the accounts still read ("The Government of
	// Accord says its air force destroyed your tanks").
	question bool
	ms       []mention
	figs     []figure
	dates    []dateFound
	speech   *speech
	negAt    int // token index of the denial cue, -1 if none
	negFrom  int // the tokens the denial covers: [negFrom, negTo)
	negTo    int
	toldAuth bool // "Sources told the Observatory": the author's own sources
	rebuts   bool // "..., a charge the ministry rejected": denies the claim before
	low      string
}

// readClaims makes a claim of every segment.
func (d *docState) readClaims() {
	gi := 0
	var head *mention  // the place a section heading names, if that is all it names
	var table []string // the columns of a table of sources and their figures, while in one
	// byCategory: the table's rows are categories of victims ("Children |
	// 21 | 44"), counted by the claim that introduced it (intro, or nil).
	byCategory, intro := false, -1
	d.readTalk()
	d.segMS = make([][]mention, 0, len(d.segs))
	for i := range d.segs {
		sg := d.segs[i]
		ms := d.segMentions(&sg, &gi)
		d.segMS = append(d.segMS, ms)
		if cols := sourceTableHeader(sg.toks); cols != nil {
			table, byCategory = cols, false
		} else if cols := categoryTableHeader(sg.toks); cols != nil {
			table, byCategory, intro = cols, true, -1
			if n := len(d.claims); n > 0 && i > 0 && d.claims[n-1].sg.s == d.segs[i-1].s {
				intro = n - 1
			}
			continue
		} else if table != nil {
			if cells := tableCells(sg.toks); len(cells) == len(table) {
				if byCategory {
					d.readCategoryRow(sg, ms, table, cells, intro)
				} else {
					d.readTableRow(sg, ms, table, cells)
				}
				continue
			}
			table = nil
		}
		if sg.meta == metaHeading && len(sg.toks) > 0 {
			head = headingPlace(sg, ms)
		}
		if sg.first {
			d.turn = nil
			if name, deleg, colon, ok := recordTurn(sg.toks); ok && sg.meta == metaNone {
				d.turn = d.turnSpeaker(sg.toks, name, deleg)
				d.turnPara, d.turnS, d.turnE = sg.para, sg.toks[0].s, sg.toks[colon].e
				// The delegation named in the opening is who speaks,
				// not what the turn is about.
				kept := ms[:0:0]
				for _, m := range ms {
					if m.ti > colon {
						kept = append(kept, m)
					}
				}
				ms = kept
			}
		}
		if colon := d.openTalk(&sg, i); colon > 0 {
			// The tag names who speaks, not what the turn is about.
			kept := ms[:0:0]
			for _, m := range ms {
				if m.ti > colon {
					kept = append(kept, m)
				}
			}
			ms = kept
		}
		if head != nil && sg.meta == metaNone {
			from := len(d.claims)
			d.readClaim(sg, ms)
			d.underHeading(from, *head)
			continue
		}
		d.readClaim(sg, ms)
	}
	d.quoteRuns()
}

// tableCells splits a line of a table written with "|" between its cells
// into the token ranges of the cells; nil for a line with no "|".
func tableCells(toks []token) [][2]int {
	var cells [][2]int
	s := 0
	for k := range toks {
		if isPunct(&toks[k], "|") {
			cells = append(cells, [2]int{s, k})
			s = k + 1
		}
	}
	if cells == nil {
		return nil
	}
	return append(cells, [2]int{s, len(toks)})
}

// sourceTableHeader reads the header of a table of sources and the figures
// each gives ("Source | Killed | Injured"): the attribute each column
// holds ("" for the sources' column and for columns of no casualty), or
// nil for any other line.
func sourceTableHeader(toks []token) []string {
	cells := tableCells(toks)
	if len(cells) < 2 {
		return nil
	}
	first := strings.TrimSpace(lowJoin(toks[cells[0][0]:cells[0][1]]))
	switch first {
	case "source", "sources", "reported by", "monitor", "organisation", "organization", "according to":
	default:
		return nil
	}
	return casualtyColumns(toks, cells)
}

// categoryTableHeader reads the header of a table of victims by category
// ("Category | Killed | Injured"): the attribute each column holds ("" for
// the categories' column and for columns of no casualty), or nil for any
// other line.
func categoryTableHeader(toks []token) []string {
	cells := tableCells(toks)
	if len(cells) < 2 {
		return nil
	}
	switch strings.TrimSpace(lowJoin(toks[cells[0][0]:cells[0][1]])) {
	case "category", "categories", "victims", "casualties", "group", "type", "age group", "victim category":
	default:
		return nil
	}
	return casualtyColumns(toks, cells)
}

// casualtyColumns is the attribute each cell of a table's header heads
// ("killed", "injured" or ""), nil when none is a casualty.
func casualtyColumns(toks []token, cells [][2]int) []string {
	cols := make([]string, len(cells))
	casualties := false
	for c, r := range cells[1:] {
		for k := r[0]; k < r[1]; k++ {
			if a := attrAfter[toks[k].low]; a == "killed" || a == "injured" {
				cols[c+1] = a
				casualties = true
			}
		}
	}
	if !casualties {
		return nil
	}
	return cols
}

// readCategoryRow reads a row of a table of victims by category: each
// cell's figure counts what its column heads, of the people its first
// cell names ("Children | 21 | 44": 21 children killed, 44 injured; a
// "Total" row counts all of them), asserted by the claim that introduced
// the table ("The civilian casualties documented by SNHR, by category:"),
// or by the row itself in the voice of the document when none did.
func (d *docState) readCategoryRow(sg segment, ms []mention, cols []string, cells [][2]int, intro int) {
	sg.meta = metaNone
	toks := sg.toks
	var c *claimInfo
	if intro >= 0 && intro < len(d.claims) {
		c = d.claims[intro]
	} else {
		n := len(d.claims)
		d.addClaim(sg, ms, nil)
		if len(d.claims) == n {
			return
		}
		c = d.claims[n]
	}
	who := ""
	for k := cells[0][0]; k < cells[0][1]; k++ {
		if w := whoNouns[toks[k].low]; w != "" {
			who = w
			break
		}
	}
	for _, f := range d.rowFigures(toks, cols, cells) {
		f.v.Who = who
		if f.v.Unit == "" {
			f.v.Unit = "people"
		}
		c.putValue(f.v)
	}
	// The introducing claim runs to the end of its table, so that each
	// value lies in its claim's text.
	if c.sg.s < sg.s && c.claim.Span.End < d.ri.span(sg.s, sg.e).End {
		c.claim.Span = d.ri.span(c.sg.s, sg.e)
		c.claim.Text = d.text[c.sg.s:sg.e]
		c.claim.ID = graph.ClaimID(d.docID, c.claim.Span)
	}
}

// readTableRow reads a row of a table of sources: the claim of the source
// its first cell names, with the figures of its other cells counting what
// their column heads ("Syrian Network for Human Rights | 38 | not given"
// under "Source | Killed | Injured": the network's 38 killed).
func (d *docState) readTableRow(sg segment, ms []mention, cols []string, cells [][2]int) {
	sg.meta = metaNone
	toks := sg.toks
	var sps []speech
	if sp, ok := d.speakerNP(toks, ms, cells[0][0], cells[0][1]); ok && sp.ent != nil {
		sp.verb = cells[0][1]
		sps = []speech{sp}
	}
	if sps == nil {
		d.readClaim(sg, ms)
		return
	}
	n := len(d.claims)
	d.addClaim(sg, ms, sps)
	if len(d.claims) == n {
		return
	}
	c := d.claims[n]
	// A cell holds a bare figure ("38", "more than 100", "dozens"): what
	// it counts is its column's.
	for _, f := range d.rowFigures(toks, cols, cells) {
		if c.putValue(f.v) {
			c.figs = append(c.figs, f)
		}
	}
}

// rowFigures reads a table row's cells under a header's columns: in each
// cell of a column that counts something, the first figure that lies
// wholly in it, counting what the column heads, with its text and span.
func (d *docState) rowFigures(toks []token, cols []string, cells [][2]int) []figure {
	var out []figure
	for col, r := range cells {
		if cols[col] == "" {
			continue
		}
		for i := r[0]; i < r[1]; i++ {
			f, ok := figureAt(toks, i)
			if !ok || f.j > r[1] {
				continue
			}
			f.v.Attribute = cols[col]
			f.v.Text = d.text[toks[f.bs].s:toks[f.j-1].e]
			f.v.Span = d.ri.span(toks[f.bs].s, toks[f.j-1].e)
			out = append(out, f)
			break
		}
	}
	return out
}

// putValue gives the claim value v, in place of the value read at its span
// if there is one; it reports whether v is new.
func (c *claimInfo) putValue(v graph.Value) bool {
	for k := range c.claim.Values {
		if c.claim.Values[k].Span == v.Span {
			c.claim.Values[k] = v
			return false
		}
	}
	c.claim.Values = append(c.claim.Values, v)
	return true
}

// quoteRuns gives the sentences of a quotation that runs over several
// sentences of one paragraph the speaker its attribution names: in
// '"No shop was open. The market was empty," he said.' the first sentence
// is his as well, not the voice's; in 'X said: "A. B."' the second is X's.
// A sentence with a report of its own keeps it; a quotation left open at
// the paragraph's end gives nothing.
func (d *docState) quoteRuns() {
	var run []*claimInfo
	open, para := false, -1
	for _, c := range d.claims {
		if c.sg.para != para || c.sg.meta != metaNone {
			open, run, para = false, nil, c.sg.para
			if c.sg.meta != metaNone {
				continue
			}
		}
		startOpen, closeAt := open, -1
		for k := range c.sg.toks {
			t := &c.sg.toks[k]
			if !isQuote(t) {
				continue
			}
			switch t.text {
			case "“", "«":
				open = true
			case "”", "»":
				open = false
			default:
				open = !open
			}
			if startOpen && !open && closeAt < 0 {
				closeAt = k
			}
		}
		switch {
		case startOpen && closeAt >= 0:
			run = append(run, c)
			var ent *graph.Entity
			if c.speech != nil && c.speech.ent != nil && c.speech.npS > closeAt {
				ent = c.speech.ent
			} else if run[0].speech != nil && run[0].speech.ent != nil {
				ent = run[0].speech.ent
			}
			if ent != nil && len(run) <= 6 {
				for _, r := range run {
					if r.speech == nil {
						r.claim.Speaker = d.use(ent)
						r.claim.Reported = !d.isVoice(ent)
					}
				}
			}
			run = nil
			if open {
				run = []*claimInfo{c}
			}
		case startOpen:
			run = append(run, c)
		case open:
			run = []*claimInfo{c}
		default:
			run = nil
		}
	}
}

// readClaim makes the claim, or two, of one segment.
func (d *docState) readClaim(sg segment, ms []mention) {
	if sg.meta == metaNone {
		if a, b, ok := splitRebuttal(sg); ok {
			am, bm := filterMentions(ms, a), filterMentions(ms, b)
			d.describedPersons(a.toks, am)
			d.addClaim(a, am, nil)
			n := len(d.claims)
			d.describedPersons(b.toks, bm)
			d.addClaim(b, bm, nil)
			if len(d.claims) > n && n > 0 {
				d.claims[n].rebuts = true
			}
			return
		}
	}
	d.describedPersons(sg.toks, ms)
	var sps []speech
	if sg.meta == metaNone {
		sps = d.findSpeech(sg.toks, ms)
	}
	if a, b, ok := splitTwoSpeakers(sg, sps); ok {
		d.addClaim(a, filterMentions(ms, a), nil)
		d.addClaim(b, filterMentions(ms, b), nil)
		return
	}
	d.addClaim(sg, ms, sps)
}

// rebuttalNouns name what a source said as another denies it: "..., a
// charge the ministry rejected".
var rebuttalNouns = set("charge", "claim", "accusation", "allegation", "assertion")

// splitRebuttal splits "X said A, a charge Y rejected" (", an accusation
// the ministry denies", ", a claim which activists dismissed") where the
// rebuttal begins: A is X's claim, and the denial Y's own, read from the
// denier on ("Y rejected"); its account denies the event A tells.
func splitRebuttal(sg segment) (segment, segment, bool) {
	toks := sg.toks
	for b := 3; b+4 < len(toks); b++ {
		if !isPunct(&toks[b], ",") || toks[b+1].low != "a" && toks[b+1].low != "an" || !rebuttalNouns[toks[b+2].low] {
			continue
		}
		n := b + 3
		if toks[n].low == "that" || toks[n].low == "which" {
			n++
		}
		// The denier, a short noun phrase, then the verb of denial.
		v := n
		for v < len(toks) && v < n+8 && toks[v].kind == tWord && !denialVerbs[toks[v].low] && !verbLike(toks[v].low) {
			v++
		}
		if v == n || v >= len(toks) || !denialVerbs[toks[v].low] {
			continue
		}
		a, c := sg, sg
		a.e = toks[b-1].e
		a.toks = toks[:b]
		c.s = toks[n].s
		c.toks = toks[n:]
		c.first = false
		return a, c, true
	}
	return sg, sg, false
}

// splitTwoSpeakers splits "X said ..., while Y said ..." where the second
// report begins.
func splitTwoSpeakers(sg segment, sps []speech) (segment, segment, bool) {
	if len(sps) < 2 {
		return sg, sg, false
	}
	toks := sg.toks
	for k := 1; k < len(sps); k++ {
		if sps[k].ent == nil || sps[0].ent == nil || sps[k].ent.ID == sps[0].ent.ID {
			continue
		}
		lo, hi := sps[0].verb+1, sps[k].npS
		if sps[0].npS > sps[0].verb {
			lo = sps[0].npE
		}
		for b := hi - 1; b >= lo && b > 0; b-- {
			w := toks[b].low
			if w == "while" || w == "whereas" || w == "but" || w == "and" && isPunct(&toks[b-1], ",") || isPunct(&toks[b], ";") {
				cut := b
				if isPunct(&toks[b-1], ",") {
					cut = b - 1
				}
				if cut <= 2 || len(toks)-b < 4 {
					break
				}
				a, c := sg, sg
				a.e = toks[cut-1].e
				a.toks = toks[:cut]
				c.s = toks[b].s
				if isPunct(&toks[b], ";") {
					c.s = toks[b+1].s
					c.toks = toks[b+1:]
				} else {
					c.toks = toks[b:]
				}
				c.first = false
				return a, c, true
			}
		}
	}
	return sg, sg, false
}

func filterMentions(ms []mention, sg segment) []mention {
	var out []mention
	off := 0
	for _, m := range ms {
		if m.s >= sg.s && m.e <= sg.e {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	// Token indexes are relative to the segment's first token.
	if len(sg.toks) > 0 {
		for k := range out {
			ti, tj := tokRange(sg.toks, out[k].s, out[k].e)
			out[k].ti, out[k].tj = ti, tj
		}
	}
	_ = off
	return out
}

// addClaim analyses one segment and records its claim.
func (d *docState) addClaim(sg segment, ms []mention, sps []speech) {
	if sg.s >= sg.e {
		return
	}
	if sps == nil && sg.meta == metaNone {
		sps = d.findSpeech(sg.toks, ms)
	}
	toks := sg.toks
	span := d.ri.span(sg.s, sg.e)
	c := &claimInfo{sg: sg, ms: ms, negAt: -1, low: lowJoin(toks)}
	c.claim = graph.Claim{
		ID:         graph.ClaimID(d.docID, span),
		DocumentID: d.docID,
		Text:       d.text[sg.s:sg.e],
		Span:       span,
		Polarity:   graph.Affirmed,
		Kind:       graph.ClaimFact,
	}
	// Speaker.
	speaker := d.voice
	if len(sps) > 0 && sps[0].ent != nil {
		sp := sps[0]
		c.speech = &sp
		speaker = sp.ent
		if d.sameSide(sp.ent) {
			// "The Syrian Arab Republic categorically rejects ..." in a
			// letter of its government: the voice itself.
			sp.ent = d.voice
			speaker = d.voice
		}
		ss := d.ri.span(sp.s, sp.e)
		c.claim.SpeakerSpan = &ss
		c.claim.SpeakerText = d.text[sp.s:sp.e]
		c.claim.Reported = !d.isVoice(sp.ent)
		if sp.toldTo != nil && d.isVoice(sp.toldTo) {
			c.toldAuth = true
		}
		if !sp.pronoun {
			d.discourse.note(sp.ent, roleWords(toks[sp.npS:sp.npE])...)
		}
		// "X said in a statement", "X issued a statement saying": the
		// statement a later "the statement said" quotes is X's.
		for k := sp.verb + 1; k < len(toks) && k <= sp.verb+4; k++ {
			if w := toks[k].low; (w == "statement" || w == "communique") && !d.isVoice(speaker) {
				d.lastStatement = speaker
				break
			}
		}
	}
	if c.speech == nil && d.turn != nil && sg.para == d.turnPara {
		// A representative's words in a meeting record are his
		// delegation's, sentence after sentence of his turn.
		speaker = d.turn
		ss := d.ri.span(d.turnS, d.turnE)
		c.claim.SpeakerSpan = &ss
		c.claim.SpeakerText = d.text[d.turnS:d.turnE]
		c.claim.Reported = !d.isVoice(speaker)
	}
	if c.speech == nil && d.talk.on && d.talk.ent != nil {
		// A guest's words in a transcript are his, turn after turn
		// (see talk).
		speaker = d.talk.ent
		ss := d.ri.span(d.talk.s, d.talk.e)
		c.claim.SpeakerSpan = &ss
		c.claim.SpeakerText = d.text[d.talk.s:d.talk.e]
		c.claim.Reported = !d.isVoice(speaker)
	}
	if c.speech == nil && len(toks) > 0 && isQuote(&toks[0]) && len(d.claims) > 0 {
		prev := d.claims[len(d.claims)-1]
		if prev.claim.Reported && prev.sg.para == sg.para {
			if e := d.entity(prev.claim.Speaker.ID); e != nil {
				speaker = e
				c.claim.Reported = true
			}
		}
	}
	if speaker == nil {
		speaker = d.anonymousAuthor()
	}
	c.claim.Speaker = d.use(speaker)
	d.noteCited(toks, ms, speaker)
	// Mentions. A wire dateline's place says where the reporter is: it is
	// the document's Dateline, not a place the claim names.
	// A place referred to by a description ("the town", "the area") is
	// resolved for the claim's accounts, but the claim does not name it:
	// its mentions are the places it names.
	for _, m := range ms {
		if m.dl || m.ref && m.ent.Kind == graph.KindPlace {
			continue
		}
		// A river ("east of the Euphrates River") marks a line, not a
		// place where things happen: the labels never name one.
		if m.ent.Kind == graph.KindPlace && m.ent.PlaceType == "river" {
			continue
		}
		c.claim.Mentions = append(c.claim.Mentions, graph.Mention{Entity: d.use(m.ent), Text: d.text[m.s:m.e], Span: d.ri.span(m.s, m.e)})
		if m.ent.Kind == graph.KindArmedGroup && !m.ref && m.ent.Name != oppositionName {
			d.lastGroup = m.ent
			if jihadistGroups[m.ent.Name] {
				d.lastJihadist = m.ent
			}
		}
		switch m.ent.Kind {
		case graph.KindPerson, graph.KindOutlet, graph.KindMonitor, graph.KindCoalition, graph.KindGovernment:
			if c.speech == nil || m.ent != c.speech.ent {
				d.discourse.noteQuiet(m.ent)
			}
		}
	}
	// Dates.
	c.dates = dropSpeechDates(toks, findDates(toks, &d.dc))
	if len(ms) > 0 && ms[0].dl {
		// The date of a wire dateline dates the report, not the event.
		c.dates = dropBefore(c.dates, datelineDash(toks))
	}
	for _, df := range c.dates {
		dt := df.d
		if df.since && d.dc.hasRef && d.doc.Date > dt.From {
			// "since 15 October": from then to the document's date.
			dt.To = d.doc.Date
			dt.Precision = graph.PrecisionRange
		}
		dt.Text = d.text[toks[df.i].s:toks[df.j-1].e]
		dt.Span = d.ri.span(toks[df.i].s, toks[df.j-1].e)
		c.claim.Dates = append(c.claim.Dates, dt)
	}
	if sg.meta != metaNone {
		c.claim.Kind = graph.ClaimMetadata
		if sg.circulation {
			c.claim.Kind = graph.ClaimRequest
		}
		d.claims = append(d.claims, c)
		return
	}
	// Figures.
	c.figs = findFigures(toks)
	for k := range c.figs {
		f := &c.figs[k]
		if d.insideDate(c.dates, f) {
			continue
		}
		v := f.v
		v.Text = d.text[toks[f.bs].s:toks[f.j-1].e]
		v.Span = d.ri.span(toks[f.bs].s, toks[f.j-1].e)
		c.claim.Values = append(c.claim.Values, v)
	}
	// Polarity, kind, hedge.
	c.claim.Polarity, c.negAt = negation(toks)
	c.negFrom, c.negTo = negScope(toks, c.negAt)
	// "rejected the accusation, saying its aircraft had not conducted any
	// missions": a denial in the clause that explains the first denies
	// too.
	if c.negAt >= 0 && c.negTo < len(toks) {
		rest := toks[c.negTo:]
		if p, at := negation(rest); p == graph.Denied {
			if from, to := negScope(rest, at); from <= 1 {
				c.negTo += to
			}
		}
	}
	c.claim.Kind = claimKind(c.low, toks, len(c.claim.Values) > 0 || len(c.claim.Dates) > 0)
	c.question = questionTurn(d.text, sg.s)
	if sg.circulation || c.question || asks(toks) {
		c.claim.Kind = graph.ClaimRequest
	}
	c.claim.Hedge = hedgeOf(d.text, c.low, toks)
	d.claims = append(d.claims, c)
}

// questionTurn reports whether offset i lies in a journalist's turn of a
// transcript, a paragraph opened by "QUESTION:", "QUESTION (Al-Arabiya):",
// "Q:" or "Question:": what it asks, and what it puts to the speaker
// ("Residents say ..."), is asked, not asserted by the document.
func questionTurn(text string, i int) bool {
	// A turn is a paragraph of a few sentences: its start is looked for
	// within maxTurn bytes, so that a long text without line breaks costs
	// no more per sentence than a short one.
	from := max(0, i-maxTurn)
	nl := strings.LastIndexByte(text[from:i], '\n')
	if nl < 0 && from > 0 {
		return false
	}
	line := text[from+nl+1:]
	var rest string
	switch {
	case strings.HasPrefix(line, "QUESTION"):
		rest = line[len("QUESTION"):]
	case strings.HasPrefix(line, "Question"):
		rest = line[len("Question"):]
	case strings.HasPrefix(line, "Q"):
		rest = line[1:]
	default:
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	if strings.HasPrefix(rest, "(") {
		k := strings.IndexByte(rest, ')')
		if k < 0 || k > 60 || strings.ContainsRune(rest[:k], '\n') {
			return false
		}
		rest = strings.TrimLeft(rest[k+1:], " ")
	}
	return strings.HasPrefix(rest, ":")
}

// asks reports whether a sentence is a question ("Is the Commission
// wrong?"): it asserts nothing.
func asks(toks []token) bool {
	k := len(toks) - 1
	for k >= 0 && isQuote(&toks[k]) {
		k--
	}
	return k >= 0 && isPunct(&toks[k], "?")
}

// maxTurn is the longest a journalist's turn in a transcript is read as.
const maxTurn = 4096

// dropSpeechDates removes the dates of speech acts ("said on Tuesday",
// "told reporters on Monday", "in a statement on Sunday"): they date the
// report, not the event.
func dropSpeechDates(toks []token, ds []dateFound) []dateFound {
	out := ds[:0]
	for _, df := range ds {
		if !speechDate(toks, df.i) && !df.measure {
			out = append(out, df)
		}
	}
	return out
}

// speechDate reports whether the date starting at token i dates a speech
// act or the giving of a toll (see dropSpeechDates, tollGivenOn).
func speechDate(toks []token, i int) bool {
	p := i - 1
	for p >= 0 && (toks[p].low == "on" || toks[p].low == "late" || toks[p].low == "early" || toks[p].low == "earlier") {
		p--
	}
	for k := p; k >= 0 && k >= p-3; k-- {
		if reportVerbs[toks[k].low] && toks[k].low != "documented" && toks[k].low != "recorded" {
			if k == p || toks[k+1].low == "in" || toks[k+1].low == "reporters" || toks[k+1].kind == tWord && toks[k+1].cap || toldAudience(toks, k, p) {
				return true
			}
			break
		}
		if toks[k].kind == tPunct || eventVerbs[toks[k].low] {
			break
		}
	}
	// "The Council of Ministers decided on Sunday to dissolve", "The
	// Prime Minister went to Ogossagou yesterday": the day of a decision
	// or a visit, not of the event.
	if p >= 0 && decisionVerbs[toks[p].low] {
		return true
	}
	// "The militia, created in January 2020": the day a body was made.
	if q := p; q >= 1 && toks[q].low == "in" && foundingVerbs[toks[q-1].low] || q >= 0 && foundingVerbs[toks[q].low] {
		return true
	}
	// "declared a six-month state of emergency in the region on 4
	// August", "wrote to the junta on 2 May", "decreed national mourning
	// of 72 hours from Saturday": the day of an act of office or of
	// writing, in the clause before the date.
	for k := p; k >= 0 && k >= p-10; k-- {
		if toks[k].kind == tPunct || eventVerbs[toks[k].low] {
			break
		}
		if officeActs[toks[k].low] {
			return true
		}
		// ("declared Diyala free of Islamic State in January" tells of
		// a capture; "declared a state of emergency" of an act of office.)
		if w := toks[k].low; (w == "declared" || w == "imposed") && emergencyAfter(toks, k, p) {
			return true
		}
	}
	for k := p; k >= 0 && k >= p-3; k-- {
		if visitVerbs[toks[k].low] && (toks[k].low != "went" || k+1 < len(toks) && toks[k+1].low == "to") {
			return true
		}
		if toks[k].kind == tPunct || eventVerbs[toks[k].low] {
			break
		}
	}
	// "in a statement issued on 20 January", "a video released late on
	// Sunday": the day the words came out.
	if p >= 1 && issuedWords[toks[p].low] {
		for k := p - 1; k >= 0 && k >= p-3; k-- {
			if issuedThings[toks[k].low] {
				return true
			}
		}
	}
	return tollGivenOn(toks, p)
}

var (
	// decisionVerbs and visitVerbs date a decision or a visit by the day
	// after them ("went to", not "went on").
	decisionVerbs = set("decided", "ordered")
	foundingVerbs = set("created", "founded", "formed", "established")
	officeActs    = set("decreed", "tabled", "answered", "wrote", "submitted", "adopted")
	visitVerbs    = set("went", "visited", "travelled", "traveled")
	issuedWords   = set("issued", "released", "published", "dated", "posted", "broadcast", "aired")
	issuedThings  = set("statement", "statements", "communique", "video", "recording", "report", "announcement", "letter", "bulletin", "message", "post")
)

// emergencyAfter reports whether the words after k up to p name a state of
// emergency, a curfew or mourning.
func emergencyAfter(toks []token, k, p int) bool {
	for q := k + 1; q <= p && q < len(toks); q++ {
		if w := toks[q].low; w == "emergency" || w == "curfew" || w == "mourning" {
			return true
		}
	}
	return false
}

// tollVerbs give a toll: "put the toll at", "raised its tally to".
var tollVerbs = set("put", "puts", "putting", "raised", "raises", "raising", "gave", "gives", "giving",
	"revised", "revising", "updated", "updating", "brought", "set", "sets")

// tollGivenOn reports whether the date after token p dates the giving of
// a toll: "the health director put the toll at 60 dead and 70 wounded on
// Monday", "the Observatory raised its tally to 24 on Tuesday". The day
// a toll was given is not the day of the deaths it counts.
func tollGivenOn(toks []token, p int) bool {
	// "The death toll from a car bomb that tore through the market on
	// Wednesday rose to 64 on Thursday": the day the toll reached a
	// figure, however long its subject.
	if p >= 2 && toks[p].kind == tNum && toks[p-1].low == "to" && tollRises[toks[p-2].low] {
		for k := p - 3; k >= 0 && k >= p-40; k-- {
			if toks[k].kind == tPunct && toks[k].text != "," && toks[k].text != "-" {
				break
			}
			if toks[k].low == "toll" || toks[k].low == "tally" {
				return true
			}
		}
	}
	for k := p; k >= 0 && k >= p-12; k-- {
		if toks[k].kind == tPunct && toks[k].text != "," && toks[k].text != "-" {
			return false
		}
		if eventVerbs[toks[k].low] && verbLike(toks[k].low) {
			return false
		}
		if toks[k].low != "toll" && toks[k].low != "tally" && toks[k].low != "count" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if tollVerbs[toks[j].low] {
				return true
			}
		}
		return false
	}
	return false
}

// tollRises are the verbs of a toll that grows to a figure.
var tollRises = set("rose", "risen", "climbed", "reached", "increased", "jumped", "grew", "mounted")

// audienceWords name who a speaker tells: "told state media", "told
// local television", "told the agency", "told journalists".
var audienceWords = set("the", "a", "an", "state", "local", "official", "pro-government", "opposition",
	"media", "television", "tv", "radio", "journalists", "reporters", "correspondents", "agency",
	"press", "newspaper", "channel", "broadcaster", "outlets", "website")

// toldAudience reports whether toks[k] is "told" (or "telling") and the
// words after it up to toks[p] only name whom: "told state media on
// Wednesday" dates the telling, not what was told.
func toldAudience(toks []token, k, p int) bool {
	if w := toks[k].low; w != "told" && w != "telling" && w != "tells" {
		return false
	}
	for i := k + 1; i <= p; i++ {
		// "told reporters in Washington on Tuesday": where they were told.
		if (toks[i].low == "in" || toks[i].low == "at") && i > k+1 && i+1 <= p && toks[i+1].cap {
			continue
		}
		if toks[i].kind != tWord || !audienceWords[toks[i].low] && !toks[i].cap {
			return false
		}
	}
	return true
}

// dropBefore removes the dates that begin before token k.
func dropBefore(ds []dateFound, k int) []dateFound {
	out := ds[:0]
	for _, df := range ds {
		if df.i >= k {
			out = append(out, df)
		}
	}
	return out
}

func (d *docState) insideDate(ds []dateFound, f *figure) bool {
	for _, x := range ds {
		if f.i >= x.i && f.i < x.j {
			return true
		}
	}
	return false
}

// sameSide reports whether e is the state or government the document's
// voice speaks for (not a ministry or outlet of it, which are sources of
// their own).
func (d *docState) sameSide(e *graph.Entity) bool {
	if e == nil || d.voice == nil || e.ID == d.voice.ID {
		return false
	}
	if e.Kind != graph.KindState && e.Kind != graph.KindGovernment {
		return false
	}
	if d.voice.Kind != graph.KindState && d.voice.Kind != graph.KindGovernment {
		return false
	}
	return d.g.Root(e.ID) == d.g.Root(d.voice.ID) && (e.Kind == graph.KindState || d.x.govOf[d.g.Root(e.ID)] == e)
}

// isVoice reports whether e is the document's own voice: its author or
// the party it speaks for.
func (d *docState) isVoice(e *graph.Entity) bool {
	if e == nil {
		return false
	}
	for _, v := range []*graph.Entity{d.voice, d.author, d.onBehalf} {
		if v != nil && v.ID == e.ID {
			return true
		}
	}
	return false
}

// anonymousAuthor stands for the unknown author of a document without
// metadata.
func (d *docState) anonymousAuthor() *graph.Entity {
	e := d.newEntity(graph.KindAnonymous, "author of the document", nil, true)
	d.voice = e
	return e
}

// roleWords returns the speaker nouns in a phrase ("source", "monitor").
func roleWords(toks []token) []string {
	var out []string
	for k := range toks {
		if _, ok := speakerNouns[toks[k].low]; ok {
			out = append(out, toks[k].low)
		}
	}
	return out
}

// noteCited introduces sources a claim cites without quoting them yet:
// "citing its correspondent in the city" makes "the correspondent" known.
func (d *docState) noteCited(toks []token, ms []mention, speaker *graph.Entity) {
	for i := range toks {
		if toks[i].low != "citing" && toks[i].low != "quoting" {
			continue
		}
		e := i + 1
		for e < len(toks) && !isPunct(&toks[e], ",") && !isPunct(&toks[e], ".") && e-i < 8 {
			e++
		}
		head := ""
		for k := i + 1; k < e; k++ {
			if speakerNouns[toks[k].low] == graph.KindAnonymous {
				head = toks[k].low
				break
			}
		}
		if head == "" {
			continue
		}
		name := head
		if speaker != nil {
			name = head + " of " + speaker.Name
		}
		ent := d.newEntity(graph.KindAnonymous, name, []string{d.text[toks[i+1].s:toks[e-1].e]}, true)
		if speaker != nil && ent.Affiliation == nil {
			id := speaker.ID
			ent.Affiliation = &id
		}
		d.discourse.note(ent, head)
		d.discourse.note(speaker)
	}
}

// noteQuiet records an entity mentioned (not speaking) as a possible
// antecedent, below the current speakers.
func (ds *discourse) noteQuiet(e *graph.Entity) {
	for k := range ds.recent {
		if ds.recent[k].ent.ID == e.ID {
			return
		}
	}
	ds.recent = append([]speakerRec{{ent: e}}, ds.recent...)
	if len(ds.recent) > 32 {
		ds.recent = ds.recent[:32]
	}
}

var _ = uuid.Nil
