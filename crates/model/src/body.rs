//! The article body: a list of blocks, each chosen by its `type`.

use serde::{Deserialize, Deserializer, de::MapAccess, de::Visitor};

use super::{
    ContractError, ExternalUrl,
    error::nested,
    image::{Image, image_from_raw},
    limits::{
        self, Counted, Cut, Cuts, MAX_BLOCK_CHARS, MAX_BODY_BLOCKS, MAX_BODY_CHARS,
        MAX_LABEL_CHARS, MAX_LINKS, MAX_LIST_ITEMS, Shortened,
    },
    raw::{Raw, RawVisitor},
    rich_text::{RichText, Span},
    wire,
};

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(RichText),
    Heading(String),
    Quote {
        text: RichText,
        cite: Option<String>,
    },
    List(Vec<RichText>),
    /// A picture in the text (contract 1.1).
    Figure(Image),
}

/// A text of a block, as the body's limits treat it.
pub(crate) enum BlockText<'a> {
    /// Body text: up to [`MAX_BLOCK_CHARS`], counted towards [`MAX_BODY_CHARS`] and its
    /// links towards [`MAX_LINKS`].
    Rich(&'a RichText),
    /// A short plain text, up to [`MAX_LABEL_CHARS`]: a heading, who a quotation cites.
    Label(&'a str),
}

/// [`BlockText`], to be shortened, with what the cut notice calls it.
pub(crate) enum BlockTextMut<'a> {
    Rich(Shortened, &'a mut RichText),
    /// `counted` when the label counts towards [`MAX_BODY_CHARS`] (a heading does; who a
    /// quotation cites, beside the text, does not).
    Label {
        what: Shortened,
        text: &'a mut String,
        counted: bool,
    },
}

impl Block {
    /// Calls `f` on each of the block's texts, in reading order: the one place that knows
    /// where each type of block keeps its text, so that the limits, the counts and the
    /// reading time reach a new block type's texts once it lists them here (and in
    /// [`Block::each_text_mut`]). A `dyn` callback: one copy of the code for every caller.
    pub(crate) fn each_text<'a>(&'a self, f: &mut dyn FnMut(BlockText<'a>)) {
        match self {
            Self::Paragraph(text) => f(BlockText::Rich(text)),
            Self::Heading(text) => f(BlockText::Label(text)),
            Self::Quote { text, cite } => {
                f(BlockText::Rich(text));
                if let Some(text) = cite {
                    f(BlockText::Label(text));
                }
            }
            Self::List(items) => {
                for item in items {
                    f(BlockText::Rich(item));
                }
            }
            Self::Figure(image) => {
                if let Some(caption) = &image.caption {
                    f(BlockText::Rich(caption));
                }
            }
        }
    }

    /// [`Block::each_text`], each text to be shortened, with its name in the cut notice.
    pub(crate) fn each_text_mut(&mut self, f: &mut dyn FnMut(BlockTextMut<'_>)) {
        match self {
            Self::Paragraph(text) => f(BlockTextMut::Rich(Shortened::Paragraph, text)),
            Self::Heading(text) => f(BlockTextMut::Label {
                what: Shortened::Heading,
                text,
                counted: true,
            }),
            Self::Quote { text, cite } => {
                f(BlockTextMut::Rich(Shortened::Quotation, text));
                if let Some(text) = cite {
                    f(BlockTextMut::Label {
                        what: Shortened::QuotationSource,
                        text,
                        counted: false,
                    });
                }
            }
            Self::List(items) => {
                for item in items {
                    f(BlockTextMut::Rich(Shortened::ListItem, item));
                }
            }
            Self::Figure(image) => {
                if let Some(caption) = &mut image.caption {
                    f(BlockTextMut::Rich(Shortened::ImageCaption, caption));
                }
            }
        }
    }

    /// The words a reader reads in this block, run by run.
    pub fn text(&self) -> impl Iterator<Item = &str> {
        let mut runs = Vec::new();
        self.each_text(&mut |text| match text {
            BlockText::Rich(rich) => runs.extend(rich.spans().iter().map(Span::text)),
            BlockText::Label(text) => runs.push(text),
        });
        runs.into_iter()
    }

    /// How many words a reader reads in this block, run by run (for the reading time).
    pub(crate) fn words(&self) -> usize {
        let words = |text: &str| text.split_whitespace().count();
        let mut count = 0;
        self.each_text(&mut |text| match text {
            BlockText::Rich(rich) => {
                count += rich.spans().iter().map(|s| words(s.text())).sum::<usize>()
            }
            BlockText::Label(text) => count += words(text),
        });
        count
    }
}

/// The block types the reader knows, each with the fields it reads besides `type`: the
/// block definitions of `docs/schema/article.schema.json` must name the same
/// (`tests/schema_fields.rs`), and [`typed_block`] reads no other (checked in debug builds).
pub const BLOCK_FIELDS: &[(&str, &[&str])] = &[
    ("paragraph", &["text"]),
    ("heading", &["text"]),
    ("quote", &["text", "cite"]),
    ("list", &["items"]),
    ("figure", &["image"]),
];

/// The fields of a link run in rich text (`{ "text": …, "url": … }`), likewise.
pub const LINK_FIELDS: &[&str] = &["text", "url"];

/// A typed block, read from its buffered fields once `type` is known: `None` for unknown
/// types (skipped, so backends can add types) and for blocks left empty. Read by hand from
/// the buffer rather than through serde, which would compile a deserializer per block type.
/// With it, the number of a list's items left unread past [`MAX_LIST_ITEMS`]
/// (`skipped_items` were not even buffered, see [`ItemsField`]).
fn typed_block(
    kind: &str,
    fields: &Raw,
    skipped_items: usize,
) -> Result<(Option<Block>, usize), ContractError> {
    let mut unread = skipped_items;
    let field = |name: &str| {
        debug_assert!(
            BLOCK_FIELDS
                .iter()
                .any(|(k, names)| *k == kind && names.contains(&name)),
            "{kind} block reads `{name}`, which BLOCK_FIELDS does not list"
        );
        fields.get(name)
    };
    let required =
        |name: &str| field(name).ok_or_else(|| ContractError::at(name, "required, but missing"));
    let block = match kind {
        "paragraph" => rich_text(required("text")?, "text")?.map(Block::Paragraph),
        "heading" => match required("text")? {
            Raw::String(text) => Some(text.trim())
                .filter(|t| !t.is_empty())
                .map(|t| Block::Heading(t.to_owned())),
            other => return Err(expected("text", "a string", other)),
        },
        "quote" => {
            let text = rich_text(required("text")?, "text")?;
            let cite = match field("cite") {
                None | Some(Raw::Null) => None,
                Some(Raw::String(cite)) => Some(cite.trim()).filter(|c| !c.is_empty()),
                Some(other) => return Err(expected("cite", "a string", other)),
            };
            text.map(|text| Block::Quote {
                text,
                cite: cite.map(str::to_owned),
            })
        }
        "list" => {
            let items = required("items")?;
            let Raw::Array(items) = items else {
                return Err(expected("items", "a list", items));
            };
            // Items past the limit are not read (see `model::limits`).
            let mut out = Vec::new();
            for (index, item) in items.iter().enumerate() {
                if out.len() == MAX_LIST_ITEMS {
                    unread += items.len() - index;
                    break;
                }
                out.extend(rich_text(item, &format!("items[{index}]"))?);
            }
            (!out.is_empty()).then_some(Block::List(out))
        }
        "figure" => image_from_raw(required("image")?)
            .map_err(|e| e.within("image"))?
            .map(Block::Figure),
        _ => None,
    };
    Ok((block, unread))
}

pub(crate) fn expected(path: &str, what: &str, found: &Raw) -> ContractError {
    ContractError::at(path, format!("expected {what}, found {}", found.found()))
}

/// Rich text (see `docs/contract.md`): a string, or a list of runs, each a string or a link
/// object. `None` when it holds no text.
pub(crate) fn rich_text(value: &Raw, path: &str) -> Result<Option<RichText>, ContractError> {
    let runs = match value {
        Raw::String(text) => return Ok(RichText::new([Span::Text(text.clone())])),
        Raw::Array(runs) => runs,
        other => return Err(expected(path, "a string or a list of text runs", other)),
    };
    let mut spans = Vec::with_capacity(runs.len());
    for (index, run) in runs.iter().enumerate() {
        let at = format!("{path}[{index}]");
        spans.push(match run {
            Raw::String(text) => Span::Text(text.clone()),
            link @ Raw::Object(_) => {
                let field = |name: &str| {
                    debug_assert!(LINK_FIELDS.contains(&name), "a link reads `{name}`");
                    link.get(name)
                };
                let text = match field("text") {
                    Some(Raw::String(text)) => text.clone(),
                    Some(other) => return Err(expected(&format!("{at}.text"), "a string", other)),
                    None => {
                        return Err(ContractError::at(
                            format!("{at}.text"),
                            "required, but missing",
                        ));
                    }
                };
                // As for any link: only a usable URL makes one; otherwise it is text.
                let url = match field("url") {
                    None | Some(Raw::Null) => None,
                    Some(Raw::String(url)) => ExternalUrl::parse_link(url),
                    Some(other) => return Err(expected(&format!("{at}.url"), "a string", other)),
                };
                match url {
                    Some(url) => Span::Link { text, url },
                    None => Span::Text(text),
                }
            }
            other => {
                return Err(expected(
                    &at,
                    "a string or a link object `{ \"text\": …, \"url\": … }`",
                    other,
                ));
            }
        });
    }
    Ok(RichText::new(spans))
}

/// A block's `items`, buffered like any other field, except that a list's entries past
/// twice [`MAX_LIST_ITEMS`] are only counted: a million-item list costs a scan, not a million
/// buffered values.
struct ItemsField(Raw, usize);

impl<'de> Deserialize<'de> for ItemsField {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct ItemsVisitor;

        impl<'de> Visitor<'de> for ItemsVisitor {
            type Value = ItemsField;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<ItemsField, E> {
                RawVisitor.visit_bool(v).map(|raw| ItemsField(raw, 0))
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ItemsField, E> {
                RawVisitor.visit_i64(v).map(|raw| ItemsField(raw, 0))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ItemsField, E> {
                RawVisitor.visit_u64(v).map(|raw| ItemsField(raw, 0))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<ItemsField, E> {
                RawVisitor.visit_f64(v).map(|raw| ItemsField(raw, 0))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ItemsField, E> {
                RawVisitor.visit_str(v).map(|raw| ItemsField(raw, 0))
            }

            fn visit_unit<E>(self) -> Result<ItemsField, E> {
                Ok(ItemsField(Raw::Null, 0))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ItemsField, A::Error> {
                RawVisitor.visit_map(map).map(|raw| ItemsField(raw, 0))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ItemsField, A::Error> {
                let mut items = Vec::new();
                while items.len() < 2 * MAX_LIST_ITEMS {
                    match seq.next_element::<Raw>()? {
                        Some(item) => items.push(item),
                        None => return Ok(ItemsField(Raw::Array(items), 0)),
                    }
                }
                let mut skipped = 0;
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    skipped += 1;
                }
                Ok(ItemsField(Raw::Array(items), skipped))
            }
        }

        de.deserialize_any(ItemsVisitor)
    }
}

/// A body entry: a plain string (a paragraph) or a typed block object; and for a list, how
/// many of its items were left unread past [`MAX_LIST_ITEMS`].
struct BodyEntry(Option<Block>, usize);

impl<'de> Deserialize<'de> for BodyEntry {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct EntryVisitor;

        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = BodyEntry;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string (a paragraph) or a block object with a `type`")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<BodyEntry, E> {
                Ok(BodyEntry(
                    RichText::new([Span::Text(text.to_owned())]).map(Block::Paragraph),
                    0,
                ))
            }

            /// A list is read to its end before it is refused, so that the error is placed
            /// after it and names this entry, not its first element (`model::json_path`).
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<BodyEntry, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Err(serde::de::Error::invalid_type(
                    serde::de::Unexpected::Seq,
                    &self,
                ))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BodyEntry, A::Error> {
                // `type` may come after the fields it governs, so the block is read whole first.
                let mut kind = None;
                let mut fields: Vec<(String, Raw)> = Vec::new();
                let mut skipped_items = 0;
                while let Some(key) = map.next_key::<String>()? {
                    let seen = fields.iter().any(|(name, _)| *name == key);
                    if seen || (key == "type" && kind.is_some()) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate field `{key}`"
                        )));
                    }
                    if key == "type" {
                        kind = Some(map.next_value::<String>()?);
                    } else if key == "items" {
                        let ItemsField(value, skipped) = map.next_value()?;
                        skipped_items = skipped;
                        fields.push((key, value));
                    } else {
                        fields.push((key, map.next_value()?));
                    }
                }
                let kind = kind.ok_or_else(|| serde::de::Error::missing_field("type"))?;
                let fields = Raw::Object(fields);
                let (block, unread) = typed_block(&kind, &fields, skipped_items).map_err(nested)?;
                Ok(BodyEntry(block, unread))
            }
        }

        de.deserialize_any(EntryVisitor)
    }
}

