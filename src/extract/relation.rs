//! Relations other than speech: accusations, meetings and who attends them,
//! reports and who wrote them, citations, and affiliations from titles.
//!
//! Meetings and reports are only made nodes when the sentence says
//! something about them (who attends, who wrote, who cites), so a passing
//! "the talks" or "a report" does not litter the graph.

use crate::graph::{EdgeKind, NodeKind};
use std::collections::BTreeMap;

use crate::lexicon::{NationForm, NounClass, VerbClass, WordClass};

use super::mention::{Kind, Mention};
use super::said::{Input, Statement};
use super::token::Tok;
use crate::tag::Upos;

/// A relation read from one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// Entity indices (into the article's entity list).
    pub source: usize,
    pub kind: EdgeKind,
    pub target: usize,
    pub negated: bool,
    pub sentence: usize,
    pub cue: String,
    /// The id of the construction that made it (`accused.passive-agent`).
    pub rule: &'static str,
}

/// Find the relations of an article.
pub fn find(inp: &Input<'_, '_>) -> Vec<Relation> {
    let mut out = Vec::new();
    for s in 0..inp.sents.len() {
        member_of(inp, s, &mut out);
        accused(inp, s, &mut out);
        labelled(inp, s, &mut out);
        accusation_nouns(inp, s, &mut out);
        meetings(inp, s, &mut out);
        reports(inp, s, &mut out);
        cites(inp, s, &mut out);
    }
    home_nation(inp, &mut out);
    out
}

fn rel(
    source: usize,
    kind: EdgeKind,
    target: usize,
    negated: bool,
    sentence: usize,
    cue: &str,
    rule: &'static str,
) -> Relation {
    Relation {
        source,
        kind,
        target,
        negated,
        sentence,
        cue: cue.to_string(),
        rule,
    }
}

fn entity_kind(inp: &Input<'_, '_>, e: usize) -> NodeKind {
    inp.ents.list[e].kind
}

/// People, nations and organizations: who can speak, accuse, attend, write or cite.
fn is_actor(inp: &Input<'_, '_>, e: usize) -> bool {
    matches!(
        entity_kind(inp, e),
        NodeKind::Person | NodeKind::Nation | NodeKind::Organization
    )
}

/// Nations and organizations: what a person can be a member of.
fn is_body(inp: &Input<'_, '_>, e: usize) -> bool {
    matches!(
        entity_kind(inp, e),
        NodeKind::Nation | NodeKind::Organization
    )
}

/// The actors of `list` with the rules that found them, each pair once, in
/// order. An actor found by two rules is in twice: the edge keeps the
/// smallest rule id (see [`crate::graph::add_evidence`]).
fn actors(inp: &Input<'_, '_>, list: Vec<(usize, &'static str)>) -> Vec<(usize, &'static str)> {
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    for (e, rule) in list {
        if is_actor(inp, e) && !out.contains(&(e, rule)) {
            out.push((e, rule));
        }
    }
    out
}

/// The cue of an affiliation read from a title.
const TITLE: &str = "title";

/// Titles: "Chinese Foreign Minister X" (the affiliation before the title),
/// "X, director general of the Y", "X of the Y", "X, Y's spokesman".
fn member_of(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let ms = &inp.mentions[s];
    let toks = &inp.sents[s].toks;
    for (k, m) in ms.iter().enumerate() {
        let Some(p) = inp.ents.of[s][k] else { continue };
        if entity_kind(inp, p) != NodeKind::Person {
            continue;
        }
        // "Chilean Fisheries Minister Tomas Araya"
        if let Some(a) = m.affiliation.and_then(|a| inp.ents.of[s][a]) {
            let r = "member_of.affiliation-title";
            out.push(rel(p, EdgeKind::MemberOf, a, false, s, TITLE, r));
        }
        // "Gazprom's Aleksey Miller", "Malaysia's Prime Minister, Najib Razak"
        if let Some(a) = possessor(inp, s, m.titled_start, m.title.is_some()) {
            let r = "member_of.possessive-title";
            out.push(rel(p, EdgeKind::MemberOf, a, false, s, TITLE, r));
        }
        // "the chairman of the Ocean Trust, Ann Lee": a title and its body before the name
        if let Some(a) = title_of_before(inp, s, m.titled_start) {
            let r = "member_of.title-of-before";
            out.push(rel(p, EdgeKind::MemberOf, a, false, s, TITLE, r));
        }
        // apposition or "of": the first nation/org within a short title phrase after the name
        let mut j = m.end;
        let comma = toks.get(j).is_some_and(|t| t.text == ",");
        if comma {
            j += 1;
        }
        let affiliation_prep = |t: &Tok<'_>| t.in_class(WordClass::AffiliationPreposition);
        let direct_of = !comma && toks.get(j).is_some_and(affiliation_prep);
        if !comma && !direct_of {
            continue;
        }
        let limit = (j + 12).min(toks.len());
        // ", from Human Rights Watch": a preposition right after the comma is an affiliation
        let mut saw_title = direct_of || (comma && toks.get(j).is_some_and(affiliation_prep));
        // "and" between lower-case words is inside the title ("professor
        // of economics and law at Y", "work and pensions secretary")
        let joins_title = |i: usize| {
            toks[i].in_class(WordClass::ClauseCoordinator)
                && i > j
                && !toks[i - 1].cap
                && toks.get(i + 1).is_some_and(|t| t.is_word() && !t.cap)
        };
        // a verb ends the title: "the lawyer leading the suit against Y"
        // ("operating officer", "compliance manager": a noun or title word follows)
        let verb = |i: usize| {
            toks[i].pos == Upos::Verb
                && !toks.get(i + 1).is_some_and(|t| {
                    inp.lex.is_title_word(t.lower) || (!t.cap && t.pos == Upos::Noun)
                })
        };
        for (k2, m2) in ms.iter().enumerate().skip(k + 1) {
            if m2.nominal.is_some() || m2.titled_start < j {
                continue;
            }
            if m2.start >= limit {
                break;
            }
            if (j..m2.start).any(|i| {
                matches!(toks[i].text, "," | ";" | "(" | ")")
                    || verb(i)
                    || (toks[i].in_class(WordClass::AffiliationBreak) && !joins_title(i))
            }) {
                break;
            }
            saw_title |= toks[j..m2.start]
                .iter()
                .any(|t| inp.lex.is_title_head(t.lower));
            // "Raha, Gazprom chairman Aleksey Miller": Gazprom is Miller's, not Raha's
            if ms.iter().any(|o| o.affiliation == Some(k2)) {
                break;
            }
            let Some(a) = inp.ents.of[s][k2] else {
                continue;
            };
            if !is_body(inp, a) {
                break;
            }
            // "X, from the UK's Human Rights Watch": the owner of the body
            // named right after it is not the affiliation; the body is
            let owns_next = toks.get(m2.end).is_some_and(|t| t.is_possessive())
                || toks[m2.start..m2.end]
                    .last()
                    .is_some_and(|t| t.is_possessive());
            let next_body = ms
                .get(k2 + 1)
                .is_some_and(|n| n.nominal.is_none() && n.start <= m2.end + 1 && n.start >= m2.end)
                && inp.ents.of[s]
                    .get(k2 + 1)
                    .copied()
                    .flatten()
                    .is_some_and(|b| entity_kind(inp, b) == NodeKind::Organization);
            if owns_next && next_body {
                continue;
            }
            // "X, the Y spokesman" or "X, director of Y"
            let title_after = toks[m2.end..(m2.end + 3).min(toks.len())]
                .iter()
                .any(|t| inp.lex.is_title_head(t.lower));
            if saw_title || title_after {
                // "X, director of Y" / "X, the Y spokesman" or "X of Y"
                let r = if comma {
                    "member_of.apposition"
                } else {
                    "member_of.name-of"
                };
                out.push(rel(p, EdgeKind::MemberOf, a, false, s, TITLE, r));
            }
            break;
        }
    }
}

/// "Prime Minister X", "Culture Secretary X": a government office whose
/// title names no nation is an office of the nation the article is about,
/// the one it names (not by a demonym) at least twice as often as any
/// other. A person with an affiliation read elsewhere in the article keeps
/// that one only.
fn home_nation(inp: &Input<'_, '_>, out: &mut Vec<Relation>) {
    // nations whose government the article names: "the UK government",
    // "British ministers", a person's title ("French Foreign Minister X")
    let mut governing: Vec<usize> = out
        .iter()
        .filter(|r| r.kind == EdgeKind::MemberOf && entity_kind(inp, r.target) == NodeKind::Nation)
        .map(|r| r.target)
        .collect();
    // mentions by name: "the UK", "Britain"; not "American" in "American firm X"
    let mut named: BTreeMap<usize, u32> = BTreeMap::new();
    for (s, ms) in inp.mentions.iter().enumerate() {
        let toks = &inp.sents[s].toks;
        for (k, m) in ms.iter().enumerate() {
            let (Kind::Nation(_, form), Some(e)) = (&m.kind, inp.ents.of[s][k]) else {
                continue;
            };
            if *form != NationForm::Demonym {
                *named.entry(e).or_default() += 1;
            }
            let body = |t: &Tok<'_>| t.is_exactly(WordClass::BodyNoun) || t.is_exactly(WordClass::NationBody);
            if toks.get(m.end).is_some_and(body) || toks[m.end - 1].is_exactly(WordClass::NationBody) {
                governing.push(e);
            }
        }
    }
    let mut nations: Vec<(u32, usize)> = named.into_iter().map(|(e, n)| (n, e)).collect();
    nations.sort_unstable_by(|a, b| b.cmp(a));
    let home = match nations.as_slice() {
        [] => return,
        [(_, e)] => *e,
        [(top, e), (next, _), ..] if *top >= 2 * next => *e,
        _ => return,
    };
    // "Irish Prime Minister X" named elsewhere: the article is not only about one nation
    if governing.iter().any(|&g| g != home) {
        return;
    }
    let mut done: Vec<usize> = out
        .iter()
        .filter(|r| r.kind == EdgeKind::MemberOf)
        .map(|r| r.source)
        .collect();
    let lex = inp.lex;
    for s in 0..inp.sents.len() {
        for (k, m) in inp.mentions[s].iter().enumerate() {
            let Some(p) = inp.ents.of[s][k] else { continue };
            let Some(title) = m.title.as_deref() else { continue };
            if entity_kind(inp, p) != NodeKind::Person || m.affiliation.is_some() || done.contains(&p) {
                continue;
            }
            // "Shadow education secretary X": the word before the title counts too
            let before = m.titled_start.checked_sub(1).map(|i| inp.sents[s].toks[i].text);
            let words = || title.split(' ');
            let office_break = |w: &str| lex.word_in_any_case(WordClass::GovernmentOfficeBreak, w);
            let office = |w: &str| {
                lex.word_in_any_case(WordClass::GovernmentOffice, w)
                    && !lex.word_in(WordClass::GovernmentOfficeCapitalised, w)
            };
            if words().any(office) && !words().chain(before).any(office_break) {
                let r = "member_of.home-nation";
                out.push(rel(p, EdgeKind::MemberOf, home, false, s, TITLE, r));
                done.push(p);
            }
        }
    }
}

/// Token `start`, or the comma right before it: where a phrase set off
/// before a name ends.
fn before_comma(toks: &[Tok<'_>], start: usize) -> usize {
    if start > 0 && toks[start - 1].text == "," {
        start - 1
    } else {
        start
    }
}

/// The nation or organization named in a title that ends right before
/// `start` (a comma between): "head of [the] Y", "chief executive at Y".
fn title_of_before(inp: &Input<'_, '_>, s: usize, start: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    let j = before_comma(toks, start);
    let k = inp.mentions[s]
        .iter()
        .position(|m| m.end == j && m.nominal.is_none())?;
    let mut i = inp.mentions[s][k].titled_start;
    if i > 0 && toks[i - 1].in_class(WordClass::Article) {
        i -= 1;
    }
    if i < 2
        || !toks[i - 1].in_class(WordClass::AffiliationPreposition)
        || !inp.lex.is_title_head(toks[i - 2].lower)
    {
        return None;
    }
    inp.ents.of[s][k].filter(|&e| is_body(inp, e))
}

/// The nation or organization whose possessive opens the phrase ending at
/// `start`: "X's" then at most a title and a comma.
fn possessor(inp: &Input<'_, '_>, s: usize, start: usize, own_title: bool) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    let mut j = before_comma(toks, start);
    // the title's words, which may be coordinated nouns ("Chile's fisheries
    // and ports minister X", "Acme's sales and marketing chief, X")
    let titled = |t: &Tok<'_>| inp.lex.is_title_word(t.lower);
    let title_word = |t: &Tok<'_>| {
        titled(t) || (!t.cap && matches!(t.pos, Upos::Noun | Upos::Adj | Upos::Cconj))
    };
    let top = j;
    let mut words = 0;
    let mut plain = false;
    while j > 0 && words < 6 && title_word(&toks[j - 1]) {
        plain |= !titled(&toks[j - 1]);
        j -= 1;
        words += 1;
    }
    // plain nouns before the name are a title only when one ends it: the
    // name's own, or a head before the comma ("Britain's new hope, X" is none)
    if plain && !(inp.lex.is_title_head(toks[top - 1].lower) || (top == start && own_title)) {
        return None;
    }
    if j < 2 || !toks[j - 1].is_possessive() {
        return None;
    }
    let k = inp.mentions[s]
        .iter()
        .position(|m| m.end == j - 1 && m.nominal.is_none())?;
    inp.ents.of[s][k].filter(|&e| is_body(inp, e))
}

