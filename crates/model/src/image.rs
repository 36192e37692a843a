//! Contract 1.1's images, bylines and languages: an article's hero `image` (also a card's
//! thumbnail), a body `figure`'s image, `authors` and `language` (see `docs/contract.md`).

use serde::{
    Deserialize, Deserializer,
    de::{IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor},
};

use super::{
    ContractError, ExternalUrl,
    body::{expected, rich_text},
    error::nested,
    limits::{MAX_LABEL_CHARS, MAX_SUMMARY_CHARS, limit_marks, shorten},
    raw::{Raw, RawVisitor},
    rich_text::RichText,
    wire,
};

/// Widths an image's `sources` keep; a browser needs a handful to choose from.
pub const MAX_IMAGE_SOURCES: usize = 16;

/// Authors an article's byline keeps (the rest are counted in the cut notice).
pub const MAX_AUTHORS: usize = 20;

/// An image: its address (always an absolute http(s) URL, as [`ExternalUrl`] guarantees),
/// its text alternative (empty for a decorative image), its size when known and the other
/// widths it comes in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub url: ExternalUrl,
    /// Empty: decorative (rendered as `alt=""`, which screen readers skip).
    pub alt: String,
    /// Both or neither: a size is only useful whole (it reserves the image's box).
    pub size: Option<ImageSize>,
    pub caption: Option<RichText>,
    pub credit: Option<String>,
    /// Other widths of the same picture, narrowest first, each width once.
    pub sources: Vec<ImageSource>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageSize {
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSource {
    pub url: ExternalUrl,
    pub width: u32,
}

impl Image {
    /// The `srcset` attribute's value (`url 480w, url 960w`), when the image has sources;
    /// the image's own URL is one of them when its width is known.
    pub fn srcset(&self) -> Option<String> {
        if self.sources.is_empty() {
            return None;
        }
        // The sources are narrowest first already; the image's own width joins them in order.
        let mut widths: Vec<(&str, u32)> = self
            .sources
            .iter()
            .map(|s| (s.url.as_str(), s.width))
            .collect();
        if let Some(size) = self.size
            && !widths.iter().any(|(_, w)| *w == size.width)
        {
            let at = widths.iter().take_while(|(_, w)| *w < size.width).count();
            widths.insert(at, (self.url.as_str(), size.width));
        }
        let list: Vec<String> = widths
            .iter()
            .map(|(url, width)| format!("{url} {width}w"))
            .collect();
        Some(list.join(", "))
    }

    /// The pixels the image is known to have, for choosing the largest: its own size, or
    /// else its widest source's width squared.
    pub fn area(&self) -> u64 {
        match self.size {
            Some(size) => u64::from(size.width) * u64::from(size.height),
            None => self
                .sources
                .last()
                .map_or(0, |s| u64::from(s.width) * u64::from(s.width)),
        }
    }
}

/// The fields of an image object, in the order `docs/schema/article.schema.json` has them:
/// an image is read by hand from its buffered value ([`image_from_raw`]), as a body block is,
/// so the schema test (`tests/schema_fields.rs`) takes its names from here, and the reader
/// reads no other (checked in debug builds).
pub const IMAGE_FIELDS: &[&str] = &[
    "url", "alt", "width", "height", "caption", "credit", "sources",
];

/// The fields of one of an image's `sources`, likewise.
pub const IMAGE_SOURCE_FIELDS: &[&str] = &["url", "width"];

/// Reads an image object (an article's or card's `image`, a figure block's), checking each
/// field's type; `None` when its URL is unusable (left out, not an error). Read by hand from
/// the buffered value rather than through serde: one reader for both places, and no second
/// copy of serde's machinery in the wasm.
pub(crate) fn image_from_raw(raw: &Raw) -> Result<Option<Image>, ContractError> {
    if !matches!(raw, Raw::Object(_)) {
        return Err(expected("", "an image object", raw));
    }
    let field = |name: &str| {
        debug_assert!(IMAGE_FIELDS.contains(&name), "an image reads `{name}`");
        raw.get(name)
    };
    let url = required_string(field("url"), "url")?;
    let alt = required_string(field("alt"), "alt")?;
    let width = whole_number(field("width"), "width")?;
    let height = whole_number(field("height"), "height")?;
    let caption = match field("caption") {
        None | Some(Raw::Null) => None,
        Some(value) => rich_text(value, "caption")?.map(|mut caption| {
            caption.shorten(MAX_SUMMARY_CHARS);
            caption
        }),
    };
    let credit = match field("credit") {
        None | Some(Raw::Null) => None,
        Some(Raw::String(text)) => Some(text.trim()).filter(|t| !t.is_empty()).map(|text| {
            let mut text = text.to_owned();
            limit_marks(&mut text);
            shorten(&mut text, MAX_LABEL_CHARS);
            text
        }),
        Some(other) => return Err(expected("credit", "a string", other)),
    };
    let mut sources = Vec::new();
    match field("sources") {
        None | Some(Raw::Null) => {}
        Some(Raw::Array(items)) => {
            // Past the limit, sources are not read.
            for (index, item) in items.iter().take(MAX_IMAGE_SOURCES).enumerate() {
                let at = |name: &str| format!("sources[{index}].{name}");
                if !matches!(item, Raw::Object(_)) {
                    return Err(expected(&format!("sources[{index}]"), "an object", item));
                }
                let url = required_string(item.get("url"), &at("url"))?;
                let width = whole_number(item.get("width"), &at("width"))?
                    .ok_or_else(|| ContractError::at(at("width"), "required, but missing"))?;
                if let Some(url) = image_url(url).filter(|_| width > 0) {
                    sources.push(ImageSource { url, width });
                }
            }
        }
        Some(other) => return Err(expected("sources", "a list", other)),
    }
    let Some(url) = image_url(url) else {
        return Ok(None);
    };
    let mut alt = alt.trim().to_owned();
    limit_marks(&mut alt);
    shorten(&mut alt, MAX_SUMMARY_CHARS);
    let size = match (width, height) {
        (Some(width), Some(height)) if width > 0 && height > 0 => Some(ImageSize { width, height }),
        _ => None,
    };
    // Narrowest first, each width once (the first given wins).
    sources.sort_by_key(|s| s.width);
    sources.dedup_by_key(|s| s.width);
    Ok(Some(Image {
        url,
        alt,
        size,
        caption,
        credit,
        sources,
    }))
}

fn required_string<'a>(value: Option<&'a Raw>, path: &str) -> Result<&'a str, ContractError> {
    match value {
        Some(Raw::String(text)) => Ok(text),
        Some(other) => Err(expected(path, "a string", other)),
        None => Err(ContractError::at(path, "required, but missing")),
    }
}

