//! Business time: opening hours, holidays, and counting business time.
//!
//! STUB: being written (issue 4).

/// A business calendar: a zone, a weekly schedule and holidays.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BusinessCalendar {}
