//! Documents fetched this session, kept in memory: Back and Forward render from here without
//! touching the network, a card's hover prefetch is reused by the article page, and requests
//! for a document already on its way share that one request.

use std::{cell::RefCell, collections::HashMap, future::Future, rc::Rc, sync::Arc};

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;

use super::{Config, FetchError, formats, http, whole_app};
use signal_model::{Article, Card, Cut, FeedPage, api, feed};

use signal_model::limits::MAX_INDEX_PAGES as MAX_PAGES;

type Pending<T> = Shared<LocalBoxFuture<'static, Result<Arc<T>, FetchError>>>;

/// How a build gets an article that is not in memory ([`Store::new`], [`Store::article_only`]).
/// A function chosen when the store is made, so that the article page's own build does not
/// link the index and the adapter module's loader, which only the whole app reads.
type ArticleReader =
    fn(&Store, String) -> LocalBoxFuture<'static, Result<Arc<Article>, FetchError>>;

/// A cache of in-flight and finished requests, keyed by URL.
struct Cache<T>(RefCell<HashMap<String, Pending<T>>>);

impl<T: 'static> Cache<T> {
    fn new() -> Rc<Self> {
        Rc::new(Self(RefCell::new(HashMap::new())))
    }

    /// The document at `url`: from memory, joining a request already on its way, or fetched
    /// now and parsed with `parse` (which also sees the headers that page a list). Failures
    /// are not kept, so Retry asks the server again.
    fn fetch<P>(
        self: &Rc<Self>,
        url: String,
        timeout_seconds: u32,
        parse: P,
    ) -> impl Future<Output = Result<Arc<T>, FetchError>> + use<T, P>
    where
        P: AsyncFnOnce(&str, &http::Fetched) -> Result<T, FetchError> + 'static,
    {
        let pending = self
            .0
            .borrow_mut()
            .entry(url.clone())
            .or_insert_with(|| {
                let url = url.clone();
                async move { http::get(&url, timeout_seconds, parse).await.map(Arc::new) }
                    .boxed_local()
                    .shared()
            })
            .clone();
        let cache = Rc::clone(self);
        async move {
            let result = pending.await;
            // Only the failed request's entry: a Retry may already have started a new one.
            let mut map = cache.0.borrow_mut();
            if map
                .get(&url)
                .and_then(|p| p.peek())
                .is_some_and(Result::is_err)
            {
                map.remove(&url);
            }
            drop(map);
            result
        }
    }
}

struct Inner {
    config: Result<Config, String>,
    read_article: ArticleReader,
    articles: Rc<Cache<Article>>,
    pages: Rc<Cache<FeedPage>>,
    /// Cards seen in any index page, by slug: an article page shows its card at once.
    cards: RefCell<HashMap<String, Card>>,
    /// Whole articles that came with an index page (a feed carries its items in full).
    full: RefCell<HashMap<String, Arc<Article>>>,
    /// Whether the index carries its articles: then there is no per-article document.
    index_is_full: std::cell::Cell<bool>,
    /// Whether an index page has been read, so whether `index_is_full` is known.
    index_seen: std::cell::Cell<bool>,
    /// How many index pages the feed has shown, so coming Back restores them all.
    feed_pages: std::cell::Cell<usize>,
}

/// The app's data source, shared through context (`Store` is `Copy`).
#[derive(Clone, Copy)]
pub struct Store(StoredValue<Rc<Inner>, LocalStorage>);

/// What the feed shows: the cards loaded so far and how to get more.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedState {
    pub cards: Vec<Card>,
    /// Whether an index page after the last loaded one exists.
    pub has_more: bool,
    /// A page after the first failed; the cards already loaded are still shown.
    pub more_error: Option<FetchError>,
    /// What the pages read so far left out, past the limits (`FeedPage::cut`).
    pub cut: Vec<Cut>,
}

