package graph

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// Span locates text in a document: code-point offsets into the document's
// normalised text, half open [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in code points.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// StringList is a list of strings that also decodes from a single JSON string
// (callers write "addressed_to": "X" as often as ["X", "Y"]).
type StringList []string

// UnmarshalJSON accepts a string, an array of strings or null.
func (l *StringList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		if one == "" {
			*l = nil
		} else {
			*l = StringList{one}
		}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return Errorf(EINVALID, "expected a string or an array of strings")
	}
	*l = many
	return nil
}

// DocumentInput is a document as a caller gives it on ingest: the text and
// whatever metadata the caller knows. Metadata the caller gives wins over
// what extraction reads from the text; the clash is recorded.
type DocumentInput struct {
	Text        string     `json:"text"`
	Title       string     `json:"title,omitempty"`
	Symbol      string     `json:"symbol,omitempty"`
	Kind        string     `json:"kind,omitempty"`
	Author      string     `json:"author,omitempty"`
	OnBehalfOf  string     `json:"on_behalf_of,omitempty"`
	AddressedTo StringList `json:"addressed_to,omitempty"`
	Date        string     `json:"date,omitempty"` // YYYY-MM-DD
	Language    string     `json:"language,omitempty"`
	SourceURL   string     `json:"source_url,omitempty"`
	File        string     `json:"file,omitempty"` // base name of the file it came from, if any
}

// Document is one letter, report, statement or briefing as ingested.
type Document struct {
	ID               uuid.UUID  `json:"id"`
	Title            string     `json:"title,omitempty"`
	Symbol           string     `json:"symbol,omitempty"`
	Kind             string     `json:"kind,omitempty"`
	Author           string     `json:"author,omitempty"`
	OnBehalfOf       string     `json:"on_behalf_of,omitempty"`
	AddressedTo      []string   `json:"addressed_to,omitempty"`
	Date             string     `json:"date,omitempty"` // YYYY-MM-DD, the document's own date
	Language         string     `json:"language,omitempty"`
	SourceURL        string     `json:"source_url,omitempty"`
	File             string     `json:"file,omitempty"`
	Dateline         string     `json:"dateline,omitempty"` // place of the dateline ("Beirut"), if any
	Hash             string     `json:"hash"`               // sha256 of the normalised text, hex
	Length           int        `json:"length"`             // code points of the normalised text
	IngestedAt       time.Time  `json:"ingested_at"`
	AuthorEntity     *EntityRef `json:"author_entity,omitempty"`       // the entity that authored it, if known
	OnBehalfOfEntity *EntityRef `json:"on_behalf_of_entity,omitempty"` // the entity it speaks for, if known
	// Clashes records metadata where the caller and the text disagree; the
	// caller's value is kept in the field above.
	Clashes []MetadataClash `json:"clashes,omitempty"`
	Text    string          `json:"text,omitempty"` // the normalised text; omitted in lists
}

// MetadataClash is one field where the caller's metadata and the text differ.
type MetadataClash struct {
	Field  string `json:"field"`
	Caller string `json:"caller"`
	Text   string `json:"text"`
	Span   Span   `json:"span"`
}

// EntityKind says what an entity is.
type EntityKind string

const (
	KindPlace        EntityKind = "place"
	KindState        EntityKind = "state"
	KindGovernment   EntityKind = "government"
	KindArmy         EntityKind = "army" // armed forces of a state
	KindArmedGroup   EntityKind = "armed_group"
	KindCoalition    EntityKind = "coalition"
	KindOrg          EntityKind = "organisation"
	KindIntlBody     EntityKind = "international_body"
	KindOutlet       EntityKind = "outlet"  // media: agencies, broadcasters, networks
	KindMonitor      EntityKind = "monitor" // casualty and rights monitors
	KindPerson       EntityKind = "person"
	KindAnonymous    EntityKind = "anonymous_source" // "a government source"
	KindUnknown      EntityKind = "unknown"          // "unidentified aircraft": an explicit unknown
	KindUnclassified EntityKind = "unclassified"     // a proper name extraction could not type
)

