//! The four criteria against the labelled corpus, in two halves:
//!
//! - development (`tests/fixtures/criteria-corpus.toml`): rules are tuned on
//!   it, so its figures say how well the rules fit what they were built on;
//! - held-out (`tests/fixtures/criteria-heldout.toml`): written by someone
//!   who had not read the rules, committed before the rules changed and never
//!   edited after, so its figures are the evidence that the rules generalize;
//! - held-out-2 (`tests/fixtures/criteria-heldout-2.toml`): written the same
//!   way by another author once the rules had stopped changing, and measured
//!   once.
//! - held-out-3 (`tests/fixtures/criteria-heldout-3.toml`): a third author,
//!   the same way, committed before the fifth pass landed; measured once.
//! - held-out-4 (`tests/fixtures/criteria-heldout-4.toml`): a fourth author,
//!   committed before the sixth pass began; its horizons are judged from
//!   2026-12-01, a month later than the other halves'.
//! - held-out-5 (`tests/fixtures/criteria-heldout-5.toml`): another author,
//!   committed on 2026-12-03 before any seventh pass, judged from 2026-12-01
//!   like held-out-4.
//! - held-out-6 (`tests/fixtures/criteria-heldout-6.toml`): an eleventh
//!   author, committed on 2026-12-03 before the seventh pass's rules.
//!
//! `STRATA_CORPUS_UNSEEN=FILE` reads one more file the same way (judged from
//! 2026-12-01, no floors): a new batch is measured once with it, as the rules
//! stand, before it joins the development half.
//!
//! A case is flagged when the engine reports at least one diagnostic of the
//! case's criterion on its node. The test prints agreement per criterion and
//! level, false alarms on clean cases, misses on flagged ones, and how often
//! rewordings are caught beside their originals; it fails when a half drops
//! below the floors below (the figures reached, see `docs/rules.md`). Only the
//! development half's disagreements are named: naming held-out misses would
//! turn it into a development set.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use crate::support;

use strata::lint::{LintConfig, lint_node};
use strata::model::{Date, Level};
use toml::Table;

