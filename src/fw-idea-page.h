/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"
#include "fw-idea-editor.h"
#include "fw-team-panel.h"

G_BEGIN_DECLS

/* One idea's page: the guided editor beside the flywheel diagram and the
 * verdict with its reasons and advice, side by side with a movable divider
 * when wide, stacked and scrolled as one when narrow. */
#define FW_TYPE_IDEA_PAGE (fw_idea_page_get_type ())
G_DECLARE_FINAL_TYPE (FwIdeaPage, fw_idea_page, FW, IDEA_PAGE, GtkWidget)

GtkWidget    *fw_idea_page_new              (void);
/* The idea shown (NULL: none), of @workbook (for the cases it may follow). */
void          fw_idea_page_set_idea         (FwIdeaPage *self,
                                             FwWorkbook *workbook,
                                             FwIdea     *idea);
FwIdea       *fw_idea_page_get_idea         (FwIdeaPage *self);
/* The diagram and verdict over the whole page, the form hidden. */
void          fw_idea_page_set_larger_diagram (FwIdeaPage *self,
                                             gboolean    larger);
gboolean      fw_idea_page_get_larger_diagram (FwIdeaPage *self);
FwIdeaEditor *fw_idea_page_get_editor       (FwIdeaPage *self);
GtkWidget    *fw_idea_page_get_flywheel_view (FwIdeaPage *self);
/* The verdict shown (for tests and accessibility checks). */
const char   *fw_idea_page_get_verdict_text (FwIdeaPage *self);

/* The "Team" part under the verdict. */
FwTeamPanel  *fw_idea_page_get_team_panel   (FwIdeaPage *self);

G_END_DECLS
