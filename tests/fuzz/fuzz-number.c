/* fuzz-number.c: fuzz target for number entry
 *
 * Each input is typed, as it is, under the C, English and Chinese locales:
 * it is either refused with a readable message, or read as a finite number
 * within the limits that, formatted for display, reads back as itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-number"

#include "config.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cost-format.h"
#include "cost-types.h"
#include "fuzz-target.h"

static const char * const locale_names[] = { "C", "en_US.UTF-8", "zh_CN.UTF-8" };
static locale_t locales[G_N_ELEMENTS (locale_names)];

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_abort_on_warnings ();

  /* setlocale() makes the process use the user's settings; each input is
   * then tried in every locale by switching this thread's locale. */
  setlocale (LC_ALL, "");
  for (guint i = 0; i < G_N_ELEMENTS (locale_names); i++)
    {
      locales[i] = newlocale (LC_ALL_MASK, locale_names[i], (locale_t) 0);
      if (locales[i] == (locale_t) 0)
        fprintf (stderr, "fuzz-number: the locale %s is missing; it is not tried\n",
                 locale_names[i]);
    }

  return 0;
}

static void
check_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  double value = 0;

  if (!cost_parse_number (text, &value, &error))
    {
      g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
      g_assert_true (error->message[0] != '\0');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  g_assert_no_error (error);
  g_assert_true (isfinite (value));
  g_assert_cmpfloat (fabs (value), <=, COST_MAX_AMOUNT);

  /* What the program shows reads back as the same number. */
  {
    g_autofree char *shown = cost_format_number (value, 6);
    double again = 0;

    if (!cost_parse_number (shown, &again, &error))
      {
        /* abort(), not g_error(): libFuzzer keeps the input of an abort. */
        g_printerr ("“%s” reads as %.17g, shown as “%s”, which does not read back: %s\n",
                    text, value, shown, error->message);
        abort ();
      }
    g_assert_cmpfloat_with_epsilon (again, value, 5e-7 + fabs (value) * 4 * DBL_EPSILON);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      locale_t previous;

      if (locales[i] == (locale_t) 0)
        continue;

      previous = uselocale (locales[i]);
      check_text (text);
      uselocale (previous);
    }

  return 0;
}
