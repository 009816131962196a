/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "fw-enums.h"

G_BEGIN_DECLS

/* A best-practice case, from another company or the PM's own: one row of the worksheet's
 * 理解編 part. */
typedef enum
{
  FW_CASE_ID,
  FW_CASE_NAME,
  FW_CASE_SUMMARY,   /* 事例の概要 */
  FW_CASE_PROBLEM,
  FW_CASE_SOLUTION,
  FW_CASE_IMPACT,
  FW_CASE_LINK,      /* 事例のリンク先 */
  FW_N_CASE_TEXTS
} FwCaseText;

#define FW_TYPE_CASE (fw_case_get_type ())
G_DECLARE_FINAL_TYPE (FwCase, fw_case, FW, CASE, GObject)

FwCase      *fw_case_new                 (void);
FwCase      *fw_case_copy                (FwCase      *self);
gboolean     fw_case_equal               (FwCase      *a,
                                          FwCase      *b);

const char  *fw_case_get_text            (FwCase      *self,
                                          FwCaseText   field);
void         fw_case_set_text            (FwCase      *self,
                                          FwCaseText   field,
                                          const char  *text);
const char  *fw_case_get_id              (FwCase      *self);
const char  *fw_case_get_name            (FwCase      *self);

FwTask       fw_case_get_task            (FwCase      *self);
void         fw_case_set_task            (FwCase      *self,
                                          FwTask       task);

const char  *fw_case_get_why             (FwCase      *self,
                                          FwStage      stage);
void         fw_case_set_why             (FwCase      *self,
                                          FwStage      stage,
                                          const char  *why);

JsonObject  *fw_case_get_extra           (FwCase      *self);
void         fw_case_set_extra           (FwCase      *self,
                                          JsonObject  *extra);

const char  *fw_case_text_property_name  (FwCaseText   field);
/* The heading a text is shown under ("Problem", "Impact"…), translated; "" for the id. */
const char  *fw_case_text_label          (FwCaseText   field);
/* Gives @self every text, the task and the whys of @other, keeping its own id. */
void         fw_case_set_from            (FwCase      *self,
                                          FwCase      *other);
const char  *fw_case_why_property_name   (FwStage      stage);

G_END_DECLS
