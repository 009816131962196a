/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* Export Report…: asks where to save, then has @document write the PDF on a
 * worker thread (fw_document_export_report_async(), in @language: NULL or "" for
 * the interface's), with progress and Cancel in a toast of @parent's
 * AdwToastOverlay (or a small dialog when it has none). Errors show in an
 * AdwMessageDialog. Returns at once. */
void   fw_report_export_run   (GtkWindow  *parent,
                               FwDocument *document,
                               const char *language);

G_END_DECLS
