/* cost-llm.h
 *
 * Serving an LLM sized by its tokens: from the model, the precision, the
 * prompt and answer lengths, the latency targets and the GPUs of a replica
 * to the requests a replica serves. Plain values in, plain values out; no
 * objects. The rules are written out in cost-model.md ("LLM serving sized
 * by tokens").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Number formats of weights and of the KV cache. */
typedef enum
{
  COST_PRECISION_BF16,
  COST_PRECISION_FP16,
  COST_PRECISION_FP8,
  COST_PRECISION_INT8,
  COST_PRECISION_INT4,
} CostPrecision;

#define COST_N_PRECISIONS 5

/* The efficiencies calibrated against MLPerf Inference (cost-model.md). */
#define COST_LLM_MEMORY_EFFICIENCY  0.70
#define COST_LLM_COMPUTE_EFFICIENCY 0.45
#define COST_LLM_MEMORY_OVERHEAD    0.10

/* Past this many concurrent sequences no serving engine batches. */
#define COST_LLM_MAX_CONCURRENCY 65536

/* The figures of one GPU, as a datasheet gives them. */
typedef struct
{
  double memory_gb;        /* 10⁹ bytes */
  double bandwidth_tbs;    /* 10¹² bytes/s */
  double bf16_tflops;      /* dense */
  double int8_tops;        /* dense 8-bit (FP8 or INT8); 0 when the GPU has none */
} CostLlmGpu;

typedef struct
{
  /* The model */
  double        params_b;           /* P, billions of parameters */
  double        active_params_b;    /* P_act: used per token (mixture of experts); ≤ P */
  double        layers;             /* L */
  double        kv_heads;           /* h_kv; 0 with latent attention */
  double        head_dim;           /* d */
  double        kv_elements;        /* per token and layer when > 0 (latent attention);
                                     * otherwise 2 × h_kv × d */
  CostPrecision weight_precision;
  CostPrecision kv_precision;

  /* A request */
  double        input_tokens;       /* n_in: prompt */
  double        output_tokens;      /* n_out: answer */

  /* Targets; 0 = none */
  double        ttft_ms;            /* time to first token */
  double        tpot_ms;            /* time per output token */

  /* A replica */
  double        tensor_parallel;    /* GPUs in one replica */
  CostLlmGpu    gpu;
  double        memory_efficiency;  /* η_mem: share of the bandwidth reached */
  double        compute_efficiency; /* η_flop: share of the FLOPS reached */
  double        memory_overhead;    /* share of memory kept for activations and the runtime */
} CostLlmInputs;

typedef enum
{
  COST_LLM_OK,
  COST_LLM_NO_GPU,          /* the GPU's memory, bandwidth or FLOPS are unknown */
  COST_LLM_DOES_NOT_FIT,    /* the weights and one request do not fit in memory */
  COST_LLM_TARGET_UNMET,    /* even one request at a time misses a target */
} CostLlmStatus;

/* A replica at one concurrency. Times in seconds. */
typedef struct
{
  double   concurrency;           /* c: sequences decoded together */
  double   decode_step;           /* t_dec(c) */
  double   decode_memory;         /* its memory-bound time */
  double   decode_compute;        /* its compute-bound time */
  double   weights_read;          /* bytes of weights read per step */
  double   prefill;               /* t_pre per request */
  double   prefill_share;         /* ρ = r × t_pre: time spent on prefill */
  double   ttft;
  double   tpot;
  double   requests_per_s;        /* r(c), per replica */
  double   output_tokens_per_s;   /* per replica */
  double   input_tokens_per_s;    /* per replica */
  gboolean meets_ttft;
  gboolean meets_tpot;
} CostLlmPoint;

typedef struct
{
  CostLlmStatus status;

  double        weight_bytes;         /* b_w */
  double        kv_bytes;             /* b_kv */
  double        flops;                /* F at the compute precision, per GPU */
  gboolean      flops_8bit;           /* F is the GPU's 8-bit figure */
  double        kv_elements;          /* per token and layer */
  double        kv_replication;       /* copies of the KV cache across the replica's GPUs */
  double        kv_per_token;         /* bytes, across the replica */
  double        kv_per_sequence;      /* bytes: × (n_in + n_out) */

  /* Memory of one GPU, bytes; at the chosen concurrency */
  double        memory;
  double        weights_per_gpu;
  double        kv_per_gpu;
  double        overhead_per_gpu;
  double        free_per_gpu;         /* < 0 when the weights do not fit */

  guint         max_concurrency;      /* c_mem: the most sequences that fit */
  CostLlmPoint  point;                /* the chosen concurrency */

  /* When the status is not OK, what would work; 0 / FALSE when nothing */
  guint         suggested_tp;         /* the smallest tensor parallelism */
  gboolean      has_suggested_precision;
  CostPrecision suggested_weight_precision;
  CostPrecision suggested_kv_precision;
} CostLlmResult;

double        cost_precision_bytes           (CostPrecision         precision);
const char   *cost_precision_to_string       (CostPrecision         precision);
gboolean      cost_precision_from_string     (const char           *str,
                                              CostPrecision        *precision);
const char   *cost_precision_get_label       (CostPrecision         precision);

void          cost_llm_inputs_init           (CostLlmInputs        *inputs);
void          cost_llm_size                  (const CostLlmInputs  *inputs,
                                              CostLlmResult        *result);
void          cost_llm_evaluate              (const CostLlmInputs  *inputs,
                                              const CostLlmResult  *result,
                                              double                concurrency,
                                              CostLlmPoint         *point);
guint         cost_llm_curve                 (const CostLlmInputs  *inputs,
                                              const CostLlmResult  *result,
                                              CostLlmPoint         *points,
                                              guint                 n_points);
double        cost_llm_instances             (const CostLlmResult  *result,
                                              double                peak_requests_per_s,
                                              double                utilisation);
void          cost_llm_token_prices          (const CostLlmInputs  *inputs,
                                              const CostLlmResult  *result,
                                              double                gpu_hour_price,
                                              double                utilisation,
                                              double               *per_million_input,
                                              double               *per_million_output);
char         *cost_llm_explain               (const CostLlmInputs  *inputs,
                                              const CostLlmResult  *result);
char         *cost_llm_describe_status       (const CostLlmInputs  *inputs,
                                              const CostLlmResult  *result);

G_END_DECLS
