/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-application.h"
#include "fw-core.h"
#include "fw-idea-editor.h"

G_BEGIN_DECLS

#define FW_TYPE_WINDOW (fw_window_get_type ())
G_DECLARE_FINAL_TYPE (FwWindow, fw_window, FW, WINDOW, AdwApplicationWindow)

FwWindow    *fw_window_new            (FwApplication *app,
                                       FwWorkbook    *workbook,
                                       GFile         *file);
FwWorkbook  *fw_window_get_workbook   (FwWindow      *self);
GFile       *fw_window_get_file       (FwWindow      *self);
/* Selects the idea at @position and shows it; FALSE when there is none. */
gboolean     fw_window_select_idea    (FwWindow      *self,
                                       guint          position);
FwIdea      *fw_window_get_selected_idea (FwWindow   *self);
gboolean     fw_window_get_modified   (FwWindow      *self);
/* Filters the idea list as typing @query in the search entry does. */
void         fw_window_search         (FwWindow      *self,
                                       const char    *query);
guint        fw_window_get_n_listed_ideas (FwWindow  *self);
/* The verdict shown beside the selected idea (for tests and accessibility checks). */
const char  *fw_window_get_verdict_text (FwWindow    *self);
/* Saves the workbook to @file and makes it the window's file; shows an error on failure. */
gboolean     fw_window_save_to        (FwWindow      *self,
                                       GFile         *file);
FwIdeaEditor *fw_window_get_editor     (FwWindow      *self);
GtkWidget   *fw_window_get_flywheel_view (FwWindow    *self);
/* Reads the window's file on a worker thread, showing progress meanwhile; a
 * file that cannot be read leaves the window empty with a message. */
void         fw_window_load           (FwWindow      *self);
/* What the file on disk was when it was read: its entity tag and whether it
 * may be written (a read-only file opens read-only, with a notice). */
void         fw_window_set_file_state (FwWindow      *self,
                                       const char    *etag,
                                       gboolean       writable);
gboolean     fw_window_get_read_only  (FwWindow      *self);
/* Marks the window as holding unsaved work; with @draft_id (recovery), it keeps
 * writing that draft. */
void         fw_window_adopt_draft    (FwWindow      *self,
                                       const char    *draft_id);
const char  *fw_window_get_draft_id   (FwWindow      *self);
/* Shows @recovered (a draft's workbook) as this window's unsaved work and keeps
 * writing draft @draft_id; while the window's file is still being read, it
 * waits for that, so the file's contents never land over the draft's. */
void         fw_window_recover        (FwWindow      *self,
                                       FwWorkbook    *recovered,
                                       const char    *draft_id);
gboolean     fw_window_get_loading    (FwWindow      *self);
/* The bundled sample, still unchanged (a file opened then takes its place). */
gboolean     fw_window_get_is_sample  (FwWindow      *self);
void         fw_window_set_is_sample  (FwWindow      *self,
                                       gboolean       is_sample);
/* Imports a worksheet saved as CSV; asks where to when this workbook has
 * content. Shows errors itself; FALSE when the file was refused. */
gboolean     fw_window_import_file    (FwWindow      *self,
                                       GFile         *file,
                                       gboolean       into_new_window);
/* Writes a pending draft now rather than after the delay. */
void         fw_window_flush_draft    (FwWindow      *self);
void         fw_window_show_error     (FwWindow      *self,
                                       const char    *heading,
                                       const char    *body);

G_END_DECLS
