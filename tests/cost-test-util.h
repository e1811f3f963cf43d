/* cost-test-util.h: shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-project-io.h"

static inline char *
cost_test_example_path (const char *name)
{
  const char *dir = g_getenv ("MODELCOST_EXAMPLES");

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

static inline CostProject *
cost_test_load_example (const char *name)
{
  g_autofree char *path = cost_test_example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_project_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}
