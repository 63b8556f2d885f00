//! `ringq date`: one date expression resolved to `START END`, or with
//! `--jsonl` one expression per line.

use chrono::{DateTime, SecondsFormat, Utc};
use clap::Args;
use ringq::{DateAnswer, DateReadings};
use serde::Serialize;

use crate::context::ContextArgs;
use crate::io::{diagnostics, input, lines, Failure, Output};
use crate::report::{Format, Reporter};

#[derive(Args)]
pub struct DateArgs {
    /// The expression (several words are joined by spaces); read from
    /// standard input when absent or `-`.
    #[arg(allow_hyphen_values = true, value_name = "EXPR")]
    pub expr: Vec<String>,
    /// Read one expression per line from standard input and print one JSON
    /// object per line.
    #[arg(long, conflicts_with_all = ["expr", "format"])]
    jsonl: bool,
    /// `text`: `START END` on standard output, diagnostics on standard error;
    /// `json`: one JSON document on standard output (see the README).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: &DateArgs, context: &ContextArgs) -> Result<(), Failure> {
    if args.jsonl {
        return lines_to_json(context);
    }
    let text = input(&args.expr)?;
    let expr = text.trim_end_matches(['\n', '\r']);
    let reporter = Reporter { format: args.format, source: expr };
    match context.options().date(expr) {
        Ok(DateAnswer { start, end, warnings, readings, .. }) => {
            let (start, end) = (rfc3339_seconds(start), rfc3339_seconds(end));
            let shown = readings.filter(|_| args.format == Format::Text);
            reporter.success(&format!("{start} {end}"), Instants { start: &start, end: &end, readings }, &warnings)?;
            // Standard output stays `START END` for scripts; both readings
            // follow the warning that says they differ.
            if let Some(readings) = shown {
                let lines: String = readings.to_string().lines().map(|line| format!("  {line}\n")).collect();
                diagnostics(&format!("the readings differ:\n{lines}"));
            }
            Ok(())
        }
        Err(error) => Err(reporter.invalid(error.diagnostics())),
    }
}

#[derive(Serialize)]
struct Instants<'a> {
    start: &'a str,
    end: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    readings: Option<DateReadings>,
}

fn rfc3339_seconds(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// One line of `ringq date --jsonl`, with its keys in the documented order.
#[derive(Serialize)]
#[serde(untagged)]
enum DateLine<'a> {
    Span {
        input: &'a str,
        start: String,
        end: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        readings: Option<DateReadings>,
    },
    Error {
        input: &'a str,
        error: String,
    },
}

/// `ringq date --jsonl`: one expression per line in, one JSON object per
/// line out, in order. Exit 1 when any line did not resolve (a line that is
/// not UTF-8 is answered with an error, and the next lines still are).
fn lines_to_json(context: &ContextArgs) -> Result<(), Failure> {
    let options = context.options();
    let mut out = Output::new();
    let mut any_invalid = false;
    for line in lines() {
        let (input, result) = match line? {
            Ok(text) => {
                let result = options.date(&text).map_err(|e| {
                    e.diagnostics().iter().find(|d| d.is_error()).map(|d| d.message().to_owned()).unwrap_or_default()
                });
                (text, result)
            }
            Err(message) => (String::new(), Err(message)),
        };
        let line = match result {
            Ok(answer) => DateLine::Span {
                input: &input,
                start: rfc3339_seconds(answer.start),
                end: rfc3339_seconds(answer.end),
                readings: answer.readings,
            },
            Err(error) => {
                any_invalid = true;
                DateLine::Error { input: &input, error }
            }
        };
        let json = serde_json::to_string(&line).map_err(|e| Failure::Usage(e.to_string()))?;
        out.line(&json)?;
    }
    out.finish()?;
    if any_invalid {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}