// Entity is anything a document names: a place, a state, a group, a person.
type Entity struct {
	ID        uuid.UUID  `json:"id"`
	Name      string     `json:"name"` // canonical name
	Kind      EntityKind `json:"kind"`
	Aliases   []string   `json:"aliases,omitempty"`
	PlaceType string     `json:"place_type,omitempty"` // neighbourhood, city, district, governorate, country, region
	Within    *uuid.UUID `json:"within,omitempty"`     // enclosing place
	Lat       *float64   `json:"lat,omitempty"`
	Lon       *float64   `json:"lon,omitempty"`
	// Affiliation is the entity this one speaks for or belongs to (state
	// television -> the Syrian government; a spokesman -> his coalition).
	// Sources with the same root affiliation are not independent.
	Affiliation *uuid.UUID `json:"affiliation,omitempty"`
	Description string     `json:"description,omitempty"`
	// Gazetteer is true for entities shipped in the gazetteer, false for
	// entities created from a name found in a document.
	Gazetteer bool `json:"gazetteer"`
	// Reliability is an analyst's Admiralty source grade (A-F); "" is unknown.
	Reliability string `json:"reliability,omitempty"`
	// Scope is set for entities that exist only within one document, such as
	// an anonymous source: the document's id.
	Scope *uuid.UUID `json:"scope,omitempty"`
	// Keys are the match keys the entity is found under (the fold key and
	// transliteration skeleton of its name and of each alias), computed by
	// the gazetteer; the store indexes them for lookup by key.
	Keys []string `json:"keys,omitempty"`
}

// Ref returns a short reference to e.
func (e *Entity) Ref() EntityRef { return EntityRef{ID: e.ID, Name: e.Name, Kind: e.Kind} }

// EntityRef is a short reference to an entity, as embedded in other records.
type EntityRef struct {
	ID   uuid.UUID  `json:"id"`
	Name string     `json:"name"`
	Kind EntityKind `json:"kind,omitempty"`
}

// Mention is one place where a document names an entity.
type Mention struct {
	Entity EntityRef `json:"entity"`
	Text   string    `json:"text"` // as written
	Span   Span      `json:"span"`
}

// Bound says how a figure relates to the true number.
type Bound string

const (
	BoundExact       Bound = "exact"
	BoundAtLeast     Bound = "at_least"
	BoundMoreThan    Bound = "more_than"
	BoundAtMost      Bound = "at_most"
	BoundLessThan    Bound = "less_than"
	BoundAbout       Bound = "about"
	BoundUnspecified Bound = "unspecified" // "thousands", "dozens", "many"
)

// Value is one figure a claim asserts, as written, with its bound.
type Value struct {
	Attribute string   `json:"attribute"`      // killed, injured, evacuated, fighters, displaced, destroyed, population, ...
	Value     *float64 `json:"value"`          // the number, nil where the text gives none ("thousands")
	Bound     Bound    `json:"bound"`          // exact, at_least, more_than, at_most, less_than, about, unspecified
	Min       *float64 `json:"min,omitempty"`  // for unspecified magnitudes: the least the words allow ("thousands" -> 2000)
	Max       *float64 `json:"max,omitempty"`  // and the most, nil for no upper limit
	Unit      string   `json:"unit,omitempty"` // people, percent, munitions, ...
	Who       string   `json:"who,omitempty"`  // civilians, children, women, fighters, people
	Text      string   `json:"text"`           // the figure as written ("fourteen", "over 40", "thousands")
	Span      Span     `json:"span"`           // the figure's span (number and bound words)
}

// Polarity says whether a claim asserts or denies.
type Polarity string

const (
	Affirmed Polarity = "positive"
	Denied   Polarity = "negative"
)

// ClaimKind separates factual assertions from everything else a document says.
type ClaimKind string

const (
	ClaimFact             ClaimKind = "assertion"        // a factual claim about the world
	ClaimCharacterisation ClaimKind = "characterisation" // opinion and rhetoric: "barbarous crimes"
	ClaimRequest          ClaimKind = "request"          // "I should be grateful if ...", calls to act
	ClaimMetadata         ClaimKind = "metadata"         // headings, datelines, symbol lines
)

// DatePrecision says how precisely a date is known.
type DatePrecision string

const (
	PrecisionDay   DatePrecision = "day"
	PrecisionMonth DatePrecision = "month"
	PrecisionYear  DatePrecision = "year"
	PrecisionRange DatePrecision = "range"
)

