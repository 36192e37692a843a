//! The JSON contract and everything derived from it without touching the browser:
//! serde types, validation and normalisation, dates, text and links.
//!
//! Pure Rust (no web-sys), so all of it is tested natively with `cargo test`.

pub mod article;
pub mod date;
pub mod error;
pub mod feed;
pub mod link;
pub mod seo;
pub mod site;
pub mod text;
mod wire;

pub use article::{Article, Block, Pillar, Publisher, Source, SummaryBox};
pub use date::PublishedAt;
pub use error::ContractError;
pub use feed::{Card, FeedPage};
pub use link::{AppPaths, ExternalUrl, Route};
