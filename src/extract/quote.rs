//! Quotations in a paragraph: which quotation marks open and which close,
//! also when the copy is careless (straight marks both ways, a new quote
//! opened before the last one closed, a quote left open at the end of a
//! paragraph because it continues in the next), and two apostrophes
//! (`''`) standing for a double mark, as some US papers print them.

use crate::text::Span;

/// A quotation: the words between the marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, marks excluded.
    pub inner: Span,
    /// From the opening mark to the closing mark (or the paragraph end).
    pub outer: Span,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
}

fn is_open_space(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':')
    })
}

/// The quotations of `text[para]`, in order.
pub fn find(text: &str, para: Span) -> Vec<Quote> {
    let s = &text[para.start..para.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<usize> = None; // byte offset of the opening mark
    let mut skip = false;
    for (n, &(i, c)) in chars.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        let prev = n.checked_sub(1).map(|p| chars[p].1);
        let mut next = chars.get(n + 1).map(|x| x.1);
        // "''" is one mark: the second apostrophe is skipped
        let doubled = c == '\'' && next == Some('\'');
        if doubled {
            skip = true;
            next = chars.get(n + 2).map(|x| x.1);
        }
        let (can_open, can_close) = match c {
            '\u{201c}' => (true, false),
            '\u{201d}' => (false, true),
            _ if c == '"' || doubled => {
                let o = is_open_space(prev) && next.is_some_and(|c| !c.is_whitespace());
                let cl = prev.is_some_and(|c| !c.is_whitespace())
                    && next.is_none_or(|c| {
                        c.is_whitespace() || c.is_ascii_punctuation() || c == '\u{2014}'
                    });
                (o, cl)
            }
            _ => continue,
        };
        match open {
            None if can_open => open = Some(i),
            None => {}
            Some(o) if can_close => {
                out.push(quote(para, o, i, true));
                open = None;
            }
            Some(o) if can_open => {
                // a new quote opens before the last closed: end the last one here
                let end = s[..i].trim_end().len();
                out.push(quote(para, o, end, false));
                open = Some(i);
            }
            Some(_) => {}
        }
    }
    if let Some(o) = open {
        let end = s.trim_end().len();
        out.push(quote(para, o, end, false));
    }
    out.retain(|q| q.inner.end > q.inner.start);
    out
}

fn quote(para: Span, open: usize, close: usize, closed: bool) -> Quote {
    // Spans assume one-byte marks here; [`Quote::measured`] corrects them.
    Quote {
        inner: Span {
            start: para.start + open + 1,
            end: para.start + close,
        },
        outer: Span {
            start: para.start + open,
            end: para.start + close + usize::from(closed),
        },
        closed,
    }
}

impl Quote {
    /// Adjust the spans for the byte length of the marks actually in `text`.
    pub fn measured(mut self, text: &str) -> Quote {
        let mark_len = |at: &str| {
            if at.starts_with("''") {
                2
            } else {
                at.chars().next().map_or(1, char::len_utf8)
            }
        };
        let open_len = mark_len(&text[self.outer.start..]);
        self.inner.start = self.outer.start + open_len;
        if self.closed {
            let close_len = mark_len(&text[self.inner.end..]);
            self.outer.end = self.inner.end + close_len;
        }
        if self.inner.start > self.inner.end {
            self.inner.start = self.inner.end;
        }
        self
    }
}

/// True when byte `pos` lies inside the words of one of `quotes`, which are
/// in text order and do not overlap. O(log n).
pub fn inside(quotes: &[Quote], pos: usize) -> bool {
    let i = quotes.partition_point(|q| q.inner.start <= pos);
    i > 0 && pos < quotes[i - 1].inner.end
}

/// The quotations of a paragraph with spans measured on the text.
pub fn quotes(text: &str, para: Span) -> Vec<Quote> {
    find(text, para)
        .into_iter()
        .map(|q| q.measured(text))
        .filter(|q| q.inner.end > q.inner.start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(s: &str) -> Vec<&str> {
        quotes(
            s,
            Span {
                start: 0,
                end: s.len(),
            },
        )
        .into_iter()
        .map(|q| &s[q.inner.start..q.inner.end])
        .collect()
    }

    #[test]
    fn straight_and_curly_quotes() {
        assert_eq!(
            inner("He said: \"We will act.\" Then he left."),
            ["We will act."]
        );
        assert_eq!(
            inner("“We will act,” she said, “and soon.”"),
            ["We will act,", "and soon."]
        );
    }

    #[test]
    fn two_apostrophes_are_one_double_mark() {
        assert_eq!(
            inner("''We will act,'' she said, ''and soon.''"),
            ["We will act,", "and soon."]
        );
        assert_eq!(
            inner("He called it ''a fine catch'' on Monday."),
            ["a fine catch"]
        );
        // a single apostrophe is no mark, inside or outside a quotation
        assert_eq!(
            inner("''The boats' nets are the skipper's,'' he said."),
            ["The boats' nets are the skipper's,"]
        );
        assert!(inner("The boats' nets are the skipper's.").is_empty());
    }

    #[test]
    fn a_new_quote_before_the_last_closed() {
        assert_eq!(
            inner("She said: \"We have done it. \"We will do more.\""),
            ["We have done it.", "We will do more."]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_the_paragraph_end() {
        assert_eq!(inner("\"We will go on, and on"), ["We will go on, and on"]);
        assert!(inner("It's the \u{2019}90s").is_empty());
    }

    #[test]
    fn inside_finds_positions_by_binary_search() {
        let s = "A \"one\" b \"two\" c";
        let qs = quotes(
            s,
            Span {
                start: 0,
                end: s.len(),
            },
        );
        let hits: Vec<usize> = (0..s.len()).filter(|&p| inside(&qs, p)).collect();
        let slow: Vec<usize> = (0..s.len())
            .filter(|&p| qs.iter().any(|q| q.inner.start <= p && p < q.inner.end))
            .collect();
        assert_eq!(hits, slow);
        assert_eq!(hits.len(), 6);
    }
}
