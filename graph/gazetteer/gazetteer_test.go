package gazetteer

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func mustKey(t *testing.T, g *Gazetteer, key string) *graph.Entity {
	t.Helper()
	e, ok := g.ByKey(key)
	if !ok {
		t.Fatalf("no entity with key %q", key)
	}
	return e
}

func keyOf(g *Gazetteer, e *graph.Entity) string {
	k, _ := g.Key(e.ID)
	return k
}

func TestFoldKey(t *testing.T) {
	var cases [][2]string
	readJSON(t, "fold.json", &cases)
	for _, c := range cases {
		if got := FoldKey(c[0]); got != c[1] {
			t.Errorf("FoldKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

func TestSkeleton(t *testing.T) {
	var cases struct {
		Same      [][]string  `json:"same"`
		Different [][2]string `json:"different"`
	}
	readJSON(t, "skeleton.json", &cases)
	for _, group := range cases.Same {
		want := Skeleton(group[0])
		if want == "" {
			t.Errorf("Skeleton(%q) is empty", group[0])
		}
		for _, n := range group[1:] {
			if got := Skeleton(n); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q (as %q)", n, got, want, group[0])
			}
		}
	}
	for _, pair := range cases.Different {
		if a, b := Skeleton(pair[0]), Skeleton(pair[1]); a == b {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q, want different", pair[0], pair[1], a)
		}
	}
}

func TestClose(t *testing.T) {
	var cases []struct {
		A, B  string
		Close bool
	}
	readJSON(t, "close.json", &cases)
	for _, c := range cases {
		if got := Close(c.A, c.B); got != c.Close {
			t.Errorf("Close(%q, %q) = %v, want %v (plain %q, %q)", c.A, c.B, got, c.Close, PlainForm(c.A), PlainForm(c.B))
		}
	}
	if p := PlainForm("the Al-Qusor"); p != "qusor" {
		t.Errorf("PlainForm(the Al-Qusor) = %q", p)
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	var cases []struct {
		Name string `json:"name"`
		Key  string `json:"key"`
	}
	readJSON(t, "lookup.json", &cases)
	for _, c := range cases {
		got := g.Lookup(c.Name)
		if c.Key == "" {
			if len(got) != 0 {
				t.Errorf("Lookup(%q) = %s, want nothing", c.Name, keyOf(g, got[0]))
			}
			continue
		}
		if len(got) == 0 {
			t.Errorf("Lookup(%q) found nothing, want %s", c.Name, c.Key)
			continue
		}
		if k := keyOf(g, got[0]); k != c.Key {
			t.Errorf("Lookup(%q) = %s first, want %s", c.Name, k, c.Key)
		}
	}
}

// TestLookupPrefersFold: a FoldKey match hides skeleton matches of other
// entities ("Iraq" has the skeleton of nothing else, "Qusur" shares
// "qsr" with al-Qusayr).
func TestLookupPrefersFold(t *testing.T) {
	g := Default()
	if Skeleton("Qusur") != Skeleton("Qusayr") {
		t.Fatalf("test premise: Qusur and Qusayr should share a skeleton")
	}
	for _, name := range []string{"Qusur", "al-Qusayr"} {
		got := g.Lookup(name)
		if len(got) != 1 {
			t.Errorf("Lookup(%q) returned %d entities, want 1 (fold match only)", name, len(got))
		}
	}
	// A variant listed nowhere falls back to the skeleton and is ambiguous
	// when its vowels fit both ("Quser"): both places are returned; when
	// they fit one ("Qusoor", a long u, not Qusayr's ay), only that one.
	for name, want := range map[string][]string{"Quser": {"qusur", "al-qusayr"}, "Qusoor": {"qusur"}} {
		keys := map[string]bool{}
		for _, e := range g.Lookup(name) {
			keys[keyOf(g, e)] = true
		}
		ok := len(keys) == len(want)
		for _, k := range want {
			ok = ok && keys[k]
		}
		if !ok {
			t.Errorf("Lookup(%s) = %v, want %v", name, keys, want)
		}
	}
}

type findCase struct {
	Name string `json:"name"`
	Text string `json:"text"`
	// Mentions are [text, key] or [text, key, byte offset]; without an
	// offset the mention is at the first occurrence of its text after the
	// previous mention.
	Mentions [][]string `json:"mentions"`
}

func TestFind(t *testing.T) {
	g := Default()
	var cases []findCase
	readJSON(t, "find.json", &cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			checkFind(t, g, c)
		})
	}
}

// checkFind compares Find's matches with the expected mentions. Each
// expected mention must be found at the first occurrence of its text after
// the previous mention, which pins its byte span.
func checkFind(t *testing.T, g *Gazetteer, c findCase) {
	t.Helper()
	got := g.Find(c.Text)
	pos := 0
	for i, want := range c.Mentions {
		at := strings.Index(c.Text[pos:], want[0])
		if at < 0 {
			t.Fatalf("bad case: %q not in the text after byte %d", want[0], pos)
		}
		start := pos + at
		if len(want) > 2 {
			n, err := strconv.Atoi(want[2])
			if err != nil || c.Text[n:n+len(want[0])] != want[0] {
				t.Fatalf("bad case: %q is not at %s", want[0], want[2])
			}
			start = n
		}
		end := start + len(want[0])
		pos = end
		if i >= len(got) {
			t.Errorf("mention %d %q (%s): missing", i, want[0], want[1])
			continue
		}
		m := got[i]
		if m.Start != start || m.End != end || m.Text != want[0] {
			t.Errorf("mention %d: got %q [%d,%d), want %q [%d,%d)", i, m.Text, m.Start, m.End, want[0], start, end)
		}
		if k := keyOf(g, m.Entity); k != want[1] {
			t.Errorf("mention %d %q: entity %s, want %s", i, m.Text, k, want[1])
		}
	}
	for _, m := range got[min(len(got), len(c.Mentions)):] {
		t.Errorf("unexpected mention %q [%d,%d) -> %s", m.Text, m.Start, m.End, keyOf(g, m.Entity))
	}
	for i, m := range got {
		if c.Text[m.Start:m.End] != m.Text {
			t.Errorf("match %d: Text %q is not text[%d:%d]", i, m.Text, m.Start, m.End)
		}
		if i > 0 && m.Start < got[i-1].End {
			t.Errorf("match %d overlaps the one before", i)
		}
	}
}

// TestFindCleanProse runs Find over ordinary English prose that names no
// gazetteer entity (an essay, local news with title-case and all-capitals
// headlines and many proper names): every match is a false mention.
func TestFindCleanProse(t *testing.T) {
	for _, name := range []string{"clean_prose.txt", "clean_news.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		words := len(strings.Fields(string(b)))
		got := Default().Find(string(b))
		for _, m := range got {
			t.Errorf("%s: false mention %q at %d -> %s", name, m.Text, m.Start, m.Entity.Name)
		}
		t.Logf("%s: %d words, %d false mentions", name, words, len(got))
	}
}

// TestFindCorpus checks the mentions the example corpus needs, from the
// files in examples/corpus.
func TestFindCorpus(t *testing.T) {
	g := Default()
	var cases []struct {
		File string   `json:"file"`
		Keys []string `json:"keys"`
	}
	readJSON(t, "corpus_mentions.json", &cases)
	for _, c := range cases {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "corpus", c.File))
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]bool{}
		for _, m := range g.Find(string(b)) {
			found[keyOf(g, m.Entity)] = true
		}
		for _, k := range c.Keys {
			if !found[k] {
				t.Errorf("%s: %s not found", c.File, k)
			}
		}
	}
}