/// A pixel count: absent or `null` for none, else a whole number that fits 32 bits.
fn whole_number(value: Option<&Raw>, path: &str) -> Result<Option<u32>, ContractError> {
    match value {
        None | Some(Raw::Null) => Ok(None),
        Some(Raw::Number(n)) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| {
                expected(
                    path,
                    "a whole number of pixels",
                    value.unwrap_or(&Raw::Null),
                )
            }),
        Some(other) => Err(expected(path, "a whole number of pixels", other)),
    }
}

/// A picture's address, as the contract accepts it: an absolute http(s) URL
/// ([`ExternalUrl::parse`]) that `srcset` can carry. Its candidates are separated by white
/// space and commas, so a URL with white space in it, or starting or ending with a comma,
/// would be misread. (The image's own `src` has no such rule, but one address rule for both
/// keeps them in step.) The adapters' pictures follow the same rule (`adapt::media`).
pub fn image_url(raw: &str) -> Option<ExternalUrl> {
    let url = ExternalUrl::parse(raw)?;
    let text = url.as_str();
    let fits =
        !text.contains(char::is_whitespace) && !text.starts_with(',') && !text.ends_with(',');
    fits.then_some(url)
}

/// `image`: absent, `null`, or an image object ([`image_from_raw`]); an image whose URL is
/// unusable is `None`. The object is checked inside serde_json's own call, before its closing
/// brace, so that an error inside it is placed there and names its path (`image.alt`).
pub(crate) fn optional_image<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Image>, D::Error> {
    struct ImageVisitor;

    impl<'de> Visitor<'de> for ImageVisitor {
        type Value = Option<Image>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an image object")
        }

        fn visit_unit<E>(self) -> Result<Option<Image>, E> {
            Ok(None)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Image>, A::Error> {
            let raw = RawVisitor.visit_map(map)?;
            image_from_raw(&raw).map_err(nested)
        }

        /// A list is read to its end before it is refused, so that the error names `image`,
        /// not its first element (`model::json_path`).
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Image>, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Err(serde::de::Error::invalid_type(Unexpected::Seq, &self))
        }
    }

    de.deserialize_any(ImageVisitor)
}

