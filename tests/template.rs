//! Templates: holes typed by their keyword, checked when the template is
//! read; values bound by the printer, so no value ever becomes syntax.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use ringq::{Bound, Code, HoleKind, OmniqIndex, OmniqOptions, Options, Parser, Template, Value, Values};

fn options() -> Options {
    let now: DateTime<Utc> = "2026-11-24T15:30:00Z".parse().expect("an instant");
    Options::at(now)
}

fn template(text: &str) -> Template {
    Template::parse(text, &options()).unwrap_or_else(|e| panic!("{text:?} is a template:\n{e}"))
}

fn rendered(text: &str, values: Values) -> String {
    template(text).render(&values).unwrap_or_else(|e| panic!("{text:?} renders:\n{e}")).as_str().to_owned()
}

/// The code, message and template text of each diagnostic.
fn problems(error: &ringq::Error) -> Vec<(Code, String, String)> {
    let source = error.source_text();
    error
        .diagnostics()
        .iter()
        .map(|d| (d.code(), d.message().to_owned(), source.get(d.span().range()).unwrap_or("").to_owned()))
        .collect()
}

#[test]
fn typed_holes_bind_values_of_their_keyword() {
    let cases: &[(&str, Values, &str)] = &[
        ("assigned_to_me:{b}", Values::new().set("b", true), "assigned_to_me:true"),
        ("assigned_to_me:{b}", Values::new().set("b", "yes"), "assigned_to_me:true"),
        ("-assigned_to_me:{b}", Values::new().set("b", false), "assigned_to_me:true"),
        ("status_in:{s}", Values::new().set("s", "Replied"), "status_in:replied"),
        ("assigned_to:{u}", Values::new().set("u", 42_i64), "assigned_to:42"),
        (
            "first_content_after:{d}",
            Values::new().set("d", "2 weeks ago at 4pm"),
            "first_content_after:\"2 weeks ago at 4pm\"",
        ),
        (
            "first_content_after:{d}",
            Values::new().set("d", "2025-05-20T10:00:00Z"),
            "first_content_after:2025-05-20T10:00:00Z",
        ),
        ("order:{o}", Values::new().set("o", "created_at.asc"), "order:created_at.asc"),
        ("language:{l}", Values::new().set("l", "pt-BR"), "language:pt-BR"),
        ("{words}", Values::new().set("words", "refund now"), "\"refund now\""),
        ("text:{w}", Values::new().set("w", "a:b"), "\"a:b\""),
    ];
    for (text, values, expected) in cases {
        assert_eq!(rendered(text, values.clone()), *expected, "{text}");
    }
}

#[test]
fn optional_holes_drop_their_term_and_lists_repeat_an_any_of_keyword() {
    let t = "status_in:{s} first_content_after:{since?} {words?}";
    assert_eq!(rendered(t, Values::new().set("s", "new")), "status_in:new");
    assert_eq!(rendered(t, Values::new().set("s", "new").set("since", Bound::Null)), "status_in:new");
    assert_eq!(
        rendered(t, Values::new().set("s", vec!["new", "replied"]).set("since", "yesterday").set("words", "x")),
        "status_in:new status_in:replied first_content_after:yesterday x"
    );
    assert_eq!(rendered("-source:{src}", Values::new().set("src", vec![7_i64, 8])), "-source:7 -source:8");
    let error = template("assigned_to:{u}").render(&Values::new().set("u", vec!["1", "2"])).unwrap_err();
    assert_eq!(problems(&error)[0].1, "`u` for `assigned_to`: a list of 2 values, and the keyword takes one");
}

#[test]
fn literal_braces_and_the_terms_as_written() {
    assert_eq!(rendered("\"{{json}}\" refund {w}", Values::new().set("w", "x")), "{json} refund x");
    assert_eq!(rendered("\"{{a b}}\" {w}", Values::new().set("w", "x")), "\"{a b}\" x");
    assert_eq!(rendered("ASSIGNED_TO_ME:yes {w}", Values::new().set("w", "x")), "assigned_to_me:true x");
}

