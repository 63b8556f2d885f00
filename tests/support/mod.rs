//! What several test files share.

pub mod api_server;
