/* cost-undo-stack.c
 *
 * Undo and redo for every edit of a project.
 *
 * The stack watches the project rather than being told about edits: it
 * keeps a copy of every writable property of the project, its categories,
 * items, scenarios, served models and workload, and of every list, and
 * turns each change notification into a record holding the old and the new
 * value. Whatever changes the model, a form, a keyboard shortcut or a drag,
 * is undoable without knowing about the stack.
 *
 * Scenarios keep their differences from the baseline in tables rather than
 * properties: the stack keeps a copy of what each scenario changes, and a
 * CostScenario::changed that changed it is recorded as the content before
 * and after.
 *
 * Records are grouped into steps: everything between cost_undo_stack_begin()
 * and cost_undo_stack_end() is one step (and one CostProject::changed);
 * changes made outside a group form one step per main-loop iteration, or
 * one step from cost_undo_stack_begin_live() to cost_undo_stack_end_live().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-undo-stack"

#include "config.h"

#include "cost-undo-stack.h"
#include "cost-undo-snapshot.h"

#define MAX_STEPS 1000

typedef enum
{
  RECORD_PROPERTY,
  RECORD_ACTIVE_MONTHS,
  RECORD_SPLICE,
  RECORD_SCENARIO,
} RecordKind;

typedef enum
{
  LIST_ITEMS,
  LIST_CATEGORIES,
  LIST_SCENARIOS,
  LIST_MODELS,
} ListKind;

typedef struct
{
  RecordKind  kind;
  GObject    *object;       /* the edited object, or the owner of the list */

  /* RECORD_PROPERTY */
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;

  /* RECORD_ACTIVE_MONTHS: start and end change together */
  int         old_start;
  int         old_end;
  int         new_start;
  int         new_end;

  /* RECORD_SPLICE */
  ListKind    list;
  guint       position;
  GPtrArray  *removed;
  GPtrArray  *added;

  /* RECORD_SCENARIO: copies of what the scenario changes */
  CostScenario *old_content;
  CostScenario *new_content;
} Record;

typedef struct
{
  guint64    id;
  GPtrArray *records;
} Step;

/* The properties of one type the stack keeps copies of. */
typedef struct
{
  GParamSpec **pspecs;
  guint        n_pspecs;
} TypeProps;

typedef struct
{
  GObject         *object;
  const TypeProps *props;
  GValue          *values;
} Watch;

typedef struct
{
  GObject   *owner;
  ListKind   kind;
  GPtrArray *mirror;
} ListWatch;

struct _CostUndoStack
{
  GObject      parent_instance;

  CostProject *project;

  GHashTable  *type_props;   /* GType → TypeProps */
  GHashTable  *watches;      /* GObject → Watch */
  GHashTable  *lists;        /* GListModel → ListWatch */
  GHashTable  *contents;     /* CostScenario → a copy of its content as last seen */

  GPtrArray   *undo;         /* Step, oldest first */
  GPtrArray   *redo;         /* Step, next to redo last */
  Step        *open;         /* the step records go to */
  guint        depth;
  guint        live;         /* open cost_undo_stack_begin_live() calls */
  guint        flush_source;
  guint64      next_id;
  guint64      revision;     /* counts the records and their merges */
  guint64      base_id;      /* the last step dropped for MAX_STEPS, 0 for none */
  guint        applying : 1;
};

G_DEFINE_FINAL_TYPE (CostUndoStack, cost_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void watch_object (CostUndoStack *self,
                          GObject       *object);
static void unwatch_object (CostUndoStack *self,
                            GObject       *object);

static void
record_free (Record *r)
{
  g_clear_object (&r->object);
  if (G_IS_VALUE (&r->old_value))
    g_value_unset (&r->old_value);
  if (G_IS_VALUE (&r->new_value))
    g_value_unset (&r->new_value);
  g_clear_pointer (&r->removed, g_ptr_array_unref);
  g_clear_pointer (&r->added, g_ptr_array_unref);
  g_clear_object (&r->old_content);
  g_clear_object (&r->new_content);
  g_free (r);
}

static Step *
step_new (guint64 id)
{
  Step *step = g_new0 (Step, 1);

  step->id = id;
  step->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);

  return step;
}

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->records);
  g_free (step);
}

