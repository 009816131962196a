/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-conflicts-page.h"
#include "fw-idea-page.h"
#include "fw-window.h"

G_BEGIN_DECLS

/* The window's parts share this; nothing outside src/fw-window*.c includes it.
 *   fw-window.c          the window itself: the sidebar, the pages, titles
 *   fw-window-document.c the document it shows: loading, recovery, changes on
 *                        disk, failed drafts, closing with unsaved changes, the
 *                        contents replaced, the file open in another window
 *   fw-window-search.c   searching the ideas
 *   fw-window-actions.c  its actions (win.*) and the one place they are enabled
 *   fw-window-dnd.c      dropping files on it
 *   fw-window-team.c     the team round: who I am, joining, collecting
 *   fw-window-merge.c    other copies: compare, merge, conflicted copies, conflicts */
struct _FwWindow
{
  AdwApplicationWindow  parent_instance;

  FwDocument           *document;
  GSettings            *settings;      /* NULL in tests: defaults apply */
  GCancellable         *cancellable;   /* the file being read, when it is */
  GtkSingleSelection   *selection;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  char                 *search_folded; /* the query, case-folded; NULL: no search */
  FwIdea               *shown_idea;
  FwHistory            *history;       /* undo and redo of every edit of an idea */
  guint                 initial_idle;
  guint                 recent_idle;
  guint                 warm_idle;
  guint                 warm_position;
  gboolean              asking_about_disk;
  gboolean              saving;
  gboolean              is_sample;     /* the bundled sample, shown at start */

  /* The last deleted idea, for Undo, and the toast that offers it (weak). */
  FwIdea               *deleted_idea;
  guint                 deleted_position;
  AdwToast             *delete_toast;
  gboolean              disposed;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwClamp             *sidebar_clamp;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkSearchEntry       *search_entry;
  GtkListBox           *section_list;
  GtkListView          *idea_list;
  GtkStack             *content_stack;
  GtkWidget            *content;
  FwIdeaPage           *idea_page;
  GMenu                *recent_submenu;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  GtkWidget            *export_button;
  GtkWidget            *idea_menu_button;
  GtkWidget            *primary_button;
  GtkWidget            *conflicts_row;     /* the Conflicts section's */
  GtkLabel             *conflicts_count;
  guint                 n_conflicts;       /* the workbook's, as last shown */
  guint                 resolve_serial;    /* the resolution the last toast's Undo takes back */
};

/* fw-window.c */
FwWorkbook *_fw_window_workbook          (FwWindow     *self);
void        _fw_window_show_toast        (FwWindow     *self,
                                          const char   *message);
void        _fw_window_select_idea       (FwWindow     *self,
                                          FwIdea       *idea);
void        _fw_window_clear_search      (FwWindow     *self);
void        _fw_window_show_idea_page    (FwWindow     *self);
gboolean    _fw_window_triage_shown      (FwWindow     *self);
gboolean    _fw_window_idea_page_shown   (FwWindow     *self);
/* Shows the section page @name ("cases", "conflicts"…). */
void        _fw_window_show_section      (FwWindow     *self,
                                          const char   *name);
void        _fw_window_update_titles     (FwWindow     *self);
void        _fw_window_set_sample        (FwWindow     *self,
                                          gboolean      is_sample);
/* The idea page follows the idea shown (its title, or the empty page). */
void        _fw_window_update_idea_page  (FwWindow     *self);
/* Shows the idea the list selects. */
void        _fw_window_selection_changed (FwWindow     *self);

/* fw-window-search.c */
gboolean    _fw_window_idea_matches      (gpointer      item,
                                          gpointer      user_data);
void        _fw_window_search_changed_cb (FwWindow     *self);
/* Prepares the ideas' search texts while the window is idle. */
void        _fw_window_warm_search       (FwWindow     *self);

/* fw-window-document.c */
void        _fw_window_watch_document    (FwWindow     *self);
gboolean    _fw_window_close_request     (GtkWindow    *window);
/* The whole workbook was replaced: what is shown follows. */
void        _fw_window_contents_replaced (FwWindow     *self);
/* Another window of ours that shows @file. */
gboolean    _fw_window_file_open_elsewhere (FwWindow   *self,
                                          GFile        *file);

/* fw-window-actions.c */
void        _fw_window_class_add_actions (GtkWidgetClass *widget_class);
void        _fw_window_init_actions      (FwWindow     *self);
/* Enables each action that can act now and disables the others. */
void        _fw_window_update_actions    (FwWindow     *self);
/* Saves to @file (NULL: the document's), asking before it overwrites another
 * program's change; closes the window after it when @then_close. */
void        _fw_window_save              (FwWindow     *self,
                                          GFile        *file,
                                          FwDocumentSaveFlags flags,
                                          gboolean      then_close);
void        _fw_window_save_as           (FwWindow     *self,
                                          gboolean      then_close);

/* fw-window-team.c */
void        _fw_window_init_team         (FwWindow     *self);
/* Offers to join the workbook's team when I am not in it (a toast). */
void        _fw_window_offer_join        (FwWindow     *self);
gboolean    _fw_window_can_join          (FwWindow     *self);
/* fw-window-export.c */
void        _fw_window_class_add_export_actions (GtkWidgetClass *widget_class);
/* Dropped @files: when they are copies of this workbook, asks whether to collect
 * from them (and returns TRUE); FALSE: open them as usual. */
gboolean    _fw_window_drop_copies       (FwWindow     *self,
                                          GFile       **files,
                                          guint         n_files);
void        _fw_window_class_add_team_actions (GtkWidgetClass *widget_class);

/* fw-window-merge.c */
void        _fw_window_init_merge        (FwWindow     *self);
void        _fw_window_class_add_merge_actions (GtkWidgetClass *widget_class);
/* After the file is read: offers to merge the sync client's conflicted copies. */
void        _fw_window_offer_conflicted_copies (FwWindow *self);
void        _fw_window_conflict_resolved_cb (FwWindow   *self,
                                          const char   *toast_title);
/* The Conflicts page when it is the one shown, else NULL. */
FwConflictsPage *_fw_window_conflicts_shown (FwWindow  *self);
void        _fw_window_resolution_undone (FwWindow     *self);

/* fw-window-dnd.c */
void        _fw_window_init_dnd          (FwWindow     *self);

G_END_DECLS
