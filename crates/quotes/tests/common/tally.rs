//! A right-out-of-total counter shared by the evaluation examples.
// Each example uses its own part of it.
#![allow(dead_code)]

#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub n: usize,
    pub ok: usize,
}

impl Tally {
    pub fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }

    pub fn merge(&mut self, o: Tally) {
        self.n += o.n;
        self.ok += o.ok;
    }

    /// `ok/n pct%`, or `-` when nothing was counted.
    pub fn cell(&self) -> String {
        if self.n == 0 {
            return "-".into();
        }
        format!(
            "{}/{} {:.1}%",
            self.ok,
            self.n,
            100.0 * self.ok as f64 / self.n as f64
        )
    }

    pub fn show(&self, label: &str) {
        println!(
            "  {label:<44} {:>3}/{:<3} = {:5.1}%",
            self.ok,
            self.n,
            100.0 * self.ok as f64 / self.n.max(1) as f64
        );
    }
}
