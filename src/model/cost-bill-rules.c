/* cost-bill-rules.c
 *
 * Mapping rules: which category (and item) the lines of a bill count in.
 * A project keeps its rules in one GVariant array, its "bill-rules"
 * property, in the order they are tried: the first rule that matches a line
 * and whose category (and item) the project has assigns it. A bill is
 * matched when it is imported (cost-bill.c), and the amounts no rule
 * matched when a rule is added (cost_bill_rules_add()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-bill-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-bill-rules.h"
#include "cost-json-writer.h"
#include "cost-types.h"

/* The one table of what a rule can match on: files, forms and matching
 * walk it. */
static const struct
{
  CostBillMatch  match;
  const char    *key;
  const char    *label;
} matches[] = {
  { COST_BILL_MATCH_SERVICE_CATEGORY, "service_category", N_("Service category") },
  { COST_BILL_MATCH_SERVICE, "service", N_("Service") },
  { COST_BILL_MATCH_TAG, "tag", N_("Tag") },
  { COST_BILL_MATCH_RESOURCE_ID, "resource_id", N_("Resource ID") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (matches) == COST_BILL_N_MATCHES);

/**
 * cost_bill_match_to_string:
 *
 * Returns: the name of @match in project files: "service_category",
 *   "service", "tag", "resource_id"
 */
const char *
cost_bill_match_to_string (CostBillMatch match)
{
  g_return_val_if_fail (match < COST_BILL_N_MATCHES, NULL);

  return matches[match].key;
}

gboolean
cost_bill_match_from_string (const char    *text,
                             CostBillMatch *match)
{
  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    {
      if (g_strcmp0 (text, matches[i].key) == 0)
        {
          *match = matches[i].match;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cost_bill_match_get_label:
 *
 * Returns: the name of @match for people, translated
 */
const char *
cost_bill_match_get_label (CostBillMatch match)
{
  g_return_val_if_fail (match < COST_BILL_N_MATCHES, NULL);

  return _(matches[match].label);
}

guint
cost_bill_rules_get_n (GVariant *rules)
{
  return rules != NULL ? g_variant_n_children (rules) : 0;
}

/**
 * cost_bill_rules_get:
 * @rule: (out caller-allocates): the rule at @position, its strings
 *   borrowed from @rules
 */
void
cost_bill_rules_get (GVariant     *rules,
                     guint         position,
                     CostBillRule *rule)
{
  g_autoptr(GVariant) child = NULL;
  const char *match;

  g_return_if_fail (position < cost_bill_rules_get_n (rules));

  /* The child's strings lie in the memory of @rules. */
  child = g_variant_get_child_value (rules, position);
  g_variant_get (child, "(&s&s&s&s&s&s)", &match, &rule->tag, &rule->value, &rule->category,
                 &rule->item, &rule->extras);
  if (!cost_bill_match_from_string (match, &rule->match))
    rule->match = COST_BILL_MATCH_SERVICE;
}

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/**
 * cost_bill_rule_to_variant:
 *
 * Returns: (transfer floating): @rule as one element of the type
 *   %COST_BILL_RULES_TYPE
 */
GVariant *
cost_bill_rule_to_variant (const CostBillRule *rule)
{
  return g_variant_new ("(ssssss)", cost_bill_match_to_string (rule->match),
                        rule->match == COST_BILL_MATCH_TAG ? or_empty (rule->tag) : "",
                        or_empty (rule->value), or_empty (rule->category), or_empty (rule->item),
                        or_empty (rule->extras));
}

/**
 * cost_bill_rule_check:
 *
 * Returns: whether @rule is one a project can keep; it need not name a
 *   category the project has (a rule whose category is gone matches
 *   nothing)
 */
gboolean
cost_bill_rule_check (const CostBillRule  *rule,
                      GError             **error)
{
  if (rule->match >= COST_BILL_N_MATCHES)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("a rule matches on a service category, a service, a tag or a resource id"));
      return FALSE;
    }

  if (rule->match == COST_BILL_MATCH_TAG && (rule->tag == NULL || rule->tag[0] == '\0'))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("a rule on a tag needs the tag’s name"));
      return FALSE;
    }

  if (rule->value == NULL || rule->value[0] == '\0')
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("a rule needs a value to match"));
      return FALSE;
    }

  if (rule->category == NULL || rule->category[0] == '\0')
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("a rule needs the category the amounts go to"));
      return FALSE;
    }

  return cost_check_text (rule->tag, error) && cost_check_text (rule->value, error) &&
         cost_check_text (rule->category, error) && cost_check_text (rule->item, error) &&
         cost_check_text (rule->extras, error);
}

/**
 * cost_bill_rules_check:
 * @rules: (nullable): rules of the type %COST_BILL_RULES_TYPE
 */
