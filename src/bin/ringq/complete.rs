//! `ringq complete`: what a search box would offer at a cursor, as a list
//! or as JSON.

use clap::Args;

use crate::context::ContextArgs;
use crate::io::{input, reads_stdin, Failure, Output};
use crate::report::{Format, FormatArg};

#[derive(Args)]
pub struct CompleteArgs {
    /// The query (several words are joined by spaces); read from standard
    /// input when absent or `-` (one final line ending is not part of it).
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Where the cursor is, in bytes from the start of the query (a
    /// character boundary); default: the end.
    #[arg(long, value_name = "N")]
    cursor: Option<usize>,
    #[command(flatten)]
    output: FormatArg,
}

pub fn run(args: &CompleteArgs, context: &ContextArgs) -> Result<(), Failure> {
    let mut text = input(&args.query)?;
    if reads_stdin(&args.query) {
        let line = text.trim_end_matches(['\n', '\r']).len();
        text.truncate(line);
    }
    let cursor = args.cursor.unwrap_or(text.len());
    let completions = context.options().complete(&text, cursor).map_err(|error| {
        let message = error.diagnostics().iter().map(|d| d.message()).collect::<Vec<_>>().join("; ");
        Failure::Usage(format!("--cursor: {message}"))
    })?;
    let shown = match args.output.format {
        Format::Text => completions.to_string(),
        Format::Json => serde_json::to_string_pretty(&completions).map_err(|e| Failure::Usage(e.to_string()))?,
    };
    let mut out = Output::new();
    out.line(shown.trim_end())?;
    out.finish()
}
