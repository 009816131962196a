/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* An idea in the sidebar: its verdict's icon, its title, and the verdict and
 * score, following every change of the idea. */
#define FW_TYPE_IDEA_ROW (fw_idea_row_get_type ())
G_DECLARE_FINAL_TYPE (FwIdeaRow, fw_idea_row, FW, IDEA_ROW, GtkWidget)

GtkWidget   *fw_idea_row_new       (void);
void         fw_idea_row_set_idea  (FwIdeaRow *self,
                                    FwIdea    *idea);
FwIdea      *fw_idea_row_dup_idea  (FwIdeaRow *self);

G_END_DECLS
