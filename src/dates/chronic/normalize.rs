//! Chronic's text normalisation, step by step: `Parser#pre_normalize` with
//! `Chronic::Numerizer` in the middle of it.
//!
//! Each step is one of Chronic's `gsub!`s, in Chronic's order, written out
//! as a matcher that takes the choices Ruby's regex engine takes (leftmost
//! start, first alternative, greedy repeats). They are written by hand,
//! rather than compiled from Chronic's patterns, because the sixty patterns
//! run on every date and a regex engine's fixed cost per pattern was most
//! of the time a date took. A test (`normalize_oracle`) keeps Chronic's
//! patterns, compiled with the `regex` crate, and a property test holds
//! the two to the same text for every input.
//!
//! Ruby's `\d` and `\s` are ASCII; `^` and `$` are line anchors; `\b` is a
//! boundary between a word character (a letter, a digit or `_`) and
//! anything else.
//!
//! A step whose pattern needs a byte the text does not hold is skipped
//! without a scan: most dates meet only a few of the steps.

use super::scan::*;

/// A set of ASCII bytes, one bit each.
pub(super) type Bytes = u128;

const fn bytes_of(s: &str) -> Bytes {
    let b = s.as_bytes();
    let mut set = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] < 128 {
            set |= 1 << b[i];
        }
        i += 1;
    }
    set
}

const DIGITS: Bytes = bytes_of("0123456789");
pub(super) const SPACES: Bytes = bytes_of("\t\n\x0B\x0C\r ");
/// Every character, ASCII or not.
pub(super) const ANY: Bytes = Bytes::MAX;

/// The bytes the alternatives start with.
const fn first_bytes(alternatives: &[&str]) -> Bytes {
    let mut set = 0;
    let mut i = 0;
    while i < alternatives.len() {
        if let [first, ..] = alternatives[i].as_bytes() {
            if *first < 128 {
                set |= 1 << *first;
            }
        }
        i += 1;
    }
    set
}

/// What a step's pattern needs in the text before it can match: every byte
/// of `all`, and one of `any` when `any` is not empty.
#[derive(Clone, Copy)]
struct Needs {
    all: Bytes,
    any: Bytes,
}

const fn needs(all: &str, any: Bytes) -> Needs {
    Needs { all: bytes_of(all), any }
}

/// The text being normalised, with the bytes it holds.
struct Text {
    s: String,
    holds: Bytes,
}

impl Text {
    fn new(s: String) -> Text {
        let holds = holds(&s);
        Text { s, holds }
    }

    /// Runs `step` when the text can meet its pattern; a step answers
    /// `None` when it changes nothing.
    fn step(&mut self, needs: Needs, step: impl FnOnce(&str) -> Option<String>) {
        if self.holds & needs.all == needs.all && (needs.any == 0 || self.holds & needs.any != 0) {
            if let Some(s) = step(&self.s) {
                *self = Text::new(s);
            }
        }
    }
}

fn holds(s: &str) -> Bytes {
    s.bytes().filter(|b| b.is_ascii()).fold(0, |set, b| set | 1 << b)
}

