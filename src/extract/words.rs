//! Packed words: a word's lower-cased ASCII letters as one `u128`, the key of the tables that
//! classify words ([`super::starts`]) and find entity names ([`super::Gazetteer`]) with a single
//! hash probe per word of the text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Words of at most this many ASCII letters can be packed.
pub const MAX_WORD: usize = 16;

/// The lower-cased ASCII letters `bytes[at..end]`, packed little-endian (`None` when empty or
/// longer than [`MAX_WORD`]).
pub fn pack(bytes: &[u8], at: usize, end: usize) -> Option<u128> {
    let len = end - at;
    if len == 0 || len > MAX_WORD {
        return None;
    }
    let word_bits = u128::MAX >> (8 * (MAX_WORD - len));
    // Read 16 bytes at once where the text has them, then keep the word's.
    let raw = match bytes.get(at..at + MAX_WORD) {
        Some(chunk) => u128::from_le_bytes(chunk.try_into().expect("16 bytes")),
        None => {
            let mut chunk = [0u8; MAX_WORD];
            chunk[..len].copy_from_slice(&bytes[at..end]);
            u128::from_le_bytes(chunk)
        }
    };
    // Setting bit 5 lower-cases an ASCII letter.
    let lower_case = u128::from_le_bytes([0x20; MAX_WORD]);
    Some((raw | lower_case) & word_bits)
}

/// Multiply-and-fold hashing for packed words: the keys are already spread over 16 bytes.
#[derive(Default)]
pub struct FoldHasher(u64);

impl Hasher for FoldHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u128(&mut self, key: u128) {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(23);
        let product = u128::from(folded) * 0x9e37_79b9_7f4a_7c15;
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

/// A table keyed by packed words.
pub type WordMap<V> = HashMap<u128, V, BuildHasherDefault<FoldHasher>>;

/// The end of the run of ASCII letters at `at`.
pub fn letters_end(bytes: &[u8], at: usize) -> usize {
    at + bytes[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_ignores_case_and_what_follows_the_word() {
        let text = b"NATO nato NaTo natos";
        let key = pack(text, 0, 4);
        assert_eq!(key, pack(text, 5, 9));
        assert_eq!(key, pack(text, 10, 14));
        assert_ne!(key, pack(text, 15, 20));
        assert_eq!(pack(b"x", 0, 0), None);
        assert_eq!(pack(b"abcdefghijklmnopq", 0, 17), None);
        assert!(pack(b"abcdefghijklmnop", 0, 16).is_some());
    }
}
