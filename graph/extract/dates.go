package extract

import (
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

const isoDay = "2006-01-02"

// dateFound is a date expression in a sentence.
type dateFound struct {
	d     graph.Date
	i, j  int  // token range
	since bool // "since 5 June 2017": the start of a period up to the document date
	// days: a period bounded by two named days ("between 26 October and
	// 3 November"), which tells of days as a single day does.
	days bool
	// tally: a reporting window up to the document's date ("since the
	// start of the month"), the period a toll is counted over, which does
	// not date an event.
	tally bool
	// measure: the start of the period a superlative measures against
	// ("the deadliest attack since 2015"), which dates no event.
	measure bool
}

// dateCtx is what resolving dates needs: the document's date, if known, and
// the last year the text spelled out.
type dateCtx struct {
	ref      time.Time
	hasRef   bool
	lastYear int
	lastDay  string // the last single day the text named, for "the same day"
}

// seasons map a season to its first month (not winter, which spans two
// years).
var seasons = map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// isWeekday reports whether a lower-case word names a day of the week
// (time.Sunday is zero, so the map's value cannot tell).
func isWeekday(w string) bool {
	_, ok := weekdays[w]
	return ok
}

func dayNum(t *token) int {
	if t.kind != tNum || len(t.text) > 2 {
		// "23rd", "1st" are words.
		s := strings.TrimRight(t.low, "stndrh")
		if t.kind == tNum || s == t.low || len(s) == 0 || len(s) > 2 {
			return 0
		}
		n, ok := digitsInt(s)
		if !ok || n < 1 || n > 31 {
			return 0
		}
		return n
	}
	n, ok := digitsInt(t.text)
	if !ok || n < 1 || n > 31 {
		return 0
	}
	return n
}

// digitsInt reads a short string of ASCII digits (at most 9), without the
// error value strconv allocates for the words it is mostly given.
func digitsInt(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func yearNum(t *token) int {
	if t.kind != tNum || len(t.text) != 4 {
		return 0
	}
	n, ok := digitsInt(t.text)
	if !ok || n < 1900 || n > 2100 {
		return 0
	}
	return n
}

func validDay(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && int(t.Month()) == m
}

// inferYear picks the year of a day and month given without one: the
// document's year, or the year before when that would put the day more than
// a week after the document.
func (c *dateCtx) inferYear(m, d int) int {
	if c.hasRef {
		y := c.ref.Year()
		if t, ok := validDay(y, m, d); ok && t.After(c.ref.AddDate(0, 0, 7)) {
			return y - 1
		}
		return y
	}
	return c.lastYear
}

func monthEnd(y, m int) time.Time {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
}

func dayDate(t time.Time) graph.Date {
	s := t.Format(isoDay)
	return graph.Date{From: s, To: s, Precision: graph.PrecisionDay}
}

func rangeDate(a, b time.Time, p graph.DatePrecision) graph.Date {
	return graph.Date{From: a.Format(isoDay), To: b.Format(isoDay), Precision: p}
}

// findDates returns the date expressions of a sentence, resolved.
func findDates(toks []token, c *dateCtx) []dateFound {
	var out []dateFound
	// add keeps a date and, when it names a day other than a speech
	// act's, makes it the day that "the same day" and "a day after" count
	// from.
	add := func(d dateFound) {
		out = append(out, d)
		// The day a speaker spoke ("said on Tuesday that ... that day")
		// is not the day "that day" means.
		if d.d.Precision == graph.PrecisionDay && !speechDate(toks, d.i) {
			c.lastDay = d.d.From
		}
		// A night ("the night from 3 to 4 March"): "the following
		// morning" is its second day.
		if night(d.d) && !speechDate(toks, d.i) {
			c.lastDay = d.d.From
		}
	}
	for i := 0; i < len(toks); i++ {
		if d, ok := absoluteAt(toks, i, c); ok {
			add(d)
			i = d.j - 1
			continue
		}
		if d, ok := relativeAt(toks, i, c); ok {
			// A weekday right before an absolute date is part of it.
			k := d.j
			if k < len(toks) && isPunct(&toks[k], ",") {
				k++
			}
			if a, ok2 := absoluteAt(toks, k, c); ok2 {
				a.i = d.i
				d = a
			}
			add(d)
			i = d.j - 1
			continue
		}
		if d, ok := dayApart(toks, i, out); ok {
			out = append(out, d)
			i = d.j - 1
		}
	}
	out = joinRanges(toks, out)
	out = joinDays(toks, out)
	// The joins may have made a night of two days ("the night of Friday
	// to Saturday"): the day later sentences count from is the last one
	// the sentence named, read again.
	for _, d := range out {
		if (d.d.Precision == graph.PrecisionDay || night(d.d)) && !speechDate(toks, d.i) {
			c.lastDay = d.d.From
		}
	}
	for k := range out {
		d := &out[k]
		for p := d.i - 1; p >= 0 && p >= d.i-14; p-- {
			if toks[p].low == "since" {
				d.since = true
				d.measure = superlativeBefore(toks, p)
				break
			}
			// "since the fighters overran the town at the weekend": a
			// clause's verb between, and "since" dates nothing here.
			if toks[p].kind == tPunct || p < d.i-1 && verbLike(toks[p].low) {
				break
			}
		}
	}
	return out
}

// night reports whether d is two days running: a night across them.
func night(d graph.Date) bool {
	if d.Precision != graph.PrecisionRange {
		return false
	}
	a, ok1 := parseISODay(d.From)
	b, ok2 := parseISODay(d.To)
	return ok1 && ok2 && b.Equal(a.AddDate(0, 0, 1))
}

// superlativeBefore reports whether the clause before "since" at p holds a
// superlative: "the deadliest attack in the country since 2015" measures
// the attack against the years since, and dates nothing.
func superlativeBefore(toks []token, p int) bool {
	for k := p - 1; k >= 0 && k >= p-10; k-- {
		w := toks[k].low
		if toks[k].kind == tPunct && w != "-" {
			return false
		}
		if superlatives[w] || strings.HasSuffix(w, "iest") && len(w) > 6 {
			return true
		}
	}
	return false
}

// ("The first delivery since September 2013" tells of the period without
// one, and dates it.)
var superlatives = set("deadliest", "worst", "bloodiest", "largest", "biggest", "highest", "heaviest", "most", "greatest", "fiercest")

// joinRanges joins two absolute dates that bound one period into a range:
// "between 1 November 2019 and 31 January 2020", "from 25 January to 5
// February", "19 May to 10 June 2013", and parts of two months joined by "and" ("late January and
// early February 2020"). The first date's year, when the text leaves it
// out, is the second's (or the year before, when the first would fall
// after it). Two days joined by "and" without "between" stay two dates:
// "on 3 and on 9 March" tells of two days, not of the week between.
func joinRanges(toks []token, out []dateFound) []dateFound {
	for k := 0; k+1 < len(out); k++ {
		a, b := out[k], out[k+1]
		if a.d.Relative || b.d.Relative || b.i != a.j+1 {
			continue
		}
		link := toks[a.j].low
		opener := ""
		if a.i > 0 {
			opener = toks[a.i-1].low
		}
		switch {
		case opener == "between" && link == "and":
		case link == "to" || link == "until" || link == "till" || link == "through" || link == "-" || link == "–":
			// "from 12 April to 2 May", and a heading's "19 May to 10
			// June 2013".
		case link == "and" && monthPart(a.d) && monthPart(b.d):
		default:
			continue
		}
		from, ok1 := parseISODay(a.d.From)
		to, ok2 := parseISODay(b.d.To)
		bFrom, ok3 := parseISODay(b.d.From)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if !spellsYear(toks[a.i:a.j]) {
			// "between 25 December and 5 January 2020": the first
			// date's year is the second's, or the one before.
			y := bFrom.Year()
			if time.Date(y, from.Month(), from.Day(), 0, 0, 0, 0, time.UTC).After(bFrom) {
				y--
			}
			from = time.Date(y, from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
		}
		if from.After(to) || to.Sub(from) > 5*366*24*time.Hour {
			continue
		}
		joined := dateFound{d: rangeDate(from, to, graph.PrecisionRange), i: a.i, j: b.j,
			days: a.d.Precision == graph.PrecisionDay && b.d.Precision == graph.PrecisionDay}
		out = append(out[:k], append([]dateFound{joined}, out[k+2:]...)...)
	}
	return out
}

// joinDays joins two days told relative to the document's date and joined
// by "and" into one period when they follow one another: "yesterday and
// today", "on Saturday and Sunday" tell of two days running, as "between"
// two named days does ("between Saturday and Monday", "from Friday to
// Sunday": the days between too, within a week).
func joinDays(toks []token, out []dateFound) []dateFound {
	for k := 0; k+1 < len(out); k++ {
		a, b := out[k], out[k+1]
		if !a.d.Relative || !b.d.Relative || a.d.Precision != graph.PrecisionDay || b.d.Precision != graph.PrecisionDay || b.i != a.j+1 {
			continue
		}
		link, opener := toks[a.j].low, ""
		if a.i > 0 {
			opener = toks[a.i-1].low
		}
		bounded := opener == "between" && link == "and" || opener == "from" && (link == "to" || link == "until")
		// ("the night of Friday to Saturday": two days running.)
		if link != "and" && link != "to" && !bounded {
			continue
		}
		from, ok1 := parseISODay(a.d.From)
		to, ok2 := parseISODay(b.d.From)
		if !ok1 || !ok2 || !to.Equal(from.AddDate(0, 0, 1)) && !(bounded && to.After(from) && !to.After(from.AddDate(0, 0, 7))) {
			continue
		}
		joined := dateFound{d: rangeDate(from, to, graph.PrecisionRange), i: a.i, j: b.j, days: true}
		joined.d.Relative = true
		out = append(out[:k], append([]dateFound{joined}, out[k+2:]...)...)
	}
	return out
}

// yearAhead returns the year of "and late July 2015" or "to 5 May 2015"
// when the tokens from k spell one close after the link word, else 0: the
// year a range's first part leaves to its second.
func yearAhead(toks []token, k int) int {
	if k >= len(toks) || toks[k].low != "and" && toks[k].low != "to" {
		return 0
	}
	for q := k + 1; q < len(toks) && q <= k+4; q++ {
		if y := yearNum(&toks[q]); y > 0 {
			return y
		}
	}
	return 0
}

// monthPart reports whether a date is a month or a part of one ("late
// January"), the kinds of date "late January and early February" joins.
func monthPart(d graph.Date) bool {
	if d.Precision == graph.PrecisionMonth {
		return true
	}
	return d.Precision == graph.PrecisionRange && len(d.From) == 10 && len(d.To) == 10 && d.From[:7] == d.To[:7] && d.From != d.To
}

// spellsYear reports whether tokens spell out a year.
func spellsYear(toks []token) bool {
	for k := range toks {
		if yearNum(&toks[k]) > 0 {
			return true
		}
	}
	return false
}

// absoluteAt reads "23 October 2017", "23 October", "October 23, 2017",
// "October 2017", "September or October 2017", "10-12 October 2017",
// "in 2017".
func absoluteAt(toks []token, i int, c *dateCtx) (dateFound, bool) {
	var f dateFound
	if i >= len(toks) {
		return f, false
	}
	f.i = i
	n := len(toks)
	tok := func(k int) *token {
		if k < n {
			return &toks[k]
		}
		return &token{}
	}
	// Day (or day range) before month.
	d1, d2 := dayNum(&toks[i]), 0
	if d1 == 0 && toks[i].kind == tWord {
		if a, b, ok := strings.Cut(toks[i].low, "-"); ok {
			x, ok1 := digitsInt(a)
			y, ok2 := digitsInt(b)
			if ok1 && ok2 && x >= 1 && x <= 31 && y > x && y <= 31 {
				d1, d2 = x, y
			}
		}
	}
	if d1 > 0 {
		k := i + 1
		if d2 == 0 && (tok(k).low == "and" || tok(k).low == "to" || tok(k).low == "or" || tok(k).text == "-" || tok(k).text == "–") {
			if x := dayNum(tok(k + 1)); x > d1 && monthTok(tok(k+2)) > 0 {
				d2 = x
				k += 2
			}
		}
		if tok(k).low == "of" {
			k++
		}
		m := monthTok(tok(k))
		if m == 0 {
			return f, false
		}
		k++
		y := 0
		if yy := yearNum(tok(k)); yy > 0 {
			y = yy
			k++
		} else if tok(k).text == "," && yearNum(tok(k+1)) > 0 {
			y = yearNum(tok(k + 1))
			k += 2
		}
		if y == 0 && !c.hasRef && c.lastYear == 0 {
			// "between 25 January and 5 February 2020" in an undated text.
			y = yearAhead(toks, k)
		}
		return c.dayResult(f, y, m, d1, d2, k)
	}
	// Month first.
	m := monthTok(&toks[i])
	hyphenPart := "" // "mid-June", "late-July": the part and the month in one token
	if m == 0 {
		if p, mo, ok := strings.Cut(toks[i].low, "-"); ok && (p == "mid" || p == "early" || p == "late") && months[mo] > 0 {
			if r := toks[i].text[len(p)+1:]; r != "" && r[0] >= 'A' && r[0] <= 'Z' {
				m, hyphenPart = months[mo], p
			}
		}
	}
	if m == 0 {
		if y := yearNum(&toks[i]); y > 0 && i > 0 {
			switch toks[i-1].low {
			case "in", "since", "during", "until", "of", "by", "early", "late", "mid", "throughout":
				if i+1 < n && (whoNouns[toks[i+1].low] != "" || attrAfter[toks[i+1].low] != "") {
					return f, false
				}
				c.lastYear = y
				f.d = rangeDate(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), graph.PrecisionYear)
				f.j = i + 1
				// "late 2013", "early 2014": a third of the year; "the
				// spring of 2013", "in the summer of 2014": the season.
				switch p := toks[i-1].low; {
				case p == "early" || p == "mid" || p == "late":
					first := map[string]int{"early": 1, "mid": 5, "late": 9}[p]
					f.i = i - 1
					f.d = rangeDate(time.Date(y, time.Month(first), 1, 0, 0, 0, 0, time.UTC), monthEnd(y, first+3), graph.PrecisionRange)
				case p == "of" && i >= 2 && seasons[toks[i-2].low] > 0:
					first := seasons[toks[i-2].low]
					f.i = i - 2
					if i >= 3 && toks[i-3].low == "the" {
						f.i = i - 3
					}
					f.d = rangeDate(time.Date(y, time.Month(first), 1, 0, 0, 0, 0, time.UTC), monthEnd(y, first+2), graph.PrecisionRange)
				}
				return f, true
			}
		}
		return f, false
	}
	if toks[i].low == "may" && !toks[i].cap {
		return f, false
	}
	k := i + 1
	// "Oct. 9", "Feb. 19": the full stop of an abbreviated month.
	if tok(k).text == "." && tok(k).s == toks[i].e && len(toks[i].low) <= 4 && dayNum(tok(k+1)) > 0 {
		k++
	}
	if d := dayNum(tok(k)); d > 0 {
		k++
		d2 := 0
		if (tok(k).text == "-" || tok(k).low == "to" || tok(k).low == "and") && dayNum(tok(k+1)) > d {
			d2 = dayNum(tok(k + 1))
			k += 2
		}
		y := 0
		if tok(k).text == "," && yearNum(tok(k+1)) > 0 {
			y = yearNum(tok(k + 1))
			k += 2
		} else if yearNum(tok(k)) > 0 {
			y = yearNum(tok(k))
			k++
		}
		return c.dayResult(f, y, m, d, d2, k)
	}
	// "September or October 2017", "September and October".
	m2 := 0
	if (tok(k).low == "or" || tok(k).low == "and" || tok(k).low == "to" || tok(k).text == "-") && monthTok(tok(k+1)) > 0 {
		m2 = monthTok(tok(k + 1))
		k += 2
	}
	y := yearNum(tok(k))
	if y > 0 {
		k++
		c.lastYear = y
	} else {
		// A bare month ("in September") needs a preposition to be a date.
		if i == 0 {
			return f, false
		}
		switch toks[i-1].low {
		case "in", "since", "during", "until", "early", "late", "mid", "of", "throughout", "last", "this", "between", "from":
		default:
			if hyphenPart == "" {
				return f, false
			}
		}
		if c.hasRef {
			y = c.ref.Year()
			if m > int(c.ref.Month()) {
				y--
			}
		} else if c.lastYear > 0 {
			y = c.lastYear
		} else if y = yearAhead(toks, k); y == 0 {
			return f, false
		}
	}
	f.j = k
	if m2 > 0 {
		y1 := y
		if m2 < m {
			y1--
		}
		f.d = rangeDate(time.Date(y1, time.Month(m), 1, 0, 0, 0, 0, time.UTC), monthEnd(y, m2), graph.PrecisionRange)
		return f, true
	}
	f.d = rangeDate(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), monthEnd(y, m), graph.PrecisionMonth)
	if i > 0 || hyphenPart != "" {
		// "early March", "mid March", "late January 2017": a third of the
		// month, from the 1st, 11th or 21st.
		first, last := 0, 0
		part, at := hyphenPart, i
		if part == "" {
			part, at = toks[i-1].low, i-1
		}
		if part == "of" && i >= 3 && toks[i-3].low == "the" {
			// "the end of April", "the beginning of May": as "late
			// April", "early May".
			switch toks[i-2].low {
			case "end":
				part, at = "late", i-3
			case "beginning", "start":
				part, at = "early", i-3
			case "middle":
				part, at = "mid", i-3
			}
		}
		// "the first half of July", "the second half of June".
		if part == "of" && i >= 3 && toks[i-2].low == "half" && (toks[i-3].low == "first" || toks[i-3].low == "second") {
			part, at = toks[i-3].low+" half", i-3
			if i >= 4 && toks[i-4].low == "the" {
				at = i - 4
			}
		}
		switch part {
		case "first half":
			first, last = 1, 15
		case "second half":
			first, last = 16, monthEnd(y, m).Day()
		case "early":
			first, last = 1, 10
		case "mid":
			first, last = 11, 20
		case "late":
			first, last = 21, monthEnd(y, m).Day()
		}
		if first > 0 {
			f.i = at
			f.d = rangeDate(time.Date(y, time.Month(m), first, 0, 0, 0, 0, time.UTC), time.Date(y, time.Month(m), last, 0, 0, 0, 0, time.UTC), graph.PrecisionRange)
		}
	}
	return f, true
}

func (c *dateCtx) dayResult(f dateFound, y, m, d1, d2, k int) (dateFound, bool) {
	rel := false
	if y == 0 {
		y = c.inferYear(m, d1)
		if y == 0 {
			return f, false
		}
		rel = true
	} else {
		c.lastYear = y
	}
	t1, ok := validDay(y, m, d1)
	if !ok {
		return f, false
	}
	f.j = k
	if d2 > 0 {
		t2, ok := validDay(y, m, d2)
		if !ok {
			return f, false
		}
		f.d = rangeDate(t1, t2, graph.PrecisionRange)
	} else {
		f.d = dayDate(t1)
	}
	_ = rel
	return f, true
}

// relativeAt reads dates relative to the document's date: "on Monday",
// "late on Monday", "Monday night", "yesterday", "last night", "last week",
// "last month", "two days ago", "earlier this month".
func relativeAt(toks []token, i int, c *dateCtx) (dateFound, bool) {
	var f dateFound
	if i >= len(toks) {
		return f, false
	}
	n := len(toks)
	ref := c.ref
	f.i = i
	w := toks[i].base
	set := func(d graph.Date, j int) (dateFound, bool) {
		f.d = d
		f.d.Relative = true
		f.j = j
		return f, true
	}
	// "on the same day", "that day", "on that date": the day the text
	// last named.
	if (w == "the" || w == "that") && i+2 < n && c.lastDay != "" {
		k := i + 1
		if toks[k].low == "same" {
			k++
		}
		if k < n && (toks[k].low == "day" || toks[k].low == "night" || toks[k].low == "date") && (k > i+1 || w == "that") {
			return set(graph.Date{From: c.lastDay, To: c.lastDay, Precision: graph.PrecisionDay}, k+1)
		}
	}
	// "on the following day", "the next day", "the following morning": the
	// day after the one the text last named.
	if w == "the" && i+2 < n && c.lastDay != "" && (toks[i+1].low == "following" || toks[i+1].low == "next") && (toks[i+2].low == "day" || toks[i+2].low == "morning" || toks[i+2].low == "evening" || toks[i+2].low == "afternoon" || toks[i+2].low == "night") {
		if t, ok := parseISODay(c.lastDay); ok {
			return set(dayDate(t.AddDate(0, 0, 1)), i+3)
		}
	}
	if !c.hasRef {
		return f, false
	}
	if _, ok := weekdays[toks[min(i+1, n-1)].low]; w == "on" && i+1 < n && ok {
		return f, false // the weekday starts the expression
	}
	// Leading qualifiers are part of the expression as written.
	q := i
	for q < n && (toks[q].low == "late" || toks[q].low == "early" || toks[q].low == "on" && q > i) && q-i < 2 {
		q++
	}
	if q < n && q > i {
		if _, ok := weekdays[toks[q].low]; !ok {
			return f, false
		}
		w = toks[q].low
	}
	if wd, ok := weekdays[w]; ok && toks[q].cap {
		// "every Tuesday", "each Friday": a habit, no day.
		if q > 0 && (toks[q-1].low == "every" || toks[q-1].low == "each") {
			return f, false
		}
		back := (int(ref.Weekday()) - int(wd) + 7) % 7
		j := q + 1
		if q > 0 && toks[q-1].low == "last" && back == 0 {
			back = 7
		}
		if q > 0 && toks[q-1].low == "last" && q-1 < i {
			f.i = q - 1
		}
		if j < n {
			switch toks[j].low {
			case "night", "morning", "evening", "afternoon":
				j++
			}
		}
		return set(dayDate(ref.AddDate(0, 0, -back)), j)
	}
	// "at the weekend", "over the weekend", "last weekend": the last
	// Saturday and Sunday up to the document's date.
	if w == "at" || w == "over" || w == "last" || w == "this" {
		k := i + 1
		if k < n && toks[k].low == "the" && (w == "at" || w == "over") {
			k++
		}
		if k < n && toks[k].low == "weekend" {
			sat := ref.AddDate(0, 0, -((int(ref.Weekday()) - int(time.Saturday) + 7) % 7))
			sun := sat.AddDate(0, 0, 1)
			if sun.After(ref) {
				sun = ref
			}
			return set(rangeDate(sat, sun, graph.PrecisionRange), k+1)
		}
	}
	// "in the summer", "during the spring": the season of the document's
	// year, or of the year before when it is yet to come.
	if (w == "in" || w == "during") && i+2 < n && toks[i+1].low == "the" && seasons[toks[i+2].low] > 0 && !(i+3 < n && toks[i+3].low == "of") {
		first := seasons[toks[i+2].low]
		y := ref.Year()
		if time.Date(y, time.Month(first), 1, 0, 0, 0, 0, time.UTC).After(ref) {
			y--
		}
		return set(rangeDate(time.Date(y, time.Month(first), 1, 0, 0, 0, 0, time.UTC), monthEnd(y, first+2), graph.PrecisionRange), i+3)
	}
	switch w {
	case "overnight":
		// "overnight from 11 to 12 December 2023", "overnight on Friday":
		// the night the date after it names, read there.
		if i+2 < n && (toks[i+1].low == "from" || toks[i+1].low == "of" || toks[i+1].low == "between" || toks[i+1].low == "on" || toks[i+1].low == "into") && (toks[i+2].kind == tNum || isWeekday(toks[i+2].low) || toks[i+2].low == "the") {
			return f, false
		}
		// the night before the document's date: both days.
		return set(rangeDate(ref.AddDate(0, 0, -1), ref, graph.PrecisionRange), i+1)
	case "throughout", "during":
		// "throughout the night", "during the night": as "overnight";
		// "during the night of 30 to 31 December" is the night the date
		// after it names.
		if i+2 < n && toks[i+1].low == "the" && toks[i+2].low == "night" && !(i+3 < n && (toks[i+3].low == "of" || toks[i+3].low == "from")) {
			return set(rangeDate(ref.AddDate(0, 0, -1), ref, graph.PrecisionRange), i+3)
		}
		if back, j := pastStretch(toks, i+1); back > 0 && w == "during" {
			return set(rangeDate(ref.AddDate(0, 0, -back), ref, graph.PrecisionRange), j)
		}
	case "since":
		// "since the start of the month", "since the beginning of this
		// year": from its first day to the document's date.
		if i+4 < n && (toks[i+1].low == "the") && (toks[i+2].low == "start" || toks[i+2].low == "beginning") && toks[i+3].low == "of" {
			k := i + 4
			if toks[k].low == "the" || toks[k].low == "this" {
				k++
			}
			if k < n {
				switch toks[k].low {
				case "month":
					f.i, f.tally = i+1, true
					return set(rangeDate(time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC), ref, graph.PrecisionRange), k+1)
				case "year":
					f.i, f.tally = i+1, true
					return set(rangeDate(time.Date(ref.Year(), 1, 1, 0, 0, 0, 0, time.UTC), ref, graph.PrecisionRange), k+1)
				}
			}
		}
	case "after":
		// "shortly after midnight": the small hours of the document's day.
		if i+1 < n && toks[i+1].low == "midnight" {
			return set(dayDate(ref), i+2)
		}
	case "yesterday":
		return set(dayDate(ref.AddDate(0, 0, -1)), i+1)
	case "today", "tonight":
		return set(dayDate(ref), i+1)
	case "tomorrow":
		return set(dayDate(ref.AddDate(0, 0, 1)), i+1)
	case "last", "this", "earlier":
		if i+1 >= n {
			return f, false
		}
		nx := toks[i+1].low
		if w == "earlier" {
			if nx == "this" && i+2 < n && toks[i+2].low == "month" {
				return set(rangeDate(time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC), ref, graph.PrecisionRange), i+3)
			}
			if nx == "today" {
				return set(dayDate(ref), i+2)
			}
			return f, false
		}
		switch nx {
		case "night":
			if w == "last" {
				return set(dayDate(ref.AddDate(0, 0, -1)), i+2)
			}
			return set(dayDate(ref), i+2)
		case "morning", "evening", "afternoon":
			if w == "this" {
				return set(dayDate(ref), i+2)
			}
		case "week":
			mon := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
			if w == "last" {
				return set(rangeDate(mon.AddDate(0, 0, -7), mon.AddDate(0, 0, -1), graph.PrecisionRange), i+2)
			}
			return set(rangeDate(mon, ref, graph.PrecisionRange), i+2)
		case "month":
			first := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
			if w == "last" {
				pf := first.AddDate(0, -1, 0)
				d := rangeDate(pf, first.AddDate(0, 0, -1), graph.PrecisionMonth)
				return set(d, i+2)
			}
			// "this month" is the calendar month, as "last month" is;
			// "earlier this month" (above) is the part of it gone by.
			return set(rangeDate(first, monthEnd(ref.Year(), int(ref.Month())), graph.PrecisionMonth), i+2)
		}
	case "over", "in", "within", "of":
		// "in the last three days", "over the past week", "the
		// operations of the past 24 hours": the stretch that ends on the
		// document's date.
		if back, j := pastStretch(toks, i+1); back > 0 {
			return set(rangeDate(ref.AddDate(0, 0, -back), ref, graph.PrecisionRange), j)
		}
	}
	// "two days ago", "3 days ago".
	if i+2 < n && toks[i+2].low == "ago" {
		v := 0.0
		if toks[i].kind == tNum {
			v, _ = parseDigits(toks[i].text)
		} else if x, ok := spelledWord(toks[i].low); ok {
			v = x
		}
		if v > 0 && v < 400 {
			switch toks[i+1].low {
			case "days", "day":
				return set(dayDate(ref.AddDate(0, 0, -int(v))), i+3)
			case "weeks", "week":
				d := ref.AddDate(0, 0, -7*int(v))
				return set(rangeDate(d.AddDate(0, 0, -3), d.AddDate(0, 0, 3), graph.PrecisionRange), i+3)
			}
		}
	}
	return f, false
}

