//! The values a template is rendered with: a name for each hole, and what
//! is bound to it (JSON's shapes: text, number, boolean, list, null).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One bound value. Deserializes from any JSON value but an object: a
/// string, a number, a boolean, `null` (an absent value) or a list of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Bound {
    /// No value: an optional hole's term is dropped.
    Null,
    /// A boolean, for a boolean keyword (or written `true`/`false`).
    Bool(bool),
    /// A number, written as JSON writes it (ids are often numbers).
    Number(serde_json::Number),
    /// Text: a status, an id, a date, a sort order, words.
    Text(String),
    /// Values for an "any of" keyword: one term each.
    List(Vec<Bound>),
}

impl From<&str> for Bound {
    fn from(text: &str) -> Self {
        Bound::Text(text.to_owned())
    }
}

impl From<String> for Bound {
    fn from(text: String) -> Self {
        Bound::Text(text)
    }
}

impl From<bool> for Bound {
    fn from(b: bool) -> Self {
        Bound::Bool(b)
    }
}

impl From<i64> for Bound {
    fn from(n: i64) -> Self {
        Bound::Number(n.into())
    }
}

impl From<u64> for Bound {
    fn from(n: u64) -> Self {
        Bound::Number(n.into())
    }
}

impl<T: Into<Bound>> From<Vec<T>> for Bound {
    fn from(items: Vec<T>) -> Self {
        Bound::List(items.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Bound>> From<Option<T>> for Bound {
    fn from(value: Option<T>) -> Self {
        value.map_or(Bound::Null, Into::into)
    }
}

/// The values of one rendering, by hole name. Deserializes from a JSON
/// object (`{"since": "yesterday", "statuses": ["new", "replied"]}`).
///
/// ```
/// use ringq::Values;
///
/// let values = Values::new().set("since", "yesterday").set("mine", true);
/// let from_json: Values = serde_json::from_str(r#"{"since": "yesterday", "mine": true}"#)?;
/// assert_eq!(values, from_json);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Values {
    values: BTreeMap<String, Bound>,
}

impl Values {
    /// No values.
    pub fn new() -> Self {
        Values::default()
    }

    /// These values with `name` bound to `value` (replacing an earlier one).
    pub fn set(mut self, name: impl Into<String>, value: impl Into<Bound>) -> Self {
        self.values.insert(name.into(), value.into());
        self
    }

    /// Binds `name` to `value` in place.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<Bound>) {
        self.values.insert(name.into(), value.into());
    }

    /// The value bound to `name`.
    pub fn get(&self, name: &str) -> Option<&Bound> {
        self.values.get(name)
    }

    /// Every name and its value, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Bound)> {
        self.values.iter().map(|(name, value)| (name.as_str(), value))
    }
}

impl<K: Into<String>, V: Into<Bound>> FromIterator<(K, V)> for Values {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Values { values: iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect() }
    }
}
