/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include "fw-gettext.h"

#include "fw-assessment.h"
#include "fw-flywheel-layout.h"
#include "fw-merge.h"
#include "fw-portfolio.h"
#include "fw-report.h"
#include "fw-report-private.h"
#include "fw-steps.h"

/* The sections. */

static char *
format_date (GDateTime *date)
{
  /* TRANSLATORS: the date on the report's cover, a strftime format */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

void
report_cover (FwReport   *self,
              FwWorkbook *workbook,
              GDateTime  *date)
{
  const char *product = fw_workbook_get_text (workbook, FW_WORKBOOK_PRODUCT);
  const char *author = fw_workbook_get_text (workbook, FW_WORKBOOK_AUTHOR);
  g_autofree char *when = format_date (date);
  g_autofree char *counts = NULL;
  guint verdicts[FW_N_VERDICTS] = { 0 };
  static const FwVerdict order[] = {
    FW_VERDICT_WINNING, FW_VERDICT_PROMISING, FW_VERDICT_LOSING, FW_VERDICT_INCOMPLETE,
  };
  guint n_ideas = fw_portfolio_get_n_entries (self->portfolio);

  report_new_page (self);
  report_add_bookmark (self, _("Cover"), 0);
  self->y = self->ph * 0.22;
  report_paragraph_full (self, _("ML winning-pattern workbook"), FALSE, SMALL + 1, FALSE,
                  &self->style.dim, 0, 6, NULL);
  report_paragraph_full (self, self->title, FALSE, 26, TRUE, NULL, 0, 14, NULL);
  report_rule (self);
  self->y += 10;
  report_labelled (self, _("Product:"), product);
  report_labelled (self, _("Author:"), author);
  report_labelled (self, _("Date:"), when);
  self->y += 14;

  for (guint i = 0; i < n_ideas; i++)
    verdicts[fw_portfolio_get_entry (self->portfolio, i)->verdict]++;
  counts = g_strdup_printf (_("%u ideas · %u best-practice cases"), n_ideas,
                            (guint) g_list_model_get_n_items (fw_workbook_get_cases (workbook)));
  report_paragraph_full (self, counts, FALSE, H3, TRUE, NULL, 0, 8, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %u", fw_verdict_label (order[i]),
                                               verdicts[order[i]]);
      Op *dot = report_add_op (self, OP_DOT);

      dot->x = MARGIN_X + 5;
      dot->y = self->y + BODY * 0.75;
      dot->w = 4;
      dot->color = *fw_portfolio_verdict_color (&self->style, order[i]);
      report_paragraph_full (self, line, FALSE, BODY, FALSE, NULL, 16, 4, NULL);
    }
  /* A merged workbook with conflicts left does not look done on paper either. */
  {
    guint n_conflicts = fw_workbook_count_conflicts (workbook);

    if (n_conflicts > 0)
      {
        g_autofree char *line = g_strdup_printf (ngettext ("%u unresolved conflict",
                                                           "%u unresolved conflicts",
                                                           n_conflicts),
                                                 n_conflicts);

        self->y += 8;
        report_paragraph_full (self, line, FALSE, BODY, TRUE, NULL, 0, 4, NULL);
      }
  }
}

