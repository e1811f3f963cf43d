/* cost-bill-formats.c
 *
 * The bill formats ModelCost reads, and the mapping of a bill's columns to
 * what an import needs: one table of the header names each format gives
 * each column, which detection, mappings and the column-mapping dialog's
 * first guess all go through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-bill-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-bill-private.h"
#include "cost-types.h"

#define MAX_NAMES 8

typedef struct
{
  CostBillFormat  format;
  CostBillColumn  column;
  gboolean        required;      /* for the format to be recognised */
  const char     *names[MAX_NAMES];  /* in order of preference */
} ColumnNames;

/* FOCUS 1.x column ids; AWS CUR legacy (lineItem/…) and 2.0 (line_item_…)
 * names; Alibaba Cloud bill exports in English and Chinese. Anything else
 * goes through a mapping, whose first guess uses the generic names. */
static const ColumnNames column_names[] = {
  { COST_BILL_FORMAT_FOCUS, COST_BILL_COLUMN_MONTH, TRUE, { "ChargePeriodStart", "BillingPeriodStart" } },
  { COST_BILL_FORMAT_FOCUS, COST_BILL_COLUMN_AMOUNT, TRUE, { "BilledCost", "EffectiveCost" } },
  { COST_BILL_FORMAT_FOCUS, COST_BILL_COLUMN_CURRENCY, TRUE, { "BillingCurrency" } },
  { COST_BILL_FORMAT_FOCUS, COST_BILL_COLUMN_SERVICE_CATEGORY, FALSE, { "ServiceCategory" } },
  { COST_BILL_FORMAT_FOCUS, COST_BILL_COLUMN_SERVICE, FALSE, { "ServiceName" } },
  { COST_BILL_FORMAT_FOCUS, COST_BILL_COLUMN_RESOURCE_ID, FALSE, { "ResourceId" } },
  { COST_BILL_FORMAT_FOCUS, COST_BILL_COLUMN_TAGS, FALSE, { "Tags" } },

  { COST_BILL_FORMAT_AWS_CUR, COST_BILL_COLUMN_MONTH, TRUE,
    { "lineItem/UsageStartDate", "line_item_usage_start_date", "bill/BillingPeriodStartDate",
      "bill_billing_period_start_date" } },
  { COST_BILL_FORMAT_AWS_CUR, COST_BILL_COLUMN_AMOUNT, TRUE,
    { "lineItem/UnblendedCost", "line_item_unblended_cost" } },
  { COST_BILL_FORMAT_AWS_CUR, COST_BILL_COLUMN_CURRENCY, TRUE,
    { "lineItem/CurrencyCode", "line_item_currency_code" } },
  { COST_BILL_FORMAT_AWS_CUR, COST_BILL_COLUMN_SERVICE_CATEGORY, FALSE,
    { "product/productFamily", "product_product_family" } },
  { COST_BILL_FORMAT_AWS_CUR, COST_BILL_COLUMN_SERVICE, FALSE,
    { "product/ProductName", "product_product_name", "lineItem/ProductCode", "line_item_product_code" } },
  { COST_BILL_FORMAT_AWS_CUR, COST_BILL_COLUMN_RESOURCE_ID, FALSE,
    { "lineItem/ResourceId", "line_item_resource_id" } },
  { COST_BILL_FORMAT_AWS_CUR, COST_BILL_COLUMN_TAGS, FALSE, { "resource_tags" } },

  { COST_BILL_FORMAT_ALIYUN, COST_BILL_COLUMN_MONTH, TRUE,
    { "账期", "Billing Cycle", "BillingCycle", "账单月份", "Billing Month", "BillingMonth" } },
  { COST_BILL_FORMAT_ALIYUN, COST_BILL_COLUMN_AMOUNT, TRUE,
    { "应付金额", "税前金额", "Pretax Amount", "PretaxAmount" } },
  { COST_BILL_FORMAT_ALIYUN, COST_BILL_COLUMN_CURRENCY, FALSE, { "币种", "Currency" } },
  { COST_BILL_FORMAT_ALIYUN, COST_BILL_COLUMN_SERVICE_CATEGORY, FALSE,
    { "产品类型", "Product Type", "ProductType" } },
  { COST_BILL_FORMAT_ALIYUN, COST_BILL_COLUMN_SERVICE, FALSE,
    { "产品", "产品名称", "Product Name", "ProductName", "Product" } },
  { COST_BILL_FORMAT_ALIYUN, COST_BILL_COLUMN_RESOURCE_ID, FALSE,
    { "实例ID", "实例 ID", "Instance ID", "InstanceID", "InstanceId" } },
  { COST_BILL_FORMAT_ALIYUN, COST_BILL_COLUMN_TAGS, FALSE,
    { "实例标签", "标签", "Instance Tag", "Tag", "Tags" } },

  { COST_BILL_FORMAT_CUSTOM, COST_BILL_COLUMN_MONTH, FALSE,
    { "month", "date", "period", "月份", "日期", "账期" } },
  { COST_BILL_FORMAT_CUSTOM, COST_BILL_COLUMN_AMOUNT, FALSE,
    { "amount", "cost", "total", "金额", "费用", "应付金额" } },
  { COST_BILL_FORMAT_CUSTOM, COST_BILL_COLUMN_CURRENCY, FALSE, { "currency", "币种", "货币" } },
  { COST_BILL_FORMAT_CUSTOM, COST_BILL_COLUMN_SERVICE_CATEGORY, FALSE,
    { "service category", "category", "服务类别", "类别" } },
  { COST_BILL_FORMAT_CUSTOM, COST_BILL_COLUMN_SERVICE, FALSE,
    { "service", "product", "服务", "产品" } },
  { COST_BILL_FORMAT_CUSTOM, COST_BILL_COLUMN_RESOURCE_ID, FALSE,
    { "resource id", "resource", "instance id", "资源ID", "实例ID" } },
  { COST_BILL_FORMAT_CUSTOM, COST_BILL_COLUMN_TAGS, FALSE, { "tags", "标签" } },
};

