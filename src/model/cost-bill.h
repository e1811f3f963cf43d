/* cost-bill.h
 *
 * Bills into a project's actual spending. An application imports one in
 * three steps: cost_bill_preview_read() shows its first rows, with the
 * format its header row tells and a first column mapping for any other
 * CSV; cost_bill_read_async() reads it in a thread, with progress and a
 * #GCancellable; cost_bill_apply() brings it into the project in one
 * change (one step of the undo history) and says what it did in a
 * #CostBillReport. cost_bill_import() does the last two at once, for the
 * command line. Mapping rules (cost-bill-rules.h) assign the lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-project.h"

G_BEGIN_DECLS

/**
 * CostBillFormat:
 * @COST_BILL_FORMAT_AUTO: tell the format from the header row
 * @COST_BILL_FORMAT_FOCUS: FOCUS, the FinOps open billing format
 * @COST_BILL_FORMAT_AWS_CUR: AWS Cost and Usage Report (legacy or 2.0)
 * @COST_BILL_FORMAT_ALIYUN: an Alibaba Cloud bill export, English or
 *   Chinese headers
 * @COST_BILL_FORMAT_CUSTOM: any other CSV, read through a column mapping
 */
typedef enum
{
  COST_BILL_FORMAT_AUTO,
  COST_BILL_FORMAT_FOCUS,
  COST_BILL_FORMAT_AWS_CUR,
  COST_BILL_FORMAT_ALIYUN,
  COST_BILL_FORMAT_CUSTOM,
} CostBillFormat;

/**
 * CostBillColumn:
 * @COST_BILL_COLUMN_MONTH: the date or billing month of a line (required)
 * @COST_BILL_COLUMN_AMOUNT: its amount (required); negative for refunds
 *   and credits
 * @COST_BILL_COLUMN_CURRENCY: its currency (else the mapping's currency)
 * @COST_BILL_COLUMN_SERVICE_CATEGORY: its service category
 * @COST_BILL_COLUMN_SERVICE: its service or product name
 * @COST_BILL_COLUMN_RESOURCE_ID: its resource or instance id
 * @COST_BILL_COLUMN_TAGS: its tags, a JSON object (`{"team": "search"}`)
 *   or pairs (`team:search;env:prod`)
 *
 * What a column of a bill gives.
 */
typedef enum
{
  COST_BILL_COLUMN_MONTH,
  COST_BILL_COLUMN_AMOUNT,
  COST_BILL_COLUMN_CURRENCY,
  COST_BILL_COLUMN_SERVICE_CATEGORY,
  COST_BILL_COLUMN_SERVICE,
  COST_BILL_COLUMN_RESOURCE_ID,
  COST_BILL_COLUMN_TAGS,
} CostBillColumn;

#define COST_BILL_N_COLUMNS 7

const char     *cost_bill_format_to_string    (CostBillFormat   format);
gboolean        cost_bill_format_from_string  (const char      *text,
                                               CostBillFormat  *format);
const char     *cost_bill_format_get_label    (CostBillFormat   format);
const char     *cost_bill_column_get_label    (CostBillColumn   column);
const char     *cost_bill_column_to_string    (CostBillColumn   column);
gboolean        cost_bill_column_from_string  (const char      *text,
                                               CostBillColumn  *column);

/* Which column of a bill gives what. */
typedef struct _CostBillMapping CostBillMapping;

#define COST_TYPE_BILL_MAPPING (cost_bill_mapping_get_type ())

GType            cost_bill_mapping_get_type       (void) G_GNUC_CONST;
CostBillMapping *cost_bill_mapping_new            (void);
CostBillMapping *cost_bill_mapping_copy           (const CostBillMapping  *self);
void             cost_bill_mapping_free           (CostBillMapping        *self);
CostBillFormat   cost_bill_mapping_get_format     (const CostBillMapping  *self);
const char      *cost_bill_mapping_get_column     (const CostBillMapping  *self,
                                                   CostBillColumn          column);
void             cost_bill_mapping_set_column     (CostBillMapping        *self,
                                                   CostBillColumn          column,
                                                   const char             *header);
const char      *cost_bill_mapping_get_currency   (const CostBillMapping  *self);
void             cost_bill_mapping_set_currency   (CostBillMapping        *self,
                                                   const char             *currency);
const char      *cost_bill_mapping_get_tag_prefix (const CostBillMapping  *self);
void             cost_bill_mapping_set_tag_prefix (CostBillMapping        *self,
                                                   const char             *prefix);
gboolean         cost_bill_mapping_check          (const CostBillMapping  *self,
                                                   const char * const     *headers,
                                                   GError                **error);

CostBillFormat   cost_bill_detect                 (const char * const     *headers,
                                                   CostBillMapping       **mapping);
CostBillMapping *cost_bill_mapping_for_format     (CostBillFormat          format,
                                                   const char * const     *headers,
                                                   GError                **error);
