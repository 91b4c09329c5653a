package gazetteer

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Search looks search strings up the way entities are indexed by Keys:
// the store finds candidates by key, and Search decides which of them the
// string really names. The zero value is ready to use.
type Search struct{}

// QueryKeys returns the keys to look q up under, most exact first: its
// fold key, the fold key without a leading article, and its skeleton.
func (Search) QueryKeys(q string) []string {
	var out []string
	add := func(k string) {
		if k == "" {
			return
		}
		for _, o := range out {
			if o == k {
				return
			}
		}
		out = append(out, k)
	}
	f := FoldKey(q)
	add(f)
	add(stripArticle(f))
	add(Skeleton(q))
	return out
}

// Matches reports whether q names e: one of e's names or aliases has q's
// fold key, or is close to q in spelling (a transliteration variant, not
// merely a name that shares its consonants).
func (Search) Matches(q string, e *graph.Entity) bool {
	fq := FoldKey(q)
	bare := stripArticle(fq)
	for _, n := range names(e) {
		fn := FoldKey(n)
		if fn == fq || (bare != "" && stripArticle(fn) == bare) {
			return true
		}
		if hasArabic(n) == hasArabic(q) && strings.EqualFold(Skeleton(n), Skeleton(q)) && Close(q, n) {
			return true
		}
	}
	return false
}
