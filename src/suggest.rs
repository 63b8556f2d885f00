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

/// Names indexed for [`nearest`]: each name's [`Shape`], and the names'
/// positions sorted by length and by first byte, with where each length
/// and byte starts, so that a lookup reads only the shapes of names of a
/// near length or of the same first byte. A catalogue builds it once (the
/// built-in one at compile time, with [`sorted`] and [`Shapes::builtin`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shapes {
    /// The shape of each name, in the names' order.
    shapes: Cow<'static, [Shape]>,
    by_length: Sorted,
    by_first: Sorted,
}

/// Positions sorted by a [`Key`]: those whose key is `k` are
/// `order[starts[k]..starts[k + 1]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Sorted {
    order: Cow<'static, [u16]>,
    starts: Cow<'static, [u16]>,
}

/// The longest word compared, in characters: a longer one is no keyword.
const LONGEST: usize = 64;

/// What [`Shapes`] sorts names by.
#[derive(Clone, Copy)]
pub(crate) enum Key {
    Length,
    First,
}

impl Key {
    /// How many values the key takes: names longer than a word can be
    /// near share the last length.
    pub(crate) const fn values(self) -> usize {
        match self {
            Key::Length => LONGEST + 3 + 2,
            Key::First => 256,
        }
    }

    const fn of(self, shape: &Shape) -> usize {
        let key = match self {
            Key::Length => shape.len,
            Key::First => shape.first as usize,
        };
        let last = self.values() - 1;
        if key < last {
            key
        } else {
            last
        }
    }
}

/// The positions of `shapes` sorted by `key` (stable), and where each
/// value of the key starts among them (`S` is [`Key::values`] + 1): what
/// the compiler computes for the built-in catalogue with [`sort_into`].
pub(crate) const fn sorted<const N: usize, const S: usize>(shapes: &[Shape; N], key: Key) -> ([u16; N], [u16; S]) {
    let (mut order, mut starts) = ([0u16; N], [0u16; S]);
    sort_into(shapes, key, &mut order, &mut starts);
    (order, starts)
}

/// A counting sort of `shapes` by `key` into `order` (as long as `shapes`,
/// at most 65,535) and `starts` ([`Key::values`] + 1 long, zeroed): the one
/// sort behind the built-in catalogue's tables (run by the compiler) and a
/// changed catalogue's (run when it is built).
const fn sort_into(shapes: &[Shape], key: Key, order: &mut [u16], starts: &mut [u16]) {
    let n = shapes.len();
    assert!(order.len() == n && n <= u16::MAX as usize && starts.len() == key.values() + 1);
    // How many shapes each key has, one place to the right...
    let mut i = 0;
    while i < n {
        starts[key.of(&shapes[i]) + 1] += 1;
        i += 1;
    }
    // ...summed: where each key's positions start...
    let mut k = 1;
    while k < starts.len() {
        starts[k] += starts[k - 1];
        k += 1;
    }
    // ...then each shape placed, which moves its key's start to the next
    // key's...
    i = 0;
    while i < n {
        let k = key.of(&shapes[i]);
        order[starts[k] as usize] = i as u16;
        starts[k] += 1;
        i += 1;
    }
    // ...so the starts are back one place to the right.
    k = starts.len() - 1;
    while k > 0 {
        starts[k] = starts[k - 1];
        k -= 1;
    }
    starts[0] = 0;
}

impl Shapes {
    /// The shapes of `names`; only the first 65,535 names are looked at.
    pub(crate) fn new<'n>(names: impl Iterator<Item = &'n str>) -> Shapes {
        let shapes: Vec<Shape> = names.take(usize::from(u16::MAX)).map(Shape::of).collect();
        let sorted = |key: Key| {
            let (mut order, mut starts) = (vec![0; shapes.len()], vec![0; key.values() + 1]);
            sort_into(&shapes, key, &mut order, &mut starts);
            Sorted { order: Cow::Owned(order), starts: Cow::Owned(starts) }
        };
        Shapes { by_length: sorted(Key::Length), by_first: sorted(Key::First), shapes: Cow::Owned(shapes) }
    }

    /// Shapes computed at compile time: `shapes`, and its [`sorted`]
    /// positions by length and by first byte.
    pub(crate) const fn builtin(
        shapes: &'static [Shape],
        by_length: (&'static [u16], &'static [u16]),
        by_first: (&'static [u16], &'static [u16]),
    ) -> Shapes {
        Shapes {
            shapes: Cow::Borrowed(shapes),
            by_length: Sorted { order: Cow::Borrowed(by_length.0), starts: Cow::Borrowed(by_length.1) },
            by_first: Sorted { order: Cow::Borrowed(by_first.0), starts: Cow::Borrowed(by_first.1) },
        }
    }

    /// The shape of each name, in the names' order.
    #[cfg(test)]
    pub(crate) fn shapes(&self) -> &[Shape] {
        &self.shapes
    }

    /// The positions whose `key` is in `range`, with their shapes.
    fn within(&self, key: Key, range: std::ops::RangeInclusive<usize>) -> impl Iterator<Item = (usize, &Shape)> + '_ {
        let sorted = match key {
            Key::Length => &self.by_length,
            Key::First => &self.by_first,
        };
        let last = key.values() - 1;
        let start = sorted.starts.get((*range.start()).min(last)).copied().unwrap_or_default();
        let end = sorted.starts.get((*range.end()).min(last) + 1).copied().unwrap_or_default();
        let positions = sorted.order.get(usize::from(start)..usize::from(end)).unwrap_or_default();
        positions.iter().filter_map(|&i| self.shapes.get(usize::from(i)).map(|shape| (usize::from(i), shape)))
    }
}

