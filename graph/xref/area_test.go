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
	docs := map[uuid.UUID]*graph.Extraction{}
	var order []uuid.UUID
	for _, a := range accs {
		x := docs[a.DocumentID]
		if x == nil {
			x = &graph.Extraction{Document: graph.Document{ID: a.DocumentID, Date: a.Published}}
			docs[a.DocumentID] = x
			order = append(order, a.DocumentID)
		}
		for _, id := range a.Claims {
			x.Claims = append(x.Claims, claims[id])
		}
		a.PlaceArea = nil
		x.Accounts = append(x.Accounts, a)
	}
	var prepared []graph.Account
	for _, id := range order {
		PrepareAccounts(docs[id], w)
		prepared = append(prepared, docs[id].Accounts...)
	}
	checkPlaceField(t, "area", spec.Area, prepared, func(a graph.Account) *uuid.UUID { return a.PlaceArea })
	testMatchCases(t, spec.matchCases, prepared, w)
	blockingMeetsMatch(t, spec.matchCases, prepared, w)
}
