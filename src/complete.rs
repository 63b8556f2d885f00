//! Completion at a cursor: what a search box offers while someone types.
//!
//! The cursor is placed with the parser's own spans ([`crate::syntax`]
//! keeps half-typed terms), and what is offered comes from the catalogue
//! as data: keyword names and summaries, the closed lists of values, and a
//! few human dates resolved in the caller's context. There is no second
//! grammar here, so completion can never disagree with validation about
//! where a term starts or what a keyword takes.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::catalog::{Catalog, KeywordSpec, Negation, ValueType};
use crate::dates::{DateContext, DateSpan, HumanDate};
use crate::diagnostic::{floor_char_boundary, Code, Diagnostic, Error};
use crate::front::Options;
use crate::print::quoted;
use crate::query::Order;
use crate::span::Span;
use crate::syntax::{self, is_space, unescape, AstTerm, Quote};

/// What can be inserted at a cursor: the byte range of the text to replace
/// and the items, best first. Serializes as `{"replace": {"start", "end"},
/// "items": [{"label", "insert", "kind", "detail"}]}`.
///
/// Every item replaces the same range, which covers the whole word under
/// the cursor (a `-` included), so inserting an item never leaves half of
/// the old word behind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Completions {
    /// The bytes of the query that an item replaces; the empty range at
    /// the cursor when there are no items.
    pub replace: Span,
    /// The items, best first: an exact match, then names that start with
    /// what was typed, then names that contain it, then near misses; each
    /// group in the catalogue's order.
    pub items: Vec<Completion>,
}

/// One thing a search box can offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Completion {
    /// What to show in the list.
    pub label: String,
    /// What replaces [`Completions::replace`]: canonical case, quoted when
    /// the value needs quotes, a keyword with its `:`.
    pub insert: String,
    /// What the item is.
    pub kind: CompletionKind,
    /// One line to show next to it: the catalogue's summary of a keyword,
    /// the span a date resolves to, what a value means.
    pub detail: String,
}

/// What a [`Completion`] inserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CompletionKind {
    /// A keyword and its colon (`status_in:`).
    Keyword,
    /// A value from a closed list: a boolean, a status, a language.
    Value,
    /// An operator (`-`), or a fix to one (dropping a `-` that a keyword
    /// does not allow).
    Operator,
    /// A date.
    Date,
    /// A sort order (`created_at.desc`).
    Order,
}

/// One item per line, what it inserts and then its detail, the inserts
/// in one column: `status_in:  Restrict on threads ...`. Nothing when
/// there is nothing to offer.
impl fmt::Display for Completions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self.items.iter().map(|item| item.insert.chars().count()).max().unwrap_or(0);
        for item in &self.items {
            match item.detail.as_str() {
                "" => writeln!(f, "{}", item.insert)?,
                detail => writeln!(f, "{:width$}  {detail}", item.insert)?,
            }
        }
        Ok(())
    }
}

impl Options {
    /// What can be inserted at `cursor` (a byte offset into `text`) with
    /// these options' catalogue (with OmniQ's keywords when `omniq` is
    /// set), zone and `now`.
    ///
    /// Keyword names are offered by prefix (after a `-` too), values from
    /// the keyword's closed list after `keyword:`, and a few human dates
    /// after a date keyword, each with the span it resolves to when `now`
    /// is set. Matching ignores case; the catalogue's case is inserted.
    /// Nothing is offered inside a quoted text value, and a keyword that
    /// forbids `-` gets the fix (its complement, or the keyword without
    /// `-`) rather than values that would be an error.
    ///
    /// A cursor past the end of `text` or inside a character is an
    /// [`Error`] (code `invalid_cursor`).
    ///
    /// ```
    /// use ringq::{CompletionKind, Options, Span};
    ///
    /// let completions = Options::default().complete("-status_in:rep", 14)?;
    /// assert_eq!(completions.replace, Span::new(11, 14));
    /// assert_eq!(completions.items[0].insert, "replied");
    /// assert_eq!(completions.items[0].kind, CompletionKind::Value);
    ///
    /// let completions = Options::default().complete("assigned_to_m", 13)?;
    /// assert_eq!(completions.items[0].insert, "assigned_to_me:");
    /// # Ok::<(), ringq::Error>(())
    /// ```
    pub fn complete(&self, text: &str, cursor: usize) -> Result<Completions, Error> {
        check_cursor(text, cursor)?;
        let (catalog, _) = self.reading_catalog();
        let completer = Completer { catalog: &catalog, context: self.date_context() };
        let mut completions = completer.complete(place(text, cursor));
        if completions.items.is_empty() {
            completions.replace = Span::new(cursor, cursor);
        }
        Ok(completions)
    }
}