/// [`nearest`] among names whose shapes are not known beforehand.
pub(crate) fn nearest_name<'c>(word: &str, names: impl Iterator<Item = &'c str>) -> Vec<&'c str> {
    let names: Vec<&str> = names.collect();
    let shapes = Shapes::new(names.iter().copied());
    nearest(word, &shapes, |i| names.get(i).copied().unwrap_or_default())
}

/// The candidates within a small edit distance of `word`, nearest first:
/// candidate `i` has the shape `shapes[i]` and the name `name(i)`, read
/// only when the shape does not rule it out. Names longer than any keyword
/// plausibly is are not compared, which keeps a 1 MB keyword from costing
/// a quadratic distance computation.
pub(crate) fn nearest<'c>(word: &str, shapes: &Shapes, name: impl Fn(usize) -> &'c str) -> Vec<&'c str> {
    // A character is at most 4 bytes: a longer word has too many.
    if word.is_empty() || word.len() > 4 * LONGEST {
        return Vec::new();
    }
    // Lowercased, on the stack when it is ASCII (a keyword almost always is).
    let mut buffer = [0u8; 4 * LONGEST];
    let has_upper = |word: &str| match word.is_ascii() {
        true => word.bytes().any(|b| b.is_ascii_uppercase()),
        false => word.chars().any(char::is_uppercase),
    };
    let word: Cow<'_, str> = match buffer.get_mut(..word.len()) {
        _ if !has_upper(word) => Cow::Borrowed(word),
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
    let lengths = shape.len.saturating_sub(limit)..=shape.len + limit;
    let long_enough = shape.len >= 4;
    // `limit` edits change the length by at most `limit`: only names of a
    // near length can be near. Two names of which one starts the other
    // share their first byte: only those can be prefixes (the ones of a
    // near length are already read).
    let near_length = shapes.within(Key::Length, lengths.clone());
    let first = usize::from(shape.first);
    let same_first = shapes.within(Key::First, first..=first).filter(|(_, c)| long_enough && !lengths.contains(&c.len));
    let mut scored: Vec<(usize, &str)> = Vec::new();
    for (i, candidate) in near_length.chain(same_first) {
        // `limit` edits add or remove at most `limit` distinct letters.
        let near = lengths.contains(&candidate.len)
            && at_most(candidate.letters & !shape.letters, limit)
            && at_most(shape.letters & !candidate.letters, limit);
        let maybe_prefix = long_enough && candidate.first == shape.first;
        if !(near || maybe_prefix) {
            continue;
        }
        let c = name(i);
        let prefix = maybe_prefix && (c.starts_with(word) || word.starts_with(c));
        // A typo in the first part of a longer name (`stauts` of
        // `status_in`): one edit away from the name's start.
        let typo_prefix = maybe_prefix
            && !prefix
            && c.len() > word.len()
            && c.get(..word.len()).is_some_and(|start| edit_distance(word, start) <= 1);
        if !(near || prefix || typo_prefix) {
            continue;
        }
        let distance = edit_distance(word, c);
        if distance <= limit || prefix || typo_prefix {
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

    /// What [`nearest`] finds, by comparing `word` with every name.
    fn brute_force<'c>(word: &str, names: &[&'c str]) -> Vec<&'c str> {
        let word = word.to_lowercase();
        let len = word.chars().count();
        if len == 0 || len > 64 {
            return Vec::new();
        }
        let limit = (len / 3).clamp(1, 3);
        let mut scored: Vec<(usize, &str)> = names
            .iter()
            .filter_map(|&c| {
                let prefix = len >= 4 && (c.starts_with(&word) || word.starts_with(c));
                let typo_prefix = len >= 4
                    && !prefix
                    && c.as_bytes().first() == word.as_bytes().first()
                    && c.len() > word.len()
                    && c.get(..word.len()).is_some_and(|start| edit_distance(&word, start) <= 1);
                let distance = edit_distance(&word, c);
                (distance <= limit || prefix || typo_prefix).then_some((distance, c))
            })
            .collect();
        scored.sort();
        scored.into_iter().take(3).map(|(_, c)| c).collect()
    }

    proptest::proptest! {
        #[test]
        fn the_index_finds_what_comparing_every_name_finds(
            pick in 0usize..1000,
            edits in proptest::collection::vec((0usize..64, proptest::char::range('-', 'z')), 0..4),
            other in "[a-zA-Z_.]{0,30}",
        ) {
            let catalog = crate::Catalog::omniq();
            let names: Vec<&str> = catalog.keywords().iter().map(|k| k.name.as_ref()).collect();
            // A keyword with a few edits, or any word.
            let mut word: Vec<char> = names.get(pick % names.len()).unwrap_or(&"").chars().collect();
            for (at, c) in edits {
                match at % 3 {
                    0 if !word.is_empty() => { word.remove(at % word.len()); }
                    1 => word.insert(at % (word.len() + 1), c),
                    _ if !word.is_empty() => { let i = at % word.len(); word[i] = c; }
                    _ => {}
                }
            }
            let word: String = if pick % 5 == 0 { other } else { word.into_iter().collect() };
            let shapes = Shapes::new(names.iter().copied());
            let found = nearest(&word, &shapes, |i| names.get(i).copied().unwrap_or_default());
            proptest::prop_assert_eq!(found, brute_force(&word, &names), "{}", word);
        }
    }

    #[test]
    fn one_wording_for_one_or_many() {
        assert_eq!(did_you_mean(&["a"]).as_deref(), Some("did you mean `a`?"));
        assert_eq!(did_you_mean(&["a", "b"]).as_deref(), Some("did you mean one of `a`, `b`?"));
        assert_eq!(did_you_mean::<&str>(&[]), None);
    }
}