gboolean
cost_bill_rules_check (GVariant  *rules,
                       GError   **error)
{
  guint n;

  if (rules == NULL)
    return TRUE;

  if (!g_variant_is_of_type (rules, COST_BILL_RULES_TYPE))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("not a list of mapping rules"));
      return FALSE;
    }

  n = g_variant_n_children (rules);
  if (n > COST_MAX_BILL_RULES)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT, _("a project keeps at most %d mapping rules"),
                   COST_MAX_BILL_RULES);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (rules, i);
      const char *match;
      CostBillRule rule;

      g_variant_get (child, "(&s&s&s&s&s&s)", &match, &rule.tag, &rule.value, &rule.category,
                     &rule.item, &rule.extras);
      if (!cost_bill_match_from_string (match, &rule.match))
        rule.match = COST_BILL_N_MATCHES;
      if (!cost_bill_rule_check (&rule, error))
        return FALSE;
    }

  return TRUE;
}

/* Matching */

typedef struct
{
  CostBillMatch  match;
  char          *tag;       /* case-folded */
  GPatternSpec  *pattern;   /* of the case-folded value */
  char          *category;
  char          *item;
  gboolean       usable;    /* the project has its category and item */
} Compiled;

struct _CostBillMatcher
{
  GArray *rules;   /* Compiled */
};

static void
compiled_clear (Compiled *c)
{
  g_free (c->tag);
  g_clear_pointer (&c->pattern, g_pattern_spec_free);
  g_free (c->category);
  g_free (c->item);
}

/**
 * cost_bill_matcher_new:
 * @rules: (nullable): the rules, in the order they are tried
 *
 * Prepares @rules for matching many bill lines. The matcher holds no
 * reference to @project: it may match in another thread.
 *
 * Returns: (transfer full): a matcher
 */
CostBillMatcher *
cost_bill_matcher_new (CostProject *project,
                       GVariant    *rules)
{
  CostBillMatcher *self = g_new0 (CostBillMatcher, 1);
  guint n = cost_bill_rules_get_n (rules);

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  self->rules = g_array_sized_new (FALSE, TRUE, sizeof (Compiled), n);
  g_array_set_clear_func (self->rules, (GDestroyNotify) compiled_clear);

  for (guint i = 0; i < n; i++)
    {
      CostBillRule rule;
      Compiled c = { 0, };
      g_autofree char *folded = NULL;
      CostCategory *category;

      cost_bill_rules_get (rules, i, &rule);
      folded = g_utf8_casefold (rule.value, -1);
      c.match = rule.match;
      c.tag = g_utf8_casefold (rule.tag, -1);
      c.pattern = g_pattern_spec_new (folded);
      c.category = g_strdup (rule.category);
      c.item = g_strdup (rule.item);
      category = cost_project_find_category (project, rule.category, NULL);
      c.usable = category != NULL &&
                 (rule.item[0] == '\0' || cost_category_find_item (category, rule.item, NULL) != NULL);
      g_array_append_val (self->rules, c);
    }

  return self;
}

void
cost_bill_matcher_free (CostBillMatcher *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rules);
  g_free (self);
}

static gboolean
matches_text (Compiled   *c,
              const char *text,
              char      **folded)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;

  if (*folded == NULL)
    *folded = g_utf8_casefold (text, -1);

  return g_pattern_spec_match_string (c->pattern, *folded);
}

static gboolean
matches_tag (Compiled         *c,
             const CostActual *actual)
{
  GVariantIter iter;
  const char *key, *value;

  if (actual->tags == NULL)
    return FALSE;

  g_variant_iter_init (&iter, actual->tags);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    {
      g_autofree char *folded_key = g_utf8_casefold (key, -1);
      g_autofree char *folded_value = NULL;

      if (strcmp (folded_key, c->tag) == 0 && matches_text (c, value, &folded_value))
        return TRUE;
    }

  return FALSE;
}

/**
 * cost_bill_matcher_assign:
 * @actual: what a bill line can be matched on
 * @category: (out) (transfer none): the category of the first rule that
 *   matches, valid as long as @self
 * @item: (out) (transfer none): its item, or ""
 * @rule: (out) (optional): the position of the rule
 *
 * Returns: whether a rule whose category the project has matches @actual
 */
