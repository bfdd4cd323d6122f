//! Stage `quotes` (not built yet).
