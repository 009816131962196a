/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-markdown.h"
#include "fw-test-language.h"
#include "fw-test-team.h"
#include "fw-test-util.h"

/* The lines of the first table after the heading @heading. */
static guint
count_table_rows (const char *markdown,
                  const char *heading)
{
  g_auto(GStrv) lines = g_strsplit (strstr (markdown, heading), "\n", -1);
  guint n = 0;
  gboolean in_table = FALSE;

  for (guint i = 1; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "|"))
        {
          in_table = TRUE;
          n++;
        }
      else if (in_table)
        break;
      else if (g_str_has_prefix (lines[i], "#"))
        break;
    }
  return n;
}

static void
check_reasons (FwWorkbook *workbook,
               const char *markdown)
{
  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    {
      FwIdea *idea = fw_workbook_get_idea (workbook, i);
      g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);
      const char * const *advice = fw_assessment_get_advice (assessment);

      g_assert_nonnull (strstr (markdown, fw_idea_get_title (idea)));
      g_assert_nonnull (strstr (markdown,
                                fw_verdict_label (fw_assessment_get_verdict (assessment))));
      for (guint r = 0; r < fw_assessment_get_n_reasons (assessment); r++)
        {
          const FwReason *reason = fw_assessment_get_reason (assessment, r);

          if (strstr (markdown, reason->text) == NULL)
            g_error ("reason missing from the summary: %s", reason->text);
        }
      for (guint a = 0; advice && advice[a]; a++)
        g_assert_nonnull (strstr (markdown, advice[a]));
    }
}

static void
test_sample_en (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autofree char *markdown = fw_markdown_from_workbook (workbook, "en");

  g_assert_true (g_str_has_prefix (markdown, "# Tabiji"));
  g_assert_nonnull (strstr (markdown, "Tabiji travel-booking app"));
  g_assert_nonnull (strstr (markdown, "Mika Sato"));
  /* Header, separator, one row per case. */
  g_assert_cmpuint (count_table_rows (markdown, "## Best-practice cases"), ==,
                    2 + fw_workbook_get_n_cases (workbook));
  g_assert_nonnull (strstr (markdown, "| 1 | Intuit: less time finding deductible expenses |"));
  g_assert_nonnull (strstr (markdown, "| ① Why does the customer experience improve? |"));
  /* The deck's facts and numbers, under the table. */
  g_assert_nonnull (strstr (markdown, "**3. Fraud.net: catching new kinds of fraud before they "
                                      "do damage**\n\n- Problem: New fraud techniques"));
  g_assert_nonnull (strstr (markdown, "- Impact: Users' work went from hours to minutes. With "
                                      "SageMaker, the time to put ML into production fell by "
                                      "90%, from six months to one week.\n"));
  g_assert_nonnull (strstr (markdown, "PoC priority"));
  check_reasons (workbook, markdown);
  g_assert_true (g_str_has_suffix (markdown, "\n"));
  g_assert_false (g_str_has_suffix (markdown, "\n\n"));
}

static void
test_sample_ja (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("ja");
  g_autofree char *markdown = NULL;

  fw_test_use_language ("ja");
  if (g_str_equal (fw_i18n_gettext ("Best-practice cases"), "Best-practice cases"))
    {
      fw_test_use_language ("en");
      g_test_skip ("the Japanese catalogue is not built");
      return;
    }
  fw_test_use_language ("en");

  markdown = fw_markdown_from_workbook (workbook, "ja");
  /* The language is switched back after the call. */
  g_assert_cmpstr (fw_i18n_gettext ("Best-practice cases"), ==, "Best-practice cases");
  g_assert_nonnull (strstr (markdown, "## ベストプラクティス事例"));
  g_assert_cmpuint (count_table_rows (markdown, "## ベストプラクティス事例"), ==,
                    2 + fw_workbook_get_n_cases (workbook));
  fw_test_use_language ("ja");
  g_assert_nonnull (strstr (markdown, fw_stage_question (FW_STAGE_CUSTOMER_EXPERIENCE)));
  check_reasons (workbook, markdown);
  fw_test_use_language ("en");
}

