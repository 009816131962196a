/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "fw-enums.h"

G_BEGIN_DECLS

/* A member of the workbook's team: who assesses ideas in the team round. The id
 * (a UUID) is what assessments name; it never changes, the name and role may. */

#define FW_TYPE_MEMBER (fw_member_get_type ())
G_DECLARE_FINAL_TYPE (FwMember, fw_member, FW, MEMBER, GObject)

/* A member with a fresh id. */
FwMember    *fw_member_new          (const char *name,
                                     FwRole      role);
FwMember    *fw_member_copy         (FwMember   *self);
gboolean     fw_member_equal        (FwMember   *a,
                                     FwMember   *b);

const char  *fw_member_get_id       (FwMember   *self);
void         fw_member_set_id       (FwMember   *self,
                                     const char *id);
const char  *fw_member_get_name     (FwMember   *self);
void         fw_member_set_name     (FwMember   *self,
                                     const char *name);
/* The stripped name, or "Unnamed member" (translated). Free with g_free(). */
char        *fw_member_dup_display_name (FwMember *self);
FwRole       fw_member_get_role     (FwMember   *self);
void         fw_member_set_role     (FwMember   *self,
                                     FwRole      role);

/* Members of the file's object this version does not know, kept. */
JsonObject  *fw_member_get_extra    (FwMember   *self);
void         fw_member_set_extra    (FwMember   *self,
                                     JsonObject *extra);

G_END_DECLS
