//! placeholder
pub mod dates;
pub mod html_meta;
pub mod text_cleanup;
