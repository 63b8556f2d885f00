//! Local time in a zone, and the rule for local times that DST makes
//! nonexistent or ambiguous.
//!
//! Calendar arithmetic (days, weeks, months, clock times) happens on local
//! wall-clock values; only the final values are mapped to UTC, here:
//!
//! - a wall time in a spring-forward gap is moved forward by the length of
//!   the gap (02:30 on a day that jumps from 02:00 to 03:00 is 03:30), as
//!   Ruby's `Time.local` and Chronic do;
//! - a wall time that happens twice at a fall-back is the earlier one.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// The UTC instant of the wall time `naive` in `tz`, by the rule above.
/// `None` only when the result is outside chrono's range.
pub(crate) fn to_utc(naive: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    if tz == Tz::UTC {
        // The default zone, and the one without offsets to look up.
        return Some(naive.and_utc());
    }
    if let Some(t) = tz.from_local_datetime(&naive).earliest() {
        return Some(t.with_timezone(&Utc));
    }
    // In a gap: read the wall time with the offset in force just before it.
    // Gaps are at most a day long in the tz database; look back hour by hour.
    let before = (1..=26).find_map(|h| {
        let probe = naive.checked_sub_signed(Duration::hours(h))?;
        tz.from_local_datetime(&probe).latest()
    })?;
    let offset = i64::from(before.offset().fix().local_minus_utc());
    let utc = naive.checked_sub_signed(Duration::seconds(offset))?;
    Some(Utc.from_utc_datetime(&utc))
}

/// The wall time of `t` in `tz`.
pub(crate) fn local(t: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    if tz == Tz::UTC {
        return t.naive_utc();
    }
    t.with_timezone(&tz).naive_local()
}
