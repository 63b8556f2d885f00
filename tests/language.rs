//! The query language as a user meets it: table tests of SPEC sections 1
//! and 2, and snapshots of the diagnostics a person reads.

use ringq::Style;
use ringq::{Catalog, KeywordSpec, Negation, ValueType};
use ringq::{Code, Parser, Query, Severity};

/// (input, canonical form).
const CANONICAL: &[(&str, &str)] = &[
    ("", ""),
    ("   refund   ", "refund"),
    ("assigned_to_me:true refund", "assigned_to_me:true refund"),
    ("ASSIGNED_TO_ME:Yes", "assigned_to_me:true"),
    (
        "assigned:1 categorized:on scheduled:no not_published:OFF",
        "assigned:true categorized:true scheduled:false not_published:false",
    ),
    ("-assigned_to_me:true", "assigned_to_me:false"),
    ("-assigned_to_me:false", "assigned_to_me:true"),
    ("text:foo", "foo"),
    ("TEXT:\"foo bar\"", "\"foo bar\""),
    ("\"a:b\"", "\"a:b\""),
    ("\"-x\"", "\"-x\""),
    ("status_in:REPLIED -status_in:New", "status_in:replied -status_in:new"),
    ("order:Created_At.ASC", "order:created_at.asc"),
    ("first_content_after:\"2  Weeks AGO  at 4pm\"", "first_content_after:\"2 weeks ago at 4pm\""),
    ("source:abc source:def source:abc", "source:abc source:def"),
    ("refund refund", "refund"),
    ("assigned_to:5d8b1f\u{3000}language:pt-BR", "assigned_to:5d8b1f language:pt-BR"),
    ("foreign:\"a \\\"b\\\" c\"", "foreign:\"a \\\"b\\\" c\""),
    ("foreign:a\\b", "foreign:\"a\\\\b\""),
    ("categorized_in:x:y", "categorized_in:x:y"),
    ("-assigned_to_team:t1 -source:s -forwarded_into:c", "-assigned_to_team:t1 -source:s -forwarded_into:c"),
    ("“quoted words”", "\"quoted words\""),
    ("refund -", "refund \"-\""),
];

#[test]
fn canonical_forms() {
    for (input, expected) in CANONICAL {
        let query: Query = input.parse().unwrap_or_else(|e| panic!("{input:?}:\n{e}"));
        assert_eq!(query.to_string(), *expected, "{input:?}");
        let again: Query = expected.parse().unwrap_or_else(|e| panic!("{expected:?}:\n{e}"));
        assert_eq!(again, query, "canonical form of {input:?} does not read back");
    }
}

/// An expected error: its code and byte span.
type At = (Code, usize, usize);

/// (input, the error codes with their spans).
const REJECTED: &[(&str, &[At])] = &[
    ("asigned_to:42", &[(Code::UnknownKeyword, 0, 10)]),
    ("assigned:maybe", &[(Code::InvalidBoolean, 9, 14)]),
    ("status_in:repled", &[(Code::InvalidStatus, 10, 16)]),
    ("-first_content_after:yesterday", &[(Code::NegationNotSupported, 0, 20)]),
    ("-foo", &[(Code::NegationNotSupported, 0, 4)]),
    ("-text:foo", &[(Code::NegationNotSupported, 0, 5)]),
    ("-order:created_at.asc", &[(Code::NegationNotSupported, 0, 6)]),
    ("order:created.asc", &[(Code::InvalidOrder, 6, 17)]),
    ("order:created_at.up", &[(Code::InvalidOrder, 6, 19)]),
    ("order:created_at", &[(Code::InvalidOrder, 6, 16)]),
    ("order:created_at.asc order:created_at.asc", &[(Code::DuplicateOrder, 21, 41)]),
    ("assigned_to:\"\"", &[(Code::EmptyValue, 12, 14)]),
    ("\"\"", &[(Code::EmptyValue, 0, 2)]),
    ("assigned_to:", &[(Code::EmptyValue, 0, 12)]),
    ("language:english!", &[(Code::InvalidLanguage, 9, 17)]),
    ("kw:\"open", &[(Code::UnterminatedQuote, 3, 8)]),
    (
        "asigned_to:1 assigned:maybe -identity:x ok",
        &[(Code::UnknownKeyword, 0, 10), (Code::InvalidBoolean, 22, 27), (Code::NegationNotSupported, 28, 37)],
    ),
];

