/* fault-shim.c: an LD_PRELOAD library that makes file system calls fail
 *
 * Only files inside MODELCOST_FAULT_DIR are affected; everything else (the
 * terminal, the libraries being loaded) works as usual. The environment says
 * which call fails and how:
 *
 *   MODELCOST_FAULT_DIR    absolute folder whose files are affected
 *   MODELCOST_FAULT_OP     open, write, fsync, close, rename, link or vanish
 *   MODELCOST_FAULT_ERRNO  ENOSPC, EIO, EACCES, EROFS, ENOENT, EDQUOT, EPERM
 *   MODELCOST_FAULT_CALL   the first call that fails (1 = the first); every
 *                          later one fails too, as on a disk that stays full
 *   MODELCOST_FAULT_BYTES  for write: bytes written before the disk is full;
 *                          the write that crosses the limit is cut short
 *   MODELCOST_FAULT_LOG    file to which a line is appended each time a fault
 *                          is injected, so that a test knows it happened
 *
 * "open" fails only the opens that would create or change a file. "vanish"
 * injects no error: at the Nth write it renames MODELCOST_FAULT_DIR to
 * MODELCOST_FAULT_DIR.gone, as if the folder had been removed mid-save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Both open() and open64() are replaced: neither may be renamed to the other. */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_TRACKED_FD 4096

typedef enum
{
  OP_NONE,
  OP_OPEN,
  OP_WRITE,
  OP_FSYNC,
  OP_CLOSE,
  OP_RENAME,
  OP_LINK,
  OP_VANISH,
} FaultOp;

static struct
{
  int           initialized;
  FaultOp       op;
  int           error;
  long          first_call;
  long long     bytes;        /* -1: no byte limit */
  char          dir[PATH_MAX];
  size_t        dir_len;
  const char   *log;
  long          calls;
  long long     written;
  int           vanished;
  unsigned char tracked[MAX_TRACKED_FD];
} fault;

static int     (*real_open)      (const char *, int, ...);
static int     (*real_open64)    (const char *, int, ...);
static int     (*real_openat)    (int, const char *, int, ...);
static int     (*real_openat64)  (int, const char *, int, ...);
static ssize_t (*real_write)     (int, const void *, size_t);
static ssize_t (*real_pwrite)    (int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)  (int, const void *, size_t, off_t);
static ssize_t (*real_writev)    (int, const struct iovec *, int);
static int     (*real_fsync)     (int);
static int     (*real_fdatasync) (int);
static int     (*real_close)     (int);
static int     (*real_rename)    (const char *, const char *);
static int     (*real_renameat)  (int, const char *, int, const char *);
static int     (*real_renameat2) (int, const char *, int, const char *, unsigned int);
static int     (*real_link)      (const char *, const char *);
static int     (*real_linkat)    (int, const char *, int, const char *, int);

static int
errno_from_name (const char *name)
{
  static const struct { const char *name; int value; } names[] = {
    { "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EACCES", EACCES }, { "EROFS", EROFS },
    { "ENOENT", ENOENT }, { "EDQUOT", EDQUOT }, { "EPERM", EPERM },
  };

  for (size_t i = 0; name != NULL && i < sizeof names / sizeof names[0]; i++)
    {
      if (strcmp (name, names[i].name) == 0)
        return names[i].value;
    }

  return EIO;
}

static FaultOp
op_from_name (const char *name)
{
  static const struct { const char *name; FaultOp op; } names[] = {
    { "open", OP_OPEN }, { "write", OP_WRITE }, { "fsync", OP_FSYNC }, { "close", OP_CLOSE },
    { "rename", OP_RENAME }, { "link", OP_LINK }, { "vanish", OP_VANISH },
  };

  for (size_t i = 0; name != NULL && i < sizeof names / sizeof names[0]; i++)
    {
      if (strcmp (name, names[i].name) == 0)
        return names[i].op;
    }

  return OP_NONE;
}

