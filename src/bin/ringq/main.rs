//! `ringq`: the command-line face of the library.
//!
//! Every subcommand reads its input from the argument, or from standard
//! input when the argument is absent or `-`. Results go to standard output,
//! diagnostics to standard error. Exit codes: 0 ok, 1 invalid input, 2 bad
//! usage.

use std::io::{self, BufRead, Read, Write};
use std::num::NonZeroU64;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use clap::{Args, Parser as ClapParser, Subcommand, ValueEnum};
use ringq::dates::{self, BusinessCalendar, DateContext, DateSpan, Direction, HumanDate, Locale};
use ringq::omniq::{self, Compiler, Index, Mapping};
use ringq::{Diagnostic, Parser};

#[derive(ClapParser)]
#[command(name = "ringq", version, about = "Check, format and compile RingCX Digital search queries")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    context: ContextArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a query: print its canonical form (exit 0) or its diagnostics (exit 1).
    Check(QueryArgs),
    /// Print the canonical form of a query.
    Fmt(QueryArgs),
    /// Print the query as JSON: terms, spans, resolved dates and warnings.
    Parse(QueryArgs),
    /// Resolve a date expression: prints "START END" (UTC, RFC 3339).
    Date(DateArgs),
    /// Compile a query to an OmniQ getmydata request body (JSON).
    Omniq(OmniqArgs),
}

#[derive(Args)]
struct OmniqArgs {
    /// The query; read from standard input when absent or `-`.
    #[arg(allow_hyphen_values = true)]
    query: Option<String>,
    /// The entity to query (templates_reports, communicationlogs, hsm_templates, communications,
    /// manual_instances, users, campaings, profiles, reports, agents).
    #[arg(long, value_parser = parse_index)]
    index: Index,
    /// Position of the first result.
    #[arg(long, default_value_t = 0)]
    from: u64,
    /// Maximum number of results (at least 1).
    #[arg(long, default_value = "10")]
    size: NonZeroU64,
    /// JSON object mapping RingCX keywords to OmniQ fields, added to the default
    /// (first_content_after/before -> createdAt).
    #[arg(long, value_name = "FILE.json")]
    mapping: Option<PathBuf>,
    /// Print {"request", "residual"}: what filterBy cannot express becomes a predicate
    /// to check on the returned documents, instead of an error.
    #[arg(long)]
    plan: bool,
}

fn parse_index(text: &str) -> Result<Index, String> {
    text.parse::<Index>().map_err(|e| e.to_string())
}

#[derive(Args)]
struct QueryArgs {
    /// The query; read from standard input when absent or `-`.
    #[arg(allow_hyphen_values = true)]
    query: Option<String>,
    /// Keep unknown keywords as opaque terms instead of rejecting them.
    #[arg(long)]
    lenient: bool,
}

#[derive(Args)]
struct DateArgs {
    /// The expression; read from standard input when absent or `-`.
    #[arg(allow_hyphen_values = true)]
    expr: Option<String>,
    /// Read one expression per line from standard input and print one JSON
    /// object per line.
    #[arg(long, conflicts_with = "expr")]
    jsonl: bool,
}

/// What dates are resolved against.
#[derive(Args)]
struct ContextArgs {
    /// The instant "now", RFC 3339 (default: the clock).
    #[arg(long, global = true, value_parser = parse_now)]
    now: Option<DateTime<Utc>>,
    /// IANA time zone for days, weeks and clock times.
    #[arg(long, global = true, default_value = "UTC", value_parser = parse_tz)]
    tz: Tz,
    /// How ambiguous numeric dates are read: en = 03/04 is 4 March, fr = 3 April.
    #[arg(long, global = true, value_enum, default_value_t = LocaleArg::En)]
    locale: LocaleArg,
    /// Which way incomplete dates (`friday`, `dec 25`) are completed.
    #[arg(long, global = true, value_enum, default_value_t = PreferArg::Past)]
    prefer: PreferArg,
    /// Business calendar for `N business hours ago` (JSON; see the README).
    /// Default: Monday-Friday 09:00-17:00 in the --tz zone.
    #[arg(long, global = true, value_name = "FILE.json", value_parser = load_calendar)]
    calendar: Option<BusinessCalendar>,
}

/// Reads and checks a calendar file: reading files is the command's job,
/// the library only parses.
fn load_calendar(path: &str) -> Result<BusinessCalendar, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("`{path}` is not a valid calendar: {e}"))
}

#[derive(Clone, Copy, ValueEnum)]
enum LocaleArg {
    En,
    Fr,
}

#[derive(Clone, Copy, ValueEnum)]
enum PreferArg {
    Past,
    Future,
}

fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("{e}; expected RFC 3339, e.g. 2026-11-24T12:00:00Z"))
}

fn parse_tz(text: &str) -> Result<Tz, String> {
    text.parse::<Tz>().map_err(|_| format!("unknown time zone `{text}`; use an IANA name such as Europe/Paris"))
}

impl ContextArgs {
    fn date_context(&self) -> DateContext {
        let mut context = DateContext::new(self.now.unwrap_or_else(Utc::now));
        context.tz = self.tz;
        context.locale = match self.locale {
            LocaleArg::En => Locale::En,
            LocaleArg::Fr => Locale::Fr,
        };
        context.prefer = match self.prefer {
            PreferArg::Past => Direction::Past,
            PreferArg::Future => Direction::Future,
        };
        if let Some(calendar) = &self.calendar {
            context.calendar = calendar.clone();
        }
        context
    }
}

