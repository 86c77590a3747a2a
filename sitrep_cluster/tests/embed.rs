//! The sentence-embedding runtime end to end: a tiny randomly initialised
//! BERT written here (so the tests need no weights), and the real
//! all-MiniLM-L6-v2 from the cache folder when set-up has fetched it
//! (skipped with a message otherwise).

#![cfg(feature = "embeddings")]

use std::path::PathBuf;

use sitrep_cluster::embed::Embedder;

const HIDDEN: usize = 8;
const LAYERS: usize = 2;
const INTER: usize = 16;
const VOCAB: &[&str] = &[
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "port", "strike", "workers", "floods", "river", "valley", "the",
    "at", "##s",
];

/// A deterministic pseudo-random fill (SplitMix64), small values.
struct Fill(u64);

impl Fill {
    fn next(&mut self) -> f32 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        ((z >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.4
    }
}

/// The safetensors bytes of a tiny BERT with random weights.
fn tiny_weights() -> Vec<u8> {
    let mut tensors: Vec<(String, Vec<usize>)> = vec![
        (
            "embeddings.word_embeddings.weight".into(),
            vec![VOCAB.len(), HIDDEN],
        ),
        ("embeddings.position_embeddings.weight".into(), vec![32, HIDDEN]),
        ("embeddings.token_type_embeddings.weight".into(), vec![2, HIDDEN]),
        ("embeddings.LayerNorm.weight".into(), vec![HIDDEN]),
        ("embeddings.LayerNorm.bias".into(), vec![HIDDEN]),
    ];
    for l in 0..LAYERS {
        let p = format!("encoder.layer.{l}");
        for name in [
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
        ] {
            tensors.push((format!("{p}.{name}.weight"), vec![HIDDEN, HIDDEN]));
            tensors.push((format!("{p}.{name}.bias"), vec![HIDDEN]));
        }
        for name in ["attention.output.LayerNorm", "output.LayerNorm"] {
            tensors.push((format!("{p}.{name}.weight"), vec![HIDDEN]));
            tensors.push((format!("{p}.{name}.bias"), vec![HIDDEN]));
        }
        tensors.push((format!("{p}.intermediate.dense.weight"), vec![INTER, HIDDEN]));
        tensors.push((format!("{p}.intermediate.dense.bias"), vec![INTER]));
        tensors.push((format!("{p}.output.dense.weight"), vec![HIDDEN, INTER]));
        tensors.push((format!("{p}.output.dense.bias"), vec![HIDDEN]));
    }
    let mut fill = Fill(7);
    let mut header = serde_json::Map::new();
    let mut data: Vec<u8> = Vec::new();
    for (name, shape) in &tensors {
        let n: usize = shape.iter().product();
        let start = data.len();
        for _ in 0..n {
            // Layer-norm gains near 1, everything else small.
            let v = if name.ends_with("LayerNorm.weight") {
                1.0 + fill.next()
            } else {
                fill.next()
            };
            data.extend_from_slice(&v.to_le_bytes());
        }
        header.insert(
            name.clone(),
            serde_json::json!({"dtype": "F32", "shape": shape, "data_offsets": [start, data.len()]}),
        );
    }
    let head = serde_json::to_vec(&header).expect("header");
    let mut out = (head.len() as u64).to_le_bytes().to_vec();
    out.extend_from_slice(&head);
    out.extend_from_slice(&data);
    out
}

fn tiny_tokenizer() -> Vec<u8> {
    let vocab: serde_json::Map<String, serde_json::Value> = VOCAB
        .iter()
        .enumerate()
        .map(|(i, w)| ((*w).to_owned(), serde_json::json!(i)))
        .collect();
    let special = |t: &str, id: usize| serde_json::json!({"id": t, "ids": [id], "tokens": [t]});
    serde_json::to_vec(&serde_json::json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": [],
        "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                       "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {"[CLS]": special("[CLS]", 2), "[SEP]": special("[SEP]", 3)}},
        "decoder": null,
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab}
    }))
    .expect("tokenizer json")
}