static void
type_props_free (TypeProps *tp)
{
  g_free (tp->pspecs);
  g_free (tp);
}

static void
watch_free (Watch *w)
{
  for (guint i = 0; i < w->props->n_pspecs; i++)
    g_value_unset (&w->values[i]);
  g_free (w->values);
  g_free (w);
}

static void
list_watch_free (ListWatch *lw)
{
  g_ptr_array_unref (lw->mirror);
  g_free (lw);
}

/* Writable, non-construct-only properties: what an edit can change. */
static const TypeProps *
get_type_props (CostUndoStack *self,
                GType          type)
{
  TypeProps *tp = g_hash_table_lookup (self->type_props, GSIZE_TO_POINTER (type));
  g_autofree GParamSpec **all = NULL;
  GObjectClass *klass;
  guint n_all;

  if (tp != NULL)
    return tp;

  klass = g_type_class_ref (type);
  all = g_object_class_list_properties (klass, &n_all);
  tp = g_new0 (TypeProps, 1);
  tp->pspecs = g_new0 (GParamSpec *, n_all);
  for (guint i = 0; i < n_all; i++)
    {
      GParamFlags flags = all[i]->flags;

      if ((flags & G_PARAM_READWRITE) == G_PARAM_READWRITE && !(flags & G_PARAM_CONSTRUCT_ONLY))
        tp->pspecs[tp->n_pspecs++] = all[i];
    }
  g_type_class_unref (klass);
  g_hash_table_insert (self->type_props, GSIZE_TO_POINTER (type), tp);

  return tp;
}

static int
find_pspec (const TypeProps *tp,
            const char      *name)
{
  for (guint i = 0; i < tp->n_pspecs; i++)
    {
      if (g_str_equal (tp->pspecs[i]->name, name))
        return i;
    }

  return -1;
}

