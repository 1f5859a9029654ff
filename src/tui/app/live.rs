//! What other clients of the store's server do, applied to the view: their committed changes
//! (within one frame, without a key), who else is connected, a reload when events were missed
//! or the server went away, and the value that won when an edit of ours lost a race.

use rust_decimal::Decimal;

use super::App;
use super::editor::PendingKind;
use super::text_input::TextInput;
use crate::domain::CodeRef;
use crate::domain::change::Done;
use crate::server::client::Incoming;
use crate::store::{Change, Seen};
use crate::text::server as ts;
use crate::text::tui_round as tt;
use crate::tui::deps::format_exact;

/// What the view knows of the other clients of the store's server.
#[derive(Debug, Default)]
pub struct Live {
    /// The users of the other TUIs connected (the header shows them).
    pub(crate) others: Vec<String>,
}

/// What the run loop does after [`App::remote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remote {
    Nothing,
    Redraw,
    /// Load the whole year again (a structural change, missed events, a new server).
    Reload,
}

impl App {
    /// Applies one message of the server that is not an answer.
    pub fn remote(&mut self, incoming: Incoming) -> Remote {
        match incoming {
            Incoming::Clients(list) => {
                let me = std::process::id();
                let mut others: Vec<String> = list
                    .into_iter()
                    .filter(|c| c.pid != me && c.doing == "tui")
                    .map(|c| c.user)
                    .collect();
                others.sort();
                others.dedup();
                if others == self.live.others {
                    return Remote::Nothing;
                }
                self.live.others = others;
                Remote::Redraw
            }
            Incoming::Resync => {
                self.say(ts::RESYNC.s());
                Remote::Reload
            }
            Incoming::Lost => {
                self.error(ts::RECONNECTING.s());
                Remote::Reload
            }
            Incoming::Event(e) => {
                if e.year != self.data.ds.year {
                    return Remote::Nothing;
                }
                if e.reload {
                    self.say(ts::REMOTE_RELOAD.fill(&[("user", &e.user), ("source", &e.source)]));
                    return Remote::Reload;
                }
                // the same apply the store made (a unit this view does not hold: reload)
                let done = match self.data.ds.apply(&e.changes) {
                    Ok(done) => done,
                    Err(_) => {
                        self.say(
                            ts::REMOTE_RELOAD.fill(&[("user", &e.user), ("source", &e.source)]),
                        );
                        return Remote::Reload;
                    }
                };
                if done.is_empty() {
                    return Remote::Nothing;
                }
                self.changed(&done);
                let msg = match done.as_slice() {
                    [
                        Done::Value {
                            iku,
                            month,
                            old,
                            new,
                            ..
                        },
                    ] => ts::REMOTE_CHANGE.fill(&[
                        ("user", &e.user),
                        ("unit", &iku.unit),
                        ("iku", &iku.code),
                        ("month", &crate::text::tui::month_name(*month)),
                        ("old", &self.shown(*old)),
                        ("new", &self.shown(*new)),
                    ]),
                    [
                        Done::Month {
                            unit,
                            month,
                            old,
                            new,
                            ..
                        },
                    ] => {
                        // a step of the round: the state, and the reason of a return
                        let mut m = tt::REMOTE_DONE.fill(&[
                            ("user", &e.user),
                            ("unit", &crate::tui::ui::shown(unit)),
                            ("month", &crate::text::tui::month_name(*month)),
                            ("old", &crate::text::round::state_word(old.state)),
                            ("new", &crate::text::round::state_word(new.state)),
                        ]);
                        if !new.reason.is_empty() {
                            m.push_str(
                                &tt::WITH_REASON
                                    .fill(&[("reason", &crate::tui::ui::shown(&new.reason))]),
                            );
                        }
                        m
                    }
                    [Done::Analysis { iku, month, .. }] => tt::REMOTE_ANALYSIS.fill(&[
                        ("user", &e.user),
                        ("unit", &iku.unit),
                        ("iku", &iku.code),
                        ("month", &crate::text::tui::month_name(*month)),
                    ]),
                    [
                        Done::Evidence {
                            iku, month, new, ..
                        },
                    ] => tt::REMOTE_EVIDENCE.fill(&[
                        ("user", &e.user),
                        ("unit", &iku.unit),
                        ("iku", &iku.code),
                        ("month", &crate::text::tui::month_name(*month)),
                        ("n", &new.len()),
                    ]),
                    many => ts::REMOTE_MANY.fill(&[
                        ("user", &e.user),
                        ("n", &many.len()),
                        ("source", &e.source),
                    ]),
                };
                self.say(msg);
                Remote::Redraw
            }
        }
    }

    fn shown(&self, v: Option<Decimal>) -> String {
        v.map_or_else(
            || "–".to_string(),
            |d| format_exact(d, self.settings.locale),
        )
    }

    /// The cell the pending edit, undo or redo expects to find, as its author last saw it:
    /// the server refuses the change when someone else changed the cell since.
    pub fn pending_seen(&self) -> Vec<Seen> {
        let Some(p) = &self.edits.pending else {
            return Vec::new();
        };
        let change = match p.kind {
            PendingKind::Undo => &p.record.undo,
            PendingKind::Redo | PendingKind::Edit { .. } => &p.record.change,
        };
        match change {
            Change::SetRealisasi { iku, month, .. }
            | Change::CorrectRealisasi { iku, month, .. } => vec![Seen {
                iku: iku.clone(),
                month: *month,
                value: p.seen,
            }],
            _ => Vec::new(),
        }
    }

    /// An edit of ours lost to someone else's: the cell takes the value that is stored, and an
    /// open editor on it shows that value.
    pub fn stale(&mut self, iku: &CodeRef, month: u8, value: Option<Decimal>) {
        // the view takes the stored value (in a submitted month that is a correction: the
        // reason only lets this dataset's apply take it; nothing is stored)
        let set = if self.needs_correction_reason(iku, month) {
            Change::CorrectRealisasi {
                iku: iku.clone(),
                month,
                value,
                reason: "stored".into(),
            }
        } else {
            Change::SetRealisasi {
                iku: iku.clone(),
                month,
                value,
            }
        };
        if let Ok(done) = self.data.ds.apply(std::slice::from_ref(&set)) {
            self.changed(&done);
        }
        let shown = value.map(|d| crate::tui::deps::format_editable(d, self.settings.locale));
        if let Some(e) = self.editor_mut()
            && e.iku == *iku
            && e.month == month
        {
            e.input = TextInput::replaceable(shown.unwrap_or_default());
            // the author has now seen the value that won: saving again overwrites it knowingly
            e.seen = value;
        }
    }

    /// The users of the other TUIs on the store's server.
    pub fn others(&self) -> &[String] {
        &self.live.others
    }
}