static void
test_escaping (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwCase) item = fw_case_new ();
  g_autofree char *markdown = NULL;
  g_autofree char *cell = NULL;

  fw_case_set_text (item, FW_CASE_NAME, "Ranking | recall");
  fw_case_set_text (item, FW_CASE_SUMMARY, "line one\nline two\r\nline three");
  fw_case_set_why (item, FW_STAGE_DATA, "a|b|c");
  fw_workbook_append_case (workbook, item);

  markdown = fw_markdown_from_workbook (workbook, "en");
  g_assert_nonnull (strstr (markdown, "| Ranking \\| recall |"));
  g_assert_nonnull (strstr (markdown, "| line one<br>line two<br>line three |"));
  g_assert_nonnull (strstr (markdown, "| a\\|b\\|c |"));
  g_assert_cmpuint (count_table_rows (markdown, "## Best-practice cases"), ==, 3);
  g_assert_nonnull (strstr (markdown, "No ideas yet."));

  cell = fw_markdown_escape_cell ("back\\slash");
  g_assert_cmpstr (cell, ==, "back\\\\slash");
}

/* An idea the team assessed and decided on carries the agreement and the decision,
 * in the summary's language; an idea without them carries neither. */
static void
test_team_decision (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwIdea *idea = fw_workbook_get_idea (workbook, 0);
  g_autofree char *en = NULL;
  g_autofree char *ja = NULL;
  g_autofree char *plain = fw_markdown_from_workbook (workbook, "en");

  g_assert_null (strstr (plain, "Decision:"));
  g_assert_null (strstr (plain, "Team agreement"));

  /* Split on the first stage (3 thirds), holds to strong (1), weak to strong (2), alike:
   * 100 - 100 × 6 / 12 = 50. */
  fw_test_member_assess (workbook, idea, "Aiko", FW_ROLE_ENGINEER, "hhwh");
  fw_test_member_assess (workbook, idea, "Ben", FW_ROLE_DESIGNER, "bhsh");
  fw_test_member_assess (workbook, idea, "Chie", FW_ROLE_DATA_SCIENTIST, "hshh");
  fw_idea_set_decision (idea, FW_DECISION_ADOPT_POC);
  fw_idea_set_decision_rationale (idea, "  The booking log is there already.  ");
  fw_idea_set_decision_date (idea, "2026-12-01");
  en = fw_markdown_from_workbook (workbook, "en");
  ja = fw_markdown_from_workbook (workbook, "ja");

  g_assert_nonnull (strstr (en, "- **Team agreement:** 50 / 100 (3 members)\n"));
  g_assert_nonnull (strstr (en,
                            "- Decision: adopt for a PoC — The booking log is there already.\n"));
  g_assert_nonnull (strstr (ja, "- **チームの一致度:** 50 / 100（メンバー 3 人）\n"));
  g_assert_nonnull (strstr (ja, "- 決定: PoCに採用 — The booking log is there already.\n"));
  /* Only the first idea has them. */
  g_assert_true (strstr (en, "Decision:") == g_strrstr (en, "Decision:"));

  fw_idea_set_decision_rationale (idea, "");
  fw_idea_set_decision (idea, FW_DECISION_PARK);
  g_clear_pointer (&en, g_free);
  en = fw_markdown_from_workbook (workbook, "en");
  g_assert_nonnull (strstr (en, "- Decision: park\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fw_i18n_init_with_language ("en");

  g_test_add_func ("/markdown/sample-en", test_sample_en);
  g_test_add_func ("/markdown/sample-ja", test_sample_ja);
  g_test_add_func ("/markdown/escaping", test_escaping);
  g_test_add_func ("/markdown/team-decision", test_team_decision);
  return g_test_run ();
}
