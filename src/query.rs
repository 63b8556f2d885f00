//! The typed query: what a query means, free of spans and spelling.
//!
//! This module is the model only: it does not parse or check anything.
//! Turning text (or JSON) into these types is `validate`'s work, so a
//! query's text goes syntax -> validate -> query, never back.
//!
//! A [`Query`] is a list of [`Term`]s, each a keyword, a typed [`Value`] and
//! a negation flag, in the user's order and without exact duplicates. It is
//! what the printer prints ([`std::fmt::Display`] gives the canonical form)
//! and what the OmniQ compiler compiles. Its invariants (keywords that read
//! back as keywords, values of the right shape, no duplicate terms) hold for
//! every value of the type, however it was made, so printing a query and
//! parsing it back always gives the same query.

use std::borrow::Cow;
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};

use serde::{Deserialize, Serialize};

use crate::dates::HumanDate;

/// A validated query: terms in the user's order, exact duplicates removed.
///
/// Its invariants (keywords that read back as keywords, values of the right
/// shape, no duplicate terms) hold for every value of the type, however it
/// was made, so printing a query and parsing it back always gives the same
/// query.
///
/// # JSON
///
/// `Query`, `Term` and `Value` serialize to a stable shape, the one
/// `ringq parse` prints (which adds each term's `span` and resolved `date`,
/// and the `warnings`). Deserializing runs the parser's own checks on the
/// terms (against the RingCX catalogue, keywords outside it being `raw`), so
/// JSON from elsewhere cannot make a query that the parser would refuse.
///
/// ```json
/// {
///   "terms": [
///     {"keyword": "assigned_to_me", "value": {"type": "bool", "value": true}},
///     {"keyword": "status_in", "negated": true, "value": {"type": "status", "value": "replied"}},
///     {"keyword": "first_content_after", "value": {"type": "date", "value": "2 weeks ago at 4pm"}},
///     {"keyword": "order", "value": {"type": "order", "value": {"field": "created_at", "direction": "asc"}}},
///     {"keyword": "text", "value": {"type": "text", "value": "refund"}}
///   ]
/// }
/// ```
///
/// `negated` is left out when false. `type` is one of `bool`, `id`,
/// `status`, `language`, `date`, `text`, `order` and `raw` (the value of a
/// keyword outside the catalogue, in lenient mode).
///
/// ```
/// use ringq::Query;
/// let query: Query = "Assigned_To_Me:yes -status_in:REPLIED text:refund refund".parse()?;
/// assert_eq!(query.to_string(), "assigned_to_me:true -status_in:replied refund");
/// # Ok::<(), ringq::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "QueryShape")]
pub struct Query {
    terms: Vec<Term>,
}

/// One term of a query.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Term {
    /// Borrowed from the catalogue for catalogue keywords: no allocation.
    keyword: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    negated: bool,
    value: Value,
}

/// The typed value of a term.
///
/// Serialized as `{"type": "...", "value": ...}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Value {
    /// A boolean (negation already applied: `-kw:true` is `kw:false`).
    Bool(bool),
    /// A user, team, category or other id, as written.
    Id(String),
    /// A status name, lowercase.
    Status(String),
    /// A language code, as written.
    Language(String),
    /// A date expression.
    Date(DateValue),
    /// Free text.
    Text(String),
    /// A sort order.
    Order(Order),
    /// The value of a keyword outside the catalogue (lenient mode), as written.
    Raw(String),
}

/// A date value: its canonical text (lowercase, white space collapsed) and
/// its parsed expression. Two date values are equal when their texts are.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DateValue {
    /// Boxed, so that a date does not make every [`Value`] larger.
    parts: Box<DateParts>,
}

#[derive(Clone, Debug)]
struct DateParts {
    text: String,
    expr: HumanDate,
}

/// `order:FIELD.DIRECTION`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Order {
    /// What to sort by.
    pub field: OrderField,
    /// Which way.
    pub direction: SortDirection,
}

/// The fields a query can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderField {
    /// Thread creation time.
    CreatedAt,
    /// Time of the thread's last content (the default).
    #[default]
    LastContentAt,
}

