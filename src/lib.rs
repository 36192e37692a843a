//! Signal of Hope reader.
//!
//! Data flows one way: [`model`] (the JSON contract, pure Rust) → [`source`] (all I/O) →
//! [`components`] (one per layout element) → [`pages`] (one per route) → the entry points,
//! [`app`] (the site) and [`embed`] (the frame partners embed).

pub mod app;
pub mod components;
pub mod embed;
pub mod pages;
pub mod router;
pub mod source;
