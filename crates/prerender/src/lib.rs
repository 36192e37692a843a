//! The prerenderer: `scripts/prerender --api <api-base URL> --site-url <public URL> [--dist
//! DIR]` writes the site's pages as HTML into a release build, so that link previews, crawlers
//! and readers without JavaScript see them, and the app takes them over (docs/deploying.md).
//!
//! `backend` reads the API as the app does (`fetch` is the only I/O with it), `render` makes
//! the pages with the app's own components, `output` writes them, and `run` puts it together.
// The article page's whole view type, rendered natively, is deeper than the default limit.
#![recursion_limit = "256"]

pub mod backend;
pub mod fetch;
pub mod output;
pub mod render;
pub mod run;

use std::path::PathBuf;

pub const USAGE: &str = "usage: scripts/prerender --api <api-base URL> --site-url <public URL of the site> [--dist DIR]";

/// The command line.
#[derive(Debug, PartialEq)]
pub struct Args {
    /// The backend, as `signal:api-base` names it: a folder, a feed, a posts API.
    pub api: String,
    /// Where the site is served, for canonical URLs and the app's paths.
    pub site_url: String,
    /// The release build to write into.
    pub dist: PathBuf,
}

impl Args {
    /// Reads the arguments after the program's name; `Err("")` for `--help`.
    pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Self, String> {
        let (mut api, mut site_url, mut dist) = (None, None, None);
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
                None => (arg, None),
            };
            let slot = match name.as_str() {
                "--api" => &mut api,
                "--site-url" => &mut site_url,
                "--dist" => &mut dist,
                "-h" | "--help" => return Err(String::new()),
                other => return Err(format!("unknown argument `{other}`")),
            };
            let value = inline
                .or_else(|| args.next())
                .ok_or_else(|| format!("`{name}` needs a value"))?;
            *slot = Some(value);
        }
        Ok(Self {
            api: api.ok_or("`--api` is required")?,
            site_url: site_url.ok_or("`--site-url` is required")?,
            dist: dist.unwrap_or_else(|| "dist".to_owned()).into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        Args::parse(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn reads_the_documented_interface() {
        let args = parse(&[
            "--api",
            "https://api.example/",
            "--site-url",
            "https://s.example/",
        ]);
        assert_eq!(
            args,
            Ok(Args {
                api: "https://api.example/".into(),
                site_url: "https://s.example/".into(),
                dist: "dist".into(),
            })
        );
        let args = parse(&["--api=a", "--site-url=b", "--dist", "out"]).unwrap();
        assert_eq!(args.dist, PathBuf::from("out"));
    }

    #[test]
    fn says_what_is_missing() {
        assert_eq!(
            parse(&["--api", "a"]).unwrap_err(),
            "`--site-url` is required"
        );
        assert_eq!(parse(&["--api"]).unwrap_err(), "`--api` needs a value");
        assert_eq!(
            parse(&["--site", "x"]).unwrap_err(),
            "unknown argument `--site`"
        );
    }
}
