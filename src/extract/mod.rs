//! From an article to its raw graph.
//!
//! The steps follow the data: `token` gives each sentence its tokens,
//! `mention` finds names in them and `nominal` the meetings and reports
//! named by noun phrases, `entity` groups them into the article's
//! entities, `quote` finds quotations, `said` attributes statements to
//! the speakers `speaker` resolves, `relation` reads accusations,
//! meetings, reports, citations and affiliations. This module turns the result into a [`Graph`] whose
//! every edge carries the sentence it was read from.

mod budget;
mod entity;
mod mention;
mod nominal;
mod quote;
mod relation;
mod said;
mod speaker;
mod token;

use std::collections::{BTreeMap, BTreeSet};

use crate::graph::{ArticleInfo, EdgeKey, EdgeKind, Evidence, Graph, NodeKind, RawNode, node_id};
use crate::lexicon::Lexicon;
use crate::text::Article;

pub use self::budget::{OverBudget, for_len as budget_for_len};

/// Extract the raw graph of one article, doing at most `limit` units of
/// work (see [`budget_for_len`] for the default); also the units spent.
/// The same article and limit always give the same answer.
pub fn extract_within(
    article: &Article,
    lexicon: &Lexicon,
    limit: u64,
) -> std::result::Result<(Graph, u64), OverBudget> {
    budget::start(limit);
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(article, lexicon)));
    let spent = budget::spent();
    budget::start(u64::MAX);
    match run {
        Ok(graph) => Ok((graph, spent)),
        Err(payload) => match payload.downcast::<OverBudget>() {
            Ok(over) => Err(*over),
            Err(other) => std::panic::resume_unwind(other),
        },
    }
}

/// Extract the raw graph of one article.
pub fn extract(article: &Article, lexicon: &Lexicon) -> Graph {
    let text = article.text.as_str();
    let sents = token::sentences(article);
    // every pass reads every token of every sentence at least once
    let tokens: usize = sents.iter().map(|s| s.toks.len()).sum();
    budget::spend(tokens as u64);
    // names first, then the meeting and report phrases around them (appended,
    // so the indices names use for their affiliations stay valid)
    let mentions: Vec<Vec<mention::Mention>> = sents
        .iter()
        .map(|s| {
            let mut ms = mention::find(s, text, lexicon);
            let nominals = nominal::find(s, text, lexicon, &ms);
            ms.extend(nominals);
            ms
        })
        .collect();
    let title = article.title.map(|span| token::SentToks {
        span,
        paragraph: usize::MAX,
        toks: token::toks(text, span),
    });
    let title_mentions = title.as_ref().map(|t| mention::find(t, text, lexicon));
    let ents = entity::resolve(
        &sents,
        &mentions,
        title.as_ref().zip(title_mentions.as_deref()),
        lexicon,
    );
    let quotes: Vec<quote::Quote> = article
        .paragraphs
        .iter()
        .flat_map(|p| quote::quotes(text, *p))
        .collect();
    let input = said::Input {
        text,
        sents: &sents,
        mentions: &mentions,
        ents: &ents,
        quotes: &quotes,
        lex: lexicon,
    };
    let statements = said::find(&input);
    let mut relations = relation::find(&input);
    relations.extend(relation::from_statements(&input, &statements));

    let mut b = Builder::new(article);
    // entities
    let mut ids: Vec<Option<String>> = vec![None; ents.list.len()];
    for (e, ent) in ents.list.iter().enumerate() {
        if ent.mentions == 0 {
            continue;
        }
        ids[e] = Some(b.node(ent.kind, &ent.name, ent.names.iter().cloned(), ent.mentions));
    }
    // statements
    for (n, st) in statements.iter().enumerate() {
        let Some(speaker) = ids[st.speaker].clone() else {
            continue;
        };
        let words = statement_text(&text[st.content.start..st.content.end]);
        if words.is_empty() {
            continue;
        }
        let sid = format!("statement:{}:{}", article.digest, n + 1);
        b.graph.nodes.insert(
            sid.clone(),
            RawNode {
                kind: NodeKind::Statement,
                name: words,
                names: BTreeSet::new(),
                seen: BTreeMap::from([(article.digest.clone(), 1)]),
            },
        );
        b.edge(&speaker, EdgeKind::Said, &sid, false, st.sentence, &st.cue);
        for &a in &st.about {
            if let Some(t) = ids[a].clone() {
                b.edge(&sid, EdgeKind::About, &t, false, st.sentence, &st.cue);
            }
        }
    }
    // accusations, meetings, reports, citations, affiliations
    for r in &relations {
        let (Some(src), Some(dst)) = (ids[r.source].clone(), ids[r.target].clone()) else {
            continue;
        };
        if src != dst {
            b.edge(&src, r.kind, &dst, r.negated, r.sentence, &r.cue);
        }
    }
    b.graph
}

