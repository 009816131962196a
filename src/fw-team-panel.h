/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* The idea page's "Team" part, under the verdict: my own assessment of the idea,
 * the others' (hidden until revealed), taking one member's answer into the idea,
 * and the PM's decision. */
#define FW_TYPE_TEAM_PANEL (fw_team_panel_get_type ())
G_DECLARE_FINAL_TYPE (FwTeamPanel, fw_team_panel, FW, TEAM_PANEL, GtkWidget)

GtkWidget   *fw_team_panel_new          (void);
void         fw_team_panel_set_idea     (FwTeamPanel *self,
                                         FwWorkbook  *workbook,
                                         FwIdea      *idea);
/* Who I am on this computer (Preferences): @id NULL or empty while unknown. */
void         fw_team_panel_set_me       (FwTeamPanel *self,
                                         const char  *id,
                                         const char  *name,
                                         FwRole       role);
/* Whether the others' assessments of the shown idea are shown: the PM revealed
 * them (fw_idea_get_revealed(), for the idea or for every idea). */
gboolean     fw_team_panel_get_revealed (FwTeamPanel *self);
/* Records my assessment of the shown idea: its judgement fields from @view (an
 * idea judged as I see it) and @comment; joins me to the team if I am not in it. */
void         fw_team_panel_save_mine    (FwTeamPanel *self,
                                         FwIdea      *view,
                                         const char  *comment);

G_END_DECLS
