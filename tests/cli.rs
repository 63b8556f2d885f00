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
    ringq_bytes(args, stdin.unwrap_or("").as_bytes())
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
    // The library's parser for each option: the same error as the service's.
    let run = ringq(&["check", "--tz", "europe/paris", "x"], None);
    assert!(run.stderr.contains("unknown time zone `europe/paris`: did you mean `Europe/Paris`?"), "{}", run.stderr);
    let run = ringq(&["date", "--prefer", "futur", "friday"], None);
    assert!(run.stderr.contains("unknown preference `futur`: did you mean `future`?"), "{}", run.stderr);
    let run = ringq(&["date", "--now", "noon", "friday"], None);
    assert!(run.stderr.contains("unknown instant `noon`. Use an RFC 3339 instant"), "{}", run.stderr);
    assert_eq!(ringq(&["nope"], None).code, 2);
    assert_eq!(ringq(&["date", "--locale", "de", "today"], None).code, 2);
}

/// Runs ringq with raw bytes on standard input.
fn ringq_bytes(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringq"))
        .args(["--now", "2026-11-24T15:30:00Z"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ringq runs");
    // A command that exits before reading (a usage error) closes the pipe
    // under the writer: that is the command's answer, not a test failure.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().expect("finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Invalid UTF-8 is bad input (exit 1), named by its byte offset. (This
/// test once expected exit 2, bad usage; issue 19 settled that bytes that
/// are not text are bad input, like any other invalid query.)
#[test]
fn invalid_utf8_on_stdin_is_bad_input_with_its_offset() {
    let run = ringq_bytes(&["check"], b"refund \xff\xfe");
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(run.stderr, "error: standard input is not valid UTF-8: invalid byte at offset 7\n");
    // `date --jsonl` answers the bad line and goes on.
    let run = ringq_bytes(&["date", "--jsonl"], b"today\n\xff\nyesterday\n");
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    assert!(run
        .stdout
        .contains(r#"{"input":"","error":"standard input is not valid UTF-8: invalid byte at offset 6"}"#));
}

#[test]
fn a_byte_order_mark_on_stdin_is_dropped_everywhere() {
    let bom = |text: &str| [&b"\xef\xbb\xbf"[..], text.as_bytes()].concat();
    for command in ["check", "fmt"] {
        let run = ringq_bytes(&[command], &bom("assigned:true\n"));
        assert_eq!((run.code, run.stdout.as_str()), (0, "assigned:true\n"), "{command}");
    }
    let run = ringq_bytes(&["parse"], &bom("assigned:true"));
    assert!(run.stdout.contains(r#""keyword": "assigned""#), "{}", run.stdout);
    let run = ringq_bytes(&["omniq", "--index", "agents"], &bom("platform:web"));
    assert!(run.stdout.contains(r#""platform": "web""#), "{}", run.stdout);
    let run = ringq_bytes(&["date"], &bom("yesterday\n"));
    assert_eq!(run.stdout, "2026-11-23T00:00:00Z 2026-11-24T00:00:00Z\n");
    let run = ringq_bytes(&["date", "--jsonl"], &bom("yesterday\n"));
    assert!(run.stdout.starts_with(r#"{"input":"yesterday","#), "{}", run.stdout);
}

#[test]
fn a_mistyped_option_is_a_usage_error_not_a_query() {
    let run = ringq(&["omniq", "--index", "agents", "--plan", "--josn"], Some("platform:web"));
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert!(
        run.stderr.contains("unknown option `--josn` for `ringq omniq` (did you mean `--format json`?)"),
        "{}",
        run.stderr
    );
    let run = ringq(&["check", "--lenent"], Some("refund"));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("(did you mean `--lenient`?)"), "{}", run.stderr);
    let run = ringq(&["date", "--jsnl"], Some("today"));
    assert!(run.stderr.contains("(did you mean `--jsonl`?)"), "{}", run.stderr);
    // After `--`, it is the query (here a negated text, which RingCX
    // does not allow); a single `-` is a query, not an option, too.
    for args in [&["fmt", "--", "--x"][..], &["fmt", "-refund"]] {
        let run = ringq(args, None);
        assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{args:?}");
        assert!(run.stderr.contains("`text` cannot be negated"), "{}", run.stderr);
    }
}

#[test]
fn a_closed_pipe_ends_quietly_and_other_write_errors_exit_2() {
    let query: String = (0..200_000).map(|i| format!("word{i} ")).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringq"))
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ringq runs");
    child.stdin.take().expect("stdin").write_all(query.as_bytes()).expect("written");
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut first).expect("read");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("finishes");
    assert_eq!(&first, b"word0 word");
    assert_eq!((out.status.code(), String::from_utf8_lossy(&out.stderr).as_ref()), (Some(0), ""));

    if std::path::Path::new("/dev/full").exists() {
        for args in [&["check", "refund"][..], &["date", "yesterday"], &["omniq", "--index", "agents", "a:b"]] {
            let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
            let out = Command::new(env!("CARGO_BIN_EXE_ringq")).args(args).stdout(full).output().expect("runs");
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                "error: cannot write to standard output: No space left on device (os error 28)\n"
            );
        }
    }
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
    assert!(run.stderr.contains("`0` is not a page size; use a whole number, 1 or more"), "{}", run.stderr);
    let mapping = std::env::temp_dir().join(format!("ringq-mapping-{}.json", std::process::id()));
    std::fs::write(&mapping, r#"{"assigned_to": "workflow.attrs.agentId"}"#).unwrap();
    let run = ringq(&["omniq", "--index", "agents", "--mapping", mapping.to_str().unwrap(), "assigned_to:42"], None);
    std::fs::remove_file(&mapping).ok();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(r#""workflow.attrs.agentId": "42""#), "{}", run.stdout);
    let run = ringq(&["omniq", "--index", "agents"], Some("platform:web\n"));
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// `--format json`: one document on standard output, the exit code unchanged.
fn json_run(args: &[&str]) -> (i32, serde_json::Value) {
    let run = ringq(args, None);
    assert_eq!(run.stderr, "", "{args:?}");
    (run.code, serde_json::from_str(&run.stdout).expect("one JSON document"))
}

#[test]
fn format_json_reports_for_programs() {
    let (code, json) = json_run(&["check", "--format", "json", "assigned:true assigned:false 日本語 refund"]);
    assert_eq!(code, 0);
    insta::assert_json_snapshot!("format_json_check_valid", json);
    let (code, json) = json_run(&["check", "--format", "json", "日本語 status_in:néw asigned_to:42"]);
    assert_eq!(code, 1);
    insta::assert_json_snapshot!("format_json_check_invalid", json);
    let (code, json) = json_run(&["parse", "--format", "json", "-status_in:new"]);
    assert_eq!((code, &json["ok"]), (0, &serde_json::json!(true)));
    assert_eq!(json["output"]["terms"][0]["keyword"], "status_in");
    let (code, json) = json_run(&["omniq", "--format", "json", "--index", "agents", "platform:web refund"]);
    assert_eq!(code, 1);
    insta::assert_json_snapshot!("format_json_omniq_invalid", json);
    let (code, json) = json_run(&["omniq", "--format", "json", "--index", "agents", "platform:web"]);
    assert_eq!(code, 0);
    assert_eq!(json["output"]["filterBy"]["platform"], "web");
    let (code, json) = json_run(&["date", "--format", "json", "thursday july 31 2006"]);
    assert_eq!(code, 0);
    insta::assert_json_snapshot!("format_json_date", json);
    let (code, json) = json_run(&["date", "--format", "json", "feb 30"]);
    assert_eq!(
        (code, &json["ok"], &json["diagnostics"][0]["code"]),
        (1, &serde_json::json!(false), &serde_json::json!("invalid_date"))
    );
}

#[test]
fn complete_prints_the_completions_at_the_cursor() {
    let run = ringq(&["complete", "--cursor", "4", "stat refund", "--format", "json"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["replace"], serde_json::json!({"start": 0, "end": 4}));
    assert_eq!(json["items"][0]["insert"], "status_in:");
    assert_eq!(json["items"][0]["kind"], "keyword");
    // As text: one item per line, what it inserts and its detail.
    let run = ringq(&["complete", "--cursor", "4", "stat refund"], None);
    assert_eq!(run.stdout, "status_in:  Restrict on threads with at least one of the statuses.\n");
    // From standard input the final line ending is not part of the query,
    // and the cursor defaults to the end.
    let run = ringq(&["complete", "--format=json"], Some("first_content_after:yest\n"));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["items"][0]["detail"], "2026-11-23 00:00 → 2026-11-24 00:00 UTC");
    // A cursor inside a character is bad usage.
    let run = ringq(&["complete", "--cursor", "4", "café"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("the cursor 4 is inside a character (bytes 3..5)"), "{}", run.stderr);
}

#[test]
fn explain_prints_a_table_or_json_and_exits_1_when_invalid() {
    let args = ["--tz", "Europe/Paris", "explain"];
    let run = ringq(&[&args[..], &["-status_in:replied first_content_after:yesterday"]].concat(), None);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("explain_table", run.stdout);
    let run = ringq(&[&args[..], &["--format", "json", "stauts:new"]].concat(), None);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["canonical"], serde_json::Value::Null);
    assert_eq!(json["diagnostics"][0]["code"], "unknown_keyword");
    assert_eq!(json["diagnostics"][0]["chars"], serde_json::json!({"start": 0, "end": 6}));
    assert_eq!(json["terms"][0]["meaning"], "Not a keyword of the catalogue.");
    // `--json`, the earlier spelling, still prints the same document.
    let old = ringq(&[&args[..], &["--json", "stauts:new"]].concat(), None);
    assert_eq!((old.code, old.stdout), (1, run.stdout));
}

#[test]
fn every_subcommand_takes_format_and_a_bad_value_gets_a_did_you_mean() {
    for sub in ["check", "fmt", "parse", "date", "omniq", "complete", "explain", "serve", "fetch ringcx", "fetch omniq"]
    {
        let args: Vec<&str> = sub.split(' ').chain(["--help"]).collect();
        let run = ringq(&args, None);
        assert_eq!(run.code, 0, "{sub}: {}", run.stderr);
        assert!(run.stdout.contains("--format <FORMAT>"), "{sub} --help:\n{}", run.stdout);
    }
    let run = ringq(&["explain", "--format", "jsno", "refund"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("a similar value exists: 'json'"), "{}", run.stderr);
}

#[test]
fn several_words_are_one_query_and_options_may_stand_among_them() {
    let run = ringq(&["check", "assigned_to_me:yes", "-status_in:Replied", "refund"], None);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "assigned_to_me:true -status_in:replied refund\n"),
        "{}",
        run.stderr
    );
    let run = ringq(&["check", "assigned_to_me:yes", "--format", "json", "status_in:new"], None);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["output"], "assigned_to_me:true status_in:new");
    let run = ringq(&["date", "2", "days", "ago", "--now", "2026-01-01T00:00:00Z"], None);
    assert_eq!(run.stdout, "2025-12-30T00:00:00Z 2025-12-30T00:00:01Z\n", "{}", run.stderr);
    // A mistyped option is named wherever it stands, not read as query text.
    let run = ringq(&["check", "refund", "--lenent", "status_in:new"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown option `--lenent` for `ringq check` (did you mean `--lenient`?)"),
        "{}",
        run.stderr
    );
    // After `--` every word is the query's.
    let run = ringq(&["check", "--", "refund", "--format"], None);
    assert_eq!(run.code, 1, "{}", run.stdout);
}

#[test]
fn dates_choose_the_reading_and_the_default_warns_where_they_differ() {
    let now = "--now=2026-11-24T12:00:00Z";
    let query = r#"first_content_after:"jan 3 at midnight""#;
    let run = ringq(&["check", "--format", "json", now, query], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let codes: Vec<&str> =
        json["diagnostics"].as_array().expect("diagnostics").iter().filter_map(|w| w["code"].as_str()).collect();
    assert_eq!(codes, ["date_readings_differ"]);
    let run = ringq(&["date", now, "jan 3 at midnight"], None);
    assert_eq!(run.stdout.trim(), "2026-01-04T00:00:00Z 2026-01-04T00:00:01Z");
    assert!(run.stderr.contains("write `2026-01-03 00:00`"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with(
            "the readings differ:\n  ringcx:   [2026-01-04T00:00:00Z, 2026-01-04T00:00:01Z) UTC\n  \
             intended: [2026-01-03T00:00:00Z, 2026-01-03T00:00:01Z) UTC\n"
        ),
        "{}",
        run.stderr
    );
    let (_, json) = json_run(&["date", "--format", "json", now, "jan 3 at midnight"]);
    assert_eq!(json["output"]["readings"]["ringcx"]["start"], "2026-01-04T00:00:00Z");
    assert_eq!(json["output"]["readings"]["intended"]["start"], "2026-01-03T00:00:00Z");
    let run = ringq(&["date", "--jsonl", now], Some("jan 3 at midnight\n2011-02-03\n"));
    let lines: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines[0]["readings"]["intended"]["end"], "2026-01-03T00:00:01Z");
    assert_eq!(lines[1].get("readings"), None, "the readings agree on an ISO date");
    let run = ringq(&["explain", now, query], None);
    assert!(run.stdout.contains("the readings differ:\n"), "{}", run.stdout);
    assert!(run.stdout.contains("intended: [2026-01-03T00:00:00Z, 2026-01-03T00:00:01Z) UTC\n"), "{}", run.stdout);
    let run = ringq(&["explain", "--json", now, query], None);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["terms"][0]["date"]["readings"]["intended"]["start"], "2026-01-03T00:00:00Z");
    assert_eq!(json["terms"][0]["date"]["start"], "2026-01-04T00:00:00Z");
    let run = ringq(&["explain", "--dates", "intended", now, query], None);
    assert!(run.stdout.contains("the readings differ:"), "both readings, whichever is used: {}", run.stdout);
    let run = ringq(&["date", "--dates", "intended", now, "jan 3 at midnight"], None);
    // No warning in the reading asked for; both readings still shown.
    assert_eq!(run.stdout.trim(), "2026-01-03T00:00:00Z 2026-01-03T00:00:01Z");
    assert!(run.stderr.starts_with("the readings differ:\n"), "{}", run.stderr);
    let run = ringq(&["date", now, "noon yesterday"], None);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("RingCX reads no date in `noon yesterday`"), "{}", run.stderr);
    assert!(run.stderr.contains("`2026-11-23 12:00`"), "{}", run.stderr);
    let run = ringq(&["date", "--dates", "chronic", now, "today"], None);
    assert_eq!(run.code, 2);
}

#[test]
fn render_binds_values_and_names_the_hole_at_fault() {
    let run = ringq(
        &["render", "assigned_to_me:{mine} -status_in:{done} {words}", "--set", "mine=yes", "--set", "done=replied"]
            .iter()
            .copied()
            .chain(["--set", "done=ignored", "--set", "words=refund\" -status_in:new"])
            .collect::<Vec<_>>(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "assigned_to_me:true -status_in:replied -status_in:ignored \"refund\\\" -status_in:new\"\n");
    // A value of the wrong type: exit 1, the hole named, the template drawn.
    let run = ringq(&["render", "assigned_to_me:{mine}", "--set", "mine=maybe"], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: `mine` for `assigned_to_me`: `assigned_to_me` takes a boolean, not `maybe`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 | assigned_to_me:{mine}\n  |                ^^^^^^"), "{}", run.stderr);
    // A template error before any value; a missing and an unknown name.
    let run = ringq(&["render", "source:x{src}"], None);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`{src}` is part of a value"), "{}", run.stderr);
    let run = ringq(&["render", "status_in:{s}", "--set", "ss=new", "--format", "json"], None);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    let codes: Vec<_> = json["diagnostics"].as_array().into_iter().flatten().map(|d| d["message"].clone()).collect();
    assert_eq!(codes, [serde_json::json!("`ss` is no hole of this template"), serde_json::json!("no value for `s`")]);
    // Usage: a --set that is no NAME=VALUE, an unreadable values file.
    assert_eq!(ringq(&["render", "x", "--set", "bad"], None).code, 2);
    assert_eq!(ringq(&["render", "x", "--values", "/nonexistent/values.json"], None).code, 2);
}

#[test]
fn render_reads_values_from_json_and_compiles_to_omniq() {
    let dir = std::env::temp_dir().join(format!("ringq-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join("values.json");
    std::fs::write(&file, r#"{"p": "web \"x\"", "since": null}"#).expect("written");
    let path = file.to_str().expect("a UTF-8 path");
    let run =
        ringq(&["render", "platform:{p} created_after:{since?}", "--values", path, "--index", "communications"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("the request");
    assert_eq!(json["filterBy"], serde_json::json!({"platform": "web \"x\""}));
    // The values name holes this template does not have: an error naming them.
    let run = ringq(&["render", "source:{ids} {w}", "--values", path, "--set", "w=OR"], None);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`p` is no hole of this template"), "{}", run.stderr);
    std::fs::write(&file, r#"{"ids": [7, 8], "w": "-x"}"#).expect("written");
    let run = ringq(&["render", "source:{ids} {w}", "--values", path], None);
    assert_eq!(run.stdout, "source:7 source:8 \"-x\"\n", "{}", run.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}
