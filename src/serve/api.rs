//! The JSON API, without HTTP: a request body in, a status and a JSON body
//! out. Every endpoint is one call to the front door ([`Options`]), so the
//! service answers exactly what the library and the command answer.

use chrono::Utc;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::diagnostic::{Code, Diagnostic, Error};
use crate::diagnostic_json::DiagnosticsJson;
use crate::front::Options;
use crate::template::Values;

/// The endpoints under `/v1/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Endpoint {
    Check,
    Format,
    Parse,
    Complete,
    Explain,
    Date,
    Omniq,
    Render,
}

impl Endpoint {
    pub(crate) const ALL: [Endpoint; 8] = [
        Endpoint::Check,
        Endpoint::Format,
        Endpoint::Parse,
        Endpoint::Complete,
        Endpoint::Explain,
        Endpoint::Date,
        Endpoint::Omniq,
        Endpoint::Render,
    ];

    /// The path it answers on.
    pub(crate) fn path(self) -> &'static str {
        match self {
            Endpoint::Check => "/v1/check",
            Endpoint::Format => "/v1/format",
            Endpoint::Parse => "/v1/parse",
            Endpoint::Complete => "/v1/complete",
            Endpoint::Explain => "/v1/explain",
            Endpoint::Date => "/v1/date",
            Endpoint::Omniq => "/v1/omniq",
            Endpoint::Render => "/v1/render",
        }
    }
}

/// The body key that holds the text, on every endpoint.
const TEXT_KEY: &str = "q";

/// The earlier name of [`TEXT_KEY`] on `/v1/date`, still read there.
const DATE_ALIAS: &str = "expr";

/// The body key that holds the text on `/v1/render`: a template.
const TEMPLATE_KEY: &str = "template";

/// The body key of the values bound into a template.
const VALUES_KEY: &str = "values";

/// A status and a JSON body.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    fn ok<T: Serialize>(value: &T) -> Answer {
        match serde_json::to_vec(value) {
            Ok(body) => Answer { status: 200, body },
            Err(e) => Answer::error(500, "internal", &format!("cannot write the answer: {e}")),
        }
    }

    /// `{"error": {"code", "message"}}`.
    pub(crate) fn error(status: u16, code: &str, message: &str) -> Answer {
        let body = serde_json::json!({"error": {"code": code, "message": message}});
        Answer { status, body: body.to_string().into_bytes() }
    }

    /// `{"error": {"code", "message", "diagnostics"}}`: an invalid query
    /// (422) or cursor (400), every diagnostic as [`DiagnosticsJson`]
    /// writes it.
    fn diagnostics(status: u16, code: &str, message: &str, source: &str, diagnostics: &[Diagnostic]) -> Answer {
        #[derive(Serialize)]
        struct Body<'a> {
            error: Inner<'a>,
        }
        #[derive(Serialize)]
        struct Inner<'a> {
            code: &'a str,
            message: &'a str,
            diagnostics: DiagnosticsJson<'a>,
        }
        let diagnostics = DiagnosticsJson::new(source, diagnostics);
        let answer = Answer::ok(&Body { error: Inner { code, message, diagnostics } });
        Answer { status, ..answer }
    }

    fn invalid_query(source: &str, error: &Error) -> Answer {
        Answer::diagnostics(422, "invalid_query", "the query is invalid", source, error.diagnostics())
    }
}

/// A 400 answer for a request that is not what the endpoint reads.
fn malformed(message: impl AsRef<str>) -> Answer {
    Answer::error(400, "malformed_request", message.as_ref())
}

/// Answers one request body on `endpoint`.
pub(crate) fn answer(endpoint: Endpoint, body: &[u8]) -> Answer {
    match request(endpoint, body) {
        Ok(request) => request.answer(endpoint),
        Err(answer) => answer,
    }
}

/// A request body read: the text, the cursor, and the options.
struct Request {
    text: String,
    cursor: Option<usize>,
    /// The values bound into `/v1/render`'s template.
    values: Option<Values>,
    options: Options,
}