gboolean
cost_bill_matcher_assign (CostBillMatcher   *self,
                          const CostActual  *actual,
                          const char       **category,
                          const char       **item,
                          int               *rule)
{
  g_autofree char *service_category = NULL;
  g_autofree char *service = NULL;
  g_autofree char *resource_id = NULL;

  for (guint i = 0; i < self->rules->len; i++)
    {
      Compiled *c = &g_array_index (self->rules, Compiled, i);
      gboolean matched = FALSE;

      if (!c->usable)
        continue;

      switch (c->match)
        {
        case COST_BILL_MATCH_SERVICE_CATEGORY:
          matched = matches_text (c, actual->service_category, &service_category);
          break;
        case COST_BILL_MATCH_SERVICE:
          matched = matches_text (c, actual->service, &service);
          break;
        case COST_BILL_MATCH_RESOURCE_ID:
          matched = matches_text (c, actual->resource_id, &resource_id);
          break;
        case COST_BILL_MATCH_TAG:
          matched = matches_tag (c, actual);
          break;
        default:
          g_assert_not_reached ();
        }

      if (matched)
        {
          *category = c->category;
          *item = c->item;
          if (rule != NULL)
            *rule = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cost_bill_rules_assign:
 * @actuals: (nullable): a project's records of actual spending
 * @rules: (nullable): the rules to apply
 * @n_assigned: (out) (optional): how many unassigned records a rule
 *   assigned
 *
 * Assigns the unassigned records of @actuals that a rule of @rules
 * matches: each goes to the rule's category and item, and joins a record
 * of the same month, category, item, source and currency if there is one.
 *
 * Returns: (transfer full) (nullable): the records, %NULL when there are
 *   none
 */
GVariant *
cost_bill_rules_assign (CostProject *project,
                        GVariant    *actuals,
                        GVariant    *rules,
                        guint       *n_assigned)
{
  g_autoptr(CostBillMatcher) matcher = cost_bill_matcher_new (project, rules);
  g_autoptr(GPtrArray) records = NULL;
  guint n = cost_actuals_get_n (actuals);
  guint assigned = 0;
  GVariant *result;

  records = g_ptr_array_new_full (n, (GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < n; i++)
    {
      g_auto(CostActual) actual = { 0, };
      const char *category, *item;

      cost_actuals_get (actuals, i, &actual);
      if (!cost_actual_is_assigned (&actual) &&
          cost_bill_matcher_assign (matcher, &actual, &category, &item, NULL))
        {
          CostActual moved = actual;

          moved.category = category;
          moved.item = item;
          moved.service_category = moved.service = moved.resource_id = "";
          moved.tags = NULL;
          g_ptr_array_add (records, g_variant_ref_sink (cost_actual_to_variant (&moved)));
          assigned++;
        }
      else
        g_ptr_array_add (records, g_variant_get_child_value (actuals, i));
    }

  if (n_assigned != NULL)
    *n_assigned = assigned;

  if (assigned == 0)
    return actuals != NULL ? g_variant_ref (actuals) : NULL;

  /* Fewer records than before: the limit holds. */
  result = cost_actuals_sort (records, TRUE, NULL);
  g_assert (result != NULL);

  return g_variant_ref_sink (result);
}

/**
 * cost_bill_rules_add:
 * @rule: a new rule, tried after the project's others
 * @n_assigned: (out) (optional): how many unassigned records it assigned
 *
 * Adds @rule to the project's rules and assigns the unassigned amounts the
 * rules now match, in one change.
 *
 * Returns: %FALSE with @error when @rule is not valid or the project
 *   already has %COST_MAX_BILL_RULES rules
 */
gboolean
cost_bill_rules_add (CostProject         *project,
                     const CostBillRule  *rule,
                     guint               *n_assigned,
                     GError             **error)
{
  GVariant *rules = cost_project_get_bill_rules (project);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GVariant) new_rules = NULL;
  g_autoptr(GVariant) actuals = NULL;
  guint n = cost_bill_rules_get_n (rules);
  gboolean ok;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);

  if (!cost_bill_rule_check (rule, error))
    return FALSE;

  if (n >= COST_MAX_BILL_RULES)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT, _("a project keeps at most %d mapping rules"),
                   COST_MAX_BILL_RULES);
      return FALSE;
    }

  children = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (children, g_variant_get_child_value (rules, i));
  g_ptr_array_add (children, g_variant_ref_sink (cost_bill_rule_to_variant (rule)));
  new_rules = g_variant_ref_sink (g_variant_new_array (COST_BILL_RULE_TYPE, (GVariant **) children->pdata,
                                                       children->len));

  actuals = cost_bill_rules_assign (project, cost_project_get_actuals (project), new_rules, n_assigned);

  cost_project_begin_change (project);
  ok = cost_project_set_bill_rules (project, new_rules, error) &&
       cost_project_set_actuals (project, actuals, error);
  cost_project_end_change (project);

  return ok;
}

/**
 * cost_bill_rules_remove:
 *
 * Removes the rule at @position. The amounts it assigned stay where they
 * are; importing their bill again applies the rules as they are then.
 */
gboolean
cost_bill_rules_remove (CostProject  *project,
                        guint         position,
                        GError      **error)
{
  GVariant *rules = cost_project_get_bill_rules (project);
  g_autoptr(GPtrArray) children = NULL;
  guint n = cost_bill_rules_get_n (rules);

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (position < n, FALSE);

  children = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < n; i++)
    {
      if (i != position)
        g_ptr_array_add (children, g_variant_get_child_value (rules, i));
    }

  return cost_project_set_bill_rules (project,
                                      children->len > 0 ?
                                        g_variant_new_array (COST_BILL_RULE_TYPE, (GVariant **) children->pdata,
                                                             children->len) : NULL,
                                      error);
}

