//! The keyword catalogue: which keywords exist, what values they take, and
//! what `-` and repetition mean for each. See [`Catalog`].

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::suggest::{nearest, nearest_name, sorted, Key, Shape, Shapes};

mod elsewhere;

pub(crate) use elsewhere::{elsewhere, field_type, Elsewhere, FieldType, OMNIQ_DOCUMENT_FIELDS};

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
    /// For a date keyword that bounds a range (`first_content_after`), the
    /// range and which end; `None` for a date matched exactly and for
    /// other types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<DateBound>,
}

/// Which end of a range of instants a date keyword gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundSide {
    /// At or after the date's start (`first_content_after`).
    Lower,
    /// Before the date's start (`first_content_before`).
    Upper,
}

/// A date keyword as one end of a range: the keywords whose bounds share a
/// `range` narrow each other, and a lower bound after an upper one leaves
/// no instant.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateBound {
    /// What is bounded (`first_content`; OmniQ's own keywords name the
    /// document field, `createdAt`).
    pub range: Cow<'static, str>,
    /// Which end.
    pub side: BoundSide,
}

impl DateBound {
    /// The lower end of `range`.
    pub const fn lower(range: &'static str) -> Self {
        DateBound { range: Cow::Borrowed(range), side: BoundSide::Lower }
    }

    /// The upper end of `range`.
    pub const fn upper(range: &'static str) -> Self {
        DateBound { range: Cow::Borrowed(range), side: BoundSide::Upper }
    }
}

impl KeywordSpec {
    /// A keyword taking `value`, with negation not stated, repetition
    /// meaning "all of", and no summary. The name is lowercased.
    pub fn new(name: impl Into<Cow<'static, str>>, value: ValueType) -> Self {
        let name = name.into();
        let name = if name.chars().any(char::is_uppercase) { Cow::Owned(name.to_lowercase()) } else { name };
        KeywordSpec {
            name,
            value,
            negation: Negation::NotStated,
            repeat: Repeat::AllOf,
            summary: Cow::Borrowed(""),
            bound: None,
        }
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

    /// The same keyword as one end of a range (for date keywords).
    pub fn bound(mut self, bound: DateBound) -> Self {
        self.bound = Some(bound);
        self
    }
}

/// The keywords a query may use, and the accepted status names.
///
/// The catalogue is data, not code: [`Catalog::ringcx`] is the table of the
/// RingCX Digital documentation (`GET /1.0/content_threads`), and a caller
/// can extend or replace it for other endpoints or new keywords. The built-in
/// table is `'static` and borrowed, so making a catalogue costs nothing until
/// it is changed.
///
/// ```
/// use ringq::{Catalog, KeywordSpec, Negation, Repeat, ValueType};
///
/// let mut catalog = Catalog::ringcx();
/// catalog.insert(KeywordSpec::new("priority", ValueType::Words)
///     .negation(Negation::Supported)
///     .repeat(Repeat::AnyOf));
/// assert!(catalog.get("PRIORITY").is_some());
/// assert_eq!(catalog.get("status_in").map(|k| k.value), Some(ValueType::Status));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    /// Names unique and lowercase; the built-in table's order, then
    /// inserted keywords in the order inserted.
    keywords: Cow<'static, [KeywordSpec]>,
    /// Where each keyword is, by the hash of its name (see [`KeywordIndex`]).
    index: KeywordIndex,
    statuses: Cow<'static, [Cow<'static, str>]>,
    /// The documented fields of the documents a lenient keyword names
    /// (OmniQ's response schema); none for RingCX, whose keywords are all
    /// in the table.
    fields: Cow<'static, [Cow<'static, str>]>,
}

/// An open-addressing hash index over the keyword table: a lookup costs one
/// hash of the name and, usually, one comparison, where a binary search
/// costs six. The index of the built-in catalogue is computed at compile
/// time; a changed catalogue rebuilds its own (there are a few dozen
/// keywords, so that is cheap).
#[derive(Clone, Debug)]
struct KeywordIndex {
    /// A power of two at least twice the number of keywords; `EMPTY` marks a
    /// free slot. A slot holds a keyword's position in its low 16 bits and
    /// its name's hash in the high 16, so that a probe rules a name out
    /// without reading it.
    slots: Cow<'static, [u32]>,
    /// The shapes of the keywords' names, for "did you mean" (see
    /// [`Shapes`]).
    shapes: Shapes,
}

