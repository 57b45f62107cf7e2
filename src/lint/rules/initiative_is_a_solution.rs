use super::support::{quote, sentence_leads};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Text, shape};
use crate::model::{Field, Level};

declare_rule! {
    /// ## What it does
    /// Flags an initiative framed as a solution instead of a problem: a title
    /// that opens with *build*, *launch*, *ship*, *add* or *roll out*, a title
    /// that names a solution (*app*, *dashboard*, *portal*, *platform*, *tool*)
    /// without saying what is wrong, or a `future` whose first sentence opens
    /// with building one.
    ///
    /// ## Why is this bad?
    /// Initiatives are problems to solve; options are the solutions teams bet
    /// on. An initiative that names its solution closes off cheaper options
    /// before anyone has compared them (Perri's build trap).
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// title = "Build a shipper tracking portal app for our customers' shippers"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// title = "Shippers phone reps 31 times per 100 loads to ask where their truck is"
    /// ```
    pub static RULE = {
        name: "initiative-is-a-solution",
        criterion: Cascade,
        severity: Warning,
        summary: "An initiative that names a solution instead of a problem",
        check: check,
    };
}

const HELP: &str = "Initiatives are problems to solve; options are the solutions teams bet on. \
Naming the solution here closes off cheaper options before anyone compares them. State the \
problem: who struggles with what, how often, at what cost.";

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if cx.level() != Level::Initiative {
        return;
    }
    let title = &cx.title;
    let leads_with_build = sentence_leads(title)
        .first()
        .is_some_and(|&lead| title.matches_of(Kind::BuildVerb).any(|m| m.first == lead));
    let names_tool = (0..title.len()).find(|&i| title.tokens[i].is(Kind::SolutionNoun));
    if leads_with_build || (names_tool.is_some() && !states_problem(title)) {
        out.push(
            Field::Title,
            0..0,
            format!(
                "the initiative's title names a solution (`{}`), not a problem",
                cx.node.doc.title.trim()
            ),
            HELP,
        );
        return;
    }
    let future = &cx.future;
    let Some(&lead) = sentence_leads(future).first() else {
        return;
    };
    if let Some(build) = future.matches_of(Kind::BuildVerb).find(|m| m.first == lead) {
        let sentence = future.sentence_of(lead);
        if sentence
            .clone()
            .any(|j| future.tokens[j].is(Kind::SolutionNoun))
        {
            let words = quote(&cx.node.doc.future, future, build);
            out.push(
                Field::Future,
                future.span(build.first, sentence.end - 1),
                format!("the initiative's future opens with a solution to `{words}`"),
                HELP,
            );
        }
    }
}

fn states_problem(title: &Text) -> bool {
    (0..title.len()).any(|i| {
        let t = &title.tokens[i];
        (t.has(shape::NUMBER) && !t.has(shape::YEAR)) || title.is(i, Kind::Problem)
    })
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    fn fires(fields: &[(&str, &str)]) -> usize {
        fired_at(super::RULE.name, Level::Initiative, fields)
    }

    #[test]
    fn solutions_fire() {
        assert_eq!(
            fires(&[("title", "Build a shipper tracking portal app")]),
            1
        );
        assert_eq!(fires(&[("title", "Shipper tracking dashboard")]), 1);
        assert_eq!(
            fires(&[
                ("title", "Quotes"),
                ("future", "By 2027 we will launch a pricing app for reps.")
            ]),
            1
        );
    }

    #[test]
    fn problems_are_fine_even_when_they_name_a_tool() {
        assert_eq!(
            fires(&[(
                "title",
                "Parents can't see reading levels in the school app"
            )]),
            0
        );
        assert_eq!(
            fires(&[(
                "title",
                "Reps re-type 89% of shipper tenders from email and PDF"
            )]),
            0
        );
        assert_eq!(fires(&[("title", "Build a portal")]), 1);
        assert_eq!(
            fired_at(
                super::RULE.name,
                Level::Option,
                &[("title", "Build a portal")]
            ),
            0
        );
    }
}
