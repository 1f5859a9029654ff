//! Sentences of the safe file and terminal primitives (`crate::safe`).

use crate::text::Msg;

pub const NOT_FOUND: Msg = msg!(
    "Tidak dapat membaca {file}: berkas atau direktori tidak ada.",
    "Cannot read {file}: no such file or directory."
);
pub const NOT_REGULAR: Msg = msg!(
    "{file} bukan berkas biasa ({kind}); kinerja hanya membaca berkas biasa.",
    "{file} is not a regular file ({kind}); kinerja reads regular files only."
);
pub const TOO_LARGE: Msg = msg!(
    "{file} terlalu besar (paling besar {limit}).",
    "{file} is too large (at most {limit})."
);
pub const NOT_UTF8: Msg = msg!(
    "{file} bukan teks UTF-8. Simpan ulang sebagai UTF-8 (CSV UTF-8 di spreadsheet).",
    "{file} is not UTF-8 text. Save it again as UTF-8 (CSV UTF-8 in a spreadsheet)."
);
pub const CANNOT_READ: Msg = msg!(
    "Tidak dapat membaca {file}: {reason}.",
    "Cannot read {file}: {reason}."
);
pub const CANNOT_WRITE: Msg = msg!(
    "Tidak dapat menulis {file}: {reason}.",
    "Cannot write {file}: {reason}."
);
pub const WRITE_NOT_REGULAR: Msg = msg!(
    "{file} tidak ditimpa: di sana ada {kind}, bukan berkas biasa. Pilih nama berkas lain.",
    "{file} was not replaced: it is a {kind}, not a regular file. Choose another file name."
);
pub const WRITE_EXISTS: Msg = msg!(
    "{file} sudah ada dan tidak ditimpa.",
    "{file} already exists and was not replaced."
);
pub const OUTPUT_FAILED: Msg = msg!(
    "Gagal menulis ke {stream}: {reason}. Keluaran tidak lengkap.",
    "Could not write to {stream}: {reason}. The output is incomplete."
);
pub const IO_NOT_FOUND: Msg = msg!(
    "berkas atau direktori tidak ada",
    "no such file or directory"
);
pub const IO_PERMISSION: Msg = msg!("izin ditolak", "permission denied");
pub const IO_FULL: Msg = msg!("ruang disk penuh", "no space left on the disk");
pub const IO_READ_ONLY: Msg = msg!("sistem berkas hanya-baca", "the file system is read-only");
pub const KIND_DIRECTORY: Msg = msg!("direktori", "directory");
pub const KIND_FIFO: Msg = msg!("pipa bernama (FIFO)", "named pipe (FIFO)");
pub const KIND_SOCKET: Msg = msg!("soket", "socket");
pub const KIND_DEVICE: Msg = msg!("perangkat", "device");
pub const KIND_SYMLINK: Msg = msg!("tautan simbolik", "symbolic link");
pub const KIND_OTHER: Msg = msg!("jenis berkas lain", "other kind of file");
pub const CHARS: Msg = msg!("{n} karakter", "{n} characters");