/// A cursor must be a character boundary of the text, at most its end.
fn check_cursor(text: &str, cursor: usize) -> Result<(), Error> {
    if text.is_char_boundary(cursor) {
        return Ok(());
    }
    let diagnostic = if cursor > text.len() {
        Diagnostic::error(
            Code::InvalidCursor,
            Span::new(text.len(), text.len()),
            format!("the cursor {cursor} is past the end of the query ({} bytes)", text.len()),
        )
    } else {
        // Inside a character: point at the whole character.
        let start = floor_char_boundary(text, cursor);
        let end = text.get(start..).and_then(|rest| rest.chars().next()).map_or(text.len(), |c| start + c.len_utf8());
        Diagnostic::error(
            Code::InvalidCursor,
            Span::new(start, end),
            format!("the cursor {cursor} is inside a character (bytes {start}..{end})"),
        )
    };
    let hint = "the cursor is a byte offset at a character boundary, from 0 to the query's length";
    Err(Error::new(text, vec![diagnostic.with_hint(hint)]))
}

/// Where the cursor is, as far as completion cares.
#[derive(Debug)]
enum Place<'a> {
    /// Where nothing sensible can be inserted: inside a quoted text value,
    /// inside text glued to a closing quote, after an unknown keyword.
    Nothing { at: usize },
    /// Where a keyword goes: between terms (`prefix` empty, `gap`), or in
    /// the head of a term. `replace` covers the `-` and the colon.
    Keyword { negated: bool, prefix: &'a str, replace: Span, gap: bool },
    /// In the value of `keyword:`; `head` is the `-keyword:` before it.
    Value { keyword: &'a str, negated: bool, prefix: Cow<'a, str>, replace: Span, head: Span },
}

/// Finds the term under the cursor with the parser's spans. Terms are
/// read only up to the cursor, so completing near the start of a long
/// query costs little.
fn place(text: &str, cursor: usize) -> Place<'_> {
    let mut ignored = Vec::new();
    let term = syntax::terms(text, &mut ignored).take_while(|t| t.span.start <= cursor).find(|t| cursor <= t.span.end);
    match term {
        Some(term) => place_in(text, cursor, term),
        None => {
            let before = text.get(..cursor).and_then(|s| s.chars().next_back());
            let after = text.get(cursor..).and_then(|s| s.chars().next());
            if before.is_some_and(|c| !is_space(c)) || after.is_some_and(|c| !is_space(c)) {
                // Not a term but touching text: what the parser skipped.
                Place::Nothing { at: cursor }
            } else {
                Place::Keyword { negated: false, prefix: "", replace: Span::new(cursor, cursor), gap: true }
            }
        }
    }
}

