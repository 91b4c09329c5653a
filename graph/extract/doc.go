// Package extract turns one letter, report, statement or briefing into a
// graph.Extraction: the document's metadata, the claims it makes, who makes
// each one, and the events, figures, dates, places and perpetrators they
// assert, each with its span in the normalised text so that an analyst can
// check every item against the words.
//
// Extraction is rule based, deterministic and linear in the length of the
// text. The stages, in order:
//
//  1. Validation and normalisation (graph.NormaliseText); invalid UTF-8,
//     NUL bytes and empty text are EINVALID errors.
//  2. Segmentation (segment.go): paragraphs (a blank line, or a line
//     break after sentence punctuation), sentences (". " before a capital,
//     not after an abbreviation or initial), clauses at "; ", and a cut at
//     1,500 bytes for text without punctuation. A sentence that reports two
//     speakers ("X said ..., while Y said ...") is split where the second
//     report begins.
//  3. Metadata (meta.go): headings, UN symbol lines, datelines ("Beirut, 24
//     October 2017."), bylines ("Syrian Observatory for Human Rights, 24
//     October 2017."), letter formulas ("On instructions from my
//     Government", "addressed to the Secretary-General ...", the
//     circulation request). The caller's metadata wins; every disagreement
//     is kept in Document.Clashes. A document whose caller gives no kind
//     gets one from its wording: "letter" (the opening formula, the
//     circulation request, a "Letter dated" heading), "news report" (a
//     dateline and reported speech), "briefing", "statement" or "news
//     digest" (its heading or byline says so), "monitor report" (a
//     monitor's byline); otherwise none.
//  4. Entities (entities.go): gazetteer mentions, names the gazetteer lacks
//     (outlets by "network", "Post", "TV"; persons after titles such as
//     "Colonel" or "spokesman"; other capitalised names as unclassified),
//     and references resolved within the document ("the city", "the
//     neighbourhood", "that coalition").
//  5. Claims (claims.go): speaker (speakers.go: "X said", ", X said.",
//     "according to X", "X told Y that", anonymous sources, and a small
//     discourse model for "he", "the source", "the monitor", "the
//     channel"), polarity and kind (polarity.go), hedges, figures with
//     bounds (numbers.go) and dates (dates.go).
//  6. Accounts (accounts.go): one per speaker and event, with type, date,
//     place, perpetrator (with polarity and hedge), target and figures.
//
// Figures. A figure's bound comes from the words before it: "at least", "no
// fewer than", "a minimum of" are at_least; "more than", "over", "upwards
// of" more_than; "up to", "no more than", "at most" at_most; "fewer than",
// "less than", "under" less_than; "about", "around", "some",
// "approximately", "nearly" and "almost" about (a writer who says "nearly
// 50" gives an approximation, not a ceiling). Words without a number are
// unspecified with a range: dozens 24-99, scores 40-199, hundreds 200-999,
// thousands from 2,000 with no upper limit, tens of thousands 10,000-99,000,
// several 3-9. Years, dates, ages, clock times, durations, distances,
// document numbers ("resolution 2254") and numbers inside names ("Deir Ezzor
// 24") are not figures. Figures in headings are not extracted: a heading
// repeats the body.
//
// Speakers. "X said", ", X said.", ", said X.", "according to X", "X told
// Y that", "X denied/blamed/accused/reported ..." make X the speaker; a
// reporting verb used as a noun ("fabricated reports of an air strike",
// "media reports") makes none. A parenthetical ", quoting a military source," makes the source the
// speaker (the agency carries its words), but a channel's own
// correspondent speaks for the channel. A name in apposition ("The
// Commander of the Operations, Lieutenant General X, said") is the
// speaker; ", spokesman for Y," or ", the director of Y," gives the
// person's affiliation, and makes a capitalised name the gazetteer lacks a
// person. "The Ministry of Foreign Affairs and Expatriates" with no state
// named is the ministry of the country the document is about. Pronouns,
// definite descriptions ("the source", "the monitor"), surnames and single
// words of the author's name ("the Network") resolve within the document.
// A sentence opening with a quotation mark and no attribution continues the
// previous speaker. A state or government of the document's own side ("The
// Syrian Arab Republic rejects ...") is the document's voice.
//
// Parties named by common nouns are one party each: rebels, armed groups,
// "terrorist groups" and unnamed militants are "armed opposition groups";
// "the army", "the regime", "a government helicopter" are the armed forces
// of the country the document is about. A state or government named as a
// perpetrator is resolved to its armed forces (the entity that acts).
//
// Tolls and datelines. "X put the death toll at 11", "X gave a toll of
// nine", "X raised its tally to 14" and "according to a count by X" make X
// the speaker; "Russia's defence ministry" is the ministry the gazetteer
// knows as "Russian defence ministry", and "the civil defence" in a report
// about Syria the Syrian Civil Defence. A dateline ("Beirut, 15 March
// 2018." or "BEIRUT, March 15 (Reuters) -") says where the reporter is: its
// place and date are not the event's, and "the city" refers to it only
// when the text has named no other city; "the area" is the place named
// last.
//
// Polarity. A claim is negative for "are false/baseless", "denied",
// "rejected", "has not/never", "did not", and "no ..." ("No chemical
// weapons were used", "found no traces"), but not for "not clear", "could
// not", "asked not to be named", "made no mention of" or relative clauses
// ("who did not flee").
// A denial covers its clause only: in "Rebels denied the report, saying
// regime helicopters attacked them" the helicopters are asserted.
//
// Dates of speech acts ("said on Tuesday", "told reporters on Monday") are
// not the claim's dates. "since X" runs from X to the document's date; "on
// the same day" is the day the text last named.
//
// Places. A claim's places are every place it names except a wire
// dateline's (where the reporter is: Document.Dateline), a place that only
// describes a party ("the Aleppo-based group", "the Britain-based
// monitor"), a place word inside an organisation's name and a capital that
// speaks for its government ("Moscow denied" is the Russian government),
// and a reference ("the town", "the area", "the neighbourhood"), which is
// resolved to the place it refers to for the claim's accounts but names no
// place; "at" or "as" before a name ("at Husaybah") is not part of it.
// Places in passing ("fled to camps near Atmeh", "Speaking in Geneva") are
// still places the claim names; they do not become the event's place when
// a more specific place of the event is named. "The town" in a body that
// names no town refers to the town of the headline. A city named with a
// direction or "countryside" ("northern Hama", "the southern countryside
// of Idlib", "Idlib's southern countryside", "the Hama countryside",
// "rural Damascus") stands for its governorate; "the al-Kashef
// neighbourhood of Daraa" names the neighbourhood and its city; a
// one-word match that begins a longer capitalised name ("Bab" in "Bab
// Tuma") is dropped; names the gazetteer lacks become places when the text
// gives their kind ("the village of X", "the X neighbourhood") or write
// them with an Arabic article after a preposition of place ("in
// al-Lataminah").
//
// Accounts. Strikes on one town or village are one event however many
// ("strikes killed 17 in the village of X" is an airstrike, not a
// campaign), and "the strikes", "the attack" refer back to the event
// reported. A speaker that blames or reports is not the perpetrator.
// Claims by the same speaker about the same event form one
// account; a claim continues the current event when it names no other
// place or date, or refers back to it ("they", "that attack", "the raid").
// What anonymous sources tell the document's author ("Sources told the
// Observatory") is reported speech in the claim, but belongs to the
// author's account of the event: the author publishes it as its finding.
// An account's Perpetrator is the first party named; CoPerpetrators the
// others ("Syrian regime and Russian warplanes carried out ...", "Syrian
// and Russian jets", a capture "supported by" another force). A
// perpetrator is named as the subject of an event verb ("ISIS militants
// detonated", "Turkish artillery shelled", "regime helicopters on Tuesday
// dropped", across an aside between commas: "Government forces, advancing
// from the south, shelled", and before "to": "continued to shell"), by "by" ("was struck by
// Russian aircraft", "a car bomb claimed by IS"), as the speaker's own
// forces ("its aircraft had not flown any combat missions", "IS said its
// fighters had carried out"), by a possessive that stands for the subject
// of its clause or the party the previous sentence named ("The coalition
// continues its strikes. Its strikes have killed hundreds"), by a state
// fused to "-led coalition" or "-backed factions", and by the speaker that
// claims responsibility or denies ("Turkey denied shelling", "the Turkish
// defence ministry denied shelling civilians": a ministry's act is its
// state's armed forces'). "They" as the subject of an event verb is the
// party named last before it in the sentence ("The armed groups breached
// the truce when they fired"), else the one the previous sentence named
// first. "Syrian and Russian jets" and "No Syrian or Russian aircraft" name
// two parties; "the Turkish occupation army" is Turkey's army, not the
// army of the country the document is about. An outlet's "its fighters"
// are its party's ("Amaq said its fighters had attacked"). Staging: the
// subject of a clause that stages or fabricates the event ("militants had
// brought chlorine into the town to stage an attack"), the party it was
// staged by ("the footage was staged by the White Helmets", which refers
// to the event reported) and those who helped ("with the help of the
// militants of X"); a warning of a staging to come ("are preparing a
// staged incident") names no perpetrator. A party congratulated "on the
// liberation of" a town took it.
// The event of a clause is the one its verb reports: "recaptured the town
// after a week-long assault backed by Russian air strikes" is a capture
// (the background after "after", "following", "amid", "before" counts only
// when the main clause's verb reports none), and a party that backs it
// ("backed by", "with the support of") takes part. Captures are also
// "fell to X", "the fall of X to Y", forces that "entered" a town, "took
// full control"; "the group" is the armed group named last; "blamed by X
// on Y" makes X the speaker and Y the party; a name the gazetteer lacks
// where an event's place stands ("an attack on Zimreen") is a place; a
// place named in passing ("towards Azaz", "bound for Idlib") is neither
// the event's place while another is named (an evacuation's never) nor
// what "the town" refers to. "Could not determine whether Russian or
// Syrian jets" is the explicit unknown. "Combat
// missions", "sorties" and "flights" are air action, so a denial of them
// is a denied air strike; "one of its strikes" is one strike; a party's
// strikes in general, with no place, date or toll ("its strikes target
// only terrorists"), are no event; a car or roadside bomb and a suicide
// bomber are explosions, barrel bombs air action, rocket fire shelling. An account is negative when the event's
// cue lies inside what its claims deny.
// Executions (the deliberate killing of captives or civilians: "executed
// 25 men", "summarily killed", "beheaded", "shot dead after capturing
// them", not "executed an attack" nor a court's death sentence) are
// massacres, and so is a mass grave in a text that tells of them; other
// mass graves and abductions are attacks, and an armed group
// whose fighters "had killed 45 soldiers in al-Qaim" attacked them there;
// "bombings" with no aircraft in the claim, by an armed group or in a text
// of car bombs and suicide bombers, are explosions; rockets that "struck"
// a town are shelling; "hundreds of barrel bombs" or strikes over "the
// weeks" are a campaign even on one town. Parties by common nouns: "the
// air force" (the document's country's), "Kurdish fighters" (the YPG in
// Syria, the Peshmerga in Iraq), "allied militias" (pro-government
// forces), "the militants", "the jihadists", "the terrorists" after a
// jihadist group is named, "its units struck" (the party the previous
// sentence named), a party in apposition before the verb, fire "from the
// positions of X", "artillery of X", "U.S.-led air strikes". "False
// reports that X used chlorine" deny it, and so does a clause that
// explains a rejection ("rejected the accusation, saying its aircraft had
// not ..."); ", a claim the officer dismissed" is not the speaker's denial.
// Figures inside a denied allegation ("the allegation that a coalition
// strike killed 14 ... was false") stay on the claim but are not the
// denying speaker's figures, so they are left out of its account.
package extract
