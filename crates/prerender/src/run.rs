//! One run: the index read page by page, each page's articles rendered and written by a pool
//! of workers as the pages arrive (a bounded queue: memory never holds the backend's
//! articles), then the feed's first page and the pillar pages, from the cards of the index
//! pages the app reads (at most `MAX_INDEX_PAGES`), which are kept until then.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap, HashSet},
    fmt,
    sync::{Arc, Mutex, mpsc},
    thread,
    time::{Duration, Instant},
};

use serde_json::Value;
use signal_model::{
    Article, FeedPage, feed,
    limits::MAX_INDEX_PAGES,
    publish::{self, FEED_PAGE_ITEMS, atom, files, json_feed, oembed, sitemap},
    seo::PageMeta,
};
use signal_of_hope::source::{Config, FeedState};

use crate::{
    Args,
    backend::{Backend, IndexPage, Problem},
    fetch::{Client, Fetched},
    output::{self, Outcome, Output},
    render::{self, Template},
};

/// How long one request may take: longer than the app's default, since nobody waits here.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Articles waiting for a worker: bounds the memory a large backend takes.
const QUEUE: usize = 64;
/// Guards against a `next` that never ends (each page must bring new articles, too).
const MAX_PAGES_WALKED: usize = 1_000_000;

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    pub api: String,
    pub new: Vec<String>,
    pub changed: Vec<String>,
    pub unchanged: usize,
    pub removed: Vec<String>,
    /// Articles that could not be prerendered, and why; their addresses still work through
    /// the fallback (`404.html`).
    pub failed: Vec<String>,
    pub articles: usize,
    pub elapsed: Duration,
}

impl Report {
    fn record(&mut self, page: String, outcome: Outcome) {
        match outcome {
            Outcome::New => self.new.push(page),
            Outcome::Changed => self.changed.push(page),
            Outcome::Unchanged => self.unchanged += 1,
        }
    }

    pub fn articles_per_second(&self) -> f64 {
        self.articles as f64 / self.elapsed.as_secs_f64().max(1e-6)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let pages = self.new.len() + self.changed.len() + self.unchanged;
        writeln!(
            f,
            "prerendered {pages} files ({} articles) from {} in {:.2} s: {:.0} articles/s",
            self.articles,
            self.api,
            self.elapsed.as_secs_f64(),
            self.articles_per_second()
        )?;
        let list = |f: &mut fmt::Formatter, what: &str, pages: &[String]| -> fmt::Result {
            if pages.is_empty() {
                return Ok(());
            }
            writeln!(f, "  {what} {}:", pages.len())?;
            for page in pages.iter().take(20) {
                writeln!(f, "    {page}")?;
            }
            if pages.len() > 20 {
                writeln!(f, "    … and {} more", pages.len() - 20)?;
            }
            Ok(())
        };
        list(f, "new", &self.new)?;
        list(f, "changed", &self.changed)?;
        writeln!(f, "  unchanged {}", self.unchanged)?;
        list(f, "removed", &self.removed)?;
        if !self.failed.is_empty() {
            writeln!(
                f,
                "  not prerendered {} (their addresses still work through 404.html):",
                self.failed.len()
            )?;
            for reason in self.failed.iter().take(20) {
                writeln!(f, "    {reason}")?;
            }
            if self.failed.len() > 20 {
                writeln!(f, "    … and {} more", self.failed.len() - 20)?;
            }
        }
        Ok(())
    }
}

/// An article for a worker: to read from its own document, or read already.
enum Job {
    Fetch {
        position: usize,
        slug: String,
        from_index: Option<Article>,
    },
    Render {
        position: usize,
        slug: String,
        article: Article,
        document: Arc<Fetched>,
    },
}

/// What the workers and the run share.
struct Shared {
    backend: Backend,
    template: Template,
    output: Output,
    report: Mutex<Report>,
    pages: Mutex<BTreeSet<String>>,
    /// The site's URL, ending with `/`.
    site_url: String,
    feeds: Mutex<FeedPages>,
    /// The articles written, by their place in the index, for the sitemap.
    sitemap: Mutex<BTreeMap<usize, sitemap::Page>>,
}

