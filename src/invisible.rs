//! Characters no one can see: format characters (Unicode category Cf:
//! zero-width spaces and joiners, bidi marks, embeddings, overrides and
//! isolates, the byte order mark, the soft hyphen) and the line and
//! paragraph separators (Zl, Zp).
//!
//! A value that holds one looks like a valid one and is not
//! (`new\u{200b}` is no status), or is accepted and searches for something
//! other than what is on screen; a bidi override can even show a query in
//! another order than it is read. Messages show them escaped (`\u{200b}`),
//! and say which they are.

use std::borrow::Cow;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Whether `c` is a character that shows nothing (or moves the text
/// around it) on a screen.
pub(crate) fn is_invisible(c: char) -> bool {
    !c.is_ascii()
        && matches!(
            c.general_category(),
            GeneralCategory::Format | GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
        )
}

/// Whether `text` holds an invisible character; ASCII text is looked at
/// byte by byte and never does.
pub(crate) fn holds_invisible(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(is_invisible)
}

/// `text` without its invisible characters.
pub(crate) fn without_invisible(text: &str) -> Cow<'_, str> {
    if holds_invisible(text) {
        Cow::Owned(text.chars().filter(|&c| !is_invisible(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// `U+200B ZERO WIDTH SPACE`: the code point and, for the usual ones, the
/// name.
pub(crate) fn name(c: char) -> String {
    let name = match c {
        '\u{ad}' => "SOFT HYPHEN",
        '\u{61c}' => "ARABIC LETTER MARK",
        '\u{180e}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
        _ => "",
    };
    let code = u32::from(c);
    if name.is_empty() {
        format!("U+{code:04X} (an invisible format character)")
    } else {
        format!("U+{code:04X} {name}")
    }
}

/// What `text` is once its invisible characters are seen: "`new` followed
/// by U+200B ZERO WIDTH SPACE", "`status_in` preceded by …", "`ne` `w`
/// with … between". `None` when it holds none.
pub(crate) fn describe(text: &str) -> Option<String> {
    if !holds_invisible(text) {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    for c in text.chars().filter(|&c| is_invisible(c)) {
        let named = name(c);
        if !names.contains(&named) {
            names.push(named);
        }
    }
    let names = names.join(" and ");
    let visible = without_invisible(text);
    let shown = crate::diagnostic::shown(&visible);
    let first_visible = text.find(|c: char| !is_invisible(c));
    let last_visible = text.rfind(|c: char| !is_invisible(c));
    let inside = match (first_visible, last_visible) {
        (Some(first), Some(last)) => text.get(first..last).is_some_and(holds_invisible),
        _ => false,
    };
    let leading = first_visible.is_some_and(|first| first > 0);
    let trailing = last_visible.is_some_and(|last| text.get(last..).is_some_and(|t| t.chars().count() > 1));
    Some(match (visible.is_empty(), leading, inside, trailing) {
        (true, ..) => format!("only {names}, which cannot be seen"),
        (false, false, false, true) => format!("`{shown}` followed by {names}"),
        (false, true, false, false) => format!("`{shown}` preceded by {names}"),
        _ => format!("`{shown}` with {names} in it"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_characters_and_separators_are_invisible_and_the_rest_is_not() {
        for c in ['\u{200b}', '\u{200f}', '\u{202e}', '\u{2066}', '\u{feff}', '\u{ad}', '\u{2028}', '\u{e0001}'] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in ['a', ' ', '\n', '\u{a0}', 'é', '\u{3000}', '☃'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn descriptions_say_where_the_invisible_characters_are() {
        assert_eq!(describe("new\u{200b}").as_deref(), Some("`new` followed by U+200B ZERO WIDTH SPACE"));
        assert_eq!(
            describe("\u{feff}status_in").as_deref(),
            Some("`status_in` preceded by U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark)")
        );
        assert_eq!(
            describe("re\u{200f}pl\u{200f}ied").as_deref(),
            Some("`replied` with U+200F RIGHT-TO-LEFT MARK in it")
        );
        assert_eq!(describe("\u{2060}").as_deref(), Some("only U+2060 WORD JOINER, which cannot be seen"));
        assert_eq!(describe("new"), None);
        assert_eq!(name('\u{e0041}'), "U+E0041 (an invisible format character)");
    }
}
