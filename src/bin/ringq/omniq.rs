//! `ringq omniq`: a query compiled to an OmniQ `getmydata` request body.

use std::num::NonZeroU64;
use std::path::PathBuf;

use clap::Args;
use ringq::omniq::{self, Compiler, Index, Mapping};

use crate::context::ContextArgs;
use crate::io::{input, Failure};
use crate::report::{Format, Report};

#[derive(Args)]
pub struct OmniqArgs {
    /// The query; read from standard input when absent or `-`.
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,
    /// The entity to query (templates_reports, communicationlogs, hsm_templates, communications,
    /// manual_instances, users, campaings, profiles, reports, agents).
    #[arg(long, value_parser = parse_index)]
    index: Index,
    /// Position of the first result (0 or more).
    #[arg(long, default_value_t = 0, value_parser = parse_from)]
    from: u64,
    /// Maximum number of results (1 or more).
    #[arg(long, default_value = "10", value_parser = parse_size)]
    size: NonZeroU64,
    /// JSON object mapping RingCX keywords to OmniQ fields, added to the default
    /// (first_content_after/before -> createdAt).
    #[arg(long, value_name = "FILE.json")]
    mapping: Option<PathBuf>,
    /// Print {"request", "residual"}: what filterBy cannot express becomes a predicate
    /// to check on the returned documents, instead of an error.
    #[arg(long)]
    plan: bool,
    /// `text`: the body on standard output, diagnostics on standard error;
    /// `json`: one JSON document on standard output (see the README).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

fn parse_index(text: &str) -> Result<Index, String> {
    text.parse::<Index>().map_err(|e| e.to_string())
}

fn parse_from(text: &str) -> Result<u64, String> {
    text.parse().map_err(|_| format!("`{text}` is not a position; use a whole number, 0 or more"))
}

fn parse_size(text: &str) -> Result<NonZeroU64, String> {
    text.parse().map_err(|_| format!("`{text}` is not a page size; use a whole number, 1 or more"))
}

/// The body, or with `--plan` the request and the residual predicate.
pub fn run(args: &OmniqArgs, context: &ContextArgs) -> Result<(), Failure> {
    let mapping = match &args.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::Usage(format!("cannot read `{}`: {e}", path.display())))?;
            Mapping::from_json(&text).map_err(|e| Failure::Usage(format!("`{}`: {e}", path.display())))?
        }
        None => Mapping::default(),
    };
    let text = input(args.query.as_deref())?;
    let report = Report { format: args.format, source: &text };
    let date_context = context.date_context();
    let parsed = omniq::parser()
        .dates(date_context.clone())
        .parse(&text)
        .map_err(|error| report.failure(error.diagnostics()))?;
    let compiler = Compiler::new(args.index).from(args.from).size(args.size).mapping(mapping);
    let invalid = |errors: omniq::CompileErrors| report.failure(errors.into_error(&text, &parsed).diagnostics());
    let mut warnings = parsed.warnings().to_vec();
    warnings.extend(compiler.warnings(&parsed, &date_context));
    warnings.sort_by_key(|d| (d.span.start, d.span.end));
    if args.plan {
        let plan = compiler.plan(parsed.query(), &date_context).map_err(invalid)?;
        report.success_json(&plan, &warnings)
    } else {
        let request = compiler.compile(parsed.query(), &date_context).map_err(invalid)?;
        report.success_json(&request, &warnings)
    }
}
