//! Every message ringq can give, as a person sees it: one query per kind
//! of diagnostic (every `Code`, several for the families with more than one
//! wording), rendered under the query with its hint, and its edit where the
//! hint proposes one. One snapshot holds them all, so a change to any
//! message is reviewed where all the others can be compared with it.

use std::fmt::Write as _;
use std::num::NonZeroU64;

use chrono::{DateTime, Utc};
use ringq::{Code, Diagnostic, Error, OmniqIndex, OmniqOptions, Options, Style, Template, Values};

const NOW: &str = "2026-11-24T15:30:00Z";

fn now() -> DateTime<Utc> {
    NOW.parse().expect("an RFC 3339 instant")
}

/// How a case is asked.
#[derive(Clone, Copy)]
enum Ask {
    /// `ringq check` with a `now`.
    Check,
    /// `ringq check --lenient`.
    Lenient,
    /// `ringq omniq --index communications` (strict).
    Omniq,
    /// `ringq omniq --index communications --plan`.
    OmniqPlan,
    /// `ringq omniq --index communications --size 100000`.
    OmniqPastTheWindow,
    /// `ringq omniq` without a `now`.
    OmniqWithoutNow,
    /// `ringq date`.
    Date,
    /// `ringq date` without a `now`.
    DateWithoutNow,
    /// `ringq complete` at this byte offset.
    Complete(usize),
    /// The query is a template, read.
    Template,
    /// The query is a template, rendered with `{"mine": "maybe", "statsu": "new"}`.
    Render,
}

const CASES: &[(&str, Ask, &str)] = &[
    ("unterminated_quote", Ask::Check, "text:\"open refund"),
    ("text_after_quote", Ask::Check, "\"two words\"after"),
    ("empty_value", Ask::Check, "status_in: new"),
    ("typographic_quote", Ask::Check, "“two words”"),
    ("unknown_keyword", Ask::Check, "asigned_to:42"),
    ("unknown_keyword", Ask::Check, "stauts:new"),
    ("unknown_keyword", Ask::Check, "created_after:2025-05-20"),
    ("unknown_keyword", Ask::Check, "platform:web"),
    ("unknown_keyword", Ask::Check, "limit:50"),
    ("unknown_keyword", Ask::Check, "priority:high"),
    ("invalid_boolean", Ask::Check, "assigned_to_me:ture"),
    ("invalid_boolean", Ask::Check, "assigned_to_me:maybe"),
    ("invalid_status", Ask::Check, "status_in:repled"),
    ("invalid_status", Ask::Check, "status_in:new\u{200b}"),
    ("value_list", Ask::Check, "status_in:new,replied"),
    ("value_list", Ask::Check, "-status_in:\"new; replie\""),
    ("invisible_character", Ask::Check, "assigned_to:42\u{200f}"),
    ("invisible_character", Ask::Check, "\u{feff}refund"),
    ("invalid_language", Ask::Check, "language:english1"),
    ("invalid_date", Ask::Check, "first_content_after:blursday"),
    ("invalid_date", Ask::Check, "first_content_after:\"last fridday\""),
    ("date_readings_differ", Ask::Check, "first_content_after:\"meeting today\""),
    ("invalid_date", Ask::Check, "first_content_after:2026-02-30"),
    ("date_reading", Ask::Check, "first_content_after:2"),
    ("date_reading", Ask::Check, "first_content_after:2006"),
    ("date_reading", Ask::Check, "first_content_after:\"Thursday July 31 2006\""),
    ("date_readings_differ", Ask::Check, "first_content_after:\"jan 3 at midnight\""),
    ("date_readings_differ", Ask::Check, "first_content_after:\"tomorow at 4pm\""),
    ("no_ringcx_date", Ask::Check, "first_content_after:\"noon yesterday\""),
    ("no_instant", Ask::DateWithoutNow, "yesterday"),
    ("invalid_date", Ask::OmniqWithoutNow, "created_after:yesterday"),
    ("invalid_order", Ask::Check, "order:create_at.dsc"),
    ("invalid_order", Ask::Check, "order:created_at"),
    ("duplicate_order", Ask::Check, "order:created_at.asc order:last_content_at.desc"),
    ("negation_not_supported", Ask::Check, "-first_content_after:yesterday"),
    ("negation_not_supported", Ask::Check, "-identity:42"),
    ("negation_undocumented", Ask::Check, "-categorized_in:42"),
    ("contradiction", Ask::Check, "assigned:true assigned:false"),
    ("undocumented_false", Ask::Check, "needs_manual_categorization:false"),
    ("duplicate_term", Ask::Check, "refund status_in:new refund"),
    ("unmapped_keyword", Ask::Omniq, "assigned_to_me:true"),
    ("not_expressible", Ask::Omniq, "-platform:web"),
    ("empty_range", Ask::Check, "first_content_after:tomorrow first_content_before:yesterday"),
    ("invalid_field", Ask::Omniq, "workflow..attrs:x"),
    ("unknown_escape", Ask::Check, "\"a\\qb\""),
    ("unquoted_date", Ask::Check, "first_content_after:2 weeks ago"),
    ("not_an_operator", Ask::Check, "refund OR billing"),
    ("not_an_operator", Ask::Check, "status_in=new"),
    ("not_an_operator", Ask::Check, "(refund billing)"),
    ("exact_date_span", Ask::OmniqPlan, "createdAt:\"last month\""),
    ("invalid_number", Ask::Omniq, "agentTotalTime:soon"),
    ("too_long", Ask::Lenient, "LONG_KEYWORD"),
    ("invalid_cursor", Ask::Complete(99), "status_in:new"),
    ("unknown_field", Ask::OmniqPlan, "platfrom:web"),
    ("result_window", Ask::OmniqPastTheWindow, "platform:web"),
    ("template_hole", Ask::Template, "source:x{src} refund }"),
    ("template_hole", Ask::Template, "assigned_to_me:{x} first_content_after:{x}"),
    ("unknown_keyword", Ask::Template, "asigned_to:{u}"),
    ("template_value", Ask::Render, "assigned_to_me:{mine} status_in:{status} {words?}"),
    ("invalid_boolean", Ask::Render, "assigned_to_me:{mine}"),
    ("date_readings_differ", Ask::Date, "9.8.2013"),
    ("date_readings_differ", Ask::Date, "janury 3rd"),
    ("invalid_date", Ask::Date, "2 weks ago"),
];

