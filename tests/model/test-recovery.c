/* test-recovery.c: recovery copies of unsaved work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "cost-recovery.h"
#include "cost-test-util.h"

static char *
make_dir (void)
{
  return g_dir_make_tmp ("modelcost-recovery-XXXXXX", NULL);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GPtrArray) entries = cost_recovery_list (dir);

  return entries->len;
}

/* Spins the main loop until the directory holds @n copies, for at most
 * 12,000 rounds of 5 ms (a minute: the copy is normally there in
 * milliseconds, and a busy machine only makes the rounds longer). */
static gboolean
wait_for_entries (const char *dir,
                  guint       n)
{
  for (guint round = 0; round < 12000; round++)
    {
      g_main_context_iteration (NULL, FALSE);
      if (count_entries (dir) == n)
        return TRUE;
      g_usleep (5000);
    }

  return FALSE;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_copy_and_save (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostRecovery) recovery = cost_recovery_new (dir, project, 50);
  g_autoptr(GFile) original = g_file_new_for_path ("/tmp/plan.modelcost");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CostProject) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  CostRecoveryEntry *entry;

  cost_recovery_set_original (recovery, original);

  /* No edit, no copy, however long the wait. */
  for (int i = 0; i < 40; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpuint (count_entries (dir), ==, 0);

  cost_item_set_quantity (cost_project_find_item (project, "gpu", NULL), 120, NULL);
  cost_project_set_title (project, "Plan B", NULL);
  g_assert_true (wait_for_entries (dir, 1));
  g_assert_true (cost_recovery_has_copy (recovery));

  entries = cost_recovery_list (dir);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->title, ==, "Plan B");
  g_assert_cmpstr (entry->original, ==, "/tmp/plan.modelcost");
  g_assert_cmpint (g_date_time_compare (entry->saved, before), >=, -1);
  restored = cost_recovery_entry_load (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (restored, "gpu", NULL)), ==, 120);

  /* A save removes the copy. */
  cost_recovery_mark_saved (recovery);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_assert_false (cost_recovery_has_copy (recovery));

  /* Further edits make a new one; a deliberate discard removes it. */
  cost_project_set_title (project, "Plan C", NULL);
  g_assert_true (wait_for_entries (dir, 1));
  cost_recovery_discard (recovery);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  remove_dir (dir);
}

static void
test_latest_state (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostRecovery) recovery = cost_recovery_new (dir, project, 10000);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CostProject) restored = NULL;
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);

  /* Many quick edits, one copy with the last state. */
  for (int i = 1; i <= 200; i++)
    cost_item_set_quantity (gpu, i, NULL);
  g_assert_cmpuint (count_entries (dir), ==, 0);   /* the delay has not passed */
  cost_recovery_flush (recovery);
  g_assert_true (wait_for_entries (dir, 1));

  entries = cost_recovery_list (dir);
  restored = cost_recovery_entry_load (g_ptr_array_index (entries, 0), NULL);
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (restored, "gpu", NULL)), ==, 200);

  cost_recovery_entry_remove (g_ptr_array_index (entries, 0));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_dir (dir);
}

static void
test_killed (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      /* The child edits, waits for its copy, and is killed without saving. */
      g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
      CostRecovery *recovery;

      recovery = cost_recovery_new (g_getenv ("RECOVERY_DIR"), project, 20);
      cost_project_set_title (project, "Unsaved evening", NULL);
      cost_item_set_unit_price (cost_project_find_item (project, "gpu", NULL), 777, NULL);
      wait_for_entries (g_getenv ("RECOVERY_DIR"), 1);
      g_usleep (100000);
      raise (SIGKILL);
      (void) recovery;
      return;
    }

  dir = make_dir ();
  g_setenv ("RECOVERY_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  /* The next start finds the copy and can restore it. */
  {
    g_autoptr(GPtrArray) entries = cost_recovery_list (dir);
    g_autoptr(CostProject) restored = NULL;
    g_autoptr(GError) error = NULL;
    CostRecoveryEntry *entry;

    g_assert_cmpuint (entries->len, ==, 1);
    entry = g_ptr_array_index (entries, 0);
    g_assert_cmpstr (entry->title, ==, "Unsaved evening");
    g_assert_null (entry->original);
    restored = cost_recovery_entry_load (entry, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (cost_item_get_unit_price (cost_project_find_item (restored, "gpu", NULL)), ==, 777);
  }

  remove_dir (dir);
}

static void
test_bad_directory (void)
{
  g_autoptr(GPtrArray) entries = cost_recovery_list ("/nonexistent/modelcost/recovery");
  g_autofree char *dir = make_dir ();
  g_autofree char *junk = g_build_filename (dir, "junk.json", NULL);
  g_autofree char *half = g_build_filename (dir, "half.modelcost", NULL);

  g_assert_cmpuint (entries->len, ==, 0);

  /* Stray and half-written files are not offered. */
  g_assert_true (g_file_set_contents (junk, "{not json", -1, NULL));
  g_assert_true (g_file_set_contents (half, "{}", -1, NULL));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/recovery/copy-and-save", test_copy_and_save);
  g_test_add_func ("/model/recovery/latest-state", test_latest_state);
  g_test_add_func ("/model/recovery/killed", test_killed);
  g_test_add_func ("/model/recovery/bad-directory", test_bad_directory);

  return g_test_run ();
}