/// `Parser#pre_normalize(text)`.
pub(crate) fn pre_normalize(text: &str) -> String {
    let mut t = Text::new(text.to_lowercase());
    // `\b(\d{2})\.(\d{2})\.(\d{4})\b` → `\3 / \2 / \1`
    t.step(const { needs(".", DIGITS) }, |s| {
        gsub(s, DIGITS, dotted_date, |m, out| {
            for part in [m.get(6..), Some(" / "), m.get(3..5), Some(" / "), m.get(..2)] {
                out.push_str(part.unwrap_or(""));
            }
        })
    });
    // `\b([ap])\.m\.?` → `\1m`
    t.step(const { needs(".m", bytes_of("ap")) }, |s| {
        gsub(
            s,
            const { bytes_of("ap") },
            |s, i| boundary(s, i).then_some(i).and_then(|i| ante_post(s, i, b'.')),
            first_then_m,
        )
    });
    // `(\s+|:\d{2}|:\d{2}\.\d{3})\-(\d{2}:?\d{2})\b` → `\1tzminus\2`
    t.step(const { needs("-", DIGITS) }, |s| {
        gsub(s, SPACES | const { bytes_of(":") }, zone_minus, |m, out| {
            let (before, after) = m.split_once('-').unwrap_or((m, ""));
            out.push_str(before);
            out.push_str("tzminus");
            out.push_str(after);
        })
    });
    // `\.` → `:`
    t.step(const { needs(".", 0) }, |s| Some(s.replace('.', ":")));
    // `([ap]):m:?` → `\1m`
    t.step(const { needs(":m", bytes_of("ap")) }, |s| {
        gsub(s, const { bytes_of("ap") }, |s, i| ante_post(s, i, b':'), first_then_m)
    });
    // `['"]` → ``
    t.step(const { needs("", bytes_of("'\"")) }, |s| Some(s.replace(['\'', '"'], "")));
    // `,` → ` `
    t.step(const { needs(",", 0) }, |s| Some(s.replace(',', " ")));
    // `^second ` → `2nd `
    t.step(const { needs("second ", 0) }, |s| {
        gsub(
            s,
            const { bytes_of("s") },
            |s, i| line_start(s, i).then(|| lit(s, i, "second ")).flatten(),
            |_, out| out.push_str("2nd "),
        )
    });
    // `\bsecond (of|day|month|hour|minute|second)\b` → `2nd \1`
    const UNITS: [&str; 6] =
        ["second of", "second day", "second month", "second hour", "second minute", "second second"];
    t.step(const { needs("second ", 0) }, |s| {
        gsub(
            s,
            const { bytes_of("s") },
            |s, i| words(s, i, &UNITS).map(|(end, _)| end),
            |m, out| {
                out.push_str("2nd ");
                out.push_str(m.get("second ".len()..).unwrap_or(""));
            },
        )
    });
    let mut t = Text::new(numerize(t));
    after_numbers(&mut t);
    t.s
}

/// The steps after `Numerizer.numerize`.
fn after_numbers(t: &mut Text) {
    // `([\/\-\,\@])` → ` \1 `
    t.step(const { needs("", bytes_of("/-,@")) }, |s| {
        let mut out = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            if matches!(c, '/' | '-' | ',' | '@') {
                out.push(' ');
                out.push(c);
                out.push(' ');
            } else {
                out.push(c);
            }
        }
        Some(out)
    });
    // `(?:^|\s)0(\d+:\d+\s*pm?\b)` → ` \1`
    t.step(const { needs("0:p", 0) }, |s| {
        gsub(s, SPACES | const { bytes_of("0") }, leading_zero_pm, |m, out| {
            let zero = m.find('0').map_or(m.len(), |i| i + 1);
            out.push(' ');
            out.push_str(m.get(zero..).unwrap_or(""));
        })
    });
    for (phrases, replacement) in &DAY_WORDS {
        replace_words(t, phrases, replacement);
    }
    t.step(const { needs("quarter", 0) }, |s| Some(s.replace("quarter", "15")));
    t.step(const { needs("half", 0) }, |s| Some(s.replace("half", "30")));
    // `(\d{1,2}) (to|till|prior to|before)\b` → `\1 minutes past`
    minutes(t, &["to", "till", "prior to", "before"], " minutes past");
    // `(\d{1,2}) (after|past)\b` → `\1 minutes future`
    minutes(t, &["after", "past"], " minutes future");
    replace_words(t, const { &phrases(&["ago", "before now", "before"]) }, "past");
    replace_words(t, const { &phrases(&["this last", "this past"]) }, "last");
    // `\b(?:in|during) the (morning)\b` → `\1`, and the same for the
    // afternoon, the evening and the night, `at` included.
    for phrases in &PARTS_OF_DAY {
        t.step(const { needs(" ", 0) }, |s| {
            gsub(
                s,
                phrases.starts,
                |s, i| words(s, i, phrases.alternatives).map(|(end, _)| end),
                |m, out| out.push_str(m.rsplit(' ').next().unwrap_or("")),
            )
        });
    }
    replace_words(t, const { &phrases(&["tonight"]) }, "this night");
    // `\b[0-9]+:?[0-9]*[ap]\b` → `\0m`
    t.step(const { needs("", DIGITS) }, |s| {
        gsub(s, DIGITS, bare_ante_post, |m, out| {
            out.push_str(m);
            out.push('m');
        })
    });
    // `\b([0-9]{2})([0-9]{2})(am|pm)\b` → `\1:\2\3`
    t.step(const { needs("m", DIGITS) }, |s| {
        gsub(s, DIGITS, four_digits_ante_post, |m, out| {
            out.push_str(m.get(..2).unwrap_or(""));
            out.push(':');
            out.push_str(m.get(2..).unwrap_or(""));
        })
    });
    // `([0-9])([ap]m|oclock)\b` → `\1 \2`
    t.step(const { needs("", DIGITS) }, |s| {
        gsub(s, DIGITS, digit_then_ante_post, |m, out| {
            out.push_str(m.get(..1).unwrap_or(""));
            out.push(' ');
            out.push_str(m.get(1..).unwrap_or(""));
        })
    });
    replace_words(t, const { &phrases(&["hence", "after", "from"]) }, "future");
    // `(?i)^\s?an? ` → `1 `
    t.step(const { needs(" ", bytes_of("aA")) }, |s| {
        gsub(s, SPACES | const { bytes_of("aA") }, leading_an, |_, out| out.push_str("1 "))
    });
    // `\b(\d{4}):(\d{2}):(\d{2})\b` → `\1 / \2 / \3`
    t.step(const { needs(":", DIGITS) }, |s| {
        gsub(s, DIGITS, colon_date, |m, out| {
            for part in [m.get(..4), Some(" / "), m.get(5..7), Some(" / "), m.get(8..)] {
                out.push_str(part.unwrap_or(""));
            }
        })
    });
    // `\b0(\d+):(\d{2}):(\d{2}) ([ap]m)\b` → `\1:\2:\3 \4`
    t.step(const { needs("0:m ", 0) }, |s| {
        gsub(s, bytes_of("0"), zero_time_ante_post, |m, out| out.push_str(m.get(1..).unwrap_or("")))
    });
}

