//! Peak memory of `ringq check` per byte of query: the slope of the peak
//! resident set size between a 1 MiB and a 10 MiB query (the same text as
//! the `long` benchmarks), so that what every process has anyway (the
//! binary, the allocator's arenas) cancels out.
//!
//! Also the peak memory of `ringq fetch ringcx` as the number of records
//! grows (2,000 and 20,000 threads from a server on 127.0.0.1): one page is
//! held at a time, so what grows is only the 16-byte fingerprint a record
//! that keeps every record once.
//!
//! Run with `cargo bench --bench memory`. It runs the release binary under
//! `/usr/bin/time` (Debian's package `time`), which reports the peak
//! resident set size of a child process.

use std::fs::File;
use std::process::{Command, Stdio};

mod common;
use common::long_query;

#[path = "../tests/support/api_server.rs"]
mod api_server;
use api_server::{ApiServer, TOKEN};

/// The least peak RSS in KiB of three runs of `ringq` (other processes
/// only ever add) under `/usr/bin/time`; `setup` gives its arguments,
/// input and environment.
fn least_peak_kib(binary: &str, setup: impl Fn(&mut Command) -> Result<(), String>) -> Result<u64, String> {
    let mut least = u64::MAX;
    for _ in 0..3 {
        let mut command = Command::new("/usr/bin/time");
        command.args(["-f", "%M", binary]).stdout(Stdio::null());
        setup(&mut command)?;
        let output =
            command.output().map_err(|e| format!("cannot run /usr/bin/time ({e}); install Debian's package `time`"))?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            return Err(format!("ringq failed: {stderr}"));
        }
        let last = stderr.lines().last().unwrap_or_default().trim();
        let kib: u64 = last.parse().map_err(|_| format!("unexpected output from /usr/bin/time: {stderr}"))?;
        least = least.min(kib);
    }
    Ok(least)
}

/// Bytes of peak RSS per unit between two points `(units, KiB)`.
fn slope(points: &[(usize, u64)]) -> Option<f64> {
    match points {
        [(x1, y1), (x2, y2)] => Some((*y2 as f64 - *y1 as f64) * 1024.0 / (*x2 as f64 - *x1 as f64)),
        _ => None,
    }
}

fn main() -> Result<(), String> {
    let binary = env!("CARGO_BIN_EXE_ringq");
    let dir = std::env::temp_dir().join(format!("ringq-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut points = Vec::new();
    for mib in [1usize, 10] {
        let text = long_query(mib << 20);
        let path = dir.join(format!("{mib}mib.txt"));
        std::fs::write(&path, &text).map_err(|e| e.to_string())?;
        let kib = least_peak_kib(binary, |command| {
            command.arg("check").stdin(File::open(&path).map_err(|e| e.to_string())?);
            Ok(())
        })?;
        println!("memory/ringq_check/{mib}MiB: peak RSS {kib} KiB for {} bytes", text.len());
        points.push((text.len(), kib));
    }
    let _ = std::fs::remove_dir_all(&dir);
    if let Some(slope) = slope(&points) {
        println!("memory/ringq_check/slope: {slope:.2} bytes of peak RSS per byte of query");
    }
    let mut fetched = Vec::new();
    for threads in [2_000usize, 20_000] {
        let server = ApiServer::start(threads, 0);
        let kib = least_peak_kib(binary, |command| {
            command.args(["--now", "2026-11-18T10:30:00Z", "fetch", "ringcx", "--quiet"]);
            command.args(["--base-url", &server.ringcx_url(), "refund"]).env("RINGCX_TOKEN", TOKEN);
            Ok(())
        })?;
        println!("memory/ringq_fetch/{threads}_records: peak RSS {kib} KiB");
        fetched.push((threads, kib));
    }
    if let Some(slope) = slope(&fetched) {
        println!("memory/ringq_fetch/slope: {slope:.0} bytes of peak RSS per record");
    }
    Ok(())
}
