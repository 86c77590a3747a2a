//! geocode (being written).
