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

/// The WHATWG Encoding Standard's names (what `TextDecoder` accepts) of the encodings the
/// reader honours, and the labels feeds write for them.
const LABELS: &[(&str, &[&str])] = &[
    ("utf-8", &["utf8", "unicode-1-1-utf-8"]),
    (
        "windows-1252",
        &[
            "iso-8859-1",
            "iso8859-1",
            "iso_8859-1",
            "latin1",
            "l1",
            "us-ascii",
            "ascii",
            "cp1252",
            "x-cp1252",
            "cp819",
            "ibm819",
            "iso-ir-100",
            "iso_8859-1:1987",
        ],
    ),
    ("windows-1250", &["cp1250", "x-cp1250"]),
    ("windows-1251", &["cp1251", "x-cp1251"]),
    ("windows-1253", &["cp1253", "x-cp1253"]),
    (
        "windows-1254",
        &[
            "cp1254",
            "x-cp1254",
            "iso-8859-9",
            "iso8859-9",
            "iso_8859-9",
            "latin5",
        ],
    ),
    ("windows-1255", &["cp1255", "x-cp1255"]),
    ("windows-1256", &["cp1256", "x-cp1256"]),
    ("windows-1257", &["cp1257", "x-cp1257"]),
    ("windows-1258", &["cp1258", "x-cp1258"]),
    (
        "windows-874",
        &["tis-620", "iso-8859-11", "iso8859-11", "dos-874"],
    ),
    ("iso-8859-2", &["iso8859-2", "iso_8859-2", "latin2"]),
    ("iso-8859-3", &["iso8859-3", "iso_8859-3", "latin3"]),
    ("iso-8859-4", &["iso8859-4", "iso_8859-4", "latin4"]),
    ("iso-8859-5", &["iso8859-5", "iso_8859-5", "cyrillic"]),
    ("iso-8859-6", &["iso8859-6", "iso_8859-6", "arabic"]),
    ("iso-8859-7", &["iso8859-7", "iso_8859-7", "greek"]),
    (
        "iso-8859-8",
        &["iso8859-8", "iso_8859-8", "hebrew", "visual"],
    ),
    ("iso-8859-8-i", &["logical"]),
    ("iso-8859-10", &["iso8859-10", "latin6"]),
    ("iso-8859-13", &["iso8859-13", "iso_8859-13"]),
    ("iso-8859-14", &["iso8859-14", "iso_8859-14"]),
    (
        "iso-8859-15",
        &["iso8859-15", "iso_8859-15", "latin9", "latin-9"],
    ),
    ("iso-8859-16", &[]),
    ("koi8-r", &["koi8", "koi", "koi8_r", "cskoi8r"]),
    ("koi8-u", &["koi8-ru"]),
    ("ibm866", &["cp866", "866", "csibm866"]),
    ("macintosh", &["mac", "x-mac-roman", "csmacintosh"]),
    ("x-mac-cyrillic", &["x-mac-ukrainian"]),
    (
        "gbk",
        &[
            "gb2312",
            "x-gbk",
            "chinese",
            "csgb2312",
            "gb_2312-80",
            "iso-ir-58",
        ],
    ),
    ("gb18030", &[]),
    ("big5", &["big5-hkscs", "cn-big5", "x-x-big5", "csbig5"]),
    ("euc-jp", &["x-euc-jp", "cseucpkdfmtjapanese"]),
    ("iso-2022-jp", &["csiso2022jp"]),
    (
        "shift_jis",
        &[
            "shift-jis",
            "sjis",
            "x-sjis",
            "ms_kanji",
            "ms932",
            "windows-31j",
            "csshiftjis",
        ],
    ),
    (
        "euc-kr",
        &[
            "ks_c_5601-1987",
            "windows-949",
            "cseuckr",
            "korean",
            "ks_c_5601-1989",
            "ksc5601",
        ],
    ),
];

/// The encoding's WHATWG name for a label, if the reader knows it. UTF-16 is never named
/// by a label here: a document whose label can be read as ASCII is not UTF-16.
pub fn canonical(label: &str) -> Option<&'static str> {
    let label = label.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
    LABELS
        .iter()
        .find(|(name, aliases)| *name == label || aliases.contains(&label.as_str()))
        .map(|(name, _)| *name)
}

/// How much of the start of a body [`declared_label`] needs: an XML declaration is short.
pub const HEAD_BYTES: usize = 1024;

/// The label to decode `bytes` (a whole response body) with; `charset` is the `Content-Type`'s
/// parameter, if the server sent one.
pub fn label(bytes: &[u8], charset: Option<&str>) -> &'static str {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    declared_label(head, charset).unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            "utf-8"
        } else {
            "windows-1252"
        }
    })
}

/// [`label`] from the first [`HEAD_BYTES`] of a body: `None` when nothing names an encoding,
/// and the body is then UTF-8 if it is valid UTF-8, else windows-1252 (the app asks its
/// `TextDecoder`, native code [`label`]).
pub fn declared_label(head: &[u8], charset: Option<&str>) -> Option<&'static str> {
    match head {
        [0xef, 0xbb, 0xbf, ..] => return Some("utf-8"),
        [0xfe, 0xff, ..] => return Some("utf-16be"),
        [0xff, 0xfe, ..] => return Some("utf-16le"),
        _ => {}
    }
    let start = head.trim_ascii_start();
    if !start.starts_with(b"<") {
        // JSON, or anything else: UTF-8.
        return Some("utf-8");
    }
    declared(start)
        .and_then(canonical)
        .or_else(|| charset.and_then(canonical))
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

/// `bytes` decoded under [`label`]'s choice, as the app decodes them with `TextDecoder`
/// (malformed sequences become U+FFFD, a byte order mark is dropped).
#[cfg(feature = "native-parsers")]
pub fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    let encoding = encoding_rs::Encoding::for_label(label(bytes, charset).as_bytes())
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _) = encoding.decode_with_bom_removal(bytes);
    text.into_owned()
}

#[cfg(test)]
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
        assert_eq!(label(b"\xfe\xff\0<", None), "utf-16be");
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
