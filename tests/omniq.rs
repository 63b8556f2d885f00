//! OmniQ compilation: snapshots of requests, plans and diagnostics for a
//! table of queries, and a property: the request's filter and the residual
//! predicate together accept exactly the documents the whole query accepts.

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use ringq::DateContext;
use ringq::{Catalog, Parser, Query, Value};
use ringq::{OmniqCompiler, OmniqIndex, OmniqMapping, Predicate};
use serde_json::{json, Value as Json};

fn context() -> DateContext {
    DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap())
}

fn compiler() -> OmniqCompiler {
    OmniqCompiler::new(OmniqIndex::Agents)
}

#[test]
fn requests_for_a_table_of_queries() {
    let queries = [
        "created_after:2025-05-20 created_before:2025-06-22",
        "createdAt:2025-05-20",
        "createdAt:\"2025-05-20 14:00\"",
        "created_after:2025-05-01 created_after:2025-05-20 created_before:2025-07-01 created_before:2025-06-22",
        "created_before:\"last month\"",
        "platform:web isNewClient:yes",
        "-isNewClient:true",
        "workflow.attrs.contact.email:\"ann@example.com\" workflow.attrs.clientFromTemplate:0",
        "first_content_after:yesterday campaign:\"Black Friday\"",
        "first_content_after:2025-05-20 first_content_before:2025-05-21",
        "__v:0 tenantId:t-42",
        "botTotalTime:12 agentTotalTime:null poolTotalTime:1.5e3",
    ];
    let mut out = serde_json::Map::new();
    for q in queries {
        let request = compiler().compile_str(q, &context()).unwrap_or_else(|e| panic!("{q}: {e}"));
        out.insert(q.to_owned(), serde_json::to_value(request).unwrap());
    }
    insta::assert_json_snapshot!("requests", out);
}

#[test]
fn number_fields_take_numbers_and_say_where_one_is_not() {
    let request = compiler().compile_str("__v:0 botTotalTime:-12.5", &context()).unwrap();
    assert_eq!(request.filter_by().get("__v").map(|v| v.to_json()), Some(json!(0)));
    assert_eq!(request.filter_by().get("botTotalTime").map(|v| v.to_json()), Some(json!(-12.5)));
    for (q, at) in [("__v:null", 4..8), ("platform:web poolTotalTime:12s", 27..30), ("agentTotalTime:0x10", 15..19)] {
        let error = compiler().compile_str(q, &context()).unwrap_err();
        let d = &error.diagnostics()[0];
        assert_eq!((d.code(), d.span().range()), (ringq::Code::InvalidNumber, at), "{q}");
    }
    // A residual number compares by value with the document's number.
    let plan = compiler().plan_str("__v:0 -__v:1", &context()).unwrap();
    assert!(plan.residual.matches(&json!({"__v": 0.0})));
    assert!(!plan.residual.matches(&json!({"__v": 1.0})));
}

#[test]
fn an_exact_created_at_given_a_span_warns() {
    let text = "createdAt:\"last month\" createdAt:\"2025-05-20 14:00:00\"";
    let parsed = Parser::omniq().dates(context()).parse(text).unwrap();
    let warnings = compiler().warnings(&parsed, &context());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!((warnings[0].code(), warnings[0].span().range()), (ringq::Code::ExactDateSpan, 0..22));
    assert_eq!(
        warnings[0].hint(),
        Some("for the whole span, write `created_after:\"last month\" created_before:2026-11-01T00:00:00Z`")
    );
}

#[test]
fn pages_and_sizes() {
    let request = OmniqCompiler::new(OmniqIndex::Campaings).from(200).size(50.try_into().unwrap());
    let request = request.compile_str("platform:web", &context()).unwrap();
    assert_eq!(
        serde_json::to_value(request).unwrap(),
        json!({"index": "campaings", "filterBy": {"platform": "web"}, "from": 200, "size": 50})
    );
    let empty = compiler().compile_str("", &context()).unwrap();
    assert_eq!(serde_json::to_value(empty).unwrap(), json!({"index": "agents", "filterBy": {}, "from": 0, "size": 10}));
}

