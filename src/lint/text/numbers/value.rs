//! A number found in a text, and when two state the same amount.

use super::super::Unit;

/// A number found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    /// Its value; shares in words are in percent (`a third` = 33.3).
    pub value: f64,
    /// Its unit, where the text gives one.
    pub unit: Unit,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
    /// True when the text hedges it: "roughly", "a bit over", "about".
    pub approx: bool,
    /// A duration, in days: "three weeks" is 21.
    pub days: Option<f64>,
    /// A frequency, in times a year: "twice a year" and "every six months" are 2.
    pub per_year: Option<f64>,
}

impl Value {
    pub(super) fn plain(value: f64, unit: Unit, first: usize, last: usize) -> Value {
        Value {
            value,
            unit,
            first,
            last,
            approx: false,
            days: None,
            per_year: None,
        }
    }

    /// True when two values state the same amount: the same duration or
    /// frequency whatever its unit, else the same number (to 15% when either
    /// is hedged).
    pub fn same_as(&self, other: &Value) -> bool {
        let tolerance = if self.approx || other.approx {
            0.15
        } else {
            0.005
        };
        let close = |a: f64, b: f64| (a - b).abs() <= tolerance * a.abs().max(b.abs()).max(1.0);
        match (self.days, other.days, self.per_year, other.per_year) {
            // In minutes, so "25 minutes" and "five" are not both "under a day".
            (Some(a), Some(b), _, _) => close(a * 1440.0, b * 1440.0),
            (_, _, Some(a), Some(b)) => close(a, b),
            _ => close(self.value, other.value),
        }
    }
}
