//! Plain-text cleanup: turns a scraped plain-text news article — headline,
//! datelines, bylines, share buttons, newsletter prompts and all — into a
//! title, a publication date, authors and a clean body.
//!
//! Why: plain text is the common ground of our sources (scraped `.txt`
//! files, feed and JSONL bodies, text pulled out of HTML). Every later stage
//! (sentences, quotes, dedup, clustering) works on byte spans of the body, so
//! the body must be free of page furniture and have stable paragraphs, and
//! the metadata the scrape only carries as text lines must be recovered.
//!
//! How, in order:
//! 1. normalise: CRLF/CR → LF, zero-width and control characters dropped,
//!    runs of whitespace → one space, lines trimmed;
//! 2. header zone (the lines before the first body line): the headline, date
//!    lines, bylines, bare author-name lines, reading-time lines and short
//!    category labels are taken out; a dateline prefix on the first body line
//!    (`date 2025-02-22 US officials…`) is split off;
//! 3. footer: author signatures, bylines and date lines at the very end are
//!    taken out, and so is a trailing list of links under a heading such as
//!    "Related Articles";
//! 4. boilerplate lines are dropped anywhere ([`is_boilerplate_line`] only
//!    matches whole lines, so a body sentence that mentions "share" stays),
//!    and so are lines starting with "By" that are bylines;
//! 5. paragraphs: each line is a paragraph unless the text is hard-wrapped,
//!    in which case wrapped lines are joined ([`normalize_paragraphs`]).
//!
//! The rules are general (no per-site lists) and conservative: when unsure a
//! line stays in the body, and mid-body subheadings and list items are kept.
//! Dates come only from [`crate::dates`], so nothing is invented. Nothing
//! here panics on any input, and [`clean_body`] and [`normalize_paragraphs`]
//! are idempotent (the body of [`clean_plain_text`] is a fixed point of
//! [`clean_body`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use sitrep_model::PublishedDate;

use crate::dates::{find_date, parse_date};
use crate::line_filters::is_furniture_line;

/// The parts of a scraped plain-text article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanText {
    /// Headline, when the first line is one.
    pub title: Option<String>,
    /// Date from a dateline or metadata line.
    pub published: Option<PublishedDate>,
    /// Authors from bylines.
    pub authors: Vec<String>,
    /// Body: paragraphs separated by one blank line.
    pub body: String,
}

/// Content lines (not blank) looked at for the header zone.
const MAX_HEADER_LINES: usize = 30;
/// Content lines looked at, from the end, for signatures and sign-offs.
const MAX_FOOTER_LINES: usize = 12;
/// A headline is at most this long …
const MAX_TITLE_CHARS: usize = 150;
/// … and has at most this many words.
const MAX_TITLE_WORDS: usize = 25;
/// A category label in the header zone is at most this long …
const MAX_LABEL_CHARS: usize = 60;
/// … and has at most this many words.
const MAX_LABEL_WORDS: usize = 6;
/// Metadata lines (datelines, bylines) are at most this long.
const MAX_META_CHARS: usize = 200;
/// Content lines at the top of the body still checked for date and byline
/// lines (they may sit under a standfirst).
const EARLY_BODY_LINES: usize = 3;
/// Longer lines are never boilerplate.
const MAX_BOILERPLATE_CHARS: usize = 500;

fn compile(pattern: &str) -> Regex {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(32 << 20)
        .build()
        .unwrap_or_else(|e| panic!("text_cleanup pattern {pattern:?}: {e}"))
}

/// "3 min read", "Reading time: 4 minutes".
const READ_TIME_PATTERNS: &[&str] = &[
    r"(?:about\s+|approx\.?\s+|~\s*)?\d{1,3}\s*[-–]?\s*(?:min|mins|minutes?)\.?\s+(?:read|reading(?:\s+time)?|to\s+read|listen)",
    r"(?:estimated\s+)?(?:reading|read)\s+time\s*[:\-–]?\s*(?:about\s+|approx\.?\s+|~\s*)?\d{1,3}\s*(?:min|mins|minutes?)",
];

/// Whole-line boilerplate, case-insensitive. Each entry must match the whole
/// line (trailing punctuation such as `:` or `»` aside).
const BOILERPLATE_PATTERNS: &[&str] = &[
    // sharing
    r"share(?:\s+this)?(?:\s+(?:article|story|post|page|link|full\s+article|options))?(?:\s+(?:on|via|with)\s+[\w.]+(?:\s+[\w.]+)?)?",
    r"(?:(?:facebook|twitter|x|whatsapp|e-?mail|print|linkedin|telegram|reddit|pinterest|messenger|tumblr|flipboard|copy\s+link|copy\s+url|link\s+copied|tweet|sms|bluesky|threads|mastodon|instagram|youtube|tiktok)(?-u:\b)[\s|•·,/]*)+",
    // comments
    r"(?:leave|post|add|write|submit)\s+an?\s+(?:comment|reply|response)",
    r"(?:\d+\s+)?comments?(?:\s*\(\d+\))?",
    r"(?:view|show|read|see|hide|load|open)\s+(?:all\s+)?(?:\d+\s+)?comments?",
    r"no\s+comments(?:\s+yet)?",
    r"join\s+the\s+(?:conversation|discussion|debate)",
    // advertising
    r"advert(?:isement)?s?|ad|sponsored(?:\s+content)?|paid\s+(?:post|content)|partner\s+content",
    r"(?:story\s+|article\s+)?continues\s+below(?:\s+(?:this\s+)?(?:advertisement|ad))?",
    r"scroll\s+(?:down\s+)?to\s+(?:continue|read\s+more)(?:\s+reading)?",
    r"continue\s+reading(?:\s+(?:the\s+)?(?:main\s+)?(?:story|article))?",
    // cross-links
    r"read\s+more|read\s+the\s+full\s+(?:story|article)|more\s+on\s+this\s+story",
    r"(?:read\s+(?:more|also|next)|also\s+read|see\s+also|related|more\s+on\s+this(?:\s+story)?|watch|listen)\s*[:|–—-]\s*.{1,150}",
    r"related(?:\s+(?:articles?|stories|news|content|posts?|topics|coverage|reading|links|videos?))?",
    r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|articles))?",
    r"most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|top\s+stories|editor'?s\s+picks?",
    r"more\s+(?:stories|news)|latest\s+(?:news|stories|videos?)",
    // newsletters, follows, apps
    r"(?:sign\s+up|subscribe|register)(?:\s+(?:now|here|today|for\s+free))?",
    r"(?:sign\s+up|subscribe)\s+(?:to|for)\s+.{0,120}?(?:newsletters?|updates|alerts|briefings?|digest|inbox|podcasts?|channel|emails?)(?-u:\b).{0,80}",
    r"get\s+(?:the\s+|our\s+)?(?:latest|daily|weekly|breaking|top)(?-u:\b).{0,100}?(?:newsletters?|inbox|emails?|alerts)(?-u:\b).{0,60}",
    r"follow\s+us(?:\s+on\s+.{1,80})?",
    r"follow\s+.{1,40}?\s+on\s+(?:twitter|x|facebook|instagram|linkedin|telegram|whatsapp|tiktok|youtube|threads|bluesky|mastodon|google\s+news|social\s+media)(?-u:\b).{0,80}",
    r"(?:like|join|find)\s+us\s+on\s+.{1,60}",
    r"download\s+(?:our|the)\s+(?:[\w-]+\s+){0,3}app(?-u:\b).{0,80}",
    r"(?:click|tap)\s+here(?-u:\b).{0,150}",
    // legal
    r"(?:copyright\s*)?(?:©.{0,150}|\(c\)\s*\d{4}.{0,150})",
    r"copyright\s+\d{4}.{0,150}",
    // navigation
    r"skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search|footer|article)",
    r"back\s+to\s+(?:top|home)|(?:next|previous|prev)\s+(?:article|story|post)|go\s+to\s+(?:top|homepage)",
    // photo credits and captions
    r"\(\s*(?:with\s+)?(?:an?\s+|the\s+)?(?:images?|photos?|pictures?|videos?|footage|graphics?)\s+(?:from|by|courtesy(?:\s+of)?|credit)(?-u:\b)[^)]{0,120}\)",
    r"with\s+(?:an?\s+|the\s+)?(?:images?|photos?|pictures?|videos?|footage)\s+(?:from|by|courtesy(?:\s+of)?)(?-u:\b).{0,80}",
    r"(?:images?|photos?|pictures?)\s+(?:by|courtesy(?:\s+of)?)\s+(?-i:\p{Lu})[\w.'’/-]*(?:\s+[\w.'’/-]+){0,5}",
    r"(?:photo|image|picture|file\s+photo|photograph|pic|photo\s+credit|image\s+credit|image\s+source|image\s+caption|media\s+caption|caption|credit|source\s+image)s?\s*[:|/]\s*.{0,250}",
    r"\(\s*(?:photo|image|picture|file\s+photo|credit)(?-u:\b)[^)]{0,150}\)",
    r"getty\s+images|(?:reuters|afp|ap|epa|anadolu(?:\s+agency)?)\s*/\s*[\w .'-]{1,60}",
    // wire sign-offs
    r"\(?\s*(?:additional\s+)?reporting\s+by(?-u:\b).{1,300}?(?:editing|writing)\s+by(?-u:\b).{1,200}",
    r"\(?\s*(?:additional\s+)?(?:editing|writing)\s+by(?-u:\b).{1,200}",
    r"\(?\s*(?:additional\s+)?reporting\s+by\s+(?-i:\p{Lu})[^;]{0,120}",
    // page furniture
    r"(?:(?:published|updated|posted|last\s+updated)\s*:?\s*)?(?:\d{1,3}|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago",
    r"[\w'’&.,-]+(?:\s+[\w'’&.,-]+){0,4}(?:\s+[>›»]\s+[\w'’&.,-]+(?:\s+[\w'’&.,-]+){0,4}){1,6}",
    r"loading|please\s+enable\s+javascript.{0,120}|(?:this\s+(?:site|website)|we)\s+uses?\s+cookies.{0,200}",
    r"listen\s+to\s+(?:this\s+)?(?:article|story)(?:\s*[\d:]+\s*(?:min|mins|minutes)?)?",
    r"(?:gift|save|print|email|e-mail)\s+(?:this\s+)?(?:article|story|page)",
    r"(?:text|font)\s+size",
    r"(?:tags?|topics?|filed\s+under|categories)\s*:.{0,200}",
    r"(?:report|suggest)\s+a\s+correction|corrections?\s+policy",
];

