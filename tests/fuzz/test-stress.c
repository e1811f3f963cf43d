/* test-stress.c: loading and saving over and over
 *
 * The loader frees each parse tree in a worker thread. A project keeps the
 * members it does not know (written by a newer version, say) and writes them
 * back; if those shared anything with the tree being freed, saving would race
 * with the worker and crash or corrupt memory, now and then. Many rounds make
 * "now and then" likely; under AddressSanitizer, nearly certain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-stress"

#include "config.h"

#include <string.h>

#include "cost-project-io.h"

#define UNKNOWN_MEMBERS \
  "\"future\":{\"a\":[1,2.5,{\"b\":[true,null,\"x\"]}],\"c\":{\"d\":{\"e\":[5]}}}," \
  "\"more\":[{\"x\":1},{\"y\":[2]}]"

static void
test_unknown_members (void)
{
  static const char doc[] =
    "{\"format\":\"modelcost\",\"version\":1,\"title\":\"T\",\"currency\":\"CNY\","
    "\"categories\":[{\"id\":\"c\",\"name\":\"C\"," UNKNOWN_MEMBERS ",\"items\":["
    "{\"id\":\"i\",\"name\":\"I\",\"quantity\":1,\"unit_price\":2,\"period\":\"month\","
    UNKNOWN_MEMBERS "}]}]," UNKNOWN_MEMBERS "}";
  g_autofree char *first = NULL;
  guint rounds = 0;

  /* A fixed amount of work, whatever the speed of the machine. */
  while (rounds < 20000)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (doc, -1, &error);

      g_assert_no_error (error);
      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *saved = cost_project_to_data (project, NULL);

          /* Every save writes the unknown members back, the same each time. */
          if (first == NULL)
            {
              g_assert_nonnull (strstr (saved, "\"c\":{\"d\":{\"e\":[5]}}"));
              first = g_steal_pointer (&saved);
            }
          else
            g_assert_cmpstr (saved, ==, first);
        }
      rounds++;
    }

  g_test_message ("%u rounds", rounds);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stress/unknown-members-saved-while-parse-trees-are-freed", test_unknown_members);

  return g_test_run ();
}
