//! Chronic's handler definitions, as data, in Chronic's order, with its
//! matcher (`Handler#match`) and the handler methods they name.
//!
//! The first definition whose pattern covers every token wins, even when
//! its method then answers nothing: that is how `noon yesterday` and
//! `9.8.2013` come to mean what Chronic says they mean.

use super::clock::{month_overflow, Clock, Raised, Ruby};
use super::repeaters::{Context, Repeater, Span};
use super::tokens::{make_year, Grabber, Number, Pointer, Portion, RepeaterKind, Separator, Tag, Token, Unit};

/// A tag class a pattern names; a class matches its subclasses, as
/// `kind_of?` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Repeater,
    RepeaterTime,
    RepeaterDayPortion,
    RepeaterMonthName,
    RepeaterDayName,
    RepeaterMonth,
    Grabber,
    Pointer,
    Scalar,
    ScalarDay,
    ScalarMonth,
    ScalarYear,
    Ordinal,
    OrdinalDay,
    Separator,
    SeparatorSlash,
    SeparatorDash,
    SeparatorAt,
    SeparatorIn,
    SeparatorOn,
    SeparatorAnd,
    TimeZone,
}

impl Class {
    const fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The classes a tag is of: its own and those it is a subclass of.
    fn of(tag: &Tag) -> u32 {
        use Class as C;
        match tag {
            Tag::Repeater(kind) => {
                C::Repeater.bit()
                    | match kind {
                        RepeaterKind::Time(_) => C::RepeaterTime.bit(),
                        RepeaterKind::DayPortion(_) => C::RepeaterDayPortion.bit(),
                        RepeaterKind::MonthName(_) => C::RepeaterMonthName.bit(),
                        RepeaterKind::DayName(_) => C::RepeaterDayName.bit(),
                        RepeaterKind::Unit(Unit::Month) => C::RepeaterMonth.bit(),
                        _ => 0,
                    }
            }
            Tag::Grabber(_) => C::Grabber.bit(),
            Tag::Pointer(_) => C::Pointer.bit(),
            Tag::Scalar(n, _) => {
                C::Scalar.bit()
                    | match n {
                        Number::Day => C::ScalarDay.bit(),
                        Number::Month => C::ScalarMonth.bit(),
                        Number::Year => C::ScalarYear.bit(),
                        _ => 0,
                    }
            }
            Tag::Ordinal(n, _) => C::Ordinal.bit() | if *n == Number::Day { C::OrdinalDay.bit() } else { 0 },
            Tag::Separator(sep) => {
                C::Separator.bit()
                    | match sep {
                        Separator::Slash => C::SeparatorSlash.bit(),
                        Separator::Dash => C::SeparatorDash.bit(),
                        Separator::At => C::SeparatorAt.bit(),
                        Separator::In => C::SeparatorIn.bit(),
                        Separator::On => C::SeparatorOn.bit(),
                        Separator::And => C::SeparatorAnd.bit(),
                        _ => 0,
                    }
            }
            Tag::Sign => 0,
            Tag::TimeZone => C::TimeZone.bit(),
        }
    }
}

/// The classes each token's tags are of: what `Handler#match` asks of a
/// token, worked out once for all the definitions.
pub(crate) fn classes(tokens: &[Token]) -> Vec<u32> {
    tokens.iter().map(|t| t.tags.iter().fold(0, |all, tag| all | Class::of(tag))).collect()
}

