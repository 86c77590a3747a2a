//! Text helpers for entity recognition: a tokenizer that keeps byte
//! offsets and the cues names need (capitals, hyphen joins, possessives),
//! accent folding for matching, slugs for ids, and the small closed word
//! lists (function words, months, titles, organisation heads) that the
//! recogniser's rules use.
//!
//! Why hand-written: names are matched on normalised token sequences so that
//! "U.S." = "US", "Ki-moon" = "Ki moon", "Félix" = "Felix"; the tokenizer
//! must therefore know about abbreviation periods and possessives, which a
//! general word segmenter does not.

/// How a word token is attached to the token before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// Only spaces or tabs in between, on the same line.
    Space,
    /// A single hyphen in between ("Rwanda-backed", "Ki-moon").
    Hyphen,
    /// Anything else: punctuation, a line break, the start of the text.
    Break,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits (with internal apostrophes and abbreviation dots).
    Word,
    /// A possessive `'s` split off the word before it.
    Possessive,
    /// One punctuation character.
    Punct(char),
}

/// A token with its byte span and matching features.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, possessive or punctuation.
    pub kind: Kind,
    /// Attachment to the previous token.
    pub join: Join,
    /// Folded, lowercased form without abbreviation dots.
    pub norm: String,
    /// First character is an uppercase letter.
    pub cap: bool,
    /// First character is a digit.
    pub digit: bool,
    /// Has letters and none of them lowercase.
    pub upper: bool,
    /// First token of a sentence or line (capitals say little there).
    pub sentence_start: bool,
}

impl Token {
    /// True for word tokens.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// True for a word that starts with a capital or a digit.
    pub fn is_capitalised(&self) -> bool {
        self.is_word() && (self.cap || self.digit)
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Splits `text` into tokens. `sentence_starts` are byte offsets where
/// sentences begin; line starts and the start of the text count too.
pub(crate) fn tokenize(text: &str, sentence_starts: &[usize]) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut last_end = 0usize;
    let mut line_break = true;
    let mut starts = sentence_starts.to_vec();
    starts.sort_unstable();
    let mut next_start = 0usize;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            if c == '\n' || c == '\r' {
                line_break = true;
            }
            i += 1;
            continue;
        }
        while next_start < starts.len() && starts[next_start] < pos {
            next_start += 1;
        }
        let at_sentence_start = line_break || starts.get(next_start) == Some(&pos);
        let between = text.get(last_end..pos).unwrap_or("");
        let join = if tokens.is_empty() || line_break || between.is_empty() {
            Join::Break
        } else if between == "-" {
            Join::Hyphen
        } else if between.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}') {
            Join::Space
        } else {
            Join::Break
        };
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next_alnum = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if (cj == '\'' || cj == '’') && next_alnum {
                    // A possessive 's ends the word.
                    let is_possessive = matches!(chars.get(j + 1), Some((_, 's' | 'S')))
                        && !chars.get(j + 2).is_some_and(|(_, n)| n.is_alphanumeric());
                    if is_possessive {
                        break;
                    }
                    j += 1;
                    continue;
                }
                if cj == '.' && next_alnum && is_abbreviation_part(&chars[i..j]) {
                    j += 1;
                    continue;
                }
                break;
            }
            // A trailing period belongs to dotted abbreviations ("U.S.") and
            // to single-letter initials ("W.").
            let word: String = chars[i..j].iter().map(|(_, c)| *c).collect();
            if chars.get(j).is_some_and(|(_, c)| *c == '.') {
                let letters = word.chars().filter(|c| c.is_alphanumeric()).count();
                let dotted = word.contains('.');
                let initial = letters == 1 && word.chars().next().is_some_and(char::is_uppercase);
                if dotted || initial {
                    j += 1;
                }
            }
            let end = chars.get(j).map_or(text.len(), |(p, _)| *p);
            let raw = text.get(pos..end).unwrap_or("");
            tokens.push(word_token(raw, pos, end, join, at_sentence_start));
            last_end = end;
            i = j;
        } else if (c == '\'' || c == '’')
            && !tokens.is_empty()
            && last_end == pos
            && matches!(chars.get(i + 1), Some((_, 's' | 'S')))
            && !chars.get(i + 2).is_some_and(|(_, n)| n.is_alphanumeric())
        {
            let end = chars.get(i + 2).map_or(text.len(), |(p, _)| *p);
            tokens.push(Token {
                start: pos,
                end,
                kind: Kind::Possessive,
                join: Join::Space,
                norm: "'s".to_string(),
                cap: false,
                digit: false,
                upper: false,
                sentence_start: false,
            });
            last_end = end;
            i += 2;
        } else {
            let end = chars.get(i + 1).map_or(text.len(), |(p, _)| *p);
            // A hyphen joining two words is not a token: the next word
            // records it as its join.
            let joins_words = c == '-'
                && tokens.last().is_some_and(|t| t.end == pos && t.is_word())
                && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            if !joins_words {
                tokens.push(punct_token(c, pos, end, at_sentence_start));
                last_end = end;
            }
            i += 1;
        }
        line_break = false;
    }
    // After sentence-final punctuation the next word starts a sentence too.
    for k in 1..tokens.len() {
        let prev = &tokens[k - 1];
        let ends = prev.is_punct('.') || prev.is_punct('!') || prev.is_punct('?') || prev.is_punct(':');
        let opens = matches!(prev.kind, Kind::Punct('"' | '“' | '‘' | '(' | '[')) && prev.sentence_start;
        if ends || opens {
            tokens[k].sentence_start = true;
        }
    }
    tokens
}

