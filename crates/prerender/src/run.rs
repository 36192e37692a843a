//! One run: the index read page by page, each page's articles rendered and written by a pool
//! of workers as the pages arrive (a bounded queue: memory never holds the backend's
//! articles), then the feed's first page and the pillar pages, from the cards of the index
//! pages the app reads (at most `MAX_INDEX_PAGES`), which are kept until then.

use std::{
    collections::{BTreeSet, HashMap, HashSet},
    fmt,
    sync::{Arc, Mutex, mpsc},
    thread,
    time::{Duration, Instant},
};

use signal_model::{Article, FeedPage, feed, limits::MAX_INDEX_PAGES, seo::PageMeta};
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
            "prerendered {pages} pages ({} articles) from {} in {:.2} s: {:.0} articles/s",
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
        slug: String,
        from_index: Option<Article>,
    },
    Render {
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
    shared.lists(lists)?;

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
            let job = match from_index {
                Some(article) if !own_documents => Job::Render {
                    slug: card.slug.clone(),
                    article,
                    document: Arc::clone(first.as_ref().expect("the first page")),
                },
                from_index => Job::Fetch {
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
        let (slug, result) = match job {
            Job::Fetch { slug, from_index } => {
                let result = self.backend.article(&slug, from_index);
                (slug, result.map(|(a, d)| (a, Arc::new(d))))
            }
            Job::Render {
                slug,
                article,
                document,
            } => (slug, Ok((article, document))),
        };
        let written = result
            .map_err(|problem: Problem| problem.to_string())
            .and_then(|(article, document)| self.write_article(&slug, article, &document));
        let mut report = self.report.lock().expect("report");
        match written {
            Ok(()) => report.articles += 1,
            Err(reason) => report.failed.push(reason),
        }
    }

    fn write_article(
        &self,
        slug: &str,
        article: Article,
        document: &Fetched,
    ) -> Result<(), String> {
        let page = output::page_path("articles", slug)
            .ok_or_else(|| format!("article {slug:?}: its slug cannot be a file name"))?;
        let path = self.config().paths().article(slug);
        let meta = PageMeta::article(&article, self.config().canonical(&path));
        let body = render::article_body(self.config(), &path, Arc::new(article));
        let html = self
            .template
            .page(&path, &meta.head(), &body, Some(document));
        self.write(page, &html)
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

    /// The feed's first page and every pillar's page.
    fn lists(&self, lists: Lists) -> Result<(), String> {
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
            &render::feed_body(config, &home, state),
            Some(&first),
        );
        self.write("index.html".to_owned(), &html)?;

        let cards = feed::merge_pages(pages.iter());
        let cut: Vec<_> = pages.iter().flat_map(|p| p.cut.iter().cloned()).collect();
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
            let html = self.template.page(&path, &meta.head(), &body, Some(&first));
            self.write(page, &html)?;
        }
        Ok(())
    }
}
