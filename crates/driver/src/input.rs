//! Finding and reading input: `.txt` files (one document each), `.jsonl` / `.jsonl.gz` files
//! and standard input (one document per line). Reading yields raw items; parsing them into
//! documents happens later, in parallel, so one reader thread is never the bottleneck.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use galley_record::Document;
use serde_json::json;

use crate::decode::text_from_bytes;
use crate::DriverError;

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    /// A plain-text file: the whole file is one document.
    Text(PathBuf),
    /// A JSON-lines file, gzip-compressed when its name ends in `.gz`.
    Jsonl(PathBuf),
    /// JSON lines on standard input.
    Stdin,
}

impl InputSource {
    fn of_file(path: PathBuf) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".ndjson") {
            Some(InputSource::Jsonl(path))
        } else if name.ends_with(".txt") {
            Some(InputSource::Text(path))
        } else {
            None
        }
    }

    /// Size on disk, for the progress bar (0 for stdin).
    pub fn len(&self) -> u64 {
        match self {
            InputSource::Text(p) | InputSource::Jsonl(p) => p.metadata().map_or(0, |m| m.len()),
            InputSource::Stdin => 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn name(&self) -> String {
        match self {
            InputSource::Text(p) | InputSource::Jsonl(p) => p.display().to_string(),
            InputSource::Stdin => "<stdin>".to_owned(),
        }
    }
}

/// Turns the user's input arguments (files, directories, glob patterns, `-`) into the list of
/// sources, in a stable order: directories are walked recursively and sorted, so the output
/// order never depends on the file system.
pub fn expand_inputs(args: &[PathBuf]) -> Result<Vec<InputSource>, DriverError> {
    let mut sources = Vec::new();
    for arg in args {
        let shown = arg.display().to_string();
        if shown == "-" {
            sources.push(InputSource::Stdin);
        } else if arg.is_dir() {
            let mut files = Vec::new();
            walk(arg, &mut files)?;
            files.sort();
            let before = sources.len();
            sources.extend(files.into_iter().filter_map(InputSource::of_file));
            if sources.len() == before {
                return Err(DriverError::Input(format!(
                    "{shown}: no .txt, .jsonl or .jsonl.gz files in this directory"
                )));
            }
        } else if arg.is_file() {
            // An explicitly named file is read even with an unusual extension: as JSONL if it
            // looks like it, else as text.
            sources.push(
                InputSource::of_file(arg.clone()).unwrap_or_else(|| InputSource::Text(arg.clone())),
            );
        } else if shown.contains(['*', '?', '[']) {
            let paths = glob::glob(&shown)
                .map_err(|e| DriverError::Input(format!("{shown}: bad glob pattern: {e}")))?;
            let mut files: Vec<PathBuf> = paths
                .filter_map(Result::ok)
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(DriverError::Input(format!(
                    "{shown}: the pattern matches no files"
                )));
            }
            sources.extend(
                files
                    .into_iter()
                    .map(|p| InputSource::of_file(p.clone()).unwrap_or(InputSource::Text(p))),
            );
        } else {
            return Err(DriverError::Input(format!(
                "{shown}: no such file or directory"
            )));
        }
    }
    Ok(sources)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), DriverError> {
    let entries = std::fs::read_dir(dir).map_err(|e| DriverError::io(dir.display(), e))?;
    for entry in entries {
        let path = entry.map_err(|e| DriverError::io(dir.display(), e))?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue; // hidden files and our own temporary outputs
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// An input line that could not become a document, kept whole for `rejects.jsonl`.
#[derive(Debug, Clone)]
pub struct Reject {
    pub file: Arc<str>,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    pub reason: String,
    pub raw: String,
}

impl Reject {
    pub fn to_json(&self) -> serde_json::Value {
        json!({ "file": &*self.file, "line": self.line, "reason": self.reason, "raw": self.raw })
    }

    pub fn message(&self) -> String {
        if self.line == 0 {
            format!("{}: {}", self.file, self.reason)
        } else {
            format!("{}:{}: {}", self.file, self.line, self.reason)
        }
    }
}

/// Something read but not yet parsed.
#[derive(Debug)]
pub enum RawItem {
    /// A whole `.txt` file.
    Text {
        file: Arc<str>,
        id: String,
        bytes: Vec<u8>,
    },
    /// One JSONL line (without its newline).
    Line {
        file: Arc<str>,
        line: usize,
        bytes: Vec<u8>,
    },
    /// The source itself failed (unreadable, corrupt gzip): reported, never silently skipped.
    Failed(Reject),
}

impl RawItem {
    /// Bytes of input this item stands for.
    pub fn size(&self) -> usize {
        match self {
            RawItem::Text { bytes, .. } | RawItem::Line { bytes, .. } => bytes.len(),
            RawItem::Failed(_) => 0,
        }
    }

    /// Parses into a document, or says exactly why not.
    pub fn parse(self) -> Result<Document, Reject> {
        match self {
            RawItem::Failed(reject) => Err(reject),
            RawItem::Text { file, id, bytes } => {
                let empty = bytes.is_empty();
                let (text, bad_at) = text_from_bytes(bytes);
                let mut doc = Document::new(id, text);
                doc.set("source", &*file);
                if let Some(at) = bad_at {
                    doc.push_error(
                        "read",
                        format!("{file}: not valid UTF-8 (first bad byte at offset {at}); decoded as Windows-1252"),
                    );
                }
                if empty {
                    doc.push_error("read", format!("{file}: the file is empty"));
                }
                Ok(doc)
            }
            RawItem::Line { file, line, bytes } => {
                let reject = |reason: String, raw: String| Reject {
                    file: file.clone(),
                    line,
                    reason,
                    raw,
                };
                let text = match std::str::from_utf8(&bytes) {
                    Ok(t) => t,
                    Err(e) => {
                        let at = e.valid_up_to();
                        return Err(reject(
                            format!("not valid UTF-8 (first bad byte at column {})", at + 1),
                            String::from_utf8_lossy(&bytes).into_owned(),
                        ));
                    }
                };
                Document::from_json_line(text).map_err(|e| reject(e.to_string(), text.to_owned()))
            }
        }
    }
}

/// Reads sources item by item, in order.
pub struct Reader {
    sources: std::vec::IntoIter<InputSource>,
    current: Option<(Arc<str>, Box<dyn BufRead + Send>, usize)>,
    stdin_taken: bool,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").finish_non_exhaustive()
    }
}

impl Reader {
    pub fn new(sources: Vec<InputSource>) -> Self {
        Reader {
            sources: sources.into_iter(),
            current: None,
            stdin_taken: false,
        }
    }

    fn open_lines(
        &mut self,
        source: &InputSource,
    ) -> Result<Box<dyn BufRead + Send>, std::io::Error> {
        const BUF: usize = 1 << 20;
        Ok(match source {
            InputSource::Stdin => {
                if self.stdin_taken {
                    return Err(std::io::Error::other(
                        "standard input is named more than once",
                    ));
                }
                self.stdin_taken = true;
                Box::new(BufReader::with_capacity(BUF, std::io::stdin()))
            }
            InputSource::Jsonl(path) => {
                let file = File::open(path)?;
                if path.to_string_lossy().to_lowercase().ends_with(".gz") {
                    Box::new(BufReader::with_capacity(
                        BUF,
                        flate2::read::MultiGzDecoder::new(file),
                    ))
                } else {
                    Box::new(BufReader::with_capacity(BUF, file))
                }
            }
            InputSource::Text(_) => unreachable!("text files are read whole"),
        })
    }
}

impl Iterator for Reader {
    type Item = RawItem;

    fn next(&mut self) -> Option<RawItem> {
        loop {
            if let Some((file, reader, line)) = &mut self.current {
                let mut bytes = Vec::new();
                match reader.read_until(b'\n', &mut bytes) {
                    Ok(0) => {
                        let (file, _, lines) = self.current.take()?;
                        if lines == 0 {
                            return Some(RawItem::Failed(Reject {
                                file,
                                line: 0,
                                reason: "the file holds no records (it is empty)".into(),
                                raw: String::new(),
                            }));
                        }
                        continue;
                    }
                    Ok(_) => {
                        *line += 1;
                        if bytes.last() == Some(&b'\n') {
                            bytes.pop();
                            if bytes.last() == Some(&b'\r') {
                                bytes.pop();
                            }
                        }
                        if bytes.iter().all(u8::is_ascii_whitespace) {
                            continue; // blank lines carry no record
                        }
                        return Some(RawItem::Line {
                            file: file.clone(),
                            line: *line,
                            bytes,
                        });
                    }
                    Err(e) => {
                        let (file, _, lines) = self.current.take()?;
                        return Some(RawItem::Failed(Reject {
                            file,
                            line: lines + 1,
                            reason: format!("read error, rest of the file skipped: {e}"),
                            raw: String::new(),
                        }));
                    }
                }
            }
            let source = self.sources.next()?;
            let name: Arc<str> = source.name().into();
            match &source {
                InputSource::Text(path) => {
                    let id = path
                        .file_stem()
                        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                    return Some(match std::fs::read(path) {
                        Ok(bytes) => RawItem::Text {
                            file: name,
                            id,
                            bytes,
                        },
                        Err(e) => RawItem::Failed(Reject {
                            file: name,
                            line: 0,
                            reason: format!("cannot read: {e}"),
                            raw: String::new(),
                        }),
                    });
                }
                _ => match self.open_lines(&source) {
                    Ok(reader) => self.current = Some((name, reader, 0)),
                    Err(e) => {
                        return Some(RawItem::Failed(Reject {
                            file: name,
                            line: 0,
                            reason: format!("cannot read: {e}"),
                            raw: String::new(),
                        }))
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_txt_and_jsonl_with_rejects() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), b"caf\xe9 \x93x\x94").unwrap();
        let mut f = File::create(dir.path().join("a.jsonl")).unwrap();
        writeln!(
            f,
            "{{\"id\":\"1\",\"text\":\"ok\"}}\n\n{{oops\n{{\"id\":\"2\"}}"
        )
        .unwrap();
        std::fs::write(dir.path().join("c.jsonl"), b"").unwrap();
        std::fs::write(dir.path().join("notes.md"), b"ignored").unwrap();
        let sources = expand_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(sources.len(), 3);
        let results: Vec<_> = Reader::new(sources).map(RawItem::parse).collect();
        assert_eq!(results.len(), 5);
        assert_eq!(results[0].as_ref().unwrap().text, "ok");
        let bad = results[1].as_ref().unwrap_err();
        assert_eq!(bad.line, 3);
        assert!(bad.reason.contains("malformed JSON"));
        assert!(results[2]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("missing field `text`"));
        let txt = results[3].as_ref().unwrap();
        assert_eq!((txt.id.as_str(), txt.text.as_str()), ("b", "café “x”"));
        assert!(txt
            .get("errors")
            .unwrap()
            .to_string()
            .contains("Windows-1252"));
        assert!(results[4].as_ref().unwrap_err().reason.contains("empty"));
    }

    #[test]
    fn missing_input_is_an_error() {
        let e = expand_inputs(&[PathBuf::from("/no/such/dir")])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("/no/such/dir") && e.contains("no such file"),
            "{e}"
        );
    }
}