/// Punctuation that may trail a boilerplate line ("Read more »", "Share:").
const BOILERPLATE_TAIL: &str = r"[\s.:!…>»›|•·–—-]*";

static READ_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        "(?i)^(?:{}){BOILERPLATE_TAIL}$",
        READ_TIME_PATTERNS.join("|")
    ))
});

/// Whole-line boilerplate that may start with any text (`… All rights
/// reserved.`, `… via Getty Images`). Kept apart from
/// [`BOILERPLATE_PATTERNS`] so that the automaton of the others gives up on
/// a line of prose after a few words; these run only on lines that have
/// their key word ([`UNANCHORED_KEYS`]).
const UNANCHORED_PATTERNS: &[&str] = &[
    r".{0,120}(?-u:\b)all\s+rights\s+reserved(?-u:\b).{0,120}",
    r".{0,80}(?-u:\b)via\s+getty\s+images",
];

/// A word every [`UNANCHORED_PATTERNS`] line has.
static UNANCHORED_KEYS: LazyLock<Regex> = LazyLock::new(|| compile("(?i)reserved|getty"));

static UNANCHORED_BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        "(?i)^(?:{}){BOILERPLATE_TAIL}$",
        UNANCHORED_PATTERNS.join("|")
    ))
});

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    let all: Vec<&str> = READ_TIME_PATTERNS
        .iter()
        .chain(BOILERPLATE_PATTERNS)
        .copied()
        .collect();
    compile(&format!("(?i)^(?:{}){BOILERPLATE_TAIL}$", all.join("|")))
});

/// A heading that introduces a list of links to other articles.
static LINK_LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:related(?:\s+(?:articles?|stories|news|content|posts?|coverage|reading|links))?|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+(?:stories|news|from\s+.{{1,40}})|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+(?:for\s+you|stories|articles))?|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|top\s+stories|latest\s+(?:news|stories)|editor'?s\s+picks?){BOILERPLATE_TAIL}$"
    ))
});

/// A city dateline: `KARSK, March 4, 2025 — …` (the city in capitals).
static CITY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L} .]{1,30})?(?:\s*\([^)]{1,30}\))?,\s*")
});

/// An explicit byline: `By Jane Doe`, `Written by …`, `By: …`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:(?:written|posted|words|story|text|reported|compiled)\s+)?by(?:\s*[:\-–—]\s*|\s+)(?P<rest>.+)$",
    )
});

/// A labelled author field: `Author: Jane Doe`.
static AUTHOR_LABEL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^(?:authors?|writers?|reporters?|bylines?)\s*[:\-–—]\s*(?P<rest>.+)$"));

/// Separators between names in a byline.
static NAME_SPLIT: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\s*(?:[,;&]|\s+and\s+)\s*"));

/// A place or outlet after a name: `Jane Doe in Nairobi`, `… for Reuters`.
static NAME_SUFFIX: LazyLock<Regex> = LazyLock::new(|| compile(r"\s+(?:in|for|at|from)\s+\p{Lu}.*$"));

/// Separators between fields of a metadata line: `Jane Doe | 3 min read`.
static META_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| compile(r"\s*(?:\||•|·|◦|▪|\s[-–—]\s)\s*"));

/// A time of day on its own (`10:00 GMT`), a harmless metadata field.
static TIME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?$",
    )
});

/// A date label on its own (`Published:`), a harmless metadata field.
static DATE_LABEL_ONLY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^(?:published|updated|posted|last\s+updated|date|dated|on)\s*:?$"));

/// The label of a dateline prefix: `date`, `Published:`, `Updated on`.
static DATELINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:date|dated|published|posted|updated|last\s+updated|first\s+published)(?:\s+on)?(?-u:\b)\s*[:|–—-]?\s*",
    )
});

/// An explicit separator after a dateline's date.
static DATE_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| compile(r"^\s*[|:–—·•-]\s*"));

/// A list item: `- item`, `• item`, `1. item`, `2) item`.
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| compile(r"^(?:[-*•·–▪◦‣]\s|\d{1,3}[.)]\s)"));

/// A dotted abbreviation such as `U.S.` at the end of a line.
static TRAILING_ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| compile(r"(?:^|\s)(?:\p{L}\.){2,}$"));

/// News agencies and desks that appear in bylines but are not people.
#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "reuters", "afp", "ap", "associated press", "agence france-presse", "agence france presse",
    "bloomberg", "bloomberg news", "xinhua", "anadolu", "anadolu agency", "dpa", "efe", "ansa",
    "upi", "pa", "pa media", "tass", "ria novosti", "bbc", "bbc news", "cnn", "al jazeera",
    "aljazeera", "voa", "voice of america", "rfi", "france 24", "dw", "deutsche welle",
    "new york times", "washington post", "guardian", "news agencies", "agencies", "wire services",
];

/// Words that make a byline part a role or a desk rather than a person.
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "correspondent", "correspondents", "reporter", "reporters", "editor", "editors", "writer",
    "writers", "contributor", "contributors", "journalist", "journalists", "columnist", "staff",
    "desk", "bureau", "newsroom", "agencies", "agency", "wire", "wires", "team", "producer",
    "photographer",
];

/// Lower-case particles inside personal names (`Maria de Souza`).
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "dos", "das", "di", "du", "van", "von", "der", "den", "ter", "ten",
    "le", "la", "bin", "ibn", "al", "el", "y",
];

/// Words that never occur in a personal name: function words and the verbs
/// of Title-Case headlines.
#[rustfmt::skip]
const NAME_STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "in", "on", "for", "to", "with", "at", "by", "from", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "would", "can", "says",
    "said", "say", "new", "how", "why", "what", "who", "when", "where", "this", "that", "these",
    "those", "after", "before", "over", "as", "its", "it", "not", "no", "more", "his", "her",
    "their", "our", "your", "my", "we", "you", "they", "he", "she", "into", "amid", "against",
    "about", "than", "but", "if", "so", "up", "out", "off", "under", "via", "vs", "all", "calls",
    "urges", "agrees", "meets", "warns", "talks", "seeks", "rejects", "backs", "vows", "denies",
    "claims", "holds", "takes", "wins", "key", "quotes", "important", "context", "background",
    "read", "min", "share", "comments",
];

/// Words of section labels, places and organisations that look like names
/// in Title Case (`Middle East`, `World News`, `Burkina Faso`).
#[rustfmt::skip]
const NOT_NAME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "july", "september", "october", "november", "december", "today",
    "yesterday", "news", "world", "politics", "business", "opinion", "analysis", "sport", "sports",
    "health", "science", "technology", "tech", "economy", "markets", "culture", "live", "breaking",
    "latest", "update", "updates", "top", "stories", "story", "home", "features", "feature",
    "video", "videos", "photos", "gallery", "podcast", "international", "national", "local",
    "regional", "region", "conflict", "war", "security", "diplomacy", "government", "society",
    "environment", "climate", "energy", "defence", "defense", "crisis", "africa", "african",
    "europe", "european", "asia", "asian", "america", "americas", "american", "middle", "east",
    "west", "north", "south", "central", "eastern", "western", "northern", "southern", "united",
    "states", "kingdom", "nations", "republic", "democratic", "union", "council", "ministry",
    "department", "city", "province", "advertisement", "exclusive", "explainer", "editorial",
    "insight", "insights", "investigation", "special", "report", "reports", "press", "release",
    "statement", "global", "worldwide", "affairs", "foreign", "military", "army", "forces",
    "rights", "human", "humanitarian", "aid", "peace", "ceasefire", "election", "elections",
    "court", "law", "trade", "finance", "money", "lifestyle", "travel", "entertainment", "arts",
    "media", "education", "migration", "agriculture", "mining", "oil", "gas", "weather", "obituary",
    "obituaries", "letters", "sponsored", "partner", "content", "related", "tags", "topics",
    "section", "edition", "magazine", "daily", "weekly", "times", "post", "herald", "tribune",
    "journal", "gazette", "newsroom", "desk", "staff", "team", "faso", "leone", "rica", "arabia",
    "lanka", "zealand", "korea", "kong", "salvador", "guinea", "emirates", "verde", "timor", "york",
    "angeles", "delhi", "aires", "janeiro", "island", "islands", "gaza", "bank", "strip", "sea",
    "ocean", "gulf", "horn", "sahel", "valley", "territory", "state", "county", "district", "draft",
    "resolution", "summit", "agreement", "deal", "sanctions", "troops", "rebels", "attack", "talk",
];

/// Lower-case words that end a wrapped line mid-sentence (`… from the`).
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "from",
    "that", "as", "is", "are", "was", "were", "but", "its", "their", "his", "her", "into", "than",
    "about",
];

