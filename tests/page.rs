//! OmniqPagination planners: stopping rules, loop protection, validation, the
//! documented response shapes, and a simulated server property.

use proptest::prelude::*;
use ringq::{
    OmniqPage, OmniqPageRequest, OmniqPager, OmniqPagination, OmniqRelation, OmniqTotal, PageError, PageStep, PageStop,
    RingCxPage, RingCxPageRequest, RingCxPager,
};
use serde_json::{json, Value};

const RINGCX_FIXTURE: &str = include_str!("fixtures/page/ringcx_page.json");
const OMNIQ_FIXTURE: &str = include_str!("fixtures/page/omniq_page.json");

/// A RingCX page echoing `offset`, holding `n` records numbered from it.
fn ringcx_page(count: u64, offset: u64, limit: u64, n: u64) -> RingCxPage<u64> {
    RingCxPage { count, offset, limit, records: (offset..offset + n).collect() }
}

/// An OmniQ page echoing `from`, holding `n` records numbered from it.
fn omniq_page(from: u64, size: u64, n: u64, has_more: bool) -> OmniqPage<u64> {
    OmniqPage {
        results: (from..from + n).collect(),
        total: None,
        count: Some(n),
        pagination: Some(OmniqPagination { from, size, has_more }),
    }
}

fn ringcx(offset: u64, limit: u64) -> RingCxPageRequest {
    RingCxPageRequest::new(offset, limit).unwrap()
}

fn omniq(from: u64, size: u64) -> OmniqPageRequest {
    OmniqPageRequest::new(from, size).unwrap()
}

fn ringcx_requests(mut pager: RingCxPager) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    while let Some(req) = pager.next_request() {
        out.push((req.offset(), req.limit()));
        pager.observe(&ringcx_page(u64::MAX, req.offset(), req.limit(), req.limit())).unwrap();
    }
    out
}

fn omniq_requests(mut pager: OmniqPager) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    while let Some(req) = pager.next_request() {
        out.push((req.from(), req.size()));
        pager.observe(&omniq_page(req.from(), req.size(), req.size(), true)).unwrap();
    }
    out
}

// ---- documented response shapes ----

#[test]
fn ringcx_documented_response_parses_and_round_trips() {
    let page: RingCxPage = serde_json::from_str(RINGCX_FIXTURE).unwrap();
    assert_eq!(page, RingCxPage { count: 4320, offset: 90, limit: 30, records: vec![json!({}), json!({})] });
    let again: RingCxPage = serde_json::from_str(&serde_json::to_string(&page).unwrap()).unwrap();
    assert_eq!(again, page);
}

