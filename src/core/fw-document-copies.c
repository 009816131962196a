/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What FwDocument brings in from other files: a worksheet imported and its items
 * merged in, members' copies collected, another copy of the workbook read and
 * merged, and the sync clients' conflicted copies of its file. */

#include "config.h"

#include "fw-document-private.h"
#include "fw-text.h"
#include "fw-merge.h"
#include "fw-text-input.h"
#include "fw-versions.h"
#include "fw-workbook-io.h"

/* ------------------------------------------------------------------ importing */

typedef struct
{
  GFile          *file;
  FwWorkbook     *workbook;
  FwImportReport *report;
} Import;

static void
import_free (gpointer data)
{
  Import *import = data;

  g_clear_object (&import->file);
  g_clear_object (&import->workbook);
  g_clear_pointer (&import->report, fw_import_report_free);
  g_free (import);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Import *import = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (import->file);
  GError *error = NULL;

  /* Refused from its size alone, before it is read. */
  bytes = fw_text_input_read (import->file, name, FW_WORKSHEET_MAX_SIZE, cancellable, &error);
  if (bytes != NULL)
    import->workbook = fw_worksheet_import (bytes, name, &import->report, &error);
  if (import->workbook == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
fw_document_import_async (FwDocument          *self,
                          GFile               *worksheet,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (worksheet));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_document_import_async);
  import = g_new0 (Import, 1);
  import->file = g_object_ref (worksheet);
  g_task_set_task_data (task, import, import_free);
  g_task_run_in_thread (task, import_thread);
}

FwWorkbook *
fw_document_import_finish (FwDocument      *self,
                           GAsyncResult    *result,
                           FwImportReport **report,
                           GError         **error)
{
  Import *import;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  import = g_task_get_task_data (G_TASK (result));
  if (report)
    *report = g_steal_pointer (&import->report);
  return g_steal_pointer (&import->workbook);
}

/* This side's versions (fw-versions.h): the file's as last read or written, and
 * those merged in since; where fw_versions_find_base() starts. */
static GStrv
dup_ours (FwDocument *self)
{
  g_autoptr(GStrvBuilder) ours = g_strv_builder_new ();

  if (self->version_checksum)
    g_strv_builder_add (ours, self->version_checksum);
  for (guint i = 0; i < self->merged_checksums->len; i++)
    g_strv_builder_add (ours, self->merged_checksums->pdata[i]);
  return g_strv_builder_end (ours);
}

/* ------------------------------------------------------------------ collecting */

typedef struct
{
  GPtrArray *files;    /* GFile */
  GPtrArray *copies;   /* FwWorkbook, read on the worker */
  GPtrArray *names;    /* char *, the files' names for messages */
  GPtrArray *bases;    /* FwWorkbook or NULL: the version each copy was made from */
  char      *identity; /* this workbook's, or NULL */
  GStrv      ours;
} Collect;

/* A copy's base may be unknown (NULL). */
static void
unref_if_set (gpointer object)
{
  if (object)
    g_object_unref (object);
}

static void
collect_free (gpointer data)
{
  Collect *collect = data;

  g_ptr_array_unref (collect->files);
  g_ptr_array_unref (collect->copies);
  g_ptr_array_unref (collect->names);
  g_ptr_array_unref (collect->bases);
  g_free (collect->identity);
  g_strfreev (collect->ours);
  g_free (collect);
}

static void
collect_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Collect *collect = task_data;

  for (guint i = 0; i < collect->files->len; i++)
    {
      GError *error = NULL;
      FwWorkbook *copy = fw_workbook_load (collect->files->pdata[i], cancellable, &error);

      if (copy == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (collect->copies, copy);
      /* So that an idea deleted here since the copy was made stays deleted. */
      g_ptr_array_add (collect->bases,
                       collect->identity
                         ? fw_versions_find_base (collect->identity,
                                                  (const char * const *) collect->ours,
                                                  copy, cancellable)
                         : NULL);
    }
  g_task_return_boolean (task, TRUE);
}

