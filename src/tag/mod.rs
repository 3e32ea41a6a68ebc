//! Part-of-speech tagging: a Universal Dependencies tag (UPOS) for every
//! word of a sentence, from an averaged perceptron trained on the English
//! UD treebanks (see `NOTICE` and `tag::train`).
//!
//! It owns the tag set, the model file and greedy left-to-right tagging. It
//! does not tokenise: callers give it words, and [`pieces`] maps the
//! project's tokens to the treebanks' ("don't" is "do" and "n't").
//!
//! Tagging is cheap because nearly all features depend on one word and its
//! offset: the scores those features give are added up once per word type
//! and cached, so a token costs five cached look-ups, two tag-table rows,
//! three rows of the model (the word pairs it is in, and the previous tag
//! with the word) and a 17-way argmax. The model's table is too large for
//! the processor's cache, so the word-pair rows of a sentence are asked for
//! ahead of their use, and the (previous tag, word) rows met are kept per
//! word type beside the cached scores.

pub mod conllu;
pub mod feature;
pub mod model;
pub mod train;

use std::cell::RefCell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::tag::feature::{
    OFFSETS, Slot, bigram, normal, normal_key, prev_tag, prev_tag_word, prev_tags, slot_key,
    word_features, word_features_everywhere,
};
use crate::tag::model::FastMap;
pub use crate::tag::model::{Model, Weights};

/// The 17 UPOS tags of Universal Dependencies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

/// How many tags there are.
pub const TAGS: usize = 17;

impl Upos {
    /// Every tag, in index order.
    pub const ALL: [Upos; TAGS] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag's name in CoNLL-U ("PROPN").
    pub fn as_str(self) -> &'static str {
        [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
            "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
        ][self as usize]
    }

    /// The tag named `s` in CoNLL-U, if any.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// A noun, a proper noun or a pronoun: what can head a noun phrase.
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn | Upos::Pron)
    }

    /// A verb or an auxiliary.
    pub fn is_verbal(self) -> bool {
        matches!(self, Upos::Verb | Upos::Aux)
    }
}

/// A tagger: a model and the means to apply it. Build one with
/// [`Tagger::new`] or use the embedded [`Tagger::builtin`].
pub struct Tagger {
    model: Model,
    /// Scores of the sentence start and end at each offset.
    start: [Scores; 5],
    end: [Scores; 5],
    /// Tag-history scores: by previous tag, and by the previous two.
    t1: Vec<Scores>,
    t2: Vec<Scores>,
    /// The keys of the sentence's ends, for the features of word pairs.
    start_key: u64,
    end_key: u64,
    /// Tells this tagger's cache entries from another's.
    id: u64,
}

/// A score per tag.
type Scores = [i32; TAGS];

/// What a word type gives: its scores at each of the five offsets, and its
/// key for the feature that pairs it with the previous tag.
struct WordScores {
    at: [Scores; 5],
    key: u64,
    /// By previous tag (or none): where the row of the feature pairing
    /// that tag with this word is in [`Cache::rows`], plus one; 0 when the
    /// model has no such row, [`UNSEEN`] before it is looked up.
    after_tag: [u32; TAGS + 1],
}

/// An entry of [`WordScores::after_tag`] not looked up yet.
const UNSEEN: u32 = u32::MAX;

/// The model trained from `../shared/ud` by `cargo run --release --example
/// tagger -- train`, embedded in the binary.
static BUILTIN: &[u8] = include_bytes!("../../data/tagger.bin");

/// Word types cached per thread before the cache is emptied.
const CACHE_LIMIT: usize = 1 << 18;

/// A word of at most 23 bytes as a cache key: its bytes and, in the last
/// byte, its length. Held in the table itself, a look-up compares it
/// without following a pointer.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortWord([u64; 3]);

impl ShortWord {
    fn new(word: &str) -> Option<ShortWord> {
        let b = word.as_bytes();
        if b.len() > 23 {
            return None;
        }
        let mut k = [0u8; 24];
        k[..b.len()].copy_from_slice(b);
        k[23] = b.len() as u8;
        let w = |i: usize| u64::from_le_bytes(k[i * 8..i * 8 + 8].try_into().unwrap_or_default());
        Some(ShortWord([w(0), w(1), w(2)]))
    }
}

