//! Reading an article: decoding its bytes, its digest, the title, the
//! dateline, boilerplate lines to ignore, paragraphs, sentences and tokens,
//! all as byte spans into the decoded UTF-8 text. It does not look for
//! entities or relations; the extractor builds on what this module finds.
//!
//! The layout it expects is that of the corpus: a headline line, a blank
//! line (or a Wikinews date line), then body paragraphs one a line, with
//! page furniture ("Advertisement", bylines, captions) on lines of its own.
//! Wire copy opens the first paragraph with a dateline ("BEIJING, May 30
//! (UPI) -- "), which is kept apart from the sentences.
//!
//! ```
//! use newsgraph::text::Article;
//!
//! let bytes = "Talks resume\n\nLONDON, May 2 (UPI) -- Britain wants a deal. \
//!              Mr. Doe agreed.\n\nAdvertisement\n";
//! let (article, warning) = Article::from_bytes("example", bytes.as_bytes()).unwrap();
//! assert!(warning.is_none());
//! assert_eq!(article.title_text(), Some("Talks resume"));
//! assert_eq!(article.dateline.place.as_deref(), Some("LONDON"));
//! let sentences: Vec<&str> = article.sentences.iter().map(|s| article.slice(s.span)).collect();
//! assert_eq!(sentences, ["Britain wants a deal.", "Mr. Doe agreed."]);
//! ```

mod boilerplate;
mod dateline;
mod sentence;
mod token;

use sha2::{Digest, Sha256};

use crate::error::Error;

pub use self::boilerplate::{ends_article, is_boilerplate, is_byline};
pub use self::dateline::{DatelineMatch, parse_date_line, parse_dateline};
pub use self::sentence::{is_sentence_opener, split_sentences};
pub use self::token::{Token, TokenKind, is_capitalized, is_possessive, tokenize};

/// The warning [`Article::from_bytes`] gives for text that is not UTF-8
/// and holds no valid multi-byte UTF-8 sequence either.
pub const NOT_UTF8_WARNING: &str = "not valid UTF-8; read as Windows-1252";

/// The most tokens a sentence may have; a longer one (a list without end,
/// a paragraph without a full stop) is cut into pieces of at most this many,
/// each a sentence of its own, preferably after a comma or semicolon. The
/// extractor's passes look at a sentence's tokens in pairs here and there,
/// so this bound is what keeps the work per article linear in its length.
/// News sentences stay well below it (the longest in 109,000 sentences of
/// the BBC, Wikinews and PolNeAR corpora has about 240 tokens).
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// A byte range into [`Article::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True if the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True if `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The "BEIJING, May 30 (UPI) --" line opening wire copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, "--" included (and the spaces after it). For a
    /// Wikinews date line ("Monday, May 18, 2015") the date itself.
    pub span: Option<Span>,
    /// "BEIJING".
    pub place: Option<String>,
    /// "May 30", "Jan. 5, 2013"; from a date line "May 18, 2015".
    pub date: Option<String>,
    /// "UPI", "Reuters".
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
    /// First 16 hex digits of SHA-256 over [`Article::text`] (the decoded
    /// text, byte-order mark removed).
    pub digest: String,
    pub text: String,
    /// [`Article::text`] in lower case, byte for byte as long (see
    /// [`lower_in_place`]), so that a token's span also slices its lower
    /// case form.
    pub lower: String,
    pub title: Option<Span>,
    pub dateline: Dateline,
    /// Lines that are not article content ("Advertisement", bylines,
    /// captions), in text order. A "Latest Headlines" glued to the end of the
    /// last paragraph is recorded here too, as the part of the line it takes.
    pub boilerplate: Vec<Span>,
    /// Body paragraphs (title, dateline and boilerplate excluded).
    pub paragraphs: Vec<Span>,
    /// Body sentences in order; the dateline is not part of any sentence.
    pub sentences: Vec<Sentence>,
}

