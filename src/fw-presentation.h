/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* Present (F5): a fullscreen window with one slide per idea, in rank order
 * (large flywheel, verdict, top reasons), then the portfolio. Right, Down,
 * Space, Page Down and a click go on; Left, Up, Page Up and Backspace go back;
 * Home and End jump; D switches light and dark; Escape leaves. Returns the
 * window, already shown. */
GtkWindow   *fw_presentation_present  (GtkWindow  *parent,
                                       FwWorkbook *workbook,
                                       gboolean    dark);

G_END_DECLS