void
fw_document_collect_async (FwDocument          *self,
                           GFile * const       *files,
                           guint                n_files,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Collect *collect;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_document_collect_async);
  collect = g_new0 (Collect, 1);
  collect->files = g_ptr_array_new_with_free_func (g_object_unref);
  collect->copies = g_ptr_array_new_with_free_func (g_object_unref);
  collect->names = g_ptr_array_new_with_free_func (g_free);
  collect->bases = g_ptr_array_new_with_free_func (unref_if_set);
  if (fw_workbook_has_identity (self->workbook))
    collect->identity = fw_workbook_dup_identity (self->workbook);
  collect->ours = dup_ours (self);
  for (guint i = 0; i < n_files; i++)
    {
      g_ptr_array_add (collect->files, g_object_ref (files[i]));
      g_ptr_array_add (collect->names, g_file_get_basename (files[i]));
    }
  g_task_set_task_data (task, collect, collect_free);
  g_task_run_in_thread (task, collect_thread);
}

FwCollect *
fw_document_collect_finish (FwDocument    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  Collect *collect;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  collect = g_task_get_task_data (G_TASK (result));
  /* The workbook is the main thread's: collected here, not on the worker. */
  return fw_collect_with_bases (self->workbook, (FwWorkbook * const *) collect->copies->pdata,
                                (FwWorkbook * const *) collect->bases->pdata,
                                (const char * const *) collect->names->pdata,
                                collect->copies->len, error);
}

void
fw_document_merge_imported (FwDocument *self,
                            FwWorkbook *imported)
{
  gboolean was_empty;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (FW_IS_WORKBOOK (imported));

  was_empty = fw_workbook_get_n_ideas (self->workbook) == 0 &&
              fw_workbook_get_n_cases (self->workbook) == 0 &&
              fw_workbook_get_n_members (self->workbook) == 0;

  /* The members first: the ideas' assessments name them, and a workbook whose
   * assessments name no member of its own would not load again. */
  for (guint i = 0; i < fw_workbook_get_n_members (imported); i++)
    {
      FwMember *member = fw_workbook_get_member (imported, i);

      if (fw_workbook_find_member (self->workbook, fw_member_get_id (member), NULL) == NULL)
        {
          g_autoptr(FwMember) copy = fw_member_copy (member);
          fw_workbook_append_member (self->workbook, copy);
        }
    }
  for (guint i = 0; i < fw_workbook_get_n_cases (imported); i++)
    {
      FwCase *item = fw_workbook_get_case (imported, i);

      if (fw_workbook_find_case (self->workbook, fw_case_get_id (item), NULL) == NULL)
        fw_workbook_append_case (self->workbook, item);
    }
  for (guint i = 0; i < fw_workbook_get_n_ideas (imported); i++)
    {
      FwIdea *item = fw_workbook_get_idea (imported, i);

      if (fw_workbook_find_idea (self->workbook, fw_idea_get_id (item), NULL) == NULL)
        fw_workbook_append_idea (self->workbook, item);
    }
  if (*fw_workbook_get_text (self->workbook, FW_WORKBOOK_PRODUCT) == '\0')
    fw_workbook_set_text (self->workbook, FW_WORKBOOK_PRODUCT,
                          fw_workbook_get_text (imported, FW_WORKBOOK_PRODUCT));
  /* An empty, untitled workbook takes the sheet as its own: its title, and the
   * id of the workbook the sheet was exported from (so it is a copy of that one). */
  if (fw_text_is_blank (fw_workbook_get_title (self->workbook)))
    fw_workbook_set_title (self->workbook, fw_workbook_get_title (imported));
  if (was_empty && fw_workbook_get_id (self->workbook) == NULL &&
      fw_workbook_get_id (imported) != NULL)
    fw_workbook_set_id (self->workbook, fw_workbook_get_id (imported));
}

/* ------------------------------------------------------------------ merging copies */

typedef struct
{
  GFile      *file;
  char       *identity;     /* this workbook's */
  GStrv       ours;         /* this side's versions: the file's, and those merged since */
  FwWorkbook *copy;
  FwWorkbook *base;
} ReadCopy;