const DEVELOPMENT: &str = include_str!("../fixtures/criteria-corpus.toml");
/// Batch 6 of the development half, in a file of its own because its
/// horizons are judged from 2026-12-01 (its header says so).
const DEVELOPMENT_6: &str = include_str!("../fixtures/criteria-corpus-6.toml");
/// Batch 7, an eleventh author's, judged from 2026-12-01 like batch 6.
const DEVELOPMENT_7: &str = include_str!("../fixtures/criteria-corpus-7.toml");
/// Development batch 8, a thirteenth author's, read once unseen with the
/// eighth pass half made (82.5%); horizons judged from 2026-12-01.
const DEVELOPMENT_8: &str = include_str!("../fixtures/criteria-corpus-8.toml");
/// Development batch 9, a seventeenth author's, weighted to lofty-achievable;
/// read once unseen with the eighth pass's rules.
const DEVELOPMENT_9: &str = include_str!("../fixtures/criteria-corpus-9.toml");
/// Development batch 10, a nineteenth author's, weighted to lofty-achievable
/// and concrete; read once unseen with the ninth pass's rules (77.0%).
const DEVELOPMENT_10: &str = include_str!("../fixtures/criteria-corpus-10.toml");
/// Development batch 11, a new author's (written 2026-12-07), all lofty-achievable;
/// read once unseen with the tenth pass's rules (66.2%, 2 false alarms in 40).
const DEVELOPMENT_11: &str = include_str!("../fixtures/criteria-corpus-11.toml");
/// Development batch 12, a new author's (written 2026-12-07), weighted to
/// lofty-achievable and different-from-today; read once unseen with the
/// eleventh pass's rules (72.5%).
const DEVELOPMENT_12: &str = include_str!("../fixtures/criteria-corpus-12.toml");
/// Development batch 13, a new author's (written 2026-12-07), weighted to
/// lofty-achievable; read once unseen with the twelfth pass's rules (78.3%,
/// 3 false alarms in 60).
const DEVELOPMENT_13: &str = include_str!("../fixtures/criteria-corpus-13.toml");
/// Development batch 14, a new author's (written 2026-12-07), weighted to
/// concrete and will-not; read once unseen with the thirteenth pass's rules
/// part-way (87.5%, the same as with the twelfth's; 1 false alarm in 58).
const DEVELOPMENT_14: &str = include_str!("../fixtures/criteria-corpus-14.toml");
/// Development batch 15, a new author's (written 2026-12-07), weighted to
/// lofty-achievable (arithmetic from parts, market bounds, held rates);
/// read once unseen with the fourteenth pass's rules part-way (76.7%;
/// lofty-achievable 56.0%; 7 false alarms in 58).
const DEVELOPMENT_15: &str = include_str!("../fixtures/criteria-corpus-15.toml");
/// Development batch 16, a new author's (written 2026-12-07), weighted to
/// concrete and different-from-today; read once unseen with the fourteenth
/// pass's rules part-way (84.2%; 6 false alarms in 60).
const DEVELOPMENT_16: &str = include_str!("../fixtures/criteria-corpus-16.toml");
/// Development batch 17, a new author's (written 2026-12-07), weighted to
/// lofty-achievable (arithmetic from parts) and different-from-today; read
/// once unseen with the fifteenth pass's rules part-way (83.3%, the same as
/// the session-start rules; lofty-achievable 68.8%; 4 false alarms in 60).
const DEVELOPMENT_17: &str = include_str!("../fixtures/criteria-corpus-17.toml");
/// Development batch 18, a new author's (written 2026-12-07), weighted to
/// concrete and lofty-achievable; read once unseen with the session-start
/// rules (75.8%; concrete 67.5%, lofty-achievable 65.0%; 2 false alarms in
/// 60), and with the sixteenth pass's first change (76.7%).
const DEVELOPMENT_18: &str = include_str!("../fixtures/criteria-corpus-18.toml");
/// Development batch 19, a new author's (written 2026-12-08), weighted to
/// lofty-achievable; read once unseen with the session-start rules (80.8%;
/// lofty-achievable 68.2%; 3 false alarms in 60).
const DEVELOPMENT_19: &str = include_str!("../fixtures/criteria-corpus-19.toml");
const HELD_OUT: &str = include_str!("../fixtures/criteria-heldout.toml");
const HELD_OUT_2: &str = include_str!("../fixtures/criteria-heldout-2.toml");
const HELD_OUT_3: &str = include_str!("../fixtures/criteria-heldout-3.toml");
const HELD_OUT_4: &str = include_str!("../fixtures/criteria-heldout-4.toml");
const HELD_OUT_5: &str = include_str!("../fixtures/criteria-heldout-5.toml");
const HELD_OUT_6: &str = include_str!("../fixtures/criteria-heldout-6.toml");
const HELD_OUT_7: &str = include_str!("../fixtures/criteria-heldout-7.toml");
const HELD_OUT_8: &str = include_str!("../fixtures/criteria-heldout-8.toml");
const HELD_OUT_9: &str = include_str!("../fixtures/criteria-heldout-9.toml");
const HELD_OUT_10: &str = include_str!("../fixtures/criteria-heldout-10.toml");
const HELD_OUT_11: &str = include_str!("../fixtures/criteria-heldout-11.toml");
const HELD_OUT_12: &str = include_str!("../fixtures/criteria-heldout-12.toml");
const HELD_OUT_13: &str = include_str!("../fixtures/criteria-heldout-13.toml");
const HELD_OUT_14: &str = include_str!("../fixtures/criteria-heldout-14.toml");
const HELD_OUT_15: &str = include_str!("../fixtures/criteria-heldout-15.toml");
const HELD_OUT_16: &str = include_str!("../fixtures/criteria-heldout-16.toml");
const HELD_OUT_17: &str = include_str!("../fixtures/criteria-heldout-17.toml");
const HELD_OUT_18: &str = include_str!("../fixtures/criteria-heldout-18.toml");
const HELD_OUT_19: &str = include_str!("../fixtures/criteria-heldout-19.toml");
const HELD_OUT_20: &str = include_str!("../fixtures/criteria-heldout-20.toml");

const CRITERIA: [&str; 4] = [
    "concrete",
    "lofty-achievable",
    "different-from-today",
    "will-not",
];

/// The floors each half is held to: agreement per criterion (percent, in
/// the order of [`CRITERIA`]), false alarms on clean cases pooled over the
/// criteria (percent, at most), and the gap between originals and their
/// rewordings being caught (points, at most).
struct Floors {
    agreement: [f64; 4],
    false_alarms: f64,
    rewording_gap: f64,
}

