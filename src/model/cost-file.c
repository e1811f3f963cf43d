/* cost-file.c
 *
 * Replacing a file's contents so that a crash, a full disk or a failed
 * write never destroys the last good version: the data goes to a temporary
 * file beside it, is flushed and checked, then renamed into place, and the
 * previous version is kept as "FILE~". Projects and every export are saved
 * this way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cost-file.h"

/* Writes all of @data to @fd; on failure returns FALSE with errno set. */
static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

/* Makes "FILE~" the previous version of @path: a hard link when the file
 * system has them, a copy otherwise. */
static gboolean
make_backup (const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
      return FALSE;
    }

  if (link (path, backup) == 0)
    return TRUE;

  from = g_file_new_for_path (path);
  to = g_file_new_for_path (backup);

  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                      cancellable, NULL, NULL, error);
}

/* Writes to a temporary file beside @path, flushes it to disk and renames
 * it into place: until the rename, the previous file is untouched, and on
 * any failure the temporary file is removed. */
static gboolean
replace_local_file (const char    *path,
                    const char    *data,
                    gsize          length,
                    gboolean       backup,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  const char *target = real != NULL ? real : path;  /* through symbolic links */
  gboolean exists;
  GStatBuf st;
  int fd, dir_fd;

  exists = g_stat (target, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is not a regular file"));
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    goto failed;

  /* Keep the permissions of the file being replaced. */
  if ((exists && fchmod (fd, st.st_mode & 07777) != 0) ||
      !write_all (fd, data, length) ||
      fsync (fd) != 0)
    {
      int errsv = errno;

      close (fd);
      errno = errsv;
      goto failed_unlink;
    }

  /* close() can report a failed write on network file systems. */
  if (close (fd) != 0)
    goto failed_unlink;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (backup && exists && !make_backup (target, cancellable, error)))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, target) != 0)
    goto failed_unlink;

  /* The rename itself reaches the disk when the folder is flushed. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;

failed_unlink:
  {
    int errsv = errno;

    g_unlink (tmp);
    errno = errsv;
  }
failed:
  {
    int errsv = errno;

    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
  }
  return FALSE;
}

/**
 * cost_file_replace_contents:
 * @backup: keep the previous file as "FILE~"
 *
 * Writes @data to a temporary file beside @file and renames it into place,
 * so that a failure never leaves a half-written file.
 */
gboolean
cost_file_replace_contents (GFile         *file,
                            const char    *data,
                            gsize          length,
                            gboolean       backup,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gboolean done;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    done = replace_local_file (path, data, length, backup, cancellable, &local_error);
  else
    done = g_file_replace_contents (file, data, length, NULL, backup, G_FILE_CREATE_NONE, NULL,
                                    cancellable, &local_error);
  if (done)
    return TRUE;

  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: the first %s is a file, the second the reason */
               _("Could not save “%s”: %s"), name, local_error->message);
  return FALSE;
}
