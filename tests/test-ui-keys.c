/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "fw-cases-page.h"
#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-idea-editor.h"
#include "fw-window.h"
#include "fw-test-ui.h"

/* A flow without friction (issue #14): the keys of the steps, where the focus
 * lands when a step opens, and Ctrl+Z off the idea page. */

/* Runs the window's shortcut for Ctrl+@keyval as a key press would, before
 * the focused widget sees the key; TRUE when the window took the key. */
static gboolean
step_key (FwWindow *window,
          guint     keyval)
{
  GtkEventController *keys = fw_test_find_controller (GTK_WIDGET (window), "step-keys");

  g_assert_nonnull (keys);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (keys), ==, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (keys)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (keys), i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
          gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_CONTROL_MASK)
        {
          gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                        GTK_WIDGET (window), NULL);

          fw_test_spin ();
          return done;
        }
    }
  g_assert_not_reached ();
}

/* The entry row titled @title on the step shown. */
static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found)
        return found;
    }
  return NULL;
}

/* The title of the entry row holding the focus, or NULL. */
static const char *
focused_row_title (FwWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;

  return row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static FwWindow *
show_sample (FwWorkbook *workbook)
{
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_true (fw_window_select_idea (window, 0));
  fw_test_spin ();
  return window;
}

static void
close_window (FwWindow *window)
{
  fw_document_discard_draft (fw_window_get_document (window));
  fw_document_set_modified (fw_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

/* Ctrl+Page Down and Up change the step from inside a field, which would take
 * them otherwise (an entry moved the focus on, a text view its cursor); on a
 * section page they are left to the page. */
static void
test_keys_step_keys (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = show_sample (workbook);
  FwIdeaEditor *editor = fw_window_get_editor (window);
  GtkWidget *focus;

  fw_idea_editor_open_step (editor, FW_STEP_STORY);
  fw_test_spin ();
  g_assert_true (gtk_widget_grab_focus (find_entry_row (GTK_WIDGET (editor), "As a…")));
  g_assert_true (step_key (window, GDK_KEY_Page_Down));
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_TASK);
  g_assert_true (step_key (window, GDK_KEY_Page_Down));
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_FLYWHEEL);

  /* In a why's text view. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (step_key (window, GDK_KEY_Page_Up));
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_TASK);
  g_assert_true (step_key (window, GDK_KEY_Page_Up));
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_STORY);
  /* At the first step the key is still the steps': no field moves the focus. */
  g_assert_true (gtk_widget_grab_focus (find_entry_row (GTK_WIDGET (editor), "As a…")));
  g_assert_true (step_key (window, GDK_KEY_Page_Up));
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_STORY);

  /* On Cases the keys are the page's, and the step stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "cases"));
  fw_test_spin ();
  g_assert_false (step_key (window, GDK_KEY_Page_Down));
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_STORY);

  close_window (window);
}

/* A step opened from the keyboard lands where a click lands: step 1 on its
 * title, step 3 on its first field in reading order (the first stage's why),
 * whatever field had the focus before (issue #14). */
static void
test_keys_step_focus (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = show_sample (workbook);
  FwIdeaEditor *editor = fw_window_get_editor (window);
  GtkWidget *focus;
  FwIdea *idea;

  fw_idea_editor_open_step (editor, FW_STEP_STORY);
  fw_test_spin ();
  g_assert_cmpstr (focused_row_title (window), ==, "Title");

  /* Alt+1 with the focus in the title stays on the title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.step", "u", 1));
  fw_test_spin ();
  g_assert_cmpstr (focused_row_title (window), ==, "Title");

  /* Alt+3: the first stage's why, not a later field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.step", "u", 3));
  fw_test_spin ();
  g_assert_cmpint (fw_idea_editor_get_step (editor), ==, FW_STEP_FLYWHEEL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  /* The stack keeps every page built: the first text view of the one shown. */
  {
    GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_ancestor (
                                                      focus, GTK_TYPE_STACK)));

    g_assert_true (focus == fw_test_find_by_type (page, GTK_TYPE_TEXT_VIEW));
  }

  /* Alt+1 back from step 3, and again from a later field of step 1. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.step", "u", 1));
  fw_test_spin ();
  g_assert_cmpstr (focused_row_title (window), ==, "Title");
  g_assert_true (gtk_widget_grab_focus (find_entry_row (GTK_WIDGET (editor), "I want…")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.step", "u", 3));
  fw_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.step", "u", 1));
  fw_test_spin ();
  g_assert_cmpstr (focused_row_title (window), ==, "Title");

  /* Ctrl+I with the focus in a title: the new idea's title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-idea", NULL));
  fw_test_spin ();
  idea = fw_window_get_selected_idea (window);
  g_assert_true (idea == fw_workbook_get_idea (workbook, fw_workbook_get_n_ideas (workbook) - 1));
  g_assert_cmpstr (focused_row_title (window), ==, "Title");

  /* Next, then Back (by their buttons' actions): the title again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-step", NULL));
  fw_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-step", NULL));
  fw_test_spin ();
  g_assert_cmpstr (focused_row_title (window), ==, "Title");

  close_window (window);
}

/* A button in @window for @action: sensitive exactly while the action is enabled. */
static GtkWidget *
action_probe (FwWindow   *window,
              const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_widget_get_ancestor (GTK_WIDGET (fw_window_get_editor (window)),
                                            GTK_TYPE_BOX);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static void
show_section (FwWindow   *window,
              const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", name));
  fw_test_spin ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fw_window_get_editor (window))));
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Ctrl+Z on Cases takes back the page's own last step (Keep Mine) and says so in
 * its toast; an idea's edit is never undone out of sight: on any section page
 * Ctrl+Z (and Ctrl+Shift+Z) first shows the idea it changes (issue #14). */
static void
test_keys_undo_off_idea_page (void)
{
  static const char *sections[] = { "learn", "cases", "quiz", "portfolio", "disagreement" };
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  FwWindow *window = show_sample (workbook);
  FwIdea *idea = fw_window_get_selected_idea (window);
  GtkWidget *editor = GTK_WIDGET (fw_window_get_editor (window));
  GtkWidget *undo = action_probe (window, "win.undo");
  g_autofree char *title = g_strdup (fw_idea_get_title (idea));
  g_autofree char *why = NULL;
  g_autofree char *said = NULL;
  AdwToast *toast;
  gboolean timed_out = FALSE;
  GtkWidget *page;
  FwCase *item = NULL;

  /* The page's own step alone enables Undo there. */
  show_section (window, "cases");
  page = fw_test_find_by_type (GTK_WIDGET (window), FW_TYPE_CASES_PAGE);
  g_assert_false (gtk_widget_get_sensitive (undo));
  fw_test_click (page, "exercise");
  gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, "mine-0")), "Mine.");
  fw_test_click (page, "reveal-examples");
  fw_test_click (page, "keep-mine");
  for (guint i = 0; i < fw_workbook_get_n_cases (workbook); i++)
    if (g_strcmp0 (fw_case_get_why (fw_workbook_get_case (workbook, i), 0), "Mine.") == 0)
      item = fw_workbook_get_case (workbook, i);
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fw_test_spin ();
  g_assert_cmpstr (fw_case_get_why (item, 0), !=, "Mine.");
  g_assert_false (gtk_widget_get_sensitive (undo));

  /* The brief's steps: an idea's title edited, Keep Mine, Cases, Ctrl+Z. */
  g_assert_true (fw_window_select_idea (window, 0));
  fw_test_spin ();
  fw_idea_set_title (idea, "Edited title");
  g_usleep (50 * 1000);
  show_section (window, "cases");
  fw_test_click (page, "exercise");
  gtk_editable_set_text (GTK_EDITABLE (fw_test_find_by_name (page, "mine-0")), "Mine again.");
  fw_test_click (page, "reveal-examples");
  fw_test_click (page, "keep-mine");
  /* Held at once, so that it can be read even if it times out (5 s) while a slow
   * run (ASan) gets to the undo; there it may be gone already. */
  toast = fw_cases_page_get_undo_toast (FW_CASES_PAGE (page));
  if (toast)
    {
      g_object_ref (toast);
      g_signal_connect_swapped (toast, "dismissed", G_CALLBACK (set_true), &timed_out);
    }
  else
    timed_out = TRUE;
  g_assert_cmpstr (fw_case_get_why (item, 0), ==, "Mine again.");
  show_section (window, "cases");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fw_test_spin ();
  g_assert_cmpstr (fw_case_get_why (item, 0), !=, "Mine again.");
  g_assert_cmpstr (fw_idea_get_title (idea), ==, "Edited title");
  g_assert_true (gtk_widget_get_mapped (page));
  /* Its toast says the answers are out again, with no Undo left in it (when it
   * still lasted: a toast gone has nothing to retell). */
  said = g_strdup_printf ("“%s” is as it was again", fw_case_get_name (item));
  if (timed_out)
    g_test_message ("the toast had timed out before the undo");
  else
    {
      g_assert_cmpstr (adw_toast_get_title (toast), ==, said);
      g_assert_null (adw_toast_get_button_label (toast));
    }
  g_clear_pointer (&said, g_free);
  if (toast)
    {
      g_signal_handlers_disconnect_by_data (toast, &timed_out);
      g_object_unref (toast);
    }

  /* Nothing of its own left: the idea comes on screen, then its edit goes. */
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fw_test_spin ();
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (fw_window_get_selected_idea (window) == idea);
  g_assert_cmpstr (fw_idea_get_title (idea), ==, title);

  /* The same from every other section page, and redo likewise. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *edited = g_strdup_printf ("Edited on the way to %s", sections[i]);

      g_assert_true (fw_window_select_idea (window, 1));
      fw_test_spin ();
      g_free (why);
      why = g_strdup (fw_idea_get_why (fw_window_get_selected_idea (window), FW_STAGE_DATA));
      fw_idea_set_why (fw_window_get_selected_idea (window), FW_STAGE_DATA, edited);
      g_usleep (50 * 1000);
      g_assert_true (fw_window_select_idea (window, 0));
      fw_test_spin ();
      show_section (window, sections[i]);
      g_assert_true (gtk_widget_get_sensitive (undo));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      fw_test_spin ();
      g_assert_true (gtk_widget_get_mapped (editor));
      g_assert_true (fw_window_get_selected_idea (window) == fw_workbook_get_idea (workbook, 1));
      g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (workbook, 1), FW_STAGE_DATA), ==,
                       why);

      show_section (window, sections[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
      fw_test_spin ();
      g_assert_true (gtk_widget_get_mapped (editor));
      g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (workbook, 1), FW_STAGE_DATA), ==,
                       edited);
    }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fw_i18n_init_with_language ("en");

  g_test_add_func ("/keys/step-keys", test_keys_step_keys);
  g_test_add_func ("/keys/step-focus", test_keys_step_focus);
  g_test_add_func ("/keys/undo-off-idea-page", test_keys_undo_off_idea_page);

  return g_test_run ();
}
