//! The edits hints propose, as data: applying a diagnostic's replacement
//! removes that diagnostic and adds no error, on generated near misses of
//! every family that proposes one.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use ringq::{Code, Diagnostic, OmniqIndex, OmniqOptions, Options};

const NOW: &str = "2026-11-24T15:30:00Z";

fn options() -> Options {
    let now: DateTime<Utc> = NOW.parse().expect("an RFC 3339 instant");
    Options::at(now)
}

/// The same options compiling to an OmniQ plan on `communications`.
fn omniq_options() -> Options {
    let mut omniq = OmniqOptions::new(OmniqIndex::Communications);
    omniq.plan = true;
    let mut options = options();
    options.omniq = Some(omniq);
    options.lenient = true;
    options
}

/// Every diagnostic of `query`, errors and warnings.
fn diagnostics(query: &str) -> Vec<Diagnostic> {
    diagnostics_with(&options(), query)
}

fn diagnostics_with(options: &Options, query: &str) -> Vec<Diagnostic> {
    match options.check(query) {
        Ok(report) => report.warnings().to_vec(),
        Err(error) => error.diagnostics().to_vec(),
    }
}

fn count(diagnostics: &[Diagnostic], code: Code) -> usize {
    diagnostics.iter().filter(|d| d.code() == code).count()
}

fn errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// The rule: each replacement, applied alone, leaves one fewer diagnostic
/// of its code and no more errors than the query had, less its own.
fn assert_fixes_hold(query: &str) -> Result<(), TestCaseError> {
    assert_fixes_hold_with(&options(), query)
}

fn assert_fixes_hold_with(options: &Options, query: &str) -> Result<(), TestCaseError> {
    let diagnostics = |query: &str| diagnostics_with(options, query);
    let before = diagnostics(query);
    for d in before.iter().filter(|d| d.replacement().is_some()) {
        let fix = d.replacement().expect("filtered");
        let fixed = fix.apply(query);
        prop_assert!(fixed.is_some(), "{fix:?} does not apply to {query:?}");
        let fixed = fixed.unwrap_or_default();
        let after = diagnostics(&fixed);
        prop_assert!(
            count(&after, d.code()) < count(&before, d.code()),
            "{query:?} -> {fixed:?} keeps its {:?}: {after:#?}",
            d.code()
        );
        let allowed = errors(&before) - usize::from(d.is_error());
        prop_assert!(errors(&after) <= allowed, "{query:?} -> {fixed:?} adds an error: {after:#?}");
    }
    Ok(())
}

/// Terms, valid and near misses of each family whose hint proposes an edit.
const PIECES: &[&str] = &[
    "assigned_to_me:true",
    "status_in:new",
    "-status_in:replied",
    "refund",
    "\"two words\"",
    "first_content_after:yesterday",
    "order:created_at.asc",
    "asigned_to_me:true",
    "-asigned_to_me:yes",
    "categorised_in:42",
    "assigned_to_me:ture",
    "assigned_to_me:flase",
    "status_in:repled",
    "status_in:\"in progess\"",
    "order:create_at.dsc",
    "order:last_content_at.dec",
    "“typographic quotes”",
    "\"a\\qb\"",
    "\"x\"y",
    "OR",
    "AND",
    "status_in=new",
    "assigned_to_me=true",
    "-first_content_after:yesterday",
    "-first_content_before:\"2 days ago\"",
    "first_content_after:2 weeks ago",
    "first_content_before:3 days ago at 4pm",
    "first_content_after:2006",
    "first_content_after:\"jan 3 at midnight\"",
    "first_content_after:\"noon yesterday\"",
    "first_content_after:\"meeting today\"",
    "status_in:new,replied",
    "status_in:new;replie",
    "-status_in:\"new | replied\"",
    "status_in:new,zzzz",
    "categorized_in:12,34",
    "-identity:1,2",
    "source:a|b|c",
    "status_in:new\u{200b}",
    "\u{feff}assigned_to_me:true",
    "assigned_to:42\u{200f}",
    "status_in\u{200b}:new",
    "\u{2060}",
    "re\u{202e}fund",
    "first_content_after:yesterday\u{200b}",
    "first_content_after:2",
    "first_content_before:0930",
    "first_content_after:2006",
    "first_content_after:100",
    "first_content_after:\"last fridday\"",
    "first_content_before:\"2 weks ago\"",
    "first_content_after:tomorow",
    "first_content_after:\"janury 3\"",
    "first_content_after:\"next mondya at noon\"",
];