fn punct_token(c: char, start: usize, end: usize, sentence_start: bool) -> Token {
    Token {
        start,
        end,
        kind: Kind::Punct(c),
        join: Join::Break,
        norm: c.to_string(),
        cap: false,
        digit: false,
        upper: false,
        sentence_start,
    }
}

fn word_token(raw: &str, start: usize, end: usize, join: Join, sentence_start: bool) -> Token {
    let first = raw.chars().next();
    let has_letters = raw.chars().any(char::is_alphabetic);
    Token {
        start,
        end,
        kind: Kind::Word,
        join,
        norm: normalise_word(raw),
        cap: first.is_some_and(char::is_uppercase),
        digit: first.is_some_and(|c| c.is_ascii_digit()),
        upper: has_letters && !raw.chars().any(char::is_lowercase),
        sentence_start,
    }
}

/// True when the word so far looks like part of a dotted abbreviation
/// ("U", "U.S", "e.g"): segments of one or two letters.
fn is_abbreviation_part(word: &[(usize, char)]) -> bool {
    let text: String = word.iter().map(|(_, c)| *c).collect();
    text.split('.').all(|seg| (1..=2).contains(&seg.chars().count()))
}

/// Lowercased, accent-folded form of a word, without dots; curly
/// apostrophes become straight ones.
pub(crate) fn normalise_word(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '.' => {}
            '’' | '‘' => out.push('\''),
            _ => push_folded(&mut out, c),
        }
    }
    out
}

/// Pushes `c` lowercased and without accents.
fn push_folded(out: &mut String, c: char) {
    const LATIN1: &str = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    const LATIN_EXT_A: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    let code = u32::from(c);
    let mapped = match code {
        0xC0..=0xFF => LATIN1.chars().nth((code - 0xC0) as usize),
        0x100..=0x17F => LATIN_EXT_A.chars().nth((code - 0x100) as usize),
        _ => None,
    };
    match mapped {
        Some(m) => out.push(m.to_ascii_lowercase()),
        None => out.extend(c.to_lowercase()),
    }
}

/// Folds and lowercases a whole string.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// An id-safe slug: folded, lowercase ASCII letters and digits joined by
/// single hyphens ("Félix Tshisekedi" → "felix-tshisekedi").
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else if c != '.' {
            dash = true;
        }
    }
    out
}

/// The matching key of a name: its word and possessive tokens' normalised
/// forms joined by single spaces, a leading "the" dropped.
pub(crate) fn phrase_key(name: &str) -> String {
    let tokens = tokenize(name, &[]);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| !matches!(t.kind, Kind::Punct(_)))
        .map(|t| t.norm.as_str())
        .collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Joins the normalised forms of `tokens` into a phrase key.