// Date is a date as a document gives it: a closed range of days with its
// precision. A day has From == To.
type Date struct {
	From      string        `json:"from"` // YYYY-MM-DD
	To        string        `json:"to"`   // YYYY-MM-DD
	Precision DatePrecision `json:"precision"`
	Text      string        `json:"text,omitempty"` // as written: "late on Monday"
	// Span is where Text stands; none (omitted) on an event's date, which
	// gathers its accounts' dates and stands nowhere in one text.
	Span Span `json:"span,omitzero"`
	// Relative is true when the date was resolved against the document's date.
	Relative bool `json:"relative,omitempty"`
}

// Claim is one assertion in a document.
type Claim struct {
	ID         uuid.UUID `json:"id"`
	DocumentID uuid.UUID `json:"document_id"`
	Text       string    `json:"text"`
	Span       Span      `json:"span"`
	// Speaker is the source that asserts the claim: the quoted party in
	// reported speech, the document's author otherwise.
	Speaker     EntityRef `json:"speaker"`
	SpeakerText string    `json:"speaker_text,omitempty"` // how the text names the speaker
	SpeakerSpan *Span     `json:"speaker_span,omitempty"`
	// Reported is true when the document reports someone else's words
	// ("X said", "according to X"): the speaker is not the carrier.
	Reported bool      `json:"reported"`
	Polarity Polarity  `json:"polarity"`
	Kind     ClaimKind `json:"kind"`
	// Hedge records uncertainty the text expresses ("believed to be").
	Hedge    string    `json:"hedge,omitempty"`
	Values   []Value   `json:"values,omitempty"`
	Dates    []Date    `json:"dates,omitempty"`
	Mentions []Mention `json:"mentions,omitempty"`
	// Accounts are the event accounts this claim contributes to.
	Accounts []uuid.UUID `json:"accounts,omitempty"`
	// Deprecated is set by an analyst's judgement: the claim is kept, but
	// not counted.
	Deprecated bool `json:"deprecated,omitempty"`
	// Credibility is an analyst's information credibility (1-6); 0 is unknown.
	Credibility int `json:"credibility,omitempty"`
}

// EventType names a kind of event.
type EventType string

const (
	EventAirstrike       EventType = "airstrike"
	EventShelling        EventType = "shelling"
	EventMassacre        EventType = "massacre"
	EventBombingCampaign EventType = "bombing_campaign"
	EventEvacuation      EventType = "evacuation"
	EventSiege           EventType = "siege"
	EventCapture         EventType = "capture"
	EventProhibitedArms  EventType = "prohibited_weapon"
	EventAttack          EventType = "attack"
	EventExplosion       EventType = "explosion"
	EventDestruction     EventType = "destruction"
)

// Attribution is a perpetrator (or other responsible party) as a claim
// asserts it.
type Attribution struct {
	Entity   EntityRef `json:"entity"`
	Polarity Polarity  `json:"polarity"`        // negative: "the Coalition has not struck"
	Hedge    string    `json:"hedge,omitempty"` // "believed", "may have", ...
	Text     string    `json:"text"`
	Span     Span      `json:"span"`
}

// PlaceRef is a place as a claim names it.
type PlaceRef struct {
	Entity EntityRef `json:"entity"`
	Text   string    `json:"text"`
	Span   Span      `json:"span"`
}

