/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-assessment.h"
#include "fw-i18n.h"
#include "fw-markdown.h"
#include "fw-portfolio.h"
#include "fw-team.h"

char *
fw_markdown_escape_cell (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '|':
          g_string_append (s, "\\|");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (s, "<br>");
          break;
        default:
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

/* Text in a paragraph or list item: a line break inside would end the item. */
static void
append_inline (GString    *s,
               const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        g_string_append (s, "  \n  ");
      else
        g_string_append_c (s, *p);
    }
}

static void
append_cell (GString    *s,
             const char *text)
{
  g_autofree char *cell = fw_markdown_escape_cell (text);

  g_string_append_printf (s, " %s |", cell);
}

static void
append_cases (GString    *s,
              FwWorkbook *workbook)
{
  guint n = fw_workbook_get_n_cases (workbook);

  g_string_append_printf (s, "## %s\n\n", _("Best-practice cases"));
  if (n == 0)
    {
      g_string_append_printf (s, "%s\n\n", _("No cases yet."));
      return;
    }

  g_string_append (s, "|");
  /* TRANSLATORS: the "No" column of the worksheet's case table: the row number. */
  append_cell (s, C_("worksheet column", "No"));
  append_cell (s, C_("worksheet column", "Case"));
  append_cell (s, C_("worksheet column", "Summary"));
  append_cell (s, C_("worksheet column", "Link"));
  append_cell (s, _("ML task"));
  for (guint st = 0; st < FW_N_STAGES; st++)
    append_cell (s, fw_stage_question (st));
  g_string_append (s, "\n|");
  for (guint c = 0; c < 5 + FW_N_STAGES; c++)
    g_string_append (s, " --- |");
  g_string_append (s, "\n");

  for (guint i = 0; i < n; i++)
    {
      FwCase *item = fw_workbook_get_case (workbook, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_string_append (s, "|");
      append_cell (s, number);
      append_cell (s, fw_case_get_name (item));
      append_cell (s, fw_case_get_text (item, FW_CASE_SUMMARY));
      append_cell (s, fw_case_get_text (item, FW_CASE_LINK));
      append_cell (s, fw_case_get_task (item) == FW_TASK_UNDECIDED
                        ? "" : fw_task_label (fw_case_get_task (item)));
      for (guint st = 0; st < FW_N_STAGES; st++)
        append_cell (s, fw_case_get_why (item, st));
      g_string_append (s, "\n");
    }
  g_string_append (s, "\n");

  /* The deck's PROBLEM / SOLUTION / IMPACT, too long for the table. */
  for (guint i = 0; i < n; i++)
    {
      static const FwCaseText facts[] = { FW_CASE_PROBLEM, FW_CASE_SOLUTION, FW_CASE_IMPACT };
      FwCase *item = fw_workbook_get_case (workbook, i);
      gboolean has = FALSE;

      for (guint f = 0; f < G_N_ELEMENTS (facts); f++)
        has |= *fw_case_get_text (item, facts[f]) != '\0';
      if (!has)
        continue;
      g_string_append_printf (s, "**%u. ", i + 1);
      append_inline (s, fw_case_get_name (item));
      g_string_append (s, "**\n\n");
      for (guint f = 0; f < G_N_ELEMENTS (facts); f++)
        {
          const char *text = fw_case_get_text (item, facts[f]);

          if (*text == '\0')
            continue;
          g_string_append (s, "- ");
          /* TRANSLATORS: a label before its text, e.g. "Problem:". */
          g_string_append_printf (s, _("%s:"), fw_case_text_label (facts[f]));
          g_string_append (s, " ");
          append_inline (s, text);
          g_string_append (s, "\n");
        }
      g_string_append (s, "\n");
    }
}

static const char *
level_label (FwIdea     *idea,
             FwPriority  which)
{
  return fw_level_label (fw_idea_get_priority (idea, which));
}

static void
append_idea (GString *s,
             guint    number,
             FwIdea  *idea)
{
  g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);
  const char * const *advice = fw_assessment_get_advice (assessment);
  g_autofree char *title = fw_idea_dup_display_title (idea);
  g_autofree char *poc = NULL;
  int priority = fw_assessment_get_poc_priority (assessment);
  guint n_reasons = fw_assessment_get_n_reasons (assessment);

  g_string_append_printf (s, "### %u. ", number);
  append_inline (s, title);
  g_string_append (s, "\n\n");

  g_string_append_printf (s, "- **%s:** %s\n", _("Verdict"),
                          fw_verdict_label (fw_assessment_get_verdict (assessment)));
  /* TRANSLATORS: the flywheel score out of 100, e.g. "72 / 100". */
  g_string_append_printf (s, "- **%s:** %d / 100\n", _("Flywheel score"),
                          fw_assessment_get_score (assessment));
  if (priority > 0)
    {
      g_autofree char *levels = NULL;

      /* TRANSLATORS: the three ratings that add up to the PoC priority; each %s is
       * High, Medium or Low. */
      levels = g_strdup_printf (_("importance %s, urgency %s, ML value %s"),
                                level_label (idea, FW_PRIORITY_IMPORTANCE),
                                level_label (idea, FW_PRIORITY_URGENCY),
                                level_label (idea, FW_PRIORITY_ML_VALUE));
      poc = fw_format_poc_priority (priority);
      g_string_append_printf (s, "- **%s:** %s (%s)\n", _("PoC priority"), poc, levels);
    }
  else
    {
      poc = fw_format_poc_priority (priority);
      g_string_append_printf (s, "- **%s:** %s\n", _("PoC priority"), poc);
    }
  if (fw_idea_get_task (idea) != FW_TASK_UNDECIDED)
    g_string_append_printf (s, "- **%s:** %s\n", _("ML task"),
                            fw_task_label (fw_idea_get_task (idea)));
  if (fw_team_shown (idea))
    {
      int agreement = fw_team_agreement (idea);
      guint n = fw_idea_get_n_assessments (idea);

      g_string_append_printf (s, "- **%s:** ", _("Team agreement"));
      if (agreement >= 0)
        /* TRANSLATORS: the team's agreement figure, then how many members assessed */
        g_string_append_printf (s, ngettext ("%d / 100 (%u member)", "%d / 100 (%u members)", n),
                                agreement, n);
      else
        g_string_append_printf (s, ngettext ("no figure yet (%u member)",
                                             "no figure yet (%u members)", n), n);
      g_string_append (s, "\n");
    }
  {
    g_autofree char *decision = fw_portfolio_format_decision (idea);

    if (decision)
      {
        g_string_append (s, "- ");
        append_inline (s, decision);
        g_string_append (s, "\n");
      }
  }
  g_string_append (s, "\n");

  g_string_append_printf (s, "| %s | %s |\n| --- | --- |\n", _("Stage"), _("State"));
  for (guint st = 0; st < FW_N_STAGES; st++)
    {
      /* As the diagram labels it, so a lift reads the same in both. */
      g_autofree char *state = fw_assessment_dup_state_text (assessment, st);

      g_string_append_printf (s, "| %s | %s |\n", fw_stage_label (st), state);
    }
  g_string_append (s, "\n");

  if (n_reasons > 0)
    {
      g_string_append_printf (s, "**%s**\n\n", _("Reasons"));
      for (guint r = 0; r < n_reasons; r++)
        {
          const FwReason *reason = fw_assessment_get_reason (assessment, r);

          /* The reason's sentence already names its stage. */
          g_string_append (s, "- ");
          append_inline (s, reason->text);
          g_string_append (s, "\n");
        }
      g_string_append (s, "\n");
    }

  if (advice && advice[0])
    {
      g_string_append_printf (s, "**%s**\n\n", _("What would move the verdict"));
      for (guint a = 0; advice[a]; a++)
        {
          g_string_append (s, "- ");
          append_inline (s, advice[a]);
          g_string_append (s, "\n");
        }
      g_string_append (s, "\n");
    }
}