/// The figures reached, rounded down: at the tenth pass's end (batch 10
/// added before it: 93.6%, then 94.2%), then with batch 11 (80 harder
/// lofty-achievable cases) as the eleventh pass goes on, and with batch 12
/// (120 cases, a new author: 72.5% unseen) in the twelfth, and with batch 13
/// (120 more, another new author: 78.3% unseen, its rewordings caught ten
/// points less often than its originals, so the gap allowed is 5.7) and
/// batch 14 (120, weighted to concrete and will-not: 87.5% unseen) in the
/// thirteenth, and with batches 15 (120, weighted to lofty-achievable: 76.7%
/// unseen) and 16 (120, concrete and different-from-today: 84.2% unseen) in
/// the fourteenth, whose weaker cases lowered the pooled figures (dev 93.8%
/// on 2,759 cases, then 93.2% on 2,999; the gap allowed 7.1), and with
/// batch 17 (120, lofty-achievable and different-from-today: 83.3% unseen,
/// 4 false alarms, its rewordings caught 60% against originals 87%) in the
/// fifteenth: 93.1% on 3,119, false alarms 1.7%, the gap allowed 8.2, no
/// earlier case lost, and with batch 18 (120, concrete and
/// lofty-achievable: 75.8% unseen) at the sixteenth's start: 92.5% on
/// 3,239, false alarms 1.8%, the gap allowed 8.5, then at its end: 93.5%,
/// false alarms 1.6%, the gap allowed 7.4, no earlier case lost; with batch
/// 19 (120, lofty-achievable: 80.8% unseen) at the seventeenth's start:
/// 93.0% on 3,359, false alarms 1.7%, the gap allowed 7.6, and after its
/// first rules 93.5%, and at its end 93.7%, false alarms 1.7%, the gap
/// allowed 7.6; one earlier case lost (a bike-share "share of all trips",
/// when "all" stopped marking a market). The goal the issue
/// set is 90% for every criterion, false alarms of 5% at most and a gap of
/// 10 points at most, and the held-out halves do not reach it yet
/// (`docs/judgement.md`). A change that makes any half worse fails.
const DEVELOPMENT_FLOORS: Floors = Floors {
    agreement: [94.9, 89.3, 94.1, 97.6],
    false_alarms: 1.7,
    rewording_gap: 7.6,
};

/// Held-out floors move only up, with one exception the seventeenth pass
/// made: it caught ten lofty-achievable statements in held-out 5, 8, 10
/// (three), 11, 12, 13 and 15 and lost none, but some were an original
/// whose rewording stays missed, or the reverse, so the rewording gaps of 5,
/// 11, 12, 13 and 15 widened with the agreement; its will-not readings
/// caught four more in held-out 1 (two), 6 and 7, and held-out 7's gap
/// widened the same way (`docs/judgement.md`).
///
/// The first held-out half; the eighth pass caught two more flagged
/// statements (lofty-achievable, different-from-today) and raised one more
/// false alarm (different-from-today); the eleventh one more
/// lofty-achievable rewording.
const HELD_OUT_FLOORS: Floors = Floors {
    agreement: [92.1, 95.9, 87.2, 93.6],
    false_alarms: 3.3,
    rewording_gap: 11.9,
};

/// The second held-out half, written after the rules had stopped changing
/// and measured once, at commit 462323a (89.4%, 3 false alarms, gap 10.0).
/// The fifth pass traded a miss for a false alarm; the sixth caught one
/// more flagged statement and one more rewording (90.0%, gap 10.0); the
/// eighth one more lofty-achievable statement, and one different-from-today
/// false alarm fewer (91.2%); the tenth raised one more lofty-achievable
/// false alarm (90.6%).
/// The twelfth pass caught one more different-from-today statement (91.2%), with no new false alarm.
const HELD_OUT_2_FLOORS: Floors = Floors {
    agreement: [90.0, 95.0, 92.5, 87.5],
    false_alarms: 5.0,
    rewording_gap: 7.6,
};

/// The third held-out half, written while the rules of the fifth pass were
/// being made, by an author who read neither; measured at the end of that
/// pass; the sixth left it where it was, the seventh caught one more; the
/// eighth caught one more different-from-today statement and raised one
/// more will-not false alarm; the ninth one more different-from-today.
/// The twelfth pass caught one more different-from-today original, so the gap grew (91.2%), with no new false alarm.
const HELD_OUT_3_FLOORS: Floors = Floors {
    agreement: [97.5, 90.0, 95.0, 82.5],
    false_alarms: 5.0,
    rewording_gap: 15.1,
};

/// The fourth held-out half, committed before the sixth pass began and
/// measured at its start (78.1%, 20 false alarms, all from horizons written
/// as days, which strata did not read then) and at its end; the seventh
/// pass caught three more originals and no more rewordings, so the gap grew;
/// the eighth caught two more rewordings (concrete, different-from-today),
/// the tenth one more lofty-achievable rewording (88.8%), lost again to the
/// review's fixes to the pass (88.1%).
const HELD_OUT_4_FLOORS: Floors = Floors {
    agreement: [92.5, 82.5, 82.5, 95.0],
    false_alarms: 0.0,
    rewording_gap: 27.6,
};

/// The fifth held-out half, a tenth author's, committed on 2026-12-03 before
/// any seventh pass and measured once with the sixth pass's rules (84.4%
/// pooled, 1 false alarm, gap 20.0). The seventh caught one more flagged
/// statement and raised one more false alarm, both lofty-achievable; the
/// eighth caught three more different-from-today statements (86.2%).
/// The twelfth pass caught one more concrete rewording (86.9%), with no new false alarm;
/// the thirteenth one more will-not rewording (87.5%).
/// The sixteenth pass caught one more lofty-achievable rewording (88.1%).
const HELD_OUT_5_FLOORS: Floors = Floors {
    agreement: [95.0, 77.5, 90.0, 92.5],
    false_alarms: 2.5,
    rewording_gap: 5.1,
};

