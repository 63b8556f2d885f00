//! The grammar rules of `grammar.md` section 1, one function per rule.
//!
//! Each rule works on the remaining input (`&str`); positions are recovered
//! as `source.len() - rest.len()`, so every token knows its span without a
//! located-input type. The rules only recognise text: meaning is given later,
//! by `validate`, which builds the typed [`crate::Query`].
//!
//! Rules are nom parsers (`IResult` in, `IResult` out) and compose with
//! nom's combinators; the four that touch every byte of a long query
//! (`ws`, `keyword`, `bare`, `quoted-body`) are written as byte loops over
//! [`scan`], which decodes only non-ASCII characters.

use std::borrow::Cow;

use nom::character::complete::char;
use nom::combinator::opt;
use nom::{IResult, Parser};

use super::ast::{AstKeyword, AstTerm, AstValue, Incomplete, Quote};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;

/// White space between terms: any Unicode white space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The bytes to delete to remove the term at `term` from `source`: the
/// term and the white space before it (after it, for the first term), so
/// the terms around it stay one space apart.
pub(crate) fn removal(source: &str, term: Span) -> Span {
    let before = source.get(..term.start).unwrap_or("");
    let start = before.trim_end_matches(is_space).len();
    if start > 0 {
        return Span::new(start, term.end);
    }
    let after = source.get(term.end..).unwrap_or("");
    Span::new(0, term.end + (after.len() - after.trim_start_matches(is_space).len()))
}

/// The characters read as a double quote: `"`, and the typographic `“ ”`
/// that the RingCX documentation itself uses.
pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// Whether `name` is a keyword by the grammar (so `name:value` reads back as
/// that keyword and value).
pub fn is_keyword(name: &str) -> bool {
    matches!(keyword(name), Ok(("", _)))
}

/// `ws = 1*white-space`
fn ws(input: &str) -> IResult<&str, &str> {
    let end = scan(input, |c| !is_space(c), |b| !matches!(b, b' ' | b'\t'..=b'\r'));
    match split(input, end) {
        Some(("", _)) | None => Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::TakeWhile1))),
        Some((space, rest)) => Ok((rest, space)),
    }
}

/// `keyword = ( letter | "_" ) *( letter | digit | "_" | "." )`
pub fn keyword(input: &str) -> IResult<&str, &str> {
    let starts_well = match input.as_bytes().first() {
        Some(&b) if b.is_ascii() => b.is_ascii_alphabetic() || b == b'_',
        _ => input.chars().next().is_some_and(char::is_alphabetic),
    };
    let end = if starts_well {
        // ASCII names are the rule: a tight loop over their bytes, and
        // characters decoded only from the first byte that is not ASCII.
        let bytes = input.as_bytes();
        let ascii = bytes.iter().position(|&b| !KEYWORD_BYTES.contains(b)).unwrap_or(bytes.len());
        match (bytes.get(ascii), input.get(ascii..)) {
            (Some(b), Some(rest)) if !b.is_ascii() => {
                ascii + scan(rest, |c| !(c.is_alphanumeric() || c == '_' || c == '.'), |b| !KEYWORD_BYTES.contains(b))
            }
            _ => ascii,
        }
    } else {
        0
    };
    match split(input, end) {
        Some(("", _)) | None => Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Satisfy))),
        Some((name, rest)) => Ok((rest, name)),
    }
}

/// The ASCII bytes a keyword goes on with: letters, digits, `_` and `.`.
static KEYWORD_BYTES: AsciiSet = AsciiSet::of(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.");

/// A set of ASCII bytes as a table of every byte: membership is one load,
/// where a chain of comparisons costs a branch each.
pub(crate) struct AsciiSet([bool; 256]);

impl AsciiSet {
    /// The set of `bytes` (each taken modulo 128).
    pub(crate) const fn of(bytes: &[u8]) -> Self {
        let mut set = [false; 256];
        let mut i = 0;
        while i < bytes.len() {
            set[(bytes[i] & 0x7f) as usize] = true;
            i += 1;
        }
        AsciiSet(set)
    }

    /// Whether `b` is in the set (never, for a byte that is not ASCII).
    pub(crate) fn contains(&self, b: u8) -> bool {
        // Every byte is an index of the table.
        self.0.get(usize::from(b)).copied().unwrap_or(false)
    }
}

/// The byte offset of the first character of `s` at which `stop` holds, or
/// the length of `s`. `stop_ascii` must agree with `stop` on ASCII
/// characters: they are tested byte by byte, and only other characters are
/// decoded. These scans are most of the parser's time on long queries.
fn scan(s: &str, stop: impl Fn(char) -> bool, stop_ascii: impl Fn(u8) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if stop_ascii(b) {
                return i;
            }
            i += 1;
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if stop(c) => return i,
                Some(c) => i += c.len_utf8(),
                None => return bytes.len(),
            }
        }
    }
    bytes.len()
}