/// The published feeds' pages still to write: each article's item and entry arrive from
/// the workers in about the index's order, and a page is written once all of its articles
/// are done (and it is known whether another page follows). Memory holds about one page.
#[derive(Default)]
struct FeedPages {
    /// Articles done and not yet written, by their place in the index; `None`: not
    /// prerendered, so not in the feeds either.
    done: BTreeMap<usize, Option<(Value, atom::Entry)>>,
    /// Pages written so far.
    written: usize,
    /// Articles handed to the workers so far.
    queued: usize,
    /// Whether the index has been read to its end.
    walk_done: bool,
}

pub fn run(args: &Args) -> Result<Report, String> {
    let started = Instant::now();
    let shell = args.dist.join("404.html");
    let html = std::fs::read_to_string(&shell).map_err(|err| {
        format!(
            "{}: {err} (is {} a `scripts/build` output?)",
            shell.display(),
            args.dist.display()
        )
    })?;
    let template = Template::parse(&html)
        .ok_or_else(|| format!("{}: not the reader's built page", shell.display()))?;
    let output = Output::open(&args.dist)?;
    let site_url = with_slash(&args.site_url);
    if !site_url.starts_with("http://") && !site_url.starts_with("https://") {
        return Err(format!(
            "--site-url must be an http(s) URL, not `{}`",
            args.site_url
        ));
    }
    let config = Config::resolve(&site_url, Some(&args.api))?;
    // The pages link to the app's files through the build's <base>: the site must be served
    // from the path the build was made for.
    let site_path = config.paths().home();
    if let Some(base) = template.base.as_deref().filter(|b| b.starts_with('/'))
        && base != site_path
    {
        return Err(format!(
            "{} was built for the path {base} (`scripts/build --public-url {base}`), \
             but --site-url {} is at {site_path}",
            args.dist.display(),
            args.site_url
        ));
    }
    let mut template = template;
    template.site_links = publish::feed_alternates(&site_url);
    let shared = Arc::new(Shared {
        backend: Backend {
            client: Client::new(REQUEST_TIMEOUT),
            config,
        },
        template,
        output,
        report: Mutex::new(Report {
            api: args.api.clone(),
            ..Report::default()
        }),
        pages: Mutex::new(BTreeSet::new()),
        site_url: site_url.clone(),
        feeds: Mutex::new(FeedPages::default()),
        sitemap: Mutex::new(BTreeMap::new()),
    });

    let workers = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4)
        * 2;
    let (send, receive) = mpsc::sync_channel::<Job>(QUEUE);
    let receive = Arc::new(Mutex::new(receive));
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let shared = Arc::clone(&shared);
            let receive = Arc::clone(&receive);
            thread::spawn(move || {
                loop {
                    let job = receive.lock().expect("the queue").recv();
                    match job {
                        Ok(job) => shared.article(job),
                        Err(_) => break,
                    }
                }
            })
        })
        .collect();
    let walked = walk(&shared, &send);
    drop(send);
    for handle in handles {
        handle
            .join()
            .map_err(|_| "a worker stopped unexpectedly".to_owned())?;
    }
    let lists = walked?;
    shared.feeds.lock().expect("feeds").walk_done = true;
    shared.write_feed_pages()?;
    let listed = shared.lists(lists)?;
    shared.write_sitemap(listed)?;

    let pages = std::mem::take(&mut *shared.pages.lock().expect("pages"));
    let removed = shared
        .output
        .finish(&pages)
        .map_err(|err| format!("cannot update {}: {err}", output::MANIFEST))?;
    let mut report = std::mem::take(&mut *shared.report.lock().expect("report"));
    report.removed = removed;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The site's URL as a base: a folder, so `https://x.example/reader` is `/reader/`.
fn with_slash(url: &str) -> String {
    let url = url.trim();
    if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    }
}

