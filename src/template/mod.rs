//! Query templates: a `q` string with holes (`status_in:{status}
//! first_content_after:{since?} {words}`) that values are bound into
//! safely. Each hole is typed by the keyword it sits in and checked when
//! the template is read; a bound value is quoted and escaped by the
//! printer, so it can never become syntax, and the rendered query is
//! checked by the same rules as any other.
//!
//! The syntax (grammar.md §5): `{name}` is a hole, `{name?}` an optional
//! one whose term is dropped when the value is absent or null, `{{` and
//! `}}` are literal braces. A hole stands for a whole value
//! (`source:{src}`) or a whole free-text term (`{words}`).

mod render;
mod values;

use serde::Serialize;

use crate::catalog::{Repeat, ValueType};
use crate::diagnostic::{shown, Code, Diagnostic, Error};
use crate::front::Options;
use crate::span::Span;
use crate::syntax::{self, Quote};

pub use values::{Bound, Values};

/// `text` as one free-text term, quoted and escaped as it must be: what a
/// caller pastes into a `q` string by hand to search for exactly `text`.
///
/// ```
/// assert_eq!(ringq::quote("refund"), "refund");
/// assert_eq!(ringq::quote(r#"a "b" -c"#), r#""a \"b\" -c""#);
/// assert_eq!(ringq::quote("status_in:new"), r#""status_in:new""#);
/// ```
pub fn quote(text: &str) -> String {
    crate::print::quoted(text, true)
}

/// The character a hole is read as while the template's terms are found:
/// one a value may hold and no one types (a private-use code point). Only
/// where it stands counts, so a template that holds it elsewhere is fine.
const PLACEHOLDER: &str = "\u{e000}";

/// A template read and checked once, to be rendered with many values.
///
/// ```
/// use ringq::{Options, Template, Values};
///
/// let template = Template::parse("assigned_to_me:{mine} -status_in:{done} {words}", &Options::default())?;
/// let values = Values::new().set("mine", true).set("done", vec!["replied", "ignored"]).set("words", "refund \"now\"");
/// let query = template.render(&values)?;
/// assert_eq!(query.as_str(), r#"assigned_to_me:true -status_in:replied -status_in:ignored "refund \"now\"""#);
///
/// // A value never becomes syntax, and a value of the wrong type names its hole.
/// let error = template.render(&values.clone().set("mine", "maybe")).unwrap_err();
/// assert!(error.diagnostics()[0].message().starts_with("`mine` for `assigned_to_me`:"));
/// # Ok::<(), ringq::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Template {
    source: String,
    options: Options,
    pieces: Vec<Piece>,
    holes: Vec<Hole>,
}

/// One hole of a template, where it is and what it takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hole {
    name: String,
    optional: bool,
    kind: HoleKind,
    keyword: Option<String>,
    span: Span,
}

impl Hole {
    /// Its name, as values bind it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether it may be left out (`{name?}`): its term is then dropped.
    pub fn optional(&self) -> bool {
        self.optional
    }

    /// What it takes, by its keyword's value type.
    pub fn kind(&self) -> HoleKind {
        self.kind
    }

    /// The keyword it is the value of; `None` for a free-text term.
    pub fn keyword(&self) -> Option<&str> {
        self.keyword.as_deref()
    }

    /// Where it is in the template, braces included.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// What a hole takes: its keyword's value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HoleKind {
    /// `true`/`false` (or `yes`, `1`, …).
    Bool,
    /// A status name.
    Status,
    /// A user, team, category or other id (a number binds too).
    Id,
    /// A human date or an instant, read as `ringq check` reads it.
    Date,
    /// `FIELD.DIRECTION`.
    Order,
    /// A language code.
    Language,
    /// Free text: any string, quoted as it must be.
    Text,
    /// A keyword outside the catalogue (lenient mode, OmniQ fields): any
    /// string.
    Field,
}

impl HoleKind {
    fn of(value: Option<ValueType>) -> HoleKind {
        match value {
            Some(ValueType::Bool | ValueType::Flag) => HoleKind::Bool,
            Some(ValueType::Status) => HoleKind::Status,
            Some(ValueType::Date) => HoleKind::Date,
            Some(ValueType::Order) => HoleKind::Order,
            Some(ValueType::Language) => HoleKind::Language,
            Some(ValueType::Words) => HoleKind::Text,
            Some(ValueType::UserId | ValueType::TeamId | ValueType::CategoryId | ValueType::Id) => HoleKind::Id,
            None => HoleKind::Field,
        }
    }

    /// Whether a string takes any shape it likes here.
    fn takes_any_text(self) -> bool {
        matches!(self, HoleKind::Text | HoleKind::Id | HoleKind::Field)
    }

