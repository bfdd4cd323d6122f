//! The stages a binary can build, by name. Plain data: a custom binary adds its own
//! [`StageSpec`] next to the built-in ones.

use galley_record::StageSpec;

/// An ordered list of buildable stages.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    specs: Vec<StageSpec>,
}

impl Registry {
    pub fn new() -> Self {
        Registry::default()
    }

    /// Adds a stage; a later spec with the same name replaces the earlier one, so a custom
    /// binary can override a built-in.
    pub fn with(mut self, spec: StageSpec) -> Self {
        self.specs.retain(|s| s.name != spec.name);
        self.specs.push(spec);
        self
    }

    pub fn get(&self, name: &str) -> Option<&StageSpec> {
        self.specs.iter().find(|s| s.name == name)
    }

    pub fn specs(&self) -> &[StageSpec] {
        &self.specs
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.specs.iter().map(|s| s.name).collect()
    }
}
