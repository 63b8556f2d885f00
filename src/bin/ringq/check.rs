//! `ringq check`, `ringq fmt` and `ringq parse`: one query in, its canonical
//! form or its parse out.

use clap::Args;

use crate::context::ContextArgs;
use crate::io::{input, Failure};
use crate::report::{Format, Reporter};

#[derive(Args)]
pub struct QueryArgs {
    /// The query (several words are joined by spaces); read from standard
    /// input when absent or `-`.
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Keep unknown keywords as opaque terms instead of rejecting them (a
    /// near miss of a known keyword still warns).
    #[arg(long)]
    lenient: bool,
    /// `text`: the result on standard output, diagnostics on standard error;
    /// `json`: one JSON document on standard output (see the README).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Which of the three questions about one query the command answers.
#[derive(Clone, Copy, PartialEq)]
pub enum Question {
    /// The canonical form, warnings on standard error (`check`).
    Check,
    /// The canonical form only, without resolving dates (`fmt`).
    Format,
    /// The parsed query as JSON (`parse`).
    Parse,
}

pub fn run(args: &QueryArgs, context: &ContextArgs, question: Question) -> Result<(), Failure> {
    let text = input(&args.query)?;
    let out = Reporter { format: args.format, source: &text };
    let mut options = context.options();
    options.lenient = args.lenient;
    if question == Question::Format {
        let formatted = options.format(&text).map_err(|error| out.failure(&error))?;
        return out.success(&formatted.canonical, &formatted.canonical, &[]);
    }
    let report = options.check(&text).map_err(|error| out.failure(&error))?;
    if question == Question::Check {
        return out.success(report.canonical(), report.canonical(), report.warnings());
    }
    // In text mode `parse` prints the warnings inside its JSON only.
    let warnings = if args.format == Format::Json { report.warnings() } else { &[] };
    out.success_json(&report.parse_view(), warnings)
}
