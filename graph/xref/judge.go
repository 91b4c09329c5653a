package xref

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// AnalystLinkID is the id of the link a link judgement makes: derived from
// the judgement, so that it never collides with a computed link between
// the same claims (which recomputation may delete).
func AnalystLinkID(judgement uuid.UUID) uuid.UUID {
	return uuid.NewSHA1(graph.Namespace, []byte("analyst-link:"+judgement.String()))
}

// analystLink returns the link a link judgement makes.
func analystLink(j graph.Judgement) (graph.Link, bool) {
	if j.Kind != graph.JudgeLink || len(j.Targets) != 2 {
		return graph.Link{}, false
	}
	return graph.Link{ID: AnalystLinkID(j.ID), From: j.Targets[0], To: j.Targets[1], Relation: j.Relation,
		Origin: "analyst", Author: j.Author, Reason: j.Reason, Score: 1, CreatedAt: j.CreatedAt}, true
}

var linkRelations = map[string]bool{
	graph.RelCorroborates: true, graph.RelDisputes: true, graph.RelRevises: true, graph.RelRepeats: true,
}

var gradeNames = map[string]bool{
	graph.GradeConfirmed: true, graph.GradeFair: true, graph.GradeWeak: true, graph.GradeContested: true, graph.GradeDiscounted: true,
}

// CheckJudgement says whether a judgement is well formed: an id, a known
// kind with the targets, relation, grade or value it needs.
func CheckJudgement(j graph.Judgement) error {
	if j.ID == uuid.Nil {
		return graph.Errorf(graph.EINVALID, "a judgement needs an id")
	}
	least := map[string]int{graph.JudgeLink: 2, graph.JudgeMerge: 2, graph.JudgeSplit: 1, graph.JudgeGrade: 1,
		graph.JudgeDeprecate: 1, graph.JudgeReliability: 1, graph.JudgeCredibility: 1}
	n, ok := least[j.Kind]
	if !ok {
		return graph.Errorf(graph.EINVALID, "unknown judgement kind %q", j.Kind)
	}
	if len(j.Targets) < n {
		return graph.Errorf(graph.EINVALID, "a %s judgement needs at least %d target(s)", j.Kind, n)
	}
	for _, t := range j.Targets {
		if t == uuid.Nil {
			return graph.Errorf(graph.EINVALID, "a judgement's targets must be ids")
		}
	}
	switch j.Kind {
	case graph.JudgeLink:
		if len(j.Targets) != 2 || j.Targets[0] == j.Targets[1] || !linkRelations[j.Relation] {
			return graph.Errorf(graph.EINVALID, "a link judgement takes two claims and a relation: corroborates, disputes, revises or repeats")
		}
	case graph.JudgeGrade:
		if len(j.Targets) < 1 || !gradeNames[j.Grade] {
			return graph.Errorf(graph.EINVALID, "a grade judgement takes an event and a grade: confirmed, fair, weak, contested or discounted")
		}
	case graph.JudgeReliability:
		if len(j.Value) != 1 || j.Value[0] < 'A' || j.Value[0] > 'F' {
			return graph.Errorf(graph.EINVALID, "reliability is a letter from A to F, not %q", j.Value)
		}
	case graph.JudgeCredibility:
		if len(j.Value) != 1 || j.Value[0] < '1' || j.Value[0] > '6' {
			return graph.Errorf(graph.EINVALID, "credibility is a digit from 1 to 6, not %q", j.Value)
		}
	}
	return nil
}

