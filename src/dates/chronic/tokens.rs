//! Chronic's tokens and tags: the normalised text split at white space,
//! each word tagged by every scanner that recognises it (`Repeater`,
//! `Grabber`, `Pointer`, `Scalar`, `Ordinal`, `Separator`, `Sign`,
//! `TimeZone`, in that order); words no scanner knows are dropped, which
//! is how Chronic skips unknown words.

use std::sync::LazyLock;

use regex::Regex;

/// A unit repeater (`scan_for_units`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Season,
    Month,
    Fortnight,
    Week,
    Weekend,
    Weekday,
    Day,
    Hour,
    Minute,
    Second,
}

/// A part of the day: a name, or the ambiguous range Chronic adds after a
/// bare hour (`ambiguous_time_range`, 6: 06:00–18:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Portion {
    Am,
    Pm,
    Morning,
    Afternoon,
    Evening,
    Night,
    From(i64),
}

/// A clock time (`RepeaterTime::Tick`): seconds after midnight, and
/// whether it could be either half of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tick {
    pub(crate) seconds: i64,
    pub(crate) ambiguous: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// What a repeater tag repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RepeaterKind {
    SeasonName(Season),
    /// 1–12.
    MonthName(i64),
    /// 0 for Sunday.
    DayName(i64),
    DayPortion(Portion),
    Time(Tick),
    Unit(Unit),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grabber {
    Last,
    This,
    Next,
}

/// A direction: `past` or `future`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pointer {
    Past,
    Future,
}

/// The kinds of scalar and ordinal tag; `Plain` is the base class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Number {
    Plain,
    Subsecond,
    Second,
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Separator {
    Comma,
    Dot,
    Colon,
    Space,
    Slash,
    Dash,
    Quote,
    At,
    In,
    On,
    And,
    T,
    W,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Repeater(RepeaterKind),
    Grabber(Grabber),
    Pointer(Pointer),
    Scalar(Number, i64),
    Ordinal(Number, i64),
    Separator(Separator),
    Sign,
    TimeZone,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) tags: Vec<Tag>,
}

impl Token {
    pub(crate) fn repeater(&self) -> Option<RepeaterKind> {
        self.tags.iter().find_map(|t| match t {
            Tag::Repeater(r) => Some(*r),
            _ => None,
        })
    }

    pub(crate) fn scalar(&self, kind: Number) -> Option<i64> {
        self.tags.iter().find_map(|t| match t {
            Tag::Scalar(k, v) if *k == kind || kind == Number::Plain => Some(*v),
            _ => None,
        })
    }

    pub(crate) fn ordinal(&self, kind: Number) -> Option<i64> {
        self.tags.iter().find_map(|t| match t {
            Tag::Ordinal(k, v) if *k == kind || kind == Number::Plain => Some(*v),
            _ => None,
        })
    }

    pub(crate) fn grabber(&self) -> Option<Grabber> {
        self.tags.iter().find_map(|t| match t {
            Tag::Grabber(g) => Some(*g),
            _ => None,
        })
    }

    pub(crate) fn pointer(&self) -> Option<Pointer> {
        self.tags.iter().find_map(|t| match t {
            Tag::Pointer(p) => Some(*p),
            _ => None,
        })
    }

    pub(crate) fn month_name(&self) -> Option<i64> {
        match self.repeater() {
            Some(RepeaterKind::MonthName(m)) => Some(m),
            _ => None,
        }
    }
}

/// The tagged tokens of a normalised text. They do not depend on `now`:
/// a year tag holds the number as written, and [`make_year`] completes a
/// two-digit one where a handler reads it.
pub(crate) fn tokenize(normal: &str) -> Vec<Token> {
    let words: Vec<&str> = normal.split([' ', '\t', '\n', '\x0B', '\x0C', '\r']).filter(|w| !w.is_empty()).collect();
    let mut tokens = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let mut tags = Vec::new();
        if let Some(r) = repeater(word) {
            tags.push(Tag::Repeater(r));
        }
        if let Some(g) = grabber(word) {
            tags.push(Tag::Grabber(g));
        }
        if let Some(p) = pointer(word) {
            tags.push(Tag::Pointer(p));
        }
        scalar(word, words.get(i + 1).copied(), &mut tags);
        ordinal(word, &mut tags);
        if let Some(s) = separator(word) {
            tags.push(Tag::Separator(s));
        }
        if *word == "+" || *word == "-" {
            tags.push(Tag::Sign);
        }
        if time_zone(word) {
            tags.push(Tag::TimeZone);
        }
        if !tags.is_empty() {
            tokens.push(Token { tags });
        }
    }
    tokens
}

