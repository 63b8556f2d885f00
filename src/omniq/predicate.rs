//! The residual predicate: what a request cannot express, evaluated on the
//! documents it returns.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::read_timestamp;

/// A condition on one OmniQ document. Plan mode returns one for the part of
/// a query that `filterBy` cannot express; a document matches the query
/// exactly when it matches the request and this predicate.
///
/// JSON shape (externally tagged, stable):
///
/// - `{"all": [P, ...]}`: every `P` matches (`{"all": []}` always matches);
/// - `{"any": [P, ...]}`: at least one `P` matches (`{"any": []}` never does);
/// - `{"not": P}`: `P` does not match;
/// - `{"eq": {"field": "workflow.attrs.contact.email", "value": V}}`: the
///   value at the dotted path equals `V`. A string `V` is compared with the
///   document value's text (a string as is, a number or boolean as JSON
///   writes it); a boolean `V` matches only that JSON boolean; any other `V`
///   by JSON equality. A missing field matches nothing;
/// - `{"range": {"field": "createdAt", "from"?: T, "to"?: T}}`: the value at
///   the path is an RFC 3339 timestamp with `from <= t <= to` (both bounds
///   inclusive, as in `filterBy`; an exact `createdAt` is `from == to`). A
///   missing or unparsable value matches nothing;
/// - `{"text": "words"}`: some string value anywhere in the document
///   (nested objects and arrays included, keys excluded) contains the words,
///   ignoring case.
///
/// [`Predicate::matches`] takes the document object itself or a response
/// item `{"document": {...}}` (an object whose only key is `document`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Predicate {
    /// Conjunction.
    All(Vec<Predicate>),
    /// Disjunction.
    Any(Vec<Predicate>),
    /// Negation.
    Not(Box<Predicate>),
    /// Field equality.
    Eq {
        /// Dotted path.
        field: String,
        /// Expected value.
        value: Json,
    },
    /// Timestamp bounds, inclusive.
    Range {
        /// Dotted path.
        field: String,
        /// Lower bound.
        #[serde(default, skip_serializing_if = "Option::is_none", with = "millis")]
        from: Option<DateTime<Utc>>,
        /// Upper bound.
        #[serde(default, skip_serializing_if = "Option::is_none", with = "millis")]
        to: Option<DateTime<Utc>>,
    },
    /// Case-insensitive substring of any string value.
    Text(String),
}

impl Predicate {
    /// The predicate every document matches: `{"all": []}`.
    pub fn always() -> Self {
        Predicate::All(Vec::new())
    }

    /// Whether `document` (a document object, or a response item
    /// `{"document": {...}}`) satisfies the predicate.
    pub fn matches(&self, document: &Json) -> bool {
        let document = match document.as_object() {
            Some(object) if object.len() == 1 => match object.get("document") {
                Some(inner) if inner.is_object() => inner,
                _ => document,
            },
            _ => document,
        };
        self.eval(document)
    }

    fn eval(&self, document: &Json) -> bool {
        match self {
            Predicate::All(parts) => parts.iter().all(|p| p.eval(document)),
            Predicate::Any(parts) => parts.iter().any(|p| p.eval(document)),
            Predicate::Not(inner) => !inner.eval(document),
            Predicate::Eq { field, value } => lookup(document, field).is_some_and(|found| equals(found, value)),
            Predicate::Range { field, from, to } => lookup(document, field)
                .and_then(Json::as_str)
                .and_then(read_timestamp)
                .is_some_and(|t| from.is_none_or(|from| from <= t) && to.is_none_or(|to| t <= to)),
            Predicate::Text(words) => contains_text(document, &words.to_lowercase()),
        }
    }
}

/// The value at a dotted path of object keys.
pub(crate) fn lookup<'d>(document: &'d Json, path: &str) -> Option<&'d Json> {
    path.split('.').try_fold(document, |value, key| value.as_object()?.get(key))
}

fn equals(found: &Json, expected: &Json) -> bool {
    match (expected, found) {
        (Json::String(s), Json::String(f)) => s == f,
        (Json::String(s), Json::Number(n)) => *s == n.to_string(),
        (Json::String(s), Json::Bool(b)) => *s == b.to_string(),
        (Json::String(_), _) => false,
        // `12` matches a document's `12.0`: numbers compare by value.
        (Json::Number(e), Json::Number(f)) => e == f || e.as_f64().is_some_and(|e| f.as_f64() == Some(e)),
        _ => found == expected,
    }
}

