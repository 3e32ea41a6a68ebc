//! Sentence splitting for wire copy: where a paragraph's sentences begin and
//! end, as trimmed byte spans. It does not know about paragraphs, titles or
//! datelines (see the parent module) nor about words (see `token`).
//!
//! The rule is the usual one for news English: a sentence ends at `.`, `?`,
//! `!` or `…` (plus any closing quotes and brackets) when whitespace and then
//! an uppercase letter, a digit or an opening quote follow. A single period
//! does not end a sentence after a title or other fixed abbreviation
//! ("Mr.", "Jan.", "e.g."), nor after "No." before a number ("No. 10").
//! After a one-letter initial ("John F. Kennedy"), a dotted acronym
//! ("U.S.", "a.m.") or a company suffix ("Inc.", "Jr."), it ends one only
//! when a common sentence opener ("The", "He", "But", ...) or an opening
//! quote follows, so "U.S. officials" stays whole while "in the U.S. The
//! next day" and "World War I. But" split. The scan is one pass over the
//! bytes, so it runs in linear time on any input.

use crate::text::Span;

/// Abbreviations after which a single period never ends a sentence.
/// Compared exactly, and with the first letter capitalised.
pub(crate) const NEVER_SPLIT: &[&str] = &[
    "Adm", "Apr", "Aug", "Capt", "Cmdr", "Col", "Cpl", "Dec", "Det", "Dr", "Feb", "Fr", "Ft",
    "Gen", "Gov", "Hon", "Insp", "Jan", "Jul", "Jun", "Lt", "Maj", "Mar", "Messrs", "Mme", "Mr",
    "Mrs", "Ms", "Mt", "Nov", "Oct", "Prof", "Pvt", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt",
    "St", "Supt", "approx", "cf", "e.g", "i.e", "vs",
];

/// Abbreviations that stand before a number ("No. 10", "Vol. 3"); a period
/// after them ends a sentence unless a digit follows (He replied: "No. The
/// plan is dead.").
pub(crate) const BEFORE_NUMBER: &[&str] = &["Fig", "No", "Nos", "Vol"];

/// Abbreviations that end a sentence only before a sentence opener
/// ("Acme Inc. The company said" splits, "Acme Inc. shares" does not).
pub(crate) const OPENER_SPLIT: &[&str] =
    &["Bros", "Co", "Corp", "Inc", "Jr", "Ltd", "Sr", "al", "etc"];

/// Words that commonly open a sentence; after a dotted acronym or company
/// suffix, a period ends the sentence only when one of these follows.
const OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "Now",
    "Officials",
    "On",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "Who",
    "With",
    "Yet",
    "You",
];

/// Closing marks that may follow a terminator and still belong to the
/// sentence it ends.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›')
}

/// Marks that may open a new sentence.
fn is_opener_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«' | '‹')
}

const ELLIPSIS: &[u8] = "…".as_bytes();

/// How a single period after a given word behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AfterWord {
    /// An ordinary word: the period may end a sentence.
    Normal,
    /// Never ends a sentence.
    Never,
    /// Ends a sentence only before a sentence opener.
    OpenerOnly,
    /// Ends a sentence unless a digit follows.
    NotBeforeDigit,
}

fn listed(list: &[&str], word: &str) -> bool {
    if list.contains(&word) {
        return true;
    }
    // "Etc." or "Vs." at the start of a sentence: allow a capitalised form
    // of a lowercase entry.
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => list.iter().any(|entry| {
            let mut e = entry.chars();
            e.next()
                .is_some_and(|f| f.is_lowercase() && f.to_uppercase().eq(std::iter::once(first)))
                && e.as_str() == chars.as_str()
        }),
        _ => false,
    }
}

/// True for "U.S", "U.K", "a.m", "Ph.D" (the final period already removed):
/// letter groups of one or two letters joined by periods.
pub(crate) fn is_dotted_acronym(word: &str) -> bool {
    let mut groups = 0;
    for part in word.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 2 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

fn classify(word: &str) -> AfterWord {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A one-letter initial: "John F. Kennedy", "J. Smith"; but "World
        // War I. But ..." ends a sentence.
        return if c.is_uppercase() {
            AfterWord::OpenerOnly
        } else {
            AfterWord::Normal
        };
    }
    if BEFORE_NUMBER.contains(&word) {
        AfterWord::NotBeforeDigit
    } else if listed(NEVER_SPLIT, word) {
        AfterWord::Never
    } else if listed(OPENER_SPLIT, word) || is_dotted_acronym(word) {
        AfterWord::OpenerOnly
    } else {
        AfterWord::Normal
    }
}

/// The word just before byte `end`, back to whitespace, an opening mark or
/// `floor`. Looks back at most 48 bytes: no abbreviation is longer.
fn word_before(text: &str, floor: usize, end: usize) -> &str {
    let mut start = end;
    for (i, c) in text[floor..end].char_indices().rev() {
        if c.is_whitespace() || is_opener_mark(c) || c == '—' || c == '–' || end - (floor + i) > 48
        {
            break;
        }
        start = floor + i;
    }
    &text[start..end]
}