pub(crate) fn key_of(tokens: &[Token]) -> String {
    let mut key = String::new();
    for t in tokens {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&t.norm);
    }
    key
}

/// The tokens of a name outside quote marks: a quoted nickname
/// ("Vincent \"The Chin\" Gigante") is no part of the name itself.
pub(crate) fn outside_quotes(tokens: &[Token]) -> Vec<Token> {
    let is_quote = |t: &Token| {
        matches!(
            t.kind,
            Kind::Punct('"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}')
        )
    };
    let mut inside = false;
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        if is_quote(t) {
            inside = !inside;
        } else if !inside {
            out.push(t.clone());
        }
    }
    out
}

/// True when `word` (normalised) is in the sorted list `list`.
pub(crate) fn is_in(list: &[&str], word: &str) -> bool {
    list.binary_search_by(|w| short_cmp(w, word)).is_ok()
}

/// `a.cmp(b)` for the short words of the lists: the same order, compared
/// byte by byte in place. Most comparisons of a search end at the first
/// byte, and a call to `memcmp` for each was ~3% of ingest.
fn short_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Lowercase words that may sit inside a name between capitalised words
/// ("Democratic Republic of the Congo", "Osama bin Laden"). Sorted.
pub(crate) const CONNECTORS: &[&str] = &[
    "'s", "al", "and", "bin", "da", "de", "del", "der", "des", "di", "do", "dos", "du", "el", "for", "ibn",
    "in", "la", "le", "of", "on", "the", "van", "von", "y",
];

/// Particles allowed inside people's names. Sorted.
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "el", "ibn", "la", "le", "van", "von",
];

/// Generational suffixes after a surname ("Jr.", "III"): part of the
/// name, never its last name. Sorted.
pub(crate) const NAME_SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "sr"];

/// The words of a person's name that identify them: without initials
/// before the given name ("W. Mark Felt", "J. Edgar Hoover") and without a
/// generational suffix ("Arcade Joseph Comeaux Jr."), so the short and
/// the full form share one id and a surname. A name that is nothing but
/// those words is kept whole.
pub(crate) fn name_core(words: &[String]) -> &[String] {
    &words[name_core_range(words)]
}

/// Where [`name_core`] lies in `words`.
pub(crate) fn name_core_range<S: AsRef<str>>(words: &[S]) -> std::ops::Range<usize> {
    let mut end = words.len();
    while end > 1 && is_in(NAME_SUFFIXES, words[end - 1].as_ref()) {
        end -= 1;
    }
    let mut start = 0;
    while start + 1 < end && words[start].as_ref().chars().count() == 1 {
        start += 1;
    }
    start..end
}

/// Frequent words that are capitalised at the start of a sentence or in a
/// headline and are never names on their own. Sorted.
pub(crate) const COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ahead",
    "all",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "analysis",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "background",
    "be",
    "because",
    "before",
    "being",
    "below",
    "between",
    "both",
    "breaking",
    "but",
    "by",
    "can",
    "context",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "exclusive",
    "explainer",
    "few",
    "first",
    "follow",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "inside",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "just",
    "key",
    "last",
    "late",
    "later",
    "latest",
    "least",
    "less",
    "like",
    "live",
    "many",
    "may",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "never",
    "new",
    "news",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "opinion",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "photo",
    "quotes",
    "read",
    "related",
    "report",
    "reporting",
    "said",
    "says",
    "see",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "tomorrow",
    "too",
    "top",
    "under",
    "unlike",
    "until",
    "up",
    "update",
    "updated",
    "upon",
    "us",
    "very",
    "video",
    "was",
    "watch",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Month and weekday names and their abbreviations. Sorted.
pub(crate) const CALENDAR_WORDS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "fri",
    "friday",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "mon",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "sat",
    "saturday",
    "sep",
    "sept",
    "september",
    "sun",
    "sunday",
    "thu",
    "thurs",
    "thursday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
];