/// Reads `{"q": "...", "cursor"?: N, ...options}` (on `/v1/date`, `expr`
/// is read as `q`): the keys other than the text and the cursor are
/// [`Options`], with `now` defaulting to the server's clock.
fn request(endpoint: Endpoint, body: &[u8]) -> Result<Request, Answer> {
    let mut object: Map<String, Value> =
        serde_json::from_slice(body).map_err(|e| malformed(format!("the body is not a JSON object: {e}")))?;
    let alias = if endpoint == Endpoint::Date { object.remove(DATE_ALIAS) } else { None };
    let text_key = if endpoint == Endpoint::Render { TEMPLATE_KEY } else { TEXT_KEY };
    let values = match (endpoint, object.remove(VALUES_KEY)) {
        (Endpoint::Render, Some(values)) => Some(serde_json::from_value::<Values>(values).map_err(|e| {
            malformed(format!(
                "`{VALUES_KEY}` must be an object of hole names to text, numbers, booleans, null or lists: {e}"
            ))
        })?),
        (Endpoint::Render, None) => Some(Values::new()),
        (_, Some(_)) => return Err(malformed(format!("`{VALUES_KEY}` is only read by {}", Endpoint::Render.path()))),
        (_, None) => None,
    };
    let (key, value) = match (object.remove(text_key), alias) {
        (Some(_), Some(_)) => {
            return Err(malformed(format!("give `{TEXT_KEY}` or its alias `{DATE_ALIAS}`, not both")));
        }
        (None, Some(value)) => (DATE_ALIAS, Some(value)),
        (value, None) => (text_key, value),
    };
    let text = match value {
        Some(Value::String(text)) => text,
        Some(_) => return Err(malformed(format!("`{key}` must be a string"))),
        None => return Err(malformed(format!("`{text_key}` is missing"))),
    };
    let cursor = match (endpoint, object.remove("cursor")) {
        (Endpoint::Complete, Some(value)) => match value.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(cursor) => Some(cursor),
            None => return Err(malformed("`cursor` must be a byte offset (an integer from 0)")),
        },
        (Endpoint::Complete, None) => return Err(malformed("`cursor` is missing")),
        (_, Some(_)) => return Err(malformed(format!("`cursor` is only read by {}", Endpoint::Complete.path()))),
        (_, None) => None,
    };
    let mut options = options(object)?;
    if options.now.is_none() {
        options.now = Some(Utc::now());
    }
    if endpoint == Endpoint::Omniq && options.omniq.is_none() {
        return Err(malformed("`omniq` is missing: {\"index\": \"communications\", ...}"));
    }
    Ok(Request { text, cursor, values, options })
}

/// The options of a request body. serde's message for a value of the wrong
/// type does not say whose value it is, so on an error each key is read
/// alone to find the one at fault, and the message names it.
fn options(object: Map<String, Value>) -> Result<Options, Answer> {
    let error = match serde_json::from_value::<Options>(Value::Object(object.clone())) {
        Ok(options) => return Ok(options),
        Err(error) => error,
    };
    let culprit = object.into_iter().find_map(|(key, value)| {
        let alone = Map::from_iter([(key.clone(), value)]);
        serde_json::from_value::<Options>(Value::Object(alone)).err().map(|e| (key, e))
    });
    Err(match culprit {
        // An unknown key's message already names it and lists the others.
        Some((_, error)) if error.to_string().starts_with("unknown field") => malformed(error.to_string()),
        Some((key, error)) => malformed(format!("`{key}`: {error}")),
        None => malformed(error.to_string()),
    })
}

impl Request {
    fn answer(self, endpoint: Endpoint) -> Answer {
        let text = self.text.as_str();
        match endpoint {
            Endpoint::Check => match self.options.check(text) {
                Ok(report) => Answer::ok(&report),
                Err(error) => Answer::invalid_query(text, &error),
            },
            Endpoint::Format => match self.options.format(text) {
                Ok(formatted) => Answer::ok(&formatted),
                Err(error) => Answer::invalid_query(text, &error),
            },
            Endpoint::Parse => match self.options.check(text) {
                Ok(report) => Answer::ok(&report.parse_view()),
                Err(error) => Answer::invalid_query(text, &error),
            },
            Endpoint::Omniq => match self.options.check(text) {
                Ok(report) => Answer::ok(&report.omniq()),
                Err(error) => Answer::invalid_query(text, &error),
            },
            Endpoint::Complete => match self.options.complete(text, self.cursor.unwrap_or(text.len())) {
                Ok(completions) => Answer::ok(&completions),
                Err(error) => Answer::diagnostics(
                    400,
                    "invalid_cursor",
                    "the cursor is not in the query",
                    text,
                    error.diagnostics(),
                ),
            },
            Endpoint::Explain => Answer::ok(&self.options.explain(text)),
            Endpoint::Date => self.date(),
            Endpoint::Render => self.render(),
        }
    }

