/* cost-simulation.c
 *
 * The Monte Carlo simulation of a document's plan, kept up to date in the
 * background while someone shows it (cost_simulation_hold()).
 *
 * Each edit, or another scenario shown, makes the figures stale: the run
 * in flight is cancelled, and a new one starts once the edits have paused
 * for COST_SIMULATION_DELAY_MS. A run snapshots the project in the main
 * thread (cost_uncertainty_plan_new()) and draws the samples in a worker
 * thread, so the window never waits for it; its progress comes back to the
 * main loop. Only the run of the latest state publishes its figures: a run
 * that finishes after another edit is dropped. The same project, samples
 * and seed give the same figures, whatever the number of threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-simulation"

#include "config.h"

#include "cost-document.h"
#include "cost-simulation.h"

/* What a worker shares with the main loop: its progress. */
typedef struct
{
  GWeakRef      simulation;
  guint64       generation;
  GMainContext *context;
  int           permille;
  int           pending;     /* an update is on its way to the main loop */
} Progress;

struct _CostSimulation
{
  GObject          parent_instance;

  CostDocument    *document;       /* weak: the document owns the simulation */
  guint            holds;
  guint64          generation;     /* of the document's figures, one more at each change */
  guint64          result_generation;
  guint            delay_id;
  GCancellable    *cancellable;    /* of the run in flight */
  guint64          in_flight;      /* the generation of the run in flight, 0 for none */

  CostUncertainty *result;
  CostScenario    *result_scenario;
  gboolean         running;
  double           fraction;
  guint            n_ranges;
  char            *error;
};

G_DEFINE_FINAL_TYPE (CostSimulation, cost_simulation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESULT,
  PROP_CURRENT,
  PROP_RUNNING,
  PROP_FRACTION,
  PROP_N_RANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (CostSimulation *self,
                      guint           delay_ms);

static Progress *
progress_new (CostSimulation *self)
{
  Progress *p = g_atomic_rc_box_new0 (Progress);

  g_weak_ref_init (&p->simulation, self);
  p->generation = self->generation;
  p->context = g_main_context_ref_thread_default ();

  return p;
}

static void
progress_clear (gpointer data)
{
  Progress *p = data;

  g_weak_ref_clear (&p->simulation);
  g_main_context_unref (p->context);
}

static void
progress_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_clear);
}

static void
set_running (CostSimulation *self,
             gboolean        running)
{
  if (self->running == running)
    return;

  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_fraction (CostSimulation *self,
              double          fraction)
{
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
set_n_ranges (CostSimulation *self,
              guint           n_ranges)
{
  if (self->n_ranges == n_ranges)
    return;

  self->n_ranges = n_ranges;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RANGES]);
}