/// `bare = 1*( any char but white space )`
fn bare(input: &str) -> IResult<&str, &str> {
    match split(input, first_space(input)) {
        Some(("", _)) | None => Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::TakeTill1))),
        Some((value, rest)) => Ok((rest, value)),
    }
}

/// The byte offset of the first white space in `s`, or its length.
fn first_space(s: &str) -> usize {
    scan(s, is_space, |b| matches!(b, b' ' | b'\t'..=b'\r'))
}

/// `s` cut at byte `at`, when that is a character boundary.
fn split(s: &str, at: usize) -> Option<(&str, &str)> {
    Some((s.get(..at)?, s.get(at..)?))
}

/// `quoted-body = *( char-but-quote-or-backslash | "\" any )`, as written.
/// A backslash at the very end escapes nothing and is part of the body.
fn quoted_body(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => {
                i += 1;
                // Skip the escaped character, whatever its length.
                i += input.get(i..).and_then(|rest| rest.chars().next()).map_or(0, char::len_utf8);
            }
            b'"' => break,
            // The lead byte of `“` and `”` (U+201C, U+201D).
            0xE2 if input.get(i..).is_some_and(|rest| rest.starts_with(['“', '”'])) => break,
            _ => i += 1,
        }
    }
    let (body, rest) = split(input, i).unwrap_or((input, ""));
    Ok((rest, body))
}

/// The characters a backslash escapes inside quotes: `"` and `\`, and the
/// typographic quotes that read as `"` (the printer escapes every quote).
fn is_escapable(c: char) -> bool {
    is_quote(c) || c == '\\'
}

/// Applies the escapes of a quoted body: `\"` is `"` and `\\` is `\`. A
/// backslash before any other character is kept with it (`C:\Users` stays
/// `C:\Users`), since the seed defines no other escape; `bad_escape` is
/// told the byte range (within `body`) of each such backslash and the
/// character after it, to warn.
pub(crate) fn unescape(body: &str, mut bad_escape: impl FnMut(usize, usize)) -> Cow<'_, str> {
    if !body.contains('\\') {
        return Cow::Borrowed(body);
    }
    let mut text = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&(_, next))) if is_escapable(next) => {
                text.push(next);
                chars.next();
            }
            ('\\', Some(&(j, next))) => {
                bad_escape(i, j + next.len_utf8());
                text.push(c);
            }
            (c, _) => text.push(c),
        }
    }
    Cow::Owned(text)
}

/// The terms of `source`, one at a time; syntax diagnostics (errors and
/// warnings) are pushed to `diagnostics` as they are found, so the
/// validator works term by term without building a whole tree first.
/// Parsing goes on after a syntax error, so that every problem is
/// reported: text glued to a closing quote is skipped, a half-typed term
/// is kept with its value marked [`Incomplete`].
///
/// Linear in the length of the query.
pub fn terms<'a, 'd>(source: &'a str, diagnostics: &'d mut Vec<Diagnostic>) -> AstTerms<'a, 'd> {
    AstTerms { source, rest: source, diagnostics }
}

/// The iterator of [`terms`]: the whole source (for spans), what is left to
/// read, and where problems go.
pub struct AstTerms<'a, 'd> {
    source: &'a str,
    rest: &'a str,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl<'a> Iterator for AstTerms<'a, '_> {
    type Item = AstTerm<'a>;

    fn next(&mut self) -> Option<AstTerm<'a>> {
        loop {
            if let Ok((after, _)) = ws(self.rest) {
                self.rest = after;
            }
            if self.rest.is_empty() {
                return None;
            }
            let (after, term) = self.term(self.rest);
            self.rest = after;
            if term.is_some() {
                return term;
            }
        }
    }
}

