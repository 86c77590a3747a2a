//! Lines of an extracted body that are page furniture by their shape:
//! timestamp lines, photo captions ending in a credit, contact and follow
//! blurbs, CMS shortcodes and escaped markup. Used on bodies that have no
//! header of their own (HTML main text, feed and JSON Lines bodies), after
//! the whole-line boilerplate patterns of `text_cleanup`.
//!
//! Each test looks at the shape of one whole line, never at a site's name,
//! and is bounded in length so a real paragraph is never dropped for a
//! phrase it happens to contain.

use std::sync::LazyLock;

use regex::Regex;

/// Longest line the shape tests consider, in characters.
const MAX_FURNITURE_CHARS: usize = 400;

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("line filter pattern {pattern:?}: {e}"))
}

/// Tokens a timestamp line is made of.
static TIMESTAMP_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?ix)^(?:
            (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?
          | (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?
          | \d{1,4}(?:st|nd|rd|th)?
          | \d{1,2}[:.h]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?
          | [ap]\.?m\.?
          | utc|gmt|z|[a-z]{1,3}[sd]?t|cet|cest|eet|eest|bst|ist|wib|sast|aest|aedt
          | published|updated|posted|modified|first|last|on|at|date|time|edited|originally
        )$",
    )
});

/// Labels that make a line of dates and times a page timestamp.
static TIMESTAMP_LABEL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^(?:published|updated|posted|modified|edited|originally)$"));
/// A month or weekday name.
static CALENDAR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$")
});
/// A clock time.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| compile(r"^\d{1,2}[:.h]\d{2}"));

/// A line that only states when the page was published or updated
/// (`Updated 1:39 am EST, Wednesday, November 20, 2019`,
/// `Posted: Fri 6:45 PM, Feb 16, 2018 |`): made only of date, time and
/// label words, with a label, or with both a calendar word and a clock
/// time. A bare time (`10 p.m.`, a live blog's heading) or a bare date
/// range stays.
pub fn is_timestamp_line(line: &str) -> bool {
    if line.len() > 4 * 120 || !line.bytes().any(|b| b.is_ascii_digit()) || line.chars().count() > 120 {
        return false;
    }
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || ",;|·•@()/–—-".contains(c))
        .map(|t| t.trim_matches(|c: char| c == ':' || c == '.' && !t.ends_with("m.")))
        .filter(|t| !t.is_empty())
        .collect();
    if !tokens.iter().all(|t| TIMESTAMP_TOKEN.is_match(t)) {
        return false;
    }
    let labelled = tokens.iter().any(|t| TIMESTAMP_LABEL.is_match(t));
    let dated = tokens.iter().any(|t| CALENDAR_WORD.is_match(t));
    let timed = tokens.iter().any(|t| CLOCK.is_match(t));
    let has_digits = tokens.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()));
    has_digits && (labelled || (dated && timed))
}

/// A caption: a line ending in a photo credit (`… (AP Photo/Jane Doe)`,
/// `… Jane Doe/Getty Images`). Anchored at the end only, so the regex
/// engine reads the line backwards from its end and stops early.
static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?ix)(?:
            \(\s*(?:AP|AFP|EPA|Reuters|Xinhua)?\s*(?:photo|image|picture|file)[^()]{0,80}\)
          | (?:/|\|)\s*(?:getty\s+images|shutterstock|istock(?:photo)?|alamy|ap|afp|epa|reuters)(?:\s+file)?
          | (?-u:\b)via\s+getty\s+images
          | \(\s*image:[^()]{0,60}\)
        )\s*\.?$",
    )
});

/// A credit line of its own (`Image copyright …`, `Credit...`).
static CAPTION_START: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^(?:image\s+copyright|credit\.{2,}|photo\s+credit|image\s+credit)"));

/// A contact blurb (`Have a tip? Jane may be reached at jane@paper.test`);
/// tried only on lines with an `@`.
static CONTACT_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?ix)(?-u:\b)(?:reached|contacted|email|e-mail|write\s+to|tips?)(?-u:\b).{0,80}[\w.+-]+@[\w-]+\.[\w.]+",
    )
});

