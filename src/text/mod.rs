//! Reading an article: decoding its bytes, its digest, the title, the
//! dateline, boilerplate lines to ignore, paragraphs, sentences and tokens,
//! all as byte spans into the decoded UTF-8 text. (Skeleton.)

/// A byte range into [`Article::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// The "BEIJING, May 30 (UPI) --" line opening wire copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, "--" included.
    pub span: Option<Span>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index in [`Article::sentences`].
    pub index: usize,
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

/// A decoded article, ready for extraction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub label: String,
    /// First 16 hex digits of SHA-256 over the raw bytes.
    pub digest: String,
    pub text: String,
    pub title: Option<Span>,
    pub dateline: Dateline,
    /// Lines that are not article content ("Advertisement", bylines, captions).
    pub boilerplate: Vec<Span>,
    /// Body paragraphs (title, dateline and boilerplate excluded).
    pub paragraphs: Vec<Span>,
    /// Body sentences in order; the dateline is not part of any sentence.
    pub sentences: Vec<Sentence>,
}

impl Article {
    /// Decode and analyse an article. The second value is a warning to show
    /// the user (e.g. the text was not UTF-8 and was read as Windows-1252).
    pub fn from_bytes(label: &str, bytes: &[u8]) -> crate::Result<(Article, Option<String>)> {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let end = text.len();
        Ok((
            Article {
                label: label.to_string(),
                digest: String::new(),
                sentences: vec![Sentence { index: 0, span: Span { start: 0, end }, paragraph: 0 }],
                paragraphs: vec![Span { start: 0, end }],
                text,
                title: None,
                dateline: Dateline::default(),
                boilerplate: Vec::new(),
            },
            None,
        ))
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }
}
