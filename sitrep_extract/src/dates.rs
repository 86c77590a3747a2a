//! Publication-date strings in the forms news pages, feeds and datelines use:
//! ISO 8601 (`2025-02-22T09:30:00+01:00`), RFC 2822 (`Sat, 22 Feb 2025
//! 09:30:00 GMT`), numeric (`2025/02/22`, `22.02.2025`, `21/02/2025`) and
//! written (`Wednesday January 29 2025`, `Jan. 29, 2025, 4:05 PM EST`,
//! `29th of January 2025`).
//!
//! Never invents: a numeric day/month order that could be read both ways
//! (`03/04/2025`) gives `None`, and so does a date without a year.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use sitrep_model::PublishedDate;

const MONTHS: &str = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const WEEKDAYS: &str = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";
const ZONE: &str = r"z|utc|gmt|[ecmp][sd]t|cet|cest|eet|eest|bst|eat|cat|wat|sast|[+-]\d{2}:?\d{2}";

fn time_pattern() -> String {
    format!(
        r"(?:(?:\s*,?\s*(?:at\s+)?|T)(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?::(?P<s>\d{{2}})(?:[.,]\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?(?:(?:utc|gmt)(?P<gmtoff>[+-]\d{{1,2}}(?::?\d{{2}})?)|(?P<tz>{ZONE}))\b\)?)?)?"
    )
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    let time = time_pattern();
    Regex::new(&format!(
        r"(?i)\b(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){time}"
    ))
    .unwrap_or_else(|e| panic!("ISO date pattern: {e}"))
});

static YMD_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    let time = time_pattern();
    Regex::new(&format!(
        r"(?i)\b(?P<y>\d{{4}})[/.](?P<m>\d{{1,2}})[/.](?P<d>\d{{1,2}})\b{time}"
    ))
    .unwrap_or_else(|e| panic!("YMD pattern: {e}"))
});

static NUMERIC_DAY_FIRST_OR_MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let time = time_pattern();
    Regex::new(&format!(
        r"(?i)\b(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})[/.-](?P<y>\d{{4}})\b{time}"
    ))
    .unwrap_or_else(|e| panic!("numeric date pattern: {e}"))
});

static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    let time = time_pattern();
    Regex::new(&format!(
        r"(?i)(?:\b(?P<wd>{WEEKDAYS})\.?,?\s+)?(?:\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{MONTHS})\b\.?|\b(?P<m2>{MONTHS})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)\s*,?\s*(?P<y>\d{{4}})\b{time}"
    ))
    .unwrap_or_else(|e| panic!("written date pattern: {e}"))
});

/// A date found inside a longer string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// The date.
    pub date: PublishedDate,
    /// Byte range of the whole expression in the searched string.
    pub span: Range<usize>,
}

/// Parse a string that is a date and nothing else (surrounding whitespace,
/// punctuation and a leading label such as `Published:` are allowed).
pub fn parse_date(s: &str) -> Option<PublishedDate> {
    let found = find_date(s)?;
    let before = &s[..found.span.start];
    let after = &s[found.span.end..];
    let label_only = before
        .trim()
        .trim_end_matches([':', '-', '|', ','])
        .split_whitespace()
        .all(is_date_label);
    let rest_is_noise = after
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ')' | '|' | '-'));
    (label_only && rest_is_noise).then_some(found.date)
}

/// Words that may precede a date in a metadata field or a dateline.
fn is_date_label(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    matches!(
        w.as_str(),
        "" | "date"
            | "published"
            | "publish"
            | "posted"
            | "updated"
            | "on"
            | "last"
            | "first"
            | "modified"
            | "dated"
            | "created"
    )
}

/// The first date expression in `s` (earliest start; the longest reading
/// wins when two start together).
pub fn find_date(s: &str) -> Option<FoundDate> {
    let mut best: Option<FoundDate> = None;
    let mut consider = |found: Option<FoundDate>| {
        if let Some(f) = found {
            let better = match &best {
                None => true,
                Some(b) => {
                    f.span.start < b.span.start || (f.span.start == b.span.start && f.span.end > b.span.end)
                }
            };
            if better {
                best = Some(f);
            }
        }
    };
    consider(first_match(&ISO, s, |c| ymd(c, "y", "m", "d")));
    consider(first_match(&YMD_SLASH, s, |c| ymd(c, "y", "m", "d")));
    consider(first_match(
        &NUMERIC_DAY_FIRST_OR_MONTH_FIRST,
        s,
        numeric_day_month,
    ));
    consider(first_match(&WRITTEN, s, written));
    best
}

