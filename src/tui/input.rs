//! Terminal input from a slow link: an escape sequence split across reads, and keys that arrive
//! together.
//!
//! A terminal sends an arrow key as `Esc [ A` (or `Esc O A`). When the bytes arrive apart — an
//! SSH connection over a slow link — the terminal library reads a lone `Esc` and then the plain
//! characters `[` and `A`. `Esc` only ever cancels, so delivering it is harmless; the rest of the
//! sequence must not be taken as keys. [`EscGuard`] holds back a `[`/`O` that follows an `Esc`
//! within [`SEQUENCE_WINDOW`] and the characters after it, and drops them only when they form a
//! key sequence a terminal sends (`[A`, `[3~`, `[1;5C`, `OP`, …). Anything else — `Esc` and then
//! `[x`, or a `[` with nothing after it in the window — is delivered after all, in order: only a
//! genuinely split escape sequence is held back.
//!
//! The other way round, an `Esc` and a key that arrive in one read (typed quickly over SSH)
//! reach the terminal library as one Alt-modified key. Unless the keymap binds that Alt key,
//! [`EscGuard`] delivers it as what was typed: `Esc`, then the key.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// How long after an `Esc` a `[` or `O` is taken as the rest of a split escape sequence.
pub const SEQUENCE_WINDOW: Duration = Duration::from_millis(300);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Idle,
    /// An `Esc` was delivered at this instant.
    AfterEsc(Instant),
    /// Inside `Esc [ …`: parameters until a final byte (the held keys start with `[`).
    Csi(Instant),
    /// Inside `Esc O …`: one more character.
    Ss3(Instant),
}

/// Filters key events so that a split escape sequence never reaches the keymap, and no typed
/// key is lost.
#[derive(Debug, Clone)]
pub struct EscGuard {
    state: State,
    /// The keys of a possible sequence, held back until it completes or turns out not to be one.
    held: Vec<KeyEvent>,
}

impl Default for EscGuard {
    fn default() -> Self {
        EscGuard {
            state: State::Idle,
            held: Vec::new(),
        }
    }
}

fn esc_key() -> KeyEvent {
    KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)
}

/// A final byte of a CSI key sequence (cursor and editing keys, function keys, back-tab).
fn csi_final(c: char) -> bool {
    matches!(c, 'A'..='H' | 'P'..='S' | 'Z' | '~' | 'u')
}

/// A final byte of an SS3 key sequence.
fn ss3_final(c: char) -> bool {
    matches!(c, 'A'..='H' | 'P'..='S' | 'M' | 'j'..='y')
}

impl EscGuard {
    pub fn new() -> Self {
        Self::default()
    }

    /// The keys to deliver, in order, now that `key` was read at `now`. `bound` says whether
    /// the keymap binds a key (an Alt key that is bound is delivered as it is).
    pub fn feed(
        &mut self,
        key: KeyEvent,
        now: Instant,
        bound: impl Fn(&KeyEvent) -> bool,
    ) -> Vec<KeyEvent> {
        let mut out = self.flush(now);
        if key.kind == KeyEventKind::Release {
            out.push(key);
            return out;
        }
        // Esc and a key read together: crossterm reports an Alt key.
        if let KeyCode::Char(_) = key.code
            && key.modifiers.contains(KeyModifiers::ALT)
            && !bound(&key)
        {
            let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
            out.extend(self.step(esc_key(), now));
            out.extend(self.step(plain, now));
            return out;
        }
        out.extend(self.step(key, now));
        out
    }

    /// Releases held keys whose window has passed (call when no key arrived in time; see
    /// [`EscGuard::deadline`]).
    pub fn flush(&mut self, now: Instant) -> Vec<KeyEvent> {
        match self.state {
            State::Csi(t) | State::Ss3(t) if now.saturating_duration_since(t) > SEQUENCE_WINDOW => {
                self.state = State::Idle;
                std::mem::take(&mut self.held)
            }
            _ => Vec::new(),
        }
    }

    /// When held keys are due to be released, if any are held.
    pub fn deadline(&self) -> Option<Instant> {
        match self.state {
            State::Csi(t) | State::Ss3(t) => Some(t + SEQUENCE_WINDOW + Duration::from_millis(1)),
            _ => None,
        }
    }