/// `word` is `stem` followed by an optional `s` (`/^stems?$/`).
fn plural(word: &str, stem: &str) -> bool {
    word.strip_prefix(stem).is_some_and(|rest| rest.is_empty() || rest == "s")
}

fn repeater(word: &str) -> Option<RepeaterKind> {
    use RepeaterKind as R;
    // Season names. Chronic's `/^(autumn)|(fall)s?$/` is `^autumn` or `falls?$`.
    let season = if plural(word, "spring") {
        Some(Season::Spring)
    } else if plural(word, "summer") {
        Some(Season::Summer)
    } else if word.starts_with("autumn") || word.ends_with("fall") || word.ends_with("falls") {
        Some(Season::Autumn)
    } else if plural(word, "winter") {
        Some(Season::Winter)
    } else {
        None
    };
    if let Some(s) = season {
        return Some(R::SeasonName(s));
    }
    if let Some(m) = month_name(word) {
        return Some(R::MonthName(m));
    }
    if let Some(d) = day_name(word) {
        return Some(R::DayName(d));
    }
    let portion = if plural(word, "am") {
        Some(Portion::Am)
    } else if plural(word, "pm") {
        Some(Portion::Pm)
    } else if plural(word, "morning") {
        Some(Portion::Morning)
    } else if plural(word, "afternoon") {
        Some(Portion::Afternoon)
    } else if plural(word, "evening") {
        Some(Portion::Evening)
    } else if plural(word, "night") || plural(word, "nite") {
        Some(Portion::Night)
    } else {
        None
    };
    if let Some(p) = portion {
        return Some(R::DayPortion(p));
    }
    if let Some(tick) = time(word) {
        return Some(R::Time(tick));
    }
    let unit = match word {
        _ if plural(word, "year") => Unit::Year,
        _ if plural(word, "season") => Unit::Season,
        _ if plural(word, "month") => Unit::Month,
        _ if plural(word, "fortnight") => Unit::Fortnight,
        _ if plural(word, "week") => Unit::Week,
        _ if plural(word, "weekend") => Unit::Weekend,
        _ if plural(word, "weekday") || plural(word, "businessday") => Unit::Weekday,
        _ if plural(word, "day") => Unit::Day,
        _ if plural(word, "hr") || plural(word, "hour") => Unit::Hour,
        _ if plural(word, "min") || plural(word, "minute") => Unit::Minute,
        _ if plural(word, "sec") || plural(word, "second") => Unit::Second,
        _ => return None,
    };
    Some(R::Unit(unit))
}

fn month_name(word: &str) -> Option<i64> {
    // `/^jan[:\.]?(uary)?$/` and so on: the stem, an optional `:` or `.`,
    // then the rest of the name or nothing.
    let named = |stem: &str, tails: &[&str]| {
        word.strip_prefix(stem).is_some_and(|rest| {
            let rest = rest.strip_prefix([':', '.']).unwrap_or(rest);
            rest.is_empty() || tails.contains(&rest)
        })
    };
    let month = if named("jan", &["uary"]) {
        1
    } else if named("feb", &["ruary"]) {
        2
    } else if named("mar", &["ch"]) {
        3
    } else if named("apr", &["il"]) {
        4
    } else if word == "may" {
        5
    } else if named("jun", &["e"]) {
        6
    } else if named("jul", &["y"]) {
        7
    } else if named("aug", &["ust"]) {
        8
    } else if named("sep", &["t", "t:", "t.", "tember"]) {
        9
    } else if named("oct", &["ober"]) {
        10
    } else if named("nov", &["ember"]) {
        11
    } else if named("dec", &["ember"]) {
        12
    } else {
        return None;
    };
    Some(month)
}

