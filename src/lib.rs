//! interview-console: run a structured behavioral interview from the terminal.
//!
//! `guide` and `interview` are the domain and know nothing of the terminal; `tui` draws
//! and maps keys.

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod guide;
pub mod interview;
pub mod store;
pub mod tui;
