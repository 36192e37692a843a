//! Text that may carry links: a string, or a list of runs where a run is a string or a link
//! `{ "text": …, "url": … }`. Still never HTML: every run is rendered as text.

use super::ExternalUrl;

/// Runs of text, some of them links; trimmed at both ends, never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RichText(Vec<Span>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    /// Only http(s) and mailto URLs: see [`ExternalUrl::parse_link`].
    Link {
        text: String,
        url: ExternalUrl,
    },
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Self::Text(text) | Self::Link { text, .. } => text,
        }
    }
}

impl RichText {
    /// Normalises runs: a link without a usable URL becomes text, neighbouring text runs are
    /// joined, the whole is trimmed, and nothing is left empty. `None` when no text remains.
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Option<Self> {
        let mut out: Vec<Span> = Vec::new();
        for span in spans {
            if span.text().is_empty() {
                continue;
            }
            match (out.last_mut(), span) {
                (Some(Span::Text(last)), Span::Text(text)) => last.push_str(&text),
                (_, span) => out.push(span),
            }
        }
        trim_edge(&mut out, true);
        trim_edge(&mut out, false);
        (!out.is_empty()).then_some(Self(out))
    }

    pub fn spans(&self) -> &[Span] {
        &self.0
    }

    /// The words without the links, e.g. for a page description.
    pub fn plain(&self) -> String {
        self.0.iter().map(Span::text).collect()
    }
}

/// Trims the white space at the start (or end) of the runs, dropping runs left empty.
fn trim_edge(spans: &mut Vec<Span>, start: bool) {
    loop {
        let index = if start {
            0
        } else {
            spans.len().wrapping_sub(1)
        };
        let Some(span) = spans.get_mut(index) else {
            return;
        };
        let text = match span {
            Span::Text(text) | Span::Link { text, .. } => text,
        };
        let trimmed = if start {
            text.trim_start()
        } else {
            text.trim_end()
        };
        if trimmed.len() != text.len() {
            *text = trimmed.to_owned();
        }
        if !text.is_empty() {
            return;
        }
        spans.remove(index);
    }
}

impl From<&str> for RichText {
    /// Plain text as one run (tests and adapters); blank text gives an empty value.
    fn from(text: &str) -> Self {
        Self::new([Span::Text(text.to_owned())]).unwrap_or(Self(Vec::new()))
    }
}