/// Sort direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    /// Oldest first.
    Asc,
    /// Newest first (the default).
    #[default]
    Desc,
}

impl Query {
    /// The terms, in order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Whether the query has no terms (matches everything).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The sort order: the `order` term, or the default `last_content_at.desc`.
    pub fn order(&self) -> Order {
        self.terms
            .iter()
            .find_map(|t| match t.value {
                Value::Order(order) => Some(order),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Builds a query from terms, dropping every exact duplicate of an
    /// earlier term.
    pub(crate) fn from_terms(terms: impl IntoIterator<Item = Term>) -> Query {
        let mut set = TermSet::default();
        for term in terms {
            set.push(term);
        }
        set.finish().0
    }
}

/// Terms in the user's order, from which [`TermSet::finish`] drops every
/// exact duplicate of an earlier term: how every [`Query`] is built, so
/// the no-duplicates invariant has one guardian.
///
/// Duplicates are found once, at the end, rather than at each term: a few
/// terms are compared pairwise; more are hashed in one pass and sorted by
/// hash, and only terms whose hashes are equal are compared. Streaming
/// through the terms keeps a long query's cost linear and cache-friendly,
/// where a hash table probed at every term spends most of its time waiting
/// for memory once the table outgrows the cache.
#[derive(Debug, Default)]
pub(crate) struct TermSet {
    terms: Vec<Term>,
}

impl TermSet {
    /// Up to this many terms, duplicates are found by comparing every pair.
    const SHORT: usize = 16;

    /// An empty set with room for `capacity` terms.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        TermSet { terms: Vec::with_capacity(capacity) }
    }

    /// Adds `term` at the end.
    pub(crate) fn push(&mut self, term: Term) {
        self.terms.push(term);
    }

    /// The query without duplicates, and the positions (in the order the
    /// terms were pushed, ascending) of the terms dropped as duplicates.
    pub(crate) fn finish(self) -> (Query, Vec<usize>) {
        let mut terms = self.terms;
        let dropped = duplicates(&terms);
        remove_positions(&mut terms, &dropped);
        (Query { terms }, dropped)
    }
}

/// Removes the items at `positions` (ascending) from `items`, in place.
pub(crate) fn remove_positions<T>(items: &mut Vec<T>, positions: &[usize]) {
    if positions.is_empty() {
        return;
    }
    let mut next = positions.iter().peekable();
    let mut position = 0;
    items.retain(|_| {
        let keep = next.peek().is_none_or(|&&p| p != position);
        if !keep {
            next.next();
        }
        position += 1;
        keep
    });
}

/// The positions of the terms equal to an earlier term, ascending.
fn duplicates(terms: &[Term]) -> Vec<usize> {
    duplicates_with(terms, 24)
}

/// [`duplicates`], with the number of bits the sort key gives to a term's
/// position (a parameter so that tests reach the fallback for queries of
/// more terms than those bits hold).
fn duplicates_with(terms: &[Term], position_bits: u32) -> Vec<usize> {
    let mut dropped = Vec::new();
    if terms.len() <= TermSet::SHORT {
        for (i, term) in terms.iter().enumerate() {
            if terms.get(..i).is_some_and(|earlier| earlier.contains(term)) {
                dropped.push(i);
            }
        }
        return dropped;
    }
    // The standard library's per-process random keys, which no caller can
    // predict: a crafted query cannot make distinct terms share a hash. The
    // result never depends on them.
    let seed = std::hash::RandomState::new().hash_one(0x5eed_u64);
    // One u64 per term: the hash's high bits above the term's position, so
    // sorting plain integers groups equal hashes, positions ascending. A
    // query of more terms than the position bits hold uses the whole hash.
    let mut kept: Vec<usize> = Vec::new();
    let mut check_run = |run: &mut dyn Iterator<Item = usize>, dropped: &mut Vec<usize>| {
        kept.clear();
        for i in run {
            let term = terms.get(i);
            if kept.iter().any(|&k| terms.get(k) == term) {
                dropped.push(i);
            } else {
                kept.push(i);
            }
        }
    };
    if terms.len() < 1 << position_bits {
        let mask = (1u64 << position_bits) - 1;
        let mut keyed: Vec<u64> =
            terms.iter().enumerate().map(|(i, t)| (hash_of(t, seed) & !mask) | i as u64).collect();
        keyed.sort_unstable();
        for run in keyed.chunk_by(|a, b| a & !mask == b & !mask).filter(|run| run.len() > 1) {
            check_run(&mut run.iter().map(|k| (k & mask) as usize), &mut dropped);
        }
    } else {
        let mut keyed: Vec<(u64, usize)> = terms.iter().enumerate().map(|(i, t)| (hash_of(t, seed), i)).collect();
        keyed.sort_unstable();
        for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
            check_run(&mut run.iter().map(|&(_, i)| i), &mut dropped);
        }
    }
    dropped.sort_unstable();
    dropped
}

/// The hash [`TermSet`] sorts terms by: a keyed folded-multiply hash
/// (the construction of foldhash, the default hasher of `hashbrown`) over
/// the keyword, the value's kind and the value's text. Keyed with a random
/// seed, a crafted query cannot make its terms collide on purpose; and it
/// costs a few multiplications per 8 bytes where SipHash costs rounds per
/// byte, which halves the time of a long query. Equal terms hash alike,
/// which is all the set needs: membership is decided by `==`.
fn hash_of(term: &Term, seed: u64) -> u64 {
    let (tag, text): (u64, &str) = match &term.value {
        Value::Bool(b) => (u64::from(*b), ""),
        Value::Id(s) => (2, s),
        Value::Status(s) => (3, s),
        Value::Language(s) => (4, s),
        Value::Date(d) => (5, d.text()),
        Value::Text(s) => (6, s),
        Value::Order(o) => (7 | (o.field as u64) << 4 | (o.direction as u64) << 6, ""),
        Value::Raw(s) => (8, s),
    };
    let head = tag | u64::from(term.negated) << 8 | (term.keyword.len() as u64) << 16;
    let h = fold_bytes(seed ^ head.wrapping_mul(MULTIPLIERS[0]), term.keyword.as_bytes());
    fold_bytes(h, text.as_bytes())
}

const MULTIPLIERS: [u64; 3] = [0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7344, 0xa409_3822_299f_31d0];

/// The full 128-bit product of `a` and `b`, folded to 64 bits.
fn folded_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Mixes `bytes` into `hash`, eight at a time.
fn fold_bytes(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        hash = folded_multiply(hash ^ word, MULTIPLIERS[1]);
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    if let Some(slot) = last.get_mut(..rest.len()) {
        slot.copy_from_slice(rest);
    }
    folded_multiply(hash ^ u64::from_le_bytes(last) ^ (bytes.len() as u64) << 56, MULTIPLIERS[2])
}

impl<'a> IntoIterator for &'a Query {
    type Item = &'a Term;
    type IntoIter = std::slice::Iter<'a, Term>;

