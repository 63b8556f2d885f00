//! The `filterBy` of a request: one value per field, in field order, typed
//! (an instant stays an instant until it is written as JSON).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Number, Value as Json};

use super::write_timestamp;
use crate::span::Span;

/// The `filterBy` object of an [`crate::OmniqRequest`]: a flat conjunction
/// of `"field": value` pairs, one value per field, serialized with its
/// fields in name order.
///
/// Every field name and string value sits in one buffer, so a filter costs
/// two allocations whatever its number of fields.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::{DateContext, FilterValue, OmniqCompiler, OmniqIndex};
///
/// let context = DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap());
/// let request = OmniqCompiler::new(OmniqIndex::Communications)
///     .compile_str("platform:web created_after:2025-05-20", &context)?;
/// let filter = request.filter_by();
/// assert_eq!(filter.get("platform"), Some(FilterValue::Text("web")));
/// let from = Utc.with_ymd_and_hms(2025, 5, 20, 0, 0, 0).unwrap();
/// assert_eq!(filter.get("createdAt"), Some(FilterValue::Range { from: Some(from), to: None }));
/// assert_eq!(
///     serde_json::to_value(filter)?,
///     serde_json::json!({"createdAt": {"from": "2025-05-20T00:00:00.000Z"}, "platform": "web"}),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default)]
pub struct Filter {
    /// The field names and string values, one after another.
    text: String,
    /// The fields, in name order.
    entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
struct Entry {
    /// The field's [`sort_key`].
    key: u64,
    /// The field's name, in `text`.
    field: Span,
    value: Stored,
}

/// The first 8 bytes of `field` as a number that sorts as they do: most
/// fields differ there, so most comparisons are of one number.
pub(crate) fn sort_key(field: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (to, from) in bytes.iter_mut().zip(field.bytes()) {
        *to = from;
    }
    u64::from_be_bytes(bytes)
}

/// A [`FilterValue`] with its string in the filter's buffer.
#[derive(Clone, Debug)]
enum Stored {
    Text(Span),
    Bool(bool),
    Number(Number),
    Null,
    At(DateTime<Utc>),
    Range { from: Option<DateTime<Utc>>, to: Option<DateTime<Utc>> },
}

/// The value of one `filterBy` field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterValue<'a> {
    /// A string, compared as written.
    Text(&'a str),
    /// A boolean (the schema's boolean fields).
    Bool(bool),
    /// A number (the schema's number fields).
    Number(Number),
    /// `null` (a number field that may be unset).
    Null,
    /// An exact instant: `createdAt:DATE`, written
    /// `"2025-05-20T00:00:00.000Z"`.
    At(DateTime<Utc>),
    /// The range form, both ends inclusive, written
    /// `{"from": ..., "to": ...}` with only the ends that are set.
    Range {
        /// The earliest instant that matches.
        from: Option<DateTime<Utc>>,
        /// The latest instant that matches.
        to: Option<DateTime<Utc>>,
    },
}

impl Filter {
    /// An empty filter with room for `fields` fields and `bytes` bytes of
    /// names and strings.
    pub(crate) fn with_capacity(fields: usize, bytes: usize) -> Self {
        Filter { text: String::with_capacity(bytes), entries: Vec::with_capacity(fields) }
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no field: every document matches.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value of `field` (exact spelling: field names are
    /// case-sensitive).
    pub fn get(&self, field: &str) -> Option<FilterValue<'_>> {
        let at = self.position(sort_key(field), field).ok()?;
        self.entries.get(at).map(|entry| self.value(&entry.value))
    }

    /// The fields and their values, in name order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, FilterValue<'_>)> + '_ {
        self.entries.iter().map(|entry| (self.str(entry.field), self.value(&entry.value)))
    }

    /// The filter as a JSON object.
    pub fn to_json(&self) -> Map<String, Json> {
        self.iter().map(|(field, value)| (field.to_owned(), value.to_json())).collect()
    }

    /// Sets `field` to `value`, replacing any value it had.
    pub(crate) fn insert(&mut self, field: &str, value: FilterValue<'_>) {
        let key = sort_key(field);
        match self.position(key, field) {
            Ok(at) => {
                let value = self.store(value);
                if let Some(entry) = self.entries.get_mut(at) {
                    entry.value = value;
                }
            }
            Err(at) => {
                let entry = Entry { key, field: self.push_str(field), value: self.store(value) };
                self.entries.insert(at, entry);
            }
        }
    }

    /// `value`, its string moved into the buffer.
    fn store(&mut self, value: FilterValue<'_>) -> Stored {
        match value {
            FilterValue::Text(text) => Stored::Text(self.push_str(text)),
            FilterValue::Bool(b) => Stored::Bool(b),
            FilterValue::Number(n) => Stored::Number(n),
            FilterValue::Null => Stored::Null,
            FilterValue::At(at) => Stored::At(at),
            FilterValue::Range { from, to } => Stored::Range { from, to },
        }
    }

    /// Where `field` (whose [`sort_key`] is `key`) is, or would be
    /// inserted. Fields usually arrive in order, so the last one is looked
    /// at first.
    fn position(&self, key: u64, field: &str) -> Result<usize, usize> {
        let order = |entry: &Entry| entry.key.cmp(&key).then_with(|| self.str(entry.field).cmp(field));
        match self.entries.last() {
            None => Err(0),
            Some(last) if order(last).is_lt() => Err(self.entries.len()),
            Some(_) => self.entries.binary_search_by(order),
        }
    }

