/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fw-case.h"
#include "fw-idea.h"
#include "fw-member.h"

G_BEGIN_DECLS

typedef enum
{
  FW_WORKBOOK_TITLE,
  FW_WORKBOOK_PRODUCT,   /* 対象プロダクト */
  FW_WORKBOOK_AUTHOR,
  FW_WORKBOOK_CREATED,   /* ISO 8601, UTC */
  FW_WORKBOOK_MODIFIED,  /* ISO 8601, UTC */
  FW_N_WORKBOOK_TEXTS
} FwWorkbookText;

#define FW_TYPE_WORKBOOK (fw_workbook_get_type ())
G_DECLARE_FINAL_TYPE (FwWorkbook, fw_workbook, FW, WORKBOOK, GObject)

FwWorkbook  *fw_workbook_new              (void);

const char  *fw_workbook_get_text         (FwWorkbook     *self,
                                           FwWorkbookText  field);
void         fw_workbook_set_text         (FwWorkbook     *self,
                                           FwWorkbookText  field,
                                           const char     *text);
const char  *fw_workbook_get_title        (FwWorkbook     *self);
void         fw_workbook_set_title        (FwWorkbook     *self,
                                           const char     *title);
/* Sets "modified" to the current time. */
void         fw_workbook_touch            (FwWorkbook     *self);

/* GListModel of FwCase / FwIdea, in file order. */
GListModel  *fw_workbook_get_cases        (FwWorkbook     *self);
GListModel  *fw_workbook_get_ideas        (FwWorkbook     *self);
guint        fw_workbook_get_n_cases      (FwWorkbook     *self);
guint        fw_workbook_get_n_ideas      (FwWorkbook     *self);
FwCase      *fw_workbook_get_case         (FwWorkbook     *self,
                                           guint           position);
FwIdea      *fw_workbook_get_idea         (FwWorkbook     *self,
                                           guint           position);

void         fw_workbook_insert_case      (FwWorkbook     *self,
                                           guint           position,
                                           FwCase         *item);
void         fw_workbook_append_case      (FwWorkbook     *self,
                                           FwCase         *item);
void         fw_workbook_remove_case      (FwWorkbook     *self,
                                           guint           position);
void         fw_workbook_insert_idea      (FwWorkbook     *self,
                                           guint           position,
                                           FwIdea         *item);
void         fw_workbook_append_idea      (FwWorkbook     *self,
                                           FwIdea         *item);
void         fw_workbook_remove_idea      (FwWorkbook     *self,
                                           guint           position);
/* Replaces every case and idea at once (one items-changed per list). */
void         fw_workbook_splice           (FwWorkbook     *self,
                                           FwCase        **cases,
                                           guint           n_cases,
                                           FwIdea        **ideas,
                                           guint           n_ideas);

FwCase      *fw_workbook_find_case        (FwWorkbook     *self,
                                           const char     *id,
                                           guint          *position);
FwIdea      *fw_workbook_find_idea        (FwWorkbook     *self,
                                           const char     *id,
                                           guint          *position);

void         fw_workbook_take_contents    (FwWorkbook     *self,
                                           FwWorkbook     *other);

gboolean     fw_workbook_equal            (FwWorkbook     *a,
                                           FwWorkbook     *b);

/* The workbook's identity, kept by every copy of its file, so collecting can tell a
 * member's copy from a file of another workbook: a UUID, or NULL while the workbook
 * has none (files from before the team round). */
const char  *fw_workbook_get_id           (FwWorkbook     *self);
void         fw_workbook_set_id           (FwWorkbook     *self,
                                           const char     *id);
/* The id, made now if there is none: derived from the "created" time, so that
 * copies of one older file made before it had an id get the same one, or random
 * when that time is empty. Called when the workbook gets a team. */
const char  *fw_workbook_ensure_id        (FwWorkbook     *self);
/* What fw_workbook_ensure_id() would give, without setting it. Free with g_free(). */
char        *fw_workbook_dup_identity     (FwWorkbook     *self);
/* Whether fw_workbook_dup_identity() gives the same each time (an id, or a
 * "created" time to derive it from). */
gboolean     fw_workbook_has_identity     (FwWorkbook     *self);
/* Whether the workbook has members, assessments or decisions. */
gboolean     fw_workbook_has_team         (FwWorkbook     *self);

/* The team: a GListModel of FwMember, in file order. */
GListModel  *fw_workbook_get_members      (FwWorkbook     *self);
guint        fw_workbook_get_n_members    (FwWorkbook     *self);
FwMember    *fw_workbook_get_member       (FwWorkbook     *self,
                                           guint           position);
FwMember    *fw_workbook_find_member      (FwWorkbook     *self,
                                           const char     *id,
                                           guint          *position);
/* Gives the workbook an id (fw_workbook_ensure_id()) as it gets a team. */
void         fw_workbook_append_member    (FwWorkbook     *self,
                                           FwMember       *member);
void         fw_workbook_remove_member    (FwWorkbook     *self,
                                           guint           position);

JsonObject  *fw_workbook_get_extra        (FwWorkbook     *self);
void         fw_workbook_set_extra        (FwWorkbook     *self,
                                           JsonObject     *extra);

const char  *fw_workbook_text_property_name (FwWorkbookText field);

G_END_DECLS
