//! Datelines and date lines. A wire dateline opens the first paragraph:
//! "BEIJING, May 30 (UPI) -- ", "LONDON (Reuters) - ", "WASHINGTON, Jan. 5,
//! 2013 (AP) — ", "NEW YORK -- ". A date line is a line of its own under a
//! Wikinews headline: "Monday, May 18, 2015". This module only recognises
//! them at the start of a string; where to look is the parent module's
//! business.

use std::sync::LazyLock;

use regex::Regex;

const MONTH: &str = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const WEEKDAY: &str = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"\p{Lu}[\p{Lu}.'’\-]*(?: \p{Lu}[\p{Lu}.'’\-]*){0,4}";
    let region = r"\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}";
    let date = format!(r"{MONTH}\.? +\d{{1,2}}(?:, +\d{{4}})?|{WEEKDAY}");
    let pattern = format!(
        r"^(?P<place>{place})(?:, +(?P<region>{region}))?(?:, +(?P<date>{date}))?(?: *\((?P<source>[^()\n]{{1,40}})\))? *(?P<dash>--|—|–|-)[ \t]*"
    );
    Regex::new(&pattern).expect("the dateline pattern compiles")
});

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(r"^(?:(?P<weekday>{WEEKDAY}), +)?(?P<date>{MONTH} +\d{{1,2}}, +\d{{4}})");
    Regex::new(&pattern).expect("the date line pattern compiles")
});

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatelineMatch {
    /// Bytes it takes, the dash and the spaces after it included.
    pub len: usize,
    /// "BEIJING", "NEW YORK".
    pub place: String,
    /// "May 30", "Jan. 5, 2013", "Monday".
    pub date: Option<String>,
    /// "UPI", "Reuters", "AP".
    pub source: Option<String>,
}

