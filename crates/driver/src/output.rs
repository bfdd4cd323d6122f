//! Writing results: to a temporary file beside the target, renamed into place only when the
//! run succeeds (a crash never leaves half a file under the real name), gzip by extension,
//! or straight to standard output.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::DriverError;

enum Sink {
    Stdout(BufWriter<std::io::Stdout>),
    File(BufWriter<NamedTempFile>),
    Gzip(flate2::write::GzEncoder<BufWriter<NamedTempFile>>),
}

/// An output that appears atomically under its name at [`AtomicOutput::commit`].
pub struct AtomicOutput {
    target: PathBuf,
    sink: Sink,
}

impl std::fmt::Debug for AtomicOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AtomicOutput")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl AtomicOutput {
    /// Opens `path` (`-` for standard output), creating its directory if needed.
    pub fn create(path: &Path) -> Result<Self, DriverError> {
        if path == Path::new("-") {
            return Ok(AtomicOutput {
                target: path.into(),
                sink: Sink::Stdout(BufWriter::with_capacity(1 << 20, std::io::stdout())),
            });
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(|e| DriverError::io(dir.display(), e))?;
        let prefix = format!(
            ".{}.",
            path.file_name()
                .map_or_else(|| "out".into(), |n| n.to_string_lossy())
        );
        let tmp = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| DriverError::io(dir.display(), e))?;
        let buffered = BufWriter::with_capacity(1 << 20, tmp);
        let sink = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
        {
            Sink::Gzip(flate2::write::GzEncoder::new(
                buffered,
                flate2::Compression::fast(),
            ))
        } else {
            Sink::File(buffered)
        };
        Ok(AtomicOutput {
            target: path.into(),
            sink,
        })
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), DriverError> {
        let result = match &mut self.sink {
            Sink::Stdout(w) => w.write_all(bytes),
            Sink::File(w) => w.write_all(bytes),
            Sink::Gzip(w) => w.write_all(bytes),
        };
        result.map_err(|e| DriverError::io(self.target.display(), e))
    }

    /// Flushes and moves the file into place.
    pub fn commit(self) -> Result<(), DriverError> {
        let target = self.target;
        let io = |e: std::io::Error| DriverError::io(target.display(), e);
        let tmp = match self.sink {
            Sink::Stdout(mut w) => return w.flush().map_err(io),
            Sink::File(w) => w.into_inner().map_err(|e| io(e.into_error()))?,
            Sink::Gzip(w) => w
                .finish()
                .map_err(io)?
                .into_inner()
                .map_err(|e| io(e.into_error()))?,
        };
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(&target).map_err(|e| io(e.error))?;
        Ok(())
    }
}

/// Writes a small file (rejects, statistics) atomically.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<(), DriverError> {
    let mut out = AtomicOutput::create(path)?;
    out.write_all(bytes)?;
    out.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn nothing_appears_before_commit_and_gzip_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/out.jsonl.gz");
        let mut out = AtomicOutput::create(&path).unwrap();
        out.write_all(b"{\"id\":\"a\"}\n").unwrap();
        assert!(!path.exists());
        out.commit().unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "{\"id\":\"a\"}\n");
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1);
    }

    #[test]
    fn dropped_output_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        let mut out = AtomicOutput::create(&path).unwrap();
        out.write_all(b"partial").unwrap();
        drop(out);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