fn place_in<'a>(text: &'a str, cursor: usize, term: AstTerm<'a>) -> Place<'a> {
    let start = term.span.start;
    let slice = |from: usize, to: usize| text.get(from.min(to)..to).unwrap_or("");
    let Some(keyword) = term.keyword else {
        if term.value.quote != Quote::Bare {
            return Place::Nothing { at: cursor };
        }
        // A lone `-` is read as the value "-": it is a negation being typed.
        let word_start = match (term.minus, term.value.raw) {
            (Some(minus), _) => minus.end,
            (None, "-") => start + 1,
            (None, _) => start,
        };
        let negated = word_start > start;
        let prefix = slice(word_start, cursor);
        // At the start of a word, a keyword goes in front of it and the
        // word becomes its value (`|refund` -> `text:refund`).
        let end = if prefix.is_empty() && cursor <= word_start { cursor } else { term.span.end };
        return Place::Keyword { negated, prefix, replace: Span::new(start.min(cursor), end), gap: false };
    };
    let head = Span::new(start, keyword.span.end + 1);
    let negated = term.minus.is_some();
    if cursor <= keyword.span.end {
        return Place::Keyword { negated, prefix: slice(keyword.span.start, cursor), replace: head, gap: false };
    }
    let value = &term.value;
    let prefix = match value.quote {
        Quote::Bare => Cow::Borrowed(slice(value.span.start, cursor)),
        Quote::Straight | Quote::Typographic => {
            let open = value.raw.chars().next().map_or(1, char::len_utf8);
            let closed = value.incomplete.is_none();
            if cursor >= value.span.end && closed {
                value.text.clone()
            } else {
                unescape(slice(value.span.start + open, cursor), |_, _| {})
            }
        }
    };
    Place::Value { keyword: keyword.name, negated, prefix, replace: value.span, head }
}

/// What completion reads: the catalogue and the date context.
struct Completer<'c> {
    catalog: &'c Catalog,
    context: Option<DateContext>,
}

/// How well a name matches what was typed; lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Exact,
    Prefix,
    Contains,
    Near,
}

/// How `name` matches `typed` (already lowercase), if at all.
fn rank(name: &str, typed: &str) -> Option<Rank> {
    let name = if name.chars().any(char::is_uppercase) { Cow::Owned(name.to_lowercase()) } else { Cow::Borrowed(name) };
    if name == typed {
        Some(Rank::Exact)
    } else if name.starts_with(typed) {
        Some(Rank::Prefix)
    } else if name.contains(typed) {
        Some(Rank::Contains)
    } else {
        None
    }
}

