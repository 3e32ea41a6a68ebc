//! Tokens: words, numbers and punctuation of a sentence, as byte spans into
//! the article text. It does not tag parts of speech or find names; that is
//! the extractor's work.
//!
//! The choices are the ones a name finder needs: "U.S." and "Mr." keep their
//! periods, "O'Brien" and "o'clock" keep their apostrophes, hyphenated words
//! ("pro-Beijing", "Al-Maeena") stay whole except next to a dotted acronym
//! ("U.S.-China" is "U.S.", "-", "China"), and a possessive "'s" is a token of
//! its own so that "China's" yields "China".

use crate::text::Span;
use crate::text::sentence::{BEFORE_NUMBER, NEVER_SPLIT, OPENER_SPLIT, is_dotted_acronym};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TokenKind {
    /// Letters, with internal apostrophes, hyphens and acronym periods
    /// ("O'Brien", "pro-Beijing", "U.S."); also a possessive "'s".
    Word,
    /// Starts with a digit: "2007", "1,400", "3.5", "30th", "5bn".
    Number,
    /// Anything else, one mark at a time, except "--" and "..." which are
    /// one token each: quotes, dashes, commas, brackets, "%", "£".
    Punct,
}

/// One token of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Token {
    /// Byte range in the text that was tokenized.
    pub span: Span,
    pub kind: TokenKind,
}

/// True if `word` starts with an uppercase letter ("Obama", "U.S.", "JOHN").
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True for a possessive clitic token: "'s", "’s", "'S".
pub fn is_possessive(token: &str) -> bool {
    matches!(token, "'s" | "’s" | "'S" | "’S")
}

/// Letters, digits and combining marks continue a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenize `text[span]`. Spans in the result index `text`. A span that is
/// out of range or not on character boundaries yields no tokens. Linear in
/// the length of the span.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    // about one token for every five bytes of news text
    let mut out = Vec::with_capacity(span.len() / 5 + 4);
    let Some(s) = text.get(span.start..span.end) else {
        return out;
    };
    let base = span.start;
    let at = |i: usize| s.get(i..).and_then(|r| r.chars().next());
    let push = |out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind| {
        out.push(Token {
            span: Span {
                start: base + start,
                end: base + end,
            },
            kind,
        });
    };
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_ascii_digit() {
            let end = scan_number(s, i);
            push(&mut out, i, end, TokenKind::Number);
            i = end;
        } else if is_word_char(c) {
            let (end, possessive) = scan_word(s, i);
            push(&mut out, i, end, TokenKind::Word);
            i = end;
            if let Some(p) = possessive {
                push(&mut out, i, p, TokenKind::Word);
                i = p;
            }
        } else {
            // A run of "-" or "." is one token ("--", "..."); anything else
            // is one character.
            let mut end = i + c.len_utf8();
            if c == '-' || c == '.' {
                while at(end) == Some(c) {
                    end += 1;
                }
            }
            push(&mut out, i, end, TokenKind::Punct);
            i = end;
        }
    }
    out
}

/// End of the number starting at `i`: digits with internal "," or "."
/// before a digit, then any letters glued on ("30th", "5bn").
fn scan_number(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() {
        if b[j].is_ascii_digit()
            || (matches!(b[j], b',' | b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit))
        {
            j += 1;
        } else {
            break;
        }
    }
    while let Some(c) = s[j..].chars().next().filter(|&c| is_word_char(c)) {
        j += c.len_utf8();
    }
    j
}

/// True if a dotted acronym ("U.S.") starts at `k`: letter, period, letter.
fn dotted_at(s: &str, k: usize) -> bool {
    let mut it = s[k..].chars();
    matches!(
        (it.next(), it.next(), it.next()),
        (Some(a), Some('.'), Some(b)) if a.is_alphabetic() && b.is_alphabetic()
    )
}