    /// A value of this kind that is valid wherever the kind is: what the
    /// template is checked with before any value is bound.
    fn sample(self) -> &'static str {
        match self {
            HoleKind::Bool => "true",
            HoleKind::Status => "new",
            HoleKind::Id => "1",
            HoleKind::Date => "2011-02-03",
            HoleKind::Order => "created_at.desc",
            HoleKind::Language => "en",
            HoleKind::Text | HoleKind::Field => "x",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            HoleKind::Bool => "a boolean",
            HoleKind::Status => "a status",
            HoleKind::Id => "an id",
            HoleKind::Date => "a date",
            HoleKind::Order => "a sort order",
            HoleKind::Language => "a language code",
            HoleKind::Text => "text",
            HoleKind::Field => "a field value",
        }
    }
}

/// A term of the template: as written, or a hole's.
#[derive(Clone, Debug)]
enum Piece {
    /// A term with no hole: its text as it renders, and its span in the
    /// template.
    Literal { text: String, span: Span },
    /// A term whose value is hole `hole`.
    Hole { hole: usize, minus: bool, keyword: Option<String>, any_of: bool, span: Span },
}

impl Template {
    /// Reads `text` as a template for queries checked with `options`:
    /// every term without a hole is checked now, and every hole's term with
    /// a value of its kind, so that unknown keywords, a hole where no value
    /// can go, a negation the keyword does not take and a name used with
    /// two incompatible types are errors (with spans into `text`) before
    /// any value is bound.
    pub fn parse(text: &str, options: &Options) -> Result<Template, Error> {
        crate::validate::too_long(text)?;
        let mut diagnostics = Vec::new();
        let scanned = scan(text, &mut diagnostics);
        let (catalog, _) = options.reading_catalog();
        let mut syntax_diagnostics = Vec::new();
        let mut pieces = Vec::new();
        let mut holes = Vec::new();
        let mut next = 0;
        for term in syntax::terms(&scanned.skeleton, &mut syntax_diagnostics) {
            let inside: Vec<&Marked> =
                scanned.holes.iter().skip(next).take_while(|h| h.at.end <= term.span.end).collect();
            next += inside.len();
            let span = scanned.to_template(term.span);
            match inside.as_slice() {
                [] => pieces.push(Piece::Literal {
                    text: scanned.skeleton.get(term.span.range()).unwrap_or_default().to_owned(),
                    span,
                }),
                [hole] if term.value.span == hole.at && term.value.quote == Quote::Bare => {
                    let keyword = term.keyword.as_ref().map(|k| k.name.to_owned());
                    let spec = catalog.get(keyword.as_deref().unwrap_or("text"));
                    holes.push(Hole {
                        name: hole.name.clone(),
                        optional: hole.optional,
                        kind: HoleKind::of(spec.map(|s| s.value)),
                        keyword: keyword.as_ref().map(|k| spec.map_or(k.clone(), |s| s.name.to_string())),
                        span: hole.span,
                    });
                    let any_of = spec.is_some_and(|s| s.repeat == Repeat::AnyOf);
                    pieces.push(Piece::Hole {
                        hole: holes.len() - 1,
                        minus: term.minus.is_some(),
                        keyword,
                        any_of,
                        span,
                    });
                }
                _ => {
                    for hole in inside {
                        diagnostics.push(
                            Diagnostic::error(
                                Code::TemplateHole,
                                hole.span,
                                format!("`{{{}}}` is part of a value: a hole stands for a whole one", hole.name),
                            )
                            .with_hint("write a hole as a whole value (`source:{src}`) or a whole term (`{words}`); `{{` and `}}` are literal braces"),
                        );
                    }
                }
            }
        }
        for d in syntax_diagnostics {
            let span = scanned.to_template(d.span());
            diagnostics.push(d.at(span));
        }
        check_names(&holes, &mut diagnostics);
        let template = Template { source: text.to_owned(), options: options.clone(), pieces, holes };
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(Error::new(text, diagnostics));
        }
        template.check_with_samples()?;
        Ok(template)
    }

    /// The template as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Every hole, in the order written (a name used twice is there twice).
    pub fn holes(&self) -> &[Hole] {
        &self.holes
    }

    /// The terms with a value of each hole's kind, checked: what any
    /// binding of the right types would meet. Without a `now` in the
    /// options, a fixed one stands in (the samples resolve at any), since
    /// an OmniQ request cannot be compiled without one.
    fn check_with_samples(&self) -> Result<(), Error> {
        let rendered = self.write(|hole, _| Ok(Some(vec![hole.kind.sample().to_owned()])));
        let rendered = rendered.map_err(|diagnostics| Error::new(self.source.clone(), diagnostics))?;
        let mut sampled = self.options.clone();
        sampled.now = sampled.now.or(chrono::DateTime::from_timestamp(1_700_000_000, 0));
        match sampled.check(&rendered.text) {
            Ok(_) => Ok(()),
            Err(error) => Err(Error::new(self.source.clone(), self.at_terms(&rendered, error.diagnostics(), false))),
        }
    }
}