static void
set_result (CostSimulation  *self,
            CostUncertainty *result,
            CostScenario    *scenario,
            const char      *error)
{
  g_clear_pointer (&self->result, cost_uncertainty_unref);
  self->result = result ? cost_uncertainty_ref (result) : NULL;
  g_set_object (&self->result_scenario, scenario);
  g_free (self->error);
  self->error = g_strdup (error);
  self->result_generation = self->generation;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static void
cancel_run (CostSimulation *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->in_flight = 0;
}

/* Called in the worker: the main loop hears of it once it is free. */
static gboolean
progress_idle_cb (gpointer data)
{
  Progress *p = data;
  g_autoptr(CostSimulation) self = g_weak_ref_get (&p->simulation);

  g_atomic_int_set (&p->pending, 0);
  if (self != NULL && self->in_flight == p->generation)
    set_fraction (self, g_atomic_int_get (&p->permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  Progress *p = data;
  int permille = (int) (fraction * 1000.0);

  if (permille == g_atomic_int_get (&p->permille))
    return;

  g_atomic_int_set (&p->permille, permille);
  if (g_atomic_int_compare_and_exchange (&p->pending, 0, 1))
    g_main_context_invoke_full (p->context, G_PRIORITY_DEFAULT, progress_idle_cb,
                                g_atomic_rc_box_acquire (p), progress_unref);
}

typedef struct
{
  CostUncertaintyPlan *plan;
  Progress            *progress;
  guint                n_threads;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_clear_pointer (&run->plan, cost_uncertainty_plan_free);
  g_clear_pointer (&run->progress, progress_unref);
  g_free (run);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  RunData *run = data;
  GError *error = NULL;
  CostUncertainty *result;

  result = cost_uncertainty_plan_run (run->plan, run->n_threads, cancellable, progress_cb, run->progress, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) cost_uncertainty_unref);
}

static void
on_run_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      data)
{
  CostSimulation *self = COST_SIMULATION (source);
  GTask *task = G_TASK (res);
  guint64 generation = GPOINTER_TO_SIZE (data);
  g_autoptr(CostUncertainty) result = NULL;
  g_autoptr(GError) error = NULL;
  CostScenario *scenario;

  result = g_task_propagate_pointer (task, &error);
  g_debug ("run %" G_GUINT64_FORMAT " done, now %" G_GUINT64_FORMAT, generation, self->generation);

  /* An edit came since the run started: the run of the edit publishes. */
  if (generation != self->generation || self->in_flight != generation || self->document == NULL)
    return;

  g_clear_object (&self->cancellable);
  self->in_flight = 0;
  /* The scenario shown is the one simulated: showing another is a change. */
  scenario = cost_document_get_scenario (self->document);
  if (result == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_fraction (self, 1.0);
  set_result (self, result, scenario, error ? error->message : NULL);
  set_running (self, FALSE);
}

static void
start_run (CostSimulation *self)
{
  CostProject *project;
  CostScenario *scenario;
  g_autoptr(GTask) task = NULL;
  RunData *run;

  if (self->document == NULL)
    return;

  project = cost_document_get_project (self->document);
  scenario = cost_document_get_scenario (self->document);
  set_n_ranges (self, cost_uncertainty_count_ranges (project));

  if (self->n_ranges == 0)
    {
      /* Nothing is uncertain: the plan is its point estimate. */
      set_result (self, NULL, scenario, NULL);
      set_running (self, FALSE);
      return;
    }

  cancel_run (self);
  self->cancellable = g_cancellable_new ();
  self->in_flight = self->generation;

  run = g_new0 (RunData, 1);
  run->plan = cost_uncertainty_plan_new (project, scenario, cost_project_get_samples (project),
                                         cost_project_get_seed (project));
  run->progress = progress_new (self);
  run->n_threads = CLAMP (g_get_num_processors (), 1, 8);
  g_debug ("run %" G_GUINT64_FORMAT " starts", self->generation);

  set_fraction (self, 0.0);
  task = g_task_new (self, self->cancellable, on_run_done_cb, GSIZE_TO_POINTER (self->generation));
  g_task_set_source_tag (task, start_run);
  g_task_set_name (task, "uncertainty");
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

static gboolean
on_delay_cb (gpointer data)
{
  CostSimulation *self = data;

  self->delay_id = 0;
  start_run (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (CostSimulation *self,
          guint           delay_ms)
{
  g_clear_handle_id (&self->delay_id, g_source_remove);
  cancel_run (self);
  set_running (self, TRUE);
  set_fraction (self, 0.0);
  if (delay_ms > 0)
    self->delay_id = g_timeout_add (delay_ms, on_delay_cb, self);
  else
    self->delay_id = g_idle_add (on_delay_cb, self);
}

/* The figures changed: the result no longer holds. */
static void
invalidate (CostSimulation *self)
{
  self->generation++;
  g_debug ("generation %" G_GUINT64_FORMAT, self->generation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  if (self->document != NULL)
    set_n_ranges (self, cost_uncertainty_count_ranges (cost_document_get_project (self->document)));

  if (self->holds > 0)
    {
      schedule (self, COST_SIMULATION_DELAY_MS);
      return;
    }

  g_clear_handle_id (&self->delay_id, g_source_remove);
  cancel_run (self);
  set_running (self, FALSE);
}

static void
on_result_notify_cb (CostDocument   *document,
                     GParamSpec     *pspec,
                     CostSimulation *self)
{
  invalidate (self);
}

static void
cost_simulation_dispose (GObject *object)
{
  CostSimulation *self = (CostSimulation *) object;

  g_clear_handle_id (&self->delay_id, g_source_remove);
  cancel_run (self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_object_remove_weak_pointer (G_OBJECT (self->document), (gpointer *) &self->document);
      self->document = NULL;
    }
  g_clear_pointer (&self->result, cost_uncertainty_unref);
  g_clear_object (&self->result_scenario);

  G_OBJECT_CLASS (cost_simulation_parent_class)->dispose (object);
}

static void
cost_simulation_finalize (GObject *object)
{
  CostSimulation *self = (CostSimulation *) object;

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (cost_simulation_parent_class)->finalize (object);
}

static void
cost_simulation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CostSimulation *self = COST_SIMULATION (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_boxed (value, self->result);
      break;
    case PROP_CURRENT:
      g_value_set_boolean (value, cost_simulation_get_current (self));
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_N_RANGES:
      g_value_set_uint (value, self->n_ranges);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_simulation_class_init (CostSimulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = cost_simulation_dispose;
  object_class->finalize = cost_simulation_finalize;
  object_class->get_property = cost_simulation_get_property;

  /**
   * CostSimulation:result: (nullable)
   *
   * The figures of the latest run, %NULL before the first or when the
   * project has no ranges. They may be of an earlier state: see
   * #CostSimulation:current.
   */
  properties[PROP_RESULT] = g_param_spec_boxed ("result", NULL, NULL, COST_TYPE_UNCERTAINTY, flags);
  properties[PROP_CURRENT] = g_param_spec_boolean ("current", NULL, NULL, FALSE, flags);
  /**
   * CostSimulation:running:
   *
   * Whether figures for the document as it is now are on their way: a
   * run waits for the edits to pause, or draws its samples.
   */
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_N_RANGES] = g_param_spec_uint ("n-ranges", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cost_simulation_init (CostSimulation *self)
{
  self->generation = 1;
}

/**
 * cost_simulation_new:
 *
 * Returns: (transfer full): the simulation of @document, which must
 *   outlive it or dispose of it (the document owns its simulation)
 */
CostSimulation *
cost_simulation_new (CostDocument *document)
{
  CostSimulation *self;

  g_return_val_if_fail (COST_IS_DOCUMENT (document), NULL);

  self = g_object_new (COST_TYPE_SIMULATION, NULL);
  self->document = document;
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &self->document);
  g_signal_connect (document, "notify::result", G_CALLBACK (on_result_notify_cb), self);
  self->n_ranges = cost_uncertainty_count_ranges (cost_document_get_project (document));

  return self;
}

/**
 * cost_simulation_get_document:
 *
 * Returns: (transfer none) (nullable): the document simulated
 */
CostDocument *
cost_simulation_get_document (CostSimulation *self)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), NULL);

  return self->document;
}

/**
 * cost_simulation_hold:
 *
 * Keeps the figures up to date until the matching
 * cost_simulation_release(): a page calls it while it shows them. Stale
 * figures are recomputed at once.
 */
void
cost_simulation_hold (CostSimulation *self)
{
  g_return_if_fail (COST_IS_SIMULATION (self));

  if (self->holds++ == 0 && !cost_simulation_get_current (self) && self->delay_id == 0 &&
      self->in_flight == 0)
    schedule (self, 0);
}

void
cost_simulation_release (CostSimulation *self)
{
  g_return_if_fail (COST_IS_SIMULATION (self));
  g_return_if_fail (self->holds > 0);

  self->holds--;
}

/**
 * cost_simulation_get_result:
 *
 * Returns: (transfer none) (nullable): the figures of the latest run,
 *   current or not
 */
CostUncertainty *
cost_simulation_get_result (CostSimulation *self)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), NULL);

  return self->result;
}

/**
 * cost_simulation_get_result_for:
 * @scenario: (nullable): a scenario, %NULL for the baseline
 *
 * Returns: (transfer none) (nullable): the figures of the document as it
 *   is now with @scenario, if the latest run computed them
 */
CostUncertainty *
cost_simulation_get_result_for (CostSimulation *self,
                                CostScenario   *scenario)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), NULL);

  if (!cost_simulation_get_current (self) || self->result_scenario != scenario)
    return NULL;

  return self->result;
}

