/* cost-bill-rules.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cost-actuals.h"
#include "cost-json-reader.h"
#include "cost-project.h"

G_BEGIN_DECLS

/* The type of the project's "bill-rules" property: an array of rules
 * (match, tag, value, category, item, unknown members), in the order
 * they are tried. */
#define COST_BILL_RULE_TYPE_STRING  "(ssssss)"
#define COST_BILL_RULE_TYPE         ((const GVariantType *) COST_BILL_RULE_TYPE_STRING)
#define COST_BILL_RULES_TYPE_STRING "a" COST_BILL_RULE_TYPE_STRING
#define COST_BILL_RULES_TYPE        ((const GVariantType *) COST_BILL_RULES_TYPE_STRING)

#define COST_MAX_BILL_RULES 1000

/**
 * CostBillMatch:
 * @COST_BILL_MATCH_SERVICE_CATEGORY: the bill's service category (FOCUS
 *   ServiceCategory, AWS product family, Alibaba Cloud product type)
 * @COST_BILL_MATCH_SERVICE: the service or product name
 * @COST_BILL_MATCH_TAG: the value of one tag
 * @COST_BILL_MATCH_RESOURCE_ID: the resource or instance id
 *
 * What of a bill's line a rule looks at.
 */
typedef enum
{
  COST_BILL_MATCH_SERVICE_CATEGORY,
  COST_BILL_MATCH_SERVICE,
  COST_BILL_MATCH_TAG,
  COST_BILL_MATCH_RESOURCE_ID,
} CostBillMatch;

#define COST_BILL_N_MATCHES 4

/**
 * CostBillRule:
 * @match: what the rule looks at
 * @tag: the name of the tag, for %COST_BILL_MATCH_TAG; "" otherwise
 * @value: what it must be: case is ignored, `*` stands for any run of
 *   characters and `?` for one
 * @category: the id of the category the amount goes to
 * @item: the id of an item of @category, or "" for the category as a whole
 * @extras: members the program does not know, written back as they were
 *
 * A mapping rule: bill lines it matches count in @category (and @item).
 * Strings are borrowed.
 */
typedef struct
{
  CostBillMatch  match;
  const char    *tag;
  const char    *value;
  const char    *category;
  const char    *item;
  const char    *extras;
} CostBillRule;

const char *cost_bill_match_to_string   (CostBillMatch       match);
gboolean    cost_bill_match_from_string (const char         *text,
                                         CostBillMatch      *match);
const char *cost_bill_match_get_label   (CostBillMatch       match);

guint       cost_bill_rules_get_n       (GVariant           *rules);
void        cost_bill_rules_get         (GVariant           *rules,
                                         guint               position,
                                         CostBillRule       *rule);
GVariant   *cost_bill_rule_to_variant   (const CostBillRule *rule);
gboolean    cost_bill_rule_check        (const CostBillRule *rule,
                                         GError            **error);
gboolean    cost_bill_rules_check       (GVariant           *rules,
                                         GError            **error);

/* Rules ready to match many lines. */
typedef struct _CostBillMatcher CostBillMatcher;

CostBillMatcher *cost_bill_matcher_new    (CostProject        *project,
                                           GVariant           *rules);
void             cost_bill_matcher_free   (CostBillMatcher    *matcher);
gboolean         cost_bill_matcher_assign (CostBillMatcher    *matcher,
                                           const CostActual   *actual,
                                           const char        **category,
                                           const char        **item,
                                           int                *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostBillMatcher, cost_bill_matcher_free)

GVariant   *cost_bill_rules_assign      (CostProject        *project,
                                         GVariant           *actuals,
                                         GVariant           *rules,
                                         guint              *n_assigned);
gboolean    cost_bill_rules_add         (CostProject        *project,
                                         const CostBillRule *rule,
                                         guint              *n_assigned,
                                         GError            **error);
gboolean    cost_bill_rules_remove      (CostProject        *project,
                                         guint               position,
                                         GError            **error);

gboolean    cost_bill_rules_read        (CostJsonReader     *r,
                                         JsonArray          *array,
                                         GVariant          **out,
                                         GError            **error);
void        cost_bill_rule_write        (GString            *out,
                                         const CostBillRule *rule);

G_END_DECLS
