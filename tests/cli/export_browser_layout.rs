//! The sample's HTML export as a reader sees it, in headless Chromium driven
//! through the DevTools protocol (`devtools.rs`): at 1280 px and at 390 px
//! (a phone) and printed to PDF. Screenshots and PDFs are written under
//! `target/export-browser/` for a person to look at; the test checks what a
//! browser can measure: no horizontal scrolling on a phone, the map and the
//! timeline drawn and no wider than the page, the map's text at 11 px or
//! more, no date or figure broken across lines, no lint for the company.
//!
//! The two whole-section screenshots (the overview, the first intent's
//! two-pager) cost each run about 2 s of Chromium's time; they are taken when
//! `STRATA_TEST_SHOTS` is set, as `.ci/run` does. The viewport's screenshot
//! at each width is always taken.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::devtools::Chromium;
use crate::support;

fn chromium() -> String {
    std::env::var("STRATA_TEST_CHROMIUM").unwrap_or_else(|_| "chromium".to_owned())
}

/// Where the screenshots and PDFs go: in `target/`, never in the repository.
fn shots() -> PathBuf {
    let dir = support::root().join("target/export-browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn export_sample(audience: &str, dir: &Path) -> PathBuf {
    let page = dir.join(format!("{audience}.html"));
    let out = crate::support::strata()
        .current_dir(support::root())
        .args(["export", "sample-strategy.toml", "--for", audience, "-o"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    page
}

/// The visible `<svg>` of `class` (the page draws a wide and a narrow one
/// and shows one): its width on screen and the smallest font it draws, in px.
const FIGURE: &str = "(cls) => {
  const shown = [...document.querySelectorAll('svg.' + cls)]
    .filter(e => e.getBoundingClientRect().width > 0);
  if (shown.length !== 1) return { count: shown.length };
  const svg = shown[0];
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const fonts = [...svg.querySelectorAll('text')].map(t => Number(t.getAttribute('font-size')));
  return { count: 1, width: svg.getBoundingClientRect().width, font: Math.min(...fonts) * scale };
}";

fn figure(browser: &mut Chromium, class: &str) -> Value {
    browser.evaluate(&format!("({FIGURE})('{class}')"))
}

fn check_at(browser: &mut Chromium, page: &Path, audience: &str, width: u32, height: u32) {
    browser.viewport(width, height);
    browser.navigate(&format!("file://{}", page.display()));
    let scroll = browser.evaluate("document.documentElement.scrollWidth");
    if scroll.as_u64().unwrap() > u64::from(width) {
        // Name the widest culprits, the innermost first.
        let wide = browser.evaluate(&format!(
            "[...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > {width} + 1 && !e.closest('.scroll'))
               .reverse().slice(0, 8)
               .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
        ));
        panic!("{audience} at {width} px scrolls sideways: scrollWidth {scroll}: {wide}");
    }
    for class in ["map", "timeline"] {
        let drawn = figure(browser, class);
        assert_eq!(
            drawn["count"],
            json!(1),
            "{audience} at {width} px: {class}"
        );
        let shown = drawn["width"].as_f64().unwrap();
        assert!(shown <= f64::from(width), "{class} is {shown} px wide");
        let font = drawn["font"].as_f64().unwrap();
        assert!(font >= 10.99, "{class} at {width} px draws {font} px text");
    }
    let spilled = browser.evaluate(
        "[...document.querySelectorAll('svg.map a.node')]
           .filter(a => a.getBoundingClientRect().width > 0)
           .filter(a => a.querySelector('text').getComputedTextLength()
                        > a.querySelector('rect').width.baseVal.value - 8)
           .map(a => a.querySelector('text').textContent)",
    );
    assert_eq!(spilled, json!([]), "text wider than its box at {width} px");
    let broken = browser.evaluate(
        "[...document.querySelectorAll('time, .nw')]
           .filter(e => e.getClientRects().length > 1).map(e => e.textContent)",
    );
    assert_eq!(broken, json!([]), "broken across lines at {width} px");

    let stem = format!("{audience}-{width}");
    std::fs::write(
        shots().join(format!("{stem}.png")),
        browser.screenshot(None),
    )
    .unwrap();
    if std::env::var_os("STRATA_TEST_SHOTS").is_none() {
        return;
    }
    // The overview, and the first intent's two-pager, each whole.
    for (name, selector) in [("overview", "#overview"), ("intent", "article.intent")] {
        let rect = browser.evaluate(&format!(
            "(() => {{ const r = document.querySelector('{selector}').getBoundingClientRect();
                      return [r.left + scrollX, r.top + scrollY, r.width, r.height]; }})()"
        ));
        let at = |i: usize| rect[i].as_f64().unwrap();
        let clip = (at(0), at(1), at(2), at(3).min(6000.0));
        std::fs::write(
            shots().join(format!("{stem}-{name}.png")),
            browser.screenshot(Some(clip)),
        )
        .unwrap();
    }
}

/// How many pages a PDF has: Chromium writes one `/Type /Page` object per page.
fn pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

// One test per audience, each with its own browser, so the two run side by
// side with the rest of the suite rather than one after the other.
#[test]
fn the_company_page_reads_on_a_screen_on_a_phone_and_on_paper() {
    reads_on_a_screen_on_a_phone_and_on_paper("company");
}

#[test]
fn the_authors_page_reads_on_a_screen_on_a_phone_and_on_paper() {
    reads_on_a_screen_on_a_phone_and_on_paper("authors");
}

fn reads_on_a_screen_on_a_phone_and_on_paper(audience: &str) {
    if !support::tool_available(&chromium(), "--version", "apt-get install -y chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = export_sample(audience, dir.path());
    let mut browser = Chromium::launch(&chromium(), &dir.path().join(audience));
    for (width, height) in [(1280, 900), (390, 844)] {
        check_at(&mut browser, &page, audience, width, height);
    }
    let lint = browser
        .evaluate("document.querySelectorAll('section.review, ul.findings, .grade, .sev').length");
    let summary = browser.evaluate("document.querySelector('.summary').textContent");
    let text = browser.evaluate("document.body.innerText");
    let text = text.as_str().unwrap();
    if audience == "company" {
        assert_eq!(lint, json!(0), "lint in the company's page");
        assert!(!summary.as_str().unwrap().contains("warning"), "{summary}");
        assert!(!text.contains("Lint"), "lint in the company's page");
        assert!(text.contains("Draft: still being written"));
    } else {
        assert!(
            lint.as_u64().unwrap() > 0,
            "the authors' page lost its lint"
        );
        assert!(summary.as_str().unwrap().contains("warning"), "{summary}");
    }
    assert!(text.contains("Back to top") && text.contains("Map of the cascade"));

    let pdf = browser.print_pdf();
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    let count = pages(&pdf);
    assert!(count > 1, "{count} pages");
    std::fs::write(shots().join(format!("{audience}.pdf")), &pdf).unwrap();
    // Straight to stderr, so `cargo test -- --nocapture` shows the figures.
    eprintln!(
        "{audience}: {count} PDF pages; screenshots in {}",
        shots().display()
    );
}