fn day_name(word: &str) -> Option<i64> {
    let with_day = |stems: &[&str]| {
        stems.iter().any(|stem| word.strip_prefix(stem).is_some_and(|rest| rest.is_empty() || rest == "day"))
    };
    let day = if with_day(&["mon", "mun"]) {
        1
    } else if with_day(&["tues", "teus", "toos", "tus", "ts", "tue", "teu", "too", "tu", "t"]) {
        // `/^t(ue|eu|oo|u|)s?(day)?$/`
        2
    } else if with_day(&["wed", "wednes", "wends", "wenns"]) {
        3
    } else if with_day(&["thu", "thur", "thurs", "thers"]) {
        4
    } else if with_day(&["fri", "fry"]) {
        5
    } else if saturday(word) {
        6
    } else if with_day(&["sun", "sum"]) {
        0
    } else {
        return None;
    };
    Some(day)
}

/// `/^sat(t?[ue]rday)?$/`.
fn saturday(word: &str) -> bool {
    let Some(rest) = word.strip_prefix("sat") else { return false };
    if rest.is_empty() {
        return true;
    }
    let rest = rest.strip_prefix('t').unwrap_or(rest);
    rest == "urday" || rest == "erday"
}

/// `/^\d{1,2}(:?\d{1,2})?([\.:]?\d{1,2}([\.:]\d{1,6})?)?$/`, then
/// `RepeaterTime.new`.
fn time(word: &str) -> Option<Tick> {
    if !time_shape(word) {
        return None;
    }
    let mut parts: Vec<String> = word.split(':').map(str::to_owned).collect();
    if parts.len() > 4 {
        return None;
    }
    if parts.len() == 1 && parts.first().is_some_and(|p| p.len() > 2) {
        let mut first = parts.first().cloned().unwrap_or_default();
        if first.len() > 4 {
            let at = first.len() - 2;
            let seconds = first.split_off(at);
            parts.insert(1, seconds);
        }
        let at = first.len() - 2;
        let minutes = first.split_off(at);
        parts.insert(1, minutes);
        if let Some(p) = parts.first_mut() {
            *p = first;
        }
    }
    let first = parts.first()?;
    let mut hours = ruby_to_i(first);
    let ambiguous = (first.len() == 1 && hours > 0) || (10..=12).contains(&hours);
    if hours == 12 && ambiguous {
        hours = 0;
    }
    let minutes = parts.get(1).map_or(0, |p| ruby_to_i(p));
    let seconds = parts.get(2).map_or(0, |p| ruby_to_i(p));
    Some(Tick { seconds: hours * 3600 + minutes * 60 + seconds, ambiguous })
}

/// Chronic's time pattern.
fn time_shape(word: &str) -> bool {
    // Most words hold a letter: they are no time, and need no search.
    if !word.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.') {
        return false;
    }
    static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
        // A constant pattern; a bad one fails every test.
        #[allow(clippy::expect_used)]
        Regex::new(r"^[0-9]{1,2}(:?[0-9]{1,2})?([.:]?[0-9]{1,2}([.:][0-9]{1,6})?)?$").expect("a valid pattern")
    });
    PATTERN.is_match(word)
}

/// Ruby's `String#to_i`: leading digits, 0 when none (`i64::MAX` for more
/// than an `i64` holds, which no date reads).
pub(crate) fn ruby_to_i(s: &str) -> i64 {
    s.bytes()
        .take_while(u8::is_ascii_digit)
        .try_fold(0i64, |n, d| n.checked_mul(10)?.checked_add(i64::from(d - b'0')))
        .unwrap_or(i64::MAX)
}

fn grabber(word: &str) -> Option<Grabber> {
    // Unanchored, as Chronic's `/last/`, `/this/`, `/next/`.
    if word.contains("last") {
        Some(Grabber::Last)
    } else if word.contains("this") {
        Some(Grabber::This)
    } else if word.contains("next") {
        Some(Grabber::Next)
    } else {
        None
    }
}

