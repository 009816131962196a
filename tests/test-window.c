/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fw-application.h"
#include "fw-core.h"
#include "fw-triage-page.h"
#include "fw-window.h"
#include "fw-test-ui.h"

/* Opening a workbook lists its ideas and shows the first one with its verdict. */
static void
test_window_shows_sample (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  FwIdea *shown;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();

  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), >=, 4);
  shown = fw_window_get_selected_idea (window);
  g_assert_nonnull (shown);
  g_assert_true (shown == fw_workbook_get_idea (workbook, 0));
  g_assert_false (fw_window_get_modified (window));

  g_assert_true (fw_window_select_idea (window, 1));
  fw_test_spin ();
  g_assert_true (fw_window_get_selected_idea (window) == fw_workbook_get_idea (workbook, 1));
  g_assert_false (fw_window_select_idea (window, 10000));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An empty workbook shows the status page instead of an idea. */
static void
test_window_empty_workbook (void)
{
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_null (fw_window_get_selected_idea (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The diagram's accessible description is the rules' one-line summary of the
 * idea, kept current, and says what @expected says. */
static void
assert_diagram_describes (FwWindow   *window,
                          FwIdea     *idea,
                          const char *expected)
{
  g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);
  g_autofree char *description = fw_assessment_describe (assessment);
  g_autofree char *folded = g_utf8_casefold (description, -1);
  g_autofree char *expected_folded = g_utf8_casefold (expected, -1);
  GtkAccessible *view = GTK_ACCESSIBLE (fw_window_get_flywheel_view (window));
  char *mismatch;

  g_assert_nonnull (strstr (folded, expected_folded));
  mismatch = gtk_test_accessible_check_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 description);
  g_assert_null (mismatch);
}

/* Ticking "100% accuracy required" on the winning idea turns the verdict to a
 * losing pattern (no human fallback); unticking restores it. */
static void
test_window_tick_full_accuracy (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  g_autofree char *before = NULL;
  FwIdea *idea;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  idea = fw_window_get_selected_idea (window);
  before = g_strdup (fw_window_get_verdict_text (window));
  g_assert_cmpstr (before, ==, fw_verdict_label (FW_VERDICT_WINNING));

  assert_diagram_describes (window, idea, "Customer experience is strong");

  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, TRUE);
  fw_test_spin ();
  g_assert_cmpstr (fw_window_get_verdict_text (window), ==, fw_verdict_label (FW_VERDICT_LOSING));
  g_assert_true (fw_window_get_modified (window));
  assert_diagram_describes (window, idea, "customer experience breaks");

  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, FALSE);
  fw_test_spin ();
  g_assert_cmpstr (fw_window_get_verdict_text (window), ==, before);
  assert_diagram_describes (window, idea, "Customer experience is strong");

  /* Throw the change away so destroying the window does not ask. */
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Save As, then reopen: the same workbook, and the window is no longer modified. */
static void
test_window_save_and_reopen (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("ja");
  g_autoptr(FwWorkbook) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flywheel-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  fw_idea_set_title (fw_window_get_selected_idea (window), "変更したタイトル ✈");
  g_assert_true (fw_window_get_modified (window));

  g_assert_true (fw_window_save_to (window, file));
  g_assert_false (fw_window_get_modified (window));
  g_assert_true (fw_window_get_file (window) == file);

  reopened = fw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fw_workbook_equal (workbook, reopened));
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (reopened, 0)), ==,
                   "変更したタイトル ✈");

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (path);
  g_rmdir (dir);
}

static AdwMessageDialog *
find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Closing a modified window asks Save / Discard / Cancel; Discard closes it. */
static void
test_window_close_with_changes (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();

  /* Unmodified: closes at once. */
  g_assert_null (find_dialog_for (GTK_WINDOW (window)));

  fw_idea_set_why (fw_window_get_selected_idea (window), FW_STAGE_DATA, "More bookings");
  gtk_window_close (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_nonnull (window);
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));

  adw_message_dialog_response (dialog, "cancel");
  fw_test_spin ();
  g_assert_nonnull (window);

  gtk_window_close (GTK_WINDOW (window));
  fw_test_spin ();
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  fw_test_spin ();
  g_assert_null (window);
}