/* A copy read by fw_document_read_copy_async() carries its version's checksum,
 * so merging it makes that version a parent of the next save. */
#define COPY_CHECKSUM_KEY "fw-document-version-checksum"

static void
read_copy_free (gpointer data)
{
  ReadCopy *read = data;

  g_clear_object (&read->file);
  g_free (read->identity);
  g_strfreev (read->ours);
  g_clear_object (&read->copy);
  g_clear_object (&read->base);
  g_free (read);
}

static void
read_copy_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReadCopy *read = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  read->copy = fw_workbook_load_full (read->file, NULL, NULL, cancellable, &bytes, &error);
  if (read->copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (read->identity)
    {
      read->base = fw_versions_find_base (read->identity, (const char * const *) read->ours,
                                          read->copy, cancellable);
      if (fw_workbook_has_identity (read->copy))
        {
          g_autofree char *identity = fw_workbook_dup_identity (read->copy);

          if (g_str_equal (identity, read->identity))
            g_object_set_data_full (G_OBJECT (read->copy), COPY_CHECKSUM_KEY,
                                    fw_versions_record (identity, bytes, NULL), g_free);
        }
    }
  g_task_return_boolean (task, TRUE);
}

void
fw_document_read_copy_async (FwDocument          *self,
                             GFile               *copy,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadCopy *read;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (copy));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_document_read_copy_async);
  read = g_new0 (ReadCopy, 1);
  read->file = g_object_ref (copy);
  if (fw_workbook_has_identity (self->workbook))
    read->identity = fw_workbook_dup_identity (self->workbook);
  read->ours = dup_ours (self);
  g_task_set_task_data (task, read, read_copy_free);
  g_task_run_in_thread (task, read_copy_thread);
}

FwWorkbook *
fw_document_read_copy_finish (FwDocument    *self,
                              GAsyncResult  *result,
                              FwWorkbook   **base,
                              GError       **error)
{
  ReadCopy *read;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  read = g_task_get_task_data (G_TASK (result));
  if (base)
    *base = g_steal_pointer (&read->base);
  return g_steal_pointer (&read->copy);
}

gboolean
fw_document_merge_copy (FwDocument  *self,
                        FwWorkbook  *base,
                        FwWorkbook  *theirs,
                        const char  *theirs_from,
                        guint       *n_conflicts,
                        GError     **error)
{
  g_autoptr(FwWorkbook) merged = NULL;
  g_autofree char *ours_from = NULL;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (FW_IS_WORKBOOK (theirs), FALSE);

  ours_from = fw_document_dup_display_name (self);
  merged = fw_merge (base, self->workbook, theirs, ours_from, theirs_from, n_conflicts, error);
  if (merged == NULL)
    return FALSE;
  /* Nothing came in: the same content, the same conflicts (fw_diff compares them)
   * and the same unknown members. */
  {
    g_autoptr(GPtrArray) changes = fw_diff (self->workbook, merged);
    JsonObject *was = fw_workbook_get_extra (self->workbook);
    JsonObject *is = fw_workbook_get_extra (merged);
    g_autoptr(JsonNode) was_node = was ? json_node_init_object (json_node_alloc (), was) : NULL;
    g_autoptr(JsonNode) is_node = is ? json_node_init_object (json_node_alloc (), is) : NULL;

    if (changes->len == 0 && (was_node == NULL) == (is_node == NULL) &&
        (was_node == NULL || json_node_equal (was_node, is_node)))
      return TRUE;
  }
  document_take_contents (self, merged);
  {
    const char *checksum = g_object_get_data (G_OBJECT (theirs), COPY_CHECKSUM_KEY);

    if (checksum)
      g_ptr_array_add (self->merged_checksums, g_strdup (checksum));
  }
  fw_document_set_modified (self, TRUE);
  if (self->autosave)
    document_write_draft (self);
  return TRUE;
}

GPtrArray *
fw_document_get_conflicted_copies (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  if (self->conflicted_copies == NULL)
    self->conflicted_copies = g_ptr_array_new_with_free_func (g_object_unref);
  return self->conflicted_copies;
}
