//! The typed query: what a query means, free of spans and spelling.
//!
//! This module is the model only: it does not parse or check anything.
//! Turning text (or JSON) into these types is `validate`'s work, so a
//! query's text goes syntax -> validate -> query, never back.
//!
//! A [`Query`] is its canonical text and an index of its terms: where each
//! term starts, how long its keyword is, and its typed value in a few
//! bytes. Printing is therefore free, a query of a million terms costs one
//! string and one small entry per term, and [`Term`] and [`Value`] are
//! views that borrow from the query.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

use crate::dates::HumanDate;
use crate::hash;
use crate::print::write_value;
use crate::span::Span;

mod order;
mod writer;

pub use order::{Order, OrderField, SortDirection};
pub(crate) use writer::{remove_positions, NewValue, QueryWriter};

/// A validated query: terms in the user's order, exact duplicates removed.
///
/// Its invariants (keywords that read back as keywords, values of the right
/// shape, no duplicate terms) hold for every value of the type, however it
/// was made, so printing a query and parsing it back always gives the same
/// query. A query holds its canonical form: [`Query::as_str`] and
/// [`std::fmt::Display`] give it without printing anything, and two queries
/// are equal when their canonical forms are.
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
/// use ringq::{Query, Value};
/// let query: Query = "Assigned_To_Me:yes -status_in:REPLIED text:refund refund".parse()?;
/// assert_eq!(query.as_str(), "assigned_to_me:true -status_in:replied refund");
/// let second = query.terms().nth(1).expect("two terms");
/// assert_eq!((second.keyword(), second.is_negated(), second.value()), ("status_in", true, Value::Status("replied")));
/// # Ok::<(), ringq::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// The canonical form: the terms, joined by one space.
    text: String,
    /// One per term, in order.
    slots: Vec<Slot>,
    /// The parsed expression of each date term, by [`Slot::payload`]. Once
    /// written, entries are never removed (a dropped duplicate leaves its
    /// own behind), so the indices stay valid.
    dates: Vec<HumanDate>,
    /// The text of each value whose canonical form has escapes
    /// (`"say \"hi\""`), by [`Slot::payload`] - 1: the only values that are
    /// not a slice of `text`.
    unescaped: Vec<Box<str>>,
}

/// Where one term is in [`Query::text`], and its value's type: 16 bytes a
/// term, whatever the term.
#[derive(Clone, Copy, Debug)]
struct Slot {
    /// The byte where the term starts (its `-`, if negated). The term ends
    /// one byte before the next term starts, or at the end of the text.
    start: u32,
    /// [`ValueKind::Order`]: the index in [`Order::ALL`]; [`ValueKind::Date`]: the
    /// index in `dates`; other texts: 0 when the value is a slice of the
    /// text, else its index in `unescaped` plus one.
    payload: u32,
    /// A keyed hash of the term's text, taken while the text is being
    /// written (and so in cache): what finding duplicates sorts by.
    hash: u32,
    /// The length of the keyword; 0 for a bare text term. The parser keeps
    /// no longer keyword (see `validate::MAX_KEYWORD_BYTES`).
    keyword_len: u16,
    kind: ValueKind,
    /// Whether the term is negated: its text starts with `-`.
    negated: bool,
}

/// The keyword of free text, which the canonical form leaves out.
const TEXT: &str = "text";

/// Where the parts of one term are in [`Query::text`].
struct Layout {
    slot: Slot,
    /// The whole term.
    term: Span,
    negated: bool,
    /// The keyword; `None` for a bare text term.
    keyword: Option<Span>,
    /// The value, quotes included.
    value: Span,
}

/// The type of a term's value, with booleans' value folded in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ValueKind {
    False,
    True,
    Id,
    Status,
    Language,
    Date,
    Text,
    Order,
    Raw,
}

/// One term of a query, borrowed from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term<'q> {
    keyword: &'q str,
    negated: bool,
    value: Value<'q>,
    /// The term's canonical form.
    text: &'q str,
}