#[test]
fn missing_unknown_and_mistyped_values_name_their_hole() {
    let t = template("assigned_to_me:{mine} status_in:{status}");
    let error = t.render(&Values::new().set("mine", "maybe").set("statsu", "new")).unwrap_err();
    let found = problems(&error);
    assert!(
        found.contains(&(Code::TemplateValue, "`statsu` is no hole of this template".to_owned(), String::new())),
        "{found:?}"
    );
    assert!(
        found.contains(&(Code::TemplateValue, "no value for `status`".to_owned(), "{status}".to_owned())),
        "{found:?}"
    );
    let hint = error.diagnostics().iter().find(|d| d.message().contains("statsu")).and_then(|d| d.hint());
    assert_eq!(hint, Some("did you mean `status`?"));
    let error = t.render(&Values::new().set("mine", "maybe").set("status", "nope")).unwrap_err();
    let found = problems(&error);
    assert_eq!(
        found[0],
        (
            Code::InvalidBoolean,
            "`mine` for `assigned_to_me`: `assigned_to_me` takes a boolean, not `maybe`".to_owned(),
            "{mine}".to_owned()
        )
    );
    assert_eq!(found[1].0, Code::InvalidStatus);
    assert_eq!(found[1].2, "{status}");
    // The date hole is read as `ringq check` reads it.
    let error = template("first_content_after:{d}").render(&Values::new().set("d", "noon yesterday")).unwrap_err();
    assert_eq!(problems(&error)[0].0, Code::NoRingcxDate);
}

#[test]
fn templates_are_checked_before_any_value_is_bound() {
    let cases: &[(&str, Code, &str)] = &[
        ("asigned_to:{u}", Code::UnknownKeyword, "asigned_to:{u}"),
        ("source:x{src}", Code::TemplateHole, "{src}"),
        ("text:\"a {w}\"", Code::TemplateHole, "{w}"),
        ("{a}{b}", Code::TemplateHole, "{a}"),
        ("refund }", Code::TemplateHole, "}"),
        ("refund {1x}", Code::TemplateHole, "{1x}"),
        ("-first_content_after:{d}", Code::NegationNotSupported, "-first_content_after:{d}"),
        ("order:{a} order:{b}", Code::DuplicateOrder, "order:{b}"),
        ("assigned_to_me:{x} first_content_after:{x}", Code::TemplateHole, "{x}"),
        ("assigned_to_me:maybe {w}", Code::InvalidBoolean, "assigned_to_me:maybe"),
    ];
    for (text, code, at) in cases {
        let error = Template::parse(text, &options()).expect_err(text);
        let found = problems(&error);
        assert!(found.iter().any(|(c, _, t)| c == code && t == at), "{text}: {found:?}");
    }
    // The same name for an id and for text is fine: a string is both.
    assert!(Template::parse("assigned_to:{x} {x}", &options()).is_ok());
    let holes = template("status_in:{s} {w?}");
    let kinds: Vec<_> = holes.holes().iter().map(|h| (h.name(), h.kind(), h.optional(), h.keyword())).collect();
    assert_eq!(kinds, [("s", HoleKind::Status, false, Some("status_in")), ("w", HoleKind::Text, true, None)]);
}

#[test]
fn omniq_templates_take_fields_and_render_a_request() {
    let mut omniq = options();
    omniq.omniq = Some(OmniqOptions::new(OmniqIndex::Communications));
    let t = Template::parse("platform:{p} created_after:{since}", &omniq).expect("an OmniQ template");
    let query = t.render(&Values::new().set("p", "web \"x\"").set("since", "2025-05-20")).expect("renders");
    assert_eq!(query.as_str(), r#"platform:"web \"x\"" created_after:2025-05-20"#);
}

/// Strings rich in what makes quoting hard.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\:{} \t\n\u{201c}\u{201d}\u{200b}-]{1,12}",
        Just("refund\" -status_in:new".to_owned()),
        Just("OR".to_owned()),
        Just("-x".to_owned()),
        Just("a:b".to_owned()),
        Just("{{w}}".to_owned()),
        Just("\\".to_owned()),
    ]
}

