//! Lines that are not article content: page furniture ("Advertisement",
//! "Latest Headlines", "Share this"), bylines ("By Jane Doe, UPI
//! Correspondent"), photo captions and credits, copyright notices. Each rule
//! looks at one whole line; the rules are conservative, because dropping a
//! real sentence loses facts while keeping a stray caption rarely adds any.
//! Where a line ends the article proper ("Latest Headlines", Wikinews'
//! "Sources"), [`ends_article`] says so and the caller drops what follows.

/// Whole lines (compared case-insensitively, without a final ":" or ".")
/// that are page furniture.
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertisements",
    "all rights reserved",
    "comments",
    "continue reading",
    "continue reading the main story",
    "email",
    "email this",
    "email this article",
    "external links",
    "getty images",
    "latest headlines",
    "most popular",
    "most read",
    "print",
    "print this article",
    "read more",
    "related",
    "related articles",
    "related content",
    "related news",
    "related stories",
    "see also",
    "share",
    "share this",
    "share this article",
    "share this story",
    "skip advertisement",
    "sources",
    "story continues below advertisement",
    "top stories",
    "tweet",
];

/// Whole lines after which the rest of the article is furniture too: a list
/// of other headlines, sources or links.
const ENDERS: &[&str] = &[
    "external links",
    "latest headlines",
    "related news",
    "see also",
    "sources",
];

/// Line openings that mark a caption, credit or link list (in lower case,
/// none longer than 80 characters).
const PREFIXES: &[&str] = &[
    "(image",
    "(photo",
    "(picture",
    "categories:",
    "credit:",
    "image credit",
    "image:",
    "photo by ",
    "photo credit",
    "photo:",
    "photograph:",
    "picture:",
    "read more:",
    "related:",
    "share this:",
];

/// Endings of short caption lines ("... in Kabul on Monday. (Reuters)").
const CAPTION_ENDINGS: &[&str] = &[
    "(afp)",
    "(ap photo)",
    "(ap)",
    "(getty images)",
    "(reuters)",
    "/ afp",
    "/ ap",
    "/ reuters",
    "/afp",
    "/ap",
    "/getty images",
    "/reuters",
];

/// Credit markers that end a caption: "... on Monday. Image: Jane Doe."
const CREDIT_MARKERS: &[&str] = &["Image:", "Photo:", "Credit:", "Photograph:", "Picture:"];

/// Lowercase words allowed inside a name in a byline ("By Ana de la Cruz").
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "du", "el", "la", "le", "van", "von",
];

/// Lowercase words allowed in a byline's role ("UPI Correspondent for Asia").
const ROLE_WORDS: &[&str] = &["and", "at", "for", "in", "of", "on", "the"];

/// The line lower-cased, without surrounding whitespace and a final ":"/".".
fn normalize(line: &str) -> String {
    line.trim()
        .trim_end_matches([':', '.', '»', '›', '>'])
        .trim_end()
        .to_lowercase()
}

/// True if `line` (one whole line) is not article content.
pub fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    let words = line.split_whitespace().count();
    if words > 40 {
        // too long for furniture, a copyright line or a caption: only an
        // opening or a credit can tell, and openings are short
        let end = line.char_indices().nth(80).map_or(line.len(), |(i, _)| i);
        let head = line[..end].to_lowercase();
        return PREFIXES.iter().any(|p| head.starts_with(p))
            || has_credit_tail(line)
            || is_byline(line);
    }
    let norm = normalize(line);
    FURNITURE.contains(&norm.as_str())
        || PREFIXES.iter().any(|p| norm.starts_with(p))
        || is_copyright(&norm, words)
        || (words <= 25 && norm.contains("all rights reserved"))
        || (words <= 40 && (norm.ends_with("photo credit") || norm.contains("photo credit:")))
        || (words <= 40 && CAPTION_ENDINGS.iter().any(|e| norm.ends_with(e)))
        || has_credit_tail(line)
        || is_byline(line)
}

/// True if `line` is furniture after which nothing is article content.
pub fn ends_article(line: &str) -> bool {
    ENDERS.contains(&normalize(line).as_str())
}

/// "Copyright 2013 United Press International", "© 2015 Acme": a copyright
/// word and then a year, a © sign or "all rights reserved" on a short line.
fn is_copyright(norm: &str, words: usize) -> bool {
    let Some(rest) = norm
        .strip_prefix("copyright")
        .or_else(|| norm.strip_prefix('©'))
        .or_else(|| norm.strip_prefix("(c)"))
    else {
        return false;
    };
    words <= 25
        && (rest.contains('©')
            || rest.contains("(c)")
            || rest.contains("all rights reserved")
            || rest
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20"))))
}

/// A caption ending in a short credit: "... on Friday. Image: Jane Doe."
fn has_credit_tail(line: &str) -> bool {
    CREDIT_MARKERS.iter().any(|marker| {
        let Some(pos) = line.rfind(marker) else {
            return false;
        };
        let before_ok = line[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '.' | '(' | '|'));
        let tail = line[pos + marker.len()..]
            .trim()
            .trim_end_matches(['.', ')']);
        before_ok
            && !tail.is_empty()
            && tail.split_whitespace().count() <= 8
            && !tail.contains(". ")
            && is_capitalized_word(tail)
    })
}