impl Store {
    /// The whole app's store: articles in any format, from their own documents or from the
    /// index that carries them.
    pub fn new(config: Result<Config, String>) -> Self {
        Self::with(config, Self::any_article)
    }

    /// The article page's own build (`src/bin/article.rs`): an article's own document in our
    /// format. Anything else is handed over to the whole app (`source::whole_app`).
    pub fn article_only(config: Result<Config, String>) -> Self {
        Self::with(config, Self::own_article)
    }

    fn with(config: Result<Config, String>, read_article: ArticleReader) -> Self {
        Self(StoredValue::new_local(Rc::new(Inner {
            config,
            read_article,
            articles: Cache::new(),
            pages: Cache::new(),
            cards: RefCell::new(HashMap::new()),
            full: RefCell::new(HashMap::new()),
            index_is_full: std::cell::Cell::new(false),
            index_seen: std::cell::Cell::new(false),
            feed_pages: std::cell::Cell::new(1),
        })))
    }

    /// The store provided by the app (or the embed). Not made here when missing: which store
    /// a build has is the entry point's choice.
    pub fn use_context() -> Self {
        expect_context::<Self>()
    }

    fn inner(&self) -> Rc<Inner> {
        self.0.get_value()
    }

    pub fn config(&self) -> Result<Config, FetchError> {
        self.inner().config.clone().map_err(FetchError::Config)
    }

    /// The article `slug`, read as this build reads articles.
    pub fn article(
        &self,
        slug: &str,
    ) -> impl Future<Output = Result<Arc<Article>, FetchError>> + use<> {
        (self.inner().read_article)(self, slug.to_owned())
    }