/// Heads of titles and roles that denote a person ("President", "Gen.",
/// "spokesman"). Sorted.
pub(crate) const TITLE_HEADS: &[&str] = &[
    "adm",
    "admiral",
    "adviser",
    "advisor",
    "advocate",
    "alderman",
    "ambassador",
    "archbishop",
    "attorney",
    "ayatollah",
    "bishop",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "cmdr",
    "coach",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "constable",
    "coordinator",
    "councillor",
    "councilman",
    "councilwoman",
    "cpl",
    "dame",
    "defender",
    "deputy",
    "det",
    "detective",
    "director",
    "dr",
    "emir",
    "envoy",
    "gen",
    "general",
    "gov",
    "governor",
    "imam",
    "insp",
    "inspector",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "leader",
    "legislator",
    "lieutenant",
    "lord",
    "lt",
    "maj",
    "major",
    "manager",
    "marshal",
    "mayor",
    "minister",
    "mp",
    "mr",
    "mrs",
    "ms",
    "negotiator",
    "officer",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "prosecutor",
    "queen",
    "rep",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sheriff",
    "sir",
    "sister",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "superintendent",
    "supt",
    "trooper",
];

/// Nouns that end the capitalised name of a thing, never a person's:
/// awards, roads, markets, teams ("Tony Awards", "Zayed Road", "Dahlia
/// Street Market", "Red Sox", "California Highway Patrol", "Sexiest Man
/// Alive"). Sorted.
pub(crate) const NON_NAME_WORDS: &[&str] = &[
    "alive",
    "avenue",
    "award",
    "awards",
    "boulevard",
    "festival",
    "highway",
    "magistrates",
    "market",
    "medal",
    "patrol",
    "prize",
    "road",
    "sox",
    "square",
    "trophy",
    "workaround",
];

/// Title heads that are honorifics, not roles.
pub(crate) const HONORIFICS: &[&str] = &[
    "dame", "dr", "lord", "mr", "mrs", "ms", "prof", "rev", "reverend", "sir", "sister",
];

/// Abbreviated title heads and their full form.
pub(crate) const TITLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("adm", "admiral"),
    ("brig", "brigadier"),
    ("capt", "captain"),
    ("cmdr", "commander"),
    ("col", "colonel"),
    ("cpl", "corporal"),
    ("det", "detective"),
    ("gen", "general"),
    ("gov", "governor"),
    ("insp", "inspector"),
    ("lt", "lieutenant"),
    ("maj", "major"),
    ("rep", "representative"),
    ("sen", "senator"),
    ("sgt", "sergeant"),
    ("supt", "superintendent"),
];

/// Words that may modify a title head inside a title ("Deputy Prime
/// Minister", "rebel leader", "Secretary of State"). Sorted.
pub(crate) const TITLE_MODIFIERS: &[&str] = &[
    "acting",
    "affairs",
    "agriculture",
    "air",
    "armed",
    "army",
    "assistant",
    "associate",
    "attorney",
    "cabinet",
    "central",
    "chief",
    "city",
    "commerce",
    "communications",
    "defence",
    "defense",
    "deputy",
    "development",
    "district",
    "economy",
    "education",
    "elect",
    "energy",
    "executive",
    "finance",
    "fire",
    "first",
    "force",
    "forces",
    "foreign",
    "former",
    "general",
    "government",
    "health",
    "home",
    "homeland",
    "human",
    "humanitarian",
    "information",
    "intelligence",
    "interim",
    "interior",
    "international",
    "junior",
    "justice",
    "labor",
    "labour",
    "military",
    "militia",
    "mines",
    "mining",
    "national",
    "navy",
    "opposition",
    "parliamentary",
    "party",
    "permanent",
    "police",
    "presidential",
    "press",
    "prime",
    "provincial",
    "public",
    "rebel",
    "regional",
    "relations",
    "rights",
    "security",
    "senior",
    "special",
    "state",
    "supreme",
    "top",
    "trade",
    "transport",
    "treasury",
    "under",
    "vice",
    "war",
];

/// Words that may open a title without being part of the role ("new
/// President", "ousted President"). Sorted.
pub(crate) const TITLE_ADJECTIVES: &[&str] = &[
    "embattled",
    "incoming",
    "late",
    "new",
    "newly",
    "ousted",
    "outgoing",
    "then",
    "veteran",
];