func TestDemonym(t *testing.T) {
	g := Default()
	for word, key := range map[string]string{"Russian": "russia", "syrian": "syria", "American": "united-states", "British": "united-kingdom", "Iraqi": "iraq"} {
		e, ok := g.Demonym(word)
		if !ok || keyOf(g, e) != key {
			t.Errorf("Demonym(%q) = %v, %v; want %s", word, e, ok, key)
		}
	}
	if _, ok := g.Demonym("Coalition"); ok {
		t.Errorf("Demonym(Coalition) should find nothing")
	}
	// demonyms are not aliases
	if m := g.Find("a warplane believed to be Russian"); len(m) != 0 {
		t.Errorf("Find matched a demonym: %v", m)
	}
}

func TestHierarchy(t *testing.T) {
	g := Default()
	qusur := mustKey(t, g, "qusur")
	var chain []string
	for _, e := range g.Ancestors(qusur.ID) {
		chain = append(chain, keyOf(g, e))
	}
	if want := "deir-ez-zor deir-ez-zor-governorate syria"; strings.Join(chain, " ") != want {
		t.Errorf("Ancestors(qusur) = %v, want %s", chain, want)
	}
	var cases []struct {
		A, B   string
		Within bool
	}
	readJSON(t, "within.json", &cases)
	for _, c := range cases {
		a, b := mustKey(t, g, c.A), mustKey(t, g, c.B)
		if got := g.Within(a.ID, b.ID); got != c.Within {
			t.Errorf("Within(%s, %s) = %v, want %v", c.A, c.B, got, c.Within)
		}
	}
	if _, ok := g.ByKey("no-such-key"); ok {
		t.Errorf("ByKey of an unknown key found something")
	}
	if _, ok := g.Key(uuid.New()); ok {
		t.Errorf("Key of an unknown id found something")
	}
	if _, ok := g.Entity(uuid.New()); ok {
		t.Errorf("Entity of an unknown id found something")
	}
	if len(g.Ancestors(uuid.New())) != 0 {
		t.Errorf("Ancestors of an unknown id should be empty")
	}
	if id := uuid.New(); !g.Within(id, id) {
		t.Errorf("an id is within itself even when unknown")
	}
}

