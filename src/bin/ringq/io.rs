//! Reading the input and writing the output, the same way for every
//! subcommand: a byte-order mark is dropped, invalid UTF-8 is bad input with
//! its byte offset, a closed pipe ends the command quietly (as `cat` and `rg`
//! do) and any other write error is a one-line error.

use std::io::{self, BufRead, Read, Write};

/// How a command ended, mapped to the exit code by `main`.
pub enum Failure {
    /// Invalid input (exit 1); the diagnostics were already printed.
    Invalid,
    /// Bad usage, or an input or output that cannot be used (exit 2).
    Usage(String),
    /// Standard output was closed by its reader (exit 0, nothing printed).
    Closed,
    /// The server or the network failed after retries (exit 3); what
    /// happened was already printed.
    Server,
}

impl Failure {
    /// Invalid input with a one-line message, printed now.
    pub fn invalid(message: &str) -> Failure {
        diagnostics(&format!("error: {message}\n"));
        Failure::Invalid
    }

    /// A failed write to standard output.
    fn from_write(error: &io::Error) -> Failure {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Usage(format!("cannot write to standard output: {error}"))
        }
    }
}

/// A UTF-8 byte-order mark, which Windows editors and PowerShell pipes put
/// before the text; it is not part of any query.
const BOM: &str = "\u{feff}";

/// The words of the argument joined by spaces (`ringq check
/// assigned_to_me:yes status_in:new` is one query, as `gh search` reads
/// it), or standard input when there are none or the one word is `-`.
pub fn input(words: &[String]) -> Result<String, Failure> {
    match words {
        [] => stdin(),
        [only] if only == "-" => stdin(),
        words => Ok(words.join(" ")),
    }
}

/// Whether [`input`] reads these words from standard input.
pub fn reads_stdin(words: &[String]) -> bool {
    match words {
        [] => true,
        [only] => only == "-",
        _ => false,
    }
}

/// All of standard input as text.
fn stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
    utf8(bytes, 0).map(without_bom).map_err(|message| Failure::invalid(&message))
}

/// The text without a leading byte-order mark.
fn without_bom(text: String) -> String {
    match text.strip_prefix(BOM) {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// The bytes as text, or a message naming the first invalid byte (counted
/// from `offset`, the position of these bytes in standard input).
fn utf8(bytes: Vec<u8>, offset: usize) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = offset + e.utf8_error().valid_up_to();
        format!("standard input is not valid UTF-8: invalid byte at offset {at}")
    })
}

/// The lines of standard input, each decoded on its own (a line that is not
/// UTF-8 is an `Err` with its message, and the next lines still come), the
/// line ending and a leading byte-order mark removed.
pub fn lines() -> impl Iterator<Item = Result<Result<String, String>, Failure>> {
    let mut stdin = io::stdin().lock();
    let mut offset = 0;
    std::iter::from_fn(move || {
        let mut bytes = Vec::new();
        match stdin.read_until(b'\n', &mut bytes) {
            Ok(0) => None,
            Ok(read) => {
                let start = offset;
                offset += read;
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                }
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
                let line = utf8(bytes, start).map(|text| if start == 0 { without_bom(text) } else { text });
                Some(Ok(line))
            }
            Err(e) => Some(Err(Failure::Usage(format!("cannot read standard input: {e}")))),
        }
    })
}

/// Standard output, buffered, with write errors turned into [`Failure`]s.
pub struct Output {
    out: io::BufWriter<io::StdoutLock<'static>>,
}

impl Output {
    pub fn new() -> Self {
        Output { out: io::BufWriter::new(io::stdout().lock()) }
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) -> Result<(), Failure> {
        self.out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"))
            .map_err(|e| Failure::from_write(&e))
    }

    /// Writes everything still buffered; every command ends with this.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.out.flush().map_err(|e| Failure::from_write(&e))
    }
}

/// Writes diagnostics to standard error. A failure to write them has nowhere
/// to be reported, and must not turn into a panic, so it is ignored.
pub fn diagnostics(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}
