//! `ringq fetch`: every record a query matches, one JSON line each, from
//! RingCX or OmniQ, resumable after any interruption.
//!
//! The library does the fetching ([`ringq::client`]); this module reads the
//! arguments and the token, writes the records, the checkpoint and the
//! progress bar.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ringq::client::{Fetch, FetchError, Fetcher, Omniq, Position, RetryPolicy, RingCx, Token, OMNIQ_BASE_URL};
use ringq::{Diagnostic, OmniqIndex, OmniqOptions, RingCxPageRequest};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::context::ContextArgs;
use crate::io::{diagnostics, input, Failure};
use crate::omniq::{load_mapping, parse_index, parse_size};
use crate::report::{terminal_style, Format, Reporter};

#[derive(Args)]
pub struct FetchArgs {
    #[command(subcommand)]
    api: Api,
}

#[derive(Subcommand)]
enum Api {
    /// GET {base-url}/{endpoint}?q=..&offset=..&limit=.. with `Authorization: Bearer $RINGCX_TOKEN`.
    Ringcx(RingcxArgs),
    /// GET {base-url}/getmydata with the compiled body, `x-tenant-id`, and `Authorization: Bearer
    /// $OMNIQ_TOKEN` when that variable is set.
    Omniq(OmniqArgs),
}

#[derive(Args)]
struct RingcxArgs {
    /// The query (several words are joined by spaces); read from standard
    /// input when absent or `-`.
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    query: Vec<String>,
    /// The account URL including /1.0, e.g. https://ACCOUNT.api.PLATFORM/1.0
    #[arg(long, value_name = "URL")]
    base_url: String,
    /// The collection to read.
    #[arg(long, default_value = ringq::client::RINGCX_ENDPOINT)]
    endpoint: String,
    /// Records per page, 1 to 150.
    #[arg(long, default_value_t = RingCxPageRequest::MAX_LIMIT, value_parser = parse_limit)]
    limit: u64,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Args)]
struct OmniqArgs {
    /// The query (several words are joined by spaces); read from standard
    /// input when absent or `-`.
    #[arg(allow_hyphen_values = true, value_name = "QUERY")]
    query: Vec<String>,
    /// The OmniQ server.
    #[arg(long, value_name = "URL", default_value = OMNIQ_BASE_URL)]
    base_url: String,
    /// The tenant, sent as x-tenant-id.
    #[arg(long, value_name = "ID")]
    tenant: String,
    /// The entity to read (see `ringq omniq --help`).
    #[arg(long, value_parser = parse_index)]
    index: OmniqIndex,
    /// Results per page (1 or more).
    #[arg(long, default_value_t = Omniq::DEFAULT_SIZE, value_parser = parse_size)]
    size: NonZeroU64,
    /// JSON object mapping RingCX keywords to OmniQ fields (as for `ringq omniq`).
    #[arg(long, value_name = "FILE.json")]
    mapping: Option<PathBuf>,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Args)]
struct CommonArgs {
    /// Write the records to FILE (and FILE.checkpoint after each page) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Continue an interrupted fetch into FILE from FILE.checkpoint.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Tries after the first for each failed page.
    #[arg(long, default_value_t = 5)]
    max_retries: u32,
    /// No progress bar and no summary.
    #[arg(long)]
    quiet: bool,
    /// The records are JSON lines in both formats; with `json` an invalid
    /// query's diagnostics are one JSON document on standard output, as
    /// `ringq check --format json` prints them.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

impl FetchArgs {
    /// The subcommand's name and its query argument.
    pub fn input(&self) -> (&'static str, &[String]) {
        match &self.api {
            Api::Ringcx(args) => ("fetch ringcx", &args.query),
            Api::Omniq(args) => ("fetch omniq", &args.query),
        }
    }
}

fn parse_limit(text: &str) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(limit) if (1..=RingCxPageRequest::MAX_LIMIT).contains(&limit) => Ok(limit),
        _ => Err(format!("`{text}` is not a page size RingCX serves; use 1 to {}", RingCxPageRequest::MAX_LIMIT)),
    }
}

/// What `FILE.checkpoint` holds: enough to continue, and to refuse to
/// continue a different fetch. Never the token.
#[derive(Serialize, Deserialize)]
struct Checkpoint {
    /// `ringcx URL` or `omniq URL tenant index`.
    api: String,
    /// The query as sent: RingCX's pinned q, OmniQ's body.
    sent: String,
    /// The instant the dates were pinned to.
    now: DateTime<Utc>,
    position: Position,
    /// Records written to FILE.
    records: u64,
    /// FILE's length after them.
    bytes: u64,
}

