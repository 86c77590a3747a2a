//! States as they were on an event's day: a country that seceded is its
//! predecessor before its independence ("Sudanese rebels shelled Juba" in
//! 2000 acted on Sudan, not South Sudan). The gazetteer and the knowledge
//! base know today's borders only.

use sitrep_model::{Event, PartialDate};

/// Countries that seceded, with the country they left and the first day
/// of their independence.
const SECESSIONS: &[(&str, &str, (i32, u32, u32))] =
    &[("SSD", "SDN", (2011, 7, 9)), ("ERI", "ETH", (1993, 5, 24))];

/// The country `code` belonged to on `date`: its predecessor before its
/// independence, else itself. A date known to the year or month only
/// counts from its first day.
pub fn country_on(code: &str, date: PartialDate) -> &str {
    let day = (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1));
    SECESSIONS
        .iter()
        .find(|(state, _, independence)| *state == code && day < *independence)
        .map_or(code, |(_, predecessor, _)| predecessor)
}

/// Rewrites the countries of an event's parties and place to those of its
/// day (the event's date, else `published`); an undated event is left as
/// it is.
pub fn as_of_event_day(event: &mut Event, published: Option<PartialDate>) {
    let Some(date) = event.date.or(published) else {
        return;
    };
    let fix = |country: &mut Option<String>| {
        if let Some(c) = country.as_mut() {
            let then = country_on(c, date);
            if then != c {
                *c = then.to_owned();
            }
        }
    };
    fix(&mut event.source.country);
    if let Some(t) = event.target.as_mut() {
        fix(&mut t.country);
    }
    if let Some(p) = event.place.as_mut() {
        fix(&mut p.country);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: Option<u32>, day: Option<u32>) -> PartialDate {
        PartialDate { year, month, day }
    }

    #[test]
    fn a_seceded_state_is_its_predecessor_before_independence() {
        assert_eq!(country_on("SSD", day(2000, Some(1), Some(1))), "SDN");
        assert_eq!(country_on("SSD", day(2011, Some(7), Some(8))), "SDN");
        assert_eq!(country_on("SSD", day(2011, Some(7), Some(9))), "SSD");
        assert_eq!(country_on("SSD", day(2011, None, None)), "SDN");
        assert_eq!(country_on("ERI", day(1990, None, None)), "ETH");
        assert_eq!(country_on("ERI", day(1994, None, None)), "ERI");
        assert_eq!(country_on("SDN", day(1990, None, None)), "SDN");
    }
}
