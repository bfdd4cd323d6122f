//! External stages: any executable that reads JSONL on stdin and writes exactly one JSONL
//! line per input line, in order, with the same `id`. Processes are started once and fed
//! batch after batch; a crash, a hang or a dropped line costs only the records it touched,
//! which pass on unchanged with the failure in their `errors`.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError};
use galley_record::Document;

use crate::DriverError;

/// How much of a plug-in's stderr is kept for error messages.
const STDERR_TAIL: usize = 2048;

struct Process {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<Vec<u8>>,
    stderr: Arc<Mutex<VecDeque<u8>>>,
}

/// One `command = [...]` stage with its pool of processes.
pub struct ExternalStage {
    pub label: String,
    command: Vec<String>,
    cwd: PathBuf,
    timeout: Duration,
    slots: Vec<Mutex<Option<Process>>>,
}

impl std::fmt::Debug for ExternalStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExternalStage")
            .field("label", &self.label)
            .field("command", &self.command)
            .finish()
    }
}

impl ExternalStage {
    /// Starts `processes` copies of `command` in `cwd`, so a missing program fails the run
    /// before any input is read.
    pub fn start(
        label: &str,
        command: &[String],
        cwd: PathBuf,
        processes: usize,
        timeout_secs: u64,
    ) -> Result<Self, DriverError> {
        let stage = ExternalStage {
            label: label.to_owned(),
            command: command.to_vec(),
            cwd,
            timeout: Duration::from_secs(timeout_secs),
            slots: (0..processes.max(1)).map(|_| Mutex::new(None)).collect(),
        };
        for slot in &stage.slots {
            let process = stage.spawn()?;
            *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(process);
        }
        Ok(stage)
    }

    fn shown_command(&self) -> String {
        self.command.join(" ")
    }

    fn spawn(&self) -> Result<Process, DriverError> {
        let mut child = Command::new(&self.command[0])
            .args(&self.command[1..])
            .current_dir(&self.cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| DriverError::Stage {
                stage: self.label.clone(),
                message: format!(
                    "cannot start `{}` in {}: {e}",
                    self.shown_command(),
                    self.cwd.display()
                ),
            })?;
        let stdout = child.stdout.take().ok_or_else(|| DriverError::Stage {
            stage: self.label.clone(),
            message: "no stdout pipe".into(),
        })?;
        let (tx, rx) = crossbeam_channel::unbounded();
        std::thread::spawn(move || {
            let mut reader = BufReader::with_capacity(1 << 16, stdout);
            loop {
                let mut line = Vec::new();
                match reader.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        let stderr = Arc::new(Mutex::new(VecDeque::with_capacity(STDERR_TAIL)));
        if let Some(mut err) = child.stderr.take() {
            let tail = stderr.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = err.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    let mut tail = tail.lock().unwrap_or_else(|e| e.into_inner());
                    tail.extend(&buf[..n]);
                    let excess = tail.len().saturating_sub(STDERR_TAIL);
                    tail.drain(..excess);
                }
            });
        }
        let stdin = child.stdin.take();
        Ok(Process {
            child,
            stdin,
            lines: rx,
            stderr,
        })
    }