func TestRoot(t *testing.T) {
	g := Default()
	var cases [][2]string
	readJSON(t, "roots.json", &cases)
	for _, c := range cases {
		e := mustKey(t, g, c[0])
		root := g.Root(e.ID)
		k, _ := g.Key(root)
		if k != c[1] {
			t.Errorf("Root(%s) = %s, want %s", c[0], k, c[1])
		}
	}
	id := uuid.New()
	if g.Root(id) != id {
		t.Errorf("Root of an unknown id should be the id itself")
	}
}

func TestKeys(t *testing.T) {
	g := Default()
	e := mustKey(t, g, "qusur")
	keys := g.Keys(e)
	for _, want := range []string{"qusur", "al qusur", "qsr", "القصور"} {
		if i := sort.SearchStrings(keys, want); i == len(keys) || keys[i] != want {
			t.Errorf("Keys(qusur) lacks %q: %v", want, keys)
		}
	}
	// a query for any spelling meets the entity's keys on its fold or skeleton
	for _, q := range []string{"Deir ez-Zor", "Dayr al-Zawr", "Deir Ez-Zour"} {
		d := mustKey(t, g, "deir-ez-zor")
		ks := g.Keys(d)
		f, s := FoldKey(q), Skeleton(q)
		if !contains(ks, f) && !contains(ks, s) {
			t.Errorf("query %q (%q, %q) meets none of %v", q, f, s, ks)
		}
	}
	// works for entities from text, not in the gazetteer
	other := &graph.Entity{Name: "al-Nasr Hospital", Kind: graph.KindUnclassified}
	if ks := g.Keys(other); !contains(ks, "al nasr hospital") || !contains(ks, "nasr hospital") {
		t.Errorf("Keys(non-gazetteer) = %v", ks)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestLoadRejects(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad gazetteers: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var head struct {
				Error string `json:"error"`
			}
			_ = json.Unmarshal(b, &head)
			b = stripErrorField(t, b)
			_, err = Load(bytes.NewReader(b))
			if err == nil {
				t.Fatalf("Load accepted %s", f)
			}
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("error code %q, want %q", graph.ErrorCode(err), graph.EINVALID)
			}
			if !strings.Contains(err.Error(), head.Error) {
				t.Errorf("error %q does not mention %q", err, head.Error)
			}
		})
	}
}