proptest! {
    /// Any string bound into a text hole reads back intact as one term,
    /// and the terms around it are the template's.
    #[test]
    fn any_text_is_bound_intact(value in hostile(), keyword in any::<bool>()) {
        prop_assume!(!value.is_empty());
        let text = if keyword { "assigned_to_me:true text:{w} status_in:new" } else { "assigned_to_me:true {w} status_in:new" };
        let query = template(text).render(&Values::new().set("w", value.clone()));
        let query = match query {
            Ok(query) => query,
            // The one value no term holds: white space alone is no word.
            Err(error) if value.trim().is_empty() => {
                prop_assert!(error.diagnostics().iter().all(|d| d.message().starts_with("`w` for `text`")), "{error}");
                return Ok(());
            }
            Err(error) => return Err(TestCaseError::fail(format!("{value:?}: {error}"))),
        };
        let read = Parser::new().parse(query.as_str()).expect("the rendered query reads back");
        let terms: Vec<_> = read.query().terms().map(|t| (t.keyword().to_owned(), t.value().canonical_text().to_owned())).collect();
        prop_assert_eq!(terms.len(), 3, "{:?} -> {}", value, query);
        prop_assert_eq!(&terms[0], &("assigned_to_me".to_owned(), "true".to_owned()));
        prop_assert_eq!(read.query().term(1).map(|t| t.value()), Some(Value::Text(&value)));
        prop_assert_eq!(&terms[2], &("status_in".to_owned(), "new".to_owned()));
    }

    /// Any id (a string or a number) bound into an id hole reads back as
    /// itself; any list into an any-of hole, one term per item.
    #[test]
    fn ids_and_lists_are_bound_intact(id in "[^\\s\"\\\\]{1,10}|[0-9]{1,12}", items in prop::collection::vec("[a-z0-9_-]{1,8}", 1..5)) {
        prop_assume!(!id.contains([',', ';', '|']));
        let t = template("assigned_to:{u} source:{src}");
        let query = t.render(&Values::new().set("u", id.clone()).set("src", items.clone()));
        let query = match query {
            Ok(query) => query,
            Err(error) => return Err(TestCaseError::fail(format!("{id:?} {items:?}: {error}"))),
        };
        let read = Parser::new().parse(query.as_str()).expect("reads back");
        prop_assert_eq!(read.query().term(0).map(|t| t.value()), Some(Value::Id(&id)));
        let mut unique = items.clone();
        unique.dedup();
        let sources: Vec<_> = read.query().terms().skip(1).map(|t| t.value().canonical_text().to_owned()).collect();
        let mut expected: Vec<String> = Vec::new();
        for item in &items {
            if !expected.contains(item) {
                expected.push(item.clone());
            }
        }
        prop_assert_eq!(sources, expected);
    }
}

proptest! {
    /// Any valid value of each typed hole's kind reads back as that value:
    /// booleans in any spelling, statuses in any case, dates, sort orders,
    /// language codes.
    #[test]
    fn any_valid_typed_value_is_bound_intact(
        b in prop::sample::select(vec!["true", "TRUE", "yes", "on", "1", "false", "No", "off", "0"]),
        status in prop::sample::select(vec!["new", "Assigned", "FORWARDED", "replied", "user_reply", "user_initiated", "ignored"]),
        date in prop::sample::select(vec!["yesterday", "2 weeks ago at 4pm", "2011-02-03", "last friday at 20:00", "dec 25", "2025-05-20T10:00:00Z"]),
        order in prop::sample::select(vec!["created_at.asc", "CREATED_AT.DESC", "last_content_at.asc", "last_content_at.desc"]),
        language in "[a-z]{2,3}(-[A-Z]{2})?",
    ) {
        let t = template("assigned_to_me:{b} status_in:{s} first_content_after:{d} order:{o} language:{l}");
        let values = Values::new().set("b", b).set("s", status).set("d", date).set("o", order).set("l", language.clone());
        let query = t.render(&values).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let read = Parser::new().parse(query.as_str()).expect("reads back");
        let terms: Vec<Value<'_>> = read.query().terms().map(|t| t.value()).collect();
        let truth = matches!(b.to_ascii_lowercase().as_str(), "true" | "yes" | "on" | "1");
        prop_assert_eq!(terms.first(), Some(&Value::Bool(truth)));
        let lower = status.to_lowercase();
        prop_assert_eq!(terms.get(1), Some(&Value::Status(lower.as_str())));
        // An RFC 3339 instant keeps its `T` and `Z`; words print lowercase.
        let canonical_date = if date.contains('T') { date.to_owned() } else { date.to_lowercase() };
        prop_assert_eq!(read.query().term(2).map(|t| t.value().canonical_text().to_owned()), Some(canonical_date));
        prop_assert_eq!(read.query().term(3).map(|t| t.value().canonical_text().to_owned()), Some(order.to_lowercase()));
        prop_assert_eq!(terms.get(4), Some(&Value::Language(language.as_str())));
    }
}
