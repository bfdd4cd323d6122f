//! Stage `sentences` (not built yet).
