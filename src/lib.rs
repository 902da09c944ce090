//! interview-console: run a structured behavioral interview from the terminal.
//!
//! `config` reads the interviewer's settings; `guide` and `interview` are the domain and know nothing of the terminal; `store` keeps
//! sessions on disk; `markdown` and `listing` turn sessions into text; `safe_text` cleans
//! text from outside for a terminal; `tui` draws and maps keys.

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod config;
pub mod guide;
pub mod interview;
pub mod listing;
pub mod markdown;
pub mod safe_text;
pub mod store;
pub mod tui;
