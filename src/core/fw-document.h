/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fw-collect.h"
#include "fw-export.h"
#include "fw-report.h"
#include "fw-worksheet.h"

G_BEGIN_DECLS

/* One open workbook and its file: what a window shows and edits, and every
 * operation on the file — load, save, reload, drafts, import — as GIO-style
 * _async/_finish pairs whose file work runs on a worker thread. No GTK: the
 * command line and the tests use it without a display. A window binds to a
 * document and never touches a file itself.
 *
 * The workbook object stays the same for the document's life (load and
 * reload replace its contents), so what is bound to it stays bound. */
#define FW_TYPE_DOCUMENT (fw_document_get_type ())
G_DECLARE_FINAL_TYPE (FwDocument, fw_document, FW, DOCUMENT, GObject)

typedef enum
{
  FW_DOCUMENT_SAVE_DEFAULT   = 0,
  /* Write even when another program changed the file since it was read
   * (the user saw the question and chose Save Anyway). */
  FW_DOCUMENT_SAVE_OVERWRITE = 1 << 0,
} FwDocumentSaveFlags;

/* @workbook: the contents (NULL: an empty workbook); @file: where it lives (NULL:
 * not saved yet). To read @file, call fw_document_load_async(). */
FwDocument  *fw_document_new                (FwWorkbook          *workbook,
                                             GFile               *file);
FwWorkbook  *fw_document_get_workbook       (FwDocument          *self);
GFile       *fw_document_get_file           (FwDocument          *self);
/* The file's entity tag as last read or written (NULL before). */
const char  *fw_document_get_etag           (FwDocument          *self);
gboolean     fw_document_get_modified       (FwDocument          *self);
void         fw_document_set_modified       (FwDocument          *self,
                                             gboolean             modified);
gboolean     fw_document_get_read_only      (FwDocument          *self);
/* TRUE while the file is being read. */
gboolean     fw_document_get_busy           (FwDocument          *self);
/* The file's name, else the workbook's title, else "Unsaved workbook". */
char        *fw_document_dup_display_name   (FwDocument          *self);

/* Reading the file: on success the workbook holds what it says, unmodified,
 * with the file's etag and whether it may be written. On failure the document
 * forgets the file (so nothing can overwrite what could not be read). A
 * draft recovered meanwhile (fw_document_recover()) is shown over it. */