/* Each tag of an AWS CUR has a column of its own. */
#define AWS_CUR_TAG_PREFIX "resourceTags/"

static const struct
{
  CostBillFormat  format;
  const char     *key;
  const char     *label;
} formats[] = {
  { COST_BILL_FORMAT_AUTO, "auto", N_("Detect from the columns") },
  { COST_BILL_FORMAT_FOCUS, "focus", N_("FOCUS") },
  { COST_BILL_FORMAT_AWS_CUR, "aws-cur", N_("AWS Cost and Usage Report") },
  { COST_BILL_FORMAT_ALIYUN, "aliyun", N_("Alibaba Cloud bill") },
  { COST_BILL_FORMAT_CUSTOM, "custom", N_("Other CSV, with a column mapping") },
};

/* The names of the columns in project files (a saved mapping's
 * "columns"), and for people. */
static const char * const column_keys[COST_BILL_N_COLUMNS] = {
  "month", "amount", "currency", "service_category", "service", "resource_id", "tags",
};

static const char * const column_labels[COST_BILL_N_COLUMNS] = {
  N_("Month or date"),
  N_("Amount"),
  N_("Currency"),
  N_("Service category"),
  N_("Service"),
  N_("Resource ID"),
  N_("Tags"),
};

/**
 * cost_bill_format_to_string:
 *
 * Returns: the name of @format on the command line: "focus", "aws-cur",
 *   "aliyun"
 */
const char *
cost_bill_format_to_string (CostBillFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i].format == format)
        return formats[i].key;
    }

  g_return_val_if_reached (NULL);
}

gboolean
cost_bill_format_from_string (const char     *text,
                              CostBillFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (text, formats[i].key) == 0)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cost_bill_format_get_label (CostBillFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i].format == format)
        return _(formats[i].label);
    }

  g_return_val_if_reached (NULL);
}

