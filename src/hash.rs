//! A fast keyed hash of each term as it is written: the folded-multiply
//! construction of foldhash (the default hasher of `hashbrown`), keyed
//! with the standard library's per-process random keys.
//!
//! Keyed with a seed no caller can predict, a crafted query cannot make
//! distinct terms collide on purpose; and it costs a few multiplications
//! per 8 bytes where the standard library's SipHash costs rounds per byte,
//! which matters when every term of a long query is hashed. Results never
//! depend on the seed: equality is always decided by comparing texts.

use std::hash::{BuildHasher, RandomState};

const MULTIPLIERS: [u64; 3] = [0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7344, 0xa409_3822_299f_31d0];

/// A seed from the standard library's per-process random keys.
pub(crate) fn random_seed() -> u64 {
    RandomState::new().hash_one(0x5eed_u64)
}

/// The hash of `bytes` under `seed`.
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    fold_bytes(seed.wrapping_mul(MULTIPLIERS[0]), bytes)
}

/// The full 128-bit product of `a` and `b`, folded to 64 bits.
fn folded_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Mixes `bytes` into `hash`, eight at a time.
fn fold_bytes(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        hash = folded_multiply(hash ^ word, MULTIPLIERS[1]);
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    if let Some(slot) = last.get_mut(..rest.len()) {
        slot.copy_from_slice(rest);
    }
    folded_multiply(hash ^ u64::from_le_bytes(last) ^ (bytes.len() as u64) << 56, MULTIPLIERS[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bytes_hash_alike_and_the_seed_matters() {
        let seed = random_seed();
        assert_eq!(hash_bytes(seed, b"source:s1"), hash_bytes(seed, b"source:s1"));
        assert_ne!(hash_bytes(seed, b"source:s1"), hash_bytes(seed, b"source:s2"));
        assert_ne!(hash_bytes(1, b"source:s1"), hash_bytes(2, b"source:s1"));
        // Lengths are mixed in: a zero byte at the end changes the hash.
        assert_ne!(hash_bytes(seed, b"ab"), hash_bytes(seed, b"ab\0"));
    }
}
