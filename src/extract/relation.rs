//! Relations other than speech: accusations, meetings and who attends them,
//! reports and who wrote them, citations, and affiliations from titles.
//!
//! Meetings and reports are only made nodes when the sentence says
//! something about them (who attends, who wrote, who cites), so a passing
//! "the talks" or "a report" does not litter the graph.

use crate::graph::{EdgeKind, NodeKind};
use crate::lexicon::{NounClass, VerbClass, WordClass};

use super::mention::{Kind, Mention};
use super::said::{Input, Statement};
use super::token::Tok;

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
        meetings(inp, s, &mut out);
        reports(inp, s, &mut out);
        cites(inp, s, &mut out);
    }
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
        if let Some(a) = possessor(inp, s, m.titled_start) {
            let r = "member_of.possessive-title";
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
        let limit = (j + 8).min(toks.len());
        // ", from Human Rights Watch": a preposition right after the comma is an affiliation
        let mut saw_title = direct_of || (comma && toks.get(j).is_some_and(affiliation_prep));
        for (k2, m2) in ms.iter().enumerate().skip(k + 1) {
            if m2.nominal.is_some() || m2.titled_start < j {
                continue;
            }
            if m2.start >= limit {
                break;
            }
            if toks[j..m2.start].iter().any(|t| {
                matches!(t.text, "," | ";" | "(" | ")") || t.in_class(WordClass::AffiliationBreak)
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
            let kind = entity_kind(inp, a);
            if !matches!(kind, NodeKind::Nation | NodeKind::Organization) {
                break;
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

/// The nation or organization whose possessive opens the phrase ending at
/// `start`: "X's" then at most a title and a comma.
fn possessor(inp: &Input<'_, '_>, s: usize, start: usize) -> Option<usize> {
    let toks = &inp.sents[s].toks;
    let mut j = start;
    if j > 0 && toks[j - 1].text == "," {
        j -= 1;
    }
    while j > 0
        && (inp.lex.is_title_head(toks[j - 1].lower)
            || inp.lex.is_title_modifier(toks[j - 1].lower))
    {
        j -= 1;
    }
    if j < 2 || !toks[j - 1].is_possessive() {
        return None;
    }
    let k = inp.mentions[s]
        .iter()
        .position(|m| m.end == j - 1 && m.nominal.is_none())?;
    inp.ents.of[s][k].filter(|&e| {
        matches!(
            entity_kind(inp, e),
            NodeKind::Nation | NodeKind::Organization
        )
    })
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
    // "He also blamed Colombia": the person who last opened a sentence
    if j > 0 && is_he_or_she(&toks[j - 1]) {
        return last_subject_person(inp, s).map(|e| (e, j - 1));
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

/// "he" or "she", in any case.
fn is_he_or_she(t: &Tok<'_>) -> bool {
    t.in_class(WordClass::MalePronoun) || t.in_class(WordClass::FemalePronoun)
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
        let negated = negated_before(toks, v);
        let passive = v > 0 && toks[v - 1].is_exactly(WordClass::PassiveAuxiliary);
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
            let mut targets = entities_in(inp, s, v + 1, np_end);
            if targets.is_empty() && lex.word_in(WordClass::BlameOn, &lemma) {
                // "blamed the crisis on X"
                if let Some(o) = (v + 1..(v + 8).min(toks.len()))
                    .find(|&j| toks[j].in_class(WordClass::BlameOnPreposition))
                {
                    targets = entities_in(inp, s, o + 1, clause_end(o + 1));
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

/// What statements imply: a speaker whose words blame an actor accuses it
/// ("lifting the embargo would be irresponsible and would damage Britain's
/// relations"), and a speaker who names a report cites it.
pub fn from_statements(inp: &Input<'_, '_>, statements: &[Statement]) -> Vec<Relation> {
    let mut out = Vec::new();
    for st in statements {
        for &a in &st.about {
            if entity_kind(inp, a) == NodeKind::Report {
                out.push(rel(
                    st.speaker,
                    EdgeKind::Cites,
                    a,
                    false,
                    st.sentence,
                    "refers to",
                    "cites.report-in-statement",
                ));
            }
        }
        // the first word of blame, and the actor named closest to it in the same statement
        let mut best: Option<(usize, usize, usize)> = None; // (distance, entity, sentence)
        for s in super::said::sentences_in(inp, st.content) {
            let toks = &inp.sents[s].toks;
            let inside =
                |t: &Tok<'_>| t.span.start >= st.content.start && t.span.end <= st.content.end;
            let Some(cue) = toks
                .iter()
                .position(|t| inside(t) && inp.lex.is_criticism(t.lower))
            else {
                continue;
            };
            if cue > 0 && toks[cue - 1].is_exactly(WordClass::CriticismNegation) {
                continue;
            }
            for (k, m) in inp.mentions[s].iter().enumerate() {
                let Some(e) = inp.ents.of[s][k] else { continue };
                // "..., said Mr Roe, ...": a voice inside the words is not the one blamed
                let voice = super::entity::speech_follows(toks, m.end, inp.lex)
                    || (m.titled_start > 0
                        && inp
                            .lex
                            .verb(toks[m.titled_start - 1].lower)
                            .is_some_and(|(c, _)| c == VerbClass::Speech));
                if e == st.speaker || !is_actor(inp, e) || !inside(&toks[m.start]) || voice {
                    continue;
                }
                let d = if m.end <= cue {
                    cue - m.end
                } else {
                    m.start - cue + 2
                };
                if d <= 12 && best.is_none_or(|b| d < b.0) {
                    best = Some((d, e, s));
                }
            }
            break;
        }
        // someone speaking in the same sentence is a voice, not the one blamed
        let speaks_here = |e: usize| {
            statements
                .iter()
                .any(|o| o.speaker == e && o.sentence == st.sentence)
        };
        if let Some((_, e, _)) = best.filter(|b| !speaks_here(b.1)) {
            out.push(rel(
                st.speaker,
                EdgeKind::Accused,
                e,
                false,
                st.sentence,
                "blame",
                "accused.criticism-in-statement",
            ));
        }
    }
    out
}

/// True when token `v` lies inside quoted words (what someone said, not what the article says).
fn in_statement_quote(inp: &Input<'_, '_>, s: usize, v: usize) -> bool {
    super::quote::inside(inp.quotes, inp.sents[s].toks[v].span.start)
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

/// As [`entities_in`], with the token where each mention ends.
fn entities_in_at(inp: &Input<'_, '_>, s: usize, a: usize, b: usize) -> Vec<(usize, usize)> {
    inp.mentions[s]
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start >= a && m.end <= b && m.nominal.is_none())
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
    if toks.first().is_some_and(|t| is_he_or_she(t))
        || toks
            .get(opening)
            .is_some_and(|t| opening > 0 && is_he_or_she(t))
    {
        return last_subject_person(inp, s).into_iter().collect();
    }
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
        if m.nominal.is_some() || modifier(m) {
            continue;
        }
        let at = m.titled_start;
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
        for (j, e) in entities_in_at(inp, s, m.start, n.head) {
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
            let end = n.pp_ends.last().copied().unwrap_or(n.head + 1);
            (v == 0 && toks.get(end).is_some_and(|t| t.text == ",")).then_some(end + 1)
        };
        if let Some(v) = cue {
            // "X is at the summit": the sentence's subjects; "X attended": the verb's
            if toks[v].in_class(WordClass::AttendPreposition) {
                match fronted(v) {
                    Some(opening) => {
                        add(subjects_from(inp, s, opening), "attends.at-meeting-fronted")
                    }
                    None => add(sentence_subjects(inp, s), "attends.at-meeting"),
                }
            } else if travel(v) {
                add(
                    subject(inp, s, v).map(|x| x.0).into_iter().collect(),
                    "attends.travel-to-meeting",
                );
            } else {
                add(
                    subject(inp, s, v).map(|x| x.0).into_iter().collect(),
                    "attends.subject-verb-meeting",
                );
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
            entities_in(inp, s, m.start, n.head)
                .into_iter()
                .map(|e| (e, "authored_by.report-modifier")),
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
        let before = m.start.saturating_sub(n.determiner.is_some() as usize);
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
        let end = (v + 1..toks.len())
            .find(|&j| matches!(toks[j].text, "." | ";" | ":") || toks[j].is_quote())
            .unwrap_or(toks.len());
        let end = end.min(v + 16);
        // people and bodies named, not the possessives and affiliations that qualify them
        let mut dsts: Vec<usize> = Vec::new();
        for (k, m) in ms.iter().enumerate() {
            let qualifies = toks.get(m.end).is_some_and(|t| t.is_possessive())
                || ms.iter().any(|o| o.affiliation == Some(k));
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
            "Ali Khan of Greenpeace said the fleet was too large.",
            "Ali Khan -member_of-> Greenpeace [member_of.name-of]",
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
            "Jane Lind said the plan drawn up by Norway was irresponsible.",
            "Jane Lind -accused-> Norway [accused.criticism-in-statement]",
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
        // "attacked" accuses only with a reason
        ("Iceland attacked Norway on Monday.", "Iceland -accused"),
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