/// Clean a scraped plain-text article: take out the headline, datelines,
/// bylines and page furniture, and return them with a clean body.
///
/// `title` is the first line when it is a short headline followed by more
/// text; `published` comes from a date line in the header zone, a dateline
/// prefix on the first body line or a date line at the very end, and is
/// `None` when no date is stated; `authors` come from bylines, bare name
/// lines with some evidence (repeated, next to a date or reading time, or
/// signed at the end) and `Name, Agency` lines. `body` holds the remaining
/// paragraphs, separated by exactly one blank line.
pub fn clean_plain_text(raw: &str) -> CleanText {
    let mut lines = split_lines(raw);
    let mut found = Found::default();
    let header = scan_header(&lines, &mut found);
    if let (Some(rest), Some(line)) = (&header.first_line_rest, lines.get_mut(header.body_start)) {
        line.text.clone_from(rest);
    }
    let footer = scan_footer(&lines, header.body_start, &mut found, &header.names);
    accept_names(&header, &footer.signed, &mut found);

    let body_lines = lines.get(header.body_start..footer.end).unwrap_or(&[]);
    let body_lines = without_trailing_link_list(body_lines);
    let mut kept = Vec::with_capacity(body_lines.len());
    let mut content = 0;
    for (offset, line) in body_lines.iter().enumerate() {
        let text = line.text.as_str();
        if is_boilerplate_text(text) {
            continue;
        }
        if !text.is_empty() {
            content += 1;
        }
        // a date or byline line just under a standfirst still belongs to the header
        if content <= EARLY_BODY_LINES
            && content > 1
            && let Some(meta) = footer_meta(text)
        {
            found.apply(header.body_start + offset, meta);
            continue;
        }
        if BYLINE.is_match(text)
            && let Some((names, date)) = byline_parts(text)
            && !names.is_empty()
        {
            if let Some(date) = date {
                found.offer_date(date, false);
            }
            found.add_authors(header.body_start + offset, names);
            continue;
        }
        if is_furniture_line(text) {
            continue;
        }
        kept.push(line.clone());
    }
    let body = finish_body(&kept);
    let Found {
        title,
        published,
        authors,
        ..
    } = found;
    CleanText {
        title,
        published,
        authors: ordered_unique(authors),
        body,
    }
}

/// Clean a body that has no header of its own (a feed or JSONL body, text
/// extracted from HTML): drop boilerplate lines and bylines anywhere and
/// normalise the paragraphs. Idempotent.
pub fn clean_body(text: &str) -> String {
    clean_lines(split_lines(text))
}

/// [`clean_body`] of paragraphs that [`paragraphs`] made: the same as
/// cleaning them joined by blank lines, without joining and splitting
/// again.
pub(crate) fn clean_paragraphs(paragraphs: Vec<String>) -> String {
    let mut lines = Vec::with_capacity(paragraphs.len() * 2);
    for (i, text) in paragraphs.into_iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.push(Line {
            text,
            indented: false,
        });
    }
    clean_lines(lines)
}

fn clean_lines(mut lines: Vec<Line>) -> String {
    let kept = without_trailing_link_list(&lines).len();
    lines.truncate(kept);
    lines.retain(|line| {
        !is_boilerplate_text(&line.text) && !is_byline(&line.text) && !is_furniture_line(&line.text)
    });
    finish_body(&lines)
}

/// True for a line that is only a byline naming people ("By Jane Doe and
/// John Roe"); "By Friday, the rebels…" is not one.
fn is_byline(text: &str) -> bool {
    BYLINE.is_match(text) && byline_parts(text).is_some_and(|(names, _)| !names.is_empty())
}

/// Lines without a trailing list of links: a heading such as "Related
/// Articles" or "Read more" followed only by headline-shaped lines.
fn without_trailing_link_list(lines: &[Line]) -> &[Line] {
    let Some(heading) = lines.iter().rposition(|l| LINK_LIST_HEADING.is_match(&l.text)) else {
        return lines;
    };
    let after = &lines[heading + 1..];
    let mut links = 0;
    for line in after {
        let text = line.text.as_str();
        if text.is_empty() || is_boilerplate_line(text) {
            continue;
        }
        if !(title_like(text) || is_list_item(text)) || links >= MAX_FOOTER_LINES {
            return lines;
        }
        links += 1;
    }
    &lines[..heading]
}

/// Normalise text into paragraphs separated by exactly one blank line:
/// CRLF and lone CR become LF, zero-width and control characters are
/// dropped, runs of whitespace become one space, each line is a paragraph
/// except in hard-wrapped text, whose wrapped lines are joined with a space.
/// Keeps every other character and drops no text. Idempotent.
pub fn normalize_paragraphs(text: &str) -> String {
    join_paragraphs(&split_lines(text), |_, _| true)
}

/// The paragraphs of [`normalize_paragraphs`], each a normalised line.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_paragraph(&split_lines(text), |p, _| out.push(p.into_owned()));
    out
}

/// Whether a whole line is page furniture rather than article text:
/// reading times ("3 min read"), sharing and comment prompts, advertising
/// markers, cross-links ("Read more: …", "Related Articles"), newsletter and
/// follow prompts, copyright notices, navigation ("Skip to content"), photo
/// credits and captions, wire sign-offs ("Reporting by …; Editing by …"),
/// lone social-network labels, and lines without any letter or digit.
///
/// Only whole lines match, so a body sentence that merely mentions "share"
/// or "comment" is not boilerplate. Blank lines are not boilerplate.
pub fn is_boilerplate_line(line: &str) -> bool {
    if line.len() > 4 * MAX_BOILERPLATE_CHARS {
        return false;
    }
    is_boilerplate_text(&normalize_line(line).text)
}

/// [`is_boilerplate_line`] for a line already normalised
/// ([`normalize_line`]).
fn is_boilerplate_text(text: &str) -> bool {
    if text.is_empty() || text.len() > 4 * MAX_BOILERPLATE_CHARS || char_len(text) > MAX_BOILERPLATE_CHARS {
        return false;
    }
    if !text.chars().any(char::is_alphanumeric) {
        return true;
    }
    BOILERPLATE.is_match(text) || (UNANCHORED_KEYS.is_match(text) && UNANCHORED_BOILERPLATE.is_match(text))
}

/// The personal names in a byline (`By Jane Doe and John Roe`, `Written by
/// JANE DOE in Nairobi`, `Author: Jane Doe, Senior Correspondent`) or in a
/// bare author string (`Jane Doe, John Roe, Reuters`), in order. Agencies and
/// job titles are accepted but not returned, a trailing date is ignored and
/// all-capital names are put in title case. `None` when the text is not a
/// byline (`By Friday, the rebels had left.`).
pub fn parse_byline(text: &str) -> Option<Vec<String>> {
    let line = normalize_line(text).text;
    if let Some((names, _)) = byline_parts(&line) {
        return Some(names);
    }
    if char_len(&line) > MAX_META_CHARS {
        return None;
    }
    split_names(strip_trailing_date(&line).0).map(|(names, _)| names)
}

/// Whether a short text has the shape of one personal name: two to four
/// capitalised words (initials and particles such as `de` or `al-` allowed),
/// no digits, no function words, and none of the words of section labels or
/// places (`Middle East`, `The United States`).
pub fn looks_like_person_name(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || char_len(text) > 60 {
        return false;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if !(2..=5).contains(&tokens.len()) {
        return false;
    }
    let mut capitalised = 0;
    let mut full_words = 0;
    let mut all_caps = 0;
    let mut mixed = 0;
    for (k, token) in tokens.iter().enumerate() {
        let lower = token.to_lowercase();
        if NAME_PARTICLES.contains(&lower.as_str()) {
            if k == 0 || k + 1 == tokens.len() {
                return false;
            }
            continue;
        }
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if NAME_STOPWORDS.contains(&bare)
            || NOT_NAME_WORDS.contains(&bare)
            || ROLE_WORDS.contains(&bare)
            || !is_name_token(token)
        {
            return false;
        }
        capitalised += 1;
        let letters = token.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && !token.ends_with('.') {
            full_words += 1;
            if token.chars().any(char::is_lowercase) {
                mixed += 1;
            } else {
                all_caps += 1;
            }
        }
    }
    (2..=4).contains(&capitalised) && full_words >= 1 && (all_caps == 0 || mixed == 0)
}

// ---------------------------------------------------------------------------
// Lines and paragraphs

/// One normalised line: trimmed, whitespace runs collapsed.
#[derive(Debug, Clone, Default)]
struct Line {
    text: String,
    /// The raw line started with whitespace (a paragraph indent).
    indented: bool,
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}')
        || (c.is_control() && !c.is_whitespace())
}

fn split_lines(raw: &str) -> Vec<Line> {
    let unified;
    let text = if raw.contains('\r') {
        unified = raw.replace("\r\n", "\n");
        unified.as_str()
    } else {
        raw
    };
    if is_plain(text) {
        return text
            .split('\n')
            .map(|line| Line {
                text: line.to_owned(),
                indented: false,
            })
            .collect();
    }
    text.split(is_line_break).map(normalize_line).collect()
}

/// True when every line of `text` is already normalised and `\n` is its
/// only line break: no leading, trailing or doubled spaces, no other
/// whitespace, no control or invisible characters. Checked on bytes; only
/// the encodings of the non-ASCII whitespace, invisible and control
/// characters [`normalize_line`] changes are looked for.
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut prev = b'\n';
    for (i, &b) in bytes.iter().enumerate() {
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let ok = match b {
            b' ' => prev != b' ' && prev != b'\n',
            b'\n' => prev != b' ',
            0x00..=0x1F | 0x7F => false,
            // U+0080–U+00A0 (C1 controls, NEL, no-break space), U+00AD
            0xC2 => !matches!(next(1), 0x80..=0xA0 | 0xAD),
            // U+1680, U+180E
            0xE1 => !matches!((next(1), next(2)), (0x9A, 0x80) | (0xA0, 0x8E)),
            // U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+2060
            0xE2 => !matches!(
                (next(1), next(2)),
                (0x80, 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F | 0xA0)
            ),
            // U+3000
            0xE3 => !matches!((next(1), next(2)), (0x80, 0x80)),
            // U+FEFF
            0xEF => !matches!((next(1), next(2)), (0xBB, 0xBF)),
            _ => true,
        };
        if !ok {
            return false;
        }
        prev = b;
    }
    prev != b' '
}

