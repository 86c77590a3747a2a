//! entities (being written).