/// How a command ended, mapped to the exit code.
enum Failure {
    /// Invalid input (exit 1); diagnostics were already printed.
    Invalid,
    /// Bad usage or an unreadable input (exit 2).
    Usage(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Check(args) => check(args, &cli.context, Output::Canonical),
        Command::Fmt(args) => check(args, &cli.context, Output::CanonicalOnly),
        Command::Parse(args) => check(args, &cli.context, Output::Json),
        Command::Date(args) if args.jsonl => date_lines(&cli.context),
        Command::Date(args) => date(args, &cli.context),
        Command::Omniq(args) => omniq(args, &cli.context),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The argument, or standard input when it is absent or `-`.
fn input(argument: Option<&str>) -> Result<String, Failure> {
    match argument {
        Some(text) if text != "-" => Ok(text.to_owned()),
        _ => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
            Ok(text)
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Output {
    /// The canonical form on stdout, warnings on stderr.
    Canonical,
    /// The canonical form on stdout only.
    CanonicalOnly,
    /// The parsed query as JSON.
    Json,
}

fn check(args: &QueryArgs, context: &ContextArgs, output: Output) -> Result<(), Failure> {
    let text = input(args.query.as_deref())?;
    let mut parser = Parser::new().lenient(args.lenient);
    if output != Output::CanonicalOnly {
        parser = parser.dates(context.date_context());
    }
    let parsed = parser.parse(&text).map_err(|error| {
        eprint!("{error}");
        Failure::Invalid
    })?;
    match output {
        Output::Canonical => {
            eprint!("{}", ringq::diagnostic::render_all(&text, parsed.warnings()));
            println!("{}", parsed.query());
        }
        Output::CanonicalOnly => println!("{}", parsed.query()),
        Output::Json => {
            let json = serde_json::to_string_pretty(&parsed).map_err(|e| Failure::Usage(e.to_string()))?;
            println!("{json}");
        }
    }
    Ok(())
}

/// `ringq omniq`: the request body, or with `--plan` the request and the
/// residual predicate, as pretty JSON.
fn omniq(args: &OmniqArgs, context: &ContextArgs) -> Result<(), Failure> {
    let mapping = match &args.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::Usage(format!("cannot read `{}`: {e}", path.display())))?;
            Mapping::from_json(&text).map_err(|e| Failure::Usage(format!("`{}`: {e}", path.display())))?
        }
        None => Mapping::default(),
    };
    let text = input(args.query.as_deref())?;
    let date_context = context.date_context();
    let parsed = omniq::parser().dates(date_context.clone()).parse(&text).map_err(|error| {
        eprint!("{error}");
        Failure::Invalid
    })?;
    let compiler = Compiler::new(args.index).from(args.from).size(args.size).mapping(mapping);
    let invalid = |errors: omniq::CompileErrors| {
        eprint!("{}", errors.into_error(&text, &parsed));
        Failure::Invalid
    };
    let json = if args.plan {
        serde_json::to_string_pretty(&compiler.plan(parsed.query(), &date_context).map_err(invalid)?)
    } else {
        serde_json::to_string_pretty(&compiler.compile(parsed.query(), &date_context).map_err(invalid)?)
    }
    .map_err(|e| Failure::Usage(e.to_string()))?;
    eprint!("{}", ringq::diagnostic::render_all(&text, parsed.warnings()));
    println!("{json}");
    Ok(())
}

fn format_instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn date(args: &DateArgs, context: &ContextArgs) -> Result<(), Failure> {
    let text = input(args.expr.as_deref())?;
    let expr = text.trim_end_matches(['\n', '\r']);
    let resolved = expr.parse::<HumanDate>().and_then(|date| date.resolve_with_warnings(&context.date_context()));
    match resolved {
        Ok((DateSpan { start, end }, warnings)) => {
            for warning in warnings {
                eprint!("{}", Diagnostic::from(warning).render(expr));
            }
            println!("{} {}", format_instant(start), format_instant(end));
            Ok(())
        }
        Err(error) => {
            eprint!("{}", Diagnostic::from(error).render(expr));
            Err(Failure::Invalid)
        }
    }
}

/// One line of `ringq date --jsonl`, with its keys in the documented order.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum DateLine<'a> {
    Span { input: &'a str, start: String, end: String },
    Error { input: &'a str, error: String },
}

/// `ringq date --jsonl`: one expression per line in, one JSON object per
/// line out, in order. Exit 1 when any line did not resolve.
fn date_lines(context: &ContextArgs) -> Result<(), Failure> {
    let date_context = context.date_context();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut any_invalid = false;
    for line in io::stdin().lock().lines() {
        let line = line.map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
        let input = line.trim_end_matches('\r');
        let line = match dates::resolve(input, &date_context) {
            Ok(span) => DateLine::Span { input, start: format_instant(span.start), end: format_instant(span.end) },
            Err(error) => {
                any_invalid = true;
                DateLine::Error { input, error: error.message }
            }
        };
        let json = serde_json::to_string(&line).map_err(|e| Failure::Usage(e.to_string()))?;
        writeln!(out, "{json}").map_err(|e| Failure::Usage(format!("cannot write: {e}")))?;
    }
    out.flush().map_err(|e| Failure::Usage(format!("cannot write: {e}")))?;
    if any_invalid {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}
