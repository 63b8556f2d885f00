//! The keyword catalogue: which keywords exist, what values they take, and
//! what `-` and repetition mean for each.
//!
//! The catalogue is data, not code: [`Catalog::ringcx`] is the table of the
//! RingCX Digital documentation (`GET /1.0/content_threads`), and a caller
//! can extend or replace it for other endpoints or new keywords. The built-in
//! table is `'static` and borrowed, so making a catalogue costs nothing until
//! it is changed.
//!
//! ```
//! use ringq::catalog::{Catalog, KeywordSpec, Negation, Repeat, ValueType};
//!
//! let mut catalog = Catalog::ringcx();
//! catalog.insert(KeywordSpec::new("priority", ValueType::Words)
//!     .negation(Negation::Supported)
//!     .repeat(Repeat::AnyOf));
//! assert!(catalog.get("PRIORITY").is_some());
//! assert_eq!(catalog.get("status_in").map(|k| k.value), Some(ValueType::Status));
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The type of value a keyword takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValueType {
    /// `true 1 on yes` / `false 0 off no`, any case.
    Bool,
    /// A boolean documented with the single value `true`: `false` (or `-`)
    /// is accepted with a warning, since the server may ignore it.
    Flag,
    /// A user id.
    UserId,
    /// A team id.
    TeamId,
    /// A category id.
    CategoryId,
    /// Any other id (source, identity, foreign id, …).
    Id,
    /// An absolute or human-readable date.
    Date,
    /// A thread status name, one of [`Catalog::statuses`].
    Status,
    /// A language code such as `en` or `pt-BR`.
    Language,
    /// Free text.
    Words,
    /// `FIELD.DIRECTION` for sorting.
    Order,
}

impl ValueType {
    /// A short name for messages: "a boolean", "a user id", ….
    pub fn describe(self) -> &'static str {
        match self {
            ValueType::Bool | ValueType::Flag => "a boolean",
            ValueType::UserId => "a user id",
            ValueType::TeamId => "a team id",
            ValueType::CategoryId => "a category id",
            ValueType::Id => "an id",
            ValueType::Date => "a date",
            ValueType::Status => "a status name",
            ValueType::Language => "a language code",
            ValueType::Words => "words",
            ValueType::Order => "a sort order",
        }
    }

    /// Whether values of this type are booleans.
    pub fn is_boolean(self) -> bool {
        matches!(self, ValueType::Bool | ValueType::Flag)
    }
}

/// What the documentation says about `-keyword:value`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Negation {
    /// "Negation is supported."
    Supported,
    /// "Negation is not supported": `-` is an error.
    NotSupported,
    /// The documentation does not say: `-` is accepted with a warning
    /// (booleans are exempt: `-kw:true` is `kw:false` by the general rule).
    NotStated,
}

/// What writing a keyword several times means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    /// Every term must match (the general rule for repeated keywords).
    AllOf,
    /// The values are alternatives: a thread matching any of them matches.
    AnyOf,
}

/// One keyword of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeywordSpec {
    /// The keyword, lowercase.
    pub name: Cow<'static, str>,
    /// The type of its value.
    pub value: ValueType,
    /// What `-` means for it.
    pub negation: Negation,
    /// What repeating it means.
    pub repeat: Repeat,
    /// One line from the documentation, for help and suggestions.
    pub summary: Cow<'static, str>,
}

impl KeywordSpec {
    /// A keyword taking `value`, with negation not stated, repetition
    /// meaning "all of", and no summary. The name is lowercased.
    pub fn new(name: impl Into<Cow<'static, str>>, value: ValueType) -> Self {
        let name = name.into();
        let name = if name.chars().any(char::is_uppercase) { Cow::Owned(name.to_lowercase()) } else { name };
        KeywordSpec { name, value, negation: Negation::NotStated, repeat: Repeat::AllOf, summary: Cow::Borrowed("") }
    }

    /// The same keyword with this negation rule.
    pub fn negation(mut self, negation: Negation) -> Self {
        self.negation = negation;
        self
    }

    /// The same keyword with this repetition rule.
    pub fn repeat(mut self, repeat: Repeat) -> Self {
        self.repeat = repeat;
        self
    }

    /// The same keyword with this summary.
    pub fn summary(mut self, summary: impl Into<Cow<'static, str>>) -> Self {
        self.summary = summary.into();
        self
    }
}