/// End of the word starting at `i`, and the end of a possessive "'s" right
/// after it, if any.
fn scan_word(s: &str, i: usize) -> (usize, Option<usize>) {
    let at = |k: usize| s.get(k..).and_then(|r| r.chars().next());
    let mut j = i;
    // Start of the current letter group, for dotted acronyms.
    let mut group = i;
    let mut hyphenated = false;
    loop {
        while let Some(c) = at(j).filter(|&c| is_word_char(c)) {
            j += c.len_utf8();
        }
        match at(j) {
            Some(a) if is_apostrophe(a) => {
                let k = j + a.len_utf8();
                match at(k) {
                    Some(n) if n.is_alphabetic() => {
                        let after = k + n.len_utf8();
                        if matches!(n, 's' | 'S') && !at(after).is_some_and(is_word_char) {
                            return (j, Some(after));
                        }
                        j = k;
                    }
                    _ => return (j, None),
                }
            }
            Some('-') => {
                let k = j + 1;
                let joins =
                    at(k).is_some_and(is_word_char) && !dotted_at(s, k) && !s[i..j].contains('.');
                if !joins {
                    return (j, None);
                }
                hyphenated = true;
                j = k;
                group = k;
            }
            Some('.') => {
                let k = j + 1;
                let word = &s[i..j];
                let group_len = s[group..j].chars().count();
                if !hyphenated
                    && group_len <= 2
                    && s[group..j].chars().all(char::is_alphabetic)
                    && at(k).is_some_and(char::is_alphabetic)
                    && (dotted_at(s, k) || !at(k + 1).is_some_and(is_word_char))
                {
                    // Inside "U.S." or "a.m.": keep going.
                    j = k;
                    group = k;
                    continue;
                }
                let keeps_period = is_dotted_acronym(word)
                    || (word.chars().count() == 1 && is_capitalized(word))
                    || NEVER_SPLIT.contains(&word)
                    || OPENER_SPLIT.contains(&word)
                    || (BEFORE_NUMBER.contains(&word)
                        && s[k..]
                            .trim_start()
                            .starts_with(|c: char| c.is_ascii_digit()));
                return (if keeps_period { k } else { j }, None);
            }
            _ => return (j, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
        )
        .into_iter()
        .map(|t| (&text[t.span.start..t.span.end], t.kind))
        .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  \t\n ", &[]),
            (
                "Mr. O'Brien arrived at 10 o'clock.",
                &["Mr.", "O'Brien", "arrived", "at", "10", "o'clock", "."],
            ),
            (
                "China's envoy and the U.S. team",
                &["China", "'s", "envoy", "and", "the", "U.S.", "team"],
            ),
            ("Russia’s ministry", &["Russia", "’s", "ministry"]),
            ("U.S.-China relations", &["U.S.", "-", "China", "relations"]),
            ("China-U.S. ties", &["China", "-", "U.S.", "ties"]),
            (
                "pro-Beijing camp, Al-Maeena said",
                &["pro-Beijing", "camp", ",", "Al-Maeena", "said"],
            ),
            (
                "It cost £1,400, up 3.5% from 2007.",
                &[
                    "It", "cost", "£", "1,400", ",", "up", "3.5", "%", "from", "2007", ".",
                ],
            ),
            (
                "“No,” she said — firmly -- and left…",
                &[
                    "“", "No", ",", "”", "she", "said", "—", "firmly", "--", "and", "left", "…",
                ],
            ),
            ("He waited...", &["He", "waited", "..."]),
            ("John F. Kennedy", &["John", "F.", "Kennedy"]),
            ("at 10 a.m. today", &["at", "10", "a.m.", "today"]),
            ("the parents' case", &["the", "parents", "'", "case"]),
            (
                "(Reuters) [sic]: yes",
                &["(", "Reuters", ")", "[", "sic", "]", ":", "yes"],
            ),
            ("the 30th of 1980s", &["the", "30th", "of", "1980s"]),
            ("an 11-year lull", &["an", "11", "-", "year", "lull"]),
            ("Zürich’s mayor", &["Zürich", "’s", "mayor"]),
            ("the end.The start", &["the", "end", ".", "The", "start"]),
            ("Acme Inc. said", &["Acme", "Inc.", "said"]),
            ("don't", &["don't"]),
            ("No. 10 Downing Street", &["No.", "10", "Downing", "Street"]),
            ("\"No. Never.\"", &["\"", "No", ".", "Never", ".", "\""]),
            (
                "'quasi-state of war'",
                &["'", "quasi-state", "of", "war", "'"],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&words(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(
            toks("Obama, 2007 'quoted'"),
            vec![
                ("Obama", TokenKind::Word),
                (",", TokenKind::Punct),
                ("2007", TokenKind::Number),
                ("'", TokenKind::Punct),
                ("quoted", TokenKind::Word),
                ("'", TokenKind::Punct),
            ]
        );
        assert_eq!(toks("China's")[1], ("'s", TokenKind::Word));
    }

    #[test]
    fn spans_index_the_whole_text() {
        let text = "Zürich — “Yes” said Müller.";
        let span = Span {
            start: text.find('“').unwrap(),
            end: text.len(),
        };
        let got: Vec<&str> = tokenize(text, span)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        assert_eq!(got, ["“", "Yes", "”", "said", "Müller", "."]);
    }

    #[test]
    fn bad_span_gives_nothing() {
        assert!(tokenize("abc", Span { start: 0, end: 4 }).is_empty());
        assert!(tokenize("ü", Span { start: 1, end: 2 }).is_empty());
    }

    #[test]
    fn capitalization() {
        for (w, want) in [
            ("Obama", true),
            ("U.S.", true),
            ("JOHN", true),
            ("Ärger", true),
            ("iPhone", false),
            ("the", false),
            ("", false),
            ("2007", false),
            ("“Yes", false),
        ] {
            assert_eq!(is_capitalized(w), want, "{w}");
        }
        assert!(is_possessive("’s"));
        assert!(!is_possessive("s"));
    }
}
