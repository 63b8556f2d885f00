//! "Did you mean": the nearest names to a mistyped one, and the one
//! wording every hint and message uses for them.

use std::borrow::Cow;

/// What [`nearest`] knows of a name before reading it: its length in
/// characters, its first byte, and the set of its characters, each as one
/// of 64 bits (characters that share a bit make the set smaller, so
/// comparing sets never overstates how far apart two names are). A
/// catalogue computes its keywords' shapes once, so ruling a keyword out
/// reads its shape and never the keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shape {
    letters: u64,
    len: usize,
    /// The first byte (0 for the empty name).
    first: u8,
}

impl Shape {
    pub(crate) const fn of(name: &str) -> Shape {
        let bytes = name.as_bytes();
        let (mut len, mut letters, mut i) = (0, 0u64, 0);
        if bytes.is_ascii() {
            // The usual name: one byte a character.
            while i < bytes.len() {
                letters |= 1 << (bytes[i] % 64);
                i += 1;
            }
            len = bytes.len();
        } else {
            while i < bytes.len() {
                let b = bytes[i];
                if b & 0xC0 != 0x80 {
                    len += 1;
                }
                // A character's bit is that of its last byte: a function of
                // the character.
                if i + 1 == bytes.len() || bytes[i + 1] & 0xC0 != 0x80 {
                    letters |= 1 << (b % 64);
                }
                i += 1;
            }
        }
        let first = match bytes {
            [first, ..] => *first,
            [] => 0,
        };
        Shape { len, first, letters }
    }
}

/// [`nearest`] among names whose shapes are not known beforehand.
pub(crate) fn nearest_name<'c>(word: &str, names: impl Iterator<Item = &'c str>) -> Vec<&'c str> {
    let names: Vec<&str> = names.collect();
    let shapes: Vec<Shape> = names.iter().map(|name| Shape::of(name)).collect();
    nearest(word, &shapes, |i| names.get(i).copied().unwrap_or_default())
}

/// The candidates within a small edit distance of `word`, nearest first:
/// candidate `i` has the shape `shapes[i]` and the name `name(i)`, read
/// only when the shape does not rule it out. Names longer than any keyword
/// plausibly is are not compared, which keeps a 1 MB keyword from costing
/// a quadratic distance computation.
pub(crate) fn nearest<'c>(word: &str, shapes: &[Shape], name: impl Fn(usize) -> &'c str) -> Vec<&'c str> {
    const LONGEST: usize = 64;
    // A character is at most 4 bytes: a longer word has too many.
    if word.is_empty() || word.len() > 4 * LONGEST {
        return Vec::new();
    }
    // Lowercased, on the stack when it is ASCII (a keyword almost always is).
    let mut buffer = [0u8; 4 * LONGEST];
    let word: Cow<'_, str> = match buffer.get_mut(..word.len()) {
        _ if !word.chars().any(char::is_uppercase) => Cow::Borrowed(word),
        Some(ascii) if word.is_ascii() => {
            ascii.copy_from_slice(word.as_bytes());
            ascii.make_ascii_lowercase();
            match std::str::from_utf8(ascii) {
                Ok(lowered) => Cow::Borrowed(lowered),
                Err(_) => return Vec::new(), // ASCII is UTF-8
            }
        }
        _ => Cow::Owned(word.to_lowercase()),
    };
    let word = word.as_ref();
    let shape = Shape::of(word);
    if shape.len > LONGEST {
        return Vec::new();
    }
    let limit = (shape.len / 3).clamp(1, 3);
    let long_enough = shape.len >= 4;
    let mut scored: Vec<(usize, &str)> = Vec::new();
    for (i, candidate) in shapes.iter().enumerate() {
        // Most candidates are ruled out by two comparisons, without reading
        // the name: `limit` edits change the length by at most `limit`, and
        // two names of which one starts the other share their first byte.
        let near_length = candidate.len.abs_diff(shape.len) <= limit;
        let maybe_prefix = long_enough & (candidate.first == shape.first);
        if !(near_length | maybe_prefix) {
            continue;
        }
        // `limit` edits add or remove at most `limit` distinct letters.
        let near = near_length
            && at_most(candidate.letters & !shape.letters, limit)
            && at_most(shape.letters & !candidate.letters, limit);
        if !(near || maybe_prefix) {
            continue;
        }
        let c = name(i);
        let prefix = maybe_prefix && (c.starts_with(word) || word.starts_with(c));
        if !(near || prefix) {
            continue;
        }
        let distance = edit_distance(word, c);
        if distance <= limit || prefix {
            scored.push((distance, c));
        }
    }
    scored.sort();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// Whether at most `n` bits of `bits` are set: each step clears the
/// lowest one (cheaper than counting them all where there is no `popcnt`).
fn at_most(mut bits: u64, n: usize) -> bool {
    for _ in 0..n {
        bits &= bits.wrapping_sub(1);
    }
    bits == 0
}

/// Optimal string alignment distance (Levenshtein with transpositions).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for j in 0..=b.len() {
        rows[at(0, j)] = j;
    }
    for i in 1..=a.len() {
        rows[at(i, 0)] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[at(i - 1, j)] + 1).min(rows[at(i, j - 1)] + 1).min(rows[at(i - 1, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[at(i - 2, j - 2)] + 1);
            }
            rows[at(i, j)] = best;
        }
    }
    rows[at(a.len(), b.len())]
}

/// `did you mean `a`?` or `did you mean one of `a`, `b`?`; `None` when
/// there is nothing to suggest.
pub(crate) fn did_you_mean<S: AsRef<str>>(candidates: &[S]) -> Option<String> {
    match candidates {
        [] => None,
        [one] => Some(format!("did you mean `{}`?", one.as_ref())),
        many => {
            let quoted: Vec<String> = many.iter().map(|s| format!("`{}`", s.as_ref())).collect();
            Some(format!("did you mean one of {}?", quoted.join(", ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_transpositions_once() {
        assert_eq!(edit_distance("abc", "acb"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn the_quick_filter_keeps_every_near_name() {
        let names = ["assigned_to", "assigned_to_me", "status_in", "source", "language", "categorized_in"];
        for word in ["asigned_to", "assigned_tom", "stauts_in", "sorce", "langauge", "categorised_in", "assigned"] {
            let limit = (word.len() / 3).clamp(1, 3);
            let by_distance: Vec<&str> = names.iter().copied().filter(|n| edit_distance(word, n) <= limit).collect();
            let found = nearest_name(word, names.iter().copied());
            for name in by_distance {
                assert!(found.contains(&name), "{word}: {name} missing from {found:?}");
            }
        }
        assert_eq!(nearest_name("platform", names.iter().copied()), Vec::<&str>::new());
        assert_eq!(
            Shape::of("naïve"),
            Shape { len: 5, first: b'n', letters: Shape::of("nave").letters | 1 << (0xAF % 64) }
        );
    }

    #[test]
    fn one_wording_for_one_or_many() {
        assert_eq!(did_you_mean(&["a"]).as_deref(), Some("did you mean `a`?"));
        assert_eq!(did_you_mean(&["a", "b"]).as_deref(), Some("did you mean one of `a`, `b`?"));
        assert_eq!(did_you_mean::<&str>(&[]), None);
    }
}
