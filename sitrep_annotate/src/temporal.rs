//! temporal (being written).