/* The window must stay usable on a phone-sized screen. */
static void
test_window_minimum_width (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  int min_width = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  /* And it folds: the diagram under the form, not squeezed beside it. */
  {
    GtkWidget *paned = fw_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_PANED);
    gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    g_assert_nonnull (paned);
    while (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)) != GTK_ORIENTATION_VERTICAL &&
           g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                     GTK_ORIENTATION_VERTICAL);
  }
  /* Folded, the sidebar is a page of its own: the whole width, not a 320 px column
   * between two bands (its clamp keeps it narrow only beside the content). */
  {
    GtkWidget *leaflet = fw_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
    GtkWidget *clamp = NULL;
    GtkWidget *sidebar;
    gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

    for (GtkWidget *child = gtk_widget_get_first_child (leaflet); child;
         child = gtk_widget_get_next_sibling (child))
      if (ADW_IS_CLAMP (child))
        clamp = child;
    g_assert_nonnull (clamp);
    sidebar = adw_clamp_get_child (ADW_CLAMP (clamp));
    g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
    g_assert_true (adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK));
    while ((!gtk_widget_get_mapped (sidebar) ||
            gtk_widget_get_width (sidebar) != gtk_widget_get_width (leaflet)) &&
           g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (gtk_widget_get_mapped (sidebar));
    g_assert_cmpint (gtk_widget_get_width (sidebar), ==, gtk_widget_get_width (leaflet));
    g_assert_true (adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_FORWARD));
    fw_test_spin ();
  }
  for (FwStep step = 0; step < FW_N_STEPS; step++)
    {
      fw_idea_editor_set_step (fw_window_get_editor (window), step);
      fw_test_spin ();
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, NULL, NULL, NULL);
      g_assert_cmpint (min_width, <=, 360);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs the main loop for a second: the window's first frames, the page's switch of
 * layout (an idle) and the divider's placing all happen in it. */
/* Spins until @widget has been given a width (up to 30 s: under ASan the first
 * frame of a window comes seconds late), then two seconds more for the idles and
 * frames that move the divider. */
static void
wait_for_layout (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) == 0 && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* #14: at the window's own default size the diagram is legible, its stage names
 * whole; and the divider stops where a side would be cut, however far it is dragged. */
static void
test_window_default_split (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  GtkWidget *view = fw_window_get_flywheel_view (window);
  GtkWidget *paned, *editor, *side;
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 780);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_layout (view);
  paned = fw_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_PANED);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  /* 13 px body text, labels 11 px: the stages' names are whole from 424 px (English),
   * the notes' headings and the legend's one line from 468 (36 em). Half the split
   * gave it 408. */
  g_assert_cmpint (gtk_widget_get_width (view), >=, 468);
  editor = GTK_WIDGET (fw_window_get_editor (window));
  g_assert_cmpint (gtk_widget_get_width (editor), >=, 360);

  /* Dragged far to the left: the form keeps the width it needs, not cut on the right. */
  width = gtk_widget_get_width (paned);
  side = gtk_widget_get_parent (view);
  gtk_paned_set_position (GTK_PANED (paned), 100);
  wait_for_layout (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (editor), >=, minimum_width (editor));
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (paned)), >=, minimum_width (editor));
  /* And far to the right: the verdict's side keeps its own. */
  gtk_paned_set_position (GTK_PANED (paned), width - 20);
  wait_for_layout (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (gtk_paned_get_end_child (GTK_PANED (paned))), >=,
                   minimum_width (side));
  g_assert_cmpint (gtk_widget_get_width (view), >=, minimum_width (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 GType       type,
                 const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, type, title);

      if (found)
        return found;
    }
  return NULL;
}

/* The editor's rows show the idea's values and write back what the user picks,
 * including a lose condition's follow-up question that shows only when ticked. */
