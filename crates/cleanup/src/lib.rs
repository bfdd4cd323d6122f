//! Stage `cleanup` (not built yet).
