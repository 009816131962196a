/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Other copies of the workbook in the window (issue #18): a sync client's
 * conflicted copy found as the file opens and merged three-way; another copy
 * merged with a conflict, which shows in the Conflicts section and the titles
 * until it is resolved, survives a save and a reopen, and is resolved there. */

#include "config.h"

#include <adwaita.h>

#include "fw-conflicts-page.h"
#include "fw-core.h"
#include "fw-test-ui.h"
#include "fw-window.h"

static AdwMessageDialog *
wait_for_dialog (FwWindow   *window,
                 const char *name)
{
  for (int tries = 0; tries < 2500; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
              gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
              (name == NULL ||
               g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (toplevel)), name) == 0) &&
              gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return ADW_MESSAGE_DIALOG (toplevel);
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_not_reached ();
}

static FwIdea *
first_idea (FwWindow *window)
{
  return fw_workbook_get_idea (fw_window_get_workbook (window), 0);
}

/* Spins until the first idea's model why reads @text (the copy is read on a worker). */
static void
wait_for_why (FwWindow   *window,
              const char *text)
{
  for (int tries = 0; tries < 2500; tries++)
    {
      if (fw_workbook_get_n_ideas (fw_window_get_workbook (window)) > 0 &&
          g_strcmp0 (fw_idea_get_why (first_idea (window), FW_STAGE_MODEL), text) == 0)
        return;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpstr (fw_idea_get_why (first_idea (window), FW_STAGE_MODEL), ==, text);
}

static void
wait_for_conflicts (FwWindow *window,
                    guint     n)
{
  for (int tries = 0; tries < 2500; tries++)
    {
      if (fw_workbook_count_conflicts (fw_window_get_workbook (window)) == n)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_count_conflicts (fw_window_get_workbook (window)), ==, n);
}

static GFile *
save_edited (const char *dir,
             const char *name,
             const char *why)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (why)
    fw_idea_set_why (fw_workbook_get_idea (workbook, 0), FW_STAGE_MODEL, why);
  g_assert_true (fw_workbook_save (workbook, file, NULL, &error));
  g_assert_no_error (error);
  return file;
}

static void
wait_until_loaded (FwWindow *window)
{
  for (int tries = 0; tries < 2500 && fw_document_get_busy (fw_window_get_document (window));
       tries++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  fw_test_spin ();
}

static void
test_merge_in_window (void)
{
  g_autofree char *dir = fw_test_make_temp_dir ();
  g_autoptr(GFile) plan = save_edited (dir, "plan.flywheel", NULL);
  g_autoptr(GFile) conflicted = save_edited (dir, "plan (conflicted copy 2026-12-01).flywheel",
                                             "From the synced copy");
  g_autoptr(GFile) bens = NULL;
  FwWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *page;

  window = fw_window_new (NULL, NULL, NULL, plan);
  gtk_window_present (GTK_WINDOW (window));
  fw_window_load (window);
  wait_until_loaded (window);

  /* The conflicted copy is offered as the file opens; merged, its change comes in
   * with no conflict: the version both came from was kept as the file was read. */
  dialog = wait_for_dialog (window, "conflicted-copies");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "plan (conflicted copy 2026-12-01).flywheel"));
  adw_message_dialog_response (dialog, "merge");
  wait_for_why (window, "From the synced copy");
  g_assert_cmpuint (fw_workbook_count_conflicts (fw_window_get_workbook (window)), ==, 0);
  g_assert_true (fw_window_get_modified (window));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "conflict"));

  /* Both sides change the same why: one conflict, shown. */
  fw_idea_set_why (first_idea (window), FW_STAGE_MODEL, "Mine");
  bens = save_edited (dir, "ben.flywheel", "Ben’s");
  fw_window_merge_file (window, bens);
  wait_for_conflicts (window, 1);
  g_assert_cmpstr (fw_idea_get_why (first_idea (window), FW_STAGE_MODEL), ==, "Mine");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "1 unresolved conflict"));
  page = fw_test_find_by_type (GTK_WIDGET (window), FW_TYPE_CONFLICTS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpuint (fw_conflicts_page_get_n_conflicts (FW_CONFLICTS_PAGE (page)), ==, 1);

  /* Saved and opened again, the conflict is still there. */
  {
    g_autoptr(FwWorkbook) again = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
    for (int tries = 0; tries < 2500 && fw_window_get_modified (window); tries++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (2000);
      }
    g_assert_false (fw_window_get_modified (window));
    again = fw_workbook_load (plan, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fw_workbook_count_conflicts (again), ==, 1);
    g_assert_cmpstr (fw_idea_get_why (fw_workbook_get_idea (again, 0), FW_STAGE_MODEL), ==,
                     "Mine");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();

  window = fw_window_new (NULL, NULL, NULL, plan);
  gtk_window_present (GTK_WINDOW (window));
  fw_window_load (window);
  wait_until_loaded (window);
  /* The conflicted copy is offered again (it stays until deleted): not now. */
  dialog = wait_for_dialog (window, "conflicted-copies");
  adw_message_dialog_response (dialog, "later");
  fw_test_spin ();
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "1 unresolved conflict"));

  /* Resolved there: Take Theirs, and the titles look done again; Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "conflicts"));
  fw_test_spin ();
  page = fw_test_find_by_type (GTK_WIDGET (window), FW_TYPE_CONFLICTS_PAGE);
  g_assert_nonnull (page);
  g_signal_emit_by_name (fw_test_find_by_name (page, "take-theirs"), "clicked");
  fw_test_spin ();
  g_assert_cmpstr (fw_idea_get_why (first_idea (window), FW_STAGE_MODEL), ==, "Ben’s");
  g_assert_cmpuint (fw_workbook_count_conflicts (fw_window_get_workbook (window)), ==, 0);
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "conflict"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_count_conflicts (fw_window_get_workbook (window)), ==, 1);
  g_assert_cmpstr (fw_idea_get_why (first_idea (window), FW_STAGE_MODEL), ==, "Mine");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "1 unresolved conflict"));

  /* Resolved again, then a merge replaces every item: Ctrl+Z no longer takes back
   * the resolution over the new contents (the workbook would no longer hold ours). */
  g_signal_emit_by_name (fw_test_find_by_name (page, "take-theirs"), "clicked");
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_count_conflicts (fw_window_get_workbook (window)), ==, 0);
  {
    g_autoptr(GFile) other = save_edited (dir, "R&D <copy>.flywheel", "Ben’s");

    /* A name with markup characters shows in the toast as it is (no warning). */
    fw_window_merge_file (window, other);
    for (int tries = 0; tries < 500; tries++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (2000);
      }
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  fw_test_spin ();
  g_assert_cmpuint (fw_workbook_count_conflicts (fw_window_get_workbook (window)), ==, 0);
  g_assert_cmpstr (fw_idea_get_why (first_idea (window), FW_STAGE_MODEL), ==, "Ben’s");

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
  fw_test_remove_tree (dir);
}