/// `Chronic::Numerizer.numerize(string)`.
fn numerize(mut t: Text) -> String {
    // `/ +|([^\d])-([^\d])/` → `\1 \2`: a run of spaces becomes one, and a
    // hyphen between two non-digits a space.
    t.step(const { needs("", bytes_of(" -")) }, |s| {
        gsub(s, ANY, spaces_or_hyphen, |m, out| {
            if m.starts_with(' ') {
                out.push(' ');
            } else {
                let mut chars = m.chars();
                if let (Some(a), Some(_), Some(b)) = (chars.next(), chars.next(), chars.next()) {
                    out.push(a);
                    out.push(' ');
                    out.push(b);
                }
            }
        })
    });
    t.step(const { needs("a half", 0) }, |s| Some(s.replace("a half", "haAlf")));
    for word in DIRECT.iter().chain(&ORDINALS) {
        t.step(word.needs, |s| match word.after {
            After::Anything => s.contains(word.text).then(|| s.replace(word.text, word.replacement)),
            After::NotAWord => gsub(
                s,
                word.starts,
                |s, i| {
                    let end = lit(s, i, word.text)?;
                    match s.get(end..).and_then(|r| r.chars().next()) {
                        Some(c) if !(c.is_ascii_alphanumeric() || c == '_') => Some(end + c.len_utf8()),
                        // `$`: the end of a line (the `\n` itself was taken above).
                        None => Some(end),
                        Some(_) => None,
                    }
                },
                |m, out| {
                    out.push_str(word.replacement);
                    out.push_str(m.get(word.text.len()..).unwrap_or(""));
                },
            ),
            After::Anchor => gsub(
                s,
                const { bytes_of("a") },
                |s, i| {
                    let end = lit(s, i, "a").filter(|_| boundary(s, i))?;
                    matches!(byte(s, end), Some(b'\x08' | b'^' | b'$')).then_some(end + 1)
                },
                |_, out| out.push_str(word.replacement),
            ),
        });
    }
    // `(?:twenty) *<num>(\d(?=[^\d]|$))*` → `<num>` and the ten plus that digit.
    for &Ten { text: ten, value, needs: ten_needs, starts } in &TENS {
        t.step(Needs { all: ten_needs.all | const { bytes_of("<num>") }, any: 0 }, |s| {
            gsub(
                s,
                starts,
                |s, i| {
                    let end = lit(s, spaces(s, lit(s, i, ten)?), "<num>")?;
                    let unit = byte(s, end).is_some_and(|b| b.is_ascii_digit())
                        && !byte(s, end + 1).is_some_and(|b| b.is_ascii_digit());
                    Some(end + usize::from(unit))
                },
                |m, out| {
                    let unit = m.bytes().last().filter(u8::is_ascii_digit).map_or(0, |d| u64::from(d - b'0'));
                    out.push_str("<num>");
                    out.push_str(&(value + unit).to_string());
                },
            )
        });
    }
    for &Ten { text: ten, value, needs: ten_needs, .. } in &TENS {
        t.step(ten_needs, |s| s.contains(ten).then(|| s.replace(ten, &format!("<num>{value}"))));
    }
    // `(?:<num>)?(\d*) *hundred` → `<num>` and the product, or the bare
    // number when no digits come before; then `andition`, after each.
    for &Ten { text: name, value, needs: name_needs, starts } in &BIG {
        t.step(name_needs, |s| {
            gsub(
                s,
                DIGITS | const { bytes_of("< ") } | starts,
                |s, i| lit(s, spaces(s, digits(s, lit(s, i, "<num>").unwrap_or(i))), name),
                |m, out| {
                    let m = m.strip_prefix("<num>").unwrap_or(m);
                    let count = m.bytes().take_while(u8::is_ascii_digit).count();
                    match m.get(..count).filter(|d| !d.is_empty()) {
                        None => out.push_str(&value.to_string()),
                        Some(d) => {
                            let n: u128 = d.parse().unwrap_or(u128::MAX);
                            out.push_str("<num>");
                            out.push_str(&n.saturating_mul(u128::from(value)).to_string());
                        }
                    }
                },
            )
        });
        t.step(const { needs("<num> ", 0) }, andition);
    }
    // `(\d+)(?: | and |-)*haAlf` → the number and a half, as Ruby prints a float.
    t.step(const { needs("haAlf", DIGITS) }, |s| {
        gsub(s, DIGITS, and_a_half, |m, out| {
            let count = m.bytes().take_while(u8::is_ascii_digit).count();
            let n: f64 = m.get(..count).and_then(|d| d.parse().ok()).unwrap_or(0.0);
            out.push_str(&ruby_float(n + 0.5));
        })
    });
    t.s.replace("<num>", "")
}

