//! Gazetteer ids: GeoNames ids, and the ids of regions sitrep derives
//! from the GeoNames subdivisions that split them ("Darfur" from North,
//! South, West … Darfur), which have no GeoNames entry of their own.
//!
//! Inside sitrep both are one `u64` (a region's from
//! [`DERIVED_REGION_ID_BASE`] up). Outside, in JSON and in entity ids, a
//! region never passes for a GeoNames id: its `geonames_id` is null and
//! its `region_id` is the part above the base; its entity id is
//! `region:<n>`, not `geonames:<n>`.

use serde::{Deserialize, Serialize};

/// Gazetteer ids from this value up are derived regions.
pub const DERIVED_REGION_ID_BASE: u64 = 1_000_000_000;

/// The GeoNames id of a gazetteer id: none for a derived region.
pub fn geonames_id(id: Option<u64>) -> Option<u64> {
    id.filter(|&i| i < DERIVED_REGION_ID_BASE)
}

/// The region number of a gazetteer id (its part above
/// [`DERIVED_REGION_ID_BASE`]): none for a GeoNames id.
pub fn region_id(id: Option<u64>) -> Option<u64> {
    id.and_then(|i| i.checked_sub(DERIVED_REGION_ID_BASE))
}

/// The gazetteer id that JSON fields `geonames_id` and `region_id` give:
/// the region's when there is one, else the GeoNames id.
pub fn gazetteer_id_of(geonames_id: Option<u64>, region_id: Option<u64>) -> Option<u64> {
    region_id
        .map(|r| r.saturating_add(DERIVED_REGION_ID_BASE))
        .or(geonames_id)
}

/// The canonical entity key of the place with gazetteer id `id`:
/// `geonames:<id>`, or `region:<n>` for a derived region.
pub fn place_entity_key(id: u64) -> String {
    match region_id(Some(id)) {
        Some(region) => format!("region:{region}"),
        None => format!("geonames:{id}"),
    }
}

/// A resolved place's gazetteer id and point as JSON fields:
/// `geonames_id`, `region_id` for a derived region (whose `geonames_id` is
/// null), `lat`, `lon`, `country`. Reads ids written before regions had a
/// field of their own, too.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct GazetteerPointJson {
    #[serde(default)]
    geonames_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    region_id: Option<u64>,
    #[serde(default)]
    lat: Option<f64>,
    #[serde(default)]
    lon: Option<f64>,
    #[serde(default)]
    country: Option<String>,
}

impl GazetteerPointJson {
    /// The fields of gazetteer id `id` at `lat`, `lon` in `country`.
    pub(crate) fn new(id: Option<u64>, lat: Option<f64>, lon: Option<f64>, country: Option<String>) -> Self {
        Self {
            geonames_id: geonames_id(id),
            region_id: region_id(id),
            lat,
            lon,
            country,
        }
    }

    /// The gazetteer id, latitude, longitude and country.
    pub(crate) fn into_parts(self) -> (Option<u64>, Option<f64>, Option<f64>, Option<String>) {
        (
            gazetteer_id_of(self.geonames_id, self.region_id),
            self.lat,
            self.lon,
            self.country,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_keep_apart_from_geonames_ids() {
        let darfur = DERIVED_REGION_ID_BASE + 42;
        assert_eq!(geonames_id(Some(darfur)), None);
        assert_eq!(geonames_id(Some(216_281)), Some(216_281));
        assert_eq!(region_id(Some(darfur)), Some(42));
        assert_eq!(region_id(Some(216_281)), None);
        assert_eq!(gazetteer_id_of(None, Some(42)), Some(darfur));
        assert_eq!(gazetteer_id_of(Some(216_281), None), Some(216_281));
        assert_eq!(place_entity_key(darfur), "region:42");
        assert_eq!(place_entity_key(216_281), "geonames:216281");
    }

    #[test]
    fn json_fields_round_trip() {
        for id in [None, Some(216_281), Some(DERIVED_REGION_ID_BASE + 42)] {
            let fields = GazetteerPointJson::new(id, Some(1.5), None, Some("COD".into()));
            let json = serde_json::to_value(fields).expect("json");
            let back: GazetteerPointJson = serde_json::from_value(json.clone()).expect("read");
            assert_eq!(
                back.into_parts(),
                (id, Some(1.5), None, Some("COD".into())),
                "{json}"
            );
        }
        let point =
            |id| serde_json::to_value(GazetteerPointJson::new(Some(id), None, None, None)).expect("json");
        assert_eq!(
            point(DERIVED_REGION_ID_BASE + 42),
            serde_json::json!({"geonames_id": null, "region_id": 42, "lat": null, "lon": null, "country": null})
        );
        assert_eq!(
            point(7),
            serde_json::json!({"geonames_id": 7, "lat": null, "lon": null, "country": null})
        );
    }
}
