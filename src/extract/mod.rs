//! From an article to its raw graph. (Skeleton.)

use crate::graph::Graph;
use crate::lexicon::Lexicon;
use crate::text::Article;

/// Extract the graph of one article.
pub fn extract(article: &Article, _lexicon: &Lexicon) -> Graph {
    let _ = article;
    Graph::default()
}
