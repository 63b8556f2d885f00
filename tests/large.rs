//! The parser is linear and never panics: megabyte-sized queries of every
//! troublesome shape finish quickly and give an answer.

use ringq::{Parser, Query};

const MB: usize = 1 << 20;

fn check_finishes(text: &str) -> Result<usize, usize> {
    let parsed = Parser::new().lenient(true).parse(text);
    parsed.map(|p| p.query().terms().len()).map_err(|e| e.diagnostics().len())
}

#[test]
fn one_megabyte_of_terms() {
    let text = "assigned_to_me:true refund -status_in:replied ".repeat(MB / 46);
    assert_eq!(check_finishes(&text), Ok(3));
    let distinct: String = (0..MB / 12).map(|i| format!("src:{i:07} ")).collect();
    assert_eq!(check_finishes(&distinct), Ok(MB / 12));
}

#[test]
fn one_huge_quoted_value() {
    let text = format!("foreign:\"{}\"", "a \\\" b ".repeat(MB / 8));
    let query: Query = text.parse().unwrap();
    assert_eq!(query.to_string().len(), text.len());
}

#[test]
fn a_hundred_thousand_dashes() {
    assert!(check_finishes(&"-".repeat(100_000)).is_err());
    assert!(check_finishes(&"- ".repeat(100_000)).is_ok());
}

#[test]
fn a_hundred_thousand_unterminated_quotes() {
    assert_eq!(check_finishes(&"\"".repeat(100_000)), Err(1));
    // `" " " " …` is 50,000 times the quoted value " ", all duplicates.
    assert_eq!(check_finishes(&"\" ".repeat(100_000)), Ok(1));
    assert_eq!(check_finishes(&"\" ".repeat(100_001)), Err(1));
    assert!(check_finishes(&"kw:\"".repeat(100_000)).is_err());
}

#[test]
fn a_hundred_thousand_errors_render_quickly() {
    let text = "assigned:maybe ".repeat(100_000);
    let error = text.parse::<Query>().unwrap_err();
    assert_eq!(error.diagnostics().len(), 100_000);
    let rendered = error.to_string();
    assert!(rendered.ends_with("… and 99950 more diagnostics not shown\n"), "{}", &rendered[rendered.len() - 200..]);
}

#[test]
fn one_huge_keyword() {
    let text = format!("{}:x", "k".repeat(MB));
    let error = text.parse::<Query>().unwrap_err();
    assert_eq!(error.diagnostics().len(), 1);
}
