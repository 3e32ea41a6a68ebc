//! The per-article work budget: how much work the extractor may do on one
//! article, counted in units of work done (tokens examined, candidates
//! compared), never in time, so that whether an article fits does not
//! depend on the machine or its load and the output stays deterministic.
//!
//! The passes call [`spend`] where they examine tokens or candidates. The
//! count lives in a thread-local cell: an article is extracted on one
//! thread from start to end. When [`extract_within`](super::extract_within)
//! set a limit and the count passes it, `spend` unwinds (without the panic
//! hook, so nothing is printed) back to `extract_within`, which reports
//! [`OverBudget`]. Without a limit ([`extract`](super::extract)) the count
//! only grows.

use std::cell::Cell;

thread_local! {
    static SPENT: Cell<u64> = const { Cell::new(0) };
    static LIMIT: Cell<u64> = const { Cell::new(u64::MAX) };
}

/// Work units allowed for any article, however short.
pub const BASE_UNITS: u64 = 2_000_000;

/// Work units allowed per byte of article text, on top of [`BASE_UNITS`].
/// The extractor spends at most 0.25 units a byte on BBC news copy and
/// under 8 on the worst shapes we could construct (long lists,
/// coordinations, quotations, runs of capitals: `tests/cost.rs`); anything
/// far beyond is a shape that makes some pass superlinear (thousands of
/// people sharing one surname), and the article is skipped rather than let
/// it block a batch.
pub const UNITS_PER_BYTE: u64 = 40;

/// The budget [`extract_within`](super::extract_within) uses by default for
/// a text of `len` bytes.
pub fn for_len(len: usize) -> u64 {
    BASE_UNITS.saturating_add(UNITS_PER_BYTE.saturating_mul(len as u64))
}

/// An article that needed more work than its budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OverBudget {
    /// The budget, in work units.
    pub limit: u64,
}

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "skipped: needs more work than the limit of {} units for its length \
             (a sentence shape the extractor handles badly)",
            self.limit
        )
    }
}

/// Count `units` of work; unwind to `extract_within` past the limit.
pub(crate) fn spend(units: u64) {
    let spent = SPENT.with(|s| {
        let v = s.get().saturating_add(units);
        s.set(v);
        v
    });
    let limit = LIMIT.with(Cell::get);
    if spent > limit {
        std::panic::resume_unwind(Box::new(OverBudget { limit }));
    }
}

/// Units spent on this thread since the last [`start`].
pub(crate) fn spent() -> u64 {
    SPENT.with(Cell::get)
}

/// Start counting from zero with this limit.
pub(crate) fn start(limit: u64) {
    SPENT.with(|s| s.set(0));
    LIMIT.with(|l| l.set(limit));
}
