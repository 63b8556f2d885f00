//! Sort orders: `order:FIELD.DIRECTION`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// `order:FIELD.DIRECTION`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Order {
    /// What to sort by.
    pub field: OrderField,
    /// Which way.
    pub direction: SortDirection,
}

/// The fields a query can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderField {
    /// Thread creation time.
    CreatedAt,
    /// Time of the thread's last content (the default).
    #[default]
    LastContentAt,
}

/// Sort direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    /// Oldest first.
    Asc,
    /// Newest first (the default).
    #[default]
    Desc,
}

impl Order {
    /// Every sort order, in the catalogue's order.
    pub const ALL: [Order; 4] = [
        Order { field: OrderField::CreatedAt, direction: SortDirection::Asc },
        Order { field: OrderField::CreatedAt, direction: SortDirection::Desc },
        Order { field: OrderField::LastContentAt, direction: SortDirection::Asc },
        Order { field: OrderField::LastContentAt, direction: SortDirection::Desc },
    ];
}

impl OrderField {
    /// Every sortable field.
    pub const ALL: [OrderField; 2] = [OrderField::CreatedAt, OrderField::LastContentAt];

    /// The field as `order:` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderField::CreatedAt => "created_at",
            OrderField::LastContentAt => "last_content_at",
        }
    }
}

impl SortDirection {
    /// Both directions.
    pub const ALL: [SortDirection; 2] = [SortDirection::Asc, SortDirection::Desc];

    /// The direction as `order:` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            SortDirection::Asc => "asc",
            SortDirection::Desc => "desc",
        }
    }
}

impl Order {
    /// The order as `order:` spells it: `created_at.asc`, ….
    pub fn as_str(self) -> &'static str {
        match (self.field, self.direction) {
            (OrderField::CreatedAt, SortDirection::Asc) => "created_at.asc",
            (OrderField::CreatedAt, SortDirection::Desc) => "created_at.desc",
            (OrderField::LastContentAt, SortDirection::Asc) => "last_content_at.asc",
            (OrderField::LastContentAt, SortDirection::Desc) => "last_content_at.desc",
        }
    }
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
