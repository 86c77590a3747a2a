//! Event rows: each article's coded events, one row per event, with the
//! evidence span, the trigger span, actors (JSON objects) and the date.
//!
//! Rows rather than one JSON document per article because events are what
//! the later stages (consolidation, the API) query by type, actor and
//! date; the actors stay JSON because their shape grows with the coder.

use rusqlite::{Connection, Transaction, params};
use sitrep_model::{
    ArticleId, DatePrecision, Event, EventActor, EventDateBasis, EventPlace, PartialDate, PloverType, Span,
};

use crate::StoreError;

/// The event coder's result for one new article, written with it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    /// The article.
    pub article: ArticleId,
    /// Its events, in text order.
    pub events: Vec<Event>,
}

fn as_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn precision_str(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
        DatePrecision::Unknown => "unknown",
    }
}

fn basis_str(b: EventDateBasis) -> &'static str {
    match b {
        EventDateBasis::Text => "text",
        EventDateBasis::Publication => "publication",
        EventDateBasis::None => "none",
    }
}

pub(crate) fn insert(tx: &Transaction<'_>, records: &[EventRecord]) -> Result<(), StoreError> {
    let mut exists = tx.prepare_cached("SELECT 1 FROM events WHERE article = ?1 LIMIT 1")?;
    let mut row = tx.prepare_cached(
        "INSERT INTO events (article, seq, type, mode, context, cameo, source, target, date, \
         date_precision, date_basis, place, start, end, trigger_start, trigger_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    for r in records {
        // Re-ingesting adds nothing.
        if exists.exists([r.article.as_str()])? {
            continue;
        }
        for (seq, e) in r.events.iter().enumerate() {
            row.execute(params![
                r.article.as_str(),
                as_i64(seq),
                e.kind.as_str(),
                e.mode,
                e.context,
                e.cameo,
                serde_json::to_string(&e.source)?,
                e.target.as_ref().map(serde_json::to_string).transpose()?,
                e.date.map(|d| d.to_string()),
                precision_str(e.date_precision),
                basis_str(e.date_basis),
                e.place.as_ref().map(serde_json::to_string).transpose()?,
                as_i64(e.span.start),
                as_i64(e.span.end),
                as_i64(e.trigger.start),
                as_i64(e.trigger.end),
            ])?;
        }
    }
    Ok(())
}

fn parse_date(s: &str) -> Option<PartialDate> {
    let mut parts = s.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().map(str::parse).transpose().ok()?;
    let day = parts.next().map(str::parse).transpose().ok()?;
    Some(PartialDate { year, month, day })
}

/// Every stored article's events, articles in storage order, events in
/// text order.
pub(crate) fn all(conn: &Connection) -> Result<Vec<EventRecord>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT e.article, e.type, e.mode, e.context, e.cameo, e.source, e.target, e.date, \
         e.date_precision, e.date_basis, e.place, e.start, e.end, e.trigger_start, e.trigger_end
         FROM events e JOIN articles a ON a.id = e.article ORDER BY a.rowid, e.seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: Vec<EventRecord> = Vec::new();
    while let Some(r) = rows.next()? {
        let article: String = r.get(0)?;
        let bad = |what: &str| StoreError::Corrupt(format!("article {article}: unreadable event {what}"));
        let kind = PloverType::parse(&r.get::<_, String>(1)?).ok_or_else(|| bad("type"))?;
        let source: EventActor = serde_json::from_str(&r.get::<_, String>(5)?).map_err(|_| bad("source"))?;
        let target: Option<EventActor> = r
            .get::<_, Option<String>>(6)?
            .map(|t| serde_json::from_str(&t))
            .transpose()
            .map_err(|_| bad("target"))?;
        let place: Option<EventPlace> = r
            .get::<_, Option<String>>(10)?
            .map(|p| serde_json::from_str(&p))
            .transpose()
            .map_err(|_| bad("place"))?;
        let date = r.get::<_, Option<String>>(7)?.as_deref().and_then(parse_date);
        let date_precision = match r.get::<_, String>(8)?.as_str() {
            "day" => DatePrecision::Day,
            "month" => DatePrecision::Month,
            "year" => DatePrecision::Year,
            _ => DatePrecision::Unknown,
        };
        let date_basis = match r.get::<_, String>(9)?.as_str() {
            "text" => EventDateBasis::Text,
            "publication" => EventDateBasis::Publication,
            _ => EventDateBasis::None,
        };
        let span = |a: usize, b: usize| -> Result<Span, StoreError> {
            let start: i64 = r.get(a)?;
            let end: i64 = r.get(b)?;
            Ok(Span::new(
                usize::try_from(start).map_err(|_| bad("span"))?,
                usize::try_from(end).map_err(|_| bad("span"))?,
            ))
        };
        let event = Event {
            kind,
            mode: r.get(2)?,
            context: r.get(3)?,
            cameo: r.get(4)?,
            source,
            target,
            date,
            date_precision,
            date_basis,
            place,
            span: span(11, 12)?,
            trigger: span(13, 14)?,
        };
        match out.last_mut() {
            Some(last) if last.article.as_str() == article => last.events.push(event),
            _ => out.push(EventRecord {
                article: ArticleId::from_stored(article),
                events: vec![event],
            }),
        }
    }
    Ok(out)
}
