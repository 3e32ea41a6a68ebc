//! The extractor's view of a sentence: its tokens with their text, their
//! part-of-speech tag and a few precomputed facts (capitalised, a word).

use crate::lexicon::{ClassSet, Lexicon, WordClass};
use crate::tag::{Tagger, Upos, tag_tokens};
use crate::text::{Article, Sentence, Span, TokenKind, tokenize};

/// A token of a sentence, borrowed from the article text.
#[derive(Clone, Copy, Debug)]
pub struct Tok<'a> {
    pub text: &'a str,
    /// The text in lower case (see [`crate::text::lower_in_place`]).
    pub lower: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Its part of speech, from the embedded tagger.
    pub pos: Upos,
    /// The word classes of `data/words.txt` it is in, as written ...
    pub classes: ClassSet,
    /// ... and in lower case.
    pub classes_any_case: ClassSet,
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
    pub fn in_class(&self, class: WordClass) -> bool {
        self.classes_any_case.contains(class)
    }

    /// "he" or "she", in any case.
    pub fn is_he_or_she(&self) -> bool {
        self.in_class(WordClass::MalePronoun) || self.in_class(WordClass::FemalePronoun)
    }

    /// In a word class of `data/words.txt`, exactly as written.
    pub fn is_exactly(&self, class: WordClass) -> bool {
        self.classes.contains(class)
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
pub fn sentences<'a>(article: &'a Article, lex: &Lexicon) -> Vec<SentToks<'a>> {
    article
        .sentences
        .iter()
        .map(|s: &Sentence| SentToks {
            span: s.span,
            paragraph: s.paragraph,
            toks: toks(&article.text, &article.lower, s.span, lex),
        })
        .collect()
}

/// Tokens of `text[span]` with their text, tags and word classes; `lower`
/// is `text` lower-cased in place.
pub fn toks<'a>(text: &'a str, lower: &'a str, span: Span, lex: &Lexicon) -> Vec<Tok<'a>> {
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
        .map(|((t, s), pos)| {
            let low = &lower[t.span.start..t.span.end];
            let classes_any_case = lex.classes(low);
            let classes = if low == s {
                classes_any_case
            } else {
                lex.classes(s)
            };
            Tok {
                text: s,
                lower: low,
                span: t.span,
                kind: t.kind,
                cap: s.chars().next().is_some_and(char::is_uppercase),
                pos,
                classes,
                classes_any_case,
            }
        })
        .collect()
}

/// The lexicon key of a run of tokens: their texts joined by single spaces.
pub fn key(toks: &[Tok<'_>]) -> String {
    let mut k = String::new();
    key_into(&mut k, toks);
    k
}

/// [`key`] written into `k`, which is emptied first (to look up many keys
/// with one buffer).
pub fn key_into(k: &mut String, toks: &[Tok<'_>]) {
    k.clear();
    for t in toks {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(t.text);
    }
}

#[cfg(test)]
impl<'a> SentToks<'a> {
    /// A whole text as one sentence, for tests of the passes over sentences.
    pub fn of(text: &'a str) -> SentToks<'a> {
        let span = Span {
            start: 0,
            end: text.len(),
        };
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        let lower: &'a str = Box::leak(crate::text::lower_in_place(text).into_boxed_str());
        SentToks {
            span,
            paragraph: 0,
            toks: toks(text, lower, span, LEX.get_or_init(Lexicon::embedded)),
        }
    }
}
