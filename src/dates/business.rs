//! Business time: opening hours, holidays, and counting business time.
//!
//! STUB: the signatures of `BusinessCalendar::shift`, `BusinessUnit` and
//! `BusinessError` are fixed (the date grammar calls them); the rest is being
//! written (issue 4).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::Direction;

/// A business calendar: a zone, a weekly schedule and holidays.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BusinessCalendar {}

/// The unit of a business-time amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BusinessUnit {
    /// Business minutes.
    Minute,
    /// Business hours.
    Hour,
    /// Working days.
    Day,
}

/// Why business time could not be counted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BusinessError(pub String);

impl BusinessCalendar {
    /// The instant `amount` units of business time before (`Past`) or after
    /// (`Future`) `now`, as SPEC section 3 defines it. `fallback_zone` is the
    /// zone used when the calendar has none of its own.
    pub fn shift(
        &self,
        _now: DateTime<Utc>,
        _amount: u64,
        _unit: BusinessUnit,
        _direction: Direction,
        _fallback_zone: Tz,
    ) -> Result<DateTime<Utc>, BusinessError> {
        Err(BusinessError("business time is not implemented yet".into()))
    }
}