/// The typed value of a term, borrowed from its query.
///
/// Serialized as `{"type": "...", "value": ...}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Value<'q> {
    /// A boolean (negation already applied: `-kw:true` is `kw:false`).
    Bool(bool),
    /// A user, team, category or other id, as written.
    Id(&'q str),
    /// A status name, lowercase.
    Status(&'q str),
    /// A language code, as written.
    Language(&'q str),
    /// A date expression.
    Date(DateValue<'q>),
    /// Free text.
    Text(&'q str),
    /// A sort order.
    Order(Order),
    /// The value of a keyword outside the catalogue (lenient mode), as written.
    Raw(&'q str),
}

/// A date value: its canonical text (lowercase, white space collapsed) and
/// its parsed expression. Two date values are equal when their texts are.
/// Serialized as its text.
#[derive(Clone, Copy, Debug)]
pub struct DateValue<'q> {
    text: &'q str,
    expr: &'q HumanDate,
}

impl Query {
    /// The terms, in order.
    pub fn terms(&self) -> Terms<'_> {
        Terms { query: self, range: 0..self.slots.len() }
    }

    /// The term at `index`, if there is one.
    pub fn term(&self, index: usize) -> Option<Term<'_>> {
        let layout = self.layout(index)?;
        let keyword = self.keyword(&layout)?;
        let value = self.value(&layout.slot, self.text.get(layout.value.range())?);
        Some(Term { keyword, negated: layout.negated, value, text: self.text.get(layout.term.range())? })
    }

    /// The canonical text of term `index`.
    fn term_text(&self, index: usize) -> Option<&str> {
        self.text.get(self.layout(index)?.term.range())
    }

    /// Where the parts of term `index` are in the canonical text.
    fn layout(&self, index: usize) -> Option<Layout> {
        let slot = *self.slots.get(index)?;
        let start = at(slot.start);
        let end = self.slots.get(index + 1).map_or(self.text.len(), |next| at(next.start).saturating_sub(1));
        let negated = slot.negated;
        let head = start + usize::from(negated);
        let keyword = (slot.keyword_len > 0).then(|| Span::new(head, head + usize::from(slot.keyword_len)));
        let value = Span::new(keyword.map_or(head, |k| k.end + 1), end);
        Some(Layout { slot, term: Span::new(start, end), negated, keyword, value })
    }

    /// The keyword of a term: as printed, or `text` for a bare value.
    fn keyword(&self, layout: &Layout) -> Option<&str> {
        match layout.keyword {
            Some(span) => self.text.get(span.range()),
            None => Some(TEXT),
        }
    }

    /// The keyword of term `index` and whether it is negated, without
    /// looking at its value: for checks that select terms by keyword.
    pub(crate) fn head(&self, index: usize) -> Option<(&str, bool)> {
        let layout = self.layout(index)?;
        Some((self.keyword(&layout)?, layout.negated))
    }

    /// Each term's keyword length (`text`'s for a bare value) and whether
    /// it is negated, from the index alone: checks that select terms by
    /// keyword rule most out without reading the text.
    pub(crate) fn shapes(&self) -> impl Iterator<Item = (usize, bool)> + '_ {
        self.slots
            .iter()
            .map(|slot| (if slot.keyword_len == 0 { TEXT.len() } else { usize::from(slot.keyword_len) }, slot.negated))
    }

    /// The number of terms.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether the query has no terms (matches everything).
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The canonical form (the same text as [`std::fmt::Display`]).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The sort order: the `order` term, or the default `last_content_at.desc`.
    pub fn order(&self) -> Order {
        self.slots
            .iter()
            .find(|slot| slot.kind == ValueKind::Order)
            .and_then(|slot| Order::ALL.get(at(slot.payload)).copied())
            .unwrap_or_default()
    }

    /// Where term `index` is in the canonical form: the whole term, its
    /// keyword (when one is printed) and its value.
    pub(crate) fn printed_span(&self, index: usize) -> Option<(Span, Option<Span>, Span)> {
        let layout = self.layout(index)?;
        Some((layout.term, layout.keyword, layout.value))
    }

    /// The value of `slot`, whose canonical text (quotes included) is `printed`.
    fn value<'q>(&'q self, slot: &Slot, printed: &'q str) -> Value<'q> {
        let unquoted = printed.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(printed);
        let text = || match slot.payload {
            0 => unquoted,
            n => self.unescaped.get(at(n) - 1).map_or("", |s| s),
        };
        match slot.kind {
            ValueKind::False => Value::Bool(false),
            ValueKind::True => Value::Bool(true),
            ValueKind::Id => Value::Id(text()),
            ValueKind::Status => Value::Status(text()),
            ValueKind::Language => Value::Language(text()),
            ValueKind::Text => Value::Text(text()),
            ValueKind::Raw => Value::Raw(text()),
            ValueKind::Order => Value::Order(Order::ALL.get(at(slot.payload)).copied().unwrap_or_default()),
            ValueKind::Date => match self.dates.get(at(slot.payload)) {
                // A date's canonical text never has escapes.
                Some(expr) => Value::Date(DateValue { text: unquoted, expr }),
                None => Value::Raw(printed),
            },
        }
    }

    /// Where the date of term `term` is in the query's table of dates,
    /// when the term is a date: resolved dates are kept by that index.
    pub(crate) fn date_index(&self, term: usize) -> Option<usize> {
        self.slots.get(term).filter(|slot| slot.kind == ValueKind::Date).map(|slot| at(slot.payload))
    }
}

/// A `u32` position as a `usize` (lossless on every platform Rust's
/// standard library supports with more than 16-bit pointers).
fn at(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl PartialEq for Query {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Query {}

impl std::hash::Hash for Query {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl fmt::Display for Query {
    /// The canonical form: terms in order, joined by one space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The terms of a [`Query`], in order: see [`Query::terms`].
#[derive(Clone, Debug)]
pub struct Terms<'q> {
    query: &'q Query,
    range: std::ops::Range<usize>,
}

impl<'q> Iterator for Terms<'q> {
    type Item = Term<'q>;

    fn next(&mut self) -> Option<Term<'q>> {
        let index = self.range.next()?;
        self.query.term(index)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<Term<'q>> {
        let index = self.range.nth(n)?;
        self.query.term(index)
    }
}

impl DoubleEndedIterator for Terms<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let index = self.range.next_back()?;
        self.query.term(index)
    }
}

impl ExactSizeIterator for Terms<'_> {}

impl<'q> IntoIterator for &'q Query {
    type Item = Term<'q>;
    type IntoIter = Terms<'q>;

    fn into_iter(self) -> Self::IntoIter {
        self.terms()
    }
}

impl<'q> Term<'q> {
    /// The keyword: lowercase for catalogue keywords, as written otherwise.
    /// Bare values have the keyword `text`.
    pub fn keyword(&self) -> &'q str {
        self.keyword
    }

    /// Whether the term is negated (`-keyword:value`). Never true for
    /// booleans, whose negation flips the value instead.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// The typed value.
    pub fn value(&self) -> Value<'q> {
        self.value
    }

    /// Whether this is a free-text term (printed bare).
    pub fn is_text(&self) -> bool {
        self.keyword == TEXT && matches!(self.value, Value::Text(_))
    }

    /// The term's canonical form (the same text as [`std::fmt::Display`]).
    pub fn as_str(&self) -> &'q str {
        self.text
    }
}

