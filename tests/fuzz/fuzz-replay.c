/* fuzz-replay.c: runs a fuzz target on saved inputs, as a GLib test
 *
 * Usage: fuzz-replay-TARGET [--tap] NAME DIR-OR-FILE...
 *
 * Each file of each DIR (the seed corpus, the inputs that once crashed) is
 * one test case, /fuzz/NAME/DIR/FILE; so is each FILE, /fuzz/NAME/FILE. A
 * case fails if the target aborts, or if it takes longer than a second (five
 * under a sanitizer): no file a user opens may freeze the program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <glib.h>
#include <unistd.h>

#include "fuzz-target.h"

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif
#ifndef SANITIZED
# define SANITIZED 0
#endif

/* Far above any healthy run (inputs are at most 64 KB and take milliseconds):
 * only an input that hangs or blows up reaches it, not a busy machine. */
#define SECONDS_PER_INPUT (SANITIZED ? 120.0 : 30.0)

static char *self_path;

/* Runs the target on one input, in the child process that replay_file()
 * starts: 0 when it passes, 1 when the input cannot be read. A crash, a
 * sanitizer report or a hang (stopped by the alarm) ends the child before
 * it returns. */
static int
replay_input (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* An input that never ends is stopped by the alarm signal. */
  alarm ((guint) SECONDS_PER_INPUT);
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);

  return 0;
}

/* Each input runs in a child process of its own: one that crashes fails its
 * own case, the others still run, and the sanitizers check each alone. */
static void
replay_file (gconstpointer data)
{
  const char *path = data;
  const char *argv[] = { self_path, "--one", path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, &err, &wait_status, &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (wait_status, NULL))
    {
      g_test_message ("%s", err);
      g_test_fail_printf ("%s: the target failed", path);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Adds one test case per file of @dir, in name order; or one for @dir if it
 * is a file. */
static guint
add_inputs (const char *name,
            const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_name = g_path_get_basename (dir);
  const char *file;

  if (g_file_test (dir, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s", name, dir_name);

      g_test_add_data_func_full (test_path, g_strdup (dir), replay_file, g_free);
      return 1;
    }

  /* corpus/NAME and regressions/NAME are named corpus and regressions. */
  if (g_str_equal (dir_name, name))
    {
      g_autofree char *parent = g_path_get_dirname (dir);

      g_free (dir_name);
      dir_name = g_path_get_basename (parent);
    }

  handle = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((file = g_dir_read_name (handle)) != NULL)
    {
      if (file[0] != '.' && g_strcmp0 (file, "README") != 0)
        g_ptr_array_add (files, g_strdup (file));
    }
  g_ptr_array_sort (files, compare_strings);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", name, dir_name,
                                                    (char *) files->pdata[i]);

      g_test_add_data_func_full (test_path,
                                 g_build_filename (dir, files->pdata[i], NULL),
                                 replay_file, g_free);
    }

  return files->len;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  if (argc == 3 && g_str_equal (argv[1], "--one"))
    {
      LLVMFuzzerInitialize (&argc, &argv);
      return replay_input (argv[2]);
    }

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  if (argc < 3)
    {
      g_printerr ("usage: %s [--tap] NAME DIR-OR-FILE...\n", argv[0]);
      return 2;
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  for (int i = 2; i < argc; i++)
    n += add_inputs (argv[1], argv[i]);

  /* An empty corpus would pass without testing anything. */
  if (n == 0)
    {
      g_printerr ("%s: no inputs in the given folders\n", argv[0]);
      return 1;
    }

  return g_test_run ();
}
