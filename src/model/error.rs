use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a document does not satisfy the JSON contract, with where in the document.
/// (Serialized when the adapter module reports it to the app.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractError {
    /// Path into the document, e.g. `body[3].text`; empty for the document itself.
    pub path: String,
    pub message: String,
}

/// Marks a message that carries a path below the value that failed (see [`nested`]).
const NESTED: char = '\u{1f}';

/// A serde error for a value that was re-read from a buffer (a body block is read whole to
/// find its `type` first): it carries the inner path so the document path stays complete.
pub(crate) fn nested<E: serde::de::Error>(err: ContractError) -> E {
    E::custom(format_args!("{NESTED}{}{NESTED}{}", err.path, err.message))
}

/// `base` followed by `inner` (`body[0]` + `text` = `body[0].text`, + `[2]` = `body[0][2]`).
pub(crate) fn join_path(base: &str, inner: &str) -> String {
    match (base.is_empty(), inner.is_empty()) {
        (true, _) => inner.to_owned(),
        (_, true) => base.to_owned(),
        _ if inner.starts_with('[') => format!("{base}{inner}"),
        _ => format!("{base}.{inner}"),
    }
}

impl ContractError {
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The same error, seen from a document that holds this one at `base`.
    pub fn within(self, base: &str) -> Self {
        Self {
            path: join_path(base, &self.path),
            message: self.message,
        }
    }

    /// From serde's error at `path`: the path completed and the message made readable.
    fn from_serde(path: String, message: String) -> Self {
        if let Some(rest) = message.strip_prefix(NESTED)
            && let Some((inner, message)) = rest.split_once(NESTED)
        {
            // serde_json appends a position to the custom message; the path says more.
            return Self::at(join_path(&path, inner), without_position(message));
        }
        let message = without_position(&message);
        if let Some(field) = message
            .strip_prefix("missing field `")
            .and_then(|m| m.strip_suffix('`'))
        {
            return Self::at(join_path(&path, field), "required, but missing");
        }
        Self::at(path, readable(message))
    }

    /// Parses `json` as `T`, reporting the first problem with its path.
    pub(crate) fn parse<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, Self> {
        // serde would read an array as a struct's fields in order and report a length.
        if json.trim_start().starts_with('[') {
            return Err(Self::at("", "expected a JSON object, found an array"));
        }
        let de = &mut serde_json::Deserializer::from_str(json);
        let value = serde_path_to_error::deserialize(&mut *de).map_err(Self::from_path_error)?;
        // Nothing may follow the document (a second object, a truncated concatenation).
        de.end().map_err(|err| Self::at("", err.to_string()))?;
        Ok(value)
    }

    /// Reads `T` from an already parsed value (a document made by an adapter, a buffered block).
    /// It goes through text on purpose: reading a `Value` directly would compile every
    /// type's deserializer a second time, for `Value`, and the wasm would carry both.
    pub fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Self> {
        Self::parse(&value.to_string())
    }

    fn from_path_error(err: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = err.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = err.into_inner();
        // Syntax errors keep their position: there is no field to name.
        if inner.is_syntax() || inner.is_eof() {
            return Self::at(path, inner.to_string());
        }
        Self::from_serde(path, inner.to_string())
    }
}

/// serde_json's " at line 3 column 7", which a path makes redundant.
fn without_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => &message[..at],
        _ => message,
    }
}

/// serde's "invalid type: integer `3`, expected a string" as "expected a string, found the
/// number 3": what the document should have, first, in a backend author's words.
fn readable(message: &str) -> String {
    let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    else {
        return message.to_owned();
    };
    let Some((found, expected)) = rest.split_once(", expected ") else {
        return message.to_owned();
    };
    format!("expected {}, found {}", words(expected), found_words(found))
}

fn words(expected: &str) -> String {
    match expected {
        "a sequence" => "a list".to_owned(),
        "a map" => "an object".to_owned(),
        s if s.starts_with("struct ") => "an object".to_owned(),
        s => s.to_owned(),
    }
}

fn found_words(found: &str) -> String {
    let unquoted = |s: &str| s.trim_matches('`').to_owned();
    if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return format!("the number {}", unquoted(n));
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return unquoted(b);
    }
    match found {
        "sequence" => "a list".to_owned(),
        "map" => "an object".to_owned(),
        "null" | "unit value" => "null".to_owned(),
        s if s.starts_with("string ") => format!("the {s}"),
        s => s.to_owned(),
    }
}

/// A JSON value as an error message names what was found: "the number 3", "a list", "null".
pub fn describe(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

impl fmt::Display for ContractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ContractError {}
