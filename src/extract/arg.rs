//! The argument finder: for a verb, the groups that fill its roles. One
//! finder serves every relation, so each construction is handled once:
//!
//! - the subject before the verb, past auxiliaries, adverbs and negation
//!   ("Peru has not yet hosted");
//! - the antecedent of a relative clause ("the summit, which was hosted
//!   by Peru"; "Ann Lee, who attended");
//! - the subject of a participle clause, which is the main clause's
//!   ("Peru rejected the plan, accusing Chile of ...");
//! - the object after the verb and its particle;
//! - the passive, with or without its auxiliary ("was hosted by Peru",
//!   "a study released by the institute"), and its agent after "by";
//! - the object of a preposition after the verb ("met with", "talks at").

use super::chunk::Chunks;
use super::token::Tok;
use crate::lexicon::{Lexicon, WordClass};
use crate::tag::Upos;

pub use crate::lexicon::rules::Voice;

/// The roles of one verb, each a group index of [`Chunks::groups`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    pub voice: Voice,
    pub subject: Option<usize>,
    pub object: Option<usize>,
    pub agent: Option<usize>,
    /// Negated by "not", "n't" or "never" among its auxiliaries.
    pub negated: bool,
}

/// Negation among the auxiliaries ("not", "never", "didn't").
fn is_negation(t: &Tok<'_>) -> bool {
    t.in_class(WordClass::AuxNegation) || (t.pos == Upos::Aux && t.text.ends_with("n't"))
}

/// Auxiliaries, adverbs and negation between a subject and its verb.
fn filler(t: &Tok<'_>) -> bool {
    matches!(t.pos, Upos::Aux | Upos::Adv | Upos::Part) && !t.in_class(WordClass::To)
        || is_negation(t)
}

/// The group whose last chunk ends right at token `end`.
fn group_ending(ch: &Chunks, end: usize) -> Option<usize> {
    ch.groups.iter().position(|g| g.end == end)
}

