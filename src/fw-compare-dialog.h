/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* Compare With “NAME”: the differences from @mine to @other (fw_diff()), grouped by
 * item, one row per change (the field, "before → after"); "No Differences" when
 * they have the same content. A modal window over @parent; Escape closes it.
 *
 * Signals:
 *   "merge-requested" (FwCompareDialog *dialog): Merge Changes… was clicked (it is
 *     shown only when there are differences); the dialog closes after it. */
#define FW_TYPE_COMPARE_DIALOG (fw_compare_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FwCompareDialog, fw_compare_dialog, FW, COMPARE_DIALOG, AdwWindow)

/* @other_name: what the other copy is called ("ben.flywheel"). The differences are
 * read once, now. */
GtkWidget   *fw_compare_dialog_new                (GtkWindow       *parent,
                                                   FwWorkbook      *mine,
                                                   FwWorkbook      *other,
                                                   const char      *other_name);
guint        fw_compare_dialog_get_n_differences  (FwCompareDialog *self);

G_END_DECLS
