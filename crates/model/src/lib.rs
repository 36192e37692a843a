//! The JSON contract and everything derived from it without touching the browser:
//! serde types, validation and normalisation, dates, text and links, page metadata, and the
//! adapters that read other formats (JSON Feed, JSON-LD) as the contract.
//!
//! Pure Rust: the crate depends on no web-sys, wasm-bindgen or Leptos, so all of it is
//! tested natively with `cargo test`. The one browser service the adapters need, an HTML
//! parser, comes in through [`adapt::HtmlParser`].

pub mod adapt;
pub mod api;
pub mod article;
mod body;
pub mod date;
pub mod embed;
pub mod error;
pub mod feed;
pub mod image;
mod json_path;
pub mod limits;
pub mod link;
pub mod locale;
pub mod publish;
pub mod raw;
pub mod retry;
pub mod rich_text;
pub mod seo;
pub mod site;
pub mod text;
pub mod version;
mod wire;

pub use article::{Article, Pillar, Publisher, Source, SummaryBox};
pub use body::{BLOCK_FIELDS, Block, LINK_FIELDS};
pub use date::PublishedAt;
pub use error::ContractError;
pub use feed::{Card, FeedPage};
pub use image::{Author, Image, ImageSize, ImageSource, Language};
pub use limits::{Counted, Cut, Noticed, Shortened};
pub use link::{AppPaths, ExternalUrl, Route};
pub use rich_text::{RichText, Span};
