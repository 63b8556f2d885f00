//! Rendering: each hole's value written by the printer into its term,
//! the query read back by the same rules as any, and every problem put
//! on the hole it comes from.

use crate::diagnostic::{shown, Code, Diagnostic, Error};
use crate::print::quoted;
use crate::query::{Query, Value};
use crate::span::Span;
use crate::suggest::{did_you_mean, nearest_name};

use super::{Bound, Hole, Piece, Template, Values};

/// A template written out: the query text, and the piece each of its
/// terms came from (`(span in the text, piece, the value bound)`).
pub(super) struct Written {
    pub(super) text: String,
    terms: Vec<(Span, usize, Option<String>)>,
}

impl Written {
    /// The written term that byte `at` of the text falls in (or the last
    /// one before it): the terms are in order, so a binary search finds it,
    /// and a long template's diagnostics cost no quadratic scan.
    fn term_at(&self, at: usize) -> Option<&(Span, usize, Option<String>)> {
        let i = self.terms.partition_point(|(span, _, _)| span.start <= at);
        self.terms.get(i.checked_sub(1)?)
    }
}

impl Template {
    /// The query `values` make of this template, checked as `ringq check`
    /// checks any (with the options the template was read with, so dates
    /// resolve with the same reading and `now`). An error names the hole
    /// it comes from, at the hole's span in the template: a missing value,
    /// a name that is no hole, a value of the wrong type, a list where the
    /// keyword takes one value.
    pub fn render(&self, values: &Values) -> Result<Query, Error> {
        self.render_text(values).map(|(query, _)| query)
    }

    /// [`Template::render`], with the text as written before it was read
    /// (the canonical form is [`Query::as_str`]).
    pub fn render_text(&self, values: &Values) -> Result<(Query, String), Error> {
        let mut problems = unknown_names(self, values);
        let written = self.write(|hole, any_of| items(hole, any_of, values.get(&hole.name)));
        let written = match written {
            Ok(written) => written,
            Err(mut more) => {
                problems.append(&mut more);
                return Err(Error::new(self.source.clone(), problems));
            }
        };
        match self.options.check(&written.text) {
            Ok(report) if problems.is_empty() => {
                self.intact(&written, report.parsed())?;
                Ok((report.query().clone(), written.text))
            }
            Ok(_) => Err(Error::new(self.source.clone(), problems)),
            Err(error) => {
                problems.extend(self.at_terms(&written, error.diagnostics(), true));
                Err(Error::new(self.source.clone(), problems))
            }
        }
    }

    /// Writes every piece, each hole's term once per item `value_of` gives
    /// it (none: the term is dropped).
    pub(super) fn write(
        &self,
        value_of: impl Fn(&Hole, bool) -> Result<Option<Vec<String>>, Box<Diagnostic>>,
    ) -> Result<Written, Vec<Diagnostic>> {
        let mut text = String::with_capacity(self.source.len() + 32);
        let mut terms = Vec::with_capacity(self.pieces.len());
        let mut problems = Vec::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            match piece {
                Piece::Literal { text: literal, .. } => {
                    push_term(&mut text, literal, &mut terms, i, None);
                }
                Piece::Hole { hole, minus, keyword, any_of, .. } => {
                    let Some(hole) = self.holes.get(*hole) else { continue };
                    match value_of(hole, *any_of) {
                        Ok(items) => {
                            for item in items.unwrap_or_default() {
                                let minus = if *minus { "-" } else { "" };
                                let term = match keyword {
                                    Some(keyword) => format!("{minus}{keyword}:{}", quoted(&item, false)),
                                    None => format!("{minus}{}", quoted(&item, true)),
                                };
                                push_term(&mut text, &term, &mut terms, i, Some(item));
                            }
                        }
                        Err(problem) => problems.push(*problem),
                    }
                }
            }
        }
        match problems.is_empty() {
            true => Ok(Written { text, terms }),
            false => Err(problems),
        }
    }

    /// The diagnostics of the written query, put on the template: one at a
    /// hole's term names the hole and goes to its span (`named`), or to the
    /// whole term it sits in; one at a literal term goes to that term.
    pub(super) fn at_terms(&self, written: &Written, diagnostics: &[Diagnostic], named: bool) -> Vec<Diagnostic> {
        diagnostics
            .iter()
            .map(|d| {
                let piece = written.term_at(d.span().start).and_then(|&(_, piece, _)| self.pieces.get(piece));
                match piece {
                    Some(Piece::Hole { hole, span, .. }) => match self.holes.get(*hole) {
                        Some(hole) if named => {
                            let message = format!(
                                "`{}` for `{}`: {}",
                                hole.name,
                                hole.keyword.as_deref().unwrap_or("text"),
                                d.message()
                            );
                            retold(d, hole.span, message)
                        }
                        _ => retold(d, *span, d.message().to_owned()),
                    },
                    Some(Piece::Literal { span, .. }) => retold(d, *span, d.message().to_owned()),
                    None => retold(d, Span::new(0, self.source.len()), d.message().to_owned()),
                }
            })
            .collect()
    }

    /// Every text, id and field value reads back as itself: what the
    /// printer guarantees, checked, so a changed query is an error.
    fn intact(&self, written: &Written, parsed: &crate::validate::Parsed) -> Result<(), Error> {
        for (i, spans) in parsed.spans().enumerate() {
            let Some((_, piece, Some(bound))) =
                written.term_at(spans.term.start).filter(|(span, _, _)| *span == spans.term)
            else {
                continue;
            };
            let Some(Piece::Hole { hole, .. }) = self.pieces.get(*piece) else { continue };
            let Some(hole) = self.holes.get(*hole).filter(|h| h.kind.takes_any_text()) else { continue };
            let read = parsed.query().term(i).map(|t| match t.value() {
                Value::Text(s) | Value::Id(s) | Value::Raw(s) => s,
                _ => "",
            });
            if read != Some(bound.as_str()) {
                let message = format!("`{}` does not read back as the value bound (`{}`)", hole.name, shown(bound));
                return Err(Error::new(
                    self.source.clone(),
                    vec![Diagnostic::error(Code::TemplateValue, hole.span, message)],
                ));
            }
        }
        Ok(())
    }
}