/// The keywords a query may use, and the accepted status names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    /// Sorted by name, names unique and lowercase.
    keywords: Cow<'static, [KeywordSpec]>,
    /// Where each keyword is, by the hash of its name (see [`KeywordIndex`]).
    index: KeywordIndex,
    statuses: Cow<'static, [Cow<'static, str>]>,
}

/// An open-addressing hash index over the keyword table: a lookup costs one
/// hash of the name and, usually, one comparison, where a binary search
/// costs six. The index of the built-in catalogue is computed at compile
/// time; a changed catalogue rebuilds its own (there are a few dozen
/// keywords, so that is cheap).
#[derive(Clone, Debug)]
struct KeywordIndex {
    /// A power of two at least twice the number of keywords; `EMPTY` marks a
    /// free slot.
    slots: Cow<'static, [u16]>,
}

/// The index is a function of the keywords: two catalogues are equal when
/// their keywords and statuses are.
impl PartialEq for KeywordIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for KeywordIndex {}

const EMPTY: u16 = u16::MAX;

/// A hash of the length and four ASCII-lowercased bytes of a name (first,
/// middle and last two): enough to tell a few hundred keywords apart, and
/// four times cheaper than hashing every byte. Names are matched ignoring
/// case; a collision only costs a comparison.
const fn name_hash(bytes: &[u8]) -> u32 {
    let len = bytes.len();
    if len == 0 {
        return 0;
    }
    // Every index is below `len`, which is not zero.
    let mixed = (len as u32)
        ^ ((bytes[0].to_ascii_lowercase() as u32) << 8)
        ^ ((bytes[len / 2].to_ascii_lowercase() as u32) << 16)
        ^ ((bytes[len - 1].to_ascii_lowercase() as u32) << 24)
        ^ ((bytes[len.saturating_sub(2)].to_ascii_lowercase() as u32) << 4);
    // Fibonacci hashing: the multiplication spreads the bits to the top,
    // which the shift keeps.
    mixed.wrapping_mul(0x9E37_79B9) >> 16
}

/// The index of the built-in table, computed by the compiler.
const fn builtin_index<const N: usize>(keywords: &[KeywordSpec]) -> [u16; N] {
    let mut slots = [EMPTY; N];
    let mut k = 0;
    while k < keywords.len() {
        let name = match &keywords[k].name {
            Cow::Borrowed(name) => name.as_bytes(),
            Cow::Owned(_) => panic!("the built-in catalogue borrows its names"),
        };
        let mut slot = name_hash(name) as usize & (N - 1);
        while slots[slot] != EMPTY {
            slot = (slot + 1) & (N - 1);
        }
        slots[slot] = k as u16;
        k += 1;
    }
    slots
}

const RINGCX_INDEX: [u16; 128] = builtin_index::<128>(RINGCX);

impl KeywordIndex {
    fn build(keywords: &[KeywordSpec]) -> Self {
        let size = (keywords.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![EMPTY; size];
        for (k, spec) in keywords.iter().enumerate() {
            let mut slot = name_hash(spec.name.as_bytes()) as usize & (size - 1);
            while slots.get(slot).is_some_and(|s| *s != EMPTY) {
                slot = (slot + 1) & (size - 1);
            }
            if let (Some(free), Ok(k)) = (slots.get_mut(slot), u16::try_from(k)) {
                *free = k;
            }
        }
        KeywordIndex { slots: Cow::Owned(slots) }
    }

    /// The position of `name` (ASCII case ignored) in `keywords`.
    fn find(&self, keywords: &[KeywordSpec], name: &str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = name_hash(name.as_bytes()) as usize & mask;
        // At most every slot once; the table is never full.
        for _ in 0..self.slots.len() {
            let k = *self.slots.get(slot)?;
            if k == EMPTY {
                return None;
            }
            let k = usize::from(k);
            if keywords.get(k).is_some_and(|spec| spec.name == name || spec.name.eq_ignore_ascii_case(name)) {
                return Some(k);
            }
            slot = (slot + 1) & mask;
        }
        None
    }
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog::ringcx()
    }
}

impl Catalog {
    /// The keywords of `GET /1.0/content_threads`, as documented, plus `order`.
    pub fn ringcx() -> Self {
        Catalog {
            keywords: Cow::Borrowed(RINGCX),
            index: KeywordIndex { slots: Cow::Borrowed(&RINGCX_INDEX) },
            statuses: Cow::Borrowed(STATUSES),
        }
    }