impl<'a> AstTerms<'a, '_> {
    fn offset(&self, rest: &str) -> usize {
        self.source.len() - rest.len()
    }

    fn span(&self, from: &str, to: &str) -> Span {
        Span::new(self.offset(from), self.offset(to))
    }

    /// `term = [ "-" ] ( keyword ":" value | value )`. On a syntax error,
    /// reports it; a half-typed term is returned marked incomplete, text
    /// glued to a closing quote is skipped to the next white space.
    fn term(&mut self, input: &'a str) -> (&'a str, Option<AstTerm<'a>>) {
        let (after_minus, minus) = match opt(char::<_, nom::error::Error<&str>>('-')).parse(input) {
            // A lone `-` is the bare value "-", not a negation of nothing.
            Ok((rest, Some(_))) if !rest.starts_with(|c: char| !is_space(c)) => (input, None),
            Ok((rest, minus)) => (rest, minus.map(|_| self.span(input, rest))),
            Err(_) => (input, None),
        };
        let (value_input, keyword) = match keyword(after_minus) {
            Ok((rest, name)) if rest.starts_with(':') => {
                let span = self.span(after_minus, rest);
                (rest.get(1..).unwrap_or(""), Some(AstKeyword { name, span }))
            }
            _ => (after_minus, None),
        };
        if let Some(kw) = &keyword {
            if !value_input.starts_with(|c: char| !is_space(c)) {
                let colon = Span::new(kw.span.start, kw.span.end + 1);
                // `RE: refund` is more likely a phrase to search for than a
                // keyword: show both readings with the user's own words.
                let next = value_input.trim_start();
                let next = next.get(..first_space(next)).unwrap_or("");
                let hint = if next.is_empty() || next.contains(':') || next.contains(is_quote) || next.len() > 40 {
                    format!("write the value right after the colon (`{0}:value`), or quote the whole term to search for it as text (`\"{0}:\"`)", kw.name)
                } else {
                    format!(
                        "write the value right after the colon (`{0}:{1}`), or quote the phrase to search for it as text (`\"{0}: {1}\"`)",
                        kw.name,
                        next.replace('\\', "\\\\").replace(char::is_control, " ")
                    )
                };
                self.diagnostics.push(
                    Diagnostic::error(Code::EmptyValue, colon, format!("`{}:` has no value", kw.name)).with_hint(hint),
                );
                let at = Span::new(colon.end, colon.end);
                let value = AstValue {
                    text: Cow::Borrowed(""),
                    raw: "",
                    span: at,
                    quote: Quote::Bare,
                    incomplete: Some(Incomplete::Missing),
                };
                let span = Span::new(self.offset(input), colon.end);
                return (value_input, Some(AstTerm { span, minus, keyword, value }));
            }
        }
        match self.value(value_input) {
            Ok((rest, value)) => {
                let span = Span::new(self.offset(input), value.span.end);
                (rest, Some(AstTerm { span, minus, keyword, value }))
            }
            Err(rest) => (rest, None),
        }
    }

    /// `value = quoted | bare`. A value that starts with a quote must be a
    /// whole quoted value: an unterminated quote is an error, not a bare
    /// value that happens to start with `"`.
    fn value(&mut self, input: &'a str) -> Result<(&'a str, AstValue<'a>), &'a str> {
        if input.starts_with(is_quote) {
            return self.quoted(input);
        }
        match bare(input) {
            Ok((rest, raw)) => {
                let span = self.span(input, rest);
                Ok((rest, AstValue { text: Cow::Borrowed(raw), raw, span, quote: Quote::Bare, incomplete: None }))
            }
            // Unreachable: the caller only calls this before a non-space.
            Err(_) => Err(input),
        }
    }

    /// `quoted = '"' quoted-body '"'`, followed by white space or the end.
    fn quoted(&mut self, input: &'a str) -> Result<(&'a str, AstValue<'a>), &'a str> {
        let open = input.chars().next().unwrap_or('"');
        let after_open = input.get(open.len_utf8()..).unwrap_or("");
        let (after_body, body) = quoted_body(after_open).unwrap_or((after_open, ""));
        let Some(close) = after_body.chars().next().filter(|&c| is_quote(c)) else {
            let span = self.span(input, after_body);
            let mut diagnostic =
                Diagnostic::error(Code::UnterminatedQuote, span, "this quoted value has no closing quote")
                    .with_hint("add a closing `\"`; write `\\\"` for a quote inside a value");
            // A body ending in `\` would escape the added quote.
            if !body.ends_with('\\') {
                diagnostic = diagnostic.with_replacement(Span::new(span.end, span.end), "\"");
            }
            self.diagnostics.push(diagnostic);
            // What was typed so far; its escapes are not reported on top
            // of the missing quote.
            let quote = if open == '"' { Quote::Straight } else { Quote::Typographic };
            let raw = input.get(..input.len() - after_body.len()).unwrap_or(input);
            let text = unescape(body, |_, _| {});
            return Ok((after_body, AstValue { text, raw, span, quote, incomplete: Some(Incomplete::Unterminated) }));
        };
        let rest = after_body.get(close.len_utf8()..).unwrap_or("");
        let span = self.span(input, rest);
        if rest.starts_with(|c: char| !is_space(c)) {
            let (skipped, text) = bare(rest).unwrap_or((rest, rest));
            let at = self.span(rest, skipped);
            let mut diagnostic = Diagnostic::error(Code::TextAfterQuote, at, "text right after a closing quote")
                .with_hint("separate terms with a space, or move the text inside the quotes");
            // A space makes the text a term of its own; offered as the edit
            // when that term is plain text, which can hold no new error, and
            // the quoted value before it is not empty (a term of its own too).
            let plain = !text.contains(|c: char| c == ':' || c == '\\' || is_quote(c)) && !text.starts_with('-');
            if plain && !body.is_empty() {
                diagnostic = diagnostic.with_replacement(Span::new(at.start, at.start), " ");
            }
            self.diagnostics.push(diagnostic);
            return Err(skipped);
        }
        let quote = if open == '"' && close == '"' {
            Quote::Straight
        } else {
            self.diagnostics.push(
                Diagnostic::warning(Code::TypographicQuote, span, "typographic quotes were read as `\"`")
                    .with_hint("use straight double quotes `\"`")
                    .with_replacement(span, format!("\"{body}\"")),
            );
            Quote::Typographic
        };
        let body_start = self.offset(after_open);
        let text = unescape(body, |start, end| {
            let written = body.get(start..end).unwrap_or("\\");
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::UnknownEscape,
                    Span::new(body_start + start, body_start + end),
                    format!("`{}` is not an escape: the backslash is kept", crate::diagnostic::shown(written)),
                )
                .with_hint("only `\\\"` and `\\\\` are escapes; write `\\\\` for a backslash")
                .with_replacement(Span::new(body_start + start, body_start + start), "\\"),
            );
        });
        let raw = input.get(..input.len() - rest.len()).unwrap_or(input);
        Ok((rest, AstValue { text, raw, span, quote, incomplete: None }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The terms of a whole query, for the tables.
    struct Written<'a> {
        terms: Vec<AstTerm<'a>>,
    }

    fn query(source: &str) -> (Written<'_>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let terms = terms(source, &mut diagnostics).collect();
        (Written { terms }, diagnostics)
    }

    #[test]
    fn half_typed_terms_are_kept_and_marked() {
        let (ast, diagnostics) = query(r#"status_in: -kw:"open \\x"#);
        let codes: Vec<Code> = diagnostics.iter().map(|d| d.code()).collect();
        assert_eq!(codes, [Code::EmptyValue, Code::UnterminatedQuote]);
        let missing = &ast.terms[0];
        assert_eq!(missing.keyword.as_ref().map(|k| k.name), Some("status_in"));
        assert_eq!(missing.value.incomplete, Some(Incomplete::Missing));
        assert_eq!((missing.span, missing.value.span), (Span::new(0, 10), Span::new(10, 10)));
        let open = &ast.terms[1];
        assert!(open.minus.is_some());
        assert_eq!(open.value.incomplete, Some(Incomplete::Unterminated));
        assert_eq!(open.value.text, r"open \x");
        assert_eq!((open.span, open.value.span), (Span::new(11, 24), Span::new(15, 24)));
        assert_eq!(ast.terms.len(), 2);
    }

    /// A term as (negated, keyword, value text).
    type Shape = (bool, Option<&'static str>, &'static str);

    /// (input, expected terms).
    const ACCEPTED: &[(&str, &[Shape])] = &[
        ("", &[]),
        ("  \t\n ", &[]),
        ("refund", &[(false, None, "refund")]),
        ("assigned_to_me:true", &[(false, Some("assigned_to_me"), "true")]),
        ("-status_in:replied", &[(true, Some("status_in"), "replied")]),
        ("a:b:c", &[(false, Some("a"), "b:c")]),
        ("12:30", &[(false, None, "12:30")]),
        (":x", &[(false, None, ":x")]),
        ("-", &[(false, None, "-")]),
        ("--x", &[(true, None, "-x")]),
        ("kw:\"a value\"", &[(false, Some("kw"), "a value")]),
        (r#"kw:"say \"hi\" \\ o""#, &[(false, Some("kw"), r#"say "hi" \ o"#)]),
        (r#"text:"C:\Users\x""#, &[(false, Some("text"), r#"C:\Users\x"#)]),
        (r#""\“ \” \é""#, &[(false, None, r#"“ ” \é"#)]),
        ("kw:\"\"", &[(false, Some("kw"), "")]),
        ("\"two words\"", &[(false, None, "two words")]),
        ("kw:a\"b", &[(false, Some("kw"), "a\"b")]),
        ("x\u{3000}y\u{a0}z", &[(false, None, "x"), (false, None, "y"), (false, None, "z")]),
        ("kw:“typo”", &[(false, Some("kw"), "typo")]),
        ("workflow.attrs.contact.email:a@b.c", &[(false, Some("workflow.attrs.contact.email"), "a@b.c")]),
        ("_x:1 é:2", &[(false, Some("_x"), "1"), (false, Some("é"), "2")]),
    ];

    #[test]
    fn grammar_accepts_table() {
        for (input, expected) in ACCEPTED {
            let (ast, diagnostics) = query(input);
            assert!(diagnostics.iter().all(|d| !d.is_error()), "{input:?}: {diagnostics:?}");
            let got: Vec<_> = ast
                .terms
                .iter()
                .map(|t| (t.minus.is_some(), t.keyword.as_ref().map(|k| k.name), t.value.text.as_ref()))
                .collect();
            assert_eq!(&got, expected, "{input:?}");
        }
    }

    /// An expected error: its code and byte span.
    type At = (Code, usize, usize);

    /// (input, expected error codes with spans).
    const REJECTED: &[(&str, &[At])] = &[
        ("kw:", &[(Code::EmptyValue, 0, 3)]),
        ("a kw: b", &[(Code::EmptyValue, 2, 5)]),
        ("\"open", &[(Code::UnterminatedQuote, 0, 5)]),
        ("kw:\"open \\\"", &[(Code::UnterminatedQuote, 3, 11)]),
        ("kw:\"a\"b c", &[(Code::TextAfterQuote, 6, 7)]),
        ("\"a\"\"b\" x:", &[(Code::TextAfterQuote, 3, 6), (Code::EmptyValue, 7, 9)]),
    ];

    #[test]
    fn grammar_rejects_table() {
        for (input, expected) in REJECTED {
            let (_, diagnostics) = query(input);
            let got: Vec<_> = diagnostics.iter().map(|d| (d.code(), d.span().start, d.span().end)).collect();
            assert_eq!(&got, expected, "{input:?}");
        }
    }

    #[test]
    fn spans_point_at_what_was_written() {
        let (ast, _) = query("  -kw:\"v w\" txt");
        let term = &ast.terms[0];
        assert_eq!(term.span, Span::new(2, 11));
        assert_eq!(term.minus, Some(Span::new(2, 3)));
        assert_eq!(term.keyword.as_ref().map(|k| k.span), Some(Span::new(3, 5)));
        assert_eq!(term.value.span, Span::new(6, 11));
        assert_eq!(term.value.offset_of_text(), Some(7));
        assert_eq!(ast.terms[1].span, Span::new(12, 15));
    }

    #[test]
    fn typographic_quotes_warn() {
        let (_, diagnostics) = query("kw:“x”");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code(), Code::TypographicQuote);
        assert!(!diagnostics[0].is_error());
    }

    #[test]
    fn unknown_escapes_keep_the_backslash_and_warn() {
        let (ast, diagnostics) = query(r#"text:"C:\Users\x" "a\\b\"c""#);
        assert_eq!(ast.terms[0].value.text, r#"C:\Users\x"#);
        assert_eq!(ast.terms[1].value.text, r#"a\b"c"#);
        let got: Vec<_> = diagnostics.iter().map(|d| (d.code(), d.span().start, d.span().end, d.is_error())).collect();
        assert_eq!(got, [(Code::UnknownEscape, 8, 10, false), (Code::UnknownEscape, 14, 16, false)]);
        assert_eq!(diagnostics[0].message(), "`\\U` is not an escape: the backslash is kept");
    }

    #[test]
    fn keyword_rule() {
        for c in (0u8..=0x7f).map(char::from).chain(['é', 'ß', '日', '\u{3000}']) {
            let continues = c.is_alphanumeric() || c == '_' || c == '.';
            assert_eq!(is_keyword(&format!("a{c}")), continues, "{c:?}");
            assert_eq!(is_keyword(&format!("é{c}")), continues, "{c:?}");
            assert_eq!(is_keyword(&format!("{c}")), c.is_alphabetic() || c == '_', "{c:?}");
        }
        assert!(is_keyword("assigned_to"));
        assert!(is_keyword("workflow.attrs.email"));
        assert!(is_keyword("_a1"));
        assert!(!is_keyword("1a"));
        assert!(!is_keyword("a b"));
        assert!(!is_keyword("a:b"));
        assert!(!is_keyword(""));
    }
}
