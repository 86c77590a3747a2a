//! Character references (`&amp;`, `&#8217;`, `&rsquo;`, `&copy` without a
//! semicolon) decoded the way a browser decodes them in text and in
//! attribute values.
//!
//! Named references use the full WHATWG table that the `html-escape` crate
//! ships (sorted, binary-searched); the legacy names a browser also accepts
//! without a semicolon are listed here. Numeric references follow the HTML
//! rules: zero, surrogates and values past U+10FFFF become U+FFFD, and
//! 0x80–0x9F are read as Windows-1252, as pages written in that encoding
//! expect.

use html_escape::NAMED_ENTITIES;
use memchr::memchr2;

/// Names a browser decodes even without the closing semicolon.
const LEGACY: &[&str] = &[
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH",
    "Eacute", "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute",
    "Ocirc", "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave",
    "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml",
    "brvbar", "ccedil", "cedil", "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave",
    "eth", "euml", "frac12", "frac14", "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest",
    "iuml", "laquo", "lt", "macr", "micro", "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve",
    "ordf", "ordm", "oslash", "otilde", "ouml", "para", "plusmn", "pound", "quot", "raquo", "reg", "sect",
    "shy", "sup1", "sup2", "sup3", "szlig", "thorn", "times", "uacute", "ucirc", "ugrave", "uml", "uuml",
    "yacute", "yen", "yuml",
];

/// Longest name in the table that is worth reading (longer runs of letters
/// after `&` are no reference).
const MAX_NAME: usize = 32;

/// Windows-1252 characters for the numeric references 0x80–0x9F.
const WINDOWS_1252: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
    0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

fn named(name: &str) -> Option<&'static str> {
    NAMED_ENTITIES
        .binary_search_by(|(n, _)| (*n).cmp(name.as_bytes()))
        .ok()
        .and_then(|i| NAMED_ENTITIES.get(i))
        .map(|(_, v)| *v)
}

fn numeric(value: u32) -> char {
    let value = match value {
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        v => v,
    };
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// Decode the character reference at the start of `s` (just after its
/// `&`). Returns the text it stands for and the bytes it used, or `None`
/// when `s` starts no reference and the `&` is literal.
fn reference(s: &str, in_attribute: bool) -> Option<(Decoded, usize)> {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b'#') {
        let hex = matches!(bytes.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let digits = bytes
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = s.get(start..start + digits)?;
        let radix = if hex { 16 } else { 10 };
        let value = u32::from_str_radix(text, radix).unwrap_or(u32::MAX);
        let mut used = start + digits;
        if bytes.get(used) == Some(&b';') {
            used += 1;
        }
        return Some((Decoded::Char(numeric(value)), used));
    }
    let len = bytes
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 || len > MAX_NAME {
        return None;
    }
    let name = s.get(..len)?;
    if bytes.get(len) == Some(&b';')
        && let Some(v) = named(name)
    {
        return Some((Decoded::Str(v), len + 1));
    }
    for end in (2..=len.min(6)).rev() {
        let prefix = s.get(..end)?;
        if LEGACY.contains(&prefix) {
            let next = bytes.get(end).copied();
            if in_attribute && next.is_some_and(|b| b == b'=' || b.is_ascii_alphanumeric()) {
                return None;
            }
            return named(prefix).map(|v| (Decoded::Str(v), end));
        }
    }
    None
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

/// Append `s` to `out` with its character references decoded and NUL
/// characters dropped. `in_attribute` applies the attribute-value rule for
/// legacy names (`?a=1&copy=2` keeps its `&copy`).
pub fn decode_into(s: &str, in_attribute: bool, out: &mut String) {
    let bytes = s.as_bytes();
    let mut pos = 0;
    while let Some(offset) = memchr2(b'&', 0, bytes.get(pos..).unwrap_or_default()) {
        let at = pos + offset;
        out.push_str(s.get(pos..at).unwrap_or_default());
        if bytes.get(at) == Some(&0) {
            pos = at + 1;
            continue;
        }
        let rest = s.get(at + 1..).unwrap_or_default();
        match reference(rest, in_attribute) {
            Some((decoded, used)) => {
                match decoded {
                    Decoded::Char(c) => out.push(c),
                    Decoded::Str(v) => out.push_str(v),
                }
                pos = at + 1 + used;
            }
            None => {
                out.push('&');
                pos = at + 1;
            }
        }
    }
    out.push_str(s.get(pos..).unwrap_or_default());
}

/// True when `s` holds something [`decode_into`] would change.
pub fn needs_decoding(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.len() < 32 {
        return bytes.iter().any(|&b| b == b'&' || b == 0);
    }
    memchr2(b'&', 0, bytes).is_some()
}

/// `s` with its character references decoded (text rules).
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_into(s, false, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, in_attribute: bool, expected: &str) {
        let mut out = String::new();
        decode_into(input, in_attribute, &mut out);
        assert_eq!(out, expected, "{input:?}");
    }

    #[test]
    fn references() {
        check("Tom &amp; Jerry", false, "Tom & Jerry");
        check("it&#8217;s &#x2014; &#X41;", false, "it’s — A");
        check("&rsquo;&hellip;&nbsp;", false, "’…\u{a0}");
        check("&copy 2024 &copy2024", false, "© 2024 ©2024");
        check("&notit; &notin;", false, "¬it; ∉");
        check("a & b &; &#; &#x; &zz;", false, "a & b &; &#; &#x; &zz;");
        check(
            "&#0; &#x110000; &#xD800; &#150;",
            false,
            "\u{FFFD} \u{FFFD} \u{FFFD} –",
        );
        check("&#99999999999999999999;", false, "\u{FFFD}");
        check("a\0b", false, "ab");
        check("?a=1&copy=2&amp=3&ampx", true, "?a=1&copy=2&amp=3&ampx");
        check("?a=1&copy;=2 &amp;", true, "?a=1©=2 &");
        check("&AMP;&amp", false, "&&");
    }

    #[test]
    fn needs() {
        assert!(needs_decoding("a &amp; b"));
        assert!(needs_decoding("a\0b"));
        assert!(!needs_decoding("plain"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(&#?[xX]?[0-9a-zA-Z]{0,8};?|[^&]{0,5}){0,12}") {
            let mut out = String::new();
            decode_into(&s, false, &mut out);
            decode_into(&s, true, &mut out);
        }
    }
}
