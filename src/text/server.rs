//! Sentences of the store server and its clients.

use crate::text::Msg;

pub const ALREADY_SERVED: Msg = msg!(
    "Toko data {store} sudah dilayani oleh server kinerja (pid {pid}).",
    "The store {store} is already served by a kinerja server (pid {pid})."
);
pub const INCOMPATIBLE: Msg = msg!(
    "Server kinerja untuk {store} (pid {pid}) berversi {server} (protokol {sproto}), program ini {client} (protokol {cproto}): hentikan server itu dengan `kinerja --store {store} serve --stop`, lalu ulangi perintah Anda.",
    "The kinerja server of {store} (pid {pid}) is version {server} (protocol {sproto}), this program is {client} (protocol {cproto}): stop that server with `kinerja --store {store} serve --stop`, then run your command again."
);
pub const START_FAILED: Msg = msg!(
    "Server kinerja untuk {store} tidak dapat dimulai: {reason}",
    "The kinerja server of {store} could not be started: {reason}"
);
pub const LOST: Msg = msg!(
    "Sambungan ke server kinerja terputus; perubahan yang sedang dikirim tidak tersimpan.",
    "The connection to the kinerja server was lost; the change being sent was not saved."
);
pub const NOT_RUNNING: Msg = msg!(
    "Tidak ada server kinerja untuk {store}.",
    "No kinerja server runs for {store}."
);
pub const STOPPED: Msg = msg!(
    "Server kinerja untuk {store} (pid {pid}) dihentikan.",
    "The kinerja server of {store} (pid {pid}) was stopped."
);
pub const STATUS: Msg = msg!(
    "Server kinerja untuk {store}: pid {pid}, pengguna {user}, sejak {since}, versi {version} (protokol {protocol}), {commits} perubahan, berhenti setelah {idle} menganggur; klien: {clients}",
    "kinerja server of {store}: pid {pid}, user {user}, since {since}, version {version} (protocol {protocol}), {commits} change(s), stops after {idle} idle; clients: {clients}"
);
pub const IDLE_WITH_LAST: Msg = msg!("klien terakhir pergi", "the last client leaves");
/// The column heads of `kinerja who`.
pub const WHO_HEADER: [Msg; 5] = [
    msg!("pengguna", "user"),
    msg!("pid", "pid"),
    msg!("sejak", "since"),
    msg!("perintah", "command"),
    msg!("dilihat", "looking at"),
];
pub const NOBODY: Msg = msg!("tidak ada", "none");

pub const CONFLICT_BY: Msg = msg!(
    "Realisasi {unit} {iku} {month} sudah diubah oleh {user} pukul {at} menjadi {value}; perubahan Anda tidak disimpan.",
    "Realisasi {unit} {iku} {month} was changed by {user} at {at} to {value}; your change was not saved."
);
pub const CONFLICT: Msg = msg!(
    "Realisasi {unit} {iku} {month} sudah berubah menjadi {value}; perubahan Anda tidak disimpan.",
    "Realisasi {unit} {iku} {month} has changed to {value}; your change was not saved."
);

pub const DENIED: Msg = msg!(
    "{user} tidak punya peran {role} pada toko ini; admin: {admins}.",
    "{user} does not hold the role {role} on this store; admin: {admins}."
);
pub const DENIED_UNIT: Msg = msg!(
    "{user} tidak punya peran {role} untuk {unit}; admin: {admins}.",
    "{user} does not hold the role {role} for {unit}; admin: {admins}."
);
pub const BAD_WHO: Msg = msg!(
    "\"{who}\" bukan nama pengguna atau @grup.",
    "\"{who}\" is not a user name or @group."
);
pub const BAD_ROLE: Msg = msg!(
    "Peran \"{role}\" tidak dikenal; peran: {roles}.",
    "Unknown role \"{role}\"; roles: {roles}."
);
pub const ADMIN_NO_UNIT: Msg = msg!(
    "Peran admin berlaku untuk seluruh toko, tanpa --unit.",
    "The admin role covers the whole store, without --unit."
);
pub const ALREADY_GRANTED: Msg = msg!("{grant} sudah ada.", "{grant} is already granted.");
pub const NOTHING_TO_REVOKE: Msg = msg!(
    "{who} tidak punya peran yang cocok untuk dicabut.",
    "{who} holds no matching role to revoke."
);
pub const ACCESS_EMPTY: Msg = msg!(
    "Daftar akses kosong: setiap pengguna yang dapat membuka toko adalah admin.",
    "The access list is empty: everyone who can open the store is admin."
);
pub const EVERY_UNIT: Msg = msg!("semua unit", "every unit");

pub const REMOTE_CHANGE: Msg = msg!(
    "{user}: {unit} {iku} {month} {old} → {new}",
    "{user}: {unit} {iku} {month} {old} → {new}"
);
pub const REMOTE_MANY: Msg = msg!(
    "{user}: {n} realisasi diubah ({source})",
    "{user}: {n} realisasi changed ({source})"
);
pub const REMOTE_RELOAD: Msg = msg!(
    "{user} mengubah data ({source}); dimuat ulang.",
    "{user} changed the data ({source}); reloaded."
);
pub const RESYNC: Msg = msg!(
    "Perubahan terlewat; data dimuat ulang dari server.",
    "Changes were missed; the data was reloaded from the server."
);
pub const RECONNECTING: Msg = msg!(
    "Server kinerja berhenti; server baru dimulai dan data dimuat ulang. Perubahan yang belum disebut tersimpan tidak tersimpan.",
    "The kinerja server stopped; a new one was started and the data reloaded. A change not reported saved was not saved."
);
pub const ALSO_HERE: Msg = msg!("Juga", "Also");
