//! Reading the backend as the app reads it (`src/source/store.rs`): the index page by page,
//! following `next`, `Link` and the page counts of posts APIs, and each article from its own
//! document or from the index that carries it, through the model's adapters.

use signal_model::{
    Article, FeedPage,
    adapt::{self, NATIVE},
    api,
};
use signal_of_hope::source::Config;

use crate::fetch::{Client, Fault, Fetched};

/// Why the backend could not be read.
#[derive(Debug)]
pub enum Problem {
    /// The request failed (network, timeout, too large).
    Fetch(Fault),
    /// The server answered with an error status.
    Status { url: String, status: u16 },
    /// The document is not one the reader can read.
    Invalid { url: String, reason: String },
    /// Neither its own document nor the index has the article.
    NotFound { slug: String },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Self::Fetch(fault) => write!(f, "{fault}"),
            Self::Status { url, status } => write!(f, "{url}: the server answered {status}"),
            Self::Invalid { url, reason } => write!(f, "{url}: {reason}"),
            Self::NotFound { slug } => write!(f, "article {slug:?}: not found"),
        }
    }
}

/// One page of the index as read, with the document it came from.
pub struct IndexPage {
    pub fetched: Fetched,
    pub page: FeedPage,
    /// The next page's URL, as the app finds it.
    pub next: Option<String>,
}

pub struct Backend {
    pub client: Client,
    pub config: Config,
}

impl Backend {
    /// The index page at `url`.
    pub fn index_page(&self, url: &str) -> Result<IndexPage, Problem> {
        let fetched = self.client.get(url).map_err(Problem::Fetch)?;
        if fetched.status != 200 {
            return Err(Problem::Status {
                url: fetched.url,
                status: fetched.status,
            });
        }
        // A WordPress site without posts lists none: an empty index, not an error.
        let mut page = if self.config.by_slug() && api::is_empty_list(&fetched.text) {
            FeedPage {
                articles: Vec::new(),
                next: None,
                next_page: None,
                full: Vec::new(),
                cut: Vec::new(),
            }
        } else {
            adapt::read_index(&fetched.text, Some(&fetched.url), NATIVE).map_err(|err| {
                Problem::Invalid {
                    url: fetched.url.clone(),
                    reason: err.to_string(),
                }
            })?
        };
        // A list whose body names no next page may still have one in its headers.
        if page.next.is_none() && page.next_page.is_none() {
            page.next = fetched.link.as_deref().and_then(api::next_link);
            page.next_page = match (&page.next, &fetched.total_pages) {
                (None, Some(total)) => api::next_page_number(url, total),
                _ => None,
            };
        }
        let next = page
            .next
            .as_deref()
            .and_then(|n| Config::next_url(url, n))
            .or_else(|| page.next_page.map(|n| api::with_page(url, n)));
        Ok(IndexPage {
            fetched,
            page,
            next,
        })
    }

    /// Whether articles have documents of their own (a folder, a posts API), rather than
    /// only the document the API names (a feed).
    pub fn has_article_documents(&self) -> bool {
        !self.config.names_document() || self.config.by_slug()
    }

    /// The article `slug` from its own document, or `from_index` when the document is
    /// missing and the index carried the article; with the document the app reads first on
    /// its page.
    pub fn article(
        &self,
        slug: &str,
        from_index: Option<Article>,
    ) -> Result<(Article, Fetched), Problem> {
        let url = self.config.article_url(slug);
        let fetched = self.client.get(&url).map_err(Problem::Fetch)?;
        let empty_list = self.config.by_slug() && api::is_empty_list(&fetched.text);
        if fetched.is_missing() || (fetched.status == 200 && empty_list) {
            return match from_index {
                Some(article) => Ok((article, fetched)),
                None => Err(Problem::NotFound {
                    slug: slug.to_owned(),
                }),
            };
        }
        if fetched.status != 200 {
            return Err(Problem::Status {
                url: fetched.url,
                status: fetched.status,
            });
        }
        let article = adapt::read_article(&fetched.text, Some(&fetched.url), slug, NATIVE)
            .map_err(|err| Problem::Invalid {
                url: fetched.url.clone(),
                reason: err.to_string(),
            })?;
        Ok((article, fetched))
    }
}
