/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* The workbook's best-practice cases (the worksheet's 理解編 part): the count
 * against the homework's 2–6, the deck's cases from the built-in library, the
 * PM's own, and the deck's exercise on the library cases. */
#define FW_TYPE_CASES_PAGE (fw_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (FwCasesPage, fw_cases_page, FW, CASES_PAGE, AdwBin)

GtkWidget   *fw_cases_page_new            (void);
FwWorkbook  *fw_cases_page_get_workbook   (FwCasesPage *self);
void         fw_cases_page_set_workbook   (FwCasesPage *self,
                                           FwWorkbook  *workbook);

/* The page's own last step, a change of a case's answers (Keep Mine, Use the
 * Example, the deck's version again), can be taken back ("can-undo"): Ctrl+Z
 * on the page does that before any edit of an idea. FALSE when there is none. */
gboolean     fw_cases_page_get_can_undo   (FwCasesPage *self);
gboolean     fw_cases_page_undo           (FwCasesPage *self);
/* The toast that offers to undo the last change, while it lasts (NULL once it
 * timed out or was dismissed). */
AdwToast    *fw_cases_page_get_undo_toast (FwCasesPage *self);

/* The homework asks for this many cases. */
#define FW_HOMEWORK_MIN_CASES 2
#define FW_HOMEWORK_MAX_CASES 6

G_END_DECLS
