/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fw-member-assessment.h"
#include "fw-team.h"

/* How strong a state is, for the spread: broken 0, weak 1, holds 2, strong 3;
 * -1 for unanswered, which takes no side. */
static int
strength (FwStageState state)
{
  switch (state)
    {
    case FW_STAGE_STATE_BROKEN:
      return 0;
    case FW_STAGE_STATE_WEAK:
      return 1;
    case FW_STAGE_STATE_HOLDS:
      return 2;
    case FW_STAGE_STATE_STRONG:
      return 3;
    case FW_STAGE_STATE_UNANSWERED:
    case FW_N_STAGE_STATES:
    default:
      return -1;
    }
}

static const FwStageState by_strength[] = {
  FW_STAGE_STATE_BROKEN, FW_STAGE_STATE_WEAK, FW_STAGE_STATE_HOLDS, FW_STAGE_STATE_STRONG
};

void
fw_team_spread_compute (FwIdea       *idea,
                        FwTeamSpread *spread)
{
  GListModel *assessments;
  int lowest[FW_N_STAGES], highest[FW_N_STAGES];
  guint sum = 0, counted = 0;

  g_return_if_fail (FW_IS_IDEA (idea));
  g_return_if_fail (spread != NULL);

  memset (spread, 0, sizeof *spread);
  for (guint s = 0; s < FW_N_STAGES; s++)
    lowest[s] = G_MAXINT, highest[s] = -1;

  assessments = fw_idea_get_assessments (idea);
  spread->n_assessments = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < spread->n_assessments; i++)
    {
      g_autoptr(FwMemberAssessment) member = g_list_model_get_item (assessments, i);
      g_autoptr(FwAssessment) assessment = fw_member_assessment_assess (member, idea);

      for (guint s = 0; s < FW_N_STAGES; s++)
        {
          int value = strength (fw_assessment_get_stage_state (assessment, s));

          if (value < 0)
            continue;
          spread->n_answered[s]++;
          lowest[s] = MIN (lowest[s], value);
          highest[s] = MAX (highest[s], value);
        }
    }

  /* Each stage two members answered adds its disagreement in thirds: the distance
   * from the weakest to the strongest state, or the whole 3 when the stage is split
   * (broken for one, holding for another: the loop turns or it does not). */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      if (spread->n_answered[s] == 0)
        {
          spread->weakest[s] = spread->strongest[s] = FW_STAGE_STATE_UNANSWERED;
          continue;
        }
      spread->weakest[s] = by_strength[lowest[s]];
      spread->strongest[s] = by_strength[highest[s]];
      spread->split[s] = lowest[s] == 0 && highest[s] >= 2;
      if (spread->n_answered[s] < 2)
        continue;
      sum += spread->split[s] ? 3 : (guint) (highest[s] - lowest[s]);
      counted++;
    }
  /* 100 − 100 × sum / (3 × counted), rounded half up, in integers. */
  spread->agreement = counted == 0 ? -1
                                   : 100 - (int) ((200 * sum + 3 * counted) / (6 * counted));
}

int
fw_team_agreement (FwIdea *idea)
{
  FwTeamSpread spread;

  fw_team_spread_compute (idea, &spread);
  return spread.agreement;
}

typedef struct
{
  FwIdea *idea;
  guint   tier;       /* 0: a figure, 1: none, 2: hidden until revealed */
  int     agreement;
  guint   position;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->tier != rb->tier)
    return ra->tier < rb->tier ? -1 : 1;
  if (ra->agreement != rb->agreement)
    return ra->agreement < rb->agreement ? -1 : 1;
  return ra->position < rb->position ? -1 : ra->position > rb->position;
}

GPtrArray *
fw_team_order_by_disagreement (FwWorkbook *workbook)
{
  g_autoptr(GArray) ranked = NULL;
  GPtrArray *ordered;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);

  n = fw_workbook_get_n_ideas (workbook);
  ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), n);
  for (guint i = 0; i < n; i++)
    {
      Ranked item = { fw_workbook_get_idea (workbook, i), 0, -1, i };

      /* A hidden idea's place would tell how far the team agrees on it. */
      if (fw_team_hidden (item.idea))
        item.tier = 2;
      else if ((item.agreement = fw_team_agreement (item.idea)) < 0)
        item.tier = 1;
      g_array_append_val (ranked, item);
    }
  g_array_sort (ranked, compare_ranked);
  ordered = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ordered, g_array_index (ranked, Ranked, i).idea);
  return ordered;
}

gboolean
fw_team_shown (FwIdea *idea)
{
  g_return_val_if_fail (FW_IS_IDEA (idea), FALSE);
  return fw_idea_get_n_assessments (idea) > 0 && fw_idea_get_revealed (idea);
}

gboolean
fw_team_hidden (FwIdea *idea)
{
  g_return_val_if_fail (FW_IS_IDEA (idea), FALSE);
  return fw_idea_get_n_assessments (idea) > 0 && !fw_idea_get_revealed (idea);
}

gboolean
fw_team_may_lead (FwWorkbook *workbook,
                    const char *me_id,
                    FwRole      me_role)
{
  FwMember *me;
  gboolean has_pm = FALSE;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), FALSE);

  for (guint i = 0; i < fw_workbook_get_n_members (workbook) && !has_pm; i++)
    has_pm = fw_member_get_role (fw_workbook_get_member (workbook, i)) == FW_ROLE_PRODUCT_MANAGER;
  if (!has_pm)
    return TRUE;
  if (me_id == NULL)
    return FALSE;
  me = fw_workbook_find_member (workbook, me_id, NULL);
  return (me ? fw_member_get_role (me) : me_role) == FW_ROLE_PRODUCT_MANAGER;
}
