//! How much of a document the reader reads and shows (see "Limits" in `docs/contract.md`).
//!
//! A document past these sizes is not an error: the reader shows what fits and says what it
//! cut ([`Cut`]), so that a runaway backend (a 50,000-paragraph body, a 20 MB headline) costs
//! the reader a short pause rather than a frozen tab. Only a document larger than
//! [`MAX_DOCUMENT_BYTES`] is refused outright, before it is parsed.
//!
//! The figures keep parsing and rendering well under a second per task in the browser; the
//! timings behind them are in `docs/contract.md` (`fuzz/examples/timing.rs` measures them).

use std::fmt;

/// The largest document the reader parses, in bytes of UTF-8.
pub const MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;

/// Body blocks shown (paragraphs, headings, quotes, lists); entries after them are not read.
pub const MAX_BODY_BLOCKS: usize = 2_000;
/// Items shown in one list of the body.
pub const MAX_LIST_ITEMS: usize = 500;
/// Characters of body text shown in all; the body ends at the block that reaches it.
pub const MAX_BODY_CHARS: usize = 300_000;
/// Characters of one paragraph, quotation or list item.
pub const MAX_BLOCK_CHARS: usize = 20_000;
/// Links in the body; text in links after these is shown as plain text.
pub const MAX_LINKS: usize = 2_000;

/// Pillars shown on an article or card.
pub const MAX_PILLARS: usize = 12;
/// Sources shown.
pub const MAX_SOURCES: usize = 100;
/// Summary boxes shown.
pub const MAX_SUMMARY_BOXES: usize = 10;
/// Points shown in one summary box.
pub const MAX_POINTS: usize = 50;
/// Cards read from one index page; the rest of the page is not read.
pub const MAX_CARDS: usize = 1_000;
/// Index pages read for one list (the feed, a pillar): guards against a backend whose `next`
/// links loop or never end.
pub const MAX_INDEX_PAGES: usize = 100;

/// Bytes of HTML content (a JSON Feed's `content_html`) read for one article; the browser
/// parses it, and the rest is cut off before it does.
pub const MAX_HTML_BYTES: usize = 512 * 1024;
/// Bytes of HTML content read for all the articles of one document together.
pub const MAX_DOCUMENT_HTML_BYTES: usize = 2 * 1024 * 1024;

/// Characters of a headline.
pub const MAX_HEADLINE_CHARS: usize = 300;
/// Characters of a summary, or of a summary box's text.
pub const MAX_SUMMARY_CHARS: usize = 2_000;
/// Characters of a short label: kicker, status label, names (publisher, pillar, source),
/// a box title, a point, a heading, who a quotation cites.
pub const MAX_LABEL_CHARS: usize = 300;
/// Characters of a slug (an article's or a pillar's): it becomes part of an address.
pub const MAX_SLUG_CHARS: usize = 200;
/// Combining marks kept on one character. Real text stacks two or three (Vietnamese, IPA);
/// hundreds ("Zalgo" text) make one cluster that no line break can split, wider and taller
/// than the column.
pub const MAX_MARKS_PER_CHAR: usize = 8;

/// A document larger than [`MAX_DOCUMENT_BYTES`]: refused before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    pub bytes: usize,
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the document is {} bytes, more than the {} bytes ({} MB) this reader reads",
            grouped(self.bytes),
            grouped(MAX_DOCUMENT_BYTES),
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        )
    }
}

impl std::error::Error for TooLarge {}

/// Whether a document of `bytes` bytes may be parsed. Call it on the response body's length
/// (or its `Content-Length`) before parsing; the readers in `adapt` call it too.
pub fn check_size(bytes: usize) -> Result<(), TooLarge> {
    if bytes > MAX_DOCUMENT_BYTES {
        Err(TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// Something the reader left out of a document, as the notice above the article says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    /// Only the first `shown` of `total` things were kept: "Showing the first 2,000 of
    /// 50,000 body blocks."
    Items {
        what: Counted,
        shown: usize,
        total: usize,
    },
    /// `count` texts of one kind were shortened: "The headline was shortened to 300
    /// characters.", "3 paragraphs were shortened to 20,000 characters each."
    Text {
        what: Shortened,
        count: usize,
        max_chars: usize,
    },
    /// The body reached [`MAX_BODY_CHARS`] and ends there.
    BodyText { max_chars: usize },
    /// Links after the first `shown` are plain text.
    Links { shown: usize },
    /// Only the first `read` of `total` bytes of an article's HTML content were read.
    Html { read: usize, total: usize },
    /// A feed gave a date the reader could not read (`text`, cut short), so the article is
    /// shown undated.
    UnreadDate { text: String },
    /// `count` of the `total` items of a feed in another format could not be read and are
    /// left out; `first` says why the first of them was: "2 of 25 items could not be read
    /// and are left out (the first, items[3].title: required, but missing)."
    Skipped {
        count: usize,
        total: usize,
        first: String,
    },
}

/// What a [`Cut::Items`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    ArticlesOnPage,
    Authors,
    BodyBlocks,
    ListItems,
    Pillars,
    PointsInSummaryBox,
    Sources,
    SummaryBoxes,
}

impl Counted {
    /// The things counted, as the notice names them: "body blocks".
    pub fn plural(self) -> &'static str {
        match self {
            Self::ArticlesOnPage => "articles on this page",
            Self::Authors => "authors",
            Self::BodyBlocks => "body blocks",
            Self::ListItems => "list items",
            Self::Pillars => "pillars",
            Self::PointsInSummaryBox => "points in a summary box",
            Self::Sources => "sources",
            Self::SummaryBoxes => "summary boxes",
        }
    }
}