/// What the feed and the pillar pages show: the index as far as the app reads it.
struct Lists {
    /// The first pages of the index (at most `MAX_INDEX_PAGES`), without their articles.
    pages: Vec<FeedPage>,
    /// The first page's document, which the feed and pillar pages carry.
    first: Arc<Fetched>,
    /// Whether the feed offers more after its first page.
    first_has_more: bool,
}

/// Reads the index to its end, handing each article to the workers.
fn walk(shared: &Shared, send: &mpsc::SyncSender<Job>) -> Result<Lists, String> {
    let backend = &shared.backend;
    let mut url = Some(backend.config.index_url());
    let mut visited = HashSet::new();
    let mut queued = HashSet::new();
    let mut pages = Vec::new();
    let mut first: Option<Arc<Fetched>> = None;
    let mut first_has_more = false;
    let own_documents = backend.has_article_documents();
    while let Some(page_url) = url.take() {
        if visited.len() == MAX_PAGES_WALKED || !visited.insert(page_url.clone()) {
            break;
        }
        let IndexPage {
            fetched,
            mut page,
            next,
        } = backend
            .index_page(&page_url)
            .map_err(|problem| format!("the index could not be read: {problem}"))?;
        let fetched = Arc::new(fetched);
        if first.is_none() {
            first_has_more = next.as_ref().is_some_and(|n| *n != page_url);
            first = Some(Arc::clone(&fetched));
        }
        let mut full: HashMap<String, Article> = page
            .full
            .drain(..)
            .map(|article| (article.slug.clone(), article))
            .collect();
        let mut new_cards = 0;
        for card in &page.articles {
            if !queued.insert(card.slug.clone()) {
                continue;
            }
            new_cards += 1;
            let from_index = full.remove(&card.slug);
            let position = {
                let mut feeds = shared.feeds.lock().expect("feeds");
                feeds.queued += 1;
                feeds.queued - 1
            };
            let job = match from_index {
                Some(article) if !own_documents => Job::Render {
                    position,
                    slug: card.slug.clone(),
                    article,
                    document: Arc::clone(first.as_ref().expect("the first page")),
                },
                from_index => Job::Fetch {
                    position,
                    slug: card.slug.clone(),
                    from_index,
                },
            };
            send.send(job)
                .map_err(|_| "the workers stopped".to_owned())?;
        }
        // The app's rules (`Store::pages`): a later page with nothing new ends the index.
        if new_cards == 0 && !pages.is_empty() {
            break;
        }
        if pages.len() < MAX_INDEX_PAGES {
            pages.push(page);
        }
        url = next;
    }
    Ok(Lists {
        pages,
        first: first.expect("at least one page was read"),
        first_has_more,
    })
}

impl Shared {
    fn config(&self) -> &Config {
        &self.backend.config
    }

    /// Reads (when needed), renders and writes one article's page.
    fn article(&self, job: Job) {
        let (position, slug, result) = match job {
            Job::Fetch {
                position,
                slug,
                from_index,
            } => {
                let result = self.backend.article(&slug, from_index);
                (position, slug, result.map(|(a, d)| (a, Arc::new(d))))
            }
            Job::Render {
                position,
                slug,
                article,
                document,
            } => (position, slug, Ok((article, document))),
        };
        let written = result
            .map_err(|problem: Problem| problem.to_string())
            .and_then(|(article, document)| {
                self.write_article(position, &slug, article, &document)
            });
        let entry = match written {
            Ok(entry) => {
                self.report.lock().expect("report").articles += 1;
                Some(entry)
            }
            Err(reason) => {
                self.report.lock().expect("report").failed.push(reason);
                None
            }
        };
        self.feeds
            .lock()
            .expect("feeds")
            .done
            .insert(position, entry);
        if let Err(reason) = self.write_feed_pages() {
            self.report.lock().expect("report").failed.push(reason);
        }
    }

