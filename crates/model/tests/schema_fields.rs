//! The JSON Schemas (`docs/schema/*.schema.json`) name exactly the fields the types read, at
//! every level: a field added to a type and not to the schema, or to the schema and not to a
//! type, fails here. (Unknown fields are ignored by the contract, so the schemas cannot
//! forbid them; the names are compared instead.)
//!
//! The types' field names come from serde itself: its derived reading hands each struct's
//! field names to `deserialize_struct`. [`Fields`] is a deserializer that records them, then
//! gives every field a value of the kind asked for, so that nested structs are reached too.
//! Body blocks are read by hand, so their fields come from `BLOCK_FIELDS` and `LINK_FIELDS`,
//! which the parser checks its reads against in debug builds.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use signal_model::image::{IMAGE_FIELDS, IMAGE_SOURCE_FIELDS};
use signal_model::{Article, BLOCK_FIELDS, FeedPage, LINK_FIELDS};

/// Field names at each path of a document: `""` for the top, `publisher`, `pillars[]`.
type FieldMap = BTreeMap<String, BTreeSet<String>>;

/// A text that every text field accepts, dates included.
const ANY_TEXT: &str = "2026-07-02";

struct Fields<'a> {
    path: String,
    found: &'a RefCell<FieldMap>,
}

impl Fields<'_> {
    fn at(&self, path: String) -> Self {
        Fields {
            path,
            found: self.found,
        }
    }
}

impl<'de> de::Deserializer<'de> for Fields<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        // An image is read by hand (its fields are added from `IMAGE_FIELDS` below): none.
        if self.path == "image" || self.path.ends_with(".image") {
            return visitor.visit_unit();
        }
        visitor.visit_str(ANY_TEXT)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let element = self.at(format!("{}[]", self.path));
        visitor.visit_seq(OneElement(Some(element)))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let names = fields.iter().map(|name| name.to_string()).collect();
        let known = self.found.borrow_mut().insert(self.path.clone(), names);
        assert!(known.is_none(), "two structs read at {:?}", self.path);
        visitor.visit_map(EachField {
            fields: fields.iter(),
            current: "",
            at: self,
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    /// A number field (an image's `width`) gets a number.
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_u32(1)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct tuple tuple_struct map enum identifier
    }
}

struct OneElement<'a>(Option<Fields<'a>>);

impl<'de> SeqAccess<'de> for OneElement<'_> {
    type Error = de::value::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.0
            .take()
            .map(|element| seed.deserialize(element))
            .transpose()
    }
}

struct EachField<'a> {
    fields: std::slice::Iter<'static, &'static str>,
    current: &'static str,
    at: Fields<'a>,
}

impl<'de> MapAccess<'de> for EachField<'_> {
    type Error = de::value::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some(&name) = self.fields.next() else {
            return Ok(None);
        };
        self.current = name;
        seed.deserialize(name.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let path = match self.at.path.as_str() {
            "" => self.current.to_owned(),
            base => format!("{base}.{}", self.current),
        };
        seed.deserialize(self.at.at(path))
    }
}

/// The field names `T` reads, at each path.
fn type_fields<T: for<'de> Deserialize<'de>>() -> FieldMap {
    let found = RefCell::new(FieldMap::new());
    T::deserialize(Fields {
        path: String::new(),
        found: &found,
    })
    .unwrap_or_else(|err| panic!("the field walk failed: {err}"));
    let mut fields = found.into_inner();
    // `version` is read before the document, by `model::version`.
    fields
        .get_mut("")
        .expect("the document's own fields")
        .insert("version".to_owned());
    // An image is read by hand from its buffered value, so its fields come from
    // `IMAGE_FIELDS` and `IMAGE_SOURCE_FIELDS`, which the reader checks its reads against.
    let names = |list: &[&str]| list.iter().map(|f| f.to_string()).collect::<BTreeSet<_>>();
    let holders: Vec<String> = fields
        .iter()
        .filter(|(_, names)| names.contains("image"))
        .map(|(path, _)| path.clone())
        .collect();
    for path in holders {
        let image = if path.is_empty() {
            "image".to_owned()
        } else {
            format!("{path}.image")
        };
        fields.insert(format!("{image}.sources[]"), names(IMAGE_SOURCE_FIELDS));
        fields.insert(image, names(IMAGE_FIELDS));
    }
    fields
}