/// What kind of text a [`Cut::Text`] shortened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortened {
    Slug,
    Headline,
    Kicker,
    StatusLabel,
    Summary,
    PublisherName,
    PillarSlug,
    PillarName,
    SummaryBoxTitle,
    SummaryBoxText,
    SummaryBoxPoint,
    SourceName,
    Paragraph,
    Heading,
    Quotation,
    QuotationSource,
    ListItem,
    AuthorName,
    ImageCaption,
}

/// How the notice names a kind of text.
enum Wording {
    /// A field an article has once: "The headline was shortened …".
    Once(&'static str),
    /// Texts an article has any number of, one and several: "1 paragraph was shortened …",
    /// "3 paragraphs were shortened …".
    Repeated(&'static str, &'static str),
}

impl Shortened {
    fn wording(self) -> Wording {
        match self {
            Self::Slug => Wording::Once("slug"),
            Self::Headline => Wording::Once("headline"),
            Self::Kicker => Wording::Once("kicker"),
            Self::StatusLabel => Wording::Once("status label"),
            Self::Summary => Wording::Once("summary"),
            Self::PublisherName => Wording::Once("publisher name"),
            Self::PillarSlug => Wording::Repeated("pillar slug", "pillar slugs"),
            Self::PillarName => Wording::Repeated("pillar name", "pillar names"),
            Self::SummaryBoxTitle => Wording::Repeated("summary box title", "summary box titles"),
            Self::SummaryBoxText => Wording::Repeated("summary box text", "summary box texts"),
            Self::SummaryBoxPoint => Wording::Repeated("summary box point", "summary box points"),
            Self::SourceName => Wording::Repeated("source name", "source names"),
            Self::Paragraph => Wording::Repeated("paragraph", "paragraphs"),
            Self::Heading => Wording::Repeated("heading", "headings"),
            Self::Quotation => Wording::Repeated("quotation", "quotations"),
            Self::QuotationSource => Wording::Repeated("quotation source", "quotation sources"),
            Self::ListItem => Wording::Repeated("list item", "list items"),
            Self::AuthorName => Wording::Repeated("author name", "author names"),
            Self::ImageCaption => Wording::Repeated("image caption", "image captions"),
        }
    }
}

/// What a notice of cuts is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noticed {
    Article,
    Index,
}

/// The sentence before a notice's list of cuts: whether the document was too long, could
/// not all be read, or both.
pub fn notice_lead(cuts: &[Cut], about: Noticed) -> &'static str {
    let too_long = cuts.iter().any(Cut::is_limit);
    let unread = cuts.iter().any(|cut| !cut.is_limit());
    match (about, too_long, unread) {
        (Noticed::Article, true, false) => "This article is too long to show in full.",
        (Noticed::Article, false, _) => "Part of this article could not be read.",
        (Noticed::Article, true, true) => {
            "This article is too long to show in full, and part of it could not be read."
        }
        (Noticed::Index, true, false) => "This index is too long to show in full.",
        (Noticed::Index, false, _) => "Not every item of this feed could be read.",
        (Noticed::Index, true, true) => {
            "This index is too long to show in full, and not every item could be read."
        }
    }
}

impl Cut {
    /// Whether this is one of the reader's limits (the document was too long), rather than
    /// something it could not read.
    pub fn is_limit(&self) -> bool {
        !matches!(self, Self::Skipped { .. } | Self::UnreadDate { .. })
    }

    /// The sentence that tells the reader.
    pub fn message(&self) -> String {
        match *self {
            Self::UnreadDate { ref text } => format!(
                "The date \u{201c}{text}\u{201d} could not be read, so the article is shown undated."
            ),
            Self::Skipped {
                count,
                total,
                ref first,
            } => {
                let (verb, which) = if count == 1 {
                    ("was", "")
                } else {
                    ("were", "the first, ")
                };
                format!(
                    "{} of {} items could not be read and {verb} left out ({which}{first}).",
                    grouped(count),
                    grouped(total),
                )
            }
            Self::Items { what, shown, total } => format!(
                "Showing the first {} of {} {}.",
                grouped(shown),
                grouped(total),
                what.plural()
            ),
            Self::Text {
                what,
                count,
                max_chars,
            } => {
                let max_chars = grouped(max_chars);
                match (what.wording(), count) {
                    // Counted once per article, so `count` is 1.
                    (Wording::Once(one), _) => {
                        format!("The {one} was shortened to {max_chars} characters.")
                    }
                    (Wording::Repeated(one, _), 1) => {
                        format!("1 {one} was shortened to {max_chars} characters.")
                    }
                    (Wording::Repeated(_, many), count) => format!(
                        "{} {many} were shortened to {max_chars} characters each.",
                        grouped(count)
                    ),
                }
            }
            Self::BodyText { max_chars } => format!(
                "The article's text was cut after {} characters.",
                grouped(max_chars)
            ),
            Self::Links { shown } => format!(
                "Only the first {} links are links; the rest are shown as plain text.",
                grouped(shown)
            ),
            Self::Html { read, total } => format!(
                "Only the first {} of {} bytes of the article's HTML were read.",
                grouped(read),
                grouped(total)
            ),
        }
    }
}

