#!/usr/bin/env python3
"""Builds data/gpu-catalogue.json from the sourced reference tables in data/catalogue/:
GPUs with their MLPerf results and example prices, and the architectures of open LLMs.

Every figure keeps its source; cloud prices are marked as examples. Run it again
after editing a table:  python3 build-aux/make-gpu-catalogue.py
"""
import csv
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "data", "catalogue")
OUT = os.path.join(HERE, "..", "data", "gpu-catalogue.json")

KIND = {"dlrm-v2-99": "ranking", "dlrm-v2-99.9": "ranking", "llama2-70b-99": "llm", "gptj-99": "llm"}
VENDOR = {"MI300X": "AMD"}


def rows(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def number(text):
    return float(text) if text not in ("", None) else None


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


accelerators = []
for r in rows("gpu-reference.csv"):
    accelerators.append({
        "id": slug(r["gpu"]),
        "name": r["gpu"],
        "vendor": VENDOR.get(r["gpu"], "NVIDIA"),
        "memory_gb": number(r["memory_gb"]),
        "memory_bw_tbs": number(r["memory_bw_tbs"]),
        "bf16_tflops": number(r["bf16_tflops"]),
        "int8_tops": number(r["fp8_or_int8_tops"]),
        "tdp_w": number(r["tdp_w"]),
        "source": r["source"],
        "throughput": [],
        "prices": [],
    })
by_name = {a["name"]: a for a in accelerators}

for r in rows("mlperf-inference-per-gpu.csv"):
    a = by_name.get(r["gpu"])
    if a is None:
        continue
    a["throughput"].append({
        "benchmark": r["benchmark"],
        "kind": KIND.get(r["benchmark"], "ranking"),
        "round": r["round"],
        "scenario": r["scenario"],
        "value": number(r["per_gpu_throughput"]),
        "unit": r["unit"],
        "source": "MLPerf Inference %s datacenter, closed division, %s, per accelerator "
                  "(system result / accelerators)" % (r["round"], r["submitter_system"]),
    })

for r in rows("cloud-gpu-prices-examples.csv"):
    a = by_name.get(r["gpu"])
    if a is None:
        continue
    a["prices"].append({
        "provider": r["provider"],
        "instance": r["instance"],
        "gpus": int(r["gpus"]),
        "per_gpu_hour": number(r["usd_per_gpu_hour"]),
        "currency": "USD",
        "region": r["region"],
        "note": r["note"] or "public on-demand list price",
        "example": True,
    })

llm_models = []
for r in rows("llm-architectures.csv"):
    llm_models.append({
        "id": slug(r["model"]),
        "name": r["model"],
        "params_b": number(r["params_b"]),
        "active_params_b": number(r["active_params_b"]),
        "layers": number(r["layers"]),
        "attention_heads": number(r["attention_heads"]),
        "kv_heads": number(r["kv_heads"]),
        "head_dim": number(r["head_dim"]),
        "kv_elements_per_token_per_layer": number(r["kv_elements_per_token_per_layer"]),
        "max_context": number(r["max_context"]),
        "source": r["source"],
    })

catalogue = {
    "format": "modelcost-catalogue",
    "version": 1,
    "note": "Reference figures for sizing. Throughputs are MLPerf Inference results per "
            "accelerator; prices are examples from public price lists whose dates are uncertain: "
            "check them before relying on them. LLM architectures are from each model's published "
            "config.json and model card.",
    "accelerators": accelerators,
    "llm_models": llm_models,
}
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(catalogue, f, indent=2, ensure_ascii=False)
    f.write("\n")