impl wire::Entry for BodyEntry {
    /// Past this much text the body is cut anyway ([`RawBody::limit`]), so the entries after
    /// it are not built: a 20 MB body costs a scan, not 20 MB of copies.
    const BUDGET: usize = MAX_BODY_CHARS;

    /// Blank and unknown blocks are dropped, so they do not count towards the limit.
    fn counts(&self) -> bool {
        self.0.is_some()
    }

    /// At most the characters [`RawBody::limit`] will count for the block once its texts are
    /// shortened (a shortened text may end up to a tenth short, back to a word boundary), so
    /// reading never stops before the limit would.
    fn weight(&self) -> usize {
        let floor = MAX_BLOCK_CHARS - MAX_BLOCK_CHARS / 10 - 1;
        let Some(block) = &self.0 else {
            return 0;
        };
        // A label is shortened to far fewer characters: it is not weighed.
        let mut weight = 0;
        block.each_text(&mut |text| {
            if let BlockText::Rich(rich) = text {
                weight += rich.chars().min(floor);
            }
        });
        weight
    }
}

/// The body as read: its first blocks (up to [`MAX_BODY_BLOCKS`]) and how many entries the
/// document has, before the limits on text are applied.
#[derive(Debug, Default)]
pub(crate) struct RawBody {
    /// Each block, and for a list the items left unread.
    blocks: Vec<(Block, usize)>,
    /// Entries read (blocks, and the blank or unknown entries dropped among them).
    read: usize,
    /// Entries in the document.
    entries: usize,
}

