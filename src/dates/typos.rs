//! Did-you-mean inside a date: `last fridday` is `last friday`, `2 weks
//! ago` is `2 weeks ago`. Each word outside the date language is replaced
//! by the nearest word of it (weekdays, months, units, and the other words
//! the grammar knows), and the whole phrase is offered only when both
//! readings then read it, as the same span where a context is at hand.

use super::{units, DateContext, HumanDate};
use crate::suggest::nearest_name;

/// `text` with each mistyped word corrected, when any was and both
/// readings read the result; with `ctx`, only when they read it as one
/// span, so the correction is never a date that the two readings disagree
/// on.
pub(super) fn corrected(text: &str, ctx: Option<&DateContext>) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 4);
    let mut changed = false;
    let mut rest = text;
    while !rest.is_empty() {
        let space = rest.len() - rest.trim_start().len();
        out.push_str(rest.get(..space).unwrap_or(""));
        rest = rest.get(space..).unwrap_or("");
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest.get(..end).unwrap_or("");
        rest = rest.get(end..).unwrap_or("");
        // Punctuation around a word stays where it is (`fridday,`).
        let core = word.trim_matches(|c: char| matches!(c, ',' | '.'));
        let lead = word.find(core).unwrap_or(0);
        let fix = (core.len() > 3 && core.chars().all(char::is_alphabetic) && !units::is_date_word(core))
            .then(|| nearest_name(core, units::vocabulary()).first().copied())
            .flatten();
        match fix {
            Some(fix) => {
                out.push_str(word.get(..lead).unwrap_or(""));
                out.push_str(fix);
                out.push_str(word.get(lead + core.len()..).unwrap_or(""));
                changed = true;
            }
            None => out.push_str(word),
        }
    }
    if !changed {
        return None;
    }
    let date: HumanDate = out.parse().ok()?;
    let read = match ctx {
        Some(ctx) => matches!(date.readings(ctx), (Some(r), Some(i)) if r == i),
        None => date.readable_in_both(),
    };
    read.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_of_each_kind_of_word_are_corrected_in_the_whole_phrase() {
        assert_eq!(corrected("last fridday", None).as_deref(), Some("last friday"));
        assert_eq!(corrected("janury 3", None).as_deref(), Some("january 3"));
        assert_eq!(corrected("2 weks ago", None).as_deref(), Some("2 weeks ago"));
        assert_eq!(corrected("tomorow at 4pm", None).as_deref(), Some("tomorrow at 4pm"));
        assert_eq!(corrected("Yesterdya", None).as_deref(), Some("yesterday"));
    }

    #[test]
    fn nothing_is_offered_without_a_typo_or_without_a_date() {
        assert_eq!(corrected("last friday", None), None);
        assert_eq!(corrected("xyzzy", None), None);
        assert_eq!(corrected("meeting", None), None);
    }
}
