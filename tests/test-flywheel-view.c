/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "fw-flywheel-view.h"
#include "fw-i18n.h"
#include "fw-test-team.h"
#include "fw-test-util.h"

static void
stage_activated_cb (FwFlywheelView *view,
                    int             stage,
                    int            *out)
{
  *out = stage;
}

static void
test_view (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwIdea *idea = fw_workbook_get_idea (workbook, 0);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = fw_flywheel_view_new ();
  g_autoptr(FwAssessment) assessment = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  cairo_rectangle_t rect;
  FwFlywheelLayout *layout;
  int activated = -1;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (view));

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  fw_flywheel_view_set_idea (FW_FLYWHEEL_VIEW (view), idea);
  g_assert_true (fw_flywheel_view_get_idea (FW_FLYWHEEL_VIEW (view)) == idea);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (view) == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The description is the rules' one-line summary, and follows edits. */
  assessment = fw_assessment_new (idea);
  before = fw_assessment_describe (assessment);
  g_assert_cmpstr (fw_flywheel_diagram_get_input (
                     fw_flywheel_view_get_diagram (FW_FLYWHEEL_VIEW (view)))->description,
                   ==, before);
  fw_idea_set_answer (idea, FW_QUESTION_USERS_WOULD_MISS, FW_ANSWER_NO);
  g_clear_pointer (&assessment, fw_assessment_unref);
  assessment = fw_assessment_new (idea);
  after = fw_assessment_describe (assessment);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpstr (fw_flywheel_diagram_get_input (
                     fw_flywheel_view_get_diagram (FW_FLYWHEEL_VIEW (view)))->description,
                   ==, after);

  /* A member's assessment brings the team's spread and its sentence. */
  g_assert_false (fw_flywheel_diagram_get_input (
                    fw_flywheel_view_get_diagram (FW_FLYWHEEL_VIEW (view)))->has_spread);
  fw_test_member_assess (workbook, idea, "Aiko", FW_ROLE_ENGINEER, "bhhh");
  fw_test_member_assess (workbook, idea, "Ben", FW_ROLE_ENGINEER, "hhhh");
  {
    const FwFlywheelInput *input = fw_flywheel_diagram_get_input (
      fw_flywheel_view_get_diagram (FW_FLYWHEEL_VIEW (view)));

    g_assert_true (input->has_spread);
    g_assert_true (input->split[FW_STAGE_CUSTOMER_EXPERIENCE]);
    g_assert_true (g_str_has_prefix (input->description, after));
    g_assert_nonnull (strstr (input->description, "2 members assessed this idea."));
  }

  /* Hit-testing goes through the same layout that is drawn. */
  layout = fw_flywheel_diagram_get_layout (fw_flywheel_view_get_diagram (FW_FLYWHEEL_VIEW (view)),
                                           gtk_widget_get_width (view),
                                           gtk_widget_get_height (view));
  g_assert_nonnull (layout);
  g_assert_true (fw_flywheel_layout_get_label_rect (layout, FW_STAGE_DATA, &rect));
  g_assert_cmpint (fw_flywheel_view_stage_at (FW_FLYWHEEL_VIEW (view),
                                              rect.x + rect.width / 2, rect.y + rect.height / 2),
                   ==, FW_STAGE_DATA);
  g_assert_cmpint (fw_flywheel_view_stage_at (FW_FLYWHEEL_VIEW (view), 1, 1), ==, -1);

  /* Enter on the focused stage asks to go to it; arrows move between stages. */
  g_signal_connect (view, "stage-activated", G_CALLBACK (stage_activated_cb), &activated);
  gtk_widget_grab_focus (view);
  g_signal_emit_by_name (view, "stage-activated", FW_STAGE_MODEL);
  g_assert_cmpint (activated, ==, FW_STAGE_MODEL);

  /* Dark mode and a case both work without warnings (fatal in tests). */
  fw_flywheel_view_set_dark (FW_FLYWHEEL_VIEW (view), TRUE);
  fw_flywheel_view_set_case (FW_FLYWHEEL_VIEW (view), fw_workbook_get_case (workbook, 0));
  g_assert_null (fw_flywheel_view_get_idea (FW_FLYWHEEL_VIEW (view)));
  g_assert_true (fw_flywheel_diagram_get_input (
                   fw_flywheel_view_get_diagram (FW_FLYWHEEL_VIEW (view)))->is_case);
  gtk_widget_queue_draw (view);
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* On screen the text is legible however small the panel: the diagram's body
 * size never drops below 13 px, so its 0.85 em labels are at least 11 px. An
 * export of the same size keeps its own, smaller text. */
static void
test_view_legible (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = fw_flywheel_view_new ();
  FwFlywheelDiagram *diagram = fw_flywheel_view_get_diagram (FW_FLYWHEEL_VIEW (view));
  FwDiagramStyle export_style;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 320);
  gtk_window_set_child (GTK_WINDOW (window), view);
  fw_flywheel_view_set_idea (FW_FLYWHEEL_VIEW (view), fw_workbook_get_idea (workbook, 0));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (view) == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpfloat (fw_diagram_style_font_size (fw_flywheel_diagram_get_style (diagram),
                                                 gtk_widget_get_width (view),
                                                 gtk_widget_get_height (view)) * 0.85, >=, 11.0);
  fw_diagram_style_init (&export_style, FW_DIAGRAM_THEME_LIGHT);
  g_assert_cmpfloat (fw_diagram_style_font_size (&export_style, 400, 320), <, 11.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  fw_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flywheel-view/view", test_view);
  g_test_add_func ("/flywheel-view/legible", test_view_legible);

  return g_test_run ();
}