    /// Sends `docs` through the processes (split evenly between them) and replaces each with
    /// its processed version. Returns `(index, message)` for every record that could not be
    /// processed; those records are left as they were.
    pub fn process_batch(&self, docs: &mut [Document]) -> Vec<(usize, String)> {
        if docs.is_empty() {
            return Vec::new();
        }
        let chunk = docs.len().div_ceil(self.slots.len());
        std::thread::scope(|scope| {
            let handles: Vec<_> = docs
                .chunks_mut(chunk)
                .zip(&self.slots)
                .enumerate()
                .map(|(i, (part, slot))| {
                    scope.spawn(move || {
                        let mut guard = slot.lock().unwrap_or_else(|e| e.into_inner());
                        self.run_chunk(&mut guard, part)
                            .into_iter()
                            .map(|(j, m)| (i * chunk + j, m))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }

    fn run_chunk(&self, slot: &mut Option<Process>, docs: &mut [Document]) -> Vec<(usize, String)> {
        let count = docs.len();
        let fail_from = |from: usize, message: &str| {
            (from..count)
                .map(|i| (i, message.to_owned()))
                .collect::<Vec<_>>()
        };
        if slot.is_none() {
            match self.spawn() {
                Ok(p) => *slot = Some(p),
                Err(e) => return fail_from(0, &e.to_string()),
            }
        }
        let Some(process) = slot.as_mut() else {
            return Vec::new();
        };
        let mut payload = Vec::with_capacity(docs.iter().map(|d| d.text.len() + 64).sum());
        for doc in docs.iter() {
            doc.write_json(&mut payload);
            payload.push(b'\n');
        }
        let mut errors = Vec::new();
        // (first record left unanswered, why): the process is out of step and must go.
        let mut broken: Option<(usize, String)> = None;
        std::thread::scope(|scope| {
            // Writing from another thread: a plug-in that answers line by line would otherwise
            // fill its stdout pipe while we are still blocked writing its stdin.
            let writer = process.stdin.take().map(|mut stdin| {
                scope.spawn(move || {
                    let ok = stdin
                        .write_all(&payload)
                        .and_then(|()| stdin.flush())
                        .is_ok();
                    ok.then_some(stdin)
                })
            });
            let deadline = Instant::now() + self.timeout;
            for (i, doc) in docs.iter_mut().enumerate() {
                let wait = deadline.saturating_duration_since(Instant::now());
                let line = match process.lines.recv_timeout(wait) {
                    Ok(line) => line,
                    Err(RecvTimeoutError::Timeout) => {
                        let _ = process.child.kill();
                        broken = Some((i, format!(
                            "external stage `{}` gave no answer within {} s (hung, or reading all input before writing?); killed it",
                            self.label,
                            self.timeout.as_secs()
                        )));
                        break;
                    }
                    Err(RecvTimeoutError::Disconnected) => {
                        let status = exit_status(&mut process.child);
                        let tail: Vec<u8> = process
                            .stderr
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .iter()
                            .copied()
                            .collect();
                        let tail = String::from_utf8_lossy(&tail).trim().to_owned();
                        broken = Some((i, format!(
                            "external stage `{}` (`{}`) stopped after answering {i} of {count} records ({status}){}",
                            self.label,
                            self.shown_command(),
                            if tail.is_empty() { String::new() } else { format!("; its stderr ends: {tail}") }
                        )));
                        break;
                    }
                };
                let text = String::from_utf8_lossy(&line);
                match Document::from_json_line(text.trim_end()) {
                    Ok(out) if out.id == doc.id => *doc = out,
                    Ok(out) => {
                        broken = Some((i, format!(
                            "external stage `{}` answered record `{}` where record `{}` was due (did it drop a line?): plug-ins must write one line per input line, in order",
                            self.label, out.id, doc.id
                        )));
                        let _ = process.child.kill();
                        break;
                    }
                    Err(e) => errors.push((
                        i,
                        format!(
                            "external stage `{}` wrote an unusable line: {e}",
                            self.label
                        ),
                    )),
                }
            }
            if broken.is_some() {
                // The writer may be blocked on a live but stuck process: end it so it returns.
                let _ = process.child.kill();
            }
            process.stdin = writer.and_then(|w| w.join().ok().flatten());
        });
        if let Some((from, message)) = broken {
            errors.extend(fail_from(from, &message));
            if let Some(mut p) = slot.take() {
                let _ = p.child.kill();
                let _ = p.child.wait();
            }
        }
        errors
    }

    /// Closes every process's stdin and waits for it to exit (killing laggards).
    pub fn shutdown(&self) {
        for slot in &self.slots {
            if let Some(mut p) = slot.lock().unwrap_or_else(|e| e.into_inner()).take() {
                p.stdin = None;
                let deadline = Instant::now() + Duration::from_secs(5);
                while Instant::now() < deadline {
                    if matches!(p.child.try_wait(), Ok(Some(_))) {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                let _ = p.child.kill();
                let _ = p.child.wait();
            }
        }
    }
}

/// The exit status of a process that closed its stdout, giving it a moment to exit by itself
/// (so the message shows its own exit code) before killing it.
fn exit_status(child: &mut Child) -> String {
    let deadline = Instant::now() + Duration::from_secs(1);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return status.to_string();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    child.wait().map_or_else(
        |e| e.to_string(),
        |s| format!("{s}, killed: it closed its output but kept running"),
    )
}

impl Drop for ExternalStage {
    fn drop(&mut self) {
        self.shutdown();
    }
}