/// A query of up to five pieces, sometimes ending in an unclosed quote,
/// sometimes with a keyword's letter dropped.
fn query() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(prop::sample::select(PIECES), 1..5);
    (pieces, any::<bool>(), any::<prop::sample::Index>(), any::<bool>()).prop_map(|(pieces, open, at, drop)| {
        let mut query = pieces.join(" ");
        if drop {
            // A typo: one letter of the first keyword gone.
            if let Some(colon) = query.find(':').filter(|&c| c > 1) {
                let i = at.index(colon);
                if query.is_char_boundary(i) && query.is_char_boundary(i + 1) {
                    query.remove(i);
                }
            }
        }
        if open {
            query.push_str(" \"unclosed value");
        }
        query
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn applying_a_replacement_removes_its_diagnostic_and_adds_no_error(query in query()) {
        assert_fixes_hold(&query)?;
    }
}

/// Terms of OmniQ queries: document fields and near misses of them.
const OMNIQ_PIECES: &[&str] = &[
    "platform:web",
    "platfrom:web",
    "campain:spring",
    "createdat:2025-05-20",
    "createdat:web",
    "isnewclient:yes",
    "isnewclient:maybe",
    "agentTotalTim:12",
    "workflow.attrs.contact.emial:a@b.c",
    "created_after:2025-05-20",
    "created_aftr:2025-05-20",
    "zzz:1",
    "refund",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn in_omniq_queries_too(pieces in prop::collection::vec(prop::sample::select(OMNIQ_PIECES), 1..4)) {
        assert_fixes_hold_with(&omniq_options(), &pieces.join(" "))?;
    }
}

#[test]
fn every_piece_alone_holds_to_the_rule() {
    for piece in PIECES {
        assert_fixes_hold(piece).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The families that propose an edit do carry one.
#[test]
fn near_misses_carry_their_edit() {
    let cases = [
        ("asigned_to_me:true", "assigned_to_me:true"),
        ("assigned_to_me:ture", "assigned_to_me:true"),
        ("status_in:repled", "status_in:replied"),
        ("order:create_at.dsc", "order:created_at.desc"),
        ("“two words”", "\"two words\""),
        ("\"a\\qb\"", "\"a\\\\qb\""),
        ("\"x\"y", "\"x\" y"),
        ("refund OR billing", "refund billing"),
        ("status_in=new", "status_in:new"),
        ("-first_content_after:yesterday", "first_content_before:yesterday"),
        ("first_content_after:2 weeks ago", "first_content_after:\"2 weeks ago\""),
        ("refund refund", "refund"),
        ("text:\"open", "text:\"open\""),
        ("status_in:new,replied", "status_in:new status_in:replied"),
        ("-status_in:\"assigned; replie\"", "-status_in:assigned -status_in:replied"),
        ("categorized_in:12|34", "categorized_in:12 categorized_in:34"),
        ("status_in:replied\u{200b}", "status_in:replied"),
        ("refund \u{200b}", "refund"),
        ("assigned_to:42\u{200f} refund", "assigned_to:42 refund"),
        ("first_content_after:2", "first_content_after:14:00"),
        ("first_content_after:0930 refund", "first_content_after:09:30 refund"),
        ("first_content_after:\"last fridday\"", "first_content_after:\"last friday\""),
        ("first_content_after:yestreday refund", "first_content_after:yesterday refund"),
        ("first_content_before:\"tomorow at 4pm\"", "first_content_before:\"tomorrow at 4pm\""),
    ];
    for (query, fixed) in cases {
        let all = diagnostics(query);
        let applied: Vec<String> = all.iter().filter_map(|d| d.replacement()?.apply(query)).collect();
        assert!(applied.iter().any(|a| a == fixed), "{query:?}: {applied:?} from {all:#?}");
    }
}

#[test]
fn omniq_near_misses_carry_their_edit() {
    let cases = [
        ("platfrom:web refund", "platform:web refund"),
        ("createdat:2025-05-20", "createdAt:2025-05-20"),
        ("isnewclient:yes", "isNewClient:yes"),
        ("created_aftr:2025-05-20", "created_after:2025-05-20"),
    ];
    for (query, fixed) in cases {
        let all = diagnostics_with(&omniq_options(), query);
        let applied: Vec<String> = all.iter().filter_map(|d| d.replacement()?.apply(query)).collect();
        assert!(applied.iter().any(|a| a == fixed), "{query:?}: {applied:?} from {all:#?}");
    }
    // A near miss whose value does not fit the field is named, not edited.
    let all = diagnostics_with(&omniq_options(), "createdat:web");
    assert!(all.iter().any(|d| d.code() == Code::UnknownField && d.replacement().is_none()), "{all:#?}");
}

/// The measure, on near misses of each family that are not its
/// examples: the hint names the intended form, and the edit, applied,
/// gives a query that `ringq check` accepts with no warning of that kind.
#[test]
fn held_out_near_misses_are_mended_by_their_hint() {
    // (query, the intended query, asked of OmniQ)
    let cases: &[(&str, &str, bool)] = &[
        // Lists in one value of an "any of" keyword.
        ("status_in:assigned|ignored", "status_in:assigned status_in:ignored", false),
        ("source:7;8", "source:7 source:8", false),
        ("categorized_in:\"3, 4, 5\"", "categorized_in:3 categorized_in:4 categorized_in:5", false),
        ("status_in:forwarded,user_reply", "status_in:forwarded status_in:user_reply", false),
        // Invisible characters.
        ("status_in:ignored\u{200d}", "status_in:ignored", false),
        ("assigned_to_me:true\u{2060}", "assigned_to_me:true", false),
        ("\u{200e}status_in:forwarded", "status_in:forwarded", false),
        ("assigned_to_team:7\u{feff}", "assigned_to_team:7", false),
        // Bare numbers as dates.
        ("last_content_after:5", "last_content_after:\"2026-11-23 17:00\"", false),
        ("last_content_before:0815", "last_content_before:08:15", false),
        ("first_content_after:11", "first_content_after:11:00", false),
        // Typos in dates.
        ("first_content_after:\"last thrusday\"", "first_content_after:\"last thursday\"", false),
        ("last_content_before:\"3 dyas ago\"", "last_content_before:\"3 days ago\"", false),
        ("first_content_after:\"febuary 2\"", "first_content_after:\"february 2\"", false),
        ("last_content_after:\"yesterdy at 9am\"", "last_content_after:\"yesterday at 9am\"", false),
        // Names from OmniQ and the APIs.
        ("created_before:2025-06-01", "first_content_before:2025-06-01", false),
        ("plaform:web", "platform:web", true),
        ("campaing:spring", "campaign:spring", true),
        ("workflow.attrs.contact.frstName:ana", "workflow.attrs.contact.firstName:ana", true),
        // The families that were there before, through the same door.
        ("assigned_to_mee:true", "assigned_to_me:true", false),
        ("status_in:ignord", "status_in:ignored", false),
        ("order:last_content_at.asce", "order:last_content_at.asc", false),
    ];
    for &(query, intended, omniq) in cases {
        let options = if omniq { omniq_options() } else { options() };
        let all = diagnostics_with(&options, query);
        let Some(d) = all.iter().find(|d| d.replacement().and_then(|r| r.apply(query)).as_deref() == Some(intended))
        else {
            panic!("{query:?}: no edit gives {intended:?}: {all:#?}");
        };
        let hint = d.hint().unwrap_or_default();
        let fix = d.replacement().map(|r| r.text()).unwrap_or_default();
        assert!(
            fix.is_empty() || hint.contains(fix) || hint.contains(fix.trim_matches('"')),
            "{query:?}: the hint {hint:?} does not name {fix:?}"
        );
        let after = options.check(intended).unwrap_or_else(|e| panic!("{intended:?} is rejected:\n{e}"));
        assert!(
            after.warnings().iter().all(|w| w.code() != d.code()),
            "{intended:?} still warns {:?}: {:#?}",
            d.code(),
            after.warnings()
        );
    }
}
