//! Relations other than speech: accusations, meetings and who attends them,
//! reports and who wrote them, citations, and affiliations from titles.
//!
//! Meetings and reports are only made nodes when the sentence says
//! something about them (who attends, who wrote, who cites), so a passing
//! "the talks" or "a report" does not litter the graph.

use crate::graph::{EdgeKind, NodeKind};
use crate::lexicon::{NounClass, VerbClass};

use super::entity::VERB_FILLERS;
use super::mention::Kind;
use super::said::Input;
use super::token::Tok;

/// One end of a relation: an entity of the article, or a meeting/report the relation introduces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum End {
    Entity(usize),
    New {
        kind: NodeKind,
        name: String,
        aliases: Vec<String>,
    },
}

/// A relation read from one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub source: End,
    pub kind: EdgeKind,
    pub target: End,
    pub negated: bool,
    pub sentence: usize,
    pub cue: String,
}

/// Find the relations of an article.
pub fn find(inp: &Input<'_, '_>) -> Vec<Relation> {
    let mut out = Vec::new();
    let mut last_meeting: Option<End> = None;
    for s in 0..inp.sents.len() {
        member_of(inp, s, &mut out);
        accused(inp, s, &mut out);
        meetings(inp, s, &mut out, &mut last_meeting);
        reports(inp, s, &mut out);
        cites(inp, s, &mut out);
    }
    out
}

fn rel(source: End, kind: EdgeKind, target: End, negated: bool, sentence: usize, cue: &str) -> Relation {
    Relation {
        source,
        kind,
        target,
        negated,
        sentence,
        cue: cue.to_string(),
    }
}

fn entity_kind(inp: &Input<'_, '_>, e: usize) -> NodeKind {
    inp.ents.list[e].kind
}

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
        if let Some(a) = m.affiliation.and_then(|a| inp.ents.of[s][a]) {
            out.push(rel(End::Entity(p), EdgeKind::MemberOf, End::Entity(a), false, s, "title"));
        }
        // apposition or "of": the first nation/org within a short title phrase after the name
        let mut j = m.end;
        let comma = toks.get(j).is_some_and(|t| t.text == ",");
        if comma {
            j += 1;
        }
        let direct_of = !comma && toks.get(j).is_some_and(|t| t.is("of") || t.is("from") || t.is("at"));
        if !comma && !direct_of {
            continue;
        }
        let limit = (j + 8).min(toks.len());
        let mut saw_title = direct_of;
        for (k2, m2) in ms.iter().enumerate().skip(k + 1) {
            if m2.start >= limit {
                break;
            }
            if toks[j..m2.start].iter().any(|t| matches!(t.text, "," | ";" | "(" | ")") || t.is("and") || t.is("said") || t.is("who")) {
                break;
            }
            saw_title |= toks[j..m2.start].iter().any(|t| inp.lex.is_title_head(t.text));
            let Some(a) = inp.ents.of[s][k2] else { continue };
            let kind = entity_kind(inp, a);
            if !matches!(kind, NodeKind::Nation | NodeKind::Organization) {
                break;
            }
            // "X, the Y spokesman" or "X, director of Y"
            let title_after = toks[m2.end..(m2.end + 3).min(toks.len())].iter().any(|t| inp.lex.is_title_head(t.text));
            if saw_title || title_after {
                out.push(rel(End::Entity(p), EdgeKind::MemberOf, End::Entity(a), false, s, "title"));
            }
            break;
        }
    }
}