// Judge records an analyst's judgement and works out its effects, in one
// batch labelled "judgement:<id>" for the store to commit atomically:
//
//   - merge (accounts, or events meaning all their accounts): the accounts
//     become one event whatever matching says; the events around them are
//     resolved again (reassignments, emptied events deleted, new event
//     records with the merge evidence marked "analyst"), and the stance
//     links of the affected accounts recomputed. Event targets are
//     expanded into their accounts in the recorded judgement (the event
//     ids stay), so the merge holds when the events' ids change.
//   - split (accounts): one account is taken out of its event and kept
//     apart from every account it is not merged with; several are kept
//     apart from each other. Re-ingestion and Rebuild honour it.
//   - grade (an event): the event's grade becomes the analyst's, with
//     origin "analyst" and the reason. The event's accounts are added to
//     the targets, so the grade follows them when the event's id changes.
//   - deprecate (claims): the claims' records are marked Deprecated (kept,
//     no longer counted): conflicts, links and grades of their events are
//     computed again without them, and links that no longer hold deleted.
//   - credibility (claims, Value "1".."6") and reliability (entities, Value
//     "A".."F"): the claims' and entities' records carry the grade, and
//     the grades of the events they touch are computed again (an
//     improbable claim or an unreliable source does not count as credible).
//   - link (two claims, Relation): an analyst link from the first claim to
//     the second, with origin "analyst", the author and the reason.
//
// A judgement acting on an unknown target is ENOTFOUND; a malformed one,
// or one already revoked, is EINVALID. Nothing is deleted: Revoke undoes
// a judgement.
func (e *Engine) Judge(ctx context.Context, j graph.Judgement) (*graph.Batch, error) {
	if err := CheckJudgement(j); err != nil {
		return nil, err
	}
	if j.RevokedAt != nil {
		return nil, graph.Errorf(graph.EINVALID, "judgement %s is revoked: record a new one", j.ID)
	}
	j.Targets = uniqueIDs(j.Targets)
	b, err := e.effects(ctx, j, true)
	if err != nil {
		return nil, fmt.Errorf("judge %s %s: %w", j.Kind, j.ID, err)
	}
	return b, nil
}

// Revoke undoes a judgement: the batch records it with RevokedAt and
// RevokedBy set, and undoes its effects (events resolved, records and
// links computed again as if it had never been made, other judgements
// still standing). j is the judgement as stored. Revoking a revoked
// judgement is ECONFLICT.
func (e *Engine) Revoke(ctx context.Context, j graph.Judgement, by string, at time.Time) (*graph.Batch, error) {
	if j.RevokedAt != nil {
		return nil, graph.Errorf(graph.ECONFLICT, "judgement %s was revoked already", j.ID)
	}
	if err := CheckJudgement(j); err != nil {
		return nil, err
	}
	at = at.UTC()
	j.RevokedAt, j.RevokedBy = &at, by
	b, err := e.effects(ctx, j, false)
	if err != nil {
		return nil, fmt.Errorf("revoke %s %s: %w", j.Kind, j.ID, err)
	}
	return b, nil
}