static void
notify_can (CostUndoStack *self,
            gboolean       could_undo,
            gboolean       could_redo)
{
  if (could_undo != cost_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != cost_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Moves the open step, if it holds anything, onto the undo stack. */
static void
close_open_step (CostUndoStack *self)
{
  Step *step = g_steal_pointer (&self->open);

  g_clear_handle_id (&self->flush_source, g_source_remove);

  if (step == NULL)
    return;

  if (step->records->len == 0)
    {
      step_free (step);
      return;
    }

  g_ptr_array_add (self->undo, step);
  if (self->undo->len > MAX_STEPS)
    {
      /* Undoing all the steps kept now leads to where this one ended. */
      self->base_id = ((Step *) g_ptr_array_index (self->undo, 0))->id;
      g_ptr_array_remove_index (self->undo, 0);
    }
}

/* Ends the current step now, unless a group or a live edit is open. */
static void
flush (CostUndoStack *self)
{
  if (self->depth == 0 && self->live == 0)
    close_open_step (self);
}

static gboolean
flush_cb (gpointer data)
{
  CostUndoStack *self = data;

  self->flush_source = 0;
  flush (self);

  return G_SOURCE_REMOVE;
}

static void
add_record (CostUndoStack *self,
            Record        *r)
{
  gboolean could_undo = cost_undo_stack_can_undo (self);
  gboolean could_redo = cost_undo_stack_can_redo (self);

  g_assert (!self->applying);

  if (self->open == NULL)
    {
      self->open = step_new (++self->next_id);
      if (self->depth == 0 && self->live == 0)
        self->flush_source = g_idle_add_full (G_PRIORITY_HIGH, flush_cb, self, NULL);
    }

  g_ptr_array_add (self->open->records, r);
  g_ptr_array_set_size (self->redo, 0);
  self->revision++;

  notify_can (self, could_undo, could_redo);
}

static Record *
last_open_record (CostUndoStack *self)
{
  if (self->open == NULL || self->open->records->len == 0)
    return NULL;

  return g_ptr_array_index (self->open->records, self->open->records->len - 1);
}

static void
on_active_months_notify (CostUndoStack *self,
                         Watch         *w)
{
  CostItem *item = COST_ITEM (w->object);
  int start_index = find_pspec (w->props, "start-month");
  int end_index = find_pspec (w->props, "end-month");
  int old_start = g_value_get_int (&w->values[start_index]);
  int old_end = g_value_get_int (&w->values[end_index]);
  int new_start = cost_item_get_start_month (item);
  int new_end = cost_item_get_end_month (item);
  Record *last;

  g_value_set_int (&w->values[start_index], new_start);
  g_value_set_int (&w->values[end_index], new_end);

  if (self->applying || (old_start == new_start && old_end == new_end))
    return;

  /* Both months notify for one edit: the second notification completes the record. */
  last = last_open_record (self);
  if (last != NULL && last->kind == RECORD_ACTIVE_MONTHS && last->object == w->object &&
      last->new_start == old_start && last->new_end == old_end)
    {
      last->new_start = new_start;
      last->new_end = new_end;
      self->revision++;
      return;
    }

  last = g_new0 (Record, 1);
  last->kind = RECORD_ACTIVE_MONTHS;
  last->object = g_object_ref (w->object);
  last->old_start = old_start;
  last->old_end = old_end;
  last->new_start = new_start;
  last->new_end = new_end;
  add_record (self, last);
}

static void
on_notify_cb (GObject       *object,
              GParamSpec    *pspec,
              CostUndoStack *self)
{
  Watch *w = g_hash_table_lookup (self->watches, object);
  g_auto(GValue) value = G_VALUE_INIT;
  Record *r;
  int index;

  if (w == NULL || (index = find_pspec (w->props, pspec->name)) < 0)
    return;

  if (COST_IS_ITEM (object) &&
      (g_str_equal (pspec->name, "start-month") || g_str_equal (pspec->name, "end-month")))
    {
      on_active_months_notify (self, w);
      return;
    }

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  if (g_param_values_cmp (pspec, &value, &w->values[index]) == 0)
    return;

  /* A new workload is watched in place of the old one. */
  if (COST_IS_PROJECT (object) && g_str_equal (pspec->name, "workload"))
    {
      GObject *old = g_value_get_object (&w->values[index]);

      if (old != NULL)
        unwatch_object (self, old);
      if (g_value_get_object (&value) != NULL)
        watch_object (self, g_value_get_object (&value));
    }

  if (self->applying)
    {
      g_value_copy (&value, &w->values[index]);
      return;
    }

  r = g_new0 (Record, 1);
  r->kind = RECORD_PROPERTY;
  r->object = g_object_ref (object);
  r->pspec = pspec;
  g_value_init (&r->old_value, pspec->value_type);
  g_value_copy (&w->values[index], &r->old_value);
  g_value_init (&r->new_value, pspec->value_type);
  g_value_copy (&value, &r->new_value);
  g_value_copy (&value, &w->values[index]);
  add_record (self, r);
}

static void
on_scenario_changed_cb (CostScenario  *scenario,
                        CostUndoStack *self)
{
  CostScenario *seen = g_hash_table_lookup (self->contents, scenario);
  g_autoptr(CostScenario) now = NULL;
  Record *last;

  if (seen == NULL || _cost_scenario_content_equal (scenario, seen))
    return;

  now = _cost_scenario_snapshot (scenario);

  if (!self->applying)
    {
      /* Successive changes of one scenario in a step are one record. */
      last = last_open_record (self);
      if (last != NULL && last->kind == RECORD_SCENARIO && last->object == G_OBJECT (scenario))
        {
          g_set_object (&last->new_content, now);
          self->revision++;
        }
      else
        {
          last = g_new0 (Record, 1);
          last->kind = RECORD_SCENARIO;
          last->object = g_object_ref (G_OBJECT (scenario));
          last->old_content = g_object_ref (seen);
          last->new_content = g_object_ref (now);
          add_record (self, last);
        }
    }

  g_hash_table_insert (self->contents, scenario, g_steal_pointer (&now));
}

static GPtrArray *
list_range (GListModel *model,
            guint       position,
            guint       n)
{
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, position + i));

  return array;
}

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     CostUndoStack *self)
{
  ListWatch *lw = g_hash_table_lookup (self->lists, model);
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) now = NULL;

  if (lw == NULL)
    return;

  old = g_ptr_array_new_full (removed, g_object_unref);
  for (guint i = 0; i < removed; i++)
    g_ptr_array_add (old, g_object_ref (g_ptr_array_index (lw->mirror, position + i)));
  now = list_range (model, position, added);

  g_ptr_array_remove_range (lw->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (lw->mirror, position + i, g_object_ref (g_ptr_array_index (now, i)));

  for (guint i = 0; i < old->len; i++)
    unwatch_object (self, g_ptr_array_index (old, i));
  for (guint i = 0; i < now->len; i++)
    watch_object (self, g_ptr_array_index (now, i));

  if (!self->applying && (removed > 0 || added > 0))
    {
      Record *r = g_new0 (Record, 1);

      r->kind = RECORD_SPLICE;
      r->object = g_object_ref (lw->owner);
      r->list = lw->kind;
      r->position = position;
      r->removed = g_steal_pointer (&old);
      r->added = g_steal_pointer (&now);
      add_record (self, r);
    }
}

