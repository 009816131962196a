/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-triage-page.h"

static void
spin (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found)
        return found;
    }
  return NULL;
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), name) == 0)
        return c;
    }
  return NULL;
}

/* Sends a key to the list's own key handler, as a key press on it would. */
static gboolean
press (GtkWidget *list,
       guint      keyval)
{
  GtkEventController *keys = find_controller (list, "triage-keys");
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  spin ();
  return handled;
}

static void
promoted_cb (FwTriagePage *page,
             FwIdea       *idea,
             FwIdea      **last)
{
  g_set_object (last, idea);
}

static void
test_paste_promote_undo (void)
{
  GtkWidget *page = fw_triage_page_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(FwWorkbook) workbook = fw_workbook_new ();
  g_autoptr(FwIdea) promoted = NULL;
  GtkWidget *text, *list, *markup;
  FwIdea *idea;
  const char *notes;

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  fw_triage_page_set_workbook (FW_TRIAGE_PAGE (page), workbook);
  g_signal_connect (page, "idea-promoted", G_CALLBACK (promoted_cb), &promoted);
  spin ();

  /* Paste two stories and read them. */
  text = find_by_name (page, "stories-text");
  g_assert_nonnull (text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            "As a shopper, I want search results ordered by relevance in real "
                            "time so that <the best> match & more is first.\n"
                            "As a user, I want to reset my password.\n", -1);
  g_assert_true (gtk_widget_activate_action (page, "triage.read", NULL));
  spin ();
  g_assert_cmpuint (fw_triage_page_get_n_stories (FW_TRIAGE_PAGE (page)), ==, 2);
  g_assert_cmpint (fw_triage_page_get_task (FW_TRIAGE_PAGE (page), 0), ==, FW_TASK_RANKING);
  g_assert_cmpint (fw_triage_page_get_task (FW_TRIAGE_PAGE (page), 1), ==, FW_TASK_UNDECIDED);

  /* The triggering words are bold, and the story's own < and & survive. */
  markup = find_by_name (page, "story-markup");
  g_assert_nonnull (markup);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (markup)), "<b>relevance</b>"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (markup)), "<the best> match & more"));

  /* "1" promotes the selected (first) story. */
  list = find_by_name (page, "story-list");
  fw_triage_page_select (FW_TRIAGE_PAGE (page), 0);
  g_assert_true (press (list, GDK_KEY_1));
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 1);
  g_assert_cmpint (fw_triage_page_get_decision (FW_TRIAGE_PAGE (page), 0), ==,
                   FW_TRIAGE_PROMOTED);
  g_assert_nonnull (promoted);
  g_assert_true (promoted == fw_workbook_get_idea (workbook, 0));

  /* Undo takes the idea back out of the workbook. */
  g_assert_true (gtk_widget_activate_action (page, "triage.undo", NULL));
  spin ();
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 0);
  g_assert_cmpint (fw_triage_page_get_decision (FW_TRIAGE_PAGE (page), 0), ==,
                   FW_TRIAGE_UNDECIDED);

  /* Promote again, this time with Enter. */
  fw_triage_page_select (FW_TRIAGE_PAGE (page), 0);
  g_assert_true (press (list, GDK_KEY_Return));
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 1);
  idea = fw_workbook_get_idea (workbook, 0);
  g_assert_cmpstr (fw_idea_get_title (idea), ==,
                   "Search results ordered by relevance in real time");
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_AS_A), ==, "shopper");
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_RANKING);
  notes = fw_idea_get_text (idea, FW_IDEA_NOTES);
  g_assert_cmpstr (notes, ==,
                   "Suggested task: Ranking (triggered by: search results, ordered by, relevance)");
  g_assert_true (fw_idea_get_condition (idea, FW_CONDITION_IMMEDIATE_RESPONSE));
  g_assert_cmpstr (fw_idea_get_condition_note (idea, FW_CONDITION_IMMEDIATE_RESPONSE), ==,
                   "Hinted by: real time");

  /* The next story is selected; "3" sets it aside and "2" is then a no-op on
   * a promoted story, nothing more enters the workbook. */
  g_assert_true (press (list, GDK_KEY_3));
  g_assert_cmpint (fw_triage_page_get_decision (FW_TRIAGE_PAGE (page), 1), ==,
                   FW_TRIAGE_NOT_ML);
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 1);
  g_assert_false (press (list, GDK_KEY_a));

  /* An override is what Promote uses. */
  g_assert_true (gtk_widget_activate_action (page, "triage.undo", NULL));
  spin ();
  fw_triage_page_set_task (FW_TRIAGE_PAGE (page), 1, FW_TASK_CLASSIFICATION);
  fw_triage_page_select (FW_TRIAGE_PAGE (page), 1);
  g_assert_true (press (list, GDK_KEY_1));
  g_assert_cmpuint (fw_workbook_get_n_ideas (workbook), ==, 2);
  idea = fw_workbook_get_idea (workbook, 1);
  g_assert_cmpint (fw_idea_get_task (idea), ==, FW_TASK_CLASSIFICATION);
  g_assert_cmpstr (fw_idea_get_text (idea, FW_IDEA_NOTES), ==,
                   "Suggested task: none — probably not ML");

  gtk_window_destroy (window);
  spin ();
}

