//! Contract 1.1's pictures, bylines, languages and update dates as foreign formats write
//! them: an article's hero `image` (a JSON Feed's `image`, a schema.org `ImageObject`, Media
//! RSS, a WordPress featured media, a Ghost `feature_image`), a body's `figure` (an HTML
//! `<img>`), `authors`, `language` and `updated_at`. Read leniently: what cannot be used is
//! left out, and never makes an article unreadable. See `docs/formats.md`.

use serde_json::{Map, Value, json};

use super::{HtmlNode, dates};
use crate::{ExternalUrl, Language, PublishedAt};

/// A picture on its way to contract JSON (`{ "url", "alt", "width", … }`): its URL is already
/// a usable absolute http(s) URL ([`usable_url`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub url: String,
    /// Empty when the format says nothing about what the picture shows (a decorative image,
    /// as far as a screen reader can tell).
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Rich text, as contract JSON.
    pub caption: Option<Value>,
    pub credit: Option<String>,
    /// Other widths of the same picture: `(url, width)`.
    pub sources: Vec<(String, u32)>,
}

/// A picture known to be narrower than this (or lower than [`MIN_HERO_HEIGHT`]) is an icon
/// or an avatar (GitHub's 30-pixel author pictures in its Atom feeds), not an article's hero.
const MIN_HERO_WIDTH: u32 = 100;
const MIN_HERO_HEIGHT: u32 = 50;

impl Picture {
    /// A picture at `url`, if that is a usable address ([`usable_url`]).
    pub fn at(url: &str) -> Option<Self> {
        Some(Self {
            url: usable_url(url)?,
            alt: String::new(),
            width: None,
            height: None,
            caption: None,
            credit: None,
            sources: Vec::new(),
        })
    }

    /// With its size as the format gives it: `None`, or 0, is unknown.
    pub fn sized(mut self, width: Option<u32>, height: Option<u32>) -> Self {
        self.width = width.filter(|&w| w > 0);
        self.height = height.filter(|&h| h > 0);
        self
    }

    /// With its text alternative, white space collapsed.
    pub fn alt(mut self, alt: Option<&str>) -> Self {
        self.alt = alt.map(collapse).unwrap_or_default();
        self
    }

    /// With its credit (a photographer, an agency), if there is one.
    pub fn credit(mut self, credit: Option<String>) -> Self {
        self.credit = credit.map(|c| collapse(&c)).filter(|c| !c.is_empty());
        self
    }

    /// The picture an HTML `<img>` shows: its `src` (resolved already), `alt`, integer
    /// `width` and `height`, and the widths of its `srcset` and of `sources` (a `<picture>`'s
    /// `<source>`s for every screen). `None` without a usable `src`, and for a tracking pixel
    /// (1×1, or an address that says so).
    pub fn from_img(img: &HtmlNode, sources: &[&HtmlNode]) -> Option<Self> {
        let size = |name| img.attribute(name).and_then(dimension_text);
        let (width, height) = (size("width"), size("height"));
        if width.is_some_and(|w| w <= 1) || height.is_some_and(|h| h <= 1) {
            return None;
        }
        let mut picture = Self::at(img.attribute("src")?)?
            .sized(width, height)
            .alt(img.attribute("alt"));
        let offered = sources
            .iter()
            .filter(|source| source.attribute("media").is_none())
            .filter(|source| source.attribute("type").is_none_or(shown_everywhere))
            .chain([&img])
            .filter_map(|node| node.attribute("srcset"))
            .flat_map(srcset);
        picture.add_sources(offered);
        Some(picture)
    }

    /// Adds other widths of the picture: each usable URL and width once.
    pub fn add_sources(&mut self, sources: impl IntoIterator<Item = (String, u32)>) {
        for (url, width) in sources {
            if width == 0 || self.sources.iter().any(|(_, w)| *w == width) {
                continue;
            }
            if let Some(url) = usable_url(&url) {
                self.sources.push((url, width));
            }
        }
        self.sources.sort_by_key(|(_, width)| *width);
    }

    /// Whether it can head an article: not known to be an icon's size.
    pub fn is_hero_sized(&self) -> bool {
        self.width.is_none_or(|w| w >= MIN_HERO_WIDTH)
            && self.height.is_none_or(|h| h >= MIN_HERO_HEIGHT)
    }

    /// Whether `other` is the same picture at another size: both sizes known, and the same
    /// shape (a crop, a square thumbnail of a wide picture, is another picture).
    pub fn same_shape(&self, other: &Self) -> bool {
        match (self.width, self.height, other.width, other.height) {
            (Some(w), Some(h), Some(ow), Some(oh)) => same_shape((w, h), (ow, oh)),
            _ => false,
        }
    }