/// A name in the byline, linked when its URL is usable.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Author {
    #[serde(deserialize_with = "wire::required_text")]
    pub name: String,
    #[serde(default, deserialize_with = "wire::external_url")]
    pub url: Option<ExternalUrl>,
}

impl wire::Entry for Author {}

/// A BCP 47 language tag (`en`, `de-CH`, `zh-Hant-TW`), as written: checked for its shape
/// (a 2–3 letter language, then subtags of 1–8 letters or digits), not against the registry,
/// so a tag this reader does not know still marks the text's language for the browser.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language(String);

/// Languages written right to left, by their primary subtag (when no script subtag says
/// otherwise): Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi,
/// Central Kurdish, Syriac, N'Ko, Balochi, Kashmiri and older codes for Hebrew and Yiddish.
const RIGHT_TO_LEFT_LANGUAGES: &[&str] = &[
    "ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "nqo", "bal", "ks", "iw",
    "ji", "prs", "arc", "pnb", "lrc", "mzn", "glk", "sdh",
];

/// Scripts written right to left (ISO 15924), when a tag names its script.
const RIGHT_TO_LEFT_SCRIPTS: &[&str] = &[
    "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr", "yezi", "aran",
];

impl Language {
    pub fn parse(tag: &str) -> Option<Self> {
        let tag = tag.trim();
        let mut subtags = tag.split('-');
        let language = subtags.next()?;
        let language_ok =
            (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_alphabetic());
        let rest_ok = subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
        (language_ok && rest_ok).then(|| Self(tag.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lower-cased: `de` for `de-CH`.
    pub fn primary(&self) -> String {
        self.0
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }

    /// Whether the language's script runs right to left (`dir="rtl"`).
    pub fn is_right_to_left(&self) -> bool {
        let script = self
            .0
            .split('-')
            .skip(1)
            .find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()));
        match script {
            Some(script) => RIGHT_TO_LEFT_SCRIPTS.contains(&script.to_ascii_lowercase().as_str()),
            None => RIGHT_TO_LEFT_LANGUAGES.contains(&self.primary().as_str()),
        }
    }

    /// The `dir` attribute of text in this language.
    pub fn direction(&self) -> &'static str {
        if self.is_right_to_left() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Whether dates in this language read as the reader's English ones (`en`, `en-US`):
    /// then they are formatted here, exactly as for an article without a language.
    pub fn reads_as_us_english(&self) -> bool {
        let lower = self.0.to_ascii_lowercase();
        lower == "en" || lower == "en-us"
    }
}

/// `language`: absent, `null` or blank for none. A text that is not a well-formed tag is
/// none too, as an unusable image URL is: the article reads the same in the default language.
pub(crate) fn optional_language<'de, D: Deserializer<'de>>(
    de: D,
) -> Result<Option<Language>, D::Error> {
    Ok(wire::optional_text(de)?.and_then(|text| Language::parse(&text)))
}
