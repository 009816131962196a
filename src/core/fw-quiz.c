/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include "fw-quiz.h"

#define MAX_ALTERNATIVES 2

typedef struct
{
  FwTask      task;
  const char *note;
} FwQuizAlternative;

typedef struct
{
  const char        *question;
  FwTask             answer;
  const char        *explanation;
  FwQuizAlternative  alternatives[MAX_ALTERNATIVES];
} FwQuizQuestion;

/* The answers are the deck's; the alternatives are the ones its "is there
 * another way?" (上記以外の方法がありますか?) invites, each with the condition under
 * which it works. Every question has at least one, since the deck asks it of all five. */
static const FwQuizQuestion questions[] = {
  {
    N_("Streamline manual product pricing"),
    FW_TASK_REGRESSION,
    N_("A price is a number, and regression predicts a number from past examples: here, "
       "the prices people set by hand for similar products."),
    {
      { FW_TASK_ANOMALY_DETECTION,
        N_("Anomaly detection works too while people still set the prices: it flags the "
           "prices that stand out from those of similar products, for a person to check.") },
      { FW_TASK_UNDECIDED, NULL },
    },
  },
  {
    N_("Identify counterfeit goods"),
    FW_TASK_CLASSIFICATION,
    N_("Each item is sorted into one of two known categories, genuine or counterfeit, "
       "learned from items already checked."),
    {
      { FW_TASK_ANOMALY_DETECTION,
        N_("Anomaly detection works too: a counterfeit often looks unlike the usual "
           "genuine item, so it can be caught even when no counterfeits are labelled yet.") },
      { FW_TASK_UNDECIDED, NULL },
    },
  },
  {
    N_("Find mis-categorised products"),
    FW_TASK_ANOMALY_DETECTION,
    N_("A product in the wrong category is an exception among the items around it, and "
       "anomaly detection finds exceptional patterns."),
    {
      { FW_TASK_CLASSIFICATION,
        N_("Classification works too: predict each product's category and flag the ones "
           "whose predicted category differs from the one they are filed under.") },
      { FW_TASK_CLUSTERING,
        N_("Clustering works too: a product that falls into a group of products from "
           "another category is probably filed in the wrong one.") },
    },
  },
  {
    N_("Group customers to find marketing segments"),
    FW_TASK_CLUSTERING,
    N_("The segments are not known in advance; clustering finds groups of similar "
       "customers without labels."),
    {
      { FW_TASK_CLASSIFICATION,
        N_("Classification works too once the segments are defined: it sorts each new "
           "customer into one of them.") },
      { FW_TASK_UNDECIDED, NULL },
    },
  },
  {
    N_("Forecast customer spending by cohort"),
    FW_TASK_REGRESSION,
    N_("Spending is an amount of money, a number, so this is regression: predict it from "
       "each cohort's past spending."),
    {
      { FW_TASK_CLASSIFICATION,
        N_("Classification works too when a band is enough: sort each cohort into high, "
           "medium or low spenders instead of predicting the amount.") },
      { FW_TASK_UNDECIDED, NULL },
    },
  },
};

guint
fw_quiz_get_n_questions (void)
{
  return G_N_ELEMENTS (questions);
}

const char *
fw_quiz_get_question (guint question)
{
  g_return_val_if_fail (question < G_N_ELEMENTS (questions), "");
  return _(questions[question].question);
}

FwTask
fw_quiz_get_answer (guint question)
{
  g_return_val_if_fail (question < G_N_ELEMENTS (questions), FW_TASK_UNDECIDED);
  return questions[question].answer;
}

const char *
fw_quiz_get_explanation (guint question)
{
  g_return_val_if_fail (question < G_N_ELEMENTS (questions), "");
  return _(questions[question].explanation);
}

const FwTask *
fw_quiz_get_alternatives (guint question)
{
  /* Laid out so that the tasks of each question end with FW_TASK_UNDECIDED. */
  static FwTask tasks[G_N_ELEMENTS (questions)][MAX_ALTERNATIVES + 1];
  static gsize initialised = 0;

  g_return_val_if_fail (question < G_N_ELEMENTS (questions), NULL);

  if (g_once_init_enter (&initialised))
    {
      for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
        {
          guint n = 0;

          for (guint a = 0; a < MAX_ALTERNATIVES; a++)
            {
              if (questions[q].alternatives[a].task == FW_TASK_UNDECIDED)
                break;
              tasks[q][n++] = questions[q].alternatives[a].task;
            }
          tasks[q][n] = FW_TASK_UNDECIDED;
        }
      g_once_init_leave (&initialised, 1);
    }
  return tasks[question];
}

const char *
fw_quiz_get_alternative_note (guint  question,
                              FwTask task)
{
  g_return_val_if_fail (question < G_N_ELEMENTS (questions), NULL);

  if (task == FW_TASK_UNDECIDED)
    return NULL;
  for (guint a = 0; a < MAX_ALTERNATIVES; a++)
    {
      const FwQuizAlternative *alt = &questions[question].alternatives[a];

      if (alt->task == FW_TASK_UNDECIDED)
        break;
      if (alt->task == task)
        return _(alt->note);
    }
  return NULL;
}

FwQuizResult
fw_quiz_check (guint  question,
               FwTask answer)
{
  g_return_val_if_fail (question < G_N_ELEMENTS (questions), FW_QUIZ_WRONG);

  if (answer == FW_TASK_UNDECIDED || answer >= FW_N_TASKS)
    return FW_QUIZ_WRONG;
  if (answer == questions[question].answer)
    return FW_QUIZ_CORRECT;
  if (fw_quiz_get_alternative_note (question, answer) != NULL)
    return FW_QUIZ_ALTERNATIVE;
  return FW_QUIZ_WRONG;
}

void
fw_quiz_score_reset (FwQuizScore *score)
{
  g_return_if_fail (score != NULL);
  memset (score, 0, sizeof *score);
}

void
fw_quiz_score_add (FwQuizScore  *score,
                   FwQuizResult  result)
{
  g_return_if_fail (score != NULL);

  score->n_answered++;
  switch (result)
    {
    case FW_QUIZ_CORRECT:
      score->n_correct++;
      break;
    case FW_QUIZ_ALTERNATIVE:
      score->n_alternative++;
      break;
    case FW_QUIZ_WRONG:
    default:
      score->n_wrong++;
      break;
    }
}

guint
fw_quiz_score_get_points (const FwQuizScore *score)
{
  g_return_val_if_fail (score != NULL, 0);
  return score->n_correct;
}

char *
fw_quiz_score_describe (const FwQuizScore *score)
{
  g_autofree char *points = NULL;

  g_return_val_if_fail (score != NULL, NULL);

  /* TRANSLATORS: the quiz score, e.g. "3 of 5 match the deck's answers". */
  points = g_strdup_printf (_("%u of %u match the deck's answers"),
                            fw_quiz_score_get_points (score), score->n_answered);
  if (score->n_alternative == 0)
    return g_steal_pointer (&points);
  /* TRANSLATORS: after the score: answers that are not the deck's but also work,
   * acknowledged and not counted, e.g. "3 of 5 match the deck's answers, and 1 more
   * is another way that works". */
  return g_strdup_printf (ngettext ("%s, and %u more is another way that works",
                                    "%s, and %u more are other ways that work",
                                    score->n_alternative),
                          points, score->n_alternative);
}
