use std::fmt;

use serde::{Deserialize, Serialize};

use super::json_path;

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
        let value = T::deserialize(&mut *de).map_err(|err| Self::from_json_error(json, err))?;
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

    /// serde_json's error, placed at the field where it happened (see [`json_path`]).
    fn from_json_error(json: &str, err: serde_json::Error) -> Self {
        let path = if err.line() == 0 {
            String::new()
        } else {
            json_path::path_at(json, json_path::offset_of(json, err.line(), err.column()))
        };
        // Syntax errors keep their position: there is no field to name.
        if err.is_syntax() || err.is_eof() {
            return Self::at(path, err.to_string());
        }
        Self::from_serde(path, err.to_string())
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
        Value::Null => Found::Null,
        Value::Bool(b) => Found::Bool(*b),
        Value::Number(n) => Found::Number(n),
        Value::String(s) => Found::String(s),
        Value::Array(_) => Found::List,
        Value::Object(_) => Found::Object,
    }
    .to_string()
}

/// What an error message says was found, from a `serde_json::Value` ([`describe`]) or a
/// [`super::raw::Raw`]: one wording for both.
pub enum Found<'a> {
    Null,
    Bool(bool),
    Number(&'a serde_json::Number),
    String(&'a str),
    List,
    Object,
}

impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Null => f.write_str("null"),
            Self::Bool(b) => write!(f, "{b}"),
            Self::Number(n) => write!(f, "the number {n}"),
            Self::String(s) => write!(f, "the string {s:?}"),
            Self::List => f.write_str("a list"),
            Self::Object => f.write_str("an object"),
        }
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

// Native only: the reference crate and the fixture files.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! The paths found by scanning the document (`json_path`) against those serde_path_to_error
    //! finds by tracking every step of the parse, as the reader did before: the same error, at
    //! the same path, for every fixture and for every field of the reference article given
    //! each wrong kind of value.

    use std::path::Path;

    use serde::Deserialize;
    use serde_json::{Value, json};

    use super::ContractError;
    use crate::{Article, FeedPage};

    /// The parse as it was, with the path tracked.
    fn tracked<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, ContractError> {
        if json.trim_start().starts_with('[') {
            return Err(ContractError::at(
                "",
                "expected a JSON object, found an array",
            ));
        }
        let de = &mut serde_json::Deserializer::from_str(json);
        let value = serde_path_to_error::deserialize(&mut *de).map_err(|err| {
            let path = err.path().to_string();
            let path = if path == "." { String::new() } else { path };
            let inner = err.into_inner();
            if inner.is_syntax() || inner.is_eof() {
                return ContractError::at(path, inner.to_string());
            }
            ContractError::from_serde(path, inner.to_string())
        })?;
        de.end()
            .map_err(|err| ContractError::at("", err.to_string()))?;
        Ok(value)
    }

    fn same_errors(json: &str, what: &str) -> usize {
        let article = (
            ContractError::parse::<Article>(json).err(),
            tracked::<Article>(json).err(),
        );
        same_error(&article, &format!("{what}, read as an article"));
        let page = (
            ContractError::parse::<FeedPage>(json).err(),
            tracked::<FeedPage>(json).err(),
        );
        same_error(&page, &format!("{what}, read as an index page"));
        usize::from(article.0.is_some()) + usize::from(page.0.is_some())
    }

    /// The same error at the same path, with two differences, both more precise: a duplicate
    /// member is named itself (`pillars[0].name`, not `pillars[0]`), and a syntax error (its
    /// message keeps its line and column) inside a member the reader ignores is placed in that
    /// member, where the tracking stopped at the member.
    fn same_error(errors: &(Option<ContractError>, Option<ContractError>), what: &str) {
        match errors {
            (Some(scanned), Some(tracked)) if scanned.message.starts_with("duplicate field `") => {
                let key = scanned.message["duplicate field `".len()..].trim_end_matches('`');
                assert_eq!(scanned.message, tracked.message, "{what}");
                assert_eq!(scanned.path, super::join_path(&tracked.path, key), "{what}");
            }
            (Some(scanned), Some(tracked)) if scanned.message.contains(" at line ") => {
                assert_eq!(scanned.message, tracked.message, "{what}");
                assert!(
                    scanned.path.starts_with(&tracked.path),
                    "{what}: {errors:?}"
                );
            }
            (scanned, tracked) => assert_eq!(scanned, tracked, "{what}"),
        }
    }

    fn json_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a fixture folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                json_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_fixture_has_its_errors_at_the_same_paths() {
        // The repository root: the fixtures and samples are shared with the app's tests.
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut files = Vec::new();
        json_files(&root.join("tests/fixtures"), &mut files);
        json_files(&root.join("public/data"), &mut files);
        assert!(files.len() > 300, "{} fixtures", files.len());
        let mut errors = 0;
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            errors += same_errors(&text, &file.display().to_string());
        }
        assert!(errors > 100, "only {errors} errors compared");
    }

    /// Every place in `value`, with `bad` put there instead (and, in an object, the member
    /// left out).
    fn mutations(value: &Value, bad: &[Value], out: &mut Vec<Value>) {
        let mut paths = Vec::new();
        collect(value, &mut Vec::new(), &mut paths);
        for path in paths {
            for replacement in bad {
                let mut doc = value.clone();
                *pointer(&mut doc, &path) = replacement.clone();
                out.push(doc);
            }
            if let Some((last, parent)) = path.split_last() {
                let mut doc = value.clone();
                if let Value::Object(map) = pointer(&mut doc, parent) {
                    map.remove(last);
                    out.push(doc);
                }
            }
        }
    }

    fn collect(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(at.clone());
        let children: Vec<(String, &Value)> = match value {
            Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            _ => Vec::new(),
        };
        for (key, child) in children {
            at.push(key);
            collect(child, at, out);
            at.pop();
        }
    }

    fn pointer<'a>(doc: &'a mut Value, path: &[String]) -> &'a mut Value {
        path.iter().fold(doc, |value, key| match value {
            Value::Object(map) => map.get_mut(key).expect("a member"),
            Value::Array(items) => &mut items[key.parse::<usize>().expect("an index")],
            _ => unreachable!("a path into a container"),
        })
    }

    #[test]
    fn every_field_given_a_wrong_value_has_its_error_at_the_same_path() {
        // The repository root: the fixtures and samples are shared with the app's tests.
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let bad = [
            json!(null),
            json!(7),
            json!(""),
            json!("  "),
            json!("not a date"),
            json!(true),
            json!([]),
            json!([1, "x", {}]),
            json!({}),
            json!({ "type": 5 }),
        ];
        let mut docs = Vec::new();
        for name in [
            "articles/rare-liver-cancer-immunotherapy-amd3100.json",
            "articles.json",
        ] {
            let text =
                std::fs::read_to_string(root.join("public/data").join(name)).expect("sample");
            let value: Value = serde_json::from_str(&text).expect("JSON");
            mutations(&value, &bad, &mut docs);
        }
        let mut errors = 0;
        for doc in &docs {
            // Both compact and indented: positions fall differently around white space.
            errors += same_errors(&doc.to_string(), &doc.to_string());
            let pretty = serde_json::to_string_pretty(doc).expect("JSON");
            errors += same_errors(&pretty, &pretty);
        }
        assert!(
            errors > 1000,
            "only {errors} errors compared of {} documents",
            docs.len()
        );
    }
}