static void
watch_list (CostUndoStack *self,
            GListModel    *model,
            GObject       *owner,
            ListKind       kind)
{
  ListWatch *lw;
  guint n;

  if (g_hash_table_contains (self->lists, model))
    return;

  n = g_list_model_get_n_items (model);
  lw = g_new0 (ListWatch, 1);
  lw->owner = owner;
  lw->kind = kind;
  lw->mirror = list_range (model, 0, n);
  g_hash_table_insert (self->lists, model, lw);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);

  for (guint i = 0; i < n; i++)
    watch_object (self, g_ptr_array_index (lw->mirror, i));
}

static void
unwatch_list (CostUndoStack *self,
              GListModel    *model)
{
  ListWatch *lw = g_hash_table_lookup (self->lists, model);

  if (lw == NULL)
    return;

  g_signal_handlers_disconnect_by_data (model, self);
  for (guint i = 0; i < lw->mirror->len; i++)
    unwatch_object (self, g_ptr_array_index (lw->mirror, i));
  g_hash_table_remove (self->lists, model);
}

static void
watch_object (CostUndoStack *self,
              GObject       *object)
{
  Watch *w;

  if (g_hash_table_contains (self->watches, object))
    return;

  w = g_new0 (Watch, 1);
  w->object = object;
  w->props = get_type_props (self, G_OBJECT_TYPE (object));
  w->values = g_new0 (GValue, w->props->n_pspecs);
  for (guint i = 0; i < w->props->n_pspecs; i++)
    {
      g_value_init (&w->values[i], w->props->pspecs[i]->value_type);
      g_object_get_property (object, w->props->pspecs[i]->name, &w->values[i]);
    }
  g_hash_table_insert (self->watches, object, w);
  g_signal_connect (object, "notify", G_CALLBACK (on_notify_cb), self);

  if (COST_IS_PROJECT (object))
    {
      CostWorkload *workload = cost_project_get_workload (COST_PROJECT (object));

      watch_list (self, cost_project_get_categories (COST_PROJECT (object)), object, LIST_CATEGORIES);
      watch_list (self, cost_project_get_scenarios (COST_PROJECT (object)), object, LIST_SCENARIOS);
      watch_list (self, cost_project_get_models (COST_PROJECT (object)), object, LIST_MODELS);
      if (workload != NULL)
        watch_object (self, G_OBJECT (workload));
    }
  else if (COST_IS_CATEGORY (object))
    {
      watch_list (self, cost_category_get_items (COST_CATEGORY (object)), object, LIST_ITEMS);
    }
  else if (COST_IS_SCENARIO (object))
    {
      g_hash_table_insert (self->contents, object, _cost_scenario_snapshot (COST_SCENARIO (object)));
      g_signal_connect (object, "changed", G_CALLBACK (on_scenario_changed_cb), self);
    }
}

