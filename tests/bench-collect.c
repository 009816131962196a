/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue #17's benchmark: collecting 8 member copies of a 1,000-idea workbook into the
 * team's (goal: under 1 s), from the copies' bytes to the team's bytes; then ordering
 * the collected ideas by disagreement. Prints medians; asserts the result, not the time.
 * meson test -C BUILDDIR --benchmark -v collect */

#include "config.h"

#include "fw-core.h"

#define N_IDEAS   1000
#define N_MEMBERS 8
#define RUNS      5

static GBytes *
make_team (void)
{
  g_autoptr(FwWorkbook) team = fw_workbook_new ();

  fw_workbook_set_title (team, "Team");
  fw_workbook_set_text (team, FW_WORKBOOK_CREATED, "2026-11-30T08:00:00Z");
  for (guint i = 0; i < N_IDEAS; i++)
    {
      g_autoptr(FwIdea) idea = fw_idea_new ();
      g_autofree char *title = g_strdup_printf ("Idea %u", i);

      fw_idea_set_title (idea, title);
      fw_idea_set_task (idea, FW_TASK_RANKING);
      fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
      for (guint s = 0; s < FW_N_STAGES; s++)
        fw_idea_set_why (idea, s, "because the loop turns");
      fw_workbook_append_idea (team, idea);
    }
  return fw_workbook_to_bytes (team);
}

/* Member @m's copy: every idea assessed, each member seeing the evidence a little
 * differently. */
static GBytes *
make_copy (GBytes *team,
           guint   m)
{
  g_autoptr(FwWorkbook) copy = fw_workbook_load_from_data (g_bytes_get_data (team, NULL),
                                                           g_bytes_get_size (team), "team",
                                                           NULL);
  g_autofree char *name = g_strdup_printf ("Member %u", m);
  g_autofree char *made = g_strdup_printf ("2026-12-01T09:%02u:00Z", m);
  g_autoptr(FwMember) member = fw_member_new (name, FW_ROLE_ENGINEER);

  fw_workbook_append_member (copy, member);
  for (guint i = 0; i < N_IDEAS; i++)
    {
      FwIdea *idea = fw_workbook_get_idea (copy, i);
      g_autoptr(FwMemberAssessment) assessment =
        fw_member_assessment_new (fw_member_get_id (member));
      FwIdea *judgement = fw_member_assessment_get_judgement (assessment);

      fw_idea_set_judgement_from (judgement, idea);
      for (guint s = 0; s < FW_N_STAGES; s++)
        fw_idea_set_evidence (judgement, s, (i + m + s) % FW_N_EVIDENCE);
      fw_idea_set_answer (judgement, FW_QUESTION_USERS_WOULD_MISS,
                          (i + m) % 5 == 0 ? FW_ANSWER_NO : FW_ANSWER_YES);
      fw_member_assessment_set_made (assessment, made);
      fw_member_assessment_set_comment (assessment, "a short comment");
      fw_idea_set_assessment (idea, assessment);
    }
  return fw_workbook_to_bytes (copy);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (void)
{
  g_autoptr(GBytes) team_bytes = make_team ();
  GBytes *copies[N_MEMBERS];
  double collect_ms[RUNS], order_ms[RUNS];

  for (guint m = 0; m < N_MEMBERS; m++)
    copies[m] = make_copy (team_bytes, m);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(FwWorkbook) team = NULL;
      g_autoptr(FwCollect) collect = NULL;
      g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) order = NULL;
      g_autoptr(GBytes) out = NULL;
      const char *names[N_MEMBERS];
      gint64 start = g_get_monotonic_time ();

      team = fw_workbook_load_from_data (g_bytes_get_data (team_bytes, NULL),
                                         g_bytes_get_size (team_bytes), "team", NULL);
      for (guint m = 0; m < N_MEMBERS; m++)
        {
          g_ptr_array_add (loaded,
                           fw_workbook_load_from_data (g_bytes_get_data (copies[m], NULL),
                                                       g_bytes_get_size (copies[m]), "copy",
                                                       NULL));
          names[m] = "copy";
        }
      collect = fw_collect (team, (FwWorkbook * const *) loaded->pdata, names, N_MEMBERS, NULL);
      out = fw_workbook_to_bytes (team);
      collect_ms[r] = (double) (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (collect);
      g_assert_cmpuint (fw_idea_get_n_assessments (fw_workbook_get_idea (team, N_IDEAS - 1)),
                        ==, N_MEMBERS);

      start = g_get_monotonic_time ();
      order = fw_team_order_by_disagreement (team);
      order_ms[r] = (double) (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (order->len, ==, N_IDEAS);
    }
  qsort (collect_ms, RUNS, sizeof (double), compare_doubles);
  qsort (order_ms, RUNS, sizeof (double), compare_doubles);
  g_print ("collect %u copies of %u ideas (load, collect, write): median %.1f ms (goal 1000)\n",
           N_MEMBERS, N_IDEAS, collect_ms[RUNS / 2]);
  g_print ("order %u ideas of %u assessments each by disagreement: median %.1f ms\n",
           N_IDEAS, N_MEMBERS, order_ms[RUNS / 2]);

  for (guint m = 0; m < N_MEMBERS; m++)
    g_bytes_unref (copies[m]);
  return 0;
}
