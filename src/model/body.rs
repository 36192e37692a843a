//! The article body: a list of blocks, each chosen by its `type`.

use serde::{Deserialize, Deserializer, de::MapAccess, de::Visitor};
use serde_json::{Map, Value};

use super::{
    ContractError, ExternalUrl,
    error::{describe, nested},
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
}

impl Block {
    /// The words a reader reads in this block, run by run.
    pub fn text(&self) -> impl Iterator<Item = &str> {
        let (main, cite, items): (Option<&RichText>, Option<&str>, &[RichText]) = match self {
            Self::Paragraph(text) => (Some(text), None, &[]),
            Self::Heading(text) => (None, Some(text.as_str()), &[]),
            Self::Quote { text, cite } => (Some(text), cite.as_deref(), &[]),
            Self::List(items) => (None, None, items.as_slice()),
        };
        main.into_iter()
            .chain(items)
            .flat_map(|rich| rich.spans().iter().map(Span::text))
            .chain(cite)
    }
}

/// A typed block, read from its buffered fields once `type` is known: `None` for unknown
/// types (skipped, so backends can add types) and for blocks left empty. Read by hand from
/// the buffer rather than through serde, which would compile a deserializer per block type.
fn typed_block(kind: &str, fields: &Map<String, Value>) -> Result<Option<Block>, ContractError> {
    let required = |name: &str| {
        fields
            .get(name)
            .ok_or_else(|| ContractError::at(name, "required, but missing"))
    };
    Ok(match kind {
        "paragraph" => rich_text(required("text")?, "text")?.map(Block::Paragraph),
        "heading" => match required("text")? {
            Value::String(text) => Some(text.trim())
                .filter(|t| !t.is_empty())
                .map(|t| Block::Heading(t.to_owned())),
            other => return Err(expected("text", "a string", other)),
        },
        "quote" => {
            let text = rich_text(required("text")?, "text")?;
            let cite = match fields.get("cite") {
                None | Some(Value::Null) => None,
                Some(Value::String(cite)) => Some(cite.trim()).filter(|c| !c.is_empty()),
                Some(other) => return Err(expected("cite", "a string", other)),
            };
            text.map(|text| Block::Quote {
                text,
                cite: cite.map(str::to_owned),
            })
        }
        "list" => {
            let Value::Array(items) = required("items")? else {
                return Err(expected("items", "a list", required("items")?));
            };
            let mut out = Vec::new();
            for (index, item) in items.iter().enumerate() {
                out.extend(rich_text(item, &format!("items[{index}]"))?);
            }
            (!out.is_empty()).then_some(Block::List(out))
        }
        _ => None,
    })
}

fn expected(path: &str, what: &str, found: &Value) -> ContractError {
    ContractError::at(path, format!("expected {what}, found {}", describe(found)))
}

/// Rich text (see `docs/contract.md`): a string, or a list of runs, each a string or a link
/// object. `None` when it holds no text.
fn rich_text(value: &Value, path: &str) -> Result<Option<RichText>, ContractError> {
    let runs = match value {
        Value::String(text) => return Ok(RichText::new([Span::Text(text.clone())])),
        Value::Array(runs) => runs,
        other => return Err(expected(path, "a string or a list of text runs", other)),
    };
    let mut spans = Vec::with_capacity(runs.len());
    for (index, run) in runs.iter().enumerate() {
        let at = format!("{path}[{index}]");
        spans.push(match run {
            Value::String(text) => Span::Text(text.clone()),
            Value::Object(link) => {
                let text = match link.get("text") {
                    Some(Value::String(text)) => text.clone(),
                    Some(other) => return Err(expected(&format!("{at}.text"), "a string", other)),
                    None => {
                        return Err(ContractError::at(
                            format!("{at}.text"),
                            "required, but missing",
                        ));
                    }
                };
                // As for any link: only a usable URL makes one; otherwise it is text.
                let url = match link.get("url") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(url)) => ExternalUrl::parse_link(url),
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

/// A body entry: a plain string (a paragraph) or a typed block object.
struct BodyEntry(Option<Block>);

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
                ))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BodyEntry, A::Error> {
                // `type` may come after the fields it governs, so the block is read whole first.
                let mut kind = None;
                let mut fields = Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    if fields.contains_key(&key) || (key == "type" && kind.is_some()) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate field `{key}`"
                        )));
                    }
                    if key == "type" {
                        kind = Some(map.next_value::<String>()?);
                    } else {
                        let value = map.next_value::<Value>()?;
                        fields.insert(key, value);
                    }
                }
                let kind = kind.ok_or_else(|| serde::de::Error::missing_field("type"))?;
                typed_block(&kind, &fields).map(BodyEntry).map_err(nested)
            }
        }

        de.deserialize_any(EntryVisitor)
    }
}

pub(crate) fn body<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Block>, D::Error> {
    Ok(wire::list::<D, BodyEntry>(de)?
        .into_iter()
        .filter_map(|entry| entry.0)
        .collect())
}
