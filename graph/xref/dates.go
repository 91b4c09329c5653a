package xref

import (
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

const day = 24 * time.Hour

// DayTolerance widens a day-precision date on each side: "Monday night"
// resolved against a report's date, time zones and midnight strikes put
// honest accounts a day apart.
const DayTolerance = 1

// UndatedLookback is how long before its publication an account that gives
// no date of its own may describe an event: the reporting delay allowed.
const UndatedLookback = 62

// ReportingDelay is how many days after an event a report that gives no
// date of its own is taken to be recent news of it: a report published
// within ReportingDelay days of another account's date is more likely of
// that event than one published weeks later.
const ReportingDelay = 3

// reportedWithin reports whether undated account u was published within
// ReportingDelay days of the date of d (from its first day, before its
// last day plus the delay), or, when d is undated too, whether the two
// were published within ReportingDelay days of each other.
func reportedWithin(u, d graph.Account) bool {
	p, ok := undatedPublished(u)
	if !ok {
		return false
	}
	if from, to, ok := dateRange(d.Date); ok {
		return !p.Before(from) && !p.After(to.Add(ReportingDelay*day))
	}
	if d.Date != nil {
		return false
	}
	q, ok := parseDay(pubOf(d))
	if !ok {
		return false
	}
	gap := p.Sub(q)
	return gap <= ReportingDelay*day && gap >= -ReportingDelay*day
}

// UndatedApart is how many days apart the reports of two accounts that
// give no date may be and still tell of one event: beyond it, nothing
// dates them to one happening.
const UndatedApart = 7

// publishedApart is the number of days between the publication dates of
// two accounts' reports (0 when either is unknown).
func publishedApart(a, b graph.Account) int {
	p, okp := parseDay(pubOf(a))
	q, okq := parseDay(pubOf(b))
	if !okp || !okq {
		return 0
	}
	d := int(p.Sub(q) / day)
	if d < 0 {
		d = -d
	}
	return d
}

// reportedLate reports whether u gives no date and its report came out
// more than UndatedApart days after the end of d's dated window.
func reportedLate(u, d graph.Account) bool {
	p, ok := undatedPublished(u)
	if !ok {
		return false
	}
	_, to, ok := dateRange(d.Date)
	return ok && p.Sub(to) > UndatedApart*day
}

// reportedDaysAfter reports whether u gives no date, asserts (a denial
// answers an allegation days later: answersLate) and its report came out
// more than ReportingDelay days after the end of d's dated window: later
// than news of a strike of that day comes.
func reportedDaysAfter(u, d graph.Account) bool {
	if perpPolarity(u) == graph.Denied {
		return false
	}
	p, ok := undatedPublished(u)
	if !ok {
		return false
	}
	_, to, ok := dateRange(d.Date)
	return ok && p.Sub(to) > ReportingDelay*day
}

// ResponseWindow is how many days after the end of a dated account's
// date an undated denial may come and still answer it: ministries answer
// an allegation a week or two later, an inquiry months later. It stays
// within UndatedLookback (an undated account's event window), so such a
// pair's windows overlap and their place keys meet: no key of its own.
const ResponseWindow = 60

// answersLate reports whether u is an undated denial (of the event or of
// the party blamed) whose report came out more than UndatedApart and at
// most ResponseWindow days after the end of the date of d (or, d undated,
// after d's report), which asserts what u may deny: the late answer to
// an allegation, not a report of another happening there (which a
// denial is not).
func answersLate(u, d graph.Account) bool {
	if perpPolarity(u) != graph.Denied || perpPolarity(d) != graph.Affirmed {
		return false
	}
	p, ok := undatedPublished(u)
	if !ok {
		return false
	}
	_, to, ok := dateRange(d.Date)
	if !ok {
		if d.Date != nil {
			return false
		}
		if to, ok = parseDay(pubOf(d)); !ok {
			return false
		}
	}
	late := p.Sub(to)
	return late > UndatedApart*day && late <= ResponseWindow*day
}

// reportWindow is the window of days an undated account's report is
// recent news of: the ReportingDelay days up to its publication.
func reportWindow(a graph.Account) (window, bool) {
	p, ok := undatedPublished(a)
	if !ok {
		return window{}, false
	}
	return window{from: p.Add(-ReportingDelay * day), to: p}, true
}

// undatedPublished is the publication day of an account that gives no
// date of its own; false when it gives one, or its report has no date.
func undatedPublished(a graph.Account) (time.Time, bool) {
	if a.Date != nil {
		return time.Time{}, false
	}
	return parseDay(pubOf(a))
}

// window is a closed range of days an account's event may fall in.
type window struct {
	from, to time.Time
	// dated is true when the account gives a date; false when the range
	// comes from the publication date.
	dated bool
	// precise is true for a day-precision date.
	precise bool
}

func parseDay(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

// dateRange returns the days a date covers, without tolerance.
func dateRange(d *graph.Date) (from, to time.Time, ok bool) {
	if d == nil {
		return
	}
	from, ok = parseDay(d.From)
	if !ok {
		return
	}
	to, tok := parseDay(d.To)
	if !tok || to.Before(from) {
		to = from
	}
	return from, to, true
}

// pubOf is the date an account's document was published, or for an
// undated document the latest date it mentions (Account.NotBefore).
func pubOf(a graph.Account) string {
	if a.Published != "" {
		return a.Published
	}
	return a.NotBefore
}

// lastPeriods are the relative periods that speakers use for the period
// up to the report as well as for the calendar period before the current
// one: "last week" said on a Saturday of a strike on the Tuesday before.
var lastPeriods = []string{"last week", "past week", "previous week", "last few days", "past few days", "last seven days", "past seven days"}

// lastPeriod reports whether a date was written as such a period.
func lastPeriod(d *graph.Date) bool {
	t := strings.ToLower(d.Text)
	for _, p := range lastPeriods {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// eventWindow returns the days the account's event may fall in: its own
// date widened by DayTolerance (a "last week" read from the calendar
// runs on to the report: lastPeriod), or, for an undated account, the
// UndatedLookback days up to its publication (pubOf).
func eventWindow(a graph.Account) (window, bool) {
	if from, to, ok := dateRange(a.Date); ok {
		w := window{from: from, to: to, dated: true}
		if a.Date.Precision == graph.PrecisionDay || from.Equal(to) {
			w.precise = true
			w.from = from.Add(-DayTolerance * day)
			w.to = to.Add(DayTolerance * day)
		} else if p, ok := parseDay(pubOf(a)); ok && p.After(to) && lastPeriod(a.Date) {
			w.to = p
		}
		return w, true
	}
	if p, ok := parseDay(pubOf(a)); ok {
		return window{from: p.Add(-UndatedLookback * day), to: p}, true
	}
	return window{}, false
}

// longerThan reports whether the window spans more than n days.
func (w window) longerThan(n int) bool { return int(w.to.Sub(w.from)/day)+1 > n }

func (w window) overlaps(o window) bool { return !w.to.Before(o.from) && !o.to.Before(w.from) }

// months lists the YYYY-MM months the window touches, at most max of them
// (the latest, when the window is longer).
func (w window) months(max int) []string {
	var out []string
	start := time.Date(w.from.Year(), w.from.Month(), 1, 0, 0, 0, 0, time.UTC)
	for m := start; !m.After(w.to); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	if len(out) > max {
		out = out[len(out)-max:]
	}
	return out
}

// days lists the days in the window, nil when it spans more than max days.
func (w window) days(max int) []string {
	n := int(w.to.Sub(w.from)/day) + 1
	if n > max {
		return nil
	}
	out := make([]string, 0, n)
	for d := w.from; !d.After(w.to); d = d.Add(day) {
		out = append(out, d.Format("2006-01-02"))
	}
	return out
}