/// `Numerizer.andition`: `<num>20 <num>1` is `<num>21`, and `<num>N and
/// <num>M` is their sum; searching starts again from the beginning after
/// every change.
fn andition(s: &str) -> Option<String> {
    let mut s = s.to_owned();
    let mut changed = false;
    let mut from = 0;
    // Every change shortens the text, so this ends.
    while let Some(m) = (from..s.len()).find_map(|i| addition_at(&s, i)) {
        // The look-ahead `(?=[^\w]|$)`: the number ends before a non-word
        // character or the end of a line.
        let after = s.get(m.end..).and_then(|r| r.chars().next());
        if after.is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '_') {
            from = m.end;
            continue;
        }
        let (a, b) = (s.get(m.a.clone()).unwrap_or(""), s.get(m.b.clone()).unwrap_or(""));
        if m.and || a.len() > b.len() {
            let sum = a.parse::<u128>().unwrap_or(0).saturating_add(b.parse().unwrap_or(0));
            s.replace_range(m.start..m.end, &format!("<num>{sum}"));
            changed = true;
            from = 0;
        } else {
            from = m.end;
        }
    }
    changed.then_some(s)
}

/// A match of `<num>(\d+)( | and )<num>(\d+)`.
struct Addition {
    start: usize,
    a: std::ops::Range<usize>,
    and: bool,
    b: std::ops::Range<usize>,
    end: usize,
}

fn addition_at(s: &str, start: usize) -> Option<Addition> {
    let a_start = lit(s, start, "<num>")?;
    let a_end = digits(s, a_start);
    if a_end == a_start {
        return None;
    }
    let (b_start, and) = match lit(s, a_end, " <num>") {
        Some(e) => (e, false),
        None => (lit(s, a_end, " and <num>")?, true),
    };
    let end = digits(s, b_start);
    (end > b_start).then_some(Addition { start, a: a_start..a_end, and, b: b_start..end, end })
}

/// What may follow a number word for `numerize` to replace it.
#[derive(Clone, Copy)]
enum After {
    Anything,
    /// `four([^a-zA-Z0-9_]|$)`: a character that is not a word character,
    /// which the replacement keeps, or the end of a line.
    NotAWord,
    /// `\ba[\b^$]`: Ruby reads `[\b^$]` as a class of backspace, `^` and `$`.
    Anchor,
}

struct NumberWord {
    text: &'static str,
    replacement: &'static str,
    after: After,
    needs: Needs,
    starts: Bytes,
}

const fn word(text: &'static str, replacement: &'static str, after: After) -> NumberWord {
    let any = match after {
        After::Anchor => bytes_of("\x08^$"),
        _ => 0,
    };
    NumberWord { text, replacement, after, needs: needs(text, any), starts: first_bytes(&[text]) }
}

