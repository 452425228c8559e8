//! Print jieba's words and tags for each line of stdin (a development aid).
fn main() {
    for line in std::io::stdin().lines() {
        let line = line.unwrap();
        let words: Vec<String> = claimx_lang::zh::words(&line)
            .iter()
            .map(|w| format!("{}/{}", &line[w.start..w.end], w.tag))
            .collect();
        println!("{}", words.join(" "));
    }
}
