//! How every [`Query`] is made: terms written in canonical form into one
//! buffer, exact duplicates dropped at the end.

use super::*;

/// A value being written into a query: [`Value`], with a date's parsed
/// expression owned, since the query keeps it.
#[derive(Clone, Debug)]
pub(crate) enum NewValue<'a> {
    Bool(bool),
    Id(&'a str),
    /// The canonical (lowercase) name.
    Status(Cow<'a, str>),
    Language(&'a str),
    /// The canonical text, and the expression parsed from it.
    Date(Cow<'a, str>, HumanDate),
    Text(&'a str),
    Order(Order),
    Raw(&'a str),
}

/// Writes a [`Query`] term by term, in canonical form, into one buffer;
/// [`QueryWriter::finish`] then drops every exact duplicate of an earlier
/// term. How every [`Query`] is made, so its invariants have one guardian
/// (callers guarantee that keywords are keywords by the grammar, that
/// values fit them and that booleans are not negated).
///
/// Duplicates are found once, at the end, rather than at each term: a few
/// terms are compared pairwise; more are hashed in one pass and sorted by
/// hash, and only terms whose hashes are equal are compared. Streaming
/// through the terms keeps a long query's cost linear and cache-friendly,
/// where a hash table probed at every term spends most of its time waiting
/// for memory once the table outgrows the cache.
#[derive(Clone, Debug)]
pub(crate) struct QueryWriter {
    pub(super) query: Query,
    /// The key of [`Slot::hash`].
    seed: u64,
}

impl Default for QueryWriter {
    fn default() -> Self {
        QueryWriter::with_capacity(0, 0)
    }
}

impl QueryWriter {
    /// Up to this many terms, duplicates are found by comparing every pair.
    const SHORT: usize = 16;

    /// An empty query with room for `bytes` of canonical text and `terms`
    /// terms.
    pub(crate) fn with_capacity(bytes: usize, terms: usize) -> Self {
        let query = Query { text: String::with_capacity(bytes), slots: Vec::with_capacity(terms), ..Query::default() };
        QueryWriter { query, seed: hash::random_seed() }
    }

    /// Appends a term. `keyword` is `text` for free text, which prints bare.
    pub(crate) fn push(&mut self, keyword: &str, negated: bool, value: NewValue<'_>) {
        let query = &mut self.query;
        let text = &mut query.text;
        if !text.is_empty() {
            text.push(' ');
        }
        let start = pos(text.len());
        if negated {
            text.push('-');
        }
        let bare_text = keyword == TEXT && matches!(value, NewValue::Text(_));
        if !bare_text {
            text.push_str(keyword);
            text.push(':');
        }
        // The parser keeps no longer keyword.
        let keyword_len = if bare_text { 0 } else { u16::try_from(keyword.len()).unwrap_or(u16::MAX) };
        let (kind, payload) = match value {
            NewValue::Bool(b) => {
                text.push_str(if b { "true" } else { "false" });
                (if b { ValueKind::True } else { ValueKind::False }, 0)
            }
            NewValue::Order(order) => {
                text.push_str(order.as_str());
                (ValueKind::Order, pos(Order::ALL.iter().position(|o| *o == order).unwrap_or_default()))
            }
            NewValue::Date(canonical, expr) => {
                write_value(text, &canonical, false);
                query.dates.push(expr);
                (ValueKind::Date, pos(query.dates.len() - 1))
            }
            NewValue::Id(s) => (ValueKind::Id, Self::text_value(query, s, false)),
            NewValue::Status(s) => (ValueKind::Status, Self::text_value(query, &s, false)),
            NewValue::Language(s) => (ValueKind::Language, Self::text_value(query, s, false)),
            NewValue::Text(s) => (ValueKind::Text, Self::text_value(query, s, bare_text)),
            NewValue::Raw(s) => (ValueKind::Raw, Self::text_value(query, s, false)),
        };
        let written = query.text.as_bytes().get(at(start)..).unwrap_or_default();
        let hash = (hash::hash_bytes(self.seed, written) >> 32) as u32;
        query.slots.push(Slot { start, payload, hash, keyword_len, kind, negated });
    }

    /// Writes a text value; its payload (see [`Slot::payload`]).
    fn text_value(query: &mut Query, value: &str, bare_text: bool) -> u32 {
        if write_value(&mut query.text, value, bare_text) {
            query.unescaped.push(value.into());
            pos(query.unescaped.len())
        } else {
            0
        }
    }

    /// The query without duplicates, and the positions (in the order the
    /// terms were pushed, ascending) of the terms dropped as duplicates.
    pub(crate) fn finish(self) -> (Query, Vec<usize>) {
        let mut query = self.query;
        let dropped = duplicates(&query);
        if !dropped.is_empty() {
            let mut text = String::with_capacity(query.text.len());
            let mut slots = Vec::with_capacity(query.slots.len() - dropped.len());
            let mut next_dropped = dropped.iter().peekable();
            for (i, slot) in query.slots.iter().enumerate() {
                if next_dropped.next_if_eq(&&i).is_some() {
                    continue;
                }
                let Some(term) = query.term_text(i) else { continue };
                if !text.is_empty() {
                    text.push(' ');
                }
                slots.push(Slot { start: pos(text.len()), ..*slot });
                text.push_str(term);
            }
            query.text = text;
            query.slots = slots;
        }
        (query, dropped)
    }
}

/// A position or length as stored in a [`Slot`]. The parser refuses
/// queries whose canonical form could pass `u32::MAX` bytes, so this never
/// saturates for a query that is kept.
fn pos(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

/// The positions of the terms equal to an earlier term, ascending. Two
/// terms of one query are equal exactly when their canonical texts are.
///
/// A few terms are compared pairwise. More are sorted by their hash (taken
/// as they were written) and position, packed in one integer, and only
/// terms whose hashes are equal are compared.
pub(super) fn duplicates(query: &Query) -> Vec<usize> {
    let text_of = |i: usize| query.term_text(i);
    let count = query.len();
    let mut dropped = Vec::new();
    if count <= QueryWriter::SHORT {
        for (i, slot) in query.slots.iter().enumerate() {
            let earlier = query.slots.get(..i).unwrap_or_default().iter().enumerate();
            if earlier.filter(|(_, e)| e.hash == slot.hash).any(|(j, _)| text_of(j) == text_of(i)) {
                dropped.push(i);
            }
        }
        return dropped;
    }
    // The hash above the position, so sorting plain integers groups equal
    // hashes, positions ascending. A query has fewer than 2^32 terms.
    let mut keyed: Vec<u64> =
        query.slots.iter().enumerate().map(|(i, slot)| u64::from(slot.hash) << 32 | i as u64).collect();
    keyed.sort_unstable();
    let mut kept: Vec<usize> = Vec::new();
    for run in keyed.chunk_by(|a, b| a >> 32 == b >> 32).filter(|run| run.len() > 1) {
        kept.clear();
        for i in run.iter().map(|k| (k & u64::from(u32::MAX)) as usize) {
            let term = text_of(i);
            if kept.iter().any(|&k| text_of(k) == term) {
                dropped.push(i);
            } else {
                kept.push(i);
            }
        }
    }
    dropped.sort_unstable();
    dropped
}