impl Completer<'_> {
    fn complete(&self, place: Place<'_>) -> Completions {
        match place {
            Place::Nothing { at } => Completions { replace: Span::new(at, at), items: Vec::new() },
            Place::Keyword { negated, prefix, replace, gap } => {
                let mut items = self.keywords(prefix, negated);
                if gap {
                    items.push(Completion {
                        label: "-".into(),
                        insert: "-".into(),
                        kind: CompletionKind::Operator,
                        detail: "exclude what the next term matches".into(),
                    });
                }
                Completions { replace, items }
            }
            Place::Value { keyword, negated, prefix, replace, head } => {
                let Some(spec) = self.catalog.get(keyword) else {
                    return Completions { replace, items: Vec::new() };
                };
                if negated && spec.negation == Negation::NotSupported {
                    return Completions { replace: head, items: self.negation_fixes(spec) };
                }
                Completions { replace, items: self.values(spec, &prefix.to_lowercase()) }
            }
        }
    }

    /// Keywords matching `prefix`, with `-` when negated. A keyword that
    /// forbids `-` is offered as its complement when it has one
    /// (`-first_content_af` -> `first_content_before:`), never as an error.
    fn keywords(&self, prefix: &str, negated: bool) -> Vec<Completion> {
        let typed = prefix.to_lowercase();
        let keywords = self.catalog.keywords();
        let mut ranked: Vec<(Rank, usize)> =
            keywords.iter().enumerate().filter_map(|(i, spec)| rank(&spec.name, &typed).map(|r| (r, i))).collect();
        // Near misses of a mistyped name (`stauts`), after every real match.
        if !typed.is_empty() {
            for name in self.catalog.suggest_keywords(&typed) {
                if let Some(i) = keywords.iter().position(|k| k.name == name) {
                    if !ranked.iter().any(|&(_, j)| j == i) {
                        ranked.push((Rank::Near, i));
                    }
                }
            }
        }
        ranked.sort();
        // Names that extend what is typed are the answer when there are
        // any; the others (a name containing it, a near miss) only help
        // when nothing does.
        if ranked.first().is_some_and(|&(rank, _)| rank <= Rank::Prefix) {
            ranked.retain(|&(rank, _)| rank <= Rank::Prefix);
        }
        let mut items = Vec::with_capacity(ranked.len());
        for (_, i) in ranked {
            let Some(spec) = keywords.get(i) else { continue };
            if !negated {
                items.push(keyword_item(spec, false, spec.summary.to_string()));
                continue;
            }
            match spec.negation {
                Negation::Supported => items.push(keyword_item(spec, true, spec.summary.to_string())),
                Negation::NotStated if spec.value.is_boolean() => {
                    items.push(keyword_item(spec, true, spec.summary.to_string()))
                }
                Negation::NotStated => items.push(keyword_item(
                    spec,
                    true,
                    format!("{} (`-` is not documented for it: accepted with a warning)", spec.summary),
                )),
                Negation::NotSupported => {
                    if let Some(opposite) = self.catalog.opposite_bound(spec) {
                        if !items.iter().any(|item: &Completion| item.label == format!("{}:", opposite.name)) {
                            items.push(keyword_item(opposite, false, complement_detail(spec, opposite)));
                        }
                    }
                }
            }
        }
        items
    }

    /// For `-keyword:` where `keyword` forbids `-`: its complement, if the
    /// catalogue knows one, and the keyword without `-`.
    fn negation_fixes(&self, spec: &KeywordSpec) -> Vec<Completion> {
        let mut items = Vec::new();
        if let Some(opposite) = self.catalog.opposite_bound(spec) {
            items.push(keyword_item(opposite, false, complement_detail(spec, opposite)));
        }
        items.push(Completion {
            label: format!("{}:", spec.name),
            insert: format!("{}:", spec.name),
            kind: CompletionKind::Operator,
            detail: format!("drop the `-`: `{}` does not support negation", spec.name),
        });
        items
    }

    /// The values of `spec` matching `typed` (lowercase), best first.
    fn values(&self, spec: &KeywordSpec, typed: &str) -> Vec<Completion> {
        let candidates: Vec<(Cow<'_, str>, CompletionKind, String)> = match spec.value {
            ValueType::Bool | ValueType::Flag => self
                .catalog
                .values(spec.value)
                .into_iter()
                .map(|value| {
                    let detail = boolean_detail(spec, &value);
                    (value, CompletionKind::Value, detail)
                })
                .collect(),
            ValueType::Status => self
                .catalog
                .values(spec.value)
                .into_iter()
                .map(|value| (value, CompletionKind::Value, "a thread status".to_string()))
                .collect(),
            ValueType::Order => Order::ALL
                .iter()
                .map(|order| (Cow::Borrowed(order.as_str()), CompletionKind::Order, order_detail(*order)))
                .collect(),
            ValueType::Language => LANGUAGES
                .iter()
                .map(|(code, name)| (Cow::Borrowed(*code), CompletionKind::Value, (*name).to_string()))
                .collect(),
            ValueType::Date => return self.dates(typed),
            _ => Vec::new(),
        };
        let mut ranked: Vec<(Rank, usize)> =
            candidates.iter().enumerate().filter_map(|(i, (value, ..))| rank(value, typed).map(|r| (r, i))).collect();
        ranked.sort();
        ranked
            .into_iter()
            .filter_map(|(_, i)| candidates.get(i))
            .map(|(value, kind, detail)| Completion {
                label: value.to_string(),
                insert: quoted(value, false),
                kind: *kind,
                detail: detail.clone(),
            })
            .collect()
    }

    /// Human dates matching `typed`: what was typed itself when it is a
    /// date no suggestion starts with, then the suggestions, with the number typed put into the
    /// `N … ago` ones (`3` offers `3 hours ago`).
    fn dates(&self, typed: &str) -> Vec<Completion> {
        let digits = typed.bytes().take_while(u8::is_ascii_digit).count();
        let number = typed.get(..digits).filter(|n| (1..=6).contains(&n.len()));
        let mut candidates: Vec<String> = FIXED_DATES.iter().map(|d| (*d).to_string()).collect();
        for (default, unit) in COUNTED_DATES {
            candidates.push(format!("{} {unit} ago", number.unwrap_or(default)));
        }
        let mut ranked: Vec<(Rank, usize)> =
            candidates.iter().enumerate().filter_map(|(i, date)| rank(date, typed).map(|r| (r, i))).collect();
        ranked.sort();
        let mut items = Vec::new();
        // What was typed, when no suggestion starts with it: `3` is more
        // likely the start of `3 hours ago` than the time 3:00.
        let typed_is_offered = ranked.first().is_some_and(|(rank, _)| *rank <= Rank::Prefix);
        if !typed.trim().is_empty() && !typed_is_offered {
            if let Some(item) = self.date_item(typed) {
                items.push(item);
            }
        }
        items.extend(ranked.into_iter().filter_map(|(_, i)| candidates.get(i)).filter_map(|d| self.date_item(d)));
        items
    }

    /// `text` as a date item, with the span it resolves to; `None` when it
    /// is not a date or does not resolve.
    fn date_item(&self, text: &str) -> Option<Completion> {
        let date: HumanDate = text.parse().ok()?;
        let detail = match &self.context {
            Some(context) => describe_span(date.resolve(context).ok()?, context.tz()),
            None => "a date, resolved against now".to_string(),
        };
        Some(Completion { label: text.to_string(), insert: quoted(text, false), kind: CompletionKind::Date, detail })
    }
}

