package gen

import (
	"fmt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// roles are the gazetteer entities each part of a story is cast from.
type roles struct {
	places   []placeRole
	air      []*graph.Entity // who strikes from the air
	ground   []*graph.Entity // who shells
	bombers  []*graph.Entity // who sets off bombs
	monitors []*graph.Entity
	wires    []*graph.Entity
	local    []*graph.Entity // local networks and outlets
	// bySide lists, for each affiliation root, the persons, governments,
	// armies and outlets that speak for it.
	spokesmen map[uuid.UUID][]*graph.Entity
	bodies    map[uuid.UUID][]*graph.Entity
	media     map[uuid.UUID][]*graph.Entity
	missions  []mission
}

type placeRole struct {
	place *graph.Entity
	city  *graph.Entity
}

// mission is a state writing letters to the Security Council.
type mission struct {
	country string // "Syrian Arab Republic"
	govKey  string // its government's gazetteer key
	side    uuid.UUID
}

func newRoles(g *gazetteer.Gazetteer) (roles, error) {
	r := roles{
		spokesmen: map[uuid.UUID][]*graph.Entity{},
		bodies:    map[uuid.UUID][]*graph.Entity{},
		media:     map[uuid.UUID][]*graph.Entity{},
	}
	ents := g.Entities()
	for i := range ents {
		e, _ := g.Entity(ents[i].ID) // stable pointers into the gazetteer
		switch e.Kind {
		case graph.KindPlace:
			if !inTheatre(g, e) {
				continue
			}
			switch e.PlaceType {
			case "neighbourhood", "town":
				if e.Within == nil {
					continue
				}
				c, ok := g.Entity(*e.Within)
				if !ok {
					continue
				}
				r.places = append(r.places, placeRole{e, c})
			case "city":
				r.places = append(r.places, placeRole{e, nil})
			}
		case graph.KindPerson:
			side := g.Root(e.ID)
			r.spokesmen[side] = append(r.spokesmen[side], e)
		case graph.KindGovernment, graph.KindArmy, graph.KindCoalition:
			side := g.Root(e.ID)
			r.bodies[side] = append(r.bodies[side], e)
		case graph.KindOutlet:
			side := g.Root(e.ID)
			if side != e.ID {
				r.media[side] = append(r.media[side], e)
			}
		}
	}
	var err error
	cast := func(keys ...string) []*graph.Entity {
		var out []*graph.Entity
		for _, k := range keys {
			if e, ok := g.ByKey(k); ok {
				out = append(out, e)
			}
		}
		if len(out) == 0 && err == nil {
			err = graph.Errorf(graph.EINVALID, "the gazetteer has none of %v", keys)
		}
		return out
	}
	r.air = cast("international-coalition", "russian-aerospace-forces", "syrian-air-force", "turkish-armed-forces", "idf")
	r.ground = cast("syrian-arab-army", "isil", "sdf", "hts", "turkish-armed-forces", "pro-government-forces", "jaysh-al-islam", "sna")
	r.bombers = cast("isil", "hts")
	r.monitors = cast("sohr", "snhr", "vdc", "airwars", "lcc", "rbss", "dbss", "shrc")
	r.wires = cast("reuters", "afp", "ap")
	r.local = cast("deir-ezzor-24", "euphrates-post", "enab-baladi", "step-news", "smart-news", "baladi-news", "qasioun-news", "shaam-news-network", "orient-news")
	for _, m := range []mission{
		{country: "Syrian Arab Republic", govKey: "government-of-syria"},
		{country: "Russian Federation", govKey: "government-of-russia"},
		{country: "Republic of Turkey", govKey: "government-of-turkey"},
		{country: "Islamic Republic of Iran", govKey: "government-of-iran"},
	} {
		if e, ok := g.ByKey(m.govKey); ok {
			m.side = g.Root(e.ID)
			r.missions = append(r.missions, m)
		}
	}
	if err != nil {
		return r, err
	}
	if len(r.places) == 0 {
		return r, graph.Errorf(graph.EINVALID, "the gazetteer has no neighbourhoods, towns or cities")
	}
	if len(r.missions) == 0 {
		return r, fmt.Errorf("the gazetteer has no government that writes letters")
	}
	return r, nil
}

// inTheatre reports whether a place lies in Syria or Iraq, the theatre the
// templates write about.
func inTheatre(g *gazetteer.Gazetteer, e *graph.Entity) bool {
	for _, a := range g.Ancestors(e.ID) {
		if k, _ := g.Key(a.ID); k == "syria" || k == "iraq" {
			return true
		}
	}
	return false
}