static void
unwatch_object (CostUndoStack *self,
                GObject       *object)
{
  if (!g_hash_table_contains (self->watches, object))
    return;

  g_signal_handlers_disconnect_by_data (object, self);
  g_hash_table_remove (self->watches, object);

  if (COST_IS_PROJECT (object))
    {
      CostWorkload *workload = cost_project_get_workload (COST_PROJECT (object));

      unwatch_list (self, cost_project_get_categories (COST_PROJECT (object)));
      unwatch_list (self, cost_project_get_scenarios (COST_PROJECT (object)));
      unwatch_list (self, cost_project_get_models (COST_PROJECT (object)));
      if (workload != NULL)
        unwatch_object (self, G_OBJECT (workload));
    }
  else if (COST_IS_CATEGORY (object))
    {
      unwatch_list (self, cost_category_get_items (COST_CATEGORY (object)));
    }
  else if (COST_IS_SCENARIO (object))
    {
      g_hash_table_remove (self->contents, object);
    }
}

static GListModel *
list_model (GObject  *owner,
            ListKind  kind)
{
  switch (kind)
    {
    case LIST_ITEMS:
      return cost_category_get_items (COST_CATEGORY (owner));
    case LIST_CATEGORIES:
      return cost_project_get_categories (COST_PROJECT (owner));
    case LIST_SCENARIOS:
      return cost_project_get_scenarios (COST_PROJECT (owner));
    case LIST_MODELS:
      return cost_project_get_models (COST_PROJECT (owner));
    default:
      g_assert_not_reached ();
    }
}