static void
test_window_editor_binds_answers (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  FwIdea *idea;
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  idea = fw_window_get_selected_idea (window);
  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, TRUE);
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_FALLBACK, FW_ANSWER_NO);
  fw_idea_editor_set_step (fw_window_get_editor (window), FW_STEP_CONDITIONS);
  fw_test_spin ();

  row = find_row_titled (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                         fw_question_label (FW_QUESTION_HUMAN_FALLBACK));
  g_assert_nonnull (row);
  {
    GtkDropDown *choice = GTK_DROP_DOWN (fw_test_find_by_type (row, GTK_TYPE_DROP_DOWN));
    int min_width, value_width, title_width;

    g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, FW_ANSWER_NO);
    gtk_drop_down_set_selected (choice, FW_ANSWER_YES);
    g_assert_cmpint (fw_idea_get_answer (idea, FW_QUESTION_HUMAN_FALLBACK), ==, FW_ANSWER_YES);
    /* The answer shows whole: the drop-down gets at least the width it asks for. */
    gtk_drop_down_set_selected (choice, FW_ANSWER_UNANSWERED);
    gtk_widget_measure (GTK_WIDGET (choice), GTK_ORIENTATION_HORIZONTAL, -1, &min_width,
                        &value_width, NULL, NULL);
    /* Never shortened: the least it takes is all it asks for. */
    g_assert_cmpint (min_width, ==, value_width);
    /* Laid out again on the next frames. */
    {
      gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      while (gtk_widget_get_width (GTK_WIDGET (choice)) < value_width &&
             g_get_monotonic_time () < end)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (5000);
        }
    }
    title_width = gtk_widget_get_width (GTK_WIDGET (choice));
    g_assert_cmpint (title_width, >=, value_width);
  }

  /* Unticked: the follow-up question goes away. */
  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, FALSE);
  fw_test_spin ();
  g_assert_false (gtk_widget_get_visible (row));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_widget_of_name (GtkWidget  *widget,
                     const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_name (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* A story promoted in the Spot Ideas section becomes an idea while the page stays
 * on the list; its Open button shows it at the Flywheel step, its suggested task
 * chosen. */
static void
test_window_triage_promote (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  g_autoptr(GError) error = NULL;
  guint n_ideas = fw_workbook_get_n_ideas (workbook);
  GtkWidget *page, *open;
  FwIdea *idea, *before;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "triage");
  fw_test_spin ();
  page = fw_test_find_by_type (GTK_WIDGET (window), FW_TYPE_TRIAGE_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpuint (fw_triage_page_read_text (FW_TRIAGE_PAGE (page),
                                              "As a guest, I want hotels recommended for me "
                                              "so that I book faster\n",
                                              FW_TRIAGE_INPUT_TEXT, &error), ==, 1);
  g_assert_no_error (error);
  before = fw_window_get_selected_idea (window);
  fw_triage_page_select (FW_TRIAGE_PAGE (page), 0);
  gtk_widget_activate_action (page, "triage.promote", NULL);
  fw_test_spin ();

  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, n_ideas + 1);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (fw_window_get_selected_idea (window) == before);

  open = find_widget_of_name (page, "open-idea");
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_get_visible (open));
  g_signal_emit_by_name (open, "clicked");
  fw_test_spin ();
  g_assert_false (gtk_widget_get_mapped (page));
  idea = fw_window_get_selected_idea (window);
  g_assert_true (idea == fw_workbook_get_idea (workbook, n_ideas));
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_RECOMMENDATION);
  g_assert_cmpint (fw_idea_editor_get_step (fw_window_get_editor (window)), ==, FW_STEP_FLYWHEEL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The search finds ideas by any of their texts, whatever the case, follows
 * edits, and clearing it lists every idea again. */
static void
test_window_search (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("ja");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  guint n = fw_workbook_get_n_ideas (workbook);

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  fw_window_search (window, "パスポート");
  g_assert_cmpuint (fw_window_get_n_listed_ideas (window), ==, 1);
  fw_window_search (window, "TABIJI");
  g_assert_cmpuint (fw_window_get_n_listed_ideas (window), >=, 1);
  fw_window_search (window, "zzz-no-such-text");
  g_assert_cmpuint (fw_window_get_n_listed_ideas (window), ==, 0);

  /* An edit is found at once: the cached text is dropped. */
  fw_idea_set_why (fw_workbook_get_idea (workbook, 0), FW_STAGE_DATA, "zzz-no-such-text");
  fw_window_search (window, "ZZZ-NO-SUCH");
  g_assert_cmpuint (fw_window_get_n_listed_ideas (window), ==, 1);

  fw_window_search (window, "");
  g_assert_cmpuint (fw_window_get_n_listed_ideas (window), ==, n);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean spin_until_dialog (GtkWindow *parent, int timeout_ms);

/* Opening a file shows the window at once and reads the file on a worker
 * thread; a bad file leaves the window empty, without the file, and says why. */
static void
test_window_load (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "sample-en.flywheel", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "bad", "version-2.json", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwWorkbook) empty = fw_workbook_new ();
  FwWindow *window = fw_window_new (NULL, NULL, workbook, good_file);

  gtk_window_present (GTK_WINDOW (window));
  fw_window_load (window);
  for (int i = 0; i < 500 && fw_workbook_get_n_ideas (workbook) == 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 5);
  g_assert_false (fw_window_get_modified (window));
  g_assert_nonnull (fw_window_get_selected_idea (window));
  gtk_window_destroy (GTK_WINDOW (window));

  window = fw_window_new (NULL, NULL, empty, bad_file);
  gtk_window_present (GTK_WINDOW (window));
  fw_window_load (window);
  g_assert_true (spin_until_dialog (GTK_WINDOW (window), 5000));
  g_assert_null (fw_window_get_file (window));
  g_assert_cmpuint (fw_workbook_get_n_ideas (empty), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Step completeness follows the fields. */
static void
test_window_step_completeness (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();

  g_assert_false (fw_idea_step_is_complete (idea, FW_STEP_STORY));
  fw_idea_set_title (idea, "Title");
  fw_idea_set_text (idea, FW_IDEA_I_WANT, "  ");
  g_assert_false (fw_idea_step_is_complete (idea, FW_STEP_STORY));
  fw_idea_set_text (idea, FW_IDEA_I_WANT, "faster check-in");
  g_assert_true (fw_idea_step_is_complete (idea, FW_STEP_STORY));

  g_assert_false (fw_idea_step_is_complete (idea, FW_STEP_PRIORITY));
  for (FwPriority p = 0; p < FW_N_PRIORITIES; p++)
    fw_idea_set_priority (idea, p, FW_LEVEL_MEDIUM);
  g_assert_true (fw_idea_step_is_complete (idea, FW_STEP_PRIORITY));

  for (FwQuestion q = 0; q < FW_N_QUESTIONS; q++)
    fw_idea_set_answer (idea, q, FW_ANSWER_YES);
  g_assert_true (fw_idea_step_is_complete (idea, FW_STEP_CONDITIONS));
  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, TRUE);
  fw_idea_set_answer (idea, FW_QUESTION_HUMAN_FALLBACK, FW_ANSWER_UNANSWERED);
  g_assert_false (fw_idea_step_is_complete (idea, FW_STEP_CONDITIONS));
}

static gboolean
spin_until_dialog (GtkWindow *parent,
                   int        timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      if (find_dialog_for (parent))
        return TRUE;
      g_usleep (10000);
    }
  return FALSE;
}

/* A change is written to a draft; a window that goes away without saving (as
 * in a crash) leaves the draft, and the draft holds every change. Saving
 * removes it. */
static void
test_window_drafts (void)
{
  g_autofree char *drafts = fw_test_make_temp_dir ();
  g_autofree char *files = fw_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (files, "plan.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) recovered = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_id = NULL;
  FwWindow *window;

  g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
  g_assert_true (fw_workbook_save (workbook, file, NULL, &error));
  window = fw_window_new (NULL, NULL, workbook, file);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();

  fw_idea_set_why (fw_workbook_get_idea (workbook, 2), FW_STAGE_TRAFFIC, "下書きに残る変更");
  fw_idea_set_condition (fw_workbook_get_idea (workbook, 0), FW_CONDITION_FULL_ACCURACY, TRUE);
  /* On disk within two seconds without any help (the files are written on the
   * drafts thread). */
  {
    gint64 start = g_get_monotonic_time ();

    while (g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
      {
        g_autoptr(GPtrArray) written = fw_drafts_list ();

        if (written->len > 0)
          break;
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
  }
  g_assert_nonnull (fw_document_get_draft_id (fw_window_get_document (window)));
  draft_id = g_strdup (fw_document_get_draft_id (fw_window_get_document (window)));

  /* The "crash": the window is gone, nothing was saved or discarded. */
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
  fw_drafts_wait ();

  list = fw_drafts_list ();
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((FwDraftInfo *) g_ptr_array_index (list, 0))->id, ==, draft_id);
  recovered = fw_draft_load (draft_id, &original, &error);
  g_assert_no_error (error);
  g_assert_true (fw_workbook_equal (recovered, workbook));
  g_assert_true (g_file_equal (original, file));

  /* Recovered into a window, then saved: the draft goes away. */
  window = fw_window_new (NULL, NULL, NULL, original);
  fw_window_recover (window, recovered, draft_id);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_true (fw_window_get_modified (window));
  g_assert_true (fw_window_save_to (window, original));
  fw_drafts_wait ();
  g_clear_pointer (&list, g_ptr_array_unref);
  list = fw_drafts_list ();
  g_assert_cmpuint (list->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));

  g_unsetenv ("FLYWHEEL_DRAFTS_DIR");
  fw_test_remove_tree (drafts);
  fw_test_remove_tree (files);
}

static void
draft_written_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_draft_write_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static guint
count_windows_for (GtkApplication *app,
                   GFile          *file,
                   FwWindow      **found)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (FW_IS_WINDOW (l->data) && fw_window_get_file (l->data) &&
        g_file_equal (fw_window_get_file (l->data), file))
      {
        n++;
        *found = l->data;
      }
  return n;
}

static AdwMessageDialog *
find_any_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The crash of the issue: plan.flywheel open, an idea added, the app killed,
 * then started again on the same file and Recover chosen. One window shows
 * the file, with the recovered idea; saving it asks nothing and writes the
 * recovered version; opening the file again raises that window. */
static void
test_window_recover_one_window (void)
{
  g_autofree char *drafts = fw_test_make_temp_dir ();
  g_autofree char *files = fw_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (files, "plan.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) edited = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) saved = NULL;
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GPtrArray) left = NULL;
  AdwMessageDialog *dialog = NULL;
  FwWindow *window = NULL;
  gboolean done = FALSE;
  gint64 end;

  g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
  g_assert_true (fw_workbook_save (workbook, file, NULL, &error));
  fw_idea_set_title (idea, "Recovered idea");
  fw_workbook_append_idea (edited, idea);
  fw_draft_write_async ("0f6f2b8e-5b7e-4c43-9d55-2d3e1c3c0a11", edited, file,
                        draft_written_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  fw_drafts_wait ();

  app = g_object_new (FW_TYPE_APPLICATION,
                      "application-id", "io.github.flywheelpm.Flywheel.Test",
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  g_application_open (app, &file, 1, "");

  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((dialog = find_any_dialog ()) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (dialog);
  /* Enter recovers: the default answer never throws work away. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "recover");
  adw_message_dialog_response (dialog, "recover");
  gtk_window_destroy (GTK_WINDOW (dialog));

  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  do
    g_main_context_iteration (NULL, FALSE);
  while ((count_windows_for (GTK_APPLICATION (app), file, &window) != 1 ||
          fw_document_get_busy (fw_window_get_document (window))) && g_get_monotonic_time () < end);
  fw_test_spin ();
  g_assert_cmpuint (count_windows_for (GTK_APPLICATION (app), file, &window), ==, 1);
  g_assert_false (fw_document_get_busy (fw_window_get_document (window)));
  g_assert_true (fw_workbook_equal (fw_window_get_workbook (window), edited));
  g_assert_true (fw_window_get_modified (window));
  g_assert_cmpstr (fw_document_get_draft_id (fw_window_get_document (window)), ==, "0f6f2b8e-5b7e-4c43-9d55-2d3e1c3c0a11");

  /* Opening the same file again raises the window, it does not add one. */
  g_application_open (app, &file, 1, "");
  fw_test_spin ();
  g_assert_cmpuint (count_windows_for (GTK_APPLICATION (app), file, &window), ==, 1);
  g_assert_true (fw_workbook_equal (fw_window_get_workbook (window), edited));

  /* Saved without a question, the recovered idea is in the file, the draft gone. */
  g_assert_true (fw_window_save_to (window, file));
  fw_test_spin ();
  g_assert_null (find_any_dialog ());
  saved = fw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  /* Equal but for the modification time the save stamped. */
  g_assert_cmpuint (fw_workbook_get_n_ideas (saved), ==, fw_workbook_get_n_ideas (edited));
  g_assert_true (fw_idea_equal (fw_workbook_get_idea (saved, fw_workbook_get_n_ideas (saved) - 1),
                                idea));
  fw_drafts_wait ();
  left = fw_drafts_list ();
  g_assert_cmpuint (left->len, ==, 0);

  for (GList *l = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app))), *k = l;
       k || (g_list_free (l), FALSE); k = k->next)
    gtk_window_destroy (k->data);
  fw_test_spin ();
  g_unsetenv ("FLYWHEEL_DRAFTS_DIR");
  fw_test_remove_tree (drafts);
  fw_test_remove_tree (files);
}

/* Started with no file, the app shows the sample and asks about the draft
 * over it; Recover opens the draft's file in a window of its own and the
 * sample, the dialog's parent, gives way without harm. */
static void
test_window_recover_from_sample (void)
{
  g_autofree char *drafts = fw_test_make_temp_dir ();
  g_autofree char *files = fw_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (files, "plan.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(GError) error = NULL;
  g_autoptr(GApplication) app = NULL;
  AdwMessageDialog *dialog = NULL;
  FwWindow *window = NULL;
  gboolean done = FALSE;
  gint64 end;

  g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
  g_assert_true (fw_workbook_save (workbook, file, NULL, &error));
  fw_workbook_set_title (workbook, "recovered over the sample");
  fw_draft_write_async ("5a0c2f3e-7d1b-4f0e-9a6b-1c2d3e4f5a6b", workbook, file,
                        draft_written_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  fw_drafts_wait ();

  app = g_object_new (FW_TYPE_APPLICATION,
                      "application-id", "io.github.flywheelpm.Flywheel.Test2",
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_assert_true (g_application_register (app, NULL, &error));
  g_application_activate (app);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((dialog = find_any_dialog ()) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (dialog);
  g_assert_true (fw_window_get_is_sample (FW_WINDOW (gtk_window_get_transient_for (
                                                       GTK_WINDOW (dialog)))));
  adw_message_dialog_response (dialog, "recover");
  gtk_window_destroy (GTK_WINDOW (dialog));

  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  do
    g_main_context_iteration (NULL, FALSE);
  while ((count_windows_for (GTK_APPLICATION (app), file, &window) != 1 ||
          fw_document_get_busy (fw_window_get_document (window)) ||
          g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) != 1) &&
         g_get_monotonic_time () < end);
  fw_test_spin ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpstr (fw_workbook_get_title (fw_window_get_workbook (window)), ==,
                   "recovered over the sample");
  g_assert_true (fw_window_get_modified (window));

  fw_document_discard_draft (fw_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
  fw_drafts_wait ();
  g_unsetenv ("FLYWHEEL_DRAFTS_DIR");
  fw_test_remove_tree (drafts);
  fw_test_remove_tree (files);
}

/* Undo after opening a file works on the idea shown first, and a deleted
 * idea's steps are skipped, never applied to it or taken from another. */
static void
test_window_undo_after_load_and_delete (void)
{
  g_autofree char *files = fw_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (files, "plan.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FwWorkbook) sample = fw_test_load_sample ("en");
  g_autoptr(GError) error = NULL;
  g_autofree char *first_title = NULL;
  g_autofree char *second_why = NULL;
  FwWorkbook *workbook;
  FwWindow *window;
  FwIdea *first, *second;

  g_assert_true (fw_workbook_save (sample, file, NULL, &error));
  window = fw_window_new (NULL, NULL, NULL, file);
  gtk_window_present (GTK_WINDOW (window));
  fw_window_load (window);
  while (fw_document_get_busy (fw_window_get_document (window)))
    g_main_context_iteration (NULL, TRUE);
  fw_test_spin ();
  workbook = fw_window_get_workbook (window);
  first = fw_window_get_selected_idea (window);
  g_assert_true (first == fw_workbook_get_idea (workbook, 0));
  first_title = g_strdup (fw_idea_get_title (first));

  fw_idea_set_title (first, "edited after opening");
  g_usleep (50 * 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (fw_idea_get_title (first), ==, first_title);

  /* Edit A, edit B, delete B, undo: A's edit is undone, B stays as deleted. */
  fw_idea_set_title (first, "A edited");
  g_usleep (50 * 1000);
  g_assert_true (fw_window_select_idea (window, 1));
  fw_test_spin ();
  second = fw_window_get_selected_idea (window);
  second_why = g_strdup (fw_idea_get_why (second, FW_STAGE_DATA));
  fw_idea_set_why (second, FW_STAGE_DATA, "B edited");
  g_usleep (50 * 1000);
  g_object_ref (second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-idea", NULL));
  fw_test_spin ();
  g_assert_null (fw_workbook_find_idea (workbook, fw_idea_get_id (second), NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  fw_test_spin ();
  g_assert_cmpstr (fw_idea_get_title (first), ==, first_title);
  g_assert_cmpstr (fw_idea_get_why (second, FW_STAGE_DATA), ==, "B edited");
  g_object_unref (second);

  fw_document_discard_draft (fw_window_get_document (window));
  fw_document_set_modified (fw_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
  fw_test_remove_tree (files);
}

/* A window that has read its file takes a recovered draft at once. */
static void
test_window_recover_loaded (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) recovered = fw_test_load_sample ("en");
  FwWindow *window;

  fw_idea_set_why (fw_workbook_get_idea (recovered, 0), FW_STAGE_DATA, "recovered why");
  window = fw_window_new (NULL, NULL, workbook, NULL);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_false (fw_window_get_modified (window));
  fw_window_recover (window, recovered, NULL);
  fw_test_spin ();
  g_assert_true (fw_window_get_modified (window));
  g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (fw_window_get_workbook (window), 0),
                                    FW_STAGE_DATA), ==, "recovered why");
  fw_document_discard_draft (fw_window_get_document (window));
  /* Discarded from the close question so the test leaves nothing behind. */
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every edit of an idea is undone and redone from the window (Ctrl+Z and
 * Ctrl+Shift+Z), choices included, and an undo shows the idea it changed. */
static void
test_window_undo_choices (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwIdea *first = fw_workbook_get_idea (workbook, 0);
  FwIdea *second = fw_workbook_get_idea (workbook, 1);
  FwTask task = fw_idea_get_task (first);
  FwEvidence evidence = fw_idea_get_evidence (first, FW_STAGE_TRAFFIC);
  gboolean ticked = fw_idea_get_condition (second, FW_CONDITION_FULL_ACCURACY);
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_true (fw_window_select_idea (window, 0));
  fw_test_spin ();
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL) &&
                  fw_idea_get_task (first) != task);

  fw_idea_set_task (first, task == FW_TASK_RANKING ? FW_TASK_REGRESSION : FW_TASK_RANKING);
  g_usleep (50 * 1000);
  fw_idea_set_evidence (first, FW_STAGE_TRAFFIC, FW_EVIDENCE_TEST_RESULTS);
  g_usleep (50 * 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (fw_idea_get_evidence (first, FW_STAGE_TRAFFIC), ==, evidence);
  g_assert_cmpint (fw_idea_get_task (first), !=, task);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (fw_idea_get_task (first), ==, task);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpint (fw_idea_get_task (first), !=, task);

  /* An edit of the second idea, undone while the first is shown: the
   * window goes to the second. */
  g_assert_true (fw_window_select_idea (window, 1));
  fw_test_spin ();
  fw_idea_set_condition (second, FW_CONDITION_FULL_ACCURACY, !ticked);
  g_assert_true (fw_window_select_idea (window, 0));
  fw_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  fw_test_spin ();
  g_assert_true (fw_window_get_selected_idea (window) == second);
  g_assert_cmpint (fw_idea_get_condition (second, FW_CONDITION_FULL_ACCURACY), ==, ticked);

  fw_document_discard_draft (fw_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new idea (Ctrl+I) opens with the focus in its title; Next opens the next
 * step with the focus on its first field, not on Next. */
static void
test_window_step_focus (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  FwIdeaEditor *editor = fw_window_get_editor (window);
  GtkWidget *focus;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-idea", NULL));
  fw_test_spin ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW))),
                   ==, "Title");

  fw_idea_editor_open_step (editor, FW_STEP_TASK);
  fw_test_spin ();
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_TASK);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (editor)));
  g_assert_false (GTK_IS_BUTTON (focus) &&
                  g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "_Next") == 0);

  fw_document_discard_draft (fw_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Next Step and Back Step are enabled only where they can act: a button bound
 * to each (as a menu item or shortcut is) is greyed at the last and first step. */
static void
test_window_step_actions (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);
  FwIdeaEditor *editor = fw_window_get_editor (window);
  GtkWidget *next = gtk_button_new ();
  GtkWidget *back = gtk_button_new ();
  GtkWidget *box;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "win.next-step");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.previous-step");
  box = gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_BOX);
  g_assert_nonnull (box);
  gtk_box_append (GTK_BOX (box), next);
  gtk_box_append (GTK_BOX (box), back);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (fw_window_select_idea (window, 0));
  fw_test_spin ();

  fw_idea_editor_open_step (editor, FW_STEP_STORY);
  fw_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (next));
  g_assert_false (gtk_widget_get_sensitive (back));

  fw_idea_editor_open_step (editor, FW_STEP_TASK);
  fw_test_spin ();
  g_assert_true (gtk_widget_get_sensitive (next));
  g_assert_true (gtk_widget_get_sensitive (back));

  g_signal_emit_by_name (next, "clicked");
  fw_test_spin ();
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_TASK + 1);

  fw_idea_editor_open_step (editor, FW_N_STEPS - 1);
  fw_test_spin ();
  g_assert_false (gtk_widget_get_sensitive (next));
  g_assert_true (gtk_widget_get_sensitive (back));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another program changes the open file: the window offers Reload / Keep Mine,
 * and Reload brings the new contents in. */
