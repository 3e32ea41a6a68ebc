//! The crate's one error type. Messages are lower case, without a final
//! period, and name the file (and where it helps, the line or rule) they are
//! about; the CLI prints the whole chain.

use std::path::PathBuf;

/// Everything that can go wrong in newsgraph.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A graph file is not valid newsgraph JSON.
    #[error("{path}: not a newsgraph graph: {reason}")]
    Graph { path: PathBuf, reason: String },
    /// A data table (gazetteer, rule list) has a bad line.
    #[error("{table}: line {line}: {reason}")]
    Data {
        table: String,
        line: usize,
        reason: String,
    },
    /// A name given on the command line matched no entity; `suggestions`
    /// are the closest names the graph has ("did you mean ...").
    #[error("no entity named {name:?}{}", did_you_mean(suggestions))]
    UnknownName {
        name: String,
        suggestions: Vec<String>,
    },
    /// Anything else, already worded for the user.
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// Wrap an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// `; did you mean "A", "B" or "C"?`, or nothing without suggestions.
fn did_you_mean(suggestions: &[String]) -> String {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("{s:?}")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [rest @ .., last] => format!("; did you mean {} or {last}?", rest.join(", ")),
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
