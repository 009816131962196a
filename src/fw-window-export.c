/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-export.h"
#include "fw-i18n.h"
#include "fw-presentation.h"
#include "fw-print.h"
#include "fw-report-export.h"
#include "fw-window-private.h"

/* The window's actions that make something of the workbook for elsewhere: the
 * diagram's exports and the clipboard, the worksheet, printing, the PDF report and
 * presenting. Enabled with the others, in _fw_window_update_actions(). */

/* Exports of the shown idea's diagram: PNG, PDF, SVG, or the clipboard. The
 * theme and language come from Preferences; the folder is remembered. */

static void
export_options_from_settings (FwWindow        *self,
                              FwExportFormat   format,
                              FwExportOptions *options,
                              char           **language)
{
  fw_export_options_init (options, format);
  options->author = fw_workbook_get_text (_fw_window_workbook (self), FW_WORKBOOK_AUTHOR);
  *language = NULL;
  if (self->settings)
    {
      g_autofree char *theme = g_settings_get_string (self->settings, "export-theme");

      options->width = g_settings_get_int (self->settings, "export-width");
      options->height = g_settings_get_int (self->settings, "export-height");
      if (g_str_equal (theme, "dark"))
        fw_diagram_style_init (&options->style, FW_DIAGRAM_THEME_DARK);
      *language = g_settings_get_string (self->settings, "export-language");
    }
}

/* The diagram's texts in @language ("" or NULL: the interface's). */
static FwFlywheelInput *
input_in_language (FwIdea     *idea,
                   const char *language)
{
  FwFlywheelInput *input;

  /* On this thread only, for the labels the input is made of. */
  fw_i18n_push_language (language);
  input = fw_flywheel_input_new_for_idea (idea);
  fw_i18n_pop_language ();
  return input;
}

typedef struct
{
  FwWindow       *window;
  GFile          *file;
  FwExportFormat  format;   /* the diagram's; the worksheet: -1 */
} ExportOp;

static void
export_op_free (ExportOp *op)
{
  g_object_unref (op->window);
  g_object_unref (op->file);
  g_free (op);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportOp *op = user_data;
  FwWindow *self = op->window;
  g_autoptr(GError) error = NULL;
  gboolean diagram = (int) op->format >= 0;
  gboolean ok = diagram
                ? fw_document_export_diagram_finish (FW_DOCUMENT (source), result, &error)
                : fw_document_export_worksheet_finish (FW_DOCUMENT (source), result, &error);
  g_autofree char *name = g_file_get_basename (op->file);

  if (self->disposed)
    ;
  else if (!ok)
    fw_window_show_error (self, diagram ? _("Could not export the diagram")
                                        : _("Could not export the worksheet"), error->message);
  else
    {
      /* TRANSLATORS: %s is a file name */
      g_autofree char *message = diagram ? g_strdup_printf (_("Exported “%s”"), name)
                                         : g_strdup_printf (_("Worksheet exported as “%s”"),
                                                            name);
      g_autoptr(GFile) folder = g_file_get_parent (op->file);

      _fw_window_show_toast (self, message);
      if (diagram && self->settings && folder)
        {
          g_autofree char *uri = g_file_get_uri (folder);

          g_settings_set_string (self->settings, "export-folder", uri);
          g_settings_set_string (self->settings, "export-format",
                                 fw_export_format_to_id (op->format));
        }
    }
  export_op_free (op);
}

