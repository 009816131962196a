/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-conflicts-page.h"

G_BEGIN_DECLS

/* The Conflicts page's parts share this; nothing outside them includes it.
 *   fw-conflicts-page.c  the page: the list by item, resolving, undo
 *   fw-conflicts-row.c   a conflict's row, its buttons and the editor of a value */
struct _FwConflictsPage
{
  GtkWidget    parent_instance;

  FwWorkbook  *workbook;
  /* The workbook's extra members when the conflicts were last read: the conflicts
   * live there and every change of them replaces the object (held, so its address
   * is not reused), so typing elsewhere in the workbook costs a comparison. */
  JsonObject  *extra;
  GPtrArray   *conflicts;   /* FwConflict, as shown */
  GPtrArray   *rows;        /* AdwPreferencesRow, in the order shown */
  GPtrArray   *undo;        /* Snapshot, the newest last */
  guint        busy;        /* inside a change of our own */
  guint        titles_idle;

  GtkWidget   *stack;
  GtkWidget   *groups_box;
};

/* fw-conflicts-page.c */

/* The property a conflict's field is (NULL: the idea's "revealed", or a whole
 * item); @on_judgement: a member's assessment keeps it in its judgement. */
GParamSpec *_fw_conflict_field_pspec      (FwItemKind        kind,
                                           const char       *field,
                                           gboolean         *on_judgement);
gboolean    _fw_conflict_is_true          (JsonNode         *node);
/* Whether the conflict is about a whole item (kept on one side, deleted on the other). */
gboolean    _fw_conflict_is_whole_item    (const FwConflict *conflict);
/* Resolves @conflict (found again by its contents), keeps what undoes it, and
 * says so. */
void        _fw_conflicts_page_resolve    (FwConflictsPage  *self,
                                           const FwConflict *conflict,
                                           FwResolution      resolution,
                                           JsonNode         *value);

/* fw-conflicts-row.c */

GtkWidget  *_fw_conflict_row_new          (FwConflictsPage  *self,
                                           const FwConflict *conflict);

G_END_DECLS