/// The index is a function of the keywords: two catalogues are equal when
/// their keywords and statuses are.
impl PartialEq for KeywordIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for KeywordIndex {}

const EMPTY: u32 = u32::MAX;

/// A slot of the index: the keyword at position `k`, whose name hashes to `hash`.
const fn slot_of(hash: u32, k: usize) -> u32 {
    (hash << 16) | (k as u32 & 0xFFFF)
}

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
const fn builtin_index<const N: usize>(keywords: &[KeywordSpec]) -> [u32; N] {
    let mut slots = [EMPTY; N];
    let mut k = 0;
    while k < keywords.len() {
        let name = match &keywords[k].name {
            Cow::Borrowed(name) => name.as_bytes(),
            Cow::Owned(_) => panic!("the built-in catalogue borrows its names"),
        };
        let hash = name_hash(name);
        let mut slot = hash as usize & (N - 1);
        while slots[slot] != EMPTY {
            slot = (slot + 1) & (N - 1);
        }
        slots[slot] = slot_of(hash, k);
        k += 1;
    }
    slots
}

const RINGCX_INDEX: [u32; 128] = builtin_index::<128>(RINGCX);

/// The shapes of the built-in table's names, computed by the compiler.
const fn builtin_shapes<const N: usize>(keywords: &[KeywordSpec]) -> [Shape; N] {
    let mut shapes = [Shape::of(""); N];
    let mut k = 0;
    while k < keywords.len() && k < N {
        shapes[k] = match &keywords[k].name {
            Cow::Borrowed(name) => Shape::of(name),
            Cow::Owned(_) => panic!("the built-in catalogue borrows its names"),
        };
        k += 1;
    }
    shapes
}

const RINGCX_SHAPES: [Shape; RINGCX.len()] = builtin_shapes::<{ RINGCX.len() }>(RINGCX);
const LENGTHS: usize = Key::Length.values() + 1;
const FIRSTS: usize = Key::First.values() + 1;
const RINGCX_BY_LENGTH: ([u16; RINGCX.len()], [u16; LENGTHS]) = sorted(&RINGCX_SHAPES, Key::Length);
const RINGCX_BY_FIRST: ([u16; RINGCX.len()], [u16; FIRSTS]) = sorted(&RINGCX_SHAPES, Key::First);