fn is_capitalized_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A name word of a byline: "John", "JOHN", "J.", "O'Brien", "Smith-Jones".
fn is_name_word(w: &str) -> bool {
    let core = w.strip_suffix('.').unwrap_or(w);
    if core.is_empty() || !is_capitalized_word(core) {
        return false;
    }
    if w.ends_with('.') && core.chars().count() > 2 {
        // A period ends a sentence, not a name, except after an initial.
        return false;
    }
    core.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

/// "By Jane Doe", "By JANE DOE", "By Jane Doe, UPI Correspondent", "By Jane
/// Doe and Li Wei": "By", one to four capitalised name words per author
/// and, after a comma, dash or bar, a short role of capitalised words. A
/// sentence that starts with "By" ("By Monday the talks had failed.") has
/// lowercase words outside a role and is not a byline.
pub fn is_byline(line: &str) -> bool {
    let line = line.trim();
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    if line.len() > 120 {
        return false;
    }
    let (names, role) = match rest.find([',', '|']).or_else(|| rest.find(" - ")) {
        Some(i) => (
            &rest[..i],
            Some(rest[i..].trim_start_matches([',', '|', ' ', '-'])),
        ),
        None => (rest, None),
    };
    // Names: groups of 1-4 name words joined by "and" / "&".
    let mut run = 0;
    let mut any = false;
    for w in names.split_whitespace() {
        if w == "and" || w == "&" {
            if run == 0 {
                return false;
            }
            run = 0;
        } else if is_name_word(w) || (run > 0 && NAME_PARTICLES.contains(&w)) {
            run += 1;
            any = true;
            if run > 4 {
                return false;
            }
        } else {
            return false;
        }
    }
    if !any || run == 0 {
        return false;
    }
    match role {
        None => true,
        Some(role) => {
            let role = role.trim();
            let words: Vec<&str> = role.split_whitespace().collect();
            !role.ends_with(['.', '!', '?'])
                && words.len() <= 6
                && words
                    .iter()
                    .all(|w| is_capitalized_word(w) || ROLE_WORDS.contains(w) || *w == "&")
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn openings_are_lower_case_and_short() {
        for p in super::PREFIXES {
            assert!(p.chars().count() < 80 && p.to_lowercase() == *p, "{p:?}");
        }
    }

    use super::*;

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [
            FURNITURE,
            ENDERS,
            PREFIXES,
            CAPTION_ENDINGS,
            NAME_PARTICLES,
            ROLE_WORDS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        for e in ENDERS {
            assert!(FURNITURE.contains(e), "{e}");
        }
    }

    #[test]
    fn boilerplate_table() {
        let cases: &[(&str, bool)] = &[
            ("Advertisement", true),
            ("ADVERTISEMENT", true),
            ("  Advertisement  \r", true),
            ("Latest Headlines", true),
            ("Related Stories", true),
            ("Related", true),
            ("Share this", true),
            ("Share this:", true),
            ("Read more", true),
            ("Read more: Talks collapse in Vienna", true),
            ("Email this", true),
            ("Getty Images", true),
            ("All rights reserved.", true),
            (
                "Copyright 2013 United Press International, Inc. All Rights Reserved.",
                true,
            ),
            ("© 2015 Example News", true),
            ("Photo: Jane Doe/Example Agency", true),
            ("Image: Wikimedia Commons.", true),
            ("(Photo by Jane Doe/Example Agency)", true),
            ("Credit: Example Agency", true),
            ("Categories: Politics Europe Archived", true),
            ("Protesters march in the capital on Monday. (Reuters)", true),
            ("The minister arrives for talks in Brussels /AFP", true),
            ("Firefighters at the scene. Photo credit: Jane Doe", true),
            (
                "The harbour at dawn, shortly after the storm. Image: Jane Doe.",
                true,
            ),
            (
                "Delegates at the opening session Image: Example Ministry.",
                true,
            ),
            ("By John Smith", true),
            ("By JOHN SMITH", true),
            ("By John Smith, UPI Correspondent", true),
            ("By Ana de la Cruz", true),
            ("By J. R. Smith", true),
            ("By John Smith and Li Wei", true),
            ("By Jane Doe - Foreign Affairs Editor", true),
            // Real sentences stay.
            ("By Monday the talks had failed.", false),
            ("By Monday, the talks had failed.", false),
            ("By contrast Acme kept its forecast.", false),
            ("By 2025, 40% of homes will be online, says a study.", false),
            ("By Christmas Day, shoppers had spent £2bn.", false),
            ("By far the largest share went to Acme.", false),
            ("Copyright law is changing, the minister said.", false),
            ("The advertisement ran for a week.", false),
            ("Related talks will follow in June.", false),
            (
                "Shares of Getty Images rose 4% on Friday after the deal was announced.",
                false,
            ),
            (
                "The photo credit went to a local student, organisers said.",
                false,
            ),
            ("The agency was bought by Getty Images.", false),
            ("Reuters reported the figures on Tuesday.", false),
            ("", false),
            ("   ", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_boilerplate(line), *want, "line: {line:?}");
        }
    }

    #[test]
    fn enders() {
        assert!(ends_article("Latest Headlines"));
        assert!(ends_article("Sources"));
        assert!(ends_article("External links:"));
        assert!(!ends_article("Advertisement"));
        assert!(!ends_article("Sources said the deal was close."));
    }
}
