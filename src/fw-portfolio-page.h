/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* The Portfolio page: every idea ranked by PoC priority and flywheel score, as
 * a chart (click a bubble) and as a list (activate a row). Both emit
 * "idea-activated" with the FwIdea. Follows the workbook's changes. */
#define FW_TYPE_PORTFOLIO_PAGE (fw_portfolio_page_get_type ())
G_DECLARE_FINAL_TYPE (FwPortfolioPage, fw_portfolio_page, FW, PORTFOLIO_PAGE, AdwBin)

GtkWidget   *fw_portfolio_page_new          (void);
FwWorkbook  *fw_portfolio_page_get_workbook (FwPortfolioPage *self);
void         fw_portfolio_page_set_workbook (FwPortfolioPage *self,
                                             FwWorkbook      *workbook);

G_END_DECLS
