//! The JSONL reader on arbitrary bytes, with a small size limit: it ends, and every line is
//! a document or an error item.
#![no_main]
use claimx_readers::JsonlReader;
use libfuzzer_sys::fuzz_target;
use std::io::{BufRead, BufReader, Cursor};

fuzz_target!(|data: &[u8]| {
    let reader: Box<dyn BufRead + Send> =
        Box::new(BufReader::with_capacity(64, Cursor::new(data.to_vec())));
    let lines = data.split(|&b| b == b'\n').count();
    let items = JsonlReader::new("fuzz", reader).with_limit(256).count();
    assert!(items <= lines);
});
