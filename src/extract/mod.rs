//! From an article to its raw graph.
//!
//! The steps follow the data: `token` gives each sentence its tokens,
//! `mention` finds names in them and `nominal` the meetings and reports
//! named by noun phrases, `entity` groups them into the article's
//! entities, `quote` finds quotations, `said` attributes statements to
//! the speakers `speaker` resolves, `relation` reads accusations,
//! meetings, reports, citations and affiliations. This module turns the result into a [`Graph`] whose
//! every edge carries the sentence it was read from and the id of the rule
//! (the construction) that read it.

mod arg;
mod budget;
mod chunk;
mod doc;
mod entity;
mod mention;
mod nominal;
mod pattern;
mod quote;
mod relation;
mod said;
mod speaker;
mod token;

use std::collections::{BTreeMap, BTreeSet};

use crate::graph::{
    ArticleInfo, EdgeKey, EdgeKind, Evidence, Graph, NodeKind, RawNode, add_evidence, node_id,
};
use crate::lexicon::{Lexicon, WordClass};
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
    let doc = doc::Doc::new(article, lexicon);
    // every pass reads every token of every sentence at least once
    let tokens: usize = doc.sents.iter().map(|s| s.toks.len()).sum();
    budget::spend(tokens as u64);
    build(article, &doc, &doc.input(lexicon))
}