fn normalize_line(raw: &str) -> Line {
    let mut text = String::with_capacity(raw.len());
    let mut pending_space = false;
    let mut leading_space = false;
    let mut run_start: Option<usize> = None;
    for (i, c) in raw.char_indices() {
        let space = c.is_whitespace();
        if !space && !is_invisible(c) {
            if pending_space {
                text.push(' ');
                pending_space = false;
            }
            if run_start.is_none() {
                run_start = Some(i);
            }
            continue;
        }
        if let Some(start) = run_start.take() {
            text.push_str(raw.get(start..i).unwrap_or_default());
        }
        if space {
            if text.is_empty() {
                leading_space = true;
            } else {
                pending_space = true;
            }
        }
    }
    if let Some(start) = run_start {
        text.push_str(raw.get(start..).unwrap_or_default());
    }
    let indented = leading_space && !text.is_empty();
    Line { text, indented }
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn is_list_item(s: &str) -> bool {
    let bytes = s.as_bytes();
    let space_after = |at: usize| {
        s.get(at..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
    };
    match bytes.first() {
        Some(b'-' | b'*') => space_after(1),
        Some(b) if b.is_ascii_digit() => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                _ if digits > 3 => false,
                Some(b'.' | b')') => space_after(digits + 1),
                Some(&b) if b >= 0x80 => LIST_ITEM.is_match(s),
                _ => false,
            }
        }
        Some(&b) if b >= 0x80 => LIST_ITEM.is_match(s),
        _ => false,
    }
}

/// The last character that is not a closing quote or bracket.
fn last_significant_char(s: &str) -> Option<char> {
    s.chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_'))
}

/// Ends like a sentence (or an introduction to a list or quote).
fn ends_sentence(s: &str) -> bool {
    matches!(last_significant_char(s), Some('.' | '!' | '?' | '…' | ':'))
}

/// Ends in the middle of a sentence: a comma, a dash, a function word.
fn ends_mid_sentence(s: &str) -> bool {
    if matches!(s.chars().last(), Some(',' | ';' | '—' | '–' | '(' | '/' | '&')) {
        return true;
    }
    s.rsplit(' ').next().is_some_and(|w| FUNCTION_WORDS.contains(&w))
}

fn starts_lowercase(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«'))
        .is_some_and(char::is_lowercase)
}

/// Width of a hard-wrapped block, or `None` when the block's lines are not
/// wrapped at a common width. A wrapped block has three or more lines whose
/// non-final lines are all of similar length (or end a sentence early) and
/// mostly stop mid-sentence.
fn wrap_width(block: &[Line]) -> Option<usize> {
    if block.len() < 3 {
        return None;
    }
    let (last, body) = block.split_last()?;
    let width = body.iter().map(|l| char_len(&l.text)).max()?;
    if !(40..=110).contains(&width) || char_len(&last.text) > width + 5 {
        return None;
    }
    let slack = (width / 3).max(20);
    let mut wrapped = 0;
    for line in body {
        if is_list_item(&line.text) {
            return None;
        }
        let long = char_len(&line.text) + slack >= width;
        match (long, ends_sentence(&line.text)) {
            (true, false) => wrapped += 1,
            (false, false) => return None,
            _ => {}
        }
    }
    (wrapped * 3 >= body.len() * 2).then_some(width)
}

fn should_join(prev: &Line, next: &Line, width: Option<usize>) -> bool {
    if is_list_item(&next.text) {
        return false;
    }
    let lowercase_next = starts_lowercase(&next.text);
    if is_list_item(&prev.text) {
        return lowercase_next && !ends_sentence(&prev.text);
    }
    if let Some(width) = width {
        if next.indented && !prev.indented {
            return false;
        }
        let long = char_len(&prev.text) + (width / 3).max(20) >= width;
        return long || lowercase_next;
    }
    if lowercase_next {
        return !matches!(last_significant_char(&prev.text), Some('!' | '?' | '…' | ':'));
    }
    !ends_sentence(&prev.text) && ends_mid_sentence(&prev.text)
}

fn push_joined(current: &mut String, next: &str) {
    let mut tail = current.chars().rev();
    let hyphenated = tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase);
    if !hyphenated {
        current.push(' ');
    }
    current.push_str(next);
}

/// Paragraphs of normalised lines: blank lines separate blocks, and inside a
/// block each line is a paragraph unless it continues the previous one.
/// Each is given to `emit` with whether it joins several lines (a paragraph
/// of one line is lent, not copied).
fn for_each_paragraph<'l>(lines: &'l [Line], mut emit: impl FnMut(Cow<'l, str>, bool)) {
    for block in lines.split(|l| l.text.is_empty()) {
        let Some((first, rest)) = block.split_first() else {
            continue;
        };
        let width = wrap_width(block);
        let mut current: Cow<'l, str> = Cow::Borrowed(&first.text);
        let mut joined = false;
        let mut prev = first;
        for line in rest {
            if should_join(prev, line, width) {
                push_joined(current.to_mut(), &line.text);
                joined = true;
            } else {
                emit(std::mem::replace(&mut current, Cow::Borrowed(&line.text)), joined);
                joined = false;
            }
            prev = line;
        }
        emit(current, joined);
    }
}

/// Paragraphs joined by a blank line.
fn join_paragraphs(lines: &[Line], keep: impl Fn(&str, bool) -> bool) -> String {
    let mut out = String::new();
    for_each_paragraph(lines, |p, joined| {
        if keep(&p, joined) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&p);
        }
    });
    out
}

/// The body of lines already screened line by line: paragraphs, with the
/// ones that join several lines screened again as a whole.
fn finish_body(lines: &[Line]) -> String {
    join_paragraphs(lines, |p, joined| !joined || !is_boilerplate_text(p))
}

// ---------------------------------------------------------------------------
// Metadata lines

/// What a metadata line says.
#[derive(Debug, Default)]
struct Meta {
    date: Option<(PublishedDate, bool)>,
    names: Vec<String>,
    /// Recognised metadata fields (date, byline, reading time).
    facts: usize,
}

impl Meta {
    fn merge(&mut self, other: Meta) {
        if self.date.is_none() {
            self.date = other.date;
        }
        self.names.extend(other.names);
        self.facts += other.facts;
    }
}

/// What has been found so far.
#[derive(Debug, Default)]
struct Found {
    title: Option<String>,
    published: Option<PublishedDate>,
    published_is_update: bool,
    /// Authors with the index of the line that named them.
    authors: Vec<(usize, String)>,
}

impl Found {
    /// Keep the first date, but let a publication date replace an update.
    fn offer_date(&mut self, date: PublishedDate, is_update: bool) {
        let replace = match self.published {
            None => true,
            Some(_) => self.published_is_update && !is_update,
        };
        if replace {
            self.published = Some(date);
            self.published_is_update = is_update;
        }
    }

    fn add_authors(&mut self, at: usize, names: Vec<String>) {
        self.authors.extend(names.into_iter().map(|n| (at, n)));
    }

    fn apply(&mut self, at: usize, meta: Meta) {
        if let Some((date, is_update)) = meta.date {
            self.offer_date(date, is_update);
        }
        self.add_authors(at, meta.names);
    }

    fn knows_author(&self, key: &str) -> bool {
        self.authors.iter().any(|(_, a)| a.to_lowercase() == key)
    }
}

/// Authors in line order, each once (compared case-insensitively).
fn ordered_unique(mut authors: Vec<(usize, String)>) -> Vec<String> {
    authors.sort_by_key(|(at, _)| *at);
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (_, name) in authors {
        let key = name.to_lowercase();
        if !seen.contains(&key) {
            seen.push(key);
            out.push(name);
        }
    }
    out
}

fn is_read_time(text: &str) -> bool {
    char_len(text) <= 60 && READ_TIME.is_match(text)
}

fn is_update_label(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    ["updated", "last updated", "modified", "last modified", "edited"]
        .iter()
        .any(|l| lower.starts_with(l))
}

/// One metadata field on its own: a reading time, a date, a byline, or a
/// `Name, Agency` attribution.
fn meta_part(text: &str) -> Option<Meta> {
    if is_read_time(text) {
        return Some(Meta {
            facts: 1,
            ..Meta::default()
        });
    }
    if let Some(date) = parse_date(text) {
        return Some(Meta {
            date: Some((date, is_update_label(text))),
            facts: 1,
            ..Meta::default()
        });
    }
    if let Some((names, date)) = byline_parts(text) {
        return Some(Meta {
            date: date.map(|d| (d, false)),
            names,
            facts: 1,
        });
    }
    attribution(text).map(|names| Meta {
        names,
        facts: 1,
        ..Meta::default()
    })
}

/// A whole metadata line: one field, or several separated by `|`, `•`, ` - `
/// (`Jane Doe | Reuters | March 3, 2025`).
fn meta_line(text: &str) -> Option<Meta> {
    if char_len(text) > MAX_META_CHARS {
        return None;
    }
    if let Some(meta) = meta_part(text) {
        return Some(meta);
    }
    let parts: Vec<&str> = META_SEPARATOR
        .split(text)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut meta = Meta::default();
    let mut harmless = 0;
    for part in parts {
        if let Some(m) = meta_part(part) {
            meta.merge(m);
        } else if is_agency_or_role(part) || TIME_ONLY.is_match(part) || DATE_LABEL_ONLY.is_match(part) {
            harmless += 1;
        } else if looks_like_person_name(part) {
            meta.names.push(tidy_name(part));
        } else {
            return None;
        }
    }
    (meta.facts > 0 || (harmless > 0 && !meta.names.is_empty())).then_some(meta)
}

