/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* The Conflicts page: the conflicts a merge left in the workbook
 * (fw_workbook_dup_conflicts()), one row per field, grouped by item. Each row
 * says both values (and the one before, when known) and resolves the conflict:
 * Keep Mine, Take Theirs, or Edit… a value of one's own (texts and choices); an
 * item one side deleted and the other changed is kept or deleted. Follows the
 * workbook's changes; "No Conflicts" when there are none.
 *
 * Each resolution can be undone (fw_conflicts_page_undo(), the newest first): the
 * conflict comes back and the field its value, or the deleted item its place. The
 * steps go when the workbook's conflicts change other than from here (a reload,
 * another merge) or the page gets another workbook.
 *
 * Signals:
 *   "resolved" (FwConflictsPage *page, const char *toast_title): a conflict was
 *     resolved; @toast_title says how ("Kept theirs for Data — why (Idea
 *     “Title”)"), translated and markup-escaped, ready for adw_toast_new(); an
 *     Undo button on the toast calls fw_conflicts_page_undo().
 * Properties: "n-conflicts" (guint, read-only), "can-undo" (gboolean, read-only). */
#define FW_TYPE_CONFLICTS_PAGE (fw_conflicts_page_get_type ())
G_DECLARE_FINAL_TYPE (FwConflictsPage, fw_conflicts_page, FW, CONFLICTS_PAGE, GtkWidget)

GtkWidget   *fw_conflicts_page_new             (void);
/* @workbook: NULL for none. */
void         fw_conflicts_page_set_workbook    (FwConflictsPage *self,
                                                FwWorkbook      *workbook);
FwWorkbook  *fw_conflicts_page_get_workbook    (FwConflictsPage *self);
/* The conflicts the page shows: the workbook's. */
guint        fw_conflicts_page_get_n_conflicts (FwConflictsPage *self);
gboolean     fw_conflicts_page_can_undo        (FwConflictsPage *self);
/* Takes the newest resolution back; FALSE when there was none. */
gboolean     fw_conflicts_page_undo            (FwConflictsPage *self);

G_END_DECLS
