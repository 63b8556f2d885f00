//! Completion at every interesting cursor position: a table of query,
//! cursor, the range replaced and the first items inserted.

use proptest::prelude::*;
use ringq::{Code, CompletionKind, Completions, Options, Span};

/// Thursday 3 December 2026, noon UTC.
fn options() -> Options {
    serde_json::from_str(r#"{"now": "2026-12-03T12:00:00Z"}"#).expect("options")
}

/// `|` in `marked` is the cursor.
fn complete(marked: &str) -> Completions {
    let cursor = marked.find('|').expect("a cursor");
    let text = marked.replacen('|', "", 1);
    options().complete(&text, cursor).unwrap_or_else(|e| panic!("{marked}: {e}"))
}

fn inserts(completions: &Completions) -> Vec<&str> {
    completions.items.iter().map(|item| item.insert.as_str()).collect()
}

#[test]
fn completion_table() {
    // (query with `|` at the cursor, range replaced, the first inserts)
    let table: &[(&str, (usize, usize), &[&str])] = &[
        // Start of an empty query: every keyword in catalogue order.
        ("|", (0, 0), &["active_and_assigned:", "active_and_assigned_to_disabled_agents:"]),
        // A keyword by prefix, any case, canonical case inserted.
        ("stat|", (0, 4), &["status_in:"]),
        ("STAT|", (0, 4), &["status_in:"]),
        ("refund lang|", (7, 11), &["language:"]),
        // The exact name first, then names it starts, catalogue order.
        ("assigned|", (0, 8), &["assigned:", "assigned_to_me:", "assigned_to:", "assigned_to_team:"]),
        // In the middle of a keyword: the whole `keyword:` is replaced.
        ("assig|ned_to:5", (0, 12), &["assigned:", "assigned_to_me:", "assigned_to:"]),
        // Names that contain what was typed come after those it starts.
        ("mine|", (0, 4), &["categorized_in_mine:", "forwarded_into_mine:", "categorized_in_mine_of:"]),
        // After `-`: the `-` is part of what is replaced and inserted.
        ("-stat|", (0, 5), &["-status_in:"]),
        ("-|", (0, 1), &["-active_and_assigned:", "-active_and_assigned_to_disabled_agents:"]),
        // A keyword that forbids `-` is offered as its complement.
        ("-first_content_af|", (0, 17), &["first_content_before:"]),
        ("-tex|", (4, 4), &[]),
        // Right after the colon: the closed list of values.
        ("assigned_to_me:|", (15, 15), &["true", "false"]),
        ("assigned_to_me:| refund", (15, 15), &["true", "false"]),
        ("status_in:rep|", (10, 13), &["replied"]),
        ("status_in:USER|", (10, 14), &["user_reply", "user_initiated"]),
        ("status_in:re|p", (10, 13), &["replied"]),
        (
            "-status_in:|",
            (11, 11),
            &["new", "assigned", "forwarded", "replied", "user_reply", "user_initiated", "ignored"],
        ),
        ("order:|", (6, 6), &["created_at.asc", "created_at.desc", "last_content_at.asc", "last_content_at.desc"]),
        ("order:desc|", (6, 10), &["created_at.desc", "last_content_at.desc"]),
        ("language:pt|", (9, 11), &["pt", "pt-BR"]),
        // Dates: suggestions by prefix, quoted when they need quotes.
        ("first_content_after:yest|", (20, 24), &["yesterday"]),
        ("first_content_after:last|", (20, 24), &["\"last week\"", "\"last month\""]),
        ("first_content_after:2|", (20, 21), &["\"2 hours ago\"", "\"2 business hours ago\"", "\"2 days ago\""]),
        // Inside quotes of a date: what is typed inside them is the prefix.
        ("first_content_after:\"last w|", (20, 27), &["\"last week\""]),
        ("first_content_after:\"last w|eek\"", (20, 31), &["\"last week\""]),
        // A date no suggestion starts with is offered as typed.
        ("first_content_after:\"2 weeks ago at 4pm|\"", (20, 40), &["\"2 weeks ago at 4pm\""]),
        // Open values (ids, words) and unknown keywords: nothing to offer.
        ("assigned_to:|", (12, 12), &[]),
        ("foo:ba|", (6, 6), &[]),
        // Inside a quoted text value: nothing, never a keyword.
        ("\"assig|", (6, 6), &[]),
        ("text:\"refund assig|", (18, 18), &[]),
        ("refund \"assigned to| me\"", (19, 19), &[]),
        // Text glued to a closing quote is not a term.
        ("\"a\"b|", (4, 4), &[]),
        // At the start of a word a keyword goes in front of it.
        ("|refund", (0, 0), &["active_and_assigned:"]),
        // Past multi-byte characters, offsets stay bytes.
        ("café stat|", (6, 10), &["status_in:"]),
        ("naïve -status_in:“rep|", (18, 24), &["replied"]),
        // A near miss of a mistyped name.
        ("asigned_to|", (0, 10), &["assigned_to:"]),
    ];
    for (marked, (start, end), first) in table {
        let completions = complete(marked);
        assert_eq!(completions.replace, Span::new(*start, *end), "{marked}");
        let got = inserts(&completions);
        assert!(got.len() >= first.len(), "{marked}: {got:?}");
        assert_eq!(&got[..first.len()], *first, "{marked}: {got:?}");
        if first.is_empty() {
            assert!(got.is_empty(), "{marked}: {got:?}");
        }
    }
}

#[test]
fn inside_a_keyword_only_names_that_extend_it_unless_none_does() {
    // Every item extends what is typed: no shorter name, no near miss.
    let completions = complete("opened_and_assigned_to_|");
    assert_eq!(
        inserts(&completions),
        ["opened_and_assigned_to_disabled_agents:", "opened_and_assigned_to_me:", "opened_and_assigned_to_team:"]
    );
    assert_eq!(inserts(&complete("-stat|")), ["-status_in:"]);
    // Nothing starts with `mine`: names containing it are the help.
    let completions = complete("mine|");
    let got = inserts(&completions);
    assert!(got.len() >= 3 && got.iter().all(|name| name.contains("mine")), "{got:?}");
    // Nothing starts with a typo: its near misses are.
    assert_eq!(inserts(&complete("stauts_in|")), ["status_in:"]);
}

#[test]
fn between_terms_every_keyword_and_the_minus() {
    let completions = complete("refund | status_in:new");
    assert_eq!(completions.replace, Span::new(7, 7));
    assert_eq!(completions.items.len(), ringq::Catalog::ringcx().keywords().len() + 1);
    let last = completions.items.last().expect("items");
    assert_eq!((last.insert.as_str(), last.kind), ("-", CompletionKind::Operator));
    let at_end = complete("refund |");
    assert_eq!(at_end.items.len(), completions.items.len());
}

#[test]
fn a_negated_keyword_that_forbids_it_gets_the_fix() {
    let completions = complete("-first_content_after:|");
    assert_eq!(completions.replace, Span::new(0, 21));
    let items: Vec<(&str, CompletionKind)> =
        completions.items.iter().map(|item| (item.insert.as_str(), item.kind)).collect();
    assert_eq!(
        items,
        [("first_content_before:", CompletionKind::Keyword), ("first_content_after:", CompletionKind::Operator)]
    );
    assert!(completions.items[1].detail.contains("does not support negation"));
    // Without a complement, only the `-` dropped.
    assert_eq!(inserts(&complete("-text:refu|")), ["text:"]);
}

#[test]
fn details_say_what_an_item_means() {
    let keyword = &complete("status_i|").items[0];
    assert_eq!(keyword.detail, "Restrict on threads with at least one of the statuses.");
    assert_eq!(keyword.kind, CompletionKind::Keyword);
    let dates = complete("first_content_after:|");
    let detail = |label: &str| dates.items.iter().find(|i| i.label == label).map(|i| i.detail.clone());
    assert_eq!(detail("yesterday").as_deref(), Some("2026-12-02 00:00 → 2026-12-03 00:00 UTC"));
    assert_eq!(detail("2 hours ago").as_deref(), Some("2026-12-03 10:00:00 UTC"));
    // RingCX (Chronic) skips `business`: six hours ago is what it uses.
    assert_eq!(detail("6 business hours ago").as_deref(), Some("2026-12-03 06:00:00 UTC"));
    // In the intended reading, Thursday noon, Monday-Friday 09:00-17:00:
    // three hours this morning, three on Wednesday afternoon.
    let intended: Options =
        serde_json::from_str(r#"{"now": "2026-12-03T12:00:00Z", "dates": "intended"}"#).expect("options");
    let text = "first_content_after:";
    let dates = intended.complete(text, text.len()).expect("completes");
    let detail = |label: &str| dates.items.iter().find(|i| i.label == label).map(|i| i.detail.clone());
    assert_eq!(detail("6 business hours ago").as_deref(), Some("2026-12-02 14:00:00 UTC"));
    assert!(dates.items.iter().all(|i| i.kind == CompletionKind::Date));
    let order = &complete("order:created_at.d|").items[0];
    assert_eq!((order.kind, order.detail.as_str()), (CompletionKind::Order, "sort by creation, newest first"));
    let flag = complete("needs_manual_categorization:|");
    assert!(flag.items[1].detail.contains("warning"), "{:?}", flag.items);
}

#[test]
fn dates_are_resolved_in_the_context_zone() {
    let options: Options =
        serde_json::from_str(r#"{"now": "2026-12-03T12:00:00Z", "tz": "Europe/Paris"}"#).expect("options");
    let completions = options.complete("last_content_before:yesterday", 29).expect("completes");
    assert_eq!(completions.items[0].detail, "2026-12-02 00:00 → 2026-12-03 00:00 Europe/Paris");
    // Without `now` the dates are offered, not resolved.
    let completions = Options::default().complete("last_content_before:yesterday", 29).expect("completes");
    assert_eq!(completions.items[0].detail, "a date, resolved against now");
}

#[test]
fn a_cursor_off_a_character_boundary_is_an_error() {
    let error = options().complete("café", 4).expect_err("inside é");
    let diagnostic = &error.diagnostics()[0];
    assert_eq!((diagnostic.code(), diagnostic.span()), (Code::InvalidCursor, Span::new(3, 5)));
    let error = options().complete("café", 6).expect_err("past the end");
    assert_eq!(error.diagnostics()[0].span(), Span::new(5, 5));
    assert!(error.to_string().contains("past the end of the query (5 bytes)"), "{error}");
    assert!(options().complete("café", 5).is_ok());
}

#[test]
fn completing_near_the_start_of_a_long_query_reads_only_what_it_needs() {
    let long = "status_in:new ".repeat(80_000);
    let completions = options().complete(&long, 12).expect("completes");
    assert_eq!(completions.replace, Span::new(10, 13));
    assert_eq!(inserts(&completions), ["new", "assigned"]);
    let end = options().complete(&long, long.len()).expect("completes");
    assert_eq!(end.replace, Span::new(long.len(), long.len()));
}

#[test]
fn inserting_a_value_gives_a_valid_term() {
    for keyword in
        ["assigned_to_me", "status_in", "order", "language", "first_content_after", "needs_manual_categorization"]
    {
        let text = format!("{keyword}:");
        for item in options().complete(&text, text.len()).expect("completes").items {
            let query = format!("{text}{}", item.insert);
            assert!(options().check(&query).is_ok(), "{query}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_replaces_within_the_text(
        text in r#"(-?[a-zA-Zé_]{0,12}:?("[^"]{0,6}"?|[a-z0-9 ]{0,6})[ ]?){0,4}"#,
        at in 0usize..64,
    ) {
        let cursor = at.min(text.len());
        match options().complete(&text, cursor) {
            Ok(completions) => {
                let Span { start, end } = completions.replace;
                prop_assert!(start <= cursor && end <= text.len() && start <= end);
                prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                for item in &completions.items {
                    prop_assert!(!item.insert.is_empty());
                }
            }
            Err(error) => prop_assert!(!text.is_char_boundary(cursor), "{error}"),
        }
    }
}

#[test]
fn with_omniq_options_omniq_keywords_are_offered() {
    let options: Options =
        serde_json::from_str(r#"{"now": "2026-12-03T12:00:00Z", "omniq": {"index": "communications"}}"#)
            .expect("options");
    let completions = options.complete("created_a", 9).expect("completes");
    assert_eq!(inserts(&completions), ["created_after:"]);
    // Free text is negatable in OmniQ, so `-text:` is offered there.
    let negated = options.complete("-tex", 4).expect("completes");
    assert_eq!(inserts(&negated), ["-text:"]);
}
