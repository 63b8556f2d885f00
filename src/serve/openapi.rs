//! The service's OpenAPI 3.1 document (`GET /v1/openapi.json`), written
//! from the endpoint list, so that an endpoint cannot be served without
//! being listed.

use serde_json::{json, Value};

use super::api::Endpoint;

/// What each endpoint does, the keys of its body besides the options, and
/// what a 200 holds.
fn describe(endpoint: Endpoint) -> (&'static str, Value, &'static str) {
    let q = json!({"q": {"type": "string", "description": "the query"}});
    match endpoint {
        Endpoint::Check => (
            "Validate a query: its canonical form, terms and warnings",
            q,
            "the report: `canonical`, `terms`, `warnings`",
        ),
        Endpoint::Format => ("The canonical form of a query (dates not resolved)", q, "`{\"canonical\"}`"),
        Endpoint::Parse => {
            ("The query as JSON: terms, spans, resolved dates and warnings", q, "`{\"terms\", \"warnings\"}`")
        }
        Endpoint::Complete => (
            "What a search box offers at a cursor",
            json!({"q": {"type": "string"}, "cursor": {"type": "integer", "minimum": 0, "description": "a byte offset at a character boundary"}}),
            "`{\"replace\", \"items\"}`",
        ),
        Endpoint::Explain => ("A query term by term; 200 for an invalid query too", q, "the explanation"),
        Endpoint::Date => (
            "Resolve a date expression",
            json!({"q": {"type": "string", "description": "the expression (`expr` is read as an alias)"}}),
            "`{\"start\", \"end\", \"reading\", \"warnings\", \"readings\"?}`",
        ),
        Endpoint::Omniq => (
            "Compile a query to an OmniQ getmydata request body (needs `omniq`)",
            q,
            "the request body, or with `plan` `{\"request\", \"residual\"}`",
        ),
        Endpoint::Render => (
            "Bind values into a query template",
            json!({
                "template": {"type": "string", "description": "a query with holes `{name}` and `{name?}`"},
                "values": {"type": "object", "additionalProperties": {}, "description": "hole name to text, number, boolean, null or a list"},
            }),
            "`{\"query\", \"diagnostics\"}`; a template or binding error is a 422 `invalid_template`",
        ),
    }
}

/// The whole document.
pub(super) fn document() -> Value {
    let error = json!({"description": "`{\"error\": {\"code\", \"message\", \"diagnostics\"?}}`", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    let mut paths = serde_json::Map::new();
    for endpoint in Endpoint::ALL {
        let (summary, keys, answer) = describe(endpoint);
        let required: Vec<&str> = match endpoint {
            Endpoint::Render => vec!["template"],
            Endpoint::Complete => vec!["q", "cursor"],
            Endpoint::Omniq => vec!["q", "omniq"],
            _ => vec!["q"],
        };
        let schema = json!({
            "allOf": [
                {"type": "object", "properties": keys, "required": required},
                {"$ref": "#/components/schemas/Options"},
            ]
        });
        paths.insert(
            endpoint.path().to_owned(),
            json!({"post": {
                "summary": summary,
                "requestBody": {"required": true, "content": {"application/json": {"schema": schema}}},
                "responses": {
                    "200": {"description": answer, "content": {"application/json": {}}},
                    "400": error, "404": error, "405": error, "413": error, "415": error, "422": error, "503": error,
                },
            }}),
        );
    }
    paths.insert(
        "/healthz".to_owned(),
        json!({"get": {"summary": "Liveness", "responses": {"200": {"description": "`{\"status\": \"ok\"}`"}}}}),
    );
    paths.insert(
        "/v1/openapi.json".to_owned(),
        json!({"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1"}}}}),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "ringq",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The RingCX Digital search language: check, format, complete, explain, resolve dates, compile to OmniQ and render templates. Spans are UTF-8 byte offsets, `chars` code points.",
        },
        "paths": paths,
        "components": {"schemas": {
            "Options": {
                "type": "object",
                "description": "The options every endpoint reads beside its text (the library's `Options` JSON); `now` defaults to the server's clock.",
                "properties": {
                    "now": {"type": "string", "format": "date-time"},
                    "tz": {"type": "string", "description": "an IANA zone", "default": "UTC"},
                    "locale": {"enum": ["en", "fr"]},
                    "prefer": {"enum": ["past", "future"]},
                    "dates": {"enum": ["ringcx", "intended"]},
                    "calendar": {"type": "object", "description": "a business calendar (see the README)"},
                    "lenient": {"type": "boolean"},
                    "omniq": {"type": "object", "description": "`{\"index\", \"from\"?, \"size\"?, \"mapping\"?, \"plan\"?}`"},
                },
            },
            "Span": {"type": "object", "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}}},
            "Diagnostic": {
                "type": "object",
                "properties": {
                    "severity": {"enum": ["error", "warning"]},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "span": {"$ref": "#/components/schemas/Span"},
                    "chars": {"$ref": "#/components/schemas/Span"},
                    "hint": {"type": "string"},
                    "replacement": {"type": "object", "properties": {"span": {"$ref": "#/components/schemas/Span"}, "chars": {"$ref": "#/components/schemas/Span"}, "text": {"type": "string"}}},
                    "related": {"type": "object"},
                },
                "required": ["severity", "code", "message", "span", "chars"],
            },
            "Error": {
                "type": "object",
                "properties": {"error": {"type": "object", "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "diagnostics": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
                }, "required": ["code", "message"]}},
            },
        }},
    })
}
