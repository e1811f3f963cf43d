/* cost-sampler.c
 *
 * Monte Carlo sampling of a plan whose inputs carry ranges, and the
 * statistics read from the samples.
 *
 * Every random number is a hash of (seed, kind of draw, dimension, sample
 * index): there is no generator whose state the threads share or pass
 * along, so a sample's figures are the same whichever thread computes it
 * and in whatever order, and a run gives bit-identical figures on any
 * number of threads. The hash is SplitMix64's finaliser applied in a
 * chain over the keys, a counter-based stream in the manner of Philox.
 *
 * Latin hypercube sampling: each dimension (an input's own normal, and a
 * group's common normal) gets a permutation of the N equiprobable strata,
 * shuffled by Fisher-Yates with draws keyed by that dimension, and sample
 * i takes a uniform point inside stratum perm[i]. An input in no group
 * thus has exactly one sample in each of its N strata.
 *
 * Correlation: inputs of one group share a standard normal z_g; input k's
 * normal is z = √r·z_g + √(1 − r)·z_k, and its figure F⁻¹(Φ(z)) (a Gaussian
 * copula). The r of the normals is 2·sin(π·ρ/6) for the group's rank
 * correlation ρ, the exact relation between Spearman's and Pearson's
 * correlation of a bivariate normal, so that two inputs of a group have a
 * rank correlation of ρ itself (r = ρ would give 0.786 for ρ = 0.8).
 *
 * A run works in three phases, each split into items the threads take
 * from a shared counter: the groups' normals (a column each), the inputs
 * (a column each), then the evaluation of the outputs in chunks of
 * samples. Figures are stored by column, input-major and output-major.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-sampler"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cost-sampler.h"
#include "cost-types.h"

/* Samples evaluated per work item; also how often a run looks at the
 * cancellable while it draws a column. */
#define CHUNK 256

#define MAX_THREADS 64

/* What a draw is for; part of its key. */
enum
{
  DRAW_PERMUTATION = 1,
  DRAW_JITTER = 2,
};

/* Dimensions of the groups' normals, apart from the inputs' own. */
#define GROUP_DIMENSION 0x80000000u

typedef struct
{
  GQuark quark;
  double rho;
} Group;

struct _CostSampler
{
  guint     n_samples;
  guint64   seed;
  GArray   *ranges;          /* CostRange, by input index */
  GArray   *correlations;    /* Group, as set */

  gboolean  have_results;
  guint     n_outputs;
  double   *input_samples;   /* n_inputs × n_samples */
  double   *output_samples;  /* n_outputs × n_samples */
};

CostSampler *
cost_sampler_new (guint   n_samples,
                  guint64 seed)
{
  CostSampler *sampler;

  g_return_val_if_fail (n_samples >= COST_SAMPLER_MIN_SAMPLES &&
                        n_samples <= COST_SAMPLER_MAX_SAMPLES, NULL);

  sampler = g_new0 (CostSampler, 1);
  sampler->n_samples = n_samples;
  sampler->seed = seed;
  sampler->ranges = g_array_new (FALSE, FALSE, sizeof (CostRange));
  sampler->correlations = g_array_new (FALSE, FALSE, sizeof (Group));

  return sampler;
}

static void
clear_results (CostSampler *sampler)
{
  g_clear_pointer (&sampler->input_samples, g_free);
  g_clear_pointer (&sampler->output_samples, g_free);
  sampler->have_results = FALSE;
  sampler->n_outputs = 0;
}

void
cost_sampler_free (CostSampler *sampler)
{
  if (sampler == NULL)
    return;

  clear_results (sampler);
  g_array_unref (sampler->ranges);
  g_array_unref (sampler->correlations);
  g_free (sampler);
}

/**
 * cost_sampler_add_input:
 * @range: a range that cost_range_check() accepts
 *
 * Returns: the index of the new input, in the inputs of #CostSampleFunc
 */
guint
cost_sampler_add_input (CostSampler     *sampler,
                        const CostRange *range)
{
  g_return_val_if_fail (sampler != NULL, G_MAXUINT);
  g_return_val_if_fail (range != NULL, G_MAXUINT);
  g_return_val_if_fail (cost_range_check (range, NULL), G_MAXUINT);

  clear_results (sampler);
  g_array_append_val (sampler->ranges, *range);

  return sampler->ranges->len - 1;
}

/**
 * cost_sampler_set_group_correlation:
 * @rho: the rank correlation of any two inputs of @group, in [0, 1]
 *
 * A group whose correlation is not set has
 * %COST_SAMPLER_DEFAULT_CORRELATION.
 */