void         fw_document_load_async         (FwDocument          *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     fw_document_load_finish        (FwDocument          *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Reading the file again over unsaved changes (the caller asked the user). */
void         fw_document_reload_async       (FwDocument          *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     fw_document_reload_finish      (FwDocument          *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Saving to @file (NULL: the document's own), atomically, the bytes made on
 * the calling thread and written on a worker. Over the document's own file it
 * refuses with G_IO_ERROR_WRONG_ETAG when another program changed the file
 * since it was read, unless FW_DOCUMENT_SAVE_OVERWRITE. On success @file is the
 * document's file, its draft is gone, and it is unmodified unless it was
 * changed while the save ran. */
void         fw_document_save_async         (FwDocument          *self,
                                             GFile               *file,
                                             FwDocumentSaveFlags  flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     fw_document_save_finish        (FwDocument          *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* The changes on disk the user chose to keep their version over: not reported
 * again, while saving over them still needs FW_DOCUMENT_SAVE_OVERWRITE. */
void         fw_document_keep_mine          (FwDocument          *self);

/* Drafts: with autosave on (the default), a change is written to a draft
 * within a second; saving or discarding removes it. */
void         fw_document_set_autosave       (FwDocument          *self,
                                             gboolean             autosave);
const char  *fw_document_get_draft_id       (FwDocument          *self);
/* Writes a pending draft now rather than after the delay. */
void         fw_document_flush_draft        (FwDocument          *self);
/* The user threw the changes away: the draft goes (queued after any write). */
void         fw_document_discard_draft      (FwDocument          *self);
/* Shows @recovered, a draft's workbook, as this document's unsaved work and
 * keeps writing draft @draft_id. While the file is read, it waits for that. */
void         fw_document_recover            (FwDocument          *self,
                                             FwWorkbook          *recovered,
                                             const char          *draft_id);

/* Reads and parses a worksheet (XLSX, or saved as CSV) on a worker thread. */
void         fw_document_import_async       (FwDocument          *self,
                                             GFile               *worksheet,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The imported workbook (and what the import did, in *report). */
FwWorkbook  *fw_document_import_finish      (FwDocument          *self,
                                             GAsyncResult        *result,
                                             FwImportReport     **report,
                                             GError             **error);
/* Adds what @imported has that this workbook lacks, by id: cases and ideas
 * (never replacing one), and the product and title when this one has none; an
 * empty workbook without an id takes @imported's (the one its sheet came from). */
void         fw_document_merge_imported     (FwDocument          *self,
                                             FwWorkbook          *imported);
/* The team round: reads the member copies @files on a worker thread (every one
 * read and checked before anything changes), then collects their assessments into
 * this workbook on the calling thread in _finish. */
void         fw_document_collect_async      (FwDocument          *self,
                                             GFile * const       *files,
                                             guint                n_files,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* What came in (fw-collect.h; new ideas are offered, not added), or NULL with
 * @error naming the copy that could not be read or belongs to another workbook:
 * then nothing changed. */
FwCollect   *fw_document_collect_finish     (FwDocument          *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Exports, their files written on a worker thread. The diagram of @input
 * (taken: made from an idea on the calling thread) with @options (copied). */
void         fw_document_export_diagram_async (FwDocument          *self,
                                             FwFlywheelInput     *input,
                                             const FwExportOptions *options,
                                             const char          *path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     fw_document_export_diagram_finish (FwDocument       *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* The workshop's worksheet at @path, as CSV or XLSX: written from a copy of the
 * workbook that the worker makes from the pieces made here (a few ms). */
void         fw_document_export_worksheet_async (FwDocument        *self,
                                             const char          *path,
                                             gboolean             csv,
                                             FwWorksheetExportFlags flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     fw_document_export_worksheet_finish (FwDocument     *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Another copy of this workbook (a member's, a sync client's conflicted copy,
 * another branch's): read on a worker thread, with the version it most likely
 * came from among those this machine kept (fw-versions.h) as *base (NULL when
 * none is known: a merge is then two-way). The copy's version is kept in turn. */
void         fw_document_read_copy_async    (FwDocument          *self,
                                             GFile               *copy,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
FwWorkbook  *fw_document_read_copy_finish   (FwDocument          *self,
                                             GAsyncResult        *result,
                                             FwWorkbook         **base,
                                             GError             **error);
/* Merges @theirs (named @theirs_from in the conflicts) into this workbook
 * (fw_merge(), this workbook as ours): one change, the conflicts kept inside it.
 * FALSE with @error when @theirs is a copy of another workbook: nothing changes. */
gboolean     fw_document_merge_copy         (FwDocument          *self,
                                             FwWorkbook          *base,
                                             FwWorkbook          *theirs,
                                             const char          *theirs_from,
                                             guint               *n_conflicts,
                                             GError             **error);
/* The sync clients' conflicted copies of the file found beside it when it was
 * last read (GFile; empty when none). */
GPtrArray   *fw_document_get_conflicted_copies (FwDocument       *self);

/* A copy of @idea with a new id and "(copy)" in its title, after it. */
FwIdea      *fw_document_duplicate_idea     (FwDocument          *self,
                                             FwIdea              *idea);

/* ------------------------------------------------------------------------
 * The rest of what a window does to files (the exports in fw-document-export.c,
 * the others in fw-document-files.c), each file read or written on a worker
 * thread. Cancelled before it is done: G_IO_ERROR_CANCELLED. */

/* The portfolio chart of this workbook (fw-portfolio.h: ranked on the calling
 * thread, drawn on the worker), titled with the workbook's title, at @path in
 * @options' format (copied). */
void         fw_document_export_portfolio_async (FwDocument      *self,
                                             const FwExportOptions *options,
                                             const char          *path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     fw_document_export_portfolio_finish (FwDocument     *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* The PDF report (fw-report.h) at @out, from a copy of the workbook that the
 * worker makes from the pieces made here; written in @options->language (NULL
 * options: the defaults), pushed on the worker alone, whatever the interface's.
 * @progress (may be NULL) is called on the worker with @progress_data, which
 * must live until @callback has run. @out is untouched on failure or
 * cancellation. */
void         fw_document_export_report_async (FwDocument         *self,
                                             GFile               *out,
                                             const FwReportOptions *options,
                                             FwReportProgress     progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     fw_document_export_report_finish (FwDocument        *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* A backlog of user stories to triage (fw-triage.h), read and decoded. */
void         fw_document_read_backlog_async (FwDocument          *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* Its text in UTF-8, or NULL with @error naming the file: missing, unreadable,
 * too large (FW_TRIAGE_MAX_SIZE), binary or in an unknown encoding. */
char        *fw_document_read_backlog_finish (FwDocument         *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Whether every one of @files is a copy of this workbook (the same
 * fw_workbook_dup_identity()), each read in turn. Nothing changes. */
void         fw_document_peek_copies_async  (FwDocument          *self,
                                             GFile * const       *files,
                                             guint                n_files,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* TRUE when they all are; FALSE with @error for the first that is not: why it
 * could not be read, or FW_COLLECT_ERROR_OTHER_WORKBOOK. */
gboolean     fw_document_peek_copies_finish (FwDocument          *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Whether @file exists (Save As asks before replacing one), asked on a worker
 * so that a slow or remote folder never stalls the caller. */
void         fw_document_query_exists_async (FwDocument          *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* TRUE or FALSE; FALSE with @error only when cancelled. */
gboolean     fw_document_query_exists_finish (FwDocument         *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
