/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-case.h"

G_BEGIN_DECLS

/* The workshop deck's three best-practice cases (Intuit, Pomelo, Fraud.net),
 * translated into the current language. Their ids are fixed and equal the
 * sample workbooks', so a library case already in a workbook is found by id. */

guint        fw_case_library_get_n_cases      (void);
/* A new case filled in from the library; free with g_object_unref(). */
FwCase      *fw_case_library_new_case         (guint        index);
const char  *fw_case_library_get_id           (guint        index);
/* The company, as the deck's exercise names it: "Intuit". */
const char  *fw_case_library_get_company      (guint        index);
/* The index of the library case with @id, or -1. */
int          fw_case_library_find             (const char  *id);
/* The deck's example answer (回答例) to the question of @stage, translated. */
const char  *fw_case_library_get_example_why  (guint        index,
                                               FwStage      stage);

G_END_DECLS
