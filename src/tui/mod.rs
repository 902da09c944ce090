//! The terminal layer. Keys become actions through one table, `update` changes the model
//! and returns effects, `draw` reads the model and returns what only the screen can tell:
//!
//! - `keymap`: every key, in one table (context → keys → command → action);
//! - `input`: terminal events to actions, a batch at a time;
//! - `action`: the actions and the effects;
//! - `model`: the state; `update`: the one place it changes;
//! - `view`: drawing, one file a part of the screen;
//! - `notes`, `search`, `setup_form`, `vim`: the editors the model holds;
//! - `runtime`: the loop, and carrying out effects; `terminal`: taking the terminal,
//!   giving it back, writing frames.

pub mod action;
pub mod input;
pub mod keymap;
pub mod model;
pub mod notes;
pub mod runtime;
pub mod search;
pub mod setup_form;
pub mod terminal;
pub mod update;
pub mod view;
pub mod vim;

pub use runtime::{Ending, Saved, Storage, run_console};
