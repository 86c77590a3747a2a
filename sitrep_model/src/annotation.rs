//! Annotations of an article's text: sentences, entity mentions, quotes,
//! time expressions and places. Every annotation carries a [`Span`] into
//! the article's `text`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::gazetteer_id::GazetteerPointJson;
use crate::{Article, PublishedDate, Span};

/// What kind of real-world thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A government body, company, international or civil organisation.
    Organization,
    /// An armed or political group (rebels, militias, parties in arms).
    Group,
    /// A sovereign country.
    Country,
    /// A place below country level: city, region, landmark.
    Place,
}

impl EntityKind {
    /// The lowercase name used in JSON and in the store.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Group => "group",
            Self::Country => "country",
            Self::Place => "place",
        }
    }
}

/// A person's grammatical gender, as "he" or "she" refers to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Referred to as "he".
    Male,
    /// Referred to as "she".
    Female,
}

/// A canonical entity id, stable across articles and runs: a namespace and
/// a key, e.g. `country:COD`, `geonames:217831`, `person:marco-rubio`,
/// `org:un-security-council`, `group:m23`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl EntityId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A canonical entity with its names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical id.
    pub id: EntityId,
    /// Preferred name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other names seen or known (sorted, without `name`).
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3 country the entity belongs to, when known.
    pub country: Option<String>,
    /// CAMEO/PLOVER sector code (GOV, MIL, REB, IGO, …), when known.
    pub sector: Option<String>,
    /// A person's gender, when a title ("Mrs.") or the given name shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
}

/// A span of text that names an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// The naming text.
    #[serde(flatten)]
    pub span: Span,
    /// The entity it names.
    pub entity: EntityId,
    /// The entity's kind.
    pub kind: EntityKind,
    /// A role the text gives ("president", "secretary of state"), lowercase.
    pub role: Option<String>,
}

/// A sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence text, trimmed of surrounding whitespace.
    #[serde(flatten)]
    pub span: Span,
}

/// A quotation attributed (when possible) to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words (direct quotes: inside the marks; indirect: the
    /// reported clause).
    #[serde(flatten)]
    pub span: Span,
    /// True for words in quotation marks, false for reported speech.
    pub direct: bool,
    /// The text naming the speaker, when found.
    pub speaker_span: Option<Span>,
    /// The speaker's name as the text gives it (resolved antecedent for
    /// pronouns).
    pub speaker: Option<String>,
    /// The speaker's canonical entity, when resolved.
    pub speaker_entity: Option<EntityId>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A calendar day.
    Day,
    /// A month of a year.
    Month,
    /// A year.
    Year,
    /// Not resolvable.
    Unknown,
}

/// A calendar date known to day, month or year precision; written as
/// `2025`, `2025-02` or `2025-02-21`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month (1–12), when known.
    pub month: Option<u32>,
    /// Day of the month, when known (only with a month).
    pub day: Option<u32>,
}

impl PartialDate {
    /// The precision of this date.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// A day-precision date from a full calendar day.
    pub fn from_day(day: PublishedDate) -> Self {
        Self {
            year: day.year(),
            month: Some(day.month()),
            day: Some(day.day()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for PartialDate {
    type Err = crate::DateParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || crate::DateParseError(s.to_owned());
        let mut parts = s.split('-');
        let year: i32 = parts
            .next()
            .filter(|y| y.len() == 4)
            .ok_or_else(err)?
            .parse()
            .map_err(|_| err())?;
        let month: Option<u32> = parts.next().map(|m| m.parse().map_err(|_| err())).transpose()?;
        let day: Option<u32> = parts.next().map(|d| d.parse().map_err(|_| err())).transpose()?;
        if parts.next().is_some() || month.is_some_and(|m| !(1..=12).contains(&m)) {
            return Err(err());
        }
        if let (Some(m), Some(d)) = (month, day) {
            PublishedDate::from_ymd(year, m, d).ok_or_else(err)?;
        }
        Ok(Self { year, month, day })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What a time expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeAnchor {
    /// Stated in full in the text ("February 21, 2025").
    Absolute,
    /// The article's publication date ("on Friday", "last month").
    Publication,
    /// A date mentioned earlier in the text ("a day earlier").
    Mentioned,
    /// Another article of the same story gave the year (`inferred`).
    Inferred,
    /// Could not be resolved.
    Unresolved,
}

/// A time expression and the date it denotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// The expression, without a leading preposition ("Friday" of "on Friday", "a day earlier", "Feb. 21"), as in TIMEX3.
    #[serde(flatten)]
    pub span: Span,
    /// The resolved date, when resolvable.
    pub date: Option<PartialDate>,
    /// Precision of `date` (`unknown` when unresolved).
    pub precision: DatePrecision,
    /// What it was resolved against.
    pub anchor: TimeAnchor,
}

/// A place mention resolved to the gazetteer. In JSON a derived region's
/// id is `region_id`, its `geonames_id` null (see [`crate::gazetteer_id`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "PlaceMentionJson", from = "PlaceMentionJson")]
pub struct PlaceMention {
    /// The place name in the text.
    pub span: Span,
    /// The name as written.
    pub name: String,
    /// Gazetteer id, when resolved: the GeoNames id, or from
    /// [`crate::DERIVED_REGION_ID_BASE`] on a region sitrep derives (see
    /// [`crate::geonames_id`]).
    pub geonames_id: Option<u64>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-3 country code.
    pub country: Option<String>,
}

/// [`PlaceMention`] as JSON.
#[derive(Serialize, Deserialize)]
struct PlaceMentionJson {
    #[serde(flatten)]
    span: Span,
    name: String,
    #[serde(flatten)]
    point: GazetteerPointJson,
}

impl From<PlaceMention> for PlaceMentionJson {
    fn from(p: PlaceMention) -> Self {
        Self {
            span: p.span,
            name: p.name,
            point: GazetteerPointJson::new(p.geonames_id, p.lat, p.lon, p.country),
        }
    }
}

impl From<PlaceMentionJson> for PlaceMention {
    fn from(p: PlaceMentionJson) -> Self {
        let (geonames_id, lat, lon, country) = p.point.into_parts();
        Self {
            span: p.span,
            name: p.name,
            geonames_id,
            lat,
            lon,
            country,
        }
    }
}

/// Everything the annotation stage found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Entity mentions in text order.
    pub entities: Vec<EntityMention>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Time expressions in text order.
    pub times: Vec<TimeExpression>,
    /// Place mentions in text order.
    pub places: Vec<PlaceMention>,
}

/// An article with its annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotatedArticle {
    /// The article.
    pub article: Article,
    /// What annotation found in its text.
    pub annotations: Annotations,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_print_their_precision() {
        let d = PartialDate {
            year: 2025,
            month: Some(2),
            day: None,
        };
        assert_eq!(d.to_string(), "2025-02");
        assert_eq!(d.precision(), DatePrecision::Month);
        let full = PartialDate::from_day(PublishedDate::from_ymd(2025, 2, 21).expect("valid"));
        assert_eq!(full.to_string(), "2025-02-21");
        assert_eq!(full.precision(), DatePrecision::Day);
        for text in ["2025", "2025-02", "2025-02-21"] {
            let parsed: PartialDate = text.parse().expect("valid");
            assert_eq!(parsed.to_string(), text);
            assert_eq!(
                serde_json::to_string(&parsed).expect("json"),
                format!("\"{text}\"")
            );
        }
        assert!("2025-02-30".parse::<PartialDate>().is_err());
        assert!("2025-13".parse::<PartialDate>().is_err());
    }
}