const char *
cost_bill_column_get_label (CostBillColumn column)
{
  g_return_val_if_fail (column < COST_BILL_N_COLUMNS, NULL);

  return _(column_labels[column]);
}

/**
 * cost_bill_column_to_string:
 *
 * Returns: the name of @column in project files: "month", "amount",
 *   "currency", "service_category", "service", "resource_id", "tags"
 */
const char *
cost_bill_column_to_string (CostBillColumn column)
{
  g_return_val_if_fail (column < COST_BILL_N_COLUMNS, NULL);

  return column_keys[column];
}

gboolean
cost_bill_column_from_string (const char     *text,
                              CostBillColumn *column)
{
  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      if (g_strcmp0 (text, column_keys[c]) == 0)
        {
          *column = c;
          return TRUE;
        }
    }

  return FALSE;
}

/* Mappings */

struct _CostBillMapping
{
  CostBillFormat  format;
  char           *columns[COST_BILL_N_COLUMNS];
  char           *currency;
  char           *tag_prefix;
};

G_DEFINE_BOXED_TYPE (CostBillMapping, cost_bill_mapping, cost_bill_mapping_copy, cost_bill_mapping_free)

/**
 * cost_bill_mapping_new:
 *
 * Returns: (transfer full): a mapping of no column, for a CSV of
 *   %COST_BILL_FORMAT_CUSTOM
 */
CostBillMapping *
cost_bill_mapping_new (void)
{
  CostBillMapping *self = g_new0 (CostBillMapping, 1);

  self->format = COST_BILL_FORMAT_CUSTOM;

  return self;
}

CostBillMapping *
cost_bill_mapping_copy (const CostBillMapping *self)
{
  CostBillMapping *copy = g_new0 (CostBillMapping, 1);

  copy->format = self->format;
  for (guint i = 0; i < COST_BILL_N_COLUMNS; i++)
    copy->columns[i] = g_strdup (self->columns[i]);
  copy->currency = g_strdup (self->currency);
  copy->tag_prefix = g_strdup (self->tag_prefix);

  return copy;
}

void
cost_bill_mapping_free (CostBillMapping *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < COST_BILL_N_COLUMNS; i++)
    g_free (self->columns[i]);
  g_free (self->currency);
  g_free (self->tag_prefix);
  g_free (self);
}

/**
 * cost_bill_mapping_get_format:
 *
 * Returns: the format the mapping was made for, %COST_BILL_FORMAT_CUSTOM
 *   for one made or changed by hand
 */
CostBillFormat
cost_bill_mapping_get_format (const CostBillMapping *self)
{
  return self->format;
}

/**
 * cost_bill_mapping_get_column:
 *
 * Returns: (nullable): the header of the column that gives @column
 */
const char *
cost_bill_mapping_get_column (const CostBillMapping *self,
                              CostBillColumn         column)
{
  g_return_val_if_fail (column < COST_BILL_N_COLUMNS, NULL);

  return self->columns[column];
}

/**
 * cost_bill_mapping_set_column:
 * @header: (nullable): the header of the column that gives @column, as
 *   the bill writes it; %NULL or "" for none
 */
void
cost_bill_mapping_set_column (CostBillMapping *self,
                              CostBillColumn   column,
                              const char      *header)
{
  g_return_if_fail (column < COST_BILL_N_COLUMNS);

  g_free (self->columns[column]);
  self->columns[column] = header != NULL && header[0] != '\0' ? g_strdup (header) : NULL;
  self->format = COST_BILL_FORMAT_CUSTOM;
}

/**
 * cost_bill_mapping_get_currency:
 *
 * Returns: (nullable): the currency of lines, when no column gives it
 */
const char *
cost_bill_mapping_get_currency (const CostBillMapping *self)
{
  return self->currency;
}