/// Statements and relations of the analysed article, as a graph.
fn build(article: &Article, doc: &doc::Doc<'_>, input: &said::Input<'_, '_>) -> Graph {
    let (text, ents) = (input.text, input.ents);
    let statements = said::find(input);
    let mut relations = relation::find(input);
    relations.extend(relation::from_statements(input, &statements));
    for (s, ch) in doc.chunks.iter().enumerate() {
        pattern::apply(input, s, ch, input.lex.rules(), &mut relations);
    }
    relation::drop_own_citations(&mut relations);

    let mut b = Builder::new(article, input.lex);
    // entities
    let mut ids: Vec<Option<String>> = vec![None; ents.list.len()];
    for (e, ent) in ents.list.iter().enumerate() {
        if ent.mentions == 0 || ent.latent {
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
        let said = Reading {
            sentence: st.sentence,
            cue: &st.cue,
            rule: st.rule,
        };
        b.edge(&speaker, EdgeKind::Said, &sid, false, &said);
        // what a statement is about: the entities named in its words
        for &a in &st.about {
            if let Some(t) = ids[a].clone() {
                let about = Reading {
                    rule: "about.named-in-statement",
                    ..said
                };
                b.edge(&sid, EdgeKind::About, &t, false, &about);
            }
        }
    }
    // accusations, meetings, reports, citations, affiliations
    for r in &relations {
        // a bare "the summit" becomes a node when a relation reaches it
        for e in [r.source, r.target] {
            let ent = &ents.list[e];
            if ids[e].is_none() && ent.latent && ent.mentions > 0 {
                ids[e] = Some(b.node(ent.kind, &ent.name, ent.names.iter().cloned(), ent.mentions));
            }
        }
        let (Some(src), Some(dst)) = (ids[r.source].clone(), ids[r.target].clone()) else {
            continue;
        };
        if src != dst {
            let read = Reading {
                sentence: r.sentence,
                cue: &r.cue,
                rule: r.rule,
            };
            b.edge(&src, r.kind, &dst, r.negated, &read);
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

/// Where and how an edge was read: its sentence, cue and rule.
#[derive(Clone, Copy)]
struct Reading<'a> {
    sentence: usize,
    cue: &'a str,
    rule: &'static str,
}

/// Accumulates the raw graph of one article.
struct Builder<'a> {
    article: &'a Article,
    lex: &'a Lexicon,
    graph: Graph,
}

impl<'a> Builder<'a> {
    fn new(article: &'a Article, lex: &'a Lexicon) -> Self {
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
        Builder {
            article,
            lex,
            graph,
        }
    }

    /// Add (or count again) a node and return its id.
    fn node(
        &mut self,
        kind: NodeKind,
        name: &str,
        names: impl Iterator<Item = String>,
        mentions: u32,
    ) -> String {
        let id = if self.is_generic(kind, name) {
            // "report:two-year-study" -> "report:DIGEST:two-year-study"
            let id = node_id(kind, name);
            let (kind, slug) = id.split_once(':').unwrap_or((&id, ""));
            format!("{kind}:{}:{slug}", self.article.digest)
        } else {
            node_id(kind, name)
        };
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

    /// A meeting or report whose name holds no proper name other than a day
    /// or a month ("a two-year study", "the talks on Monday") is the article's
    /// own: its id carries the article's digest, so that merged graphs never
    /// fold two articles' "new study" into one.
    fn is_generic(&self, kind: NodeKind, name: &str) -> bool {
        matches!(kind, NodeKind::Meeting | NodeKind::Report)
            && !name.split([' ', '-']).any(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !self.lex.word_in_any_case(WordClass::Day, w)
                    && !self.lex.word_in_any_case(WordClass::Month, w)
            })
    }

    fn edge(&mut self, source: &str, kind: EdgeKind, target: &str, negated: bool, at: &Reading) {
        let s = &self.article.sentences[at.sentence];
        let ev = Evidence {
            article: self.article.digest.clone(),
            sentence: s.index,
            start: s.span.start,
            end: s.span.end,
            text: self.article.slice(s.span).to_string(),
            cue: at.cue.to_string(),
            rule: at.rule.to_string(),
        };
        let set = self
            .graph
            .edges
            .entry(EdgeKey {
                source: source.to_string(),
                kind,
                target: target.to_string(),
                negated,
            })
            .or_default();
        add_evidence(set, ev);
    }
}

/// For the unit tests of the steps: analyse `text` (a title line, a blank
/// line, then the body, as in a file) with the embedded tables.
#[cfg(test)]
pub(crate) fn with_input<R>(text: &str, then: impl FnOnce(&said::Input<'_, '_>) -> R) -> R {
    let lex = Lexicon::embedded();
    let article = Article::from_bytes("t", text.as_bytes()).unwrap().0;
    let doc = doc::Doc::new(&article, &lex);
    then(&doc.input(&lex))
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
        let rules = rule_ids_in_code();
        for ev in g.edges.values().flatten() {
            assert_eq!(&text[ev.start..ev.end], ev.text);
            assert!(rules.contains(&ev.rule), "{ev:?}");
        }
    }

    /// The ids of a graph's nodes of one kind, in order.
    fn ids_of(g: &Graph, kind: NodeKind) -> Vec<&str> {
        g.nodes
            .iter()
            .filter(|(_, n)| n.kind == kind)
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// A writer does not cite the document the article says they wrote.
    #[test]
    fn a_writer_does_not_cite_their_own_document() {
        let g = graph_of("Title\n\nA report published by Greenpeace says the fleet was too large.\n");
        let kinds: Vec<EdgeKind> = g
            .edges
            .keys()
            .filter(|k| k.source == "organization:greenpeace" || k.target == "organization:greenpeace")
            .map(|k| k.kind)
            .collect();
        assert!(kinds.contains(&EdgeKind::AuthoredBy), "{kinds:?}");
        assert!(!kinds.contains(&EdgeKind::Cites), "{kinds:?}");
    }

    /// A report first introduced with "a" becomes a node when "the study" refers
    /// back to it; with no name in it, its id is the article's own.
    #[test]
    fn an_introduced_report_is_the_articles_own_node() {
        let text = "Title\n\nKeltec published a two-year study of boat owners. The study predicts that alarm sales will double by 2027. The Harbour Trust report said costs had risen.\n";
        let g = graph_of(text);
        let digest = g.articles.keys().next().unwrap();
        let reports = ids_of(&g, NodeKind::Report);
        let own = format!("report:{digest}:two-year-study-of-boat-owners");
        assert_eq!(reports, [own.as_str(), "report:harbour-trust-report"]);
        assert!(g.edges.keys().any(|k| k.source == own && k.kind == EdgeKind::Said));
    }

    #[test]
    fn mr_and_mrs_of_one_surname_are_two_people() {
        let text = "Title\n\nMr Roe said the vote was close. Mrs Roe said she was proud of the campaign.\n";
        let g = graph_of(text);
        assert_eq!(
            ids_of(&g, NodeKind::Person),
            ["person:mrs-roe", "person:roe"]
        );
    }

    #[test]
    fn same_text_same_graph() {
        let text = "Title\n\nLONDON (Reuters) - Foreign Secretary Jack Doe said the talks in Paris had failed.\n";
        assert_eq!(graph_of(text), graph_of(text));
    }

    /// The string literals of `src` outside `#[cfg(test)]` items, skipping
    /// comments and char literals (a small lexer, enough for our own code).
    fn literals_outside_tests(src: &str) -> Vec<String> {
        let b = src.as_bytes();
        let find = |from: usize, pat: &[u8]| {
            (from..b.len())
                .find(|&k| b[k..].starts_with(pat))
                .unwrap_or(b.len())
        };
        let (mut i, mut depth) = (0, 0usize);
        let mut test_from: Option<usize> = None; // depth at which a test item opened
        let mut pending_test = false;
        let mut out = Vec::new();
        while i < b.len() {
            let rest = &b[i..];
            let ident_before = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
            if rest.starts_with(b"//") {
                i = find(i, b"\n");
            } else if rest.starts_with(b"/*") {
                i = find(i, b"*/") + 2;
            } else if rest.starts_with(b"#[cfg(test)]") {
                pending_test = true;
                i += "#[cfg(test)]".len();
            } else if b[i] == b'"'
                || (rest.starts_with(b"r#") || rest.starts_with(b"r\"")) && !ident_before
            {
                let hashes = rest[1..].iter().take_while(|&&c| c == b'#').count();
                let (open, close) = if b[i] == b'"' {
                    (1, vec![b'"'])
                } else {
                    (2 + hashes, [b"\"".as_slice(), &vec![b'#'; hashes]].concat())
                };
                let mut j = i + open;
                while j < b.len() && !b[j..].starts_with(&close) {
                    j += if b[i] == b'"' && b[j] == b'\\' { 2 } else { 1 };
                }
                if test_from.is_none() {
                    out.push(String::from_utf8_lossy(&b[i + open..j.min(b.len())]).into_owned());
                }
                i = j + close.len();
            } else if b[i] == b'\'' {
                // a char literal ('a', '\n', '\u{2019}', '’') or a lifetime ('a)
                let close = (i + 1..(i + 12).min(b.len())).find(|&k| b[k] == b'\'' && k > i + 1);
                match close {
                    Some(e) if !b[i + 1..e].iter().any(|c| b" ,>".contains(c)) => i = e + 1,
                    _ => i += 1,
                }
            } else {
                match b[i] {
                    b'{' => {
                        if pending_test && test_from.is_none() {
                            test_from = Some(depth);
                        }
                        pending_test = false;
                        depth += 1;
                    }
                    b'}' => {
                        depth = depth.saturating_sub(1);
                        if test_from == Some(depth) {
                            test_from = None;
                        }
                    }
                    b';' if test_from.is_none() => pending_test = false,
                    _ => {}
                }
                i += 1;
            }
        }
        out
    }

    /// A literal is a word when it holds a letter outside `{}` placeholders
    /// and escapes; a rule id (`said.quote-speaker-after`) is a name, not a word.
    fn is_word_literal(lit: &str) -> bool {
        let mut plain = String::new();
        let mut chars = lit.chars();
        while let Some(c) = chars.next() {
            match c {
                '{' => {
                    for d in chars.by_ref() {
                        if d == '}' {
                            break;
                        }
                    }
                }
                '\\' => {
                    if chars.next() == Some('u') {
                        for d in chars.by_ref() {
                            if d == '}' {
                                break;
                            }
                        }
                    }
                }
                c => plain.push(c),
            }
        }
        plain.chars().any(|c| c.is_ascii_alphabetic()) && !is_rule_id(lit)
    }

    /// `KIND.CONSTRUCTION` with an edge kind: a rule id.
    fn is_rule_id(lit: &str) -> bool {
        lit.split_once('.').is_some_and(|(kind, rest)| {
            EdgeKind::parse(kind).is_some()
                && !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
    }

    /// The rule ids written in one source file, outside tests: the unit
    /// tests of each step check that every one has an example.
    pub(super) fn rule_ids_of(src: &str) -> BTreeSet<String> {
        literals_outside_tests(src)
            .into_iter()
            .filter(|l| is_rule_id(l))
            .collect()
    }

    /// The rule ids written in the extractor's code, outside tests.
    fn rule_ids_in_code() -> BTreeSet<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/extract");
        let mut ids = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                ids.extend(rule_ids_of(&std::fs::read_to_string(&path).unwrap()));
            }
        }
        ids
    }

    /// docs/FORMAT.md lists every rule the extractor has, and no other.
    #[test]
    fn the_rules_documented_are_the_rules_in_the_code() {
        let doc = include_str!("../../docs/FORMAT.md");
        let documented: BTreeSet<String> = doc
            .lines()
            .filter_map(|l| l.strip_prefix("| `")?.split_once("` |"))
            .map(|(id, _)| id.to_string())
            .filter(|id| is_rule_id(id))
            .collect();
        let mut code = rule_ids_in_code();
        assert!(code.len() >= 30, "{code:?}");
        let data: Vec<&str> = Lexicon::embedded().rules().iter().map(|r| r.id).collect();
        for id in &data {
            assert!(
                code.insert(id.to_string()),
                "rule {id} is in the code and in data/rules"
            );
        }
        assert_eq!(documented, code);
    }

    /// The extractor's words live in `data/words.txt` (see
    /// [`crate::lexicon::WordClass`]): outside tests, `src/extract` holds at
    /// most 60 string literals with letters in them (cue names, affixes,
    /// ids), and no list of English words.
    #[test]
    fn the_extractor_holds_no_word_lists() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/extract");
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                for lit in literals_outside_tests(&src) {
                    if is_word_literal(&lit) {
                        found.push(format!("{}: {lit:?}", path.display()));
                    }
                }
            }
        }
        assert!(
            found.len() <= 60,
            "{} word literals:\n{}",
            found.len(),
            found.join("\n")
        );
    }

    #[test]
    fn the_literal_counter_sees_what_it_should() {
        let src = r##"
            // "commented"
            const A: &str = "alpha"; // a word
            fn f<'a>(x: &'a str) -> char { let _ = r#"raw "quoted" words"#; '"' }
            fn g() -> String { format!("{} {x}", "\"q\"") }
            #[cfg(test)]
            mod tests { const T: &str = "test only"; fn h() { let _ = "{"; } }
            const B: &str = "beta";
        "##;
        let lits = literals_outside_tests(src);
        assert_eq!(
            lits,
            [
                "alpha",
                "raw \"quoted\" words",
                "{} {x}",
                "\\\"q\\\"",
                "beta"
            ]
        );
        let words: Vec<&String> = lits.iter().filter(|l| is_word_literal(l)).collect();
        assert_eq!(
            words,
            ["alpha", "raw \"quoted\" words", "\\\"q\\\"", "beta"]
        );
        assert!(!is_word_literal("accused.verb-object"));
        assert!(!is_word_literal("member_of.name-of"));
        assert!(is_word_literal("according.to"));
        assert!(is_word_literal(".com"));
        assert!(!is_word_literal("\\u{2019}"));
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

    /// A subject list whose next name starts inside the last one's title
    /// ("the board Mr ...") once sliced the tokens backwards.
    #[test]
    fn a_name_inside_the_previous_subject_does_not_panic() {
        let _ = graph_of("said \n\n the board Mr which criticised \"");
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
