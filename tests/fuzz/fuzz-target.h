/* fuzz-target.h: the libFuzzer entry points each fuzz target defines
 *
 * The same targets run under libFuzzer (clang) and, in every build, under
 * fuzz-replay.c, which feeds them the seed corpus and the regression inputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  g_log_writer_default (level, fields, n_fields, user_data);

  /* GLib stops on a fatal message with a breakpoint trap, which libFuzzer
   * does not catch: abort, so that the input is kept. */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return G_LOG_WRITER_HANDLED;
}

/* A warning or a critical is a broken precondition inside the code under
 * test: a bug, which stops the target. */
static inline void
fuzz_abort_on_warnings (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}
