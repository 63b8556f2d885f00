//! `ringq serve` over real loopback HTTP: the binary is started on
//! 127.0.0.1 with a free port, and every request has a time limit.
#![cfg(feature = "cli")]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// A running `ringq serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ringq"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("ringq serve starts");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout).read_line(&mut line).expect("the address line");
        let base = line
            .trim()
            .strip_prefix("ringq serve: listening on ")
            .and_then(|url| url.strip_suffix('/'))
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        assert!(base.starts_with("http://127.0.0.1:"), "{base}");
        Server { child, base }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    let config =
        ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(30))).http_status_as_error(false).build();
    ureq::Agent::new_with_config(config)
}

/// POSTs `body` with `content_type`; the status and the body.
fn post_raw(server: &Server, path: &str, content_type: &str, body: &[u8]) -> (u16, String) {
    let mut response = agent()
        .post(&server.url(path))
        .header("Content-Type", content_type)
        .send(body)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let status = response.status().as_u16();
    let text = response.body_mut().with_config().limit(64 << 20).read_to_string().expect("a body");
    (status, text)
}

fn post(server: &Server, path: &str, body: &Value) -> (u16, Value) {
    let (status, text) = post_raw(server, path, "application/json", body.to_string().as_bytes());
    (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}")))
}

fn get(server: &Server, path: &str) -> (u16, Vec<(String, String)>, String) {
    let mut response = agent().get(&server.url(path)).call().expect("answers");
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or_default().to_string()))
        .collect();
    let status = response.status().as_u16();
    (status, headers, response.body_mut().read_to_string().expect("a body"))
}

const NOW: &str = "2026-12-03T12:00:00Z";