/// The attributed words as stored: quotation marks dropped, spaces collapsed.
fn statement_text(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if matches!(c, '"' | '\u{201c}' | '\u{201d}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let joined = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '-' | '\u{2014}' | ' '))
        .trim_end_matches('.')
        .trim_end()
        .to_string()
}

/// Accumulates the raw graph of one article.
struct Builder<'a> {
    article: &'a Article,
    graph: Graph,
}

impl<'a> Builder<'a> {
    fn new(article: &'a Article) -> Self {
        let mut graph = Graph::default();
        let title = article.title.map(|s| article.slice(s).to_string());
        graph.articles.insert(
            article.digest.clone(),
            ArticleInfo {
                id: article.label.clone(),
                digest: article.digest.clone(),
                title,
                source: article.dateline.source.clone(),
                dateline: article.dateline.place.clone(),
                date: article.dateline.date.clone(),
            },
        );
        Builder { article, graph }
    }

    /// Add (or count again) a node and return its id.
    fn node(
        &mut self,
        kind: NodeKind,
        name: &str,
        names: impl Iterator<Item = String>,
        mentions: u32,
    ) -> String {
        let id = node_id(kind, name);
        let node = self
            .graph
            .nodes
            .entry(id.clone())
            .or_insert_with(|| RawNode {
                kind,
                name: name.to_string(),
                names: BTreeSet::new(),
                seen: BTreeMap::new(),
            });
        node.names.insert(name.to_string());
        node.names.extend(names);
        *node.seen.entry(self.article.digest.clone()).or_insert(0) += mentions;
        id
    }

    fn edge(
        &mut self,
        source: &str,
        kind: EdgeKind,
        target: &str,
        negated: bool,
        sentence: usize,
        cue: &str,
    ) {
        let s = &self.article.sentences[sentence];
        let ev = Evidence {
            article: self.article.digest.clone(),
            sentence: s.index,
            start: s.span.start,
            end: s.span.end,
            text: self.article.slice(s.span).to_string(),
            cue: cue.to_string(),
        };
        self.graph
            .edges
            .entry(EdgeKey {
                source: source.to_string(),
                kind,
                target: target.to_string(),
                negated,
            })
            .or_default()
            .insert(ev);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn graph_of(text: &str) -> Graph {
        let lex = Lexicon::embedded();
        let article = Article::from_bytes("t", text.as_bytes()).unwrap().0;
        extract(&article, &lex)
    }

    #[test]
    fn every_evidence_is_the_sentence_it_names() {
        let text = "Talks resume\n\nGENEVA, May 2 (UPI) -- Zürich\u{2019}s mayor Anna Weber said \u{201c}we will act\u{201d} on Monday.\n\n\"We will go on,\" Ms Weber added, \"and on.\"\n";
        let g = graph_of(text);
        assert!(!g.edges.is_empty());
        for ev in g.edges.values().flatten() {
            assert_eq!(&text[ev.start..ev.end], ev.text);
        }
    }

    #[test]
    fn mr_and_mrs_of_one_surname_are_two_people() {
        let text = "Title\n\nMr Roe said the vote was close. Mrs Roe said she was proud of the campaign.\n";
        let g = graph_of(text);
        let people: Vec<&str> = g
            .nodes
            .iter()
            .filter(|(_, n)| n.kind == NodeKind::Person)
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(people, ["person:mrs-roe", "person:roe"]);
    }

    #[test]
    fn same_text_same_graph() {
        let text = "Title\n\nLONDON (Reuters) - Foreign Secretary Jack Doe said the talks in Paris had failed.\n";
        assert_eq!(graph_of(text), graph_of(text));
    }

    /// Words that trigger every rule, in any order: the extractor never panics.
    fn newsy() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "said",
            "told",
            "according",
            "to",
            "accused",
            "of",
            "by",
            "was",
            "the",
            "a",
            "report",
            "summit",
            "meeting",
            "between",
            "and",
            "with",
            "Mr",
            "Ms",
            "President",
            "Jane",
            "Doe",
            "China",
            "Chinese",
            "U.S.",
            "Washington",
            "Labour",
            "Party",
            "\"",
            "\u{201c}",
            "\u{201d}",
            "'s",
            ",",
            ".",
            ":",
            "(",
            ")",
            "-",
            "he",
            "He",
            "she",
            "it",
            "It",
            "quoted",
            "as",
            "saying",
            "citing",
            "the board",
            "Board",
            "Advertisement",
            "\n\n",
            "\n",
            "who",
            "which",
            "criticised",
            "not",
            "didn't",
            "at",
            "during",
        ]);
        prop::collection::vec(words, 0..80).prop_map(|w| w.join(" "))
    }

    proptest! {
        #[test]
        fn hostile_text_never_panics_and_evidence_holds(text in newsy()) {
            let g = graph_of(&text);
            for ev in g.edges.values().flatten() {
                prop_assert_eq!(&text[ev.start..ev.end], ev.text.as_str());
            }
        }

        #[test]
        fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
            let _ = graph_of(&text);
        }
    }
}
