//! Which character encoding a fetched document is in, from its bytes and the `charset` of its
//! `Content-Type`: the app decodes with the browser's `TextDecoder` under the label chosen
//! here (`source::http`), native code with encoding_rs ([`decode`]). See "Encodings" in
//! `docs/formats.md`.
//!
//! JSON is UTF-8 (RFC 8259): only a byte order mark changes that. An XML document (one that
//! starts with `<`) is read, in this order, by its byte order mark, the `encoding=` of its XML
//! declaration, the `charset` the server sent, and else as UTF-8; one that declares nothing
//! and is not UTF-8 is read as windows-1252, as browsers read such HTML, rather than refused
//! (its Latin letters then read right, other scripts as mojibake).

/// How much of the start of a body [`candidates`] needs: an XML declaration is short.
pub const HEAD_BYTES: usize = 1024;

/// The encoding labels to try for a body, from its first [`HEAD_BYTES`] and the `charset` the
/// server sent, in order: its byte order mark; for JSON (anything that does not start with
/// `<`), UTF-8; for XML, the declaration's `encoding=`, then `charset`. The first label the
/// decoder knows wins (the browser's `TextDecoder` and encoding_rs know the same labels, the
/// Encoding Standard's, so no table of them is needed here). When none is known, the body is
/// UTF-8 if it is valid UTF-8, else windows-1252.
pub fn candidates<'a>(head: &'a [u8], charset: Option<&'a str>) -> Vec<&'a str> {
    match head {
        [0xef, 0xbb, 0xbf, ..] => return vec!["utf-8"],
        // UTF-16 only for XML: JSON is UTF-8 whatever its first bytes (a UTF-16 JSON document
        // is refused, as `Response.text()` refuses it).
        [0xfe, 0xff, rest @ ..] if utf16_markup(rest, false) => return vec!["utf-16be"],
        [0xff, 0xfe, rest @ ..] if utf16_markup(rest, true) => return vec!["utf-16le"],
        [0xfe, 0xff, ..] | [0xff, 0xfe, ..] => return vec!["utf-8"],
        _ => {}
    }
    let start = head.trim_ascii_start();
    if !start.starts_with(b"<") {
        // JSON, or anything else: UTF-8.
        return vec!["utf-8"];
    }
    [declared(start), charset]
        .into_iter()
        .flatten()
        .map(|label| label.trim().trim_matches(['"', '\'']))
        // A document whose label can be read as ASCII is not UTF-16 (nor is its header right).
        .filter(|label| !label.is_empty() && !label.to_ascii_lowercase().starts_with("utf-16"))
        .collect()
}

/// Whether UTF-16 code units (little- or big-endian) start with `<` after white space.
fn utf16_markup(units: &[u8], little: bool) -> bool {
    units
        .chunks_exact(2)
        .map(|pair| {
            if little {
                [pair[0], pair[1]]
            } else {
                [pair[1], pair[0]]
            }
        })
        .find(|&[low, high]| !(high == 0 && low.is_ascii_whitespace()))
        .is_some_and(|unit| unit == [b'<', 0])
}

/// The encoding encoding_rs decodes `bytes` (a whole response body) with, by [`candidates`]:
/// what the app's `TextDecoder` does.
#[cfg(feature = "native-parsers")]
pub fn encoding(bytes: &[u8], charset: Option<&str>) -> &'static encoding_rs::Encoding {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    candidates(head, charset)
        .into_iter()
        .find_map(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                encoding_rs::UTF_8
            } else {
                encoding_rs::WINDOWS_1252
            }
        })
}

/// [`encoding`]'s name, lower-case, as the Encoding Standard writes it (`windows-1251`).
#[cfg(feature = "native-parsers")]
pub fn label(bytes: &[u8], charset: Option<&str>) -> String {
    encoding(bytes, charset).name().to_ascii_lowercase()
}

/// The `charset` parameter of a `Content-Type` header value.
pub fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"'))
    })
}

/// The `encoding=` of an XML declaration at the start of `bytes`.
fn declared(bytes: &[u8]) -> Option<&str> {
    let head = bytes.strip_prefix(b"<?xml")?;
    let end = head.windows(2).take(512).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(&head[..end]).ok()?;
    let (_, after) = declaration.split_once("encoding")?;
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|q| matches!(q, '"' | '\''))?;
    let value = &after[1..];
    value.split(quote).next()
}

/// `bytes` decoded in [`encoding`]'s choice, as the app decodes them with `TextDecoder`
/// (malformed sequences become U+FFFD, a byte order mark is dropped).
#[cfg(feature = "native-parsers")]
pub fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    let (text, _) = encoding(bytes, charset).decode_with_bom_removal(bytes);
    text.into_owned()
}

#[cfg(all(test, feature = "native-parsers"))]
mod tests {
    use super::*;

    #[test]
    fn the_bom_comes_first_then_the_declaration_then_the_header() {
        let declared = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss/>";
        assert_eq!(label(declared, Some("utf-8")), "windows-1251");
        assert_eq!(
            label(b"\xef\xbb\xbf<?xml encoding='koi8-r'?>", None),
            "utf-8"
        );
        assert_eq!(label(b"\xff\xfe<\0", None), "utf-16le");
        assert_eq!(label(b"\xff\xfe\n\0 \0<\0", None), "utf-16le");
        assert_eq!(label(b"\xfe\xff\0<", None), "utf-16be");
        // JSON in UTF-16 is not read as UTF-16 (RFC 8259): it stays UTF-8, and is refused.
        assert_eq!(label(b"\xff\xfe{\0}\0", None), "utf-8");
        assert_eq!(label(b"\xfe\xff\0{\0}", None), "utf-8");
        assert_eq!(
            label(b"<?xml version='1.0' encoding='ISO-8859-1'?>", None),
            "windows-1252"
        );
        assert_eq!(
            label(b"<?xml version=\"1.0\" encoding=\"GB2312\"?>", None),
            "gbk"
        );
        assert_eq!(label(b"<rss>\xe9</rss>", Some("koi8-r")), "koi8-r");
        assert_eq!(
            label(b"<?xml version=\"1.0\"?><rss>", Some("\"EUC-KR\"")),
            "euc-kr"
        );
        // Nothing declared: UTF-8 if it is, else windows-1252.
        assert_eq!(label("<rss>é</rss>".as_bytes(), None), "utf-8");
        assert_eq!(label(b"<rss>\xe9</rss>", None), "windows-1252");
        // An unknown or impossible label is passed over.
        assert_eq!(
            label(b"<?xml encoding=\"x-nonsense\"?><a/>", Some("latin1")),
            "windows-1252"
        );
        assert_eq!(label(b"<?xml encoding=\"UTF-16\"?><a/>", None), "utf-8");
        // JSON is UTF-8 whatever the header says.
        assert_eq!(label(b"{\"a\": \"\xe9\"}", Some("windows-1251")), "utf-8");
    }

    #[test]
    fn the_charset_parameter() {
        assert_eq!(charset("text/xml; charset=ISO-8859-1"), Some("ISO-8859-1"));
        assert_eq!(
            charset("application/rss+xml;Charset=\"utf-8\""),
            Some("utf-8")
        );
        assert_eq!(charset("application/json"), None);
    }
}
