//! Merging raw graphs: a keyed union. (Skeleton.)

use super::Graph;

impl Graph {
    /// Add everything of `other` to `self`.
    pub fn merge(&mut self, other: Graph) {
        for (d, a) in other.articles {
            self.articles.entry(d).or_insert(a);
        }
        for (id, n) in other.nodes {
            self.nodes.entry(id).or_insert(n);
        }
        for (k, ev) in other.edges {
            self.edges.entry(k).or_default().extend(ev);
        }
    }
}
