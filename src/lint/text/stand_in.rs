//! Text that stands in for a field without filling it: a placeholder
//! ("TBD"), a pointer to another document ("see the Q3 offsite slides"), a
//! promise to write it later ("ops will fill this in"), an appeal to what
//! everyone knows, or the starter's own guidance left in place ("What will
//! be measurably different by 2028").
//!
//! These are judged as text, not by matching known strings: guidance has a
//! shape (a "What …" or "Where …" sentence that asks nothing, words about
//! the document instead of the business), so a one-word edit of the starter
//! is still the starter.

mod to_do;

use super::numbers::counts_as_number;
use super::{Kind, Text, shape};

/// Why a field's text stands in for content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandIn {
    /// Empty or only punctuation.
    Blank,
    /// "TBD", "n/a", "none", "to follow".
    Placeholder,
    /// "See the Q3 offsite slides."
    Pointer,
    /// "To be written up by the operations team."
    Unwritten,
    /// "Everyone here knows where we stand."
    Known,
    /// The starter's guidance: "Where we are now, with numbers."
    Starter,
    /// "We will know where we stand once the survey closes": what the field
    /// should say waits on research.
    Awaited,
    /// "Ask Sam for the till figures": a to-do note for whoever writes it.
    ToDo,
}

impl StandIn {
    /// How a message names it: "the `today` is {…}".
    pub fn describe(self) -> &'static str {
        match self {
            StandIn::Blank => "empty",
            StandIn::Placeholder => "a placeholder",
            StandIn::Pointer => "a pointer to another document",
            StandIn::Unwritten => "a promise to write it later",
            StandIn::Known => "an appeal to what everyone already knows",
            StandIn::Starter => "the starter's guidance, not yet replaced",
            StandIn::Awaited => "a promise to find it out later",
            StandIn::ToDo => "a to-do note for whoever writes it",
        }
    }
}

/// The longest text that can be only a pointer or a promise: beyond it,
/// something else is being said.
const SHORT: usize = 20;

/// Why the field's text stands in for content, if it does.
pub fn stand_in(text: &Text) -> Option<StandIn> {
    if text.is_empty() {
        return Some(StandIn::Blank);
    }
    // "Current state:" with nothing after the heading.
    if text.ends_with_colon() && text.len() <= 4 {
        return Some(StandIn::Placeholder);
    }
    if text.len() <= 2 && (0..text.len()).all(|i| text.is(i, Kind::StandAlone)) {
        return Some(StandIn::Placeholder);
    }
    if starter(text) {
        return Some(StandIn::Starter);
    }
    if text.len() > SHORT {
        return None;
    }
    let has = |kind: Kind| {
        text.tokens.iter().any(|t| t.is(kind)) || text.matches_of(kind).next().is_some()
    };
    // "to be written up by the operations team": who will write it is no content.
    if has(Kind::Unwritten) && !says_something_but_who(text) {
        return Some(StandIn::Unwritten);
    }
    // "See the 2025 annual report, section 3 (claims performance)": what
    // follows the pointer names the place, and is no description of today.
    if (points_elsewhere(text) || same_as_elsewhere(text)) && !counts_something(text) {
        return Some(StandIn::Pointer);
    }
    // "Waiting-list position: TK, numbers due from the secretary": a mark
    // that holds the place, whatever the words around it say will come.
    // "TK Maxx" is a name: the mark is not followed by one.
    let mark = (0..text.len()).any(|i| {
        let name_after = text
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.has(shape::CAPITALIZED) && !n.has(shape::SENTENCE_START));
        text.is(i, Kind::StandAlone) && text.is(i, Kind::Placeholder) && !name_after
    });
    if mark && !counts_something(text) {
        return Some(StandIn::Placeholder);
    }
    // "As everyone on the wards knows, discharge is what it is."
    if text.matches_of(Kind::Known).any(|m| m.first != m.last) && !counts_something(text) {
        return Some(StandIn::Known);
    }
    if says_something(text) {
        return None;
    }
    if has(Kind::Known) {
        Some(StandIn::Known)
    } else if has(Kind::Placeholder) {
        Some(StandIn::Placeholder)
    } else {
        None
    }
}

/// A future ("will", "to follow", "pending") with something still to be
/// studied after it: "we will understand where we are once the student
/// survey closes", "to follow once the data team finishes the book review".
fn awaits_findings(text: &Text) -> bool {
    let future = (0..text.len()).find(|&i| {
        let w = text.word(i);
        // "we will not build a reservoir" is a decision, not a wait.
        let negated = ["not", "never"].contains(&text.word(i + 1));
        (["will", "shall"].contains(&w) || w.ends_with("'ll")) && !negated
            || (w == "going" && text.word(i + 1) == "to")
            || text.tokens[i].is(Kind::Unwritten)
    });
    let future = future
        .into_iter()
        .chain(text.matches_of(Kind::Unwritten).map(|m| m.last))
        .min();
    let about_findings = |j: usize| text.tokens[j].is(Kind::Document) || text.is(j, Kind::Finding);
    future.is_some_and(|from| (from + 1..text.len()).any(about_findings))
        // "Baseline figures are being compiled and will be added": the
        // findings come first, and the text only says when they will come.
        || (only_later(text) && (0..text.len()).any(about_findings))
}

