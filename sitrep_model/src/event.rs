//! Coded events: who did what to whom, where and when, according to which
//! sentence. One [`Event`] is one coding of one sentence of one article
//! (before consolidation across articles), with a PLOVER event type, the
//! CAMEO code where one fits, actors linked to canonical entities, a date
//! from the time expression that governs it, and its evidence span.
//!
//! Event types use the names of the PLOVER gold standard records (PLOVER
//! 0.5b1: `DEMAND`, `DISAPPROVE`, `INVESTIGATE`, `FIGHT` …); later PLOVER
//! drafts (0.8, the CAMEO→PLOVER table of 2021, POLECAT) renamed and merged
//! some of them, which [`PloverType::current`] gives.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::gazetteer_id::GazetteerPointJson;
use crate::{DatePrecision, EntityId, PartialDate, Span};

/// A PLOVER event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PloverType {
    /// Agree to, promise or offer future action (CAMEO 03).
    Agree,
    /// Meet, talk, visit, telephone, mediate (CAMEO 04).
    Consult,
    /// Praise, endorse, recognise, apologise, sign agreements (CAMEO 05).
    Support,
    /// Material cooperation: economic, military, judicial, intelligence (CAMEO 06).
    Cooperate,
    /// Give aid, asylum, protection (CAMEO 07).
    Aid,
    /// Yield politically: ease restrictions, accede to demands (CAMEO 080–083).
    Concede,
    /// Yield materially: release, withdraw, ceasefire, disarm, resign (CAMEO 084–087).
    Retreat,
    /// Ask or demand that someone act (CAMEO 02, 10).
    Demand,
    /// Criticise, accuse, complain, sue (CAMEO 11).
    Disapprove,
    /// Reject, refuse, defy, veto (CAMEO 12).
    Reject,
    /// Threaten (CAMEO 13).
    Threaten,
    /// Demonstrate, strike, block, riot (CAMEO 14).
    Protest,
    /// Investigate (CAMEO 09).
    Investigate,
    /// Put forces or police on alert, mobilise (CAMEO 15).
    Mobilize,
    /// Reduce relations, halt aid, sanctions, expel (CAMEO 16).
    Sanction,
    /// Non-violent coercion: arrest, deport, ban, curfew, seize, destroy property (CAMEO 17).
    Coerce,
    /// Unconventional violence: bombings, abductions, assassinations, torture (CAMEO 18, 20).
    Assault,
    /// Conventional military force: shelling, battles, air strikes, occupying territory (CAMEO 19).
    Fight,
}

impl PloverType {
    /// Every type, in declaration order.
    pub const ALL: [Self; 18] = [
        Self::Agree,
        Self::Consult,
        Self::Support,
        Self::Cooperate,
        Self::Aid,
        Self::Concede,
        Self::Retreat,
        Self::Demand,
        Self::Disapprove,
        Self::Reject,
        Self::Threaten,
        Self::Protest,
        Self::Investigate,
        Self::Mobilize,
        Self::Sanction,
        Self::Coerce,
        Self::Assault,
        Self::Fight,
    ];