/// `keyword:` (with `-` when negated) as an item.
fn keyword_item(spec: &KeywordSpec, negated: bool, detail: String) -> Completion {
    let insert = format!("{}{}:", if negated { "-" } else { "" }, spec.name);
    Completion { label: insert.clone(), insert, kind: CompletionKind::Keyword, detail }
}

fn complement_detail(spec: &KeywordSpec, opposite: &KeywordSpec) -> String {
    format!("`-{}` is not supported; this is its complement: {}", spec.name, opposite.summary)
}

fn boolean_detail(spec: &KeywordSpec, value: &str) -> String {
    match (spec.value, value) {
        (ValueType::Flag, "false") => "accepted with a warning: documented only with `true`".into(),
        (_, "true") => "the condition holds".into(),
        _ => "the condition does not hold".into(),
    }
}

fn order_detail(order: Order) -> String {
    use crate::query::{OrderField, SortDirection};
    let field = match order.field {
        OrderField::CreatedAt => "creation",
        OrderField::LastContentAt => "last content",
    };
    let direction = match order.direction {
        SortDirection::Asc => "oldest first",
        SortDirection::Desc => "newest first",
    };
    format!("sort by {field}, {direction}")
}

/// A resolved span in the context's zone, for one line of detail: an
/// instant as itself, a longer span as `start → end`.
fn describe_span(span: DateSpan, tz: Tz) -> String {
    let local = |t: DateTime<Utc>| t.with_timezone(&tz);
    let whole_minutes = span.start.timestamp() % 60 == 0 && span.end.timestamp() % 60 == 0;
    if span.end - span.start <= chrono::Duration::seconds(1) {
        format!("{} {}", local(span.start).format("%Y-%m-%d %H:%M:%S"), tz.name())
    } else {
        let format = if whole_minutes { "%Y-%m-%d %H:%M" } else { "%Y-%m-%d %H:%M:%S" };
        format!("{} → {} {}", local(span.start).format(format), local(span.end).format(format), tz.name())
    }
}

/// Dates offered as they are.
const FIXED_DATES: &[&str] = &["today", "yesterday", "this week", "last week", "this month", "last month"];

/// Dates offered as `N unit ago`: the number when none is typed, and the unit.
const COUNTED_DATES: &[(&str, &str)] =
    &[("2", "hours"), ("6", "business hours"), ("3", "days"), ("2", "business days"), ("2", "weeks"), ("3", "months")];

/// Language codes offered after `language:` (any code is accepted; these
/// are the common ones), with their names.
const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("pt-BR", "Portuguese (Brazil)"),
    ("nl", "Dutch"),
    ("sv", "Swedish"),
    ("da", "Danish"),
    ("no", "Norwegian"),
    ("fi", "Finnish"),
    ("pl", "Polish"),
    ("cs", "Czech"),
    ("ru", "Russian"),
    ("tr", "Turkish"),
    ("ar", "Arabic"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("zh", "Chinese"),
];