/// True when every sentence of the text is about later or in progress
/// ("will", "being compiled", "once available"), none about now.
fn only_later(text: &Text) -> bool {
    let Some(last) = text.tokens.last() else {
        return false;
    };
    (0..=last.sentence).all(|s| {
        (0..text.len())
            .filter(|&i| text.tokens[i].sentence == s)
            .any(|i| {
                let w = text.word(i);
                let negated = ["not", "never"].contains(&text.word(i + 1));
                ((["will", "shall"].contains(&w) || w.ends_with("'ll")) && !negated)
                    || (w == "being" && text.word(i + 1).ends_with("ed"))
                    || (w == "once" && text.word(i + 1) == "available")
                    // "not yet available", "managers are collecting the returns"
                    || (w == "not" && text.word(i + 1) == "yet")
                    || (["is", "are"].contains(&w) && text.is(i + 1, Kind::Gathering))
            })
    })
}

/// [`stand_in`] for a `today`, which describes the present: one that waits
/// on research ("our baseline will come out of the needs assessment") stands
/// in for it too. A future or a will-not is about later, so is not read so.
pub fn stand_in_today(text: &Text) -> Option<StandIn> {
    stand_in(text)
        .or_else(|| {
            // A text that only says when the findings come may take a few more
            // words to say who gathers them and for which review.
            let short = text.len() <= SHORT || (text.len() <= 2 * SHORT && only_later(text));
            (short && awaits_findings(text) && !counts_something(text)).then_some(StandIn::Awaited)
        })
        .or_else(|| to_do::to_do(text).then_some(StandIn::ToDo))
}

/// True when the text names something of the world, not of the document:
/// a number that is not a year or a section, a name, a role or a thing.
fn says_something(text: &Text) -> bool {
    (0..text.len()).any(|i| {
        let t = &text.tokens[i];
        if t.is(Kind::Document) {
            return false;
        }
        let after_document = i > 0 && text.tokens[i - 1].is(Kind::Document);
        (counts_as_number(text, i) && !after_document)
            || t.is(Kind::Concrete)
            || (t.is(Kind::Actor) && !t.is(Kind::GenericActor))
            || (t.has(shape::ACRONYM) && !after_document)
            || (t.has(shape::CAPITALIZED)
                && !t.has(shape::SENTENCE_START)
                && !t.is(Kind::TimeWord)
                && !text.tokens.get(i + 1).is_some_and(|n| n.is(Kind::Document)))
    })
}

/// "See the …", "… is set out in the …", "covered in last year's plan": a
/// pointer word opening a clause or following "is"/"as", with a document
/// after it.
fn points_elsewhere(text: &Text) -> bool {
    let pointer_at = |i: usize| {
        let opens = i == 0 || text.tokens[i - 1].clause != text.tokens[i].clause;
        let passive = i > 0
            && [
                "is", "are", "was", "were", "as", "be", "been", "all", "fully",
            ]
            .contains(&text.word(i - 1));
        opens || passive
    };
    let starts = text
        .matches_of(Kind::Pointer)
        .map(|m| (m.first, m.last))
        .chain(
            (0..text.len())
                .filter(|&i| text.tokens[i].is(Kind::Pointer))
                .map(|i| (i, i)),
        );
    // "Current-state figures are in the board pack": being in a document.
    // "Current-state figures are in the board pack": the document is what
    // the figures are in, right after "in" (past a determiner or an
    // adjective), not a word further on ("sales are in line with the plan").
    let is_in = (1..text.len()).filter(|&i| {
        ["in", "on"].contains(&text.word(i))
            && text.tokens[i - 1].is(Kind::Copula)
            && (i + 1..(i + 4).min(text.len()))
                .take_while(|&j| text.tokens[j].clause == text.tokens[i].clause)
                .find(|&j| !text.tokens[j].is(Kind::Stop) && !text.tokens[j].has(shape::YEAR))
                .is_some_and(|j| {
                    text.tokens[j].is(Kind::Document)
                        || text.tokens.get(j + 1).is_some_and(|n| n.is(Kind::Document))
                })
    });
    if is_in.clone().next().is_some() {
        return true;
    }
    for (first, last) in starts {
        if pointer_at(first)
            && (last + 1..(last + 12).min(text.len())).any(|j| text.tokens[j].is(Kind::Document))
        {
            return true;
        }
    }
    false
}

