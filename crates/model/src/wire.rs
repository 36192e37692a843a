//! serde helpers shared by the contract's types. Validation happens while parsing, so every
//! problem is reported with its path in the document (see `ContractError::parse`).

use serde::{
    Deserialize, Deserializer,
    de::{Error, Visitor},
};

use super::link::ExternalUrl;

/// A required text field: trimmed, and not empty.
pub(crate) fn required_text<'de, D: Deserializer<'de>>(de: D) -> Result<String, D::Error> {
    checked_string(de, "a string", |text| {
        if text.trim().is_empty() {
            Err("must not be empty".into())
        } else {
            Ok(trim_owned(text))
        }
    })
}

/// A string checked by `check` inside serde_json's own call, so that an error is placed at
/// this value and names its path (`model::json_path`), not after the enclosing object.
pub(crate) fn checked_string<'de, D, T>(
    de: D,
    expecting: &'static str,
    check: impl FnOnce(String) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct Checked<F>(&'static str, F);

    impl<'de, T, F: FnOnce(String) -> Result<T, String>> Visitor<'de> for Checked<F> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(self.0)
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
            self.visit_string(text.to_owned())
        }

        fn visit_string<E: Error>(self, text: String) -> Result<T, E> {
            (self.1)(text).map_err(E::custom)
        }
    }

    de.deserialize_string(Checked(expecting, check))
}

/// An optional text field: absent, `null` and blank all mean "leave the element out".
pub(crate) fn optional_text<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(de)?
        .map(trim_owned)
        .filter(|text| !text.is_empty()))
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
    let mut text = if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_owned()
    };
    super::limits::limit_marks(&mut text);
    text
}

/// An entry of a [`Limited`] list: whether it counts towards the limit (a body entry that
/// is dropped anyway, such as an unknown block type, does not).
pub(crate) trait Entry {
    /// The list stops reading once its entries' [`Entry::weight`]s add up to this.
    const BUDGET: usize = usize::MAX;

    fn counts(&self) -> bool {
        true
    }

    /// The entry's share of [`Entry::BUDGET`] (the body's text, in characters).
    fn weight(&self) -> usize {
        0
    }
}

/// How many entries a [`Limited`] list reads, at most, per entry it keeps.
const READ_FACTOR: usize = 5;

/// A list read only up to `N` counted entries (and `5 × N` entries in all, and until their
/// weights reach the budget): the entries after those are skipped unread (not built, not
/// checked), only counted, so a runaway list costs a scan.
#[derive(Debug)]
pub(crate) struct Limited<T, const N: usize> {
    pub items: Vec<T>,
    /// Entries in the document, read or not.
    pub total: usize,
}

impl<T, const N: usize> Default for Limited<T, N> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            total: 0,
        }
    }
}

impl<'de, T: Deserialize<'de> + Entry, const N: usize> Deserialize<'de> for Limited<T, N> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct ListVisitor<T, const N: usize>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de> + Entry, const N: usize> serde::de::Visitor<'de>
            for ListVisitor<T, N>
        {
            type Value = Limited<T, N>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                // The words serde uses for a `Vec`, so messages read the same.
                f.write_str("a sequence")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut list = Limited::default();
                let mut counted = 0;
                let mut spent = 0_usize;
                // Entries that do not count (blank ones) still cost time: read a few times N.
                while counted < N
                    && list.items.len() < N.saturating_mul(READ_FACTOR)
                    && spent < T::BUDGET
                {
                    let Some(item) = seq.next_element::<T>()? else {
                        return Ok(list);
                    };
                    list.total += 1;
                    if item.counts() {
                        counted += 1;
                    }
                    spent = spent.saturating_add(item.weight());
                    list.items.push(item);
                }
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    list.total += 1;
                }
                Ok(list)
            }
        }

        de.deserialize_seq(ListVisitor::<T, N>(std::marker::PhantomData))
    }
}

/// A list as read, before the limits turn it into a field of the public type (see
/// `Article`). It lives only from reading to limiting, which takes it: so a clone starts
/// without it (copying it would only add code to the wasm), and it never makes two values
/// differ.
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub(crate) struct AsRead<T>(pub T);

impl<T: Default> Clone for AsRead<T> {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl<T> PartialEq for AsRead<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