impl ShortWord {
    /// The hash of the key (rustc's FxHasher mixing over its three words).
    fn hash(self) -> u64 {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let [a, b, c] = self.0;
        let mut h = a.wrapping_mul(K);
        h = (h.rotate_left(26) ^ b).wrapping_mul(K);
        h = (h.rotate_left(26) ^ c).wrapping_mul(K);
        h ^ (h >> 29)
    }
}

/// Cache indices by [`ShortWord`]: open addressing with linear probing, at
/// most half full, a slot the key and its index (32 bytes, two a cache
/// line), so that the look-ups of a sentence's words can ask for their
/// slots first ([`WordTable::prefetch`]) and then find them in the
/// processor's cache instead of each waiting on memory in turn.
struct WordTable {
    slots: Vec<WordSlot>,
    len: usize,
}

#[derive(Clone, Copy)]
struct WordSlot {
    key: ShortWord,
    /// [`EMPTY`] for an empty slot.
    id: u32,
}

const EMPTY: u32 = u32::MAX;

impl WordTable {
    fn new() -> WordTable {
        WordTable {
            slots: Vec::new(),
            len: 0,
        }
    }

    fn clear(&mut self) {
        self.slots.clear();
        self.len = 0;
    }

    fn home(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.slots.len().trailing_zeros()))
            as usize
    }

    fn prefetch(&self, hash: u64) {
        if !self.slots.is_empty() {
            model::prefetch(&self.slots[self.home(hash)]);
        }
    }

    fn get(&self, key: ShortWord, hash: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(hash);
        loop {
            let slot = &self.slots[i];
            if slot.id == EMPTY {
                return None;
            }
            if slot.key == key {
                return Some(slot.id);
            }
            i = (i + 1) & mask;
        }
    }

    /// Add a key not in the table.
    fn insert(&mut self, key: ShortWord, hash: u64, id: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(1024);
            let old = std::mem::replace(
                &mut self.slots,
                vec![
                    WordSlot {
                        key: ShortWord([0; 3]),
                        id: EMPTY,
                    };
                    size
                ],
            );
            self.len = 0;
            for s in old.into_iter().filter(|s| s.id != EMPTY) {
                self.insert(s.key, s.key.hash(), s.id);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(hash);
        while self.slots[i].id != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = WordSlot { key, id };
        self.len += 1;
    }
}

struct Cache {
    tagger: u64,
    /// Cache indices by word: words of up to 23 bytes, and longer ones.
    index: WordTable,
    long: FastMap<Box<str>, u32>,
    scores: Vec<WordScores>,
    /// Copies of the model's rows for (previous tag, word) features met so
    /// far: a few thousand rows that stay in the processor's cache, where
    /// the model's table does not.
    rows: Vec<[i16; TAGS]>,
    /// Per word of the sentence: its cache index, and the scores of every
    /// feature that does not depend on the tags chosen.
    ids: Vec<u32>,
    base: Vec<Scores>,
    /// Per word of the sentence, the keys of the two word pairs it is in.
    pairs: Vec<[u64; 2]>,
    /// Per word of the sentence, its [`ShortWord`] and the key's hash.
    keys: Vec<(Option<ShortWord>, u64)>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache {
        tagger: u64::MAX,
        index: WordTable::new(),
        long: FastMap::default(),
        scores: Vec::new(),
        rows: Vec::new(),
        ids: Vec::new(),
        base: Vec::new(),
        pairs: Vec::new(),
        keys: Vec::new(),
    });
}

