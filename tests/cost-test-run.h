/* cost-test-run.h: running the modelcost command in the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs @argv in @lang ("zh_CN.UTF-8"), or C.UTF-8, and keeps what it
 * printed and its exit status. */
static G_GNUC_UNUSED void
run_argv (Run         *run,
          const char  *lang,
          const char **argv)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  envp = g_environ_setenv (envp, "LC_ALL", lang ? lang : "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANG", lang ? lang : "C.UTF-8", TRUE);
  /* LANGUAGE picks the translations: "zh_CN" for zh_CN.UTF-8. */
  if (lang != NULL)
    {
      g_autofree char *language = g_strndup (lang, strcspn (lang, "."));

      envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
    }
  else
    {
      envp = g_environ_unsetenv (envp, "LANGUAGE");
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* Runs modelcost with the arguments (NULL-terminated) in @lang, or C.UTF-8. */
static G_GNUC_UNUSED void
run_modelcost (Run        *run,
               const char *lang,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MODELCOST"));
  va_start (args, lang);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_argv (run, lang, (const char **) argv->pdata);
}