    /// The contract's image object.
    pub fn json(self) -> Value {
        let mut image = Map::new();
        let url = self.url;
        image.insert("url".into(), Value::String(url.clone()));
        image.insert("alt".into(), Value::String(self.alt));
        // The contract's size is both or neither.
        if let (Some(width), Some(height)) = (self.width, self.height) {
            image.insert("width".into(), width.into());
            image.insert("height".into(), height.into());
        }
        if let Some(caption) = self.caption {
            image.insert("caption".into(), caption);
        }
        if let Some(credit) = self.credit {
            image.insert("credit".into(), Value::String(credit));
        }
        let mut sources = self.sources;
        // The picture's own width is one of the widths it comes in, when the contract's size
        // cannot say it (a width without a height).
        if let (Some(width), None) = (self.width, self.height)
            && !sources.is_empty()
            && !sources.iter().any(|(_, w)| *w == width)
        {
            sources.push((url, width));
            sources.sort_by_key(|(_, width)| *width);
        }
        if !sources.is_empty() {
            let sources: Vec<Value> = sources
                .into_iter()
                .map(|(url, width)| json!({ "url": url, "width": width }))
                .collect();
            image.insert("sources".into(), Value::Array(sources));
        }
        Value::Object(image)
    }
}

/// The hero among `pictures` (a schema.org `image` list, Media RSS's renditions): the widest
/// of those whose width is known, else the first; icons and avatars are passed over. The
/// others of the same shape become its other widths.
pub fn hero(pictures: Vec<Picture>) -> Option<Picture> {
    let candidates: Vec<Picture> = pictures
        .into_iter()
        .filter(Picture::is_hero_sized)
        .collect();
    let at = candidates
        .iter()
        .enumerate()
        .filter_map(|(at, p)| Some((at, p.width?)))
        // The first of equal widths.
        .max_by_key(|&(at, width)| (width, std::cmp::Reverse(at)))
        .map_or(0, |(at, _)| at);
    let mut hero = candidates.get(at)?.clone();
    let others: Vec<(String, u32)> = candidates
        .iter()
        .enumerate()
        .filter(|&(i, other)| i != at && (hero.same_shape(other) || same_unknown(&hero, other)))
        .filter_map(|(_, other)| Some((other.url.clone(), other.width?)))
        .collect();
    if !others.is_empty() {
        hero.add_sources(others);
    }
    Some(hero)
}

/// Two renditions whose heights are both unknown (Media RSS's `media:content width="140"` and
/// `width="460"` of one photograph): taken as the same picture, as the feed lists them for one
/// item.
fn same_unknown(hero: &Picture, other: &Picture) -> bool {
    hero.height.is_none() && other.height.is_none() && hero.width.is_some() && other.width.is_some()
}

/// Whether two sizes have the same shape, allowing for the pixel a resized copy rounds to.
pub fn same_shape((w, h): (u32, u32), (ow, oh): (u32, u32)) -> bool {
    let expected = f64::from(ow) * f64::from(h) / f64::from(w);
    (f64::from(oh) - expected).abs() <= 1.0 + f64::from(oh) / 100.0
}

/// Image types every browser shows: a `<source>` of another type (AVIF, JPEG XL) is left out
/// of the widths, since a browser that cannot show it would show nothing.
fn shown_everywhere(media_type: &str) -> bool {
    let media_type = media_type.trim().to_ascii_lowercase();
    media_type.is_empty()
        || [
            "image/jpeg",
            "image/jpg",
            "image/png",
            "image/gif",
            "image/webp",
        ]
        .contains(&media_type.as_str())
}

/// `raw` as an image address, if a browser can load it from the page and it is not a
/// tracker: an absolute http(s) URL that `srcset` can also carry (no white space, no comma at
/// either end). `data:`, `javascript:` and relative URLs are not.
pub fn usable_url(raw: &str) -> Option<String> {
    let url = crate::image::image_url(raw.trim())?;
    let text = url.as_str();
    (!is_tracker(text)).then(|| text.to_owned())
}

