//! Which node a user means by a name: exact id, then exact name, then exact
//! alias, then a normalised match that ignores case and punctuation
//! ("U.S." = "us" = "US"). Statements are never matched by name. A name that
//! matches nothing gets the closest names the graph has ([`suggest`]).

use crate::error::{Error, Result};
use crate::graph::{Node, NodeKind, View};

/// Lower case, letters and digits only, words separated by one space:
/// "U.S." -> "us", "Al-Qaeda" -> "al qaeda", "  Jay  CARNEY " -> "jay carney".
///
/// O(n) in the length of `s`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    each_normalized(s, |c| out.push(c));
    out
}

/// Hand the characters of [`normalize`]`(s)` to `emit`, one by one, without
/// building the string (a name lookup compares every name of every node
/// with them, and `said --about` normalises every statement).
fn each_normalized(s: &str, mut emit: impl FnMut(char)) {
    let mut gap = false;
    let mut started = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && started {
                emit(' ');
            }
            gap = false;
            started = true;
            if c.is_ascii() {
                emit(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().map(fold_accent).for_each(&mut emit);
            }
        } else if c.is_whitespace() || matches!(c, '-' | '_' | '/' | '\u{2010}'..='\u{2015}') {
            gap = true;
        }
        // Other punctuation ('.', '\'', '’', ...) vanishes: "U.S." -> "us".
    }
}

/// Whether [`normalize`]`(s)` is `norm`, without building it.
fn normalizes_to(s: &str, norm: &str) -> bool {
    let mut want = norm.chars();
    let mut same = true;
    each_normalized(s, |c| same &= want.next() == Some(c));
    same && want.next().is_none()
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
    } else if normalizes_to(&node.name, normalized) {
        Some(3)
    } else if node.aliases.iter().any(|a| normalizes_to(a, normalized)) {
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

/// The nodes of the best tier that matches `name`: the entities a filter
/// such as `--from` means (every "Doe" if "Doe" is a name, not every node
/// that also has it as an alias). Same cost as [`matching`].
pub fn best_matching<'v>(view: &'v View, name: &str) -> Vec<&'v Node> {
    let query = name.trim();
    let normalized = normalize(query);
    let mut found: Vec<(u8, &Node)> = view
        .nodes
        .iter()
        .filter_map(|n| tier(n, query, &normalized).map(|t| (t, n)))
        .collect();
    let Some(best) = found.iter().map(|(t, _)| *t).min() else {
        return Vec::new();
    };
    found.retain(|(t, _)| *t == best);
    found.sort_by(|(_, a), (_, b)| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
    found.into_iter().map(|(_, n)| n).collect()
}

/// [`lookup`], with [`Error::UnknownName`] (and suggestions) when nothing
/// matches.
pub fn find<'v>(view: &'v View, name: &str) -> Result<&'v Node> {
    lookup(view, name).ok_or_else(|| unknown(view, name))
}

/// How many names "did you mean" offers.
pub const SUGGESTIONS: usize = 3;

/// The error for a name nothing matches, with the closest names.
pub fn unknown(view: &View, name: &str) -> Error {
    Error::UnknownName {
        name: name.to_string(),
        suggestions: suggest(view, name, SUGGESTIONS),
    }
}

