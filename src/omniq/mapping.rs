//! Which OmniQ document field a RingCX keyword stands for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::OmniqIndex;
use crate::catalog::{Catalog, OtherKeyword, ValueType};
use crate::suggest::did_you_mean;

/// RingCX keyword -> OmniQ document field (a dotted path). Serializes to
/// the JSON form that [`OmniqMapping::from_json`] reads.
///
/// The JSON form is one flat object, keyword to field:
///
/// ```json
/// {"first_content_after": "createdAt", "assigned_to": "workflow.attrs.agentId"}
/// ```
///
/// What a mapped term compiles to follows from the keyword's catalogue
/// entry: a date keyword that is the lower end of a range
/// ([`crate::DateBound`]) becomes the `from` bound of a range on the field,
/// an upper end the `to` bound (exactly like `created_after` /
/// `created_before`), any other date an exact instant; a boolean keyword a
/// JSON boolean; anything else a string.
///
/// The default maps `first_content_after` and `first_content_before` to
/// `createdAt`. A loaded mapping adds to the default, and wins for a keyword
/// both name.
///
/// ```
/// use ringq::{Catalog, OmniqMapping};
/// let mapping = OmniqMapping::from_json(r#"{"assigned_to": "agent"}"#, &Catalog::ringcx())?;
/// assert_eq!(mapping.field("assigned_to"), Some("agent"));
/// assert_eq!(mapping.field("first_content_after"), Some("createdAt"));
/// assert_eq!(mapping.field("assigned_to_me"), None);
/// # Ok::<(), ringq::OmniqError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "BTreeMap<String, String>", into = "BTreeMap<String, String>")]
pub struct OmniqMapping {
    fields: BTreeMap<String, String>,
}

/// Why an OmniQ setting cannot be used: an index name that is not a
/// documented entity, or a mapping that cannot be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OmniqError {
    /// The name is not a documented entity.
    #[error("unknown index `{name}`; {}", index_hint(suggestions))]
    UnknownIndex {
        /// The name as written.
        name: String,
        /// The nearest entity names, nearest first (possibly none).
        suggestions: Vec<&'static str>,
    },
    /// Not a JSON object of strings.
    #[error("a mapping is a JSON object from RingCX keyword to OmniQ field: {0}")]
    MappingJson(String),
    /// The key is not a keyword of the catalogue.
    #[error("`{keyword}` is not a keyword of the catalogue{}", suggestion(suggestions))]
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

/// Did you mean, or else every documented entity.
/// The nearest names when there are any, and always the whole list.
fn index_hint(suggestions: &[&str]) -> String {
    let all: Vec<&str> = OmniqIndex::ALL.iter().map(|i| i.as_str()).collect();
    match did_you_mean(suggestions) {
        Some(near) => format!("{near} The documented entities are {}", all.join(", ")),
        None => format!("the documented entities are {}", all.join(", ")),
    }
}

fn suggestion(suggestions: &[String]) -> String {
    did_you_mean(suggestions.get(..1).unwrap_or_default()).map(|d| format!("; {d}")).unwrap_or_default()
}

impl Default for OmniqMapping {
    fn default() -> Self {
        let fields = [("first_content_after", "createdAt"), ("first_content_before", "createdAt")]
            .into_iter()
            .map(|(k, f)| (k.to_owned(), f.to_owned()))
            .collect();
        OmniqMapping { fields }
    }
}

impl TryFrom<BTreeMap<String, String>> for OmniqMapping {
    type Error = OmniqError;

    /// The default mapping plus these entries, each checked against the
    /// RingCX catalogue.
    fn try_from(entries: BTreeMap<String, String>) -> Result<Self, OmniqError> {
        OmniqMapping::from_entries(entries, &Catalog::ringcx())
    }
}

impl From<OmniqMapping> for BTreeMap<String, String> {
    fn from(mapping: OmniqMapping) -> Self {
        mapping.fields
    }
}