impl fmt::Display for Term<'_> {
    /// `[-]keyword:value`, or the bare value for a text term.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

impl Serialize for Term<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            keyword: &'a str,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            negated: bool,
            value: Value<'a>,
        }
        Shape { keyword: self.keyword, negated: self.negated, value: self.value }.serialize(serializer)
    }
}

impl Serialize for Query {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Query", 1)?;
        state.serialize_field("terms", &TermList(self))?;
        state.end()
    }
}

/// The terms of a query as a JSON list.
struct TermList<'q>(&'q Query);

impl Serialize for TermList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.terms())
    }
}

impl<'q> Value<'q> {
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
    pub fn canonical_text(&self) -> &'q str {
        match *self {
            Value::Bool(true) => "true",
            Value::Bool(false) => "false",
            Value::Id(s) | Value::Status(s) | Value::Language(s) | Value::Text(s) | Value::Raw(s) => s,
            Value::Date(date) => date.text,
            Value::Order(order) => order.as_str(),
        }
    }
}

impl<'q> DateValue<'q> {
    /// The canonical text: lowercase, white space collapsed to one space.
    pub fn text(&self) -> &'q str {
        self.text
    }

    /// The parsed expression, ready to resolve against a context.
    pub fn expr(&self) -> &'q HumanDate {
        self.expr
    }
}

impl PartialEq for DateValue<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for DateValue<'_> {}

impl std::hash::Hash for DateValue<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl Serialize for DateValue<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writer(values: &[u8]) -> QueryWriter {
        let mut writer = QueryWriter::default();
        for v in values {
            let n = format!("s{}", v / 3);
            match v % 3 {
                0 => writer.push("source", false, NewValue::Id(&n)),
                1 => writer.push("source", true, NewValue::Id(&n)),
                _ => writer.push("text", false, NewValue::Text(&n)),
            }
        }
        writer
    }

    /// The definition: a term is dropped when an equal term comes earlier.
    fn reference(query: &Query) -> Vec<usize> {
        let terms: Vec<Term<'_>> = query.terms().collect();
        (0..terms.len()).filter(|&i| terms[..i].contains(&terms[i])).collect()
    }

    proptest::proptest! {
        #[test]
        fn duplicates_are_the_terms_equal_to_an_earlier_one(values in proptest::collection::vec(0u8..60, 0..200)) {
            let query = writer(&values).query;
            let expected = reference(&query);
            proptest::prop_assert_eq!(&writer::duplicates(&query), &expected);
        }
    }

    #[test]
    fn finishing_keeps_the_first_of_equal_terms_in_order() {
        let (query, dropped) = writer(&[3, 4, 3, 5, 4, 3]).finish();
        assert_eq!(dropped, [2, 4, 5]);
        assert_eq!(query.as_str(), "source:s1 -source:s1 s1");
        let terms: Vec<_> = query.terms().map(|t| (t.keyword(), t.is_negated(), t.value())).collect();
        assert_eq!(
            terms,
            [("source", false, Value::Id("s1")), ("source", true, Value::Id("s1")), ("text", false, Value::Text("s1"))]
        );
    }

    #[test]
    fn a_term_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Slot>(), 16);
    }

    #[test]
    fn escaped_values_read_back_unescaped() {
        let mut writer = QueryWriter::default();
        writer.push("text", false, NewValue::Text("say \"hi\""));
        writer.push("source", true, NewValue::Id("a b"));
        let (query, _) = writer.finish();
        assert_eq!(query.as_str(), r#""say \"hi\"" -source:"a b""#);
        assert_eq!(query.term(0).map(|t| t.value()), Some(Value::Text("say \"hi\"")));
        assert_eq!(query.term(1).map(|t| t.value()), Some(Value::Id("a b")));
        assert_eq!(query.printed_span(1), Some((Span::new(13, 26), Some(Span::new(14, 20)), Span::new(21, 26))));
    }
}