// dayApart reads "a day after" and "two days before" at token i: the
// sentence has named the day of its event ("took the town on Thursday, a
// day after capturing the village"), and the other event is that many days
// before or after it.
func dayApart(toks []token, i int, out []dateFound) (dateFound, bool) {
	var f dateFound
	if len(out) == 0 || i+2 >= len(toks) {
		return f, false
	}
	last := out[len(out)-1]
	if last.d.Precision != graph.PrecisionDay || last.since {
		return f, false
	}
	v := 0
	switch w := toks[i].low; {
	case w == "a" || w == "one":
		v = 1
	case toks[i].kind == tNum:
		if x, ok := digitsInt(toks[i].text); ok {
			v = x
		}
	default:
		if x, ok := spelledWord(w); ok {
			v = int(x)
		}
	}
	if v < 1 || v > 14 || (v == 1) != (toks[i+1].low == "day") || v > 1 && toks[i+1].low != "days" {
		return f, false
	}
	t, ok := parseISODay(last.d.From)
	if !ok {
		return f, false
	}
	switch toks[i+2].low {
	case "after":
		t = t.AddDate(0, 0, -v)
	case "before":
		t = t.AddDate(0, 0, v)
	default:
		return f, false
	}
	f.i, f.j = i, i+3
	f.d = dayDate(t)
	f.d.Relative = true
	return f, true
}

