/* test-fault.c: saving and exporting when the file system fails
 *
 * Usage: test-fault [--tap] SHIM SAVER
 *
 * Each case runs the saver (fault-save, which calls cost_project_save) or
 * `modelcost --export` with the fault-shim library preloaded, so that a write,
 * fsync, close, rename or open inside the output folder fails. Whatever fails,
 * the program must say so, naming the file, exit with status 1, leave the
 * previous file byte for byte as it was and leave no temporary file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-fault"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "cost-project-io.h"

static const char *shim_path;
static const char *saver_path;

typedef enum
{
  EXPECT_KEEPS_FILE,    /* fails; the previous file is unchanged */
  EXPECT_VANISHED,      /* fails; the folder was moved away, its file unchanged */
  EXPECT_SUCCESS,       /* the file is written */
} Expect;

typedef struct
{
  const char *name;
  const char *op;       /* MODELCOST_FAULT_OP, NULL for none */
  const char *error;
  int         call;     /* 0: the first call fails */
  int         bytes;    /* -1: no byte limit */
  Expect      expect;
} Fault;

static const Fault faults[] = {
  { "no-fault", NULL, NULL, 0, -1, EXPECT_SUCCESS },
  { "disk-full-mid-write", "write", "ENOSPC", 0, 700, EXPECT_KEEPS_FILE },
  { "disk-full-first-write", "write", "ENOSPC", 0, 0, EXPECT_KEEPS_FILE },
  { "quota-mid-write", "write", "EDQUOT", 0, 400, EXPECT_KEEPS_FILE },
  { "io-error-write", "write", "EIO", 1, -1, EXPECT_KEEPS_FILE },
  { "io-error-fsync", "fsync", "EIO", 0, -1, EXPECT_KEEPS_FILE },
  { "io-error-close", "close", "EIO", 0, -1, EXPECT_KEEPS_FILE },
  { "rename-fails", "rename", "EIO", 0, -1, EXPECT_KEEPS_FILE },
  { "parent-gone-at-rename", "rename", "ENOENT", 0, -1, EXPECT_KEEPS_FILE },
  { "read-only-file-system", "open", "EROFS", 0, -1, EXPECT_KEEPS_FILE },
  { "permission-denied", "open", "EACCES", 0, -1, EXPECT_KEEPS_FILE },
  { "parent-vanishes-mid-write", "vanish", NULL, 1, -1, EXPECT_VANISHED },
};

/* Faults that only touch calls every writer makes through the C library's
 * exported functions: the spreadsheet library writes through stdio, whose
 * writes cannot be intercepted. */
static const char * const open_and_rename[] = {
  "no-fault", "rename-fails", "read-only-file-system", NULL
};
static const char * const short_list[] = {
  "no-fault", "disk-full-mid-write", "io-error-close", "rename-fails",
  "read-only-file-system", NULL
};

typedef struct
{
  const char  *ext;            /* "modelcost": cost_project_save, else an export */
  const char * const *only;    /* NULL: every fault */
} Writer;

static const Writer writers[] = {
  { "modelcost", NULL },
  { "csv", NULL },
  { "pdf", short_list },
  { "png", short_list },
  { "svg", short_list },
  { "xlsx", open_and_rename },
};

typedef struct
{
  const Writer *writer;
  const Fault  *fault;
} Case;

#define PREVIOUS_EXPORT "the previous export, which must survive\n"