void
cost_sampler_set_group_correlation (CostSampler *sampler,
                                    GQuark       group,
                                    double       rho)
{
  Group g = { group, rho };

  g_return_if_fail (sampler != NULL);
  g_return_if_fail (group != 0);
  g_return_if_fail (rho >= 0 && rho <= 1);

  clear_results (sampler);
  for (guint i = 0; i < sampler->correlations->len; i++)
    if (g_array_index (sampler->correlations, Group, i).quark == group)
      {
        g_array_index (sampler->correlations, Group, i).rho = rho;
        return;
      }
  g_array_append_val (sampler->correlations, g);
}

guint
cost_sampler_get_n_samples (CostSampler *sampler)
{
  g_return_val_if_fail (sampler != NULL, 0);

  return sampler->n_samples;
}

guint
cost_sampler_get_n_inputs (CostSampler *sampler)
{
  g_return_val_if_fail (sampler != NULL, 0);

  return sampler->ranges->len;
}

/* Returns: the number of outputs of the last complete run, or 0 */
guint
cost_sampler_get_n_outputs (CostSampler *sampler)
{
  g_return_val_if_fail (sampler != NULL, 0);

  return sampler->n_outputs;
}

guint64
cost_sampler_get_seed (CostSampler *sampler)
{
  g_return_val_if_fail (sampler != NULL, 0);

  return sampler->seed;
}

const CostRange *
cost_sampler_get_input_range (CostSampler *sampler,
                              guint        input)
{
  g_return_val_if_fail (sampler != NULL, NULL);
  g_return_val_if_fail (input < sampler->ranges->len, NULL);

  return &g_array_index (sampler->ranges, CostRange, input);
}

/* Random streams */