impl KeywordIndex {
    fn build(keywords: &[KeywordSpec]) -> Self {
        let size = (keywords.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![EMPTY; size];
        // Positions are 16 bits: a catalogue of more keywords indexes the first 65,535.
        for (k, spec) in keywords.iter().enumerate().take(usize::from(u16::MAX)) {
            let hash = name_hash(spec.name.as_bytes());
            let mut slot = hash as usize & (size - 1);
            while slots.get(slot).is_some_and(|s| *s != EMPTY) {
                slot = (slot + 1) & (size - 1);
            }
            if let Some(free) = slots.get_mut(slot) {
                *free = slot_of(hash, k);
            }
        }
        let shapes = Shapes::new(keywords.iter().map(|spec| spec.name.as_ref()));
        KeywordIndex { slots: Cow::Owned(slots), shapes }
    }

    /// The position of `name` (ASCII case ignored) in `keywords`.
    fn find(&self, keywords: &[KeywordSpec], name: &str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let hash = name_hash(name.as_bytes());
        let mut slot = hash as usize & mask;
        // At most every slot once; the table is never full.
        for _ in 0..self.slots.len() {
            let entry = *self.slots.get(slot)?;
            if entry == EMPTY {
                return None;
            }
            let k = (entry & 0xFFFF) as usize;
            if entry >> 16 == hash
                && keywords.get(k).is_some_and(|spec| spec.name == name || spec.name.eq_ignore_ascii_case(name))
            {
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
            index: KeywordIndex {
                slots: Cow::Borrowed(&RINGCX_INDEX),
                shapes: Shapes::builtin(
                    &RINGCX_SHAPES,
                    (&RINGCX_BY_LENGTH.0, &RINGCX_BY_LENGTH.1),
                    (&RINGCX_BY_FIRST.0, &RINGCX_BY_FIRST.1),
                ),
            },
            statuses: Cow::Borrowed(STATUSES),
            fields: Cow::Borrowed(&[]),
        }
    }

    /// A catalogue with no keywords and no statuses, to fill from scratch.
    pub fn empty() -> Self {
        Catalog {
            keywords: Cow::Borrowed(&[]),
            index: KeywordIndex {
                slots: Cow::Borrowed(&[EMPTY; 8]),
                shapes: Shapes::builtin(&[], (&[], &[0; LENGTHS]), (&[], &[0; FIRSTS])),
            },
            statuses: Cow::Borrowed(&[]),
            fields: Cow::Borrowed(&[]),
        }
    }

    /// The keyword named `name`, in any case.
    pub fn get(&self, name: &str) -> Option<&KeywordSpec> {
        // ASCII case is ignored by the index itself; other upper case only
        // matters for names that are not found as written.
        let found = self.index.find(&self.keywords, name).or_else(|| {
            let other_case = !name.is_ascii() && name.chars().any(char::is_uppercase);
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
            Some(i) => {
                if let Some(slot) = self.keywords.to_mut().get_mut(i) {
                    *slot = spec;
                }
            }
            None => self.keywords.to_mut().push(spec),
        }
        self.index = KeywordIndex::build(&self.keywords);
    }

    /// Removes the keyword named `name` (any case) and returns it.
    pub fn remove(&mut self, name: &str) -> Option<KeywordSpec> {
        let i = self.position(name)?;
        let removed = self.keywords.to_mut().remove(i);
        self.index = KeywordIndex::build(&self.keywords);
        Some(removed)
    }

    /// Every keyword: the built-in ones in the documentation's groups
    /// (booleans, ids, dates, the rest), then inserted ones in the order
    /// they were inserted.
    pub fn keywords(&self) -> &[KeywordSpec] {
        &self.keywords
    }

    /// The documented fields of the documents its lenient keywords name
    /// (OmniQ's, for [`Catalog::omniq`]): a keyword that is none of them
    /// but near one gets a did-you-mean. Empty for RingCX.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|s| s.as_ref())
    }

    /// The same catalogue with `fields` as its documented document fields.
    pub fn with_fields(mut self, fields: impl IntoIterator<Item = String>) -> Self {
        self.fields = Cow::Owned(fields.into_iter().map(Cow::Owned).collect());
        self
    }

    /// The same catalogue with `fields` as its document fields, unless it
    /// has some already (a caller's own win).
    pub(crate) fn or_fields(mut self, fields: &'static [Cow<'static, str>]) -> Self {
        if self.fields.is_empty() {
            self.fields = Cow::Borrowed(fields);
        }
        self
    }

    /// Whether `name` is a documented document field, exactly (OmniQ's
    /// fields are case-sensitive).
    pub(crate) fn is_field(&self, name: &str) -> bool {
        self.fields.iter().any(|f| f == name)
    }

    /// Up to three documented fields close to `name`, nearest first.
    pub(crate) fn suggest_fields(&self, name: &str) -> Vec<&str> {
        nearest_name(name, self.fields())
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

    /// The values a keyword of type `value` can take, when they are a
    /// closed list: `true`/`false` for booleans, the statuses, every sort
    /// order; empty for open types (ids, dates, words, languages). What a
    /// search box completes after `keyword:`.
    pub fn values(&self, value: ValueType) -> Vec<Cow<'_, str>> {
        match value {
            ValueType::Bool | ValueType::Flag => vec![Cow::Borrowed("true"), Cow::Borrowed("false")],
            ValueType::Status => self.statuses().map(Cow::Borrowed).collect(),
            ValueType::Order => crate::query::Order::ALL.iter().map(|order| Cow::Borrowed(order.as_str())).collect(),
            _ => Vec::new(),
        }
    }

    /// Up to three keywords close to `name`, nearest first, for "did you
    /// mean" hints.
    pub(crate) fn suggest_keywords(&self, name: &str) -> Vec<&str> {
        nearest(name, &self.index.shapes, |i| self.keywords.get(i).map_or("", |k| k.name.as_ref()))
    }

    /// Up to three statuses close to `name`, nearest first.
    pub(crate) fn suggest_statuses(&self, name: &str) -> Vec<&str> {
        nearest_name(name, self.statuses())
    }

    /// The other end of the range `spec` bounds: `first_content_before`
    /// for `first_content_after`.
    pub(crate) fn opposite_bound(&self, spec: &KeywordSpec) -> Option<&KeywordSpec> {
        let bound = spec.bound.as_ref()?;
        self.keywords
            .iter()
            .find(|other| other.bound.as_ref().is_some_and(|b| b.range == bound.range && b.side != bound.side))
    }

    /// Where the keyword named `name` (any case) is; names are few, and
    /// this is only for changing the catalogue.
    fn position(&self, name: &str) -> Option<usize> {
        let lower = name.to_lowercase();
        self.keywords.iter().position(|k| k.name == lower)
    }
}

/// The documented table, written once: it makes the catalogue's rows and,
/// for each group, an enum of its keywords with their catalogue names
/// (what [`crate::QueryBuilder`] takes, so a builder can only name a
/// keyword of the right type).
macro_rules! keyword_table {
    ($(
        $(#[$meta:meta])*
        $vis:vis enum $group:ident {
            $($variant:ident = $name:literal: $value:ident, $negation:ident, $repeat:ident, $bound:expr, $summary:literal;)*
        }
    )*) => {
        $(
            $(#[$meta])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #[non_exhaustive]
            $vis enum $group {
                $(#[doc = concat!("`", $name, "`: ", $summary)] $variant,)*
            }

            impl $group {
                /// Every keyword of the group, in catalogue order.
                #[allow(dead_code)]
                pub const ALL: &'static [$group] = &[$($group::$variant,)*];

                /// The keyword as the catalogue spells it.
                pub fn as_str(self) -> &'static str {
                    match self {
                        $($group::$variant => $name,)*
                    }
                }
            }

            impl fmt::Display for $group {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str(self.as_str())
                }
            }
        )*

        /// The documented keywords, in the table's order.
        const RINGCX: &[KeywordSpec] = &[$($(spec($name, $value, $negation, $repeat, $bound, $summary),)*)*];
    };
}

/// The statuses, written once: the catalogue's list and the [`Status`] enum.
macro_rules! status_table {
    ($($variant:ident = $name:literal,)*) => {
        /// The thread statuses `status_in` accepts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Status {
            $(#[doc = concat!("`", $name, "`")] $variant,)*
        }

        impl Status {
            /// Every status, in the documentation's order.
            pub const ALL: &'static [Status] = &[$(Status::$variant,)*];

            /// The status as `status_in` takes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Status::$variant => $name,)*
                }
            }
        }

        impl fmt::Display for Status {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// The statuses accepted by `status_in`, as documented.
        const STATUSES: &[Cow<'static, str>] = &[$(Cow::Borrowed($name),)*];
    };
}

status_table! {
    New = "new",
    Assigned = "assigned",
    Forwarded = "forwarded",
    Replied = "replied",
    UserReply = "user_reply",
    UserInitiated = "user_initiated",
    Ignored = "ignored",
}

/// One row of the documented table, in a form that can be `const`.
const fn spec(
    name: &'static str,
    value: ValueType,
    negation: Negation,
    repeat: Repeat,
    bound: Option<DateBound>,
    summary: &'static str,
) -> KeywordSpec {
    KeywordSpec { name: Cow::Borrowed(name), value, negation, repeat, summary: Cow::Borrowed(summary), bound }
}

use Negation::{NotStated, NotSupported, Supported};
use Repeat::{AllOf, AnyOf};
use ValueType::{Bool, CategoryId, Date, Flag, Id, Language, Order, Status as StatusName, TeamId, UserId, Words};

const FROM_FIRST: Option<DateBound> = Some(DateBound::lower("first_content"));
const TO_FIRST: Option<DateBound> = Some(DateBound::upper("first_content"));
const FROM_LAST: Option<DateBound> = Some(DateBound::lower("last_content"));
const TO_LAST: Option<DateBound> = Some(DateBound::upper("last_content"));

keyword_table! {
    /// The keywords that take a boolean.
    pub enum BoolKeyword {
        ActiveAndAssigned = "active_and_assigned": Bool, NotStated, AllOf, None, "Restrict on assigned and active threads.";
        ActiveAndAssignedToDisabledAgents = "active_and_assigned_to_disabled_agents": Flag, NotStated, AllOf, None, "Restrict on threads active and assigned to disabled agents.";
        ActiveAndAssignedToMe = "active_and_assigned_to_me": Bool, NotStated, AllOf, None, "Restrict on threads active and assigned to you.";
        ApprovalRequired = "approval_required": Bool, NotStated, AllOf, None, "Restrict on threads that include contents that require approval.";
        Assigned = "assigned": Bool, NotStated, AllOf, None, "Restrict on assigned (and not assigned) threads.";
        AssignedToMe = "assigned_to_me": Bool, NotStated, AllOf, None, "Restrict on threads assigned to you (and not assigned to you).";
        Categorized = "categorized": Bool, NotStated, AllOf, None, "Restrict on threads with at least one category or no category.";
        CategorizedInMine = "categorized_in_mine": Bool, NotStated, AllOf, None, "Restrict on your categories.";
        ForwardedIntoMine = "forwarded_into_mine": Bool, NotStated, AllOf, None, "Restrict threads with contents forwarded into your categories.";
        NeedsManualCategorization = "needs_manual_categorization": Flag, NotStated, AllOf, None, "Restrict threads with a content that needs manual categorization.";
        NotPublished = "not_published": Bool, NotStated, AllOf, None, "Restrict on threads with contents that are not published.";
        OpenedAndAssigned = "opened_and_assigned": Bool, NotStated, AllOf, None, "Restrict on threads under open interventions.";
        OpenedAndAssignedToDisabledAgents = "opened_and_assigned_to_disabled_agents": Flag, NotStated, AllOf, None, "Restrict on threads under open interventions assigned to disabled agents.";
        OpenedAndAssignedToMe = "opened_and_assigned_to_me": Bool, NotStated, AllOf, None, "Restrict on threads under your open interventions.";
        Scheduled = "scheduled": Bool, NotStated, AllOf, None, "Restrict on threads with a content scheduled for publication.";
    }

    /// The keywords that take an id (of a user, team, category, source,
    /// identity or foreign thread).
    pub enum IdKeyword {
        ActiveAndAssignedTo = "active_and_assigned_to": UserId, NotStated, AllOf, None, "Restrict on threads active and assigned to specific user id.";
        ActiveAndAssignedToTeam = "active_and_assigned_to_team": TeamId, Supported, AllOf, None, "Restrict on threads active and assigned to given team id.";
        AssignedTo = "assigned_to": UserId, NotStated, AllOf, None, "Restrict on threads assigned to specified user id.";
        AssignedToTeam = "assigned_to_team": TeamId, Supported, AllOf, None, "Restrict on threads assigned to given team id.";
        CategorizedIn = "categorized_in": CategoryId, NotStated, AnyOf, None, "Restrict on category id; many categories match at least one.";
        CategorizedInMineOf = "categorized_in_mine_of": CategoryId, NotSupported, AllOf, None, "Restrict on your categories within the given category id.";
        Foreign = "foreign": Id, NotSupported, AllOf, None, "Restrict threads with the given foreign_id.";
        ForwardedInto = "forwarded_into": CategoryId, Supported, AllOf, None, "Restrict threads with contents forwarded into the category id.";
        ForwardedIntoMineOf = "forwarded_into_mine_of": CategoryId, NotSupported, AllOf, None, "Restrict threads forwarded into your categories within the category id.";
        Identity = "identity": Id, NotSupported, AnyOf, None, "Restrict on threads with a message from the identity id.";
        IdentityGroup = "identity_group": Id, NotSupported, AnyOf, None, "Restrict on threads with a message from the identity group id.";
        NotCategorizedIn = "not_categorized_in": CategoryId, NotStated, AllOf, None, "Restrict threads that do not contain the category id.";
        OpenedAndAssignedTo = "opened_and_assigned_to": UserId, NotStated, AllOf, None, "Restrict on threads under open intervention assigned to the user id.";
        OpenedAndAssignedToTeam = "opened_and_assigned_to_team": TeamId, Supported, AllOf, None, "Restrict on threads under open interventions of the team id.";
        Source = "source": Id, Supported, AnyOf, None, "Restrict on threads whose source has the given id.";
    }

    /// The keywords that take a date.
    pub enum DateKeyword {
        FirstContentAfter = "first_content_after": Date, NotSupported, AllOf, FROM_FIRST, "Restrict threads whose first content is created after the date.";
        FirstContentBefore = "first_content_before": Date, NotSupported, AllOf, TO_FIRST, "Restrict threads whose first content is created before the date.";
        LastContentAfter = "last_content_after": Date, NotSupported, AllOf, FROM_LAST, "Restrict threads whose last content is created after the date.";
        LastContentBefore = "last_content_before": Date, NotSupported, AllOf, TO_LAST, "Restrict threads whose last content is created before the date.";
    }

    /// The keywords with a builder method of their own.
    pub(crate) enum OtherKeyword {
        Language = "language": Language, NotStated, AllOf, None, "Restrict threads by content language.";
        Order = "order": Order, NotSupported, AllOf, None, "Sort by created_at or last_content_at, asc or desc.";
        StatusIn = "status_in": StatusName, Supported, AnyOf, None, "Restrict on threads with at least one of the statuses.";
        Text = "text": Words, NotSupported, AllOf, None, "Restrict on threads matching the text (ignore case); the default keyword.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_has_unique_lowercase_names() {
        let names: Vec<&str> = RINGCX.iter().map(|k| k.name.as_ref()).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(names.len(), unique.len());
        assert!(names.iter().all(|n| n.chars().all(|c| !c.is_uppercase())));
    }

    #[test]
    fn each_group_holds_the_keywords_of_its_type() {
        let value = |name: &str| RINGCX.iter().find(|k| k.name == name).map(|k| k.value);
        assert!(BoolKeyword::ALL.iter().all(|k| value(k.as_str()).is_some_and(ValueType::is_boolean)));
        assert!(DateKeyword::ALL.iter().all(|k| value(k.as_str()) == Some(ValueType::Date)));
        let ids = [ValueType::UserId, ValueType::TeamId, ValueType::CategoryId, ValueType::Id];
        assert!(IdKeyword::ALL.iter().all(|k| value(k.as_str()).is_some_and(|v| ids.contains(&v))));
        assert!(DateKeyword::ALL.iter().all(|k| RINGCX.iter().any(|s| s.name == k.as_str() && s.bound.is_some())));
    }

    #[test]
    fn a_bound_knows_its_other_end() {
        let catalog = Catalog::ringcx();
        let after = catalog.get("first_content_after").cloned().unwrap_or_else(|| KeywordSpec::new("x", Words));
        assert_eq!(catalog.opposite_bound(&after).map(|k| k.name.as_ref()), Some("first_content_before"));
        assert_eq!(catalog.values(ValueType::Order).len(), 4);
        assert_eq!(catalog.values(ValueType::Flag), ["true", "false"]);
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
    fn the_index_knows_the_shape_of_every_name() {
        let shapes = |catalog: &Catalog| -> bool {
            catalog.keywords().iter().map(|k| Shape::of(&k.name)).eq(catalog.index.shapes.shapes().iter().copied())
        };
        let mut catalog = Catalog::ringcx();
        assert!(shapes(&catalog));
        // The compiler sorts the built-in shapes as the run-time sort does.
        let names = catalog.keywords().iter().map(|k| k.name.as_ref());
        assert_eq!(catalog.index.shapes, Shapes::new(names));
        catalog.insert(KeywordSpec::new("priority", ValueType::Words));
        catalog.remove("source");
        assert!(shapes(&catalog));
        assert_eq!(catalog.suggest_keywords("priorty"), ["priority"]);
    }

    #[test]
    fn insert_replaces_and_remove_removes() {
        let mut catalog = Catalog::ringcx();
        catalog.insert(KeywordSpec::new("Text", Words).negation(Supported));
        assert_eq!(catalog.get("text").map(|k| k.negation), Some(Supported));
        assert_eq!(catalog.keywords().len(), RINGCX.len());
        catalog.insert(KeywordSpec::new("zz_new", Id));
        catalog.insert(KeywordSpec::new("aa_new", Id));
        assert_eq!(catalog.keywords().last().map(|k| k.name.as_ref()), Some("aa_new"));
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