impl<'de> Deserialize<'de> for RawBody {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let list = Option::<wire::Limited<BodyEntry, MAX_BODY_BLOCKS>>::deserialize(de)?
            .unwrap_or_default();
        Ok(RawBody {
            read: list.items.len(),
            entries: list.total,
            blocks: list
                .items
                .into_iter()
                .filter_map(|BodyEntry(block, unread)| Some((block?, unread)))
                .collect(),
        })
    }
}

impl RawBody {
    /// The blocks within the body's limits (see `model::limits`), noting in `cuts` what was
    /// left out or shortened.
    pub(crate) fn limit(self, cuts: &mut Cuts) -> Vec<Block> {
        let mut out = Vec::with_capacity(self.blocks.len());
        let mut chars_left = MAX_BODY_CHARS;
        let mut links_left = MAX_LINKS;
        let mut unlinked = 0;
        let (mut items_shown, mut items_total) = (0, 0);
        let mut text_cut = false;
        let read_blocks = self.blocks.len();
        for (mut block, unread_items) in self.blocks {
            if chars_left == 0 {
                text_cut = true;
                break;
            }
            if let Block::List(items) = &block
                && unread_items > 0
            {
                items_shown += items.len();
                items_total += items.len() + unread_items;
            }
            // Each text shortened to its own limit, and the characters that count towards
            // the body's (a quotation's source, beside the text, does not).
            let mut chars = 0;
            block.each_text_mut(&mut |text| match text {
                BlockTextMut::Rich(what, text) => {
                    if text.shorten(MAX_BLOCK_CHARS) {
                        cuts.count(what, MAX_BLOCK_CHARS);
                    }
                    chars += text.chars();
                }
                BlockTextMut::Label {
                    what,
                    text,
                    counted,
                } => {
                    cuts.text(what, text, MAX_LABEL_CHARS);
                    if counted {
                        chars += text.chars().count();
                    }
                }
            });
            if chars > chars_left {
                cut_block(&mut block, chars_left);
                text_cut = true;
                chars_left = 0;
            } else {
                chars_left -= chars;
            }
            block.each_text_mut(&mut |text| {
                if let BlockTextMut::Rich(_, text) = text {
                    unlinked += text.unlink_after(&mut links_left);
                }
            });
            out.push(block);
        }
        let unread = self.entries - self.read;
        // Reading stopped where the text ran out: what follows was cut with it.
        text_cut |= chars_left == 0 && unread > 0;
        let dropped = read_blocks - out.len();
        cuts.items(Counted::BodyBlocks, out.len(), out.len() + dropped + unread);
        cuts.items(Counted::ListItems, items_shown, items_total);
        if text_cut {
            cuts.push(Cut::BodyText {
                max_chars: MAX_BODY_CHARS,
            });
        }
        if unlinked > 0 {
            cuts.push(Cut::Links { shown: MAX_LINKS });
        }
        out
    }
}

/// Shortens a block to `max_chars` characters of text in all (of the text that counts
/// towards [`MAX_BODY_CHARS`]).
fn cut_block(block: &mut Block, max_chars: usize) {
    // A list ends at the item that reaches the limit; the items after it go.
    let mut keep_items = None;
    let mut index = 0;
    let mut left = max_chars;
    block.each_text_mut(&mut |text| {
        if keep_items.is_some() {
            return;
        }
        let chars = match text {
            BlockTextMut::Rich(_, text) => {
                let chars = text.chars();
                text.shorten(left);
                chars
            }
            BlockTextMut::Label {
                text,
                counted: true,
                ..
            } => {
                let chars = text.chars().count();
                limits::shorten(text, left);
                chars
            }
            BlockTextMut::Label { counted: false, .. } => return,
        };
        index += 1;
        if chars >= left {
            keep_items = Some(index);
        } else {
            left -= chars;
        }
    });
    if let (Block::List(items), Some(keep)) = (block, keep_items) {
        items.truncate(keep);
    }
}
