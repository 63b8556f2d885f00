//! Peak memory of `ringq check` per byte of query: the slope of the peak
//! resident set size between a 1 MiB and a 10 MiB query (the same text as
//! the `long` benchmarks), so that what every process has anyway (the
//! binary, the allocator's arenas) cancels out.
//!
//! Run with `cargo bench --bench memory`. It runs the release binary under
//! `/usr/bin/time` (Debian's package `time`), which reports the peak
//! resident set size of a child process.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::long_query;

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
    Ok(())
}