/// The entity mentioned right before token `v` (skipping auxiliaries and
/// negation), with the token where the subject phrase starts.
fn subject(inp: &Input<'_, '_>, s: usize, v: usize) -> Option<(usize, usize)> {
    let toks = &inp.sents[s].toks;
    let lex = inp.lex;
    let mut j = v;
    while j > 0
        && (toks[j - 1].is_exactly(WordClass::VerbFiller)
            || toks[j - 1].is_exactly(WordClass::SubjectGap))
    {
        j -= 1;
    }
    // "X, who will hold talks"
    if j >= 2 && toks[j - 1].in_class(WordClass::PersonRelative) && toks[j - 2].text == "," {
        j -= 2;
    }
    // "The Chilean government accused ...", "Chinese officials met ...": the body they speak for
    if j >= 2 && {
        let w = toks[j - 1].lower;
        !toks[j - 1].cap
            && (lex.word_in(WordClass::BodyNoun, w) || lex.noun(w) == Some(NounClass::Group))
    } {
        j -= 1;
    }
    // "He also blamed Colombia": the person who last opened a sentence, this
    // one first ("Ann Lee said ... and she accused ...")
    if j > 0 && toks[j - 1].is_he_or_she() {
        let here = inp.mentions[s]
            .iter()
            .enumerate()
            .find(|(k, m)| {
                m.nominal.is_none()
                    && m.titled_start <= 2
                    && m.end < j - 1
                    && !inp.mentions[s].iter().any(|o| o.affiliation == Some(*k))
            })
            .and_then(|(k, _)| inp.ents.of[s][k])
            .filter(|&e| entity_kind(inp, e) == NodeKind::Person);
        return here
            .or_else(|| last_subject_person(inp, s))
            .map(|e| (e, j - 1));
    }
    let ms = &inp.mentions[s];
    let k = ms.iter().rposition(|m| m.end == j)?;
    inp.ents.of[s][k].map(|e| (e, ms[k].titled_start))
}

/// The first entity mentioned in `toks[from..to]`.
fn object(inp: &Input<'_, '_>, s: usize, from: usize, to: usize) -> Option<usize> {
    inp.mentions[s]
        .iter()
        .enumerate()
        .find(|(k, m)| m.titled_start >= from && m.start < to && inp.ents.of[s][*k].is_some())
        .and_then(|(k, _)| inp.ents.of[s][k])
}

