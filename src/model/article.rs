//! The article document, contract version 1 (see `docs/contract.md`).

use serde::{
    Deserialize, Deserializer, de::MapAccess, de::Visitor, de::value::MapAccessDeserializer,
};

use super::{ContractError, ExternalUrl, PublishedAt, wire};

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
    #[serde(default, deserialize_with = "body")]
    pub body: Vec<Block>,
    #[serde(default, deserialize_with = "wire::list")]
    pub sources: Vec<Source>,
}

impl Article {
    /// Parses and validates an article document.
    pub fn from_json(json: &str) -> Result<Self, ContractError> {
        ContractError::parse(json)
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

/// One block of the body, chosen by its `type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Heading(String),
    Quote { text: String, cite: Option<String> },
    List(Vec<String>),
}

impl Block {
    /// The words a reader reads in this block.
    pub fn text(&self) -> impl Iterator<Item = &str> {
        let (main, rest): (Option<&str>, &[String]) = match self {
            Self::Paragraph(text) | Self::Heading(text) => (Some(text), &[]),
            Self::Quote { text, cite } => (Some(text.as_str()), cite.as_slice()),
            Self::List(items) => (None, items.as_slice()),
        };
        main.into_iter().chain(rest.iter().map(String::as_str))
    }
}

/// A typed block as it appears in JSON; unknown types are recognised so they can be skipped.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum TypedBlock {
    Paragraph {
        #[serde(deserialize_with = "wire::block_text")]
        text: Option<String>,
    },
    Heading {
        #[serde(deserialize_with = "wire::block_text")]
        text: Option<String>,
    },
    Quote {
        #[serde(deserialize_with = "wire::block_text")]
        text: Option<String>,
        #[serde(default, deserialize_with = "wire::optional_text")]
        cite: Option<String>,
    },
    List {
        #[serde(deserialize_with = "wire::block_items")]
        items: Vec<String>,
    },
    #[serde(other)]
    Unknown,
}

impl TypedBlock {
    /// `None` for unknown types and for blocks left empty, which render nothing.
    fn into_block(self) -> Option<Block> {
        match self {
            Self::Paragraph { text } => text.map(Block::Paragraph),
            Self::Heading { text } => text.map(Block::Heading),
            Self::Quote { text, cite } => text.map(|text| Block::Quote { text, cite }),
            Self::List { items } if !items.is_empty() => Some(Block::List(items)),
            Self::List { .. } | Self::Unknown => None,
        }
    }
}

/// A body entry: a plain string (a paragraph) or a typed block object.
struct BodyEntry(Option<Block>);

impl<'de> Deserialize<'de> for BodyEntry {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct EntryVisitor;

        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = BodyEntry;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string (a paragraph) or a block object with a `type`")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<BodyEntry, E> {
                let text = text.trim();
                Ok(BodyEntry(
                    (!text.is_empty()).then(|| Block::Paragraph(text.to_owned())),
                ))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<BodyEntry, A::Error> {
                let typed = TypedBlock::deserialize(MapAccessDeserializer::new(map))?;
                Ok(BodyEntry(typed.into_block()))
            }
        }

        de.deserialize_any(EntryVisitor)
    }
}

fn body<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Block>, D::Error> {
    Ok(wire::list::<D, BodyEntry>(de)?
        .into_iter()
        .filter_map(|entry| entry.0)
        .collect())
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
