//! The tagger's features: what it looks at to choose a tag, shared by
//! training and tagging so that the two can never disagree.
//!
//! Every feature is a 64-bit hash of a template number and a value. Most
//! depend on one word and its offset from the word being tagged (the word
//! itself, its affixes and shape; the words up to two before and after), so
//! a tagger can add them up once per word type. Only two depend on the tags
//! already chosen: the previous tag, and the previous two together.

/// Offsets from the tagged word whose words are looked at.
pub const OFFSETS: [isize; 5] = [-2, -1, 0, 1, 2];

/// A word slot at some offset: a word, or past either end of the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot<'a> {
    Word(&'a str),
    Start,
    End,
}

/// FNV-1a over a template number and bytes: stable across platforms and
/// builds, which the model file relies on.
pub fn hash(template: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&template).chain(bytes) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // FNV's low bits mix poorly for short keys; finish with a multiply-xorshift.
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// The feature for "the previous tag was `t1`" (`t1` is a tag index, or the
/// number of tags for the start of the sentence).
pub fn prev_tag(t1: u8) -> u64 {
    hash(40, &[t1])
}

/// The feature for "the two previous tags were `t2`, `t1`".
pub fn prev_tags(t2: u8, t1: u8) -> u64 {
    hash(41, &[t2, t1])
}

/// The feature for "the previous tag was `t1` and this word is the one
/// whose [`word_key`] is `word`".
pub fn prev_tag_word(t1: u8, word: u64) -> u64 {
    let mut h = word ^ (u64::from(t1) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 31;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 29)
}

/// The key of a word for [`prev_tag_word`]: a hash of its [`normal`] form.
pub fn word_key(word: &str) -> u64 {
    normal_key(&normal(word))
}

/// [`word_key`] from the normal form.
pub fn normal_key(normal: &str) -> u64 {
    hash(60, normal.as_bytes())
}

/// The [`word_key`] of a slot; the sentence's ends have keys of their own.
pub fn slot_key(slot: Slot<'_>) -> u64 {
    match slot {
        Slot::Word(w) => word_key(w),
        Slot::Start => hash(61, b"<s>"),
        Slot::End => hash(61, b"</s>"),
    }
}

/// The feature for two neighbouring words, by their keys: the word before
/// and the word tagged (`after` false), or the word tagged and the word
/// after (`after` true).
pub fn bigram(first: u64, second: u64, after: bool) -> u64 {
    prev_tag_word(
        if after { 200 } else { 201 },
        first.rotate_left(17) ^ second,
    )
}

/// The word as the tagger sees it: lower case, every digit written as 0
/// (so "1,400" and "2,750" are one word).
pub fn normal(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// The shape of a word: X for an upper-case letter, x for a lower-case one,
/// d for a digit, other characters as they are, runs collapsed ("McDonald"
/// is "XxXx", "U.S." is "X.X.", "1,400" is "d,d").
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if last != Some(s) {
            out.push(s);
            last = Some(s);
        }
    }
    out
}

/// The last `n` characters of `s`, or `None` if it has no more than `n`.
fn suffix(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices().rev();
    let (at, _) = it.nth(n - 1)?;
    it.next()?;
    Some(&s[at..])
}

/// The first `n` characters of `s`, or `None` if it has no more than `n`.
fn prefix(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices();
    it.nth(n - 1)?;
    let (at, _) = it.next()?;
    Some(&s[..at])
}

/// Call `f` with every feature of `slot` seen at `offset` from the word
/// being tagged. `class` is the word's ambiguity class: the set of tags
/// (one bit each) the training words of its form had, 0 if none.
pub fn word_features(slot: Slot<'_>, offset: isize, class: u32, mut f: impl FnMut(u64)) {
    let o = (offset + 2) as u8; // 0..=4
    match slot {
        Slot::Word(w) => features_at(w, &normal(w), &shape(w), offset, class, &mut f),
        Slot::Start => f(hash(50 + o, b"<s>")),
        Slot::End => f(hash(50 + o, b"</s>")),
    }
}

/// Call `f` with the index in [`OFFSETS`] and every feature of `word` at
/// that offset: [`word_features`] at all offsets, with the word's forms
/// computed once.
pub fn word_features_everywhere(word: &str, class: u32, mut f: impl FnMut(usize, u64)) {
    let (low, shape) = (normal(word), shape(word));
    for (k, &o) in OFFSETS.iter().enumerate() {
        features_at(word, &low, &shape, o, class, &mut |h| f(k, h));
    }
}

fn features_at(
    word: &str,
    low: &str,
    shape: &str,
    offset: isize,
    class: u32,
    f: &mut impl FnMut(u64),
) {
    let o = (offset + 2) as u8;
    f(hash(o, low.as_bytes()));
    if offset != -2 {
        f(hash(30 + o, &class.to_le_bytes()));
    }
    match offset {
        0 => {
            f(hash(10, b""));
            if word.chars().any(char::is_uppercase) {
                f(hash(9, word.as_bytes()));
            }
            for n in 1..=4 {
                if let Some(s) = suffix(low, n) {
                    f(hash(10 + n as u8, s.as_bytes()));
                }
            }
            for n in 1..=2 {
                if let Some(p) = prefix(low, n) {
                    f(hash(15 + n as u8, p.as_bytes()));
                }
            }
            f(hash(18, shape.as_bytes()));
            let flags = [
                word.chars().next().is_some_and(char::is_uppercase),
                word.chars().any(char::is_lowercase),
                word.chars().any(|c| c.is_ascii_digit()),
                word.contains('-'),
                word.contains('.'),
                word.chars().count() > 3,
            ];
            let bits = flags.iter().fold(0u8, |acc, &b| acc << 1 | u8::from(b));
            f(hash(19, &[bits]));
        }
        -1 | 1 => {
            if let Some(s) = suffix(low, 3) {
                f(hash(20 + o, s.as_bytes()));
            }
            f(hash(25 + o, shape.as_bytes()));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("McDonald"), "XxXx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,400"), "d,d");
        assert_eq!(shape("Zürich"), "Xx");
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        assert_eq!(suffix("zürich", 5), Some("ürich"));
        assert_eq!(suffix("ab", 2), None);
        assert_eq!(prefix("élan", 1), Some("é"));
        assert_eq!(prefix("é", 1), None);
    }

    #[test]
    fn numbers_share_one_form() {
        assert_eq!(normal("1,400"), normal("2,750"));
        assert_eq!(normal("Oslo"), "oslo");
    }

    #[test]
    fn the_same_word_at_other_offsets_gives_other_features() {
        let mut at0 = Vec::new();
        let mut at1 = Vec::new();
        word_features(Slot::Word("talks"), 0, 0, |h| at0.push(h));
        word_features(Slot::Word("talks"), 1, 0, |h| at1.push(h));
        assert!(at0.iter().all(|h| !at1.contains(h)));
        assert!(at0.len() > at1.len());
    }
}
