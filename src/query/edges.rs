//! Relations as a list: the edges of some kinds, optionally from or to
//! some entities, each with how often and where it was read ("who accused
//! whom, and where does it say so").

use std::collections::BTreeSet;

use serde::Serialize;

use crate::error::Result;
use crate::graph::{Edge, EdgeKind, View};
use crate::query::name::{best_matching, unknown};
use crate::query::{Articles, NodeRef, Place};

/// The filters of [`edges`]; `None` means "any".
#[derive(Clone, Debug, Default)]
pub struct EdgeQuery {
    /// Only edges of these kinds.
    pub kinds: Option<BTreeSet<EdgeKind>>,
    /// Only edges whose source is an entity of this name (the best
    /// matching ones: see [`best_matching`]).
    pub from: Option<String>,
    /// Only edges whose target is an entity of this name.
    pub to: Option<String>,
}

/// One edge of the view with its evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub source: NodeRef,
    #[serde(serialize_with = "kind_name")]
    pub kind: EdgeKind,
    pub target: NodeRef,
    /// True where the articles deny the relation ("did not accuse").
    pub negated: bool,
    /// How many sentences it was read in.
    pub count: usize,
    /// How many articles those sentences are in.
    pub articles: usize,
    /// The sentences, in (article, sentence) order.
    pub evidence: Vec<Place>,
}

fn kind_name<S: serde::Serializer>(kind: &EdgeKind, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(kind.as_str())
}

/// The distinct places an edge was read in, sorted.
pub(crate) fn places(articles: &Articles, edge: &Edge) -> Vec<Place> {
    let mut out: Vec<Place> = edge
        .evidence
        .iter()
        .map(|(ev, _, _)| articles.place(ev))
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.digest == b.digest && a.sentence == b.sentence);
    out
}

/// The edges matching `query`, most often read first, then by source and
/// target name.
///
/// Fails with [`crate::Error::UnknownName`] (with suggestions) when `from`
/// or `to` names no entity. O(N·A·L) for the names, then O(E + V log V)
/// over the edges E and their evidence V.
pub fn edges(view: &View, query: &EdgeQuery) -> Result<Vec<Relation>> {
    let ends = |name: &Option<String>| -> Result<Option<BTreeSet<&str>>> {
        match name {
            None => Ok(None),
            Some(n) => {
                let found: BTreeSet<&str> = best_matching(view, n)
                    .into_iter()
                    .map(|node| node.id.as_str())
                    .collect();
                if found.is_empty() {
                    Err(unknown(view, n))
                } else {
                    Ok(Some(found))
                }
            }
        }
    };
    let from = ends(&query.from)?;
    let to = ends(&query.to)?;
    let articles = Articles::new(view);
    let node = |id: &str| {
        view.node(id).map_or_else(
            || NodeRef {
                id: id.to_string(),
                kind: "",
                name: id.to_string(),
            },
            NodeRef::new,
        )
    };
    let mut out: Vec<Relation> = view
        .edges
        .iter()
        .filter(|e| query.kinds.as_ref().is_none_or(|k| k.contains(&e.kind)))
        .filter(|e| from.as_ref().is_none_or(|f| f.contains(e.source.as_str())))
        .filter(|e| to.as_ref().is_none_or(|t| t.contains(e.target.as_str())))
        .map(|e| {
            let evidence = places(&articles, e);
            let in_articles: BTreeSet<&str> = evidence.iter().map(|p| p.digest.as_str()).collect();
            Relation {
                source: node(&e.source),
                kind: e.kind,
                target: node(&e.target),
                negated: e.negated,
                count: evidence.len(),
                articles: in_articles.len(),
                evidence,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.source.name.cmp(&b.source.name))
            .then_with(|| a.target.name.cmp(&b.target.name))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.negated.cmp(&b.negated))
            .then_with(|| (&a.source.id, &a.target.id).cmp(&(&b.source.id, &b.target.id)))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::query::fixture;

    fn shown(rows: &[Relation]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                format!(
                    "{} -{}{}-> {} x{}",
                    r.source.id,
                    if r.negated { "not " } else { "" },
                    r.kind.as_str(),
                    r.target.id,
                    r.count
                )
            })
            .collect()
    }

    #[test]
    fn filters_by_kind_and_ends() {
        let v = fixture::view();
        let q = |kinds: &[EdgeKind], from: Option<&str>, to: Option<&str>| EdgeQuery {
            kinds: (!kinds.is_empty()).then(|| kinds.iter().copied().collect()),
            from: from.map(str::to_string),
            to: to.map(str::to_string),
        };
        assert_eq!(
            shown(&edges(&v, &q(&[EdgeKind::Accused], None, None)).unwrap()),
            ["nation:us -not accused-> nation:china x1"]
        );
        assert_eq!(
            shown(&edges(&v, &q(&[EdgeKind::MemberOf], None, Some("U.N."))).unwrap()),
            ["nation:china -member_of-> organization:un x1"]
        );
        let from_doe = edges(&v, &q(&[], Some("John Doe"), None)).unwrap();
        assert_eq!(
            shown(&from_doe),
            // Equally often: by target name ("China should ..." < "United States").
            [
                "person:john-doe -said-> statement:aaaa:1 x1",
                "person:john-doe -member_of-> nation:us x1"
            ]
        );
        assert_eq!(from_doe[0].evidence[0].article, "geneva-talks");
        assert_eq!(edges(&v, &q(&[], None, None)).unwrap().len(), v.edges.len());
        assert!(
            edges(&v, &q(&[EdgeKind::Accused], Some("China"), None))
                .unwrap()
                .is_empty()
        );
        let err = edges(&v, &q(&[], Some("Chnia"), None)).unwrap_err();
        assert!(
            matches!(&err, Error::UnknownName { suggestions, .. } if suggestions == &["China"])
        );
    }
}
