/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* Print through GtkPrintOperation (with its dialog), drawing the pages with
 * the same code as the PDF report and the diagram exports. Both return at
 * once; errors show in a dialog on @parent. */
void   fw_print_report    (GtkWindow  *parent,
                           FwWorkbook *workbook);
void   fw_print_diagram   (GtkWindow  *parent,
                           FwIdea     *idea);

/* The report through the same GtkPrintOperation, exported to a PDF at @path
 * with no dialog: what a printer would get, for tests. */
gboolean fw_print_report_to_file (FwWorkbook  *workbook,
                                  const char  *path,
                                  GError     **error);

G_END_DECLS