fn negated_before(toks: &[Tok<'_>], v: usize) -> bool {
    toks[v.saturating_sub(4)..v]
        .iter()
        .any(|t| t.in_class(WordClass::Negation))
}

/// "X accused Y of ...", "Y was accused by X", "X blamed Y for ...",
/// "X criticised Y", "... which X have criticised", "Moves to ... have been
/// condemned by X"; negated when denied ("did not accuse").
fn accused(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    let lex = inp.lex;
    let clause_end = |from: usize| {
        (from..toks.len())
            .find(|&j| {
                matches!(toks[j].text, "," | "." | ";" | ":")
                    || toks[j].is_quote()
                    || toks[j].in_class(WordClass::RelativePronoun)
            })
            .unwrap_or(toks.len())
    };
    for v in 0..toks.len() {
        if in_statement_quote(inp, s, v) {
            continue;
        }
        let lower = toks[v].lower;
        let Some((VerbClass::Accuse, lemma)) = inp.lex.verb(lower) else {
            continue;
        };
        let lemma = lemma.to_string();
        // "attacked" and "charged" accuse only with a reason ("attacked X over ...")
        if lex.word_in(WordClass::ReasonedAccusation, &lemma) {
            let reason = toks[v + 1..(v + 8).min(toks.len())]
                .iter()
                .any(|t| t.in_class(WordClass::AccusationReason));
            if !reason {
                continue;
            }
        }
        // "alleged hacking": an adjective, not an accusation
        if lex.word_in(WordClass::ParticipleAdjective, &lemma)
            && toks
                .get(v + 1)
                .is_some_and(|t| t.is_word() && !t.cap && !t.in_class(WordClass::Complementizer))
        {
            continue;
        }
        let mut negated = negated_before(toks, v);
        let passive = v > 0 && toks[v - 1].is_exactly(WordClass::PassiveAuxiliary);
        // "X rejected claims that it had blamed Y", "X denied that he accused Y"
        let denied_claim = !passive && {
            let mut j = v;
            while j > 0 && matches!(toks[j - 1].pos, Upos::Aux | Upos::Adv | Upos::Part) {
                j -= 1;
            }
            j >= 2
                && toks[j - 1].pos == Upos::Pron
                && toks[j - 2].in_class(WordClass::Complementizer)
                && toks[(j - 2).saturating_sub(3)..j - 2]
                    .iter()
                    .any(|t| t.in_class(WordClass::Negation))
        };
        let (sources, targets, rule): (Vec<usize>, Vec<usize>, &'static str) = if passive {
            let by = (v + 1..(v + 6).min(toks.len()))
                .find(|&j| toks[j].in_class(WordClass::PassiveAgent));
            let sources = by
                .map(|b| entities_in(inp, s, b + 1, clause_end(b + 1)))
                .unwrap_or_default();
            let mut aux = v - 1;
            while aux > 0 && toks[aux - 1].is_exactly(WordClass::PassiveChain) {
                aux -= 1;
            }
            let targets = match subject(inp, s, v) {
                Some((e, _)) => vec![e],
                None => entities_in(inp, s, 0, aux),
            };
            (sources, targets, "accused.passive-agent")
        } else {
            let mut rule = "accused.verb-object";
            let sources = match subject(inp, s, v) {
                _ if denied_claim => {
                    // the one who denies is the one who would have accused
                    rule = "accused.denied-claim";
                    negated = true;
                    sentence_subjects(inp, s)
                }
                Some((e, _)) => vec![e],
                None if lower.ends_with("ing") => {
                    // "..., accusing Y of ...": the sentence's subjects accuse
                    rule = "accused.participle-object";
                    sentence_subjects(inp, s)
                }
                None => Vec::new(),
            };
            let np_end = (v + 1..toks.len())
                .find(|&j| {
                    matches!(toks[j].text, "," | "." | ";")
                        || toks[j].is_exactly(WordClass::ObjectEnd)
                        || j > v + 8
                })
                .unwrap_or(toks.len());
            let mut targets = accused_in(inp, s, v + 1, np_end);
            if targets.is_empty() && lex.word_in(WordClass::BlameOn, &lemma) {
                // "blamed the crisis on X"
                if let Some(o) = (v + 1..(v + 8).min(toks.len()))
                    .find(|&j| toks[j].in_class(WordClass::BlameOnPreposition))
                {
                    // the phrase right after "on", not one inside it ("on the wars in X")
                    targets = actor_opening(inp, s, o + 1).into_iter().collect();
                    rule = "accused.blame-on";
                }
            }
            if targets.is_empty()
                && toks[..v]
                    .iter()
                    .any(|t| t.in_class(WordClass::RelativeThat))
            {
                // "a policy which the UN has criticised": the main clause's subjects
                targets = sentence_subjects(inp, s);
                rule = "accused.relative-clause";
            }
            (sources, targets, rule)
        };
        for a in sources.iter().filter(|&&e| is_actor(inp, e)) {
            for b in targets.iter().filter(|&&e| is_actor(inp, e)) {
                if a != b && !sources.contains(b) {
                    out.push(rel(*a, EdgeKind::Accused, *b, negated, s, lower, rule));
                }
            }
        }
    }
}

/// "X called Y a disgrace", "X described Y's plan as a fiasco", "X
/// branded Y reckless": a verb of labelling whose object is followed, in
/// its clause, by a word of blame.
fn labelled(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    for v in 0..toks.len() {
        if !toks[v].in_class(WordClass::LabellingVerb) || in_statement_quote(inp, s, v) {
            continue;
        }
        // the label: a word of blame within a few words, before the clause ends
        let Some(cue) = (v + 2..toks.len().min(v + 10))
            .take_while(|&x| {
                !matches!(toks[x].text, "," | "." | ";" | ":") && toks[x].pos != Upos::Sconj
            })
            .find(|&x| {
                inp.lex.is_criticism(toks[x].lower)
                    && !toks[x - 1].is_exactly(WordClass::CriticismNegation)
            })
        else {
            continue;
        };
        let Some((src, _)) = subject(inp, s, v) else {
            continue;
        };
        let negated = negated_before(toks, v);
        for dst in accused_in(inp, s, v + 1, cue) {
            if dst != src && is_actor(inp, src) && is_actor(inp, dst) {
                let r = "accused.labelled-as-blame";
                out.push(rel(
                    src,
                    EdgeKind::Accused,
                    dst,
                    negated,
                    s,
                    toks[v].text,
                    r,
                ));
            }
        }
    }
}

/// "X's accusation that Y ...", "allegations by X against Y", "criticism of
/// Y from X": a noun of accusation with its maker (its owner, or after
/// "by"/"from") and its target (after "against"/"of", or the subject
/// after "that").
fn accusation_nouns(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    for c in 0..toks.len() {
        if !toks[c].in_class(WordClass::AccusationNoun) || in_statement_quote(inp, s, c) {
            continue;
        }
        let end = (c + 1..toks.len().min(c + 10))
            .find(|&x| {
                matches!(toks[x].text, "," | "." | ";" | ":" | "(") || toks[x].pos.is_verbal()
            })
            .unwrap_or(toks.len().min(c + 10));
        // the maker: "X's accusation", "the accusations by X"
        let by = (c + 1..end).find(|&x| toks[x].in_class(WordClass::BlameAgentPreposition));
        let src = (c >= 2 && toks[c - 1].is_possessive())
            .then(|| actor_ending(inp, s, c - 1))
            .flatten()
            .or_else(|| by.and_then(|x| actor_opening(inp, s, x + 1)));
        let Some(src) = src else { continue };
        // the target: "against Y", "of Y", or "that Y has ..."
        let dst = (c + 1..end)
            .filter(|&x| Some(x) != by && toks[x].in_class(WordClass::AccusationTargetPreposition))
            .find_map(|x| actor_opening(inp, s, x + 1))
            .or_else(|| {
                let that = if toks
                    .get(c + 1)
                    .is_some_and(|t| t.in_class(WordClass::Complementizer))
                {
                    c + 1
                } else {
                    by.and_then(|b| {
                        (b + 1..toks.len().min(b + 6))
                            .find(|&x| toks[x].in_class(WordClass::Complementizer))
                    })?
                };
                let e = actor_opening(inp, s, that + 1)?;
                // the name opens the clause's subject and a verb follows it
                let m = inp.mentions[s]
                    .iter()
                    .find(|m| m.titled_start > that && m.titled_start <= that + 2)?;
                toks.get(m.end)
                    .is_some_and(|t| matches!(t.pos, Upos::Verb | Upos::Aux))
                    .then_some(e)
            });
        if let Some(dst) = dst.filter(|&d| d != src) {
            let r = "accused.accusation-noun";
            out.push(rel(src, EdgeKind::Accused, dst, false, s, toks[c].text, r));
        }
    }
}

/// A report the statement names as the speaker's own ("our report", "my
/// letter"): speaking of it is not citing it.
fn own_document(inp: &Input<'_, '_>, st: &Statement, report: usize) -> bool {
    super::said::mentions_in(inp, st.content).any(|(s, k, m)| {
        inp.ents.of[s][k] == Some(report)
            && m.nominal.as_ref().is_some_and(|n| {
                n.determiner
                    .as_deref()
                    .is_some_and(|d| inp.lex.word_in(WordClass::OwnDeterminer, d))
            })
    })
}

/// Where a phrase starting at token `start` starts with its determiner ("the",
/// "a", "his"), if one precedes it.
fn with_determiner(toks: &[Tok<'_>], start: usize) -> usize {
    if start > 0 && toks[start - 1].in_class(WordClass::Determiner) {
        start - 1
    } else {
        start
    }
}

/// A report the statement speaks of as the subject of one of its clauses
/// ("the report shows", "Mr Brown's article was a warning shot", "surveys
/// suggest"), or weighs ("welcomed the report"): the speaker refers to it.
/// A document the words only mention ("should make a statement", "in the
/// manifesto", "during the audit", "the launch of the manifesto") is not one
/// they cite, nor is a review, as often a process as a document ("the
/// review will look at ...").
/// The sentence of that mention: where a reader sees the document named.
fn subject_document(inp: &Input<'_, '_>, st: &Statement, report: usize) -> Option<usize> {
    super::said::mentions_in(inp, st.content).find_map(|(s, k, m)| {
        let toks = &inp.sents[s].toks;
        let j = with_determiner(toks, m.titled_start);
        let verb_at = |mut x: usize| {
            while x < toks.len() && toks[x].pos == Upos::Adv {
                x += 1;
            }
            x < toks.len() && matches!(toks[x].pos, Upos::Verb | Upos::Aux)
        };
        // ... or the object of a verb of weighing it ("will study the research")
        let weighed = j > 0 && toks[j - 1].in_class(WordClass::ReadingVerb);
        let process = m
            .nominal
            .as_ref()
            .is_some_and(|n| toks[n.head].in_class(WordClass::ProcessNoun));
        (inp.ents.of[s][k] == Some(report)
            && !process
            && (weighed
                || !(j > 0 && toks[j - 1].pos == Upos::Adp)
                    && (verb_at(m.end) || m.nominal.as_ref().is_some_and(|n| verb_at(n.extent)))))
        .then_some(s)
    })
}

/// A writer does not cite their own document: a `cites` whose target the
/// article says its source wrote ("A book published by X says ...") goes.
pub fn drop_own_citations(relations: &mut Vec<Relation>) {
    let wrote: Vec<(usize, usize)> = relations
        .iter()
        .filter(|r| r.kind == EdgeKind::AuthoredBy)
        .map(|r| (r.target, r.source))
        .collect();
    relations.retain(|r| r.kind != EdgeKind::Cites || !wrote.contains(&(r.source, r.target)));
}

/// What statements imply: a speaker whose words blame an actor accuses it
/// ("lifting the embargo would be irresponsible and would damage Britain's
/// relations"), and a speaker who names a report cites it.
pub fn from_statements(inp: &Input<'_, '_>, statements: &[Statement]) -> Vec<Relation> {
    let mut out = Vec::new();
    for st in statements {
        for &a in &st.about {
            if entity_kind(inp, a) == NodeKind::Report
                && !own_document(inp, st, a)
                && let Some(named) = subject_document(inp, st, a)
            {
                out.push(rel(
                    st.speaker,
                    EdgeKind::Cites,
                    a,
                    false,
                    named,
                    "refers to",
                    "cites.report-in-statement",
                ));
            }
        }
        // each word of blame, and the actor the grammar says it is said of
        let mut blamed: Vec<(usize, &'static str)> = Vec::new();
        for s in super::said::sentences_in(inp, st.content) {
            let toks = &inp.sents[s].toks;
            let inside =
                |t: &Tok<'_>| t.span.start >= st.content.start && t.span.end <= st.content.end;
            let lo = toks.iter().position(inside).unwrap_or(0);
            for (cue, t) in toks.iter().enumerate() {
                if !inside(t) || !inp.lex.is_criticism(t.lower) {
                    continue;
                }
                for (e, rule) in blame_target(inp, s, cue, lo) {
                    if e != st.speaker && !blamed.iter().any(|b| b.0 == e) {
                        blamed.push((e, rule));
                    }
                }
            }
        }
        // someone speaking in the same sentence is a voice, not the one blamed
        let speaks_here = |e: usize| {
            statements
                .iter()
                .any(|o| o.speaker == e && o.sentence == st.sentence)
        };
        for (e, rule) in blamed {
            if !speaks_here(e) {
                out.push(rel(
                    st.speaker,
                    EdgeKind::Accused,
                    e,
                    false,
                    st.sentence,
                    "blame",
                    rule,
                ));
            }
        }
    }
    out
}

/// The actor a name ending at token `end` stands for, where the name ends
/// its phrase (not "Iraq" of "the Iraq war").
fn actor_ending(inp: &Input<'_, '_>, s: usize, end: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    if toks
        .get(end)
        .is_some_and(|t| t.is_word() && !t.cap && matches!(t.pos, Upos::Noun | Upos::Propn))
    {
        return None;
    }
    let ms = &inp.mentions[s];
    let k = ms
        .iter()
        .rposition(|m| m.end == end && m.nominal.is_none())?;
    inp.ents.of[s][k].filter(|&e| is_actor(inp, e))
}

/// The actor named first in the phrase opening at token `start` (past a
/// determiner): "the British authorities" stands for Britain.
fn actor_opening(inp: &Input<'_, '_>, s: usize, start: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    let mut j = start;
    if toks.get(j).is_some_and(|t| t.pos == Upos::Det) {
        j += 1;
    }
    let ms = &inp.mentions[s];
    let k = ms
        .iter()
        .position(|m| (m.titled_start == j || m.start == j) && m.nominal.is_none())?;
    inp.ents.of[s][k].filter(|&e| is_actor(inp, e))
}

/// Auxiliaries, adverbs and negation before a verb.
fn verb_filler(t: &Tok<'_>) -> bool {
    matches!(t.pos, Upos::Aux | Upos::Adv | Upos::Part) && !t.in_class(WordClass::To)
        || t.in_class(WordClass::AuxNegation)
}

/// Where a clause's words stop when read backwards from a word of blame.
fn clause_break(t: &Tok<'_>) -> bool {
    matches!(t.text, "," | ";" | ":" | "(" | ")" | "-")
        || t.pos == Upos::Sconj
        || t.in_class(WordClass::Complementizer)
}

/// The verb whose predicate holds token `c` (a verb of blame is its own),
/// read back within the clause; an infinitive's is the verb that governs
/// it ("arms that X could use to threaten Y": use).
fn predicate_verb(toks: &[Tok<'_>], c: usize) -> Option<usize> {
    let mut k = c;
    loop {
        let mut v = None;
        for x in (c.saturating_sub(12)..=k).rev() {
            if x < k && clause_break(&toks[x]) {
                return None;
            }
            if x < c && toks[x].is_quote() {
                continue;
            }
            if matches!(toks[x].pos, Upos::Verb | Upos::Aux) {
                v = Some(x);
                break;
            }
        }
        let v = v?;
        if v >= 2 && toks[v].pos == Upos::Verb && toks[v - 1].in_class(WordClass::To) {
            k = v - 2;
            continue;
        }
        return Some(v);
    }
}

/// The start of the auxiliaries before verb `v`, and whether they negate it
/// or make it a passive.
fn verb_chain(lex: &crate::lexicon::Lexicon, toks: &[Tok<'_>], v: usize) -> (usize, bool, bool) {
    let mut j = v;
    let (mut negated, mut be) = (false, false);
    while j > 0 && (verb_filler(&toks[j - 1]) || toks[j - 1].is_quote()) {
        j -= 1;
        negated |= toks[j].in_class(WordClass::AuxNegation) || toks[j].text.ends_with("n't");
        be |= lex.word_in(WordClass::PassiveAuxiliary, toks[j].text);
    }
    negated |= toks[v].text.ends_with("n't");
    (j, negated, be)
}

/// The actors a clause whose verb's auxiliaries start at `j` is said of:
/// its subject ("X and Y have"), the owner of its subject ("X's plan
/// is"), the antecedent of a relative pronoun ("X, which (he said) has").
fn clause_subjects(inp: &Input<'_, '_>, s: usize, j: usize) -> Vec<usize> {
    let toks = &inp.sents[s].toks;
    if j == 0 {
        return Vec::new();
    }
    let relative =
        |x: usize| toks[x].pos == Upos::Pron && toks[x].in_class(WordClass::ClauseRelative);
    let antecedent = |r: usize| {
        let a = if r > 0 && toks[r - 1].text == "," {
            r - 1
        } else {
            r
        };
        actor_ending(inp, s, a).into_iter().collect::<Vec<_>>()
    };
    if relative(j - 1) {
        return antecedent(j - 1);
    }
    // "he has failed": the person who opened this sentence, or the last one
    // to open a sentence (the speaker himself, whom the caller leaves out)
    if toks[j - 1].is_he_or_she() {
        let ms = &inp.mentions[s];
        let here = (0..ms.len())
            .find(|&k| {
                ms[k].nominal.is_none()
                    && ms[k].titled_start <= 2
                    && ms[k].end < j - 1
                    && !ms.iter().any(|o| o.affiliation == Some(k))
            })
            .and_then(|k| inp.ents.of[s][k])
            .filter(|&e| entity_kind(inp, e) == NodeKind::Person);
        return here
            .or_else(|| last_subject_person(inp, s))
            .into_iter()
            .collect();
    }
    // "X, which he said has": an attribution between the pronoun and its verb
    if j >= 3
        && inp
            .lex
            .verb(toks[j - 1].lower)
            .is_some_and(|(c, _)| c == VerbClass::Speech)
        && relative(j - 3)
    {
        return antecedent(j - 3);
    }
    // "the tackle on X was": a name inside the subject's phrase is not its head
    let in_phrase = |end: usize| {
        inp.mentions[s]
            .iter()
            .rfind(|m| m.end == end && m.nominal.is_none())
            .is_some_and(|m| {
                let mut b = m.titled_start;
                if b > 0 && toks[b - 1].pos == Upos::Det {
                    b -= 1;
                }
                b > 0 && toks[b - 1].pos == Upos::Adp
            })
    };
    if let Some(e) = actor_ending(inp, s, j).filter(|_| !in_phrase(j)) {
        // "X and Y have", "X, Y and Z are"
        let mut out = vec![e];
        let ms = &inp.mentions[s];
        let mut at = j;
        while let Some(m) = ms.iter().rfind(|m| m.end == at && m.nominal.is_none()) {
            let b = m.titled_start;
            if b < 2 || !(toks[b - 1].in_class(WordClass::Coordinator) || toks[b - 1].text == ",") {
                break;
            }
            let Some(o) = actor_ending(inp, s, b - 1) else {
                break;
            };
            if !out.contains(&o) {
                out.push(o);
            }
            at = b - 1;
        }
        return out;
    }
    // "X's own plan is", "X's housing policy has"
    let mut k = j;
    while k > 0 && j - k < 3 && {
        let t = &toks[k - 1];
        t.is_word() && !t.cap && matches!(t.pos, Upos::Noun | Upos::Adj)
    } {
        k -= 1;
    }
    if k < j && k > 0 && toks[k - 1].is_possessive() {
        return actor_ending(inp, s, k - 1).into_iter().collect();
    }
    Vec::new()
}

/// Whom the word of blame at token `c` of sentence `s` blames, by the
/// grammar around it, with the construction: the owner of what it blames
/// ("X's botched plan", "the failure of X"), who does it ("interference
/// from X", "misled by X"), the subject it is said of ("X has bungled",
/// "X's plan is a fiasco", "it is shameful that X ..."). Nothing for an
/// actor that is only the topic or the victim ("fraud charges against X",
/// "the persecution of X", "X was misled"). The statement's words start
/// at token `lo`.
fn blame_target(inp: &Input<'_, '_>, s: usize, c: usize, lo: usize) -> Vec<(usize, &'static str)> {
    let toks = &inp.sents[s].toks;
    let lex = inp.lex;
    let cue = &toks[c];
    // a word of a name ("the Serious Fraud Office") or a denied one ("not wrong")
    if inp.mentions[s].iter().any(|m| m.start <= c && c < m.end)
        || (c > 0 && toks[c - 1].is_exactly(WordClass::CriticismNegation))
    {
        return Vec::new();
    }
    // "no one thinks X was wrong", "X denied that Y lied": the blame is denied
    let clause = (lo.min(c)..c)
        .rev()
        .find(|&x| clause_break(&toks[x]))
        .map_or(lo.min(c), |x| x + 1);
    if toks[clause..c]
        .iter()
        .any(|t| t.is_exactly(WordClass::CriticismNegation) || t.in_class(WordClass::Negation))
    {
        return Vec::new();
    }
    let noun = cue.pos == Upos::Noun;
    let next = toks.get(c + 1);
    // a noun of blame that only qualifies another ("fraud charges") names no act
    let head = !noun || !next.is_some_and(|t| t.is_word() && !t.cap && t.pos == Upos::Noun);
    // "interference from X", "misled by X", "intrusions coming from X"
    if head && (noun || cue.pos == Upos::Verb) {
        let mut p = c + 1;
        if noun
            && toks
                .get(p)
                .is_some_and(|t| t.pos == Upos::Verb && t.lower.ends_with("ing"))
        {
            p += 1;
        }
        if toks
            .get(p)
            .is_some_and(|t| t.in_class(WordClass::BlameAgentPreposition))
            && let Some(e) = actor_opening(inp, s, p + 1)
        {
            return vec![(e, "accused.blame-agent")];
        }
    }
    // "the failure of X"
    if noun
        && lex.is_criticism_of(cue.lower)
        && next.is_some_and(|t| t.in_class(WordClass::BlameOfPreposition))
        && let Some(e) = actor_opening(inp, s, c + 2)
    {
        return vec![(e, "accused.blame-of")];
    }
    // "X's botched plan", "X's incompetence", "their reckless plan": the owner
    if head && matches!(cue.pos, Upos::Noun | Upos::Adj | Upos::Verb) {
        let mut k = c;
        while k > 0 && c - k < 3 && {
            let t = &toks[k - 1];
            t.is_word() && !t.cap && matches!(t.pos, Upos::Adj | Upos::Adv | Upos::Noun)
        } {
            k -= 1;
        }
        if k > 0 && toks[k - 1].is_possessive() {
            return actor_ending(inp, s, k - 1)
                .map(|e| (e, "accused.blame-possessor"))
                .into_iter()
                .collect();
        }
        // "his desperate bid": the subject of the clause the pronoun is in
        if k > 0 && toks[k - 1].in_class(WordClass::PossessiveDeterminer) {
            let Some(v) = predicate_verb(toks, k - 1) else {
                return Vec::new();
            };
            let (j, negated, _) = verb_chain(lex, toks, v);
            if negated {
                return Vec::new();
            }
            return clause_subjects(inp, s, j)
                .into_iter()
                .map(|e| (e, "accused.blame-possessive-pronoun"))
                .collect();
        }
    }
    // the predicate: "X has bungled", "X is incompetent", "X is a disgrace",
    // "X has a dismal record"; "it is shameful that X has ..."
    let Some(v) = predicate_verb(toks, c) else {
        return Vec::new();
    };
    let (j, negated, be) = verb_chain(lex, toks, v);
    if negated {
        return Vec::new();
    }
    let linking = |t: &Tok<'_>| {
        lex.word_in(WordClass::PassiveAuxiliary, t.lower)
            || lex.word_in(WordClass::HaveForm, t.lower)
    };
    let fits = if v == c || (cue.pos == Upos::Verb && c > 0 && toks[c - 1].in_class(WordClass::To))
    {
        // an act of blame done, not suffered ("X was misled")
        cue.pos == Upos::Verb && (!be || cue.lower.ends_with("ing"))
    } else {
        // the complement right after the linking verb: only adverbs, determiners, adjectives between
        linking(&toks[v])
            && toks[v + 1..c]
                .iter()
                .all(|t| matches!(t.pos, Upos::Adv | Upos::Det | Upos::Adj) || t.is_quote())
            && (cue.pos == Upos::Adj || (noun && head))
            && (lex.word_in(WordClass::PassiveAuxiliary, toks[v].lower) || cue.pos == Upos::Adj)
    };
    if !fits {
        return Vec::new();
    }
    // "it is damning that X has ..."
    if j > 0
        && toks[j - 1].pos == Upos::Pron
        && !toks[j - 1].in_class(WordClass::ClauseRelative)
        && !toks[j - 1].is_he_or_she()
    {
        let that = c + 1;
        if toks
            .get(that)
            .is_some_and(|t| t.in_class(WordClass::Complementizer))
            && let Some(e) = actor_opening(inp, s, that + 1)
        {
            return vec![(e, "accused.blame-that-clause")];
        }
        return Vec::new();
    }
    // "X has noted the problem but failed to act": the first verb's subject
    let mut j = j;
    while j > lo && toks[j - 1].pos == Upos::Cconj {
        let from = (lo..j - 1)
            .rev()
            .find(|&x| clause_break(&toks[x]))
            .map_or(lo, |x| x + 1);
        let Some(w) = (from..j - 1).find(|&x| matches!(toks[x].pos, Upos::Verb | Upos::Aux)) else {
            break;
        };
        j = verb_chain(lex, toks, w).0;
    }
    clause_subjects(inp, s, j)
        .into_iter()
        .map(|e| (e, "accused.blame-subject"))
        .collect()
}

/// True when token `v` lies inside quoted words (what someone said, not what the article says).
fn in_statement_quote(inp: &Input<'_, '_>, s: usize, v: usize) -> bool {
    super::quote::inside(inp.quotes, inp.sents[s].toks[v].span.start)
}

/// True when the words after a name that ends at token `end` make it only
/// the affiliation of one person ("Britain's coach", "the Tory leader"):
/// that person is meant, not the name (while "Chinese officials" stand for
/// China, as GUIDE.md credits a group to the body it serves).
fn qualifies_people(inp: &Input<'_, '_>, s: usize, end: usize) -> bool {
    let toks = &inp.sents[s].toks;
    let mut j = end;
    if toks.get(j).is_some_and(|t| t.is_possessive()) {
        j += 1;
    }
    let mut last = None;
    while j < toks.len() && j < end + 5 && matches!(toks[j].pos, Upos::Adj | Upos::Noun) {
        last = Some(j);
        j += 1;
    }
    last.is_some_and(|h| inp.lex.is_title_head(toks[h].lower))
}

/// The actors an accusation verb's object names in tokens `a..b`: the
/// phrases at its start, joined by "and" or commas ("accused X and Y of"),
/// or their owners ("criticised X's plan"); not the names inside a
/// phrase ("the rivalry on X's show"), a title's affiliation ("the Acme
/// chief Ann Lee" is Ann Lee) or the owner of people ("X's officials").
fn accused_in(inp: &Input<'_, '_>, s: usize, a: usize, b: usize) -> Vec<usize> {
    let toks = &inp.sents[s].toks;
    let ms = &inp.mentions[s];
    let mut out = Vec::new();
    let mut at = a;
    // "criticised "extravagant" Tory promises", "both the chancellor and ..."
    let mut quoted = false;
    while at < b
        && at < a + 4
        && !ms.iter().any(|m| m.titled_start == at || m.start == at)
        && (toks[at].pos == Upos::Det
            || toks[at].is_quote()
            || (toks[at].is_word()
                && !toks[at].cap
                && (quoted || matches!(toks[at].pos, Upos::Adj | Upos::Adv))))
    {
        quoted ^= toks[at].is_quote();
        at += 1;
    }
    // the next name each time, the longest of those that start together
    while let Some((k, m)) = ms
        .iter()
        .enumerate()
        .filter(|(_, m)| m.nominal.is_none() && m.start >= at && m.end <= b)
        .min_by_key(|(_, m)| (m.titled_start.max(at), usize::MAX - m.end))
    {
        let person = inp.ents.of[s][k].is_some_and(|e| entity_kind(inp, e) == NodeKind::Person);
        // "the prime minister and Mr Roe", "referee Tom Hale": unnamed titles may sit in the list
        let gap = &toks[at..m.titled_start.max(at)];
        let joined = gap.iter().all(|t| {
            t.in_class(WordClass::Coordinator)
                || t.text == ","
                || t.pos == Upos::Det
                || t.is_quote()
                || inp.lex.is_title_head(t.lower)
                || inp.lex.is_title_modifier(t.lower)
                || (person && t.is_word() && !t.cap && matches!(t.pos, Upos::Noun | Upos::Adj))
        });
        if !joined {
            break;
        }
        at = m.end;
        if ms.iter().any(|o| o.affiliation == Some(k)) || qualifies_people(inp, s, m.end) {
            continue;
        }
        if let Some(e) = inp.ents.of[s][k]
            && !out.contains(&e)
        {
            out.push(e);
        }
        // past the owned phrase: "X's record and Y's plans"
        let mut j = at;
        if toks.get(j).is_some_and(|t| t.is_possessive()) {
            j += 1;
            while j < b
                && toks[j].is_word()
                && !toks[j].cap
                && matches!(toks[j].pos, Upos::Adj | Upos::Noun)
            {
                j += 1;
            }
        }
        at = j;
    }
    out
}

/// The entities of the mentions inside tokens `a..b` of sentence `s`.
fn entities_in(inp: &Input<'_, '_>, s: usize, a: usize, b: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, m) in inp.mentions[s].iter().enumerate() {
        if m.start >= a
            && m.end <= b
            && m.nominal.is_none()
            && let Some(e) = inp.ents.of[s][k]
            && !out.contains(&e)
        {
            out.push(e);
        }
    }
    out
}

/// As [`entities_in`], leaving out the nations and organizations that only
/// qualify a person's title ("Chilean Fisheries Minister Tomas Araya").
fn people_in(inp: &Input<'_, '_>, s: usize, a: usize, b: usize) -> Vec<usize> {
    let ms = &inp.mentions[s];
    let mut out = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        let qualifies = ms.iter().any(|o| o.affiliation == Some(k));
        let inside = m.start >= a && m.end <= b && m.nominal.is_none();
        if let Some(e) = inp.ents.of[s][k].filter(|e| inside && !qualifies && !out.contains(e)) {
            out.push(e);
        }
    }
    out
}

/// The names that qualify a meeting or report noun at `head` whose phrase
/// starts at `a` ("the EU summit", "a China Daily report"), with the token
/// where each ends. A name may take the phrase's article as its own ("The
/// Oxfam report" opening a sentence reads "The Oxfam" as the name).
fn modifiers(inp: &Input<'_, '_>, s: usize, a: usize, head: usize) -> Vec<(usize, usize)> {
    let toks = &inp.sents[s].toks;
    let from = match a.checked_sub(1) {
        Some(d) if toks[d].in_class(WordClass::Article) => d,
        _ => a,
    };
    inp.mentions[s]
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start >= from && m.end > a && m.end <= head && m.nominal.is_none())
        .filter_map(|(k, m)| inp.ents.of[s][k].map(|e| (m.end, e)))
        .collect()
}

/// The person who opened the latest sentence before `s` that a person opened
/// (affiliations like "Swedish" in "Swedish Prime Minister Sarah Lind" skipped).
fn last_subject_person(inp: &Input<'_, '_>, s: usize) -> Option<usize> {
    (0..s).rev().find_map(|p| {
        let ms = &inp.mentions[p];
        let k = (0..ms.len())
            .find(|&k| ms[k].nominal.is_none() && !ms.iter().any(|o| o.affiliation == Some(k)))?;
        inp.ents.of[p][k].filter(|&e| entity_kind(inp, e) == NodeKind::Person)
    })
}

/// The subjects of sentence `s`: the actors named at its start (or after
/// "that"), joined by "and" or commas; "he"/"she" is the last person who
/// opened a sentence.
fn sentence_subjects(inp: &Input<'_, '_>, s: usize) -> Vec<usize> {
    let opening = inp.sents[s]
        .toks
        .iter()
        .position(|t| t.in_class(WordClass::Complementizer))
        .map_or(0, |p| p + 1);
    subjects_from(inp, s, opening)
}

/// The subjects of the clause of sentence `s` that opens at token
/// `opening` (or at the sentence's start), as [`sentence_subjects`].
fn subjects_from(inp: &Input<'_, '_>, s: usize, opening: usize) -> Vec<usize> {
    let toks = &inp.sents[s].toks;
    let ms = &inp.mentions[s];
    let lex = inp.lex;
    if toks.first().is_some_and(|t| t.is_he_or_she())
        || toks
            .get(opening)
            .is_some_and(|t| opening > 0 && t.is_he_or_she())
    {
        return last_subject_person(inp, s).into_iter().collect();
    }
    // "India's oil minister Mr Rao": the owner of the next person's title
    let owns_title = |k: usize, m: &Mention| {
        let after = if toks.get(m.end).is_some_and(|t| t.is_possessive()) {
            m.end + 1
        } else if toks[m.end - 1].is_possessive() {
            m.end
        } else {
            return false;
        };
        // "petroleum minister Mr": lower-case words and title words, a title head among them
        ms.get(k + 1).is_some_and(|o| {
            let between = &toks[after..o.start.max(after)];
            o.nominal.is_none()
                && between.iter().any(|t| lex.is_title_head(t.lower))
                && between.iter().all(|t| {
                    t.is_word() && (!t.cap || lex.is_title_word(t.lower) || lex.is_honorific(t.text))
                })
        })
    };
    // a mention that only modifies ("The Indian firm") or is a title's affiliation is not a subject
    let modifier = |m: &Mention| {
        toks.get(m.end).is_some_and(|t| {
            let l = t.lower;
            t.is_word()
                && !t.cap
                && !lex.word_in(WordClass::FunctionWord, l)
                && !super::nominal::is_verb_like(l, lex)
        }) || ms
            .iter()
            .any(|o| o.affiliation.is_some() && o.titled_start == m.start && o.start > m.start)
    };
    let mut out = Vec::new();
    let mut next = None::<usize>;
    for (k, m) in ms.iter().enumerate() {
        // "Papers said ...": a capitalised word that names nothing is not a subject
        if m.nominal.is_some() || modifier(m) || owns_title(k, m) || inp.ents.of[s][k].is_none() {
            continue;
        }
        let at = match k.checked_sub(1) {
            Some(o) if owns_title(o, &ms[o]) => ms[o].titled_start,
            _ => m.titled_start,
        };
        let starts = match next {
            None => at <= 2 || (opening > 0 && at >= opening && at <= opening + 2),
            Some(n) => {
                at <= n + 2
                    && toks[n.min(at)..at].iter().all(|t| {
                        t.in_class(WordClass::Coordinator)
                            || t.text == ","
                            || t.is_word() && !t.cap && lex.is_title_head(t.lower)
                            || lex.is_title_modifier(t.lower)
                            || t.is_possessive()
                    })
            }
        };
        if !starts {
            if next.is_some() {
                break;
            }
            continue;
        }
        if let Some(e) = inp.ents.of[s][k].filter(|&e| is_actor(inp, e)) {
            out.push(e);
        }
        next = Some(m.end);
    }
    out
}

/// Meetings people attend: "a meeting between X and Y", "X's talks with Y",
/// "X will attend the summit", "X hosted the conference", "X is at a summit".
fn meetings(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    let lex = inp.lex;
    for (k, m) in inp.mentions[s].iter().enumerate() {
        let (Kind::Meeting, Some(n), Some(meeting)) = (&m.kind, &m.nominal, inp.ents.of[s][k])
        else {
            continue;
        };
        let mut attendees: Vec<(usize, &'static str)> = Vec::new();
        let mut add = |es: Vec<usize>, rule: &'static str| {
            attendees.extend(es.into_iter().map(|e| (e, rule)));
        };
        // between X and Y / with X
        let mut pp_start = n.head + 1;
        for &pp_end in &n.pp_ends {
            if toks[pp_start].in_class(WordClass::AttendeePreposition) {
                add(
                    people_in(inp, s, pp_start + 1, pp_end),
                    "attends.meeting-between",
                );
            }
            pp_start = pp_end;
        }
        // X's talks, the EU summit, the World Economic Forum meeting (a nation before
        // the noun is where it happens: "a China trip")
        for (j, e) in modifiers(inp, s, m.start, n.head) {
            let possessive = toks.get(j).is_some_and(|t| t.is_possessive());
            if possessive || entity_kind(inp, e) != NodeKind::Nation {
                add(vec![e], "attends.meeting-modifier");
            }
        }
        // X met / attended / hosted / held ... the meeting; X is at the summit
        let before = m.start.saturating_sub(n.determiner.is_some() as usize);
        // "flew to the summit": the meeting right after "to"
        let travel = |v: usize| {
            toks[v].in_class(WordClass::TravelVerb)
                && v + 2 == before
                && toks[v + 1].in_class(WordClass::To)
        };
        let cue = (before.saturating_sub(5)..before).rev().find(|&v| {
            let l = toks[v].lower;
            lex.verb(l).is_some_and(|(c, _)| c == VerbClass::Meet)
                || lex.word_in(WordClass::HoldForm, l)
                || lex.word_in(WordClass::AttendPreposition, l)
                || lex.word_in(WordClass::AttendVerb, l)
                || travel(v)
        });
        // "At the summit on Friday, X said": a fronted phrase, whose
        // clause opens after its comma
        let fronted = |v: usize| {
            (v == 0 && toks.get(n.extent).is_some_and(|t| t.text == ",")).then_some(n.extent + 1)
        };
        let speaker = speech_at_meeting(inp, s, before, n);
        let speech = !speaker.is_empty();
        add(speaker, "attends.speech-at-meeting");
        if let Some(v) = cue.filter(|_| !speech) {
            // "X is at the summit": the sentence's subjects; "X attended": the verb's
            if toks[v].in_class(WordClass::AttendPreposition) {
                match fronted(v) {
                    Some(opening) => {
                        add(subjects_from(inp, s, opening), "attends.at-meeting-fronted")
                    }
                    None => add(sentence_subjects(inp, s), "attends.at-meeting"),
                }
                // "X was joined at the summit by Y and Z": the passive's agents come too
                let end = n.extent;
                if v > 0
                    && toks[..v]
                        .iter()
                        .any(|t| t.is_exactly(WordClass::PassiveAuxiliary))
                    && toks
                        .get(end)
                        .is_some_and(|t| t.in_class(WordClass::PassiveAgent))
                {
                    let stop = (end + 1..toks.len())
                        .find(|&j| matches!(toks[j].text, "," | "." | ";" | ":"))
                        .unwrap_or(toks.len());
                    add(people_in(inp, s, end + 1, stop), "attends.at-meeting-agent");
                }
            } else if travel(v) {
                add(
                    subject(inp, s, v).map(|x| x.0).into_iter().collect(),
                    "attends.travel-to-meeting",
                );
            } else if let Some((e, _)) = subject(inp, s, v) {
                add(vec![e], "attends.subject-verb-meeting");
            } else if v > 0
                && toks[v].lower.ends_with("ing")
                && matches!(toks[v - 1].pos, Upos::Adp | Upos::Sconj)
            {
                // "X will tour the port before chairing a meeting": the clause's subject
                add(sentence_subjects(inp, s), "attends.participle-meeting");
            }
            if toks[v].in_class(WordClass::MeetForm) {
                add(
                    entities_in(inp, s, v + 1, before),
                    "attends.met-object-meeting",
                );
            }
        }
        for (e, rule) in actors(inp, attendees) {
            out.push(rel(
                e,
                EdgeKind::Attends,
                meeting,
                false,
                s,
                toks[n.head].text,
                rule,
            ));
        }
    }
}

/// Who gives a speech to the meeting that starts at token `before` (its
/// determiner included): "his speech at the conference" (the clause's
/// subject, when it is a person), "Ann Lee's address
/// to the rally", "an address to the summit from X", "In a speech to the
/// conference, X said".
fn speech_at_meeting(
    inp: &Input<'_, '_>,
    s: usize,
    before: usize,
    n: &super::mention::Nominal,
) -> Vec<usize> {
    let toks = &inp.sents[s].toks;
    let prep = |t: &Tok<'_>| t.in_class(WordClass::AttendPreposition) || t.in_class(WordClass::To);
    if before < 2 || !prep(&toks[before - 1]) || !toks[before - 2].in_class(WordClass::SpeechNoun) {
        return Vec::new();
    }
    // "an address to the summit from X": the speaker after the meeting's name
    let mut pp_start = n.head + 1;
    for &pp_end in &n.pp_ends {
        let t = &toks[pp_start];
        if t.in_class(WordClass::PassiveAgent) || t.in_class(WordClass::SpeechFrom) {
            return people_in(inp, s, pp_start + 1, pp_end);
        }
        pp_start = pp_end;
    }
    // the owner before the speech noun, over its adjectives ("his upbeat speech")
    let mut j = before - 2;
    while j > 0 && toks[j - 1].is_word() && !toks[j - 1].cap && toks[j - 1].pos == Upos::Adj {
        j -= 1;
    }
    let ms = &inp.mentions[s];
    // "In his speech to the conference, X said": the subject after the fronted phrase
    let fronted = j <= 3 && toks.get(n.extent).is_some_and(|t| t.text == ",");
    if j > 0 && toks[j - 1].in_class(WordClass::OwnDeterminer) && toks[j - 1].lower != "its" {
        let subjects = if fronted {
            subjects_from(inp, s, n.extent + 1)
        } else {
            sentence_subjects(inp, s)
        };
        return subjects
            .into_iter()
            .filter(|&e| entity_kind(inp, e) == NodeKind::Person)
            .collect();
    }
    // "Ann Lee's address": the possessive is its own token or ends the name
    let owner = j
        .checked_sub(1)
        .filter(|&p| toks[p].is_possessive())
        .and_then(|p| {
            let k = ms
                .iter()
                .position(|m| m.nominal.is_none() && (m.end == p || m.end == j))?;
            inp.ents.of[s][k]
        });
    if let Some(e) = owner {
        return vec![e];
    }
    if fronted {
        return subjects_from(inp, s, n.extent + 1);
    }
    Vec::new()
}

/// Reports and who wrote them: "a report by X", "X's study", "a China Daily
/// report", "a study from X", "in his pre-budget review"; and who cites them.
fn reports(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    for (k, m) in inp.mentions[s].iter().enumerate() {
        let (Kind::Report, Some(n), Some(report)) = (&m.kind, &m.nominal, inp.ents.of[s][k]) else {
            continue;
        };
        let mut authors: Vec<(usize, &'static str)> = Vec::new();
        if toks
            .get(n.head + 1)
            .is_some_and(|t| t.in_class(WordClass::AuthorPreposition))
        {
            authors.extend(
                entities_in(inp, s, n.head + 2, n.extent)
                    .into_iter()
                    .take(3)
                    .map(|e| (e, "authored_by.report-by")),
            );
        }
        // "X's study", "a China Daily report"
        authors.extend(
            modifiers(inp, s, m.start, n.head)
                .into_iter()
                .map(|(_, e)| (e, "authored_by.report-modifier")),
        );
        // "his pre-budget review": the person just named
        if n.determiner
            .as_deref()
            .is_some_and(|d| inp.lex.word_in(WordClass::PossessiveDeterminer, d))
        {
            let prev = inp.mentions[s]
                .iter()
                .enumerate()
                .filter(|(_, p)| p.end < m.start && p.nominal.is_none())
                .max_by_key(|(_, p)| p.end)
                .and_then(|(j, _)| inp.ents.of[s][j]);
            authors.extend(prev.map(|e| (e, "authored_by.possessive-pronoun")));
        }
        // "X said in a statement/its report that ...": the speaker's own
        // document, unless another wrote it ("X said in a Daily Post report")
        let before = m.start.saturating_sub(n.determiner.is_some() as usize);
        if let Some(v) = before.checked_sub(2).filter(|&v| {
            authors.is_empty()
                && toks[v + 1].in_class(WordClass::DocumentPreposition)
                && inp
                    .lex
                    .verb(toks[v].lower)
                    .is_some_and(|(c, _)| c == VerbClass::Speech)
        }) {
            authors.extend(subject(inp, s, v).map(|(e, _)| (e, "authored_by.said-in-document")));
        }
        for (a, rule) in actors(inp, authors) {
            out.push(rel(
                report,
                EdgeKind::AuthoredBy,
                a,
                false,
                s,
                toks[n.head].text,
                rule,
            ));
        }
        // "X, citing a report ...", "X cited the report", "X referred to the study"
        let verb = (before.saturating_sub(4)..before).rev().find(|&v| {
            inp.lex
                .verb(toks[v].lower)
                .is_some_and(|(c, _)| c == VerbClass::Cite)
        });
        if let Some(v) = verb {
            // "X, citing a report": the subject before the comma
            let src = subject(inp, s, v)
                .map(|x| (x.0, "cites.verb-report"))
                .or_else(|| {
                    (v > 0 && toks[v - 1].text == ",")
                        .then(|| subject(inp, s, v - 1).map(|x| (x.0, "cites.participle-report")))
                        .flatten()
                });
            if let Some((src, rule)) = src {
                out.push(rel(
                    src,
                    EdgeKind::Cites,
                    report,
                    false,
                    s,
                    toks[v].text,
                    rule,
                ));
            }
        }
    }
}

/// The organization a sentence-initial "It" stands for: the last
/// organization that opened a sentence ("The Guardian cited ... It quoted ...").
fn it_subject(inp: &Input<'_, '_>, s: usize) -> Option<usize> {
    (s.saturating_sub(3)..s).rev().find_map(|p| {
        let k = inp.mentions[p]
            .iter()
            .position(|m| m.nominal.is_none() && m.titled_start <= 1)?;
        inp.ents.of[p][k].filter(|&e| entity_kind(inp, e) == NodeKind::Organization)
    })
}

/// "X quoted Y as saying", "X cited Y", "It quoted critics like A and B",
/// "According to Y, quoting X", "a letter seen by X".
fn cites(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    for v in 0..toks.len() {
        let l = toks[v].lower;
        // "a leaked letter seen by Sky News": the outlet cites the document
        if toks[v].in_class(WordClass::DocumentVerb)
            && toks
                .get(v + 1)
                .is_some_and(|t| t.in_class(WordClass::PassiveAgent))
        {
            let doc = inp.mentions[s]
                .iter()
                .enumerate()
                .find(|(_, m)| m.end == v && m.kind == Kind::Report)
                .and_then(|(k, _)| inp.ents.of[s][k]);
            if let (Some(doc), Some(src)) = (doc, object(inp, s, v + 2, v + 5)) {
                let r = "cites.document-seen-by";
                out.push(rel(src, EdgeKind::Cites, doc, false, s, l, r));
            }
            continue;
        }
        if !inp.lex.verb(l).is_some_and(|(c, _)| c == VerbClass::Cite) {
            continue;
        }
        let ms = &inp.mentions[s];
        // "citing a report by X": the report is the one cited (see `reports`)
        if ms
            .iter()
            .any(|m| m.kind == Kind::Report && m.start > v && m.start <= v + 3)
        {
            continue;
        }
        // the object's clause: not a relative clause inside it ("the ruling which found X")
        let end = (v + 1..toks.len())
            .find(|&j| {
                matches!(toks[j].text, "." | ";" | ":")
                    || toks[j].is_quote()
                    || (toks[j].pos == Upos::Pron && toks[j].in_class(WordClass::ClauseRelative))
            })
            .unwrap_or(toks.len());
        let end = end.min(v + 16);
        // passive: "X was quoted in the Gazette", "X was quoted as saying by Reuters" -- the
        // outlet after "in" or "by" cites X; with no outlet named, nobody is known to cite
        let outlet_preposition = |t: &Tok<'_>| {
            t.in_class(WordClass::PassiveAgent) || t.in_class(WordClass::DocumentPreposition)
        };
        if v > 0 && toks[v - 1].is_exactly(WordClass::PassiveAuxiliary) {
            let cited = subject(inp, s, v).map(|x| x.0);
            // an outlet is a body or a person: "quoted in a French paper" is not France
            let outlet = (v + 1..end)
                .filter(|&j| outlet_preposition(&toks[j]))
                .find_map(|j| object(inp, s, j + 1, j + 4))
                .filter(|&e| {
                    matches!(
                        entity_kind(inp, e),
                        NodeKind::Organization | NodeKind::Person
                    )
                });
            if let (Some(cited), Some(outlet)) = (cited, outlet)
                && cited != outlet
            {
                let r = "cites.passive-agent";
                out.push(rel(outlet, EdgeKind::Cites, cited, false, s, l, r));
            }
            continue;
        }
        // "an official quoted in the Gazette": a reduced passive, whose cited one is
        // further back than the grammar here reads
        if toks.get(v + 1).is_some_and(outlet_preposition) {
            continue;
        }
        // people and bodies named, not the possessives and affiliations that qualify them
        let mut dsts: Vec<usize> = Vec::new();
        for (k, m) in ms.iter().enumerate() {
            // a name that qualifies a noun ("ABC affiliates' refusal", "the Xbox game"),
            // or follows "of" a thing ("the success of the Xbox"), is not what is cited
            let j = with_determiner(toks, m.titled_start);
            let of_thing = j >= 2
                && toks[j - 1].lower == "of"
                && toks[j - 2].pos == Upos::Noun
                && !inp.lex.is_title_head(toks[j - 2].lower);
            let qualifies = toks.get(m.end).is_some_and(|t| t.is_possessive())
                || ms.iter().any(|o| o.affiliation == Some(k))
                || toks
                    .get(m.end)
                    .is_some_and(|t| t.is_word() && !t.cap && t.pos == Upos::Noun)
                || of_thing;
            if m.start <= v || m.end > end || m.nominal.is_some() || qualifies {
                continue;
            }
            if let Some(e) = inp.ents.of[s][k].filter(|&e| {
                matches!(
                    entity_kind(inp, e),
                    NodeKind::Person | NodeKind::Organization | NodeKind::Nation
                )
            }) && !dsts.contains(&e)
            {
                dsts.push(e);
            }
        }
        // only the first name, unless a list follows ("critics like A and B")
        if !toks[v + 1..end]
            .iter()
            .any(|t| t.in_class(WordClass::ListOpener))
        {
            dsts.truncate(1);
        }
        let src = subject(inp, s, v)
            .map(|x| (x.0, "cites.verb-object"))
            .or_else(|| {
                // "Yonhap news agency, quoting X"
                (v > 0 && toks[v - 1].text == ",")
                    .then(|| nearest_before(inp, s, v - 1).map(|e| (e, "cites.participle-object")))
                    .flatten()
            })
            .or_else(|| {
                // "It quoted X": the organization that last opened a sentence
                (v == 1 && toks[0].in_class(WordClass::NeuterPronoun))
                    .then(|| it_subject(inp, s).map(|e| (e, "cites.it-verb-object")))
                    .flatten()
            });
        if let Some((src, rule)) = src {
            for dst in dsts {
                if src != dst {
                    out.push(rel(src, EdgeKind::Cites, dst, false, s, l, rule));
                }
            }
        }
    }
}

/// The entity named within three tokens before token `end` ("Yonhap news agency, quoting ...").
fn nearest_before(inp: &Input<'_, '_>, s: usize, end: usize) -> Option<usize> {
    inp.mentions[s]
        .iter()
        .enumerate()
        .filter(|(_, m)| m.nominal.is_none() && m.end <= end && m.end + 3 >= end)
        .max_by_key(|(_, m)| m.end)
        .and_then(|(k, _)| inp.ents.of[s][k])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{said, with_input};

    /// The relations of an article body, as `source -kind-> target [rule]`
    /// (`-kind!->` when negated): those of [`find`], then of [`from_statements`].
    fn relations(body: &str) -> Vec<String> {
        let text = format!("Fish talks\n\n{body}\n");
        with_input(&text, |inp| {
            let statements = said::find(inp);
            let mut rs = find(inp);
            rs.extend(from_statements(inp, &statements));
            rs.iter()
                .map(|r| {
                    let name = |e: usize| inp.ents.list[e].name.clone();
                    let neg = if r.negated { "!" } else { "" };
                    let (s, k, t) = (name(r.source), r.kind.as_str(), name(r.target));
                    format!("{s} -{k}{neg}-> {t} [{}]", r.rule)
                })
                .collect()
        })
    }

    /// One row per rule: an article in wire style and a relation it must yield.
    const FOUND: &[(&str, &str)] = &[
        // member_of
        (
            "Norwegian Fisheries Minister Ola Berg said the quota would stay.",
            "Ola Berg -member_of-> Norway [member_of.affiliation-title]",
        ),
        (
            "Greenpeace's director, Jane Lind, said the fleet was too large.",
            "Jane Lind -member_of-> Greenpeace [member_of.possessive-title]",
        ),
        (
            "Jane Lind, a spokeswoman for Greenpeace, said the fleet was too large.",
            "Jane Lind -member_of-> Greenpeace [member_of.apposition]",
        ),
        (
            "Ana Ruiz, from the UK's Human Rights Watch, said the ban should stay.",
            "Ana Ruiz -member_of-> Human Rights Watch [member_of.apposition]",
        ),
        (
            "Ali Khan of Greenpeace said the fleet was too large.",
            "Ali Khan -member_of-> Greenpeace [member_of.name-of]",
        ),
        // a hyphenated title: a modifier and a head
        (
            "Tom Reyes, the vice-chairman of Greenpeace, said the fleet was too large.",
            "Tom Reyes -member_of-> Greenpeace [member_of.apposition]",
        ),
        // "and" between lower-case words inside the title
        (
            "Ana Ruiz, a professor of economics and law at Oxford University, said prices would rise.",
            "Ana Ruiz -member_of-> Oxford University [member_of.apposition]",
        ),
        // coordinated nouns in a possessive title
        (
            "Chile's fisheries and ports minister Rosa Vidal said the quota would stay.",
            "Rosa Vidal -member_of-> Chile [member_of.possessive-title]",
        ),
        // a title and its body before the name, with or without a comma
        (
            "The chairman of Greenpeace, Jane Lind, said the fleet was too large.",
            "Jane Lind -member_of-> Greenpeace [member_of.title-of-before]",
        ),
        (
            "Speaking in Oslo, chief executive of Greenpeace Ola Berg said the fleet was too large.",
            "Ola Berg -member_of-> Greenpeace [member_of.title-of-before]",
        ),
        // a government office with no nation: the nation the article is about
        (
            "Norway will cut the cod quota. Fisheries Minister Ola Berg said the fleet was too large.",
            "Ola Berg -member_of-> Norway [member_of.home-nation]",
        ),
        (
            "Iceland's ports are full. Prime Minister Anna Sig said the boats would stay.",
            "Anna Sig -member_of-> Iceland [member_of.home-nation]",
        ),
        // the owner of a title is not the subject, nor a capital that names nothing ("Papers")
        (
            "Papers said that Norway's fisheries minister Mr Berg and Icelandic trade minister Anna Sig would discuss the fleet at a meeting on Tuesday.",
            "Berg -attends-> meeting on Tuesday [attends.at-meeting]",
        ),
        // a book is a document
        (
            "Ministers faced anger over claims made in journalist Tom Lind's new book.",
            "Tom Lind's new book -authored_by-> Tom Lind [authored_by.report-modifier]",
        ),
        // a speech to the meeting: its owner, its "from", or the subject after it
        (
            "Ola Berg ended the week with a tour of the coast and his speech at the Fish Council conference in Bergen.",
            "Ola Berg -attends-> Fish Council conference in Bergen [attends.speech-at-meeting]",
        ),
        (
            "Anna Sig will miss an address to the Bergen summit from Norwegian fisheries minister Ola Berg.",
            "Ola Berg -attends-> Bergen summit from Norwegian fisheries minister Ola Berg [attends.speech-at-meeting]",
        ),
        (
            "In a short speech to the Fish Council's annual conference in Bergen, Ola Berg said the fleet would grow.",
            "Ola Berg -attends-> Fish Council's annual conference in Bergen [attends.speech-at-meeting]",
        ),
        // a participle after a preposition takes the clause's subject
        (
            "Ola Berg will tour the coast before chairing a meeting of the Fish Council in Bergen.",
            "Ola Berg -attends-> meeting of the Fish Council in Bergen [attends.participle-meeting]",
        ),
        // accused
        (
            "Norway accused Iceland of overfishing in the North Atlantic.",
            "Norway -accused-> Iceland [accused.verb-object]",
        ),
        (
            "Iceland has hit back, accusing Norway of breaking the deal.",
            "Iceland -accused-> Norway [accused.participle-object]",
        ),
        (
            "Norway was accused by Iceland of breaking the deal.",
            "Iceland -accused-> Norway [accused.passive-agent]",
        ),
        (
            "Iceland blamed the collapse of the talks on Norway.",
            "Iceland -accused-> Norway [accused.blame-on]",
        ),
        (
            "Norway defended the quota, which Iceland has criticised.",
            "Iceland -accused-> Norway [accused.relative-clause]",
        ),
        (
            "Iceland did not accuse Norway of breaking the deal.",
            "Iceland -accused!-> Norway [accused.verb-object]",
        ),
        (
            "Iceland rejected claims that it had blamed Norway for the collapse.",
            "Iceland -accused!-> Norway [accused.denied-claim]",
        ),
        (
            "Iceland branded Norway reckless over the quota.",
            "Iceland -accused-> Norway [accused.labelled-as-blame]",
        ),
        (
            "Iceland described Norway's quota plan as a shambles.",
            "Iceland -accused-> Norway [accused.labelled-as-blame]",
        ),
        (
            "Allegations by Iceland against Norway have soured the talks.",
            "Iceland -accused-> Norway [accused.accusation-noun]",
        ),
        (
            "Iceland's accusation that Norway had broken the deal was rejected.",
            "Iceland -accused-> Norway [accused.accusation-noun]",
        ),
        (
            "Criticism of Norway from Iceland grew on Monday.",
            "Iceland -accused-> Norway [accused.accusation-noun]",
        ),
        (
            "Ola Berg defended the quota but Jane Lind said he had bungled the talks.",
            "Jane Lind -accused-> Ola Berg [accused.blame-subject]",
        ),
        (
            "Jane Lind said Norway had bungled the quota talks.",
            "Jane Lind -accused-> Norway [accused.blame-subject]",
        ),
        (
            "Jane Lind said Norway's fisheries plan was irresponsible.",
            "Jane Lind -accused-> Norway [accused.blame-subject]",
        ),
        (
            "Ali Khan said the fleets of Iceland and Norway have been reckless.",
            "Ali Khan -accused-> Norway [accused.blame-subject]",
        ),
        (
            "Jane Lind said it was shameful that Norway had ignored the warnings.",
            "Jane Lind -accused-> Norway [accused.blame-that-clause]",
        ),
        (
            "Jane Lind said the collapse showed Norway's incompetence.",
            "Jane Lind -accused-> Norway [accused.blame-possessor]",
        ),
        (
            "Ali Khan said the talks had stalled because of the arrogance of Norway.",
            "Ali Khan -accused-> Norway [accused.blame-of]",
        ),
        (
            "Ali Khan said the fleet had suffered from interference by Norway.",
            "Ali Khan -accused-> Norway [accused.blame-agent]",
        ),
        (
            "Jane Lind said Norway was pushing ahead with its reckless quota plan.",
            "Jane Lind -accused-> Norway [accused.blame-possessive-pronoun]",
        ),
        // attends
        (
            "The talks between Norway and Iceland will resume on Monday.",
            "Iceland -attends-> talks between Norway and Iceland [attends.meeting-between]",
        ),
        (
            "Iceland's talks with Norway ended without a deal.",
            "Iceland -attends-> Iceland's talks with Norway [attends.meeting-modifier]",
        ),
        (
            "Jane Lind was joined at the fisheries summit in Bergen by Ali Khan and Tom Reyes.",
            "Tom Reyes -attends-> fisheries summit in Bergen [attends.at-meeting-agent]",
        ),
        (
            "The Nordic Council summit opened in Oslo on Monday.",
            "Nordic Council -attends-> Nordic Council summit [attends.meeting-modifier]",
        ),
        (
            "Norway and Iceland are at the fisheries summit in Bergen.",
            "Iceland -attends-> fisheries summit in Bergen [attends.at-meeting]",
        ),
        (
            "At the fisheries summit on Friday, Norway's envoy Jane Lind backed the quota plan.",
            "Jane Lind -attends-> fisheries summit on Friday [attends.at-meeting-fronted]",
        ),
        (
            "Ali Khan flew to the aid conference in Geneva on Sunday.",
            "Ali Khan -attends-> aid conference in Geneva on Sunday [attends.travel-to-meeting]",
        ),
        (
            "Iceland hosted the first fisheries summit of the year.",
            "Iceland -attends-> first fisheries summit of the year [attends.subject-verb-meeting]",
        ),
        (
            "Jane Lind met Ali Khan for the first meeting of the panel.",
            "Ali Khan -attends-> first meeting of the panel [attends.met-object-meeting]",
        ),
        // authored_by
        (
            "A report by the World Bank found the fleet was too large.",
            "report by the World Bank -authored_by-> World Bank [authored_by.report-by]",
        ),
        (
            "Greenpeace's report on the fleet was published on Monday.",
            "Greenpeace's report on the fleet -authored_by-> Greenpeace [authored_by.report-modifier]",
        ),
        (
            // an opening "The" that the name took as its own
            "The Greenpeace survey found the fleet was too large.",
            "Greenpeace survey -authored_by-> Greenpeace [authored_by.report-modifier]",
        ),
        (
            "Greenpeace said in a statement on Friday that the fleet was too large.",
            "statement on Friday -authored_by-> Greenpeace [authored_by.said-in-document]",
        ),
        (
            "Ali Khan set out the plan in his annual review of the fleet.",
            "annual review of the fleet -authored_by-> Ali Khan [authored_by.possessive-pronoun]",
        ),
        // cites
        (
            "Jane Lind cited a report by the World Bank.",
            "Jane Lind -cites-> report by the World Bank [cites.verb-report]",
        ),
        (
            "Jane Lind, citing a study by the World Bank, said the fleet was too large.",
            "Jane Lind -cites-> study by the World Bank [cites.participle-report]",
        ),
        (
            "Reuters quoted Ali Khan as saying the talks had failed.",
            "Reuters -cites-> Ali Khan [cites.verb-object]",
        ),
        (
            "Ali Khan was quoted in the Fish Gazette saying the talks had failed.",
            "Fish Gazette -cites-> Ali Khan [cites.passive-agent]",
        ),
        (
            "The quota will stay, Jane Lind was quoted as saying by Reuters.",
            "Reuters -cites-> Jane Lind [cites.passive-agent]",
        ),
        (
            "Reuters, quoting Ali Khan, said the talks had failed.",
            "Reuters -cites-> Ali Khan [cites.participle-object]",
        ),
        (
            "Reuters reported the deal on Monday. It quoted Ali Khan as saying the talks had failed.",
            "Reuters -cites-> Ali Khan [cites.it-verb-object]",
        ),
        (
            "A letter seen by Reuters shows the quota was cut.",
            "Reuters -cites-> letter [cites.document-seen-by]",
        ),
        (
            "Jane Lind said a report by the World Bank showed the fleet was too large.",
            "Jane Lind -cites-> report by the World Bank [cites.report-in-statement]",
        ),
    ];

    /// Articles that must not yield a relation from `source -kind`, with why.
    const NOT_FOUND: &[(&str, &str)] = &[
        // "his" is the speech's clause's subject, not the last person named
        (
            "Ola Berg said the fleet was too large. Later, in his speech at the Fish Council conference in Bergen, the prime minister cut the quota.",
            "Ola Berg -attends->",
        ),
        // the owner of a title is not the clause's subject
        (
            "Local papers reported that Norway's fisheries minister Mr Berg and Icelandic trade minister Anna Sig would discuss the fleet at a meeting on Tuesday.",
            "Norway -attends->",
        ),
        // title modifiers before a title are not an organization
        (
            "Former Cabinet minister Jane Lind said the fleet was too large.",
            "Jane Lind -member_of->",
        ),
        // no nation named twice as often as any other: no home nation
        (
            "Norway and Iceland will cut the cod quota. Fisheries Minister Ola Berg said the fleet was too large.",
            "Ola Berg -member_of->",
        ),
        // a nation named by its demonym is not the article's subject
        (
            "A Norwegian firm bought the port. Fisheries Minister Ola Berg said the fleet was too large.",
            "Ola Berg -member_of->",
        ),
        // a shadow minister, a firm's president: not a government office
        (
            "Norway will cut the cod quota. Shadow Fisheries Minister Ola Berg said the fleet was too large.",
            "Ola Berg -member_of->",
        ),
        (
            "Norway will cut the cod quota. Fish Trust president Ola Berg said the fleet was too large.",
            "Ola Berg -member_of-> Norway",
        ),
        // another nation's government is named: the office may be theirs
        (
            "Norway will cut the cod quota, Norway said, and Norway will talk to Icelandic Fisheries Minister Ola Berg. Prime Minister Anna Sig said the boats would stay.",
            "Anna Sig -member_of->",
        ),
        // a nation named by its paper's adjective does not quote
        (
            "Ali Khan was quoted in a Norwegian newspaper saying the talks had failed.",
            "Norway -cites->",
        ),
        // a speaker's own document is not a source they cite
        (
            "Ola Berg said: \"Our report on the Fish Council stands.\"",
            "Ola Berg -cites->",
        ),
        // a review as often names the process as the document
        (
            "The Fish Council review of the quota began in May. Ola Berg said the review would look at the northern ports.",
            "Ola Berg -cites->",
        ),
        // what is cited is the object, not a name inside it
        (
            "Greenpeace cited the success of the Harbour Trust in Vigo.",
            "Greenpeace -cites->",
        ),
        (
            "Greenpeace cited the ruling which found that the Harbour Trust had lied.",
            "Greenpeace -cites->",
        ),
        // a document the words only mention is not cited
        (
            "Ola Berg said the catch had fallen during the 2023 Fish Council audit of the fleet.",
            "Ola Berg -cites->",
        ),
        (
            "Ola Berg said the Fish Council should publish its 2024 report on the fleet soon.",
            "Ola Berg -cites->",
        ),
        // the one quoted does not cite the outlet that quotes them
        (
            "Ali Khan was quoted in the Fish Gazette saying the talks had failed.",
            "Ali Khan -cites->",
        ),
        // "attacked" accuses only with a reason
        ("Iceland attacked Norway on Monday.", "Iceland -accused"),
        // a verb ends an apposition's title: the body after it is the verb's
        (
            "Ola Berg, the lawyer leading the class action against Statoil, said the fine was small.",
            "Ola Berg -member_of-> Statoil",
        ),
        (
            "Ana Ruiz, named manager of the year by Greenpeace in 2001, said the fleet was too large.",
            "Ana Ruiz -member_of-> Greenpeace",
        ),
        // a possessive's plain noun next to the name is no title
        (
            "Once hailed as Norway's great new hope, Ola Berg lost in the first round.",
            "Ola Berg -member_of-> Norway",
        ),
        (
            "The rally was meant to show Labour's economic success under Mr Brown.",
            "Brown -member_of-> Labour",
        ),
        // the owner of the body a person is from is not their affiliation
        (
            "Ana Ruiz, from the UK's Human Rights Watch, said the ban should stay.",
            "Ana Ruiz -member_of-> United Kingdom",
        ),
        (
            "Tom Reyes, a director of Chile's Red Cross, said the camps were full.",
            "Tom Reyes -member_of-> Chile",
        ),
        // quoted in another's document: the outlet wrote it, not the speaker
        (
            "Ali Khan said in a Fish Gazette report on Monday that the quota was too small.",
            "Fish Gazette report on Monday -authored_by-> Ali Khan",
        ),
        // going somewhere else: the meeting is not where "to" leads
        (
            "Ali Khan is coming to Oslo as part of his first foreign visit.",
            "Ali Khan -attends",
        ),
        // "alleged" before a noun is an adjective
        (
            "Iceland rejected the alleged hacking of Norway's servers.",
            "Iceland -accused",
        ),
        // the word of blame is denied
        (
            "Jane Lind said the plan drawn up by Norway was not irresponsible.",
            "Jane Lind -accused",
        ),
        (
            "Jane Lind said nobody believed Norway was reckless.",
            "Jane Lind -accused",
        ),
        // the actor near the word of blame is its topic or victim, not the one blamed
        (
            "Jane Lind said the fraud charges against Norway were a matter for the courts.",
            "Jane Lind -accused",
        ),
        (
            "Ali Khan said Norway had been misled about the size of the catch.",
            "Ali Khan -accused",
        ),
        (
            "Ali Khan said the persecution of Norway's fishermen must stop.",
            "Ali Khan -accused",
        ),
        (
            "Jane Lind said the row over quotas in Norway was damaging.",
            "Jane Lind -accused",
        ),
        (
            "Ali Khan said a disastrous storm had hit Norway.",
            "Ali Khan -accused",
        ),
        // a label without blame, and a call for something
        (
            "Iceland described Norway's quota plan as a first step.",
            "Iceland -accused",
        ),
        (
            "Iceland called for talks with Norway on the disastrous season.",
            "Iceland -accused",
        ),
        // a noun of accusation whose "of" names the charge, not an actor
        (
            "Allegations of fraud surfaced in Iceland on Monday.",
            "Iceland -accused",
        ),
        // who said it, not who denies having said it
        (
            "Iceland said that it had blamed Norway for the collapse.",
            "Iceland -accused!->",
        ),
        // "on" names the one blamed only at the head of its phrase
        (
            "Iceland blamed the losses on bad weather off Norway.",
            "Iceland -accused",
        ),
        // a title's affiliation is not the one accused ("the Acme chief Ann Lee" is Ann Lee)
        (
            "Jane Lind accused Norwegian minister Ola Berg of lying.",
            "Jane Lind -accused-> Norway",
        ),
        // no title between the name and the body: not an affiliation
        (
            "Jane Lind said Greenpeace was wrong.",
            "Jane Lind -member_of",
        ),
        // "citing a report by X": the report is cited, not its author
        (
            "Reuters cited a report by the World Bank.",
            "Reuters -cites-> World Bank",
        ),
        // a nation before a meeting noun is where it happens, not who attends
        (
            "The Norway summit of the Nordic ministers ended on Monday.",
            "Norway -attends",
        ),
        // a relation inside quoted words is what someone said, not what the article says
        (
            "Ola Berg said: \"Norway accused Iceland of lying to us.\"",
            "Norway -accused",
        ),
    ];

    #[test]
    fn every_rule_finds_its_relation() {
        for (body, want) in FOUND {
            let got = relations(body);
            assert!(
                got.iter().any(|g| g == want),
                "{body}\n  want {want}\n  got {got:#?}"
            );
        }
    }

    #[test]
    fn what_the_rules_must_not_find() {
        for (body, unwanted) in NOT_FOUND {
            let got = relations(body);
            assert!(
                !got.iter().any(|g| g.starts_with(unwanted)),
                "{body}\n  unwanted {unwanted}\n  got {got:#?}"
            );
        }
    }

    /// The reason makes "attacked" an accusation.
    #[test]
    fn attacked_with_a_reason_accuses() {
        let got = relations("Iceland attacked Norway over the quota.");
        assert!(got.contains(&"Iceland -accused-> Norway [accused.verb-object]".to_string()));
    }

    /// Deleting a rule (or a whole pass: `cites`, `meetings`, ...) fails
    /// `every_rule_finds_its_relation`; adding one without a row fails here.
    #[test]
    fn every_rule_of_this_file_has_a_row() {
        let ids = crate::extract::tests::rule_ids_of(include_str!("relation.rs"));
        assert!(ids.len() >= 20, "{ids:?}");
        for id in &ids {
            let tag = format!("[{id}]");
            assert!(
                FOUND.iter().any(|(_, want)| want.ends_with(&tag)),
                "no row for {id}"
            );
        }
    }
}
