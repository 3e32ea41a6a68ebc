//! Training the tagger (an averaged perceptron, greedy left to right, as at
//! tagging time) and measuring it on treebank sentences.
//!
//! Training is deterministic: the same sentences and options give the same
//! model bytes on any machine, so the committed model can be checked by
//! retraining it (`cargo run --release --example tagger -- train --check`).

use std::collections::{BTreeMap, HashMap};

use crate::tag::conllu::Sentence;
use crate::tag::feature::{
    OFFSETS, Slot, bigram, normal, prev_tag, prev_tag_word, prev_tags, slot_key, word_features,
    word_key,
};
use crate::tag::{TAGS, Tagger, Upos, Weights, pieces, split_clitic};
use crate::text::{Span, tokenize};

/// How to train.
#[derive(Clone, Debug)]
pub struct Options {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the shuffle before each pass.
    pub seed: u64,
    /// A feature seen fewer times than this in training is left out of the
    /// model.
    pub min_count: u32,
    /// A tag makes up at least this share of a word's training uses to be
    /// in its ambiguity class.
    pub class_share: f64,
    /// A word seen fewer times than this has no ambiguity class, as an
    /// unseen word has none.
    pub class_min: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 10,
            seed: 0x6e65_7773_6772_6170,
            min_count: 1,
            class_share: 0.2,
            class_min: 3,
        }
    }
}

/// A token of a training sentence: its gold tag and its word features.
struct Example {
    gold: u8,
    features: Vec<u32>,
    /// The row of `pairs` holding the word's features paired with each
    /// previous tag.
    after_tag: u32,
}

/// The ambiguity class of every training word form: the tags that make up
/// at least `share` of its uses, for the forms seen `min` times or more.
fn classes(sentences: &[Sentence], share: f64, min: u32) -> BTreeMap<String, u32> {
    let mut seen: BTreeMap<String, [u32; TAGS]> = BTreeMap::new();
    for s in sentences {
        for (w, t) in &s.words {
            seen.entry(normal(w)).or_insert([0; TAGS])[*t as usize] += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, counts)| counts.iter().sum::<u32>() >= min)
        .map(|(w, counts)| {
            let all: u32 = counts.iter().sum();
            let class = (0..TAGS)
                .filter(|&c| f64::from(counts[c]) >= share * f64::from(all))
                .fold(0u32, |m, c| m | 1 << c);
            (w, class)
        })
        .collect()
}