/* Merge Changes… in the Compare dialog merges the copy (and the dialog goes). */
static void
test_compare_then_merge (void)
{
  g_autofree char *dir = fw_test_make_temp_dir ();
  g_autoptr(GFile) plan = save_edited (dir, "plan.flywheel", NULL);
  g_autoptr(GFile) bens = save_edited (dir, "ben.flywheel", "Ben’s");
  FwWindow *window;
  GtkWindow *dialog = NULL;

  window = fw_window_new (NULL, NULL, NULL, plan);
  gtk_window_present (GTK_WINDOW (window));
  fw_window_load (window);
  wait_until_loaded (window);
  fw_window_compare_file (window, bens);
  for (int tries = 0; tries < 2500 && dialog == NULL; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (toplevel != GTK_WINDOW (window) &&
              gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
              fw_test_find_by_name (GTK_WIDGET (toplevel), "merge-changes"))
            dialog = toplevel;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (fw_test_find_by_name (GTK_WIDGET (dialog), "merge-changes"), "clicked");
  wait_for_why (window, "Ben’s");
  g_assert_cmpuint (fw_workbook_count_conflicts (fw_window_get_workbook (window)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
  fw_test_remove_tree (dir);
}

/* A copy of another workbook is refused by name when merged; nothing changes. */
static void
test_refuse_other_workbook (void)
{
  g_autofree char *dir = fw_test_make_temp_dir ();
  g_autoptr(GFile) plan = save_edited (dir, "plan.flywheel", NULL);
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(FwWorkbook) other = fw_workbook_new ();
  g_autoptr(GError) error = NULL;
  FwWindow *window;
  AdwMessageDialog *dialog;
  g_autofree char *path = g_build_filename (dir, "checkout.flywheel", NULL);

  fw_workbook_set_title (other, "Checkout");
  fw_workbook_set_id (other, "22222222-2222-4222-8222-222222222222");
  other_file = g_file_new_for_path (path);
  g_assert_true (fw_workbook_save (other, other_file, NULL, &error));

  window = fw_window_new (NULL, NULL, NULL, plan);
  gtk_window_present (GTK_WINDOW (window));
  fw_window_load (window);
  wait_until_loaded (window);
  fw_workbook_ensure_id (fw_window_get_workbook (window));

  fw_window_merge_file (window, other_file);
  dialog = wait_for_dialog (window, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Merge the Copy");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Checkout"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (fw_workbook_count_conflicts (fw_window_get_workbook (window)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
  fw_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui-merge/merge-in-window", test_merge_in_window);
  g_test_add_func ("/ui-merge/refuse-other-workbook", test_refuse_other_workbook);
  g_test_add_func ("/ui-merge/compare-then-merge", test_compare_then_merge);
  return g_test_run ();
}
