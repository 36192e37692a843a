//! The article document, contract version 1 (see `docs/contract.md`).

use serde::{Deserialize, Deserializer};

use super::{
    Block, ContractError, ExternalUrl, PublishedAt, body,
    limits::{
        Counted, Cut, Cuts, MAX_HEADLINE_CHARS, MAX_LABEL_CHARS, MAX_PILLARS, MAX_POINTS,
        MAX_SOURCES, MAX_SUMMARY_BOXES, MAX_SUMMARY_CHARS, Shortened,
    },
    version, wire,
};

/// An article, validated and normalised: optional text is `None` rather than blank,
/// unknown body blocks and empty elements are gone, links are safe, and everything is
/// within the reader's limits (`model::limits`), with what was cut in [`Article::cut`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "ArticleDoc")]
pub struct Article {
    pub slug: String,
    pub headline: String,
    pub published_at: PublishedAt,
    pub kicker: Option<String>,
    pub publisher: Option<Publisher>,
    pub status_label: Option<String>,
    pub summary: Option<String>,
    pub summary_boxes: Vec<SummaryBox>,
    pub pillars: Vec<Pillar>,
    pub body: Vec<Block>,
    pub sources: Vec<Source>,
    /// What the reader left out or shortened to stay within its limits, to be said on the
    /// page; empty for any ordinary article.
    pub cut: Vec<Cut>,
}

/// The article document as written, before the limits are applied.
#[derive(Deserialize)]
struct ArticleDoc {
    #[serde(deserialize_with = "wire::required_text")]
    slug: String,
    #[serde(deserialize_with = "wire::required_text")]
    headline: String,
    published_at: PublishedAt,
    #[serde(default, deserialize_with = "wire::optional_text")]
    kicker: Option<String>,
    #[serde(default)]
    publisher: Option<Publisher>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    status_label: Option<String>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    summary: Option<String>,
    #[serde(default)]
    summary_boxes: Option<wire::Limited<SummaryBoxDoc, MAX_SUMMARY_BOXES>>,
    #[serde(default, deserialize_with = "pillars")]
    pillars: RawPillars,
    #[serde(default, deserialize_with = "body::body")]
    body: body::RawBody,
    #[serde(default)]
    sources: Option<wire::Limited<Source, MAX_SOURCES>>,
}

impl From<ArticleDoc> for Article {
    fn from(doc: ArticleDoc) -> Self {
        let mut cuts = Cuts::default();
        let ArticleDoc {
            mut slug,
            mut headline,
            published_at,
            mut kicker,
            mut publisher,
            mut status_label,
            mut summary,
            summary_boxes,
            pillars,
            body,
            sources,
        } = doc;
        let pillars = limit_card_fields(
            &mut slug,
            &mut headline,
            &mut kicker,
            &mut summary,
            pillars,
            &mut cuts,
        );
        if let Some(label) = &mut status_label {
            cuts.text(Shortened::StatusLabel, label, MAX_LABEL_CHARS);
        }
        if let Some(publisher) = &mut publisher {
            cuts.text(
                Shortened::PublisherName,
                &mut publisher.name,
                MAX_LABEL_CHARS,
            );
        }
        let summary_boxes = summary_boxes.unwrap_or_default();
        let unread_boxes = summary_boxes.total - summary_boxes.items.len();
        let summary_boxes: Vec<SummaryBox> = summary_boxes
            .items
            .into_iter()
            .filter_map(|doc| doc.limit(&mut cuts))
            .collect();
        cuts.items(
            Counted::SummaryBoxes,
            summary_boxes.len(),
            summary_boxes.len() + unread_boxes,
        );
        let body = body.limit(&mut cuts);
        let sources = sources.unwrap_or_default();
        cuts.items(Counted::Sources, sources.items.len(), sources.total);
        let mut sources = sources.items;
        for source in &mut sources {
            cuts.text(Shortened::SourceName, &mut source.name, MAX_LABEL_CHARS);
        }
        Self {
            slug,
            headline,
            published_at,
            kicker,
            publisher,
            status_label,
            summary,
            summary_boxes,
            pillars,
            body,
            sources,
            cut: cuts.into_vec(),
        }
    }
}

