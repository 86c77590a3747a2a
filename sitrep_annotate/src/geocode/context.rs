//! The context features of geocoding's refinement rounds: how much of
//! the article's other names, at their current probabilities, lies in a
//! candidate's country, in its first-level subdivision, near it, and in
//! a neighbouring country.
//!
//! Why this way: an article may have a thousand candidates, and comparing
//! every pair each round was the costliest step of ingest. Country and
//! subdivision shares are sums per country and per subdivision, computed
//! once a round (the candidate's own name taken back out); only the
//! distance features compare pairs, over the candidates likely enough to
//! count, skipping pairs too far apart to matter, and each distance is
//! computed once for all rounds.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::{NameGroup, Weights, admin1_of};
use crate::gazetteer::{EARTH_RADIUS_KM, PlaceKind};

/// Probability below which a candidate gives no context.
const LIKELY: f64 = 1e-3;
/// Distance, in distance scales, beyond which closeness counts as none
/// (e^-15 is below 1e-6).
const FAR_SCALES: f64 = 15.0;
/// Most candidate pairs whose closeness is kept across rounds.
const MAX_PAIRS: usize = 1 << 20;

/// The candidates of all names of an article, numbered in one sequence
/// (group by group), with what context scoring compares of them read
/// once, and the closeness of each pair computed once for all rounds.
pub(super) struct Flat {
    /// Number of the first candidate of each group.
    start: Vec<usize>,
    /// Country of each candidate as a number (0: none; equal numbers,
    /// equal countries).
    country: Vec<usize>,
    /// [`admin1_of`] each candidate as a number (0: none).
    region: Vec<usize>,
    /// How many country and region numbers there are (0 included).
    counts: (usize, usize),
    /// Countries and continents, which say little about distance.
    broad: Vec<bool>,
    /// Number of each country candidate among the country candidates
    /// (for `near_country`), `None` for other places.
    country_slot: Vec<Option<usize>>,
    /// Each candidate as a unit vector, to rule out far pairs cheaply.
    unit: Vec<[f64; 3]>,
    /// `exp(-km / nearby_km)` of `i` and `j` at `i * n + j` once computed
    /// (NaN before), when the article has few enough candidates to keep
    /// every pair.
    near: Option<Vec<f64>>,
    /// `exp(-km / near_country_km)` of candidate `i` and country slot `s`
    /// at `i * slots + s` once computed (NaN before).
    near_country: Vec<f64>,
}

/// What the other names offer in one round: probability mass per country
/// and per subdivision, and the candidates likely enough to count.
pub(super) struct Round {
    /// Groups that give context (candidates found by the whole name).
    giving: usize,
    /// Probability mass per country number.
    country_mass: Vec<f64>,
    /// Probability mass per region number.
    region_mass: Vec<f64>,
    /// Likely places that are not countries or continents:
    /// (candidate, group, probability), in candidate order.
    local: Vec<(usize, usize, f64)>,
    /// Likely countries: (candidate, group, probability).
    countries: Vec<(usize, usize, f64)>,
}

/// True when the group's candidates give the other names context.
fn gives_context(g: &NameGroup<'_>) -> bool {
    !g.cands.is_empty() && !g.by_part && !g.forces_only
}

/// The number of `key` in `numbers`, adding it when new.
fn number_of<K: std::hash::Hash + Eq>(numbers: &mut HashMap<K, usize, FixedState>, key: K) -> usize {
    let next = numbers.len() + 1;
    *numbers.entry(key).or_insert(next)
}

/// The unit vector of a point at `lat`, `lon` (degrees).
fn unit_vector(lat: f64, lon: f64) -> [f64; 3] {
    let (phi, lambda) = (lat.to_radians(), lon.to_radians());
    [phi.cos() * lambda.cos(), phi.cos() * lambda.sin(), phi.sin()]
}

/// The squared chord between two points on the unit sphere whose great
/// circle distance is `km`.
fn chord_squared(km: f64) -> f64 {
    let half = (km / (2.0 * EARTH_RADIUS_KM)).min(std::f64::consts::FRAC_PI_2);
    4.0 * half.sin().powi(2)
}

