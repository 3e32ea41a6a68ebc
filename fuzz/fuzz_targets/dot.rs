//! The DOT writer on any graph the JSON reader accepts: the DOT reads back
//! (as Graphviz's scanner reads it) to exactly the JSON's nodes and edges,
//! every id intact where an id can be written exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::export::{dot, json};
use newsgraph::resolve;

fuzz_target!(|bytes: &[u8]| {
    let Ok(s) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(graph) = json::from_str(s) else {
        return;
    };
    let view = resolve(&graph);
    let out = dot::to_string(&view);
    let (nodes, edges) = dot::read_back(&out).expect("our DOT parses");
    assert_eq!(nodes.len(), view.nodes.len());
    assert_eq!(edges.len(), view.edges.len());
    for (n, got) in view.nodes.iter().zip(&nodes) {
        if dot::writes_exactly(&n.id) {
            assert_eq!(&n.id, got);
        }
    }
    for (e, (source, target, label)) in view.edges.iter().zip(&edges) {
        if dot::writes_exactly(&e.source) {
            assert_eq!(&e.source, source);
        }
        if dot::writes_exactly(&e.target) {
            assert_eq!(&e.target, target);
        }
        let kind = e.kind.as_str();
        assert!(label == kind || *label == format!("not {kind}"));
    }
});