typedef struct
{
  char *root;       /* private folder of the case */
  char *dir;        /* the output folder, where faults happen */
  char *input;      /* the project to save or export */
  char *output;
  char *log;
  char *previous;   /* contents of the output before */
  gsize previous_length;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static char *
example_path (void)
{
  const char *dir = g_getenv ("MODELCOST_EXAMPLES");

  g_assert_nonnull (dir);

  return g_build_filename (dir, "reference.modelcost", NULL);
}

static void
fixture_set_up (Fixture    *f,
                const char *ext)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *example = example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *name = g_strconcat ("plan.", ext, NULL);
  gsize length;

  f->root = g_dir_make_tmp ("modelcost-fault-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_build_filename (f->root, "out", NULL);
  g_assert_cmpint (g_mkdir (f->dir, 0755), ==, 0);
  f->input = g_build_filename (f->root, "input.modelcost", NULL);
  f->output = g_build_filename (f->dir, name, NULL);
  f->log = g_build_filename (f->root, "fault.log", NULL);

  g_file_get_contents (example, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->input, contents, length, &error);
  g_assert_no_error (error);

  /* The previous version: for a project, the same plan with another title. */
  if (g_str_equal (ext, "modelcost"))
    {
      GString *previous = g_string_new_len (contents, length);

      g_string_replace (previous, "\"title\": \"", "\"title\": \"Previous: ", 1);
      f->previous_length = previous->len;
      f->previous = g_string_free (previous, FALSE);
    }
  else
    {
      f->previous = g_strdup (PREVIOUS_EXPORT);
      f->previous_length = strlen (PREVIOUS_EXPORT);
    }
  g_file_set_contents (f->output, f->previous, f->previous_length, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f)
{
  remove_tree (f->root);
  g_free (f->root);
  g_free (f->dir);
  g_free (f->input);
  g_free (f->output);
  g_free (f->log);
  g_free (f->previous);
}

typedef struct
{
  int   status;
  char *err;
} Outcome;

/* Runs the writer of @ext on the fixture with @fault injected. */
static Outcome
run_writer (Fixture     *f,
            const char  *ext,
            const Fault *fault,
            gboolean     preload)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *asan = NULL;
  Outcome outcome = { 0, NULL };
  int wait_status;

  if (g_str_equal (ext, "modelcost"))
    {
      g_ptr_array_add (argv, (char *) saver_path);
      g_ptr_array_add (argv, f->input);
      g_ptr_array_add (argv, f->output);
    }
  else
    {
      g_ptr_array_add (argv, (char *) g_getenv ("MODELCOST"));
      g_ptr_array_add (argv, (char *) "--export");
      g_ptr_array_add (argv, f->output);
      g_ptr_array_add (argv, f->input);
    }
  g_ptr_array_add (argv, NULL);

  if (preload)
    {
      /* The shim comes before the sanitizer runtime, which must be told so. */
      const char *options = g_environ_getenv (env, "ASAN_OPTIONS");

      asan = g_strconcat (options ? options : "", options ? ":" : "", "verify_asan_link_order=0", NULL);
      env = g_environ_setenv (env, "ASAN_OPTIONS", asan, TRUE);
      env = g_environ_setenv (env, "LD_PRELOAD", shim_path, TRUE);
      env = g_environ_setenv (env, "MODELCOST_FAULT_DIR", f->dir, TRUE);
      env = g_environ_setenv (env, "MODELCOST_FAULT_LOG", f->log, TRUE);
    }
  if (fault != NULL && fault->op != NULL)
    {
      g_autofree char *call = g_strdup_printf ("%d", MAX (fault->call, 1));

      env = g_environ_setenv (env, "MODELCOST_FAULT_OP", fault->op, TRUE);
      env = g_environ_setenv (env, "MODELCOST_FAULT_CALL", call, TRUE);
      if (fault->error != NULL)
        env = g_environ_setenv (env, "MODELCOST_FAULT_ERRNO", fault->error, TRUE);
      if (fault->bytes >= 0)
        {
          g_autofree char *bytes = g_strdup_printf ("%d", fault->bytes);

          env = g_environ_setenv (env, "MODELCOST_FAULT_BYTES", bytes, TRUE);
        }
    }

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &outcome.err, &wait_status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    outcome.status = WEXITSTATUS (wait_status);
  else
    outcome.status = 128 + WTERMSIG (wait_status);

  g_test_message ("exit status %d; stderr: %s", outcome.status, outcome.err);

  return outcome;
}

/* No crash, no warning, no sanitizer report: only the message. */
static void
assert_clean_stderr (const char *err)
{
  static const char * const bad[] = {
    "CRITICAL", "WARNING", "runtime error", "AddressSanitizer", "LeakSanitizer",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (strstr (err, bad[i]) != NULL)
        g_test_fail_printf ("unexpected “%s” in: %s", bad[i], err);
    }
}

static void
assert_file_contents (const char *path,
                      const char *expected,
                      gsize       expected_length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_test_fail_printf ("%s", error->message);
      return;
    }
  if (length != expected_length || memcmp (contents, expected, length) != 0)
    g_test_fail_printf ("%s has changed: %" G_GSIZE_FORMAT " bytes instead of %" G_GSIZE_FORMAT,
                        path, length, expected_length);
}

/* The folder holds the file and, beside it, at most a backup that is the
 * previous version too: no temporary file. */
static void
assert_only_previous_file (const char *dir,
                           const char *output,
                           const char *previous,
                           gsize       previous_length)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autofree char *base = g_path_get_basename (output);
  g_autofree char *backup = g_strconcat (base, "~", NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_equal (name, base) || g_str_equal (name, backup))
        assert_file_contents (path, previous, previous_length);
      else if (!g_str_equal (name, "filler"))
        g_test_fail_printf ("left behind in the folder: %s", name);
    }
}

