/* cost-bill-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-bill.h"

G_BEGIN_DECLS

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