/// A footer line that carries metadata: a byline, an attribution or a date.
fn footer_meta(text: &str) -> Option<Meta> {
    meta_line(text).filter(|m| m.date.is_some() || !m.names.is_empty())
}

fn is_agency_or_role(part: &str) -> bool {
    let lower = part.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower).trim();
    if AGENCIES.contains(&lower) {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words
            .iter()
            .any(|w| ROLE_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Names (and whether an agency or role was seen) in a list such as
/// `Jane Doe, John Roe and Reuters staff`; `None` when a part is neither.
fn split_names(text: &str) -> Option<(Vec<String>, bool)> {
    let mut names = Vec::new();
    let mut agency = false;
    for part in NAME_SPLIT.split(text) {
        let part = clean_name_part(part);
        if part.is_empty() {
            continue;
        }
        if is_agency_or_role(part) {
            agency = true;
        } else if looks_like_person_name(part) {
            names.push(tidy_name(part));
        } else {
            return None;
        }
    }
    (!names.is_empty() || agency).then_some((names, agency))
}

fn clean_name_part(part: &str) -> &str {
    let part = part.trim().trim_end_matches([',', ';', ':']).trim();
    let part = NAME_SUFFIX.find(part).map_or(part, |m| &part[..m.start()]);
    match part.strip_suffix('.') {
        Some(head) if head.rsplit(' ').next().is_some_and(|w| w.chars().count() >= 3) => head,
        _ => part,
    }
}

/// All-capital names in title case; others as written.
fn tidy_name(name: &str) -> String {
    let name = name.trim().trim_end_matches([',', ';', ':']).trim();
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut prev_letter = false;
    for c in name.chars() {
        if prev_letter {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        prev_letter = c.is_alphabetic();
    }
    out
}

fn is_name_token(token: &str) -> bool {
    let token = token.trim_end_matches(',');
    let prefixes = [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ibn-", "bin-", "d'", "d’", "l'",
        "l’",
    ];
    let body = prefixes
        .iter()
        .find_map(|p| token.strip_prefix(p))
        .unwrap_or(token);
    let mut chars = body.chars();
    let starts_upper = chars.next().is_some_and(char::is_uppercase);
    let rest_ok = chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    // a trailing period only after an initial or a short abbreviation (`J.`, `Jr.`)
    let period_ok = !body.ends_with('.') || letters <= 2;
    starts_upper && rest_ok && period_ok
}

/// Names on a bare name line: `Jane Doe` or `Jane Doe and John Roe`.
fn bare_names(text: &str) -> Option<Vec<String>> {
    if char_len(text) > 120 {
        return None;
    }
    let mut names = Vec::new();
    for part in NAME_SPLIT.split(text) {
        let part = part.trim();
        if !looks_like_person_name(part) {
            return None;
        }
        names.push(tidy_name(part));
    }
    (!names.is_empty()).then_some(names)
}

fn name_key(names: &[String]) -> String {
    names.join(", ").to_lowercase()
}

/// Names and a date from an explicit byline (`By …`, `Author: …`).
fn byline_parts(text: &str) -> Option<(Vec<String>, Option<PublishedDate>)> {
    if char_len(text) > MAX_META_CHARS {
        return None;
    }
    let caps = BYLINE.captures(text).or_else(|| AUTHOR_LABEL.captures(text))?;
    let rest = caps.name("rest")?.as_str();
    let (rest, date) = strip_trailing_date(rest);
    let rest = strip_trailing_agency(rest);
    let (names, _) = split_names(rest)?;
    Some((names, date))
}

/// `Jane Doe, Reuters`: names followed by an agency or a role.
fn attribution(text: &str) -> Option<Vec<String>> {
    if !text.contains(',') || char_len(text) > MAX_META_CHARS {
        return None;
    }
    let (names, agency) = split_names(text)?;
    (agency && !names.is_empty()).then_some(names)
}

/// Split a trailing date (and its `on` / `|` / `Published`) off a byline.
fn strip_trailing_date(text: &str) -> (&str, Option<PublishedDate>) {
    let Some(found) = find_date(text) else {
        return (text, None);
    };
    let after = &text[found.span.end..];
    let only_noise = after
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ')' | '|' | '-'));
    if !only_noise {
        return (text, None);
    }
    let mut before = &text[..found.span.start];
    loop {
        let trimmed = before.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | ':' | '-' | '–' | '—' | '(')
        });
        let (head, last) = trimmed.rsplit_once(' ').unwrap_or(("", trimmed));
        let label = matches!(
            last.to_lowercase().as_str(),
            "on" | "published" | "updated" | "posted" | "date" | "dated" | "last"
        );
        if label && !last.is_empty() {
            before = head;
        } else {
            return (trimmed, Some(found.date));
        }
    }
}

/// Drop a trailing `(Reuters)` or `/ AFP` from a byline.
fn strip_trailing_agency(text: &str) -> &str {
    let text = text.trim();
    if let Some(inner) = text.strip_suffix(')')
        && let Some((head, agency)) = inner.rsplit_once('(')
        && is_agency_or_role(agency)
    {
        return head.trim();
    }
    if let Some((head, agency)) = text.rsplit_once('/')
        && is_agency_or_role(agency)
    {
        return head.trim();
    }
    text
}

/// A dateline prefix: `date 2025-02-22 US officials …`, `Published: March 3,
/// 2025 — The council …`, `January 29, 2025 — Rebels …`. Returns the date
/// and the text after it. A date inside a sentence is never a prefix.
fn strip_dateline_prefix(text: &str) -> Option<(PublishedDate, &str)> {
    let label_end = DATELINE_LABEL.find(text).map_or(0, |m| m.end());
    let tail = text.get(label_end..)?;
    let found = find_date(tail)?;
    if found.span.start != 0 {
        return None;
    }
    let after = tail.get(found.span.end..)?;
    let (separated, rest) = match DATE_SEPARATOR.find(after) {
        Some(m) => (true, &after[m.end()..]),
        None => (false, after),
    };
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    let spaced = after.starts_with(char::is_whitespace);
    let sentence_start = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\'' | '«'));
    let accepted = if label_end > 0 {
        separated || spaced
    } else {
        separated || (spaced && sentence_start)
    };
    accepted.then_some((found.date, rest))
}

// ---------------------------------------------------------------------------
// Header and footer

/// What a header-zone line turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Noise,
    Meta,
    Title,
    Label,
    /// A bare name line: index into [`HeaderScan::names`].
    Name(usize),
}

/// A bare name line in the header zone; authors only with evidence.
#[derive(Debug)]
struct NameLine {
    index: usize,
    names: Vec<String>,
    key: String,
}

#[derive(Debug, Default)]
struct HeaderScan {
    /// Index of the first body line.
    body_start: usize,
    /// The first body line without its dateline prefix, when it had one.
    first_line_rest: Option<String>,
    names: Vec<NameLine>,
    /// Non-blank header lines, in order.
    kinds: Vec<(usize, Kind)>,
}

/// Index of the next line at or after `from` that is neither blank nor
/// boilerplate.
fn next_content(lines: &[Line], from: usize) -> Option<usize> {
    lines
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, l)| !l.text.is_empty() && !is_boilerplate_line(&l.text))
        .map(|(i, _)| i)
}

/// The block (lines up to the next blank line) starting at `i`.
fn block_from(lines: &[Line], i: usize) -> &[Line] {
    let rest = lines.get(i..).unwrap_or(&[]);
    let end = rest.iter().position(|l| l.text.is_empty()).unwrap_or(rest.len());
    &rest[..end]
}

/// Shape of a headline: short, no sentence-final period, not a list item.
fn title_like(text: &str) -> bool {
    let words = word_count(text);
    if !(2..=MAX_TITLE_WORDS).contains(&words) || char_len(text) > MAX_TITLE_CHARS {
        return false;
    }
    if !text.chars().any(char::is_alphabetic) || is_list_item(text) || ends_mid_sentence(text) {
        return false;
    }
    match last_significant_char(text) {
        Some(',' | ';' | ':') | None => false,
        Some('.') => text.ends_with("...") || TRAILING_ABBREVIATION.is_match(text),
        Some(_) => true,
    }
}

/// Whether line `i` (read as `text`) is the headline: title-shaped, followed
/// by more text, and not the first line of a wrapped paragraph.
fn is_title_at(lines: &[Line], i: usize, text: &str) -> bool {
    if !title_like(text) || lines.get(i + 1).is_some_and(|l| starts_lowercase(&l.text)) {
        return false;
    }
    let Some(next) = next_content(lines, i + 1) else {
        return false;
    };
    let next_text = lines[next].text.as_str();
    if next_text.to_lowercase() == text.to_lowercase() {
        return false;
    }
    if looks_like_person_name(text) && (is_read_time(next_text) || meta_line(next_text).is_some()) {
        return false;
    }
    wrap_width(block_from(lines, i)).is_none()
}

/// A short label line in the header zone (`World`, `The United States`).
fn is_header_label(lines: &[Line], i: usize) -> bool {
    let text = lines[i].text.as_str();
    let words = word_count(text);
    (1..=MAX_LABEL_WORDS).contains(&words)
        && char_len(text) <= MAX_LABEL_CHARS
        && text.chars().any(char::is_alphabetic)
        && !ends_sentence(text)
        && !ends_mid_sentence(text)
        && !is_list_item(text)
        && !lines.get(i + 1).is_some_and(|l| starts_lowercase(&l.text))
}

/// A one- or two-word category label just above the headline.
fn is_category_before_title(lines: &[Line], i: usize) -> bool {
    if word_count(&lines[i].text) > 2 || !is_header_label(lines, i) {
        return false;
    }
    let Some(next) = next_content(lines, i + 1) else {
        return false;
    };
    let next_text = lines[next].text.as_str();
    word_count(next_text) >= 3 && meta_line(next_text).is_none() && is_title_at(lines, next, next_text)
}