// effects builds the batch of a judgement being made (making) or revoked.
func (e *Engine) effects(ctx context.Context, j graph.Judgement, making bool) (*graph.Batch, error) {
	b := &graph.Batch{Label: "judgement:" + j.ID.String()}
	w := e.world.With()
	switch j.Kind {
	case graph.JudgeLink:
		cs, err := e.store.Claims(ctx, j.Targets)
		if err != nil {
			return nil, fmt.Errorf("load claims: %w", err)
		}
		if making {
			if err := allFound(j.Targets, claimIDs(cs), "claim"); err != nil {
				return nil, err
			}
		}
		l, _ := analystLink(j)
		if making {
			b.Links = append(b.Links, l)
		} else {
			b.DeleteLinks = append(b.DeleteLinks, l.ID)
		}

	case graph.JudgeMerge, graph.JudgeSplit, graph.JudgeGrade:
		seeds, targets, err := e.accountsOf(ctx, j, making)
		if err != nil {
			return nil, err
		}
		j.Targets = targets
		nb, _, err := e.load(ctx, seeds, false, w)
		if err != nil {
			return nil, err
		}
		if j.Kind == graph.JudgeGrade {
			for _, t := range j.Targets {
				nb.gradeJudge[t] = withJudgement(nb.gradeJudge[t], j)
			}
		} else {
			nb.judgements = withJudgement(nb.judgements, j)
		}
		e.replan(b, nb, change{}, w)

	case graph.JudgeDeprecate, graph.JudgeCredibility:
		cs, err := e.store.Claims(ctx, j.Targets)
		if err != nil {
			return nil, fmt.Errorf("load claims: %w", err)
		}
		if err := allFound(j.Targets, claimIDs(cs), "claim"); err != nil {
			return nil, err
		}
		updated := map[uuid.UUID]graph.Claim{}
		var seeds []graph.Account
		docs := map[uuid.UUID][]graph.Account{}
		for _, c := range cs {
			js, err := e.store.JudgementsFor(ctx, c.ID)
			if err != nil {
				return nil, fmt.Errorf("load judgements of claim %s: %w", c.ID, err)
			}
			js = withJudgement(js, j)
			c.Deprecated = latestActive(js, graph.JudgeDeprecate) != nil
			c.Credibility = 0
			if cj := latestActive(js, graph.JudgeCredibility); cj != nil {
				c.Credibility, _ = strconv.Atoi(cj.Value)
			}
			updated[c.ID] = c
			b.Claims = append(b.Claims, c)
			accs, ok := docs[c.DocumentID]
			if !ok {
				if accs, err = e.store.DocumentAccounts(ctx, c.DocumentID); err != nil {
					return nil, fmt.Errorf("load accounts of claim %s: %w", c.ID, err)
				}
				docs[c.DocumentID] = accs
			}
			for _, a := range accs {
				for _, id := range a.Claims {
					if id == c.ID {
						seeds = append(seeds, a)
						break
					}
				}
			}
		}
		seeds = uniqueAccounts(seeds)
		nb, _, err := e.load(ctx, seeds, false, w)
		if err != nil {
			return nil, err
		}
		after := make(map[uuid.UUID]graph.Claim, len(nb.claims))
		for id, c := range nb.claims {
			after[id] = c
		}
		for id, c := range updated {
			after[id] = c
		}
		e.replan(b, nb, change{claims: after, reuse: seeds, reuseStored: true}, w)

	case graph.JudgeReliability:
		ents, err := e.store.Entities(ctx, j.Targets)
		if err != nil {
			return nil, fmt.Errorf("load entities: %w", err)
		}
		have := map[uuid.UUID]graph.Entity{}
		for _, en := range ents {
			have[en.ID] = en
		}
		var seeds []graph.Account
		for _, t := range j.Targets {
			en, ok := have[t]
			if !ok {
				if en, ok = w.Entity(t); !ok || en.ID == uuid.Nil {
					return nil, graph.Errorf(graph.ENOTFOUND, "entity %s not found", t)
				}
			}
			js, err := e.store.JudgementsFor(ctx, t)
			if err != nil {
				return nil, fmt.Errorf("load judgements of entity %s: %w", t, err)
			}
			en.Reliability = ""
			if rj := latestActive(withJudgement(js, j), graph.JudgeReliability); rj != nil {
				en.Reliability = rj.Value
			}
			b.Entities = append(b.Entities, en)
			accs, err := e.spokenBy(ctx, t)
			if err != nil {
				return nil, err
			}
			seeds = append(seeds, accs...)
		}
		seeds = uniqueAccounts(seeds)
		nb, _, err := e.load(ctx, seeds, false, w)
		if err != nil {
			return nil, err
		}
		// The stored grades of other speakers stay; the new ones win.
		w.Add(b.Entities...)
		e.replan(b, nb, change{}, w)
	}
	// An event the batch deletes cannot stay a new target; its accounts,
	// which the targets hold, carry the judgement on.
	if making && len(b.DeleteEvents) > 0 {
		gone := map[uuid.UUID]bool{}
		for _, id := range b.DeleteEvents {
			gone[id] = true
		}
		kept := j.Targets[:0:0]
		for _, t := range j.Targets {
			if !gone[t] {
				kept = append(kept, t)
			}
		}
		j.Targets = kept
	}
	b.Judgements = []graph.Judgement{j}
	return b, nil
}