    /// Writes the article's page, its oEmbed document and its card frame's page; returns
    /// its item and entry for the feeds.
    fn write_article(
        &self,
        position: usize,
        slug: &str,
        article: Article,
        document: &Fetched,
    ) -> Result<(Value, atom::Entry), String> {
        let page = output::page_path("articles", slug)
            .ok_or_else(|| format!("article {slug:?}: its slug cannot be a file name"))?;
        let config = self.config();
        let paths = config.paths();
        let path = paths.article(slug);
        let canonical = config.canonical(&path);
        let meta = PageMeta::article(&article, canonical.clone());
        let oembed_link = publish::oembed_alternate(&self.site_url, slug, &article.headline);
        let card_frame = config.canonical(&paths.embed_card(slug));
        let oembed = oembed::document(
            &article,
            &oembed::Urls {
                site: &self.site_url,
                article: &canonical,
                card_frame: &card_frame,
                loader: &config.canonical(&paths.embed_loader()),
            },
        );
        let mut oembed = serde_json::to_string_pretty(&oembed).map_err(|e| e.to_string())?;
        oembed.push('\n');
        let content = publish::html::article_html(&article);
        let entry = (
            json_feed::item(&article, &canonical, &content),
            atom::entry(&article, &canonical, &content),
        );
        self.sitemap.lock().expect("sitemap").insert(
            position,
            sitemap::Page {
                url: canonical.clone(),
                modified: article.published_at,
            },
        );
        let body = render::article_body(config, &path, Arc::new(article));
        let html = self
            .template
            .page(&path, &meta.head(), &[oembed_link], &body, Some(document));
        self.write(page, &html)?;
        self.write(files::oembed(slug), &oembed)?;
        // The card's frame, which the oEmbed document names, is the app's own page (it renders
        // it in the partner's frame): written so that a consumer that checks the frame's address
        // finds a page, and crawlers read `noindex` before any script runs. The article's frame
        // gets the rule from the app (`embed::EmbedApp`); a page per article more would cost
        // a file and a folder each.
        if let Some(frame) = output::page_path("embed/cards", slug) {
            self.write(
                frame,
                &self
                    .template
                    .shell_page(&publish::embed_page_head(canonical)),
            )?;
        }
        Ok(entry)
    }

    /// Writes the feeds' pages whose articles are all done.
    fn write_feed_pages(&self) -> Result<(), String> {
        let mut feeds = self.feeds.lock().expect("feeds");
        loop {
            let n = feeds.written;
            let (start, end) = (n * FEED_PAGE_ITEMS, (n + 1) * FEED_PAGE_ITEMS);
            let has_next = feeds.queued > end;
            let last = if feeds.walk_done {
                // Every page up to the last article's; the first even when there is none.
                if start >= feeds.queued && n > 0 {
                    return Ok(());
                }
                end.min(feeds.queued)
            } else if has_next {
                end
            } else {
                return Ok(());
            };
            if (start..last).any(|position| !feeds.done.contains_key(&position)) {
                return Ok(());
            }
            let entries: Vec<(Value, atom::Entry)> = (start..last)
                .filter_map(|position| feeds.done.remove(&position).flatten())
                .collect();
            self.write_feed_page(n + 1, has_next, entries)?;
            feeds.written += 1;
        }
    }

    fn write_feed_page(
        &self,
        n: usize,
        has_next: bool,
        entries: Vec<(Value, atom::Entry)>,
    ) -> Result<(), String> {
        let url = |file: String| format!("{}{file}", self.site_url);
        let (items, entries): (Vec<Value>, Vec<atom::Entry>) = entries.into_iter().unzip();
        let json = json_feed::page(
            &self.site_url,
            &url(files::json_feed_page(n)),
            has_next
                .then(|| url(files::json_feed_page(n + 1)))
                .as_deref(),
            items,
        );
        self.write(files::json_feed_page(n), &json)?;
        let (this, first) = (url(files::atom_feed_page(n)), url(files::atom_feed_page(1)));
        let previous = (n > 1).then(|| url(files::atom_feed_page(n - 1)));
        let next = has_next.then(|| url(files::atom_feed_page(n + 1)));
        let xml = atom::page(
            &atom::PageLinks {
                site_url: &self.site_url,
                this: &this,
                first: &first,
                previous: previous.as_deref(),
                next: next.as_deref(),
            },
            &entries,
        );
        self.write(files::atom_feed_page(n), &xml)
    }

