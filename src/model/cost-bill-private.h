/* cost-bill-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-bill.h"
#include "cost-csv-private.h"

G_BEGIN_DECLS

/* The lines of one month, currency and set of things rules match on. */
typedef struct
{
  int         month;
  const char *currency;          /* "" for the project's */
  const char *service_category;
  const char *service;
  const char *resource_id;
  const char *tags;              /* pairs, each text with its length before it */
  double      sum;
  double      compensation;      /* of the sum, Neumaier's */
  guint64     rows;
} Group;

struct _CostBill
{
  char           *name;
  CostBillFormat  format;
  GPtrArray      *groups;        /* Group, in the order first met */
  GStringChunk   *strings;
  guint64         rows;
  int             first_month;
  int             last_month;
};

CostBill *_cost_bill_new         (const char             *basename);

int       _cost_bill_find_header (const char * const     *headers,
                                  const char             *name);
CostBill *_cost_bill_read_data   (const char             *name,
                                  const char             *data,
                                  gsize                   length,
                                  gsize                   piece_bytes,
                                  CostBillFormat          format,
                                  const CostBillMapping  *mapping,
                                  GError                **error);

G_END_DECLS
