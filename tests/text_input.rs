//! Text as written, through the real executable (issue 12): encodings,
//! byte-order marks, CR line ends, decomposed accents, an accented word
//! that crashed a rule, DOT ids, and an article over its work budget.

mod common;

use std::process::Command;

use common::TempDir;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

const ARTICLE: &str = "Harbour talks resume\n\nOSLO, March 12 (UPI) -- Foreign Minister \
    José Ruiz said the harbour talks would resume on Monday.\n\nAdvertisement\n\n\
    \"We are ready,\" Ruiz told reporters in Oslo.\n";

/// Run `extract ARGS... -o t/g.json`; (exit code, stderr, graph).
fn extract(t: &TempDir, args: &[&str]) -> (i32, String, Value) {
    let out_path = t.s("g.json");
    let out = Command::new(BIN)
        .arg("extract")
        .args(args)
        .args(["-o", &out_path])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let graph = std::fs::read(&out_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Value::Null);
    (out.status.code().unwrap(), stderr, graph)
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn evidence_texts(g: &Value) -> Vec<(u64, u64, String)> {
    let mut v: Vec<(u64, u64, String)> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["evidence"].as_array().unwrap().clone())
        .map(|ev| {
            (
                ev["start"].as_u64().unwrap(),
                ev["end"].as_u64().unwrap(),
                ev["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn the_same_text_with_a_bom_or_in_utf16_is_one_article_with_the_same_offsets() {
    let t = TempDir::new("text");
    t.write("in/plain.txt", ARTICLE);
    t.write("in/bom.txt", format!("\u{feff}{ARTICLE}"));
    t.write("in/wide.txt", utf16le(ARTICLE));
    let (code, stderr, g) = extract(&t, &[&t.s("in")]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(g["graph"]["articles"].as_array().unwrap().len(), 1, "{g}");
    let ev = evidence_texts(&g);
    assert!(!ev.is_empty());
    for (start, end, text) in ev {
        assert_eq!(&ARTICLE[start as usize..end as usize], text);
    }
}

#[test]
fn one_bad_byte_is_replaced_with_a_warning_and_accents_survive() {
    let t = TempDir::new("text");
    let mut bytes = ARTICLE.as_bytes().to_vec();
    let at = ARTICLE.find("Monday").unwrap();
    bytes.insert(at, 0x93);
    let file = t.write("bad.txt", &bytes);
    let (code, stderr, g) = extract(&t, &[&file.display().to_string()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "not valid UTF-8 (first bad byte at offset {at}); invalid bytes replaced with U+FFFD"
        )),
        "{stderr}"
    );
    let ids: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"person:josé-ruiz"), "{ids:?}");
}

#[test]
fn cr_only_line_ends_keep_boilerplate_and_dateline_out_of_evidence() {
    let t = TempDir::new("text");
    let file = t.write("cr.txt", ARTICLE.replace('\n', "\r"));
    let (code, stderr, g) = extract(&t, &[&file.display().to_string()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(g["graph"]["articles"][0]["dateline"], "OSLO");
    for (_, _, text) in evidence_texts(&g) {
        assert!(
            !text.contains("Advertisement") && !text.contains("UPI"),
            "{text}"
        );
    }
}

#[test]
fn a_decomposed_accent_gives_the_same_person() {
    let t = TempDir::new("text");
    t.write("in/composed.txt", ARTICLE);
    t.write("in/decomposed.txt", ARTICLE.replace('é', "e\u{301}"));
    let (code, stderr, g) = extract(&t, &[&t.s("in")]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(g["graph"]["articles"].as_array().unwrap().len(), 2);
    let people: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "person")
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["person:josé-ruiz"]);
}

#[test]
fn the_before_a_lower_case_accented_word_loses_no_article() {
    let t = TempDir::new("text");
    let file = t.write(
        "ecole.txt",
        "School row\n\nPARIS (Reuters) - Staff at the école said on Monday the talks had failed.\n",
    );
    let (code, stderr, g) = extract(&t, &[&file.display().to_string()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(g["graph"]["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn dot_keeps_ids_that_differ_only_in_white_space() {
    let t = TempDir::new("text");
    let node = |id: &str| {
        serde_json::json!({"id": id, "kind": "organization", "name": "Acme", "aliases": [],
                           "mentions": 1, "articles": 1, "seen": {"d1": 1}})
    };
    let ids = [
        "organization:a b",
        "organization:a  b",
        "organization:a\tb",
        "organization:r&d",
        "organization:a\\b",
    ];
    let graph = serde_json::json!({
        "directed": true, "multigraph": true,
        "graph": {"format": "newsgraph/1", "articles": [{"id": "a", "digest": "d1"}]},
        "nodes": ids.iter().map(|id| node(id)).collect::<Vec<_>>(),
        "edges": []
    });
    let input = t.write("g.json", graph.to_string());
    let out = Command::new(BIN)
        .args(["export", &input.display().to_string(), "--format", "dot"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let dot = String::from_utf8(out.stdout).unwrap();
    for id in ids {
        assert!(
            dot.contains(&format!("  \"{id}\" [label=")),
            "{id:?} in\n{dot}"
        );
    }
}
