//! Matching the relation rules of `data/rules/*.rules` (parsed by
//! [`crate::lexicon::rules`]): a rule's cue verb, its voice, and the
//! entities in the roles the argument finder gives it.
//!
//! A rule names a construction, not a sentence:
//!
//! ```text
//! [attends.host-passive]
//! # A meeting hosted by an actor: the host attends it.
//! cue     = lemma:host,chair,convene
//! voice   = passive
//! edge    = agent -attends-> subject
//! require = agent:actor subject:meeting
//! example = Talks on the quotas were hosted by Norway. => Norway -attends-> talks
//! counter = Norway hosted a dinner for the delegates.
//! ```
//!
//! - `cue`: `verb:CLASS` (a class of `data/verbs.tsv`, multi-word forms
//!   included) or `lemma:A,B` (the verbs' regular forms are derived; list
//!   irregular forms as lemmas of their own);
//! - `voice`: `active`, `passive` or `any` (the default);
//! - `edge`: `ROLE -KIND-> ROLE`, with the roles `subject`, `object` and
//!   `agent` of [`super::arg`] and an edge kind of the graph;
//! - `require`: `ROLE:CLASS` with the classes `actor` (a person, nation or
//!   organization), `person`, `nation`, `organization`, `meeting`, `report`;
//! - `example = SENTENCE => SOURCE -KIND-> TARGET`, where SOURCE and TARGET
//!   are words of the entities' names; `counter = SENTENCE` yields nothing
//!   from this rule. Every rule has at least one of each.
//!
//! This module owns the matching; the lexicon owns the language, the
//! argument finder ([`super::arg`]) the grammar.

use super::arg::{args, attached_to};
use super::chunk::{ChunkId, Chunks, MentionId};
use super::mention::Kind;
use super::relation::Relation;
use super::said::Input;
use crate::graph::{EdgeKind, NodeKind};
use crate::lexicon::VerbClass;
use crate::lexicon::rules::{Class, Cue, Role, Rule};
use crate::tag::Upos;

/// What the verb at a token is, computed once for all rules: its lower
/// case form, and its longest entry in the verb table (class and end).
struct VerbAt<'a> {
    lower: &'a str,
    table: Option<(VerbClass, usize)>,
}

impl<'a> VerbAt<'a> {
    /// `None` for a token not tagged as a verb.
    fn new(inp: &Input<'a, '_>, s: usize, v: usize) -> Option<VerbAt<'a>> {
        let toks = &inp.sents[s].toks;
        if toks[v].pos != Upos::Verb {
            return None;
        }
        let lower = toks[v].lower;
        // a multi-word form only where one starts with this word
        let max = if inp.lex.opens_verb(lower) {
            inp.lex.max_key_tokens.max(1).min(toks.len() - v)
        } else {
            1
        };
        let mut key = String::new();
        let mut table = None;
        for n in (1..=max).rev() {
            key.clear();
            key.push_str(lower);
            for t in &toks[v + 1..v + n] {
                key.push(' ');
                key.push_str(t.lower);
            }
            if let Some((c, _)) = inp.lex.verb(&key) {
                table = Some((c, v + n));
                break;
            }
        }
        Some(VerbAt { lower, table })
    }

    /// The end of `rule`'s cue at this verb, if it is one.
    fn cue_end(&self, v: usize, rule: &Rule) -> Option<usize> {
        match &rule.cue {
            Cue::Lemmas(_) => rule.forms.iter().any(|f| f == self.lower).then_some(v + 1),
            Cue::Verb(c) => self.table.filter(|(vc, _)| vc == c).map(|(_, end)| end),
        }
    }
}