/* Reading and writing project files */

static const char * const rule_keys[] = {
  "match", "tag", "value", "category", "item", NULL
};

/* `{"match": "service", "value": "Amazon EC2", "category": "compute",
 * "item": "gpu"}`, `{"match": "tag", "tag": "team", "value": "search",
 * "category": "labor"}` */
static GVariant *
read_rule (CostJsonReader  *r,
           JsonObject      *object,
           GError         **error)
{
  CostBillRule rule = { 0, };
  const char *match;
  g_autoptr(JsonObject) extras = NULL;
  g_autoptr(GString) text = NULL;

  if (!cost_json_reader_string (r, object, "match", TRUE, &match, error))
    return NULL;
  if (!cost_bill_match_from_string (match, &rule.match))
    {
      cost_json_reader_fail (r, "match", error, _("must be one of service_category, service, tag, resource_id"));
      return NULL;
    }

  if (!cost_json_reader_string (r, object, "tag", rule.match == COST_BILL_MATCH_TAG, &rule.tag, error) ||
      !cost_json_reader_string (r, object, "value", TRUE, &rule.value, error) ||
      !cost_json_reader_string (r, object, "category", TRUE, &rule.category, error) ||
      !cost_json_reader_string (r, object, "item", FALSE, &rule.item, error) ||
      !cost_json_reader_extras (r, object, rule_keys, &extras, error))
    return NULL;

  if (rule.match != COST_BILL_MATCH_TAG && rule.tag[0] != '\0')
    {
      cost_json_reader_fail (r, "tag", error, _("only goes with \"match\": \"tag\""));
      return NULL;
    }
  if (rule.match == COST_BILL_MATCH_TAG && rule.tag[0] == '\0')
    {
      cost_json_reader_fail (r, "tag", error, _("must name a tag"));
      return NULL;
    }
  if (rule.value[0] == '\0')
    {
      cost_json_reader_fail (r, "value", error, _("must not be empty"));
      return NULL;
    }
  if (rule.category[0] == '\0')
    {
      cost_json_reader_fail (r, "category", error, _("must not be empty"));
      return NULL;
    }

  text = g_string_new (NULL);
  cost_json_append_members (text, extras);
  rule.extras = text->str;

  return g_variant_ref_sink (cost_bill_rule_to_variant (&rule));
}

/**
 * cost_bill_rules_read:
 * @array: the project's "bill_rules" member, of at most
 *   %COST_MAX_BILL_RULES elements
 * @out: (out) (transfer full) (nullable): the rules, %NULL for none
 */
gboolean
cost_bill_rules_read (CostJsonReader  *r,
                      JsonArray       *array,
                      GVariant       **out,
                      GError         **error)
{
  guint n = json_array_get_length (array);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  gsize saved = cost_json_reader_push_key (r, "bill_rules");

  *out = NULL;
  for (guint i = 0; i < n; i++)
    {
      gsize saved_index = cost_json_reader_push_index (r, i);
      JsonObject *object = cost_json_reader_element (r, array, i, error);
      GVariant *rule;

      if (object == NULL || (rule = read_rule (r, object, error)) == NULL)
        return FALSE;

      g_ptr_array_add (rules, rule);
      cost_json_reader_pop (r, saved_index);
    }
  cost_json_reader_pop (r, saved);

  if (n > 0)
    *out = g_variant_ref_sink (g_variant_new_array (COST_BILL_RULE_TYPE, (GVariant **) rules->pdata, n));

  return TRUE;
}

/**
 * cost_bill_rule_write:
 *
 * Appends @rule as a project file writes it, on one line.
 */
void
cost_bill_rule_write (GString            *out,
                      const CostBillRule *rule)
{
  g_string_append (out, "{\"match\": ");
  cost_json_append_string (out, cost_bill_match_to_string (rule->match));
  if (rule->match == COST_BILL_MATCH_TAG)
    {
      g_string_append (out, ", \"tag\": ");
      cost_json_append_string (out, rule->tag);
    }
  g_string_append (out, ", \"value\": ");
  cost_json_append_string (out, rule->value);
  g_string_append (out, ", \"category\": ");
  cost_json_append_string (out, rule->category);
  if (rule->item[0] != '\0')
    {
      g_string_append (out, ", \"item\": ");
      cost_json_append_string (out, rule->item);
    }
  if (rule->extras[0] != '\0')
    {
      g_string_append (out, ", ");
      g_string_append (out, rule->extras);
    }
  g_string_append_c (out, '}');
}