static void
test_window_external_change (void)
{
  g_autofree char *drafts = fw_test_make_temp_dir ();
  g_autofree char *files = fw_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (files, "plan.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwWorkbook) other = fw_test_load_sample ("ja");
  FwWorkbook *opened;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  FwWindow *window;

  g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
  g_assert_true (fw_workbook_save (workbook, file, NULL, &error));
  window = fw_window_new (NULL, NULL, NULL, file);
  opened = fw_window_get_workbook (window);
  gtk_window_present (GTK_WINDOW (window));
  fw_window_load (window);
  while (fw_document_get_busy (fw_window_get_document (window)))
    g_main_context_iteration (NULL, TRUE);
  fw_test_spin ();

  /* Mtime-based etags need the clock to move on. */
  g_usleep (1100000);
  g_assert_true (fw_workbook_save (other, file, NULL, &error));
  g_assert_true (spin_until_dialog (GTK_WINDOW (window), 5000));
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  adw_message_dialog_response (dialog, "reload");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fw_test_spin ();
  g_assert_true (fw_workbook_equal (opened, other));
  g_assert_false (fw_window_get_modified (window));

  /* Changed again behind our back, then saved from the window: asks first. */
  g_usleep (1100000);
  g_assert_true (fw_workbook_save (workbook, file, NULL, &error));
  /* Answer the Reload question with Keep Mine if it comes first. */
  g_assert_true (spin_until_dialog (GTK_WINDOW (window), 5000));
  dialog = find_dialog_for (GTK_WINDOW (window));
  /* Not modified: Enter may reload, nothing of the window's is lost. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "reload");
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fw_test_spin ();
  g_assert_true (fw_window_get_modified (window));

  /* Keep Mine, then Save: saving over the other program's version asks
   * (Save Anyway) instead of replacing it silently, and the file stays theirs. */
  g_assert_false (fw_window_save_to (window, file));
  g_assert_true (spin_until_dialog (GTK_WINDOW (window), 5000));
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fw_test_spin ();
  {
    g_autoptr(FwWorkbook) on_disk = fw_workbook_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (fw_workbook_equal (on_disk, workbook));
  }

  /* With unsaved changes, the default answer to a change on disk keeps them. */
  fw_idea_set_title (fw_workbook_get_idea (opened, 0), "unsaved title");
  g_usleep (1100000);
  g_assert_true (fw_workbook_save (other, file, NULL, &error));
  g_assert_true (spin_until_dialog (GTK_WINDOW (window), 5000));
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fw_test_spin ();
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (opened, 0)), ==, "unsaved title");
  fw_document_discard_draft (fw_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));

  g_unsetenv ("FLYWHEEL_DRAFTS_DIR");
  fw_test_remove_tree (drafts);
  fw_test_remove_tree (files);
}

