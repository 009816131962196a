/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "fw-core.h"

/* What the team round's tests share: judging an idea by a code per stage, and
 * members' assessments made from such codes. */

/* Sets a judgement's four stages from a code per stage: 'u' unanswered, 'w' weak,
 * 'h' holds, 's' strong, 'b' broken (by each stage's own break row, docs/rules.md). */
static inline void
fw_test_judge (FwIdea     *judgement,
               const char *code)
{
  g_assert_cmpuint (strlen (code), ==, FW_N_STAGES);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      static const FwEvidence evidence[] = {
        ['w'] = FW_EVIDENCE_OPINIONS, ['h'] = FW_EVIDENCE_ESTIMATES,
        ['s'] = FW_EVIDENCE_MARKET_DATA, ['b'] = FW_EVIDENCE_ESTIMATES, ['u'] = FW_EVIDENCE_NONE,
      };
      char c = code[s];

      fw_idea_set_why (judgement, s, c == 'u' ? "" : "because");
      fw_idea_set_evidence (judgement, s, evidence[(int) c]);
      if (c != 'b')
        continue;
      switch (s)
        {
        case FW_STAGE_CUSTOMER_EXPERIENCE:
          fw_idea_set_condition (judgement, FW_CONDITION_FULL_ACCURACY, TRUE);
          fw_idea_set_answer (judgement, FW_QUESTION_HUMAN_FALLBACK, FW_ANSWER_NO);
          break;
        case FW_STAGE_TRAFFIC:
          fw_idea_set_answer (judgement, FW_QUESTION_USERS_WOULD_MISS, FW_ANSWER_NO);
          break;
        case FW_STAGE_DATA:
          fw_idea_set_answer (judgement, FW_QUESTION_DATA_COLLECTED, FW_ANSWER_NO);
          break;
        case FW_STAGE_MODEL:
        default:
          fw_idea_set_condition (judgement, FW_CONDITION_EXISTING_ALGORITHM, TRUE);
          break;
        }
    }
}

/* The short name the team tests use. */
#define judge fw_test_judge

/* @member's assessment of @idea, made at @made, judging the stages by @code. */
static inline FwMemberAssessment *
assess (FwIdea     *idea,
        FwMember   *member,
        const char *made,
        const char *code)
{
  g_autoptr(FwMemberAssessment) assessment = fw_member_assessment_new (fw_member_get_id (member));

  fw_member_assessment_set_made (assessment, made);
  fw_test_judge (fw_member_assessment_get_judgement (assessment), code);
  fw_idea_set_assessment (idea, assessment);
  return assessment;  /* the idea holds it */
}

/* Joins @workbook's team as @name (id "member-@name") and assesses @idea by @code;
 * the idea is revealed, as the PM does before the team's pages are read. */
static inline FwMemberAssessment *
fw_test_member_assess (FwWorkbook *workbook,
                       FwIdea     *idea,
                       const char *name,
                       FwRole      role,
                       const char *code)
{
  g_autofree char *id = g_strdup_printf ("member-%s", name);
  g_autoptr(FwMemberAssessment) assessment = fw_member_assessment_new (id);

  if (fw_workbook_find_member (workbook, id, NULL) == NULL)
    {
      g_autoptr(FwMember) member = fw_member_new (name, role);

      fw_member_set_id (member, id);
      fw_workbook_append_member (workbook, member);
    }
  fw_member_assessment_set_made (assessment, "2026-12-01T09:30:00Z");
  fw_test_judge (fw_member_assessment_get_judgement (assessment), code);
  /* The outputs show the team only once the PM revealed it. */
  fw_idea_set_revealed (idea, TRUE);
  fw_idea_set_assessment (idea, assessment);
  return assessment;  /* the idea holds it */
}
