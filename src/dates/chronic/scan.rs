//! The scanning pieces of Chronic's normalisation: Ruby's `gsub` over
//! hand-written matchers, and the matchers of its patterns (each says
//! where a match that starts at a byte ends, as Ruby's regex engine would).

use super::normalize::{Bytes, ANY, SPACES};

/// Replaces every match of a pattern, as Ruby's `gsub` does: `find` says
/// where a match that starts at `i` ends, and `put` writes the
/// replacement of the matched text. `None` when nothing matched. A match
/// starts only with a byte of `starts` (with any character, `ANY`).
pub(super) fn gsub(
    s: &str,
    starts: Bytes,
    find: impl Fn(&str, usize) -> Option<usize>,
    put: impl Fn(&str, &mut String),
) -> Option<String> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // Bytes a match cannot start with are passed over without a look,
        // and so is whatever an earlier match took.
        let start = if b < 128 { starts & 1 << b != 0 } else { starts == ANY && s.is_char_boundary(i) };
        if i < copied || !start {
            continue;
        }
        if let Some(end) = find(s, i).filter(|&end| end > i) {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len() + 16));
            o.push_str(s.get(copied..i).unwrap_or(""));
            put(s.get(i..end).unwrap_or(""), o);
            copied = end;
        }
    }
    out.map(|mut o| {
        o.push_str(s.get(copied..).unwrap_or(""));
        o
    })
}

pub(super) fn byte(s: &str, i: usize) -> Option<u8> {
    s.as_bytes().get(i).copied()
}

/// The end of `l` when `s` holds it at `i`.
pub(super) fn lit(s: &str, i: usize, l: &str) -> Option<usize> {
    s.as_bytes().get(i..)?.starts_with(l.as_bytes()).then_some(i + l.len())
}

/// The end of the run of ASCII digits at `i` (`\d*`).
pub(super) fn digits(s: &str, i: usize) -> usize {
    i + s.as_bytes().get(i..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// The end of exactly `n` digits at `i`.
pub(super) fn exactly(s: &str, i: usize, n: usize) -> Option<usize> {
    (digits(s, i) >= i + n).then_some(i + n)
}

/// The end of the run of spaces (` *`) at `i`.
pub(super) fn spaces(s: &str, i: usize) -> usize {
    i + s.as_bytes().get(i..).map_or(0, |r| r.iter().take_while(|&&b| b == b' ').count())
}

pub(super) fn is_space(b: u8) -> bool {
    b < 128 && SPACES & 1 << b != 0
}

/// A word character, as `\b` sees it: beyond ASCII, a letter, a mark, a
/// decimal digit or a connector (Unicode's `\w`, which Onigmo's `\b` also
/// uses), looked up in the `regex` crate's tables as no other table at hand
/// has them.
pub(super) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    static WORD: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"^\w$").ok());
    WORD.as_ref().is_some_and(|w| w.is_match(c.encode_utf8(&mut [0; 4])))
}

/// `\b` at `i`.
pub(super) fn boundary(s: &str, i: usize) -> bool {
    let before = s.get(..i).and_then(|r| r.chars().next_back()).is_some_and(is_word);
    let after = s.get(i..).and_then(|r| r.chars().next()).is_some_and(is_word);
    before != after
}

/// `^` at `i`.
pub(super) fn line_start(s: &str, i: usize) -> bool {
    i == 0 || byte(s, i - 1) == Some(b'\n')
}

/// `\b(alternative)\b`, trying the alternatives in order: the end and
/// which one matched.
pub(super) fn words(s: &str, i: usize, alternatives: &[&str]) -> Option<(usize, usize)> {
    if !boundary(s, i) {
        return None;
    }
    alternatives.iter().enumerate().find_map(|(n, a)| lit(s, i, a).filter(|&end| boundary(s, end)).map(|end| (end, n)))
}

/// `\b(alternatives)\b` → `replacement`.
pub(super) fn first_then_m(m: &str, out: &mut String) {
    out.push_str(m.get(..1).unwrap_or(""));
    out.push('m');
}

/// `[ap]` `sep` `m` `sep?`: `a.m.`, `p:m`.
pub(super) fn ante_post(s: &str, i: usize, sep: u8) -> Option<usize> {
    if !matches!(byte(s, i), Some(b'a' | b'p')) || byte(s, i + 1) != Some(sep) || byte(s, i + 2) != Some(b'm') {
        return None;
    }
    Some(if byte(s, i + 3) == Some(sep) { i + 4 } else { i + 3 })
}

/// `\b\d{2}\.\d{2}\.\d{4}\b`
pub(super) fn dotted_date(s: &str, i: usize) -> Option<usize> {
    if !boundary(s, i) {
        return None;
    }
    let e = lit(s, exactly(s, i, 2)?, ".")?;
    let e = lit(s, exactly(s, e, 2)?, ".")?;
    let e = exactly(s, e, 4)?;
    boundary(s, e).then_some(e)
}

/// `(\s+|:\d{2}|:\d{2}\.\d{3})\-(\d{2}:?\d{2})\b`
pub(super) fn zone_minus(s: &str, i: usize) -> Option<usize> {
    let b = byte(s, i)?;
    let rest = |at: usize| {
        let e = exactly(s, lit(s, at, "-")?, 2)?;
        let e = lit(s, e, ":").unwrap_or(e);
        let e = exactly(s, e, 2)?;
        boundary(s, e).then_some(e)
    };
    if is_space(b) {
        let run = s.as_bytes().get(i..)?.iter().take_while(|&&b| is_space(b)).count();
        return rest(i + run);
    }
    let two = exactly(s, lit(s, i, ":")?, 2)?;
    rest(two).or_else(|| rest(exactly(s, lit(s, two, ".")?, 3)?))
}

