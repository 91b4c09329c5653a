package api_test

import (
	"os"

	"encoding/json"
	"fmt"
	"github.com/claimgraph/claimgraph/api"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

type conflictsBody struct {
	Event struct {
		ID string `json:"id"`
	} `json:"event"`
	Conflicts []struct {
		Attribute string `json:"attribute"`
		Values    []struct {
			Value     any     `json:"value"`
			Bound     string  `json:"bound"`
			Text      string  `json:"text"`
			RevisedBy *string `json:"revised_by"`
			Polarity  string  `json:"polarity"`
			Sources   []struct {
				Name string `json:"name"`
			} `json:"sources"`
		} `json:"values"`
		Groups [][]int `json:"groups"`
	} `json:"conflicts"`
}

// qusur finds the event the expected findings call qusur-strike.
func (ts *testServer) eventAt(place, date string) string {
	ts.t.Helper()
	var evs struct {
		Items []idOnly `json:"items"`
	}
	ts.getJSON("/v1/events?q="+url.QueryEscape(place)+"&date="+date, 200, &evs)
	if len(evs.Items) == 0 {
		ts.t.Fatalf("no event at %s on %s", place, date)
	}
	return evs.Items[0].ID
}

func TestEventConflictsAndGrade(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ts.loadCorpus()
	exp := readExpectedConflicts(t)
	ev := ts.eventAt("Qusur", "2017-10-23")

	var cb conflictsBody
	ts.getJSON("/v1/events/"+ev+"/conflicts", 200, &cb)
	got := map[string][]string{}
	revised := 0
	for _, c := range cb.Conflicts {
		for _, v := range c.Values {
			if v.RevisedBy != nil {
				revised++
			}
			got[c.Attribute] = append(got[c.Attribute], fmt.Sprint(v.Value))
		}
		if (c.Attribute == "killed" || c.Attribute == "injured") && len(c.Groups) < 2 {
			t.Errorf("%s: %d compatible groups, want a conflict", c.Attribute, len(c.Groups))
		}
	}
	for _, want := range exp["killed"] {
		if !slices.Contains(got["killed"], fmt.Sprint(want)) {
			t.Errorf("killed values %v lack %v", got["killed"], want)
		}
	}
	for _, want := range exp["injured"] {
		if !slices.Contains(got["injured"], fmt.Sprint(want)) {
			t.Errorf("injured values %v lack %v", got["injured"], want)
		}
	}
	if revised == 0 {
		t.Errorf("no value is marked as revised (the Observatory's 22 by its 24)")
	}

	// The event's grade is computed with reasons; an analyst can override it and undo that.
	type eventBody struct {
		Grade struct {
			Grade   string   `json:"grade"`
			Reasons []string `json:"reasons"`
			Origin  string   `json:"origin"`
		} `json:"grade"`
		Allegations []struct {
			Perpetrator struct {
				Name string `json:"name"`
			} `json:"perpetrator"`
		} `json:"allegations"`
	}
	var before eventBody
	ts.getJSON("/v1/events/"+ev, 200, &before)
	if before.Grade.Grade == "" || len(before.Grade.Reasons) == 0 || len(before.Allegations) < 2 {
		t.Fatalf("event grade %+v allegations %+v", before.Grade, before.Allegations)
	}
	body := `{"kind": "grade", "targets": ["` + ev + `"], "grade": "discounted", "reason": "test override"}`
	st, out := ts.do("POST", "/v1/judgements", "application/json", []byte(body))
	if st != 201 {
		t.Fatalf("POST judgement = %d %s", st, out)
	}
	var j struct {
		ID     string `json:"id"`
		Author string `json:"author"`
	}
	json.Unmarshal(out, &j)
	var after eventBody
	ts.getJSON("/v1/events/"+ev, 200, &after)
	if after.Grade.Grade != "discounted" || after.Grade.Origin != "analyst" {
		t.Fatalf("after the grade judgement: %+v", after.Grade)
	}
	st, out = ts.do("DELETE", "/v1/judgements/"+j.ID, "", nil)
	if st != 200 || !strings.Contains(string(out), "revoked_at") {
		t.Fatalf("DELETE judgement = %d %s", st, out)
	}
	var undone eventBody
	ts.getJSON("/v1/events/"+ev, 200, &undone)
	if undone.Grade.Grade != before.Grade.Grade || undone.Grade.Origin == "analyst" {
		t.Fatalf("after undo: %+v, want %+v", undone.Grade, before.Grade)
	}

	// The contested list has the strike.
	var cl struct {
		Items []struct {
			Event      idOnly   `json:"event"`
			Attributes []string `json:"attributes"`
		} `json:"items"`
	}
	ts.getJSON("/v1/conflicts?limit=10", 200, &cl)
	found := false
	for _, it := range cl.Items {
		found = found || it.Event.ID == ev
	}
	if !found {
		t.Fatalf("GET /v1/conflicts lacks the strike: %+v", cl.Items)
	}

	// The timeline runs 14 -> ... -> 25 in document order.
	var tl struct {
		Points []struct {
			Date      string   `json:"date"`
			Attribute string   `json:"attribute"`
			Value     *float64 `json:"value"`
		} `json:"points"`
	}
	ts.getJSON("/v1/events/"+ev+"/timeline", 200, &tl)
	last := ""
	n := 0
	for _, p := range tl.Points {
		if p.Attribute != "killed" {
			continue
		}
		n++
		if p.Date != "" && last != "" && p.Date < last {
			t.Fatalf("timeline out of order: %+v", tl.Points)
		}
		if p.Date != "" {
			last = p.Date
		}
	}
	if n < 5 {
		t.Fatalf("timeline has %d killed figures: %+v", n, tl.Points)
	}
}

// readExpectedConflicts reads the Qusur conflicts of expected.json.
func readExpectedConflicts(t *testing.T) map[string][]any {
	t.Helper()
	var e struct {
		Events []struct {
			Key       string           `json:"key"`
			Conflicts map[string][]any `json:"conflicts"`
		} `json:"events"`
	}
	b := readFile(t, corpusDir+"/expected.json")
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	for _, ev := range e.Events {
		if ev.Key == "qusur-strike" {
			return ev.Conflicts
		}
	}
	t.Fatal("no qusur-strike in expected.json")
	return nil
}

func TestLinksAndAnalystLinks(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ts.loadCorpus()
	ev := ts.eventAt("Qusur", "2017-10-23")
	var srcs struct {
		Items []struct {
			Document struct {
				File string `json:"file"`
			} `json:"document"`
			Speakers []struct {
				Stance    string `json:"stance"`
				Group     string `json:"group"`
				GroupName string `json:"group_name"`
				First     bool   `json:"first"`
			} `json:"speakers"`
			Claims []struct {
				ID string `json:"id"`
			} `json:"claims"`
		} `json:"items"`
	}
	ts.getJSON("/v1/events/"+ev+"/sources", 200, &srcs)
	claimOf := map[string][]string{}
	stances := map[string]bool{}
	firsts := 0
	for _, s := range srcs.Items {
		for _, c := range s.Claims {
			claimOf[s.Document.File] = append(claimOf[s.Document.File], c.ID)
		}
		for _, sp := range s.Speakers {
			stances[sp.Stance] = true
			if sp.Group == "" {
				t.Errorf("%s: a speaker without independence group", s.Document.File)
			}
			if sp.First {
				firsts++
			}
		}
	}
	if !stances["disputes"] || firsts == 0 {
		t.Fatalf("sources' stances %v, %d first appearances", stances, firsts)
	}
	// The coalition statement disputes the letter.
	disputed := false
	for _, c := range claimOf["s-2017-893.txt"] {
		var links struct {
			Items []struct {
				Relation string `json:"relation"`
				Origin   string `json:"origin"`
				Reason   string `json:"reason"`
				Other    struct {
					Document struct {
						File string `json:"file"`
					} `json:"document"`
				} `json:"other"`
			} `json:"items"`
		}
		ts.getJSON("/v1/claims/"+c+"/links?relation=disputes", 200, &links)
		for _, l := range links.Items {
			if l.Relation != "disputes" || l.Reason == "" || l.Origin != "computed" {
				t.Errorf("link %+v", l)
			}
			if l.Other.Document.File == "coalition-2017-10-25.txt" {
				disputed = true
			}
		}
	}
	if !disputed {
		t.Fatal("no claim of the letter is disputed by the coalition statement")
	}

	// An analyst links two claims; the link shows with its author and reason, and can be undone.
	a, b := claimOf["s-2017-893.txt"][0], claimOf["state-tv-2017-10-23.txt"][0]
	st, out := ts.do("POST", "/v1/links", "application/json", []byte(`{"from": "`+a+`", "to": "`+b+`", "relation": "corroborates", "reason": "same toll, same day"}`))
	if st != http.StatusCreated {
		t.Fatalf("POST /v1/links = %d %s", st, out)
	}
	var j idOnly
	json.Unmarshal(out, &j)
	analyst := func() int {
		var links struct {
			Items []struct {
				Origin string `json:"origin"`
				Reason string `json:"reason"`
			} `json:"items"`
		}
		ts.getJSON("/v1/claims/"+a+"/links?relation=corroborates", 200, &links)
		n := 0
		for _, l := range links.Items {
			if l.Origin == "analyst" && l.Reason == "same toll, same day" {
				n++
			}
		}
		return n
	}
	if analyst() != 1 {
		t.Fatal("the analyst's link is not listed")
	}
	if st, out := ts.do("DELETE", "/v1/judgements/"+j.ID, "", nil); st != 200 {
		t.Fatalf("DELETE = %d %s", st, out)
	}
	if analyst() != 0 {
		t.Fatal("the analyst's link is still listed after undo")
	}
	var all struct {
		Items []struct {
			ID        string  `json:"id"`
			RevokedAt *string `json:"revoked_at"`
		} `json:"items"`
	}
	ts.getJSON("/v1/judgements", 200, &all)
	if len(all.Items) != 1 || all.Items[0].RevokedAt == nil {
		t.Fatalf("judgements after undo: %+v (the undone judgement is kept, marked revoked)", all.Items)
	}

	// Bad judgements are refused.
	for _, body := range []string{
		`{"kind": "grade", "targets": ["` + ev + `"], "grade": "excellent"}`,
		`{"kind": "teleport", "targets": ["` + ev + `"]}`,
		`{"kind": "merge", "targets": ["` + ev + `"]}`,
		`{"kind": "reliability", "targets": ["` + ev + `"], "value": "Z"}`,
		`{"kind": "link", "targets": ["` + a + `", "not-an-id"], "relation": "disputes"}`,
	} {
		if st, out := ts.do("POST", "/v1/judgements", "application/json", []byte(body)); st != 400 {
			t.Errorf("%s = %d %s, want 400", body, st, out)
		}
	}
	if st, _ := ts.do("GET", "/v1/claims/"+a+"/links?relation=likes", "", nil); st != 400 {
		t.Errorf("unknown relation = %d, want 400", st)
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSourcesOrderedByDateUndatedLast(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ts.loadCorpus()
	ev := ts.eventAt("Qusur", "2017-10-23")
	var srcs struct {
		Items []struct {
			Document struct {
				File string `json:"file"`
				Date string `json:"date"`
			} `json:"document"`
		} `json:"items"`
	}
	ts.getJSON("/v1/events/"+ev+"/sources", 200, &srcs)
	last := ""
	for i, s := range srcs.Items {
		if s.Document.Date == "" {
			// An undated document sorts by the latest date it mentions, after
			// the documents dated that day: it cannot be the first.
			if i == 0 {
				t.Fatalf("undated %s listed first", s.Document.File)
			}
			continue
		}
		if s.Document.Date < last {
			t.Fatalf("sources out of date order: %+v", srcs.Items)
		}
		last = s.Document.Date
	}
}
