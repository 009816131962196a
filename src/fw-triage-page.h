/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"
#include "fw-triage.h"

G_BEGIN_DECLS

/* Spotting: a backlog of user stories, each with the ML task its words suggest;
 * the product manager promotes a story to an idea (1 or Enter), keeps it for
 * later (2) or sets it aside as not ML (3), and can undo (Ctrl+Z) and redo
 * (Ctrl+Shift+Z) from anywhere on the page. Promoting appends an idea to the
 * workbook and emits "idea-promoted"; the page stays on the list, and a
 * promoted story's Open button emits "open-idea". */
#define FW_TYPE_TRIAGE_PAGE (fw_triage_page_get_type ())
G_DECLARE_FINAL_TYPE (FwTriagePage, fw_triage_page, FW, TRIAGE_PAGE, AdwBin)

typedef enum
{
  FW_TRIAGE_UNDECIDED,
  FW_TRIAGE_PROMOTED,
  FW_TRIAGE_MAYBE,
  FW_TRIAGE_NOT_ML,
} FwTriageDecision;

GtkWidget        *fw_triage_page_new           (void);
void              fw_triage_page_set_workbook  (FwTriagePage  *self,
                                                FwWorkbook    *workbook);
FwWorkbook       *fw_triage_page_get_workbook  (FwTriagePage  *self);

/* Adds the stories in @text (as pasted or read from a file) to the list;
 * returns how many, or 0 with @error set. */
guint             fw_triage_page_read_text     (FwTriagePage  *self,
                                                const char    *text,
                                                FwTriageInput  input,
                                                GError       **error);
guint             fw_triage_page_get_n_stories (FwTriagePage  *self);
FwTriageDecision  fw_triage_page_get_decision  (FwTriagePage  *self,
                                                guint          position);
/* The task the story would be promoted with: the suggestion or the override. */
FwTask            fw_triage_page_get_task      (FwTriagePage  *self,
                                                guint          position);
void              fw_triage_page_set_task      (FwTriagePage  *self,
                                                guint          position,
                                                FwTask         task);
void              fw_triage_page_select        (FwTriagePage  *self,
                                                guint          position);

G_END_DECLS