/// The sixth held-out half, an eleventh author's, committed on 2026-12-03
/// before the seventh pass's rules; measured with the sixth pass's rules
/// and again at the seventh's end: both 79.4% pooled, 4 false alarms; at
/// the eighth's end 81.2% (three more flagged statements caught: two
/// concrete, one will-not), the same 4 false alarms; at the ninth's 82.5%
/// (two more different-from-today originals, so the gap grew).
/// The twelfth pass caught one more different-from-today original, so the gap grew (85.0%), with no new false alarm.
const HELD_OUT_6_FLOORS: Floors = Floors {
    agreement: [87.5, 90.0, 82.5, 82.5],
    false_alarms: 5.0,
    rewording_gap: 17.6,
};

/// The seventh held-out half, a fourteenth author's, committed on
/// 2026-12-03 before any rule of the eighth pass; measured with the
/// seventh pass's rules (81.9%, 4 false alarms) and at the eighth's end
/// (84.4%, 4 false alarms, rewordings caught 75.0% against 72.5%); the
/// ninth caught one more lofty-achievable original (85.0%), and so did the
/// tenth (85.6%, rewordings caught 75.0% against 77.5%).
/// The twelfth pass caught one more different-from-today original, so the gap grew (86.2%), with no new false alarm.
/// The sixteenth pass caught one more lofty-achievable rewording (86.9%)
/// and one more different-from-today rewording (87.5%, rewordings caught as
/// often as originals).
const HELD_OUT_7_FLOORS: Floors = Floors {
    agreement: [92.5, 77.5, 92.5, 90.0],
    false_alarms: 5.0,
    rewording_gap: 2.6,
};

/// The eighth held-out half, a fifteenth author's, written while the eighth
/// pass was made (the author saw neither the rules nor the pass) and
/// committed before it landed; measured once with the seventh pass's rules
/// (71.2%) and once with the eighth's (73.1%, 3 false alarms, rewordings
/// caught 42.5% against 57.5%): the lowest reading of any half. The ninth
/// caught one more lofty-achievable original and raised one more
/// lofty-achievable false alarm (73.1% again).
/// The twelfth pass caught a concrete and a different-from-today statement more (74.4%), with no new false alarm.
/// The thirteenth caught a different-from-today and a lofty-achievable
/// original more (75.6%) and no rewording, so the gap allowed grows to 22.5
/// points.
const HELD_OUT_8_FLOORS: Floors = Floors {
    agreement: [77.5, 65.0, 82.5, 80.0],
    false_alarms: 5.0,
    rewording_gap: 20.1,
};

/// The ninth held-out half, a sixteenth author's, committed on 2026-12-03
/// before any rule of the ninth pass; measured with the eighth pass's rules
/// and at the ninth's end: 76.9% both times (lofty-achievable 55.0%, 3 false
/// alarms, rewordings caught 45.0% against 70.0%); 77.5% after the review's
/// fixes to the pass (one more different-from-today rewording). The
/// thirteenth caught one more concrete rewording (79.4%), the sixteenth
/// one more lofty-achievable rewording (80.0%).
const HELD_OUT_9_FLOORS: Floors = Floors {
    agreement: [87.5, 62.5, 95.0, 75.0],
    false_alarms: 3.8,
    rewording_gap: 12.6,
};

/// The tenth held-out half, a seventeenth author's, committed on 2026-12-07
/// before any rule of the tenth pass; measured with the ninth pass's rules:
/// 86.2% (lofty-achievable 72.5%, 4 false alarms, rewordings caught 75.0%
/// against 80.0%); at the tenth's end 87.5% (lofty-achievable 77.5%, the
/// same 4 false alarms).
/// The twelfth pass caught two more concrete and one more different-from-today statement, two of them originals (90.0%), with no new false alarm;
/// the thirteenth one more concrete rewording (90.6%).
const HELD_OUT_10_FLOORS: Floors = Floors {
    agreement: [92.5, 87.5, 92.5, 97.5],
    false_alarms: 5.0,
    rewording_gap: 5.1,
};

/// The eleventh held-out half, an eighteenth author's, committed on
/// 2026-12-07 before any rule of the tenth pass; measured with the ninth
/// pass's rules: 88.1% (lofty-achievable 67.5%, 4 false alarms, rewordings
/// caught 80.0% against 82.5%); the same at the tenth's end. The
/// fourteenth caught one more lofty-achievable rewording (a share of
/// households moved a hundredfold in odds).
/// The sixteenth pass caught one more lofty-achievable rewording (89.4%).
const HELD_OUT_11_FLOORS: Floors = Floors {
    agreement: [95.0, 75.0, 92.5, 97.5],
    false_alarms: 5.0,
    rewording_gap: 5.1,
};