/// Up to `n` entity names closest to `name`, closest first: the fewest
/// letters to change (a swap of two neighbours counts one) to turn it into
/// a node's name or alias, or into as many of its first or last words
/// ("Blare" is one letter from the "Blair" of "Tony Blair"; such a part
/// counts only when no whole name is as close). A name is offered when
/// about one letter in three or fewer differ; ties go to the most mentioned.
/// The canonical name is offered, with the id when two nodes share it.
///
/// O(N·A·L²) for N nodes of A names of length L.
pub fn suggest(view: &View, name: &str, n: usize) -> Vec<String> {
    let query = normalize(name);
    let len = query.chars().count();
    if len == 0 || n == 0 {
        return Vec::new();
    }
    let most = ((len + 1) / 3).clamp(1, 4);
    let words = query.split(' ').count();
    let q: Vec<char> = query.chars().collect();
    // (edits, matched a part only, fewer mentions first as Reverse, node)
    let mut scored: Vec<(usize, bool, std::cmp::Reverse<u64>, &Node)> = Vec::new();
    for node in view.nodes.iter().filter(|n| n.kind != NodeKind::Statement) {
        let mut best: Option<(usize, bool)> = None;
        for form in std::iter::once(&node.name).chain(&node.aliases) {
            let form = normalize(form);
            let whole: Vec<char> = form.chars().collect();
            let mut take = |d: usize, part: bool| {
                if d <= most && best.is_none_or(|b| (d, part) < b) {
                    best = Some((d, part));
                }
            };
            take(edits(&q, &whole, most), false);
            let parts: Vec<&str> = form.split(' ').collect();
            if parts.len() > words {
                // The first or last words: "Blair" of "Tony Blair", not the
                // "Tony Blair" inside "talks with Tony Blair on Friday".
                for w in [&parts[..words], &parts[parts.len() - words..]] {
                    let piece: Vec<char> = w.join(" ").chars().collect();
                    take(edits(&q, &piece, most), true);
                }
            }
        }
        if let Some((d, part)) = best {
            scored.push((d, part, std::cmp::Reverse(node.mentions), node));
        }
    }
    // A part of a name is offered only when no whole name is as close.
    if let Some(whole) = scored.iter().filter(|s| !s.1).map(|s| s.0).min() {
        scored.retain(|s| !s.1 || s.0 < whole);
    }
    scored.sort_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then_with(|| a.3.id.cmp(&b.3.id))
    });
    let picked: Vec<&Node> = scored.into_iter().take(n).map(|s| s.3).collect();
    picked
        .iter()
        .map(|node| {
            if picked.iter().filter(|o| o.name == node.name).count() > 1 {
                format!("{} ({})", node.name, node.id)
            } else {
                node.name.clone()
            }
        })
        .collect()
}

/// The optimal-string-alignment distance between `a` and `b` (insertions,
/// deletions, substitutions and swaps of two neighbours), or `limit + 1`
/// when it is larger than `limit`. O(|a|·|b|).
fn edits(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        let mut row_min = usize::MAX;
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
    }
    d[a.len() * w + b.len()].min(limit + 1)
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
    fn comparing_without_building_agrees_with_normalize() {
        let names = [
            "U.S.",
            " -- İstanbul Ünal",
            "ΣΟΦΙΑ",
            "a.b-c  d",
            "",
            "...",
            "Jay  CARNEY",
        ];
        for a in names {
            for b in names {
                let norm = normalize(b);
                assert_eq!(normalizes_to(a, &norm), normalize(a) == norm, "{a:?} {b:?}");
            }
        }
        assert!(normalizes_to("  Jay  CARNEY ", "jay carney"));
        assert!(!normalizes_to("Jay Carney", "jay carne"));
        assert!(!normalizes_to("Jay Carney", "jay carneys"));
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
        assert!(
            matches!(find(&v, "Nobody"), Err(Error::UnknownName { name, .. }) if name == "Nobody")
        );
        assert!(lookup(&v, "").is_none());
    }

    #[test]
    fn a_name_not_found_suggests_the_closest() {
        let v = fixture::view();
        assert_eq!(suggest(&v, "Jon Doe", 3), ["John Doe"]);
        // A swap of two letters is one edit; a part of a name counts.
        assert_eq!(suggest(&v, "Cihna", 3), ["China"]);
        assert_eq!(suggest(&v, "Nations", 3), ["United Nations"]);
        // "Doe" is one letter from "Dee": both Does, most mentioned first.
        assert_eq!(suggest(&v, "Dee", 3), ["John Doe", "Doe"]);
        assert!(suggest(&v, "Atlantis", 3).is_empty());
        assert_eq!(
            find(&v, "Jon Doe").unwrap_err().to_string(),
            "no entity named \"Jon Doe\"; did you mean \"John Doe\"?"
        );
        assert_eq!(
            find(&v, "Atlantis").unwrap_err().to_string(),
            "no entity named \"Atlantis\""
        );
        assert_eq!(edits(&['a', 'b'], &['b', 'a'], 3), 1);
        assert_eq!(edits(&['a'; 9], &[], 2), 3);
    }

    #[test]
    fn best_matching_keeps_the_best_tier_only() {
        let v = fixture::view();
        let ids: Vec<&str> = best_matching(&v, "Doe")
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(ids, ["person:doe"]);
        assert!(best_matching(&v, "Nobody").is_empty());
    }

    #[test]
    fn accents_do_not_matter() {
        assert_eq!(normalize("Tomás Araya"), normalize("tomas araya"));
        assert_eq!(normalize("Gérald Darmanin"), "gerald darmanin");
    }
}
