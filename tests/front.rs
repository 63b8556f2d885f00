//! The front door (`Options::check`) is what the command runs: for the
//! README's examples, the library's report gives the command's exact
//! output, byte for byte, and the same exit code.

use std::process::Command;

use chrono::{DateTime, Utc};
use ringq::{OmniqIndex, OmniqOptions, Options, Style};

const NOW: &str = "2026-11-24T15:30:00Z";

/// The README's queries, valid and invalid.
const QUERIES: &[&str] = &[
    r#"assigned_to_me:true -status_in:replied first_content_after:"2 weeks ago at 4pm" refund"#,
    "asigned_to:42 assigned:maybe",
    "ASSIGNED_TO_ME:yes -status_in:Replied first_content_after:yesterday text:refund",
    "assigned:true refund assigned:false",
    "first_content_after:2 weeks ago",
    "createdAt:2025-05-20 refund",
];

/// The README's OmniQ queries.
const OMNIQ_QUERIES: &[&str] = &[
    "created_after:2025-05-20 created_before:2025-06-22",
    "platform:web -campaign:spring refund",
    "platform:web created_after:2025-05-20",
    r#"createdAt:"last month""#,
];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn ringq(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_ringq"))
        .args(["--now", NOW])
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("ringq runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn options() -> Options {
    let now: DateTime<Utc> = NOW.parse().expect("an instant");
    Options::at(now)
}

/// What the command prints for `report`: `stdout` on success, the
/// warnings (or, on failure, every diagnostic) on standard error.
fn expected(result: Result<ringq::Report, ringq::Error>, stdout: impl Fn(&ringq::Report) -> String) -> Run {
    match result {
        Ok(report) => Run { code: 0, stdout: stdout(&report), stderr: report.render_warnings(Style::Plain) },
        Err(error) => Run { code: 1, stdout: String::new(), stderr: error.render(Style::Plain) },
    }
}

fn assert_same(args: &[&str], expected: Run) {
    let run = ringq(args);
    assert_eq!(run.code, expected.code, "{args:?}: {}", run.stderr);
    assert_eq!(run.stdout, expected.stdout, "{args:?}");
    assert_eq!(run.stderr, expected.stderr, "{args:?}");
}

#[test]
fn check_fmt_and_parse_print_the_report() {
    for &query in QUERIES {
        for lenient in [false, true] {
            let mut options = options();
            options.lenient = lenient;
            let flag: &[&str] = if lenient { &["--lenient"] } else { &[] };
            let args = |command: &'static str| [&[command][..], flag, &[query]].concat();

            let check = expected(options.check(query), |r| format!("{}\n", r.canonical()));
            assert_same(&args("check"), check);

            let parse = expected(options.check(query), |r| {
                format!("{}\n", serde_json::to_string_pretty(&r.parse_view()).expect("serializes"))
            });
            // `parse` prints its warnings inside the JSON only.
            let parse = Run { stderr: if parse.code == 0 { String::new() } else { parse.stderr }, ..parse };
            assert_same(&args("parse"), parse);

            let fmt = match options.format(query) {
                Ok(formatted) => Run { code: 0, stdout: format!("{}\n", formatted.canonical), stderr: String::new() },
                Err(error) => Run { code: 1, stdout: String::new(), stderr: error.render(Style::Plain) },
            };
            assert_same(&args("fmt"), fmt);
            // `format` is `check` without `now`.
            options.now = None;
            let undated = options.check(query).map(|r| r.canonical().to_owned()).map_err(|e| e.render(Style::Plain));
            let formatted = options.format(query).map(|f| f.canonical).map_err(|e| e.render(Style::Plain));
            assert_eq!(formatted, undated, "{query}");
        }
    }
}

#[test]
fn omniq_prints_the_reports_request_or_plan() {
    for &query in OMNIQ_QUERIES.iter().chain(QUERIES) {
        for plan in [false, true] {
            let mut omniq = OmniqOptions::new(OmniqIndex::Agents);
            omniq.size = 100.try_into().expect("not zero");
            omniq.plan = plan;
            let mut options = options();
            options.omniq = Some(omniq);
            let flag: &[&str] = if plan { &["--plan"] } else { &[] };
            let args = [&["omniq", "--index", "agents", "--size", "100"][..], flag, &[query]].concat();
            let omniq = expected(options.check(query), |r| {
                format!("{}\n", serde_json::to_string_pretty(&r.omniq()).expect("serializes"))
            });
            assert_same(&args, omniq);
        }
    }
}

#[test]
fn options_come_from_json_with_defaults() {
    let options: Options = serde_json::from_str(
        r#"{"now": "2026-11-24T15:30:00Z", "tz": "Europe/Paris", "locale": "fr", "prefer": "future",
            "lenient": true, "omniq": {"index": "agents", "plan": true, "mapping": {"assigned_to": "agent"}}}"#,
    )
    .expect("valid options");
    let report = options.check("assigned_to:42 -refund first_content_after:03/04/2026").expect("valid");
    let json = serde_json::to_value(&report).expect("serializes");
    assert_eq!(json["canonical"], "assigned_to:42 -refund first_content_after:03/04/2026");
    // fr: 3 April, midnight in Paris.
    assert_eq!(json["omniq"]["request"]["filterBy"]["createdAt"]["from"], "2026-04-02T22:00:00.000Z");
    assert_eq!(json["omniq"]["request"]["filterBy"]["agent"], "42");
    assert_eq!(json["terms"][0]["span"]["term"]["end"], 14);

    let unknown = serde_json::from_str::<Options>(r#"{"tz": "UTC", "lenent": true}"#).unwrap_err();
    assert!(unknown.to_string().contains("unknown field `lenent`"), "{unknown}");
    assert!(Options::default().date_context().is_none());
}

#[test]
fn without_now_a_date_omniq_needs_is_an_error_at_its_value() {
    let mut options = Options::default();
    options.omniq = Some(OmniqOptions::new(OmniqIndex::Agents));
    // No date: no "now" needed.
    assert!(options.check("platform:web").is_ok());
    let error = options.check("platform:web created_after:yesterday").unwrap_err();
    let diagnostic = &error.diagnostics()[0];
    assert_eq!(diagnostic.code(), ringq::Code::InvalidDate);
    assert_eq!(diagnostic.span(), ringq::Span::new(27, 36));
    assert_eq!(diagnostic.message(), "`yesterday` cannot be resolved: no \"now\" was given");
}

#[test]
fn conflicts_point_at_both_terms() {
    let report = options().check("assigned:true refund assigned:false").expect("valid, with a warning");
    let warning = &report.warnings()[0];
    assert_eq!(warning.span(), ringq::Span::new(21, 35));
    let related = warning.related().expect("the earlier term");
    assert_eq!((related.span(), related.label()), (ringq::Span::new(0, 13), "the earlier term"));
    assert_eq!(ringq::Span::new(21, 35).char_range("assigned:true refund assigned:false"), 21..35);
}

#[test]
fn compiling_a_query_made_in_code_points_into_its_canonical_form() {
    let query = ringq::Parser::omniq().parse("platform:web   -campaign:spring").expect("valid").into_query();
    let context = options().date_context().expect("a context");
    let error = ringq::OmniqCompiler::new(OmniqIndex::Agents).compile(&query, &context).unwrap_err();
    assert_eq!(error.source_text(), "platform:web -campaign:spring");
    let diagnostic = &error.diagnostics()[0];
    assert_eq!((diagnostic.code(), diagnostic.span()), (ringq::Code::NotExpressible, ringq::Span::new(13, 29)));
}
