package extract

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestMinistryAcrossDocuments checks that a state's ministry the gazetteer
// lacks is one entity whether it signs a statement ("Ministry of Health of
// the Republic of Iraq", the caller's author) or a report names it ("the
// Health Ministry said", in a report about Iraq): the ministry's own
// statement and others' reports of it then meet, so that a revision of its
// toll across documents is its own.
func TestMinistryAcrossDocuments(t *testing.T) {
	x := New(nil)
	own, err := x.Extract(graph.DocumentInput{
		Text:   "The Ministry of Health announced that the toll of the bombing in Hilla has risen to 47 martyrs.",
		Author: "Ministry of Health of the Republic of Iraq", Date: "2017-09-15",
	})
	if err != nil {
		t.Fatal(err)
	}
	if own.Document.AuthorEntity == nil || own.Document.AuthorEntity.Name != "Ministry of Health of Iraq" || own.Document.AuthorEntity.Kind != graph.KindGovernment {
		t.Fatalf("author entity %+v, want the government body Ministry of Health of Iraq", own.Document.AuthorEntity)
	}
	report, err := x.Extract(graph.DocumentInput{
		Text:   "Baghdad, 15 September 2017. At least 40 people were killed in a car bombing in Hilla, south of Baghdad, on Thursday, the Health Ministry said.",
		Author: "news agency", Date: "2017-09-15",
	})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range report.Accounts {
		if a.Speaker.ID == own.Document.AuthorEntity.ID {
			found = true
		}
	}
	if !found {
		var got []string
		for _, a := range report.Accounts {
			got = append(got, a.Speaker.Name)
		}
		t.Errorf("no account of the report is the ministry's (%s); speakers %v", own.Document.AuthorEntity.ID, got)
	}
}
