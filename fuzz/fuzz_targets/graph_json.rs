//! The graph JSON reader on any text: an error or a graph, never a panic;
//! a graph it accepts resolves, answers every query, and writes JSON that
//! reads back to the same JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::export::json;
use newsgraph::query::{self, SaidQuery};
use newsgraph::resolve;

fuzz_target!(|bytes: &[u8]| {
    let Ok(s) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(graph) = json::from_str(s) else {
        return;
    };
    let view = resolve(&graph);
    let out = json::to_string(&view);
    let back = json::from_str(&out).expect("our own JSON reads back");
    assert_eq!(json::to_string(&resolve(&back)), out);

    let _ = query::stats(&view, 5);
    let _ = query::said(&view, &SaidQuery::default());
    let first = view.nodes.first().map(|n| n.id.clone());
    let last = view.nodes.last().map(|n| n.id.clone());
    if let (Some(a), Some(b)) = (first, last) {
        let name = view.nodes[0].name.clone();
        let _ = query::matching(&view, &name);
        let _ = query::said(
            &view,
            &SaidQuery {
                by: Some(name.clone()),
                about: Some(name),
                ..SaidQuery::default()
            },
        );
        let _ = query::neighbors(&view, &a, 2);
        let _ = query::shortest_path(&view, &a, &b, None);
        let _ = query::all_paths(&view, &a, &b, None, 3, 10);
    }
});