    /// `sitemap.xml` (split past the protocol's limits) with the home page, every article
    /// written and the pillar pages (`listed`), and `robots.txt`, which names it.
    fn write_sitemap(&self, listed: Vec<String>) -> Result<(), String> {
        let config = self.config();
        let mut pages = vec![sitemap::Page {
            url: self.site_url.clone(),
            modified: None,
        }];
        pages.extend(std::mem::take(&mut *self.sitemap.lock().expect("sitemap")).into_values());
        pages.extend(listed.into_iter().map(|path| sitemap::Page {
            url: config.canonical(&path),
            modified: None,
        }));
        let url = |file: String| format!("{}{file}", self.site_url);
        let sitemaps = sitemap::sitemaps(&pages, |n| url(files::sitemap_part(n)));
        for (n, text) in sitemaps.into_iter().enumerate() {
            let file = match n {
                0 => files::SITEMAP.to_owned(),
                n => files::sitemap_part(n),
            };
            self.write(file, &text)?;
        }
        self.write(
            files::ROBOTS.to_owned(),
            &sitemap::robots(&url(files::SITEMAP.to_owned())),
        )
    }

    fn write(&self, page: String, html: &str) -> Result<(), String> {
        let outcome = self
            .output
            .write(&page, html.as_bytes())
            .map_err(|err| format!("{page}: {err}"))?;
        self.pages.lock().expect("pages").insert(page.clone());
        self.report.lock().expect("report").record(page, outcome);
        Ok(())
    }

    /// The feed's first page and every pillar's page; returns the pillar pages' paths.
    fn lists(&self, lists: Lists) -> Result<Vec<String>, String> {
        let Lists {
            pages,
            first,
            first_has_more,
        } = lists;
        let config = self.config();
        let first_page = pages.first().expect("at least one page");
        let state = FeedState {
            cards: feed::merge_pages([first_page]),
            has_more: first_has_more,
            more_error: None,
            cut: first_page.cut.clone(),
        };
        let home = config.paths().home();
        let meta = PageMeta::feed(config.canonical(&home));
        let html = self.template.page(
            &home,
            &meta.head(),
            &[],
            &render::feed_body(config, &home, state),
            Some(&first),
        );
        self.write("index.html".to_owned(), &html)?;

        let cards = feed::merge_pages(pages.iter());
        let cut: Vec<_> = pages.iter().flat_map(|p| p.cut.iter().cloned()).collect();
        let mut listed = Vec::new();
        let mut pillars: Vec<String> = Vec::new();
        for pillar in cards.iter().flat_map(|c| c.pillars.iter()) {
            if !pillars.contains(&pillar.slug) {
                pillars.push(pillar.slug.clone());
            }
        }
        for slug in pillars {
            let (name, found) = feed::with_pillar(&cards, &slug);
            let Some(name) = name.map(str::to_owned) else {
                continue;
            };
            let Some(page) = output::page_path("pillars", &slug) else {
                self.report
                    .lock()
                    .expect("report")
                    .failed
                    .push(format!("pillar {slug:?}: its slug cannot be a file name"));
                continue;
            };
            let found: Vec<_> = found.into_iter().cloned().collect();
            let path = config.paths().pillar(&slug);
            let meta = PageMeta::pillar(Some(&name), found.len(), config.canonical(&path));
            let body = render::pillar_body(config, &path, name, found, cut.clone());
            let html = self
                .template
                .page(&path, &meta.head(), &[], &body, Some(&first));
            self.write(page, &html)?;
            listed.push(path);
        }
        Ok(listed)
    }
}
