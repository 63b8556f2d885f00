//! The canonical printer (SPEC section 2).
//!
//! Prints a [`Query`] so that parsing the output gives the same query back,
//! whatever the values contain: a value is quoted when it must be, and inside
//! quotes `"` and `\` (and the typographic quotes, which the parser reads as
//! `"`) are escaped, so no value can ever end its quotes and inject a term.

use std::fmt::{self, Write as _};

use crate::query::{Query, Term, Value};
use crate::syntax::{is_quote, is_space};

impl fmt::Display for Query {
    /// The canonical form: terms in order, joined by one space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.terms().iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Term {
    /// `[-]keyword:value`, or the bare value for a text term.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_negated() {
            f.write_char('-')?;
        }
        let text = self.is_text();
        if !text {
            f.write_str(self.keyword())?;
            f.write_char(':')?;
        }
        match self.value() {
            // A sort order never needs quotes; printing it directly saves
            // building its text.
            Value::Order(order) => write!(f, "{order}"),
            value => write_value(f, &value.canonical_text(), text),
        }
    }
}

/// Whether `value` must be quoted to read back as itself: it is empty, has
/// white space, a quote or a backslash, or (as a bare text term) it would
/// read as `keyword:value` or as a negation.
pub fn needs_quotes(value: &str, bare_text: bool) -> bool {
    let special = |c: char| is_space(c) || is_quote(c) || c == '\\';
    value.is_empty()
        // Byte by byte for ASCII (the usual case), char by char otherwise.
        || if value.is_ascii() { value.bytes().any(|b| special(char::from(b))) } else { value.chars().any(special) }
        || (bare_text && (value.contains(':') || value.starts_with('-')))
}

/// Writes `value`, quoted and escaped only when it must be.
fn write_value(out: &mut impl fmt::Write, value: &str, bare_text: bool) -> fmt::Result {
    if !needs_quotes(value, bare_text) {
        return out.write_str(value);
    }
    out.write_char('"')?;
    for c in value.chars() {
        if is_quote(c) || c == '\\' {
            out.write_char('\\')?;
        }
        out.write_char(c)?;
    }
    out.write_char('"')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::catalog::{Catalog, Negation, ValueType};
    use crate::query::{Order, OrderField, SortDirection};
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
    fn catalogue_term() -> impl Strategy<Value = Term> {
        let catalog = Catalog::ringcx();
        let specs: Vec<_> = catalog.keywords().to_vec();
        (proptest::sample::select(specs), any::<bool>()).prop_flat_map(|(spec, minus)| {
            let negated = minus && !spec.value.is_boolean() && spec.negation != Negation::NotSupported;
            let name = spec.name.to_string();
            let value: BoxedStrategy<Value> = match spec.value {
                ValueType::Bool | ValueType::Flag => any::<bool>().prop_map(Value::Bool).boxed(),
                ValueType::Words => non_empty_string().prop_map(Value::Text).boxed(),
                ValueType::Status => proptest::sample::select(vec!["new", "replied", "user_reply", "ignored"])
                    .prop_map(|s| Value::Status(s.to_owned()))
                    .boxed(),
                ValueType::Language => "[a-z]{2,3}(-[A-Z]{2})?".prop_map(Value::Language).boxed(),
                ValueType::Date => proptest::sample::select(vec!["yesterday", "2 weeks ago at 4pm", "2011-02-03"])
                    .prop_map(|s| Value::Date(crate::validate::date_value(s).unwrap()))
                    .boxed(),
                ValueType::Order => (any::<bool>(), any::<bool>())
                    .prop_map(|(c, a)| {
                        Value::Order(Order {
                            field: if c { OrderField::CreatedAt } else { OrderField::LastContentAt },
                            direction: if a { SortDirection::Asc } else { SortDirection::Desc },
                        })
                    })
                    .boxed(),
                _ => non_empty_string().prop_map(Value::Id).boxed(),
            };
            value.prop_map(move |v| Term::new(name.clone(), negated, v))
        })
    }

    /// A term of a keyword outside the catalogue (lenient mode).
    fn opaque_term() -> impl Strategy<Value = Term> {
        ("[a-zA-Z_][a-zA-Z0-9_.]{0,12}", any::<bool>(), tricky_string())
            .prop_filter("not a catalogue keyword", |(k, _, _)| Catalog::ringcx().get(k).is_none())
            .prop_map(|(k, negated, v)| Term::new(k, negated, Value::Raw(v)))
    }

    fn arbitrary_query() -> impl Strategy<Value = Query> {
        proptest::collection::vec(prop_oneof![3 => catalogue_term(), 1 => opaque_term()], 0..8).prop_map(|terms| {
            let mut seen_order = false;
            Query::from_terms(
                terms
                    .into_iter()
                    .filter(|t| !matches!(t.value(), Value::Order(_)) || !std::mem::replace(&mut seen_order, true)),
            )
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
        let term = Term::new("foreign", false, Value::Id("x\" assigned_to_me:true \"".into()));
        let printed = term.to_string();
        assert_eq!(printed, r#"foreign:"x\" assigned_to_me:true \"""#);
        let query = Parser::new().parse(&printed).unwrap().into_query();
        assert_eq!(query.terms(), &[term]);
    }
}
