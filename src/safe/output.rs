//! Checked writes to standard output and standard error.
//!
//! `println!` panics when stdout is closed and ignores nothing else silently either way; kinerja
//! writes through these functions instead. A closed pipe (`kinerja log | head -1`) is
//! [`OutputError::Closed`], which the CLI ends quietly on; any other failure (a full disk behind
//! `> backup.json`) is [`OutputError::Failed`], an error with a message and a non-zero exit.

use std::fmt;
use std::io::{self, Write};

#[derive(Debug)]
pub enum OutputError {
    /// The reader went away (EPIPE): stop quietly.
    Closed,
    /// Writing failed for another reason.
    Failed {
        stream: &'static str,
        error: io::Error,
    },
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputError::Closed => Ok(()),
            OutputError::Failed { stream, error } => {
                f.write_str(&crate::text::safe::OUTPUT_FAILED.fill(&[
                    ("stream", stream),
                    ("reason", &super::read::io_reason(error)),
                ]))
            }
        }
    }
}

impl std::error::Error for OutputError {}

fn classify(stream: &'static str, error: io::Error) -> OutputError {
    if error.kind() == io::ErrorKind::BrokenPipe {
        OutputError::Closed
    } else {
        OutputError::Failed { stream, error }
    }
}

/// Writes all of `w` and flushes it.
pub fn write_all_to(
    w: &mut impl Write,
    stream: &'static str,
    bytes: &[u8],
) -> Result<(), OutputError> {
    w.write_all(bytes)
        .and_then(|()| w.flush())
        .map_err(|e| classify(stream, e))
}

/// Writes `text` to standard output and flushes it.
pub fn out(text: &str) -> Result<(), OutputError> {
    write_all_to(&mut io::stdout().lock(), "stdout", text.as_bytes())
}

/// Writes `text` and a newline to standard output.
pub fn outln(text: &str) -> Result<(), OutputError> {
    let mut s = String::with_capacity(text.len() + 1);
    s.push_str(text);
    s.push('\n');
    out(&s)
}

/// Writes `text` and a newline to standard error. A failure is returned; where there is no
/// one to tell (stderr itself failed) callers may ignore it, but never panic.
pub fn errln(text: &str) -> Result<(), OutputError> {
    let mut s = String::with_capacity(text.len() + 1);
    s.push_str(text);
    s.push('\n');
    write_all_to(&mut io::stderr().lock(), "stderr", s.as_bytes())
}
