/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fw-core.h"
#include "fw-quiz.h"

G_BEGIN_DECLS

/* The deck's knowledge check, one question at a time, with feedback and a score. */
#define FW_TYPE_QUIZ_PAGE (fw_quiz_page_get_type ())
G_DECLARE_FINAL_TYPE (FwQuizPage, fw_quiz_page, FW, QUIZ_PAGE, AdwBin)

GtkWidget          *fw_quiz_page_new        (void);
/* Starts again from the first question. */
void                fw_quiz_page_restart    (FwQuizPage *self);
const FwQuizScore  *fw_quiz_page_get_score  (FwQuizPage *self);

G_END_DECLS