fn schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/schema")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("a schema");
    serde_json::from_str(&text).expect("schema JSON")
}

/// Follows `$ref`s into `$defs`, of the same schema or (by file name) the article schema.
fn resolve<'a>(node: &'a Value, own: &'a Value, article: &'a Value) -> (&'a Value, &'a Value) {
    let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
        return (node, own);
    };
    let (document, pointer) = reference.split_once('#').expect("a `$ref` with a fragment");
    let document = match document {
        "" => own,
        "article.schema.json" => article,
        other => panic!("a `$ref` to an unknown schema: {other}"),
    };
    let target = document
        .pointer(pointer)
        .unwrap_or_else(|| panic!("`$ref` {reference} leads nowhere"));
    resolve(target, document, article)
}

/// The property names the schema gives at each path (as [`type_fields`] names paths),
/// through `properties` and array `items`.
fn schema_fields(node: &Value, own: &Value, article: &Value, path: &str, out: &mut FieldMap) {
    let (node, own) = resolve(node, own, article);
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        out.insert(path.to_owned(), properties.keys().cloned().collect());
        for (name, property) in properties {
            let inner = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            schema_fields(property, own, article, &inner, out);
        }
    }
    if let Some(items) = node.get("items") {
        schema_fields(items, own, article, &format!("{path}[]"), out);
    }
}

fn fields_of(schema_name: &str) -> FieldMap {
    let article = schema("article.schema.json");
    let own = schema(schema_name);
    let mut out = FieldMap::new();
    schema_fields(&own, &own, &article, "", &mut out);
    out
}

#[test]
fn the_article_schema_names_the_fields_the_article_reads() {
    let types = type_fields::<Article>();
    // Every nested object is compared, not just the top.
    for path in [
        "",
        "publisher",
        "summary_boxes[]",
        "pillars[]",
        "sources[]",
        "image",
        "image.sources[]",
        "authors[]",
    ] {
        assert!(types.contains_key(path), "{path} not reached: {types:#?}");
    }
    assert_eq!(fields_of("article.schema.json"), types);
}

#[test]
fn the_index_schema_names_the_fields_a_page_and_a_card_read() {
    let types = type_fields::<FeedPage>();
    for path in ["", "articles[]", "articles[].pillars[]", "articles[].image"] {
        assert!(types.contains_key(path), "{path} not reached: {types:#?}");
    }
    assert_eq!(fields_of("index.schema.json"), types);
}

/// The names of `properties` in `node` (after `$ref`s).
fn property_names(node: &Value, article: &Value) -> BTreeSet<String> {
    let (node, _) = resolve(node, article, article);
    node["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect()
}

#[test]
fn the_article_schema_names_the_block_types_and_fields_the_body_reads() {
    let article = schema("article.schema.json");
    let block = &article["$defs"]["block"];
    assert_eq!(
        property_names(block, &article),
        BTreeSet::from(["type".to_owned()])
    );
    let in_schema: BTreeMap<String, BTreeSet<String>> = block["allOf"]
        .as_array()
        .expect("one `if` per block type")
        .iter()
        .map(|case| {
            let kind = case["if"]["properties"]["type"]["const"]
                .as_str()
                .expect("a block type");
            (kind.to_owned(), property_names(&case["then"], &article))
        })
        .collect();
    let in_types: BTreeMap<String, BTreeSet<String>> = BLOCK_FIELDS
        .iter()
        .map(|(kind, fields)| {
            let fields = fields.iter().map(|f| f.to_string()).collect();
            (kind.to_string(), fields)
        })
        .collect();
    assert_eq!(in_schema, in_types);

    let run = &article["$defs"]["run"]["then"];
    let link: BTreeSet<String> = LINK_FIELDS.iter().map(|f| f.to_string()).collect();
    assert_eq!(property_names(run, &article), link);
}