    /// The upper-case name used in JSON, the store and PLOVER records.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Agree => "AGREE",
            Self::Consult => "CONSULT",
            Self::Support => "SUPPORT",
            Self::Cooperate => "COOPERATE",
            Self::Aid => "AID",
            Self::Concede => "CONCEDE",
            Self::Retreat => "RETREAT",
            Self::Demand => "DEMAND",
            Self::Disapprove => "DISAPPROVE",
            Self::Reject => "REJECT",
            Self::Threaten => "THREATEN",
            Self::Protest => "PROTEST",
            Self::Investigate => "INVESTIGATE",
            Self::Mobilize => "MOBILIZE",
            Self::Sanction => "SANCTION",
            Self::Coerce => "COERCE",
            Self::Assault => "ASSAULT",
            Self::Fight => "FIGHT",
        }
    }

    /// Parse an upper-case name (either vocabulary: `REQUEST` is
    /// `DEMAND`, `ACCUSE` is `DISAPPROVE`).
    pub fn parse(name: &str) -> Option<Self> {
        let upper = name.trim().to_ascii_uppercase();
        match upper.as_str() {
            "REQUEST" => return Some(Self::Demand),
            "ACCUSE" => return Some(Self::Disapprove),
            _ => {}
        }
        Self::ALL.into_iter().find(|t| t.as_str() == upper)
    }

    /// The name in the current PLOVER drafts (0.8 and POLECAT), which
    /// merged `DEMAND` into `REQUEST`, `DISAPPROVE` and `INVESTIGATE` into
    /// `ACCUSE`, and `FIGHT` into `ASSAULT`.
    pub fn current(&self) -> &'static str {
        match self {
            Self::Demand => "REQUEST",
            Self::Disapprove | Self::Investigate => "ACCUSE",
            Self::Fight => "ASSAULT",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for PloverType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A participant of an event: who acted, or who was acted on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    /// The name as the text gives it ("Kenyan President William Ruto", "Israeli troops").
    pub name: String,
    /// The canonical entity, when the actor is one.
    pub entity: Option<EntityId>,
    /// ISO 3166-1 alpha-3 country, when known.
    pub country: Option<String>,
    /// CAMEO/PLOVER sector code (GOV, MIL, REB, IGO, …), when known.
    pub sector: Option<String>,
    /// Where the text names the actor.
    pub span: Span,
}

/// Where an event happened. In JSON a derived region's id is
/// `region_id`, its `geonames_id` null (see [`crate::gazetteer_id`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "EventPlaceJson", from = "EventPlaceJson")]
pub struct EventPlace {
    /// The place name as written.
    pub name: String,
    /// Gazetteer id, when resolved: the GeoNames id, or a derived
    /// region's (see [`crate::gazetteer_id`]).
    pub geonames_id: Option<u64>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
    /// Where the text names the place.
    pub span: Span,
}

/// [`EventPlace`] as JSON.
#[derive(Serialize, Deserialize)]
struct EventPlaceJson {
    name: String,
    #[serde(flatten)]
    point: GazetteerPointJson,
    span: Span,
}

impl From<EventPlace> for EventPlaceJson {
    fn from(p: EventPlace) -> Self {
        Self {
            name: p.name,
            point: GazetteerPointJson::new(p.geonames_id, p.lat, p.lon, p.country),
            span: p.span,
        }
    }
}

impl From<EventPlaceJson> for EventPlace {
    fn from(p: EventPlaceJson) -> Self {
        let (geonames_id, lat, lon, country) = p.point.into_parts();
        Self {
            name: p.name,
            geonames_id,
            lat,
            lon,
            country,
            span: p.span,
        }
    }
}

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventDateBasis {
    /// A time expression of the event's clause or sentence.
    Text,
    /// No time expression: the article's publication date (the event was
    /// reported then; it may have happened a little earlier).
    Publication,
    /// Neither: unknown.
    None,
}

/// One coded event of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub kind: PloverType,
    /// PLOVER mode (how: `phone`, `visit`, `firearms`, …), when one applies.
    pub mode: Option<String>,
    /// PLOVER context (about what: `military`, `diplomatic`, …), when one applies.
    pub context: Option<String>,
    /// CAMEO event code, when one fits.
    pub cameo: Option<String>,
    /// Who acted.
    pub source: EventActor,
    /// Who was acted on, when the text says.
    pub target: Option<EventActor>,
    /// When, as precisely as the text allows.
    pub date: Option<PartialDate>,
    /// Precision of `date` (`unknown` when there is none).
    pub date_precision: DatePrecision,
    /// Where `date` came from.
    pub date_basis: EventDateBasis,
    /// Where, when the sentence says.
    pub place: Option<EventPlace>,
    /// The evidence: the sentence that reports the event.
    pub span: Span,
    /// The words that name the event ("called for", "imposing sanctions").
    pub trigger: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_round_trip_and_map_to_current_plover() {
        for t in PloverType::ALL {
            assert_eq!(PloverType::parse(t.as_str()), Some(t));
            let json = serde_json::to_string(&t).expect("serialise");
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert_eq!(PloverType::parse("request"), Some(PloverType::Demand));
        assert_eq!(PloverType::Fight.current(), "ASSAULT");
        assert_eq!(PloverType::Investigate.current(), "ACCUSE");
        assert_eq!(PloverType::parse("MAKE_STATEMENT"), None);
    }
}