static void
resolve (void)
{
  real_open = dlsym (RTLD_NEXT, "open");
  real_open64 = dlsym (RTLD_NEXT, "open64");
  real_openat = dlsym (RTLD_NEXT, "openat");
  real_openat64 = dlsym (RTLD_NEXT, "openat64");
  real_write = dlsym (RTLD_NEXT, "write");
  real_pwrite = dlsym (RTLD_NEXT, "pwrite");
  real_pwrite64 = dlsym (RTLD_NEXT, "pwrite64");
  real_writev = dlsym (RTLD_NEXT, "writev");
  real_fsync = dlsym (RTLD_NEXT, "fsync");
  real_fdatasync = dlsym (RTLD_NEXT, "fdatasync");
  real_close = dlsym (RTLD_NEXT, "close");
  real_rename = dlsym (RTLD_NEXT, "rename");
  real_renameat = dlsym (RTLD_NEXT, "renameat");
  real_renameat2 = dlsym (RTLD_NEXT, "renameat2");
  real_link = dlsym (RTLD_NEXT, "link");
  real_linkat = dlsym (RTLD_NEXT, "linkat");
}

__attribute__((constructor)) static void
fault_init (void)
{
  const char *dir = getenv ("MODELCOST_FAULT_DIR");
  const char *value;

  resolve ();

  fault.op = op_from_name (getenv ("MODELCOST_FAULT_OP"));
  fault.error = errno_from_name (getenv ("MODELCOST_FAULT_ERRNO"));
  value = getenv ("MODELCOST_FAULT_CALL");
  fault.first_call = value ? atol (value) : 1;
  value = getenv ("MODELCOST_FAULT_BYTES");
  fault.bytes = value ? atoll (value) : -1;
  fault.log = getenv ("MODELCOST_FAULT_LOG");

  if (dir != NULL && dir[0] == '/' && strlen (dir) < sizeof fault.dir)
    {
      strcpy (fault.dir, dir);
      fault.dir_len = strlen (dir);
      while (fault.dir_len > 1 && fault.dir[fault.dir_len - 1] == '/')
        fault.dir[--fault.dir_len] = '\0';
    }
  else
    {
      fault.op = OP_NONE;
    }

  fault.initialized = 1;
}

static void note (const char *format,
                  ...) __attribute__ ((format (printf, 1, 2)));

static void
note (const char *format,
      ...)
{
  char line[512];
  va_list args;
  int fd, n;

  if (fault.log == NULL)
    return;

  va_start (args, format);
  n = vsnprintf (line, sizeof line - 1, format, args);
  va_end (args);
  if (n < 0)
    return;
  if ((size_t) n > sizeof line - 2)
    n = sizeof line - 2;
  line[n++] = '\n';

  fd = real_open (fault.log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0)
    return;
  if (real_write (fd, line, n) < 0)
    {
      /* The log is best effort; the test then sees no fault and fails. */
    }
  real_close (fd);
}

/* Whether @path (relative to @dirfd) lies inside the faulty folder. */
static int
is_affected (int         dirfd,
             const char *path)
{
  char full[PATH_MAX * 2];

  if (!fault.initialized || fault.op == OP_NONE || path == NULL)
    return 0;

  if (path[0] == '/')
    {
      snprintf (full, sizeof full, "%s", path);
    }
  else
    {
      char base[PATH_MAX];

      if (dirfd == AT_FDCWD)
        {
          if (getcwd (base, sizeof base) == NULL)
            return 0;
        }
      else
        {
          char link[64];
          ssize_t n;

          snprintf (link, sizeof link, "/proc/self/fd/%d", dirfd);
          n = readlink (link, base, sizeof base - 1);
          if (n < 0)
            return 0;
          base[n] = '\0';
        }
      snprintf (full, sizeof full, "%s/%s", base, path);
    }

  return strncmp (full, fault.dir, fault.dir_len) == 0 &&
         (full[fault.dir_len] == '/' || full[fault.dir_len] == '\0');
}

