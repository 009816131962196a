/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-document.h"
#include "fw-gettext.h"
#include "fw-collect.h"
#include "fw-text-input.h"
#include "fw-triage.h"
#include "fw-workbook-io.h"

/* The window's other file operations, each on a worker: a backlog to triage,
 * whether dropped files are copies of this workbook, whether a file exists.
 * Only the document's public API is used here. */

/* ------------------------------------------------------------------ a backlog */

static void
read_backlog_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  char *text = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = fw_text_input_read (file, name, FW_TRIAGE_MAX_SIZE, cancellable, &error);
  if (bytes)
    text = fw_triage_decode (bytes, name, &error);
  if (text)
    g_task_return_pointer (task, text, g_free);
  else
    g_task_return_error (task, error);
}

void
fw_document_read_backlog_async (FwDocument          *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_document_read_backlog_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_backlog_thread);
}

char *
fw_document_read_backlog_finish (FwDocument    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ copies */

typedef struct
{
  GPtrArray *files;     /* GFile */
  char      *identity;  /* this workbook's */
} Peek;

static void
peek_free (gpointer data)
{
  Peek *peek = data;

  g_ptr_array_unref (peek->files);
  g_free (peek->identity);
  g_free (peek);
}

static void
peek_copies_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Peek *peek = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;
  for (guint i = 0; i < peek->files->len; i++)
    {
      GFile *file = peek->files->pdata[i];
      g_autoptr(FwWorkbook) copy = NULL;
      g_autofree char *identity = NULL;
      GError *error = NULL;

      copy = fw_workbook_load (file, cancellable, &error);
      if (copy == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      identity = fw_workbook_dup_identity (copy);
      if (identity == NULL || g_strcmp0 (identity, peek->identity) != 0)
        {
          g_autofree char *name = g_file_get_basename (file);

          /* TRANSLATORS: %s is a file name */
          g_task_return_new_error (task, FW_COLLECT_ERROR, FW_COLLECT_ERROR_OTHER_WORKBOOK,
                                   _("%s: not a copy of this workbook"), name);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

void
fw_document_peek_copies_async (FwDocument          *self,
                               GFile * const       *files,
                               guint                n_files,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Peek *peek;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (files != NULL || n_files == 0);

  peek = g_new0 (Peek, 1);
  peek->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (peek->files, g_object_ref (files[i]));
  peek->identity = fw_workbook_dup_identity (fw_document_get_workbook (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_document_peek_copies_async);
  g_task_set_task_data (task, peek, peek_free);
  g_task_run_in_thread (task, peek_copies_thread);
}

gboolean
fw_document_peek_copies_finish (FwDocument    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ existence */

static void
query_exists_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  gboolean exists;

  if (g_task_return_error_if_cancelled (task))
    return;
  exists = g_file_query_exists (task_data, cancellable);
  /* A cancelled query answers FALSE: say so rather than "it does not exist". */
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, exists);
}

void
fw_document_query_exists_async (FwDocument          *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_document_query_exists_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, query_exists_thread);
}

gboolean
fw_document_query_exists_finish (FwDocument    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
