//! interview-console: run a structured behavioral interview from the terminal.
//!
//! `guide` and `interview` are the domain and know nothing of the terminal; `tui` draws
//! and maps keys.

pub mod guide;
pub mod interview;
