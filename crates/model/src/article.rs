//! The article document, contract version 1 (see `docs/contract.md`).

use serde::{Deserialize, Deserializer};

use super::{
    Block, ContractError, ExternalUrl, PublishedAt, body,
    image::{self, Author, Image, Language, MAX_AUTHORS},
    limits::{
        Counted, Cut, Cuts, MAX_HEADLINE_CHARS, MAX_LABEL_CHARS, MAX_PILLARS, MAX_POINTS,
        MAX_SOURCES, MAX_SUMMARY_BOXES, MAX_SUMMARY_CHARS, Shortened,
    },
    version,
    wire::{self, AsRead},
};

/// An article, validated and normalised: optional text is `None` rather than blank,
/// unknown body blocks and empty elements are gone, links are safe, and everything is
/// within the reader's limits (`model::limits`), with what was cut in [`Article::cut`].
///
/// Read straight from the document: serde fills the fields, then `Article::limit` applies
/// the limits. The lists are read into the private `read_*` fields first (`wire::AsRead`),
/// since entries past a limit are only counted there, and the count goes into the cut
/// notice. Read an article with [`Article::from_json`] or through serde's `Deserialize`
/// (`serde_json::from_str`, any `T: Deserialize`), which apply the limits: the inherent
/// `Article::deserialize` that `remote = "Self"` derives is the reading alone, for the
/// `Deserialize` impl only.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self")]
pub struct Article {
    #[serde(deserialize_with = "wire::required_text")]
    pub slug: String,
    #[serde(deserialize_with = "wire::required_text")]
    pub headline: String,
    /// `None`: undated (the document says `null`).
    #[serde(deserialize_with = "crate::date::required_or_undated")]
    pub published_at: Option<PublishedAt>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub kicker: Option<String>,
    #[serde(default)]
    pub publisher: Option<Publisher>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub status_label: Option<String>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub summary: Option<String>,
    /// The article's own page at its publisher, when it also lives there (a feed item's
    /// link): an article without a body links to it.
    #[serde(default, deserialize_with = "wire::external_url")]
    pub url: Option<ExternalUrl>,
    /// The hero image (contract 1.1); `None` also when its URL was unusable.
    #[serde(default, deserialize_with = "image::optional_image")]
    pub image: Option<Image>,
    /// The byline (contract 1.1), at most [`MAX_AUTHORS`].
    #[serde(skip)]
    pub authors: Vec<Author>,
    /// When the article was last changed (contract 1.1); shown only when later than
    /// `published_at` ([`Article::shown_update`]).
    #[serde(default, deserialize_with = "crate::date::optional")]
    pub updated_at: Option<PublishedAt>,
    /// The article's language (contract 1.1): its text's `lang`, direction and date format.
    #[serde(default, deserialize_with = "image::optional_language")]
    pub language: Option<Language>,
    #[serde(skip)]
    pub summary_boxes: Vec<SummaryBox>,
    #[serde(skip)]
    pub pillars: Vec<Pillar>,
    #[serde(skip)]
    pub body: Vec<Block>,
    #[serde(skip)]
    pub sources: Vec<Source>,
    /// What the reader left out or shortened to stay within its limits, to be said on the
    /// page; empty for any ordinary article.
    #[serde(skip)]
    pub cut: Vec<Cut>,
    #[serde(rename = "summary_boxes", default)]
    read_summary_boxes: AsRead<Option<wire::Limited<SummaryBoxDoc, MAX_SUMMARY_BOXES>>>,
    #[serde(rename = "pillars", default)]
    read_pillars: AsRead<RawPillars>,
    #[serde(rename = "body", default)]
    read_body: AsRead<body::RawBody>,
    #[serde(rename = "authors", default)]
    read_authors: AsRead<Option<wire::Limited<Author, MAX_AUTHORS>>>,
    #[serde(rename = "sources", default)]
    read_sources: AsRead<Option<wire::Limited<Source, MAX_SOURCES>>>,
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        // The derived reading (inherent, so it is not this function), then the limits.
        let mut article = Self::deserialize(de)?;
        article.limit();
        Ok(article)
    }
}

impl Article {
    /// Applies the limits to the article as read, noting in [`Article::cut`] what was cut;
    /// moves the lists out of the `read_*` fields.
    fn limit(&mut self) {
        let mut cuts = Cuts::default();
        let RawPillars {
            pillars,
            unread: unread_pillars,
        } = std::mem::take(&mut self.read_pillars.0);
        self.pillars = pillars;
        limit_card_fields(
            &mut self.slug,
            &mut self.headline,
            &mut self.kicker,
            &mut self.summary,
            &mut self.pillars,
            unread_pillars,
            &mut cuts,
        );
        if let Some(label) = &mut self.status_label {
            cuts.text(Shortened::StatusLabel, label, MAX_LABEL_CHARS);
        }
        if let Some(publisher) = &mut self.publisher {
            cuts.text(
                Shortened::PublisherName,
                &mut publisher.name,
                MAX_LABEL_CHARS,
            );
        }
        let boxes = self.read_summary_boxes.0.take().unwrap_or_default();
        let unread_boxes = boxes.total - boxes.items.len();
        self.summary_boxes = boxes
            .items
            .into_iter()
            .filter_map(|doc| doc.limit(&mut cuts))
            .collect();
        let shown = self.summary_boxes.len();
        cuts.items(Counted::SummaryBoxes, shown, shown + unread_boxes);
        self.body = std::mem::take(&mut self.read_body.0).limit(&mut cuts);
        let authors = self.read_authors.0.take().unwrap_or_default();
        cuts.items(Counted::Authors, authors.items.len(), authors.total);
        self.authors = authors.items;
        for author in &mut self.authors {
            cuts.text(Shortened::AuthorName, &mut author.name, MAX_LABEL_CHARS);
        }
        let sources = self.read_sources.0.take().unwrap_or_default();
        cuts.items(Counted::Sources, sources.items.len(), sources.total);
        self.sources = sources.items;
        for source in &mut self.sources {
            cuts.text(Shortened::SourceName, &mut source.name, MAX_LABEL_CHARS);
        }
        self.cut = cuts.into_vec();
    }
}