impl Tagger {
    /// A tagger for `model`.
    pub fn new(model: Model) -> Tagger {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let boundary = |slot: Slot<'_>| -> [Scores; 5] {
            std::array::from_fn(|k| model.sum(|f| word_features(slot, OFFSETS[k], 0, f)))
        };
        let start = boundary(Slot::Start);
        let end = boundary(Slot::End);
        let n = TAGS as u8 + 1;
        let t1 = (0..n).map(|a| model.sum(|f| f(prev_tag(a)))).collect();
        let t2 = (0..n)
            .flat_map(|b| (0..n).map(move |a| (b, a)))
            .map(|(b, a)| model.sum(|f| f(prev_tags(b, a))))
            .collect();
        Tagger {
            model,
            start,
            end,
            t1,
            t2,
            start_key: slot_key(Slot::Start),
            end_key: slot_key(Slot::End),
            id: NEXT.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The embedded model, loaded once.
    pub fn builtin() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            Tagger::new(Model::from_bytes(BUILTIN).expect("the embedded tagger model is valid"))
        })
    }

    /// The model this tagger applies.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tag a sentence, one tag per word. Linear in the number of words.
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut out);
        out
    }

    /// [`Tagger::tag`] appending to `out`.
    ///
    /// Two passes: the first adds up, for every word, the scores of the
    /// features that do not depend on the tags chosen (the words around it,
    /// the word pairs), whose look-ups in the model's large table do not
    /// wait on each other; the second chooses the tags left to right,
    /// adding the tag-history scores.
    pub fn tag_into(&self, words: &[&str], out: &mut Vec<Upos>) {
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.tagger != self.id || cache.scores.len() >= CACHE_LIMIT {
                cache.tagger = self.id;
                cache.index.clear();
                cache.long.clear();
                cache.scores.clear();
                cache.rows.clear();
            }
            let mut ids = std::mem::take(&mut cache.ids);
            let mut base = std::mem::take(&mut cache.base);
            let mut pairs = std::mem::take(&mut cache.pairs);
            let mut keys = std::mem::take(&mut cache.keys);
            // the words' keys first, asking for their slots of the cache's
            // index, then the look-ups
            keys.clear();
            keys.extend(words.iter().map(|w| {
                let k = ShortWord::new(w);
                let h = k.map_or(0, |k| k.hash());
                if k.is_some() {
                    cache.index.prefetch(h);
                }
                (k, h)
            }));
            ids.clear();
            ids.extend(
                words
                    .iter()
                    .zip(&keys)
                    .map(|(w, &(k, h))| {
                        let id = self.word(&mut cache, w, k, h);
                        // and its cached scores, read by the passes below
                        // (the next one reads the word's key, its last line)
                        model::prefetch_all(&cache.scores[id as usize]);
                        id
                    }),
            );
            cache.keys = keys;
            let n = ids.len();
            let scores = &cache.scores;
            let at = |i: usize, k: usize| -> &Scores {
                let j = i as isize + OFFSETS[k];
                if j < 0 {
                    &self.start[k]
                } else if j as usize >= n {
                    &self.end[k]
                } else {
                    &scores[ids[j as usize] as usize].at[k]
                }
            };
            let key = |j: usize| scores[ids[j] as usize].key;
            // the word pairs' keys first, asking for their bits of the
            // model's filter, then (the filter's words in cache) for their
            // rows, so that the look-ups below find them in the processor's
            // cache rather than each waiting on memory in turn
            pairs.clear();
            pairs.extend((0..n).map(|i| {
                let before = if i == 0 { self.start_key } else { key(i - 1) };
                let after = if i + 1 == n { self.end_key } else { key(i + 1) };
                let p = [bigram(before, key(i), false), bigram(key(i), after, true)];
                p.iter().for_each(|&f| self.model.prefetch_filter(f));
                p
            }));
            for p in &pairs {
                p.iter().for_each(|&f| self.model.prefetch(f));
            }
            base.clear();
            base.extend((0..n).map(|i| {
                let mut s = *at(i, 0);
                for k in 1..5 {
                    let v = at(i, k);
                    for c in 0..TAGS {
                        s[c] += v[c];
                    }
                }
                for f in pairs[i] {
                    if let Some(v) = self.model.row(f) {
                        for c in 0..TAGS {
                            s[c] += i32::from(v[c]);
                        }
                    }
                }
                s
            }));
            let none = TAGS as u8;
            let (mut p2, mut p1) = (none, none);
            for i in 0..n {
                let mut s = base[i];
                let h1 = &self.t1[p1 as usize];
                let h2 = &self.t2[p2 as usize * (TAGS + 1) + p1 as usize];
                for c in 0..TAGS {
                    s[c] += h1[c] + h2[c];
                }
                let id = ids[i] as usize;
                let mut r = cache.scores[id].after_tag[p1 as usize];
                if r == UNSEEN {
                    r = match self.model.row(prev_tag_word(p1, cache.scores[id].key)) {
                        Some(v) => {
                            cache.rows.push(*v);
                            cache.rows.len() as u32
                        }
                        None => 0,
                    };
                    cache.scores[id].after_tag[p1 as usize] = r;
                }
                if r != 0 {
                    let v = &cache.rows[r as usize - 1];
                    for c in 0..TAGS {
                        s[c] += i32::from(v[c]);
                    }
                }
                let best = argmax(&s);
                out.push(Upos::ALL[best]);
                (p2, p1) = (p1, best as u8);
            }
            cache.ids = ids;
            cache.base = base;
            cache.pairs = pairs;
        })
    }

    /// The cache index of `word`'s scores, computing them on first sight.
    /// `short` and `hash` are the word's [`ShortWord`] and its hash.
    fn word(&self, cache: &mut Cache, word: &str, short: Option<ShortWord>, hash: u64) -> u32 {
        let found = match short {
            Some(k) => cache.index.get(k, hash),
            None => cache.long.get(word).copied(),
        };
        if let Some(i) = found {
            return i;
        }
        let low = normal(word);
        let mut scores = WordScores {
            at: [[0; TAGS]; 5],
            key: normal_key(&low),
            after_tag: [UNSEEN; TAGS + 1],
        };
        let class = self.model.normal_class(&low);
        word_features_everywhere(word, class, |k, f| self.model.add(f, &mut scores.at[k]));
        let i = cache.scores.len() as u32;
        cache.scores.push(scores);
        match short {
            Some(k) => cache.index.insert(k, hash, i),
            None => {
                cache.long.insert(word.into(), i);
            }
        };
        i
    }
}

