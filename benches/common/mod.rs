//! The queries the benchmarks measure, shared so that speed and memory are
//! measured on the same text.

// Each benchmark uses some of these.
#![allow(dead_code)]

/// Ten terms of the kinds people write.
pub const TYPICAL: &str = "assigned_to_me:true -status_in:replied status_in:new source:5d8b1f2a \
categorized_in:c42 language:en first_content_after:2011-02-03 order:created_at.asc refund \"late delivery\"";

/// A query of about `bytes` bytes, of distinct terms (so none is dropped as
/// a duplicate) of the usual kinds: bare words, quoted phrases, ids, a
/// quoted `assigned_to` and negated terms.
pub fn long_query(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 64);
    let mut i = 0u64;
    while text.len() < bytes {
        let term = match i % 6 {
            0 => format!("source:s{i} "),
            1 => format!("-assigned_to_team:t{i} "),
            2 => format!("\"late delivery {i}\" "),
            3 => format!("categorized_in:c{i} "),
            4 => format!("assigned_to:\"u{i}\" "),
            _ => format!("refund{i} "),
        };
        text.push_str(&term);
        i += 1;
    }
    text
}
