//! The canonical printer (shared/SPEC.md §2, "Canonical form"): how one
//! value is written.
//!
//! A value is quoted when it must be, and inside quotes `"` and `\` (and
//! the typographic quotes, which the parser reads as `"`) are escaped, so no
//! value can ever end its quotes and inject a term. [`crate::Query`] is
//! written term by term through [`write_value`] as it is made, so printing
//! a query afterwards costs nothing.

use crate::syntax::{is_quote, is_space, AsciiSet};

/// Whether `c` must be escaped inside quotes.
fn is_escaped(c: char) -> bool {
    is_quote(c) || c == '\\'
}

/// Whether `value` must be quoted to read back as itself: it is empty, has
/// white space, a quote or a backslash, or (as a bare text term) it would
/// read as `keyword:value` or as a negation.
pub fn needs_quotes(value: &str, bare_text: bool) -> bool {
    /// The ASCII characters that make a value quoted: white space, `"`, `\`.
    static SPECIAL: AsciiSet = AsciiSet::of(b" \t\n\x0b\x0c\r\"\\");
    let special = |c: char| is_space(c) || is_escaped(c);
    // Byte by byte while the value is ASCII (the usual case), char by char
    // from its first other character.
    let bytes = value.as_bytes();
    let has_special = match bytes.iter().position(|&b| !b.is_ascii() || SPECIAL.contains(b)) {
        None => false,
        Some(i) => {
            bytes.get(i).is_some_and(u8::is_ascii) || value.get(i..).is_some_and(|rest| rest.chars().any(special))
        }
    };
    value.is_empty() || has_special || (bare_text && (value.contains(':') || value.starts_with('-')))
}

/// Appends `value` to `out`, quoted and escaped only when it must be;
/// whether anything was escaped (the printed text is then not the value).
pub fn write_value(out: &mut String, value: &str, bare_text: bool) -> bool {
    if !needs_quotes(value, bare_text) {
        out.push_str(value);
        return false;
    }
    out.push('"');
    let escapes = value.contains(is_escaped);
    if escapes {
        for c in value.chars() {
            if is_escaped(c) {
                out.push('\\');
            }
            out.push(c);
        }
    } else {
        out.push_str(value);
    }
    out.push('"');
    escapes
}

