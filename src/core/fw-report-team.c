/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The report's team round (issue #17): a page per idea the members assessed, with
 * their states side by side, and a summary of the team and its decisions. */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include "fw-assessment.h"
#include "fw-member-assessment.h"
#include "fw-report-private.h"
#include "fw-team.h"

/* "Aiko Tanaka (Engineer)"; a member the workbook's team does not list by the id
 * the assessment names. */
static char *
member_text (FwWorkbook *workbook,
             const char *member_id)
{
  FwMember *member = fw_workbook_find_member (workbook, member_id, NULL);
  g_autofree char *name = NULL;

  if (member == NULL)
    /* TRANSLATORS: a member's assessment whose member is not in the team; %s is an id */
    return g_strdup_printf (_("Unlisted member %s"), member_id);
  name = fw_member_dup_display_name (member);
  /* TRANSLATORS: a member and their role, e.g. "Aiko (Engineer)" */
  return g_strdup_printf (C_("member and role", "%s (%s)"), name,
                          fw_role_label (fw_member_get_role (member)));
}

static char *
agreement_text (int   agreement,
                guint n_members)
{
  g_autofree char *members = g_strdup_printf (ngettext ("%u member assessed it",
                                                        "%u members assessed it", n_members),
                                              n_members);

  if (agreement < 0)
    /* TRANSLATORS: %s is "3 members assessed it" */
    return g_strdup_printf (_("Agreement: no figure yet (%s)"), members);
  /* TRANSLATORS: the team's agreement figure (docs/rules.md), then "3 members assessed it" */
  return g_strdup_printf (_("Agreement: %d / 100 (%s)"), agreement, members);
}

static void
decision_paragraphs (FwReport *self,
                     FwIdea   *idea)
{
  g_autofree char *decision = fw_portfolio_format_decision (idea);
  const char *date = fw_idea_get_decision_date (idea);

  if (decision == NULL)
    {
      report_paragraph_full (self, fw_decision_label (FW_DECISION_NONE), FALSE, BODY, FALSE,
                             &self->style.dim, 0, 4, NULL);
      return;
    }
  report_paragraph_full (self, decision, FALSE, BODY, TRUE, NULL, 0, 2, NULL);
  if (date && *date)
    {
      /* TRANSLATORS: when the PM recorded the decision; %s is a date, 2026-12-01 */
      g_autofree char *line = g_strdup_printf (_("Decided on %s"), date);

      report_paragraph_full (self, line, FALSE, SMALL, FALSE, &self->style.dim, 0, 4, NULL);
    }
}

/* One cell of the spread table: the state, its evidence and the member's why. */
static char *
stage_cell (FwAssessment *assessment,
            FwIdea       *judgement,
            FwStage       stage)
{
  FwStageState state = fw_assessment_get_stage_state (assessment, stage);
  FwEvidence evidence = fw_idea_get_evidence (judgement, stage);
  g_autofree char *why = g_strstrip (g_strdup (fw_idea_get_why (judgement, stage)));
  GString *cell = g_string_new (fw_stage_state_label (state));

  if (evidence != FW_EVIDENCE_NONE)
    g_string_append_printf (cell, "\n%s", fw_evidence_label (evidence));
  if (*why)
    g_string_append_printf (cell, "\n%s", why);
  return g_string_free (cell, FALSE);
}