fn fits(inp: &Input<'_, '_>, s: usize, k: MentionId, e: usize, c: Class) -> bool {
    let kind = inp.ents.list[e].kind;
    let m = &inp.mentions[s][k.0 as usize];
    match c {
        Class::Actor => matches!(
            kind,
            NodeKind::Person | NodeKind::Nation | NodeKind::Organization
        ),
        Class::Person => kind == NodeKind::Person,
        Class::Nation => kind == NodeKind::Nation,
        Class::Organization => kind == NodeKind::Organization,
        Class::Meeting => m.kind == Kind::Meeting,
        Class::Report => m.kind == Kind::Report,
    }
}

/// The entities of a group that fit every class required of `role`: of
/// each chunk, the mention at its head (or its last one: "Chile's foreign
/// ministry" stands for Chile), never a title's affiliation
/// ("Treasury minister Ann Lee" is Ann Lee).
fn fillers(
    inp: &Input<'_, '_>,
    s: usize,
    ch: &Chunks,
    g: usize,
    role: Role,
    rule: &Rule,
) -> Vec<usize> {
    let mut out = Vec::new();
    for &ChunkId(c) in &ch.groups[g].chunks {
        let chunk = &ch.chunks[c as usize];
        let ms = &inp.mentions[s];
        let at_head = chunk.mentions.iter().find(|k| {
            let m = &ms[k.0 as usize];
            m.start <= chunk.head && chunk.head < m.end
        });
        // the one accused is who the phrase names: "Britain's coach" is
        // accused, not Britain (whose plans or record may be)
        let people = inp.lex.is_title_head(inp.sents[s].toks[chunk.head].lower);
        let accused = rule.kind == EdgeKind::Accused && role == rule.target;
        let head = if accused && people {
            at_head
        } else {
            at_head.or(chunk.mentions.last())
        };
        if let Some(&k) = head {
            let at = k.0 as usize;
            let Some(e) = inp.ents.of[s][at].or(inp.ents.bare[s][at]) else {
                continue;
            };
            let ok = rule
                .require
                .iter()
                .filter(|(r, _)| *r == role)
                .all(|&(_, cl)| fits(inp, s, k, e, cl));
            if ok && !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

/// [`fillers`] of a group, or else of the phrase it is a prepositional
/// object of, up to two steps ("the talks on the future of the border,
/// chaired by Kenya": the talks).
fn fillers_up(
    inp: &Input<'_, '_>,
    s: usize,
    ch: &Chunks,
    g: usize,
    role: Role,
    rule: &Rule,
) -> Vec<usize> {
    let toks = &inp.sents[s].toks;
    let mut at = Some(g);
    for _ in 0..3 {
        let Some(g) = at else { break };
        let found = fillers(inp, s, ch, g, role, rule);
        if !found.is_empty() {
            return found;
        }
        at = attached_to(toks, ch, g);
    }
    Vec::new()
}

/// Apply `rules` to sentence `s` whose chunks are `ch`.
pub fn apply(inp: &Input<'_, '_>, s: usize, ch: &Chunks, rules: &[Rule], out: &mut Vec<Relation>) {
    let toks = &inp.sents[s].toks;
    for v in 0..toks.len() {
        let Some(verb) = VerbAt::new(inp, s, v) else {
            continue;
        };
        for rule in rules {
            let Some(end) = verb.cue_end(v, rule) else {
                continue;
            };
            let a = args(inp.lex, toks, ch, v, end);
            if rule.voice.is_some_and(|voice| voice != a.voice) {
                continue;
            }
            let group = |r: Role| match r {
                Role::Subject => a.subject,
                Role::Object => a.object,
                Role::Agent => a.agent,
            };
            let (Some(gs), Some(gt)) = (group(rule.source), group(rule.target)) else {
                continue;
            };
            let sources = fillers_up(inp, s, ch, gs, rule.source, rule);
            let targets = fillers_up(inp, s, ch, gt, rule.target, rule);
            for &src in &sources {
                for &dst in &targets {
                    if src != dst {
                        out.push(Relation {
                            source: src,
                            kind: rule.kind,
                            target: dst,
                            negated: a.negated,
                            sentence: s,
                            cue: toks[v..end]
                                .iter()
                                .map(|t| t.text)
                                .collect::<Vec<_>>()
                                .join(" "),
                            rule: rule.id,
                        });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::doc::Doc;
    use crate::graph::EdgeKind;
    use crate::lexicon::Lexicon;
    use crate::text::Article;

    /// The edges `rules` find in a one-sentence article: (source name,
    /// kind, target name).
    fn edges(lex: &Lexicon, sentence: &str, rules: &[Rule]) -> Vec<(String, EdgeKind, String)> {
        let text = format!("Example\n\n{sentence}\n");
        let article = Article::from_bytes("example", text.as_bytes()).unwrap().0;
        let doc = Doc::new(&article, lex);
        let inp = doc.input(lex);
        let mut out = Vec::new();
        for (s, ch) in doc.chunks.iter().enumerate() {
            apply(&inp, s, ch, rules, &mut out);
        }
        out.into_iter()
            .map(|r| {
                let name = |e: usize| doc.ents.list[e].name.clone();
                (name(r.source), r.kind, name(r.target))
            })
            .collect()
    }

    fn names(name: &str, words: &str) -> bool {
        name.to_lowercase().contains(&words.to_lowercase())
    }

    /// The whole extractor's edges of a one-sentence article, by names.
    fn extracted(lex: &Lexicon, sentence: &str) -> Vec<(String, EdgeKind, String)> {
        let text = format!("Example\n\n{sentence}\n");
        let article = Article::from_bytes("example", text.as_bytes()).unwrap().0;
        let view = crate::graph::resolve(&crate::extract::extract(&article, lex));
        let name = |id: &str| {
            view.nodes
                .iter()
                .find(|n| n.id == id)
                .map(|n| n.name.clone())
                .unwrap_or_default()
        };
        view.edges
            .iter()
            .map(|e| (name(&e.source), e.kind, name(&e.target)))
            .collect()
    }

    /// Every rule is needed: the whole extractor finds each example's edge,
    /// and without the rule at least one example loses it.
    #[test]
    fn every_rule_adds_an_edge_nothing_else_finds() {
        let lex = Lexicon::embedded();
        let mut failures = Vec::new();
        for rule in lex.rules() {
            let without = lex.without_rule(rule.id);
            let has = |got: &[(String, EdgeKind, String)],
                       (src, kind, dst): (&str, EdgeKind, &str)| {
                got.iter()
                    .any(|(s, k, d)| names(s, src) && *k == kind && names(d, dst))
            };
            let mut needed = false;
            for (sentence, src, kind, dst) in &rule.examples {
                let edge = (src.as_str(), *kind, dst.as_str());
                if !has(&extracted(&lex, sentence), edge) {
                    failures.push(format!("{}: the extractor misses {sentence:?}", rule.id));
                }
                needed |= !has(&extracted(&without, sentence), edge);
            }
            if !needed {
                failures.push(format!(
                    "{}: every example is found without the rule",
                    rule.id
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Every rule's examples yield their edge from that rule alone, and its
    /// counter-examples yield nothing from it.
    #[test]
    fn every_rule_passes_its_examples() {
        let lex = Lexicon::embedded();
        let rules = lex.rules();
        let mut failures = Vec::new();
        for i in 0..rules.len() {
            let rule = &rules[i];
            let one = &rules[i..=i];
            for (sentence, src, kind, dst) in &rule.examples {
                let got = edges(&lex, sentence, one);
                if !got
                    .iter()
                    .any(|(s, k, d)| names(s, src) && k == kind && names(d, dst))
                {
                    failures.push(format!(
                        "{}: {sentence:?} should give {src} -{kind:?}-> {dst}, gave {got:?}",
                        rule.id
                    ));
                }
            }
            for sentence in &rule.counters {
                let got = edges(&lex, sentence, one);
                if !got.is_empty() {
                    failures.push(format!("{}: counter {sentence:?} gave {got:?}", rule.id));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