#[test]
fn omniq_documented_response_parses_and_round_trips() {
    let page: OmniqPage = serde_json::from_str(OMNIQ_FIXTURE).unwrap();
    assert_eq!(
        page,
        OmniqPage {
            results: vec![],
            total: Some(OmniqTotal { value: 10000, relation: OmniqRelation::Gte }),
            count: Some(15000),
            pagination: Some(OmniqPagination { from: 2000, size: 15000, has_more: true }),
        }
    );
    let text = serde_json::to_string(&page).unwrap();
    assert!(text.contains(r#""hasMore":true"#), "{text}");
    assert!(text.contains(r#""relation":"gte""#), "{text}");
    let again: OmniqPage = serde_json::from_str(&text).unwrap();
    assert_eq!(again, page);
}

#[test]
fn unknown_response_fields_are_ignored() {
    let page: RingCxPage =
        serde_json::from_value(json!({"count": 1, "offset": 0, "limit": 30, "records": [1], "x": 2})).unwrap();
    assert_eq!(page.records, vec![json!(1)]);
    let page: OmniqPage = serde_json::from_value(json!({
        "results": [1], "took": 3,
        "pagination": {"from": 0, "size": 10, "hasMore": false, "page": 1}
    }))
    .unwrap();
    assert_eq!(page.results, vec![json!(1)]);
}

#[test]
fn omniq_envelope_needs_only_results() {
    let page: OmniqPage = serde_json::from_value(json!({"results": []})).unwrap();
    assert_eq!(page, OmniqPage { results: vec![], total: None, count: None, pagination: None });
    assert_eq!(serde_json::to_value(&page).unwrap(), json!({"results": []}));
}

#[test]
fn omniq_bare_array_response_reads_as_results() {
    let page: OmniqPage<Value> =
        serde_json::from_str(r#"[{"document": {"_id": "a"}}, {"document": {"_id": "b"}}]"#).unwrap();
    assert_eq!(page.results.len(), 2);
    assert_eq!(page.pagination, None);
}

#[test]
fn omniq_records_parse_into_caller_types() {
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Doc {
        id: u32,
    }
    let page: OmniqPage<Doc> = serde_json::from_value(json!({"results": [{"id": 7}], "count": 1})).unwrap();
    assert_eq!(page.results, vec![Doc { id: 7 }]);
}

#[test]
fn omniq_malformed_envelope_error_names_the_field() {
    let err = serde_json::from_value::<OmniqPage>(json!({"items": []})).unwrap_err();
    assert!(err.to_string().contains("results"), "{err}");
    let err = serde_json::from_value::<OmniqPage>(json!({"results": [], "total": {"value": 1, "relation": "lte"}}))
        .unwrap_err();
    assert!(err.to_string().contains("lte"), "{err}");
    let err = serde_json::from_value::<OmniqPage>(json!("nope")).unwrap_err();
    assert!(err.to_string().contains("OmniQ response"), "{err}");
}

// ---- request parameters ----

#[test]
fn request_defaults_are_the_documented_ones() {
    let r = RingCxPageRequest::default();
    assert_eq!((r.offset(), r.limit()), (0, 30));
    let o = OmniqPageRequest::default();
    assert_eq!((o.from(), o.size()), (0, 10));
}

#[test]
fn ringcx_limit_must_be_1_to_150() {
    for (limit, ok) in [(0, false), (1, true), (30, true), (150, true), (151, false), (u64::MAX, false)] {
        let got = RingCxPageRequest::new(5, limit);
        assert_eq!(got.is_ok(), ok, "limit {limit}");
        if !ok {
            assert_eq!(got.unwrap_err(), PageError::LimitOutOfRange { limit });
        }
    }
    let msg = PageError::LimitOutOfRange { limit: 200 }.to_string();
    assert!(msg.contains("200") && msg.contains("1 to 150"), "{msg}");
}

#[test]
fn omniq_size_zero_is_refused() {
    assert_eq!(OmniqPageRequest::new(0, 0), Err(PageError::ZeroSize));
    assert!(OmniqPageRequest::new(0, 1).is_ok());
    assert!(OmniqPageRequest::new(0, 100_000).is_ok());
}

#[test]
fn omniq_request_flattens_into_a_body() {
    #[derive(serde::Serialize)]
    struct Body<'a> {
        index: &'a str,
        #[serde(flatten)]
        page: OmniqPageRequest,
    }
    let body = Body { index: "agents", page: omniq(100, 100) };
    assert_eq!(serde_json::to_value(&body).unwrap(), json!({"index": "agents", "from": 100, "size": 100}));
}

#[test]
fn requests_deserialize_with_defaults_and_validation() {
    let r: RingCxPageRequest = serde_json::from_value(json!({"offset": 60})).unwrap();
    assert_eq!(r, ringcx(60, 30));
    assert_eq!(serde_json::to_value(r).unwrap(), json!({"offset": 60, "limit": 30}));
    let err = serde_json::from_value::<RingCxPageRequest>(json!({"limit": 151})).unwrap_err();
    assert!(err.to_string().contains("1 to 150"), "{err}");
    let o: OmniqPageRequest = serde_json::from_value(json!({})).unwrap();
    assert_eq!(o, OmniqPageRequest::default());
    assert!(serde_json::from_value::<OmniqPageRequest>(json!({"size": 0})).is_err());
}

#[test]
fn page_error_is_a_std_error() {
    fn takes(_: &dyn std::error::Error) {}
    takes(&PageError::ZeroSize);
}

// ---- stopping rules ----

/// A stopping-rule case: (name, first request, page, stop after it).
type StopCase = (&'static str, (u64, u64), (u64, u64), Option<PageStop>);

#[test]
fn ringcx_stopping_rules() {
    // (first request, page: count, echoed offset, records) -> stop after it
    let table: &[StopCase] = &[
        ("full page, more left", (0, 30), (100, 30), None),
        ("page reaches count exactly", (70, 30), (100, 30), Some(PageStop::Exhausted)),
        ("last short page", (90, 30), (100, 10), Some(PageStop::Exhausted)),
        ("short page, more left (server capped)", (0, 30), (100, 20), None),
        ("empty page", (0, 30), (100, 0), Some(PageStop::EmptyPage)),
        ("empty collection", (0, 30), (0, 0), Some(PageStop::EmptyPage)),
        ("offset already past count", (200, 30), (100, 5), Some(PageStop::Exhausted)),
    ];
    for &(name, (offset, limit), (count, n), stop) in table {
        let mut pager = RingCxPager::new(ringcx(offset, limit));
        let next = pager.observe(&ringcx_page(count, offset, limit, n)).unwrap();
        assert_eq!(next.stop(), stop, "{name}");
        assert_eq!(next.keep() as u64, n, "{name}");
        assert_eq!(pager.next_request().is_none(), stop.is_some(), "{name}");
    }
}

#[test]
fn omniq_stopping_rules() {
    // (request size, records returned, hasMore) -> stop after it
    let table: &[(&str, u64, u64, bool, Option<PageStop>)] = &[
        ("full page, hasMore", 10, 10, true, None),
        ("hasMore false on a full page", 10, 10, false, Some(PageStop::Exhausted)),
        ("short page, hasMore (server capped)", 10, 4, true, None),
        ("short page, hasMore false", 10, 4, false, Some(PageStop::Exhausted)),
        ("empty results although hasMore", 10, 0, true, Some(PageStop::EmptyPage)),
        ("empty results, hasMore false", 10, 0, false, Some(PageStop::EmptyPage)),
    ];
    for &(name, size, n, more, stop) in table {
        let mut pager = OmniqPager::new(omniq(20, size));
        let next = pager.observe(&omniq_page(20, size, n, more)).unwrap();
        assert_eq!(next.stop(), stop, "{name}");
        assert_eq!(pager.next_request().is_none(), stop.is_some(), "{name}");
    }
}

#[test]
fn omniq_without_pagination_uses_exact_total_then_short_pages() {
    let page = |n: u64, total: Option<OmniqTotal>| OmniqPage {
        results: vec![0u8; n as usize],
        total,
        count: None,
        pagination: None,
    };
    let eq = |value| Some(OmniqTotal { value, relation: OmniqRelation::Eq });
    let gte = |value| Some(OmniqTotal { value, relation: OmniqRelation::Gte });
    let table: &[(&str, OmniqPage<u8>, Option<PageStop>)] = &[
        ("exact total reached", page(10, eq(10)), Some(PageStop::Exhausted)),
        ("exact total not reached", page(10, eq(11)), None),
        ("lower bound total is not an end", page(10, gte(10)), None),
        ("no total, full page", page(10, None), None),
        ("no total, short page", page(9, None), Some(PageStop::Exhausted)),
        ("lower bound total, short page", page(9, gte(10_000)), Some(PageStop::Exhausted)),
    ];
    for (name, p, stop) in table {
        let mut pager = OmniqPager::new(omniq(0, 10));
        assert_eq!(pager.observe(p).unwrap().stop(), *stop, "{name}");
    }
}

#[test]
fn next_offset_follows_records_received_not_size_asked() {
    let mut pager = RingCxPager::new(ringcx(0, 30));
    pager.observe(&ringcx_page(100, 0, 30, 20)).unwrap();
    assert_eq!(pager.next_request(), Some(ringcx(20, 30)));
    let mut pager = OmniqPager::new(omniq(0, 10));
    pager.observe(&omniq_page(0, 10, 7, true)).unwrap();
    assert_eq!(pager.next_request(), Some(omniq(7, 10)));
}

#[test]
fn records_beyond_the_size_asked_are_not_kept() {
    let mut pager = RingCxPager::new(ringcx(0, 10));
    let next = pager.observe(&ringcx_page(100, 0, 10, 30)).unwrap();
    assert_eq!(next.keep(), 10);
    assert_eq!(pager.next_request(), Some(ringcx(10, 10)));
}

// ---- loop protection ----

#[test]
fn server_repeating_a_page_is_an_error() {
    let mut pager = RingCxPager::new(ringcx(0, 30));
    let first = ringcx_page(1000, 0, 30, 30);
    pager.observe(&first).unwrap();
    assert_eq!(pager.observe(&first), Err(PageError::ServerRepeated { requested: 30, echoed: 0 }));

    let mut pager = OmniqPager::new(omniq(0, 10));
    pager.observe(&omniq_page(0, 10, 10, true)).unwrap();
    pager.observe(&omniq_page(10, 10, 10, true)).unwrap();
    let err = pager.observe(&omniq_page(10, 10, 10, true)).unwrap_err();
    assert_eq!(err, PageError::ServerRepeated { requested: 20, echoed: 10 });
    assert!(err.to_string().contains("looping forever"), "{err}");
}

#[test]
fn server_answering_another_offset_is_an_error() {
    let table: &[(u64, u64)] = &[(30, 60), (30, 31), (100, 0)];
    for &(requested, echoed) in table {
        let mut pager = RingCxPager::new(ringcx(requested, 30));
        assert_eq!(
            pager.observe(&ringcx_page(1000, echoed, 30, 30)),
            Err(PageError::OffsetMismatch { requested, echoed }),
            "{requested} {echoed}"
        );
        let mut pager = OmniqPager::new(omniq(requested, 30));
        assert_eq!(
            pager.observe(&omniq_page(echoed, 30, 30, true)),
            Err(PageError::OffsetMismatch { requested, echoed }),
        );
    }
}

#[test]
fn a_failed_observation_leaves_the_plan_unchanged() {
    let mut pager = RingCxPager::new(ringcx(0, 30));
    assert!(pager.observe(&ringcx_page(1000, 60, 30, 30)).is_err());
    assert_eq!(pager.next_request(), Some(ringcx(0, 30)));
}

#[test]
fn observing_after_the_end_is_an_error() {
    let mut pager = OmniqPager::new(omniq(0, 10));
    pager.observe(&omniq_page(0, 10, 3, false)).unwrap();
    assert_eq!(pager.observe(&omniq_page(3, 10, 3, false)), Err(PageError::Finished));
}

#[test]
fn endless_server_is_bounded_by_max_records() {
    assert_eq!(omniq_requests(OmniqPager::new(omniq(0, 10)).with_max_records(25)), [(0, 10), (10, 10), (20, 5)]);
    assert_eq!(ringcx_requests(RingCxPager::new(ringcx(40, 30)).with_max_records(60)), [(40, 30), (70, 30)]);
    assert_eq!(ringcx_requests(RingCxPager::new(ringcx(0, 30)).with_max_records(0)), []);
    let mut pager = OmniqPager::new(omniq(0, 10)).with_max_records(10);
    assert_eq!(pager.observe(&omniq_page(0, 10, 10, true)).unwrap().stop(), Some(PageStop::MaxRecords));
}

#[test]
fn positions_near_u64_max_do_not_overflow() {
    // The request is clamped so that `from + size` stays within u64, as for
    // RingCX below.
    let mut pager = OmniqPager::new(omniq(u64::MAX - 5, 10));
    assert_eq!(pager.next_request(), Some(omniq(u64::MAX - 5, 5)));
    let err = pager.observe(&OmniqPage {
        results: vec![0u8; 5],
        total: None,
        count: None,
        pagination: Some(OmniqPagination { from: u64::MAX - 5, size: 5, has_more: true }),
    });
    assert_eq!(err, Err(PageError::Overflow { offset: u64::MAX }));
    let pager = RingCxPager::new(ringcx(u64::MAX - 5, 30)).with_max_records(u64::MAX);
    assert_eq!(pager.next_request(), Some(ringcx(u64::MAX - 5, 5)));
}

// ---- windows ----

#[test]
fn ringcx_window_splits_into_pages_of_150() {
    let pager = RingCxPager::window(200..450).unwrap();
    assert_eq!(ringcx_requests(pager), [(200, 150), (350, 100)]);
    assert_eq!(ringcx_requests(RingCxPager::window(0..150).unwrap()), [(0, 150)]);
    assert_eq!(ringcx_requests(RingCxPager::window(7..7).unwrap()), []);
}

#[test]
fn omniq_window_is_one_request_when_it_fits() {
    assert_eq!(omniq_requests(OmniqPager::window(200..450, 1000).unwrap()), [(200, 250)]);
    assert_eq!(omniq_requests(OmniqPager::window(200..450, 100).unwrap()), [(200, 100), (300, 100), (400, 50)]);
}

#[test]
fn bad_windows_are_refused() {
    #[allow(clippy::reversed_empty_ranges)]
    let reversed = 450..200;
    assert_eq!(RingCxPager::window(reversed.clone()).unwrap_err(), PageError::ReversedWindow { start: 450, end: 200 });
    assert_eq!(OmniqPager::window(reversed, 10).unwrap_err(), PageError::ReversedWindow { start: 450, end: 200 });
    assert_eq!(OmniqPager::window(0..10, 0).unwrap_err(), PageError::ZeroSize);
}

#[test]
fn window_stops_at_its_end_even_if_server_has_more() {
    let mut pager = RingCxPager::window(0..100).unwrap();
    let next: PageStep = pager.observe(&ringcx_page(5000, 0, 100, 100)).unwrap();
    assert_eq!(next.stop(), Some(PageStop::MaxRecords));
    assert!(next.is_done());
}

// ---- simulated well-behaved servers ----

/// Serves records `0..total`, at most `cap` per page whatever is asked
/// (a server enforcing its own page maximum), echoing the parameters.
fn ringcx_server(total: u64, cap: u64, req: RingCxPageRequest) -> RingCxPage<u64> {
    let end = total.min(req.offset().saturating_add(req.limit().min(cap)));
    RingCxPage { count: total, offset: req.offset(), limit: req.limit(), records: (req.offset()..end).collect() }
}

fn omniq_server(total: u64, cap: u64, req: OmniqPageRequest) -> OmniqPage<u64> {
    let end = total.min(req.from().saturating_add(req.size().min(cap)));
    let results: Vec<u64> = (req.from()..end).collect();
    OmniqPage {
        count: Some(results.len() as u64),
        total: Some(OmniqTotal { value: total, relation: OmniqRelation::Eq }),
        pagination: Some(OmniqPagination { from: req.from(), size: req.size(), has_more: end < total }),
        results,
    }
}

proptest! {
    #[test]
    fn ringcx_pager_visits_every_record_once(total in 0u64..3000, limit in 1u64..=150, cap in 1u64..200) {
        let mut pager = RingCxPager::new(ringcx(0, limit));
        let mut seen = Vec::new();
        let mut pages = 0u64;
        while let Some(req) = pager.next_request() {
            let page = ringcx_server(total, cap, req);
            let next = pager.observe(&page).unwrap();
            seen.extend(page.records.iter().take(next.keep()).copied());
            pages += 1;
            prop_assert!(pages <= total + 1, "runaway pager");
        }
        prop_assert_eq!(seen, (0..total).collect::<Vec<_>>());
    }

    #[test]
    fn omniq_pager_visits_every_record_once(total in 0u64..3000, size in 1u64..500, cap in 1u64..600) {
        let mut pager = OmniqPager::new(omniq(0, size));
        let mut seen = Vec::new();
        let mut pages = 0u64;
        while let Some(req) = pager.next_request() {
            let page = omniq_server(total, cap, req);
            let next = pager.observe(&page).unwrap();
            seen.extend(page.results.iter().take(next.keep()).copied());
            pages += 1;
            prop_assert!(pages <= total + 1, "runaway pager");
        }
        prop_assert_eq!(seen, (0..total).collect::<Vec<_>>());
    }

    #[test]
    fn windows_visit_exactly_their_records(total in 0u64..2000, start in 0u64..2000, len in 0u64..800, max in 1u64..300) {
        let want: Vec<u64> = (start..start + len).filter(|&i| i < total).collect();

        let mut pager = RingCxPager::window(start..start + len).unwrap();
        let mut seen = Vec::new();
        while let Some(req) = pager.next_request() {
            prop_assert!(req.limit() <= 150);
            let page = ringcx_server(total, u64::MAX, req);
            let next = pager.observe(&page).unwrap();
            seen.extend(page.records.iter().take(next.keep()).copied());
        }
        prop_assert_eq!(&seen, &want);

        let mut pager = OmniqPager::window(start..start + len, max).unwrap();
        let mut seen = Vec::new();
        while let Some(req) = pager.next_request() {
            prop_assert!(req.size() <= max);
            let page = omniq_server(total, u64::MAX, req);
            let next = pager.observe(&page).unwrap();
            seen.extend(page.results.iter().take(next.keep()).copied());
        }
        prop_assert_eq!(&seen, &want);
    }
}