// stripErrorField removes the test's "error" field so that Load sees only
// gazetteer fields.
func stripErrorField(t *testing.T, b []byte) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return b // not an object: let Load report it
	}
	delete(m, "error")
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLoadSmall(t *testing.T) {
	src := `{"version": 1, "entries": [
	 {"key": "x-state", "name": "Xland", "kind": "state", "place_type": "country"},
	 {"key": "x-city", "name": "Xville", "kind": "place", "place_type": "city", "within": "x-state", "aliases": ["Ex-Ville"], "lat": 1, "lon": 2},
	 {"key": "x-gov", "name": "Government of Xland", "kind": "government", "affiliation": "x-state"},
	 {"key": "x-tv", "name": "Xland TV", "kind": "outlet", "affiliation": "x-gov"}
	]}`
	g, err := Load(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 4 {
		t.Fatalf("Len = %d", g.Len())
	}
	city := mustKey(t, g, "x-city")
	if city.ID != graph.EntityID(graph.KindPlace, "x-city", uuid.Nil) || !city.Gazetteer {
		t.Errorf("city id or gazetteer flag wrong: %+v", city)
	}
	if e, ok := g.Entity(city.ID); !ok || e != city {
		t.Errorf("Entity(id) does not return the city")
	}
	tv, state := mustKey(t, g, "x-tv"), mustKey(t, g, "x-state")
	if g.Root(tv.ID) != state.ID {
		t.Errorf("Root(tv) is not the state")
	}
	if !g.Within(city.ID, state.ID) || g.Within(state.ID, city.ID) {
		t.Errorf("Within is wrong")
	}
	ents := g.Entities()
	for i := 1; i < len(ents); i++ {
		if ki, kj := keyOf(g, &ents[i-1]), keyOf(g, &ents[i]); ki >= kj {
			t.Errorf("Entities not ordered by key: %s before %s", ki, kj)
		}
	}
	if m := g.Find("News from Ex-Ville and Xville."); len(m) != 2 {
		t.Errorf("Find in a custom gazetteer: %v", m)
	}
}

// TestMemberOf checks the member_of relation between armed parties: a
// faction in the alliances it joined, a state's forces in the coalition
// they fight in; the alliance itself, and a party merely on the same
// side, are members of nothing.
func TestMemberOf(t *testing.T) {
	g := Default()
	has := func(part, whole string) bool {
		p, w := mustKey(t, g, part), mustKey(t, g, whole)
		for _, id := range g.MemberOf(p.ID) {
			if id == w.ID {
				return true
			}
		}
		return false
	}
	for _, c := range [][2]string{
		{"ahrar-al-sham", "jaysh-al-fatah"},
		{"ahrar-al-sham", "islamic-front"},
		{"hts", "jaysh-al-fatah"},
		{"us-armed-forces", "international-coalition"},
		{"hezbollah", "pro-government-forces"},
	} {
		if !has(c[0], c[1]) {
			t.Errorf("%s should be a member of %s", c[0], c[1])
		}
	}
	for _, c := range [][2]string{
		{"russian-armed-forces", "pro-government-forces"},
		{"hts", "ahrar-al-sham"},
		{"turkish-armed-forces", "sna"},
	} {
		if has(c[0], c[1]) {
			t.Errorf("%s is on %s's side, not a member", c[0], c[1])
		}
	}
	if m := g.MemberOf(mustKey(t, g, "jaysh-al-fatah").ID); len(m) != 0 {
		t.Errorf("jaysh-al-fatah is a member of %v, want nothing", m)
	}
}

// TestHomonyms checks that a town's name finds the places of near spelling
// elsewhere, not itself, nor places of another skeleton.
func TestHomonyms(t *testing.T) {
	g := Default()
	suran, ok := g.ByKey("suran-sy")
	if !ok {
		t.Fatal("no suran-sy")
	}
	hs := g.Homonyms("Suran", suran.ID)
	found := false
	for _, h := range hs {
		if h.ID == suran.ID {
			t.Errorf("Homonyms returned the excluded entity %s", h.Name)
		}
		if k, _ := g.Key(h.ID); k == "souran-sy" {
			found = true
		}
		if Skeleton(h.Name) != Skeleton("Suran") {
			var alias bool
			for _, a := range h.Aliases {
				alias = alias || Skeleton(a) == Skeleton("Suran")
			}
			if !alias {
				t.Errorf("homonym %s has another skeleton", h.Name)
			}
		}
	}
	if !found {
		t.Errorf("Homonyms(Suran) = %v, want Souran (Hama) among them", hs)
	}
	if hs := g.Homonyms("سوران", suran.ID); hs != nil {
		t.Errorf("Arabic script: %v, want none", hs)
	}
}

func TestPlaceKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"al-Hameh", "Al-Hama"}, {"Al Hameh", "Hama"}, {"al-Rhaibeh", "Rhaiba"}, {"Kafr Deryan", "Kafr Deryan"},
	} {
		if ka, kb := PlaceKey(c.a), PlaceKey(c.b); ka != kb {
			t.Errorf("PlaceKey(%q) = %q, PlaceKey(%q) = %q, want one key", c.a, ka, c.b, kb)
		}
	}
	for _, c := range []struct{ a, b string }{{"Hama", "Homs"}, {"Kafr Deryan", "Deryan"}, {"Hameh", "Hamer"}} {
		if PlaceKey(c.a) == PlaceKey(c.b) {
			t.Errorf("PlaceKey(%q) = PlaceKey(%q) = %q, want two keys", c.a, c.b, PlaceKey(c.a))
		}
	}
	if !SameName("Al-Hama", "al-Hameh") || SameName("Hama", "Homs") || SameName("Ha", "Hah") {
		t.Error("SameName: want Al-Hama = al-Hameh, Hama != Homs, and no name of two letters")
	}
}

