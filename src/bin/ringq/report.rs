//! How a command reports its result: as text (the result on standard
//! output, diagnostics rendered on standard error), or with `--format json`
//! as one JSON document on standard output for programs to read.
//!
//! The JSON document is `{"ok", "output"?, "diagnostics"}`: `ok` says
//! whether the input was valid, `output` is what the command prints in text
//! mode (a string for `check` and `fmt`, JSON for `parse` and `omniq`,
//! `{"start", "end", "readings"?}` for `date`) and is absent when `ok` is false, and each
//! diagnostic is `{"severity", "code", "message", "span": {"start", "end"},
//! "chars": {"start", "end"}, "hint"?, "related"?: {"span", "chars",
//! "label"}}` with `span` in bytes and `chars` in characters of the input;
//! `related` is the other term of a conflict. The exit code is the same in both formats.

use std::io::IsTerminal;

use clap::{Args, ValueEnum};
use ringq::{Diagnostic, DiagnosticsJson, Error, Style};
use serde::Serialize;

use crate::io::{diagnostics, Failure, Output};

/// `--format`.
#[derive(Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The result on standard output, diagnostics on standard error.
    #[default]
    Text,
    /// One JSON document on standard output.
    Json,
}

/// `--format`, the same flag on every subcommand.
#[derive(Args, Clone, Copy)]
pub struct FormatArg {
    /// `text`: the result on standard output, diagnostics on standard
    /// error; `json`: one JSON document on standard output, the service's
    /// answer to the same question (see the README).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The result of one command on one input.
pub struct Reporter<'a> {
    pub format: Format,
    pub source: &'a str,
}

#[derive(Serialize)]
struct Document<'a, T: Serialize> {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<T>,
    diagnostics: DiagnosticsJson<'a>,
}

impl Reporter<'_> {
    /// A valid input: `text` (the text-mode output) or `json` goes out, with
    /// the warnings.
    pub fn success<T: Serialize>(&self, text: &str, json: T, warnings: &[Diagnostic]) -> Result<(), Failure> {
        let mut out = Output::new();
        match self.format {
            Format::Text => {
                diagnostics(&Diagnostic::render_all(self.source, warnings, terminal_style()));
                out.line(text)?;
            }
            Format::Json => out.line(&self.document(Some(json), warnings)?)?,
        }
        out.finish()
    }

    /// A valid input whose text-mode output is `json` itself, pretty-printed
    /// (`parse`, `omniq`).
    pub fn success_json<T: Serialize>(&self, json: &T, warnings: &[Diagnostic]) -> Result<(), Failure> {
        let text = match self.format {
            Format::Text => serde_json::to_string_pretty(json).map_err(|e| Failure::Usage(e.to_string()))?,
            // Only the document is printed.
            Format::Json => String::new(),
        };
        self.success(&text, json, warnings)
    }

    /// An invalid query: its diagnostics, then exit 1.
    pub fn failure(&self, error: &Error) -> Failure {
        self.invalid(error.diagnostics())
    }

    /// An invalid input: its diagnostics, then exit 1.
    pub fn invalid(&self, all: &[Diagnostic]) -> Failure {
        match self.format {
            Format::Text => diagnostics(&Diagnostic::render_all(self.source, all, terminal_style())),
            Format::Json => {
                let written = self.document(None::<()>, all).and_then(|json| {
                    let mut out = Output::new();
                    out.line(&json)?;
                    out.finish()
                });
                if let Err(failure) = written {
                    return failure;
                }
            }
        }
        Failure::Invalid
    }

    fn document<T: Serialize>(&self, output: Option<T>, all: &[Diagnostic]) -> Result<String, Failure> {
        let document = Document { ok: output.is_some(), output, diagnostics: DiagnosticsJson::new(self.source, all) };
        serde_json::to_string_pretty(&document).map_err(|e| Failure::Usage(e.to_string()))
    }
}

/// Colour when standard error is a terminal, unless `NO_COLOR` is set to
/// anything but the empty string (<https://no-color.org>).
pub fn terminal_style() -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if !no_color && std::io::stderr().is_terminal() {
        Style::Colored
    } else {
        Style::Plain
    }
}