/// One element of a pattern: a class, one of several classes, or a
/// family of sub-definitions (`'time?'`, `'anchor'`); each optional or not.
#[derive(Clone, Copy, Debug)]
enum Element {
    One(Class, bool),
    Either(&'static [(Class, bool)]),
    Family(Family, bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Time,
    Anchor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    None,
    Generic,
    RdnRmnSd,
    RdnRmnSdSy,
    RdnRmnOd,
    RdnRmnOdSy,
    RdnOd,
    RmnSdSy,
    RmnOdSy,
    RmnSd,
    RmnSdOn,
    RmnOd,
    OdRmnSy,
    OdRmn,
    OdRm,
    SyRmnOd,
    RmnOdOn,
    RmnSy,
    SdRmnSy,
    SdRmn,
    SySmSd,
    SySm,
    SmSy,
    SmRmnSy,
    SmSdSy,
    SmSd,
    SdSm,
    SdSmSy,
    R,
    Rgr,
    Srp,
    Srasrpa,
    Psr,
    Srpa,
    Orsr,
    Orgr,
}

struct Handler {
    pattern: &'static [Element],
    method: Method,
}

use Class as C;
use Element::{Either, Family as F, One};

const SLASH_OR_DASH: &[(Class, bool)] = &[(C::SeparatorSlash, false), (C::SeparatorDash, false)];
const SLASH_OR_DASH_OPTIONAL: &[(Class, bool)] = &[(C::SeparatorSlash, true), (C::SeparatorDash, true)];
const AT: Element = One(C::SeparatorAt, true);
const TIME: Element = F(Family::Time, true);

const fn h(pattern: &'static [Element], method: Method) -> Handler {
    Handler { pattern, method }
}

const TIME_HANDLERS: &[Handler] = &[h(&[One(C::RepeaterTime, false), One(C::RepeaterDayPortion, true)], Method::None)];

#[rustfmt::skip]
const DATE_HANDLERS: &[Handler] = &[
    h(&[One(C::RepeaterDayName, false), One(C::RepeaterMonthName, false), One(C::ScalarDay, false), One(C::RepeaterTime, false), Either(SLASH_OR_DASH_OPTIONAL), One(C::TimeZone, false), One(C::ScalarYear, false)], Method::Generic),
    h(&[One(C::RepeaterDayName, false), One(C::RepeaterMonthName, false), One(C::ScalarDay, false)], Method::RdnRmnSd),
    h(&[One(C::RepeaterDayName, false), One(C::RepeaterMonthName, false), One(C::ScalarDay, false), One(C::ScalarYear, false)], Method::RdnRmnSdSy),
    h(&[One(C::RepeaterDayName, false), One(C::RepeaterMonthName, false), One(C::OrdinalDay, false)], Method::RdnRmnOd),
    h(&[One(C::RepeaterDayName, false), One(C::RepeaterMonthName, false), One(C::OrdinalDay, false), One(C::ScalarYear, false)], Method::RdnRmnOdSy),
    h(&[One(C::RepeaterDayName, false), One(C::RepeaterMonthName, false), One(C::ScalarDay, false), AT, TIME], Method::RdnRmnSd),
    h(&[One(C::RepeaterDayName, false), One(C::RepeaterMonthName, false), One(C::OrdinalDay, false), AT, TIME], Method::RdnRmnOd),
    h(&[One(C::RepeaterDayName, false), One(C::OrdinalDay, false), AT, TIME], Method::RdnOd),
    h(&[One(C::ScalarYear, false), Either(SLASH_OR_DASH), One(C::ScalarMonth, false), Either(SLASH_OR_DASH), One(C::ScalarDay, false), One(C::RepeaterTime, false), One(C::TimeZone, false)], Method::Generic),
    h(&[One(C::OrdinalDay, false)], Method::Generic),
    h(&[One(C::RepeaterMonthName, false), One(C::ScalarDay, false), One(C::ScalarYear, false)], Method::RmnSdSy),
    h(&[One(C::RepeaterMonthName, false), One(C::OrdinalDay, false), One(C::ScalarYear, false)], Method::RmnOdSy),
    h(&[One(C::RepeaterMonthName, false), One(C::ScalarDay, false), One(C::ScalarYear, false), AT, TIME], Method::RmnSdSy),
    h(&[One(C::RepeaterMonthName, false), One(C::OrdinalDay, false), One(C::ScalarYear, false), AT, TIME], Method::RmnOdSy),
    h(&[One(C::RepeaterMonthName, false), Either(SLASH_OR_DASH_OPTIONAL), One(C::ScalarDay, false), AT, TIME], Method::RmnSd),
    h(&[One(C::RepeaterTime, false), One(C::RepeaterDayPortion, true), One(C::SeparatorOn, true), One(C::RepeaterMonthName, false), One(C::ScalarDay, false)], Method::RmnSdOn),
    h(&[One(C::RepeaterMonthName, false), One(C::OrdinalDay, false), AT, TIME], Method::RmnOd),
    h(&[One(C::OrdinalDay, false), One(C::RepeaterMonthName, false), One(C::ScalarYear, false), AT, TIME], Method::OdRmnSy),
    h(&[One(C::OrdinalDay, false), One(C::RepeaterMonthName, false), AT, TIME], Method::OdRmn),
    h(&[One(C::OrdinalDay, false), One(C::Grabber, true), One(C::RepeaterMonth, false), AT, TIME], Method::OdRm),
    h(&[One(C::ScalarYear, false), One(C::RepeaterMonthName, false), One(C::OrdinalDay, false)], Method::SyRmnOd),
    h(&[One(C::RepeaterTime, false), One(C::RepeaterDayPortion, true), One(C::SeparatorOn, true), One(C::RepeaterMonthName, false), One(C::OrdinalDay, false)], Method::RmnOdOn),
    h(&[One(C::RepeaterMonthName, false), One(C::ScalarYear, false)], Method::RmnSy),
    h(&[One(C::ScalarDay, false), One(C::RepeaterMonthName, false), One(C::ScalarYear, false), AT, TIME], Method::SdRmnSy),
    h(&[One(C::ScalarDay, false), Either(SLASH_OR_DASH_OPTIONAL), One(C::RepeaterMonthName, false), AT, TIME], Method::SdRmn),
    h(&[One(C::ScalarYear, false), Either(SLASH_OR_DASH), One(C::ScalarMonth, false), Either(SLASH_OR_DASH), One(C::ScalarDay, false), AT, TIME], Method::SySmSd),
    h(&[One(C::ScalarYear, false), Either(SLASH_OR_DASH), One(C::ScalarMonth, false)], Method::SySm),
    h(&[One(C::ScalarMonth, false), Either(SLASH_OR_DASH), One(C::ScalarYear, false)], Method::SmSy),
    h(&[One(C::ScalarDay, false), Either(SLASH_OR_DASH), One(C::RepeaterMonthName, false), Either(SLASH_OR_DASH), One(C::ScalarYear, false), One(C::RepeaterTime, true)], Method::SmRmnSy),
    h(&[One(C::ScalarYear, false), Either(SLASH_OR_DASH), One(C::ScalarMonth, false), Either(SLASH_OR_DASH), One(C::Scalar, true), One(C::TimeZone, false)], Method::Generic),
];

#[rustfmt::skip]
const ANCHOR_HANDLERS: &[Handler] = &[
    h(&[One(C::SeparatorOn, true), One(C::Grabber, true), One(C::Repeater, false), AT, One(C::Repeater, true), One(C::Repeater, true)], Method::R),
    h(&[One(C::Grabber, true), One(C::Repeater, false), One(C::Repeater, false), One(C::Separator, true), One(C::Repeater, true), One(C::Repeater, true)], Method::R),
    h(&[One(C::Repeater, false), One(C::Grabber, false), One(C::Repeater, false)], Method::Rgr),
];

#[rustfmt::skip]
const ARROW_HANDLERS: &[Handler] = &[
    h(&[One(C::Scalar, false), One(C::Repeater, false), One(C::Pointer, false)], Method::Srp),
    h(&[One(C::Scalar, false), One(C::Repeater, false), One(C::SeparatorAnd, true), One(C::Scalar, false), One(C::Repeater, false), One(C::Pointer, false), AT, F(Family::Anchor, false)], Method::Srasrpa),
    h(&[One(C::Pointer, false), One(C::Scalar, false), One(C::Repeater, false)], Method::Psr),
    h(&[One(C::Scalar, false), One(C::Repeater, false), One(C::Pointer, false), AT, F(Family::Anchor, false)], Method::Srpa),
];

#[rustfmt::skip]
const NARROW_HANDLERS: &[Handler] = &[
    h(&[One(C::Ordinal, false), One(C::Repeater, false), One(C::SeparatorIn, false), One(C::Repeater, false)], Method::Orsr),
    h(&[One(C::Ordinal, false), One(C::Repeater, false), One(C::Grabber, false), One(C::Repeater, false)], Method::Orgr),
];

const SM: Element = One(C::ScalarMonth, false);
const SD: Element = One(C::ScalarDay, false);
const SY: Element = One(C::ScalarYear, false);
const SEP: Element = Either(SLASH_OR_DASH);

/// The endian definitions, month first (`[:middle, :little]`).
const MIDDLE: [Handler; 4] = [
    h(&[SM, SEP, SD, SEP, SY, AT, TIME], Method::SmSdSy),
    h(&[SM, SEP, SD, AT, TIME], Method::SmSd),
    h(&[SD, SEP, SM, AT, TIME], Method::SdSm),
    h(&[SD, SEP, SM, SEP, SY, AT, TIME], Method::SdSmSy),
];

fn tags_match(class: Class, tokens: &[u32], at: usize) -> bool {
    tokens.get(at).is_some_and(|t| t & class.bit() != 0)
}

fn family(f: Family) -> &'static [Handler] {
    match f {
        Family::Time => TIME_HANDLERS,
        Family::Anchor => ANCHOR_HANDLERS,
    }
}

impl Handler {
    /// `Handler#match`, as Chronic writes it, over the tokens' [`classes`].
    fn matches(&self, tokens: &[u32]) -> bool {
        let mut index = 0;
        for element in self.pattern {
            match *element {
                One(class, optional) => {
                    if tags_match(class, tokens, index) {
                        index += 1;
                    } else if !optional {
                        return false;
                    }
                }
                Either(choices) => {
                    let mut was_optional = false;
                    let mut matched = false;
                    for (i, (class, optional)) in choices.iter().enumerate() {
                        if tags_match(*class, tokens, index) {
                            index += 1;
                            matched = true;
                            break;
                        }
                        if *optional {
                            was_optional = true;
                        } else if i + 1 < choices.len() {
                            continue;
                        } else if !was_optional {
                            return false;
                        }
                    }
                    let _ = matched;
                }
                F(f, optional) => {
                    if optional && index == tokens.len() {
                        return true;
                    }
                    let rest = tokens.get(index..).unwrap_or(&[]);
                    if family(f).iter().any(|h| h.matches(rest)) {
                        return true;
                    }
                }
            }
        }
        index == tokens.len()
    }
}

/// The group of definitions a match came from, which says which tokens
/// its method is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    /// The endian and date definitions: the tokens without separators.
    Date,
    /// The anchor definitions: the tokens without separators.
    Anchor,
    /// The arrow definitions: the tokens without `at`, `/`, `-`, `,`, `and`.
    Arrow,
    /// The narrow definitions: every token.
    Narrow,
}