    /// A catalogue with no keywords and no statuses, to fill from scratch.
    pub fn empty() -> Self {
        Catalog {
            keywords: Cow::Borrowed(&[]),
            index: KeywordIndex { slots: Cow::Borrowed(&[EMPTY; 8]) },
            statuses: Cow::Borrowed(&[]),
        }
    }

    /// The keyword named `name`, in any case.
    pub fn get(&self, name: &str) -> Option<&KeywordSpec> {
        // ASCII case is ignored by the index itself; other upper case only
        // matters for names that are not found as written.
        let found = self.index.find(&self.keywords, name).or_else(|| {
            let other_case = name.bytes().any(|b| !b.is_ascii()) && name.chars().any(char::is_uppercase);
            other_case.then(|| self.index.find(&self.keywords, &name.to_lowercase())).flatten()
        });
        found.and_then(|i| self.keywords.get(i))
    }

    /// Adds a keyword, replacing any keyword of the same name (any case).
    pub fn insert(&mut self, mut spec: KeywordSpec) {
        if spec.name.chars().any(char::is_uppercase) {
            spec.name = Cow::Owned(spec.name.to_lowercase());
        }
        match self.position(&spec.name) {
            Ok(i) => {
                if let Some(slot) = self.keywords.to_mut().get_mut(i) {
                    *slot = spec;
                }
            }
            Err(i) => self.keywords.to_mut().insert(i, spec),
        }
        self.index = KeywordIndex::build(&self.keywords);
    }

    /// Removes the keyword named `name` (any case) and returns it.
    pub fn remove(&mut self, name: &str) -> Option<KeywordSpec> {
        let i = self.position(name).ok()?;
        let removed = self.keywords.to_mut().remove(i);
        self.index = KeywordIndex::build(&self.keywords);
        Some(removed)
    }

    /// Every keyword, sorted by name.
    pub fn keywords(&self) -> &[KeywordSpec] {
        &self.keywords
    }

    /// The accepted status names (lowercase).
    pub fn statuses(&self) -> impl Iterator<Item = &str> {
        self.statuses.iter().map(|s| s.as_ref())
    }

    /// Whether `name` (any case) is an accepted status.
    pub fn is_status(&self, name: &str) -> bool {
        self.statuses.iter().any(|s| s.eq_ignore_ascii_case(name))
    }

    /// Replaces the accepted status names.
    pub fn set_statuses<S: Into<Cow<'static, str>>>(&mut self, statuses: impl IntoIterator<Item = S>) {
        let statuses: Vec<Cow<'static, str>> =
            statuses.into_iter().map(|s| Cow::Owned(s.into().to_lowercase())).collect();
        self.statuses = Cow::Owned(statuses);
    }

    /// Up to three keywords close to `name`, nearest first, for "did you
    /// mean" hints.
    pub fn suggest_keywords(&self, name: &str) -> Vec<&str> {
        nearest(name, self.keywords.iter().map(|k| k.name.as_ref()))
    }

    /// Up to three statuses close to `name`, nearest first.
    pub fn suggest_statuses(&self, name: &str) -> Vec<&str> {
        nearest(name, self.statuses())
    }

    /// Binary search by name, ignoring case. Names in the catalogue are
    /// lowercase (`insert` sees to it), so a lowercase name, the usual case,
    /// is looked up as it is.
    fn position(&self, name: &str) -> Result<usize, usize> {
        // Keywords are short: an inlined byte comparison beats a call to
        // `memcmp` at every step of the search.
        let search = |name: &str| self.keywords.binary_search_by(|k| k.name.bytes().cmp(name.bytes()));
        if name.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) && name.chars().any(char::is_uppercase) {
            search(&name.to_lowercase())
        } else {
            search(name)
        }
    }
}

/// The candidates within a small edit distance of `word`, nearest first.
/// Names longer than any keyword plausibly is are not compared, which keeps
/// a 1 MB keyword from costing a quadratic distance computation.
pub fn nearest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Vec<&'c str> {
    const LONGEST: usize = 64;
    let word = word.to_lowercase();
    let len = word.chars().count();
    if len == 0 || len > LONGEST {
        return Vec::new();
    }
    let limit = (len / 3).clamp(1, 3);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let distance = edit_distance(&word, c);
            let prefix = c.starts_with(word.as_str()) || word.starts_with(c);
            (distance <= limit || (prefix && len >= 4)).then_some((distance, c))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// Optimal string alignment distance (Levenshtein with transpositions).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for j in 0..=b.len() {
        rows[at(0, j)] = j;
    }
    for i in 1..=a.len() {
        rows[at(i, 0)] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[at(i - 1, j)] + 1).min(rows[at(i, j - 1)] + 1).min(rows[at(i - 1, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[at(i - 2, j - 2)] + 1);
            }
            rows[at(i, j)] = best;
        }
    }
    rows[at(a.len(), b.len())]
}

