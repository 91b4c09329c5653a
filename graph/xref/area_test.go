package xref

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// TestPlaceArea checks which accounts placed where the gazetteer cannot
// locate read the governorate their sentence names (Account.PlaceArea,
// testdata/match17.json), as PrepareAccounts sets it from the document's
// claims, and what they then match.
func TestPlaceArea(t *testing.T) {
	_, w, accs, claims := loadFixture(t, "testdata/match17.json")
	var spec struct {
		Area map[string]string `json:"area"`
		matchCases
	}
	readJSON(t, "testdata/match17.json", &spec)
	prepared := prepareByDocument(accs, claims, w, func(a *graph.Account) { a.PlaceArea = nil })
	checkPlaceField(t, "area", spec.Area, prepared, func(a graph.Account) *uuid.UUID { return a.PlaceArea })
	testMatchCases(t, spec.matchCases, prepared, w)
	blockingMeetsMatch(t, spec.matchCases, prepared, w)
}
