//! The extractor's view of a sentence: its tokens with their text, their
//! part-of-speech tag and a few precomputed facts (capitalised, a word).

use crate::lexicon::{Lexicon, WordClass};
use crate::tag::{Tagger, Upos, tag_tokens};
use crate::text::{Article, Sentence, Span, TokenKind, tokenize};

/// A token of a sentence, borrowed from the article text.
#[derive(Clone, Copy, Debug)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Its part of speech, from the embedded tagger.
    pub pos: Upos,
}

impl Tok<'_> {
    /// A word token (letters, maybe with inner dots, hyphens, apostrophes).
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word && !self.is_possessive()
    }

    /// "'s" or "’s".
    pub fn is_possessive(&self) -> bool {
        matches!(self.text, "'s" | "\u{2019}s" | "'" | "\u{2019}") && self.kind == TokenKind::Word
    }

    /// Any quotation mark.
    pub fn is_quote(&self) -> bool {
        matches!(
            self.text,
            "\"" | "\u{201c}" | "\u{201d}" | "\u{2018}" | "\u{2019}" | "'" | "``" | "''"
        ) && self.kind == TokenKind::Punct
    }

    /// In a word class of `data/words.txt`, in any case.
    pub fn in_class(&self, lex: &Lexicon, class: WordClass) -> bool {
        lex.word_in_any_case(class, self.text)
    }

    /// All letters upper case and at least two of them ("BBC", "U.S.").
    pub fn is_acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self.kind == TokenKind::Word
            && self
                .text
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&' || c.is_ascii_digit())
    }
}

/// A sentence with its tokens.
#[derive(Clone, Debug)]
pub struct SentToks<'a> {
    pub span: Span,
    pub paragraph: usize,
    pub toks: Vec<Tok<'a>>,
}

/// Tokenise every sentence of an article.
pub fn sentences(article: &Article) -> Vec<SentToks<'_>> {
    article
        .sentences
        .iter()
        .map(|s: &Sentence| SentToks {
            span: s.span,
            paragraph: s.paragraph,
            toks: toks(&article.text, s.span),
        })
        .collect()
}

/// Tokens of `text[span]` with their text and tags.
pub fn toks(text: &str, span: Span) -> Vec<Tok<'_>> {
    let tokens = tokenize(text, span);
    let words: Vec<&str> = tokens
        .iter()
        .map(|t| &text[t.span.start..t.span.end])
        .collect();
    let tags = tag_tokens(Tagger::builtin(), &words);
    tokens
        .into_iter()
        .zip(words)
        .zip(tags)
        .map(|((t, s), pos)| Tok {
            text: s,
            span: t.span,
            kind: t.kind,
            cap: s.chars().next().is_some_and(char::is_uppercase),
            pos,
        })
        .collect()
}

/// The lexicon key of a run of tokens: their texts joined by single spaces.
pub fn key(toks: &[Tok<'_>]) -> String {
    let mut k = String::new();
    for t in toks {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(t.text);
    }
    k
}

#[cfg(test)]
impl<'a> SentToks<'a> {
    /// A whole text as one sentence, for tests of the passes over sentences.
    pub fn of(text: &'a str) -> SentToks<'a> {
        let span = Span {
            start: 0,
            end: text.len(),
        };
        SentToks {
            span,
            paragraph: 0,
            toks: toks(text, span),
        }
    }
}
