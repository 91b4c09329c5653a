package xref

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestSpelledInAreaPlaces checks that two spellings of one short skeleton
// that their documents put in one governorate ("Rimah", "al-Reema") give
// no place conflict, and the same skeleton in another governorate does.
func TestSpelledInAreaPlaces(t *testing.T) {
	_, w, accs, claims := loadFixture(t, "testdata/match22.json")
	a, b, c := byKey(t, accs, "monitor-rimah"), byKey(t, accs, "agency-reema"), byKey(t, accs, "agency-reemah-south")
	for _, x := range Conflicts([]graph.Account{a, b}, claims, w) {
		if x.Attribute == AttrPlace && Conflicting(x) {
			t.Errorf("Rimah and al-Reema in one governorate: place conflict %v", x.Groups)
		}
	}
	found := false
	for _, x := range Conflicts([]graph.Account{a, c}, claims, w) {
		found = found || x.Attribute == AttrPlace && Conflicting(x)
	}
	if !found {
		t.Errorf("Rimah and Rameh in two governorates: no place conflict")
	}
}
