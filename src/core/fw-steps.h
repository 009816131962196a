/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-idea.h"

G_BEGIN_DECLS

/* The guided editor's five steps, and what each asks of an idea: the one home
 * of "is this step done" and "what is left", for the editor, the CLI and tests. */
typedef enum
{
  FW_STEP_STORY,
  FW_STEP_TASK,
  FW_STEP_FLYWHEEL,
  FW_STEP_CONDITIONS,
  FW_STEP_PRIORITY,
  FW_N_STEPS
} FwStep;

/* "Story", "ML task", … (translated). */
const char  *fw_step_title                 (FwStep        step);

/* The questions a ticked @condition asks before the rules can tell whether it
 * breaks the loop (100% accuracy → human fallback; full explainability → cost
 * of error, human decides, interpretable model). Sets @n_questions; NULL and 0
 * for a condition with none. */
const FwQuestion *fw_condition_get_follow_ups (FwCondition  condition,
                                               guint       *n_questions);

/* The user story's three parts (FW_IDEA_AS_A, FW_IDEA_I_WANT, FW_IDEA_SO_THAT) in
 * the order the language tells a story in: "As a…, I want…, so that…"; in
 * Japanese 〜として、〜ために、〜したい. The editor and the report show them so. */
void         fw_story_get_order            (FwIdeaText    order[3]);

/* Whether @step of @idea has everything it asks for. */
gboolean     fw_idea_step_is_complete      (FwIdea       *idea,
                                            FwStep        step);

/* What @step still asks for, one translated sentence ("5 of 6 questions
 * answered. Left: Does a human make the final decision?"), or NULL when the
 * step is complete. Free with g_free(). */
char        *fw_idea_step_dup_status       (FwIdea       *idea,
                                            FwStep        step);

G_END_DECLS
