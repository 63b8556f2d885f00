//! Which OmniQ document field a RingCX keyword stands for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

/// RingCX keyword -> OmniQ document field (a dotted path). Serializes to
/// the JSON form that [`Mapping::from_json`] reads.
///
/// The JSON form is one flat object, keyword to field:
///
/// ```json
/// {"first_content_after": "createdAt", "assigned_to": "workflow.attrs.agentId"}
/// ```
///
/// What a mapped term compiles to follows from the keyword's value type: a
/// date keyword ending in `_after` becomes the `from` bound of a range on
/// the field, one ending in `_before` the `to` bound (exactly like
/// `created_after`/`created_before`), any other date an exact instant; a
/// boolean keyword a JSON boolean; anything else a string.
///
/// The default maps `first_content_after` and `first_content_before` to
/// `createdAt`. A loaded mapping adds to the default, and wins for a keyword
/// both name.
///
/// ```
/// use ringq::omniq::Mapping;
/// let mapping = Mapping::from_json(r#"{"assigned_to": "agent"}"#)?;
/// assert_eq!(mapping.field("assigned_to"), Some("agent"));
/// assert_eq!(mapping.field("first_content_after"), Some("createdAt"));
/// assert_eq!(mapping.field("assigned_to_me"), None);
/// # Ok::<(), ringq::omniq::MappingError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "BTreeMap<String, String>", into = "BTreeMap<String, String>")]
pub struct Mapping {
    fields: BTreeMap<String, String>,
}

/// Why a mapping cannot be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MappingError {
    /// Not a JSON object of strings.
    #[error("a mapping is a JSON object from RingCX keyword to OmniQ field: {0}")]
    Json(String),
    /// The key is not a RingCX keyword.
    #[error("`{keyword}` is not a RingCX keyword{}", did_you_mean(suggestions))]
    UnknownKeyword {
        /// The key as written.
        keyword: String,
        /// The nearest keywords.
        suggestions: Vec<String>,
    },
    /// `text` and `order` are not filters on a field.
    #[error("`{0}` cannot be mapped: it is not a filter on one field")]
    NotMappable(String),
    /// The field is empty or has an empty path segment.
    #[error("`{field}` (for `{keyword}`) is not a field path such as `workflow.attrs.contact.email`")]
    InvalidField {
        /// The keyword.
        keyword: String,
        /// The field as written.
        field: String,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions.first() {
        Some(near) => format!("; did you mean `{near}`?"),
        None => String::new(),
    }
}

impl Default for Mapping {
    fn default() -> Self {
        let fields = [("first_content_after", "createdAt"), ("first_content_before", "createdAt")]
            .into_iter()
            .map(|(k, f)| (k.to_owned(), f.to_owned()))
            .collect();
        Mapping { fields }
    }
}

impl TryFrom<BTreeMap<String, String>> for Mapping {
    type Error = MappingError;

    /// The default mapping plus these entries, each checked.
    fn try_from(entries: BTreeMap<String, String>) -> Result<Self, MappingError> {
        let mut mapping = Mapping::default();
        for (keyword, field) in entries {
            mapping.insert(&keyword, &field)?;
        }
        Ok(mapping)
    }
}

impl From<Mapping> for BTreeMap<String, String> {
    fn from(mapping: Mapping) -> Self {
        mapping.fields
    }
}

impl Mapping {
    /// The default mapping plus the entries of a JSON object (see the type's
    /// documentation). Every key must be a RingCX keyword other than `text`
    /// and `order`, every value a field path.
    pub fn from_json(text: &str) -> Result<Mapping, MappingError> {
        let entries: BTreeMap<String, String> =
            serde_json::from_str(text).map_err(|e| MappingError::Json(e.to_string()))?;
        Mapping::try_from(entries)
    }

    /// Maps `keyword` (any case) to `field`, replacing an earlier mapping.
    pub fn insert(&mut self, keyword: &str, field: &str) -> Result<(), MappingError> {
        let catalog = Catalog::ringcx();
        let Some(spec) = catalog.get(keyword) else {
            return Err(MappingError::UnknownKeyword {
                keyword: keyword.to_owned(),
                suggestions: catalog.suggest_keywords(keyword).into_iter().map(str::to_owned).collect(),
            });
        };
        if spec.name == "text" || spec.name == "order" {
            return Err(MappingError::NotMappable(spec.name.to_string()));
        }
        if !is_field_path(field) {
            return Err(MappingError::InvalidField { keyword: spec.name.to_string(), field: field.to_owned() });
        }
        self.fields.insert(spec.name.to_string(), field.to_owned());
        Ok(())
    }

    /// The field `keyword` (lowercase, as in a [`crate::Term`]) maps to.
    pub fn field(&self, keyword: &str) -> Option<&str> {
        self.fields.get(keyword).map(String::as_str)
    }
}

/// A dotted path of non-empty names: `createdAt`, `workflow.attrs.contact.email`.
pub(crate) fn is_field_path(path: &str) -> bool {
    path.split('.').all(|segment| !segment.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_maps_first_content_dates_to_created_at() {
        let mapping = Mapping::default();
        assert_eq!(mapping.field("first_content_after"), Some("createdAt"));
        assert_eq!(mapping.field("first_content_before"), Some("createdAt"));
        assert_eq!(mapping.field("last_content_after"), None);
    }

    #[test]
    fn loaded_entries_add_to_the_default_and_win() {
        let mapping = Mapping::from_json(r#"{"Assigned_To": "agent", "first_content_after": "botStartedAt"}"#);
        let mapping = mapping.unwrap_or_default();
        assert_eq!(mapping.field("assigned_to"), Some("agent"));
        assert_eq!(mapping.field("first_content_after"), Some("botStartedAt"));
        assert_eq!(mapping.field("first_content_before"), Some("createdAt"));
    }

    #[test]
    fn bad_mappings_say_why() {
        let error = |json: &str| Mapping::from_json(json).err().map(|e| e.to_string());
        assert_eq!(
            error(r#"{"asigned_to": "x"}"#).as_deref(),
            Some("`asigned_to` is not a RingCX keyword; did you mean `assigned_to`?")
        );
        assert_eq!(
            error(r#"{"text": "x"}"#).as_deref(),
            Some("`text` cannot be mapped: it is not a filter on one field")
        );
        assert!(error(r#"{"assigned_to": "a..b"}"#).is_some_and(|e| e.contains("not a field path")));
        assert!(error(r#"{"assigned_to": 3}"#).is_some_and(|e| e.starts_with("a mapping is a JSON object")));
        assert!(error("[]").is_some());
    }

    #[test]
    fn serialized_mapping_reads_back() {
        let mapping = Mapping::from_json(r#"{"assigned_to": "agent"}"#).unwrap_or_default();
        let json = serde_json::to_string(&mapping).unwrap_or_default();
        assert_eq!(Mapping::from_json(&json), Ok(mapping));
    }

    #[test]
    fn field_paths_have_no_empty_segment() {
        assert!(is_field_path("workflow.attrs.contact.email"));
        assert!(!is_field_path(""));
        assert!(!is_field_path("workflow."));
        assert!(!is_field_path("a..b"));
    }
}
