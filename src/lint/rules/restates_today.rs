use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::restatement;
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `future` that restates `today`: when most of the future's
    /// content words already appear in `today` (seven in ten, six in ten
    /// both ways, or half when it repeats today's numbers), or it gives
    /// three or more of today's measures again and nothing else, and the
    /// future brings no new number. A number is today's in any form ("one
    /// in five" for 19%, "a little over half" for 55%); the when of the
    /// future ("in five years"), a rate's "a year" and a label ("Line 2")
    /// are no new number. Words are stemmed and common synonyms
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
    /// future = "Loads are given out by dispatchers over the telephone and in a spreadsheet, and two in five return legs still run empty."
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

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let Some(overlap) = restatement::overlap(&cx.today, &cx.future) else {
        return;
    };
    // Word for word is `future-is-today`'s finding.
    if !overlap.restates() || overlap.identical() {
        return;
    }
    let numbers = if overlap.same_numbers {
        "and only today's numbers"
    } else {
        "and no new number"
    };
    out.push(
        Field::Future,
        0..0,
        format!(
            "the future restates today: {:.0}% of its words already describe today, {numbers}",
            overlap.of_future * 100.0
        ),
        "If success looks like today, nothing has to change. Describe what is different when this \
         works: a new way of working, a new number, a new customer.",
    );
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    /// Findings of this rule and of `future-is-today`, which takes the
    /// word-for-word copies: between them the criterion is flagged.
    fn fires(today: &str, future: &str) -> usize {
        let fields = [("today", today), ("future", future)];
        fired(super::RULE.name, &fields) + fired("future-is-today", &fields)
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
    fn a_second_author_s_words_are_the_same_words() {
        // Reply and answer, agree and settle, note and write.
        let today = "Clients book by sending a message on Instagram; an artist replies, \
                     agrees a date and notes it in the paper diary.";
        assert_eq!(
            fires(
                today,
                "Clients book by messaging us on Instagram; the artist answers, settles a \
                 date and writes it in the studio diary."
            ),
            1
        );
        assert_eq!(
            fires(
                today,
                "Clients pick a free slot on our booking page and pay a deposit; artists see \
                 the week's bookings on a shared calendar."
            ),
            0
        );
        let today = "We are a trusted supplier of routine childhood vaccines to ministries \
                     of health across West Africa, known for reliable delivery.";
        assert_eq!(
            fires(
                today,
                "We are a dependable provider of standard paediatric vaccines to health \
                 ministries throughout West Africa, recognised for supply you can count on."
            ),
            1
        );
    }

    #[test]
    fn the_same_measures_in_other_units_of_time() {
        let today = "We care for 2,400 patients in 16 units; 14% dialyse at home. The \
                     average journey to a unit is 35 minutes.";
        assert_eq!(
            fires(
                today,
                "By 2029 we look after two thousand four hundred people across our sixteen \
                 units, roughly one in seven at home, with a typical journey of just over \
                 half an hour."
            ),
            1
        );
        assert_eq!(
            fires(
                today,
                "By 2029 we look after two thousand four hundred people across our sixteen \
                 units, roughly one in seven at home, with a typical journey of ten minutes."
            ),
            0
        );
        let today = "Contractors in the South West rent our scaffold out of 9 depots. Orders \
                     reach site inside two days, and tricky jobs get our design team.";
        assert_eq!(
            fires(
                today,
                "The 2028 goal: nine depots serving the region's contractors, two-day \
                 delivery on every order, design help for the complicated jobs."
            ),
            1
        );
        assert_eq!(
            fires(
                today,
                "The 2028 goal: nine depots serving the region's contractors, same-day \
                 delivery on every order, design help for the complicated jobs."
            ),
            0
        );
    }

    #[test]
    fn counts_per_period_and_what_was_scarce() {
        let today = "We service about 60 bikes a week across our two workshops, and one in \
                     five is an e-bike.";
        let again = "Around 3,100 bikes a year go through our two workshops, 20% of them e-bikes.";
        assert_eq!(fires(today, again), 1);
        let more = "Around 6,000 bikes a year go through our two workshops, 20% of them e-bikes.";
        assert_eq!(fires(today, more), 0);
        let today = "Almost all our patients have cancer. GPs rarely refer people with \
                     dementia, and our nurses have little training in it.";
        assert_eq!(
            fires(
                today,
                "GPs refer people with dementia as routinely as people with cancer, and our \
                 nurses are as confident caring for them."
            ),
            0
        );
        assert_eq!(
            fires(
                today,
                "GPs seldom refer people with dementia, and our nurses have little training \
                 in it; almost all our patients have cancer."
            ),
            1
        );
        // A scarce thing today that the future does not speak of.
        let today = "Our analysts review every SME loan application manually, which takes 9 \
                     working days. Few applicants are charities.";
        assert_eq!(
            fires(
                today,
                "Every SME loan application is reviewed manually by our analysts, taking 9 \
                 working days."
            ),
            1
        );
    }

    #[test]
    fn costs_and_prices_are_not_one_thing() {
        assert_eq!(
            fires(
                "Our costs are the highest of any supplier in the region.",
                "Our prices are the lowest of any provider in the area."
            ),
            0
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
    fn every_measure_of_today_given_again_is_a_restatement() {
        let today = "Our Net Promoter Score is 31 and 2.1% of customers leave each month.";
        assert_eq!(
            fires(
                today,
                "A loyal customer base: an NPS of 31 and monthly churn of 2.1%."
            ),
            1
        );
        // The same measures with something added beside them is a change.
        assert_eq!(
            fires(
                "We run 14 stores and 2 warehouses, and sell only in-store.",
                "Our 14 stores and 2 warehouses also take orders on the web and by phone, delivered from the nearest store."
            ),
            0
        );
    }

    #[test]
    fn todays_numbers_in_other_forms_are_todays_numbers() {
        // A rate's "a year", a label ("Line 2"), a share said in words.
        assert_eq!(
            fires(
                "Szeged L2: LFP prismatic, 8 GWh a year nameplate, about 70% utilised, 9% cell scrap.",
                "Around 9% of cells scrapped and roughly 70% of an 8 GWh a year nameplate in use: that is Line 2 in Szeged."
            ),
            1
        );
        assert_eq!(
            fires(
                "We are 38 partners in four cities; staff turnover is 19% a year.",
                "In 2032 we have 38 partners in four cities and lose about one person in five each year."
            ),
            1
        );
        // A measure that moves is a change, whatever else stays.
        assert_eq!(
            fires(
                "We are 38 partners in four cities; staff turnover is 19% a year.",
                "In 2032 we have 38 partners in four cities and lose one person in ten each year."
            ),
            0
        );
    }

    #[test]
    fn a_score_that_moves_is_a_change() {
        assert_eq!(
            fires(
                "NPS is 31 and churn is 2.1% a month; we run 14 stores.",
                "In 2030 we run 14 stores with churn of 2.1% a month and NPS 60."
            ),
            0
        );
    }

    #[test]
    fn the_same_things_in_other_words_restate_today() {
        assert_eq!(
            fires(
                "We make toys and games for children and adult collectors, sold through big-box retailers and online marketplaces.",
                "By 2029 we design playthings and games for kids and grown-up collectors, sold through large chain retailers and online marketplaces."
            ),
            1
        );
    }

    #[test]
    fn what_today_lacks_the_future_has() {
        let today = "Our two newest rides have no standby line: guests must win an app slot.";
        assert_eq!(
            fires(
                today,
                "Both newest rides have a standby line: guests can walk up and wait."
            ),
            0
        );
        // Said without "no", the lack is still there.
        let today = "Our recipes use real meat, with no artificial preservatives.";
        assert_eq!(
            fires(
                today,
                "Our recipes use real meat, free of artificial preservatives."
            ),
            1
        );
    }

    #[test]
    fn needs_both_fields() {
        assert_eq!(fires("", "Reps quote in 8 minutes from one screen."), 0);
    }
}