static inline guint64
mix64 (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

#define GOLDEN G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* The key of a stream: the seed, what the draws are for, and the
 * dimension; draws of the stream are then hashed by their index. */
static inline guint64
stream_key (guint64 seed,
            guint   kind,
            guint32 dimension)
{
  return mix64 (mix64 (seed + GOLDEN) ^ (((guint64) kind << 32) | dimension));
}

static inline guint64
stream_draw (guint64 key,
             guint64 index)
{
  return mix64 (key + (index + 1) * GOLDEN);
}

/* A double in (0, 1), never 0 nor 1, from the top 53 bits. */
static inline double
to_unit (guint64 bits)
{
  return ((bits >> 11) + 0.5) * 0x1p-53;
}

/* Fills @out with the n Latin hypercube uniforms of @dimension; @perm is
 * scratch for n strata. Returns %FALSE when @stop was raised meanwhile. */
static gboolean
stratified_uniforms (guint64        seed,
                     guint32        dimension,
                     guint          n,
                     guint32       *perm,
                     double        *out,
                     GCancellable  *cancellable,
                     gint          *stop)
{
  guint64 perm_key = stream_key (seed, DRAW_PERMUTATION, dimension);
  guint64 jitter_key = stream_key (seed, DRAW_JITTER, dimension);

  for (guint i = 0; i < n; i++)
    perm[i] = i;
  for (guint i = n - 1; i > 0; i--)
    {
      /* The bias of the modulo is below n / 2⁶⁴: nothing to correct. */
      guint j = stream_draw (perm_key, i) % (i + 1);
      guint32 t = perm[i];

      perm[i] = perm[j];
      perm[j] = t;
    }

  for (guint i = 0; i < n; i++)
    {
      double u = (perm[i] + to_unit (stream_draw (jitter_key, i))) / n;

      /* perm + jitter can round up to n in the top stratum. */
      out[i] = MIN (u, 1 - 0x1p-53);
      if (i % CHUNK == CHUNK - 1 &&
          (g_atomic_int_get (stop) || g_cancellable_is_cancelled (cancellable)))
        return FALSE;
    }

  return TRUE;
}

/* A run */

typedef enum
{
  PHASE_GROUPS,
  PHASE_INPUTS,
  PHASE_OUTPUTS,
} Phase;

typedef struct
{
  CostSampler      *sampler;
  guint             n_outputs;
  CostSampleFunc    func;
  gpointer          user_data;
  GCancellable     *cancellable;
  CostProgressFunc  progress;
  gpointer          progress_data;

  guint             n_groups;
  guint            *input_group;     /* group index + 1, or 0: by input */
  double           *group_r;         /* the normals' correlation, by group */
  double           *group_z;         /* n_groups × n_samples */

  Phase             phase;
  guint             n_items;
  gint              next_item;       /* atomic */
  gint              done_items;      /* atomic */
  gint              stop;            /* atomic */
  double            progress_base;
  double            progress_span;
  double            last_progress;
} Run;

typedef struct
{
  guint32 *perm;      /* n_samples */
  double  *row;       /* n_inputs */
  double  *outputs;   /* CHUNK × n_outputs */
} Scratch;

static void
do_group (Run     *run,
          guint    g,
          Scratch *scratch)
{
  CostSampler *sampler = run->sampler;
  guint n = sampler->n_samples;
  double *z = run->group_z + (gsize) g * n;

  if (!stratified_uniforms (sampler->seed, GROUP_DIMENSION | g, n, scratch->perm, z,
                            run->cancellable, &run->stop))
    return;
  for (guint i = 0; i < n; i++)
    z[i] = cost_normal_quantile (z[i]);
}

static void
do_input (Run     *run,
          guint    k,
          Scratch *scratch)
{
  CostSampler *sampler = run->sampler;
  const CostRange *range = &g_array_index (sampler->ranges, CostRange, k);
  guint n = sampler->n_samples;
  double *x = sampler->input_samples + (gsize) k * n;

  if (range->shape == COST_RANGE_NONE)
    {
      for (guint i = 0; i < n; i++)
        x[i] = range->mode;
      return;
    }

  if (!stratified_uniforms (sampler->seed, k, n, scratch->perm, x,
                            run->cancellable, &run->stop))
    return;

  if (run->input_group[k] == 0)
    {
      for (guint i = 0; i < n; i++)
        x[i] = cost_range_quantile (range, x[i]);
    }
  else
    {
      guint g = run->input_group[k] - 1;
      const double *z_group = run->group_z + (gsize) g * n;
      double a = sqrt (run->group_r[g]), b = sqrt (1 - run->group_r[g]);

      for (guint i = 0; i < n; i++)
        {
          double u = cost_normal_cdf (a * z_group[i] + b * cost_normal_quantile (x[i]));

          /* Φ rounds to 1 above z ≈ 8.3. */
          u = CLAMP (u, 0x1p-1000, 1 - 0x1p-53);
          x[i] = cost_range_quantile (range, u);
        }
    }
}

static void
do_chunk (Run     *run,
          guint    chunk,
          Scratch *scratch)
{
  CostSampler *sampler = run->sampler;
  guint n = sampler->n_samples;
  guint n_inputs = sampler->ranges->len;
  guint n_outputs = run->n_outputs;
  guint first = chunk * CHUNK;
  guint count = MIN (CHUNK, n - first);

  memset (scratch->outputs, 0, sizeof (double) * count * n_outputs);

  for (guint s = 0; s < count; s++)
    {
      for (guint k = 0; k < n_inputs; k++)
        scratch->row[k] = sampler->input_samples[(gsize) k * n + first + s];
      run->func (scratch->row, scratch->outputs + (gsize) s * n_outputs, run->user_data);
    }

  /* Into columns, a chunk's worth of one output at a time. */
  for (guint j = 0; j < n_outputs; j++)
    {
      double *column = sampler->output_samples + (gsize) j * n + first;

      for (guint s = 0; s < count; s++)
        column[s] = scratch->outputs[(gsize) s * n_outputs + j];
    }
}

static void
report_progress (Run *run)
{
  double fraction;

  if (run->progress == NULL)
    return;

  fraction = run->progress_base +
             run->progress_span * g_atomic_int_get (&run->done_items) / run->n_items;
  /* Never above what the end of the run reports, nor going back. */
  fraction = MIN (fraction, 1 - 1e-9);
  if (fraction > run->last_progress)
    {
      run->last_progress = fraction;
      run->progress (fraction, run->progress_data);
    }
}

/* Takes items until there are none left or the run is stopped. The
 * calling thread of cost_sampler_run() reports the progress. */
static void
work (Run      *run,
      gboolean  reports)
{
  CostSampler *sampler = run->sampler;
  Scratch scratch = { 0, };

  switch (run->phase)
    {
    case PHASE_GROUPS:
    case PHASE_INPUTS:
      scratch.perm = g_new (guint32, sampler->n_samples);
      break;
    case PHASE_OUTPUTS:
      scratch.row = g_new0 (double, MAX (1, sampler->ranges->len));
      scratch.outputs = g_new (double, (gsize) CHUNK * MAX (1, run->n_outputs));
      break;
    default:
      g_assert_not_reached ();
    }

  while (!g_atomic_int_get (&run->stop))
    {
      guint item = (guint) g_atomic_int_add (&run->next_item, 1);

      if (item >= run->n_items)
        break;
      if (g_cancellable_is_cancelled (run->cancellable))
        {
          g_atomic_int_set (&run->stop, 1);
          break;
        }

      switch (run->phase)
        {
        case PHASE_GROUPS:
          do_group (run, item, &scratch);
          break;
        case PHASE_INPUTS:
          do_input (run, item, &scratch);
          break;
        case PHASE_OUTPUTS:
          do_chunk (run, item, &scratch);
          break;
        default:
          g_assert_not_reached ();
        }

      g_atomic_int_inc (&run->done_items);
      if (reports)
        report_progress (run);
    }

  g_free (scratch.perm);
  g_free (scratch.row);
  g_free (scratch.outputs);
}

static gpointer
worker_thread (gpointer data)
{
  work (data, FALSE);

  return NULL;
}

/* Runs @phase over @n_items on @n_threads threads, the calling one among
 * them. Returns %FALSE when the run was cancelled. */
static gboolean
run_phase (Run    *run,
           Phase   phase,
           guint   n_items,
           guint   n_threads,
           double  progress_span)
{
  GThread *threads[MAX_THREADS];
  guint n_others = MIN (n_threads, n_items) > 0 ? MIN (n_threads, n_items) - 1 : 0;

  run->phase = phase;
  run->n_items = n_items;
  run->next_item = 0;
  run->done_items = 0;
  run->progress_span = progress_span;

  if (n_items > 0)
    {
      for (guint t = 0; t < n_others; t++)
        threads[t] = g_thread_new ("cost-sampler", worker_thread, run);
      work (run, TRUE);
      for (guint t = 0; t < n_others; t++)
        g_thread_join (threads[t]);
    }

  run->progress_base += progress_span;

  if (g_cancellable_is_cancelled (run->cancellable))
    g_atomic_int_set (&run->stop, 1);

  return !g_atomic_int_get (&run->stop);
}

static double
group_rho (CostSampler *sampler,
           GQuark       quark)
{
  for (guint i = 0; i < sampler->correlations->len; i++)
    {
      const Group *g = &g_array_index (sampler->correlations, Group, i);

      if (g->quark == quark)
        return g->rho;
    }

  return COST_SAMPLER_DEFAULT_CORRELATION;
}

/**
 * cost_sampler_run:
 * @n_outputs: how many figures @func computes for each sample
 * @n_threads: how many threads to evaluate in, the calling one among them;
 *   0 for as many as there are processors
 * @func: computes the outputs of a sample; see #CostSampleFunc for why it
 *   must be re-entrant
 * @cancellable: looked at every few hundred samples
 * @progress: (nullable): called in the calling thread as the run goes on
 *
 * Draws the samples of every input and evaluates the outputs of each.
 * The figures depend on the seed, the number of samples and the inputs
 * only, never on @n_threads.
 *
 * Returns: %FALSE with %G_IO_ERROR_CANCELLED when @cancellable was
 *   cancelled, or %COST_ERROR_LIMIT when the samples do not fit in memory;
 *   the sampler then has no results
 */
gboolean
cost_sampler_run (CostSampler       *sampler,
                  guint              n_outputs,
                  guint              n_threads,
                  CostSampleFunc     func,
                  gpointer           user_data,
                  GCancellable      *cancellable,
                  CostProgressFunc   progress,
                  gpointer           progress_data,
                  GError           **error)
{
  guint n, n_inputs, n_chunks;
  g_autofree GQuark *group_quarks = NULL;
  g_autofree guint *input_group = NULL;
  g_autofree double *group_r = NULL;
  g_autofree double *group_z = NULL;
  double input_work, output_work;
  Run run = { 0, };

  g_return_val_if_fail (sampler != NULL, FALSE);
  g_return_val_if_fail (n_outputs == 0 || func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_results (sampler);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  n = sampler->n_samples;
  n_inputs = sampler->ranges->len;
  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MAX_THREADS);

  /* Groups are numbered in the order their first input was added, so that
   * their streams depend on the inputs alone. */
  group_quarks = g_new0 (GQuark, MAX (1, n_inputs));
  input_group = g_new0 (guint, MAX (1, n_inputs));
  for (guint k = 0; k < n_inputs; k++)
    {
      const CostRange *range = &g_array_index (sampler->ranges, CostRange, k);
      guint g;

      if (range->group == 0 || range->shape == COST_RANGE_NONE)
        continue;
      for (g = 0; g < run.n_groups && group_quarks[g] != range->group; g++)
        ;
      if (g == run.n_groups)
        group_quarks[run.n_groups++] = range->group;
      input_group[k] = g + 1;
    }
  group_r = g_new0 (double, MAX (1, run.n_groups));
  for (guint g = 0; g < run.n_groups; g++)
    group_r[g] = CLAMP (2 * sin (G_PI * group_rho (sampler, group_quarks[g]) / 6), 0, 1);

  group_z = g_try_new (double, (gsize) MAX (1, run.n_groups) * n);
  sampler->input_samples = g_try_new (double, (gsize) MAX (1, n_inputs) * n);
  sampler->output_samples = g_try_new (double, (gsize) MAX (1, n_outputs) * n);
  if (group_z == NULL || sampler->input_samples == NULL || sampler->output_samples == NULL)
    {
      clear_results (sampler);
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                   _("There is not enough memory for %u samples of this plan"), n);
      return FALSE;
    }

  run.sampler = sampler;
  run.n_outputs = n_outputs;
  run.func = func;
  run.user_data = user_data;
  run.cancellable = cancellable;
  run.progress = progress;
  run.progress_data = progress_data;
  run.input_group = input_group;
  run.group_r = group_r;
  run.group_z = group_z;

  /* Progress: drawing a figure and computing one cost a like amount. */
  input_work = run.n_groups + n_inputs;
  output_work = n_outputs > 0 ? n_inputs + n_outputs : 0;
  if (input_work + output_work == 0)
    input_work = 1;
  n_chunks = n_outputs > 0 ? (n + CHUNK - 1) / CHUNK : 0;

  if (!run_phase (&run, PHASE_GROUPS, run.n_groups, n_threads,
                  run.n_groups / (input_work + output_work)) ||
      !run_phase (&run, PHASE_INPUTS, n_inputs, n_threads,
                  n_inputs / (input_work + output_work)) ||
      !run_phase (&run, PHASE_OUTPUTS, n_chunks, n_threads,
                  output_work / (input_work + output_work)))
    {
      clear_results (sampler);
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_assert_not_reached ();
      return FALSE;
    }

  sampler->n_outputs = n_outputs;
  sampler->have_results = TRUE;
  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}