/**
 * cost_simulation_get_current:
 *
 * Returns: whether the latest run's figures are those of the document as
 *   it is now
 */
gboolean
cost_simulation_get_current (CostSimulation *self)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), FALSE);

  return self->result_generation == self->generation;
}

gboolean
cost_simulation_get_running (CostSimulation *self)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), FALSE);

  return self->running;
}

/**
 * cost_simulation_get_in_flight:
 *
 * Returns: whether a worker draws samples now (rather than waiting for the
 *   edits to pause)
 */
gboolean
cost_simulation_get_in_flight (CostSimulation *self)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), FALSE);

  return self->in_flight != 0;
}

/**
 * cost_simulation_get_fraction:
 *
 * Returns: how far the run in flight is, 0 to 1
 */
double
cost_simulation_get_fraction (CostSimulation *self)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), 0);

  return self->fraction;
}

/**
 * cost_simulation_get_n_ranges:
 *
 * Returns: how many figures had a range at the latest run
 */
guint
cost_simulation_get_n_ranges (CostSimulation *self)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), 0);

  return self->n_ranges;
}

/**
 * cost_simulation_get_error:
 *
 * Returns: (nullable): why the latest run gave no figures
 */
const char *
cost_simulation_get_error (CostSimulation *self)
{
  g_return_val_if_fail (COST_IS_SIMULATION (self), NULL);

  return self->error;
}

/**
 * cost_simulation_use_hold:
 * @held: whether the widget shows the figures now (it is mapped)
 */
void
cost_simulation_use_hold (CostSimulationUse *use,
                          gboolean           held)
{
  held = held && use->simulation != NULL;
  if (use->held == held)
    return;

  use->held = held;
  if (held)
    cost_simulation_hold (use->simulation);
  else
    cost_simulation_release (use->simulation);
}

/**
 * cost_simulation_use_set:
 * @simulation: (nullable): the simulation to follow, %NULL for none
 * @mapped: whether the widget is mapped
 * @notify: called with @data on each change of @simulation
 */
void
cost_simulation_use_set (CostSimulationUse *use,
                         CostSimulation    *simulation,
                         gboolean           mapped,
                         GCallback          notify,
                         gpointer           data)
{
  if (use->simulation == simulation)
    return;

  cost_simulation_use_hold (use, FALSE);
  if (use->simulation != NULL)
    g_clear_signal_handler (&use->notify_id, use->simulation);
  g_set_object (&use->simulation, simulation);
  if (simulation != NULL)
    use->notify_id = g_signal_connect (simulation, "notify", notify, data);
  cost_simulation_use_hold (use, mapped);
}
