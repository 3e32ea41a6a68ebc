//! The analysed document that every extraction step reads: the article's
//! sentences with their tagged tokens, the names and the meeting and report
//! phrases found in them, the article's entities, its quotations, and the
//! noun-phrase chunks of every sentence.

use super::chunk::{Chunks, chunk};
use super::entity::{self, Entities};
use super::mention::{self, Mention};
use super::nominal;
use super::quote::{self, Quote};
use super::said::Input;
use super::token::{self, SentToks};
use crate::lexicon::Lexicon;
use crate::text::Article;

/// An article, analysed.
pub struct Doc<'a> {
    pub text: &'a str,
    pub sents: Vec<SentToks<'a>>,
    /// Mentions by sentence: names first, then meeting and report phrases.
    pub mentions: Vec<Vec<Mention>>,
    pub ents: Entities,
    pub quotes: Vec<Quote>,
    /// Chunks by sentence.
    pub chunks: Vec<Chunks>,
}

impl<'a> Doc<'a> {
    /// Analyse `article`. Linear in its length.
    pub fn new(article: &'a Article, lexicon: &Lexicon) -> Doc<'a> {
        let text = article.text.as_str();
        let sents = token::sentences(article, lexicon);
        // names first, then the meeting and report phrases around them
        // (appended, so the indices names use for their affiliations stay valid)
        let mentions: Vec<Vec<Mention>> = sents
            .iter()
            .map(|s| {
                let mut ms = mention::find(s, text, lexicon);
                let nominals = nominal::find(s, text, lexicon, &ms);
                ms.extend(nominals);
                ms
            })
            .collect();
        let title = article.title.map(|span| SentToks {
            span,
            paragraph: usize::MAX,
            toks: token::toks(text, &article.lower, span, lexicon),
        });
        let title_mentions = title.as_ref().map(|t| mention::find(t, text, lexicon));
        let ents = entity::resolve(
            &sents,
            &mentions,
            title.as_ref().zip(title_mentions.as_deref()),
            lexicon,
        );
        let quotes: Vec<Quote> = article
            .paragraphs
            .iter()
            .flat_map(|p| quote::quotes(text, *p))
            .collect();
        let chunks = sents
            .iter()
            .zip(&mentions)
            .map(|(s, ms)| chunk(&s.toks, ms))
            .collect();
        Doc {
            text,
            sents,
            mentions,
            ents,
            quotes,
            chunks,
        }
    }

    /// The view the statement and relation passes take.
    pub fn input<'b>(&'b self, lex: &'b Lexicon) -> Input<'a, 'b> {
        Input {
            text: self.text,
            sents: &self.sents,
            mentions: &self.mentions,
            ents: &self.ents,
            quotes: &self.quotes,
            lex,
        }
    }
}