/// `DIRECT_NUMS` and `a`, in Chronic's order.
const DIRECT: [NumberWord; 22] = [
    word("eleven", "<num>11", After::Anything),
    word("twelve", "<num>12", After::Anything),
    word("thirteen", "<num>13", After::Anything),
    word("fourteen", "<num>14", After::Anything),
    word("fifteen", "<num>15", After::Anything),
    word("sixteen", "<num>16", After::Anything),
    word("seventeen", "<num>17", After::Anything),
    word("eighteen", "<num>18", After::Anything),
    word("nineteen", "<num>19", After::Anything),
    word("ninteen", "<num>19", After::Anything),
    word("zero", "<num>0", After::Anything),
    word("one", "<num>1", After::Anything),
    word("two", "<num>2", After::Anything),
    word("three", "<num>3", After::Anything),
    word("four", "<num>4", After::NotAWord),
    word("five", "<num>5", After::Anything),
    word("six", "<num>6", After::NotAWord),
    word("seven", "<num>7", After::NotAWord),
    word("eight", "<num>8", After::NotAWord),
    word("nine", "<num>9", After::NotAWord),
    word("ten", "<num>10", After::Anything),
    word("a", "<num>1", After::Anchor),
];

/// `ORDINALS`, in Chronic's order.
const ORDINALS: [NumberWord; 18] = [
    word("first", "<num>1st", After::Anything),
    word("third", "<num>3rd", After::Anything),
    word("fourth", "<num>4th", After::Anything),
    word("fifth", "<num>5th", After::Anything),
    word("sixth", "<num>6th", After::Anything),
    word("seventh", "<num>7th", After::Anything),
    word("eighth", "<num>8th", After::Anything),
    word("ninth", "<num>9th", After::Anything),
    word("tenth", "<num>10th", After::Anything),
    word("twelfth", "<num>12th", After::Anything),
    word("twentieth", "<num>20th", After::Anything),
    word("thirtieth", "<num>30th", After::Anything),
    word("fourtieth", "<num>40th", After::Anything),
    word("fiftieth", "<num>50th", After::Anything),
    word("sixtieth", "<num>60th", After::Anything),
    word("seventieth", "<num>70th", After::Anything),
    word("eightieth", "<num>80th", After::Anything),
    word("ninetieth", "<num>90th", After::Anything),
];

/// A number word of `TEN_NUMS` or `BIG_PREFIXES`, with its value.
#[derive(Clone, Copy)]
struct Ten {
    text: &'static str,
    value: u64,
    needs: Needs,
    starts: Bytes,
}

const fn ten(text: &'static str, value: u64) -> Ten {
    Ten { text, value, needs: needs(text, 0), starts: first_bytes(&[text]) }
}

const TENS: [Ten; 9] = [
    ten("twenty", 20),
    ten("thirty", 30),
    ten("forty", 40),
    ten("fourty", 40),
    ten("fifty", 50),
    ten("sixty", 60),
    ten("seventy", 70),
    ten("eighty", 80),
    ten("ninety", 90),
];

const BIG: [Ten; 5] = [
    ten("hundred", 100),
    ten("thousand", 1000),
    ten("million", 1_000_000),
    ten("billion", 1_000_000_000),
    ten("trillion", 1_000_000_000_000),
];

/// The alternatives of a `\b(…)\b` pattern, with the bytes they all
/// need and the bytes they start with.
struct Phrases {
    alternatives: &'static [&'static str],
    needs: Needs,
    starts: Bytes,
}

const fn phrases(alternatives: &'static [&'static str]) -> Phrases {
    let mut all = Bytes::MAX;
    let mut i = 0;
    while i < alternatives.len() {
        all &= bytes_of(alternatives[i]);
        i += 1;
    }
    Phrases { alternatives, needs: Needs { all, any: 0 }, starts: first_bytes(alternatives) }
}

/// The day words and what Chronic writes for them.
const DAY_WORDS: [(Phrases, &str); 6] = [
    (phrases(&["today"]), "this day"),
    (phrases(&["tommorrow", "tommorow", "tomorrow", "tomorow"]), "next day"),
    (phrases(&["yesterday"]), "last day"),
    (phrases(&["noon"]), "12:00pm"),
    (phrases(&["midnight"]), "24:00"),
    (phrases(&["now"]), "this second"),
];

/// `\b(?:in|during) the (morning)\b` and `\b(?:in the|during the|at)
/// (afternoon|evening|night)\b`, each alternative written out.
const PARTS_OF_DAY: [Phrases; 2] = [
    phrases(&["in the morning", "during the morning"]),
    phrases(&[
        "in the afternoon",
        "in the evening",
        "in the night",
        "during the afternoon",
        "during the evening",
        "during the night",
        "at afternoon",
        "at evening",
        "at night",
    ]),
];

