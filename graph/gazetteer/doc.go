// Package gazetteer is claimgraph's shipped gazetteer and its name matching.
//
// The data, gazetteer.json (embedded), lists the places, states,
// governments, armies, coalitions, armed groups, international bodies,
// outlets, monitors and persons that Syria and Iraq conflict reporting
// names, each with a stable key, aliases across spellings and scripts, a
// place hierarchy (neighbourhood -> city -> governorate -> country, via
// within) and an affiliation (the entity it speaks for: state television ->
// the Syrian government -> Syria). An entity's id is
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
// Lookup resolves one name (a search query, a manifest's author); Find
// finds every mention in free text, longest match first, respecting word
// boundaries and the case of acronyms ("IS" never matches the word "is" or
// the inside of "ISIS"). Ancestors and Within answer place containment;
// Root follows affiliations to the side a source speaks for, which is what
// makes two sources dependent for corroboration.
package gazetteer
