/* bench-export.c: the whole process `modelcost --export report.pdf` on the
 * reference case, as a user or a script runs it, in English and in Chinese
 * (whose fonts are the larger ones to embed)
 *
 * Budget (README.md, Benchmarks): under 150 ms, the median of 10 runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "bench-util.h"

#define N_RUNS    10
#define BUDGET_MS 150.0

static double
run_export (const char  *exe,
            const char  *project,
            const char  *out,
            char       **envp)
{
  const char *argv[] = { exe, "--export", out, project, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", error->message, err);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Whether `locale -a` lists @lang ("zh_CN.UTF-8" as "zh_CN.utf8"). */
static gboolean
locale_available (const char *lang)
{
  const char *argv[] = { "locale", "-a", NULL };
  g_autofree char *list = NULL;
  g_autofree char *name = g_strndup (lang, strcspn (lang, "."));
  g_autofree char *want = g_strconcat ("\n", name, ".utf8\n", NULL);
  g_autofree char *lines = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &list, NULL, NULL, NULL))
    return FALSE;

  lines = g_strconcat ("\n", list, NULL);

  return strstr (lines, want) != NULL;
}

/* The median of N_RUNS exports in @lang, after one to warm the caches as a
 * user's second export would find them. */
static double
measure (const char *exe,
         const char *project,
         const char *out,
         const char *lang)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *language = g_strndup (lang, strcspn (lang, "."));
  double times[N_RUNS];

  envp = g_environ_setenv (envp, "LC_ALL", lang, TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);

  run_export (exe, project, out, envp);
  for (int i = 0; i < N_RUNS; i++)
    times[i] = run_export (exe, project, out, envp);

  qsort (times, N_RUNS, sizeof times[0], bench_compare_doubles);
  printf ("modelcost --export report.pdf (reference case, %s): median %.1f ms of %d runs "
          "(fastest %.1f, slowest %.1f; budget %.0f ms)\n",
          lang, (times[N_RUNS / 2 - 1] + times[N_RUNS / 2]) / 2, N_RUNS, times[0],
          times[N_RUNS - 1], BUDGET_MS);

  return (times[N_RUNS / 2 - 1] + times[N_RUNS / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  const char *exe = g_getenv ("MODELCOST");
  const char *examples = g_getenv ("MODELCOST_EXAMPLES");
  const char *langs[] = { "en_US.UTF-8", "zh_CN.UTF-8" };
  g_autofree char *project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  double worst = 0.0;

  if (exe == NULL || examples == NULL)
    {
      fprintf (stderr, "Run through meson: MODELCOST and MODELCOST_EXAMPLES are not set\n");
      return 1;
    }

  project = g_build_filename (examples, "reference.modelcost", NULL);
  dir = g_dir_make_tmp ("modelcost-bench-XXXXXX", NULL);
  g_assert (dir != NULL);
  out = g_build_filename (dir, "report.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      if (!locale_available (langs[i]))
        {
          printf ("%s is not installed: skipped\n", langs[i]);
          continue;
        }
      worst = MAX (worst, measure (exe, project, out, langs[i]));
    }

  printf ("%s\n", worst < BUDGET_MS ? "within budget" : "OVER BUDGET");

  g_unlink (out);
  g_rmdir (dir);

  return 0;
}
