/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* Export Report…: asks where to save, then writes the PDF in a worker thread
 * from a copy of @workbook, with progress and Cancel in a toast of @parent's
 * AdwToastOverlay (or a small dialog when it has none). Errors show in an
 * AdwMessageDialog. Returns at once. */
void   fw_report_export_run   (GtkWindow  *parent,
                               FwWorkbook *workbook,
                               const char *language);

G_END_DECLS