static void
assert_fault_injected (Fixture *f)
{
  g_autofree char *log = NULL;

  if (g_file_get_contents (f->log, &log, NULL, NULL))
    g_test_message ("injected: %s", log);
  else
    g_test_fail_printf ("the fault was never injected: the writer made no such call in %s", f->dir);
}

static void
assert_failed_clearly (const Outcome *o,
                       const char    *output)
{
  g_autofree char *base = g_path_get_basename (output);

  assert_clean_stderr (o->err);
  g_assert_cmpint (o->status, ==, 1);
  if (strstr (o->err, base) == NULL)
    g_test_fail_printf ("the message does not name %s: %s", base, o->err);
}

static void
assert_written (Fixture    *f,
                const char *ext)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (f->output, &contents, &length, &error))
    {
      g_test_fail_printf ("%s", error->message);
      return;
    }
  g_assert_false (length == f->previous_length && memcmp (contents, f->previous, length) == 0);

  if (g_str_equal (ext, "modelcost"))
    {
      g_autoptr(CostProject) project = cost_project_load_from_data (contents, length, &error);
      g_autofree char *backup = g_strconcat (f->output, "~", NULL);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (cost_project_get_title (project), "Reference case"));
      assert_file_contents (backup, f->previous, f->previous_length);
    }
  else if (g_str_equal (ext, "csv"))
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "scenario,"));
  else if (g_str_equal (ext, "pdf"))
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  else if (g_str_equal (ext, "png"))
    g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  else if (g_str_equal (ext, "svg"))
    g_assert_nonnull (strstr (contents, "<svg"));
  else if (g_str_equal (ext, "xlsx"))
    g_assert_true (g_str_has_prefix (contents, "PK"));
}