/// An address that says it is a tracking pixel rather than a picture: a folder named
/// `tracking`, `pixel` or `beacon` (`…/tracking/npr-rss-pixel.png`), a host `pixel.…`
/// (WordPress.com's `pixel.wp.com`), FeedBurner's `/~r/` and `/~ff/` counters.
fn is_tracker(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let segments: Vec<String> = path.split('/').map(str::to_ascii_lowercase).collect();
    let folders = &segments[..segments.len().saturating_sub(1)];
    host.starts_with("pixel.")
        || folders.iter().any(|s| {
            matches!(
                s.as_str(),
                "tracking" | "tracker" | "pixel" | "pixels" | "beacon"
            )
        })
        || (host.contains("feedburner.")
            && matches!(folders.first().map(String::as_str), Some("~r" | "~ff")))
}

/// An HTML size attribute (`width="640"`, also `640px`): a number of pixels, 0 included
/// (for the tracking-pixel test); anything else (`100%`, `auto`) is unknown.
pub fn dimension_text(text: &str) -> Option<u32> {
    let text = text.trim();
    let digits = text
        .strip_suffix("px")
        .map_or(text, str::trim_end)
        .trim_start_matches('+');
    let digits = digits.split_once('.').map_or(digits, |(whole, fraction)| {
        if fraction.bytes().all(|b| b == b'0') {
            whole
        } else {
            ""
        }
    });
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A size as JSON formats write it: a number (`1200`, `1200.0`), a string (`"1200"`,
/// `"1200px"`), or a schema.org `QuantitativeValue` (`{ "value": 1200, "unitCode": "E37" }`).
pub fn dimension(value: Option<&Value>) -> Option<u32> {
    match value? {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                    .map(|f| f as u64)
            })
            .and_then(|n| u32::try_from(n).ok()),
        Value::String(text) => dimension_text(text),
        Value::Object(object) => dimension(object.get("value")),
        Value::Array(values) => values.iter().find_map(|v| dimension(Some(v))),
        _ => None,
    }
}

/// The candidates of a `srcset` with a width (`photo-480.jpg 480w`), in order, as the HTML
/// standard splits them: URLs end at white space, candidates at commas (a URL may hold a
/// comma: `w_300,h_200`). Density candidates (`2x`) have no width and are left out.
pub fn srcset(text: &str) -> Vec<(String, u32)> {
    candidates(text)
        .into_iter()
        .filter_map(|(url, descriptors)| {
            let [only] = descriptors.as_slice() else {
                return None;
            };
            let width = only.strip_suffix(['w', 'W'])?;
            let width = (!width.is_empty() && width.bytes().all(|b| b.is_ascii_digit()))
                .then(|| width.parse::<u32>().ok())
                .flatten()?;
            Some((url.to_owned(), width))
        })
        .collect()
}

/// A `srcset`'s candidates: each URL and its descriptors.
fn candidates(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return out;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        if url.ends_with(',') {
            out.push((url.trim_end_matches(','), Vec::new()));
            rest = after;
            continue;
        }
        // The descriptors run to the next comma outside parentheses.
        let mut depth = 0_i32;
        let stop = after
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    ',' if depth <= 0 => return true,
                    _ => {}
                }
                false
            })
            .map_or(after.len(), |(at, _)| at);
        out.push((url, after[..stop].split_ascii_whitespace().collect()));
        rest = &after[stop..];
    }
}

