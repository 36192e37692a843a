//! Relative links in feeds (`href="/2024/post"`, `xml:base="../"`) resolved against a base,
//! by RFC 3986's algorithm (section 5.2). Hand-written rather than the `url` crate, whose
//! internationalised domain names would more than double the adapter module; the result is
//! checked by the contract's own link rules afterwards, like any other URL. Tested against
//! the `url` crate (`crates/model/tests/xml_feeds.rs`).

/// `reference` resolved against `base`; `None` when that cannot be done (no base for a
/// relative reference, or a base that is not absolute). An absolute reference is itself.
pub fn resolve(base: Option<&str>, reference: &str) -> Option<String> {
    let reference = reference.trim();
    if scheme(reference).is_some() {
        return Some(reference.to_owned());
    }
    let base = base?.trim();
    let base_scheme = scheme(base)?;
    // The base without its fragment.
    let base = base.split('#').next().unwrap_or(base);
    let after_scheme = &base[base_scheme.len() + 1..];
    let (authority, base_path_query) = match after_scheme.strip_prefix("//") {
        Some(rest) => {
            let end = rest.find(['/', '?']).unwrap_or(rest.len());
            (Some(&rest[..end]), &rest[end..])
        }
        None => (None, after_scheme),
    };
    let (base_path, base_query) = match base_path_query.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (base_path_query, None),
    };
    let prefix = match authority {
        Some(authority) => format!("{base_scheme}://{authority}"),
        None => format!("{base_scheme}:"),
    };
    if reference.starts_with("//") {
        return resolve(None, &format!("{base_scheme}:{reference}"));
    }
    let (ref_rest, fragment) = match reference.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (reference, None),
    };
    let (ref_path, ref_query) = match ref_rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (ref_rest, None),
    };
    let (path, query) = if ref_path.is_empty() {
        (base_path.to_owned(), ref_query.or(base_query))
    } else if ref_path.starts_with('/') {
        (remove_dot_segments(ref_path), ref_query)
    } else {
        let merged = if authority.is_some() && base_path.is_empty() {
            format!("/{ref_path}")
        } else {
            match base_path.rfind('/') {
                Some(at) => format!("{}{ref_path}", &base_path[..=at]),
                None => ref_path.to_owned(),
            }
        };
        (remove_dot_segments(&merged), ref_query)
    };
    let mut out = prefix;
    // An empty path with a host is `/`, as the URL standard writes it.
    if authority.is_some() && path.is_empty() {
        out.push('/');
    }
    out.push_str(&path);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    Some(out)
}

/// The scheme of an absolute URL (`https` of `https://…`).
fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// RFC 3986 section 5.2.4: `.` and `..` segments resolved.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (index, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {
                if index == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if index == last {
                    out.push("");
                }
            }
            segment => out.push(segment),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn rfc_3986_examples() {
        let base = Some("http://a/b/c/d;p?q");
        for (reference, expected) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
        ] {
            assert_eq!(
                resolve(base, reference).as_deref(),
                Some(expected),
                "{reference}"
            );
        }
        assert_eq!(resolve(None, "/g"), None);
        assert_eq!(resolve(Some("/relative"), "g"), None);
        assert_eq!(
            resolve(Some("https://example.org"), "g").as_deref(),
            Some("https://example.org/g")
        );
    }
}
