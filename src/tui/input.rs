//! Terminal input from a slow link: an escape sequence split across reads.
//!
//! A terminal sends an arrow key as `Esc [ A` (or `Esc O A`). When the bytes arrive apart — an
//! SSH connection over a slow link — the terminal library reads a lone `Esc` and then the plain
//! characters `[` and `A`. `Esc` only ever cancels, so delivering it is harmless; the rest of the
//! sequence must not be taken as keys. [`EscGuard`] swallows a `[`/`O` that follows an `Esc`
//! within [`SEQUENCE_WINDOW`] and the characters of the sequence up to its final byte.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// How long after an `Esc` a `[` or `O` is taken as the rest of a split escape sequence.
pub const SEQUENCE_WINDOW: Duration = Duration::from_millis(300);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Idle,
    /// An `Esc` was delivered at this instant.
    AfterEsc(Instant),
    /// Inside `Esc [ …`: parameters until a final byte.
    Csi(Instant),
    /// Inside `Esc O …`: one more character.
    Ss3(Instant),
}

/// Filters key events so that a split escape sequence never reaches the keymap.
#[derive(Debug, Clone)]
pub struct EscGuard {
    state: State,
}

impl Default for EscGuard {
    fn default() -> Self {
        EscGuard { state: State::Idle }
    }
}

impl EscGuard {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `key`, read at `now`, is delivered to the application.
    pub fn deliver(&mut self, key: &KeyEvent, now: Instant) -> bool {
        if key.kind == KeyEventKind::Release {
            return true;
        }
        let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
        let within = |t: Instant| now.saturating_duration_since(t) <= SEQUENCE_WINDOW;
        match (self.state, key.code) {
            (_, KeyCode::Esc) => {
                self.state = State::AfterEsc(now);
                true
            }
            (State::AfterEsc(t), KeyCode::Char('[')) if plain && within(t) => {
                self.state = State::Csi(now);
                false
            }
            (State::AfterEsc(t), KeyCode::Char('O')) if plain && within(t) => {
                self.state = State::Ss3(now);
                false
            }
            (State::Csi(t), KeyCode::Char(c)) if plain && within(t) => {
                // parameter and intermediate bytes continue the sequence; anything else ends it
                let continues =
                    c.is_ascii_digit() || matches!(c, ';' | '?' | ':' | '<' | '=' | '>' | ' ');
                self.state = if continues {
                    State::Csi(now)
                } else {
                    State::Idle
                };
                false
            }
            (State::Ss3(t), KeyCode::Char(_)) if plain && within(t) => {
                self.state = State::Idle;
                false
            }
            _ => {
                self.state = State::Idle;
                true
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
        keys.iter()
            .enumerate()
            .filter(|(i, k)| g.deliver(k, t0 + Duration::from_millis(10 * *i as u64)))
            .map(|(_, k)| *k)
            .collect()
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
    fn a_bracket_long_after_esc_is_a_key() {
        let mut g = EscGuard::new();
        let t0 = Instant::now();
        assert!(g.deliver(&esc(), t0));
        assert!(g.deliver(&ch('['), t0 + SEQUENCE_WINDOW + Duration::from_millis(1)));
    }
}
