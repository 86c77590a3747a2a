//! Byte encodings of what the store keeps for clustering: an article's
//! [`Features`] and its embedding vector.
//!
//! Why a hand-written format: the features are written for every article
//! and read back in bulk at every ingest (to replay the active stories),
//! so they should be small and quick to decode; a version byte lets the
//! format change without misreading old rows. Decoding never panics: any
//! malformed input is an error.

use sitrep_model::EntityKind;
use thiserror::Error;

use crate::features::{EntityFeature, Features};

/// Version of the features encoding.
pub const FEATURES_VERSION: u8 = 3;

/// A stored record that cannot be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The record ends early.
    #[error("truncated clustering record")]
    Truncated,
    /// Written by another version of the format.
    #[error("clustering record version {0}, expected {FEATURES_VERSION}")]
    Version(u8),
    /// A field holds an impossible value.
    #[error("malformed clustering record: {0}")]
    Malformed(&'static str),
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn day(&mut self, v: Option<i64>) {
        match v {
            Some(d) => {
                self.u8(1);
                self.0.extend_from_slice(&d.to_le_bytes());
            }
            None => self.u8(0),
        }
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if self.0.len() < n {
            return Err(DecodeError::Truncated);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, DecodeError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, DecodeError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn day(&mut self) -> Result<Option<i64>, DecodeError> {
        match self.u8()? {
            0 => Ok(None),
            1 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Ok(Some(i64::from_le_bytes(a)))
            }
            _ => Err(DecodeError::Malformed("date flag")),
        }
    }
    /// A count of items of at least `min_size` bytes each, checked against
    /// what is left so a corrupt count cannot allocate without bound.
    fn len(&mut self, min_size: usize) -> Result<usize, DecodeError> {
        let n = usize::try_from(self.u32()?).map_err(|_| DecodeError::Malformed("length"))?;
        if n.saturating_mul(min_size) > self.0.len() {
            return Err(DecodeError::Truncated);
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<String, DecodeError> {
        let n = self.len(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| DecodeError::Malformed("text"))
    }
}

fn kind_code(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Group => 2,
        EntityKind::Country => 3,
        EntityKind::Place => 4,
    }
}

fn kind_of(c: u8) -> Result<EntityKind, DecodeError> {
    Ok(match c {
        0 => EntityKind::Person,
        1 => EntityKind::Organization,
        2 => EntityKind::Group,
        3 => EntityKind::Country,
        4 => EntityKind::Place,
        _ => return Err(DecodeError::Malformed("entity kind")),
    })
}

/// Encode an article's features.
pub fn encode_features(f: &Features) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(16 + f.terms.len() * 8));
    w.u8(FEATURES_VERSION);
    w.day(f.published);
    w.day(f.text_day);
    w.len(f.terms.len());
    for (k, c) in &f.terms {
        w.u32(*k);
        w.f32(*c);
    }
    w.len(f.names.len());
    for (k, c) in &f.names {
        w.u32(*k);
        w.f32(*c);
    }
    w.len(f.labels.len());
    for (k, s) in &f.labels {
        w.u32(*k);
        w.str(s);
    }
    w.len(f.entities.len());
    for e in &f.entities {
        w.u32(e.key);
        w.str(&e.id);
        w.str(&e.name);
        w.u8(kind_code(e.kind));
        w.f32(e.count);
    }
    w.len(f.roles.len());
    for (role, key) in &f.roles {
        w.str(role);
        w.u32(*key);
    }
    w.str(&f.title);
    w.u8(u8::from(f.headline));
    w.0
}

/// Decode features written by [`encode_features`].
pub fn decode_features(bytes: &[u8]) -> Result<Features, DecodeError> {
    let mut r = Reader(bytes);
    let version = r.u8()?;
    if version != FEATURES_VERSION {
        return Err(DecodeError::Version(version));
    }
    let published = r.day()?;
    let text_day = r.day()?;
    let n = r.len(8)?;
    let mut terms = Vec::with_capacity(n);
    for _ in 0..n {
        terms.push((r.u32()?, r.f32()?));
    }
    let n = r.len(8)?;
    let mut names = Vec::with_capacity(n);
    for _ in 0..n {
        names.push((r.u32()?, r.f32()?));
    }
    let n = r.len(8)?;
    let mut labels = Vec::with_capacity(n);
    for _ in 0..n {
        labels.push((r.u32()?, r.str()?));
    }
    let n = r.len(17)?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        entities.push(EntityFeature {
            key: r.u32()?,
            id: r.str()?,
            name: r.str()?,
            kind: kind_of(r.u8()?)?,
            count: r.f32()?,
        });
    }
    let n = r.len(8)?;
    let mut roles = Vec::with_capacity(n);
    for _ in 0..n {
        roles.push((r.str()?, r.u32()?));
    }
    let title = r.str()?;
    let headline = r.u8()? != 0;
    if !r.0.is_empty() {
        return Err(DecodeError::Malformed("trailing bytes"));
    }
    Ok(Features {
        published,
        text_day,
        terms,
        names,
        labels,
        entities,
        roles,
        title,
        headline,
    })
}

/// Encode a vector as little-endian `f32`s.
pub fn encode_vector(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// Decode a vector written by [`encode_vector`].
pub fn decode_vector(bytes: &[u8]) -> Result<Vec<f32>, DecodeError> {
    if !bytes.len().is_multiple_of(4) {
        return Err(DecodeError::Malformed("vector length"));
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Features {
        Features {
            published: Some(20_140),
            text_day: None,
            terms: vec![(1, 2.0), (7, 1.0)],
            names: vec![(7, 1.0)],
            labels: vec![(1, "port".into())],
            entities: vec![EntityFeature {
                key: 9,
                id: "group:m23".into(),
                name: "M23".into(),
                kind: EntityKind::Group,
                count: 3.0,
            }],
            roles: vec![("president".into(), 4)],
            title: "Port strike ends".into(),
            headline: true,
        }
    }

    fn check(bytes: &[u8], expected: Result<Features, DecodeError>) {
        assert_eq!(decode_features(bytes), expected);
    }

    #[test]
    fn features_round_trip_and_damage_is_reported() {
        let f = sample();
        let bytes = encode_features(&f);
        check(&bytes, Ok(f));
        check(&bytes[..bytes.len() - 1], Err(DecodeError::Truncated));
        check(&[], Err(DecodeError::Truncated));
        check(&[9], Err(DecodeError::Version(9)));
        let mut long = bytes.clone();
        long.push(0);
        check(&long, Err(DecodeError::Malformed("trailing bytes")));
    }

    #[test]
    fn vectors_round_trip() {
        let v = vec![0.5, -1.25, 3.0];
        assert_eq!(decode_vector(&encode_vector(&v)), Ok(v));
        assert!(decode_vector(&[1, 2, 3]).is_err());
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = decode_features(&bytes);
            let _ = decode_vector(&bytes);
        }

        #[test]
        fn any_prefix_of_a_record_decodes_without_panic(cut in 0usize..64) {
            let bytes = encode_features(&sample());
            let _ = decode_features(&bytes[..cut.min(bytes.len())]);
        }
    }
}
