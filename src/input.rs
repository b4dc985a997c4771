//! Reading one file's bytes into text, with every way that can fail turned into a reason
//! (TL002) rather than an error that stops the run.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The file's text, or why it cannot be used.
pub fn read_text(path: &Path, max_size: u64) -> Result<String, String> {
    let metadata = std::fs::metadata(path).map_err(|err| describe_io(&err))?;
    if !metadata.is_file() {
        // A FIFO or device would block or never end.
        return Err("not a regular file".to_string());
    }
    if metadata.len() > max_size {
        return Err(too_large(metadata.len(), max_size));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    File::open(path)
        .and_then(|file| file.take(max_size + 1).read_to_end(&mut bytes))
        .map_err(|err| describe_io(&err))?;
    if bytes.len() as u64 > max_size {
        return Err(too_large(bytes.len() as u64, max_size));
    }
    text_from_bytes(bytes)
}

/// Checks that bytes are text: no NUL byte, valid UTF-8.
pub fn text_from_bytes(bytes: Vec<u8>) -> Result<String, String> {
    // `contains` searches a word at a time; the offset is only needed for the message.
    if bytes.contains(&0) {
        let at = bytes.iter().position(|&b| b == 0).unwrap_or_default();
        return Err(format!("binary content (a NUL byte at offset {at})"));
    }
    String::from_utf8(bytes).map_err(|err| {
        format!(
            "not UTF-8 (invalid byte at offset {})",
            err.utf8_error().valid_up_to()
        )
    })
}

fn too_large(size: u64, max: u64) -> String {
    format!(
        "{size} bytes is larger than the limit of {max} bytes (raise `[lint] max-file-size` to read it)"
    )
}

/// An I/O error in words a user can act on.
pub fn describe_io(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file (or a broken link)".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}
