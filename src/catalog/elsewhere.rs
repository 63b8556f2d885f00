//! Names that belong to the APIs around the `q` language, not to it: the
//! fields of OmniQ's documents (its response schema, in the seed), OmniQ's
//! own keywords, and the parameters of both requests. A `q` string that
//! uses one as a keyword gets a hint naming what it is and which command
//! takes it; an OmniQ query that names a near miss of a document field
//! gets a did-you-mean.

use std::borrow::Cow;

/// The fields of an OmniQ `getmydata` document, as its response schema
/// lists them (nested objects as dotted paths).
pub(crate) const OMNIQ_DOCUMENT_FIELDS: &[Cow<'static, str>] = &[
    Cow::Borrowed("_id"),
    Cow::Borrowed("botModule"),
    Cow::Borrowed("campaign"),
    Cow::Borrowed("client"),
    Cow::Borrowed("createdAt"),
    Cow::Borrowed("instance"),
    Cow::Borrowed("platform"),
    Cow::Borrowed("scid"),
    Cow::Borrowed("step"),
    Cow::Borrowed("isNewClient"),
    Cow::Borrowed("workflow.attrs.clientFromTemplate"),
    Cow::Borrowed("workflow.attrs.templateId"),
    Cow::Borrowed("workflow.attrs.contact.number1"),
    Cow::Borrowed("workflow.attrs.contact.email"),
    Cow::Borrowed("workflow.attrs.contact.firstName"),
    Cow::Borrowed("workflow.attrs.contact.question"),
    Cow::Borrowed("agentTotalTime"),
    Cow::Borrowed("botStartedAt"),
    Cow::Borrowed("botTotalTime"),
    Cow::Borrowed("poolTotalTime"),
    Cow::Borrowed("bot"),
    Cow::Borrowed("tenantIdKey"),
    Cow::Borrowed("updatedAt"),
    Cow::Borrowed("tenantId"),
    Cow::Borrowed("__v"),
];

/// How a field of OmniQ's documents is typed, as its schema says: what
/// the compiler writes for a value, and what a value must look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldType {
    /// A string.
    Text,
    /// The date the documentation filters on (`createdAt`): an instant or
    /// a range.
    Date,
    /// A JSON boolean.
    Bool,
    /// A JSON number, or `null` where the schema allows it.
    Number { nullable: bool },
}

/// The fields of [`OMNIQ_DOCUMENT_FIELDS`] that are not strings.
const FIELD_TYPES: &[(&str, FieldType)] = &[
    ("createdAt", FieldType::Date),
    ("isNewClient", FieldType::Bool),
    ("workflow.attrs.clientFromTemplate", FieldType::Bool),
    ("agentTotalTime", FieldType::Number { nullable: true }),
    ("botTotalTime", FieldType::Number { nullable: true }),
    ("poolTotalTime", FieldType::Number { nullable: true }),
    ("__v", FieldType::Number { nullable: false }),
];

/// The type of the document field `field` (exact name); a string for a
/// field the schema does not list.
pub(crate) fn field_type(field: &str) -> FieldType {
    FIELD_TYPES.iter().find(|(name, _)| *name == field).map_or(FieldType::Text, |&(_, t)| t)
}

/// What a name from outside the `q` language is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Elsewhere {
    /// A keyword of ringq's OmniQ queries, with the RingCX keyword that
    /// says the same of a thread (`created_after`: `first_content_after`).
    OmniqKeyword { ringcx: &'static str },
    /// A field of OmniQ's documents.
    OmniqField(&'static str),
    /// A parameter of the RingCX request, and how the command sets it.
    RingcxParameter { how: &'static str },
    /// A key of the OmniQ request body, and how the command sets it.
    OmniqParameter { how: &'static str },
}

const RINGCX_PARAMETERS: &[(&str, &str)] = &[
    ("offset", "`ringq fetch ringcx` pages through every record by itself"),
    ("limit", "`ringq fetch ringcx --limit N` sets the page size (1 to 150)"),
    ("q", "the query itself is the `q` parameter"),
];

const OMNIQ_PARAMETERS: &[(&str, &str)] = &[
    ("index", "`ringq omniq --index NAME` sets it"),
    ("filterBy", "`ringq omniq` writes it from the query's terms"),
    ("from", "`ringq omniq --from N` sets it, and `ringq fetch omniq` pages by itself"),
    ("size", "`ringq omniq --size N` sets it, and `ringq fetch omniq` pages by itself"),
];

const OMNIQ_KEYWORDS: &[(&str, &str)] =
    &[("created_after", "first_content_after"), ("created_before", "first_content_before")];

/// What `name` is outside the `q` language, if it is anything there. Exact
/// names first; a document field also in another case (`createdat`).
pub(crate) fn elsewhere(name: &str) -> Option<Elsewhere> {
    let find = |table: &'static [(&'static str, &'static str)]| {
        table.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|&(_, what)| what)
    };
    if let Some(ringcx) = find(OMNIQ_KEYWORDS) {
        return Some(Elsewhere::OmniqKeyword { ringcx });
    }
    if let Some(Cow::Borrowed(field)) = OMNIQ_DOCUMENT_FIELDS.iter().find(|f| f.eq_ignore_ascii_case(name)) {
        return Some(Elsewhere::OmniqField(field));
    }
    if let Some(how) = find(RINGCX_PARAMETERS) {
        return Some(Elsewhere::RingcxParameter { how });
    }
    find(OMNIQ_PARAMETERS).map(|how| Elsewhere::OmniqParameter { how })
}

impl Elsewhere {
    /// The hint for `name` used as a keyword of a RingCX `q` string.
    pub(crate) fn hint(self, name: &str) -> String {
        match self {
            Elsewhere::OmniqKeyword { ringcx } => {
                format!("`{name}` is a keyword of OmniQ queries (`ringq omniq` takes it); RingCX's is `{ringcx}`")
            }
            Elsewhere::OmniqField(field) => format!(
                "`{field}` is a field of OmniQ documents, not a RingCX keyword: `ringq omniq --index INDEX` takes it"
            ),
            Elsewhere::RingcxParameter { how } => {
                format!("`{name}` is a parameter of the RingCX request, not a keyword of its `q`: {how}")
            }
            Elsewhere::OmniqParameter { how } => {
                format!("`{name}` is a key of the OmniQ request body, not a keyword: {how}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_name_is_found_and_the_rest_is_not() {
        assert_eq!(elsewhere("created_after"), Some(Elsewhere::OmniqKeyword { ringcx: "first_content_after" }));
        assert_eq!(elsewhere("createdat"), Some(Elsewhere::OmniqField("createdAt")));
        assert!(matches!(elsewhere("limit"), Some(Elsewhere::RingcxParameter { .. })));
        assert!(matches!(elsewhere("size"), Some(Elsewhere::OmniqParameter { .. })));
        assert_eq!(elsewhere("priority"), None);
    }

    #[test]
    fn document_fields_are_paths_of_names_and_every_typed_one_is_listed() {
        for field in OMNIQ_DOCUMENT_FIELDS {
            assert!(field.split('.').all(|part| !part.is_empty()), "{field}");
        }
        for (field, _) in FIELD_TYPES {
            assert!(OMNIQ_DOCUMENT_FIELDS.iter().any(|f| f == field), "{field}");
        }
    }
}