/// A `srcset` with each URL resolved by `resolve` (relative URLs against the document's base).
pub fn resolve_srcset(text: &str, resolve: &dyn Fn(&str) -> Option<String>) -> String {
    candidates(text)
        .into_iter()
        .map(|(url, descriptors)| {
            let url = resolve(url).unwrap_or_else(|| url.to_owned());
            std::iter::once(url.as_str())
                .chain(descriptors)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// White space collapsed and trimmed, as HTML shows text.
fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lead picture of a body that repeats its hero (a WordPress featured image, a JSON Feed
/// `image` that is also in `content_html`): when the body starts with a figure of the same
/// picture, it is dropped there, and lends the hero its text alternative and caption if the
/// hero has none.
pub fn without_repeated_hero(hero: &mut Value, body: &mut Vec<Value>) {
    let Some(url) = hero.get("url").and_then(Value::as_str).map(str::to_owned) else {
        return;
    };
    let Some(first) = body.first() else {
        return;
    };
    let image = &first["image"];
    let same = first["type"] == "figure"
        && (image["url"].as_str() == Some(url.as_str())
            || image["sources"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s["url"].as_str() == Some(url.as_str()))));
    if !same {
        return;
    }
    let figure = body.remove(0);
    let Some(hero) = hero.as_object_mut() else {
        return;
    };
    if hero
        .get("alt")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
        && let Some(alt) = figure["image"]["alt"].as_str()
    {
        hero.insert("alt".into(), alt.into());
    }
    if !hero.contains_key("caption")
        && let Some(caption) = figure["image"].get("caption")
    {
        hero.insert("caption".into(), caption.clone());
    }
}

/// A BCP 47 language tag as feeds write it, in its usual case (`en_US`, `IT-it` →
/// `en-US`, `it-IT`), if it has a tag's shape ([`Language`]); `None` for
/// anything else (`English`, `*`), which is then left out rather than refused.
pub fn language(raw: &str) -> Option<String> {
    let raw = raw.trim().replace('_', "-");
    let mut tag = Vec::new();
    let mut extension = false;
    for (index, subtag) in raw.split('-').enumerate() {
        // After a singleton (`x-…`, `u-…`), subtags are not regions or scripts.
        extension |= index > 0 && subtag.len() == 1;
        let subtag = if index == 0 || extension {
            subtag.to_ascii_lowercase()
        } else if subtag.len() == 2 && subtag.bytes().all(|b| b.is_ascii_alphabetic()) {
            subtag.to_ascii_uppercase()
        } else if subtag.len() == 4 && subtag.bytes().all(|b| b.is_ascii_alphabetic()) {
            let lower = subtag.to_ascii_lowercase();
            lower[..1].to_ascii_uppercase() + &lower[1..]
        } else {
            subtag.to_ascii_lowercase()
        };
        tag.push(subtag);
    }
    let tag = tag.join("-");
    well_formed_language(&tag).then_some(tag)
}

/// The contract's rule for a language tag ([`Language::parse`]), with a language of 2 or 3
/// letters, as ISO 639 codes are: a language's name (`English`, `Deutsch`), which feeds write
/// too, is no tag.
fn well_formed_language(tag: &str) -> bool {
    let language = tag.split('-').next().unwrap_or_default();
    (2..=3).contains(&language.len()) && Language::parse(tag).is_some()
}

/// The authors of an article as the contract lists them (`[{ "name", "url" }]`): each name
/// once (the first wins), blank names left out, a URL kept only if it is http(s).
#[derive(Debug, Default)]
pub struct Byline(Vec<Value>);

impl Byline {
    pub fn push(&mut self, name: Option<String>, url: Option<&str>) {
        let Some(name) = name.map(|n| collapse(&n)).filter(|n| !n.is_empty()) else {
            return;
        };
        let repeated = self.0.iter().any(|author| {
            author["name"]
                .as_str()
                .is_some_and(|known| known.to_lowercase() == name.to_lowercase())
        });
        if repeated {
            return;
        }
        let url = url
            .and_then(|u| ExternalUrl::parse(u.trim()))
            .map(|u| u.as_str().to_owned());
        let mut author = Map::new();
        author.insert("name".into(), Value::String(name));
        if let Some(url) = url {
            author.insert("url".into(), Value::String(url));
        }
        self.0.push(Value::Object(author));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The list, or `None` when no author has a name.
    pub fn json(self) -> Option<Value> {
        (!self.0.is_empty()).then_some(Value::Array(self.0))
    }
}

/// A name from RSS's `author`, an e-mail address by the specification: `jo@example.org (Jo
/// Bloggs)` and `Jo Bloggs <jo@example.org>` give the name, a bare address none (a byline is
/// not a mailing list); anything else (feeds write plain names there) is the name.
pub fn name_of_mailbox(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some((address, rest)) = text.split_once('(')
        && let Some(name) = rest.rsplit_once(')').map(|(name, _)| name.trim())
        && !name.is_empty()
        && !address.trim().contains(' ')
    {
        return Some(name.to_owned());
    }
    if let Some((name, rest)) = text.split_once('<')
        && rest.contains('@')
        && !name.trim().is_empty()
    {
        return Some(name.trim().trim_matches('"').to_owned());
    }
    let bare_address = text.contains('@') && !text.contains(' ');
    (!bare_address && !text.is_empty()).then(|| text.to_owned())
}

/// `updated_at`: `modified` in the contract's form, if it is later than the published date
/// `published` (contract JSON; an undated article has no update). An update the same day as
/// a publication known only by its day is not later.
pub fn updated_at(published: &Value, modified: Option<&str>) -> Option<String> {
    let updated = dates::to_contract(modified?)?;
    let published = PublishedAt::parse(published.as_str()?)?;
    let later = match (PublishedAt::parse(&updated)?, published) {
        (PublishedAt::DateTime(updated), PublishedAt::DateTime(published)) => updated > published,
        (updated, published) => updated.calendar_date() > published.calendar_date(),
    };
    later.then_some(updated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_candidates_are_split_as_browsers_split_them() {
        assert_eq!(
            srcset("a.jpg 480w, b.jpg 960w,c.jpg 1200w"),
            [
                ("a.jpg".to_owned(), 480),
                ("b.jpg".to_owned(), 960),
                ("c.jpg".to_owned(), 1200)
            ]
        );
        // A comma inside a URL stays; density and malformed descriptors give no width.
        assert_eq!(
            srcset(
                "https://i.example/w_300,h_200/x.jpg 300w, y.jpg 2x, z.jpg, q.jpg 10q, r.jpg 1.5w"
            ),
            [("https://i.example/w_300,h_200/x.jpg".to_owned(), 300)]
        );
        assert_eq!(srcset(""), []);
        assert_eq!(srcset(" , ,"), []);
        let resolve = |url: &str| Some(format!("https://b.example/{url}"));
        assert_eq!(
            resolve_srcset("a.jpg 1x,b.jpg  2x", &resolve),
            "https://b.example/a.jpg 1x, https://b.example/b.jpg 2x"
        );
    }

    #[test]
    fn sizes_and_languages_are_read_leniently() {
        assert_eq!(dimension_text(" 640 "), Some(640));
        assert_eq!(dimension_text("640px"), Some(640));
        assert_eq!(dimension_text("640.0"), Some(640));
        for text in ["100%", "auto", "", "-1", "64.5", "1e3"] {
            assert_eq!(dimension_text(text), None, "{text}");
        }
        assert_eq!(dimension(Some(&json!(1600.0))), Some(1600));
        assert_eq!(dimension(Some(&json!({ "value": "900" }))), Some(900));
        assert_eq!(dimension(Some(&json!(-3))), None);
        assert_eq!(language("en_US").as_deref(), Some("en-US"));
        assert_eq!(language("IT-it").as_deref(), Some("it-IT"));
        assert_eq!(language("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(language("de-ch-x-ab").as_deref(), Some("de-CH-x-ab"));
        for raw in ["English", "deutsch", "e", "*", "", "en--us", "en US"] {
            assert_eq!(language(raw), None, "{raw}");
        }
    }

    #[test]
    fn trackers_are_not_pictures() {
        for url in [
            "https://media.npr.org/include/images/tracking/npr-rss-pixel.png?story=1",
            "https://pixel.wp.com/b.gif?host=x",
            "http://feeds.feedburner.com/~r/Example/~4/abc",
        ] {
            assert_eq!(usable_url(url), None, "{url}");
        }
        for url in [
            "https://i.example/pixel-7-review.jpg",
            "https://i.example/photos/tracking-shot.jpg",
        ] {
            assert!(usable_url(url).is_some(), "{url}");
        }
        for url in [
            "data:image/png;base64,AAAA",
            "javascript:alert(1)",
            "/a.png",
            "//x.example/a.png",
        ] {
            assert_eq!(usable_url(url), None, "{url}");
        }
    }

    #[test]
    fn mailboxes_give_names() {
        assert_eq!(
            name_of_mailbox("jo@example.org (Jo Bloggs)").as_deref(),
            Some("Jo Bloggs")
        );
        assert_eq!(
            name_of_mailbox("Jo Bloggs <jo@example.org>").as_deref(),
            Some("Jo Bloggs")
        );
        assert_eq!(name_of_mailbox("Jo Bloggs").as_deref(), Some("Jo Bloggs"));
        assert_eq!(name_of_mailbox("jo@example.org"), None);
    }

    #[test]
    fn an_update_is_later_than_the_publication() {
        let published = json!("2026-07-02T09:30:00-07:00");
        assert_eq!(
            updated_at(&published, Some("2026-07-02T18:00:00+01:00")).as_deref(),
            Some("2026-07-02T18:00:00+01:00")
        );
        assert_eq!(
            updated_at(&published, Some("2026-07-02T17:30:00+01:00")),
            None
        );
        assert_eq!(
            updated_at(&json!("2026-07-02"), Some("2026-07-02T23:00:00Z")),
            None
        );
        assert_eq!(
            updated_at(&json!("2026-07-02"), Some("Fri, 03 Jul 2026 08:00:00 GMT")).as_deref(),
            Some("2026-07-03T08:00:00Z")
        );
        assert_eq!(updated_at(&Value::Null, Some("2026-07-03")), None);
        assert_eq!(updated_at(&published, Some("soon")), None);
    }
}
