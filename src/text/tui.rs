//! Sentences of the tui area.

use crate::text::Msg;

// ---- keymap and theme (src/tui/keymap.rs, src/tui/theme.rs) ----

pub const KEYMAP_TOO_LARGE: Msg = msg!(
    "berkas keymap lebih besar dari {max} KiB; keymap yang wajar jauh lebih kecil",
    "the keymap file is larger than {max} KiB; a sensible keymap is far smaller"
);
pub const KEYMAP_NOT_REGULAR_FILE: Msg = msg!("bukan berkas biasa", "not a regular file");
pub const KEYMAP_READ_FAILED: Msg =
    msg!("tidak dapat dibaca: {reason}", "cannot be read: {reason}");
pub const KEYMAP_NOT_UTF8: Msg = msg!("bukan teks UTF-8", "is not UTF-8 text");
pub const KEYMAP_NOT_FOUND: Msg = msg!(
    "tidak ada keymap bawaan maupun berkas bernama \"{name}\" (keymap bawaan: {builtins})",
    "there is no built-in keymap or file named \"{name}\" (built-in keymaps: {builtins})"
);
pub const KEYMAP_SYNTAX: Msg = msg!(
    "kesalahan sintaks TOML: {reason}",
    "TOML syntax error: {reason}"
);
pub const KEYMAP_UNKNOWN_MODE: Msg = msg!(
    "bagian [{name}] tidak dikenal; bagian yang ada: {modes}",
    "unknown section [{name}]; the sections are: {modes}"
);
pub const KEYMAP_NOT_A_SECTION: Msg = msg!(
    "\"{name}\" harus berupa bagian mode, misalnya [tree] berisi \"j\" = { action = \"down\", desc = \"Turun\" }",
    "\"{name}\" must be a mode section, e.g. [tree] holding \"j\" = { action = \"down\", desc = \"Down\" }"
);
pub const KEYMAP_BAD_KEY: Msg = msg!(
    "tombol \"{key}\" di [{mode}] tidak dapat dibaca: {reason}",
    "cannot read the key \"{key}\" in [{mode}]: {reason}"
);
pub const KEYMAP_KEY_EMPTY: Msg = msg!("tombol kosong", "the key is empty");
pub const KEYMAP_KEY_UNCLOSED: Msg = msg!(
    "\"<\" tanpa \">\" penutup; untuk tombol < tulis \"<\" saja",
    "\"<\" without a closing \">\"; for the < key write just \"<\""
);
pub const KEYMAP_KEY_SEQUENCE: Msg = msg!(
    "urutan beberapa tombol tidak didukung; tulis satu tombol, misalnya \"g\", \"G\" atau \"<C-r>\"",
    "sequences of several keys are not supported; write one key, e.g. \"g\", \"G\" or \"<C-r>\""
);
pub const KEYMAP_KEY_UNKNOWN_NAME: Msg = msg!(
    "nama tombol <{name}> tidak dikenal; yang ada: {names}",
    "unknown key name <{name}>; the names are: {names}"
);
pub const KEYMAP_KEY_UNKNOWN_MODIFIER: Msg = msg!(
    "pengubah \"{modifier}-\" tidak dikenal; yang ada: C- (Ctrl), A- (Alt), S- (Shift)",
    "unknown modifier \"{modifier}-\"; the modifiers are: C- (Ctrl), A- (Alt), S- (Shift)"
);
pub const KEYMAP_KEY_SHIFT_SYMBOL: Msg = msg!(
    "Shift dengan \"{char}\" tidak dapat dibedakan terminal; tulis karakter hasilnya, misalnya \"?\" atau \"N\"",
    "a terminal cannot tell Shift with \"{char}\"; write the resulting character, e.g. \"?\" or \"N\""
);
pub const KEYMAP_KEY_CONTROL_CHAR: Msg = msg!(
    "karakter kendali tidak dapat diikat; gunakan nama seperti <Tab> atau <Enter>",
    "a control character cannot be bound; use a name such as <Tab> or <Enter>"
);
pub const KEYMAP_UNKNOWN_ACTION: Msg = msg!(
    "aksi \"{action}\" tidak dikenal{suggestion}",
    "unknown action \"{action}\"{suggestion}"
);
pub const KEYMAP_DID_YOU_MEAN: Msg =
    msg!(" (mungkin maksudnya: {names})", " (did you mean: {names})");
pub const KEYMAP_MISSING_ACTION: Msg = msg!(
    "tombol \"{key}\" di [{mode}] tidak punya action, misalnya { action = \"down\", desc = \"Turun\" }",
    "the key \"{key}\" in [{mode}] has no action, e.g. { action = \"down\", desc = \"Down\" }"
);
pub const KEYMAP_BAD_VALUE: Msg = msg!(
    "tombol \"{key}\" di [{mode}] harus berisi tabel seperti { action = \"down\", desc = \"Turun\" } atau nama aksi",
    "the key \"{key}\" in [{mode}] must hold a table such as { action = \"down\", desc = \"Down\" } or an action name"
);
pub const KEYMAP_UNKNOWN_FIELD: Msg = msg!(
    "kolom \"{field}\" pada tombol \"{key}\" tidak dikenal; yang ada: action, desc, desc_en",
    "unknown field \"{field}\" on the key \"{key}\"; the fields are: action, desc, desc_en"
);
pub const KEYMAP_FIELD_NOT_TEXT: Msg = msg!(
    "kolom \"{field}\" pada tombol \"{key}\" harus berupa teks dalam tanda kutip",
    "the field \"{field}\" on the key \"{key}\" must be quoted text"
);
pub const KEYMAP_FIELD_TOO_LONG: Msg = msg!(
    "kolom \"{field}\" pada tombol \"{key}\" terlalu panjang (paling banyak {max} karakter)",
    "the field \"{field}\" on the key \"{key}\" is too long (at most {max} characters)"
);
pub const KEYMAP_CONFLICT: Msg = msg!(
    "tombol \"{key}\" di [{mode}] diikat ke dua aksi: \"{first}\" (baris {first_line}, ditulis \"{first_key}\") dan \"{second}\"",
    "the key \"{key}\" in [{mode}] is bound to two actions: \"{first}\" (line {first_line}, written \"{first_key}\") and \"{second}\""
);
pub const KEYMAP_DUPLICATE: Msg = msg!(
    "tombol \"{key}\" ditulis dua kali di [{mode}] (juga di baris {first_line})",
    "the key \"{key}\" is written twice in [{mode}] (also on line {first_line})"
);
