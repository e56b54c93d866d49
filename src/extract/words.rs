//! Packed words: a word's lower-cased ASCII letters as one `u128`, the key of the tables that
//! classify words ([`super::starts`]) and find entity names ([`super::Gazetteer`]) with a single
//! hash probe per word of the text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Words of at most this many ASCII letters can be packed.
pub const MAX_WORD: usize = 16;

/// The 16 bytes at `at`, little-endian, where the text has them.
pub fn chunk_at(bytes: &[u8], at: usize) -> Option<u128> {
    let chunk = bytes.get(at..at + MAX_WORD)?;
    Some(u128::from_le_bytes(chunk.try_into().expect("16 bytes")))
}

/// A byte repeated over the 16 bytes of a `u128`.
const fn splat(byte: u8) -> u128 {
    u128::from_le_bytes([byte; MAX_WORD])
}

/// How many ASCII letters `chunk` (16 bytes, little-endian) opens with, all of its bytes
/// tested at once.
pub fn leading_letters(chunk: u128) -> usize {
    const HIGH: u128 = splat(0x80);
    // Lower-cased and without their top bit, no byte carries into the next when added to.
    let lower = (chunk | splat(0x20)) & !HIGH;
    let at_least_a = lower.wrapping_add(splat(0x80 - b'a'));
    let past_z = lower.wrapping_add(splat(0x80 - b'z' - 1));
    let letters = at_least_a & !past_z & !chunk & HIGH;
    ((!letters & HIGH).trailing_zeros() / 8) as usize
}

/// The bits of a word's first `len` bytes, by `len`: a table, as a shift of a `u128` by a
/// variable amount takes several instructions.
const WORD_BITS: [u128; MAX_WORD + 1] = {
    let mut bits = [0; MAX_WORD + 1];
    let mut len = 1;
    while len <= MAX_WORD {
        bits[len] = u128::MAX >> (8 * (MAX_WORD - len));
        len += 1;
    }
    bits
};

/// `chunk`'s first `len` bytes lower-cased and packed (`None` when `len` is 0 or over
/// [`MAX_WORD`]); they must be ASCII letters.
pub fn pack_chunk(chunk: u128, len: usize) -> Option<u128> {
    if len == 0 || len > MAX_WORD {
        return None;
    }
    // Setting bit 5 lower-cases an ASCII letter.
    Some((chunk | splat(0x20)) & WORD_BITS[len])
}

/// The lower-cased ASCII letters `bytes[at..end]`, packed little-endian (`None` when empty or
/// longer than [`MAX_WORD`]).
pub fn pack(bytes: &[u8], at: usize, end: usize) -> Option<u128> {
    let len = end - at;
    if len == 0 || len > MAX_WORD {
        return None;
    }
    let chunk = chunk_at(bytes, at).unwrap_or_else(|| {
        let mut chunk = [0u8; MAX_WORD];
        chunk[..len].copy_from_slice(&bytes[at..end]);
        u128::from_le_bytes(chunk)
    });
    pack_chunk(chunk, len)
}

/// `word`'s key when it is nothing but ASCII letters, at most [`MAX_WORD`] of them.
pub fn pack_word(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    pack(bytes, 0, bytes.len())
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

/// Short words of ASCII letters, found in any ASCII case with one probe: for word lists that
/// are read once per word of a phrase.
#[derive(Debug, Clone, Default)]
pub struct WordSet(WordMap<()>);

impl WordSet {
    pub fn new(list: &[&str]) -> Self {
        let keys = list.iter().map(|word| {
            pack_word(word).unwrap_or_else(|| panic!("`{word}` is not a word of at most {MAX_WORD} ASCII letters"))
        });
        Self(keys.map(|key| (key, ())).collect())
    }

    /// Whether `word` is one of the set's words, ignoring ASCII case. A word with anything but
    /// ASCII letters is none of them.
    pub fn contains(&self, word: &str) -> bool {
        pack_word(word).is_some_and(|key| self.0.contains_key(&key))
    }
}

/// One bit per slot of a packed word's hash, set for every word of a table: a clear bit tells
/// that a word is not in the table without probing it. Most words of a text are in no table,
/// and the bits (8 KiB) stay in the first-level cache where the table does not.
#[derive(Debug, Clone)]
pub struct WordFilter {
    bits: Box<[u64]>,
}

impl WordFilter {
    const SLOT_BITS: u32 = 16;

    fn slot(key: u128) -> usize {
        let mut hasher = FoldHasher::default();
        hasher.write_u128(key);
        (hasher.finish() >> (64 - Self::SLOT_BITS)) as usize
    }

    pub fn new(keys: impl IntoIterator<Item = u128>) -> Self {
        let mut bits = vec![0u64; (1 << Self::SLOT_BITS) / 64].into_boxed_slice();
        for key in keys {
            let slot = Self::slot(key);
            bits[slot / 64] |= 1 << (slot % 64);
        }
        Self { bits }
    }

    /// False when `key` is surely not one of the filter's words.
    pub fn may_hold(&self, key: u128) -> bool {
        let slot = Self::slot(key);
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }
}

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

    #[test]
    fn a_word_set_ignores_ascii_case_and_holds_only_whole_words() {
        let set = WordSet::new(&["the", "of"]);
        assert!(set.contains("The") && set.contains("OF"));
        assert!(!set.contains("them") && !set.contains("th") && !set.contains("") && !set.contains("thé"));
    }

    #[test]
    fn the_filter_holds_every_word_it_was_built_from_and_few_others() {
        let words: Vec<u128> = ["the", "twenty", "secretary", "kilometres", "nato"]
            .iter()
            .filter_map(|w| pack_word(w))
            .collect();
        let filter = WordFilter::new(words.iter().copied());
        assert!(words.iter().all(|&key| filter.may_hold(key)));
        let others = [
            "and", "soldiers", "mission", "baghdad", "trainers", "of", "said", "iraq",
        ];
        let passed = others
            .iter()
            .filter(|w| filter.may_hold(pack_word(w).expect("letters")))
            .count();
        assert!(passed <= 1, "{passed} words outside the filter passed it");
    }

    #[test]
    fn leading_letters_stop_at_the_first_byte_that_is_not_an_ascii_letter() {
        let count = |text: &str| leading_letters(chunk_at(text.as_bytes(), 0).expect("16 bytes"));
        assert_eq!(count("Stoltenberg said that"), 11);
        assert_eq!(count("AzaZ@[`{ and more words"), 4);
        assert_eq!(count("a9 and more words"), 1);
        assert_eq!(count("éa and more words"), 0);
        assert_eq!(count("abcdefghijklmnopqrstuvwxyz"), 16);
        assert_eq!(count("ab\u{0}cd and more words"), 2);
        assert_eq!(count("xyz\u{7f}\u{ff} and more words"), 3);
        // Every byte on its own, in each position.
        for byte in 0..=255u8 {
            for position in 0..16 {
                let mut bytes = *b"abcdefghijklmnop";
                bytes[position] = byte;
                let expected = if byte.is_ascii_alphabetic() { 16 } else { position };
                assert_eq!(
                    leading_letters(u128::from_le_bytes(bytes)),
                    expected,
                    "{byte:#x} at {position}"
                );
            }
        }
    }
}
