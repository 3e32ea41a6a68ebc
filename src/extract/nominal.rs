//! Meetings and reports named by a noun phrase: "the June 7-8 meeting in
//! California", "Vladimir Putin's recent visit to New Delhi", "a
//! confidential report by the Defense Science Board", "the study".
//!
//! A phrase is built around a head noun of `data/nouns.tsv` (class meeting
//! or report): its modifiers to the left up to a determiner, and up to three
//! prepositional phrases to the right. A phrase is *specific* -- worth a
//! node -- when something pins it down: a name, a possessive, a number or an
//! ordinal, or a prepositional phrase with a name in it. A bare definite
//! phrase ("the summit") refers back to the last specific one of its kind.

use crate::lexicon::{Lexicon, NounClass, WordClass};
use crate::tag::Upos;
use crate::text::TokenKind;

use super::mention::{Kind, Mention, Nominal};
use super::token::{SentToks, Tok};

/// The meeting and report phrases of a sentence. `names` are its name mentions.
pub fn find(sent: &SentToks<'_>, text: &str, lex: &Lexicon, names: &[Mention]) -> Vec<Mention> {
    let toks = &sent.toks;
    let mut out = Vec::new();
    let inside_name = |h: usize| names.iter().any(|m| m.start <= h && h < m.end);
    for h in 0..toks.len() {
        let t = &toks[h];
        if !t.is_word() || inside_name(h) {
            continue;
        }
        // "the board", "the ministry": an organization named before
        if !t.cap
            && h > 0
            && toks[h - 1].in_class(WordClass::DefiniteArticle)
            && toks.get(h + 1).is_none_or(|n| {
                !n.is_word()
                    || n.cap
                    || lex.verb(n.lower).is_some()
                    || n.is_exactly(WordClass::OrgRefVerb)
            })
        {
            let mut chars = t.text.chars();
            let cap: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            if lex.noun(&cap) == Some(NounClass::Org) {
                out.push(Mention::new(
                    sent,
                    h,
                    h + 1,
                    Kind::OrgRef,
                    t.text.to_string(),
                ));
                continue;
            }
        }
        // a head of one word, or of two ("memorial service")
        let class = lex.noun(t.lower).or_else(|| {
            h.checked_sub(1)
                .and_then(|p| lex.noun_pair(toks[p].lower, t.lower))
        });
        let kind = match class {
            Some(NounClass::Meeting) => Kind::Meeting,
            Some(NounClass::Report) => Kind::Report,
            _ => continue,
        };
        // "report" followed by a noun is a modifier ("report card", "the
        // Book Awards"), and a verb use ("reports that") is not a phrase
        if toks.get(h + 1).is_some_and(|n| {
            n.is_word()
                && (!n.cap && lex.noun(n.lower).is_some()
                    || t.cap && n.cap && matches!(n.pos, Upos::Noun | Upos::Propn))
        }) {
            continue;
        }
        if h > 0 && toks[h - 1].in_class(WordClass::VerbBefore) {
            continue;
        }
        let (start, determiner) = left_edge(toks, h, lex);
        let pp_ends = right_edge(toks, h, kind == Kind::Meeting, lex);
        let extent = pp_ends.last().copied().unwrap_or(h + 1);
        let np = &toks[start..h];
        let names_in = |a: usize, b: usize| names.iter().any(|m| m.start >= a && m.end <= b);
        let in_name = |j: usize| names.iter().any(|m| m.start <= j && j < m.end);
        let specific = np.iter().enumerate().any(|(i, t)| {
            let j = start + i;
            (t.cap && (j > 0 || in_name(j)))
                || t.is_possessive()
                || t.kind == TokenKind::Number
                || t.is_exactly(WordClass::Ordinal)
        }) || names_in(h + 1, extent)
            || pp_ends.first().is_some_and(|&e| {
                toks[h + 1..e]
                    .iter()
                    .any(|t| t.cap || t.kind == TokenKind::Number)
            });
        // "regular meetings": a plural is generic unless a name pins it down
        let plural = t.text.ends_with('s') && !t.in_class(WordClass::UncountableS);
        let specific = if plural {
            specific && (names_in(start, h) || names_in(h + 1, extent))
        } else {
            specific
        };
        // "according to a two-year study", "citing a report": a source in its own right
        // (one told apart by a word of its own, and not "the study", which refers back)
        let lead = start - usize::from(determiner.is_some());
        let told_apart = start < h
            && !determiner
                .as_deref()
                .is_some_and(|d| lex.word_in(WordClass::DefiniteDeterminer, d));
        let cited = lead >= 2 && told_apart && {
            let (a, b) = (&toks[lead - 1], &toks[lead - 2]);
            (b.in_class(WordClass::SourceOpener) && a.in_class(WordClass::To))
                || a.in_class(WordClass::CitingForm)
                || b.in_class(WordClass::CitingForm)
        };
        // "a letter seen by Sky News"
        let seen_by = toks
            .get(h + 1)
            .is_some_and(|t| t.is_exactly(WordClass::DocumentVerb))
            && toks
                .get(h + 2)
                .is_some_and(|t| t.in_class(WordClass::PassiveAgent));
        let specific = specific || cited || seen_by;
        let definite = determiner
            .as_deref()
            .is_some_and(|d| lex.word_in(WordClass::DefiniteDeterminer, d));
        // "a report released on Monday": kept for the relation rules only
        let bare = !(specific || (definite && pp_ends.is_empty()));
        let span_text =
            |a: usize, b: usize| text[toks[a].span.start..toks[b - 1].span.end].to_string();
        let mut aliases = vec![span_text(start, h + 1)];
        aliases.extend(pp_ends.iter().map(|&e| span_text(start, e)));
        let pp_ends = pp_ends.clone();
        let name = span_text(start, extent);
        aliases.retain(|a| *a != name);
        let mut m = Mention::new(sent, start, h + 1, kind, name);
        m.nominal = Some(Nominal {
            head: h,
            extent,
            pp_ends,
            aliases,
            specific,
            determiner,
            bare,
        });
        out.push(m);
    }
    out
}

