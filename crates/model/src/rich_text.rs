//! Text that may carry links: a string, or a list of runs where a run is a string or a link
//! `{ "text": …, "url": … }`. Still never HTML: every run is rendered as text.

use super::{ExternalUrl, limits};

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
        for span in &mut out {
            let (Span::Text(text) | Span::Link { text, .. }) = span;
            limits::limit_marks(text);
        }
        (!out.is_empty()).then_some(Self(out))
    }

    pub fn spans(&self) -> &[Span] {
        &self.0
    }

    /// The words without the links, e.g. for a page description.
    pub fn plain(&self) -> String {
        self.0.iter().map(Span::text).collect()
    }

    /// Characters in all runs.
    pub(crate) fn chars(&self) -> usize {
        self.0.iter().map(|span| span.text().chars().count()).sum()
    }

    /// Cuts the text to at most `max_chars` characters, ending in "…" (see
    /// [`limits::shorten`]). Returns whether it cut anything.
    pub(crate) fn shorten(&mut self, max_chars: usize) -> bool {
        if self.chars() <= max_chars {
            return false;
        }
        let mut left = max_chars;
        for index in 0..self.0.len() {
            let span = &mut self.0[index];
            let n = span.text().chars().count();
            if n < left {
                left -= n;
                continue;
            }
            // This run reaches the limit: it keeps what fits, then the ellipsis.
            let text = match span {
                Span::Text(text) | Span::Link { text, .. } => text,
            };
            limits::ellipsize(text, left);
            self.0.truncate(index + 1);
            break;
        }
        true
    }

    /// Turns links into plain text once `links_left` is used up; returns how many it turned.
    pub(crate) fn unlink_after(&mut self, links_left: &mut usize) -> usize {
        let mut unlinked = 0;
        let spans = std::mem::take(&mut self.0)
            .into_iter()
            .map(|span| match span {
                Span::Link { text, url } if *links_left > 0 => {
                    *links_left -= 1;
                    Span::Link { text, url }
                }
                Span::Link { text, .. } => {
                    unlinked += 1;
                    Span::Text(text)
                }
                text => text,
            });
        // Joins the neighbouring text runs again.
        *self = Self::new(spans.collect::<Vec<_>>()).unwrap_or(Self(Vec::new()));
        unlinked
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
