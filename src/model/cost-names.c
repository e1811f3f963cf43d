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
#include <math.h>
#include <string.h>

#include "cost-example-strings.h"
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
 * Returns: the translation of @stored if it is one of the standard names
 *   or a name or text of the bundled examples, otherwise @stored itself
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
  /* The examples keep English in their files, as projects do. */
  for (guint i = 0; i < G_N_ELEMENTS (example_strings); i++)
    {
      if (strcmp (stored, example_strings[i]) == 0)
        return _(example_strings[i]);
    }

  return stored;
}

/* The units that are counted: a quantity of them takes the plural form its
 * number asks for in the user's language. Each is known by its singular
 * and its plural, as a project may store either. */
static const struct {
  const char *one;
  const char *other;
} counted_units[] = {
  { "person", "people" },
  { "server", "servers" },
  { "device", "devices" },
  { "node", "nodes" },
  { "GPU", "GPUs" },
  { "instance", "instances" },
  { "engineer", "engineers" },
  { "licence", "licences" },
  { "batch", "batches" },
  { "service", "services" },
};

/* Spelt out, one call each, so that the strings are found for translation. */
static char *
counted_quantity (guint       index,
                  gulong      n,
                  const char *number)
{
  switch (index)
    {
    /* Translators: a number of people: "1 person", "10 people" */
    case 0: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", n), number);
    /* Translators: a number of servers */
    case 1: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s server", "%s servers", n), number);
    /* Translators: a number of devices (network, security) */
    case 2: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s device", "%s devices", n), number);
    /* Translators: a number of nodes of a cluster */
    case 3: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s node", "%s nodes", n), number);
    /* Translators: a number of GPUs */
    case 4: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s GPU", "%s GPUs", n), number);
    /* Translators: a number of cloud instances */
    case 5: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s instance", "%s instances", n), number);
    /* Translators: a number of engineers */
    case 6: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s engineer", "%s engineers", n), number);
    /* Translators: a number of software licences */
    case 7: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s licence", "%s licences", n), number);
    /* Translators: a number of batches (of data work) */
    case 8: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s batch", "%s batches", n), number);
    /* Translators: a number of services */
    case 9: return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s service", "%s services", n), number);
    default: g_return_val_if_reached (g_strdup (number));
    }
}

/**
 * cost_names_format_quantity:
 * @quantity: the quantity, which picks the plural form
 * @number: @quantity as shown, formatted for the user's locale
 * @unit: the unit as stored in a project: "person", "TB", or the user's own
 *
 * Returns: (transfer full): the quantity and its unit: "1 person",
 *   "10 people", "3 nodes", "100 TB"; a unit the user named is shown as
 *   written, after the number
 */
char *
cost_names_format_quantity (double      quantity,
                            const char *number,
                            const char *unit)
{
  const char *shown;

  g_return_val_if_fail (number != NULL, NULL);

  if (unit == NULL || unit[0] == '\0')
    return g_strdup (number);

  for (guint i = 0; i < G_N_ELEMENTS (counted_units); i++)
    {
      if (strcmp (unit, counted_units[i].one) == 0 || strcmp (unit, counted_units[i].other) == 0)
        {
          /* A whole number picks its form; a fraction reads as a plural
           * (1.5 people), in the languages whose rules ask for a count. */
          gulong n = quantity >= 0 && quantity == floor (quantity) ? (gulong) fmod (quantity, 1e9) : 2;

          return counted_quantity (i, n, number);
        }
    }

  shown = cost_names_translate (unit);
  /* Translators: quantity and unit: "100 TB" */
  return g_strdup_printf (C_("quantity", "%s %s"), number, shown);
}
