package graph

import (
	"time"

	"github.com/google/uuid"
)

// Event gathers the accounts, across documents, that describe one happening.
type Event struct {
	ID       uuid.UUID   `json:"id"`
	Type     EventType   `json:"type"`
	Title    string      `json:"title"` // generated: "airstrike, Qusur (Dayr al-Zawr), 2017-10-23"
	Date     *Date       `json:"date,omitempty"`
	Place    *EntityRef  `json:"place,omitempty"`
	Accounts []uuid.UUID `json:"accounts"`
	// Documents is the number of distinct documents that give an account.
	Documents int    `json:"documents"`
	Grade     *Grade `json:"grade,omitempty"`
	// Evidence explains why the accounts were merged.
	Evidence []MergeEvidence `json:"evidence,omitempty"`
	// Contested says how contested the event is, so that lists can sort
	// by it without recomputing conflicts: the number of incompatible
	// value groups summed over the attributes in conflict (0 when no
	// attribute conflicts). ContestedAttributes names those attributes.
	// Cross-referencing sets both whenever it writes the record.
	Contested           int      `json:"contested,omitempty"`
	ContestedAttributes []string `json:"contested_attributes,omitempty"`
}

// MergeEvidence says why two accounts were judged to describe one event.
type MergeEvidence struct {
	A       uuid.UUID `json:"a"`
	B       uuid.UUID `json:"b"`
	Score   float64   `json:"score"`
	Reasons []string  `json:"reasons"`
	Origin  string    `json:"origin"` // "computed" or "analyst"
}

// Grades on the Airwars scale.
const (
	GradeConfirmed  = "confirmed"
	GradeFair       = "fair"
	GradeWeak       = "weak"
	GradeContested  = "contested"
	GradeDiscounted = "discounted"
)

// Grade is an assessment of an event or an allegation, with its reasons.
type Grade struct {
	Grade   string   `json:"grade"`
	Reasons []string `json:"reasons"`
	Origin  string   `json:"origin"` // "computed" or "analyst"
}

// Relations between claims.
const (
	RelCorroborates = "corroborates"
	RelDisputes     = "disputes"
	RelRevises      = "revises"
	RelRepeats      = "repeats"
	RelMentions     = "mentions"
)

// Link relates two claims: From corroborates, disputes, revises or repeats To.
type Link struct {
	ID        uuid.UUID `json:"id"`
	From      uuid.UUID `json:"from"`
	To        uuid.UUID `json:"to"`
	Relation  string    `json:"relation"`
	Origin    string    `json:"origin"` // "computed" or "analyst"
	Author    string    `json:"author"` // "xref" or the analyst's token name
	Reason    string    `json:"reason"`
	Score     float64   `json:"score,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	// Attribute is the attribute a computed link compares, if any.
	Attribute string `json:"attribute,omitempty"`
}

// Judgement kinds an analyst can record.
const (
	JudgeLink        = "link"        // link two claims
	JudgeMerge       = "merge"       // confirm that accounts describe one event
	JudgeSplit       = "split"       // split accounts out of an event
	JudgeGrade       = "grade"       // set an event's grade
	JudgeDeprecate   = "deprecate"   // deprecate a claim: kept, not counted
	JudgeReliability = "reliability" // set a source's Admiralty reliability
	JudgeCredibility = "credibility" // set a claim's credibility
)

// Judgement is an analyst's action, stored with who, when and why, and
// reversible: undoing it records a revocation, it deletes nothing.
type Judgement struct {
	ID        uuid.UUID   `json:"id"`
	Kind      string      `json:"kind"`
	Targets   []uuid.UUID `json:"targets"` // claims, accounts, events or entities it acts on
	Relation  string      `json:"relation,omitempty"`
	Grade     string      `json:"grade,omitempty"`
	Value     string      `json:"value,omitempty"` // reliability letter, credibility digit
	Author    string      `json:"author"`
	Reason    string      `json:"reason"`
	CreatedAt time.Time   `json:"created_at"`
	RevokedAt *time.Time  `json:"revoked_at,omitempty"`
	RevokedBy string      `json:"revoked_by,omitempty"`
}

// Conflict lists, for one attribute of an event, every value the accounts
// give, grouped into mutually compatible sets.
type Conflict struct {
	Attribute string          `json:"attribute"`
	Values    []ConflictValue `json:"values"`
	// Groups partitions Values (by index) into compatible sets; more than
	// one group is a conflict.
	Groups [][]int `json:"groups"`
}

// ConflictValue is one value of an attribute and who gives it.
type ConflictValue struct {
	Value    any         `json:"value"` // number, entity name or date
	Bound    Bound       `json:"bound,omitempty"`
	Text     string      `json:"text"`
	Claims   []uuid.UUID `json:"claims"`
	Accounts []uuid.UUID `json:"accounts"`
	Sources  []EntityRef `json:"sources"`
	// RevisedBy is set when the same source later gave another value: the
	// value is superseded, not in conflict.
	RevisedBy *uuid.UUID `json:"revised_by,omitempty"`
	Polarity  Polarity   `json:"polarity,omitempty"`
}

// Batch is one atomic write: everything in it lands or nothing does. A
// document's ingestion is one batch (its extraction plus the
// cross-referencing it causes); an analyst's judgement is another.
type Batch struct {
	// Extraction is a new document with its claims, entities and accounts;
	// nil for batches that only change cross-references.
	Extraction *Extraction
	// Entities to write that no extraction carries (new aliases, judgements).
	Entities []Entity
	// Assign sets the event of each account (replacing any previous one).
	Assign map[uuid.UUID]uuid.UUID
	// Events are event records to write or replace; DeleteEvents removes
	// events that a merge emptied.
	Events       []Event
	DeleteEvents []uuid.UUID
	// Links are links between claims to add; DeleteLinks removes computed
	// links that no longer hold.
	Links       []Link
	DeleteLinks []uuid.UUID
	// Judgements are analyst actions to record (or, with RevokedAt set, to
	// record as revoked).
	Judgements []Judgement
	// Claims replaces the records of stored claims (an analyst's
	// deprecation or credibility grade): the record only, under the
	// batch's label; the claim's edges stay as ingestion wrote them.
	Claims []Claim
	// Label names what produced the batch, for provenance: "document:<id>",
	// "judgement:<id>", "xref".
	Label string
}
