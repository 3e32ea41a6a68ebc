//! newsgraph reads news articles and builds a knowledge graph of who said
//! what, who accused whom, who met whom, and which report says so.
//!
//! The data flows text -> graph -> export:
//! [`text`] reads an article (decoding, boilerplate, dateline, sentences,
//! tokens), [`extract`](mod@extract) finds entities and relations in it using the
//! gazetteers of [`lexicon`], [`graph`] merges article graphs and resolves
//! entities across them, [`query`] walks the result, [`export`] writes it,
//! [`render`](mod@render) chooses what a readable diagram of it shows.
//!
//! ```
//! let lexicon = newsgraph::Lexicon::embedded();
//! let article = newsgraph::Article::from_bytes(
//!     "example",
//!     b"Talks resume\n\nLONDON, May 2 (UPI) -- Britain wants a deal, Foreign Secretary Jane Doe said.\n",
//! ).unwrap().0;
//! let graph = newsgraph::extract(&article, &lexicon);
//! let view = newsgraph::resolve(&graph);
//! assert!(view.nodes.iter().any(|n| n.name == "Jane Doe"));
//! ```

pub mod cli;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod query;
pub mod render;
pub mod tag;
pub mod text;
#[doc(hidden)]
pub mod timings;

pub use crate::error::{Error, Result};
pub use crate::extract::extract;
pub use crate::graph::{EdgeKind, Graph, NodeKind, View, resolve};
pub use crate::lexicon::Lexicon;
pub use crate::text::Article;
