//! Calendar dates as articles write them ("2015-05-18", "May 18, 2015",
//! "Monday, May 18, 2015", "18 May 2015", "Sept. 3, 2015"). A date without
//! a year ("May 30") is not a date here: it cannot be compared.

use std::fmt;

use serde::Serialize;

/// A day of the calendar; orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // "Sept" is the one wire-style abbreviation longer than three letters.
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .zip(full)
        .position(|(short, long)| w == *short || w == long)
        .map(|i| i as u32 + 1)
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A checked date.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in(year, month)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Read a date; `None` when it has no year, no month, no day, or is
    /// not a real day. Weekday names are ignored.
    ///
    /// O(n) in the length of `s`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        // ISO 8601, possibly followed by a time: 2015-05-18 or 2015/05/18.
        let iso: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).take(3).collect();
        if s.len() >= 8 && s.as_bytes()[0].is_ascii_digit() && iso.len() == 3 && iso[0].len() == 4 {
            let (y, m, d) = (
                iso[0].parse().ok()?,
                iso[1].parse().ok()?,
                iso[2].parse().ok()?,
            );
            return Date::new(y, m, d);
        }
        let (mut year, mut mon, mut day) = (None, None, None);
        for word in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if word.bytes().all(|b| b.is_ascii_digit()) {
                match word.len() {
                    4 if year.is_none() => year = word.parse().ok(),
                    1 | 2 if day.is_none() => day = word.parse().ok(),
                    _ => return None,
                }
            } else if let Some(m) = month(word) {
                if mon.replace(m).is_some() {
                    return None;
                }
            } else {
                // "18th" or a weekday: keep the number of an ordinal.
                let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
                let rest = &word[digits.len()..];
                if !digits.is_empty() && ["st", "nd", "rd", "th"].contains(&rest) && day.is_none() {
                    day = digits.parse().ok();
                }
            }
        }
        Date::new(year?, mon?, day?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usual_forms() {
        let d = Date::new(2015, 5, 18);
        for s in [
            "2015-05-18",
            "2015/05/18",
            "2015-05-18T09:30:00Z",
            "May 18, 2015",
            "May 18 2015",
            "Monday, May 18, 2015",
            "18 May 2015",
            "Mon 18 May 2015",
            "May 18th, 2015",
        ] {
            assert_eq!(Date::parse(s), d, "{s}");
        }
        assert_eq!(Date::parse("Sept. 3, 2015"), Date::new(2015, 9, 3));
        assert_eq!(Date::parse("Feb. 29, 2016"), Date::new(2016, 2, 29));
    }

    #[test]
    fn rejects_what_cannot_be_compared() {
        for s in [
            "May 30",
            "2015",
            "May 2015",
            "",
            "Feb. 30, 2015",
            "2015-13-01",
            "soon",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
    }

    #[test]
    fn orders_and_prints_chronologically() {
        let a = Date::parse("Dec 31, 2014").unwrap();
        let b = Date::parse("2015-01-01").unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "2014-12-31");
    }
}