/// The entity mentioned right before token `v` (skipping auxiliaries and
/// negation), with the token where the subject phrase starts.
fn subject(inp: &Input<'_, '_>, s: usize, v: usize) -> Option<(usize, usize)> {
    let toks = &inp.sents[s].toks;
    let mut j = v;
    while j > 0
        && (VERB_FILLERS.contains(&toks[j - 1].text)
            || matches!(
                toks[j - 1].text,
                "did" | "does" | "do" | "not" | "never" | "n't" | "didn't" | "has" | "have" | "had" | "will" | "would" | "is"
                    | "are" | "was" | "were" | "been" | "be" | "publicly" | "openly" | "strongly" | "also"
            ))
    {
        j -= 1;
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
        .any(|t| matches!(t.text.to_lowercase().as_str(), "not" | "n't" | "never" | "didn't" | "denied" | "denies" | "deny" | "rejected" | "dismissed"))
}

/// "X accused Y of ...", "Y was accused by X", "X blamed Y for ...", "X criticised Y for ...".
fn accused(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    for v in 0..toks.len() {
        let lower = toks[v].text.to_lowercase();
        let Some((VerbClass::Accuse, lemma)) = inp.lex.verb(&lower) else { continue };
        let lemma = lemma.to_string();
        // "attacked" and "criticised" accuse only with a reason
        if matches!(lemma.as_str(), "attack" | "criticise" | "criticize" | "charge" | "slam") {
            let reason = toks[v + 1..(v + 8).min(toks.len())].iter().any(|t| t.is("for") || t.is("over") || t.is("with"));
            if !reason {
                continue;
            }
        }
        // "alleged hacking": an adjective, not an accusation
        if lemma == "allege" && toks.get(v + 1).is_some_and(|t| t.is_word() && !t.cap && !t.is("that")) {
            continue;
        }
        let negated = negated_before(toks, v);
        let passive = v > 0 && matches!(toks[v - 1].text, "was" | "were" | "been" | "being" | "is" | "are");
        let (src, dst) = if passive {
            let by = (v + 1..(v + 8).min(toks.len())).find(|&j| toks[j].is("by"));
            let src = by.and_then(|b| object(inp, s, b + 1, b + 4));
            let dst = subject(inp, s, v).map(|x| x.0);
            (src, dst)
        } else {
            let mut src = subject(inp, s, v).map(|x| x.0);
            if src.is_none() && lower.ends_with("ing") {
                src = inp.mentions[s].first().and_then(|_| inp.ents.of[s][0]);
            }
            // "blamed the crisis on X"
            let on = (v + 1..(v + 8).min(toks.len())).find(|&j| toks[j].is("on"));
            let dst = if lemma == "blame" && object(inp, s, v + 1, v + 3).is_none() {
                on.and_then(|o| object(inp, s, o + 1, o + 4))
            } else {
                object(inp, s, v + 1, v + 5)
            };
            (src, dst)
        };
        if let (Some(a), Some(b)) = (src, dst) {
            if a != b && entity_kind(inp, b) != NodeKind::Statement {
                out.push(rel(End::Entity(a), EdgeKind::Accused, End::Entity(b), negated, s, &lower));
            }
        }
    }
}

/// The words of a noun phrase around the head at `h`, and the prepositional phrases after it.
struct Phrase {
    start: usize,
    head: usize,
    /// End of the phrase after each prepositional phrase.
    pp_ends: Vec<usize>,
}

const PREPS: [&str; 9] = ["in", "on", "at", "between", "with", "by", "from", "of", "to"];

fn phrase(inp: &Input<'_, '_>, s: usize, h: usize) -> Phrase {
    let toks = &inp.sents[s].toks;
    let mut start = h;
    while start > 0 {
        let t = &toks[start - 1];
        let l = t.text.to_lowercase();
        if matches!(l.as_str(), "the" | "a" | "an" | "this" | "that" | "its" | "his" | "her" | "their" | "our") {
            break;
        }
        let ok = t.kind == crate::text::TokenKind::Number
            || t.is_possessive()
            || t.text == "-"
            || (t.is_word() && (t.cap || (!inp.lex.verb(&l).is_some() && !PREPS.contains(&l.as_str()) && l.len() > 2 && !matches!(l.as_str(), "and" | "but" | "for" | "has" | "had" | "was" | "were" | "will" | "who" | "which"))));
        if !ok || h - start >= 6 {
            break;
        }
        start -= 1;
    }
    let mut pp_ends = Vec::new();
    let mut j = h + 1;
    while j < toks.len() && pp_ends.len() < 3 {
        if !PREPS.contains(&toks[j].text) {
            break;
        }
        let mut k = j + 1;
        while k < toks.len() && k - j <= 10 {
            let t = &toks[k];
            if matches!(t.text, "," | "." | ";" | ":" | "(" | ")") || t.is_quote() {
                break;
            }
            if t.is_word() && !t.cap && inp.lex.verb(&t.text.to_lowercase()).is_some() {
                break;
            }
            if k > j + 1 && PREPS.contains(&t.text) {
                break;
            }
            if t.is("which") || t.is("that") || t.is("who") || t.is("where") {
                break;
            }
            k += 1;
        }
        if k == j + 1 {
            break;
        }
        pp_ends.push(k);
        j = k;
    }
    Phrase { start, head: h, pp_ends }
}

fn text_of(inp: &Input<'_, '_>, s: usize, a: usize, b: usize) -> String {
    let toks = &inp.sents[s].toks;
    inp.text[toks[a].span.start..toks[b - 1].span.end].to_string()
}

/// Meetings people attend: "a meeting between X and Y", "X's talks with Y",
/// "X will attend the summit", "X hosted the conference".
fn meetings(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>, last: &mut Option<End>) {
    let toks = &inp.sents[s].toks;
    for h in 0..toks.len() {
        if !toks[h].is_word() || inp.lex.noun(&toks[h].text.to_lowercase()) != Some(NounClass::Meeting) {
            continue;
        }
        let p = phrase(inp, s, h);
        let full_end = p.pp_ends.last().copied().unwrap_or(h + 1);
        let mut attendees: Vec<usize> = Vec::new();
        let add = |v: &mut Vec<usize>, e: usize| {
            if !v.contains(&e) && entity_kind(inp, e) != NodeKind::Statement {
                v.push(e);
            }
        };
        // between X and Y / with X
        for (k, m) in inp.mentions[s].iter().enumerate() {
            if m.titled_start > h && m.end <= full_end {
                let before = toks[h + 1..m.titled_start].iter().any(|t| t.is("between") || t.is("with"));
                if before {
                    if let Some(e) = inp.ents.of[s][k] {
                        add(&mut attendees, e);
                    }
                }
            }
        }
        // X's talks
        for (k, m) in inp.mentions[s].iter().enumerate() {
            if m.end >= p.start && m.end < h && toks.get(m.end).is_some_and(|t| t.is_possessive()) {
                if let Some(e) = inp.ents.of[s][k] {
                    add(&mut attendees, e);
                }
            }
        }
        // X met / attended / hosted / held / joined ... the meeting
        let verb = (0..p.start).rev().take(6).find(|&v| {
            let l = toks[v].text.to_lowercase();
            inp.lex.verb(&l).is_some_and(|(c, _)| c == VerbClass::Meet) || matches!(l.as_str(), "held" | "hold" | "holds" | "holding")
        });
        if let Some(v) = verb {
            if let Some((e, _)) = subject(inp, s, v) {
                add(&mut attendees, e);
            }
            // "X met Y at the summit"
            if let Some(o) = object(inp, s, v + 1, p.start) {
                if toks[v].is("met") || toks[v].is("meets") {
                    add(&mut attendees, o);
                }
            }
        }
        let attendees: Vec<usize> = attendees
            .into_iter()
            .filter(|&e| matches!(entity_kind(inp, e), NodeKind::Person | NodeKind::Nation | NodeKind::Organization))
            .collect();
        let bare = p.start == h || (p.start + 1 == h && !toks[p.start].cap);
        let target = if attendees.is_empty() || (bare && p.pp_ends.is_empty()) {
            // "the summit": the meeting named before, if any
            match (&*last, bare && p.pp_ends.is_empty()) {
                (Some(m), true) if !attendees.is_empty() => m.clone(),
                _ => continue,
            }
        } else {
            let name = text_of(inp, s, p.start, full_end);
            let mut aliases = vec![text_of(inp, s, p.start, h + 1)];
            for &e in &p.pp_ends {
                aliases.push(text_of(inp, s, p.start, e));
            }
            let m = End::New {
                kind: NodeKind::Meeting,
                name,
                aliases,
            };
            *last = Some(m.clone());
            m
        };
        for e in attendees {
            out.push(rel(End::Entity(e), EdgeKind::Attends, target.clone(), false, s, toks[h].text));
        }
    }
}

/// Reports with an author: "a report by X", "X's study", "a China Daily report", "a study from X".
fn reports(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    for h in 0..toks.len() {
        if !toks[h].is_word() || inp.lex.noun(&toks[h].text.to_lowercase()) != Some(NounClass::Report) {
            continue;
        }
        let p = phrase(inp, s, h);
        let mut authors = Vec::new();
        let mut end = h + 1;
        // by / from X
        if toks.get(h + 1).is_some_and(|t| t.is("by") || t.is("from")) {
            if let Some(e) = object(inp, s, h + 2, h + 5) {
                authors.push(e);
                let m_end = inp.mentions[s].iter().find(|m| m.titled_start >= h + 2).map_or(h + 3, |m| m.end);
                end = m_end;
            }
        }
        // X's report / a China Daily report
        for (k, m) in inp.mentions[s].iter().enumerate() {
            if m.start >= p.start && m.end <= h {
                if let Some(e) = inp.ents.of[s][k] {
                    if matches!(entity_kind(inp, e), NodeKind::Organization | NodeKind::Person) {
                        authors.push(e);
                    }
                }
            }
        }
        if authors.is_empty() {
            continue;
        }
        let name = text_of(inp, s, p.start, end);
        let mut aliases = vec![text_of(inp, s, p.start, h + 1)];
        if let Some(&e) = authors.first() {
            aliases.push(format!("{} {}", inp.ents.list[e].name, toks[h].text));
        }
        let report = End::New {
            kind: NodeKind::Report,
            name,
            aliases,
        };
        for &a in &authors {
            out.push(rel(report.clone(), EdgeKind::AuthoredBy, End::Entity(a), false, s, toks[h].text));
        }
        // "X, citing a report ..." / "X cited the report"
        let verb = (0..p.start).rev().take(4).find(|&v| inp.lex.verb(&toks[v].text.to_lowercase()).is_some_and(|(c, _)| c == VerbClass::Cite));
        if let Some(v) = verb {
            let src = subject(inp, s, v).map(|x| x.0).or_else(|| {
                // "The Post, citing ..."
                if v > 0 && toks[v - 1].text == "," {
                    subject(inp, s, v - 1).map(|x| x.0)
                } else {
                    None
                }
            });
            if let Some(src) = src {
                out.push(rel(End::Entity(src), EdgeKind::Cites, report.clone(), false, s, toks[v].text));
            }
        }
    }
}

/// "X quoted Y as saying", "X cited Y".
fn cites(inp: &Input<'_, '_>, s: usize, out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    for v in 0..toks.len() {
        let l = toks[v].text.to_lowercase();
        if !inp.lex.verb(&l).is_some_and(|(c, _)| c == VerbClass::Cite) {
            continue;
        }
        let Some(dst) = object(inp, s, v + 1, v + 3) else { continue };
        let src = subject(inp, s, v).map(|x| x.0).or_else(|| {
            if v > 0 && toks[v - 1].text == "," {
                subject(inp, s, v - 1).map(|x| x.0)
            } else {
                None
            }
        });
        if let Some(src) = src {
            if src != dst && !matches!(inp.mentions[s].first().map(|m| &m.kind), Some(Kind::Single)) {
                out.push(rel(End::Entity(src), EdgeKind::Cites, End::Entity(dst), false, s, &l));
            }
        }
    }
}