static void
list_remove (GObject  *owner,
             ListKind  kind,
             guint     position)
{
  switch (kind)
    {
    case LIST_ITEMS:
      cost_category_remove_item (COST_CATEGORY (owner), position);
      break;
    case LIST_CATEGORIES:
      cost_project_remove_category (COST_PROJECT (owner), position);
      break;
    case LIST_SCENARIOS:
      cost_project_remove_scenario (COST_PROJECT (owner), position);
      break;
    case LIST_MODELS:
      cost_project_remove_model (COST_PROJECT (owner), position);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
list_insert (GObject  *owner,
             ListKind  kind,
             guint     position,
             gpointer  object)
{
  switch (kind)
    {
    case LIST_ITEMS:
      cost_category_insert_item (COST_CATEGORY (owner), position, object);
      break;
    case LIST_CATEGORIES:
      cost_project_insert_category (COST_PROJECT (owner), position, object);
      break;
    case LIST_SCENARIOS:
      cost_project_insert_scenario (COST_PROJECT (owner), position, object);
      break;
    case LIST_MODELS:
      cost_project_insert_model (COST_PROJECT (owner), position, object);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_permutation (GPtrArray *a,
                GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (!g_ptr_array_find (b, g_ptr_array_index (a, i), NULL))
        return FALSE;
    }

  return TRUE;
}

/* Replaces @current, at the record's position, with @target. */
static void
apply_splice (Record    *r,
              GPtrArray *current,
              GPtrArray *target)
{
  GListModel *model = list_model (r->object, r->list);

  if ((r->list == LIST_ITEMS || r->list == LIST_CATEGORIES) && is_permutation (current, target))
    {
      /* A reorder: move the items back into place rather than remove them. */
      for (guint i = 0; i < target->len; i++)
        {
          guint to = r->position + i;

          for (guint j = to; j < r->position + target->len; j++)
            {
              g_autoptr(GObject) object = g_list_model_get_item (model, j);

              if (object != g_ptr_array_index (target, i))
                continue;

              if (j != to && r->list == LIST_ITEMS)
                cost_category_move_item (COST_CATEGORY (r->object), j, to);
              else if (j != to)
                cost_project_move_category (COST_PROJECT (r->object), j, to);
              break;
            }
        }
      return;
    }

  for (guint i = 0; i < current->len; i++)
    list_remove (r->object, r->list, r->position);
  for (guint i = 0; i < target->len; i++)
    list_insert (r->object, r->list, r->position + i, g_ptr_array_index (target, i));
}

static void
apply_record (Record   *r,
              gboolean  undo)
{
  g_autoptr(GError) error = NULL;

  switch (r->kind)
    {
    case RECORD_PROPERTY:
      g_object_set_property (r->object, r->pspec->name, undo ? &r->old_value : &r->new_value);
      break;

    case RECORD_ACTIVE_MONTHS:
      if (!cost_item_set_active_months (COST_ITEM (r->object),
                                        undo ? r->old_start : r->new_start,
                                        undo ? r->old_end : r->new_end,
                                        &error))
        g_warning ("Could not restore the active months: %s", error->message);
      break;

    case RECORD_SPLICE:
      if (undo)
        apply_splice (r, r->added, r->removed);
      else
        apply_splice (r, r->removed, r->added);
      break;

    case RECORD_SCENARIO:
      _cost_scenario_assign (COST_SCENARIO (r->object), undo ? r->old_content : r->new_content);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
cost_undo_stack_dispose (GObject *object)
{
  CostUndoStack *self = (CostUndoStack *) object;

  if (self->project != NULL)
    unwatch_object (self, G_OBJECT (self->project));
  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_pointer (&self->open, step_free);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (cost_undo_stack_parent_class)->dispose (object);
}

static void
cost_undo_stack_finalize (GObject *object)
{
  CostUndoStack *self = (CostUndoStack *) object;

  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->contents, g_hash_table_unref);
  g_clear_pointer (&self->type_props, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (cost_undo_stack_parent_class)->finalize (object);
}

static void
cost_undo_stack_constructed (GObject *object)
{
  CostUndoStack *self = (CostUndoStack *) object;

  G_OBJECT_CLASS (cost_undo_stack_parent_class)->constructed (object);

  g_assert (COST_IS_PROJECT (self->project));
  watch_object (self, G_OBJECT (self->project));
}

static void
cost_undo_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CostUndoStack *self = COST_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cost_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cost_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_undo_stack_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CostUndoStack *self = COST_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_undo_stack_class_init (CostUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cost_undo_stack_dispose;
  object_class->finalize = cost_undo_stack_finalize;
  object_class->constructed = cost_undo_stack_constructed;
  object_class->get_property = cost_undo_stack_get_property;
  object_class->set_property = cost_undo_stack_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COST_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cost_undo_stack_init (CostUndoStack *self)
{
  self->type_props = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) type_props_free);
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watch_free);
  self->lists = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) list_watch_free);
  self->contents = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/**
 * cost_undo_stack_new:
 *
 * Returns: (transfer full): a stack recording every change of @project from now on
 */
CostUndoStack *
cost_undo_stack_new (CostProject *project)
{
  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  return g_object_new (COST_TYPE_UNDO_STACK, "project", project, NULL);
}

CostProject *
cost_undo_stack_get_project (CostUndoStack *self)
{
  g_return_val_if_fail (COST_IS_UNDO_STACK (self), NULL);

  return self->project;
}

/**
 * cost_undo_stack_begin:
 *
 * Starts a group: the changes until the matching cost_undo_stack_end() are
 * undone and redone as one step, and the project emits one
 * #CostProject::changed for them. Groups nest.
 */
void
cost_undo_stack_begin (CostUndoStack *self)
{
  g_return_if_fail (COST_IS_UNDO_STACK (self));

  if (self->depth++ == 0 && self->live == 0)
    close_open_step (self);

  cost_project_begin_change (self->project);
}

void
cost_undo_stack_end (CostUndoStack *self)
{
  g_return_if_fail (COST_IS_UNDO_STACK (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth == 0 && self->live == 0)
    {
      gboolean could_undo = cost_undo_stack_can_undo (self);
      gboolean could_redo = cost_undo_stack_can_redo (self);

      close_open_step (self);
      notify_can (self, could_undo, could_redo);
    }

  cost_project_end_change (self->project);
}

/**
 * cost_undo_stack_begin_live:
 *
 * Starts a live edit: a slider being dragged, whose many small changes show
 * as they happen (each emits #CostProject::changed) and are undone as one
 * step, from before the first to after the last. Live edits nest.
 */
void
cost_undo_stack_begin_live (CostUndoStack *self)
{
  g_return_if_fail (COST_IS_UNDO_STACK (self));

  if (self->live++ == 0 && self->depth == 0)
    close_open_step (self);
}

void
cost_undo_stack_end_live (CostUndoStack *self)
{
  g_return_if_fail (COST_IS_UNDO_STACK (self));
  g_return_if_fail (self->live > 0);

  if (--self->live == 0 && self->depth == 0)
    {
      gboolean could_undo = cost_undo_stack_can_undo (self);
      gboolean could_redo = cost_undo_stack_can_redo (self);

      close_open_step (self);
      notify_can (self, could_undo, could_redo);
    }
}

gboolean
cost_undo_stack_can_undo (CostUndoStack *self)
{
  g_return_val_if_fail (COST_IS_UNDO_STACK (self), FALSE);

  return self->undo->len > 0 || (self->open != NULL && self->open->records->len > 0);
}

gboolean
cost_undo_stack_can_redo (CostUndoStack *self)
{
  g_return_val_if_fail (COST_IS_UNDO_STACK (self), FALSE);

  return self->redo->len > 0;
}

/**
 * cost_undo_stack_get_n_undo:
 *
 * Returns: how many steps can be undone
 */
guint
cost_undo_stack_get_n_undo (CostUndoStack *self)
{
  g_return_val_if_fail (COST_IS_UNDO_STACK (self), 0);

  flush (self);

  return self->undo->len;
}

/**
 * cost_undo_stack_get_state:
 *
 * An id for the project as the stack has seen it change: it changes with
 * each change the stack records, and an undo or redo that brings the
 * project back to where it was brings the id back too. A document keeps
 * the id it had when it was saved, to tell when undoing leaves it as saved.
 *
 * Returns: the id of the last step done, 0 before any; while a step is
 *   still being recorded, a value no step has
 */
guint64
cost_undo_stack_get_state (CostUndoStack *self)
{
  g_return_val_if_fail (COST_IS_UNDO_STACK (self), 0);

  /* Step ids count up from 1; the open step's changes count down from the top. */
  if (self->open != NULL && self->open->records->len > 0)
    return G_MAXUINT64 - self->revision;

  if (self->undo->len == 0)
    return self->base_id;

  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->id;
}

/**
 * cost_undo_stack_get_undo_id:
 *
 * Returns: an id for the step cost_undo_stack_undo() would undo, 0 when there
 *   is none. A toast offering to undo a deletion keeps it, to undo only that.
 */
guint64
cost_undo_stack_get_undo_id (CostUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (COST_IS_UNDO_STACK (self), 0);

  flush (self);
  if (self->undo->len == 0)
    return 0;

  step = g_ptr_array_index (self->undo, self->undo->len - 1);

  return step->id;
}

static gboolean
replay (CostUndoStack *self,
        GPtrArray     *from,
        GPtrArray     *to,
        gboolean       undo)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (self->depth == 0, FALSE);

  close_open_step (self);
  if (from->len == 0)
    return FALSE;

  could_undo = cost_undo_stack_can_undo (self);
  could_redo = cost_undo_stack_can_redo (self);
  step = g_ptr_array_steal_index (from, from->len - 1);

  self->applying = TRUE;
  cost_project_begin_change (self->project);
  if (undo)
    {
      for (guint i = step->records->len; i > 0; i--)
        apply_record (g_ptr_array_index (step->records, i - 1), TRUE);
    }
  else
    {
      for (guint i = 0; i < step->records->len; i++)
        apply_record (g_ptr_array_index (step->records, i), FALSE);
    }
  self->applying = FALSE;

  g_ptr_array_add (to, step);
  notify_can (self, could_undo, could_redo);
  cost_project_end_change (self->project);

  return TRUE;
}

/**
 * cost_undo_stack_undo:
 *
 * Returns: %TRUE if a step was undone
 */
gboolean
cost_undo_stack_undo (CostUndoStack *self)
{
  g_return_val_if_fail (COST_IS_UNDO_STACK (self), FALSE);

  return replay (self, self->undo, self->redo, TRUE);
}

/**
 * cost_undo_stack_redo:
 *
 * Returns: %TRUE if a step was redone
 */
gboolean
cost_undo_stack_redo (CostUndoStack *self)
{
  g_return_val_if_fail (COST_IS_UNDO_STACK (self), FALSE);

  return replay (self, self->redo, self->undo, FALSE);
}
