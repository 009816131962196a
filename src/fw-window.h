/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"
#include "fw-idea-editor.h"

G_BEGIN_DECLS

/* A window on one FwDocument: the sidebar of sections and ideas, and the page
 * shown beside it. It reads, writes and watches its file only through the
 * document. */
#define FW_TYPE_WINDOW (fw_window_get_type ())
G_DECLARE_FINAL_TYPE (FwWindow, fw_window, FW, WINDOW, AdwApplicationWindow)

/* @settings: the application's (NULL: defaults, as in tests); @workbook: the
 * contents (NULL: empty); @file: where they live (NULL: not saved yet; to read
 * it, call fw_window_load()). */
FwWindow    *fw_window_new            (GtkApplication *app,
                                       GSettings     *settings,
                                       FwWorkbook    *workbook,
                                       GFile         *file);
FwDocument  *fw_window_get_document   (FwWindow      *self);
FwWorkbook  *fw_window_get_workbook   (FwWindow      *self);
GFile       *fw_window_get_file       (FwWindow      *self);
gboolean     fw_window_get_modified   (FwWindow      *self);
/* Selects the idea at @position and shows it; FALSE when there is none. */
gboolean     fw_window_select_idea    (FwWindow      *self,
                                       guint          position);
FwIdea      *fw_window_get_selected_idea (FwWindow   *self);
/* Filters the idea list as typing @query in the search entry does. */
void         fw_window_search         (FwWindow      *self,
                                       const char    *query);
guint        fw_window_get_n_listed_ideas (FwWindow  *self);
/* The verdict shown beside the selected idea (for tests and accessibility checks). */
const char  *fw_window_get_verdict_text (FwWindow    *self);
FwIdeaEditor *fw_window_get_editor     (FwWindow      *self);
GtkWidget   *fw_window_get_flywheel_view (FwWindow    *self);
/* Reads the window's file on a worker thread, showing progress meanwhile; a
 * file that cannot be read leaves the window empty with a message. */
void         fw_window_load           (FwWindow      *self);
/* Saves to @file and makes it the window's file, showing any error; waits for
 * the save (it iterates the main loop: for tests, and the command line's
 * callers that need the answer). TRUE when written. */
gboolean     fw_window_save_to        (FwWindow      *self,
                                       GFile         *file);
/* Shows @recovered (a draft's workbook) as this window's unsaved work; see
 * fw_document_recover(). */
void         fw_window_recover        (FwWindow      *self,
                                       FwWorkbook    *recovered,
                                       const char    *draft_id);
/* The bundled sample, still unchanged (a file opened then takes its place). */
gboolean     fw_window_get_is_sample  (FwWindow      *self);
void         fw_window_set_is_sample  (FwWindow      *self,
                                       gboolean       is_sample);
/* The diagram and verdict over the whole idea page, the form hidden (F11). */
void         fw_window_set_larger_diagram (FwWindow  *self,
                                       gboolean       larger);
/* Imports a worksheet, XLSX or saved as CSV, on a worker thread; asks where to when
 * this workbook has content. Shows errors itself. */
void         fw_window_import_file    (FwWindow      *self,
                                       GFile         *file,
                                       gboolean       into_new_window);
void         fw_window_show_error     (FwWindow      *self,
                                       const char    *heading,
                                       const char    *body);

/* Collects the team members' assessments from @files (copies of this workbook),
 * then says what came in and offers the new ideas. */
void         fw_window_collect_files  (FwWindow      *self,
                                       GFile * const *files,
                                       guint          n_files);
/* Another copy of this workbook: its differences shown, or merged into this one
 * (three-way when the version it came from is known here; fw-document.h). */
void         fw_window_compare_file   (FwWindow      *self,
                                       GFile         *file);
void         fw_window_merge_file     (FwWindow      *self,
                                       GFile         *file);

G_END_DECLS
