//! `ringq serve`: the local HTTP service and its playground page.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Args;
use ringq::serve::Config;

use crate::io::{Failure, Output};
use crate::report::Format;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on. The default answers only this machine; port 0
    /// picks a free port (the address is printed on standard output).
    #[arg(long, default_value = "127.0.0.1:8844")]
    listen: SocketAddr,
    /// The largest request body read, in bytes; larger ones get 413.
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    body_limit: usize,
    /// How long one answer may take, in milliseconds; slower ones get 503.
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    timeout: u64,
    /// Allow browser pages from this origin to call the service (CORS),
    /// e.g. https://tools.example.com. Default: none.
    #[arg(long, value_name = "ORIGIN")]
    allow_origin: Option<String>,
    /// `text`: "ringq serve: listening on URL" on standard output; `json`:
    /// `{"listening": "URL"}`, for a program that started the service on
    /// port 0.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: &ServeArgs) -> Result<(), Failure> {
    let mut config = Config::default();
    config.body_limit = args.body_limit;
    config.timeout = Duration::from_millis(args.timeout.max(1));
    config.allow_origin = args.allow_origin.clone();
    // A bad origin is a usage error before anything listens.
    let router = ringq::serve::router(&config).map_err(|e| Failure::Usage(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Usage(format!("cannot start the service: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| Failure::Usage(format!("cannot listen on {}: {e}", args.listen)))?;
        let address = listener.local_addr().map_err(|e| Failure::Usage(e.to_string()))?;
        let shutdown = shutdown()?;
        let mut out = Output::new();
        let url = format!("http://{address}/");
        match args.format {
            Format::Text => out.line(&format!("ringq serve: listening on {url}"))?,
            Format::Json => out.line(&serde_json::json!({"listening": url}).to_string())?,
        }
        out.finish()?;
        ringq::serve::run(listener, router, shutdown)
            .await
            .map_err(|e| Failure::Usage(format!("the service stopped: {e}")))
    })
}

/// Completes on Ctrl-C, or SIGTERM where there is one. The handlers are
/// installed now, before the address is printed: a signal sent as soon as
/// the service says it listens must not kill it unannounced.
#[cfg(unix)]
fn shutdown() -> Result<impl std::future::Future<Output = ()>, Failure> {
    use tokio::signal::unix::{signal, SignalKind};
    let install = |kind| signal(kind).map_err(|e| Failure::Usage(format!("cannot handle signals: {e}")));
    let (mut interrupt, mut terminate) = (install(SignalKind::interrupt())?, install(SignalKind::terminate())?);
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn shutdown() -> Result<impl std::future::Future<Output = ()>, Failure> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