/// `value` as the canonical form writes it (see [`write_value`]).
pub fn quoted(value: &str, bare_text: bool) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    write_value(&mut out, value, bare_text);
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::catalog::{Catalog, Negation, Repeat, ValueType};
    use crate::query::{Order, OrderField, Query, SortDirection};
    use crate::validate::{QueryShape, TermShape, ValueShape};
    use crate::Parser;

    /// Strings rich in the characters that make quoting hard.
    fn tricky_string() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[\"\\\\:\\- \t\u{201c}\u{201d}\u{3000}ab]{0,8}",
            Just("-".to_owned()),
            Just("a:b".to_owned()),
            Just("\\\"".to_owned()),
        ]
    }

    fn non_empty_string() -> impl Strategy<Value = String> {
        tricky_string().prop_filter("non-empty", |s| !s.is_empty())
    }

    /// A term of a catalogue keyword, with a value of the keyword's type.
    fn catalogue_term() -> impl Strategy<Value = TermShape> {
        let catalog = Catalog::ringcx();
        let specs: Vec<_> = catalog.keywords().to_vec();
        (proptest::sample::select(specs), any::<bool>()).prop_flat_map(|(spec, minus)| {
            let negated = minus && !spec.value.is_boolean() && spec.negation != Negation::NotSupported;
            let name = spec.name.to_string();
            let value: BoxedStrategy<ValueShape> = match spec.value {
                ValueType::Bool | ValueType::Flag => any::<bool>().prop_map(ValueShape::Bool).boxed(),
                ValueType::Words => non_empty_string().prop_map(ValueShape::Text).boxed(),
                ValueType::Status => proptest::sample::select(vec!["new", "replied", "user_reply", "ignored"])
                    .prop_map(|s| ValueShape::Status(s.to_owned()))
                    .boxed(),
                ValueType::Language => "[a-z]{2,3}(-[A-Z]{2})?".prop_map(ValueShape::Language).boxed(),
                ValueType::Date => proptest::sample::select(vec!["yesterday", "2 weeks ago at 4pm", "2011-02-03"])
                    .prop_map(|s| ValueShape::Date(s.to_owned()))
                    .boxed(),
                ValueType::Order => (any::<bool>(), any::<bool>())
                    .prop_map(|(c, a)| {
                        ValueShape::Order(Order {
                            field: if c { OrderField::CreatedAt } else { OrderField::LastContentAt },
                            direction: if a { SortDirection::Asc } else { SortDirection::Desc },
                        })
                    })
                    .boxed(),
                // An "any of" keyword takes one value per term: a list in one
                // value is an error since `status_in:new,replied` had to say so.
                _ if spec.repeat == Repeat::AnyOf => non_empty_string()
                    .prop_filter("one value, not a list", |s| !crate::validate::is_list(s))
                    .prop_map(ValueShape::Id)
                    .boxed(),
                _ => non_empty_string().prop_map(ValueShape::Id).boxed(),
            };
            value.prop_map(move |value| TermShape { keyword: name.clone(), negated, value })
        })
    }

    /// A term of a keyword outside the catalogue (lenient mode).
    fn opaque_term() -> impl Strategy<Value = TermShape> {
        ("[a-zA-Z_][a-zA-Z0-9_.]{0,12}", any::<bool>(), tricky_string())
            .prop_filter("not a catalogue keyword", |(k, _, _)| Catalog::ringcx().get(k).is_none())
            .prop_map(|(keyword, negated, v)| TermShape { keyword, negated, value: ValueShape::Raw(v) })
    }

    fn arbitrary_query() -> impl Strategy<Value = Query> {
        proptest::collection::vec(prop_oneof![3 => catalogue_term(), 1 => opaque_term()], 0..8).prop_map(|terms| {
            let mut seen_order = false;
            let terms = terms
                .into_iter()
                .filter(|t| !matches!(t.value, ValueShape::Order(_)) || !std::mem::replace(&mut seen_order, true))
                .collect();
            QueryShape { terms }.write().expect("terms of the right shapes")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn printed_query_parses_back_to_itself(query in arbitrary_query()) {
            let printed = query.to_string();
            let parsed = Parser::new().lenient(true).parse(&printed);
            prop_assert!(parsed.is_ok(), "{printed:?} does not parse: {parsed:?}");
            prop_assert_eq!(parsed.map(|p| p.into_query()).ok(), Some(query), "{:?}", printed);
        }

        #[test]
        fn printing_is_idempotent(text in "[ a-z_:\"\\\\\\-.1\u{201c}\u{201d}]{0,40}") {
            let parser = Parser::new().lenient(true);
            if let Ok(parsed) = parser.parse(&text) {
                let once = parsed.query().to_string();
                let again = parser.parse(&once).map(|p| p.query().to_string());
                prop_assert_eq!(again.ok(), Some(once));
            }
        }
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_character_rule() {
        let reference = |value: &str| value.chars().any(|c| is_space(c) || is_escaped(c));
        for c in (0u8..=0x7f).map(char::from).chain(['\u{85}', '\u{a0}', '\u{3000}', '“', 'é']) {
            for value in [format!("{c}"), format!("ab{c}"), format!("é{c}x")] {
                assert_eq!(needs_quotes(&value, false), reference(&value), "{value:?}");
            }
        }
    }

    #[test]
    fn quotes_only_when_needed() {
        assert!(!needs_quotes("refund", true));
        assert!(needs_quotes("", false));
        assert!(needs_quotes("a b", false));
        assert!(needs_quotes("a:b", true));
        assert!(!needs_quotes("a:b", false));
        assert!(needs_quotes("-a", true));
        assert!(!needs_quotes("-a", false));
        assert!(needs_quotes("say\"hi", false));
        assert!(needs_quotes("back\\slash", false));
        assert!(needs_quotes("“x", false));
    }

    #[test]
    fn a_value_cannot_inject_a_term() {
        let value = "x\" assigned_to_me:true \"";
        let term = TermShape { keyword: "source".into(), negated: false, value: ValueShape::Id(value.into()) };
        let query = QueryShape { terms: vec![term] }.write().unwrap();
        assert_eq!(query.as_str(), r#"source:"x\" assigned_to_me:true \"""#);
        let read_back = Parser::new().parse(query.as_str()).unwrap().into_query();
        assert_eq!(read_back, query);
        assert_eq!(read_back.term(0).map(|t| t.value()), Some(crate::Value::Id(value)));
    }
}