/**
 * cost_bill_mapping_set_currency:
 * @currency: (nullable): the currency of every line, for a bill without a
 *   currency column; %NULL for the project's
 */
void
cost_bill_mapping_set_currency (CostBillMapping *self,
                                const char      *currency)
{
  g_free (self->currency);
  self->currency = currency != NULL && currency[0] != '\0' ? g_strdup (currency) : NULL;
}

const char *
cost_bill_mapping_get_tag_prefix (const CostBillMapping *self)
{
  return self->tag_prefix;
}

/**
 * cost_bill_mapping_set_tag_prefix:
 * @prefix: (nullable): columns whose header starts with @prefix each give
 *   one tag, named by the rest of the header (AWS CUR's "resourceTags/")
 */
void
cost_bill_mapping_set_tag_prefix (CostBillMapping *self,
                                  const char      *prefix)
{
  g_free (self->tag_prefix);
  self->tag_prefix = prefix != NULL && prefix[0] != '\0' ? g_strdup (prefix) : NULL;
}

/* Headers compare without the spaces around them and, for Latin letters,
 * without case. */
static gboolean
header_equal (const char *header,
              const char *name)
{
  gsize len, name_len;

  /* Both trimmed: a mapping may name a header as the bill spells it,
   * spaces and all. */
  while (g_ascii_isspace (*header))
    header++;
  len = strlen (header);
  while (len > 0 && g_ascii_isspace (header[len - 1]))
    len--;
  while (g_ascii_isspace (*name))
    name++;
  name_len = strlen (name);
  while (name_len > 0 && g_ascii_isspace (name[name_len - 1]))
    name_len--;

  return name_len == len && g_ascii_strncasecmp (header, name, len) == 0;
}

/* The position of the header @name, or -1. */
static int
find_header (const char * const *headers,
             const char         *name)
{
  for (guint i = 0; headers[i] != NULL; i++)
    {
      if (header_equal (headers[i], name))
        return i;
    }

  return -1;
}

static const ColumnNames *
names_of (CostBillFormat format,
          CostBillColumn column)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    {
      if (column_names[i].format == format && column_names[i].column == column)
        return &column_names[i];
    }

  return NULL;
}

/* The header that gives @column in a bill of @format, or %NULL. */
static const char *
find_column (CostBillFormat      format,
             CostBillColumn      column,
             const char * const *headers)
{
  const ColumnNames *names = names_of (format, column);

  for (guint k = 0; names != NULL && k < MAX_NAMES && names->names[k] != NULL; k++)
    {
      int at = find_header (headers, names->names[k]);

      if (at >= 0)
        return headers[at];
    }

  return NULL;
}

static gboolean
has_prefix_column (const char * const *headers,
                   const char         *prefix)
{
  for (guint i = 0; headers[i] != NULL; i++)
    {
      if (g_str_has_prefix (headers[i], prefix))
        return TRUE;
    }

  return FALSE;
}

/**
 * cost_bill_mapping_for_format:
 * @format: a format other than %COST_BILL_FORMAT_AUTO and
 *   %COST_BILL_FORMAT_CUSTOM
 * @headers: the bill's header row
 *
 * Returns: (transfer full) (nullable): the mapping of @headers as a bill
 *   of @format; %NULL with @error naming the column it misses
 */
