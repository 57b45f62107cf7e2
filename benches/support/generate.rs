//! A deterministic strategy file of any size, for benchmarks: realistic
//! two-pagers of about 2.6 KB each, mostly sound, some weak in the ways the
//! linter looks for (fluff, missing will-nots, solution-shaped initiatives).

use std::fmt::Write;

/// A tiny deterministic generator, so every run lints the same text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const TODAY: &[&str] = &[
    "Reps at our 140 mid-market customers type 89% of tenders from email and PDF attachments into the system by hand, a median of 7 minutes per tender.",
    "Carriers hauling for our customers wait a median of 38 days for payment after delivery, and 44% of small carriers sell their invoices to factoring companies at 3-5%.",
    "Branch managers see margin once a month, 8 to 12 days after month end, when the controller shares an Excel file built from three reports.",
    "Shippers phone or email their broker to ask where a truck is; reps answer 31 status inquiries per 100 loads at a median of 4 minutes each.",
    "Onboarding a new customer takes 11 weeks, and 5 of those weeks go to importing carriers, customers and lanes through support tickets.",
    "In the September time study, reps made 4 check calls per load and spent 2.5 hours a day finding trucks by phone.",
    "AP clerks compare each carrier invoice to the rate confirmation and the proof of delivery by hand, 4 minutes per invoice, and 16% of invoices are disputed.",
    "Quote requests arrive by email; reps copy lane details into three rate tools, and the median spot quote goes out 40 minutes after the request.",
];

const FUTURE: &[&str] = &[
    "By the end of next year 55% of tenders become draft loads without typing, and a rep confirms a parsed draft in under 90 seconds.",
    "Carriers choose at invoice time to be paid within 48 hours of a matched proof of delivery for a 2% fee, and 25% of invoices at pilot brokers are paid that way.",
    "At 7am on Monday each branch manager receives last week's gross margin by rep, customer and lane, with links to the loads below the margin floor.",
    "Shippers check load status from a link the broker sends at dispatch, and reps answer 12 status inquiries per 100 loads instead of 31.",
    "A new mid-market customer moves its first live load 4 weeks after signing, and 60% of onboardings raise no import ticket.",
    "70% of loads report their own location from the carrier's ELD or the driver's phone, and reps spend 1 hour a day on check calls.",
    "Invoices that match the rate confirmation and the proof of delivery are approved without a clerk, 50% of the total, and disputes fall to 6%.",
    "Reps send a spot quote a median of 8 minutes after the request from one screen with lane history and a market benchmark, and win 25% of quotes.",
];

const WEAK_FUTURE: &[&str] = &[
    "We leverage synergies across our ecosystem to deliver a seamless, world-class experience that empowers stakeholders.",
    "Our innovative, holistic approach transforms how the industry works and unlocks value for customers and shareholders alike.",
    "Become the leading provider of choice and drive engagement through best-in-class, next-generation solutions.",
];

const WILL_NOT: &[&str] = &[
    "We will not build a native driver app in this period; drivers use a text link in the phone's browser",
    "We will not sell seats to shippers or charge them; shippers are our customers' customers",
    "We will not fund quick-pay advances from our own balance sheet; a bank partner carries the credit risk",
    "We will not support more than two previous-TMS export formats this year",
    "We will not auto-approve an invoice above the rate confirmation total; overages need a person",
    "We will not run our own EDI network; we connect through an existing VAN partner",
];

const NOTES: &[&str] = &[
    "Diagnosis: the lookup, not the decision, is where the minutes go; the time study puts 26 minutes of the 40 on looking up rates in three places.",
    "Assumptions: carriers consent to location sharing when asked once at setup rather than per load; the integrator covers 12 ELD providers.",
    "Risks: a parser that is right 90% of the time can still erode trust if the wrong 10% are pickup dates, so drafts flag low-confidence fields.",
    "We review this two-pager at the quarterly planning session and compare the metrics with the same time study, run on 7 customers each half-year.",
    "Dependencies: the branch field on each load comes first; the Monday email and the margin floor warning both read it.",
    "Risks: brokers may use faster approval screens to deny more detention claims, which would hurt carrier trust in quick pay.",
];