/// The index of the highest score; the lowest index on a tie.
fn argmax(s: &Scores) -> usize {
    let mut best = 0;
    for c in 1..TAGS {
        if s[c] > s[best] {
            best = c;
        }
    }
    best
}

/// How the project's word tokens map to the treebanks' words: the
/// treebanks split a negation "n't" and the clitics "'m", "'re", "'ve",
/// "'ll", "'d" from their host ("don't" is "do" + "n't", "we're" is "we" +
/// "'re"), and "cannot" into "can" + "not". Returns the byte length of the
/// host, when `word` splits.
pub fn split_clitic(word: &str) -> Option<usize> {
    if word.len() == 6 && word.eq_ignore_ascii_case("cannot") {
        return Some(3);
    }
    if !word.contains(['\'', '\u{2019}']) {
        return None;
    }
    // the last three characters, in ASCII lower case, ’ read as '
    let mut last = ['\0'; 3];
    for (k, c) in word.chars().rev().take(3).enumerate() {
        last[2 - k] = if c == '\u{2019}' {
            '\''
        } else {
            c.to_ascii_lowercase()
        };
    }
    let tail = match last {
        ['n', '\'', 't'] | ['\'', 'r', 'e'] | ['\'', 'v', 'e'] | ['\'', 'l', 'l'] => 3,
        [_, '\'', 'm' | 'd'] => 2,
        _ => return None,
    };
    (word.chars().count() > tail).then(|| word.len() - word_tail_len(word, tail))
}

/// The byte length of the last `chars` characters of `word`.
fn word_tail_len(word: &str, chars: usize) -> usize {
    word.char_indices()
        .rev()
        .nth(chars - 1)
        .map_or(word.len(), |(i, _)| word.len() - i)
}

