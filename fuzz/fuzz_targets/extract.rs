//! Bytes to graph: any bytes read as an article either fail as binary or
//! extract (within the work budget) to a graph whose every evidence text is
//! exactly its byte range of the decoded text, and whose JSON reads back to
//! the same JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::export::json;
use newsgraph::extract::{budget_for_len, extract_within};
use newsgraph::{Article, Lexicon, resolve};
use std::sync::OnceLock;

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let lex = LEXICON.get_or_init(Lexicon::embedded);
    let Ok((article, _warning)) = Article::from_bytes("fuzz", bytes) else {
        return;
    };
    let text = &article.text;
    for s in &article.sentences {
        assert!(text.get(s.span.start..s.span.end).is_some());
    }
    let Ok((graph, _)) = extract_within(&article, lex, budget_for_len(text.len())) else {
        return;
    };
    for ev in graph.edges.values().flatten() {
        assert_eq!(ev.article, article.digest);
        assert_eq!(&text[ev.start..ev.end], ev.text);
    }
    let out = json::to_string(&resolve(&graph));
    let back = json::from_str(&out).expect("our own JSON reads back");
    assert_eq!(json::to_string(&resolve(&back)), out);
});
