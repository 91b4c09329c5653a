package xref

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

func TestSourcesAndTimeline(t *testing.T) {
	_, w, accs, claims := loadFixture(t, "testdata/strikes.json")
	var members []graph.Account
	for _, k := range []string{"s5", "s4", "s3", "s2", "s1", "s6", "n1"} {
		members = append(members, byKey(t, accs, k))
	}
	docs := map[uuid.UUID]graph.Document{tid("doc:tv"): {ID: tid("doc:tv"), Title: "State TV", Date: "2019-05-06"}}
	src := Sources(members, claims, docs, w)
	if len(src) != 6 {
		t.Fatalf("%d entries, want 6 (the letter's two accounts are one speaker): %+v", len(src), src)
	}
	if src[0].Document != tid("doc:tv") || src[0].Title != "State TV" || !src[0].First {
		t.Errorf("first entry %+v", src[0])
	}
	if last := src[len(src)-1]; last.Document != tid("doc:letter") || len(last.Accounts) != 2 {
		t.Errorf("undated letter (mentions 2019-05-10) not last: %+v", last)
	}
	for i := 1; i < len(src); i++ {
		if pubOf(graph.Account{Published: src[i].Published, NotBefore: "2019-05-10"}) < pubOf(graph.Account{Published: src[i-1].Published, NotBefore: "2019-05-10"}) {
			t.Errorf("entries out of date order at %d", i)
		}
	}
	by := map[uuid.UUID]SourceEntry{}
	for _, e := range src {
		by[e.Document] = e
	}
	if e := by[tid("doc:coalition")]; e.Stance != StanceDisputes {
		t.Errorf("coalition stance %s", e.Stance)
	}
	if e := by[tid("doc:wire")]; e.Stance != StanceAsserts || e.Group != tid("syria-state") || e.First {
		t.Errorf("wire entry %+v: the anonymous government source repeats state TV's 10 and is in its group", e)
	}
	if e := by[tid("doc:letter")]; !e.First || !strings.Contains(strings.Join(e.FirstFor, ";"), "injured") {
		t.Errorf("letter first for %q", e.FirstFor)
	}
	if e := by[tid("doc:monitor2")]; !e.First || e.Group != tid("monitor") {
		t.Errorf("monitor2 %+v", e)
	}

	tl := Timeline(members, claims, docs)
	var killed []string
	for _, p := range tl {
		if p.Attribute == AttrKilled {
			killed = append(killed, p.Text)
			if p.Document == tid("doc:monitor1") && p.RevisedBy == nil {
				t.Errorf("monitor's 12 not marked revised")
			}
		}
	}
	// Texts are the fixture's keys; the monitor's 12 precedes its 15.
	if len(killed) != 5 {
		t.Errorf("killed timeline %q", killed)
	}
	i12, i15 := -1, -1
	for i, p := range tl {
		if p.Attribute == AttrKilled && p.Value != nil && *p.Value == 12 {
			i12 = i
		}
		if p.Attribute == AttrKilled && p.Value != nil && *p.Value == 15 {
			i15 = i
		}
	}
	if i12 < 0 || i15 < 0 || i12 > i15 || tl[0].Date != "2019-05-06" {
		t.Errorf("timeline order: %+v", tl)
	}
}

func TestProvenance(t *testing.T) {
	mk := func(key, doc, date string) (graph.Claim, graph.Document) {
		return graph.Claim{ID: tid("claim:" + key), DocumentID: tid("doc:" + doc), Text: key, Speaker: graph.EntityRef{ID: tid(doc), Name: doc}},
			graph.Document{ID: tid("doc:" + doc), Title: doc, Date: date}
	}
	cm, dm := mk("briefing", "ministry", "2017-10-22")
	cl, dl := mk("letter", "letter", "")
	cr, dr := mk("reprint", "blog", "2017-11-02")
	co, do := mk("other", "other", "2017-10-01")
	claims := map[uuid.UUID]graph.Claim{cm.ID: cm, cl.ID: cl, cr.ID: cr, co.ID: co}
	docs := map[uuid.UUID]graph.Document{dm.ID: dm, dl.ID: dl, dr.ID: dr, do.ID: do}
	links := []graph.Link{
		{ID: LinkID(cl.ID, cm.ID, graph.RelRepeats), From: cl.ID, To: cm.ID, Relation: graph.RelRepeats, Reason: "wiped off"},
		{ID: LinkID(cr.ID, cl.ID, graph.RelRepeats), From: cr.ID, To: cl.ID, Relation: graph.RelRepeats},
		{ID: LinkID(cl.ID, co.ID, graph.RelDisputes), From: cl.ID, To: co.ID, Relation: graph.RelDisputes},
	}
	p := Provenance(cl, dl, links, claims, docs)
	if p.First.Claim != cm.ID || p.First.Title != "ministry" || p.First.Reason != "wiped off" {
		t.Errorf("first appearance %+v", p.First)
	}
	if len(p.Earlier) != 1 || len(p.Later) != 1 || p.Later[0].Claim != cr.ID {
		t.Errorf("earlier %+v later %+v", p.Earlier, p.Later)
	}
	if p.Carrier.Document != dl.ID || p.Speaker.Name != "letter" {
		t.Errorf("carrier %+v", p.Carrier)
	}
	// From the reprint, the chain runs back through the letter to the
	// briefing.
	p = Provenance(cr, dr, links, claims, docs)
	if len(p.Earlier) != 2 || p.First.Claim != cm.ID {
		t.Errorf("reprint chain %+v", p.Earlier)
	}
	// A claim nothing repeats is its own first appearance.
	p = Provenance(co, do, links, claims, docs)
	if p.First.Claim != co.ID || len(p.Earlier)+len(p.Later) != 0 {
		t.Errorf("lone claim %+v", p)
	}
}