/**
 * cost_sampler_get_input_samples:
 *
 * Returns: (nullable): the n_samples figures of @input in the last run,
 *   in sample order; %NULL when there is no complete run
 */
const double *
cost_sampler_get_input_samples (CostSampler *sampler,
                                guint        input)
{
  g_return_val_if_fail (sampler != NULL, NULL);
  g_return_val_if_fail (input < sampler->ranges->len, NULL);

  if (!sampler->have_results)
    return NULL;

  return sampler->input_samples + (gsize) input * sampler->n_samples;
}

/**
 * cost_sampler_get_output_samples:
 *
 * Returns: (nullable): the n_samples figures of @output in the last run,
 *   in sample order; %NULL when there is no complete run
 */
const double *
cost_sampler_get_output_samples (CostSampler *sampler,
                                 guint        output)
{
  g_return_val_if_fail (sampler != NULL, NULL);

  if (!sampler->have_results)
    return NULL;

  g_return_val_if_fail (output < sampler->n_outputs, NULL);

  return sampler->output_samples + (gsize) output * sampler->n_samples;
}

/* Statistics */

/* With Neumaier's compensation: 100,000 costs of 10⁹ keep their cents. */
double
cost_stats_mean (const double *x,
                 guint         n)
{
  double sum = 0, compensation = 0;

  g_return_val_if_fail (x != NULL || n == 0, NAN);

  if (n == 0)
    return NAN;

  for (guint i = 0; i < n; i++)
    {
      double t = sum + x[i];

      if (fabs (sum) >= fabs (x[i]))
        compensation += (sum - t) + x[i];
      else
        compensation += (x[i] - t) + sum;
      sum = t;
    }

  return (sum + compensation) / n;
}