/// The statuses accepted by `status_in`, as documented.
const STATUSES: &[Cow<'static, str>] = &[
    Cow::Borrowed("new"),
    Cow::Borrowed("assigned"),
    Cow::Borrowed("forwarded"),
    Cow::Borrowed("replied"),
    Cow::Borrowed("user_reply"),
    Cow::Borrowed("user_initiated"),
    Cow::Borrowed("ignored"),
];

/// One row of the documented table, in a form that can be `const`.
const fn spec(
    name: &'static str,
    value: ValueType,
    negation: Negation,
    repeat: Repeat,
    summary: &'static str,
) -> KeywordSpec {
    KeywordSpec { name: Cow::Borrowed(name), value, negation, repeat, summary: Cow::Borrowed(summary) }
}

use Negation::{NotStated, NotSupported, Supported};
use Repeat::{AllOf, AnyOf};
use ValueType::{Bool, CategoryId, Date, Flag, Id, Language, Order, Status, TeamId, UserId, Words};

/// The documented keywords, sorted by name (a test checks the order).
#[rustfmt::skip]
const RINGCX: &[KeywordSpec] = &[
    spec("active_and_assigned", Bool, NotStated, AllOf, "Restrict on assigned and active threads."),
    spec("active_and_assigned_to", UserId, NotStated, AllOf, "Restrict on threads active and assigned to specific user id."),
    spec("active_and_assigned_to_disabled_agents", Flag, NotStated, AllOf, "Restrict on threads active and assigned to disabled agents."),
    spec("active_and_assigned_to_me", Bool, NotStated, AllOf, "Restrict on threads active and assigned to you."),
    spec("active_and_assigned_to_team", TeamId, Supported, AllOf, "Restrict on threads active and assigned to given team id."),
    spec("approval_required", Bool, NotStated, AllOf, "Restrict on threads that include contents that require approval."),
    spec("assigned", Bool, NotStated, AllOf, "Restrict on assigned (and not assigned) threads."),
    spec("assigned_to", UserId, NotStated, AllOf, "Restrict on threads assigned to specified user id."),
    spec("assigned_to_me", Bool, NotStated, AllOf, "Restrict on threads assigned to you (and not assigned to you)."),
    spec("assigned_to_team", TeamId, Supported, AllOf, "Restrict on threads assigned to given team id."),
    spec("categorized", Bool, NotStated, AllOf, "Restrict on threads with at least one category or no category."),
    spec("categorized_in", CategoryId, NotStated, AnyOf, "Restrict on category id; many categories match at least one."),
    spec("categorized_in_mine", Bool, NotStated, AllOf, "Restrict on your categories."),
    spec("categorized_in_mine_of", CategoryId, NotSupported, AllOf, "Restrict on your categories within the given category id."),
    spec("first_content_after", Date, NotSupported, AllOf, "Restrict threads whose first content is created after the date."),
    spec("first_content_before", Date, NotSupported, AllOf, "Restrict threads whose first content is created before the date."),
    spec("foreign", Id, NotSupported, AllOf, "Restrict threads with the given foreign_id."),
    spec("forwarded_into", CategoryId, Supported, AllOf, "Restrict threads with contents forwarded into the category id."),
    spec("forwarded_into_mine", Bool, NotStated, AllOf, "Restrict threads with contents forwarded into your categories."),
    spec("forwarded_into_mine_of", CategoryId, NotSupported, AllOf, "Restrict threads forwarded into your categories within the category id."),
    spec("identity", Id, NotSupported, AnyOf, "Restrict on threads with a message from the identity id."),
    spec("identity_group", Id, NotSupported, AnyOf, "Restrict on threads with a message from the identity group id."),
    spec("language", Language, NotStated, AllOf, "Restrict threads by content language."),
    spec("last_content_after", Date, NotSupported, AllOf, "Restrict threads whose last content is created after the date."),
    spec("last_content_before", Date, NotSupported, AllOf, "Restrict threads whose last content is created before the date."),
    spec("needs_manual_categorization", Flag, NotStated, AllOf, "Restrict threads with a content that needs manual categorization."),
    spec("not_categorized_in", CategoryId, NotStated, AllOf, "Restrict threads that do not contain the category id."),
    spec("not_published", Bool, NotStated, AllOf, "Restrict on threads with contents that are not published."),
    spec("opened_and_assigned", Bool, NotStated, AllOf, "Restrict on threads under open interventions."),
    spec("opened_and_assigned_to", UserId, NotStated, AllOf, "Restrict on threads under open intervention assigned to the user id."),
    spec("opened_and_assigned_to_disabled_agents", Flag, NotStated, AllOf, "Restrict on threads under open interventions assigned to disabled agents."),
    spec("opened_and_assigned_to_me", Bool, NotStated, AllOf, "Restrict on threads under your open interventions."),
    spec("opened_and_assigned_to_team", TeamId, Supported, AllOf, "Restrict on threads under open interventions of the team id."),
    spec("order", Order, NotSupported, AllOf, "Sort by created_at or last_content_at, asc or desc."),
    spec("scheduled", Bool, NotStated, AllOf, "Restrict on threads with a content scheduled for publication."),
    spec("source", Id, Supported, AnyOf, "Restrict on threads whose source has the given id."),
    spec("status_in", Status, Supported, AnyOf, "Restrict on threads with at least one of the statuses."),
    spec("text", Words, NotSupported, AllOf, "Restrict on threads matching the text (ignore case); the default keyword."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_is_sorted_and_lowercase() {
        let names: Vec<&str> = RINGCX.iter().map(|k| k.name.as_ref()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
        assert!(names.iter().all(|n| n.chars().all(|c| !c.is_uppercase())));
    }

    #[test]
    fn builtin_table_has_every_documented_keyword() {
        assert_eq!(RINGCX.len(), 38);
        let catalog = Catalog::ringcx();
        for name in ["assigned_to_me", "status_in", "text", "order", "identity_group", "not_categorized_in"] {
            assert!(catalog.get(name).is_some(), "{name}");
        }
    }

    #[test]
    fn lookup_ignores_case() {
        let catalog = Catalog::ringcx();
        assert_eq!(catalog.get("Assigned_To_ME").map(|k| k.name.as_ref()), Some("assigned_to_me"));
        assert!(catalog.get("assigned_to_m").is_none());
    }

    #[test]
    fn insert_replaces_and_remove_removes() {
        let mut catalog = Catalog::ringcx();
        catalog.insert(KeywordSpec::new("Text", Words).negation(Supported));
        assert_eq!(catalog.get("text").map(|k| k.negation), Some(Supported));
        assert_eq!(catalog.keywords().len(), RINGCX.len());
        catalog.insert(KeywordSpec::new("zz_new", Id));
        catalog.insert(KeywordSpec::new("aa_new", Id));
        assert_eq!(catalog.keywords().first().map(|k| k.name.as_ref()), Some("aa_new"));
        assert!(catalog.remove("ZZ_NEW").is_some());
        assert!(catalog.get("zz_new").is_none());
    }

    #[test]
    fn suggestions_are_nearest_first() {
        let catalog = Catalog::ringcx();
        assert_eq!(catalog.suggest_keywords("asigned_to").first(), Some(&"assigned_to"));
        assert_eq!(catalog.suggest_keywords("status").first(), Some(&"status_in"));
        assert_eq!(catalog.suggest_statuses("repled"), vec!["replied"]);
        assert!(catalog.suggest_keywords("zzzzzzzzzz").is_empty());
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        assert_eq!(edit_distance("abc", "acb"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn the_index_finds_every_keyword_after_changes() {
        let mut catalog = Catalog::ringcx();
        for spec in RINGCX {
            assert_eq!(catalog.get(&spec.name.to_uppercase()).map(|k| k.name.as_ref()), Some(spec.name.as_ref()));
        }
        for i in 0..300 {
            catalog.insert(KeywordSpec::new(format!("Field_{i}"), ValueType::Words));
        }
        assert!(catalog.remove("assigned_to_me").is_some());
        assert!(catalog.get("assigned_to_me").is_none());
        assert_eq!(catalog.get("FIELD_299").map(|k| k.name.as_ref()), Some("field_299"));
        assert_eq!(catalog.get("status_in").map(|k| k.name.as_ref()), Some("status_in"));
        assert!(catalog.get("field_300").is_none());
        catalog.insert(KeywordSpec::new("Café", ValueType::Words));
        assert_eq!(catalog.get("CAFÉ").map(|k| k.name.as_ref()), Some("café"));
        assert_eq!(catalog.get("cafÉ").map(|k| k.name.as_ref()), Some("café"));
        assert_eq!(catalog, catalog.clone());
    }
}
