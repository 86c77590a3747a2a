//! sentences (being written).
