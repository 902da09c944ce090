//! Sessions on disk: the record format, atomic private files, the sessions folder with its
//! locks, and the background writer.

pub mod autosave;
pub mod files;
pub mod id;
pub mod record;
pub mod recovery;
pub mod sessions;

pub use id::SessionId;
pub use record::{SessionRecord, Status};
pub use sessions::{LoadError, SessionLock, SessionStore};