/// Ruby's `Float#to_s` for the halves numerize makes (`2.5`, `100.5`).
fn ruby_float(f: f64) -> String {
    if f.fract() == 0.0 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

fn replace_words(t: &mut Text, phrases: &Phrases, replacement: &str) {
    t.step(phrases.needs, |s| {
        gsub(
            s,
            phrases.starts,
            |s, i| words(s, i, phrases.alternatives).map(|(end, _)| end),
            |_, out| out.push_str(replacement),
        )
    });
}

/// `(\d{1,2}) (alternatives)\b` → `\1` and `tail`.
fn minutes(t: &mut Text, alternatives: &[&str], tail: &'static str) {
    t.step(const { needs(" ", DIGITS) }, |s| {
        gsub(
            s,
            DIGITS,
            |s, i| {
                let count = digits(s, i).saturating_sub(i).min(2);
                let after = lit(s, i + count, " ").filter(|_| count > 0)?;
                alternatives.iter().find_map(|a| lit(s, after, a).filter(|&end| boundary(s, end)))
            },
            |m, out| {
                out.push_str(m.split(' ').next().unwrap_or(""));
                out.push_str(tail);
            },
        )
    });
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::normalize_oracle;
    use super::pre_normalize;

    #[test]
    fn steps_as_chronic_takes_them() {
        // Checked against Chronic 0.10.5's Parser#pre_normalize.
        for (text, normal) in [
            ("yesterday at 4", "last day at 4"),
            ("2 weeks ago at 4pm", "2 weeks past at 4 pm"),
            ("9.8.2013", "9:8:2013"),
            ("09.08.2013", "2013  /  08  /  09"),
            ("thirty-three days from now", "33 days future this second"),
            ("twenty one days ago", "21 days past"),
            ("an hour ago", "1 hour past"),
            ("noon yesterday", "12:00 pm last day"),
            ("jan 3 at midnight", "jan 3 at 24:00"),
            ("half past 2", "30 minutes future 2"),
            ("2011-02-03", "2011 - 02 - 03"),
            ("one hundred days ago", "100 days past"),
        ] {
            assert_eq!(pre_normalize(text), normal, "{text}");
            assert_eq!(normalize_oracle::pre_normalize(text), normal, "{text}");
        }
    }

    /// The pieces Chronic's patterns are made of, so that random texts
    /// meet every step, and what lies between and around them.
    const PIECES: &[&str] = &[
        " ",
        "  ",
        "-",
        ".",
        ":",
        ",",
        "/",
        "@",
        "'",
        "\"",
        "\n",
        "\t",
        "0",
        "1",
        "2",
        "05",
        "12",
        "24",
        "2013",
        "1230",
        "09.08.2013",
        "2013:08:09",
        "a",
        "an",
        "A",
        "p",
        "m",
        "am",
        "pm",
        "a.m.",
        "p:m",
        "oclock",
        "st",
        "th",
        "and",
        "a half",
        "haAlf",
        "half",
        "quarter",
        "second",
        "second day",
        "of",
        "today",
        "tomorrow",
        "tommorow",
        "yesterday",
        "noon",
        "midnight",
        "now",
        "to",
        "till",
        "prior to",
        "before",
        "before now",
        "after",
        "past",
        "ago",
        "this",
        "last",
        "in the morning",
        "during the",
        "at",
        "afternoon",
        "evening",
        "night",
        "tonight",
        "hence",
        "from",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "nineteen",
        "ninteen",
        "zero",
        "first",
        "third",
        "fourth",
        "fifth",
        "twelfth",
        "twentieth",
        "ninetieth",
        "twenty",
        "thirty",
        "forty",
        "fourty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "trillion",
        "<num>",
        "\x08",
        "^",
        "$",
        "é",
        "x",
        "_",
        "Jan",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The hand-written steps give Chronic's patterns' text.
        #[test]
        fn the_same_text_as_chronics_patterns(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..12)) {
            let text: String = pieces.concat();
            prop_assert_eq!(pre_normalize(&text), normalize_oracle::pre_normalize(&text), "{:?}", text);
        }

        #[test]
        fn the_same_text_for_any_text(text in "\\PC{0,40}") {
            prop_assert_eq!(pre_normalize(&text), normalize_oracle::pre_normalize(&text), "{:?}", text);
        }
    }
}