/// What `bound` writes into `hole`'s term: its items, or `None` to
/// drop an optional hole's term.
fn items(hole: &Hole, any_of: bool, bound: Option<&Bound>) -> Result<Option<Vec<String>>, Box<Diagnostic>> {
    let for_hole = format!("`{}` for `{}`", hole.name, hole.keyword.as_deref().unwrap_or("text"));
    let error = |message: String, hint: &str| {
        Box::new(Diagnostic::error(Code::TemplateValue, hole.span, message).with_hint(hint))
    };
    let missing = || match hole.optional {
        true => Ok(None),
        false => Err(error(
            format!("no value for `{}`", hole.name),
            &format!("give `{0}` a value, or write the hole `{{{0}?}}` to drop its term when it has none", hole.name),
        )),
    };
    match bound {
        None | Some(Bound::Null) => missing(),
        Some(Bound::List(items)) if !any_of => Err(error(
            format!("{for_hole}: a list of {} values, and the keyword takes one", items.len()),
            "bind one value; only an \"any of\" keyword (`status_in`, `source`, …) takes a list",
        )),
        Some(Bound::List(items)) if items.is_empty() => missing(),
        Some(Bound::List(items)) => items
            .iter()
            .map(|item| {
                scalar(item).ok_or_else(|| error(format!("{for_hole}: a list inside a list"), "bind a flat list"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(one) => Ok(scalar(one).map(|s| vec![s])),
    }
}

/// A diagnostic of the written query, told of the template.
fn retold(d: &Diagnostic, span: Span, message: String) -> Diagnostic {
    let told = match d.severity() {
        crate::diagnostic::Severity::Error => Diagnostic::error(d.code(), span, message),
        _ => Diagnostic::warning(d.code(), span, message),
    };
    match d.hint() {
        Some(hint) => told.with_hint(hint),
        None => told,
    }
}

fn push_term(
    text: &mut String,
    term: &str,
    terms: &mut Vec<(Span, usize, Option<String>)>,
    piece: usize,
    bound: Option<String>,
) {
    if !text.is_empty() {
        text.push(' ');
    }
    let start = text.len();
    text.push_str(term);
    terms.push((Span::new(start, text.len()), piece, bound));
}

/// One value as text: a boolean as `true`/`false`, a number as JSON
/// writes it; `None` for a list.
fn scalar(bound: &Bound) -> Option<String> {
    match bound {
        Bound::Null => Some(String::new()),
        Bound::Bool(b) => Some(b.to_string()),
        Bound::Number(n) => Some(n.to_string()),
        Bound::Text(s) => Some(s.clone()),
        Bound::List(_) => None,
    }
}

/// A value bound to a name the template has no hole for: an error, with
/// the nearest hole names.
fn unknown_names(template: &Template, values: &Values) -> Vec<Diagnostic> {
    let names = || template.holes.iter().map(|h| h.name.as_str());
    values
        .iter()
        .filter(|(name, _)| !names().any(|n| n == *name))
        .map(|(name, _)| {
            let near = nearest_name(name, names());
            let hint = did_you_mean(&near).unwrap_or_else(|| {
                let all: Vec<String> = names().map(|n| format!("`{n}`")).collect();
                if all.is_empty() {
                    "this template has no holes".to_owned()
                } else {
                    format!("its holes are {}", all.join(", "))
                }
            });
            Diagnostic::error(
                Code::TemplateValue,
                Span::new(0, 0),
                format!("`{}` is no hole of this template", shown(name)),
            )
            .with_hint(hint)
        })
        .collect()
}