/// Words between a country and an institution noun ("Romania's new
/// government", "the Congolese national army"). Sorted.
pub(crate) const INSTITUTION_ADJECTIVES: &[&str] = &[
    "central",
    "federal",
    "former",
    "interim",
    "national",
    "new",
    "own",
    "regular",
    "senior",
    "top",
    "transitional",
];

/// Words allowed after "of" in a title ("Secretary of State", "Minister of
/// Foreign Affairs"). Sorted.
pub(crate) const PORTFOLIO_WORDS: &[&str] = &[
    "affairs",
    "agriculture",
    "commerce",
    "communications",
    "defence",
    "defense",
    "development",
    "economy",
    "education",
    "energy",
    "finance",
    "foreign",
    "health",
    "homeland",
    "information",
    "interior",
    "justice",
    "labor",
    "labour",
    "mines",
    "security",
    "staff",
    "state",
    "trade",
    "transport",
    "treasury",
    "war",
];

/// Head words of organisation names with the CAMEO sector they imply
/// (empty: none). Sorted by word.
pub(crate) const ORG_HEADS: &[(&str, &str)] = &[
    ("academy", "EDU"),
    ("administration", "GOV"),
    ("agency", ""),
    ("alliance", ""),
    ("army", "MIL"),
    ("assembly", "LEG"),
    ("association", ""),
    ("authority", "GOV"),
    ("bank", ""),
    ("brigade", "MIL"),
    ("brigades", "MIL"),
    ("bureau", "GOV"),
    ("cabinet", "GOV"),
    ("church", "REL"),
    ("coalition", ""),
    ("college", "EDU"),
    ("command", "MIL"),
    ("commission", ""),
    ("committee", ""),
    ("company", "BUS"),
    ("congress", "LEG"),
    ("corporation", "BUS"),
    ("council", ""),
    ("court", "JUD"),
    ("department", "GOV"),
    ("federation", ""),
    ("force", "MIL"),
    ("forces", "MIL"),
    ("forum", ""),
    ("foundation", "NGO"),
    ("front", ""),
    ("fund", ""),
    ("gendarmerie", "COP"),
    ("government", "GOV"),
    ("group", ""),
    ("guard", "MIL"),
    ("hospital", "HLH"),
    ("institute", ""),
    ("league", ""),
    ("militia", "REB"),
    ("ministry", "GOV"),
    ("mission", ""),
    ("movement", ""),
    ("navy", "MIL"),
    ("network", ""),
    ("office", "GOV"),
    ("organisation", ""),
    ("organization", ""),
    ("parliament", "LEG"),
    ("party", "PTY"),
    ("police", "COP"),
    ("presidency", "GOV"),
    ("programme", ""),
    ("school", "EDU"),
    ("schools", "EDU"),
    ("senate", "LEG"),
    ("service", ""),
    ("services", ""),
    ("tribunal", "JUD"),
    ("union", ""),
    ("university", "EDU"),
    ("watch", "NGO"),
];

/// Heads of institutions that stand in one place (a school, a church):
/// their names end at the head or take an "of" complement ("School of
/// Medicine"); what follows otherwise is a street ("College Avenue"), a
/// prize ("Academy Award") or where they are ("… School in Columbus").
/// Sorted.
pub(crate) const LOCAL_INSTITUTION_HEADS: &[&str] =
    &["academy", "church", "college", "hospital", "school", "schools"];

/// Last words of place names ("Madison Square", "Sydney Harbour"): a
/// given name before one names no person. Sorted.
pub(crate) const PLACE_HEADS: &[&str] = &[
    "airport",
    "arena",
    "avenue",
    "bay",
    "beach",
    "boulevard",
    "bridge",
    "canyon",
    "center",
    "centre",
    "city",
    "coast",
    "county",
    "creek",
    "crossing",
    "falls",
    "gardens",
    "hall",
    "harbor",
    "harbour",
    "heights",
    "hill",
    "hills",
    "hotel",
    "inn",
    "island",
    "islands",
    "lake",
    "mall",
    "motel",
    "mountain",
    "mountains",
    "museum",
    "park",
    "peak",
    "plaza",
    "point",
    "port",
    "river",
    "road",
    "springs",
    "square",
    "stadium",
    "station",
    "street",
    "theater",
    "theatre",
    "tower",
    "township",
    "twp",
    "valley",
    "village",
];

