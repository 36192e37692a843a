//! The article document, contract version 1 (see `docs/contract.md`).

use serde::{Deserialize, Deserializer};

use super::{Block, ContractError, ExternalUrl, PublishedAt, body, version, wire};

/// An article, validated and normalised: optional text is `None` rather than blank,
/// unknown body blocks and empty elements are gone, links are safe.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Article {
    #[serde(deserialize_with = "wire::required_text")]
    pub slug: String,
    #[serde(deserialize_with = "wire::required_text")]
    pub headline: String,
    pub published_at: PublishedAt,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub kicker: Option<String>,
    #[serde(default)]
    pub publisher: Option<Publisher>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub status_label: Option<String>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "summary_boxes")]
    pub summary_boxes: Vec<SummaryBox>,
    #[serde(default, deserialize_with = "pillars")]
    pub pillars: Vec<Pillar>,
    #[serde(default, deserialize_with = "body::body")]
    pub body: Vec<Block>,
    #[serde(default, deserialize_with = "wire::list")]
    pub sources: Vec<Source>,
}

impl Article {
    /// Parses and validates an article document.
    pub fn from_json(json: &str) -> Result<Self, ContractError> {
        version::check(json)?;
        ContractError::parse(json)
    }

    /// Validates an article an adapter built as contract JSON from another format.
    pub fn from_value(value: serde_json::Value) -> Result<Self, ContractError> {
        ContractError::from_value(value)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Publisher {
    #[serde(deserialize_with = "wire::required_text")]
    pub name: String,
    #[serde(default, deserialize_with = "wire::external_url")]
    pub url: Option<ExternalUrl>,
}

/// A box beside the main summary: a title, and text and/or points.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SummaryBox {
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub text: Option<String>,
    #[serde(default, deserialize_with = "wire::text_list")]
    pub points: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Pillar {
    #[serde(deserialize_with = "wire::required_text")]
    pub slug: String,
    #[serde(deserialize_with = "wire::required_text")]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    #[serde(deserialize_with = "wire::required_text")]
    pub name: String,
    #[serde(default, deserialize_with = "wire::external_url")]
    pub url: Option<ExternalUrl>,
}

fn summary_boxes<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<SummaryBox>, D::Error> {
    Ok(wire::list::<D, SummaryBox>(de)?
        .into_iter()
        .filter(|b| b.text.is_some() || !b.points.is_empty())
        .collect())
}

/// Pillars, each slug once (the first wins), so badges and counts never repeat.
pub(crate) fn pillars<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Pillar>, D::Error> {
    let mut pillars = wire::list::<D, Pillar>(de)?;
    let mut seen = std::collections::HashSet::new();
    pillars.retain(|p| seen.insert(p.slug.clone()));
    Ok(pillars)
}
