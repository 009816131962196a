/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-workbook.h"

G_BEGIN_DECLS

/* A Markdown summary of a workbook, for pasting into a chat or a wiki: the
 * cases as the worksheet's table, then each idea's verdict, score, PoC
 * priority, stage states, reasons and advice. @lang ("en", "ja") switches the
 * translation for the duration of the call; NULL keeps the current one.
 * Free with g_free(). */
char  *fw_markdown_from_workbook  (FwWorkbook  *workbook,
                                   const char  *lang);

/* @text made safe for one table cell: pipes escaped, line breaks as <br>. */
char  *fw_markdown_escape_cell    (const char  *text);

G_END_DECLS
