//! Pagination planners for the RingCX and OmniQ APIs (no I/O).
//!
//! STUB: being written (issue 5).