/// `(?:^|\s)0(\d+:\d+\s*pm?\b)`
pub(super) fn leading_zero_pm(s: &str, i: usize) -> Option<usize> {
    let zero = if line_start(s, i) && byte(s, i) == Some(b'0') {
        i
    } else if byte(s, i).is_some_and(is_space) && byte(s, i + 1) == Some(b'0') {
        i + 1
    } else {
        return None;
    };
    let hours = digits(s, zero + 1);
    if hours == zero + 1 {
        return None;
    }
    let after_colon = lit(s, hours, ":")?;
    let minutes = digits(s, after_colon);
    if minutes == after_colon {
        return None;
    }
    let gap = minutes + s.as_bytes().get(minutes..)?.iter().take_while(|&&b| is_space(b)).count();
    let p = lit(s, gap, "p")?;
    let end = lit(s, p, "m").unwrap_or(p);
    boundary(s, end).then_some(end)
}

/// `\b[0-9]+:?[0-9]*[ap]\b`
pub(super) fn bare_ante_post(s: &str, i: usize) -> Option<usize> {
    if !boundary(s, i) {
        return None;
    }
    let e = digits(s, i);
    if e == i {
        return None;
    }
    let e = digits(s, lit(s, e, ":").unwrap_or(e));
    matches!(byte(s, e), Some(b'a' | b'p')).then_some(e + 1).filter(|&end| boundary(s, end))
}

/// `\b\d{4}(am|pm)\b`
pub(super) fn four_digits_ante_post(s: &str, i: usize) -> Option<usize> {
    if !boundary(s, i) {
        return None;
    }
    let e = exactly(s, i, 4)?;
    let end = lit(s, e, "am").or_else(|| lit(s, e, "pm"))?;
    boundary(s, end).then_some(end)
}

/// `\d([ap]m|oclock)\b`
pub(super) fn digit_then_ante_post(s: &str, i: usize) -> Option<usize> {
    let e = exactly(s, i, 1)?;
    let end = lit(s, e, "am").or_else(|| lit(s, e, "pm")).or_else(|| lit(s, e, "oclock"))?;
    boundary(s, end).then_some(end)
}

/// `(?i)^\s?an? `
pub(super) fn leading_an(s: &str, i: usize) -> Option<usize> {
    if !line_start(s, i) {
        return None;
    }
    let a = if byte(s, i).is_some_and(is_space) { i + 1 } else { i };
    if !matches!(byte(s, a), Some(b'a' | b'A')) {
        return None;
    }
    let n = if matches!(byte(s, a + 1), Some(b'n' | b'N')) { a + 2 } else { a + 1 };
    lit(s, n, " ")
}

/// `\b\d{4}:\d{2}:\d{2}\b`
pub(super) fn colon_date(s: &str, i: usize) -> Option<usize> {
    if !boundary(s, i) {
        return None;
    }
    let e = lit(s, exactly(s, i, 4)?, ":")?;
    let e = lit(s, exactly(s, e, 2)?, ":")?;
    let e = exactly(s, e, 2)?;
    boundary(s, e).then_some(e)
}

/// `\b0\d+:\d{2}:\d{2} [ap]m\b`
pub(super) fn zero_time_ante_post(s: &str, i: usize) -> Option<usize> {
    if !boundary(s, i) {
        return None;
    }
    let e = lit(s, i, "0")?;
    let hours = digits(s, e);
    if hours == e {
        return None;
    }
    let e = lit(s, exactly(s, lit(s, hours, ":")?, 2)?, ":")?;
    let e = lit(s, exactly(s, e, 2)?, " ")?;
    let end = lit(s, e, "am").or_else(|| lit(s, e, "pm"))?;
    boundary(s, end).then_some(end)
}

/// ` +|([^\d])-([^\d])`; a single space is left alone, as replacing it
/// changes nothing.
pub(super) fn spaces_or_hyphen(s: &str, i: usize) -> Option<usize> {
    if byte(s, i) == Some(b' ') {
        let end = spaces(s, i);
        return (end > i + 1).then_some(end);
    }
    let mut chars = s.get(i..)?.chars();
    let a = chars.next()?;
    let b = chars.nth(1)?;
    let not_digit = |c: char| !c.is_ascii_digit();
    (not_digit(a) && lit(s, i + a.len_utf8(), "-").is_some() && not_digit(b))
        .then_some(i + a.len_utf8() + 1 + b.len_utf8())
}

/// `(\d+)(?: | and |-)*haAlf`
pub(super) fn and_a_half(s: &str, i: usize) -> Option<usize> {
    let mut at = digits(s, i);
    if at == i {
        return None;
    }
    // The separators hold no `h`, so the `haAlf` a chain of them reaches
    // is the one after the longest chain; ` and ` is tried where a lone
    // space leads nowhere.
    loop {
        if let Some(end) = lit(s, at, "haAlf") {
            return Some(end);
        }
        at = lit(s, at, " and ").or_else(|| lit(s, at, " ")).or_else(|| lit(s, at, "-"))?;
    }
}