    /// `{"query", "diagnostics"}`: the canonical query and its warnings
    /// (spans into the query), or 422 with the diagnostics of the template
    /// (spans into the template), each naming its hole.
    fn render(&self) -> Answer {
        #[derive(Serialize)]
        struct Rendered<'a> {
            query: &'a str,
            diagnostics: DiagnosticsJson<'a>,
        }
        let values = self.values.clone().unwrap_or_default();
        let rendered = match self.options.render(&self.text, &values) {
            Ok(rendered) => rendered,
            Err(error) => {
                let message = "the template, or a value bound into it, is invalid";
                return Answer::diagnostics(422, "invalid_template", message, &self.text, error.diagnostics());
            }
        };
        match self.options.check(&rendered) {
            Ok(report) => Answer::ok(&Rendered {
                query: report.canonical(),
                diagnostics: DiagnosticsJson::new(report.canonical(), report.warnings()),
            }),
            Err(error) => Answer::invalid_query(&rendered, &error),
        }
    }

    /// [`crate::DateAnswer`] (`{"start", "end", "reading", "warnings",
    /// "readings"?}`), or the date's error.
    fn date(&self) -> Answer {
        match self.options.date(&self.text) {
            Ok(answer) => Answer::ok(&answer),
            Err(error) if error.diagnostics().iter().any(|d| d.code() == Code::NoInstant) => {
                malformed("no `now` to resolve against")
            }
            Err(error) => {
                Answer::diagnostics(422, "invalid_date", "the date is invalid", &self.text, error.diagnostics())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(answer: &Answer) -> Value {
        serde_json::from_slice(&answer.body).unwrap_or(Value::Null)
    }

    #[test]
    fn each_endpoint_calls_the_front_door() {
        let now = r#""now": "2026-12-03T12:00:00Z""#;
        let check = answer(Endpoint::Check, format!(r#"{{"q": "assigned_to_me:yes", {now}}}"#).as_bytes());
        assert_eq!((check.status, json(&check)["canonical"].clone()), (200, "assigned_to_me:true".into()));
        let format = answer(Endpoint::Format, br#"{"q": "first_content_after:YESTERDAY"}"#);
        assert_eq!(json(&format), serde_json::json!({"canonical": "first_content_after:yesterday"}));
        let date = answer(Endpoint::Date, format!(r#"{{"q": "yesterday", {now}}}"#).as_bytes());
        assert_eq!(json(&date)["start"], "2026-12-02T00:00:00Z");
        // `expr`, the earlier name, is read as `q`.
        let alias = answer(Endpoint::Date, format!(r#"{{"expr": "yesterday", {now}}}"#).as_bytes());
        assert_eq!(json(&alias), json(&date));
        let body = format!(r#"{{"q": "jan 3 at midnight", {now}}}"#);
        let both = json(&answer(Endpoint::Date, body.as_bytes()));
        assert_eq!((&both["start"], &both["reading"]), (&Value::from("2026-01-04T00:00:00Z"), &Value::from("ringcx")));
        assert_eq!(both["readings"]["intended"]["start"], "2026-01-03T00:00:00Z");
        assert_eq!(both["warnings"][0]["code"], "date_readings_differ");
        let body = format!(r#"{{"q": "jan 3 at midnight", "dates": "intended", {now}}}"#);
        assert_eq!(json(&answer(Endpoint::Date, body.as_bytes()))["start"], "2026-01-03T00:00:00Z");
        let omniq = answer(Endpoint::Omniq, br#"{"q": "platform:web", "omniq": {"index": "communications"}}"#);
        assert_eq!(json(&omniq)["filterBy"], serde_json::json!({"platform": "web"}));
        let complete = answer(Endpoint::Complete, br#"{"q": "stat", "cursor": 4}"#);
        assert_eq!(json(&complete)["items"][0]["insert"], "status_in:");
        let explain = answer(Endpoint::Explain, br#"{"q": "stauts:x"}"#);
        assert_eq!((explain.status, json(&explain)["canonical"].clone()), (200, Value::Null));
        let parse = answer(Endpoint::Parse, br#"{"q": "refund"}"#);
        assert_eq!(json(&parse)["terms"][0]["keyword"], "text");
    }

    #[test]
    fn bad_requests_say_what_is_wrong() {
        let cases: &[(Endpoint, &[u8], u16, &str)] = &[
            (Endpoint::Check, b"{", 400, "the body is not a JSON object"),
            (Endpoint::Check, b"[1]", 400, "the body is not a JSON object"),
            (Endpoint::Check, b"{}", 400, "`q` is missing"),
            (Endpoint::Check, br#"{"q": 1}"#, 400, "`q` must be a string"),
            (Endpoint::Check, br#"{"q": "", "tz": "Mars/Olympus"}"#, 400, "unknown time zone `Mars/Olympus`"),
            (Endpoint::Check, br#"{"q": "", "tz": "europe/paris"}"#, 400, "did you mean `Europe/Paris`?"),
            (Endpoint::Check, br#"{"q": "", "now": "noon"}"#, 400, "unknown instant `noon`. Use an RFC 3339"),
            (Endpoint::Check, br#"{"q": "", "locale": "de"}"#, 400, "unknown locale `de`. Use `en`"),
            (Endpoint::Check, br#"{"q": "", "dates": "Intended"}"#, 400, "did you mean `intended`?"),
            (Endpoint::Check, br#"{"q": "", "colour": 1}"#, 400, "unknown field `colour`"),
            (Endpoint::Check, br#"{"q": "", "cursor": 1}"#, 400, "`cursor` is only read by /v1/complete"),
            (Endpoint::Complete, br#"{"q": ""}"#, 400, "`cursor` is missing"),
            (Endpoint::Complete, br#"{"q": "", "cursor": -1}"#, 400, "`cursor` must be a byte offset"),
            (Endpoint::Complete, "{\"q\": \"é\", \"cursor\": 1}".as_bytes(), 400, "the cursor is not in the query"),
            (Endpoint::Omniq, br#"{"q": ""}"#, 400, "`omniq` is missing"),
            (Endpoint::Check, br#"{"q": "assigned:maybe"}"#, 422, "the query is invalid"),
            (Endpoint::Date, br#"{"q": "blursday"}"#, 422, "the date is invalid"),
            (Endpoint::Date, br#"{}"#, 400, "`q` is missing"),
            (Endpoint::Date, br#"{"q": "now", "expr": "now"}"#, 400, "give `q` or its alias `expr`, not both"),
            (Endpoint::Date, br#"{"expr": 3}"#, 400, "`expr` must be a string"),
            (Endpoint::Check, br#"{"q": "", "expr": "now"}"#, 400, "unknown field `expr`"),
            (Endpoint::Check, br#"{"q": "", "lenient": "yes"}"#, 400, "`lenient`: invalid type: string \"yes\", expected a boolean"),
            (Endpoint::Check, br#"{"q": "", "now": 3}"#, 400, "`now`: invalid type"),
            (Endpoint::Omniq, br#"{"q": "", "omniq": {"index": "comunications"}}"#, 400, "`omniq`: unknown index `comunications`; did you mean `communications`? The documented entities are templates_reports"),
            (Endpoint::Omniq, br#"{"q": "", "omniq": {"index": "users", "size": 0}}"#, 400, "`omniq`: "),
        ];
        for (endpoint, body, status, message) in cases {
            let answer = answer(*endpoint, body);
            let json = json(&answer);
            let text = json["error"]["message"].as_str().unwrap_or_default();
            assert_eq!(answer.status, *status, "{endpoint:?} {json}");
            assert!(text.contains(message), "{endpoint:?}: {text}");
        }
        let invalid = json(&answer(Endpoint::Check, br#"{"q": "assigned:maybe"}"#));
        assert_eq!(invalid["error"]["diagnostics"][0]["span"], serde_json::json!({"start": 9, "end": 14}));
    }
}
