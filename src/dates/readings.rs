//! Where the two readings of a date differ: the warning that says so, and
//! an unambiguous spelling of an instant that RingCX reads as meant.

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};

use super::{chronic, local, DateContext, DateSpan, DateWarning, HumanDate};
use crate::diagnostic::Replacement;
use crate::span::Span;

/// The warning for `date` when its RingCX and intended spans differ.
pub(super) fn difference(
    date: &HumanDate,
    ctx: &DateContext,
    ringcx: Option<DateSpan>,
    intended: Option<DateSpan>,
) -> Option<DateWarning> {
    let text = crate::diagnostic::shown(date.as_str().trim());
    // The message, and the hint with the spelling it proposes.
    let (message, fix) = match (ringcx, intended) {
        (Some(r), Some(i)) if r != i => (
            format!(
                "RingCX reads `{text}` as {}, but it probably means {}",
                described(r, ctx),
                described(i, ctx)
            ),
            spelling(i, ctx).map(|s| (format!("to mean {}, write `{s}`", instant(i.start, ctx)), s)),
        ),
        (Some(r), None) => (
            format!(
                "RingCX reads `{text}` as {}, skipping what it does not know; ringq's intended reading finds no date in it",
                described(r, ctx)
            ),
            match super::typos::corrected(date.as_str(), Some(ctx)) {
                Some(fixed) => Some((format!("did you mean `{}`?", crate::diagnostic::shown(&fixed)), fixed)),
                None => date_words_alone(date.as_str(), ctx, r)
                    .or_else(|| spelling(r, ctx).map(|s| (format!("to say what RingCX will use, write `{s}`"), s))),
            },
        ),
        (None, Some(i)) => (
            format!("RingCX reads no date in `{text}`, so it rejects the query; it probably means {}", described(i, ctx)),
            spelling(i, ctx).map(|s| (format!("write `{s}`, which RingCX reads as meant"), s)),
        ),
        _ => return None,
    };
    let whole = Span::new(0, date.as_str().len());
    let (hint, fix) = fix.map(|(hint, s)| (hint, Replacement::new(whole, s))).unzip();
    Some(DateWarning { span: whole, message, hint, fix, readings_differ: true })
}

/// The hint for a date among words RingCX skips (`meeting today`): its
/// date words alone, when both readings read them as the span `ringcx`.
fn date_words_alone(text: &str, ctx: &DateContext, ringcx: DateSpan) -> Option<(String, String)> {
    let (remaining, unknown) = super::without_unknown_words(text)?;
    let date: HumanDate = remaining.parse().ok()?;
    if date.readings(ctx) != (Some(ringcx), Some(ringcx)) {
        return None;
    }
    let hint = format!("RingCX skips {}: did you mean `{remaining}`?", super::named(&unknown));
    Some((hint, remaining))
}

/// `2026-01-04 00:00` in the context's zone, seconds when there are any.
fn instant(t: DateTime<Utc>, ctx: &DateContext) -> String {
    let wall = local::local(t, ctx.tz());
    if wall.second() == 0 {
        wall.format("%Y-%m-%d %H:%M").to_string()
    } else {
        wall.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// A span in words: its start, and its end when it is longer than a second.
fn described(span: DateSpan, ctx: &DateContext) -> String {
    let zone = ctx.tz().name();
    if (span.end - span.start).num_seconds() == 1 {
        format!("{} ({zone})", instant(span.start, ctx))
    } else {
        format!("{} to {} ({zone})", instant(span.start, ctx), instant(span.end, ctx))
    }
}

/// A spelling of `span` that RingCX reads as exactly that span (a whole
/// day or month), or as an instant at its start; checked by reading it.
pub(super) fn spelling(span: DateSpan, ctx: &DateContext) -> Option<String> {
    let wall = local::local(span.start, ctx.tz());
    let mut candidates = Vec::new();
    if wall.hour() == 0 && wall.minute() == 0 && wall.second() == 0 {
        if wall.day() == 1 {
            candidates.push((wall.format("%Y-%m").to_string(), true));
        }
        candidates.push((wall.format("%Y-%m-%d").to_string(), true));
    }
    candidates.push((instant(span.start, ctx), false));
    candidates.push((span.start.with_timezone(&ctx.tz()).to_rfc3339_opts(SecondsFormat::Secs, true), false));
    candidates.into_iter().find_map(|(text, whole)| {
        let (start, end) = chronic::span(&text, ctx)?;
        (start == span.start && (!whole || end == span.end)).then_some(text)
    })
}

/// The warning for a bare number (`2`, `0930`, `2006`: 0 to 2400, leading
/// zeros or not) that `span` reads as a time: what time of which day, in
/// the words of the reading that answered, and the same instant written
/// as a time, which no one reads as a day or a year. `ringcx` is RingCX's
/// span, to say so when the intended reading answered otherwise.
pub(super) fn bare_number(
    date: &HumanDate,
    ctx: &DateContext,
    span: DateSpan,
    ringcx: Option<DateSpan>,
) -> Option<DateWarning> {
    let text = date.as_str();
    let number = text.trim();
    let value: u32 = number.parse().ok().filter(|_| number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit()))?;
    if value > 2400 {
        return None;
    }
    let wall = local::local(span.start, ctx.tz());
    let time = wall.format("%H:%M").to_string();
    let reader = match (ctx.reading(), ringcx) {
        (super::DateReading::RingCx, _) => "as RingCX reads it".to_owned(),
        (_, Some(r)) if r == span => "as RingCX reads it too".to_owned(),
        (_, Some(r)) => format!("where RingCX reads {}", instant(r.start, ctx)),
        (_, None) => "and RingCX reads no date in it".to_owned(),
    };
    let message =
        format!("`{number}` is read as the time {time} on {} ({}), {reader}", wall.format("%Y-%m-%d"), ctx.tz().name());
    let other = match number.len() {
        4 if !number.starts_with('0') => format!("for the year, write `jan {number}` or `{number}-01-01`"),
        _ if (1..=31).contains(&value) => {
            format!("for a day, name its month (`{} {value}`)", wall.format("%b").to_string().to_lowercase())
        }
        _ => "a number alone is never a day or a year".to_owned(),
    };
    // The time as `HH:MM`, with the day named when the time alone would
    // land on another one; only a spelling both readings read as `span`.
    let candidates =
        [time.clone(), format!("today at {time}"), format!("yesterday at {time}"), format!("tomorrow at {time}")];
    let spelled = candidates
        .into_iter()
        .find(|candidate| candidate.parse::<HumanDate>().is_ok_and(|c| c.readings(ctx) == (Some(span), Some(span))));
    let hint = match &spelled {
        Some(s) => format!("for the time, write `{s}`; {other}"),
        None => other,
    };
    let start = text.len() - text.trim_start().len();
    Some(DateWarning {
        span: Span::new(start, start + number.len()),
        message,
        hint: Some(hint),
        fix: spelled.map(|s| Replacement::new(Span::new(0, text.len()), s)),
        readings_differ: false,
    })
}
