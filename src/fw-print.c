/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fw-flywheel-layout.h"
#include "fw-flywheel-render.h"
#include "fw-print.h"
#include "fw-ui.h"
#include "fw-report.h"

/* Kept for the session, so the next print starts from the last choices. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (operation), "parent");

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      fw_ui_show_error (parent, _("Could Not Print"), error ? error->message : NULL);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  g_object_unref (operation);
}

static GtkPrintOperation *
new_operation (GtkWindow *parent)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  if (last_settings)
    gtk_print_operation_set_print_settings (operation, last_settings);
  if (last_page_setup)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The report lays out whole pages itself, margins included, in points. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  g_object_set_data (G_OBJECT (operation), "parent", parent);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);
  return operation;
}

static void
run (GtkPrintOperation *operation,
     GtkWindow         *parent)
{
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* "done" reports the outcome, errors included, and releases @operation. */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

/* The report. */

static void
unref_data (gpointer  data,
            GClosure *closure)
{
  g_object_unref (data);
}


static void
report_begin_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 gpointer           user_data)
{
  FwWorkbook *workbook = user_data;
  FwReport *report;

  g_set_object (&last_page_setup, gtk_print_context_get_page_setup (context));
  report = fw_report_new (workbook, gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context), NULL, NULL);
  g_object_set_data_full (G_OBJECT (operation), "report", report,
                          (GDestroyNotify) fw_report_free);
  gtk_print_operation_set_n_pages (operation, fw_report_get_n_pages (report));
}

static void
report_draw_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                int                page,
                gpointer           user_data)
{
  FwReport *report = g_object_get_data (G_OBJECT (operation), "report");

  fw_report_draw_page (report, gtk_print_context_get_cairo_context (context), page);
}

void
fw_print_report (GtkWindow  *parent,
                 FwWorkbook *workbook)
{
  GtkPrintOperation *operation;
  const char *title;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (FW_IS_WORKBOOK (workbook));

  operation = new_operation (parent);
  title = fw_workbook_get_title (workbook);
  gtk_print_operation_set_job_name (operation, title && *title ? title : _("Flywheel report"));
  /* A copy: the window may change the workbook while the dialog is open. */
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (report_begin_cb),
                         fw_report_copy_workbook (workbook), unref_data, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (report_draw_cb), NULL);
  run (operation, parent);
}

gboolean
fw_print_report_to_file (FwWorkbook  *workbook,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  GtkPrintOperationResult result;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (report_begin_cb),
                         fw_report_copy_workbook (workbook), unref_data, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (report_draw_cb), NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* One idea's diagram, as large as the page allows. */

static void
free_input (gpointer  data,
            GClosure *closure)
{
  fw_flywheel_input_free (data);
}

static void
diagram_begin_cb (GtkPrintOperation *operation,
                  GtkPrintContext   *context,
                  gpointer           user_data)
{
  g_set_object (&last_page_setup, gtk_print_context_get_page_setup (context));
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
diagram_draw_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 gpointer           user_data)
{
  FwFlywheelInput *input = user_data;
  g_autoptr(FwFlywheelLayout) layout = NULL;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double pw = gtk_print_context_get_width (context);
  double ph = gtk_print_context_get_height (context);
  double margin = 36, w = pw - 2 * margin, h = MIN (ph - 2 * margin, w * 0.8);
  FwDiagramStyle style;

  fw_diagram_style_init (&style, FW_DIAGRAM_THEME_LIGHT);
  style.background = (FwColor) { 1, 1, 1, 1 };
  layout = fw_flywheel_layout_new (input, w, h, &style, NULL);
  cairo_translate (cr, margin, margin);
  fw_flywheel_draw (layout, cr, -1);
}

void
fw_print_diagram (GtkWindow *parent,
                  FwIdea    *idea)
{
  GtkPrintOperation *operation;
  FwFlywheelInput *input;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (FW_IS_IDEA (idea));

  operation = new_operation (parent);
  /* Taken now: what is printed is what was on screen when Print was chosen. */
  input = fw_flywheel_input_new_for_idea (idea);
  gtk_print_operation_set_job_name (operation, input->title);
  g_signal_connect (operation, "begin-print", G_CALLBACK (diagram_begin_cb), NULL);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (diagram_draw_cb), input,
                         free_input, 0);
  run (operation, parent);
}
