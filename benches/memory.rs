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
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::long_query;

#[path = "../tests/support/api_server.rs"]
mod api_server;
use api_server::{ApiServer, TOKEN};

/// The peak RSS in KiB of `ringq fetch ringcx` reading every thread of a
/// local server holding `threads`.
fn fetch_peak_kib(binary: &str, threads: usize) -> Result<u64, String> {
    let server = ApiServer::start(threads, 0);
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M", binary, "--now", "2026-11-18T10:30:00Z", "fetch", "ringcx", "--quiet"])
        .args(["--base-url", &server.ringcx_url(), "refund"])
        .env("RINGCX_TOKEN", TOKEN)
        .stdout(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run /usr/bin/time ({e}); install Debian's package `time`"))?;
    if !output.status.success() {
        return Err(format!("ringq fetch failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr.lines().last().unwrap_or_default().trim().parse().map_err(|_| format!("unexpected output: {stderr}"))
}

/// The peak RSS in KiB of `ringq check` reading `query` on its standard input.
fn peak_kib(binary: &str, query: &Path) -> Result<u64, String> {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M", binary, "check"])
        .stdin(File::open(query).map_err(|e| e.to_string())?)
        .stdout(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run /usr/bin/time ({e}); install Debian's package `time`"))?;
    if !output.status.success() {
        return Err(format!("ringq check failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or_default().trim();
    last.parse().map_err(|_| format!("unexpected output from /usr/bin/time: {stderr}"))
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
        // The least of three runs: other processes only ever add.
        let kib = (0..3).map(|_| peak_kib(binary, &path)).collect::<Result<Vec<_>, _>>()?;
        let kib = kib.into_iter().min().unwrap_or_default();
        println!("memory/ringq_check/{mib}MiB: peak RSS {kib} KiB for {} bytes", text.len());
        points.push((text.len() as f64, kib as f64 * 1024.0));
    }
    let _ = std::fs::remove_dir_all(&dir);
    if let [(x1, y1), (x2, y2)] = points[..] {
        println!("memory/ringq_check/slope: {:.2} bytes of peak RSS per byte of query", (y2 - y1) / (x2 - x1));
    }
    let mut fetched = Vec::new();
    for threads in [2_000usize, 20_000] {
        let kib = (0..3).map(|_| fetch_peak_kib(binary, threads)).collect::<Result<Vec<_>, _>>()?;
        let kib = kib.into_iter().min().unwrap_or_default();
        println!("memory/ringq_fetch/{threads}_records: peak RSS {kib} KiB");
        fetched.push((threads as f64, kib as f64 * 1024.0));
    }
    if let [(x1, y1), (x2, y2)] = fetched[..] {
        println!("memory/ringq_fetch/slope: {:.0} bytes of peak RSS per record", (y2 - y1) / (x2 - x1));
    }
    Ok(())
}
