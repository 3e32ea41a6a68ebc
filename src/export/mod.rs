//! Writing a resolved graph out, one module per format. Adding a format
//! touches one file and one match arm of [`Format`].

pub mod dot;
pub mod json;

use crate::graph::View;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Graph JSON (../shared/GRAPH-FORMAT.md); reads back with `json::from_str`.
    Json,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    /// All formats, in the order help texts list them.
    pub const ALL: [Format; 2] = [Format::Json, Format::Dot];

    /// The name a user types.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
        }
    }

    /// The inverse of [`Format::as_str`].
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Write `view` in this format.
    ///
    /// O(size of the view).
    pub fn render(self, view: &View) -> String {
        match self {
            Format::Json => json::to_string(view),
            Format::Dot => dot::to_string(view),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_through_their_names() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.as_str()), Some(f));
        }
        assert_eq!(Format::parse("svg"), None);
        assert!(Format::Dot.render(&View::default()).starts_with("digraph"));
    }
}
