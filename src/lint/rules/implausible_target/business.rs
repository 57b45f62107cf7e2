//! What the whole of a business or a market can do: a share of a market
//! others hold, and the takings of the whole business.

use crate::lint::text::{Kind, Text};

/// "Share of UK admissions", 2.4% to 45%; "share of county weddings", 4%
/// to 60%: a share of a whole market (a place or a scope of
/// `lexicon/market-scope.txt` in the name) taken [`MARKET_MULTIPLE`] times
/// over, to [`MARKET_MAJORITY`] or more, is taken from rivals who will not
/// stand still. A share of one's own work ("claims decided same day") is
/// no market.
pub(super) fn market_taken(name: &str, from: f64, to: f64) -> bool {
    let text = Text::new(name);
    // The scope follows the share: "share of UK admissions", "market share
    // in the county"; "our total fleet" and "who recommend us" are ours.
    let Some(share) = (0..text.len()).find(|&i| text.word_in(i, &["share", "market"])) else {
        return false;
    };
    let ours = (0..text.len()).any(|i| text.word_in(i, &["our", "we", "us"]));
    let market = text.tokens[share..]
        .iter()
        .any(|t| t.is(Kind::Place) || t.is(Kind::MarketScope));
    market && !ours && to >= MARKET_MAJORITY && to / from >= MARKET_MULTIPLE
}

/// How many times over a market share is too many for one plan.
const MARKET_MULTIPLE: f64 = 10.0;

/// The share of a market from which taking it tenfold is implausible.
const MARKET_MAJORITY: f64 = 40.0;

/// "Annual turnover", "net sales", "revenue": the whole business's takings,
/// which compound; "payments revenue", a new line, may grow faster from
/// its first small year.
pub(super) fn whole_business(name: &str) -> bool {
    let name = Text::new(name);
    let takings = name.tokens.iter().any(|t| t.is(Kind::Takings));
    takings
        && name
            .tokens
            .iter()
            .all(|t| t.is(Kind::Takings) || t.is(Kind::WholeBusiness))
}
