//! The tagger's model file: feature weights, quantised to 16 bits, stored
//! sparsely (a feature keeps only the tags it has a weight for).
//!
//! It also holds the ambiguity classes of the training words: the tags each
//! word form was seen with, which the tagger reads as a feature of the
//! words around the one it tags.
//!
//! Layout, all little-endian: the magic `NGTAG1\n`, the number of tags
//! (u32), the number of features (u32), then per feature in increasing key
//! order its key (u64), how many weights it has (u8), and each weight as a
//! tag index (u8) and a value (i16); then the number of classed words (u32)
//! and per word in increasing order its length (u8), its bytes (the
//! [`normal`] form) and its class (u32, one bit per tag).

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::{Error, Result};
use crate::tag::TAGS;
use crate::tag::feature::normal;

const MAGIC: &[u8] = b"NGTAG1\n";

/// Feature weights: a row of scores per feature key.
pub struct Model {
    /// Weights by feature key, held in the table itself: one probe a look-up.
    rows: RowTable,
    /// Which keys may have a row: most probes are for features the model
    /// does not have, and this small table answers those without touching
    /// the large one.
    filter: KeyFilter,
    classes: FastMap<Box<str>, u32>,
}

/// The rows by key: open addressing with linear probing, at most half
/// full, each slot the key and its row (48 bytes), so that a look-up that
/// finds its key reads one or two cache lines, and a caller can ask for the
/// line early ([`Model::prefetch`]). Feature keys are hashes already; the
/// key 0 marks an empty slot, and a row of key 0 is kept aside.
struct RowTable {
    slots: Vec<RowSlot>,
    /// 64 minus the bits of a slot index.
    shift: u32,
    zero: Option<[i16; TAGS]>,
    len: usize,
}

#[derive(Clone, Copy)]
struct RowSlot {
    key: u64,
    row: [i16; TAGS],
}

impl RowTable {
    fn with_capacity(n: usize) -> RowTable {
        let size = (n * 2).next_power_of_two().max(16);
        RowTable {
            slots: vec![
                RowSlot {
                    key: 0,
                    row: [0; TAGS]
                };
                size
            ],
            shift: 64 - size.trailing_zeros(),
            zero: None,
            len: 0,
        }
    }

