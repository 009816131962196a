/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-idea.h"

G_BEGIN_DECLS

/* Undo and redo for every edit of the ideas it watches: texts, the task,
 * applicability, evidence, switches, answers, priorities, case links. It
 * records what each property was before a change by keeping a copy of each
 * watched idea, so edits made anywhere (a widget, a binding, code) are caught
 * the same way. Typing into one field within a second is one step; changes
 * made by one action (in one go, a few milliseconds apart) are one step. */
#define FW_TYPE_HISTORY (fw_history_get_type ())
G_DECLARE_FINAL_TYPE (FwHistory, fw_history, FW, HISTORY, GObject)

FwHistory   *fw_history_new        (void);
/* Records @idea's changes from now on (watching it twice is watching it once). */
void         fw_history_watch      (FwHistory *self,
                                    FwIdea    *idea);
/* Stops watching @idea and drops its steps (the idea left the workbook). */
void         fw_history_forget     (FwHistory *self,
                                    FwIdea    *idea);
/* Drops every step and watch (the workbook was reloaded or replaced). */
void         fw_history_clear      (FwHistory *self);
gboolean     fw_history_can_undo   (FwHistory *self);
gboolean     fw_history_can_redo   (FwHistory *self);
/* Takes the last step back (or forward again); returns the idea it changed,
 * or NULL when there was nothing to do. */
FwIdea      *fw_history_undo       (FwHistory *self);
FwIdea      *fw_history_redo       (FwHistory *self);
/* The idea the next undo (or redo) would change, without changing it; NULL
 * when there is nothing to do. */
FwIdea      *fw_history_peek_undo  (FwHistory *self);
FwIdea      *fw_history_peek_redo  (FwHistory *self);
/* A step ends here: the next change starts a new one, even in the same field. */
void         fw_history_break      (FwHistory *self);

G_END_DECLS
