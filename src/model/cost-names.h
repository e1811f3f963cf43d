/* cost-names.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       cost_names_get_n_default_categories (void);
void        cost_names_get_default_category     (guint        position,
                                                 const char **id,
                                                 const char **name,
                                                 const char **color);
const char *cost_names_translate                (const char  *stored);
char       *cost_names_format_quantity          (double       quantity,
                                                 const char  *number,
                                                 const char  *unit);

G_END_DECLS
