//! interview-console: run a structured behavioral interview from the terminal.
//!
//! `guide` and `interview` are the domain and know nothing of the terminal; `store` keeps
//! sessions on disk; `markdown` and `listing` turn sessions into text; `tui` draws and maps
//! keys.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod guide;
pub mod interview;
pub mod listing;
pub mod markdown;
pub mod store;
pub mod tui;
