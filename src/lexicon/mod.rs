//! Gazetteers and word lists, embedded from `data/`. (Skeleton.)

/// All the gazetteers the extractor reads.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The tables shipped in `data/`.
    pub fn embedded() -> Lexicon {
        Lexicon {}
    }
}