/* Saving into a folder that does not exist fails with a message; the edits
 * stay in the window and in a draft. */
static void
test_window_unwritable (void)
{
  g_autofree char *drafts = fw_test_make_temp_dir ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-flywheel-folder/plan.flywheel");
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(GPtrArray) list = NULL;
  FwWindow *window;

  g_setenv ("FLYWHEEL_DRAFTS_DIR", drafts, TRUE);
  window = fw_window_new (NULL, NULL, workbook, NULL);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  fw_idea_set_title (fw_workbook_get_idea (workbook, 0), "Unsaved edit");
  g_assert_false (fw_window_save_to (window, file));
  g_assert_true (spin_until_dialog (GTK_WINDOW (window), 1000));
  g_assert_true (fw_window_get_modified (window));
  g_assert_cmpstr (fw_idea_get_title (fw_workbook_get_idea (workbook, 0)), ==, "Unsaved edit");
  fw_drafts_wait ();
  list = fw_drafts_list ();
  g_assert_cmpuint (list->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  g_unsetenv ("FLYWHEEL_DRAFTS_DIR");
  fw_test_remove_tree (drafts);
}

/* Import… takes the workshop's own sheet into an empty workbook, and refuses
 * a file that is not a worksheet with a message. */
static void
test_window_import (void)
{
  g_autofree char *sheet = g_test_build_filename (G_TEST_DIST, "worksheet", "real-2023.csv", NULL);
  g_autofree char *garbage = g_test_build_filename (G_TEST_DIST, "worksheet", "binary.bin", NULL);
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet);
  g_autoptr(GFile) garbage_file = g_file_new_for_path (garbage);
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();

  fw_window_import_file (window, garbage_file, FALSE);
  g_assert_true (spin_until_dialog (GTK_WINDOW (window), 5000));
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 0);

  fw_window_import_file (window, sheet_file, FALSE);
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (fw_workbook_get_n_ideas (workbook) == 0 && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_get_n_cases (workbook), ==, 1);
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 1);
  g_assert_cmpstr (fw_case_get_name (fw_workbook_get_case (workbook, 0)), ==,
                   "Intuit: 控除対象の経費を探す時間を削減");
  g_assert_true (fw_window_get_modified (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/shows-sample", test_window_shows_sample);
  g_test_add_func ("/window/empty-workbook", test_window_empty_workbook);
  g_test_add_func ("/window/tick-full-accuracy", test_window_tick_full_accuracy);
  g_test_add_func ("/window/save-and-reopen", test_window_save_and_reopen);
  g_test_add_func ("/window/close-with-changes", test_window_close_with_changes);
  g_test_add_func ("/window/minimum-width", test_window_minimum_width);
  g_test_add_func ("/window/default-split", test_window_default_split);
  g_test_add_func ("/window/step-completeness", test_window_step_completeness);
  g_test_add_func ("/window/drafts", test_window_drafts);
  g_test_add_func ("/window/recover-one-window", test_window_recover_one_window);
  g_test_add_func ("/window/recover-loaded", test_window_recover_loaded);
  g_test_add_func ("/window/recover-from-sample", test_window_recover_from_sample);
  g_test_add_func ("/window/undo-after-load-and-delete", test_window_undo_after_load_and_delete);
  g_test_add_func ("/window/undo-choices", test_window_undo_choices);
  g_test_add_func ("/window/step-focus", test_window_step_focus);
  g_test_add_func ("/window/step-actions", test_window_step_actions);
  g_test_add_func ("/window/external-change", test_window_external_change);
  g_test_add_func ("/window/unwritable", test_window_unwritable);
  g_test_add_func ("/window/import", test_window_import);
  g_test_add_func ("/window/editor-binds-answers", test_window_editor_binds_answers);
  g_test_add_func ("/window/triage-promote", test_window_triage_promote);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/load", test_window_load);
  return g_test_run ();
}
