//! Names found in the text (placeholder filled below).