/// A word that is (probably) a verb: in the lexicon, a common irregular
/// form ([`WordClass::VerbForm`]), or a past tense in -ed.
pub fn is_verb_like(word: &str, lex: &Lexicon) -> bool {
    lex.verb(word).is_some()
        || lex.word_in(WordClass::VerbForm, word)
        || (word.len() >= 5 && word.ends_with("ed") && !word.ends_with("eed"))
}

/// Where the phrase of head `h` starts, and its determiner.
fn left_edge(toks: &[Tok<'_>], h: usize, lex: &Lexicon) -> (usize, Option<String>) {
    let mut start = h;
    while start > 0 && h - start < 7 {
        let t = &toks[start - 1];
        let l = t.lower;
        if lex.word_in(WordClass::Determiner, l) {
            return (start, Some(l.to_string()));
        }
        let ok = t.kind == TokenKind::Number
            || t.is_possessive()
            || t.text == "-"
            || (t.is_word()
                && !lex.word_in(WordClass::PhrasePreposition, l)
                && !lex.word_in(WordClass::PhraseStop, l)
                && !is_verb_like(l, lex)
                && !t.pos.is_verbal()
                && (t.cap || l.len() > 2));
        // a lower-case word before a name is not part of the phrase ("follows Ann Lee's visit")
        let before_name = t.is_word() && !t.cap && toks[start].cap;
        // "to resume talks": a word after "to" is a verb
        let infinitive = start >= 2
            && toks[start - 2].in_class(WordClass::InfinitiveMarker)
            && t.is_word()
            && !t.cap;
        if infinitive {
            break;
        }
        // "a leaked internal letter": a participle right after the determiner is an adjective
        let participle = !ok
            && l.ends_with("ed")
            && start >= 2
            && toks[start - 2].in_class(WordClass::Determiner);
        if (!ok && !participle) || before_name {
            break;
        }
        start -= 1;
    }
    (start, None)
}

/// The ends of up to three prepositional phrases after the head.
/// After a meeting noun other than a visit, "by" opens a passive's agent
/// ("was joined at the summit by X"), not a phrase of the meeting.
fn right_edge(toks: &[Tok<'_>], h: usize, meeting: bool, lex: &Lexicon) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut j = h + 1;
    while j < toks.len() && ends.len() < 3 {
        let prep = toks[j].text;
        if !lex.word_in(WordClass::PhrasePreposition, prep)
            || (meeting
                && toks[j].in_class(WordClass::PassiveAgent)
                && !toks[h].in_class(WordClass::VisitNoun))
        {
            break;
        }
        let between = lex.word_in(WordClass::PartiesPreposition, prep);
        let mut k = j + 1;
        let limit = if between { 30 } else { 12 };
        while k < toks.len() && k - j <= limit {
            let t = &toks[k];
            let l = t.lower;
            let comma_ok = between && t.text == ",";
            if (matches!(t.text, "," | "." | ";" | ":" | "(" | ")" | "?" | "!") && !comma_ok)
                || t.is_quote()
            {
                break;
            }
            if t.is_word() && !t.cap && is_verb_like(l, lex) {
                break;
            }
            // "plans to cope": an infinitive, not a place
            if k == j + 1
                && lex.word_in(WordClass::To, prep)
                && !(t.cap || lex.word_in(WordClass::Determiner, l) || t.kind == TokenKind::Number)
            {
                break;
            }
            if lex.word_in(WordClass::ClauseOpener, l) {
                break;
            }
            let and = t.is_exactly(WordClass::Coordinator);
            if k > j + 1 && t.is_exactly(WordClass::PhrasePreposition) && !(between && and) {
                break;
            }
            if and && !between {
                break;
            }
            k += 1;
        }
        // "for the visiting delegates" cut at the verb-like word: a phrase
        // does not end on its determiner
        while k > j + 1 && lex.word_in(WordClass::Determiner, toks[k - 1].lower) {
            k -= 1;
        }
        if k == j + 1 {
            break;
        }
        ends.push(k);
        j = k;
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mention;

    fn phrases(s: &str) -> Vec<(String, bool)> {
        let lex = Lexicon::embedded();
        let sent = SentToks::of(s);
        let names = mention::find(&sent, s, &lex);
        find(&sent, s, &lex, &names)
            .into_iter()
            .map(|m| {
                let n = m.nominal.unwrap();
                (m.name, n.specific)
            })
            .collect()
    }

    #[test]
    fn the_before_a_lower_case_accented_word_does_not_panic() {
        // Issue 12 #4: upper-casing the first byte of "école" cut inside "é".
        for s in [
            "They met the école.",
            "Staff at the émigré said so.",
            "It was the ünion that voted.",
        ] {
            assert_eq!(phrases(s), [], "{s}");
        }
        let lex = Lexicon::embedded();
        let s = "Officials of the board said so.";
        let sent = SentToks::of(s);
        let found = find(&sent, s, &lex, &mention::find(&sent, s, &lex));
        assert!(found.iter().any(|m| m.name == "board"), "{found:?}");
    }

    #[test]
    fn specific_phrases_with_their_prepositional_phrases() {
        assert_eq!(
            phrases("They will hold a meeting in Oslo between Jane Roe, Ali Khan and Tom Poe."),
            [(
                "meeting in Oslo between Jane Roe, Ali Khan and Tom Poe".to_string(),
                true
            )]
        );
        assert_eq!(
            phrases("It follows Ann Lee's recent visit to Lima."),
            [("Ann Lee's recent visit to Lima".to_string(), true)]
        );
    }

    #[test]
    fn bare_definite_phrases_are_kept_for_coreference_and_generic_ones_dropped() {
        assert_eq!(
            phrases("The summit ended."),
            [("summit".to_string(), false)]
        );
        assert!(phrases("Talks are planned.").is_empty());
    }
}