#[test]
fn every_endpoint_answers_like_the_library() {
    let server = Server::start(&[]);
    let (status, _, body) = get(&server, "/healthz");
    assert_eq!((status, body.as_str()), (200, r#"{"status":"ok"}"#));

    let q = "ASSIGNED_TO_ME:yes -status_in:replied first_content_after:yesterday refund";
    let (status, check) = post(&server, "/v1/check", &json!({"q": q, "now": NOW, "tz": "Europe/Paris"}));
    assert_eq!(status, 200);
    assert_eq!(check["canonical"], "assigned_to_me:true -status_in:replied first_content_after:yesterday refund");
    assert_eq!(check["terms"][2]["date"]["start"], "2026-12-01T23:00:00Z");

    let (_, format) = post(&server, "/v1/format", &json!({"q": q}));
    assert_eq!(format, json!({"canonical": check["canonical"]}));
    let (_, parse) = post(&server, "/v1/parse", &json!({"q": "refund", "now": NOW}));
    assert_eq!(parse["terms"][0]["keyword"], "text");
    let (_, complete) = post(&server, "/v1/complete", &json!({"q": "-status_in:rep", "cursor": 14}));
    assert_eq!(complete["replace"], json!({"start": 11, "end": 14}));
    assert_eq!(complete["items"][0]["insert"], "replied");
    let (status, explain) = post(&server, "/v1/explain", &json!({"q": "stauts:new", "now": NOW}));
    assert_eq!((status, &explain["canonical"]), (200, &Value::Null));
    assert_eq!(explain["diagnostics"][0]["code"], "unknown_keyword");
    let (_, date) = post(&server, "/v1/date", &json!({"q": "2 weeks ago at 4pm", "now": NOW}));
    assert_eq!((&date["start"], &date["end"]), (&json!("2026-11-19T16:00:00Z"), &json!("2026-11-19T16:00:01Z")));
    let body = json!({"q": "platform:web isNewClient:yes", "omniq": {"index": "communications", "size": 5}});
    let (_, omniq) = post(&server, "/v1/omniq", &body);
    assert_eq!(
        omniq,
        json!({"index": "communications", "filterBy": {"isNewClient": true, "platform": "web"}, "from": 0, "size": 5})
    );
}

#[test]
fn errors_have_the_right_status_and_say_why() {
    let server = Server::start(&[]);
    let (status, invalid) = post(&server, "/v1/check", &json!({"q": "café assigned:maybe"}));
    assert_eq!(status, 422);
    assert_eq!(invalid["error"]["code"], "invalid_query");
    let diagnostic = &invalid["error"]["diagnostics"][0];
    assert_eq!(
        (&diagnostic["code"], &diagnostic["span"]),
        (&json!("invalid_boolean"), &json!({"start": 15, "end": 20}))
    );
    // The hint's edit, as data, in bytes and in characters.
    let (_, typo) = post(&server, "/v1/check", &json!({"q": "café asigned:true"}));
    assert_eq!(
        typo["error"]["diagnostics"][0]["replacement"],
        json!({"span": {"start": 6, "end": 13}, "chars": {"start": 5, "end": 12}, "text": "assigned"})
    );
    let (status, date) = post(&server, "/v1/date", &json!({"q": "blursday"}));
    assert_eq!((status, &date["error"]["code"]), (422, &json!("invalid_date")));

    let cases: &[(&str, &str, &[u8], u16, &str)] = &[
        ("/v1/check", "application/json", b"{\"q\": ", 400, "malformed_request"),
        ("/v1/check", "application/json", b"\"q\"", 400, "malformed_request"),
        ("/v1/check", "application/json", br#"{"query": "x"}"#, 400, "malformed_request"),
        ("/v1/check", "application/json", br#"{"q": "x", "tz": "Mars/Olympus"}"#, 400, "malformed_request"),
        ("/v1/complete", "application/json", br#"{"q": "x", "cursor": 9}"#, 400, "invalid_cursor"),
        ("/v1/omniq", "application/json", br#"{"q": "x"}"#, 400, "malformed_request"),
        ("/v1/check", "text/plain", br#"{"q": "x"}"#, 415, "unsupported_media_type"),
        ("/v1/nothing", "application/json", br#"{"q": "x"}"#, 404, "not_found"),
    ];
    for (path, content_type, body, status, code) in cases {
        let (got, text) = post_raw(&server, path, content_type, body);
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"));
        assert_eq!((got, &json["error"]["code"]), (*status, &json!(code)), "{path} {text}");
        assert!(json["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{text}");
    }
    let (status, headers, body) = get(&server, "/v1/check");
    assert_eq!(status, 405);
    assert!(headers.iter().any(|(k, v)| k == "allow" && v == "POST"), "{headers:?}");
    let json: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(json["error"]["code"], "method_not_allowed");
    assert_eq!(json["error"]["message"], "/v1/check takes `POST` with a JSON body, not `GET`");
    let (status, _, body) = get(&server, "/v1/chek");
    assert_eq!(status, 404);
    assert!(body.contains("no endpoint at `/v1/chek`; the service answers POST /v1/check,"), "{body}");
}

#[test]
fn the_listening_line_can_be_json() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringq"))
        .args(["serve", "--listen", "127.0.0.1:0", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("ringq serve starts");
    let mut line = String::new();
    if let Some(stdout) = child.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut line);
    }
    let _ = child.kill();
    let _ = child.wait();
    let json: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
    let url = json["listening"].as_str().unwrap_or_default();
    assert!(url.starts_with("http://127.0.0.1:") && url.ends_with('/'), "{line}");
}

#[test]
fn bodies_are_capped_and_a_1_mb_query_is_answered() {
    let server = Server::start(&[]);
    let query = "status_in:new ".repeat(1_000_000 / 14);
    let (status, check) = post(&server, "/v1/check", &json!({"q": query}));
    assert_eq!(status, 200);
    // Repeats are dropped: one term is left, with a warning per repeat.
    assert_eq!(check["canonical"], "status_in:new");
    assert_eq!(check["warnings"].as_array().map(Vec::len), Some(1_000_000 / 14 - 1));
    let too_big = format!(r#"{{"q": "{}"}}"#, "x".repeat((1 << 20) + 1));
    let (status, text) = post_raw(&server, "/v1/check", "application/json", too_big.as_bytes());
    assert_eq!(status, 413, "{text}");
    assert!(text.contains("body_too_large"), "{text}");
    assert!(text.contains("at most 1,048,576 bytes (`ringq serve --body-limit BYTES` sets it)"), "{text}");

    let small = Server::start(&["--body-limit", "100"]);
    let (status, _) =
        post_raw(&small, "/v1/check", "application/json", format!(r#"{{"q": "{}"}}"#, "x".repeat(95)).as_bytes());
    assert_eq!(status, 413);
    let (status, _) = post_raw(&small, "/v1/check", "application/json", br#"{"q": "refund"}"#);
    assert_eq!(status, 200);
}

#[test]
fn a_slow_answer_is_cut_at_the_time_limit() {
    let server = Server::start(&["--timeout", "1"]);
    let query = "source:a ".repeat(100_000);
    let (status, answer) = post(&server, "/v1/explain", &json!({"q": query}));
    assert_eq!((status, &answer["error"]["code"]), (503, &json!("timeout")), "{answer}");
    // The service goes on answering.
    let (status, _) = post(&server, "/v1/format", &json!({"q": "refund"}));
    assert!(status == 200 || status == 503);
    let (status, _, _) = get(&server, "/healthz");
    assert_eq!(status, 200);
}

#[test]
fn two_hundred_concurrent_requests_are_each_answered_correctly() {
    let server = Server::start(&[]);
    let url = server.url("/v1/check");
    // 200 clients, one request each, released together so that all 200
    // are under way at once; each has the agent's 30 s limit.
    let start = std::sync::Arc::new(std::sync::Barrier::new(200));
    let threads: Vec<_> = (0..200)
        .map(|n| {
            let (url, start) = (url.clone(), start.clone());
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    let body = json!({"q": format!("SOURCE:{n} -status_in:Replied t{n}"), "now": NOW});
                    start.wait();
                    let answer = agent()
                        .post(&url)
                        .header("Content-Type", "application/json")
                        .send(body.to_string())
                        .ok()
                        .and_then(|mut r| r.body_mut().read_to_string().ok());
                    (n, answer)
                })
                .expect("a client thread")
        })
        .collect();
    let mut answered = 0;
    for thread in threads {
        let (n, answer) = thread.join().expect("a client");
        let json: Value = serde_json::from_str(&answer.unwrap_or_default()).unwrap_or(Value::Null);
        assert_eq!(json["canonical"], format!("source:{n} -status_in:replied t{n}"), "request {n}");
        answered += 1;
    }
    assert_eq!(answered, 200);
}

#[test]
fn cors_only_for_the_allowed_origin() {
    let origin = "https://tools.example.com";
    let preflight = |server: &Server| {
        let request = ureq::http::Request::builder()
            .method("OPTIONS")
            .uri(server.url("/v1/check"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .body(())
            .expect("a request");
        let response = agent().run(request).expect("answers");
        response.headers().get("access-control-allow-origin").map(|v| v.to_str().unwrap_or_default().to_string())
    };
    assert_eq!(preflight(&Server::start(&[])), None);
    assert_eq!(preflight(&Server::start(&["--allow-origin", origin])).as_deref(), Some(origin));
    let bad = Command::new(env!("CARGO_BIN_EXE_ringq"))
        .args(["serve", "--listen", "127.0.0.1:0", "--allow-origin", "not an origin"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a valid origin"));
}

#[test]
fn the_page_and_its_script_are_served_with_a_strict_policy() {
    let server = Server::start(&[]);
    let (status, headers, html) = get(&server, "/");
    assert_eq!(status, 200);
    let header = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    assert_eq!(header("content-type"), Some("text/html; charset=utf-8"));
    let policy = header("content-security-policy").unwrap_or_default();
    assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), "{policy}");
    assert!(html.contains(r#"<option value="" selected>RingCX content_threads</option>"#));
    assert!(html.contains(r#"<option value="communications">OmniQ communications</option>"#));
    assert!(html.contains(r#"<script src="/playground.js" defer></script>"#));
    assert!(!html.contains("http://") && !html.contains("https://"), "the page loads nothing from elsewhere");
    let (status, headers, script) = get(&server, "/playground.js");
    assert_eq!(status, 200);
    assert!(headers.iter().any(|(k, v)| k == "content-type" && v.starts_with("text/javascript")));
    assert!(!script.contains("innerHTML"), "the page writes text, never HTML");
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_service_cleanly() {
    let mut server = Server::start(&[]);
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs").success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.child.try_wait().expect("waits") {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(Instant::now() < deadline, "still running 10 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The same inputs through `ringq check --format json` and `/v1/check`
/// give the same diagnostics (code, severity, span in bytes and in
/// characters), and through `ringq date --format json` and `/v1/date` the
/// same span and warnings: both are held to `tests/fixtures/shells.json`,
/// which the Python package's tests hold Python to as well.
#[test]
fn the_same_inputs_give_the_same_answers_in_the_command_and_the_service() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/shells.json")).expect("tests/fixtures/shells.json is JSON");
    let (now, tz) = (fixture["now"].as_str().unwrap_or_default(), fixture["tz"].as_str().unwrap_or_default());
    let server = Server::start(&[]);
    let shape = |diagnostics: &Value| -> Vec<Value> {
        diagnostics
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| json!({"code": d["code"], "severity": d["severity"], "span": d["span"], "chars": d["chars"]}))
            .collect()
    };
    let mut seen = 0;
    for case in fixture["checks"].as_array().into_iter().flatten() {
        let q = case["q"].as_str().unwrap_or_default();
        let expected = shape(&case["diagnostics"]);
        let command = run_ringq(&["check", "--format", "json", "--now", now, "--tz", tz], q);
        assert_eq!((&command["ok"], &command["output"]), (&case["ok"], &case["canonical"]), "{q:?}");
        assert_eq!(shape(&command["diagnostics"]), expected, "ringq check {q:?}");
        let (status, service) = post(&server, "/v1/check", &json!({"q": q, "now": now, "tz": tz}));
        let (ok, diagnostics) = match status {
            200 => (true, &service["warnings"]),
            _ => (false, &service["error"]["diagnostics"]),
        };
        assert_eq!(json!(ok), case["ok"], "/v1/check {q:?}: {service}");
        assert_eq!(shape(diagnostics), expected, "/v1/check {q:?}");
        if ok {
            assert_eq!(service["canonical"], case["canonical"], "{q:?}");
        }
        seen += 1;
    }
    assert_eq!(seen, 10);
    let codes = |diagnostics: &Value| -> Vec<Value> {
        diagnostics.as_array().into_iter().flatten().map(|d| d["code"].clone()).collect()
    };
    for case in fixture["dates"].as_array().into_iter().flatten() {
        let q = case["q"].as_str().unwrap_or_default();
        let command = run_ringq(&["date", "--format", "json", "--now", now, "--tz", tz], q);
        let span = json!({"start": command["output"]["start"], "end": command["output"]["end"]});
        assert_eq!(span, json!({"start": case["start"], "end": case["end"]}), "ringq date {q:?}");
        assert_eq!(codes(&command["diagnostics"]), codes_of(case), "ringq date {q:?}");
        let (status, service) = post(&server, "/v1/date", &json!({"q": q, "now": now, "tz": tz}));
        match status {
            200 => {
                assert_eq!((&service["start"], &service["end"]), (&case["start"], &case["end"]), "/v1/date {q:?}");
                assert_eq!(codes(&service["warnings"]), codes_of(case), "/v1/date {q:?}");
            }
            _ => {
                assert_eq!(case["ok"], json!(false), "/v1/date {q:?}: {service}");
                assert_eq!(codes(&service["error"]["diagnostics"]), codes_of(case), "/v1/date {q:?}");
            }
        }
    }
}

fn codes_of(case: &Value) -> Vec<Value> {
    case["codes"].as_array().cloned().unwrap_or_default()
}

/// `ringq ARGS` with `input` on standard input; its JSON document.
fn run_ringq(args: &[&str], input: &str) -> Value {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringq"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ringq runs");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("the input is written");
    }
    let output = child.wait_with_output().expect("ringq ends");
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("ringq {args:?}: {e}: {}", String::from_utf8_lossy(&output.stdout)))
}

#[test]
fn render_binds_values_and_a_binding_error_is_a_422_naming_the_hole() {
    let server = Server::start(&[]);
    let body = json!({
        "template": "assigned_to_me:{mine} -status_in:{done} {words} source:{src?}",
        "values": {"mine": true, "done": ["replied", "ignored"], "words": "refund\" -status_in:new", "src": null},
        "now": "2026-11-24T15:30:00Z",
    });
    let (status, rendered) = post(&server, "/v1/render", &body);
    assert_eq!(status, 200, "{rendered}");
    assert_eq!(
        rendered["query"],
        "assigned_to_me:true -status_in:replied -status_in:ignored \"refund\\\" -status_in:new\""
    );
    assert_eq!(rendered["diagnostics"], json!([]));
    let (status, invalid) =
        post(&server, "/v1/render", &json!({"template": "é assigned_to_me:{mine}", "values": {"mine": "maybe"}}));
    assert_eq!(status, 422);
    assert_eq!(invalid["error"]["code"], "invalid_template");
    let d = &invalid["error"]["diagnostics"][0];
    assert_eq!(d["message"], "`mine` for `assigned_to_me`: `assigned_to_me` takes a boolean, not `maybe`");
    assert_eq!((&d["span"], &d["chars"]), (&json!({"start": 18, "end": 24}), &json!({"start": 17, "end": 23})));
    let (status, bad) = post(&server, "/v1/render", &json!({"template": "{w}", "values": [1]}));
    assert_eq!((status, &bad["error"]["code"]), (400, &json!("malformed_request")));
    let (status, bad) = post(&server, "/v1/check", &json!({"q": "x", "values": {}}));
    assert_eq!((status, &bad["error"]["code"]), (400, &json!("malformed_request")));
}

/// Whether every error of `diagnostics` names one of `holes` in backticks.
fn errors_name(diagnostics: &Value, holes: &[Value]) -> bool {
    let errors: Vec<&Value> =
        diagnostics.as_array().into_iter().flatten().filter(|d| d["severity"] == "error").collect();
    !errors.is_empty()
        && errors.iter().all(|d| {
            let message = d["message"].as_str().unwrap_or_default();
            holes.iter().any(|h| message.contains(&format!("`{}`", h.as_str().unwrap_or_default())))
        })
}

/// The held-out hostile values of `tests/fixtures/render.json`, bound
/// through the command and the service (Python's test reads the same
/// file): each reads back as the expected query, or fails with errors
/// that name the hole.
#[test]
fn hostile_values_render_intact_or_name_their_hole_in_the_command_and_the_service() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/render.json")).expect("tests/fixtures/render.json is JSON");
    let now = fixture["now"].as_str().expect("a now");
    let server = Server::start(&[]);
    let dir = std::env::temp_dir().join(format!("ringq-render-fixture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    for (i, case) in fixture["cases"].as_array().into_iter().flatten().enumerate() {
        let template = case["template"].as_str().expect("a template");
        let file = dir.join(format!("{i}.json"));
        std::fs::write(&file, case["values"].to_string()).expect("written");
        let command = run_ringq(
            &["render", "--now", now, "--values", file.to_str().expect("UTF-8"), "--format", "json", "--", template],
            "",
        );
        let body = json!({"template": template, "values": case["values"], "now": now});
        let (status, service) = post(&server, "/v1/render", &body);
        match case.get("query") {
            Some(query) => {
                assert_eq!(&command["output"], query, "command, case {i}: {command}");
                assert_eq!((status, &service["query"]), (200, query), "service, case {i}: {service}");
                let read = ringq::Parser::new().parse(query.as_str().unwrap_or_default());
                assert!(read.is_ok(), "case {i}: the query does not read back");
            }
            None => {
                let holes = case["error_holes"].as_array().cloned().unwrap_or_default();
                assert_eq!(command["ok"], false, "command, case {i}: {command}");
                assert!(errors_name(&command["diagnostics"], &holes), "command, case {i}: {command}");
                assert_eq!(status, 422, "service, case {i}: {service}");
                assert!(errors_name(&service["error"]["diagnostics"], &holes), "service, case {i}: {service}");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_openapi_document_lists_every_endpoint() {
    let server = Server::start(&[]);
    let (status, _, body) = get(&server, "/v1/openapi.json");
    assert_eq!(status, 200);
    let document: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(document["openapi"], "3.1.0");
    for path in
        ["/v1/check", "/v1/format", "/v1/parse", "/v1/complete", "/v1/explain", "/v1/date", "/v1/omniq", "/v1/render"]
    {
        let post = &document["paths"][path]["post"];
        assert!(post["summary"].is_string(), "{path} is not listed");
        assert!(post["responses"]["422"].is_object(), "{path}");
    }
    let render = &document["paths"]["/v1/render"]["post"]["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(render["allOf"][0]["required"], json!(["template"]));
    assert!(document["components"]["schemas"]["Diagnostic"]["properties"]["replacement"].is_object());
}