/// Organisation heads that, with a rebel cue in the sentence, name an
/// armed group. Sorted.
pub(crate) const GROUP_HEADS: &[&str] = &[
    "alliance",
    "brigade",
    "brigades",
    "coalition",
    "front",
    "group",
    "militia",
    "movement",
];

/// Words that make up generic institution names ("Foreign Ministry",
/// "National Assembly"): a name made only of these needs a country to be
/// an entity. Sorted.
pub(crate) const GENERIC_INSTITUTION_WORDS: &[&str] = &[
    "administration",
    "affairs",
    "air",
    "armed",
    "army",
    "assembly",
    "authority",
    "bank",
    "cabinet",
    "central",
    "command",
    "commission",
    "constitutional",
    "council",
    "court",
    "defence",
    "defense",
    "department",
    "electoral",
    "federal",
    "finance",
    "force",
    "forces",
    "foreign",
    "general",
    "government",
    "guard",
    "health",
    "high",
    "home",
    "independent",
    "information",
    "intelligence",
    "interior",
    "justice",
    "military",
    "ministry",
    "national",
    "navy",
    "of",
    "office",
    "parliament",
    "police",
    "presidency",
    "presidential",
    "republican",
    "security",
    "senate",
    "service",
    "services",
    "special",
    "state",
    "supreme",
    "the",
    "tribunal",
];

/// Plural or collective nouns that follow an armed group's name ("M23
/// rebels") or refer back to it ("the rebels"). Sorted.
pub(crate) const GROUP_NOUNS: &[&str] = &[
    "fighters",
    "guerrillas",
    "insurgents",
    "jihadists",
    "militants",
    "militia",
    "militiamen",
    "militias",
    "rebels",
];

/// Singular nouns that form an armed-group description with "rebel" or
/// "armed" ("rebel group", "armed movement"). Sorted.
pub(crate) const GROUP_DESCRIPTION_HEADS: &[&str] = &["alliance", "coalition", "group", "movement", "outfit"];

/// Words in a sentence that show an organisation there is an armed group.
/// Sorted.
pub(crate) const REBEL_CUES: &[&str] = &[
    "armed",
    "fighters",
    "guerrilla",
    "guerrillas",
    "insurgency",
    "insurgent",
    "insurgents",
    "jihadist",
    "jihadists",
    "militants",
    "militia",
    "militiamen",
    "militias",
    "rebel",
    "rebellion",
    "rebels",
];

/// Verbs of saying that mark the name next to them as a person. Sorted.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "cautioned",
    "claimed",
    "confirmed",
    "contended",
    "declared",
    "denied",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "remarked",
    "replied",
    "said",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "testified",
    "told",
    "tweeted",
    "urged",
    "warned",
    "wrote",
];

/// Institution nouns after a country ("Rwanda's military", "Congolese
/// troops") with their sector and the noun used in the entity's name.
/// Sorted by phrase.
pub(crate) const INSTITUTION_NOUNS: &[(&str, &str, &str)] = &[
    ("administration", "GOV", "government"),
    ("armed forces", "MIL", "military"),
    ("army", "MIL", "military"),
    ("authorities", "GOV", "government"),
    ("court", "JUD", "judiciary"),
    ("diplomat", "GOV", "government"),
    ("diplomats", "GOV", "government"),
    ("extremists", "REB", "rebels"),
    ("forces", "MIL", "military"),
    ("government", "GOV", "government"),
    ("guerrillas", "REB", "rebels"),
    ("high court", "JUD", "judiciary"),
    ("insurgents", "REB", "rebels"),
    ("intelligence", "SPY", "intelligence services"),
    ("judiciary", "JUD", "judiciary"),
    ("lawmakers", "LEG", "legislature"),
    ("militants", "REB", "rebels"),
    ("military", "MIL", "military"),
    ("militia", "REB", "rebels"),
    ("militias", "REB", "rebels"),
    ("navy", "MIL", "military"),
    ("negotiator", "GOV", "government"),
    ("negotiators", "GOV", "government"),
    ("official", "GOV", "government"),
    ("officials", "GOV", "government"),
    ("opposition", "OPP", "opposition"),
    ("parliament", "LEG", "legislature"),
    ("police", "COP", "police"),
    ("rebel fighters", "REB", "rebels"),
    ("rebel forces", "REB", "rebels"),
    ("rebel leaders", "REB", "rebels"),
    ("rebels", "REB", "rebels"),
    ("security forces", "MIL", "military"),
    ("soldier", "MIL", "military"),
    ("soldiers", "MIL", "military"),
    ("supreme court", "JUD", "judiciary"),
    ("troops", "MIL", "military"),
    ("warplanes", "MIL", "military"),
    ("warships", "MIL", "military"),
];

