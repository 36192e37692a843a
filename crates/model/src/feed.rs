//! The article index (`articles.json`): cards, one page at a time.

use serde::{Deserialize, Deserializer};

use super::{
    Article, ContractError, Pillar, PublishedAt, article,
    image::{Image, Language},
    limits::{Counted, Cut, Cuts, MAX_CARDS},
    version, wire,
};

/// What the feed knows of an article before its document is fetched: some of the article's
/// own fields, of the article's own types, read by the same rules and cut to the same limits
/// (the rest of an article's fields are ignored here). [`Card::from`] an [`Article`] is the
/// same card.
///
/// Read like [`Article`]: serde fills the fields, then the card's limits are applied (so,
/// likewise, the inherent `Card::deserialize` is for the `Deserialize` impl only).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self")]
pub struct Card {
    #[serde(deserialize_with = "wire::required_text")]
    pub slug: String,
    #[serde(deserialize_with = "wire::required_text")]
    pub headline: String,
    /// `None`: undated (the document says `null`).
    #[serde(deserialize_with = "crate::date::required_or_undated")]
    pub published_at: Option<PublishedAt>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub kicker: Option<String>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "article::card_pillars")]
    pub pillars: Vec<Pillar>,
    /// The thumbnail: the article's hero image (contract 1.1).
    #[serde(default, deserialize_with = "crate::image::optional_image")]
    pub image: Option<Image>,
    /// The article's language (contract 1.1): the card's `lang`, direction and date.
    #[serde(default, deserialize_with = "crate::image::optional_language")]
    pub language: Option<Language>,
}

impl<'de> Deserialize<'de> for Card {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        // The derived reading (inherent, so it is not this function), then the limits.
        let mut card = Self::deserialize(de)?;
        // The article page says what was cut; a card just shows what fits, so the pillars
        // left unread need no count.
        article::limit_card_fields(
            &mut card.slug,
            &mut card.headline,
            &mut card.kicker,
            &mut card.summary,
            &mut card.pillars,
            0,
            &mut Cuts::default(),
        );
        Ok(card)
    }
}

impl wire::Entry for Card {}

impl From<&Article> for Card {
    fn from(article: &Article) -> Self {
        Self {
            slug: article.slug.clone(),
            headline: article.headline.clone(),
            published_at: article.published_at,
            kicker: article.kicker.clone(),
            summary: article.summary.clone(),
            pillars: article.pillars.clone(),
            image: article.image.clone(),
            language: article.language.clone(),
        }
    }
}

impl Card {
    pub fn has_pillar(&self, slug: &str) -> bool {
        self.pillars.iter().any(|p| p.slug == slug)
    }
}

/// One page of the index.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "FeedPageDoc")]
pub struct FeedPage {
    /// Required, and a list: an empty page is `[]`, never `null`. At most
    /// [`MAX_CARDS`](super::limits::MAX_CARDS).
    pub articles: Vec<Card>,
    /// The next page's URL, relative to this page's URL; `None` on the last page.
    pub next: Option<String>,
    /// The next page by number, for an API that counts its pages rather than linking them
    /// (Ghost's `meta.pagination.next`, WordPress's `X-WP-TotalPages`): the app sets it as
    /// the `page` of this page's URL (`api::with_page`). Never read from contract JSON.
    pub next_page: Option<u64>,
    /// The articles themselves, when the page's format carries them (a JSON Feed, JSON-LD):
    /// then an article opens without another request. Never read from contract JSON.
    pub full: Vec<Article>,
    /// What the reader left out of this page to stay within its limits.
    pub cut: Vec<Cut>,
}

#[derive(Deserialize)]
struct FeedPageDoc {
    articles: wire::Limited<Card, MAX_CARDS>,
    #[serde(default, deserialize_with = "wire::optional_text")]
    next: Option<String>,
}

impl From<FeedPageDoc> for FeedPage {
    fn from(doc: FeedPageDoc) -> Self {
        let mut cuts = Cuts::default();
        cuts.items(
            Counted::ArticlesOnPage,
            doc.articles.items.len(),
            doc.articles.total,
        );
        Self {
            articles: doc.articles.items,
            next: doc.next,
            next_page: None,
            full: Vec::new(),
            cut: cuts.into_vec(),
        }
    }
}

impl FeedPage {
    pub fn from_json(json: &str) -> Result<Self, ContractError> {
        version::parse_read(json, None)
    }
}

/// All cards of the pages loaded so far, each article once (a page may repeat one when the
/// index shifted between requests), newest first; equal dates keep the backend's order.
pub fn merge_pages<'a>(pages: impl IntoIterator<Item = &'a FeedPage>) -> Vec<Card> {
    let mut seen = std::collections::HashSet::new();
    let mut cards: Vec<Card> = pages
        .into_iter()
        .flat_map(|page| page.articles.iter())
        .filter(|card| seen.insert(card.slug.as_str()))
        .cloned()
        .collect();
    cards.sort_by_key(|card| crate::date::newest_first(card.published_at.as_ref()));
    cards
}

/// The cards that carry pillar `slug`, newest first, and that pillar's display name.
pub fn with_pillar<'a>(cards: &'a [Card], slug: &str) -> (Option<&'a str>, Vec<&'a Card>) {
    let matching: Vec<&Card> = cards.iter().filter(|c| c.has_pillar(slug)).collect();
    let name = matching
        .iter()
        .flat_map(|c| c.pillars.iter())
        .find(|p| p.slug == slug)
        .map(|p| p.name.as_str());
    (name, matching)
}