/// "Same as in the Q3 two-pager", "Unchanged since last quarter's version
/// of this page": the text opens by saying it is the same as before, and
/// names the document where that was written.
fn same_as_elsewhere(text: &Text) -> bool {
    const SAME: &[&str] = &["same", "unchanged", "identical", "ditto", "as"];
    let opens = (0..text.len().min(3))
        .find(|&i| !["the", "it", "it's", "is", "all"].contains(&text.word(i)));
    let same = opens.is_some_and(|i| {
        SAME.contains(&text.word(i))
            && (text.word(i) != "as" || ["before", "last", "per"].contains(&text.word(i + 1)))
    });
    // The document is in the clause that says so ("same as in the Q3
    // two-pager"), not in the next ("as before, reps log calls on the
    // shared board"; "unchanged for years: callers wait minutes").
    same && opens.is_some_and(|o| text.clause_of(o).any(|i| text.tokens[i].is(Kind::Document)))
}

/// A whole field that is a note to the writer in brackets: "[Sam to add
/// the waiting-list numbers once the secretary sends them]", "<today goes
/// here>", "{{ today }}". Tokens drop the brackets, so the raw text is read.
pub fn bracketed(raw: &str) -> bool {
    let t = raw.trim();
    let note = [("[", ']'), ("<", '>'), ("{{", '}')]
        .iter()
        .any(|&(open, close)| {
            let inner = t
                .strip_prefix(open)
                .and_then(|r| r.strip_suffix(close))
                .map(|r| r.trim_end_matches('}'));
            let first = open.chars().next().unwrap_or('[');
            inner.is_some_and(|r| !r.is_empty() && !r.contains(close) && !r.contains(first))
        });
    // "[From the diary: 64 weddings]" is content in brackets.
    note && !counts_something(&Text::new(t))
}

/// A number that counts something (not a year, not a section or page, not
/// part of a reference after "see": "slides 4 to 7").
fn counts_something(text: &Text) -> bool {
    let reference_from = (0..text.len())
        .find(|&i| text.tokens[i].is(Kind::Pointer))
        .unwrap_or(text.len());
    (0..text.len()).any(|i| {
        let after_document = i > 0 && text.tokens[i - 1].is(Kind::Document);
        let in_reference =
            i > reference_from && text.tokens[i].sentence == text.tokens[reference_from].sentence;
        counts_as_number(text, i) && !after_document && !in_reference
    })
}

/// [`says_something`], leaving out people.
fn says_something_but_who(text: &Text) -> bool {
    (0..text.len()).any(|i| {
        let t = &text.tokens[i];
        !t.is(Kind::Document) && (counts_as_number(text, i) || t.is(Kind::Concrete))
    })
}

/// The starter's guidance: a "What/Where/How …" sentence that asks nothing,
/// or words about what to write ("in one line", "this intent").
fn starter(text: &Text) -> bool {
    let markers = text.matches_of(Kind::Starter).count();
    let guidance = guidance_sentence(text);
    markers >= 2
        || (markers >= 1 && (guidance || !says_something(text)))
        || (guidance && !measured(text))
}

/// A sentence that starts with a question word and is not a question:
/// "Where we are now.", "What they will be able to do when it is solved."
fn guidance_sentence(text: &Text) -> bool {
    // The starter's guidance opens with these; "When a class is full, …"
    // opens an ordinary sentence.
    const WH: &[&str] = &["what", "where", "how"];
    let first = &text.tokens[0];
    WH.contains(&text.word(0)) && first.has(shape::SENTENCE_START) && !text.has_question()
}

