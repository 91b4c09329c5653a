package gazetteer

import "testing"

func TestSearchMatchesVariantsNotLookalikes(t *testing.T) {
	g := Default()
	var s Search
	city := g.Lookup("Dayr al-Zawr")
	if len(city) == 0 {
		t.Fatal("no Dayr al-Zawr")
	}
	for _, q := range []string{"Deir ez-Zor", "Deir Ezzor", "Dayr Az Zawr", "deir-ez-zor", "DAYR AL-ZAWR"} {
		if !s.Matches(q, city[0]) {
			t.Errorf("%q does not match %s", q, city[0].Name)
		}
		if len(s.QueryKeys(q)) == 0 {
			t.Errorf("%q has no query keys", q)
		}
	}
	turkey := g.Lookup("Turkey")
	if len(turkey) == 0 {
		t.Fatal("no Turkey")
	}
	for _, q := range []string{"Tariq", "Trk"} {
		if s.Matches(q, turkey[0]) {
			t.Errorf("%q matches %s", q, turkey[0].Name)
		}
	}
}