void
report_portfolio_section (FwReport *self)
{
  Cell header[6];
  guint n = fw_portfolio_get_n_entries (self->portfolio);
  double chart_h = self->cw * 0.68;
  Op *op;

  report_new_page (self);
  report_add_bookmark (self, _("Portfolio"), 0);
  report_heading (self, _("Portfolio"), H1);
  report_paragraph_full (self, _("Every idea ranked by PoC priority (importance + urgency + ML value, "
                          "with High = 3, Medium = 2, Low = 1), then by flywheel score. Ideas "
                          "without all three ratings come last."),
                  FALSE, SMALL + 0.5, FALSE, &self->style.dim, 0, 8, NULL);

  {
    FwDiagramStyle style = self->style;

    /* Legible on paper: the chart's labels near the table's size. */
    style.font_scale = 1.15;
    self->chart = fw_portfolio_layout_new (self->portfolio, self->cw, chart_h, &style,
                                           self->context);
  }
  report_ensure (self, chart_h);
  op = report_add_op (self, OP_PORTFOLIO);
  op->x = MARGIN_X;
  op->y = self->y;
  op->w = self->cw;
  op->h = chart_h;
  self->y += chart_h + 12;

  if (n == 0)
    {
      report_paragraph (self, _("No ideas yet."));
      return;
    }

  header[0] = (Cell) { "#", FALSE, FALSE, self->cw * 0.06, NULL, -1 };
  header[1] = (Cell) { _("Idea"), FALSE, FALSE, self->cw * 0.33, NULL, -1 };
  header[2] = (Cell) { _("Verdict"), FALSE, FALSE, self->cw * 0.19, NULL, -1 };
  header[3] = (Cell) { _("Score"), FALSE, FALSE, self->cw * 0.08, NULL, -1 };
  header[4] = (Cell) { _("PoC priority"), FALSE, FALSE, self->cw * 0.11, NULL, -1 };
  /* TRANSLATORS: importance · urgency · ML value, as High/Medium/Low (高/中/低);
   * the column is wide enough for "Medium · Medium · Medium" */
  header[5] = (Cell) { _("I · U · V"), FALSE, FALSE, self->cw * 0.23, NULL, -1 };
  report_table_begin (self, header, G_N_ELEMENTS (header), SMALL);
  for (guint i = 0; i < n; i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (self->portfolio, i);
      g_autofree char *rank = g_strdup_printf ("%u", entry->rank);
      g_autofree char *score = g_strdup_printf ("%d", entry->score);
      g_autofree char *priority = fw_format_poc_priority (entry->priority);
      g_autofree char *levels = NULL;
      g_autofree char *team = NULL;
      g_autofree char *title = NULL;
      Cell cells[6];
      const char *sym[FW_N_PRIORITIES];

      for (guint p = 0; p < FW_N_PRIORITIES; p++)
        {
          FwLevel level = fw_idea_get_priority (entry->idea, p);

          sym[p] = fw_level_label (level);
        }
      levels = g_strdup_printf ("%s · %s · %s", sym[0], sym[1], sym[2]);
      memcpy (cells, header, sizeof cells);
      cells[0].text = rank;
      /* The team's agreement and decision under the title, once there are any. */
      team = fw_portfolio_entry_describe_team (entry);
      title = team ? g_strdup_printf ("%s\n%s", entry->title, team) : g_strdup (entry->title);
      cells[1].text = title;
      cells[1].link_idea = i;
      cells[2].text = fw_verdict_label (entry->verdict);
      cells[3].text = score;
      cells[4].text = priority;
      cells[5].text = levels;
      report_table_row_full (self, cells, G_N_ELEMENTS (cells), SMALL, FALSE);
    }
  report_table_end (self);
}

static const char *
answer_text (FwAnswer answer)
{
  return answer == FW_ANSWER_UNANSWERED ? _("not answered") : fw_answer_label (answer);
}

