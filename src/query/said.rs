//! Who said what: statements with their speaker, where they were read, and
//! whom they are about, filtered by speaker, topic and article date.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::error::Result;
use crate::graph::{Edge, EdgeKind, Node, NodeKind, View};
use crate::query::date::Date;
use crate::query::name::{matching, normalize};
use crate::query::{Articles, NodeRef, Place, index_by_id};

/// The filters of [`said`]; `None` means "any".
#[derive(Clone, Debug, Default)]
pub struct SaidQuery {
    /// Only statements of the node(s) with this name or alias.
    pub by: Option<String>,
    /// Only statements about the entity with this name: an `about` edge to
    /// it, or its name in the words. A name no entity has is looked for in
    /// the words only.
    pub about: Option<String>,
    /// Only evidence from articles dated on or after this day. An article
    /// whose date is unknown (or has no year) is left out.
    pub since: Option<Date>,
    /// Only evidence from articles dated on or before this day; as `since`.
    pub until: Option<Date>,
}

/// One statement as said by one speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// The statement node's id.
    pub id: String,
    /// The attributed words.
    pub text: String,
    /// Who said it; `None` for a statement no one is recorded saying.
    pub speaker: Option<NodeRef>,
    /// The cue of the `said` edge ("said", "told", "according to", ...).
    pub cue: String,
    /// True where the article says the speaker did not say it.
    pub negated: bool,
    /// Entities the statement is about (its `about` edges), by id.
    pub about: Vec<NodeRef>,
    /// Where it was read, in (article, sentence) order.
    pub evidence: Vec<Place>,
}

/// A normalised text or name between two spaces, so that a name is in a
/// text as whole words when its padded form is in the text's.
fn padded(s: &str) -> String {
    format!(" {} ", normalize(s))
}

/// Whether `alias` is only the first word of a person's name ("Tony" of
/// "Tony Blair"): too common to look for in the words of statements, unless
/// it is what the user asked about.
fn is_given_name(node: &Node, alias: &str) -> bool {
    node.kind == NodeKind::Person
        && !alias.contains(char::is_whitespace)
        && node.name.contains(char::is_whitespace)
        && node.name.split_whitespace().next() == Some(alias)
}