static void
test_fault (gconstpointer data)
{
  const Case *c = data;
  const char *ext = c->writer->ext;
  Fixture f = { 0 };
  Outcome o;

  fixture_set_up (&f, ext);
  o = run_writer (&f, ext, c->fault, TRUE);

  switch (c->fault->expect)
    {
    case EXPECT_SUCCESS:
      assert_clean_stderr (o.err);
      g_assert_cmpint (o.status, ==, 0);
      assert_written (&f, ext);
      break;

    case EXPECT_KEEPS_FILE:
      assert_fault_injected (&f);
      assert_failed_clearly (&o, f.output);
      assert_only_previous_file (f.dir, f.output, f.previous, f.previous_length);
      break;

    case EXPECT_VANISHED:
      {
        g_autofree char *gone = g_strconcat (f.dir, ".gone", NULL);
        g_autofree char *base = g_path_get_basename (f.output);
        g_autofree char *moved = g_build_filename (gone, base, NULL);

        assert_fault_injected (&f);
        assert_failed_clearly (&o, f.output);
        /* Nothing recreates the folder; the file in it is untouched. A
         * temporary file may remain there: it can only be removed by a
         * path that no longer exists. */
        g_assert_false (g_file_test (f.dir, G_FILE_TEST_EXISTS));
        assert_file_contents (moved, f.previous, f.previous_length);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_free (o.err);
  fixture_tear_down (&f);
}

/* The output path is a folder: refused, the folder and its contents kept. */
static void
test_target_is_folder (gconstpointer data)
{
  const Writer *writer = data;
  Fixture f = { 0 };
  g_autofree char *keep = NULL;
  Outcome o;

  fixture_set_up (&f, writer->ext);
  g_assert_cmpint (g_unlink (f.output), ==, 0);
  g_assert_cmpint (g_mkdir (f.output, 0755), ==, 0);
  keep = g_build_filename (f.output, "keep", NULL);
  g_assert_true (g_file_set_contents (keep, "kept", 4, NULL));

  o = run_writer (&f, writer->ext, NULL, FALSE);
  assert_failed_clearly (&o, f.output);
  g_assert_true (g_file_test (f.output, G_FILE_TEST_IS_DIR));
  assert_file_contents (keep, "kept", 4);

  g_free (o.err);
  fixture_tear_down (&f);
}

/* A real read-only folder holding a read-only file. Root writes anyway,
 * so this only runs for other users. */
static void
test_read_only_folder (gconstpointer data)
{
  const Writer *writer = data;
  Fixture f = { 0 };
  Outcome o;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores permissions; the shim simulates them in read-only-file-system");
      return;
    }

  fixture_set_up (&f, writer->ext);
  g_assert_cmpint (g_chmod (f.output, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f.dir, 0555), ==, 0);

  o = run_writer (&f, writer->ext, NULL, FALSE);
  g_chmod (f.dir, 0755);

  assert_failed_clearly (&o, f.output);
  assert_only_previous_file (f.dir, f.output, f.previous, f.previous_length);

  g_free (o.err);
  fixture_tear_down (&f);
}

/* A project of @n items, large enough not to fit in a nearly full disk. */
static char *
large_project (guint n)
{
  GString *s = g_string_new ("{\"format\":\"modelcost\",\"version\":1,\"title\":\"Reference case, large\","
                             "\"currency\":\"CNY\",\"categories\":[{\"id\":\"c\",\"name\":\"Compute\",\"items\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\":\"gpu-%u\",\"name\":\"GPU pool %u\",\"quantity\":%u,"
                               "\"unit\":\"GPU\",\"unit_price\":1000,\"period\":\"month\"}",
                            i ? "," : "", i, i, i + 1);
  g_string_append (s, "]}]}");

  return g_string_free (s, FALSE);
}

/* A real full disk: a 64 KiB tmpfs, filled up but for a few pages. Needs
 * the right to mount, which CI has as root; skipped elsewhere. */
static void
test_small_tmpfs (gconstpointer data)
{
  const Writer *writer = data;
  g_autofree char *project = large_project (400);
  g_autofree char *filler_path = NULL;
  g_autofree char *filler = NULL;
  g_autoptr(GError) error = NULL;
  struct statvfs fs;
  Fixture f = { 0 };
  Outcome o;
  gsize free_bytes;

  fixture_set_up (&f, writer->ext);
  remove_tree (f.dir);
  g_assert_cmpint (g_mkdir (f.dir, 0755), ==, 0);
  if (mount ("tmpfs", f.dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755") != 0)
    {
      g_test_skip_printf ("cannot mount a tmpfs here: %s", g_strerror (errno));
      fixture_tear_down (&f);
      return;
    }

  g_file_set_contents (f.input, project, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (f.output, f.previous, f.previous_length, &error);
  g_assert_no_error (error);

  /* Leave two pages free: less than any of the outputs. */
  g_assert_cmpint (statvfs (f.dir, &fs), ==, 0);
  free_bytes = (gsize) fs.f_bavail * fs.f_frsize;
  g_assert_cmpuint (free_bytes, >, 8192);
  filler_path = g_build_filename (f.dir, "filler", NULL);
  filler = g_malloc0 (free_bytes - 8192);
  g_file_set_contents (filler_path, filler, free_bytes - 8192, &error);
  g_assert_no_error (error);

  o = run_writer (&f, writer->ext, NULL, FALSE);
  assert_failed_clearly (&o, f.output);
  assert_only_previous_file (f.dir, f.output, f.previous, f.previous_length);

  g_assert_cmpint (umount2 (f.dir, MNT_DETACH), ==, 0);
  g_free (o.err);
  fixture_tear_down (&f);
}

static gboolean
writer_takes (const Writer *writer,
              const Fault  *fault)
{
  return writer->only == NULL || g_strv_contains (writer->only, fault->name);
}

static const char *
writer_name (const Writer *writer)
{
  return g_str_equal (writer->ext, "modelcost") ? "save" : writer->ext;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  if (argc != 3)
    {
      g_printerr ("usage: %s [--tap] SHIM SAVER\n", argv[0]);
      return 2;
    }
  shim_path = argv[1];
  saver_path = argv[2];

  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    {
      const Writer *writer = &writers[w];
      const char *name = writer_name (writer);
      g_autofree char *folder_path = g_strdup_printf ("/fault/%s/target-is-folder", name);
      g_autofree char *read_only_path = g_strdup_printf ("/fault/%s/read-only-folder", name);
      g_autofree char *tmpfs_path = g_strdup_printf ("/fault/%s/small-tmpfs", name);

      for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
        {
          g_autofree char *path = NULL;
          Case *c;

          if (!writer_takes (writer, &faults[i]))
            continue;

          c = g_new0 (Case, 1);
          c->writer = writer;
          c->fault = &faults[i];
          g_ptr_array_add (cases, c);
          path = g_strdup_printf ("/fault/%s/%s", name, faults[i].name);
          g_test_add_data_func (path, c, test_fault);
        }

      g_test_add_data_func (folder_path, writer, test_target_is_folder);
      g_test_add_data_func (read_only_path, writer, test_read_only_folder);
      g_test_add_data_func (tmpfs_path, writer, test_small_tmpfs);
    }

  return g_test_run ();
}
