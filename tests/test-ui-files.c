/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-portfolio-page.h"
#include "fw-test-ui.h"
#include "fw-window.h"

/* What a user does with files from a window, through its FwDocument: the file
 * chooser answered as a user would (GTK's own dialog: the tests have no
 * portal), then what lands on disk. */

#ifdef __SANITIZE_ADDRESS__
/* Under ASan, this program alone has no leak check at exit (every memory error
 * still stops it): GTK 4.8's own GtkFileChooserDialog leaks — tree paths of its
 * list, libcloudproviders' providers, the files of a folder listed on a thread —
 * through stripped frames no suppression can name without hiding ours. The same
 * saves and exports are leak-checked without the dialog in test-document-files. */
__attribute__ ((visibility ("default"))) int __lsan_is_turned_off (void);

int
__lsan_is_turned_off (void)
{
  return 1;
}
#endif

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  fw_test_spin ();
}

/* The shown toplevel of @type (not @except), or NULL. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

/* Answers the file chooser that is open: @name typed in @folder, then Save. */
static void
choose (const char *folder,
        const char *name)
{
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  GtkWindow *chooser;

  wait_until (chooser_shown, NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  fw_test_spin ();
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
assert_magic (const char *path,
              const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

static FwWindow *
new_window (FwWorkbook *workbook)
{
  FwWindow *window = fw_window_new (NULL, NULL, workbook, NULL);

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  return window;
}

static void
close_window (FwWindow *window)
{
  fw_document_set_modified (fw_window_get_document (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

/* Export Report…: the PDF is written (by the document, on a worker). */
static void
test_export_report (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autofree char *dir = fw_test_make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "plan report.pdf", NULL);
  FwWindow *window = new_window (workbook);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL);
  choose (dir, "plan report.pdf");
  wait_until (file_written, pdf);
  assert_magic (pdf, "%PDF-");
  close_window (window);
  fw_test_remove_tree (dir);
}

/* Portfolio's Export Chart…: a name without an extension becomes a PNG. */
static void
test_export_chart (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autofree char *dir = fw_test_make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  FwWindow *window = new_window (workbook);
  GtkWidget *page, *button;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "portfolio");
  fw_test_spin ();
  page = fw_test_find_by_type (GTK_WIDGET (window), FW_TYPE_PORTFOLIO_PAGE);
  g_assert_nonnull (page);
  button = find_button (page, "E_xport Chart…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  choose (dir, "chart");
  wait_until (file_written, png);
  assert_magic (png, "\x89PNG\r\n\x1a\n");
  close_window (window);
  fw_test_remove_tree (dir);
}

typedef struct
{
  FwWindow *window;
  GFile    *file;
} WindowFile;

static gboolean
window_file_is (gpointer data)
{
  WindowFile *wf = data;
  GFile *file = fw_window_get_file (wf->window);

  return file && g_file_equal (file, wf->file);
}

static gboolean
replace_asked (gpointer window)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL;
}

/* Save As with a name typed without .flywheel: the chooser could not see that
 * "plan.flywheel" exists, so the window asks (the document looks on a worker)
 * before replacing it; a new name saves at once. */
static void
test_save_as_asks (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autofree char *dir = fw_test_make_temp_dir ();
  g_autofree char *existing = g_build_filename (dir, "plan.flywheel", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.flywheel", NULL);
  g_autofree char *contents = NULL;
  FwWindow *window = new_window (workbook);
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (existing, "theirs", -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  choose (dir, "plan");
  wait_until (replace_asked, window);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Replace “plan.flywheel”?");
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "theirs");
  /* As its Cancel button does: the response, then the dialog goes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  fw_test_spin ();
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "theirs");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  choose (dir, "fresh");
  {
    g_autoptr(GFile) file = g_file_new_for_path (fresh);
    g_autoptr(GError) error = NULL;
    g_autoptr(FwWorkbook) back = NULL;
    WindowFile wf = { window, file };

    /* Saved there without a question, and it reads back as the workbook. */
    wait_until (window_file_is, &wf);
    g_assert_true (window_file_is (&wf));
    g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
    back = fw_workbook_load (file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fw_workbook_get_n_ideas (back), ==, fw_workbook_get_n_ideas (workbook));
  }
  close_window (window);
  fw_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  fw_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui-files/export-report", test_export_report);
  g_test_add_func ("/ui-files/export-chart", test_export_chart);
  g_test_add_func ("/ui-files/save-as-asks", test_save_as_asks);
  return g_test_run ();
}