fn split_prefix(text: &str) -> (Option<PublishedDate>, &str) {
    match strip_dateline_prefix(text) {
        Some((date, rest)) => (Some(date), rest),
        None => (None, text),
    }
}

fn classify_header_line(lines: &[Line], i: usize, found: &mut Found, scan: &mut HeaderScan) -> Option<Kind> {
    let text = lines[i].text.as_str();
    if is_read_time(text) {
        return Some(Kind::Meta);
    }
    if is_boilerplate_line(text) {
        return Some(Kind::Noise);
    }
    if let Some(meta) = meta_line(text) {
        found.apply(i, meta);
        return Some(Kind::Meta);
    }
    if let Some(title) = &found.title {
        if title.to_lowercase() == text.to_lowercase() {
            return Some(Kind::Noise);
        }
    } else {
        if is_category_before_title(lines, i) {
            return Some(Kind::Label);
        }
        let (date, rest) = split_prefix(text);
        if is_title_at(lines, i, rest) {
            if let Some(date) = date {
                found.offer_date(date, is_update_label(text));
            }
            found.title = Some(rest.to_owned());
            return Some(Kind::Title);
        }
    }
    if let Some(names) = bare_names(text) {
        let key = name_key(&names);
        scan.names.push(NameLine { index: i, names, key });
        return Some(Kind::Name(scan.names.len() - 1));
    }
    is_header_label(lines, i).then_some(Kind::Label)
}

/// Walk the header zone: everything before the first body line.
fn scan_header(lines: &[Line], found: &mut Found) -> HeaderScan {
    let mut scan = HeaderScan::default();
    let mut content = 0;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].text.is_empty() {
            i += 1;
            continue;
        }
        content += 1;
        if content > MAX_HEADER_LINES {
            break;
        }
        match classify_header_line(lines, i, found, &mut scan) {
            Some(kind) => scan.kinds.push((i, kind)),
            None => break,
        }
        i += 1;
    }
    if i >= lines.len()
        && let Some(&(first_label, _)) = scan.kinds.iter().find(|(_, k)| *k == Kind::Label)
    {
        // No body line after the labels: they were the body after all.
        i = first_label;
        scan.kinds.retain(|(at, _)| *at < first_label);
        scan.names.retain(|n| n.index < first_label);
    }
    scan.body_start = i;
    if let Some(line) = lines.get(i) {
        if let Some((date, rest)) = strip_dateline_prefix(&line.text) {
            found.offer_date(date, is_update_label(&line.text));
            scan.first_line_rest = Some(rest.to_owned());
        } else if let Some(date) = city_dateline_date(&line.text) {
            found.offer_date(date, false);
        }
    }
    scan
}

/// The date of a city dateline (`KARSK, March 4, 2025 — The port …`); the
/// line itself stays in the body, as the place is part of the report.
fn city_dateline_date(text: &str) -> Option<PublishedDate> {
    let city = CITY_DATELINE.find(text)?;
    let tail = text.get(city.end()..)?;
    let found = find_date(tail)?;
    if found.span.start != 0 {
        return None;
    }
    let after = tail.get(found.span.end..)?;
    DATE_SEPARATOR
        .find(after)
        .filter(|m| !after[m.end()..].trim().is_empty())
        .map(|_| found.date)
}

/// Where the body ends, and the (lower-case) name lines signed at the end.
#[derive(Debug)]
struct Footer {
    end: usize,
    signed: Vec<String>,
}

/// Walk back from the end over boilerplate, signatures (a name already seen
/// in the header), bylines and date lines.
fn scan_footer(lines: &[Line], body_start: usize, found: &mut Found, names: &[NameLine]) -> Footer {
    let mut end = lines.len();
    let mut signed = Vec::new();
    let mut content = 0;
    while end > body_start {
        let idx = end - 1;
        let text = lines[idx].text.as_str();
        if text.is_empty() || is_boilerplate_line(text) {
            end -= 1;
            continue;
        }
        content += 1;
        if content > MAX_FOOTER_LINES {
            break;
        }
        let unsigned = text.trim_start_matches(['-', '–', '—', ' ']);
        if let Some(list) = bare_names(unsigned) {
            let key = name_key(&list);
            if found.knows_author(&key) || names.iter().any(|n| n.key == key) {
                signed.push(key);
                end -= 1;
                continue;
            }
        }
        if let Some(meta) = footer_meta(text) {
            found.apply(idx, meta);
            end -= 1;
            continue;
        }
        break;
    }
    Footer { end, signed }
}

/// The kinds of the nearest non-noise header lines before and after the
/// header line at position `pos` of `kinds`.
fn neighbours(kinds: &[(usize, Kind)], pos: usize) -> [Option<Kind>; 2] {
    let before = kinds[..pos]
        .iter()
        .rev()
        .map(|(_, k)| *k)
        .find(|k| *k != Kind::Noise);
    let after = kinds
        .get(pos + 1..)
        .unwrap_or(&[])
        .iter()
        .map(|(_, k)| *k)
        .find(|k| *k != Kind::Noise);
    [before, after]
}