static ExportOp *
export_op_new (FwWindow       *self,
               GFile          *file,
               FwExportFormat  format)
{
  ExportOp *op = g_new0 (ExportOp, 1);

  op->window = g_object_ref (self);
  op->file = g_object_ref (file);
  op->format = format;
  return op;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    FwWindow        *self)
{
  FwExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fw-format"));

  if (response == GTK_RESPONSE_ACCEPT && self->shown_idea)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *language = NULL;
      FwExportOptions options;

      if (path == NULL)
        fw_window_show_error (self, _("Could not export the diagram"),
                              _("Only local folders can be exported to"));
      else
        {
          /* The input is made here, from the idea, in the export's language;
           * the document draws and writes it on a worker. */
          export_options_from_settings (self, format, &options, &language);
          options.language = (language && *language) ? language : NULL;
          fw_document_export_diagram_async (self->document,
                                            input_in_language (self->shown_idea, language),
                                            &options, path, NULL, export_done_cb,
                                            export_op_new (self, file, format));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  FwExportFormat format;

  if (self->shown_idea == NULL ||
      !fw_export_format_from_id (g_variant_get_string (parameter, NULL), &format))
    return;

  dialog = gtk_file_chooser_native_new (_("Export Diagram"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, fw_export_format_to_id (format));
  gtk_file_filter_add_mime_type (filter, fw_export_format_mime_type (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  title = fw_idea_dup_display_title (self->shown_idea);
  name = g_strdup_printf ("%s.%s", title, fw_export_format_to_id (format));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (self->settings)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "export-folder");

      if (*uri)
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
        }
    }
  g_object_set_data (G_OBJECT (dialog), "fw-format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(FwFlywheelInput) input = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  FwExportOptions options;

  if (self->shown_idea == NULL)
    return;
  export_options_from_settings (self, FW_EXPORT_PNG, &options, &language);
  input = input_in_language (self->shown_idea, language);
  options.language = (language && *language) ? language : NULL;
  bytes = fw_export_to_bytes (input, &options, &error);
  if (bytes)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      fw_window_show_error (self, _("Could not copy the diagram"), error->message);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  _fw_window_show_toast (self, _("Diagram copied"));
}

/* The workbook in the workshop's worksheet layout, for Excel or Sheets. */
static void
export_worksheet_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              FwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *typed = g_file_get_path (file);
      GtkFileFilter *chosen = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *csv_filter = g_object_get_data (G_OBJECT (dialog), "fw-csv-filter");
      GtkFileFilter *xlsx_filter = g_object_get_data (G_OBJECT (dialog), "fw-xlsx-filter");
      const char *columns = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog),
                                                         "flywheel-columns");
      FwWorksheetExportFlags flags = g_strcmp0 (columns, "false") == 0
                                     ? FW_WORKSHEET_EXPORT_SHEET_ONLY
                                     : FW_WORKSHEET_EXPORT_DEFAULT;
      gboolean csv;

      /* The file type chosen wins over the name typed (“x.xlsx” with CSV
       * chosen writes x.csv); with no type chosen, the name decides. */
      if (chosen != NULL && chosen == csv_filter)
        csv = TRUE;
      else if (chosen != NULL && chosen == xlsx_filter)
        csv = FALSE;
      else
        csv = typed && g_str_has_suffix (typed, ".csv");

      if (typed == NULL)
        fw_window_show_error (self, _("Could not export the worksheet"),
                              _("Only local folders can be exported to"));
      else
        {
          g_autofree char *path = fw_worksheet_file_path (typed, csv);
          g_autoptr(GFile) target = g_file_new_for_path (path);

          fw_document_export_worksheet_async (self->document, path, csv, flags, NULL,
                                              export_done_cb,
                                              export_op_new (self, target, (FwExportFormat) -1));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_worksheet_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title = fw_workbook_get_title (_fw_window_workbook (self));

  dialog = gtk_file_chooser_native_new (_("Export Worksheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (xlsx, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_set_name (csv, _("CSV, UTF-8 (.csv)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), xlsx);
  g_object_set_data_full (G_OBJECT (dialog), "fw-xlsx-filter", g_object_ref (xlsx),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "fw-csv-filter", g_object_ref (csv),
                          g_object_unref);
  /* Said before anything is written: the workshop's sheet has no room for
   * most of an idea, so Flywheel adds columns of its own, which it reads back. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "flywheel-columns",
                               _("Add columns for what the sheet has no room for (story, "
                                 "whys, evidence), so importing it brings every idea back"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "flywheel-columns", "true");
  name = g_strdup_printf ("%s.xlsx", (title && *title) ? title : _("Worksheet"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_worksheet_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Printing, the PDF report and presenting. */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (self->shown_idea)
    fw_print_diagram (GTK_WINDOW (self), self->shown_idea);
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_print_report (GTK_WINDOW (self), _fw_window_workbook (self));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  g_autofree char *language = self->settings
                              ? g_settings_get_string (self->settings, "export-language")
                              : NULL;

  fw_report_export_run (GTK_WINDOW (self), self->document, language);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (fw_workbook_get_n_ideas (_fw_window_workbook (self)) == 0)
    {
      _fw_window_show_toast (self, _("Add an idea first: each idea becomes a slide"));
      return;
    }
  fw_presentation_present (GTK_WINDOW (self), _fw_window_workbook (self),
                           adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

void
_fw_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.export-worksheet", NULL,
                                   export_worksheet_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
}
