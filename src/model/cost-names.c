/* cost-names.c
 *
 * The standard names of categories, items and units. A project file keeps
 * them in English; they are shown in the user's language as long as the user
 * has not renamed them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-names"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-names.h"

static const struct {
  const char *id;
  const char *name;
  const char *color;
} default_categories[] = {
  { "compute", N_("Compute"), "#0072b2" },
  { "data", N_("Data"), "#e69f00" },
  { "labor", N_("Labor"), "#009e73" },
  { "operations", N_("Operations"), "#cc79a7" },
};

static const char *standard_names[] = {
  N_("Compute"),
  N_("Data"),
  N_("Labor"),
  N_("Operations"),
  N_("Training"),
  N_("Licences"),
  N_("GPU"),
  N_("GPUs"),
  N_("Storage"),
  N_("Network bandwidth"),
  N_("Data collection"),
  N_("Data cleaning"),
  N_("Data storage"),
  N_("Data engineers"),
  N_("Algorithm engineers"),
  N_("Ops engineers"),
  N_("Servers"),
  N_("Network devices"),
  N_("Security devices"),
  N_("Power"),
  /* units */
  N_("TB"),
  N_("Mbps"),
  N_("person"),
  N_("people"),
  N_("server"),
  N_("device"),
  N_("devices"),
};

guint
cost_names_get_n_default_categories (void)
{
  return G_N_ELEMENTS (default_categories);
}

/**
 * cost_names_get_default_category:
 * @name: (out): the English name, as stored in files
 */
void
cost_names_get_default_category (guint        position,
                                 const char **id,
                                 const char **name,
                                 const char **color)
{
  g_return_if_fail (position < G_N_ELEMENTS (default_categories));

  if (id != NULL)
    *id = default_categories[position].id;
  if (name != NULL)
    *name = default_categories[position].name;
  if (color != NULL)
    *color = default_categories[position].color;
}

/**
 * cost_names_translate:
 * @stored: a name as stored in a project
 *
 * Returns: the translation of @stored if it is one of the standard names,
 *   otherwise @stored itself
 */
const char *
cost_names_translate (const char *stored)
{
  if (stored == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (standard_names); i++)
    {
      if (strcmp (stored, standard_names[i]) == 0)
        return _(standard_names[i]);
    }

  return stored;
}