fn paragraph(rng: &mut Lcg, pool: &[&str], sentences: usize) -> String {
    let mut out = String::new();
    for i in 0..sentences {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(pool));
    }
    out
}

fn node(
    out: &mut String,
    rng: &mut Lcg,
    header: &str,
    parent: Option<(&str, &str)>,
    horizon: &str,
    n: usize,
) {
    let weak = n % 7 == 3;
    let _ = writeln!(out, "[{header}]");
    let _ = writeln!(
        out,
        "title = \"{} {n}\"",
        rng.pick(&[
            "Reps re-type tenders from email",
            "Carriers wait 38 days for pay",
            "Branch margin is hidden for 12 days",
            "Shippers phone reps for truck status"
        ])
    );
    let _ = writeln!(out, "owner = \"Owner {}\"", n % 97);
    let _ = writeln!(
        out,
        "status = \"{}\"",
        rng.pick(&["draft", "in-review", "approved"])
    );
    let _ = writeln!(out, "horizon = \"{horizon}\"");
    if let Some((key, id)) = parent {
        let _ = writeln!(out, "{key} = \"{id}\"");
    }
    let _ = writeln!(out, "today = \"\"\"\n{}\n\"\"\"", paragraph(rng, TODAY, 5));
    let future = if weak {
        paragraph(rng, WEAK_FUTURE, 4)
    } else {
        paragraph(rng, FUTURE, 5)
    };
    let _ = writeln!(out, "future = \"\"\"\n{future}\n\"\"\"");
    if n % 11 != 5 {
        let _ = writeln!(
            out,
            "will_not = [\n  \"{}\",\n  \"{}\",\n  \"{}\",\n]",
            rng.pick(WILL_NOT),
            rng.pick(WILL_NOT),
            rng.pick(WILL_NOT)
        );
    }
    let _ = writeln!(
        out,
        "metrics = [\n  {{ name = \"Median minutes per quote\", baseline = \"40\", target = \"{}\", by = \"{horizon}\" }},\n  {{ name = \"Share of tenders entered without typing\", baseline = \"0%\", target = \"55%\", by = \"{horizon}\" }},\n]",
        8 + n % 20
    );
    let _ = writeln!(
        out,
        "notes = \"\"\"\n{}\n\"\"\"\n",
        paragraph(rng, NOTES, 6)
    );
}

/// A strategy file with `nodes` nodes: one vision, four intents, and
/// initiatives with about nine options each.
pub fn strategy_toml(nodes: usize) -> String {
    let mut rng = Lcg(0x5EED);
    let mut out = String::from(
        "version = 1\nas_of = 2026-11-01\n\n[company]\nname = \"Generated Freight\"\n\n",
    );
    node(&mut out, &mut rng, "vision", None, "2032", 0);
    let intents = 4;
    let mut made = 1;
    for i in 0..intents {
        node(
            &mut out,
            &mut rng,
            &format!("intents.intent-{i}"),
            None,
            "2028-12",
            made,
        );
        made += 1;
    }
    let mut initiative = 0;
    while made < nodes {
        let id = format!("initiative-{initiative}");
        node(
            &mut out,
            &mut rng,
            &format!("initiatives.{id}"),
            Some(("intent", &format!("intent-{}", initiative % intents))),
            "2027-12",
            made,
        );
        made += 1;
        for o in 0..9 {
            if made >= nodes {
                break;
            }
            node(
                &mut out,
                &mut rng,
                &format!("options.{id}-option-{o}"),
                Some(("initiative", &id)),
                "2027-09",
                made,
            );
            made += 1;
        }
        initiative += 1;
    }
    out
}
