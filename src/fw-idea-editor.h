/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"

G_BEGIN_DECLS

/* FwStep and fw_idea_step_is_complete() live in the core (fw-steps.h). */

#define FW_TYPE_IDEA_EDITOR (fw_idea_editor_get_type ())
G_DECLARE_FINAL_TYPE (FwIdeaEditor, fw_idea_editor, FW, IDEA_EDITOR, GtkWidget)

GtkWidget   *fw_idea_editor_new           (void);
void         fw_idea_editor_set_idea      (FwIdeaEditor *self,
                                           FwWorkbook   *workbook,
                                           FwIdea       *idea);
FwIdea      *fw_idea_editor_get_idea      (FwIdeaEditor *self);
FwStep       fw_idea_editor_get_step      (FwIdeaEditor *self);
void         fw_idea_editor_set_step      (FwIdeaEditor *self,
                                           FwStep        step);
/* Shows the Flywheel step and puts the cursor in @stage's why. */
/* Shows @step from its top, the focus on its first field (Next, Back, a new idea). */
void         fw_idea_editor_open_step     (FwIdeaEditor *self,
                                           FwStep        step);
void         fw_idea_editor_focus_stage   (FwIdeaEditor *self,
                                           FwStage       stage);

G_END_DECLS
