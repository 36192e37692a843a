//! Where in a JSON document a byte offset is, as a path (`body[3].text`): how a serde_json
//! error's line and column become the field an error message names. The document is scanned
//! only when there is an error, instead of tracking the path during every parse (which
//! compiled each type's deserializer a second time: docs/decisions/0006-error-paths-by-scanning.md).
//!
//! serde_json places an error about a value it has read just after the value, and one about
//! an object or list it has not entered just before it; a check that fails after its value is
//! read must therefore run inside serde_json's call (a visitor, as in `wire::required_text`),
//! not after it, or the error lands after the enclosing object.

/// One open container on the way to the offset.
enum Frame {
    /// An object and, once read, the key of the member being read.
    Object {
        key: Option<String>,
        expect_key: bool,
    },
    /// A list and the index of the element being read.
    Array(usize),
}

/// The byte offset of serde_json's 1-based `line` and its `column` (bytes into the line).
pub(crate) fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let start = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    (start + column).min(json.len())
}

/// The path of the value at `offset` (see the module's documentation).
pub(crate) fn path_at(json: &str, offset: usize) -> String {
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expect_key }) => {
                    *key = None;
                    *expect_key = true;
                }
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b'"' => {
                let close = string_end(bytes, i + 1);
                // A key the error cut short is not a key yet.
                if let Some(Frame::Object { key, expect_key }) = stack.last_mut()
                    && *expect_key
                    && close <= end
                {
                    *key = serde_json::from_str::<String>(&json[i..close]).ok();
                    *expect_key = false;
                }
                i = close;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The offset just past the string whose contents start at `from` (past its closing quote).
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path just after `marker`.
    fn after(json: &str, marker: &str) -> String {
        path_at(json, json.find(marker).expect("marker") + marker.len())
    }

    /// The path just before `marker`.
    fn before(json: &str, marker: &str) -> String {
        path_at(json, json.find(marker).expect("marker"))
    }

    #[test]
    fn paths_name_members_and_elements() {
        let doc = r#"{"a": {"b": [1, {"c": "x"}, 3]}, "d": true}"#;
        assert_eq!(after(doc, r#""x""#), "a.b[1].c");
        assert_eq!(after(doc, r#""x"}"#), "a.b[1]");
        assert_eq!(after(doc, "3"), "a.b[2]");
        assert_eq!(after(doc, "3]"), "a.b");
        assert_eq!(after(doc, "true"), "d");
        assert_eq!(path_at(doc, doc.len()), "");
    }

    #[test]
    fn an_object_or_list_not_yet_entered_is_named_by_where_it_stands() {
        let doc = r#"{"a": [{"b": 1}], "c": {"d": 2}}"#;
        assert_eq!(before(doc, r#"[{"#), "a");
        assert_eq!(before(doc, r#"{"d""#), "c");
        assert_eq!(before(doc, r#"{"b""#), "a[0]");
    }

    #[test]
    fn strings_with_escapes_and_structure_inside_are_skipped() {
        let doc = r#"{"k\"e,y": {"x": "[{,\\"}, "n": 5}"#;
        assert_eq!(after(doc, "5"), "n");
        assert_eq!(after(doc, r#"\\""#), "k\"e,y.x");
    }

    #[test]
    fn lines_and_columns_are_bytes() {
        let doc = "{\n  \"é\": [\n    1, 2\n  ]\n}";
        let offset = offset_of(doc, 3, 8);
        assert_eq!(&doc[..offset], "{\n  \"é\": [\n    1, 2");
        assert_eq!(path_at(doc, offset), "é[1]");
    }
}
