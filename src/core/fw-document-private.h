/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What FwDocument's parts share (fw-document.c: the object, loading, saving and
 * drafts; fw-document-copies.c: importing, collecting and merging copies). Not
 * installed, not for other code. */

#include "fw-document.h"

G_BEGIN_DECLS

struct _FwDocument
{
  GObject       parent_instance;

  FwWorkbook   *workbook;
  GFile        *file;
  char         *etag;
  /* The etag of a change on disk the user kept their version over. */
  char         *kept_over_etag;
  GFileMonitor *monitor;
  gboolean      read_only;
  gboolean      modified;
  guint         busy;        /* loads under way */
  /* Counts the workbook's changes, so a save knows whether the document was
   * edited while it ran. */
  guint64       serial;

  /* Drafts: written shortly after a change, removed on save or discard. */
  gboolean      autosave;
  char         *draft_id;
  guint         draft_timeout;
  gboolean      draft_writing;   /* a write is on the drafts thread */
  gboolean      draft_again;     /* and another was asked for meanwhile */
  gboolean      draft_failed;    /* reported once */

  /* Saves run one at a time, in the order asked; the next waits here. */
  gboolean      saving;
  GQueue        pending_saves;   /* PendingSave */

  /* A draft recovered while the file is read: shown once it is. */
  FwWorkbook   *pending_recovery;
  char         *pending_draft_id;

  /* The file's version as last read or written (fw-versions.h), and the sync
   * clients' conflicted copies of it found beside it when it was read. */
  char         *version_checksum;
  GPtrArray    *merged_checksums;    /* char *: versions merged in since, not saved yet */
  GPtrArray    *conflicted_copies;   /* GFile */
};

/* The workbook is written out here, the files on the drafts thread; one draft
 * at a time, a change while one is written asks for another after it. */
void         document_write_draft           (FwDocument *self);
/* Contents replaced as a whole (load, reload, recovery, a merge): not an edit. */
void         document_take_contents         (FwDocument *self,
                                             FwWorkbook *contents);

G_END_DECLS