void
report_team_page (FwReport               *self,
                  FwWorkbook             *workbook,
                  const FwPortfolioEntry *entry)
{
  FwIdea *idea = entry->idea;
  GListModel *assessments = fw_idea_get_assessments (idea);
  guint n = g_list_model_get_n_items (assessments);
  FwTeamSpread spread;
  g_autofree char *title = NULL;
  g_autofree char *agreement = NULL;
  char *questions[FW_N_STAGES];
  Cell header[6];
  double w = self->cw;

  if (n == 0 || !fw_team_shown (idea))
    return;
  fw_team_spread_compute (idea, &spread);

  report_new_page (self);
  {
    g_autofree char *escaped = g_markup_escape_text (entry->title, -1);
    /* Never broken inside ("チームの / 見方"): a long title wraps before it. */
    g_autofree char *view = g_markup_printf_escaped ("<span allow_breaks=\"false\">%s</span>",
                                                     _("the team’s view"));

    /* TRANSLATORS: the heading of an idea's team page: its rank, its title and "the
     * team’s view" */
    title = g_strdup_printf (_("%u. %s: %s"), entry->rank, escaped, view);
    report_heading_markup (self, title, H1);
  }
  agreement = agreement_text (spread.agreement, n);
  report_paragraph_full (self, agreement, FALSE, BODY, TRUE,
                         spread.agreement >= 0 && spread.agreement < FW_PORTFOLIO_LOW_AGREEMENT
                           ? &self->style.broken : NULL, 0, 6, NULL);

  for (guint s = 0; s < FW_N_STAGES; s++)
    questions[s] = g_strdup (fw_stage_label (s));
  header[0] = (Cell) { C_("team report", "Member"), FALSE, FALSE, w * 0.16, NULL, -1 };
  for (guint s = 0; s < FW_N_STAGES; s++)
    header[1 + s] = (Cell) { questions[s], FALSE, FALSE, w * 0.18, NULL, -1 };
  header[5] = (Cell) { _("Verdict"), FALSE, FALSE, w * 0.12, NULL, -1 };
  report_table_begin (self, header, G_N_ELEMENTS (header), TABLE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwMemberAssessment) a = g_list_model_get_item (assessments, i);
      g_autoptr(FwAssessment) assessment = fw_member_assessment_assess (a, idea);
      FwIdea *judgement = fw_member_assessment_get_judgement (a);
      g_autofree char *who = member_text (workbook, fw_member_assessment_get_member_id (a));
      g_autofree char *verdict = fw_format_summary (fw_assessment_get_verdict (assessment),
                                                    fw_assessment_get_score (assessment), -1);
      char *stages[FW_N_STAGES];
      Cell cells[6];

      memcpy (cells, header, sizeof cells);
      cells[0].text = who;
      cells[0].bold = TRUE;
      for (guint s = 0; s < FW_N_STAGES; s++)
        cells[1 + s].text = stages[s] = stage_cell (assessment, judgement, s);
      cells[5].text = verdict;
      report_table_row_full (self, cells, G_N_ELEMENTS (cells), TABLE, FALSE);
      for (guint s = 0; s < FW_N_STAGES; s++)
        g_free (stages[s]);
    }
  {
    Cell cells[6];
    char *range[FW_N_STAGES];

    memcpy (cells, header, sizeof cells);
    /* TRANSLATORS: the spread table's last row: per stage, weakest to strongest */
    cells[0].text = _("The team's range");
    cells[0].bold = TRUE;
    for (guint s = 0; s < FW_N_STAGES; s++)
      {
        if (spread.n_answered[s] == 0)
          range[s] = g_strdup (fw_stage_state_label (FW_STAGE_STATE_UNANSWERED));
        else if (spread.weakest[s] == spread.strongest[s])
          range[s] = g_strdup (fw_stage_state_label (spread.weakest[s]));
        else
          /* TRANSLATORS: the weakest and the strongest member's state of a stage */
          range[s] = g_strdup_printf (C_("state range", "%s to %s"),
                                      fw_stage_state_label (spread.weakest[s]),
                                      fw_stage_state_label (spread.strongest[s]));
        if (spread.split[s])
          {
            /* TRANSLATORS: after a stage's range when one member sees it broken and
             * another sees it hold */
            char *with = g_strdup_printf ("%s\n%s", range[s], C_("team report", "Split"));

            g_free (range[s]);
            range[s] = with;
          }
        cells[1 + s].text = range[s];
        cells[1 + s].bold = spread.split[s];
      }
    cells[5].text = "";
    report_table_row_full (self, cells, G_N_ELEMENTS (cells), TABLE, FALSE);
    for (guint s = 0; s < FW_N_STAGES; s++)
      g_free (range[s]);
  }
  report_table_end (self);
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_free (questions[s]);

  report_heading (self, _("Verdicts and comments"), H2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwMemberAssessment) a = g_list_model_get_item (assessments, i);
      g_autoptr(FwAssessment) assessment = fw_member_assessment_assess (a, idea);
      g_autofree char *who = member_text (workbook, fw_member_assessment_get_member_id (a));
      g_autofree char *summary = fw_assessment_format_summary (assessment);
      const char *comment = fw_member_assessment_get_comment (a);
      g_autofree char *line = NULL;

      if (comment && *comment)
        /* TRANSLATORS: a member's verdict, then their comment */
        line = g_strdup_printf (C_("verdict and comment", "%s — %s"), summary, comment);
      report_labelled (self, who, line ? line : summary);
    }

  report_heading (self, C_("team report", "Decision"), H2);
  decision_paragraphs (self, idea);
}

