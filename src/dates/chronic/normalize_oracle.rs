//! The test oracle for [`super::normalize`]: Chronic's `gsub!`s written as
//! Chronic writes them, as patterns of the `regex` crate.
//!
//! Each step is one of Chronic's `gsub!`s, in Chronic's order, with its
//! pattern translated to the `regex` crate (Ruby's `\d`, `\s` and `\W` are
//! ASCII, `^` and `$` are line anchors). The two look-aheads Chronic uses
//! are followed by hand. The hand-written normaliser must give the same
//! text for every input; a property test holds it to that.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// A compiled `gsub!` with its replacement template (`$1`, `${0}`).
struct Rule {
    pattern: Regex,
    replacement: &'static str,
}

impl Rule {
    fn new(pattern: &str, replacement: &'static str) -> Rule {
        // The patterns are constants; a bad one is a bug caught by every test.
        #[allow(clippy::expect_used)]
        let pattern = Regex::new(&format!("(?m){pattern}")).expect("a valid pattern");
        Rule { pattern, replacement }
    }

    fn apply(&self, text: &mut String) {
        if let std::borrow::Cow::Owned(replaced) = self.pattern.replace_all(text, self.replacement) {
            *text = replaced;
        }
    }
}

struct Rules {
    before_numbers: Vec<Rule>,
    numbers: Numbers,
    after_numbers: Vec<Rule>,
}

/// `Chronic::Numerizer`'s tables, compiled.
struct Numbers {
    spaces_and_hyphens: Regex,
    a_half: Rule,
    direct: Vec<Rule>,
    ordinals: Vec<Rule>,
    /// `twenty *<num>` and friends, with the value of the ten.
    tens_then_number: Vec<(Regex, u64)>,
    tens: Vec<(Regex, u64)>,
    big: Vec<(Regex, u64)>,
    andition: Regex,
    and_a_half: Regex,
}