// pastStretch reads "the last three days", "the past week", "the past 24
// hours", "the past day" from token k: the days it reaches back from the
// document's date, and the token after it; 0 when it is none. A day or 24
// hours reach back one day: a daily briefing's "over the past 24 hours"
// tells of the events of the day before it and of its own.
func pastStretch(toks []token, k int) (int, int) {
	if k+2 >= len(toks) || toks[k].low != "the" || toks[k+1].low != "past" && toks[k+1].low != "last" {
		return 0, 0
	}
	k += 2
	v := 1.0
	if toks[k].kind == tNum {
		x, ok := parseDigits(toks[k].text)
		if !ok || x <= 0 {
			return 0, 0
		}
		v, k = x, k+1
	} else if x, ok := spelledWord(toks[k].low); ok && x > 0 {
		v, k = x, k+1
	}
	if k >= len(toks) || v >= 400 {
		return 0, 0
	}
	n := int(v)
	switch toks[k].low {
	case "days":
		return n, k + 1
	case "day":
		if n == 1 {
			return 1, k + 1
		}
	case "hours":
		if n == 24 {
			return 1, k + 1
		}
	case "week", "weeks":
		return 7 * n, k + 1
	}
	return 0, 0
}

// parseISODay parses a YYYY-MM-DD date.
func parseISODay(s string) (time.Time, bool) {
	t, err := time.Parse(isoDay, s)
	return t, err == nil
}
