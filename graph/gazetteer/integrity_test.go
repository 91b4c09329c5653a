package gazetteer

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestEmbedded guards Default: the embedded data must load.
func TestEmbedded(t *testing.T) {
	g, err := Load(bytes.NewReader(embedded), bytes.NewReader(supplement))
	if err != nil {
		t.Fatalf("embedded gazetteer.json and geonames.json: %v", err)
	}
	if n := g.Len(); n < 150 {
		t.Errorf("only %d entries, want at least 150", n)
	}
	if Default().Len() != g.Len() {
		t.Errorf("Default differs from the embedded data")
	}
	if Default() != Default() {
		t.Errorf("Default is parsed more than once")
	}
}

func TestEmbeddedIntegrity(t *testing.T) {
	g := Default()
	ids := map[string]bool{}
	kinds := map[graph.EntityKind]int{}
	for _, e := range g.Entities() {
		k, _ := g.Key(e.ID)
		kinds[e.Kind]++
		if ids[e.ID.String()] {
			t.Errorf("%s: duplicate id", k)
		}
		ids[e.ID.String()] = true
		// every name finds its own entity first by Lookup, and Find finds it
		for _, n := range names(&e) {
			got := g.Lookup(n)
			if len(got) == 0 {
				t.Errorf("%s: Lookup(%q) finds nothing", k, n)
				continue
			}
			found := false
			for _, x := range got {
				found = found || x.ID == e.ID
			}
			if !found {
				t.Errorf("%s: Lookup(%q) does not return it", k, n)
			}
			ms := g.Find(n)
			if len(ms) != 1 || ms[0].Entity.ID != got[0].ID {
				var texts []string
				for _, m := range ms {
					texts = append(texts, m.Text+"->"+m.Entity.Name)
				}
				t.Errorf("%s: Find(%q) = %v, want the whole name as Lookup's first", k, n, texts)
			}
		}
		// places (but rivers) sit in a country
		if e.Kind == graph.KindPlace && e.PlaceType != "river" {
			anc := g.Ancestors(e.ID)
			if len(anc) == 0 || anc[len(anc)-1].PlaceType != "country" {
				t.Errorf("%s: place does not lie in a country", k)
			}
		}
		if e.Kind == graph.KindPlace && (e.PlaceType == "city" || e.PlaceType == "governorate") && e.Lat == nil {
			t.Errorf("%s: %s without coordinates", k, e.PlaceType)
		}
		if e.Kind == graph.KindPerson && e.Affiliation == nil {
			t.Errorf("%s: person without affiliation", k)
		}
	}
	t.Logf("%d entities: %v", g.Len(), kinds)
}

// TestSharedAliases: no alias is claimed by two entries of the same kind
// unless testdata/shared_aliases.txt says it is intended; and every listed
// exception is still real.
func TestSharedAliases(t *testing.T) {
	g := Default()
	allowed := map[string]bool{}
	f, err := os.Open(filepath.Join("testdata", "shared_aliases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		allowed[line] = false
	}
	for fold, rs := range g.fold {
		byKind := map[graph.EntityKind][]string{}
		for _, r := range rs {
			byKind[g.ents[r.ent].Kind] = append(byKind[g.ents[r.ent].Kind], g.keys[r.ent])
		}
		for kind, keys := range byKind {
			if len(keys) < 2 {
				continue
			}
			if _, ok := allowed[fold]; ok {
				allowed[fold] = true
				continue
			}
			t.Errorf("alias %q is claimed by %d %s entries: %v", fold, len(keys), kind, keys)
		}
	}
	for fold, used := range allowed {
		if !used {
			t.Errorf("shared_aliases.txt lists %q, which is no longer shared", fold)
		}
	}
}

// TestSkeletonCollisions measures how many skeletons the names of two
// entities share and checks that Find matches by a skeleton only when
// exactly one entity's non-acronym names give it (names that match only
// as written, writtenOnly, are left out).
func TestSkeletonCollisions(t *testing.T) {
	g := Default()
	owners := map[string]map[int]bool{}
	for i := range g.ents {
		if writtenOnly(&g.ents[i]) {
			continue
		}
		for _, n := range names(&g.ents[i]) {
			toks, keepThe := nameTokens(n)
			if len(toks) == 0 || keepThe || acronym(newAlias(n, toks, i, 0)) {
				continue
			}
			s := Skeleton(n)
			if owners[s] == nil {
				owners[s] = map[int]bool{}
			}
			owners[s][i] = true
		}
	}
	shared := 0
	for s, ents := range owners {
		x, indexed := g.find.skel[s]
		switch {
		case len(ents) > 1:
			shared++
			if indexed && x >= 0 {
				t.Errorf("skeleton %q is shared but Find would match it to %s", s, g.keys[x])
			}
		case len(s) >= minSkeleton:
			if !indexed || x < 0 || !ents[x] {
				t.Errorf("skeleton %q of one entity is not indexed for Find", s)
			}
		}
	}
	t.Logf("%d skeletons of names, %d shared by two or more entities", len(owners), shared)
	if shared*10 > len(owners) {
		t.Errorf("%d of %d skeletons collide: too many", shared, len(owners))
	}
}
