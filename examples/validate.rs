//! Validate what a person typed, and show what is wrong the way a compiler
//! would.
//!
//! ```sh
//! cargo run --example validate -- 'asigned_to:42 -status_in:replyed first_content_after:"feb 30"'
//! echo 'assigned_to_me:yes refund' | cargo run --example validate
//! ```

use std::io::Read;
use std::process::ExitCode;

use chrono::DateTime;
use ringq::{Options, Style};

fn main() -> ExitCode {
    let query = match std::env::args().nth(1) {
        Some(query) => query,
        None => {
            let mut text = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("cannot read standard input: {e}");
                return ExitCode::from(2);
            }
            text
        }
    };

    // The library reads no clock: "now" comes from the caller.
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let Some(now) = DateTime::from_timestamp(seconds, 0) else {
        eprintln!("the system clock is out of range");
        return ExitCode::from(2);
    };
    let mut options = Options::at(now);
    options.tz = chrono_tz::Europe::Paris;

    match options.check(&query) {
        Ok(report) => {
            // Warnings do not stop a query, but deserve a look.
            eprint!("{}", report.render_warnings(Style::Plain));
            println!("canonical: {}", report.canonical());
            let parsed = report.parsed();
            for (i, term) in parsed.query().terms().enumerate() {
                if let Some(span) = parsed.date(i) {
                    println!("  {term}  =>  [{}, {})", span.start.to_rfc3339(), span.end.to_rfc3339());
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            // Every problem, each under its span, with a hint.
            eprint!("{error}");
            ExitCode::FAILURE
        }
    }
}
