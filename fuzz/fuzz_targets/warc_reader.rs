//! The WARC reader (and the HTML reduction behind it) on arbitrary bytes, with a small size
//! limit: it ends without panicking.
#![no_main]
use claimx_readers::{html_to_text_checked, WarcReader, MAX_HTML_DEPTH};
use libfuzzer_sys::fuzz_target;
use std::io::{BufRead, BufReader, Cursor};

fuzz_target!(|data: &[u8]| {
    let reader: Box<dyn BufRead + Send> =
        Box::new(BufReader::with_capacity(64, Cursor::new(data.to_vec())));
    for _ in WarcReader::new("fuzz", reader).with_limit(4096) {}
    let _ = html_to_text_checked(&String::from_utf8_lossy(data), MAX_HTML_DEPTH);
});