void
report_team_summary (FwReport   *self,
                     FwWorkbook *workbook)
{
  g_autoptr(GPtrArray) order = NULL;
  guint n_members = fw_workbook_get_n_members (workbook);
  gboolean any = FALSE;
  Cell header[5];
  double w = self->cw;

  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook) && !any; i++)
    any = fw_team_shown (fw_workbook_get_idea (workbook, i));
  if (!any)
    return;

  report_new_page (self);
  report_add_bookmark (self, _("The team round"), 0);
  report_heading (self, _("The team round"), H1);

  report_heading (self, C_("team report", "Members"), H2);
  header[0] = (Cell) { C_("team report", "Member"), FALSE, FALSE, w * 0.5, NULL, -1 };
  header[1] = (Cell) { C_("team report", "Role"), FALSE, FALSE, w * 0.3, NULL, -1 };
  header[2] = (Cell) { C_("team report", "Ideas assessed"), FALSE, FALSE, w * 0.2, NULL, -1 };
  report_table_begin (self, header, 3, SMALL);
  for (guint m = 0; m < n_members; m++)
    {
      FwMember *member = fw_workbook_get_member (workbook, m);
      g_autofree char *name = fw_member_dup_display_name (member);
      g_autofree char *count = NULL;
      guint assessed = 0;
      Cell cells[3];

      for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
        assessed += fw_idea_find_assessment (fw_workbook_get_idea (workbook, i),
                                             fw_member_get_id (member), NULL) != NULL;
      count = g_strdup_printf ("%u", assessed);
      memcpy (cells, header, 3 * sizeof (Cell));
      cells[0].text = name;
      cells[1].text = fw_role_label (fw_member_get_role (member));
      cells[2].text = count;
      report_table_row_full (self, cells, 3, SMALL, FALSE);
    }
  report_table_end (self);

  /* TRANSLATORS: a heading: the ideas in the order the team should discuss them */
  report_heading (self, _("Ideas by disagreement"), H2);
  report_paragraph_full (self, _("Least agreement first: the order in which to discuss them."),
                         FALSE, SMALL, FALSE, &self->style.dim, 0, 4, NULL);
  header[0] = (Cell) { _("Idea"), FALSE, FALSE, w * 0.38, NULL, -1 };
  header[1] = (Cell) { C_("team report", "Agreement"), FALSE, FALSE, w * 0.13, NULL, -1 };
  header[2] = (Cell) { C_("team report", "Members"), FALSE, FALSE, w * 0.11, NULL, -1 };
  header[3] = (Cell) { C_("team report", "Split stages"), FALSE, FALSE, w * 0.16, NULL, -1 };
  header[4] = (Cell) { C_("team report", "Decision"), FALSE, FALSE, w * 0.22, NULL, -1 };
  report_table_begin (self, header, 5, SMALL);
  order = fw_team_order_by_disagreement (workbook);
  for (guint i = 0; i < order->len; i++)
    {
      FwIdea *idea = g_ptr_array_index (order, i);
      FwTeamSpread spread;
      g_autofree char *title = fw_idea_dup_display_title (idea);
      g_autofree char *agreement = NULL;
      g_autofree char *members = NULL;
      g_autoptr(GString) split = g_string_new (NULL);
      Cell cells[5];

      if (!fw_team_shown (idea))
        continue;
      fw_team_spread_compute (idea, &spread);
      agreement = spread.agreement >= 0 ? g_strdup_printf ("%d", spread.agreement)
                                        : g_strdup ("—");
      members = g_strdup_printf ("%u", spread.n_assessments);
      for (guint s = 0; s < FW_N_STAGES; s++)
        if (spread.split[s])
          g_string_append_printf (split, "%s%s",
                                  /* TRANSLATORS: between the names of the split stages */
                                  split->len ? C_("list separator", ", ") : "",
                                  fw_stage_label (s));
      memcpy (cells, header, sizeof cells);
      cells[0].text = title;
      cells[1].text = agreement;
      cells[1].bold = spread.agreement >= 0 && spread.agreement < FW_PORTFOLIO_LOW_AGREEMENT;
      cells[2].text = members;
      cells[3].text = split->str;
      cells[4].text = fw_decision_label (fw_idea_get_decision (idea));
      report_table_row_full (self, cells, 5, SMALL, FALSE);
    }
  report_table_end (self);

  report_heading (self, C_("team report", "Decisions"), H2);
  any = FALSE;
  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    {
      FwIdea *idea = fw_workbook_get_idea (workbook, i);
      g_autofree char *decision = fw_portfolio_format_decision (idea);
      g_autofree char *title = NULL;

      if (decision == NULL)
        continue;
      any = TRUE;
      title = fw_idea_dup_display_title (idea);
      report_labelled (self, title, decision);
    }
  if (!any)
    report_paragraph_full (self, _("No idea decided yet."), FALSE, BODY, FALSE,
                           &self->style.dim, 0, 4, NULL);
}