    fn into_iter(self) -> Self::IntoIter {
        self.terms.iter()
    }
}

impl Term {
    /// Makes a term. Callers guarantee the invariants: `keyword` is a keyword
    /// by the grammar, the value fits it, booleans are never negated.
    pub(crate) fn new(keyword: impl Into<Cow<'static, str>>, negated: bool, value: Value) -> Self {
        Term { keyword: keyword.into(), negated, value }
    }

    /// The keyword: lowercase for catalogue keywords, as written otherwise.
    /// Bare values have the keyword `text`.
    pub fn keyword(&self) -> &str {
        &self.keyword
    }

    /// The keyword, borrowed from the catalogue when it is a catalogue one.
    pub(crate) fn keyword_cow(&self) -> &Cow<'static, str> {
        &self.keyword
    }

    /// Whether the term is negated (`-keyword:value`). Never true for
    /// booleans, whose negation flips the value instead.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The typed value.
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// Whether this is a free-text term (printed bare).
    pub fn is_text(&self) -> bool {
        self.keyword == "text" && matches!(self.value, Value::Text(_))
    }
}

impl Value {
    /// The name of the value's type in JSON: `bool`, `id`, `status`, ….
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Bool(_) => "bool",
            Value::Id(_) => "id",
            Value::Status(_) => "status",
            Value::Language(_) => "language",
            Value::Date(_) => "date",
            Value::Text(_) => "text",
            Value::Order(_) => "order",
            Value::Raw(_) => "raw",
        }
    }

    /// The value as the canonical form prints it, before quoting.
    pub fn canonical_text(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow::{Borrowed, Owned};
        match self {
            Value::Bool(true) => Borrowed("true"),
            Value::Bool(false) => Borrowed("false"),
            Value::Id(s) | Value::Status(s) | Value::Language(s) | Value::Text(s) | Value::Raw(s) => Borrowed(s),
            Value::Date(date) => Borrowed(date.text()),
            Value::Order(order) => Owned(order.to_string()),
        }
    }
}