/// Train on `sentences`; returns the quantised weights by feature key.
/// `progress` is called after each pass with its number and the share of
/// training tokens the pass tagged right.
pub fn train(
    sentences: &[Sentence],
    opts: &Options,
    mut progress: impl FnMut(usize, f64),
) -> Weights {
    let classes = classes(sentences, opts.class_share, opts.class_min);
    let class = |w: &str| classes.get(&normal(w)).copied().unwrap_or(0);
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let mut keys: Vec<u64> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut id = |key: u64| -> u32 {
        let next = keys.len() as u32;
        let i = *ids.entry(key).or_insert(next);
        if i == next {
            keys.push(key);
            counts.push(0);
        }
        counts[i as usize] += 1;
        i
    };
    let none = TAGS as u8;
    let t1: Vec<u32> = (0..=none).map(|a| id(prev_tag(a))).collect();
    let t2: Vec<u32> = (0..=none)
        .flat_map(|b| (0..=none).map(move |a| (b, a)))
        .map(|(b, a)| prev_tags(b, a))
        .map(&mut id)
        .collect();
    // the word-and-previous-tag features of each word form, one per tag
    let mut after_tag: HashMap<u64, u32> = HashMap::new();
    let mut pairs: Vec<[u32; TAGS + 1]> = Vec::new();
    let mut data: Vec<Vec<Example>> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(|(w, _)| w.as_str()).collect();
        let mut sent = Vec::with_capacity(words.len());
        for i in 0..words.len() {
            let mut features = Vec::with_capacity(24);
            for &o in &OFFSETS {
                let sl = slot(&words, i as isize + o);
                let c = match sl {
                    Slot::Word(w) => class(w),
                    _ => 0,
                };
                word_features(sl, o, c, |h| features.push(id(h)));
            }
            let key = |o: isize| slot_key(slot(&words, i as isize + o));
            features.push(id(bigram(key(-1), key(0), false)));
            features.push(id(bigram(key(0), key(1), true)));
            let wk = word_key(words[i]);
            let row: [u32; TAGS + 1] = std::array::from_fn(|t| id(prev_tag_word(t as u8, wk)));
            let first = *after_tag.entry(wk).or_insert_with(|| {
                pairs.push(row);
                pairs.len() as u32 - 1
            });
            sent.push(Example {
                gold: s.words[i].1 as u8,
                features,
                after_tag: first,
            });
        }
        data.push(sent);
    }
    // tag features are always kept
    for &i in t1.iter().chain(&t2) {
        counts[i as usize] = u32::MAX;
    }

    let n = keys.len();
    let mut w = vec![0i32; n * TAGS];
    let mut total = vec![0i64; n * TAGS];
    let mut stamp = vec![0u64; n * TAGS];
    let mut now: u64 = 0;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = opts.seed | 1;
    for epoch in 1..=opts.epochs {
        shuffle(&mut order, &mut rng);
        let (mut right, mut all) = (0usize, 0usize);
        for &si in &order {
            let (mut p2, mut p1) = (none, none);
            for ex in &data[si] {
                now += 1;
                let hist = [
                    t1[p1 as usize],
                    t2[p2 as usize * (TAGS + 1) + p1 as usize],
                    pairs[ex.after_tag as usize][p1 as usize],
                ];
                let feats = || ex.features.iter().chain(&hist).map(|&f| f as usize);
                let mut s = [0i64; TAGS];
                for f in feats() {
                    for (c, sc) in s.iter_mut().enumerate() {
                        *sc += i64::from(w[f * TAGS + c]);
                    }
                }
                let guess = argmax(&s) as u8;
                if guess != ex.gold {
                    for f in feats() {
                        for (c, d) in [(ex.gold, 1), (guess, -1)] {
                            let k = f * TAGS + c as usize;
                            total[k] += (now - stamp[k]) as i64 * i64::from(w[k]);
                            stamp[k] = now;
                            w[k] += d;
                        }
                    }
                } else {
                    right += 1;
                }
                all += 1;
                (p2, p1) = (p1, guess);
            }
        }
        progress(epoch, right as f64 / all.max(1) as f64);
    }

    // average, then quantise to 16 bits with one scale for the whole model
    let avg: Vec<f64> = (0..n * TAGS)
        .map(|k| (total[k] + (now - stamp[k]) as i64 * i64::from(w[k])) as f64 / now.max(1) as f64)
        .collect();
    let max = avg
        .iter()
        .fold(0f64, |m, &a| m.max(a.abs()))
        .max(f64::MIN_POSITIVE);
    let scale = f64::from(i16::MAX) / max;
    let mut features = BTreeMap::new();
    for (f, &key) in keys.iter().enumerate() {
        if counts[f] < opts.min_count {
            continue;
        }
        let row: [i16; TAGS] = std::array::from_fn(|c| (avg[f * TAGS + c] * scale).round() as i16);
        if row.iter().any(|&x| x != 0) {
            features.insert(key, row);
        }
    }
    Weights { features, classes }
}

/// The word slot at position `j` of `words`, or a sentence boundary.
fn slot<'a>(words: &[&'a str], j: isize) -> Slot<'a> {
    if j < 0 {
        Slot::Start
    } else {
        words.get(j as usize).map_or(Slot::End, |w| Slot::Word(w))
    }
}

/// The index of the highest score; the lowest on a tie, as when tagging.
fn argmax(s: &[i64; TAGS]) -> usize {
    let mut best = 0;
    for c in 1..TAGS {
        if s[c] > s[best] {
            best = c;
        }
    }
    best
}

/// Fisher-Yates with xorshift64*: the same order on every machine.
fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        let r = state.wrapping_mul(0x2545_f491_4f6c_dd1d);
        v.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Words tagged right and words in all, with the treebank's own words.
pub fn accuracy(tagger: &Tagger, sentences: &[Sentence]) -> (usize, usize) {
    let (mut right, mut all) = (0, 0);
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(|(w, _)| w.as_str()).collect();
        let tags = tagger.tag(&words);
        right += tags
            .iter()
            .zip(&s.words)
            .filter(|(a, (_, b))| *a == b)
            .count();
        all += words.len();
    }
    (right, all)
}

/// Words tagged right and words in all, when the sentence's text is split
/// by the project's tokenizer instead (and its clitics by [`pieces`]). A
/// treebank word counts as right when a word with the same characters
/// covers exactly its place in the text and has its tag; a word the
/// tokenizer splits or joins otherwise counts as wrong.
pub fn accuracy_own_tokens(tagger: &Tagger, sentences: &[Sentence]) -> (usize, usize) {
    let (mut right, mut all) = (0, 0);
    for s in sentences {
        let text = s.text.as_str();
        let gold = gold_spans(s);
        all += gold.len();
        let toks = tokenize(text, Span::new(0, text.len()));
        let mut spans = Vec::new();
        for t in &toks {
            let w = &text[t.span.start..t.span.end];
            match split_clitic(w) {
                Some(at) if w.is_char_boundary(at) => {
                    spans.push((t.span.start, t.span.start + at));
                    spans.push((t.span.start + at, t.span.end));
                }
                _ => spans.push((t.span.start, t.span.end)),
            }
        }
        let words: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
        debug_assert_eq!(pieces(&words).0.len(), words.len());
        let tags = tagger.tag(&words);
        let by_span: HashMap<(usize, usize), Upos> = spans.into_iter().zip(tags).collect();
        for (span, tag) in gold {
            if span.is_some_and(|sp| by_span.get(&sp) == Some(&tag)) {
                right += 1;
            }
        }
    }
    (right, all)
}