#[test]
fn rejected_queries_report_every_error_at_its_span() {
    for (input, expected) in REJECTED {
        let error = input.parse::<Query>().expect_err(input);
        let got: Vec<_> = error.errors().map(|d| (d.code(), d.span().start, d.span().end)).collect();
        assert_eq!(&got, expected, "{input:?}:\n{error}");
    }
}

/// (input, the warning codes).
const WARNED: &[(&str, &[Code])] = &[
    ("assigned:true assigned:false", &[Code::Contradiction]),
    ("-assigned:true assigned:true", &[Code::Contradiction]),
    ("-assigned_to:u1", &[Code::NegationUndocumented]),
    ("needs_manual_categorization:false", &[Code::UndocumentedFalse]),
    ("kw:“x”", &[Code::TypographicQuote]),
    ("a b a", &[Code::DuplicateTerm]),
    ("status_in:new -status_in:new", &[Code::Contradiction]),
    ("-source:a source:a", &[Code::Contradiction]),
    ("campaign:a -campaign:a", &[Code::Contradiction]),
    (r#"text:"C:\Users\x""#, &[Code::UnknownEscape, Code::UnknownEscape]),
    ("first_content_after:2 weeks ago", &[Code::UnquotedDate]),
    ("first_content_after:yesterday at 4pm refund", &[Code::UnquotedDate]),
    ("assigned_to_me=true", &[Code::NotAnOperator]),
    ("(refund OR (return)) AND x", &[Code::NotAnOperator, Code::NotAnOperator, Code::NotAnOperator]),
    ("asigned_to:42", &[Code::UnknownKeyword]),
];

/// (input, nothing to warn about): near misses of the warnings above.
const NOT_WARNED: &[&str] = &[
    "status_in:new status_in:replied -status_in:new",
    "-source:a source:b source:a",
    "source:a -source:b",
    r#"text:"a \"b\" \\ c""#,
    "first_content_after:yesterday refund",
    "first_content_after:\"2 weeks ago\" at 4pm",
    "a=b or and f(x)",
    "campaign:x",
];

#[test]
fn near_misses_do_not_warn() {
    let parser = Parser::new().lenient(true);
    for input in NOT_WARNED {
        let parsed = parser.parse(input).unwrap_or_else(|e| panic!("{input:?}:\n{e}"));
        assert_eq!(parsed.warnings(), &[], "{input:?}");
    }
}

#[test]
fn empty_date_ranges_warn_when_dates_resolve() {
    use chrono::TimeZone;
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
    let query = "first_content_after:\"2 weeks ago\" first_content_before:\"3 weeks ago\" last_content_before:today";
    let parser = Parser::new().dates(ringq::DateContext::new(now).with_reading(ringq::DateReading::Intended));
    let parsed = parser.parse(query).unwrap();
    let got: Vec<_> = parsed.warnings().iter().map(|d| (d.code(), d.span().start, d.span().end)).collect();
    assert_eq!(got, [(Code::EmptyRange, 34, 68)]);
    // As RingCX reads it, `today` ends at the current hour: the readings
    // differ, which is said too.
    let parsed = Parser::new().dates(ringq::DateContext::new(now)).parse(query).unwrap();
    let got: Vec<_> = parsed.warnings().iter().map(|d| (d.code(), d.span().start, d.span().end)).collect();
    assert_eq!(got, [(Code::EmptyRange, 34, 68), (Code::DateReadingsDiffer, 89, 94)]);
    // Different stems do not bound each other, and a range that is only
    // narrowed is fine.
    for input in [
        "first_content_after:today last_content_before:yesterday",
        "first_content_after:\"3 weeks ago\" first_content_before:\"2 weeks ago\" first_content_after:\"16 days ago\"",
    ] {
        assert_eq!(parser.parse(input).unwrap().warnings(), &[], "{input}");
    }
    // Duplicates dropped before the bounds: the warning still names the
    // bounds' terms, and points at them where they were written.
    let input = "refund refund first_content_before:2025-05-01 refund first_content_after:2025-06-01 \
                 first_content_before:2025-05-01";
    let parsed = parser.parse(input).unwrap();
    let got: Vec<_> = parsed.warnings().iter().map(|d| (d.code(), d.span().start, d.span().end)).collect();
    let empty = (Code::EmptyRange, 53, 83);
    assert_eq!(
        got,
        [(Code::DuplicateTerm, 7, 13), (Code::DuplicateTerm, 46, 52), empty, (Code::DuplicateTerm, 84, 115)]
    );
    let warning = parsed.warnings().iter().find(|d| d.code() == Code::EmptyRange).unwrap();
    assert_eq!(
        warning.message(),
        "`first_content_after:2025-06-01` and `first_content_before:2025-05-01` leave no instant: no thread can match"
    );
    assert_eq!(warning.related().iter().map(|r| r.span()).collect::<Vec<_>>(), [ringq::Span::new(14, 45)]);
}

#[test]
fn hints_use_the_users_own_words() {
    let hint = |input: &str| {
        let diagnostics = match Parser::new().parse(input) {
            Ok(parsed) => parsed.warnings().to_vec(),
            Err(error) => error.diagnostics().to_vec(),
        };
        diagnostics.first().and_then(|d| d.hint().map(str::to_owned)).unwrap_or_default()
    };
    assert_eq!(hint("first_content_after:2 weeks ago"), r#"did you mean first_content_after:"2 weeks ago"?"#);
    assert_eq!(
        hint("last_content_before:last week friday x"),
        r#"did you mean last_content_before:"last week friday"?"#
    );
    assert!(hint("RE: refund").ends_with(r#"(`"RE: refund"`)"#), "{}", hint("RE: refund"));
    assert_eq!(hint("zzz:bar"), r#"quote the whole term to search for it as text: "zzz:bar""#);
    assert_eq!(hint("assigned_to_me=true"), "did you mean `assigned_to_me:true`?");
    let long = format!("{}:x", "k".repeat(100_000));
    let error = Parser::new().parse(&long).unwrap_err();
    let message = &error.diagnostics()[0].message();
    assert!(message.len() < 100, "{message}");
    assert_eq!(error.diagnostics()[0].span().end, 100_000);
}

#[test]
fn warnings_keep_the_query_valid() {
    let parser = Parser::new().lenient(true);
    for (input, expected) in WARNED {
        let parsed = parser.parse(input).unwrap_or_else(|e| panic!("{input:?}:\n{e}"));
        let got: Vec<_> = parsed.warnings().iter().map(|d| d.code()).collect();
        assert_eq!(&got, expected, "{input:?}");
        assert!(parsed.warnings().iter().all(|d| d.severity() == Severity::Warning));
    }
}

#[test]
fn negated_boolean_flips_value() {
    let a: Query = "-assigned_to_me:true".parse().unwrap();
    let b: Query = "assigned_to_me:false".parse().unwrap();
    assert_eq!(a, b);
}

#[test]
fn lenient_mode_keeps_unknown_keywords_as_written() {
    let parsed = Parser::new().lenient(true).parse("createdAt:2025 -Campaign:\"Black Friday\"").unwrap();
    assert_eq!(parsed.query().to_string(), "createdAt:2025 -Campaign:\"Black Friday\"");
    assert!(Query::parse("createdAt:2025").is_err());
}

#[test]
fn a_kept_keyword_is_at_most_65535_bytes() {
    let longest = format!("{}:x", "k".repeat(65_535));
    assert_eq!(Parser::new().lenient(true).parse(&longest).unwrap().query().as_str(), longest);
    let error = Parser::new().lenient(true).parse(&format!("ok {}:x", "k".repeat(65_536))).unwrap_err();
    let diagnostic = &error.diagnostics()[0];
    assert_eq!((diagnostic.code(), diagnostic.span()), (ringq::Code::TooLong, ringq::Span::new(3, 65_539)));
}

#[test]
fn the_query_is_at_most_one_gibibyte() {
    let text = " ".repeat(ringq::MAX_QUERY_BYTES + 1);
    let error = Parser::new().parse(&text).unwrap_err();
    assert_eq!(error.diagnostics()[0].code(), ringq::Code::TooLong);
    assert!(Parser::new().parse(&text[1..]).unwrap().query().is_empty());
}

#[test]
fn spans_say_what_was_written() {
    let parsed = Parser::new().parse("-source:\"a b\"  text:x  y -status_in:new ASSIGNED_TO_ME:yes").unwrap();
    let spans: Vec<_> =
        parsed.spans().map(|s| (s.term.range(), s.keyword.map(|k| k.range()), s.value.range())).collect();
    assert_eq!(
        spans,
        [
            (0..13, Some(1..7), 8..13),
            (15..21, Some(15..19), 20..21),
            (23..24, None, 23..24),
            (25..39, Some(26..35), 36..39),
            (40..58, Some(40..54), 55..58)
        ]
    );
    assert_eq!(parsed.query().as_str(), "-source:\"a b\" x y -status_in:new assigned_to_me:true");
}

#[test]
fn a_caller_can_extend_the_catalogue() {
    let mut catalog = Catalog::ringcx();
    catalog.insert(KeywordSpec::new("priority", ValueType::Words).negation(Negation::Supported));
    catalog.set_statuses(["open", "closed"]);
    let parser = Parser::new().catalog(catalog);
    let parsed = parser.parse("-Priority:high status_in:OPEN").unwrap();
    assert_eq!(parsed.query().to_string(), "-priority:high status_in:open");
    assert!(parser.parse("status_in:new").is_err());
}

#[test]
fn spans_follow_terms_after_duplicates_are_dropped() {
    let parsed = Parser::new().parse("a b a c").unwrap();
    let spans: Vec<_> = parsed.spans().map(|s| (s.term.start, s.term.end)).collect();
    assert_eq!(spans, vec![(0, 1), (2, 3), (6, 7)]);
}

fn render(input: &str) -> String {
    match Parser::new().parse(input) {
        Ok(parsed) => ringq::Diagnostic::render_all(input, parsed.warnings(), Style::Plain),
        Err(error) => error.to_string(),
    }
}

#[test]
fn diagnostics_render_with_carets() {
    insta::assert_snapshot!("unknown_keyword", render("asigned_to:42 refund"));
    insta::assert_snapshot!(
        "many_errors",
        render("assigned:maybe status_in:repled -first_content_before:today order:x.y")
    );
    insta::assert_snapshot!("unterminated_quote", render("refund text:\"never closed"));
    insta::assert_snapshot!("text_after_quote", render("foreign:\"a\"b c"));
    insta::assert_snapshot!("empty_value", render("assigned_to: refund"));
    insta::assert_snapshot!("warnings", render("assigned:true assigned:false -assigned_to:u1 x x"));
    insta::assert_snapshot!(
        "long_query_is_windowed",
        render(&format!("{} asigned:true {}", "a ".repeat(100), "b ".repeat(100)))
    );
    insta::assert_snapshot!("multi_line_query", render("refund\nassigned:maybe"));
}

#[test]
fn diagnostics_serialize_as_json() {
    let error = Query::parse("asigned_to:42 -foo").unwrap_err();
    insta::assert_json_snapshot!("diagnostics_json", error.diagnostics());
}

#[test]
fn parsed_query_serializes_as_documented() {
    let parsed = Parser::new()
        .parse("assigned_to_me:true -status_in:replied first_content_after:\"2 weeks ago\" order:created_at.asc refund")
        .unwrap();
    insta::assert_json_snapshot!("parsed_json", parsed);
    let json = serde_json::to_string(parsed.query()).unwrap();
    let back: Query = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, parsed.query());
}

#[test]
fn deserializing_refuses_what_would_not_print_back() {
    let bad_keyword = r#"{"terms":[{"keyword":"a b","value":{"type":"raw","value":"x"}}]}"#;
    assert!(serde_json::from_str::<Query>(bad_keyword).is_err());
    let negated_bool = r#"{"terms":[{"keyword":"assigned","negated":true,"value":{"type":"bool","value":true}}]}"#;
    assert!(serde_json::from_str::<Query>(negated_bool).is_err());
}

#[test]
fn rendering_handles_wide_characters_long_lines_and_control_characters() {
    // Carets under the display width of what they point at.
    insta::assert_snapshot!("wide_characters", render("日本語 status_in:néw"));
    // Control characters from the input never reach the terminal raw.
    let rendered = render("assigned:\u{1b}[31mx");
    assert!(!rendered.contains('\u{1b}'), "{rendered}");
    insta::assert_snapshot!("control_characters", rendered);
    // A 100 KB keyword is cut, in the message and in the excerpt.
    let rendered = render(&format!("{}:x", "k".repeat(100_000)));
    assert!(rendered.len() < 1_000, "{} bytes", rendered.len());
    insta::assert_snapshot!("huge_keyword", rendered);
    // Colour only when asked for.
    let error = Query::parse("asigned:1").unwrap_err();
    let colored = error.render(Style::Colored);
    assert!(colored.contains("\u{1b}["), "{colored}");
    assert!(!error.to_string().contains('\u{1b}'));
}

/// Characters no one can see, of every kind the messages escape.
const INVISIBLE: &[char] =
    &['\u{200b}', '\u{200f}', '\u{202e}', '\u{2066}', '\u{feff}', '\u{ad}', '\u{2060}', '\u{e0041}'];

#[test]
fn invisible_characters_are_named_and_never_shown_raw() {
    let rendered = render("status_in:new\u{200b} assigned_to:42\u{202e} \u{feff}refund");
    for c in INVISIBLE {
        assert!(!rendered.contains(*c), "{c:?} in {rendered}");
    }
    insta::assert_snapshot!("invisible_characters", rendered);
}

proptest::proptest! {
    /// Wherever an invisible character stands in a query, no message about
    /// it shows it raw: the query line draws it as `�`, messages escape it.
    #[test]
    fn no_message_shows_an_invisible_character(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "status_in:new", "asigned_to:1", "refund", "first_content_after:yesterday", "“quoted”", "order:x",
        ]), 1..4),
        at in proptest::prelude::any::<proptest::sample::Index>(),
        c in proptest::sample::select(INVISIBLE.to_vec()),
    ) {
        let mut query = words.join(" ");
        let boundaries: Vec<usize> = (0..=query.len()).filter(|&i| query.is_char_boundary(i)).collect();
        query.insert(boundaries[at.index(boundaries.len())], c);
        let rendered = render(&query);
        proptest::prop_assert!(!rendered.contains(c), "{c:?} in {rendered}");
    }

    /// The contradiction rule, against its definition: an "all of" keyword
    /// (`assigned_to_team`) contradicts itself when a value is both asked
    /// for and excluded; an "any of" one (`source`) when every value asked
    /// for is excluded. One warning per such keyword, at a negated term.
    #[test]
    fn contradictions_are_the_keywords_the_definition_names(
        terms in proptest::collection::vec((proptest::bool::ANY, 0usize..2, 0u8..4), 0..24),
    ) {
        use std::collections::BTreeSet;
        const KEYWORDS: [&str; 2] = ["assigned_to_team", "source"];
        let text: Vec<String> = terms
            .iter()
            .map(|&(negated, k, v)| format!("{}{}:v{v}", if negated { "-" } else { "" }, KEYWORDS[k]))
            .collect();
        let text = text.join(" ");
        let parsed = Parser::new().parse(&text).unwrap();
        let values = |k: usize, negated: bool| -> BTreeSet<u8> {
            terms.iter().filter(|t| t.1 == k && t.0 == negated).map(|t| t.2).collect()
        };
        let mut expected: Vec<&str> = Vec::new();
        let (asked, excluded) = (values(0, false), values(0, true));
        if asked.intersection(&excluded).next().is_some() {
            expected.push(KEYWORDS[0]);
        }
        let (asked, excluded) = (values(1, false), values(1, true));
        if !asked.is_empty() && asked.is_subset(&excluded) {
            expected.push(KEYWORDS[1]);
        }
        let mut found: Vec<&str> = Vec::new();
        for warning in parsed.warnings().iter().filter(|w| w.code() == Code::Contradiction) {
            let at = &text[warning.span().range()];
            proptest::prop_assert!(at.starts_with('-'), "{text}: {at}");
            found.push(KEYWORDS.into_iter().find(|k| at[1..].starts_with(&format!("{k}:"))).unwrap());
        }
        found.sort_unstable();
        proptest::prop_assert_eq!(found, expected, "{}", text);
    }
}

/// Found by the `roundtrip` fuzz target: RingCX's reading (Chronic's) read
/// this date with vertical tabs between its words but not with the single
/// spaces of the canonical form. Such a date is an error, with the spaced
/// text as its hint, so what is approved always reads back.
#[test]
fn a_date_that_reads_otherwise_once_spaced_is_an_error() {
    let text = "k):\u{1f}sp\"tfor\"f_inDreplied first_content_after:\"2 wegks a\u{b}\u{b}\u{b}a\u{b}-nog et 4pm\" r";
    let error = Parser::new().lenient(true).parse(text).unwrap_err();
    let d = error.diagnostics().iter().find(|d| d.code() == Code::InvalidDate).expect("the date's error");
    assert!(d.message().contains("once its words are one space apart"), "{}", d.message());
    assert_eq!(d.hint(), Some("write single spaces between the words: `2 wegks a a -nog et 4pm`"));
    // A date that reads the same either way keeps its meaning and prints spaced.
    let parsed = Parser::new().parse("first_content_after:\"2  weeks\u{b}ago\"").unwrap();
    assert_eq!(parsed.query().as_str(), "first_content_after:\"2 weeks ago\"");
}