impl fmt::Display for Cut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// `50000` as "50,000".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Collects what normalisation cut, texts of a kind counted together.
#[derive(Debug, Default)]
pub(crate) struct Cuts(Vec<Cut>);

impl Cuts {
    pub(crate) fn items(&mut self, what: Counted, shown: usize, total: usize) {
        if total > shown {
            self.0.push(Cut::Items { what, shown, total });
        }
    }

    /// Shortens `text` to `max_chars` (and its stacks of combining marks, see
    /// [`limit_marks`]) and counts it if it was cut.
    pub(crate) fn text(&mut self, what: Shortened, text: &mut String, max_chars: usize) {
        limit_marks(text);
        if shorten(text, max_chars) {
            self.count(what, max_chars);
        }
    }

    /// A slug is cut without an ellipsis: it stays a plain identifier.
    pub(crate) fn slug(&mut self, what: Shortened, slug: &mut String) {
        if let Some((end, _)) = slug.char_indices().nth(MAX_SLUG_CHARS) {
            slug.truncate(end);
            self.count(what, MAX_SLUG_CHARS);
        }
    }

    /// One more text of kind `what` shortened to `max_chars`.
    pub(crate) fn count(&mut self, what: Shortened, max_chars: usize) {
        for cut in &mut self.0 {
            if let Cut::Text { what: w, count, .. } = cut
                && *w == what
            {
                *count += 1;
                return;
            }
        }
        self.0.push(Cut::Text {
            what,
            count: 1,
            max_chars,
        });
    }

    pub(crate) fn push(&mut self, cut: Cut) {
        self.0.push(cut);
    }

    pub(crate) fn into_vec(self) -> Vec<Cut> {
        self.0
    }
}

/// Joins what an adapter cut before the model read the article (`earlier`) with what the
/// model cut: the body's blocks are counted from the original document.
pub fn merge(earlier: &[Cut], model: &mut Vec<Cut>) {
    for cut in earlier.iter().rev() {
        let body_total = match cut {
            Cut::Items {
                what: Counted::BodyBlocks,
                total,
                ..
            } => Some(*total),
            _ => None,
        };
        let in_model = model.iter_mut().find(|c| {
            matches!(
                c,
                Cut::Items {
                    what: Counted::BodyBlocks,
                    ..
                }
            )
        });
        match (body_total, in_model) {
            (Some(original), Some(Cut::Items { total, .. })) => *total = original,
            _ => model.insert(0, cut.clone()),
        }
    }
}

/// Whether `c` is a combining mark of the blocks such text is built from: the general
/// combining blocks, Cyrillic's enclosing marks and Thai's vowel and tone marks. (std has no
/// general-category table, and a full one would cost more wasm than this guard is worth.)
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0E31}'
        | '\u{0E34}'..='\u{0E3A}'
        | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Drops combining marks past [`MAX_MARKS_PER_CHAR`] in a row. Returns whether it dropped any.
pub(crate) fn limit_marks(text: &mut String) -> bool {
    let mut run = 0;
    let over = text.chars().any(|c| {
        run = if is_combining(c) { run + 1 } else { 0 };
        run > MAX_MARKS_PER_CHAR
    });
    if over {
        let mut run = 0;
        text.retain(|c| {
            run = if is_combining(c) { run + 1 } else { 0 };
            run <= MAX_MARKS_PER_CHAR
        });
    }
    over
}

/// The longest start of `text` of at most `max_bytes` bytes that ends at a character.
pub fn prefix(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Cuts `text` to at most `max_chars` characters, ending in "…" (at a word boundary when one
/// is near). Returns whether it cut anything.
pub(crate) fn shorten(text: &mut String, max_chars: usize) -> bool {
    if text.char_indices().nth(max_chars).is_none() {
        return false;
    }
    ellipsize(text, max_chars);
    true
}

/// Keeps at most `max_chars - 1` characters of `text` and adds "…": back to a word boundary
/// if one is within the last tenth, otherwise inside a long word.
pub(crate) fn ellipsize(text: &mut String, max_chars: usize) {
    let end = text
        .char_indices()
        .nth(max_chars.saturating_sub(1))
        .map_or(text.len(), |(end, _)| end);
    let kept = &text[..end];
    let floor = kept.len() - kept.len() / 10;
    let end = match kept.rfind(char::is_whitespace) {
        Some(space) if space >= floor && space > 0 => space,
        _ => end,
    };
    let trimmed_end = text[..end].trim_end().len();
    text.truncate(trimmed_end);
    text.push('…');
}
