//! The `ringq` command: outputs, exit codes, standard input.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn ringq(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringq"))
        .args(args)
        .args(["--now", "2026-11-24T15:30:00Z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ringq runs");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(stdin.unwrap_or("").as_bytes()).expect("stdin written");
    }
    let out = child.wait_with_output().expect("ringq finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn check_prints_the_canonical_form() {
    let run = ringq(&["check", "ASSIGNED_TO_ME:yes -status_in:Replied refund"], None);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "assigned_to_me:true -status_in:replied refund\n", "")
    );
}

#[test]
fn check_reports_every_error_and_exits_1() {
    let run = ringq(&["check", "asigned_to:42 assigned:maybe"], None);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("check_errors", run.stderr);
}

#[test]
fn check_shows_warnings_but_succeeds() {
    let run = ringq(&["check", "kw:“x”", "--lenient"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "kw:x\n"));
    insta::assert_snapshot!("check_warning", run.stderr);
}

#[test]
fn a_leading_dash_is_a_query_not_an_option() {
    let run = ringq(&["fmt", "-status_in:new"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "-status_in:new\n"));
}

#[test]
fn query_is_read_from_stdin_when_absent_or_dash() {
    for args in [&["fmt"][..], &["fmt", "-"][..]] {
        let run = ringq(args, Some("text:refund  assigned:on\n"));
        assert_eq!((run.code, run.stdout.as_str()), (0, "refund assigned:true\n"), "{args:?}");
    }
}

#[test]
fn parse_prints_json() {
    let run = ringq(&["parse", "-status_in:new refund"], None);
    assert_eq!(run.code, 0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    insta::assert_json_snapshot!("parse_json", json);
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(ringq(&["check", "--tz", "Mars/Olympus", "x"], None).code, 2);
    assert_eq!(ringq(&["nope"], None).code, 2);
    assert_eq!(ringq(&["date", "--locale", "de", "today"], None).code, 2);
}

#[test]
fn invalid_utf8_on_stdin_is_a_clear_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringq"))
        .arg("check")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ringq runs");
    child.stdin.take().expect("stdin").write_all(b"\xff\xfe").expect("written");
    let out = child.wait_with_output().expect("finishes");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
}

#[test]
fn date_prints_start_and_end() {
    let run = ringq(&["date", "2 weeks ago at 4pm"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "2026-11-10T16:00:00Z 2026-11-10T16:00:01Z\n"));
    let run = ringq(&["date", "--tz", "Europe/Paris", "yesterday"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "2026-11-22T23:00:00Z 2026-11-23T23:00:00Z\n"));
    let run = ringq(&["date", "--locale", "fr", "03/04/2011"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "2011-04-03T00:00:00Z 2011-04-04T00:00:00Z\n"));
    let run = ringq(&["date", "--prefer", "future", "dec 25"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "2026-12-25T00:00:00Z 2026-12-26T00:00:00Z\n"));
    let run = ringq(&["date"], Some("last month\n"));
    assert_eq!((run.code, run.stdout.as_str()), (0, "2026-10-01T00:00:00Z 2026-11-01T00:00:00Z\n"));
}

#[test]
fn date_errors_point_at_the_problem() {
    let run = ringq(&["date", "feb 30"], None);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    insta::assert_snapshot!("date_error", run.stderr);
}

#[test]
fn date_jsonl_answers_line_by_line() {
    let run = ringq(&["date", "--jsonl"], Some("yesterday\nfeb 30\n\"quoted\"\n2011-02-03 14:27:33\n"));
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("date_jsonl", run.stdout);
}

#[test]
fn check_resolves_dates() {
    let run = ringq(&["check", "first_content_after:\"13/13/2011\" refund"], None);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("check_date_error", run.stderr);
}

#[test]
fn calendar_files_drive_business_time() {
    let calendar = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/calendar.json");
    // Tuesday 24 November 2026, 15:30 UTC is 16:30 in Paris.
    let run = ringq(&["date", "--calendar", calendar, "2 business hours ago"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "2026-11-24T13:30:00Z 2026-11-24T13:30:01Z\n"));
    let run = ringq(&["check", "--calendar", calendar, "first_content_after:\"3 business days ago\""], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "first_content_after:\"3 business days ago\"\n"));
    let run = ringq(&["date", "--calendar", "/no/such/calendar.json", "2 business hours ago"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot read `/no/such/calendar.json`"), "{}", run.stderr);
}

#[test]
fn omniq_prints_the_request_body() {
    let run = ringq(
        &["omniq", "--index", "agents", "--size", "15", "created_after:2025-05-20 created_before:2025-06-22"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("omniq_request", run.stdout);
    let run = ringq(&["omniq", "--index", "agents", "--plan", "platform:web -campaign:spring"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("omniq_plan", run.stdout);
}

#[test]
fn omniq_errors_and_usage() {
    let run = ringq(&["omniq", "--index", "agents", "platform:web refund"], None);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    insta::assert_snapshot!("omniq_error", run.stderr);
    let run = ringq(&["omniq", "--index", "agent", "platform:web"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("did you mean `agents`?"), "{}", run.stderr);
    let run = ringq(&["omniq", "--index", "agents", "--size", "0", "platform:web"], None);
    assert_eq!(run.code, 2);
    let mapping = std::env::temp_dir().join(format!("ringq-mapping-{}.json", std::process::id()));
    std::fs::write(&mapping, r#"{"assigned_to": "workflow.attrs.agentId"}"#).unwrap();
    let run = ringq(&["omniq", "--index", "agents", "--mapping", mapping.to_str().unwrap(), "assigned_to:42"], None);
    std::fs::remove_file(&mapping).ok();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(r#""workflow.attrs.agentId": "42""#), "{}", run.stdout);
    let run = ringq(&["omniq", "--index", "agents"], Some("platform:web\n"));
    assert_eq!(run.code, 0, "{}", run.stderr);
}