static int
is_tracked (int fd)
{
  return fd >= 0 && fd < MAX_TRACKED_FD && fault.tracked[fd];
}

static void
track (int fd,
       int on)
{
  if (fd >= 0 && fd < MAX_TRACKED_FD)
    fault.tracked[fd] = on;
}

/* Counts a call of @op; returns whether it must fail. */
static int
strike (FaultOp     op,
        const char *what)
{
  if (fault.op != op)
    return 0;

  if (++fault.calls < fault.first_call)
    return 0;

  note ("%s %s", what, strerror (fault.error));
  return 1;
}

static void
ensure_resolved (void)
{
  if (real_close == NULL)
    resolve ();
}

static int
open_common (int         dirfd,
             const char *path,
             int         flags,
             mode_t      mode,
             int         at,
             int         large)
{
  int fd;

  if ((flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) && is_affected (dirfd, path) &&
      strike (OP_OPEN, "open"))
    {
      errno = fault.error;
      return -1;
    }

  if (at)
    fd = large ? real_openat64 (dirfd, path, flags, mode) : real_openat (dirfd, path, flags, mode);
  else
    fd = large ? real_open64 (path, flags, mode) : real_open (path, flags, mode);

  if (fd >= 0)
    track (fd, is_affected (dirfd, path));

  return fd;
}

#define MODE_ARG(flags, mode)                      \
  do {                                             \
    if ((flags) & (O_CREAT | O_TMPFILE))           \
      {                                            \
        va_list args;                              \
        va_start (args, flags);                    \
        mode = va_arg (args, int);                 \
        va_end (args);                             \
      }                                            \
  } while (0)

int
open (const char *path,
      int         flags,
      ...)
{
  mode_t mode = 0;

  ensure_resolved ();

  MODE_ARG (flags, mode);
  return open_common (AT_FDCWD, path, flags, mode, 0, 0);
}

int
open64 (const char *path,
        int         flags,
        ...)
{
  mode_t mode = 0;

  ensure_resolved ();

  MODE_ARG (flags, mode);
  return open_common (AT_FDCWD, path, flags, mode, 0, 1);
}

int
openat (int         dirfd,
        const char *path,
        int         flags,
        ...)
{
  mode_t mode = 0;

  ensure_resolved ();

  MODE_ARG (flags, mode);
  return open_common (dirfd, path, flags, mode, 1, 0);
}

int
openat64 (int         dirfd,
          const char *path,
          int         flags,
          ...)
{
  mode_t mode = 0;

  ensure_resolved ();

  MODE_ARG (flags, mode);
  return open_common (dirfd, path, flags, mode, 1, 1);
}

/* How many of @count bytes may be written to @fd; -1 with errno set when
 * none may. */
static ssize_t
write_allowance (int    fd,
                 size_t count)
{
  if (!is_tracked (fd))
    return count;

  if (fault.op == OP_VANISH)
    {
      if (!fault.vanished && ++fault.calls >= fault.first_call)
        {
          char gone[PATH_MAX + 8];

          snprintf (gone, sizeof gone, "%s.gone", fault.dir);
          fault.vanished = 1;
          if (real_rename (fault.dir, gone) == 0)
            note ("vanish %s", fault.dir);
        }
      return count;
    }

  if (fault.op != OP_WRITE)
    return count;

  if (fault.bytes >= 0)
    {
      long long room = fault.bytes - fault.written;

      if (room <= 0)
        {
          note ("write %s", strerror (fault.error));
          errno = fault.error;
          return -1;
        }
      if ((long long) count > room)
        count = room;
      fault.written += count;
      return count;
    }

  if (strike (OP_WRITE, "write"))
    {
      errno = fault.error;
      return -1;
    }

  return count;
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  ssize_t allowed;

  ensure_resolved ();
  allowed = write_allowance (fd, count);

  if (allowed < 0)
    return -1;

  return real_write (fd, buf, allowed);
}