const TENS: [(&str, u64); 9] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let direct = [
        ("eleven", "<num>11"),
        ("twelve", "<num>12"),
        ("thirteen", "<num>13"),
        ("fourteen", "<num>14"),
        ("fifteen", "<num>15"),
        ("sixteen", "<num>16"),
        ("seventeen", "<num>17"),
        ("eighteen", "<num>18"),
        ("nineteen", "<num>19"),
        ("ninteen", "<num>19"),
        ("zero", "<num>0"),
        ("one", "<num>1"),
        ("two", "<num>2"),
        ("three", "<num>3"),
        ("four([^a-zA-Z0-9_]|$)", "<num>4${1}"),
        ("five", "<num>5"),
        ("six([^a-zA-Z0-9_]|$)", "<num>6${1}"),
        ("seven([^a-zA-Z0-9_]|$)", "<num>7${1}"),
        ("eight([^a-zA-Z0-9_]|$)", "<num>8${1}"),
        ("nine([^a-zA-Z0-9_]|$)", "<num>9${1}"),
        ("ten", "<num>10"),
        // Ruby reads `[\b^$]` as a class of backspace, `^` and `$`.
        (r"\ba[\x08^$]", "<num>1"),
    ];
    let ordinals = [
        ("first", "<num>1st"),
        ("third", "<num>3rd"),
        ("fourth", "<num>4th"),
        ("fifth", "<num>5th"),
        ("sixth", "<num>6th"),
        ("seventh", "<num>7th"),
        ("eighth", "<num>8th"),
        ("ninth", "<num>9th"),
        ("tenth", "<num>10th"),
        ("twelfth", "<num>12th"),
        ("twentieth", "<num>20th"),
        ("thirtieth", "<num>30th"),
        ("fourtieth", "<num>40th"),
        ("fiftieth", "<num>50th"),
        ("sixtieth", "<num>60th"),
        ("seventieth", "<num>70th"),
        ("eightieth", "<num>80th"),
        ("ninetieth", "<num>90th"),
    ];
    let big = [
        ("hundred", 100),
        ("thousand", 1000),
        ("million", 1_000_000),
        ("billion", 1_000_000_000),
        ("trillion", 1_000_000_000_000),
    ];
    let compile = |p: &str| Rule::new(p, "").pattern;
    Rules {
        before_numbers: vec![
            Rule::new(r"\b([0-9]{2})\.([0-9]{2})\.([0-9]{4})\b", "$3 / $2 / $1"),
            Rule::new(r"\b([ap])\.m\.?", "${1}m"),
            Rule::new(r"([\t\n\x0B\f\r ]+|:[0-9]{2}|:[0-9]{2}\.[0-9]{3})-([0-9]{2}:?[0-9]{2})\b", "${1}tzminus$2"),
            Rule::new(r"\.", ":"),
            Rule::new(r"([ap]):m:?", "${1}m"),
            Rule::new(r#"['"]"#, ""),
            Rule::new(",", " "),
            Rule::new("^second ", "2nd "),
            Rule::new(r"\bsecond (of|day|month|hour|minute|second)\b", "2nd $1"),
        ],
        numbers: Numbers {
            spaces_and_hyphens: compile(r" +|([^0-9])-([^0-9])"),
            a_half: Rule::new("a half", "haAlf"),
            direct: direct.iter().map(|(p, r)| Rule::new(p, r)).collect(),
            ordinals: ordinals.iter().map(|(p, r)| Rule::new(p, r)).collect(),
            tens_then_number: TENS.iter().map(|(t, v)| (compile(&format!("(?:{t}) *<num>")), *v)).collect(),
            tens: TENS.iter().map(|(t, v)| (compile(t), *v)).collect(),
            big: big.iter().map(|(b, v)| (compile(&format!("(?:<num>)?([0-9]*) *{b}")), *v)).collect(),
            andition: compile("<num>([0-9]+)( | and )<num>([0-9]+)"),
            and_a_half: compile("([0-9]+)(?: | and |-)*haAlf"),
        },
        after_numbers: vec![
            Rule::new(r"([/\-,@])", " $1 "),
            Rule::new(r"(?:^|[\t\n\x0B\f\r ])0([0-9]+:[0-9]+[\t\n\x0B\f\r ]*pm?\b)", " $1"),
            Rule::new(r"\btoday\b", "this day"),
            Rule::new(r"\btomm?orr?ow\b", "next day"),
            Rule::new(r"\byesterday\b", "last day"),
            Rule::new(r"\bnoon\b", "12:00pm"),
            Rule::new(r"\bmidnight\b", "24:00"),
            Rule::new(r"\bnow\b", "this second"),
            Rule::new("quarter", "15"),
            Rule::new("half", "30"),
            Rule::new(r"([0-9]{1,2}) (to|till|prior to|before)\b", "$1 minutes past"),
            Rule::new(r"([0-9]{1,2}) (after|past)\b", "$1 minutes future"),
            Rule::new(r"\b(?:ago|before(?: now)?)\b", "past"),
            Rule::new(r"\bthis (?:last|past)\b", "last"),
            Rule::new(r"\b(?:in|during) the (morning)\b", "$1"),
            Rule::new(r"\b(?:in the|during the|at) (afternoon|evening|night)\b", "$1"),
            Rule::new(r"\btonight\b", "this night"),
            Rule::new(r"\b[0-9]+:?[0-9]*[ap]\b", "${0}m"),
            Rule::new(r"\b([0-9]{2})([0-9]{2})(am|pm)\b", "$1:$2$3"),
            Rule::new(r"([0-9])([ap]m|oclock)\b", "$1 $2"),
            Rule::new(r"\b(hence|after|from)\b", "future"),
            Rule::new(r"(?i)^[\t\n\x0B\f\r ]?an? ", "1 "),
            Rule::new(r"\b([0-9]{4}):([0-9]{2}):([0-9]{2})\b", "$1 / $2 / $3"),
            Rule::new(r"\b0([0-9]+):([0-9]{2}):([0-9]{2}) ([ap]m)\b", "$1:$2:$3 $4"),
        ],
    }
});

