package xref

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// TestContextPlace checks which accounts of the development set read the
// place their document speaks of: an account naming no place in a
// document naming one place (or a place and what encloses it) takes it;
// a document naming places on two branches gives none, and neither does a
// document with a placed account.
func TestContextPlace(t *testing.T) {
	g := gazetteer.Default()
	w := NewWorld(g)
	want := map[string]string{
		"medical-kafrzita-2019-07-13.txt": "Kafr Zita",
		"council-morek-2019-09-11.txt":    "Morek",
		"aid-teams-2019-07-13.txt":        "",
		"letter-morek-2019-09-14.txt":     "",
		"wire-idlib-2019-05-07.txt":       "",
	}
	seen := map[string]bool{}
	for _, x := range extractDir(t, "testdata/dev", g) {
		name, ok := want[x.Document.File]
		if !ok {
			continue
		}
		seen[x.Document.File] = true
		wx := w.With(x.Entities...)
		PrepareAccounts(x, wx)
		if len(x.Accounts) == 0 {
			t.Errorf("%s: no account", x.Document.File)
		}
		for _, a := range x.Accounts {
			got := ""
			if a.ContextPlace != nil {
				got = wx.Name(*a.ContextPlace)
			}
			if got != name {
				t.Errorf("%s: context place %q, want %q", x.Document.File, got, name)
			}
		}
	}
	if len(seen) != len(want) {
		t.Errorf("documents found %v, want %d", seen, len(want))
	}
}