    /// The first slot to probe for `key`: its top bits, mixed once more
    /// (the Bloom filter uses the low bits of each half).
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn insert(&mut self, key: u64, row: [i16; TAGS]) {
        if key == 0 {
            self.len += usize::from(self.zero.is_none());
            self.zero = Some(row);
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            let mut bigger = RowTable::with_capacity(self.slots.len());
            bigger.zero = self.zero;
            bigger.len = usize::from(self.zero.is_some());
            for s in self.slots.iter().filter(|s| s.key != 0) {
                bigger.insert(s.key, s.row);
            }
            *self = bigger;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.key == key {
                slot.row = row;
                return;
            }
            if slot.key == 0 {
                *slot = RowSlot { key, row };
                self.len += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn get(&self, key: u64) -> Option<&[i16; TAGS]> {
        if key == 0 {
            return self.zero.as_ref();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(&slot.row);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn prefetch(&self, key: u64) {
        prefetch(&self.slots[self.home(key)]);
    }

    fn keys(&self) -> impl ExactSizeIterator<Item = u64> + '_ {
        let mut keys: Vec<u64> = self
            .slots
            .iter()
            .map(|s| s.key)
            .filter(|&k| k != 0)
            .collect();
        if self.zero.is_some() {
            keys.push(0);
        }
        keys.into_iter()
    }
}

/// Ask the processor to fetch the cache line holding `value`'s first byte.
pub(crate) fn prefetch<T>(value: &T) {
    prefetch_at(value as *const T as *const u8);
}

/// Ask the processor to fetch every cache line of `value`.
pub(crate) fn prefetch_all<T>(value: &T) {
    let p = value as *const T as *const u8;
    for at in (0..std::mem::size_of::<T>()).step_by(64) {
        prefetch_at(p.wrapping_add(at));
    }
}

fn prefetch_at(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint; it reads nothing and cannot fault.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// A Bloom filter over feature keys, two bits a key, about 16 bits a key
/// in all: "no" is certain, "maybe" wrong for about one key in seventy.
struct KeyFilter {
    bits: Vec<u64>,
    mask: u64,
}

impl KeyFilter {
    fn new(keys: impl ExactSizeIterator<Item = u64>) -> KeyFilter {
        let size = (keys.len() * 16).next_power_of_two().max(64) as u64;
        let mut f = KeyFilter {
            bits: vec![0; (size / 64) as usize],
            mask: size - 1,
        };
        for k in keys {
            for b in f.bits_of(k) {
                f.bits[(b / 64) as usize] |= 1 << (b % 64);
            }
        }
        f
    }

    /// The two bits of a key: feature keys are hashes already, so two
    /// slices of one do.
    fn bits_of(&self, key: u64) -> [u64; 2] {
        [key & self.mask, (key >> 32) & self.mask]
    }

    /// Ask the processor for the words holding a key's two bits.
    fn prefetch(&self, key: u64) {
        for b in self.bits_of(key) {
            prefetch(&self.bits[(b / 64) as usize]);
        }
    }

    fn may_hold(&self, key: u64) -> bool {
        self.bits_of(key)
            .iter()
            .all(|&b| self.bits[(b / 64) as usize] & (1 << (b % 64)) != 0)
    }
}

/// What training makes: the weights by feature key (zeros are left out of
/// the file) and the ambiguity class of each training word form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Weights {
    pub features: BTreeMap<u64, [i16; TAGS]>,
    pub classes: BTreeMap<String, u32>,
}

/// A fast hasher for the tagger's tables: a feature key is already a hash
/// and is used as it is; words are hashed eight bytes at a time (the mixing
/// of rustc's FxHasher). Not for keys an attacker picks in bulk.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(last) ^ bytes.len() as u64);
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A hash map with [`KeyHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

impl Model {
    /// Read a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let bad = |why: &str| Error::Other(format!("tagger model: {why}"));
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or_else(|| bad("not a newsgraph tagger model"))?;
        let mut r = Reader(rest);
        let tags = r.u32().ok_or_else(|| bad("truncated"))?;
        if tags as usize != TAGS {
            return Err(bad(&format!("{tags} tags, expected {TAGS}")));
        }
        let n = r.u32().ok_or_else(|| bad("truncated"))? as usize;
        let mut rows = RowTable::with_capacity(n);
        for _ in 0..n {
            let key = r.u64().ok_or_else(|| bad("truncated"))?;
            let k = r.u8().ok_or_else(|| bad("truncated"))?;
            let mut row = [0i16; TAGS];
            for _ in 0..k {
                let (Some(tag), Some(w)) = (r.u8(), r.i16()) else {
                    return Err(bad("truncated"));
                };
                *row.get_mut(tag as usize)
                    .ok_or_else(|| bad("tag out of range"))? = w;
            }
            rows.insert(key, row);
        }
        let n = r.u32().ok_or_else(|| bad("truncated"))? as usize;
        let mut classes = FastMap::with_capacity_and_hasher(n, BuildHasherDefault::default());
        for _ in 0..n {
            let len = r.u8().ok_or_else(|| bad("truncated"))? as usize;
            let word = r.bytes(len).ok_or_else(|| bad("truncated"))?;
            let word = std::str::from_utf8(word).map_err(|_| bad("a word is not UTF-8"))?;
            let class = r.u32().ok_or_else(|| bad("truncated"))?;
            classes.insert(word.into(), class);
        }
        if !r.0.is_empty() {
            return Err(bad("trailing bytes"));
        }
        let filter = KeyFilter::new(rows.keys());
        Ok(Model {
            rows,
            filter,
            classes,
        })
    }

    /// Write `weights` as a model file. The bytes depend only on the
    /// weights. Words longer than 255 bytes are left out of the classes.
    pub fn to_bytes(weights: &Weights) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((TAGS as u32).to_le_bytes());
        let kept: Vec<_> = weights
            .features
            .iter()
            .filter(|(_, row)| row.iter().any(|&w| w != 0))
            .collect();
        out.extend((kept.len() as u32).to_le_bytes());
        for (key, row) in kept {
            out.extend(key.to_le_bytes());
            out.push(row.iter().filter(|&&w| w != 0).count() as u8);
            for (tag, &w) in row.iter().enumerate().filter(|(_, w)| **w != 0) {
                out.push(tag as u8);
                out.extend(w.to_le_bytes());
            }
        }
        let words: Vec<_> = weights
            .classes
            .iter()
            .filter(|(w, _)| w.len() <= 255)
            .collect();
        out.extend((words.len() as u32).to_le_bytes());
        for (w, class) in words {
            out.push(w.len() as u8);
            out.extend(w.as_bytes());
            out.extend(class.to_le_bytes());
        }
        out
    }

    /// The ambiguity class of `word` (any case), 0 for a word not seen in
    /// training.
    pub fn class(&self, word: &str) -> u32 {
        self.normal_class(&normal(word))
    }

    /// The ambiguity class of a word by its [`normal`] form.
    pub fn normal_class(&self, normal: &str) -> u32 {
        self.classes.get(normal).copied().unwrap_or(0)
    }

    /// Add the weights of feature `key` to `scores`.
    pub fn add(&self, key: u64, scores: &mut [i32; TAGS]) {
        if let Some(row) = self.row(key) {
            for (a, &b) in scores.iter_mut().zip(row) {
                *a += i32::from(b);
            }
        }
    }

    /// How many features have weights.
    pub fn len(&self) -> usize {
        self.rows.len
    }

    /// True for a model without features.
    pub fn is_empty(&self) -> bool {
        self.rows.len == 0
    }

    /// The weights of one feature, if it has any.
    pub fn row(&self, key: u64) -> Option<&[i16; TAGS]> {
        if !self.filter.may_hold(key) {
            return None;
        }
        self.rows.get(key)
    }

    /// Ask the processor to fetch where the row of `key` would be, ahead
    /// of a [`Model::row`] of it; nothing when the filter rules it out.
    pub fn prefetch(&self, key: u64) {
        if self.filter.may_hold(key) {
            self.rows.prefetch(key);
        }
    }

    /// Ask the processor to fetch the Bloom filter's bits for `key`, ahead
    /// of a [`Model::prefetch`] or [`Model::row`] of it, whose test of the
    /// filter would otherwise wait on memory.
    pub fn prefetch_filter(&self, key: u64) {
        self.filter.prefetch(key);
    }

    /// The summed scores of the features that `features` reports.
    pub fn sum(&self, features: impl FnOnce(&mut dyn FnMut(u64))) -> [i32; TAGS] {
        let mut s = [0i32; TAGS];
        features(&mut |key| self.add(key, &mut s));
        s
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|b| b[0])
    }
    fn i16(&mut self) -> Option<i16> {
        self.take().map(i16::from_le_bytes)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_a_round_trip() {
        let mut w = Weights::default();
        let mut row = [0i16; TAGS];
        row[3] = -7;
        row[16] = 300;
        w.features.insert(42u64, row);
        w.features.insert(7u64, [0; TAGS]);
        w.classes.insert("sail".into(), 0b101);
        let bytes = Model::to_bytes(&w);
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(m.class("Sail"), 0b101);
        assert_eq!(m.class("oar"), 0);
        let s = m.sum(|f| {
            f(42);
            f(42);
            f(9);
        });
        assert_eq!(s[3], -14);
        assert_eq!(s[16], 600);
        assert_eq!(s[0], 0);
    }

    #[test]
    fn the_key_filter_keeps_every_key_and_few_others() {
        let keys: Vec<u64> = (0..5000u64)
            .map(|i| crate::tag::feature::hash(1, &i.to_le_bytes()))
            .collect();
        let f = KeyFilter::new(keys.iter().copied());
        assert!(keys.iter().all(|&k| f.may_hold(k)));
        let others = (5000..105_000u64)
            .map(|i| crate::tag::feature::hash(1, &i.to_le_bytes()))
            .filter(|&k| f.may_hold(k))
            .count();
        assert!(others < 3000, "{others} of 100000 absent keys pass");
    }

    #[test]
    fn damaged_files_are_errors() {
        let mut w = Weights::default();
        w.features.insert(1u64, [1i16; TAGS]);
        w.classes.insert("oar".into(), 1);
        let bytes = Model::to_bytes(&w);
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
    }
}
