use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{
    Kind, Text, content_stems, content_stems_where, numbers_outside_years, parse_quantity,
};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `future` that restates `today`: when at least three quarters
    /// of the future's content words already appear in `today`, and the
    /// future brings no new number. Words are stemmed and common synonyms
    /// folded, so tense, inflection, word order, voice and a swapped word
    /// do not hide it; praise and buzzwords ("our new, faster CRM", "powered
    /// by innovation") do not count as change, nor does a date prefix
    /// ("By 2032, …"), "still", carrying on ("and we keep growing") or a
    /// change verb that names no new number.
    ///
    /// ## Why is this bad?
    /// If the picture of success is the picture of today, the strategy asks
    /// for nothing to change, and the teams below have nothing to build toward.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// today = "Dispatchers assign loads by phone and spreadsheet, and 40% of return legs run empty."
    /// future = "Dispatchers will assign loads by phone and spreadsheet, and 40% of return legs will run empty."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// today = "Dispatchers assign loads by phone and spreadsheet, and 40% of return legs run empty."
    /// future = "Loads are matched to trucks within 2 minutes; dispatchers handle exceptions, and empty return legs fall to 15%."
    /// ```
    pub static RULE = {
        name: "restates-today",
        criterion: DifferentFromToday,
        severity: Warning,
        summary: "A `future` that says what `today` already says",
        check: check,
    };
}

/// Share of the future's content words found in today above which it restates today.
const THRESHOLD: f64 = 0.75;

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let Some(share) = restated_share(&cx.today, &cx.future) else {
        return;
    };
    out.push(
        Field::Future,
        0..0,
        format!(
            "the future restates today: {:.0}% of its words already describe today and it adds no new number",
            share * 100.0
        ),
        "If success looks like today, nothing has to change. Describe what is different when this \
         works: a new way of working, a new number, a new customer.",
    );
}

/// The share of `future`'s content words that `today` already has, when it
/// is high enough to call a restatement.
fn restated_share(today: &Text, future: &Text) -> Option<f64> {
    if future.len() < 3 || today.is_empty() {
        return None;
    }
    // A new number is a change; checking it first skips the word sets for
    // most futures, which bring one.
    let today_numbers: Vec<Option<f64>> = numbers_outside_years(today)
        .iter()
        .map(|n| value(n))
        .collect();
    let new_number = numbers_outside_years(future)
        .iter()
        .any(|n| !today_numbers.contains(&value(n)));
    if new_number {
        return None;
    }
    let future_stems = described_stems(future);
    if future_stems.len() < 3 {
        return None;
    }
    let today_stems = content_stems(today);
    let shared = future_stems
        .iter()
        .filter(|s| today_stems.binary_search(s).is_ok())
        .count();
    let share = shared as f64 / future_stems.len() as f64;
    (share >= THRESHOLD).then_some(share)
}

/// The future's content stems without praise, buzzwords and non-choices: "a
/// new, faster CRM, powered by best practice" describes the same world as
/// "the CRM" until something in it changes.
fn described_stems(future: &Text) -> Vec<u64> {
    const PRAISE: &[&str] = &[
        "new",
        "improved",
        "updated",
        "upgraded",
        "better",
        "modern",
        "modernised",
        "modernized",
    ];
    content_stems_where(future, |i| {
        let t = &future.tokens[i];
        let praise = t.is(Kind::Evaluative)
            || t.is(Kind::Comparative)
            || t.is(Kind::Intensifier)
            || t.is(Kind::Booster)
            || future.word_in(i, PRAISE);
        // "and we keep growing": carrying on, or a change verb with no new
        // number (checked before this), says nothing about what is different.
        let no_news = t.is(Kind::Continuity) || t.is(Kind::ChangeVerb);
        !praise
            && !no_news
            && !future.matches.iter().any(|m| {
                matches!(
                    m.kind,
                    Kind::Fluff
                        | Kind::NonChoice
                        | Kind::Superlative
                        | Kind::Continuity
                        | Kind::ChangeVerb
                ) && m.first <= i
                    && i <= m.last
            })
    })
}

/// A number's value, so "1,200" and "1200" are the same number.
fn value(number: &str) -> Option<f64> {
    parse_quantity(number).map(|q| q.0)
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(today: &str, future: &str) -> usize {
        fired(super::RULE.name, &[("today", today), ("future", future)])
    }

    #[test]
    fn catches_edits_reorderings_and_voice() {
        let today =
            "Our analysts review every SME loan application manually, which takes 9 working days.";
        assert_eq!(fires(today, today), 1);
        assert_eq!(
            fires(
                today,
                "Every SME loan application is reviewed manually by our analysts, taking 9 working days."
            ),
            1
        );
        assert_eq!(
            fires(
                "Households read their gas meter themselves and post the reading twice a year.",
                "By 2032, households still read their gas meter themselves and post the reading twice a year."
            ),
            1
        );
    }

    #[test]
    fn carrying_on_adds_nothing_to_picture() {
        let today = "Revenue is $12M, mostly from clinics in Nairobi.";
        assert_eq!(
            fires(
                today,
                "Revenue is $12M, mostly from clinics in Nairobi, and we keep growing."
            ),
            1
        );
        assert_eq!(
            fires(today, "Revenue from clinics in Nairobi continues to grow."),
            1
        );
        // A change verb with a new number, or a new place, is a change.
        assert_eq!(
            fires(
                today,
                "Revenue grows to $30M, mostly from clinics in Nairobi."
            ),
            0
        );
        assert_eq!(
            fires(
                today,
                "Revenue is $12M, and half of it comes from clinics in Mombasa and Kisumu."
            ),
            0
        );
    }

    #[test]
    fn a_new_number_or_mechanism_is_a_change() {
        assert_eq!(
            fires(
                "Buses on the 12 busiest routes arrive every 12 minutes, and the flat fare is 2 pounds.",
                "Buses on the 12 busiest routes arrive every 6 minutes, while the flat fare remains 2 pounds."
            ),
            0
        );
        assert_eq!(
            fires(
                "Customers report motor claims by phone, and a claim takes 21 days to settle.",
                "Customers report motor claims with photos in the app, and minor claims settle within 48 hours."
            ),
            0
        );
    }

    #[test]
    fn praise_and_number_formats_do_not_hide_a_restatement() {
        assert_eq!(
            fires(
                "Sales reps log 1,200 calls by hand in the CRM each day.",
                "Sales reps log 1200 calls by hand in our new, more intuitive CRM each day."
            ),
            1
        );
    }

    #[test]
    fn needs_both_fields() {
        assert_eq!(fires("", "Reps quote in 8 minutes from one screen."), 0);
    }
}