/// The twelfth held-out half, a twentieth author's, written while the tenth
/// pass was made and committed after it; read once: 87.5% (lofty-achievable
/// 72.5%, 3 false alarms, rewordings caught 77.5% against 80.0%), the same
/// as with the ninth pass's rules.
/// The twelfth pass caught a concrete and two different-from-today originals more, so the gap grew (89.4%), with no new false alarm.
const HELD_OUT_12_FLOORS: Floors = Floors {
    agreement: [92.5, 75.0, 97.5, 95.0],
    false_alarms: 3.8,
    rewording_gap: 12.6,
};

/// The thirteenth half (80 cases), read once on 2026-12-07 after the
/// half-year fix, as it was committed.
const HELD_OUT_13_FLOORS: Floors = Floors {
    agreement: [85.0, 75.0, 85.0, 95.0],
    false_alarms: 2.5,
    rewording_gap: 15.1,
};

/// The fourteenth half (80 cases), committed before it was read and read
/// once on 2026-12-07 after the eleventh pass: 81.2%, no false alarm,
/// rewordings 55.0% against originals 70.0%; the rules at the pass's start
/// read it the same, statement for statement.
/// The twelfth pass caught one more lofty-achievable rewording (82.5%); the
/// thirteenth one more lofty-achievable original (83.8%).
const HELD_OUT_14_FLOORS: Floors = Floors {
    agreement: [85.0, 80.0, 85.0, 85.0],
    false_alarms: 0.0,
    rewording_gap: 15.0,
};

/// The fifteenth held-out half, a twenty-fourth author's (orchestras,
/// courier co-ops, water utilities, wedding venues, translation,
/// beekeeping, funeral homes, pools), committed unread before any rule of
/// the twelfth pass and read once at its end: 86.2% pooled, 1 false alarm,
/// rewordings caught as often as originals (75.0%). The session-start rules
/// (8854425) read it statement for statement the same.
/// The sixteenth pass caught one more lofty-achievable rewording (87.5%).
const HELD_OUT_15_FLOORS: Floors = Floors {
    agreement: [90.0, 75.0, 90.0, 100.0],
    false_alarms: 2.5,
    rewording_gap: 10.1,
};

/// The sixteenth held-out half, a twenty-seventh author's (opticians,
/// textile recyclers, ship repair, community theatres, tyre retailers,
/// university admissions, greenhouse growers, ice rinks), committed unread
/// before any rule of the thirteenth pass and read once at its end: 73.8%
/// pooled (the session-start rules, a worktree of 2205be0: 72.5%; the pass
/// caught one more lofty-achievable rewording), 3 false alarms in 40
/// (7.5%, above the 5% the issue allows), rewordings caught as often as
/// originals (55.0%). The sixteenth pass caught one more concrete
/// rewording (75.0%; rewordings 60.0% against originals 55.0%).
const HELD_OUT_16_FLOORS: Floors = Floors {
    agreement: [80.0, 60.0, 80.0, 80.0],
    false_alarms: 7.5,
    rewording_gap: 5.1,
};

/// The seventeenth held-out half, a thirtieth author's (hair salons,
/// vegetable-box schemes, marinas, municipal archives, crane hire, carpet
/// cleaners, farmers' markets, model-railway makers), committed unread
/// before any rule of the fourteenth pass (7faa1c6) and read once at its
/// end: 83.8% pooled, the same statement for statement as the session-start
/// rules (a worktree of 7faa1c6); 2 false alarms in 40 (5.0%); rewordings
/// caught 60.0% against originals 85.0%. The fifteenth pass caught one
/// more lofty-achievable rewording (a capacity worked out from parts).
const HELD_OUT_17_FLOORS: Floors = Floors {
    agreement: [100.0, 70.0, 85.0, 85.0],
    false_alarms: 5.0,
    rewording_gap: 20.1,
};

/// The eighteenth held-out half, a thirty-third author's (ice rinks,
/// ambulance services, scaffolding hire, cider makers, driving schools,
/// sawmills, children's book publishers, self-storage), committed unread
/// before any rule of the fifteenth pass (e962316) and read once at its
/// end: 83.8% pooled, the same statement for statement as the session-start
/// rules; 2 false alarms in 40 (5.0%); rewordings caught 70.0% against
/// originals 75.0%.
const HELD_OUT_18_FLOORS: Floors = Floors {
    agreement: [80.0, 75.0, 95.0, 85.0],
    false_alarms: 5.0,
    rewording_gap: 5.1,
};

/// The nineteenth held-out half, a thirty-fourth author's (zoos and wildlife
/// parks, car washes, locksmiths, glass recyclers, cemeteries and
/// crematoria, ski resorts, picture framers, community theatres), committed
/// unread before any rule of the sixteenth pass (0f3d43e) and read once at
/// its end: 83.8% pooled (the session-start rules: 82.5%; the pass caught
/// one more concrete rewording); 2 false alarms in 40 (5.0%); rewordings
/// caught 70.0% against originals 75.0%.
const HELD_OUT_19_FLOORS: Floors = Floors {
    agreement: [90.0, 70.0, 90.0, 85.0],
    false_alarms: 5.0,
    rewording_gap: 5.1,
};

