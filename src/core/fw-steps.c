/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-steps.h"
#include "fw-text.h"

const char *
fw_step_title (FwStep step)
{
  static const char *titles[] = {
    N_("Story"), N_("ML task"), N_("Flywheel"), N_("Conditions"), N_("Priority"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (titles) == FW_N_STEPS);

  g_return_val_if_fail (step < FW_N_STEPS, "");
  return _(titles[step]);
}

void
fw_story_get_order (FwIdeaText order[3])
{
  /* TRANSLATORS: the order of a user story's parts in your language, as the
   * words as-a, i-want and so-that with spaces between; Japanese, whose stories
   * run 〜として、〜ために、〜したい: "as-a so-that i-want". Keep the words. */
  g_auto(GStrv) words = g_strsplit (C_("story order", "as-a i-want so-that"), " ", -1);
  static const struct { const char *word; FwIdeaText part; } parts[] = {
    { "as-a", FW_IDEA_AS_A }, { "i-want", FW_IDEA_I_WANT }, { "so-that", FW_IDEA_SO_THAT },
  };
  guint n = 0;
  gboolean seen[G_N_ELEMENTS (parts)] = { FALSE };

  for (guint w = 0; words[w] && n < 3; w++)
    for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
      if (!seen[p] && g_str_equal (words[w], parts[p].word))
        {
          seen[p] = TRUE;
          order[n++] = parts[p].part;
        }
  /* A mistranslated order falls back to the English one. */
  if (n < 3)
    for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
      order[p] = parts[p].part;
}

/* Which questions a ticked lose condition asks. The rules read the same
 * answers (fw-assessment.c), the editor shows them under the condition. */
static const FwQuestion accuracy_follow_ups[] = {
  FW_QUESTION_HUMAN_FALLBACK,
};
static const FwQuestion explainability_follow_ups[] = {
  FW_QUESTION_ERROR_COST_SMALL, FW_QUESTION_HUMAN_DECIDES, FW_QUESTION_INTERPRETABLE_OK,
};

/* Asked whatever is ticked: they decide whether traffic and data grow, and
 * how the experience copes with the model's mistakes. */
static const FwQuestion always_asked[] = {
  FW_QUESTION_USERS_WOULD_MISS, FW_QUESTION_DATA_COLLECTED, FW_QUESTION_DATA_ALLOWED,
  FW_QUESTION_ERRORS_ACCEPTABLE,
};

const FwQuestion *
fw_condition_get_follow_ups (FwCondition  condition,
                             guint       *n_questions)
{
  g_return_val_if_fail (n_questions != NULL, NULL);

  switch (condition)
    {
    case FW_CONDITION_FULL_ACCURACY:
      *n_questions = G_N_ELEMENTS (accuracy_follow_ups);
      return accuracy_follow_ups;
    case FW_CONDITION_FULL_EXPLAINABILITY:
      *n_questions = G_N_ELEMENTS (explainability_follow_ups);
      return explainability_follow_ups;
    case FW_CONDITION_COMPLEX_LOGIC:
    case FW_CONDITION_SCALABILITY:
    case FW_CONDITION_IMMEDIATE_RESPONSE:
    case FW_CONDITION_PERSONALIZATION:
    case FW_CONDITION_EXISTING_ALGORITHM:
    case FW_CONDITION_NO_NEW_DATA:
    case FW_N_CONDITIONS:
    default:
      *n_questions = 0;
      return NULL;
    }
}

/* The questions step 4 still needs, and how many it needs in all. A group of
 * follow-ups where one yes is enough (explainability: the rules stop at the
 * first yes) no longer needs its unanswered questions once one is yes. */
static void
conditions_left (FwIdea    *idea,
                 GPtrArray *left,
                 guint     *n_needed,
                 gboolean  *one_yes_enough)
{
  *n_needed = 0;
  *one_yes_enough = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (always_asked); i++)
    {
      (*n_needed)++;
      if (fw_idea_get_answer (idea, always_asked[i]) == FW_ANSWER_UNANSWERED)
        g_ptr_array_add (left, (gpointer) fw_question_label (always_asked[i]));
    }

  for (FwCondition c = FW_N_WIN_CONDITIONS; c < FW_N_CONDITIONS; c++)
    {
      const FwQuestion *follow_ups;
      gboolean any_yes = FALSE;
      guint n = 0;

      follow_ups = fw_condition_get_follow_ups (c, &n);
      if (n == 0 || !fw_idea_get_condition (idea, c))
        continue;
      for (guint q = 0; q < n; q++)
        any_yes |= fw_idea_get_answer (idea, follow_ups[q]) == FW_ANSWER_YES;
      for (guint q = 0; q < n; q++)
        {
          gboolean answered = fw_idea_get_answer (idea, follow_ups[q]) != FW_ANSWER_UNANSWERED;

          if (n > 1 && any_yes && !answered)
            continue;
          (*n_needed)++;
          if (!answered)
            {
              g_ptr_array_add (left, (gpointer) fw_question_label (follow_ups[q]));
              *one_yes_enough |= n > 1;
            }
        }
    }
}

