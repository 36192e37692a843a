//! serde helpers shared by the contract's types. Validation happens while parsing, so every
//! problem is reported with its path in the document (see `ContractError::parse`).

use serde::{Deserialize, Deserializer, de::Error};

use super::link::ExternalUrl;

/// A required text field: trimmed, and not empty.
pub(crate) fn required_text<'de, D: Deserializer<'de>>(de: D) -> Result<String, D::Error> {
    let text = String::deserialize(de)?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(D::Error::custom("must not be empty"));
    }
    Ok(trim_owned(text))
}

/// An optional text field: absent, `null` and blank all mean "leave the element out".
pub(crate) fn optional_text<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(de)?
        .map(trim_owned)
        .filter(|text| !text.is_empty()))
}

/// A list that may be absent or `null` (both mean empty).
pub(crate) fn list<'de, D, T>(de: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(de)?.unwrap_or_default())
}

/// A list of text items; blank items are dropped.
pub(crate) fn text_list<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<String>, D::Error> {
    Ok(list::<D, String>(de)?
        .into_iter()
        .map(trim_owned)
        .filter(|item| !item.is_empty())
        .collect())
}

/// A link target. Only absolute http(s) URLs become links; anything else (other schemes,
/// relative or malformed URLs) is not an error, the name is just shown as plain text.
pub(crate) fn external_url<'de, D: Deserializer<'de>>(
    de: D,
) -> Result<Option<ExternalUrl>, D::Error> {
    Ok(Option::<String>::deserialize(de)?.and_then(|raw| ExternalUrl::parse(&raw)))
}

fn trim_owned(text: String) -> String {
    let trimmed = text.trim();
    if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_owned()
    }
}
