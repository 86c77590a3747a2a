//! gazetteer (being written).