/// Whether any string value under `document` contains `needle` (already
/// lowercase), ignoring case. Iterative, so no document is too deep.
fn contains_text(document: &Json, needle: &str) -> bool {
    let mut stack = vec![document];
    while let Some(value) = stack.pop() {
        match value {
            Json::String(s) if s.to_lowercase().contains(needle) => return true,
            Json::Array(items) => stack.extend(items),
            Json::Object(fields) => stack.extend(fields.values()),
            _ => {}
        }
    }
    false
}

/// Optional instants as `2025-05-20T00:00:00.000Z`, the OmniQ format.
mod millis {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, serializer: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => serializer.serialize_str(&super::super::write_timestamp(*t)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        let text: Option<String> = Option::deserialize(deserializer)?;
        text.map(|text| {
            super::super::read_timestamp(&text)
                .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not an RFC 3339 instant")))
        })
        .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eq(field: &str, value: Json) -> Predicate {
        Predicate::Eq { field: field.into(), value }
    }

    fn instant(text: &str) -> Option<DateTime<Utc>> {
        read_timestamp(text)
    }

    #[test]
    fn equality_follows_dotted_paths() {
        let doc = json!({"workflow": {"attrs": {"contact": {"email": "a@b.c"}}}, "platform": "web"});
        assert!(eq("workflow.attrs.contact.email", json!("a@b.c")).matches(&doc));
        assert!(!eq("workflow.attrs.contact.email", json!("A@B.C")).matches(&doc));
        assert!(!eq("workflow.attrs.email", json!("a@b.c")).matches(&doc));
        assert!(!eq("platform.x", json!("web")).matches(&doc));
    }

    #[test]
    fn strings_compare_with_the_text_of_numbers_and_booleans() {
        let doc = json!({"__v": 0, "isNewClient": true});
        assert!(eq("__v", json!("0")).matches(&doc));
        assert!(eq("isNewClient", json!("true")).matches(&doc));
        assert!(eq("isNewClient", json!(true)).matches(&doc));
        assert!(!eq("isNewClient", json!(false)).matches(&doc));
        assert!(!eq("__v", json!(false)).matches(&doc));
    }

    #[test]
    fn negation_of_a_missing_field_matches() {
        assert!(Predicate::Not(Box::new(eq("platform", json!("web")))).matches(&json!({})));
    }

    #[test]
    fn text_is_a_case_insensitive_substring_of_any_string_value() {
        let doc = json!({"a": [1, {"b": "Une RÉCLAMATION"}], "keyOnly": null});
        assert!(Predicate::Text("réclamation".into()).matches(&doc));
        assert!(!Predicate::Text("keyonly".into()).matches(&doc));
        assert!(!Predicate::Text("1".into()).matches(&doc));
    }

    #[test]
    fn range_bounds_are_inclusive_instants() {
        let range = Predicate::Range {
            field: "createdAt".into(),
            from: instant("2025-05-20T00:00:00Z"),
            to: instant("2025-06-21T23:59:59.999Z"),
        };
        assert!(range.matches(&json!({"createdAt": "2025-05-20T02:00:00+02:00"})));
        assert!(range.matches(&json!({"createdAt": "2025-06-21T23:59:59.999Z"})));
        assert!(!range.matches(&json!({"createdAt": "2025-06-22T00:00:00.000Z"})));
        assert!(!range.matches(&json!({"createdAt": "yesterday"})));
        assert!(!range.matches(&json!({})));
    }

    #[test]
    fn response_items_are_unwrapped() {
        let item = json!({"document": {"platform": "web"}});
        assert!(eq("platform", json!("web")).matches(&item));
        assert!(eq("document.platform", json!("web")).matches(&json!({"document": {"platform": "web"}, "x": 1})));
    }

    #[test]
    fn empty_all_matches_and_empty_any_does_not() {
        assert!(Predicate::always().matches(&json!({})));
        assert!(!Predicate::Any(Vec::new()).matches(&json!({})));
    }

    #[test]
    fn json_shape_is_stable_and_reads_back() {
        let predicate = Predicate::All(vec![
            Predicate::Not(Box::new(eq("platform", json!("web")))),
            Predicate::Range { field: "createdAt".into(), from: instant("2025-05-20T00:00:00Z"), to: None },
            Predicate::Text("refund".into()),
        ]);
        let json = serde_json::to_value(&predicate).unwrap_or_default();
        assert_eq!(
            json,
            json!({"all": [
                {"not": {"eq": {"field": "platform", "value": "web"}}},
                {"range": {"field": "createdAt", "from": "2025-05-20T00:00:00.000Z"}},
                {"text": "refund"},
            ]})
        );
        assert_eq!(serde_json::from_value::<Predicate>(json).ok(), Some(predicate));
    }
}
