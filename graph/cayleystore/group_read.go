package cayleystore

import (
	"context"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// The read methods of a Group: those of Store, over the group's view.

// HasDocument is Store.HasDocument over the group.
func (g *Group) HasDocument(ctx context.Context, id uuid.UUID) (bool, error) {
	defer g.rlock()()
	return g.rd().hasDocument(ctx, id)
}

// Document is Store.Document over the group.
func (g *Group) Document(ctx context.Context, id uuid.UUID) (*graph.Document, error) {
	defer g.rlock()()
	return g.rd().document(ctx, id)
}

// Documents is Store.Documents over the group.
func (g *Group) Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error) {
	defer g.rlock()()
	return g.rd().documents(ctx, p)
}

// DocumentClaims is Store.DocumentClaims over the group.
func (g *Group) DocumentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	defer g.rlock()()
	return g.rd().documentClaims(ctx, id, p)
}

// DocumentAccounts is Store.DocumentAccounts over the group.
func (g *Group) DocumentAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	defer g.rlock()()
	return g.rd().documentAccounts(ctx, id)
}

// Claim is Store.Claim over the group.
func (g *Group) Claim(ctx context.Context, id uuid.UUID) (*graph.Claim, error) {
	defer g.rlock()()
	return g.rd().claim(ctx, id)
}

// Claims is Store.Claims over the group.
func (g *Group) Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error) {
	defer g.rlock()()
	return g.rd().claims(ctx, ids)
}

// Entity is Store.Entity over the group.
func (g *Group) Entity(ctx context.Context, id uuid.UUID) (*graph.Entity, error) {
	defer g.rlock()()
	return g.rd().entity(ctx, id)
}

// Entities is Store.Entities over the group.
func (g *Group) Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error) {
	defer g.rlock()()
	return g.rd().entities(ctx, ids)
}

// EntitiesByKey is Store.EntitiesByKey over the group.
func (g *Group) EntitiesByKey(ctx context.Context, keys []string) ([]graph.Entity, error) {
	defer g.rlock()()
	return g.rd().entitiesByKey(ctx, keys)
}

// EntityList is Store.EntityList over the group.
func (g *Group) EntityList(ctx context.Context, p graph.Page) ([]graph.Entity, string, error) {
	defer g.rlock()()
	return g.rd().entityList(ctx, p)
}

// EntityClaims is Store.EntityClaims over the group.
func (g *Group) EntityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	defer g.rlock()()
	return g.rd().entityClaims(ctx, id, p)
}

// PlacesWithin is Store.PlacesWithin over the group.
func (g *Group) PlacesWithin(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error) {
	defer g.rlock()()
	return g.rd().placesWithin(ctx, id)
}

// Account is Store.Account over the group.
func (g *Group) Account(ctx context.Context, id uuid.UUID) (*graph.Account, error) {
	defer g.rlock()()
	return g.rd().account(ctx, id)
}

// Accounts is Store.Accounts over the group.
func (g *Group) Accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	defer g.rlock()()
	return g.rd().accountsByID(ctx, ids)
}

// AccountsByKey is Store.AccountsByKey over the group.
func (g *Group) AccountsByKey(ctx context.Context, keys []string) ([]graph.Account, error) {
	defer g.rlock()()
	return g.rd().accountsByKey(ctx, keys)
}

// AccountsByEntity is Store.AccountsByEntity over the group.
func (g *Group) AccountsByEntity(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	defer g.rlock()()
	return g.rd().accountsByEntity(ctx, ids)
}

// Event is Store.Event over the group.
func (g *Group) Event(ctx context.Context, id uuid.UUID) (*graph.Event, error) {
	defer g.rlock()()
	return g.rd().event(ctx, id)
}

// Events is Store.Events over the group.
func (g *Group) Events(ctx context.Context, p graph.Page) ([]graph.Event, string, error) {
	defer g.rlock()()
	return g.rd().events(ctx, p)
}

// EventAccounts is Store.EventAccounts over the group.
func (g *Group) EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	defer g.rlock()()
	return g.rd().eventAccounts(ctx, id)
}

// ClaimLinks is Store.ClaimLinks over the group.
func (g *Group) ClaimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error) {
	defer g.rlock()()
	return g.rd().claimLinks(ctx, claim)
}

// ClaimLinksMany is Store.ClaimLinksMany over the group.
func (g *Group) ClaimLinksMany(ctx context.Context, claims []uuid.UUID) (map[uuid.UUID][]graph.Link, error) {
	defer g.rlock()()
	return g.rd().claimLinksMany(ctx, claims)
}

// Judgement is Store.Judgement over the group.
func (g *Group) Judgement(ctx context.Context, id uuid.UUID) (*graph.Judgement, error) {
	defer g.rlock()()
	return g.rd().judgement(ctx, id)
}

// Judgements is Store.Judgements over the group.
func (g *Group) Judgements(ctx context.Context, p graph.Page) ([]graph.Judgement, string, error) {
	defer g.rlock()()
	return g.rd().judgements(ctx, p)
}

// JudgementsFor is Store.JudgementsFor over the group.
func (g *Group) JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error) {
	defer g.rlock()()
	return g.rd().judgementsFor(ctx, target)
}

// DocumentRecords is Store.DocumentRecords over the group.
func (g *Group) DocumentRecords(ctx context.Context, ids []uuid.UUID) ([]graph.Document, error) {
	defer g.rlock()()
	return g.rd().documentRecords(ctx, ids)
}
