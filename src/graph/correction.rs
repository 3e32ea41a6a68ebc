//! Corrections by hand: what a newsroom knows better than the resolver.
//!
//! A correction file is a small TSV a desk keeps for its beat, one
//! correction a line, fields separated by TABs (shown here as `⇥`):
//!
//! ```text
//! # comments and blank lines are ignored
//! same⇥Vince Cable⇥Vincent Cable
//! not⇥Charles Kennedy⇥Baroness Kennedy
//! drop⇥Tuesday
//! ```
//!
//! * `same NAME NAME`: the two names are one entity;
//! * `not NAME ALIAS`: that alias is not this entity (it names someone else);
//! * `drop NAME`: not an entity of its kind; it goes, with its edges and the
//!   statements it said.
//!
//! This module owns the data: reading the file, the union of two sets of
//! corrections (so that merging graphs stays associative, commutative and
//! idempotent), and the check that no pair is said to be both one entity and
//! not. Applying them is [`super::resolve`]'s job: the raw graph keeps them
//! in [`Graph::corrections`](super::Graph::corrections) and every resolution
//! applies them to every article.

use std::collections::BTreeSet;
use std::fmt;

use crate::error::{Error, Result};
use crate::query::normalize;

/// One correction.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Correction {
    /// The two names are one entity (stored in sorted order).
    Same(String, String),
    /// The alias (second) is not the entity named first.
    Not(String, String),
    /// The entity is not one.
    Drop(String),
}

impl Correction {
    /// The word that starts its line in a correction file.
    pub fn op(&self) -> &'static str {
        match self {
            Correction::Same(..) => "same",
            Correction::Not(..) => "not",
            Correction::Drop(_) => "drop",
        }
    }

    /// The pair a `same` or `not` is about, normalised and in sorted order,
    /// so that `same A B` and `not B A` are seen to be about one pair.
    fn pair(&self) -> Option<(String, String)> {
        match self {
            Correction::Same(a, b) | Correction::Not(a, b) => {
                let (a, b) = (normalize(a), normalize(b));
                Some(if a <= b { (a, b) } else { (b, a) })
            }
            Correction::Drop(_) => None,
        }
    }
}

impl fmt::Display for Correction {
    /// `same "A" "B"`: the line as a person reads it (the file has TABs).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Correction::Same(a, b) | Correction::Not(a, b) => {
                write!(f, "{} {a:?} {b:?}", self.op())
            }
            Correction::Drop(a) => write!(f, "drop {a:?}"),
        }
    }
}

/// A set of corrections, kept sorted so that it serialises in one order and
/// a union does not depend on the order of its inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corrections {
    /// Pairs of names of one entity, each pair in sorted order.
    pub same: BTreeSet<(String, String)>,
    /// (entity, alias): the alias is not that entity.
    pub not: BTreeSet<(String, String)>,
    /// Names of entities that are not entities of their kind.
    pub drop: BTreeSet<String>,
}

impl Corrections {
    /// True when there is nothing to correct.
    pub fn is_empty(&self) -> bool {
        self.same.is_empty() && self.not.is_empty() && self.drop.is_empty()
    }

    /// How many corrections there are.
    pub fn len(&self) -> usize {
        self.same.len() + self.not.len() + self.drop.len()
    }