/* The labels of what @step still lacks, in the order the page shows them. */
static void
fields_left (FwIdea    *idea,
             FwStep     step,
             GPtrArray *left)
{
  switch (step)
    {
    case FW_STEP_STORY:
      if (fw_text_is_blank (fw_idea_get_title (idea)))
        g_ptr_array_add (left, (gpointer) C_("missing in the story", "the title"));
      if (fw_text_is_blank (fw_idea_get_text (idea, FW_IDEA_I_WANT)))
        g_ptr_array_add (left, (gpointer) C_("missing in the story", "“I want…”"));
      break;

    case FW_STEP_TASK:
      if (fw_idea_get_task (idea) == FW_TASK_UNDECIDED)
        g_ptr_array_add (left, (gpointer) C_("missing in step 2", "the ML task"));
      if (fw_idea_get_applicability (idea) == FW_APPLICABILITY_UNKNOWN)
        g_ptr_array_add (left, (gpointer) C_("missing in step 2", "whether ML applies"));
      break;

    case FW_STEP_FLYWHEEL:
      for (guint s = 0; s < FW_N_STAGES; s++)
        if (fw_text_is_blank (fw_idea_get_why (idea, s)))
          g_ptr_array_add (left, (gpointer) fw_stage_question (s));
      break;

    case FW_STEP_PRIORITY:
      {
        static const char *names[FW_N_PRIORITIES] = {
          N_("importance"), N_("urgency"), N_("ML value"),
        };

        for (guint p = 0; p < FW_N_PRIORITIES; p++)
          if (fw_idea_get_priority (idea, p) == FW_LEVEL_UNSET)
            g_ptr_array_add (left, (gpointer) _(names[p]));
      }
      break;

    case FW_STEP_CONDITIONS:
    case FW_N_STEPS:
    default:
      g_return_if_reached ();
    }
}

gboolean
fw_idea_step_is_complete (FwIdea *idea,
                          FwStep  step)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new ();

  g_return_val_if_fail (FW_IS_IDEA (idea), FALSE);
  g_return_val_if_fail (step < FW_N_STEPS, FALSE);

  if (step == FW_STEP_CONDITIONS)
    {
      guint n_needed;
      gboolean one_yes_enough;

      conditions_left (idea, left, &n_needed, &one_yes_enough);
    }
  else
    fields_left (idea, step, left);
  return left->len == 0;
}

static char *
join (GPtrArray  *items,
      const char *separator)
{
  g_ptr_array_add (items, NULL);
  return g_strjoinv (separator, (char **) items->pdata);
}

char *
fw_idea_step_dup_status (FwIdea *idea,
                         FwStep  step)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autofree char *list = NULL;

  g_return_val_if_fail (FW_IS_IDEA (idea), NULL);
  g_return_val_if_fail (step < FW_N_STEPS, NULL);

  if (step == FW_STEP_CONDITIONS)
    {
      guint n_needed, n_left;
      gboolean one_yes_enough;
      g_autofree char *status = NULL;

      conditions_left (idea, left, &n_needed, &one_yes_enough);
      n_left = left->len;
      if (n_left == 0)
        return NULL;
      /* TRANSLATORS: between the questions still to answer, each ending in “?” */
      list = join (left, _(" "));
      /* TRANSLATORS: step 4's status: answered of needed, then the questions left */
      status = g_strdup_printf (_("%u of %u questions answered. Left: %s"),
                                n_needed - n_left, n_needed, list);
      if (!one_yes_enough)
        return g_steal_pointer (&status);
      /* TRANSLATORS: after step 4's status when the explainability questions are open */
      return g_strdup_printf (_("%s (For full explainability, one yes is enough.)"), status);
    }

  fields_left (idea, step, left);
  if (left->len == 0)
    return NULL;

  switch (step)
    {
    case FW_STEP_STORY:
      /* TRANSLATORS: between the fields still to fill in, e.g. "the title, “I want…”" */
      list = join (left, _(", "));
      /* TRANSLATORS: step 1's status */
      return g_strdup_printf (_("Still to fill in: %s."), list);

    case FW_STEP_TASK:
      list = join (left, _(", "));
      /* TRANSLATORS: step 2's status, e.g. "Still to decide: the ML task." */
      return g_strdup_printf (_("Still to decide: %s."), list);

    case FW_STEP_FLYWHEEL:
      {
        guint n_left = left->len;

        list = join (left, _(" "));
        /* TRANSLATORS: step 3's status: stages answered of four, then the questions left */
        return g_strdup_printf (_("%u of %u questions answered. Left: %s"),
                                FW_N_STAGES - n_left, (guint) FW_N_STAGES, list);
      }

    case FW_STEP_PRIORITY:
      list = join (left, _(", "));
      /* TRANSLATORS: step 5's status, e.g. "Still to rate: urgency, ML value." */
      return g_strdup_printf (_("Still to rate: %s."), list);

    case FW_STEP_CONDITIONS:
    case FW_N_STEPS:
    default:
      g_return_val_if_reached (NULL);
    }
}