/// A number (not a year) or a name: guidance never has one.
fn measured(text: &Text) -> bool {
    (0..text.len()).any(|i| {
        let t = &text.tokens[i];
        counts_as_number(text, i)
            || (t.has(shape::CAPITALIZED) && !t.has(shape::SENTENCE_START))
            || t.has(shape::ACRONYM)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<StandIn> {
        stand_in(&Text::new(text))
    }

    #[test]
    fn the_starters_guidance_is_a_stand_in_even_after_an_edit() {
        for text in [
            "Where we are now, with numbers: customers, revenue, what hurts.",
            "Where this part of the business is now.",
            "What customers struggle with now, and how we know.",
            "How the problem shows up for this team's users.",
            "What a customer, an employee or an investor will see in 2032 that they cannot see today. Name people, places and numbers.",
            "What a client, a worker or an investor will see in 2033 that they cannot see today. Name people, places and numbers.",
            "What will be measurably different by 2028.",
            "What they will be able to do when it is solved.",
            "The change in behaviour we expect to see if the bet works.",
            "Something a reasonable competitor would do that we choose not to",
            "What this intent deliberately leaves out",
            "A tempting scope we will not take on",
            "A feature we will not build in this bet",
        ] {
            assert_eq!(read(text), Some(StandIn::Starter), "{text}");
        }
    }

    #[test]
    fn a_today_that_waits_on_research_is_a_stand_in() {
        let today = |t: &str| stand_in_today(&Text::new(t));
        assert_eq!(
            today(
                "Baseline punctuality and patronage figures are being gathered by the network \
                 planning team and will be added before the January review."
            ),
            Some(StandIn::Awaited)
        );
        assert_eq!(
            today("Not yet available: area managers are collecting occupancy returns this month."),
            Some(StandIn::Awaited)
        );
        assert_eq!(
            today("Area managers collect occupancy returns each month; 81% of places are filled."),
            None
        );
        for text in [
            "Our baseline will come out of the needs assessment we have commissioned for next spring.",
            "We will understand where we are once the student survey closes in March.",
            "Current state: to follow once the data team finishes the book review.",
        ] {
            assert_eq!(
                stand_in_today(&Text::new(text)),
                Some(StandIn::Awaited),
                "{text}"
            );
            // A future may say what a study will find.
            assert_eq!(read(text), None, "{text}");
        }
        // A present that says what will happen next is a description.
        for text in [
            "Our contract with the county ends in March and will not be renewed.",
            "We will not commission another parking study.",
            "1,400 of 9,000 students answered last year's survey; the next one will run in May.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn a_real_will_not_that_names_its_bet_is_not_the_starter() {
        // "in this bet" is how real will-nots are scoped, not guidance.
        assert_eq!(
            read("We will not support shelving older than 1995 in this bet"),
            None
        );
    }

    #[test]
    fn pointers_promises_and_appeals() {
        assert_eq!(
            read("Current-state figures are in the board pack from the October offsite."),
            Some(StandIn::Pointer)
        );
        assert_eq!(read("Sales are in line with the plan."), None);
        assert_eq!(read("We are in the second year of a five-year plan."), None);
        assert_eq!(
            read("Morale is in decline since the strategy changed."),
            None
        );
        assert_eq!(read("See the Q3 offsite slides."), Some(StandIn::Pointer));
        assert_eq!(
            read("Described in last year's business plan, section 2."),
            Some(StandIn::Pointer)
        );
        assert_eq!(
            read("Current state to be written up by the operations team."),
            Some(StandIn::Unwritten)
        );
        assert_eq!(
            read("Everyone here knows where we stand today."),
            Some(StandIn::Known)
        );
        assert_eq!(read("TBD"), Some(StandIn::Placeholder));
        assert_eq!(read("  "), Some(StandIn::Blank));
    }

    #[test]
    fn a_mark_a_sameness_or_a_bracketed_note_holds_the_place() {
        assert_eq!(
            read("Waiting-list position: TK - numbers due from the secretary after the AGM."),
            Some(StandIn::Placeholder)
        );
        assert_eq!(read("Plot rents TBD; 240 plots let."), None);
        assert_eq!(read("Same as in the Q3 two-pager."), Some(StandIn::Pointer));
        assert_eq!(
            read("Unchanged since last quarter's version of this page - see there."),
            Some(StandIn::Pointer)
        );
        assert_eq!(read("Same-day dispatch for 40% of orders."), None);
        assert_eq!(
            read("We sell through TK Maxx and our own shops in Leeds and York."),
            None
        );
        assert_eq!(
            read("Same vans and drivers as last year, but the board wants the evening round cut."),
            None
        );
        assert_eq!(
            read("As before, reps quote by phone and log every call on the shared board."),
            None
        );
        assert_eq!(
            read("Unchanged for years: callers wait minutes on hold."),
            None
        );
        assert!(!bracketed(
            "[Figures from the diary: 64 weddings, 12 corporate events]"
        ));
        assert!(!bracketed(
            "<5% of orders arrive late, Hull at 9% <see dashboard>"
        ));
        assert_eq!(read("As before, reps quote by phone."), None);
        assert!(bracketed(
            "[Sam to add the waiting-list numbers once the secretary sends them]"
        ));
        assert!(bracketed("  <today goes here> "));
        assert!(bracketed("{{ today }}"));
        assert!(!bracketed("[Q3] 64 weddings; [Q4] 70 booked"));
        assert!(!bracketed("64 weddings a year [source: diary]"));
    }

    #[test]
    fn real_text_is_not_a_stand_in() {
        for text in [
            "Drivers hand in paper delivery notes at the end of each shift, and customer service cannot confirm a delivery until the next morning.",
            "Our research shows 40% of brokers re-key every tender from a PDF.",
            "What used to take a broker 3 weeks now takes 2 days.",
            "See every load on one map, from quote to payment, at all 540 brokerages.",
            "Shippers in Rotterdam see every container's customs status on one screen.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
