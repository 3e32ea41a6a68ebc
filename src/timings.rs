//! Opt-in stage timers for the benchmark (`benches/bench.sh`): with
//! `NEWSGRAPH_TIMINGS=1` in the environment, each command prints on
//! standard error, when it ends, how long each stage took, one line a
//! stage:
//!
//! `timing`, the stage, its milliseconds summed over its calls, and the
//! number of calls, separated by tabs (`timing extract 812.4 1` with a tab
//! for each space); stages in the order they first ended, `total` last.
//! Without the variable a timer costs one relaxed atomic load: no clock is
//! read, nothing is locked.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

/// 0: not looked up yet, 1: off, 2: on.
static STATE: AtomicU8 = AtomicU8::new(0);

/// Milliseconds and calls per stage, in the order stages first ended.
static TOTALS: Mutex<Vec<(&'static str, Duration, u32)>> = Mutex::new(Vec::new());

/// Whether `NEWSGRAPH_TIMINGS` is set to something other than `0` or empty.
pub fn on() -> bool {
    match STATE.load(Ordering::Relaxed) {
        1 => false,
        2 => true,
        _ => {
            let on =
                std::env::var_os("NEWSGRAPH_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0");
            STATE.store(if on { 2 } else { 1 }, Ordering::Relaxed);
            on
        }
    }
}

/// A stage being timed: its time is added when the value is dropped.
#[must_use = "a stage is timed until the value is dropped"]
pub struct Stage {
    name: &'static str,
    start: Option<Instant>,
}

/// Start timing `name` (nothing, when timings are off).
pub fn stage(name: &'static str) -> Stage {
    Stage {
        name,
        start: on().then(Instant::now),
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if let Some(start) = self.start {
            add(self.name, start.elapsed());
        }
    }
}

/// Add `took` to stage `name` (callers check [`on`] first).
pub fn add(name: &'static str, took: Duration) {
    let mut totals = TOTALS.lock().unwrap_or_else(|e| e.into_inner());
    match totals.iter_mut().find(|(n, _, _)| *n == name) {
        Some(entry) => {
            entry.1 += took;
            entry.2 += 1;
        }
        None => totals.push((name, took, 1)),
    }
}

/// The lines described in the module docs, `total` (the time since
/// `start`) last; empty when timings are off.
pub fn report(start: Option<Instant>) -> String {
    let Some(start) = start else {
        return String::new();
    };
    let total = start.elapsed();
    let totals = TOTALS.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = String::new();
    for (name, took, calls) in totals.iter().chain([&("total", total, 1)]) {
        out.push_str(&format!(
            "timing\t{name}\t{:.1}\t{calls}\n",
            took.as_secs_f64() * 1000.0
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_add_up_by_name_in_the_order_they_end() {
        add("one", Duration::from_millis(2));
        add("two", Duration::from_millis(1));
        add("one", Duration::from_millis(3));
        let r = report(Some(Instant::now()));
        let lines: Vec<&str> = r.lines().collect();
        let one = lines
            .iter()
            .position(|l| l.starts_with("timing\tone\t"))
            .unwrap();
        let two = lines
            .iter()
            .position(|l| l.starts_with("timing\ttwo\t"))
            .unwrap();
        assert!(one < two, "{r}");
        let fields: Vec<&str> = lines[one].split('\t').collect();
        assert_eq!(fields[3], "2");
        assert!(fields[2].parse::<f64>().unwrap() >= 5.0, "{r}");
        assert!(lines.last().unwrap().starts_with("timing\ttotal\t"), "{r}");
        assert_eq!(report(None), "");
    }
}
