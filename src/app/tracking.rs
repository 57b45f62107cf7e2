//! Tracking from the browser: `c` opens the check-in form on the shown
//! node, and its answer comes back here to be recorded as one undoable
//! edit, checked by the same rule the command line uses
//! ([`record_checkin`]).

use super::overlays::checkin::{self, CheckinForm};
use super::{App, Effect};
use crate::model::{CheckIn, CheckinError, Date, Field, Recording, record_checkin};
use crate::sanitize;

impl App {
    /// Opens the check-in form on the shown node, on the metric whose
    /// finding is selected (else the first), dated today.
    pub(in crate::app) fn start_checkin(&mut self) {
        let Some(node) = self.shown_node() else {
            return;
        };
        if self.strategy.node(node).doc.metrics.is_empty() {
            self.notice =
                Some("this two-pager has no metrics to check in; add one with e (Metrics)".into());
            return;
        }
        let selected = self
            .reading
            .diagnostic
            .filter(|_| self.reading.node == Some(node))
            .and_then(|i| self.findings.for_node(node).get(i))
            .map(|d| d.field);
        let checkins = &self.strategy.node(node).checkins;
        let metric = match selected {
            Some(Field::Metric(i, _)) => i,
            Some(Field::Checkin(c)) => {
                let name = checkins.get(c).map(|c| c.metric.as_str());
                let metrics = &self.strategy.node(node).doc.metrics;
                metrics
                    .iter()
                    .position(|m| Some(m.name.as_str()) == name)
                    .unwrap_or(0)
            }
            _ => 0,
        };
        let today = self.today.to_string();
        checkin::open(self, node, metric, &today);
    }

    /// Records what the form holds; on a refusal, why, and whether the
    /// next enter should correct the value already recorded that day.
    pub(in crate::app) fn record_checkin_from(
        &mut self,
        form: &CheckinForm,
    ) -> Result<Vec<Effect>, (String, bool)> {
        let node = self
            .strategy
            .get(form.node)
            .ok_or_else(|| ("that node is no longer in the strategy".to_owned(), false))?;
        let metric = node.doc.metrics.get(form.metric).ok_or_else(|| {
            (
                "that metric is no longer in the two-pager".to_owned(),
                false,
            )
        })?;
        let value = form.value.text().trim().to_owned();
        if value.is_empty() {
            return Err(("type the value, as the baseline is written".into(), false));
        }
        let day = form.date.text();
        let on = Date::parse(day.trim())
            .ok_or_else(|| ("the day must be written YYYY-MM-DD".to_owned(), false))?;
        let checkin = CheckIn {
            metric: metric.name.clone(),
            on,
            value: value.clone(),
            note: form.note.text().trim().to_owned(),
            source: String::new(),
        };
        let recording = if form.fix {
            Recording::Fix
        } else {
            Recording::Add
        };
        let name = sanitize::line(&metric.name).into_owned();
        match record_checkin(&self.strategy, form.node, checkin, recording) {
            Ok(Some(edit)) => {
                self.commit(edit)
                    .map_err(|error| (error.to_string(), false))?;
                let verb = if form.fix { "corrected" } else { "checked in" };
                self.notice = Some(format!(
                    "{verb}: {name} = {} on {on}; u undoes it, ctrl-s saves",
                    sanitize::line(&value)
                ));
                Ok(Vec::new())
            }
            Ok(None) => {
                self.notice = Some(format!(
                    "already recorded: {name} = {} on {on}",
                    sanitize::line(&value)
                ));
                Ok(Vec::new())
            }
            Err(CheckinError::Conflict(existing)) => Err((
                format!(
                    "{on} already has {}; enter again to correct it",
                    sanitize::line(&existing.value)
                ),
                true,
            )),
            Err(error) => Err((sanitize::line(&error.to_string()).into_owned(), false)),
        }
    }
}
