/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-enums.h"

G_BEGIN_DECLS

/* The deck's knowledge check (ナレッジチェック): which ML task fits each of five
 * use cases. Pure data and scoring; the texts come translated. */

typedef enum
{
  FW_QUIZ_WRONG,
  FW_QUIZ_CORRECT,        /* the deck's answer */
  FW_QUIZ_ALTERNATIVE,    /* not the deck's answer, but another way the deck allows */
} FwQuizResult;

guint          fw_quiz_get_n_questions     (void);
/* The use case, e.g. "Streamline manual product pricing". */
const char    *fw_quiz_get_question        (guint         question);
FwTask         fw_quiz_get_answer          (guint         question);
/* Why the deck's answer fits. */
const char    *fw_quiz_get_explanation     (guint         question);
/* The other tasks that also work, FW_TASK_UNDECIDED-terminated (at least one). */
const FwTask  *fw_quiz_get_alternatives    (guint         question);
/* Why @task is another way to solve @question, or NULL when it is not one. */
const char    *fw_quiz_get_alternative_note (guint        question,
                                            FwTask        task);

FwQuizResult   fw_quiz_check               (guint         question,
                                            FwTask        answer);

/* A running score: the points count the deck's answers; an alternative the deck
 * allows is acknowledged and counted apart (n_alternative), not as a point. */
typedef struct
{
  guint n_answered;
  guint n_correct;
  guint n_alternative;
  guint n_wrong;
} FwQuizScore;

void           fw_quiz_score_reset         (FwQuizScore  *score);
void           fw_quiz_score_add           (FwQuizScore  *score,
                                            FwQuizResult  result);
guint          fw_quiz_score_get_points    (const FwQuizScore *score);
/* "3 of 5 match the deck's answers, and 1 more is another way that works"
 * (translated). Free with g_free(). */
char          *fw_quiz_score_describe      (const FwQuizScore *score);

G_END_DECLS