CostBillMapping *
cost_bill_mapping_for_format (CostBillFormat       format,
                              const char * const  *headers,
                              GError             **error)
{
  g_autoptr(CostBillMapping) self = NULL;

  g_return_val_if_fail (format != COST_BILL_FORMAT_AUTO && format != COST_BILL_FORMAT_CUSTOM, NULL);

  self = cost_bill_mapping_new ();
  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      const ColumnNames *names = names_of (format, c);
      const char *header = find_column (format, c, headers);

      if (header == NULL && names != NULL && names->required)
        {
          g_autofree char *wanted = g_strjoinv (_("” or “"), (char **) names->names);

          g_set_error (error, COST_ERROR, COST_ERROR_PARSE,
                       /* Translators: "not a FOCUS (FinOps open billing format) bill: it has no column “BilledCost” or “EffectiveCost”" */
                       _("not a bill of the format %s: it has no column “%s”"),
                       cost_bill_format_get_label (format), wanted);
          return NULL;
        }
      self->columns[c] = g_strdup (header);
    }

  if (format == COST_BILL_FORMAT_AWS_CUR && self->columns[COST_BILL_COLUMN_TAGS] == NULL &&
      has_prefix_column (headers, AWS_CUR_TAG_PREFIX))
    self->tag_prefix = g_strdup (AWS_CUR_TAG_PREFIX);

  self->format = format;

  return g_steal_pointer (&self);
}

/**
 * cost_bill_detect:
 * @headers: a bill's header row
 * @mapping: (out) (optional) (transfer full): the mapping of its format,
 *   or %NULL
 *
 * Returns: the format whose columns the bill has, or
 *   %COST_BILL_FORMAT_CUSTOM
 */
CostBillFormat
cost_bill_detect (const char * const  *headers,
                  CostBillMapping    **mapping)
{
  static const CostBillFormat known[] = {
    COST_BILL_FORMAT_FOCUS, COST_BILL_FORMAT_AWS_CUR, COST_BILL_FORMAT_ALIYUN,
  };

  if (mapping != NULL)
    *mapping = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      CostBillMapping *m = cost_bill_mapping_for_format (known[i], headers, NULL);

      if (m != NULL)
        {
          if (mapping != NULL)
            *mapping = m;
          else
            cost_bill_mapping_free (m);
          return known[i];
        }
    }

  return COST_BILL_FORMAT_CUSTOM;
}

/**
 * cost_bill_mapping_guess:
 * @headers: a bill's header row
 *
 * Returns: (transfer full): the mapping of the bill's format, or for any
 *   other CSV the columns whose names say what they give, for a person to
 *   check and complete
 */
CostBillMapping *
cost_bill_mapping_guess (const char * const *headers)
{
  static const CostBillFormat order[] = {
    COST_BILL_FORMAT_CUSTOM, COST_BILL_FORMAT_FOCUS, COST_BILL_FORMAT_AWS_CUR, COST_BILL_FORMAT_ALIYUN,
  };
  CostBillMapping *self = NULL;

  if (cost_bill_detect (headers, &self) != COST_BILL_FORMAT_CUSTOM)
    return self;

  self = cost_bill_mapping_new ();
  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      for (guint f = 0; f < G_N_ELEMENTS (order) && self->columns[c] == NULL; f++)
        self->columns[c] = g_strdup (find_column (order[f], c, headers));
    }

  return self;
}

/**
 * cost_bill_mapping_check:
 * @headers: (nullable): a bill's header row, to check the columns against
 *
 * Returns: whether the mapping names a month and an amount column, a
 *   currency that is a currency, and columns @headers has
 */
gboolean
cost_bill_mapping_check (const CostBillMapping  *self,
                         const char * const     *headers,
                         GError                **error)
{
  if (self->columns[COST_BILL_COLUMN_MONTH] == NULL)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("Choose the column that gives the month or date of each line"));
      return FALSE;
    }

  if (self->columns[COST_BILL_COLUMN_AMOUNT] == NULL)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("Choose the column that gives the amount of each line"));
      return FALSE;
    }

  if (self->currency != NULL && !cost_check_currency (self->currency, error))
    return FALSE;

  if (headers == NULL)
    return TRUE;

  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      if (self->columns[c] != NULL && find_header (headers, self->columns[c]) < 0)
        {
          g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("the bill has no column “%s”"), self->columns[c]);
          return FALSE;
        }
    }

  return TRUE;
}

/* For the reader: the position of the header a mapping names. */
int
_cost_bill_find_header (const char * const *headers,
                        const char         *name)
{
  return find_header (headers, name);
}
