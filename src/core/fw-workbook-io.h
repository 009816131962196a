/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-workbook.h"

G_BEGIN_DECLS

#define FW_WORKBOOK_FORMAT      "flywheel-workbook"
#define FW_WORKBOOK_VERSION     1
#define FW_WORKBOOK_MAX_SIZE    (64 * 1024 * 1024)
#define FW_WORKBOOK_MAX_DEPTH   64

#define FW_WORKBOOK_ERROR (fw_workbook_error_quark ())

typedef enum
{
  FW_WORKBOOK_ERROR_TOO_LARGE,      /* over FW_WORKBOOK_MAX_SIZE */
  FW_WORKBOOK_ERROR_TOO_DEEP,       /* nesting over FW_WORKBOOK_MAX_DEPTH */
  FW_WORKBOOK_ERROR_NOT_UTF8,
  FW_WORKBOOK_ERROR_SYNTAX,         /* not JSON */
  FW_WORKBOOK_ERROR_NOT_WORKBOOK,   /* JSON, but no "format": "flywheel-workbook" */
  FW_WORKBOOK_ERROR_NEWER_VERSION,  /* a major version this build does not know */
  FW_WORKBOOK_ERROR_INVALID,        /* a field of the wrong type or value */
} FwWorkbookError;

GQuark       fw_workbook_error_quark     (void);

/* @name names the file in messages: "NAME: ideas[3].stages[1].evidence: expected
 * one of none, thematic, …". On error nothing is returned and nothing changes. */
FwWorkbook  *fw_workbook_load_from_data  (const char    *data,
                                          gsize          length,
                                          const char    *name,
                                          GError       **error);
FwWorkbook  *fw_workbook_load            (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* Also returns the file's entity tag (to detect changes by other programs) and
 * whether the user may write it, and the bytes read. Any may be NULL. */
FwWorkbook  *fw_workbook_load_full       (GFile         *file,
                                          char         **etag,
                                          gboolean      *writable,
                                          GCancellable  *cancellable,
                                          GBytes       **contents,
                                          GError       **error);

/* Deterministic: the same workbook gives the same bytes. Unknown members
 * that were loaded are written back after the known ones. */
GBytes      *fw_workbook_to_bytes        (FwWorkbook    *self);
/* The same bytes as pieces (GBytes) to be written one after another: each idea's
 * kept text is shared, not copied, so a workbook of 10,000 ideas is cut into
 * pieces in a few milliseconds on the thread that owns it, and written on
 * another (FwDocument's save). */
GPtrArray   *fw_workbook_to_pieces       (FwWorkbook    *self);

/* Atomic, with a backup (FILE~) of the previous version; on failure the old
 * file is left as it was. */
gboolean     fw_workbook_save            (FwWorkbook    *self,
                                          GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* Like fw_workbook_save(), but refuses with G_IO_ERROR_WRONG_ETAG when the
 * file on disk no longer has @expected_etag (another program changed it), and
 * returns the new file's entity tag. */
gboolean     fw_workbook_save_full       (FwWorkbook    *self,
                                          GFile         *file,
                                          const char    *expected_etag,
                                          char         **new_etag,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* Sets @error to Flywheel's wording of @io_error (G_IO_ERROR or G_FILE_ERROR) about
 * the file the user named @name: "NAME: no such file", "NAME: the folder does not
 * exist" (@saving), … GIO's own messages are replaced because they may name a
 * temporary file or a resolved path; the one place every read and write goes. */
void         fw_file_error_set           (GError       **error,
                                          const GError  *io_error,
                                          const char    *name,
                                          gboolean       saving);

/* @dir/@stem@suffix: the file of a draft or kept version, named by its id. Free with
 * g_free(). */
char        *fw_file_build_name          (const char    *dir,
                                          const char    *stem,
                                          const char    *suffix);

/* The one refusal of a file over its reader's limit: "larger than 64.0 MiB, too
 * large to read" (after "NAME: "). Free with g_free(). */
char        *fw_file_dup_too_large       (guint64        max_size);

/* The one size-checked read every reader of a user's file goes through
 * (workbooks, worksheets, backlogs): @file must be a regular file (a folder, a
 * device or a pipe is refused) of at most @max_size bytes, refused from its size
 * before it is read, with @too_large_code in @domain; other failures in
 * fw_file_error_set()'s words about @name. A local file is read in one read of
 * its size. @etag and @writable (both may be NULL) get the file's entity tag from
 * before the read and whether it may be written. */
GBytes      *fw_file_read_checked        (GFile         *file,
                                          const char    *name,
                                          guint64        max_size,
                                          GQuark         domain,
                                          int            too_large_code,
                                          char         **etag,
                                          gboolean      *writable,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