impl Flat {
    /// Number the candidates of `groups`.
    pub(super) fn new(groups: &[NameGroup<'_>]) -> Self {
        let n: usize = groups.iter().map(|g| g.cands.len()).sum();
        // foldhash's fixed seed: SipHash was 0.3% of an ingest's CPU here.
        let mut countries: HashMap<&str, usize, FixedState> = HashMap::default();
        let mut regions: HashMap<u64, usize, FixedState> = HashMap::default();
        let mut this = Self {
            start: Vec::with_capacity(groups.len()),
            country: Vec::with_capacity(n),
            region: Vec::with_capacity(n),
            counts: (0, 0),
            broad: Vec::with_capacity(n),
            country_slot: Vec::with_capacity(n),
            unit: Vec::with_capacity(n),
            near: (n.saturating_mul(n) <= MAX_PAIRS).then(|| vec![f64::NAN; n * n]),
            near_country: Vec::new(),
        };
        let mut slots = 0;
        for g in groups {
            this.start.push(this.country.len());
            for c in &g.cands {
                let p = c.place;
                let country = if p.country.is_empty() {
                    0
                } else {
                    number_of(&mut countries, p.country.as_str())
                };
                this.country.push(country);
                let region = admin1_of(p);
                this.region.push(if region == 0 {
                    0
                } else {
                    number_of(&mut regions, region)
                });
                this.broad
                    .push(matches!(p.kind, PlaceKind::Country | PlaceKind::Continent));
                this.country_slot.push((p.kind == PlaceKind::Country).then(|| {
                    slots += 1;
                    slots - 1
                }));
                this.unit.push(unit_vector(p.lat, p.lon));
            }
        }
        this.counts = (countries.len() + 1, regions.len() + 1);
        this.near_country = vec![f64::NAN; n * slots];
        this
    }

    /// `exp(-km / scale)` between candidates `i` and `j`, zero when they
    /// are more than [`FAR_SCALES`] scales apart.
    fn closeness(&self, i: usize, j: usize, scale: f64) -> f64 {
        let (a, b) = (self.unit[i], self.unit[j]);
        let chord = (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2);
        if chord > chord_squared(FAR_SCALES * scale) {
            return 0.0;
        }
        // The great circle distance from the chord.
        let km = 2.0 * EARTH_RADIUS_KM * (chord.sqrt() / 2.0).min(1.0).asin();
        (-km / scale).exp()
    }

    /// `exp(-km / nearby_km)` between candidates `i` and `j`, kept for
    /// both orders.
    fn near(&mut self, i: usize, j: usize, nearby_km: f64) -> f64 {
        let n = self.unit.len();
        if let Some(&known) = self
            .near
            .as_ref()
            .and_then(|v| v.get(i * n + j))
            .filter(|x| !x.is_nan())
        {
            return known;
        }
        let value = self.closeness(i, j, nearby_km);
        if let Some(cache) = self.near.as_mut() {
            cache[i * n + j] = value;
            cache[j * n + i] = value;
        }
        value
    }

    /// `exp(-km / near_country_km)` between candidate `i` and the country
    /// candidate `j`.
    fn near_country(&mut self, i: usize, j: usize, near_country_km: f64) -> f64 {
        let slots = self.near_country.len() / self.unit.len().max(1);
        let Some(slot) = self.country_slot[j] else {
            return 0.0;
        };
        let at = i * slots + slot;
        if let Some(&known) = self.near_country.get(at).filter(|x| !x.is_nan()) {
            return known;
        }
        let value = self.closeness(i, j, near_country_km);
        self.near_country[at] = value;
        value
    }

    /// Context features of candidate `ci` of group `own` against the
    /// other names' probabilities summed up in `round`.
    pub(super) fn context_score(
        &mut self,
        own: usize,
        ci: usize,
        groups: &[NameGroup<'_>],
        round: &Round,
        w: &Weights,
    ) -> f64 {
        let own_gives = gives_context(&groups[own]);
        let others = round.giving - usize::from(own_gives);
        if others == 0 {
            return 0.0;
        }
        let i = self.start[own] + ci;
        let (country, region) = (self.country[i], self.region[i]);
        let mut same_country = if country == 0 {
            0.0
        } else {
            round.country_mass[country]
        };
        let mut same_admin1 = if region == 0 {
            0.0
        } else {
            round.region_mass[region]
        };
        if own_gives {
            let first = self.start[own];
            for (cj, &prob) in groups[own].prob.iter().enumerate() {
                if prob < LIKELY {
                    continue;
                }
                if country != 0 && self.country[first + cj] == country {
                    same_country -= prob;
                }
                if region != 0 && self.region[first + cj] == region {
                    same_admin1 -= prob;
                }
            }
        }
        let mut nearby = 0.0;
        for &(j, group, prob) in &round.local {
            if group != own {
                nearby += prob * self.near(i, j, w.nearby_km);
            }
        }
        let mut near_country = 0.0;
        if w.near_country != 0.0 {
            for &(j, group, prob) in &round.countries {
                if group != own && self.country[j] != country {
                    // A place near a country it is not in is its
                    // neighbour's.
                    near_country += prob * self.near_country(i, j, w.near_country_km);
                }
            }
        }
        let n = others as f64;
        w.same_country * same_country.max(0.0) / n
            + w.same_admin1 * same_admin1.max(0.0) / n
            + w.nearby * nearby / n
            + w.near_country * near_country / n
    }
}

impl Round {
    /// Sum up the groups' current probabilities.
    pub(super) fn new(flat: &Flat, groups: &[NameGroup<'_>]) -> Self {
        let mut this = Self {
            giving: 0,
            country_mass: vec![0.0; flat.counts.0],
            region_mass: vec![0.0; flat.counts.1],
            local: Vec::new(),
            countries: Vec::new(),
        };
        for (gi, grp) in groups.iter().enumerate() {
            if !gives_context(grp) {
                continue;
            }
            this.giving += 1;
            let first = flat.start[gi];
            for (cj, &prob) in grp.prob.iter().enumerate() {
                if prob < LIKELY {
                    continue;
                }
                let j = first + cj;
                this.country_mass[flat.country[j]] += prob;
                this.region_mass[flat.region[j]] += prob;
                if !flat.broad[j] {
                    this.local.push((j, gi, prob));
                } else if flat.country_slot[j].is_some() {
                    this.countries.push((j, gi, prob));
                }
            }
        }
        this
    }
}
