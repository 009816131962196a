/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "fw-i18n.h"
#include "fw-report.h"
#include "fw-report-export.h"
#include "fw-ui.h"

typedef struct
{
  GtkWindow        *parent;      /* weak */
  FwDocument       *document;
  GFile            *file;
  GCancellable     *cancellable;
  AdwToast         *toast;       /* progress, or NULL */
  GtkWidget        *dialog;      /* progress without a toast overlay, or NULL */
  GtkProgressBar   *bar;
  double            fraction;    /* last reported, under the lock */
  guint             progress_id;
  GMutex            lock;
  FwReportOptions   options;
  char             *language;    /* options.language points here */
} Export;

static void
export_free (Export *export)
{
  g_clear_handle_id (&export->progress_id, g_source_remove);
  g_clear_weak_pointer (&export->parent);
  g_clear_object (&export->document);
  g_clear_object (&export->file);
  g_clear_object (&export->cancellable);
  g_clear_object (&export->toast);
  if (export->dialog)
    gtk_window_destroy (GTK_WINDOW (export->dialog));
  g_mutex_clear (&export->lock);
  g_free (export->language);
  g_free (export);
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay (child);

      if (found)
        return found;
    }
  return NULL;
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  fw_ui_show_error (parent, _("Could Not Export the Report"), message);
}

/* Worker thread: the document's report export reports here; only the fraction
 * is shared, under the lock. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Export *export = user_data;

  g_mutex_lock (&export->lock);
  export->fraction = fraction;
  g_mutex_unlock (&export->lock);
}

/* Main thread: polls the fraction, so the worker never waits on the UI. */
static gboolean
update_progress_cb (gpointer user_data)
{
  Export *export = user_data;
  g_autofree char *title = NULL;
  double fraction;

  g_mutex_lock (&export->lock);
  fraction = export->fraction;
  g_mutex_unlock (&export->lock);

  /* TRANSLATORS: progress while the PDF report is written */
  title = g_strdup_printf (_("Writing the report… %d%%"), (int) (fraction * 100));
  if (export->toast)
    adw_toast_set_title (export->toast, title);
  if (export->bar)
    gtk_progress_bar_set_fraction (export->bar, fraction);
  return G_SOURCE_CONTINUE;
}

static void
unref_data (gpointer  data,
            GClosure *closure)
{
  g_object_unref (data);
}

static void
open_report_cb (AdwToast *toast,
                gpointer  user_data)
{
  GFile *file = user_data;
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "parent");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&export->progress_id, g_source_remove);
  if (export->toast)
    adw_toast_dismiss (export->toast);

  if (!fw_document_export_report_finish (FW_DOCUMENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && export->parent)
        show_error (export->parent, error->message);
    }
  else if (export->parent)
    {
      AdwToastOverlay *overlay = find_overlay (GTK_WIDGET (export->parent));

      if (overlay)
        {
          AdwToast *toast = adw_toast_new (_("Report exported"));

          adw_toast_set_button_label (toast, _("_Open"));
          g_object_set_data (G_OBJECT (toast), "parent", export->parent);
          g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_report_cb),
                                 g_object_ref (export->file), unref_data,
                                 0);
          adw_toast_overlay_add_toast (overlay, toast);
        }
    }
  export_free (export);
}

static void
cancel_cb (gpointer user_data)
{
  Export *export = user_data;

  g_cancellable_cancel (export->cancellable);
}

static void
dialog_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  cancel_cb (user_data);
}

static void
start (Export *export)
{
  AdwToastOverlay *overlay = find_overlay (GTK_WIDGET (export->parent));

  if (overlay)
    {
      export->toast = g_object_ref_sink (adw_toast_new (_("Writing the report…")));
      adw_toast_set_timeout (export->toast, 0);
      adw_toast_set_priority (export->toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_button_label (export->toast, _("_Cancel"));
      g_signal_connect_swapped (export->toast, "button-clicked", G_CALLBACK (cancel_cb), export);
      adw_toast_overlay_add_toast (overlay, g_object_ref (export->toast));
    }
  else
    {
      export->dialog = adw_message_dialog_new (export->parent, _("Writing the Report"), NULL);
      export->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (export->dialog),
                                          GTK_WIDGET (export->bar));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (export->dialog), "cancel",
                                       _("_Cancel"));
      /* Not modal: the window stays usable while the report is written. */
      gtk_window_set_modal (GTK_WINDOW (export->dialog), FALSE);
      gtk_window_set_hide_on_close (GTK_WINDOW (export->dialog), TRUE);
      g_signal_connect (export->dialog, "response", G_CALLBACK (dialog_response_cb), export);
      gtk_window_present (GTK_WINDOW (export->dialog));
    }
  export->progress_id = g_timeout_add (100, update_progress_cb, export);

  /* The document copies the workbook now, before anything can change, and
   * writes the report from the copy on a worker, in the export's language. */
  fw_document_export_report_async (export->document, export->file, &export->options,
                                   progress_cb, export, export->cancellable, write_done_cb,
                                   export);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  Export *export = user_data;

  if (response == GTK_RESPONSE_ACCEPT && export->parent)
    {
      export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      start (export);
    }
  else
    export_free (export);
  g_object_unref (dialog);
}

void
fw_report_export_run (GtkWindow  *parent,
                      FwDocument *document,
                      const char *language)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title;
  Export *export;
  const char *lang;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (FW_IS_DOCUMENT (document));

  export = g_new0 (Export, 1);
  g_mutex_init (&export->lock);
  g_set_weak_pointer (&export->parent, parent);
  export->document = g_object_ref (document);
  export->cancellable = g_cancellable_new ();
  fw_report_options_init (&export->options);
  /* Written in on the worker thread (only there), whatever the interface's. */
  export->language = g_strdup (language && *language ? language : NULL);
  export->options.language = export->language;
  /* US and Canadian locales print on Letter. */
  lang = g_getenv ("LC_PAPER") ? g_getenv ("LC_PAPER") : setlocale (LC_MESSAGES, NULL);
  if (lang && (g_str_has_prefix (lang, "en_US") || g_str_has_prefix (lang, "en_CA")))
    export->options.paper = FW_PAPER_LETTER;
  chooser = gtk_file_chooser_native_new (_("Export Report"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  title = fw_workbook_get_title (fw_document_get_workbook (document));
  /* TRANSLATORS: the suggested file name of the report; %s is the workbook's title */
  name = g_strdup_printf (_("%s — report.pdf"), title && *title ? title : _("Flywheel"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
