/* cost-csv-private.h
 *
 * Reading CSV as a stream, for bills (cost-csv.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <csv.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Longer fields are refused. */
#define COST_CSV_MAX_FIELD_BYTES (1024 * 1024)

typedef void (*CostCsvProgressFunc) (guint64  done,
                                     guint64  total,
                                     gpointer user_data);

typedef struct _CostCsv CostCsv;

/* Called with each row; returns FALSE with an error to stop. */
typedef gboolean (*CostCsvRowFunc) (CostCsv  *csv,
                                    gpointer  data,
                                    GError  **error);

struct _CostCsv
{
  struct csv_parser  parser;
  char              *name;        /* of the file, for messages */
  guint64            line;        /* the line being fed, from 1 */
  guint64            row_line;    /* the line the current row starts on */
  guint64            next_line;   /* the line after the last row */
  guint              n_fields;    /* fields of the current row so far */
  GPtrArray         *fields;      /* GString, kept from row to row */
  const gboolean    *wanted;      /* the fields to keep, or NULL for all */
  guint              n_wanted;
  CostCsvRowFunc     row;
  gpointer           data;
  GError            *error;
  gboolean           stop;        /* the row function has all it wants */
  gboolean           started;     /* past the byte-order mark */
  char               head[3];     /* the first bytes, until they tell */
  gsize              head_len;
};

void        cost_csv_init         (CostCsv              *csv,
                                   const char           *name,
                                   CostCsvRowFunc        row,
                                   gpointer              data);
void        cost_csv_clear        (CostCsv              *csv);
gboolean    cost_csv_fail         (CostCsv              *csv,
                                   guint64               line,
                                   GError              **error,
                                   const char           *format,
                                   ...) G_GNUC_PRINTF (4, 5);
const char *cost_csv_field_text   (CostCsv              *csv,
                                   guint                 index);
gsize       cost_csv_field_len    (CostCsv              *csv,
                                   guint                 index);
gboolean    cost_csv_feed         (CostCsv              *csv,
                                   const char           *data,
                                   gsize                 len,
                                   GError              **error);
gboolean    cost_csv_finish       (CostCsv              *csv,
                                   GError              **error);
gboolean    cost_csv_read_file    (CostCsv              *csv,
                                   GFile                *file,
                                   CostCsvProgressFunc   progress,
                                   gpointer              user_data,
                                   GCancellable         *cancellable,
                                   GError              **error);
char       *cost_csv_shown        (const char           *text,
                                   gsize                 len);
gboolean    cost_csv_check_text   (CostCsv              *csv,
                                   guint                 index,
                                   const char           *header,
                                   GError              **error);
char      **cost_csv_read_headers (CostCsv              *csv,
                                   GError              **error);

G_END_DECLS
