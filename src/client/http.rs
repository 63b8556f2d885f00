//! One page request over HTTP, retried: what is worth retrying, how long
//! to wait, and how a refusal is said.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::de::DeserializeOwned;
use ureq::http::{Response, StatusCode};
use ureq::Body;

use super::FetchError;
use crate::hash::{hash_bytes, random_seed};

/// The largest page body read (a guard against a server that never stops).
const MAX_BODY: u64 = 512 << 20;
/// How much of a refusal's body is quoted in an error.
const QUOTED_BODY: usize = 500;

/// An API token. It is sent, never shown: `Debug` prints `Token(..)`, and
/// no error, log or checkpoint holds it.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// A token from its text.
    pub fn new(secret: impl Into<String>) -> Self {
        Token(secret.into())
    }

    /// The token in environment variable `name`, if set and not empty.
    /// Reading tokens from the environment keeps them out of `ps`.
    pub fn from_env(name: &str) -> Option<Token> {
        std::env::var(name).ok().filter(|t| !t.trim().is_empty()).map(Token)
    }

    pub(super) fn bearer(&self) -> String {
        format!("Bearer {}", self.0.trim())
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(..)")
    }
}

/// When and how often a failed page request is tried again.
///
/// Retried: 429 (after its `Retry-After`, in seconds or as an HTTP date),
/// 500, 502, 503, 504, connection failures and timeouts, and bodies that
/// are cut short, not JSON, or not the documented shape. Between tries the
/// wait doubles from `base` up to `cap`, with jitter (each wait is drawn
/// between half and all of it), so that many clients do not retry in
/// step. Not retried: 401 and 403 (the token or tenant was refused) and
/// other 4xx (the request itself is wrong).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries after the first (default 5).
    pub max_retries: u32,
    /// The first wait (default 500 ms).
    pub base: Duration,
    /// The longest wait between tries, and the longest `Retry-After`
    /// honoured (default 60 s).
    pub cap: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_retries: 5, base: Duration::from_millis(500), cap: Duration::from_secs(60) }
    }
}

impl RetryPolicy {
    /// The wait before retry number `retry` (0 for the first), jittered.
    fn backoff(&self, retry: u32) -> Duration {
        let full = self.base.saturating_mul(1u32.checked_shl(retry.min(20)).unwrap_or(u32::MAX)).min(self.cap);
        let half = full / 2;
        let draw = hash_bytes(random_seed(), &retry.to_le_bytes()) % 1024;
        half + half.mul_f64(draw as f64 / 1023.0)
    }
}

/// Sleeps between tries; tests pass one that does not.
pub(super) type Sleep = Arc<dyn Fn(Duration) + Send + Sync>;

/// What came back for one page, once retries are done.
pub(super) enum Answer<T> {
    /// The page, parsed.
    Page(T),
    /// HTTP 400 (OmniQ refuses a page past its result window with it).
    BadRequest(String),
}

/// The outcome of one try.
enum Try<T> {
    Done(Answer<T>),
    /// Worth another try, after at least this long (`Retry-After`), and why.
    Again(Option<Duration>, String),
}

/// Sends a request built by `send` until it gives a page or a final
/// refusal, counting each retry in `retries`.
pub(super) fn fetch_page<T: DeserializeOwned>(
    policy: &RetryPolicy,
    sleep: &Sleep,
    retries: &mut u64,
    what: &str,
    send: impl Fn() -> Result<Response<Body>, ureq::Error>,
) -> Result<Answer<T>, FetchError> {
    let mut retry = 0;
    loop {
        let reason = match attempt(what, &send)? {
            Try::Done(answer) => return Ok(answer),
            Try::Again(after, _) if retry < policy.max_retries => {
                let wait = after.map_or_else(|| policy.backoff(retry), |after| after.min(policy.cap));
                sleep(wait);
                retry += 1;
                *retries += 1;
                continue;
            }
            Try::Again(_, reason) => reason,
        };
        return Err(FetchError::GaveUp { what: what.to_owned(), tries: retry + 1, reason });
    }
}

fn attempt<T: DeserializeOwned>(
    what: &str,
    send: &impl Fn() -> Result<Response<Body>, ureq::Error>,
) -> Result<Try<T>, FetchError> {
    let mut response = match send() {
        Ok(response) => response,
        Err(error) => return Ok(Try::Again(None, format!("the connection failed: {error}"))),
    };
    let status = response.status();
    let body = response.body_mut().with_config().limit(MAX_BODY).read_to_vec();
    if status.is_success() {
        return Ok(match body {
            Ok(bytes) => match serde_json::from_slice::<T>(&bytes) {
                Ok(page) => Try::Done(Answer::Page(page)),
                Err(e) => Try::Again(None, format!("the answer is not the documented page shape: {e}")),
            },
            Err(e) => Try::Again(None, format!("the answer was cut short: {e}")),
        });
    }
    let message = || quoted(body.as_deref().unwrap_or_default());
    match status {
        StatusCode::TOO_MANY_REQUESTS => {
            let after = response.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(retry_after);
            Ok(Try::Again(after, "the server asked to slow down (429)".to_owned()))
        }
        StatusCode::INTERNAL_SERVER_ERROR
        | StatusCode::BAD_GATEWAY
        | StatusCode::SERVICE_UNAVAILABLE
        | StatusCode::GATEWAY_TIMEOUT => Ok(Try::Again(None, format!("the server failed ({status}){}", message()))),
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
            Err(FetchError::Refused { what: what.to_owned(), status: status.as_u16(), message: message() })
        }
        StatusCode::BAD_REQUEST => Ok(Try::Done(Answer::BadRequest(message()))),
        _ => Err(FetchError::Status { what: what.to_owned(), status: status.as_u16(), message: message() }),
    }
}

/// `Retry-After`: a number of seconds, or an HTTP date.
fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let at = SystemTime::from(at);
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

/// `: <the body's start>` for an error message, or nothing for an empty
/// body.
fn quoted(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let cut = text.char_indices().nth(QUOTED_BODY).map_or(text.len(), |(i, _)| i);
    let more = if cut < text.len() { "…" } else { "" };
    format!(": {}{more}", text.get(..cut).unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn backoff_doubles_within_the_cap_with_jitter() {
        let policy = RetryPolicy { max_retries: 9, base: Duration::from_millis(100), cap: Duration::from_secs(1) };
        for retry in 0..40 {
            let full = (Duration::from_millis(100) * 2u32.pow(retry.min(10))).min(Duration::from_secs(1));
            let wait = policy.backoff(retry);
            assert!(wait >= full / 2 && wait <= full, "retry {retry}: {wait:?} outside {full:?}");
        }
    }

    #[test]
    fn a_token_is_never_shown() {
        assert_eq!(format!("{:?}", Token::new("s3cret")), "Token(..)");
    }
}
