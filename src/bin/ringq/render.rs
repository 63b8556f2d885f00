//! `ringq render`: a template with values bound, as a canonical query or
//! its OmniQ request.

use std::num::NonZeroU64;
use std::path::PathBuf;

use clap::Args;
use ringq::{Bound, OmniqIndex, OmniqOptions, OmniqRequest, Values};

use crate::context::ContextArgs;
use crate::io::{input, Failure};
use crate::omniq::{load_mapping, parse_index, parse_size};
use crate::report::{Format, Reporter};

#[derive(Args)]
pub struct RenderArgs {
    /// The template (several words are joined by spaces): a query with
    /// holes `{name}` and optional holes `{name?}`; `{{` and `}}` are
    /// literal braces. Read from standard input when absent or `-`.
    #[arg(allow_hyphen_values = true, value_name = "TEMPLATE")]
    pub template: Vec<String>,
    /// Bind a value to a hole: `--set name=value`. Repeat a name for a list
    /// (an "any of" keyword repeats its term for each).
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = parse_set)]
    set: Vec<(String, String)>,
    /// A JSON object of values (`{"since": "yesterday", "src": [7, 8]}`);
    /// `--set` adds to it and wins for a name both give.
    #[arg(long, value_name = "FILE.json")]
    values: Option<PathBuf>,
    /// Keep unknown keywords as opaque terms instead of rejecting them.
    #[arg(long)]
    lenient: bool,
    /// Print the OmniQ request for this entity instead of the query (see
    /// `ringq omniq`).
    #[arg(long, value_parser = parse_index)]
    index: Option<OmniqIndex>,
    /// With --index: position of the first result.
    #[arg(long, default_value_t = 0, requires = "index")]
    from: u64,
    /// With --index: maximum number of results.
    #[arg(long, default_value_t = OmniqRequest::DEFAULT_SIZE, value_parser = parse_size, requires = "index")]
    size: NonZeroU64,
    /// With --index: a JSON mapping of RingCX keywords to OmniQ fields.
    #[arg(long, value_name = "FILE.json", requires = "index")]
    mapping: Option<PathBuf>,
    /// With --index: print {"request", "residual"} instead of failing on
    /// what filterBy cannot express.
    #[arg(long, requires = "index")]
    plan: bool,
    /// `text`: the result on standard output, diagnostics on standard error;
    /// `json`: one JSON document on standard output (see the README).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

fn parse_set(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name.to_owned(), value.to_owned())),
        _ => Err(format!("`{text}` is not NAME=VALUE (e.g. `--set since=yesterday`)")),
    }
}

/// The values of `--values` and `--set`, repeated names making lists.
fn values(args: &RenderArgs) -> Result<Values, Failure> {
    let mut values = match &args.values {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::Usage(format!("cannot read `{}`: {e}", path.display())))?;
            serde_json::from_str::<Values>(&text).map_err(|e| {
                Failure::Usage(format!(
                    "`{}` is not a JSON object of values (text, number, boolean, null or a list): {e}",
                    path.display()
                ))
            })?
        }
        None => Values::new(),
    };
    let mut names: Vec<&str> = args.set.iter().map(|(name, _)| name.as_str()).collect();
    names.dedup();
    for name in names {
        let items: Vec<Bound> =
            args.set.iter().filter(|(n, _)| n == name).map(|(_, value)| Bound::Text(value.clone())).collect();
        let bound = match <[Bound; 1]>::try_from(items) {
            Ok([one]) => one,
            Err(items) => Bound::List(items),
        };
        values.insert(name, bound);
    }
    Ok(values)
}

pub fn run(args: &RenderArgs, context: &ContextArgs) -> Result<(), Failure> {
    let template = input(&args.template)?;
    let values = values(args)?;
    let mut options = context.options();
    options.lenient = args.lenient;
    if let Some(index) = args.index {
        let mut omniq = OmniqOptions::new(index);
        omniq.from = args.from;
        omniq.size = args.size;
        omniq.plan = args.plan;
        if let Some(path) = &args.mapping {
            omniq.mapping = load_mapping(path)?;
        }
        options.omniq = Some(omniq);
    }
    let rendered = options
        .render(&template, &values)
        .map_err(|error| Reporter { format: args.format, source: &template }.failure(&error))?;
    let out = Reporter { format: args.format, source: &rendered };
    let report = options.check(&rendered).map_err(|error| out.failure(&error))?;
    match report.omniq() {
        Some(omniq) => out.success_json(omniq, report.warnings()),
        None => out.success(report.canonical(), report.canonical(), report.warnings()),
    }
}
