//! Writing a resolved graph out, one module per format.

pub mod dot;
pub mod json;
