use std::fmt;

/// Why a document does not satisfy the JSON contract, with where in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractError {
    /// Path into the document, e.g. `body[3].text`; empty for the document itself.
    pub path: String,
    pub message: String,
}

impl ContractError {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Parses `json` as `T`, reporting the first problem with its path.
    pub(crate) fn parse<'de, T: serde::Deserialize<'de>>(json: &'de str) -> Result<T, Self> {
        // serde would read an array as a struct's fields in order and report a length.
        if json.trim_start().starts_with('[') {
            return Err(Self::at("", "expected a JSON object, found an array"));
        }
        let de = &mut serde_json::Deserializer::from_str(json);
        let value = serde_path_to_error::deserialize(&mut *de).map_err(|err| {
            let path = err.path().to_string();
            let path = if path == "." { String::new() } else { path };
            Self::at(path, err.into_inner().to_string())
        })?;
        // Nothing may follow the document (a second object, a truncated concatenation).
        de.end().map_err(|err| Self::at("", err.to_string()))?;
        Ok(value)
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
