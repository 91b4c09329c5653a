// Package gazetteer is claimgraph's shipped gazetteer and its name matching.
//
// The data, gazetteer.json (embedded), lists the places, states,
// governments, armies, coalitions, armed groups, international bodies,
// outlets, monitors and persons that conflict reporting on Syria and Iraq,
// and since the seventeenth session on Yemen and Libya, names; beside
// them every UN member State with its government and armed forces, and
// the parties of the other theatres since 2010 (Afghanistan and Pakistan,
// the Lake Chad basin, the Sahel, Somalia, Mozambique, the DRC, the
// Central African Republic, the Sudans, Ethiopia, Myanmar, the
// Philippines, Colombia, Ukraine, Israel and Palestine, Lebanon, Sinai):
// armed groups and their branches, State bodies that act or speak, and
// foreign, regional and UN forces and missions; and the first-level
// divisions of those theatres' States (geonames.json holds their towns).
// Each has a stable key, aliases across spellings and scripts, a place
// hierarchy (neighbourhood -> city -> governorate -> country, via within)
// and an affiliation (the entity it speaks for: state television -> the
// Syrian government -> Syria). An entity's id is
// graph.EntityID(kind, key, uuid.Nil).
//
// Names match by two keys:
//
//   - FoldKey folds case, diacritics, punctuation, hyphens, quotes and a
//     leading "the": "Deir-ez-Zor" -> "deir ez zor". It is exact.
//   - Skeleton folds transliteration: Arabic and Cyrillic script are
//     transliterated, the Arabic article dropped in all its forms, vowels
//     and semi-vowels dropped, confusable consonants merged: Dayr al-Zawr,
//     Deir ez-Zor, Deir Ezzor, دير الزور and Дейр-эз-Зор share "drzr".
//     Skeletons are short and collide, so every caller prefers FoldKey
//     matches and uses skeletons only as a fallback.
//
// Since the twenty-first session it also has the first-level divisions
// (states, regions, provinces, departments, oblasts, districts; place_type
// governorate, as the extractor ranks and reads Syria's governorates) of
// the countries on the Security Council's agenda or with UN-documented
// armed conflict since 2010, within their State, each with the forms
// prose names it by ("Borno State", "Borno"; "Mopti Region", "Mopti
// region", "region of Mopti", the bare name being the seat city's).
//
// Beside it, geonames.json (embedded too, same format plus a "source" line)
// supplements the curated places with every populated place of Syria,
// Iraq, Yemen and Libya that GeoNames lists with 1,000 people or more
// (cities1000, CC BY 4.0: https://www.geonames.org) and the curated file
// lacks, each within its governorate, with coordinates, and with the seats
// and the larger localities of those 28 countries, each within its
// first-level division; scripts/geonames writes it and says how, where
// each country's threshold lies, and which names it leaves out (given
// names and words: "Jasim", "Hit", "Said", "Leer"; names places elsewhere
// share: "Tripoli" in Lebanon; names spelt as curated places). Default
// loads both.
//
// gazetteer.json is {"version": 1, "entries": [...]}; each entry has
//
//	key          stable lower-case slug ("deir-ez-zor"); never reuse or rename
//	name         canonical name
//	kind         a graph.EntityKind (place, state, government, army,
//	             armed_group, coalition, organisation, international_body,
//	             outlet, monitor, person)
//	aliases      other names: spellings, transliterations, Arabic and
//	             Cyrillic script, acronyms (written in capitals, they match
//	             only capitals)
//	place_type   for places and states: country, governorate, city, town,
//	             neighbourhood, camp, landmark, river, airbase, ...
//	within       key of the enclosing place
//	lat, lon     WGS84 degrees, both or neither
//	affiliation  key of the entity it speaks for or belongs to (a State's
//	             police, intelligence service or expeditionary force is
//	             affiliated with its army, never beside it: the army
//	             nearest a State stands for its forces)
//	demonyms     adjectives naming it ("Russian"), for Demonym only
//	member_of    keys of the armed parties (alliances, coalitions) an army,
//	             armed group or coalition is part of beside its affiliation
//	             (MemberOf); never used for merely allied parties
//	active_in    keys of the states where an armed party that is a member
//	             of a movement is its branch (the movement's name there
//	             is this party's)
//	local_name_of keys of armed parties whose names prose uses, in the
//	             states of active_in, for this one ("al-Shabaab" in
//	             Mozambique)
//	description  one line for analysts
//
// Load rejects unknown fields, duplicate keys, dangling or cyclic within,
// affiliation and member_of links (member_of joins armed parties only), and
// coordinates out of range. Names shared by two entries of one kind must be
// listed in testdata/shared_aliases.txt.
//
// Lookup resolves one name (a search query, a manifest's author); Find
// finds every mention in free text, longest match first, respecting word
// boundaries and the case of acronyms ("IS" never matches the word "is" or
// the inside of "ISIS"). A place Find meets only by a close spelling is
// kept in its context (OutOfContext): near a local place the text names,
// or in a country it names; a namesake far away is dropped. Ancestors and
// Within answer place containment;
// Root follows affiliations to the side a source speaks for, which is what
// makes two sources dependent for corroboration.
package gazetteer
