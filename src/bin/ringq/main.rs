//! `ringq`: the command-line face of the library, one module per subcommand.
//!
//! Every subcommand reads its input from the argument, or from standard
//! input when the argument is absent or `-`. Results go to standard output,
//! diagnostics to standard error (or, with `--format json`, everything to
//! standard output as one JSON document). Exit codes: 0 ok, 1 invalid input,
//! 2 bad usage.

mod argv;
mod check;
mod complete;
mod context;
mod date;
mod explain;
mod fetch;
mod io;
mod omniq;
mod render;
mod report;
mod serve;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser as ClapParser, Subcommand};

use crate::check::QueryArgs;
use crate::context::ContextArgs;
use crate::io::Failure;

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
    Date(date::DateArgs),
    /// Compile a query to an OmniQ getmydata request body (JSON).
    Omniq(omniq::OmniqArgs),
    /// Bind values into a template's holes: print the canonical query (or, with --index, its OmniQ request).
    Render(render::RenderArgs),
    /// Fetch every record a query matches from RingCX or OmniQ, one JSON line each.
    Fetch(fetch::FetchArgs),
    /// What a search box would offer at a cursor: the range to replace and the items (JSON).
    Complete(complete::CompleteArgs),
    /// Explain a query term by term: meaning, resolved dates, diagnostics.
    Explain(explain::ExplainArgs),
    /// Serve the library over HTTP on 127.0.0.1:8844, with a playground page at /.
    Serve(serve::ServeArgs),
}

impl Command {
    /// The subcommand's name and its query or expression argument.
    fn input(&self) -> (&'static str, &[String]) {
        match self {
            Command::Check(args) => ("check", &args.query),
            Command::Fmt(args) => ("fmt", &args.query),
            Command::Parse(args) => ("parse", &args.query),
            Command::Date(args) => ("date", &args.expr),
            Command::Omniq(args) => ("omniq", &args.query),
            Command::Render(args) => ("render", &args.template),
            Command::Fetch(args) => args.input(),
            Command::Complete(args) => ("complete", &args.query),
            Command::Explain(args) => ("explain", &args.query),
            Command::Serve(_) => ("serve", &[]),
        }
    }
}

fn main() -> ExitCode {
    let mut command = Cli::command();
    command.build();
    let cli = Cli::parse_from(argv::options_first(&command, std::env::args_os().collect()));
    reject_mistyped_option(&cli.command);
    let outcome = match &cli.command {
        Command::Check(args) => check::run(args, &cli.context, check::Question::Check),
        Command::Fmt(args) => check::run(args, &cli.context, check::Question::Format),
        Command::Parse(args) => check::run(args, &cli.context, check::Question::Parse),
        Command::Date(args) => date::run(args, &cli.context),
        Command::Omniq(args) => omniq::run(args, &cli.context),
        Command::Render(args) => render::run(args, &cli.context),
        Command::Fetch(args) => fetch::run(args, &cli.context),
        Command::Complete(args) => complete::run(args, &cli.context),
        Command::Explain(args) => explain::run(args, &cli.context),
        Command::Serve(args) => serve::run(args),
    };
    match outcome {
        Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Server) => ExitCode::from(3),
        Err(Failure::Usage(message)) => {
            io::diagnostics(&format!("error: {message}\n"));
            ExitCode::from(2)
        }
    }
}

/// The query's words accept values that start with `-`, since
/// `-status_in:replied` is a query. A word that starts with `--`, wherever
/// it stands, is a mistyped option (`--josn`), unless it comes after a `--`
/// separator: reading it as the query would quietly run the wrong request,
/// so it is a usage error that names it (exit 2).
fn reject_mistyped_option(command: &Command) {
    let (name, words) = command.input();
    let args: Vec<OsString> = std::env::args_os().collect();
    let separator = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let before_separator = args.get(..separator).unwrap_or_default();
    let mistyped = words.iter().find_map(|word| {
        let option = word.strip_prefix("--").filter(|o| !o.is_empty())?;
        before_separator.iter().any(|a| a == word.as_str()).then_some((word, option))
    });
    let Some((value, option)) = mistyped else { return };
    let mut cli = Cli::command();
    cli.build();
    // `fetch ringcx` is a subcommand of a subcommand.
    let subcommand = name.split(' ').try_fold(&cli, |command, part| command.find_subcommand(part));
    let longs: Vec<String> = subcommand
        .into_iter()
        .flat_map(|sub| sub.get_arguments())
        .filter_map(|arg| arg.get_long().map(str::to_owned))
        .collect();
    let name_only = option.split('=').next().unwrap_or(option);
    // `--json` is what many tools call `--format json`.
    let means_json = closest(name_only, ["json"].into_iter()).is_some();
    let tip = if means_json && longs.iter().any(|l| l == "format") {
        " (did you mean `--format json`?)".to_owned()
    } else {
        match closest(name_only, longs.iter().map(String::as_str)) {
            Some(near) => format!(" (did you mean `--{near}`?)"),
            None => String::new(),
        }
    };
    let message = format!(
        "unknown option `{value}` for `ringq {name}`{tip}; a query that starts with `--` goes after a `--` separator"
    );
    cli.error(ErrorKind::UnknownArgument, message).exit()
}

/// The candidate nearest to a mistyped option name, if one is near: within
/// a third of its length in edits (transpositions count once), or starting
/// with it.
fn closest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .map(|candidate| (strsim::osa_distance(word, candidate), candidate))
        .filter(|&(distance, candidate)| distance <= limit || (word.len() >= 4 && candidate.starts_with(word)))
        .min()
        .map(|(_, candidate)| candidate)
}