// Account is what one speaker in one document says about one event.
type Account struct {
	ID         uuid.UUID   `json:"id"`
	DocumentID uuid.UUID   `json:"document_id"`
	Claims     []uuid.UUID `json:"claims"`
	Speaker    EntityRef   `json:"speaker"`
	// Published is the date of the carrying document (YYYY-MM-DD), or "".
	Published string `json:"published,omitempty"`
	// NotBefore is set by cross-referencing when the document is undated:
	// the latest date the document itself mentions (YYYY-MM-DD), so the
	// document was written no earlier. "" otherwise.
	NotBefore   string       `json:"not_before,omitempty"`
	Type        EventType    `json:"type"`
	TypeText    string       `json:"type_text,omitempty"`
	TypeSpan    *Span        `json:"type_span,omitempty"`
	Date        *Date        `json:"date,omitempty"`
	Place       *PlaceRef    `json:"place,omitempty"`
	Perpetrator *Attribution `json:"perpetrator,omitempty"`
	// CoPerpetrators are further parties the account names as carrying out
	// (or, negative, as not carrying out) the event: "Syrian regime and
	// Russian warplanes carried out ...". Perpetrator is the first named.
	CoPerpetrators []Attribution `json:"co_perpetrators,omitempty"`
	Target         string        `json:"target,omitempty"`
	Values         []Value       `json:"values,omitempty"`
	// Polarity is negative when the account denies the event, or denies
	// the attribution it names ("reports that the Coalition conducted air
	// strikes ... are false").
	Polarity Polarity `json:"polarity"`
	// EventID is the event this account is resolved to; set by
	// cross-referencing, not by extraction.
	EventID *uuid.UUID `json:"event_id,omitempty"`
	// Keys are blocking keys computed by cross-referencing: accounts that
	// may describe the same event share at least one key.
	Keys []string `json:"keys,omitempty"`

	// ContextPlace is set by cross-referencing for an account that names
	// no usable place, in a document none of whose accounts names one: the
	// most specific place the document's claims mention, when all the
	// places they mention lie on one line of the place hierarchy; or, for
	// an account of a happening that lasts (a campaign, a siege, an
	// evacuation), the one place below a governorate at which its
	// document's placed accounts all are. Weak evidence of where the
	// account's event happened; nil otherwise.
	ContextPlace *uuid.UUID `json:"context_place,omitempty"`

	// InnerPlace is set by cross-referencing for an account placed only
	// in a governorate or a region ("in Idlib Governorate") whose document
	// has accounts of a compatible type on its day at one place inside
	// it: that place, where cross-referencing reads the account as
	// happening. nil otherwise.
	InnerPlace *uuid.UUID `json:"inner_place,omitempty"`

	// Origin is set by cross-referencing for an account of an evacuation
	// placed where its document tells of no other part of it (where the
	// evacuees arrive or stop on the way: "left Harasta ... arrived in
	// Idlib governorate"), when the document places its accounts of the
	// evacuation, of the siege it ends or of the capture that follows, on
	// days within reach, at one other town: that town, the place the
	// evacuation leaves. nil otherwise.
	Origin *uuid.UUID `json:"origin,omitempty"`

	// PlaceArea is set by cross-referencing for an account placed at a
	// place the gazetteer cannot locate ("the village of X, north of Hama
	// city", "X, in the southern Idlib countryside"): the one governorate
	// in which the places the gazetteer knows, named in the sentence that
	// names the account's place, lie. The place lies there: it may not lie
	// within a town or city of another governorate. nil otherwise.
	PlaceArea *uuid.UUID `json:"place_area,omitempty"`

	// PlaceWithin is set by cross-referencing for an account placed at a
	// place the gazetteer cannot locate that its document puts inside
	// another place in so many words ("al-Raqah village in Bani Qais
	// district", "Beit Sadan, a village in the Arhab district"): that
	// other place, known or not. An account placed there is of the same
	// happening's place, one inside the other. nil otherwise.
	PlaceWithin *uuid.UUID `json:"place_within,omitempty"`

	// Asides are set by cross-referencing: the claims of the account's
	// document that belong to none of its accounts (a characterisation,
	// a background figure, a quotation of no event), other than its
	// metadata. Text reuse compares them with the claims of the documents
	// whose accounts this one meets, so wording taken over outside any
	// account ("yet another information provocation") is traced too.
	Asides []uuid.UUID `json:"asides,omitempty"`
}

// Extraction is everything extraction finds in one document; the store
// writes it in one atomic batch.
type Extraction struct {
	Document Document  `json:"document"`
	Claims   []Claim   `json:"claims"`
	Entities []Entity  `json:"entities"` // every entity the claims and accounts refer to
	Accounts []Account `json:"accounts"`
}

// Page asks for one page of a list.
type Page struct {
	Limit  int    // at most this many items; 0 means the default
	Cursor string // opaque; "" for the first page
}

// DefaultLimit and MaxLimit bound list pages.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// Normalised returns p with its limit clamped to [1, MaxLimit].
func (p Page) Normalised() Page {
	if p.Limit <= 0 {
		p.Limit = DefaultLimit
	}
	if p.Limit > MaxLimit {
		p.Limit = MaxLimit
	}
	return p
}