/// The definition `tokens_to_span` picks: the first that matches, in
/// Chronic's order (the endian pair first, month first or day first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Choice {
    group: Group,
    method: Method,
}

/// The first definition that matches tokens of these [`classes`], as
/// `tokens_to_span` tries them; `None` where none does, and Chronic
/// answers `nil` whatever `now` is.
pub(crate) fn choose(classes: &[u32], little_endian: bool) -> Option<Choice> {
    let endians: [&Handler; 4] = if little_endian {
        [&MIDDLE[3], &MIDDLE[2], &MIDDLE[1], &MIDDLE[0]]
    } else {
        [&MIDDLE[0], &MIDDLE[1], &MIDDLE[2], &MIDDLE[3]]
    };
    let first = |group: Group, mut handlers: std::slice::Iter<'_, Handler>| {
        handlers.find(|h| h.matches(classes)).map(|h| Choice { group, method: h.method })
    };
    endians
        .into_iter()
        .find(|h| h.matches(classes))
        .map(|h| Choice { group: Group::Date, method: h.method })
        .or_else(|| first(Group::Date, DATE_HANDLERS.iter()))
        .or_else(|| first(Group::Anchor, ANCHOR_HANDLERS.iter()))
        .or_else(|| first(Group::Arrow, ARROW_HANDLERS.iter()))
        .or_else(|| first(Group::Narrow, NARROW_HANDLERS.iter()))
}

