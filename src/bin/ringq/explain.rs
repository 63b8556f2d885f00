//! `ringq explain`: a query term by term, as a table or as JSON.

use clap::Args;

use crate::context::ContextArgs;
use crate::io::{input, Failure, Output};
use crate::report::{Format, FormatArg};

#[derive(Args)]
pub struct ExplainArgs {
    /// The query (several words are joined by spaces); read from standard
    /// input when absent or `-`.
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Keep unknown keywords as opaque terms instead of rejecting them.
    #[arg(long)]
    lenient: bool,
    #[command(flatten)]
    output: FormatArg,
    /// The earlier spelling of `--format json`.
    #[arg(long, hide = true, conflicts_with = "format")]
    json: bool,
}

/// Prints the explanation of a valid or invalid query; the exit code says
/// which (0 or 1), as `check`'s does.
pub fn run(args: &ExplainArgs, context: &ContextArgs) -> Result<(), Failure> {
    let text = input(&args.query)?;
    let mut options = context.options();
    options.lenient = args.lenient;
    let explanation = options.explain(&text);
    let mut out = Output::new();
    if args.json || args.output.format == Format::Json {
        out.line(&serde_json::to_string_pretty(&explanation).map_err(|e| Failure::Usage(e.to_string()))?)?;
    } else {
        out.line(explanation.to_string().trim_end())?;
    }
    out.finish()?;
    if explanation.is_valid() {
        Ok(())
    } else {
        Err(Failure::Invalid)
    }
}
