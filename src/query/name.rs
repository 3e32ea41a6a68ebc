//! Which node a user means by a name: exact id, then exact name, then exact
//! alias, then a normalised match that ignores case and punctuation
//! ("U.S." = "us" = "US"). Statements are never matched by name.

use crate::error::{Error, Result};
use crate::graph::{Node, NodeKind, View};

/// Lower case, letters and digits only, words separated by one space:
/// "U.S." -> "us", "Al-Qaeda" -> "al qaeda", "  Jay  CARNEY " -> "jay carney".
///
/// O(n) in the length of `s`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase().map(fold_accent));
        } else if c.is_whitespace() || matches!(c, '-' | '_' | '/' | '\u{2010}'..='\u{2015}') {
            gap = true;
        }
        // Other punctuation ('.', '\'', '’', ...) vanishes: "U.S." -> "us".
    }
    out
}

/// The Latin letter without its accent ("é" -> "e"), so "Tomas Araya" finds "Tomás Araya".
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// How well `node` matches `query`: 0 exact id, 1 exact name, 2 exact
/// alias, 3 normalised name, 4 normalised alias; `None` if it does not.
fn tier(node: &Node, query: &str, normalized: &str) -> Option<u8> {
    if node.kind == NodeKind::Statement {
        return None;
    }
    if node.id == query {
        Some(0)
    } else if node.name == query {
        Some(1)
    } else if node.aliases.iter().any(|a| a == query) {
        Some(2)
    } else if normalized.is_empty() {
        None
    } else if normalize(&node.name) == normalized {
        Some(3)
    } else if node.aliases.iter().any(|a| normalize(a) == normalized) {
        Some(4)
    } else {
        None
    }
}

/// Every node any of whose names (id, name, aliases) matches `name`, best
/// match first: by tier, then most mentions, then id.
///
/// O(N·A·L): every node, every alias, normalised.
pub fn matching<'v>(view: &'v View, name: &str) -> Vec<&'v Node> {
    let query = name.trim();
    let normalized = normalize(query);
    let mut found: Vec<(u8, &Node)> = view
        .nodes
        .iter()
        .filter_map(|n| tier(n, query, &normalized).map(|t| (t, n)))
        .collect();
    found.sort_by(|(ta, a), (tb, b)| {
        ta.cmp(tb)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.id.cmp(&b.id))
    });
    found.into_iter().map(|(_, n)| n).collect()
}

/// The one node a user most likely means by `name`, or `None`.
///
/// O(N·A·L) like [`matching`].
pub fn lookup<'v>(view: &'v View, name: &str) -> Option<&'v Node> {
    matching(view, name).into_iter().next()
}

/// [`lookup`], with [`Error::UnknownName`] when nothing matches.
pub fn find<'v>(view: &'v View, name: &str) -> Result<&'v Node> {
    lookup(view, name).ok_or_else(|| Error::UnknownName(name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture;

    #[test]
    fn normalize_drops_case_and_punctuation() {
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("US"), "us");
        assert_eq!(normalize("  Jay  CARNEY "), "jay carney");
        assert_eq!(normalize("Al-Qaeda"), "al qaeda");
        assert_eq!(normalize("Xi’s"), "xis");
        assert_eq!(normalize("Zürich"), "zurich");
        assert_eq!(normalize("..."), "");
    }

    #[test]
    fn lookup_prefers_exact_then_alias_then_normalised() {
        let v = fixture::view();
        assert_eq!(lookup(&v, "nation:china").unwrap().id, "nation:china");
        assert_eq!(lookup(&v, "Beijing").unwrap().id, "nation:china");
        assert_eq!(lookup(&v, "US").unwrap().id, "nation:us");
        assert_eq!(lookup(&v, "u.s").unwrap().id, "nation:us");
        assert_eq!(lookup(&v, "john doe").unwrap().id, "person:john-doe");
        // "Doe" is the name of person:doe (tier 1) and an alias of John Doe.
        assert_eq!(lookup(&v, "Doe").unwrap().id, "person:doe");
        let ids: Vec<&str> = matching(&v, "doe").iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["person:doe", "person:john-doe"]);
    }

    #[test]
    fn most_mentions_wins_within_a_tier() {
        let mut v = fixture::view();
        for n in v.nodes.iter_mut().filter(|n| n.kind == NodeKind::Person) {
            n.aliases.push("JD".into());
        }
        assert_eq!(lookup(&v, "JD").unwrap().id, "person:john-doe");
        assert_eq!(lookup(&v, "j.d.").unwrap().id, "person:john-doe");
    }

    #[test]
    fn statements_never_match() {
        let v = fixture::view();
        assert!(lookup(&v, "The U.N. will not take sides").is_none());
        assert!(lookup(&v, "statement:bbbb:0").is_none());
        assert!(matches!(find(&v, "Nobody"), Err(Error::UnknownName(n)) if n == "Nobody"));
        assert!(lookup(&v, "").is_none());
    }

    #[test]
    fn accents_do_not_matter() {
        assert_eq!(normalize("Tomás Araya"), normalize("tomas araya"));
        assert_eq!(normalize("Gérald Darmanin"), "gerald darmanin");
    }
}