fn is_weekday(s: &str) -> bool {
    matches!(
        s,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// Recognise a wire dateline at the start of `paragraph`. Without a date or
/// a source in brackets, the dash must be "--" or "—", so that "NATO - the
/// alliance" is not taken for one.
pub fn parse_dateline(paragraph: &str) -> Option<DatelineMatch> {
    // The place opens with a capital not followed by a small letter
    // ("BEIJING", "NEW YORK"): most paragraphs fail here, before the regex.
    let mut cs = paragraph.chars();
    if !cs.next().is_some_and(char::is_uppercase) || cs.next().is_some_and(char::is_lowercase) {
        return None;
    }
    let caps = DATELINE.captures(paragraph)?;
    let place = caps.name("place")?.as_str();
    if place.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let mut date = caps.name("date").map(|m| m.as_str().to_string());
    if let Some(region) = caps.name("region").map(|m| m.as_str()) {
        // "LONDON, Monday (Reuters) -": the weekday is the date.
        if is_weekday(region) && date.is_none() {
            date = Some(region.to_string());
        }
    }
    let source = caps
        .name("source")
        .map(|m| m.as_str().trim().to_string())
        .filter(|s| !s.is_empty());
    let dash = caps.name("dash")?.as_str();
    if date.is_none() && source.is_none() && !matches!(dash, "--" | "—") {
        return None;
    }
    Some(DatelineMatch {
        len: caps.get(0)?.end(),
        place: place.trim_end_matches([',', ' ']).to_string(),
        date,
        source,
    })
}

/// Recognise a Wikinews date line ("Monday, May 18, 2015") at the start of
/// `line`. Returns the date without the weekday ("May 18, 2015") and the
/// bytes the date takes. It matches when the date is the whole line, or when
/// a weekday-led date is glued to the first paragraph ("Thursday, May 7,
/// 2015 On Tuesday, ..."); then the length stops before the paragraph.
pub fn parse_date_line(line: &str) -> Option<(String, usize)> {
    // every weekday and month starts with one of these
    if !line.starts_with(['M', 'T', 'W', 'F', 'S', 'J', 'A', 'D', 'N', 'O']) {
        return None;
    }
    let caps = DATE_LINE.captures(line)?;
    let date = caps.name("date")?.as_str().to_string();
    let end = caps.get(0)?.end();
    let rest = &line[end..];
    if rest.trim().is_empty() {
        return Some((date, end));
    }
    let glued = caps.name("weekday").is_some()
        && rest.starts_with(char::is_whitespace)
        && rest.trim_start().starts_with(char::is_uppercase);
    glued.then_some((date, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraph, place, date, source, rest of the paragraph.
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, &'a str);

    #[test]
    fn dateline_table() {
        let cases: &[Case] = &[
            (
                "BEIJING, May 30 (UPI) -- China hopes for talks.",
                "BEIJING",
                Some("May 30"),
                Some("UPI"),
                "China hopes for talks.",
            ),
            (
                "LONDON (Reuters) - Britain said on Monday.",
                "LONDON",
                None,
                Some("Reuters"),
                "Britain said on Monday.",
            ),
            (
                "WASHINGTON, Jan. 5, 2013 (AP) — The Senate voted.",
                "WASHINGTON",
                Some("Jan. 5, 2013"),
                Some("AP"),
                "The Senate voted.",
            ),
            (
                "NEW YORK -- Stocks fell.",
                "NEW YORK",
                None,
                None,
                "Stocks fell.",
            ),
            (
                "PARIS, March 3 -- Talks ended.",
                "PARIS",
                Some("March 3"),
                None,
                "Talks ended.",
            ),
            (
                "SEOUL, South Korea, May 30 (UPI) -- Seoul said no.",
                "SEOUL",
                Some("May 30"),
                Some("UPI"),
                "Seoul said no.",
            ),
            (
                "LONDON, Monday (Reuters) - Shares rose.",
                "LONDON",
                Some("Monday"),
                Some("Reuters"),
                "Shares rose.",
            ),
            (
                "ST. LOUIS, Oct. 2 (UPI) --The fair opened.",
                "ST. LOUIS",
                Some("Oct. 2"),
                Some("UPI"),
                "The fair opened.",
            ),
            (
                "ZÜRICH — Banks rallied.",
                "ZÜRICH",
                None,
                None,
                "Banks rallied.",
            ),
        ];
        for (input, place, date, source, rest) in cases {
            let m = parse_dateline(input).unwrap_or_else(|| panic!("no dateline in {input:?}"));
            assert_eq!(m.place, *place, "{input}");
            assert_eq!(m.date.as_deref(), *date, "{input}");
            assert_eq!(m.source.as_deref(), *source, "{input}");
            assert_eq!(&input[m.len..], *rest, "{input}");
        }
    }

    #[test]
    fn not_datelines() {
        for input in [
            "China hopes to cooperate, Zheng said.",
            "NATO - the alliance - met.",
            "A - b",
            "The UN (United Nations) -- it said",
            "US officials said so.",
            "BBC News",
            "",
        ] {
            assert_eq!(parse_dateline(input), None, "{input}");
        }
    }

    #[test]
    fn date_lines() {
        let cases: &[(&str, Option<(&str, usize)>)] = &[
            ("Monday, May 18, 2015", Some(("May 18, 2015", 20))),
            ("Friday, August 21, 2015  ", Some(("August 21, 2015", 23))),
            ("May 18, 2015", Some(("May 18, 2015", 12))),
            (
                "Thursday, May 7, 2015 On Tuesday, the government spoke.",
                Some(("May 7, 2015", 21)),
            ),
            ("May 18, 2015 was a quiet day.", None),
            ("Monday, May 18, 2015 was quiet.", None),
            ("Monday was quiet.", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = parse_date_line(input);
            assert_eq!(
                got.as_ref().map(|(d, n)| (d.as_str(), *n)),
                *want,
                "{input}"
            );
        }
    }
}