/// The limits on the fields an article and its card share; a card applies the same, so the
/// card shown while an article loads reads the same as the article.
pub(crate) fn limit_card_fields(
    slug: &mut String,
    headline: &mut String,
    kicker: &mut Option<String>,
    summary: &mut Option<String>,
    pillars: RawPillars,
    cuts: &mut Cuts,
) -> Vec<Pillar> {
    cuts.slug(Shortened::Slug, slug);
    cuts.text(Shortened::Headline, headline, MAX_HEADLINE_CHARS);
    if let Some(kicker) = kicker {
        cuts.text(Shortened::Kicker, kicker, MAX_LABEL_CHARS);
    }
    if let Some(summary) = summary {
        cuts.text(Shortened::Summary, summary, MAX_SUMMARY_CHARS);
    }
    let RawPillars {
        pillars: mut list,
        unread,
    } = pillars;
    for pillar in list.iter_mut() {
        cuts.slug(Shortened::PillarSlug, &mut pillar.slug);
        cuts.text(Shortened::PillarName, &mut pillar.name, MAX_LABEL_CHARS);
    }
    // Two slugs may have become one when shortened.
    let mut seen = std::collections::HashSet::new();
    list.retain(|p| seen.insert(p.slug.clone()));
    cuts.items(
        Counted::Pillars,
        MAX_PILLARS.min(list.len()),
        list.len() + unread,
    );
    list.truncate(MAX_PILLARS);
    list
}

impl Article {
    /// Parses and validates an article document.
    pub fn from_json(json: &str) -> Result<Self, ContractError> {
        version::parse_read(json, None)
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryBox {
    pub title: Option<String>,
    pub text: Option<String>,
    pub points: Vec<String>,
}

#[derive(Deserialize)]
struct SummaryBoxDoc {
    #[serde(default, deserialize_with = "wire::optional_text")]
    title: Option<String>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    text: Option<String>,
    #[serde(default)]
    points: Option<wire::Limited<Point, MAX_POINTS>>,
}

impl wire::Counted for SummaryBoxDoc {
    /// A box with neither text nor points is not shown.
    fn counts(&self) -> bool {
        self.text.is_some()
            || self
                .points
                .as_ref()
                .is_some_and(|p| p.items.iter().any(|p| p.0.is_some()))
    }
}

/// A point of a summary box; `None` when blank (dropped).
struct Point(Option<String>);

impl<'de> Deserialize<'de> for Point {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        wire::optional_text(de).map(Point)
    }
}

impl wire::Counted for Point {
    fn counts(&self) -> bool {
        self.0.is_some()
    }
}

impl SummaryBoxDoc {
    /// The box within its limits, or `None` if it has nothing to show.
    fn limit(self, cuts: &mut Cuts) -> Option<SummaryBox> {
        let points = self.points.unwrap_or_default();
        let unread = points.total - points.items.len();
        let mut list: Vec<String> = points.items.into_iter().filter_map(|p| p.0).collect();
        cuts.items(Counted::PointsInSummaryBox, list.len(), list.len() + unread);
        if self.text.is_none() && list.is_empty() {
            return None;
        }
        let mut title = self.title;
        let mut text = self.text;
        if let Some(title) = &mut title {
            cuts.text(Shortened::SummaryBoxTitle, title, MAX_LABEL_CHARS);
        }
        if let Some(text) = &mut text {
            cuts.text(Shortened::SummaryBoxText, text, MAX_SUMMARY_CHARS);
        }
        for point in &mut list {
            cuts.text(Shortened::SummaryBoxPoint, point, MAX_LABEL_CHARS);
        }
        Some(SummaryBox {
            title,
            text,
            points: list,
        })
    }
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

/// Pillar entries read; past these, a list of pillars is only counted. Far more than are
/// shown, since repeated slugs are dropped before the first [`MAX_PILLARS`] are kept.
const PILLAR_ENTRIES_READ: usize = 1_000;

/// Pillars as read: each slug once (the first wins), so badges and counts never repeat, and
/// how many entries were left unread.
#[derive(Debug, Default)]
pub(crate) struct RawPillars {
    pillars: Vec<Pillar>,
    unread: usize,
}

impl wire::Counted for Pillar {}

pub(crate) fn pillars<'de, D: Deserializer<'de>>(de: D) -> Result<RawPillars, D::Error> {
    let list =
        Option::<wire::Limited<Pillar, PILLAR_ENTRIES_READ>>::deserialize(de)?.unwrap_or_default();
    let unread = list.total - list.items.len();
    let mut pillars = list.items;
    let mut seen = std::collections::HashSet::new();
    pillars.retain(|p| seen.insert(p.slug.clone()));
    Ok(RawPillars { pillars, unread })
}

impl wire::Counted for Source {}
