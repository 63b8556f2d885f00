//! `ringq fetch` against a real server on 127.0.0.1: exit codes, output,
//! resuming after a failure or a `kill -9`, and the token kept secret.
#![cfg(feature = "cli")]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use support::api_server::{ApiServer, Fault, TENANT, TOKEN};

const NOW: &str = "2026-11-18T10:30:00Z";

fn ringq() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ringq"));
    command.env_remove("RINGCX_TOKEN").env_remove("OMNIQ_TOKEN").stdin(Stdio::null());
    command
}

fn fetch_ringcx(server: &ApiServer, extra: &[&str]) -> Command {
    let mut command = ringq();
    command.env("RINGCX_TOKEN", TOKEN).args(["--now", NOW, "fetch", "ringcx", "--base-url", &server.ringcx_url()]);
    command.args(extra);
    command
}

fn run(mut command: Command) -> Output {
    command.output().expect("ringq runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn lines_ids(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("one JSON record a line");
            record["id"].as_str().or(record["_id"].as_str()).expect("an id").to_owned()
        })
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ringq-fetch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join("threads.jsonl")
}

fn checkpoint(file: &Path) -> PathBuf {
    PathBuf::from(format!("{}.checkpoint", file.display()))
}

#[test]
fn every_thread_once_on_standard_output() {
    let server = ApiServer::start(400, 0);
    let output = run(fetch_ringcx(&server, &["refund"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(lines_ids(&String::from_utf8_lossy(&output.stdout)), server.thread_ids());
    let err = stderr(&output);
    assert!(err.starts_with("fetched 400 records in 3 pages (0 retries) in "), "{err}");
    assert!(!err.contains(TOKEN));
    let warned = run(fetch_ringcx(&server, &["refund refund"]));
    assert_eq!(warned.status.code(), Some(0));
    assert!(stderr(&warned).contains("warning"), "{}", stderr(&warned));
    let quiet = run(fetch_ringcx(&server, &["--quiet", "refund refund"]));
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
}

#[test]
fn usage_and_invalid_queries_send_nothing() {
    let server = ApiServer::start(10, 0);
    let mut no_token = fetch_ringcx(&server, &["refund"]);
    no_token.env_remove("RINGCX_TOKEN");
    let output = run(no_token);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("RINGCX_TOKEN is not set"), "{}", stderr(&output));

    let output = run(fetch_ringcx(&server, &["assigned:maybe"]));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("`assigned` takes a boolean"), "{}", stderr(&output));

    let output = run(fetch_ringcx(&server, &["--limit", "151", "refund"]));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("use 1 to 150"), "{}", stderr(&output));

    let output = run(fetch_ringcx(&server, &["--resume", "refund"]));
    assert_eq!(output.status.code(), Some(2), "--resume needs -o");
    assert_eq!(server.request_count(), 0);
}

#[test]
fn a_refused_token_exits_3_without_showing_it() {
    let server = ApiServer::start(10, 0);
    let mut command = fetch_ringcx(&server, &["refund"]);
    command.env("RINGCX_TOKEN", "not-the-token-42");
    let output = run(command);
    assert_eq!(output.status.code(), Some(3));
    let err = stderr(&output);
    assert!(err.contains("refused the credentials (HTTP 401)"), "{err}");
    assert!(!err.contains("not-the-token-42"), "{err}");
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_failed_run_keeps_its_records_and_resumes() {
    let server = ApiServer::start(1_000, 0);
    let file = scratch("failed");
    // Page 1 and 2 are served, then page 3 fails twice: with one retry the run gives up.
    server.inject([None, None, Some(Fault::Unavailable), Some(Fault::Unavailable)]);
    let output = run(fetch_ringcx(&server, &["--max-retries", "1", "-o", file.to_str().expect("path"), "refund"]));
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("fetched 300 records in 2 pages before stopping"), "{err}");
    assert!(err.contains("--resume"), "{err}");
    let kept = std::fs::read_to_string(&file).expect("file");
    assert_eq!(lines_ids(&kept).len(), 300);
    let saved = std::fs::read_to_string(checkpoint(&file)).expect("checkpoint");
    assert!(!saved.contains(TOKEN), "{saved}");
    assert!(saved.contains("\"offset\":300"), "{saved}");
    // As if the run had been killed halfway through writing the next page.
    let mut half_written = kept.clone();
    half_written.push_str("{\"id\":\"t000300\",\"created_at\":\"2025-01-01T05:0");
    std::fs::write(&file, half_written).expect("file");

    let output = run(fetch_ringcx(&server, &["--resume", "-o", file.to_str().expect("path"), "refund"]));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(lines_ids(&std::fs::read_to_string(&file).expect("file")), server.thread_ids());
    assert!(!checkpoint(&file).exists(), "a complete fetch leaves no checkpoint");
}

#[test]
fn a_checkpoint_of_another_query_is_refused() {
    let server = ApiServer::start(400, 0);
    let file = scratch("other");
    server.inject([None, Some(Fault::Unavailable), Some(Fault::Unavailable)]);
    let output = run(fetch_ringcx(&server, &["--max-retries", "1", "-o", file.to_str().expect("path"), "refund"]));
    assert_eq!(output.status.code(), Some(3));
    let before = server.request_count();
    let output = run(fetch_ringcx(&server, &["--resume", "-o", file.to_str().expect("path"), "delivery"]));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is the checkpoint of another fetch"), "{}", stderr(&output));
    assert_eq!(server.request_count(), before);
}

#[test]
fn kill_9_at_any_moment_then_resume_gives_every_record_once() {
    let server = ApiServer::start(3_000, 0);
    server.slow_down(Duration::from_millis(15));
    for (round, kill_after) in [40u64, 110, 190, 260].into_iter().enumerate() {
        let file = scratch(&format!("kill-{round}"));
        let path = file.to_str().expect("path").to_owned();
        let mut child = fetch_ringcx(&server, &["--limit", "100", "-o", &path, "refund"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("ringq starts");
        std::thread::sleep(Duration::from_millis(kill_after));
        // SIGKILL: no chance to tidy up.
        let _ = child.kill();
        let _ = child.wait();
        let output = run(fetch_ringcx(&server, &["--limit", "100", "--resume", "-o", &path, "refund"]));
        assert_eq!(output.status.code(), Some(0), "round {round}: {}", stderr(&output));
        let ids = lines_ids(&std::fs::read_to_string(&file).expect("file"));
        assert_eq!(ids, server.thread_ids(), "round {round}");
    }
}

#[test]
fn omniq_fetch_reads_past_the_result_window() {
    let server = ApiServer::start(0, 12_000);
    let mut command = ringq();
    command.args(["--now", NOW, "fetch", "omniq", "--base-url", &server.omniq_url(), "--tenant", TENANT]);
    command.args(["--index", "communications", "--size", "1000", "--quiet", ""]);
    let output = run(command);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(lines_ids(&String::from_utf8_lossy(&output.stdout)), server.document_ids());
}