void
report_idea_section (FwReport               *self,
                     const FwPortfolioEntry *entry,
                     GHashTable             *case_names)
{
  FwIdea *idea = entry->idea;
  g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);
  g_autoptr(FwFlywheelInput) input = fw_flywheel_input_new_for_idea (idea);
  g_autofree char *title = g_strdup_printf ("%u. %s", entry->rank, entry->title);
  g_autofree char *summary = NULL;
  g_autofree char *priority = NULL;
  double diagram_h = self->cw * 0.62;
  FwFlywheelLayout *flywheel;
  const char * const *advice;
  const char * const *case_ids;
  guint n_reasons;
  Op *op;

  report_new_page (self);
  {
    guint first = self->pages->len - 1;

    g_array_append_val (self->idea_pages, first);
  }
  report_add_bookmark (self, title, 1);
  report_heading (self, title, H1);
  {
    Op *last = g_ptr_array_index (self->page->ops, self->page->ops->len - 1);

    /* Cairo 1.16 writes broken links to later pages by number; names work. */
    last->dest = g_strdup_printf ("idea-%u", entry->rank);
  }
  priority = fw_format_poc_priority (entry->priority);
  summary = fw_format_summary (entry->verdict, entry->score, entry->priority);
  report_paragraph_full (self, summary, FALSE, BODY, TRUE,
                  fw_portfolio_verdict_color (&self->style, entry->verdict), 0, 6, NULL);

  flywheel = fw_flywheel_layout_new (input, self->cw, diagram_h, &self->style, NULL);
  g_ptr_array_add (self->flywheels, flywheel);
  report_ensure (self, diagram_h);
  op = report_add_op (self, OP_FLYWHEEL);
  op->flywheel = flywheel;
  op->x = MARGIN_X;
  op->y = self->y;
  op->w = self->cw;
  op->h = diagram_h;
  self->y += diagram_h + 8;

  report_heading (self, _("Story"), H2);
  {
    FwIdeaText order[3];

    fw_story_get_order (order);
    for (guint i = 0; i < 3; i++)
      report_labelled (self,
                       order[i] == FW_IDEA_AS_A ? _("As a")
                       : order[i] == FW_IDEA_I_WANT ? _("I want") : _("so that"),
                       fw_idea_get_text (idea, order[i]));
  }
  report_labelled (self, _("Customer:"), fw_idea_get_text (idea, FW_IDEA_CUSTOMER));
  report_labelled (self, _("Input data:"), fw_idea_get_text (idea, FW_IDEA_INPUT_DATA));
  report_labelled (self, _("Output data:"), fw_idea_get_text (idea, FW_IDEA_OUTPUT_DATA));
  report_labelled (self, _("ML task:"), fw_task_label (fw_idea_get_task (idea)));
  {
    FwApplicability a = fw_idea_get_applicability (idea);
    g_autofree char *text = g_strdup_printf ("%s %s", fw_applicability_symbol (a),
                                             fw_applicability_label (a));
    report_labelled (self, _("ML applicability:"), g_strstrip (text));
  }

  report_heading (self, _("Why the flywheel turns"), H2);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      const char *why = fw_idea_get_why (idea, s);
      const char *question = fw_stage_question (s);
      /* As the diagram labels it, a lift included. */
      g_autofree char *state = fw_assessment_dup_state_text (assessment, s);

      report_heading (self, question, H3);
      if (why && *why)
        report_paragraph_full (self, why, FALSE, BODY, FALSE, NULL, 0, 2, NULL);
      else
        report_paragraph_full (self, _("No answer yet."), FALSE, BODY, FALSE, &self->style.dim, 0, 2,
                        NULL);
      report_paragraph_full (self, state, FALSE, SMALL, FALSE, &self->style.dim, 0, 4, NULL);
    }

  report_heading (self, _("Checklist"), H2);
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      const char *note = fw_idea_get_condition_note (idea, c);
      gboolean ticked = fw_idea_get_condition (idea, c);
      g_autofree char *line = NULL;

      if (c == 0)
        report_paragraph_full (self, _("Conditions that favour a win"), FALSE, SMALL, TRUE,
                        &self->style.dim, 0, 2, NULL);
      else if (c == FW_N_WIN_CONDITIONS)
        report_paragraph_full (self, _("Conditions that lead to a loss"), FALSE, SMALL, TRUE,
                        &self->style.dim, 0, 2, NULL);
      line = note && *note
        ? g_strdup_printf ("%s %s — %s", ticked ? "☑" : "☐", fw_condition_label (c), note)
        : g_strdup_printf ("%s %s", ticked ? "☑" : "☐", fw_condition_label (c));
      report_paragraph_full (self, line, FALSE, BODY, FALSE, ticked ? NULL : &self->style.dim, 8, 2,
                      NULL);
    }
  self->y += 4;
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    {
      g_autofree char *line = g_strdup_printf ("%s — %s", fw_question_label (q),
                                               answer_text (fw_idea_get_answer (idea, q)));

      report_paragraph_full (self, line, FALSE, SMALL + 0.5, FALSE, NULL, 8, 2, NULL);
    }

  report_heading (self, _("Verdict and reasons"), H2);
  report_paragraph_full (self, summary, FALSE, BODY, TRUE,
                  fw_portfolio_verdict_color (&self->style, entry->verdict), 0, 4, NULL);
  n_reasons = fw_assessment_get_n_reasons (assessment);
  for (guint r = 0; r < n_reasons; r++)
    {
      const FwReason *reason = fw_assessment_get_reason (assessment, r);
      const FwColor *color = reason->kind == FW_REASON_BREAKS ? &self->style.broken
                             : reason->kind == FW_REASON_WEAKENS ? &self->style.weak : NULL;
      g_autofree char *line = g_strdup_printf ("%s %s",
                                               reason->kind == FW_REASON_SUPPORTS ? "+" :
                                               reason->kind == FW_REASON_BREAKS ? "×" : "–",
                                               reason->text);

      report_paragraph_full (self, line, FALSE, BODY, FALSE, color, 8, 2, NULL);
    }
  advice = fw_assessment_get_advice (assessment);
  if (advice && advice[0])
    {
      self->y += 4;
      report_paragraph_full (self, _("What would move the verdict"), FALSE, SMALL, TRUE,
                      &self->style.dim, 0, 2, NULL);
      for (guint a = 0; advice[a]; a++)
        {
          g_autofree char *line = g_strdup_printf ("→ %s", advice[a]);

          report_paragraph_full (self, line, FALSE, BODY, FALSE, NULL, 8, 2, NULL);
        }
    }

  report_heading (self, _("Priority"), H2);
  {
    static const char *labels[FW_N_PRIORITIES] = {
      N_("Importance:"), N_("Urgency:"), N_("ML value:"),
    };
    static const FwIdeaText reasons[FW_N_PRIORITIES] = {
      FW_IDEA_IMPORTANCE_REASON, FW_IDEA_URGENCY_REASON, FW_IDEA_ML_VALUE_REASON,
    };

    for (guint p = 0; p < FW_N_PRIORITIES; p++)
      {
        FwLevel level = fw_idea_get_priority (idea, p);
        const char *why = fw_idea_get_text (idea, reasons[p]);
        g_autofree char *text = NULL;

        /* The label, not the worksheet's mark: 高/中/低 in Japanese, High/Medium/Low in
         * English, "Not rated" when unset. */
        text = g_strdup (fw_level_label (level));
        if (why && *why)
          {
            g_autofree char *with = g_strdup_printf ("%s — %s", text, why);
            report_labelled (self, _(labels[p]), with);
          }
        else
          report_labelled (self, _(labels[p]), text);
      }
    report_labelled (self, _("PoC priority:"), priority);
  }
  report_labelled (self, _("Concerns:"), fw_idea_get_text (idea, FW_IDEA_CONCERNS));
  report_labelled (self, _("Blockers:"), fw_idea_get_text (idea, FW_IDEA_BLOCKERS));
  report_labelled (self, _("Notes:"), fw_idea_get_text (idea, FW_IDEA_NOTES));
  {
    const char *url = fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL);

    if (url && *url)
      {
        report_paragraph_full (self, _("Event Storming:"), FALSE, BODY, TRUE, NULL, 0, 2, NULL);
        report_paragraph_full (self, url, FALSE, BODY, FALSE, &self->style.holds, 8, 4, url);
      }
  }
  case_ids = fw_idea_get_case_ids (idea);
  if (case_ids && case_ids[0])
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint c = 0; case_ids[c]; c++)
        {
          const char *name = g_hash_table_lookup (case_names, case_ids[c]);

          if (name == NULL)
            continue;
          if (names->len)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
      report_labelled (self, _("Follows the cases:"), names->str);
    }
}

