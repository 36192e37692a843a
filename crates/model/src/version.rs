//! The contract's optional `"version"` field. A document written for a later major version
//! may mean something else by the same fields, so it is refused rather than misread.

use serde::Deserialize;

use super::{ContractError, raw::Raw};

/// The major version of the contract this reader implements.
pub const CONTRACT_VERSION: u64 = 1;

#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: Option<Raw>,
}

/// Checks `version` when the document has one: absent, `null`, 1 and 1.x are read.
pub fn check(json: &str) -> Result<(), ContractError> {
    // Anything that is not an object is reported by the real parse, with a better message
    // (serde would read an array's first element as the first field).
    if !json.trim_start().starts_with('{') {
        return Ok(());
    }
    match serde_json::from_str::<Probe>(json) {
        Ok(probe) => check_value(probe.version.as_ref()),
        Err(_) => Ok(()),
    }
}

/// Parses a contract document after checking its `version`: the one format detection read
/// already (`Some`, so that a large document is not scanned once more for it), or else the
/// document's own.
pub(crate) fn parse_read<'de, T: Deserialize<'de>>(
    json: &'de str,
    version: Option<Option<&Raw>>,
) -> Result<T, ContractError> {
    match version {
        Some(version) => check_value(version)?,
        None => check(json)?,
    }
    ContractError::parse(json)
}

/// The same check on an already parsed `version` value.
pub fn check_value(version: Option<&Raw>) -> Result<(), ContractError> {
    let Some(version) = version.filter(|v| **v != Raw::Null) else {
        return Ok(());
    };
    let expected = || {
        ContractError::at(
            "version",
            format!(
                "expected the number {CONTRACT_VERSION}, found {}",
                version.found()
            ),
        )
    };
    let number = match version {
        Raw::Number(n) => n.as_f64().filter(|n| n.is_finite()),
        _ => None,
    }
    .ok_or_else(expected)?;
    if number < 1.0 {
        return Err(expected());
    }
    // `as` saturates; only the whole part (the major version) matters.
    let major = number.trunc() as u64;
    if major > CONTRACT_VERSION {
        return Err(ContractError::at(
            "version",
            format!(
                "this document is written for contract version {major}, and this reader \
                 understands version {CONTRACT_VERSION}; update the reader, or serve version \
                 {CONTRACT_VERSION} documents"
            ),
        ));
    }
    Ok(())
}
