/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-workbook.h"

G_BEGIN_DECLS

/* Where the team disagrees about an idea: from the members' own assessments
 * (fw_idea_get_assessments()), each computed by the rules into stage states.
 * The figure is defined in docs/rules.md ("The team's agreement"). */

typedef struct
{
  guint         n_assessments;
  /* Per stage, over the members who answered it (an unanswered stage counts for
   * no one): the weakest and strongest state, broken < weak < holds < strong;
   * FW_STAGE_STATE_UNANSWERED when no member answered it. */
  FwStageState  weakest[FW_N_STAGES];
  FwStageState  strongest[FW_N_STAGES];
  guint         n_answered[FW_N_STAGES];
  /* One member sees the stage broken while another sees it hold (or strong). */
  gboolean      split[FW_N_STAGES];
  /* 0–100, 100 when every member sees every stage alike; -1 when no stage was
   * answered by two members. */
  int           agreement;
} FwTeamSpread;

void         fw_team_spread_compute          (FwIdea       *idea,
                                              FwTeamSpread *spread);
/* The agreement figure alone. */
int          fw_team_agreement               (FwIdea       *idea);
/* Whether the team's assessments of @idea may be shown: there are some and the
 * PM revealed them. Until then each member sees only their own, so the spread,
 * the agreement, the team's pages and slides show nothing of the others'. */
gboolean     fw_team_shown                   (FwIdea       *idea);
/* Whether @idea has team assessments the PM has not revealed yet. */
gboolean     fw_team_hidden                  (FwIdea       *idea);
/* Whether the person at this computer leads the round: reveals the members'
 * assessments, records the team's decision and takes a member's answer into the
 * idea. A product manager of the team does, and so does anyone while the team has
 * no product manager. @me_id is who they are (NULL: not said), @me_role the role
 * they gave in Preferences, used when they are not in the team yet. */
gboolean     fw_team_may_lead                (FwWorkbook   *workbook,
                                              const char   *me_id,
                                              FwRole        me_role);
/* The ideas in the order to discuss them: least agreement first, then ideas
 * without a figure, then those hidden until revealed (their place would tell how
 * far the team agrees); the workbook's order among equals.
 * (transfer container) FwIdea *. */
GPtrArray   *fw_team_order_by_disagreement   (FwWorkbook   *workbook);

G_END_DECLS
