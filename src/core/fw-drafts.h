/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-workbook.h"

G_BEGIN_DECLS

/* Drafts: copies of open workbooks written shortly after each change, so a
 * crash loses nothing. One draft per window, named by an id. */

typedef struct
{
  char   *id;
  char   *path;          /* the draft's workbook file */
  char   *original_uri;  /* the file it is a draft of, or NULL for an unsaved workbook */
  gint64  modified;      /* unix time of the last write */
} FwDraftInfo;

void         fw_draft_info_free   (FwDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwDraftInfo, fw_draft_info_free)

/* $XDG_STATE_HOME/flywheel/drafts, or $FLYWHEEL_DRAFTS_DIR when set. */
char        *fw_drafts_get_dir    (void);

/* Writes a draft of @workbook: the workbook is written out here, the files on
 * the drafts thread (atomically: a crash during the write leaves the previous
 * draft), so a large workbook's draft does not hold up the caller. Writes and
 * discards are done one at a time in the order asked; @callback runs in the
 * caller's main context. */
void         fw_draft_write_async  (const char          *id,
                                    FwWorkbook          *workbook,
                                    GFile               *original,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean     fw_draft_write_finish (GAsyncResult        *result,
                                    GError             **error);
/* Queued after the writes asked for before it. */
void         fw_draft_discard_later (const char         *id);
/* Returns when every queued write and discard is done (at exit; in tests). */
void         fw_drafts_wait        (void);
/* FwDraftInfo, newest first. */
GPtrArray   *fw_drafts_list       (void);
FwWorkbook  *fw_draft_load        (const char   *id,
                                   GFile       **original,
                                   GError      **error);
void         fw_draft_discard     (const char   *id);

G_END_DECLS
