/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-worksheet.h"

G_BEGIN_DECLS

/* Writes @wb as an Excel workbook with two sheets: the 2023 worksheet layout
 * (the same cells as fw_worksheet_export_csv(), with the template's look) and a
 * 2022-style sheet, one idea per row, whose PoC優先度 is a live formula.
 * Written to a temporary file beside @path and renamed over it, so a failure
 * leaves @path as it was. Errors are in FW_WORKSHEET_ERROR. */
gboolean     fw_worksheet_export_xlsx    (FwWorkbook  *wb,
                                          const char  *path,
                                          FwWorksheetExportFlags flags,
                                          GError     **error);

G_END_DECLS