/// A follow blurb (`Follow him on Twitter @jane`).
static FOLLOW: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?ix)(?-u:\b)follow\s+(?:him|her|them|me|us)\s+on\s+(?:twitter|x|facebook|instagram|linkedin|threads|bluesky)(?-u:\b)",
    )
});

/// CMS shortcodes (`[button link="…"]…[/button]`) and markup that leaked
/// into text (`&lt;span …`).
static LEAKED_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\[/[a-z_]+\]|^\[[a-z_]+\s+[a-z_]+\s*=|&(?:amp;)*lt;/?[a-z]+|</?(?:span|div|p|a|script|iframe)(?-u:\b)[^>]*>",
    )
});

/// Cross-links to other stories (`Also on example.com …`, `SEE MORE: …`,
/// `DON'T MISS`).
static CROSS_LINK: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:also\s+(?:on|at)\s+[\w-]+(?:\.[\w-]+)+(?-u:\b).{0,200}|(?:see|read|watch)\s+more\s*:.{0,200}|don'?t\s+miss:?|must\s+read:?|(?:video|watch|listen|photos|gallery)\s*:.{0,150})$",
    )
});

/// True when `line` is furniture by its shape.
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_FURNITURE_CHARS {
        return false;
    }
    let words = line.split_whitespace().count();
    is_timestamp_line(line)
        || (words <= 60 && (CAPTION_END.is_match(line) || CAPTION_START.is_match(line)))
        || (words <= 50 && ((line.contains('@') && CONTACT_ADDRESS.is_match(line)) || FOLLOW.is_match(line)))
        || LEAKED_MARKUP.is_match(line)
        || CROSS_LINK.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, furniture: bool) {
        assert_eq!(is_furniture_line(line), furniture, "{line:?}");
    }

    #[test]
    fn timestamps() {
        check("Updated 1:39 am EST, Wednesday, November 20, 2019", true);
        check("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", true);
        check("Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM", true);
        check("PUBLISHED: 10:48, Tue, Nov 19, 2019", true);
        check("Updated at 1:23 p.m.", true);
        check("Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)", true);
        check("The vote is on March 3.", false);
        check("Updated", false);
        check("10 p.m.", false);
        check("4:14 p.m.", false);
        check("29 November 2018 | 20 January 2019", false);
        check("02-751-1500", false);
        check("0", false);
        check(
            "On Monday, the council met at 10:00 to vote on the budget.",
            false,
        );
    }

    #[test]
    fn captions() {
        check(
            "A trader walks past the exchange in Lagos. (AP Photo/Jane Doe, File)",
            true,
        );
        check(
            "Smoke over the city on Tuesday. Jane Doe/Hindustan Times/Getty Images",
            true,
        );
        check("Riot police near the campus (Image: GETTY )", true);
        check(
            "Image copyright Getty Images Image caption The singer in 2019",
            true,
        );
        check("Credit...Jane Doe/The Daily Paper", true);
        check(
            "The agency said the photo was taken in 2019 and later verified by reporters.",
            false,
        );
    }

    #[test]
    fn contacts_markup_and_cross_links() {
        check(
            "Have a tip? Jane Doe may be reached at jdoe@paper.test. Follow her on Twitter.",
            true,
        );
        check("Her book is out now. Follow her on Twitter @jdoe.", true);
        check(
            "[button link=\"http://x.test/\" type=\"big\"] Send us your review[/button]",
            true,
        );
        check("&amp;lt;span data-mce-type=\"bookmark\"&amp;gt;", true);
        check("Also on example.com Ministers resign over budget row", true);
        check("SEE MORE: Protests spread to second campus", true);
        check("DON'T MISS", true);
        check(
            "Residents said they would follow the council's advice on water use.",
            false,
        );
        check(
            "Write to the ministry, the campaigners urged, and demand a reply.",
            false,
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in ".{0,200}") {
            let _ = is_furniture_line(&s);
        }
    }
}