/// Decide which bare name lines are authors: repeated, signed at the end,
/// next to a metadata line, a short plain name right under the headline, or
/// next to another accepted name.
fn accept_names(scan: &HeaderScan, signed: &[String], found: &mut Found) {
    let count = scan.names.len();
    if count == 0 {
        return;
    }
    let position = |k: usize| scan.kinds.iter().position(|(_, kind)| *kind == Kind::Name(k));
    let mut accepted = vec![false; count];
    for (k, name) in scan.names.iter().enumerate() {
        let repeated = scan.names.iter().filter(|m| m.key == name.key).count() >= 2;
        let near = position(k)
            .map(|p| neighbours(&scan.kinds, p))
            .unwrap_or_default();
        let next_to_meta = near.contains(&Some(Kind::Meta));
        let under_title = near[0] == Some(Kind::Title)
            && name.names.len() == 1
            && word_count(&name.names[0]) <= 3
            && name.names[0].chars().any(char::is_lowercase);
        accepted[k] = repeated || signed.contains(&name.key) || next_to_meta || under_title;
    }
    loop {
        let mut changed = false;
        for k in 0..count {
            if accepted[k] {
                continue;
            }
            let near = position(k)
                .map(|p| neighbours(&scan.kinds, p))
                .unwrap_or_default();
            if near
                .iter()
                .any(|n| matches!(n, Some(Kind::Name(j)) if accepted.get(*j).copied().unwrap_or(false)))
            {
                accepted[k] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (name, ok) in scan.names.iter().zip(accepted) {
        if ok {
            found.add_authors(name.index, name.names.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One invented article and what cleaning it must give.
    struct Case {
        name: &'static str,
        input: &'static str,
        title: Option<&'static str>,
        published: Option<&'static str>,
        authors: &'static [&'static str],
        body: &'static str,
    }

    fn check(case: &Case) {
        let got = clean_plain_text(case.input);
        let name = case.name;
        assert_eq!(got.title.as_deref(), case.title, "{name}: title");
        assert_eq!(
            got.published.map(|d| d.to_string()).as_deref(),
            case.published,
            "{name}: published"
        );
        assert_eq!(got.authors, case.authors, "{name}: authors");
        assert_eq!(got.body, case.body, "{name}: body");
        assert_eq!(clean_body(&got.body), got.body, "{name}: body is a fixed point");
        assert_eq!(
            normalize_paragraphs(&got.body),
            got.body,
            "{name}: paragraphs are a fixed point"
        );
        // A second full pass may only take a headline-shaped first paragraph
        // (such as a standfirst without a full stop) off the front.
        let again = clean_plain_text(&got.body);
        assert!(
            again.body == got.body || (again.title.is_some() && got.body.ends_with(&again.body)),
            "{name}: cleaning the body again changed it: {:?}",
            again.body
        );
    }

    const CASES: &[Case] = &[
        Case {
            name: "headline, byline, dateline, reading time, share footer",
            input: "Coastal Ministers Agree on Fishing Truce in Marenne Bay\n\n\
                    By Lila Okonkwo-Berg and Tomas Ferrante\n\
                    Published: March 3, 2025 10:00 GMT\n\
                    3 Min Read\n\
                    Share\n\n\
                    Fisheries ministers from Asteria and Velmont agreed on Monday to suspend trawling in the disputed bay for ninety days.\n\n\
                    The truce follows weeks of confrontations between patrol boats.\n\n\
                    Share this Article\n\
                    Leave a comment\n\
                    Advertisement\n",
            title: Some("Coastal Ministers Agree on Fishing Truce in Marenne Bay"),
            published: Some("2025-03-03T10:00:00Z"),
            authors: &["Lila Okonkwo-Berg", "Tomas Ferrante"],
            body: "Fisheries ministers from Asteria and Velmont agreed on Monday to suspend trawling in the disputed bay for ninety days.\n\n\
                   The truce follows weeks of confrontations between patrol boats.",
        },
        Case {
            name: "inline date prefix on the first line",
            input: " date 2025-02-22 Port authorities in Velmont closed the northern terminal on Saturday after a fuel leak, officials said.\n\n\
                    No injuries were reported.",
            title: None,
            published: Some("2025-02-22"),
            authors: &[],
            body: "Port authorities in Velmont closed the northern terminal on Saturday after a fuel leak, officials said.\n\n\
                   No injuries were reported.",
        },
        Case {
            name: "unlabelled dateline prefix with a dash",
            input: "Orsel Council Extends Curfew\n\
                    January 29, 2025 — The council of Orsel extended the night curfew by two weeks.\n\
                    Shops will close at eight.",
            title: Some("Orsel Council Extends Curfew"),
            published: Some("2025-01-29"),
            authors: &[],
            body: "The council of Orsel extended the night curfew by two weeks.\n\nShops will close at eight.",
        },
        Case {
            name: "long first sentence is not a title; subheads and credit line",
            input: "The regional council of Ostrava Nova voted on Thursday to extend the curfew in the three border districts for another month, citing continued raids.\n\
                    Background\n\
                    The curfew was first imposed in November after an attack on a customs post.\n\
                    Key Quotes\n\
                    “We will not lift the measures until the border is calm,” the council chair said.\n\
                    (With image from Reuters)",
            title: None,
            published: None,
            authors: &[],
            body: "The regional council of Ostrava Nova voted on Thursday to extend the curfew in the three border districts for another month, citing continued raids.\n\n\
                   Background\n\n\
                   The curfew was first imposed in November after an attack on a customs post.\n\n\
                   Key Quotes\n\n\
                   “We will not lift the measures until the border is calm,” the council chair said.",
        },
        Case {
            name: "author repeated at the top and signed at the end, label line dropped",
            input: "Velmont Urges Restraint After Border Clash\n\n\
                    Amara Lindqvist\n\
                    Amara Lindqvist\n\
                    4 Min Read\n\
                    The Northern Frontier\n\n\
                    The foreign ministry of Velmont called on both sides to withdraw troops from the frontier.\n\n\
                    Talks are expected next week in the lakeside town of Orsel.\n\n\
                    Amara Lindqvist\n\n\
                    Share this Article\n\
                    Leave a comment",
            title: Some("Velmont Urges Restraint After Border Clash"),
            published: None,
            authors: &["Amara Lindqvist"],
            body: "The foreign ministry of Velmont called on both sides to withdraw troops from the frontier.\n\n\
                   Talks are expected next week in the lakeside town of Orsel.",
        },
        Case {
            name: "weekday dateline under the headline, one line per paragraph",
            input: "Asteria's Premier Says Grain Corridor Will Reopen\n\
                    Wednesday January 29 2025\n\
                    Asteria's premier said the grain corridor through the strait would reopen within days.\n\
                    Convoys had been halted since the storm damaged two piers.\n\
                    'We are ready,' port workers say\n\
                    The harbour master said repairs were nearly complete.",
            title: Some("Asteria's Premier Says Grain Corridor Will Reopen"),
            published: Some("2025-01-29"),
            authors: &[],
            body: "Asteria's premier said the grain corridor through the strait would reopen within days.\n\n\
                   Convoys had been halted since the storm damaged two piers.\n\n\
                   'We are ready,' port workers say\n\n\
                   The harbour master said repairs were nearly complete.",
        },
        Case {
            name: "list items kept, wrapped paragraph joined",
            input: "The summit communique listed several demands from the\n\
                    member states, which met in the lakeside town of Orsel\n\
                    for two days of closed talks.\n\n\
                    The demands were:\n\
                    - An immediate halt to shelling\n\
                    - Safe corridors for aid convoys\n\
                    - Release of detained journalists\n",
            title: None,
            published: None,
            authors: &[],
            body: "The summit communique listed several demands from the member states, which met in the lakeside town of Orsel for two days of closed talks.\n\n\
                   The demands were:\n\n\
                   - An immediate halt to shelling\n\n\
                   - Safe corridors for aid convoys\n\n\
                   - Release of detained journalists",
        },
        Case {
            name: "uniformly hard-wrapped text with capitalised continuations",
            input: "Harbour Pilots Strike in Karsk\n\n\
                    Harbour pilots in the port city of Karsk walked off the job on\n\
                    Tuesday, leaving eleven tankers at anchor outside Cape Morrow\n\
                    Lighthouse while negotiators for the Velmont Maritime Authority\n\
                    tried to reach a deal.\n\n\
                    The union said its members would return once overtime rules\n\
                    were restored.\n",
            title: Some("Harbour Pilots Strike in Karsk"),
            published: None,
            authors: &[],
            body: "Harbour pilots in the port city of Karsk walked off the job on Tuesday, leaving eleven tankers at anchor outside Cape Morrow Lighthouse while negotiators for the Velmont Maritime Authority tried to reach a deal.\n\n\
                   The union said its members would return once overtime rules were restored.",
        },
        Case {
            name: "a date inside a body sentence is not a dateline",
            input: "The summit of January 29 2025 was tense, delegates from Asteria said afterwards.\n\
                    No agreement on the fishing quotas was reached.",
            title: None,
            published: None,
            authors: &[],
            body: "The summit of January 29 2025 was tense, delegates from Asteria said afterwards.\n\n\
                   No agreement on the fishing quotas was reached.",
        },
        Case {
            name: "a date at the start of a sentence is not a dateline",
            input: "January 29, 2025 was the coldest day recorded in Orsel, the weather office said.",
            title: None,
            published: None,
            authors: &[],
            body: "January 29, 2025 was the coldest day recorded in Orsel, the weather office said.",
        },
        Case {
            name: "no date stated",
            input: "Ferry Service Resumes Between Islands\n\n\
                    The ferry between the twin islands of Vell and Harrow resumed on Friday after repairs.",
            title: Some("Ferry Service Resumes Between Islands"),
            published: None,
            authors: &[],
            body: "The ferry between the twin islands of Vell and Harrow resumed on Friday after repairs.",
        },
        Case {
            name: "publication date preferred over update, agency attribution",
            input: "Dam Inspection Finds Cracks Near Spillway\n\
                    Updated: April 2, 2025\n\
                    Published: April 1, 2025\n\
                    Nadia Cortez, Reuters\n\
                    Engineers found three cracks in the concrete near the spillway of the Lorne dam.",
            title: Some("Dam Inspection Finds Cracks Near Spillway"),
            published: Some("2025-04-01"),
            authors: &["Nadia Cortez"],
            body: "Engineers found three cracks in the concrete near the spillway of the Lorne dam.",
        },
        Case {
            name: "composite metadata line with capitals",
            input: "Rail Link Opens After Decade of Delays\n\
                    By JANE MORROW | March 5, 2025\n\n\
                    The first passenger train crossed the new bridge over the Sell river on Wednesday.",
            title: Some("Rail Link Opens After Decade of Delays"),
            published: Some("2025-03-05"),
            authors: &["Jane Morrow"],
            body: "The first passenger train crossed the new bridge over the Sell river on Wednesday.",
        },
        Case {
            name: "category label above the headline",
            input: "Africa\n\
                    Rebels Seize Airport in Northern Province\n\n\
                    Fighters of the invented Lakes Front took the airport of Tamar on Sunday, residents said.",
            title: Some("Rebels Seize Airport in Northern Province"),
            published: None,
            authors: &[],
            body: "Fighters of the invented Lakes Front took the airport of Tamar on Sunday, residents said.",
        },
        Case {
            name: "body sentences that mention share, comment or photo stay",
            input: "The two countries share a 300-kilometre border and a long history of trade.\n\
                    Shareholders of the port company will vote on the merger next month.\n\
                    Read more about the vote in our explainer, the spokesperson told reporters.\n\
                    Photos from the scene showed damaged warehouses.\n\
                    Photo: Firefighters at the Karsk warehouse on Monday.\n\
                    Reporting by Ilse Varga; Editing by Tom Beck\n\
                    Copyright © 2025 Invented Wire. All rights reserved.",
            title: None,
            published: None,
            authors: &[],
            body: "The two countries share a 300-kilometre border and a long history of trade.\n\n\
                   Shareholders of the port company will vote on the merger next month.\n\n\
                   Read more about the vote in our explainer, the spokesperson told reporters.\n\n\
                   Photos from the scene showed damaged warehouses.",
        },
        Case {
            name: "CRLF, tabs, zero-width characters, curly quotes kept",
            input: "Minister Resigns Over Port Deal\r\n\r\n\u{200B}The minister\t\tresigned on Friday.  \r\n“It was time,” she said.\u{FEFF}\r\n",
            title: Some("Minister Resigns Over Port Deal"),
            published: None,
            authors: &[],
            body: "The minister resigned on Friday.\n\n“It was time,” she said.",
        },
        Case {
            name: "a single line is body, not title",
            input: "Floodwaters receded in the valley",
            title: None,
            published: None,
            authors: &[],
            body: "Floodwaters receded in the valley",
        },
        Case {
            name: "empty input",
            input: " \n\u{200B}\n\t",
            title: None,
            published: None,
            authors: &[],
            body: "",
        },
        Case {
            name: "name under the headline with a signature-less body",
            input: "Border Crossing Reopens for Trucks\n\
                    Petra Hallström\n\
                    Trucks queued for kilometres as the crossing at Dunmere reopened on Thursday.",
            title: Some("Border Crossing Reopens for Trucks"),
            published: None,
            authors: &["Petra Hallström"],
            body: "Trucks queued for kilometres as the crossing at Dunmere reopened on Thursday.",
        },
        Case {
            name: "a sentence starting with By is not a byline",
            input: "Curfew Lifted in Tamar\n\n\
                    By Friday, most shops in Tamar had reopened.\n\
                    By Jane Morrow",
            title: Some("Curfew Lifted in Tamar"),
            published: None,
            authors: &["Jane Morrow"],
            body: "By Friday, most shops in Tamar had reopened.",
        },
        Case {
            name: "navigation, breadcrumb, metadata line and a trailing link list",
            input: "Skip to content\nMenu\nHome > World > Africa\n\
                    Talks Collapse in Orsel\n\
                    March 4, 2025 | 5 min read\n\
                    Facebook\nTwitter\n\
                    The talks collapsed on Monday after the delegations walked out.\n\
                    Related Articles\n\
                    Harbour Pilots Strike in Karsk\n\
                    Ferry Service Resumes Between Islands\n",
            title: Some("Talks Collapse in Orsel"),
            published: Some("2025-03-04"),
            authors: &[],
            body: "The talks collapsed on Monday after the delegations walked out.",
        },
        Case {
            name: "standfirst under the headline, byline and relative time below it",
            input: "Velmont Navy Intercepts Cargo Ships\n\
                    Officials say the vessels carried fuel bound for Asteria\n\
                    By Jane Morrow\n\
                    Updated 3 hours ago\n\n\
                    The navy of Velmont stopped two ships on Tuesday.\n\n\
                    Jane Morrow is our Karsk correspondent.",
            title: Some("Velmont Navy Intercepts Cargo Ships"),
            published: None,
            authors: &["Jane Morrow"],
            body: "Officials say the vessels carried fuel bound for Asteria\n\n\
                   The navy of Velmont stopped two ships on Tuesday.\n\n\
                   Jane Morrow is our Karsk correspondent.",
        },
        Case {
            name: "city dateline gives the date and stays in the body",
            input: "KARSK, March 4, 2025 — The port reopened after three weeks.\nIt had been closed since the storm.",
            title: None,
            published: Some("2025-03-04"),
            authors: &[],
            body: "KARSK, March 4, 2025 — The port reopened after three weeks.\n\nIt had been closed since the storm.",
        },
    ];

    #[test]
    fn fixtures() {
        for case in CASES {
            check(case);
        }
    }

    #[test]
    fn boilerplate_lines() {
        for line in [
            "2 Min Read",
            "5 min read",
            "Reading time: 4 minutes",
            "Share",
            "Share this Article",
            "Share on Facebook",
            "Leave a comment",
            "Comments",
            "12 comments",
            "Advertisement",
            "ADVERTISEMENT",
            "Read more",
            "Read More »",
            "Read more: Harbour pilots strike in Karsk",
            "Sign up for our newsletter to get the latest news in your inbox.",
            "Follow us on Telegram",
            "Click here to subscribe",
            "All rights reserved.",
            "Copyright © 2025 Invented Wire",
            "Related:",
            "Related Articles",
            "Skip to content",
            "(With image from Reuters)",
            "Photo: Firefighters at work",
            "Image: Invented Wire",
            "Reporting by Ilse Varga; Editing by Tom Beck",
            "Facebook",
            "Twitter",
            "WhatsApp",
            "Email",
            "Print",
            "Facebook Twitter WhatsApp Email",
            "***",
            "\u{200B}Share\u{200B}",
        ] {
            assert!(is_boilerplate_line(line), "should be boilerplate: {line:?}");
        }
        for line in [
            "",
            "The two countries share a long border.",
            "Share prices fell sharply on Monday.",
            "Comments by the minister angered the opposition.",
            "Advertisement revenue fell by a third, the company said.",
            "Pictures, videos and testimonies emerged from the town.",
            "Photos from the scene showed damaged warehouses.",
            "Reporting by the state broadcaster suggested the talks had failed.",
            "(c) the parties shall meet again within thirty days",
            "Key Quotes",
        ] {
            assert!(!is_boilerplate_line(line), "should be kept: {line:?}");
        }
    }

    #[test]
    fn bylines() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("By Jane Doe", Some(&["Jane Doe"])),
            ("By Jane Doe and John Roe", Some(&["Jane Doe", "John Roe"])),
            ("by JANE O'NEILL", Some(&["Jane O'Neill"])),
            ("By Jane Doe, Senior Correspondent", Some(&["Jane Doe"])),
            ("By Jane Doe in Orsel", Some(&["Jane Doe"])),
            (
                "Written by Maria de Souza on March 3, 2025",
                Some(&["Maria de Souza"]),
            ),
            ("By Reuters", Some(&[])),
            ("Jane Doe, Reuters", Some(&["Jane Doe"])),
            ("By Friday, the rebels had left.", None),
            ("By the end of the week", None),
        ];
        for (line, expected) in cases {
            let got = parse_byline(line);
            let expected = expected.map(|names| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>());
            assert_eq!(got, expected, "byline {line:?}");
        }
    }

    #[test]
    fn person_names() {
        for name in [
            "Jane Doe",
            "Amara Lindqvist",
            "J. R. Morrow",
            "Maria de Souza",
            "Omar al-Farsi",
            "JANE DOE",
        ] {
            assert!(looks_like_person_name(name), "{name:?}");
        }
        for name in [
            "The United States",
            "Middle East",
            "World",
            "UN Draft Resolution",
            "Key Quotes",
            "Jane Doe said",
        ] {
            assert!(!looks_like_person_name(name), "{name:?}");
        }
    }

    #[test]
    fn paragraphs() {
        let cases = [
            ("a\n\n\n\nb", "a\n\nb"),
            ("  one   two \t three ", "one two three"),
            ("First line\nSecond line", "First line\n\nSecond line"),
            ("first line\nsecond line", "first line second line"),
            ("a well-\nknown fact.", "a well-known fact."),
            (
                "He met the minister,\nThen left.",
                "He met the minister, Then left.",
            ),
            (
                "Line one ends here.\nline two starts lower.",
                "Line one ends here. line two starts lower.",
            ),
            ("Title\r\nBody\rMore", "Title\n\nBody\n\nMore"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_paragraphs(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn dateline_prefixes() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "date 2025-02-22 US officials said",
                Some(("2025-02-22", "US officials said")),
            ),
            (
                "Published: March 3, 2025 - the council met",
                Some(("2025-03-03", "the council met")),
            ),
            (
                "2025-02-22 — Officials said",
                Some(("2025-02-22", "Officials said")),
            ),
            (
                "January 29 2025 Rebels entered the town",
                Some(("2025-01-29", "Rebels entered the town")),
            ),
            ("January 29 2025 was tense", None),
            ("The summit of January 29 2025 was tense", None),
            ("date 2025-02-22", None),
        ];
        for (line, expected) in cases {
            let got = strip_dateline_prefix(line).map(|(d, rest)| (d.to_string(), rest.to_owned()));
            let expected = expected.map(|(d, rest)| (d.to_owned(), rest.to_owned()));
            assert_eq!(got, expected, "line {line:?}");
        }
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Harbour Talks Resume in Velmont".to_owned()),
            Just("By Jane Morrow and Tomas Ferrante".to_owned()),
            Just("3 Min Read".to_owned()),
            Just("Share this Article".to_owned()),
            Just(" date 2025-02-22 Officials said talks would resume.".to_owned()),
            Just("Wednesday January 29 2025".to_owned()),
            Just("Amara Lindqvist".to_owned()),
            Just("- An immediate ceasefire".to_owned()),
            Just("the wrapped continuation of a sentence that goes on".to_owned()),
            Just("A complete sentence about the invented port of Karsk.".to_owned()),
            Just("Published: March 3, 2025 10:00 GMT".to_owned()),
            Just("well-".to_owned()),
            Just(String::new()),
            Just("\u{200B}\t ".to_owned()),
            "\\PC{0,60}",
            "[a-zA-Z .,:;!?'\"-]{0,90}",
        ]
    }

    fn separator() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            Just("\n"),
            Just("\n\n"),
            Just("\r\n"),
            Just(" "),
            Just("\r"),
            Just("\n\n\n")
        ]
    }

    fn document() -> impl Strategy<Value = String> {
        prop::collection::vec((fragment(), separator()), 0..24)
            .prop_map(|parts| parts.into_iter().map(|(f, s)| f + s).collect())
    }

    fn assert_clean_body(body: &str) -> Result<(), TestCaseError> {
        prop_assert!(!body.contains("\n\n\n"));
        prop_assert!(!body.contains("  "));
        prop_assert!(!body.contains('\r'));
        prop_assert_eq!(body.trim(), body);
        prop_assert_eq!(clean_body(body), body);
        Ok(())
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(s in any::<String>()) {
            let out = clean_plain_text(&s);
            assert_clean_body(&out.body)?;
            let _ = is_boilerplate_line(&s);
            let _ = parse_byline(&s);
        }

        #[test]
        fn structured_documents_clean_to_fixed_points(doc in document()) {
            let out = clean_plain_text(&doc);
            assert_clean_body(&out.body)?;
            let paragraphs = normalize_paragraphs(&doc);
            prop_assert_eq!(normalize_paragraphs(&paragraphs), paragraphs.clone());
            prop_assert!(!paragraphs.contains("\n\n\n"));
            let body = clean_body(&doc);
            prop_assert_eq!(clean_body(&body), body);
        }
    }
}

#[cfg(test)]
mod split_tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn cleaning_paragraphs_is_cleaning_their_text(s in "([a-zA-Z ,.]{0,30}|Share|Related|By Jane Doe|\n|\n\n|  |\t){0,16}") {
            let joined = normalize_paragraphs(&s);
            proptest::prop_assert_eq!(paragraphs(&s).join("\n\n"), joined.clone());
            proptest::prop_assert_eq!(clean_paragraphs(paragraphs(&s)), clean_body(&joined));
        }
    }

    proptest::proptest! {
        #[test]
        fn list_items_agree_with_the_pattern(s in "[-*•·–▪◦‣0-9١٢.) a\t]{0,6}") {
            proptest::prop_assert_eq!(is_list_item(&s), LIST_ITEM.is_match(&s));
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_split_agrees_with_normalising_every_line(s in "([a-z]{0,6}[ \n]{0,2}|[\t\r\u{85}\u{a0}\u{ad}\u{a9}\u{1680}\u{180e}\u{2000}\u{200a}\u{200b}\u{200c}\u{2019}\u{2028}\u{202f}\u{205f}\u{2060}\u{3000}\u{feff}\u{9f}é’—]){0,12}") {
            let fast: Vec<(String, bool)> = split_lines(&s).into_iter().map(|l| (l.text, l.indented)).collect();
            let slow: Vec<(String, bool)> = s
                .replace("\r\n", "\n")
                .split(is_line_break)
                .map(normalize_line)
                .map(|l| (l.text, l.indented))
                .collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}