impl OmniqMapping {
    /// The default mapping plus the entries of a JSON object (see the type's
    /// documentation). Every key must be a keyword of `catalog` (the one
    /// queries are parsed with) other than `text` and `order`, every value a
    /// field path.
    pub fn from_json(text: &str, catalog: &Catalog) -> Result<OmniqMapping, OmniqError> {
        let entries: BTreeMap<String, String> =
            serde_json::from_str(text).map_err(|e| OmniqError::MappingJson(e.to_string()))?;
        OmniqMapping::from_entries(entries, catalog)
    }

    fn from_entries(entries: BTreeMap<String, String>, catalog: &Catalog) -> Result<OmniqMapping, OmniqError> {
        let mut mapping = OmniqMapping::default();
        for (keyword, field) in entries {
            mapping.insert(catalog, &keyword, &field)?;
        }
        Ok(mapping)
    }

    /// Maps `keyword` (any case; a keyword of `catalog`) to `field`,
    /// replacing an earlier mapping.
    pub fn insert(&mut self, catalog: &Catalog, keyword: &str, field: &str) -> Result<(), OmniqError> {
        let Some(spec) = catalog.get(keyword) else {
            return Err(OmniqError::UnknownKeyword {
                keyword: keyword.to_owned(),
                suggestions: catalog.suggest_keywords(keyword).into_iter().map(str::to_owned).collect(),
            });
        };
        if spec.name == OtherKeyword::Text.as_str() || spec.value == ValueType::Order {
            return Err(OmniqError::NotMappable(spec.name.to_string()));
        }
        if !is_field_path(field) {
            return Err(OmniqError::InvalidField { keyword: spec.name.to_string(), field: field.to_owned() });
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
    let bytes = path.as_bytes();
    !bytes.is_empty()
        && bytes.first() != Some(&b'.')
        && bytes.last() != Some(&b'.')
        && !bytes.windows(2).any(|pair| pair == b"..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_maps_first_content_dates_to_created_at() {
        let mapping = OmniqMapping::default();
        assert_eq!(mapping.field("first_content_after"), Some("createdAt"));
        assert_eq!(mapping.field("first_content_before"), Some("createdAt"));
        assert_eq!(mapping.field("last_content_after"), None);
    }

    #[test]
    fn loaded_entries_add_to_the_default_and_win() {
        let mapping = OmniqMapping::from_json(
            r#"{"Assigned_To": "agent", "first_content_after": "botStartedAt"}"#,
            &Catalog::ringcx(),
        );
        let mapping = mapping.unwrap_or_default();
        assert_eq!(mapping.field("assigned_to"), Some("agent"));
        assert_eq!(mapping.field("first_content_after"), Some("botStartedAt"));
        assert_eq!(mapping.field("first_content_before"), Some("createdAt"));
    }

    #[test]
    fn bad_mappings_say_why() {
        let error = |json: &str| OmniqMapping::from_json(json, &Catalog::ringcx()).err().map(|e| e.to_string());
        assert_eq!(
            error(r#"{"asigned_to": "x"}"#).as_deref(),
            Some("`asigned_to` is not a keyword of the catalogue; did you mean `assigned_to`?")
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
        let mapping = OmniqMapping::from_json(r#"{"assigned_to": "agent"}"#, &Catalog::ringcx()).unwrap_or_default();
        let json = serde_json::to_string(&mapping).unwrap_or_default();
        assert_eq!(serde_json::from_str::<OmniqMapping>(&json).ok(), Some(mapping));
    }

    #[test]
    fn field_paths_have_no_empty_segment() {
        assert!(is_field_path("workflow.attrs.contact.email"));
        assert!(!is_field_path(""));
        assert!(!is_field_path("workflow."));
        assert!(!is_field_path("a..b"));
        assert!(!is_field_path(".a") && !is_field_path("."));
        assert!(is_field_path("a.b") && is_field_path("a"));
    }
}
