//! The pages written into the built site: only when their content changed, each through a
//! temporary file renamed into place (a reader or a crash never sees half a page), and the
//! pages of articles no longer in the backend removed.

use std::{
    collections::BTreeSet,
    fs, io,
    path::{Path, PathBuf},
};

/// The list of pages the last run wrote, relative to the site's folder (a dotfile, which
/// static hosts do not serve).
pub const MANIFEST: &str = ".prerendered";

/// What writing a page did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    New,
    Changed,
    Unchanged,
}

pub struct Output {
    dir: PathBuf,
}

impl Output {
    /// The built site in `dir`; fails unless it can be written to.
    pub fn open(dir: &Path) -> Result<Self, String> {
        let probe = dir.join(format!(".prerender-probe-{}", std::process::id()));
        fs::write(&probe, b"")
            .and_then(|()| fs::remove_file(&probe))
            .map_err(|err| format!("cannot write to {}: {err}", dir.display()))?;
        Ok(Self {
            dir: dir.to_owned(),
        })
    }

    /// Writes `contents` at `page` (a path relative to the site) unless it is there already.
    pub fn write(&self, page: &str, contents: &[u8]) -> io::Result<Outcome> {
        let path = self.dir.join(page);
        let outcome = match fs::read(&path) {
            Ok(existing) if existing == contents => return Ok(Outcome::Unchanged),
            Ok(_) => Outcome::Changed,
            Err(err) if err.kind() == io::ErrorKind::NotFound => Outcome::New,
            Err(err) => return Err(err),
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        replace(&path, contents)?;
        Ok(outcome)
    }

    /// Removes the pages the last run wrote that this run did not (`pages`), and records
    /// `pages` for the next run. Returns the pages removed.
    pub fn finish(&self, pages: &BTreeSet<String>) -> io::Result<Vec<String>> {
        let manifest = self.dir.join(MANIFEST);
        let before = fs::read_to_string(&manifest).unwrap_or_default();
        let mut removed = Vec::new();
        for page in before
            .lines()
            .filter(|p| !p.is_empty() && !pages.contains(*p))
        {
            // Only pages this tool writes, never a path outside the site.
            if !is_page_path(page) {
                continue;
            }
            let path = self.dir.join(page);
            match fs::remove_file(&path) {
                Ok(()) => {
                    // The article's or pillar's folder, once empty.
                    if let Some(parent) = path.parent() {
                        let _ = fs::remove_dir(parent);
                    }
                    removed.push(page.to_owned());
                }
                Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                Err(err) => return Err(err),
            }
        }
        let list: String = pages.iter().map(|p| format!("{p}\n")).collect();
        replace(&manifest, list.as_bytes())?;
        Ok(removed)
    }
}

/// `path`'s contents replaced by `contents` at once: written beside it, then renamed.
fn replace(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(format!(".tmp-{}", std::process::id()));
    let temporary = path.with_file_name(name);
    let result = fs::write(&temporary, contents).and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Whether `page` is a path this tool writes: `index.html`; `articles/<name>/index.html`,
/// `pillars/<name>/index.html`, `embed/{articles,cards}/<name>/index.html` and
/// `oembed/articles/<name>.json` with a name that is a plain file name; the feeds' pages
/// (`feed.json`, `feed/<n>.json` and their `.xml` twins), `sitemap.xml`, `sitemap-<n>.xml` and
/// `robots.txt`.
pub fn is_page_path(page: &str) -> bool {
    let numbered = |name: &str, prefix: &str, suffix: &str| {
        name.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    match page.split('/').collect::<Vec<_>>().as_slice() {
        ["index.html" | "feed.json" | "feed.xml" | "sitemap.xml" | "robots.txt"] => true,
        [name] => numbered(name, "sitemap-", ".xml"),
        ["feed", name] => numbered(name, "", ".json") || numbered(name, "", ".xml"),
        ["articles" | "pillars", name, "index.html"] => is_file_name(name),
        ["embed", "articles" | "cards", name, "index.html"] => is_file_name(name),
        ["oembed", "articles", file] => file.strip_suffix(".json").is_some_and(is_file_name),
        _ => false,
    }
}

/// The page file for `slug` under `folder` (`articles`, `pillars`), where a static host looks
/// for the address the app links to (`/<folder>/<slug>`, the slug percent-encoded, which the
/// host decodes); `None` for a slug that cannot be a file name (a `/`, `..`, control
/// characters): its page is left to the fallback (`404.html`).
pub fn page_path(folder: &str, slug: &str) -> Option<String> {
    is_file_name(slug).then(|| format!("{folder}/{slug}/index.html"))
}

fn is_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && name.len() <= 200
        && !name.starts_with('.')
        && !name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_become_file_names_only_when_they_are_plain() {
        assert_eq!(
            page_path("articles", "signal-of-hope").as_deref(),
            Some("articles/signal-of-hope/index.html")
        );
        assert_eq!(
            page_path("articles", "café au lait").as_deref(),
            Some("articles/café au lait/index.html")
        );
        for bad in [
            "", ".", "..", "../x", "a/b", "a\\b", ".hidden", "a\nb", "a\0b",
        ] {
            assert_eq!(page_path("articles", bad), None, "{bad:?}");
        }
        assert_eq!(page_path("articles", &"x".repeat(201)), None);
    }

    #[test]
    fn only_pages_it_writes_are_ever_removed() {
        assert!(is_page_path("index.html"));
        assert!(is_page_path("articles/a/index.html"));
        assert!(is_page_path("pillars/b/index.html"));
        for published in [
            "feed.json",
            "feed/2.json",
            "feed/12.xml",
            "sitemap.xml",
            "sitemap-3.xml",
            "robots.txt",
            "embed/cards/a/index.html",
            "embed/articles/a/index.html",
            "oembed/articles/a.json",
        ] {
            assert!(is_page_path(published), "{published}");
        }
        for other in [
            "feed/x.json",
            "feed/.json",
            "sitemap-.xml",
            "embed/v1/loader.js",
            "oembed/articles/../x.json",
            "oembed/articles/.json",
        ] {
            assert!(!is_page_path(other), "{other}");
        }
        for other in [
            "404.html",
            "articles/../../etc/passwd/index.html",
            "articles/a/b/index.html",
            "/etc/passwd",
            "articles/a/other.html",
            "data/articles.json",
        ] {
            assert!(!is_page_path(other), "{other}");
        }
    }
}