/// Statements matching `query`, sorted by where they were first read
/// (article label, sentence), then speaker, then id.
///
/// Fails with [`Error::UnknownName`] when `by` names no node.
/// O(N·A·L) for the name lookups, O(E log N) to index the edges, then
/// O(S·d + V log V) over statements S of degree d and their evidence V.
pub fn said(view: &View, query: &SaidQuery) -> Result<Vec<Statement>> {
    let articles = Articles::new(view);
    let index = index_by_id(view);
    let speakers: Option<BTreeSet<&str>> = match &query.by {
        None => None,
        Some(by) => {
            let found: BTreeSet<&str> = matching(view, by).iter().map(|n| n.id.as_str()).collect();
            if found.is_empty() {
                return Err(crate::query::name::unknown(view, by));
            }
            Some(found)
        }
    };
    // The topic: entity ids and every name they go by (or the words given),
    // each name normalised and padded once (see `padded`).
    let topic: Option<(BTreeSet<&str>, Vec<String>)> = query.about.as_deref().map(|about| {
        let nodes = matching(view, about);
        let ids = nodes.iter().map(|n| n.id.as_str()).collect();
        let mut names: Vec<&str> = nodes
            .iter()
            .flat_map(|n| {
                std::iter::once(n.name.as_str()).chain(
                    n.aliases
                        .iter()
                        .map(String::as_str)
                        .filter(|a| !is_given_name(n, a) || normalize(a) == normalize(about)),
                )
            })
            .collect();
        if names.is_empty() {
            names.push(about);
        }
        let names = names
            .into_iter()
            .map(padded)
            .filter(|n| !n.trim().is_empty())
            .collect();
        (ids, names)
    });
    let in_range = |place: &Place| -> bool {
        if query.since.is_none() && query.until.is_none() {
            return true;
        }
        let Some(date) = place.date.as_deref().and_then(Date::parse) else {
            return false;
        };
        query.since.is_none_or(|s| date >= s) && query.until.is_none_or(|u| date <= u)
    };

    // Edges touching each node, in one pass.
    let mut touching: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in &view.edges {
        touching.entry(e.source.as_str()).or_default().push(e);
        if e.target != e.source {
            touching.entry(e.target.as_str()).or_default().push(e);
        }
    }
    let mut out = Vec::new();
    for node in &view.nodes {
        if node.kind != NodeKind::Statement {
            continue;
        }
        let edges = touching
            .get(node.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let about: Vec<NodeRef> = edges
            .iter()
            .filter(|e| e.kind == EdgeKind::About && e.source == node.id)
            .filter_map(|e| {
                index
                    .get(e.target.as_str())
                    .map(|&j| NodeRef::new(&view.nodes[j]))
            })
            .collect();
        if let Some((ids, names)) = &topic
            && !about.iter().any(|a| ids.contains(a.id.as_str()))
        {
            let text = padded(&node.name);
            if !names.iter().any(|n| text.contains(n.as_str())) {
                continue;
            }
        }
        let said: Vec<_> = edges
            .iter()
            .filter(|e| e.kind == EdgeKind::Said && e.target == node.id)
            .collect();
        // Only the speakers asked for (their places are all that is built).
        let unattributed = said.is_empty();
        let said: Vec<_> = said
            .into_iter()
            .filter(|e| {
                speakers
                    .as_ref()
                    .is_none_or(|ids| ids.contains(e.source.as_str()))
            })
            .collect();
        let mut rows: Vec<(Option<NodeRef>, String, bool, Vec<Place>)> = said
            .iter()
            .map(|e| {
                let speaker = index
                    .get(e.source.as_str())
                    .map(|&j| NodeRef::new(&view.nodes[j]));
                let ev = e
                    .evidence
                    .iter()
                    .map(|(ev, _, _)| articles.place(ev))
                    .collect();
                (speaker, e.cue.clone(), e.negated, ev)
            })
            .collect();
        if unattributed && speakers.is_none() {
            // Unattributed: its evidence is that of any edge touching it.
            let ev = edges
                .iter()
                .flat_map(|e| e.evidence.iter().map(|(ev, _, _)| articles.place(ev)))
                .collect();
            rows.push((None, String::new(), false, ev));
        }
        for (speaker, cue, negated, mut evidence) in rows {
            if let Some(ids) = &speakers
                && !speaker
                    .as_ref()
                    .is_some_and(|s| ids.contains(s.id.as_str()))
            {
                continue;
            }
            evidence.retain(|p| in_range(p));
            evidence.sort();
            evidence.dedup();
            let dated = query.since.is_some() || query.until.is_some();
            if evidence.is_empty() && dated {
                continue;
            }
            out.push(Statement {
                id: node.id.clone(),
                text: node.name.clone(),
                speaker,
                cue,
                negated,
                about: about.clone(),
                evidence,
            });
        }
    }
    fn key(s: &Statement) -> (Option<(&str, usize)>, Option<&str>, &str) {
        (
            s.evidence.first().map(|p| (p.article.as_str(), p.sentence)),
            s.speaker.as_ref().map(|n| n.name.as_str()),
            s.id.as_str(),
        )
    }
    out.sort_by(|a, b| key(a).cmp(&key(b)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::query::fixture;

    fn ids(rows: &[Statement]) -> Vec<&str> {
        rows.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn lists_every_statement_in_reading_order() {
        let v = fixture::view();
        let rows = said(&v, &SaidQuery::default()).unwrap();
        assert_eq!(ids(&rows), ["statement:aaaa:1", "statement:bbbb:0"]);
        assert_eq!(rows[0].speaker.as_ref().unwrap().name, "John Doe");
        assert_eq!(rows[0].evidence[0].article, "geneva-talks");
        assert_eq!(rows[0].evidence[0].sentence, 1);
        assert_eq!(rows[0].about[0].id, "nation:china");
    }

    #[test]
    fn by_matches_every_node_with_that_name() {
        let v = fixture::view();
        let q = |by: &str| SaidQuery {
            by: Some(by.into()),
            ..SaidQuery::default()
        };
        assert_eq!(
            ids(&said(&v, &q("john DOE")).unwrap()),
            ["statement:aaaa:1"]
        );
        assert_eq!(said(&v, &q("Doe")).unwrap().len(), 2);
        assert!(matches!(
            said(&v, &q("Nobody")),
            Err(Error::UnknownName { .. })
        ));
        assert!(said(&v, &q("China")).unwrap().is_empty());
    }

    #[test]
    fn about_uses_edges_then_words() {
        let v = fixture::view();
        let q = |about: &str| SaidQuery {
            about: Some(about.into()),
            ..SaidQuery::default()
        };
        assert_eq!(ids(&said(&v, &q("Beijing")).unwrap()), ["statement:aaaa:1"]);
        // No about edge to the U.N., but its alias is in the words.
        assert_eq!(
            ids(&said(&v, &q("United Nations")).unwrap()),
            ["statement:bbbb:0"]
        );
        // No entity: plain words.
        assert_eq!(
            ids(&said(&v, &q("cyber issues")).unwrap()),
            ["statement:aaaa:1"]
        );
        assert!(said(&v, &q("weather")).unwrap().is_empty());
    }

    #[test]
    fn about_does_not_look_for_a_given_name_alone() {
        let mut v = fixture::view();
        for n in &mut v.nodes {
            match n.id.as_str() {
                "person:john-doe" => n.aliases.push("John".into()),
                "statement:bbbb:0" => n.name = "John Smith will not take sides".into(),
                _ => {}
            }
        }
        let q = SaidQuery {
            about: Some("John Doe".into()),
            ..SaidQuery::default()
        };
        assert!(said(&v, &q).unwrap().is_empty());
        let q = SaidQuery {
            about: Some("John".into()),
            ..SaidQuery::default()
        };
        // Asked for by itself, the word is still looked for.
        assert_eq!(ids(&said(&v, &q).unwrap()), ["statement:bbbb:0"]);
    }

    #[test]
    fn dates_exclude_articles_without_a_full_date() {
        let v = fixture::view();
        let q = |since: &str, until: &str| SaidQuery {
            since: Date::parse(since),
            until: Date::parse(until),
            ..SaidQuery::default()
        };
        assert_eq!(
            ids(&said(&v, &q("2014-03-01", "")).unwrap()),
            ["statement:aaaa:1"]
        );
        assert_eq!(
            ids(&said(&v, &q("", "March 3, 2014")).unwrap()),
            ["statement:aaaa:1"]
        );
        assert!(said(&v, &q("2014-03-04", "")).unwrap().is_empty());
        assert!(said(&v, &q("", "2014-03-02")).unwrap().is_empty());
    }
}
