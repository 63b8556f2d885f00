//! The one JSON form of diagnostics, shared by the command's `--format
//! json`, the service and `explain`: each diagnostic with its span in
//! bytes and in characters of the text it points into.

use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::span::{CharOffsets, Span};

/// Diagnostics of one text, serialized as a list of
/// `{"severity", "code", "message", "span": {"start", "end"}, "chars":
/// {"start", "end"}, "hint"?, "replacement"?: {"span", "chars", "text"},
/// "related"?: {"span", "chars", "label"}}`: `span` in bytes and `chars`
/// in characters of `source`. `replacement` is the edit the hint proposes,
/// as data: `text` in place of `span`.
///
/// ```
/// use ringq::{DiagnosticsJson, Options};
///
/// let source = "café asigned_to:5";
/// let error = Options::default().check(source).unwrap_err();
/// let json = serde_json::to_value(DiagnosticsJson::new(source, error.diagnostics()))?;
/// assert_eq!(json[0]["code"], "unknown_keyword");
/// assert_eq!(json[0]["span"], serde_json::json!({"start": 6, "end": 16}));
/// assert_eq!(json[0]["chars"], serde_json::json!({"start": 5, "end": 15}));
/// assert_eq!(json[0]["hint"], "did you mean `assigned_to`?");
/// assert_eq!(json[0]["replacement"]["text"], "assigned_to");
/// assert_eq!(json[0]["replacement"]["chars"], serde_json::json!({"start": 5, "end": 15}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct DiagnosticsJson<'a> {
    source: &'a str,
    diagnostics: &'a [Diagnostic],
}

impl<'a> DiagnosticsJson<'a> {
    /// The diagnostics of `source` (every span points into it).
    pub fn new(source: &'a str, diagnostics: &'a [Diagnostic]) -> Self {
        DiagnosticsJson { source, diagnostics }
    }
}

#[derive(Serialize)]
struct One<'a> {
    severity: Severity,
    code: Code,
    message: &'a str,
    span: Span,
    chars: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    replacement: Option<Replacement<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related: Option<Related<'a>>,
}

#[derive(Serialize)]
struct Replacement<'a> {
    span: Span,
    chars: Span,
    text: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    span: Span,
    chars: Span,
    label: &'a str,
}

impl Serialize for DiagnosticsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // One walk over the source for every span: diagnostics come in
        // order, and a conflict's other term comes before it.
        let mut offsets = CharOffsets::new(self.source);
        let mut chars = |span: Span| {
            let chars = offsets.char_range(span);
            Span::new(chars.start, chars.end)
        };
        let mut list = serializer.serialize_seq(Some(self.diagnostics.len()))?;
        for d in self.diagnostics {
            list.serialize_element(&One {
                severity: d.severity(),
                code: d.code(),
                message: d.message(),
                span: d.span(),
                chars: chars(d.span()),
                hint: d.hint(),
                replacement: d.replacement().map(|r| Replacement {
                    span: r.span(),
                    chars: chars(r.span()),
                    text: r.text(),
                }),
                related: d.related().map(|r| Related { span: r.span(), chars: chars(r.span()), label: r.label() }),
            })?;
        }
        list.end()
    }
}
