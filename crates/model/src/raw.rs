//! A JSON value kept as read, for the few places that must look at a value before they know
//! its type: a body block's fields until its `type` is read, the `version` field, and the
//! items of a document that is a list (format detection).
//!
//! `serde_json::Value` would do, but its object is a `BTreeMap`: with it the article page's
//! wasm carried the map's code and `Value`'s own parser, for objects of two or three members
//! (docs/decisions/0007-raw-instead-of-value.md).

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use super::error::Found;

#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Raw>),
    /// Members in document order. A name given twice keeps its last value, as in JSON
    /// parsers generally (see [`Raw::get`]).
    Object(Vec<(String, Raw)>),
}

impl Raw {
    /// Member `name` of an object (its last value if it is given twice).
    pub fn get(&self, name: &str) -> Option<&Raw> {
        match self {
            Self::Object(members) => members
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    /// What an error message says was found here.
    pub fn found(&self) -> Found<'_> {
        match self {
            Self::Null => Found::Null,
            Self::Bool(b) => Found::Bool(*b),
            Self::Number(n) => Found::Number(n),
            Self::String(s) => Found::String(s),
            Self::Array(_) => Found::List,
            Self::Object(_) => Found::Object,
        }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        de.deserialize_any(RawVisitor)
    }
}

/// Reads any JSON value into a [`Raw`].
pub(crate) struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        // JSON has no NaN or infinity, so a parsed float always makes a number.
        Ok(Number::from_f64(v).map_or(Raw::Null, Raw::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::String(v))
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Raw, D::Error> {
        Raw::deserialize(de)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Raw>()? {
            members.push(member);
        }
        Ok(Raw::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads what `serde_json::Value` reads, and describes it the same way.
    #[test]
    fn reads_any_value_as_value_does() {
        let json = r#"[null, true, 3, -4, 2.5, 1e300, "a\"b", [1, [2]], {"x": 1, "y": {"z": []}}]"#;
        let raw: Raw = serde_json::from_str(json).expect("raw");
        let value: serde_json::Value = serde_json::from_str(json).expect("value");
        let (Raw::Array(raw), serde_json::Value::Array(value)) = (raw, value) else {
            panic!("lists")
        };
        for (raw, value) in raw.iter().zip(&value) {
            assert_eq!(
                raw.found().to_string(),
                crate::error::describe(value),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn a_member_given_twice_keeps_its_last_value() {
        let raw: Raw = serde_json::from_str(r#"{"a": 1, "b": 2, "a": "last"}"#).expect("raw");
        assert_eq!(raw.get("a").and_then(Raw::as_str), Some("last"));
        assert_eq!(raw.get("c"), None);
        assert_eq!(Raw::Null.get("a"), None);
    }
}
