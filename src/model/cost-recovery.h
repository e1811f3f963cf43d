/* cost-recovery.h
 *
 * Recovery copies of unsaved work, written in the background after edits, so
 * that a crash or a kill loses at most the last few seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-project.h"

G_BEGIN_DECLS

typedef struct
{
  char      *id;        /* of the recovery copy */
  char      *path;      /* the copy */
  char      *original;  /* the file it was a copy of, or NULL for a new project */
  char      *title;
  GDateTime *saved;     /* when the copy was written */
} CostRecoveryEntry;

#define COST_TYPE_RECOVERY (cost_recovery_get_type ())

G_DECLARE_FINAL_TYPE (CostRecovery, cost_recovery, COST, RECOVERY, GObject)

CostRecovery *cost_recovery_new          (const char        *directory,
                                          CostProject       *project,
                                          guint              delay_ms);
const char   *cost_recovery_get_directory (CostRecovery     *self);
void          cost_recovery_set_original (CostRecovery      *self,
                                          GFile             *original);
void          cost_recovery_mark_saved   (CostRecovery      *self);
void          cost_recovery_discard      (CostRecovery      *self);
void          cost_recovery_flush        (CostRecovery      *self);
gboolean      cost_recovery_has_copy     (CostRecovery      *self);
void          cost_recovery_adopt        (CostRecovery      *self,
                                          const CostRecoveryEntry *entry);

char         *cost_recovery_default_directory (void);
GPtrArray    *cost_recovery_list         (const char        *directory);
CostProject  *cost_recovery_entry_load   (const CostRecoveryEntry *entry,
                                          GError           **error);
void          cost_recovery_entry_remove (const CostRecoveryEntry *entry);
void          cost_recovery_entry_free   (CostRecoveryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostRecoveryEntry, cost_recovery_entry_free)

G_END_DECLS