fn pointer(word: &str) -> Option<Pointer> {
    if has_word(word, "past") {
        Some(Pointer::Past)
    } else if has_word(word, "future") || has_word(word, "in") {
        Some(Pointer::Future)
    } else {
        None
    }
}

/// `/\bword\b/` inside a token.
fn has_word(token: &str, word: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let (t, w) = (token.as_bytes(), word.as_bytes());
    (0..=t.len().saturating_sub(w.len())).filter(|&at| t.get(at..at + w.len()) == Some(w)).any(|at| {
        let before = token.get(..at).and_then(|s| s.chars().next_back());
        let after = token.get(at + word.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

const DAY_PORTIONS: [&str; 6] = ["am", "pm", "morning", "afternoon", "evening", "night"];

fn scalar(word: &str, next: Option<&str>, tags: &mut Vec<Tag>) {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let n = ruby_to_i(word);
    tags.push(Tag::Scalar(Number::Plain, n));
    if (0..=999_999).contains(&n) {
        tags.push(Tag::Scalar(Number::Subsecond, n));
    }
    if (0..=60).contains(&n) {
        tags.push(Tag::Scalar(Number::Second, n));
        tags.push(Tag::Scalar(Number::Minute, n));
    }
    if (0..=24).contains(&n) {
        tags.push(Tag::Scalar(Number::Hour, n));
    }
    if next.is_some_and(|w| DAY_PORTIONS.contains(&w)) {
        return;
    }
    if (1..=31).contains(&n) {
        tags.push(Tag::Scalar(Number::Day, n));
    }
    if (1..=12).contains(&n) {
        tags.push(Tag::Scalar(Number::Month, n));
    }
    if (1..=9999).contains(&n) {
        tags.push(Tag::Scalar(Number::Year, n));
    }
}

/// `Chronic::Date.make_year` with the default bias of 50 years: a year of
/// one or two digits is the one within 50 years before `year_now` and 50
/// after.
pub(crate) fn make_year(year: i64, year_now: i64) -> i64 {
    if !(0..100).contains(&year) {
        return year;
    }
    let start = year_now - 50;
    let century = start.div_euclid(100) * 100;
    let full = century + year;
    if full < start {
        full + 100
    } else {
        full
    }
}

fn ordinal(word: &str, tags: &mut Vec<Tag>) {
    // `/^(\d+)(st|nd|rd|th|\.)$/`
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let Some(suffix) = word.get(digits..) else { return };
    if digits == 0 || !matches!(suffix, "st" | "nd" | "rd" | "th" | ".") {
        return;
    }
    let n = ruby_to_i(word);
    tags.push(Tag::Ordinal(Number::Plain, n));
    if (1..=31).contains(&n) {
        tags.push(Tag::Ordinal(Number::Day, n));
    }
    if (1..=12).contains(&n) {
        tags.push(Tag::Ordinal(Number::Month, n));
    }
    if (1..=9999).contains(&n) {
        tags.push(Tag::Ordinal(Number::Year, n));
    }
}

fn separator(word: &str) -> Option<Separator> {
    use Separator as S;
    Some(match word {
        "," => S::Comma,
        "." => S::Dot,
        ":" => S::Colon,
        " " => S::Space,
        "/" => S::Slash,
        "-" => S::Dash,
        "'" | "\"" => S::Quote,
        "at" | "@" => S::At,
        "in" => S::In,
        "on" => S::On,
        "and" => S::And,
        "t" => S::T,
        "w" => S::W,
        _ => return None,
    })
}

/// `/[PMCE][DS]T|UTC/i` or `/(tzminus)?\d{2}:?\d{2}/`, anywhere in the word.
fn time_zone(word: &str) -> bool {
    let b = word.as_bytes();
    let named = b.windows(3).any(|w| {
        let w = [w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase(), w[2].to_ascii_lowercase()];
        (matches!(w[0], b'p' | b'm' | b'c' | b'e') && matches!(w[1], b'd' | b's') && w[2] == b't') || &w == b"utc"
    });
    named
        || (0..b.len()).any(|i| {
            let d = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
            d(i) && d(i + 1) && ((d(i + 2) && d(i + 3)) || (b.get(i + 2) == Some(&b':') && d(i + 3) && d(i + 4)))
        })
}