/// Where each treebank word lies in the sentence's text, found by reading
/// the surface tokens in order; `None` where the text does not show it.
fn gold_spans(s: &Sentence) -> Vec<(Option<(usize, usize)>, Upos)> {
    let text = s.text.as_str();
    let mut out: Vec<(Option<(usize, usize)>, Upos)> =
        s.words.iter().map(|(_, t)| (None, *t)).collect();
    let mut at = 0;
    let mut i = 0;
    while i < s.words.len() {
        let multi = s.multiword.iter().find(|(_, r)| r.start == i);
        let (form, range) = match multi {
            Some((f, r)) => (f.as_str(), r.clone()),
            None => (s.words[i].0.as_str(), i..i + 1),
        };
        if let Some(pos) = text.get(at..).and_then(|rest| rest.find(form)) {
            let start = at + pos;
            at = start + form.len();
            let parts: String = s.words[range.clone()]
                .iter()
                .map(|(w, _)| w.as_str())
                .collect();
            if parts == form {
                let mut p = start;
                for k in range.clone() {
                    let len = s.words[k].0.len();
                    out[k].0 = Some((p, p + len));
                    p += len;
                }
            }
        }
        i = range.end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::conllu::parse;
    use crate::tag::model::Model;

    /// A toy treebank in our own words.
    fn toy() -> Vec<Sentence> {
        let mut t = String::new();
        let sents: [&[(&str, &str)]; 4] = [
            &[
                ("Ships", "NOUN"),
                ("sail", "VERB"),
                ("north", "ADV"),
                (".", "PUNCT"),
            ],
            &[
                ("Crews", "NOUN"),
                ("sail", "VERB"),
                ("home", "ADV"),
                (".", "PUNCT"),
            ],
            &[
                ("The", "DET"),
                ("sail", "NOUN"),
                ("tore", "VERB"),
                (".", "PUNCT"),
            ],
            &[
                ("The", "DET"),
                ("ship", "NOUN"),
                ("sank", "VERB"),
                (".", "PUNCT"),
            ],
        ];
        for s in sents {
            let text: Vec<&str> = s.iter().map(|(w, _)| *w).collect();
            t.push_str(&format!("# text = {}\n", text.join(" ")));
            for (i, (w, tag)) in s.iter().enumerate() {
                t.push_str(&format!(
                    "{}\t{w}\t{w}\t{tag}\t_\t_\t0\troot\t_\t_\n",
                    i + 1
                ));
            }
            t.push('\n');
        }
        parse(&t).unwrap()
    }

    fn opts() -> Options {
        Options {
            epochs: 5,
            min_count: 1,
            ..Options::default()
        }
    }

    #[test]
    fn learns_a_toy_treebank_and_tags_a_word_by_its_context() {
        let data = toy();
        let weights = train(&data, &opts(), |_, _| {});
        let tagger = Tagger::new(Model::from_bytes(&Model::to_bytes(&weights)).unwrap());
        assert_eq!(accuracy(&tagger, &data), (16, 16));
        assert_eq!(tagger.tag(&["The", "sail", "sank", "."])[1], Upos::Noun);
        assert_eq!(tagger.tag(&["Ships", "sail", "home", "."])[1], Upos::Verb);
        assert_eq!(accuracy_own_tokens(&tagger, &data), (16, 16));
    }

    #[test]
    fn training_twice_gives_the_same_bytes() {
        let data = toy();
        let a = Model::to_bytes(&train(&data, &opts(), |_, _| {}));
        let b = Model::to_bytes(&train(&data, &opts(), |_, _| {}));
        assert_eq!(a, b);
    }

    #[test]
    fn gold_spans_follow_multiword_tokens() {
        let s = parse(
            "# text = We don't.\n1\tWe\t_\tPRON\t_\t_\t0\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
             2\tdo\t_\tAUX\t_\t_\t0\t_\t_\t_\n3\tn't\t_\tPART\t_\t_\t0\t_\t_\t_\n4\t.\t_\tPUNCT\t_\t_\t0\t_\t_\t_\n",
        )
        .unwrap();
        let spans: Vec<_> = gold_spans(&s[0]).into_iter().map(|(sp, _)| sp).collect();
        assert_eq!(
            spans,
            [Some((0, 2)), Some((3, 5)), Some((5, 8)), Some((8, 9))]
        );
    }
}