// accountsOf returns the accounts a merge, split or grade judgement acts
// on, with the accounts of their events, and the judgement's targets with
// events expanded into their accounts (merge, grade). When the judgement
// is being revoked, targets no longer stored are skipped.
func (e *Engine) accountsOf(ctx context.Context, j graph.Judgement, making bool) ([]graph.Account, []uuid.UUID, error) {
	accs, err := e.store.Accounts(ctx, j.Targets)
	if err != nil {
		return nil, nil, fmt.Errorf("load accounts: %w", err)
	}
	isAccount := map[uuid.UUID]bool{}
	for _, a := range accs {
		isAccount[a.ID] = true
	}
	targets := append([]uuid.UUID(nil), j.Targets...)
	events := map[uuid.UUID]bool{}
	for _, t := range j.Targets {
		if isAccount[t] {
			if j.Kind == graph.JudgeGrade && making {
				return nil, nil, graph.Errorf(graph.EINVALID, "a grade judgement acts on an event; %s is an account", t)
			}
			continue
		}
		members, err := e.store.EventAccounts(ctx, t)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			if making {
				return nil, nil, graph.Errorf(graph.ENOTFOUND, "%s is neither a stored account nor a stored event", t)
			}
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("load event %s: %w", t, err)
		}
		if j.Kind == graph.JudgeSplit && making {
			return nil, nil, graph.Errorf(graph.EINVALID, "a split acts on the accounts to take out of their event; %s is an event", t)
		}
		events[t] = true
		for _, a := range members {
			accs = append(accs, a)
			if making {
				targets = append(targets, a.ID)
			}
		}
	}
	// The events the accounts belong to, whole.
	for _, a := range accs {
		if a.EventID != nil && !events[*a.EventID] {
			events[*a.EventID] = true
			members, err := e.store.EventAccounts(ctx, *a.EventID)
			if err != nil {
				return nil, nil, fmt.Errorf("load event %s: %w", *a.EventID, err)
			}
			accs = append(accs, members...)
		}
	}
	return uniqueAccounts(accs), uniqueIDs(targets), nil
}

// spokenBy returns the stored accounts whose speaker is the entity.
func (e *Engine) spokenBy(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	docs := map[uuid.UUID]bool{}
	var order []uuid.UUID
	p := graph.Page{Limit: graph.MaxLimit}
	for {
		cs, next, err := e.store.EntityClaims(ctx, id, p)
		if err != nil {
			return nil, fmt.Errorf("claims of entity %s: %w", id, err)
		}
		for _, c := range cs {
			if c.Speaker.ID == id && !docs[c.DocumentID] {
				docs[c.DocumentID] = true
				order = append(order, c.DocumentID)
			}
		}
		if next == "" {
			break
		}
		p.Cursor = next
	}
	var out []graph.Account
	for _, d := range order {
		accs, err := e.store.DocumentAccounts(ctx, d)
		if err != nil {
			return nil, fmt.Errorf("accounts of document %s: %w", d, err)
		}
		for _, a := range accs {
			if a.Speaker.ID == id {
				out = append(out, a)
			}
		}
	}
	return out, nil
}

// latestActive returns the latest judgement of the kind not revoked.
func latestActive(js []graph.Judgement, kind string) *graph.Judgement {
	var out *graph.Judgement
	for i := range js {
		j := &js[i]
		if j.Kind != kind || j.RevokedAt != nil {
			continue
		}
		if out == nil || j.CreatedAt.After(out.CreatedAt) || j.CreatedAt.Equal(out.CreatedAt) && j.ID.String() > out.ID.String() {
			out = j
		}
	}
	return out
}

func uniqueAccounts(accs []graph.Account) []graph.Account {
	seen := map[uuid.UUID]bool{}
	var out []graph.Account
	for _, a := range accs {
		if !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID.String() < out[j].ID.String() })
	return out
}

func claimIDs(cs []graph.Claim) []uuid.UUID {
	out := make([]uuid.UUID, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

// allFound returns ENOTFOUND naming the first wanted id not in have.
func allFound(want, have []uuid.UUID, what string) error {
	got := map[uuid.UUID]bool{}
	for _, id := range have {
		got[id] = true
	}
	for _, id := range want {
		if !got[id] {
			return graph.Errorf(graph.ENOTFOUND, "%s %s not found", what, id)
		}
	}
	return nil
}