#[test]
fn plans_keep_what_filter_by_cannot_say() {
    let queries = [
        "platform:web -campaign:spring refund",
        "platform:web platform:whatsapp",
        "-\"late delivery\" isNewClient:true",
        "createdAt:2025-05-20 created_after:2025-05-01",
        "status_in:new status_in:replied",
    ];
    let mut out = serde_json::Map::new();
    for q in queries {
        let mapping = OmniqMapping::from_json(r#"{"status_in": "step"}"#, &Catalog::ringcx()).unwrap();
        let plan = compiler().mapping(mapping).plan_str(q, &context()).unwrap_or_else(|e| panic!("{q}: {e}"));
        out.insert(q.to_owned(), serde_json::to_value(plan).unwrap());
    }
    insta::assert_json_snapshot!("plans", out);
}

#[test]
fn errors_name_the_term_and_the_way_out() {
    let queries = [
        "platform:web -campaign:spring refund",
        "assigned_to_me:true",
        "created_after:2025-06-22 created_before:2025-05-20",
        "createdAt:2025-01-01 created_after:2025-05-01",
        "isNewClient:maybe",
        "order:created_at.asc",
        "a..b:c",
        "created_after:\"feb 30\"",
    ];
    let mut report = String::new();
    for q in queries {
        let error = compiler().compile_str(q, &context()).unwrap_err();
        report.push_str(&format!("$ {q}\n{error}\n"));
    }
    insta::assert_snapshot!("errors", report);
}

#[test]
fn unknown_indexes_suggest_the_documented_ones() {
    assert_eq!("agent".parse::<OmniqIndex>().unwrap_err().to_string(), "unknown index `agent`; did you mean `agents`? The documented entities are templates_reports, communicationlogs, hsm_templates, communications, manual_instances, users, campaings, profiles, reports, agents");
    let ringq::OmniqError::UnknownIndex { suggestions, .. } = "campaigns".parse::<OmniqIndex>().unwrap_err() else {
        panic!("an unknown index");
    };
    assert_eq!(suggestions, ["campaings"]);
    for index in OmniqIndex::ALL {
        assert_eq!(index.as_str().parse::<OmniqIndex>(), Ok(index));
    }
}

#[test]
fn residual_predicates_evaluate_on_response_items() {
    let plan = compiler().plan_str("platform:web -campaign:spring refund", &context()).unwrap();
    let item = json!({"document": {"platform": "web", "campaign": "autumn", "step": "Refund asked"}});
    assert!(plan.residual.matches(&item));
    let item = json!({"document": {"platform": "web", "campaign": "spring", "step": "Refund asked"}});
    assert!(!plan.residual.matches(&item));
}

// ------------------------------------------------------------ equivalence

/// Whether `document` matches a `filterBy` object, reading equality as
/// the residual predicate does (exact text, booleans as booleans) and a
/// `{from, to}` object as an inclusive range of instants.
fn filter_matches(filter: &serde_json::Map<String, Json>, document: &Json) -> bool {
    filter.iter().all(|(field, expected)| {
        let predicate = match expected {
            Json::Object(range) => {
                let at = |key: &str| {
                    range.get(key).and_then(Json::as_str).map(|t| DateTime::parse_from_rfc3339(t).unwrap().to_utc())
                };
                Predicate::Range { field: field.clone(), from: at("from"), to: at("to") }
            }
            value => Predicate::Eq { field: field.clone(), value: value.clone() },
        };
        predicate.matches(document)
    })
}

/// The whole query, evaluated directly on a document: the reference.
fn reference(query: &Query, document: &Json) -> bool {
    let context = context();
    query.terms().all(|term| {
        let path = |p: &str| p.split('.').try_fold(document, |v, k| v.as_object()?.get(k));
        let created =
            path("createdAt").and_then(Json::as_str).map(|t| DateTime::parse_from_rfc3339(t).unwrap().to_utc());
        let start = |v: Value| match v {
            Value::Date(d) => d.expr().resolve(&context).unwrap().start,
            Value::Raw(r) => ringq::resolve_date(r, &context).unwrap().start,
            _ => unreachable!(),
        };
        let holds = match (term.keyword(), term.value()) {
            ("text", Value::Text(words)) => {
                let mut stack = vec![document];
                let needle = words.to_lowercase();
                let mut found = false;
                while let Some(v) = stack.pop() {
                    match v {
                        Json::String(s) => found |= s.to_lowercase().contains(&needle),
                        Json::Array(items) => stack.extend(items),
                        Json::Object(map) => stack.extend(map.values()),
                        _ => {}
                    }
                }
                found
            }
            ("created_after" | "first_content_after", v) => created.is_some_and(|c| c >= start(v)),
            ("created_before" | "first_content_before", v) => created.is_some_and(|c| c < start(v)),
            ("createdAt", v) => created.is_some_and(|c| c == start(v)),
            // A boolean field is a value, not a test: `-isNewClient:true` is
            // `isNewClient:false`, as for every boolean keyword.
            ("isNewClient", Value::Raw(r)) => {
                return path("isNewClient") == Some(&Json::Bool((r == "true") != term.is_negated()));
            }
            (field, Value::Raw(r)) => path(field).is_some_and(|found| match found {
                Json::String(s) => s == r,
                other => serde_json::to_string(other).is_ok_and(|text| text == *r),
            }),
            other => panic!("the generator does not make {other:?}"),
        };
        holds != term.is_negated()
    })
}

fn document() -> impl Strategy<Value = Json> {
    let opt = |values: Vec<Json>| prop::option::of(prop::sample::select(values));
    (
        opt(vec![json!("web"), json!("whatsapp"), json!("Web")]),
        opt(vec![json!("spring"), json!("autumn")]),
        opt(vec![json!(true), json!(false)]),
        opt(vec![
            json!("2025-05-19T23:59:59.999Z"),
            json!("2025-05-20T00:00:00.000Z"),
            json!("2025-05-20T10:00:00.000Z"),
            json!("2025-05-31T23:59:59.999Z"),
            json!("2025-06-01T00:00:00.000Z"),
        ]),
        opt(vec![json!("Refund asked"), json!("delivery late"), json!("hello")]),
        opt(vec![json!("a@b.c"), json!("x@y.z")]),
    )
        .prop_map(|(platform, campaign, new_client, created, step, email)| {
            let mut doc = serde_json::Map::new();
            let mut put = |k: &str, v: Option<Json>| {
                if let Some(v) = v {
                    doc.insert(k.to_owned(), v);
                }
            };
            put("platform", platform);
            put("campaign", campaign);
            put("isNewClient", new_client);
            put("createdAt", created);
            put("step", step);
            if let Some(email) = email {
                doc.insert("workflow".into(), json!({"attrs": {"contact": {"email": email}}}));
            }
            Json::Object(doc)
        })
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "platform:web",
            "-platform:web",
            "platform:whatsapp",
            "campaign:spring",
            "-campaign:autumn",
            "isNewClient:true",
            "-isNewClient:true",
            "isNewClient:false",
            "refund",
            "-refund",
            "\"DELIVERY\"",
            "created_after:2025-05-20",
            "created_before:2025-06-01",
            "createdAt:\"2025-05-20 10:00\"",
            "first_content_after:2025-05-20",
            "first_content_before:2025-06-01",
            "workflow.attrs.contact.email:a@b.c",
            "-workflow.attrs.contact.email:a@b.c",
        ]),
        0..6,
    )
    .prop_map(|terms| terms.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn request_and_residual_accept_exactly_what_the_query_accepts(q in query(), docs in prop::collection::vec(document(), 8)) {
        let parsed = Parser::omniq().dates(context()).parse(&q).unwrap();
        let Ok(plan) = compiler().plan(parsed.query(), &context()) else {
            // Only an empty range is refused in plan mode; no document may match it.
            for doc in &docs {
                prop_assert!(!reference(parsed.query(), doc), "{q} refused but matches {doc}");
            }
            return Ok(());
        };
        for doc in &docs {
            let both = filter_matches(&plan.request.filter_by().to_json(), doc) && plan.residual.matches(doc);
            prop_assert_eq!(both, reference(parsed.query(), doc), "{} on {}", q, doc);
        }
    }

    #[test]
    fn compiling_any_text_never_panics_and_gives_json(q in "\\PC{0,60}") {
        if let Ok(plan) = compiler().plan_str(&q, &context()) {
            prop_assert!(serde_json::to_string(&plan).is_ok());
        }
        let _ = compiler().compile_str(&q, &context());
    }
}
