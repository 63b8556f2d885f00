//! Checks that look past one term: a date that goes on unquoted,
//! operators of other languages, terms that contradict each other, date
//! ranges that leave no instant.

use crate::bounds::{bound, Range};
use crate::catalog::{Catalog, KeywordSpec, Repeat, ValueType};
use crate::dates::DateSpan;
use crate::diagnostic::{shown, Code, Diagnostic, Replacement};
use crate::print::quoted;
use crate::query::{NewValue, Order, Query};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::syntax::{removal, AstTerm, AstValue};

use super::Parsed;

/// An unquoted date value that goes on after a space
/// (`first_content_after:2 weeks ago`): the words after it would be
/// searched as text. When the value with the next few words is a date, say
/// so: in the hint of the value's error, or as a warning when the value
/// alone is a date too (`yesterday at 4pm`). `term` is a term of a date
/// keyword.
///
/// Whether it did: what the value alone resolves to is then no concern of
/// the user's (`2` of `2 weeks ago` is no time anyone meant).
pub(super) fn unquoted_date(
    source: &str,
    term: &AstTerm<'_>,
    accepted: bool,
    first_new: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let Some(keyword) = &term.keyword else { return false };
    let Some((phrase, continuation)) = date_going_on(source, term) else { return false };
    let minus = if term.minus.is_some() { "-" } else { "" };
    let meant = format!("{minus}{}:{}", keyword.name, quoted(&phrase, false));
    let suggestion = format!("did you mean {meant}?");
    let fix = Replacement::new(term.span.to(continuation), meant);
    if accepted {
        let rest = source.get(continuation.range()).unwrap_or("");
        let mut warning = Diagnostic::warning(
            Code::UnquotedDate,
            term.span.to(continuation),
            format!("the date seems to go on after a space: `{}` is searched as text", shown(rest)),
        );
        warning.set_fix(suggestion, fix);
        diagnostics.push(warning);
    } else if let Some(error) =
        diagnostics.get_mut(first_new..).and_then(|new| new.iter_mut().find(|d| d.code() == Code::InvalidDate))
    {
        error.set_fix(suggestion, fix);
    }
    true
}

/// Negated terms that exclude everything their keyword's positive terms
/// ask for: `status_in:new -status_in:new`. For an "any of" keyword the
/// query is empty only when every positive value is excluded.
///
/// Only keywords both negated and not are looked at (usually none). Their
/// terms are sorted by keyword and value, so equal values sit side by side:
/// no hash table, and linear in the number of terms but for that sort.
pub(super) fn contradictions(catalog: &Catalog, parsed: &Parsed, diagnostics: &mut Vec<Diagnostic>) {
    let query = parsed.query();
    let negated = Names::new(keywords(query, |_, negated| negated).map(|(_, (keyword, _))| keyword));
    if negated.is_empty() {
        return;
    }
    let positive = keywords(query, |len, is_negated| !is_negated && negated.may_hold(len));
    let both = Names::new(positive.filter(|(_, (k, _))| negated.contains(k)).map(|(_, (keyword, _))| keyword));
    if both.is_empty() {
        return;
    }
    // Within one keyword, equal values print alike.
    let mut uses: Vec<Use<'_>> = keywords(query, |len, _| both.may_hold(len))
        .filter(|(_, (keyword, _))| both.contains(keyword))
        .filter_map(|(i, (keyword, negated))| {
            let (_, _, value) = query.printed_span(i)?;
            Some((keyword, query.as_str().get(value.range())?, i, negated))
        })
        .collect();
    uses.sort_unstable();
    for group in uses.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(keyword, ..)) = group.first() else { continue };
        let values = || group.chunk_by(|a, b| a.1 == b.1);
        let first = |value: &[Use<'_>], negated: bool| value.iter().find(|u| u.3 == negated).map(|u| u.2);
        let any_of = catalog.get(keyword).is_some_and(|spec| spec.repeat == Repeat::AnyOf);
        let hit = if any_of {
            // Every positive value is excluded: the last negated term,
            // against the last positive one.
            let all_excluded = values().all(|value| first(value, false).is_none() || first(value, true).is_some());
            let last = |negated: bool| group.iter().filter(|u| u.3 == negated).map(|u| u.2).max();
            all_excluded.then(|| Some((last(true)?, last(false)?))).flatten()
        } else {
            // The first negated term that excludes a positive one.
            values().filter_map(|value| Some((first(value, true)?, first(value, false)?))).min()
        };
        if let Some((i, p)) = hit {
            report_contradiction(parsed, keyword, any_of, i, p, diagnostics);
        }
    }
}