/// First 16 lowercase hex digits of SHA-256 over `bytes`: an article's
/// identity when graphs merge. [`Article::from_bytes`] takes it over the
/// decoded text, so the same words in any encoding are one article.
pub fn digest(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    hash.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Decode article bytes as `GRAPH-FORMAT.md` says, with a warning when the
/// reading is a guess or lost something:
///
/// - a UTF-16 byte-order mark (`FF FE`, `FE FF`): UTF-16 of that order,
///   unpaired surrogates replaced by U+FFFD (with a warning);
/// - valid UTF-8: as it is;
/// - not UTF-8 but holding a valid multi-byte UTF-8 sequence ("José" and
///   one stray byte): UTF-8 with each invalid byte replaced by U+FFFD, and a
///   warning naming the first;
/// - otherwise (no multi-byte sequence at all): Windows-1252, with a warning.
///
/// A leading byte-order mark is removed. Text with a NUL character is
/// refused as binary. Linear in the input size.
pub fn decode(label: &str, bytes: &[u8]) -> crate::Result<(String, Option<String>)> {
    let utf16 = if bytes.starts_with(&[0xff, 0xfe]) {
        Some((encoding_rs::UTF_16LE, "UTF-16LE"))
    } else if bytes.starts_with(&[0xfe, 0xff]) {
        Some((encoding_rs::UTF_16BE, "UTF-16BE"))
    } else {
        None
    };
    let (text, warning) = match utf16 {
        Some((encoding, name)) => {
            let (text, malformed) = encoding.decode_without_bom_handling(&bytes[2..]);
            let warning = malformed
                .then(|| format!("not valid {name}; invalid code units replaced with U+FFFD"));
            (text.into_owned(), warning)
        }
        None => {
            if let Some(at) = bytes.iter().position(|&b| b == 0) {
                return Err(binary(label, at));
            }
            match std::str::from_utf8(bytes) {
                Ok(text) => (text.to_string(), None),
                Err(e) if holds_multibyte_utf8(bytes) => (
                    String::from_utf8_lossy(bytes).into_owned(),
                    Some(format!(
                        "not valid UTF-8 (first bad byte at offset {}); invalid bytes replaced with U+FFFD",
                        e.valid_up_to()
                    )),
                ),
                Err(_) => {
                    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                    (text.into_owned(), Some(NOT_UTF8_WARNING.to_string()))
                }
            }
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if let Some(at) = text.find('\0') {
        return Err(binary(label, at));
    }
    Ok((text, warning))
}

fn binary(label: &str, at: usize) -> Error {
    Error::Other(format!(
        "{label}: looks like a binary file (NUL byte at offset {at})"
    ))
}

/// True if `bytes` hold at least one valid multi-byte UTF-8 sequence: then
/// the file was meant as UTF-8, and a stray invalid byte is damage, not a
/// sign of a single-byte encoding.
fn holds_multibyte_utf8(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
}

/// One line of the text, as its span trimmed of whitespace and of the line
/// break (empty for a blank line).
#[derive(Clone, Copy, Debug)]
struct Line {
    trimmed: Span,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.trimmed.is_empty()
    }
}

/// The lines of `text`, ended by "\n", "\r\n" or a lone "\r" (old Mac
/// files and some exports end lines with CR alone).
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut push = |start: usize, end: usize| {
        let trimmed = sentence::trimmed(text, start, end).unwrap_or(Span::new(end, end));
        out.push(Line { trimmed });
    };
    let mut i = 0;
    while i < bytes.len() {
        let end = match bytes[i] {
            b'\n' => i + 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        push(start, end);
        start = end;
        i = end;
    }
    if start < bytes.len() {
        push(start, bytes.len());
    }
    out
}

/// Where "Latest Headlines" is glued to the end of a line ("...report.Latest
/// Headlines"): the byte offset in `line`, if it follows a sentence end or a
/// space.
fn glued_ender(line: &str) -> Option<usize> {
    const MARK: &str = "Latest Headlines";
    // the mark ends the line, but for spaces
    let at = line.trim_end().strip_suffix(MARK)?.len();
    if at == 0 {
        return None;
    }
    let before = line[..at].chars().next_back()?;
    (before.is_whitespace() || matches!(before, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')'))
        .then_some(at)
}

/// A headline of a speaker's label and their words: one to four capitalised
/// words, a colon, then at least three words ("Lind: the fleet is too large",
/// "Ola Lind: We will not sign").
fn is_label_headline(line: &str) -> bool {
    let Some((label, words)) = line.split_once(": ") else {
        return false;
    };
    let label: Vec<&str> = label.split_whitespace().collect();
    (1..=4).contains(&label.len())
        && label
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.split_whitespace().count() >= 3
}

/// A title is a short line, not itself a dateline-led paragraph or a date.
fn can_be_title(line: &str) -> bool {
    line.len() <= 300 && parse_dateline(line).is_none() && parse_date_line(line).is_none()
}

/// `text` in lower case, every character in place: a character whose
/// lower case is longer or shorter in UTF-8 ("İ", the Kelvin sign) or is
/// more than one character stays as it is, so byte offsets into `text` are
/// offsets into the result too.
pub fn lower_in_place(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut low = c.to_lowercase();
        match (low.next(), low.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

impl Article {
    /// Decode and analyse an article. The second value is a warning to show
    /// the user (e.g. the text was not UTF-8 and was read as Windows-1252).
    /// Fails only on binary input (a NUL byte). Linear in the input size.
    pub fn from_bytes(label: &str, bytes: &[u8]) -> crate::Result<(Article, Option<String>)> {
        let (text, warning) = decode(label, bytes)?;
        let mut article = Article {
            label: label.to_string(),
            digest: digest(text.as_bytes()),
            lower: lower_in_place(&text),
            text,
            title: None,
            dateline: Dateline::default(),
            boilerplate: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
        };
        article.lay_out();
        Ok((article, warning))
    }

    /// Find title, date line, dateline, boilerplate, paragraphs and
    /// sentences in `self.text`.
    fn lay_out(&mut self) {
        let text = self.text.as_str();
        let lines = lines(text);
        let mut boilerplate = Vec::new();
        let mut body: Vec<Span> = Vec::new();
        let mut dateline = Dateline::default();
        let mut title = None;

        let mut i = 0;
        // Furniture above the headline.
        while i < lines.len() {
            let t = lines[i].trimmed;
            if lines[i].is_blank() {
                i += 1;
            } else if is_boilerplate(&text[t.start..t.end]) {
                boilerplate.push(t);
                i += 1;
            } else {
                break;
            }
        }
        // The headline: followed by a blank line or a date line.
        if let Some(line) = lines.get(i) {
            let next = lines.get(i + 1);
            let next_is_date = next
                .is_some_and(|n| parse_date_line(&text[n.trimmed.start..n.trimmed.end]).is_some());
            let t = line.trimmed;
            if can_be_title(&text[t.start..t.end])
                && (next.is_some_and(Line::is_blank) || next_is_date)
            {
                title = Some(t);
                i += 1;
            }
        }
        // A date line under the headline (or opening the article).
        if let Some(j) = (i..lines.len()).find(|&j| !lines[j].is_blank()) {
            let t = lines[j].trimmed;
            if let Some((date, len)) = parse_date_line(&text[t.start..t.end]) {
                let date_span = Span::new(t.start, t.start + len);
                dateline.span = Some(date_span);
                dateline.date = Some(date);
                let rest = sentence::trimmed(text, date_span.end, t.end);
                if let Some(rest) = rest {
                    body.push(rest);
                }
                i = j + 1;
            }
        }
        // Body lines.
        let mut ended = false;
        for line in &lines[i.min(lines.len())..] {
            let t = line.trimmed;
            if line.is_blank() {
                continue;
            }
            let s = &text[t.start..t.end];
            if ended || is_boilerplate(s) {
                boilerplate.push(t);
                ended = ended || ends_article(s);
            } else if let Some(at) = glued_ender(s) {
                if let Some(p) = sentence::trimmed(text, t.start, t.start + at) {
                    body.push(p);
                }
                boilerplate.push(Span::new(t.start + at, t.end));
                ended = true;
            } else {
                body.push(t);
            }
        }
        // The wire dateline opens the first body paragraph.
        if dateline.span.is_none()
            && let Some(first) = body.first_mut()
            && let Some(m) = parse_dateline(&text[first.start..first.end])
        {
            dateline = Dateline {
                span: Some(Span::new(first.start, first.start + m.len)),
                place: Some(m.place),
                date: m.date,
                source: m.source,
            };
            match sentence::trimmed(text, first.start + m.len, first.end) {
                Some(rest) => *first = rest,
                None => {
                    body.remove(0);
                }
            }
        }
        // "Lind: the fleet is too large": a headline that attributes is also
        // the article's first paragraph, so its words are read
        if let Some(t) = title.filter(|t| is_label_headline(&text[t.start..t.end])) {
            body.insert(0, t);
        }
        let mut sentences = Vec::new();
        for (p, para) in body.iter().enumerate() {
            let spans = split_sentences(text, *para)
                .into_iter()
                .flat_map(|s| sentence::cap_tokens(text, s, MAX_SENTENCE_TOKENS));
            for span in spans {
                sentences.push(Sentence {
                    index: sentences.len(),
                    span,
                    paragraph: p,
                });
            }
        }
        boilerplate.sort();
        self.title = title;
        self.dateline = dateline;
        self.boilerplate = boilerplate;
        self.paragraphs = body;
        self.sentences = sentences;
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The headline, if there is one.
    pub fn title_text(&self) -> Option<&str> {
        self.title.map(|s| self.slice(s))
    }

    /// The tokens of a span of this article (a sentence, the title).
    pub fn tokens(&self, span: Span) -> Vec<Token> {
        tokenize(&self.text, span)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn read(text: &str) -> Article {
        Article::from_bytes("t", text.as_bytes()).unwrap().0
    }

    #[test]
    fn lower_case_keeps_every_offset() {
        assert_eq!(lower_in_place("Zürich MEETS Ørsted"), "zürich meets ørsted");
        // "İ" lower-cases to two characters, the Kelvin sign to one byte
        let text = "İzmir \u{212a}elvin ÆØÅ";
        let low = lower_in_place(text);
        assert_eq!(low.len(), text.len());
        assert_eq!(low, "İzmir \u{212a}elvin æøå");
        assert!(text.char_indices().all(|(i, _)| low.is_char_boundary(i)));
    }

    fn sentences(a: &Article) -> Vec<&str> {
        a.sentences.iter().map(|s| a.slice(s.span)).collect()
    }

    fn slices(a: &Article, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| a.slice(*s).to_string()).collect()
    }

    const UPI_STYLE: &str = "Advertisement\n\nOfficials seek new trade talks with Ruritania\n\n\
        VIENNA, June 3 (UPI) -- Austria hopes to resume trade talks with Ruritania, \
        Deputy Trade Minister Anna Berger said.\n\nBerger spoke ahead of the June 9 summit. \
        U.S. officials declined to comment.\n\nAdvertisement\n\n\
        \"We are ready,\" she said in an interview with the Vienna Daily.\n\nLatest Headlines";

    #[test]
    fn reads_wire_copy() {
        let a = read(UPI_STYLE);
        assert_eq!(
            a.title_text(),
            Some("Officials seek new trade talks with Ruritania")
        );
        assert_eq!(a.dateline.place.as_deref(), Some("VIENNA"));
        assert_eq!(a.dateline.date.as_deref(), Some("June 3"));
        assert_eq!(a.dateline.source.as_deref(), Some("UPI"));
        assert_eq!(
            a.slice(a.dateline.span.unwrap()),
            "VIENNA, June 3 (UPI) -- "
        );
        assert_eq!(
            sentences(&a),
            [
                "Austria hopes to resume trade talks with Ruritania, Deputy Trade Minister Anna Berger said.",
                "Berger spoke ahead of the June 9 summit.",
                "U.S. officials declined to comment.",
                "\"We are ready,\" she said in an interview with the Vienna Daily.",
            ]
        );
        assert_eq!(
            a.sentences.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            [0, 1, 1, 2]
        );
        assert_eq!(
            slices(&a, &a.boilerplate),
            ["Advertisement", "Advertisement", "Latest Headlines"]
        );
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn latest_headlines_glued_and_followed_by_headlines() {
        let a = read(
            "Title here\n\nPARIS -- Talks ended.\n\nThe envoy left.Latest Headlines\nOther story one\nOther story two",
        );
        assert_eq!(sentences(&a), ["Talks ended.", "The envoy left."]);
        assert_eq!(
            slices(&a, &a.boilerplate),
            ["Latest Headlines", "Other story one", "Other story two"]
        );
        // "PARIS --" has no date or source but a double dash.
        assert_eq!(a.dateline.place.as_deref(), Some("PARIS"));
    }

    #[test]
    fn reads_bbc_style() {
        let a = read(
            "Ministers back wider maternity pay\n\nMaternity pay is to rise by £1,400, the minister said.\n\n\
             Ms Hewitt told GMTV: \"We will go further. We will extend it.\" Critics disagreed.\n",
        );
        assert_eq!(a.title_text(), Some("Ministers back wider maternity pay"));
        assert_eq!(a.dateline, Dateline::default());
        assert_eq!(
            sentences(&a),
            [
                "Maternity pay is to rise by £1,400, the minister said.",
                "Ms Hewitt told GMTV: \"We will go further.",
                "We will extend it.\"",
                "Critics disagreed.",
            ]
        );
    }

    #[test]
    fn reads_wikinews_style() {
        let a = read(
            "Ruritania votes on new flag\n\nMonday, May 18, 2015\n\nVoters in Ruritania chose a new flag on Sunday.\n\n\
             The harbour at dawn. Image: Jane Doe.\n\nTurnout was high.\n\nSources\n\n\
             \"Ruritania picks flag\" — Example Times, May 18, 2015\n",
        );
        assert_eq!(a.title_text(), Some("Ruritania votes on new flag"));
        assert_eq!(a.dateline.date.as_deref(), Some("May 18, 2015"));
        assert_eq!(a.dateline.place, None);
        assert_eq!(a.slice(a.dateline.span.unwrap()), "Monday, May 18, 2015");
        assert_eq!(
            sentences(&a),
            [
                "Voters in Ruritania chose a new flag on Sunday.",
                "Turnout was high."
            ]
        );
        assert_eq!(a.boilerplate.len(), 3);
    }

    /// A headline of a speaker's label and words is read as the first
    /// paragraph too; other headlines are not.
    #[test]
    fn a_label_headline_is_also_read() {
        let a = read("Lind: the fleet is far too large\n\nOla Lind spoke in Oslo.\n");
        assert_eq!(a.title_text(), Some("Lind: the fleet is far too large"));
        assert_eq!(sentences(&a), ["Lind: the fleet is far too large", "Ola Lind spoke in Oslo."]);
        assert_eq!(a.paragraphs.len(), 2);
        for title in ["Fleet cut: what next", "Fleet cut, Lind says", "Lind: no"] {
            let a = read(&format!("{title}\n\nOla Lind spoke in Oslo.\n"));
            assert_eq!(sentences(&a), ["Ola Lind spoke in Oslo."], "{title}");
        }
    }

    #[test]
    fn date_line_glued_to_first_paragraph() {
        let a = read("Flag talks open\n\nThursday, May 7, 2015 On Tuesday, the cabinet met.\n");
        assert_eq!(a.dateline.date.as_deref(), Some("May 7, 2015"));
        assert_eq!(sentences(&a), ["On Tuesday, the cabinet met."]);
    }

    #[test]
    fn title_followed_directly_by_date_line() {
        let a = read("Flag talks open\nMonday, May 18, 2015\nThe cabinet met.\n");
        assert_eq!(a.title_text(), Some("Flag talks open"));
        assert_eq!(sentences(&a), ["The cabinet met."]);
    }

    #[test]
    fn no_title_without_blank_line() {
        let a = read("The cabinet met.\nIt agreed.\n");
        assert_eq!(a.title, None);
        assert_eq!(sentences(&a), ["The cabinet met.", "It agreed."]);
        let a = read("BEIJING, May 30 (UPI) -- China spoke.\n\nIt agreed.\n");
        assert_eq!(a.title, None);
        assert_eq!(a.dateline.place.as_deref(), Some("BEIJING"));
        assert_eq!(sentences(&a), ["China spoke.", "It agreed."]);
    }

    #[test]
    fn bylines_and_captions_are_not_sentences() {
        let a = read(
            "Title\n\nBy Jane Doe, UPI Correspondent\n\nBy Monday the talks had failed.\n\n\
             Delegates leave the hall. (Reuters)\n",
        );
        assert_eq!(sentences(&a), ["By Monday the talks had failed."]);
        assert_eq!(a.boilerplate.len(), 2);
    }

    #[test]
    fn crlf_and_bom() {
        let a = read(
            "\u{feff}Title\r\n\r\nLONDON (Reuters) - It rained. Then it stopped.\r\n\r\nAdvertisement\r\n",
        );
        assert!(!a.text.starts_with('\u{feff}'));
        assert_eq!(a.title_text(), Some("Title"));
        assert_eq!(sentences(&a), ["It rained.", "Then it stopped."]);
        assert_eq!(slices(&a, &a.boilerplate), ["Advertisement"]);
    }

    #[test]
    fn windows_1252_is_read_with_a_warning() {
        let bytes = b"Caf\xe9 talks\n\n\x93Yes,\x94 said M\xfcller \x96 firmly.\n";
        let (a, warning) = Article::from_bytes("t", bytes).unwrap();
        assert_eq!(warning.as_deref(), Some(NOT_UTF8_WARNING));
        assert_eq!(a.title_text(), Some("Café talks"));
        assert_eq!(sentences(&a), ["“Yes,” said Müller – firmly."]);
        assert_eq!(a.digest, digest(a.text.as_bytes()));
    }

    #[test]
    fn one_bad_byte_in_utf8_does_not_turn_the_file_to_windows_1252() {
        // Issue 12 #9: a stray byte made every "é" read as "Ã©".
        let bytes = b"Jos\xc3\xa9 Gonz\xc3\xa1lez spoke\n\nHe said \x93no\x94 on Monday.\n";
        let (a, warning) = Article::from_bytes("t", bytes).unwrap();
        assert_eq!(
            warning.as_deref(),
            Some(
                "not valid UTF-8 (first bad byte at offset 31); invalid bytes replaced with U+FFFD"
            )
        );
        assert_eq!(a.title_text(), Some("José González spoke"));
        assert_eq!(sentences(&a), ["He said \u{fffd}no\u{fffd} on Monday."]);
        // Without any multi-byte sequence, Windows-1252 is still the reading.
        let (a, warning) = Article::from_bytes("t", b"He said \x93no\x94.\n").unwrap();
        assert_eq!(warning.as_deref(), Some(NOT_UTF8_WARNING));
        assert_eq!(sentences(&a), ["He said “no”."]);
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend(pair);
        }
        out
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_not_refused_as_binary() {
        let text = "Zürich talks\n\nGENEVA (Reuters) - Anna Müller said “yes” 😀.\n";
        let plain = read(text);
        for big_endian in [false, true] {
            let (a, warning) = Article::from_bytes("t", &utf16(text, big_endian)).unwrap();
            assert_eq!(warning, None);
            assert_eq!(a.text, text);
            assert_eq!(a.digest, plain.digest);
            assert_eq!(a.sentences, plain.sentences);
        }
        // An unpaired surrogate is replaced, with a warning.
        let mut bytes = utf16("Talks\n\nIt rained.", false);
        bytes.extend([0x00, 0xd8]);
        let (a, warning) = Article::from_bytes("t", &bytes).unwrap();
        assert_eq!(a.text, "Talks\n\nIt rained.\u{fffd}");
        assert!(warning.unwrap().starts_with("not valid UTF-16LE"));
        // UTF-16 without a mark is still binary (NUL bytes).
        let bytes: Vec<u8> = "Talks".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(Article::from_bytes("t", &bytes).is_err());
    }

    #[test]
    fn a_byte_order_mark_changes_neither_digest_nor_offsets() {
        // Issue 12 #13: the BOM shifted offsets by 3 and made a second article.
        let text = "Talks resume\n\nLONDON (Reuters) - Britain wants a deal.\n";
        let plain = read(text);
        let bom = read(&format!("\u{feff}{text}"));
        assert_eq!(bom.text, text);
        assert_eq!(bom.digest, plain.digest);
        assert_eq!(bom.sentences, plain.sentences);
        assert_eq!(bom.slice(bom.sentences[0].span), "Britain wants a deal.");
    }

    #[test]
    fn cr_only_line_ends_still_find_boilerplate_and_dateline() {
        // Issue 12 #11: with CR alone the whole file was one line.
        let lf = "Advertisement\n\nTalks resume\n\nLONDON, May 2 (UPI) -- Britain wants a deal.\n\nAdvertisement\n\nMr. Doe agreed.\n";
        let cr = lf.replace('\n', "\r");
        let (a, b) = (read(lf), read(&cr));
        assert_eq!(b.title_text(), Some("Talks resume"));
        assert_eq!(b.dateline.place.as_deref(), Some("LONDON"));
        assert_eq!(sentences(&b), ["Britain wants a deal.", "Mr. Doe agreed."]);
        assert_eq!(
            slices(&b, &b.boilerplate),
            ["Advertisement", "Advertisement"]
        );
        assert_eq!(a.sentences, b.sentences);
        // Mixed line ends, each kind once.
        let mixed = read("Talks resume\r\rPARIS -- It rained.\r\nAdvertisement\nIt stopped.\r");
        assert_eq!(sentences(&mixed), ["It rained.", "It stopped."]);
    }

    #[test]
    fn binary_is_refused() {
        let err = Article::from_bytes("x.bin", b"PK\x03\x04\x00\x00").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.bin: looks like a binary file (NUL byte at offset 4)"
        );
    }

    #[test]
    fn digest_is_sha256_prefix() {
        // SHA-256("") = e3b0c44298fc1c149afbf4c8996fb924...
        assert_eq!(digest(b""), "e3b0c44298fc1c14");
        let (a, _) = Article::from_bytes("t", b"abc").unwrap();
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223...
        assert_eq!(a.digest, "ba7816bf8f01cfea");
        // Over the decoded text: the BOM is not part of it.
        let (a, _) = Article::from_bytes("t", b"\xef\xbb\xbfabc").unwrap();
        assert_eq!(a.digest, "ba7816bf8f01cfea");
    }

    #[test]
    fn degenerate_inputs() {
        for text in [
            "",
            " ",
            "\n\n\n",
            "\r\n",
            "Advertisement",
            "Advertisement\n\nLatest Headlines\n",
        ] {
            let a = read(text);
            assert!(a.sentences.is_empty(), "{text:?}");
            assert!(a.paragraphs.is_empty(), "{text:?}");
        }
        let a = read("Only a headline\n\n");
        assert_eq!(a.title_text(), Some("Only a headline"));
        assert!(a.sentences.is_empty());
    }

    #[test]
    fn multibyte_spans() {
        let a = read(
            "Zürich talks — day two\n\nZÜRICH, May 2 (UPI) — Talks in Zürich resumed… \
             “We’re close,” said Müller. Aides agreed.\n",
        );
        assert_eq!(a.title_text(), Some("Zürich talks — day two"));
        assert_eq!(a.dateline.place.as_deref(), Some("ZÜRICH"));
        assert_eq!(
            sentences(&a),
            [
                "Talks in Zürich resumed…",
                "“We’re close,” said Müller.",
                "Aides agreed."
            ]
        );
        let s = a.sentences[1].span;
        let words: Vec<&str> = a.tokens(s).iter().map(|t| a.slice(t.span)).collect();
        assert_eq!(
            words,
            ["“", "We’re", "close", ",", "”", "said", "Müller", "."]
        );
    }

    #[test]
    fn long_single_line_is_linear() {
        let line = "The minister met Mr. Doe in the U.S. on Monday. ".repeat(20_000);
        let a = read(&line);
        assert_eq!(a.sentences.len(), 20_000);
        let dots = "a.".repeat(500_000);
        let a = read(&dots);
        assert_eq!(a.sentences.len(), 1);
    }

    fn check_invariants(a: &Article) {
        let text = &a.text;
        let mut last = 0;
        let mut spans: Vec<Span> = a.paragraphs.clone();
        spans.sort();
        for s in &spans {
            assert!(s.start >= last && s.start < s.end, "{s:?}");
            let piece = text.get(s.start..s.end).expect("char boundaries");
            assert_eq!(piece, piece.trim());
            last = s.end;
        }
        last = 0;
        for (i, s) in a.sentences.iter().enumerate() {
            assert_eq!(s.index, i);
            let para = a.paragraphs[s.paragraph];
            assert!(para.contains(s.span));
            assert!(s.span.start >= last && s.span.start < s.span.end);
            let piece = text.get(s.span.start..s.span.end).expect("char boundaries");
            assert_eq!(piece, piece.trim());
            last = s.span.end;
            for t in a.tokens(s.span) {
                assert!(text.get(t.span.start..t.span.end).is_some());
                assert!(s.span.contains(t.span) && !t.span.is_empty());
            }
        }
        for b in &a.boilerplate {
            assert!(text.get(b.start..b.end).is_some());
        }
        if let Some(t) = a.title {
            assert!(text.get(t.start..t.end).is_some());
        }
    }

    proptest! {
        #[test]
        fn any_string_reads_cleanly(s in "\\PC*") {
            let (a, w) = Article::from_bytes("p", s.as_bytes()).unwrap();
            prop_assert!(w.is_none());
            check_invariants(&a);
        }

        #[test]
        fn wire_like_strings_read_cleanly(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("Mr. "), Just("U.S. "), Just("Zürich"), Just("—"), Just("’s "), Just("…"),
                    Just("\""), Just("“"), Just("”"), Just(". "), Just("? "), Just("\n"), Just("\r\n"),
                    Just("\n\n"), Just("Advertisement\n"), Just("BEIJING, May 30 (UPI) -- "),
                    Just("Monday, May 18, 2015\n"), Just("By Jane Doe\n"), Just("The "), Just("said "),
                    Just("3.5 "), Just("Latest Headlines"), Just(" "), Just("F. "), Just("'"), Just("-"),
                ],
                0..60,
            )
        ) {
            let s: String = parts.concat();
            let (a, _) = Article::from_bytes("p", s.as_bytes()).unwrap();
            check_invariants(&a);
        }

        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            match Article::from_bytes("p", &bytes) {
                Ok((a, _)) => check_invariants(&a),
                Err(e) => prop_assert!(bytes.contains(&0), "{e}"),
            }
        }
    }
}