/// The treebank words of a sentence's word tokens, with the index of the
/// token each came from: a token that splits gives two words.
pub fn pieces<'a>(tokens: &[&'a str]) -> (Vec<&'a str>, Vec<usize>) {
    let mut words = Vec::with_capacity(tokens.len() + 4);
    let mut from = Vec::with_capacity(tokens.len() + 4);
    for (t, &tok) in tokens.iter().enumerate() {
        match split_clitic(tok) {
            Some(at) if tok.is_char_boundary(at) => {
                words.extend([&tok[..at], &tok[at..]]);
                from.extend([t, t]);
            }
            _ => {
                words.push(tok);
                from.push(t);
            }
        }
    }
    (words, from)
}

/// Tag the project's tokens of one sentence: each token gets the tag of its
/// first treebank word ("don't" is AUX, "we're" PRON).
pub fn tag_tokens(tagger: &Tagger, tokens: &[&str]) -> Vec<Upos> {
    let splits = |t: &&str| split_clitic(t).is_some_and(|at| t.is_char_boundary(at));
    if !tokens.iter().any(splits) {
        return tagger.tag(tokens);
    }
    let (words, from) = pieces(tokens);
    let tags = tagger.tag(&words);
    let mut out = vec![Upos::X; tokens.len()];
    for (w, &t) in from.iter().enumerate().rev() {
        out[t] = tags[w];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<&'static str> {
        let words: Vec<&str> = s.split(' ').collect();
        tag_tokens(Tagger::builtin(), &words)
            .into_iter()
            .map(Upos::as_str)
            .collect()
    }

    #[test]
    fn tags_a_wire_sentence() {
        assert_eq!(
            tags("The harbour authority said on Monday that it would close two piers ."),
            [
                "DET", "NOUN", "NOUN", "VERB", "ADP", "PROPN", "SCONJ", "PRON", "AUX", "VERB",
                "NUM", "NOUN", "PUNCT"
            ]
        );
    }

    #[test]
    fn names_and_titles_are_proper_nouns() {
        let t = tags("Fisheries minister Rosa Vidal met Norwegian officials in Oslo");
        assert_eq!(t[2], "PROPN");
        assert_eq!(t[3], "PROPN");
        assert_eq!(t[4], "VERB");
        assert_eq!(t[5], "ADJ");
        assert_eq!(t[8], "PROPN");
    }

    #[test]
    fn one_word_two_uses() {
        assert_eq!(tags("They plan to protest")[3], "VERB");
        assert_eq!(tags("The protest ended")[1], "NOUN");
    }

    #[test]
    fn clitics_split_as_in_the_treebanks() {
        assert_eq!(split_clitic("don't"), Some(2));
        assert_eq!(split_clitic("can't"), Some(2));
        assert_eq!(split_clitic("won’t"), Some(2));
        assert_eq!(split_clitic("we're"), Some(2));
        assert_eq!(split_clitic("I'm"), Some(1));
        assert_eq!(split_clitic("They’ll"), Some(4));
        assert_eq!(split_clitic("cannot"), Some(3));
        assert_eq!(split_clitic("O'Brien"), None);
        assert_eq!(split_clitic("n't"), None);
        assert_eq!(split_clitic("CANNOT"), Some(3));
        assert_eq!(split_clitic("SHE'D"), Some(3));
        assert_eq!(split_clitic("'d"), None);
        assert_eq!(split_clitic("ma’am"), None);
        assert_eq!(split_clitic("carrot"), None);
        let (words, from) = pieces(&["We", "don't", "agree"]);
        assert_eq!(words, ["We", "do", "n't", "agree"]);
        assert_eq!(from, [0, 1, 1, 2]);
        assert_eq!(tags("We don't agree"), ["PRON", "AUX", "VERB"]);
    }

    #[test]
    fn the_same_words_give_the_same_tags_on_any_thread() {
        let words = ["Talks", "between", "Chile", "and", "Peru", "resumed"];
        let here = Tagger::builtin().tag(&words);
        let there = std::thread::spawn(move || Tagger::builtin().tag(&words))
            .join()
            .unwrap();
        assert_eq!(here, there);
        assert!(Tagger::builtin().tag(&[]).is_empty());
    }
}