/// The run of letters starting at byte `at`.
fn word_at(text: &str, at: usize, end: usize) -> &str {
    let rest = &text[at..end];
    let len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..len]
}

/// True if `word` commonly opens a sentence ("The", "He", "But", ...).
pub fn is_sentence_opener(word: &str) -> bool {
    OPENERS.binary_search(&word).is_ok()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Trim `start..end` of `text` and return it as a span, or `None` if only
/// whitespace is left.
pub(crate) fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let piece = &text[start..end];
    let left = piece.len() - piece.trim_start().len();
    let right = piece.trim_end().len();
    (right > left).then(|| Span {
        start: start + left,
        end: start + right,
    })
}

/// Split `text[span]` into sentences, as trimmed, non-empty, ordered byte
/// spans into `text`. A span that is out of range or not on character
/// boundaries yields no sentences. Linear in the length of the span.
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    if text.get(span.start..span.end).is_none() {
        return out;
    }
    let bytes = text.as_bytes();
    let end = span.end;
    let mut sentence_start = span.start;
    let mut i = span.start;
    while i < end {
        let b = bytes[i];
        let is_ellipsis = b == ELLIPSIS[0] && bytes[i..end].starts_with(ELLIPSIS);
        if !(b == b'.' || b == b'?' || b == b'!' || is_ellipsis) {
            i += 1;
            continue;
        }
        // The run of terminators: "." or "?!" or "..." or "…".
        let term_start = i;
        let mut j = i;
        loop {
            if j < end && matches!(bytes[j], b'.' | b'?' | b'!') {
                j += 1;
            } else if bytes[j..end].starts_with(ELLIPSIS) {
                j += ELLIPSIS.len();
            } else {
                break;
            }
        }
        let term_end = j;
        // Closing quotes and brackets stay with the sentence.
        while let Some(c) = char_at(text, j).filter(|&c| j < end && is_closer(c)) {
            j += c.len_utf8();
        }
        let close_end = j;
        // Then whitespace, then something that can open a sentence.
        while let Some(c) = char_at(text, j).filter(|&c| j < end && c.is_whitespace()) {
            j += c.len_utf8();
        }
        i = j.max(term_end);
        if j == close_end || j >= end {
            continue;
        }
        let Some(next) = char_at(text, j) else {
            continue;
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || is_opener_mark(next)) {
            continue;
        }
        if term_end - term_start == 1 && b == b'.' {
            let word = word_before(text, sentence_start, term_start);
            let split = match classify(word) {
                AfterWord::Normal => true,
                AfterWord::Never => false,
                AfterWord::NotBeforeDigit => !next.is_ascii_digit(),
                AfterWord::OpenerOnly => {
                    is_opener_mark(next) || is_sentence_opener(word_at(text, j, end))
                }
            };
            if !split {
                continue;
            }
        }
        if let Some(s) = trimmed(text, sentence_start, close_end) {
            out.push(s);
        }
        sentence_start = j;
    }
    if let Some(s) = trimmed(text, sentence_start, end) {
        out.push(s);
    }
    out
}