impl DateValue {
    /// A date value from its canonical text and its parsed expression
    /// (`validate` makes them from what was written).
    pub(crate) fn new(text: String, expr: HumanDate) -> Self {
        DateValue { parts: Box::new(DateParts { text, expr }) }
    }

    /// The canonical text: lowercase, white space collapsed to one space.
    pub fn text(&self) -> &str {
        &self.parts.text
    }

    /// The parsed expression, ready to resolve against a context.
    pub fn expr(&self) -> &HumanDate {
        &self.parts.expr
    }
}

impl PartialEq for DateValue {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl Eq for DateValue {}

impl Hash for DateValue {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text().hash(state);
    }
}

impl From<DateValue> for String {
    fn from(date: DateValue) -> String {
        date.parts.text
    }
}

impl Order {
    /// Every sort order, in the catalogue's order.
    pub const ALL: [Order; 4] = [
        Order { field: OrderField::CreatedAt, direction: SortDirection::Asc },
        Order { field: OrderField::CreatedAt, direction: SortDirection::Desc },
        Order { field: OrderField::LastContentAt, direction: SortDirection::Asc },
        Order { field: OrderField::LastContentAt, direction: SortDirection::Desc },
    ];
}

impl OrderField {
    /// Every sortable field.
    pub const ALL: [OrderField; 2] = [OrderField::CreatedAt, OrderField::LastContentAt];

    /// The field as `order:` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderField::CreatedAt => "created_at",
            OrderField::LastContentAt => "last_content_at",
        }
    }
}

impl SortDirection {
    /// Both directions.
    pub const ALL: [SortDirection; 2] = [SortDirection::Asc, SortDirection::Desc];

    /// The direction as `order:` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            SortDirection::Asc => "asc",
            SortDirection::Desc => "desc",
        }
    }
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.field.as_str(), self.direction.as_str())
    }
}

/// The serialized shape of a query, checked (by `validate`) before it
/// becomes a [`Query`].
#[derive(Deserialize)]
pub(crate) struct QueryShape {
    pub(crate) terms: Vec<Term>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition: a term is dropped when an equal term comes earlier.
    fn reference(terms: &[Term]) -> Vec<usize> {
        (0..terms.len()).filter(|&i| terms[..i].contains(&terms[i])).collect()
    }

    fn terms(values: &[u8]) -> Vec<Term> {
        values
            .iter()
            .map(|v| match v % 3 {
                0 => Term::new("source", false, Value::Id(format!("s{}", v / 3))),
                1 => Term::new("source", true, Value::Id(format!("s{}", v / 3))),
                _ => Term::new("text", false, Value::Text(format!("w{}", v / 3))),
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn duplicates_are_the_terms_equal_to_an_earlier_one(values in proptest::collection::vec(0u8..60, 0..200)) {
            let terms = terms(&values);
            let expected = reference(&terms);
            proptest::prop_assert_eq!(&duplicates(&terms), &expected);
            // With few position bits, every query past 32 terms takes the
            // fallback that keeps whole hashes.
            proptest::prop_assert_eq!(&duplicates_with(&terms, 5), &expected);
        }
    }

    #[test]
    fn finishing_keeps_the_first_of_equal_terms_in_order() {
        let mut set = TermSet::default();
        for term in terms(&[3, 4, 3, 5, 4, 3]) {
            set.push(term);
        }
        let (query, dropped) = set.finish();
        assert_eq!(dropped, [2, 4, 5]);
        assert_eq!(query.to_string(), "source:s1 -source:s1 w1");
    }
}