CostBillMapping *cost_bill_mapping_guess          (const char * const     *headers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostBillMapping, cost_bill_mapping_free)

/**
 * CostBillPreview:
 * @headers: the header row
 * @rows: (element-type GStrv): the first rows after it, as they are
 * @format: the format the header row tells, or %COST_BILL_FORMAT_CUSTOM
 * @mapping: the mapping of @format, or a guess from the headers' names
 *
 * The start of a bill, for a dialog that maps its columns.
 */
typedef struct
{
  char            **headers;
  GPtrArray        *rows;
  CostBillFormat    format;
  CostBillMapping  *mapping;
} CostBillPreview;

CostBillPreview *cost_bill_preview_read (GFile           *file,
                                         guint            max_rows,
                                         GCancellable    *cancellable,
                                         GError         **error);
void             cost_bill_preview_free (CostBillPreview *preview);

/**
 * CostBillPreviewLine:
 * @month: its calendar month (cost-month.h)
 * @amount: its amount
 * @currency: its currency code, the mapping's currency, or "" for the
 *   project's
 * @service: its service, or ""
 *
 * How a row of a preview reads through a mapping.
 */
typedef struct
{
  int         month;
  double      amount;
  char        currency[4];
  const char *service;
} CostBillPreviewLine;

gboolean         cost_bill_preview_read_line (const CostBillPreview  *preview,
                                              const CostBillMapping  *mapping,
                                              guint                   row,
                                              CostBillPreviewLine    *line,
                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostBillPreview, cost_bill_preview_free)

/**
 * CostBillProgressFunc:
 * @done: bytes of the bill read so far
 * @total: its size in bytes (0 when unknown)
 *
 * Called as a bill is read, a hundred times at most.
 */
typedef void (*CostBillProgressFunc) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

/* A bill read, its lines summed by month, currency and what rules can
 * match on; no project involved, so that it can be read in a thread. */
typedef struct _CostBill CostBill;

CostBill       *cost_bill_read         (GFile                  *file,
                                        CostBillFormat          format,
                                        const CostBillMapping  *mapping,
                                        CostBillProgressFunc    progress,
                                        gpointer                user_data,
                                        GCancellable           *cancellable,
                                        GError                **error);
void            cost_bill_read_async   (GFile                  *file,
                                        CostBillFormat          format,
                                        const CostBillMapping  *mapping,
                                        CostBillProgressFunc    progress,
                                        gpointer                progress_data,
                                        GDestroyNotify          progress_destroy,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);
CostBill       *cost_bill_read_finish  (GAsyncResult           *result,
                                        GError                **error);
void            cost_bill_free         (CostBill               *bill);
CostBillFormat  cost_bill_get_format   (const CostBill         *bill);
const char     *cost_bill_get_name     (const CostBill         *bill);
guint64         cost_bill_get_n_rows   (const CostBill         *bill);
guint           cost_bill_get_n_groups (const CostBill         *bill);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostBill, cost_bill_free)

/**
 * CostBillReport:
 * @source: the source the records carry: the bill's file name
 * @format: the bill's format
 * @rows: lines read
 * @records: records the bill became in the project
 * @replaced: records of an earlier import of the same source, in the
 *   bill's months, that it replaced
 * @rows_assigned: lines a rule assigned to a category
 * @rows_unassigned: lines no rule matched: kept as unassigned
 * @rows_outside: lines of months outside the plan: kept, not compared
 * @first_month: the bill's first month (cost-month.h)
 * @last_month: its last month
 * @start_set: the project had no start month: it starts with the bill
 * @currency_assumed: (nullable): the bill names no currency: its amounts
 *   were taken to be in this one, the project's
 * @missing_rates: currencies of the bill the project has no exchange rate
 *   for: their amounts are kept but left out of the figures
 * @mapping_name: (nullable): the name of the column mapping the project
 *   keeps that read the bill (cost-bill-mappings.h)
 *
 * What an import did.
 */
typedef struct
{
  char           *source;
  CostBillFormat  format;
  guint64         rows;
  guint           records;
  guint           replaced;
  guint64         rows_assigned;
  guint64         rows_unassigned;
  guint64         rows_outside;
  int             first_month;
  int             last_month;
  gboolean        start_set;
  char           *currency_assumed;
  GStrv           missing_rates;
  char           *mapping_name;
} CostBillReport;

void      cost_bill_report_clear (CostBillReport         *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CostBillReport, cost_bill_report_clear)

gboolean  cost_bill_apply        (CostProject            *project,
                                  const CostBill         *bill,
                                  const char             *source,
                                  CostBillReport         *report,
                                  GError                **error);
gboolean  cost_bill_import       (CostProject            *project,
                                  GFile                  *file,
                                  CostBillFormat          format,
                                  const CostBillMapping  *mapping,
                                  CostBillProgressFunc    progress,
                                  gpointer                user_data,
                                  GCancellable           *cancellable,
                                  CostBillReport         *report,
                                  GError                **error);

G_END_DECLS
