//! Property tests: merging is associative, commutative and idempotent all
//! the way to the exported bytes, whatever the articles say and whatever
//! corrections by hand the graphs carry.

use proptest::prelude::*;

use super::testgen::{PERSONS, pool, union};
use super::{Correction, Corrections, Graph, resolve};
use crate::export::json;

/// Names a correction may use: the pool's persons, forms with an
/// honorific, and a name no article has.
const NAMES: [&str; 5] = [
    "Mr Blair",
    "Mrs Clinton",
    "Mr Bush",
    "Nation:iraq",
    "Jo Nobody",
];

fn name(i: usize) -> &'static str {
    if i < PERSONS.len() {
        PERSONS[i].0
    } else {
        NAMES[(i - PERSONS.len()) % NAMES.len()]
    }
}

/// Up to five corrections with no `same` and `not` on one pair.
fn corrections() -> impl Strategy<Value = Vec<Correction>> {
    prop::collection::vec(
        (
            0u8..3,
            0..PERSONS.len() + NAMES.len(),
            0..PERSONS.len() + NAMES.len(),
        ),
        0..5,
    )
    .prop_map(|specs| {
        let mut all = Corrections::default();
        for (op, a, b) in specs {
            let (a, b) = (name(a).to_string(), name(b).to_string());
            if op < 2 && crate::query::normalize(&a) == crate::query::normalize(&b) {
                continue;
            }
            let c = match op {
                0 => Correction::Same(a, b),
                1 => Correction::Not(a, b),
                _ => Correction::Drop(a),
            };
            let mut tried = all.clone();
            tried.insert(c);
            if tried.contradiction().is_none() {
                all = tried;
            }
        }
        all.iter().collect()
    })
}

/// `g` carrying the corrections of `list` whose bit is set in `mask`.
fn carrying(mut g: Graph, list: &[Correction], mask: u8) -> Graph {
    for (i, c) in list.iter().enumerate() {
        if mask & (1 << i) != 0 {
            g.corrections.insert(c.clone());
        }
    }
    g
}

fn merged(a: &Graph, b: &Graph) -> Graph {
    let mut g = a.clone();
    g.merge(b.clone());
    g
}

fn export(g: &Graph) -> String {
    json::to_string(&resolve(g))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merge_order_and_grouping_do_not_matter(
        pool in pool(),
        masks in (any::<u8>(), any::<u8>(), any::<u8>()),
    ) {
        let (a, b, c) = (union(&pool, masks.0), union(&pool, masks.1), union(&pool, masks.2));
        let right = merged(&a, &merged(&b, &c));
        let left = merged(&merged(&a, &b), &c);
        let rotated = merged(&merged(&c, &a), &b);
        let swapped = merged(&b, &a);
        prop_assert_eq!(&right, &left);
        prop_assert_eq!(&right, &rotated);
        prop_assert_eq!(&swapped, &merged(&a, &b));
        let out = export(&right);
        prop_assert_eq!(&out, &export(&left));
        prop_assert_eq!(&out, &export(&rotated));
        prop_assert_eq!(export(&swapped), export(&merged(&a, &b)));
    }

    #[test]
    fn merging_the_same_articles_again_changes_nothing(
        pool in pool(),
        masks in (any::<u8>(), any::<u8>()),
    ) {
        let (a, b) = (union(&pool, masks.0), union(&pool, masks.1));
        prop_assert_eq!(export(&merged(&a, &a)), export(&a));
        let ab = merged(&a, &b);
        prop_assert_eq!(export(&merged(&ab, &a)), export(&ab));
        prop_assert_eq!(export(&merged(&ab, &b)), export(&ab));
    }

    #[test]
    fn merging_article_by_article_equals_merging_at_once(pool in pool(), mask in any::<u8>()) {
        // Every article on its own, merged in reverse order.
        let mut one_by_one = Graph::default();
        for bit in (0..8).rev() {
            one_by_one.merge(union(&pool, mask & (1 << bit)));
        }
        prop_assert_eq!(export(&one_by_one), export(&union(&pool, mask)));
    }

    #[test]
    fn merge_order_does_not_matter_with_corrections(
        pool in pool(),
        list in corrections(),
        masks in (any::<u8>(), any::<u8>(), any::<u8>()),
        fixes in (any::<u8>(), any::<u8>(), any::<u8>()),
    ) {
        let a = carrying(union(&pool, masks.0), &list, fixes.0);
        let b = carrying(union(&pool, masks.1), &list, fixes.1);
        let c = carrying(union(&pool, masks.2), &list, fixes.2);
        let right = export(&merged(&a, &merged(&b, &c)));
        prop_assert_eq!(&right, &export(&merged(&merged(&a, &b), &c)));
        prop_assert_eq!(&right, &export(&merged(&merged(&c, &a), &b)));
        prop_assert_eq!(export(&merged(&a, &a)), export(&a));
        prop_assert_eq!(export(&merged(&merged(&a, &b), &b)), export(&merged(&a, &b)));
    }

    /// A graph file written with corrections applied reads back to a graph
    /// that resolves to the same bytes: applying them again changes nothing.
    #[test]
    fn corrections_apply_once(pool in pool(), list in corrections(), mask in any::<u8>()) {
        let g = carrying(union(&pool, mask), &list, 0xff);
        let out = export(&g);
        let back = json::from_str(&out).expect("our own output reads back");
        prop_assert_eq!(&back.corrections, &g.corrections);
        prop_assert_eq!(export(&back), out);
    }

    /// The view keeps no edge to a node it does not have, and nothing a
    /// `drop` named by its shown name is left.
    #[test]
    fn corrected_views_are_whole(pool in pool(), list in corrections(), mask in any::<u8>()) {
        let g = carrying(union(&pool, mask), &list, 0xff);
        let view = resolve(&g);
        for e in &view.edges {
            prop_assert!(view.node(&e.source).is_some(), "edge from {}", e.source);
            prop_assert!(view.node(&e.target).is_some(), "edge to {}", e.target);
        }
        for d in &g.corrections.drop {
            let d = crate::query::normalize(d);
            prop_assert!(!view.nodes.iter().any(|n| n.kind != super::NodeKind::Statement && crate::query::normalize(&n.name) == d));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn json_round_trips(pool in pool(), mask in any::<u8>()) {
        // written, read back and written again: the same bytes and the same raw graph
        let g = union(&pool, mask);
        let out = export(&g);
        let back = json::from_str(&out).unwrap();
        prop_assert_eq!(&back, &g);
        prop_assert_eq!(export(&back), out);
    }
}