/// Names used twice must take one kind of value: an id and text both take
/// any string, but a boolean is no date.
fn check_names(holes: &[Hole], diagnostics: &mut Vec<Diagnostic>) {
    for (i, hole) in holes.iter().enumerate() {
        let Some(first) = holes.iter().take(i).find(|h| h.name == hole.name) else { continue };
        let compatible = first.kind == hole.kind || first.kind.takes_any_text() || hole.kind.takes_any_text();
        if !compatible {
            diagnostics.push(
                Diagnostic::error(
                    Code::TemplateHole,
                    hole.span,
                    format!(
                        "`{}` takes {} here and {} where it is first used: no value is both",
                        hole.name,
                        hole.kind.describe(),
                        first.kind.describe()
                    ),
                )
                .with_hint("give the two holes different names")
                .with_related(first.span, "its first use"),
            );
        }
    }
}

/// A hole found by the scan: its name, its span in the template, and
/// where its placeholder is in the skeleton.
struct Marked {
    name: String,
    optional: bool,
    span: Span,
    at: Span,
}

/// The template as the query reader sees it: literal braces unescaped,
/// each hole a placeholder; and how skeleton offsets map back.
struct Scanned {
    skeleton: String,
    holes: Vec<Marked>,
    /// (skeleton offset, template offset) where the two stop moving
    /// together: the start, and after each brace or hole.
    anchors: Vec<(usize, usize)>,
}

impl Scanned {
    /// A skeleton offset as a template offset.
    fn offset(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(skeleton, _)| skeleton <= at).saturating_sub(1);
        self.anchors.get(i).map_or(at, |&(skeleton, template)| template + (at - skeleton))
    }

    fn to_template(&self, span: Span) -> Span {
        Span::new(self.offset(span.start), self.offset(span.end))
    }
}

/// Finds the holes and literal braces of `text`; a brace that is neither
/// is an error.
fn scan(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Scanned {
    let mut skeleton = String::with_capacity(text.len());
    let mut holes = Vec::new();
    let mut anchors = vec![(0, 0)];
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        let at = text.len() - rest.len() + i;
        skeleton.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i..).unwrap_or_default();
        let used = if after.starts_with("{{") || after.starts_with("}}") {
            skeleton.push_str(after.get(..1).unwrap_or_default());
            2
        } else if after.starts_with('}') {
            diagnostics.push(
                Diagnostic::error(Code::TemplateHole, Span::new(at, at + 1), "this `}` closes no hole")
                    .with_hint("write `}}` for a literal brace"),
            );
            1
        } else {
            match hole(after) {
                Some((name, optional, len)) => {
                    let start = skeleton.len();
                    skeleton.push_str(PLACEHOLDER);
                    let at_skeleton = Span::new(start, skeleton.len());
                    holes.push(Marked {
                        name: name.to_owned(),
                        optional,
                        span: Span::new(at, at + len),
                        at: at_skeleton,
                    });
                    len
                }
                None => {
                    let end = after.find('}').map_or(text.len(), |j| at + j + 1);
                    let written = text.get(at..end.min(at + 40)).unwrap_or("{");
                    diagnostics.push(
                        Diagnostic::error(
                            Code::TemplateHole,
                            Span::new(at, end),
                            format!("`{}` is no hole: a name is letters, digits and `_`", shown(written)),
                        )
                        .with_hint("write `{name}` or `{name?}` for a hole, `{{` for a literal brace"),
                    );
                    end - at
                }
            }
        };
        rest = text.get(at + used..).unwrap_or_default();
        anchors.push((skeleton.len(), at + used));
    }
    skeleton.push_str(rest);
    Scanned { skeleton, holes, anchors }
}

/// `{name}` or `{name?}` at the start of `text`: the name, whether it is
/// optional, and the length written.
fn hole(text: &str) -> Option<(&str, bool, usize)> {
    let body = text.strip_prefix('{')?;
    let close = body.find('}')?;
    let inside = body.get(..close)?;
    let (name, optional) = match inside.strip_suffix('?') {
        Some(name) => (name, true),
        None => (inside, false),
    };
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some((name, optional, close + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_and_braces_are_found_and_offsets_map_back() {
        let mut diagnostics = Vec::new();
        let scanned = scan("a{{b}} source:{src} {words?}", &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(scanned.skeleton, "a{b} source:\u{e000} \u{e000}");
        let names: Vec<_> = scanned.holes.iter().map(|h| (h.name.as_str(), h.optional, h.span)).collect();
        assert_eq!(names, [("src", false, Span::new(14, 19)), ("words", true, Span::new(20, 28))]);
        assert_eq!(scanned.to_template(scanned.holes[0].at), Span::new(14, 19));
        assert_eq!(scanned.offset(2), 3); // `b` after the literal `{{`
    }

    #[test]
    fn a_brace_that_is_no_hole_is_an_error() {
        for text in ["a}", "{", "{1x}", "{a b}", "{}", "{?}"] {
            let mut diagnostics = Vec::new();
            scan(text, &mut diagnostics);
            assert_eq!(diagnostics.len(), 1, "{text}: {diagnostics:?}");
        }
    }
}