    fn step(&mut self, key: KeyEvent, now: Instant) -> Vec<KeyEvent> {
        let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
        let within = |t: Instant| now.saturating_duration_since(t) <= SEQUENCE_WINDOW;
        match (self.state, key.code) {
            (State::Csi(_) | State::Ss3(_), KeyCode::Esc) | (_, KeyCode::Esc) => {
                let mut out = std::mem::take(&mut self.held);
                out.push(key);
                self.state = State::AfterEsc(now);
                out
            }
            (State::AfterEsc(t), KeyCode::Char('[')) if plain && within(t) => {
                self.held = vec![key];
                self.state = State::Csi(now);
                Vec::new()
            }
            (State::AfterEsc(t), KeyCode::Char('O')) if plain && within(t) => {
                self.held = vec![key];
                self.state = State::Ss3(now);
                Vec::new()
            }
            (State::Csi(t), KeyCode::Char(c)) if plain && within(t) => {
                // parameter and intermediate bytes continue the sequence
                if c.is_ascii_digit() || matches!(c, ';' | '?' | ':' | '<' | '=' | '>') {
                    self.held.push(key);
                    self.state = State::Csi(now);
                    return Vec::new();
                }
                self.state = State::Idle;
                if csi_final(c) {
                    self.held.clear();
                    Vec::new()
                } else {
                    let mut out = std::mem::take(&mut self.held);
                    out.push(key);
                    out
                }
            }
            (State::Ss3(t), KeyCode::Char(c)) if plain && within(t) => {
                self.state = State::Idle;
                if ss3_final(c) {
                    self.held.clear();
                    Vec::new()
                } else {
                    let mut out = std::mem::take(&mut self.held);
                    out.push(key);
                    out
                }
            }
            _ => {
                self.state = State::Idle;
                let mut out = std::mem::take(&mut self.held);
                out.push(key);
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(c: char) -> KeyEvent {
        let m = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(KeyCode::Char(c), m)
    }
    fn esc() -> KeyEvent {
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)
    }

    /// Feeds keys 10 ms apart and returns the delivered ones.
    fn feed(keys: &[KeyEvent]) -> Vec<KeyEvent> {
        let mut g = EscGuard::new();
        let t0 = Instant::now();
        let mut out: Vec<KeyEvent> = keys
            .iter()
            .enumerate()
            .flat_map(|(i, k)| g.feed(*k, t0 + Duration::from_millis(10 * i as u64), |_| false))
            .collect();
        out.extend(g.flush(t0 + Duration::from_secs(10)));
        out
    }

    #[test]
    fn split_arrow_and_function_keys_deliver_only_esc() {
        for seq in [
            "[A", "[B", "[C", "[D", "OA", "OP", "[3~", "[5~", "[15~", "[1;5C", "[H", "[F",
        ] {
            let mut keys = vec![esc()];
            keys.extend(seq.chars().map(ch));
            assert_eq!(feed(&keys), vec![esc()], "Esc {seq}");
        }
    }

    #[test]
    fn keys_after_a_sequence_and_ordinary_keys_pass() {
        let keys = [esc(), ch('['), ch('A'), ch('j'), ch('['), ch('x')];
        assert_eq!(feed(&keys), vec![esc(), ch('j'), ch('['), ch('x')]);
        assert_eq!(
            feed(&[ch('['), ch('A')]),
            vec![ch('['), ch('A')],
            "no Esc: plain keys"
        );
    }

    #[test]
    fn esc_then_a_key_that_starts_no_sequence_delivers_both() {
        assert_eq!(feed(&[esc(), ch('j')]), vec![esc(), ch('j')]);
        assert_eq!(
            feed(&[esc(), ch('['), ch('x')]),
            vec![esc(), ch('['), ch('x')]
        );
        assert_eq!(
            feed(&[esc(), ch('O'), ch('k'), ch('z')]),
            vec![esc(), ch('z')],
            "O k is the keypad minus of application mode"
        );
        assert_eq!(feed(&[esc(), ch('['), esc()]), vec![esc(), ch('['), esc()]);
        assert_eq!(
            feed(&[esc(), ch('O'), ch('1')]),
            vec![esc(), ch('O'), ch('1')]
        );
    }

    #[test]
    fn a_held_bracket_is_released_when_nothing_follows() {
        let mut g = EscGuard::new();
        let t0 = Instant::now();
        assert_eq!(g.feed(esc(), t0, |_| false), vec![esc()]);
        assert_eq!(g.feed(ch('['), t0, |_| false), vec![]);
        let due = g.deadline().unwrap();
        assert_eq!(g.flush(t0), vec![], "not yet");
        assert_eq!(g.flush(due), vec![ch('[')]);
        assert_eq!(g.deadline(), None);
    }

    #[test]
    fn esc_and_a_key_read_together_are_both_delivered() {
        let mut g = EscGuard::new();
        let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
        let t0 = Instant::now();
        assert_eq!(g.feed(alt_j, t0, |_| false), vec![esc(), ch('j')]);
        // a bound Alt key stays what it is
        assert_eq!(g.feed(alt_j, t0, |k| *k == alt_j), vec![alt_j]);
    }

    #[test]
    fn a_bracket_long_after_esc_is_a_key() {
        let mut g = EscGuard::new();
        let t0 = Instant::now();
        assert_eq!(g.feed(esc(), t0, |_| false), vec![esc()]);
        let later = t0 + SEQUENCE_WINDOW + Duration::from_millis(1);
        assert_eq!(g.feed(ch('['), later, |_| false), vec![ch('[')]);
    }
}