fn omniq(size: u64, plan: bool) -> OmniqOptions {
    let mut omniq = OmniqOptions::new(OmniqIndex::Communications);
    omniq.size = NonZeroU64::new(size).expect("not zero");
    omniq.plan = plan;
    omniq
}

/// The query's diagnostics, asked as `ask` says.
fn ask(ask: Ask, query: &str) -> Vec<Diagnostic> {
    let mut options = Options::at(now());
    let errors = |e: Error| e.diagnostics().to_vec();
    match ask {
        Ask::Check => {}
        Ask::Lenient => options.lenient = true,
        Ask::Omniq => options.omniq = Some(omniq(10, false)),
        Ask::OmniqPlan => options.omniq = Some(omniq(10, true)),
        Ask::OmniqPastTheWindow => options.omniq = Some(omniq(100_000, false)),
        Ask::OmniqWithoutNow => {
            options = Options::default();
            options.omniq = Some(omniq(10, false));
        }
        Ask::DateWithoutNow => return Options::default().date(query).map(|a| a.warnings).unwrap_or_else(errors),
        Ask::Date => return options.date(query).map(|answer| answer.warnings).unwrap_or_else(errors),
        Ask::Template => return Template::parse(query, &options).map(|_| Vec::new()).unwrap_or_else(errors),
        Ask::Render => {
            let values = Values::new().set("mine", "maybe").set("statsu", "new");
            return Template::parse(query, &options)
                .and_then(|t| t.render(&values))
                .map(|_| Vec::new())
                .unwrap_or_else(errors);
        }
        Ask::Complete(cursor) => return options.complete(query, cursor).map(|_| Vec::new()).unwrap_or_else(errors),
    }
    options.check(query).map(|report| report.warnings().to_vec()).unwrap_or_else(errors)
}

#[test]
fn every_message() {
    let long_keyword = format!("{}:x", "k".repeat(70_000));
    let mut all = String::new();
    for &(code, how, query) in CASES {
        let query = if query == "LONG_KEYWORD" { long_keyword.as_str() } else { query };
        let diagnostics = ask(how, query);
        let named = |d: &Diagnostic| serde_json::to_value(d.code()).ok().and_then(|v| v.as_str().map(str::to_owned));
        let shown: String = query.chars().take(60).flat_map(char::escape_debug).collect();
        let codes: Vec<_> = diagnostics.iter().map(named).collect();
        assert!(codes.iter().any(|c| c.as_deref() == Some(code)), "`{shown}` gives no {code}: {codes:?}");
        let _ = writeln!(all, "──── {code}: {shown}");
        all.push_str(&Diagnostic::render_all(query, &diagnostics, Style::Plain));
        for d in &diagnostics {
            if let Some(fix) = d.replacement() {
                let fixed = fix.apply(query).unwrap_or_default();
                let _ = writeln!(all, "  edit: {:?}", fixed.chars().take(80).collect::<String>());
            }
        }
    }
    insta::assert_snapshot!("every_message", all);
}

/// The table names every code there is: the variants of `Code`, read from
/// its source, in snake_case, are each some case's code.
#[test]
fn every_code_has_a_case() {
    let source = include_str!("../src/diagnostic.rs");
    let body = source.split("pub enum Code {").nth(1).and_then(|rest| rest.split("\n}").next()).unwrap_or("");
    let variants = body
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("///") && line.ends_with(','))
        .map(|line| line.trim_end_matches(','));
    let mut missing = Vec::new();
    for variant in variants {
        let mut snake = String::new();
        for (i, c) in variant.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                snake.push('_');
            }
            snake.extend(c.to_lowercase());
        }
        if !CASES.iter().any(|(code, _, _)| *code == snake) {
            missing.push(snake);
        }
    }
    assert!(missing.is_empty(), "codes without a case in tests/messages.rs: {missing:?}");
    // Every code the table names is one `Code` serializes to.
    for (code, _, _) in CASES {
        let parsed: Result<Code, _> = serde_json::from_value(serde_json::Value::String((*code).to_owned()));
        assert!(parsed.is_ok(), "{code} is no code");
    }
}
