/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-merge.h"
#include "fw-case.h"
#include "fw-idea.h"
#include "fw-member.h"
#include "fw-member-assessment.h"

G_BEGIN_DECLS

/* What the merge's parts share (fw-merge.c: the three-way merge of items;
 * fw-merge-fields.c: the fields and the items by kind; fw-merge-conflicts.c: the
 * conflicts the workbook keeps; fw-merge-describe.c: items, fields and values in
 * words) and fw-diff.c. Not installed, not for other code. */

/* The workbook's member that keeps the conflicts. */
#define CONFLICTS_MEMBER "conflicts"

/* The fields of one kind of item (fw-merge-fields.c), shared by the merge, the diff and
 * the text. */
typedef struct
{
  const char *name;         /* interned property name, or "revealed" */
  GParamSpec *pspec;        /* NULL for "revealed" */
  gboolean    on_judgement; /* an assessment's field kept in its judgement (an FwIdea) */
} FwField;

const FwField *fw_fields_of          (FwItemKind  kind,
                                      guint      *n_fields);
/* The field's value on @item (FwWorkbook, FwCase, FwIdea, FwMember or
 * FwMemberAssessment), as JSON. Never NULL. */
JsonNode      *fw_field_get          (const FwField *field,
                                      GObject       *item);
/* FALSE when @value does not fit the field (wrong type, unknown enum id). */
gboolean       fw_field_set          (const FwField *field,
                                      GObject       *item,
                                      JsonNode      *value);
/* Whether @node is of the field's type (a text, an enum id, a switch, ids). */
gboolean       fw_field_accepts      (const FwField *field,
                                      JsonNode      *node);
/* The field's value on @item, into @value (initialised here): what the merge
 * compares, without making JSON of every field of every item. */
void           fw_field_value        (const FwField *field,
                                      GObject       *item,
                                      GValue        *value);
gboolean       fw_field_values_same  (const GValue  *a,
                                      const GValue  *b);
void           fw_field_set_value    (const FwField *field,
                                      GObject       *item,
                                      const GValue  *value);
JsonNode      *fw_field_value_to_json (const FwField *field,
                                       const GValue  *value);
/* Whether the value is the field's default: empty text, first enum value, FALSE,
 * no strings. */
gboolean       fw_field_is_default   (const FwField *field,
                                      JsonNode      *value);
const FwField *fw_field_find         (FwItemKind  kind,
                                      const char *name);

gboolean       fw_json_node_same     (JsonNode   *a,
                                      JsonNode   *b);
/* Whether @node is a value of @type (G_TYPE_STRING, G_TYPE_BOOLEAN…). */
gboolean       fw_json_node_holds    (JsonNode   *node,
                                      GType       type);

/* Items of one kind in @workbook: cases, ideas, members, or (@idea given) its
 * assessments. */
guint          fw_items_count        (FwWorkbook *workbook,
                                      FwItemKind  kind,
                                      FwIdea     *idea);
GObject       *fw_items_get          (FwWorkbook *workbook,
                                      FwItemKind  kind,
                                      FwIdea     *idea,
                                      guint       position);
const char    *fw_item_key           (FwItemKind  kind,
                                      GObject    *item);
/* The item itself (an assessment: of @member_id in the idea @id), or NULL. */
GObject       *fw_item_find          (FwWorkbook *workbook,
                                      FwItemKind  kind,
                                      const char *id,
                                      const char *member_id);

/* The unknown members an item keeps (NULL for none, or for the workbook). */
JsonObject    *fw_item_get_extra     (FwItemKind  kind,
                                      GObject    *item);
void           fw_item_set_extra     (FwItemKind  kind,
                                      GObject    *item,
                                      JsonObject *extra);

/* Whether @a and @b are the same item in content, fields and what they hold (an
 * idea: and its assessments). */
gboolean       fw_items_equal        (FwItemKind  kind,
                                      GObject    *a,
                                      GObject    *b);
/* The items of one kind by key (borrowed), the first of a repeated key; their keys
 * in order are added to @order. */
GHashTable    *fw_items_index        (FwWorkbook *workbook,
                                      FwItemKind  kind,
                                      FwIdea     *idea,
                                      GPtrArray  *order);

/* @item as fw_merge_describe_item() names it, its line breaks kept: @item is the
 * item in @workbook, or NULL when it is not there (then @id and @member_id name
 * it); an assessment's idea is @idea, or found by @id. */
char          *fw_item_describe      (FwWorkbook *workbook,
                                      FwItemKind  kind,
                                      GObject    *item,
                                      FwIdea     *idea,
                                      const char *id,
                                      const char *member_id);

/* Merges the conflicts @ours and @theirs kept with those the merge @found into
 * @result (fw_merge()); returns how many are new. */
guint          fw_merge_conflicts    (FwWorkbook *base,
                                      FwWorkbook *ours,
                                      FwWorkbook *theirs,
                                      FwWorkbook *result,
                                      GPtrArray  *found);

G_END_DECLS