    /// Every correction, `same` first, then `not`, then `drop`, each sorted.
    pub fn iter(&self) -> impl Iterator<Item = Correction> + '_ {
        let same = self
            .same
            .iter()
            .map(|(a, b)| Correction::Same(a.clone(), b.clone()));
        let not = self
            .not
            .iter()
            .map(|(a, b)| Correction::Not(a.clone(), b.clone()));
        let drop = self.drop.iter().map(|a| Correction::Drop(a.clone()));
        same.chain(not).chain(drop)
    }

    /// Add one correction (a `same` pair is put in sorted order).
    pub fn insert(&mut self, c: Correction) {
        match c {
            Correction::Same(a, b) => {
                let pair = if a <= b { (a, b) } else { (b, a) };
                self.same.insert(pair);
            }
            Correction::Not(a, b) => {
                self.not.insert((a, b));
            }
            Correction::Drop(a) => {
                self.drop.insert(a);
            }
        }
    }

    /// Add every correction of `other`: a set union, so associative,
    /// commutative and idempotent. O(m log n).
    pub fn merge(&mut self, other: Corrections) {
        self.same.extend(other.same);
        self.not.extend(other.not);
        self.drop.extend(other.drop);
    }

    /// The first `same` and `not` that are about one pair of names, if any:
    /// a pair cannot be one entity and two. O(n log n).
    pub fn contradiction(&self) -> Option<(Correction, Correction)> {
        let same: std::collections::BTreeMap<(String, String), Correction> = self
            .iter()
            .filter(|c| matches!(c, Correction::Same(..)))
            .filter_map(|c| c.pair().map(|p| (p, c)))
            .collect();
        self.iter()
            .filter(|c| matches!(c, Correction::Not(..)))
            .find_map(|c| {
                let p = c.pair()?;
                same.get(&p).map(|s| (s.clone(), c))
            })
    }

    /// Read a correction file. `table` names the file in errors, which give
    /// the line and the reason; a `same` and a `not` on one pair are an
    /// error naming both lines. O(n log n) in the number of lines.
    pub fn from_tsv(text: &str, table: &str) -> Result<Corrections> {
        let bad = |line: usize, reason: String| Error::Data {
            table: table.to_string(),
            line,
            reason,
        };
        let mut out = Corrections::default();
        let mut pairs: std::collections::BTreeMap<(String, String), (usize, Correction)> =
            std::collections::BTreeMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
            let name = |k: usize| -> Result<String> {
                let f = fields[k];
                if normalize(f).is_empty() {
                    Err(bad(line, format!("field {} is empty", k + 1)))
                } else {
                    Ok(f.to_string())
                }
            };
            let c = match fields[0] {
                "same" | "not" => {
                    if fields.len() != 3 {
                        return Err(bad(
                            line,
                            format!(
                                "{:?} needs 2 TAB-separated names, found {}",
                                fields[0],
                                fields.len() - 1
                            ),
                        ));
                    }
                    let (a, b) = (name(1)?, name(2)?);
                    if normalize(&a) == normalize(&b) {
                        return Err(bad(line, format!("the same name twice: {a:?}")));
                    }
                    if fields[0] == "same" {
                        Correction::Same(a, b)
                    } else {
                        Correction::Not(a, b)
                    }
                }
                "drop" => {
                    if fields.len() != 2 {
                        return Err(bad(
                            line,
                            format!(
                                "\"drop\" needs 1 name, found {} TAB-separated fields after it",
                                fields.len() - 1
                            ),
                        ));
                    }
                    Correction::Drop(name(1)?)
                }
                other => {
                    return Err(bad(
                        line,
                        format!(
                            "unknown correction {other:?} (expected same, not or drop, then TAB-separated names)"
                        ),
                    ));
                }
            };
            if let Some(p) = c.pair() {
                if let Some((at, earlier)) = pairs.get(&p)
                    && earlier.op() != c.op()
                {
                    return Err(bad(
                        line,
                        format!(
                            "{c} contradicts line {at}: {earlier} (one pair cannot be one entity and two)"
                        ),
                    ));
                }
                pairs.entry(p).or_insert((line, c.clone()));
            }
            out.insert(c);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_with_comments_blank_lines_and_spaces_around_fields() {
        let c = Corrections::from_tsv(
            "# beat: politics\n\nsame\tVincent Cable\tVince Cable\nnot\tCharles Kennedy\t Baroness Kennedy \ndrop\tTuesday\r\n",
            "fix.tsv",
        )
        .unwrap();
        assert_eq!(c.len(), 3);
        let all: Vec<String> = c.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            all,
            [
                "same \"Vince Cable\" \"Vincent Cable\"",
                "not \"Charles Kennedy\" \"Baroness Kennedy\"",
                "drop \"Tuesday\""
            ]
        );
    }

    #[test]
    fn bad_lines_name_the_file_line_and_reason() {
        let err = |text: &str| {
            Corrections::from_tsv(text, "fix.tsv")
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("drop\tA\nmerge\tA\tB\n"),
            "fix.tsv: line 2: unknown correction \"merge\" (expected same, not or drop, then TAB-separated names)"
        );
        assert!(
            err("same\tA").contains("line 1: \"same\" needs 2"),
            "{}",
            err("same\tA")
        );
        assert!(err("same A B").contains("unknown correction \"same A B\""));
        assert!(err("drop\t").contains("field 2 is empty"));
        assert!(err("drop\tA\tB").contains("\"drop\" needs 1 name"));
        assert!(err("not\tJo Roe\tjo  roe").contains("the same name twice"));
    }

    #[test]
    fn same_and_not_on_one_pair_is_an_error_naming_both() {
        let e = Corrections::from_tsv("same\tA Bo\tC Do\n\nnot\tc do\tA Bo\n", "fix.tsv")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "fix.tsv: line 3: not \"c do\" \"A Bo\" contradicts line 1: same \"A Bo\" \"C Do\" (one pair cannot be one entity and two)"
        );
        // In a union (two graphs' stored corrections) too.
        let mut a = Corrections::from_tsv("same\tA Bo\tC Do\n", "a").unwrap();
        let b = Corrections::from_tsv("not\tC Do\ta bo\n", "b").unwrap();
        assert!(a.contradiction().is_none());
        a.merge(b);
        let (s, n) = a.contradiction().unwrap();
        assert_eq!(s.to_string(), "same \"A Bo\" \"C Do\"");
        assert_eq!(n.to_string(), "not \"C Do\" \"a bo\"");
    }

    #[test]
    fn union_does_not_depend_on_order_and_same_pairs_are_unordered() {
        let a = Corrections::from_tsv("same\tB\tA\ndrop\tX\n", "a").unwrap();
        let b = Corrections::from_tsv("same\tA\tB\nnot\tP\tQ\n", "b").unwrap();
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a.clone());
        assert_eq!(ab, ba);
        assert_eq!(ab.same.len(), 1);
        let mut aa = a.clone();
        aa.merge(a.clone());
        assert_eq!(aa, a);
    }
}
