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

/// The first 16 bytes of `bytes` as [`chunk_at`] reads them, zeros after a shorter slice.
///
/// Read with two loads of 8 (or 4) bytes that overlap, the overlap shifted out of the second:
/// a short word is packed on every lookup, and a copy of a variable length costs a call.
pub fn padded_chunk(bytes: &[u8]) -> u128 {
    let bytes = &bytes[..bytes.len().min(MAX_WORD)];
    let len = bytes.len();
    let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
    let u32_at = |i: usize| u64::from(u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes")));
    let (low, high) = if len > 8 {
        (u64_at(0), u64_at(len - 8) >> (8 * (MAX_WORD - len)))
    } else if len == 8 {
        (u64_at(0), 0)
    } else if len > 4 {
        (u32_at(0) | (u32_at(len - 4) >> (8 * (8 - len))) << 32, 0)
    } else {
        let low = bytes
            .iter()
            .enumerate()
            .fold(0, |low, (i, &byte)| low | u64::from(byte) << (8 * i));
        (low, 0)
    };
    u128::from(low) | u128::from(high) << 64
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

/// `chunk`'s first `len` bytes (all 16 when `len` is more) with bit 5 set, the rest cleared.
/// Two texts whose first `len` bytes are equal ignoring ASCII case fold to the same value, so
/// a different value proves them different.
pub fn folded_prefix(chunk: u128, len: usize) -> u128 {
    (chunk | splat(0x20)) & WORD_BITS[len.min(MAX_WORD)]
}

/// The lower-cased ASCII letters `bytes[at..end]`, packed little-endian (`None` when empty or
/// longer than [`MAX_WORD`]).
pub fn pack(bytes: &[u8], at: usize, end: usize) -> Option<u128> {
    let len = end - at;
    if len == 0 || len > MAX_WORD {
        return None;
    }
    let chunk = chunk_at(bytes, at).unwrap_or_else(|| padded_chunk(&bytes[at..end]));
    pack_chunk(chunk, len)
}

/// `word`'s key when it is nothing but ASCII letters, at most [`MAX_WORD`] of them.
///
/// Its bytes are read once, into the chunk whose leading letters are then counted all at once.
pub fn pack_word(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD {
        return None;
    }
    let chunk = padded_chunk(bytes);
    // The zeros after a shorter word are no letters.
    if leading_letters(chunk) != bytes.len() {
        return None;
    }
    pack_chunk(chunk, bytes.len())
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
#[derive(Debug, Clone)]
pub struct WordSet(PackedTable<()>);

impl WordSet {
    pub fn new(list: &[&str]) -> Self {
        let keys = list.iter().map(|word| {
            pack_word(word).unwrap_or_else(|| panic!("`{word}` is not a word of at most {MAX_WORD} ASCII letters"))
        });
        Self(PackedTable::new(keys.map(|key| (key, ()))))
    }

    /// Whether `word` is one of the set's words, ignoring ASCII case. A word with anything but
    /// ASCII letters is none of them.
    pub fn contains(&self, word: &str) -> bool {
        pack_word(word).is_some_and(|key| self.0.get(key).is_some())
    }
}

/// The bits of a [`PackedTable`]'s filter, and the words that hold them.
const FILTER_BITS: u32 = 16;
const FILTER_WORDS: usize = (1 << FILTER_BITS) / 64;

/// A fixed table of packed words, for lookups once per word of a text. One hash of the key
/// gives both a filter bit and the slot where the key would be. The filter (8 KiB) stays in
/// the first-level cache and rejects most words of a text, which are in no table, without
/// touching the slots; the keys sit apart from the values, so a probe reads one cache line.
#[derive(Debug, Clone)]
pub struct PackedTable<V> {
    /// Of a fixed length, so a bit's word is read without a bounds check.
    filter: Box<[u64; FILTER_WORDS]>,
    /// Packed words by slot, 0 where empty (no word packs to 0).
    keys: Box<[u128]>,
    values: Box<[Option<V>]>,
}

impl<V> PackedTable<V> {
    const FILTER_BITS: u32 = FILTER_BITS;

    #[inline]
    fn hash(key: u128) -> u64 {
        let mut hasher = FoldHasher::default();
        hasher.write_u128(key);
        hasher.finish()
    }

    /// The table of `entries`; a later entry for a key replaces an earlier one.
    pub fn new(entries: impl IntoIterator<Item = (u128, V)>) -> Self {
        let entries: Vec<(u128, V)> = entries.into_iter().collect();
        // At most about half full: a missing key ends its probe at an empty slot soon.
        let slots = (entries.len() * 2).next_power_of_two().max(16);
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        let mut keys = vec![0u128; slots].into_boxed_slice();
        let mut values: Box<[Option<V>]> = std::iter::repeat_with(|| None).take(slots).collect();
        for (key, value) in entries {
            assert_ne!(key, 0, "a packed word is never 0");
            let hash = Self::hash(key);
            let bit = (hash >> (64 - Self::FILTER_BITS)) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
            let mut slot = hash as usize & (slots - 1);
            while keys[slot] != 0 && keys[slot] != key {
                slot = (slot + 1) & (slots - 1);
            }
            keys[slot] = key;
            values[slot] = Some(value);
        }
        Self { filter, keys, values }
    }

    #[inline]
    pub fn get(&self, key: u128) -> Option<&V> {
        let hash = Self::hash(key);
        let bit = (hash >> (64 - Self::FILTER_BITS)) as usize;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mask = self.keys.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.keys[slot] {
                found if found == key => return self.values[slot].as_ref(),
                0 => return None,
                _ => slot = (slot + 1) & mask,
            }
        }
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
    fn a_word_packs_when_it_is_nothing_but_ascii_letters() {
        for word in [
            "",
            "a",
            "NATO",
            "nato",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "a1",
            "it's",
            "é",
            "a b",
            "z@",
        ] {
            let letters = word.bytes().all(|b| b.is_ascii_alphabetic());
            assert_eq!(
                pack_word(word),
                letters.then(|| pack(word.as_bytes(), 0, word.len())).flatten(),
                "{word:?}"
            );
        }
        assert_eq!(pack_word("NaTo"), pack_word("nato"));
        assert!(pack_word("abcdefghijklmnop").is_some());
    }

    #[test]
    fn a_padded_chunk_holds_the_bytes_then_zeros() {
        let text: Vec<u8> = (1..=20).map(|i| i * 11).collect();
        for len in 0..=text.len() {
            let mut expected = [0u8; MAX_WORD];
            let held = len.min(MAX_WORD);
            expected[..held].copy_from_slice(&text[..held]);
            assert_eq!(padded_chunk(&text[..len]), u128::from_le_bytes(expected), "{len} bytes");
        }
    }

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
    fn folded_prefixes_agree_on_text_equal_but_for_case_and_tell_other_text_apart() {
        let fold = |text: &str, len: usize| folded_prefix(chunk_at(text.as_bytes(), 0).expect("16 bytes"), len);
        assert_eq!(fold("NATO allies met today", 4), fold("nato’s allies met today", 4));
        assert_eq!(
            fold("United States Army said", 13),
            fold("united states of america", 13)
        );
        assert_ne!(
            fold("United States Army said", 15),
            fold("united states of america", 15)
        );
        assert_ne!(fold("Natos and more words", 5), fold("NATO’s and more words", 5));
        assert_eq!(
            fold("a long name of twenty bytes", 27),
            fold("A LONG NAME OF TWENTY bytes", 27)
        );
        assert_eq!(fold("x is short here...", 0), 0);
    }

    #[test]
    fn a_word_set_ignores_ascii_case_and_holds_only_whole_words() {
        let set = WordSet::new(&["the", "of"]);
        assert!(set.contains("The") && set.contains("OF"));
        assert!(!set.contains("them") && !set.contains("th") && !set.contains("") && !set.contains("thé"));
    }

    #[test]
    fn a_packed_table_finds_every_word_it_holds_and_no_other() {
        // Two-letter and three-letter words: enough keys that probes run past taken slots.
        let letters = b"abcdefghijklmnopqrstuvwxyz";
        let word = |i: usize| {
            let mut w = vec![letters[i % 26], letters[(i / 26) % 26]];
            if i >= 676 {
                w.push(letters[(i / 676) % 26]);
            }
            String::from_utf8(w).expect("ASCII")
        };
        let held: Vec<String> = (0..3000).step_by(3).map(word).collect();
        let table = PackedTable::new(
            held.iter()
                .enumerate()
                .map(|(i, w)| (pack_word(w).expect("letters"), i)),
        );
        for (i, w) in held.iter().enumerate() {
            assert_eq!(table.get(pack_word(w).expect("letters")), Some(&i), "{w}");
        }
        for w in (1..3000).step_by(3).map(word) {
            assert_eq!(table.get(pack_word(&w).expect("letters")), None, "{w}");
        }
        let replaced = PackedTable::new([
            (pack_word("the").expect("letters"), 1),
            (pack_word("THE").expect("letters"), 2),
        ]);
        assert_eq!(replaced.get(pack_word("The").expect("letters")), Some(&2));
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