/// `Parser#pre_normalize(text)`.
pub(crate) fn pre_normalize(text: &str) -> String {
    let rules = &*RULES;
    let mut text = text.to_lowercase();
    for rule in &rules.before_numbers {
        rule.apply(&mut text);
    }
    let mut text = rules.numbers.numerize(&text);
    for rule in &rules.after_numbers {
        rule.apply(&mut text);
    }
    text
}

impl Numbers {
    /// `Chronic::Numerizer.numerize(string)`.
    fn numerize(&self, text: &str) -> String {
        let mut s = self
            .spaces_and_hyphens
            .replace_all(text, |c: &Captures| {
                format!("{} {}", c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str()))
            })
            .into_owned();
        self.a_half.apply(&mut s);
        for rule in self.direct.iter().chain(&self.ordinals) {
            rule.apply(&mut s);
        }
        for (pattern, ten) in &self.tens_then_number {
            s = tens_then_number(pattern, *ten, &s);
        }
        for (pattern, ten) in &self.tens {
            if pattern.is_match(&s) {
                s = pattern.replace_all(&s, format!("<num>{ten}").as_str()).into_owned();
            }
        }
        for (pattern, big) in &self.big {
            if pattern.is_match(&s) {
                s = pattern
                    .replace_all(&s, |c: &Captures| {
                        let digits = c.get(1).map_or("", |m| m.as_str());
                        if digits.is_empty() {
                            big.to_string()
                        } else {
                            let n: u128 = digits.parse().unwrap_or(u128::MAX);
                            format!("<num>{}", n.saturating_mul(u128::from(*big)))
                        }
                    })
                    .into_owned();
            }
            self.andition(&mut s);
        }
        if s.contains("haAlf") {
            s = self
                .and_a_half
                .replace_all(&s, |c: &Captures| {
                    let n: f64 = c.get(1).map_or("0", |m| m.as_str()).parse().unwrap_or(0.0);
                    ruby_float(n + 0.5)
                })
                .into_owned();
        }
        s.replace("<num>", "")
    }

    /// `Numerizer.andition`: `<num>20 <num>1` is `<num>21`, and `<num>N and
    /// <num>M` is their sum; searching starts again from the beginning
    /// after every change.
    fn andition(&self, s: &mut String) {
        let mut from = 0;
        // Every change shortens the text, so this ends.
        while let Some(c) = self.andition.captures_at(s, from) {
            let (Some(whole), Some(a), Some(sep), Some(b)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
                break;
            };
            // The look-ahead `(?=[^\w]|$)`: the number ends before a
            // non-word character or the end of a line.
            let after = s.get(whole.end()..).and_then(|r| r.chars().next());
            if after.is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '_') {
                from = whole.end();
                continue;
            }
            if sep.as_str().contains("and") || a.as_str().len() > b.as_str().len() {
                let sum = a.as_str().parse::<u128>().unwrap_or(0).saturating_add(b.as_str().parse().unwrap_or(0));
                let range = whole.range();
                s.replace_range(range, &format!("<num>{sum}"));
                from = 0;
            } else {
                from = whole.end();
            }
        }
    }
}

/// `(?:twenty) *<num>(\d(?=[^\d]|$))*`: the ten and at most one digit
/// that is not followed by another.
fn tens_then_number(pattern: &Regex, ten: u64, s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for m in pattern.find_iter(s) {
        if m.start() < last {
            continue;
        }
        out.push_str(s.get(last..m.start()).unwrap_or(""));
        let rest = s.get(m.end()..).unwrap_or("");
        let mut bytes = rest.bytes();
        let (digit, next) = (bytes.next(), bytes.next());
        let unit = match (digit, next) {
            (Some(d), next) if d.is_ascii_digit() && !next.is_some_and(|n| n.is_ascii_digit()) => {
                Some(u64::from(d - b'0'))
            }
            _ => None,
        };
        out.push_str(&format!("<num>{}", ten + unit.unwrap_or(0)));
        last = m.end() + usize::from(unit.is_some());
    }
    out.push_str(s.get(last..).unwrap_or(""));
    out
}

/// Ruby's `Float#to_s` for the halves numerize makes (`2.5`, `100.5`).
fn ruby_float(f: f64) -> String {
    if f.fract() == 0.0 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}