/// The limits on the fields an article and its card share; a card applies the same, so the
/// card shown while an article loads reads the same as the article. `unread_pillars` are
/// the pillar entries past those read, counted for the notice.
pub(crate) fn limit_card_fields(
    slug: &mut String,
    headline: &mut String,
    kicker: &mut Option<String>,
    summary: &mut Option<String>,
    pillars: &mut Vec<Pillar>,
    unread_pillars: usize,
    cuts: &mut Cuts,
) {
    cuts.slug(Shortened::Slug, slug);
    cuts.text(Shortened::Headline, headline, MAX_HEADLINE_CHARS);
    if let Some(kicker) = kicker {
        cuts.text(Shortened::Kicker, kicker, MAX_LABEL_CHARS);
    }
    if let Some(summary) = summary {
        cuts.text(Shortened::Summary, summary, MAX_SUMMARY_CHARS);
    }
    for pillar in pillars.iter_mut() {
        cuts.slug(Shortened::PillarSlug, &mut pillar.slug);
        cuts.text(Shortened::PillarName, &mut pillar.name, MAX_LABEL_CHARS);
    }
    // Two slugs may have become one when shortened.
    let mut seen = std::collections::HashSet::new();
    pillars.retain(|p| seen.insert(p.slug.clone()));
    let total = pillars.len() + unread_pillars;
    cuts.items(Counted::Pillars, MAX_PILLARS.min(pillars.len()), total);
    pillars.truncate(MAX_PILLARS);
}

impl Article {
    /// `updated_at`, when the page should say "Updated …": it falls on a later day than
    /// `published_at` (an update the same day would repeat the dateline), or the article is
    /// otherwise undated.
    pub fn shown_update(&self) -> Option<&PublishedAt> {
        let updated = self.updated_at.as_ref()?;
        match &self.published_at {
            None => Some(updated),
            Some(published) => (updated.sort_key() > published.sort_key()
                && updated.calendar_date() != published.calendar_date())
            .then_some(updated),
        }
    }

    /// The article's images, hero and figures, largest first: the hero ahead of any of the
    /// same size (or of unknown size), figures in their order among equals.
    pub fn images_by_size(&self) -> Vec<&Image> {
        let figures = self.body.iter().filter_map(|block| match block {
            Block::Figure(image) => Some(image),
            _ => None,
        });
        let mut images: Vec<&Image> = self.image.iter().chain(figures).collect();
        // Stable, so equals keep the order above.
        images.sort_by_key(|image| std::cmp::Reverse(image.area()));
        images
    }

    /// The largest image the article shows (hero or figure), for link previews.
    pub fn largest_image(&self) -> Option<&Image> {
        self.images_by_size().first().copied()
    }

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

/// A summary box as written, before its limits are applied: points may be blank, and the
/// points past [`MAX_POINTS`] are only counted.
#[derive(Debug, Deserialize)]
struct SummaryBoxDoc {
    #[serde(default, deserialize_with = "wire::optional_text")]
    title: Option<String>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    text: Option<String>,
    #[serde(default)]
    points: Option<wire::Limited<Point, MAX_POINTS>>,
}

impl wire::Entry for SummaryBoxDoc {
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
#[derive(Debug)]
struct Point(Option<String>);

impl<'de> Deserialize<'de> for Point {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        wire::optional_text(de).map(Point)
    }
}

impl wire::Entry for Point {
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
struct RawPillars {
    pillars: Vec<Pillar>,
    unread: usize,
}

impl wire::Entry for Pillar {}

impl<'de> Deserialize<'de> for RawPillars {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let list = Option::<wire::Limited<Pillar, PILLAR_ENTRIES_READ>>::deserialize(de)?
            .unwrap_or_default();
        let unread = list.total - list.items.len();
        let mut pillars = list.items;
        let mut seen = std::collections::HashSet::new();
        pillars.retain(|p| seen.insert(p.slug.clone()));
        Ok(RawPillars { pillars, unread })
    }
}

impl wire::Entry for Source {}

/// A card's pillars: as an article's, without the count of those left unread.
pub(crate) fn card_pillars<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Pillar>, D::Error> {
    RawPillars::deserialize(de).map(|read| read.pillars)
}
