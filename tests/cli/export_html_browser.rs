//! The exported HTML page opened in a real browser (headless Chromium): it
//! loads without console errors, shows every title as text, and hostile
//! titles stay text: no element is ever created from the file.
//!
//! Needs Debian's `chromium` package (`apt-get install -y chromium`); CI
//! installs it. Set `STRATA_TEST_CHROMIUM` to use another Chromium binary.

use crate::support;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use strata::sanitize;

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";
const ANSI: &str = "Clear \u{1b}[2J the screen \u{1b}]0;pwned\u{7}";

/// A strategy whose text attacks every place a title can appear: the nav,
/// the headings, the "ladders up to" links, and an orphan's section.
fn hostile_strategy() -> String {
    format!(
        r#"version = 1
as_of = 2026-11-01

[company]
name = "Evil {script} Corp"

[vision]
title = "{script}"
horizon = "2030"
owner = "O'Brien & <b>Sons</b>"
future = "{img}"
will_not = ["{script}"]
metrics = [{{ name = "{img}", baseline = "1", target = "2", by = "2030" }}]

[intents."x\"><img src=x onerror=alert(1)>"]
title = "{img}"
horizon = "2028-06"

[initiatives.escape]
intent = "x\"><img src=x onerror=alert(1)>"
title = "{ansi}"

[options.orphan]
initiative = "{script}"
title = "Orphan {img}"
horizon = "2028-06"
"#,
        script = toml_escape(SCRIPT),
        img = toml_escape(IMG),
        ansi = toml_escape(ANSI),
    )
}

fn toml_escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => "\\\"".to_owned(),
            '\\' => "\\\\".to_owned(),
            c if c.is_control() => format!("\\u{:04X}", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

/// How a text node's content looks in serialized DOM (`--dump-dom`).
fn as_dom_text(text: &str) -> String {
    sanitize::line(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn chromium() -> String {
    std::env::var("STRATA_TEST_CHROMIUM").unwrap_or_else(|_| "chromium".to_owned())
}

struct Browsed {
    dom: String,
    log: String,
}

/// Opens `page` in headless Chromium and returns the DOM after load and the
/// browser's log; kills the browser if it takes longer than 30 seconds.
fn browse(page: &Path, scratch: &Path) -> Browsed {
    let dom_path = scratch.join("dom.html");
    let log_path = scratch.join("chromium.log");
    let profile = scratch.join("profile");
    let spawned = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(File::create(&dom_path).unwrap())
        .stderr(File::create(&log_path).unwrap())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => panic!(
            "cannot run `{}` ({e}): this test needs headless Chromium; \
             install it with `apt-get install -y chromium` (CI does), \
             or point STRATA_TEST_CHROMIUM at a Chromium binary",
            chromium()
        ),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 30 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(status.success(), "chromium failed ({status}):\n{log}");
    Browsed {
        dom: std::fs::read_to_string(&dom_path).unwrap(),
        log,
    }
}

fn export_html(dir: &Path) -> PathBuf {
    let strategy = dir.join("hostile.toml");
    std::fs::write(&strategy, hostile_strategy()).unwrap();
    let page = dir.join("strategy.html");
    let out = crate::support::strata()
        .arg("export")
        .arg(&strategy)
        .arg("-o")
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

#[test]
fn hostile_titles_render_as_text_in_a_real_browser() {
    if !support::tool_available(&chromium(), "--version", "apt-get install -y chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = export_html(dir.path());
    let browsed = browse(&page, dir.path());
    let dom = &browsed.dom;

    assert!(dom.contains("<main>"), "the page did not load:\n{dom}");
    let (_, main) = dom.split_once("<main>").unwrap();
    for title in [SCRIPT, IMG, ANSI, &format!("Orphan {IMG}")] {
        let text = as_dom_text(title);
        assert!(
            main.contains(&format!("<h2>{text}</h2>")),
            "no heading {text}"
        );
    }
    assert!(dom.contains(&as_dom_text(ANSI)));
    assert!(dom.contains("Clear ␛[2J the screen ␛]0;pwned␇"));
    assert!(dom.contains(&as_dom_text("O'Brien & <b>Sons</b>")));

    // The serialized DOM escapes `<` in text, and no file text reaches an
    // attribute, so any `<img` or `<script` here would be a real element.
    assert!(!dom.contains("<img"), "an <img> element was created");
    assert!(!dom.contains("<script"), "a <script> element was created");
    assert!(
        !dom.contains("<b>Sons"),
        "markup from the file became an element"
    );
    assert!(
        !dom.contains('\u{1b}'),
        "a raw escape byte reached the page"
    );

    // The map and the timeline carry the titles too, as text and tooltips.
    for figure in ["<svg class=\"map wide\"", "<svg class=\"timeline wide\""] {
        assert!(dom.contains(figure), "no {figure}");
    }
    let tooltip = format!(
        "<title>Strategic intent: {} (draft)</title>",
        as_dom_text(IMG)
    );
    assert!(dom.contains(&tooltip), "no tooltip {tooltip}");
    assert_inert(dom);

    // A page with no scripts and no fetches has nothing to complain about:
    // a CSP violation or a script error would be logged as a console message.
    let console: Vec<&str> = browsed
        .log
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .collect();
    assert!(
        console.is_empty(),
        "console messages:\n{}",
        console.join("\n")
    );
}

/// Every tag in the serialized DOM (where text has its `<` escaped, so each
/// `<` opens a tag) has no event handler attribute and no URL but `#anchors`.
fn assert_inert(dom: &str) {
    for tag in dom.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        for word in tag.split_whitespace().skip(1) {
            let name = word.split('=').next().unwrap_or("").to_ascii_lowercase();
            assert!(!name.starts_with("on"), "an event handler: <{tag}>");
            if ["href", "src", "xlink:href", "action", "srcset"].contains(&name.as_str()) {
                let value = word
                    .split_once('=')
                    .map_or("", |(_, v)| v.trim_matches('"'));
                assert!(
                    value.starts_with('#'),
                    "a URL that leaves the page: <{tag}>"
                );
            }
        }
        assert!(!tag.contains("://"), "an external URL: <{tag}>");
    }
    assert!(!dom.contains("url("), "a stylesheet URL");
}

#[test]
fn every_anchor_link_leads_somewhere() {
    if !support::tool_available(&chromium(), "--version", "apt-get install -y chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = export_html(dir.path());
    let dom = browse(&page, dir.path()).dom;
    let ids: Vec<&str> = dom
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let links: Vec<&str> = dom
        .split("href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(links.len() >= 7, "{links:?}");
    for link in links {
        assert!(ids.contains(&link), "#{link} has no target");
        assert!(
            link.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{link}"
        );
    }
}