char *
fw_markdown_from_workbook (FwWorkbook *workbook,
                           const char *lang)
{
  g_autoptr(FwI18nScope) scope = NULL;
  const char *title;
  const char *product;
  const char *author;
  guint n_ideas;
  GString *s;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);

  /* Only this thread: a report may be rendering in another language beside it. */
  if (lang && *lang)
    scope = fw_i18n_scope_push (lang);

  s = g_string_new (NULL);
  title = fw_workbook_get_title (workbook);
  product = fw_workbook_get_text (workbook, FW_WORKBOOK_PRODUCT);
  author = fw_workbook_get_text (workbook, FW_WORKBOOK_AUTHOR);

  g_string_append (s, "# ");
  append_inline (s, title && *title ? title : _("Untitled workbook"));
  g_string_append (s, "\n\n");
  if (product && *product)
    {
      g_string_append_printf (s, "- **%s:** ", _("Target product"));
      append_inline (s, product);
      g_string_append (s, "\n");
    }
  if (author && *author)
    {
      g_string_append_printf (s, "- **%s:** ", _("Author"));
      append_inline (s, author);
      g_string_append (s, "\n");
    }
  g_string_append (s, "\n");

  append_cases (s, workbook);

  n_ideas = fw_workbook_get_n_ideas (workbook);
  g_string_append_printf (s, "## %s\n\n", _("Ideas"));
  if (n_ideas == 0)
    g_string_append_printf (s, "%s\n\n", _("No ideas yet."));
  for (guint i = 0; i < n_ideas; i++)
    append_idea (s, i + 1, fw_workbook_get_idea (workbook, i));

  /* One trailing newline, not two. */
  while (s->len >= 2 && s->str[s->len - 1] == '\n' && s->str[s->len - 2] == '\n')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}
