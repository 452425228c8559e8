//! Print the first logits of one text (parity checks against Python).
use claimx_tagger::{Tagger, TaggerOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: logits MODEL_DIR TEXT");
    let text = args.next().expect("usage: logits MODEL_DIR TEXT");
    let tagger = Tagger::from_dir(&dir, TaggerOptions::default()).unwrap();
    let ids = tagger
        .tokenizer()
        .encode(text.as_str(), true)
        .unwrap()
        .get_ids()
        .to_vec();
    let mut longer = ids.clone();
    longer.extend_from_slice(&ids);
    let logits = if std::env::var("PAD").is_ok() {
        tagger
            .classifier()
            .logits(&[longer.clone(), ids.clone(), longer])
            .unwrap()
    } else {
        tagger.classifier().logits(&[ids.clone()]).unwrap()
    };
    println!("{ids:?}");
    for t in 0..ids.len().min(4) {
        let r = if std::env::var("PAD").is_ok() { 1 } else { 0 };
        let row: Vec<String> = (0..5)
            .map(|l| format!("{:.3}", logits[[r, t, l]]))
            .collect();
        println!("{}", row.join(" "));
    }
}