/* Returns: the sample variance, with n − 1 */
double
cost_stats_variance (const double *x,
                     guint         n)
{
  double mean, sum = 0;

  g_return_val_if_fail (x != NULL || n == 0, NAN);

  if (n < 2)
    return NAN;

  mean = cost_stats_mean (x, n);
  for (guint i = 0; i < n; i++)
    sum += (x[i] - mean) * (x[i] - mean);

  return sum / (n - 1);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorting by LSD radix on the bits of the doubles: samples are sorted
 * many times per run (each measure, each month, the ranks of each input),
 * and a radix sort takes a few linear passes where qsort() takes n log n
 * comparisons through a function pointer. The key of a double orders as
 * the double does: the sign bit flipped for a positive figure, every bit
 * for a negative one. */
static inline guint64
sort_key (double x)
{
  guint64 bits;

  memcpy (&bits, &x, sizeof bits);

  return (bits & G_GUINT64_CONSTANT (0x8000000000000000)) ? ~bits :
                                                             bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

#define RADIX_BITS 11
#define RADIX_SIZE (1 << RADIX_BITS)
#define RADIX_PASSES 6   /* 6 × 11 ≥ 64 */

/* Sorts @keys (and @payload along, when not %NULL) in increasing order;
 * @tmp_keys and @tmp_payload are scratch of the same sizes. Stable. */
static void
radix_sort (guint64 *keys,
            guint   *payload,
            guint64 *tmp_keys,
            guint   *tmp_payload,
            guint    n)
{
  g_autofree guint *count = g_new (guint, RADIX_SIZE);

  for (guint pass = 0; pass < RADIX_PASSES; pass++)
    {
      guint shift = pass * RADIX_BITS;
      guint sum = 0;
      gboolean trivial = FALSE;

      memset (count, 0, sizeof (guint) * RADIX_SIZE);
      for (guint i = 0; i < n; i++)
        count[(keys[i] >> shift) & (RADIX_SIZE - 1)]++;

      /* All in one bucket: this digit orders nothing. */
      for (guint b = 0; b < RADIX_SIZE; b++)
        if (count[b] == n)
          trivial = TRUE;
      if (trivial)
        continue;

      for (guint b = 0; b < RADIX_SIZE; b++)
        {
          guint c = count[b];

          count[b] = sum;
          sum += c;
        }
      for (guint i = 0; i < n; i++)
        {
          guint at = count[(keys[i] >> shift) & (RADIX_SIZE - 1)]++;

          tmp_keys[at] = keys[i];
          if (payload != NULL)
            tmp_payload[at] = payload[i];
        }

      memcpy (keys, tmp_keys, sizeof (guint64) * n);
      if (payload != NULL)
        memcpy (payload, tmp_payload, sizeof (guint) * n);
    }
}

/* Sorts @x in increasing order, as qsort() with compare_doubles() would
 * for finite figures. */
static void
sort_doubles (double *x,
              guint   n)
{
  g_autofree guint64 *keys = NULL;
  g_autofree guint64 *tmp = NULL;

  if (n < 64)
    {
      qsort (x, n, sizeof (double), compare_doubles);
      return;
    }

  keys = g_new (guint64, n);
  tmp = g_new (guint64, n);
  for (guint i = 0; i < n; i++)
    keys[i] = sort_key (x[i]);
  radix_sort (keys, NULL, tmp, NULL, n);
  for (guint i = 0; i < n; i++)
    {
      guint64 k = keys[i];
      guint64 bits = (k & G_GUINT64_CONSTANT (0x8000000000000000)) ? k & ~G_GUINT64_CONSTANT (0x8000000000000000) : ~k;

      memcpy (&x[i], &bits, sizeof bits);
    }
}


/* Returns: (transfer full): @x in increasing order, for g_free() */
double *
cost_stats_sorted_copy (const double *x,
                        guint         n)
{
  double *sorted;

  g_return_val_if_fail (x != NULL || n == 0, NULL);

  sorted = g_new (double, MAX (1, n));
  if (n > 0)
    memcpy (sorted, x, sizeof (double) * n);
  sort_doubles (sorted, n);

  return sorted;
}

/* The value at a fractional 0-based rank, by linear interpolation. */
static double
at_rank (const double *sorted,
         guint         n,
         double        rank)
{
  guint lo;
  double frac;

  rank = CLAMP (rank, 0, n - 1);
  lo = (guint) floor (rank);
  if (lo >= n - 1)
    return sorted[n - 1];
  frac = rank - lo;

  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/**
 * cost_stats_percentile:
 * @sorted: samples in increasing order
 * @p: the fraction, 0.9 for P90
 *
 * Linear interpolation between the closest ranks, (n − 1)·p, as numpy's
 * default percentile.
 */
double
cost_stats_percentile (const double *sorted,
                       guint         n,
                       double        p)
{
  g_return_val_if_fail (sorted != NULL, NAN);
  g_return_val_if_fail (n > 0, NAN);
  g_return_val_if_fail (p >= 0 && p <= 1, NAN);

  return at_rank (sorted, n, (n - 1) * p);
}

/**
 * cost_stats_percentile_stderr:
 *
 * The standard error of cost_stats_percentile() from the distribution-free
 * order-statistic interval: the number of samples below the true
 * percentile is Binomial(n, p), of standard deviation d = √(n·p·(1 − p)),
 * so the samples at ranks (n − 1)·p ± d bracket it with 68% confidence,
 * and half that interval is one standard error. For large n it equals
 * √(p·(1 − p)/n) / f(x_p) without having to estimate the density f. It
 * holds for independent samples; Latin hypercube samples are at least as
 * close, so for them it errs on the safe side.
 */
double
cost_stats_percentile_stderr (const double *sorted,
                              guint         n,
                              double        p)
{
  double rank, d;

  g_return_val_if_fail (sorted != NULL, NAN);
  g_return_val_if_fail (n > 1, NAN);
  g_return_val_if_fail (p >= 0 && p <= 1, NAN);

  rank = (n - 1) * p;
  d = sqrt (n * p * (1 - p));

  return (at_rank (sorted, n, rank + d) - at_rank (sorted, n, rank - d)) / 2;
}

/**
 * cost_stats_histogram:
 * @edges: (out): n_bins + 1 edges, equally spaced from the smallest sample
 *   to the largest
 * @counts: (out): n_bins counts; the last bin includes its upper edge
 *
 * Bins as numpy.histogram() with bins=n_bins. NaNs are not counted.
 */
void
cost_stats_histogram (const double *x,
                      guint         n,
                      guint         n_bins,
                      double       *edges,
                      guint        *counts)
{
  double lo = INFINITY, hi = -INFINITY, width;

  g_return_if_fail (x != NULL || n == 0);
  g_return_if_fail (n_bins > 0);
  g_return_if_fail (edges != NULL && counts != NULL);

  for (guint i = 0; i < n; i++)
    {
      if (x[i] < lo)
        lo = x[i];
      if (x[i] > hi)
        hi = x[i];
    }
  if (lo > hi)
    lo = hi = 0;
  if (lo == hi)
    {
      lo -= 0.5;
      hi += 0.5;
    }

  width = hi - lo;
  for (guint b = 0; b <= n_bins; b++)
    edges[b] = lo + width * b / n_bins;
  edges[n_bins] = hi;
  memset (counts, 0, sizeof (guint) * n_bins);

  for (guint i = 0; i < n; i++)
    {
      double pos;
      guint b;

      if (isnan (x[i]))
        continue;
      pos = (x[i] - lo) / width * n_bins;
      b = pos >= n_bins ? n_bins - 1 : (guint) pos;
      /* The division can land a sample at an edge in the next bin over. */
      if (b > 0 && x[i] < edges[b])
        b--;
      else if (b + 1 < n_bins && x[i] >= edges[b + 1])
        b++;
      counts[b]++;
    }
}

/**
 * cost_stats_fraction_at_or_below:
 * @sorted: samples in increasing order
 *
 * Returns: the fraction of the samples at most @value: a point of the
 *   S-curve
 */
double
cost_stats_fraction_at_or_below (const double *sorted,
                                 guint         n,
                                 double        value)
{
  guint lo = 0, hi = n;

  g_return_val_if_fail (sorted != NULL || n == 0, NAN);

  if (n == 0)
    return NAN;

  /* The first sample above @value. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (sorted[mid] <= value)
        lo = mid + 1;
      else
        hi = mid;
    }

  return (double) lo / n;
}

/**
 * cost_stats_fraction_above:
 * @sorted: samples in increasing order
 *
 * Returns: the probability of going over @budget
 */
double
cost_stats_fraction_above (const double *sorted,
                           guint         n,
                           double        budget)
{
  return 1 - cost_stats_fraction_at_or_below (sorted, n, budget);
}

typedef struct
{
  double value;
  guint  index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->value != y->value)
    return (x->value > y->value) - (x->value < y->value);
  return (x->index > y->index) - (x->index < y->index);
}

/* The 1-based ranks of @x, ties given the mean of their ranks. */
static double *
ranks (const double *x,
       guint         n)
{
  g_autofree Ranked *order = g_new (Ranked, MAX (1, n));
  double *rank = g_new (double, MAX (1, n));

  if (n < 64)
    {
      for (guint i = 0; i < n; i++)
        order[i] = (Ranked) { x[i], i };
      qsort (order, n, sizeof (Ranked), compare_ranked);
    }
  else
    {
      g_autofree guint64 *keys = g_new (guint64, n);
      g_autofree guint64 *tmp_keys = g_new (guint64, n);
      g_autofree guint *index = g_new (guint, n);
      g_autofree guint *tmp_index = g_new (guint, n);

      for (guint i = 0; i < n; i++)
        {
          keys[i] = sort_key (x[i]);
          index[i] = i;
        }
      radix_sort (keys, index, tmp_keys, tmp_index, n);
      for (guint i = 0; i < n; i++)
        order[i] = (Ranked) { x[index[i]], index[i] };
    }

  for (guint i = 0; i < n;)
    {
      guint j = i + 1;

      while (j < n && order[j].value == order[i].value)
        j++;
      for (guint t = i; t < j; t++)
        rank[order[t].index] = (i + j + 1) / 2.0;
      i = j;
    }

  return rank;
}

static double
pearson (const double *x,
         const double *y,
         guint         n)
{
  double mx = cost_stats_mean (x, n), my = cost_stats_mean (y, n);
  double sxy = 0, sxx = 0, syy = 0;

  for (guint i = 0; i < n; i++)
    {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }

  if (sxx <= 0 || syy <= 0)
    return 0;

  return sxy / sqrt (sxx * syy);
}

/**
 * cost_stats_spearman:
 *
 * Returns: Spearman's rank correlation of @x and @y; 0 when either is
 *   constant
 */
double
cost_stats_spearman (const double *x,
                     const double *y,
                     guint         n)
{
  g_autofree double *rx = NULL;
  g_autofree double *ry = NULL;

  g_return_val_if_fail (x != NULL && y != NULL, NAN);

  if (n < 2)
    return 0;

  rx = ranks (x, n);
  ry = ranks (y, n);

  return pearson (rx, ry, n);
}

/**
 * cost_stats_contributions:
 * @shares: (out): one share per input
 *
 * The contribution of each input to the variance of @output: the squared
 * Spearman correlation of the input's samples with the output's,
 * normalised to sum to 1. All shares are 0 when the output does not vary
 * with any input.
 */
void
cost_stats_contributions (CostSampler *sampler,
                          guint        output,
                          double      *shares)
{
  const double *y;
  g_autofree double *ry = NULL;
  guint n, n_inputs;
  double total = 0;

  g_return_if_fail (sampler != NULL);
  g_return_if_fail (shares != NULL);
  g_return_if_fail (sampler->have_results);
  g_return_if_fail (output < sampler->n_outputs);

  n = sampler->n_samples;
  n_inputs = sampler->ranges->len;
  y = cost_sampler_get_output_samples (sampler, output);
  ry = ranks (y, n);

  for (guint k = 0; k < n_inputs; k++)
    {
      g_autofree double *rx = ranks (cost_sampler_get_input_samples (sampler, k), n);
      double rho = pearson (rx, ry, n);

      shares[k] = rho * rho;
      total += shares[k];
    }

  for (guint k = 0; k < n_inputs; k++)
    shares[k] = total > 0 ? shares[k] / total : 0;
}

/**
 * cost_stats_contributions_of:
 * @outputs: (array length=n_outputs): the outputs to read
 * @shares: (out caller-allocates): n_outputs × the number of inputs
 *   shares, output-major
 *
 * cost_stats_contributions() of several outputs at once: each input is
 * ranked once for all of them.
 */
void
cost_stats_contributions_of (CostSampler *sampler,
                             const guint *outputs,
                             guint        n_outputs,
                             double      *shares)
{
  g_autofree double **ry = NULL;
  g_autofree double *total = NULL;
  guint n, n_inputs;

  g_return_if_fail (sampler != NULL);
  g_return_if_fail (shares != NULL);
  g_return_if_fail (sampler->have_results);

  n = sampler->n_samples;
  n_inputs = sampler->ranges->len;
  ry = g_new0 (double *, MAX (1, n_outputs));
  total = g_new0 (double, MAX (1, n_outputs));
  for (guint o = 0; o < n_outputs; o++)
    {
      g_return_if_fail (outputs[o] < sampler->n_outputs);
      ry[o] = ranks (cost_sampler_get_output_samples (sampler, outputs[o]), n);
    }

  for (guint k = 0; k < n_inputs; k++)
    {
      g_autofree double *rx = ranks (cost_sampler_get_input_samples (sampler, k), n);

      for (guint o = 0; o < n_outputs; o++)
        {
          double rho = pearson (rx, ry[o], n);

          shares[o * n_inputs + k] = rho * rho;
          total[o] += rho * rho;
        }
    }

  for (guint o = 0; o < n_outputs; o++)
    {
      for (guint k = 0; k < n_inputs; k++)
        shares[o * n_inputs + k] = total[o] > 0 ? shares[o * n_inputs + k] / total[o] : 0;
      g_free (ry[o]);
    }
}