/* The deck's PROBLEM / SOLUTION / IMPACT of each case that has them: too long for a
 * table cell, so under the table, one case after another. */
static void
case_facts (FwReport   *self,
            GListModel *cases)
{
  static const FwCaseText facts[] = { FW_CASE_PROBLEM, FW_CASE_SOLUTION, FW_CASE_IMPACT };
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(FwCase) item = g_list_model_get_item (cases, i);
      g_autofree char *title = NULL;
      gboolean has = FALSE;

      for (guint f = 0; f < G_N_ELEMENTS (facts); f++)
        has |= *fw_case_get_text (item, facts[f]) != '\0';
      if (!has)
        continue;
      if (!any)
        report_heading (self, _("Problem, solution and impact"), H2);
      any = TRUE;
      title = g_strdup_printf ("%u. %s", i + 1, fw_case_get_name (item));
      report_heading (self, title, H3);
      for (guint f = 0; f < G_N_ELEMENTS (facts); f++)
        {
          /* TRANSLATORS: a label before its text, e.g. "Problem:". */
          g_autofree char *label = g_strdup_printf (_("%s:"), fw_case_text_label (facts[f]));

          report_labelled (self, label, fw_case_get_text (item, facts[f]));
        }
    }
}

void
report_cases_section (FwReport   *self,
                      FwWorkbook *workbook)
{
  GListModel *cases = fw_workbook_get_cases (workbook);
  guint n = g_list_model_get_n_items (cases);
  char *q[FW_N_STAGES] = { NULL };
  Cell header[8];
  double w = self->cw;

  report_new_page (self);
  report_add_bookmark (self, _("Best-practice cases"), 0);
  report_heading (self, _("Best-practice cases"), H1);
  if (n == 0)
    {
      report_paragraph (self, _("No cases yet."));
      return;
    }
  for (guint s = 0; s < FW_N_STAGES; s++)
    q[s] = g_strdup (fw_stage_question (s));
  /* The worksheet's column names: "No" is the row number, not the answer. */
  header[0] = (Cell) { C_("worksheet column", "No"), FALSE, FALSE, w * 0.04, NULL, -1 };
  header[1] = (Cell) { C_("worksheet column", "Case"), FALSE, FALSE, w * 0.12, NULL, -1 };
  header[2] = (Cell) { C_("worksheet column", "Summary"), FALSE, FALSE, w * 0.2, NULL, -1 };
  header[3] = (Cell) { C_("worksheet column", "Link"), FALSE, FALSE, w * 0.1, NULL, -1 };
  for (guint s = 0; s < FW_N_STAGES; s++)
    header[4 + s] = (Cell) { q[s], FALSE, FALSE, w * 0.135, NULL, -1 };
  report_table_begin (self, header, G_N_ELEMENTS (header), TABLE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwCase) item = g_list_model_get_item (cases, i);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      const char *link = fw_case_get_text (item, FW_CASE_LINK);
      Cell cells[8];

      memcpy (cells, header, sizeof cells);
      cells[0].text = no;
      cells[1].text = fw_case_get_name (item);
      cells[1].bold = TRUE;
      cells[2].text = fw_case_get_text (item, FW_CASE_SUMMARY);
      cells[3].text = link;
      cells[3].uri = link && *link ? link : NULL;
      for (guint s = 0; s < FW_N_STAGES; s++)
        cells[4 + s].text = fw_case_get_why (item, s);
      report_table_row_full (self, cells, G_N_ELEMENTS (cells), TABLE, FALSE);
    }
  report_table_end (self);
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_free (q[s]);
  case_facts (self, cases);
}