/// The parse: Chronic's options and its `now`, which `day_or_time` moves.
pub(crate) struct Parser<'t> {
    pub(crate) clock: Clock,
    pub(crate) now: i64,
    pub(crate) context: Pointer,
    pub(crate) little_endian: bool,
    pub(crate) text: &'t str,
}

fn context_of(p: Pointer) -> Context {
    Context::from(p)
}

impl Parser<'_> {
    /// `tokens_to_span`, from the definition [`choose`] picked.
    pub(crate) fn tokens_to_span(&mut self, choice: Choice, tokens: &[Token]) -> Ruby<Option<Span>> {
        let without = |drop: fn(&Separator) -> bool| -> Vec<Token> {
            tokens
                .iter()
                .filter(|t| !t.tags.iter().any(|tag| matches!(tag, Tag::Separator(s) if drop(s))))
                .cloned()
                .collect()
        };
        let tokens = match choice.group {
            Group::Date | Group::Anchor => without(|_| true),
            Group::Arrow => without(|s| {
                matches!(s, Separator::At | Separator::Slash | Separator::Dash | Separator::Comma | Separator::And)
            }),
            Group::Narrow => tokens.to_vec(),
        };
        self.invoke(choice.method, tokens)
    }

    fn invoke(&mut self, method: Method, t: Vec<Token>) -> Ruby<Option<Span>> {
        let year_now = self.clock.fields(self.now)?.year;
        let get = |i: usize| t.get(i).ok_or(Raised);
        let sd = |i: usize| get(i)?.scalar(Number::Day).ok_or(Raised);
        let sm = |i: usize| get(i)?.scalar(Number::Month).ok_or(Raised);
        let sy = |i: usize| get(i)?.scalar(Number::Year).map(|y| make_year(y, year_now)).ok_or(Raised);
        let od = |i: usize| get(i)?.ordinal(Number::Day).ok_or(Raised);
        let rmn = |i: usize| get(i)?.month_name().ok_or(Raised);
        let rest = |from: usize| t.get(from..).unwrap_or(&[]).to_vec();
        match method {
            Method::None => Err(Raised),
            Method::Generic => self.generic(),
            Method::RmnSd | Method::SdRmn => {
                let (m, d) = if method == Method::RmnSd { (0, 1) } else { (1, 0) };
                let (month, day) = (rmn(m)?, sd(d)?);
                if month_overflow(year_now, month, day) {
                    return Ok(None);
                }
                self.m_d(month, day, rest(2))
            }
            Method::RmnSdOn | Method::RmnOdOn => {
                let (m, d, time) = if t.len() > 3 { (2, 3, 0..2) } else { (1, 2, 0..1) };
                let month = rmn(m)?;
                let day = if method == Method::RmnSdOn { sd(d)? } else { od(d)? };
                if month_overflow(year_now, month, day) {
                    return Ok(None);
                }
                self.m_d(month, day, t.get(time).unwrap_or(&[]).to_vec())
            }
            Method::RmnOd | Method::OdRmn => {
                let (m, d) = if method == Method::RmnOd { (0, 1) } else { (1, 0) };
                let (month, day) = (rmn(m)?, od(d)?);
                if month_overflow(year_now, month, day) {
                    return Ok(None);
                }
                self.m_d(month, day, rest(2))
            }
            Method::OdRm => {
                let day = od(0)?;
                // Chronic reads the month repeater at index 2 whether or
                // not a grabber came before it.
                match get(2)?.repeater() {
                    Some(RepeaterKind::Unit(Unit::Month)) => {}
                    _ => return Err(Raised),
                }
                let mut month = Repeater::new(RepeaterKind::Unit(Unit::Month));
                month.start(self.now);
                let span = month.this(&self.clock, context_of(self.context))?;
                let f = self.clock.fields(span.begin)?;
                let day_start = self.clock.local(f.year, f.month, day, 0, 0, 0)?;
                self.day_or_time(day_start, rest(3))
            }
            Method::SyRmnOd | Method::RmnSdSy | Method::RmnOdSy | Method::OdRmnSy | Method::SdRmnSy => {
                let (year, month, day) = match method {
                    Method::SyRmnOd => (sy(0)?, rmn(1)?, od(2)?),
                    Method::RmnSdSy => (sy(2)?, rmn(0)?, sd(1)?),
                    Method::RmnOdSy => (sy(2)?, rmn(0)?, od(1)?),
                    Method::OdRmnSy => (sy(2)?, rmn(1)?, od(0)?),
                    _ => (sy(2)?, rmn(1)?, sd(0)?),
                };
                if month_overflow(year, month, day) {
                    return Ok(None);
                }
                self.rescued(|p| {
                    let day_start = p.clock.local(year, month, day, 0, 0, 0)?;
                    p.day_or_time(day_start, rest(3))
                })
            }
            Method::RmnSy => {
                let (month, year) = (rmn(0)?, sy(1)?);
                self.rescued(|p| p.year_and_month(year, month))
            }
            Method::SmSdSy | Method::SdSmSy | Method::SySmSd => {
                let (month, day, year) = match method {
                    Method::SmSdSy => (sm(0)?, sd(1)?, sy(2)?),
                    Method::SdSmSy => (sm(1)?, sd(0)?, sy(2)?),
                    _ => (sm(1)?, sd(2)?, sy(0)?),
                };
                if month_overflow(year, month, day) {
                    return Ok(None);
                }
                self.rescued(|p| {
                    let day_start = p.clock.local(year, month, day, 0, 0, 0)?;
                    p.day_or_time(day_start, rest(3))
                })
            }
            Method::SmSd | Method::SdSm => {
                let (month, day) = if method == Method::SmSd { (sm(0)?, sd(1)?) } else { (sm(1)?, sd(0)?) };
                let year = year_now;
                if month_overflow(year, month, day) {
                    return Ok(None);
                }
                self.rescued(|p| {
                    let mut day_start = p.clock.local(year, month, day, 0, 0, 0)?;
                    if p.context == Pointer::Future && day_start < p.now {
                        day_start = p.clock.local(year + 1, month, day, 0, 0, 0)?;
                    }
                    p.day_or_time(day_start, rest(2))
                })
            }
            Method::SmSy | Method::SySm => {
                let (month, year) = if method == Method::SmSy { (sm(0)?, sy(1)?) } else { (sm(1)?, sy(0)?) };
                self.rescued(|p| p.year_and_month(year, month))
            }
            Method::RdnRmnOd | Method::RdnRmnSd | Method::RdnOd => {
                let (year, month, day, time) = match method {
                    Method::RdnRmnOd => (year_now, rmn(1)?, od(2)?, rest(3)),
                    Method::RdnRmnSd => (year_now, rmn(1)?, sd(2)?, rest(3)),
                    _ => {
                        let day = od(1)?;
                        let f = self.clock.fields(self.now)?;
                        let month = if self.context == Pointer::Future && f.day > day { f.month + 1 } else { f.month };
                        (f.year, month, day, rest(2))
                    }
                };
                if month_overflow(year, month, day) {
                    return Ok(None);
                }
                self.rescued(|p| {
                    if time.is_empty() {
                        let start = p.clock.local(year, month, day, 0, 0, 0)?;
                        Ok(Some(Span::new(start, p.time_with_rollover(year, month, day + 1)?)))
                    } else {
                        let day_start = p.clock.local(year, month, day, 0, 0, 0)?;
                        p.day_or_time(day_start, time)
                    }
                })
            }
            Method::RdnRmnOdSy | Method::RdnRmnSdSy => {
                let month = rmn(1)?;
                let day = if method == Method::RdnRmnOdSy { od(2)? } else { sd(2)? };
                let year = sy(3)?;
                if month_overflow(year, month, day) {
                    return Ok(None);
                }
                self.rescued(|p| {
                    let start = p.clock.local(year, month, day, 0, 0, 0)?;
                    Ok(Some(Span::new(start, p.time_with_rollover(year, month, day + 1)?)))
                })
            }
            Method::SmRmnSy => {
                let (day, month, year) = (sd(0)?, rmn(1)?, sy(2)?);
                if t.len() > 3 {
                    let last = t.last().cloned().ok_or(Raised)?;
                    let time = self.anchor(vec![last])?.ok_or(Raised)?.begin;
                    let f = self.clock.fields(time)?;
                    let start = self.clock.local(year, month, day, f.hour, f.min, f.sec)?;
                    let end = self.clock.local(year, month, day + 1, f.hour, f.min, f.sec)?;
                    Ok(Some(Span::new(start, end)))
                } else {
                    let start = self.clock.local(year, month, day, 0, 0, 0)?;
                    let end_day = if day >= 31 { day } else { day + 1 };
                    Ok(Some(Span::new(start, self.clock.local(year, month, end_day, 0, 0, 0)?)))
                }
            }
            Method::R => {
                let tokens = dealias(t);
                self.anchor(tokens)
            }
            Method::Rgr => {
                let reordered = [1, 0, 2].iter().filter_map(|&i| t.get(i).cloned()).collect();
                self.anchor(dealias(reordered))
            }
            Method::Srp => {
                let span = Span::new(self.now, self.now + 1);
                self.srp(&t, span)
            }
            Method::Psr => {
                let reordered: Vec<Token> = [1, 2, 0].iter().filter_map(|&i| t.get(i).cloned()).collect();
                let span = Span::new(self.now, self.now + 1);
                self.srp(&reordered, span)
            }
            Method::Srpa => {
                let Some(anchor) = self.anchor(rest(3))? else { return Err(Raised) };
                self.srp(&t, anchor)
            }
            Method::Srasrpa => {
                let Some(anchor) = self.anchor(rest(4))? else { return Err(Raised) };
                let tail = t.get(4..7).unwrap_or(&[]);
                let first: Vec<Token> = t.get(0..2).unwrap_or(&[]).iter().chain(tail).cloned().collect();
                let Some(span) = self.srp(&first, anchor)? else { return Err(Raised) };
                let second: Vec<Token> = t.get(2..4).unwrap_or(&[]).iter().chain(tail).cloned().collect();
                self.srp(&second, span)
            }
            Method::Orsr => {
                let outer = self.anchor(vec![get(3)?.clone()])?.ok_or(Raised)?;
                self.orr(&t, outer)
            }
            Method::Orgr => {
                let outer = self.anchor(rest(2).into_iter().take(2).collect())?.ok_or(Raised)?;
                self.orr(&t, outer)
            }
        }
    }

    /// A handler that rescues `ArgumentError` answers nothing instead.
    fn rescued(&mut self, f: impl FnOnce(&mut Self) -> Ruby<Option<Span>>) -> Ruby<Option<Span>> {
        Ok(f(self).unwrap_or(None))
    }

    fn m_d(&mut self, month: i64, day: i64, time: Vec<Token>) -> Ruby<Option<Span>> {
        let mut repeater = Repeater::new(RepeaterKind::MonthName(month));
        repeater.start(self.now);
        let span = repeater.this(&self.clock, context_of(self.context))?;
        let f = self.clock.fields(span.begin)?;
        let day_start = self.clock.local(f.year, f.month, day, 0, 0, 0)?;
        self.day_or_time(day_start, time)
    }

    fn year_and_month(&mut self, year: i64, month: i64) -> Ruby<Option<Span>> {
        let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        let end = self.clock.local(ny, nm, 1, 0, 0, 0)?;
        Ok(Some(Span::new(self.clock.local(year, month, 1, 0, 0, 0)?, end)))
    }

    fn time_with_rollover(&self, year: i64, month: i64, day: i64) -> Ruby<i64> {
        let (y, m, d) = if month_overflow(year, month, day) {
            if month == 12 {
                (year + 1, 1, 1)
            } else {
                (year, month + 1, 1)
            }
        } else {
            (year, month, day)
        };
        self.clock.local(y, m, d, 0, 0, 0)
    }

    fn day_or_time(&mut self, day_start: i64, time: Vec<Token>) -> Ruby<Option<Span>> {
        let outer = Span::new(day_start, day_start + 86_400);
        if time.is_empty() {
            return Ok(Some(outer));
        }
        self.now = outer.begin;
        let saved = self.context;
        self.context = Pointer::Future;
        let span = self.anchor(dealias(time));
        self.context = saved;
        span
    }

    /// `get_anchor`.
    fn anchor(&mut self, mut tokens: Vec<Token>) -> Ruby<Option<Span>> {
        let mut repeaters: Vec<Repeater> = tokens.iter().filter_map(Token::repeater).map(Repeater::new).collect();
        // `sort.reverse`: Ruby's sort keeps equal widths in order here.
        repeaters.sort_by_key(Repeater::width);
        repeaters.reverse();
        for _ in 0..repeaters.len() {
            tokens.pop();
        }
        let grabber = tokens.first().and_then(Token::grabber).unwrap_or(Grabber::This);
        let mut rest = repeaters.into_iter();
        let mut head = rest.next().ok_or(Raised)?;
        head.start(self.now);
        let remaining: Vec<Repeater> = rest.collect();
        let outer = match grabber {
            Grabber::Last => head.next(&self.clock, Pointer::Past)?,
            Grabber::This => {
                if self.context != Pointer::Past && !remaining.is_empty() {
                    head.this(&self.clock, Context::None)?
                } else {
                    head.this(&self.clock, context_of(self.context))?
                }
            }
            Grabber::Next => head.next(&self.clock, Pointer::Future)?,
        };
        self.find_within(remaining, outer)
    }

    fn find_within(&self, tags: Vec<Repeater>, span: Span) -> Ruby<Option<Span>> {
        let mut span = span;
        for mut head in tags {
            head.start(span.begin);
            let h = head.this(&self.clock, Context::None)?;
            if !(span.covers(h.begin) || span.covers(h.end)) {
                return Ok(None);
            }
            span = h;
        }
        Ok(Some(span))
    }

    fn srp(&mut self, t: &[Token], span: Span) -> Ruby<Option<Span>> {
        let distance = t.first().and_then(|t| t.scalar(Number::Plain)).ok_or(Raised)?;
        let kind = t.get(1).and_then(Token::repeater).ok_or(Raised)?;
        let pointer = t.get(2).and_then(Token::pointer).ok_or(Raised)?;
        let mut repeater = Repeater::new(kind);
        if !repeater.has_offset() {
            return Ok(None);
        }
        repeater.offset(&self.clock, span, distance, pointer).map(Some)
    }

    fn orr(&mut self, t: &[Token], outer: Span) -> Ruby<Option<Span>> {
        let kind = t.get(1).and_then(Token::repeater).ok_or(Raised)?;
        let ordinal = t.first().and_then(|t| t.ordinal(Number::Plain)).ok_or(Raised)?;
        let mut repeater = Repeater::new(kind);
        repeater.start(outer.begin - 1);
        let mut span = None;
        if ordinal > 10_000 {
            return Err(Raised);
        }
        for _ in 0..ordinal {
            let s = repeater.next(&self.clock, Pointer::Future)?;
            if s.begin >= outer.end {
                return Ok(None);
            }
            span = Some(s);
        }
        Ok(span)
    }

    /// `handle_generic`: Ruby's `Time.parse` of the original text, for the
    /// layouts that reach it (ISO 8601 with a zone, the Unix `date`
    /// layout, an ordinal day alone); out of range is no answer.
    fn generic(&mut self) -> Ruby<Option<Span>> {
        match super::generic::time_parse(self.text, &self.clock, self.now) {
            Ok(t) => Ok(Some(Span::new(t, t + 1))),
            Err(super::generic::Failure::OutOfRange) => Ok(None),
            Err(super::generic::Failure::Raised) => Err(Raised),
        }
    }
}