static void
test_errors (void)
{
  GtkWidget *page = fw_triage_page_new ();
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (page);
  g_assert_cmpuint (fw_triage_page_read_text (FW_TRIAGE_PAGE (page), "\n\n  \n",
                                              FW_TRIAGE_INPUT_AUTO, &error), ==, 0);
  g_assert_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_cmpuint (fw_triage_page_read_text (FW_TRIAGE_PAGE (page), "story\n\"open",
                                              FW_TRIAGE_INPUT_CSV, &error), ==, 0);
  g_assert_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_SYNTAX);
  /* No workbook: nothing to promote into, and no crash. */
  fw_triage_page_read_text (FW_TRIAGE_PAGE (page), "Predict demand", FW_TRIAGE_INPUT_AUTO,
                            NULL);
  fw_triage_page_select (FW_TRIAGE_PAGE (page), 0);
  g_assert_true (gtk_widget_activate_action (page, "triage.promote", NULL));
  g_assert_cmpint (fw_triage_page_get_decision (FW_TRIAGE_PAGE (page), 0), ==,
                   FW_TRIAGE_UNDECIDED);
  g_object_unref (page);
}

/* A dropped CSV file: the story column is read, a binary file is refused. */
static void
test_drop_file (void)
{
  GtkWidget *page = fw_triage_page_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("triage-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "backlog.csv", NULL);
  g_autofree char *bin = g_build_filename (dir, "image.txt", NULL);
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *drop = NULL;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_object_ref_sink (page);
  g_assert_true (g_file_set_contents (csv, "id,User Story\n1,\"Group customers, by taste\"\n"
                                      "2,Predict demand\n", -1, &error));
  g_assert_true (g_file_set_contents (bin, "\x89PNG\r\n\x1a\n\0\0", 10, &error));

  controllers = gtk_widget_observe_controllers (page);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        drop = GTK_DROP_TARGET (c);
    }
  g_assert_nonnull (drop);

  files = g_slist_append (files, g_file_new_for_path (csv));
  files = g_slist_append (files, g_file_new_for_path (bin));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (drop, "drop", &value, 1.0, 1.0, &done);
  g_assert_true (done);
  g_assert_cmpuint (fw_triage_page_get_n_stories (FW_TRIAGE_PAGE (page)), ==, 2);
  g_assert_cmpint (fw_triage_page_get_task (FW_TRIAGE_PAGE (page), 0), ==, FW_TASK_CLUSTERING);
  g_assert_cmpint (fw_triage_page_get_task (FW_TRIAGE_PAGE (page), 1), ==, FW_TASK_REGRESSION);

  g_value_unset (&value);
  g_slist_free_full (files, g_object_unref);
  g_unlink (csv);
  g_unlink (bin);
  g_rmdir (dir);
  g_object_unref (page);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fw_i18n_init_with_language ("en");

  g_test_add_func ("/triage-page/paste-promote-undo", test_paste_promote_undo);
  g_test_add_func ("/triage-page/errors", test_errors);
  g_test_add_func ("/triage-page/drop-file", test_drop_file);
  return g_test_run ();
}
