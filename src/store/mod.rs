//! Sessions on disk: the record format, atomic private files, the sessions folder with its
//! locks, and the background writer; and the guide library the console reads guides from.

pub mod autosave;
pub mod files;
pub mod id;
pub mod library;
pub mod record;
pub mod recovery;
pub mod sessions;

pub use id::SessionId;
pub use record::{SessionRecord, Status};
pub use sessions::{LoadError, SessionLock, SessionStore};