/// The position, keyword and negation of the terms `select` picks by their
/// keyword's length and negation; the text is read only for those.
fn keywords<'q>(
    query: &'q Query,
    select: impl Fn(usize, bool) -> bool + 'q,
) -> impl Iterator<Item = (usize, (&'q str, bool))> + 'q {
    let picked = query.shapes().enumerate().filter(move |&(_, (len, negated))| select(len, negated));
    picked.filter_map(|(i, _)| Some((i, query.head(i)?)))
}

/// Keyword names, sorted, each once, and the set of their lengths (modulo
/// 64), which rules out most other names without comparing them.
struct Names<'q> {
    names: Vec<&'q str>,
    lengths: u64,
}

impl<'q> Names<'q> {
    fn new(names: impl Iterator<Item = &'q str>) -> Self {
        let mut names: Vec<&str> = names.collect();
        names.sort_unstable();
        names.dedup();
        let lengths = names.iter().fold(0, |set, name| set | 1 << (name.len() % 64));
        Names { names, lengths }
    }

    fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Whether a name of `len` bytes may be in the set.
    fn may_hold(&self, len: usize) -> bool {
        self.lengths & 1 << (len % 64) != 0
    }

    fn contains(&self, name: &str) -> bool {
        self.may_hold(name.len()) && self.names.binary_search(&name).is_ok()
    }
}

/// A term of a keyword both negated and not: the keyword, the value as
/// printed, the term's position, whether it is negated.
type Use<'q> = (&'q str, &'q str, usize, bool);

/// Reports the negated term `i`, contradicting the positive term `p`.
fn report_contradiction(
    parsed: &Parsed,
    keyword: &str,
    any_of: bool,
    i: usize,
    p: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let query = parsed.query();
    let (Some(span), Some(other), Some(term), Some(positive)) =
        (parsed.span(i), parsed.span(p), query.term(i), query.term(p))
    else {
        return;
    };
    let message = if any_of {
        format!("`{term}` excludes every value the other `{keyword}` terms allow: no thread can match")
    } else {
        format!("`{term}` excludes what another term asks for: no thread can match")
    };
    diagnostics.push(
        Diagnostic::warning(Code::Contradiction, span.term, message)
            .with_hint(format!("another term says `{positive}`; remove one of them"))
            .with_related(other.term, "the term it contradicts"),
    );
}

/// The longest run of the (up to five) words after an unquoted date value
/// that, with the value, makes a date; and the span of those words. Stops at
/// a word that is a term of its own (`kw:value`, `-x`, a quote).
fn date_going_on(source: &str, term: &AstTerm<'_>) -> Option<(String, Span)> {
    const MOST_WORDS: usize = 5;
    let mut rest = source.get(term.value.span.end..)?.trim_start();
    // The continuation starts at its first word, after the space.
    let start = source.len() - rest.len();
    // Made at the first word that may go on the date: usually there is none.
    let mut phrase = String::new();
    let mut longest = None;
    for _ in 0..MOST_WORDS {
        rest = rest.trim_start();
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest.get(..word_len).unwrap_or("");
        if word.is_empty() || word.contains(':') || word.starts_with(['-', '"', '“', '”']) {
            break;
        }
        if phrase.is_empty() {
            phrase.push_str(&term.value.text);
        }
        phrase.push(' ');
        phrase.push_str(word);
        rest = rest.get(word_len..).unwrap_or("");
        if crate::dates::HumanDate::grammar_reads(&phrase) {
            let end = source.len() - rest.len();
            longest = Some((phrase.clone(), Span::new(start, end)));
        }
    }
    longest
}

/// Text that looks like an operator of another search language: `=`,
/// parentheses, `OR`, `AND`. Each is searched as text; a warning says so,
/// with the form that was likely meant. Parentheses are reported once.
#[derive(Default)]
pub(super) struct OperatorChecks {
    parenthesis_seen: bool,
}

impl OperatorChecks {
    /// `parser` tells whether the term that was likely meant is valid,
    /// so that its edit is only offered when it is.
    pub(super) fn check(
        &mut self,
        source: &str,
        parser: &super::Parser,
        term: &AstTerm<'_>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let text = term.value.text.as_ref();
        let warning = |message: String, hint: String| {
            Diagnostic::warning(Code::NotAnOperator, term.value.span, message).with_hint(hint)
        };
        let removed = |d: Diagnostic| d.with_replacement(removal(source, term.span), "");
        if let Some((left, right)) = text.split_once('=') {
            if let Some(spec) = parser.catalog_used().get(left) {
                let meant = format!("{}:{}", spec.name, quoted(right, false));
                let mut diagnostic = warning(
                    format!("`=` means nothing here: `{}` is searched as text", shown(text)),
                    did_you_mean(&[shown(&meant)]).unwrap_or_default(),
                );
                let value = AstValue { text: right.into(), ..term.value.clone() };
                if parser.fits(&spec.name, &AstTerm { value, ..term.clone() }) {
                    diagnostic = diagnostic.with_replacement(term.value.span, meant);
                }
                diagnostics.push(diagnostic);
                return;
            }
        }
        match text {
            "OR" => diagnostics.push(removed(warning(
                "`OR` is not an operator: it is searched as the word, and every term must match".to_owned(),
                "remove it; to match any of several values, repeat an \"any of\" keyword \
                 (`status_in:new status_in:replied`)"
                    .to_owned(),
            ))),
            "AND" => diagnostics.push(removed(warning(
                "`AND` is not an operator: it is searched as the word".to_owned(),
                "remove it; every term must match already".to_owned(),
            ))),
            _ if !self.parenthesis_seen && (text.starts_with('(') || (text.ends_with(')') && !text.contains('('))) => {
                self.parenthesis_seen = true;
                diagnostics.push(warning(
                    format!("parentheses do not group terms: `{}` is searched as text", shown(text)),
                    "remove them; every term must match".to_owned(),
                ));
            }
            _ => {}
        }
    }
}

/// Date bounds that leave no instant: the latest lower bound at or after
/// the earliest upper bound of one range (`first_content`, `createdAt`), as
/// the catalogue pairs them: the same rule the OmniQ compiler applies to a
/// field's range. Bounds are gathered as the terms are read (the parse has
/// each term's keyword and resolved date at hand), and checked once the
/// query is written.
#[derive(Default)]
pub(super) struct RangeChecks<'k> {
    /// Each range bounded so far, narrowed. Few ranges exist (a catalogue
    /// pairs few keywords), so a list beats a map; a query without date
    /// bounds allocates nothing.
    ranges: Vec<(&'k str, Range)>,
}

impl<'k> RangeChecks<'k> {
    /// The term written at position `term`, of keyword `spec`, whose date
    /// resolved to `date`.
    pub(super) fn add(&mut self, spec: &'k KeywordSpec, term: usize, negated: bool, date: DateSpan) {
        let Some(range) = spec.bound.as_ref().filter(|_| !negated) else { return };
        let Some(at) = bound(range.side, date) else { return };
        let name = range.range.as_ref();
        let narrowed = match self.ranges.iter().position(|(seen, _)| *seen == name) {
            Some(at) => self.ranges.get_mut(at),
            None => {
                self.ranges.push((name, Range::default()));
                self.ranges.last_mut()
            }
        };
        if let Some((_, narrowed)) = narrowed {
            narrowed.narrow((term, range.side, at));
        }
    }

    /// Warns of every range left empty. Terms were counted as written;
    /// `dropped` are the written positions of the terms dropped from
    /// `parsed` as duplicates (never a bound that narrows: the first of
    /// equal bounds does).
    pub(super) fn check(self, parsed: &Parsed, dropped: &[usize], diagnostics: &mut Vec<Diagnostic>) {
        let kept = |written: usize| written - dropped.partition_point(|&d| d < written);
        let shown_term = |i: usize| parsed.query().term(i).map(|t| t.as_str()).unwrap_or_default();
        for (_, range) in self.ranges {
            let Err((from, to)) = range.checked() else { continue };
            let (from, to) = (kept(from), kept(to));
            let (earlier, later) = (from.min(to), from.max(to));
            let (Some(span), Some(other)) = (parsed.span(later), parsed.span(earlier)) else { continue };
            diagnostics.push(
                Diagnostic::warning(
                    Code::EmptyRange,
                    span.term,
                    format!("`{}` and `{}` leave no instant: no thread can match", shown_term(from), shown_term(to)),
                )
                .with_hint("the lower bound must come before the upper bound")
                .with_related(other.term, "the other bound"),
            );
        }
    }
}

/// Withdraws the edits that would make a second `order` in a query that
/// has `orders` terms of an order keyword already: a keyword corrected to
/// `order`, or an order value corrected while another order stands.
/// An edit is judged on its term alone; this is the one rule across terms
/// an edit can break with an error.
pub(super) fn fixes_that_add_an_order(catalog: &Catalog, orders: usize, diagnostics: &mut [Diagnostic]) {
    let is_order = |name: &str| catalog.get(name).is_some_and(|spec| spec.value == ValueType::Order);
    for d in diagnostics {
        let adds_an_order = match (d.code(), d.replacement()) {
            (Code::UnknownKeyword, Some(fix)) => is_order(fix.text()),
            (Code::InvalidOrder, Some(_)) => orders > 1,
            _ => false,
        };
        if adds_an_order {
            d.drop_replacement();
        }
    }
}

/// Checks that look at several terms as they are read: one `order` at
/// most, and booleans that contradict an earlier term.
#[derive(Default)]
pub(super) struct CrossChecks<'k> {
    /// The first `order`, and where it was written.
    order: Option<(Order, Span)>,
    /// The first value of each boolean keyword seen, and where; few
    /// distinct keywords are booleans, so a list beats a map.
    booleans: Vec<(&'k str, bool, Span)>,
}

impl<'k> CrossChecks<'k> {
    /// Checks a term of the catalogue keyword `keyword` with `value` against
    /// the terms before it; only booleans and `order` are.
    pub(super) fn check(
        &mut self,
        keyword: &'k str,
        value: &NewValue<'_>,
        ast_term: &AstTerm<'_>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        match *value {
            NewValue::Order(order) => match &self.order {
                Some((first, at)) => diagnostics.push(
                    Diagnostic::error(Code::DuplicateOrder, ast_term.span, "`order` is given more than once")
                        .with_hint(format!("keep one; an earlier term already says `{keyword}:{first}`"))
                        .with_related(*at, "the first `order`"),
                ),
                None => self.order = Some((order, ast_term.span)),
            },
            NewValue::Bool(b) => {
                let (earlier, at) = match self.booleans.iter().find(|(k, _, _)| *k == keyword) {
                    Some(&(_, earlier, at)) => (earlier, at),
                    None => {
                        self.booleans.push((keyword, b, ast_term.span));
                        (b, ast_term.span)
                    }
                };
                if earlier != b {
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::Contradiction,
                            ast_term.span,
                            format!("`{keyword}` is both true and false: no thread can match"),
                        )
                        .with_hint(format!("an earlier term says `{keyword}:{earlier}`"))
                        .with_related(at, "the earlier term"),
                    );
                }
            }
            _ => {}
        }
    }
}