fn tiny_config() -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "vocab_size": VOCAB.len(), "hidden_size": HIDDEN, "num_hidden_layers": LAYERS,
        "num_attention_heads": 2, "intermediate_size": INTER, "max_position_embeddings": 32,
        "type_vocab_size": 2, "layer_norm_eps": 1e-12
    }))
    .expect("config json")
}

fn tiny(max_tokens: usize) -> Embedder {
    Embedder::from_bytes(tiny_weights(), &tiny_tokenizer(), &tiny_config(), max_tokens)
        .expect("tiny model loads")
}

fn norm(v: &[f32]) -> f32 {
    v.iter().map(|x| x * x).sum::<f32>().sqrt()
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
fn tiny_model_embeds_to_unit_vectors_deterministically() {
    let e = tiny(16);
    assert_eq!(e.dim(), HIDDEN);
    let a = e.embed("The port strike").expect("embed");
    let again = e.embed("The port strike").expect("embed");
    assert_eq!(a, again, "same text, same vector");
    assert!((norm(&a) - 1.0).abs() < 1e-4, "{}", norm(&a));
    let b = e.embed("floods at the river valley").expect("embed");
    assert_ne!(a, b);
    assert_eq!(e.token_ids("port strikes").expect("ids"), vec![2, 4, 5, 12, 3]);
    assert_eq!(
        e.token_ids("zebra").expect("ids"),
        vec![2, 1, 3],
        "unknown words are [UNK]"
    );
}

#[test]
fn long_texts_are_cut_keeping_the_closing_separator() {
    let e = tiny(5);
    let ids = e
        .token_ids("port strike workers floods river valley")
        .expect("ids");
    assert_eq!(ids, vec![2, 4, 5, 6, 3]);
    assert!(e.embed(&"port strike ".repeat(100)).is_ok());
}

#[test]
fn broken_model_files_are_errors_not_panics() {
    assert!(Embedder::from_bytes(vec![1, 2, 3], &tiny_tokenizer(), &tiny_config(), 8).is_err());
    assert!(Embedder::from_bytes(tiny_weights(), b"{}", &tiny_config(), 8).is_err());
    assert!(Embedder::from_bytes(tiny_weights(), &tiny_tokenizer(), b"{\"hidden_size\": 8}", 8).is_err());
    let text = String::from_utf8(tiny_config())
        .expect("utf8")
        .replace("\"num_attention_heads\":2", "\"num_attention_heads\":3");
    assert!(Embedder::from_bytes(tiny_weights(), &tiny_tokenizer(), text.as_bytes(), 8).is_err());
}

fn model_dir() -> PathBuf {
    std::env::var_os("SITREP_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/sitrep")))
        .unwrap_or_default()
        .join("models/all-minilm-l6-v2")
}

#[test]
fn real_minilm_puts_paraphrases_closer_than_other_news() {
    let dir = model_dir();
    let read = |n: &str| std::fs::read(dir.join(n));
    let (Ok(weights), Ok(tokenizer), Ok(config)) = (
        read("model.safetensors"),
        read("tokenizer.json"),
        read("config.json"),
    ) else {
        eprintln!(
            "skipped: all-MiniLM-L6-v2 not found in {} (run scripts/setup.sh)",
            dir.display()
        );
        return;
    };
    let e = Embedder::from_bytes(weights, &tokenizer, &config, 128).expect("real model loads");
    assert_eq!(e.dim(), 384);
    let a = e
        .embed("Dock workers at the port went on strike over night-shift pay.")
        .expect("embed");
    let b = e
        .embed("Port employees walked out in a dispute about pay for night shifts.")
        .expect("embed");
    let c = e
        .embed("Heavy rain flooded the river valley and thousands fled their homes.")
        .expect("embed");
    assert!((norm(&a) - 1.0).abs() < 1e-3);
    let (close, far) = (cosine(&a, &b), cosine(&a, &c));
    assert!(close > far + 0.2, "paraphrase {close} vs other news {far}");
}
