/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-merge.h"
#include "fw-case.h"
#include "fw-idea.h"
#include "fw-member.h"
#include "fw-member-assessment.h"

G_BEGIN_DECLS

/* The fields of one kind of item (fw-merge.c), shared by the merge, the diff and
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
/* Whether the value is the field's default: empty text, first enum value, FALSE,
 * no strings. */
gboolean       fw_field_is_default   (const FwField *field,
                                      JsonNode      *value);
const FwField *fw_field_find         (FwItemKind  kind,
                                      const char *name);

gboolean       fw_json_node_same     (JsonNode   *a,
                                      JsonNode   *b);

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

G_END_DECLS