func TestArabicKey(t *testing.T) {
	// al-Hameh (الهامة) and Hama (حماة) differ in their first consonant,
	// which Latin script writes alike.
	if a, b := ArabicKey("الهامة"), ArabicKey("حماة"); a == b {
		t.Errorf("ArabicKey: الهامة and حماة both %q", a)
	}
	if a, b := ArabicKey("أعزاز"), ArabicKey("اعزاز"); a != b {
		t.Errorf("ArabicKey: أعزاز %q, اعزاز %q, want one key", a, b)
	}
	if ArabicKey("Hama") != "" {
		t.Error("ArabicKey of a Latin name, want empty")
	}
	g := Default()
	for _, e := range g.Lookup("الهامة") {
		if e.Name == "Hama" {
			t.Error("Lookup(الهامة) gives Hama")
		}
	}
	if es := g.Lookup("حماة"); len(es) == 0 || es[0].Name != "Hama" {
		t.Errorf("Lookup(حماة) = %v, want Hama", es)
	}
}

// TestStatesMatchAsWritten checks that the names of States, their
// governments and their armies are found only as written: their
// skeletons are English words and names ("Angela" is not Angola, a
// "Surname" is not Suriname, "al-Tunisi" is not Tunisia), and a phrase of
// two words or more is looked up as written ("Syrian My Government" is
// not the "Suriname government"), while a State's one-word name keeps its
// spellings ("Irak").
func TestStatesMatchAsWritten(t *testing.T) {
	g := Default()
	for _, text := range []string{
		"Angela Merkel met the envoy.",
		"Give your Surname and address.",
		"Abu Omar al-Tunisi, a commander, said the men were Hungry.",
		"Cameron and Dominic spoke in Albany.",
	} {
		for _, m := range g.Find(text) {
			switch m.Entity.Kind {
			case graph.KindState, graph.KindGovernment, graph.KindArmy:
				t.Errorf("Find(%q) = %s (%s) at %q", text, m.Entity.Name, m.Entity.Kind, text[m.Start:m.End])
			}
		}
	}
	for _, text := range []string{"Angola's army", "troops of Suriname", "the Nigerien army", "Government of Norway"} {
		found := false
		for _, m := range g.Find(text) {
			found = found || m.Entity.Kind == graph.KindState || m.Entity.Kind == graph.KindGovernment || m.Entity.Kind == graph.KindArmy
		}
		if !found {
			t.Errorf("Find(%q) found no State, government or army", text)
		}
	}
	if es := g.Lookup("Syrian My Government"); len(es) > 0 {
		t.Errorf("Lookup(%q) = %s, want nothing", "Syrian My Government", es[0].Name)
	}
	if es := g.Lookup("Irak"); len(es) == 0 || es[0].Name != "Iraq" {
		t.Errorf("Lookup(%q) = %v, want Iraq", "Irak", es)
	}
}