ssize_t
pwrite (int         fd,
        const void *buf,
        size_t      count,
        off_t       offset)
{
  ssize_t allowed;

  ensure_resolved ();
  allowed = write_allowance (fd, count);

  if (allowed < 0)
    return -1;

  return real_pwrite (fd, buf, allowed, offset);
}

ssize_t
pwrite64 (int         fd,
          const void *buf,
          size_t      count,
          off_t       offset)
{
  ssize_t allowed;

  ensure_resolved ();
  allowed = write_allowance (fd, count);

  if (allowed < 0)
    return -1;

  return real_pwrite64 (fd, buf, allowed, offset);
}

ssize_t
writev (int                 fd,
        const struct iovec *iov,
        int                 iovcnt)
{
  size_t total = 0;
  ssize_t allowed;

  ensure_resolved ();

  for (int i = 0; i < iovcnt; i++)
    total += iov[i].iov_len;

  allowed = write_allowance (fd, total);
  if (allowed < 0)
    return -1;
  if ((size_t) allowed < total)
    {
      /* Cut short: write what fits from the first buffers. */
      ssize_t done = 0;

      for (int i = 0; i < iovcnt && done < allowed; i++)
        {
          size_t part = iov[i].iov_len;
          ssize_t n;

          if ((ssize_t) part > allowed - done)
            part = allowed - done;
          n = real_write (fd, iov[i].iov_base, part);
          if (n < 0)
            return done > 0 ? done : -1;
          done += n;
        }
      return done;
    }

  return real_writev (fd, iov, iovcnt);
}

int
fsync (int fd)
{
  ensure_resolved ();

  if (is_tracked (fd) && strike (OP_FSYNC, "fsync"))
    {
      errno = fault.error;
      return -1;
    }

  return real_fsync (fd);
}

int
fdatasync (int fd)
{
  ensure_resolved ();

  if (is_tracked (fd) && strike (OP_FSYNC, "fdatasync"))
    {
      errno = fault.error;
      return -1;
    }

  return real_fdatasync (fd);
}

int
close (int fd)
{
  int tracked = is_tracked (fd);
  int result;

  ensure_resolved ();

  track (fd, 0);
  result = real_close (fd);

  /* As on Linux, the descriptor is gone even when close reports an error. */
  if (result == 0 && tracked && strike (OP_CLOSE, "close"))
    {
      errno = fault.error;
      return -1;
    }

  return result;
}

int
rename (const char *from,
        const char *to)
{
  ensure_resolved ();

  if ((is_affected (AT_FDCWD, from) || is_affected (AT_FDCWD, to)) && strike (OP_RENAME, "rename"))
    {
      errno = fault.error;
      return -1;
    }

  return real_rename (from, to);
}

int
renameat (int         fromfd,
          const char *from,
          int         tofd,
          const char *to)
{
  ensure_resolved ();

  if ((is_affected (fromfd, from) || is_affected (tofd, to)) && strike (OP_RENAME, "renameat"))
    {
      errno = fault.error;
      return -1;
    }

  return real_renameat (fromfd, from, tofd, to);
}

int
renameat2 (int           fromfd,
           const char   *from,
           int           tofd,
           const char   *to,
           unsigned int  flags)
{
  ensure_resolved ();

  if ((is_affected (fromfd, from) || is_affected (tofd, to)) && strike (OP_RENAME, "renameat2"))
    {
      errno = fault.error;
      return -1;
    }

  return real_renameat2 (fromfd, from, tofd, to, flags);
}

int
link (const char *from,
      const char *to)
{
  ensure_resolved ();

  if (is_affected (AT_FDCWD, to) && strike (OP_LINK, "link"))
    {
      errno = fault.error;
      return -1;
    }

  return real_link (from, to);
}

int
linkat (int         fromfd,
        const char *from,
        int         tofd,
        const char *to,
        int         flags)
{
  ensure_resolved ();

  if (is_affected (tofd, to) && strike (OP_LINK, "linkat"))
    {
      errno = fault.error;
      return -1;
    }

  return real_linkat (fromfd, from, tofd, to, flags);
}