    /// The whole app's reader: from memory when it has been read before (its own document,
    /// or the feed that carries it), else from its document.
    fn any_article(
        &self,
        slug: String,
    ) -> LocalBoxFuture<'static, Result<Arc<Article>, FetchError>> {
        let store = *self;
        // A folder's article request starts now (not when first polled), so a prefetch and
        // the page share it.
        // A posts API (WordPress, Ghost) answers one post by its slug: a direct link never
        // reads the index for it.
        let direct = match (self.full_article(&slug), self.config()) {
            (None, Ok(config))
                if config.by_slug() || (!config.names_document() && !self.index_is_full()) =>
            {
                Some(self.fetch_article(&config, &slug))
            }
            _ => None,
        };
        async move {
            if let Some(article) = store.full_article(&slug) {
                return Ok(article);
            }
            let config = store.config()?;
            // An index that carries its articles (a feed) has them all: read the rest of it.
            let from_index = async || {
                store.pages(None).await?;
                store.full_article(&slug).ok_or(FetchError::NotFound)
            };
            match direct {
                Some(fetch) if config.by_slug() => fetch.await,
                _ if store.index_is_full() => from_index().await,
                Some(fetch) => match fetch.await {
                    // Only a feed index could still hold it (a folder whose `articles.json` is
                    // a feed); its first page tells.
                    Err(missing @ (FetchError::NotFound | FetchError::Gone)) => {
                        if !store.index_seen() {
                            let _ = store.pages(Some(1)).await;
                        }
                        if store.index_is_full() {
                            from_index().await.map_err(|_| missing)
                        } else {
                            Err(missing)
                        }
                    }
                    result => result,
                },
                // A document named directly: a feed holds its articles; a contract index's
                // articles live beside it.
                None => match from_index().await {
                    Err(FetchError::NotFound | FetchError::Gone) if !store.index_is_full() => {
                        store.fetch_article(&config, &slug).await
                    }
                    result => result,
                },
            }
        }
        .boxed_local()
    }

    /// The article page's own build's reader: only a folder's article document in our own
    /// format. A missing document (which a feed index may still carry), another format, or an
    /// API that names one document (a feed) all need the whole app.
    fn own_article(
        &self,
        slug: String,
    ) -> LocalBoxFuture<'static, Result<Arc<Article>, FetchError>> {
        let config = match self.config() {
            Ok(config) if config.names_document() => {
                return whole_app::read(FetchError::NotFound).boxed_local();
            }
            Ok(config) => config,
            Err(err) => return std::future::ready(Err(err)).boxed_local(),
        };
        let fetch = self.fetch_document(&config, &slug, formats::read_own_article);
        async move {
            match fetch.await {
                Err(missing @ (FetchError::NotFound | FetchError::Gone)) => {
                    whole_app::read(missing).await
                }
                result => result,
            }
        }
        .boxed_local()
    }

    /// The article's own document in any format (the whole app's reader).
    fn fetch_article(
        &self,
        config: &Config,
        slug: &str,
    ) -> impl Future<Output = Result<Arc<Article>, FetchError>> + use<> {
        let wanted = slug.to_owned();
        let by_slug = config.by_slug();
        self.fetch_document(config, slug, async move |json: &str, url: &str| {
            // WordPress answers a slug it does not have with an empty list.
            if by_slug && api::is_empty_list(json) {
                return Err(FetchError::NotFound);
            }
            formats::read_article(json, url, &wanted).await
        })
    }

    /// The article's own document, read with `parse`: each build passes the formats it reads.
    fn fetch_document<P>(
        &self,
        config: &Config,
        slug: &str,
        parse: P,
    ) -> impl Future<Output = Result<Arc<Article>, FetchError>> + use<P>
    where
        P: AsyncFnOnce(&str, &str) -> Result<Article, FetchError> + 'static,
    {
        self.inner().articles.fetch(
            config.article_url(slug),
            config.timeout_seconds(),
            async move |json: &str, fetched: &http::Fetched| parse(json, &fetched.url).await,
        )
    }

    fn full_article(&self, slug: &str) -> Option<Arc<Article>> {
        self.inner().full.borrow().get(slug).cloned()
    }

    fn index_is_full(&self) -> bool {
        self.inner().index_is_full.get()
    }

    fn index_seen(&self) -> bool {
        self.inner().index_seen.get()
    }

    /// Starts fetching an article the reader is likely to open (hover or focus on its card).
    pub fn prefetch_article(&self, slug: &str) {
        let fetch = self.article(slug);
        leptos::task::spawn_local(async move {
            // A failed prefetch is forgotten; the article page will try again and say why.
            let _ = fetch.await;
        });
    }

    /// The card the index gave for `slug`, if any index page listing it has been loaded.
    pub fn card(&self, slug: &str) -> Option<Card> {
        self.inner().cards.borrow().get(slug).cloned()
    }

    /// A pillar's display name, from any card seen that carries it.
    pub fn pillar_name(&self, slug: &str) -> Option<String> {
        let inner = self.inner();
        let cards = inner.cards.borrow();
        cards
            .values()
            .flat_map(|card| card.pillars.iter())
            .find(|p| p.slug == slug)
            .map(|p| p.name.clone())
    }

    fn page(&self, url: String) -> impl Future<Output = Result<Arc<FeedPage>, FetchError>> + use<> {
        let inner = self.inner();
        let timeout = inner.config.as_ref().map_or(
            super::config::DEFAULT_TIMEOUT_SECONDS,
            Config::timeout_seconds,
        );
        let page_url = url.clone();
        let posts_api = inner.config.as_ref().is_ok_and(Config::by_slug);
        let fetch = inner.pages.fetch(
            url,
            timeout,
            async move |json: &str, fetched: &http::Fetched| {
                // A WordPress site without posts lists none: an empty index, not an error.
                if posts_api && api::is_empty_list(json) {
                    return Ok(FeedPage {
                        articles: Vec::new(),
                        next: None,
                        next_page: None,
                        full: Vec::new(),
                        cut: Vec::new(),
                    });
                }
                let mut page = formats::read_index(json, &fetched.url).await?;
                // A list whose body names no next page may still have one: WordPress says so
                // in its headers. Never a page past the last, which it answers with an error.
                if page.next.is_none() && page.next_page.is_none() {
                    page.next = fetched.paging.link.as_deref().and_then(api::next_link);
                    page.next_page = match (&page.next, &fetched.paging.total_pages) {
                        (None, Some(total)) => api::next_page_number(&page_url, total),
                        _ => None,
                    };
                }
                Ok(page)
            },
        );
        async move {
            let result = fetch.await;
            if let Ok(page) = &result {
                let mut cards = inner.cards.borrow_mut();
                for card in &page.articles {
                    cards
                        .entry(card.slug.clone())
                        .or_insert_with(|| card.clone());
                }
                let mut full = inner.full.borrow_mut();
                for article in &page.full {
                    full.entry(article.slug.clone())
                        .or_insert_with(|| Arc::new(article.clone()));
                }
                inner.index_seen.set(true);
                if !page.full.is_empty() {
                    inner.index_is_full.set(true);
                }
            }
            result
        }
    }

    /// Loads index pages in order, up to `limit` of them (`None`: all). Fails only if the
    /// first page fails; a later failure is reported alongside the cards loaded before it.
    async fn pages(&self, limit: Option<usize>) -> Result<FeedState, FetchError> {
        let config = self.config()?;
        let limit = limit.unwrap_or(MAX_PAGES).clamp(1, MAX_PAGES);
        let mut pages = Vec::new();
        let mut visited = Vec::new();
        let mut next = Some(config.index_url());
        let mut more_error = None;
        let mut seen = std::collections::HashSet::new();
        while let Some(url) = next.clone() {
            // Stop at the limit, or where `next` leads back to a page already read.
            if pages.len() == limit || visited.contains(&url) {
                break;
            }
            visited.push(url.clone());
            match self.page(url.clone()).await {
                Ok(page) => {
                    let new_cards = page
                        .articles
                        .iter()
                        .filter(|card| seen.insert(card.slug.clone()))
                        .count();
                    // A later page with nothing new is a `next` that repeats the index under
                    // another URL (`?page=2` ignored by the server): following it would only
                    // load the same cards again, so the index ends here.
                    next = if new_cards == 0 && !pages.is_empty() {
                        None
                    } else {
                        page.next
                            .as_deref()
                            .and_then(|n| Config::next_url(&url, n))
                            .or_else(|| page.next_page.map(|n| api::with_page(&url, n)))
                    };
                    pages.push(page);
                }
                Err(err) if pages.is_empty() => return Err(err),
                Err(err) => {
                    more_error = Some(err);
                    break;
                }
            }
        }
        // More to show: a page not read yet, or the one that just failed if asking again can
        // help (Load more retries it; a page that is gone stays gone).
        let unread = next.is_some_and(|url| !visited.contains(&url));
        let retry = more_error.as_ref().is_some_and(FetchError::is_retryable);
        let has_more = (unread || retry) && pages.len() < MAX_PAGES;
        Ok(FeedState {
            cards: feed::merge_pages(pages.iter().map(Arc::as_ref)),
            has_more,
            more_error,
            cut: pages
                .iter()
                .flat_map(|page| page.cut.iter().cloned())
                .collect(),
        })
    }

    /// The feed as far as the reader has loaded it.
    pub fn feed(
        &self,
        pages: usize,
    ) -> impl Future<Output = Result<FeedState, FetchError>> + use<> {
        let store = *self;
        async move { store.pages(Some(pages)).await }
    }

    /// Every card in the index, for pages that filter it (pillars).
    pub fn all_cards(&self) -> impl Future<Output = Result<FeedState, FetchError>> + use<> {
        let store = *self;
        async move { store.pages(None).await }
    }

    /// How many index pages the feed shows; remembered so Back restores the same list.
    pub fn feed_pages(&self) -> usize {
        self.inner().feed_pages.get()
    }

    pub fn set_feed_pages(&self, pages: usize) {
        self.inner().feed_pages.set(pages.clamp(1, MAX_PAGES));
    }
}