/// `span` (a sentence) as pieces of at most `max` tokens: each piece ends
/// after the last `,` `;` `:` or dash in its second half, or else after its
/// `max`th token. Trimmed, ordered, covering every token of `span`. Linear
/// in the span's length; a span of at most `max` bytes is returned as it is
/// without tokenising it.
pub(crate) fn cap_tokens(text: &str, span: Span, max: usize) -> Vec<Span> {
    let max = max.max(2);
    if span.len() <= max {
        return vec![span];
    }
    let toks = crate::text::tokenize(text, span);
    if toks.len() <= max {
        return vec![span];
    }
    let soft = |t: &crate::text::Token| {
        matches!(
            &text[t.span.start..t.span.end],
            "," | ";" | ":" | "--" | "\u{2014}" | "\u{2013}"
        )
    };
    let mut out = Vec::new();
    let mut a = 0;
    while a < toks.len() {
        let hard = (a + max).min(toks.len());
        let b = if hard == toks.len() {
            hard
        } else {
            (a + max / 2..hard)
                .rev()
                .find(|&k| soft(&toks[k]))
                .map_or(hard, |k| k + 1)
        };
        out.push(Span::new(toks[a].span.start, toks[b - 1].span.end));
        a = b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
        )
        .into_iter()
        .map(|s| &text[s.start..s.end])
        .collect()
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [NEVER_SPLIT, OPENER_SPLIT, OPENERS, BEFORE_NUMBER] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn sentence_splits() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   ", &[]),
            (
                "One sentence without a stop",
                &["One sentence without a stop"],
            ),
            (
                "The minister arrived. She spoke briefly.",
                &["The minister arrived.", "She spoke briefly."],
            ),
            (
                "Was it planned? Nobody knows! Officials declined to comment.",
                &[
                    "Was it planned?",
                    "Nobody knows!",
                    "Officials declined to comment.",
                ],
            ),
            (
                "Mr. Lindqvist met Dr. Okafor on Jan. 5. They talked for an hour.",
                &[
                    "Mr. Lindqvist met Dr. Okafor on Jan. 5.",
                    "They talked for an hour.",
                ],
            ),
            (
                "U.S. officials said the deal was close.",
                &["U.S. officials said the deal was close."],
            ),
            (
                "The envoy stayed in the U.S. The next day he flew home.",
                &["The envoy stayed in the U.S.", "The next day he flew home."],
            ),
            (
                "Talks at the U.N. Security Council stalled.",
                &["Talks at the U.N. Security Council stalled."],
            ),
            (
                "President John F. Kennedy visited in 1963. Crowds lined the route.",
                &[
                    "President John F. Kennedy visited in 1963.",
                    "Crowds lined the route.",
                ],
            ),
            (
                "Growth slowed to 3.5% in May. Prices rose 0.2 points.",
                &["Growth slowed to 3.5% in May.", "Prices rose 0.2 points."],
            ),
            (
                "He paused... and then went on. Nobody clapped.",
                &["He paused... and then went on.", "Nobody clapped."],
            ),
            (
                "He paused… and went on… Then he sat down.",
                &["He paused… and went on…", "Then he sat down."],
            ),
            (
                "\"We will not back down,\" she said. \"The talks are over.\"",
                &[
                    "\"We will not back down,\" she said.",
                    "\"The talks are over.\"",
                ],
            ),
            (
                "“We agree.” Then the minister left.",
                &["“We agree.”", "Then the minister left."],
            ),
            (
                "The ban was lifted (for now.) Traders cheered.",
                &["The ban was lifted (for now.)", "Traders cheered."],
            ),
            (
                "Shares fell 4%. 2014 was worse.",
                &["Shares fell 4%.", "2014 was worse."],
            ),
            (
                "\"Why now?\" he asked. Nobody answered.",
                &["\"Why now?\" he asked.", "Nobody answered."],
            ),
            (
                "Apples, pears, etc. were on sale.",
                &["Apples, pears, etc. were on sale."],
            ),
            (
                "Acme Corp. Chief Executive Ana Ruiz resigned.",
                &["Acme Corp. Chief Executive Ana Ruiz resigned."],
            ),
            (
                "She joined Acme Inc. The company makes drones.",
                &["She joined Acme Inc.", "The company makes drones."],
            ),
            (
                "The vote is set for 10 a.m. Monday in Geneva.",
                &["The vote is set for 10 a.m. Monday in Geneva."],
            ),
            (
                "He lives at No. 10 and works on St. James Street.",
                &["He lives at No. 10 and works on St. James Street."],
            ),
            (
                "The vote was 5 vs. 4 in the end.",
                &["The vote was 5 vs. 4 in the end."],
            ),
            (
                "Aid reached Zürich. The Red Cross — praised by all — helped.",
                &[
                    "Aid reached Zürich.",
                    "The Red Cross — praised by all — helped.",
                ],
            ),
            (
                "She said: \"It is over. We are leaving",
                &["She said: \"It is over.", "We are leaving"],
            ),
            ("Ends with a stop.   ", &["Ends with a stop."]),
            (
                "He replied: \"No. Definitely not.\"",
                &["He replied: \"No.", "Definitely not.\""],
            ),
            (
                "Relics date from World War I. But few survive.",
                &["Relics date from World War I.", "But few survive."],
            ),
            (
                "Ana B. Ortiz and George W. Bush met.",
                &["Ana B. Ortiz and George W. Bush met."],
            ),
            (
                "Lower case after a stop. then more.",
                &["Lower case after a stop. then more."],
            ),
            (". . . !!! ??", &[". . . !!! ??"]),
        ];
        for (input, want) in cases {
            assert_eq!(&split(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn spans_respect_a_sub_range() {
        let text = "xx A b. C d. yy";
        let spans = split_sentences(text, Span { start: 3, end: 12 });
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["A b.", "C d."]);
    }

    #[test]
    fn bad_span_gives_nothing() {
        assert!(split_sentences("abc", Span { start: 2, end: 9 }).is_empty());
        assert!(split_sentences("é", Span { start: 1, end: 2 }).is_empty());
    }

    #[test]
    fn dotted_acronyms() {
        for (word, want) in [
            ("U.S", true),
            ("a.m", true),
            ("Ph.D", true),
            ("US", false),
            ("end.The", false),
            ("3.5", false),
            ("", false),
        ] {
            assert_eq!(is_dotted_acronym(word), want, "{word}");
        }
    }
}
