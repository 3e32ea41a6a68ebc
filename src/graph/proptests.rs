//! Property tests: merging is associative, commutative and idempotent all
//! the way to the exported bytes, whatever the articles say.

use proptest::prelude::*;

use super::testgen::{pool, union};
use super::{Graph, resolve};
use crate::export::json;

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