/// The group a group's phrase attaches to when it is the object of a
/// preposition: "the talks" for "the border" in "the talks on the border".
pub fn attached_to(toks: &[Tok<'_>], ch: &Chunks, g: usize) -> Option<usize> {
    let start = ch.groups[g].start;
    (start > 0
        && toks[start - 1].pos == Upos::Adp
        && !toks[start - 1].in_class(WordClass::PassiveAgent))
    .then(|| group_ending(ch, start - 1))
    .flatten()
}

/// The group starting at token `start`.
fn group_starting(ch: &Chunks, start: usize) -> Option<usize> {
    ch.groups.iter().position(|g| g.start == start)
}

/// A past participle by its form: "-ed", "-en", or an irregular one.
fn participle_form(lex: &Lexicon, t: &Tok<'_>) -> bool {
    let l = t.text.to_ascii_lowercase();
    l.ends_with("ed") || l.ends_with("en") || lex.word_in(WordClass::IrregularParticiple, &l)
}

/// The roles of the verb at token `v`; `cue_end` is the end of its cue
/// (a multi-word cue such as "took part in" ends after its last word).
pub fn args(lex: &Lexicon, toks: &[Tok<'_>], ch: &Chunks, v: usize, cue_end: usize) -> Args {
    let mut j = v;
    let mut negated = false;
    let mut be = false;
    while j > 0 && filler(&toks[j - 1]) {
        j -= 1;
        negated |= is_negation(&toks[j]);
        be |= lex.word_in(WordClass::PassiveAuxiliary, toks[j].text);
    }
    let verb = &toks[v];
    let ing = verb.text.to_ascii_lowercase().ends_with("ing");
    let by = |t: &Tok<'_>| t.in_class(WordClass::PassiveAgent);
    let by_next = toks.get(cue_end).is_some_and(by);
    // "was hosted by", or reduced: "a study released by", "the talks, held in Lima,"
    let reduced = !be && !ing && participle_form(lex, verb) && j > 0 && {
        let p = &toks[j - 1];
        by_next && (group_ending(ch, j).is_some() || p.text == ",")
    };
    let passive = (be && !ing && participle_form(lex, verb)) || reduced;
    // "the survey, conducted by Oxfam,": the noun before the comma
    let subject = if reduced && toks[j - 1].text == "," {
        group_ending(ch, j - 1)
    } else {
        subject_at(toks, ch, j, ing, v)
    };
    // object: the group after the cue, past adverbs
    let mut k = cue_end;
    while k < toks.len() && toks[k].pos == Upos::Adv {
        k += 1;
    }
    let object = if passive { None } else { group_starting(ch, k) };
    // agent: "by X" within a few tokens, before any comma or verb
    let agent = passive
        .then(|| {
            (cue_end..toks.len().min(cue_end + 6))
                .take_while(|&x| x == cue_end || !(toks[x].text == "," || toks[x].pos.is_verbal()))
                .find(|&x| by(&toks[x]))
                .and_then(|x| group_starting(ch, x + 1))
        })
        .flatten();
    Args {
        voice: if passive {
            Voice::Passive
        } else {
            Voice::Active
        },
        subject,
        object,
        agent,
        negated,
    }
}

/// The subject of a verb whose auxiliaries start at `j`.
fn subject_at(toks: &[Tok<'_>], ch: &Chunks, j: usize, ing: bool, v: usize) -> Option<usize> {
    if j == 0 {
        return None;
    }
    let p = &toks[j - 1];
    // "X, who ...", "the summit, which ...", "the report that ..."
    if p.pos == Upos::Pron && p.in_class(WordClass::ClauseRelative) && j >= 2 {
        let mut a = j - 1;
        if toks[a - 1].text == "," {
            a -= 1;
        }
        return group_ending(ch, a);
    }
    if let Some(g) = group_ending(ch, j) {
        return Some(g);
    }
    // "X, a union official, said"; "X (Peru) said": an apposition closed by a comma
    if p.text == ","
        && !ing
        && let Some(g) = group_ending(ch, j - 1)
        && ch.groups[g].chunks.len() > 1
    {
        return Some(g);
    }
    // "X, citing Y, reported": a participle set off by commas before a verb
    // describes the noun before it
    if p.text == "," && ing {
        let close = (v + 1..toks.len().min(v + 20)).find(|&x| toks[x].text == ",");
        if close.is_some_and(|c| toks.get(c + 1).is_some_and(|t| t.pos.is_verbal())) {
            return group_ending(ch, j - 1);
        }
    }
    // ", accusing X of": the participle's subject is the main clause's
    if p.text == "," && ing {
        let main = (0..j - 1)
            .rev()
            .find(|&x| toks[x].pos.is_verbal() && toks[x].pos == Upos::Verb)?;
        if main < v {
            let mut m = main;
            while m > 0 && filler(&toks[m - 1]) {
                m -= 1;
            }
            return subject_at(toks, ch, m, false, main);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::chunk::chunk;
    use crate::extract::token::SentToks;

    /// The words of each role of the first token that is `verb`.
    fn roles(text: &str, verb: &str) -> (Voice, String, String, String, bool) {
        let lex = Lexicon::embedded();
        let s = SentToks::of(text);
        let ch = chunk(&s.toks, &[]);
        let v = s.toks.iter().position(|t| t.text == verb).unwrap();
        let a = args(&lex, &s.toks, &ch, v, v + 1);
        let words = |g: Option<usize>| {
            g.map(|g| {
                let g = &ch.groups[g];
                s.toks[g.start..g.end]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
        };
        (
            a.voice,
            words(a.subject),
            words(a.object),
            words(a.agent),
            a.negated,
        )
    }

    #[test]
    fn subject_and_object_of_an_active_verb() {
        let (voice, subj, obj, _, neg) = roles(
            "The dock workers blamed the port authority for the delays .",
            "blamed",
        );
        assert_eq!(voice, Voice::Active);
        assert_eq!(subj, "The dock workers");
        assert_eq!(obj, "the port authority");
        assert!(!neg);
        let (_, subj, _, _, neg) = roles("Peru has not blamed Chile .", "blamed");
        assert_eq!(subj, "Peru");
        assert!(neg);
    }

    #[test]
    fn the_passive_agent_is_found_after_by() {
        let (voice, subj, obj, agent, _) =
            roles("The summit was hosted by Peru last week .", "hosted");
        assert_eq!(voice, Voice::Passive);
        assert_eq!(subj, "The summit");
        assert_eq!(obj, "");
        assert_eq!(agent, "Peru");
        let (voice, subj, _, agent, _) = roles(
            "A study released by the fisheries institute warned of shortages .",
            "released",
        );
        assert_eq!(voice, Voice::Passive);
        assert_eq!(subj, "A study");
        assert_eq!(agent, "the fisheries institute");
    }

    #[test]
    fn a_relative_clause_takes_its_antecedent() {
        let (_, subj, _, agent, _) = roles(
            "The talks , which were chaired by Norway , ended .",
            "chaired",
        );
        assert_eq!(subj, "The talks");
        assert_eq!(agent, "Norway");
        let (_, subj, obj, _, _) =
            roles("Ann Lee , who criticised Peru , resigned .", "criticised");
        assert_eq!(subj, "Ann Lee");
        assert_eq!(obj, "Peru");
    }

    #[test]
    fn a_participle_clause_takes_the_main_subject() {
        let (_, subj, obj, _, _) = roles(
            "Chile rejected the plan , accusing Peru of bad faith .",
            "accusing",
        );
        assert_eq!(subj, "Chile");
        assert_eq!(obj, "Peru");
    }

    #[test]
    fn a_participle_between_commas_describes_the_noun_before_it() {
        let (_, subj, obj, _, _) = roles(
            "Reports said the ferry operator , citing a safety review , cancelled the sailings .",
            "citing",
        );
        assert_eq!(subj, "the ferry operator");
        assert_eq!(obj, "a safety review");
    }

    #[test]
    fn a_list_fills_one_role() {
        let (_, subj, _, _, _) = roles(
            "Chile , Peru and Ecuador criticised the plan .",
            "criticised",
        );
        assert_eq!(subj, "Chile , Peru and Ecuador");
    }
}