fn first_match(
    re: &Regex,
    s: &str,
    date_of: impl Fn(&Captures<'_>) -> Option<PublishedDate>,
) -> Option<FoundDate> {
    re.captures_iter(s).find_map(|c| {
        let whole = c.get(0)?;
        let date = date_of(&c)?;
        Some(FoundDate {
            date: with_time(date, &c).unwrap_or(date),
            span: whole.range(),
        })
    })
}

fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

fn ymd(c: &Captures<'_>, y: &str, m: &str, d: &str) -> Option<PublishedDate> {
    PublishedDate::from_ymd(i32::try_from(num(c, y)?).ok()?, num(c, m)?, num(c, d)?)
}

fn numeric_day_month(c: &Captures<'_>) -> Option<PublishedDate> {
    let a = num(c, "a")?;
    let b = num(c, "b")?;
    let y = i32::try_from(num(c, "y")?).ok()?;
    let dotted = c.name("sep").is_some_and(|s| s.as_str() == ".");
    let (day, month) = if dotted || a > 12 {
        (a, b)
    } else if b > 12 || a == b {
        (b, a)
    } else {
        return None;
    };
    PublishedDate::from_ymd(y, month, day)
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let n = match prefix {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn written(c: &Captures<'_>) -> Option<PublishedDate> {
    let (day, month) = match (c.name("d1"), c.name("m1"), c.name("m2"), c.name("d2")) {
        (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => {
            (d.as_str().parse().ok()?, month_number(m.as_str())?)
        }
        _ => return None,
    };
    PublishedDate::from_ymd(i32::try_from(num(c, "y")?).ok()?, month, day)
}

fn zone_offset_minutes(zone: &str) -> Option<i32> {
    let z = zone.to_ascii_lowercase();
    let hours = match z.as_str() {
        "z" | "utc" | "gmt" => 0,
        "est" | "cdt" => -5,
        "edt" => -4,
        "cst" | "mdt" => -6,
        "mst" | "pdt" => -7,
        "pst" => -8,
        "cet" | "bst" | "wat" => 1,
        "cest" | "eet" | "cat" | "sast" => 2,
        "eest" | "eat" => 3,
        _ => return parse_numeric_offset(&z),
    };
    Some(hours * 60)
}

fn parse_numeric_offset(z: &str) -> Option<i32> {
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (digits[..1].parse::<i32>().ok()?, digits[1..].parse::<i32>().ok()?),
        4 => (digits[..2].parse::<i32>().ok()?, digits[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    Some(sign * (h * 60 + m))
}

fn with_time(date: PublishedDate, c: &Captures<'_>) -> Option<PublishedDate> {
    let mut hour = num(c, "h")?;
    let minute = num(c, "mi")?;
    let second = num(c, "s").unwrap_or(0);
    if let Some(ampm) = c.name("ampm") {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let offset = if let Some(g) = c.name("gmtoff") {
        parse_numeric_offset(g.as_str())
    } else {
        c.name("tz").and_then(|z| zone_offset_minutes(z.as_str()))
    };
    date.with_time(hour, minute, second, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(input: &str, expected: Option<&str>) {
        let got = parse_date(input).map(|d| d.to_string());
        assert_eq!(got.as_deref(), expected, "input {input:?}");
    }

    #[test]
    fn iso_forms() {
        check("2025-02-22", Some("2025-02-22"));
        check("2025-02-22T09:30:00Z", Some("2025-02-22T09:30:00Z"));
        check("2025-02-22T09:30:00.123+01:00", Some("2025-02-22T09:30:00+01:00"));
        check("2025-02-22T09:30+0100", Some("2025-02-22T09:30:00+01:00"));
        check("2025-02-22 09:30:00", Some("2025-02-22T09:30:00"));
        check("date 2025-02-22", Some("2025-02-22"));
        check("Published: 2025-02-22", Some("2025-02-22"));
    }

    #[test]
    fn rfc2822_forms() {
        check("Sat, 22 Feb 2025 09:30:00 GMT", Some("2025-02-22T09:30:00Z"));
        check(
            "Sat, 22 Feb 2025 09:30:00 +0200",
            Some("2025-02-22T09:30:00+02:00"),
        );
        check("22 Feb 2025 09:30:00 EST", Some("2025-02-22T09:30:00-05:00"));
    }

    #[test]
    fn written_forms() {
        check("Wednesday January 29 2025", Some("2025-01-29"));
        check("Wednesday, 29 January 2025", Some("2025-01-29"));
        check("Jan. 29, 2025", Some("2025-01-29"));
        check(
            "January 29th, 2025 4:05 PM EST",
            Some("2025-01-29T16:05:00-05:00"),
        );
        check("29th of January 2025", Some("2025-01-29"));
        check("Sept 3, 2024 at 12:15 a.m.", Some("2024-09-03T00:15:00"));
        check("Updated 10:00 GMT+3", None);
    }

    #[test]
    fn numeric_forms_never_guess_the_order() {
        check("2025/02/22", Some("2025-02-22"));
        check("22.02.2025", Some("2025-02-22"));
        check("21/02/2025", Some("2025-02-21"));
        check("02/21/2025", Some("2025-02-21"));
        check("03/04/2025", None);
        check("04/04/2025", Some("2025-04-04"));
    }

    #[test]
    fn no_date_without_a_year_or_with_extra_words() {
        check("January 29", None);
        check("Friday", None);
        check("In the discussions held on Friday, February 21", None);
        check("The summit of January 29 2025 was tense", None);
        check("February 30 2025", None);
    }

    #[test]
    fn find_date_reports_the_span() {
        let s = "Posted by Jane Doe on March 3, 2025 in World";
        let found = find_date(s).expect("a date");
        assert_eq!(&s[found.span.clone()], "March 3, 2025");
        assert_eq!(found.date.to_string(), "2025-03-03");
    }

    proptest! {
        #[test]
        fn never_panics(s in ".{0,80}") {
            let _ = parse_date(&s);
            if let Some(found) = find_date(&s) {
                prop_assert!(s.get(found.span.clone()).is_some());
            }
        }

        #[test]
        fn iso_days_round_trip(days in 0i64..40_000) {
            let date = PublishedDate::from_days_since_epoch(days).expect("in range");
            prop_assert_eq!(parse_date(&date.to_string()), Some(date));
        }
    }
}
