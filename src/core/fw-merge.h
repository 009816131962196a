/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-workbook.h"

G_BEGIN_DECLS

/* Comparing and merging copies of one workbook, by the stable ids of its cases,
 * ideas, members and members' assessments, field by field (each GObject property
 * of the model is a field: each stage's why and evidence, each condition and its
 * note, each question, each priority, the decision…; docs/version-control.md).
 *
 * Conflicts are kept inside the merged workbook (FwConflict, the file's top-level
 * `conflicts`): the workbook holds "ours" for each, so it always validates and
 * opens; resolving one sets the field and drops the conflict. */

#define FW_MERGE_ERROR (fw_merge_error_quark ())

typedef enum
{
  FW_MERGE_ERROR_OTHER_WORKBOOK,   /* the copies are of different workbooks */
  FW_MERGE_ERROR_OTHER_BASE,       /* the base is of another workbook than the copies */
} FwMergeError;

GQuark       fw_merge_error_quark       (void);

/* What a conflict is about. */
typedef enum
{
  FW_ITEM_WORKBOOK,
  FW_ITEM_CASE,
  FW_ITEM_IDEA,
  FW_ITEM_MEMBER,
  FW_ITEM_ASSESSMENT,   /* a member's assessment of an idea: id is the idea's, member_id the member's */
  FW_N_ITEMS
} FwItemKind;

/* One field both sides changed differently; or, with field "" (a whole item),
 * an item one side deleted and the other changed: then base/ours/theirs are JSON
 * booleans, whether the item is there on that side (the merged workbook has it).
 * Values are JSON: strings, enum ids, booleans, arrays of strings. Who/when are
 * "" where the file does not know. */
typedef struct
{
  FwItemKind  kind;
  char       *id;
  char       *member_id;     /* FW_ITEM_ASSESSMENT, else NULL */
  char       *field;         /* a property name (fw_field_label()), or "" */
  JsonNode   *base;          /* NULL in a two-way merge (no common version) */
  JsonNode   *ours;
  JsonNode   *theirs;
  char       *ours_from;     /* "Aiko, 2026-12-01T10:00:00Z" or a file name */
  char       *theirs_from;
} FwConflict;

FwConflict  *fw_conflict_copy           (const FwConflict *self);
void         fw_conflict_free           (FwConflict       *self);
gboolean     fw_conflict_equal          (const FwConflict *a,
                                         const FwConflict *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwConflict, fw_conflict_free)

/* The conflicts @workbook keeps, in the file's order: a new array of FwConflict
 * (free with g_ptr_array_unref()). Malformed entries are dropped. */
GPtrArray   *fw_workbook_dup_conflicts  (FwWorkbook       *workbook);
guint        fw_workbook_count_conflicts (FwWorkbook      *workbook);
/* Replaces them (NULL or empty: none; the member is then not written). */
void         fw_workbook_set_conflicts  (FwWorkbook       *workbook,
                                         GPtrArray        *conflicts);

/* The item a conflict (or change) is about in @workbook's terms: the idea's title,
 * the case's name, the member's display name, "Aiko’s assessment of “Title”", or
 * the workbook's title. Free with g_free(). */
char        *fw_merge_describe_item     (FwWorkbook       *workbook,
                                         FwItemKind        kind,
                                         const char       *id,
                                         const char       *member_id);
/* A field's label, translated: "Title", "Data — evidence", "Condition
 * “100% accuracy required”", "Question “…”", "Decision — rationale", and
 * "Whole item" for "". */
const char  *fw_field_label             (FwItemKind        kind,
                                         const char       *field);
/* A field's value as a person reads it: an enum's label, "ticked"/"not ticked",
 * a text in quotes (shortened past @max_chars, 0: not), "(empty)"; for a whole
 * item, "kept"/"deleted". Free with g_free(). */
char        *fw_field_format_value      (FwWorkbook       *workbook,
                                         FwItemKind        kind,
                                         const char       *field,
                                         JsonNode         *value,
                                         guint             max_chars);

/* A new copy of @item, a case, an idea, a member or a member's assessment (not
 * the workbook), which nothing else holds. */
GObject     *fw_item_copy               (FwItemKind        kind,
                                         GObject          *item);

/* Which value to keep. */
typedef enum
{
  FW_RESOLVE_OURS,
  FW_RESOLVE_THEIRS,
  FW_RESOLVE_VALUE,     /* @value given (an edit) */
} FwResolution;

/* Sets the conflict's field (or keeps/deletes its item) and drops the conflict.
 * FALSE with @error when the item is gone or @value does not fit the field. */
gboolean     fw_workbook_resolve_conflict (FwWorkbook     *workbook,
                                         guint             index,
                                         FwResolution      resolution,
                                         JsonNode         *value,
                                         GError          **error);

/* The three-way merge. @base may be NULL: then every difference is a conflict
 * (an item on one side only is kept and marked). @ours_from/@theirs_from name the
 * sides in the conflicts (NULL: the file's author and modified time). Returns a new
 * workbook: @ours with @theirs' changes and the conflicts (those @ours and @theirs
 * kept already are kept too); @n_conflicts the new ones. NULL with @error when the
 * copies are of different workbooks; nothing is changed. */
FwWorkbook  *fw_merge                   (FwWorkbook       *base,
                                         FwWorkbook       *ours,
                                         FwWorkbook       *theirs,
                                         const char       *ours_from,
                                         const char       *theirs_from,
                                         guint            *n_conflicts,
                                         GError          **error);

/* One difference between two versions: a field changed, an item added, removed
 * or moved. For a field, before/after are the values (JSON as in FwConflict). */
typedef enum
{
  FW_CHANGE_FIELD,
  FW_CHANGE_ADDED,
  FW_CHANGE_REMOVED,
  FW_CHANGE_MOVED,
  FW_CHANGE_VERDICT,    /* an idea's verdict the rules derive (before/after: verdict ids) */
  FW_CHANGE_CONFLICTS,  /* the conflicts kept changed (before/after: how many) */
} FwChangeKind;

typedef struct
{
  FwChangeKind  kind;
  FwItemKind    item;
  char         *id;
  char         *member_id;
  char         *field;       /* FW_CHANGE_FIELD */
  JsonNode     *before;
  JsonNode     *after;
} FwChange;

void         fw_change_free             (FwChange         *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwChange, fw_change_free)

/* What changed from @a to @b, in @b's order of items (removed ones where @a had
 * them): a new array of FwChange; empty when they are equal in content (the
 * modified time alone is no change). */
GPtrArray   *fw_diff                    (FwWorkbook       *a,
                                         FwWorkbook       *b);
/* One line, translated: "Idea “Stays picked”: Data — evidence: anecdotal →
 * market data". Items are described in @b's terms, removed ones in @a's. */
char        *fw_change_format           (const FwChange   *change,
                                         FwWorkbook       *a,
                                         FwWorkbook       *b);

/* @workbook as stable, line-oriented text for `git diff` (a textconv): one line
 * per field that is not empty, items in the file's order, each headed by its kind,
 * id and title; a text's line breaks become continuation lines. Translated labels. */
char        *fw_workbook_dup_text       (FwWorkbook       *workbook);

G_END_DECLS