/// The twentieth held-out half, a thirty-sixth author's (hot-air-balloon
/// operators, food banks, bridal shops, chimney sweeps, stonemasons,
/// plumbers, go-karting tracks, vineyards), committed unread before any rule
/// of the seventeenth pass (6b759b5) and read once at its end: 83.8%
/// pooled; 4 false alarms in 40 (10.0%); rewordings caught 65.0% against
/// originals 90.0%.
const HELD_OUT_20_FLOORS: Floors = Floors {
    agreement: [90.0, 65.0, 90.0, 90.0],
    false_alarms: 10.0,
    rewording_gap: 25.1,
};

/// What a file measured once, for its figures only, is held to.
const NO_FLOORS: Floors = Floors {
    agreement: [0.0; 4],
    false_alarms: 100.0,
    rewording_gap: 100.0,
};

/// One labelled statement and what the engine made of it.
struct Case {
    id: String,
    criterion: String,
    level: String,
    flag: bool,
    rewords: Option<String>,
    fired: Vec<&'static str>,
}

/// The day the later files' horizons are judged from (their headers say so).
fn december() -> Date {
    Date::new(2026, 12, 1).expect("valid date")
}

fn run(source: &str, half: &str, as_of: Date) -> Vec<Case> {
    let corpus: Table = toml::from_str(source).unwrap_or_else(|e| panic!("{half}: {e}"));
    let cases = corpus["case"].as_array().expect("[[case]] list");
    let mut out = Vec::with_capacity(cases.len());
    for case in cases {
        let field = |k: &str| {
            case.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{half}: a case without `{k}`: {case:?}"))
                .to_owned()
        };
        let (id, criterion, label, level) = (
            field("id"),
            field("criterion"),
            field("label"),
            field("level"),
        );
        assert!(CRITERIA.contains(&criterion.as_str()), "{id}: {criterion}");
        assert!(label == "flag" || label == "clean", "{id}: label {label}");
        let node = case
            .get("node")
            .and_then(|n| n.as_table())
            .cloned()
            .unwrap_or_default();
        let (strategy, node_id) = support::single(
            Level::from_name(&level).unwrap_or_else(|| panic!("{id}: level {level}")),
            &node,
        );
        let fired = lint_node(&strategy, node_id, &LintConfig::default(), as_of)
            .iter()
            .filter(|d| d.criterion.as_str() == criterion)
            .map(|d| d.rule)
            .collect();
        out.push(Case {
            id,
            criterion,
            level,
            flag: label == "flag",
            rewords: case
                .get("rewords")
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            fired,
        });
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Tally {
    cases: usize,
    agree: usize,
    clean: usize,
    false_alarms: usize,
    flagged: usize,
    misses: usize,
}

impl Tally {
    fn add(&mut self, case: &Case) {
        let fired = !case.fired.is_empty();
        self.cases += 1;
        self.agree += usize::from(fired == case.flag);
        if case.flag {
            self.flagged += 1;
            self.misses += usize::from(!fired);
        } else {
            self.clean += 1;
            self.false_alarms += usize::from(fired);
        }
    }

    fn agreement(&self) -> f64 {
        percent(self.agree, self.cases)
    }

    fn false_alarm_rate(&self) -> f64 {
        percent(self.false_alarms, self.clean)
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

/// The half's report, and the ways it falls below `floors`.
fn judge(half: &str, cases: &[Case], floors: &Floors) -> (String, Vec<String>) {
    let by_id: HashMap<&str, &Case> = cases.iter().map(|c| (c.id.as_str(), c)).collect();
    assert_eq!(by_id.len(), cases.len(), "{half}: ids must be unique");
    let mut per_criterion: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut per_level: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    let mut pooled = Tally::default();
    let (mut originals, mut originals_caught, mut rewordings, mut rewordings_caught) = (0, 0, 0, 0);
    for case in cases {
        per_criterion.entry(&case.criterion).or_default().add(case);
        per_level
            .entry((&case.criterion, &case.level))
            .or_default()
            .add(case);
        pooled.add(case);
        if let Some(original) = &case.rewords {
            let original = by_id
                .get(original.as_str())
                .unwrap_or_else(|| panic!("{half}: {} rewords unknown {original}", case.id));
            assert!(
                original.flag && case.flag && original.criterion == case.criterion,
                "{half}: {} must reword a flagged case of the same criterion",
                case.id
            );
            rewordings += 1;
            rewordings_caught += usize::from(!case.fired.is_empty());
        } else if case.flag && cases.iter().any(|c| c.rewords.as_deref() == Some(&case.id)) {
            originals += 1;
            originals_caught += usize::from(!case.fired.is_empty());
        }
    }
    let mut report = format!(
        "{half}: {} cases\n  criterion              cases  agreement  false alarms      misses\n",
        cases.len()
    );
    let mut below = Vec::new();
    for (i, criterion) in CRITERIA.iter().enumerate() {
        let t = per_criterion.get(criterion).copied().unwrap_or_default();
        let _ = writeln!(
            report,
            "  {criterion:22} {:5}  {:8.1}%  {:3}/{:<3} {:5.1}%  {:3}/{:<3}",
            t.cases,
            t.agreement(),
            t.false_alarms,
            t.clean,
            t.false_alarm_rate(),
            t.misses,
            t.flagged
        );
        if t.cases == 0 || t.agreement() < floors.agreement[i] {
            below.push(format!(
                "{half}/{criterion}: {:.1}% agreement, floor {:.1}%",
                t.agreement(),
                floors.agreement[i]
            ));
        }
    }
    let _ = writeln!(
        report,
        "  {:22} {:5}  {:8.1}%  {:3}/{:<3} {:5.1}%  {:3}/{:<3}",
        "pooled",
        pooled.cases,
        pooled.agreement(),
        pooled.false_alarms,
        pooled.clean,
        pooled.false_alarm_rate(),
        pooled.misses,
        pooled.flagged
    );
    if pooled.false_alarm_rate() > floors.false_alarms {
        below.push(format!(
            "{half}: {:.1}% false alarms on clean cases, ceiling {:.1}%",
            pooled.false_alarm_rate(),
            floors.false_alarms
        ));
    }
    let (caught, recaught) = (
        percent(originals_caught, originals),
        percent(rewordings_caught, rewordings),
    );
    let _ = writeln!(
        report,
        "  rewordings: originals caught {originals_caught}/{originals} ({caught:.1}%), \
         rewordings caught {rewordings_caught}/{rewordings} ({recaught:.1}%)"
    );
    if rewordings == 0 || (caught - recaught).abs() > floors.rewording_gap {
        below.push(format!(
            "{half}: rewordings caught {recaught:.1}% against originals {caught:.1}%, \
             gap allowed {:.0} points",
            floors.rewording_gap
        ));
    }
    report.push_str("  agreement per level:\n");
    for ((criterion, level), t) in &per_level {
        let _ = writeln!(
            report,
            "    {criterion:22} {level:11} {:3} cases {:6.1}%",
            t.cases,
            t.agreement()
        );
    }
    (report, below)
}

#[test]
fn criteria_agree_with_the_corpus() {
    let mut development = run(DEVELOPMENT, "development", support::as_of());
    development.extend(run(DEVELOPMENT_6, "development", december()));
    development.extend(run(DEVELOPMENT_7, "development", december()));
    development.extend(run(DEVELOPMENT_8, "development", december()));
    development.extend(run(DEVELOPMENT_9, "development", december()));
    development.extend(run(DEVELOPMENT_10, "development", december()));
    development.extend(run(DEVELOPMENT_11, "development", december()));
    development.extend(run(DEVELOPMENT_12, "development", december()));
    development.extend(run(DEVELOPMENT_13, "development", december()));
    development.extend(run(DEVELOPMENT_14, "development", december()));
    development.extend(run(DEVELOPMENT_15, "development", december()));
    development.extend(run(DEVELOPMENT_16, "development", december()));
    development.extend(run(DEVELOPMENT_17, "development", december()));
    development.extend(run(DEVELOPMENT_18, "development", december()));
    development.extend(run(DEVELOPMENT_19, "development", december()));
    let (dev_report, mut below) = judge("development", &development, &DEVELOPMENT_FLOORS);
    // While tuning rules, `STRATA_CORPUS=development` leaves the held-out half
    // unread, so its figures are only seen at the end of a piece of work.
    let held_report = if std::env::var("STRATA_CORPUS").is_ok_and(|v| v == "development") {
        String::from("held-out: not run (STRATA_CORPUS=development)\n")
    } else {
        let mut report = String::new();
        for (source, half, floors, as_of) in [
            (HELD_OUT, "held-out", &HELD_OUT_FLOORS, support::as_of()),
            (
                HELD_OUT_2,
                "held-out-2",
                &HELD_OUT_2_FLOORS,
                support::as_of(),
            ),
            (
                HELD_OUT_3,
                "held-out-3",
                &HELD_OUT_3_FLOORS,
                support::as_of(),
            ),
            (HELD_OUT_4, "held-out-4", &HELD_OUT_4_FLOORS, december()),
            (HELD_OUT_5, "held-out-5", &HELD_OUT_5_FLOORS, december()),
            (HELD_OUT_6, "held-out-6", &HELD_OUT_6_FLOORS, december()),
            (HELD_OUT_7, "held-out-7", &HELD_OUT_7_FLOORS, december()),
            (HELD_OUT_8, "held-out-8", &HELD_OUT_8_FLOORS, december()),
            (HELD_OUT_9, "held-out-9", &HELD_OUT_9_FLOORS, december()),
            (HELD_OUT_10, "held-out-10", &HELD_OUT_10_FLOORS, december()),
            (HELD_OUT_11, "held-out-11", &HELD_OUT_11_FLOORS, december()),
            (HELD_OUT_12, "held-out-12", &HELD_OUT_12_FLOORS, december()),
            (HELD_OUT_13, "held-out-13", &HELD_OUT_13_FLOORS, december()),
            (HELD_OUT_14, "held-out-14", &HELD_OUT_14_FLOORS, december()),
            (HELD_OUT_15, "held-out-15", &HELD_OUT_15_FLOORS, december()),
            (HELD_OUT_16, "held-out-16", &HELD_OUT_16_FLOORS, december()),
            (HELD_OUT_17, "held-out-17", &HELD_OUT_17_FLOORS, december()),
            (HELD_OUT_18, "held-out-18", &HELD_OUT_18_FLOORS, december()),
            (HELD_OUT_19, "held-out-19", &HELD_OUT_19_FLOORS, december()),
            (HELD_OUT_20, "held-out-20", &HELD_OUT_20_FLOORS, december()),
        ] {
            let cases = run(source, half, as_of);
            let (text, held_below) = judge(half, &cases, floors);
            below.extend(held_below);
            report.push_str(&text);
            report.push('\n');
        }
        report
    };
    let unseen_report = match std::env::var("STRATA_CORPUS_UNSEEN") {
        Ok(path) => {
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            judge("unseen", &run(&source, "unseen", december()), &NO_FLOORS).0
        }
        Err(_) => String::new(),
    };
    println!("{dev_report}\n{held_report}{unseen_report}");
    let misses: Vec<String> = development
        .iter()
        .filter(|c| c.fired.is_empty() == c.flag)
        .map(|c| {
            format!(
                "  {} ({} {}, label {}, fired {:?})",
                c.id,
                c.criterion,
                c.level,
                if c.flag { "flag" } else { "clean" },
                c.fired
            )
        })
        .collect();
    if !misses.is_empty() {
        println!("development disagreements:\n{}", misses.join("\n"));
    }
    assert!(
        below.is_empty(),
        "below the floors:\n{}\n\n{dev_report}\n{held_report}",
        below.join("\n")
    );
}

#[test]
fn the_halves_share_no_statement() {
    let texts = |source: &str| -> Vec<String> {
        let corpus: Table = toml::from_str(source).expect("valid corpus");
        corpus["case"]
            .as_array()
            .expect("[[case]] list")
            .iter()
            .filter_map(|c| c.get("node")?.as_table().cloned())
            .flat_map(|node| {
                ["future", "today"]
                    .into_iter()
                    .filter_map(|k| node.get(k)?.as_str().map(str::to_owned))
                    .collect::<Vec<_>>()
            })
            .filter(|t| t.len() > 40)
            .collect()
    };
    let mut development = texts(DEVELOPMENT);
    development.extend(texts(DEVELOPMENT_6));
    development.extend(texts(DEVELOPMENT_7));
    development.extend(texts(DEVELOPMENT_8));
    development.extend(texts(DEVELOPMENT_9));
    development.extend(texts(DEVELOPMENT_10));
    development.extend(texts(DEVELOPMENT_11));
    development.extend(texts(DEVELOPMENT_12));
    development.extend(texts(DEVELOPMENT_13));
    development.extend(texts(DEVELOPMENT_14));
    development.extend(texts(DEVELOPMENT_15));
    development.extend(texts(DEVELOPMENT_16));
    development.extend(texts(DEVELOPMENT_17));
    development.extend(texts(DEVELOPMENT_18));
    development.extend(texts(DEVELOPMENT_19));
    let shared: Vec<String> = texts(HELD_OUT)
        .into_iter()
        .chain(texts(HELD_OUT_2))
        .chain(texts(HELD_OUT_3))
        .chain(texts(HELD_OUT_4))
        .chain(texts(HELD_OUT_5))
        .chain(texts(HELD_OUT_6))
        .chain(texts(HELD_OUT_7))
        .chain(texts(HELD_OUT_8))
        .chain(texts(HELD_OUT_9))
        .chain(texts(HELD_OUT_10))
        .chain(texts(HELD_OUT_11))
        .chain(texts(HELD_OUT_12))
        .chain(texts(HELD_OUT_13))
        .chain(texts(HELD_OUT_14))
        .chain(texts(HELD_OUT_15))
        .chain(texts(HELD_OUT_16))
        .chain(texts(HELD_OUT_17))
        .chain(texts(HELD_OUT_18))
        .chain(texts(HELD_OUT_19))
        .chain(texts(HELD_OUT_20))
        .filter(|t| development.contains(t))
        .collect();
    assert!(
        shared.is_empty(),
        "held-out statements also in the development half: {shared:#?}"
    );
}
