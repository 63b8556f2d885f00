//! `ringq omniq`: a query compiled to an OmniQ `getmydata` request body.

use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

use clap::Args;
use ringq::{Catalog, OmniqIndex, OmniqMapping, OmniqOptions, OmniqRequest};

use crate::context::ContextArgs;
use crate::io::{input, Failure};
use crate::report::{Format, Reporter};

#[derive(Args)]
pub struct OmniqArgs {
    /// The query (several words are joined by spaces); read from standard
    /// input when absent or `-`.
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// The entity to query (templates_reports, communicationlogs, hsm_templates, communications,
    /// manual_instances, users, campaings, profiles, reports, agents).
    #[arg(long, value_parser = parse_index)]
    index: OmniqIndex,
    /// Position of the first result (0 or more).
    #[arg(long, default_value_t = 0, value_parser = parse_from)]
    from: u64,
    /// Maximum number of results (1 or more).
    #[arg(long, default_value_t = OmniqRequest::DEFAULT_SIZE, value_parser = parse_size)]
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

pub fn parse_index(text: &str) -> Result<OmniqIndex, String> {
    text.parse::<OmniqIndex>().map_err(|e| e.to_string())
}

fn parse_from(text: &str) -> Result<u64, String> {
    text.parse().map_err(|_| format!("`{text}` is not a position; use a whole number, 0 or more"))
}

pub fn parse_size(text: &str) -> Result<NonZeroU64, String> {
    text.parse().map_err(|_| format!("`{text}` is not a page size; use a whole number, 1 or more"))
}

/// The body, or with `--plan` the request and the residual predicate.
pub fn run(args: &OmniqArgs, context: &ContextArgs) -> Result<(), Failure> {
    let mut omniq = OmniqOptions::new(args.index);
    omniq.from = args.from;
    omniq.size = args.size;
    omniq.plan = args.plan;
    if let Some(path) = &args.mapping {
        omniq.mapping = load_mapping(path)?;
    }
    let text = input(&args.query)?;
    let out = Reporter { format: args.format, source: &text };
    let mut options = context.options();
    options.omniq = Some(omniq);
    let report = options.check(&text).map_err(|error| out.failure(&error))?;
    out.success_json(&report.omniq(), report.warnings())
}

/// Reads a `--mapping` file: reading files is the command's job, the
/// library only parses.
pub fn load_mapping(path: &Path) -> Result<OmniqMapping, Failure> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Failure::Usage(format!("cannot read `{}`: {e}", path.display())))?;
    OmniqMapping::from_json(&text, &Catalog::ringcx()).map_err(|e| Failure::Usage(format!("`{}`: {e}", path.display())))
}