/// Looks `word` up in a sorted `(word, value)` table.
pub(crate) fn lookup<'a, T: Copy>(table: &'a [(&'a str, T)], word: &str) -> Option<T> {
    table
        .binary_search_by(|(w, _)| short_cmp(w, word))
        .ok()
        .map(|i| table[i].1)
}

/// Looks `phrase` up in a sorted `(phrase, a, b)` table.
pub(crate) fn lookup_pair<'a>(
    table: &'a [(&'a str, &'a str, &'a str)],
    phrase: &str,
) -> Option<(&'a str, &'a str)> {
    table
        .binary_search_by(|(w, _, _)| short_cmp(w, phrase))
        .ok()
        .map(|i| (table[i].1, table[i].2))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn short_comparison_is_the_string_order(a in "[a-zé' .-]{0,12}", b in "[a-zé' .-]{0,12}") {
            proptest::prop_assert_eq!(short_cmp(&a, &b), a.cmp(&b));
        }
    }

    fn check(text: &str, expected: &[&str]) {
        let tokens = tokenize(text, &[]);
        let got: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn tokens_keep_abbreviations_possessives_and_hyphens() {
        check("U.S. envoy", &["U.S.", "envoy"]);
        check("Rwanda's army", &["Rwanda", "'s", "army"]);
        check("Rwanda’s army", &["Rwanda", "’s", "army"]);
        check("Rwanda-backed M23", &["Rwanda", "backed", "M23"]);
        check("Côte d'Ivoire.", &["Côte", "d'Ivoire", "."]);
        check("George W. Bush", &["George", "W.", "Bush"]);
        check("Gen. Makenga", &["Gen", ".", "Makenga"]);
        check("rebels' base", &["rebels", "'", "base"]);
        check("- dash", &["-", "dash"]);
    }

    #[test]
    fn words_are_folded_and_joined() {
        let tokens = tokenize("Félix Tshisekedi, Ban Ki-moon", &[]);
        assert_eq!(tokens[0].norm, "felix");
        assert_eq!(tokens[5].join, Join::Hyphen);
        assert_eq!(tokens[1].join, Join::Space);
        assert_eq!(tokens[3].join, Join::Space);
        assert!(tokens[2].is_punct(','));
        assert_eq!(phrase_key("The U.S."), "us");
        assert_eq!(phrase_key("Congo-Kinshasa"), "congo kinshasa");
        assert_eq!(slug("Félix Tshisekedi"), "felix-tshisekedi");
        assert_eq!(slug("U.N. Security Council"), "un-security-council");
    }

    #[test]
    fn word_lists_are_sorted() {
        for list in [
            CONNECTORS,
            NAME_PARTICLES,
            NAME_SUFFIXES,
            COMMON_WORDS,
            CALENDAR_WORDS,
            TITLE_HEADS,
            NON_NAME_WORDS,
            HONORIFICS,
            TITLE_MODIFIERS,
            PORTFOLIO_WORDS,
            GROUP_HEADS,
            TITLE_ADJECTIVES,
            INSTITUTION_ADJECTIVES,
            GENERIC_INSTITUTION_WORDS,
            GROUP_NOUNS,
            GROUP_DESCRIPTION_HEADS,
            REBEL_CUES,
            SPEECH_VERBS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(ORG_HEADS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TITLE_ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(INSTITUTION_NOUNS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
