/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fw-core.h"
#include "fw-i18n.h"
#include "fw-portfolio.h"
#include "fw-portfolio-page.h"
#include "fw-presentation.h"
#include "fw-print.h"
#include "fw-report.h"
#include "fw-test-util.h"

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  fw_test_spin ();
}

/* FW_SCREENSHOT_DIR=… keeps a PNG of what the test showed, to look at. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("FW_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("nothing to save for %s", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
activated_cb (FwPortfolioPage *page,
              FwIdea          *idea,
              gpointer         user_data)
{
  *(FwIdea **) user_data = idea;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = ADW_IS_ACTION_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static GtkListBoxRow *
first_row (GtkWidget *root)
{
  if (ADW_IS_ACTION_ROW (root))
    return GTK_LIST_BOX_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *row = first_row (child);

      if (row)
        return row;
    }
  return NULL;
}

static void
test_portfolio_page (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwPortfolio) portfolio = fw_portfolio_new (workbook);
  GtkWidget *page = fw_portfolio_page_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkListBoxRow *row;
  FwIdea *activated = NULL;
  guint n = fw_workbook_get_n_ideas (workbook);

  gtk_window_set_default_size (window, 1000, 900);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  g_signal_connect (page, "idea-activated", G_CALLBACK (activated_cb), &activated);

  g_assert_cmpuint (count_rows (page), ==, 0);
  fw_portfolio_page_set_workbook (FW_PORTFOLIO_PAGE (page), workbook);
  g_assert_true (fw_portfolio_page_get_workbook (FW_PORTFOLIO_PAGE (page)) == workbook);
  fw_test_spin ();
  g_assert_cmpuint (count_rows (page), ==, n);
  screenshot (page, "portfolio-page.png");

  /* The first row is the top-ranked idea. */
  row = first_row (page);
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_true (activated == fw_portfolio_get_entry (portfolio, 0)->idea);

  /* A new idea shows up once the page has caught up. */
  {
    g_autoptr(FwIdea) idea = fw_idea_new ();

    fw_idea_set_title (idea, "Brand-new idea");
    fw_workbook_append_idea (workbook, idea);
    wait_ms (400);
    g_assert_cmpuint (count_rows (page), ==, n + 1);
  }

  fw_portfolio_page_set_workbook (FW_PORTFOLIO_PAGE (page), NULL);
  fw_test_spin ();
  g_assert_cmpuint (count_rows (page), ==, 0);
  gtk_window_destroy (window);
}

static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      gboolean one = FALSE;

      /* GtkWindow has key controllers of its own: any of them may handle it. */
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &one);
      handled |= one;
    }
  fw_test_spin ();
  return handled;
}

static void
test_presentation (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkWindow *window;

  gtk_window_present (parent);
  window = fw_presentation_present (parent, workbook, TRUE);
  g_assert_nonnull (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  wait_ms (300);
  screenshot (GTK_WIDGET (window), "slide-1-dark.png");
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_Right));
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_space));
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_Page_Down));
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_Left));
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_d));
  wait_ms (300);
  screenshot (GTK_WIDGET (window), "slide-3-light.png");
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_End));
  wait_ms (300);
  screenshot (GTK_WIDGET (window), "slide-portfolio.png");
  g_assert_false (press (GTK_WIDGET (window), GDK_KEY_a));
  g_assert_true (press (GTK_WIDGET (window), GDK_KEY_Escape));
  wait_ms (100);
  g_assert_null (window);
  gtk_window_destroy (parent);
}

/* Print goes through the report's page drawing: the same pages, the same text. */
static void
test_print_export (void)
{
  g_autoptr(FwWorkbook) workbook = fw_test_load_sample ("en");
  g_autoptr(FwReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "print.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  GtkPageSetup *setup = gtk_page_setup_new ();
  int status;

  g_assert_true (fw_print_report_to_file (workbook, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  report = fw_report_new (workbook, gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                          gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), NULL, NULL);
  g_object_unref (setup);
  if (program == NULL)
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  pages = strstr (out, "\nPages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("\nPages:")), ==, fw_report_get_n_pages (report));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  fw_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui-report/portfolio-page", test_portfolio_page);
  g_test_add_func ("/ui-report/presentation", test_presentation);
  g_test_add_func ("/ui-report/print-export", test_print_export);
  return g_test_run ();
}