/// Where the records go.
enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File { file: BufWriter<File>, path: PathBuf, bytes: u64 },
}

pub fn run(args: &FetchArgs, context: &ContextArgs) -> Result<(), Failure> {
    let (common, query) = match &args.api {
        Api::Ringcx(a) => (&a.common, &a.query),
        Api::Omniq(a) => (&a.common, &a.query),
    };
    let text = input(query)?;
    let mut options = context.options();
    let checkpoint_path = common.output.as_deref().map(checkpoint_path);
    let checkpoint = match (&checkpoint_path, common.resume) {
        (Some(path), true) => load_checkpoint(path)?,
        _ => None,
    };
    if let Some(checkpoint) = &checkpoint {
        // A resumed fetch keeps the dates of the run it continues.
        options.now = Some(checkpoint.now);
    }
    let fetcher = Fetcher::new().retry(RetryPolicy { max_retries: common.max_retries, ..RetryPolicy::default() });
    let (made, api) = match &args.api {
        Api::Ringcx(a) => {
            let token = Token::from_env("RINGCX_TOKEN").ok_or_else(|| {
                Failure::Usage("RINGCX_TOKEN is not set: export the API token in that variable (it is never read from an argument)".to_owned())
            })?;
            let api = RingCx { base_url: a.base_url.clone(), endpoint: a.endpoint.clone(), token, limit: a.limit };
            (fetcher.ringcx(&api, &options, &text), format!("ringcx {}/{}", api.base_url, api.endpoint))
        }
        Api::Omniq(a) => {
            let mut omniq = OmniqOptions::new(a.index);
            if let Some(path) = &a.mapping {
                omniq.mapping = load_mapping(path)?;
            }
            options.omniq = Some(omniq);
            let api = Omniq {
                base_url: a.base_url.clone(),
                tenant: a.tenant.clone(),
                token: Token::from_env("OMNIQ_TOKEN"),
                index: a.index,
                size: a.size,
            };
            (fetcher.omniq(&api, &options, &text), format!("omniq {} {} {}", api.base_url, api.tenant, api.index))
        }
    };
    let mut fetch = match made {
        Ok(fetch) => fetch,
        Err(FetchError::Invalid(error)) => {
            return Err(Reporter { format: common.format, source: &text }.failure(&error))
        }
        Err(error) => return Err(Failure::Usage(error.to_string())),
    };
    if !common.quiet {
        diagnostics(&Diagnostic::render_all(&text, fetch.warnings(), terminal_style()));
    }
    let now = options.now.unwrap_or_default();
    // What is sent is fixed for the whole fetch (dates pinned at the start).
    let sent = fetch.query();
    let mut sink = match (&common.output, &checkpoint) {
        (None, _) => Sink::Stdout(BufWriter::new(io::stdout().lock())),
        (Some(path), None) => Sink::create(path)?,
        (Some(path), Some(checkpoint)) => {
            if checkpoint.api != api || checkpoint.sent != sent {
                return Err(Failure::Usage(format!(
                    "`{}` is the checkpoint of another fetch ({}); remove it, or run without --resume to start again",
                    checkpoint_path.as_deref().unwrap_or(path).display(),
                    checkpoint.api
                )));
            }
            let sink = Sink::reopen(path, checkpoint.bytes, &mut fetch)?;
            fetch
                .resume(checkpoint.position.clone(), checkpoint.records)
                .map_err(|e| Failure::Usage(format!("cannot resume: {e}")))?;
            sink
        }
    };
    let started = Instant::now();
    let bar = progress_bar(common.quiet);
    loop {
        let page = match fetch.next_page() {
            None => break,
            Some(Ok(page)) => page,
            Some(Err(error)) => {
                bar.abandon();
                sink.flush()?;
                let progress = fetch.progress();
                let how = match &common.output {
                    Some(path) => format!("run the same command with --resume to continue into `{}`", path.display()),
                    None => "write to a file with -o FILE to be able to resume".to_owned(),
                };
                diagnostics(&format!(
                    "error: {error}\nfetched {} records in {} pages before stopping; {how}\n",
                    progress.records, progress.pages
                ));
                return Err(Failure::Server);
            }
        };
        for record in &page {
            sink.record(record)?;
        }
        sink.flush()?;
        if let (Sink::File { bytes, .. }, Some(path)) = (&sink, &checkpoint_path) {
            let Some(position) = fetch.position() else { continue };
            let checkpoint = Checkpoint {
                api: api.clone(),
                sent: sent.clone(),
                now,
                position,
                records: fetch.progress().records,
                bytes: *bytes,
            };
            save_checkpoint(path, &checkpoint)?;
        }
        let progress = fetch.progress();
        if let Some(total) = progress.total {
            bar.set_length(total.max(progress.records));
        }
        bar.set_position(progress.records);
    }
    bar.finish_and_clear();
    if let Some(path) = &checkpoint_path {
        // Complete: nothing is left to resume.
        let _ = fs::remove_file(path);
    }
    if !common.quiet {
        let p = fetch.progress();
        diagnostics(&format!(
            "fetched {} records in {} pages ({} retries) in {:.1} s\n",
            p.records,
            p.pages,
            p.retries,
            started.elapsed().as_secs_f64()
        ));
    }
    Ok(())
}

