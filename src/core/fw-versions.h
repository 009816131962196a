/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-workbook.h"

G_BEGIN_DECLS

/* The versions of workbooks this machine has read or written, kept so that a
 * merge of another copy can find the version the copy came from (the base of a
 * three-way merge). One folder per workbook identity (fw_workbook_dup_identity()),
 * one file per version named by the SHA-256 of its bytes; the newest
 * FW_VERSIONS_KEPT are kept. Everything here does file work: call it on a worker. */

#define FW_VERSIONS_KEPT 24
/* Larger files are not kept (a workbook of 10,000 ideas is about 12 MB). */
#define FW_VERSIONS_MAX_SIZE (32 * 1024 * 1024)

/* $XDG_DATA_HOME/flywheel/versions, or $FLYWHEEL_VERSIONS_DIR when set. */
char        *fw_versions_get_dir    (void);

/* Keeps @bytes as a version of the workbook @identity, made from the versions
 * @parents names (checksums: the version it was edited from, and those merged
 * into it; NULL: not known). Returns its checksum (free with g_free()), or NULL
 * when it was not kept (too large, no folder). */
char        *fw_versions_record     (const char         *identity,
                                     GBytes             *bytes,
                                     const char * const *parents);

/* The version @theirs most likely came from: of the versions this side was made
 * from, kept here — @ours (checksums: the file as last read or written, and the
 * versions merged into it since), the versions they were edited from and those
 * merged into them, as far back as they are kept — the one the fewest changes
 * away from @theirs (the older of two as near). NULL when none is kept, or when a
 * version the nearest was made from is no longer kept (it could have been the base). */
FwWorkbook  *fw_versions_find_base  (const char         *identity,
                                     const char * const *ours,
                                     FwWorkbook         *theirs,
                                     GCancellable       *cancellable);

/* The copies a sync client made beside @file when two people saved it at once:
 * "plan (conflicted copy 2026-12-01).flywheel", "plan (Aiko's conflicted copy…)",
 * "plan.sync-conflict-20261201-101010-ABCDEFG.flywheel", "plan (Conflict …)". A new
 * array of GFile, by name. */
GPtrArray   *fw_versions_find_conflicted_copies (GFile *file);
/* Whether @name is such a copy of @original (both file names). */
gboolean     fw_versions_is_conflicted_copy     (const char *name,
                                                 const char *original);

G_END_DECLS
