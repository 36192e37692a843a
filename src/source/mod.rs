//! All I/O: where the data lives (read from the page), fetching it, caching it, and the
//! reader's stored preferences. Views get typed values and typed errors from here.

pub mod clipboard;
pub mod config;
pub mod dom;
pub mod error;
mod formats;
pub mod http;
pub mod intl;
pub mod store;
pub mod theme;
mod whole_app;

pub use config::Config;
pub use error::FetchError;
pub use store::{FeedState, Store};