/// `dealias_and_disambiguate_times`.
fn dealias(mut tokens: Vec<Token>) -> Vec<Token> {
    let portion = tokens.iter().position(|t| matches!(t.repeater(), Some(RepeaterKind::DayPortion(_))));
    let has_time = tokens.iter().any(|t| matches!(t.repeater(), Some(RepeaterKind::Time(_))));
    if let (Some(i), true) = (portion, has_time) {
        if let Some(token) = tokens.get_mut(i) {
            let replaced = match token.repeater() {
                Some(RepeaterKind::DayPortion(Portion::Morning)) => Some(Portion::Am),
                Some(RepeaterKind::DayPortion(Portion::Afternoon | Portion::Evening | Portion::Night)) => {
                    Some(Portion::Pm)
                }
                _ => None,
            };
            if let Some(p) = replaced {
                token.tags.retain(|tag| !matches!(tag, Tag::Repeater(RepeaterKind::DayPortion(_))));
                token.tags.push(Tag::Repeater(RepeaterKind::DayPortion(p)));
            }
        }
    }
    let mut out = Vec::with_capacity(tokens.len() + 1);
    let len = tokens.len();
    for i in 0..len {
        let Some(token) = tokens.get(i) else { break };
        let ambiguous = matches!(token.repeater(), Some(RepeaterKind::Time(tick)) if tick.ambiguous);
        let next_is_portion =
            tokens.get(i + 1).is_some_and(|n| matches!(n.repeater(), Some(RepeaterKind::DayPortion(_))));
        out.push(token.clone());
        if ambiguous && !next_is_portion {
            out.push(Token { tags: vec![Tag::Repeater(RepeaterKind::DayPortion(Portion::From(6)))] });
        }
    }
    out
}
