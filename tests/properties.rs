//! Property tests of the invariants the fuzzers (fuzz/) check, on
//! generated wire-copy-like articles in every encoding we read:
//!
//! - every evidence text is exactly its byte range of the decoded text;
//! - the same words in UTF-8, with a byte-order mark, in UTF-16 or with CR
//!   line ends give the same digest (CR aside) and the same evidence;
//! - a graph's JSON reads back to the same JSON.

use std::sync::OnceLock;

use proptest::prelude::*;

use newsgraph::export::json;
use newsgraph::{Article, Graph, Lexicon, extract, resolve};

/// Words that trigger the rules, and accented, curly and CJK text.
fn article_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "said",
        "told",
        "according to",
        "accused",
        "of",
        "by",
        "the",
        "a",
        "report",
        "summit",
        "between",
        "and",
        "Mr",
        "Ms",
        "President",
        "Jane",
        "Doe",
        "José",
        "Gonza\u{301}lez",
        "Zürich",
        "China",
        "U.S.",
        "Labour Party",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "'s",
        ",",
        ".",
        ":",
        "(",
        ")",
        "he",
        "she",
        "It",
        "quoted",
        "as",
        "saying",
        "citing",
        "the board",
        "Advertisement\n",
        "\n\n",
        "\n",
        "who",
        "not",
        "at",
        "the école",
        "东京",
        "\u{2014}",
    ]);
    (
        prop::collection::vec(words, 0..60),
        prop::sample::select(vec!["", "BEIJING, May 30 (UPI) -- ", "LONDON (Reuters) - "]),
    )
        .prop_map(|(w, dateline)| format!("Talks resume\n\n{dateline}{}\n", w.join(" ")))
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn graph_of(bytes: &[u8]) -> (Article, Graph) {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let lex = LEXICON.get_or_init(Lexicon::embedded);
    let article = Article::from_bytes("p", bytes).unwrap().0;
    let graph = extract(&article, lex);
    (article, graph)
}

fn evidence(g: &Graph) -> Vec<(usize, usize, String)> {
    g.edges
        .values()
        .flatten()
        .map(|e| (e.start, e.end, e.text.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn evidence_is_its_byte_range_of_the_decoded_text_in_every_encoding(text in article_text()) {
        let plain = graph_of(text.as_bytes());
        let bom = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
        let cr = text.replace('\n', "\r");
        let variants = [bom, utf16(&text, false), utf16(&text, true), cr.into_bytes()];
        for (i, bytes) in variants.iter().enumerate() {
            let (article, graph) = graph_of(bytes);
            for ev in graph.edges.values().flatten() {
                prop_assert_eq!(&article.text[ev.start..ev.end], ev.text.as_str());
                prop_assert_eq!(&ev.article, &article.digest);
            }
            if i < 3 {
                // byte-order mark and UTF-16: the same text, one article
                prop_assert_eq!(&article.text, &plain.0.text);
                prop_assert_eq!(&article.digest, &plain.0.digest);
                prop_assert_eq!(evidence(&graph), evidence(&plain.1));
            } else {
                // CR line ends: the same sentences at the same offsets
                prop_assert_eq!(&article.sentences, &plain.0.sentences);
            }
        }
    }

    #[test]
    fn a_stray_byte_costs_one_character_not_every_accent(text in article_text(), at in any::<prop::sample::Index>()) {
        let mut bytes = text.clone().into_bytes();
        let cut = (0..=bytes.len()).filter(|&i| text.is_char_boundary(i)).collect::<Vec<_>>();
        let i = cut[at.index(cut.len())];
        bytes.insert(i, 0xff);
        let (article, graph) = graph_of(&bytes);
        let has_multibyte = !text.is_ascii();
        if has_multibyte {
            let mut want = text.clone();
            want.insert(i, '\u{fffd}');
            prop_assert_eq!(&article.text, &want);
        }
        for ev in graph.edges.values().flatten() {
            prop_assert_eq!(&article.text[ev.start..ev.end], ev.text.as_str());
        }
    }

    #[test]
    fn extracted_json_round_trips(texts in prop::collection::vec(article_text(), 1..4)) {
        let mut graph = Graph::default();
        for t in &texts {
            graph.merge(graph_of(t.as_bytes()).1);
        }
        let out = json::to_string(&resolve(&graph));
        let back = json::from_str(&out).unwrap();
        prop_assert_eq!(json::to_string(&resolve(&back)), out);
    }
}