impl Sink {
    fn create(path: &Path) -> Result<Sink, Failure> {
        let file = File::create(path).map_err(|e| Failure::Usage(format!("cannot write `{}`: {e}", path.display())))?;
        Ok(Sink::File { file: BufWriter::new(file), path: path.to_owned(), bytes: 0 })
    }

    /// FILE cut back to the checkpoint's length (a page half-written when
    /// the last run stopped is written again), its records marked as seen.
    fn reopen(path: &Path, bytes: u64, fetch: &mut Fetch<'_>) -> Result<Sink, Failure> {
        let cannot = |e: io::Error| Failure::Usage(format!("cannot resume into `{}`: {e}", path.display()));
        let file = OpenOptions::new().read(true).write(true).open(path).map_err(cannot)?;
        let length = file.metadata().map_err(cannot)?.len();
        if length < bytes {
            return Err(Failure::Usage(format!(
                "`{}` is shorter than its checkpoint says ({length} < {bytes} bytes): it was changed; run without --resume to start again",
                path.display()
            )));
        }
        file.set_len(bytes).map_err(cannot)?;
        for line in BufReader::new(&file).lines() {
            let line = line.map_err(cannot)?;
            if let Ok(record) = serde_json::from_str::<Value>(&line) {
                fetch.mark_seen(&record);
            }
        }
        let file = OpenOptions::new().append(true).open(path).map_err(cannot)?;
        Ok(Sink::File { file: BufWriter::new(file), path: path.to_owned(), bytes })
    }

    fn record(&mut self, record: &Value) -> Result<(), Failure> {
        let mut line = serde_json::to_vec(record).map_err(|e| Failure::Usage(e.to_string()))?;
        line.push(b'\n');
        match self {
            Sink::Stdout(out) => out.write_all(&line).map_err(|e| write_failure(&e, None)),
            Sink::File { file, path, bytes } => {
                *bytes += line.len() as u64;
                file.write_all(&line).map_err(|e| write_failure(&e, Some(path)))
            }
        }
    }

    fn flush(&mut self) -> Result<(), Failure> {
        match self {
            Sink::Stdout(out) => out.flush().map_err(|e| write_failure(&e, None)),
            Sink::File { file, path, .. } => file.flush().map_err(|e| write_failure(&e, Some(path))),
        }
    }
}

fn write_failure(error: &io::Error, path: Option<&Path>) -> Failure {
    match path {
        None if error.kind() == io::ErrorKind::BrokenPipe => Failure::Closed,
        None => Failure::Usage(format!("cannot write to standard output: {error}")),
        Some(path) => Failure::Usage(format!("cannot write `{}`: {error}", path.display())),
    }
}

fn checkpoint_path(output: &Path) -> PathBuf {
    let mut name = output.as_os_str().to_owned();
    name.push(".checkpoint");
    PathBuf::from(name)
}

/// The checkpoint, or `None` when there is none (the last run stopped
/// before its first page: everything starts again).
fn load_checkpoint(path: &Path) -> Result<Option<Checkpoint>, Failure> {
    match fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| Failure::Usage(format!("`{}` is not a ringq checkpoint: {e}", path.display()))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure::Usage(format!("cannot read `{}`: {e}", path.display()))),
    }
}

/// Writes the checkpoint whole or not at all: into a temporary file,
/// renamed over the old one.
fn save_checkpoint(path: &Path, checkpoint: &Checkpoint) -> Result<(), Failure> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    let text = serde_json::to_string(checkpoint).map_err(|e| Failure::Usage(e.to_string()))?;
    fs::write(&temporary, text)
        .and_then(|()| fs::rename(&temporary, path))
        .map_err(|e| Failure::Usage(format!("cannot write `{}`: {e}", path.display())))
}

/// A bar on standard error when it is a terminal: records, total when
/// known, rate and time left.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:30} {human_pos}/{human_len} records  {per_sec}  eta {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
