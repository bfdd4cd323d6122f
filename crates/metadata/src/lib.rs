//! Stage `metadata` (not built yet).
