/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-document.h"
#include "fw-portfolio.h"
#include "fw-report.h"
#include "fw-workbook-io.h"
#include "fw-xlsx.h"

/* FwDocument's exports: the diagram, the worksheet, the portfolio chart and the
 * report, written on a worker. Only the document's public API is used here. */

typedef struct
{
  char            *path;
  FwFlywheelInput *input;
  FwExportOptions  options;
  char            *author;    /* options point at these copies */
  char            *language;
  GPtrArray       *pieces;    /* the worksheet and the report: the workbook's bytes */
  gboolean         csv;
  FwWorksheetExportFlags flags;
  FwPortfolio     *portfolio; /* ranked on the calling thread */
  char            *title;
  GFile           *out;       /* the report's */
  FwReportOptions  report;    /* its language points at ->language */
  FwReportProgress progress;
  gpointer         progress_data;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_free (export->path);
  g_clear_pointer (&export->input, fw_flywheel_input_free);
  g_free (export->author);
  g_free (export->language);
  g_clear_pointer (&export->pieces, g_ptr_array_unref);
  g_clear_pointer (&export->portfolio, fw_portfolio_free);
  g_free (export->title);
  g_clear_object (&export->out);
  g_clear_pointer (&export->report.date, g_date_time_unref);
  g_free (export);
}

/* Every export: its data on the task, written on a worker. */
static void
run_export (FwDocument          *self,
            Export              *export,
            gpointer             source_tag,
            GTaskThreadFunc      thread,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, export, export_free);
  g_task_run_in_thread (task, thread);
}

static gboolean
export_finish (FwDocument    *self,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Copies what the options point at, so the caller's may go at once. */
static void
export_take_options (Export                *export,
                     const FwExportOptions *options)
{
  export->options = *options;
  export->author = g_strdup (options->author);
  export->language = g_strdup (options->language);
  export->options.author = export->author;
  export->options.language = export->language;
}

/* A workbook of the worker's own, made from the pieces made on the calling
 * thread, so the model is never read off its thread. */
static FwWorkbook *
export_copy_workbook (Export  *export,
                      GError **error)
{
  g_autoptr(GByteArray) joined = g_byte_array_new ();

  for (guint i = 0; i < export->pieces->len; i++)
    {
      GBytes *piece = g_ptr_array_index (export->pieces, i);
      g_byte_array_append (joined, g_bytes_get_data (piece, NULL), g_bytes_get_size (piece));
    }
  return fw_workbook_load_from_data ((const char *) joined->data, joined->len, export->path,
                                     error);
}

static void
export_diagram_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (fw_export_to_file (export->input, &export->options, export->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fw_document_export_diagram_async (FwDocument            *self,
                                  FwFlywheelInput       *input,
                                  const FwExportOptions *options,
                                  const char            *path,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data)
{
  Export *export;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (input != NULL && options != NULL && path != NULL);

  export = g_new0 (Export, 1);
  export->path = g_strdup (path);
  export->input = input;
  export_take_options (export, options);
  run_export (self, export, fw_document_export_diagram_async, export_diagram_thread, cancellable, callback,
              user_data);
}

gboolean
fw_document_export_diagram_finish (FwDocument    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return export_finish (self, result, error);
}

static void
export_worksheet_thread (GTask        *task,
                         gpointer      source,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(FwWorkbook) copy = NULL;
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;
  gboolean ok;

  copy = export_copy_workbook (export, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (export->csv)
    {
      g_autoptr(GBytes) bytes = fw_worksheet_export_csv (copy, export->flags);
      g_autoptr(GError) io_error = NULL;

      file = g_file_new_for_path (export->path);
      ok = g_file_replace_contents (file, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, &io_error);
      if (!ok)
        fw_file_error_set (&error, io_error, export->path, TRUE);
    }
  else
    ok = fw_worksheet_export_xlsx (copy, export->path, export->flags, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fw_document_export_worksheet_async (FwDocument             *self,
                                    const char             *path,
                                    gboolean                csv,
                                    FwWorksheetExportFlags  flags,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  Export *export;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (path != NULL);

  export = g_new0 (Export, 1);
  export->path = g_strdup (path);
  export->csv = csv;
  export->flags = flags;
  export->pieces = fw_workbook_to_pieces (fw_document_get_workbook (self));
  run_export (self, export, fw_document_export_worksheet_async, export_worksheet_thread, cancellable, callback,
              user_data);
}

gboolean
fw_document_export_worksheet_finish (FwDocument    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return export_finish (self, result, error);
}


static void
export_portfolio_thread (GTask        *task,
                         gpointer      source,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (fw_portfolio_export_to_file (export->portfolio, &export->options, export->title,
                                   export->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fw_document_export_portfolio_async (FwDocument            *self,
                                    const FwExportOptions *options,
                                    const char            *path,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  FwWorkbook *workbook;
  Export *export;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (options != NULL && path != NULL);

  workbook = fw_document_get_workbook (self);
  export = g_new0 (Export, 1);
  export->path = g_strdup (path);
  /* A snapshot of plain values (titles, verdicts, scores), ranked here where the
   * model lives; the worker lays it out and draws it. */
  export->portfolio = fw_portfolio_new (workbook);
  export->title = g_strdup (fw_workbook_get_title (workbook));
  export_take_options (export, options);
  run_export (self, export, fw_document_export_portfolio_async, export_portfolio_thread, cancellable, callback,
              user_data);
}

gboolean
fw_document_export_portfolio_finish (FwDocument    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return export_finish (self, result, error);
}

static void
export_report_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(FwWorkbook) copy = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  copy = export_copy_workbook (export, &error);
  /* fw_report_write() pushes the report's language on this thread alone. */
  if (copy && fw_report_write (copy, export->out, &export->report, cancellable,
                               export->progress, export->progress_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fw_document_export_report_async (FwDocument            *self,
                                 GFile                 *out,
                                 const FwReportOptions *options,
                                 FwReportProgress       progress,
                                 gpointer               progress_data,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  Export *export;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (out));

  export = g_new0 (Export, 1);
  export->out = g_object_ref (out);
  export->path = g_file_get_parse_name (out);
  if (options)
    export->report = *options;
  else
    fw_report_options_init (&export->report);
  if (export->report.date)
    g_date_time_ref (export->report.date);
  export->language = g_strdup (export->report.language);
  export->report.language = export->language;
  export->progress = progress;
  export->progress_data = progress_data;
  export->pieces = fw_workbook_to_pieces (fw_document_get_workbook (self));
  run_export (self, export, fw_document_export_report_async, export_report_thread, cancellable, callback,
              user_data);
}

gboolean
fw_document_export_report_finish (FwDocument    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return export_finish (self, result, error);
}