    fn push_str(&mut self, text: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(text);
        Span::new(start, self.text.len())
    }

    fn str(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or_default()
    }

    fn value(&self, stored: &Stored) -> FilterValue<'_> {
        match stored {
            Stored::Text(span) => FilterValue::Text(self.str(*span)),
            Stored::Bool(b) => FilterValue::Bool(*b),
            Stored::Number(n) => FilterValue::Number(n.clone()),
            Stored::Null => FilterValue::Null,
            Stored::At(at) => FilterValue::At(*at),
            Stored::Range { from, to } => FilterValue::Range { from: *from, to: *to },
        }
    }
}

/// Two filters are equal when they have the same fields and values (however
/// their buffers were filled).
impl PartialEq for Filter {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Filter {}

impl fmt::Debug for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Filter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (field, value) in self.iter() {
            map.serialize_entry(field, &value)?;
        }
        map.end()
    }
}

impl FilterValue<'_> {
    /// The value as JSON, as `filterBy` holds it.
    pub fn to_json(&self) -> Json {
        match self {
            FilterValue::Text(text) => Json::String((*text).to_owned()),
            FilterValue::Bool(b) => Json::Bool(*b),
            FilterValue::Number(n) => Json::Number(n.clone()),
            FilterValue::Null => Json::Null,
            FilterValue::At(at) => Json::String(write_timestamp(*at)),
            FilterValue::Range { from, to } => {
                let mut range = Map::new();
                if let Some(from) = from {
                    range.insert("from".to_owned(), Json::String(write_timestamp(*from)));
                }
                if let Some(to) = to {
                    range.insert("to".to_owned(), Json::String(write_timestamp(*to)));
                }
                Json::Object(range)
            }
        }
    }
}

impl Serialize for FilterValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FilterValue::Text(text) => serializer.serialize_str(text),
            FilterValue::Bool(b) => serializer.serialize_bool(*b),
            FilterValue::Number(n) => n.serialize(serializer),
            FilterValue::Null => serializer.serialize_unit(),
            FilterValue::At(at) => serializer.serialize_str(&write_timestamp(*at)),
            FilterValue::Range { from, to } => {
                let ends = usize::from(from.is_some()) + usize::from(to.is_some());
                let mut map = serializer.serialize_map(Some(ends))?;
                if let Some(from) = from {
                    map.serialize_entry("from", &write_timestamp(*from))?;
                }
                if let Some(to) = to {
                    map.serialize_entry("to", &write_timestamp(*to))?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(seconds, 0).single().unwrap_or_default()
    }

    #[test]
    fn fields_are_kept_in_name_order_whatever_the_insertion_order() {
        let mut filter = Filter::default();
        filter.insert("platform", FilterValue::Text("web"));
        filter.insert("campaign", FilterValue::Text("spring"));
        filter.insert("isNewClient", FilterValue::Bool(true));
        filter.insert("__v", FilterValue::Number(Number::from(0)));
        let fields: Vec<&str> = filter.iter().map(|(field, _)| field).collect();
        assert_eq!(fields, ["__v", "campaign", "isNewClient", "platform"]);
        assert_eq!(filter.get("campaign"), Some(FilterValue::Text("spring")));
        assert_eq!(filter.get("Campaign"), None);
        assert_eq!(filter.len(), 4);
    }

    #[test]
    fn sort_keys_sort_as_the_fields_do() {
        let fields = ["", "a", "ab", "abcdefgh", "abcdefgh.i", "abcdefgi", "b", "createdAt", "\u{e9}t\u{e9}"];
        for pair in fields.windows(2) {
            if let [a, b] = pair {
                assert!(sort_key(a) <= sort_key(b) && a < b, "{a} {b}");
            }
        }
        assert_eq!(sort_key("ab"), u64::from_be_bytes(*b"ab\0\0\0\0\0\0"));
    }

    #[test]
    fn insert_replaces_and_equality_ignores_the_buffer() {
        let mut replaced = Filter::default();
        replaced.insert("platform", FilterValue::Text("mobile"));
        replaced.insert("platform", FilterValue::Text("web"));
        let mut direct = Filter::with_capacity(1, 8);
        direct.insert("platform", FilterValue::Text("web"));
        assert_eq!(replaced, direct);
        assert_eq!(replaced.len(), 1);
        assert_eq!(format!("{direct:?}"), r#"{"platform": Text("web")}"#);
    }

    #[test]
    fn serializes_as_filter_by_writes_it() {
        let mut filter = Filter::default();
        filter.insert("createdAt", FilterValue::Range { from: Some(at(1)), to: None });
        filter.insert("exact", FilterValue::At(at(2)));
        filter.insert("botTotalTime", FilterValue::Null);
        filter.insert("flag", FilterValue::Bool(false));
        let expected = serde_json::json!({
            "botTotalTime": null,
            "createdAt": {"from": "1970-01-01T00:00:01.000Z"},
            "exact": "1970-01-01T00:00:02.000Z",
            "flag": false,
        });
        assert_eq!(serde_json::to_value(&filter).ok(), Some(expected.clone()));
        assert_eq!(Json::Object(filter.to_json()), expected);
        let empty = FilterValue::Range { from: None, to: None };
        assert_eq!(serde_json::to_value(&empty).ok(), Some(serde_json::json!({})));
        assert_eq!(empty.to_json(), serde_json::json!({}));
    }
}
