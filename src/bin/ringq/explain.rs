//! `ringq explain`: a query term by term, as a table or as JSON.

use clap::Args;

use crate::context::ContextArgs;
use crate::io::{input, Failure, Output};

#[derive(Args)]
pub struct ExplainArgs {
    /// The query; read from standard input when absent or `-`.
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Keep unknown keywords as opaque terms instead of rejecting them.
    #[arg(long)]
    lenient: bool,
    /// Print the explanation as JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// Prints the explanation of a valid or invalid query; the exit code says
/// which (0 or 1), as `check`'s does.
pub fn run(args: &ExplainArgs, context: &ContextArgs) -> Result<(), Failure> {
    let text = input(args.query.as_deref())?;
    let mut options = context.options();
    options.lenient = args.lenient;
    let explanation = options.explain(&text);
    let mut out = Output::new();
    if args.json {
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