// TestLocalitiesWithin looks up localities and first-level divisions of
// the countries added in the twenty-first and twenty-third sessions (testdata/localities.json,
// written from general knowledge) and checks the within chain of the
// first entity found, up to the State; key, when given, is the entity
// the name must find.
func TestLocalitiesWithin(t *testing.T) {
	g := Default()
	var cases []struct {
		Name  string   `json:"name"`
		Key   string   `json:"key"`
		Chain []string `json:"chain"`
	}
	readJSON(t, "localities.json", &cases)
	for _, c := range cases {
		got := g.Lookup(c.Name)
		if len(got) == 0 {
			t.Errorf("Lookup(%q) found nothing", c.Name)
			continue
		}
		e := got[0]
		if c.Key != "" && keyOf(g, e) != c.Key {
			t.Errorf("Lookup(%q) = %s first, want %s", c.Name, keyOf(g, e), c.Key)
			continue
		}
		if e.Kind != graph.KindPlace {
			t.Errorf("Lookup(%q) = %s, a %s, want a place", c.Name, keyOf(g, e), e.Kind)
			continue
		}
		var chain []string
		for _, a := range g.Ancestors(e.ID) {
			chain = append(chain, keyOf(g, a))
		}
		if strings.Join(chain, " ") != strings.Join(c.Chain, " ") {
			t.Errorf("%q (%s) lies within %v, want %v", c.Name, keyOf(g, e), chain, c.Chain)
		}
		if ms := g.Find("Reports from " + c.Name + " said so."); len(ms) != 1 || ms[0].Entity.ID != e.ID {
			t.Errorf("Find does not find %q as %s in running text", c.Name, keyOf(g, e))
		}
	}
}

// TestFingerprint checks that the same entries give the same fingerprint
// however their file is laid out, and that a changed alias gives another.
func TestFingerprint(t *testing.T) {
	const a = `{"version": 1, "entries": [{"key": "x", "name": "Xville", "kind": "place", "place_type": "town", "aliases": ["X Town"]}]}`
	const b = `{
 "version": 1,
 "entries": [
  {"key": "x", "name": "Xville", "kind": "place", "place_type": "town",
   "aliases": ["X Town"]}
 ]
}`
	const c = `{"version": 1, "entries": [{"key": "x", "name": "Xville", "kind": "place", "place_type": "town", "aliases": ["Xtown"]}]}`
	fp := func(s string) string {
		g, err := Load(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		return g.Fingerprint()
	}
	if fa, fb := fp(a), fp(b); fa == "" || fa != fb {
		t.Errorf("same entries: %q and %q", fa, fb)
	}
	if fp(a) == fp(c) {
		t.Error("a changed alias kept the fingerprint")
	}
	if Default().Fingerprint() == "" {
		t.Error("the embedded gazetteer has no fingerprint")
	}
}
