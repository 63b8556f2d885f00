//! "Did you mean": the nearest names to a mistyped one, and the one
//! wording every hint and message uses for them.

/// The candidates within a small edit distance of `word`, nearest first.
/// Names longer than any keyword plausibly is are not compared, which keeps
/// a 1 MB keyword from costing a quadratic distance computation.
pub(crate) fn nearest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Vec<&'c str> {
    const LONGEST: usize = 64;
    let word = word.to_lowercase();
    let len = word.chars().count();
    if len == 0 || len > LONGEST {
        return Vec::new();
    }
    let limit = (len / 3).clamp(1, 3);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let distance = edit_distance(&word, c);
            let prefix = c.starts_with(word.as_str()) || word.starts_with(c);
            (distance <= limit || (prefix && len >= 4)).then_some((distance, c))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
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
    fn one_wording_for_one_or_many() {
        assert_eq!(did_you_mean(&["a"]).as_deref(), Some("did you mean `a`?"));
        assert_eq!(did_you_mean(&["a", "b"]).as_deref(), Some("did you mean one of `a`, `b`?"));
        assert_eq!(did_you_mean::<&str>(&[]), None);
    }
}
