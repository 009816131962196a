/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* The Disagreement page: the ideas in the order to discuss them, least agreement
 * first (fw_team_order_by_disagreement), each with its agreement figure; a row
 * emits "idea-activated" with the FwIdea. Follows the workbook's changes. */
#define FW_TYPE_DISAGREEMENT_PAGE (fw_disagreement_page_get_type ())
G_DECLARE_FINAL_TYPE (FwDisagreementPage, fw_disagreement_page, FW, DISAGREEMENT_PAGE, AdwBin)

GtkWidget   *fw_disagreement_page_new          (void);
void         fw_disagreement_page_set_workbook (FwDisagreementPage *self,
                                                FwWorkbook         *workbook);
/* The list's rows, for tests. */
GtkListBox  *fw_disagreement_page_get_list     (FwDisagreementPage *self);

G_END_DECLS
